//! The polars part of the analysis: once per dataset, the yearly totals per crime type, region
//! and year, with the `..` rule (a total of rows that are all `..` has no count, not zero) and
//! the preliminary flag (any row preliminary), in one lazy group-by over a declared schema.
//! [`super::index::DatasetIndex`] keeps the totals; each pledge then sums its areas from them
//! with plain loops (`analysis::sums`).
//!
//! Why only this part: an earlier pipeline built a frame over every row of the dataset for each
//! pledge, which cost a fifth of a 290-pledge batch and held a copy of the whole table at the
//! national run's memory peak. Here the frame is built once per dataset and holds numbers only
//! (the index numbers the crime types and the (level, region) slots, so no text is copied). The
//! population per region and year stays a hash look-up: a join in polars gave the same table
//! but its code alone added about 5 MB to the national run's peak memory.

use polars::prelude::*;

/// A row's crime type and slot-year in one number: the crime type's number (its place in the
/// index's list of labels) × 2³² + the slot × the number of years + the year's offset. One
/// integer key groups faster and in less memory than two.
const CELL: &str = "cell";
/// The count; null for `..`.
const COUNT: &str = "count";
/// How many rows of a group have a count (are not `..`).
const COUNTED: &str = "counted";
/// True when the export marks the year preliminary.
const PRELIMINARY: &str = "preliminary";

/// The yearly rows as the index hands them over, one per row of the dataset.
fn rows_schema() -> Schema {
    Schema::from_iter([
        Field::new(CELL.into(), DataType::UInt64),
        Field::new(COUNT.into(), DataType::UInt64),
        Field::new(PRELIMINARY.into(), DataType::Boolean),
    ])
}

/// `frame` as a lazy frame of exactly the declared `schema` (names, order and types; a column
/// that does not fit is an error, not a silent conversion).
fn declared(frame: DataFrame, schema: &Schema) -> LazyFrame {
    let columns: Vec<Expr> = schema
        .iter()
        .map(|(name, dtype)| col(name.clone()).strict_cast(dtype.clone()))
        .collect();
    frame.lazy().select(columns)
}

/// The sum of the counts of a group that are not `..` (zero when none is: see [`counted`]).
fn summed_count() -> Expr {
    col(COUNT).sum().alias(COUNT)
}

/// How many rows of a group have a count: a total of none is `..`, not zero. (Told apart when
/// the totals are read out rather than by a null literal in the aggregation, which makes
/// polars hold an 8 MB zeroed buffer for the rest of the run.)
fn counted() -> Expr {
    col(COUNT).count().alias(COUNTED)
}

/// True when any row of a group is preliminary.
fn any_preliminary() -> Expr {
    col(PRELIMINARY).any(true).alias(PRELIMINARY)
}

/// One total per crime type and slot-year of the dataset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Total {
    /// The crime type's number.
    pub(super) crime: u32,
    /// The slot × the number of years + the year's offset.
    pub(super) at: u32,
    /// The sum of the counts; `None` when every row was `..`.
    pub(super) count: Option<u64>,
    /// True when any of the rows is preliminary.
    pub(super) preliminary: bool,
}

/// The key of the [`Total`] of crime type number `crime` in slot-year `at`.
pub(super) fn cell(crime: u32, at: u32) -> u64 {
    (u64::from(crime) << 32) | u64::from(at)
}

/// The yearly rows, given as parallel columns (the [`cell`] key, count, preliminary),
/// totalled per crime type and slot-year: the sum of the counts that are not `..` (none when
/// all are) and whether any row is preliminary. Each total is handed to `each`, in the order
/// of the first row of its group (table order).
pub(super) fn yearly_totals(
    cells: Vec<u64>,
    count: Vec<Option<u64>>,
    preliminary: Vec<bool>,
    mut each: impl FnMut(Total),
) -> PolarsResult<()> {
    let rows = df!(CELL => cells, COUNT => count, PRELIMINARY => preliminary)?;
    let totals = declared(rows, &rows_schema())
        .group_by_stable([col(CELL)])
        .agg([summed_count(), counted(), any_preliminary()])
        .collect()?;
    let cells = totals.column(CELL)?.u64()?;
    let count = totals.column(COUNT)?.u64()?;
    let counted = totals.column(COUNTED)?.cast(&DataType::UInt32)?;
    let counted = counted.u32()?;
    let preliminary = totals.column(PRELIMINARY)?.bool()?;
    let columns = cells.iter().zip(count.iter()).zip(counted.iter());
    for (((cell, count), counted), preliminary) in columns.zip(preliminary.iter()) {
        let cell = cell.unwrap_or_default();
        each(Total {
            crime: (cell >> 32) as u32,
            at: cell as u32,
            count: count.filter(|_| counted.unwrap_or(0) > 0),
            preliminary: preliminary.unwrap_or(false),
        });
    }
    Ok(())
}

#[cfg(test)]
#[path = "frames_tests.rs"]
mod tests;
