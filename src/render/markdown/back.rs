//! The end of the report: context, data quality, method and caveats.

use crate::model::Summary;
use crate::model::nesting::Counted;
use crate::render::format::{Lang, int, number};
use crate::render::words;
use std::fmt::Write;

/// Context series: total crime and the police events feed.
pub fn context(md: &mut String, s: &Summary, lang: Lang) {
    if s.total_crime.is_empty() && s.police_events.is_empty() {
        return;
    }
    let _ = writeln!(md, "## {}\n", lang.pick("Sammanhang", "Context"));
    if !s.total_crime.is_empty() {
        let _ = writeln!(
            md,
            "{}\n",
            lang.pick(
                "Alla anmälda brott i kommunen, som bakgrund till löftesområdena:",
                "All reported crime in the kommun, as background to the pledge areas:"
            )
        );
        let _ = writeln!(
            md,
            "| {} | {} | {} |\n| --- | --: | --: |",
            lang.pick("År", "Year"),
            lang.pick("Antal", "Count"),
            lang.pick("Per 100 000 inv.", "Per 100,000")
        );
        for y in &s.total_crime {
            let rate = y
                .rate_per_100k
                .map_or("–".to_owned(), |r| number(r, 0, lang));
            let _ = writeln!(
                md,
                "| {} | {} | {rate} |",
                y.year,
                words::count_cell(y.count, y.preliminary, lang)
            );
        }
        md.push('\n');
    }
    if !s.police_events.is_empty() {
        let _ = writeln!(md, "{}\n", lang.pick(POLICE_EVENTS_SV, POLICE_EVENTS_EN));
        let mut types: Vec<(&str, usize)> = Vec::new();
        for e in &s.police_events {
            match types.iter_mut().find(|t| t.0 == e.event_type) {
                Some(t) => t.1 += e.count,
                None => types.push((&e.event_type, e.count)),
            }
        }
        let months = (
            s.police_events.iter().map(|e| e.month.as_str()).min(),
            s.police_events.iter().map(|e| e.month.as_str()).max(),
        );
        if let (Some(first), Some(last)) = months {
            let _ = writeln!(
                md,
                "| {} ({first} – {last}) | {} |\n| --- | --: |",
                lang.pick("Händelsetyp", "Event type"),
                lang.pick("Händelser", "Events")
            );
        }
        for (t, n) in types {
            let _ = writeln!(md, "| {t} | {} |", int(n as u64, lang));
        }
        md.push('\n');
    }
}

const POLICE_EVENTS_SV: &str = "Polisens händelselista (polisen.se) för kommunen. Den är inte brottsstatistik och blandas aldrig med de anmälda brotten: listan har ingen typ för våld i nära relation, skyddade ärenden utelämnas och bara en liten del av alla brott syns där.";
const POLICE_EVENTS_EN: &str = "The police events feed (polisen.se) for the kommun. It is not crime statistics and is never mixed with reported crime: it has no type for violence in close relationships, protected cases are left out, and only a small share of all crime appears in it.";

/// Sources with SHA-256, revisions between exports and warnings.
pub fn data_quality(md: &mut String, s: &Summary, lang: Lang) {
    let _ = writeln!(md, "## {}\n", lang.pick("Datakvalitet", "Data quality"));
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} | {} | SHA-256 |\n| --- | --- | --- | --- | --: | --- | --- |",
        lang.pick("Fil", "File"),
        lang.pick("Exportdatum", "Export date"),
        lang.pick("Format", "Format"),
        lang.pick("Teckenkodning", "Encoding"),
        lang.pick("Rader", "Rows"),
        lang.pick("År", "Years"),
    );
    for src in &s.sources {
        let years = match (src.years.first(), src.years.last()) {
            (Some(a), Some(b)) => words::years([*a, *b]),
            _ => "–".to_owned(),
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {years} | `{}` |",
            src.file,
            src.export_date.as_deref().unwrap_or("–"),
            src.format,
            src.encoding,
            int(src.rows as u64, lang),
            short_hash(&src.sha256)
        );
    }
    md.push('\n');
    comparison_sources(md, s, lang);
    nested_labels(md, s, lang);
    if !s.revisions.is_empty() {
        let _ = writeln!(
            md,
            "{}\n",
            lang.pick(
                "Värden som skiljer mellan filerna (det nyare behålls):",
                "Values that differ between files (the newer is kept):"
            )
        );
        for r in &s.revisions {
            let _ = writeln!(
                md,
                "- {} / {} / {}: {} ({}) → {} ({})",
                r.region, r.crime, r.year, r.old_value, r.old_file, r.new_value, r.new_file
            );
        }
        md.push('\n');
    }
    if !s.warnings.is_empty() {
        let _ = writeln!(
            md,
            "{}\n",
            lang.pick("Varningar vid inläsningen:", "Warnings:")
        );
        for w in &s.warnings {
            let _ = writeln!(md, "- {}", crate::render::notes::warning(w, lang));
        }
        md.push('\n');
    }
}

/// Where each area's comparison figures come from (the export's own, or a sum of kommuner),
/// and which side of a total and its parts the area counts.
fn comparison_sources(md: &mut String, s: &Summary, lang: Lang) {
    let lines: Vec<String> = s
        .areas
        .iter()
        .filter_map(|a| {
            let c = a.comparison.as_ref()?;
            let title = crate::render::words::title(a, lang);
            Some(format!(
                "- {title}: {}",
                crate::render::region_names::comparison_source(c, lang)
            ))
        })
        .collect();
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(
        md,
        "{}\n\n{}\n",
        lang.pick(
            "Jämförelseregion per område:",
            "Comparison region per area:"
        ),
        lines.join("\n")
    );
}

/// Totals an area's patterns matched together with their parts, and which side is counted.
fn nested_labels(md: &mut String, s: &Summary, lang: Lang) {
    let mut lines = Vec::new();
    for a in &s.areas {
        let title = words::title(a, lang);
        let quote = |t: &str| match lang {
            Lang::Sv => format!("”{t}”"),
            Lang::En => format!("“{t}”"),
        };
        for n in &a.nested {
            let parts = n
                .parts
                .iter()
                .map(|p| quote(p))
                .collect::<Vec<_>>()
                .join(", ");
            let counted = match (n.counted, lang) {
                (Counted::Total, Lang::Sv) => {
                    "Totalen räknas och delarna lämnas utanför, så att inget brott räknas två gånger."
                }
                (Counted::Total, Lang::En) => {
                    "The total is counted and the parts are left out, so that no crime is counted twice."
                }
                (Counted::Parts, Lang::Sv) => {
                    "Totalen saknar siffror i underlaget (`..`), så delarna räknas i stället för den."
                }
                (Counted::Parts, Lang::En) => {
                    "The total has no figures in the data (`..`), so the parts are counted instead."
                }
            };
            lines.push(match lang {
                Lang::Sv => format!(
                    "- {title}: mönstren matchar både totalen {} och delarna {parts}. {counted}",
                    quote(&n.total)
                ),
                Lang::En => format!(
                    "- {title}: the patterns match both the total {} and its parts {parts}. {counted}",
                    quote(&n.total)
                ),
            });
        }
    }
    if !lines.is_empty() {
        let _ = writeln!(
            md,
            "{}\n\n{}\n",
            lang.pick("Totaler och delar:", "Totals and parts:"),
            lines.join("\n")
        );
    }
}

/// Characters of a SHA-256 shown in the data-quality table: enough to tell files apart and
/// to check a file by eye; the full value is in the appendix and in `summary.json`.
pub const SHORT_HASH: usize = 12;

fn short_hash(sha: &str) -> &str {
    sha.get(..SHORT_HASH).unwrap_or(sha)
}

/// The command that made the report, at the end of the data-quality section.
pub fn command(md: &mut String, command_line: &str, lang: Lang) {
    let _ = writeln!(
        md,
        "{} {}\n",
        lang.pick("Kommando:", "Command:"),
        super::escape::code(command_line)
    );
}

/// The appendix: every input file's full SHA-256, to check a copy of the data against.
pub fn checksums(md: &mut String, s: &Summary, lang: Lang) {
    if s.sources.is_empty() {
        return;
    }
    let _ = writeln!(
        md,
        "\n## {}\n\n{}\n",
        lang.pick("Bilaga: kontrollsummor", "Appendix: checksums"),
        lang.pick(
            "SHA-256 för varje inläst fil. Samma summa betyder samma fil, byte för byte.",
            "SHA-256 of every file read. The same sum means the same file, byte for byte."
        )
    );
    for src in &s.sources {
        let _ = writeln!(md, "- {}: `{}`", src.file, src.sha256);
    }
}

/// Method and caveats, with references; every threshold comes from `summary.method`.
pub fn method(md: &mut String, s: &Summary, lang: Lang) {
    let _ = writeln!(
        md,
        "## {}\n",
        lang.pick("Metod och förbehåll", "Method and caveats")
    );
    let _ = writeln!(md, "{}", method_text(s, lang));
}

/// The method bullets with the thresholds filled in.
fn method_text(s: &Summary, lang: Lang) -> String {
    let m = &s.method;
    let pct = |v: f64| number(v * 100.0, 0, lang);
    let rse = number(
        100.0 / (m.min_events_for_percent.max(1) as f64).sqrt(),
        0,
        lang,
    );
    let alpha = number(m.alpha, 2, lang);
    let spike = number(m.spike_residual, 0, lang);
    let (level, power) = (pct(m.level), pct(m.power));
    let (events, years_needed, kommuner) = (
        m.min_events_for_percent,
        m.min_trend_years,
        m.min_funnel_kommuner,
    );
    let (n, baseline) = (m.comparisons, words::years(s.baseline));
    match lang {
        Lang::Sv => format!("- Anmälda brott beskriver vad som kommit till polisens kännedom, inte den faktiska brottsligheten. För brott i nära relation är mörkertalet stort: många varken vill eller vågar anmäla.
- Narkotikabrott är spaningsbrott: antalet följer polisens insatser. En ökning under löftet kan betyda att arbetet genomförs.
- Varje brott räknas för sig, så ett enda ärende kan ge många brott.
- Små tal: en takt som bygger på färre än {events} brott har en relativ osäkerhet över {rse} %, och då redovisas ingen procentuell förändring. Intervallen är exakta {level} %-intervall för Poissonfördelningen (Garwood 1936).
- Jämförelse och trend görs bara på de brottstyper som har siffror alla år (en brottstyp som tillkommit under perioden redovisas för sig).
- Löftesperioden jämförs med {baseline} i en Poissonmodell över årens antal med befolkningen som exponering och kvasi-Poisson-skala φ* = max(1, φ), så att intervallet vidgas när åren varierar mer än slumpen ensam ger (McCullagh & Nelder 1989). Den exakta betingade kvoten (Fay 2010) redovisas i summary.json som kontroll.
- Trenden skattas med samma slags modell, aldrig över ett seriebrott som berör alla brottstyper; ett seriebrott som bara berör några av dem tas med som ett steg i nivån. Mann–Kendall och Sens lutning (Mann 1945, Kendall 1975, Sen 1968) som kontroll. Minst {years_needed} år krävs. När trenden inte är säkerställd anges den minsta årliga förändring som hade kunnat påvisas med {power} % sannolikhet.
- År med Pearson-residual, delad med √φ* skattad utan det året, över {spike} markeras som möjliga toppar.
- {n} områden prövas samtidigt; p-värdena justeras med Holms metod (Holm 1979) så att risken för ett felaktigt påstående om förändring i något område hålls under {alpha}.
- Jämförelsen med andra kommuner är ett trattdiagram med exakta Poissongränser (Spiegelhalter 2005) kring genomsnittet för övriga kommuner. När minst {kommuner} kommuner finns vidgas gränserna för spridningen mellan kommunerna (DerSimonian–Laird) och för osäkerheten i genomsnittet, som ett prediktionsintervall (Higgins m.fl. 2009). Kommunerna rangordnas inte.
- Jämförelsen med omgivningen är kvoten mellan kommunens förändring från jämförelseperioden till löftesperioden och länets (eller polisregionens) respektive rikets, skattad i en Poissonmodell med samspel mellan område och period; intervallet vidgas med kommunens egen överspridning φ*. Den ger sammanhang och påverkar inte bedömningen.
- Bedömningen: *tydlig* när jämförelsens justerade p-värde är under {alpha} och trenden inte går signifikant åt andra hållet; *möjlig* när bara trenden är signifikant och jämförelsen inte visar åt andra hållet, eller när ett seriebrott som berör alla brottstyper ligger inom de jämförda åren; annars *ingen påvisbar förändring* – vilket inte betyder att inget förändrats, utan att underlaget inte räcker för att visa det. *Kan inte bedömas* när antal eller befolkning saknas."),
        Lang::En => format!("- Reported crime describes what reached the police, not actual crime. For crime in close relationships the dark figure is large: many neither want nor dare to report.
- Drug offences are found by police work: counts follow police effort. A rise under the pledge may mean the work is being done.
- Each offence is counted, so a single case can add many crimes.
- Small numbers: a rate from fewer than {events} crimes has a relative standard error above {rse} %, and no percentage change is given then. Intervals are exact {level} % Poisson intervals (Garwood 1936).
- The comparison and the trend use only the crime types with figures in every year (a type added during the period is shown on its own).
- The pledge period is compared with {baseline} in a Poisson model of the yearly counts with population as exposure and quasi-Poisson scale φ* = max(1, φ), so the interval widens when the years vary more than chance alone gives (McCullagh & Nelder 1989). The exact conditional rate ratio (Fay 2010) is kept in summary.json as a check.
- The trend uses the same kind of model, never across a series break that affects every crime type; a break affecting only some of them enters as a step in level. Mann–Kendall and the Sen slope (Mann 1945, Kendall 1975, Sen 1968) as a check. At least {years_needed} years are needed. When the trend is not established, the smallest annual change detectable with {power} % probability is given.
- Years whose Pearson residual divided by √φ* (estimated without that year) exceeds {spike} are marked as possible spikes.
- {n} areas are tested at once; p-values are adjusted by Holm's method (Holm 1979) so the risk of a false claim of change in any area stays below {alpha}.
- Other kommuner are compared in a funnel plot with exact Poisson limits (Spiegelhalter 2005) around the average of the other kommuner. With at least {kommuner} kommuner the limits are widened for the spread between kommuner (DerSimonian–Laird) and the uncertainty of the average, as a prediction interval (Higgins et al. 2009). Kommuner are not ranked.
- The comparison with the surroundings is the ratio of the kommun's change from the baseline to the pledge period to the county's (or police region's) and the nation's, estimated in a Poisson model with an area × period interaction; the interval is widened by the kommun's own overdispersion φ*. It gives context and does not change the verdict.
- The verdict: *clear* when the comparison's adjusted p-value is below {alpha} and the trend does not go significantly the other way; *possible* when only the trend is significant and the comparison does not point the other way, or when a series break affecting every crime type lies within the compared years; otherwise *no detectable change* – which does not mean nothing changed, only that the data cannot show it. *Cannot be assessed* when counts or population are missing."),
    }
}
