//! `report.html`: the Markdown report as one self-contained HTML file (charts embedded as data
//! URIs), with a stylesheet that reads well on screen and prints cleanly. Same words and
//! numbers as `report.md`: it is converted from it, not written again.

use base64::Engine;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};
use std::path::PathBuf;

/// The Content-Security-Policy of the report: no scripts, no frames, no requests at all;
/// images only as the embedded data URIs, styles only the inline stylesheet below.
pub const CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Converts the Markdown report; `charts` are (path relative to the report, bytes).
///
/// The Markdown has its input texts escaped already ([`super::markdown::escape`]); as a second
/// line of defence raw HTML is turned into text here, and a link or image may only point where
/// the report itself puts one (web pages, the embedded charts).
pub fn render(markdown: &str, title: &str, lang: &str, charts: &[(PathBuf, Vec<u8>)]) -> String {
    let mut body = String::new();
    html::push_html(&mut body, safe_events(markdown, charts));
    // A wide table scrolls inside its own box on a narrow screen instead of losing columns.
    let body = body
        .replace("<table>", "<div class=\"table-scroll\">\n<table>")
        .replace("</table>", "</table>\n</div>");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

/// The Markdown's events with raw HTML as text, charts as data URIs, and links or images to
/// anything else (a `javascript:` URL) reduced to their text.
fn safe_events<'a>(
    markdown: &'a str,
    charts: &'a [(PathBuf, Vec<u8>)],
) -> impl Iterator<Item = Event<'a>> + 'a {
    // One flag per open link or image: whether its start tag was kept, so its end tag is too.
    let mut kept: Vec<bool> = Vec::new();
    Parser::new_ext(markdown, Options::ENABLE_TABLES).filter_map(move |event| match event {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let ok = web_link(&dest_url);
            kept.push(ok);
            ok.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let data = chart_data_uri(&dest_url, charts);
            kept.push(data.is_some());
            data.map(|d| {
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(d),
                    title,
                    id,
                })
            })
        }
        Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
            kept.pop().unwrap_or(false).then_some(Event::End(end))
        }
        other => Some(other),
    })
}

/// Only plain web and mail links are links; `javascript:`, `data:` and the like are not.
fn web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// The chart at `url` (a path relative to the report) as a data URI, if it is one of ours.
fn chart_data_uri(url: &str, charts: &[(PathBuf, Vec<u8>)]) -> Option<String> {
    let (path, bytes) = charts
        .iter()
        .find(|(path, _)| path.to_string_lossy().replace('\\', "/") == url)?;
    let mime = if path.extension().is_some_and(|e| e == "svg") {
        "image/svg+xml"
    } else {
        "image/png"
    };
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    Some(format!("data:{mime};base64,{data}"))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Screen and print styles: readable line length, tables with rules that scroll sideways on a
/// narrow screen, charts at full width. In print: A4 with 18 mm margins, headings (and a line
/// ending in a colon) kept with what follows, and a chart never taller than a third of the
/// page. A chart is one unbreakable block, so in print it floats: when it does not fit at the
/// foot of a page it moves to the next and the text after it fills the foot, instead of
/// leaving the page a third empty. A chart never floats past the next section's heading.
const STYLE: &str = "body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #111; margin: 0; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.8rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #999; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; vertical-align: top; }
th { background: #eee; }
img { display: block; width: 100%; max-width: 60rem; height: auto; margin: 0.5rem auto; }
blockquote { border-left: 4px solid #d55e00; margin: 1rem 0; padding: 0.25rem 1rem; background: #fff3e8; }
code { font-size: 0.8rem; overflow-wrap: anywhere; }
td code { white-space: nowrap; }
hr { border: 0; border-top: 1px solid #999; margin-top: 2rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { font-size: 10pt; orphans: 3; widows: 3; }
  main { max-width: none; margin: 0; padding: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  p:has(+ ul), p:has(+ .table-scroll) { break-after: avoid; page-break-after: avoid; }
  .table-scroll { overflow: visible; }
  table { font-size: 8.5pt; }
  tr, blockquote { break-inside: avoid; page-break-inside: avoid; }
  p:has(> img) { float: left; width: 100%; margin: 0.2rem 0; }
  h2, hr { clear: both; }
  img { width: auto; max-width: 100%; max-height: 80mm; }
  a { color: inherit; text-decoration: none; }
}
";

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
