//! Criterion benchmarks of the working-day calendar: every operation on the
//! Indonesian calendar, with inputs from a fixed-seed xorshift so that runs
//! compare with each other.

use std::hint::black_box;

use aduan_core::Zone;
use aduan_core::calendar::Calendar;
use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};

/// How many inputs each benchmark cycles through: enough to defeat branch
/// prediction on a repeated input, few enough to stay in cache.
const INPUTS: usize = 4096;

/// Marsaglia's xorshift64: deterministic and dependency-free.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (the modulo bias is irrelevant here).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

struct Inputs {
    calendar: Calendar,
    rng: XorShift,
    days: u64,
}

impl Inputs {
    fn new() -> Self {
        let calendar = Calendar::indonesia();
        let days = (calendar.last_date() - calendar.first_date()).num_days() as u64 + 1;
        Self { calendar, rng: XorShift(0x9E37_79B9_7F4A_7C15), days }
    }

    fn date(&mut self) -> NaiveDate {
        self.calendar.first_date() + Days::new(self.rng.below(self.days))
    }

    /// An instant in the first `days_in` days of the calendar, in WITA.
    fn instant(&mut self, days_in: u64) -> DateTime<Utc> {
        let start = Zone::WITA.start_of(self.calendar.first_date());
        start + Duration::seconds(self.rng.below(days_in * 86_400) as i64)
    }

    fn offset(&mut self, at: DateTime<Utc>, max_secs: u64) -> DateTime<Utc> {
        at + Duration::seconds(self.rng.below(max_secs) as i64)
    }
}

/// Calls `op` on each input in turn, one per iteration.
fn cycle<T>(inputs: &[T], mut op: impl FnMut(&T)) -> impl FnMut() {
    let mut i = 0;
    move || {
        op(&inputs[i]);
        // A compare, not `%`: a division would cost as much as some operations.
        i += 1;
        if i == inputs.len() {
            i = 0;
        }
    }
}

fn calendar(c: &mut Criterion) {
    let mut input = Inputs::new();
    let cal = Calendar::indonesia();
    let days = input.days;
    let zone = Zone::WITA;

    let dates: Vec<NaiveDate> = (0..INPUTS).map(|_| input.date()).collect();
    c.bench_function("calendar/is_working_day", |b| {
        b.iter(cycle(&dates, |&d| {
            black_box(cal.is_working_day(black_box(d)).unwrap());
        }));
    });

    let pairs: Vec<(NaiveDate, NaiveDate)> = (0..INPUTS).map(|_| (input.date(), input.date())).collect();
    c.bench_function("calendar/working_days_between", |b| {
        b.iter(cycle(&pairs, |&(from, to)| {
            black_box(cal.working_days_between(black_box(from), black_box(to)).unwrap());
        }));
    });

    // Up to 60 working days ahead from the first two years: always inside.
    let adds: Vec<(NaiveDate, i64)> = (0..INPUTS)
        .map(|_| (cal.first_date() + Days::new(input.rng.below(days - 366)), input.rng.below(60) as i64))
        .collect();
    c.bench_function("calendar/add_working_days", |b| {
        b.iter(cycle(&adds, |&(date, n)| {
            black_box(cal.add_working_days(black_box(date), black_box(n)).unwrap());
        }));
    });

    // A complaint's life: up to 30 days, on hold twice for up to 5 days.
    type Pauses = [(DateTime<Utc>, DateTime<Utc>); 2];
    let spans: Vec<(DateTime<Utc>, DateTime<Utc>, Pauses)> = (0..INPUTS)
        .map(|_| {
            let from = input.instant(days - 40);
            let to = input.offset(from, 30 * 86_400);
            let hold = |input: &mut Inputs| {
                let start = input.offset(from, 30 * 86_400);
                (start, input.offset(start, 5 * 86_400))
            };
            (from, to, [hold(&mut input), hold(&mut input)])
        })
        .collect();
    c.bench_function("calendar/working_seconds_excluding_2_pauses", |b| {
        b.iter(cycle(&spans, |(from, to, pauses)| {
            black_box(
                cal.working_seconds_excluding(zone, black_box(*from), black_box(*to), black_box(pauses))
                    .unwrap(),
            );
        }));
    });

    // A due time: up to 10 working days from receipt, on hold twice.
    let dues: Vec<(DateTime<Utc>, i64, Pauses)> =
        spans.iter().map(|&(from, _, pauses)| (from, input.rng.below(10 * 86_400) as i64, pauses)).collect();
    c.bench_function("calendar/add_working_seconds_excluding_2_pauses", |b| {
        b.iter(cycle(&dues, |(from, secs, pauses)| {
            black_box(
                cal.add_working_seconds_excluding(
                    zone,
                    black_box(*from),
                    black_box(*secs),
                    black_box(pauses),
                )
                .unwrap(),
            );
        }));
    });
}

criterion_group!(benches, calendar);
criterion_main!(benches);
