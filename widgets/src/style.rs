//! The CSS every widget's shadow root adopts.
//!
//! The shadow root keeps the host page's CSS out (resets, `!important`
//! rules, odd fonts) and ours in. Only custom properties cross it, so those
//! are the theming interface, each with a safe default:
//! `--aduan-accent`, `--aduan-font`, `--aduan-text`, `--aduan-secondary-text`,
//! `--aduan-background`, `--aduan-border`, `--aduan-error`.
//!
//! Inherited properties still reach the shadow tree through the host
//! element, where a page's `!important` rules beat `:host`, so the widget's
//! own container starts again from `all: initial`. Sizes are in `em` from
//! `font-size: medium` (the reader's default size), never `rem`, because
//! many host pages shrink the root font.

/// The one stylesheet of every widget.
pub const CSS: &str = r#":host{all:initial;display:inline-block;max-width:100%;vertical-align:middle}
:host([hidden]){display:none}
.aduan{all:initial;display:block;box-sizing:border-box;font-family:var(--aduan-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);font-size:medium;line-height:1.4;color:var(--aduan-text,#0b0c0c);overflow-wrap:anywhere;text-align:start}
.aduan *,.aduan *::before,.aduan *::after{box-sizing:inherit}
.aduan p{margin:0}
.badge{display:flex;flex-direction:column;align-items:flex-start;gap:.25em;max-width:24em;padding:.75em 1em;background:var(--aduan-background,#fff);border:1px solid var(--aduan-border,#b1b4b6);border-top:.3em solid var(--aduan-accent,#1d70b8);border-radius:.25em}
.badge-label{font-size:.875em;font-weight:700}
.badge-value{padding:.1em .45em;border-radius:.2em;color:#fff;font-size:1.25em;font-weight:700}
.badge-meta,.status{font-size:.875em;color:var(--aduan-secondary-text,#484949)}
.status{padding:.75em 0}
.error{max-width:32em;padding:.5em .75em;background:var(--aduan-background,#fff);border-left:.3em solid var(--aduan-error,#d4351c);font-size:.875em}
@media (forced-colors:active){.badge-value{border:1px solid}}
"#;

#[cfg(test)]
mod tests {
    use super::CSS;

    /// A custom property the host page does not set must still give a
    /// readable widget, so each `var()` names a fallback.
    #[test]
    fn every_custom_property_has_a_default() {
        let mut rest = CSS;
        let mut seen = 0;
        while let Some(start) = rest.find("var(") {
            let inner = &rest[start + 4..];
            let end = inner.find(')').expect("var( is closed");
            let name = inner[..end].split(',').next().unwrap_or_default();
            assert!(name.starts_with("--aduan-"), "{name} is not one of ours");
            assert!(inner[..end].contains(','), "var({}) has no default", &inner[..end]);
            seen += 1;
            rest = &inner[end..];
        }
        assert!(seen >= 7, "found only {seen} var()s");
    }

    #[test]
    fn the_documented_properties_are_the_ones_used() {
        for name in ["accent", "font", "text", "secondary-text", "background", "border", "error"] {
            assert!(CSS.contains(&format!("var(--aduan-{name},")), "--aduan-{name} is documented but unused");
        }
    }
}
