//! The province-wide figures of a year, read back from a database: every
//! stored history folded by the core and measured by the core's statistics
//! (`aduan_core::stats`), as the server measures each agency.
//!
//! The server's API gives statistics per agency; the province-wide figures
//! Diskominfo reports (all agencies together) are the same computation
//! over every complaint, which is what [`figures`] does.

use std::fmt;

use aduan_core::lifecycle::{ActionKind, Lifecycle, fold};
use aduan_core::sla::{ClockState, SlaContext, evaluate};
use aduan_core::stats::{Period, Stats, StatsBuilder, StatsContext};
use aduan_core::{Privacy, lifecycle::Status};
use aduan_server::config::Config;
use aduan_server::store::{Store, StoreError};
use chrono::{DateTime, Datelike, Utc};

/// A year's figures for the whole province.
#[derive(Debug, Clone, PartialEq)]
pub struct YearFigures {
    /// The core's statistics of every complaint received in the year.
    pub stats: Stats,
    /// Complaints with a deadline missed (a clock breached) by `as_of`.
    pub breached: u32,
    /// Complaints put on hold at least once.
    pub held: u32,
    /// Complaints an agency returned as *bukan wewenang*.
    pub rerouted: u32,
    /// Complaints whose reporter disputed a follow-up.
    pub disputed: u32,
    /// Complaints closed automatically.
    pub auto_closed: u32,
    /// Complaints the reporter confirmed.
    pub confirmed: u32,
    /// Anonymous complaints (effective privacy).
    pub anonymous: u32,
    /// Confidential complaints (effective privacy).
    pub confidential: u32,
}

impl YearFigures {
    /// The year.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.stats.period.from.year()
    }

    /// Complaints received.
    #[must_use]
    pub fn total(&self) -> u32 {
        self.stats.total
    }

    /// Mean response time in calendar days (receipt to the agency's first
    /// answer), if any complaint was answered.
    #[must_use]
    pub fn mean_response_days(&self) -> Option<f64> {
        self.stats.response.map(|r| r.days.mean)
    }

    /// Complaints archived (spam, duplicates, invalid).
    #[must_use]
    pub fn archived(&self) -> u32 {
        self.stats.by_status.get(&Status::Diarsipkan).copied().unwrap_or(0)
    }

    /// Complaints rated by their reporter.
    #[must_use]
    pub fn rated(&self) -> u32 {
        self.stats.satisfaction.map_or(0, |s| s.count)
    }
}

impl fmt::Display for YearFigures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.stats;
        let share =
            |r: aduan_core::stats::Ratio| r.share().map_or("-".to_owned(), |x| format!("{:.1} %", x * 100.0));
        write!(f, "{}: {} complaints", self.year(), s.total)?;
        if let Some(r) = s.response {
            write!(
                f,
                ", response mean {:.2} days (median {:.2}, p90 {:.2}; {:.2} working days mean) over {} answered",
                r.days.mean, r.days.median, r.days.p90, r.working_days.mean, r.days.count
            )?;
        }
        write!(
            f,
            "; within standard {}, follow-up rate {}, completion {}",
            share(s.within_standard),
            share(s.follow_up),
            share(s.completion)
        )?;
        if let Some(sat) = s.satisfaction {
            write!(f, ", {} ratings (mean {:.2})", sat.count, sat.mean)?;
        }
        write!(
            f,
            "; archived {}, breached {}, held {}, rerouted {}, disputed {}, confirmed {}, auto-closed {}, \
             anonymous {}, confidential {}, open {}, overdue {}",
            self.archived(),
            self.breached,
            self.held,
            self.rerouted,
            self.disputed,
            self.confirmed,
            self.auto_closed,
            self.anonymous,
            self.confidential,
            s.open,
            s.overdue
        )
    }
}

/// Reads every history from `store` and measures the complaints received in
/// `year` (in the configuration's default zone) as of `now`.
///
/// # Errors
/// A storage failure, a stored history the core refuses, or an instant
/// outside the calendar.
pub async fn figures<S: Store>(
    store: &S,
    config: &Config,
    year: i32,
    now: DateTime<Utc>,
) -> Result<YearFigures, FiguresError> {
    let histories = store.histories(None).await?;
    let mut lifecycles = Vec::with_capacity(histories.len());
    for (ticket, events) in histories {
        let c = fold(&events).map_err(|e| FiguresError(format!("{ticket} does not fold: {e}")))?;
        lifecycles.push((c, events.iter().map(|e| e.action.kind()).collect::<Vec<_>>()));
    }
    measure(config, year, now, &lifecycles)
}

/// The figures of folded complaints, each with the kinds of its events.
///
/// # Errors
/// An instant outside the calendar.
pub fn measure(
    config: &Config,
    year: i32,
    now: DateTime<Utc>,
    complaints: &[(Lifecycle, Vec<ActionKind>)],
) -> Result<YearFigures, FiguresError> {
    let period = Period::year(year);
    let zone = config.default_zone;
    let ctx = StatsContext { policy: &config.sla, calendar: &config.calendar, period, now };
    let mut builder = StatsBuilder::new(ctx, zone);
    let mut f = YearFigures {
        stats: StatsBuilder::new(ctx, zone).finish(),
        breached: 0,
        held: 0,
        rerouted: 0,
        disputed: 0,
        auto_closed: 0,
        confirmed: 0,
        anonymous: 0,
        confidential: 0,
    };
    let calendar_error = |e: aduan_core::calendar::CalendarError| FiguresError(e.to_string());
    for (c, kinds) in complaints {
        if !builder.push(c).map_err(calendar_error)? {
            continue;
        }
        let sla = SlaContext {
            policy: &config.sla,
            calendar: &config.calendar,
            zone: config.zone_of(c.agency().unwrap_or(c.requested_agency())),
        };
        let report = evaluate(c, &sla, now).map_err(calendar_error)?;
        let breached = [Some(report.disposition), report.follow_up]
            .into_iter()
            .flatten()
            .any(|k| k.state == ClockState::Breached);
        let has = |k: ActionKind| kinds.contains(&k);
        f.breached += u32::from(breached);
        f.held += u32::from(has(ActionKind::Held));
        f.rerouted += u32::from(has(ActionKind::Rerouted));
        f.disputed += u32::from(has(ActionKind::Disputed));
        f.auto_closed += u32::from(has(ActionKind::AutoClosed));
        f.confirmed += u32::from(has(ActionKind::Confirmed));
        f.anonymous += u32::from(c.privacy() == Privacy::Anonim);
        f.confidential += u32::from(c.privacy() == Privacy::Rahasia);
    }
    f.stats = builder.finish();
    Ok(f)
}

/// Why figures could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiguresError(String);

impl fmt::Display for FiguresError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FiguresError {}

impl From<StoreError> for FiguresError {
    fn from(e: StoreError) -> Self {
        Self(e.to_string())
    }
}
