//! The demo as a newcomer runs it (`cargo xtask demo`), for end-to-end
//! tests: the Kalsel database seeded afresh into a temporary directory by
//! the demo's own generator, the server and the host pages on free ports,
//! and the server on a clock that starts at a fixed instant and runs at
//! real speed, so what a test files lands in a known month whatever day
//! the test runs.

use std::time::Instant;

use aduan_demo::serve::{self, Options, Running};
use anyhow::Context;
use axum::http::{StatusCode, header};
use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::stack::Reply;

type HttpClient = hyper_util::client::legacy::Client<
    hyper_util::client::legacy::connect::HttpConnector,
    http_body_util::Full<bytes::Bytes>,
>;

/// The running demo; call [`Demo::stop`] at the end.
#[derive(Debug)]
pub struct Demo {
    /// The demo itself: origins, officers, seeding.
    pub running: Running,
    http: HttpClient,
    dir: tempfile::TempDir,
}

impl Demo {
    /// Seeds a fresh demo database and starts the demo, its server's clock
    /// reading `start_at` now and running on from there.
    ///
    /// # Errors
    /// When the demo configuration, the seeding or a port fails.
    pub async fn start(start_at: DateTime<Utc>) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let config = aduan_demo::config(&|_| None).context("the demo configuration")?;
        let mut options = Options::new(dir.path().join("aduan-demo.sqlite3"));
        options.api.set_port(0);
        options.pages.set_port(0);
        let started = Instant::now();
        options.clock = Some(std::sync::Arc::new(move || {
            start_at + chrono::Duration::from_std(started.elapsed()).unwrap_or_default()
        }));
        let running = serve::start(config, &options).await.context("the demo starts")?;
        let http =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http();
        Ok(Self { running, http, dir })
    }

    /// The Aduan server's origin.
    #[must_use]
    pub fn api(&self) -> &str {
        &self.running.api
    }

    /// The host pages' origin.
    #[must_use]
    pub fn pages(&self) -> &str {
        &self.running.pages
    }

    /// `GET path` on the server, as the officer with `token` when given.
    ///
    /// # Errors
    /// When the server cannot be reached.
    pub async fn get(&self, path: &str, token: Option<&str>) -> anyhow::Result<Reply> {
        use http_body_util::BodyExt;
        let mut request = axum::http::Request::get(format!("{}{path}", self.running.api));
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let response = self
            .http
            .request(request.body(http_body_util::Full::default())?)
            .await
            .with_context(|| format!("GET {path}: the server did not answer"))?;
        let status = response.status();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok(Reply { status, body: serde_json::from_slice(&bytes).unwrap_or(Value::Null) })
    }

    /// `GET path`, expecting 200, its JSON body.
    ///
    /// # Errors
    /// When the server answers anything else.
    pub async fn json(&self, path: &str, token: Option<&str>) -> anyhow::Result<Value> {
        let reply = self.get(path, token).await?;
        anyhow::ensure!(reply.status == StatusCode::OK, "GET {path}: {} {}", reply.status, reply.body);
        Ok(reply.body)
    }

    /// Stops the demo and removes its database.
    pub async fn stop(self) {
        self.running.stop().await;
        drop(self.dir);
    }
}
