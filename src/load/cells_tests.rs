//! Unit tests of `src/load/cells.rs`.

use super::*;

#[test]
fn counts_accept_swedish_spacing_dots_and_dashes() {
    assert_eq!(parse_count("1 416 280"), Ok(Cell::Value(1_416_280)));
    assert_eq!(parse_count("48\u{a0}435"), Ok(Cell::Value(48_435)));
    assert_eq!(parse_count(" 12 "), Ok(Cell::Value(12)));
    assert_eq!(parse_count(".."), Ok(Cell::Missing));
    assert_eq!(parse_count("-"), Ok(Cell::Value(0)));
}

#[test]
fn counts_refuse_letters_negatives_and_empty_cells() {
    assert_eq!(parse_count("12a"), Err(CellError::NotANumber));
    assert_eq!(parse_count("-3"), Err(CellError::Negative));
    assert_eq!(parse_count("1,5"), Err(CellError::Decimal));
    assert_eq!(parse_count("64,3"), Err(CellError::Decimal));
    assert_eq!(parse_count("1,5a"), Err(CellError::NotANumber));
    assert_eq!(
        parse_count("18446744073709551615"),
        Err(CellError::TooLarge)
    );
    assert_eq!(parse_count("1000000001"), Err(CellError::TooLarge));
    assert_eq!(parse_count("1 000 000 000"), Ok(Cell::Value(MAX_COUNT)));
    assert_eq!(parse_count(""), Err(CellError::Empty));
}

#[test]
fn years_may_be_preliminary_and_must_be_four_digits() {
    assert_eq!(parse_year("2024"), Some((2024, false)));
    assert_eq!(parse_year("2025 prel."), Some((2025, true)));
    assert_eq!(parse_year("2025 (prel.)"), Some((2025, true)));
    assert_eq!(parse_year("20x3"), None);
    assert_eq!(parse_year("År"), None);
    assert_eq!(parse_year("12345"), None);
}
