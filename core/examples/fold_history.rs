//! Folds a complaint's history into its state, event by event, the way the
//! server does before it stores anything: the lifecycle is a fold, and an
//! event the rules refuse is reported with a stable code and a message in
//! Indonesian and English.
//!
//! The history: a pothole report is sent to the wrong agency, which returns
//! it (*bukan wewenang*); the coordinator routes it again, the right agency
//! answers and follows up, and the reporter confirms and rates it.
//!
//! Run: `cargo run -p aduan-core --example fold_history`

#![allow(clippy::print_stdout)]

use aduan_core::lifecycle::{Action, Actor, Event, Lifecycle, Status, fold};
use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Lang, Privacy, Rating};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dinkes = AgencyId::new("dinkes")?;
    let dpupr = AgencyId::new("dpupr")?;
    let penghubung = |agency: &AgencyId| Actor::Penghubung { agency: agency.clone() };
    let event = |at: &str, actor: Actor, action: Action| -> Result<Event, chrono::ParseError> {
        Ok(Event { at: at.parse()?, actor, action })
    };

    let history = vec![
        event(
            "2025-03-03T02:00:00Z",
            Actor::Reporter,
            Action::Received {
                kind: ComplaintKind::Pengaduan,
                agency: dinkes.clone(),
                privacy: Privacy::Publik,
                channel: ChannelKind::WebWidget,
            },
        )?,
        event("2025-03-03T03:00:00Z", Actor::Koordinator, Action::Verified { privacy: None })?,
        event("2025-03-03T03:05:00Z", Actor::Koordinator, Action::Disposed { to: dinkes.clone() })?,
        event(
            "2025-03-04T01:00:00Z",
            penghubung(&dinkes),
            Action::Rerouted {
                reason: "Jalan kota adalah wewenang DPUPR".into(),
                suggested: Some(dpupr.clone()),
            },
        )?,
        event("2025-03-04T02:00:00Z", Actor::Koordinator, Action::Disposed { to: dpupr.clone() })?,
        event(
            "2025-03-05T01:00:00Z",
            penghubung(&dpupr),
            Action::Responded { message: "Tim kami meninjau lokasi besok".into() },
        )?,
        event(
            "2025-03-07T06:00:00Z",
            penghubung(&dpupr),
            Action::FollowedUp { message: "Lubang sudah ditambal".into() },
        )?,
        event("2025-03-08T00:30:00Z", Actor::Reporter, Action::Confirmed)?,
        event("2025-03-08T00:31:00Z", Actor::Reporter, Action::Rated { rating: Rating::new(5)? })?,
    ];

    // Event by event, as a live system applies them.
    let mut state: Option<Lifecycle> = None;
    for e in &history {
        let next = aduan_core::lifecycle::apply(state.take(), e)?;
        println!(
            "{} UTC  {:<12} {:<12} → {:<15} agency {}",
            e.at.format("%Y-%m-%d %H:%M"),
            e.actor.role(),
            e.action.kind().code(),
            next.status().code(),
            next.agency().map_or("-", AgencyId::as_str)
        );
        state = Some(next);
    }

    // The whole history at once gives the same state.
    let c = fold(&history)?;
    assert_eq!(Some(&c), state.as_ref());
    assert_eq!(c.status(), Status::Selesai);
    assert_eq!(c.agency(), Some(&dpupr));
    assert_eq!(c.reroutes(), 1);
    assert_eq!(c.rating().map(Rating::stars), Some(5));
    let stars = c.rating().map_or(0, Rating::stars);
    println!("status {}, {} reroute(s), rated {stars} stars", c.status().label().get(Lang::Id), c.reroutes());

    // A refused event: the first agency cannot report a follow-up on a
    // complaint that was routed away from it.
    let mut refused = history.clone();
    refused.push(event(
        "2025-03-09T01:00:00Z",
        penghubung(&dinkes),
        Action::FollowedUp { message: "Ditambah".into() },
    )?);
    let Err(err) = fold(&refused) else {
        return Err("a follow-up after closing must be refused".into());
    };
    println!("refused event {}: {}", err.index, err.error.code());
    println!("  id: {}", err.error.message().get(Lang::Id));
    println!("  en: {}", err.error.message().get(Lang::En));
    assert_eq!(err.index, history.len());
    Ok(())
}
