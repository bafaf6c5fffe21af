//! `report.md`: the pledge follow-up a coordinator attaches. Rendered from the result model
//! only; every number comes from [`Summary`].

use super::RenderOptions;
use super::format::{Lang, int, number};
use super::words;
use crate::model::{AreaSummary, Summary, YearFigures};
use std::fmt::Write;

/// Renders the whole report.
pub fn render(s: &Summary, opts: &RenderOptions) -> String {
    let lang = opts.lang;
    let mut md = String::new();
    title(&mut md, s, lang);
    summary_table(&mut md, s, lang);
    for area in &s.areas {
        area_section(&mut md, s, area, opts);
    }
    data_quality(&mut md, s, lang);
    method(&mut md, s, lang);
    let _ = writeln!(
        md,
        "\n---\n\n{} brottstrend {}: `{}`",
        lang.pick("Skapad med", "Produced by"),
        env!("CARGO_PKG_VERSION"),
        opts.command_line
    );
    md
}

fn data_years(s: &Summary) -> Option<(i32, i32)> {
    let years = s
        .areas
        .iter()
        .flat_map(|a| a.years.iter())
        .filter(|y| y.count.is_some())
        .map(|y| y.year);
    let (min, max) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
    (min <= max).then_some((min, max))
}

fn preliminary_years(s: &Summary) -> Vec<i32> {
    let mut v: Vec<i32> = s
        .sources
        .iter()
        .flat_map(|x| x.preliminary_years.iter().copied())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn title(md: &mut String, s: &Summary, lang: Lang) {
    let _ = writeln!(
        md,
        "# {} {} – {}\n",
        lang.pick(
            "Uppföljning av medborgarlöftet",
            "Follow-up of the citizen pledge"
        ),
        words::years(s.pledge),
        s.region.name
    );
    if s.example_data {
        let _ = writeln!(
            md,
            "> **{}** {}\n",
            lang.pick(
                "EXEMPELDATA – inte verklig statistik.",
                "EXAMPLE DATA – not real statistics."
            ),
            lang.pick(
                "Siffrorna är påhittade och visar bara hur rapporten ser ut.",
                "The figures are invented and only show what the report looks like."
            )
        );
    }
    if let Some((a, b)) = data_years(s) {
        let prel = preliminary_years(s);
        let prel = if prel.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = prel.iter().map(i32::to_string).collect();
            format!(
                " ({} {})",
                lang.pick("preliminärt:", "preliminary:"),
                list.join(", ")
            )
        };
        let _ = writeln!(
            md,
            "{} {a}–{b}{prel}. {} {} ({}), {} {}.\n",
            lang.pick("Data för", "Data for"),
            lang.pick("Kommun:", "Kommun:"),
            s.region.name,
            s.region.code,
            lang.pick("län:", "county:"),
            s.county.name
        );
    }
}

fn summary_table(md: &mut String, s: &Summary, lang: Lang) {
    let _ = writeln!(md, "## {}\n", lang.pick("Sammanfattning", "Summary"));
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} |\n| --- | --- | --- | --- | --- |",
        lang.pick("Område", "Area"),
        lang.pick("Senaste år", "Latest year"),
        lang.pick(
            "Löftesperioden mot jämförelseperioden",
            "Pledge period against baseline"
        ),
        lang.pick("Trend", "Trend"),
        lang.pick("Bedömning", "Verdict")
    );
    for a in &s.areas {
        let latest = a
            .years
            .iter()
            .rfind(|y| y.level == "kommun" && y.count.is_some());
        let latest = latest.map_or("–".to_owned(), |y| {
            format!(
                "{}: {}",
                y.year,
                words::count_cell(y.count, y.preliminary, lang)
            )
        });
        let rr = words::rate_ratio(&a.pledge_vs_baseline, lang).unwrap_or_else(|| "–".to_owned());
        let _ = writeln!(
            md,
            "| {} | {latest} | {rr} | {} | {} |",
            a.title,
            words::trend(&a.trend, lang),
            words::verdict(a.verdict, lang)
        );
    }
    md.push('\n');
    for a in &s.areas {
        let _ = writeln!(
            md,
            "**{}.** {}\n",
            a.title,
            words::summary_sentences(a, s.baseline, lang).join(" ")
        );
    }
}

fn area_section(md: &mut String, s: &Summary, a: &AreaSummary, opts: &RenderOptions) {
    let lang = opts.lang;
    let _ = writeln!(md, "## {}\n", a.title);
    if let Some(p) = &a.promise {
        let _ = writeln!(md, "{}: *”{p}”*\n", lang.pick("Löftet", "The promise"));
    }
    let _ = writeln!(
        md,
        "{}\n",
        lang.pick("Brottstyper som räknas:", "Crime types counted:")
    );
    for c in &a.crimes {
        let _ = writeln!(md, "- {c}");
    }
    for p in &a.unmatched_patterns {
        let _ = writeln!(
            md,
            "- *{} {p:?}*",
            lang.pick(
                "Mönstret matchar inget i data:",
                "Pattern matches nothing in the data:"
            )
        );
    }
    md.push('\n');
    for (kind, sv, en) in CHARTS {
        let file = format!("charts/{}-{kind}.{}", a.id, opts.chart_format.ext());
        let _ = writeln!(md, "![{} – {}]({file})\n", a.title, lang.pick(sv, en));
    }
    year_table(md, a, lang);
    comparison(md, s, a, lang);
}

/// The charts of an area, in the order shown: file kind, Swedish and English caption.
const CHARTS: [(&str, &str, &str); 4] = [
    (
        "trend",
        "antal per år med trend",
        "count per year with trend",
    ),
    (
        "rates",
        "per 100 000 invånare jämfört med län och riket",
        "per 100,000 compared with county and nation",
    ),
    ("composition", "brottstyper per år", "crime types per year"),
    (
        "funnel",
        "jämförelse med andra kommuner",
        "comparison with other kommuner",
    ),
];

fn year_table(md: &mut String, a: &AreaSummary, lang: Lang) {
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} |\n| --- | --: | --: | --: | --: |",
        lang.pick("År", "Year"),
        lang.pick("Antal", "Count"),
        lang.pick("95 % KI antal", "95% CI count"),
        lang.pick("Per 100 000 inv.", "Per 100,000"),
        lang.pick("95 % KI per 100 000", "95% CI per 100,000"),
    );
    let ci = |c: Option<[f64; 2]>, d: usize| {
        c.map_or("–".to_owned(), |[l, h]| {
            format!("{}–{}", number(l, d, lang), number(h, d, lang))
        })
    };
    for y in a.years.iter().filter(|y| y.level == "kommun") {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            y.year,
            words::year_count_cell(y.count, y.preliminary, y.partial, lang),
            ci(y.count_ci, 1),
            y.rate_per_100k
                .map_or("–".to_owned(), |r| number(r, 1, lang)),
            ci(y.rate_ci, 1),
        );
    }
    if a.years.iter().any(|y| y.level == "kommun" && y.partial) {
        let _ = writeln!(
            md,
            "\n\\* {}",
            lang.pick(
                "Någon av brottstyperna saknas (`..`) det året, så antalet är inte jämförbart med andra år.",
                "Some of the crime types are not available (`..`) that year, so the count is not comparable with other years."
            )
        );
    }
    md.push('\n');
}

fn comparison(md: &mut String, s: &Summary, a: &AreaSummary, lang: Lang) {
    let latest = |level: &str| -> Option<&YearFigures> {
        a.years
            .iter()
            .rfind(|y| y.level == level && y.rate_per_100k.is_some())
    };
    let _ = writeln!(md, "### {}\n", lang.pick("Jämförelser", "Comparisons"));
    for level in ["kommun", "county", "nation"] {
        if let Some(y) = latest(level) {
            let _ = writeln!(
                md,
                "- {} {}: {} {}",
                y.region_name,
                y.year,
                number(y.rate_per_100k.unwrap_or_default(), 1, lang),
                lang.pick("per 100 000 invånare", "per 100,000 inhabitants")
            );
        }
    }
    let f = &a.funnel;
    if let (Some(pos), Some(rate), Some(target)) = (&f.position, f.rate, f.target_rate) {
        let _ = writeln!(
            md,
            "- {} {} {}: {} {} {} {}; {} {}.",
            lang.pick("Bland", "Among"),
            f.kommuner,
            lang.pick(
                "kommuner i data under löftesperioden",
                "kommuner in the data over the pledge period"
            ),
            s.region.name,
            number(rate, 1, lang),
            lang.pick("mot genomsnittet", "against the average"),
            number(target, 1, lang),
            lang.pick("läget är", "the position is"),
            words::position(pos, lang)
        );
    } else if let Some(note) = words::notes(&f.notes, lang) {
        let _ = writeln!(
            md,
            "- {} {note}",
            lang.pick(
                "Jämförelse med andra kommuner saknas.",
                "No comparison with other kommuner."
            )
        );
    }
    md.push('\n');
    if !a.breaks.is_empty() {
        let _ = writeln!(
            md,
            "{}\n",
            lang.pick(
                "Seriebrott som berör området:",
                "Series breaks affecting the area:"
            )
        );
        for b in &a.breaks {
            let _ = writeln!(md, "- {}: {} ({})", b.date, b.what, b.source);
        }
        md.push('\n');
    }
    if let Some(note) = words::notes(&a.trend.notes, lang) {
        let _ = writeln!(md, "**{}** {note}\n", lang.pick("Trend.", "Trend."));
    }
    if let Some(note) = words::notes(&a.pledge_vs_baseline.notes, lang) {
        let _ = writeln!(
            md,
            "**{}** {note}\n",
            lang.pick("Jämförelsen.", "The comparison.")
        );
    }
    if !a.spikes.is_empty() {
        let years: Vec<String> = a.spikes.iter().map(i32::to_string).collect();
        let _ = writeln!(
            md,
            "{} {}. {}\n",
            lang.pick(
                "Möjliga toppar (Pearson-residual över 3):",
                "Possible spikes (Pearson residual above 3):"
            ),
            years.join(", "),
            lang.pick(
                "Ett enskilt ärende kan ge många brott, eftersom varje brott räknas för sig.",
                "One case can add many crimes, since each offence is counted."
            )
        );
    }
}

fn data_quality(md: &mut String, s: &Summary, lang: Lang) {
    let _ = writeln!(md, "## {}\n", lang.pick("Datakvalitet", "Data quality"));
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} | SHA-256 |\n| --- | --- | --- | --: | --- | --- |",
        lang.pick("Fil", "File"),
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
            "| {} | {} | {} | {} | {years} | `{}` |",
            src.file,
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
            let _ = writeln!(md, "- {w}");
        }
        md.push('\n');
    }
}

fn method(md: &mut String, s: &Summary, lang: Lang) {
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
- Bedömningen: *tydlig* när kvotens 95 %-intervall ligger helt över (under) 1 och trenden inte går signifikant åt andra hållet; *möjlig* när kvoten har p < 0,10 eller trenden är signifikant i en riktning utan tecken åt den andra; annars *ingen påvisbar förändring* – vilket inte betyder att inget förändrats, utan att underlaget inte räcker för att visa det.";

const METHOD_EN: &str = "- Reported crime describes what reached the police, not actual crime. For crime in close relationships the dark figure is large: many neither want nor dare to report.
- Drug offences are found by police work: counts follow police effort. A rise under the pledge may mean the work is being done.
- Each offence is counted, so a single case can add many crimes.
- Small numbers: a rate from fewer than 20 crimes has a relative standard error above 22 %. Intervals are exact 95 % Poisson intervals (Garwood 1936).
- The pledge period is compared with {baseline} by the exact conditional test of the ratio of two rates (binomial method; Fay 2010), with population as exposure.
- The trend is a Poisson regression with population offset and quasi-Poisson scale φ* = max(1, φ) (McCullagh & Nelder 1989), never across a series break; Mann–Kendall and the Sen slope (Mann 1945, Kendall 1975, Sen 1968) as a check. At least five years are needed.
- Years with a Pearson residual above 3 are marked as possible spikes.
- Other kommuner are compared in a funnel plot with exact Poisson limits (Spiegelhalter 2005), widened for overdispersion when there are at least ten kommuner. Kommuner are not ranked.
- The verdict: *clear* when the ratio's 95 % interval lies wholly above (below) 1 and the trend does not go significantly the other way; *possible* when the ratio has p < 0.10 or the trend is significant in one direction with no sign the other way; otherwise *no detectable change* – which does not mean nothing changed, only that the data cannot show it.";
