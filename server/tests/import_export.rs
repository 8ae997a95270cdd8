//! `aduan import` and `aduan export` on the fixture files of
//! `tests/fixtures/import/`: through the library on SQLite and on
//! PostgreSQL (a schema of its own per test), and through the binary for
//! exit codes, the printed report and `--help`.
//!
//! The round trip also runs on realistic data: the demo's two years of
//! Kalimantan Selatan complaints written through the server's own write
//! path (`aduan_demo::seed`: submissions and appended events), exported,
//! imported into a fresh database and compared (events, content, read
//! models, statistics per agency, and a second export byte for byte).
//!
//! The PostgreSQL half needs the server at 127.0.0.1:5432 (database
//! `test`, user `postgres`, trust authentication). Without it those tests
//! pass with a notice on stderr, except when `CI` is set: there they fail.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use std::collections::BTreeMap;

use aduan_core::TicketNumber;
use aduan_core::lifecycle::{Event, Status, fold};
use aduan_core::stats::{ByAgency, Period, StatsByAgency, StatsContext};
use aduan_core::visibility::Visibility;
use aduan_server::cli::export::{ExportArgs, export};
use aduan_server::cli::import::{ImportArgs, ImportSummary, import};
use aduan_server::config::Config;
use aduan_server::store::postgres::PgStore;
use aduan_server::store::sqlite::SqliteStore;
use aduan_server::store::{ComplaintRecord, Store};
use aduan_server::transfer::Encoding;
use sqlx::Connection;

const POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

fn unique(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
    format!("{prefix}_{}_{nanos}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A fresh database of one backend: its configuration, and a store to
/// look into it.
struct Db {
    config: Config,
    dir: tempfile::TempDir,
    schema: Option<String>,
}

fn config_toml(dir: &Path, url: &str) -> String {
    format!(
        "data_dir = {:?}\ndatabase_url = {url:?}\ndefault_zone = \"WITA\"\n\
         [[agencies]]\nid = \"dinkes\"\nname = \"Dinas Kesehatan\"\ncategory = \"opd\"\n\
         [[agencies]]\nid = \"dishub\"\nname = \"Dinas Perhubungan\"\ncategory = \"opd\"\n",
        dir.display().to_string()
    )
}

impl Db {
    fn with_url(dir: tempfile::TempDir, url: &str, schema: Option<String>) -> Self {
        let path = dir.path().join("aduan.toml");
        std::fs::write(&path, config_toml(dir.path(), url)).unwrap();
        let config = Config::load(Some(&path), &|_| None).unwrap();
        Self { config, dir, schema }
    }

    fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/aduan.sqlite3", dir.path().display());
        Self::with_url(dir, &url, None)
    }

    async fn postgres() -> Self {
        let schema = unique("aduan_import");
        // Creates the schema; the commands then work in it through the URL.
        let store = PgStore::connect_with_schema(POSTGRES_URL, &schema).await.unwrap();
        store.pool().close().await;
        let url = format!("{POSTGRES_URL}?options=-c%20search_path%3D{schema}");
        Self::with_url(tempfile::tempdir().unwrap(), &url, Some(schema))
    }

    /// Opens the database the way the commands do (migrated).
    async fn open(&self) -> Opened {
        if self.schema.is_some() {
            let s = PgStore::connect(&self.config.database_url).await.unwrap();
            s.migrate().await.unwrap();
            Opened::Pg(s)
        } else {
            let s = SqliteStore::connect(&self.config.database_url).await.unwrap();
            s.migrate().await.unwrap();
            Opened::Sqlite(s)
        }
    }

    async fn cleanup(&self) {
        if let Some(schema) = &self.schema {
            let mut c = sqlx::PgConnection::connect(POSTGRES_URL).await.unwrap();
            sqlx::query(&format!("DROP SCHEMA \"{schema}\" CASCADE")).execute(&mut c).await.unwrap();
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

enum Opened {
    Sqlite(SqliteStore),
    Pg(PgStore),
}

impl Opened {
    async fn count(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        match self {
            Self::Sqlite(s) => sqlx::query_scalar(&sql).fetch_one(s.pool()).await.unwrap(),
            Self::Pg(s) => sqlx::query_scalar(&sql).fetch_one(s.pool()).await.unwrap(),
        }
    }

    async fn load(&self, ticket: &str) -> ComplaintRecord {
        self.load_ticket(TicketNumber::parse(ticket).unwrap()).await
    }

    async fn load_ticket(&self, t: TicketNumber) -> ComplaintRecord {
        let v = Visibility { summary: true, content: true, identity: true, contact: true };
        match self {
            Self::Sqlite(s) => s.load(&t, v).await.unwrap().unwrap(),
            Self::Pg(s) => s.load(&t, v).await.unwrap().unwrap(),
        }
    }

    async fn histories(&self) -> Vec<(TicketNumber, Vec<aduan_core::lifecycle::Event>)> {
        match self {
            Self::Sqlite(s) => s.histories(None).await.unwrap(),
            Self::Pg(s) => s.histories(None).await.unwrap(),
        }
    }

    async fn close(self) {
        match self {
            Self::Sqlite(s) => s.pool().close().await,
            Self::Pg(s) => s.pool().close().await,
        }
    }
}

async fn postgres_available() -> bool {
    let attempt =
        tokio::time::timeout(Duration::from_secs(5), sqlx::PgConnection::connect(POSTGRES_URL)).await;
    if let Ok(Ok(c)) = attempt {
        let _ = c.close().await;
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "PostgreSQL at {POSTGRES_URL} is unreachable on CI");
    #[allow(clippy::print_stderr)]
    {
        eprintln!("note: PostgreSQL at {POSTGRES_URL} is unreachable; skipping the PostgreSQL import tests");
    }
    false
}

/// Runs `case` on a fresh SQLite file and on a fresh PostgreSQL schema
/// (dropped afterwards, even when the case panics).
async fn on_both<F, Fut>(case: F)
where
    F: Fn(Db, Vec<Db>) -> Fut + Send + Sync + 'static + Clone,
    Fut: Future<Output = ()> + Send + 'static,
{
    on_both_with(0, case).await;
}

/// [`on_both`] with `extra` more fresh databases of the same backend.
async fn on_both_with<F, Fut>(extra: usize, case: F)
where
    F: Fn(Db, Vec<Db>) -> Fut + Send + Sync + 'static + Clone,
    Fut: Future<Output = ()> + Send + 'static,
{
    let more = (0..extra).map(|_| Db::sqlite()).collect();
    tokio::spawn(case.clone()(Db::sqlite(), more)).await.unwrap();
    if postgres_available().await {
        let mut dbs = Vec::new();
        for _ in 0..=extra {
            dbs.push(Db::postgres().await);
        }
        let schemas: Vec<Db> = dbs
            .iter()
            .map(|db| Db {
                config: db.config.clone(),
                dir: tempfile::tempdir().unwrap(),
                schema: db.schema.clone(),
            })
            .collect();
        let first = dbs.remove(0);
        let outcome = tokio::spawn(case(first, dbs)).await;
        for db in &schemas {
            db.cleanup().await;
        }
        if let Err(e) = outcome {
            std::panic::resume_unwind(e.into_panic());
        }
    }
}

fn import_args(file: PathBuf) -> ImportArgs {
    ImportArgs {
        file,
        map: Vec::new(),
        mapping: None,
        format: None,
        encoding: Encoding::Utf8,
        zone: None,
        dry_run: false,
        report: None,
    }
}

fn export_args(output: PathBuf) -> ExportArgs {
    ExportArgs { output, format: None, agency: None, from: None, to: None }
}

async fn run_import(db: &Db, args: ImportArgs) -> ImportSummary {
    import(db.config.clone(), args).await.unwrap_or_else(|e| panic!("{e:#}"))
}

fn reasons(summary: &ImportSummary) -> Vec<String> {
    summary
        .rejections
        .iter()
        .map(|r| format!("{}:{}:{}", r.line, r.column.as_ref().map_or("-", |c| c.name.as_str()), r.code))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_good_file_is_stored_with_its_histories_and_read_models() {
    on_both(|db: Db, _| async move {
        let summary = run_import(&db, import_args(fixture("good.csv"))).await;
        assert_eq!(
            (summary.read, summary.imported, summary.rejected_rows),
            (3, 3, 0),
            "{:?}",
            summary.rejections
        );
        let store = db.open().await;
        assert_eq!(store.count("complaints").await, 3);
        assert_eq!(store.count("events").await, 1 + 7 + 2);
        let closed = store.load("K7M-4QX-9RJ").await;
        assert_eq!(closed.read_model.status, Status::Selesai);
        assert_eq!(closed.read_model.version, 7);
        assert_eq!(closed.title.as_deref(), Some("Tambah jadwal bus kota"));
        // The read model is the server's derivation of the stored history.
        let derived = aduan_server::derive::derive(&db.config, &closed.events, chrono::Utc::now()).unwrap();
        assert_eq!(closed.read_model, aduan_server::derive::read_model(&derived));
        let archived = store.load("33H-2BA-XSK").await;
        assert_eq!(archived.read_model.status, Status::Diarsipkan);
        assert_eq!(archived.reporter_phone.as_deref(), Some("+6281234567890"));
        // No access secret in the file: an unusable random hash.
        assert_eq!(archived.secret_hash.len(), 64);
        store.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_bad_row_stores_nothing() {
    on_both(|db: Db, _| async move {
        let store = db.open().await;
        let summary = run_import(&db, import_args(fixture("malformed.csv"))).await;
        assert_eq!(summary.imported, 0);
        assert_eq!(summary.read, 8);
        assert_eq!(
            reasons(&summary),
            [
                "3:ticket:ticket.check",
                "4:received_at:row.invalid_instant",
                "5:kind:row.invalid_value",
                "6:responded_at:transition.wrong_agency",
                "7:description:too_long",
                "9:-:row.cell_count",
            ]
        );
        assert_eq!((store.count("complaints").await, store.count("events").await), (0, 0));
        store.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stored_ticket_is_refused_and_left_unchanged() {
    on_both(|db: Db, _| async move {
        run_import(&db, import_args(fixture("good.csv"))).await;
        let store = db.open().await;
        let before = store.load("K7M-4QX-9RJ").await;
        // The same ticket with another title, beside a new complaint.
        let text = std::fs::read_to_string(fixture("good.csv")).unwrap();
        let mut lines = text.lines();
        let header = lines.next().unwrap();
        let new = lines.next().unwrap();
        let changed = lines.next().unwrap().replace("Tambah jadwal bus kota", "Judul yang sudah diubah");
        let file = db.path("again.csv");
        std::fs::write(&file, format!("{header}\n{new}\n{changed}\n")).unwrap();
        let summary = run_import(&db, import_args(file)).await;
        assert_eq!(reasons(&summary), ["3:ticket:row.ticket_exists"]);
        assert_eq!(summary.imported, 0);
        assert_eq!(store.count("complaints").await, 3, "the new complaint was rolled back too");
        assert_eq!(store.load("K7M-4QX-9RJ").await, before);
        store.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_history_after_the_import_runs_is_refused() {
    on_both(|db: Db, _| async move {
        let file = db.path("future.csv");
        std::fs::write(
            &file,
            "received_at,kind,agency,privacy,title,description\n\
             2999-01-01 10:00,aspirasi,dinkes,anonim,Tambah jadwal bus kota,Bus kota jurusan Banjarbaru penuh setiap pagi.\n",
        )
        .unwrap();
        let summary = run_import(&db, import_args(file)).await;
        assert_eq!(reasons(&summary), ["2:-:row.in_future"]);
        assert_eq!(summary.imported, 0);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dry_run_checks_everything_and_stores_nothing() {
    on_both(|db: Db, _| async move {
        let mut args = import_args(fixture("good.csv"));
        args.dry_run = true;
        let summary = run_import(&db, args).await;
        assert_eq!((summary.read, summary.imported, summary.rejected_rows), (3, 0, 0));
        let store = db.open().await;
        assert_eq!(store.count("complaints").await, 0);
        store.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_imports_back_exactly_and_exports_byte_identical() {
    // Awaited in place rather than spawned: the export's future borrows
    // across awaits in ways the compiler cannot prove `Send` for every
    // lifetime (the binary runs it on `block_on`). A failing case leaves
    // its uniquely named PostgreSQL schemas behind.
    round_trip(Db::sqlite(), vec![Db::sqlite(), Db::sqlite(), Db::sqlite()]).await;
    if postgres_available().await {
        let mut dbs = Vec::new();
        for _ in 0..4 {
            dbs.push(Db::postgres().await);
        }
        let schemas: Vec<Db> = dbs
            .iter()
            .map(|db| Db {
                config: db.config.clone(),
                dir: tempfile::tempdir().unwrap(),
                schema: db.schema.clone(),
            })
            .collect();
        let first = dbs.remove(0);
        round_trip(first, dbs).await;
        for db in &schemas {
            db.cleanup().await;
        }
    }
}

/// Imports the fixtures, exports them in each format, imports each export
/// into a fresh database and exports that again.
async fn round_trip(db: Db, fresh: Vec<Db>) {
    for name in ["good.csv", "lapor.csv"].map(String::from) {
        let mut args = import_args(fixture(&name));
        if name == "lapor.csv" {
            args.mapping = Some(fixture("lapor.toml"));
        }
        let s = run_import(&db, args).await;
        assert_eq!(s.rejected_rows, 0, "{name}: {:?}", s.rejections);
    }
    for (ext, fresh) in ["csv", "json", "jsonl"].map(String::from).into_iter().zip(fresh) {
        let first = db.path(&format!("first.{ext}"));
        assert_eq!(export(db.config.clone(), export_args(first.clone())).await.unwrap(), 5);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&first).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "the export holds personal data");
        }
        // Into a fresh database of the same backend.
        let s = run_import(&fresh, import_args(first.clone())).await;
        assert_eq!((s.imported, s.rejected_rows), (5, 0), "{ext}: {:?}", s.rejections);
        let second = db.path(&format!("second.{ext}"));
        export(fresh.config.clone(), export_args(second.clone())).await.unwrap();
        assert_eq!(std::fs::read(&first).unwrap(), std::fs::read(&second).unwrap(), "{ext}");
        let (a, b) = (db.open().await, fresh.open().await);
        let (ha, hb) = (a.histories().await, b.histories().await);
        assert_eq!(ha, hb);
        for ticket in ha.iter().map(|(t, _)| *t).collect::<Vec<_>>() {
            assert_eq!(a.load_ticket(ticket).await, b.load_ticket(ticket).await, "{ticket}");
        }
        a.close().await;
        b.close().await;
    }
}

// THE BINARY

fn aduan(db: &Db) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aduan"));
    for var in ["ADUAN_CONFIG", "ADUAN_LISTEN", "ADUAN_DATABASE_URL", "ADUAN_DATA_DIR", "RUST_LOG"] {
        cmd.env_remove(var);
    }
    cmd.env("NO_COLOR", "1").arg("--config").arg(db.dir.path().join("aduan.toml"));
    cmd
}

#[test]
fn the_binary_reports_rejections_and_exits_non_zero() {
    let db = Db::sqlite();
    let out = aduan(&db).arg("import").arg(fixture("malformed.csv")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("malformed.csv:3:1 (ticket): Nomor tiket salah ketik"), "{stderr}");
    assert!(stderr.contains("malformed.csv:7:8 (description): Uraian harus 4.000 karakter atau kurang / Description must be 4,000 characters or fewer"), "{stderr}");
    assert!(stderr.contains("6 rows rejected; nothing imported"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("8 baris dibaca / rows read, 0 diimpor / imported, 6 ditolak / rejected"),
        "{stdout}"
    );

    // Encodings and empty files are file errors.
    for (name, needle) in [
        ("invalid_utf8.csv", "Invalid UTF-8 at line 2, column 81 (byte offset 380"),
        ("empty.csv", "The file is empty"),
        ("header_only.csv", "the file has no rows"),
        ("lapor.csv", "Required column(s) missing from the header"),
    ] {
        let out = aduan(&db).arg("import").arg(fixture(name)).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{name}: {stderr}");
    }
    let out = aduan(&db)
        .args(["import", "--encoding", "windows-1252"])
        .arg(fixture("windows1252.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = aduan(&db).arg("import").arg(fixture("utf16.csv")).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "UTF-16 is decoded: {}", String::from_utf8_lossy(&out.stderr));

    // A report file of a successful import maps lines to tickets.
    let report = db.path("report.csv");
    let out =
        aduan(&db).arg("import").arg(fixture("good.csv")).arg("--report").arg(&report).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = std::fs::read_to_string(report).unwrap();
    assert!(report.contains(",3,,,imported,K7M-4QX-9RJ,"), "{report}");
    assert_eq!(report.lines().count(), 4);

    // Export to standard output: only the file there.
    let out = aduan(&db).args(["export", "--format", "jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 5, "windows-1252, UTF-16 and good.csv's three");
    assert!(stdout.contains("Pelayanan café kurang ramah"));
    assert!(stdout.lines().all(|l| l.starts_with("{\"")), "{stdout}");
}

#[test]
fn every_subcommand_help_has_an_example() {
    let db = Db::sqlite();
    for sub in ["import", "export"] {
        let out = aduan(&db).args([sub, "--help"]).output().unwrap();
        assert!(out.status.success());
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            help.contains("Examples:") && help.contains(&format!("aduan --config aduan.toml {sub}")),
            "{help}"
        );
    }
    let out = aduan(&db).args(["export", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("personal data"));
}

// THE ROUND TRIP ON THE DEMO'S DATA

fn demo_config(dir: &Path, url: &str) -> Config {
    let mut config = aduan_demo::config(&|_| None).expect("the demo config loads");
    config.data_dir = dir.to_owned();
    config.database_url = url.to_owned();
    config
}

/// Everything stored, by ticket.
async fn contents<S: Store>(store: &S) -> BTreeMap<TicketNumber, ComplaintRecord> {
    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    let mut out = BTreeMap::new();
    for (ticket, _) in store.histories(None).await.unwrap() {
        out.insert(ticket, store.load(&ticket, all).await.unwrap().unwrap());
    }
    out
}

/// The statistics of 2024 and 2025 per agency, as the server computes them.
fn stats(config: &Config, histories: &[(TicketNumber, Vec<Event>)]) -> Vec<ByAgency> {
    let now = aduan_demo::default_now();
    [2024, 2025]
        .into_iter()
        .map(|year| {
            let ctx = StatsContext {
                policy: &config.sla,
                calendar: &config.calendar,
                period: Period::year(year),
                now,
            };
            let zones = config.agencies.iter().map(|a| (a.id.clone(), a.zone)).collect();
            let mut by = StatsByAgency::new(ctx, zones, config.default_zone);
            for (_, events) in histories {
                by.push(&fold(events).unwrap()).unwrap();
            }
            by.finish()
        })
        .collect()
}

/// Seeds `first` through the server's write path, exports it, imports the
/// export into `second`, and compares the two databases and two exports.
async fn demo_round_trip<S: Store>(
    first: &S,
    first_config: Config,
    second: &S,
    second_config: Config,
    dir: &Path,
) {
    let seeded = aduan_demo::seed(first, &first_config, 7, aduan_demo::default_now()).await.unwrap();
    assert!(seeded.complaints > 1_000, "a realistic amount: {}", seeded.complaints);
    let a = dir.join("a.csv");
    let exported = export(
        first_config.clone(),
        ExportArgs { output: a.clone(), format: None, agency: None, from: None, to: None },
    )
    .await
    .unwrap();
    assert_eq!(exported, seeded.complaints as u64);
    let summary = import(
        second_config.clone(),
        ImportArgs {
            file: a.clone(),
            map: Vec::new(),
            mapping: None,
            format: None,
            encoding: Encoding::Utf8,
            zone: None,
            dry_run: false,
            report: None,
        },
    )
    .await
    .unwrap();
    assert!(summary.rejections.is_empty(), "{:?}", &summary.rejections[..summary.rejections.len().min(5)]);
    assert_eq!(summary.imported, exported);

    let (h1, h2) = (first.histories(None).await.unwrap(), second.histories(None).await.unwrap());
    let (m1, m2): (BTreeMap<_, _>, BTreeMap<_, _>) =
        (h1.iter().cloned().collect(), h2.iter().cloned().collect());
    assert_eq!(m1, m2, "every history is identical");
    let (c1, c2) = (contents(first).await, contents(second).await);
    assert_eq!(c1.len(), c2.len());
    for (ticket, record) in &c1 {
        assert_eq!(Some(record), c2.get(ticket), "{ticket}: content, contact, secret hash and read model");
    }
    assert_eq!(stats(&first_config, &h1), stats(&second_config, &h2), "the statistics are equal");

    let b = dir.join("b.csv");
    export(second_config, ExportArgs { output: b.clone(), format: None, agency: None, from: None, to: None })
        .await
        .unwrap();
    assert!(std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(), "the second export is byte-identical");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_data_survives_export_and_import_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let (u1, u2) = (
        format!("sqlite://{}/first.sqlite3", dir.path().display()),
        format!("sqlite://{}/second.sqlite3", dir.path().display()),
    );
    let (first, second) =
        (SqliteStore::connect(&u1).await.unwrap(), SqliteStore::connect(&u2).await.unwrap());
    first.migrate().await.unwrap();
    second.migrate().await.unwrap();
    demo_round_trip(&first, demo_config(dir.path(), &u1), &second, demo_config(dir.path(), &u2), dir.path())
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_data_survives_export_and_import_on_postgres() {
    let probe = tokio::time::timeout(Duration::from_secs(5), sqlx::PgConnection::connect(POSTGRES_URL)).await;
    if !matches!(probe, Ok(Ok(_))) {
        assert!(std::env::var_os("CI").is_none(), "PostgreSQL at {POSTGRES_URL} is unreachable on CI");
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "note: PostgreSQL at {POSTGRES_URL} is unreachable; skipping the PostgreSQL round trip"
            );
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let schemas = [1, 2].map(|n| format!("aduan_roundtrip_{}_{nanos}_{n}", std::process::id()));
    let mut stores = Vec::new();
    for schema in &schemas {
        let store = PgStore::connect_with_schema(POSTGRES_URL, schema).await.unwrap();
        store.migrate().await.unwrap();
        stores.push(store);
    }
    let url = |schema: &str| format!("{POSTGRES_URL}?options=-c%20search_path%3D{schema}");
    demo_round_trip(
        &stores[0],
        demo_config(dir.path(), &url(&schemas[0])),
        &stores[1],
        demo_config(dir.path(), &url(&schemas[1])),
        dir.path(),
    )
    .await;
    for (store, schema) in stores.iter().zip(&schemas) {
        sqlx::query(&format!("DROP SCHEMA \"{schema}\" CASCADE")).execute(store.pool()).await.unwrap();
    }
}
