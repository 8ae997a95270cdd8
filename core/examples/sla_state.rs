//! Computes a complaint's SLA state with the working-day engine: which
//! deadlines run, when each falls due, how much working time is used, and
//! whether it is at risk or late — across the Idul Fitri 2025 holidays and
//! *cuti bersama*, in the agency's zone (WITA), at three instants.
//!
//! Run: `cargo run -p aduan-core --example sla_state`

#![allow(clippy::print_stdout)]

use aduan_core::calendar::Calendar;
use aduan_core::lifecycle::{Action, Actor, Event, fold};
use aduan_core::sla::{Clock, ClockState, SlaContext, SlaPolicy, evaluate};
use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Lang, Privacy, Zone};
use chrono::{DateTime, Utc};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calendar = Calendar::indonesia();
    let policy = SlaPolicy::default();
    let ctx = SlaContext { policy: &policy, calendar: &calendar, zone: Zone::WITA };
    let at = |s: &str| s.parse::<DateTime<Utc>>();
    let dinkes = AgencyId::new("dinkes")?;

    // Received Wednesday 26 March 2025 at 10:00 WITA, verified and disposed
    // the next morning; Idul Fitri and its cuti bersama then close the
    // offices from 28 March to 7 April.
    let c = fold(&[
        Event {
            at: at("2025-03-26T02:00:00Z")?,
            actor: Actor::Reporter,
            action: Action::Received {
                kind: ComplaintKind::Pengaduan,
                agency: dinkes.clone(),
                privacy: Privacy::Publik,
                channel: ChannelKind::WebWidget,
            },
        },
        Event {
            at: at("2025-03-27T01:00:00Z")?,
            actor: Actor::Koordinator,
            action: Action::Verified { privacy: None },
        },
        Event {
            at: at("2025-03-27T01:30:00Z")?,
            actor: Actor::Koordinator,
            action: Action::Disposed { to: dinkes },
        },
    ])?;

    let show = |clock: &Clock| {
        let due = clock.due_at.map_or_else(
            || "beyond the calendar".to_owned(),
            |d| aduan_core::format::instant(d, Zone::WITA, Lang::Id),
        );
        format!(
            "{:?}: {:?}, due {due}, {:.2} of {:.0} working days used",
            clock.kind,
            clock.state,
            clock.elapsed_working_seconds as f64 / 86_400.0,
            clock.budget_seconds as f64 / 86_400.0
        )
    };

    let mut states = Vec::new();
    for now in ["2025-03-31T02:00:00Z", "2025-04-11T04:00:00Z", "2025-04-16T02:00:00Z"] {
        let report = evaluate(&c, &ctx, at(now)?)?;
        println!("at {}:", aduan_core::format::instant(report.now, Zone::WITA, Lang::Id));
        println!("  {}", show(&report.disposition));
        let follow_up = report.follow_up.ok_or("a disposed complaint has a follow-up clock")?;
        println!("  {}", show(&follow_up));
        println!("  overdue: {}, at risk: {}", report.is_overdue(), report.is_at_risk());
        states.push(follow_up.state);
    }
    // On 31 March (a holiday) only the 0.6 working day of 27 March has
    // passed; on 11 April, past four of its five working days, the agency's
    // clock is at risk; on 16 April it is late.
    assert_eq!(states, [ClockState::Running, ClockState::AtRisk, ClockState::Breached]);
    Ok(())
}
