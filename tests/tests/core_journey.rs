//! One complaint's journey through the public API of `aduan-core`, as a
//! native consumer (the server, a CLI) drives it: validate the citizen's
//! input, issue a ticket, record the lifecycle, measure the SLA, aggregate
//! statistics, score the award, and render the wire views.

use std::collections::BTreeMap;

use aduan_core::api::v1::{Badge, BadgeLevel, LeaderboardView, Problem, StatsView};
use aduan_core::award::{self, Entrant};
use aduan_core::calendar::Calendar;
use aduan_core::lifecycle::{Action, ActionKind, Actor, Event, Status, fold};
use aduan_core::sla::{ClockState, SlaContext, SlaPolicy, evaluate};
use aduan_core::stats::{Period, StatsByAgency, StatsContext};
use aduan_core::{
    AccessSecret, AgencyId, CategoryId, Channel, ComplaintInput, Lang, TicketNumber, ValidationContext, Zone,
};
use chrono::{DateTime, Duration, Utc};

fn wita(local: &str) -> DateTime<Utc> {
    Zone::WITA.to_utc(local.parse().unwrap())
}

#[test]
fn a_complaint_from_form_to_leaderboard() {
    let dinkes = AgencyId::new("dinkes").unwrap();
    let now = wita("2025-03-03T10:00:00");

    // 1. The citizen's input, as the widget posts it; first badly, then well.
    let ctx =
        ValidationContext { now, zone: Zone::WITA, known_agencies: Some(std::slice::from_ref(&dinkes)) };
    let channel = Channel::WebWidget { origin: "https://dinkes.kalselprov.go.id".into() };
    let bad: ComplaintInput = serde_json::from_str(r#"{"kind":"pengaduan","title":"Obat"}"#).unwrap();
    let problem = Problem::validation(&bad.validate(channel.clone(), &ctx).unwrap_err());
    assert_eq!(problem.status, 422);
    assert!(problem.errors.iter().any(|e| e.field == "title" && e.message.id == "Judul minimal 10 karakter"));

    let good: ComplaintInput = serde_json::from_value(serde_json::json!({
        "kind": "pengaduan",
        "title": "Stok obat di Puskesmas Sungai Jingah kosong",
        "description": "Sejak dua minggu obat hipertensi tidak tersedia di apotek puskesmas.",
        "incident_date": "2025-02-28",
        "location": "Puskesmas Sungai Jingah, Banjarmasin Utara",
        "agency": "dinkes",
        "privacy": "anonim",
    }))
    .unwrap();
    let complaint = good.validate(channel, &ctx).unwrap();

    // 2. The ticket and its secret, from randomness the shell supplies.
    let ticket = TicketNumber::from_entropy(0x5eed_1234_abcd_0042);
    let secret = AccessSecret::from_entropy([42; 16]);
    assert_eq!(TicketNumber::parse(&ticket.as_str().to_lowercase().replace('-', " ")).unwrap(), ticket);
    assert!(secret.matches(&secret.expose().to_lowercase()));

    // 3. The lifecycle, as events appended by the shell.
    let officer = Actor::Penghubung { agency: dinkes.clone() };
    let mut events = vec![Event {
        at: now,
        actor: Actor::Reporter,
        action: Action::Received {
            kind: complaint.kind(),
            agency: complaint.agency().clone(),
            privacy: complaint.privacy(),
            channel: complaint.channel().kind(),
        },
    }];
    let mut push = |hours: i64, actor: Actor, action: Action| {
        let at = events.last().unwrap().at + Duration::hours(hours);
        events.push(Event { at, actor, action });
    };
    push(1, Actor::Koordinator, Action::Verified { privacy: None });
    push(1, Actor::Koordinator, Action::Disposed { to: dinkes.clone() });
    push(
        20,
        officer.clone(),
        Action::Responded { message: "Stok sedang dikirim dari gudang farmasi".into() },
    );
    push(24, officer.clone(), Action::FollowedUp { message: "Obat sudah tersedia kembali".into() });
    let state = fold(&events).unwrap();
    assert_eq!(state.status(), Status::Ditindaklanjuti);
    assert_eq!(
        state.allowed_actions(&Actor::Reporter),
        [ActionKind::InfoAdded, ActionKind::Confirmed, ActionKind::Disputed, ActionKind::Rated]
    );
    // Another agency's officer cannot touch it.
    let intruder = Event {
        at: events.last().unwrap().at,
        actor: Actor::Penghubung { agency: AgencyId::new("dpupr").unwrap() },
        action: Action::FollowedUp { message: "x".into() },
    };
    assert_eq!(state.check(&intruder).unwrap_err().code(), "transition.wrong_agency");

    // 4. The SLA: both clocks met; auto-close due 10 working days later.
    let calendar = Calendar::indonesia();
    let policy = SlaPolicy::default();
    let sla_ctx = SlaContext { policy: &policy, calendar: &calendar, zone: Zone::WITA };
    let report = evaluate(&state, &sla_ctx, wita("2025-03-10T10:00:00")).unwrap();
    assert_eq!(report.disposition.state, ClockState::Met);
    assert_eq!(report.follow_up.unwrap().state, ClockState::Met);
    assert_eq!(report.auto_close.unwrap().due_at, Some(wita("2025-03-19T08:00:00")));

    // 5. Statistics, the badge and the award over this and a second agency.
    let stats_ctx = StatsContext {
        policy: &policy,
        calendar: &calendar,
        period: Period::year(2025),
        now: wita("2025-12-31T00:00:00"),
    };
    let mut by_agency = StatsByAgency::new(stats_ctx, BTreeMap::new(), Zone::WITA);
    for _ in 0..5 {
        by_agency.push(&state).unwrap();
    }
    let stats = by_agency.finish().agencies;
    let dinkes_stats = &stats[&dinkes];
    assert_eq!(dinkes_stats.total, 5);
    let badge = Badge::new(dinkes.clone(), "Dinas Kesehatan", dinkes_stats, &policy);
    assert_eq!(badge.level, BadgeLevel::Baik);
    assert_eq!(badge.value.get(Lang::Id), "0,9 hari kerja");
    assert_eq!(StatsView::new(dinkes_stats, &policy).follow_up.share, Some(1.0));

    let def = award::complaint_handling();
    let opd = CategoryId::new("opd").unwrap();
    let entrants: Vec<Entrant> = stats
        .iter()
        .map(|(id, s)| Entrant {
            id: id.clone(),
            name: "Dinas Kesehatan".into(),
            category: opd.clone(),
            metrics: s.award_metrics(),
        })
        .collect();
    let board = award::score(&def, &entrants).unwrap();
    let view = LeaderboardView::new(&def, &board, Period::year(2025));
    let winner = &view.categories[0].ranked[0];
    assert_eq!((winner.rank, winner.winner, winner.agency.as_str()), (1, true, "dinkes"));
    let points: f64 = winner.contributions.iter().map(|c| c.points).sum();
    assert!((points - winner.score).abs() < 1e-9);
}
