//! The Aduan demo for Diskominfo Kalimantan Selatan: its configuration
//! (`aduan.demo.toml`: the province's real agencies, the award, demo
//! officers), a deterministic generator of two years of believable
//! complaints, and the seeding of a fresh database with them through the
//! server's own storage and derivations.
//!
//! - [`config`]: the demo configuration, loaded as the server loads it;
//! - [`generate`](mod@generate): complaints and their histories from a seed;
//! - [`seed`](mod@seed): writing them through the server's `Store`;
//! - [`figures`](mod@figures): the province's yearly figures read back from a
//!   database with the core's statistics.
//!
//! The demo's numbers (complaints per year, response times) are never
//! written down: they come out of the statistics over the seeded data.
//!
//! - [`serve`](mod@serve) and [`pages`](mod@pages): the whole demo in one
//!   process: the database seeded (or reused), the Aduan server, and the
//!   host pages on a second origin.
//!
//! To run the demo (widgets built first), or only seed its database and
//! serve it with the plain server:
//!
//! ```text
//! cargo xtask demo                           # or: cargo run -p aduan-demo -- serve
//! cargo run -p aduan-demo -- seed            # target/demo/aduan-demo.sqlite3
//! cargo run -p aduan-server -- serve --config demo/aduan.demo.toml
//! ```
//!
//! Officers sign in with the tokens `demo-koordinator` and
//! `demo-<agency id>` (say `demo-dinkes`). The same seed always gives the
//! same database, including the deployment key its access secrets are
//! derived from: a demo database must never be deployed.

mod catalog;
pub mod figures;
pub mod generate;
pub mod pages;
pub mod seed;
pub mod serve;

use std::path::Path;

use aduan_server::config::{Config, ConfigError};

pub use figures::{YearFigures, figures};
pub use generate::{DemoComplaint, default_now, generate};
pub use seed::{Seeded, seed, seed_database};

/// The demo configuration file's text (`demo/aduan.demo.toml`).
pub const CONFIG_TOML: &str = include_str!("../aduan.demo.toml");

/// The seed the demo uses unless told otherwise.
pub const DEFAULT_SEED: u64 = 2026;

/// The demo configuration, parsed as the server parses its file, with the
/// environment overrides read through `env` (`&|_| None` for none).
///
/// # Errors
/// A [`ConfigError`] if the file were invalid (a test keeps it valid) or an
/// environment override is.
///
/// # Example
/// ```
/// let config = aduan_demo::config(&|_| None).unwrap();
/// assert_eq!(config.agencies.len(), 45);
/// ```
pub fn config(env: &dyn Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
    Config::from_toml_str(CONFIG_TOML, Path::new("demo/aduan.demo.toml"), env)
}
