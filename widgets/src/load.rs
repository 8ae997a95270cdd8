//! Reading the server's answers, and what a widget says when it cannot.
//!
//! The fetch itself lives in [`crate::mount`] (it needs the browser); this
//! module turns a status and a body into a value or a [`LoadError`], so the
//! messages people see are tested natively.

use aduan_core::api::v1::Problem;
use aduan_core::{FieldError, Text};
use serde::de::DeserializeOwned;

/// Why a widget has no data to show.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The element's attributes are wrong; no request was made.
    Attribute(FieldError),
    /// The server could not be reached (offline, DNS, CORS, TLS).
    Network,
    /// The server answered with an error status, with the message of its
    /// problem document when it sent one.
    Status {
        /// The HTTP status.
        status: u16,
        /// The problem document's message.
        message: Option<Text>,
    },
    /// The server answered 2xx with a body that is not the expected JSON.
    Unreadable,
}

impl LoadError {
    /// What to tell the person looking at the widget, in both languages.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Lang;
    /// use aduan_widgets::load::LoadError;
    /// let text = LoadError::Network.message();
    /// assert!(text.get(Lang::Id).starts_with("Data tidak dapat dimuat"));
    /// ```
    #[must_use]
    pub fn message(&self) -> Text {
        match self {
            Self::Attribute(error) => error.message.clone(),
            Self::Network => Text::new(
                "Data tidak dapat dimuat karena server Aduan tidak dapat dihubungi. Periksa sambungan internet Anda, lalu muat ulang halaman.",
                "The data could not be loaded because the Aduan server could not be reached. Check your internet connection, then reload the page.",
            ),
            Self::Status { message: Some(message), .. } => message.clone(),
            Self::Status { status, message: None } => Text::new(
                format!(
                    "Data tidak dapat dimuat: server Aduan menjawab dengan galat {status}. Coba lagi nanti."
                ),
                format!(
                    "The data could not be loaded: the Aduan server answered with error {status}. Try again later."
                ),
            ),
            Self::Unreadable => Text::new(
                "Data tidak dapat dimuat: jawaban server Aduan tidak dapat dibaca. Coba lagi nanti.",
                "The data could not be loaded: the Aduan server's answer could not be read. Try again later.",
            ),
        }
    }
}

/// Reads a server's answer: the JSON value for a 2xx status, else the
/// error, with the problem document's message when the body is one.
///
/// # Errors
/// [`LoadError::Status`] for any status outside 200–299,
/// [`LoadError::Unreadable`] for a 2xx body that does not parse as `T`.
///
/// # Example
/// ```
/// use aduan_widgets::load::{LoadError, read_response};
/// let n: u32 = read_response(200, "42").unwrap();
/// assert_eq!(n, 42);
/// assert_eq!(read_response::<u32>(502, "Bad Gateway"), Err(LoadError::Status { status: 502, message: None }));
/// ```
pub fn read_response<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, LoadError> {
    if (200..300).contains(&status) {
        return crate::json::from_str(body).map_err(|_| LoadError::Unreadable);
    }
    let message = crate::json::from_str::<Problem>(body).ok().map(|p| p.message);
    Err(LoadError::Status { status, message })
}

#[cfg(test)]
mod tests {
    use aduan_core::Lang;

    use super::*;

    #[test]
    fn answers() {
        let check = |status: u16, body: &str, expected: Result<Vec<u32>, LoadError>| {
            assert_eq!(read_response::<Vec<u32>>(status, body), expected, "{status} {body}");
        };
        check(200, "[1, 2]", Ok(vec![1, 2]));
        check(204, "", Err(LoadError::Unreadable));
        check(200, "<html>", Err(LoadError::Unreadable));
        check(500, "", Err(LoadError::Status { status: 500, message: None }));
        check(302, "[1]", Err(LoadError::Status { status: 302, message: None }));
        let problem = r#"{"type": "urn:aduan:problem:agency.not_found", "title": "Agency not found", "status": 404,
            "code": "agency.not_found", "message": {"id": "Instansi tidak ditemukan", "en": "Agency not found"}}"#;
        check(
            404,
            problem,
            Err(LoadError::Status {
                status: 404,
                message: Some(Text::new("Instansi tidak ditemukan", "Agency not found")),
            }),
        );
    }

    #[test]
    fn messages_name_the_cause_without_blaming_or_apologising() {
        let errors =
            [LoadError::Network, LoadError::Status { status: 503, message: None }, LoadError::Unreadable];
        for error in errors {
            let text = error.message();
            let id = text.get(Lang::Id);
            assert!(id.starts_with("Data tidak dapat dimuat"), "{id}");
            for banned in ["maaf", "mohon", "tidak valid"] {
                assert!(!id.to_lowercase().contains(banned), "{id} says {banned}");
            }
            assert!(text.get(Lang::En).starts_with("The data could not be loaded"));
        }
        let status = LoadError::Status { status: 503, message: None }.message();
        assert!(status.get(Lang::Id).contains("galat 503"));
    }
}
