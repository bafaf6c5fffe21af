//! Unit tests of `src/render/format.rs`.

use super::*;

#[test]
fn swedish_numbers_use_space_groups_and_decimal_comma() {
    assert_eq!(number(1234.0, 0, Lang::Sv), "1 234");
    assert_eq!(number(1_416_280.0, 0, Lang::Sv), "1 416 280");
    assert_eq!(number(12.5, 1, Lang::Sv), "12,5");
    assert_eq!(number(-0.04, 1, Lang::Sv), "0,0");
    assert_eq!(number(-3.25, 2, Lang::Sv), "−3,25");
    assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
    assert_eq!(percent(0.125, 1, Lang::Sv), "+12,5 %");
}

#[test]
fn numbers_and_their_units_never_break_across_lines() {
    let sv = typeset(
        "95 % KI 1 936 fall, +1,6 % per 100 000 inv. Bland 10 kommuner 2019 2020",
        Lang::Sv,
    );
    assert_eq!(
        sv,
        "95\u{a0}%\u{a0}KI 1\u{a0}936 fall, +1,6\u{a0}% per 100\u{a0}000 inv. Bland 10 kommuner 2019 2020"
    );
    let en = typeset("95 % interval, 95% CI 2.5 % of 1,936", Lang::En);
    assert_eq!(en, "95% interval, 95%\u{a0}CI 2.5% of 1,936");
}

#[test]
fn plain_numbers_have_at_most_six_decimals() {
    assert_eq!(plain(1.0 / 3.0), "0.333333");
    assert_eq!(plain(2.0), "2");
    assert_eq!(plain(f64::NAN), "");
    assert_eq!(plain(-0.0000001), "0");
}
