//! Not written yet (issue 2 in progress).

/// Placeholder until the module lands.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("unavailable")]
pub struct AwardError;

impl AwardError {
    /// Stable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        "unavailable"
    }

    /// Message.
    #[must_use]
    pub fn message(&self) -> crate::Text {
        crate::Text::new("", "")
    }
}
