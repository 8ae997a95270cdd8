//! The Aduan server: the imperative shell around `aduan-core` that stores
//! complaint events, authenticates officers and speaks HTTP.
//!
//! All rules live in the core; this crate reads the clock, the network and
//! the database, and hands values to the core.

pub mod config;
pub mod store;
