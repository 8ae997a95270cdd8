//! Rebuilds when a migration is added: `sqlx::migrate!` embeds the
//! migration files at compile time but only notices changed ones.

#![allow(clippy::print_stdout)] // Cargo reads build instructions from stdout.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
