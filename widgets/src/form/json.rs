//! The few JSON texts the form writes and reads, without serde: the body
//! of a submission, the draft, and the receipt.
//!
//! [`crate::json`] maps JSON to and from any serde type, which in the
//! browser costs a serializer or a deserializer per type in the bundle.
//! The form only ever writes strings into one object and one array and
//! reads a few string members back, so it writes the text itself and, in
//! the browser, reads it with the browser's `JSON` (natively serde_json,
//! so the unit tests read the same texts). The tests compare every text
//! with what serde writes for the core's types, so the two cannot drift
//! apart unnoticed.

use aduan_core::{ComplaintInput, ComplaintKind, Privacy};
use chrono::Datelike;

/// Appends `text` as a JSON string, quotes included.
pub(crate) fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                out.push_str("\\u00");
                for nibble in [c as u32 >> 4, c as u32 & 0xf] {
                    out.push(char::from_digit(nibble, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON array of strings.
pub(crate) fn string_array(items: &[&str]) -> String {
    let mut out = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_string(&mut out, item);
    }
    out.push(']');
    out
}

/// `key` (the member's punctuation and name, `,"title":`), then `value`
/// as a JSON string, or `null`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Natively, only the tests write a body.
fn member(out: &mut String, key: &str, value: Option<&str>) {
    out.push_str(key);
    match value {
        Some(value) => push_string(out, value),
        None => out.push_str("null"),
    }
}

/// Appends a finite number as a JSON number that reads back as the same
/// `f64`: in the browser, the browser's shortest form (`90` where serde
/// writes `90.0`, the same number to the server), so the WASM carries no
/// float formatter; natively, Rust's, which is serde's (`90.0`, `1e-7`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn push_number(out: &mut String, n: f64) {
    #[cfg(target_arch = "wasm32")]
    out.push_str(
        &js_sys::JSON::stringify(&wasm_bindgen::JsValue::from_f64(n))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default(),
    );
    #[cfg(not(target_arch = "wasm32"))]
    out.push_str(&format!("{n:?}"));
}

/// The body of `POST /api/v1/complaints`: the JSON of the core's
/// [`SubmitComplaint`](aduan_core::api::v1::SubmitComplaint) with this
/// input and honeypot value.
#[must_use]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn submit_body(input: &ComplaintInput, website: &str) -> String {
    let mut out = String::new();
    member(&mut out, "{\"kind\":", input.kind.map(ComplaintKind::code));
    member(&mut out, ",\"title\":", Some(&input.title));
    member(&mut out, ",\"description\":", Some(&input.description));
    // `2026-03-07`, as chrono writes a date of years 0 to 9999.
    let date = input.incident_date.map(|d| {
        let mut text = String::new();
        for (n, digits) in [(d.year().unsigned_abs(), 4), (d.month(), 2), (d.day(), 2)] {
            if !text.is_empty() {
                text.push('-');
            }
            for place in (0..digits).rev() {
                text.push(char::from_digit(n / 10u32.pow(place) % 10, 10).unwrap_or('0'));
            }
        }
        text
    });
    member(&mut out, ",\"incident_date\":", date.as_deref());
    member(&mut out, ",\"location\":", Some(&input.location));
    out.push_str(",\"coordinates\":");
    match input.coordinates {
        Some(c) => {
            out.push_str("{\"lat\":");
            push_number(&mut out, c.lat);
            out.push_str(",\"lon\":");
            push_number(&mut out, c.lon);
            out.push('}');
        }
        None => out.push_str("null"),
    }
    member(&mut out, ",\"agency\":", Some(&input.agency));
    member(&mut out, ",\"privacy\":", input.privacy.map(Privacy::code));
    member(&mut out, ",\"reporter\":{\"name\":", Some(&input.reporter.name));
    member(&mut out, ",\"email\":", Some(&input.reporter.email));
    member(&mut out, ",\"phone\":", Some(&input.reporter.phone));
    out.push('}');
    if !website.is_empty() {
        member(&mut out, ",\"website\":", Some(website));
    }
    out.push('}');
    out
}

/// Reads a JSON array of strings; `None` for any other text.
pub(crate) fn read_string_array(json: &str) -> Option<Vec<String>> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let array: js_sys::Array = js_sys::JSON::parse(json).ok()?.dyn_into().ok()?;
        array.iter().map(|v| v.as_string()).collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(json).ok()
    }
}

/// Reads the string members `keys` of a JSON object, each `None` when it
/// is missing or null; `None` for a text that is not an object, or a
/// member of another type.
pub(crate) fn read_strings<const N: usize>(json: &str, keys: [&str; N]) -> Option<[Option<String>; N]> {
    #[cfg(target_arch = "wasm32")]
    {
        let object =
            js_sys::JSON::parse(json).ok().filter(|v| v.is_object() && !js_sys::Array::is_array(v))?;
        let mut read = [const { None }; N];
        for (slot, key) in read.iter_mut().zip(keys) {
            let value = js_sys::Reflect::get(&object, &key.into()).ok()?;
            if !value.is_undefined() && !value.is_null() {
                *slot = Some(value.as_string()?);
            }
        }
        Some(read)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        let object = value.as_object()?;
        let mut read = [const { None }; N];
        for (slot, key) in read.iter_mut().zip(keys) {
            match object.get(key) {
                None | Some(serde_json::Value::Null) => {}
                Some(value) => *slot = Some(value.as_str()?.to_owned()),
            }
        }
        Some(read)
    }
}

#[cfg(test)]
mod tests {
    use aduan_core::api::v1::SubmitComplaint;
    use aduan_core::complaint::ReporterInput;
    use serde_json::Value;

    use super::*;

    #[test]
    fn the_body_is_what_serde_writes_for_the_core() {
        let hostile = "\"}<b>\\ \u{0}\u{1f}\n\r\t é 👨‍👩‍👧 \u{2028}";
        let full = ComplaintInput {
            kind: Some(ComplaintKind::PermintaanInformasi),
            title: "Jalan \"rusak\"".into(),
            description: hostile.into(),
            incident_date: chrono::NaiveDate::from_ymd_opt(2026, 3, 7),
            location: "Jl. A. Yani km 5".into(),
            coordinates: Some(aduan_core::complaint::Coordinates { lat: -3.3194, lon: 114.5908 }),
            agency: "dinkes".into(),
            privacy: Some(Privacy::Rahasia),
            reporter: ReporterInput {
                name: "Siti".into(),
                email: "s@example.id".into(),
                phone: hostile.into(),
            },
        };
        let empty = ComplaintInput { agency: "dinkes".into(), ..ComplaintInput::default() };
        let corner = ComplaintInput {
            coordinates: Some(aduan_core::complaint::Coordinates { lat: -90.0, lon: 180.0 }),
            ..full.clone()
        };
        let tiny = ComplaintInput {
            coordinates: Some(aduan_core::complaint::Coordinates { lat: 1e-7, lon: -0.0 }),
            ..full.clone()
        };
        for (input, website) in [
            (full.clone(), ""),
            (full, "http://spam"),
            (corner, ""),
            (tiny, ""),
            (empty, ""),
            (ComplaintInput::default(), "x"),
        ] {
            let body = submit_body(&input, website);
            let ours: Value = serde_json::from_str(&body).unwrap();
            let expected =
                serde_json::to_value(SubmitComplaint { complaint: input.clone(), website: website.into() })
                    .unwrap();
            assert_eq!(ours, expected, "{body}");
            let back: SubmitComplaint = serde_json::from_str(&body).unwrap();
            assert_eq!(back.complaint, input);
        }
    }

    #[test]
    fn strings_survive_the_round_trip() {
        let items = ["aduan", "", "\"]", "\\", "\u{0}\u{7}\u{1b}", "line\nline", "👨‍👩‍👧"];
        let json = string_array(&items);
        assert_eq!(serde_json::from_str::<Vec<String>>(&json).unwrap(), items);
        assert_eq!(read_string_array(&json).unwrap(), items);
        assert_eq!(read_string_array("[1]"), None);
        assert_eq!(read_string_array("{}"), None);
    }

    #[test]
    fn members_are_read_by_name() {
        let read = |json| read_strings(json, ["a", "b"]);
        assert_eq!(read(r#"{"a": "x", "b": null, "c": 1}"#), Some([Some("x".into()), None]));
        assert_eq!(read(r#"{"b": "y"}"#), Some([None, Some("y".into())]));
        assert_eq!(read(r#"{"a": 1}"#), None);
        assert_eq!(read(r#"["x", "y"]"#), None);
        assert_eq!(read("<html>"), None);
        assert_eq!(read("\"a\""), None);
    }
}
