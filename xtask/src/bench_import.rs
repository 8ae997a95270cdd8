//! `cargo xtask bench-import [--rows N] [--postgres URL]`: generates a
//! deterministic complaints file of N rows (default 1,000,000) with
//! realistic histories, then times `aduan import` of it into a fresh
//! database (SQLite; PostgreSQL too when a URL is given) with the release
//! binary, and reports rows per second (and peak memory, through
//! `/usr/bin/time -v` when it is installed).
//!
//! CI runs it with a small N (`--rows 2000`); the numbers of a full run
//! are recorded in BENCHMARKS.md.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};

/// The agencies of the generated file (and of the benchmark's config).
const AGENCIES: [&str; 10] = [
    "dinkes",
    "dishub",
    "disdik",
    "dinsos",
    "dpupr",
    "dlh",
    "disdukcapil",
    "bpbd",
    "diskominfo",
    "rsud-ulin",
];

const TOPICS: [(&str, &str); 8] = [
    (
        "Jalan berlubang di depan sekolah",
        "Jalan di depan sekolah berlubang besar dan membahayakan anak-anak saat hujan.",
    ),
    (
        "Puskesmas tutup pada jam kerja",
        "Puskesmas tutup pada jam kerja padahal warga sudah antre sejak pagi hari.",
    ),
    (
        "Lampu jalan padam berminggu-minggu",
        "Lampu penerangan jalan umum padam sejak tiga minggu dan rawan kejahatan.",
    ),
    (
        "Sampah menumpuk di pasar",
        "Sampah di pasar tidak diangkut selama seminggu sehingga berbau dan mengundang lalat.",
    ),
    (
        "Antrean KTP elektronik terlalu lama",
        "Pengurusan KTP elektronik memakan waktu berbulan-bulan tanpa kejelasan jadwal.",
    ),
    (
        "Bantuan sosial tidak tepat sasaran",
        "Bantuan sosial di kelurahan kami diterima warga mampu sementara lansia tidak.",
    ),
    (
        "Tambah jadwal bus kota",
        "Bus kota jurusan Banjarbaru penuh setiap pagi hari kerja, mohon armada ditambah.",
    ),
    (
        "Banjir setiap hujan deras",
        "Saluran air tersumbat sehingga permukiman tergenang setiap kali hujan deras turun.",
    ),
];

const NAMES: [&str; 6] =
    ["Siti Aminah", "Budi Santoso", "Rahmat Hidayat", "Nur Aisyah", "Ahmad Fauzi", "Dewi Lestari"];

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The ticket number of `n` (distinct for distinct `n` below 29⁸), with
/// the core's check symbol (`aduan_core::ticket`).
fn ticket(n: u64) -> String {
    const ALPHABET: &[u8; 29] = b"23456789ABCDEFGHJKMNPQRSTVWXY";
    let mut values = [0_u64; 9];
    let mut rest = n;
    for v in values[..8].iter_mut().rev() {
        *v = rest % 29;
        rest /= 29;
    }
    let sum: u64 = values[..8].iter().zip(1..).map(|(v, w)| v * w).sum::<u64>() % 29;
    values[8] = (0..29).find(|c| (sum + 9 * c) % 29 == 0).unwrap_or(0);
    let s: String = values.iter().map(|&v| ALPHABET[v as usize] as char).collect();
    format!("{}-{}-{}", &s[0..3], &s[3..6], &s[6..9])
}

/// Local time `minutes` after 2024-01-01 00:00 as `YYYY-MM-DD HH:MM`.
fn local(minutes: u64) -> String {
    let days = minutes / 1440;
    let (mut year, mut day) = (2024_u64, days);
    loop {
        let len = if year % 4 == 0 { 366 } else { 365 };
        if day < len {
            break;
        }
        day -= len;
        year += 1;
    }
    let months = [31, if year % 4 == 0 { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut month = 0;
    while day >= months[month] {
        day -= months[month];
        month += 1;
    }
    let m = minutes % 1440;
    format!("{year}-{:02}-{:02} {:02}:{:02}", month + 1, day + 1, m / 60, m % 60)
}

fn date(minutes: u64) -> String {
    local(minutes)[..10].to_owned()
}

/// Writes `rows` complaints: a tenth to each of the statuses the history
/// reaches (received … confirmed, auto-closed, archived), half with a
/// ticket and half drawing one on import.
pub(crate) fn generate(path: &Path, rows: u64) -> anyhow::Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    out.write_all(
        b"ticket,received_at,kind,agency,channel,privacy,title,description,incident_date,location,\
          reporter_name,reporter_email,reporter_phone,verified_at,disposed_at,disposed_to,responded_at,response,\
          followed_up_at,follow_up,closed_at,closed_how,archive_reason,archive_note,rating,rated_at\n",
    )?;
    let mut rng = Rng(0x00AD_0A11);
    // Two years of minutes, less a month so every history fits the calendar.
    let span = (365 + 366 - 31) * 1440;
    let mut line = String::with_capacity(1024);
    for i in 0..rows {
        line.clear();
        let received = rng.below(span);
        let agency = AGENCIES[rng.below(AGENCIES.len() as u64) as usize];
        let (title, description) = TOPICS[rng.below(TOPICS.len() as u64) as usize];
        let kind = ["pengaduan", "pengaduan", "pengaduan", "aspirasi", "permintaan_informasi"]
            [rng.below(5) as usize];
        let privacy = ["publik", "publik", "anonim", "rahasia"][rng.below(4) as usize];
        let channel = ["lapor", "sms_1708", "whats_app", "social_media", "walk_in"][rng.below(5) as usize];
        let ticket = if i % 2 == 0 { ticket(i / 2 * 7919 + 1) } else { String::new() };
        let (name, email, phone) = if privacy == "anonim" {
            ("", String::new(), String::new())
        } else {
            let name = NAMES[rng.below(NAMES.len() as u64) as usize];
            (
                name,
                format!("warga{}@example.id", i),
                format!("08{:010}", 1_200_000_000 + rng.below(800_000_000)),
            )
        };
        let incident = date(received.saturating_sub(rng.below(10) * 1440));
        let _ = write!(
            line,
            "{ticket},{},{kind},{agency},{channel},{privacy},{title} {i},\"{description}\",{incident},\"Kel. {}, Banjarmasin\",{name},{email},{phone}",
            local(received),
            1 + rng.below(50),
        );
        // Milestones: each step a few working hours to days after the last.
        let stage = rng.below(10);
        let mut t = received;
        let mut step = |rng: &mut Rng| {
            t += 30 + rng.below(3 * 1440);
            local(t)
        };
        let verified = (stage >= 1 && stage != 9).then(|| step(&mut rng));
        let disposed = (stage >= 2 && stage != 9).then(|| step(&mut rng));
        let responded = (stage >= 3 && stage != 9).then(|| step(&mut rng));
        let followed = (4..9).contains(&stage).then(|| step(&mut rng));
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let _ = write!(
            line,
            ",{},{},{},{},{},{},{}",
            opt(&verified),
            opt(&disposed),
            if disposed.is_some() { agency } else { "" },
            opt(&responded),
            if responded.is_some() { "Laporan sedang kami tindak lanjuti." } else { "" },
            opt(&followed),
            if followed.is_some() { "Petugas sudah turun ke lapangan dan memperbaiki." } else { "" },
        );
        let (closed, how, reason, note) = match stage {
            5 | 6 => (Some(step(&mut rng)), "confirmed", "", ""),
            7 => (Some(local(t + 11 * 1440)), "auto_closed", "", ""),
            9 => (Some(step(&mut rng)), "archived", "duplikat", "Sama dengan laporan sebelumnya"),
            _ => (None, "", "", ""),
        };
        let rating = if stage == 6 { (1 + rng.below(5)).to_string() } else { String::new() };
        let rated = if stage == 6 { closed.clone().unwrap_or_default() } else { String::new() };
        let _ = writeln!(
            line,
            ",{},{},{reason},{note},{rating},{rated}",
            opt(&closed),
            if closed.is_some() { how } else { "" }
        );
        out.write_all(line.as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// The benchmark's configuration: the generated agencies, a database URL.
fn config(dir: &Path, database_url: &str) -> anyhow::Result<PathBuf> {
    let mut toml = format!(
        "data_dir = {:?}\ndatabase_url = {:?}\ndefault_zone = \"WITA\"\n",
        dir.display().to_string(),
        database_url
    );
    for a in AGENCIES {
        let _ = write!(toml, "\n[[agencies]]\nid = \"{a}\"\nname = \"{a}\"\ncategory = \"opd\"\n");
    }
    let path = dir.join("aduan.toml");
    std::fs::write(&path, toml)?;
    Ok(path)
}

/// Runs the benchmark.
pub(crate) fn run(args: &[String], root: &Path, target: &Path) -> anyhow::Result<()> {
    let mut rows: u64 = 1_000_000;
    let mut postgres: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rows" => rows = it.next().context("--rows N")?.replace('_', "").parse().context("--rows N")?,
            "--postgres" => postgres = Some(it.next().context("--postgres URL")?.clone()),
            other => {
                bail!("unknown argument {other}; usage: cargo xtask bench-import [--rows N] [--postgres URL]")
            }
        }
    }
    let dir = target.join("bench-import");
    std::fs::create_dir_all(&dir)?;
    let csv = dir.join(format!("complaints-{rows}.csv"));
    if !csv.exists() {
        let started = Instant::now();
        generate(&csv, rows)?;
        println!("generated {} in {:.1} s", csv.display(), started.elapsed().as_secs_f64());
    }
    let size = std::fs::metadata(&csv)?.len();
    crate::run(Command::new(crate::cargo()).current_dir(root).args([
        "build",
        "--release",
        "-p",
        "aduan-server",
        "--bin",
        "aduan",
    ]))?;
    let binary = target.join("release/aduan");
    let mut databases = vec![("sqlite", None)];
    if let Some(url) = postgres {
        databases.push(("postgres", Some(url)));
    }
    for (name, url) in databases {
        let run_dir = dir.join(format!("run-{name}"));
        let _ = std::fs::remove_dir_all(&run_dir);
        std::fs::create_dir_all(&run_dir)?;
        let url = url.unwrap_or_else(|| format!("sqlite://{}/aduan.sqlite3", run_dir.display()));
        let config = config(&run_dir, &url)?;
        let time = Path::new("/usr/bin/time");
        let mut cmd = if time.exists() {
            let mut c = Command::new(time);
            c.arg("-v").arg(&binary);
            c
        } else {
            Command::new(&binary)
        };
        cmd.arg("--config").arg(&config).arg("import").arg(&csv).env("RUST_LOG", "warn");
        let started = Instant::now();
        let output = cmd.output().context("cannot run aduan import")?;
        let secs = started.elapsed().as_secs_f64();
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            bail!(
                "aduan import failed ({}):\n{}\n{stderr}",
                output.status,
                String::from_utf8_lossy(&output.stdout)
            );
        }
        let peak = stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes): "))
            .map(|kb| format!(", peak memory {} MiB", kb.trim().parse::<u64>().unwrap_or(0) / 1024))
            .unwrap_or_default();
        print!("{}", String::from_utf8_lossy(&output.stdout));
        println!(
            "bench-import {name}: {rows} rows, file {:.1} MiB, {secs:.1} s, {:.0} rows/s{peak}",
            size as f64 / (1024.0 * 1024.0),
            rows as f64 / secs
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_carry_the_check_symbol() {
        // K7M-4QX-9RJ is the core's documented example.
        let values: u64 = "K7M4QX9R".bytes().fold(0, |acc, b| {
            acc * 29 + b"23456789ABCDEFGHJKMNPQRSTVWXY".iter().position(|&c| c == b).unwrap_or(0) as u64
        });
        assert_eq!(ticket(values), "K7M-4QX-9RJ");
    }

    #[test]
    fn local_times_count_leap_years() {
        assert_eq!(local(0), "2024-01-01 00:00");
        assert_eq!(local(59 * 1440 + 61), "2024-02-29 01:01");
        assert_eq!(local(366 * 1440), "2025-01-01 00:00");
    }
}
