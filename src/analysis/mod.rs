//! Analysis: from the merged canonical tables to the result model ([`crate::model::Summary`]).
//!
//! The yearly sums per area, region and year come from [`sums`] over a [`DatasetIndex`] built
//! once per dataset (its totals per crime type, region and year by polars, [`frames`]); the
//! statistics of each area are computed by the small modules below from those sums. Renderers
//! only read the result.

pub mod basket;
pub mod compare;
pub mod comparison;
pub mod context;
pub mod frames;
pub mod funnel;
pub mod index;
pub mod monthly;
pub mod publication;
pub mod sensitivity;
pub mod sums;
pub mod surroundings;
pub mod thresholds;
pub mod trend;
pub mod verdict;
pub mod yearly;

use crate::catalog;
use crate::config::{Area, Pledge, SeriesBreak};
use crate::error::InputError;
use crate::load::Dataset;
use crate::load::canonical::Observation;
use crate::model::monthly::Grain;
use crate::model::{
    AreaSummary, BreakRef, Comparison, Funnel, Method, RegionRef, Summary, YearFigures,
};
use crate::notes::Warning;
use crate::regions::{Level, Region, Regions};
pub use index::DatasetIndex;
use std::path::Path;

/// Runs every analysis for every area of the pledge, with the thresholds of [`thresholds`].
pub fn analyze(
    pledge: &Pledge,
    breaks: &[SeriesBreak],
    data: &Dataset,
    regions: &Regions,
    config_path: &Path,
    period: Option<Grain>,
) -> anyhow::Result<Summary> {
    let summary = analyze_unhashed(pledge, breaks, data, regions, config_path, period)?;
    with_hashes(summary, data)
}

/// [`analyze`] without waiting for the SHA-256 of the inputs: the summary's sources have an
/// empty `sha256` until [`with_hashes`]. For a run that draws its charts meanwhile (a large
/// export's hash may still be computed when the analysis is done).
pub fn analyze_unhashed(
    pledge: &Pledge,
    breaks: &[SeriesBreak],
    data: &Dataset,
    regions: &Regions,
    config_path: &Path,
    period: Option<Grain>,
) -> anyhow::Result<Summary> {
    let index = DatasetIndex::new(data, regions)?;
    unhashed_indexed(pledge, breaks, data, &index, regions, config_path, period)
}

/// `summary` with the SHA-256 of its sources, waiting for the hashes still being computed.
pub fn with_hashes(mut summary: Summary, data: &Dataset) -> anyhow::Result<Summary> {
    summary.sources = data.sources_hashed()?;
    Ok(summary)
}

/// [`analyze`] with the dataset's [`DatasetIndex`] built beforehand: a batch builds it once
/// for every pledge of the dataset.
pub fn analyze_indexed(
    pledge: &Pledge,
    breaks: &[SeriesBreak],
    data: &Dataset,
    index: &DatasetIndex,
    regions: &Regions,
    config_path: &Path,
    period: Option<Grain>,
) -> anyhow::Result<Summary> {
    let summary = unhashed_indexed(pledge, breaks, data, index, regions, config_path, period)?;
    with_hashes(summary, data)
}

/// [`analyze_indexed`] without the SHA-256 of the inputs ([`with_hashes`] adds them).
fn unhashed_indexed(
    pledge: &Pledge,
    breaks: &[SeriesBreak],
    data: &Dataset,
    index: &DatasetIndex,
    regions: &Regions,
    config_path: &Path,
    period: Option<Grain>,
) -> anyhow::Result<Summary> {
    let grain = choose_grain(data, pledge, config_path, period)?;
    let on = On { data, index };
    analyze_at(
        pledge,
        breaks,
        on,
        regions,
        config_path,
        thresholds::DEFAULT,
        grain,
    )
}

/// The dataset and its index.
#[derive(Clone, Copy)]
struct On<'a> {
    data: &'a Dataset,
    index: &'a DatasetIndex<'a>,
}

/// The inputs every area's analysis shares.
struct Inputs<'a> {
    pledge: &'a Pledge,
    breaks: &'a [SeriesBreak],
    regions: &'a Regions,
    /// The pledge kommun's own rows, so per-type look-ups scan hundreds, not millions.
    own: Vec<Observation>,
    method: Method,
    /// Everything read, for the monthly part.
    data: &'a Dataset,
    /// The finest period of the monthly part.
    grain: Grain,
}

/// [`analyze`] with a given set of thresholds (a test changes one and checks that the verdict,
/// the sentences and the method text change together).
pub fn analyze_with(
    pledge: &Pledge,
    breaks: &[SeriesBreak],
    data: &Dataset,
    regions: &Regions,
    config_path: &Path,
    method: Method,
) -> anyhow::Result<Summary> {
    let grain = monthly::series::finest(&data.sub_year, &pledge.region.code);
    let index = DatasetIndex::new(data, regions)?;
    let on = On {
        data,
        index: &index,
    };
    let summary = analyze_at(pledge, breaks, on, regions, config_path, method, grain)?;
    with_hashes(summary, data)
}

/// [`analyze_with`] at a chosen grain for the monthly part, the sources without their
/// SHA-256 ([`with_hashes`] adds them).
fn analyze_at(
    pledge: &Pledge,
    breaks: &[SeriesBreak],
    on: On,
    regions: &Regions,
    config_path: &Path,
    method: Method,
    grain: Grain,
) -> anyhow::Result<Summary> {
    let data = on.data;
    let own: Vec<Observation> = on
        .index
        .rows_of_region(&pledge.region.code)
        .cloned()
        .collect();
    ensure_kommun_present(pledge, &own, config_path)?;
    let catalogs = catalogs(pledge, data);
    let (baskets, rows) = baskets_and_rows(pledge, on.index, &own, &catalogs);
    let mut warnings = data.warnings.clone();
    if !data
        .population
        .iter()
        .any(|p| p.region_code == pledge.region.code)
    {
        warnings.push(Warning::NoPopulation {
            region: pledge.region.name.clone(),
        });
    }
    let inputs = Inputs {
        pledge,
        breaks,
        regions,
        own,
        method,
        data,
        grain,
    };
    let mut areas = Vec::new();
    let each = pledge.areas.iter().zip(catalogs).zip(baskets).zip(&rows);
    for (((area, found), basket), rows) in each {
        for pattern in &found.unmatched {
            warnings.push(Warning::PatternUnmatched {
                area: area.id.clone(),
                pattern: pattern.clone(),
            });
        }
        let area_rows: Vec<&sums::AreaYear> = rows.iter().collect();
        let chosen = comparison::choose(&area.id, &area_rows, pledge, regions, &data.population);
        warnings.extend(chosen.warning.clone());
        let mut summary = area_summary(&inputs, area, &area_rows, basket, chosen);
        summary.unmatched_patterns = found.unmatched;
        summary.nested = found.nested;
        warnings.extend(yearly::warnings(&summary, &pledge.region.name));
        areas.push(summary);
    }
    let mut method = inputs.method;
    verdict::adjust(&mut areas, &mut method);
    sensitivity::adjust(&mut areas, &method);
    summary(pledge, breaks, on, areas, warnings, method)
}

/// Each area's like-for-like basket, and the yearly sums of every region over its basket.
fn baskets_and_rows(
    pledge: &Pledge,
    index: &DatasetIndex,
    own: &[Observation],
    catalogs: &[catalog::AreaCrimes],
) -> (Vec<basket::Basket>, Vec<Vec<sums::AreaYear>>) {
    let baskets: Vec<basket::Basket> = catalogs
        .iter()
        .map(|c| {
            basket::basket(
                own,
                &c.crimes,
                pledge.baseline[0],
                pledge.pledge,
                pledge.baseline,
            )
        })
        .collect();
    // Area by area (the ids are unique), so no area's rows are picked out of all areas' rows.
    let rows = pledge
        .areas
        .iter()
        .zip(&baskets)
        .map(|(a, b)| {
            let pairs: Vec<(String, String)> =
                b.crimes.iter().map(|c| (a.id.clone(), c.clone())).collect();
            sums::area_years(index, &pairs, &pledge.county.code)
        })
        .collect();
    (baskets, rows)
}

/// The result model from the finished areas.
fn summary(
    pledge: &Pledge,
    breaks: &[SeriesBreak],
    on: On,
    areas: Vec<AreaSummary>,
    warnings: Vec<Warning>,
    method: Method,
) -> anyhow::Result<Summary> {
    let latest_year = areas
        .iter()
        .flat_map(|a| a.years.iter())
        .filter(|y| y.level == Level::Kommun && y.count.is_some())
        .map(|y| y.year)
        .max();
    let data = on.data;
    Ok(Summary {
        region: region_ref(&pledge.region),
        example_data: data.sources.iter().any(|s| s.example_data),
        pledge: pledge.pledge,
        baseline: pledge.baseline,
        latest_year,
        areas,
        county: region_ref(&pledge.county),
        sources: data.sources.clone(),
        revisions: data.revisions.clone(),
        warnings,
        total_crime: context::total_crime(on.index, &pledge.region, pledge.baseline, breaks),
        police_events: context::police_events(data, &pledge.region),
        method,
        publication: publication::publication(
            &data.sources,
            latest_year,
            publication::epoch_from_env()?,
        ),
    })
}

/// The crime types each area's patterns match among the labels in the data, a total never
/// with its parts (`catalog::nesting`).
fn catalogs(pledge: &Pledge, data: &Dataset) -> Vec<catalog::AreaCrimes> {
    let labels = data.labels();
    pledge
        .areas
        .iter()
        .map(|a| catalog::area_crimes_counted(a, &labels.all, |l| labels.with_figures.contains(l)))
        .collect()
}

/// An error naming the config when the data has no rows for the pledge kommun (`own`).
fn ensure_kommun_present(
    pledge: &Pledge,
    own: &[Observation],
    config_path: &Path,
) -> anyhow::Result<()> {
    if !own.is_empty() {
        return Ok(());
    }
    Err(InputError::file(
        config_path,
        format!(
            "the data has no crime figures for {} ({})",
            pledge.region.name, pledge.region.code
        ),
    )
    .value(&pledge.region.code)
    .expected(format!(
        "a kommun present in the exports, or an export for {} in the data folder",
        pledge.region.name
    ))
    .into())
}

/// One area's summary; its verdict is set later, after the adjustment across areas.
fn area_summary(
    inputs: &Inputs,
    area: &Area,
    area_rows: &[&sums::AreaYear],
    basket: basket::Basket,
    chosen: comparison::Chosen,
) -> AreaSummary {
    let (pledge, method) = (inputs.pledge, &inputs.method);
    let area_breaks = catalog::area_breaks(inputs.breaks, &basket.crimes);
    let years = year_figures(
        area_rows,
        &chosen,
        inputs,
        &basket.crimes,
        area.trend_from,
        &area_breaks,
    );
    let kommun: Vec<&YearFigures> = years.iter().filter(|y| y.level == Level::Kommun).collect();
    let plan = trend::plan(
        area.trend_from,
        inputs.breaks,
        &basket.crimes,
        basket.complete_from,
    );
    let (trend, spikes) = trend::trend(&kommun, &plan, method);
    let whole: Vec<&SeriesBreak> = plan.whole.iter().collect();
    let cmp = compare::compare(
        &kommun,
        pledge.pledge,
        pledge.baseline,
        &whole,
        &plan.steps,
        method,
    );
    let without_preliminary = sensitivity::without_preliminary(
        &kommun,
        pledge.pledge,
        pledge.baseline,
        &whole,
        &plan.steps,
        method,
    );
    let funnel = area_funnel(&kommun, &cmp, area_rows, pledge, method);
    let verdict = verdict::verdict(&cmp, &trend);
    let surroundings = surroundings::surroundings(&years, &cmp, pledge.baseline, method);
    let monthly = monthly::monthly(
        inputs.data,
        pledge,
        inputs.regions,
        &basket.crimes,
        inputs.grain,
    );
    AreaSummary {
        id: area.id.clone(),
        title: area.title.clone(),
        basket: basket.crimes.clone(),
        left_out: basket.left_out,
        pledge_vs_baseline: cmp,
        trend,
        spikes,
        breaks: break_refs(&area_breaks),
        funnel,
        surroundings,
        verdict,
        without_preliminary,
        promise: area.promise.clone(),
        police_effort: area.police_effort,
        about: area.about.clone(),
        crimes: basket.crimes,
        unmatched_patterns: Vec::new(),
        years,
        title_en: area.title_en.clone(),
        promise_en: area.promise_en.clone(),
        about_en: area.about_en.clone(),
        monthly,
        comparison: chosen.region,
        nested: Vec::new(),
    }
}

/// The funnel over the pledge years the kommun's comparison used.
fn area_funnel(
    kommun: &[&YearFigures],
    cmp: &Comparison,
    area_rows: &[&sums::AreaYear],
    pledge: &Pledge,
    method: &Method,
) -> Funnel {
    let pledge_years: Vec<i32> = cmp
        .pledge_years
        .map(|[a, b]| {
            kommun
                .iter()
                .map(|y| y.year)
                .filter(|y| *y >= a && *y <= b)
                .collect()
        })
        .unwrap_or_default();
    funnel::funnel(
        area_rows,
        &pledge_years,
        &pledge.region.code,
        method.min_funnel_kommuner,
    )
}

/// The breaks as the model records them.
fn break_refs(breaks: &[&SeriesBreak]) -> Vec<BreakRef> {
    breaks
        .iter()
        .map(|b| BreakRef {
            date: b.date_text(),
            what: b.what.clone(),
            source: b.source.clone(),
            splits_trend: b.splits_trend,
            what_en: b.what_en.clone(),
        })
        .collect()
}

/// The grain asked for (`--period`), else the finest the data has for the pledge kommun; an
/// error when the data has nothing that fine.
fn choose_grain(
    data: &Dataset,
    pledge: &Pledge,
    config_path: &Path,
    period: Option<Grain>,
) -> Result<Grain, InputError> {
    let finest = monthly::series::finest(&data.sub_year, &pledge.region.code);
    match period {
        None => Ok(finest),
        Some(asked) if asked <= finest => Ok(asked),
        Some(asked) => Err(InputError::file(
            config_path,
            format!(
                "--period {}: the data has no {} figures for {}",
                asked.as_str(),
                match asked {
                    Grain::Month => "monthly",
                    _ => "quarterly",
                },
                pledge.region.name
            ),
        )
        .value(asked.as_str())
        .expected(format!(
            "--period {} or coarser, or a monthly/quarterly SOL export in the data folder",
            finest.as_str()
        ))),
    }
}

fn region_ref(r: &Region) -> RegionRef {
    RegionRef {
        code: r.code.clone(),
        name: r.name.clone(),
    }
}

/// The yearly figures of the pledge kommun, its comparison region and the nation, in that
/// order.
fn year_figures(
    rows: &[&sums::AreaYear],
    chosen: &comparison::Chosen,
    inputs: &Inputs,
    crimes: &[String],
    trend_from: Option<i32>,
    breaks: &[&SeriesBreak],
) -> Vec<YearFigures> {
    let pledge = inputs.pledge;
    let of = |level: Level, code: &str| -> Vec<&sums::AreaYear> {
        rows.iter()
            .filter(|r| r.level == level && r.region_code == code && r.parts.is_none())
            .copied()
            .collect()
    };
    let nation = inputs.regions.nation();
    let mut groups: Vec<(&Region, Vec<&sums::AreaYear>)> =
        vec![(&pledge.region, of(Level::Kommun, &pledge.region.code))];
    if let Some(named) = &chosen.named {
        groups.push((named, chosen.rows.iter().collect()));
    }
    groups.push((&nation, of(Level::Nation, &nation.code)));
    let mut out = Vec::new();
    for (region, group) in groups {
        let mut figures: Vec<YearFigures> = group
            .iter()
            .map(|row| {
                let mut f = yearly::figures(row, region);
                if row.level == Level::Kommun {
                    f.by_crime = yearly::by_crime(&inputs.own, &region.code, row.year, crimes);
                    let known = f.by_crime.iter().filter(|c| c.is_some()).count();
                    f.partial = known > 0 && known < f.by_crime.len();
                }
                f
            })
            .collect();
        yearly::derive(&mut figures, pledge.baseline, trend_from, breaks);
        out.extend(figures);
    }
    out
}

#[cfg(test)]
mod tests;
