//! The domain's error vocabulary: bilingual messages, field errors, and the
//! one [`Error`] type that wraps every failure the core can report.
//!
//! Every error has a stable machine code (`code()`), meant for programs and
//! never reworded, and a human message in Indonesian and English ([`Text`])
//! that names the field and the limit involved.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A language the core writes messages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia, the default for everything a citizen sees.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Parses a BCP 47 language tag loosely: `id`, `id-ID`, `in` give
    /// Indonesian, `en`, `en-GB` English; anything else gives `None`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Lang;
    /// assert_eq!(Lang::from_tag("id-ID"), Some(Lang::Id));
    /// assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("fr"), None);
    /// ```
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "id" | "in" => Some(Self::Id),
            "en" => Some(Self::En),
            _ => None,
        }
    }
}

/// A message in both languages the core speaks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text {
    /// Bahasa Indonesia.
    pub id: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a message from its Indonesian and English wording.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{Lang, Text};
    /// let t = Text::new("Masukkan judul", "Enter a title");
    /// assert_eq!(t.get(Lang::En), "Enter a title");
    /// ```
    #[must_use]
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Self {
        Self { id: id.into(), en: en.into() }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Display for Text {
    /// Displays both languages, Indonesian first, as logs and CLIs want.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.id, self.en)
    }
}

/// One problem with one field of an input, as validation reports it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldError {
    /// The field's path in the input, e.g. `title` or `reporter.email`.
    pub field: &'static str,
    /// What is wrong, as a stable machine code, e.g. `too_short`.
    pub code: &'static str,
    /// What is wrong and how to fix it, naming the field and the limit.
    pub message: Text,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.field, self.code, self.message)
    }
}

impl std::error::Error for FieldError {}

/// Every field error an input has, never empty.
///
/// Validation collects all problems at once so that a form can show them
/// together rather than one per submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors {
    errors: Vec<FieldError>,
}

impl ValidationErrors {
    /// Turns a list of field errors into `Err` when it is non-empty.
    ///
    /// # Errors
    /// Returns the errors themselves when there is at least one.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ValidationErrors;
    /// assert!(ValidationErrors::check(Vec::new()).is_ok());
    /// ```
    pub fn check(errors: Vec<FieldError>) -> Result<(), Self> {
        if errors.is_empty() { Ok(()) } else { Err(Self { errors }) }
    }

    /// The field errors, in the order the fields appear in the input.
    #[must_use]
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The errors of one field.
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors.iter().filter(move |e| e.field == field)
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} field error(s): ", self.errors.len())?;
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

/// Any failure the core reports: each wraps a typed error of one area.
///
/// Match on the variant to handle one area, or use [`Error::code`] and
/// [`Error::message`] to report any of them uniformly.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input failed validation; every field error is inside.
    #[error(transparent)]
    Validation(#[from] ValidationErrors),
    /// A lifecycle event is not allowed in the complaint's state or for its actor.
    #[error(transparent)]
    Transition(#[from] crate::lifecycle::TransitionError),
    /// A date or instant lies outside the working-day calendar, or a
    /// calendar definition is malformed.
    #[error(transparent)]
    Calendar(#[from] crate::calendar::CalendarError),
    /// A ticket number or access secret could not be parsed.
    #[error(transparent)]
    Ticket(#[from] crate::ticket::TicketError),
    /// An award definition or its input is malformed.
    #[error(transparent)]
    Award(#[from] crate::award::AwardError),
}

impl Error {
    /// The stable machine code, e.g. `validation`, `transition.not_allowed`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation(_) => "validation",
            Self::Transition(e) => e.code(),
            Self::Calendar(e) => e.code(),
            Self::Ticket(e) => e.code(),
            Self::Award(e) => e.code(),
        }
    }

    /// The human message in both languages. For validation errors it
    /// summarises; the field errors carry the details.
    #[must_use]
    pub fn message(&self) -> Text {
        match self {
            Self::Validation(e) => Text::new(
                format!("Ada {} masalah pada isian", e.errors().len()),
                match e.errors().len() {
                    1 => "There is 1 problem with the input".to_owned(),
                    n => format!("There are {n} problems with the input"),
                },
            ),
            Self::Transition(e) => e.message(),
            Self::Calendar(e) => e.message(),
            Self::Ticket(e) => e.message(),
            Self::Award(e) => e.message(),
        }
    }

    /// Whether this is a validation failure of user input.
    #[must_use]
    pub fn is_validation(&self) -> bool {
        matches!(self, Self::Validation(_))
    }
}
