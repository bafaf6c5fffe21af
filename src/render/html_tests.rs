//! Unit tests of `src/render/html.rs`.

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
    assert!(html.contains("<div class=\"table-scroll\">\n<table>"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("src=\"data:image/png;base64,AQID\""));
    assert!(!html.contains("charts/x.png"));
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn raw_html_and_script_links_are_text() {
    let md = "<script>alert(1)</script>\n\na <img src=x onerror=alert(1)> [x](javascript:alert(1)) <!-- b\n\n![y](http://evil/y.png) [ok](https://bra.se)\n";
    let html = render(md, "T", "sv", &[]);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<!--"), "{html}");
    assert!(!html.contains("href=\"javascript"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(html.contains("<a href=\"https://bra.se\">ok</a>"), "{html}");
}
