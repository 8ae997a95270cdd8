//! `<aduan-leaderboard>` in headless Chromium on a 360 px phone, on a host
//! page with hostile CSS: tabs by keyboard, the ranked table with its bars
//! and charts, and no sideways scrolling but the table's own.

use aduan_tests::browser::Browser;
use aduan_tests::stack::Stack;

/// The WebDriver codes of the keys the tabs answer to.
const RIGHT: &str = "\u{E014}";
const LEFT: &str = "\u{E012}";
const HOME: &str = "\u{E011}";
const END: &str = "\u{E010}";

/// The phone's width. Headless Chromium keeps its window at least 500 px
/// wide, so the phone is an iframe this wide: its page has a 360 px
/// viewport of its own, with media queries and `vw` to match.
const PHONE: u32 = 360;

#[tokio::test]
async fn leaderboard_on_a_phone_switches_tabs_by_keyboard() -> anyhow::Result<()> {
    let Some(browser) = Browser::open(800, 1000).await? else { return Ok(()) };
    let stack = Stack::start().await?;
    // Five answered complaints: Dinas Kesehatan passes the award's floor
    // and is ranked in the OPD category; everyone else is listed unranked.
    for i in 0..5 {
        stack.answered_complaint(&format!("leaderboard-browser-{i:04}")).await?;
    }
    let year = stack.today().format("%Y").to_string();
    let phone = stack.page(
        "leaderboard-phone",
        &format!(r#"<aduan-leaderboard award="pengelola-pengaduan" period="{year}"></aduan-leaderboard>"#),
    );
    let url = stack.page(
        "leaderboard",
        &format!(r#"<iframe src="{phone}" width="{PHONE}" height="900" style="width:{PHONE}px;height:900px"></iframe>"#),
    );
    browser.goto(&url).await?;
    browser.client.enter_frame(0).await?;
    let host = "aduan-leaderboard";
    browser.shadow_find(host, "[role=tablist]").await?;

    // One tab per category of the example configuration, the first selected.
    let tabs = tab_state(&browser).await?;
    assert_eq!(
        tabs,
        [
            ("Kabupaten/Kota".to_owned(), true, false),
            ("OPD Pemprov".into(), false, true),
            ("UPTD".into(), false, true)
        ],
        "(label, selected, its panel hidden)"
    );

    // The arrow keys move selection and focus together; Home and End jump.
    let first = browser.shadow_find(host, "#board-tab-0").await?;
    first.send_keys(RIGHT).await?;
    assert_eq!(browser.focused().await?, "button#board-tab-1.board-tab");
    assert_eq!(selected(&browser).await?, 1);
    let opd = browser.shadow_find(host, "#board-panel-1 table.board-table").await?;
    let caption = opd.find(fantoccini::Locator::Css("caption")).await?.text().await?;
    assert_eq!(caption, format!("Pengelola Pengaduan Terbaik, kategori OPD Pemprov, {year}"));
    let rows =
        browser.shadow_find_all(host, "#board-panel-1 .board-table > tbody > tr > th.board-name").await?;
    assert_eq!(rows.len(), 1);
    assert!(rows[0].text().await?.starts_with("Dinas Kesehatan"), "the ranked row");
    let winner = browser.shadow_find(host, "#board-panel-1 tbody .board-winner").await?;
    assert_eq!(winner.text().await?, "Pemenang");
    let bars = browser.shadow_find_all(host, "#board-panel-1 tbody .board-bar[role=img]").await?;
    assert_eq!(bars.len(), 5, "a bar per criterion");
    let label = bars[1].attr("aria-label").await?.unwrap_or_default();
    assert!(label.starts_with("Laju tindak lanjut: ") && label.ends_with(" dari 40 poin"), "{label}");
    let chart = browser.shadow_find(host, "#board-panel-1 tbody svg.board-spark").await?;
    let takeaway = chart.attr("aria-label").await?.unwrap_or_default();
    assert!(takeaway.starts_with("Dinas Kesehatan: median waktu tanggapan"), "{takeaway}");
    assert_eq!(chart.attr("role").await?.as_deref(), Some("img"));

    let focused = browser.shadow_find(host, "#board-tab-1").await?;
    focused.send_keys(END).await?;
    assert_eq!(
        (browser.focused().await?.as_str(), selected(&browser).await?),
        ("button#board-tab-2.board-tab", 2)
    );
    browser.shadow_find(host, "#board-tab-2").await?.send_keys(RIGHT).await?;
    assert_eq!(selected(&browser).await?, 0, "right from the last wraps to the first");
    browser.shadow_find(host, "#board-tab-0").await?.send_keys(LEFT).await?;
    assert_eq!(selected(&browser).await?, 2, "left from the first wraps to the last");
    browser.shadow_find(host, "#board-tab-2").await?.send_keys(HOME).await?;
    assert_eq!(
        (browser.focused().await?.as_str(), selected(&browser).await?),
        ("button#board-tab-0.board-tab", 0)
    );
    // Only the selected tab is in the page's tab order.
    let order = browser
        .script(
            "return Array.from(document.querySelector('aduan-leaderboard').shadowRoot.querySelectorAll('[role=tab]')).map(t => t.tabIndex);",
            vec![],
        )
        .await?;
    assert_eq!(order, serde_json::json!([0, -1, -1]));

    // The page's CSS (display: none on buttons, pink, letter-spacing,
    // uppercase) does not reach the tabs, and the focus ring shows.
    let style = browser
        .script(
            "const t = document.querySelector('aduan-leaderboard').shadowRoot.querySelector('#board-tab-0');
             const s = getComputedStyle(t);
             return [s.display, s.letterSpacing, s.textTransform, s.color, s.outlineStyle, s.outlineWidth];",
            vec![],
        )
        .await?;
    assert_eq!(style, serde_json::json!(["block", "normal", "none", "rgb(11, 12, 12)", "solid", "3px"]));

    // At 360 px only the table's own labelled, focusable box scrolls sideways.
    let width = browser.script("return document.documentElement.clientWidth;", vec![]).await?;
    assert!(width.as_u64().is_some_and(|w| w <= u64::from(PHONE)), "the page is {width} px wide");
    browser.shadow_find(host, "#board-tab-0").await?.send_keys(RIGHT).await?;
    // The hostile page's own heading (letter-spacing .3em) already runs
    // past 360 px, so what counts is that the widget adds nothing to it.
    let widths = browser
        .script(
            "const h = document.querySelector('aduan-leaderboard'), d = document.documentElement;
             const with_it = d.scrollWidth, right = h.getBoundingClientRect().right;
             h.style.display = 'none';
             const without = d.scrollWidth;
             h.style.display = '';
             return [with_it, without, right <= d.clientWidth];",
            vec![],
        )
        .await?;
    assert_eq!(widths[0], widths[1], "the widget widens the page: {widths}");
    assert_eq!(widths[2], true, "the widget runs past the viewport: {widths}");
    let region = browser
        .script(
            "const r = document.querySelector('aduan-leaderboard').shadowRoot.querySelector('#board-panel-1 .board-scroll');
             return [r.getAttribute('role'), r.tabIndex, r.getAttribute('aria-label'), r.scrollWidth > r.clientWidth];",
            vec![],
        )
        .await?;
    assert_eq!(region[0], "region");
    assert_eq!(region[1], 0);
    assert!(region[2].as_str().unwrap_or_default().ends_with("(dapat digeser ke samping)"), "{region}");
    assert_eq!(region[3], true, "the table is wider than a phone and scrolls in its box");
    browser.close().await
}

/// Each tab's (label, selected, its panel hidden).
async fn tab_state(browser: &Browser) -> anyhow::Result<Vec<(String, bool, bool)>> {
    let value = browser
        .script(
            "const r = document.querySelector('aduan-leaderboard').shadowRoot;
             return Array.from(r.querySelectorAll('[role=tab]')).map(t =>
               [t.textContent, t.getAttribute('aria-selected') === 'true', r.getElementById(t.getAttribute('aria-controls')).hidden]);",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(value)?)
}

/// The index of the selected tab, checking that exactly its panel shows.
async fn selected(browser: &Browser) -> anyhow::Result<usize> {
    let tabs = tab_state(browser).await?;
    let chosen: Vec<usize> = tabs.iter().enumerate().filter(|(_, t)| t.1).map(|(i, _)| i).collect();
    anyhow::ensure!(chosen.len() == 1, "one selected tab: {tabs:?}");
    anyhow::ensure!(tabs.iter().all(|t| t.1 != t.2), "only the selected panel shows: {tabs:?}");
    Ok(chosen[0])
}
