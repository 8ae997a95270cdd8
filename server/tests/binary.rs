//! The `aduan` binary as an operator runs it: built-in defaults announced,
//! a bad config refused with file, key and reason, `serve` answering on a
//! real socket and stopping cleanly on SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn temp_dir(name: &str) -> std::path::PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let dir = std::env::temp_dir().join(format!("aduan-bin-{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn aduan() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aduan"));
    for var in ["ADUAN_CONFIG", "ADUAN_LISTEN", "ADUAN_DATABASE_URL", "ADUAN_DATA_DIR", "RUST_LOG"] {
        cmd.env_remove(var);
    }
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn a_bad_config_names_file_key_and_reason() {
    let dir = temp_dir("bad");
    let path = dir.join("aduan.toml");
    std::fs::write(
        &path,
        "[[agencies]]\nid = \"dinkes\"\nname = \"Dinkes\"\ncategory = \"opd\"\nzone = \"Mars\"\n",
    )
    .unwrap();
    let out = aduan().arg("--config").arg(&path).arg("migrate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("aduan.toml") && stderr.contains("agencies[0].zone"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn serve_on_defaults_answers_and_stops_on_sigterm() {
    let dir = temp_dir("serve");
    let mut child = aduan()
        .current_dir(&dir)
        .env("ADUAN_LISTEN", "127.0.0.1:0")
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut said_defaults = false;
    let deadline = Instant::now() + Duration::from_secs(60);
    let addr = loop {
        assert!(Instant::now() < deadline, "the server did not start");
        let line = lines.next().expect("the server exited early").unwrap();
        said_defaults |= line.contains("built-in defaults");
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.trim().to_owned();
        }
    };
    assert!(said_defaults, "the server must say it runs on built-in defaults");
    assert!(dir.join("data/aduan.sqlite3").exists(), "the SQLite file is created on first run");

    let mut stream = TcpStream::connect(&addr).unwrap();
    stream
        .write_all(format!("GET /readyz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes())
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.to_ascii_lowercase().contains("x-request-id:"), "{response}");

    let status = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status().unwrap();
    assert!(status.success());
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let exit = child.wait().unwrap();
    assert!(exit.success(), "exit {exit:?}; log: {rest:?}");
    assert!(rest.iter().any(|l| l.contains("shutting down")), "{rest:?}");
    assert!(rest.iter().any(|l| l.contains("stopped")), "{rest:?}");
}
