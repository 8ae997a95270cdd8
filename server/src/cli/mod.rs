//! The analyst's commands of the `aduan` binary: `aduan sla` (working-day
//! arithmetic), `aduan score` (award leaderboards) and `aduan stats`
//! (response-time statistics). They read files and the configuration and
//! never touch the database.
//!
//! Each command has its clap `Args` and a `run` function in its module;
//! `run` writes its result to the writer it is given and returns a
//! [`CliError`] for anything that stops it, so tests can drive it without a
//! process. [`output`] holds the table, CSV and Markdown writers they share.
//!
//! # Exit codes
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done |
//! | 1 | the output could not be written (a closed pipe, a full disk) |
//! | 2 | bad input: an argument, the configuration, a file that cannot be read as a whole (cannot open, empty, not UTF-8, a missing column, a malformed metrics row or award definition), a date outside the holiday calendar |
//! | 3 | the result was printed, but rows of a complaints file were rejected and left out (each on standard error); `--allow-rejected` makes this 0 |

use std::fmt;
use std::io::Write;
use std::process::ExitCode;

use aduan_core::Text;

pub mod output;
pub mod sla;

/// Exit code for bad input (arguments, configuration, files), as clap uses
/// for bad arguments.
pub const EXIT_INPUT: u8 = 2;
/// Exit code when the output itself could not be written.
pub const EXIT_OUTPUT: u8 = 1;
/// Exit code when a result was printed but rows of the input were rejected.
pub const EXIT_REJECTED: u8 = 3;

/// What a command that ran to the end reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was read and used.
    Done,
    /// The result was written, but this many rows were rejected and left
    /// out (each already reported on standard error).
    RowsRejected(u64),
}

/// Why a command stopped: a message for standard error and an exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    /// The exit code ([`EXIT_INPUT`] or [`EXIT_OUTPUT`]).
    pub exit_code: u8,
    /// What went wrong, in Indonesian and English, naming the argument or
    /// the file, line and column.
    pub message: String,
}

impl CliError {
    /// Bad input, with a message in both languages.
    #[must_use]
    pub fn input(message: &Text) -> Self {
        Self { exit_code: EXIT_INPUT, message: message.to_string() }
    }

    /// Bad input, with a message already composed (e.g. several lines).
    #[must_use]
    pub fn input_text(message: impl Into<String>) -> Self {
        Self { exit_code: EXIT_INPUT, message: message.into() }
    }

    /// The output could not be written.
    #[must_use]
    pub fn output(error: &std::io::Error) -> Self {
        Self {
            exit_code: EXIT_OUTPUT,
            message: Text::new(
                format!("Hasil tidak dapat ditulis: {error}"),
                format!("Cannot write the output: {error}"),
            )
            .to_string(),
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        Self::output(&error)
    }
}

/// Turns a command's result into the process's exit code, writing the error
/// (if any) to `stderr` prefixed with `aduan: `.
///
/// `allow_rejected` makes a result with rejected rows exit 0 rather than
/// [`EXIT_REJECTED`].
#[must_use]
pub fn exit_code(
    result: Result<Outcome, CliError>,
    allow_rejected: bool,
    stderr: &mut dyn Write,
) -> ExitCode {
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::RowsRejected(_)) if allow_rejected => ExitCode::SUCCESS,
        Ok(Outcome::RowsRejected(_)) => ExitCode::from(EXIT_REJECTED),
        Err(e) => {
            // Standard error itself failing leaves nothing better to do.
            let _ = writeln!(stderr, "aduan: {e}");
            ExitCode::from(e.exit_code)
        }
    }
}

/// A `value_parser` for `--zone`: WIB, WITA, WIT, an IANA name of an
/// Indonesian zone, UTC or an offset such as `+08:00`.
///
/// # Errors
/// The core's message (both languages) for anything else.
pub fn parse_zone(s: &str) -> Result<aduan_core::Zone, String> {
    aduan_core::Zone::parse(s).map_err(|e| e.message.to_string())
}
