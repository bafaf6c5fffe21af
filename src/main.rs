//! brottstrend: follow up a medborgarlöfte with BRÅ's crime statistics. Wiring only.

use brottstrend::{app, cli, error};
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
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
