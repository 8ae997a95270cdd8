//! The leaderboard's markup (title, scoring legend, category tabs, and per
//! category the table, the charts and the entrants not ranked) as escaped
//! HTML, which the view puts in the shadow root once.
//!
//! Why a string and not Leptos views: nothing here changes after it is
//! shown except which tab is selected (three attributes, which the view
//! sets), and typed Leptos views of a table with tabs and charts compiled
//! into about 37 KB (brotli) of per-type build and rebuild code and
//! reactive effects, a quarter of the bundle's budget. As a string it costs
//! a few KB, and every element, role and label is checked by the native
//! tests below. Every text goes through [`escape`]; numbers are formatted
//! by the view model.

use std::fmt::Write as _;

use super::{
    BarView, BoardView, CHART_HEIGHT, CHART_STEP, ChartView, CriterionLegend, Labels, RowView, TabView,
    UnrankedRow,
};

/// The id of the `i`th tab; its panel's is [`panel_id`].
#[must_use]
pub fn tab_id(i: usize) -> String {
    format!("board-tab-{i}")
}

/// The id of the `i`th tab panel.
#[must_use]
pub fn panel_id(i: usize) -> String {
    format!("board-panel-{i}")
}

/// The index of a tab from its element id.
///
/// # Example
/// ```
/// use aduan_widgets::leaderboard::html::{tab_id, tab_index};
/// assert_eq!(tab_index(&tab_id(2)), Some(2));
/// assert_eq!(tab_index("board-panel-2"), None);
/// ```
#[must_use]
pub fn tab_index(id: &str) -> Option<usize> {
    id.strip_prefix("board-tab-")?.parse().ok()
}

/// The whole leaderboard: the award and period as a heading, how the score
/// is calculated, the category tabs (WAI-ARIA tabs pattern, roving
/// tabindex; none for a lone category) and one panel per category, all
/// but the selected one hidden.
#[must_use]
pub fn board(view: &BoardView) -> String {
    let mut out = format!(
        "<h2 class=\"board-title\">{}<span class=\"board-period\">{}</span></h2>",
        escape(&view.title),
        escape(&view.period)
    );
    out.push_str(&how_scored(&view.labels, &view.criteria));
    // A category the award does not have comes back empty.
    if view.tabs.is_empty() {
        let _ = write!(out, "<p class=\"board-empty\">{}</p>", escape(&view.labels.no_entrants));
    }
    let tabbed = view.tabs.len() > 1;
    if tabbed {
        let _ = write!(
            out,
            "<div class=\"board-tabs\" role=\"tablist\" aria-label=\"{}\">",
            escape(&view.labels.tabs)
        );
        for (i, tab) in view.tabs.iter().enumerate() {
            let selected = i == view.selected;
            let _ = write!(
                out,
                "<button type=\"button\" class=\"board-tab\" role=\"tab\" id=\"{}\" aria-controls=\"{}\" aria-selected=\"{selected}\" tabindex=\"{}\">{}</button>",
                tab_id(i),
                panel_id(i),
                if selected { 0 } else { -1 },
                escape(&tab.label)
            );
        }
        out.push_str("</div>");
    }
    for (i, tab) in view.tabs.iter().enumerate() {
        let _ = write!(out, "<div class=\"board-panel\" id=\"{}\"", panel_id(i));
        if tabbed {
            let _ = write!(out, " role=\"tabpanel\" aria-labelledby=\"{}\"", tab_id(i));
        }
        if i != view.selected {
            out.push_str(" hidden");
        }
        out.push('>');
        out.push_str(&panel(tab, &view.labels, &view.criteria));
        out.push_str("</div>");
    }
    out
}

pub use crate::html::escape;

/// "Bagaimana skor dihitung": each criterion, its weight and what it
/// measures, in a `<details>`.
#[must_use]
pub fn how_scored(labels: &Labels, criteria: &[CriterionLegend]) -> String {
    let mut out = format!(
        "<details class=\"board-how\"><summary>{}</summary><p>{}</p><ul>",
        escape(&labels.how),
        escape(&labels.how_intro)
    );
    for c in criteria {
        let _ = write!(
            out,
            "<li><strong>{}</strong>: {} {}",
            escape(&c.name),
            escape(&c.weight),
            escape(&labels.points)
        );
        if let Some(explanation) = &c.explanation {
            let _ = write!(out, "<br>{}", escape(explanation));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></details>");
    out
}

/// One category's content: its table in a focusable, labelled container
/// that scrolls sideways on its own, then the entrants not ranked.
#[must_use]
pub fn panel(tab: &TabView, labels: &Labels, criteria: &[CriterionLegend]) -> String {
    let mut out = String::new();
    if tab.rows.is_empty() {
        let _ = write!(out, "<p class=\"board-empty\">{}</p>", escape(&labels.no_ranked));
    } else {
        let _ = write!(
            out,
            "<div class=\"board-scroll\" role=\"region\" aria-label=\"{} ({})\" tabindex=\"0\"><table class=\"board-table\"><caption><span>{}</span></caption><thead><tr><th scope=\"col\" class=\"board-num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"board-num\">{}</th>",
            escape(&tab.caption),
            escape(&labels.scrolls),
            escape(&tab.caption),
            escape(&labels.rank),
            escape(&labels.entrant),
            escape(&labels.score),
        );
        for c in criteria {
            let _ = write!(out, "<th scope=\"col\" class=\"board-num\">{}</th>", escape(&c.header));
        }
        let _ = write!(out, "<th scope=\"col\">{}</th></tr></thead><tbody>", escape(&labels.monthly));
        for row in &tab.rows {
            ranked_row(&mut out, row, labels);
        }
        out.push_str("</tbody></table></div>");
    }
    if !tab.unranked.is_empty() {
        let _ = write!(
            out,
            "<h3 class=\"board-sub\">{}</h3><ul class=\"board-unranked\">",
            escape(&labels.unranked)
        );
        for item in &tab.unranked {
            unranked_item(&mut out, item, labels);
        }
        out.push_str("</ul>");
    }
    out
}

fn ranked_row(out: &mut String, row: &RowView, labels: &Labels) {
    let _ = write!(
        out,
        "<tr><td class=\"board-num\">{}</td><th scope=\"row\" class=\"board-name\">{}",
        escape(&row.rank),
        escape(&row.name)
    );
    // The winners are said in words, not by colour or position alone.
    if row.winner {
        let _ = write!(out, " <span class=\"board-winner\">{}</span>", escape(&labels.winner));
    }
    let _ = write!(out, "</th><td class=\"board-num board-score\">{}</td>", escape(&row.score));
    for b in &row.bars {
        out.push_str("<td class=\"board-num\">");
        bar(out, b);
        out.push_str("</td>");
    }
    out.push_str("<td>");
    chart(out, &row.chart, &row.name, labels);
    out.push_str("</td></tr>");
}

/// A criterion's contribution: the bar is an image named with the points
/// out of the weight; the number beside it repeats that for the eye. The
/// fill's length is an SVG attribute, not an inline style, so a page whose
/// Content-Security-Policy forbids inline styles still draws it.
fn bar(out: &mut String, bar: &BarView) {
    let _ = write!(
        out,
        "<span class=\"board-cell\"><svg class=\"board-bar\" role=\"img\" aria-label=\"{}\"><rect class=\"board-fill\" height=\"100%\" width=\"{}%\"></rect></svg><span aria-hidden=\"true\">{}</span></span>",
        escape(&bar.label),
        bar.width,
        escape(&bar.points)
    );
}

fn unranked_item(out: &mut String, item: &UnrankedRow, labels: &Labels) {
    let _ = write!(out, "<li><p class=\"board-name\">{}</p><ul class=\"board-reasons\">", escape(&item.name));
    for reason in &item.reasons {
        let _ = write!(out, "<li>{}</li>", escape(reason));
    }
    out.push_str("</ul>");
    chart(out, &item.chart, &item.name, labels);
    out.push_str("</li>");
}

/// The monthly chart: bars of the median response time, named with the
/// takeaway sentence, and the same data as a table in a `<details>`.
fn chart(out: &mut String, chart: &ChartView, name: &str, labels: &Labels) {
    let (width, height) = (chart.width, CHART_HEIGHT);
    // With nothing to draw, the takeaway itself is shown instead of an
    // empty chart.
    if chart.bars.is_empty() {
        let _ =
            write!(out, "<div class=\"board-chart\"><p class=\"board-nodata\">{}</p>", escape(&chart.label));
    } else {
        let _ = write!(
            out,
            "<div class=\"board-chart\"><svg class=\"board-spark\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\"><line class=\"board-axis\" x1=\"0\" y1=\"{height}\" x2=\"{width}\" y2=\"{height}\"></line>",
            escape(&chart.label)
        );
        for b in &chart.bars {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"></rect>",
                b.x,
                b.y,
                CHART_STEP - 2,
                b.height
            );
        }
        out.push_str("</svg>");
    }
    let name = escape(name);
    let _ = write!(
        out,
        "<details class=\"board-data\"><summary>{}<span class=\"board-vh\">: {name}</span></summary><table><caption class=\"board-vh\">{}: {name}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"board-num\">{}</th><th scope=\"col\" class=\"board-num\">{}</th></tr></thead><tbody>",
        escape(&labels.chart_data),
        escape(&labels.monthly),
        escape(&labels.month),
        escape(&labels.received),
        escape(&labels.median),
    );
    for r in &chart.rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"board-num\">{}</td><td class=\"board-num\">{}</td></tr>",
            escape(&r.month),
            escape(&r.received),
            escape(&r.median)
        );
    }
    out.push_str("</tbody></table></details></div>");
}

#[cfg(test)]
mod tests {
    use aduan_core::Lang;

    use super::*;
    use crate::leaderboard::BoardView;
    use crate::leaderboard::tests::served;

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    #[test]
    fn the_table_has_a_caption_scoped_headers_and_a_labelled_scroll_container() {
        let view = BoardView::new(&served(), None, Lang::Id);
        let html = panel(&view.tabs[0], &view.labels, &view.criteria);
        assert!(html.starts_with(
            "<div class=\"board-scroll\" role=\"region\" aria-label=\"Pengelola Pengaduan Terbaik, kategori OPD Pemprov, 2025 (dapat digeser ke samping)\" tabindex=\"0\"><table class=\"board-table\"><caption><span>Pengelola Pengaduan Terbaik, kategori OPD Pemprov, 2025</span></caption>"
        ), "{html}");
        // Rank, agency, score, five criteria, the chart; and each row's agency.
        assert_eq!(count(&html, "<th scope=\"col\""), 9 + 3 * 3, "the chart data tables have three each");
        assert_eq!(count(&html, "<th scope=\"row\" class=\"board-name\">"), 2);
        assert!(html.contains("<th scope=\"col\" class=\"board-num\">Laju tindak lanjut (maks. 40)</th>"));
        assert!(html.contains("<td class=\"board-num board-score\">89,9</td>"));
        assert_eq!(count(&html, "<span class=\"board-winner\">Pemenang</span>"), 2);
        assert!(html.contains(
            "<svg class=\"board-bar\" role=\"img\" aria-label=\"Laju tindak lanjut: 38,0 dari 40 poin\"><rect class=\"board-fill\" height=\"100%\" width=\"95%\"></rect></svg><span aria-hidden=\"true\">38,0</span>"
        ));
        assert_eq!(
            count(&html, "role=\"img\""),
            2 * 5 + 2,
            "a bar per criterion and a chart per entrant with answers"
        );
        assert!(html.contains("<h3 class=\"board-sub\">Tidak diperingkat</h3>"));
        assert!(html.contains("<li>Kurang dari 5 pengaduan pada periode ini</li>"));
        // Nobody answered: the sentence is shown, not an empty chart.
        assert!(html.contains("<div class=\"board-chart\"><p class=\"board-nodata\">Dinas Kebudayaan dan Pariwisata: belum ada pengaduan yang ditanggapi pada periode 2025, jadi belum ada waktu tanggapan per bulan.</p><details class=\"board-data\">"), "{html}");
    }

    #[test]
    fn charts_have_a_takeaway_and_their_data_as_a_table() {
        let view = BoardView::new(&served(), None, Lang::En);
        let html = panel(&view.tabs[0], &view.labels, &view.criteria);
        assert!(html.contains("<svg class=\"board-spark\" role=\"img\" aria-label=\"Dinas Kesehatan: monthly median response time in 2025 ranged from 0.8 working days (February) to 2.4 working days (April); answers in 4 of 12 months.\" viewBox=\"0 0 120 40\" width=\"120\" height=\"40\">"), "{html}");
        assert!(html.contains("<rect x=\"1\" y=\"30\" width=\"8\" height=\"10\"></rect>"));
        assert!(
            html.contains(
                "<summary>Data by month<span class=\"board-vh\">: Dinas Kesehatan</span></summary>"
            )
        );
        assert!(html.contains("<tr><th scope=\"row\">January</th><td class=\"board-num\">10</td><td class=\"board-num\">1.2 working days</td></tr>"));
        assert_eq!(count(&html, "<details class=\"board-data\">"), 3);
    }

    #[test]
    fn text_from_the_server_cannot_inject_markup() {
        let mut board = served();
        let hostile = "<img src=x onerror=alert(1)> \"quoted\" & 'single'";
        board.categories[0].ranked[0].name = hostile.to_owned();
        board.categories[0].unranked[0].reasons[0].id = hostile.to_owned();
        board.criteria[0].name.id = hostile.to_owned();
        let view = BoardView::new(&board, None, Lang::Id);
        let html =
            panel(&view.tabs[0], &view.labels, &view.criteria) + &how_scored(&view.labels, &view.criteria);
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("\"quoted\""));
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; &#39;single&#39;")
        );
    }

    #[test]
    fn the_legend_lists_each_criterion_with_its_weight_and_meaning() {
        let view = BoardView::new(&served(), None, Lang::Id);
        let html = how_scored(&view.labels, &view.criteria);
        assert!(html.starts_with("<details class=\"board-how\"><summary>Bagaimana skor dihitung</summary>"));
        assert_eq!(count(&html, "<li>"), 5);
        assert!(html.contains("<li><strong>Laju tindak lanjut</strong>: 40 poin<br>Bagian pengaduan yang sudah ditindaklanjuti instansi; poin = bobot × nilai.</li>"), "{html}");
    }

    #[test]
    fn tabs_and_panels() {
        let board = served();
        let html = super::board(&BoardView::new(
            &board,
            Some(&aduan_core::CategoryId::new("uptd").unwrap()),
            Lang::Id,
        ));
        assert!(html.starts_with("<h2 class=\"board-title\">Pengelola Pengaduan Terbaik<span class=\"board-period\">2025</span></h2><details class=\"board-how\">"));
        assert!(html.contains("<div class=\"board-tabs\" role=\"tablist\" aria-label=\"Kategori\"><button type=\"button\" class=\"board-tab\" role=\"tab\" id=\"board-tab-0\" aria-controls=\"board-panel-0\" aria-selected=\"false\" tabindex=\"-1\">OPD Pemprov</button><button type=\"button\" class=\"board-tab\" role=\"tab\" id=\"board-tab-1\" aria-controls=\"board-panel-1\" aria-selected=\"true\" tabindex=\"0\">UPTD</button></div>"), "{html}");
        assert!(html.contains("<div class=\"board-panel\" id=\"board-panel-0\" role=\"tabpanel\" aria-labelledby=\"board-tab-0\" hidden><div class=\"board-scroll\""));
        assert!(html.contains("<div class=\"board-panel\" id=\"board-panel-1\" role=\"tabpanel\" aria-labelledby=\"board-tab-1\"><div class=\"board-scroll\""));
        // A lone category is shown without tabs.
        let mut one = board;
        one.categories.truncate(1);
        let html = super::board(&BoardView::new(&one, None, Lang::Id));
        assert!(!html.contains("role=\"tab"), "{html}");
        assert!(html.contains("<div class=\"board-panel\" id=\"board-panel-0\"><div class=\"board-scroll\""));
    }

    #[test]
    fn a_category_without_entrants_says_so() {
        let mut board = served();
        board.categories.clear();
        let html = super::board(&BoardView::new(&board, None, Lang::Id));
        assert!(
            html.ends_with(
                "</details><p class=\"board-empty\">Belum ada instansi peserta dalam kategori ini.</p>"
            ),
            "{html}"
        );
    }

    #[test]
    fn a_category_without_ranked_entrants_says_so() {
        let mut board = served();
        board.categories[0].ranked.clear();
        let view = BoardView::new(&board, None, Lang::En);
        let html = panel(&view.tabs[0], &view.labels, &view.criteria);
        assert!(html.starts_with("<p class=\"board-empty\">No agency is ranked yet.</p><h3"), "{html}");
        assert!(!html.contains("<table class=\"board-table\""));
    }
}
