//! `cargo xtask build-widgets`: the widgets' bundle, built with nothing
//! downloaded at run time but npm's `binaryen` package.
//!
//! 1. `cargo build -p aduan-widgets --target wasm32-unknown-unknown
//!    --profile wasm-release` (size-tuned, see the workspace `Cargo.toml`);
//! 2. wasm-bindgen through the `wasm-bindgen-cli-support` crate, pinned to
//!    the widgets' `wasm-bindgen`, for the `web` target;
//! 3. `wasm-opt -Oz` from npm's `binaryen` ([`BINARYEN_VERSION`]), installed
//!    into `target/tools/binaryen` on first use (Debian's binaryen 108 makes
//!    modules that fail in Chromium);
//! 4. content-hashed names `aduan-<hash>.js` / `aduan-<hash>.wasm`, one hash
//!    over both since they only work together; the loader
//!    `widgets/loader/aduan.js` with those names filled in;
//! 5. each file with precompressed `.br` and `.gz` beside it, and
//!    `manifest.json`, all in `target/widgets/`; then a size table;
//! 6. the same for the officers' console (`console/`), a second bundle
//!    that only `/console` loads: `console-<hash>.js`, `.wasm`, `.css` and
//!    the start module `console-start-<hash>.js`, listed apart under the
//!    manifest's `console` so the widgets' budget counts widget files only.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail, ensure};
use sha2::{Digest, Sha256};

use crate::{cargo, root, run, target_dir};

/// The npm `binaryen` package whose `wasm-opt` shrinks the bundle.
pub(crate) const BINARYEN_VERSION: &str = "132.0.0";

/// The wasm features rustc's `wasm32-unknown-unknown` target emits by
/// default; `wasm-opt` must accept them and may use no others.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-sign-ext",
];

/// Runs `wasm-opt -Oz` on a bound module, through files named `name` in `work`.
fn optimise(wasm_opt: &Path, work: &Path, name: &str, bound: &[u8]) -> Result<Vec<u8>> {
    let bound_path = work.join(format!("{name}.wasm"));
    fs::write(&bound_path, bound)?;
    let optimised_path = work.join(format!("{name}-optimised.wasm"));
    let mut opt = Command::new(wasm_opt);
    // `--converge` repeats -Oz while it still shrinks the module;
    // `--low-memory-unused` lets it fold small constant addresses, true of
    // Rust's modules, whose stack and data sit far above the first 1 KiB.
    opt.args(["-Oz", "--converge", "--low-memory-unused"])
        .args(WASM_FEATURES)
        .arg(&bound_path)
        .arg("-o")
        .arg(&optimised_path);
    run(&mut opt)?;
    Ok(fs::read(&optimised_path)?)
}

/// Size budgets in bytes of brotli, from issue 4 (1 KB = 1000 B, so a
/// budget is never rounded up): the loader alone, and everything a page
/// downloads together.
const LOADER_BROTLI_BUDGET: usize = 4_000;
const TOTAL_BROTLI_BUDGET: usize = 150_000;
/// The officers' console, a bundle of its own that only `/console` loads:
/// 226,265 B measured (Leptos typed views, serde_json) with about 15 %
/// headroom.
const CONSOLE_BROTLI_BUDGET: usize = 260_000;

/// Placeholders in the loader that the build replaces with hashed names.
const JS_PLACEHOLDER: &str = "__ADUAN_BUNDLE_JS__";
const WASM_PLACEHOLDER: &str = "__ADUAN_BUNDLE_WASM__";

/// Builds the bundle into `target/widgets/` and prints its sizes.
pub(crate) fn build() -> Result<()> {
    // First the one tool that comes from outside cargo, so a machine
    // without npm fails before a long build.
    let wasm_opt = install_wasm_opt()?;

    run(Command::new(cargo()).args([
        "build",
        "-p",
        "aduan-widgets",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ]))?;
    let compiled = target_dir().join("wasm32-unknown-unknown/wasm-release/aduan_widgets.wasm");

    let work = target_dir().join("widgets-work");
    fs::create_dir_all(&work)?;
    let (glue, bound) = bindgen(&compiled, "aduan")?;
    let wasm = optimise(&wasm_opt, &work, "bound", &bound)?;

    let glue = minify_glue(&glue, &work)?;
    let hash = short_hash(&[glue.as_bytes(), &wasm]);
    let js_name = format!("aduan-{hash}.js");
    let wasm_name = format!("aduan-{hash}.wasm");
    let template_path = root().join("widgets/loader/aduan.js");
    let template =
        fs::read_to_string(&template_path).with_context(|| format!("reading {}", template_path.display()))?;
    let loader = loader(&template, &js_name, &wasm_name)?;

    let out = target_dir().join("widgets");
    if out.exists() {
        fs::remove_dir_all(&out).with_context(|| format!("clearing {}", out.display()))?;
    }
    fs::create_dir_all(&out)?;
    let files = [
        ("aduan.js", loader.into_bytes()),
        (js_name.as_str(), glue.into_bytes()),
        (wasm_name.as_str(), wasm),
    ];
    let mut sizes = Vec::new();
    for (name, bytes) in &files {
        sizes.push(write_with_compressed(&out, name, bytes)?);
    }
    let console = build_console(&wasm_opt, &work)?;
    let mut console_sizes = Vec::new();
    for (name, bytes) in &console.files {
        console_sizes.push(write_with_compressed(&out, name, bytes)?);
    }
    let manifest = serde_json::json!({
        "loader": "aduan.js",
        "js": js_name,
        "wasm": wasm_name,
        "wasm_bindgen": wasm_bindgen_version(),
        "binaryen": BINARYEN_VERSION,
        "files": sizes.iter().map(Sizes::to_json).collect::<Vec<_>>(),
        "console": {
            "start": console.start,
            "js": console.js,
            "wasm": console.wasm,
            "css": console.css,
            "files": console_sizes.iter().map(Sizes::to_json).collect::<Vec<_>>(),
        },
    });
    fs::write(out.join("manifest.json"), serde_json::to_string_pretty(&manifest)? + "\n")?;

    println!("\nwidgets bundle in {}:", out.display());
    print!("{}", size_table(&sizes));
    println!("\nconsole bundle in {}:", out.display());
    print!("{}", size_table(&console_sizes));
    Ok(())
}

/// The console's files: names and contents.
#[derive(Debug)]
struct ConsoleBundle {
    start: String,
    js: String,
    wasm: String,
    css: String,
    files: Vec<(String, Vec<u8>)>,
}

/// Builds the officers' console (`console/`) the same way as the widgets:
/// size-tuned build, wasm-bindgen `web` glue, `wasm-opt`, one hash over
/// glue, module and stylesheet. `/console` loads the small start module
/// `console-start-<hash>.js`, which imports the glue and passes it the
/// module's URL (the page's CSP allows no inline script).
fn build_console(wasm_opt: &Path, work: &Path) -> Result<ConsoleBundle> {
    run(Command::new(cargo()).args([
        "build",
        "-p",
        "aduan-console",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ]))?;
    let compiled = target_dir().join("wasm32-unknown-unknown/wasm-release/aduan_console.wasm");
    let (glue, bound) = bindgen(&compiled, "console")?;
    let wasm = optimise(wasm_opt, work, "console", &bound)?;
    let glue = minify_glue(&glue, work)?;
    let css_path = root().join("console/style.css");
    let css = fs::read_to_string(&css_path).with_context(|| format!("reading {}", css_path.display()))?;
    let hash = short_hash(&[glue.as_bytes(), &wasm, css.as_bytes()]);
    let js = format!("console-{hash}.js");
    let wasm_name = format!("console-{hash}.wasm");
    let css_name = format!("console-{hash}.css");
    let start = format!("console-start-{hash}.js");
    let start_js = console_start(&js, &wasm_name);
    Ok(ConsoleBundle {
        files: vec![
            (start.clone(), start_js.into_bytes()),
            (js.clone(), glue.into_bytes()),
            (wasm_name.clone(), wasm),
            (css_name.clone(), css.into_bytes()),
        ],
        start,
        js,
        wasm: wasm_name,
        css: css_name,
    })
}

/// The console's start module: imports the glue and starts the module
/// (its `#[wasm_bindgen(start)]` mounts the application).
fn console_start(js: &str, wasm: &str) -> String {
    format!(
        "import init from \"./{js}\";\ninit({{ module_or_path: new URL(\"./{wasm}\", import.meta.url) }});\n"
    )
}

/// `cargo xtask size`: the sizes of the last build (its `manifest.json`),
/// failing when a budget is exceeded.
pub(crate) fn size() -> Result<()> {
    let path = target_dir().join("widgets/manifest.json");
    let text = fs::read_to_string(&path)
        .with_context(|| format!("{} is missing: run `cargo xtask build-widgets` first", path.display()))?;
    let (loader, sizes) = sizes_from_manifest(&text)?;
    print!("{}", size_table(&sizes));
    let report = budget_report(&loader, &sizes);
    for line in &report.lines {
        println!("{line}");
    }
    let console = console_sizes_from_manifest(&text)?;
    println!("\nconsole:");
    print!("{}", size_table(&console));
    let (line, console_within) = console_budget(&console);
    println!("{line}");
    ensure!(report.within, "the widget bundle is over its size budget");
    ensure!(console_within, "the console bundle is over its size budget");
    Ok(())
}

/// The console's files' sizes from a `manifest.json` (its `console` object).
fn console_sizes_from_manifest(text: &str) -> Result<Vec<Sizes>> {
    let manifest: serde_json::Value = serde_json::from_str(text).context("manifest.json is not JSON")?;
    let console = &manifest["console"];
    ensure!(console.is_object(), "manifest.json has no console: run `cargo xtask build-widgets` again");
    let text = serde_json::json!({"loader": console["start"], "files": console["files"]}).to_string();
    Ok(sizes_from_manifest(&text)?.1)
}

/// The console's budget line and whether it is kept.
fn console_budget(sizes: &[Sizes]) -> (String, bool) {
    let total = sizes.iter().map(|s| s.brotli).sum::<usize>();
    let within = !sizes.is_empty() && total <= CONSOLE_BROTLI_BUDGET;
    let verdict = if within { "ok" } else { "OVER BUDGET" };
    (format!("console {total} B brotli, budget {CONSOLE_BROTLI_BUDGET} B: {verdict}"), within)
}

/// The loader's name and every file's sizes from a `manifest.json`.
fn sizes_from_manifest(text: &str) -> Result<(String, Vec<Sizes>)> {
    let manifest: serde_json::Value = serde_json::from_str(text).context("manifest.json is not JSON")?;
    let loader = manifest["loader"].as_str().context("manifest.json names no loader")?.to_owned();
    let files = manifest["files"].as_array().context("manifest.json lists no files")?;
    let number = |file: &serde_json::Value, key: &str| -> Result<usize> {
        let n = file[key].as_u64().with_context(|| format!("manifest.json: a file has no {key}"))?;
        Ok(usize::try_from(n)?)
    };
    let sizes = files
        .iter()
        .map(|file| {
            Ok(Sizes {
                name: file["name"].as_str().context("manifest.json: a file has no name")?.to_owned(),
                raw: number(file, "raw")?,
                gzip: number(file, "gzip")?,
                brotli: number(file, "brotli")?,
                sha256: file["sha256"].as_str().unwrap_or_default().to_owned(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((loader, sizes))
}

/// Each budget against the sizes, one line each.
#[derive(Debug)]
struct BudgetReport {
    lines: Vec<String>,
    within: bool,
}

fn budget_report(loader: &str, sizes: &[Sizes]) -> BudgetReport {
    let loader_brotli = sizes.iter().find(|s| s.name == loader).map_or(0, |s| s.brotli);
    let total_brotli = sizes.iter().map(|s| s.brotli).sum::<usize>();
    let mut within = sizes.iter().any(|s| s.name == loader);
    let mut lines = Vec::new();
    for (what, size, budget) in
        [("loader", loader_brotli, LOADER_BROTLI_BUDGET), ("total", total_brotli, TOTAL_BROTLI_BUDGET)]
    {
        let verdict = if size <= budget { "ok" } else { "OVER BUDGET" };
        within &= size <= budget;
        lines.push(format!("{what:<7} {size} B brotli, budget {budget} B: {verdict}"));
    }
    BudgetReport { lines, within }
}

/// Runs wasm-bindgen on the compiled module: the `web` target's glue and
/// the module it goes with.
fn bindgen(compiled: &Path, out_name: &str) -> Result<(String, Vec<u8>)> {
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(compiled)
        .out_name(out_name)
        .typescript(false)
        // The loader always passes the module's hashed URL.
        .omit_default_module_path(true)
        .remove_name_section(std::env::var_os("ADUAN_KEEP_NAMES").is_none())
        .remove_producers_section(true)
        .web(true)?;
    let mut output = bindgen.generate_output().context("wasm-bindgen")?;
    // Snippets and local modules would be more files for the loader to
    // know; none of our dependencies has any yet.
    ensure!(
        output.snippets().values().all(Vec::is_empty) && output.local_modules().is_empty(),
        "the bundle now needs JS snippets (#[wasm_bindgen(inline_js)] or module = …), which build-widgets does not ship yet"
    );
    let glue = output.js().to_owned();
    Ok((glue, output.wasm_mut().emit_wasm()))
}

/// The `wasm-bindgen` version of the widgets, read from `Cargo.lock`, to
/// check it is the one `wasm-bindgen-cli-support` was pinned to.
fn wasm_bindgen_version() -> String {
    let lock = fs::read_to_string(root().join("Cargo.lock")).unwrap_or_default();
    lock.split("[[package]]")
        .find(|p| p.contains("name = \"wasm-bindgen\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_owned())
        .unwrap_or_default()
}

/// The path of npm binaryen's `wasm-opt`, installing the pinned version
/// into `target/tools/binaryen` when it is not there.
fn install_wasm_opt() -> Result<PathBuf> {
    let prefix = target_dir().join("tools/binaryen");
    let package = prefix.join("node_modules/binaryen/package.json");
    let wasm_opt = prefix.join("node_modules/.bin/wasm-opt");
    let installed = fs::read_to_string(&package)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|json| json["version"].as_str().map(str::to_owned));
    if installed.as_deref() == Some(BINARYEN_VERSION) && wasm_opt.exists() {
        return Ok(wasm_opt);
    }
    let npm_works = Command::new("npm").arg("--version").output().is_ok_and(|o| o.status.success());
    if !npm_works {
        bail!(
            "npm is needed to install wasm-opt (npm package binaryen@{BINARYEN_VERSION}) and was not found; \
             install Node.js and npm (Debian: apt-get install -y npm), then run this again"
        );
    }
    println!("installing binaryen@{BINARYEN_VERSION} from npm into {}", prefix.display());
    fs::create_dir_all(&prefix)?;
    run(Command::new("npm")
        .args(["install", "--prefix"])
        .arg(&prefix)
        .args(["--no-audit", "--no-fund", "--save-exact", "--loglevel=error"])
        .arg(format!("binaryen@{BINARYEN_VERSION}")))?;
    ensure!(wasm_opt.exists(), "npm installed binaryen but {} is missing", wasm_opt.display());
    Ok(wasm_opt)
}

/// The first 16 hex digits of the SHA-256 of `parts` in order.
fn short_hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.finalize().iter().take(8).fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The loader with the bundle's names filled in, its `//` comment lines,
/// blank lines and indentation dropped (it has no multi-line strings).
fn loader(template: &str, js_name: &str, wasm_name: &str) -> Result<String> {
    for placeholder in [JS_PLACEHOLDER, WASM_PLACEHOLDER] {
        ensure!(
            template.matches(placeholder).count() == 1,
            "widgets/loader/aduan.js must name {placeholder} exactly once"
        );
    }
    let mut out = String::with_capacity(template.len());
    for line in template.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")) {
        out.push_str(line);
        out.push('\n');
    }
    Ok(out.replace(JS_PLACEHOLDER, js_name).replace(WASM_PLACEHOLDER, wasm_name))
}

/// wasm-bindgen's glue without its comments, indentation and blank lines
/// (a seventh of its brotli size), checked to still parse with `node
/// --check`: the same whole-line rules as the loader's, safe because line
/// breaks stay (no change to automatic semicolons) and refused, keeping the
/// glue as it is, if a template literal spans lines.
fn minify_glue(glue: &str, work: &Path) -> Result<String> {
    let multi_line_template = glue.split('`').skip(1).step_by(2).any(|t| t.contains('\n'));
    if multi_line_template {
        println!("the glue has a multi-line template literal: left as wasm-bindgen wrote it");
        return Ok(glue.to_owned());
    }
    let out = strip_js_comments(glue);
    let check = work.join("glue-check.mjs");
    fs::write(&check, &out)?;
    run(Command::new("node").arg("--check").arg(&check)).context("the minified glue does not parse")?;
    Ok(out)
}

/// Drops whole-line `//` comments, `/** … */` blocks that start a line,
/// indentation and blank lines.
fn strip_js_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for line in js.lines().map(str::trim) {
        if in_block {
            in_block = !line.contains("*/");
            continue;
        }
        if line.starts_with("/**") && !line.starts_with("/**/") {
            in_block = !line.contains("*/");
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// One file's sizes in bytes.
#[derive(Debug)]
struct Sizes {
    name: String,
    raw: usize,
    gzip: usize,
    brotli: usize,
    sha256: String,
}

impl Sizes {
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name, "raw": self.raw, "gzip": self.gzip, "brotli": self.brotli, "sha256": self.sha256,
        })
    }
}

/// Writes `name`, `name.gz` and `name.br` into `dir`.
fn write_with_compressed(dir: &Path, name: &str, bytes: &[u8]) -> Result<Sizes> {
    let gzip = gzip(bytes)?;
    let brotli = brotli(bytes)?;
    fs::write(dir.join(name), bytes)?;
    fs::write(dir.join(format!("{name}.gz")), &gzip)?;
    fs::write(dir.join(format!("{name}.br")), &brotli)?;
    let sha256 = Sha256::digest(bytes).iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    Ok(Sizes { name: name.to_owned(), raw: bytes.len(), gzip: gzip.len(), brotli: brotli.len(), sha256 })
}

/// Gzip at the highest level, with no file name or time in the header, so
/// the same input always gives the same bytes.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// Brotli at quality 11 with a 4 MiB window, as precompression affords.
fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// The sizes as a table with a total line.
fn size_table(sizes: &[Sizes]) -> String {
    let kib = |n: usize| format!("{:.1} KiB", n as f64 / 1024.0);
    let mut out = format!("  {:<28} {:>22} {:>22} {:>22}\n", "file", "raw", "gzip", "brotli");
    let mut row = |name: &str, raw: usize, gzip: usize, brotli: usize| {
        let cell = |n: usize| format!("{n} B ({})", kib(n));
        let _ = writeln!(out, "  {name:<28} {:>22} {:>22} {:>22}", cell(raw), cell(gzip), cell(brotli));
    };
    for s in sizes {
        row(&s.name, s.raw, s.gzip, s.brotli);
    }
    let sum = |f: fn(&Sizes) -> usize| sizes.iter().map(f).sum::<usize>();
    row("total", sum(|s| s.raw), sum(|s| s.gzip), sum(|s| s.brotli));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loader_gets_the_hashed_names_and_loses_its_comments() {
        let template = "/*! banner */\n// a comment\n(function () {\n  // inner comment\n\n  var js = \"__ADUAN_BUNDLE_JS__\";\n  var wasm = \"__ADUAN_BUNDLE_WASM__\"; // trailing stays\n})();\n";
        let out = loader(template, "aduan-1.js", "aduan-1.wasm").unwrap();
        assert_eq!(
            out,
            "/*! banner */\n(function () {\nvar js = \"aduan-1.js\";\nvar wasm = \"aduan-1.wasm\"; // trailing stays\n})();\n"
        );
        assert!(loader("no placeholders", "a", "b").is_err());
        assert!(loader("__ADUAN_BUNDLE_JS__ __ADUAN_BUNDLE_JS__ __ADUAN_BUNDLE_WASM__", "a", "b").is_err());
    }

    #[test]
    fn glue_loses_comments_and_indentation_but_not_code() {
        let js = "/**\n * Doc.\n * @param {number} a\n */\nexport function f(a) {\n    // why\n    const s = \"// not a comment\";\n\n    return a; /* kept */\n}\n/** one line */\nlet x = `a${1}`;\n";
        assert_eq!(
            strip_js_comments(js),
            "export function f(a) {\nconst s = \"// not a comment\";\nreturn a; /* kept */\n}\nlet x = `a${1}`;\n"
        );
    }

    #[test]
    fn the_real_loader_has_each_placeholder_once() {
        let template = fs::read_to_string(root().join("widgets/loader/aduan.js")).unwrap();
        let out = loader(&template, "aduan-0123456789abcdef.js", "aduan-0123456789abcdef.wasm").unwrap();
        assert!(
            out.contains("\"aduan-0123456789abcdef.js\"") && out.contains("\"aduan-0123456789abcdef.wasm\"")
        );
        assert!(out.len() < template.len());
    }

    #[test]
    fn budgets() {
        let sizes = |loader: usize, wasm: usize| {
            let file = |name: &str, brotli| Sizes {
                name: name.into(),
                raw: 0,
                gzip: 0,
                brotli,
                sha256: String::new(),
            };
            vec![file("aduan.js", loader), file("aduan-0.wasm", wasm)]
        };
        let check = |loader: usize, wasm: usize, within: bool| {
            let report = budget_report("aduan.js", &sizes(loader, wasm));
            assert_eq!(report.within, within, "{loader} + {wasm}: {:?}", report.lines);
            assert_eq!(report.lines.len(), 2);
        };
        check(900, 95_000, true);
        check(4_000, 146_000, true);
        check(4_001, 90_000, false);
        check(1_000, 149_001, false);
        assert!(!budget_report("missing.js", &sizes(10, 10)).within, "a manifest without the loader fails");
    }

    #[test]
    fn console_budget_and_start_module() {
        let file =
            |name: &str, brotli| Sizes { name: name.into(), raw: 0, gzip: 0, brotli, sha256: String::new() };
        assert!(console_budget(&[file("console-1.wasm", 200_000), file("console-1.js", 5_000)]).1);
        assert!(!console_budget(&[file("console-1.wasm", CONSOLE_BROTLI_BUDGET + 1)]).1);
        assert!(!console_budget(&[]).1, "a manifest without the console fails");
        let text = r#"{"loader": "aduan.js", "files": [], "console": {"start": "console-start-1.js",
            "files": [{"name": "console-start-1.js", "raw": 90, "gzip": 80, "brotli": 70, "sha256": "ab"}]}}"#;
        assert_eq!(console_sizes_from_manifest(text).unwrap()[0].brotli, 70);
        assert!(console_sizes_from_manifest(r#"{"files": []}"#).is_err());
        assert_eq!(
            console_start("console-1.js", "console-1.wasm"),
            "import init from \"./console-1.js\";\ninit({ module_or_path: new URL(\"./console-1.wasm\", import.meta.url) });\n"
        );
    }

    #[test]
    fn manifest_round_trip() {
        let text = r#"{"loader": "aduan.js", "files": [
            {"name": "aduan.js", "raw": 2490, "gzip": 1022, "brotli": 856, "sha256": "ab"},
            {"name": "aduan-1.wasm", "raw": 255408, "gzip": 109231, "brotli": 91710, "sha256": "cd"}]}"#;
        let (loader, sizes) = sizes_from_manifest(text).unwrap();
        assert_eq!(loader, "aduan.js");
        assert_eq!((sizes[1].name.as_str(), sizes[1].brotli), ("aduan-1.wasm", 91710));
        assert!(sizes_from_manifest(r#"{"loader": "aduan.js", "files": [{"name": "x"}]}"#).is_err());
        assert!(sizes_from_manifest("not json").is_err());
    }

    #[test]
    fn hash_is_short_hex_and_depends_on_every_part() {
        let h = short_hash(&[b"glue", b"wasm"]);
        assert_eq!(h.len(), 16);
        assert!(h.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(h, short_hash(&[b"glue", b"wasn"]));
        assert_ne!(short_hash(&[b"ab", b"c"]), short_hash(&[b"a", b"bc"]));
    }

    #[test]
    fn compressed_copies_decompress_to_the_original() {
        let text = "aduan ".repeat(1000);
        let gz = gzip(text.as_bytes()).unwrap();
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back).unwrap();
        assert_eq!(back, text);
        assert_eq!(gz, gzip(text.as_bytes()).unwrap(), "gzip is deterministic");
        let br = brotli(text.as_bytes()).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        assert!(br.len() < 100 && gz.len() < 100);
    }

    #[test]
    fn the_pinned_wasm_bindgen_is_the_locked_one() {
        // `wasm-bindgen-cli-support` is pinned with `=` in xtask/Cargo.toml;
        // its glue only fits the same `wasm-bindgen` in the bundle.
        let manifest = fs::read_to_string(root().join("xtask/Cargo.toml")).unwrap();
        let pinned = manifest
            .lines()
            .find_map(|l| l.strip_prefix("wasm-bindgen-cli-support = \"="))
            .map(|v| v.trim_end_matches('"'))
            .expect("wasm-bindgen-cli-support is pinned with =");
        assert_eq!(wasm_bindgen_version(), pinned);
        let widgets = fs::read_to_string(root().join("widgets/Cargo.toml")).unwrap();
        assert!(
            widgets.contains(&format!("wasm-bindgen = \"={pinned}\"")),
            "widgets pin wasm-bindgen = {pinned}"
        );
    }
}
