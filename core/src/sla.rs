//! The SLA engine: the clocks that measure a complaint against its
//! deadlines, in working days of the agency's zone, minus holds.
//!
//! Three clocks follow the SP4N-LAPOR! rules (all configurable in
//! [`SlaPolicy`]):
//! - **disposition**: verification and disposition within 3 working days,
//!   from receipt (or from a *bukan wewenang* reroute, which sends the
//!   complaint back for routing) to the disposition;
//! - **follow-up**: the agency's follow-up within 5 working days, from the
//!   latest disposition (or the reporter's dispute) to the follow-up;
//! - **auto-close**: a followed-up complaint closes automatically 10 working
//!   days after the follow-up unless the reporter replies.
//!
//! A due instant is the earliest instant by which the clock's budget of
//! working time has elapsed: received Monday 10:00 WITA with 3 working days
//! gives Thursday 10:00 WITA; received on a Saturday gives Thursday 00:00.
//! Working time counts whole days that are working days in the agency's
//! zone, and leaves out the intervals the complaint was on hold.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, WorkingDays};
use crate::error::{FieldError, Text};
use crate::lifecycle::{ActionKind, Event, Lifecycle, Status, TransitionError};
use crate::zone::Zone;

pub use crate::calendar::SECONDS_PER_WORKING_DAY;

/// The deadlines of a deployment.
///
/// Read from configuration with every field optional (defaults below) and
/// checked on the way in: each deadline 1–365 working days, the at-risk
/// share 1–100 %.
///
/// # Example
/// ```
/// use aduan_core::sla::SlaPolicy;
/// let p: SlaPolicy = serde_json::from_str(r#"{"follow_up": 7}"#).unwrap();
/// assert_eq!(p.follow_up.get(), 7);
/// assert!(serde_json::from_str::<SlaPolicy>(r#"{"at_risk_percent": 0}"#).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawPolicy")]
pub struct SlaPolicy {
    /// Verification and disposition, from receipt or reroute.
    pub disposition: WorkingDays,
    /// The agency's follow-up, from disposition or dispute.
    pub follow_up: WorkingDays,
    /// Automatic closing after a follow-up the reporter did not answer.
    pub auto_close: WorkingDays,
    /// The response-time standard the badge measures against, from receipt
    /// to the agency's first answer (the national standard of 5 days).
    pub response_standard: WorkingDays,
    /// A running clock is *at risk* from this share of its budget, in percent.
    pub at_risk_percent: u8,
}

/// The policy as written in configuration, before its checks.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawPolicy {
    disposition: WorkingDays,
    follow_up: WorkingDays,
    auto_close: WorkingDays,
    response_standard: WorkingDays,
    at_risk_percent: u8,
}

impl Default for RawPolicy {
    fn default() -> Self {
        let d = SlaPolicy::default();
        Self {
            disposition: d.disposition,
            follow_up: d.follow_up,
            auto_close: d.auto_close,
            response_standard: d.response_standard,
            at_risk_percent: d.at_risk_percent,
        }
    }
}

impl TryFrom<RawPolicy> for SlaPolicy {
    type Error = FieldError;
    fn try_from(r: RawPolicy) -> Result<Self, FieldError> {
        let p = Self {
            disposition: r.disposition,
            follow_up: r.follow_up,
            auto_close: r.auto_close,
            response_standard: r.response_standard,
            at_risk_percent: r.at_risk_percent,
        };
        p.validate()?;
        Ok(p)
    }
}

impl SlaPolicy {
    /// The longest deadline accepted, in working days (about a year and a half).
    pub const MAX_DAYS: u32 = 365;

    /// Checks the policy: each deadline 1–[`Self::MAX_DAYS`] working days,
    /// the at-risk share 1–100 %.
    ///
    /// # Errors
    /// A field error naming the first offending field (`sla.follow_up`…),
    /// code `out_of_range`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::sla::SlaPolicy;
    /// use aduan_core::calendar::WorkingDays;
    /// assert!(SlaPolicy::default().validate().is_ok());
    /// let bad = SlaPolicy { follow_up: WorkingDays::new(0), ..SlaPolicy::default() };
    /// assert_eq!(bad.validate().unwrap_err().field, "sla.follow_up");
    /// ```
    pub fn validate(&self) -> Result<(), FieldError> {
        let days = [
            ("sla.disposition", self.disposition),
            ("sla.follow_up", self.follow_up),
            ("sla.auto_close", self.auto_close),
            ("sla.response_standard", self.response_standard),
        ];
        for (field, d) in days {
            if !(1..=Self::MAX_DAYS).contains(&d.get()) {
                return Err(FieldError {
                    field,
                    code: "out_of_range",
                    message: Text::new(
                        format!("{field} harus 1 sampai {} hari kerja", Self::MAX_DAYS),
                        format!("{field} must be 1 to {} working days", Self::MAX_DAYS),
                    ),
                });
            }
        }
        if !(1..=100).contains(&self.at_risk_percent) {
            return Err(FieldError {
                field: "sla.at_risk_percent",
                code: "out_of_range",
                message: Text::new(
                    "sla.at_risk_percent harus 1 sampai 100",
                    "sla.at_risk_percent must be 1 to 100",
                ),
            });
        }
        Ok(())
    }
}

impl Default for SlaPolicy {
    /// The SP4N-LAPOR! rules: 3, 5 and 10 working days; standard 5; at risk from 80 %.
    fn default() -> Self {
        Self {
            disposition: WorkingDays::new(3),
            follow_up: WorkingDays::new(5),
            auto_close: WorkingDays::new(10),
            response_standard: WorkingDays::new(5),
            at_risk_percent: 80,
        }
    }
}

/// Which deadline a clock measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// Verification and disposition by the coordinator.
    Disposition,
    /// Follow-up by the agency.
    FollowUp,
}

/// Where a clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// Running, less than the at-risk share of its budget used.
    Running,
    /// Running with at least the at-risk share of its budget used.
    AtRisk,
    /// Stopped for a hold; the due instant moves with the hold.
    Paused,
    /// Stopped in time.
    Met,
    /// Running past its due instant, or stopped after it.
    Breached,
    /// Stopped because the complaint was archived before the deadline mattered.
    Cancelled,
}

/// One SLA clock of one complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// The deadline measured.
    pub kind: ClockKind,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it stopped, if it did.
    pub stopped_at: Option<DateTime<Utc>>,
    /// When the budget runs out (for a paused clock: if resumed now);
    /// `None` when that lies beyond the calendar's last year (the clock is
    /// then certainly not overdue yet).
    pub due_at: Option<DateTime<Utc>>,
    /// When the clock becomes at risk (the policy's share of its budget
    /// used), if still open; `None` when beyond the calendar or stopped.
    pub at_risk_at: Option<DateTime<Utc>>,
    /// The budget in seconds of working time.
    pub budget_seconds: i64,
    /// Calendar seconds from start to stop (or now).
    pub elapsed_seconds: i64,
    /// Working seconds from start to stop (or now), holds left out.
    pub elapsed_working_seconds: i64,
    /// Where it stands.
    pub state: ClockState,
}

impl Clock {
    /// Working seconds left before the deadline; negative when overdue.
    #[must_use]
    pub fn remaining_working_seconds(&self) -> i64 {
        self.budget_seconds - self.elapsed_working_seconds
    }

    /// Whether it is still counting (running, at risk, paused or breached
    /// without having stopped).
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.stopped_at.is_none() && self.state != ClockState::Cancelled
    }
}

/// The automatic closing of a followed-up complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutoClose {
    /// When the complaint closes automatically unless the reporter replies;
    /// `None` when beyond the calendar's last year.
    pub due_at: Option<DateTime<Utc>>,
    /// Whether that instant has passed (the shell should append `auto_closed`).
    pub is_due: bool,
}

/// Every clock of one complaint at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlaReport {
    /// The instant the report was made for.
    pub now: DateTime<Utc>,
    /// The coordinator's clock; it always exists, since it starts at receipt.
    pub disposition: Clock,
    /// The agency's clock, once disposed (absent after a reroute until the
    /// next disposition).
    pub follow_up: Option<Clock>,
    /// The automatic closing, while the complaint is followed up.
    pub auto_close: Option<AutoClose>,
}

impl SlaReport {
    /// The open clock with the least time left, for sorting an inbox by
    /// urgency; `None` when no clock is counting.
    #[must_use]
    pub fn most_urgent(&self) -> Option<&Clock> {
        [Some(&self.disposition), self.follow_up.as_ref()]
            .into_iter()
            .flatten()
            .filter(|c| c.is_open())
            .min_by_key(|c| c.remaining_working_seconds())
    }

    /// Whether any open clock is past its due instant.
    #[must_use]
    pub fn is_overdue(&self) -> bool {
        self.most_urgent().is_some_and(|c| c.state == ClockState::Breached)
    }

    /// Whether any open clock is at risk (and none is overdue).
    #[must_use]
    pub fn is_at_risk(&self) -> bool {
        !self.is_overdue() && self.most_urgent().is_some_and(|c| c.state == ClockState::AtRisk)
    }
}

/// What the engine needs besides the complaint: the rules, the calendar,
/// the agency's zone and the current instant (the core never reads a clock).
#[derive(Debug, Clone, Copy)]
pub struct SlaContext<'a> {
    /// The deadlines.
    pub policy: &'a SlaPolicy,
    /// Working days and holidays.
    pub calendar: &'a Calendar,
    /// The handling agency's zone.
    pub zone: Zone,
}

/// Evaluates every clock of a complaint at `now`.
///
/// # Errors
/// [`CalendarError`] when an instant involved lies outside the calendar's
/// years (the deployment must load a newer holiday calendar).
///
/// # Example
/// ```
/// use aduan_core::calendar::Calendar;
/// use aduan_core::lifecycle::{fold, Action, Actor, Event};
/// use aduan_core::sla::{evaluate, ClockState, SlaContext, SlaPolicy};
/// use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy, Zone};
///
/// let at = |s: &str| s.parse().unwrap();
/// // Received Monday 3 March 2025, 10:00 WITA.
/// let c = fold(&[Event { at: at("2025-03-03T02:00:00Z"), actor: Actor::Reporter,
///     action: Action::Received { kind: ComplaintKind::Pengaduan,
///         agency: AgencyId::new("dinkes").unwrap(), privacy: Privacy::Publik,
///         channel: ChannelKind::WebWidget } }]).unwrap();
/// let calendar = Calendar::indonesia();
/// let ctx = SlaContext { policy: &SlaPolicy::default(), calendar: &calendar, zone: Zone::WITA };
/// let report = evaluate(&c, &ctx, at("2025-03-05T02:00:00Z")).unwrap();
/// // Due Thursday 10:00 WITA; two of three days used: not yet at risk.
/// assert_eq!(report.disposition.due_at, Some(at("2025-03-06T02:00:00Z")));
/// assert_eq!(report.disposition.state, ClockState::Running);
/// ```
pub fn evaluate(c: &Lifecycle, ctx: &SlaContext<'_>, now: DateTime<Utc>) -> Result<SlaReport, CalendarError> {
    let pauses = c.pauses_until(now);
    let archived_at = (c.status() == Status::Diarsipkan).then_some(c.closed_at()).flatten();

    let disposition = clock(
        ClockKind::Disposition,
        c.disposition_started_at(),
        c.disposed_at(),
        ctx.policy.disposition,
        (ctx, &pauses, now, archived_at, c.hold().is_some()),
    )?;
    let follow_up = match c.follow_up_started_at() {
        Some(start) => Some(clock(
            ClockKind::FollowUp,
            start,
            c.followed_up_at().filter(|f| *f >= start),
            ctx.policy.follow_up,
            (ctx, &pauses, now, archived_at, c.hold().is_some()),
        )?),
        None => None,
    };
    let auto_close = match (c.status(), c.awaiting_reply_since()) {
        (Status::Ditindaklanjuti, Some(at)) => {
            let due_at = due(ctx.calendar.add_working_seconds_excluding(
                ctx.zone,
                at,
                seconds(ctx.policy.auto_close),
                &pauses,
            ))?;
            Some(AutoClose { due_at, is_due: due_at.is_some_and(|d| now >= d) })
        }
        _ => None,
    };
    Ok(SlaReport { now, disposition, follow_up, auto_close })
}

fn seconds(days: WorkingDays) -> i64 {
    days.seconds()
}

/// A deadline beyond the calendar is not an error: the calendar cannot say
/// when it falls, but it certainly has not passed yet.
fn due(result: Result<DateTime<Utc>, CalendarError>) -> Result<Option<DateTime<Utc>>, CalendarError> {
    match result {
        Ok(t) => Ok(Some(t)),
        Err(CalendarError::BeyondRange { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

type ClockEnv<'a, 'b> =
    (&'a SlaContext<'b>, &'a [(DateTime<Utc>, DateTime<Utc>)], DateTime<Utc>, Option<DateTime<Utc>>, bool);

fn clock(
    kind: ClockKind,
    started_at: DateTime<Utc>,
    stopped_at: Option<DateTime<Utc>>,
    budget: WorkingDays,
    (ctx, pauses, now, archived_at, on_hold): ClockEnv<'_, '_>,
) -> Result<Clock, CalendarError> {
    let budget_seconds = seconds(budget);
    // An archived complaint's clocks end where the complaint ended.
    let end = stopped_at.or(archived_at).unwrap_or(now).max(started_at);
    // Only holds while this clock ran move its deadline: a hold after a
    // clock stopped belongs to a later clock.
    let pauses: Vec<_> =
        pauses.iter().filter(|(from, _)| *from < end).map(|&(from, to)| (from, to.min(end))).collect();
    let elapsed_working_seconds =
        ctx.calendar.working_seconds_excluding(ctx.zone, started_at, end, &pauses)?;
    let due_at =
        due(ctx.calendar.add_working_seconds_excluding(ctx.zone, started_at, budget_seconds, &pauses))?;
    let at_risk_at = if stopped_at.is_none() && archived_at.is_none() {
        let share = budget_seconds * i64::from(ctx.policy.at_risk_percent) / 100;
        due(ctx.calendar.add_working_seconds_excluding(ctx.zone, started_at, share, &pauses))?
    } else {
        None
    };
    // Acting at the due instant itself is in time, for stopped and open
    // clocks alike.
    let past_due = |t: DateTime<Utc>| due_at.is_some_and(|d| t > d);
    let state = match (stopped_at, archived_at) {
        (Some(stop), _) if !past_due(stop) => ClockState::Met,
        (Some(_), _) => ClockState::Breached,
        (None, Some(archived)) if past_due(archived) => ClockState::Breached,
        (None, Some(_)) => ClockState::Cancelled,
        (None, None) if past_due(now) => ClockState::Breached,
        (None, None) if on_hold => ClockState::Paused,
        (None, None)
            if elapsed_working_seconds * 100 >= budget_seconds * i64::from(ctx.policy.at_risk_percent) =>
        {
            ClockState::AtRisk
        }
        (None, None) => ClockState::Running,
    };
    Ok(Clock {
        kind,
        started_at,
        stopped_at: stopped_at.or(archived_at),
        due_at,
        at_risk_at,
        budget_seconds,
        elapsed_seconds: (end - started_at).num_seconds(),
        elapsed_working_seconds,
        state,
    })
}

/// Checks the rules of an event that depend on working time, which the
/// state machine alone cannot know: automatic closing only once the
/// reporter's window has passed, and a dispute only within it.
///
/// The shell calls this before [`Lifecycle::apply`] (or uses
/// [`apply_checked`]).
///
/// # Errors
/// [`crate::Error::Transition`] with [`TransitionError::NotYetDue`] or
/// [`TransitionError::ReplyWindowClosed`], or [`crate::Error::Calendar`]
/// when the event's instant lies outside the calendar.
///
/// # Example
/// ```
/// use aduan_core::calendar::Calendar;
/// use aduan_core::lifecycle::{fold, Action, Actor, Event};
/// use aduan_core::sla::{check_timing, SlaContext, SlaPolicy};
/// use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy, Zone};
///
/// let at = |s: &str| s.parse().unwrap();
/// let dinkes = AgencyId::new("dinkes").unwrap();
/// let c = fold(&[
///     Event { at: at("2025-03-03T02:00:00Z"), actor: Actor::Reporter, action: Action::Received {
///         kind: ComplaintKind::Pengaduan, agency: dinkes.clone(), privacy: Privacy::Publik,
///         channel: ChannelKind::Lapor } },
///     Event { at: at("2025-03-03T03:00:00Z"), actor: Actor::Koordinator, action: Action::Verified { privacy: None } },
///     Event { at: at("2025-03-03T04:00:00Z"), actor: Actor::Koordinator, action: Action::Disposed { to: dinkes.clone() } },
///     Event { at: at("2025-03-04T02:00:00Z"), actor: Actor::Penghubung { agency: dinkes },
///         action: Action::FollowedUp { message: "Sudah diperbaiki".into() } },
/// ]).unwrap();
/// let calendar = Calendar::indonesia();
/// let ctx = SlaContext { policy: &SlaPolicy::default(), calendar: &calendar, zone: Zone::WITA };
/// let close = |when: &str| Event { at: at(when), actor: Actor::System, action: Action::AutoClosed };
/// // Ten working days after Tuesday 4 March 10:00 WITA is Tuesday 18 March 10:00.
/// assert_eq!(check_timing(&c, &close("2025-03-10T02:00:00Z"), &ctx).unwrap_err().code(), "transition.not_yet_due");
/// assert!(check_timing(&c, &close("2025-03-18T02:00:00Z"), &ctx).is_ok());
/// ```
pub fn check_timing(c: &Lifecycle, event: &Event, ctx: &SlaContext<'_>) -> Result<(), crate::Error> {
    let kind = event.action.kind();
    if !matches!(kind, ActionKind::AutoClosed | ActionKind::Disputed) || c.status() != Status::Ditindaklanjuti
    {
        return Ok(());
    }
    let window = evaluate(c, ctx, event.at)?.auto_close;
    let is_due = window.is_some_and(|w| w.is_due);
    match kind {
        ActionKind::AutoClosed if !is_due => Err(TransitionError::NotYetDue.into()),
        ActionKind::Disputed if is_due => Err(TransitionError::ReplyWindowClosed.into()),
        _ => Ok(()),
    }
}

/// Applies `event` after [`check_timing`]: what the shell calls.
///
/// # Errors
/// Any error of [`check_timing`] or [`Lifecycle::apply`]; on error nothing
/// changes.
pub fn apply_checked(c: &mut Lifecycle, event: &Event, ctx: &SlaContext<'_>) -> Result<(), crate::Error> {
    c.check(event)?;
    check_timing(c, event, ctx)?;
    c.apply(event)?;
    Ok(())
}

/// How long the agency took to answer: receipt to first response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseTime {
    /// Calendar seconds from receipt to the first answer.
    pub seconds: i64,
    /// Working seconds in the agency's zone, holds left out.
    pub working_seconds: i64,
}

impl ResponseTime {
    /// Calendar days, as a fraction.
    #[must_use]
    pub fn days(&self) -> f64 {
        self.seconds as f64 / 86_400.0
    }

    /// Working days, as a fraction.
    #[must_use]
    pub fn working_days(&self) -> f64 {
        self.working_seconds as f64 / SECONDS_PER_WORKING_DAY as f64
    }

    /// Whether the answer came within `standard` working days.
    #[must_use]
    pub fn within(&self, standard: WorkingDays) -> bool {
        self.working_seconds <= seconds(standard)
    }
}

/// The response time of a complaint the agency has answered; `None` before
/// the first answer.
///
/// # Errors
/// [`CalendarError`] when an instant lies outside the calendar's years.
///
/// # Example
/// ```
/// use aduan_core::calendar::Calendar;
/// use aduan_core::lifecycle::{fold, Action, Actor, Event};
/// use aduan_core::sla::response_time;
/// use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy, Zone};
///
/// let at = |s: &str| s.parse().unwrap();
/// let dinkes = AgencyId::new("dinkes").unwrap();
/// let officer = Actor::Penghubung { agency: dinkes.clone() };
/// let c = fold(&[
///     // Friday 7 March 2025, 10:00 WITA …
///     Event { at: at("2025-03-07T02:00:00Z"), actor: Actor::Reporter, action: Action::Received {
///         kind: ComplaintKind::Pengaduan, agency: dinkes.clone(), privacy: Privacy::Publik,
///         channel: ChannelKind::Lapor } },
///     Event { at: at("2025-03-07T03:00:00Z"), actor: Actor::Koordinator,
///         action: Action::Verified { privacy: None } },
///     Event { at: at("2025-03-07T04:00:00Z"), actor: Actor::Koordinator,
///         action: Action::Disposed { to: dinkes } },
///     // … answered Monday 10:00 WITA: 3 calendar days, 1 working day.
///     Event { at: at("2025-03-10T02:00:00Z"), actor: officer,
///         action: Action::Responded { message: "Sedang ditangani".into() } },
/// ]).unwrap();
/// let rt = response_time(&c, &Calendar::indonesia(), Zone::WITA).unwrap().unwrap();
/// assert_eq!(rt.days(), 3.0);
/// assert_eq!(rt.working_days(), 1.0);
/// ```
pub fn response_time(
    c: &Lifecycle,
    calendar: &Calendar,
    zone: Zone,
) -> Result<Option<ResponseTime>, CalendarError> {
    let Some(answered) = c.first_response_at() else {
        return Ok(None);
    };
    let working_seconds = calendar.working_seconds_excluding(zone, c.received_at(), answered, c.pauses())?;
    Ok(Some(ResponseTime { seconds: (answered - c.received_at()).num_seconds(), working_seconds }))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::lifecycle::testing::{at, history};
    use crate::lifecycle::{Action, Actor};

    fn report(c: &Lifecycle, now: &str) -> SlaReport {
        let calendar = Calendar::indonesia();
        let policy = SlaPolicy::default();
        let ctx = SlaContext { policy: &policy, calendar: &calendar, zone: Zone::WITA };
        evaluate(c, &ctx, at(now)).unwrap()
    }

    /// Checks one clock: its due instant (WITA) and state.
    fn check(clock: Option<Clock>, due: &str, state: ClockState) {
        let clock = clock.expect("clock present");
        assert_eq!((clock.due_at, clock.state), (Some(at(due)), state), "{clock:?}");
    }

    #[test]
    fn disposition_clock() {
        let monday = history(&[("2025-03-03T10:00:00", "receive")]);
        let cases = [
            ("2025-03-05T10:00:00", ClockState::Running), // 2 of 3 days used
            ("2025-03-05T20:00:00", ClockState::AtRisk),  // 80.6 % used
            ("2025-03-06T10:00:00", ClockState::AtRisk),  // exactly at the deadline: still in time
            ("2025-03-06T10:00:01", ClockState::Breached),
        ];
        for (now, state) in cases {
            check(Some(report(&monday, now).disposition), "2025-03-06T10:00:00", state);
        }
        // Received on a Saturday: the clock starts Monday 00:00.
        let saturday = history(&[("2025-03-01T10:00:00", "receive")]);
        check(
            Some(report(&saturday, "2025-03-01T11:00:00").disposition),
            "2025-03-06T00:00:00",
            ClockState::Running,
        );
        // Received on Labour Day (Thursday 1 May 2025): the clock starts Friday.
        let holiday = history(&[("2025-05-01T10:00:00", "receive")]);
        check(
            Some(report(&holiday, "2025-05-02T10:00:00").disposition),
            "2025-05-07T00:00:00",
            ClockState::Running,
        );
        // Idulfitri 1446 H: 28 Mar – 7 Apr 2025 has no working day.
        let lebaran = history(&[("2025-03-27T10:00:00", "receive")]);
        check(
            Some(report(&lebaran, "2025-04-01T10:00:00").disposition),
            "2025-04-10T10:00:00",
            ClockState::Running,
        );
        // Disposed in time, then the clock stops.
        let done = history(&[
            ("2025-03-03T10:00:00", "receive"),
            ("2025-03-04T09:00:00", "verify"),
            ("2025-03-04T09:30:00", "dispose"),
        ]);
        let r = report(&done, "2025-04-30T00:00:00");
        check(Some(r.disposition), "2025-03-06T10:00:00", ClockState::Met);
        assert_eq!(r.disposition.elapsed_working_seconds, 23 * 3600 + 30 * 60);
    }

    #[test]
    fn deadlines_beyond_the_calendar_are_unknown_not_errors() {
        // Followed up on 21 December 2026: auto-close falls in 2027, which the
        // default calendar does not hold yet.
        let c = history(&[
            ("2026-12-17T09:00:00", "receive"),
            ("2026-12-17T10:00:00", "verify"),
            ("2026-12-17T11:00:00", "dispose"),
            ("2026-12-21T10:00:00", "follow_up"),
        ]);
        let r = report(&c, "2026-12-22T10:00:00");
        assert_eq!(r.follow_up.unwrap().state, ClockState::Met);
        assert_eq!(r.auto_close, Some(AutoClose { due_at: None, is_due: false }));
        let open = history(&[("2026-12-29T09:00:00", "receive")]);
        let clock = report(&open, "2026-12-30T09:00:00").disposition;
        assert_eq!((clock.due_at, clock.state), (None, ClockState::Running));
    }

    #[test]
    fn timing_rules_of_auto_close_and_dispute() {
        let c = history(&[
            ("2025-03-03T10:00:00", "receive"),
            ("2025-03-03T11:00:00", "verify"),
            ("2025-03-03T12:00:00", "dispose"),
            ("2025-03-04T10:00:00", "follow_up"),
        ]);
        let calendar = Calendar::indonesia();
        let policy = SlaPolicy::default();
        let ctx = SlaContext { policy: &policy, calendar: &calendar, zone: Zone::WITA };
        let event = |when: &str, actor: Actor, action: Action| Event { at: at(when), actor, action };
        let close = |when: &str| event(when, Actor::System, Action::AutoClosed);
        let dispute = |when: &str| event(when, Actor::Reporter, Action::Disputed { reason: "Belum".into() });
        let code = |r: Result<(), crate::Error>| r.map_or_else(|e| e.code(), |()| "ok");
        // The window: 10 working days from Tuesday 4 March 10:00 is Tuesday 18 March 10:00.
        let cases = [
            (close("2025-03-04T10:01:00"), "transition.not_yet_due"),
            (close("2025-03-18T09:59:59"), "transition.not_yet_due"),
            (close("2025-03-18T10:00:00"), "ok"),
            (dispute("2025-03-18T09:59:59"), "ok"),
            (dispute("2025-03-18T10:00:00"), "transition.reply_window_closed"),
            (dispute("2025-09-01T10:00:00"), "transition.reply_window_closed"),
        ];
        for (e, want) in cases {
            assert_eq!(code(check_timing(&c, &e, &ctx)), want, "{e:?}");
            let mut copy = c.clone();
            assert_eq!(code(apply_checked(&mut copy, &e, &ctx)), want);
            if want != "ok" {
                assert_eq!(copy, c, "a refused event changes nothing");
            }
        }
    }

    #[test]
    fn holds_move_the_deadline() {
        let held = history(&[
            ("2025-03-03T10:00:00", "receive"),
            ("2025-03-03T12:00:00", "hold"),
            ("2025-03-04T12:00:00", "resume"),
        ]);
        check(
            Some(report(&held, "2025-03-05T10:00:00").disposition),
            "2025-03-07T10:00:00",
            ClockState::Running,
        );
        // While on hold the clock is paused and its deadline moves with "now".
        let holding = history(&[("2025-03-03T10:00:00", "receive"), ("2025-03-03T12:00:00", "hold")]);
        let r = report(&holding, "2025-03-04T12:00:00");
        check(Some(r.disposition), "2025-03-07T10:00:00", ClockState::Paused);
        assert_eq!(r.disposition.elapsed_working_seconds, 2 * 3600);
    }

    #[test]
    fn a_later_hold_does_not_move_a_stopped_clock() {
        let c = history(&[
            ("2025-03-03T10:00:00", "receive"),
            ("2025-03-03T11:00:00", "verify"),
            ("2025-03-03T12:00:00", "dispose"),
            ("2025-03-04T09:00:00", "hold"),
            ("2025-03-04T15:00:00", "resume"),
        ]);
        let r = report(&c, "2025-03-05T10:00:00");
        check(Some(r.disposition), "2025-03-06T10:00:00", ClockState::Met);
        // The follow-up clock ran during the hold, so its deadline moves by six hours.
        check(r.follow_up, "2025-03-10T18:00:00", ClockState::Running);
    }

    #[test]
    fn follow_up_clock_and_auto_close() {
        let base = [
            ("2025-03-07T09:00:00", "receive"),
            ("2025-03-07T09:30:00", "verify"),
            ("2025-03-10T10:00:00", "dispose"),
        ];
        let open = history(&base);
        check(report(&open, "2025-03-12T10:00:00").follow_up, "2025-03-17T10:00:00", ClockState::Running);
        check(report(&open, "2025-03-17T10:00:01").follow_up, "2025-03-17T10:00:00", ClockState::Breached);
        // A deadline at the end of Friday has passed on Saturday, though no
        // working time accrues at the weekend.
        let friday = history(&[("2025-03-05T00:00:00", "receive")]);
        check(
            Some(report(&friday, "2025-03-08T10:00:00").disposition),
            "2025-03-08T00:00:00",
            ClockState::Breached,
        );

        let in_time = history(&[base[0], base[1], base[2], ("2025-03-14T16:00:00", "follow_up")]);
        let r = report(&in_time, "2025-03-20T00:00:00");
        check(r.follow_up, "2025-03-17T10:00:00", ClockState::Met);
        // 10 working days after Friday 14 March 16:00, across Idulfitri.
        let auto = r.auto_close.unwrap();
        assert_eq!((auto.due_at, auto.is_due), (Some(at("2025-04-08T16:00:00")), false));
        assert!(report(&in_time, "2025-04-08T16:00:00").auto_close.unwrap().is_due);

        let late = history(&[base[0], base[1], base[2], ("2025-03-18T08:00:00", "follow_up")]);
        check(report(&late, "2025-03-20T00:00:00").follow_up, "2025-03-17T10:00:00", ClockState::Breached);

        // The reporter's reply restarts the auto-close window.
        let replied = history(&[
            base[0],
            base[1],
            base[2],
            ("2025-03-14T16:00:00", "follow_up"),
            ("2025-03-17T08:00:00", "info"),
        ]);
        let auto = report(&replied, "2025-03-20T00:00:00").auto_close.unwrap();
        assert_eq!(auto.due_at, Some(at("2025-04-09T08:00:00")));

        // A dispute gives the agency a fresh follow-up clock and stops auto-close.
        let disputed = history(&[
            base[0],
            base[1],
            base[2],
            ("2025-03-14T16:00:00", "follow_up"),
            ("2025-03-17T08:00:00", "dispute"),
        ]);
        let r = report(&disputed, "2025-03-17T09:00:00");
        check(r.follow_up, "2025-03-24T08:00:00", ClockState::Running);
        assert_eq!(r.auto_close, None);
    }

    #[test]
    fn archiving_cancels_open_clocks() {
        let archived = history(&[("2025-03-03T10:00:00", "receive"), ("2025-03-04T10:00:00", "archive")]);
        let r = report(&archived, "2025-06-01T00:00:00");
        check(Some(r.disposition), "2025-03-06T10:00:00", ClockState::Cancelled);
        assert_eq!(r.most_urgent(), None);
        assert!(!r.is_overdue());
        let late = history(&[("2025-03-03T10:00:00", "receive"), ("2025-03-10T10:00:00", "archive")]);
        check(
            Some(report(&late, "2025-06-01T00:00:00").disposition),
            "2025-03-06T10:00:00",
            ClockState::Breached,
        );
    }

    #[test]
    fn archiving_during_a_hold_ends_the_hold() {
        let c = history(&[
            ("2025-03-03T10:00:00", "receive"),
            ("2025-03-03T12:00:00", "hold"),
            ("2025-03-04T10:00:00", "archive"),
        ]);
        assert_eq!(c.pauses(), [(at("2025-03-03T12:00:00"), at("2025-03-04T10:00:00"))]);
        let r = report(&c, "2025-06-01T00:00:00");
        // Two hours ran before the hold; the 22 hours on hold moved the deadline.
        assert_eq!(r.disposition.elapsed_working_seconds, 2 * 3600);
        check(Some(r.disposition), "2025-03-07T08:00:00", ClockState::Cancelled);
    }

    #[test]
    fn urgency_picks_the_open_clock_with_least_time() {
        let c = history(&[
            ("2025-03-03T10:00:00", "receive"),
            ("2025-03-03T11:00:00", "verify"),
            ("2025-03-03T12:00:00", "dispose"),
        ]);
        let r = report(&c, "2025-03-07T12:00:00");
        let urgent = r.most_urgent().unwrap();
        // 80 % of 5 working days from Monday 12:00 is Friday 12:00: now.
        assert_eq!(urgent.at_risk_at, Some(at("2025-03-07T12:00:00")));
        assert_eq!(urgent.kind, ClockKind::FollowUp);
        assert_eq!(urgent.remaining_working_seconds(), SECONDS_PER_WORKING_DAY);
        assert!(r.is_at_risk() && !r.is_overdue());
    }

    #[test]
    fn response_time_in_both_measures() {
        let c = history(&[
            ("2025-03-27T10:00:00", "receive"),
            ("2025-03-27T11:00:00", "verify"),
            ("2025-03-27T12:00:00", "dispose"),
            ("2025-04-08T10:00:00", "respond"),
        ]);
        let rt = response_time(&c, &Calendar::indonesia(), Zone::WITA).unwrap().unwrap();
        assert_eq!(rt.days(), 12.0);
        assert_eq!(rt.working_seconds, 14 * 3600 + 10 * 3600);
        assert!(rt.within(WorkingDays::new(1)));
    }

    #[test]
    fn policy_reads_from_json_with_defaults() {
        let p: SlaPolicy = serde_json::from_str(r#"{"follow_up": 7}"#).unwrap();
        assert_eq!((p.disposition, p.follow_up), (WorkingDays::new(3), WorkingDays::new(7)));
        assert!(serde_json::from_str::<SlaPolicy>(r#"{"folow_up": 7}"#).is_err());
        for bad in [r#"{"disposition": 0}"#, r#"{"auto_close": 366}"#, r#"{"at_risk_percent": 101}"#] {
            assert!(serde_json::from_str::<SlaPolicy>(bad).is_err(), "{bad}");
        }
        let round_trip: SlaPolicy = serde_json::from_value(serde_json::to_value(p).unwrap()).unwrap();
        assert_eq!(round_trip, p);
    }
}
