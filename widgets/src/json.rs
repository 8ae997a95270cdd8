//! JSON in and out of the widgets.
//!
//! In the browser the text is parsed and written by the browser's own
//! `JSON`, and `serde-wasm-bindgen` maps the JavaScript values to and from
//! the core's types: no JSON parser is compiled into the bundle (serde_json
//! cost about a fifth of it). Natively (unit tests) the same functions use
//! serde_json, so the view models are tested on the same texts.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A text that is not JSON, or not the JSON of the expected type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// Reads `text` as a `T`.
///
/// # Errors
/// [`Unreadable`] when `text` is not JSON or not a `T`.
///
/// # Example
/// ```
/// let n: Vec<u32> = aduan_widgets::json::from_str("[1, 2]").unwrap();
/// assert_eq!(n, [1, 2]);
/// assert!(aduan_widgets::json::from_str::<u32>("<html>").is_err());
/// ```
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Unreadable> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(text).map_err(|_| Unreadable)?;
        serde_wasm_bindgen::from_value(value).map_err(|_| Unreadable)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map_err(|_| Unreadable)
    }
}

/// Writes `value` as JSON text, or `None` if it cannot be (a map with
/// non-string keys, say).
///
/// # Example
/// ```
/// assert_eq!(aduan_widgets::json::to_string(&vec!["a", "b"]).as_deref(), Some(r#"["a","b"]"#));
/// ```
#[must_use]
pub fn to_string<T: Serialize>(value: &T) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        // Plain objects for maps and `null` for `None`, as JSON has them.
        let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
        js_sys::JSON::stringify(&value).ok()?.as_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::to_string(value).ok()
    }
}
