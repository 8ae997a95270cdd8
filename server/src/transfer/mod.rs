//! The Aduan complaints file: one row per complaint with its history, read
//! by `aduan import`, `aduan stats` and `aduan score`, written by
//! `aduan export`.
//!
//! # Formats
//!
//! - **CSV**: UTF-8 (a byte order mark is skipped), a header row, comma
//!   separators, RFC 4180 quoting, CRLF or LF line ends. Old exports in
//!   Windows-1252, Latin-1 or UTF-16 are read with an explicit
//!   [`Encoding`]; a file that starts with a UTF-16 byte order mark is
//!   decoded as UTF-16 without being asked. Any other invalid UTF-8 is a
//!   [`FileError`] naming its line, column and byte offset.
//! - **JSON**: an array of objects with the CSV headers as keys.
//! - **JSON Lines** (`.jsonl`): one such object per line.
//!
//! The format follows the extension (`.csv`, `.json`, `.jsonl`/`.ndjson`)
//! unless [`ReadOptions::format`] names one. Files are read as a stream: a
//! file of a million rows never sits in memory at once.
//!
//! # Columns
//!
//! Header order is free; unknown headers are ignored. A cell is empty when
//! it holds nothing but whitespace (JSON: `null` or `""`).
//!
//! | column | required | meaning |
//! |---|---|---|
//! | `ticket` | no | an Aduan ticket number (check character verified); empty: a new ticket is drawn on import |
//! | `received_at` | yes | RFC 3339 with offset, or local `YYYY-MM-DD HH:MM[:SS]` in the addressed agency's zone |
//! | `kind` | yes | `pengaduan`, `aspirasi`, `permintaan_informasi` |
//! | `agency` | yes | the addressed agency's id (must be configured when the config lists agencies) |
//! | `channel` | no | `web_widget`, `lapor`, `sms_1708`, `whats_app`, `social_media`, `walk_in`; default `lapor` |
//! | `origin` | for `web_widget` | the embedding site's origin, `https://host` |
//! | `privacy` | no | `publik`, `anonim`, `rahasia`; default `rahasia` (the most restrictive) |
//! | `title`, `description`, `incident_date` (YYYY-MM-DD), `location`, `latitude`, `longitude`, `reporter_name`, `reporter_email`, `reporter_phone` | import: as the core's validation says | the complaint's content, validated by [`aduan_core::ComplaintInput::validate`] at the instant it was received |
//! | `verified_at`, `disposed_at`, `disposed_to`, `responded_at`, `response`, `followed_up_at`, `follow_up`, `closed_at`, `closed_how`, `archive_reason`, `archive_note`, `rating`, `rated_at` | no | milestones, see below |
//! | `events` | no | a JSON array of [`Event`]s: the history itself |
//! | `status` | no | a check: when given it must equal the folded status |
//! | `access_secret_sha256` | no | hex SHA-256 of the reporter's access code (an export keeps it) |
//!
//! For [`ReadPurpose::Analysis`] (statistics over an analyst's file) the
//! content columns are optional and not validated.
//!
//! # Histories
//!
//! With an `events` cell, the events are the history: the core folds them
//! ([`aduan_core::lifecycle::fold`]) and every milestone cell given must
//! agree with the history, as must `received_at`, `kind`, `agency`,
//! `privacy` and `channel` with its `received` event.
//!
//! Without it, the history is built from the milestone cells in lifecycle
//! order and folded by the core, so a milestone the lifecycle refuses
//! rejects the row with the core's message:
//!
//! | milestone | event | actor |
//! |---|---|---|
//! | `received_at` | received (`kind`, `agency`, `privacy`, `channel`) | system (the import) |
//! | `verified_at` | verified | koordinator |
//! | `disposed_at` | disposed to `disposed_to` (default: `agency`) | koordinator |
//! | `responded_at` | responded with `response` | penghubung of the disposed agency |
//! | `followed_up_at` | followed up with `follow_up` | penghubung of the disposed agency |
//! | `closed_at` + `closed_how = confirmed` | confirmed | reporter |
//! | `closed_at` + `closed_how = auto_closed` | auto-closed | system |
//! | `closed_at` + `closed_how = archived` | archived with `archive_reason` (`spam`, `duplikat`, `tidak_valid`) and `archive_note` | koordinator |
//! | `rating` (1–5) at `rated_at` (default `closed_at`) | rated | reporter |
//!
//! Milestone instants are read like `received_at`.
//!
//! # Spreadsheet formulas
//!
//! An export writes a text cell that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or CR) with a leading apostrophe;
//! the reader removes exactly that apostrophe again (a cell starting with
//! `'` followed by one of those characters).
//!
//! # Mapping other exports
//!
//! A [`Mapping`] renames columns (`ours = "theirs"`), translates values
//! (`[values.kind] "Pengaduan" = "pengaduan"`) and reads instants in a
//! `chrono` format (`received_at_format = "%d/%m/%Y %H:%M"`); see
//! [`Mapping::from_toml`].

//! # Reading
//!
//! [`open`] checks the file (encoding, header) and gives a
//! [`ComplaintReader`], an iterator of checked rows: a [`FileComplaint`]
//! (its history folded by the core, its content validated for
//! [`ReadPurpose::Import`]) or a [`RowError`] holding every [`Rejection`]
//! of that row, each naming the file, line and column.
//!
//! ```no_run
//! use aduan_server::config::Config;
//! use aduan_server::transfer::{ReadOptions, ReadPurpose, open};
//!
//! # fn main() -> anyhow::Result<()> {
//! let config = Config::load(None, &|_| None)?;
//! let options = ReadOptions::from_config(&config, ReadPurpose::Analysis);
//! let reader = open("complaints.csv".as_ref(), &options)?;
//! for row in reader {
//!     match row {
//!         Ok(c) => println!("{}: {}", c.line, c.lifecycle.status()),
//!         Err(e) => eprintln!("{e}"), // complaints.csv:12:4 (received_at): … / …
//!     }
//! }
//! # Ok(())
//! # }
//! ```

mod mapping;
mod read;
mod write;

use std::fmt;
use std::path::{Path, PathBuf};

use aduan_core::Text;
use aduan_core::lifecycle::Event;

pub use mapping::{Mapping, MappingError};
pub use read::{ComplaintReader, FileComplaint, ReadOptions, ReadPurpose, open};
pub use write::{ExportRecord, WriteError, Writer};

/// A column of the complaints file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The `ticket` column.
    Ticket,
    /// The `received_at` column.
    ReceivedAt,
    /// The `kind` column.
    Kind,
    /// The `agency` column.
    Agency,
    /// The `channel` column.
    Channel,
    /// The `origin` column.
    Origin,
    /// The `privacy` column.
    Privacy,
    /// The `title` column.
    Title,
    /// The `description` column.
    Description,
    /// The `incident_date` column.
    IncidentDate,
    /// The `location` column.
    Location,
    /// The `latitude` column.
    Latitude,
    /// The `longitude` column.
    Longitude,
    /// The `reporter_name` column.
    ReporterName,
    /// The `reporter_email` column.
    ReporterEmail,
    /// The `reporter_phone` column.
    ReporterPhone,
    /// The `verified_at` column.
    VerifiedAt,
    /// The `disposed_at` column.
    DisposedAt,
    /// The `disposed_to` column.
    DisposedTo,
    /// The `responded_at` column.
    RespondedAt,
    /// The `response` column.
    Response,
    /// The `followed_up_at` column.
    FollowedUpAt,
    /// The `follow_up` column.
    FollowUp,
    /// The `closed_at` column.
    ClosedAt,
    /// The `closed_how` column.
    ClosedHow,
    /// The `archive_reason` column.
    ArchiveReason,
    /// The `archive_note` column.
    ArchiveNote,
    /// The `rating` column.
    Rating,
    /// The `rated_at` column.
    RatedAt,
    /// The `status` column.
    Status,
    /// The `events` column.
    Events,
    /// The `access_secret_sha256` column.
    AccessSecretSha256,
}

impl Field {
    /// Every column, in the order an export writes them.
    pub const ALL: [Self; 32] = [
        Self::Ticket,
        Self::ReceivedAt,
        Self::Kind,
        Self::Agency,
        Self::Channel,
        Self::Origin,
        Self::Privacy,
        Self::Title,
        Self::Description,
        Self::IncidentDate,
        Self::Location,
        Self::Latitude,
        Self::Longitude,
        Self::ReporterName,
        Self::ReporterEmail,
        Self::ReporterPhone,
        Self::VerifiedAt,
        Self::DisposedAt,
        Self::DisposedTo,
        Self::RespondedAt,
        Self::Response,
        Self::FollowedUpAt,
        Self::FollowUp,
        Self::ClosedAt,
        Self::ClosedHow,
        Self::ArchiveReason,
        Self::ArchiveNote,
        Self::Rating,
        Self::RatedAt,
        Self::Status,
        Self::Events,
        Self::AccessSecretSha256,
    ];

    /// The header, e.g. `received_at`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Ticket => "ticket",
            Self::ReceivedAt => "received_at",
            Self::Kind => "kind",
            Self::Agency => "agency",
            Self::Channel => "channel",
            Self::Origin => "origin",
            Self::Privacy => "privacy",
            Self::Title => "title",
            Self::Description => "description",
            Self::IncidentDate => "incident_date",
            Self::Location => "location",
            Self::Latitude => "latitude",
            Self::Longitude => "longitude",
            Self::ReporterName => "reporter_name",
            Self::ReporterEmail => "reporter_email",
            Self::ReporterPhone => "reporter_phone",
            Self::VerifiedAt => "verified_at",
            Self::DisposedAt => "disposed_at",
            Self::DisposedTo => "disposed_to",
            Self::RespondedAt => "responded_at",
            Self::Response => "response",
            Self::FollowedUpAt => "followed_up_at",
            Self::FollowUp => "follow_up",
            Self::ClosedAt => "closed_at",
            Self::ClosedHow => "closed_how",
            Self::ArchiveReason => "archive_reason",
            Self::ArchiveNote => "archive_note",
            Self::Rating => "rating",
            Self::RatedAt => "rated_at",
            Self::Status => "status",
            Self::Events => "events",
            Self::AccessSecretSha256 => "access_secret_sha256",
        }
    }

    /// The column with header `name`, if it is one of ours.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether the column holds an instant (read like `received_at`).
    #[must_use]
    pub fn is_instant(self) -> bool {
        matches!(
            self,
            Self::ReceivedAt
                | Self::VerifiedAt
                | Self::DisposedAt
                | Self::RespondedAt
                | Self::FollowedUpAt
                | Self::ClosedAt
                | Self::RatedAt
        )
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
    /// JSON Lines: one object per line.
    Jsonl,
}

impl FileFormat {
    /// Parses `csv`, `json` or `jsonl` (as `--format` takes them).
    ///
    /// # Errors
    /// A bilingual message naming the accepted values.
    pub fn parse(name: &str) -> Result<Self, Text> {
        match name.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(Self::Csv),
            "json" => Ok(Self::Json),
            "jsonl" | "ndjson" => Ok(Self::Jsonl),
            other => Err(Text::new(
                format!("Format \"{other}\" tidak dikenal: gunakan csv, json atau jsonl"),
                format!("Unknown format \"{other}\": use csv, json or jsonl"),
            )),
        }
    }

    /// The format a path's extension names, if any.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::Jsonl),
            _ => None,
        }
    }
}

/// The text encodings an old export may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 (the default; a byte order mark is skipped).
    #[default]
    Utf8,
    /// Windows-1252 (what Excel calls "CSV" on a Western Windows).
    Windows1252,
    /// ISO-8859-1. Read as Windows-1252, its superset for every printable
    /// character, as the WHATWG encoding standard does.
    Latin1,
    /// UTF-16, little-endian unless a byte order mark says otherwise.
    Utf16,
}

impl Encoding {
    /// Parses `utf-8`, `windows-1252` (`cp1252`), `latin1` (`iso-8859-1`)
    /// or `utf-16` (`utf-16le`, `utf-16be`).
    ///
    /// # Errors
    /// A bilingual message naming the accepted values.
    pub fn parse(name: &str) -> Result<Self, Text> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Ok(Self::Utf8),
            "windows-1252" | "cp1252" => Ok(Self::Windows1252),
            "latin1" | "latin-1" | "iso-8859-1" => Ok(Self::Latin1),
            "utf-16" | "utf16" | "utf-16le" => Ok(Self::Utf16),
            other => Err(Text::new(
                format!(
                    "Pengodean \"{other}\" tidak dikenal: gunakan utf-8, windows-1252, latin1 atau utf-16"
                ),
                format!("Unknown encoding \"{other}\": use utf-8, windows-1252, latin1 or utf-16"),
            )),
        }
    }
}

/// A column as errors name it: its 1-based position in a CSV header (none
/// for JSON, whose keys have no position) and its header as the file
/// spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// 1-based position in the CSV header.
    pub index: Option<usize>,
    /// The header, as the file spells it.
    pub name: String,
}

/// A row that cannot be imported, and why.
///
/// Displayed as `complaints.csv:12:4 (received_at): <id> / <en>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The file.
    pub file: PathBuf,
    /// The 1-based line the row starts on.
    pub line: u64,
    /// The column at fault, when one is.
    pub column: Option<Column>,
    /// A stable machine code, e.g. `row.invalid_date` or the core's code.
    pub code: &'static str,
    /// What is wrong, in Indonesian and English.
    pub message: Text,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)?;
        match &self.column {
            Some(Column { index: Some(i), name }) => write!(f, ":{i} ({name})")?,
            Some(Column { index: None, name }) => write!(f, " ({name})")?,
            None => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// A problem with a row: all of its rejections (a row reports every field
/// error at once), in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The 1-based line the row starts on.
    pub line: u64,
    /// Every reason, never empty.
    pub rejections: Vec<Rejection>,
    /// Whether reading cannot go on after it (the file itself is broken
    /// there, e.g. unbalanced quotes at its end or invalid JSON).
    pub fatal: bool,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, r) in self.rejections.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{r}")?;
        }
        Ok(())
    }
}

/// A file that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", file.display())]
pub struct FileError {
    /// The file.
    pub file: PathBuf,
    /// A stable machine code: `file.open`, `file.empty`, `file.encoding`,
    /// `file.format`, `file.missing_column`, `file.header`.
    pub code: &'static str,
    /// What is wrong and what to do, in Indonesian and English.
    pub message: Text,
}

impl FileError {
    fn new(file: &Path, code: &'static str, message: Text) -> Self {
        Self { file: file.to_owned(), code, message }
    }
}

/// The events of a history as the `events` cell holds them.
///
/// # Errors
/// Only if an event cannot be serialised, which the core's types rule out.
pub fn events_json(events: &[Event]) -> serde_json::Result<String> {
    serde_json::to_string(events)
}

/// Removes the apostrophe an export puts before a cell a spreadsheet would
/// read as a formula, and only that one: a cell of one or more apostrophes
/// followed by `=`, `+`, `-`, `@`, tab or CR loses its first apostrophe.
#[must_use]
pub fn unguard(cell: &str) -> &str {
    if looks_guarded(cell) { &cell[1..] } else { cell }
}

/// Whether `cell` is apostrophes followed by a formula's first character.
fn looks_guarded(cell: &str) -> bool {
    let rest = cell.trim_start_matches('\'');
    rest.len() < cell.len() && rest.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Puts an apostrophe before a text cell a spreadsheet would read as a
/// formula (the twin of [`unguard`], as `crate::export::text_cell`).
#[must_use]
pub fn guard(cell: &str) -> std::borrow::Cow<'_, str> {
    // A cell that already looks guarded gets one more apostrophe, so that
    // the reader's removal of one gives it back unchanged.
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) || looks_guarded(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formula_guard_round_trips_every_text() {
        for text in ["=SUM(A1)", "+62812", "-", "@x", "\tx", "'=x", "''=x", "'x", "x", "", "'"] {
            assert_eq!(unguard(&guard(text)), text, "{text:?}");
        }
        assert_eq!(guard("=1+1"), "'=1+1");
        assert_eq!(guard("Jalan rusak"), "Jalan rusak");
        assert_eq!(unguard("'biasa"), "'biasa", "only a guard's apostrophe is removed");
    }

    #[test]
    fn formats_and_encodings_parse_by_name() {
        assert_eq!(FileFormat::parse("JSONL"), Ok(FileFormat::Jsonl));
        assert_eq!(FileFormat::from_path(Path::new("a.CSV")), Some(FileFormat::Csv));
        assert!(FileFormat::parse("xlsx").unwrap_err().en.contains("use csv, json or jsonl"));
        assert_eq!(Encoding::parse("CP1252"), Ok(Encoding::Windows1252));
        assert_eq!(Encoding::parse("utf_16le"), Ok(Encoding::Utf16));
        assert!(Encoding::parse("ebcdic").is_err());
        assert_eq!(Field::ALL.map(Field::name).iter().filter_map(|n| Field::from_name(n)).count(), 32);
    }
}
