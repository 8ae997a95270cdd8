//! The response-time badge, `<aduan-badge agency="dinkes">`: which badge
//! to ask the server for, and what to show from its answer.
//!
//! The server computes the badge (`GET /api/v1/agencies/{id}/badge`) with
//! the core; this module only picks texts in the widget's language and
//! formats the remaining figures with `aduan_core::format`.

use aduan_core::api::v1::Badge;
use aduan_core::{AgencyId, FieldError, Lang, Text, format};

use crate::config::{ApiBase, query_value};

#[cfg(target_arch = "wasm32")]
pub mod view;

/// The badge an element asks for: its `agency` and optional `period`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeRequest {
    agency: AgencyId,
    period: Option<String>,
}

impl BadgeRequest {
    /// Checks the element's `agency` attribute (with the core's rule for
    /// agency codes) and keeps its `period` (`2025`, `2025-03`), which the
    /// server checks.
    ///
    /// # Errors
    /// A field error naming the `agency` attribute when it is missing or not
    /// an agency code.
    ///
    /// # Example
    /// ```
    /// use aduan_widgets::badge::BadgeRequest;
    /// use aduan_widgets::config::ApiBase;
    /// let api = ApiBase::new(None, "https://aduan.example.go.id").unwrap();
    /// let request = BadgeRequest::new(Some("dinkes"), Some("2025-03")).unwrap();
    /// assert_eq!(request.url(&api), "https://aduan.example.go.id/api/v1/agencies/dinkes/badge?period=2025-03");
    /// assert!(BadgeRequest::new(Some("Dinas Kesehatan"), None).is_err());
    /// ```
    pub fn new(agency: Option<&str>, period: Option<&str>) -> Result<Self, FieldError> {
        let agency = match agency.map(str::trim).filter(|a| !a.is_empty()) {
            Some(agency) => AgencyId::new(agency)?,
            None => {
                return Err(FieldError {
                    field: "agency",
                    code: "missing",
                    message: Text::new(
                        "Tambahkan atribut agency berisi kode instansi, misalnya <aduan-badge agency=\"dinkes\">",
                        "Add the agency attribute with the agency's code, for example <aduan-badge agency=\"dinkes\">",
                    ),
                });
            }
        };
        let period = period.map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned);
        Ok(Self { agency, period })
    }

    /// The badge's JSON address on the server.
    #[must_use]
    pub fn url(&self, api: &ApiBase) -> String {
        let mut url = api.url(&format!("/api/v1/agencies/{}/badge", self.agency));
        if let Some(period) = &self.period {
            url.push_str("?period=");
            url.push_str(&query_value(period));
        }
        url
    }
}

/// What the badge shows, every text in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeView {
    /// The short label: "Respons pengaduan".
    pub label: String,
    /// The median: "1,1 hari kerja", or "belum ada data".
    pub value: String,
    /// The background colour of the value, white text on it (`#rrggbb`).
    pub colour: String,
    /// The agency's name.
    pub agency: String,
    /// The period: "Maret 2025".
    pub period: String,
    /// The share answered within the standard: "90% ditanggapi dalam
    /// standar 5 hari kerja (9 dari 10)"; none before any answer.
    pub within_standard: Option<String>,
    /// The whole meaning as one sentence, for `aria-label` and `title`.
    pub sentence: String,
}

impl BadgeView {
    /// The view of a badge in `lang`.
    ///
    /// The colour is the server's when it is a plain hex colour, else the
    /// core's colour for the badge's level, so a strange answer can never
    /// inject CSS.
    #[must_use]
    pub fn new(badge: &Badge, lang: Lang) -> Self {
        let colour =
            if is_hex_colour(&badge.colour) { badge.colour.clone() } else { badge.level.colour().to_owned() };
        let share = &badge.within_standard;
        let within_standard = share.share.filter(|_| share.total > 0).map(|ratio| {
            let percent = format::percent(ratio, 0, lang);
            let standard = format::working_days(f64::from(badge.standard_working_days), 0, lang);
            let count = format::integer(i64::from(share.count), lang);
            let total = format::integer(i64::from(share.total), lang);
            match lang {
                Lang::Id => format!("{percent} ditanggapi dalam standar {standard} ({count} dari {total})"),
                Lang::En => format!("{percent} answered within the {standard} standard ({count} of {total})"),
            }
        });
        Self {
            label: badge.label.get(lang).to_owned(),
            value: badge.value.get(lang).to_owned(),
            colour,
            agency: badge.agency_name.clone(),
            period: badge.period_label.get(lang).to_owned(),
            within_standard,
            sentence: badge.sentence.get(lang).to_owned(),
        }
    }
}

/// The badge's markup. `role="img"` makes the badge one object whose name
/// is the sentence, as the SVG badge does; `title` shows the same sentence
/// on hover. The value's colour is an SVG `fill`, not an inline style, so a
/// page whose Content-Security-Policy forbids inline styles still shows it.
///
/// # Example
/// ```
/// # use aduan_widgets::badge::{BadgeView, html};
/// let view = BadgeView {
///     label: "Respons pengaduan".into(), value: "1,1 hari".into(), colour: "#00703c".into(),
///     agency: "Dinas <Kesehatan>".into(), period: "2025".into(), within_standard: None,
///     sentence: "Dinas Kesehatan menanggapi pengaduan dalam 1,1 hari".into(),
/// };
/// let markup = html(&view);
/// assert!(markup.contains(r##"<rect width="100%" height="100%" fill="#00703c">"##));
/// assert!(markup.contains("Dinas &lt;Kesehatan&gt; · 2025"));
/// ```
#[must_use]
pub fn html(view: &BadgeView) -> String {
    use crate::html::escape;
    let sentence = escape(&view.sentence);
    let mut out = format!(
        "<div class=\"badge\" role=\"img\" aria-label=\"{sentence}\" title=\"{sentence}\"><span class=\"badge-label\">{}</span><span class=\"badge-value\"><svg class=\"badge-fill\" aria-hidden=\"true\"><rect width=\"100%\" height=\"100%\" fill=\"{}\"></rect></svg>{}</span><span class=\"badge-meta\">{} · {}</span>",
        escape(&view.label),
        escape(&view.colour),
        escape(&view.value),
        escape(&view.agency),
        escape(&view.period),
    );
    if let Some(line) = &view.within_standard {
        out.push_str("<span class=\"badge-meta\">");
        out.push_str(&escape(line));
        out.push_str("</span>");
    }
    out.push_str("</div>");
    out
}

/// What the badge says while its data loads.
#[must_use]
pub fn loading() -> Text {
    Text::new("Memuat waktu respons pengaduan…", "Loading the complaint response time…")
}

/// `#rgb` or `#rrggbb`.
fn is_hex_colour(s: &str) -> bool {
    s.strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use aduan_core::api::v1::{BadgeLevel, Share};
    use aduan_core::sla::SlaPolicy;
    use aduan_core::stats::{Period, Ratio, Stats};

    use super::*;

    fn badge_with(within: Ratio) -> Badge {
        let stats = Stats {
            period: Period::month(2025, 3).unwrap(),
            as_of: "2025-04-01T00:00:00Z".parse().unwrap(),
            total: 0,
            by_kind: Default::default(),
            by_status: Default::default(),
            by_channel: Default::default(),
            response: None,
            within_standard: within,
            follow_up: Ratio::default(),
            completion: Ratio::default(),
            satisfaction: None,
            open: 0,
            overdue: 0,
            monthly: vec![],
        };
        Badge::new(AgencyId::new("dinkes").unwrap(), "Dinas Kesehatan", &stats, &SlaPolicy::default())
    }

    /// The badge of the core's snapshot (`aduan_core__api__tests__badge.snap`),
    /// as the server sends it.
    fn served_badge() -> Badge {
        serde_json::from_str(
            r##"{"agency": "dinkes", "agency_name": "Dinas Kesehatan",
            "period": {"from": "2025-03-01", "to": "2025-03-31"},
            "period_label": {"id": "Maret 2025", "en": "March 2025"},
            "median_working_days": 4.375, "standard_working_days": 5,
            "within_standard": {"count": 1, "total": 2, "share": 0.5},
            "level": "cukup", "colour": "#8a4b00",
            "label": {"id": "Respons pengaduan", "en": "Complaint response"},
            "value": {"id": "4,4 hari kerja", "en": "4.4 working days"},
            "sentence": {"id": "Dinas Kesehatan menanggapi pengaduan dalam median 4,4 hari kerja pada periode Maret 2025; 50% ditanggapi dalam standar 5 hari kerja.",
                         "en": "Dinas Kesehatan answered complaints in a median of 4.4 working days in March 2025; 50% were answered within the 5 working days standard."}}"##,
        )
        .unwrap()
    }

    #[test]
    fn requests() {
        let api = ApiBase::new(None, "http://127.0.0.1:8080").unwrap();
        let check = |agency: Option<&str>, period: Option<&str>, expected: Result<&str, &str>| {
            let got = BadgeRequest::new(agency, period).map(|r| r.url(&api)).map_err(|e| e.code);
            assert_eq!(got.as_ref().map(String::as_str), expected.as_ref().copied(), "{agency:?} {period:?}");
        };
        check(Some("dinkes"), None, Ok("http://127.0.0.1:8080/api/v1/agencies/dinkes/badge"));
        check(Some(" dinkes "), Some(" "), Ok("http://127.0.0.1:8080/api/v1/agencies/dinkes/badge"));
        check(
            Some("dinkes"),
            Some("2025"),
            Ok("http://127.0.0.1:8080/api/v1/agencies/dinkes/badge?period=2025"),
        );
        check(
            Some("dinkes"),
            Some("2025&x=1"),
            Ok("http://127.0.0.1:8080/api/v1/agencies/dinkes/badge?period=2025%26x%3D1"),
        );
        check(None, None, Err("missing"));
        check(Some(""), None, Err("missing"));
        check(Some("../admin"), None, Err("invalid_slug"));
        check(Some("Dinkes"), None, Err("invalid_slug"));
    }

    #[test]
    fn view_in_both_languages() {
        let badge = served_badge();
        assert_eq!(
            BadgeView::new(&badge, Lang::Id),
            BadgeView {
                label: "Respons pengaduan".into(),
                value: "4,4 hari kerja".into(),
                colour: "#8a4b00".into(),
                agency: "Dinas Kesehatan".into(),
                period: "Maret 2025".into(),
                within_standard: Some("50% ditanggapi dalam standar 5 hari kerja (1 dari 2)".into()),
                sentence: badge.sentence.id.clone(),
            }
        );
        let en = BadgeView::new(&badge, Lang::En);
        assert_eq!(en.value, "4.4 working days");
        assert_eq!(en.period, "March 2025");
        assert_eq!(
            en.within_standard.as_deref(),
            Some("50% answered within the 5 working days standard (1 of 2)")
        );
        assert!(en.sentence.starts_with("Dinas Kesehatan answered complaints"));
    }

    #[test]
    fn large_counts_use_the_languages_thousands_separator() {
        let view = BadgeView::new(&badge_with(Ratio { count: 1180, total: 1250 }), Lang::Id);
        assert_eq!(
            view.within_standard.as_deref(),
            Some("94% ditanggapi dalam standar 5 hari kerja (1.180 dari 1.250)")
        );
    }

    #[test]
    fn no_answers_yet_shows_no_share() {
        let badge = badge_with(Ratio::default());
        assert_eq!(badge.level, BadgeLevel::BelumAdaData);
        let view = BadgeView::new(&badge, Lang::Id);
        assert_eq!((view.value.as_str(), view.within_standard), ("belum ada data", None));
        assert_eq!(view.colour, BadgeLevel::BelumAdaData.colour());
    }

    #[test]
    fn a_colour_that_is_not_hex_falls_back_to_the_levels() {
        for colour in ["red;background:url(x)", "#12345", "#gggggg", "", "00703c"] {
            let mut badge = served_badge();
            badge.colour = colour.to_owned();
            assert_eq!(BadgeView::new(&badge, Lang::Id).colour, "#8a4b00", "{colour}");
        }
        let mut badge = served_badge();
        badge.colour = "#ABC".to_owned();
        assert_eq!(BadgeView::new(&badge, Lang::Id).colour, "#ABC");
        badge.within_standard = Share { count: 0, total: 0, share: None };
        assert_eq!(BadgeView::new(&badge, Lang::Id).within_standard, None);
    }
}
