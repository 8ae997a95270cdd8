//! `aduan-demo serve` as a newcomer meets it: the demo started on free
//! ports against a fresh database, its pages fetched over HTTP from their
//! own origin, the widgets' loader pointing at the server's origin, and the
//! server answering with the seeded data; a second start reuses the
//! database.

use aduan_demo::serve::{self, Options, Prepared};
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use http_body_util::{BodyExt, Empty};
use serde_json::Value;

type Client =
    hyper_util::client::legacy::Client<hyper_util::client::legacy::connect::HttpConnector, Empty<Bytes>>;

struct Fetched {
    status: StatusCode,
    content_type: String,
    csp: Option<String>,
    body: String,
}

async fn fetch(client: &Client, url: &str) -> Fetched {
    let request = axum::http::Request::get(url).body(Empty::new()).expect("a request");
    let response = client.request(request).await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status();
    let header_text = |name| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let content_type = header_text(header::CONTENT_TYPE).unwrap_or_default();
    let csp = header_text(header::CONTENT_SECURITY_POLICY);
    let bytes = response.into_body().collect().await.expect("a body").to_bytes();
    Fetched { status, content_type, csp, body: String::from_utf8_lossy(&bytes).into_owned() }
}

fn options(dir: &std::path::Path) -> Options {
    let mut options = Options::new(dir.join("demo").join("aduan-demo.sqlite3"));
    options.api.set_port(0);
    options.pages.set_port(0);
    options
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_serves_its_pages_and_the_seeded_server_on_two_origins() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config = aduan_demo::config(&|_| None).expect("the demo configuration");
    let running = serve::start(config.clone(), &options(dir.path())).await.expect("the demo starts");
    assert!(matches!(running.prepared, Prepared::Seeded(_)), "{:?}", running.prepared);
    let (api, pages) = (running.api.clone(), running.pages.clone());
    assert_ne!(api, pages, "the pages come from another origin than the server");
    let client: Client =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http();

    // The index links everything and lists tokens and tickets.
    let index = fetch(&client, &format!("{pages}/")).await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.content_type.starts_with("text/html"), "{}", index.content_type);
    for link in [
        format!("{pages}/dinkes/"),
        format!("{pages}/banjar/"),
        format!("{api}/api/v1/openapi.json"),
        format!("{api}/badge/dinkes.svg"),
        format!("{api}/console"),
    ] {
        assert!(
            index.body.contains(&format!("href=\"{link}")) || index.body.contains(&format!("src=\"{link}")),
            "index lacks {link}"
        );
    }
    for token in ["demo-koordinator", "demo-dinkes", "demo-kab-banjar", "demo-rsud-ulin"] {
        assert!(index.body.contains(&format!("<code>{token}</code>")), "index lacks {token}");
    }
    assert_eq!(running.seeding.samples.len(), 3);
    for (ticket, code) in &running.seeding.samples {
        assert!(index.body.contains(ticket) && index.body.contains(code), "index lacks {ticket}");
    }
    assert!(!index.body.contains("{{"), "an unfilled template field");

    // Both portals and their tracking pages load the loader from the
    // server's origin and embed the widgets for their own agency.
    let loader = format!("<script src=\"{api}/widgets/aduan.js\" async></script>");
    for (path, agency) in [
        ("/dinkes/", "dinkes"),
        ("/dinkes/lacak", "dinkes"),
        ("/banjar/", "kab-banjar"),
        ("/banjar/lacak", "kab-banjar"),
    ] {
        let page = fetch(&client, &format!("{pages}{path}")).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains(&loader), "{path} does not load {api}/widgets/aduan.js");
        assert!(page.body.contains(&format!("<aduan-badge agency=\"{agency}\" period=\"2025\">")), "{path}");
        assert!(!page.body.contains("{{"), "{path}: an unfilled template field");
        if path.ends_with("lacak") {
            assert!(page.body.contains("<aduan-tracker>"), "{path}");
        } else {
            assert!(
                page.body.contains(&format!("<aduan-form agency=\"{agency}\" track=\"{pages}{path}lacak\">")),
                "{path}"
            );
            assert!(
                page.body.contains("<aduan-leaderboard award=\"pengelola-pengaduan\" period=\"2025\""),
                "{path}"
            );
        }
        // The provincial site allows exactly the Aduan server.
        if path.starts_with("/dinkes") {
            let csp = page.csp.unwrap_or_default();
            assert!(csp.contains(&format!("script-src 'self' {api} 'wasm-unsafe-eval'")), "{csp}");
            assert!(csp.contains(&format!("connect-src {api}")), "{csp}");
        }
    }
    for (path, status) in [
        ("/dinkes/gaya.css", StatusCode::OK),
        ("/banjar/tema.css", StatusCode::OK),
        ("/nope", StatusCode::NOT_FOUND),
    ] {
        assert_eq!(fetch(&client, &format!("{pages}{path}")).await.status, status, "{path}");
    }
    assert_eq!(fetch(&client, &format!("{pages}/dinkes")).await.status, StatusCode::PERMANENT_REDIRECT);

    // The server answers with the seeded data.
    let stats = |agency: &str| format!("{api}/api/v1/agencies/{agency}/stats?period=2025");
    for agency in ["dinkes", "kab-banjar"] {
        let reply = fetch(&client, &stats(agency)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let body: Value = serde_json::from_str(&reply.body).expect("JSON");
        let total = body["total"].as_u64().unwrap_or_else(|| panic!("no total in {body}"));
        assert!(total >= 5, "{agency} received {total} complaints in 2025");
    }
    let board =
        fetch(&client, &format!("{api}/api/v1/awards/pengelola-pengaduan/leaderboard?period=2025")).await;
    assert_eq!(board.status, StatusCode::OK, "{}", board.body);
    let svg = fetch(&client, &format!("{api}/badge/dinkes.svg?period=2025")).await;
    assert_eq!(svg.status, StatusCode::OK);
    assert!(svg.content_type.starts_with("image/svg+xml"), "{}", svg.content_type);
    // Every demo officer's token signs in.
    assert_eq!(running.officers.len(), config.officers.len());
    let samples = running.seeding.clone();
    running.stop().await;

    // A second start reuses the database and its samples.
    let again = serve::start(config.clone(), &options(dir.path())).await.expect("the demo starts again");
    assert_eq!(again.prepared, Prepared::Reused);
    assert_eq!(again.seeding, samples);
    again.stop().await;
}
