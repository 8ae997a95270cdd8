//! What every case of the store suite stands on: fresh databases of each
//! backend (cleaned up afterwards, even when the case panics), and
//! complaints built through the core's own API.

use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aduan_core::complaint::{ComplaintInput, Coordinates, ReporterInput, ValidationContext};
use aduan_core::lifecycle::{Action, Actor, Event, Lifecycle};
use aduan_core::{Channel, ComplaintKind, Privacy, TicketNumber, Zone};
use aduan_server::store::postgres::PgStore;
use aduan_server::store::sqlite::SqliteStore;
use aduan_server::store::{ReadModel, Store, Submission, sha256_hex};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sqlx::Connection;

/// The PostgreSQL of the machine (and of CI): trust authentication.
const POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// The origin of the web widget every test complaint comes through.
pub(crate) const ORIGIN: &str = "https://dinkes.kalselprov.go.id";

/// A store the suite can also reach around the [`Store`] trait, to try
/// what the trait would never do (change an event, corrupt a row).
pub(crate) trait Backend: Store {
    /// Runs one raw statement; the rows it changed.
    fn execute(&self, sql: &str) -> impl Future<Output = Result<u64, sqlx::Error>> + Send;

    /// The number of rows in `table`.
    fn count(&self, table: &str) -> impl Future<Output = i64> + Send;
}

impl Backend for SqliteStore {
    async fn execute(&self, sql: &str) -> Result<u64, sqlx::Error> {
        Ok(sqlx::query(sql).execute(self.pool()).await?.rows_affected())
    }

    async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(self.pool()).await.unwrap()
    }
}

impl Backend for PgStore {
    async fn execute(&self, sql: &str) -> Result<u64, sqlx::Error> {
        Ok(sqlx::query(sql).execute(self.pool()).await?.rows_affected())
    }

    async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(self.pool()).await.unwrap()
    }
}

/// A name no other test, run or process uses at the same time.
pub(crate) fn unique_name(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_nanos();
    format!("{prefix}_{}_{nanos}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A database file under the temporary directory, removed (with its WAL
/// companions) when dropped, even after a failed assertion.
#[derive(Debug)]
pub(crate) struct TempDb {
    /// The file's path; nothing is created until a store opens it.
    pub(crate) path: PathBuf,
}

impl TempDb {
    /// A fresh, unused path.
    pub(crate) fn new() -> Self {
        Self { path: std::env::temp_dir().join(format!("{}.db", unique_name("aduan_store_test"))) }
    }

    /// Its SQLite URL.
    pub(crate) fn url(&self) -> String {
        format!("sqlite://{}", self.path.display())
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut file = self.path.as_os_str().to_owned();
            file.push(suffix);
            // Already gone (or never created) is fine.
            let _ = std::fs::remove_file(file);
        }
    }
}

/// Runs `case` on its own task so that a panic in it still lets the
/// caller clean up before the panic is passed on.
async fn isolated<S: Store, F, Fut>(store: &S, case: F) -> Result<(), tokio::task::JoinError>
where
    F: FnOnce(S) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(case(store.clone())).await
}

fn rethrow(outcome: Result<(), tokio::task::JoinError>) {
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Runs `case` on a migrated SQLite database in a fresh file.
pub(crate) async fn on_sqlite_file<F, Fut>(case: F)
where
    F: FnOnce(SqliteStore) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let file = TempDb::new();
    let store = SqliteStore::connect(&file.url()).await.expect("SQLite file opens");
    store.migrate().await.expect("migrations run");
    let outcome = isolated(&store, case).await;
    store.pool().close().await;
    rethrow(outcome);
}

/// Runs `case` on a migrated in-memory SQLite database.
pub(crate) async fn on_sqlite_memory<F, Fut>(case: F)
where
    F: FnOnce(SqliteStore) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let store = SqliteStore::connect("sqlite::memory:").await.expect("in-memory SQLite opens");
    store.migrate().await.expect("migrations run");
    let outcome = isolated(&store, case).await;
    store.pool().close().await;
    rethrow(outcome);
}

/// Whether the machine's PostgreSQL answers. Without it the PostgreSQL
/// half of the suite is skipped with a notice, except on CI (`CI` set),
/// where that would hide a broken backend, so there it fails.
pub(crate) async fn postgres_available() -> bool {
    let attempt =
        tokio::time::timeout(Duration::from_secs(5), sqlx::PgConnection::connect(POSTGRES_URL)).await;
    let error = match attempt {
        Ok(Ok(connection)) => {
            connection.close().await.expect("probe connection closes");
            return true;
        }
        Ok(Err(e)) => e.to_string(),
        Err(_) => "no answer within 5 s".to_owned(),
    };
    assert!(std::env::var_os("CI").is_none(), "PostgreSQL at {POSTGRES_URL} is unreachable on CI: {error}");
    #[allow(clippy::print_stderr)] // The notice is the point: a skip must not be silent.
    {
        eprintln!(
            "note: PostgreSQL at {POSTGRES_URL} is unreachable ({error}); skipping the PostgreSQL store tests"
        );
    }
    false
}

/// A PostgreSQL store in a fresh schema of its own, and the schema's name.
pub(crate) async fn postgres_schema() -> (PgStore, String) {
    let schema = unique_name("aduan_test");
    let store = PgStore::connect_with_schema(POSTGRES_URL, &schema).await.expect("PostgreSQL connects");
    (store, schema)
}

/// Drops a schema made by [`postgres_schema`] and closes its store.
pub(crate) async fn drop_schema(store: &PgStore, schema: &str) {
    sqlx::query(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .execute(store.pool())
        .await
        .expect("schema drops");
    store.pool().close().await;
}

/// Runs `case` on a migrated PostgreSQL schema of its own, dropped after.
pub(crate) async fn on_postgres<F, Fut>(case: F)
where
    F: FnOnce(PgStore) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    if !postgres_available().await {
        return;
    }
    let (store, schema) = postgres_schema().await;
    if let Err(e) = store.migrate().await {
        drop_schema(&store, &schema).await;
        panic!("migrations fail: {e}");
    }
    let outcome = isolated(&store, case).await;
    drop_schema(&store, &schema).await;
    rethrow(outcome);
}

// COMPLAINTS

/// The instant the suite's world starts: Friday 27 March 2026, 10:00 WITA.
pub(crate) fn t0() -> DateTime<Utc> {
    "2026-03-27T02:00:00Z".parse().expect("an instant")
}

/// `t0` plus some minutes.
pub(crate) fn minutes(n: i64) -> DateTime<Utc> {
    t0() + TimeDelta::minutes(n)
}

/// What a citizen fills in, before validation.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// Makes the ticket, key and secret; distinct drafts get distinct ones.
    pub(crate) n: u64,
    /// Kind of report.
    pub(crate) kind: ComplaintKind,
    /// Title.
    pub(crate) title: String,
    /// Description.
    pub(crate) description: String,
    /// The agency addressed.
    pub(crate) agency: &'static str,
    /// Privacy.
    pub(crate) privacy: Privacy,
    /// When the server received it.
    pub(crate) received_at: DateTime<Utc>,
}

/// A complete *pengaduan* to `dpupr`, received `n` minutes after `t0`.
pub(crate) fn draft(n: u64) -> Draft {
    Draft {
        n,
        kind: ComplaintKind::Pengaduan,
        title: format!("Jalan rusak nomor {n}"),
        description: "Jalan di depan puskesmas berlubang besar dan membahayakan pengendara motor.".into(),
        agency: "dpupr",
        privacy: Privacy::Publik,
        received_at: minutes(i64::try_from(n).expect("small")),
    }
}

impl Draft {
    /// This draft with another title.
    pub(crate) fn titled(mut self, title: &str) -> Self {
        self.title = title.into();
        self
    }

    /// Validates the draft with the core and builds the submission the
    /// server would store.
    pub(crate) fn file(&self) -> Filed {
        let ctx = ValidationContext { now: self.received_at, zone: Zone::WITA, known_agencies: None };
        let input = ComplaintInput {
            kind: Some(self.kind),
            title: self.title.clone(),
            description: self.description.clone(),
            incident_date: Some(NaiveDate::from_ymd_opt(2026, 3, 20).expect("a date")),
            location: "Jl. A. Yani km 5, depan masjid".into(),
            coordinates: Some(Coordinates { lat: -3.3194, lon: 114.5908 }),
            agency: self.agency.into(),
            privacy: Some(self.privacy),
            reporter: ReporterInput {
                name: "Siti Aminah".into(),
                email: "siti@example.com".into(),
                phone: "0812 3456 7890".into(),
            },
        };
        let complaint = input
            .validate(Channel::WebWidget { origin: ORIGIN.into() }, &ctx)
            .unwrap_or_else(|e| panic!("draft {} is valid: {e:?}", self.n));
        let received = Event {
            at: self.received_at,
            actor: Actor::Reporter,
            action: Action::Received {
                kind: complaint.kind(),
                agency: complaint.agency().clone(),
                privacy: complaint.privacy(),
                channel: complaint.channel().kind(),
            },
        };
        let lifecycle = Lifecycle::start(&received).expect("a valid first event");
        let read_model = read_model(&lifecycle, self.received_at);
        // Spread the numbers over the ticket space, as random draws would.
        let ticket = TicketNumber::from_entropy(self.n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let submission = Submission {
            idempotency_key: format!("test:key-{}", self.n),
            ticket,
            secret_hash: sha256_hex(&format!("secret-{}", self.n)),
            complaint,
            received,
            read_model,
        };
        Filed { ticket, submission, lifecycle, events: Vec::new() }
    }
}

/// The read model of a lifecycle, with no clock counting.
pub(crate) fn read_model(lifecycle: &Lifecycle, updated_at: DateTime<Utc>) -> ReadModel {
    ReadModel {
        status: lifecycle.status(),
        agency: lifecycle.agency().cloned(),
        privacy: lifecycle.privacy(),
        version: lifecycle.version(),
        due_at: None,
        at_risk_at: None,
        auto_close_at: None,
        updated_at,
    }
}

/// A complaint as the tests track it beside the store.
#[derive(Debug, Clone)]
pub(crate) struct Filed {
    /// Its ticket.
    pub(crate) ticket: TicketNumber,
    /// What `submit` gets.
    pub(crate) submission: Submission,
    /// Its state after every event so far.
    pub(crate) lifecycle: Lifecycle,
    /// The events after `received`.
    pub(crate) events: Vec<Event>,
}

/// One event ready to append: the version it expects, the event, and the
/// read model after it.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    /// The version before the event.
    pub(crate) expected: u32,
    /// The event.
    pub(crate) event: Event,
    /// The read model after it.
    pub(crate) read_model: ReadModel,
}

impl Filed {
    /// Applies `action` by `actor` at `at` through the lifecycle (so only
    /// valid histories are stored) and returns the step to append.
    pub(crate) fn step(&mut self, actor: Actor, action: Action, at: DateTime<Utc>) -> Step {
        let expected = self.lifecycle.version();
        let event = Event { at, actor, action };
        self.lifecycle.apply(&event).expect("a valid transition");
        self.events.push(event.clone());
        Step { expected, event, read_model: read_model(&self.lifecycle, at) }
    }

    /// Every event so far, `received` first.
    pub(crate) fn history(&self) -> Vec<Event> {
        let mut all = vec![self.submission.received.clone()];
        all.extend(self.events.iter().cloned());
        all
    }
}

/// Appends a step, which must succeed.
pub(crate) async fn append<S: Store>(store: &S, ticket: &TicketNumber, step: &Step) {
    store.append(ticket, step.expected, &step.event, &step.read_model).await.expect("append succeeds");
}
