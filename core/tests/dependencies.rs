//! The core stays a library anyone can depend on: its normal dependencies,
//! followed through the whole resolved graph, pull in no server, database,
//! async runtime or browser crate, on any target.

use std::collections::BTreeSet;
use std::process::Command;

/// Crates that would make the core a shell rather than a pure library.
const FORBIDDEN: &[&str] = &[
    "tokio",
    "axum",
    "hyper",
    "tower",
    "sqlx",
    "reqwest",
    "mio",
    "wasm-bindgen",
    "js-sys",
    "web-sys",
    "leptos",
    "gloo-net",
    "getrandom",
    "rand",
    "iana-time-zone",
];

#[test]
fn the_core_pulls_in_no_server_or_browser_crate() {
    // `cargo tree -p` resolves the core's features on its own, as a
    // dependent crate would get them (the workspace's metadata would unify
    // them with the server's, which turns on chrono's clock).
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "tree",
            "-p",
            "aduan-core",
            "-e",
            "normal",
            "--target",
            "all",
            "--prefix",
            "none",
            "-f",
            "{p}",
        ])
        .args(["--offline", "--manifest-path", concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml")])
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    let tree = String::from_utf8(output.stdout).expect("cargo tree prints UTF-8");
    let seen: BTreeSet<&str> = tree.lines().filter_map(|line| line.split_whitespace().next()).collect();

    let forbidden: Vec<&&str> = seen.iter().filter(|name| FORBIDDEN.contains(name)).collect();
    assert!(forbidden.is_empty(), "aduan-core depends on {forbidden:?} (all: {seen:?})");
    assert!(
        seen.contains("chrono") && seen.contains("serde") && seen.contains("aduan-core"),
        "the tree lists the real dependencies: {seen:?}"
    );
}
