//! `aduan`: the Aduan server binary.
//!
//! `aduan serve` runs the server (with no config file, on built-in
//! defaults: SQLite in `./data`, the Indonesian holiday calendar, the
//! SP4N-LAPOR! deadlines); `aduan migrate` applies database migrations;
//! `aduan rebuild` derives read models anew from the events;
//! `aduan hash-token` prints the hash of an officer token for the config;
//! `aduan import` and `aduan export` move complaints in and out as files;
//! `aduan sla`, `aduan score` and `aduan stats` are the analyst's
//! commands (see `aduan_server::cli`).

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use aduan_server::config::{Config, ConfigSource, hash_token};
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "aduan", version, about = "Public-complaint server for Indonesian government websites")]
struct Cli {
    /// The TOML configuration file (see server/aduan.example.toml).
    #[arg(long, short, global = true, env = "ADUAN_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server until SIGINT or SIGTERM.
    #[command(after_help = SERVE_EXAMPLES)]
    Serve,
    /// Apply database migrations and exit.
    #[command(after_help = MIGRATE_EXAMPLES)]
    Migrate,
    /// Derive every complaint's read model anew from its events (after a
    /// change of SLA policy or holiday calendar).
    #[command(after_help = REBUILD_EXAMPLES)]
    Rebuild,
    /// Print the SHA-256 of an officer token read from standard input, for
    /// `token_sha256` in the configuration.
    #[command(after_help = HASH_TOKEN_EXAMPLES)]
    HashToken,
    /// Load complaints with their histories from a CSV, JSON or JSON Lines
    /// file into the database: all or nothing, every rejected row reported.
    Import(aduan_server::cli::import::ImportArgs),
    /// Write every complaint with its history to a CSV, JSON or JSON Lines
    /// file (personal data: keep it safe).
    Export(aduan_server::cli::export::ExportArgs),
    /// Working-day arithmetic with the configured holiday calendar: add
    /// working days, count them, measure elapsed working time.
    Sla(aduan_server::cli::sla::Args),
    /// An award leaderboard from a complaints file or a sheet of metrics
    /// (such as jury scores); `--explain` shows how one score was computed.
    Score(aduan_server::cli::score::Args),
    /// Response-time statistics per agency and for the province from a
    /// complaints file.
    Stats(aduan_server::cli::stats::Args),
}

const SERVE_EXAMPLES: &str = "Contoh / Examples:
  aduan serve                                  # built-in defaults: SQLite in ./data, listens on 127.0.0.1:8080
  aduan --config /etc/aduan/aduan.toml serve
  ADUAN_DATABASE_URL=postgres://aduan@db/aduan aduan --config aduan.toml serve";

const MIGRATE_EXAMPLES: &str = "Contoh / Examples:
  aduan --config /etc/aduan/aduan.toml migrate   # before starting a new version on several instances";

const REBUILD_EXAMPLES: &str = "Contoh / Examples:
  aduan --config /etc/aduan/aduan.toml rebuild   # after adding next year's holidays or changing [sla]";

const HASH_TOKEN_EXAMPLES: &str = "Contoh / Examples:
  openssl rand -base64 32 | tee token-siti.txt | aduan hash-token
  printf '%s' \"$TOKEN\" | aduan hash-token      # paste the output as token_sha256 in [[officers]]";

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The file commands keep standard output for their data and summary.
    let logs = if matches!(
        cli.command,
        Command::Import(_) | Command::Export(_) | Command::Sla(_) | Command::Score(_) | Command::Stats(_)
    ) {
        tracing_subscriber::fmt::writer::BoxMakeWriter::new(std::io::stderr)
    } else {
        tracing_subscriber::fmt::writer::BoxMakeWriter::new(std::io::stdout)
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .with_writer(logs)
        .init();
    if let Command::HashToken = cli.command {
        let mut token = String::new();
        if std::io::stdin().read_to_string(&mut token).is_err() || token.trim().is_empty() {
            tracing::error!("give the token on standard input");
            return ExitCode::from(2);
        }
        #[allow(clippy::print_stdout)]
        {
            println!("{}", hash_token(token.trim()));
        }
        return ExitCode::SUCCESS;
    }
    let config = match Config::load(cli.config.as_deref(), &|name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("config error: {e}");
            }
            return ExitCode::from(2);
        }
    };
    if let Some(code) = run_analysis(&cli.command, &config) {
        return code;
    }
    match &config.source {
        ConfigSource::Defaults => tracing::info!(
            "no config file given: built-in defaults (SQLite in {}, Indonesian holiday calendar 2024–2026, SP4N-LAPOR! deadlines, no agencies)",
            config.data_dir.display()
        ),
        ConfigSource::File(path) => tracing::info!("config: {}", path.display()),
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!(error = %e, "cannot start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve => aduan_server::serve::serve(config).await,
            Command::Migrate => aduan_server::serve::migrate(&config).await,
            Command::Rebuild => aduan_server::serve::rebuild(config).await.map(|n| {
                tracing::info!(complaints = n, "read models rebuilt from events");
            }),
            Command::HashToken | Command::Sla(_) | Command::Score(_) | Command::Stats(_) => {
                unreachable!("handled above")
            }
            Command::Import(args) => aduan_server::cli::import::run(config, args).await,
            Command::Export(args) => aduan_server::cli::export::run(config, args).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the analyst's commands, which read files and the configuration
/// and never the database; `None` for the server's commands.
fn run_analysis(command: &Command, config: &Config) -> Option<ExitCode> {
    use aduan_server::cli;
    let mut out = std::io::stdout().lock();
    let (result, allow_rejected) = match command {
        Command::Sla(args) => (cli::sla::run(args, config, &mut out), false),
        Command::Score(args) => (
            cli::score::run(args, config, chrono::Utc::now(), &mut out, &mut std::io::stderr().lock()),
            args.input.allow_rejected,
        ),
        Command::Stats(args) => (
            cli::stats::run(args, config, chrono::Utc::now(), &mut out, &mut std::io::stderr().lock()),
            args.input.allow_rejected,
        ),
        _ => return None,
    };
    Some(cli::exit_code(result, allow_rejected, &mut std::io::stderr().lock()))
}
