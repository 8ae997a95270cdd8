//! `aduan-demo serve`: the whole demo in one process.
//!
//! 1. The demo database, a SQLite file (`target/demo/aduan-demo.sqlite3`
//!    unless told otherwise): seeded afresh, or reused when the marker file
//!    beside it (`….seed.json`) says it was seeded with the same seed,
//!    "now" and generator ([`fingerprint`]); `fresh` always seeds anew.
//! 2. The Aduan server itself (`aduan_server::app::router` over that
//!    database with the demo configuration), with its automatic-closing
//!    task, on the API origin (`127.0.0.1:8080` by default).
//! 3. The demo's host pages ([`crate::pages`]) on a second origin
//!    (`127.0.0.1:8081` by default), so the widgets embedded there talk to
//!    the server cross-origin, as on a real agency site.
//!
//! [`start`] returns once both listen; [`Running::stop`] stops them,
//! letting requests in flight finish.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use aduan_server::app::{AppState, Clock, auto_close_once, router};
use aduan_server::config::{Config, hash_token};
use aduan_server::store::Store;
use aduan_server::store::sqlite::SqliteStore;
use anyhow::Context;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::pages::{self, Officer, Sample, Site};
use crate::{DEFAULT_SEED, default_now, seed_database};

/// How the demo runs.
#[derive(Clone)]
pub struct Options {
    /// The SQLite file of the demo database.
    pub database: PathBuf,
    /// Where the Aduan server listens (port 0: any free port).
    pub api: SocketAddr,
    /// Where the demo pages are served (port 0: any free port).
    pub pages: SocketAddr,
    /// The generator's seed.
    pub seed: u64,
    /// The instant the generated histories are cut at.
    pub now: DateTime<Utc>,
    /// Seed a fresh database even if a matching one exists.
    pub fresh: bool,
    /// The server's clock; `None` is the real clock. Tests run the demo on
    /// a clock of their own, so that what they file lands in a known month
    /// whatever day they run.
    pub clock: Option<Clock>,
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("database", &self.database)
            .field("api", &self.api)
            .field("pages", &self.pages)
            .field("seed", &self.seed)
            .field("now", &self.now)
            .field("fresh", &self.fresh)
            .field("clock", &self.clock.as_ref().map(|now| now()))
            .finish()
    }
}

impl Options {
    /// The defaults: `database`, the server on `127.0.0.1:8080`, the pages
    /// on `127.0.0.1:8081`, the default seed and "now", reusing a matching
    /// database.
    #[must_use]
    pub fn new(database: PathBuf) -> Self {
        Self {
            database,
            api: SocketAddr::from(([127, 0, 0, 1], 8080)),
            pages: SocketAddr::from(([127, 0, 0, 1], 8081)),
            seed: DEFAULT_SEED,
            now: default_now(),
            fresh: false,
            clock: None,
        }
    }
}

/// The default demo database: `target/demo/aduan-demo.sqlite3` in the
/// workspace this crate was built in (`CARGO_TARGET_DIR` honoured), or in
/// the current directory when that workspace is gone.
#[must_use]
pub fn default_database() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf);
    let workspace = workspace.filter(|w| w.join("Cargo.toml").is_file()).unwrap_or_default();
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace.join("target"), |t| workspace.join(t));
    target.join("demo").join("aduan-demo.sqlite3")
}

/// A fingerprint of what makes the demo's rows: this crate's version, the
/// generator, the complaint catalog, the seeding code and the demo
/// configuration. A database seeded by another fingerprint is seeded anew.
#[must_use]
pub fn fingerprint() -> String {
    let mut hash = Sha256::new();
    for part in [
        env!("CARGO_PKG_VERSION"),
        include_str!("generate.rs"),
        include_str!("catalog.rs"),
        include_str!("seed.rs"),
        crate::CONFIG_TOML,
    ] {
        hash.update(part.len().to_le_bytes());
        hash.update(part.as_bytes());
    }
    hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// What the marker beside a seeded database records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seeding {
    /// The seed.
    pub seed: u64,
    /// The instant the histories were cut at.
    pub now: DateTime<Utc>,
    /// The generator's [`fingerprint`].
    pub fingerprint: String,
    /// Complaints stored.
    pub complaints: usize,
    /// Events stored.
    pub events: usize,
    /// Tickets a reporter can follow, with their access codes.
    pub samples: Vec<(String, String)>,
}

impl Seeding {
    fn to_json(&self) -> String {
        let samples: Vec<_> = self
            .samples
            .iter()
            .map(|(ticket, secret)| serde_json::json!({"ticket": ticket, "access_code": secret}))
            .collect();
        let value = serde_json::json!({
            "seed": self.seed,
            "now": self.now.to_rfc3339(),
            "fingerprint": self.fingerprint,
            "complaints": self.complaints,
            "events": self.events,
            "samples": samples,
        });
        format!("{value:#}\n")
    }

    fn from_json(text: &str) -> Option<Self> {
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        let samples = v["samples"]
            .as_array()?
            .iter()
            .map(|s| Some((s["ticket"].as_str()?.to_owned(), s["access_code"].as_str()?.to_owned())))
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            seed: v["seed"].as_u64()?,
            now: DateTime::parse_from_rfc3339(v["now"].as_str()?).ok()?.with_timezone(&Utc),
            fingerprint: v["fingerprint"].as_str()?.to_owned(),
            complaints: usize::try_from(v["complaints"].as_u64()?).ok()?,
            events: usize::try_from(v["events"].as_u64()?).ok()?,
            samples,
        })
    }
}

/// The marker file of a demo database.
#[must_use]
pub fn marker_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".seed.json");
    PathBuf::from(name)
}

/// Whether the database was reused or seeded now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Prepared {
    /// A database seeded earlier with the same seed, now and generator.
    Reused,
    /// Seeded now, in this many seconds.
    Seeded(Duration),
}

/// Seeds the demo database, or reuses it (see the module docs).
///
/// # Errors
/// When the database cannot be removed, created or seeded.
pub async fn prepare(config: &Config, options: &Options) -> anyhow::Result<(Seeding, Prepared)> {
    let database = &options.database;
    let marker = marker_path(database);
    if !options.fresh && database.is_file() {
        let recorded = std::fs::read_to_string(&marker).ok().and_then(|t| Seeding::from_json(&t));
        if let Some(recorded) = recorded
            .filter(|r| r.seed == options.seed && r.now == options.now && r.fingerprint == fingerprint())
        {
            return Ok((recorded, Prepared::Reused));
        }
    }
    // The marker goes first: a database without one is never reused.
    for path in
        [marker.clone(), database.clone(), with_suffix(database, "-wal"), with_suffix(database, "-shm")]
    {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot remove {}", path.display())),
        }
    }
    let started = Instant::now();
    let seeded = seed_database(&sqlite_url(database), config, options.seed, options.now)
        .await
        .with_context(|| format!("cannot seed {}", database.display()))?;
    let seeding = Seeding {
        seed: options.seed,
        now: options.now,
        fingerprint: fingerprint(),
        complaints: seeded.complaints,
        events: seeded.events,
        samples: seeded.samples.iter().map(|(t, s)| (t.to_string(), s.clone())).collect(),
    };
    std::fs::write(&marker, seeding.to_json())
        .with_context(|| format!("cannot write {}", marker.display()))?;
    Ok((seeding, Prepared::Seeded(started.elapsed())))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

/// The running demo.
#[derive(Debug)]
pub struct Running {
    /// The Aduan server's origin, `http://127.0.0.1:8080`.
    pub api: String,
    /// The demo pages' origin, `http://127.0.0.1:8081`.
    pub pages: String,
    /// The seeding of the database served.
    pub seeding: Seeding,
    /// Whether it was seeded now or reused.
    pub prepared: Prepared,
    /// The demo officers and their tokens.
    pub officers: Vec<Officer>,
    /// Whether this server build embeds the widgets' bundle.
    pub widgets: bool,
    /// Whether this server build has the officer console at `/console`.
    pub console: bool,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

/// How long requests in flight may take after [`Running::stop`].
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

impl Running {
    /// Stops both servers and the automatic closing, letting requests in
    /// flight finish (at most [`SHUTDOWN_GRACE`]).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let all = join_all(self.tasks);
        if tokio::time::timeout(SHUTDOWN_GRACE, all).await.is_err() {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("aduan-demo: requests still in flight after {SHUTDOWN_GRACE:?}: stopping anyway");
            }
        }
    }

    /// The start-up message: what runs where, the tokens and the samples.
    #[must_use]
    pub fn banner(&self, database: &Path) -> String {
        let (api, pages) = (&self.api, &self.pages);
        let how = match self.prepared {
            Prepared::Reused => "reused".to_owned(),
            Prepared::Seeded(took) => format!("seeded in {:.1} s", took.as_secs_f64()),
        };
        let mut out = format!(
            "\nAduan demo: {} complaints ({} events), seed {}, {how}: {}\n\n",
            self.seeding.complaints,
            self.seeding.events,
            self.seeding.seed,
            database.display()
        );
        let console = if self.console {
            ""
        } else {
            "   (NOT EMBEDDED: run `cargo xtask build-widgets`, or use `cargo xtask demo`)"
        };
        let widgets = if self.widgets {
            ""
        } else {
            "   (NOT EMBEDDED: run `cargo xtask build-widgets`, or use `cargo xtask demo`)"
        };
        out += &format!("  Start here          {pages}/\n");
        out += &format!(
            "  Provincial portal   {pages}/dinkes/      Dinas Kesehatan Provinsi Kalimantan Selatan\n"
        );
        out += &format!(
            "  Regency portal      {pages}/banjar/      Pemerintah Kabupaten Banjar (hostile CSS)\n"
        );
        out += &format!("  Aduan server        {api}\n");
        out += &format!("  API document        {api}/api/v1/openapi.json\n");
        out += &format!("  Badge (SVG)         {api}/badge/dinkes.svg?period=2025\n");
        out += &format!("  Widgets             {api}/widgets/aduan.js{widgets}\n");
        out += &format!("  Officer console     {api}/console{console}\n\n");
        out += "  Officer tokens (demo only):\n";
        out += "    demo-koordinator    Admin Koordinator Diskominfo (every agency)\n";
        out += "    demo-<agency id>    that agency's admin penghubung, e.g. demo-dinkes, demo-kab-banjar\n";
        out += &format!(
            "                        ({} agencies; all listed on {pages}/)\n\n",
            self.officers.len().saturating_sub(1)
        );
        out += "  Tickets to follow in the tracker (ticket, access code):\n";
        for (ticket, secret) in &self.seeding.samples {
            out += &format!("    {ticket}  {secret}   {pages}/dinkes/lacak#tiket={ticket}\n");
        }
        out += "\nPress Ctrl-C to stop.\n";
        out
    }
}

async fn join_all(tasks: Vec<JoinHandle<()>>) {
    for task in tasks {
        let _ = task.await;
    }
}

/// The demo officers: the configured officers whose token is `demo-`
/// followed by their agency id (`demo-koordinator` for the koordinator),
/// checked against the configured hashes.
#[must_use]
pub fn officers(config: &Config) -> Vec<Officer> {
    config
        .officers
        .iter()
        .filter_map(|o| {
            let token = match &o.agency {
                Some(agency) => format!("demo-{agency}"),
                None => "demo-koordinator".to_owned(),
            };
            let agency = o.agency.as_ref().and_then(|a| config.agency(a)).map(|a| a.name.clone());
            (hash_token(&token).eq_ignore_ascii_case(&o.token_sha256)).then(|| Officer {
                token,
                name: o.name.clone(),
                agency,
            })
        })
        .collect()
}

/// Prepares the database and starts the server and the pages.
///
/// # Errors
/// A port already taken, or a database that cannot be prepared or opened.
pub async fn start(mut config: Config, options: &Options) -> anyhow::Result<Running> {
    // The ports first: a taken port fails before seeding.
    let api_listener = TcpListener::bind(options.api)
        .await
        .with_context(|| format!("cannot listen on {} (pass another --port)", options.api))?;
    let pages_listener = TcpListener::bind(options.pages)
        .await
        .with_context(|| format!("cannot listen on {} (pass another --pages-port)", options.pages))?;
    let api = format!("http://{}", api_listener.local_addr()?);
    let pages_origin = format!("http://{}", pages_listener.local_addr()?);

    let (seeding, prepared) = prepare(&config, options).await?;
    config.database_url = sqlite_url(&options.database);
    if let Some(dir) = options.database.parent() {
        config.data_dir = dir.to_path_buf();
    }
    config.listen = api_listener.local_addr()?;
    config.public_url = Some(api.clone());

    let store = SqliteStore::connect(&config.database_url).await.context("cannot open the demo database")?;
    store.migrate().await.context("cannot migrate the demo database")?;
    store.sync_officers(&aduan_server::serve::officers(&config)).await.context("cannot store officers")?;
    let key = aduan_server::serve::secret_key(&store).await?;
    let officers = officers(&config);
    let interval = config.auto_close_interval.max(Duration::from_secs(1));
    let mut state = AppState::new(store, config, key);
    if let Some(clock) = &options.clock {
        state = state.with_clock(Arc::clone(clock));
    }
    let app = router(state.clone());
    let console = has_console(&app).await;
    let widgets = aduan_server::widgets::embedded();

    let site = Site::render(&pages::Context {
        api: &api,
        pages: &pages_origin,
        officers: &officers,
        samples: &seeding
            .samples
            .iter()
            .map(|(ticket, access_code)| Sample { ticket: ticket.clone(), access_code: access_code.clone() })
            .collect::<Vec<_>>(),
        console,
        widgets,
        seed: seeding.seed,
    });

    let (stop, stopped) = watch::channel(false);
    let until_stopped = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|s| *s).await;
    };
    let api_server = axum::serve(api_listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(until_stopped(stopped.clone()));
    let pages_server = axum::serve(pages_listener, pages::router(Arc::new(site)))
        .with_graceful_shutdown(until_stopped(stopped.clone()));
    let tasks = vec![
        tokio::spawn(async move {
            if let Err(e) = api_server.await {
                #[allow(clippy::print_stderr)]
                {
                    eprintln!("aduan-demo: the Aduan server failed: {e}");
                }
            }
        }),
        tokio::spawn(async move {
            if let Err(e) = pages_server.await {
                #[allow(clippy::print_stderr)]
                {
                    eprintln!("aduan-demo: the demo pages failed: {e}");
                }
            }
        }),
        tokio::spawn(auto_close_loop(state, interval, stopped)),
    ];
    Ok(Running { api, pages: pages_origin, seeding, prepared, officers, widgets, console, stop, tasks })
}

/// Whether the router serves the officer console at `/console` (a server
/// built before the console's bundle answers 503 there).
async fn has_console(app: &axum::Router) -> bool {
    use tower::ServiceExt;
    let request = axum::http::Request::get("/console").body(axum::body::Body::empty());
    match request {
        Ok(request) => {
            app.clone().oneshot(request).await.is_ok_and(|r| r.status() == axum::http::StatusCode::OK)
        }
        Err(_) => false,
    }
}

/// The server's automatic closing of followed-up complaints, as
/// `aduan serve` runs it.
async fn auto_close_loop<S: Store>(state: AppState<S>, every: Duration, mut stop: watch::Receiver<bool>) {
    loop {
        match auto_close_once(&state).await {
            Ok(0) => {}
            Ok(n) => report(&format!("closed {n} followed-up complaints automatically")),
            Err(e) => report(&format!("automatic closing failed: {e:#}")),
        }
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            _ = stop.wait_for(|s| *s) => return,
        }
    }
}

fn report(message: &str) {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("aduan-demo: {message}");
    }
}
