//! The `aduan` subcommands that work on files rather than serve HTTP.
//!
//! - [`import`]: `aduan import`, a complaints file into the database;
//! - [`export`]: `aduan export`, the database into a complaints file.

pub mod export;
pub mod import;
