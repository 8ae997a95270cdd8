//! The Aduan server, a fault-injecting proxy in front of it, and a second
//! origin serving host pages, all on loopback ports of this process.
//!
//! The widgets talk to the server through the proxy (their `api` and the
//! loader's origin), as a citizen's phone talks to it through a mobile
//! network; the host pages come from another origin, as an agency's site
//! does, so every widget request is a real cross-origin request.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use aduan_server::app::{AppState, router};
use aduan_server::config::Config;
use aduan_server::store::Store;
use aduan_server::store::sqlite::SqliteStore;
use anyhow::Context;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::Value;
use tokio::net::TcpListener;

use crate::proxy::FaultProxy;

/// The example tokens of `server/aduan.example.toml` (published, never for
/// deployments): the provincial koordinator.
pub const KOORDINATOR: &str = "contoh-koordinator-JANGAN-DIPAKAI";
/// … and the admin penghubung of Dinas Kesehatan.
pub const PENGHUBUNG_DINKES: &str = "contoh-dinkes-JANGAN-DIPAKAI";

/// A running server with its proxy and host pages; everything stops when
/// it is dropped.
#[derive(Debug)]
pub struct Stack {
    /// The server itself: `http://127.0.0.1:PORT`.
    pub direct: String,
    /// The proxy in front of it, which the widgets use.
    pub proxy: FaultProxy,
    /// The host pages' origin.
    pub host: String,
    pages: Pages,
    http: HttpClient,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    dir: PathBuf,
    started: std::time::Instant,
}

/// The instant the stack's server clock starts at: Tuesday 2 June 2026,
/// 09:00 WITA, a working day inside the example configuration's holiday
/// calendar (which ends with 2026). The clock runs on from there at real
/// speed, so the tests mean the same whatever day they run.
#[must_use]
pub fn clock_start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 2, 1, 0, 0).single().expect("a valid instant")
}

type Pages = Arc<Mutex<HashMap<String, String>>>;
type HttpClient = hyper_util::client::legacy::Client<
    hyper_util::client::legacy::connect::HttpConnector,
    http_body_util::Full<bytes::Bytes>,
>;

/// A JSON answer of the server.
#[derive(Debug)]
pub struct Reply {
    /// Its status.
    pub status: StatusCode,
    /// Its body, `Null` when not JSON.
    pub body: Value,
}

impl Stack {
    /// Starts the server on a fresh SQLite database, configured by
    /// `server/aduan.example.toml` (the Kalsel agencies, awards and example
    /// officers), with submission limits raised so tests do not trip them.
    ///
    /// # Errors
    /// When the example configuration, the database or a port fails.
    pub async fn start() -> anyhow::Result<Self> {
        let dir = std::env::temp_dir().join(format!("aduan-stack-{}-{}", std::process::id(), unique()));
        std::fs::create_dir_all(&dir)?;
        let config = config(&dir)?;
        let store = SqliteStore::connect(&config.database_url).await?;
        store.migrate().await?;
        store.sync_officers(&aduan_server::serve::officers(&config)).await?;
        let key = aduan_server::serve::secret_key(&store).await?;
        let started = std::time::Instant::now();
        let clock: aduan_server::app::Clock = Arc::new(move || {
            clock_start() + chrono::Duration::from_std(started.elapsed()).unwrap_or_default()
        });
        let app = router(AppState::new(store, config, key).with_clock(clock));
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let server_addr = listener.local_addr()?;
        let mut tasks = vec![tokio::spawn(async move {
            let _ = axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await;
        })];
        let proxy = FaultProxy::start(server_addr).await?;
        let pages = Pages::default();
        let page_app =
            axum::Router::new().route("/{name}", axum::routing::get(page)).with_state(Arc::clone(&pages));
        let page_listener = TcpListener::bind("127.0.0.1:0").await?;
        let host = format!("http://{}", page_listener.local_addr()?);
        tasks.push(tokio::spawn(async move {
            let _ = axum::serve(page_listener, page_app).await;
        }));
        let http =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http();
        Ok(Self { direct: format!("http://{server_addr}"), proxy, host, pages, http, tasks, dir, started })
    }

    /// The server's "now" (see [`clock_start`]).
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        clock_start() + chrono::Duration::from_std(self.started.elapsed()).unwrap_or_default()
    }

    /// The server's date in WITA, the example agencies' zone.
    #[must_use]
    pub fn today(&self) -> NaiveDate {
        (self.now() + chrono::Duration::hours(8)).date_naive()
    }

    /// The origin the widgets talk to (the proxy).
    #[must_use]
    pub fn api(&self) -> String {
        self.proxy.url()
    }

    /// Serves `body` inside the hostile host page (see [`hostile_page`])
    /// at `/{name}` on the host origin, and returns its URL.
    ///
    /// # Panics
    /// If another test thread panicked while holding the pages.
    #[must_use]
    pub fn page(&self, name: &str, body: &str) -> String {
        let html = hostile_page(&self.api(), body);
        self.pages.lock().expect("pages lock").insert(name.to_owned(), html);
        format!("{}/{name}", self.host)
    }

    /// `GET path` on the server, as the officer with `token` when given.
    ///
    /// # Errors
    /// When the server cannot be reached.
    pub async fn get(&self, path: &str, token: Option<&str>) -> anyhow::Result<Reply> {
        let mut request = axum::http::Request::get(format!("{}{path}", self.direct));
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        self.send(request.body(http_body_util::Full::default())?).await
    }

    /// Submits `complaint` as a citizen's browser on an agency site would.
    ///
    /// # Errors
    /// When the server cannot be reached.
    pub async fn submit(&self, idempotency_key: &str, complaint: &Value) -> anyhow::Result<Reply> {
        let request = axum::http::Request::post(format!("{}/api/v1/complaints", self.direct))
            .header(header::ORIGIN, self.host.as_str())
            .header("idempotency-key", idempotency_key)
            .header(header::CONTENT_TYPE, "application/json")
            .body(http_body_util::Full::new(bytes::Bytes::from(complaint.to_string())))?;
        self.send(request).await
    }

    /// Acts on complaint `ticket` at `version` as the officer with `token`
    /// (`action` is the `action` member of the request, e.g.
    /// `{"type": "verified", "privacy": null}`), expecting success.
    ///
    /// # Errors
    /// When the server refuses.
    pub async fn act(&self, ticket: &str, version: u64, token: &str, action: Value) -> anyhow::Result<Value> {
        let body = serde_json::json!({"version": version, "action": action});
        let request =
            axum::http::Request::post(format!("{}/api/v1/complaints/{ticket}/actions", self.direct))
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(http_body_util::Full::new(bytes::Bytes::from(body.to_string())))?;
        let reply = self.send(request).await?;
        anyhow::ensure!(reply.status == StatusCode::OK, "{action}: {} {}", reply.status, reply.body);
        Ok(reply.body)
    }

    /// Files a complaint to Dinas Kesehatan and takes it to `responded`
    /// through the koordinator and the agency, returning the submission
    /// (ticket, secret) and the final view.
    ///
    /// # Errors
    /// When any step is refused.
    pub async fn answered_complaint(&self, key: &str) -> anyhow::Result<(Value, Value)> {
        let submitted = self.submit(key, &sample_complaint("publik")).await?;
        anyhow::ensure!(
            submitted.status == StatusCode::CREATED,
            "submit: {} {}",
            submitted.status,
            submitted.body
        );
        let ticket = submitted.body["ticket"].as_str().context("a ticket")?.to_owned();
        let steps = [
            (KOORDINATOR, serde_json::json!({"type": "verified", "privacy": null})),
            (KOORDINATOR, serde_json::json!({"type": "disposed", "to": "dinkes"})),
            (
                PENGHUBUNG_DINKES,
                serde_json::json!({"type": "responded", "message": "Kami tinjau apotek besok pagi"}),
            ),
        ];
        let mut view = Value::Null;
        for (version, (token, action)) in (1u64..).zip(steps) {
            view = self.act(&ticket, version, token, action).await?;
        }
        Ok((submitted.body, view))
    }

    async fn send(
        &self,
        request: axum::http::Request<http_body_util::Full<bytes::Bytes>>,
    ) -> anyhow::Result<Reply> {
        use http_body_util::BodyExt;
        let response = self.http.request(request).await.context("the server did not answer")?;
        let status = response.status();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok(Reply { status, body: serde_json::from_slice(&bytes).unwrap_or(Value::Null) })
    }

    /// Every complaint stored, as the koordinator's inbox lists them.
    ///
    /// # Errors
    /// When the server cannot be reached or refuses.
    pub async fn stored(&self) -> anyhow::Result<Vec<Value>> {
        let reply = self.get("/api/v1/inbox?limit=100", Some(KOORDINATOR)).await?;
        anyhow::ensure!(reply.status == StatusCode::OK, "inbox: {} {}", reply.status, reply.body);
        Ok(reply.body["items"].as_array().cloned().unwrap_or_default())
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn page(State(pages): State<Pages>, UrlPath(name): UrlPath<String>) -> Response {
    let html = pages.lock().expect("pages lock").get(&name).cloned();
    match html {
        Some(html) => {
            let mut response = Html(html).into_response();
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// A complaint to Dinas Kesehatan as a citizen would file it, with
/// `privacy` `publik`, `anonim` or `rahasia`.
#[must_use]
pub fn sample_complaint(privacy: &str) -> Value {
    serde_json::json!({
        "kind": "pengaduan",
        "title": "Antrean obat di RSUD terlalu lama",
        "description": "Antrean di apotek rawat jalan lebih dari tiga jam setiap pagi sejak awal bulan.",
        // The day before the stack's clock starts, in WITA.
        "incident_date": "2026-06-01",
        "location": "Banjarmasin",
        "agency": "dinkes",
        "privacy": privacy,
        "reporter": {"name": "Siti Aminah", "email": "siti@example.id", "phone": "0812-3456-7890"}
    })
}

/// The example configuration with a private data directory and raised
/// submission limits.
fn config(dir: &Path) -> anyhow::Result<Config> {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/aduan.example.toml");
    let text = std::fs::read_to_string(&example)?
        .replace("submissions_per_minute = 6", "submissions_per_minute = 600")
        .replace("submission_burst = 3", "submission_burst = 100");
    let path = dir.join("aduan.toml");
    std::fs::write(&path, text)?;
    let data = dir.join("data").to_string_lossy().into_owned();
    let database = format!("sqlite://{data}/aduan.sqlite3");
    std::fs::create_dir_all(&data)?;
    Config::load(Some(&path), &move |name| match name {
        "ADUAN_DATA_DIR" => Some(data.clone()),
        "ADUAN_DATABASE_URL" => Some(database.clone()),
        _ => None,
    })
    .map_err(|e| anyhow::anyhow!("{e}"))
}

/// A host page as hostile as real CMS themes get: a global reset with
/// `!important`, a serif font, huge letter-spacing, pink everything,
/// `display: none` on asides and uppercase text — plus the Aduan loader
/// from `api` and `body` where the widgets go.
#[must_use]
pub fn hostile_page(api: &str, body: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portal Pemerintah Kabupaten Banjar</title>
<style>
* {{ margin: 0 !important; padding: 0 !important; box-sizing: content-box !important; border: 0 !important; }}
html {{ font-size: 10px !important; }}
body {{ font-family: "Comic Sans MS", Georgia, serif !important; font-size: 2.2rem !important; color: #ff00aa !important;
  background: #222 !important; letter-spacing: .3em !important; text-transform: uppercase !important;
  line-height: 3 !important; text-align: center !important; }}
div, p, span, button, input, textarea, label, table, td, th, a, ol, li {{ color: #ff00aa !important;
  background: #333 !important; font-size: 30px !important; width: 250px; display: inline !important; }}
button {{ display: none !important; }}
input {{ visibility: hidden; }}
aduan-form, aduan-badge, aduan-leaderboard, aduan-tracker {{ font: italic 40px serif !important; color: lime !important; }}
</style>
<script src="{api}/widgets/aduan.js" async></script>
</head>
<body>
<h1>Portal Resmi Pemerintah Kabupaten Banjar</h1>
{body}
</body>
</html>
"#
    )
}

fn unique() -> u128 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
    nanos * 1000 + u128::from(N.fetch_add(1, Ordering::Relaxed))
}
