//! The demo: its configuration, and a database seeded from it checked with
//! the server's real statistics (the HTTP API and the core's statistics
//! over every stored history), the server's read models and its access
//! checks.
//!
//! The reported Kalimantan Selatan figures are the targets: about 800
//! complaints in 2024 and 700 in 2025, answered in about 2.0 and 1.1 days on
//! average. The generator never sees these numbers; these tests measure them.

use std::collections::BTreeMap;

use aduan_core::lifecycle::{ActionKind, Actor, fold};
use aduan_core::sla::{SlaContext, evaluate};
use aduan_demo::figures::{YearFigures, measure};
use aduan_demo::seed::demo_server_key;
use aduan_demo::{DEFAULT_SEED, default_now, figures, generate, seed, seed_database};
use aduan_server::app::{AppState, router};
use aduan_server::config::{Config, hash_token};
use aduan_server::derive;
use aduan_server::store::Store;
use aduan_server::store::sqlite::SqliteStore;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Datelike, Timelike};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

fn config() -> Config {
    aduan_demo::config(&|_| None).expect("the demo configuration loads")
}

/// `value` lies within 5 % of `target`.
fn near(value: f64, target: f64) -> bool {
    (value - target).abs() <= 0.05 * target
}

#[test]
fn the_configuration_has_the_province_s_agencies_and_officers() {
    let config = config();
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &config.agencies {
        *per_category.entry(a.category.as_str()).or_default() += 1;
        assert_eq!(a.zone, aduan_core::Zone::WITA, "{}", a.id);
    }
    let want =
        BTreeMap::from([("kabupaten-kota", 9), ("kabupaten-kota-nonpeserta", 4), ("opd", 24), ("uptd", 8)]);
    assert_eq!(per_category, want);
    let name = |id: &str| config.agency(&aduan_core::AgencyId::new(id).unwrap()).map(|a| a.name.as_str());
    assert_eq!(name("dinkes"), Some("Dinas Kesehatan"));
    assert_eq!(name("bpbd"), Some("Badan Penanggulangan Bencana Daerah"));
    assert_eq!(name("kab-batola"), Some("Kabupaten Barito Kuala"));
    assert_eq!(name("kota-banjarmasin"), Some("Kota Banjarmasin"));
    assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
    assert_eq!(config.default_zone, aduan_core::Zone::WITA);
    assert_eq!(config.awards.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["pengelola-pengaduan"]);

    // One koordinator and one admin penghubung per agency, each with the
    // published demo token.
    assert_eq!(config.officers.len(), config.agencies.len() + 1);
    let koordinator: Vec<_> = config.officers.iter().filter(|o| o.agency.is_none()).collect();
    assert_eq!(koordinator.len(), 1);
    assert_eq!(koordinator[0].token_sha256, hash_token("demo-koordinator"));
    for agency in &config.agencies {
        let officer = config
            .officers
            .iter()
            .find(|o| o.agency.as_ref() == Some(&agency.id))
            .unwrap_or_else(|| panic!("no officer for {}", agency.id));
        assert_eq!(officer.token_sha256, hash_token(&format!("demo-{}", agency.id)), "{}", officer.id);
    }
}

#[test]
fn generation_is_deterministic_and_depends_on_the_seed() {
    let config = config();
    let now = default_now();
    let a = generate(&config, 7, now).unwrap();
    assert_eq!(a, generate(&config, 7, now).unwrap());
    let b = generate(&config, 8, now).unwrap();
    assert_ne!(
        a.iter().map(|c| c.ticket).collect::<Vec<_>>(),
        b.iter().map(|c| c.ticket).collect::<Vec<_>>()
    );
    // No complaint or event after the demo's now, none before 2024.
    for c in &a {
        assert!(c.events.windows(2).all(|w| w[0].at <= w[1].at));
        assert!(c.events.iter().all(|e| e.at <= now));
        assert!(config.default_zone.local_date(c.events[0].at) >= "2024-01-01".parse().unwrap());
        assert!(config.default_zone.local_date(c.events[0].at) <= "2025-12-31".parse().unwrap());
    }
}

/// Other seeds give the same picture, measured in memory with the same
/// statistics: the figures come from the distributions, not from one
/// lucky seed. Seed to seed they vary by a few percent (a tenth at most
/// among the seeds tried), so the check here is looser than for the demo's
/// own seed.
#[test]
fn other_seeds_give_about_the_reported_figures() {
    let config = config();
    let now = default_now();
    for seed in [1, 2, 3] {
        let complaints = generate(&config, seed, now).unwrap();
        let folded: Vec<_> = complaints
            .iter()
            .map(|c| (fold(&c.events).unwrap(), c.events.iter().map(|e| e.action.kind()).collect()))
            .collect();
        for (year, count, mean) in [(2024, 800.0, 2.0), (2025, 700.0, 1.1)] {
            let f = measure(&config, year, now, &folded).unwrap();
            assert!(near(f64::from(f.total()), count), "seed {seed}: {f}");
            let days = f.mean_response_days().unwrap();
            assert!((days - mean).abs() <= 0.1 * mean, "seed {seed}: {f}");
        }
    }
}

async fn get(app: &axum::Router, path: &str, headers: &[(&str, &str)]) -> (StatusCode, Value) {
    let mut req = Request::get(path);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let response = app.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// Every row of every table but the migration log (which records when it
/// ran), as text, table by table in the order the rows were written.
async fn dump(store: &SqliteStore) -> Vec<(String, Vec<String>)> {
    let pool = store.pool();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' \
         AND name NOT LIKE 'sqlite%' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let columns: String = sqlx::query_scalar(
            "SELECT group_concat('quote(' || name || ')', ' || ''|'' || ') FROM pragma_table_info(?)",
        )
        .bind(&table)
        .fetch_one(pool)
        .await
        .unwrap();
        let rows: Vec<String> = sqlx::query_scalar(&format!("SELECT {columns} FROM {table} ORDER BY rowid"))
            .fetch_all(pool)
            .await
            .unwrap();
        out.push((table, rows));
    }
    out
}

fn check_year(f: &YearFigures, count: f64, mean_days: f64) {
    assert!(near(f64::from(f.total()), count), "{f}");
    assert!(near(f.mean_response_days().unwrap(), mean_days), "{f}");
    // Realistic spreads: some of everything, none of it dominant.
    let total = f.total();
    let some = |n: u32, what: &str| assert!(n > 0 && n < total / 5, "{what}: {n} of {total}: {f}");
    some(f.breached, "breached");
    some(f.held, "held");
    some(f.rerouted, "rerouted");
    some(f.archived(), "archived");
    some(f.disputed, "disputed");
    assert!(f.anonymous > total / 20 && f.anonymous < total / 2, "{f}");
    assert!(f.confidential > total / 20 && f.confidential < total / 2, "{f}");
    assert!(f.rated() > total / 10, "{f}");
    assert!(f.auto_closed > total / 10 && f.confirmed > total / 10, "{f}");
    let within = f.stats.within_standard.share().unwrap();
    assert!((0.85..1.0).contains(&within), "{f}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seeded_database_shows_the_reported_figures() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.sqlite3").display());
    let config = config();
    let now = default_now();
    // The demo's one call: creates, migrates and seeds the file.
    let seeded = seed_database(&url, &config, DEFAULT_SEED, now).await.unwrap();
    let store = SqliteStore::connect(&url).await.unwrap();

    // The province-wide figures, from the stored histories.
    let y2024 = figures(&store, &config, 2024, now).await.unwrap();
    let y2025 = figures(&store, &config, 2025, now).await.unwrap();
    check_year(&y2024, 800.0, 2.0);
    check_year(&y2025, 700.0, 1.1);
    assert_eq!(y2024.total() + y2025.total(), u32::try_from(seeded.complaints).unwrap());
    // The tail of December is still being handled at the demo's now.
    assert!(y2025.stats.open > 0 && y2025.stats.open < 100, "{y2025}");
    assert_eq!(y2024.stats.open, y2024.stats.overdue, "{y2024}");

    // The database holds exactly what the generator made, and each read
    // model is what the server derives from the events.
    let generated = generate(&config, DEFAULT_SEED, now).unwrap();
    let stored: BTreeMap<_, _> = store.histories(None).await.unwrap().into_iter().collect();
    assert_eq!(stored.len(), generated.len());
    for c in &generated {
        assert_eq!(stored.get(&c.ticket), Some(&c.events), "{}", c.ticket);
        let record = store
            .load(
                &c.ticket,
                aduan_core::visibility::Visibility::of(
                    aduan_core::Privacy::Rahasia,
                    aduan_core::visibility::Audience::Koordinator,
                ),
            )
            .await
            .unwrap()
            .unwrap();
        let last = c.events.last().unwrap().at;
        let derived = derive::derive(&config, &c.events, last).unwrap();
        assert_eq!(record.read_model, derive::read_model(&derived), "{}", c.ticket);
    }

    // Through the server's HTTP API: the per-agency statistics add up to
    // the province's figures.
    let key = store.server_key(demo_server_key(DEFAULT_SEED)).await.unwrap();
    let state =
        AppState::new(store.clone(), config.clone(), key).with_clock(std::sync::Arc::new(move || now));
    let app = router(state);
    for f in [&y2024, &y2025] {
        let (mut total, mut answered, mut days) = (0u64, 0u64, 0.0);
        for agency in &config.agencies {
            let (status, stats) =
                get(&app, &format!("/api/v1/agencies/{}/stats?period={}", agency.id, f.year()), &[]).await;
            assert_eq!(status, StatusCode::OK, "{stats}");
            total += stats["total"].as_u64().unwrap();
            if let Some(r) = stats.get("response_days") {
                let n = r["count"].as_u64().unwrap();
                answered += n;
                days += r["mean"].as_f64().unwrap() * n as f64;
            }
        }
        // Complaints never disposed (archived at once, or still with the
        // coordinator) belong to no agency.
        let unassigned = stored
            .values()
            .map(|events| fold(events).unwrap())
            .filter(|c| {
                c.agency().is_none() && config.default_zone.local_date(c.received_at()).year() == f.year()
            })
            .count();
        assert_eq!(total + unassigned as u64, u64::from(f.total()), "{f}");
        let response = f.stats.response.unwrap().days;
        assert_eq!(answered, u64::from(response.count));
        assert!((days / answered as f64 - response.mean).abs() < 1e-9);
    }
    // The award ranks the nine regencies and cities taking part.
    let (status, board) =
        get(&app, "/api/v1/awards/pengelola-pengaduan/leaderboard?period=2025&category=kabupaten-kota", &[])
            .await;
    assert_eq!(status, StatusCode::OK);
    let category = &board["categories"][0];
    let entrants =
        category["ranked"].as_array().unwrap().len() + category["unranked"].as_array().unwrap().len();
    assert_eq!(entrants, 9, "{board}");

    // A reporter's secret opens their complaint, as the server derives it.
    for (ticket, secret) in &seeded.samples {
        let (status, view) =
            get(&app, &format!("/api/v1/complaints/{ticket}"), &[("x-access-secret", secret)]).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert!(view["timeline"].as_array().unwrap().len() >= 6, "{view}");
    }
    let (status, _) = get(
        &app,
        &format!("/api/v1/complaints/{}", seeded.samples[0].0),
        &[("x-access-secret", "2222-2222-2222-2222")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The demo officers sign in with their published tokens.
    let (status, inbox) =
        get(&app, "/api/v1/inbox?limit=5", &[("authorization", "Bearer demo-koordinator")]).await;
    assert_eq!(status, StatusCode::OK, "{inbox}");
    assert!(inbox["total"].as_u64().unwrap() > 0);
    let (status, _) = get(&app, "/api/v1/inbox", &[("authorization", "Bearer demo-dinkes")]).await;
    assert_eq!(status, StatusCode::OK);

    // Officers act in office hours on working days; the server's sweep
    // closes within its five-minute interval after the window ends.
    for events in stored.values() {
        for (i, e) in events.iter().enumerate() {
            let local = config.default_zone.local(e.at);
            let officer = matches!(e.actor, Actor::Koordinator | Actor::Penghubung { .. });
            if officer {
                assert!(config.calendar.is_working_day(local.date()).unwrap(), "{e:?}");
                assert!(
                    (8..17).contains(&local.hour()) && local.hour() * 60 + local.minute() <= 16 * 60 + 30,
                    "{e:?}"
                );
            }
            if e.action.kind() == ActionKind::AutoClosed {
                let before = fold(&events[..i]).unwrap();
                let ctx =
                    SlaContext { policy: &config.sla, calendar: &config.calendar, zone: config.default_zone };
                let due = evaluate(&before, &ctx, e.at).unwrap().auto_close.unwrap().due_at.unwrap();
                assert!(e.at >= due && e.at - due < chrono::Duration::minutes(5), "{e:?}");
            }
        }
    }

    // Every kind of event the lifecycle has, apart from none, occurs.
    let kinds: std::collections::BTreeSet<ActionKind> =
        stored.values().flatten().map(|e| e.action.kind()).collect();
    assert_eq!(kinds, ActionKind::ALL.into_iter().collect());

    // The same seed gives the same database, row for row, also when seeded
    // through `seed` into a store of another kind.
    let again = SqliteStore::connect("sqlite::memory:").await.unwrap();
    again.migrate().await.unwrap();
    seed(&again, &config, DEFAULT_SEED, now).await.unwrap();
    let (first, second) = (dump(&store).await, dump(&again).await);
    let tables: Vec<&str> = first.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(tables, ["complaints", "events", "idempotency_keys", "officers", "settings"]);
    assert!(first.iter().all(|(_, rows)| !rows.is_empty()));
    assert!(first == second, "the same seed gave a different database");

    // Seeding again is refused: the demo only fills a fresh database.
    assert!(matches!(
        seed(&store, &config, DEFAULT_SEED, now).await,
        Err(aduan_demo::seed::SeedError::NotEmpty)
    ));
}
