//! `aduan score`: an award's leaderboard from a complaints file (through
//! the core's statistics) or from a sheet of externally supplied metrics
//! such as jury scores, scored by the core's award engine and written as a
//! table, CSV, JSON (the API's `LeaderboardView`) or Markdown; `--explain`
//! shows how one entrant's score was computed.
//!
//! # Metrics sheets (`--metrics`)
//!
//! CSV (UTF-8, optional BOM, header row, RFC 4180), a JSON array of objects
//! or JSON Lines (by extension: `.csv`, `.json`, `.jsonl`/`.ndjson`;
//! otherwise a file starting with `[` is JSON, with `{` JSON Lines, else
//! CSV). Columns:
//! - `entrant` (required): the agency id, a slug such as `dinkes`;
//! - `name`, `category`: the display name and award category; either may
//!   be left out (or empty) for an agency in the configuration, which
//!   supplies it;
//! - every other column is a metric the award may read (for jury awards,
//!   one per criterion): a number (`85`, `85.5`; a single decimal comma
//!   `85,5` as Indonesian spreadsheets write it is read too); an empty cell
//!   (or JSON `null`) means the entrant has no value for it.
//!
//! A CSV cell that a spreadsheet export guarded with a leading apostrophe
//! (`'=…`, `'-…`) is read without it, as the complaints file is.
//!
//! A sheet with any bad row is refused as a whole (exit code 2) with every
//! problem listed as `file:line:column (column name): reason`: a leaderboard
//! computed from part of a jury's sheet would be wrong.
//!
//! # Complaints files
//!
//! Read with the shared complaints-file reader for analysis (content
//! columns optional), folded into per-agency statistics for the period
//! (see `aduan stats`), and turned into the complaint-handling metrics.
//! Entrants are the configured agencies (with their names and categories;
//! an agency without complaints is listed as not ranked, as on the
//! server's leaderboard) plus every agency of the file that the
//! configuration does not know, which competes under its id in the
//! category `tanpa-kategori` (so a file from another system can be scored
//! without a configuration); those agencies are named on standard error.
//!
//! # The award
//!
//! `--award-file` (TOML or JSON, the core's `AwardDefinition` as in the
//! `[[awards]]` section of the configuration), or `--award ID` from the
//! configuration, or `--award jury` with a metrics sheet (the core's jury
//! preset over every metric column with equal weights); by default the
//! complaint-handling award (`pengelola-pengaduan`) as configured, else the
//! core's preset.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use aduan_core::api::v1::{
    CategoryView, CriterionView, LeaderboardView, MonthPoint, RankedView, UnrankedView,
};
use aduan_core::award::{self, AwardDefinition, Entrant, OnMissing};
use aduan_core::stats::{Period, StatsBuilder, StatsContext};
use aduan_core::{AgencyId, CategoryId, Lang, Text, format};
use serde::Serialize;

use super::output::{self, Cell, Column, Format, label};
use super::{CliError, Outcome, PeriodArgs, line_column, read_text};
use crate::config::Config;

const EXAMPLES: &str = "\
Examples:
  # The complaint-handling award for 2025 from an export of complaints:
  aduan --config aduan.toml score complaints.csv --year 2025
  # A jury's sheet (entrant,name,category,konten,interaksi) scored with an award file:
  aduan score --metrics jury.csv --award-file ampk.toml --format markdown
  # The same sheet with equal weights for every metric column:
  aduan score --metrics jury.csv --award jury
  # How one entrant's score was computed:
  aduan score --metrics jury.csv --award-file ampk.toml --explain dinkes
  # CSV for a spreadsheet, JSON as the API answers:
  aduan score complaints.csv --period 2025-01-01..2025-06-30 --format csv > skor.csv";

/// The category of agencies found in a complaints file that the
/// configuration does not list.
pub const UNKNOWN_CATEGORY: &str = "tanpa-kategori";

/// `aduan score`: an award leaderboard.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// A complaints file (CSV, JSON or JSON Lines, as `aduan export`
    /// writes it) to compute the complaint-handling metrics from.
    #[arg(value_name = "COMPLAINTS", required_unless_present = "metrics", conflicts_with = "metrics")]
    pub complaints: Option<PathBuf>,
    /// How to read the complaints file.
    #[command(flatten)]
    pub input: super::stats::InputArgs,
    /// A sheet of metrics per entrant instead (columns
    /// entrant,name,category,<metric>…), e.g. jury scores.
    #[arg(long, value_name = "FILE")]
    pub metrics: Option<PathBuf>,
    /// The award from the configuration to score (`jury`: equal weights
    /// over the metric columns of --metrics). Default: pengelola-pengaduan.
    #[arg(long, value_name = "ID", conflicts_with = "award_file")]
    pub award: Option<String>,
    /// An award definition file (TOML or JSON, as in [[awards]] of the
    /// configuration).
    #[arg(long, value_name = "FILE")]
    pub award_file: Option<PathBuf>,
    /// The period judged.
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Only this category.
    #[arg(long, value_parser = parse_category, value_name = "CATEGORY")]
    pub category: Option<CategoryId>,
    /// How to write the leaderboard.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Explain how this entrant's (agency id's) score was computed instead.
    #[arg(long, value_name = "AGENCY")]
    pub explain: Option<String>,
}

fn parse_category(s: &str) -> Result<CategoryId, String> {
    CategoryId::new(s).map_err(|e| e.message.to_string())
}

/// Runs `aduan score`, writing the leaderboard (or the explanation) to
/// `out` and any rejected complaint rows to `err`.
///
/// # Errors
/// [`CliError`] with exit code 2 for a file that cannot be used, a bad
/// award definition or an unknown `--explain` entrant; 1 when `out` fails.
pub fn run(
    args: &Args,
    config: &Config,
    now: chrono::DateTime<chrono::Utc>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let period = args.period.resolve(config.default_zone.local_date(now))?;
    let mut monthly: BTreeMap<AgencyId, Vec<MonthPoint>> = BTreeMap::new();
    let (mut entrants, definition, outcome) = match (&args.metrics, &args.complaints) {
        (Some(path), _) => {
            let sheet = read_metrics(path, config)?;
            let definition = resolve_award(args, config, Some(&sheet.columns))?;
            check_columns(&definition, path, &sheet.columns)?;
            (sheet.entrants, definition, Outcome::Done)
        }
        (None, Some(path)) => {
            // The award first: a wrong definition should not wait for a
            // long file to be read.
            let definition = resolve_award(args, config, None)?;
            let read = super::stats::compute(path, &args.input, config, period, now, err)?;
            let entrants = complaint_entrants(&read.stats, config, err)?;
            // Each entrant's month-by-month series, as the server's
            // leaderboard carries it (empty months for an agency without
            // complaints).
            let as_of = args.input.now.unwrap_or(now);
            let ctx = StatsContext { policy: &config.sla, calendar: &config.calendar, period, now: as_of };
            for e in &entrants {
                let series = match read.stats.agencies.get(&e.id) {
                    Some(s) => MonthPoint::series(s),
                    None => MonthPoint::series(&StatsBuilder::new(ctx, config.zone_of(&e.id)).finish()),
                };
                monthly.insert(e.id.clone(), series);
            }
            (entrants, definition, read.outcome)
        }
        (None, None) => {
            return Err(CliError::input(&Text::new(
                "Berikan berkas pengaduan atau --metrics",
                "Give a complaints file or --metrics",
            )));
        }
    };
    if let Some(category) = &args.category {
        entrants.retain(|e| &e.category == category);
    }
    let board = award::score(&definition, &entrants).map_err(|e| CliError::input(&e.message()))?;
    let view = LeaderboardView::new(&definition, &board, period)
        .with_monthly(|agency| monthly.remove(agency).unwrap_or_default());
    match &args.explain {
        Some(who) => explain(&view, who, args.format, out)?,
        None => write_board(&view, args.format, out)?,
    }
    Ok(outcome)
}

/// The award to score: from `--award-file`, `--award` or the default.
fn resolve_award(
    args: &Args,
    config: &Config,
    metric_columns: Option<&BTreeSet<String>>,
) -> Result<AwardDefinition, CliError> {
    if let Some(path) = &args.award_file {
        return read_award(path);
    }
    let wanted = args.award.as_deref().unwrap_or("pengelola-pengaduan");
    if let Some(def) = config.awards.iter().find(|a| a.id == wanted) {
        return Ok(def.clone());
    }
    match (wanted, metric_columns) {
        ("pengelola-pengaduan", _) => Ok(award::complaint_handling()),
        ("jury", Some(columns)) if !columns.is_empty() => {
            let weight = 100.0 / columns.len() as f64;
            let criteria: Vec<(&str, Text, f64)> =
                columns.iter().map(|c| (c.as_str(), Text::new(c.as_str(), c.as_str()), weight)).collect();
            award::jury_scores("jury", Text::new("Penilaian juri", "Jury scores"), &criteria)
                .map_err(|e| CliError::input(&e.message()))
        }
        ("jury", _) => Err(CliError::input(&Text::new(
            "--award jury: perlu --metrics dengan paling sedikit satu kolom nilai",
            "--award jury: needs --metrics with at least one metric column",
        ))),
        _ => {
            let known: Vec<&str> = config.awards.iter().map(|a| a.id.as_str()).collect();
            Err(CliError::input(&Text::new(
                format!(
                    "--award: penghargaan {wanted} tidak ada di konfigurasi (ada: {}); gunakan --award-file untuk berkas definisi",
                    known.join(", ")
                ),
                format!(
                    "--award: the award {wanted} is not in the configuration (there are: {}); use --award-file for a definition file",
                    known.join(", ")
                ),
            )))
        }
    }
}

/// Reads an award definition (TOML, or JSON by the `.json` extension) and
/// validates it.
///
/// # Errors
/// Exit code 2 naming the file, with line and column for a syntax or type
/// error and the core's message for an invalid definition.
pub fn read_award(path: &Path) -> Result<AwardDefinition, CliError> {
    let text = read_text(path)?;
    let file = path.display();
    let json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let def: AwardDefinition = if json {
        serde_json::from_str(&text).map_err(|e| {
            CliError::at(
                format!("{file}:{}:{}", e.line(), e.column()),
                &Text::new(
                    format!("definisi penghargaan tidak sesuai format: {e}"),
                    format!("the award definition does not match the format: {e}"),
                ),
            )
        })?
    } else {
        toml::from_str(&text).map_err(|e| {
            let place = e
                .span()
                .map(|s| line_column(&text, s.start))
                .map_or(String::new(), |(l, c)| format!(":{l}:{c}"));
            let reason = e.message().trim_end().to_owned();
            CliError::input_text(format!(
                "{file}{place}: {}",
                Text::new(
                    format!("definisi penghargaan tidak sesuai format: {reason}"),
                    format!("the award definition does not match the format: {reason}"),
                )
            ))
        })?
    };
    def.validate().map_err(|e| CliError::at(&file, &e.message()))?;
    Ok(def)
}

/// Refuses a sheet that lacks a column a criterion cannot do without: every
/// entrant would be unranked, which is never what was meant.
fn check_columns(def: &AwardDefinition, path: &Path, columns: &BTreeSet<String>) -> Result<(), CliError> {
    let missing: Vec<&str> = def
        .criteria
        .iter()
        .filter(|c| c.on_missing == OnMissing::Unrank && !columns.contains(&c.metric))
        .map(|c| c.metric.as_str())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let file = path.display();
    Err(CliError::at(
        file,
        &Text::new(
            format!(
                "kolom {} yang dibaca penghargaan {} tidak ada; gunakan --award-file atau --award sesuai lembar nilai ini",
                missing.join(", "),
                def.id
            ),
            format!(
                "the column(s) {} that the award {} reads are missing; use --award-file or an --award that fits this sheet",
                missing.join(", "),
                def.id
            ),
        ),
    ))
}

/// Entrants from per-agency statistics: the configured agencies, then the
/// agencies of the file the configuration does not know.
fn complaint_entrants(
    stats: &aduan_core::stats::ByAgency,
    config: &Config,
    err: &mut dyn Write,
) -> Result<Vec<Entrant>, CliError> {
    let mut entrants = Vec::new();
    for a in &config.agencies {
        let metrics = match stats.agencies.get(&a.id) {
            Some(s) => s.award_metrics(),
            // No complaint in the period: the engine says why it is unranked.
            None => BTreeMap::from([(award::metric::COMPLAINTS.to_owned(), 0.0)]),
        };
        entrants.push(Entrant {
            id: a.id.clone(),
            name: a.name.clone(),
            category: a.category.clone(),
            metrics,
        });
    }
    let unknown: Vec<&AgencyId> = stats.agencies.keys().filter(|id| config.agency(id).is_none()).collect();
    if !unknown.is_empty() {
        let list = unknown.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(", ");
        writeln!(
            err,
            "{}",
            Text::new(
                format!(
                    "Catatan: instansi {list} tidak ada di konfigurasi; dinilai dengan kodenya dalam kategori {UNKNOWN_CATEGORY}"
                ),
                format!(
                    "Note: agencies {list} are not in the configuration; scored under their ids in the category {UNKNOWN_CATEGORY}"
                ),
            )
        )?;
    }
    let category = CategoryId::new(UNKNOWN_CATEGORY).expect("a valid slug");
    for id in unknown {
        entrants.push(Entrant {
            id: id.clone(),
            name: id.as_str().to_owned(),
            category: category.clone(),
            metrics: stats.agencies[id].award_metrics(),
        });
    }
    Ok(entrants)
}

// ----- Metrics sheets --------------------------------------------------------

/// Entrants read from a metrics sheet, and its metric columns.
#[derive(Debug)]
pub struct MetricsSheet {
    /// One per row, in file order.
    pub entrants: Vec<Entrant>,
    /// The metric column names (every column but entrant, name, category).
    pub columns: BTreeSet<String>,
}

/// The forms a metrics sheet comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SheetKind {
    Csv,
    Json,
    Jsonl,
}

/// One cell of a row as read, before it is checked.
#[derive(Debug)]
enum Raw {
    Text(String),
    Number(f64),
    Missing,
}

/// One cell with where it stands.
#[derive(Debug)]
struct RawCell {
    key: String,
    value: Raw,
    line: usize,
    column: usize,
}

/// A row's cells and the line it starts on.
#[derive(Debug)]
struct RawRow {
    line: usize,
    cells: Vec<RawCell>,
}

/// Where a problem is, and what it is.
struct Problems<'a> {
    file: &'a Path,
    /// (line, column or 0, the problem as shown).
    list: Vec<(usize, usize, String)>,
}

impl Problems<'_> {
    fn add(&mut self, line: usize, column: Option<usize>, key: Option<&str>, message: &Text) {
        let file = self.file.display();
        let place = match column {
            Some(c) => format!("{file}:{line}:{c}"),
            None => format!("{file}:{line}"),
        };
        let key = key.map_or(String::new(), |k| format!(" ({k})"));
        self.list.push((line, column.unwrap_or(0), format!("{place}{key}: {message}")));
    }
}

/// Reads a metrics sheet (see the [module documentation](self)).
///
/// # Errors
/// Exit code 2: the file cannot be read, is empty or not UTF-8, lacks the
/// `entrant` column, has no rows, or has bad rows (every problem listed
/// with file, line, column and column name).
pub fn read_metrics(path: &Path, config: &Config) -> Result<MetricsSheet, CliError> {
    let text = read_text(path)?;
    let mut problems = Problems { file: path, list: Vec::new() };
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let kind = match (ext.as_deref(), text.trim_start().chars().next()) {
        (Some("csv"), _) => SheetKind::Csv,
        (Some("json"), _) => SheetKind::Json,
        (Some("jsonl" | "ndjson"), _) => SheetKind::Jsonl,
        (_, Some('[')) => SheetKind::Json,
        (_, Some('{')) => SheetKind::Jsonl,
        _ => SheetKind::Csv,
    };
    let (rows, columns) = match kind {
        SheetKind::Csv => csv_rows(&text, &mut problems)?,
        SheetKind::Json | SheetKind::Jsonl => {
            let rows = if kind == SheetKind::Json {
                json_rows(&text, &mut problems)?
            } else {
                jsonl_rows(&text, &mut problems)
            };
            let columns = rows.iter().flat_map(|r| r.cells.iter().map(|c| c.key.clone())).collect();
            (rows, columns)
        }
    };
    let mut columns: BTreeSet<String> = columns;
    for key in ["entrant", "name", "category"] {
        columns.remove(key);
    }
    if rows.is_empty() && problems.list.is_empty() {
        return Err(CliError::at(
            path.display(),
            &Text::new(
                "tidak ada baris peserta di bawah judul kolom",
                "there are no entrant rows under the header",
            ),
        ));
    }
    let mut seen: BTreeMap<AgencyId, usize> = BTreeMap::new();
    let mut entrants = Vec::new();
    for row in rows {
        if let Some(e) = entrant(&row, config, &mut problems) {
            if let Some(first) = seen.get(&e.id) {
                let column = row.cells.iter().find(|c| c.key == "entrant").map(|c| c.column);
                problems.add(
                    row.line,
                    column,
                    Some("entrant"),
                    &Text::new(
                        format!("peserta {} sudah ada di baris {first}", e.id),
                        format!("the entrant {} is already on line {first}", e.id),
                    ),
                );
                continue;
            }
            seen.insert(e.id.clone(), row.line);
            entrants.push(e);
        }
    }
    if problems.list.is_empty() {
        Ok(MetricsSheet { entrants, columns })
    } else {
        Err(rows_refused(path, &problems.list))
    }
}

/// Every problem of a sheet, in file order.
fn rows_refused(path: &Path, list: &[(usize, usize, String)]) -> CliError {
    let mut list = list.to_vec();
    list.sort_by_key(|(line, column, _)| (*line, *column));
    let mut message = CliError::at(
        path.display(),
        &Text::new(
            format!("{} masalah; lembar nilai tidak dipakai", list.len()),
            format!("{} problem(s); the sheet was not used", list.len()),
        ),
    )
    .message;
    for (_, _, p) in list {
        message.push('\n');
        message.push_str(&p);
    }
    CliError::input_text(message)
}

/// Checks one row and makes it an entrant; `None` (with the problems
/// added) when it cannot be.
fn entrant(row: &RawRow, config: &Config, problems: &mut Problems<'_>) -> Option<Entrant> {
    let cell = |key: &str| row.cells.iter().find(|c| c.key == key);
    let text = |c: &RawCell| match &c.value {
        Raw::Text(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Raw::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let before = problems.list.len();
    let id = match cell("entrant").and_then(|c| text(c).map(|t| (c, t))) {
        Some((c, t)) => match AgencyId::new(t) {
            Ok(id) => Some(id),
            Err(e) => {
                problems.add(c.line, Some(c.column), Some("entrant"), &e.message);
                None
            }
        },
        None => {
            let (line, column) = cell("entrant").map_or((row.line, None), |c| (c.line, Some(c.column)));
            problems.add(
                line,
                column,
                Some("entrant"),
                &Text::new(
                    "Masukkan kode instansi peserta, misalnya dinkes",
                    "Enter the entrant's agency code, for example dinkes",
                ),
            );
            None
        }
    };
    let known = id.as_ref().and_then(|id| config.agency(id));
    let name = cell("name").and_then(text).or_else(|| known.map(|a| a.name.clone()));
    if name.is_none() && id.is_some() {
        let (line, column) = cell("name").map_or((row.line, None), |c| (c.line, Some(c.column)));
        problems.add(
            line,
            column,
            Some("name"),
            &Text::new(
                "Masukkan nama peserta (instansi ini tidak ada di konfigurasi)",
                "Enter the entrant's name (this agency is not in the configuration)",
            ),
        );
    }
    let category = match cell("category").and_then(|c| text(c).map(|t| (c, t))) {
        Some((c, t)) => match CategoryId::new(t) {
            Ok(category) => Some(category),
            Err(e) => {
                problems.add(c.line, Some(c.column), Some("category"), &e.message);
                None
            }
        },
        None => {
            let category = known.map(|a| a.category.clone());
            if category.is_none() && id.is_some() {
                let (line, column) = cell("category").map_or((row.line, None), |c| (c.line, Some(c.column)));
                problems.add(
                    line,
                    column,
                    Some("category"),
                    &Text::new(
                        "Masukkan kategori peserta, misalnya opd (instansi ini tidak ada di konfigurasi)",
                        "Enter the entrant's category, for example opd (this agency is not in the configuration)",
                    ),
                );
            }
            category
        }
    };
    let mut metrics = BTreeMap::new();
    for c in row.cells.iter().filter(|c| !matches!(c.key.as_str(), "entrant" | "name" | "category")) {
        match &c.value {
            Raw::Missing => {}
            Raw::Number(n) => {
                metrics.insert(c.key.clone(), *n);
            }
            Raw::Text(s) => match parse_number(s) {
                Ok(Some(n)) => {
                    metrics.insert(c.key.clone(), n);
                }
                Ok(None) => {}
                Err(message) => problems.add(c.line, Some(c.column), Some(&c.key), &message),
            },
        }
    }
    if problems.list.len() > before {
        return None;
    }
    Some(Entrant { id: id?, name: name?, category: category?, metrics })
}

/// A metric cell: empty is missing; `85`, `85.5`, or `85,5` (one decimal
/// comma, no point) is a number; anything else, or a number that is not
/// finite, is refused.
fn parse_number(s: &str) -> Result<Option<f64>, Text> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let normalised =
        if !t.contains('.') && t.matches(',').count() == 1 { t.replace(',', ".") } else { t.to_owned() };
    let plain = normalised.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    match normalised.parse::<f64>() {
        Ok(n) if plain && n.is_finite() => Ok(Some(n)),
        _ => Err(Text::new(
            format!(
                "\"{t}\" bukan angka; tulis angka seperti 85 atau 85,5, atau kosongkan bila tidak ada nilai"
            ),
            format!(
                "\"{t}\" is not a number; write a number such as 85 or 85.5, or leave it empty when there is no value"
            ),
        )),
    }
}

fn csv_rows(text: &str, problems: &mut Problems<'_>) -> Result<(Vec<RawRow>, BTreeSet<String>), CliError> {
    let file = problems.file.display().to_string();
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let csv_error = |e: &csv::Error| {
        let line = e.position().map_or(1, csv::Position::line);
        CliError::input_text(format!(
            "{file}:{line}: {}",
            Text::new(format!("CSV tidak dapat dibaca: {e}"), format!("cannot read the CSV: {e}"))
        ))
    };
    let headers: Vec<String> =
        reader.headers().map_err(|e| csv_error(&e))?.iter().map(|h| h.trim().to_owned()).collect();
    let mut seen = BTreeSet::new();
    for (i, h) in headers.iter().enumerate() {
        if h.is_empty() {
            problems.add(
                1,
                Some(i + 1),
                None,
                &Text::new(
                    "Judul kolom kosong; beri nama kolom",
                    "The column header is empty; name the column",
                ),
            );
        } else if !seen.insert(h.as_str()) {
            problems.add(
                1,
                Some(i + 1),
                Some(h),
                &Text::new(format!("Kolom {h} muncul dua kali"), format!("The column {h} appears twice")),
            );
        }
    }
    if !headers.iter().any(|h| h == "entrant") {
        return Err(CliError::at(
            format!("{file}:1"),
            &Text::new(
                format!(
                    "kolom entrant (kode instansi peserta) tidak ada; judul kolom: {}",
                    headers.join(",")
                ),
                format!(
                    "the column entrant (the entrant's agency code) is missing; headers: {}",
                    headers.join(",")
                ),
            ),
        ));
    }
    if !problems.list.is_empty() {
        return Err(rows_refused(problems.file, &problems.list));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                if let csv::ErrorKind::UnequalLengths { pos, expected_len, len } = e.kind() {
                    let line = pos.as_ref().map_or(0, |p| p.line() as usize);
                    problems.add(
                        line,
                        None,
                        None,
                        &Text::new(
                            format!("baris ini berisi {len} sel, judul kolom {expected_len}"),
                            format!("this row has {len} cells, the header {expected_len}"),
                        ),
                    );
                    continue;
                }
                return Err(csv_error(&e));
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cells = headers
            .iter()
            .zip(record.iter())
            .enumerate()
            .map(|(i, (key, value))| RawCell {
                key: key.clone(),
                value: if value.trim().is_empty() {
                    Raw::Missing
                } else {
                    Raw::Text(crate::transfer::unguard(value).to_owned())
                },
                line,
                column: i + 1,
            })
            .collect();
        rows.push(RawRow { line, cells });
    }
    let columns = headers.into_iter().collect();
    Ok((rows, columns))
}

fn json_rows(text: &str, problems: &mut Problems<'_>) -> Result<Vec<RawRow>, CliError> {
    let file = problems.file.display().to_string();
    let objects: Vec<&serde_json::value::RawValue> = serde_json::from_str(text).map_err(|e| {
        CliError::input_text(format!(
            "{file}:{}:{}: {}",
            e.line(),
            e.column(),
            Text::new(
                format!("JSON tidak dapat dibaca (harus larik objek): {e}"),
                format!("cannot read the JSON (it must be an array of objects): {e}"),
            )
        ))
    })?;
    let mut rows = Vec::new();
    for raw in objects {
        // The raw value borrows from `text`, so its place is its offset.
        let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        if let Some(row) = json_object(text, offset, raw.get(), problems) {
            rows.push(row);
        }
    }
    Ok(rows)
}

fn jsonl_rows(text: &str, problems: &mut Problems<'_>) -> Vec<RawRow> {
    let mut rows = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        if let Some(row) = json_object(text, start + lead, line.trim(), problems) {
            rows.push(row);
        }
    }
    rows
}

/// One JSON object (`object` starts at byte `offset` of `text`) as a row.
fn json_object(text: &str, offset: usize, object: &str, problems: &mut Problems<'_>) -> Option<RawRow> {
    let (line, column) = line_column(text, offset);
    let map: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(object) {
        Ok(m) => m,
        Err(e) => {
            let (l, c) = if e.line() == 1 {
                (line, column + e.column() - 1)
            } else {
                (line + e.line() - 1, e.column())
            };
            problems.add(
                l,
                Some(c),
                None,
                &Text::new(
                    format!("setiap baris harus objek JSON: {e}"),
                    format!("every row must be a JSON object: {e}"),
                ),
            );
            return None;
        }
    };
    let mut cells = Vec::new();
    for (key, value) in map {
        // The key's own place, found after the object's start.
        let quoted = serde_json::to_string(&key).unwrap_or_default();
        let at = object.find(&quoted).map_or(offset, |i| offset + i);
        let (l, c) = line_column(text, at);
        let value = match value {
            serde_json::Value::Null => Raw::Missing,
            serde_json::Value::String(s) => Raw::Text(s),
            serde_json::Value::Number(n) => match n.as_f64() {
                Some(f) => Raw::Number(f),
                None => Raw::Text(n.to_string()),
            },
            other => {
                problems.add(
                    l,
                    Some(c),
                    Some(&key),
                    &Text::new(
                        format!("nilai harus angka atau teks, bukan {other}"),
                        format!("the value must be a number or text, not {other}"),
                    ),
                );
                continue;
            }
        };
        cells.push(RawCell { key, value, line: l, column: c });
    }
    Some(RawRow { line, cells })
}

// ----- Writing ----------------------------------------------------------------

fn columns(view: &LeaderboardView) -> Vec<Column> {
    let mut columns = vec![
        Column::text("category", Text::new("Kategori", "Category")),
        Column::number("rank", Text::new("Peringkat", "Rank")),
        Column::text("agency", Text::new("Kode", "Code")),
        Column::text("name", Text::new("Instansi", "Agency")),
        Column::number("score", Text::new("Skor", "Score")),
        Column::text("winner", Text::new("Pemenang", "Winner")),
    ];
    columns.extend(
        view.criteria.iter().map(|c| Column::number(c.id.clone(), Text::new(c.id.clone(), c.id.clone()))),
    );
    columns
}

fn ranked_row(category: &CategoryView, r: &RankedView) -> Vec<Cell> {
    let mut row = vec![
        Cell::Text(category.category.to_string()),
        Cell::Int(r.rank as i64),
        Cell::Text(r.agency.to_string()),
        Cell::Text(r.name.clone()),
        Cell::Number { value: r.score, places: 2 },
        Cell::Flag(r.winner),
    ];
    row.extend(r.contributions.iter().map(|c| Cell::Number { value: c.points, places: 2 }));
    row
}

fn reasons(u: &UnrankedView) -> String {
    u.reasons.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

fn title(view: &LeaderboardView) -> String {
    let period =
        view.period_label.as_ref().map_or_else(|| format!("{}..{}", view.period.from, view.period.to), label);
    format!("{} — {period}", label(&view.award_name))
}

fn legend(criteria: &[CriterionView]) -> Vec<String> {
    criteria
        .iter()
        .map(|c| {
            let weight = format::decimal(c.weight, if c.weight.fract() == 0.0 { 0 } else { 2 }, Lang::Id);
            format!("{}: {}, bobot / weight {weight}", c.id, label(&c.name))
        })
        .collect()
}

/// Writes the leaderboard in `format`.
fn write_board(view: &LeaderboardView, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let columns = columns(view);
    match format {
        Format::Json => output::write_json(view, out),
        Format::Csv => {
            let mut columns = columns;
            columns.push(Column::text("reasons", Text::new("Alasan", "Reasons")));
            let mut rows = Vec::new();
            for category in &view.categories {
                for r in &category.ranked {
                    let mut row = ranked_row(category, r);
                    row.push(Cell::Empty);
                    rows.push(row);
                }
                for u in &category.unranked {
                    let mut row = vec![
                        Cell::Text(category.category.to_string()),
                        Cell::Empty,
                        Cell::Text(u.agency.to_string()),
                        Cell::Text(u.name.clone()),
                        Cell::Empty,
                        Cell::Flag(false),
                    ];
                    row.extend(view.criteria.iter().map(|_| Cell::Empty));
                    row.push(Cell::Text(reasons(u)));
                    rows.push(row);
                }
            }
            output::csv(&columns, &rows, out)
        }
        Format::Table | Format::Markdown => {
            let md = format == Format::Markdown;
            writeln!(out, "{}{}", if md { "## " } else { "" }, title(view))?;
            if view.categories.is_empty() {
                writeln!(out, "\nTidak ada peserta. / No entrants.")?;
            }
            for category in &view.categories {
                writeln!(out)?;
                writeln!(out, "{}Kategori / Category: {}", if md { "### " } else { "" }, category.category)?;
                if md {
                    writeln!(out)?;
                }
                let rows: Vec<Vec<Cell>> = category.ranked.iter().map(|r| ranked_row(category, r)).collect();
                // The category is the section's heading; the table leaves it out.
                let columns = &columns[1..];
                let rows: Vec<Vec<Cell>> = rows.into_iter().map(|r| r[1..].to_vec()).collect();
                if rows.is_empty() {
                    writeln!(out, "Belum ada instansi yang diperingkat. / No agency is ranked yet.")?;
                } else if md {
                    write!(out, "{}", output::markdown(columns, &rows))?;
                } else {
                    writeln!(out, "{}", output::table(columns, &rows))?;
                }
                if !category.unranked.is_empty() {
                    writeln!(out)?;
                    writeln!(
                        out,
                        "{}",
                        if md {
                            "**Tidak diperingkat / Not ranked**\n"
                        } else {
                            "Tidak diperingkat / Not ranked:"
                        }
                    )?;
                    for u in &category.unranked {
                        writeln!(out, "- {} ({}): {}", u.name, u.agency, reasons(u))?;
                    }
                }
            }
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                if md {
                    "**Kriteria (poin) / Criteria (points)**\n"
                } else {
                    "Kriteria (poin) / Criteria (points):"
                }
            )?;
            for line in legend(&view.criteria) {
                writeln!(out, "- {line}")?;
            }
            Ok(())
        }
    }
}

/// What `--explain --format json` writes: one entrant's place, with the
/// award's criteria, in the API's wire types.
#[derive(Debug, Serialize)]
struct Explanation<'a> {
    award: &'a str,
    award_name: &'a Text,
    period: Period,
    category: &'a CategoryId,
    criteria: &'a [CriterionView],
    #[serde(skip_serializing_if = "Option::is_none")]
    ranked: Option<&'a RankedView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unranked: Option<&'a UnrankedView>,
    ranked_in_category: usize,
}

/// Writes how `who`'s score was computed, as the leaderboard widget's
/// "Bagaimana skor dihitung" says it.
fn explain(view: &LeaderboardView, who: &str, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    let who = who.trim();
    let found = view.categories.iter().find_map(|c| {
        let r = c.ranked.iter().find(|r| r.agency.as_str() == who);
        let u = c.unranked.iter().find(|u| u.agency.as_str() == who);
        (r.is_some() || u.is_some()).then_some((c, r, u))
    });
    let Some((category, ranked, unranked)) = found else {
        let all: Vec<&str> = view
            .categories
            .iter()
            .flat_map(|c| {
                c.ranked.iter().map(|r| r.agency.as_str()).chain(c.unranked.iter().map(|u| u.agency.as_str()))
            })
            .collect();
        return Err(CliError::input(&Text::new(
            format!("--explain: {who} bukan peserta; peserta: {}", all.join(", ")),
            format!("--explain: {who} is not an entrant; the entrants are: {}", all.join(", ")),
        )));
    };
    if format == Format::Json {
        return output::write_json(
            &Explanation {
                award: &view.award,
                award_name: &view.award_name,
                period: view.period,
                category: &category.category,
                criteria: &view.criteria,
                ranked,
                unranked,
                ranked_in_category: category.ranked.len(),
            },
            out,
        );
    }
    let md = format == Format::Markdown;
    let name = ranked.map(|r| r.name.as_str()).or(unranked.map(|u| u.name.as_str())).unwrap_or(who);
    writeln!(out, "{}{}", if md { "## " } else { "" }, title(view))?;
    writeln!(
        out,
        "{}{name} ({who}), kategori / category {}",
        if md { "### " } else { "" },
        category.category
    )?;
    writeln!(out)?;
    let Some(r) = ranked else {
        writeln!(out, "Tidak diperingkat, karena: / Not ranked, because:")?;
        for reason in unranked.map(|u| u.reasons.as_slice()).unwrap_or_default() {
            writeln!(out, "- {reason}")?;
        }
        return Ok(());
    };
    let of = category.ranked.len();
    let score = |lang| format::decimal(r.score, 2, lang);
    let (winner_id, winner_en) = if r.winner { (", pemenang", ", a winner") } else { ("", "") };
    writeln!(out, "Peringkat {} dari {of}{winner_id}; skor {} dari 100.", r.rank, score(Lang::Id))?;
    writeln!(out, "Rank {} of {of}{winner_en}; score {} of 100.", r.rank, score(Lang::En))?;
    writeln!(out)?;
    writeln!(out, "{}Bagaimana skor dihitung / How the score is calculated", if md { "#### " } else { "" })?;
    if md {
        writeln!(out)?;
    }
    writeln!(
        out,
        "Skor adalah jumlah poin dari setiap kriteria, paling tinggi 100. Setiap kriteria memberi poin sampai bobotnya."
    )?;
    writeln!(
        out,
        "The score is the sum of the points of each criterion, at most 100. Each criterion gives points up to its weight."
    )?;
    writeln!(out)?;
    let columns = vec![
        Column::text("criterion", Text::new("Kriteria", "Criterion")),
        Column::number("raw", Text::new("Nilai", "Value")),
        Column::number("normalized", Text::new("Dinormalkan (0–1)", "Normalised (0–1)")),
        Column::number("weight", Text::new("Bobot", "Weight")),
        Column::number("points", Text::new("Poin", "Points")),
    ];
    let mut rows: Vec<Vec<Cell>> = view
        .criteria
        .iter()
        .zip(&r.contributions)
        .map(|(c, k)| {
            vec![
                Cell::Text(label(&c.name)),
                k.raw.map_or(Cell::Text("tidak ada / none".into()), Cell::Value),
                Cell::Number { value: k.normalized, places: 3 },
                Cell::Number { value: c.weight, places: 2 },
                Cell::Number { value: k.points, places: 2 },
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text("Jumlah / Total".into()),
        Cell::Empty,
        Cell::Empty,
        Cell::Number { value: view.criteria.iter().map(|c| c.weight).sum(), places: 2 },
        Cell::Number { value: r.score, places: 2 },
    ]);
    match format {
        Format::Csv => return output::csv(&columns, &rows, out),
        Format::Markdown => write!(out, "{}", output::markdown(&columns, &rows))?,
        _ => writeln!(out, "{}", output::table(&columns, &rows))?,
    }
    writeln!(out)?;
    for c in &view.criteria {
        if let Some(explanation) = &c.explanation {
            writeln!(out, "- {}: {}", label(&c.name), explanation.id)?;
            writeln!(out, "  {}", explanation.en)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_cells() {
        assert_eq!(parse_number(" 85 "), Ok(Some(85.0)));
        assert_eq!(parse_number("85.5"), Ok(Some(85.5)));
        assert_eq!(parse_number("85,5"), Ok(Some(85.5)));
        assert_eq!(parse_number(""), Ok(None));
        for bad in ["8o", "NaN", "inf", "1,250.5", "1.2.3", "85%"] {
            assert!(parse_number(bad).is_err(), "{bad}");
        }
    }
}
