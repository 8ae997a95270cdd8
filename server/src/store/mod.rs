//! Storage: one [`Store`] trait, two real backends chosen by the database
//! URL — [`sqlite::SqliteStore`] (the embedded default) and
//! [`postgres::PgStore`] (several server instances).
//!
//! Complaint events are append-only. Each complaint also has a read model
//! (status, agency, deadlines…) that the server derives from the events with
//! `aduan-core` and stores beside them in the same transaction, so it can
//! always be rebuilt from the events ([`Store::rebuild_read_model`]).
//!
//! Privacy is enforced in the queries: [`Store::load`] takes the
//! [`Visibility`] of the viewer and never selects a column that viewer may
//! not see (hidden fields come back as `None`).

use std::future::Future;

use aduan_core::lifecycle::{Event, Status};
use aduan_core::visibility::Visibility;
use aduan_core::{AgencyId, ComplaintKind, NewComplaint, Privacy, TicketNumber};
use chrono::{DateTime, NaiveDate, Utc};

pub mod postgres;
pub mod sqlite;

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Optimistic concurrency: the complaint is no longer at the version the
    /// caller read.
    #[error("version conflict: expected {expected}, current {current}")]
    Conflict {
        /// The version the caller acted on.
        expected: u32,
        /// The version stored now.
        current: u32,
    },
    /// No complaint has this ticket.
    #[error("no complaint with this ticket")]
    NotFound,
    /// A freshly drawn ticket number is already taken; draw another.
    #[error("ticket number already taken")]
    TicketTaken,
    /// The database failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Stored data could not be decoded (a bug or a hand-edited database).
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
}

/// An officer as the store keeps them: the token only as its SHA-256 hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerRecord {
    /// Stable id from the configuration, e.g. `siti-dinkes`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// `None` for an admin koordinator; the agency of an admin penghubung.
    pub agency: Option<AgencyId>,
    /// Hex SHA-256 of the bearer token.
    pub token_hash: String,
}

/// The derived state of a complaint stored beside its events, used for
/// listing and sorting without folding every history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadModel {
    /// Current status.
    pub status: Status,
    /// The agency it is disposed to, if any.
    pub agency: Option<AgencyId>,
    /// Effective privacy.
    pub privacy: Privacy,
    /// Number of events: the optimistic-concurrency version.
    pub version: u32,
    /// The most urgent open deadline, `None` when no clock is counting (or
    /// it is paused, or beyond the calendar).
    pub due_at: Option<DateTime<Utc>>,
    /// When the most urgent open clock becomes at risk.
    pub at_risk_at: Option<DateTime<Utc>>,
    /// When the complaint closes automatically, while followed up.
    pub auto_close_at: Option<DateTime<Utc>>,
    /// The latest event's instant.
    pub updated_at: DateTime<Utc>,
}

/// A validated submission ready to store.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The client's `Idempotency-Key` (already namespaced by the server).
    pub idempotency_key: String,
    /// A freshly drawn ticket number.
    pub ticket: TicketNumber,
    /// Hex SHA-256 of the access secret.
    pub secret_hash: String,
    /// The validated complaint.
    pub complaint: NewComplaint,
    /// The `received` event.
    pub received: Event,
    /// The read model after the `received` event.
    pub read_model: ReadModel,
}

/// The result of [`Store::submit`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// Stored and committed.
    Created,
    /// The idempotency key was used before: nothing stored, here is the
    /// ticket of the earlier submission.
    Replayed(TicketNumber),
}

/// A complaint as loaded for one viewer: hidden fields are `None` because
/// the query did not select them.
#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintRecord {
    /// Ticket number.
    pub ticket: TicketNumber,
    /// Hex SHA-256 of the access secret (to check a presented secret).
    pub secret_hash: String,
    /// Read model.
    pub read_model: ReadModel,
    /// The agency the reporter addressed.
    pub requested_agency: AgencyId,
    /// When it was received.
    pub received_at: DateTime<Utc>,
    /// The channel's web origin, for web-widget submissions.
    pub origin: Option<String>,
    /// Summary fields.
    pub kind: Option<ComplaintKind>,
    /// Title (summary).
    pub title: Option<String>,
    /// Description (content).
    pub description: Option<String>,
    /// Incident date (content).
    pub incident_date: Option<NaiveDate>,
    /// Location text (content).
    pub location: Option<String>,
    /// The map point the reporter gave (content).
    pub coordinates: Option<aduan_core::complaint::Coordinates>,
    /// Reporter name (identity).
    pub reporter_name: Option<String>,
    /// Reporter email (contact).
    pub reporter_email: Option<String>,
    /// Reporter phone, E.164 (contact).
    pub reporter_phone: Option<String>,
    /// The whole history, oldest first (events carry no reporter identity).
    pub events: Vec<Event>,
}

/// Which complaints an inbox lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxFilter {
    /// Only this agency's (forced for an admin penghubung).
    pub agency: Option<AgencyId>,
    /// Only these statuses (empty: all).
    pub statuses: Vec<Status>,
    /// Only this kind.
    pub kind: Option<ComplaintKind>,
    /// Only complaints past a deadline at `now`.
    pub overdue: bool,
    /// Only complaints at risk (and not overdue) at `now`.
    pub at_risk: bool,
    /// Case-insensitive text in the ticket, title or description.
    pub text: Option<String>,
    /// The instant overdue and at-risk refer to.
    pub now: Option<DateTime<Utc>>,
    /// Page size (1–200).
    pub limit: u32,
    /// Rows to skip.
    pub offset: u32,
}

/// One inbox row.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxRow {
    /// Ticket number.
    pub ticket: TicketNumber,
    /// Kind.
    pub kind: ComplaintKind,
    /// Title.
    pub title: String,
    /// When received.
    pub received_at: DateTime<Utc>,
    /// Read model.
    pub read_model: ReadModel,
}

/// A page of the inbox.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxPage {
    /// The rows, most urgent first.
    pub rows: Vec<InboxRow>,
    /// How many complaints match the filter in all.
    pub total: u64,
}

/// The storage of complaints, events and officers.
///
/// Methods return `Send` futures so handlers generic over the store can run
/// on a multi-threaded runtime.
pub trait Store: Clone + Send + Sync + 'static {
    /// Applies pending migrations.
    fn migrate(&self) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Checks the database answers (for `/readyz`).
    fn ping(&self) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Makes the stored officers exactly `officers` (from configuration).
    fn sync_officers(
        &self,
        officers: &[OfficerRecord],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// The officer whose token hashes to `token_hash`.
    fn officer_by_token_hash(
        &self,
        token_hash: &str,
    ) -> impl Future<Output = Result<Option<OfficerRecord>, StoreError>> + Send;

    /// Stores a submission in one transaction (complaint, `received` event,
    /// read model, idempotency key) and returns only once it is committed.
    /// A known idempotency key stores nothing and returns the earlier ticket.
    ///
    /// # Errors
    /// [`StoreError::TicketTaken`] when the ticket exists (draw another).
    fn submit(
        &self,
        submission: Submission,
    ) -> impl Future<Output = Result<SubmitOutcome, StoreError>> + Send;

    /// Loads a complaint selecting only what `visibility` allows.
    fn load(
        &self,
        ticket: &TicketNumber,
        visibility: Visibility,
    ) -> impl Future<Output = Result<Option<ComplaintRecord>, StoreError>> + Send;

    /// Appends one event if the complaint is still at `expected_version`,
    /// and replaces its read model, in one transaction.
    ///
    /// # Errors
    /// [`StoreError::Conflict`] when another event was appended first;
    /// [`StoreError::NotFound`] for an unknown ticket.
    fn append(
        &self,
        ticket: &TicketNumber,
        expected_version: u32,
        event: &Event,
        read_model: &ReadModel,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Replaces a read model computed anew from the events (after a policy
    /// or calendar change), if the complaint is still at its version.
    fn rebuild_read_model(
        &self,
        ticket: &TicketNumber,
        read_model: &ReadModel,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// A page of complaints for an inbox, most urgent first: open deadlines
    /// soonest first, then the rest by receipt, newest first.
    fn inbox(&self, filter: &InboxFilter) -> impl Future<Output = Result<InboxPage, StoreError>> + Send;

    /// Every complaint's history (optionally one agency's by current
    /// assignment), for statistics and rebuilding.
    fn histories(
        &self,
        agency: Option<&AgencyId>,
    ) -> impl Future<Output = Result<Vec<(TicketNumber, Vec<Event>)>, StoreError>> + Send;

    /// The deployment's secret key: `fresh` is stored if no key is stored
    /// yet, and the stored key is returned, so every instance on one
    /// database uses the same key.
    fn server_key(&self, fresh: [u8; 32]) -> impl Future<Output = Result<[u8; 32], StoreError>> + Send;

    /// Tickets and versions of followed-up complaints whose automatic
    /// closing is due at `now`.
    fn due_for_auto_close(
        &self,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<(TicketNumber, u32)>, StoreError>> + Send;

    /// Stores the complaints of one import in ONE transaction, batch by
    /// batch as they arrive on `batches`, and commits only when
    /// [`ImportBatch::Commit`] arrives and no row was refused; otherwise
    /// (the sender gave up, or a ticket already exists) everything is
    /// rolled back and the database is as before. Stored complaints are
    /// never overwritten: a ticket that exists is refused and reported.
    /// Rows without a ticket get a freshly drawn one that is free.
    fn import(
        &self,
        batches: tokio::sync::mpsc::Receiver<ImportBatch>,
    ) -> impl Future<Output = Result<ImportOutcome, StoreError>> + Send;

    /// Every complaint matching `filter` with everything stored about it
    /// (content, contact, map point, events, secret hash: officer-level
    /// data), oldest first, handed to `each` one at a time without holding
    /// them all; `each` may stop the export by returning `Break`. Returns
    /// how many were handed over.
    fn export_each<F>(
        &self,
        filter: ExportFilter,
        each: F,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send
    where
        F: FnMut(ComplaintRecord) -> std::ops::ControlFlow<()> + Send + 'static;

    /// The complaints the public may list (Open311 `GET requests`): never a
    /// confidential one (the effective privacy is checked in the query),
    /// and, unless asked for by ticket, none still unverified (*diterima*)
    /// or archived; newest first, with only the summary columns selected.
    fn public_requests(
        &self,
        query: &PublicRequestQuery,
    ) -> impl Future<Output = Result<Vec<PublicRequestRow>, StoreError>> + Send;
}

/// Which complaints [`Store::public_requests`] lists. Confidential
/// complaints are never listed, whatever the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicRequestQuery {
    /// Only these tickets; when not empty every other filter is ignored
    /// (the GeoReport v2 rule for `service_request_id`).
    pub tickets: Vec<TicketNumber>,
    /// Only complaints of one of these (kind, addressed agencies) pairs;
    /// empty: every kind and agency.
    pub services: Vec<(ComplaintKind, Vec<AgencyId>)>,
    /// `Some(true)`: only closed ones (selesai, diarsipkan); `Some(false)`:
    /// only open ones; `None`: both.
    pub closed: Option<bool>,
    /// Received at or after this instant.
    pub from: DateTime<Utc>,
    /// Received at or before this instant.
    pub to: DateTime<Utc>,
    /// At most this many rows.
    pub limit: u32,
}

/// One complaint as the public may list it: its summary and read model,
/// and its latest event (for what the status notes say).
#[derive(Debug, Clone, PartialEq)]
pub struct PublicRequestRow {
    /// Ticket number.
    pub ticket: TicketNumber,
    /// Kind.
    pub kind: ComplaintKind,
    /// Title (summary).
    pub title: String,
    /// The agency the reporter addressed.
    pub requested_agency: AgencyId,
    /// When it was received.
    pub received_at: DateTime<Utc>,
    /// Read model.
    pub read_model: ReadModel,
    /// The latest event.
    pub last_event: Event,
}

/// One complaint of an import, checked and derived by the caller.
#[derive(Debug, Clone)]
pub struct ImportedComplaint {
    /// The line of the file it came from (for the report).
    pub line: u64,
    /// Its ticket, or `None` to draw a new one.
    pub ticket: Option<TicketNumber>,
    /// Hex SHA-256 of the reporter's access secret.
    pub secret_hash: String,
    /// The validated content.
    pub complaint: NewComplaint,
    /// The whole history, oldest first (folded by the caller).
    pub events: Vec<Event>,
    /// The read model derived from the history.
    pub read_model: ReadModel,
}

/// What an import sends to [`Store::import`].
#[derive(Debug)]
pub enum ImportBatch {
    /// More complaints to store.
    Rows(Vec<ImportedComplaint>),
    /// Every row was sent and valid: commit, unless a row was refused.
    Commit,
}

/// What [`Store::import`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Whether the transaction was committed.
    pub committed: bool,
    /// Complaints inserted (rolled back again unless `committed`).
    pub stored: u64,
    /// The tickets drawn for rows without one: (line, ticket).
    pub drawn: Vec<(u64, TicketNumber)>,
    /// Rows refused because their ticket is already stored: (line, ticket).
    pub existing: Vec<(u64, TicketNumber)>,
}

/// Which complaints an export holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFilter {
    /// Only those addressed to or currently assigned to this agency.
    pub agency: Option<AgencyId>,
    /// Only those received at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Only those received before this instant.
    pub until: Option<DateTime<Utc>>,
}

/// Hex SHA-256, as officer tokens and access secrets are stored.
#[must_use]
pub fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
}

/// The SQL of [`Store::server_key`], the same for both backends.
pub(crate) const INSERT_SERVER_KEY: &str =
    "INSERT INTO settings (name, value) VALUES ('secret_key', $1) ON CONFLICT (name) DO NOTHING";
/// Reads the stored key.
pub(crate) const SELECT_SERVER_KEY: &str = "SELECT value FROM settings WHERE name = 'secret_key'";

/// Decodes a stored key.
pub(crate) fn decode_key(hex_text: &str) -> Result<[u8; 32], StoreError> {
    hex::decode(hex_text)
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .ok_or_else(|| StoreError::Corrupt("the stored secret key is not 32 bytes of hex".to_owned()))
}
