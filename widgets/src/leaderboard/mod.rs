//! The award leaderboard, `<aduan-leaderboard award="pengelola-pengaduan" category="opd" period="2025">`:
//! which leaderboard to ask the server for, and what to show from its answer.
//!
//! The server scores the award with the core (`GET
//! /api/v1/awards/{award}/leaderboard`) and sends every entrant's criterion
//! contributions and monthly series in one answer; this module turns that
//! into texts in the widget's language (numbers through
//! `aduan_core::format`), bar widths, chart geometry and the keyboard rules
//! of the category tabs, so that all of it is tested natively.

use aduan_core::api::v1::{CategoryView, CriterionView, LeaderboardView, MonthPoint, RankedView};
use aduan_core::{CategoryId, FieldError, Lang, Text, format};

use crate::config::{ApiBase, query_value};

pub mod html;
#[cfg(target_arch = "wasm32")]
pub mod view;

/// The leaderboard an element asks for: its `award`, optional `category`
/// and optional `period`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaderboardRequest {
    award: String,
    category: Option<CategoryId>,
    period: Option<String>,
}

impl LeaderboardRequest {
    /// Checks the element's `award` and `category` attributes with the
    /// core's slug rule (award ids follow the category grammar, as
    /// `AwardDefinition::validate` requires) and keeps its `period`
    /// (`2025`, `2025-03`), which the server checks.
    ///
    /// # Errors
    /// A field error naming the attribute when `award` is missing or either
    /// is not a slug.
    ///
    /// # Example
    /// ```
    /// use aduan_widgets::config::ApiBase;
    /// use aduan_widgets::leaderboard::LeaderboardRequest;
    /// let api = ApiBase::new(None, "https://aduan.example.go.id").unwrap();
    /// let request = LeaderboardRequest::new(Some("pengelola-pengaduan"), Some("opd"), Some("2025")).unwrap();
    /// assert_eq!(
    ///     request.url(&api),
    ///     "https://aduan.example.go.id/api/v1/awards/pengelola-pengaduan/leaderboard?period=2025&category=opd"
    /// );
    /// assert!(LeaderboardRequest::new(Some("Pengelola Pengaduan"), None, None).is_err());
    /// ```
    pub fn new(
        award: Option<&str>,
        category: Option<&str>,
        period: Option<&str>,
    ) -> Result<Self, FieldError> {
        fn present(s: Option<&str>) -> Option<&str> {
            s.map(str::trim).filter(|s| !s.is_empty())
        }
        let Some(award) = present(award) else {
            return Err(FieldError {
                field: "award",
                code: "missing",
                message: Text::new(
                    "Tambahkan atribut award berisi kode penghargaan, misalnya <aduan-leaderboard award=\"pengelola-pengaduan\">",
                    "Add the award attribute with the award's code, for example <aduan-leaderboard award=\"pengelola-pengaduan\">",
                ),
            });
        };
        let award = CategoryId::new(award)
            .map_err(|_| FieldError {
                field: "award",
                code: "invalid_slug",
                message: Text::new(
                    "Atribut award harus berupa kode penghargaan dari huruf kecil, angka, dan tanda hubung, misalnya pengelola-pengaduan",
                    "The award attribute must be an award code of lowercase letters, digits and hyphens, for example pengelola-pengaduan",
                ),
            })?
            .as_str()
            .to_owned();
        let category = present(category)
            .map(|c| {
                CategoryId::new(c).map_err(|_| FieldError {
                    field: "category",
                    code: "invalid_slug",
                    message: Text::new(
                        "Atribut category harus berupa kode kategori dari huruf kecil, angka, dan tanda hubung, misalnya opd",
                        "The category attribute must be a category code of lowercase letters, digits and hyphens, for example opd",
                    ),
                })
            })
            .transpose()?;
        Ok(Self { award, category, period: present(period).map(str::to_owned) })
    }

    /// The leaderboard's JSON address on the server: every category unless
    /// the element names one.
    #[must_use]
    pub fn url(&self, api: &ApiBase) -> String {
        let mut url = api.url(&format!("/api/v1/awards/{}/leaderboard", self.award));
        let mut separator = '?';
        if let Some(period) = &self.period {
            url.push_str(&format!("{separator}period={}", query_value(period)));
            separator = '&';
        }
        if let Some(category) = &self.category {
            url.push_str(&format!("{separator}category={category}"));
        }
        url
    }

    /// The category the element asked for, whose tab is selected first.
    #[must_use]
    pub fn category(&self) -> Option<&CategoryId> {
        self.category.as_ref()
    }
}

/// What the leaderboard says while its data loads.
#[must_use]
pub fn loading() -> Text {
    Text::new("Memuat papan peringkat penghargaan…", "Loading the award leaderboard…")
}

/// The fixed words of the leaderboard in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// The tab list's name: "Kategori".
    pub tabs: String,
    /// Column header: "Peringkat".
    pub rank: String,
    /// Column header: "Instansi".
    pub entrant: String,
    /// Column header: "Skor (dari 100)".
    pub score: String,
    /// Column header of the charts, and their data tables' caption.
    pub monthly: String,
    /// The mark of a winner: "Pemenang".
    pub winner: String,
    /// Heading of the entrants not ranked.
    pub unranked: String,
    /// Said when a category ranks nobody.
    pub no_ranked: String,
    /// Said when the answer has no category at all.
    pub no_entrants: String,
    /// The legend's summary: "Bagaimana skor dihitung".
    pub how: String,
    /// The legend's first sentence.
    pub how_intro: String,
    /// The summary of a chart's data table.
    pub chart_data: String,
    /// Data table header: "Bulan".
    pub month: String,
    /// Data table header: "Pengaduan diterima".
    pub received: String,
    /// Data table header: "Median waktu tanggapan".
    pub median: String,
    /// Added to the scroll box's name: "dapat digeser ke samping".
    pub scrolls: String,
    /// "poin", after a weight.
    pub points: String,
}

impl Labels {
    /// The words in `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        let t = |id: &str, en: &str| match lang {
            Lang::Id => id.to_owned(),
            Lang::En => en.to_owned(),
        };
        Self {
            tabs: t("Kategori", "Categories"),
            rank: t("Peringkat", "Rank"),
            entrant: t("Instansi", "Agency"),
            score: t("Skor (dari 100)", "Score (of 100)"),
            monthly: t("Median waktu tanggapan per bulan", "Monthly median response time"),
            winner: t("Pemenang", "Winner"),
            unranked: t("Tidak diperingkat", "Not ranked"),
            no_ranked: t("Belum ada instansi yang diperingkat.", "No agency is ranked yet."),
            no_entrants: t(
                "Belum ada instansi peserta dalam kategori ini.",
                "No agency takes part in this category.",
            ),
            how: t("Bagaimana skor dihitung", "How the score is calculated"),
            how_intro: t(
                "Skor adalah jumlah poin dari setiap kriteria, paling tinggi 100. Setiap kriteria memberi poin sampai bobotnya:",
                "The score is the sum of the points of each criterion, at most 100. Each criterion gives points up to its weight:",
            ),
            chart_data: t("Data per bulan", "Data by month"),
            month: t("Bulan", "Month"),
            received: t("Pengaduan diterima", "Complaints received"),
            median: t("Median waktu tanggapan", "Median response time"),
            scrolls: t("dapat digeser ke samping", "scrolls sideways"),
            points: t("poin", "points"),
        }
    }
}

/// The whole leaderboard in one language, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardView {
    /// The award's name.
    pub title: String,
    /// The period judged: "2025".
    pub period: String,
    /// Fixed words.
    pub labels: Labels,
    /// The criteria, in column order.
    pub criteria: Vec<CriterionLegend>,
    /// One tab per category, in the server's order.
    pub tabs: Vec<TabView>,
    /// The tab shown first.
    pub selected: usize,
}

/// A criterion as its column header and the legend show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionLegend {
    /// Its name.
    pub name: String,
    /// Its weight: "40".
    pub weight: String,
    /// The column header: "Laju tindak lanjut (maks. 40)".
    pub header: String,
    /// What it measures and how points are given, when the server says.
    pub explanation: Option<String>,
}

/// One category: its tab and its table.
#[derive(Debug, Clone, PartialEq)]
pub struct TabView {
    /// The category's slug, for element ids.
    pub id: String,
    /// The tab's text: "OPD Pemprov".
    pub label: String,
    /// The table's caption: award, category and period.
    pub caption: String,
    /// Ranked entrants, best first.
    pub rows: Vec<RowView>,
    /// Entrants not ranked.
    pub unranked: Vec<UnrankedRow>,
}

/// A ranked entrant's table row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowView {
    /// "1".
    pub rank: String,
    /// The agency's name.
    pub name: String,
    /// "89,9".
    pub score: String,
    /// Among the winners.
    pub winner: bool,
    /// One bar per criterion, in column order.
    pub bars: Vec<BarView>,
    /// The monthly response-time chart.
    pub chart: ChartView,
}

/// An entrant left out of the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct UnrankedRow {
    /// The agency's name.
    pub name: String,
    /// Why, in the widget's language.
    pub reasons: Vec<String>,
    /// The monthly response-time chart.
    pub chart: ChartView,
}

/// One criterion's contribution to a score, drawn as a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarView {
    /// The points earned: "38,0".
    pub points: String,
    /// The bar's length in whole percent of the criterion's weight, 0–100.
    pub width: u32,
    /// The bar's accessible name: "Laju tindak lanjut: 38,0 dari 40 poin".
    pub label: String,
}

/// A small bar chart of an entrant's monthly median response time.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// The chart's text alternative: one sentence with the takeaway.
    pub label: String,
    /// The SVG viewBox width ([`CHART_STEP`] per month).
    pub width: u32,
    /// One bar per month with an answer.
    pub bars: Vec<ChartBar>,
    /// The data, as the table beside the chart shows it.
    pub rows: Vec<ChartRow>,
}

/// Horizontal space per month in the chart's viewBox.
pub const CHART_STEP: u32 = 10;
/// Height of the chart's viewBox; the tallest bar of a category fills it.
pub const CHART_HEIGHT: u32 = 40;

/// One bar of a chart, in whole viewBox units (integers keep the markup
/// short and exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartBar {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Height (at least 1, so that a zero-day month still shows).
    pub height: u32,
}

/// A month of the chart's data table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartRow {
    /// "Maret".
    pub month: String,
    /// "12".
    pub received: String,
    /// "1,2 hari kerja", or "–" for a month without answers.
    pub median: String,
}

impl BoardView {
    /// The view of `board` in `lang`, with the tab of `wanted` (else the
    /// first) selected.
    #[must_use]
    pub fn new(board: &LeaderboardView, wanted: Option<&CategoryId>, lang: Lang) -> Self {
        let title = board.award_name.get(lang).to_owned();
        let period = match &board.period_label {
            Some(label) => label.get(lang).to_owned(),
            None => {
                format!("{} – {}", format::date(board.period.from, lang), format::date(board.period.to, lang))
            }
        };
        let criteria: Vec<CriterionLegend> = board.criteria.iter().map(|c| legend(c, lang)).collect();
        let tabs = board
            .categories
            .iter()
            .map(|c| tab(c, &board.criteria, &criteria, &title, &period, lang))
            .collect();
        Self {
            title,
            period,
            labels: Labels::new(lang),
            criteria,
            tabs,
            selected: initial_tab(&board.categories, wanted),
        }
    }
}

fn legend(c: &CriterionView, lang: Lang) -> CriterionLegend {
    let name = c.name.get(lang).to_owned();
    let weight = number(c.weight, lang);
    let header = match lang {
        Lang::Id => format!("{name} (maks. {weight})"),
        Lang::En => format!("{name} (max. {weight})"),
    };
    CriterionLegend {
        name,
        weight,
        header,
        explanation: c.explanation.as_ref().map(|e| e.get(lang).to_owned()),
    }
}

fn tab(
    c: &CategoryView,
    criteria: &[CriterionView],
    legends: &[CriterionLegend],
    title: &str,
    period: &str,
    lang: Lang,
) -> TabView {
    let label = category_label(&c.category, lang);
    let caption = match lang {
        Lang::Id => format!("{title}, kategori {label}, {period}"),
        Lang::En => format!("{title}, {label} category, {period}"),
    };
    // One scale per category, so the charts of a table compare at a glance.
    let scale = c
        .ranked
        .iter()
        .map(|r| r.monthly.as_slice())
        .chain(c.unranked.iter().map(|u| u.monthly.as_slice()))
        .flatten()
        .filter_map(|m| m.median_working_days)
        .fold(0.0_f64, f64::max);
    TabView {
        id: c.category.as_str().to_owned(),
        label,
        caption,
        rows: c.ranked.iter().map(|r| row(r, criteria, legends, scale, period, lang)).collect(),
        unranked: c
            .unranked
            .iter()
            .map(|u| UnrankedRow {
                name: u.name.clone(),
                reasons: u.reasons.iter().map(|r| r.get(lang).to_owned()).collect(),
                chart: chart(&u.name, &u.monthly, scale, period, lang),
            })
            .collect(),
    }
}

fn row(
    r: &RankedView,
    criteria: &[CriterionView],
    legends: &[CriterionLegend],
    scale: f64,
    period: &str,
    lang: Lang,
) -> RowView {
    let bars = criteria
        .iter()
        .zip(legends)
        .map(|(c, legend)| {
            let points = r.contributions.iter().find(|k| k.criterion == c.id).map(|k| k.points);
            bar(legend, points, c.weight, lang)
        })
        .collect();
    RowView {
        rank: format::integer(i64::try_from(r.rank).unwrap_or(i64::MAX), lang),
        name: r.name.clone(),
        score: format::decimal(r.score, 1, lang),
        winner: r.winner,
        bars,
        chart: chart(&r.name, &r.monthly, scale, period, lang),
    }
}

fn bar(legend: &CriterionLegend, points: Option<f64>, weight: f64, lang: Lang) -> BarView {
    let Some(points) = points else {
        let label = match lang {
            Lang::Id => format!("{}: tidak ada data", legend.name),
            Lang::En => format!("{}: no data", legend.name),
        };
        return BarView { points: "–".to_owned(), width: 0, label };
    };
    let shown = format::decimal(points, 1, lang);
    let label = match lang {
        Lang::Id => format!("{}: {shown} dari {} poin", legend.name, legend.weight),
        Lang::En => format!("{}: {shown} of {} points", legend.name, legend.weight),
    };
    BarView { points: shown, width: bar_width(points, weight), label }
}

/// How much of a criterion's weight its points fill, in whole percent
/// (0–100, rounded).
///
/// # Example
/// ```
/// use aduan_widgets::leaderboard::bar_width;
/// assert_eq!(bar_width(38.0, 40.0), 95);
/// assert_eq!(bar_width(-1.0, 40.0), 0);
/// ```
#[must_use]
pub fn bar_width(points: f64, weight: f64) -> u32 {
    let width = points / weight * 100.0;
    // Clamped to 0–100 first, so the cast cannot truncate.
    if width.is_finite() { width.clamp(0.0, 100.0).round() as u32 } else { 0 }
}

/// A weight with one decimal ("33,3" / "33.3"), or none when whole
/// ("40"); scores and points always have one, so a column lines up.
fn number(x: f64, lang: Lang) -> String {
    let whole = x.fract() == 0.0 && x.abs() < 1e9;
    format::decimal(x, if whole { 0 } else { 1 }, lang)
}

/// The tab text of a category: the two Kalsel categories (and UPTD) by
/// their usual names, any other slug as words.
///
/// # Example
/// ```
/// use aduan_core::{CategoryId, Lang};
/// use aduan_widgets::leaderboard::category_label;
/// let id = |s: &str| CategoryId::new(s).unwrap();
/// assert_eq!(category_label(&id("kabupaten-kota"), Lang::Id), "Kabupaten/Kota");
/// assert_eq!(category_label(&id("media-sosial"), Lang::En), "Media sosial");
/// ```
#[must_use]
pub fn category_label(category: &CategoryId, lang: Lang) -> String {
    let (id, en) = match category.as_str() {
        "opd" => ("OPD Pemprov", "Provincial agencies (OPD)"),
        "uptd" => ("UPTD", "Technical units (UPTD)"),
        "kabupaten-kota" => ("Kabupaten/Kota", "Regencies and cities"),
        other => {
            let words = other.replace('-', " ");
            let mut chars = words.chars();
            return chars
                .next()
                .map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect())
                .unwrap_or_default();
        }
    };
    match lang {
        Lang::Id => id.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// The tab selected first: the category the element names, else the first.
#[must_use]
pub fn initial_tab(categories: &[CategoryView], wanted: Option<&CategoryId>) -> usize {
    wanted.and_then(|w| categories.iter().position(|c| &c.category == w)).unwrap_or(0)
}

/// A key that moves between tabs (WAI-ARIA tabs pattern, horizontal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabKey {
    /// ArrowRight: the next tab, the first after the last.
    Next,
    /// ArrowLeft: the previous tab, the last before the first.
    Previous,
    /// Home.
    First,
    /// End.
    Last,
}

impl TabKey {
    /// The move a `KeyboardEvent.key` asks for, if any.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "ArrowRight" | "Right" => Some(Self::Next),
            "ArrowLeft" | "Left" => Some(Self::Previous),
            "Home" => Some(Self::First),
            "End" => Some(Self::Last),
            _ => None,
        }
    }

    /// The tab this key moves to from `current` among `count` tabs.
    #[must_use]
    pub fn apply(self, current: usize, count: usize) -> usize {
        if count == 0 {
            return 0;
        }
        match self {
            Self::Next => (current + 1) % count,
            Self::Previous => (current + count - 1) % count,
            Self::First => 0,
            Self::Last => count - 1,
        }
    }
}

fn chart(name: &str, monthly: &[MonthPoint], scale: f64, period: &str, lang: Lang) -> ChartView {
    let months: Vec<(Option<(i32, u32)>, &MonthPoint)> =
        monthly.iter().map(|m| (parse_month(&m.month), m)).collect();
    let one_year = months.windows(2).all(|w| w[0].0.map(|(y, _)| y) == w[1].0.map(|(y, _)| y));
    let month_label = |m: &(Option<(i32, u32)>, &MonthPoint)| match m.0 {
        Some((year, month)) => {
            let name = format::month_name(month, lang).unwrap_or_default();
            if one_year { name.to_owned() } else { format!("{name} {year}") }
        }
        None => m.1.month.clone(),
    };
    let scale = if scale > 0.0 { scale } else { 1.0 };
    let bars = monthly
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let value = m.median_working_days?;
            let full = f64::from(CHART_HEIGHT);
            // Clamped to 1–40 first, so the cast cannot truncate.
            let height = (value / scale * full).round().clamp(1.0, full) as u32;
            let x = u32::try_from(i).unwrap_or(u32::MAX).saturating_mul(CHART_STEP).saturating_add(1);
            Some(ChartBar { x, y: CHART_HEIGHT - height, height })
        })
        .collect();
    let rows = months
        .iter()
        .map(|m| ChartRow {
            month: month_label(m),
            received: format::integer(i64::from(m.1.received), lang),
            median: m
                .1
                .median_working_days
                .map_or_else(|| "–".to_owned(), |d| format::working_days(d, 1, lang)),
        })
        .collect();
    let answered: Vec<(String, f64)> =
        months.iter().filter_map(|m| m.1.median_working_days.map(|d| (month_label(m), d))).collect();
    ChartView {
        label: takeaway(name, &answered, monthly.len(), period, lang),
        width: u32::try_from(monthly.len().max(1)).unwrap_or(u32::MAX).saturating_mul(CHART_STEP),
        bars,
        rows,
    }
}

/// `YYYY-MM` as (year, month).
fn parse_month(s: &str) -> Option<(i32, u32)> {
    let (year, month) = s.split_once('-')?;
    let month: u32 = month.parse().ok()?;
    (1..=12).contains(&month).then_some((year.parse().ok()?, month))
}

/// The chart's one-sentence takeaway: the range of the monthly medians and
/// how many months had answers.
fn takeaway(name: &str, answered: &[(String, f64)], months: usize, period: &str, lang: Lang) -> String {
    let days = |d: f64| format::working_days(d, 1, lang);
    let lowest = answered.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    let highest = answered.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let (Some(low), Some(high)) = (lowest, highest) else {
        return match lang {
            Lang::Id => format!(
                "{name}: belum ada pengaduan yang ditanggapi pada periode {period}, jadi belum ada waktu tanggapan per bulan."
            ),
            Lang::En => {
                format!(
                    "{name}: no complaint was answered in {period}, so there is no monthly response time yet."
                )
            }
        };
    };
    let count = format::integer(answered.len() as i64, lang);
    let months = format::integer(months as i64, lang);
    if answered.len() == 1 {
        return match lang {
            Lang::Id => format!(
                "{name}: median waktu tanggapan {} pada {}, satu-satunya bulan dengan tanggapan pada periode {period}.",
                days(low.1),
                low.0
            ),
            Lang::En => format!(
                "{name}: median response time of {} in {}, the only month with answers in {period}.",
                days(low.1),
                low.0
            ),
        };
    }
    if days(low.1) == days(high.1) {
        return match lang {
            Lang::Id => format!(
                "{name}: median waktu tanggapan {} setiap bulan yang ada tanggapannya pada periode {period} ({count} dari {months} bulan).",
                days(low.1)
            ),
            Lang::En => format!(
                "{name}: median response time of {} in every month with answers in {period} ({count} of {months} months).",
                days(low.1)
            ),
        };
    }
    match lang {
        Lang::Id => format!(
            "{name}: median waktu tanggapan per bulan pada periode {period} antara {} ({}) dan {} ({}); ada tanggapan dalam {count} dari {months} bulan.",
            days(low.1),
            low.0,
            days(high.1),
            high.0
        ),
        Lang::En => format!(
            "{name}: monthly median response time in {period} ranged from {} ({}) to {} ({}); answers in {count} of {months} months.",
            days(low.1),
            low.0,
            days(high.1),
            high.0
        ),
    }
}

#[cfg(test)]
mod tests {
    use aduan_core::api::v1::Share;

    use super::*;

    /// The leaderboard of the core's snapshot (`aduan_core__api__tests__leaderboard.snap`),
    /// as the server sends it, with a second category and a year of months.
    pub(super) fn served() -> LeaderboardView {
        let month = |m: u32, received: u32, median: Option<f64>| MonthPoint {
            month: format!("2025-{m:02}"),
            received,
            median_working_days: median,
            median_days: median.map(|d| d * 1.4),
            within_standard: Share { count: 0, total: 0, share: None },
        };
        let mut board: LeaderboardView = serde_json::from_str(
            include_str!("../../../core/src/snapshots/aduan_core__api__tests__leaderboard.snap")
                .split("---")
                .nth(2)
                .unwrap(),
        )
        .unwrap();
        let year = |medians: [Option<f64>; 12]| -> Vec<MonthPoint> {
            medians
                .iter()
                .enumerate()
                .map(|(i, m)| month(i as u32 + 1, u32::from(m.is_some()) * 10, *m))
                .collect()
        };
        let opd = &mut board.categories[0];
        opd.ranked[0].monthly = year([
            Some(1.2),
            Some(0.8),
            None,
            Some(2.4),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            Some(1.0),
        ]);
        opd.ranked[1].monthly =
            year([None, None, None, None, None, None, Some(4.8), None, None, None, None, None]);
        opd.unranked[0].monthly = year([None; 12]);
        let mut uptd = opd.clone();
        uptd.category = CategoryId::new("uptd").unwrap();
        uptd.unranked.clear();
        board.categories.push(uptd);
        board
    }

    #[test]
    fn requests() {
        let api = ApiBase::new(None, "http://127.0.0.1:8080").unwrap();
        let check = |award: Option<&str>,
                     category: Option<&str>,
                     period: Option<&str>,
                     expected: Result<&str, (&str, &str)>| {
            let got = LeaderboardRequest::new(award, category, period)
                .map(|r| r.url(&api))
                .map_err(|e| (e.field, e.code));
            let got = got.as_ref().map(String::as_str).map_err(|e| *e);
            assert_eq!(got, expected, "{award:?} {category:?} {period:?}");
        };
        let base = "http://127.0.0.1:8080/api/v1/awards";
        check(
            Some("pengelola-pengaduan"),
            None,
            None,
            Ok(&format!("{base}/pengelola-pengaduan/leaderboard")),
        );
        check(Some(" ampk "), Some(" "), Some(""), Ok(&format!("{base}/ampk/leaderboard")));
        check(Some("ampk"), Some("opd"), None, Ok(&format!("{base}/ampk/leaderboard?category=opd")));
        check(Some("ampk"), None, Some("2025-03"), Ok(&format!("{base}/ampk/leaderboard?period=2025-03")));
        check(
            Some("ampk"),
            Some("kabupaten-kota"),
            Some("2025 x"),
            Ok(&format!("{base}/ampk/leaderboard?period=2025%20x&category=kabupaten-kota")),
        );
        check(None, Some("opd"), None, Err(("award", "missing")));
        check(Some("  "), None, None, Err(("award", "missing")));
        check(Some("../admin"), None, None, Err(("award", "invalid_slug")));
        check(Some("Pengelola"), None, None, Err(("award", "invalid_slug")));
        check(Some("ampk"), Some("OPD"), None, Err(("category", "invalid_slug")));
        check(Some("ampk"), Some("opd&x=1"), None, Err(("category", "invalid_slug")));
    }

    #[test]
    fn attribute_errors_name_the_attribute_in_both_languages() {
        for (award, category, attribute) in
            [(None, None, "award"), (Some("A B"), None, "award"), (Some("a"), Some("x y"), "category")]
        {
            let error = LeaderboardRequest::new(award, category, None).unwrap_err();
            assert!(
                error.message.get(Lang::Id).contains(&format!("atribut {attribute}"))
                    || error.message.get(Lang::Id).contains(&format!("Atribut {attribute}")),
                "{error:?}"
            );
            assert!(error.message.get(Lang::En).contains(&format!("{attribute} attribute")), "{error:?}");
            for banned in ["maaf", "mohon", "tidak valid"] {
                assert!(!error.message.get(Lang::Id).to_lowercase().contains(banned));
            }
        }
    }

    #[test]
    fn tabs_follow_the_response_and_the_category_attribute() {
        let board = served();
        let ids =
            |view: &BoardView| view.tabs.iter().map(|t| (t.id.clone(), t.label.clone())).collect::<Vec<_>>();
        let view = BoardView::new(&board, None, Lang::Id);
        assert_eq!(ids(&view), [("opd".into(), "OPD Pemprov".into()), ("uptd".into(), "UPTD".into())]);
        assert_eq!(view.selected, 0);
        let uptd = CategoryId::new("uptd").unwrap();
        assert_eq!(BoardView::new(&board, Some(&uptd), Lang::En).selected, 1);
        let absent = CategoryId::new("kabupaten-kota").unwrap();
        assert_eq!(
            BoardView::new(&board, Some(&absent), Lang::Id).selected,
            0,
            "an unknown category shows the first"
        );
        assert_eq!(view.tabs[0].caption, "Pengelola Pengaduan Terbaik, kategori OPD Pemprov, 2025");
        assert_eq!(
            BoardView::new(&board, None, Lang::En).tabs[1].caption,
            "Best Complaint Handler, Technical units (UPTD) category, 2025"
        );
    }

    #[test]
    fn tab_keys_wrap_and_jump() {
        let check = |key: &str, current: usize, count: usize, expected: Option<usize>| {
            assert_eq!(
                TabKey::from_key(key).map(|k| k.apply(current, count)),
                expected,
                "{key} from {current} of {count}"
            );
        };
        check("ArrowRight", 0, 3, Some(1));
        check("ArrowRight", 2, 3, Some(0));
        check("ArrowLeft", 0, 3, Some(2));
        check("ArrowLeft", 2, 3, Some(1));
        check("Home", 2, 3, Some(0));
        check("End", 0, 3, Some(2));
        check("ArrowRight", 0, 1, Some(0));
        check("End", 0, 0, Some(0));
        check("Tab", 0, 3, None);
        check("Enter", 0, 3, None);
        check("ArrowDown", 0, 3, None);
    }

    #[test]
    fn rows_scores_and_bars() {
        let view = BoardView::new(&served(), None, Lang::Id);
        let first = &view.tabs[0].rows[0];
        assert_eq!(
            (first.rank.as_str(), first.name.as_str(), first.score.as_str(), first.winner),
            ("1", "Dinas Kesehatan", "89,9", true)
        );
        let points: Vec<&str> = first.bars.iter().map(|b| b.points.as_str()).collect();
        assert_eq!(points, ["17,9", "38,0", "18,0", "8,0", "8,0"], "one decimal throughout a column");
        let widths: Vec<u32> = first.bars.iter().map(|b| b.width).collect();
        assert_eq!(widths, [90, 95, 90, 80, 80]);
        assert_eq!(first.bars[1].label, "Laju tindak lanjut: 38,0 dari 40 poin");
        let en = BoardView::new(&served(), None, Lang::En);
        assert_eq!(en.tabs[0].rows[1].score, "77.8");
        assert_eq!(en.tabs[0].rows[1].bars[1].label, "Follow-up rate: 32.8 of 40 points");
        assert_eq!(view.criteria[1].header, "Laju tindak lanjut (maks. 40)");
        assert_eq!(en.criteria[4].header, "Reporter satisfaction (max. 10)");
        assert!(view.criteria[4].explanation.as_deref().unwrap().starts_with("Rata-rata penilaian pelapor"));
    }

    #[test]
    fn bar_widths_stay_within_the_weight() {
        let check = |points: f64, weight: f64, expected: u32| {
            assert_eq!(bar_width(points, weight), expected, "{points} of {weight}");
        };
        check(17.9219643943807, 20.0, 90);
        check(0.04, 10.0, 0);
        check(0.06, 10.0, 1);
        check(10.0, 10.0, 100);
        check(10.5, 10.0, 100);
        check(-0.1, 10.0, 0);
        check(5.0, 0.0, 0);
        check(f64::NAN, 10.0, 0);
    }

    #[test]
    fn a_missing_contribution_is_said_not_drawn() {
        let mut board = served();
        board.categories[0].ranked[0].contributions.retain(|k| k.criterion != "completion");
        let bar = &BoardView::new(&board, None, Lang::Id).tabs[0].rows[0].bars[3];
        assert_eq!(
            (bar.points.as_str(), bar.width, bar.label.as_str()),
            ("–", 0, "Tingkat penyelesaian: tidak ada data")
        );
    }

    #[test]
    fn numbers_in_the_languages_format() {
        let check = |x: f64, id: &str, en: &str| {
            assert_eq!((number(x, Lang::Id).as_str(), number(x, Lang::En).as_str()), (id, en), "{x}");
        };
        check(87.25, "87,3", "87.3");
        check(40.0, "40", "40");
        check(33.333333, "33,3", "33.3");
        check(0.04, "0,0", "0.0");
        check(1250.5, "1.250,5", "1,250.5");
    }

    #[test]
    fn unranked_entrants_keep_their_reasons() {
        let view = BoardView::new(&served(), None, Lang::Id);
        let unranked = &view.tabs[0].unranked;
        assert_eq!(unranked.len(), 1);
        assert_eq!(unranked[0].name, "Dinas Kebudayaan dan Pariwisata");
        assert_eq!(unranked[0].reasons[0], "Kurang dari 5 pengaduan pada periode ini");
        let en = BoardView::new(&served(), None, Lang::En);
        assert_eq!(en.tabs[0].unranked[0].reasons[0], "Fewer than 5 complaints in the period");
        assert_eq!(en.tabs[0].unranked[0].reasons.len(), 3);
        assert!(view.tabs[1].unranked.is_empty());
    }

    #[test]
    fn chart_takeaways_in_both_languages() {
        let board = served();
        let id = BoardView::new(&board, None, Lang::Id);
        let en = BoardView::new(&board, None, Lang::En);
        let check = |view: &BoardView, row: Option<usize>, expected: &str| {
            let chart = match row {
                Some(i) => &view.tabs[0].rows[i].chart,
                None => &view.tabs[0].unranked[0].chart,
            };
            assert_eq!(chart.label, expected);
        };
        check(
            &id,
            Some(0),
            "Dinas Kesehatan: median waktu tanggapan per bulan pada periode 2025 antara 0,8 hari kerja (Februari) dan 2,4 hari kerja (April); ada tanggapan dalam 4 dari 12 bulan.",
        );
        check(
            &en,
            Some(0),
            "Dinas Kesehatan: monthly median response time in 2025 ranged from 0.8 working days (February) to 2.4 working days (April); answers in 4 of 12 months.",
        );
        check(
            &id,
            Some(1),
            "Dinas PUPR: median waktu tanggapan 4,8 hari kerja pada Juli, satu-satunya bulan dengan tanggapan pada periode 2025.",
        );
        check(
            &en,
            Some(1),
            "Dinas PUPR: median response time of 4.8 working days in July, the only month with answers in 2025.",
        );
        check(
            &id,
            None,
            "Dinas Kebudayaan dan Pariwisata: belum ada pengaduan yang ditanggapi pada periode 2025, jadi belum ada waktu tanggapan per bulan.",
        );
        check(
            &en,
            None,
            "Dinas Kebudayaan dan Pariwisata: no complaint was answered in 2025, so there is no monthly response time yet.",
        );
        let same = vec![("Maret".to_owned(), 1.0), ("Mei".to_owned(), 1.02)];
        assert_eq!(
            takeaway("Dinkes", &same, 12, "2025", Lang::Id),
            "Dinkes: median waktu tanggapan 1 hari kerja setiap bulan yang ada tanggapannya pada periode 2025 (2 dari 12 bulan)."
        );
    }

    #[test]
    fn chart_bars_share_the_category_scale_and_the_data_table() {
        let view = BoardView::new(&served(), None, Lang::Id);
        let chart = &view.tabs[0].rows[0].chart;
        assert_eq!(chart.width, 120);
        // The category's slowest month (4,8 in July for Dinas PUPR) fills the height.
        let tallest = &view.tabs[0].rows[1].chart.bars;
        assert_eq!(tallest, &[ChartBar { x: 61, y: 0, height: 40 }]);
        let xs: Vec<u32> = chart.bars.iter().map(|b| b.x).collect();
        assert_eq!(xs, [1, 11, 31, 111]);
        let heights: Vec<u32> = chart.bars.iter().map(|b| b.height).collect();
        assert_eq!(heights, [10, 7, 20, 8], "1,2 0,8 2,4 1,0 of 4,8");
        assert!(chart.bars.iter().all(|b| b.y + b.height == CHART_HEIGHT));
        assert_eq!(chart.rows.len(), 12);
        assert_eq!(
            chart.rows[0],
            ChartRow { month: "Januari".into(), received: "10".into(), median: "1,2 hari kerja".into() }
        );
        assert_eq!(
            chart.rows[2],
            ChartRow { month: "Maret".into(), received: "0".into(), median: "–".into() }
        );
        assert!(view.tabs[0].unranked[0].chart.bars.is_empty());
    }

    #[test]
    fn a_zero_day_month_still_shows_and_months_across_years_name_the_year() {
        let point = |month: &str, median: Option<f64>| MonthPoint {
            month: month.to_owned(),
            received: 1,
            median_working_days: median,
            median_days: None,
            within_standard: Share { count: 0, total: 0, share: None },
        };
        let chart = chart(
            "D",
            &[point("2025-12", Some(0.0)), point("2026-01", None)],
            0.0,
            "Desember 2025 – Januari 2026",
            Lang::En,
        );
        assert_eq!(chart.bars, [ChartBar { x: 1, y: 39, height: 1 }]);
        assert_eq!(chart.rows[1].month, "January 2026");
        assert!(chart.label.contains("0 working days in December 2025"), "{}", chart.label);
    }

    #[test]
    fn an_older_server_without_series_or_labels_still_renders() {
        let mut board = served();
        board.period_label = None;
        for c in &mut board.categories {
            c.ranked.iter_mut().for_each(|r| r.monthly.clear());
        }
        board.criteria.iter_mut().for_each(|c| c.explanation = None);
        let view = BoardView::new(&board, None, Lang::Id);
        assert_eq!(view.period, "1 Januari 2025 – 31 Desember 2025");
        assert!(view.tabs[0].rows[0].chart.bars.is_empty());
        assert_eq!(view.criteria[0].explanation, None);
    }
}
