//! Unit tests of `src/load/kolada/csv_export.rs`.

use super::parse_rate;

#[test]
fn rates_take_a_decimal_comma_or_point_and_space_thousands() {
    assert_eq!(parse_rate("13 980,5"), Ok(Some(13_980.5)));
    assert_eq!(parse_rate("8540.3"), Ok(Some(8_540.3)));
    assert_eq!(parse_rate(" .. "), Ok(None));
    assert_eq!(parse_rate("-2,0"), Err("the rate is negative"));
    assert_eq!(parse_rate("1,2,3"), Err("the rate is not a number"));
    assert_eq!(parse_rate("12a"), Err("the rate is not a number"));
}
