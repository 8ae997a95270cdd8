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
//! - [`badge`]: the response-time badge's request and view model;
//! - `style`: the CSS each shadow root adopts;
//! - `mount` (wasm32 only): the `#[wasm_bindgen]` entry points and the Leptos
//!   views.
//!
//! **Invariant:** no domain logic here. Every rule, number and date format
//! comes from `aduan-core`, so the browser and the server agree by
//! construction.

pub mod badge;
pub mod config;
pub mod load;
pub mod style;

#[cfg(target_arch = "wasm32")]
pub mod mount;
