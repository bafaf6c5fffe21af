//! brottstrend: follow up a medborgarlöfte with BRÅ's crime statistics. Wiring only.

use brottstrend::{app, cli, error};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match app::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("Error: {e:#}");
            ExitCode::from(error::exit_code(&e))
        }
    }
}
