//! `brottstrend fetch` against a local stand-in for BRÅ's statistics database ([`server`]):
//! the file written (bytes as served, one header), the split into pieces under the cell limit,
//! the retry on a lost session, `--dry-run`, every failure (exit 2, nothing written), and
//! `analyze` reading what was fetched.

mod failures;
mod server;

use crate::common::{brottstrend, fixtures, metrics};
use server::{Mode, Sol};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A temporary folder with `data/` holding the fetch fixture's pledge and population.
fn workspace() -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("data dir");
    for entry in std::fs::read_dir(fixtures().join("fetch/data")).expect("fixture") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), data.join(entry.file_name())).expect("copy");
    }
    dir
}

/// Runs `fetch` on `dir/data` against `sol`; returns (exit code, stdout, stderr).
fn fetch(dir: &Path, sol: &Sol, extra: &[&str]) -> (i32, String, String) {
    let out = brottstrend()
        .arg("fetch")
        .arg("--data")
        .arg(dir.join("data"))
        .args(["--sol-url", &sol.url, "--pause", "0"])
        .args(extra)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file in a folder with its bytes, sorted by name.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

/// The one fetched export in `data/`.
fn fetched(dir: &Path) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dir.join("data"))
        .expect("data")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("bra_sol_")
        })
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].clone()
}

/// The pieces joined as the tool must join them: the first whole, the rest without header.
fn joined(pieces: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        let skip = if i == 0 {
            0
        } else {
            p.iter().position(|&b| b == b'\n').unwrap() + 1
        };
        out.extend_from_slice(&p[skip..]);
    }
    out
}

fn sidecar(csv: &Path) -> serde_json::Value {
    let path = PathBuf::from(format!("{}.fetch", csv.display()));
    serde_json::from_slice(&std::fs::read(path).expect("sidecar")).expect("JSON")
}

#[test]
fn fetch_writes_the_databasfil_bytes_as_served_and_a_sidecar() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    let (code, stdout, stderr) = fetch(dir.path(), &sol, &[]);
    assert_eq!(code, 0, "{stderr}");
    let csv = fetched(dir.path());
    let name = csv.file_name().unwrap().to_string_lossy().into_owned();
    let date = name
        .strip_prefix("bra_sol_")
        .and_then(|n| n.strip_suffix(".csv"))
        .unwrap();
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
        "{name}"
    );
    assert!(stdout.contains(&name), "{stdout}");
    let bytes = std::fs::read(&csv).unwrap();
    let served = sol.served();
    assert_eq!(served.len(), 1);
    assert_eq!(
        bytes, served[0],
        "the file is the Databasfil exactly as served"
    );
    assert!(
        bytes.starts_with(b"Region;Brott;\xc5r;Period;Antal;/100 000 inv\r\n"),
        "Latin-1 header"
    );
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "Latin-1 stays Latin-1"
    );
    let side = sidecar(&csv);
    assert_eq!(side["file"], name.as_str());
    assert_eq!(side["menu"]["id"], "12");
    assert_eq!(
        side["menu"]["title"],
        "Årsvis – Kommun och storstädernas stadsområden 1996-"
    );
    assert!(side["fetched_at"].as_str().unwrap().starts_with(date));
    assert_eq!(side["sol_url"], sol.url.as_str());
    assert_eq!(side["pieces"].as_array().unwrap().len(), 1);
    assert_eq!(side["crime_types"].as_array().unwrap().len(), 11);
    assert_eq!(side["regions"].as_array().unwrap().len(), 13);
    assert_eq!(side["periods"].as_array().unwrap().len(), 11);
}

#[test]
fn fetch_follows_the_documented_steps_with_the_session_cookie_and_user_agent() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    let (code, _, stderr) = fetch(dir.path(), &sol, &[]);
    assert_eq!(code, 0, "{stderr}");
    let log = sol.log();
    let steps: Vec<String> = log
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(
        steps,
        [
            "GET /solwebb/action/start?menykatalogid=1",
            "GET /solwebb/start.jsp",
            "GET /solwebb/action/anmalda/urval/urval?menyid=12",
            "POST /solwebb/action/anmalda/urval/vantapopup",
            "GET /solwebb/action/anmalda/urval/sok",
            "POST /solwebb/action/anmalda/resultat/dbfil",
        ]
    );
    assert!(log[0].cookie.is_none());
    assert!(
        log[1..]
            .iter()
            .all(|r| r.cookie.as_deref() == Some("JSESSIONID=S1")),
        "{log:?}"
    );
    let ua = format!("brottstrend/{}", env!("CARGO_PKG_VERSION"));
    assert!(
        log.iter().all(|r| r.user_agent.starts_with(&ua)),
        "{}",
        log[0].user_agent
    );
    let form = &log[3].form;
    assert_eq!(
        form["region_id_string"],
        "8372*8361*8362*8363*8373*8374*8375*8376*8377*8378*8295*8300*8291"
    );
    assert_eq!(
        form["brottstyp_id_string"],
        "1000*13011*13012*13092*13094*13101*13111*13121*13130*14024*18000"
    );
    assert_eq!(
        form["period_id_string"],
        "2862*2863*2864*2865*2866*2867*2868*2869*2870*2871*2872"
    );
    assert_eq!(
        (
            form["fordelning_id_string"].as_str(),
            form["antal"].as_str(),
            form["antal_100k"].as_str()
        ),
        ("", "1", "1")
    );
}

#[test]
fn a_query_over_the_cell_limit_is_split_and_the_pieces_are_joined_under_one_header() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    let config = fixtures().join("fetch/pledge_every_type.toml");
    let (code, _, stderr) = fetch(dir.path(), &sol, &["--config", config.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let queries = sol.requests_to("/solwebb/action/anmalda/urval/vantapopup");
    assert_eq!(
        queries.len(),
        2,
        "46 types × 13 regions × 11 years × 2 = 13 156 cells: two pieces"
    );
    let mut regions: Vec<String> = Vec::new();
    for q in &queries {
        let n = |k: &str| q.form[k].split('*').count();
        let cells = n("brottstyp_id_string") * n("region_id_string") * n("period_id_string") * 2;
        assert!(cells <= 10_000, "{cells} cells");
        regions.extend(q.form["region_id_string"].split('*').map(str::to_owned));
    }
    assert_eq!(regions.len(), 13, "every region in exactly one piece");
    let served = sol.served();
    assert_eq!(served.len(), 2);
    let bytes = std::fs::read(fetched(dir.path())).unwrap();
    assert_eq!(bytes, joined(&served));
    let headers = bytes
        .split(|&b| b == b'\n')
        .filter(|l| l.starts_with(b"Region;Brott;"))
        .count();
    assert_eq!(headers, 1);
    let rows = |b: &[u8]| b.split(|&x| x == b'\n').filter(|l| !l.is_empty()).count() - 1;
    assert_eq!(rows(&bytes), rows(&served[0]) + rows(&served[1]));
    assert_eq!(
        sidecar(&fetched(dir.path()))["pieces"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn every_request_after_the_first_waits_for_the_pause() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    let out = brottstrend()
        .arg("fetch")
        .arg("--data")
        .arg(dir.path().join("data"))
        .args(["--sol-url", &sol.url, "--pause", "0.25"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = sol.log();
    assert!(log.len() >= 4, "{} requests", log.len());
    // A lower bound only: the client sleeps before each request, so no arrival can come sooner.
    for pair in log.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].at);
        assert!(
            gap >= std::time::Duration::from_millis(250),
            "{} came {gap:?} after {}",
            pair[1].path,
            pair[0].path
        );
    }
}

#[test]
fn a_lost_session_is_started_again_once_and_the_fetch_completes() {
    let sol = Sol::start(Mode::LoseSessionOnce);
    let dir = workspace();
    let (code, stdout, stderr) = fetch(dir.path(), &sol, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(sol.requests_to("/solwebb/action/start").len(), 2);
    assert_eq!(
        sol.requests_to("/solwebb/action/anmalda/urval/vantapopup")
            .len(),
        2
    );
    let last = sol.log().last().cloned().unwrap();
    assert_eq!(
        last.cookie.as_deref(),
        Some("JSESSIONID=S2"),
        "the new session is used"
    );
    assert!(
        stdout.contains("session started again 1 time(s)"),
        "{stdout}"
    );
    let csv = fetched(dir.path());
    assert_eq!(std::fs::read(&csv).unwrap(), sol.served()[0]);
    assert_eq!(sidecar(&csv)["session_restarts"], 1);
}

#[cfg(target_os = "linux")]
#[test]
fn dry_run_into_a_full_standard_output_exits_2_with_one_sentence() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("brottstrend"))
        .arg("fetch")
        .arg("--data")
        .arg(dir.path().join("data"))
        .args(["--sol-url", &sol.url, "--pause", "0", "--dry-run"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.trim_end().ends_with(
            "Error: standard output cannot be written (No space left on device (os error 28))"
        ),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn dry_run_prints_the_plan_sends_no_query_and_writes_nothing() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    let before = snapshot(&dir.path().join("data"));
    let (code, stdout, stderr) = fetch(dir.path(), &sol, &["--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    for expected in [
        "menu: 12 Årsvis – Kommun och storstädernas stadsområden 1996-",
        "crime types (11):",
        "  13092 Grov kvinnofridskränkning [relationship]",
        "  18000 Brott mot narkotikastrafflagen [drugs]",
        "  1000 Totalt antal brott [context: total reported crime]",
        "regions (13):",
        "  8295 Gävleborgs län (21, county)",
        "  8300 Region Mitt (PR-MITT, police region)",
        "  8372 Nordanstig kommun (2132, pledge kommun)",
        "  8378 Hudiksvall kommun (2184, compared kommun)",
        "  8291 Hela landet (00, nation)",
        "periods (11): 2015, 2016,",
        "2025 prel.",
        "pieces (1), at most 10000 cells each:",
        "  1: 11 crime types × 13 regions × 11 periods × 2 measures = 3146 cells",
        "dry run: no query sent, nothing written",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    assert!(
        !stdout.contains("Stockholms län") && !stdout.contains("Region Stockholm"),
        "only the kommun's own county and police region: {stdout}"
    );
    assert!(
        sol.requests_to("/solwebb/action/anmalda/urval/vantapopup")
            .is_empty()
    );
    assert!(
        sol.requests_to("/solwebb/action/anmalda/resultat/dbfil")
            .is_empty()
    );
    assert_eq!(snapshot(&dir.path().join("data")), before);
}

#[test]
fn monthly_periods_come_from_the_monthly_menu() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    let args = ["--period", "month", "--from", "2026"];
    let (code, stdout, stderr) = fetch(dir.path(), &sol, &[&args[..], &["--dry-run"]].concat());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("menu: 31 Månadsvis – Kommun 2015-"),
        "{stdout}"
    );
    assert!(
        stdout.contains("periods (3): 2026 prel., Jan, 2026 prel., Feb, 2026 prel., Mar"),
        "{stdout}"
    );
    let (code, _, stderr) = fetch(dir.path(), &sol, &args);
    assert_eq!(code, 0, "{stderr}");
    let bytes = std::fs::read(fetched(dir.path())).unwrap();
    let needle: &[u8] = b"Nordanstig kommun;Grov kvinnofridskr\xe4nkning;2026 prel.;Jan;";
    assert!(bytes.windows(needle.len()).any(|w| w == needle));
    assert_eq!(
        sol.requests_to("/solwebb/action/anmalda/urval/vantapopup")[0].form["period_id_string"],
        "3022*3023*3024"
    );
}

#[test]
fn analyze_reads_the_fetched_export_beside_the_sidecar() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    let (code, _, stderr) = fetch(dir.path(), &sol, &[]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = crate::common::analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    // The drugs area is one crime type: its Nordanstig count per year is the fetched row.
    let text: String = std::fs::read(fetched(dir.path()))
        .unwrap()
        .iter()
        .map(|&b| b as char)
        .collect();
    let expected: Vec<(String, String)> = text
        .lines()
        .filter(|l| l.starts_with("Nordanstig kommun;Brott mot narkotikastrafflagen;"))
        .map(|l| {
            let f: Vec<&str> = l.split(';').collect();
            (f[3].trim_end_matches(" prel.").to_owned(), f[4].to_owned())
        })
        .collect();
    assert_eq!(expected.len(), 11);
    let rows = metrics(dir.path());
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    let (area, code_col, year, count) =
        (col("area"), col("region_code"), col("year"), col("count"));
    let got: Vec<(String, String)> = rows[1..]
        .iter()
        .filter(|r| r[area] == "drugs" && r[code_col] == "2132")
        .map(|r| (r[year].clone(), r[count].clone()))
        .collect();
    assert_eq!(got, expected);
    // The fetched county rows are the comparison, once per year, not beside a sum.
    let county: Vec<(String, String)> = text
        .lines()
        .filter(|l| l.starts_with("Gävleborgs län;Brott mot narkotikastrafflagen;"))
        .map(|l| {
            let f: Vec<&str> = l.split(';').collect();
            (f[3].trim_end_matches(" prel.").to_owned(), f[4].to_owned())
        })
        .collect();
    assert_eq!(county.len(), 11);
    let got: Vec<(String, String)> = rows[1..]
        .iter()
        .filter(|r| r[area] == "drugs" && r[code_col] == "21")
        .map(|r| (r[year].clone(), r[count].clone()))
        .collect();
    assert_eq!(got, county);
    let json = crate::common::summary(dir.path());
    assert_eq!(json["areas"][1]["comparison"]["source"], "export");
}
