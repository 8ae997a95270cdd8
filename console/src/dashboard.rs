//! The dashboard's figures from a [`StatsView`], the geometry of its two
//! SVG charts (drawn with attributes only: the page's CSP forbids inline
//! styles), their one-line takeaways, and the award preview.

use aduan_core::api::v1::{HistogramBucket, LeaderboardView, MonthPoint, StatsView};
use aduan_core::{Lang, format};

/// One figure card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// What it counts.
    pub label: &'static str,
    /// The number as shown.
    pub value: String,
}

/// The figure cards, in reading order.
#[must_use]
pub fn figures(s: &StatsView) -> Vec<Figure> {
    let int = |n: u32| format::integer(i64::from(n), Lang::Id);
    let share = |count: u32, total: u32, share: Option<f64>| match share {
        Some(r) => format!("{} ({} dari {})", format::percent(r, 0, Lang::Id), int(count), int(total)),
        None => format::NO_DATA.to_owned(),
    };
    let wd = |x: Option<f64>| {
        x.map_or_else(|| format::NO_DATA.to_owned(), |d| format::working_days(d, 1, Lang::Id))
    };
    let answered = s.response_working_days.map_or(0, |d| d.count);
    vec![
        Figure { label: "Aduan diterima", value: int(s.total) },
        Figure { label: "Aduan ditanggapi", value: int(answered) },
        Figure { label: "Median waktu tanggapan", value: wd(s.response_working_days.map(|d| d.median)) },
        Figure { label: "Rata-rata waktu tanggapan", value: wd(s.response_working_days.map(|d| d.mean)) },
        Figure {
            label: "Ditanggapi dalam standar",
            value: share(s.within_standard.count, s.within_standard.total, s.within_standard.share),
        },
        Figure {
            label: "Ditindaklanjuti",
            value: share(s.follow_up.count, s.follow_up.total, s.follow_up.share),
        },
        Figure { label: "Masih terbuka", value: int(s.open) },
        Figure { label: "Terlambat", value: int(s.overdue) },
    ]
}

/// A bar of a chart, in the SVG's user units.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// The axis label under it.
    pub label: String,
    /// The value written above it.
    pub value: String,
}

/// Chart width and height in user units (the SVG scales to its box).
pub const CHART_WIDTH: f64 = 640.0;
/// See [`CHART_WIDTH`].
pub const CHART_HEIGHT: f64 = 240.0;
/// Space under the bars for labels, and above for values.
const BOTTOM: f64 = 40.0;
const TOP: f64 = 20.0;

fn bars(values: &[(String, f64)]) -> Vec<Bar> {
    let max = values.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let n = values.len().max(1) as f64;
    let slot = CHART_WIDTH / n;
    let plot = CHART_HEIGHT - BOTTOM - TOP;
    values
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let height = if max > 0.0 { v / max * plot } else { 0.0 };
            Bar {
                x: i as f64 * slot + slot * 0.15,
                y: TOP + plot - height,
                width: slot * 0.7,
                height,
                label: label.clone(),
                value: format::decimal(*v, 0, Lang::Id),
            }
        })
        .collect()
}

/// The histogram's bars.
#[must_use]
pub fn histogram_bars(buckets: &[HistogramBucket]) -> Vec<Bar> {
    bars(&buckets.iter().map(|b| (short_bucket_label(b), f64::from(b.count))).collect::<Vec<_>>())
}

/// The bucket label without its unit, to fit under a bar ("1–2").
fn short_bucket_label(b: &HistogramBucket) -> String {
    b.label.id.trim_end_matches(" hari kerja").to_owned()
}

/// The histogram's takeaway: where most answers fall (`answered` is the
/// count of answered complaints, to tell "none answered" from a server
/// that sends no histogram).
#[must_use]
pub fn histogram_takeaway(buckets: &[HistogramBucket], answered: u32) -> String {
    let total: u32 = buckets.iter().map(|b| b.count).sum();
    match buckets.iter().max_by_key(|b| b.count) {
        None if answered > 0 => "Sebaran waktu tanggapan belum tersedia dari server ini".to_owned(),
        Some(top) if total > 0 => format!(
            "Paling banyak aduan ditanggapi dalam {}: {} dari {} aduan",
            top.label.id,
            format::integer(i64::from(top.count), Lang::Id),
            format::integer(i64::from(total), Lang::Id)
        ),
        _ => "Belum ada aduan yang ditanggapi pada periode ini".to_owned(),
    }
}

/// The trend chart: a bar per month (received) and a line (median working
/// days), each scaled to its own axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// Received per month.
    pub bars: Vec<Bar>,
    /// The median line's points ("x,y x,y"), gaps skipped.
    pub line: String,
    /// The line's dots: (x, y, text).
    pub dots: Vec<(f64, f64, String)>,
}

/// The trend chart of `monthly`.
#[must_use]
pub fn trend(monthly: &[MonthPoint]) -> Trend {
    let bars =
        bars(&monthly.iter().map(|m| (month_short(&m.month), f64::from(m.received))).collect::<Vec<_>>());
    let max = monthly.iter().filter_map(|m| m.median_working_days).fold(0.0, f64::max);
    let plot = CHART_HEIGHT - BOTTOM - TOP;
    let slot = CHART_WIDTH / monthly.len().max(1) as f64;
    let dots: Vec<(f64, f64, String)> = monthly
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let d = m.median_working_days?;
            let y = if max > 0.0 { TOP + plot - d / max * plot } else { TOP + plot };
            Some((i as f64 * slot + slot / 2.0, y, format::decimal(d, 1, Lang::Id)))
        })
        .collect();
    let line = dots.iter().map(|(x, y, _)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
    Trend { bars, line, dots }
}

/// "Mar" from "2025-03".
#[must_use]
pub fn month_short(month: &str) -> String {
    month_number(month)
        .and_then(|m| format::month_name(m, Lang::Id))
        .map_or_else(|| month.to_owned(), |name| name.chars().take(3).collect())
}

/// "Maret 2025" from "2025-03".
#[must_use]
pub fn month_long(month: &str) -> String {
    match (month_number(month).and_then(|m| format::month_name(m, Lang::Id)), month.get(..4)) {
        (Some(name), Some(year)) => format!("{name} {year}"),
        _ => month.to_owned(),
    }
}

fn month_number(month: &str) -> Option<u32> {
    month.get(5..7)?.parse().ok()
}

/// The trend's takeaway: the busiest month and how the median moved.
#[must_use]
pub fn trend_takeaway(monthly: &[MonthPoint]) -> String {
    let Some(busiest) = monthly.iter().filter(|m| m.received > 0).max_by_key(|m| m.received) else {
        return "Belum ada aduan pada periode ini".to_owned();
    };
    let mut text = format!(
        "Aduan terbanyak diterima pada {} ({} aduan)",
        month_long(&busiest.month),
        format::integer(i64::from(busiest.received), Lang::Id)
    );
    let medians: Vec<(&str, f64)> =
        monthly.iter().filter_map(|m| m.median_working_days.map(|d| (m.month.as_str(), d))).collect();
    if let (Some(first), Some(last)) = (medians.first(), medians.last())
        && medians.len() > 1
    {
        text.push_str(&format!(
            "; median waktu tanggapan {} dari {} pada {} menjadi {} pada {}",
            if last.1 < first.1 {
                "turun"
            } else if last.1 > first.1 {
                "naik"
            } else {
                "tetap"
            },
            format::working_days(first.1, 1, Lang::Id),
            month_long(first.0),
            format::working_days(last.1, 1, Lang::Id),
            month_long(last.0)
        ));
    }
    text
}

/// One line of the award preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewRow {
    /// The category's name.
    pub category: String,
    /// Rank as shown.
    pub rank: String,
    /// The agency.
    pub name: String,
    /// The score out of 100.
    pub score: String,
}

/// The preview: the top 3 per category, or only `own` agency's line.
#[must_use]
pub fn award_preview(board: &LeaderboardView, own: Option<&str>) -> Vec<PreviewRow> {
    let mut out = Vec::new();
    for category in &board.categories {
        let name = category_label(category.category.as_str());
        for r in &category.ranked {
            if own.is_some_and(|a| a != r.agency.as_str()) || (own.is_none() && r.rank > 3) {
                continue;
            }
            out.push(PreviewRow {
                category: name.clone(),
                rank: format!("{} dari {}", r.rank, category.ranked.len()),
                name: r.name.clone(),
                score: format::decimal(r.score, 1, Lang::Id),
            });
        }
        if let Some(a) = own {
            for u in category.unranked.iter().filter(|u| u.agency.as_str() == a) {
                out.push(PreviewRow {
                    category: name.clone(),
                    rank: "Belum diperingkat".to_owned(),
                    name: u.name.clone(),
                    score: u.reasons.iter().map(|r| r.id.clone()).collect::<Vec<_>>().join("; "),
                });
            }
        }
    }
    out
}

/// A category's name ("OPD Pemprov", "Kabupaten/kota").
#[must_use]
pub fn category_label(id: &str) -> String {
    match id {
        "opd" => "OPD Pemprov".to_owned(),
        "uptd" => "UPTD".to_owned(),
        "kabkota" | "kabupaten_kota" | "kabupaten-kota" => "Kabupaten/kota".to_owned(),
        "kabupaten-kota-nonpeserta" => "Kabupaten/kota (bukan peserta)".to_owned(),
        // A configured category this list does not know: its id, readable.
        other => {
            let spaced = other.replace(['_', '-'], " ");
            let mut chars = spaced.chars();
            chars
                .next()
                .map_or_else(String::new, |first| first.to_ascii_uppercase().to_string() + chars.as_str())
        }
    }
}

/// The period choices: years from `current` back to the calendar's first
/// (2024), newest first.
#[must_use]
pub fn years(current: i32) -> Vec<i32> {
    (2024.min(current)..=current).rev().collect()
}

/// The file name in a `Content-Disposition` header, else `fallback`.
///
/// # Example
/// ```
/// use aduan_console::dashboard::download_name;
/// assert_eq!(download_name(Some("attachment; filename=\"aduan-2025.csv\""), "x.csv"), "aduan-2025.csv");
/// assert_eq!(download_name(None, "x.csv"), "x.csv");
/// ```
#[must_use]
pub fn download_name(disposition: Option<&str>, fallback: &str) -> String {
    disposition
        .and_then(|d| d.split(';').map(str::trim).find_map(|p| p.strip_prefix("filename=")))
        .map(|n| n.trim_matches('"'))
        .filter(|n| !n.is_empty() && !n.contains(['/', '\\']))
        .map_or_else(|| fallback.to_owned(), str::to_owned)
}

#[cfg(test)]
mod tests {

    #[test]
    fn category_labels_are_readable_for_known_and_unknown_ids() {
        assert_eq!(category_label("opd"), "OPD Pemprov");
        assert_eq!(category_label("uptd"), "UPTD");
        assert_eq!(category_label("kabupaten-kota"), "Kabupaten/kota");
        assert_eq!(category_label("kabupaten-kota-nonpeserta"), "Kabupaten/kota (bukan peserta)");
        assert_eq!(category_label("badan_usaha-daerah"), "Badan usaha daerah");
        assert_eq!(category_label(""), "");
    }

    use super::*;
    use serde_json::json;

    fn stats() -> StatsView {
        serde_json::from_value(json!({
            "period": {"from": "2025-01-01", "to": "2025-12-31"}, "as_of": "2025-12-31T00:00:00Z",
            "total": 1250, "by_kind": {}, "by_status": {}, "by_channel": {},
            "response_working_days": {"count": 40, "median": 1.1, "mean": 2.25, "p90": 4.0},
            "standard_working_days": 5,
            "within_standard": {"count": 35, "total": 40, "share": 0.875},
            "follow_up": {"count": 0, "total": 0},
            "completion": {"count": 1, "total": 2, "share": 0.5},
            "open": 3, "overdue": 1,
            "monthly": [
                {"month": "2025-01", "received": 10, "median_working_days": 2.0, "within_standard": {"count": 1, "total": 1, "share": 1.0}},
                {"month": "2025-02", "received": 0, "within_standard": {"count": 0, "total": 0}},
                {"month": "2025-03", "received": 20, "median_working_days": 1.0, "within_standard": {"count": 1, "total": 1, "share": 1.0}}
            ],
            "response_histogram": [
                {"from_working_days": 0.0, "to_working_days": 1.0, "label": {"id": "0–1 hari kerja", "en": "0–1 working days"}, "count": 30},
                {"from_working_days": 1.0, "label": {"id": "lebih dari 1 hari kerja", "en": "over 1"}, "count": 10}
            ]
        }))
        .unwrap()
    }

    #[test]
    fn figures_in_indonesian() {
        let f = figures(&stats());
        let get = |label: &str| f.iter().find(|x| x.label == label).map(|x| x.value.clone()).unwrap();
        assert_eq!(get("Aduan diterima"), "1.250");
        assert_eq!(get("Median waktu tanggapan"), "1,1 hari kerja");
        assert_eq!(get("Rata-rata waktu tanggapan"), "2,3 hari kerja");
        assert_eq!(get("Ditanggapi dalam standar"), "88% (35 dari 40)");
        assert_eq!(get("Ditindaklanjuti"), "–");
        assert_eq!(f.len(), 8);
    }

    #[test]
    fn charts_fit_their_box_and_say_what_they_show() {
        let s = stats();
        let h = histogram_bars(&s.response_histogram);
        assert_eq!(h.len(), 2);
        assert!((h[0].y - TOP).abs() < 1e-9, "the tallest bar reaches the top");
        assert!(
            h.iter().all(|b| b.x + b.width <= CHART_WIDTH && b.y + b.height <= CHART_HEIGHT - BOTTOM + 1e-9)
        );
        assert_eq!(h[0].label, "0–1");
        assert_eq!(
            histogram_takeaway(&s.response_histogram, 40),
            "Paling banyak aduan ditanggapi dalam 0–1 hari kerja: 30 dari 40 aduan"
        );
        assert_eq!(histogram_takeaway(&[], 0), "Belum ada aduan yang ditanggapi pada periode ini");
        assert_eq!(histogram_takeaway(&[], 3), "Sebaran waktu tanggapan belum tersedia dari server ini");
        let t = trend(&s.monthly);
        assert_eq!(t.bars.len(), 3);
        assert_eq!(t.bars[1].height, 0.0);
        assert_eq!(t.dots.len(), 2, "months without answers leave a gap");
        assert_eq!(t.bars[0].label, "Jan");
        assert_eq!(
            trend_takeaway(&s.monthly),
            "Aduan terbanyak diterima pada Maret 2025 (20 aduan); median waktu tanggapan turun dari 2 hari kerja pada Januari 2025 menjadi 1 hari kerja pada Maret 2025"
        );
        assert_eq!(trend_takeaway(&[]), "Belum ada aduan pada periode ini");
    }

    #[test]
    fn award_preview_top_three_or_own() {
        let board: LeaderboardView = serde_json::from_value(json!({
            "award": "a", "award_name": {"id": "A", "en": "A"}, "period": {"from": "2025-01-01", "to": "2025-12-31"},
            "criteria": [],
            "categories": [{"category": "opd", "ranked": [
                {"rank": 1, "agency": "dinkes", "name": "Dinkes", "score": 91.25, "winner": true, "contributions": []},
                {"rank": 2, "agency": "dishub", "name": "Dishub", "score": 80.0, "winner": true, "contributions": []},
                {"rank": 3, "agency": "disdik", "name": "Disdik", "score": 70.0, "winner": true, "contributions": []},
                {"rank": 4, "agency": "pupr", "name": "PUPR", "score": 60.0, "winner": false, "contributions": []}
            ], "unranked": [{"agency": "bpbd", "name": "BPBD", "reasons": [{"id": "Kurang dari 5 aduan", "en": "Fewer than 5"}]}]}]
        }))
        .unwrap();
        let all = award_preview(&board, None);
        assert_eq!(all.len(), 3);
        assert_eq!(
            (all[0].category.as_str(), all[0].rank.as_str(), all[0].score.as_str()),
            ("OPD Pemprov", "1 dari 4", "91,3")
        );
        let own = award_preview(&board, Some("pupr"));
        assert_eq!(own.len(), 1);
        assert_eq!(own[0].rank, "4 dari 4");
        assert_eq!(award_preview(&board, Some("bpbd"))[0].score, "Kurang dari 5 aduan");
    }

    #[test]
    fn periods_and_downloads() {
        assert_eq!(years(2026), [2026, 2025, 2024]);
        assert_eq!(years(2020), [2020]);
        assert_eq!(month_long("2025-08"), "Agustus 2025");
        assert_eq!(month_short("bad"), "bad");
        assert_eq!(download_name(Some("attachment; filename=../etc"), "f.csv"), "f.csv");
        assert_eq!(download_name(Some("attachment; filename=kotak-masuk.csv"), "f.csv"), "kotak-masuk.csv");
    }
}
