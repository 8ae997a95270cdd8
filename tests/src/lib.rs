//! Shared helpers for Aduan's end-to-end tests (the suites are in
//! `tests/tests/`):
//! - [`stack`]: the server on a fresh SQLite database, a proxy in front of
//!   it and a second origin serving hostile host pages;
//! - [`demo`]: the whole demo (`cargo xtask demo`) seeded afresh, on a
//!   clock of the test's choosing;
//! - [`proxy`]: that proxy, which can lose a response after the server
//!   acted on the request, as a mobile network does;
//! - [`browser`]: headless Chromium over WebDriver, with helpers to reach
//!   into the widgets' shadow roots.

pub mod browser;
pub mod demo;
pub mod proxy;
pub mod stack;
