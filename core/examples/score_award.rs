//! Scores the "Pengelola Pengaduan Terbaik" award from complaint histories:
//! folds each history, measures every agency's year with the statistics
//! engine, turns the statistics into award metrics, ranks the entrants with
//! the complaint-handling preset, and explains each score criterion by
//! criterion.
//!
//! Three agencies of one category handle a year of complaints differently:
//! one answers the next working day and follows everything up, one answers
//! in a week and follows up half, and one has too few complaints to rank.
//!
//! Run: `cargo run -p aduan-core --example score_award`

#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;

use aduan_core::award::{Entrant, complaint_handling, score};
use aduan_core::calendar::Calendar;
use aduan_core::lifecycle::{Action, Actor, Event, Lifecycle, fold};
use aduan_core::sla::SlaPolicy;
use aduan_core::stats::{Period, StatsByAgency, StatsContext};
use aduan_core::{AgencyId, CategoryId, ChannelKind, ComplaintKind, Lang, Privacy, Zone};
use chrono::{Duration, NaiveDate, TimeZone, Utc};

/// How an agency handles its complaints in this made-up year.
struct Practice {
    id: &'static str,
    name: &'static str,
    complaints: u32,
    /// Calendar days from disposition to the first answer.
    answer_after_days: i64,
    /// Every how-many-th complaint gets a follow-up (1: all of them).
    follow_up_every: u32,
}

fn history(agency: &AgencyId, received: chrono::DateTime<Utc>, p: &Practice, n: u32) -> Vec<Event> {
    let officer = Actor::Penghubung { agency: agency.clone() };
    let mut events = vec![
        Event {
            at: received,
            actor: Actor::Reporter,
            action: Action::Received {
                kind: ComplaintKind::Pengaduan,
                agency: agency.clone(),
                privacy: Privacy::Publik,
                channel: ChannelKind::WebWidget,
            },
        },
        Event {
            at: received + Duration::hours(1),
            actor: Actor::Koordinator,
            action: Action::Verified { privacy: None },
        },
        Event {
            at: received + Duration::hours(2),
            actor: Actor::Koordinator,
            action: Action::Disposed { to: agency.clone() },
        },
    ];
    let answered = received + Duration::hours(2) + Duration::days(p.answer_after_days);
    events.push(Event {
        at: answered,
        actor: officer.clone(),
        action: Action::Responded { message: "Kami tindak lanjuti".into() },
    });
    if n % p.follow_up_every == 0 {
        events.push(Event {
            at: answered + Duration::days(1),
            actor: officer,
            action: Action::FollowedUp { message: "Sudah diperbaiki".into() },
        });
    }
    events
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let practices = [
        Practice {
            id: "dishub",
            name: "Dinas Perhubungan",
            complaints: 40,
            answer_after_days: 1,
            follow_up_every: 1,
        },
        Practice {
            id: "dpupr",
            name: "Dinas PUPR",
            complaints: 120,
            answer_after_days: 7,
            follow_up_every: 2,
        },
        Practice {
            id: "bapenda",
            name: "Badan Pendapatan Daerah",
            complaints: 3,
            answer_after_days: 1,
            follow_up_every: 1,
        },
    ];
    let opd = CategoryId::new("opd")?;

    // Fold every history (the core checks each against the lifecycle).
    let mut complaints: Vec<Lifecycle> = Vec::new();
    for p in &practices {
        let agency = AgencyId::new(p.id)?;
        for n in 0..p.complaints {
            // Spread over the year's Mondays, 10:00 WITA.
            let day = NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("date")? + Duration::weeks(i64::from(n % 48));
            let received = Utc.from_utc_datetime(&day.and_hms_opt(2, 0, 0).ok_or("time")?);
            complaints.push(fold(&history(&agency, received, p, n))?);
        }
    }

    // One pass of statistics per agency over 2025.
    let calendar = Calendar::indonesia();
    let policy = SlaPolicy::default();
    let ctx = StatsContext {
        policy: &policy,
        calendar: &calendar,
        period: Period::year(2025),
        now: "2026-01-01T00:00:00Z".parse()?,
    };
    let mut by_agency = StatsByAgency::new(ctx, BTreeMap::new(), Zone::WITA);
    for c in &complaints {
        by_agency.push(c)?;
    }
    let stats = by_agency.finish();

    // Statistics → award metrics → entrants → leaderboard.
    let entrants: Vec<Entrant> = practices
        .iter()
        .map(|p| -> Result<Entrant, Box<dyn std::error::Error>> {
            let id = AgencyId::new(p.id)?;
            let mut e = Entrant::new(id.clone(), p.name, opd.clone());
            e.metrics = stats.agencies.get(&id).map(|s| s.award_metrics()).unwrap_or_default();
            Ok(e)
        })
        .collect::<Result<_, _>>()?;
    let definition = complaint_handling();
    let board = score(&definition, &entrants)?;

    let result = board.category(&opd).ok_or("the category has entrants")?;
    for r in &result.ranked {
        println!("{}. {:<26} {:>6.2}{}", r.rank, r.name, r.score, if r.winner { "  (pemenang)" } else { "" });
        for (c, criterion) in r.contributions.iter().zip(&definition.criteria) {
            let raw = c.raw.map_or_else(|| "tidak ada data".to_owned(), |v| format!("{v:.3}"));
            println!(
                "     {:<40} nilai {raw:>8} → {:.3} × {:>4.0} = {:>5.2} poin",
                criterion.name.get(Lang::Id),
                c.normalized,
                criterion.weight,
                c.points
            );
        }
    }
    for u in &result.unranked {
        let reasons: Vec<&str> = u.reasons.iter().map(|t| t.get(Lang::Id)).collect();
        println!("-. {:<26} tidak diperingkat: {}", u.name, reasons.join("; "));
    }

    let order: Vec<&str> = result.ranked.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(order, ["dishub", "dpupr"], "prompt handling beats volume");
    assert_eq!(result.unranked.len(), 1);
    Ok(())
}
