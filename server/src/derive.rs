//! What the server derives from a complaint's events with the core: its
//! state, SLA clocks, read model and the views each viewer gets.

use aduan_core::Zone;
use aduan_core::api::v1::{ComplaintView, Deadline, OfficerComplaintView, TimelineEntry};
use aduan_core::lifecycle::{ActionKind, Actor, Event, Lifecycle, fold};
use aduan_core::sla::{ClockState, SlaContext, SlaReport, evaluate};
use aduan_core::visibility::Visibility;
use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::store::{ComplaintRecord, ReadModel};

/// A complaint's history folded and measured at `now`.
#[derive(Debug, Clone)]
pub struct Derived {
    /// The folded state.
    pub lifecycle: Lifecycle,
    /// The SLA clocks at `now`; `None` when the holiday calendar does not
    /// cover the instants involved (the complaint is still handled, its
    /// deadlines are unknown until a newer calendar is loaded).
    pub sla: Option<SlaReport>,
    /// The zone its dates are shown in.
    pub zone: Zone,
}

/// The zone of the agency handling a complaint (or addressed by it).
#[must_use]
pub fn zone_for(config: &Config, c: &Lifecycle) -> Zone {
    config.zone_of(c.agency().unwrap_or(c.requested_agency()))
}

/// Folds and measures a stored history.
///
/// # Errors
/// A stored history the core refuses (corrupt data) or a calendar error.
pub fn derive(config: &Config, events: &[Event], now: DateTime<Utc>) -> anyhow::Result<Derived> {
    let lifecycle = fold(events).map_err(|e| anyhow::anyhow!("stored history does not fold: {e}"))?;
    measure(config, lifecycle, now)
}

/// Measures a folded complaint at `now`.
///
/// # Errors
/// A calendar error (an instant outside the calendar's years).
pub fn measure(config: &Config, lifecycle: Lifecycle, now: DateTime<Utc>) -> anyhow::Result<Derived> {
    let zone = zone_for(config, &lifecycle);
    let ctx = SlaContext { policy: &config.sla, calendar: &config.calendar, zone };
    let sla = match evaluate(&lifecycle, &ctx, now) {
        Ok(report) => Some(report),
        Err(e) if e.is_out_of_range() => {
            tracing::warn!(error = %e, "the holiday calendar does not cover this complaint: deadlines unknown; load a newer calendar");
            None
        }
        Err(e) => return Err(e.into()),
    };
    Ok(Derived { lifecycle, sla, zone })
}

/// The read model stored beside the events.
#[must_use]
pub fn read_model(d: &Derived) -> ReadModel {
    let c = &d.lifecycle;
    // A paused clock has no deadline while the complaint waits for its reporter.
    let urgent =
        d.sla.as_ref().and_then(SlaReport::most_urgent).filter(|clock| clock.state != ClockState::Paused);
    ReadModel {
        status: c.status(),
        agency: c.agency().cloned(),
        privacy: c.privacy(),
        version: c.version(),
        due_at: urgent.and_then(|clock| clock.due_at),
        at_risk_at: urgent.and_then(|clock| clock.at_risk_at),
        auto_close_at: d.sla.and_then(|r| r.auto_close).and_then(|a| a.due_at),
        updated_at: c.last_event_at(),
    }
}

/// What `actor` may do now: what the lifecycle allows, less a dispute once
/// the reply window has closed (the core refuses it then, see
/// `sla::check_timing`), so no one is offered a button that must fail.
fn allowed_now(d: &Derived, actor: &Actor) -> Vec<ActionKind> {
    let window_closed = d.sla.as_ref().and_then(|r| r.auto_close.as_ref()).is_some_and(|w| w.is_due);
    let mut actions = d.lifecycle.allowed_actions(actor);
    if window_closed {
        actions.retain(|k| *k != ActionKind::Disputed);
    }
    actions
}

/// The complaint as `visibility` allows, with the actions `actor` may take.
///
/// The record already lacks what the viewer may not see (the store did not
/// select it); this only decides what of the timeline to show: a report
/// whose summary is hidden shows its status alone.
#[must_use]
pub fn view(
    record: &ComplaintRecord,
    d: &Derived,
    visibility: Visibility,
    actor: Option<&Actor>,
) -> ComplaintView {
    let c = &d.lifecycle;
    let summary = visibility.summary;
    ComplaintView {
        ticket: record.ticket,
        status: c.status().into(),
        agency: c.agency().cloned().filter(|_| summary),
        received_at: c.received_at(),
        zone: d.zone,
        kind: record.kind.filter(|_| summary),
        privacy: Some(c.privacy()).filter(|_| summary),
        title: record.title.clone(),
        description: record.description.clone(),
        incident_date: record.incident_date,
        location: record.location.clone(),
        reporter_name: record.reporter_name.clone(),
        timeline: if summary {
            record.events.iter().map(|e| TimelineEntry::from_event(e, &visibility)).collect()
        } else {
            Vec::new()
        },
        deadlines: if summary {
            d.sla
                .iter()
                .flat_map(|r| [Some(&r.disposition), r.follow_up.as_ref()])
                .flatten()
                .map(Deadline::from)
                .collect()
        } else {
            Vec::new()
        },
        auto_close_at: d.sla.and_then(|r| r.auto_close).and_then(|a| a.due_at).filter(|_| summary),
        actions: actor.map(|a| allowed_now(d, a)).unwrap_or_default(),
        version: c.version(),
    }
}

/// The complaint as an officer sees it: [`view`] plus the reporter's
/// contact (only where `visibility.contact`) and the map point (only where
/// `visibility.content`). The record already lacks what the officer may not
/// see; the visibility is asked again so that a record loaded with more can
/// never leak it here.
#[must_use]
pub fn officer_view(
    record: &ComplaintRecord,
    d: &Derived,
    visibility: Visibility,
    actor: &Actor,
) -> OfficerComplaintView {
    OfficerComplaintView {
        complaint: view(record, d, visibility, Some(actor)),
        reporter_email: record.reporter_email.clone().filter(|_| visibility.contact),
        reporter_phone: record.reporter_phone.clone().filter(|_| visibility.contact),
        coordinates: record.coordinates.filter(|_| visibility.content),
    }
}
