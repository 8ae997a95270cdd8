//! Build orchestration for Aduan, run with `cargo xtask <task>`.
//!
//! Tasks:
//! - `bench`: the core's criterion benchmarks, then the side-by-side
//!   comparison with numpy (`bench/vs_numpy.py`);
//! - `bench-numpy`: only the numpy comparison.
//!
//! The widget bundle build (issue 4) joins here as `build-widgets`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        Some("bench") => {
            run(Command::new(cargo()).args(["bench", "-p", "aduan-core"]))?;
            bench_numpy()
        }
        Some("bench-numpy") => bench_numpy(),
        Some(other) => bail!("unknown task `{other}`; tasks: bench, bench-numpy"),
        None => bail!("usage: cargo xtask <task>; tasks: bench, bench-numpy"),
    }
}

fn bench_numpy() -> anyhow::Result<()> {
    run(Command::new("python3").arg(root().join("bench/vs_numpy.py")))
}

/// The workspace root: xtask lives one level below it.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
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
