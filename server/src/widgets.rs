//! The widgets' bundle, embedded at build time (see `build.rs`) and served
//! under `/widgets/`: the loader `aduan.js`, which site pages link to and
//! which must pick up a new release soon, and the content-hashed glue and
//! WASM, which never change under their names; and the officers' console's
//! hashed files (start module, glue, WASM, stylesheet), which `/console`
//! links to.
//!
//! Each file goes out brotli- or gzip-compressed when the browser accepts
//! it (the copies `cargo xtask build-widgets` made), with a strong `ETag`
//! for revalidation.

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// One file of the bundle.
#[derive(Debug)]
pub(crate) struct Embedded {
    /// Its name under `/widgets/`.
    name: &'static str,
    /// Its quoted strong entity tag (from its SHA-256).
    etag: &'static str,
    raw: &'static [u8],
    br: Option<&'static [u8]>,
    gzip: Option<&'static [u8]>,
}

/// The hashed names the `/console` page links to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConsoleNames {
    /// The start module, `console-start-<hash>.js`.
    pub(crate) start: &'static str,
    /// The stylesheet, `console-<hash>.css`.
    pub(crate) css: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/widgets.rs"));

/// The console's names, when this build embeds it.
#[must_use]
pub(crate) fn console() -> Option<ConsoleNames> {
    CONSOLE
}

/// The name the loader is served under.
pub const LOADER: &str = "aduan.js";

/// How long browsers may keep the loader before asking again. Pages link
/// it by a fixed name, so a release reaches them within this time.
const LOADER_CACHE: &str = "public, max-age=300";

/// The hashed files change name whenever their content changes.
const HASHED_CACHE: &str = "public, max-age=31536000, immutable";

/// Whether this build of the server embeds a widgets bundle.
#[must_use]
pub fn embedded() -> bool {
    FILES.iter().any(|f| f.name == LOADER)
}

/// `GET /widgets/{file}`.
pub(crate) async fn serve(Path(name): Path<String>, headers: HeaderMap) -> Response {
    match FILES.iter().find(|f| f.name == name) {
        Some(file) => respond(file, &headers),
        None if embedded() => AppError::new(
            StatusCode::NOT_FOUND,
            "widgets.file_not_found",
            "Berkas widget tidak ditemukan",
            "Widget file not found",
        )
        .into_response(),
        None => AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "widgets.not_built",
            "Server ini dibangun tanpa widget. Jalankan `cargo xtask build-widgets`, lalu bangun ulang server",
            "This server was built without the widgets. Run `cargo xtask build-widgets`, then rebuild the server",
        )
        .into_response(),
    }
}

fn respond(file: &Embedded, request: &HeaderMap) -> Response {
    let cache = if file.name == LOADER { LOADER_CACHE } else { HASHED_CACHE };
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(file.name)));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::ETAG, HeaderValue::from_static(file.etag));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if none_match(request, file.etag) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    let accepted = request.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let (body, encoding) = match (file.br, file.gzip) {
        (Some(br), _) if accepts(accepted, "br") => (br, Some("br")),
        (_, Some(gzip)) if accepts(accepted, "gzip") => (gzip, Some("gzip")),
        _ => (file.raw, None),
    };
    if let Some(encoding) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    (StatusCode::OK, headers, body).into_response()
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("css") => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether `If-None-Match` names `etag` (or is `*`).
fn none_match(request: &HeaderMap, etag: &str) -> bool {
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|list| list.split(',').map(|t| t.trim().trim_start_matches("W/")).any(|t| t == "*" || t == etag))
}

/// Whether an `Accept-Encoding` list accepts `coding` (listed without `q=0`).
fn accepts(list: &str, coding: &str) -> bool {
    list.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|p| {
            p.strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()).is_some_and(|q| q <= 0.0)
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("GZIP;q=0.5", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("x-gzip", "gzip"));
    }

    #[test]
    fn types() {
        assert_eq!(content_type("aduan-0123.wasm"), "application/wasm");
        assert_eq!(content_type("aduan.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("console-0123.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("README"), "application/octet-stream");
    }

    #[test]
    fn revalidation() {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"aa\", W/\"bb\""));
        assert!(none_match(&headers, "\"bb\""));
        assert!(!none_match(&headers, "\"cc\""));
    }
}
