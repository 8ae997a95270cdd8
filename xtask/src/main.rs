//! Build orchestration for Aduan, run with `cargo xtask <task>`.
//!
//! Tasks:
//! - `build-widgets`: the widgets' WASM bundle, its loader and their
//!   precompressed copies in `target/widgets/` (see [`widgets`]);
//! - `size`: the sizes of that build, failing above the budgets (loader
//!   ≤ 4 KB brotli, everything ≤ 150 KB brotli);
//! - `bench`: the core's criterion benchmarks, then the side-by-side
//!   comparison with numpy (`bench/vs_numpy.py`);
//! - `bench-numpy`: only the numpy comparison.

#![allow(clippy::print_stdout, reason = "xtask reports to the terminal")]

mod widgets;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

const TASKS: &str = "build-widgets, size, bench, bench-numpy";

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        Some("build-widgets") => widgets::build(),
        Some("size") => widgets::size(),
        Some("bench") => {
            run(Command::new(cargo()).args(["bench", "-p", "aduan-core"]))?;
            bench_numpy()
        }
        Some("bench-numpy") => bench_numpy(),
        Some(other) => bail!("unknown task `{other}`; tasks: {TASKS}"),
        None => bail!("usage: cargo xtask <task>; tasks: {TASKS}"),
    }
}

fn bench_numpy() -> anyhow::Result<()> {
    run(Command::new("python3").arg(root().join("bench/vs_numpy.py")))
}

/// The workspace root: xtask lives one level below it.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR`.
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

fn run(cmd: &mut Command) -> anyhow::Result<()> {
    let status = cmd.current_dir(root()).status().with_context(|| format!("could not start {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}
