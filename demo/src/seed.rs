//! Writing generated complaints into a database through the server's
//! [`Store`], exactly as the server's handlers write real ones: the
//! submission validated with the core and stored with its ticket, the hash
//! of its access secret (derived from the idempotency key with the
//! deployment's key) and the read model after `received`; then every later
//! event checked by the core's lifecycle and appended with the read model
//! the server derives at that instant.

use std::fmt;

use aduan_core::complaint::ValidationContext;
use aduan_core::lifecycle::{Action, Actor, Event, Lifecycle};
use aduan_core::sla::{SlaContext, apply_checked};
use aduan_core::{AccessSecret, AgencyId, Channel, TicketNumber};
use aduan_server::config::Config;
use aduan_server::derive;
use aduan_server::store::{Store, StoreError, Submission, SubmitOutcome, sha256_hex};
use chrono::{DateTime, Utc};
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

/// The access secret the server hands out for a submission with this
/// idempotency key: HMAC-SHA-256 of the key under the deployment's key,
/// as `aduan_server::app` derives it (its function is private, so it is
/// repeated here; a test checks the seeded secrets open their complaints
/// through the real API).
#[must_use]
pub fn access_secret(server_key: &[u8; 32], idempotency_key: &str) -> AccessSecret {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(server_key).expect("HMAC takes any key length");
    mac.update(b"aduan access secret\0");
    mac.update(idempotency_key.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut entropy = [0u8; 16];
    entropy.copy_from_slice(&digest[..16]);
    AccessSecret::from_entropy(entropy)
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
        if finished && samples.len() < 3 && complaint.events[0].at.format("%Y").to_string() == "2025" {
            samples.push((
                complaint.ticket,
                access_secret(&key, &complaint.idempotency_key).expose().to_owned(),
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
    let expected = Event {
        at: now,
        actor,
        action: Action::Received {
            kind: validated.kind(),
            agency: validated.agency().clone(),
            privacy: validated.privacy(),
            channel: validated.channel().kind(),
        },
    };
    if *received != expected {
        return Err(rejected(format!(
            "received event {received:?} is not what the server makes: {expected:?}"
        )));
    }
    let lifecycle = Lifecycle::start(received).map_err(|e| rejected(e.to_string()))?;
    let derived = derive::measure(config, lifecycle, now).map_err(|e| rejected(e.to_string()))?;
    let secret = access_secret(key, &complaint.idempotency_key);
    let submission = Submission {
        idempotency_key: sha256_hex(&format!("idempotency:{}", complaint.idempotency_key)),
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
