//! Integration tests: they run the real `brottstrend` binary on fixtures in `tests/fixtures/`.

mod analyze;
mod architecture;
mod bad_input;
mod batch;
mod committed_reports;
mod common;
mod context;
mod detect_matrix;
mod fetch;
mod hygiene;
mod impossible_input;
mod large_input;
mod markup;
mod meeting;
mod merge;
mod monthly;
mod national;
mod output_choices;
mod output_safety;
mod print;
mod report;
mod report_numbers;
mod robustness;
mod statistics;
mod validate;
mod validate_census;
