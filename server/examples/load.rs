//! Load benchmark: submits complaints to a real server over loopback and
//! reports durable acknowledged submissions per second with p50/p99
//! latency, beside the rate of plain single-row durable commits to SQLite
//! on the same disk, measured in the same run.
//!
//! `cargo run --release -p aduan-server --example load -- [REQUESTS] [CONNECTIONS]`
//! (defaults: 2000 requests over 16 keep-alive connections). The server
//! runs in this process on 127.0.0.1 with the SQLite backend in a fresh
//! temporary directory; every acknowledged submission was committed with
//! `synchronous = FULL` before its 201 was sent.

#![allow(clippy::print_stdout)] // A benchmark reports on stdout.

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use aduan_server::app::{AppState, router};
use aduan_server::config::Config;
use aduan_server::store::Store;
use aduan_server::store::sqlite::SqliteStore;
use anyhow::{Context, bail};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const CONFIG: &str = r#"
[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan Provinsi Kalimantan Selatan"
category = "opd"
origins = ["https://dinkes.kalselprov.go.id"]

[limits]
submissions_per_minute = 100000000
submission_burst = 100000000
"#;

fn body(i: usize) -> String {
    serde_json::json!({
        "kind": "pengaduan",
        "title": format!("Lampu jalan padam di Jalan A. Yani km {i}"),
        "description": "Lampu penerangan jalan padam sejak seminggu, jalan gelap dan rawan kecelakaan pada malam hari.",
        "incident_date": "2025-03-01",
        "location": "Banjarmasin",
        "agency": "dinkes",
        "privacy": "publik",
        "reporter": {"name": "Budi Santoso", "phone": "0812-3456-7890"}
    })
    .to_string()
}

/// Sends one keep-alive HTTP/1.1 request and reads the response's status.
async fn post(
    stream: &mut BufReader<TcpStream>,
    addr: SocketAddr,
    key: &str,
    body: &str,
) -> anyhow::Result<u16> {
    let request = format!(
        "POST /api/v1/complaints HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nOrigin: https://dinkes.kalselprov.go.id\r\nIdempotency-Key: {key}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.get_mut().write_all(request.as_bytes()).await?;
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status: u16 = line.split_whitespace().nth(1).context("no status line")?.parse()?;
    let mut length = 0usize;
    loop {
        line.clear();
        stream.read_line(&mut line).await?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse()?;
            }
        }
    }
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await?;
    Ok(status)
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// Plain single-row durable commits to SQLite, one transaction each, with
/// the pragmas the store uses.
async fn plain_commits(dir: &Path, count: usize) -> anyhow::Result<f64> {
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
    let options = SqliteConnectOptions::new()
        .filename(dir.join("plain.sqlite3"))
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full);
    let pool = sqlx::sqlite::SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)").execute(&pool).await?;
    let started = Instant::now();
    for i in 0..count {
        sqlx::query("INSERT INTO t (v) VALUES (?)").bind(format!("row {i}")).execute(&pool).await?;
    }
    Ok(count as f64 / started.elapsed().as_secs_f64())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let requests: usize = args.next().map_or(Ok(2000), |a| a.parse())?;
    let connections: usize = args.next().map_or(Ok(16), |a| a.parse())?;
    let dir = std::env::temp_dir().join(format!("aduan-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;

    let config = Config::from_toml_str(CONFIG, &dir.join("aduan.toml"), &|_| None)?;
    let db = dir.join("aduan.sqlite3");
    let store = SqliteStore::connect(&format!("sqlite://{}", db.display())).await?;
    store.migrate().await?;
    let state = AppState::new(store.clone(), config, [1; 32]);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>()).await
    });

    let started = Instant::now();
    let per_connection = requests.div_ceil(connections);
    let mut tasks = Vec::new();
    for c in 0..connections {
        tasks.push(tokio::spawn(async move {
            let mut stream = BufReader::new(TcpStream::connect(addr).await?);
            stream.get_ref().set_nodelay(true)?;
            let mut latencies = Vec::with_capacity(per_connection);
            for i in 0..per_connection {
                let n = c * per_connection + i;
                if n >= requests {
                    break;
                }
                let t = Instant::now();
                let status = post(&mut stream, addr, &format!("load-benchmark-{n:08}"), &body(n)).await?;
                if status != 201 {
                    bail!("submission {n} answered {status}");
                }
                latencies.push(t.elapsed());
            }
            anyhow::Ok(latencies)
        }));
    }
    let mut latencies = Vec::with_capacity(requests);
    for task in tasks {
        latencies.extend(task.await??);
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let stored = store.histories(None).await?.len();
    if stored != requests {
        bail!("{requests} acknowledged but {stored} stored");
    }
    let rate = requests as f64 / elapsed.as_secs_f64();
    let plain = plain_commits(&dir, requests.min(2000)).await?;
    println!(
        "submissions: {requests} over {connections} connections in {:.2} s, all stored",
        elapsed.as_secs_f64()
    );
    println!("durable acknowledged submissions: {rate:.0}/s");
    println!(
        "latency: p50 {:.2} ms, p99 {:.2} ms",
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3
    );
    println!("plain single-row durable SQLite commits, same disk: {plain:.0}/s");
    println!("ratio submissions / plain commits: {:.2}", rate / plain);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
