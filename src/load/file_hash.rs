//! The SHA-256 of an input file. A large export's is computed on a thread of its own (the
//! longest single job of a national run: one pass of SHA-256 cannot be split), and nothing but
//! the summary needs it: the parse, the merge and the analysis go on beside it, and the digest
//! is waited for when the summary is written.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;

/// A file's SHA-256 (lower-case hex), known or still being computed; clones share it.
#[derive(Clone)]
pub struct FileHash(Arc<Inner>);

struct Inner {
    thread: Mutex<Option<JoinHandle<String>>>,
    value: OnceLock<Option<String>>,
}

impl FileHash {
    /// A digest already computed.
    pub fn known(hex: String) -> Self {
        let value = OnceLock::new();
        let _ = value.set(Some(hex));
        FileHash(Arc::new(Inner {
            thread: Mutex::new(None),
            value,
        }))
    }

    /// The digest `thread` returns when it ends.
    pub fn pending(thread: JoinHandle<String>) -> Self {
        FileHash(Arc::new(Inner {
            thread: Mutex::new(Some(thread)),
            value: OnceLock::new(),
        }))
    }

    /// The digest, waiting for its thread if it is still at work; `None` when that thread
    /// failed (it panicked).
    pub fn get(&self) -> Option<&str> {
        self.0
            .value
            .get_or_init(|| {
                let thread = self
                    .0
                    .thread
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                thread.and_then(|t| t.join().ok())
            })
            .as_deref()
    }
}

impl std::fmt::Debug for FileHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.value.get() {
            Some(Some(hex)) => write!(f, "FileHash({hex})"),
            Some(None) => write!(f, "FileHash(failed)"),
            None => write!(f, "FileHash(pending)"),
        }
    }
}

#[cfg(test)]
#[path = "file_hash_tests.rs"]
mod tests;
