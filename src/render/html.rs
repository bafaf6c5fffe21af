//! `report.html`: the Markdown report as one self-contained HTML file (charts embedded as data
//! URIs), with a stylesheet that reads well on screen and prints cleanly. Same words and
//! numbers as `report.md`: it is converted from it, not written again.

use base64::Engine;
use pulldown_cmark::{Options, Parser, html};
use std::path::PathBuf;

/// Converts the Markdown report; `charts` are (path relative to the report, bytes).
pub fn render(markdown: &str, title: &str, lang: &str, charts: &[(PathBuf, Vec<u8>)]) -> String {
    let mut body = String::new();
    html::push_html(&mut body, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    for (path, bytes) in charts {
        let rel = path.to_string_lossy().replace('\\', "/");
        let mime = if rel.ends_with(".svg") {
            "image/svg+xml"
        } else {
            "image/png"
        };
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        body = body.replace(
            &format!("src=\"{rel}\""),
            &format!("src=\"data:{mime};base64,{data}\""),
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Screen and print styles: readable line length, tables with rules, charts at full width,
/// no section split across pages where avoidable.
const STYLE: &str = "body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #111; margin: 0; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.8rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; vertical-align: top; }
th { background: #eee; }
img { width: 100%; height: auto; margin: 0.5rem 0; }
blockquote { border-left: 4px solid #d55e00; margin: 1rem 0; padding: 0.25rem 1rem; background: #fff3e8; }
code { font-size: 0.8rem; word-break: break-all; }
@media print {
  main { max-width: none; margin: 0; }
  h2 { page-break-after: avoid; break-after: avoid; }
  img, table, blockquote { page-break-inside: avoid; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_embedded_and_tables_rendered() {
        let md = "# T\n\n| a | b |\n| --- | --: |\n| 1 | 2 |\n\n![c](charts/x.png)\n";
        let html = render(
            md,
            "T & co",
            "sv",
            &[(PathBuf::from("charts/x.png"), vec![1, 2, 3])],
        );
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>T &amp; co</title>"));
        assert!(html.contains("<table>"));
        assert!(html.contains("src=\"data:image/png;base64,AQID\""));
        assert!(!html.contains("charts/x.png"));
    }
}
