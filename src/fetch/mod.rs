//! `brottstrend fetch`: next year's export from BRÅ's statistics database (SOL) in one command.
//!
//! The flow: read the pledge → open a session and read the menu page ([`session`], [`menu`])
//! → choose crime types, regions and periods and split them into pieces under the cell limit
//! ([`plan`]) → ask for each piece's Databasfil → join the pieces and write them with a
//! sidecar ([`writer`]). Nothing is written unless every piece came as expected; every
//! failure names what was expected, what came, and the manual route ([`failure`]).
//!
//! BRÅ has no API; the protocol is the one a browser follows. It was written from the
//! documented protocol and tested against a local server that plays BRÅ's side; the live site
//! cannot be reached from the build machines.

pub mod client;
pub mod failure;
pub mod menu;
pub mod plan;
mod report;
pub mod session;
pub mod writer;

use crate::config;
use crate::error::{InputError, StdoutError};
use crate::regions::Regions;
use failure::Failure;
use plan::Periodicity;
use session::{MenuLink, Session};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

/// BRÅ's statistics site.
pub const DEFAULT_SOL_URL: &str = "https://statistik.bra.se";

/// Everything `fetch` needs, validated by the command layer.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The pledge configuration.
    pub config: PathBuf,
    /// The data folder the export is written to.
    pub data: PathBuf,
    /// Years or months.
    pub periodicity: Periodicity,
    /// The first year asked for.
    pub from: i32,
    /// Print the plan and send no query.
    pub dry_run: bool,
    /// The site: scheme, host and optionally port.
    pub sol_url: String,
    /// The menu id, when not chosen by its title on the start page.
    pub menu: Option<String>,
    /// The pause before every request but the first.
    pub pause: Duration,
    /// The longest wait for one answer.
    pub timeout: Duration,
}

/// Runs `fetch`; a failure is an [`InputError`] (exit code 2) and leaves nothing behind.
pub fn run(settings: &Settings) -> anyhow::Result<()> {
    let regions = Regions::new();
    let pledge = config::read_pledge(&settings.config, &regions)?;
    let base = check_url(&settings.sol_url)?;
    let (date, time) = writer::now_utc();
    let name = format!("bra_sol_{date}.csv");
    let csv_path = settings.data.join(&name);
    let sidecar_path = settings.data.join(format!("{name}.fetch"));
    if !settings.dry_run {
        check_data_folder(settings, &[csv_path.clone(), sidecar_path.clone()])?;
    }
    let mut session = Session::new(client::Client::new(&base, settings.pause, settings.timeout));
    let (chosen, plan) = open_and_plan(&mut session, settings, &pledge, &regions)?;
    if settings.dry_run {
        let mut out = std::io::stdout().lock();
        write!(out, "{}", report::dry_run(&chosen, &plan, &base)).map_err(StdoutError)?;
        out.flush().map_err(StdoutError)?;
        return Ok(());
    }
    let pieces = download(&mut session, &plan)?;
    let joined = writer::join(&pieces).map_err(Failure::into_input_error)?;
    let record = report::Sidecar::new(report::SidecarInput {
        base: &base,
        menu: &chosen,
        plan: &plan,
        settings,
        time: &time,
        file: &name,
        pieces: &pieces,
        joined: &joined,
        restarts: session.restarts,
    });
    let sidecar = serde_json::to_vec_pretty(&record)?;
    writer::write_new(&[(csv_path.clone(), joined), (sidecar_path.clone(), sidecar)])
        .map_err(Failure::into_input_error)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}\n{}", csv_path.display(), sidecar_path.display()).map_err(StdoutError)?;
    writeln!(
        out,
        "{} pieces, {} requests, session started again {} time(s)",
        plan.pieces.len(),
        session.requests(),
        session.restarts
    )
    .map_err(StdoutError)?;
    out.flush().map_err(StdoutError)?;
    Ok(())
}

/// Fails fast, before a single request: the folder must exist and today's names be free.
fn check_data_folder(settings: &Settings, paths: &[PathBuf]) -> Result<(), InputError> {
    if !settings.data.is_dir() {
        return Err(
            InputError::file(&settings.data, "the data folder does not exist")
                .expected("an existing folder for --data"),
        );
    }
    writer::check_free(paths).map_err(Failure::into_input_error)
}

/// Steps 1–2 and the plan: the session, the menu and what to ask for.
fn open_and_plan(
    session: &mut Session,
    settings: &Settings,
    pledge: &config::Pledge,
    regions: &Regions,
) -> Result<(MenuLink, plan::Plan), InputError> {
    let links = session.start().map_err(Failure::into_input_error)?;
    let chosen = choose_menu(&links, settings, &session.url(session::START))?;
    let menu = session
        .menu(&chosen.id)
        .map_err(Failure::into_input_error)?;
    let plan = plan::plan(&menu, pledge, regions, settings.periodicity, settings.from)
        .map_err(|e| {
            Failure::new(
                &session.url(&format!("{}{}", session::MENU, chosen.id)),
                e.to_string(),
                "every crime pattern of the pledge, the pledge kommun, Hela landet and the \
                 periods asked for in the menu (fix the pattern in pledge.toml, or --period/--from)",
            )
            .into_input_error()
        })?;
    Ok((chosen, plan))
}

/// Steps 3–5 for every piece, one after the other: (address, Databasfil bytes as served).
fn download(
    session: &mut Session,
    plan: &plan::Plan,
) -> Result<Vec<(String, Vec<u8>)>, InputError> {
    let mut pieces = Vec::new();
    for (i, piece) in plan.pieces.iter().enumerate() {
        eprintln!(
            "piece {}/{}: {} cells",
            i + 1,
            plan.pieces.len(),
            piece.cells()
        );
        let bytes = session
            .databasfil(piece)
            .map_err(Failure::into_input_error)?;
        pieces.push((session.url(session::DATABASFIL), bytes));
    }
    Ok(pieces)
}

/// `scheme://host[:port]` without a path; anything else is refused before any request.
fn check_url(url: &str) -> Result<String, InputError> {
    let trimmed = url.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ']) => {
            Ok(trimmed.to_owned())
        }
        _ => Err(InputError::file(std::path::Path::new("--sol-url"), "not a site address")
            .value(url)
            .expected(format!(
                "scheme, host and optionally port, e.g. {DEFAULT_SOL_URL} or http://127.0.0.1:8080 (the paths are fixed)"
            ))),
    }
}

/// The menu: `--menu`, or the start page's link titled "Årsvis …" / "Månadsvis …" with "Kommun".
fn choose_menu(links: &[MenuLink], settings: &Settings, url: &str) -> Result<MenuLink, InputError> {
    if let Some(id) = &settings.menu {
        let title = links
            .iter()
            .find(|l| &l.id == id)
            .map_or_else(String::new, |l| l.title.clone());
        return Ok(MenuLink {
            id: id.clone(),
            title,
        });
    }
    let prefix = match settings.periodicity {
        Periodicity::Year => "årsvis",
        Periodicity::Month => "månadsvis",
    };
    let found = links.iter().find(|l| {
        let t = l.title.to_lowercase();
        t.starts_with(prefix) && t.contains("kommun")
    });
    found.cloned().ok_or_else(|| {
        let titles: Vec<String> = links
            .iter()
            .take(12)
            .map(|l| format!("{} ({})", l.title, l.id))
            .collect();
        let mut f = Failure::new(
            url,
            format!("the start page links to no menu titled \"{prefix} … kommun …\""),
            "a link to the menu \"Årsvis – Kommun och storstädernas stadsområden 1996–\" \
             (or \"Månadsvis … kommun\" with --period month); name the menu with --menu ID",
        );
        f.found = Some(if titles.is_empty() {
            b"no menu links".to_vec()
        } else {
            titles.join("; ").into_bytes()
        });
        f.into_input_error()
    })
}
