//! Open311 GeoReport v2 (`/open311/v2/`) driven through the router with
//! `oneshot`, against SQLite and PostgreSQL.
//!
//! The specification's own example documents (`fixtures/open311/`) are the
//! yardstick: every answer is compared with them by structure — element
//! paths in XML, key paths in JSON — so a client written against the
//! specification finds every element where it expects it. Privacy is
//! checked on every listing: confidential complaints never appear, and the
//! public sees a summary only.
//!
//! PostgreSQL tests use the server at 127.0.0.1:5432 (database `test`), each
//! in its own schema, dropped afterwards; as in `http.rs` they are skipped
//! with a notice when it is unreachable, except under CI.

#![allow(clippy::print_stderr)] // The skip notice is for whoever runs the tests.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use aduan_core::visibility::Visibility;
use aduan_core::{ChannelKind, TicketNumber};
use aduan_server::app::{AppState, router};
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
use quick_xml::events::Event;
use serde_json::{Value, json};
use tower::ServiceExt;

const KOORDINATOR: &str = "token-koordinator-kalsel";
const APP_KEY: &str = "kunci-aplikasi-311-rahasia-0001";
const BOT_KEY: &str = "kunci-bot-whatsapp-rahasia-0002";
const APP_ORIGIN: &str = "https://311.kalselprov.go.id";

fn config_toml(per_minute: u32, burst: u32) -> String {
    format!(
        r#"
default_zone = "WITA"
public_url = "https://aduan.kalselprov.go.id"

[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan Provinsi Kalimantan Selatan"
category = "opd"

[[agencies]]
id = "disdik"
name = "Dinas Pendidikan & Kebudayaan <Kalsel>"
category = "opd"

[[agencies]]
id = "rsud-ulin"
name = "RSUD Ulin Banjarmasin"
category = "uptd"

[[agencies]]
id = "kota-banjarmasin"
name = "Pemerintah Kota Banjarmasin"
category = "kabupaten-kota"

[[officers]]
id = "koordinator"
name = "Admin Koordinator Diskominfo"
token_sha256 = "{k}"

[limits]
submissions_per_minute = {per_minute}
submission_burst = {burst}

[open311]
jurisdiction_id = "kalselprov.go.id"
contact = "Hubungi Diskominfo Kalsel, (0511) 123 4567"

[[open311.clients]]
id = "app-311"
name = "Aplikasi 311 Kalsel"
key_sha256 = "{app}"
origin = "{APP_ORIGIN}"

[[open311.clients]]
id = "bot-wa"
name = "Bot WhatsApp"
key_sha256 = "{bot}"
channel = "whats_app"
"#,
        k = sha256_hex(KOORDINATOR),
        app = sha256_hex(APP_KEY),
        bot = sha256_hex(BOT_KEY),
    )
}

fn config(per_minute: u32, burst: u32) -> Config {
    let dir = std::env::temp_dir().join(format!("aduan-open311-{}-{}", std::process::id(), unique()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("aduan.toml");
    std::fs::write(&path, config_toml(per_minute, burst)).unwrap();
    let data = dir.join("data").to_string_lossy().into_owned();
    Config::load(Some(&path), &move |name| (name == "ADUAN_DATA_DIR").then(|| data.clone())).unwrap()
}

fn unique() -> u128 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    nanos * 1000 + u128::from(N.fetch_add(1, Ordering::Relaxed))
}

// ----- The harness ---------------------------------------------------------------------

struct Harness<S: Store> {
    app: Router,
    state: AppState<S>,
    clock: Arc<Mutex<DateTime<Utc>>>,
}

/// What came back, with the body parsed as the format asked for.
struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    text: String,
    json: Value,
}

impl Reply {
    fn xml(&self) -> Node {
        parse_xml(&self.text)
    }
}

async fn harness<S: Store>(store: S, config: Config) -> Harness<S> {
    store.migrate().await.unwrap();
    store.sync_officers(&aduan_server::serve::officers(&config)).await.unwrap();
    // Monday 3 March 2025, 10:00 WITA.
    let clock = Arc::new(Mutex::new("2025-03-03T02:00:00Z".parse().unwrap()));
    let c = Arc::clone(&clock);
    let state = AppState::new(store, config, [7; 32]).with_clock(Arc::new(move || *c.lock().unwrap()));
    Harness { app: router(state.clone()), state, clock }
}

impl<S: Store> Harness<S> {
    fn advance(&self, by: Duration) {
        *self.clock.lock().unwrap() += by;
    }

    async fn send(&self, req: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8(bytes.to_vec()).expect("UTF-8, as the specification requires");
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply { status, headers, text, json }
    }

    async fn get(&self, path: &str) -> Reply {
        self.send(Request::get(path).body(Body::empty()).unwrap()).await
    }

    async fn post_from(
        &self,
        path: &str,
        form: &[(String, String)],
        client: [u8; 4],
        key: Option<&str>,
    ) -> Reply {
        let mut req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded; charset=utf-8")
            .extension(ConnectInfo(SocketAddr::from((client, 40000))));
        if let Some(key) = key {
            req = req.header("idempotency-key", key);
        }
        self.send(req.body(Body::from(serde_urlencoded::to_string(form).unwrap())).unwrap()).await
    }

    async fn post(&self, path: &str, form: &[(String, String)]) -> Reply {
        self.post_from(path, form, [10, 0, 0, 1], None).await
    }

    /// Files a complaint through Open311 and gives its ticket.
    async fn file(&self, form: &[(String, String)]) -> String {
        let r = self.post("/open311/v2/requests.json", form).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        r.json[0]["service_request_id"].as_str().unwrap().to_owned()
    }

    /// An officer action through `/api/v1`, as the console sends it.
    async fn act(&self, ticket: &str, version: u64, action: Value) {
        let req = Request::post(format!("/api/v1/complaints/{ticket}/actions"))
            .header(header::AUTHORIZATION, format!("Bearer {KOORDINATOR}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json!({"version": version, "action": action}).to_string()))
            .unwrap();
        let r = self.send(req).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    }
}

/// A complete filing of `service` with `title` and `privacy` to `agency`.
fn filing(service: &str, agency: &str, title: &str, privacy: &str) -> Vec<(String, String)> {
    [
        ("api_key", APP_KEY),
        ("jurisdiction_id", "kalselprov.go.id"),
        ("service_code", service),
        ("lat", "-3.3194"),
        ("long", "114.5908"),
        ("address_string", "Jl. Lambung Mangkurat, Banjarmasin"),
        ("email", "siti@example.id"),
        ("device_id", "perangkat-77"),
        ("account_id", "akun-123"),
        ("first_name", "Siti"),
        ("last_name", "Aminah"),
        ("phone", "0812-3456-7890"),
        ("description", "Antrean di apotek rawat jalan lebih dari tiga jam setiap pagi sejak awal bulan."),
        ("attribute[title]", title),
        ("attribute[agency]", agency),
        ("attribute[privacy]", privacy),
        ("attribute[incident_date]", "2025-03-01"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect()
}

fn without(mut form: Vec<(String, String)>, names: &[&str]) -> Vec<(String, String)> {
    form.retain(|(k, _)| !names.contains(&k.as_str()));
    form
}

fn with(mut form: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    form.retain(|(k, _)| k != name);
    form.push((name.to_owned(), value.to_owned()));
    form
}

// ----- Structure: XML element paths, JSON key paths -----------------------------------

/// An XML element: its name, its text (entities resolved) and children.
#[derive(Debug, Default)]
struct Node {
    name: String,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn child(&self, name: &str) -> &Node {
        self.children
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no <{name}> in <{}>", self.name))
    }

    fn all(&self, name: &str) -> Vec<&Node> {
        self.children.iter().filter(|c| c.name == name).collect()
    }

    /// Every element path below and including this one, `a/b/c`.
    fn paths(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        self.collect(&mut String::new(), &mut out);
        out
    }

    fn collect(&self, prefix: &mut String, out: &mut BTreeSet<String>) {
        let len = prefix.len();
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(&self.name);
        out.insert(prefix.clone());
        for child in &self.children {
            child.collect(prefix, out);
        }
        prefix.truncate(len);
    }
}

/// Parses a whole document, which must start with the declaration the
/// specification requires.
fn parse_xml(text: &str) -> Node {
    // Text is kept exactly: entity references split it into pieces, and
    // trimming each piece would eat the spaces around them.
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack = vec![Node::default()];
    let mut declared = false;
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("not well-formed XML ({e}): {text}")) {
            Event::Decl(d) => {
                assert_eq!(&*d.version().unwrap(), b"1.0");
                assert_eq!(d.encoding().unwrap().unwrap().to_ascii_lowercase(), b"utf-8");
                declared = true;
            }
            Event::Start(e) => stack.push(Node {
                name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
                ..Node::default()
            }),
            Event::Empty(e) => {
                let node =
                    Node { name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(), ..Node::default() };
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let mut node = stack.pop().unwrap();
                if !node.children.is_empty() {
                    assert!(node.text.trim().is_empty(), "mixed content in <{}>: {text}", node.name);
                    node.text.clear();
                }
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.decode().unwrap())
                        .unwrap_or_else(|| panic!("unknown entity in {text}"))
                        .to_owned(),
                };
                stack.last_mut().unwrap().text.push_str(&resolved);
            }
            Event::Eof => break,
            other => panic!("unexpected {other:?} in {text}"),
        }
    }
    assert!(declared, "no XML declaration: {text}");
    let mut document = stack.pop().unwrap();
    assert!(document.text.trim().is_empty(), "text outside the root: {text}");
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.pop().unwrap()
}

/// Every key path of a JSON document, arrays as `[]`.
fn json_paths(value: &Value) -> BTreeSet<String> {
    fn walk(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
        match value {
            Value::Array(items) => {
                let here = format!("{prefix}[]");
                out.insert(here.clone());
                for item in items {
                    walk(item, &here, out);
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    let here = if prefix.is_empty() { k.clone() } else { format!("{prefix}/{k}") };
                    out.insert(here.clone());
                    walk(v, &here, out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(value, "", &mut out);
    out
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/open311").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture_json(name: &str) -> BTreeSet<String> {
    json_paths(&serde_json::from_str(&fixture(name)).unwrap())
}

fn fixture_xml(name: &str) -> BTreeSet<String> {
    parse_xml(&fixture(name)).paths()
}

/// What a public listing leaves out of the specification's request: the
/// location and media (content, which the public may not see).
const PRIVATE: [&str; 6] = ["address", "address_id", "zipcode", "lat", "long", "media_url"];

fn public_json_paths() -> BTreeSet<String> {
    fixture_json("requests.json")
        .into_iter()
        .filter(|p| !PRIVATE.iter().any(|f| *p == format!("[]/{f}")))
        .collect()
}

fn public_xml_paths() -> BTreeSet<String> {
    fixture_xml("requests.xml")
        .into_iter()
        .filter(|p| !PRIVATE.iter().any(|f| *p == format!("service_requests/request/{f}")))
        .collect()
}

fn assert_json_errors(r: &Reply, status: StatusCode, needles: &[&str]) {
    assert_eq!(r.status, status, "{}", r.text);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/json; charset=utf-8");
    assert_eq!(json_paths(&r.json), fixture_json("errors.json"), "{}", r.text);
    let descriptions: Vec<&str> =
        r.json.as_array().unwrap().iter().map(|e| e["description"].as_str().unwrap()).collect();
    for e in r.json.as_array().unwrap() {
        assert_eq!(e["code"], status.as_u16(), "{}", r.text);
    }
    assert_eq!(descriptions.len(), needles.len(), "{descriptions:?}");
    for (description, needle) in descriptions.iter().zip(needles) {
        assert!(description.starts_with(needle), "{description:?} should start with {needle:?}");
        assert!(description.contains(" / "), "Indonesian, then English: {description}");
    }
}

fn assert_xml_errors(r: &Reply, status: StatusCode, needle: &str) {
    assert_eq!(r.status, status, "{}", r.text);
    assert_eq!(r.headers[header::CONTENT_TYPE], "text/xml; charset=utf-8");
    let root = r.xml();
    assert_eq!(root.paths(), fixture_xml("errors.xml"), "{}", r.text);
    let error = root.child("error");
    assert_eq!(error.child("code").text, status.as_u16().to_string());
    assert!(error.child("description").text.contains(needle), "{}", r.text);
}

// ----- The suite, written once ----------------------------------------------------------

async fn service_list_and_definitions<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let r = h.get("/open311/v2/services.json").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/json; charset=utf-8");
    assert_eq!(json_paths(&r.json), fixture_json("services.json"));
    let codes: Vec<&str> =
        r.json.as_array().unwrap().iter().map(|s| s["service_code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        [
            "pengaduan.opd",
            "pengaduan.uptd",
            "pengaduan.kabupaten-kota",
            "aspirasi.opd",
            "aspirasi.uptd",
            "aspirasi.kabupaten-kota",
            "permintaan_informasi.opd",
            "permintaan_informasi.uptd",
            "permintaan_informasi.kabupaten-kota",
        ]
    );
    let first = &r.json[0];
    assert_eq!(first["service_name"], "Pengaduan — OPD Pemprov");
    assert_eq!(first["group"], "Pengaduan");
    assert_eq!(first["type"], "realtime");
    assert_eq!(first["metadata"], true, "a boolean, as in the specification");
    assert!(first["keywords"].as_str().unwrap().contains("keluhan"));
    assert!(first["description"].as_str().unwrap().contains("Dinas Kesehatan Provinsi Kalimantan Selatan"));

    let x = h.get("/open311/v2/services.xml").await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    assert_eq!(x.headers[header::CONTENT_TYPE], "text/xml; charset=utf-8");
    assert!(x.text.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "{}", x.text);
    let root = x.xml();
    assert_eq!(root.paths(), fixture_xml("services.xml"));
    assert_eq!(root.all("service").len(), 9);
    assert_eq!(root.all("service")[0].child("metadata").text, "true");
    // The agency name with markup characters is escaped, not markup.
    assert!(x.text.contains("Dinas Pendidikan &amp; Kebudayaan &lt;Kalsel&gt;"), "{}", x.text);
    assert!(
        root.all("service")[0].child("description").text.contains("Dinas Pendidikan & Kebudayaan <Kalsel>")
    );

    // The definition: the specification's shape, the attributes a complaint needs.
    let d = h.get("/open311/v2/services/pengaduan.opd.json").await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.text);
    assert_eq!(json_paths(&d.json), fixture_json("service_definition.json"));
    assert_eq!(d.json["service_code"], "pengaduan.opd");
    let attributes = d.json["attributes"].as_array().unwrap();
    let summary: Vec<(&str, &str, bool, i64, bool)> = attributes
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap(),
                a["datatype"].as_str().unwrap(),
                a["required"].as_bool().unwrap(),
                a["order"].as_i64().unwrap(),
                a["variable"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("title", "string", true, 1, true),
            ("agency", "singlevaluelist", true, 2, true),
            ("privacy", "singlevaluelist", true, 3, true),
            ("incident_date", "datetime", true, 4, true),
        ]
    );
    let keys = |a: &Value| -> Vec<String> {
        a["values"].as_array().unwrap().iter().map(|v| v["key"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(keys(&attributes[1]), ["dinkes", "disdik"]);
    assert_eq!(keys(&attributes[2]), ["anonim", "publik", "rahasia"]);
    for a in attributes {
        assert!(a["description"].as_str().unwrap().contains(" / "), "both languages: {a}");
        assert!(a["datatype_description"].is_string());
    }
    // The date is asked of complaints only.
    let aspirasi = h.get("/open311/v2/services/aspirasi.uptd.json").await;
    assert_eq!(aspirasi.json["attributes"][3]["required"], false);
    assert_eq!(keys(&aspirasi.json["attributes"][1]), ["rsud-ulin"]);

    let dx = h.get("/open311/v2/services/pengaduan.opd.xml").await;
    assert_eq!(dx.status, StatusCode::OK);
    let root = dx.xml();
    assert_eq!(root.paths(), fixture_xml("service_definition.xml"));
    let agency = root.child("attributes").all("attribute")[1];
    assert_eq!(agency.child("code").text, "agency");
    assert_eq!(
        agency.child("values").all("value")[1].child("name").text,
        "Dinas Pendidikan & Kebudayaan <Kalsel>"
    );

    // What does not exist: 404 in the asked format.
    assert_json_errors(
        &h.get("/open311/v2/services/pengaduan.dinas.json").await,
        StatusCode::NOT_FOUND,
        &["service_code pengaduan.dinas tidak ditemukan"],
    );
    assert_xml_errors(
        &h.get("/open311/v2/services/lubang.xml").await,
        StatusCode::NOT_FOUND,
        "service_code lubang",
    );
    assert_xml_errors(&h.get("/open311/v2/services.html").await, StatusCode::NOT_FOUND, ".json atau .xml");
    // The jurisdiction: ours (in any case) is accepted, another is not found.
    let ours = h.get("/open311/v2/services.json?jurisdiction_id=KalselProv.go.id").await;
    assert_eq!(ours.status, StatusCode::OK, "{}", ours.text);
    let empty = h.get("/open311/v2/services.json?jurisdiction_id=").await;
    assert_eq!(empty.status, StatusCode::OK, "an empty optional argument is an absent one");
    assert_json_errors(
        &h.get("/open311/v2/services.json?jurisdiction_id=sfgov.org").await,
        StatusCode::NOT_FOUND,
        &["jurisdiction_id sfgov.org tidak ditemukan"],
    );
    assert_xml_errors(
        &h.get("/open311/v2/services/pengaduan.opd.xml?jurisdiction_id=city.gov").await,
        StatusCode::NOT_FOUND,
        "jurisdiction_id city.gov",
    );
    // Service discovery, in both formats, shaped like the specification's example.
    let disc = h.get("/open311/discovery.json").await;
    assert_eq!(disc.status, StatusCode::OK, "{}", disc.text);
    assert_eq!(json_paths(&disc.json), fixture_json("discovery.json"));
    let endpoint = &disc.json["endpoints"][0];
    assert_eq!(endpoint["specification"], "http://wiki.open311.org/GeoReport_v2");
    assert_eq!(endpoint["url"], "https://aduan.kalselprov.go.id/open311/v2");
    assert_eq!(endpoint["formats"], json!(["text/xml", "application/json"]));
    assert_eq!(endpoint["type"], "production");
    assert_eq!(disc.json["contact"], "Hubungi Diskominfo Kalsel, (0511) 123 4567");
    assert!(disc.json["key_service"].as_str().unwrap().contains("api_key"));
    let changeset = disc.json["changeset"].as_str().unwrap();
    assert!(chrono::NaiveDateTime::parse_from_str(changeset, "%Y-%m-%d %H:%M").is_ok(), "{changeset}");
    let disc = h.get("/open311/discovery.xml").await;
    assert_eq!(disc.status, StatusCode::OK, "{}", disc.text);
    let root = disc.xml();
    assert_eq!(root.paths(), fixture_xml("discovery.xml"));
    let formats = root.child("endpoints").child("endpoint").child("formats");
    let formats: Vec<&str> = formats.all("format").iter().map(|f| f.text.as_str()).collect();
    assert_eq!(formats, ["text/xml", "application/json"]);
    assert_xml_errors(&h.get("/open311/discovery.html").await, StatusCode::NOT_FOUND, ".json atau .xml");
    assert_xml_errors(&h.get("/open311/services.xml").await, StatusCode::NOT_FOUND, "services.xml");
    // Tokens are never issued: storage is synchronous.
    assert_json_errors(
        &h.get("/open311/v2/tokens/12345.json").await,
        StatusCode::NOT_FOUND,
        &["Token tidak ditemukan"],
    );
    assert_xml_errors(&h.get("/open311/v2/tokens/12345.xml").await, StatusCode::NOT_FOUND, "no tokens");
}

async fn file_and_follow<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let title = "Antrean obat di RSUD terlalu lama";
    let r = h.post("/open311/v2/requests.json", &filing("pengaduan.opd", "dinkes", title, "publik")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(json_paths(&r.json), fixture_json("post_response.json"));
    let ticket = r.json[0]["service_request_id"].as_str().unwrap().to_owned();
    assert!(TicketNumber::parse(&ticket).is_ok(), "{ticket}");
    assert_eq!(r.json[0]["account_id"], "akun-123");
    let notice = r.json[0]["service_notice"].as_str().unwrap();
    assert!(notice.contains(&ticket), "{notice}");
    // Verification is due three working days later: Thursday 10:00 WITA.
    assert!(notice.contains("6 Maret 2025"), "{notice}");
    // The access code in the notice is the reporter's: it opens the complaint.
    let code = notice.split("Kode akses Anda: ").nth(1).unwrap().split('.').next().unwrap();
    let req = Request::get(format!("/api/v1/complaints/{ticket}")).header("x-access-secret", code);
    let mine = h.send(req.body(Body::empty()).unwrap()).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.text);
    assert!(mine.json["description"].as_str().unwrap().starts_with("Antrean di apotek"));
    assert_eq!(mine.json["location"], "Jl. Lambung Mangkurat, Banjarmasin");
    assert_eq!(mine.json["reporter_name"], "Siti Aminah");
    // Recorded as coming from the client's web form, with its map point.
    let parsed = TicketNumber::parse(&ticket).unwrap();
    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    let record = h.state.store.load(&parsed, all).await.unwrap().unwrap();
    assert_eq!(record.origin.as_deref(), Some(APP_ORIGIN));
    assert_eq!(record.reporter_phone.as_deref(), Some("+6281234567890"));
    assert_eq!(record.coordinates.map(|c| (c.lat, c.lon)), Some((-3.3194, 114.5908)));
    assert_eq!(record.incident_date.unwrap().to_string(), "2025-03-01");

    // Read back as the public sees it, in both formats.
    let one = h.get(&format!("/open311/v2/requests/{ticket}.json")).await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.text);
    assert_eq!(json_paths(&one.json), public_json_paths(), "{}", one.text);
    let request = &one.json[0];
    let want = json!({
        "service_request_id": ticket,
        "status": "open",
        "status_notes": "Diterima: Pengaduan diterima / Received: Complaint received",
        "service_name": "Pengaduan — OPD Pemprov",
        "service_code": "pengaduan.opd",
        "description": title,
        "agency_responsible": null,
        "service_notice": null,
        "requested_datetime": "2025-03-03T10:00:00+08:00",
        "updated_datetime": "2025-03-03T10:00:00+08:00",
        "expected_datetime": "2025-03-06T10:00:00+08:00",
    });
    assert_eq!(*request, want);
    let public_text = one.text.clone();
    let x = h.get(&format!("/open311/v2/requests/{ticket}.xml")).await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    let root = x.xml();
    assert_eq!(root.paths(), public_xml_paths(), "{}", x.text);
    let request = root.child("request");
    assert_eq!(request.child("service_request_id").text, ticket);
    assert_eq!(request.child("expected_datetime").text, "2025-03-06T10:00:00+08:00");
    assert_eq!(request.child("agency_responsible").text, "");
    assert!(x.text.contains("<agency_responsible/>"), "an empty element: {}", x.text);
    // Content and identity never reach the public.
    for text in [&public_text, &x.text] {
        for secret in
            ["apotek", "Lambung", "-3.3194", "114.59", "Siti", "siti@example.id", "3456", "akun-123", code]
        {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }

    // The specification's own example request, with what Aduan needs
    // (its key and service, an Indonesian phone number, the attributes).
    let example = fixture("post_request.txt");
    let body = example.lines().last().unwrap();
    let mut form: Vec<(String, String)> = serde_urlencoded::from_str(body).unwrap();
    for (name, value) in &mut form {
        match name.as_str() {
            "api_key" => *value = BOT_KEY.to_owned(),
            "jurisdiction_id" => *value = "kalselprov.go.id".to_owned(),
            "service_code" => *value = "aspirasi.kabupaten-kota".to_owned(),
            "phone" => *value = "081234567891".to_owned(),
            _ => {}
        }
    }
    form.retain(|(k, _)| !k.starts_with("attribute["));
    form.extend([
        ("attribute[title]".to_owned(), "Lubang besar merusak jalan".to_owned()),
        ("attribute[agency]".to_owned(), "kota-banjarmasin".to_owned()),
        ("attribute[privacy]".to_owned(), "anonim".to_owned()),
    ]);
    let names: BTreeSet<&str> = form.iter().map(|(k, _)| k.as_str()).collect();
    for field in
        ["address_string", "device_id", "account_id", "first_name", "last_name", "media_url", "lat", "long"]
    {
        assert!(names.contains(field), "the example sends {field}");
    }
    let r = h.post("/open311/v2/requests.xml", &form).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let root = r.xml();
    assert_eq!(root.paths(), fixture_xml("post_response.xml"), "{}", r.text);
    let second = root.child("request").child("service_request_id").text.clone();
    assert_eq!(root.child("request").child("account_id").text, "123456");
    let record = h.state.store.load(&TicketNumber::parse(&second).unwrap(), all).await.unwrap().unwrap();
    assert_eq!(record.origin, None);
    let aduan_core::lifecycle::Action::Received { channel, .. } = &record.events[0].action else { panic!() };
    assert_eq!(*channel, ChannelKind::WhatsApp, "the bot's configured channel");
    assert!(
        record
            .description
            .as_deref()
            .unwrap()
            .ends_with("Media: http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg")
    );
    assert_eq!(record.reporter_name.as_deref(), Some("john smith"));

    // A retried POST with the same Idempotency-Key is the same request.
    let form = filing("pengaduan.opd", "dinkes", "Lampu jalan mati sepekan", "anonim");
    let a =
        h.post_from("/open311/v2/requests.json", &form, [10, 0, 0, 2], Some("3f1c9a7e-0b5d-4e2a-9c61")).await;
    let b =
        h.post_from("/open311/v2/requests.json", &form, [10, 0, 0, 2], Some("3f1c9a7e-0b5d-4e2a-9c61")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.json, b.json);
    let other = with(form, "attribute[title]", "Lampu taman mati sepekan");
    let c = h
        .post_from("/open311/v2/requests.json", &other, [10, 0, 0, 2], Some("3f1c9a7e-0b5d-4e2a-9c61"))
        .await;
    assert_json_errors(&c, StatusCode::BAD_REQUEST, &["Idempotency-Key ini sudah dipakai"]);
    // Three complaints, none verified yet: the public list leaves them out,
    // and by their ids they are there.
    let listed = h.get("/open311/v2/requests.json").await;
    assert_eq!(listed.json, json!([]), "{}", listed.text);
    let third = a.json[0]["service_request_id"].as_str().unwrap().to_owned();
    let by_ids =
        h.get(&format!("/open311/v2/requests.json?service_request_id={ticket},{second},{third}")).await;
    assert_eq!(by_ids.json.as_array().unwrap().len(), 3, "{}", by_ids.text);
}

async fn refusals<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let good = filing("pengaduan.opd", "dinkes", "Antrean obat di RSUD terlalu lama", "publik");
    let path = "/open311/v2/requests.json";
    assert_json_errors(
        &h.post(path, &without(good.clone(), &["api_key"])).await,
        StatusCode::FORBIDDEN,
        &["api_key tidak ada"],
    );
    assert_json_errors(
        &h.post(path, &with(good.clone(), "api_key", "xyz")).await,
        StatusCode::FORBIDDEN,
        &["api_key tidak dikenal"],
    );
    // An officer's token is not an API key.
    assert_xml_errors(
        &h.post("/open311/v2/requests.xml", &with(good.clone(), "api_key", KOORDINATOR)).await,
        StatusCode::FORBIDDEN,
        "api_key",
    );
    // Every field error at once, each naming its Open311 field.
    let r = h
        .post(path, &without(good.clone(), &["attribute[title]", "attribute[privacy]", "description"]))
        .await;
    assert_json_errors(
        &r,
        StatusCode::BAD_REQUEST,
        &["attribute[title]: ", "description: ", "attribute[privacy]: "],
    );
    let title_error = "attribute[title]: Masukkan judul pengaduan / attribute[title]: Enter a title";
    assert_eq!(r.json[0]["description"], title_error);
    let r = h
        .post(
            path,
            &with(
                with(with(good.clone(), "lat", "utara"), "attribute[agency]", "rsud-ulin"),
                "attribute[warna]",
                "merah",
            ),
        )
        .await;
    assert_json_errors(
        &r,
        StatusCode::BAD_REQUEST,
        &["attribute[warna]: ", "attribute[agency]: rsud-ulin bukan instansi", "lat: utara"],
    );
    let r = h.post(path, &without(good.clone(), &["long"])).await;
    assert_json_errors(&r, StatusCode::BAD_REQUEST, &["long: kirim long bersama lat"]);
    let r = h.post(path, &with(good.clone(), "attribute[incident_date]", "2025-03-09")).await;
    assert_json_errors(
        &r,
        StatusCode::BAD_REQUEST,
        &["attribute[incident_date]: Tanggal kejadian harus hari ini"],
    );
    let r = h.post(path, &with(good.clone(), "email", "siti-at-example")).await;
    assert_json_errors(&r, StatusCode::BAD_REQUEST, &["email: "]);
    let r = h.post(path, &with(good.clone(), "media_url", "javascript:alert(1)")).await;
    assert_json_errors(&r, StatusCode::BAD_REQUEST, &["media_url: "]);
    let r = h
        .post(path, &with(without(good.clone(), &["lat", "long", "address_string"]), "address_id", "545483"))
        .await;
    assert_json_errors(&r, StatusCode::BAD_REQUEST, &["address_id: "]);
    assert_json_errors(
        &h.post(path, &without(good.clone(), &["service_code"])).await,
        StatusCode::BAD_REQUEST,
        &["service_code: tidak ada"],
    );
    assert_json_errors(
        &h.post(path, &with(good.clone(), "service_code", "001")).await,
        StatusCode::NOT_FOUND,
        &["service_code 001 tidak ditemukan"],
    );
    assert_json_errors(
        &h.post(path, &with(good.clone(), "jurisdiction_id", "city.gov")).await,
        StatusCode::NOT_FOUND,
        &["jurisdiction_id city.gov"],
    );
    assert_json_errors(
        &h.post(path, &[good.clone(), good.clone()].concat()).await,
        StatusCode::BAD_REQUEST,
        &["api_key: dikirim lebih dari sekali"],
    );
    let json_body = Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"service_code\":\"pengaduan.opd\"}"))
        .unwrap();
    assert_json_errors(
        &h.send(json_body).await,
        StatusCode::BAD_REQUEST,
        &["Kirim isi permintaan sebagai application/x-www-form-urlencoded"],
    );
    assert_json_errors(
        &h.post("/open311/v2/services.json", &good).await,
        StatusCode::NOT_FOUND,
        &["Alamat ini tidak ada"],
    );
    let huge = with(good.clone(), "description", &"a".repeat(70_000));
    assert_json_errors(
        &h.post(path, &huge).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        &["Isi permintaan lebih dari 65536 byte"],
    );
    // Nothing was stored by any of them.
    let listed = h.get("/open311/v2/requests.json").await;
    assert_eq!(listed.json, json!([]), "{}", listed.text);
    let histories = h.state.store.histories(None).await.unwrap();
    assert!(histories.is_empty());
}

/// The ids of a list, in order.
fn ids(r: &Reply) -> Vec<String> {
    let list = r.json.as_array().unwrap_or_else(|| panic!("{}", r.text));
    list.iter().map(|x| x["service_request_id"].as_str().unwrap().to_owned()).collect()
}

/// Lists `path` and checks it holds exactly `want` (in any order); gives
/// the answer's text.
async fn listed<S: Store>(h: &Harness<S>, path: &str, want: &[&String]) -> String {
    let r = h.get(path).await;
    assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text);
    let mut got = ids(&r);
    got.sort();
    let mut want: Vec<String> = want.iter().map(|w| (*w).clone()).collect();
    want.sort();
    assert_eq!(got, want, "{path}");
    r.text
}

async fn listing_and_filters<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    // Monday: a public complaint.
    let c1 = h.file(&filing("pengaduan.opd", "dinkes", "Antrean obat di RSUD terlalu lama", "publik")).await;
    h.advance(Duration::days(1));
    // Tuesday: an anonymous aspiration to a hospital.
    let aspiration = without(
        filing("aspirasi.uptd", "rsud-ulin", "Tambah kursi ruang tunggu poli", "anonim"),
        &["first_name", "last_name", "email", "phone", "attribute[incident_date]"],
    );
    let c2 = h.file(&aspiration).await;
    h.advance(Duration::days(1));
    // Wednesday: a confidential one, one disposed and one archived.
    let secret_title = "Pungutan liar di loket kartu berobat";
    let c3 = h.file(&filing("pengaduan.opd", "dinkes", secret_title, "rahasia")).await;
    let c4 = h.file(&filing("pengaduan.opd", "disdik", "Atap ruang kelas SMA bocor", "publik")).await;
    let c5 = h.file(&filing("pengaduan.opd", "dinkes", "Antrean obat di RSUD lama sekali", "anonim")).await;
    h.advance(Duration::hours(2));
    h.act(&c4, 1, json!({"type": "verified", "privacy": null})).await;
    h.act(&c4, 2, json!({"type": "disposed", "to": "disdik"})).await;
    h.act(
        &c5,
        1,
        json!({"type": "archived", "reason": "duplikat", "note": "Sama dengan laporan sebelumnya"}),
    )
    .await;
    // The confidential complaint is verified too: still never listed.
    h.act(&c3, 1, json!({"type": "verified", "privacy": null})).await;

    let mut outputs = Vec::new();
    // Not yet verified: not in the public list (the koordinator may still
    // make them confidential).
    let unverified = h.get("/open311/v2/requests.json").await;
    assert_eq!(ids(&unverified), std::slice::from_ref(&c4), "{}", unverified.text);
    h.act(&c1, 1, json!({"type": "verified", "privacy": null})).await;
    h.act(&c2, 1, json!({"type": "verified", "privacy": null})).await;

    let all = h.get("/open311/v2/requests.json").await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text);
    assert_eq!(json_paths(&all.json), public_json_paths());
    // Newest first; the archived complaint is left out of lists.
    let got = ids(&all);
    assert_eq!(got, [c4.clone(), c2.clone(), c1.clone()], "{}", all.text);
    assert!(!got.contains(&c3), "a confidential complaint is never listed");
    // By id, the archived one is there too.
    let with_archived =
        h.get(&format!("/open311/v2/requests.json?service_request_id={c1},{c2},{c4},{c5}")).await;
    let by_id = |id: &str| {
        with_archived.json.as_array().unwrap().iter().find(|x| x["service_request_id"] == id).unwrap().clone()
    };
    let disposed = by_id(&c4);
    assert_eq!(disposed["agency_responsible"], "Dinas Pendidikan & Kebudayaan <Kalsel>");
    assert_eq!(disposed["status"], "open");
    assert_eq!(
        disposed["status_notes"],
        "Didisposisikan: Didisposisikan ke instansi / Assigned to an agency"
    );
    // Follow-up due five working days after the disposition (Wednesday 12:00 WITA).
    assert_eq!(disposed["expected_datetime"], "2025-03-12T12:00:00+08:00");
    assert_eq!(disposed["updated_datetime"], "2025-03-05T12:00:00+08:00");
    let archived = by_id(&c5);
    assert_eq!(archived["status"], "closed");
    assert_eq!(archived["status_notes"], "Diarsipkan / Archived");
    assert_eq!(archived["expected_datetime"], Value::Null);
    assert_eq!(archived["updated_datetime"], "2025-03-05T12:00:00+08:00");
    assert_eq!(by_id(&c2)["service_code"], "aspirasi.uptd");
    assert_eq!(by_id(&c2)["service_name"], "Aspirasi — UPTD");
    outputs.push(all.text.clone());

    let base = "/open311/v2/requests.json";
    outputs.push(listed(&h, &format!("{base}?status=closed"), &[]).await);
    outputs.push(listed(&h, &format!("{base}?status=open"), &[&c1, &c2, &c4]).await);
    outputs.push(
        listed(&h, &format!("{base}?status=open,closed&jurisdiction_id=kalselprov.go.id"), &[&c1, &c2, &c4])
            .await,
    );
    outputs.push(listed(&h, &format!("{base}?service_code=aspirasi.uptd"), &[&c2]).await);
    outputs.push(
        listed(&h, &format!("{base}?service_code=aspirasi.uptd,pengaduan.opd&status=open"), &[&c1, &c2, &c4])
            .await,
    );
    outputs.push(listed(&h, &format!("{base}?service_code=permintaan_informasi.opd"), &[]).await);
    outputs.push(
        listed(
            &h,
            &format!("{base}?start_date=2025-03-04T00:00:00%2B08:00&end_date=2025-03-04T23:59:59%2B08:00"),
            &[&c2],
        )
        .await,
    );
    outputs.push(listed(&h, &format!("{base}?start_date=2025-03-04T02:00:00Z"), &[&c2, &c4]).await);
    outputs.push(listed(&h, &format!("{base}?end_date=2025-03-04T02:00:00Z"), &[&c1, &c2]).await);
    // service_request_id overrides every other filter, but never reveals a confidential one.
    outputs.push(
        listed(
            &h,
            &format!("{base}?service_request_id={c1},{c3},{c5}&status=open&service_code=aspirasi.uptd"),
            &[&c1, &c5],
        )
        .await,
    );
    let xml = h.get(&format!("/open311/v2/requests.xml?service_request_id={c4}")).await;
    assert_eq!(xml.xml().paths(), public_xml_paths());
    assert_eq!(
        xml.xml().child("request").child("agency_responsible").text,
        "Dinas Pendidikan & Kebudayaan <Kalsel>"
    );
    outputs.push(xml.text.clone());
    outputs.push(h.get("/open311/v2/requests.xml").await.text);

    // Bad filters are refused, naming the parameter.
    let too_long =
        h.get(&format!("{base}?start_date=2025-01-01T00:00:00Z&end_date=2025-04-02T00:00:01Z")).await;
    assert_json_errors(
        &too_long,
        StatusCode::BAD_REQUEST,
        &["end_date: rentang start_date sampai end_date paling lama 90 hari"],
    );
    let exactly =
        h.get(&format!("{base}?start_date=2025-01-01T00:00:00Z&end_date=2025-04-01T00:00:00Z")).await;
    assert_eq!(exactly.status, StatusCode::OK, "90 days exactly: {}", exactly.text);
    let backwards =
        h.get(&format!("{base}?start_date=2025-03-05T00:00:00Z&end_date=2025-03-04T00:00:00Z")).await;
    assert_json_errors(&backwards, StatusCode::BAD_REQUEST, &["start_date: harus sebelum end_date"]);
    assert_json_errors(
        &h.get(&format!("{base}?start_date=2025-03-04")).await,
        StatusCode::BAD_REQUEST,
        &["start_date: 2025-03-04 bukan"],
    );
    assert_json_errors(
        &h.get(&format!("{base}?status=pending")).await,
        StatusCode::BAD_REQUEST,
        &["status: pending tidak dikenal"],
    );
    assert_json_errors(
        &h.get(&format!("{base}?service_code=lubang")).await,
        StatusCode::BAD_REQUEST,
        &["service_code: lubang"],
    );
    assert_json_errors(
        &h.get(&format!("{base}?service_request_id=ABC")).await,
        StatusCode::BAD_REQUEST,
        &["service_request_id: ABC"],
    );
    assert_json_errors(
        &h.get(&format!("{base}?jurisdiction_id=city.gov")).await,
        StatusCode::NOT_FOUND,
        &["jurisdiction_id city.gov"],
    );

    // One request: unknown, mistyped and confidential are all simply not found.
    for id in [&c3, &TicketNumber::from_entropy(42).to_string(), &"ABCDE".to_owned()] {
        assert_json_errors(
            &h.get(&format!("/open311/v2/requests/{id}.json")).await,
            StatusCode::NOT_FOUND,
            &["service_request_id"],
        );
        assert_xml_errors(
            &h.get(&format!("/open311/v2/requests/{id}.xml")).await,
            StatusCode::NOT_FOUND,
            "service_request_id",
        );
    }
    // The default window is the last 90 days.
    h.advance(Duration::days(100));
    assert_eq!(h.get(base).await.json, json!([]));
    outputs
        .push(listed(&h, &format!("{base}?start_date=2025-03-01T00:00:00%2B08:00"), &[&c1, &c2, &c4]).await);
    for text in &outputs {
        assert!(!text.contains(secret_title), "the confidential complaint leaked: {text}");
        assert!(!text.contains(&c3), "the confidential ticket leaked: {text}");
        assert!(!text.contains("Sama dengan laporan"), "an archive note is content: {text}");
        assert!(!text.contains("Antrean di apotek"), "descriptions are content: {text}");
    }
}

async fn hostile_text_is_escaped<S: Store>(store: S) {
    let h = harness(store, config(600, 600)).await;
    let title = r#"<b onclick="x">Jalan</b> & 'rusak' ]]> &amp;"#;
    let ticket = h.file(&filing("pengaduan.opd", "dinkes", title, "anonim")).await;
    let x = h.get(&format!("/open311/v2/requests/{ticket}.xml")).await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    assert!(!x.text.contains("<b"), "{}", x.text);
    assert!(
        x.text.contains(
            "&lt;b onclick=&quot;x&quot;&gt;Jalan&lt;/b&gt; &amp; &apos;rusak&apos; ]]&gt; &amp;amp;"
        ),
        "{}",
        x.text
    );
    assert_eq!(x.xml().child("request").child("description").text, title, "the text survives exactly");
    let j = h.get(&format!("/open311/v2/requests/{ticket}.json")).await;
    assert!(!j.text.contains('<') && !j.text.contains('>') && !j.text.contains('&'), "{}", j.text);
    assert_eq!(j.json[0]["description"], title);
    // A hostile field error is escaped too.
    let r = h
        .post(
            "/open311/v2/requests.xml",
            &with(filing("pengaduan.opd", "dinkes", title, "anonim"), "attribute[agency]", "<x>&"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert!(!r.text.contains("<x>"), "{}", r.text);
    assert!(r.xml().child("error").child("description").text.contains("<x>&"));
}

async fn filing_is_rate_limited<S: Store>(store: S) {
    let h = harness(store, config(1, 1)).await;
    let form = filing("pengaduan.opd", "dinkes", "Antrean obat di RSUD terlalu lama", "publik");
    let first = h.post_from("/open311/v2/requests.json", &form, [10, 1, 1, 1], None).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    let second = h.post_from("/open311/v2/requests.xml", &form, [10, 1, 1, 1], None).await;
    assert_xml_errors(&second, StatusCode::TOO_MANY_REQUESTS, "Terlalu banyak laporan");
    assert!(second.headers.contains_key(header::RETRY_AFTER));
    let elsewhere = h.post_from("/open311/v2/requests.json", &form, [10, 1, 1, 2], None).await;
    assert_eq!(elsewhere.status, StatusCode::OK, "{}", elsewhere.text);
    // Reading is never limited.
    for _ in 0..3 {
        assert_eq!(h.get("/open311/v2/requests.json").await.status, StatusCode::OK);
    }
}

// ----- Backends ----------------------------------------------------------------------

async fn sqlite_store() -> SqliteStore {
    let path = std::env::temp_dir().join(format!("aduan-open311-{}.sqlite3", unique()));
    SqliteStore::connect(&format!("sqlite://{}", path.display())).await.unwrap()
}

struct PgSchema {
    store: PgStore,
    schema: String,
}

const PG_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

async fn pg_store() -> Option<PgSchema> {
    let schema = format!("aduan_open311_{}", unique());
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
    service_list_and_definitions,
    file_and_follow,
    refusals,
    listing_and_filters,
    hostile_text_is_escaped,
    filing_is_rate_limited
);

/// The fixtures are the specification's documents: their structure is
/// what the comparisons above rely on, so check it is what the
/// specification lays out.
#[test]
fn fixtures_have_the_specifications_structure() {
    let services = fixture_xml("services.xml");
    for field in ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"] {
        assert!(services.contains(&format!("services/service/{field}")), "{field}");
    }
    assert!(
        fixture_xml("service_definition.xml")
            .contains("service_definition/attributes/attribute/values/value/key")
    );
    assert!(fixture_xml("requests.xml").contains("service_requests/request/expected_datetime"));
    assert!(fixture_xml("discovery.xml").contains("discovery/endpoints/endpoint/formats/format"));
    assert!(fixture_json("discovery.json").contains("endpoints[]/formats[]"));
    assert_eq!(
        fixture_json("errors.json"),
        BTreeSet::from(["[]".to_owned(), "[]/code".to_owned(), "[]/description".to_owned()])
    );
    assert_eq!(fixture_xml("post_response.xml").len(), 5);
}
