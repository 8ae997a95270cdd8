//! Embeddable widgets for agency websites: complaint form, response-time badge,
//! award leaderboard and ticket tracker, compiled to one WASM bundle.
//!
//! A page loads `aduan.js` (the hand-written loader in `widgets/loader/`),
//! which defines the custom elements and, only when one is on the page,
//! imports the bundle and calls an entry point of [`mount`] with the
//! element and its shadow root.
//!
//! The crate is split so that everything but the DOM is plain Rust that the
//! native unit tests exercise:
//! - [`config`]: the element's attributes turned into checked settings
//!   (language, API base);
//! - [`load`]: reading the server's answers, and what to say when that fails;
//! - one module per widget, [`badge`], [`form`], [`leaderboard`],
//!   [`tracker`]: its request and view model, tested natively, its
//!   `style.css`, and (wasm32 only) its `view` module with the
//!   `#[wasm_bindgen]` entry point and the Leptos view;
//! - [`style`]: the CSS each shadow root adopts;
//! - `mount` (wasm32 only): what every entry point shares.
//!
//! **Invariant:** no domain logic here. Every rule, number and date format
//! comes from `aduan-core`, so the browser and the server agree by
//! construction.

pub mod badge;
pub mod config;
pub mod form;
pub mod html;
pub mod json;
pub mod leaderboard;
pub mod load;
pub mod style;
pub mod tracker;

#[cfg(target_arch = "wasm32")]
pub mod mount;
