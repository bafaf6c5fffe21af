//! Fault injection for the tests of the output folder, in debug builds only.
//!
//! `BROTTSTREND_FAULT=pause:STEP` makes a run stop at the named step of [`super::write_all`],
//! print `paused at STEP` on stderr and wait, so a test can kill it with SIGKILL at exactly that
//! point; `BROTTSTREND_FAULT=full:N` makes the N-th file write of the process (from 1, counted
//! over every output folder a batch writes) fail as a full disk would. Release builds ignore the variable: nothing here reaches a user.

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};

/// File writes so far in this process.
static WRITES: AtomicUsize = AtomicUsize::new(0);

/// The variable's value, in debug builds.
fn setting() -> Option<String> {
    if cfg!(debug_assertions) {
        std::env::var("BROTTSTREND_FAULT").ok()
    } else {
        None
    }
}

/// Stops here for good when the test asked to pause at `step`.
pub fn point(step: &str) {
    if setting().as_deref().and_then(|s| s.strip_prefix("pause:")) == Some(step) {
        eprintln!("paused at {step}");
        loop {
            std::thread::park();
        }
    }
}

/// Counts one file write; a "no space left on device" error for the N-th (from 1), when asked.
pub fn write() -> io::Result<()> {
    let n = WRITES.fetch_add(1, Ordering::Relaxed) + 1;
    let asked = setting()
        .as_deref()
        .and_then(|s| s.strip_prefix("full:"))
        .and_then(|k| k.parse::<usize>().ok());
    if asked == Some(n) {
        Err(io::Error::from(io::ErrorKind::StorageFull))
    } else {
        Ok(())
    }
}
