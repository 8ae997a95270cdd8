//! Writing generated complaints into a database through the server's
//! [`Store`], exactly as the server's handlers write real ones: the
//! submission validated with the core and stored with its ticket, the hash
//! of its access secret (derived from the idempotency key with the
//! deployment's key) and the read model after `received`; then every later
//! event checked by the core's lifecycle and appended with the read model
//! the server derives at that instant.

use std::fmt;

use aduan_core::complaint::ValidationContext;
use aduan_core::lifecycle::{Actor, Lifecycle};
use aduan_core::sla::{SlaContext, apply_checked};
use aduan_core::{AgencyId, Channel, TicketNumber};
use aduan_server::app::{derive_secret, received_event, stored_idempotency_key};
use aduan_server::config::Config;
use aduan_server::derive;
use aduan_server::store::{Store, StoreError, Submission, SubmitOutcome, sha256_hex};
use chrono::{DateTime, Datelike, Utc};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

use crate::generate::{DemoComplaint, GenerateError, generate};

/// What [`seed`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seeded {
    /// Complaints stored.
    pub complaints: usize,
    /// Events stored, `received` included.
    pub events: usize,
    /// A few complaints a reporter could follow in the tracker: ticket and
    /// access secret, for the demo's start-up message.
    pub samples: Vec<(TicketNumber, String)>,
}

/// Why seeding failed.
#[derive(Debug)]
pub enum SeedError {
    /// The generator could not run.
    Generate(GenerateError),
    /// The database already holds complaints: the demo seeds only a fresh one.
    NotEmpty,
    /// A generated complaint failed the server's checks (a bug).
    Rejected {
        /// Its ticket.
        ticket: TicketNumber,
        /// Why.
        reason: String,
    },
    /// The database failed.
    Store(StoreError),
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Generate(e) => e.fmt(f),
            Self::NotEmpty => f.write_str("the database already holds complaints; seed a fresh database"),
            Self::Rejected { ticket, reason } => write!(f, "generated complaint {ticket} rejected: {reason}"),
            Self::Store(e) => write!(f, "storage failed: {e}"),
        }
    }
}

impl std::error::Error for SeedError {}

impl From<StoreError> for SeedError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

impl From<GenerateError> for SeedError {
    fn from(e: GenerateError) -> Self {
        Self::Generate(e)
    }
}

/// The deployment key a demo database gets: derived from the seed, so the
/// database is the same for the same seed. Anyone who knows the seed can
/// derive every access secret of a demo database: never deploy one.
#[must_use]
pub fn demo_server_key(seed: u64) -> [u8; 32] {
    let mut key = [0u8; 32];
    ChaCha8Rng::seed_from_u64(seed ^ 0x6164_7561_6e2d_6b65).fill_bytes(&mut key);
    key
}

/// Generates the demo's complaints from `seed` (histories cut at `now`) and
/// writes them into `store`, which must hold no complaint yet; also stores
/// the configured officers and the deployment key.
///
/// # Errors
/// [`SeedError`]: a database that already holds complaints, a storage
/// failure, or a generated complaint the server's checks refuse.
pub async fn seed<S: Store>(
    store: &S,
    config: &Config,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Seeded, SeedError> {
    let complaints = generate(config, seed, now)?;
    if !store.histories(None).await?.is_empty() {
        return Err(SeedError::NotEmpty);
    }
    store.sync_officers(&aduan_server::serve::officers(config)).await?;
    let key = store.server_key(demo_server_key(seed)).await?;
    let mut events = 0;
    let mut samples = Vec::new();
    for complaint in &complaints {
        events += write(store, config, &key, complaint).await?;
        let finished =
            complaint.events.len() >= 6 && complaint.input.privacy != Some(aduan_core::Privacy::Rahasia);
        let year = config.default_zone.local_date(complaint.events[0].at).year();
        if finished && samples.len() < 3 && year == 2025 {
            samples.push((
                complaint.ticket,
                derive_secret(&key, &complaint.idempotency_key).expose().to_owned(),
            ));
        }
    }
    Ok(Seeded { complaints: complaints.len(), events, samples })
}

/// Stores one complaint as the server's `submit` and `act` would.
async fn write<S: Store>(
    store: &S,
    config: &Config,
    key: &[u8; 32],
    complaint: &DemoComplaint,
) -> Result<usize, SeedError> {
    let ticket = complaint.ticket;
    let rejected = |reason: String| SeedError::Rejected { ticket, reason };
    let received = complaint.events.first().ok_or_else(|| rejected("no events".to_owned()))?;
    let now = received.at;
    let known: Vec<AgencyId> = config.agencies.iter().map(|a| a.id.clone()).collect();
    let zone =
        AgencyId::new(complaint.input.agency.trim()).map_or(config.default_zone, |a| config.zone_of(&a));
    let ctx = ValidationContext { now, zone, known_agencies: Some(&known) };
    let validated = complaint
        .input
        .validate(complaint.channel.clone(), &ctx)
        .map_err(|e| rejected(format!("{:?}", e.errors())))?;
    // The `received` event exactly as the server builds it.
    let actor = match complaint.channel {
        Channel::WebWidget { .. } => Actor::Reporter,
        _ => Actor::Koordinator,
    };
    let expected = received_event(&validated, actor, now);
    if *received != expected {
        return Err(rejected(format!(
            "received event {received:?} is not what the server makes: {expected:?}"
        )));
    }
    let lifecycle = Lifecycle::start(received).map_err(|e| rejected(e.to_string()))?;
    let derived = derive::measure(config, lifecycle, now).map_err(|e| rejected(e.to_string()))?;
    let secret = derive_secret(key, &complaint.idempotency_key);
    let submission = Submission {
        idempotency_key: stored_idempotency_key(&complaint.idempotency_key),
        ticket,
        secret_hash: sha256_hex(secret.expose()),
        complaint: validated,
        received: received.clone(),
        read_model: derive::read_model(&derived),
    };
    match store.submit(submission).await? {
        SubmitOutcome::Created => {}
        SubmitOutcome::Replayed(_) => return Err(rejected("idempotency key already used".to_owned())),
    }
    let mut lifecycle = derived.lifecycle;
    for event in &complaint.events[1..] {
        let version = lifecycle.version();
        let zone = derive::zone_for(config, &lifecycle);
        let ctx = SlaContext { policy: &config.sla, calendar: &config.calendar, zone };
        apply_checked(&mut lifecycle, event, &ctx).map_err(|e| rejected(e.to_string()))?;
        let derived = derive::measure(config, lifecycle, event.at).map_err(|e| rejected(e.to_string()))?;
        store.append(&ticket, version, event, &derive::read_model(&derived)).await?;
        lifecycle = derived.lifecycle;
    }
    Ok(complaint.events.len())
}

/// Creates the database at `url` (a `sqlite:` file or a `postgres://`
/// database), applies the server's migrations and seeds it as [`seed`]
/// does: the one call a demo start needs.
///
/// A SQLite file that does not exist yet is written without waiting for
/// the disk after every commit (`synchronous = OFF` on the store's
/// connections while seeding), which takes seconds instead of the quarter
/// of a minute ten thousand durable commits take; the rows are the same,
/// and the server opens the file with its usual durable settings.
///
/// # Errors
/// As [`seed`], and [`SeedError::Store`] when the database cannot be
/// opened, migrated or written.
pub async fn seed_database(
    url: &str,
    config: &Config,
    seed_value: u64,
    now: DateTime<Utc>,
) -> Result<Seeded, SeedError> {
    use std::str::FromStr;

    use aduan_server::store::postgres::PgStore;
    use aduan_server::store::sqlite::SqliteStore;

    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let store = PgStore::connect(url).await?;
        store.migrate().await?;
        return seed(&store, config, seed_value, now).await;
    }
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url).map_err(StoreError::Database)?;
    let path = options.get_filename().to_owned();
    let fresh_file = !(url.contains(":memory:") || url.contains("mode=memory") || path.exists());
    if fresh_file {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
        }
    }
    let store = SqliteStore::connect(url).await?;
    store.migrate().await?;
    if fresh_file {
        // Every connection the pool will hand out (it keeps up to eight),
        // held at once so each gets the setting.
        let mut held = Vec::new();
        for _ in 0..8 {
            let mut connection = store.pool().acquire().await.map_err(StoreError::Database)?;
            sqlx::query("PRAGMA synchronous = OFF")
                .execute(&mut *connection)
                .await
                .map_err(StoreError::Database)?;
            held.push(connection);
        }
    }
    let seeded = seed(&store, config, seed_value, now).await?;
    if fresh_file {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(store.pool())
            .await
            .map_err(StoreError::Database)?;
    }
    store.pool().close().await;
    Ok(seeded)
}
