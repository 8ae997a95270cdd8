//! The one error type of the HTTP layer, mapped to a problem document
//! (`application/problem+json`, RFC 9457) in exactly one place.
//!
//! Every response error carries a stable code and a message in Indonesian
//! and English; internal failures are logged with the request's span and
//! answered with a generic 500 that reveals nothing.

use aduan_core::api::v1::Problem;
use aduan_core::{Error as CoreError, Text, ValidationErrors};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::store::StoreError;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A problem to report as it is (status, code, message).
    #[error("{code}: {}", message.en)]
    Problem {
        /// HTTP status.
        status: StatusCode,
        /// Stable code.
        code: &'static str,
        /// What went wrong.
        message: Text,
    },
    /// The input failed validation: every field error.
    #[error("validation failed: {0}")]
    Validation(ValidationErrors),
    /// The core refused an action.
    #[error("refused: {0}")]
    Core(CoreError),
    /// Too many requests: retry after this many seconds.
    #[error("rate limited for {0} s")]
    RateLimited(u64),
    /// Anything else: logged, answered with a generic 500.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// A problem with a status, a stable code and the two messages.
    #[must_use]
    pub fn new(status: StatusCode, code: &'static str, id: &str, en: &str) -> Self {
        Self::Problem { status, code, message: Text::new(id, en) }
    }

    /// 404 for an unknown complaint.
    #[must_use]
    pub fn ticket_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "ticket.not_found",
            "Tidak ada pengaduan dengan nomor tiket ini",
            "There is no complaint with this ticket number",
        )
    }

    /// 404 for an unknown agency.
    #[must_use]
    pub fn agency_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "agency.not_found", "Instansi tidak ditemukan", "Agency not found")
    }

    /// 409 for acting on a stale version.
    #[must_use]
    pub fn stale(current: u32) -> Self {
        Self::Problem {
            status: StatusCode::CONFLICT,
            code: "version.conflict",
            message: Text::new(
                format!(
                    "Pengaduan ini sudah diubah orang lain (versi {current}). Muat ulang untuk melihat perubahannya"
                ),
                format!(
                    "Someone else changed this complaint first (version {current}). Reload to see what changed"
                ),
            ),
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            Self::Problem { status, .. } => *status,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Core(e) => core_status(e),
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// The HTTP status of a core error: refused transitions are conflicts with
/// the complaint's state (409) or not allowed for the actor (403); bad
/// values are 422.
fn core_status(e: &CoreError) -> StatusCode {
    match e {
        CoreError::Transition(t) => match t.code() {
            "transition.unauthorized" | "transition.wrong_agency" => StatusCode::FORBIDDEN,
            "transition.text_required" | "transition.privacy_loosened" | "transition.suggested_self" => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            _ => StatusCode::CONFLICT,
        },
        CoreError::Validation(_) | CoreError::Ticket(_) | CoreError::Award(_) => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        CoreError::Calendar(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Validation(v) => Self::Validation(v),
            other => Self::Core(other),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::ticket_not_found(),
            StoreError::Conflict { current, .. } => Self::stale(current),
            other => Self::Internal(other.into()),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let problem = match &self {
            Self::Problem { code, message, .. } => Problem::new(status.as_u16(), code, message.clone()),
            Self::Validation(v) => Problem::validation(v),
            Self::Core(e) => Problem::from_error(e, status.as_u16()),
            Self::RateLimited(seconds) => Problem::new(
                status.as_u16(),
                "rate_limited",
                Text::new(
                    format!("Terlalu banyak pengaduan dari alamat ini. Coba lagi dalam {seconds} detik"),
                    format!("Too many complaints from this address. Try again in {seconds} seconds"),
                ),
            ),
            Self::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                Problem::new(
                    status.as_u16(),
                    "internal",
                    Text::new(
                        "Terjadi kesalahan di server. Coba lagi nanti",
                        "Something went wrong on the server. Try again later",
                    ),
                )
            }
        };
        let mut response = (status, SafeJson(problem)).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        if let Self::RateLimited(seconds) = self {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// A JSON response with `<`, `>` and `&` written as `\u003c`, `\u003e` and
/// `\u0026`: still the same JSON, but nothing a client sent can ever read as
/// markup, even to a browser that sniffs content types.
#[derive(Debug, Clone, Copy)]
pub struct SafeJson<T>(pub T);

impl<T: serde::Serialize> IntoResponse for SafeJson<T> {
    fn into_response(self) -> Response {
        match serde_json::to_string(&self.0) {
            Ok(text) => {
                // These characters only occur inside JSON strings, where the
                // escapes mean the same.
                let escaped = text.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
                ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], escaped)
                    .into_response()
            }
            Err(e) => AppError::Internal(e.into()).into_response(),
        }
    }
}

/// The result type of handlers.
pub type AppResult<T> = Result<T, AppError>;
