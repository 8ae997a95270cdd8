//! The officer console at `/console`: one HTML page that loads the console's
//! own WASM bundle (built by `cargo xtask build-widgets` next to the widgets,
//! embedded by `build.rs`) under its own content security policy.
//!
//! The page holds no inline script or style: a module script loads the
//! hashed start module from `/widgets/`, which imports the glue and starts
//! the WASM (`'wasm-unsafe-eval'` allows compiling it); the stylesheet is a
//! hashed file too. The policy is set here, so the router's general one
//! (set only when a response has none) does not replace it.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::widgets::{ConsoleNames, console};

/// The page's policy: scripts and styles from this origin only, WASM
/// compilation allowed, requests to this origin only, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// `GET /console`.
pub async fn page() -> Response {
    let (status, html) = match console() {
        Some(names) => (StatusCode::OK, html(names)),
        None => (StatusCode::SERVICE_UNAVAILABLE, NOT_BUILT.to_owned()),
    };
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    response
}

/// The page for a build with the console (the names are hex-hashed file
/// names, nothing to escape).
fn html(names: ConsoleNames) -> String {
    format!(
        r#"<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Konsol Aduan</title>
<link rel="stylesheet" href="/widgets/{css}">
<script type="module" src="/widgets/{start}"></script>
</head>
<body>
<noscript><p>Konsol Aduan memerlukan JavaScript. Aktifkan JavaScript di peramban Anda, lalu muat ulang halaman ini.</p><p lang="en">The Aduan console needs JavaScript. Turn it on in your browser, then reload this page.</p></noscript>
</body>
</html>
"#,
        css = names.css,
        start = names.start,
    )
}

/// The page for a build without the console.
const NOT_BUILT: &str = r#"<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><title>Konsol Aduan</title></head>
<body>
<h1>Konsol Aduan belum tersedia</h1>
<p>Server ini dibangun tanpa konsol. Jalankan <code>cargo xtask build-widgets</code>, lalu bangun ulang server.</p>
<p lang="en">This server was built without the console. Run <code>cargo xtask build-widgets</code>, then rebuild the server.</p>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_links_only_files_and_has_no_inline_code() {
        let page = html(ConsoleNames { start: "console-start-0123.js", css: "console-0123.css" });
        assert!(page.starts_with("<!doctype html>\n<html lang=\"id\">"));
        assert!(page.contains("<title>Konsol Aduan</title>"));
        assert!(page.contains(r#"<script type="module" src="/widgets/console-start-0123.js"></script>"#));
        assert!(page.contains(r#"<link rel="stylesheet" href="/widgets/console-0123.css">"#));
        assert!(page.contains("<noscript>"));
        assert!(!page.contains("style=") && !page.contains("<style") && page.matches("<script").count() == 1);
    }

    #[tokio::test]
    async fn the_page_sets_its_own_policy_and_is_not_stored() {
        let response = page().await;
        let headers = response.headers();
        assert_eq!(headers[header::CONTENT_SECURITY_POLICY], CONTENT_SECURITY_POLICY);
        assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        let expected = if console().is_some() { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
        assert_eq!(response.status(), expected);
    }
}
