//! Settings every widget reads from its element: the language it speaks and
//! the API server it asks, checked before any request is made.

use aduan_core::{FieldError, Lang, Text};

/// The language a widget speaks: its own `lang` attribute if that names a
/// language the core writes, else the page's `<html lang>`, else Indonesian.
///
/// # Example
/// ```
/// use aduan_core::Lang;
/// use aduan_widgets::config::choose_lang;
/// assert_eq!(choose_lang(Some("en"), Some("id")), Lang::En);
/// assert_eq!(choose_lang(Some("fr"), Some("en-GB")), Lang::En);
/// assert_eq!(choose_lang(None, None), Lang::Id);
/// ```
#[must_use]
pub fn choose_lang(attribute: Option<&str>, page: Option<&str>) -> Lang {
    attribute.and_then(Lang::from_tag).or_else(|| page.and_then(Lang::from_tag)).unwrap_or_default()
}

/// The BCP 47 tag for a language, for the widget's `lang` attribute so that
/// screen readers pronounce its text in the right voice.
#[must_use]
pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id",
        Lang::En => "en",
    }
}

/// The base URL of the Aduan server a widget talks to, without a trailing
/// slash: `https://aduan.example.go.id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiBase(String);

impl ApiBase {
    /// The element's `api` attribute when it is set, else the origin the
    /// loader script came from.
    ///
    /// # Errors
    /// A field error naming the `api` attribute unless the chosen base is an
    /// `http://` or `https://` URL.
    ///
    /// # Example
    /// ```
    /// use aduan_widgets::config::ApiBase;
    /// let base = ApiBase::new(None, "https://aduan.example.go.id").unwrap();
    /// assert_eq!(base.url("/api/v1/agencies"), "https://aduan.example.go.id/api/v1/agencies");
    /// let own = ApiBase::new(Some(" https://host/aduan/ "), "https://cdn").unwrap();
    /// assert_eq!(own.url("/api/v1/agencies"), "https://host/aduan/api/v1/agencies");
    /// assert!(ApiBase::new(Some("javascript:alert(1)"), "https://cdn").is_err());
    /// ```
    pub fn new(attribute: Option<&str>, script_origin: &str) -> Result<Self, FieldError> {
        let chosen = attribute.map(str::trim).filter(|a| !a.is_empty()).unwrap_or(script_origin).trim();
        let lower = chosen.to_ascii_lowercase();
        let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
        let has_host =
            chosen.split_once("://").is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'));
        if !(scheme_ok && has_host) {
            return Err(FieldError {
                field: "api",
                code: "invalid_url",
                message: Text::new(
                    "Atribut api harus berupa alamat server Aduan yang diawali https:// atau http://",
                    "The api attribute must be the Aduan server's address, starting with https:// or http://",
                ),
            });
        }
        Ok(Self(chosen.trim_end_matches('/').to_owned()))
    }

    /// The absolute URL of `path`, which starts with `/`.
    #[must_use]
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

/// Percent-encodes a query parameter's value, leaving only RFC 3986's
/// unreserved characters as they are.
///
/// # Example
/// ```
/// use aduan_widgets::config::query_value;
/// assert_eq!(query_value("2025-03"), "2025-03");
/// assert_eq!(query_value("a b&c=ü"), "a%20b%26c%3D%C3%BC");
/// ```
#[must_use]
pub fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_follows_attribute_then_page_then_indonesian() {
        let check = |attribute, page, expected| {
            assert_eq!(choose_lang(attribute, page), expected, "lang={attribute:?}, <html lang={page:?}>");
        };
        check(Some("en"), Some("id"), Lang::En);
        check(Some("id-ID"), Some("en"), Lang::Id);
        check(Some("in"), None, Lang::Id);
        check(Some(""), Some("en-US"), Lang::En);
        check(Some("jv"), Some("EN"), Lang::En);
        check(None, Some("fr"), Lang::Id);
        check(None, Some(""), Lang::Id);
        check(None, None, Lang::Id);
    }

    #[test]
    fn api_base() {
        let check = |attribute: Option<&str>, origin: &str, expected: Option<&str>| {
            let got = ApiBase::new(attribute, origin).ok().map(|b| b.url("/x"));
            assert_eq!(got.as_deref(), expected, "api={attribute:?}, origin={origin}");
        };
        check(None, "https://aduan.kalselprov.go.id", Some("https://aduan.kalselprov.go.id/x"));
        check(Some(""), "http://127.0.0.1:8080", Some("http://127.0.0.1:8080/x"));
        check(Some("  "), "http://127.0.0.1:8080", Some("http://127.0.0.1:8080/x"));
        check(Some("HTTPS://Host//"), "https://cdn", Some("HTTPS://Host/x"));
        check(Some("https://host/aduan"), "https://cdn", Some("https://host/aduan/x"));
        check(Some("//host"), "https://cdn", None);
        check(Some("https://"), "https://cdn", None);
        check(Some("https:///path"), "https://cdn", None);
        check(Some("ftp://host"), "https://cdn", None);
        check(None, "null", None);
    }

    #[test]
    fn an_invalid_api_attribute_says_so_in_both_languages() {
        let err = ApiBase::new(Some("javascript:alert(1)"), "https://cdn").unwrap_err();
        assert_eq!((err.field, err.code), ("api", "invalid_url"));
        assert!(err.message.get(Lang::Id).starts_with("Atribut api harus"));
        assert!(err.message.get(Lang::En).starts_with("The api attribute must"));
    }
}
