//! A local stand-in for BRÅ's statistics database (SOL), on 127.0.0.1 in a thread of the
//! test: it plays BRÅ's side of the documented protocol from the fixtures in
//! `tests/fixtures/fetch/` (start page, Latin-1 menu pages, error pages) and builds each
//! Databasfil from the ids asked for, in Latin-1, with BRÅ's header and trailing `;`.
//!
//! It keeps sessions by the `JSESSIONID` cookie (set on a redirect, as Tomcat does), answers
//! "En obefintlig menyrad har valts" when a step comes without its session or before its menu,
//! refuses a query over 10 000 cells, and logs every request for the tests to read.

mod databasfil;

use crate::common::fixtures;
use databasfil::{Names, databasfil};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How the stand-in misbehaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// As documented.
    Normal,
    /// The session is lost at the first query (`vantapopup`), once.
    LoseSessionOnce,
    /// Every query finds its session lost.
    LoseSessionAlways,
    /// The start page links to no menu.
    StartWithoutMenus,
    /// The menu page comes without the JavaScript arrays (e.g. during maintenance).
    MenuWithoutArrays,
    /// An HTML error page comes instead of the Databasfil.
    HtmlInsteadOfDatabasfil,
    /// The Databasfil request gets HTTP 500.
    ServerError,
    /// The Databasfil never comes in time.
    Silent,
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    /// `GET` or `POST`.
    pub method: String,
    /// Path and query.
    pub path: String,
    /// The `Cookie` header.
    pub cookie: Option<String>,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// The decoded form fields of a POST.
    pub form: HashMap<String, String>,
    /// When its request line arrived.
    pub at: Instant,
}

#[derive(Default)]
struct Session {
    menu: Option<String>,
    form: Option<HashMap<String, String>>,
    ran: bool,
}

#[derive(Default)]
struct State {
    sessions: HashMap<String, Session>,
    next_session: u32,
    lost_once: bool,
    log: Vec<Request>,
    served: Vec<Vec<u8>>,
}

/// The running stand-in.
pub struct Sol {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl Sol {
    /// Starts the server in a thread; it lives until the test process ends.
    pub fn start(mode: Mode) -> Sol {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        let names = Names::read();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                // One connection at a time, as a polite client uses it.
                let _ = serve(stream, mode, &shared, &names);
            }
        });
        Sol { url, state }
    }

    /// Every request so far.
    pub fn log(&self) -> Vec<Request> {
        self.state.lock().unwrap().log.clone()
    }

    /// Every Databasfil served, in order.
    pub fn served(&self) -> Vec<Vec<u8>> {
        self.state.lock().unwrap().served.clone()
    }

    /// The requests to one path (without query).
    pub fn requests_to(&self, path: &str) -> Vec<Request> {
        self.log()
            .into_iter()
            .filter(|r| r.path.split('?').next() == Some(path))
            .collect()
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join("fetch").join(name)).expect("fixture")
}

struct Answer {
    status: u16,
    body: Vec<u8>,
    content_type: &'static str,
    headers: Vec<(String, String)>,
}

fn html(body: Vec<u8>) -> Answer {
    Answer {
        status: 200,
        body,
        content_type: "text/html; charset=ISO-8859-1",
        headers: Vec::new(),
    }
}

fn serve(
    stream: TcpStream,
    mode: Mode,
    state: &Mutex<State>,
    names: &Names,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let at = Instant::now();
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let path = parts.next().unwrap_or("").to_owned();
    let mut headers: HashMap<String, String> = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_lowercase(), v.trim().to_owned());
        }
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let request = Request {
        method,
        path,
        cookie: headers.get("cookie").cloned(),
        user_agent: headers.get("user-agent").cloned().unwrap_or_default(),
        form: parse_form(&String::from_utf8_lossy(&body)),
        at,
    };
    state.lock().unwrap().log.push(request.clone());
    if mode == Mode::Silent && request.path.ends_with("/dbfil") {
        std::thread::sleep(Duration::from_secs(3));
    }
    let answer = route(&request, mode, &mut state.lock().unwrap(), names);
    write_answer(stream, &answer)
}

fn write_answer(mut stream: TcpStream, a: &Answer) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        a.status,
        a.content_type,
        a.body.len()
    );
    for (k, v) in &a.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(&a.body)?;
    stream.flush()
}

fn parse_form(body: &str) -> HashMap<String, String> {
    body.split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (unpercent(k), unpercent(v)))
        .collect()
}

fn unpercent(s: &str) -> String {
    let s = s.replace('+', " ");
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn session_id(r: &Request) -> Option<String> {
    r.cookie
        .as_deref()?
        .split(';')
        .find_map(|c| c.trim().strip_prefix("JSESSIONID=").map(str::to_owned))
}

fn route(r: &Request, mode: Mode, st: &mut State, names: &Names) -> Answer {
    let lost = || html(fixture("lost_session.html"));
    let path = r.path.as_str();
    if path == "/solwebb/action/start?menykatalogid=1" {
        st.next_session += 1;
        let id = format!("S{}", st.next_session);
        st.sessions.insert(id.clone(), Session::default());
        let mut a = html(Vec::new());
        a.status = 302;
        a.headers
            .push(("Location".into(), "/solwebb/start.jsp".into()));
        a.headers.push((
            "Set-Cookie".into(),
            format!("JSESSIONID={id}; Path=/solwebb; HttpOnly"),
        ));
        return a;
    }
    let Some(session) = session_id(r).and_then(|id| st.sessions.get_mut(&id)) else {
        return lost();
    };
    if path == "/solwebb/start.jsp" {
        let page = match mode {
            Mode::StartWithoutMenus => "menu_without_arrays.html",
            _ => "start.html",
        };
        return html(fixture(page));
    }
    if let Some(menu) = path.strip_prefix("/solwebb/action/anmalda/urval/urval?menyid=") {
        let page = match (menu, mode) {
            (_, Mode::MenuWithoutArrays) => "menu_without_arrays.html",
            ("12", _) => "menu_year.html",
            ("31", _) => "menu_month.html",
            _ => return lost(),
        };
        session.menu = Some(menu.to_owned());
        return html(fixture(page));
    }
    query(r, mode, st, names)
}

/// Steps 3–5: the choices, the query, the Databasfil; each needs the step before it.
fn query(r: &Request, mode: Mode, st: &mut State, names: &Names) -> Answer {
    let lost = || html(fixture("lost_session.html"));
    let id = session_id(r).unwrap_or_default();
    let lose = mode == Mode::LoseSessionAlways || (mode == Mode::LoseSessionOnce && !st.lost_once);
    let Some(session) = st.sessions.get_mut(&id) else {
        return lost();
    };
    let path = r.path.as_str();
    match (r.method.as_str(), path) {
        ("POST", "/solwebb/action/anmalda/urval/vantapopup") => {
            if session.menu.is_none() || lose {
                st.lost_once = true;
                st.sessions.remove(&id);
                return lost();
            }
            if cells(&r.form) > 10_000 {
                return html(
                    b"<html><body>Du har valt f\xf6r m\xe5nga celler (max 10 000).</body></html>"
                        .to_vec(),
                );
            }
            session.form = Some(r.form.clone());
            session.ran = false;
            html(b"<html><body>V\xe4nta ...</body></html>".to_vec())
        }
        ("GET", "/solwebb/action/anmalda/urval/sok") if session.form.is_some() => {
            session.ran = true;
            html(b"<html><body><table class=\"resultat\"></table></body></html>".to_vec())
        }
        ("POST", "/solwebb/action/anmalda/resultat/dbfil") if session.ran => {
            let form = session.form.clone().unwrap_or_default();
            match mode {
                Mode::HtmlInsteadOfDatabasfil => html(fixture("error_page.html")),
                Mode::ServerError => Answer {
                    status: 500,
                    ..html(fixture("error_page.html"))
                },
                _ => {
                    let body = databasfil(&form, names);
                    st.served.push(body.clone());
                    Answer {
                        status: 200,
                        body,
                        content_type: "text/plain; charset=ISO-8859-1",
                        headers: vec![(
                            "Content-Disposition".into(),
                            "attachment; filename=\"sol.csv\"".into(),
                        )],
                    }
                }
            }
        }
        _ => lost(),
    }
}

/// Cells of a query: crime types × regions × periods × 2 values.
fn cells(form: &HashMap<String, String>) -> usize {
    [
        "brottstyp_id_string",
        "region_id_string",
        "period_id_string",
    ]
    .iter()
    .map(|k| {
        form.get(*k)
            .map_or(0, |v| v.split('*').filter(|s| !s.is_empty()).count())
    })
    .product::<usize>()
        * 2
}
