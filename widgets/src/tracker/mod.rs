//! The ticket tracker, `<aduan-tracker>`.
//!
//! Being built (issue 4): the entry point mounts a placeholder.

#[cfg(target_arch = "wasm32")]
pub mod view;
