//! Criterion benchmarks of statistics (and statistics + award scoring) over
//! one million synthetic complaints spread over 600 agencies and 2024–2026.

use std::collections::BTreeMap;
use std::hint::black_box;

use aduan_core::award::{self, Entrant};
use aduan_core::calendar::Calendar;
use aduan_core::lifecycle::{Action, Actor, Event, Lifecycle};
use aduan_core::sla::SlaPolicy;
use aduan_core::stats::{Period, StatsByAgency, StatsContext};
use aduan_core::{AgencyId, CategoryId, ChannelKind, ComplaintKind, Privacy, Rating, Zone};
use chrono::{DateTime, Duration, Utc};
use criterion::{Criterion, criterion_group, criterion_main};

/// A tiny deterministic generator (xorshift64*), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const AGENCIES: usize = 600;
const CATEGORIES: [&str; 6] = ["opd", "uptd", "kabupaten-kota", "bumd", "kecamatan", "puskesmas"];

fn agencies() -> Vec<AgencyId> {
    (0..AGENCIES).map(|i| AgencyId::new(format!("instansi-{i}")).unwrap()).collect()
}

/// One synthetic history: most complaints go the whole way, some stop early,
/// some are held, rerouted or archived.
fn complaint(rng: &mut Rng, agencies: &[AgencyId]) -> Lifecycle {
    let start: DateTime<Utc> = "2024-01-01T00:00:00Z".parse().unwrap();
    let mut at = start + Duration::minutes(rng.below(1_040 * 24 * 60) as i64);
    let agency = agencies[rng.below(agencies.len() as u64) as usize].clone();
    let kind = ComplaintKind::ALL[rng.below(3) as usize];
    let channel = ChannelKind::ALL[rng.below(6) as usize];
    let privacy = Privacy::ALL[rng.below(3) as usize];
    let received = Action::Received { kind, agency: agency.clone(), privacy, channel };
    let mut c = Lifecycle::start(&Event { at, actor: Actor::Reporter, action: received }).unwrap();
    let officer = Actor::Penghubung { agency: agency.clone() };
    let mut step = |c: &mut Lifecycle, rng: &mut Rng, actor: Actor, action: Action| {
        at += Duration::minutes(30 + rng.below(3 * 24 * 60) as i64);
        c.apply(&Event { at, actor, action }).unwrap();
    };
    let fate = rng.below(100);
    if fate < 3 {
        step(
            &mut c,
            rng,
            Actor::Koordinator,
            Action::Archived { reason: aduan_core::lifecycle::ArchiveReason::Spam, note: String::new() },
        );
        return c;
    }
    if fate < 6 {
        return c;
    }
    step(&mut c, rng, Actor::Koordinator, Action::Verified { privacy: None });
    step(&mut c, rng, Actor::Koordinator, Action::Disposed { to: agency.clone() });
    if fate < 10 {
        step(&mut c, rng, Actor::Koordinator, Action::Held { reason: "Menunggu data".into() });
        step(&mut c, rng, Actor::Reporter, Action::InfoAdded { message: "Data terlampir".into() });
    }
    if fate < 14 {
        return c;
    }
    step(&mut c, rng, officer.clone(), Action::Responded { message: "Diperiksa".into() });
    if fate < 20 {
        return c;
    }
    step(&mut c, rng, officer, Action::FollowedUp { message: "Sudah ditindaklanjuti".into() });
    if fate < 70 {
        step(&mut c, rng, Actor::Reporter, Action::Confirmed);
        if fate < 50 {
            let rating = Rating::new(1 + rng.below(5) as u8).unwrap();
            step(&mut c, rng, Actor::Reporter, Action::Rated { rating });
        }
    } else if fate < 95 {
        step(&mut c, rng, Actor::System, Action::AutoClosed);
    }
    c
}

fn complaints(n: usize) -> Vec<Lifecycle> {
    let agencies = agencies();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n).map(|_| complaint(&mut rng, &agencies)).collect()
}

fn stats(c: &mut Criterion) {
    let all = complaints(1_000_000);
    let calendar = Calendar::indonesia();
    let policy = SlaPolicy::default();
    let now: DateTime<Utc> = "2026-12-31T00:00:00Z".parse().unwrap();
    let period = Period::new("2024-01-01".parse().unwrap(), "2026-12-31".parse().unwrap()).unwrap();
    let ctx = StatsContext { policy: &policy, calendar: &calendar, period, now };

    let mut group = c.benchmark_group("stats");
    group.sample_size(10);
    group.bench_function("1m_complaints_600_agencies", |b| {
        b.iter(|| {
            let mut by = StatsByAgency::new(ctx, BTreeMap::new(), Zone::WITA);
            for complaint in &all {
                by.push(complaint).unwrap();
            }
            black_box(by.finish())
        });
    });
    let definition = award::complaint_handling();
    let categories: Vec<CategoryId> = CATEGORIES.iter().map(|c| CategoryId::new(*c).unwrap()).collect();
    group.bench_function("1m_complaints_600_agencies_then_award", |b| {
        b.iter(|| {
            let mut by = StatsByAgency::new(ctx, BTreeMap::new(), Zone::WITA);
            for complaint in &all {
                by.push(complaint).unwrap();
            }
            let entrants: Vec<Entrant> = by
                .finish()
                .agencies
                .into_iter()
                .enumerate()
                .map(|(i, (id, stats))| Entrant {
                    name: id.to_string(),
                    id,
                    category: categories[i % categories.len()].clone(),
                    metrics: stats.award_metrics(),
                })
                .collect();
            black_box(award::score(&definition, &entrants).unwrap())
        });
    });
    group.finish();
}

criterion_group!(benches, stats);
criterion_main!(benches);
