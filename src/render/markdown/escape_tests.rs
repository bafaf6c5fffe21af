//! Unit tests of `src/render/markdown/escape.rs`.

use super::*;

#[test]
fn markup_in_input_text_becomes_literal() {
    assert_eq!(text("<script>"), "\\<script\\>");
    assert_eq!(text("a | b\nc"), "a \\| b c");
    assert_eq!(
        text("[x](javascript:alert(1))"),
        "\\[x\\](javascript:alert(1))"
    );
    assert_eq!(text("&lt;"), "\\&lt;");
    assert_eq!(text("bra_sol_long _x_"), "bra_sol_long \\_x\\_");
    assert_eq!(
        text("Misshandel*parrelation*"),
        "Misshandel\\*parrelation\\*"
    );
}

#[test]
fn a_code_span_outlasts_the_backticks_inside_it() {
    assert_eq!(code("analyze --out a"), "`analyze --out a`");
    assert_eq!(code("--data `x`"), "`` --data `x` ``");
}

#[test]
fn a_leading_block_marker_is_escaped() {
    assert_eq!(text("- a"), "\\- a");
    assert_eq!(text("12. a"), "12\\. a");
    assert_eq!(text("Brott 2019. a"), "Brott 2019. a");
    assert_eq!(
        text("Grov kvinnofridskränkning"),
        "Grov kvinnofridskränkning"
    );
}
