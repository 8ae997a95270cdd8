//! The award leaderboard, `<aduan-leaderboard award="pengelola-pengaduan" category="opd" period="2025">`.
//!
//! Being built (issue 4): the entry point mounts a placeholder.

#[cfg(target_arch = "wasm32")]
pub mod view;
