//! Markup shared by the widgets that write theirs as escaped HTML strings:
//! escaping, and the loading and error messages every widget shows.

use aduan_core::Lang;

use crate::load::LoadError;

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content
/// and in quoted attribute values.
///
/// # Example
/// ```
/// use aduan_widgets::html::escape;
/// assert_eq!(escape(r#"<b onclick="x">&'"#), "&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;");
/// ```
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out` escaped as [`escape`] does: what every widget's
/// markup builder calls for text that is not its own.
#[inline(never)]
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The message shown while data loads: a polite status.
#[must_use]
pub fn status(text: &str) -> String {
    format!("<p class=\"status\" role=\"status\">{}</p>", escape(text))
}

/// The message shown when data could not be loaded, in `lang`.
#[must_use]
pub fn error(error: &LoadError, lang: Lang) -> String {
    format!("<p class=\"error\">{}</p>", escape(error.message().get(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_escape_what_they_show() {
        assert_eq!(status("a<b"), "<p class=\"status\" role=\"status\">a&lt;b</p>");
        let problem = LoadError::Status {
            status: 404,
            message: Some(aduan_core::Text::new("<img src=x onerror=alert(1)>", "x")),
        };
        assert_eq!(error(&problem, Lang::Id), "<p class=\"error\">&lt;img src=x onerror=alert(1)&gt;</p>");
    }
}
