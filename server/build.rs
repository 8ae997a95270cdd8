//! Build script of the server:
//! - rebuilds when a migration is added (`sqlx::migrate!` embeds the
//!   migration files at compile time but only notices changed ones);
//! - embeds the widgets' bundle that `cargo xtask build-widgets` left in
//!   `target/widgets/` (or `ADUAN_WIDGETS_DIR`), as listed in its
//!   `manifest.json`, by writing `widgets.rs` into `OUT_DIR` for
//!   `src/widgets.rs` to include. Without a bundle the server still builds
//!   and answers `/widgets/` with 503 and a message saying how to build it.
//!   The officers' console is a second bundle in the same directory, listed
//!   under the manifest's `console`: its files are embedded the same way,
//!   and its hashed names become `CONSOLE` for the `/console` page.

#![allow(clippy::print_stdout)] // Cargo reads build instructions from stdout.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-env-changed=ADUAN_WIDGETS_DIR");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_DIR");
    let dir = widgets_dir();
    // Cargo watches a directory by scanning its files' times, and treats a
    // missing path as always changed: create it so a server built before
    // the bundle is not rebuilt on every command.
    let _ = fs::create_dir_all(&dir);
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("widgets.rs");
    fs::write(&out, generate(&dir)).expect("OUT_DIR is writable");
}

/// `ADUAN_WIDGETS_DIR`, else `widgets/` in the target directory.
fn widgets_dir() -> PathBuf {
    if let Some(dir) = env::var_os("ADUAN_WIDGETS_DIR") {
        return PathBuf::from(dir);
    }
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let workspace = manifest_dir.parent().expect("server/ sits in the workspace").to_path_buf();
    let target =
        env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace.join("target"), |t| workspace.join(t));
    target.join("widgets")
}

/// The Rust source of the embedded files: `static FILES: &[Embedded]`
/// (the widgets' files and the console's, all served under `/widgets/`)
/// and `static CONSOLE: Option<ConsoleNames>` (the console's hashed names,
/// for the `/console` page).
fn generate(dir: &Path) -> String {
    let mut code = String::from(
        "/// The bundle's files, from its manifest.\npub(crate) static FILES: &[Embedded] = &[\n",
    );
    let mut console = "None".to_owned();
    let manifest = dir.join("manifest.json");
    if let Ok(text) = fs::read_to_string(&manifest) {
        let value: serde_json::Value = match serde_json::from_str(&text) {
            Ok(value) => value,
            Err(e) => panic!("{}: not JSON ({e}); run `cargo xtask build-widgets` again", manifest.display()),
        };
        let widget_files = value["files"].as_array().map(Vec::as_slice).unwrap_or_default();
        let console_files = value["console"]["files"].as_array().map(Vec::as_slice).unwrap_or_default();
        if let (Some(start), Some(css)) =
            (value["console"]["start"].as_str(), value["console"]["css"].as_str())
        {
            console = format!("Some(ConsoleNames {{ start: {start:?}, css: {css:?} }})");
        }
        for file in widget_files.iter().chain(console_files) {
            let (Some(name), Some(sha256)) = (file["name"].as_str(), file["sha256"].as_str()) else {
                panic!("{}: a file without name or sha256", manifest.display());
            };
            let path = dir.join(name);
            assert!(
                path.is_file(),
                "{} lists {name}, which is missing: run `cargo xtask build-widgets`",
                manifest.display()
            );
            let compressed = |ext: &str| {
                let path = dir.join(format!("{name}.{ext}"));
                if path.is_file() {
                    format!("Some(include_bytes!({:?}))", path.display().to_string())
                } else {
                    "None".to_owned()
                }
            };
            let _ = writeln!(
                code,
                "    Embedded {{ name: {name:?}, etag: {etag:?}, raw: include_bytes!({path:?}), br: {br}, gzip: {gz} }},",
                etag = format!("\"{}\"", &sha256[..sha256.len().min(32)]),
                path = path.display().to_string(),
                br = compressed("br"),
                gz = compressed("gz"),
            );
        }
    }
    code.push_str("];\n");
    let _ = writeln!(
        code,
        "/// The console's hashed names, when the bundle has it.\npub(crate) static CONSOLE: Option<ConsoleNames> = {console};"
    );
    code
}
