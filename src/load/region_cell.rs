//! The region cell every loader reads: one error for a label that is no known region, with
//! the closest names (or, for a code, the nearest codes) so a typo is fixed at once.

use super::text::TextFile;
use crate::error::InputError;
use crate::regions::Regions;
use std::path::Path;

/// The error for a region label that is neither a kommun, a county nor the nation.
pub fn unknown_region(
    file: &TextFile,
    line: usize,
    column: usize,
    label: &str,
    regions: &Regions,
) -> InputError {
    unknown_region_at(&file.path, line, column, label, regions)
}

/// [`unknown_region`] for a file known by its path.
pub fn unknown_region_at(
    path: &Path,
    line: usize,
    column: usize,
    label: &str,
    regions: &Regions,
) -> InputError {
    InputError::at(path, line, Some(column), "unknown region")
        .value(label)
        .expected(format!(
            "a Swedish kommun, a county, a police region (`Region Mitt`) or `Hela landet` (closest: {})",
            regions.suggest(label).join(", ")
        ))
}
