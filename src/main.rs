//! brottstrend: follow up a medborgarlöfte with BRÅ's crime statistics. Wiring only.

use brottstrend::{app, cli, error};
use clap::Parser;
use std::io::{ErrorKind, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    bound_malloc_arenas();
    one_polars_thread();
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    match app::run(cli) {
        Ok(code) => code,
        // A reader that stopped reading (`validate | head`) is not an error.
        Err(e) if error::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Nothing more can be done when stderr itself cannot be written.
            let _ = writeln!(std::io::stderr(), "Error: {e:#}");
            ExitCode::from(error::exit_code(&e))
        }
    }
}

/// glibc gives every thread that allocates an arena of its own and keeps what is freed in it,
/// so the peak memory grows with the threads the readers, polars and the chart painters start
/// (the national run: about 105 MB with an arena per thread, about 75 MB with two; issue #15
/// bounds it at 100 MB). Two arenas are enough for the two or so threads that allocate at once.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn bound_malloc_arenas() {
    // SAFETY: mallopt only changes glibc's allocator settings, and runs first in main, before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn bound_malloc_arenas() {}

/// polars does one group-by per dataset (about a hundred thousand rows for a national export),
/// which a pool of a thread per core does no faster than one thread: the national run spent
/// about 15 ms more CPU time with two, and waited on them. The readers and the chart painters
/// spread their own work over the cores. One thread, unless the environment sets it.
fn one_polars_thread() {
    const MAX_THREADS: &str = "POLARS_MAX_THREADS";
    if std::env::var_os(MAX_THREADS).is_none() {
        // SAFETY: runs first in main, before any other thread exists, so nothing reads the
        // environment meanwhile.
        unsafe { std::env::set_var(MAX_THREADS, "1") };
    }
}

/// Prints help, the version or a usage error as clap would, but a full standard output is a
/// failure (exit 2) rather than silently ignored.
fn clap_exit(e: &clap::Error) -> ExitCode {
    match e.print() {
        Ok(()) => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
        Err(io) if io.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(io) => {
            let _ = writeln!(std::io::stderr(), "Error: {}", error::StdoutError(io));
            ExitCode::from(2)
        }
    }
}
