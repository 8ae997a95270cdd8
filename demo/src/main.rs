//! `aduan-demo`: the Kalimantan Selatan demo.
//!
//! ```text
//! aduan-demo serve [--port 8080] [--pages-port 8081] [--database PATH] [--fresh] [--seed N] [--now INSTANT]
//! aduan-demo seed [--database sqlite:///tmp/demo.sqlite3] [--seed N] [--now 2026-01-15T02:00:00Z]
//! ```
//!
//! `serve` runs the whole demo (see `aduan_demo::serve`): it seeds
//! `target/demo/aduan-demo.sqlite3` (or reuses it when seeded alike; `--fresh`
//! seeds anew), serves it with the Aduan server on `--port` and the demo
//! pages on `--pages-port` (default: the next port), prints the URLs and
//! tokens, and stops on Ctrl-C. `cargo xtask demo` builds the widgets first.
//!
//! `seed` only seeds, and prints the figures read back. Without
//! `--database` it seeds the database of `demo/aduan.demo.toml`
//! (`target/demo/aduan-demo.sqlite3`, or `ADUAN_DATABASE_URL`), which
//! `aduan serve --config demo/aduan.demo.toml` then serves.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use aduan_demo::{DEFAULT_SEED, default_now, figures, generate::YEARS, seed_database, serve};
use aduan_server::config::Config;
use aduan_server::store::Store;
use aduan_server::store::postgres::PgStore;
use aduan_server::store::sqlite::SqliteStore;
use anyhow::{Context, bail};
use chrono::{DateTime, Utc};

const USAGE: &str = "usage: aduan-demo serve [--port 8080] [--pages-port 8081] [--database PATH] [--fresh] \
                     [--seed N] [--now RFC3339-INSTANT]
       aduan-demo seed [--database sqlite://PATH | postgres://…] [--seed N] [--now RFC3339-INSTANT]";

struct Args {
    database: Option<String>,
    seed: u64,
    now: DateTime<Utc>,
}

fn parse_seed(args: &[String]) -> anyhow::Result<Args> {
    let mut it = args.iter();
    let (mut database, mut seed, mut now) = (None, DEFAULT_SEED, default_now());
    while let Some(flag) = it.next() {
        let value = it.next().with_context(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--database" => database = Some(value.clone()),
            "--seed" => seed = parse_seed_value(value)?,
            "--now" => now = parse_now(value)?,
            _ => bail!("unknown option {flag}\n{USAGE}"),
        }
    }
    Ok(Args { database, seed, now })
}

fn parse_seed_value(value: &str) -> anyhow::Result<u64> {
    value.parse().with_context(|| format!("--seed {value:?} is not a number"))
}

fn parse_now(value: &str) -> anyhow::Result<DateTime<Utc>> {
    Ok(DateTime::parse_from_rfc3339(value)
        .with_context(|| format!("--now {value:?} is not an RFC 3339 instant"))?
        .with_timezone(&Utc))
}

fn parse_port(flag: &str, value: &str) -> anyhow::Result<u16> {
    value.parse().with_context(|| format!("{flag} {value:?} is not a port number"))
}

fn parse_serve(args: &[String]) -> anyhow::Result<serve::Options> {
    let mut options = serve::Options::new(serve::default_database());
    let mut pages_port = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "--fresh" {
            options.fresh = true;
            continue;
        }
        let value = it.next().with_context(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--port" => options.api.set_port(parse_port(flag, value)?),
            "--pages-port" => pages_port = Some(parse_port(flag, value)?),
            "--database" => {
                let path = value.strip_prefix("sqlite://").unwrap_or(value);
                if path.contains("://") {
                    bail!(
                        "serve takes a SQLite file, not {value:?} (seed PostgreSQL with `aduan-demo seed`)"
                    );
                }
                options.database = PathBuf::from(path);
            }
            "--seed" => options.seed = parse_seed_value(value)?,
            "--now" => options.now = parse_now(value)?,
            _ => bail!("unknown option {flag}\n{USAGE}"),
        }
    }
    let port = options.api.port();
    let pages_port = match pages_port {
        Some(p) => p,
        None if port == 0 => 0,
        None => {
            port.checked_add(1).context("--port 65535 leaves no port for the pages: pass --pages-port")?
        }
    };
    options.pages = SocketAddr::new(options.api.ip(), pages_port);
    Ok(options)
}

async fn run_serve(options: serve::Options) -> anyhow::Result<()> {
    let config = aduan_demo::config(&|name| std::env::var(name).ok())?;
    #[allow(clippy::print_stdout)]
    {
        println!("Preparing the demo database {} …", options.database.display());
    }
    let running = serve::start(config, &options).await?;
    #[allow(clippy::print_stdout)]
    {
        print!("{}", running.banner(&options.database));
    }
    aduan_server::serve::shutdown_signal().await;
    #[allow(clippy::print_stdout)]
    {
        println!("Stopping the demo …");
    }
    running.stop().await;
    #[allow(clippy::print_stdout)]
    {
        println!("Stopped.");
    }
    Ok(())
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
    let result = match args.first().map(String::as_str) {
        Some("seed") => parse_seed(&args[1..]).and_then(|args| {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            runtime.block_on(run(args))
        }),
        Some("serve") => parse_serve(&args[1..]).and_then(|options| {
            // The server's warnings (and RUST_LOG's choice) on stderr.
            let filter = tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
            let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
            let runtime =
                tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
            runtime.block_on(run_serve(options))
        }),
        _ => Err(anyhow::anyhow!("{USAGE}")),
    };
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
