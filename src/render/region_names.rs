//! Region names in the report's language: the county, the police region and a county summed
//! from only some of its kommuner, which is never named as the county.

use super::format::Lang;
use super::words::county_name;
use crate::model::AreaSummary;
use crate::model::comparison::{ComparisonLevel, ComparisonRegion, ComparisonSource};

/// The `YearFigures::level` of the area's comparison rows (`county` when the model has none,
/// so older summaries render as before).
pub fn comparison_level(a: &AreaSummary) -> &'static str {
    a.comparison
        .as_ref()
        .map_or(ComparisonLevel::County.as_str(), |c| c.level.as_str())
}

/// The comparison region as the report names it: `Gävleborgs län` / `Gävleborg County`,
/// `Polisregion Mitt` / `Police Region Mitt`, or `Summan av 8 av 10 kommuner i Gävleborgs län` /
/// `Sum of 8 of 10 municipalities in Gävleborg County`.
pub fn comparison_name(c: &ComparisonRegion, lang: Lang) -> String {
    if let Some(k) = c.kommuner.filter(|_| !c.is_whole()) {
        let county = county_name(&c.name, lang);
        return match lang {
            Lang::Sv => format!("Summan av {} av {} kommuner i {county}", k.present, k.total),
            Lang::En => format!(
                "Sum of {} of {} municipalities in {county}",
                k.present, k.total
            ),
        };
    }
    match c.level {
        ComparisonLevel::County => county_name(&c.name, lang),
        ComparisonLevel::PoliceRegion => police_region_name(&c.name, lang),
    }
}

/// `Region Mitt` → `Polisregion Mitt` / `Police Region Mitt`: BRÅ's short name says "region"
/// only, which a reader takes for the county council's region.
pub fn police_region_name(name: &str, lang: Lang) -> String {
    let part = name.strip_prefix("Region ").unwrap_or(name);
    lang.pick("Polisregion ", "Police Region ").to_owned() + part
}

/// Where the comparison figures come from, as one sentence for the data-quality part.
pub fn comparison_source(c: &ComparisonRegion, lang: Lang) -> String {
    let name = comparison_name(c, lang);
    match (c.source, c.kommuner, lang) {
        (ComparisonSource::Export, _, Lang::Sv) => {
            format!("{name}: exportens egna siffror för regionen.")
        }
        (ComparisonSource::Export, _, Lang::En) => {
            format!("{name}: the export's own figures for the region.")
        }
        (ComparisonSource::SumOfKommuner, Some(k), Lang::Sv) if c.is_whole() => format!(
            "{name}: summan av länets {} kommuner (exporten har inga rader för länet).",
            k.total
        ),
        (ComparisonSource::SumOfKommuner, Some(k), Lang::En) if c.is_whole() => format!(
            "{name}: the sum of the county's {} municipalities (the export has no county rows).",
            k.total
        ),
        (ComparisonSource::SumOfKommuner, k, Lang::Sv) => format!(
            "{name}: underlaget saknar {} av länets kommuner och har inga rader för länet eller polisregionen, så siffrorna gäller inte hela länet.",
            missing(k)
        ),
        (ComparisonSource::SumOfKommuner, k, Lang::En) => format!(
            "{name}: the data lacks {} of the county's municipalities and has no county or police-region rows, so the figures are not the county's.",
            missing(k)
        ),
    }
}

fn missing(k: Option<crate::model::comparison::KommunCount>) -> usize {
    k.map_or(0, |k| k.total.saturating_sub(k.present))
}

#[cfg(test)]
#[path = "region_names_tests.rs"]
mod tests;
