//! Errors a user can fix: bad input files, a bad configuration, an unusable output folder.
//!
//! They carry where the problem is (file, line, column), the offending value and what was
//! expected, and make the process exit with code 2. Everything else is an internal error.

use std::fmt;
use std::path::{Path, PathBuf};

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
    /// The offending value as it stands in the file.
    pub value: Option<String>,
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

    /// Adds the offending value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
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
        }
        if let Some(expected) = &self.expected {
            write!(f, "; expected {expected}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// The exit code for an error: 2 when the user can fix the input, 1 otherwise.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    if err
        .chain()
        .any(|e| e.downcast_ref::<InputError>().is_some())
    {
        2
    } else {
        1
    }
}
