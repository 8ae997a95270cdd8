//! `<aduan-form>` in headless Chromium, on a host page with hostile CSS:
//! validation in Indonesian with the error summary taking focus, a
//! submission whose first answer is lost on the way back (one complaint
//! stored, the retry gets its ticket), and the draft surviving a reload.

use aduan_tests::browser::Browser;
use aduan_tests::stack::Stack;
use chrono::Datelike;

const FORM: &str = "aduan-form";

/// The form's markup on the hostile page.
const ELEMENT: &str =
    r#"<aduan-form agency="dinkes" track="https://dinkes.example.go.id/lacak"></aduan-form>"#;

async fn type_into(browser: &Browser, selector: &str, text: &str) -> anyhow::Result<()> {
    browser.shadow_find(FORM, selector).await?.send_keys(text).await?;
    Ok(())
}

async fn click(browser: &Browser, selector: &str) -> anyhow::Result<()> {
    browser.shadow_find(FORM, selector).await?.click().await?;
    Ok(())
}

#[tokio::test]
async fn form_validates_in_indonesian_and_stores_one_complaint_when_an_answer_is_lost() -> anyhow::Result<()>
{
    let Some(browser) = Browser::open(360, 900).await? else { return Ok(()) };
    let stack = Stack::start().await?;
    let url = stack.page("form", ELEMENT);
    browser.goto(&url).await?;
    browser.shadow_find(FORM, ".form-questions").await?;
    browser.wait_for_text(FORM, "Kepada: Dinas Kesehatan").await?;

    // The page's CSS does not reach in: the button is shown, in our font.
    let style = browser
        .script(
            "const b = document.querySelector('aduan-form').shadowRoot.querySelector('button[type=submit]');
             const s = getComputedStyle(b);
             return [s.display, s.fontFamily, s.letterSpacing, b.getBoundingClientRect().height];",
            vec![],
        )
        .await?;
    assert_ne!(style[0], "none", "{style}");
    assert!(!style[1].as_str().unwrap_or_default().contains("Comic"), "{style}");
    assert_eq!(style[2], "normal", "{style}");
    assert!(style[3].as_f64().unwrap_or_default() >= 44.0, "a 44 px target: {style}");
    assert!(!browser.scrolls_sideways().await?, "nothing scrolls sideways at 360 px");

    // Continue with nothing filled in: the summary takes focus and lists
    // each problem in Indonesian, the same words beside each question.
    click(&browser, "button[type=submit]").await?;
    browser.wait_for_text(FORM, "Ada masalah").await?;
    assert_eq!(browser.focused().await?, "div#form-summary.form-summary");
    let links = browser.shadow_find_all(FORM, ".form-summary a").await?;
    let mut messages = Vec::new();
    for link in &links {
        messages.push(link.text().await?);
    }
    assert_eq!(messages[0], "Pilih jenis laporan", "{messages:?}");
    assert!(messages.contains(&"Masukkan judul pengaduan".to_owned()), "{messages:?}");
    assert!(messages.contains(&"Masukkan tanggal kejadian".to_owned()), "{messages:?}");
    // What a screen reader reads, with the visually hidden prefix.
    let inline = browser.shadow_find(FORM, "#form-title-error").await?.prop("textContent").await?;
    assert_eq!(inline.as_deref(), Some("Galat: Masukkan judul pengaduan"));
    // A summary link moves focus to its field; for a choice, the first radio.
    links[0].click().await?;
    assert_eq!(browser.focused().await?, "input#form-kind-pengaduan.form-radio-input");

    // Fill the form in as a person would, the day before the server's today.
    let yesterday = stack.today() - chrono::Duration::days(1);
    click(&browser, "#form-kind-pengaduan").await?;
    type_into(&browser, "#form-title", "Antrean obat di RSUD terlalu lama").await?;
    type_into(
        &browser,
        "#form-description",
        "Antrean di apotek rawat jalan lebih dari tiga jam setiap pagi sejak awal bulan.",
    )
    .await?;
    type_into(&browser, "#form-day", &yesterday.day().to_string()).await?;
    type_into(&browser, "#form-month", &yesterday.month().to_string()).await?;
    type_into(&browser, "#form-year", &yesterday.year().to_string()).await?;
    // A map point as pasted from a map app, with decimal commas: the
    // server accepts the body's coordinates (no view shows them).
    type_into(&browser, "#form-coordinates", " -3,3194; 114,5908 ").await?;
    click(&browser, "#form-privacy-publik").await?;
    type_into(&browser, "#form-name", "Siti Aminah").await?;
    type_into(&browser, "#form-email", "siti@example.id").await?;
    let count = browser.shadow_find(FORM, "#form-description-count").await?.text().await?;
    assert_eq!(count, "Anda dapat memasukkan 3.921 karakter lagi");
    click(&browser, "button[type=submit]").await?;
    browser.wait_for_text(FORM, "Periksa jawaban Anda").await?;
    assert_eq!(browser.focused().await?, "h2#form-check.form-heading");
    browser.wait_for_text(FORM, "Tidak diisi").await?;
    browser.wait_for_text(FORM, "-3,3194; 114,5908").await?;

    // The server stores the complaint but its answer is lost; the form
    // retries with the same key and gets the same ticket back. The second
    // click on the button is ignored.
    stack.proxy.lose_responses("POST /api/v1/complaints ", 1).await;
    let send = browser.shadow_find(FORM, "[data-act=send]").await?;
    send.click().await?;
    let _ = send.click().await;
    browser.wait_for_text(FORM, "Pengaduan terkirim").await?;
    assert_eq!(browser.focused().await?, "h2#form-done.form-panel-title");
    assert_eq!(stack.proxy.lost(), 1);
    assert_eq!(stack.proxy.seen(), 2, "one lost answer, one retry");
    let stored = stack.stored().await?;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored[0]["title"], "Antrean obat di RSUD terlalu lama");
    let ticket = browser.shadow_find(FORM, ".form-panel .form-code").await?.text().await?;
    assert_eq!(stored[0]["ticket"], ticket.as_str());
    let secret = browser.shadow_find(FORM, ".form-code--secret").await?.text().await?;
    assert_eq!(secret.len(), 19, "{secret}");
    let track =
        browser.shadow_find(FORM, "a[href*='#tiket=']").await?.attr("href").await?.unwrap_or_default();
    assert_eq!(track, format!("https://dinkes.example.go.id/lacak#tiket={ticket}"));
    // The reporter's view of the complaint, with the secret shown once.
    let view = stack.get(&format!("/api/v1/complaints/{ticket}"), None).await?;
    assert_eq!(view.body["title"], "Antrean obat di RSUD terlalu lama", "{}", view.body);
    let draft = browser.script("return localStorage.getItem('aduan:draft:dinkes');", vec![]).await?;
    assert!(draft.is_null(), "the draft is dropped once the server answered: {draft}");
    // The copy button copies the ticket and says so in a live region.
    click(&browser, "[data-act=copy-ticket]").await?;
    browser.wait_for_text(FORM, "Nomor tiket disalin").await?;
    browser.close().await
}

#[tokio::test]
async fn form_restores_the_draft_after_a_reload() -> anyhow::Result<()> {
    let Some(browser) = Browser::open(1024, 900).await? else { return Ok(()) };
    let stack = Stack::start().await?;
    let url = stack.page("draft", ELEMENT);
    browser.goto(&url).await?;
    type_into(&browser, "#form-title", "Lampu jalan padam di Jl. Veteran").await?;
    click(&browser, "#form-privacy-anonim").await?;
    browser.client.refresh().await?;
    browser.wait_for_text(FORM, "Isian Anda sebelumnya dipulihkan dari perangkat ini.").await?;
    let title = browser.shadow_find(FORM, "#form-title").await?.prop("value").await?;
    assert_eq!(title.as_deref(), Some("Lampu jalan padam di Jl. Veteran"));
    assert!(browser.shadow_find(FORM, "#form-privacy-anonim").await?.is_selected().await?);
    // Clearing forgets the draft.
    click(&browser, "[data-act=clear]").await?;
    let title = browser.shadow_find(FORM, "#form-title").await?.prop("value").await?;
    assert_eq!(title.as_deref(), Some(""));
    let draft = browser.script("return localStorage.getItem('aduan:draft:dinkes');", vec![]).await?;
    assert!(draft.is_null(), "{draft}");
    // Keyboard only: Enter in a box continues, and the summary takes focus.
    type_into(&browser, "#form-title", "Lampu\u{E007}").await?;
    browser.wait_for_text(FORM, "Judul minimal 10 karakter").await?;
    assert_eq!(browser.focused().await?, "div#form-summary.form-summary");
    browser.close().await
}
