//! `<aduan-tracker>` in headless Chromium, on a host page with hostile CSS:
//! a mistyped ticket caught before any request, a real ticket's timeline,
//! and the reporter disputing the follow-up with the access code.

use std::time::Duration;

use aduan_tests::browser::Browser;
use aduan_tests::stack::{KOORDINATOR, PENGHUBUNG_DINKES, Stack};
use serde_json::json;

const HOST: &str = "aduan-tracker";

async fn click(browser: &Browser, selector: &str) -> anyhow::Result<()> {
    browser.shadow_find(HOST, selector).await?.click().await?;
    Ok(())
}

async fn type_into(browser: &Browser, selector: &str, text: &str) -> anyhow::Result<()> {
    let field = browser.shadow_find(HOST, selector).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

#[tokio::test]
async fn tracker_catches_a_mistyped_ticket_shows_a_real_one_and_lets_the_reporter_dispute()
-> anyhow::Result<()> {
    let Some(browser) = Browser::open(1024, 900).await? else { return Ok(()) };
    let stack = Stack::start().await?;
    let (submitted, _) = stack.answered_complaint("tracker-browser-0001").await?;
    let ticket = submitted["ticket"].as_str().unwrap_or_default().to_owned();
    let secret = submitted["secret"].as_str().unwrap_or_default().to_owned();
    stack
        .act(
            &ticket,
            4,
            PENGHUBUNG_DINKES,
            json!({"type": "followed_up", "message": "Loket apotek ditambah dua"}),
        )
        .await?;
    let url = stack.page("tracker", "<p>Lacak pengaduan Anda:</p><aduan-tracker></aduan-tracker>");
    browser.goto(&url).await?;
    browser.shadow_find(HOST, "#tracker-ticket").await?;

    // The page's CSS does not reach inside: the fields and the button are
    // shown, in our font, with the code's own letter-spacing.
    let style = browser
        .script(
            "const r = document.querySelector('aduan-tracker').shadowRoot;
             const input = getComputedStyle(r.querySelector('#tracker-ticket'));
             const button = r.querySelector('.tracker-form button');
             const label = getComputedStyle(r.querySelector('.tracker-label'));
             return [input.visibility, input.fontFamily, getComputedStyle(button).display,
                     button.getBoundingClientRect().height, label.textTransform, label.fontFamily];",
            vec![],
        )
        .await?;
    assert_eq!(style[0], "visible", "{style}");
    assert!(style[1].as_str().unwrap_or_default().contains("monospace"), "{style}");
    assert_ne!(style[2], "none", "{style}");
    assert!(style[3].as_f64().unwrap_or_default() >= 44.0, "the button is a 44 px target: {style}");
    assert_eq!(style[4], "none", "{style}");
    assert!(!style[5].as_str().unwrap_or_default().contains("Comic"), "{style}");

    // A mistyped ticket (two characters swapped) is caught by the check
    // character: an error summary takes focus, and no request is made.
    stack.proxy.lose_responses("GET /api/v1/", 0).await;
    let chars: Vec<char> = ticket.chars().collect();
    let swapped: String = [chars[1], chars[0]].into_iter().chain(chars[2..].iter().copied()).collect();
    assert_ne!(swapped, ticket, "the test needs two different characters");
    type_into(&browser, "#tracker-ticket", &swapped).await?;
    click(&browser, ".tracker-form button").await?;
    browser.wait_for_text(HOST, "Ada masalah").await?;
    browser.wait_for_focus("div#tracker-summary.tracker-summary").await?;
    let summary = browser.shadow_find(HOST, "#tracker-summary").await?.text().await?;
    assert!(summary.contains("Nomor tiket salah ketik"), "{summary}");
    let inline = browser.shadow_find(HOST, "#tracker-ticket-error").await?.text().await?;
    assert!(inline.contains("Nomor tiket salah ketik"), "{inline}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(stack.proxy.seen(), 0, "a mistyped ticket must not reach the server");

    // The real ticket, typed as people type it: the status, the agency by
    // name, and the timeline in the agency's zone.
    type_into(&browser, "#tracker-ticket", &ticket.to_lowercase().replace('-', " ")).await?;
    click(&browser, ".tracker-form button").await?;
    browser.wait_for_focus("h3#tracker-result-title.tracker-h3").await?;
    assert!(stack.proxy.seen() >= 1, "the lookup reached the server");
    let result = browser.shadow_find(HOST, ".tracker-result").await?.text().await?;
    for expected in ["Ditindaklanjuti", "Dinas Kesehatan", "Riwayat", "Batas waktu", "WITA"] {
        assert!(result.contains(expected), "{expected:?} in {result}");
    }
    // The agency's message is content: the public does not see it.
    assert!(!result.contains("Loket apotek ditambah dua"), "{result}");
    let steps = browser.shadow_find_all(HOST, ".tracker-timeline li").await?;
    assert_eq!(steps.len(), 5, "received, verified, disposed, responded, followed up");
    assert!(
        browser.shadow_find_all(HOST, "form[data-action]").await?.len() == 1,
        "without the access code only the lookup form"
    );

    // With the access code the reporter disputes the follow-up.
    type_into(&browser, "#tracker-secret", &secret.to_lowercase()).await?;
    click(&browser, ".tracker-form button").await?;
    browser.shadow_find(HOST, "form[data-action=disputed]").await?;
    browser.wait_for_focus("h3#tracker-result-title.tracker-h3").await?;
    let result = browser.shadow_find(HOST, ".tracker-result").await?.text().await?;
    assert!(result.contains("Loket apotek ditambah dua"), "the reporter sees the messages: {result}");
    // Sending without a reason is refused by the core, beside the field.
    click(&browser, "form[data-action=disputed] button").await?;
    browser.wait_for_focus("div#tracker-feedback.tracker-feedback").await?;
    let error = browser.shadow_find(HOST, "#tracker-reason-error").await?.text().await?;
    assert!(error.contains("Masukkan alasan"), "{error}");
    type_into(&browser, "#tracker-reason", "Antrean masih tiga jam pagi ini").await?;
    let count = browser.shadow_find(HOST, "#tracker-reason-count").await?.text().await?;
    assert_eq!(count, "Sisa 3.969 karakter");
    click(&browser, "form[data-action=disputed] button").await?;
    browser.wait_for_text(HOST, "Sanggahan Anda terkirim").await?;
    browser.wait_for_focus("div#tracker-feedback.tracker-feedback").await?;
    let status = browser.shadow_find(HOST, ".tracker-status").await?.text().await?;
    assert_eq!(status, "Didisposisikan");
    let stored = stack.get(&format!("/api/v1/complaints/{ticket}"), Some(KOORDINATOR)).await?;
    assert_eq!(stored.body["status"]["code"], "didisposisikan", "{}", stored.body);
    let last = stored.body["timeline"].as_array().and_then(|t| t.last()).cloned().unwrap_or_default();
    assert_eq!((last["action"].as_str(), last["role"].as_str()), (Some("disputed"), Some("reporter")));
    assert_eq!(last["message"], "Antrean masih tiga jam pagi ini");
    browser.close().await
}
