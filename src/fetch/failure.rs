//! What a failed fetch tells the user: where (the address), what went wrong, the start of
//! what came, what was expected, and the manual route through the README as the way around.
//! Every failure becomes an [`InputError`], so the process exits with code 2.

use super::client::HttpFailure;
use crate::error::InputError;
use std::path::Path;

/// How many characters of an unexpected answer are shown.
pub const EXCERPT_CHARS: usize = 200;

/// The manual route, shown with every failure.
pub const MANUAL_ROUTE: &str = "\n\nThe way around: export by hand as README \"Using a real \
export from BRÅ\" describes: in BRÅ's statistics database choose the menu \"Årsvis – Kommun och \
storstädernas stadsområden 1996–\", the regions (the kommun, the other kommuner of the county, \
the county and the police region when listed, Hela landet), the crime types of data/pledge.toml and the years, export as \"Databasfil\" in \
pieces of at most 10 000 cells, and save them in data/ as bra_sol_YYYY-MM-DD.csv.";

/// A fetch that went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The address asked (or the file concerned).
    pub url: String,
    /// What went wrong.
    pub problem: String,
    /// The answer that came, when one did.
    pub found: Option<Vec<u8>>,
    /// What was expected instead.
    pub expected: String,
}

impl Failure {
    /// A failure about `url`.
    pub fn new(url: &str, problem: impl Into<String>, expected: impl Into<String>) -> Self {
        Failure {
            url: url.to_owned(),
            problem: problem.into(),
            found: None,
            expected: expected.into(),
        }
    }

    /// Adds the answer that came.
    pub fn found(mut self, body: &[u8]) -> Self {
        self.found = Some(body.to_vec());
        self
    }

    /// A failed request, with what the step expected.
    pub fn http(f: HttpFailure, expected: &str) -> Self {
        Failure {
            url: f.url,
            problem: f.problem,
            found: f.body,
            expected: expected.to_owned(),
        }
    }

    /// The user-facing error (exit code 2), with the manual route.
    pub fn into_input_error(self) -> InputError {
        let error = InputError::file(Path::new(&self.url), self.problem)
            .expected(format!("{}{MANUAL_ROUTE}", self.expected));
        match &self.found {
            Some(body) => error.value(excerpt(body)),
            None => error,
        }
    }
}

/// Text of a page: UTF-8 when it is valid UTF-8, else Latin-1 as SOL serves it (decoded as
/// Windows-1252, its superset, as browsers do).
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The first [`EXCERPT_CHARS`] characters of an answer, runs of white space as one space.
pub fn excerpt(bytes: &[u8]) -> String {
    let text = decode(&bytes[..bytes.len().min(EXCERPT_CHARS * 4)]);
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    let mut out: String = joined.chars().take(EXCERPT_CHARS).collect();
    if joined.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

#[cfg(test)]
#[path = "failure_tests.rs"]
mod tests;
