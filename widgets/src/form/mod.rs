//! The complaint form, `<aduan-form agency="dinkes">`.
//!
//! Being built (issue 4): the entry point mounts a placeholder.

#[cfg(target_arch = "wasm32")]
pub mod view;
