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

/// The one stylesheet of every widget: the shared part (`base.css`: the
/// host's reset, the container, loading and error messages), then each
/// widget's own rules from its `style.css`, whose classes start with the
/// widget's name.
pub const CSS: &str = concat!(
    include_str!("base.css"),
    include_str!("badge/style.css"),
    include_str!("form/style.css"),
    include_str!("leaderboard/style.css"),
    include_str!("tracker/style.css"),
);

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
