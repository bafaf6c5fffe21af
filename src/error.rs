//! Errors a user can fix: bad input files, a bad configuration, an unusable output folder.
//!
//! They carry where the problem is (file, line, column), the offending value (at most
//! [`MAX_VALUE_CHARS`] characters of it) and what was expected. Every failure makes the
//! process exit with code 2; a closed standard output ends it quietly (see [`is_broken_pipe`]).

use std::fmt;
use std::path::{Path, PathBuf};

/// How many characters of an offending value an error quotes: a whole 200 MB line would bury
/// the message.
pub const MAX_VALUE_CHARS: usize = 200;

/// A problem in something the user gave us, with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line, when the problem is on one line.
    pub line: Option<usize>,
    /// 1-based column (field number), when the problem is in one field.
    pub column: Option<usize>,
    /// What is wrong, e.g. "count is not a whole number".
    pub problem: String,
    /// The offending value as it stands in the file, cut to [`MAX_VALUE_CHARS`] characters.
    pub value: Option<String>,
    /// The length in characters of a value that was cut, to say so.
    pub value_chars: Option<usize>,
    /// What was expected instead, and how to fix it.
    pub expected: Option<String>,
}

impl InputError {
    /// A problem with a whole file.
    pub fn file(file: &Path, problem: impl Into<String>) -> Self {
        InputError {
            file: file.to_path_buf(),
            line: None,
            column: None,
            problem: problem.into(),
            value: None,
            value_chars: None,
            expected: None,
        }
    }

    /// A problem on one line of a file.
    pub fn at(file: &Path, line: usize, column: Option<usize>, problem: impl Into<String>) -> Self {
        InputError {
            line: Some(line),
            column,
            ..InputError::file(file, problem)
        }
    }

    /// Adds the offending value; a long one is cut to its first [`MAX_VALUE_CHARS`] characters.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        let value = value.into();
        match value.char_indices().nth(MAX_VALUE_CHARS) {
            Some((end, _)) => {
                self.value_chars = Some(value.chars().count());
                self.value = Some(value[..end].to_owned());
            }
            None => self.value = Some(value),
        }
        self
    }

    /// Adds what was expected.
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.problem)?;
        if let Some(value) = &self.value {
            write!(f, ": found {value:?}")?;
            if let Some(chars) = self.value_chars {
                write!(f, " (the first {MAX_VALUE_CHARS} of {chars} characters)")?;
            }
        }
        if let Some(expected) = &self.expected {
            write!(f, "; expected {expected}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// Standard output could not be written (a full disk, a closed pipe).
#[derive(Debug)]
pub struct StdoutError(pub std::io::Error);

impl fmt::Display for StdoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "standard output cannot be written ({})", self.0)
    }
}

impl std::error::Error for StdoutError {}

impl From<std::io::Error> for StdoutError {
    fn from(e: std::io::Error) -> Self {
        StdoutError(e)
    }
}

/// Whether the error is a closed standard output (`brottstrend validate | head`): not a
/// failure of the tool, so it ends quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<StdoutError>()
            .is_some_and(|s| s.0.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The exit code for an error: 2 for every failure, bad input and failed output alike.
pub fn exit_code(_err: &anyhow::Error) -> u8 {
    2
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
