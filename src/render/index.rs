//! The index of a batch run (`analyze --pledges`): one row per pledge and area with the latest
//! year, the pledge period against the baseline, the verdict and a link to the report. Rows
//! are in kommun-name order and nothing else: the index is a table of contents, never a
//! league table.

use super::format::Lang;
use super::words;
use crate::model::Summary;
use std::fmt::Write;

/// One row of the index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexRow {
    /// Kommun name.
    pub kommun: String,
    /// SCB kommun code.
    pub code: String,
    /// Pledge years, e.g. `2023–2026`.
    pub years: String,
    /// Area title.
    pub area: String,
    /// Latest year and its count.
    pub latest: String,
    /// Rate ratio of the pledge period against the baseline, with its interval.
    pub comparison: String,
    /// The verdict in words.
    pub verdict: String,
    /// The report, relative to the index.
    pub link: String,
    /// True when the figures are example data.
    pub example: bool,
}

/// The rows for `pledges` (output folder, summary), sorted by kommun name (Swedish
/// alphabet), then folder; areas in pledge order.
pub fn rows(pledges: &[(&str, &Summary)], report: &str, lang: Lang) -> Vec<IndexRow> {
    let mut sorted: Vec<&(&str, &Summary)> = pledges.iter().collect();
    sorted.sort_by_cached_key(|(folder, s)| (swedish_key(&s.region.name), folder.to_string()));
    let mut out = Vec::new();
    for (folder, s) in sorted {
        for a in &s.areas {
            let [area, latest, comparison, _trend, verdict] = words::summary_row(a, lang);
            out.push(IndexRow {
                kommun: s.region.name.clone(),
                code: s.region.code.clone(),
                years: words::years(s.pledge),
                area,
                latest,
                comparison,
                verdict,
                link: format!("{folder}/{report}"),
                example: s.example_data,
            });
        }
    }
    out
}

/// A sort key that puts å, ä, ö after z, in that order, as a Swedish reader expects.
fn swedish_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => '{',
            'ä' | 'æ' => '|',
            'ö' | 'ø' => '}',
            'é' | 'è' => 'e',
            'ü' => 'y',
            c => c,
        })
        .collect()
}

fn heading(lang: Lang) -> [&'static str; 6] {
    [
        "Kommun",
        lang.pick("Område", "Area"),
        lang.pick("Senaste år", "Latest year"),
        lang.pick(
            "Löftesperioden mot jämförelseåren",
            "Pledge period against baseline",
        ),
        lang.pick("Bedömning", "Verdict"),
        "Rapport",
    ]
}

fn title(lang: Lang) -> &'static str {
    lang.pick(
        "Uppföljning av medborgarlöften",
        "Follow-up of citizen pledges",
    )
}

fn intro(rows: &[IndexRow], lang: Lang) -> String {
    let kommuner: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let mut text = format!(
        "{} {} {}",
        lang.pick("En rad per löfte och område,", "One row per pledge and area,"),
        kommuner.len(),
        lang.pick(
            "kommuner i bokstavsordning. Tabellen är ingen rangordning: jämför varje kommun med sina egna jämförelseår.",
            "kommuner in alphabetical order. The table is not a ranking: compare each kommun with its own baseline years.",
        )
    );
    if rows.iter().any(|r| r.example) {
        text.push_str(lang.pick(
            " **EXEMPELDATA – inte verklig statistik.**",
            " **EXAMPLE DATA – not real statistics.**",
        ));
    }
    text
}

/// The index as Markdown; text from the inputs is escaped.
pub fn markdown(rows: &[IndexRow], lang: Lang) -> String {
    let mut md = format!("# {}\n\n{}\n\n", title(lang), intro(rows, lang));
    let head = heading(lang);
    let _ = writeln!(md, "| {} |", head.join(" | "));
    let _ = writeln!(md, "|{}", "---|".repeat(head.len()));
    for r in rows {
        let _ = writeln!(
            md,
            "| {} ({}) {} | {} | {} | {} | {} | [{}]({}) |",
            md_text(&r.kommun),
            r.code,
            r.years,
            md_text(&r.area),
            md_text(&r.latest),
            md_text(&r.comparison),
            md_text(&r.verdict),
            lang.pick("rapport", "report"),
            r.link.replace(' ', "%20")
        );
    }
    md
}

/// The index as one HTML page without scripts; text from the inputs is escaped.
pub fn html(rows: &[IndexRow], lang: Lang) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>body{{font-family:sans-serif;margin:2em}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:.3em .6em;text-align:left}}</style>\n\
         </head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n<table>\n<thead><tr>",
        lang.pick("sv", "en"),
        title(lang),
        title(lang),
        html_text(&intro(rows, lang).replace("**", ""))
    );
    for cell in heading(lang) {
        let _ = write!(h, "<th>{}</th>", html_text(cell));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        let _ = writeln!(
            h,
            "<tr><td>{} ({}) {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}\">{}</a></td></tr>",
            html_text(&r.kommun),
            html_text(&r.code),
            html_text(&r.years),
            html_text(&r.area),
            html_text(&r.latest),
            html_text(&r.comparison),
            html_text(&r.verdict),
            html_text(&r.link.replace(' ', "%20")),
            lang.pick("rapport", "report")
        );
    }
    h.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    h
}

/// Text for a Markdown table cell: no markup, no line breaks, no cell breaks.
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '|' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text for HTML.
fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
