//! The officers' console at `/console`: a Leptos CSR application in its own
//! WASM bundle (built by `cargo xtask build-widgets` next to the widgets,
//! embedded and served by the server).
//!
//! Officers sign in with their bearer token (kept in `sessionStorage`
//! only), then work in three screens, each a hash route ([`route`]):
//!
//! - **Kotak masuk** (`#/kotak-masuk`): the inbox, most urgent first, with
//!   filters, search, paging and a CSV export ([`inbox`]);
//! - **Aduan** (`#/aduan/{ticket}`): one complaint — content (anonymity as
//!   the server decided), SLA clocks, timeline — and one form per action
//!   the officer may take now, with conflicts (409) explained from the
//!   reloaded timeline ([`detail`], [`actions`]);
//! - **Dasbor** (`#/dasbor`): an agency's or the province's statistics
//!   with SVG charts and their data tables, the overdue list and the award
//!   preview, exportable as CSV ([`dashboard`]).
//!
//! Like the widgets, the console holds no domain logic: it renders
//! `aduan_core::api::v1` values with `aduan_core::format`, and every module
//! above is plain Rust, unit tested natively; only `app` (wasm32) touches
//! the DOM. The page's CSP allows no inline script or style, so the
//! console writes no `style` attribute and draws charts with SVG
//! attributes; its stylesheet is `style.css`, shipped as a hashed file.

pub mod actions;
pub mod dashboard;
pub mod detail;
pub mod inbox;
pub mod route;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod http;
