//! `aduan-demo`: seeds a fresh database with the Kalimantan Selatan demo
//! and prints the figures read back from it.
//!
//! ```text
//! aduan-demo seed [--database sqlite:///tmp/demo.sqlite3] [--seed N] [--now 2026-01-15T02:00:00Z]
//! ```
//!
//! Without `--database` it seeds the database of `demo/aduan.demo.toml`
//! (`target/demo/aduan-demo.sqlite3`, or `ADUAN_DATABASE_URL`), which
//! `aduan serve --config demo/aduan.demo.toml` then serves.

use std::process::ExitCode;
use std::time::Instant;

use aduan_demo::{DEFAULT_SEED, default_now, figures, generate::YEARS, seed_database};
use aduan_server::config::Config;
use aduan_server::store::Store;
use aduan_server::store::postgres::PgStore;
use aduan_server::store::sqlite::SqliteStore;
use anyhow::{Context, bail};
use chrono::{DateTime, Utc};

const USAGE: &str =
    "usage: aduan-demo seed [--database sqlite://PATH | postgres://…] [--seed N] [--now RFC3339-INSTANT]";

struct Args {
    database: Option<String>,
    seed: u64,
    now: DateTime<Utc>,
}

fn parse(args: &[String]) -> anyhow::Result<Args> {
    let mut it = args.iter();
    if it.next().map(String::as_str) != Some("seed") {
        bail!("{USAGE}");
    }
    let (mut database, mut seed, mut now) = (None, DEFAULT_SEED, default_now());
    while let Some(flag) = it.next() {
        let value = it.next().with_context(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--database" => database = Some(value.clone()),
            "--seed" => seed = value.parse().with_context(|| format!("--seed {value:?} is not a number"))?,
            "--now" => {
                now = DateTime::parse_from_rfc3339(value)
                    .with_context(|| format!("--now {value:?} is not an RFC 3339 instant"))?
                    .with_timezone(&Utc);
            }
            _ => bail!("unknown option {flag}\n{USAGE}"),
        }
    }
    Ok(Args { database, seed, now })
}

async fn run(args: Args) -> anyhow::Result<()> {
    let config = aduan_demo::config(&|name| std::env::var(name).ok())?;
    let database = args.database.unwrap_or_else(|| config.database_url.clone());
    let started = Instant::now();
    let seeded = seed_database(&database, &config, args.seed, args.now).await?;
    let took = started.elapsed();
    let mut out = format!(
        "Seeded {} complaints ({} events) into {database} with seed {} in {:.1} s; demo now {}.\n",
        seeded.complaints,
        seeded.events,
        args.seed,
        took.as_secs_f64(),
        args.now
    );
    // The figures are read back from the database just written.
    out += &if database.starts_with("sqlite:") {
        let store = SqliteStore::connect(&database).await.context("cannot open the database")?;
        figures_text(&store, &config, args.now).await?
    } else {
        let store = PgStore::connect(&database).await.context("cannot connect to the database")?;
        figures_text(&store, &config, args.now).await?
    };
    out += "Tickets to follow in the tracker (ticket, access secret):\n";
    for (ticket, secret) in &seeded.samples {
        out += &format!("  {ticket}  {secret}\n");
    }
    #[allow(clippy::print_stdout)]
    {
        print!("{out}");
    }
    Ok(())
}

async fn figures_text<S: Store>(store: &S, config: &Config, now: DateTime<Utc>) -> anyhow::Result<String> {
    let mut out = String::new();
    for year in YEARS {
        out += &format!("{}\n", figures(store, config, year, now).await?);
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse(&args).and_then(|args| {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        runtime.block_on(run(args))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("aduan-demo: {e:#}");
            }
            ExitCode::FAILURE
        }
    }
}
