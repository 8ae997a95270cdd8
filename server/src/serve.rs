//! Running the server: open the store the database URL names, migrate, load
//! officers, start the automatic-closing task, and serve until SIGINT or
//! SIGTERM, finishing requests in flight.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use tokio::sync::watch;

use crate::app::{AppState, auto_close_once, router};
use crate::config::Config;
use crate::store::postgres::PgStore;
use crate::store::sqlite::SqliteStore;
use crate::store::{OfficerRecord, Store};

/// Which backend a database URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `sqlite:` URLs.
    Sqlite,
    /// `postgres:` and `postgresql:` URLs.
    Postgres,
}

/// The backend of a database URL.
///
/// # Errors
/// Any other scheme.
pub fn backend(url: &str) -> anyhow::Result<Backend> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Backend::Postgres)
    } else {
        anyhow::bail!("database_url must start with sqlite: or postgres:, not {url:?}")
    }
}

/// Opens and migrates the store of `config`, then runs `f` with it.
///
/// # Errors
/// Opening or migrating the database, or whatever `f` returns.
pub async fn with_store<F, R>(config: &Config, f: F) -> anyhow::Result<R>
where
    F: AsyncStoreFn<R>,
{
    match backend(&config.database_url)? {
        Backend::Sqlite => {
            std::fs::create_dir_all(&config.data_dir)
                .with_context(|| format!("cannot create data directory {}", config.data_dir.display()))?;
            let store = SqliteStore::connect(&config.database_url).await.context("cannot open SQLite")?;
            store.migrate().await.context("cannot migrate SQLite")?;
            f.call(store).await
        }
        Backend::Postgres => {
            let store =
                PgStore::connect(&config.database_url).await.context("cannot connect to PostgreSQL")?;
            store.migrate().await.context("cannot migrate PostgreSQL")?;
            f.call(store).await
        }
    }
}

/// A function over any store (Rust has no generic closures).
pub trait AsyncStoreFn<R> {
    /// Runs with the opened store.
    fn call<S: Store>(self, store: S) -> impl std::future::Future<Output = anyhow::Result<R>> + Send;
}

/// The officers of the configuration as the store keeps them.
#[must_use]
pub fn officers(config: &Config) -> Vec<OfficerRecord> {
    config
        .officers
        .iter()
        .map(|o| OfficerRecord {
            id: o.id.clone(),
            name: o.name.clone(),
            agency: o.agency.clone(),
            token_hash: o.token_sha256.to_ascii_lowercase(),
        })
        .collect()
}

/// The deployment's key that derives access secrets from idempotency keys,
/// kept in the database so that every instance shares it.
///
/// # Errors
/// No randomness, or the database fails.
pub async fn secret_key<S: Store>(store: &S) -> anyhow::Result<[u8; 32]> {
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(store.server_key(fresh).await?)
}

/// How long requests in flight may take to finish after SIGTERM.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

struct Serve {
    config: Config,
}

impl AsyncStoreFn<()> for Serve {
    async fn call<S: Store>(self, store: S) -> anyhow::Result<()> {
        let config = self.config;
        store.sync_officers(&officers(&config)).await.context("cannot store officers")?;
        let key = secret_key(&store).await?;
        let today = config.default_zone.local_date(chrono::Utc::now());
        let last = config.calendar.last_date();
        if (last - today).num_days() < 60 {
            tracing::warn!(
                "the holiday calendar ends on {last}: load the next year's libur nasional and cuti bersama \
                 ([calendar] in the config) before then, or deadlines will be unknown"
            );
        }
        if !crate::widgets::embedded() {
            tracing::warn!(
                "this build embeds no widgets bundle: /widgets/aduan.js answers 503. Run `cargo xtask \
                 build-widgets`, then build the server again"
            );
        }
        let listen = config.listen;
        let interval = config.auto_close_interval.max(Duration::from_secs(1));
        let state = AppState::new(store, config, key);
        let (stop_tx, stop_rx) = watch::channel(false);
        let auto_close = tokio::spawn(auto_close_loop(state.clone(), interval, stop_rx));
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        tracing::info!("listening on http://{}", listener.local_addr()?);
        let (signalled_tx, mut signalled) = watch::channel(false);
        let server = axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async move {
                shutdown_signal().await;
                tracing::info!("shutting down: finishing requests in flight");
                let _ = signalled_tx.send(true);
            });
        // Requests in flight get a grace period; a client that never
        // finishes must not keep a deploy waiting forever.
        let deadline = async move {
            let _ = signalled.changed().await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        };
        tokio::select! {
            result = std::future::IntoFuture::into_future(server) => result?,
            () = deadline => tracing::warn!("requests still in flight after {SHUTDOWN_GRACE:?}: stopping anyway"),
        }
        let _ = stop_tx.send(true);
        let _ = auto_close.await;
        tracing::info!("stopped");
        Ok(())
    }
}

async fn auto_close_loop<S: Store>(state: AppState<S>, every: Duration, mut stop: watch::Receiver<bool>) {
    loop {
        match auto_close_once(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(closed = n, "closed followed-up complaints automatically"),
            Err(e) => tracing::error!(error = ?e, "automatic closing failed"),
        }
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM: when a server
/// should stop taking requests.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

/// `aduan serve`.
///
/// # Errors
/// Anything that stops the server from starting.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let c = config.clone();
    with_store(&c, Serve { config }).await
}

struct Migrate;

impl AsyncStoreFn<()> for Migrate {
    async fn call<S: Store>(self, _store: S) -> anyhow::Result<()> {
        tracing::info!("migrations applied");
        Ok(())
    }
}

/// `aduan migrate`: applies migrations and exits.
///
/// # Errors
/// Opening or migrating the database.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    with_store(config, Migrate).await
}

struct Rebuild {
    config: Config,
}

impl AsyncStoreFn<usize> for Rebuild {
    async fn call<S: Store>(self, store: S) -> anyhow::Result<usize> {
        let now = chrono::Utc::now();
        let mut rebuilt = 0;
        let mut failed = 0;
        for (ticket, events) in store.histories(None).await? {
            let result = match crate::derive::derive(&self.config, &events, now) {
                Ok(derived) => store
                    .rebuild_read_model(&ticket, &crate::derive::read_model(&derived))
                    .await
                    .map_err(Into::into),
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => rebuilt += 1,
                // A complaint that moved on meanwhile already has a fresh read model.
                Err(e)
                    if matches!(
                        e.downcast_ref::<crate::store::StoreError>(),
                        Some(crate::store::StoreError::Conflict { .. })
                    ) =>
                {
                    rebuilt += 1;
                }
                Err(e) => {
                    failed += 1;
                    tracing::error!(%ticket, error = ?e, "read model not rebuilt");
                }
            }
        }
        if failed > 0 {
            anyhow::bail!("{failed} complaints could not be rebuilt (see the log); {rebuilt} were");
        }
        Ok(rebuilt)
    }
}

/// `aduan rebuild`: derives every complaint's read model anew from its
/// events (after a change of SLA policy or holiday calendar).
///
/// # Errors
/// Opening the database, or a history that no longer folds.
pub async fn rebuild(config: Config) -> anyhow::Result<usize> {
    let c = config.clone();
    with_store(&c, Rebuild { config }).await
}
