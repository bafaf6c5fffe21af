//! A polite, blocking HTTP client for one SOL session: one request at a time, a pause before
//! every request but the first, a User-Agent naming the tool, a timeout, and the session
//! cookie (`JSESSIONID`) kept by hand across redirects.
//!
//! Redirects are followed here rather than by `ureq`, because a `Set-Cookie` on a redirect
//! answer would otherwise be lost and the session with it.

use std::collections::BTreeMap;
use std::time::Duration;

/// The User-Agent: the tool, its version and, when the crate names one, its repository.
pub fn user_agent() -> String {
    let repo = env!("CARGO_PKG_REPOSITORY");
    let version = env!("CARGO_PKG_VERSION");
    if repo.is_empty() {
        format!("brottstrend/{version}")
    } else {
        format!("brottstrend/{version} (+{repo})")
    }
}

/// Redirect hops followed before giving up.
const MAX_HOPS: usize = 5;

/// The largest answer read, far above a 10 000-cell Databasfil.
const MAX_BODY: u64 = 256 * 1024 * 1024;

/// One answer of the server.
#[derive(Debug, Clone)]
pub struct Page {
    /// The address that gave it (after redirects).
    pub url: String,
    /// The bytes as served.
    pub body: Vec<u8>,
}

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpFailure {
    /// The address asked.
    pub url: String,
    /// What went wrong, in words.
    pub problem: String,
    /// The start of the answer, when one came.
    pub body: Option<Vec<u8>>,
}

/// The client for one site.
pub struct Client {
    agent: ureq::Agent,
    base: String,
    cookies: BTreeMap<String, String>,
    pause: Duration,
    timeout: Duration,
    requests: usize,
}

impl Client {
    /// A client for `base` (`scheme://host[:port]`).
    pub fn new(base: &str, pause: Duration, timeout: Duration) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(user_agent())
            .build()
            .into();
        Client {
            agent,
            base: base.trim_end_matches('/').to_owned(),
            cookies: BTreeMap::new(),
            pause,
            timeout,
            requests: 0,
        }
    }

    /// The full address of a path on the site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Forgets the session cookie, to start a new session.
    pub fn forget_session(&mut self) {
        self.cookies.clear();
    }

    /// Requests made so far.
    pub fn requests(&self) -> usize {
        self.requests
    }

    /// `GET path`.
    pub fn get(&mut self, path: &str) -> Result<Page, HttpFailure> {
        self.send(self.url(path), None)
    }

    /// `POST path` with a form.
    pub fn post(&mut self, path: &str, form: &[(&str, String)]) -> Result<Page, HttpFailure> {
        self.send(self.url(path), Some(form))
    }

    fn send(
        &mut self,
        mut url: String,
        mut form: Option<&[(&str, String)]>,
    ) -> Result<Page, HttpFailure> {
        for _ in 0..=MAX_HOPS {
            if self.requests > 0 && !self.pause.is_zero() {
                std::thread::sleep(self.pause);
            }
            self.requests += 1;
            let result = match form {
                Some(fields) => self
                    .with_cookies(self.agent.post(&url))
                    .send_form(fields.iter().map(|(k, v)| (*k, v.as_str()))),
                None => self.with_cookies(self.agent.get(&url)).call(),
            };
            let mut response = result.map_err(|e| self.transport(&url, &e))?;
            self.keep_cookies(&response);
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|l| l.to_str().ok())
                    .unwrap_or("");
                url = self.resolve(location);
                form = None; // a browser follows a redirected POST with a GET
                continue;
            }
            let body = response
                .body_mut()
                .with_config()
                .limit(MAX_BODY)
                .read_to_vec()
                .map_err(|e| self.transport(&url, &e))?;
            if !status.is_success() {
                return Err(HttpFailure {
                    url,
                    problem: format!("the server answered HTTP {status}"),
                    body: Some(body),
                });
            }
            return Ok(Page { url, body });
        }
        Err(HttpFailure {
            url,
            problem: format!("more than {MAX_HOPS} redirects"),
            body: None,
        })
    }

    fn with_cookies<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        if self.cookies.is_empty() {
            return request;
        }
        let header: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        request.header("Cookie", header.join("; "))
    }

    fn keep_cookies(&mut self, response: &ureq::http::Response<ureq::Body>) {
        for value in response.headers().get_all("set-cookie") {
            let Ok(value) = value.to_str() else { continue };
            let pair = value.split(';').next().unwrap_or("");
            if let Some((name, v)) = pair.split_once('=') {
                self.cookies
                    .insert(name.trim().to_owned(), v.trim().to_owned());
            }
        }
    }

    /// A `Location` as a full address: absolute, or a path on the same site.
    fn resolve(&self, location: &str) -> String {
        if location.starts_with("http://") || location.starts_with("https://") {
            location.to_owned()
        } else if location.starts_with('/') {
            self.url(location)
        } else {
            self.url(&format!("/{location}"))
        }
    }

    fn transport(&self, url: &str, e: &ureq::Error) -> HttpFailure {
        let problem = match e {
            ureq::Error::Timeout(_) => format!(
                "no complete answer within {} s (timeout; raise it with --timeout)",
                self.timeout.as_secs_f64()
            ),
            other => format!("the request failed: {other}"),
        };
        HttpFailure {
            url: url.to_owned(),
            problem,
            body: None,
        }
    }
}
