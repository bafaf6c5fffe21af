//! The end of the report: context, data quality, method and caveats.

use crate::model::Summary;
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
            src.sha256
        );
    }
    md.push('\n');
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

/// Method and caveats, with references.
pub fn method(md: &mut String, s: &Summary, lang: Lang) {
    let _ = writeln!(
        md,
        "## {}\n",
        lang.pick("Metod och förbehåll", "Method and caveats")
    );
    let text = match lang {
        Lang::Sv => METHOD_SV,
        Lang::En => METHOD_EN,
    };
    let _ = writeln!(
        md,
        "{}",
        text.replace("{baseline}", &words::years(s.baseline))
    );
}

const METHOD_SV: &str = "- Anmälda brott beskriver vad som kommit till polisens kännedom, inte den faktiska brottsligheten. För brott i nära relation är mörkertalet stort: många varken vill eller vågar anmäla.
- Narkotikabrott är spaningsbrott: antalet följer polisens insatser. En ökning under löftet kan betyda att arbetet genomförs.
- Varje brott räknas för sig, så ett enda ärende kan ge många brott.
- Små tal: en takt som bygger på färre än 20 brott har en relativ osäkerhet över 22 %. Intervallen är exakta 95 %-intervall för Poissonfördelningen (Garwood 1936).
- Löftesperioden jämförs med {baseline} med en exakt betingad test av kvoten mellan två takter (binomialmetoden; Fay 2010), med befolkningen som exponering.
- Trenden skattas med Poissonregression med befolkningen som offset och kvasi-Poisson-skala φ* = max(1, φ) (McCullagh & Nelder 1989), aldrig över ett seriebrott; Mann–Kendall och Sens lutning (Mann 1945, Kendall 1975, Sen 1968) som kontroll. Minst fem år krävs.
- År med Pearson-residual över 3 markeras som möjliga toppar.
- Jämförelsen med andra kommuner är ett trattdiagram med exakta Poissongränser (Spiegelhalter 2005), vidgade för överspridning när minst tio kommuner finns. Kommunerna rangordnas inte.
- Bedömningen: *tydlig* när kvotens 95 %-intervall ligger helt över (under) 1 och trenden inte går signifikant åt andra hållet; *möjlig* när kvoten har p < 0,10 eller trenden är signifikant i en riktning utan tecken åt den andra; annars *ingen påvisbar förändring* – vilket inte betyder att inget förändrats, utan att underlaget inte räcker för att visa det. Ligger ett seriebrott inom de jämförda åren blir en tydlig förändring *möjlig*, eftersom åren före och efter inte är helt jämförbara.";

const METHOD_EN: &str = "- Reported crime describes what reached the police, not actual crime. For crime in close relationships the dark figure is large: many neither want nor dare to report.
- Drug offences are found by police work: counts follow police effort. A rise under the pledge may mean the work is being done.
- Each offence is counted, so a single case can add many crimes.
- Small numbers: a rate from fewer than 20 crimes has a relative standard error above 22 %. Intervals are exact 95 % Poisson intervals (Garwood 1936).
- The pledge period is compared with {baseline} by the exact conditional test of the ratio of two rates (binomial method; Fay 2010), with population as exposure.
- The trend is a Poisson regression with population offset and quasi-Poisson scale φ* = max(1, φ) (McCullagh & Nelder 1989), never across a series break; Mann–Kendall and the Sen slope (Mann 1945, Kendall 1975, Sen 1968) as a check. At least five years are needed.
- Years with a Pearson residual above 3 are marked as possible spikes.
- Other kommuner are compared in a funnel plot with exact Poisson limits (Spiegelhalter 2005), widened for overdispersion when there are at least ten kommuner. Kommuner are not ranked.
- The verdict: *clear* when the ratio's 95 % interval lies wholly above (below) 1 and the trend does not go significantly the other way; *possible* when the ratio has p < 0.10 or the trend is significant in one direction with no sign the other way; otherwise *no detectable change* – which does not mean nothing changed, only that the data cannot show it. When a series break lies within the compared years, a clear change is reported as *possible*, since the years before and after are not fully comparable.";
