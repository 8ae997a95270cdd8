//! `aduan stats`: response-time statistics per agency and for the province
//! from a complaints file, computed by the core's `StatsByAgency` exactly as
//! the server computes them from its database, and written as a table, CSV,
//! JSON (the API's `StatsView` per agency) or Markdown.
//!
//! The file is read with the shared complaints-file reader
//! ([`crate::transfer`]) for analysis: content columns are optional, and
//! agencies the configuration does not list are accepted (their zone is the
//! default zone). Open and overdue counts, and whether a complaint not yet
//! answered is already late, are measured at `--now` (default: the current
//! time, as the server does); statuses are those of the file's histories.
//!
//! Rows the reader rejects are left out: each is printed on standard error
//! as `file:line:column (column): reason`, then their count, and the command
//! exits with code 3 after writing the result (0 with `--allow-rejected`).
//! A file that cannot be read at all (cannot open, empty, wrong encoding,
//! a required column missing) stops with code 2 and nothing is written.

use std::io::Write;
use std::path::{Path, PathBuf};

use aduan_core::api::v1::StatsView;
use aduan_core::stats::{ByAgency, Period, Stats, StatsBuilder, StatsByAgency, StatsContext};
use aduan_core::{AgencyId, Text, Zone, format};
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::output::{self, Cell, Column, Format, label};
use super::{CliError, Outcome, PeriodArgs, parse_zone};
use crate::config::Config;
use crate::transfer::{self, Encoding, FileFormat, Mapping, ReadOptions, ReadPurpose};

const EXAMPLES: &str = "\
Examples:
  # Every agency and the province for 2025, as a table:
  aduan --config aduan.toml stats complaints.csv --year 2025
  # Month by month for one agency, as Markdown:
  aduan stats complaints.csv --year 2025 --by month --agency dinkes --format markdown
  # A first half-year as CSV, open and overdue counted at a fixed instant:
  aduan stats complaints.csv --period 2025-01-01..2025-06-30 --now 2025-07-01T00:00:00+08:00 --format csv
  # Another system's export, with its column names mapped:
  aduan stats lapor.csv --map received_at='Tanggal Laporan' --mapping lapor.toml --allow-rejected";

/// The code of the row of complaints not (or no longer) disposed to an
/// agency; not a valid agency id, so it never collides with one.
pub const UNASSIGNED: &str = "(koordinator)";
/// The code of the province's row (every complaint).
pub const PROVINCE: &str = "(provinsi)";

/// How to read a complaints file: shared by `aduan stats` and `aduan score`.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// The complaints file's format (default: by its extension, CSV when
    /// it names none).
    #[arg(long, value_parser = parse_file_format, value_name = "csv|json|jsonl")]
    pub input_format: Option<FileFormat>,
    /// The complaints file's text encoding, for old exports (utf-8,
    /// windows-1252, latin1, utf-16). Default: UTF-8.
    #[arg(long, value_parser = parse_encoding, value_name = "ENCODING")]
    pub encoding: Option<Encoding>,
    /// Read our column OURS from the file's column THEIRS (repeatable),
    /// e.g. --map received_at='Tanggal Laporan'.
    #[arg(long = "map", value_name = "OURS=THEIRS")]
    pub map: Vec<String>,
    /// A mapping file (TOML: [columns], [values.<column>], <column>_format).
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// The zone of local times of agencies not in the configuration, and of
    /// the province's figures (default: the configuration's default zone).
    #[arg(long, value_parser = parse_zone, value_name = "ZONE")]
    pub zone: Option<Zone>,
    /// The instant open and overdue counts refer to (RFC 3339). Default:
    /// the current time.
    #[arg(long, value_parser = parse_now, value_name = "INSTANT")]
    pub now: Option<DateTime<Utc>>,
    /// Exit 0 even when rows were rejected (they are still listed on
    /// standard error).
    #[arg(long)]
    pub allow_rejected: bool,
}

fn parse_file_format(s: &str) -> Result<FileFormat, String> {
    FileFormat::parse(s).map_err(|t| t.to_string())
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    Encoding::parse(s).map_err(|t| t.to_string())
}

fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s.trim()).map(|d| d.with_timezone(&Utc)).map_err(|_| {
        Text::new(
            "Tulis waktu dalam RFC 3339 dengan zona, misalnya 2025-12-31T23:59:59+08:00",
            "Write the instant in RFC 3339 with an offset, for example 2025-12-31T23:59:59+08:00",
        )
        .to_string()
    })
}

/// What the rows are grouped by (`--by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum GroupBy {
    /// One row per agency for the whole period.
    #[default]
    Agency,
    /// One row per agency and month.
    Month,
}

/// `aduan stats`: response-time statistics.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The complaints file (CSV, JSON or JSON Lines, as `aduan export`
    /// writes it).
    #[arg(value_name = "COMPLAINTS")]
    pub complaints: PathBuf,
    /// How to read it.
    #[command(flatten)]
    pub input: InputArgs,
    /// The period of receipt.
    #[command(flatten)]
    pub period: PeriodArgs,
    /// One row per agency, or per agency and month (JSON always holds
    /// both: each agency's statistics carry their months).
    #[arg(long, value_enum, default_value_t)]
    pub by: GroupBy,
    /// Only this agency (the province and unassigned rows are left out).
    #[arg(long, value_parser = parse_agency, value_name = "AGENCY")]
    pub agency: Option<AgencyId>,
    /// How to write the statistics.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

fn parse_agency(s: &str) -> Result<AgencyId, String> {
    AgencyId::new(s).map_err(|e| e.message.to_string())
}

/// Per-agency statistics of a file, and whether rows were left out.
#[derive(Debug)]
pub struct Computed {
    /// The statistics.
    pub stats: ByAgency,
    /// [`Outcome::RowsRejected`] when rows were left out.
    pub outcome: Outcome,
}

/// Reads `path` and folds every complaint into per-agency statistics for
/// `period`, with open and overdue counts at `input.now` (else `now`).
/// Rejected rows go to `err`, each with its file, line and column, then
/// their count.
///
/// # Errors
/// Exit code 2: a bad mapping, a file that cannot be read at all, or a
/// complaint of the period whose history reaches outside the holiday
/// calendar (statistics cannot be computed then; named by its line).
pub fn compute(
    path: &Path,
    input: &InputArgs,
    config: &Config,
    period: Period,
    now: DateTime<Utc>,
    err: &mut dyn Write,
) -> Result<Computed, CliError> {
    let mut options = ReadOptions::from_config(config, ReadPurpose::Analysis);
    // An analyst's file may hold agencies this configuration does not
    // list; they are counted (in the default zone) rather than rejected.
    options.known_agencies = None;
    options.format = input.input_format;
    options.encoding = input.encoding.unwrap_or_default();
    if let Some(zone) = input.zone {
        options.default_zone = zone;
    }
    options.mapping = mapping(input)?;
    let default_zone = options.default_zone;
    let mut reader = transfer::open(path, &options).map_err(|e| CliError::input_text(e.to_string()))?;
    let progress = super::progress_bar(reader.total_bytes());
    let now = input.now.unwrap_or(now);
    let ctx = StatsContext { policy: &config.sla, calendar: &config.calendar, period, now };
    let zones = config.agencies.iter().map(|a| (a.id.clone(), a.zone)).collect();
    let mut all = StatsByAgency::new(ctx, zones, default_zone);
    let (mut rejected, mut rows) = (0_u64, 0_u64);
    while let Some(item) = reader.next() {
        rows += 1;
        if rows % 4096 == 0 {
            progress.set_position(reader.bytes_read());
        }
        match item {
            Ok(row) => {
                if let Err(e) = all.push(&row.lifecycle) {
                    let mut message = format!("{}:{}: {}", path.display(), row.line, e.message());
                    message.push_str(&format!(
                        "\n{}",
                        Text::new(
                            "Statistik periode ini tidak dapat dihitung: riwayat pengaduan ini melewati kalender hari kerja; tambahkan tahunnya di bagian [calendar] konfigurasi",
                            "The statistics of this period cannot be computed: this complaint's history goes past the working-day calendar; add its year in the [calendar] section of the configuration",
                        )
                    ));
                    progress.finish_and_clear();
                    return Err(CliError::input_text(message));
                }
            }
            Err(row_error) => {
                rejected += 1;
                progress.suspend(|| writeln!(err, "{row_error}"))?;
            }
        }
    }
    progress.finish_and_clear();
    let outcome = if rejected == 0 {
        Outcome::Done
    } else {
        writeln!(
            err,
            "{}",
            Text::new(
                format!(
                    "{} baris ditolak dan tidak dihitung",
                    format::integer(rejected as i64, aduan_core::Lang::Id)
                ),
                format!(
                    "{} row(s) rejected and left out",
                    format::integer(rejected as i64, aduan_core::Lang::En)
                ),
            )
        )?;
        Outcome::RowsRejected(rejected)
    };
    Ok(Computed { stats: all.finish(), outcome })
}

/// The mapping of `--mapping` then `--map`.
fn mapping(input: &InputArgs) -> Result<Mapping, CliError> {
    let mut mapping = match &input.mapping {
        Some(path) => {
            let text = super::read_text(path)?;
            Mapping::from_toml(&text, path).map_err(|e| CliError::input_text(e.to_string()))?
        }
        None => Mapping::default(),
    };
    for spec in &input.map {
        mapping.add_column(spec).map_err(|e| CliError::input_text(e.to_string()))?;
    }
    Ok(mapping)
}

/// Runs `aduan stats`, writing the statistics to `out` and rejected rows
/// to `err`.
///
/// # Errors
/// As [`compute`]; exit code 1 when `out` fails.
pub fn run(
    args: &Args,
    config: &Config,
    now: DateTime<Utc>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let period = args.period.resolve(config.default_zone.local_date(now))?;
    if let Some(agency) = &args.agency {
        // A mistyped agency would otherwise print an empty report.
        if !config.agencies.is_empty() && config.agency(agency).is_none() {
            return Err(CliError::input(&Text::new(
                format!("--agency: instansi {agency} tidak ada dalam konfigurasi"),
                format!("--agency: agency {agency} is not in the configuration"),
            )));
        }
    }
    let computed = compute(&args.complaints, &args.input, config, period, now, err)?;
    let as_of = args.input.now.unwrap_or(now);
    let rows = rows(&computed.stats, config, period, as_of, args.agency.as_ref());
    write(&rows, config, period, args.by, args.format, out)?;
    Ok(computed.outcome)
}

/// One line of the result: an agency, the unassigned complaints or the
/// province.
#[derive(Debug)]
struct Row {
    code: String,
    name: String,
    stats: Stats,
}

/// The rows: configured agencies in configuration order (with no
/// complaints too), then the file's other agencies by id, then the
/// complaints not disposed to any agency, then the province.
fn rows(
    stats: &ByAgency,
    config: &Config,
    period: Period,
    now: DateTime<Utc>,
    only: Option<&AgencyId>,
) -> Vec<Row> {
    let ctx = StatsContext { policy: &config.sla, calendar: &config.calendar, period, now };
    let mut rows = Vec::new();
    for a in &config.agencies {
        let s = stats.agencies.get(&a.id).cloned().unwrap_or_else(|| StatsBuilder::new(ctx, a.zone).finish());
        rows.push(Row { code: a.id.to_string(), name: a.name.clone(), stats: s });
    }
    for (id, s) in &stats.agencies {
        if config.agency(id).is_none() {
            rows.push(Row { code: id.to_string(), name: id.to_string(), stats: s.clone() });
        }
    }
    if let Some(only) = only {
        rows.retain(|r| r.code == only.as_str());
        return rows;
    }
    rows.push(Row {
        code: UNASSIGNED.into(),
        name: label(&Text::new("Belum didisposisikan", "Not yet disposed")),
        stats: stats.unassigned.clone(),
    });
    rows.push(Row {
        code: PROVINCE.into(),
        name: label(&Text::new("Provinsi (semua)", "Province (all)")),
        stats: stats.province.clone(),
    });
    rows
}

/// What `--format json` writes: the API's statistics per row.
#[derive(Debug, Serialize)]
struct StatsFile {
    period: Period,
    agencies: Vec<AgencyStats>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unassigned: Option<StatsView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    province: Option<StatsView>,
}

#[derive(Debug, Serialize)]
struct AgencyStats {
    agency: String,
    name: String,
    stats: StatsView,
}

/// The columns of one grouping; `human` folds each distribution's
/// median, mean and 90th percentile into one cell, so the table fits a
/// terminal, where CSV keeps a column for each.
fn columns(by: GroupBy, human: bool) -> Vec<Column> {
    let mut columns = vec![
        Column::text("agency", Text::new("Kode", "Code")),
        Column::text("name", Text::new("Instansi", "Agency")),
    ];
    if by == GroupBy::Month {
        columns.push(Column::text("month", Text::new("Bulan", "Month")));
    }
    columns.push(Column::number("received", Text::new("Diterima", "Received")));
    columns.push(Column::number("answered", Text::new("Ditanggapi", "Answered")));
    if human {
        columns.push(Column::number("days", Text::new("Hari", "Days")));
        columns.push(Column::number("working_days", Text::new("Hari kerja", "Working days")));
    } else {
        for (key, id, en) in [
            ("median_days", "Median (hari)", "Median (days)"),
            ("mean_days", "Rata-rata (hari)", "Mean (days)"),
            ("p90_days", "P90 (hari)", "P90 (days)"),
            ("median_working_days", "Median (hari kerja)", "Median (working days)"),
            ("mean_working_days", "Rata-rata (hari kerja)", "Mean (working days)"),
            ("p90_working_days", "P90 (hari kerja)", "P90 (working days)"),
        ] {
            columns.push(Column::number(key, Text::new(id, en)));
        }
    }
    columns.push(Column::number("within_standard", Text::new("Sesuai standar", "Within standard")));
    if by == GroupBy::Agency {
        columns.push(Column::number("follow_up_rate", Text::new("Tindak lanjut", "Followed up")));
        columns.push(Column::number("open", Text::new("Terbuka", "Open")));
        columns.push(Column::number("overdue", Text::new("Terlambat", "Overdue")));
    }
    columns
}

fn durations_cells(row: &mut Vec<Cell>, response: Option<&aduan_core::stats::ResponseTimes>, human: bool) {
    for d in [response.map(|r| r.days), response.map(|r| r.working_days)] {
        if human {
            row.push(d.map_or(Cell::Empty, |d| {
                let n = |x: f64| format::decimal(x, 1, aduan_core::Lang::Id);
                Cell::Text(format!("{} · {} · {}", n(d.median), n(d.mean), n(d.p90)))
            }));
        } else {
            for value in [d.map(|d| d.median), d.map(|d| d.mean), d.map(|d| d.p90)] {
                row.push(Cell::number(value, 1));
            }
        }
    }
}

fn write(
    rows: &[Row],
    config: &Config,
    period: Period,
    by: GroupBy,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if format == Format::Json {
        let view = |s: &Stats| StatsView::new(s, &config.sla);
        let mut file = StatsFile { period, agencies: Vec::new(), unassigned: None, province: None };
        for r in rows {
            match r.code.as_str() {
                UNASSIGNED => file.unassigned = Some(view(&r.stats)),
                PROVINCE => file.province = Some(view(&r.stats)),
                _ => file.agencies.push(AgencyStats {
                    agency: r.code.clone(),
                    name: r.name.clone(),
                    stats: view(&r.stats),
                }),
            }
        }
        return output::write_json(&file, out);
    }
    let human = format != Format::Csv;
    let columns = columns(by, human);
    let mut table = Vec::new();
    for r in rows {
        let head = || vec![Cell::Text(r.code.clone()), Cell::Text(r.name.clone())];
        match by {
            GroupBy::Agency => {
                let s = &r.stats;
                let mut row = head();
                row.push(Cell::Int(i64::from(s.total)));
                row.push(Cell::Int(s.response.map_or(0, |x| i64::from(x.days.count))));
                durations_cells(&mut row, s.response.as_ref(), human);
                row.push(Cell::share(s.within_standard.share()));
                row.push(Cell::share(s.follow_up.share()));
                row.push(Cell::Int(i64::from(s.open)));
                row.push(Cell::Int(i64::from(s.overdue)));
                table.push(row);
            }
            GroupBy::Month => {
                for m in &r.stats.monthly {
                    let mut row = head();
                    row.push(Cell::Text(format!("{}-{:02}", m.year, m.month)));
                    row.push(Cell::Int(i64::from(m.received)));
                    row.push(Cell::Int(m.response.map_or(0, |x| i64::from(x.days.count))));
                    durations_cells(&mut row, m.response.as_ref(), human);
                    row.push(Cell::share(m.within_standard.share()));
                    table.push(row);
                }
            }
        }
    }
    if !human {
        return output::csv(&columns, &table, out);
    }
    let md = format == Format::Markdown;
    let standard = config.sla.response_standard.get();
    writeln!(
        out,
        "{}Statistik pengaduan / Complaint statistics, {}..{}",
        if md { "## " } else { "" },
        period.from,
        period.to
    )?;
    writeln!(out)?;
    if md {
        write!(out, "{}", output::markdown(&columns, &table))?;
    } else {
        writeln!(out, "{}", output::table(&columns, &table))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Waktu tanggapan dari diterima sampai tanggapan pertama, dalam hari dan hari kerja: median · rata-rata · persentil ke-90. Standar: {standard} hari kerja. (koordinator): belum didisposisikan ke instansi; (provinsi): semua pengaduan."
    )?;
    writeln!(
        out,
        "Response time from receipt to the first response, in days and working days: median · mean · 90th percentile. Standard: {standard} working days. (koordinator): not yet disposed to an agency; (provinsi): every complaint."
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_needs_an_offset() {
        assert_eq!(parse_now("2025-07-01T00:00:00+08:00").unwrap().to_rfc3339(), "2025-06-30T16:00:00+00:00");
        assert!(parse_now("2025-07-01 00:00").unwrap_err().contains("RFC 3339"));
    }

    #[test]
    fn groupings_and_formats_parse() {
        use clap::ValueEnum;
        assert_eq!(GroupBy::from_str("month", false), Ok(GroupBy::Month));
        assert!(parse_file_format("xlsx").unwrap_err().contains("csv, json"));
        assert!(parse_encoding("ebcdic").is_err());
    }
}
