//! What a fetch tells: the plan printed by `--dry-run`, and the sidecar written beside the
//! export (`bra_sol_YYYY-MM-DD.csv.fetch`, JSON). The sidecar's name does not end in `.json`
//! because `analyze` reads every `.json` in the data folder as data.

use super::Settings;
use super::plan::{Periodicity, Plan};
use super::session::MenuLink;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// The dry-run listing: menu, crime types, regions, periods and pieces.
pub fn dry_run(menu: &MenuLink, plan: &Plan, base: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "site: {base}");
    let _ = writeln!(s, "menu: {} {}", menu.id, shown(&menu.title));
    let _ = writeln!(s, "crime types ({}):", plan.crimes.len());
    for c in &plan.crimes {
        let feeds = if c.areas.is_empty() {
            "context: total reported crime".to_owned()
        } else {
            c.areas.join(", ")
        };
        let _ = writeln!(s, "  {} {} [{feeds}]", c.crime.id, shown(&c.crime.name));
    }
    let _ = writeln!(s, "regions ({}):", plan.regions.len());
    for r in &plan.regions {
        let _ = writeln!(
            s,
            "  {} {} ({}, {})",
            r.region.id,
            shown(&r.region.name),
            r.code,
            r.role.as_str()
        );
    }
    let names: Vec<String> = plan.periods.iter().map(|p| shown(&p.full_name)).collect();
    let _ = writeln!(s, "periods ({}): {}", names.len(), names.join(", "));
    let _ = writeln!(
        s,
        "pieces ({}), at most {} cells each:",
        plan.pieces.len(),
        super::plan::MAX_CELLS
    );
    for (i, p) in plan.pieces.iter().enumerate() {
        let _ = writeln!(
            s,
            "  {}: {} crime types × {} regions × {} periods × {} measures = {} cells",
            i + 1,
            p.crimes.len(),
            p.regions.len(),
            p.periods.len(),
            super::plan::MEASURES,
            p.cells()
        );
    }
    let _ = writeln!(s, "dry run: no query sent, nothing written");
    s
}

/// Text from the site as shown on a terminal: control characters escaped, so a page cannot
/// move the cursor or change colours.
pub fn shown(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

/// The sidecar: what was asked, when and where.
#[derive(Debug, Serialize)]
pub struct Sidecar {
    /// `brottstrend VERSION`.
    pub tool: String,
    /// The export file it describes.
    pub file: String,
    /// SHA-256 of the export file.
    pub sha256: String,
    /// When the fetch ran, UTC.
    pub fetched_at: String,
    /// The site asked.
    pub sol_url: String,
    /// The menu id and title.
    pub menu: SidecarMenu,
    /// `year` or `month`.
    pub period: &'static str,
    /// The first year asked for.
    pub from: i32,
    /// Crime types: id, name, areas fed.
    pub crime_types: Vec<SidecarCrime>,
    /// Regions: id, name, SCB code, role.
    pub regions: Vec<SidecarRegion>,
    /// Periods: id and full name.
    pub periods: Vec<SidecarPeriod>,
    /// The pieces as asked, with the size of each answer.
    pub pieces: Vec<SidecarPiece>,
    /// Times the session was lost and started again.
    pub session_restarts: usize,
}

/// The menu of a sidecar.
#[derive(Debug, Serialize)]
pub struct SidecarMenu {
    /// `menyid`.
    pub id: String,
    /// Its title on the start page (empty when given with `--menu` and not linked).
    pub title: String,
}

/// A crime type of a sidecar.
#[derive(Debug, Serialize)]
pub struct SidecarCrime {
    /// SOL id.
    pub id: String,
    /// Menu name.
    pub name: String,
    /// Areas fed (empty: context series).
    pub areas: Vec<String>,
}

/// A region of a sidecar.
#[derive(Debug, Serialize)]
pub struct SidecarRegion {
    /// SOL id.
    pub id: String,
    /// Menu name.
    pub name: String,
    /// SCB code.
    pub code: String,
    /// Why it was asked for.
    pub role: &'static str,
}

/// A period of a sidecar.
#[derive(Debug, Serialize)]
pub struct SidecarPeriod {
    /// SOL id.
    pub id: String,
    /// Full name.
    pub name: String,
}

/// A piece of a sidecar.
#[derive(Debug, Serialize)]
pub struct SidecarPiece {
    /// `brottstyp_id_string` as sent.
    pub brottstyp_id_string: String,
    /// `region_id_string` as sent.
    pub region_id_string: String,
    /// `period_id_string` as sent.
    pub period_id_string: String,
    /// Cells asked for.
    pub cells: usize,
    /// Bytes of the answer.
    pub bytes: usize,
}

/// What a sidecar is made from.
pub struct SidecarInput<'a> {
    /// The site.
    pub base: &'a str,
    /// The menu.
    pub menu: &'a MenuLink,
    /// The plan.
    pub plan: &'a Plan,
    /// The settings.
    pub settings: &'a Settings,
    /// The run's time.
    pub time: &'a str,
    /// The export's file name.
    pub file: &'a str,
    /// The answers, per piece.
    pub pieces: &'a [(String, Vec<u8>)],
    /// The joined export.
    pub joined: &'a [u8],
    /// Session restarts.
    pub restarts: usize,
}

impl Sidecar {
    /// The record of one fetch.
    pub fn new(i: SidecarInput<'_>) -> Self {
        let plan = i.plan;
        Sidecar {
            tool: format!("brottstrend {}", env!("CARGO_PKG_VERSION")),
            file: i.file.to_owned(),
            sha256: crate::load::text::hex(&Sha256::digest(i.joined)),
            fetched_at: i.time.to_owned(),
            sol_url: i.base.to_owned(),
            menu: SidecarMenu {
                id: i.menu.id.clone(),
                title: i.menu.title.clone(),
            },
            period: match i.settings.periodicity {
                Periodicity::Year => "year",
                Periodicity::Month => "month",
            },
            from: i.settings.from,
            crime_types: plan
                .crimes
                .iter()
                .map(|c| SidecarCrime {
                    id: c.crime.id.clone(),
                    name: c.crime.name.clone(),
                    areas: c.areas.clone(),
                })
                .collect(),
            regions: plan
                .regions
                .iter()
                .map(|r| SidecarRegion {
                    id: r.region.id.clone(),
                    name: r.region.name.clone(),
                    code: r.code.clone(),
                    role: r.role.as_str(),
                })
                .collect(),
            periods: plan
                .periods
                .iter()
                .map(|p| SidecarPeriod {
                    id: p.id.clone(),
                    name: p.full_name.clone(),
                })
                .collect(),
            pieces: plan
                .pieces
                .iter()
                .zip(i.pieces)
                .map(|(p, (_, bytes))| SidecarPiece {
                    brottstyp_id_string: p.crimes.join("*"),
                    region_id_string: p.regions.join("*"),
                    period_id_string: p.periods.join("*"),
                    cells: p.cells(),
                    bytes: bytes.len(),
                })
                .collect(),
            session_restarts: i.restarts,
        }
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
