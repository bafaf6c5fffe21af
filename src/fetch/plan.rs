//! The plan of a fetch: which crime types, regions and periods of the menu the pledge needs,
//! and how they are split into queries of at most [`MAX_CELLS`] cells.
//!
//! Crime types are chosen with the same patterns and matching rules as the analysis
//! ([`crate::catalog`]). Regions: the pledge kommun, the other kommuner of its county, the
//! county and the kommun's police region when the menu has them, and the nation. The analysis
//! keeps one comparison figure per year (`analysis::comparison`): the export's county figure
//! when it is there, else the sum of the kommuner, else the police region; so asking for the
//! county beside its kommuner never counts it twice, and the export's own figure includes the
//! crimes that cannot be placed in a kommun.

use super::menu::{Menu, MenuCrime, MenuPeriod, MenuRegion, PeriodType};
use crate::catalog;
use crate::config::Pledge;
use crate::regions::{Level, Regions};
use std::fmt;

/// BRÅ's limit on the cells of one search.
pub const MAX_CELLS: usize = 10_000;

/// Values asked for per cell of the table: the count and the rate per 100 000 (`antal=1`,
/// `antal_100k=1`); counted as separate cells to stay under the limit however BRÅ counts.
pub const MEASURES: usize = 2;

/// The label of the total-crime context series, fetched when the menu has it.
pub const TOTAL_CRIME: &str = "Totalt antal brott";

/// Which periods to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Periodicity {
    /// Whole years from a yearly menu (period type `-1`).
    Year,
    /// Months from a monthly menu (period type `2`).
    Month,
}

impl Periodicity {
    /// The menu period type that stands for this periodicity.
    pub fn period_type(self) -> PeriodType {
        match self {
            Periodicity::Year => PeriodType::Year,
            Periodicity::Month => PeriodType::Month,
        }
    }
}

/// Why a region is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// The pledge kommun.
    Kommun,
    /// Another kommun of the county: compared with, and summed into the county.
    Comparison,
    /// The kommun's county (`Gävleborgs län`): its own figure, the comparison region.
    County,
    /// The kommun's police region (`Region Mitt`): the comparison region when the county
    /// cannot be had whole.
    PoliceRegion,
    /// The whole country.
    Nation,
}

impl Role {
    /// A short English word for listings.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Kommun => "pledge kommun",
            Role::Comparison => "compared kommun",
            Role::County => "county",
            Role::PoliceRegion => "police region",
            Role::Nation => "nation",
        }
    }
}

/// A crime type to fetch and the areas (or context) it feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedCrime {
    /// The menu entry.
    pub crime: MenuCrime,
    /// Ids of the areas whose patterns match it; empty for the total-crime context series.
    pub areas: Vec<String>,
}

/// A region to fetch and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRegion {
    /// The menu entry.
    pub region: MenuRegion,
    /// The SCB code it resolves to.
    pub code: String,
    /// Why it is asked for.
    pub role: Role,
}

/// One query: every crime type, region and period id in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Crime type ids.
    pub crimes: Vec<String>,
    /// Region ids.
    pub regions: Vec<String>,
    /// Period ids.
    pub periods: Vec<String>,
}

impl Piece {
    /// Cells of the result table, counting both measures.
    pub fn cells(&self) -> usize {
        self.crimes.len() * self.regions.len() * self.periods.len() * MEASURES
    }
}

/// Everything that will be asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Crime types, in menu order.
    pub crimes: Vec<PlannedCrime>,
    /// Regions: the kommun, the other kommuner of its county, the county and the police
    /// region (when the menu has them), the nation.
    pub regions: Vec<PlannedRegion>,
    /// Periods, in menu order.
    pub periods: Vec<MenuPeriod>,
    /// The queries, each at most [`MAX_CELLS`] cells.
    pub pieces: Vec<Piece>,
}

/// Why no plan could be made from the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// A crime pattern of the pledge matches no crime type of the menu.
    UnmatchedPattern {
        /// The area's id.
        area: String,
        /// The pattern.
        pattern: String,
        /// Menu names that share the pattern's first word.
        similar: Vec<String>,
    },
    /// A region the analysis cannot do without is not in the menu.
    MissingRegion(&'static str, String),
    /// The menu has no period of the asked type from the first year.
    NoPeriods(Periodicity, i32),
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::UnmatchedPattern {
                area,
                pattern,
                similar,
            } => {
                write!(
                    f,
                    "the crime pattern {pattern:?} of area `{area}` matches no crime type in the menu"
                )?;
                if !similar.is_empty() {
                    let names: Vec<String> = similar.iter().map(|n| format!("{n:?}")).collect();
                    write!(f, " (similar names in the menu: {})", names.join(", "))?;
                }
                Ok(())
            }
            PlanError::MissingRegion(what, name) => {
                write!(f, "the menu has no region for {what} ({name})")
            }
            PlanError::NoPeriods(p, from) => write!(
                f,
                "the menu has no {} periods from {from}",
                match p {
                    Periodicity::Year => "yearly (type -1)",
                    Periodicity::Month => "monthly (type 2)",
                }
            ),
        }
    }
}

/// Chooses crime types, regions and periods for `pledge` and splits them into pieces.
pub fn plan(
    menu: &Menu,
    pledge: &Pledge,
    regions: &Regions,
    periodicity: Periodicity,
    from: i32,
) -> Result<Plan, PlanError> {
    let crimes = choose_crimes(menu, pledge)?;
    let chosen_regions = choose_regions(menu, pledge, regions)?;
    let periods: Vec<MenuPeriod> = menu
        .periods
        .iter()
        .filter(|p| p.kind == periodicity.period_type() && p.year >= from)
        .cloned()
        .collect();
    if periods.is_empty() {
        return Err(PlanError::NoPeriods(periodicity, from));
    }
    let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<String>>();
    let pieces = split(
        &ids(crimes.iter().map(|c| &c.crime.id).collect()),
        &ids(chosen_regions.iter().map(|r| &r.region.id).collect()),
        &ids(periods.iter().map(|p| &p.id).collect()),
        MAX_CELLS,
    );
    Ok(Plan {
        crimes,
        regions: chosen_regions,
        periods,
        pieces,
    })
}

fn choose_crimes(menu: &Menu, pledge: &Pledge) -> Result<Vec<PlannedCrime>, PlanError> {
    let names: Vec<String> = menu.crimes.iter().map(|c| c.name.clone()).collect();
    for area in &pledge.areas {
        let found = catalog::area_crimes(area, &names);
        if let Some(pattern) = found.unmatched.first() {
            return Err(PlanError::UnmatchedPattern {
                area: area.id.clone(),
                pattern: pattern.clone(),
                similar: similar(pattern, &names),
            });
        }
    }
    let mut out: Vec<PlannedCrime> = Vec::new();
    for crime in &menu.crimes {
        // The same type can stand in several places of the tree: ask for it once.
        if out.iter().any(|c| c.crime.id == crime.id) {
            continue;
        }
        let areas: Vec<String> = pledge
            .areas
            .iter()
            .filter(|a| a.crimes.iter().any(|p| catalog::matches(p, &crime.name)))
            .map(|a| a.id.clone())
            .collect();
        if !areas.is_empty() || catalog::matches(TOTAL_CRIME, &crime.name) {
            out.push(PlannedCrime {
                crime: crime.clone(),
                areas,
            });
        }
    }
    Ok(out)
}

/// Up to three menu names sharing the pattern's first word, for the error message.
fn similar(pattern: &str, names: &[String]) -> Vec<String> {
    let word = pattern
        .split(|c: char| c == '*' || c.is_whitespace())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let mut out: Vec<String> = names
        .iter()
        .filter(|n| !word.is_empty() && n.to_lowercase().contains(&word))
        .cloned()
        .collect();
    out.dedup();
    out.truncate(3);
    out
}

fn choose_regions(
    menu: &Menu,
    pledge: &Pledge,
    regions: &Regions,
) -> Result<Vec<PlannedRegion>, PlanError> {
    let mut out: Vec<PlannedRegion> = Vec::new();
    for entry in &menu.regions {
        let Some(resolved) = regions.resolve(&entry.name) else {
            continue; // city districts: the analysis cannot place them
        };
        let police = regions.police_region_of(&pledge.region.code);
        let role = match resolved.level {
            Level::Nation => Role::Nation,
            Level::County if resolved.code == pledge.county.code => Role::County,
            Level::PoliceRegion if police.is_some_and(|p| p.code == resolved.code) => {
                Role::PoliceRegion
            }
            Level::Kommun if resolved.code == pledge.region.code => Role::Kommun,
            Level::Kommun
                if regions
                    .county_of(&resolved.code)
                    .is_some_and(|c| c.code == pledge.county.code) =>
            {
                Role::Comparison
            }
            _ => continue,
        };
        if out.iter().any(|r| r.code == resolved.code) {
            continue;
        }
        out.push(PlannedRegion {
            region: entry.clone(),
            code: resolved.code,
            role,
        });
    }
    if !out.iter().any(|r| r.role == Role::Kommun) {
        return Err(PlanError::MissingRegion(
            "the pledge kommun",
            pledge.region.name.clone(),
        ));
    }
    if !out.iter().any(|r| r.role == Role::Nation) {
        return Err(PlanError::MissingRegion("the nation", "Hela landet".into()));
    }
    out.sort_by(|a, b| (a.role, &a.code).cmp(&(b.role, &b.code)));
    Ok(out)
}

/// Splits the cross product into pieces of at most `max` cells: whole groups of regions
/// first (each region's rows stay together); when one region is too big, groups of periods;
/// when one period is too big, groups of crime types.
pub fn split(crimes: &[String], regions: &[String], periods: &[String], max: usize) -> Vec<Piece> {
    let per_region = crimes.len() * periods.len() * MEASURES;
    let (crime_chunk, period_chunk, region_chunk) = if per_region <= max {
        (crimes.len(), periods.len(), max / per_region.max(1))
    } else if crimes.len() * MEASURES <= max {
        (crimes.len(), max / (crimes.len() * MEASURES), 1)
    } else {
        ((max / MEASURES).max(1), 1, 1)
    };
    let mut pieces = Vec::new();
    for r in regions.chunks(region_chunk.max(1)) {
        for p in periods.chunks(period_chunk.max(1)) {
            for c in crimes.chunks(crime_chunk.max(1)) {
                pieces.push(Piece {
                    crimes: c.to_vec(),
                    regions: r.to_vec(),
                    periods: p.to_vec(),
                });
            }
        }
    }
    pieces
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
