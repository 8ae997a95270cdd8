//! Criterion benchmark of award scoring: the complaint-handling preset on
//! 600 agencies across 6 categories, with deterministic pseudo-random
//! metrics so that every run measures the same input.

use std::hint::black_box;

use aduan_core::award::{Entrant, complaint_handling, metric, score};
use aduan_core::{AgencyId, CategoryId};
use criterion::{Criterion, criterion_group, criterion_main};

/// Marsaglia's xorshift64: enough randomness for plausible metrics, with no
/// dependency and the same sequence on every machine.
struct XorShift(u64);

impl XorShift {
    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A float in [0, 1), from the top 53 bits.
    fn unit(&mut self) -> f64 {
        // Exact: 53-bit integers are representable in an f64.
        let top = (self.next_u64() >> 11) as f64;
        top / (1u64 << 53) as f64
    }
}

/// 600 agencies, 100 per category; about one in ten falls below the
/// eligibility floor and one in four has no satisfaction ratings, so every
/// path of the engine is exercised.
fn entrants() -> Vec<Entrant> {
    let categories = ["opd", "uptd", "kabupaten-kota", "bumd", "kecamatan", "puskesmas"];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    (0..600)
        .map(|i| {
            let category = CategoryId::new(categories[i % categories.len()]).unwrap();
            let id = AgencyId::new(format!("instansi-{i}")).unwrap();
            let mut e = Entrant::new(id, format!("Instansi {i}"), category)
                .with_metric(metric::COMPLAINTS, (rng.unit() * 200.0).floor())
                .with_metric(metric::FOLLOW_UP_RATE, 0.5 + rng.unit() * 0.5)
                .with_metric(metric::WITHIN_STANDARD_SHARE, 0.4 + rng.unit() * 0.6)
                .with_metric(metric::COMPLETION_RATE, 0.3 + rng.unit() * 0.7)
                .with_metric(metric::MEDIAN_RESPONSE_DAYS, (rng.unit() * 10.0).round() / 2.0);
            if rng.unit() < 0.75 {
                e = e.with_metric(metric::SATISFACTION_MEAN, 1.0 + rng.unit() * 4.0);
            }
            e
        })
        .collect()
}

fn bench_score(c: &mut Criterion) {
    let def = complaint_handling();
    let entrants = entrants();
    c.bench_function("award/score_600_agencies_6_categories", |b| {
        b.iter(|| score(black_box(&def), black_box(&entrants)).unwrap());
    });
}

criterion_group!(benches, bench_score);
criterion_main!(benches);
