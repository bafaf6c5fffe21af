//! Unit tests of `src/load/merge.rs`.

use super::*;

#[test]
fn export_dates_are_found_anywhere_in_the_file_name() {
    assert_eq!(
        export_date("exempel_bra_sol_2026-03-26.csv").as_deref(),
        Some("2026-03-26")
    );
    assert_eq!(
        export_date("2025-01-02 sol.csv").as_deref(),
        Some("2025-01-02")
    );
    assert_eq!(export_date("sol_2015-2025.csv"), None);
}
