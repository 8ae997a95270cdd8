//! `<aduan-badge>` in headless Chromium, on a host page with hostile CSS.

use aduan_tests::browser::Browser;
use aduan_tests::stack::Stack;

#[tokio::test]
async fn badge_in_a_hostile_page_shows_the_measured_response_time() -> anyhow::Result<()> {
    let Some(browser) = Browser::open(1024, 800).await? else { return Ok(()) };
    let stack = Stack::start().await?;
    let (_, answered) = stack.answered_complaint("badge-browser-0001").await?;
    assert_eq!(answered["status"]["code"], "ditanggapi");
    let year = stack.today().format("%Y").to_string();
    let url = stack.page(
        "badge",
        &format!(
            r#"<p>Waktu respons:</p><aduan-badge agency="dinkes" period="{year}"></aduan-badge>
            <div id="later"></div>
            <script>
              // A widget the page's own script adds later is rendered too.
              setTimeout(function () {{
                var b = document.createElement("aduan-badge");
                b.setAttribute("agency", "kab-banjar");
                b.setAttribute("lang", "en");
                b.id = "added";
                document.getElementById("later").appendChild(b);
              }}, 300);
            </script>"#
        ),
    );
    browser.goto(&url).await?;
    let badge = browser.shadow_find("aduan-badge", ".badge").await?;
    let sentence = badge.attr("aria-label").await?.unwrap_or_default();
    assert!(sentence.contains("Dinas Kesehatan"), "{sentence}");
    assert!(sentence.contains("hari"), "the median in days: {sentence}");
    assert_eq!(badge.attr("role").await?.as_deref(), Some("img"));
    // The page's CSS does not reach inside: no serif, no letter-spacing,
    // no uppercase, no pink, no hidden parts.
    let style = browser
        .script(
            "const e = document.querySelector('aduan-badge').shadowRoot.querySelector('.badge-value');
             const s = getComputedStyle(e);
             return [s.fontFamily, s.letterSpacing, s.textTransform, s.color, s.display, e.getBoundingClientRect().width];",
            vec![],
        )
        .await?;
    let font = style[0].as_str().unwrap_or_default();
    assert!(!font.contains("Comic") && !font.contains("serif,") && !font.starts_with("serif"), "{font}");
    assert_eq!(style[1], "normal");
    assert_eq!(style[2], "none");
    assert_eq!(style[3], "rgb(255, 255, 255)");
    assert_ne!(style[4], "none");
    assert!(style[5].as_f64().unwrap_or_default() > 20.0, "the value is visible: {style}");
    // The badge added later by the page, in English.
    browser.wait_for_text("#added", "Complaint response").await?;
    browser.wait_for_text("#added", "no data yet").await?;
    // The badge's CSS does not leak out into the page.
    let heading =
        browser.script("return getComputedStyle(document.querySelector('h1')).fontFamily;", vec![]).await?;
    assert!(heading.as_str().unwrap_or_default().contains("Comic"), "{heading}");
    browser.close().await
}
