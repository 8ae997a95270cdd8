//! Identifiers that carry their own validity: agency and category slugs.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{FieldError, Text};

/// The longest slug accepted, in bytes (slugs are ASCII).
pub const SLUG_MAX_LEN: usize = 64;

fn check_slug(field: &'static str, what_id: &str, what_en: &str, s: &str) -> Result<(), FieldError> {
    let ok_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    let valid = !s.is_empty()
        && s.len() <= SLUG_MAX_LEN
        && s.chars().all(ok_char)
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if valid {
        return Ok(());
    }
    Err(FieldError {
        field,
        code: "invalid_slug",
        message: Text::new(
            format!(
                "{what_id} harus berupa huruf kecil, angka, dan tanda hubung, paling banyak {SLUG_MAX_LEN} karakter"
            ),
            format!(
                "{what_en} must be lowercase letters, digits and hyphens, at most {SLUG_MAX_LEN} characters"
            ),
        ),
    })
}

macro_rules! slug_type {
    ($(#[$meta:meta])* $name:ident, $field:literal, $id:literal, $en:literal, $example:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            #[doc = concat!("Checks and wraps a slug such as `", $example, "`.")]
            ///
            /// # Errors
            /// A field error with code `invalid_slug` unless the text is 1–64
            /// lowercase ASCII letters, digits and single inner hyphens.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use aduan_core::", stringify!($name), ";")]
            #[doc = concat!("assert!(", stringify!($name), "::new(\"", $example, "\").is_ok());")]
            #[doc = concat!("assert!(", stringify!($name), "::new(\"Not A Slug\").is_err());")]
            /// ```
            pub fn new(s: impl Into<String>) -> Result<Self, FieldError> {
                let s = s.into();
                check_slug($field, $id, $en, &s)?;
                Ok(Self(s))
            }

            /// The slug as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = FieldError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::new(s).map_err(|e| serde::de::Error::custom(e.message.en))
            }
        }
    };
}

slug_type!(
    /// The identifier of an agency (OPD, UPTD, regency/city), a slug such as
    /// `dinkes` or `kab-banjar`, unique within a deployment.
    AgencyId, "agency", "Kode instansi", "Agency code", "dinkes"
);

slug_type!(
    /// The identifier of an award category such as `opd`, `uptd` or
    /// `kabupaten-kota`; any slug names a category.
    CategoryId, "category", "Kode kategori", "Category code", "kabupaten-kota"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["a", "dinkes", "kab-banjar", "uptd-1", &"x".repeat(64)] {
            assert!(AgencyId::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "Dinkes", "din kes", "dinkes_", "é", &"x".repeat(65)] {
            let err = AgencyId::new(bad).unwrap_err();
            assert_eq!((err.field, err.code), ("agency", "invalid_slug"), "{bad}");
        }
    }

    #[test]
    fn deserialize_validates() {
        let ok: AgencyId = serde_json::from_str("\"dinkes\"").unwrap();
        assert_eq!(ok.as_str(), "dinkes");
        assert!(serde_json::from_str::<AgencyId>("\"Bad Id\"").is_err());
    }
}
