//! The Aduan server: the imperative shell around `aduan-core` that stores
//! complaint events, authenticates officers and speaks HTTP.
//!
//! Not built yet: issue 3 fills this crate (axum, SQLite/PostgreSQL store,
//! the `aduan` binary).
