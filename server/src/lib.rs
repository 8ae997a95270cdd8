//! The Aduan server: the imperative shell around `aduan-core` that stores
//! complaint events, authenticates officers and speaks HTTP.
//!
//! All rules live in the core; this crate reads the clock, the network and
//! the database, and hands values to the core.
//!
//! - [`config`]: the TOML configuration and its environment overrides;
//! - [`store`]: the `Store` trait and its SQLite and PostgreSQL backends;
//! - [`app`]: the router, handlers and middleware of `/api/v1`;
//! - [`derive`](mod@derive): state, clocks, read models and views derived with the core;
//! - [`error`]: the one `AppError`, mapped to problem documents;
//! - [`export`]: CSV downloads of the inbox and the statistics;
//! - [`badge`], [`openapi`], [`ratelimit`]: the SVG badge, the API document,
//!   per-client limits;
//! - [`console`]: the officers' console page at `/console`;
//! - [`cli`]: the file subcommands (`aduan import`, `aduan export`) and the
//!   analyst's commands (`aduan sla`, `aduan score`, `aduan stats`, which
//!   read files and never the database);
//! - [`open311`]: the Open311 GeoReport v2 endpoint under `/open311/v2/`;
//! - [`serve`]: running it all (the `aduan serve` command);
//! - [`transfer`]: the complaints file that `aduan import` reads and `aduan export` writes.

pub mod app;
pub mod badge;
pub mod cli;
pub mod config;
pub mod console;
pub mod derive;
pub mod error;
pub mod export;
pub mod open311;
pub mod openapi;
pub mod ratelimit;
pub mod serve;
pub mod store;
pub mod transfer;
pub mod widgets;
