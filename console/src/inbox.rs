//! The inbox: its filters as a query string for `GET /api/v1/inbox` (and
//! `/api/v1/inbox.csv`), and each row's texts.

use aduan_core::api::v1::InboxItem;
use aduan_core::lifecycle::Status;
use aduan_core::{ComplaintKind, Lang, Zone, format};

/// How many rows a page shows.
pub const PAGE_SIZE: u32 = 25;

/// The inbox's filters as the officer set them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxFilter {
    /// Free text (`q`).
    pub search: String,
    /// A status code, or empty for every status.
    pub status: String,
    /// A kind code, or empty for every kind.
    pub kind: String,
    /// An agency id, or empty for every agency (koordinator only).
    pub agency: String,
    /// Only complaints past a deadline.
    pub overdue: bool,
    /// Only complaints near a deadline (past the policy's at-risk share of
    /// its time), not yet past it.
    pub at_risk: bool,
    /// The first row shown (paging).
    pub offset: u32,
}

impl InboxFilter {
    /// The query string (without `?`) for the inbox and its CSV export.
    ///
    /// # Example
    /// ```
    /// use aduan_console::inbox::InboxFilter;
    /// let f = InboxFilter { search: "obat & antre".into(), overdue: true, ..Default::default() };
    /// assert_eq!(f.query(true), "q=obat%20%26%20antre&overdue=true&limit=25&offset=0");
    /// ```
    #[must_use]
    pub fn query(&self, paged: bool) -> String {
        let mut parts = Vec::new();
        let search = self.search.trim();
        if !search.is_empty() {
            parts.push(format!("q={}", encode(search)));
        }
        for (key, value) in [("status", &self.status), ("kind", &self.kind), ("agency", &self.agency)] {
            if !value.is_empty() {
                parts.push(format!("{key}={}", encode(value)));
            }
        }
        if self.overdue {
            parts.push("overdue=true".to_owned());
        }
        if self.at_risk {
            parts.push("at_risk=true".to_owned());
        }
        if paged {
            parts.push(format!("limit={PAGE_SIZE}"));
            parts.push(format!("offset={}", self.offset));
        }
        parts.join("&")
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
#[must_use]
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The time left or overdue, in words that do not need colour:
/// "2,5 hari kerja lagi", "terlambat 1,0 hari kerja".
///
/// # Example
/// ```
/// use aduan_console::inbox::remaining;
/// assert_eq!(remaining(Some(2.5), false), "2,5 hari kerja lagi");
/// assert_eq!(remaining(Some(-1.0), true), "terlambat 1,0 hari kerja");
/// ```
#[must_use]
pub fn remaining(days: Option<f64>, overdue: bool) -> String {
    match days {
        None => "Tidak ada batas waktu berjalan".to_owned(),
        Some(d) if overdue || d < 0.0 => {
            format!("terlambat {} hari kerja", format::decimal(d.abs(), 1, Lang::Id))
        }
        Some(d) => format!("{} hari kerja lagi", format::decimal(d, 1, Lang::Id)),
    }
}

/// One row of the inbox table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The ticket.
    pub ticket: String,
    /// The link's text: the title, else the ticket.
    pub title: String,
    /// The status label.
    pub status: String,
    /// The kind label.
    pub kind: String,
    /// The agency's name (or "Belum didisposisikan").
    pub agency: String,
    /// The received date, in the zone.
    pub received: String,
    /// [`remaining`].
    pub remaining: String,
    /// Past a deadline.
    pub overdue: bool,
    /// Close to a deadline.
    pub at_risk: bool,
}

/// The row for `item`, naming its agency with `agency_name`.
#[must_use]
pub fn row(item: &InboxItem, zone: Zone, agency_name: &dyn Fn(&str) -> String) -> Row {
    let received = format::date(
        (item.received_at + chrono::Duration::seconds(zone.offset_seconds().into())).date_naive(),
        Lang::Id,
    );
    Row {
        ticket: item.ticket.to_string(),
        title: if item.title.trim().is_empty() { item.ticket.to_string() } else { item.title.clone() },
        status: item.status.label.id.clone(),
        kind: kind_label(item.kind).to_owned(),
        agency: item
            .agency
            .as_ref()
            .map_or_else(|| "Belum didisposisikan".to_owned(), |a| agency_name(a.as_str())),
        received,
        remaining: remaining(item.remaining_working_days, item.overdue),
        overdue: item.overdue,
        at_risk: item.at_risk,
    }
}

/// The Indonesian label of a kind.
#[must_use]
pub fn kind_label(kind: ComplaintKind) -> &'static str {
    match kind {
        ComplaintKind::Pengaduan => "Pengaduan",
        ComplaintKind::Aspirasi => "Aspirasi",
        ComplaintKind::PermintaanInformasi => "Permintaan informasi",
    }
}

/// The status filter's options: (code, label), "every status" first.
#[must_use]
pub fn status_options() -> Vec<(String, String)> {
    let mut out = vec![(String::new(), "Semua status".to_owned())];
    out.extend(Status::ALL.iter().map(|s| (s.code().to_owned(), s.label().id)));
    out
}

/// The kind filter's options: (code, label), "every kind" first.
#[must_use]
pub fn kind_options() -> Vec<(String, String)> {
    let mut out = vec![(String::new(), "Semua jenis".to_owned())];
    out.extend(ComplaintKind::ALL.iter().map(|k| (k.code().to_owned(), kind_label(*k).to_owned())));
    out
}

/// "Menampilkan 1–25 dari 40 aduan".
#[must_use]
pub fn page_summary(offset: u32, shown: usize, total: u64) -> String {
    if total == 0 {
        return "Tidak ada aduan yang cocok dengan filter ini".to_owned();
    }
    let last = u64::from(offset) + shown as u64;
    format!(
        "Menampilkan {}–{} dari {} aduan",
        format::integer(i64::from(offset) + 1, Lang::Id),
        format::integer(i64::try_from(last).unwrap_or(i64::MAX), Lang::Id),
        format::integer(i64::try_from(total).unwrap_or(i64::MAX), Lang::Id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings() {
        let check = |filter: InboxFilter, paged: bool, expected: &str| {
            assert_eq!(filter.query(paged), expected, "{filter:?}");
        };
        check(InboxFilter::default(), true, "limit=25&offset=0");
        check(InboxFilter::default(), false, "");
        check(
            InboxFilter {
                search: "  apotek  ".into(),
                status: "diterima".into(),
                kind: "pengaduan".into(),
                agency: "dinkes".into(),
                overdue: true,
                at_risk: false,
                offset: 50,
            },
            true,
            "q=apotek&status=diterima&kind=pengaduan&agency=dinkes&overdue=true&limit=25&offset=50",
        );
        check(InboxFilter { at_risk: true, ..Default::default() }, false, "at_risk=true");
        check(InboxFilter { search: "é/?".into(), ..Default::default() }, false, "q=%C3%A9%2F%3F");
    }

    #[test]
    fn remaining_in_words() {
        let check = |days: Option<f64>, overdue: bool, expected: &str| {
            assert_eq!(remaining(days, overdue), expected);
        };
        check(Some(2.5), false, "2,5 hari kerja lagi");
        check(Some(3.0), false, "3,0 hari kerja lagi");
        check(Some(0.0), false, "0,0 hari kerja lagi");
        check(Some(-1.0), true, "terlambat 1,0 hari kerja");
        check(Some(-0.3), false, "terlambat 0,3 hari kerja");
        check(None, false, "Tidak ada batas waktu berjalan");
    }

    #[test]
    fn a_row_from_the_wire() {
        let item: InboxItem = serde_json::from_value(serde_json::json!({
            "ticket": "K7M-4QX-9RJ", "kind": "pengaduan", "title": "Antrean obat",
            "status": {"code": "didisposisikan", "label": {"id": "Didisposisikan", "en": "Assigned"}},
            "agency": "dinkes", "received_at": "2026-11-23T17:30:00Z", "due_at": "2026-11-30T07:00:00Z",
            "remaining_working_days": -1.25, "overdue": true, "at_risk": false, "version": 3
        }))
        .unwrap();
        let row = row(&item, Zone::WITA, &|id| format!("Dinas {id}"));
        assert_eq!(row.agency, "Dinas dinkes");
        assert_eq!(row.received, "24 November 2026", "the date is the zone's");
        assert_eq!(row.remaining, "terlambat 1,3 hari kerja");
        assert_eq!((row.status.as_str(), row.kind.as_str()), ("Didisposisikan", "Pengaduan"));
    }

    #[test]
    fn paging_text() {
        assert_eq!(page_summary(0, 25, 1250), "Menampilkan 1–25 dari 1.250 aduan");
        assert_eq!(page_summary(0, 0, 0), "Tidak ada aduan yang cocok dengan filter ini");
        assert_eq!(status_options()[0].1, "Semua status");
        assert_eq!(kind_options().len(), 4);
    }
}
