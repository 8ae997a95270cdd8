//! The officer console at `/console`: one HTML page that loads the console's
//! own WASM bundle (built by `cargo xtask build-widgets` next to the widgets,
//! embedded by `build.rs`) under its own content security policy.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// `GET /console`.
pub async fn page() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, "The console is not built yet.").into_response()
}
