//! The officers' console at `/console` in headless Chromium: signing in
//! with a wrong and a right token, the inbox, the koordinator verifying and
//! disposing (searching the agency list), the agency's penghubung
//! responding and following up, a conflict with someone acting first,
//! the dashboard's charts and the CSV exports.

use std::time::{Duration, Instant};

use aduan_tests::browser::Browser;
use aduan_tests::stack::{KOORDINATOR, PENGHUBUNG_DINKES, Stack, sample_complaint};
use anyhow::{Context, bail};
use serde_json::json;

async fn type_into(browser: &Browser, selector: &str, text: &str) -> anyhow::Result<()> {
    let field = browser.find(selector).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

async fn click(browser: &Browser, selector: &str) -> anyhow::Result<()> {
    browser.find(selector).await?.click().await?;
    Ok(())
}

async fn sign_in(browser: &Browser, token: &str) -> anyhow::Result<()> {
    type_into(browser, "#token", token).await?;
    click(browser, "form#masuk button[type=submit]").await?;
    browser.find("#petugas").await?;
    Ok(())
}

async fn sign_out(browser: &Browser) -> anyhow::Result<()> {
    click(browser, "#keluar").await?;
    browser.find("form#masuk").await?;
    let kept = browser.script("return sessionStorage.length;", vec![]).await?;
    assert_eq!(kept, json!(0), "signing out forgets the token");
    Ok(())
}

/// Opens the complaint from the inbox and waits for its article at `status`.
async fn open_complaint(browser: &Browser, ticket: &str, status: &str) -> anyhow::Result<()> {
    click(browser, &format!("tr[data-ticket=\"{ticket}\"] a[href=\"#/aduan/{ticket}\"]")).await?;
    browser.find(&format!("article#aduan[data-ticket=\"{ticket}\"][data-status=\"{status}\"]")).await?;
    browser.wait_for_focus("h1.heading-l").await
}

async fn version(browser: &Browser) -> anyhow::Result<u64> {
    let v = browser.find("article#aduan").await?.attr("data-version").await?.context("data-version")?;
    Ok(v.parse()?)
}

#[tokio::test]
async fn officers_sign_in_work_the_inbox_act_resolve_conflicts_and_read_the_dashboard() -> anyhow::Result<()>
{
    let Some(browser) = Browser::open(1280, 1000).await? else { return Ok(()) };
    let stack = Stack::start().await?;
    let submitted = stack.submit("console-browser-0001", &sample_complaint("publik")).await?;
    let ticket = submitted.body["ticket"].as_str().context("a ticket")?.to_owned();

    // The page and its policy.
    let url = format!("{}/console", stack.direct);
    browser.goto(&url).await?;
    browser.find("form#masuk").await?;
    let label = browser.find("label[for=token]").await?.text().await?;
    assert_eq!(label, "Token petugas");
    assert_eq!(browser.find("#token").await?.attr("type").await?.as_deref(), Some("password"));

    // A wrong token: the error summary takes focus, the field says why.
    type_into(&browser, "#token", "bukan-token-yang-benar").await?;
    click(&browser, "form#masuk button[type=submit]").await?;
    browser.wait_for_focus("div#ringkasan-galat.error-summary").await?;
    let summary = browser.wait_for_page_text("#ringkasan-galat", "Ada masalah").await?;
    assert!(summary.contains("Token petugas salah"), "{summary}");
    assert_eq!(browser.find("#ringkasan-galat").await?.attr("role").await?.as_deref(), Some("alert"));
    browser.wait_for_page_text("#token-galat", "Token petugas salah").await?;

    // The koordinator: the inbox lists the new complaint.
    sign_in(&browser, KOORDINATOR).await?;
    let name = browser.find("#petugas").await?.text().await?;
    assert!(!name.is_empty());
    browser.find("a[href=\"#/kotak-masuk\"]").await?;
    browser.find("a[href=\"#/dasbor\"]").await?;
    browser.find("form#filter select#filter-instansi").await?;
    let row = browser.find(&format!("table#daftar-aduan tr[data-ticket=\"{ticket}\"]")).await?.text().await?;
    for expected in ["Antrean obat di RSUD terlalu lama", "Diterima", "hari kerja lagi"] {
        assert!(row.contains(expected), "{expected:?} in {row}");
    }
    assert!(browser.find("table#daftar-aduan caption").await?.text().await?.contains("paling mendesak"));
    // Searching narrows the list.
    type_into(&browser, "#cari", "tidak ada yang cocok zzz").await?;
    click(&browser, "form#filter button[type=submit]").await?;
    browser.wait_for_page_text("table#daftar-aduan caption", "Tidak ada aduan").await?;
    type_into(&browser, "#cari", "antrean").await?;
    click(&browser, "form#filter button[type=submit]").await?;
    browser.find(&format!("tr[data-ticket=\"{ticket}\"]")).await?;
    // A complaint received a moment ago is not near its deadline.
    click(&browser, "#filter-berisiko").await?;
    click(&browser, "form#filter button[type=submit]").await?;
    browser.wait_for_page_text("table#daftar-aduan caption", "Tidak ada aduan").await?;
    click(&browser, "#filter-berisiko").await?;
    click(&browser, "form#filter button[type=submit]").await?;
    browser.find(&format!("tr[data-ticket=\"{ticket}\"]")).await?;

    // Verify, then dispose after searching the agency list.
    open_complaint(&browser, &ticket, "diterima").await?;
    let article = browser.find("article#aduan").await?.text().await?;
    for expected in ["Siti Aminah", "Banjarmasin", "WITA", "Verifikasi dan disposisi"] {
        assert!(article.contains(expected), "{expected:?} in {article}");
    }
    assert_eq!(browser.find_all("ol#linimasa li").await?.len(), 1);
    click(&browser, "form.tindakan[data-action=verified] button[type=submit]").await?;
    browser.find("article#aduan[data-status=terverifikasi]").await?;
    let done = browser.wait_for_page_text("#pesan", "berhasil diverifikasi").await?;
    assert!(done.contains(&ticket), "{done}");
    assert_eq!(browser.find("#pesan").await?.attr("role").await?.as_deref(), Some("status"));
    // Nothing chosen: caught before sending, in an error summary.
    click(&browser, "form.tindakan[data-action=disposed] button[type=submit]").await?;
    browser.wait_for_focus("div#pesan.error-summary").await?;
    browser.wait_for_page_text("#pesan", "Pilih instansi tujuan").await?;
    browser.wait_for_page_text("#disposed-agency-galat", "Pilih instansi tujuan").await?;
    type_into(&browser, "form.tindakan[data-action=disposed] input[name=cari-instansi]", "kesehatan").await?;
    let start = Instant::now();
    loop {
        let options =
            browser.find_all("form.tindakan[data-action=disposed] select[name=agency] option").await?;
        if options.len() == 2 {
            break;
        }
        if start.elapsed() > Duration::from_secs(10) {
            bail!("the search left {} options", options.len());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    browser
        .find("form.tindakan[data-action=disposed] select[name=agency]")
        .await?
        .select_by_value("dinkes")
        .await?;
    click(&browser, "form.tindakan[data-action=disposed] button[type=submit]").await?;
    browser.find("article#aduan[data-status=didisposisikan]").await?;
    browser.wait_for_page_text("#pesan", "berhasil didisposisikan").await?;
    assert_eq!(browser.find_all("ol#linimasa li").await?.len(), 3, "newest last");
    sign_out(&browser).await?;

    // The penghubung of Dinas Kesehatan responds.
    sign_in(&browser, PENGHUBUNG_DINKES).await?;
    browser.find(&format!("tr[data-ticket=\"{ticket}\"]")).await?;
    open_complaint(&browser, &ticket, "didisposisikan").await?;
    click(&browser, "form.tindakan[data-action=responded] button[type=submit]").await?;
    browser.wait_for_page_text("#pesan", "Masukkan tanggapan").await?;
    type_into(
        &browser,
        "form.tindakan[data-action=responded] textarea[name=message]",
        "Kami tinjau apotek besok pagi",
    )
    .await?;
    click(&browser, "form.tindakan[data-action=responded] button[type=submit]").await?;
    browser.find("article#aduan[data-status=ditanggapi]").await?;
    browser.wait_for_page_text("#pesan", "berhasil ditanggapi").await?;

    // Someone else follows up first (through the API, behind the console's
    // back): the console's follow-up meets a 409, says who acted first and
    // shows the reloaded complaint.
    let seen = version(&browser).await?;
    stack
        .act(
            &ticket,
            seen,
            PENGHUBUNG_DINKES,
            json!({"type": "followed_up", "message": "Loket apotek ditambah dua"}),
        )
        .await?;
    type_into(
        &browser,
        "form.tindakan[data-action=followed_up] textarea[name=message]",
        "Petugas apotek ditambah",
    )
    .await?;
    click(&browser, "form.tindakan[data-action=followed_up] button[type=submit]").await?;
    let conflict = browser.wait_for_page_text("#pesan", "Petugas lain sudah bertindak lebih dulu").await?;
    assert!(conflict.contains("Ditindaklanjuti instansi"), "{conflict}");
    assert!(conflict.contains("Someone else acted first"), "{conflict}");
    assert_eq!(browser.find("#pesan").await?.attr("role").await?.as_deref(), Some("alert"));
    browser.find("article#aduan[data-status=ditindaklanjuti]").await?;
    assert_eq!(version(&browser).await?, seen + 1, "the view was reloaded");
    let timeline = browser.find("ol#linimasa").await?.text().await?;
    assert!(timeline.contains("Loket apotek ditambah dua"), "{timeline}");

    // A further follow-up from the console goes through.
    type_into(
        &browser,
        "form.tindakan[data-action=followed_up] textarea[name=message]",
        "Petugas apotek ditambah",
    )
    .await?;
    click(&browser, "form.tindakan[data-action=followed_up] button[type=submit]").await?;
    browser.wait_for_page_text("#pesan", "berhasil ditindaklanjuti").await?;
    browser.wait_for_page_text("ol#linimasa", "Petugas apotek ditambah").await?;
    let stored = stack.get(&format!("/api/v1/complaints/{ticket}"), Some(KOORDINATOR)).await?;
    assert_eq!(stored.body["version"], json!(seen + 2), "{}", stored.body);
    sign_out(&browser).await?;

    // The dashboard: an agency's figures, both charts with their data
    // tables, the overdue list and the award preview.
    sign_in(&browser, KOORDINATOR).await?;
    click(&browser, "a[href=\"#/dasbor\"]").await?;
    browser.find("section#dasbor select#periode").await?;
    browser.wait_for_focus("h1#dasbor-judul.heading-l").await?;
    browser.find("select#dasbor-instansi").await?.select_by_value("dinkes").await?;
    browser.wait_for_page_text("section#dasbor .figures", "Aduan diterima").await?;
    browser.find("svg#tren[role=img] rect.bar").await?;
    browser.find("svg#tren circle.trend-dot").await?;
    // The stack's year (its clock is not the browser's).
    let year = stack.today().format("%Y").to_string();
    browser.find("section#dasbor select#periode").await?.select_by_value(&year).await?;
    browser.wait_for_page_text("section#dasbor .figures", "Aduan diterima").await?;
    let stats = stack.get(&format!("/api/v1/agencies/dinkes/stats?period={year}"), None).await?;
    let buckets = stats.body["response_histogram"].as_array().map_or(0, Vec::len);
    assert!(buckets > 0, "the histogram's buckets: {}", stats.body);
    assert_eq!(browser.find_all("svg#histogram rect.bar").await?.len(), buckets);
    let takeaway = browser.find("#histogram-ringkasan").await?.text().await?;
    assert!(takeaway.contains("ditanggapi dalam"), "{takeaway}");
    assert!(browser.find_all("section#dasbor table caption").await?.len() >= 2);
    browser.find("section#pratinjau-penghargaan").await?;

    // CSV: the statistics as a download through a Blob link.
    click(&browser, "#ekspor-statistik").await?;
    let link = browser.find("a#unduhan").await?;
    let name = link.attr("download").await?.unwrap_or_default();
    assert!(name.ends_with(".csv"), "{name}");
    assert!(link.attr("href").await?.unwrap_or_default().starts_with("blob:"));
    browser.wait_for_page_text("section#dasbor [role=status]", "sudah diunduh").await?;

    // And the inbox's view.
    click(&browser, "a[href=\"#/kotak-masuk\"]").await?;
    browser.find(&format!("tr[data-ticket=\"{ticket}\"]")).await?;
    click(&browser, "#ekspor-csv").await?;
    browser.wait_for_page_text("#pesan-ekspor", "sudah diunduh").await?;

    if let Some(dir) = std::env::var_os("ADUAN_SCREENSHOTS") {
        let dir = std::path::PathBuf::from(dir);
        browser.screenshot(&dir.join("console-inbox-1280.png")).await?;
        click(&browser, &format!("a[href=\"#/aduan/{ticket}\"]")).await?;
        browser.find("article#aduan").await?;
        browser.screenshot(&dir.join("console-detail-1280.png")).await?;
        click(&browser, "a[href=\"#/dasbor\"]").await?;
        browser.find("select#dasbor-instansi").await?.select_by_value("dinkes").await?;
        browser.find("svg#tren rect.bar").await?;
        browser.screenshot(&dir.join("console-dashboard-1280.png")).await?;
        browser.script("document.getElementById('histogram-judul').scrollIntoView();", vec![]).await?;
        browser.screenshot(&dir.join("console-charts-1280.png")).await?;
        browser.client.set_window_size(768, 1000).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        browser.script("document.getElementById('tren-judul').scrollIntoView();", vec![]).await?;
        browser.screenshot(&dir.join("console-dashboard-768.png")).await?;
    }
    browser.close().await
}

#[tokio::test]
async fn the_console_page_has_its_own_strict_policy() -> anyhow::Result<()> {
    let stack = Stack::start().await?;
    let url = format!("{}/console", stack.direct);
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<http_body_util::Full<bytes::Bytes>>();
    let response = client.get(url.parse()?).await?;
    let headers = response.headers().clone();
    let policy = headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval'"), "{policy}");
    assert!(policy.contains("style-src 'self'"), "{policy}");
    assert_eq!(headers.get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    if aduan_server::widgets::embedded() {
        assert_eq!(response.status(), 200);
    }
    Ok(())
}

/// Fills the console's form for `action` (`fields`: name → text for text
/// boxes, `select:name` → value for lists), submits it, and waits for
/// the complaint to reach `status`.
async fn act(browser: &Browser, action: &str, fields: &[(&str, &str)], status: &str) -> anyhow::Result<()> {
    let form = format!("form.tindakan[data-action=\"{action}\"]");
    for (name, value) in fields {
        match name.strip_prefix("select:") {
            Some(select) => {
                browser
                    .find(&format!("{form} select[name=\"{select}\"]"))
                    .await?
                    .select_by_value(value)
                    .await?;
            }
            None => type_into(browser, &format!("{form} [name=\"{name}\"]"), value).await?,
        }
    }
    click(browser, &format!("{form} button[type=submit]")).await?;
    browser.find(&format!("article#aduan[data-status=\"{status}\"]")).await?;
    browser.wait_for_page_text("#pesan", "berhasil").await?;
    Ok(())
}

#[tokio::test]
async fn officers_hold_resume_tighten_privacy_reroute_and_archive_from_the_console() -> anyhow::Result<()> {
    let Some(browser) = Browser::open(1280, 1000).await? else { return Ok(()) };
    let stack = Stack::start().await?;
    let submitted = stack.submit("console-browser-0002", &sample_complaint("publik")).await?;
    let ticket = submitted.body["ticket"].as_str().context("a ticket")?.to_owned();
    browser.goto(&format!("{}/console#/aduan/{ticket}", stack.direct)).await?;

    // The koordinator holds it for missing information, resumes it, and
    // verifies it with the privacy tightened to confidential.
    sign_in(&browser, KOORDINATOR).await?;
    browser.find(&format!("article#aduan[data-ticket=\"{ticket}\"][data-status=\"diterima\"]")).await?;
    // A hold without a reason is caught before anything is sent.
    click(&browser, "form.tindakan[data-action=held] button[type=submit]").await?;
    browser.wait_for_focus("div#pesan.error-summary").await?;
    browser.wait_for_page_text("#pesan", "Ada masalah").await?;
    assert_eq!(version(&browser).await?, 1);
    act(&browser, "held", &[("reason", "Mohon lengkapi nama apotek dan jam kejadian")], "ditunda").await?;
    act(&browser, "resumed", &[], "diterima").await?;
    act(&browser, "verified", &[("select:privacy", "rahasia")], "terverifikasi").await?;
    act(&browser, "disposed", &[("select:agency", "dinkes")], "didisposisikan").await?;
    let stored = stack.get(&format!("/api/v1/complaints/{ticket}"), Some(KOORDINATOR)).await?;
    assert_eq!(stored.body["privacy"], "rahasia", "{}", stored.body);
    sign_out(&browser).await?;

    // Dinas Kesehatan returns it as not its remit, suggesting the regency.
    sign_in(&browser, PENGHUBUNG_DINKES).await?;
    browser.goto(&format!("{}/console#/aduan/{ticket}", stack.direct)).await?;
    browser.find(&format!("article#aduan[data-ticket=\"{ticket}\"][data-status=\"didisposisikan\"]")).await?;
    assert!(
        browser.find_all("form.tindakan[data-action=archived]").await?.is_empty(),
        "archiving is the koordinator's"
    );
    act(
        &browser,
        "rerouted",
        &[("reason", "Apotek yang dimaksud milik puskesmas kabupaten"), ("select:agency", "kab-banjar")],
        "terverifikasi",
    )
    .await?;
    sign_out(&browser).await?;

    // The koordinator archives it as a duplicate, naming the original.
    sign_in(&browser, KOORDINATOR).await?;
    browser.goto(&format!("{}/console#/aduan/{ticket}", stack.direct)).await?;
    browser.find(&format!("article#aduan[data-ticket=\"{ticket}\"][data-status=\"terverifikasi\"]")).await?;
    act(
        &browser,
        "archived",
        &[("select:reason", "duplikat"), ("note", "Sama dengan aduan K7M-4QX-9RJ")],
        "diarsipkan",
    )
    .await?;
    assert!(browser.find_all("form.tindakan").await?.is_empty(), "nothing left to do");
    let timeline = browser.find("ol#linimasa").await?.text().await?;
    assert!(timeline.contains("Apotek yang dimaksud milik puskesmas kabupaten"), "{timeline}");

    let stored = stack.get(&format!("/api/v1/complaints/{ticket}"), Some(KOORDINATOR)).await?;
    let actions: Vec<&str> = stored.body["timeline"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        ["received", "held", "resumed", "verified", "disposed", "rerouted", "archived"],
        "{}",
        stored.body
    );
    let rerouted = &stored.body["timeline"][5];
    assert_eq!(rerouted["to_agency"], "kab-banjar", "{rerouted}");
    browser.close().await
}
