//! Writing complaints with their histories as a complaints file, the
//! format [`open`](super::open) reads.

use std::collections::HashMap;
use std::io::Write;

use aduan_core::lifecycle::{Action, Event, fold};
use aduan_core::{AgencyId, Zone};
use chrono::{DateTime, SecondsFormat, Utc};

use super::{Field, FileFormat, events_json, guard};
use crate::store::ComplaintRecord;

/// What an export holds of each complaint: the stored record loaded with
/// full visibility (officer-level data, personal data included).
pub type ExportRecord = ComplaintRecord;

/// An archive's reason code and note.
type Archive = (&'static str, String);

/// The milestone columns derived from a history: the first verification,
/// the last disposition, the first response, the last follow-up, the last
/// closing (confirmed, auto-closed or archived) and the rating.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Milestones {
    verified_at: Option<DateTime<Utc>>,
    disposed: Option<(DateTime<Utc>, AgencyId)>,
    responded: Option<(DateTime<Utc>, String)>,
    followed_up: Option<(DateTime<Utc>, String)>,
    closed: Option<(DateTime<Utc>, &'static str, Option<Archive>)>,
    rated: Option<(DateTime<Utc>, u8)>,
}

impl Milestones {
    /// The milestone columns, in export order.
    pub(crate) const FIELDS: [Field; 13] = [
        Field::VerifiedAt,
        Field::DisposedAt,
        Field::DisposedTo,
        Field::RespondedAt,
        Field::Response,
        Field::FollowedUpAt,
        Field::FollowUp,
        Field::ClosedAt,
        Field::ClosedHow,
        Field::ArchiveReason,
        Field::ArchiveNote,
        Field::Rating,
        Field::RatedAt,
    ];

    /// The milestones of `events`.
    pub(crate) fn of(events: &[Event]) -> Self {
        let mut m = Self::default();
        for e in events {
            match &e.action {
                Action::Verified { .. } => {
                    m.verified_at.get_or_insert(e.at);
                }
                Action::Disposed { to } => m.disposed = Some((e.at, to.clone())),
                Action::Responded { message } => {
                    m.responded.get_or_insert_with(|| (e.at, message.clone()));
                }
                Action::FollowedUp { message } => m.followed_up = Some((e.at, message.clone())),
                Action::Confirmed => m.closed = Some((e.at, "confirmed", None)),
                Action::AutoClosed => m.closed = Some((e.at, "auto_closed", None)),
                Action::Archived { reason, note } => {
                    m.closed = Some((e.at, "archived", Some((reason.code(), note.clone()))));
                }
                Action::Rated { rating } => m.rated = Some((e.at, rating.stars())),
                _ => {}
            }
        }
        m
    }

    /// The cell of a milestone column, instants at `zone`'s offset; `None`
    /// when the history has no such milestone (or its text is empty).
    pub(crate) fn get_in(&self, field: Field, zone: Zone) -> Option<String> {
        let at = |at: DateTime<Utc>| instant(at, zone);
        let text = |t: &str| (!t.is_empty()).then(|| t.to_owned());
        match field {
            Field::VerifiedAt => self.verified_at.map(at),
            Field::DisposedAt => self.disposed.as_ref().map(|d| at(d.0)),
            Field::DisposedTo => self.disposed.as_ref().map(|d| d.1.to_string()),
            Field::RespondedAt => self.responded.as_ref().map(|r| at(r.0)),
            Field::Response => self.responded.as_ref().and_then(|r| text(&r.1)),
            Field::FollowedUpAt => self.followed_up.as_ref().map(|f| at(f.0)),
            Field::FollowUp => self.followed_up.as_ref().and_then(|f| text(&f.1)),
            Field::ClosedAt => self.closed.as_ref().map(|c| at(c.0)),
            Field::ClosedHow => self.closed.as_ref().map(|c| c.1.to_owned()),
            Field::ArchiveReason => self.closed.as_ref().and_then(|c| c.2.as_ref()).map(|r| r.0.to_owned()),
            Field::ArchiveNote => self.closed.as_ref().and_then(|c| c.2.as_ref()).and_then(|r| text(&r.1)),
            Field::Rating => self.rated.map(|r| r.1.to_string()),
            Field::RatedAt => self.rated.map(|r| at(r.0)),
            _ => None,
        }
    }

    /// [`Self::get_in`] in UTC.
    pub(crate) fn get(&self, field: Field) -> Option<String> {
        self.get_in(field, Zone::from_offset_seconds(0).unwrap_or_else(|_| unreachable!("UTC is a zone")))
    }
}

/// An instant as written: RFC 3339 at the zone's offset, with as many
/// fractional digits as it has (so a re-import is exact).
fn instant(at: DateTime<Utc>, zone: Zone) -> String {
    at.with_timezone(&zone.offset()).to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// A failure while writing.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write the export: {0}")]
    Csv(#[from] csv::Error),
    /// A stored history does not fold (corrupt data).
    #[error("{ticket}: the stored history does not fold: {reason}")]
    Corrupt {
        /// The complaint.
        ticket: String,
        /// What the core said.
        reason: String,
    },
}

/// Writes complaints one at a time in one of the [`FileFormat`]s.
///
/// CSV is UTF-8 with a byte order mark and CRLF line ends (as Excel wants
/// it); text cells a spreadsheet would run as a formula get a leading
/// apostrophe, in every format, so that reading the file back is exact.
pub struct Writer<W: Write> {
    format: FileFormat,
    out: Option<W>,
    csv: Option<csv::Writer<W>>,
    zones: HashMap<AgencyId, Zone>,
    default_zone: Zone,
    rows: u64,
}

impl<W: Write> std::fmt::Debug for Writer<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("format", &self.format)
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

impl<W: Write> Writer<W> {
    /// A writer to `out`; instants are written at the offset of the zone of
    /// each complaint's addressed agency (`zones`, else `default_zone`).
    ///
    /// # Errors
    /// When the header cannot be written.
    pub fn new(
        mut out: W,
        format: FileFormat,
        zones: HashMap<AgencyId, Zone>,
        default_zone: Zone,
    ) -> Result<Self, WriteError> {
        let csv = match format {
            FileFormat::Csv => {
                out.write_all("\u{feff}".as_bytes())?;
                let mut csv = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
                csv.write_record(Field::ALL.iter().map(|f| f.name()))?;
                return Ok(Self { format, out: None, csv: Some(csv), zones, default_zone, rows: 0 });
            }
            FileFormat::Json => {
                out.write_all(b"[")?;
                None
            }
            FileFormat::Jsonl => None,
        };
        Ok(Self { format, out: Some(out), csv, zones, default_zone, rows: 0 })
    }

    /// The cells of one complaint, by [`Field`]; `None` for an empty cell.
    fn cells(&self, r: &ExportRecord) -> Result<Vec<Option<String>>, WriteError> {
        let lifecycle = fold(&r.events)
            .map_err(|e| WriteError::Corrupt { ticket: r.ticket.to_string(), reason: e.to_string() })?;
        let zone = self.zones.get(&r.requested_agency).copied().unwrap_or(self.default_zone);
        let milestones = Milestones::of(&r.events);
        let (privacy, channel) = match r.events.first().map(|e| &e.action) {
            Some(Action::Received { privacy, channel, .. }) => (privacy.code(), channel.code()),
            _ => (lifecycle.privacy().code(), lifecycle.channel().code()),
        };
        // Spreadsheets run formulas; JSON readers do not, so only CSV is guarded.
        let csv = self.format == FileFormat::Csv;
        let cell = |t: &str| if csv { guard(t).into_owned() } else { t.to_owned() };
        let text = |t: &Option<String>| t.as_deref().filter(|t| !t.is_empty()).map(cell);
        let events = events_json(&r.events)
            .map_err(|e| WriteError::Corrupt { ticket: r.ticket.to_string(), reason: e.to_string() })?;
        Ok(Field::ALL
            .iter()
            .map(|&field| match field {
                Field::Ticket => Some(r.ticket.to_string()),
                // From the history, not the stored column: the column keeps
                // milliseconds, the `received` event the exact instant, and
                // the reader checks the two agree.
                Field::ReceivedAt => Some(instant(lifecycle.received_at(), zone)),
                Field::Kind => Some(lifecycle.kind().code().to_owned()),
                Field::Agency => Some(r.requested_agency.to_string()),
                Field::Channel => Some(channel.to_owned()),
                Field::Origin => text(&r.origin),
                Field::Privacy => Some(privacy.to_owned()),
                Field::Title => text(&r.title),
                Field::Description => text(&r.description),
                Field::IncidentDate => r.incident_date.map(|d| d.format("%Y-%m-%d").to_string()),
                Field::Location => text(&r.location),
                Field::Latitude => r.coordinates.map(|c| c.lat.to_string()),
                Field::Longitude => r.coordinates.map(|c| c.lon.to_string()),
                Field::ReporterName => text(&r.reporter_name),
                Field::ReporterEmail => text(&r.reporter_email),
                Field::ReporterPhone => text(&r.reporter_phone),
                Field::Status => Some(lifecycle.status().code().to_owned()),
                Field::Events => Some(events.clone()),
                Field::AccessSecretSha256 => Some(r.secret_hash.clone()),
                Field::Response | Field::FollowUp | Field::ArchiveNote => {
                    milestones.get_in(field, zone).map(|t| cell(&t))
                }
                milestone => milestones.get_in(milestone, zone),
            })
            .collect())
    }

    /// Writes one complaint.
    ///
    /// # Errors
    /// An output error, or a stored history that does not fold.
    pub fn write(&mut self, record: &ExportRecord) -> Result<(), WriteError> {
        let cells = self.cells(record)?;
        if let Some(csv) = &mut self.csv {
            csv.write_record(cells.iter().map(|c| c.as_deref().unwrap_or("")))?;
        } else if let Some(out) = &mut self.out {
            let mut object = serde_json::Map::new();
            for (field, cell) in Field::ALL.iter().zip(cells) {
                let Some(cell) = cell else { continue };
                let value = match field {
                    Field::Events => serde_json::from_str(&cell).unwrap_or(serde_json::Value::String(cell)),
                    Field::Latitude | Field::Longitude | Field::Rating => {
                        serde_json::from_str(&cell).unwrap_or(serde_json::Value::String(cell))
                    }
                    _ => serde_json::Value::String(cell),
                };
                object.insert(field.name().to_owned(), value);
            }
            let json = serde_json::to_string(&object).map_err(std::io::Error::other)?;
            match self.format {
                FileFormat::Json => {
                    out.write_all(if self.rows == 0 { b"\n" } else { b",\n" })?;
                    out.write_all(json.as_bytes())?;
                }
                _ => {
                    out.write_all(json.as_bytes())?;
                    out.write_all(b"\n")?;
                }
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// Rows written so far.
    #[must_use]
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Ends the document and flushes it; gives the output back.
    ///
    /// # Errors
    /// An output error.
    pub fn finish(mut self) -> Result<W, WriteError> {
        if let Some(csv) = self.csv.take() {
            return csv.into_inner().map_err(|e| WriteError::Io(e.into_error()));
        }
        let mut out = self.out.take().unwrap_or_else(|| unreachable!("a writer holds its output"));
        if self.format == FileFormat::Json {
            out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        out.flush()?;
        Ok(out)
    }
}
