//! Unit tests of `src/cli.rs`.

use super::*;
use clap::CommandFactory;

#[test]
fn the_command_line_definition_is_consistent() {
    Cli::command().debug_assert();
}

#[test]
fn every_registered_format_is_an_input_format_choice_by_its_cli_name() {
    for info in REGISTRY {
        let cli = Cli::try_parse_from(["brottstrend", "validate", "--input-format", info.cli_name])
            .expect(info.cli_name);
        let Command::Validate(args) = cli.command else {
            panic!("validate")
        };
        assert_eq!(args.input_format, Some(info.format));
    }
}
