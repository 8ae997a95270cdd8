//! The whole product on the demo, as issue 5 asks: a citizen files a
//! complaint on the regency portal → the koordinator verifies it and
//! disposes it to the regency in the officer console → the regency's
//! officer responds and follows up → the citizen follows the timeline in
//! the tracker, confirms and rates → the badge and the leaderboard count it.
//! The demo's yearly figures are read through the public statistics API;
//! along the way the README's screenshots are taken (`docs/screenshots/`).
//!
//! The demo server runs on a clock starting Monday 2 March 2026, 09:00
//! WITA (after the seeded history, which ends in January 2026), so the new
//! complaint is the only one of March 2026.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use aduan_tests::browser::Browser;
use aduan_tests::demo::Demo;
use anyhow::{Context, bail};
use chrono::{TimeZone, Utc};
use serde_json::{Value, json};

const FORM: &str = "aduan-form";
const TRACKER: &str = "aduan-tracker";
const BADGE: &str = "aduan-badge";
const MONTH: &str = "2026-03";

fn screenshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/screenshots").join(name)
}

/// Saves a PNG of the first element matching `selector` (a widget, say),
/// as the README shows it.
async fn element_screenshot(browser: &Browser, selector: &str, name: &str) -> anyhow::Result<()> {
    let png = browser.find(selector).await?.screenshot().await?;
    let path = screenshot_path(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&path, png).with_context(|| format!("cannot write {}", path.display()))
}

/// Waits up to 15 s until the page's text contains `text`.
async fn wait_for_page_text(browser: &Browser, text: &str) -> anyhow::Result<()> {
    let started = Instant::now();
    loop {
        let shown = browser.script("return document.body.innerText;", vec![]).await?;
        if shown.as_str().unwrap_or_default().contains(text) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(15) {
            bail!("the page did not show {text:?} within 15 s; it shows:\n{shown}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the console's complaint shows `status` (its `data-status`).
async fn wait_for_status(browser: &Browser, status: &str) -> anyhow::Result<()> {
    browser.find(&format!("article#aduan[data-status=\"{status}\"]")).await.map(drop)
}

async fn type_in(browser: &Browser, selector: &str, text: &str) -> anyhow::Result<()> {
    let field = browser.find(selector).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

async fn click(browser: &Browser, selector: &str) -> anyhow::Result<()> {
    browser.find(selector).await?.click().await?;
    Ok(())
}

async fn shadow_type(browser: &Browser, host: &str, selector: &str, text: &str) -> anyhow::Result<()> {
    let field = browser.shadow_find(host, selector).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

async fn shadow_click(browser: &Browser, host: &str, selector: &str) -> anyhow::Result<()> {
    browser.shadow_find(host, selector).await?.click().await?;
    Ok(())
}

/// Signs in to the console with `token` and waits for the inbox.
async fn sign_in(browser: &Browser, api: &str, token: &str) -> anyhow::Result<()> {
    browser.goto(&format!("{api}/console")).await?;
    type_in(browser, "form#masuk input#token", token).await?;
    click(browser, "form#masuk button[type=submit]").await?;
    browser.find("#petugas").await?;
    browser.find("table#daftar-aduan").await.map(drop)
}

/// Finds `ticket` through the inbox's search and opens it.
async fn open_from_inbox(browser: &Browser, ticket: &str) -> anyhow::Result<()> {
    click(browser, "a[href=\"#/kotak-masuk\"]").await?;
    type_in(browser, "form#filter input#cari", ticket).await?;
    type_in(browser, "form#filter input#cari", &format!("{ticket}\u{E007}")).await?;
    click(browser, &format!("tr[data-ticket=\"{ticket}\"] a[href=\"#/aduan/{ticket}\"]")).await?;
    browser.find(&format!("article#aduan[data-ticket=\"{ticket}\"]")).await.map(drop)
}

/// Submits the console's form for `action`, filling `fields` (name → text)
/// first, and waits for the complaint to reach `status`.
async fn act(browser: &Browser, action: &str, fields: &[(&str, &str)], status: &str) -> anyhow::Result<()> {
    let form = format!("form.tindakan[data-action=\"{action}\"]");
    for (name, text) in fields {
        type_in(browser, &format!("{form} [name=\"{name}\"]"), text).await?;
    }
    click(browser, &format!("{form} button[type=submit]")).await?;
    wait_for_status(browser, status).await
}

/// The demo's yearly figures through the public statistics API: about 800
/// complaints answered in about 2.0 days in 2024, about 700 in about 1.1
/// days in 2025 (each within 5 %), with a point per month.
async fn check_yearly_figures(demo: &Demo) -> anyhow::Result<()> {
    for (year, complaints, mean_days) in [(2024, 800.0, 2.0), (2025, 700.0, 1.1)] {
        let stats = demo.json(&format!("/api/v1/stats?period={year}"), None).await?;
        let total = stats["total"].as_f64().context("total")?;
        let mean = stats["response_days"]["mean"].as_f64().context("response_days.mean")?;
        assert!(
            (total / complaints - 1.0).abs() <= 0.05,
            "{year}: {total} complaints, not about {complaints}"
        );
        assert!((mean / mean_days - 1.0).abs() <= 0.05, "{year}: mean {mean} days, not about {mean_days}");
        assert_eq!(stats["monthly"].as_array().map_or(0, Vec::len), 12, "{year}: one point per month");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_complaint_goes_from_the_regency_portal_through_the_console_to_the_tracker_and_the_award()
-> anyhow::Result<()> {
    let Some(browser) = Browser::open(1280, 1000).await? else { return Ok(()) };
    let start = Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).single().context("a start instant")?;
    let demo = Demo::start(start).await?;
    let (api, pages) = (demo.api().to_owned(), demo.pages().to_owned());

    // Before: nothing in March 2026 for the regency.
    let badge_before = demo.json(&format!("/api/v1/agencies/kab-banjar/badge?period={MONTH}"), None).await?;
    assert!(badge_before["median_working_days"].is_null(), "{badge_before}");

    // The provincial portal, as a newcomer first sees it.
    browser.goto(&format!("{pages}/dinkes/")).await?;
    browser.shadow_find(FORM, "#form-title").await?;
    browser.wait_for_text(BADGE, "hari kerja").await?;
    browser.screenshot(&screenshot_path("portal-provinsi.png")).await?;

    // 1. A citizen files a complaint on the regency portal (hostile CSS).
    browser.goto(&format!("{pages}/banjar/")).await?;
    browser.shadow_find(FORM, "#form-title").await?;
    browser.wait_for_text(FORM, "Kepada: Kabupaten Banjar").await?;
    shadow_click(&browser, FORM, "#form-kind-pengaduan").await?;
    shadow_type(&browser, FORM, "#form-title", "Jalan berlubang di depan SDN Martapura 3").await?;
    shadow_type(
        &browser,
        FORM,
        "#form-description",
        "Lubang selebar satu meter di Jl. Ahmad Yani km 39 depan SDN Martapura 3 sudah dua minggu; \
         dua pengendara motor jatuh saat hujan.",
    )
    .await?;
    shadow_type(&browser, FORM, "#form-day", "27").await?;
    shadow_type(&browser, FORM, "#form-month", "2").await?;
    shadow_type(&browser, FORM, "#form-year", "2026").await?;
    shadow_type(&browser, FORM, "#form-location", "Jl. Ahmad Yani km 39, Martapura").await?;
    shadow_click(&browser, FORM, "#form-privacy-publik").await?;
    shadow_type(&browser, FORM, "#form-name", "Muhammad Rizki").await?;
    shadow_type(&browser, FORM, "#form-email", "rizki@example.id").await?;
    element_screenshot(&browser, FORM, "formulir.png").await?;
    shadow_click(&browser, FORM, "button[type=submit]").await?;
    browser.wait_for_text(FORM, "Periksa jawaban Anda").await?;
    shadow_click(&browser, FORM, "[data-act=send]").await?;
    browser.wait_for_text(FORM, "Pengaduan terkirim").await?;
    let ticket = browser.shadow_find(FORM, ".form-panel .form-code").await?.text().await?;
    let secret = browser.shadow_find(FORM, ".form-code--secret").await?.text().await?;
    element_screenshot(&browser, FORM, "formulir-terkirim.png").await?;
    let track =
        browser.shadow_find(FORM, "a[href*='#tiket=']").await?.attr("href").await?.unwrap_or_default();
    assert_eq!(track, format!("{pages}/banjar/lacak#tiket={ticket}"));

    // 2. The koordinator verifies it and disposes it to the regency,
    // choosing it from the searchable list.
    sign_in(&browser, &api, "demo-koordinator").await?;
    browser.screenshot(&screenshot_path("konsol-kotak-masuk.png")).await?;
    open_from_inbox(&browser, &ticket).await?;
    wait_for_status(&browser, "diterima").await?;
    let shown = browser.script("return document.querySelector('article#aduan').innerText;", vec![]).await?;
    let shown = shown.as_str().unwrap_or_default();
    for expected in ["Jalan berlubang di depan SDN Martapura 3", "Muhammad Rizki", "rizki@example.id", "WITA"]
    {
        assert!(shown.contains(expected), "{expected:?} in the koordinator's view:\n{shown}");
    }
    act(&browser, "verified", &[], "terverifikasi").await?;
    let dispose = "form.tindakan[data-action=\"disposed\"]";
    type_in(&browser, &format!("{dispose} input[name=\"cari-instansi\"]"), "Banjar").await?;
    browser.find(&format!("{dispose} select[name=\"agency\"]")).await?.select_by_value("kab-banjar").await?;
    click(&browser, &format!("{dispose} button[type=submit]")).await?;
    wait_for_status(&browser, "didisposisikan").await?;
    let message = browser.find("#pesan").await?.text().await?;
    assert!(!message.is_empty(), "the console says what was done");
    browser.screenshot(&screenshot_path("konsol-aduan.png")).await?;
    // The province's dashboard for 2025, the seeded year.
    click(&browser, "a[href=\"#/dasbor\"]").await?;
    browser.find("section#dasbor select#periode").await?.select_by_value("2025").await?;
    wait_for_page_text(&browser, "Sebaran waktu tanggapan").await?;
    let province = demo.json("/api/v1/stats?period=2025", None).await?;
    let total = province["total"].as_u64().context("the province's total")?;
    assert!(total < 1000, "shown without a thousands separator: {total}");
    wait_for_page_text(&browser, &format!("{total}\nAduan diterima")).await?;
    browser.client.set_window_size(1280, 2600).await?;
    browser.screenshot(&screenshot_path("konsol-dasbor.png")).await?;
    browser.client.set_window_size(1280, 1000).await?;
    click(&browser, "#keluar").await?;
    browser.find("form#masuk").await?;

    // 3. The regency's officer responds and follows up.
    sign_in(&browser, &api, "demo-kab-banjar").await?;
    open_from_inbox(&browser, &ticket).await?;
    act(
        &browser,
        "responded",
        &[("message", "Laporan diterima; tim Dinas PUPR Kabupaten Banjar meninjau lokasi besok.")],
        "ditanggapi",
    )
    .await?;
    act(
        &browser,
        "followed_up",
        &[("message", "Lubang sudah ditambal pada 3 Maret 2026; rambu peringatan dipasang.")],
        "ditindaklanjuti",
    )
    .await?;
    click(&browser, "a[href=\"#/dasbor\"]").await?;
    browser.find("section#dasbor").await?;
    wait_for_page_text(&browser, "Kabupaten Banjar").await?;
    click(&browser, "#keluar").await?;
    browser.find("form#masuk").await?;

    // 4. The citizen follows it in the tracker (the link from the form),
    // sees the timeline, confirms and rates.
    browser.goto(&track).await?;
    browser.shadow_find(TRACKER, ".tracker-result").await?;
    shadow_type(&browser, TRACKER, "#tracker-secret", &secret).await?;
    shadow_click(&browser, TRACKER, ".tracker-form button").await?;
    browser.shadow_find(TRACKER, "form[data-action=confirmed]").await?;
    let result = browser.shadow_find(TRACKER, ".tracker-result").await?.text().await?;
    for expected in ["Ditindaklanjuti", "Kabupaten Banjar", "Lubang sudah ditambal", "WITA"] {
        assert!(result.contains(expected), "{expected:?} in the tracker:\n{result}");
    }
    let steps = browser.shadow_find_all(TRACKER, ".tracker-timeline li").await?;
    assert_eq!(steps.len(), 5, "received, verified, disposed, responded, followed up");
    element_screenshot(&browser, TRACKER, "pelacak.png").await?;
    shadow_click(&browser, TRACKER, "form[data-action=confirmed] button").await?;
    browser.wait_for_text(TRACKER, "Anda menyatakan pengaduan ini selesai").await?;
    shadow_click(&browser, TRACKER, "#tracker-rating-5").await?;
    shadow_click(&browser, TRACKER, "form[data-action=rated] button").await?;
    browser.wait_for_text(TRACKER, "Penilaian Anda tersimpan").await?;
    let status = browser.shadow_find(TRACKER, ".tracker-status").await?.text().await?;
    assert_eq!(status, "Selesai");

    // The stored history, as the koordinator sees it.
    let view = demo.json(&format!("/api/v1/complaints/{ticket}"), Some("demo-koordinator")).await?;
    let actions: Vec<&str> =
        view["timeline"].as_array().into_iter().flatten().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(
        actions,
        ["received", "verified", "disposed", "responded", "followed_up", "confirmed", "rated"],
        "{view}"
    );
    assert_eq!(view["agency"], "kab-banjar");

    // 5. The badge and the leaderboard of March 2026 count it: the page
    // adds them as a CMS block would.
    let badge = demo.json(&format!("/api/v1/agencies/kab-banjar/badge?period={MONTH}"), None).await?;
    assert_eq!(badge["within_standard"]["total"], 1, "{badge}");
    assert_eq!(badge["within_standard"]["count"], 1, "answered within the standard: {badge}");
    let median = badge["value"]["id"].as_str().context("the badge's value")?.to_owned();
    browser.goto(&format!("{pages}/banjar/")).await?;
    browser
        .script(
            "const main = document.querySelector('main') || document.body;
             const section = document.createElement('section');
             section.innerHTML = '<aduan-badge id=\"maret\" agency=\"kab-banjar\" period=\"' + arguments[0] + '\"></aduan-badge>'
               + '<aduan-leaderboard id=\"papan-maret\" award=\"pengelola-pengaduan\" category=\"kabupaten-kota\" period=\"' + arguments[0] + '\"></aduan-leaderboard>';
             main.prepend(section);",
            vec![json!(MONTH)],
        )
        .await?;
    browser.wait_for_text("aduan-badge#maret", &median).await?;
    let board = demo
        .json(
            &format!("/api/v1/awards/pengelola-pengaduan/leaderboard?period={MONTH}&category=kabupaten-kota"),
            None,
        )
        .await?;
    let banjar = entrant(&board, "kab-banjar").context("kab-banjar on the leaderboard")?;
    let march = banjar["monthly"].as_array().and_then(|m| m.first()).cloned().unwrap_or(Value::Null);
    assert_eq!(march["received"], 1, "{banjar}");
    browser.wait_for_text("aduan-leaderboard#papan-maret", "Kabupaten Banjar").await?;
    element_screenshot(&browser, "aduan-badge#maret", "lencana.png").await?;
    browser.script("window.scrollTo(0, 0);", vec![]).await?;
    browser.screenshot(&screenshot_path("portal-kabupaten.png")).await?;
    // The yearly leaderboard the regency page carries.
    browser.wait_for_text("aduan-leaderboard:not([id])", "Bagaimana skor dihitung").await?;
    element_screenshot(&browser, "aduan-leaderboard:not([id])", "papan-peringkat.png").await?;

    // The March complaint changes nothing in 2024 and 2025.
    check_yearly_figures(&demo).await?;
    browser.close().await?;
    demo.stop().await;
    Ok(())
}

/// The entrant `agency` of a leaderboard answer, ranked or not.
fn entrant<'b>(board: &'b Value, agency: &str) -> Option<&'b Value> {
    board["categories"].as_array()?.iter().find_map(|category| {
        ["ranked", "unranked"]
            .iter()
            .find_map(|list| category[*list].as_array()?.iter().find(|e| e["agency"] == agency))
    })
}
