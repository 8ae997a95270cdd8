//! `aduan import`: loads a complaints file (see [`crate::transfer`]) into
//! the database, all or nothing.
//!
//! Rows are read as a stream and checked through the core one at a time
//! (content validation, the lifecycle fold, the ticket's check character),
//! their read models derived exactly as the server derives them, and sent
//! in batches to [`Store::import`], which inserts them into ONE
//! transaction. The transaction is committed only if every row was valid
//! and no ticket was already stored; otherwise it is rolled back, every
//! rejected row is printed (`file:line:column (column): reason`, in
//! Indonesian and English) and the command exits with status 1.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aduan_core::{Text, TicketNumber, Zone};
use anyhow::Context;
use tokio::sync::mpsc;

use crate::config::Config;
use crate::serve::{AsyncStoreFn, with_store};
use crate::store::{ImportBatch, ImportOutcome, ImportedComplaint, Store, sha256_hex};
use crate::transfer::{
    Column, ComplaintReader, Encoding, Field, FileFormat, Mapping, ReadOptions, ReadPurpose, Rejection,
};

/// Rows per batch sent to the store.
const BATCH: usize = 1_000;

/// `aduan import FILE`.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "\
Contoh / Examples:
  aduan --config aduan.toml import pengaduan.csv
  aduan import pengaduan.csv --dry-run --report laporan-impor.csv
  aduan import lapor.csv --mapping lapor.toml
  aduan import lama.csv --encoding windows-1252 --map received_at=\"Tanggal Laporan\"

Columns, mapping files and encodings: see README.md, \"Import and export\".
Exit status: 0 imported, 1 nothing imported (rejected rows or a file error).")]
pub struct ImportArgs {
    /// The complaints file: CSV, JSON (an array) or JSON Lines.
    pub file: PathBuf,
    /// Reads our column OURS from their column THEIRS (repeatable), e.g.
    /// `--map received_at="Tanggal Laporan"`.
    #[arg(long = "map", value_name = "OURS=THEIRS")]
    pub map: Vec<String>,
    /// A TOML mapping file for another system's export: `[columns]`,
    /// `[values.<column>]`, `<column>_format`.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// The format when the extension does not say: csv, json or jsonl.
    #[arg(long, value_parser = parse_format)]
    pub format: Option<FileFormat>,
    /// The text encoding of an old export: utf-8 (default), windows-1252,
    /// latin1 or utf-16 (a UTF-16 byte order mark is always recognised).
    #[arg(long, value_parser = parse_encoding, default_value = "utf-8")]
    pub encoding: Encoding,
    /// The zone of local times (`2025-03-03 10:00`) of agencies the
    /// configuration gives no zone for, e.g. WIB, WITA, WIT or +08:00
    /// (default: the configuration's `default_zone`).
    #[arg(long, value_parser = parse_zone)]
    pub zone: Option<Zone>,
    /// Checks everything, the stored tickets included, and stores nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Writes a CSV report: each rejected row with its reason, or, after a
    /// successful import, each row's line and ticket (drawn ones included).
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

fn parse_format(s: &str) -> Result<FileFormat, String> {
    FileFormat::parse(s).map_err(|t| t.to_string())
}

fn parse_zone(s: &str) -> Result<Zone, String> {
    Zone::parse(s).map_err(|e| e.message.to_string())
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    Encoding::parse(s).map_err(|t| t.to_string())
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Rows read from the file.
    pub read: u64,
    /// Rows stored (0 unless committed).
    pub imported: u64,
    /// Rejections, in file order.
    pub rejections: Vec<Rejection>,
    /// Rows with at least one rejection.
    pub rejected_rows: u64,
    /// (line, ticket) of every stored row, when committed.
    pub tickets: Vec<(u64, TicketNumber)>,
    /// Whether it was a dry run.
    pub dry_run: bool,
    /// How long it took.
    pub elapsed: Duration,
}

impl ImportSummary {
    /// Rows per second.
    #[must_use]
    pub fn rows_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 { self.read as f64 / secs } else { 0.0 }
    }
}

/// Runs `aduan import` and prints its report: rejections on standard
/// error, the summary on standard output.
///
/// # Errors
/// A file, mapping or database error, or rejected rows (then nothing was
/// stored).
pub async fn run(config: Config, args: ImportArgs) -> anyhow::Result<()> {
    let summary = import(config, args.clone()).await?;
    #[allow(clippy::print_stderr, clippy::print_stdout)]
    {
        for r in &summary.rejections {
            eprintln!("{r}");
        }
        let secs = summary.elapsed.as_secs_f64();
        println!(
            "{}: {} baris dibaca / rows read, {} diimpor / imported, {} ditolak / rejected, {secs:.2} s, {:.0} baris/detik / rows/s",
            args.file.display(),
            summary.read,
            summary.imported,
            summary.rejected_rows,
            summary.rows_per_second()
        );
    }
    if let Some(path) = &args.report {
        write_report(path, &args.file, &summary)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if summary.read == 0 {
        anyhow::bail!(
            "{}: {}",
            args.file.display(),
            Text::new(
                "berkas tidak berisi baris data; tidak ada yang diimpor",
                "the file has no rows; nothing imported"
            )
        );
    }
    if summary.rejected_rows > 0 {
        anyhow::bail!(
            "{}",
            Text::new(
                format!(
                    "{} baris ditolak; tidak ada yang diimpor (semua atau tidak sama sekali)",
                    summary.rejected_rows
                ),
                format!("{} rows rejected; nothing imported (all or nothing)", summary.rejected_rows),
            )
        );
    }
    Ok(())
}

/// Imports a file as `aduan import` does, without printing.
///
/// # Errors
/// A file, mapping or database error. Rejected rows are not an error here:
/// they are in the summary (and nothing was stored).
pub async fn import(config: Config, args: ImportArgs) -> anyhow::Result<ImportSummary> {
    let job = prepare(config, &args)?;
    let config = job.config.clone();
    with_store(&config, job).await
}

/// Opens the file (checking its encoding and header) before the database.
fn prepare(config: Config, args: &ImportArgs) -> anyhow::Result<Import> {
    let mut options = ReadOptions::from_config(&config, ReadPurpose::Import);
    options.format = args.format;
    options.encoding = args.encoding;
    options.mapping = mapping(args)?;
    if let Some(zone) = args.zone {
        options.default_zone = zone;
    }
    let reader = crate::transfer::open(&args.file, &options)?;
    Ok(Import { config, reader, dry_run: args.dry_run, report: args.report.is_some() })
}

/// The mapping of `--mapping` and `--map` (the latter winning).
fn mapping(args: &ImportArgs) -> anyhow::Result<Mapping> {
    let mut mapping = match &args.mapping {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the mapping file {}", path.display()))?;
            Mapping::from_toml(&text, path)?
        }
        None => Mapping::default(),
    };
    for spec in &args.map {
        mapping.add_column(spec)?;
    }
    Ok(mapping)
}

struct Import {
    config: Config,
    reader: ComplaintReader,
    dry_run: bool,
    report: bool,
}

/// What the reading thread found.
#[derive(Default)]
struct Read {
    rows: u64,
    rejected_rows: u64,
    rejections: Vec<Rejection>,
    given: Vec<(u64, TicketNumber)>,
}

impl AsyncStoreFn<ImportSummary> for Import {
    async fn call<S: Store>(self, store: S) -> anyhow::Result<ImportSummary> {
        let started = Instant::now();
        let Self { config, reader, dry_run, report } = self;
        let file = reader.path().to_owned();
        let ticket_column = reader.column(Field::Ticket);
        let (sender, receiver) = mpsc::channel(4);
        // Reading, checking and deriving run on a thread of their own while
        // the store inserts the previous batch.
        let reading = tokio::task::spawn_blocking(move || read(&config, reader, &sender, dry_run, report));
        let outcome = store.import(receiver).await;
        let read = reading.await.context("the reading thread failed")??;
        let ImportOutcome { committed, stored, drawn, existing } = outcome?;
        let mut rejections = read.rejections;
        for (line, ticket) in &existing {
            rejections.push(Rejection {
                file: file.clone(),
                line: *line,
                column: Some(ticket_column.clone()),
                code: "row.ticket_exists",
                message: Text::new(
                    format!("Tiket {ticket} sudah tersimpan di basis data; data tersimpan tidak ditimpa"),
                    format!(
                        "Ticket {ticket} is already stored in the database; stored data is never overwritten"
                    ),
                ),
            });
        }
        rejections.sort_by_key(|r| r.line);
        let mut tickets = Vec::new();
        if committed && report {
            tickets = read.given;
            tickets.extend(drawn);
            tickets.sort_unstable_by_key(|(line, _)| *line);
        }
        Ok(ImportSummary {
            read: read.rows,
            imported: if committed { stored } else { 0 },
            rejected_rows: read.rejected_rows + existing.len() as u64,
            rejections,
            tickets,
            dry_run,
            elapsed: started.elapsed(),
        })
    }
}

/// Reads every row, sending the valid ones in batches until the first
/// rejection; asks the store to commit only if there was none.
fn read(
    config: &Config,
    mut reader: ComplaintReader,
    sender: &mpsc::Sender<ImportBatch>,
    dry_run: bool,
    report: bool,
) -> anyhow::Result<Read> {
    let progress = super::progress_bar(reader.total_bytes());
    let now = chrono::Utc::now();
    let mut found = Read::default();
    let mut batch = Vec::with_capacity(BATCH);
    // The store stops listening after an error of its own; the rows are
    // still read so every rejection is reported.
    let mut store_listening = true;
    let mut send = |batch: ImportBatch| {
        if store_listening && sender.blocking_send(batch).is_err() {
            store_listening = false;
        }
    };
    let file = reader.path().to_owned();
    while let Some(row) = reader.next() {
        found.rows += 1;
        if found.rows % 4096 == 0 {
            progress.set_position(reader.bytes_read());
        }
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                found.rejected_rows += 1;
                found.rejections.extend(error.rejections);
                continue;
            }
        };
        let line = row.line;
        // A history cannot have happened after the import runs.
        if row.lifecycle.last_event_at() > now {
            found.rejected_rows += 1;
            found.rejections.push(Rejection {
                file: file.clone(),
                line,
                column: None,
                code: "row.in_future",
                message: Text::new(
                    format!(
                        "Riwayat berakhir pada {}, setelah saat impor ini",
                        row.lifecycle.last_event_at().to_rfc3339()
                    ),
                    format!(
                        "The history ends at {}, after this import runs",
                        row.lifecycle.last_event_at().to_rfc3339()
                    ),
                ),
            });
            continue;
        }
        let derived = match crate::derive::measure(config, row.lifecycle, now) {
            Ok(d) => d,
            Err(e) => {
                found.rejected_rows += 1;
                found.rejections.push(Rejection {
                    file: file.clone(),
                    line,
                    column: None,
                    code: "row.calendar",
                    message: Text::new(
                        format!("Tenggat tidak dapat dihitung: {e:#}"),
                        format!("The deadlines cannot be computed: {e:#}"),
                    ),
                });
                continue;
            }
        };
        let Some(complaint) = row.complaint else {
            anyhow::bail!("line {line}: an import row without content (a bug in the reader)");
        };
        if !found.rejections.is_empty() {
            // Nothing will be stored: stop sending, keep checking.
            continue;
        }
        if report && let Some(t) = row.ticket {
            found.given.push((line, t));
        }
        batch.push(ImportedComplaint {
            line,
            ticket: row.ticket,
            secret_hash: row.secret_sha256.unwrap_or_else(unusable_secret_hash),
            complaint,
            events: row.events,
            read_model: crate::derive::read_model(&derived),
        });
        if batch.len() == BATCH {
            send(ImportBatch::Rows(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))));
        }
    }
    progress.finish_and_clear();
    if found.rejections.is_empty() {
        if !batch.is_empty() {
            send(ImportBatch::Rows(batch));
        }
        if !dry_run && found.rows > 0 {
            send(ImportBatch::Commit);
        }
    }
    // Dropping the sender without `Commit` rolls the transaction back.
    Ok(found)
}

/// The hash of a secret nobody knows: 32 random bytes, hashed. Reporters of
/// complaints imported without `access_secret_sha256` act through officers.
fn unusable_secret_hash() -> String {
    let mut bytes = [0_u8; 32];
    // Without randomness the hash of the fixed text below is stored; its
    // preimage is not an access secret in the core's format, so it still
    // matches no secret anyone can present.
    if getrandom::fill(&mut bytes).is_err() {
        return sha256_hex("imported without an access secret");
    }
    sha256_hex(&hex::encode(bytes))
}

/// Writes `--report`: one line per rejection, or per stored row.
fn write_report(path: &Path, file: &Path, summary: &ImportSummary) -> anyhow::Result<()> {
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_path(path)?;
    out.write_record([
        "file",
        "line",
        "column",
        "column_name",
        "result",
        "ticket",
        "code",
        "message_id",
        "message_en",
    ])?;
    let file = file.display().to_string();
    for r in &summary.rejections {
        let (index, name) = match &r.column {
            Some(Column { index, name }) => (index.map(|i| i.to_string()).unwrap_or_default(), name.clone()),
            None => (String::new(), String::new()),
        };
        out.write_record([
            &file,
            &r.line.to_string(),
            &index,
            &name,
            "rejected",
            "",
            r.code,
            &crate::transfer::guard(&r.message.id),
            &crate::transfer::guard(&r.message.en),
        ])?;
    }
    let result = if summary.dry_run { "checked" } else { "imported" };
    for (line, ticket) in &summary.tickets {
        out.write_record([&file, &line.to_string(), "", "", result, ticket.as_str(), "", "", ""])?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unusable_secret_hash_is_a_fresh_sha256() {
        let (a, b) = (unusable_secret_hash(), unusable_secret_hash());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }

    #[test]
    fn the_mapping_file_comes_first_and_map_overrides_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        std::fs::write(&path, "[columns]\nreceived_at = \"Tanggal\"\nkind = \"Jenis\"\n").unwrap();
        let args = ImportArgs {
            file: "x.csv".into(),
            map: vec!["kind=Kategori".into()],
            mapping: Some(path),
            format: None,
            encoding: Encoding::Utf8,
            zone: None,
            dry_run: false,
            report: None,
        };
        let m = mapping(&args).unwrap();
        assert_eq!(m.header(Field::ReceivedAt), "Tanggal");
        assert_eq!(m.header(Field::Kind), "Kategori");
    }
}
