//! The PostgreSQL backend, for deployments running several server
//! instances against one database. Events are JSONB; a trigger refuses to
//! change or remove them.
//!
//! The SQL it shares with SQLite lives in `sqlite::common`; only
//! transactions, the JSONB cast and `ILIKE` are written here.

use std::str::FromStr;

use aduan_core::TicketNumber;
use aduan_core::lifecycle::{Event, Status};
use aduan_core::visibility::Visibility;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{FromRow, Row};

use super::sqlite::common;
use super::{
    AgencyId, ComplaintRecord, InboxFilter, InboxPage, OfficerRecord, PublicRequestQuery, PublicRequestRow,
    ReadModel, Store, StoreError, Submission, SubmitOutcome,
};

/// Connections per server instance; PostgreSQL's default limit of 100 is
/// shared by every instance (and by anything else using the server).
const MAX_CONNECTIONS: u32 = 10;

/// Stores an event's JSON as JSONB (a text parameter needs the cast).
const INSERT_EVENT: &str =
    "INSERT INTO events (complaint_id, seq, at, event) VALUES ($1, $2, $3, CAST($4 AS JSONB))";

/// Whether a ticket is taken.
const FIND_TICKET: &str = "SELECT 1 FROM complaints WHERE ticket = $1";

/// PostgreSQL's `LIKE` is case-sensitive; the inbox search is not.
const LIKE: &str = "ILIKE";

/// The PostgreSQL [`Store`]: a pool of connections to one database (and,
/// optionally, one schema in it).
///
/// # Example
/// ```no_run
/// use aduan_server::store::Store;
/// use aduan_server::store::postgres::PgStore;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), aduan_server::store::StoreError> {
/// let store = PgStore::connect("postgres://aduan@localhost/aduan").await?;
/// store.migrate().await?;
/// store.ping().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects to the database at `url`, e.g.
    /// `postgres://aduan:secret@db.internal/aduan`, using the database's
    /// default `search_path`. Call [`Store::migrate`] before using the store.
    ///
    /// # Errors
    /// [`StoreError::Database`] when the URL is malformed or no connection
    /// can be made.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::open(PgConnectOptions::from_str(url)?).await
    }

    /// Connects like [`connect`](Self::connect) but keeps every table
    /// (and the migrations' bookkeeping) in `schema`, creating it if
    /// missing: each pooled connection starts with `search_path = schema`.
    /// Tests use this to share one database while each run gets a schema of
    /// its own.
    ///
    /// # Errors
    /// [`StoreError::Database`] when `schema` is not a plain lower-case
    /// identifier (`[a-z_][a-z0-9_]*`, at most 63 bytes), or as for
    /// [`connect`](Self::connect).
    pub async fn connect_with_schema(url: &str, schema: &str) -> Result<Self, StoreError> {
        check_schema_name(schema)?;
        let options = PgConnectOptions::from_str(url)?.options([("search_path", schema)]);
        let store = Self::open(options).await?;
        // The name was checked above, so quoting it cannot be escaped from.
        sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS \"{schema}\"")).execute(&store.pool).await?;
        Ok(store)
    }

    async fn open(options: PgConnectOptions) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new().max_connections(MAX_CONNECTIONS).connect_with(options).await?;
        Ok(Self { pool })
    }

    /// The connection pool, for maintenance and tests. Events stay
    /// append-only even through it: a trigger refuses to change them.
    #[must_use]
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// After a unique violation in `submit`: the same key committed first
    /// (a replay), or the ticket was taken.
    async fn explain_unique_violation(
        &self,
        submission: &Submission,
        error: sqlx::Error,
    ) -> Result<SubmitOutcome, StoreError> {
        let known: Option<String> = sqlx::query(common::FIND_IDEMPOTENCY_KEY)
            .bind(&submission.idempotency_key)
            .fetch_optional(&self.pool)
            .await?
            .map(|row| row.try_get(0))
            .transpose()?;
        if let Some(ticket) = known {
            return Ok(SubmitOutcome::Replayed(common::ticket(&ticket)?));
        }
        let taken =
            sqlx::query(FIND_TICKET).bind(submission.ticket.as_str()).fetch_optional(&self.pool).await?;
        if taken.is_some() { Err(StoreError::TicketTaken) } else { Err(error.into()) }
    }
}

/// Refuses anything but a plain identifier, since the name is spliced into
/// `CREATE SCHEMA` and the connection options.
fn check_schema_name(schema: &str) -> Result<(), StoreError> {
    let mut bytes = schema.bytes();
    let plain = matches!(bytes.next(), Some(b'a'..=b'z' | b'_'))
        && bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_'))
        && schema.len() <= 63;
    if plain {
        Ok(())
    } else {
        Err(sqlx::Error::Configuration(format!("invalid schema name {schema:?}").into()).into())
    }
}

impl Store for PgStore {
    async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::migrate!("./migrations/postgres").run(&self.pool).await?;
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
        let mut tx = self.pool.begin().await?;
        // Instances starting together would otherwise delete and insert the
        // same officers at once and trip over each other's primary keys.
        sqlx::query("LOCK TABLE officers IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
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
        let mut tx = self.pool.begin().await?;
        let known = sqlx::query(common::FIND_IDEMPOTENCY_KEY)
            .bind(&submission.idempotency_key)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(row) = known {
            return Ok(SubmitOutcome::Replayed(common::ticket(&row.try_get::<String, _>(0)?)?));
        }
        // Two submissions with one key can both get past the lookup above.
        // The second to insert the key then waits on the unique index until
        // the first commits, and fails; it rolls back and answers with the
        // first one's ticket.
        let id: i64 =
            match common::bind(sqlx::query(common::INSERT_COMPLAINT), common::complaint_params(&submission))
                .fetch_one(&mut *tx)
                .await
            {
                Ok(row) => row.try_get(0)?,
                Err(e) if common::is_unique_violation(&e) => {
                    tx.rollback().await?;
                    return self.explain_unique_violation(&submission, e).await;
                }
                Err(e) => return Err(e.into()),
            };
        sqlx::query(INSERT_EVENT)
            .bind(id)
            .bind(1_i64)
            .bind(common::millis(submission.received.at))
            .bind(event)
            .execute(&mut *tx)
            .await?;
        let key = sqlx::query(common::INSERT_IDEMPOTENCY_KEY)
            .bind(&submission.idempotency_key)
            .bind(id)
            .bind(common::millis(submission.received.at))
            .execute(&mut *tx)
            .await;
        match key {
            Ok(_) => {}
            Err(e) if common::is_unique_violation(&e) => {
                tx.rollback().await?;
                return self.explain_unique_violation(&submission, e).await;
            }
            Err(e) => return Err(e.into()),
        }
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
        let mut tx = self.pool.begin().await?;
        // The conditional UPDATE locks the row: a concurrent append at the
        // same version waits, then re-checks `version` against the
        // committed row, matches nothing and reports the conflict.
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
        let updated = common::bind(
            sqlx::query(common::UPDATE_READ_MODEL),
            common::read_model_params(read_model, i64::from(version), ticket, version),
        )
        .fetch_optional(&self.pool)
        .await?;
        if updated.is_none() {
            let current: Option<i64> = sqlx::query_scalar(common::CURRENT_VERSION)
                .bind(ticket.as_str())
                .fetch_optional(&self.pool)
                .await?;
            return Err(common::not_updated(current, version));
        }
        Ok(())
    }

    async fn inbox(&self, filter: &InboxFilter) -> Result<InboxPage, StoreError> {
        let query = common::InboxQuery::new(filter, LIKE);
        // One snapshot for the count and the page, so `total` agrees with
        // the rows even while complaints arrive.
        let mut tx = self.pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await?;
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
        let mut tx = self.pool.begin().await?;
        let result = super::sqlite::bulk::run(&mut tx, batches).await;
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
        let (sql, params) = super::sqlite::bulk::export_query(&filter);
        let rows = common::bind(sqlx::query(&sql), params)
            .fetch(&self.pool)
            .map(|row| row.map_err(StoreError::from).and_then(|row| super::sqlite::bulk::export_row(&row)));
        super::sqlite::bulk::group_export(rows, each).await
    }

    async fn public_requests(&self, query: &PublicRequestQuery) -> Result<Vec<PublicRequestRow>, StoreError> {
        let (sql, params) = super::sqlite::public_requests::statement(query);
        let rows = common::bind(sqlx::query(&sql), params).fetch_all(&self.pool).await?;
        rows.iter().map(|row| super::sqlite::public_requests::Row::from_row(row)?.decode()).collect()
    }
}

impl super::sqlite::bulk::BulkTx for sqlx::Transaction<'_, sqlx::Postgres> {
    const JSONB: bool = true;

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
        params: Vec<common::Param>,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        let rows = common::bind(sqlx::query(sql), params).fetch_all(&mut **self).await?;
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
    }

    async fn insert_events(&mut self, sql: &str, params: Vec<common::Param>) -> Result<(), StoreError> {
        common::bind(sqlx::query(sql), params).execute(&mut **self).await?;
        Ok(())
    }

    async fn retick(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        sqlx::query(super::sqlite::bulk::RETICK).bind(to).bind(from).execute(&mut **self).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::check_schema_name;

    #[test]
    fn only_plain_schema_names_are_spliced_into_sql() {
        for good in ["aduan", "aduan_test_1_2_3", "_x"] {
            assert!(check_schema_name(good).is_ok(), "{good}");
        }
        for bad in ["", "1abc", "Aduan", "a-b", "a\"; DROP SCHEMA public; --", &"a".repeat(64)] {
            assert!(check_schema_name(bad).is_err(), "{bad}");
        }
    }
}
