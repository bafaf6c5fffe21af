//! Unit tests of `src/fetch/report.rs`.

use super::*;

#[test]
fn control_characters_from_the_site_are_escaped_on_the_terminal() {
    assert_eq!(shown("R\u{1b}[31mån\tx"), "R\\u{1b}[31mån\\tx");
    assert_eq!(
        shown("Grov kvinnofridskränkning"),
        "Grov kvinnofridskränkning"
    );
}
