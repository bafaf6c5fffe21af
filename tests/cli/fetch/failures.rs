//! Every way `fetch` can fail: exit code 2, a message with the address, what came, what was
//! expected and the manual route, and the data folder exactly as before.

use super::server::{Mode, Sol};
use super::{fetch, snapshot, workspace};
use crate::common::{brottstrend, fixtures};

/// Runs a fetch that must fail: exit 2, the expected words in the message, the manual route,
/// and the data folder exactly as before.
fn fails(mode: Mode, extra: &[&str], words: &[&str]) -> String {
    let sol = Sol::start(mode);
    let dir = workspace();
    let before = snapshot(&dir.path().join("data"));
    let (code, _, stderr) = fetch(dir.path(), &sol, extra);
    assert_eq!(code, 2, "{stderr}");
    for w in words {
        assert!(stderr.contains(w), "missing {w:?} in\n{stderr}");
    }
    assert!(stderr.contains("Using a real export from BRÅ"), "{stderr}");
    assert_eq!(
        snapshot(&dir.path().join("data")),
        before,
        "nothing written"
    );
    stderr
}

#[test]
fn a_session_lost_twice_stops_with_exit_2_and_writes_nothing() {
    fails(
        Mode::LoseSessionAlways,
        &[],
        &[
            "the session was lost twice",
            "En obefintlig menyrad har valts",
        ],
    );
}

#[test]
fn a_menu_without_the_arrays_stops_with_exit_2() {
    fails(
        Mode::MenuWithoutArrays,
        &[],
        &[
            "urval?menyid=12",
            "no JavaScript array `arrayNivatva`",
            "found \"<html><head><title>Brå &ndash; Underhåll",
            "expected the menu page",
        ],
    );
}

#[test]
fn a_crime_pattern_that_matches_nothing_stops_with_exit_2() {
    let config = fixtures().join("fetch/pledge_unknown_type.toml");
    fails(
        Mode::Normal,
        &["--config", config.to_str().unwrap()],
        &[
            "the crime pattern \"Narkotikabruk bland unga*\" of area `drugs` matches no crime type in the menu",
        ],
    );
}

#[test]
fn an_html_page_instead_of_a_databasfil_stops_with_exit_2() {
    fails(
        Mode::HtmlInsteadOfDatabasfil,
        &[],
        &[
            "/dbfil: an HTML page came instead of a Databasfil",
            "Ett fel har inträffat",
            "expected a Databasfil",
        ],
    );
}

#[test]
fn an_http_error_stops_with_exit_2() {
    fails(
        Mode::ServerError,
        &[],
        &[
            "the server answered HTTP 500",
            "Tjänsten är tillfälligt otillgänglig",
        ],
    );
}

#[test]
fn a_timeout_stops_with_exit_2() {
    fails(
        Mode::Silent,
        &["--timeout", "0.5"],
        &["/dbfil: no complete answer within 0.5 s (timeout"],
    );
}

#[test]
fn an_unreachable_site_stops_with_exit_2() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let dir = workspace();
    let out = brottstrend()
        .args(["fetch", "--pause", "0", "--sol-url", &url, "--data"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("the request failed"), "{stderr}");
}

#[test]
fn a_second_fetch_on_the_same_day_refuses_before_asking_anything() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    assert_eq!(fetch(dir.path(), &sol, &[]).0, 0);
    let before = snapshot(&dir.path().join("data"));
    let requests = sol.log().len();
    let (code, _, stderr) = fetch(dir.path(), &sol, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("already exists; fetch never replaces a file"),
        "{stderr}"
    );
    assert_eq!(sol.log().len(), requests, "no request sent");
    assert_eq!(snapshot(&dir.path().join("data")), before);
}

#[test]
fn a_site_address_with_a_path_is_refused() {
    let sol = Sol::start(Mode::Normal);
    let dir = workspace();
    let url = format!("{}/solwebb", sol.url);
    let out = brottstrend()
        .args(["fetch", "--sol-url", &url, "--data"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--sol-url: not a site address"));
    assert!(sol.log().is_empty());
}

#[test]
fn a_start_page_without_the_kommun_menu_stops_with_exit_2() {
    fails(
        Mode::StartWithoutMenus,
        &[],
        &[
            "start?menykatalogid=1: the start page links to no menu titled",
            "--menu ID",
        ],
    );
}

#[test]
fn a_menu_without_the_periods_asked_for_stops_with_exit_2() {
    // --menu names the monthly menu, which has no yearly periods.
    fails(
        Mode::Normal,
        &["--menu", "31"],
        &["urval?menyid=31: the menu has no yearly (type -1) periods from 2015"],
    );
}
