//! Live markup: hostile texts in `pledge.toml`, `breaks.toml`, crime labels, police events and
//! a file name reach the reports only as plain text (issue #10, "Live markup").

use crate::common::{analyze, copy_of};
use std::path::Path;

/// The hostile fixture, with one more hostile text in a file name.
fn hostile_run(extra: &[&str]) -> tempfile::TempDir {
    let dir = copy_of("hostile");
    let data = dir.path().join("data");
    std::fs::rename(
        data.join("scb_population.csv"),
        data.join("scb <img src=x onerror=alert(5)> | `x`.csv"),
    )
    .expect("rename");
    let (code, _, stderr) = analyze(dir.path(), extra);
    assert_eq!(code, 0, "{stderr}");
    dir
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join("reports").join(file)).expect("report")
}

/// Unescaped `|` in a Markdown table row: the column separators.
fn columns(row: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    n
}

/// Every tag of the HTML, from `<` to `>`.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(rest))
        .collect()
}

/// A tag without the contents of its quoted attribute values.
fn unquoted(tag: &str) -> String {
    tag.split('"').step_by(2).collect::<Vec<_>>().join("\"\"")
}

#[test]
fn hostile_inputs_leave_no_live_markup_in_the_html_report() {
    let dir = hostile_run(&["--report-format", "html"]);
    let html = read(dir.path(), "report.html").to_lowercase();
    for bad in [
        "<script",
        "<iframe",
        "<svg",
        "<img src=x",
        "<!--",
        "<a href=\"javascript",
    ] {
        assert!(!html.contains(bad), "found {bad:?} in report.html");
    }
    // Real tags (text `<` is `&lt;`), outside their quoted values: no event handler.
    for tag in tags(&html) {
        let names = unquoted(tag);
        for bad in ["onerror=", "onload=", "onclick=", "script", "iframe"] {
            assert!(!names.contains(bad), "found {bad:?} in the tag <{tag}>");
        }
    }
    // Every link and image in a real tag points to the web or an embedded chart.
    for tag in tags(&html) {
        for attr in [" href=\"", " src=\""] {
            if let Some((_, value)) = tag.split_once(attr) {
                assert!(
                    ["https://", "http://", "data:image/png;base64,"]
                        .iter()
                        .any(|ok| value.starts_with(ok)),
                    "a link or image to {value:.40}"
                );
            }
        }
    }
    // The texts are still there, as text.
    assert!(html.contains("&lt;script&gt;alert("), "title shown as text");
    assert!(html.contains("onerror"), "promise shown as text");
    assert!(html.contains("content-security-policy"));
    assert!(html.contains("default-src 'none'"));
    assert!(!html.contains("script-src"), "no script source is allowed");
    // Every chart is still embedded.
    assert_eq!(html.matches("src=\"data:image/png;base64,").count(), 8);
}

#[test]
fn hostile_inputs_keep_every_markdown_table_whole() {
    let dir = hostile_run(&[]);
    let md = read(dir.path(), "report.md");
    let mut tables = 0;
    let mut lines = md.lines().peekable();
    while let Some(line) = lines.next() {
        if !line.starts_with('|') {
            continue;
        }
        tables += 1;
        let want = columns(line);
        while let Some(row) = lines.next_if(|l| l.starts_with('|')) {
            assert_eq!(columns(row), want, "row breaks its table: {row}");
        }
    }
    assert!(
        tables >= 5,
        "summary, two year tables, context, data quality"
    );
    // No input text starts a line of its own (a newline in a title would).
    assert!(!md.lines().any(|l| l.starts_with("| x | y |")));
    assert!(md.contains("Våld \\<script\\>"));
    // Every `<` that could open a tag or comment is escaped, and no input text makes a link.
    let bytes = md.as_bytes();
    for (i, _) in md.match_indices('<') {
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if next.is_ascii_alphabetic() || next == b'!' || next == b'/' {
            assert!(i > 0 && bytes[i - 1] == b'\\', "live `<` at {:?}", &md[i..]);
        }
    }
    assert!(!md.replace("\\](", "").contains("](javascript"));
}

#[test]
fn hostile_inputs_are_kept_verbatim_in_summary_json() {
    // The JSON is data, not markup: the titles stay as written there.
    let dir = hostile_run(&[]);
    let json = crate::common::summary(dir.path());
    let title = json["areas"][0]["title"].as_str().expect("title");
    assert!(title.starts_with("Våld <script>"));
}
