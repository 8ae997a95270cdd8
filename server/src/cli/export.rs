//! `aduan export`: writes stored complaints with their histories as a
//! complaints file (see [`crate::transfer`]) that `aduan import` reads back
//! exactly.
//!
//! The file holds officer-level personal data (reporters' names, contacts,
//! map points, access-code hashes): on Unix it is created readable by its
//! owner only (mode 0600).

use std::fs::OpenOptions;
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use aduan_core::AgencyId;
use anyhow::Context;
use chrono::NaiveDate;

use crate::config::Config;
use crate::serve::{AsyncStoreFn, with_store};
use crate::store::{ExportFilter, Store};
use crate::transfer::{FileFormat, WriteError, Writer};

/// `aduan export`.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "\
Contoh / Examples:
  aduan --config aduan.toml export --output pengaduan.csv
  aduan export --agency dinkes --from 2025-01-01 --to 2025-12-31 --output dinkes-2025.csv
  aduan export --format jsonl --output - | gzip > pengaduan.jsonl.gz

The file holds personal data (names, contacts, map points): keep it safe; it is
created readable by its owner only. Columns: see README.md, \"Import and export\".")]
pub struct ExportArgs {
    /// Where to write: a file, or `-` for standard output (the default).
    #[arg(long, short, value_name = "FILE|-", default_value = "-")]
    pub output: PathBuf,
    /// csv (default; UTF-8 with BOM and CRLF, for spreadsheets), json or
    /// jsonl; without it the output file's extension decides.
    #[arg(long, value_parser = parse_format)]
    pub format: Option<FileFormat>,
    /// Only complaints addressed or assigned to this agency.
    #[arg(long, value_name = "ID")]
    pub agency: Option<String>,
    /// Only complaints received on or after this date (YYYY-MM-DD, in the
    /// agency's zone, else the default zone).
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Only complaints received on or before this date (inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
}

fn parse_format(s: &str) -> Result<FileFormat, String> {
    FileFormat::parse(s).map_err(|t| t.to_string())
}

/// Runs `aduan export`; reports the count on standard error.
///
/// # Errors
/// A bad filter, the output or the database failing, or a stored history
/// the core refuses.
pub async fn run(config: Config, args: ExportArgs) -> anyhow::Result<()> {
    let n = export(config, args).await?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{n} pengaduan diekspor / complaints exported");
    }
    Ok(())
}

/// Exports as `aduan export` does; gives the number of complaints written.
///
/// # Errors
/// As [`run`].
pub async fn export(config: Config, args: ExportArgs) -> anyhow::Result<u64> {
    let job = prepare(&config, &args)?;
    with_store(&config, job).await
}

/// The filter and the writer of an export, checked before the database is
/// opened.
fn prepare(config: &Config, args: &ExportArgs) -> anyhow::Result<Export<BufWriter<Box<dyn Write + Send>>>> {
    let agency = args
        .agency
        .as_deref()
        .map(|a| AgencyId::new(a).map_err(|e| anyhow::anyhow!("--agency: {}", e.message)))
        .transpose()?;
    let zone = agency.as_ref().map_or(config.default_zone, |a| config.zone_of(a));
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        anyhow::bail!("--from {from} is after --to {to}");
    }
    let day_start = |d: NaiveDate| zone.checked_start_of(d).with_context(|| format!("date {d} out of range"));
    let filter = ExportFilter {
        agency,
        from: args.from.map(day_start).transpose()?,
        until: args.to.and_then(|d| d.succ_opt()).map(day_start).transpose()?,
    };
    let stdout = args.output.as_os_str() == "-";
    let format = args
        .format
        .or_else(|| if stdout { None } else { FileFormat::from_path(&args.output) })
        .unwrap_or(FileFormat::Csv);
    let out: Box<dyn Write + Send> =
        if stdout { Box::new(std::io::stdout()) } else { Box::new(create_private(&args.output)?) };
    let zones = config.agencies.iter().map(|a| (a.id.clone(), a.zone)).collect();
    let writer = Writer::new(BufWriter::with_capacity(1 << 16, out), format, zones, config.default_zone)?;
    Ok(Export { filter, writer })
}

/// Creates (or truncates) a file readable and writable by its owner only.
fn create_private(path: &Path) -> anyhow::Result<std::fs::File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path).with_context(|| format!("cannot create {}", path.display()))?;
        // An existing file keeps its mode on open: tighten it too.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("cannot restrict {}", path.display()))?;
        Ok(file)
    }
    #[cfg(not(unix))]
    {
        options.open(path).with_context(|| format!("cannot create {}", path.display()))
    }
}

struct Export<W: Write + Send> {
    filter: ExportFilter,
    writer: Writer<W>,
}

impl<W: Write + Send + 'static> AsyncStoreFn<u64> for Export<W> {
    async fn call<S: Store>(self, store: S) -> anyhow::Result<u64> {
        let Self { filter, writer } = self;
        // The callback owns what it writes to (the store's future must not
        // hold borrows of this one), and hands it back through the mutex.
        let sink: Arc<Mutex<(Writer<W>, Option<WriteError>)>> = Arc::new(Mutex::new((writer, None)));
        let feeding = Arc::clone(&sink);
        store
            .export_each(filter, move |record| {
                let Ok(mut guard) = feeding.lock() else { return ControlFlow::Break(()) };
                let (writer, failed) = &mut *guard;
                match writer.write(&record) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(e) => {
                        *failed = Some(e);
                        ControlFlow::Break(())
                    }
                }
            })
            .await?;
        let (writer, failed) = Arc::into_inner(sink)
            .context("the export callback outlived the export")?
            .into_inner()
            .map_err(|_| anyhow::anyhow!("a write panicked"))?;
        if let Some(e) = failed {
            return Err(e.into());
        }
        let rows = writer.rows();
        writer.finish()?.flush()?;
        Ok(rows)
    }
}
