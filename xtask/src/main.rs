//! Build orchestration for Aduan, run with `cargo xtask <task>`.
//!
//! Tasks:
//! - `build-widgets`: the widgets' WASM bundle, its loader and their
//!   precompressed copies in `target/widgets/`, and the officers' console
//!   as a second bundle beside them (see [`widgets`]);
//! - `size`: the sizes of that build, failing above the budgets (loader
//!   ≤ 4 KB brotli, the widgets ≤ 150 KB brotli, the console on its own
//!   budget);
//! - `bench`: the core's criterion benchmarks, then the side-by-side
//!   comparison with numpy (`bench/vs_numpy.py`);
//! - `bench-numpy`: only the numpy comparison;
//! - `test`: every test, browser tests included (see [`test`]): the
//!   README's test command;
//! - `demo`: builds the widgets, then builds and runs the demo (see
//!   [`demo`]): the README's one-command start;
//! - `bench-import [--rows N] [--postgres URL]`: times `aduan import` of a
//!   generated file (see [`bench_import`]).

#![allow(clippy::print_stdout, reason = "xtask reports to the terminal")]

mod bench_import;
mod widgets;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

const TASKS: &str = "test, demo, build-widgets, size, bench, bench-numpy, bench-import";

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
        Some("test") => test(std::env::args().skip(2).collect()),
        Some("demo") => demo(std::env::args().skip(2).collect()),
        Some("bench-import") => {
            bench_import::run(&std::env::args().skip(2).collect::<Vec<_>>(), &root(), &target_dir())
        }
        Some(other) => bail!("unknown task `{other}`; tasks: {TASKS}"),
        None => bail!("usage: cargo xtask <task>; tasks: {TASKS}"),
    }
}

/// `cargo xtask test [cargo test arguments]`: sets up what the tests need
/// on a fresh machine, then runs `cargo test --workspace` with browser
/// tests required (they fail, rather than skip, when they cannot run):
/// 1. the wasm32 target (also listed in `rust-toolchain.toml`);
/// 2. Debian's `chromium` and `chromium-driver`, and `npm` for binaryen,
///    installed with apt-get when missing (as root, or with `sudo -n`);
/// 3. the widgets' bundle ([`widgets::build`]), which the server embeds.
fn test(extra: Vec<String>) -> anyhow::Result<()> {
    if found("rustup") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let missing: Vec<&str> = [("chromium", "chromium"), ("chromedriver", "chromium-driver"), ("npm", "npm")]
        .into_iter()
        .filter(|(tool, _)| !found(tool))
        .map(|(_, package)| package)
        .collect();
    if !missing.is_empty() {
        apt_install(&missing)?;
    }
    widgets::build()?;
    // `cargo xtask test -p aduan-tests` narrows the run to those packages.
    let packages = extra.iter().any(|a| a == "-p" || a.starts_with("--package"));
    let mut cmd = Command::new(cargo());
    cmd.arg("test");
    if !packages {
        cmd.arg("--workspace");
    }
    run(cmd.args(extra).env("ADUAN_BROWSER_TESTS", "required"))
}

/// `cargo xtask demo [aduan-demo serve arguments]`: on a machine with only
/// rustup, builds the widgets' bundle ([`widgets::build`]; the wasm32
/// target added and `npm` installed with apt-get when missing, for the
/// pinned binaryen), then `cargo run --release -p aduan-demo -- serve`
/// with the arguments given (`--port`, `--pages-port`, `--fresh`, …): the
/// demo database seeded or reused, the server and the demo pages running
/// until Ctrl-C.
fn demo(extra: Vec<String>) -> anyhow::Result<()> {
    if found("rustup") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !found("npm") {
        apt_install(&["npm"]).context("the demo's widgets need npm (for binaryen's wasm-opt)")?;
    }
    widgets::build()?;
    let mut serve = Command::new(cargo());
    serve.args(["run", "--release", "-p", "aduan-demo", "--", "serve"]).args(extra).current_dir(root());
    // The demo runs until Ctrl-C: become it, so that the signal reaches
    // only the demo, which stops cleanly, and not this process too.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt as _;
        let error = serve.exec();
        Err(error).with_context(|| format!("could not start {serve:?}"))
    }
    #[cfg(not(unix))]
    run(&mut serve)
}

/// Whether `tool` is on the `PATH`.
fn found(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
}

/// Installs Debian packages, as root or through password-less sudo.
fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let apt = |args: &[&str]| {
        let mut cmd = if root { Command::new("apt-get") } else { Command::new("sudo") };
        if !root {
            cmd.args(["-n", "apt-get"]);
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    println!("installing {} with apt-get", packages.join(" "));
    let installed =
        run(&mut apt(&["update", "-qq"])).and_then(|()| run(apt(&["install", "-y", "-qq"]).args(packages)));
    installed.with_context(|| {
        format!(
            "the tests need {}: install them (`sudo apt-get install {}`), then run `cargo xtask test` again",
            packages.join(", "),
            packages.join(" ")
        )
    })
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
