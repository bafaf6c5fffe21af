//! Unit tests of `src/render/index.rs`.

use super::*;

fn row(kommun: &str, area: &str) -> IndexRow {
    IndexRow {
        kommun: kommun.to_owned(),
        code: "2132".to_owned(),
        years: "2023–2026".to_owned(),
        area: area.to_owned(),
        latest: "2025: 12".to_owned(),
        comparison: "1,2".to_owned(),
        verdict: "ingen säker förändring".to_owned(),
        link: "2132-x/report.md".to_owned(),
        example: false,
    }
}

#[test]
fn swedish_letters_sort_after_z_in_swedish_order() {
    let mut names = vec!["Örebro", "Ale", "Åre", "Älvdalen", "Zeta"];
    names.sort_by_key(|n| swedish_key(n));
    assert_eq!(names, ["Ale", "Zeta", "Åre", "Älvdalen", "Örebro"]);
}

#[test]
fn markup_in_a_title_is_escaped_in_both_indexes() {
    let rows = [row("Nordanstig", "<script>x</script> | a\nb")];
    let md = markdown(&rows, Lang::Sv);
    let line = md.lines().find(|l| l.contains("Nordanstig")).unwrap();
    assert!(
        line.contains("\\<script\\>x\\</script\\> \\| a b"),
        "{line}"
    );
    let html = html(&rows, Lang::Sv);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
}
