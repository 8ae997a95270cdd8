//! The server configuration end to end: defaults, the annotated example,
//! environment overrides, calendars, and the one-line error of every kind
//! of mistake.
//!
//! Every case goes through [`check`], which compares a load result with
//! what the case wants: a configuration passing its assertions, or exactly
//! one error line.

use std::path::{Path, PathBuf};
use std::time::Duration;

use aduan_core::award::complaint_handling;
use aduan_core::calendar::Calendar;
use aduan_core::sla::SlaPolicy;
use aduan_core::{AgencyId, Zone};
use aduan_server::config::{Config, ConfigError, ConfigSource, DatabaseKind, Limits, hash_token};
use chrono::NaiveDate;

/// What a case expects.
enum Want {
    /// The configuration loads, and this function's assertions hold.
    Loads(fn(&Config)),
    /// Loading fails with exactly this `Display` line.
    Fails(&'static str),
}

/// One configuration text, the environment it is loaded with, and the
/// expected outcome. The text is loaded as if from `aduan.toml` in the
/// working directory.
struct Case<'a> {
    name: &'static str,
    toml: &'a str,
    env: &'static [(&'static str, &'static str)],
    want: Want,
}

/// The one comparison every test uses.
fn check(name: &str, got: Result<Config, ConfigError>, want: &Want) {
    match (got, want) {
        (Ok(config), Want::Loads(assertions)) => assertions(&config),
        (Err(err), Want::Fails(line)) => {
            assert_eq!(err.to_string(), *line, "{name}");
            assert!(!line.contains('\n'), "{name}: an error is one line");
        }
        (Ok(config), Want::Fails(line)) => panic!("{name}: loaded {config:?}, wanted the error {line}"),
        (Err(err), Want::Loads(_)) => panic!("{name}: {err}"),
    }
}

fn env_from(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
}

fn check_all(cases: &[Case<'_>]) {
    for case in cases {
        let got = Config::from_toml_str(case.toml, Path::new("aduan.toml"), &env_from(case.env));
        check(case.name, got, &case.want);
    }
}

/// A fresh directory for one test's files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("config-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("aduan.example.toml")
}

fn agency(id: &str) -> AgencyId {
    AgencyId::new(id).unwrap()
}

const AGENCY: &str = r#"
[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan"
category = "opd"
"#;

#[test]
fn defaults_without_a_file() {
    check(
        "no file, no environment",
        Config::load(None, &|_| None),
        &Want::Loads(|c| {
            assert_eq!(c.source, ConfigSource::Defaults);
            assert_eq!(c.source.to_string(), "built-in defaults");
            assert_eq!(c.listen, "127.0.0.1:8080".parse().unwrap());
            assert_eq!(c.data_dir, Path::new("./data"));
            assert_eq!(c.database_url, "sqlite://./data/aduan.sqlite3");
            assert_eq!(c.database(), DatabaseKind::Sqlite);
            assert_eq!(c.default_zone, Zone::WITA);
            assert_eq!(c.public_url, None);
            assert!(c.agencies.is_empty() && c.officers.is_empty());
            assert_eq!(c.calendar, Calendar::indonesia());
            assert_eq!(c.sla, SlaPolicy::default());
            assert_eq!(c.awards, [complaint_handling()]);
            assert_eq!(
                c.limits,
                Limits {
                    body_bytes: 65536,
                    submissions_per_minute: 6,
                    submission_burst: 3,
                    trusted_proxies: vec![]
                }
            );
            assert_eq!(c.auto_close_interval, Duration::from_secs(300));
            assert_eq!(*c, Config::default());
        }),
    );
    check_all(&[Case {
        name: "an empty file is the defaults",
        toml: "",
        env: &[],
        want: Want::Loads(|c| {
            assert_eq!(c.source, ConfigSource::File("aduan.toml".into()));
            assert_eq!(Config { source: ConfigSource::Defaults, ..c.clone() }, Config::default());
        }),
    }]);
}

#[test]
fn the_example_loads() {
    check(
        "aduan.example.toml",
        Config::load(Some(&example_path()), &|_| None),
        &Want::Loads(|c| {
            assert_eq!(c.source, ConfigSource::File(example_path()));
            assert_eq!(c.agencies.len(), 12);
            let categories = |cat: &str| c.agencies.iter().filter(|a| a.category.as_str() == cat).count();
            assert_eq!((categories("opd"), categories("uptd"), categories("kabupaten-kota")), (6, 2, 4));
            assert!(c.agencies.iter().all(|a| a.zone == Zone::WITA));
            assert_eq!(c.agency(&agency("dinkes")).unwrap().origins, ["https://dinkes.kalselprov.go.id"]);
            // The example spells out the defaults, so it documents them truly.
            assert_eq!(c.sla, SlaPolicy::default());
            assert_eq!(c.awards, [complaint_handling()]);
            assert_eq!(c.limits, Limits::default());
            assert_eq!(c.auto_close_interval, Duration::from_secs(300));
            assert_eq!(c.calendar, Calendar::indonesia());
            // The hashes belong to the example tokens its comments publish.
            let officers: Vec<_> =
                c.officers.iter().map(|o| (o.id.as_str(), o.agency.as_ref().map(AgencyId::as_str))).collect();
            assert_eq!(
                officers,
                [
                    ("koordinator", None),
                    ("penghubung-dinkes", Some("dinkes")),
                    ("penghubung-kab-banjar", Some("kab-banjar"))
                ]
            );
            for (officer, token) in c.officers.iter().zip([
                "contoh-koordinator-JANGAN-DIPAKAI",
                "contoh-dinkes-JANGAN-DIPAKAI",
                "contoh-kab-banjar-JANGAN-DIPAKAI",
            ]) {
                assert_eq!(officer.token_sha256, hash_token(token), "{}", officer.id);
            }
            assert_eq!(c.open311.jurisdiction_id.as_deref(), Some("kalselprov.go.id"));
            let client = &c.open311.clients[0];
            assert_eq!(client.key_sha256, hash_token("contoh-open311-JANGAN-DIPAKAI"));
            assert_eq!(
                client.channel,
                aduan_core::Channel::WebWidget { origin: "https://311.kalselprov.go.id".to_owned() }
            );
        }),
    );
}

/// `[open311]`: the jurisdiction (by default the public URL's host) and
/// the clients, each error naming its key.
#[test]
fn open311_section() {
    const KEY: &str = "a6928503ff149260f260380436fd1eb3909de18b3b1e09f6d9f674961b472228";
    check_all(&[
        Case {
            name: "no section: no clients, the jurisdiction from public_url",
            toml: "public_url = \"https://www.kalselprov.go.id:8443/aduan\"\n",
            env: &[],
            want: Want::Loads(|c| {
                assert_eq!(c.open311.jurisdiction_id.as_deref(), Some("kalselprov.go.id"));
                assert!(c.open311.clients.is_empty());
            }),
        },
        Case {
            name: "neither: any jurisdiction is accepted",
            toml: "",
            env: &[],
            want: Want::Loads(|c| assert_eq!(c.open311, aduan_server::config::Open311Config::default())),
        },
        Case {
            name: "clients of every channel",
            toml: r#"
[open311]
jurisdiction_id = "kalselprov.go.id"

[[open311.clients]]
id = "app-311"
name = "Aplikasi 311"
key_sha256 = "A6928503FF149260F260380436FD1EB3909DE18B3B1E09F6D9F674961B472228"
origin = "https://311.kalselprov.go.id"

[[open311.clients]]
id = "bot-wa"
name = "Bot WhatsApp"
key_sha256 = "ae74f27822ca40d8882e0f592223e2d69a0578c0df1d1b08e6c06d87fbeb94df"
channel = "whats_app"
"#,
            env: &[],
            want: Want::Loads(|c| {
                let clients = &c.open311.clients;
                assert_eq!(clients[0].key_sha256, KEY, "hashes are lower-cased");
                assert_eq!(clients[1].channel, aduan_core::Channel::WhatsApp);
            }),
        },
        Case {
            name: "a key that is not a hash",
            toml: "[[open311.clients]]\nid = \"app\"\nname = \"App\"\nkey_sha256 = \"rahasia\"\norigin = \"https://a.go.id\"\n",
            env: &[],
            want: Want::Fails(
                "aduan.toml:4:14: open311.clients[0].key_sha256: must be the SHA-256 of the client's api_key as 64 hexadecimal digits (`aduan hash-token` prints it); the key itself never goes in the configuration",
            ),
        },
        Case {
            name: "a web client without its origin",
            toml: "[[open311.clients]]\nid = \"app\"\nname = \"App\"\nkey_sha256 = \"a6928503ff149260f260380436fd1eb3909de18b3b1e09f6d9f674961b472228\"\n",
            env: &[],
            want: Want::Fails(
                "aduan.toml:1:1: open311.clients[0]: needs an `origin` for the web_widget channel: the origin of the site or app the client's form runs on, such as https://311.banjarmasinkota.go.id",
            ),
        },
        Case {
            name: "an unknown channel",
            toml: "[[open311.clients]]\nid = \"app\"\nname = \"App\"\nkey_sha256 = \"a6928503ff149260f260380436fd1eb3909de18b3b1e09f6d9f674961b472228\"\nchannel = \"telegram\"\n",
            env: &[],
            want: Want::Fails(
                "aduan.toml:5:11: open311.clients[0].channel: \"telegram\" is not a channel: use web_widget, lapor, sms_1708, whats_app, social_media or walk_in",
            ),
        },
        Case {
            name: "a client sharing an officer's token",
            toml: r#"
[[officers]]
id = "koordinator"
name = "Admin Koordinator"
token_sha256 = "a6928503ff149260f260380436fd1eb3909de18b3b1e09f6d9f674961b472228"

[[open311.clients]]
id = "app"
name = "App"
key_sha256 = "a6928503ff149260f260380436fd1eb3909de18b3b1e09f6d9f674961b472228"
channel = "lapor"
"#,
            env: &[],
            want: Want::Fails(
                "aduan.toml:10:14: open311.clients[0].key_sha256: is the hash of an officer's token; give the client a key of its own",
            ),
        },
        Case {
            name: "a jurisdiction with a slash",
            toml: "[open311]\njurisdiction_id = \"kalselprov.go.id/aduan\"\n",
            env: &[],
            want: Want::Fails(
                "aduan.toml:2:19: open311.jurisdiction_id: must be a short id without spaces, /, ?, # or %, such as kalselprov.go.id (the specification suggests the jurisdiction's web address without www)",
            ),
        },
        Case {
            name: "discovery texts",
            toml: "[open311]\ncontact = \"  Diskominfo Kalsel, (0511) 123 4567 \"\nkey_service = \"Minta kunci ke api@kalselprov.go.id\"\n",
            env: &[],
            want: Want::Loads(|c| {
                assert_eq!(c.open311.contact.as_deref(), Some("Diskominfo Kalsel, (0511) 123 4567"));
                assert_eq!(c.open311.key_service.as_deref(), Some("Minta kunci ke api@kalselprov.go.id"));
            }),
        },
        Case {
            name: "an empty contact",
            toml: "[open311]\ncontact = \" \"\n",
            env: &[],
            want: Want::Fails(
                "aduan.toml:2:11: open311.contact: must not be empty; leave the key out for the default",
            ),
        },
        Case {
            name: "an unknown key",
            toml: "[open311]\napi_key = \"x\"\n",
            env: &[],
            want: Want::Fails(
                "aduan.toml:2:1: open311.api_key: unknown field `api_key`, expected one of `jurisdiction_id`, `contact`, `key_service`, `clients`",
            ),
        },
    ]);
}

/// The first occurrence of every key and table header in the example has
/// a comment line right above it.
#[test]
fn every_key_of_the_example_is_documented() {
    let text = std::fs::read_to_string(example_path()).unwrap();
    let mut table = String::new();
    let mut seen = std::collections::HashSet::new();
    let mut previous = "";
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        let header = line.strip_prefix('[').map(|h| h.trim_matches(['[', ']']).to_owned());
        let key = match &header {
            Some(header) => {
                table.clone_from(header);
                Some(header.clone())
            }
            None if !line.starts_with('#') => {
                line.split_once('=').map(|(key, _)| format!("{table}.{}", key.trim()))
            }
            None => None,
        };
        if let Some(key) = key {
            if seen.insert(key.clone()) {
                assert!(previous.starts_with('#'), "line {}: `{key}` has no comment above it", number + 1);
            }
        }
        previous = line;
    }
    assert!(seen.len() > 40, "only {} keys found", seen.len());
}

#[test]
fn environment_overrides() {
    check_all(&[
        Case {
            name: "ADUAN_LISTEN overrides the file",
            toml: r#"listen = "127.0.0.1:8080""#,
            env: &[("ADUAN_LISTEN", "0.0.0.0:9000")],
            want: Want::Loads(|c| assert_eq!(c.listen, "0.0.0.0:9000".parse().unwrap())),
        },
        Case {
            name: "ADUAN_DATA_DIR moves the default database",
            toml: r#"data_dir = "/srv/a""#,
            env: &[("ADUAN_DATA_DIR", "/var/lib/aduan")],
            want: Want::Loads(|c| {
                assert_eq!(c.data_dir, Path::new("/var/lib/aduan"));
                assert_eq!(c.database_url, "sqlite:///var/lib/aduan/aduan.sqlite3");
            }),
        },
        Case {
            name: "ADUAN_DATA_DIR leaves a configured database alone",
            toml: r#"database_url = "sqlite:///srv/aduan.db""#,
            env: &[("ADUAN_DATA_DIR", "/var/lib/aduan")],
            want: Want::Loads(|c| assert_eq!(c.database_url, "sqlite:///srv/aduan.db")),
        },
        Case {
            name: "ADUAN_DATABASE_URL selects PostgreSQL",
            toml: r#"database_url = "sqlite:///srv/aduan.db""#,
            env: &[("ADUAN_DATABASE_URL", "postgres://aduan:rahasia@db/aduan")],
            want: Want::Loads(|c| {
                assert_eq!(c.database_url, "postgres://aduan:rahasia@db/aduan");
                assert_eq!(c.database(), DatabaseKind::Postgres);
            }),
        },
        Case {
            name: "ADUAN_PUBLIC_URL, trailing slash dropped",
            toml: "",
            env: &[("ADUAN_PUBLIC_URL", "https://aduan.kalselprov.go.id/")],
            want: Want::Loads(|c| {
                assert_eq!(c.public_url.as_deref(), Some("https://aduan.kalselprov.go.id"));
            }),
        },
        Case {
            name: "ADUAN_DEFAULT_ZONE reaches agencies without a zone",
            toml: r#"
default_zone = "WITA"
[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan"
category = "opd"
[[agencies]]
id = "kab-banjar"
name = "Kabupaten Banjar"
category = "kabupaten-kota"
zone = "WITA"
"#,
            env: &[("ADUAN_DEFAULT_ZONE", "WIB")],
            want: Want::Loads(|c| {
                assert_eq!(c.default_zone, Zone::WIB);
                assert_eq!(c.zone_of(&agency("dinkes")), Zone::WIB);
                assert_eq!(c.zone_of(&agency("kab-banjar")), Zone::WITA);
                assert_eq!(c.zone_of(&agency("not-configured")), Zone::WIB);
            }),
        },
        Case {
            name: "an empty variable counts as unset",
            toml: r#"listen = "127.0.0.1:7000""#,
            env: &[("ADUAN_LISTEN", ""), ("ADUAN_PUBLIC_URL", "")],
            want: Want::Loads(|c| {
                assert_eq!(c.listen.port(), 7000);
                assert_eq!(c.public_url, None);
            }),
        },
        Case {
            name: "other variables are ignored",
            toml: "",
            env: &[("ADUAN_LISTN", "nonsense"), ("LISTEN", "nonsense")],
            want: Want::Loads(|c| assert_eq!(c.listen.port(), 8080)),
        },
        Case {
            name: "bad ADUAN_LISTEN",
            toml: "",
            env: &[("ADUAN_LISTEN", "localhost:8080")],
            want: Want::Fails(
                r#"environment: ADUAN_LISTEN: "localhost:8080" is not a socket address; write an IP address and port such as 127.0.0.1:8080 or [::]:8080"#,
            ),
        },
        Case {
            name: "bad ADUAN_DATABASE_URL, password not repeated",
            toml: "",
            env: &[("ADUAN_DATABASE_URL", "mysql://aduan:rahasia@db/aduan")],
            want: Want::Fails(
                "environment: ADUAN_DATABASE_URL: must start with sqlite: (SQLite) or postgres:// (PostgreSQL)",
            ),
        },
        Case {
            name: "bad ADUAN_PUBLIC_URL",
            toml: "",
            env: &[("ADUAN_PUBLIC_URL", "aduan.kalselprov.go.id")],
            want: Want::Fails(
                r#"environment: ADUAN_PUBLIC_URL: "aduan.kalselprov.go.id" is not a base URL such as https://lapor.example.go.id or https://example.go.id/aduan"#,
            ),
        },
        Case {
            name: "bad ADUAN_DEFAULT_ZONE",
            toml: "",
            env: &[("ADUAN_DEFAULT_ZONE", "Asia/Singapore")],
            want: Want::Fails(
                "environment: ADUAN_DEFAULT_ZONE: Time zone must be WIB, WITA, WIT, or an offset from UTC such as +08:00",
            ),
        },
    ]);
    // Without a file, too.
    let env = env_from(&[("ADUAN_LISTEN", "[::]:80")]);
    check("env without a file", Config::load(None, &env), &Want::Loads(|c| assert_eq!(c.listen.port(), 80)));
}

#[test]
fn values_are_read_and_normalised() {
    check_all(&[
        Case {
            name: "agency fields",
            toml: r#"
[[agencies]]
id = "rsud-ulin"
name = "  RSUD Ulin Banjarmasin "
category = "uptd"
zone = "+08:00"
origins = ["https://rsudulin.kalselprov.go.id", "http://localhost:3000", "https://rsudulin.kalselprov.go.id"]
"#,
            env: &[],
            want: Want::Loads(|c| {
                let a = c.agency(&agency("rsud-ulin")).unwrap();
                assert_eq!(a.name, "RSUD Ulin Banjarmasin");
                assert_eq!(a.category.as_str(), "uptd");
                assert_eq!(a.zone, Zone::WITA);
                assert_eq!(a.origins, ["https://rsudulin.kalselprov.go.id", "http://localhost:3000"]);
            }),
        },
        Case {
            name: "token hashes are kept in lowercase",
            toml: r#"
[[officers]]
id = "koordinator"
name = "Admin Koordinator"
token_sha256 = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"
"#,
            env: &[],
            want: Want::Loads(|c| assert_eq!(c.officers[0].token_sha256, hash_token("abc"))),
        },
        Case {
            name: "an empty award list turns awards off",
            toml: "awards = []",
            env: &[],
            want: Want::Loads(|c| assert!(c.awards.is_empty())),
        },
        Case {
            name: "some SLA fields, the rest default",
            toml: "[sla]\nfollow_up = 7\n",
            env: &[],
            want: Want::Loads(|c| {
                assert_eq!(c.sla.follow_up.get(), 7);
                assert_eq!(c.sla.disposition, SlaPolicy::default().disposition);
            }),
        },
        Case {
            name: "some limits, the rest default",
            toml: "[limits]\nsubmission_burst = 10\n[auto_close]\ninterval_seconds = 60\n",
            env: &[],
            want: Want::Loads(|c| {
                assert_eq!(c.limits, Limits { submission_burst: 10, ..Limits::default() });
                assert_eq!(c.auto_close_interval, Duration::from_secs(60));
            }),
        },
    ]);
}

#[test]
fn calendar_inline() {
    check_all(&[Case {
        name: "inline calendar, dates bare or quoted",
        toml: r#"
[calendar]
first_year = 2027
last_year = 2027
weekend = ["fri", "Saturday"]

[[calendar.holidays]]
date = 2027-01-01
kind = "libur_nasional"
name = "Tahun Baru 2027 Masehi"

[[calendar.holidays]]
date = "2027-08-17"
kind = "libur_nasional"
name = "Proklamasi Kemerdekaan Republik Indonesia"
"#,
        env: &[],
        want: Want::Loads(|c| {
            let date = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
            assert_eq!((c.calendar.first_date(), c.calendar.last_date()), (date(1, 1), date(12, 31)));
            assert_eq!(c.calendar.holidays().count(), 2);
            assert!(!c.calendar.is_working_day(date(8, 17)).unwrap());
            // 1 January 2027 is a Friday: a weekend day here; Sunday works.
            assert!(!c.calendar.is_working_day(date(1, 8)).unwrap());
            assert!(c.calendar.is_working_day(date(1, 3)).unwrap());
        }),
    }]);
}

#[test]
fn calendar_from_a_file() {
    let dir = temp_dir("calendar-file");
    std::fs::create_dir_all(dir.join("kalender")).unwrap();
    std::fs::write(
        dir.join("kalender/2027.json"),
        r#"{"first_year": 2027, "last_year": 2027, "holidays": [
            {"date": "2027-01-01", "kind": "libur_nasional", "name": "Tahun Baru 2027 Masehi"}]}"#,
    )
    .unwrap();
    std::fs::write(dir.join("broken.json"), r#"{"first_year": 2027}"#).unwrap();
    let config_file = |name: &str, calendar: &str| {
        let path = dir.join(name);
        std::fs::write(&path, format!("[calendar]\nfile = {calendar:?}\n")).unwrap();
        path
    };

    // Relative to the configuration file, not to the working directory.
    let path = config_file("aduan.toml", "kalender/2027.json");
    check(
        "calendar file",
        Config::load(Some(&path), &|_| None),
        &Want::Loads(|c| {
            assert_eq!(c.calendar.first_date(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
            assert_eq!(c.calendar.holidays().next().unwrap().name, "Tahun Baru 2027 Masehi");
        }),
    );

    let path = config_file("broken.toml", "broken.json");
    let err = Config::load(Some(&path), &|_| None).unwrap_err();
    let dir_shown = dir.display().to_string();
    assert_eq!(
        err.to_string().replace(&dir_shown, "<dir>"),
        "<dir>/broken.toml:2:8: calendar.file: <dir>/broken.json: The working-day calendar definition \
         does not match the format: missing field `last_year` at line 1 column 20"
    );
    assert_eq!(
        (err.file(), err.key(), err.line_column()),
        (Some(path.as_path()), Some("calendar.file"), Some((2, 8)))
    );
}

#[test]
fn a_missing_file() {
    let path = temp_dir("missing").join("aduan.toml");
    let err = Config::load(Some(&path), &|_| None).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: cannot read the configuration file: No such file or directory (os error 2)",
            path.display()
        )
    );
    assert_eq!((err.key(), err.line_column(), err.is_env()), (None, None, false));
}

#[test]
fn syntax_errors_give_line_and_column() {
    check_all(&[
        Case {
            name: "value missing",
            toml: "listen = \"127.0.0.1:8080\"\ndata_dir =\n",
            env: &[],
            want: Want::Fails("aduan.toml:2:11: string values must be quoted, expected literal string"),
        },
        Case {
            name: "unclosed header",
            toml: "[[agencies]\nid = \"dinkes\"\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:1:12: unclosed array table, expected `]`"#),
        },
        Case {
            name: "key twice",
            toml: "listen = \"127.0.0.1:8080\"\nlisten = \"127.0.0.1:8081\"\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:2:1: duplicate key"#),
        },
    ]);
}

#[test]
fn unknown_keys_are_rejected_with_their_path() {
    check_all(&[
        Case {
            name: "top level",
            toml: "lisen = \"127.0.0.1:8080\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:1:1: lisen: unknown field `lisen`, expected one of `listen`, `data_dir`, `database_url`, `default_zone`, `public_url`, `agencies`, `calendar`, `sla`, `awards`, `officers`, `limits`, `auto_close`, `open311`"#,
            ),
        },
        Case {
            name: "in an agency",
            toml: r#"
[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan"
category = "opd"
zonee = "WITA"
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:6:1: agencies[0].zonee: unknown field `zonee`, expected one of `id`, `name`, `category`, `zone`, `origins`"#,
            ),
        },
        Case {
            name: "in sla",
            toml: "[sla]\nfollowup = 5\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:2:1: sla.followup: unknown field `followup`, expected one of `disposition`, `follow_up`, `auto_close`, `response_standard`, `at_risk_percent`"#,
            ),
        },
        Case {
            name: "in limits",
            toml: "[limits]\nbody = 5\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:2:1: limits.body: unknown field `body`, expected one of `body_bytes`, `submissions_per_minute`, `submission_burst`, `trusted_proxies`"#,
            ),
        },
        Case {
            name: "in auto_close",
            toml: "[auto_close]\ninterval = 5\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:2:1: auto_close.interval: unknown field `interval`, expected `interval_seconds`"#,
            ),
        },
        Case {
            name: "in an officer",
            toml: "[[officers]]\nid = \"k\"\nname = \"K\"\ntoken = \"x\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:4:1: officers[0].token: unknown field `token`, expected one of `id`, `name`, `agency`, `token_sha256`"#,
            ),
        },
        Case {
            name: "in an award criterion",
            toml: r#"
[[awards]]
id = "x"
name = { id = "X", en = "X" }
[[awards.criteria]]
id = "c"
name = { id = "C", en = "C" }
metric = "complaints"
weight = 100.0
direction = "higher"
normalization = "rate"
normalisation = "rate"
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:12:1: awards[0].criteria[0].normalisation: unknown field `normalisation`, expected one of `id`, `name`, `metric`, `weight`, `direction`, `normalization`, `on_missing`"#,
            ),
        },
        Case {
            name: "in the inline calendar",
            toml: "[calendar]\nfirst_year = 2027\nlast_year = 2027\nholiday = []\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:4:1: calendar.holiday: unknown field `holiday`, expected one of `first_year`, `last_year`, `weekend`, `holidays`"#,
            ),
        },
    ]);
}

#[test]
fn wrong_types_and_values() {
    check_all(&[
        Case {
            name: "listen as a number",
            toml: "listen = 8080\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:1:10: listen: invalid type: integer `8080`, expected a string"#),
        },
        Case {
            name: "listen without an IP",
            toml: "listen = \"localhost:8080\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:1:10: listen: "localhost:8080" is not a socket address; write an IP address and port such as 127.0.0.1:8080 or [::]:8080"#,
            ),
        },
        Case {
            name: "empty data_dir",
            toml: "data_dir = \"\"\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:1:12: data_dir: must not be empty"#),
        },
        Case {
            name: "unknown database",
            toml: "database_url = \"mysql://aduan:rahasia@db/aduan\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:1:16: database_url: must start with sqlite: (SQLite) or postgres:// (PostgreSQL)"#,
            ),
        },
        Case {
            name: "bad default zone",
            toml: "default_zone = \"Mars\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:1:16: default_zone: Time zone must be WIB, WITA, WIT, or an offset from UTC such as +08:00"#,
            ),
        },
        Case {
            name: "public_url with a query",
            toml: "public_url = \"https://aduan.kalselprov.go.id/?a=1\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:1:14: public_url: "https://aduan.kalselprov.go.id/?a=1" must not have a query, a fragment or spaces"#,
            ),
        },
        Case {
            name: "bad zone of the third agency",
            toml: r#"
[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan"
category = "opd"

[[agencies]]
id = "dishub"
name = "Dinas Perhubungan"
category = "opd"

[[agencies]]
id = "kab-banjar"
name = "Kabupaten Banjar"
category = "kabupaten-kota"
zone = "Asia/Banjarmasin"
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:16:8: agencies[2].zone: Time zone must be WIB, WITA, WIT, or an offset from UTC such as +08:00"#,
            ),
        },
        Case {
            name: "agency id not a slug",
            toml: "[[agencies]]\nid = \"Dinkes\"\nname = \"Dinas Kesehatan\"\ncategory = \"opd\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:2:6: agencies[0].id: Agency code must be lowercase letters, digits and hyphens, at most 64 characters"#,
            ),
        },
        Case {
            name: "category not a slug",
            toml: "[[agencies]]\nid = \"dinkes\"\nname = \"Dinas Kesehatan\"\ncategory = \"OPD Pemprov\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:4:12: agencies[0].category: Category code must be lowercase letters, digits and hyphens, at most 64 characters"#,
            ),
        },
        Case {
            name: "agency without a category",
            toml: "[[agencies]]\nid = \"dinkes\"\nname = \"Dinas Kesehatan\"\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:1:1: agencies[0]: missing field `category`"#),
        },
        Case {
            name: "agency with an empty name",
            toml: "[[agencies]]\nid = \"dinkes\"\nname = \" \"\ncategory = \"opd\"\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:3:8: agencies[0].name: must not be empty"#),
        },
        Case {
            name: "origin with a path",
            toml: r#"
[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan"
category = "opd"
origins = ["https://dinkes.kalselprov.go.id", "https://dinkes.kalselprov.go.id/lapor"]
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:6:47: agencies[0].origins[1]: "https://dinkes.kalselprov.go.id/lapor" is not just scheme://host[:port]; an origin has no path, not even a trailing /"#,
            ),
        },
        Case {
            name: "origin with the default port",
            toml: r#"
[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan"
category = "opd"
origins = ["https://dinkes.kalselprov.go.id:443"]
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:6:12: agencies[0].origins[0]: "https://dinkes.kalselprov.go.id:443": leave out the default port :443; browsers send the origin without it"#,
            ),
        },
        Case {
            name: "sla not a table",
            toml: "sla = 5\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:1:7: sla: invalid type: integer `5`, expected a [sla] table of working days"#,
            ),
        },
        Case {
            name: "agencies not tables",
            toml: "agencies = [1]\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:1:13: agencies[0]: invalid type: integer `1`, expected an agency table: id, name, category, zone, origins"#,
            ),
        },
        Case {
            name: "calendar not a table",
            toml: "calendar = 2027\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:1:12: calendar: must be a [calendar] table"#),
        },
        Case {
            name: "limits not a table",
            toml: "limits = \"x\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:1:10: limits: invalid type: string "x", expected a [limits] table"#,
            ),
        },
        Case {
            name: "sla zero",
            toml: "[sla]\nfollow_up = 0\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:2:13: sla.follow_up: must be 1 to 365 working days"#),
        },
        Case {
            name: "sla negative",
            toml: "[sla]\ndisposition = -1\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:2:15: sla.disposition: invalid value: integer `-1`, expected u32"#,
            ),
        },
        Case {
            name: "at-risk share zero",
            toml: "[sla]\nat_risk_percent = 0\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:2:19: sla.at_risk_percent: must be 1 to 100"#),
        },
        Case {
            name: "tiny body limit",
            toml: "[limits]\nbody_bytes = 100\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:2:14: limits.body_bytes: must be at least 1024 bytes: a complaint does not fit in less"#,
            ),
        },
        Case {
            name: "no burst",
            toml: "[limits]\nsubmission_burst = 0\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:2:20: limits.submission_burst: must be at least 1"#),
        },
        Case {
            name: "auto-close never",
            toml: "[auto_close]\ninterval_seconds = 0\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:2:20: auto_close.interval_seconds: must be at least 1"#),
        },
    ]);
}

#[test]
fn inconsistencies() {
    check_all(&[
        Case {
            name: "duplicate agency id",
            toml: r#"
[[agencies]]
id = "dinkes"
name = "Dinas Kesehatan"
category = "opd"

[[agencies]]
id = "dinkes"
name = "RSUD Ulin Banjarmasin"
category = "uptd"
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:8:6: agencies[1].id: agency "dinkes" is already defined at agencies[0]"#,
            ),
        },
        Case {
            name: "officer of an unknown agency",
            toml: r#"
[[officers]]
id = "penghubung-dinkes"
name = "Admin Penghubung Dinas Kesehatan"
agency = "dinkes"
token_sha256 = "ae74f27822ca40d8882e0f592223e2d69a0578c0df1d1b08e6c06d87fbeb94df"
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:5:10: officers[0].agency: no agency "dinkes" is configured in [[agencies]]"#,
            ),
        },
        Case {
            name: "duplicate officer id",
            toml: r#"
[[officers]]
id = "koordinator"
name = "Admin Koordinator"
token_sha256 = "a6928503ff149260f260380436fd1eb3909de18b3b1e09f6d9f674961b472228"

[[officers]]
id = "koordinator"
name = "Admin Koordinator 2"
token_sha256 = "ae74f27822ca40d8882e0f592223e2d69a0578c0df1d1b08e6c06d87fbeb94df"
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:8:6: officers[1].id: officer "koordinator" is already defined at officers[0]"#,
            ),
        },
        Case {
            name: "duplicate token hash, in another case",
            toml: r#"
[[officers]]
id = "koordinator"
name = "Admin Koordinator"
token_sha256 = "a6928503ff149260f260380436fd1eb3909de18b3b1e09f6d9f674961b472228"

[[officers]]
id = "koordinator-2"
name = "Admin Koordinator 2"
token_sha256 = "A6928503FF149260F260380436FD1EB3909DE18B3B1E09F6D9F674961B472228"
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:10:16: officers[1].token_sha256: officers[0] has the same token hash; every officer needs their own token"#,
            ),
        },
        Case {
            name: "the token instead of its hash",
            toml: "[[officers]]\nid = \"koordinator\"\nname = \"Admin\"\ntoken_sha256 = \"contoh-koordinator-JANGAN-DIPAKAI\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:4:16: officers[0].token_sha256: must be the SHA-256 of the officer's token as 64 hexadecimal digits (`aduan hash-token` prints it); the token itself never goes in the configuration"#,
            ),
        },
        Case {
            name: "officer id with a space",
            toml: "[[officers]]\nid = \"siti rahmah\"\nname = \"Siti\"\ntoken_sha256 = \"a6928503ff149260f260380436fd1eb3909de18b3b1e09f6d9f674961b472228\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:2:6: officers[0].id: "siti rahmah" is not an officer id: use 1-64 lowercase letters, digits, dots, hyphens or underscores, starting with a letter or digit"#,
            ),
        },
        Case {
            name: "calendar both ways",
            toml: "[calendar]\nfile = \"calendar.json\"\nfirst_year = 2027\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:3:14: calendar.first_year: give either calendar.file or the calendar inline, not both"#,
            ),
        },
        Case {
            name: "missing calendar file",
            toml: "[calendar]\nfile = \"missing/calendar-2027.json\"\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:2:8: calendar.file: cannot read missing/calendar-2027.json: No such file or directory (os error 2)"#,
            ),
        },
        Case {
            name: "calendar years reversed",
            toml: "[calendar]\nfirst_year = 2027\nlast_year = 2026\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:3:13: calendar.last_year: Calendar years 2027–2026 are invalid: years must be between 1 and 9999, the first no later than the last"#,
            ),
        },
        Case {
            name: "calendar without last_year",
            toml: "[calendar]\nfirst_year = 2027\n",
            env: &[],
            want: Want::Fails(r#"aduan.toml:1:1: calendar: missing field `last_year`"#),
        },
        Case {
            name: "calendar weekend unknown",
            toml: "[calendar]\nfirst_year = 2027\nlast_year = 2027\nweekend = [\"sabtu\"]\n",
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:4:11: calendar.weekend: unknown weekday "sabtu": use mon, tue, wed, thu, fri, sat or sun"#,
            ),
        },
        Case {
            name: "holiday outside the years",
            toml: r#"
[calendar]
first_year = 2027
last_year = 2027
[[calendar.holidays]]
date = 2027-01-01
kind = "libur_nasional"
name = "Tahun Baru 2027 Masehi"
[[calendar.holidays]]
date = 2028-01-01
kind = "libur_nasional"
name = "Tahun Baru 2028 Masehi"
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:10:8: calendar.holidays[1].date: The holiday on 1 January 2028 is outside the calendar's years 2027–2027"#,
            ),
        },
        Case {
            name: "holiday twice",
            toml: r#"
[calendar]
first_year = 2027
last_year = 2027
[[calendar.holidays]]
date = 2027-08-17
kind = "libur_nasional"
name = "Proklamasi Kemerdekaan Republik Indonesia"
[[calendar.holidays]]
date = "2027-08-17"
kind = "cuti_bersama"
name = "Cuti bersama"
"#,
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:10:8: calendar.holidays[1].date: The date 17 August 2027 is listed more than once as a holiday"#,
            ),
        },
    ]);
}

/// One valid award whose text the award cases break in one place each.
const AWARD: &str = r#"
[[awards]]
id = "tercepat"
name = { id = "Tanggapan Tercepat", en = "Fastest Response" }
winners = 3

[[awards.criteria]]
id = "speed"
name = { id = "Kecepatan", en = "Speed" }
metric = "median_response_days"
weight = 60.0
direction = "lower"
normalization = { target = { best = 1.0, worst = 5.0 } }

[[awards.criteria]]
id = "follow_up"
name = { id = "Laju tindak lanjut", en = "Follow-up rate" }
metric = "follow_up_rate"
weight = 40.0
direction = "higher"
normalization = "rate"

[[awards.eligibility]]
min_metric = { metric = "complaints", min = 5.0 }
"#;

#[test]
fn awards() {
    // The award with one change.
    let award = |from: &str, to: &str| {
        assert!(AWARD.contains(from), "{from}");
        AWARD.replacen(from, to, 1)
    };
    check_all(&[
        Case {
            name: "the valid award",
            toml: AWARD,
            env: &[],
            want: Want::Loads(|c| {
                assert_eq!(c.awards.len(), 1);
                assert_eq!(c.awards[0].id, "tercepat");
            }),
        },
        Case {
            name: "weights",
            toml: &award("weight = 40.0", "weight = 30.0"),
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:7:1: awards[0].criteria: The criteria weights must sum to 100, not 90"#,
            ),
        },
        Case {
            name: "no winners",
            toml: &award("winners = 3", "winners = 0"),
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:5:11: awards[0].winners: The number of winners per category must be at least 1, not 0"#,
            ),
        },
        Case {
            name: "criterion twice",
            toml: &award("id = \"follow_up\"", "id = \"speed\""),
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:16:6: awards[0].criteria[1].id: Criterion "speed" is defined more than once; criterion ids must be unique"#,
            ),
        },
        Case {
            name: "target against the direction",
            toml: &award("best = 1.0, worst = 5.0", "best = 5.0, worst = 1.0"),
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:13:17: awards[0].criteria[0].normalization: Criterion "speed" is lower-is-better, so the target's best (5) must be less than its worst (1)"#,
            ),
        },
        Case {
            name: "award id not a slug",
            toml: &award("id = \"tercepat\"", "id = \"Tercepat\""),
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:3:6: awards[0].id: The award id "Tercepat" must be lowercase letters, digits and hyphens, at most 64 characters"#,
            ),
        },
        Case {
            name: "empty metric",
            toml: &award("metric = \"follow_up_rate\"", "metric = \" \""),
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:18:10: awards[0].criteria[1].metric: The field criteria[1].metric must not be empty"#,
            ),
        },
        Case {
            name: "infinite threshold",
            toml: &award("min = 5.0", "min = inf"),
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:24:45: awards[0].eligibility[0].min_metric.min: The eligibility minimum for complaints must be a finite number, not inf"#,
            ),
        },
        Case {
            name: "unknown normalization",
            toml: &award("normalization = \"rate\"", "normalization = \"linear\""),
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:21:17: awards[0].criteria[1].normalization: unknown variant `linear`, expected one of `min_max`, `log_min_max`, `log_share_of_max`, `target`, `rate`"#,
            ),
        },
        Case {
            name: "award twice",
            toml: &format!("{AWARD}{AWARD}"),
            env: &[],
            want: Want::Fails(
                r#"aduan.toml:27:6: awards[1].id: award "tercepat" is already defined at awards[0]"#,
            ),
        },
    ]);
}

#[test]
fn error_accessors() {
    let text = format!("{AGENCY}zone = \"Asia/Banjarmasin\"\n");
    let err = Config::from_toml_str(&text, Path::new("aduan.toml"), &|_| None).unwrap_err();
    assert_eq!(err.file(), Some(Path::new("aduan.toml")));
    assert_eq!(err.line_column(), Some((6, 8)));
    assert_eq!(err.key(), Some("agencies[0].zone"));
    assert_eq!(err.reason(), "Time zone must be WIB, WITA, WIT, or an offset from UTC such as +08:00");
    assert!(!err.is_env());
}

#[test]
fn hash_token_is_hex_sha256() {
    // FIPS 180-2 test vectors.
    assert_eq!(hash_token(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_eq!(hash_token("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
