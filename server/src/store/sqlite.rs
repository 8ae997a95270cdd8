//! The SQLite backend, the embedded default: one database file in WAL mode
//! with `synchronous = FULL`, so a submission is acknowledged only once it
//! is durable on disk; `sqlite::memory:` gives a private in-memory database
//! for tests.
//!
//! The schema is column for column the PostgreSQL one, and SQLite accepts
//! PostgreSQL's `$1` placeholders, so the SQL and row decoding both
//! backends share live here in `common`; only how a write transaction
//! begins, how an event's JSON is stored and how text is matched differ.

use std::str::FromStr;
use std::time::Duration;

use aduan_core::TicketNumber;
use aduan_core::lifecycle::{Event, Status};
use aduan_core::visibility::Visibility;
use chrono::{DateTime, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{FromRow, Row, Sqlite, Transaction};

use super::{
    AgencyId, ComplaintRecord, InboxFilter, InboxPage, OfficerRecord, PublicRequestQuery, PublicRequestRow,
    ReadModel, Store, StoreError, Submission, SubmitOutcome,
};

/// How long a connection waits for another one's write lock before giving
/// up with "database is locked". Writers hold the lock for one short
/// transaction, so only an overloaded server ever waits this long.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections to a database file. SQLite lets one writer in at a time
/// (WAL lets readers go on meanwhile), so more connections mostly add
/// readers; a handful is plenty for one server.
const MAX_CONNECTIONS: u32 = 8;

/// Stores an event's JSON as text (PostgreSQL's twin casts to JSONB).
const INSERT_EVENT: &str = "INSERT INTO events (complaint_id, seq, at, event) VALUES ($1, $2, $3, $4)";

/// SQLite's `LIKE` ignores ASCII case, which is what the inbox search needs.
const LIKE: &str = "LIKE";

/// The SQLite [`Store`]: a pool of connections to one database.
///
/// # Example
/// ```
/// use aduan_server::store::Store;
/// use aduan_server::store::sqlite::SqliteStore;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), aduan_server::store::StoreError> {
/// let store = SqliteStore::connect("sqlite::memory:").await?;
/// store.migrate().await?;
/// store.ping().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// Writers of this process queue here, in order, rather than polling
    /// SQLite's lock through the busy handler, whose sleeps made the slowest
    /// submissions under load wait many times longer than the median.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
}

impl SqliteStore {
    /// Opens (creating it on first run) the database at `url`, such as
    /// `sqlite:aduan.db` or `sqlite:///var/lib/aduan/aduan.db`, or a fresh
    /// private in-memory database for `sqlite::memory:`.
    ///
    /// A file database runs in WAL mode with `synchronous = FULL` (a commit
    /// returns only once it is on disk), foreign keys on and a busy
    /// timeout. An in-memory database lives in exactly one connection that
    /// is never closed, since the database disappears with its last
    /// connection. Call [`Store::migrate`] before using the store.
    ///
    /// # Errors
    /// [`StoreError::Database`] when the URL is malformed or the database
    /// cannot be opened.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .synchronous(SqliteSynchronous::Full);
        let pool = if is_in_memory(url) {
            SqlitePoolOptions::new()
                .min_connections(1)
                .max_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .connect_with(options)
                .await?
        } else {
            SqlitePoolOptions::new()
                .max_connections(MAX_CONNECTIONS)
                .connect_with(options.journal_mode(SqliteJournalMode::Wal))
                .await?
        };
        Ok(Self { pool, writer: std::sync::Arc::default() })
    }

    /// The connection pool, for maintenance and tests. Events stay
    /// append-only even through it: triggers refuse to change them.
    #[must_use]
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Begins a transaction that takes the write lock at once. A deferred
    /// `BEGIN` would take it at the first write, and a transaction that
    /// has read by then fails with `SQLITE_BUSY` instead of waiting when
    /// another writer got in first; `BEGIN IMMEDIATE` waits its turn (up to
    /// the busy timeout) and then reads and writes with nobody in between.
    ///
    /// The returned guard keeps this process's other writers queued until
    /// the transaction ends; keep it alive as long as the transaction.
    async fn begin_write(
        &self,
    ) -> Result<(tokio::sync::MutexGuard<'_, ()>, Transaction<'static, Sqlite>), StoreError> {
        let turn = self.writer.lock().await;
        Ok((turn, self.pool.begin_with("BEGIN IMMEDIATE").await?))
    }
}

/// Whether `url` names an in-memory database, which needs a pool that
/// never lets its only connection go.
fn is_in_memory(url: &str) -> bool {
    url.contains(":memory:") || url.contains("mode=memory")
}

impl Store for SqliteStore {
    async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::migrate!("./migrations/sqlite").run(&self.pool).await?;
        Ok(())
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn server_key(&self, fresh: [u8; 32]) -> Result<[u8; 32], StoreError> {
        sqlx::query(super::INSERT_SERVER_KEY).bind(hex::encode(fresh)).execute(&self.pool).await?;
        let stored: String = sqlx::query_scalar(super::SELECT_SERVER_KEY).fetch_one(&self.pool).await?;
        super::decode_key(&stored)
    }

    async fn sync_officers(&self, officers: &[OfficerRecord]) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query(common::DELETE_OFFICERS).execute(&mut *tx).await?;
        for officer in officers {
            common::bind(sqlx::query(common::INSERT_OFFICER), common::officer_params(officer))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn officer_by_token_hash(&self, token_hash: &str) -> Result<Option<OfficerRecord>, StoreError> {
        let row =
            sqlx::query(common::OFFICER_BY_TOKEN_HASH).bind(token_hash).fetch_optional(&self.pool).await?;
        row.map(|row| common::OfficerRow::from_row(&row)?.decode()).transpose()
    }

    async fn submit(&self, submission: Submission) -> Result<SubmitOutcome, StoreError> {
        debug_assert_eq!(submission.read_model.version, 1, "a submission is its first event");
        let event = common::event_json(&submission.received)?;
        // The write lock is taken before the key is looked up, so two
        // submissions with one key run one after the other and the second
        // finds the first's key here.
        let (_turn, mut tx) = self.begin_write().await?;
        let known = sqlx::query(common::FIND_IDEMPOTENCY_KEY)
            .bind(&submission.idempotency_key)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(row) = known {
            return Ok(SubmitOutcome::Replayed(common::ticket(&row.try_get::<String, _>(0)?)?));
        }
        let inserted =
            common::bind(sqlx::query(common::INSERT_COMPLAINT), common::complaint_params(&submission))
                .fetch_one(&mut *tx)
                .await;
        // Under the write lock the key cannot appear meanwhile, so the
        // only unique column left to collide is the ticket.
        let id: i64 = match inserted {
            Ok(row) => row.try_get(0)?,
            Err(e) if common::is_unique_violation(&e) => return Err(StoreError::TicketTaken),
            Err(e) => return Err(e.into()),
        };
        sqlx::query(INSERT_EVENT)
            .bind(id)
            .bind(1_i64)
            .bind(common::millis(submission.received.at))
            .bind(event)
            .execute(&mut *tx)
            .await?;
        sqlx::query(common::INSERT_IDEMPOTENCY_KEY)
            .bind(&submission.idempotency_key)
            .bind(id)
            .bind(common::millis(submission.received.at))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(SubmitOutcome::Created)
    }

    async fn load(
        &self,
        ticket: &TicketNumber,
        visibility: Visibility,
    ) -> Result<Option<ComplaintRecord>, StoreError> {
        let Some(row) = sqlx::query(&common::load_sql(visibility))
            .bind(ticket.as_str())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let row = common::ComplaintRow::from_row(&row)?;
        let events = sqlx::query(common::LOAD_EVENTS)
            .bind(row.id)
            .bind(row.read_model.version)
            .fetch_all(&self.pool)
            .await?;
        let events =
            events.iter().map(|row| common::event(row.try_get("event")?)).collect::<Result<Vec<_>, _>>()?;
        row.into_record(events).map(Some)
    }

    async fn append(
        &self,
        ticket: &TicketNumber,
        expected_version: u32,
        event: &Event,
        read_model: &ReadModel,
    ) -> Result<(), StoreError> {
        debug_assert_eq!(read_model.version, expected_version + 1, "the read model after one more event");
        let json = common::event_json(event)?;
        let next = i64::from(expected_version) + 1;
        let (_turn, mut tx) = self.begin_write().await?;
        // The version check and the update are one statement, so no other
        // append can slip in between (the write lock makes it doubly sure).
        let updated = common::bind(
            sqlx::query(common::UPDATE_READ_MODEL),
            common::read_model_params(read_model, next, ticket, expected_version),
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(updated) = updated else {
            let current: Option<i64> = sqlx::query_scalar(common::CURRENT_VERSION)
                .bind(ticket.as_str())
                .fetch_optional(&mut *tx)
                .await?;
            return Err(common::not_updated(current, expected_version));
        };
        let id: i64 = updated.try_get(0)?;
        sqlx::query(INSERT_EVENT)
            .bind(id)
            .bind(next)
            .bind(common::millis(event.at))
            .bind(json)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn rebuild_read_model(
        &self,
        ticket: &TicketNumber,
        read_model: &ReadModel,
    ) -> Result<(), StoreError> {
        let version = read_model.version;
        let (_turn, mut tx) = self.begin_write().await?;
        let updated = common::bind(
            sqlx::query(common::UPDATE_READ_MODEL),
            common::read_model_params(read_model, i64::from(version), ticket, version),
        )
        .fetch_optional(&mut *tx)
        .await?;
        if updated.is_none() {
            let current: Option<i64> = sqlx::query_scalar(common::CURRENT_VERSION)
                .bind(ticket.as_str())
                .fetch_optional(&mut *tx)
                .await?;
            return Err(common::not_updated(current, version));
        }
        tx.commit().await?;
        Ok(())
    }

    async fn inbox(&self, filter: &InboxFilter) -> Result<InboxPage, StoreError> {
        let query = common::InboxQuery::new(filter, LIKE);
        // One read transaction is one snapshot, so `total` agrees with the
        // rows even while complaints arrive.
        let mut tx = self.pool.begin().await?;
        let total: i64 = common::bind(sqlx::query(&query.count_sql), query.filter_params.clone())
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        let rows =
            common::bind(sqlx::query(&query.page_sql), query.page_params()).fetch_all(&mut *tx).await?;
        tx.commit().await?;
        common::inbox_page(total, rows.iter().map(common::InboxRow::from_row))
    }

    async fn histories(
        &self,
        agency: Option<&AgencyId>,
    ) -> Result<Vec<(TicketNumber, Vec<Event>)>, StoreError> {
        let rows = match agency {
            Some(agency) => {
                sqlx::query(common::HISTORIES_OF_AGENCY).bind(agency.as_str()).fetch_all(&self.pool).await?
            }
            None => sqlx::query(common::HISTORIES).fetch_all(&self.pool).await?,
        };
        common::group_histories(
            rows.iter().map(|row| Ok((row.try_get("ticket")?, common::event(row.try_get("event")?)?))),
        )
    }

    async fn due_for_auto_close(&self, now: DateTime<Utc>) -> Result<Vec<(TicketNumber, u32)>, StoreError> {
        let rows = sqlx::query(common::DUE_FOR_AUTO_CLOSE)
            .bind(Status::Ditindaklanjuti.code())
            .bind(common::millis(now))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|row| common::ticket_and_version(row.try_get(0)?, row.try_get(1)?)).collect()
    }

    async fn import(
        &self,
        batches: tokio::sync::mpsc::Receiver<super::ImportBatch>,
    ) -> Result<super::ImportOutcome, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        // A bulk load inside the one transaction: a larger page cache
        // keeps the indexes' pages in memory. Durability is unchanged
        // (WAL, synchronous = FULL at the commit).
        sqlx::query("PRAGMA cache_size = -131072").execute(&mut *tx).await?;
        let result = bulk::run(&mut tx, batches).await;
        let outcome = match result {
            Ok(outcome) => outcome,
            Err(e) => {
                tx.rollback().await?;
                return Err(e);
            }
        };
        if outcome.committed {
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        Ok(outcome)
    }

    async fn export_each<F>(&self, filter: super::ExportFilter, each: F) -> Result<u64, StoreError>
    where
        F: FnMut(ComplaintRecord) -> std::ops::ControlFlow<()> + Send + 'static,
    {
        let (sql, params) = bulk::export_query(&filter);
        let rows =
            futures_util::StreamExt::map(common::bind(sqlx::query(&sql), params).fetch(&self.pool), |row| {
                row.map_err(StoreError::from).and_then(|row| bulk::export_row(&row))
            });
        bulk::group_export(rows, each).await
    }

    async fn public_requests(&self, query: &PublicRequestQuery) -> Result<Vec<PublicRequestRow>, StoreError> {
        let (sql, params) = public_requests::statement(query);
        let rows = common::bind(sqlx::query(&sql), params).fetch_all(&self.pool).await?;
        rows.iter().map(|row| public_requests::Row::from_row(row)?.decode()).collect()
    }
}

/// The SQL and the row decoding both backends share. The schemas are
/// column for column alike and both databases accept `$n` placeholders, so
/// a statement written once here runs on either; what differs stays in the
/// backends' own files.
pub(super) mod common {
    use aduan_core::lifecycle::{Event, Status};
    use aduan_core::visibility::Visibility;
    use aduan_core::{ComplaintKind, Privacy, TicketNumber};
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::de::DeserializeOwned;
    use sqlx::query::Query;
    use sqlx::{Database, Encode, FromRow, Type};

    use super::super::{
        AgencyId, ComplaintRecord, InboxFilter, InboxPage, OfficerRecord, ReadModel, StoreError, Submission,
    };

    /// The most rows one inbox page may hold.
    const PAGE_MAX: u32 = 200;

    /// A bind parameter of a statement built at run time.
    #[derive(Debug, Clone)]
    pub(in super::super) enum Param {
        /// TEXT, or a typed NULL.
        Text(Option<String>),
        /// BIGINT, or a typed NULL.
        Int(Option<i64>),
        /// REAL / DOUBLE PRECISION, or a typed NULL.
        Real(Option<f64>),
    }

    /// Binds `params` in order.
    pub(in super::super) fn bind<'q, DB>(
        mut query: Query<'q, DB, <DB as Database>::Arguments<'q>>,
        params: Vec<Param>,
    ) -> Query<'q, DB, <DB as Database>::Arguments<'q>>
    where
        DB: Database,
        Option<String>: Encode<'q, DB> + Type<DB>,
        Option<i64>: Encode<'q, DB> + Type<DB>,
        Option<f64>: Encode<'q, DB> + Type<DB>,
    {
        for param in params {
            query = match param {
                Param::Text(v) => query.bind(v),
                Param::Int(v) => query.bind(v),
                Param::Real(v) => query.bind(v),
            };
        }
        query
    }

    fn text(s: impl Into<String>) -> Param {
        Param::Text(Some(s.into()))
    }

    fn int(n: i64) -> Param {
        Param::Int(Some(n))
    }

    fn instant_param(at: Option<DateTime<Utc>>) -> Param {
        Param::Int(at.map(millis))
    }

    /// An instant as stored: unix milliseconds.
    pub(in super::super) fn millis(at: DateTime<Utc>) -> i64 {
        at.timestamp_millis()
    }

    /// Whether `error` is a unique-constraint violation.
    pub(in super::super) fn is_unique_violation(error: &sqlx::Error) -> bool {
        matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
    }

    /// An event as stored.
    pub(in super::super) fn event_json(event: &Event) -> Result<String, StoreError> {
        serde_json::to_string(event).map_err(|e| StoreError::Corrupt(format!("event not serialisable: {e}")))
    }

    // SUBMISSION

    /// The ticket an idempotency key was first used for.
    pub(in super::super) const FIND_IDEMPOTENCY_KEY: &str = "SELECT c.ticket FROM idempotency_keys k \
         JOIN complaints c ON c.id = k.complaint_id WHERE k.key = $1";

    /// Inserts a complaint with its first read model; returns its id.
    pub(in super::super) const INSERT_COMPLAINT: &str = "INSERT INTO complaints (\
         ticket, secret_hash, requested_agency, origin, channel, kind, title, description, \
         incident_date, location, lat, lon, reporter_name, reporter_email, reporter_phone, received_at, \
         status, agency, privacy, version, due_at, at_risk_at, auto_close_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
         $17, $18, $19, $20, $21, $22, $23, $24) RETURNING id";

    /// The parameters of [`INSERT_COMPLAINT`].
    pub(in super::super) fn complaint_params(submission: &Submission) -> Vec<Param> {
        let c = &submission.complaint;
        let origin = match c.channel() {
            aduan_core::Channel::WebWidget { origin } => Some(origin.clone()),
            _ => None,
        };
        let location = c.location();
        let coordinates = location.and_then(aduan_core::complaint::Location::coordinates);
        let reporter = c.reporter();
        let mut params = vec![
            text(submission.ticket.as_str()),
            text(&*submission.secret_hash),
            text(c.agency().as_str()),
            Param::Text(origin),
            text(c.channel().kind().code()),
            text(c.kind().code()),
            text(c.title().as_str()),
            text(c.description().as_str()),
            Param::Text(c.incident_date().map(|d| d.format("%Y-%m-%d").to_string())),
            Param::Text(location.and_then(|l| l.text()).map(str::to_owned)),
            Param::Real(coordinates.map(|p| p.lat)),
            Param::Real(coordinates.map(|p| p.lon)),
            Param::Text(reporter.map(|r| r.name().to_owned())),
            Param::Text(reporter.and_then(|r| r.email()).map(|e| e.as_str().to_owned())),
            Param::Text(reporter.and_then(|r| r.phone()).map(|p| p.as_str().to_owned())),
            int(millis(submission.received.at)),
        ];
        // A new complaint is at version 1 whatever the caller's read model
        // says: it has exactly one event.
        params.extend(read_model_columns(&submission.read_model, 1));
        params
    }

    /// Records an idempotency key.
    pub(in super::super) const INSERT_IDEMPOTENCY_KEY: &str =
        "INSERT INTO idempotency_keys (key, complaint_id, created_at) VALUES ($1, $2, $3)";

    // READ MODEL

    /// The read-model columns, in the order of [`read_model_columns`].
    const READ_MODEL_COLUMNS: &str =
        "c.status, c.agency, c.privacy, c.version, c.due_at, c.at_risk_at, c.auto_close_at, c.updated_at";

    fn read_model_columns(read_model: &ReadModel, version: i64) -> [Param; 8] {
        [
            text(read_model.status.code()),
            Param::Text(read_model.agency.as_ref().map(|a| a.as_str().to_owned())),
            text(read_model.privacy.code()),
            int(version),
            instant_param(read_model.due_at),
            instant_param(read_model.at_risk_at),
            instant_param(read_model.auto_close_at),
            int(millis(read_model.updated_at)),
        ]
    }

    /// Replaces a read model if the complaint is still at a version (one
    /// statement, so the check and the write are atomic); returns the
    /// complaint's id, or no row when the ticket is unknown or has moved on.
    pub(in super::super) const UPDATE_READ_MODEL: &str = "UPDATE complaints SET status = $1, agency = $2, \
         privacy = $3, version = $4, due_at = $5, at_risk_at = $6, auto_close_at = $7, updated_at = $8 \
         WHERE ticket = $9 AND version = $10 RETURNING id";

    /// The parameters of [`UPDATE_READ_MODEL`]: store `read_model` at
    /// `version` if the complaint is at `expected`.
    pub(in super::super) fn read_model_params(
        read_model: &ReadModel,
        version: i64,
        ticket: &TicketNumber,
        expected: u32,
    ) -> Vec<Param> {
        let mut params = read_model_columns(read_model, version).to_vec();
        params.extend([text(ticket.as_str()), int(i64::from(expected))]);
        params
    }

    /// A complaint's current version.
    pub(in super::super) const CURRENT_VERSION: &str = "SELECT version FROM complaints WHERE ticket = $1";

    /// Why a conditional update changed nothing: the ticket is unknown
    /// (no current version) or another write moved the complaint on.
    pub(in super::super) fn not_updated(current: Option<i64>, expected: u32) -> StoreError {
        match current.map(u32::try_from) {
            None => StoreError::NotFound,
            Some(Ok(current)) => StoreError::Conflict { expected, current },
            Some(Err(_)) => StoreError::Corrupt(format!("version {current:?} out of range")),
        }
    }

    /// The stored read model, as every complaint query selects it.
    #[derive(Debug, FromRow)]
    pub(in super::super) struct ReadModelRow {
        status: String,
        agency: Option<String>,
        privacy: String,
        pub(in super::super) version: i64,
        due_at: Option<i64>,
        at_risk_at: Option<i64>,
        auto_close_at: Option<i64>,
        updated_at: i64,
    }

    impl ReadModelRow {
        /// The read model.
        pub(in super::super) fn decode(self) -> Result<ReadModel, StoreError> {
            Ok(ReadModel {
                status: code::<Status>("status", self.status)?,
                agency: self.agency.map(agency).transpose()?,
                privacy: code::<Privacy>("privacy", self.privacy)?,
                version: version(self.version)?,
                due_at: self.due_at.map(|ms| instant("due_at", ms)).transpose()?,
                at_risk_at: self.at_risk_at.map(|ms| instant("at_risk_at", ms)).transpose()?,
                auto_close_at: self.auto_close_at.map(|ms| instant("auto_close_at", ms)).transpose()?,
                updated_at: instant("updated_at", self.updated_at)?,
            })
        }
    }

    // LOADING ONE COMPLAINT

    /// The query loading one complaint by ticket for a viewer. A column the
    /// viewer may not see is not selected at all: a typed NULL stands in
    /// its place, so the value never leaves the database and one row type
    /// decodes every visibility.
    pub(in super::super) fn load_sql(visibility: Visibility) -> String {
        let typed = |shown: bool, name: &str, sql_type: &str| {
            if shown { format!("c.{name}") } else { format!("CAST(NULL AS {sql_type}) AS {name}") }
        };
        let column = |shown: bool, name: &str| typed(shown, name, "TEXT");
        let Visibility { summary, content, identity, contact } = visibility;
        format!(
            "SELECT c.id, c.ticket, c.secret_hash, c.requested_agency, c.received_at, c.origin, \
             {READ_MODEL_COLUMNS}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {} FROM complaints c WHERE c.ticket = $1",
            column(summary, "kind"),
            column(summary, "title"),
            column(content, "description"),
            column(content, "incident_date"),
            column(content, "location"),
            typed(content, "lat", "DOUBLE PRECISION"),
            typed(content, "lon", "DOUBLE PRECISION"),
            column(identity, "reporter_name"),
            column(contact, "reporter_email"),
            column(contact, "reporter_phone"),
        )
    }

    /// A complaint's events up to a version, oldest first. Bounding by the
    /// version read with the complaint keeps the two consistent even if an
    /// event is appended between the two queries.
    pub(in super::super) const LOAD_EVENTS: &str =
        "SELECT CAST(event AS TEXT) AS event FROM events WHERE complaint_id = $1 AND seq <= $2 ORDER BY seq";

    /// One row of [`load_sql`].
    #[derive(Debug, FromRow)]
    pub(in super::super) struct ComplaintRow {
        pub(in super::super) id: i64,
        ticket: String,
        secret_hash: String,
        requested_agency: String,
        received_at: i64,
        origin: Option<String>,
        #[sqlx(flatten)]
        pub(in super::super) read_model: ReadModelRow,
        kind: Option<String>,
        title: Option<String>,
        description: Option<String>,
        incident_date: Option<String>,
        location: Option<String>,
        lat: Option<f64>,
        lon: Option<f64>,
        reporter_name: Option<String>,
        reporter_email: Option<String>,
        reporter_phone: Option<String>,
    }

    impl ComplaintRow {
        /// The record, with its history.
        pub(in super::super) fn into_record(self, events: Vec<Event>) -> Result<ComplaintRecord, StoreError> {
            if i64::try_from(events.len()) != Ok(self.read_model.version) {
                return Err(StoreError::Corrupt(format!(
                    "{} has {} events at version {}",
                    self.ticket,
                    events.len(),
                    self.read_model.version
                )));
            }
            Ok(ComplaintRecord {
                ticket: ticket(&self.ticket)?,
                secret_hash: self.secret_hash,
                read_model: self.read_model.decode()?,
                requested_agency: agency(self.requested_agency)?,
                received_at: instant("received_at", self.received_at)?,
                origin: self.origin,
                kind: self.kind.map(|k| code::<ComplaintKind>("kind", k)).transpose()?,
                title: self.title,
                description: self.description,
                incident_date: self.incident_date.map(|d| date(&d)).transpose()?,
                location: self.location,
                coordinates: match (self.lat, self.lon) {
                    (Some(lat), Some(lon)) => Some(aduan_core::complaint::Coordinates { lat, lon }),
                    _ => None,
                },
                reporter_name: self.reporter_name,
                reporter_email: self.reporter_email,
                reporter_phone: self.reporter_phone,
                events,
            })
        }
    }

    /// An event as stored in an `event` column.
    pub(in super::super) fn event(json: &str) -> Result<Event, StoreError> {
        serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("event: {e}")))
    }

    // INBOX

    /// The inbox's statements for one filter.
    #[derive(Debug)]
    pub(in super::super) struct InboxQuery {
        /// Counts every match.
        pub(in super::super) count_sql: String,
        /// Selects one page of matches, most urgent first.
        pub(in super::super) page_sql: String,
        /// The parameters of `count_sql`.
        pub(in super::super) filter_params: Vec<Param>,
        limit: u32,
        offset: u32,
    }

    impl InboxQuery {
        /// The statements for `filter`, matching text with `like` (`LIKE`
        /// or `ILIKE`, whichever ignores case in the dialect).
        pub(in super::super) fn new(filter: &InboxFilter, like: &str) -> Self {
            let mut params = Vec::new();
            let mut param = |p: Param| {
                params.push(p);
                format!("${}", params.len())
            };
            let mut clauses = Vec::new();
            if let Some(agency) = &filter.agency {
                clauses.push(format!("c.agency = {}", param(text(agency.as_str()))));
            }
            if !filter.statuses.is_empty() {
                let list: Vec<String> = filter.statuses.iter().map(|s| param(text(s.code()))).collect();
                clauses.push(format!("c.status IN ({})", list.join(", ")));
            }
            if let Some(kind) = filter.kind {
                clauses.push(format!("c.kind = {}", param(text(kind.code()))));
            }
            if filter.overdue || filter.at_risk {
                clauses.push(match filter.now {
                    Some(now) => {
                        let now = param(int(millis(now)));
                        let overdue = format!("c.due_at < {now}");
                        let at_risk =
                            format!("(c.at_risk_at <= {now} AND (c.due_at IS NULL OR c.due_at >= {now}))");
                        // The two are exclusive, so asking for both can only
                        // mean "either": everything that needs attention.
                        match (filter.overdue, filter.at_risk) {
                            (true, true) => format!("({overdue} OR {at_risk})"),
                            (true, false) => overdue,
                            _ => at_risk,
                        }
                    }
                    // Without an instant nothing is known to be late: an
                    // empty page rather than a silently ignored filter.
                    None => "1 = 0".to_owned(),
                });
            }
            if let Some(needle) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                let pattern = param(text(format!("%{}%", escape_like(needle))));
                let mut matches: Vec<String> = ["c.ticket", "c.title", "c.description"]
                    .iter()
                    .map(|column| format!("{column} {like} {pattern} ESCAPE '\\'"))
                    .collect();
                // A ticket typed without hyphens or in lower case still
                // finds its complaint.
                if let Ok(ticket) = TicketNumber::parse(needle) {
                    matches.push(format!("c.ticket = {}", param(text(ticket.as_str()))));
                }
                clauses.push(format!("({})", matches.join(" OR ")));
            }
            let where_sql =
                if clauses.is_empty() { String::new() } else { format!(" WHERE {}", clauses.join(" AND ")) };
            let count_sql = format!("SELECT COUNT(*) FROM complaints c{where_sql}");
            let n = params.len();
            // Open deadlines first, soonest first; then the newest receipts.
            let page_sql = format!(
                "SELECT c.ticket, c.kind, c.title, c.received_at, {READ_MODEL_COLUMNS} FROM complaints c{where_sql} \
                 ORDER BY (c.due_at IS NULL), c.due_at, c.received_at DESC, c.ticket LIMIT ${} OFFSET ${}",
                n + 1,
                n + 2
            );
            Self { count_sql, page_sql, filter_params: params, limit: filter.limit, offset: filter.offset }
        }

        /// The parameters of `page_sql`: the filter's, then the page's.
        pub(in super::super) fn page_params(&self) -> Vec<Param> {
            let mut params = self.filter_params.clone();
            params.extend([int(i64::from(self.limit.clamp(1, PAGE_MAX))), int(i64::from(self.offset))]);
            params
        }
    }

    /// Escapes `\`, `%` and `_` so the text matches only itself in a
    /// `LIKE … ESCAPE '\'` pattern.
    fn escape_like(text: &str) -> String {
        let mut escaped = String::with_capacity(text.len());
        for c in text.chars() {
            if matches!(c, '\\' | '%' | '_') {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        escaped
    }

    /// One row of an inbox page.
    #[derive(Debug, FromRow)]
    pub(in super::super) struct InboxRow {
        ticket: String,
        kind: String,
        title: String,
        received_at: i64,
        #[sqlx(flatten)]
        read_model: ReadModelRow,
    }

    /// Decodes an inbox page.
    pub(in super::super) fn inbox_page(
        total: i64,
        rows: impl Iterator<Item = Result<InboxRow, sqlx::Error>>,
    ) -> Result<InboxPage, StoreError> {
        let rows = rows
            .map(|row| {
                let row = row?;
                Ok(super::super::InboxRow {
                    ticket: ticket(&row.ticket)?,
                    kind: code("kind", row.kind)?,
                    title: row.title,
                    received_at: instant("received_at", row.received_at)?,
                    read_model: row.read_model.decode()?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let total = u64::try_from(total).map_err(|_| StoreError::Corrupt(format!("count {total}")))?;
        Ok(InboxPage { rows, total })
    }

    // HISTORIES AND AUTO-CLOSE

    /// Every complaint's events, grouped by complaint in order of receipt.
    pub(in super::super) const HISTORIES: &str = "SELECT c.ticket, CAST(e.event AS TEXT) AS event \
         FROM complaints c JOIN events e ON e.complaint_id = c.id ORDER BY c.id, e.seq";

    /// [`HISTORIES`] of the complaints currently assigned to one agency.
    pub(in super::super) const HISTORIES_OF_AGENCY: &str = "SELECT c.ticket, CAST(e.event AS TEXT) AS event \
         FROM complaints c JOIN events e ON e.complaint_id = c.id WHERE c.agency = $1 ORDER BY c.id, e.seq";

    /// Groups (ticket, event) rows, sorted by complaint, into histories.
    pub(in super::super) fn group_histories(
        rows: impl Iterator<Item = Result<(String, Event), StoreError>>,
    ) -> Result<Vec<(TicketNumber, Vec<Event>)>, StoreError> {
        let mut histories: Vec<(String, Vec<Event>)> = Vec::new();
        for row in rows {
            let (t, event) = row?;
            match histories.last_mut() {
                Some((last, events)) if *last == t => events.push(event),
                _ => histories.push((t, vec![event])),
            }
        }
        histories.into_iter().map(|(t, events)| Ok((ticket(&t)?, events))).collect()
    }

    /// Followed-up complaints whose automatic closing is due.
    pub(in super::super) const DUE_FOR_AUTO_CLOSE: &str = "SELECT ticket, version FROM complaints \
         WHERE status = $1 AND auto_close_at <= $2 ORDER BY auto_close_at, ticket";

    /// Decodes a (ticket, version) pair.
    pub(in super::super) fn ticket_and_version(t: &str, v: i64) -> Result<(TicketNumber, u32), StoreError> {
        Ok((ticket(t)?, version(v)?))
    }

    // OFFICERS

    /// Removes every officer (before the configured ones are inserted).
    pub(in super::super) const DELETE_OFFICERS: &str = "DELETE FROM officers";

    /// Inserts one officer.
    pub(in super::super) const INSERT_OFFICER: &str =
        "INSERT INTO officers (id, name, agency, token_hash) VALUES ($1, $2, $3, $4)";

    /// The parameters of [`INSERT_OFFICER`].
    pub(in super::super) fn officer_params(officer: &OfficerRecord) -> Vec<Param> {
        vec![
            text(&*officer.id),
            text(&*officer.name),
            Param::Text(officer.agency.as_ref().map(|a| a.as_str().to_owned())),
            text(&*officer.token_hash),
        ]
    }

    /// The officer with a token hash.
    pub(in super::super) const OFFICER_BY_TOKEN_HASH: &str =
        "SELECT id, name, agency, token_hash FROM officers WHERE token_hash = $1";

    /// One row of [`OFFICER_BY_TOKEN_HASH`].
    #[derive(Debug, FromRow)]
    pub(in super::super) struct OfficerRow {
        id: String,
        name: String,
        agency: Option<String>,
        token_hash: String,
    }

    impl OfficerRow {
        /// The record.
        pub(in super::super) fn decode(self) -> Result<OfficerRecord, StoreError> {
            Ok(OfficerRecord {
                id: self.id,
                name: self.name,
                agency: self.agency.map(agency).transpose()?,
                token_hash: self.token_hash,
            })
        }
    }

    // DECODING STORED VALUES

    /// A ticket as stored (canonical form).
    pub(in super::super) fn ticket(text: &str) -> Result<TicketNumber, StoreError> {
        TicketNumber::parse(text).map_err(|e| StoreError::Corrupt(format!("ticket {text:?}: {e}")))
    }

    fn agency(text: String) -> Result<AgencyId, StoreError> {
        AgencyId::new(text).map_err(|e| StoreError::Corrupt(format!("agency: {}", e.message.en)))
    }

    /// An enum stored as its stable code, decoded the way the core's serde
    /// reads it, so the two cannot drift apart.
    fn code<T: DeserializeOwned>(column: &str, code: String) -> Result<T, StoreError> {
        serde_json::from_value(serde_json::Value::String(code))
            .map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))
    }

    fn version(v: i64) -> Result<u32, StoreError> {
        u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("version {v} out of range")))
    }

    fn instant(column: &str, ms: i64) -> Result<DateTime<Utc>, StoreError> {
        DateTime::from_timestamp_millis(ms)
            .ok_or_else(|| StoreError::Corrupt(format!("{column}: {ms} out of range")))
    }

    fn date(text: &str) -> Result<NaiveDate, StoreError> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|e| StoreError::Corrupt(format!("incident_date {text:?}: {e}")))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn like_metacharacters_match_only_themselves() {
            assert_eq!(escape_like(r"50%_off\"), r"50\%\_off\\");
            assert_eq!(escape_like("jalan rusak"), "jalan rusak");
        }

        #[test]
        fn hidden_columns_are_never_selected() {
            let nothing = Visibility { summary: false, content: false, identity: false, contact: false };
            let sql = load_sql(nothing);
            for column in [
                "kind",
                "title",
                "description",
                "incident_date",
                "location",
                "lat",
                "lon",
                "reporter_name",
                "reporter_email",
                "reporter_phone",
            ] {
                assert!(!sql.contains(&format!("c.{column}")), "{column} selected in {sql}");
                let sql_type = if matches!(column, "lat" | "lon") { "DOUBLE PRECISION" } else { "TEXT" };
                assert!(
                    sql.contains(&format!("CAST(NULL AS {sql_type}) AS {column}")),
                    "{column} missing in {sql}"
                );
            }
        }
    }
}

/// Bulk import and streaming export, shared by both backends: statements
/// with many rows each (reused, so each is prepared once per connection),
/// and the import's batch loop over a [`bulk::BulkTx`].
pub(super) mod bulk {
    use std::collections::{HashMap, HashSet};
    use std::ops::ControlFlow;

    use aduan_core::TicketNumber;
    use aduan_core::lifecycle::Event;
    use futures_util::{Stream, TryStreamExt};
    use sqlx::{FromRow, Row};

    use super::super::{
        ComplaintRecord, ExportFilter, ImportBatch, ImportOutcome, ImportedComplaint, StoreError, Submission,
    };
    use super::common::{self, Param};

    /// Complaints per INSERT: 24 parameters each stays well below
    /// SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement.
    const COMPLAINTS_PER_STATEMENT: usize = 400;
    /// Events per INSERT (4 parameters each).
    const EVENTS_PER_STATEMENT: usize = 2_000;
    /// Tickets per existence check.
    const TICKETS_PER_CHECK: usize = 500;

    /// A write transaction of one backend, as the import needs it.
    pub(in super::super) trait BulkTx: Send {
        /// Whether event JSON needs `CAST(… AS JSONB)` (PostgreSQL). SQLite
        /// gets anonymous `?` placeholders instead of `$n`: it looks a
        /// numbered parameter's name up by a linear scan, which makes
        /// binding thousands of them quadratic.
        const JSONB: bool;
        /// The tickets among `tickets` that are stored.
        fn existing(
            &mut self,
            sql: &str,
            tickets: &[String],
        ) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;
        /// Runs a multi-row complaint INSERT; gives (id, ticket) of each row.
        fn insert_complaints(
            &mut self,
            sql: &str,
            params: Vec<Param>,
        ) -> impl Future<Output = Result<Vec<(i64, String)>, StoreError>> + Send;
        /// Runs a multi-row event INSERT.
        fn insert_events(
            &mut self,
            sql: &str,
            params: Vec<Param>,
        ) -> impl Future<Output = Result<(), StoreError>> + Send;
        /// Gives the complaint with ticket `from` the ticket `to`.
        fn retick(&mut self, from: &str, to: &str) -> impl Future<Output = Result<(), StoreError>> + Send;
    }

    /// Moves a complaint of this import to another ticket.
    pub(in super::super) const RETICK: &str = "UPDATE complaints SET ticket = $1 WHERE ticket = $2";

    impl BulkTx for sqlx::Transaction<'_, sqlx::Sqlite> {
        const JSONB: bool = false;

        async fn existing(&mut self, sql: &str, tickets: &[String]) -> Result<Vec<String>, StoreError> {
            let mut query = sqlx::query(sql);
            for t in tickets {
                query = query.bind(t);
            }
            let rows = query.fetch_all(&mut **self).await?;
            rows.iter().map(|r| r.try_get(0).map_err(Into::into)).collect()
        }

        async fn insert_complaints(
            &mut self,
            sql: &str,
            params: Vec<Param>,
        ) -> Result<Vec<(i64, String)>, StoreError> {
            let rows = common::bind(sqlx::query(sql), params).fetch_all(&mut **self).await?;
            rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
        }

        async fn insert_events(&mut self, sql: &str, params: Vec<Param>) -> Result<(), StoreError> {
            common::bind(sqlx::query(sql), params).execute(&mut **self).await?;
            Ok(())
        }

        async fn retick(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
            sqlx::query(RETICK).bind(to).bind(from).execute(&mut **self).await?;
            Ok(())
        }
    }

    /// The `p`-th placeholder (1-based): `$p` for PostgreSQL, `?` for
    /// SQLite (see [`BulkTx::JSONB`]).
    fn placeholder(p: usize, numbered: bool) -> String {
        if numbered { format!("${p}") } else { "?".to_owned() }
    }

    /// `SELECT ticket … WHERE ticket IN ($1 … $n)`.
    fn existing_sql(n: usize, numbered: bool) -> String {
        let list: Vec<String> = (1..=n).map(|i| placeholder(i, numbered)).collect();
        format!("SELECT ticket FROM complaints WHERE ticket IN ({})", list.join(", "))
    }

    /// `n` rows of `width` placeholders each, `(…), (…)`; PostgreSQL's
    /// event column (the last) is cast to JSONB.
    fn values(n: usize, width: usize, jsonb: bool, numbered: bool) -> String {
        let mut sql = String::with_capacity(n * width * 5);
        for row in 0..n {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for column in 0..width {
                if column > 0 {
                    sql.push_str(", ");
                }
                let p = placeholder(row * width + column + 1, numbered);
                if jsonb && column + 1 == width {
                    sql.push_str(&format!("CAST({p} AS JSONB)"));
                } else {
                    sql.push_str(&p);
                }
            }
            sql.push(')');
        }
        sql
    }

    fn insert_complaints_sql(n: usize, numbered: bool) -> String {
        format!(
            "INSERT INTO complaints (ticket, secret_hash, requested_agency, origin, channel, kind, title, \
             description, incident_date, location, lat, lon, reporter_name, reporter_email, reporter_phone, \
             received_at, status, agency, privacy, version, due_at, at_risk_at, auto_close_at, updated_at) \
             VALUES {} RETURNING id, ticket",
            values(n, 24, false, numbered)
        )
    }

    fn insert_events_sql(n: usize, jsonb: bool) -> String {
        format!("INSERT INTO events (complaint_id, seq, at, event) VALUES {}", values(n, 4, jsonb, jsonb))
    }

    /// A fresh ticket number from the operating system's randomness.
    fn draw() -> Result<TicketNumber, StoreError> {
        let mut bytes = [0_u8; 8];
        getrandom::fill(&mut bytes)
            .map_err(|e| StoreError::Corrupt(format!("no randomness for a ticket number: {e}")))?;
        Ok(TicketNumber::from_entropy(u64::from_le_bytes(bytes)))
    }

    /// The import's loop: each batch is checked against the stored tickets
    /// and inserted; the outcome says whether to commit.
    pub(in super::super) async fn run<T: BulkTx>(
        tx: &mut T,
        batches: tokio::sync::mpsc::Receiver<ImportBatch>,
    ) -> Result<ImportOutcome, StoreError> {
        run_drawing(tx, batches, draw).await
    }

    /// [`run`] with the tickets drawn by `draw` (tests script it).
    async fn run_drawing<T: BulkTx>(
        tx: &mut T,
        mut batches: tokio::sync::mpsc::Receiver<ImportBatch>,
        mut draw: impl FnMut() -> Result<TicketNumber, StoreError> + Send,
    ) -> Result<ImportOutcome, StoreError> {
        let mut outcome = ImportOutcome::default();
        // Where each drawn ticket is in `outcome.drawn`: a ticket drawn for
        // an earlier row may turn up as a later row's given ticket.
        let mut drawn_at: HashMap<TicketNumber, usize> = HashMap::new();
        let mut statements: HashMap<(u8, usize), String> = HashMap::new();
        let mut sql = |kind: u8, n: usize| -> String {
            statements
                .entry((kind, n))
                .or_insert_with(|| match kind {
                    0 => existing_sql(n, T::JSONB),
                    1 => insert_complaints_sql(n, T::JSONB),
                    _ => insert_events_sql(n, T::JSONB),
                })
                .clone()
        };
        while let Some(batch) = batches.recv().await {
            let rows = match batch {
                ImportBatch::Commit => {
                    outcome.committed = outcome.existing.is_empty();
                    return Ok(outcome);
                }
                ImportBatch::Rows(rows) => rows,
            };
            // The given tickets that are stored already are refused.
            let given: Vec<String> =
                rows.iter().filter_map(|r| r.ticket.map(|t| t.as_str().to_owned())).collect();
            let mut taken: HashSet<String> = HashSet::new();
            for chunk in given.chunks(TICKETS_PER_CHECK) {
                taken.extend(tx.existing(&sql(0, chunk.len()), chunk).await?);
            }
            // A given ticket that this import drew for an earlier row: that
            // row moves to a fresh ticket, the given one is kept.
            let given_here: HashSet<&str> = given.iter().map(String::as_str).collect();
            let ours: Vec<TicketNumber> = taken
                .iter()
                .filter_map(|t| TicketNumber::parse(t).ok())
                .filter(|t| drawn_at.contains_key(t))
                .collect();
            for old in ours {
                let fresh = loop {
                    let fresh = draw()?;
                    let free = !given_here.contains(fresh.as_str())
                        && tx.existing(&sql(0, 1), &[fresh.as_str().to_owned()]).await?.is_empty();
                    if free {
                        break fresh;
                    }
                };
                tx.retick(old.as_str(), fresh.as_str()).await?;
                if let Some(i) = drawn_at.remove(&old) {
                    outcome.drawn[i].1 = fresh;
                    drawn_at.insert(fresh, i);
                }
                taken.remove(old.as_str());
            }
            let mut keep = Vec::with_capacity(rows.len());
            for row in rows {
                match row.ticket {
                    Some(t) if taken.contains(t.as_str()) => outcome.existing.push((row.line, t)),
                    Some(t) => keep.push((t, row)),
                    None => keep.push((draw()?, row)),
                }
            }
            // Drawn tickets are drawn again until free (in the database and
            // in this batch).
            let mut in_batch: HashSet<String> = keep.iter().map(|(t, _)| t.as_str().to_owned()).collect();
            loop {
                let drawn: Vec<String> = keep
                    .iter()
                    .filter(|(_, r)| r.ticket.is_none())
                    .map(|(t, _)| t.as_str().to_owned())
                    .collect();
                // Clashes with stored tickets, and with tickets given in
                // this batch.
                let mut clash: HashSet<String> =
                    drawn.iter().filter(|t| given_here.contains(t.as_str())).cloned().collect();
                for chunk in drawn.chunks(TICKETS_PER_CHECK) {
                    clash.extend(tx.existing(&sql(0, chunk.len()), chunk).await?);
                }
                if clash.is_empty() {
                    break;
                }
                for (t, r) in &mut keep {
                    if r.ticket.is_none() && clash.contains(t.as_str()) {
                        let mut fresh = draw()?;
                        while in_batch.contains(fresh.as_str()) {
                            fresh = draw()?;
                        }
                        in_batch.insert(fresh.as_str().to_owned());
                        *t = fresh;
                    }
                }
            }
            if !outcome.existing.is_empty() {
                // Nothing will be committed; keep reading only to report
                // every stored ticket.
                continue;
            }
            for chunk in keep.chunks(COMPLAINTS_PER_STATEMENT) {
                let mut params = Vec::with_capacity(chunk.len() * 24);
                for (ticket, row) in chunk {
                    params.extend(complaint_params(*ticket, row));
                }
                let ids: HashMap<String, i64> = tx
                    .insert_complaints(&sql(1, chunk.len()), params)
                    .await?
                    .into_iter()
                    .map(|(id, t)| (t, id))
                    .collect();
                let mut events = Vec::new();
                for (ticket, row) in chunk {
                    let id = *ids.get(ticket.as_str()).ok_or_else(|| {
                        StoreError::Corrupt(format!("{ticket} was inserted but its id not returned"))
                    })?;
                    for (seq, event) in row.events.iter().enumerate() {
                        events.push((id, seq as i64 + 1, event));
                    }
                }
                for part in events.chunks(EVENTS_PER_STATEMENT) {
                    let mut params = Vec::with_capacity(part.len() * 4);
                    for (id, seq, event) in part {
                        params.push(Param::Int(Some(*id)));
                        params.push(Param::Int(Some(*seq)));
                        params.push(Param::Int(Some(common::millis(event.at))));
                        params.push(Param::Text(Some(common::event_json(event)?)));
                    }
                    tx.insert_events(&sql(2, part.len()), params).await?;
                }
                outcome.stored += chunk.len() as u64;
                for (t, r) in chunk.iter().filter(|(_, r)| r.ticket.is_none()) {
                    drawn_at.insert(*t, outcome.drawn.len());
                    outcome.drawn.push((r.line, *t));
                }
            }
        }
        // The sender stopped without asking to commit: roll back.
        outcome.committed = false;
        Ok(outcome)
    }

    /// The parameters of one complaint row: the submission's columns with
    /// the version of the whole history.
    fn complaint_params(ticket: TicketNumber, row: &ImportedComplaint) -> Vec<Param> {
        let submission = Submission {
            idempotency_key: String::new(),
            ticket,
            secret_hash: row.secret_hash.clone(),
            complaint: row.complaint.clone(),
            received: row.events[0].clone(),
            read_model: row.read_model.clone(),
        };
        let mut params = common::complaint_params(&submission);
        // `complaint_params` writes version 1 (a submission's); an import
        // stores the whole history.
        params[19] = Param::Int(Some(i64::from(row.read_model.version)));
        params
    }

    /// The export's query: every complaint joined with its events, in
    /// order of complaint then event, so one pass groups them.
    pub(in super::super) fn export_query(filter: &ExportFilter) -> (String, Vec<Param>) {
        let mut params = Vec::new();
        let mut clauses = Vec::new();
        if let Some(agency) = &filter.agency {
            params.push(Param::Text(Some(agency.as_str().to_owned())));
            clauses.push(format!("(c.agency = ${0} OR c.requested_agency = ${0})", params.len()));
        }
        if let Some(from) = filter.from {
            params.push(Param::Int(Some(common::millis(from))));
            clauses.push(format!("c.received_at >= ${}", params.len()));
        }
        if let Some(until) = filter.until {
            params.push(Param::Int(Some(common::millis(until))));
            clauses.push(format!("c.received_at < ${}", params.len()));
        }
        let where_sql =
            if clauses.is_empty() { String::new() } else { format!(" WHERE {}", clauses.join(" AND ")) };
        let sql = format!(
            "SELECT c.id, c.ticket, c.secret_hash, c.requested_agency, c.received_at, c.origin, \
             c.status, c.agency, c.privacy, c.version, c.due_at, c.at_risk_at, c.auto_close_at, c.updated_at, \
             c.kind, c.title, c.description, c.incident_date, c.location, c.lat, c.lon, \
             c.reporter_name, c.reporter_email, c.reporter_phone, CAST(e.event AS TEXT) AS event \
             FROM complaints c JOIN events e ON e.complaint_id = c.id{where_sql} ORDER BY c.id, e.seq"
        );
        (sql, params)
    }

    /// Decodes one row of [`export_query`].
    pub(in super::super) fn export_row<R>(row: &R) -> Result<(common::ComplaintRow, Event), StoreError>
    where
        R: Row,
        for<'r> common::ComplaintRow: FromRow<'r, R>,
        for<'r> &'r str: sqlx::ColumnIndex<R>,
        for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    {
        let event = common::event(&row.try_get::<String, _>("event")?)?;
        Ok((common::ComplaintRow::from_row(row)?, event))
    }

    /// Groups the decoded rows of [`export_query`] into records and hands
    /// each over.
    pub(in super::super) async fn group_export<F>(
        rows: impl Stream<Item = Result<(common::ComplaintRow, Event), StoreError>> + Send,
        mut each: F,
    ) -> Result<u64, StoreError>
    where
        F: FnMut(ComplaintRecord) -> ControlFlow<()>,
    {
        let mut rows = std::pin::pin!(rows);
        let mut current: Option<(common::ComplaintRow, Vec<Event>)> = None;
        let mut handed = 0;
        while let Some((complaint, event)) = rows.try_next().await? {
            match &mut current {
                Some((c, events)) if c.id == complaint.id => events.push(event),
                _ => {
                    if let Some((c, events)) = current.replace((complaint, vec![event])) {
                        handed += 1;
                        if each(c.into_record(events)?).is_break() {
                            return Ok(handed);
                        }
                    }
                }
            }
        }
        if let Some((c, events)) = current {
            handed += 1;
            let _ = each(c.into_record(events)?);
        }
        Ok(handed)
    }

    #[cfg(test)]
    mod tests {
        use aduan_core::complaint::{ComplaintInput, ValidationContext};
        use aduan_core::lifecycle::{Action, Actor, Status};
        use aduan_core::{Channel, ChannelKind, ComplaintKind, Privacy, Zone};

        use super::super::super::{ReadModel, Store};
        use super::super::SqliteStore;
        use super::*;

        fn row(line: u64, ticket: Option<TicketNumber>) -> ImportedComplaint {
            let at: chrono::DateTime<chrono::Utc> = "2025-03-03T02:00:00Z".parse().unwrap();
            let input = ComplaintInput {
                kind: Some(ComplaintKind::Aspirasi),
                title: "Tambah jadwal bus kota".into(),
                description: "Bus kota jurusan Banjarbaru penuh setiap pagi hari kerja.".into(),
                agency: "dishub".into(),
                privacy: Some(Privacy::Anonim),
                ..ComplaintInput::default()
            };
            let ctx = ValidationContext { now: at, zone: Zone::WITA, known_agencies: None };
            let complaint = input.validate(Channel::Lapor, &ctx).unwrap();
            let received = Event {
                at,
                actor: Actor::System,
                action: Action::Received {
                    kind: ComplaintKind::Aspirasi,
                    agency: complaint.agency().clone(),
                    privacy: Privacy::Anonim,
                    channel: ChannelKind::Lapor,
                },
            };
            ImportedComplaint {
                line,
                ticket,
                secret_hash: "0".repeat(64),
                complaint,
                events: vec![received],
                read_model: ReadModel {
                    status: Status::Diterima,
                    agency: None,
                    privacy: Privacy::Anonim,
                    version: 1,
                    due_at: None,
                    at_risk_at: None,
                    auto_close_at: None,
                    updated_at: at,
                },
            }
        }

        #[tokio::test]
        async fn a_drawn_ticket_given_again_later_moves_the_earlier_row() {
            let store = SqliteStore::connect("sqlite::memory:").await.unwrap();
            store.migrate().await.unwrap();
            let x = TicketNumber::from_entropy(42);
            let y = TicketNumber::from_entropy(43);
            // The first draw gives X (which line 3 gives explicitly), the
            // next one Y.
            let mut script = vec![y, x];
            let (send, receive) = tokio::sync::mpsc::channel(4);
            send.send(ImportBatch::Rows(vec![row(2, None)])).await.unwrap();
            send.send(ImportBatch::Rows(vec![row(3, Some(x))])).await.unwrap();
            send.send(ImportBatch::Commit).await.unwrap();
            drop(send);
            let mut tx = store.pool().begin().await.unwrap();
            let outcome = run_drawing(&mut tx, receive, || Ok(script.pop().unwrap())).await.unwrap();
            tx.commit().await.unwrap();
            assert!(outcome.committed);
            assert!(outcome.existing.is_empty());
            assert_eq!(outcome.drawn, [(2, y)], "line 2 moved to a fresh ticket");
            let tickets: Vec<String> = sqlx::query_scalar("SELECT ticket FROM complaints ORDER BY id")
                .fetch_all(store.pool())
                .await
                .unwrap();
            assert_eq!(tickets, [y.as_str(), x.as_str()]);
        }
    }
}

/// The public list of Open311 `GET requests` ([`Store::public_requests`]),
/// shared by both backends like `common`.
pub(super) mod public_requests {
    use aduan_core::lifecycle::Status;
    use aduan_core::{ComplaintKind, Privacy};
    use chrono::DateTime;
    use sqlx::FromRow;

    use super::super::{PublicRequestQuery, PublicRequestRow, StoreError};
    use super::common::{self, Param};

    /// The statement and its parameters. Only summary columns are selected
    /// (kind, title, agencies, dates, read model): what the public may see
    /// of a non-confidential complaint. The time window uses the
    /// `complaints_received` index; the latest event is found by its
    /// primary key.
    pub(in super::super) fn statement(query: &PublicRequestQuery) -> (String, Vec<Param>) {
        let mut params = Vec::new();
        let mut param = |p: Param| {
            params.push(p);
            format!("${}", params.len())
        };
        let text = |s: &str| Param::Text(Some(s.to_owned()));
        let mut clauses = vec![format!("c.privacy <> {}", param(text(Privacy::Rahasia.code())))];
        if query.tickets.is_empty() {
            // A list is a sweep by anyone: it leaves out complaints not yet
            // verified (the koordinator may still make them confidential)
            // and archived ones (spam, duplicates, invalid reports). Asked
            // for by ticket they are shown, as the complaint API shows them.
            let unlisted = [Status::Diterima, Status::Diarsipkan].map(|s| param(text(s.code())));
            clauses.push(format!("c.status NOT IN ({})", unlisted.join(", ")));
            clauses.push(format!("c.received_at >= {}", param(Param::Int(Some(common::millis(query.from))))));
            clauses.push(format!("c.received_at <= {}", param(Param::Int(Some(common::millis(query.to))))));
            if !query.services.is_empty() {
                let services: Vec<String> = query
                    .services
                    .iter()
                    .map(|(kind, agencies)| {
                        let kind = param(text(kind.code()));
                        let agencies: Vec<String> =
                            agencies.iter().map(|a| param(text(a.as_str()))).collect();
                        if agencies.is_empty() {
                            "1 = 0".to_owned()
                        } else {
                            format!("(c.kind = {kind} AND c.requested_agency IN ({}))", agencies.join(", "))
                        }
                    })
                    .collect();
                clauses.push(format!("({})", services.join(" OR ")));
            }
            if let Some(closed) = query.closed {
                let list: Vec<String> =
                    Status::ALL.iter().filter(|s| s.is_closed()).map(|s| param(text(s.code()))).collect();
                let not = if closed { "" } else { "NOT " };
                clauses.push(format!("c.status {not}IN ({})", list.join(", ")));
            }
        } else {
            let list: Vec<String> = query.tickets.iter().map(|t| param(text(t.as_str()))).collect();
            clauses.push(format!("c.ticket IN ({})", list.join(", ")));
        }
        let limit = param(Param::Int(Some(i64::from(query.limit))));
        let sql = format!(
            "SELECT c.ticket, c.kind, c.title, c.requested_agency, c.received_at, \
             c.status, c.agency, c.privacy, c.version, c.due_at, c.at_risk_at, c.auto_close_at, c.updated_at, \
             CAST(e.event AS TEXT) AS last_event \
             FROM complaints c JOIN events e ON e.complaint_id = c.id AND e.seq = c.version \
             WHERE {} ORDER BY c.received_at DESC, c.ticket LIMIT {limit}",
            clauses.join(" AND ")
        );
        (sql, params)
    }

    /// One row of [`statement`].
    #[derive(Debug, FromRow)]
    pub(in super::super) struct Row {
        ticket: String,
        kind: String,
        title: String,
        requested_agency: String,
        received_at: i64,
        #[sqlx(flatten)]
        read_model: common::ReadModelRow,
        last_event: String,
    }

    impl Row {
        /// The decoded row.
        pub(in super::super) fn decode(self) -> Result<PublicRequestRow, StoreError> {
            let kind: ComplaintKind = serde_json::from_value(serde_json::Value::String(self.kind))
                .map_err(|e| StoreError::Corrupt(format!("kind: {e}")))?;
            Ok(PublicRequestRow {
                ticket: common::ticket(&self.ticket)?,
                kind,
                title: self.title,
                requested_agency: aduan_core::AgencyId::new(self.requested_agency)
                    .map_err(|e| StoreError::Corrupt(format!("requested_agency: {}", e.message.en)))?,
                received_at: DateTime::from_timestamp_millis(self.received_at).ok_or_else(|| {
                    StoreError::Corrupt(format!("received_at: {} out of range", self.received_at))
                })?,
                read_model: self.read_model.decode()?,
                last_event: common::event(&self.last_event)?,
            })
        }
    }
}
