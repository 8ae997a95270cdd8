//! The `aduan` subcommands that work on files rather than serve HTTP.
//!
//! - [`import`]: `aduan import`, a complaints file into the database;
//! - [`export`]: `aduan export`, the database into a complaints file;
//! - the analyst's commands [`sla`] (working-day arithmetic), [`score`]
//!   (award leaderboards) and [`stats`] (response-time statistics), which
//!   read files and the configuration and never touch the database.
//!
//! Each analyst's command has its clap `Args` and a `run` function in its module;
//! `run` writes its result to the writer it is given and returns a
//! [`CliError`] for anything that stops it, so tests can drive it without a
//! process. [`output`] holds the table, CSV and Markdown writers they share.
//!
//! # Exit codes of `sla`, `score` and `stats`
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

pub mod export;
pub mod import;
pub mod output;
pub mod score;
pub mod sla;
pub mod stats;

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

    /// Bad input at a place (`file`, `file:line:column`), named once before
    /// the message in both languages.
    #[must_use]
    pub fn at(place: impl fmt::Display, message: &Text) -> Self {
        Self { exit_code: EXIT_INPUT, message: format!("{place}: {message}") }
    }

    /// Bad input, with a message already composed (e.g. several lines).
    #[must_use]
    pub fn input_text(message: impl Into<String>) -> Self {
        Self { exit_code: EXIT_INPUT, message: message.into() }
    }

    /// The output could not be written. A closed pipe (`aduan … | head`)
    /// is no error worth a message: the reader wanted no more.
    #[must_use]
    pub fn output(error: &std::io::Error) -> Self {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            return Self { exit_code: EXIT_OUTPUT, message: String::new() };
        }
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
            if !e.message.is_empty() {
                // Standard error itself failing leaves nothing better to do.
                let _ = writeln!(stderr, "aduan: {e}");
            }
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

/// The years `--year` and `--period` accept, as the server's period query.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

/// The period of `aduan score` and `aduan stats`: `--year`, or `--period`
/// as a year (`2025`), a month (`2025-03`) or `FROM..TO` dates.
#[derive(Debug, Clone, clap::Args)]
pub struct PeriodArgs {
    /// The calendar year (default: the current year in the default zone).
    #[arg(long, conflicts_with = "period", value_name = "YYYY")]
    pub year: Option<i32>,
    /// The period: a year (2025), a month (2025-03) or two dates
    /// FROM..TO (2025-01-01..2025-06-30), both included.
    #[arg(long, value_parser = parse_period, value_name = "PERIOD")]
    pub period: Option<aduan_core::stats::Period>,
}

impl PeriodArgs {
    /// The period asked for; without one, the year of `today`.
    ///
    /// # Errors
    /// A `--year` outside 1–9999.
    pub fn resolve(&self, today: chrono::NaiveDate) -> Result<aduan_core::stats::Period, CliError> {
        use chrono::Datelike;
        match (self.period, self.year) {
            (Some(p), _) => Ok(p),
            (None, Some(y)) if YEARS.contains(&y) => Ok(aduan_core::stats::Period::year(y)),
            (None, Some(y)) => Err(CliError::input(&Text::new(
                format!("--year: tahun {y} harus antara 1900 dan 9999"),
                format!("--year: the year {y} must be between 1900 and 9999"),
            ))),
            (None, None) => Ok(aduan_core::stats::Period::year(today.year())),
        }
    }
}

/// Reads `--period`: `2025`, `2025-03` or `2025-01-01..2025-06-30`.
///
/// # Errors
/// A message in both languages with the accepted forms.
pub fn parse_period(s: &str) -> Result<aduan_core::stats::Period, String> {
    use aduan_core::stats::Period;
    let s = s.trim();
    let invalid = || {
        Text::new(
            "Tulis periode sebagai tahun (2025), bulan (2025-03), atau dua tanggal DARI..SAMPAI (2025-01-01..2025-06-30)",
            "Write the period as a year (2025), a month (2025-03), or two dates FROM..TO (2025-01-01..2025-06-30)",
        )
        .to_string()
    };
    if let Some((from, to)) = s.split_once("..") {
        let date = |d: &str| chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| invalid());
        return Period::new(date(from)?, date(to)?).map_err(|e| e.message.to_string());
    }
    // Four digits, from 1900 as the server's period query: "25" is a typo
    // for 2025 far more often than the year 25.
    let year = |y: &str| y.parse::<i32>().ok().filter(|y| YEARS.contains(y));
    match s.split_once('-') {
        None => year(s).map(Period::year).ok_or_else(invalid),
        Some((y, m)) => {
            year(y).zip(m.parse::<u32>().ok()).and_then(|(y, m)| Period::month(y, m)).ok_or_else(invalid)
        }
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
#[must_use]
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// Reads a whole (small) input file as UTF-8 text without its byte-order
/// mark: metrics sheets and award definitions.
///
/// # Errors
/// Exit code 2, naming the file: it cannot be read, it is empty (or only
/// white space), or it is not UTF-8 (with the line and column of the first
/// bad byte, and how to save it as UTF-8).
pub fn read_text(path: &std::path::Path) -> Result<String, CliError> {
    let file = path.display();
    let bytes = std::fs::read(path).map_err(|e| {
        CliError::at(
            &file,
            &Text::new(format!("berkas tidak dapat dibaca: {e}"), format!("cannot read the file: {e}")),
        )
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = line_column(valid, valid.len());
            return Err(CliError::at(
                format!("{file}:{line}:{column}"),
                &Text::new(
                    format!(
                        "berkas bukan UTF-8 (byte 0x{:02X}); simpan ulang sebagai UTF-8, misalnya \"CSV UTF-8\" di Excel",
                        bytes[e.valid_up_to()]
                    ),
                    format!(
                        "the file is not UTF-8 (byte 0x{:02X}); save it again as UTF-8, e.g. \"CSV UTF-8\" in Excel",
                        bytes[e.valid_up_to()]
                    ),
                ),
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(CliError::at(&file, &Text::new("berkas kosong", "the file is empty")));
    }
    Ok(text.to_owned())
}

/// A progress bar by bytes read on standard error, for files that take a
/// while (`aduan import`, `aduan stats`); hidden when standard error is not
/// a terminal (a log, a test).
pub(crate) fn progress_bar(total: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] [{wide_bar}] {bytes}/{total_bytes} ({eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_printed_once_and_a_closed_pipe_not_at_all() {
        let mut err = Vec::new();
        let _ = exit_code(Err(CliError::at("jury.csv:3:4", &Text::new("salah", "wrong"))), false, &mut err);
        assert_eq!(String::from_utf8(err).unwrap(), "aduan: jury.csv:3:4: salah / wrong\n");
        let mut err = Vec::new();
        let pipe = CliError::output(&std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert_eq!(pipe.exit_code, EXIT_OUTPUT);
        let _ = exit_code(Err(pipe), false, &mut err);
        assert!(err.is_empty());
    }

    #[test]
    fn periods_parse_in_three_forms() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let p = |s| parse_period(s).map(|p| (p.from, p.to));
        assert_eq!(p("2025"), Ok((d("2025-01-01"), d("2025-12-31"))));
        assert_eq!(p("2024-02"), Ok((d("2024-02-01"), d("2024-02-29"))));
        assert_eq!(p("2025-01-15..2025-03-31"), Ok((d("2025-01-15"), d("2025-03-31"))));
        for bad in ["25", "2025-13", "2025-03-01..", "kemarin", "2025-03-31..2025-01-01"] {
            assert!(parse_period(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "a,b\nDinas Pariwisata (Régional),x";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, text.find('x').unwrap()), (2, 29));
    }
}
