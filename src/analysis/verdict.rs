//! The verdict on an area, from the pledge-period rate ratio and the trend.
//!
//! The rule, also printed in the report's method section:
//! - a *strong* sign is a 95 % interval of the rate ratio entirely above 1 (or below 1);
//! - a *weak* sign is a trend significant at 5 % in that direction, or a rate ratio on that side
//!   of 1 with p < 0.10;
//! - `clear_increase`: a strong sign of increase and no significant trend downwards
//!   (`clear_decrease` likewise);
//! - `possible_increase`: any sign of increase and none of decrease (`possible_decrease`
//!   likewise);
//! - otherwise `no_detectable_change` (including conflicting signs);
//! - a series break inside the compared years (e.g. a new offence added to the area) makes
//!   the counts before and after not fully comparable: a *clear* change is then reported as
//!   *possible*.

use crate::model::{Comparison, Trend, Verdict};
use crate::notes::Note;

/// p-value below which a trend counts as a sign.
pub const TREND_ALPHA: f64 = 0.05;
/// p-value below which a rate ratio counts as a weak sign.
pub const WEAK_ALPHA: f64 = 0.10;

/// Applies the rule above.
pub fn verdict(cmp: &Comparison, trend: &Trend) -> Verdict {
    let rr = cmp.rate_ratio;
    let strong_up = cmp.ci_low.is_some_and(|l| l > 1.0);
    let strong_down = cmp.ci_high.is_some_and(|h| h < 1.0);
    let trend_sig = trend.p_value.is_some_and(|p| p < TREND_ALPHA);
    let trend_up = trend_sig && trend.annual_change.is_some_and(|c| c > 0.0);
    let trend_down = trend_sig && trend.annual_change.is_some_and(|c| c < 0.0);
    let rr_weak = cmp.p_value.is_some_and(|p| p < WEAK_ALPHA);
    let any_up = strong_up || trend_up || (rr_weak && rr.is_some_and(|r| r > 1.0));
    let any_down = strong_down || trend_down || (rr_weak && rr.is_some_and(|r| r < 1.0));
    let break_inside = cmp
        .notes
        .iter()
        .any(|n| matches!(n, Note::BreakInComparison { .. }));
    if strong_up && !trend_down {
        if break_inside {
            Verdict::PossibleIncrease
        } else {
            Verdict::ClearIncrease
        }
    } else if strong_down && !trend_up {
        if break_inside {
            Verdict::PossibleDecrease
        } else {
            Verdict::ClearDecrease
        }
    } else if any_up && !any_down {
        Verdict::PossibleIncrease
    } else if any_down && !any_up {
        Verdict::PossibleDecrease
    } else {
        Verdict::NoDetectableChange
    }
}
