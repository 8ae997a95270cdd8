//! Embeddable widgets for agency websites: complaint form, response-time badge,
//! award leaderboard and ticket tracker.
//!
//! Not built yet: issue 4 fills this crate with the Leptos (CSR) custom
//! elements. It depends on `aduan-core` already so that the widgets can only
//! ever render core values and call core validation.
