//! The analyst's commands as an analyst runs them: the built `aduan` binary
//! on the small files of `tests/fixtures/cli/`, with every figure the tests
//! check derived by hand in the comments beside it.
//!
//! - `sla`: working-day arithmetic across Idulfitri 2025 and 17 August,
//!   in several zones, and dates outside the calendar;
//! - `score`: a jury's sheet in CSV and JSON with an award file, in every
//!   output format, `--explain`, malformed rows, wrong award definitions,
//!   empty and Latin-1 files; complaints files with the preset and with an
//!   award file;
//! - `stats`: a complaints file per agency, per month and for the
//!   province; rejected rows, wrong encodings, an empty file;
//! - `--help` of every subcommand has examples.

use std::path::PathBuf;
use std::process::Command;

use aduan_core::api::v1::LeaderboardView;

/// The outcome of one run.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli")
}

/// Runs `aduan` in the fixtures folder (so messages name files as
/// `jury.csv`), with the fixtures' configuration unless `args` gives none.
fn aduan(args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aduan"));
    for var in ["ADUAN_CONFIG", "ADUAN_LISTEN", "ADUAN_DATABASE_URL", "ADUAN_DATA_DIR", "RUST_LOG"] {
        cmd.env_remove(var);
    }
    cmd.env("NO_COLOR", "1").current_dir(fixtures());
    if !args.contains(&"--no-config") {
        cmd.args(["--config", "aduan.toml"]);
    }
    let out = cmd.args(args.iter().filter(|a| **a != "--no-config")).output().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A run that must succeed; its standard output.
fn ok(args: &[&str]) -> String {
    let run = aduan(args);
    assert_eq!(run.code, Some(0), "{args:?}\nstdout:\n{}\nstderr:\n{}", run.stdout, run.stderr);
    run.stdout
}

/// A run that must fail with `code` and print nothing on standard output;
/// its standard error.
fn fails(code: i32, args: &[&str]) -> String {
    let run = aduan(args);
    assert_eq!(run.code, Some(code), "{args:?}\nstdout:\n{}\nstderr:\n{}", run.stdout, run.stderr);
    assert!(run.stdout.is_empty(), "{args:?} wrote:\n{}", run.stdout);
    run.stderr
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"))
}

/// CSV output as rows of cells, header first.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The row of `rows` whose first (or `key_column`-th) cell is `key`.
fn row<'a>(rows: &'a [Vec<String>], key_column: usize, key: &str) -> &'a [String] {
    rows.iter().find(|r| r[key_column] == key).unwrap_or_else(|| panic!("no row {key} in {rows:?}"))
}

mod sla {
    use super::*;

    /// Idulfitri 2025: Friday 28 March (cuti bersama Nyepi), Saturday 29
    /// (Nyepi), Monday 31 and Tuesday 1 April (Idulfitri), 2, 3, 4 and 7
    /// April (cuti bersama): nobody works from 28 March to 7 April. 17
    /// August 2025 is a Sunday and Monday 18 August was added as cuti
    /// bersama. From the core's calendar data (core/data/calendar-id.json).
    #[test]
    fn add_working_days_to_dates() {
        let cases = [
            // Thursday 27 March + 5: 8, 9, 10, 11, 14 April.
            ("2025-03-27", "5", "2025-04-14"),
            // Thursday 27 March + 1: Tuesday 8 April.
            ("2025-03-27", "1", "2025-04-08"),
            // Saturday 29 March + 0 rolls forward to the first working day.
            ("2025-03-29", "0", "2025-04-08"),
            // Tuesday 8 April − 1: back over the whole holiday to 27 March.
            ("2025-04-08", "-1", "2025-03-27"),
            // Friday 15 August + 1: not Monday 18 (cuti bersama) but Tuesday 19.
            ("2025-08-15", "1", "2025-08-19"),
            // Friday 5 April 2024 + 5, across Lebaran 2024 (8–15 April off): 22 April.
            ("2024-04-05", "5", "2024-04-22"),
        ];
        for (start, days, expected) in cases {
            let out = ok(&["sla", "add", start, days]);
            assert_eq!(out.lines().next(), Some(expected), "{start} + {days}:\n{out}");
            let answer = json(&ok(&["sla", "add", start, days, "--json"]));
            assert_eq!(answer["result"], expected, "{start} + {days}");
            assert_eq!(answer["start"], start);
        }
    }

    #[test]
    fn add_names_the_days_and_the_holidays_skipped() {
        let out = ok(&["sla", "add", "2025-03-27", "5"]);
        assert!(out.contains("5 hari kerja setelah Kamis, 27 Maret 2025: Senin, 14 April 2025."), "{out}");
        assert!(
            out.contains("5 working days after Thursday, 27 March 2025: Monday, 14 April 2025."),
            "{out}"
        );
        assert!(
            out.contains("2025-03-31  Libur nasional / National holiday  Hari Raya Idulfitri 1446 H"),
            "{out}"
        );
        let answer = json(&ok(&["sla", "add", "2025-03-27", "5", "--json"]));
        // 28 and 29 March, 31 March, 1, 2, 3, 4 and 7 April.
        assert_eq!(answer["holidays"].as_array().unwrap().len(), 8, "{answer}");
        assert_eq!(answer["holidays"][0]["kind"], "cuti_bersama");
    }

    #[test]
    fn add_working_days_to_instants_in_a_zone() {
        // Thursday 27 March 10:00 WITA: 14 hours of the 27th, all of 8 and
        // 9 April (48), then 10 hours of 10 April make 72 = 3 × 24.
        let out = ok(&["sla", "add", "2025-03-27 10:00", "3", "--zone", "WITA"]);
        assert_eq!(out.lines().next(), Some("2025-04-10T10:00:00+08:00"), "{out}");
        assert!(out.contains("27 Maret 2025 pukul 10.00 WITA: 10 April 2025 pukul 10.00 WITA"), "{out}");
        // The same local time read in WIB gives the same local answer in WIB.
        let out = ok(&["sla", "add", "2025-03-27 10:00", "3", "--zone", "WIB"]);
        assert_eq!(out.lines().next(), Some("2025-04-10T10:00:00+07:00"), "{out}");
        // 10:00 WITA is 09:00 WIB: 15 + 24 + 24 hours, then 9 of 10 April.
        let out = ok(&["sla", "add", "2025-03-27T10:00:00+08:00", "3", "--zone", "WIB"]);
        assert_eq!(out.lines().next(), Some("2025-04-10T09:00:00+07:00"), "{out}");
        // --agency takes the zone from the configuration (dinkes: WITA).
        let answer = json(&ok(&["sla", "add", "2025-03-27 10:00", "3", "--agency", "dinkes", "--json"]));
        assert_eq!(
            (answer["result"].as_str(), answer["zone"].as_str()),
            (Some("2025-04-10T10:00:00+08:00"), Some("WITA"))
        );
    }

    #[test]
    fn count_working_days() {
        let cases: [(&[&str], &str); 5] = [
            // 27 March and 8 April; 9 April itself is not counted.
            (&["2025-03-27", "2025-04-09"], "2"),
            // Reversed: minus the working days of (27 March, 9 April].
            (&["2025-04-09", "2025-03-27"], "-2"),
            // April 2025: 22 weekdays less 1–4 and 7 April and Good Friday 18 April.
            (&["2025-04-01", "2025-04-30", "--inclusive"], "16"),
            (&["2025-04-01", "2025-05-01"], "16"),
            // August 2025: 21 weekdays less Monday 18 August.
            (&["2025-08-01", "2025-09-01"], "20"),
        ];
        for (args, expected) in cases {
            let mut all = vec!["sla", "count"];
            all.extend_from_slice(args);
            let out = ok(&all);
            assert_eq!(out.lines().next(), Some(expected), "{args:?}:\n{out}");
        }
        let answer = json(&ok(&["sla", "count", "2025-04-01", "2025-04-30", "--inclusive", "--json"]));
        assert_eq!(answer["working_days"], 16);
        assert_eq!(answer["operation"], "count");
    }

    #[test]
    fn elapsed_working_time() {
        // 14 hours of 27 March and 12.5 hours of 8 April: 26.5 hours.
        let out = ok(&["sla", "elapsed", "2025-03-27 10:00", "2025-04-08 12:30"]);
        assert_eq!(out.lines().next(), Some("1 hari kerja 2 jam 30 menit (1,1 hari kerja)"), "{out}");
        assert!(out.contains("1 working day 2 hours 30 minutes (1.1 working days)"), "{out}");
        let answer = json(&ok(&["sla", "elapsed", "2025-03-27 10:00", "2025-04-08 12:30", "--json"]));
        assert_eq!(answer["working_seconds"], 26 * 3600 + 1800);
        assert_eq!(
            (answer["days"].as_i64(), answer["hours"].as_i64(), answer["minutes"].as_i64()),
            (Some(1), Some(2), Some(30))
        );
        // Friday 4 July 12:00 to Monday 7 July 12:00: half of each, one day.
        let answer = json(&ok(&[
            "sla",
            "elapsed",
            "2025-07-04T12:00:00+08:00",
            "2025-07-07T12:00:00+08:00",
            "--json",
        ]));
        assert_eq!(answer["working_seconds"], 86_400);
        assert_eq!(answer["zone"], "WITA");
    }

    #[test]
    fn dates_outside_the_calendar_are_explained() {
        let err = fails(2, &["sla", "add", "2026-12-31", "1"]);
        assert!(err.contains("melewati batas kalender kerja (1 Januari 2024 – 31 Desember 2026)"), "{err}");
        assert!(err.contains("covers 2024–2026") && err.contains("[calendar]"), "{err}");
        let err = fails(2, &["sla", "count", "2027-01-01", "2027-02-01"]);
        assert!(
            err.contains("2027 is outside the working-day calendar (1 January 2024 – 31 December 2026)"),
            "{err}"
        );
        let err = fails(2, &["sla", "elapsed", "2023-12-29 10:00", "2024-01-03 10:00"]);
        assert!(err.contains("29 Desember 2023 di luar kalender kerja"), "{err}");
        let err = fails(2, &["sla", "elapsed", "2025-04-09 12:00", "2025-03-27 10:00"]);
        assert!(
            err.contains("<TO> harus sama dengan atau sesudah <FROM> / <TO> must be at or after <FROM>"),
            "{err}"
        );
    }

    #[test]
    fn bad_arguments_are_named() {
        let err = fails(2, &["sla", "add", "27/03/2025", "1"]);
        assert!(
            err.contains("<START>") && err.contains("YYYY-MM-DD") && err.contains("Tulis tanggal"),
            "{err}"
        );
        let err = fails(2, &["sla", "count", "2025-03-27", "besok"]);
        assert!(err.contains("<TO>") && err.contains("Write the date as YYYY-MM-DD"), "{err}");
        let err = fails(2, &["sla", "add", "2025-03-27", "1", "--zone", "Mars"]);
        assert!(err.contains("--zone"), "{err}");
        let err = fails(2, &["sla", "add", "2025-03-27", "1", "--agency", "dishub"]);
        assert!(err.contains("--agency: agency dishub is not in the configuration"), "{err}");
    }

    #[test]
    fn works_without_a_configuration() {
        let out = ok(&["--no-config", "sla", "add", "2025-03-27", "5"]);
        assert_eq!(out.lines().next(), Some("2025-04-14"));
    }
}

mod score {
    use super::*;

    #[test]
    fn a_jury_sheet_in_json_lines() {
        let rows = csv_rows(&ok(&[
            "score",
            "--metrics",
            "jury.jsonl",
            "--award-file",
            "ampk.toml",
            "--format",
            "csv",
        ]));
        assert_eq!(row(&rows, 2, "dinkes")[4], "84");
        assert_eq!(row(&rows, 2, "kota-banjarbaru")[4], "78.3");
    }

    const JURY: [&str; 6] = ["score", "--metrics", "jury.csv", "--award-file", "ampk.toml", "--year"];

    fn jury(extra: &[&'static str]) -> Vec<&'static str> {
        let mut args = JURY.to_vec();
        args.push("2025");
        args.extend_from_slice(extra);
        args
    }

    /// Scores by hand (konten 60, interaksi 40, each the jury's 0–100
    /// score over 100): Dinkes 0.80 × 60 + 0.90 × 40 = 84, Kominfo
    /// 0.85 × 60 + 0.70 × 40 = 79, PUPR unranked (no interaksi score);
    /// Banjar 0.755 × 60 + 0.88 × 40 = 45.3 + 35.2 = 80.5, Banjarbaru
    /// 0.905 × 60 + 0.60 × 40 = 54.3 + 24 = 78.3 (its "90,5" has a
    /// decimal comma). One winner per category.
    #[test]
    fn a_jury_sheet_in_csv() {
        let out = ok(&jury(&["--format", "csv"]));
        let rows = csv_rows(&out);
        assert_eq!(
            rows[0],
            ["category", "rank", "agency", "name", "score", "winner", "konten", "interaksi", "reasons"]
        );
        assert_eq!(
            row(&rows, 2, "dinkes"),
            ["opd", "1", "dinkes", "Dinas Kesehatan", "84", "ya", "48", "36", ""]
        );
        assert_eq!(
            row(&rows, 2, "diskominfo")[1..6],
            ["2", "diskominfo", "Dinas Komunikasi dan Informatika", "79", "tidak"]
        );
        assert_eq!(
            row(&rows, 2, "kab-banjar")[1..8],
            ["1", "kab-banjar", "Kabupaten Banjar", "80.5", "ya", "45.3", "35.2"]
        );
        assert_eq!(row(&rows, 2, "kota-banjarbaru")[4..8], ["78.3", "tidak", "54.3", "24"]);
        let pupr = row(&rows, 2, "dpupr");
        assert_eq!((pupr[1].as_str(), pupr[4].as_str()), ("", ""));
        assert!(pupr[8].contains("Engagement with citizens"), "{pupr:?}");
        assert!(out.ends_with("\r\n"));
    }

    #[test]
    fn a_jury_sheet_as_a_table() {
        insta::assert_snapshot!("jury_table", ok(&jury(&[])));
    }

    #[test]
    fn a_jury_sheet_as_markdown() {
        insta::assert_snapshot!("jury_markdown", ok(&jury(&["--format", "markdown"])));
    }

    #[test]
    fn a_jury_sheet_as_the_apis_json() {
        let out = ok(&jury(&["--format", "json"]));
        let view: LeaderboardView = serde_json::from_str(&out).unwrap();
        assert_eq!(view.award, "ampk-media-sosial");
        let opd = view.categories.iter().find(|c| c.category.as_str() == "opd").unwrap();
        let scores: Vec<(&str, f64, bool)> =
            opd.ranked.iter().map(|r| (r.agency.as_str(), (r.score * 1e6).round() / 1e6, r.winner)).collect();
        assert_eq!(scores, [("dinkes", 84.0, true), ("diskominfo", 79.0, false)]);
        assert_eq!(opd.unranked[0].agency.as_str(), "dpupr");
        insta::assert_snapshot!("jury_json", out);
    }

    #[test]
    fn a_jury_sheet_in_json_scores_the_same() {
        let csv: LeaderboardView = serde_json::from_str(&ok(&jury(&["--format", "json"]))).unwrap();
        let mut args = jury(&["--format", "json"]);
        args[2] = "jury.json";
        let json: LeaderboardView = serde_json::from_str(&ok(&args)).unwrap();
        assert_eq!(csv, json);
    }

    #[test]
    fn equal_weights_with_award_jury() {
        // 50 each: Dinkes (80 + 90) / 2 = 85, Kominfo (85 + 70) / 2 = 77.5,
        // Banjar (75.5 + 88) / 2 = 81.75, Banjarbaru (90.5 + 60) / 2 = 75.25.
        let out =
            ok(&["score", "--metrics", "jury.csv", "--award", "jury", "--year", "2025", "--format", "csv"]);
        let rows = csv_rows(&out);
        let score = |id| row(&rows, 2, id)[4].clone();
        assert_eq!(
            [score("dinkes"), score("diskominfo"), score("kab-banjar"), score("kota-banjarbaru")],
            ["85", "77.5", "81.75", "75.25"]
        );
    }

    #[test]
    fn one_category() {
        let out = ok(&jury(&["--category", "kabupaten-kota", "--format", "csv"]));
        let rows = csv_rows(&out);
        assert_eq!(rows.len(), 3, "{out}");
        assert!(rows[1..].iter().all(|r| r[0] == "kabupaten-kota"));
    }

    #[test]
    fn explain_one_entrant() {
        let out = ok(&jury(&["--explain", "dinkes"]));
        assert!(out.contains("Dinas Kesehatan (dinkes), kategori / category opd"), "{out}");
        assert!(out.contains("Peringkat 1 dari 2, pemenang; skor 84,00 dari 100."), "{out}");
        assert!(out.contains("Rank 1 of 2, a winner; score 84.00 of 100."), "{out}");
        assert!(out.contains("Bagaimana skor dihitung / How the score is calculated"), "{out}");
        insta::assert_snapshot!("explain_dinkes", out);
        let answer = json(&ok(&jury(&["--explain", "diskominfo", "--format", "json"])));
        assert_eq!(answer["ranked"]["rank"], 2);
        let points: Vec<f64> = answer["ranked"]["contributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["points"].as_f64().unwrap() * 1e6).round() / 1e6)
            .collect();
        assert_eq!(points, [51.0, 28.0]);
        assert_eq!(answer["criteria"][0]["weight"], 60.0);
    }

    #[test]
    fn explain_an_unranked_entrant_and_an_unknown_one() {
        let out = ok(&jury(&["--explain", "dpupr"]));
        assert!(out.contains("Tidak diperingkat, karena: / Not ranked, because:"), "{out}");
        assert!(out.contains("Interaksi dengan warga"), "{out}");
        let err = fails(2, &jury(&["--explain", "dishub"]));
        assert!(err.contains("--explain: dishub is not an entrant") && err.contains("dinkes"), "{err}");
    }

    #[test]
    fn malformed_rows_are_listed_with_line_and_column() {
        let err = fails(2, &["score", "--metrics", "jury-bad.csv", "--award-file", "ampk.toml"]);
        let lines: Vec<&str> = err.lines().collect();
        assert!(lines[0].starts_with("aduan: jury-bad.csv: 4 masalah"), "{err}");
        assert!(lines[1].starts_with("jury-bad.csv:3:4 (konten): \"8o\" bukan angka"), "{err}");
        assert!(lines[2].starts_with("jury-bad.csv:4:1 (entrant): Kode instansi"), "{err}");
        assert!(lines[3].starts_with("jury-bad.csv:5: baris ini berisi 4 sel, judul kolom 5"), "{err}");
        assert!(
            lines[4].starts_with("jury-bad.csv:6:1 (entrant): peserta dinkes sudah ada di baris 2"),
            "{err}"
        );
        let err = fails(2, &["score", "--metrics", "jury-bad.json", "--award-file", "ampk.toml"]);
        assert!(err.contains("jury-bad.json:4:4 (konten): \"delapan puluh\" bukan angka"), "{err}");
    }

    #[test]
    fn a_sheet_without_the_awards_columns_is_refused() {
        let err = fails(2, &["score", "--metrics", "jury.csv"]);
        assert!(err.contains("complaints, follow_up_rate, within_standard_share, completion_rate"), "{err}");
        assert!(err.contains("pengelola-pengaduan"), "{err}");
    }

    #[test]
    fn wrong_award_definitions_are_placed() {
        let err = fails(2, &["score", "--metrics", "jury.csv", "--award-file", "award-bad.toml"]);
        // weight = "enam puluh" is on line 8; its value starts at column 10.
        assert!(
            err.starts_with("aduan: award-bad.toml:8:10: definisi penghargaan tidak sesuai format"),
            "{err}"
        );
        assert!(err.contains("expected f64"), "{err}");
        let err = fails(2, &["score", "--metrics", "jury.csv", "--award-file", "award-bad.json"]);
        assert!(err.starts_with("aduan: award-bad.json:6:63:") && err.contains("upward"), "{err}");
        let err = fails(2, &["score", "--metrics", "jury.csv", "--award-file", "award-weights.toml"]);
        assert!(err.contains("award-weights.toml: Jumlah bobot semua kriteria harus 100, bukan 90"), "{err}");
        let err = fails(2, &["score", "complaints.csv", "--award-file", "award-weights.toml"]);
        assert!(err.contains("The criteria weights must sum to 100, not 90"), "{err}");
        let err = fails(2, &["score", "complaints.csv", "--award", "jury"]);
        assert!(err.contains("--award jury: needs --metrics"), "{err}");
        let err = fails(2, &["score", "--metrics", "jury.csv", "--award", "ampk"]);
        assert!(err.contains("--award: the award ampk is not in the configuration"), "{err}");
    }

    #[test]
    fn empty_and_latin1_sheets() {
        let err = fails(2, &["score", "--metrics", "empty.csv", "--award-file", "ampk.toml"]);
        assert_eq!(err.trim_end(), "aduan: empty.csv: berkas kosong / the file is empty");
        let err = fails(2, &["score", "--metrics", "jury-latin1.csv", "--award-file", "ampk.toml"]);
        // Line 3, after "disbudpar,Dinas Kebudayaan dan Pariwisata (R": 44 characters.
        assert!(err.starts_with("aduan: jury-latin1.csv:3:45: berkas bukan UTF-8 (byte 0xE9)"), "{err}");
        assert!(err.contains("CSV UTF-8"), "{err}");
        let err = fails(2, &["score", "--metrics", "missing.csv", "--award-file", "ampk.toml"]);
        assert!(err.starts_with("aduan: missing.csv: berkas tidak dapat dibaca"), "{err}");
    }

    /// The complaints of `complaints.csv` (see `stats` below) in 2025:
    /// Dinkes 2 handled, follow-up 1/2, within standard 2/2; Kominfo 1
    /// handled (its other complaint was archived before disposition),
    /// follow-up 1/1, within 1/1; Dishub (not configured) 1, 1/1, 1/1;
    /// Kab. Banjar none. The preset needs 5 complaints: nobody is ranked.
    #[test]
    fn complaints_with_the_preset() {
        let run = aduan(&[
            "score",
            "complaints.csv",
            "--year",
            "2025",
            "--now",
            "2025-12-31T00:00:00+08:00",
            "--format",
            "csv",
        ]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(run.stderr.contains("dishub") && run.stderr.contains("tanpa-kategori"), "{}", run.stderr);
        let rows = csv_rows(&run.stdout);
        for id in ["dinkes", "diskominfo", "kab-banjar", "dishub"] {
            let r = row(&rows, 2, id);
            assert_eq!(r[1], "", "{r:?}");
            assert!(r.last().unwrap().contains("Kurang dari 5 pengaduan pada periode ini"), "{r:?}");
        }
        assert_eq!(row(&rows, 2, "dishub")[0], "tanpa-kategori");
    }

    /// With follow-up and timeliness half each and no floor: Kominfo
    /// 50 + 50 = 100, Dinkes 0.5 × 50 + 50 = 75; Kab. Banjar has no data;
    /// Dishub 100 alone in its category.
    #[test]
    fn complaints_with_an_award_file() {
        let args = [
            "score",
            "complaints.csv",
            "--award-file",
            "penanganan.toml",
            "--year",
            "2025",
            "--now",
            "2025-12-31T00:00:00+08:00",
        ];
        let mut csv_args = args.to_vec();
        csv_args.extend(["--format", "csv"]);
        let rows = csv_rows(&ok(&csv_args));
        assert_eq!(
            row(&rows, 2, "diskominfo")[1..6],
            ["1", "diskominfo", "Dinas Komunikasi dan Informatika", "100", "ya"]
        );
        assert_eq!(
            row(&rows, 2, "dinkes")[1..8],
            ["2", "dinkes", "Dinas Kesehatan", "75", "tidak", "25", "50"]
        );
        assert_eq!(row(&rows, 2, "kab-banjar")[1], "");
        assert_eq!(row(&rows, 2, "dishub")[..5], ["tanpa-kategori", "1", "dishub", "dishub", "100"]);
        // JSON carries each entrant's months, as the server's leaderboard does:
        // Dinkes received A and B in March.
        let mut json_args = args.to_vec();
        json_args.extend(["--format", "json"]);
        let view: LeaderboardView = serde_json::from_str(&ok(&json_args)).unwrap();
        let opd = view.categories.iter().find(|c| c.category.as_str() == "opd").unwrap();
        let dinkes = opd.ranked.iter().find(|r| r.agency.as_str() == "dinkes").unwrap();
        assert_eq!(dinkes.monthly.len(), 12);
        assert_eq!((dinkes.monthly[2].month.as_str(), dinkes.monthly[2].received), ("2025-03", 2));
        let mut explain = args.to_vec();
        explain.extend(["--explain", "dinkes"]);
        let out = ok(&explain);
        assert!(out.contains("Peringkat 2 dari 2; skor 75,00 dari 100."), "{out}");
        assert!(
            out.contains("Bagian pengaduan yang sudah ditindaklanjuti instansi; poin = bobot × nilai."),
            "{out}"
        );
    }

    #[test]
    fn rejected_complaint_rows_are_reported_and_change_the_exit_code() {
        let args = [
            "score",
            "complaints-bad.csv",
            "--award-file",
            "penanganan.toml",
            "--year",
            "2025",
            "--format",
            "csv",
        ];
        let run = aduan(&args);
        assert_eq!(run.code, Some(3), "{}", run.stderr);
        assert!(run.stderr.contains("complaints-bad.csv:3:2 (received_at)"), "{}", run.stderr);
        assert!(csv_rows(&run.stdout).len() > 1);
        let mut allowed = args.to_vec();
        allowed.push("--allow-rejected");
        assert_eq!(aduan(&allowed).code, Some(0));
    }
}

mod stats {
    use super::*;

    const YEAR: [&str; 5] = ["--year", "2025", "--now", "2025-12-31T00:00:00+08:00", "--format"];

    fn stats(file: &str, format: &str, extra: &[&str]) -> Vec<String> {
        let mut args = vec!["stats".to_owned(), file.to_owned()];
        args.extend(YEAR.iter().map(|s| (*s).to_owned()));
        args.push(format.to_owned());
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        args
    }

    fn run(args: &[String]) -> Run {
        aduan(&args.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// `complaints.csv`, all in WITA:
    /// - A (Dinkes), Mon 3 March 10:00, answered Tue 4 March 10:00 (1 day,
    ///   1 working day), followed up, confirmed, rated 5;
    /// - B (Dinkes), Thu 27 March 10:00, answered Tue 8 April 10:00: 12
    ///   calendar days, 1 working day (14 h + 10 h across Idulfitri); never
    ///   followed up: open, and overdue (follow-up due 14 April);
    /// - C (Kominfo), Mon 2 June 10:00, answered Thu 5 June 10:00 (3 days,
    ///   3 working days), followed up, confirmed, rated 3;
    /// - D (addressed to Kominfo), archived as spam before disposition:
    ///   counted with the coordinator, in no rate;
    /// - E (addressed to Dinkes) 1 July, never handled: the coordinator's,
    ///   open, overdue, and late for the standard;
    /// - F (Dishub, not configured), Mon 5 May 10:00, answered Wed 7 May
    ///   (2 days, 2 working days), followed up: open, not overdue;
    /// - G (Dinkes) of 2024: outside the period.
    ///
    /// Province: 6 received, 4 answered in [1, 12, 3, 2] days (median 2.5,
    /// mean 4.5, p90 3 + 0.7 × 9 = 9.3) and [1, 1, 3, 2] working days
    /// (median 1.5, mean 1.75, p90 2 + 0.7 × 1 = 2.7); within the
    /// standard 4 of 5 (E is late); followed up 3 of 4 disposed (A, C, F
    /// of A, B, C, F); open B, E, F; overdue B, E.
    #[test]
    fn per_agency_and_province_in_csv() {
        let out = run(&stats("complaints.csv", "csv", &[]));
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let rows = csv_rows(&out.stdout);
        assert_eq!(
            rows[0],
            [
                "agency",
                "name",
                "received",
                "answered",
                "median_days",
                "mean_days",
                "p90_days",
                "median_working_days",
                "mean_working_days",
                "p90_working_days",
                "within_standard",
                "follow_up_rate",
                "open",
                "overdue"
            ]
        );
        let cells = |id| row(&rows, 0, id)[2..].to_vec();
        assert_eq!(cells("dinkes"), ["2", "2", "6.5", "6.5", "10.9", "1", "1", "1", "1", "0.5", "1", "1"]);
        assert_eq!(cells("diskominfo"), ["1", "1", "3", "3", "3", "3", "3", "3", "1", "1", "0", "0"]);
        assert_eq!(cells("kab-banjar"), ["0", "0", "", "", "", "", "", "", "", "", "0", "0"]);
        assert_eq!(cells("dishub"), ["1", "1", "2", "2", "2", "2", "2", "2", "1", "1", "1", "0"]);
        assert_eq!(cells("(koordinator)"), ["2", "0", "", "", "", "", "", "", "0", "", "1", "1"]);
        assert_eq!(
            cells("(provinsi)"),
            ["6", "4", "2.5", "4.5", "9.3", "1.5", "1.75", "2.7", "0.8", "0.75", "3", "2"]
        );
    }

    #[test]
    fn as_a_table_and_markdown() {
        let table = run(&stats("complaints.csv", "table", &[]));
        insta::assert_snapshot!("stats_table", table.stdout);
        let md = run(&stats("complaints.csv", "markdown", &[]));
        insta::assert_snapshot!("stats_markdown", md.stdout);
    }

    #[test]
    fn as_the_apis_json() {
        let out = run(&stats("complaints.csv", "json", &[]));
        let v = json(&out.stdout);
        assert_eq!(v["period"]["from"], "2025-01-01");
        let dinkes = &v["agencies"][0];
        assert_eq!((dinkes["agency"].as_str(), dinkes["stats"]["total"].as_u64()), (Some("dinkes"), Some(2)));
        assert_eq!(
            dinkes["stats"]["response_days"]["p90"].as_f64().map(|x| (x * 1e9).round() / 1e9),
            Some(10.9)
        );
        assert_eq!(dinkes["stats"]["by_status"]["selesai"], 1);
        assert_eq!(v["province"]["follow_up"]["share"], 0.75);
        assert_eq!(v["province"]["as_of"], "2025-12-30T16:00:00Z");
        assert_eq!(v["unassigned"]["total"], 2);
    }

    #[test]
    fn by_month_for_one_agency() {
        let out = run(&stats("complaints.csv", "csv", &["--by", "month", "--agency", "dinkes"]));
        let rows = csv_rows(&out.stdout);
        assert_eq!(rows.len(), 13, "{}", out.stdout);
        assert_eq!(rows[0][2], "month");
        // March: A and B, answered in 1 and 12 days, 1 working day each.
        assert_eq!(row(&rows, 2, "2025-03")[3..], ["2", "2", "6.5", "6.5", "10.9", "1", "1", "1", "1"]);
        assert_eq!(row(&rows, 2, "2025-04")[3..5], ["0", "0"]);
    }

    #[test]
    fn an_agency_not_in_the_configuration_is_an_error() {
        let err = fails(2, &["stats", "complaints.csv", "--year", "2025", "--agency", "dinkez"]);
        assert!(err.contains("--agency: agency dinkez is not in the configuration"), "{err}");
        assert!(err.contains("instansi dinkez tidak ada dalam konfigurasi"), "{err}");
    }

    #[test]
    fn a_shorter_period() {
        // January to April: A and B only.
        let args = [
            "stats",
            "complaints.csv",
            "--period",
            "2025-01-01..2025-04-30",
            "--now",
            "2025-12-31T00:00:00+08:00",
            "--format",
            "csv",
        ];
        let rows = csv_rows(&ok(&args));
        assert_eq!(row(&rows, 0, "(provinsi)")[2..4], ["2", "2"]);
        let err = fails(2, &["stats", "complaints.csv", "--period", "2025-04-30..2025-01-01"]);
        assert!(
            err.contains("--period") && err.contains("The end of the period must be on or after its start"),
            "{err}"
        );
    }

    /// Line 3 has a date the reader cannot read (column 2), line 4 an
    /// unknown kind (column 3), line 5 a response before any disposition
    /// (refused by the core's lifecycle; column 11). Lines 2 and 6 count.
    #[test]
    fn rejected_rows_are_listed_and_left_out() {
        let out = run(&stats("complaints-bad.csv", "csv", &[]));
        assert_eq!(out.code, Some(3), "{}", out.stderr);
        let err: Vec<&str> = out.stderr.lines().collect();
        assert!(
            err[0].starts_with("complaints-bad.csv:3:2 (received_at): \"3 Maret 2025\""),
            "{}",
            out.stderr
        );
        assert!(err[1].starts_with("complaints-bad.csv:4:3 (kind): "), "{}", out.stderr);
        assert!(err[2].starts_with("complaints-bad.csv:5:11 (responded_at): "), "{}", out.stderr);
        assert_eq!(err[3], "3 baris ditolak dan tidak dihitung / 3 row(s) rejected and left out");
        let rows = csv_rows(&out.stdout);
        assert_eq!(row(&rows, 0, "(provinsi)")[2], "2");
        let allowed = run(&stats("complaints-bad.csv", "csv", &["--allow-rejected"]));
        assert_eq!(allowed.code, Some(0));
        assert_eq!(allowed.stdout, out.stdout);
    }

    /// The first two complaints of `complaints.csv` (A and B of Dinkes) as
    /// JSON Lines: the same figures.
    #[test]
    fn json_lines() {
        let out = run(&stats("complaints.jsonl", "csv", &[]));
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let rows = csv_rows(&out.stdout);
        assert_eq!(
            row(&rows, 0, "dinkes")[2..],
            ["2", "2", "6.5", "6.5", "10.9", "1", "1", "1", "1", "0.5", "1", "1"]
        );
    }

    /// Another system's export with its own column names, kind labels and
    /// day-first times: A and B again, answered but never followed up
    /// (follow-up 0 of 2; both open and overdue at the end of 2025).
    #[test]
    fn another_systems_export_through_a_mapping() {
        let out =
            run(&stats("lapor.csv", "json", &["--mapping", "lapor.toml", "--map", "agency=Instansi Tujuan"]));
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let v = json(&out.stdout);
        let dinkes = &v["agencies"][0]["stats"];
        assert_eq!(dinkes["by_kind"], serde_json::json!({"aspirasi": 1, "pengaduan": 1}));
        assert_eq!(dinkes["response_days"]["median"], 6.5);
        assert_eq!(
            (dinkes["follow_up"]["count"].as_u64(), dinkes["open"].as_u64(), dinkes["overdue"].as_u64()),
            (Some(0), Some(2), Some(2))
        );
        let err = fails(2, &["stats", "lapor.csv", "--map", "tanggal=Tanggal Laporan"]);
        assert!(err.contains("--map tanggal=Tanggal Laporan"), "{err}");
    }

    /// Received 30 December 2026, answered 4 January 2027: its response
    /// time cannot be measured with a calendar that ends in 2026.
    #[test]
    fn a_history_past_the_calendar_stops_the_statistics() {
        let err = fails(2, &["stats", "complaints-2026.csv", "--year", "2026"]);
        assert!(
            err.starts_with("aduan: complaints-2026.csv:2: Tanggal 4 Januari 2027 di luar kalender kerja"),
            "{err}"
        );
        assert!(err.contains("[calendar]"), "{err}");
    }

    #[test]
    fn wrong_encoding_and_empty_files() {
        let err = fails(2, &["stats", "complaints-latin1.csv"]);
        assert!(err.contains("complaints-latin1.csv") && err.contains("line 3, column 39"), "{err}");
        let out = run(&stats("complaints-latin1.csv", "csv", &["--encoding", "latin1"]));
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert_eq!(row(&csv_rows(&out.stdout), 0, "(provinsi)")[2], "2");
        let err = fails(2, &["stats", "empty.csv"]);
        assert!(err.contains("empty.csv") && err.contains("The file is empty"), "{err}");
        let err = fails(2, &["stats", "jury.csv"]);
        assert!(err.contains("jury.csv") && err.contains("received_at"), "{err}");
    }
}

#[test]
fn every_subcommand_has_examples_in_its_help() {
    for args in [
        &["sla", "--help"][..],
        &["sla", "add", "--help"],
        &["sla", "count", "--help"],
        &["sla", "elapsed", "--help"],
        &["score", "--help"],
        &["stats", "--help"],
        &["import", "--help"],
        &["export", "--help"],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["rebuild", "--help"],
        &["hash-token", "--help"],
    ] {
        let out = ok(args);
        let examples = out.split("Examples:").nth(1).unwrap_or_else(|| panic!("{args:?}:\n{out}"));
        assert!(examples.contains("aduan "), "{args:?}:\n{out}");
    }
}
