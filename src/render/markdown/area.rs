//! One section per pledge area.

use crate::model::Level;
use crate::model::{AreaSummary, Summary, YearFigures};
use crate::render::RenderOptions;
use crate::render::format::{Lang, number};
use crate::render::{region_names, words};
use std::fmt::Write;

/// One pledge area: the promise, crime types, charts, yearly table and comparisons.
pub fn section(md: &mut String, s: &Summary, a: &AreaSummary, opts: &RenderOptions) {
    let lang = opts.lang;
    let title = words::title(a, lang);
    let _ = writeln!(md, "## {title}\n");
    if let Some(p) = in_lang(&a.promise, &a.promise_en, lang) {
        // Swedish quotes with ” at both ends, English with “ and ”.
        let open = lang.pick("”", "“");
        let close = "”";
        let _ = writeln!(
            md,
            "{}: *{open}{p}{close}*\n",
            lang.pick("Löftet", "The promise")
        );
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
            "- *{} {}{p}”*",
            lang.pick(
                "Mönstret matchar inget i data:",
                "Pattern matches nothing in the data:"
            ),
            lang.pick("”", "“")
        );
    }
    md.push('\n');
    if let Some(about) = in_lang(&a.about, &a.about_en, lang) {
        let _ = writeln!(md, "{}\n", about);
    }
    // Each chart stands beside the text it belongs to, so that no run of charts follows
    // another: in print a chart is one block, and text between charts fills the page foot a
    // chart no longer fits on (issue #13, the English A4 print's half-empty pages).
    chart(md, a, opts, Chart::Trend);
    year_table(md, a, lang);
    if a.crimes.len() > 1 {
        // One crime type: the stacked bars would repeat the count chart.
        chart(md, a, opts, Chart::Composition);
    }
    comparison(md, s, a, opts);
    super::monthly::section(md, a, opts);
}

/// A text in the report language: the English one when English and set, else the Swedish.
fn in_lang<'a>(sv: &'a Option<String>, en: &'a Option<String>, lang: Lang) -> Option<&'a String> {
    match (lang, en) {
        (Lang::En, Some(en)) => Some(en),
        _ => sv.as_ref(),
    }
}

/// The yearly charts of an area.
#[derive(Clone, Copy)]
enum Chart {
    Trend,
    Rates,
    Composition,
    Funnel,
}

impl Chart {
    /// The file's kind (`charts/{area}-{kind}.png`), the Swedish and the English caption.
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Chart::Trend => (
                "trend",
                "antal per år med trend",
                "count per year with trend",
            ),
            Chart::Rates => (
                "rates",
                "per 100 000 invånare jämfört med län och riket",
                "per 100,000 compared with county and nation",
            ),
            Chart::Composition => ("composition", "brottstyper per år", "crime types per year"),
            Chart::Funnel => (
                "funnel",
                "jämförelse med andra kommuner",
                "comparison with other kommuner",
            ),
        }
    }
}

/// One chart of the area as a Markdown image with its caption as the alternative text.
fn chart(md: &mut String, a: &AreaSummary, opts: &RenderOptions, c: Chart) {
    let (kind, sv, en) = c.names();
    let file = format!("charts/{}-{kind}.{}", a.id, opts.chart_format.ext());
    let title = words::title(a, opts.lang);
    let _ = writeln!(md, "![{title} – {}]({file})\n", opts.lang.pick(sv, en));
}

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
    for y in a.years.iter().filter(|y| y.level == Level::Kommun) {
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
    if a.years
        .iter()
        .any(|y| y.level == Level::Kommun && y.partial)
    {
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

/// The area's comparisons (with the rates and funnel charts), series breaks, notes and
/// possible spikes.
fn comparison(md: &mut String, s: &Summary, a: &AreaSummary, opts: &RenderOptions) {
    let lang = opts.lang;
    let _ = writeln!(md, "### {}\n", lang.pick("Jämförelser", "Comparisons"));
    chart(md, a, opts, Chart::Rates);
    latest_rates(md, a, lang);
    funnel_line(md, s, a, lang);
    super::surroundings::line(md, s, a, lang);
    md.push('\n');
    chart(md, a, opts, Chart::Funnel);
    breaks(md, a, lang);
    if let Some(note) = crate::render::notes::notes(&a.trend.notes, lang) {
        let _ = writeln!(md, "**{}** {note}\n", lang.pick("Trend.", "Trend."));
    }
    if let Some(note) = crate::render::notes::notes(&a.pledge_vs_baseline.notes, lang) {
        let _ = writeln!(
            md,
            "**{}** {note}\n",
            lang.pick("Jämförelsen.", "The comparison.")
        );
    }
    spikes(md, s, a, lang);
}

/// The latest rate of the kommun, its county and the nation, one bullet each.
fn latest_rates(md: &mut String, a: &AreaSummary, lang: Lang) {
    let latest = |level: &str| -> Option<&YearFigures> {
        a.years
            .iter()
            .rfind(|y| y.level.as_str() == level && y.rate_per_100k.is_some())
    };
    for level in ["kommun", region_names::comparison_level(a), "nation"] {
        if let Some(y) = latest(level) {
            let name = match &a.comparison {
                Some(c) if level == c.level.as_str() => region_names::comparison_name(c, lang),
                _ => words::region_name(level, &y.region_name, lang),
            };
            let _ = writeln!(
                md,
                "- {} {}: {} {}",
                name,
                y.year,
                number(y.rate_per_100k.unwrap_or_default(), 1, lang),
                lang.pick("per 100 000 invånare", "per 100,000 inhabitants")
            );
        }
    }
}

/// Where the kommun lies among the kommuner of the funnel, or why that is missing.
fn funnel_line(md: &mut String, s: &Summary, a: &AreaSummary, lang: Lang) {
    let f = &a.funnel;
    if let (Some(pos), Some(rate), Some(target)) = (f.position, f.rate, f.target_rate) {
        let _ = match lang {
            Lang::Sv => writeln!(
                md,
                "- Jämfört med de {} kommuner som finns i underlaget, under löftesperioden: {} har {} anmälda brott per 100 000 invånare, genomsnittet för övriga kommuner är {}. {} ligger {}.",
                f.kommuner,
                s.region.name,
                number(rate, 1, lang),
                number(target, 1, lang),
                s.region.name,
                words::position(pos, lang)
            ),
            Lang::En => writeln!(
                md,
                "- Compared with the {} kommuner in the data, over the pledge period: {} has {} reported crimes per 100,000 inhabitants, against an average of {} for the other kommuner. {} lies {}.",
                f.kommuner,
                s.region.name,
                number(rate, 1, lang),
                number(target, 1, lang),
                s.region.name,
                words::position(pos, lang)
            ),
        };
    } else if let Some(note) = crate::render::notes::notes(&f.notes, lang) {
        let _ = writeln!(
            md,
            "- {} {note}",
            lang.pick(
                "Jämförelse med andra kommuner saknas.",
                "No comparison with other kommuner."
            )
        );
    }
}

/// The series breaks that affect the area, in the report's language.
fn breaks(md: &mut String, a: &AreaSummary, lang: Lang) {
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
            let what = match (lang, &b.what_en) {
                (Lang::En, Some(en)) => en,
                _ => &b.what,
            };
            let _ = writeln!(md, "- {}: {what} ({})", b.date, b.source);
        }
        md.push('\n');
    }
}

/// The years that lie far from the trend.
fn spikes(md: &mut String, s: &Summary, a: &AreaSummary, lang: Lang) {
    if !a.spikes.is_empty() {
        let years: Vec<String> = a.spikes.iter().map(i32::to_string).collect();
        let _ = writeln!(
            md,
            "{} {}): {}. {}\n",
            lang.pick(
                "Möjliga toppar (Pearson-residual, skalad för överspridning, över",
                "Possible spikes (Pearson residual, scaled for overdispersion, above"
            ),
            number(s.method.spike_residual, 0, lang),
            years.join(", "),
            lang.pick(
                "Ett enskilt ärende kan ge många brott, eftersom varje brott räknas för sig.",
                "One case can add many crimes, since each offence is counted."
            )
        );
    }
}
