//! Headless Chromium driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`, which `.ci/run` and `cargo xtask test` install).
//!
//! [`Browser::open`] starts a private `chromedriver` on a free port and a
//! Chromium session with a fresh profile. When Chromium, its driver or the
//! widgets' bundle is missing, [`Browser::open`] returns `None` and the
//! test skips with a message, unless `ADUAN_BROWSER_TESTS=required` (set by
//! `cargo xtask test` and CI), where it fails instead.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tokio::process::{Child, Command};

/// Chromium's flags: headless, no first-run work, nothing fetched from the
/// internet behind the test's back.
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=id-ID",
];

/// A browser session; call [`Browser::close`] at the end of a test (a
/// dropped one is killed with its driver).
#[derive(Debug)]
pub struct Browser {
    /// The WebDriver client, for anything the helpers below do not cover.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

/// Whether browser tests must run (`ADUAN_BROWSER_TESTS=required`).
#[must_use]
pub fn required() -> bool {
    std::env::var("ADUAN_BROWSER_TESTS").is_ok_and(|v| v == "required")
}

/// Why browser tests cannot run here, if they cannot.
#[must_use]
pub fn unavailable() -> Option<String> {
    if !aduan_server::widgets::embedded() {
        return Some("the server was built without the widgets bundle (run `cargo xtask test`)".to_owned());
    }
    for tool in ["chromium", "chromedriver"] {
        if which(tool).is_none() {
            return Some(format!("`{tool}` is not installed (apt-get install chromium chromium-driver)"));
        }
    }
    None
}

fn which(tool: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| PathBuf::from(dir).join(tool))
        .find(|path| path.is_file())
}

impl Browser {
    /// Opens a headless Chromium with a `width`×`height` window, or `None`
    /// (after saying why on stderr) when browser tests cannot run here.
    ///
    /// # Errors
    /// When the tools are there but the session cannot start, or when they
    /// are missing and browser tests are [`required`].
    pub async fn open(width: u32, height: u32) -> anyhow::Result<Option<Self>> {
        if let Some(reason) = unavailable() {
            if required() {
                bail!("browser tests are required but cannot run: {reason}");
            }
            #[allow(clippy::print_stderr, reason = "tells the developer why the test did nothing")]
            {
                eprintln!("SKIPPED browser test: {reason}");
            }
            return Ok(None);
        }
        let port = free_port()?;
        let mut driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .context("cannot start chromedriver")?;
        let profile = std::env::temp_dir().join(format!("aduan-chromium-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&profile)?;
        let mut args: Vec<String> = FLAGS.iter().map(|f| (*f).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push(format!("--window-size={width},{height}"));
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".to_owned(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            json!({"binary": which("chromium").unwrap_or_default(), "args": args}),
        );
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector).capabilities(capabilities.clone()).connect(&url).await {
                Ok(client) => break client,
                Err(e) if started.elapsed() < Duration::from_secs(20) => {
                    if let Ok(Some(status)) = driver.try_wait() {
                        bail!("chromedriver exited with {status}: {e}");
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => bail!("no WebDriver session after 20 s: {e}"),
            }
        };
        Ok(Some(Self { client, driver, profile }))
    }

    /// Ends the session and stops the driver.
    ///
    /// # Errors
    /// When the session cannot be closed cleanly.
    pub async fn close(mut self) -> anyhow::Result<()> {
        self.client.clone().close().await?;
        let _ = self.driver.kill().await;
        let _ = std::fs::remove_dir_all(&self.profile);
        Ok(())
    }

    /// Navigates to `url`.
    ///
    /// # Errors
    /// When navigation fails.
    pub async fn goto(&self, url: &str) -> anyhow::Result<()> {
        self.client.goto(url).await.with_context(|| format!("cannot open {url}"))
    }

    /// Waits up to 15 s for `selector` inside the shadow root of the first
    /// element matching `host`, and returns it.
    ///
    /// # Errors
    /// When it does not appear in time.
    pub async fn shadow_find(&self, host: &str, selector: &str) -> anyhow::Result<Element> {
        let started = Instant::now();
        loop {
            if let Ok(element) = self.try_shadow_find(host, selector).await {
                return Ok(element);
            }
            if started.elapsed() > Duration::from_secs(15) {
                let html = self.shadow_html(host).await.unwrap_or_default();
                bail!("`{selector}` did not appear in <{host}>'s shadow root within 15 s; it holds:\n{html}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn try_shadow_find(&self, host: &str, selector: &str) -> anyhow::Result<Element> {
        let host = self.client.find(Locator::Css(host)).await?;
        let root = host.shadow_root().await?;
        Ok(root.find(Locator::Css(selector)).await?)
    }

    /// Every element matching `selector` in `host`'s shadow root now.
    ///
    /// # Errors
    /// When the host or its shadow root is missing.
    pub async fn shadow_find_all(&self, host: &str, selector: &str) -> anyhow::Result<Vec<Element>> {
        let host = self.client.find(Locator::Css(host)).await?;
        Ok(host.shadow_root().await?.find_all(Locator::Css(selector)).await?)
    }

    /// Waits up to 15 s until `host`'s shadow root's text contains `text`.
    ///
    /// # Errors
    /// When it does not in time.
    pub async fn wait_for_text(&self, host: &str, text: &str) -> anyhow::Result<()> {
        let started = Instant::now();
        loop {
            let shown = self.shadow_text(host).await.unwrap_or_default();
            if shown.contains(text) {
                return Ok(());
            }
            if started.elapsed() > Duration::from_secs(15) {
                bail!("<{host}> did not show {text:?} within 15 s; it shows:\n{shown}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The rendered text of `host`'s shadow root.
    ///
    /// # Errors
    /// When the script fails.
    pub async fn shadow_text(&self, host: &str) -> anyhow::Result<String> {
        let value = self
            .script("const h = document.querySelector(arguments[0]); return h && h.shadowRoot ? h.shadowRoot.textContent : null;", vec![json!(host)])
            .await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// The markup of `host`'s shadow root, for failure messages.
    ///
    /// # Errors
    /// When the script fails.
    pub async fn shadow_html(&self, host: &str) -> anyhow::Result<String> {
        let value = self
            .script("const h = document.querySelector(arguments[0]); return h && h.shadowRoot ? h.shadowRoot.innerHTML : null;", vec![json!(host)])
            .await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// Runs `script` (a function body using `arguments`) in the page.
    ///
    /// # Errors
    /// When the script throws.
    pub async fn script(&self, script: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        Ok(self.client.execute(script, args).await?)
    }

    /// The element that has focus, described as `tag#id.class` inside
    /// its shadow root when it is in one (`document.activeElement` stops at
    /// the shadow host).
    ///
    /// # Errors
    /// When the script fails.
    pub async fn focused(&self) -> anyhow::Result<String> {
        let value = self
            .script(
                "let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
                 if (!e) return '';
                 return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');",
                vec![],
            )
            .await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// Waits up to 10 s until focus is on `expected` (`tag#id.class`, as
    /// [`Browser::focused`] describes it), so that a click does not race a
    /// widget moving focus (and scrolling) a frame later.
    ///
    /// # Errors
    /// When focus is elsewhere after 10 s.
    pub async fn wait_for_focus(&self, expected: &str) -> anyhow::Result<()> {
        let started = Instant::now();
        loop {
            let focused = self.focused().await?;
            if focused == expected {
                return Ok(());
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("focus is on {focused:?}, not {expected:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Whether the page scrolls sideways (it must not, even at 320 px).
    ///
    /// # Errors
    /// When the script fails.
    pub async fn scrolls_sideways(&self) -> anyhow::Result<bool> {
        let value = self
            .script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;",
                vec![],
            )
            .await?;
        Ok(value.as_bool().unwrap_or(true))
    }

    /// Waits up to 15 s for `selector` in the page itself (no shadow
    /// root: the officers' console owns its page), and returns it.
    ///
    /// # Errors
    /// When it does not appear in time.
    pub async fn find(&self, selector: &str) -> anyhow::Result<Element> {
        let started = Instant::now();
        loop {
            if let Ok(element) = self.client.find(Locator::Css(selector)).await {
                return Ok(element);
            }
            if started.elapsed() > Duration::from_secs(15) {
                let html = self.page_html().await.unwrap_or_default();
                bail!("`{selector}` did not appear within 15 s; the page holds:\n{html}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Every element matching `selector` in the page now.
    ///
    /// # Errors
    /// When the query fails.
    pub async fn find_all(&self, selector: &str) -> anyhow::Result<Vec<Element>> {
        Ok(self.client.find_all(Locator::Css(selector)).await?)
    }

    /// Waits up to 15 s until the text of the first element matching
    /// `selector` in the page contains `text`, and returns that text.
    ///
    /// # Errors
    /// When it does not in time.
    pub async fn wait_for_page_text(&self, selector: &str, text: &str) -> anyhow::Result<String> {
        let started = Instant::now();
        loop {
            let shown = self
                .script(
                    "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
                    vec![json!(selector)],
                )
                .await?;
            let shown = shown.as_str().unwrap_or_default().to_owned();
            if shown.contains(text) {
                return Ok(shown);
            }
            if started.elapsed() > Duration::from_secs(15) {
                bail!("`{selector}` did not show {text:?} within 15 s; it shows:\n{shown}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The page's markup, for failure messages.
    ///
    /// # Errors
    /// When the script fails.
    pub async fn page_html(&self) -> anyhow::Result<String> {
        let value = self.script("return document.documentElement.outerHTML;", vec![]).await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// Saves a PNG screenshot of the page to `path`.
    ///
    /// # Errors
    /// When the screenshot or the file fails.
    pub async fn screenshot(&self, path: &std::path::Path) -> anyhow::Result<()> {
        let png = self.client.screenshot().await?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, png)?;
        Ok(())
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
