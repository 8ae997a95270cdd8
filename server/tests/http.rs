//! The HTTP API driven through the router with `oneshot` (no sockets), the
//! same suite against SQLite and PostgreSQL.
//!
//! PostgreSQL tests use the server at 127.0.0.1:5432 (database `test`), each
//! in its own schema, dropped afterwards. When it is unreachable they fail
//! under CI and are skipped with a notice otherwise.

#![allow(clippy::print_stderr)] // The skip notice is for whoever runs the tests.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use aduan_server::app::{AppState, auto_close_once, router};
use aduan_server::config::Config;
use aduan_server::store::postgres::PgStore;
use aduan_server::store::sqlite::SqliteStore;
use aduan_server::store::{Store, sha256_hex};
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use chrono::{DateTime, Duration, Utc};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

const KOORDINATOR: &str = "token-koordinator-kalsel";
const DINKES: &str = "token-penghubung-dinkes";
const DISDIK: &str = "token-penghubung-disdik";

fn config_toml(per_minute: u32, burst: u32) -> String {
    format!(
        r#"
default_zone = "WITA"

[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan Provinsi Kalimantan Selatan"
category = "opd"
origins = ["https://dinkes.kalselprov.go.id"]

[[agencies]]
id = "disdik"
name = "Dinas Pendidikan dan Kebudayaan Provinsi Kalimantan Selatan"
category = "opd"
origins = []

[[agencies]]
id = "rsud-ulin"
name = "RSUD Ulin Banjarmasin"
category = "uptd"
origins = []

[[officers]]
id = "koordinator"
name = "Admin Koordinator Diskominfo"
token_sha256 = "{k}"

[[officers]]
id = "penghubung-dinkes"
name = "Admin Penghubung Dinkes"
agency = "dinkes"
token_sha256 = "{d}"

[[officers]]
id = "penghubung-disdik"
name = "Admin Penghubung Disdik"
agency = "disdik"
token_sha256 = "{e}"

[limits]
body_bytes = 16384
submissions_per_minute = {per_minute}
submission_burst = {burst}
"#,
        k = sha256_hex(KOORDINATOR),
        d = sha256_hex(DINKES),
        e = sha256_hex(DISDIK),
    )
}

fn config(per_minute: u32, burst: u32) -> Config {
    let dir = std::env::temp_dir().join(format!("aduan-http-{}-{}", std::process::id(), unique()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("aduan.toml");
    std::fs::write(&path, config_toml(per_minute, burst)).unwrap();
    let data_dir = dir.join("data");
    let data = data_dir.to_string_lossy().into_owned();
    Config::load(Some(&path), &move |name| (name == "ADUAN_DATA_DIR").then(|| data.clone())).unwrap()
}

fn unique() -> u128 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    nanos * 1000 + u128::from(N.fetch_add(1, Ordering::Relaxed))
}

/// The test's clock: Monday 3 March 2025, 10:00 WITA, moved by hand.
#[derive(Clone)]
struct TestClock(Arc<Mutex<DateTime<Utc>>>);

impl TestClock {
    fn new() -> Self {
        Self(Arc::new(Mutex::new("2025-03-03T02:00:00Z".parse().unwrap())))
    }
    fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

struct Harness<S: Store> {
    app: Router,
    state: AppState<S>,
    clock: TestClock,
}

async fn harness<S: Store>(store: S, config: Config) -> Harness<S> {
    store.migrate().await.unwrap();
    store.sync_officers(&aduan_server::serve::officers(&config)).await.unwrap();
    let clock = TestClock::new();
    let c = clock.clone();
    let state = AppState::new(store, config, [7; 32]).with_clock(Arc::new(move || *c.0.lock().unwrap()));
    Harness { app: router(state.clone()), state, clock }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
    text: String,
}

impl<S: Store> Harness<S> {
    async fn send(&self, req: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply { status, headers, body, text }
    }

    async fn submit_from(&self, key: &str, body: &Value, client: [u8; 4]) -> Reply {
        let req = Request::post("/api/v1/complaints")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ORIGIN, "https://dinkes.kalselprov.go.id")
            .header("idempotency-key", key)
            .extension(ConnectInfo(SocketAddr::from((client, 40000))))
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(req).await
    }

    async fn submit(&self, key: &str, body: &Value) -> Reply {
        self.submit_from(key, body, [10, 0, 0, 1]).await
    }

    async fn get(&self, path: &str, auth: Auth<'_>) -> Reply {
        self.send(auth.apply(Request::get(path)).body(Body::empty()).unwrap()).await
    }

    async fn act(&self, ticket: &str, version: u64, action: Value, auth: Auth<'_>) -> Reply {
        let req = auth
            .apply(Request::post(format!("/api/v1/complaints/{ticket}/actions")))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json!({"version": version, "action": action}).to_string()))
            .unwrap();
        self.send(req).await
    }
}

#[derive(Clone, Copy)]
enum Auth<'a> {
    None,
    Officer(&'a str),
    Secret(&'a str),
}

impl Auth<'_> {
    fn apply(self, b: axum::http::request::Builder) -> axum::http::request::Builder {
        match self {
            Auth::None => b,
            Auth::Officer(token) => b.header(header::AUTHORIZATION, format!("Bearer {token}")),
            Auth::Secret(secret) => b.header("x-access-secret", secret),
        }
    }
}

fn complaint(privacy: &str) -> Value {
    json!({
        "kind": "pengaduan",
        "title": "Antrean obat di RSUD terlalu lama",
        "description": "Antrean di apotek rawat jalan lebih dari tiga jam setiap pagi sejak awal bulan.",
        "incident_date": "2025-03-01",
        "location": "Banjarmasin",
        "agency": "dinkes",
        "privacy": privacy,
        "reporter": {"name": "Siti Aminah", "email": "siti@example.id", "phone": "0812-3456-7890"}
    })
}

// ----- The suite, written once ------------------------------------------------------

async fn whole_lifecycle<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    // Figures are cached, but never across a write.
    let before = h.get("/api/v1/agencies/dinkes/stats?period=2025", Auth::None).await;
    assert_eq!(before.body["total"], 0);
    let r = h.submit("key-lifecycle-0001", &complaint("publik")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let ticket = r.body["ticket"].as_str().unwrap().to_owned();
    let secret = r.body["secret"].as_str().unwrap().to_owned();
    assert_eq!(r.body["status"]["code"], "diterima");
    // Due Thursday 10:00 WITA: three working days.
    assert_eq!(r.body["verification_due_at"], "2025-03-06T02:00:00Z");

    let steps: [(&str, Value, Auth<'_>, &str); 7] = [
        ("verify", json!({"type": "verified", "privacy": null}), Auth::Officer(KOORDINATOR), "terverifikasi"),
        (
            "dispose",
            json!({"type": "disposed", "to": "dinkes"}),
            Auth::Officer(KOORDINATOR),
            "didisposisikan",
        ),
        (
            "respond",
            json!({"type": "responded", "message": "Kami tinjau apotek besok pagi"}),
            Auth::Officer(DINKES),
            "ditanggapi",
        ),
        (
            "follow up",
            json!({"type": "followed_up", "message": "Loket apotek ditambah dua"}),
            Auth::Officer(DINKES),
            "ditindaklanjuti",
        ),
        (
            "add info",
            json!({"type": "info_added", "message": "Sekarang antrean satu jam"}),
            Auth::Secret(&secret),
            "ditindaklanjuti",
        ),
        ("confirm", json!({"type": "confirmed"}), Auth::Secret(&secret), "selesai"),
        ("rate", json!({"type": "rated", "rating": 5}), Auth::Secret(&secret), "selesai"),
    ];
    for (version, (name, action, auth, status)) in (1u64..).zip(steps) {
        h.clock.advance(Duration::hours(3));
        let r = h.act(&ticket, version, action, auth).await;
        assert_eq!(r.status, StatusCode::OK, "{name}: {}", r.text);
        assert_eq!(r.body["status"]["code"], status, "{name}");
        assert_eq!(r.body["version"], version + 1, "{name}");
    }
    let public = h.get(&format!("/api/v1/complaints/{ticket}"), Auth::None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(public.body["timeline"].as_array().unwrap().len(), 8);
    assert!(public.body.get("description").is_none(), "content needs the secret");
    assert_eq!(public.body["reporter_name"], "Siti Aminah", "a public report shows the name");
    assert!(
        !public.text.contains("siti@example.id") && !public.text.contains("3456"),
        "contact never public"
    );
    let mine = h.get(&format!("/api/v1/complaints/{ticket}"), Auth::Secret(&secret)).await;
    assert_eq!(mine.body["description"], complaint("publik")["description"]);
    // The statistics the badge shows: answered after 21 hours of working time.
    let stats = h.get("/api/v1/agencies/dinkes/stats?period=2025", Auth::None).await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.text);
    assert_eq!(stats.body["total"], 1);
    assert_eq!(stats.body["follow_up"]["share"], 1.0);
}

async fn idempotent_retry<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let first = h.submit("key-retry-00000001", &complaint("anonim")).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    // The public derivation is the one the handler uses (the demo seeds with it).
    assert_eq!(
        first.body["secret"],
        aduan_server::app::derive_secret(&[7; 32], "key-retry-00000001").expose()
    );
    let again = h.submit("key-retry-00000001", &complaint("anonim")).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text);
    assert_eq!(again.body["ticket"], first.body["ticket"]);
    assert_eq!(again.body["secret"], first.body["secret"]);
    // The same key with another complaint must not hand out the first
    // reporter's ticket and secret.
    let mut other = complaint("publik");
    other["reporter"]["name"] = json!("Orang Lain");
    let reused = h.submit_from("key-retry-00000001", &other, [10, 9, 9, 9]).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reused.text);
    assert_eq!(reused.body["code"], "idempotency_key.reused");
    assert!(!reused.text.contains(first.body["secret"].as_str().unwrap()));
    // Nor may a bot reusing it through the honeypot.
    let mut bot = complaint("anonim");
    bot["website"] = json!("x");
    let trap = h.submit_from("key-retry-00000001", &bot, [10, 9, 9, 8]).await;
    assert_ne!(trap.body["secret"], first.body["secret"]);
    assert_ne!(trap.body["ticket"], first.body["ticket"]);
    // Short keys are refused.
    let short = h.submit("short-key", &complaint("publik")).await;
    assert_eq!(short.body["code"], "idempotency_key.required");
    let inbox = h.get("/api/v1/inbox", Auth::Officer(KOORDINATOR)).await;
    assert_eq!(inbox.body["total"], 1, "{}", inbox.text);
}

async fn concurrent_submissions<S: Store>(store: S) {
    let h = Arc::new(harness(store, config(6000, 6000)).await);
    let tasks: Vec<_> = (0..100)
        .map(|i| {
            let h = Arc::clone(&h);
            tokio::spawn(
                async move { h.submit(&format!("key-concurrent-{i:04}"), &complaint("publik")).await },
            )
        })
        .collect();
    let mut tickets = std::collections::BTreeSet::new();
    for t in tasks {
        let r = t.await.unwrap();
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        tickets.insert(r.body["ticket"].as_str().unwrap().to_owned());
    }
    assert_eq!(tickets.len(), 100);
    let inbox = h.get("/api/v1/inbox?limit=200", Auth::Officer(KOORDINATOR)).await;
    assert_eq!(inbox.body["total"], 100);
}

async fn dispose<S: Store>(h: &Harness<S>, ticket: &str) {
    let r = h.act(ticket, 1, json!({"type": "verified", "privacy": null}), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = h.act(ticket, 2, json!({"type": "disposed", "to": "dinkes"}), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
}

async fn privacy_rules<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    // Anonymous: identity reaches neither the agency nor the public.
    let anon = h.submit("key-privacy-anon-1", &complaint("anonim")).await;
    let anon_ticket = anon.body["ticket"].as_str().unwrap().to_owned();
    dispose(&h, &anon_ticket).await;
    for auth in [Auth::None, Auth::Officer(DINKES)] {
        let r = h.get(&format!("/api/v1/complaints/{anon_ticket}"), auth).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            !r.text.contains("Siti") && !r.text.contains("siti@") && !r.text.contains("812"),
            "{}",
            r.text
        );
    }
    let coordinator = h.get(&format!("/api/v1/complaints/{anon_ticket}"), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(coordinator.body["reporter_name"], "Siti Aminah");
    // Confidential: the public sees the status only.
    let secret_report = h.submit("key-privacy-rahasia", &complaint("rahasia")).await;
    let t = secret_report.body["ticket"].as_str().unwrap().to_owned();
    let public = h.get(&format!("/api/v1/complaints/{t}"), Auth::None).await;
    assert_eq!(public.body["status"]["code"], "diterima");
    for hidden in ["title", "kind", "description", "reporter_name", "agency"] {
        assert!(public.body.get(hidden).is_none(), "{hidden} in {}", public.text);
    }
    assert_eq!(public.body["timeline"], json!([]));
    assert!(!public.text.contains("Antrean"));
    // A wrong secret is refused, not treated as public.
    let wrong = h.get(&format!("/api/v1/complaints/{t}"), Auth::Secret("2345-6789-ABCD-EFGH")).await;
    assert_eq!((wrong.status, wrong.body["code"].as_str()), (StatusCode::FORBIDDEN, Some("secret.mismatch")));
}

async fn cross_agency_denied<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let r = h.submit("key-cross-agency-1", &complaint("publik")).await;
    let ticket = r.body["ticket"].as_str().unwrap().to_owned();
    dispose(&h, &ticket).await;
    let read = h.get(&format!("/api/v1/complaints/{ticket}"), Auth::Officer(DISDIK)).await;
    assert_eq!((read.status, read.body["code"].as_str()), (StatusCode::FORBIDDEN, Some("forbidden.agency")));
    let act =
        h.act(&ticket, 3, json!({"type": "responded", "message": "Bukan kami"}), Auth::Officer(DISDIK)).await;
    assert_eq!(act.status, StatusCode::FORBIDDEN);
    let inbox = h.get("/api/v1/inbox?agency=dinkes", Auth::Officer(DISDIK)).await;
    assert_eq!(inbox.status, StatusCode::FORBIDDEN);
    let own = h.get("/api/v1/inbox", Auth::Officer(DISDIK)).await;
    assert_eq!(own.body["total"], 0, "{}", own.text);
    let theirs = h.get("/api/v1/inbox", Auth::Officer(DINKES)).await;
    assert_eq!(theirs.body["total"], 1);
}

async fn stale_version_conflict<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let r = h.submit("key-stale-version", &complaint("publik")).await;
    let ticket = r.body["ticket"].as_str().unwrap().to_owned();
    let ok =
        h.act(&ticket, 1, json!({"type": "verified", "privacy": null}), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(ok.status, StatusCode::OK);
    let stale = h
        .act(
            &ticket,
            1,
            json!({"type": "archived", "reason": "spam", "note": ""}),
            Auth::Officer(KOORDINATOR),
        )
        .await;
    assert_eq!((stale.status, stale.body["code"].as_str()), (StatusCode::CONFLICT, Some("version.conflict")));
    let refused = h.act(&ticket, 2, json!({"type": "confirmed"}), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(
        (refused.status, refused.body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("transition.unauthorized"))
    );
    let wrong_state =
        h.act(&ticket, 2, json!({"type": "verified", "privacy": null}), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(
        (wrong_state.status, wrong_state.body["code"].as_str()),
        (StatusCode::CONFLICT, Some("transition.not_allowed"))
    );
}

async fn bad_input<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let problem = |r: &Reply| {
        assert_eq!(r.headers[header::CONTENT_TYPE], "application/problem+json", "{}", r.text);
        (r.status, r.body["code"].as_str().unwrap_or_default().to_owned())
    };
    // Validation: every field error, in both languages.
    let mut bad = complaint("publik");
    bad["title"] = json!("Obat");
    bad["agency"] = json!("dinas-tidak-ada");
    let r = h.submit("key-bad-input-0001", &bad).await;
    assert_eq!(problem(&r), (StatusCode::UNPROCESSABLE_ENTITY, "validation".into()));
    let fields: Vec<&str> =
        r.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["title", "agency"]);
    assert_eq!(r.body["errors"][0]["message"]["id"], "Judul minimal 10 karakter");
    // Malformed JSON, naming the problem.
    let req = Request::post("/api/v1/complaints")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, "https://dinkes.kalselprov.go.id")
        .header("idempotency-key", "key-bad-input-0002")
        .body(Body::from("{\"title\": "))
        .unwrap();
    let r = h.send(req).await;
    assert_eq!(problem(&r), (StatusCode::BAD_REQUEST, "body.malformed".into()));
    // Too large.
    let mut huge = complaint("publik");
    huge["description"] = json!("a".repeat(20_000));
    let r = h.submit("key-bad-input-0003", &huge).await;
    assert_eq!(problem(&r), (StatusCode::PAYLOAD_TOO_LARGE, "body.too_large".into()));
    // No idempotency key.
    let req = Request::post("/api/v1/complaints")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, "https://dinkes.kalselprov.go.id")
        .body(Body::from(complaint("publik").to_string()))
        .unwrap();
    assert_eq!(problem(&h.send(req).await), (StatusCode::BAD_REQUEST, "idempotency_key.required".into()));
    // Unknown and mistyped tickets.
    let r = h.get("/api/v1/complaints/K7M-4QX-9RJ", Auth::None).await;
    assert_eq!(problem(&r), (StatusCode::NOT_FOUND, "ticket.not_found".into()));
    let r = h.get("/api/v1/complaints/K7M-4QX-9RK", Auth::None).await;
    assert_eq!(problem(&r), (StatusCode::UNPROCESSABLE_ENTITY, "validation".into()));
    assert_eq!(r.body["errors"][0]["code"], "ticket.check");
    // Unknown agency and unknown route.
    assert_eq!(
        problem(&h.get("/api/v1/agencies/tidak-ada/stats", Auth::None).await).0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(problem(&h.get("/api/v1/nothing", Auth::None).await).0, StatusCode::NOT_FOUND);
    // A bad officer token.
    let r = h.get("/api/v1/inbox", Auth::Officer("not-a-token")).await;
    assert_eq!(problem(&r), (StatusCode::UNAUTHORIZED, "auth.invalid_token".into()));
    // Nothing a client sends comes back unescaped.
    let mut xss = complaint("publik");
    xss["title"] = json!("<script>alert(1)</script> antrean");
    let r = h.submit("key-bad-input-0004", &xss).await;
    let t = r.body["ticket"].as_str().unwrap().to_owned();
    let view = h.get(&format!("/api/v1/complaints/{t}"), Auth::None).await;
    assert!(!view.text.contains("<script>"), "{}", view.text);
    assert_eq!(view.body["title"], "<script>alert(1)</script> antrean");
    assert_eq!(view.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
}

async fn rate_limit_and_honeypot<S: Store>(store: S) {
    let h = harness(store, config(6, 2)).await;
    for i in 0..2 {
        let r = h.submit_from(&format!("key-rate-limit-{i:03}"), &complaint("publik"), [10, 0, 0, 9]).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    let limited = h.submit_from("key-rate-limit-100", &complaint("publik"), [10, 0, 0, 9]).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.headers.contains_key(header::RETRY_AFTER));
    // Another client is not slowed.
    let other = h.submit_from("key-rate-limit-200", &complaint("publik"), [10, 0, 0, 10]).await;
    assert_eq!(other.status, StatusCode::CREATED);
    // A bot fills the honeypot: it is told all went well, and nothing is stored.
    let mut bot = complaint("publik");
    bot["website"] = json!("https://spam.example");
    let r = h.submit_from("key-honeypot-0001", &bot, [10, 0, 0, 11]).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let t = r.body["ticket"].as_str().unwrap().to_owned();
    assert_eq!(h.get(&format!("/api/v1/complaints/{t}"), Auth::None).await.status, StatusCode::NOT_FOUND);
    let inbox = h.get("/api/v1/inbox", Auth::Officer(KOORDINATOR)).await;
    assert_eq!(inbox.body["total"], 3);
}

async fn clients_behind_a_trusted_proxy<S: Store>(store: S) {
    let mut config = config(6, 1);
    config.limits.trusted_proxies = vec!["10.0.0.254".parse().unwrap()];
    let h = harness(store, config).await;
    let send = |key: &'static str, forwarded: &'static str| {
        Request::post("/api/v1/complaints")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ORIGIN, "https://dinkes.kalselprov.go.id")
            .header("idempotency-key", key)
            .header("x-forwarded-for", forwarded)
            .extension(ConnectInfo(SocketAddr::from(([10, 0, 0, 254], 40000))))
            .body(Body::from(complaint("publik").to_string()))
            .unwrap()
    };
    // Two citizens behind the proxy have a bucket each.
    assert_eq!(h.send(send("key-proxy-client-a-1", "203.0.113.7")).await.status, StatusCode::CREATED);
    assert_eq!(h.send(send("key-proxy-client-b-1", "203.0.113.8")).await.status, StatusCode::CREATED);
    assert_eq!(
        h.send(send("key-proxy-client-a-2", "203.0.113.7")).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // A spoofed leftmost entry does not buy a fresh bucket: the proxy's own
    // entry (rightmost) counts.
    let spoofed = h.send(send("key-proxy-client-a-3", "198.51.100.1, 203.0.113.7")).await;
    assert_eq!(spoofed.status, StatusCode::TOO_MANY_REQUESTS);
}

async fn auto_close_and_badges<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let r = h.submit("key-auto-close-01", &complaint("publik")).await;
    let ticket = r.body["ticket"].as_str().unwrap().to_owned();
    dispose(&h, &ticket).await;
    let r = h
        .act(
            &ticket,
            3,
            json!({"type": "followed_up", "message": "Sudah ditambah loket"}),
            Auth::Officer(DINKES),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let secret =
        h.submit("key-auto-close-01", &complaint("publik")).await.body["secret"].as_str().unwrap().to_owned();
    let actions = |view: &Reply| view.body["actions"].as_array().unwrap().clone();
    let open = h.get(&format!("/api/v1/complaints/{ticket}"), Auth::Secret(&secret)).await;
    assert!(actions(&open).contains(&json!("disputed")), "{}", open.text);
    assert_eq!(auto_close_once(&h.state).await.unwrap(), 0, "not yet due");
    h.clock.advance(Duration::days(20));
    // The reply window has closed but the complaint is not closed yet: the
    // reporter is no longer offered a dispute the core would refuse.
    let late = h.get(&format!("/api/v1/complaints/{ticket}"), Auth::Secret(&secret)).await;
    assert!(!actions(&late).contains(&json!("disputed")), "{}", late.text);
    assert!(actions(&late).contains(&json!("confirmed")), "{}", late.text);
    assert_eq!(auto_close_once(&h.state).await.unwrap(), 1);
    assert_eq!(auto_close_once(&h.state).await.unwrap(), 0, "idempotent");
    let view = h.get(&format!("/api/v1/complaints/{ticket}"), Auth::None).await;
    assert_eq!(view.body["status"]["code"], "selesai");

    let svg = h.get("/badge/dinkes.svg?period=2025", Auth::None).await;
    assert_eq!(svg.status, StatusCode::OK);
    assert!(svg.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("image/svg+xml"));
    assert!(
        svg.text.contains("<title>Dinas Kesehatan Provinsi Kalimantan Selatan menanggapi"),
        "{}",
        svg.text
    );
    let shields = h.get("/badge/dinkes.json?period=2025&lang=en", Auth::None).await;
    assert_eq!(shields.body["schemaVersion"], 1);
    assert_eq!(shields.body["label"], "Complaint response");
    let board =
        h.get("/api/v1/awards/pengelola-pengaduan/leaderboard?period=2025&category=opd", Auth::None).await;
    assert_eq!(board.status, StatusCode::OK, "{}", board.text);
    let unranked = board.body["categories"][0]["unranked"].as_array().unwrap();
    assert_eq!(unranked.len(), 2, "fewer than 5 complaints: not ranked, with the reason");
    // Each entrant's monthly series comes in the same answer: twelve months
    // of 2025, whose received complaints add up to the entrant's volume
    // (none were archived), with a median wherever one was answered.
    let dinkes = unranked.iter().find(|u| u["agency"] == "dinkes").expect("dinkes is an entrant");
    let monthly = dinkes["monthly"].as_array().unwrap();
    let months: Vec<&str> = monthly.iter().map(|m| m["month"].as_str().unwrap()).collect();
    assert_eq!(months.len(), 12, "{months:?}");
    assert_eq!((months[0], months[11]), ("2025-01", "2025-12"));
    let received: u64 = monthly.iter().map(|m| m["received"].as_u64().unwrap()).sum();
    assert_eq!(received, 1, "{monthly:?}");
    let answered: Vec<_> = monthly.iter().filter(|m| m["median_working_days"].is_number()).collect();
    assert_eq!(answered.len(), 1, "{monthly:?}");
    assert_eq!(answered[0]["received"], 1);
    let other = unranked.iter().find(|u| u["agency"] != "dinkes").unwrap();
    let other_received: u64 =
        other["monthly"].as_array().unwrap().iter().map(|m| m["received"].as_u64().unwrap()).sum();
    assert_eq!(other_received, 0);
    // Without a category every category comes, each entrant with its series.
    let all = h.get("/api/v1/awards/pengelola-pengaduan/leaderboard?period=2025", Auth::None).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text);
    let categories: Vec<&str> =
        all.body["categories"].as_array().unwrap().iter().map(|c| c["category"].as_str().unwrap()).collect();
    assert_eq!(categories, ["opd", "uptd"]);
    assert!(all.body["criteria"].as_array().unwrap().iter().all(|c| c["explanation"]["id"].is_string()));
}

async fn beyond_the_calendar_and_other_edges<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    // The default calendar ends with 2026: a complaint of 2027 is still
    // received, with its deadlines unknown rather than a 500.
    *h.clock.0.lock().unwrap() = "2027-01-05T02:00:00Z".parse().unwrap();
    let mut late = complaint("publik");
    late["incident_date"] = json!("2027-01-04");
    let r = h.submit("key-beyond-calendar-1", &late).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert!(r.body.get("verification_due_at").is_none());
    let ticket = r.body["ticket"].as_str().unwrap().to_owned();
    let view = h.get(&format!("/api/v1/complaints/{ticket}"), Auth::None).await;
    assert_eq!((view.status, view.body["deadlines"].clone()), (StatusCode::OK, json!([])));
    assert_eq!(view.headers[header::CACHE_CONTROL], "no-store");
    let act =
        h.act(&ticket, 1, json!({"type": "verified", "privacy": null}), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(act.status, StatusCode::OK, "{}", act.text);
    let act =
        h.act(&ticket, 2, json!({"type": "disposed", "to": "dinkes"}), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(act.status, StatusCode::OK, "{}", act.text);
    // Statistics need the calendar: a clear 503, not a 500.
    let stats = h.get("/api/v1/agencies/dinkes/stats?period=2027", Auth::None).await;
    assert_eq!(stats.status, StatusCode::SERVICE_UNAVAILABLE, "{}", stats.text);
    assert!(stats.body["code"].as_str().unwrap().starts_with("calendar."));
    // A path that is not UTF-8 is a problem document too.
    let bad = h.get("/api/v1/complaints/%FF%FE", Auth::None).await;
    assert_eq!((bad.status, bad.body["code"].as_str()), (StatusCode::BAD_REQUEST, Some("path.malformed")));
    // Embedding pages add their own parameters to badge URLs.
    *h.clock.0.lock().unwrap() = "2025-06-01T02:00:00Z".parse().unwrap();
    let badge = h.get("/badge/dinkes.svg?period=2025&v=2&utm_source=web", Auth::None).await;
    assert_eq!(badge.status, StatusCode::OK, "{}", badge.text);
    assert_eq!(badge.headers[header::CACHE_CONTROL], "public, max-age=300");
    // Only the coordinator records complaints from other channels.
    let req = Request::post("/api/v1/complaints")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {DINKES}"))
        .header("x-aduan-channel", "walk_in")
        .header("idempotency-key", "key-walk-in-by-agency")
        .body(Body::from(complaint("publik").to_string()))
        .unwrap();
    assert_eq!(h.send(req).await.body["code"], "channel.koordinator_only");
    let req = Request::post("/api/v1/complaints")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {KOORDINATOR}"))
        .header("x-aduan-channel", "sms_1708")
        .header("idempotency-key", "key-sms-by-koordinator")
        .body(Body::from(complaint("publik").to_string()))
        .unwrap();
    let sms = h.send(req).await;
    assert_eq!(sms.status, StatusCode::CREATED, "{}", sms.text);
    let t = sms.body["ticket"].as_str().unwrap();
    let view = h.get(&format!("/api/v1/complaints/{t}"), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(view.body["timeline"][0]["role"], "koordinator");
}

async fn one_key_for_every_instance<S: Store>(store: S) {
    store.migrate().await.unwrap();
    let first = store.server_key([1; 32]).await.unwrap();
    assert_eq!(first, [1; 32]);
    // A second instance draws another key but gets the stored one.
    assert_eq!(store.server_key([2; 32]).await.unwrap(), [1; 32]);
}

async fn who_am_i<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let k = h.get("/api/v1/me", Auth::Officer(KOORDINATOR)).await;
    assert_eq!(k.status, StatusCode::OK, "{}", k.text);
    assert_eq!(
        k.body,
        json!({"id": "koordinator", "name": "Admin Koordinator Diskominfo", "role": "koordinator"})
    );
    let d = h.get("/api/v1/me", Auth::Officer(DINKES)).await;
    assert_eq!(
        d.body,
        json!({
            "id": "penghubung-dinkes",
            "name": "Admin Penghubung Dinkes",
            "role": "penghubung",
            "agency": "dinkes",
            "agency_name": "Dinas Kesehatan Provinsi Kalimantan Selatan"
        })
    );
    let problem = |r: &Reply| {
        assert_eq!(r.headers[header::CONTENT_TYPE], "application/problem+json", "{}", r.text);
        assert!(r.body["message"]["id"].as_str().is_some_and(|m| !m.is_empty()), "{}", r.text);
        assert!(r.body["message"]["en"].as_str().is_some_and(|m| !m.is_empty()), "{}", r.text);
        (r.status, r.body["code"].as_str().unwrap_or_default().to_owned())
    };
    let nobody = h.get("/api/v1/me", Auth::None).await;
    assert_eq!(problem(&nobody), (StatusCode::UNAUTHORIZED, "auth.required".to_owned()));
    // A reporter's secret is no officer's token.
    let reporter = h.get("/api/v1/me", Auth::Secret("2345-6789-ABCD-EFGH")).await;
    assert_eq!(problem(&reporter), (StatusCode::UNAUTHORIZED, "auth.required".to_owned()));
    let unknown = h.get("/api/v1/me", Auth::Officer("token-yang-tidak-ada")).await;
    assert_eq!(problem(&unknown), (StatusCode::UNAUTHORIZED, "auth.invalid_token".to_owned()));
}

async fn officer_complaint_view<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let point = json!({"lat": -3.3194, "lon": 114.5908});
    let contact_keys = ["reporter_email", "reporter_phone"];
    for privacy in ["anonim", "publik", "rahasia"] {
        let mut body = complaint(privacy);
        body["coordinates"] = point.clone();
        let r = h.submit(&format!("key-officer-view-{privacy}"), &body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let ticket = r.body["ticket"].as_str().unwrap().to_owned();
        let secret = r.body["secret"].as_str().unwrap().to_owned();
        dispose(&h, &ticket).await;
        let path = format!("/api/v1/complaints/{ticket}");

        // The koordinator sees everything, whatever the privacy.
        let k = h.get(&path, Auth::Officer(KOORDINATOR)).await;
        assert_eq!(k.status, StatusCode::OK, "{}", k.text);
        assert_eq!(k.body["reporter_email"], "siti@example.id", "{privacy}: {}", k.text);
        assert_eq!(k.body["reporter_phone"], "+6281234567890", "{privacy}");
        assert_eq!(k.body["coordinates"], point, "{privacy}");
        assert_eq!(k.body["title"], "Antrean obat di RSUD terlalu lama", "the common view is flattened in");

        // The agency: the map point always (content), the contact unless anonymous.
        let d = h.get(&path, Auth::Officer(DINKES)).await;
        assert_eq!(d.status, StatusCode::OK, "{}", d.text);
        assert_eq!(d.body["coordinates"], point, "{privacy}");
        if privacy == "anonim" {
            for key in contact_keys {
                assert!(d.body.get(key).is_none(), "{key} of an anonymous report: {}", d.text);
            }
            assert!(!d.text.contains("siti@") && !d.text.contains("3456"), "{}", d.text);
        } else {
            assert_eq!(d.body["reporter_email"], "siti@example.id", "{privacy}");
            assert_eq!(d.body["reporter_phone"], "+6281234567890", "{privacy}");
        }

        // The reporter and the public get the plain view: none of these keys.
        for (who, auth) in [("public", Auth::None), ("reporter", Auth::Secret(&secret))] {
            let r = h.get(&path, auth).await;
            assert_eq!(r.status, StatusCode::OK, "{who}: {}", r.text);
            for key in contact_keys.iter().chain(&["coordinates"]) {
                assert!(r.body.get(*key).is_none(), "{who} got {key} of a {privacy} report: {}", r.text);
            }
            assert!(!r.text.contains("114.5908"), "{who}: {}", r.text);
        }
        // Acting keeps the officer's view, so a console never loses the contact.
        let acted = h
            .act(&ticket, 3, json!({"type": "responded", "message": "Kami tinjau"}), Auth::Officer(DINKES))
            .await;
        assert_eq!(acted.status, StatusCode::OK, "{}", acted.text);
        assert_eq!(acted.body["coordinates"], point);
        assert_eq!(acted.body.get("reporter_email").is_some(), privacy != "anonim", "{}", acted.text);
    }
}

async fn awards_list<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let r = h.get("/api/v1/awards", Auth::None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let expected: Vec<Value> = h
        .state
        .config
        .awards
        .iter()
        .map(|a| json!({"id": a.id, "name": {"id": a.name.id, "en": a.name.en}}))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(r.body, Value::Array(expected));
    assert_eq!(r.body[0]["id"], "pengelola-pengaduan");
    // Each id names a leaderboard.
    for award in r.body.as_array().unwrap() {
        let id = award["id"].as_str().unwrap();
        let board = h.get(&format!("/api/v1/awards/{id}/leaderboard?period=2025"), Auth::None).await;
        assert_eq!(board.status, StatusCode::OK, "{id}: {}", board.text);
    }
}

async fn province_statistics<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let empty = h.get("/api/v1/stats?period=2025", Auth::None).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.text);
    assert_eq!(empty.body["total"], 0);
    // One answered by dinkes, one disposed to disdik, one still with the koordinator.
    let mut tickets = Vec::new();
    for i in 0..3 {
        let r = h.submit(&format!("key-province-stats-{i}"), &complaint("publik")).await;
        tickets.push(r.body["ticket"].as_str().unwrap().to_owned());
    }
    dispose(&h, &tickets[0]).await;
    h.clock.advance(Duration::hours(2));
    let answered = h
        .act(&tickets[0], 3, json!({"type": "responded", "message": "Kami tinjau"}), Auth::Officer(DINKES))
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.text);
    let verified =
        h.act(&tickets[1], 1, json!({"type": "verified", "privacy": null}), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(verified.status, StatusCode::OK);
    let disposed =
        h.act(&tickets[1], 2, json!({"type": "disposed", "to": "disdik"}), Auth::Officer(KOORDINATOR)).await;
    assert_eq!(disposed.status, StatusCode::OK);

    let province = h.get("/api/v1/stats?period=2025", Auth::None).await;
    assert_eq!(province.status, StatusCode::OK, "{}", province.text);
    let p = &province.body;
    assert_eq!(p["total"], 3);
    assert_eq!(p["by_status"], json!({"diterima": 1, "didisposisikan": 1, "ditanggapi": 1}));
    assert_eq!(p["response_working_days"]["count"], 1);
    // Answered two hours after receipt: the first bucket of the histogram.
    let counts: Vec<u64> =
        p["response_histogram"].as_array().unwrap().iter().map(|b| b["count"].as_u64().unwrap()).collect();
    assert_eq!(counts, [1, 0, 0, 0, 0, 0], "{}", p["response_histogram"]);
    assert_eq!(p["response_histogram"][5]["label"]["id"], "> 10 hari kerja");
    assert_eq!(p["follow_up"]["total"], 2, "two were disposed");
    assert_eq!(p["open"], 3);
    assert_eq!(p["period"], json!({"from": "2025-01-01", "to": "2025-12-31"}));
    // The parts add up to the province.
    let mut sum = 0;
    for agency in ["dinkes", "disdik", "rsud-ulin"] {
        let a = h.get(&format!("/api/v1/agencies/{agency}/stats?period=2025"), Auth::None).await;
        sum += a.body["total"].as_u64().unwrap();
    }
    assert_eq!(sum, 2, "the third is the koordinator's, in no agency's figures");
    // The same period forms as an agency's figures; a month without complaints is empty.
    let march = h.get("/api/v1/stats?period=2025-03", Auth::None).await;
    assert_eq!(march.body["total"], 3);
    let range = h.get("/api/v1/stats?from=2025-04-01&to=2025-04-30", Auth::None).await;
    assert_eq!(range.body["total"], 0);
    let bad = h.get("/api/v1/stats?period=2025-13", Auth::None).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.text);
    assert_eq!(bad.body["errors"][0]["field"], "period");
    assert!(bad.body["errors"][0]["message"]["id"].as_str().unwrap().contains("Periode"));
}

fn parse_csv(r: &Reply) -> (Vec<String>, Vec<Vec<String>>) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    let body = r.text.strip_prefix('\u{feff}').expect("a UTF-8 byte-order mark");
    assert!(body.ends_with("\r\n") && !body.replace("\r\n", "").contains('\n'), "CRLF line ends: {body:?}");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    (header, rows)
}

/// A CSV number cell against the JSON value (absent or null: an empty cell).
fn same_number(cell: &str, json: &Value) -> bool {
    match json.as_f64() {
        Some(v) => cell.parse::<f64>().is_ok_and(|c| c == v),
        None => cell.is_empty(),
    }
}

async fn csv_exports<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let mut hostile = complaint("publik");
    hostile["title"] = json!("=HYPERLINK(\"http://x.example\",\"klik\")");
    let formula = h.submit("key-csv-export-0001", &hostile).await;
    assert_eq!(formula.status, StatusCode::CREATED, "{}", formula.text);
    let formula_ticket = formula.body["ticket"].as_str().unwrap().to_owned();
    dispose(&h, &formula_ticket).await;
    h.clock.advance(Duration::hours(4));
    let answered = h
        .act(
            &formula_ticket,
            3,
            json!({"type": "responded", "message": "Kami tinjau"}),
            Auth::Officer(DINKES),
        )
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.text);
    let waiting = h.submit("key-csv-export-0002", &complaint("anonim")).await;
    let waiting_ticket = waiting.body["ticket"].as_str().unwrap().to_owned();
    // Past the waiting one's verification deadline: overdue, negative days left.
    h.clock.advance(Duration::days(4));

    // The inbox, as the JSON inbox lists it.
    let r = h.get("/api/v1/inbox.csv", Auth::Officer(KOORDINATOR)).await;
    assert_eq!(
        r.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"aduan-kotak-masuk-2025-03-07.csv\""
    );
    let (header, rows) = parse_csv(&r);
    assert_eq!(
        header,
        [
            "tiket",
            "jenis",
            "judul",
            "status",
            "instansi_id",
            "instansi",
            "diterima",
            "tenggat",
            "sisa_hari_kerja",
            "terlambat"
        ]
    );
    let json = h.get("/api/v1/inbox", Auth::Officer(KOORDINATOR)).await;
    let items = json.body["items"].as_array().unwrap();
    assert_eq!(rows.len(), items.len());
    assert_eq!(rows.len(), 2);
    for (row, item) in rows.iter().zip(items) {
        assert_eq!(row[0], item["ticket"].as_str().unwrap());
        assert_eq!(row[1], item["kind"].as_str().unwrap());
        assert_eq!(row[3], item["status"]["code"].as_str().unwrap());
        assert_eq!(row[4], item["agency"].as_str().unwrap_or_default());
        assert!(same_number(&row[8], &item["remaining_working_days"]), "{row:?} {item}");
        assert_eq!(row[9], if item["overdue"].as_bool().unwrap() { "ya" } else { "tidak" });
        let received: DateTime<Utc> = row[6].parse().unwrap();
        assert_eq!(
            received.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            item["received_at"].as_str().unwrap()
        );
        assert!(row[6].ends_with("+08:00"), "local time in WITA: {}", row[6]);
    }
    let formula_row = rows.iter().find(|r| r[0] == formula_ticket).unwrap();
    assert_eq!(formula_row[2], "'=HYPERLINK(\"http://x.example\",\"klik\")");
    assert_eq!(formula_row[5], "Dinas Kesehatan Provinsi Kalimantan Selatan");
    assert_eq!(formula_row[6], "2025-03-03T10:00:00+08:00");
    let waiting_row = rows.iter().find(|r| r[0] == waiting_ticket).unwrap();
    assert_eq!((waiting_row[4].as_str(), waiting_row[9].as_str()), ("", "ya"));
    assert!(waiting_row[8].parse::<f64>().unwrap() < 0.0, "{waiting_row:?}");
    // Received at 14:00 WITA on Monday: verification due three working days later.
    assert_eq!(waiting_row[7], "2025-03-06T14:00:00+08:00");

    // Filters and scoping as the JSON inbox; the agency sees its own only.
    let (_, overdue) = parse_csv(&h.get("/api/v1/inbox.csv?overdue=true", Auth::Officer(KOORDINATOR)).await);
    assert_eq!(overdue.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), [waiting_ticket.as_str()]);
    let (_, found) = parse_csv(&h.get("/api/v1/inbox.csv?q=hyperlink", Auth::Officer(KOORDINATOR)).await);
    assert_eq!(found.len(), 1);
    let (_, own) = parse_csv(&h.get("/api/v1/inbox.csv", Auth::Officer(DINKES)).await);
    assert_eq!(own.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), [formula_ticket.as_str()]);
    let theirs = h.get("/api/v1/inbox.csv?agency=disdik", Auth::Officer(DINKES)).await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN);
    let nobody = h.get("/api/v1/inbox.csv", Auth::None).await;
    assert_eq!(
        (nobody.status, nobody.body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("auth.required"))
    );
    let paged = h.get("/api/v1/inbox.csv?limit=5", Auth::Officer(KOORDINATOR)).await;
    assert_eq!(paged.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", paged.text);
    assert_eq!(paged.body["errors"][0]["field"], "limit");
    let unknown = h.get("/api/v1/inbox.csv?sort=asc", Auth::Officer(KOORDINATOR)).await;
    assert_eq!(
        (unknown.status, unknown.body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("query.malformed"))
    );
    let bad_status = h.get("/api/v1/inbox.csv?status=hilang", Auth::Officer(KOORDINATOR)).await;
    assert_eq!(bad_status.body["errors"][0]["field"], "status");

    // Statistics: one row per agency and the province, as the JSON figures.
    let r = h.get("/api/v1/stats.csv?period=2025&utm_source=x", Auth::None).await;
    assert_eq!(r.headers[header::CONTENT_DISPOSITION], "attachment; filename=\"aduan-statistik-2025.csv\"");
    let (header, rows) = parse_csv(&r);
    assert_eq!(header.len(), 15);
    assert_eq!(header[0], "instansi_id");
    assert_eq!(
        rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        ["dinkes", "disdik", "rsud-ulin", "provinsi"]
    );
    for row in &rows {
        let path = if row[0] == "provinsi" {
            "/api/v1/stats?period=2025".to_owned()
        } else {
            format!("/api/v1/agencies/{}/stats?period=2025", row[0])
        };
        let j = h.get(&path, Auth::None).await.body;
        let col = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
        assert_eq!(col("diterima"), &j["total"].to_string(), "{row:?}");
        assert_eq!(col("dijawab"), &j["response_working_days"]["count"].as_u64().unwrap_or(0).to_string());
        assert!(same_number(col("median_hari_kerja"), &j["response_working_days"]["median"]), "{row:?}");
        assert!(same_number(col("rerata_hari"), &j["response_days"]["mean"]), "{row:?}");
        assert!(same_number(col("dalam_standar"), &j["within_standard"]["share"]), "{row:?}");
        assert!(same_number(col("tindak_lanjut"), &j["follow_up"]["share"]), "{row:?}");
        assert!(same_number(col("selesai"), &j["completion"]["share"]), "{row:?}");
        assert_eq!(col("terbuka"), &j["open"].to_string());
        assert_eq!(col("terlambat"), &j["overdue"].to_string());
    }
    assert_eq!(rows[0][3], "1");
    assert_eq!(rows[3][3], "2", "the province holds the waiting one too");
    // One agency's months.
    let r = h.get("/api/v1/stats.csv?period=2025&agency=dinkes", Auth::None).await;
    let (header, months) = parse_csv(&r);
    assert_eq!(header, ["bulan", "diterima", "median_hari_kerja", "median_hari", "dalam_standar"]);
    let j = h.get("/api/v1/agencies/dinkes/stats?period=2025", Auth::None).await.body;
    assert_eq!(months.len(), 12);
    for (row, point) in months.iter().zip(j["monthly"].as_array().unwrap()) {
        assert_eq!(row[0], point["month"].as_str().unwrap());
        assert_eq!(row[1], point["received"].to_string());
        assert!(same_number(&row[2], &point["median_working_days"]), "{row:?} {point}");
        assert!(same_number(&row[3], &point["median_days"]), "{row:?} {point}");
        assert!(same_number(&row[4], &point["within_standard"]["share"]), "{row:?} {point}");
    }
    assert_eq!(months[2][1], "1");
    let r = h.get("/api/v1/stats.csv?period=2025-03", Auth::None).await;
    assert_eq!(
        r.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"aduan-statistik-2025-03.csv\""
    );
    let unknown = h.get("/api/v1/stats.csv?agency=tidak-ada", Auth::None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let bad = h.get("/api/v1/stats.csv?period=20x5", Auth::None).await;
    assert_eq!(bad.body["errors"][0]["field"], "period");
}

async fn inbox_csv_pages_through_everything<S: Store>(store: S) {
    let h = harness(store, config(6000, 6000)).await;
    // More than one store page (200) of complaints.
    for i in 0..205 {
        let r = h.submit(&format!("key-csv-pages-{i:04}"), &complaint("publik")).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    let (_, rows) = parse_csv(&h.get("/api/v1/inbox.csv", Auth::Officer(KOORDINATOR)).await);
    let tickets: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!((rows.len(), tickets.len()), (205, 205));
    let first_page = h.get("/api/v1/inbox?limit=200", Auth::Officer(KOORDINATOR)).await;
    let json_order: Vec<&str> =
        first_page.body["items"].as_array().unwrap().iter().map(|i| i["ticket"].as_str().unwrap()).collect();
    let csv_order: Vec<&str> = rows.iter().take(200).map(|r| r[0].as_str()).collect();
    assert_eq!(csv_order, json_order, "most urgent first, as the inbox");
}

// ----- Backends ----------------------------------------------------------------------

async fn sqlite_store() -> SqliteStore {
    let path = std::env::temp_dir().join(format!("aduan-http-{}.sqlite3", unique()));
    SqliteStore::connect(&format!("sqlite://{}", path.display())).await.unwrap()
}

struct PgSchema {
    store: PgStore,
    schema: String,
}

const PG_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

async fn pg_store() -> Option<PgSchema> {
    let schema = format!("aduan_http_{}", unique());
    let admin = match sqlx::PgPool::connect(PG_URL).await {
        Ok(pool) => pool,
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("notice: PostgreSQL at {PG_URL} unreachable ({e}); skipping the PostgreSQL half");
            return None;
        }
        Err(e) => panic!("PostgreSQL at {PG_URL} is required under CI: {e}"),
    };
    sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&admin).await.unwrap();
    let store = PgStore::connect_with_schema(PG_URL, &schema).await.unwrap();
    Some(PgSchema { store, schema })
}

impl PgSchema {
    async fn drop(self) {
        let admin = sqlx::PgPool::connect(PG_URL).await.unwrap();
        sqlx::query(&format!("DROP SCHEMA {} CASCADE", self.schema)).execute(&admin).await.unwrap();
    }
}

macro_rules! both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::sqlite_store().await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(db) = super::pg_store().await else { return };
                    super::$name(db.store.clone()).await;
                    db.drop().await;
                }
            )*
        }
    };
}

both!(
    whole_lifecycle,
    idempotent_retry,
    concurrent_submissions,
    privacy_rules,
    cross_agency_denied,
    stale_version_conflict,
    bad_input,
    rate_limit_and_honeypot,
    auto_close_and_badges,
    one_key_for_every_instance,
    beyond_the_calendar_and_other_edges,
    clients_behind_a_trusted_proxy,
    who_am_i,
    officer_complaint_view,
    awards_list,
    province_statistics,
    csv_exports,
    inbox_csv_pages_through_everything,
);

#[tokio::test]
async fn restart_with_the_same_sqlite_file_loses_nothing() {
    let path = std::env::temp_dir().join(format!("aduan-restart-{}.sqlite3", unique()));
    let url = format!("sqlite://{}", path.display());
    let ticket = {
        let h = harness(SqliteStore::connect(&url).await.unwrap(), config(600, 600)).await;
        let r = h.submit("key-restart-00001", &complaint("publik")).await;
        assert_eq!(r.status, StatusCode::CREATED);
        r.body["ticket"].as_str().unwrap().to_owned()
    };
    let h = harness(SqliteStore::connect(&url).await.unwrap(), config(600, 600)).await;
    let r = h.get(&format!("/api/v1/complaints/{ticket}"), Auth::None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["title"], "Antrean obat di RSUD terlalu lama");
}

#[tokio::test]
async fn health_openapi_and_headers() {
    let h = harness(sqlite_store().await, config(600, 600)).await;
    let r = h.get("/healthz", Auth::None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers.contains_key("x-request-id"));
    assert_eq!(r.headers["referrer-policy"], "no-referrer");
    assert_eq!(h.get("/readyz", Auth::None).await.status, StatusCode::OK);
    let doc = h.get("/api/v1/openapi.json", Auth::None).await;
    assert_eq!(doc.body["openapi"], "3.0.3");
    let paths = doc.body["paths"].as_object().unwrap();
    for (path, method) in aduan_server::openapi::PATHS {
        assert!(paths[*path].get(*method).is_some(), "{method} {path} undocumented");
    }
    assert_eq!(paths.len(), aduan_server::openapi::PATHS.len());
    let agencies = h.get("/api/v1/agencies", Auth::None).await;
    assert_eq!(agencies.body.as_array().unwrap().len(), 3);
}

/// The widgets' bundle: served when this build embeds it (CI builds it
/// first, so there it must be), else a 503 that says how to build it.
#[tokio::test]
async fn widget_files() {
    let h = harness(sqlite_store().await, config(600, 600)).await;
    let with = |path: &str, name: &'static str, value: &'static str| {
        h.send(Request::get(path).header(name, value).body(Body::empty()).unwrap())
    };
    if !aduan_server::widgets::embedded() {
        assert!(std::env::var_os("CI").is_none(), "CI must build the widgets before the server's tests");
        let r = h.get("/widgets/aduan.js", Auth::None).await;
        assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.body["code"], "widgets.not_built");
        return;
    }
    let loader = with("/widgets/aduan.js", "accept-encoding", "gzip, deflate, br").await;
    assert_eq!(loader.status, StatusCode::OK);
    assert_eq!(loader.headers["content-type"], "text/javascript; charset=utf-8");
    assert_eq!(loader.headers["content-encoding"], "br");
    assert_eq!(loader.headers["cache-control"], "public, max-age=300");
    assert_eq!(loader.headers["vary"], "Accept-Encoding");
    let plain = h.get("/widgets/aduan.js", Auth::None).await;
    assert!(plain.headers.get("content-encoding").is_none());
    assert!(plain.text.contains("customElements"), "{}", &plain.text[..plain.text.len().min(200)]);
    let etag = plain.headers["etag"].to_str().unwrap().to_owned();
    let again = h
        .send(Request::get("/widgets/aduan.js").header("if-none-match", &etag).body(Body::empty()).unwrap())
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    // The loader names the hashed bundle it loads.
    let end = plain.text.find(".wasm").expect("the loader names the bundle's WASM") + ".wasm".len();
    let start = plain.text[..end].rfind('"').expect("as a string") + 1;
    let wasm_name = &plain.text[start..end];
    assert!(wasm_name.starts_with("aduan-"), "{wasm_name}");
    let wasm = with(&format!("/widgets/{wasm_name}"), "accept-encoding", "gzip").await;
    assert_eq!(wasm.status, StatusCode::OK, "{wasm_name}");
    assert_eq!(wasm.headers["content-type"], "application/wasm");
    assert_eq!(wasm.headers["content-encoding"], "gzip");
    assert_eq!(wasm.headers["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(wasm.headers["access-control-allow-origin"], "*");
    let missing = h.get("/widgets/aduan-0000.wasm", Auth::None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.body["code"], "widgets.file_not_found");
}
