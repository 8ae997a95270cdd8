//! The demo's host pages (`demo/pages/`), compiled into the binary and
//! served from their own origin, as an agency's site is:
//!
//! - `/`: the index, linking everything, with the demo officer tokens and
//!   tickets to follow;
//! - `/dinkes/` and `/dinkes/lacak`: the portal of Dinas Kesehatan Provinsi
//!   Kalimantan Selatan, with the form, badge and leaderboard, and its
//!   tracking page; a strict Content-Security-Policy, as the README asks
//!   of a careful site;
//! - `/banjar/` and `/banjar/lacak`: the portal of Pemerintah Kabupaten
//!   Banjar, whose stylesheet is as hostile as CMS themes get.
//!
//! The files are templates: `{{API}}` becomes the Aduan server's origin
//! and `{{SITE}}` the pages' own origin; the index also gets the officer
//! table, the sample tickets and notes on what this build lacks.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};

/// A demo officer and the token they sign in with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    /// The bearer token, `demo-…`.
    pub token: String,
    /// The officer's name.
    pub name: String,
    /// Their agency's name; `None` for the koordinator.
    pub agency: Option<String>,
}

/// A ticket a reporter can follow, with its access code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// The ticket number.
    pub ticket: String,
    /// The access code.
    pub access_code: String,
}

/// What the templates are filled with.
#[derive(Debug)]
pub struct Context<'a> {
    /// The Aduan server's origin.
    pub api: &'a str,
    /// The pages' own origin.
    pub pages: &'a str,
    /// The demo officers.
    pub officers: &'a [Officer],
    /// Tickets to follow.
    pub samples: &'a [Sample],
    /// Whether the server has the officer console.
    pub console: bool,
    /// Whether the server embeds the widgets.
    pub widgets: bool,
    /// The generator's seed.
    pub seed: u64,
}

/// A page's policy: the provincial site sends a strict CSP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Policy {
    Open,
    Strict,
}

/// Every file: URL path, content type, policy, template.
const FILES: &[(&str, &str, Policy, &str)] = &[
    ("/", HTML, Policy::Open, include_str!("../pages/index.html")),
    ("/demo.css", CSS, Policy::Open, include_str!("../pages/demo.css")),
    ("/dinkes/", HTML, Policy::Strict, include_str!("../pages/dinkes/index.html")),
    ("/dinkes/lacak", HTML, Policy::Strict, include_str!("../pages/dinkes/lacak.html")),
    ("/dinkes/gaya.css", CSS, Policy::Strict, include_str!("../pages/dinkes/gaya.css")),
    ("/banjar/", HTML, Policy::Open, include_str!("../pages/banjar/index.html")),
    ("/banjar/lacak", HTML, Policy::Open, include_str!("../pages/banjar/lacak.html")),
    ("/banjar/tema.css", CSS, Policy::Open, include_str!("../pages/banjar/tema.css")),
];

const HTML: &str = "text/html; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// The rendered pages.
#[derive(Debug, Clone)]
pub struct Site {
    files: HashMap<&'static str, Rendered>,
}

#[derive(Debug, Clone)]
struct Rendered {
    content_type: &'static str,
    csp: Option<String>,
    body: String,
}

impl Site {
    /// Fills in every template.
    #[must_use]
    pub fn render(cx: &Context<'_>) -> Self {
        let strict = format!(
            "default-src 'self'; script-src 'self' {api} 'wasm-unsafe-eval'; connect-src {api}; \
             img-src 'self' {api} data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; \
             form-action 'self'",
            api = cx.api
        );
        let files = FILES
            .iter()
            .map(|&(path, content_type, policy, template)| {
                let mut body = template.replace("{{API}}", cx.api).replace("{{SITE}}", cx.pages);
                if path == "/" {
                    body = body
                        .replace("{{OFFICERS}}", &officer_rows(cx.officers))
                        .replace("{{SAMPLES}}", &sample_rows(cx))
                        .replace("{{CONSOLE_NOTE}}", if cx.console { "" } else { CONSOLE_NOTE })
                        .replace("{{WIDGETS_NOTE}}", if cx.widgets { "" } else { WIDGETS_NOTE })
                        .replace("{{SEED}}", &cx.seed.to_string());
                }
                let csp = (policy == Policy::Strict).then(|| strict.clone());
                (path, Rendered { content_type, csp, body })
            })
            .collect();
        Self { files }
    }

    /// The page at `path`, if there is one.
    #[must_use]
    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(|r| r.body.as_str())
    }
}

const CONSOLE_NOTE: &str = " <strong class=\"catatan\">Server ini dibangun tanpa konsol: jalankan \
     <code>cargo xtask build-widgets</code> (atau <code>cargo xtask demo</code>), lalu mulai ulang.</strong>";

const WIDGETS_NOTE: &str = "<p class=\"peringatan\" role=\"alert\">Server ini dibangun tanpa bundel \
     widget, jadi widget di halaman portal tidak tampil. Jalankan <code>cargo xtask demo</code> \
     (atau <code>cargo xtask build-widgets</code>, lalu jalankan demo lagi).</p>";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn officer_rows(officers: &[Officer]) -> String {
    let mut out = String::new();
    for o in officers {
        let role = o.agency.as_deref().map_or_else(
            || "Admin koordinator: semua instansi".to_owned(),
            |agency| format!("Admin penghubung {agency}"),
        );
        let _ =
            writeln!(out, "<tr><td><code>{}</code></td><td>{}</td></tr>", escape(&o.token), escape(&role));
    }
    out
}

fn sample_rows(cx: &Context<'_>) -> String {
    let mut out = String::new();
    for s in cx.samples {
        let ticket = escape(&s.ticket);
        let _ = writeln!(
            out,
            "<tr><td><code>{ticket}</code></td><td><code>{}</code></td>\
             <td><a href=\"{site}/dinkes/lacak#tiket={ticket}\">Lacak di portal Dinkes</a> · \
             <a href=\"{site}/banjar/lacak#tiket={ticket}\">di portal Kabupaten Banjar</a></td></tr>",
            escape(&s.access_code),
            site = escape(cx.pages),
        );
    }
    out
}

/// The pages' router: each file at its path, `/dinkes` and `/banjar`
/// redirected to their trailing-slash form, anything else 404.
pub fn router(site: Arc<Site>) -> axum::Router {
    axum::Router::new().fallback(serve).with_state(site)
}

async fn serve(State(site): State<Arc<Site>>, uri: Uri) -> Response {
    let path = uri.path();
    let Some(file) = site.files.get(path) else {
        let slashed = format!("{path}/");
        if site.files.contains_key(slashed.as_str()) {
            return Redirect::permanent(&slashed).into_response();
        }
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, HTML)],
            "<!doctype html><html lang=\"id\"><title>Halaman tidak ditemukan</title>\
             <p>Halaman tidak ditemukan. <a href=\"/\">Kembali ke halaman demo</a>.</p>",
        )
            .into_response();
    };
    let mut response = (StatusCode::OK, file.body.clone()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(file.content_type));
    // Pages change with every start (ports, tokens): never cached.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(csp) = file.csp.as_deref().and_then(|c| HeaderValue::from_str(c).ok()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    response
}
