//! The response-time badge as SVG, in the style of shields.io, so a site can
//! show it with an `<img>` and no JavaScript at all.
//!
//! Text is escaped for XML; the label box is dark grey and the value box the
//! level's colour, both above 6:1 contrast with white text; `<title>` and
//! `aria-label` carry the badge's meaning as a sentence.

use aduan_core::Lang;
use aduan_core::api::v1::Badge;

/// Escapes text for XML content and attribute values.
#[must_use]
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// An estimate of the text's width in pixels at 11 px Verdana, as shields
/// does, wide enough for Indonesian words.
fn text_width(text: &str) -> u32 {
    let units: u32 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ' ' | '\'' | '!' | '|' => 4,
            'm' | 'w' | 'M' | 'W' => 10,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 8,
            _ => 7,
        })
        .sum();
    units + 10
}

/// The badge as an SVG document in `lang`.
#[must_use]
pub fn svg(badge: &Badge, lang: Lang) -> String {
    let label = xml_escape(badge.label.get(lang));
    let value = xml_escape(badge.value.get(lang));
    let sentence = xml_escape(badge.sentence.get(lang));
    let (lw, vw) = (text_width(badge.label.get(lang)), text_width(badge.value.get(lang)));
    let width = lw + vw;
    let colour = xml_escape(&badge.colour);
    let (lx, vx) = (lw / 2, lw + vw / 2);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{sentence}"><title>{sentence}</title><rect width="{lw}" height="20" fill="#505a5f"/><rect x="{lw}" width="{vw}" height="20" fill="{colour}"/><g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="{lx}" y="14">{label}</text><text x="{vx}" y="14">{value}</text></g></svg>"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(xml_escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    }
}
