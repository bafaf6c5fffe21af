//! The steps of a session with BRÅ's statistics database (SOL), as a browser takes them
//! (`shared/docs/data-sources.md`, "How SOL is driven"):
//!
//! 1. `GET /solwebb/action/start?menykatalogid=1` opens a session (the `JSESSIONID` cookie)
//!    and lists the menus;
//! 2. `GET /solwebb/action/anmalda/urval/urval?menyid=N` chooses a menu and carries its
//!    choices as JavaScript arrays;
//! 3. `POST …/urval/vantapopup` sends the chosen ids; 4. `GET …/urval/sok` runs the query;
//! 5. `POST …/resultat/dbfil` returns the Databasfil.
//!
//! A page saying "En obefintlig menyrad har valts" means the session or the menu was lost: the
//! session is started again once, and the step repeated.

use super::client::Client;
use super::failure::{Failure, decode};
use super::menu::{self, Menu};
use super::plan::Piece;
use crate::load::Format;

/// Opens a session and lists the menus.
pub const START: &str = "/solwebb/action/start?menykatalogid=1";
/// Chooses a menu (the id follows).
pub const MENU: &str = "/solwebb/action/anmalda/urval/urval?menyid=";
/// Sends the choices.
pub const CHOOSE: &str = "/solwebb/action/anmalda/urval/vantapopup";
/// Runs the query.
pub const RUN: &str = "/solwebb/action/anmalda/urval/sok";
/// Returns the Databasfil.
pub const DATABASFIL: &str = "/solwebb/action/anmalda/resultat/dbfil";
/// The text of SOL's page for a lost session or menu.
pub const LOST: &str = "En obefintlig menyrad har valts";

const EXPECTED_PAGE: &str = "a page of BRÅ's statistics database (HTTP 200)";
const EXPECTED_DBFIL: &str = "a Databasfil: semicolon-separated text whose first line is \
                              `Region;Brott;År;Period;Antal;/100 000 inv`";

/// A menu offered on the start page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuLink {
    /// The `menyid`.
    pub id: String,
    /// The link text, e.g. "Årsvis – Kommun och storstädernas stadsområden 1996-".
    pub title: String,
}

/// Why a step did not give what it should.
enum StepError {
    /// The session was lost: start again.
    Lost(Failure),
    /// Anything else: stop.
    Failed(Failure),
}

impl From<Failure> for StepError {
    fn from(f: Failure) -> Self {
        StepError::Failed(f)
    }
}

/// One SOL session, started again once when it is lost.
pub struct Session {
    client: Client,
    menu_id: String,
    /// How many times the session was lost and started again.
    pub restarts: usize,
}

impl Session {
    /// A session on `client`; nothing is sent yet.
    pub fn new(client: Client) -> Self {
        Session {
            client,
            menu_id: String::new(),
            restarts: 0,
        }
    }

    /// Requests sent so far.
    pub fn requests(&self) -> usize {
        self.client.requests()
    }

    /// The address of a path on the site.
    pub fn url(&self, path: &str) -> String {
        self.client.url(path)
    }

    /// Step 1: opens the session and returns the menus the start page links to.
    pub fn start(&mut self) -> Result<Vec<MenuLink>, Failure> {
        self.client.forget_session();
        let page = self
            .client
            .get(START)
            .map_err(|f| Failure::http(f, EXPECTED_PAGE))?;
        Ok(menu_links(&decode(&page.body)))
    }

    /// Step 2: chooses menu `id` and reads its choices (starting again once if lost).
    pub fn menu(&mut self, id: &str) -> Result<Menu, Failure> {
        self.menu_id = id.to_owned();
        match self.menu_page() {
            Err(StepError::Lost(_)) => {
                self.restart()?;
                self.menu_page().map_err(StepError::into_failure)
            }
            other => other.map_err(StepError::into_failure),
        }
    }

    fn menu_page(&mut self) -> Result<Menu, StepError> {
        let path = format!("{MENU}{}", self.menu_id);
        let text = self.page(&path, None)?;
        menu::parse(&text).map_err(|e| {
            StepError::Failed(
                Failure::new(&self.url(&path), e.to_string(), "the menu page of BRÅ's statistics database with the JavaScript arrays arrayNivatva, arrayRegionNivaTva and arrayPeriod")
                    .found(text.as_bytes()),
            )
        })
    }

    /// Steps 3–5 for one piece: the Databasfil bytes as served. A lost session is started
    /// again once; lost a second time, the fetch stops.
    pub fn databasfil(&mut self, piece: &Piece) -> Result<Vec<u8>, Failure> {
        match self.query(piece) {
            Err(StepError::Lost(_)) => {
                self.restart()?;
                self.query(piece).map_err(StepError::into_failure)
            }
            other => other.map_err(StepError::into_failure),
        }
    }

    fn restart(&mut self) -> Result<(), Failure> {
        self.restarts += 1;
        self.start()?;
        let path = format!("{MENU}{}", self.menu_id);
        self.page(&path, None)
            .map(|_| ())
            .map_err(StepError::into_failure)
    }

    fn query(&mut self, piece: &Piece) -> Result<Vec<u8>, StepError> {
        let form = [
            ("brottstyp_id_string", piece.crimes.join("*")),
            ("region_id_string", piece.regions.join("*")),
            ("period_id_string", piece.periods.join("*")),
            ("fordelning_id_string", String::new()),
            ("antal", "1".to_owned()),
            ("antal_100k", "1".to_owned()),
        ];
        self.page(CHOOSE, Some(&form))?;
        self.page(RUN, None)?;
        let page = self
            .client
            .post(DATABASFIL, &[])
            .map_err(|f| Failure::http(f, EXPECTED_DBFIL))?;
        check_databasfil(&page.url, &page.body)?;
        Ok(page.body)
    }

    /// One page, as text; the lost-session page is told apart.
    fn page(&mut self, path: &str, form: Option<&[(&str, String)]>) -> Result<String, StepError> {
        let page = match form {
            Some(form) => self.client.post(path, form),
            None => self.client.get(path),
        }
        .map_err(|f| Failure::http(f, EXPECTED_PAGE))?;
        let text = decode(&page.body);
        if text.contains(LOST) {
            return Err(StepError::Lost(
                Failure::new(
                    &page.url,
                    "the session was lost twice (\"En obefintlig menyrad har valts\")",
                    "the page of the next step; BRÅ's site may be busy, try again later",
                )
                .found(&page.body),
            ));
        }
        Ok(text)
    }
}

impl StepError {
    fn into_failure(self) -> Failure {
        match self {
            StepError::Lost(f) | StepError::Failed(f) => f,
        }
    }
}

/// Checks that an answer is a Databasfil, and tells an HTML page apart.
fn check_databasfil(url: &str, body: &[u8]) -> Result<(), StepError> {
    let head = &body[..body.len().min(4096)];
    let text = decode(head);
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    if Format::SolLong.detect(first) {
        return Ok(());
    }
    if text.contains(LOST) {
        return Err(StepError::Lost(
            Failure::new(
                url,
                "the session was lost twice (\"En obefintlig menyrad har valts\")",
                EXPECTED_DBFIL,
            )
            .found(body),
        ));
    }
    let lower = text.trim_start().to_lowercase();
    let problem = if lower.starts_with('<') || lower.contains("<html") {
        "an HTML page came instead of a Databasfil"
    } else {
        "the answer is not a Databasfil"
    };
    Err(StepError::Failed(
        Failure::new(url, problem, EXPECTED_DBFIL).found(body),
    ))
}

/// The `menyid=N` links of the start page with their text.
pub fn menu_links(page: &str) -> Vec<MenuLink> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find("menyid=") {
        rest = &rest[at + "menyid=".len()..];
        let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let Some(open) = rest.find('>') else { break };
        let text = &rest[open + 1..];
        let end = text
            .find("</a")
            .or_else(|| text.find('<'))
            .unwrap_or(text.len());
        let title = unescape(&text[..end]);
        if !id.is_empty() && !title.is_empty() && !out.iter().any(|l: &MenuLink| l.id == id) {
            out.push(MenuLink { id, title });
        }
    }
    out
}

/// The few HTML entities a Swedish menu title uses, and white space collapsed.
fn unescape(s: &str) -> String {
    let mut t = s.to_owned();
    for (entity, c) in [
        ("&Aring;", "Å"),
        ("&aring;", "å"),
        ("&Auml;", "Ä"),
        ("&auml;", "ä"),
        ("&Ouml;", "Ö"),
        ("&ouml;", "ö"),
        ("&ndash;", "–"),
        ("&nbsp;", " "),
        ("&#8211;", "–"),
        ("&quot;", "\""),
        ("&amp;", "&"),
    ] {
        t = t.replace(entity, c);
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
