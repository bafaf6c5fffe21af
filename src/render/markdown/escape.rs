//! Escaping of every text that comes from an input (pledge titles, promises, `about`, crime
//! labels, file names, region names, break descriptions, police event types) before it is
//! written into the Markdown report.
//!
//! Why a copy of the whole [`Summary`]: the report is written by many small functions, and an
//! escape forgotten in one of them would let `<script>` or a `|` through. Escaping the model
//! once, before any of them runs, leaves nothing to forget. Backslash escapes (not HTML
//! entities) keep `report.md` readable as plain text; `\` before ASCII punctuation is literal
//! text in CommonMark everywhere except inside code spans, and no input text is put in one.

use crate::model::{AreaSummary, BreakRef, Revision, SourceInfo, Summary, YearFigures};
use crate::notes::{Note, Warning};

/// `s` as literal Markdown text: punctuation that Markdown or HTML could read as markup is
/// backslash-escaped, line breaks and other control characters become spaces (a newline
/// would end a table row or a list item), and a leading list or heading marker is escaped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            // Inside a word (`bra_sol_long`) an underscore never emphasises: keep it readable.
            '_' if i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()) =>
            {
                out.push(c)
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '&' | '~' | '$'
            | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    escape_block_start(out)
}

/// `s` as a Markdown code span (e.g. the command line with its paths): fenced by more
/// backticks than any run inside it, so a backtick in a path cannot end the span early.
pub fn code(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if longest == 0 {
        format!("{fence}{s}{fence}")
    } else {
        format!("{fence} {s} {fence}")
    }
}

/// Text at the start of a line could open a list (`- `, `+ `, `1. `), a quote or a heading
/// underline (`=`, `-`); escaping its first marker keeps it a paragraph.
fn escape_block_start(s: String) -> String {
    let trimmed = s.trim_start_matches(' ');
    let lead = s.len() - trimmed.len();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let marker = trimmed[digits..].chars().next();
    let needs = match marker {
        Some('.' | ')') => digits > 0,
        Some('-' | '+' | '=') => digits == 0,
        _ => false,
    };
    if needs {
        let at = lead + digits;
        format!("{}\\{}", &s[..at], &s[at..])
    } else {
        s
    }
}

/// A copy of the summary with every input-derived text escaped by [`text`]. Area ids are kept
/// as they are: `pledge.toml` validation allows only `a–z`, `0–9`, `-` and `_`, and they name
/// chart files.
pub fn summary(s: &Summary) -> Summary {
    let mut s = s.clone();
    s.region.name = text(&s.region.name);
    s.county.name = text(&s.county.name);
    s.areas.iter_mut().for_each(area);
    s.sources.iter_mut().for_each(source);
    s.revisions.iter_mut().for_each(revision);
    s.warnings.iter_mut().for_each(warning);
    s.total_crime.iter_mut().for_each(year);
    s.publication.export_file = s.publication.export_file.as_deref().map(text);
    s.publication.export_date = s.publication.export_date.as_deref().map(text);
    for e in &mut s.police_events {
        e.event_type = text(&e.event_type);
        e.month = text(&e.month);
    }
    s
}

fn area(a: &mut AreaSummary) {
    a.title = text(&a.title);
    a.promise = a.promise.as_deref().map(text);
    a.about = a.about.as_deref().map(text);
    a.title_en = a.title_en.as_deref().map(text);
    a.promise_en = a.promise_en.as_deref().map(text);
    a.about_en = a.about_en.as_deref().map(text);
    a.crimes.iter_mut().for_each(|c| *c = text(c));
    a.basket.iter_mut().for_each(|c| *c = text(c));
    a.left_out.iter_mut().for_each(|l| l.crime = text(&l.crime));
    let steps = a
        .trend
        .steps
        .iter_mut()
        .chain(&mut a.pledge_vs_baseline.steps);
    steps.for_each(|s| s.date = text(&s.date));
    a.unmatched_patterns.iter_mut().for_each(|p| *p = text(p));
    a.breaks.iter_mut().for_each(break_ref);
    a.years.iter_mut().for_each(year);
    a.pledge_vs_baseline.notes.iter_mut().for_each(note);
    a.trend.notes.iter_mut().for_each(note);
    a.funnel.notes.iter_mut().for_each(note);
    if let Some(c) = &mut a.comparison {
        c.name = text(&c.name);
    }
    for n in &mut a.nested {
        n.total = text(&n.total);
        n.parts.iter_mut().for_each(|p| *p = text(p));
    }
    for r in &mut a.surroundings {
        r.region_name = text(&r.region_name);
        r.notes.iter_mut().for_each(note);
    }
}

fn break_ref(b: &mut BreakRef) {
    b.date = text(&b.date);
    b.what = text(&b.what);
    b.what_en = b.what_en.as_deref().map(text);
    b.source = text(&b.source);
}

fn year(y: &mut YearFigures) {
    y.region_name = text(&y.region_name);
}

fn source(x: &mut SourceInfo) {
    x.file = text(&x.file);
    // `format` and `encoding` are closed sets (enums): nothing from the input to escape.
    x.export_date = x.export_date.as_deref().map(text);
}

fn revision(r: &mut Revision) {
    for f in [
        &mut r.region,
        &mut r.crime,
        &mut r.old_value,
        &mut r.new_value,
        &mut r.old_file,
        &mut r.new_file,
    ] {
        *f = text(f);
    }
}

fn note(n: &mut Note) {
    if let Note::BreakInComparison { date, what } | Note::TrendAfterBreak { date, what, .. } = n {
        *date = text(date);
        *what = text(what);
    }
    if let Note::StepNotModelled { date } = n {
        *date = text(date);
    }
}

fn warning(w: &mut Warning) {
    match w {
        Warning::Preliminary { file, .. }
        | Warning::NotRead { file, .. }
        | Warning::PartialYear { file, .. } => *file = text(file),
        Warning::PatternUnmatched { pattern, .. } => *pattern = text(pattern),
        Warning::MissingYear { region, .. }
        | Warning::MissingPopulation { region, .. }
        | Warning::NoPopulation { region } => *region = text(region),
        Warning::PoliceUnknownPlaces { places, .. } => *places = text(places),
        Warning::PartialCounty { county, .. } => *county = text(county),
        Warning::KoladaWithoutPopulation { .. } | Warning::PoliceDuplicates { .. } => {}
    }
}

#[cfg(test)]
#[path = "escape_tests.rs"]
mod tests;
