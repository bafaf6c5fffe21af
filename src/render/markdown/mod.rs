//! `report.md`: the pledge follow-up a coordinator attaches. Rendered from the result model
//! only; every number comes from [`Summary`].

mod area;
mod back;
pub mod escape;
mod front;
mod monthly;
mod surroundings;

use super::RenderOptions;
use super::format::{self, Lang};
use super::words;
use crate::model::Summary;
use std::fmt::Write;

/// Renders the whole report. Every text from an input is escaped first ([`escape::summary`]).
pub fn render(s: &Summary, opts: &RenderOptions) -> String {
    let s = &escape::summary(s);
    let lang = opts.lang;
    let mut md = String::new();
    title(&mut md, s, lang);
    front::dates(&mut md, s, lang);
    summary_table(&mut md, s, opts);
    for area in &s.areas {
        area::section(&mut md, s, area, opts);
    }
    back::context(&mut md, s, lang);
    back::data_quality(&mut md, s, lang);
    back::command(&mut md, &opts.command_line, lang);
    back::method(&mut md, s, lang);
    back::checksums(&mut md, s, lang);
    front::card(&mut md, opts);
    front::footer(&mut md, lang);
    format::typeset(&md, lang)
}

/// The first and last year with a count: yearly figures, and monthly ones (a running year).
fn data_years(s: &Summary) -> Option<(i32, i32)> {
    let yearly = s
        .areas
        .iter()
        .flat_map(|a| a.years.iter())
        .filter(|y| y.count.is_some())
        .map(|y| y.year);
    let monthly = s
        .areas
        .iter()
        .flat_map(|a| a.monthly.points.iter())
        .filter(|p| p.count.is_some())
        .map(|p| p.year);
    let (min, max) = yearly
        .chain(monthly)
        .fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
    (min <= max).then_some((min, max))
}

/// The years whose figures in the report are preliminary: after merging, a year an older
/// export had as preliminary and a newer one as final is final.
fn preliminary_years(s: &Summary) -> Vec<i32> {
    let yearly = s
        .areas
        .iter()
        .flat_map(|a| a.years.iter())
        .filter(|y| y.preliminary && y.count.is_some())
        .map(|y| y.year);
    let monthly = s
        .areas
        .iter()
        .flat_map(|a| a.monthly.points.iter())
        .filter(|p| p.preliminary && p.count.is_some())
        .map(|p| p.year);
    let mut v: Vec<i32> = yearly.chain(monthly).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The report's title as plain text (not escaped), e.g. for the HTML `<title>`.
pub fn title_text(s: &Summary, lang: Lang) -> String {
    format!(
        "{} {} – {}",
        lang.pick(
            "Uppföljning av medborgarlöftet",
            "Follow-up of the citizen pledge"
        ),
        words::years(s.pledge),
        s.region.name
    )
}

fn title(md: &mut String, s: &Summary, lang: Lang) {
    let _ = writeln!(md, "# {}\n", title_text(s, lang));
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
            words::county_name(&s.county.name, lang)
        );
    }
}

/// The summary table, its legend, the overview chart and one paragraph per area. The chart
/// comes before the paragraphs so that, in print, they fill the page foot it does not fit on.
fn summary_table(md: &mut String, s: &Summary, opts: &RenderOptions) {
    let lang = opts.lang;
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
        let _ = writeln!(md, "| {} |", words::summary_row(a, lang).join(" | "));
    }
    md.push('\n');
    front::legend(md, lang);
    front::overview(md, opts);
    for a in &s.areas {
        let _ = writeln!(
            md,
            "**{}.** {}\n",
            words::title(a, lang),
            crate::render::sentences::summary_sentences(a, s, lang).join(" ")
        );
    }
    // The running year is incomplete: its months so far against the same months before.
    for a in &s.areas {
        if let Some(y) = &a.monthly.year_to_date {
            let _ = writeln!(
                md,
                "**{}.** {}\n",
                words::title(a, lang),
                monthly::year_to_date_sentence(y, lang)
            );
        }
    }
}
