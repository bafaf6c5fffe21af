//! Unit tests of `src/load/sol_long/period.rs`.

use super::*;

#[test]
fn months_quarters_and_whole_years_are_read_from_both_layouts() {
    assert_eq!(row_period("År", "2024"), Ok((2024, false, Period::Year)));
    assert_eq!(
        row_period("2025", "Jan"),
        Ok((2025, false, Period::Month(1)))
    );
    assert_eq!(
        row_period("2026 prel.", "Aug"),
        Ok((2026, true, Period::Month(8)))
    );
    assert_eq!(
        row_period("2025", "Maj"),
        Ok((2025, false, Period::Month(5)))
    );
    assert_eq!(
        row_period("2025", "Okt"),
        Ok((2025, false, Period::Month(10)))
    );
    assert_eq!(
        row_period("2025", "Kvartal 4"),
        Ok((2025, false, Period::Quarter(4)))
    );
    assert_eq!(row_period("2025", "Helår"), Ok((2025, false, Period::Year)));
    assert_eq!(row_period("2025", ""), Ok((2025, false, Period::Year)));
}

#[test]
fn unknown_periods_name_the_faulty_cell() {
    assert_eq!(row_period("2025", "Kvartal 5"), Err(PeriodError::SubPeriod));
    assert_eq!(row_period("2025", "May"), Err(PeriodError::SubPeriod));
    assert_eq!(row_period("År", "Jan"), Err(PeriodError::YearInPeriod));
    assert_eq!(row_period("tjugo", "Jan"), Err(PeriodError::Year));
}

#[test]
fn a_crime_label_with_its_code_is_the_same_type_as_without() {
    assert_eq!(
        canonical_crime("0412 - Grov kvinnofridskränkning"),
        "Grov kvinnofridskränkning"
    );
    assert_eq!(
        canonical_crime("Grov kvinnofridskränkning"),
        "Grov kvinnofridskränkning"
    );
    assert_eq!(canonical_crime("Rån - grovt"), "Rån - grovt");
}
