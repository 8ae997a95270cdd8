//! Statistics of complaint handling for an agency (or any set of
//! complaints) over a period, built in one streaming pass.
//!
//! Feed folded complaints ([`Lifecycle`]) to a [`StatsBuilder`] one at a time
//! (or to [`StatsByAgency`], which routes each to its agency's builder) and
//! call `finish`. Memory is constant per complaint except for one response
//! time kept per answered complaint, needed for exact medians and
//! percentiles.
//!
//! Definitions (what the badge and the award read):
//! - a complaint belongs to the period when its receipt's local date (in the
//!   agency's zone) lies in the period, and to the agency it is assigned to
//!   (or, before disposition and after a reroute, the agency the reporter
//!   addressed);
//! - **response time** is receipt → first agency answer (response or
//!   follow-up), in calendar days and in working days without holds;
//!   median and 90th percentile interpolate linearly between ranks (as
//!   numpy's default does);
//! - **within standard** is the share of answered complaints answered within
//!   the policy's response standard, where a complaint still unanswered
//!   after the standard has passed counts as answered late: an agency cannot
//!   improve its share by not answering;
//! - **follow-up rate** (*laju tindak lanjut*) is the share of disposed
//!   complaints that were ever followed up; **completion rate** the share of
//!   complaints that are `selesai`; archived complaints (spam, duplicates)
//!   count in the totals but in none of these rates;
//! - **open** and **overdue** are measured at the context's `now`.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError};
use crate::complaint::{ChannelKind, ComplaintKind};
use crate::error::{FieldError, Text};
use crate::ids::AgencyId;
use crate::lifecycle::{Lifecycle, Status};
use crate::sla::{self, SlaContext, SlaPolicy};
use crate::zone::Zone;

/// The longest period statistics are computed for, in years.
pub const MAX_PERIOD_YEARS: i32 = 100;

/// A span of local dates, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    #[serde(with = "crate::api::v1::date")]
    pub from: NaiveDate,
    /// Last day, included.
    #[serde(with = "crate::api::v1::date")]
    pub to: NaiveDate,
}

impl Period {
    /// The days `from` to `to`, both included.
    ///
    /// # Errors
    /// A field error `period`/`invalid_range` when `to` is before `from`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::stats::Period;
    /// let d = |s: &str| s.parse().unwrap();
    /// assert!(Period::new(d("2025-01-01"), d("2025-06-30")).is_ok());
    /// assert!(Period::new(d("2025-06-30"), d("2025-01-01")).is_err());
    /// ```
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, FieldError> {
        if from > to {
            return Err(FieldError {
                field: "period",
                code: "invalid_range",
                message: Text::new(
                    "Akhir periode harus sama dengan atau sesudah awal periode",
                    "The end of the period must be on or after its start",
                ),
            });
        }
        // Statistics keep one accumulator per month, so a period from an
        // HTTP query must not be able to ask for millions of them.
        let years = to.year() - from.year();
        if !(1..=9999).contains(&from.year()) || !(1..=9999).contains(&to.year()) || years >= MAX_PERIOD_YEARS
        {
            return Err(FieldError {
                field: "period",
                code: "too_long",
                message: Text::new(
                    format!("Periode harus dalam tahun 1–9999 dan paling lama {MAX_PERIOD_YEARS} tahun"),
                    format!("The period must lie in years 1–9999 and span at most {MAX_PERIOD_YEARS} years"),
                ),
            });
        }
        Ok(Self { from, to })
    }

    /// A calendar year.
    ///
    /// # Panics
    /// For a year chrono cannot represent (beyond ±262,000).
    ///
    /// # Example
    /// ```
    /// use aduan_core::stats::Period;
    /// let p = Period::year(2025);
    /// assert_eq!(p.to.to_string(), "2025-12-31");
    /// ```
    #[must_use]
    pub fn year(year: i32) -> Self {
        let from = NaiveDate::from_ymd_opt(year, 1, 1).expect("representable year");
        let to = NaiveDate::from_ymd_opt(year, 12, 31).expect("representable year");
        Self { from, to }
    }

    /// One month of a year, or `None` for a month outside 1–12.
    ///
    /// # Example
    /// ```
    /// use aduan_core::stats::Period;
    /// assert_eq!(Period::month(2024, 2).unwrap().to.to_string(), "2024-02-29");
    /// assert!(Period::month(2024, 13).is_none());
    /// ```
    #[must_use]
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        let to = from.checked_add_months(Months::new(1))?.pred_opt()?;
        Some(Self { from, to })
    }

    /// Whether `date` lies in the period.
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// The (year, month) pairs the period touches, in order.
    #[must_use]
    pub fn months(&self) -> Vec<(i32, u32)> {
        let mut out = Vec::new();
        let (mut y, mut m) = (self.from.year(), self.from.month());
        while (y, m) <= (self.to.year(), self.to.month()) {
            out.push((y, m));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    }

    fn month_index(&self, date: NaiveDate) -> usize {
        let months = (date.year() - self.from.year()) * 12 + date.month() as i32 - self.from.month() as i32;
        usize::try_from(months).expect("date within the period")
    }
}

/// A count out of a total, kept whole so that sets can be merged and shares
/// shown exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ratio {
    /// How many met the condition.
    pub count: u32,
    /// Out of how many.
    pub total: u32,
}

impl Ratio {
    /// The share in 0..=1, or `None` when the total is zero.
    ///
    /// # Example
    /// ```
    /// use aduan_core::stats::Ratio;
    /// assert_eq!(Ratio { count: 3, total: 4 }.share(), Some(0.75));
    /// assert_eq!(Ratio::default().share(), None);
    /// ```
    #[must_use]
    pub fn share(&self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.count) / f64::from(self.total))
    }

    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.count += u32::from(hit);
    }
}

/// Median, mean and 90th percentile of a set of durations, in days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// How many values.
    pub count: u32,
    /// The median.
    pub median: f64,
    /// The arithmetic mean.
    pub mean: f64,
    /// The 90th percentile.
    pub p90: f64,
}

impl Distribution {
    /// Summarises `values` (reordered in place); `None` when empty.
    ///
    /// Runs in linear time (selection, not sorting).
    ///
    /// # Example
    /// ```
    /// use aduan_core::stats::Distribution;
    /// let d = Distribution::of(&mut [4.0, 1.0, 3.0, 2.0]).unwrap();
    /// assert_eq!((d.median, d.mean), (2.5, 2.5));
    /// assert!((d.p90 - 3.7).abs() < 1e-12);
    /// ```
    #[must_use]
    pub fn of(values: &mut [f64]) -> Option<Self> {
        if values.is_empty() {
            return None;
        }
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let median = quantile(values, 0.5);
        let p90 = quantile(values, 0.9);
        Some(Self { count: u32::try_from(values.len()).unwrap_or(u32::MAX), median, mean, p90 })
    }
}

/// The q-quantile with linear interpolation between closest ranks.
fn quantile(values: &mut [f64], q: f64) -> f64 {
    let pos = q * (values.len() - 1) as f64;
    let lower = pos.floor() as usize;
    let frac = pos - lower as f64;
    let (_, &mut low, rest) = values.select_nth_unstable_by(lower, f64::total_cmp);
    if frac == 0.0 || rest.is_empty() {
        return low;
    }
    let high = rest.iter().copied().min_by(f64::total_cmp).expect("rest is non-empty");
    low + (high - low) * frac
}

/// Response times in both measures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ResponseTimes {
    /// In calendar days.
    pub days: Distribution,
    /// In working days, holds left out.
    pub working_days: Distribution,
    /// How the working-day times spread over the policy's buckets.
    #[serde(default)]
    pub working_days_histogram: ResponseHistogram,
}

/// The satisfaction ratings given.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Satisfaction {
    /// How many ratings.
    pub count: u32,
    /// Their mean, 1–5.
    pub mean: f64,
}

/// One month of the series charts show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthStats {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Complaints received in the month.
    pub received: u32,
    /// Response times of those answered (by their receipt month).
    pub response: Option<ResponseTimes>,
    /// Share answered within the standard.
    pub within_standard: Ratio,
}

/// How answered complaints' response times (working days, holds left out)
/// spread over buckets: bucket `i` holds those that took at most
/// `upper_bounds()[i]` working days (and more than the bound before it);
/// the last bucket, one more than there are bounds, those that took more
/// than the largest bound.
///
/// # Example
/// ```
/// use aduan_core::sla::SlaPolicy;
/// use aduan_core::stats::ResponseHistogram;
/// let mut h = ResponseHistogram::new(&SlaPolicy::default());
/// assert_eq!(h.upper_bounds(), [1, 2, 3, 5, 10]);
/// h.add(1.0); // exactly one working day: the first bucket
/// h.add(1.01);
/// h.add(11.0);
/// assert_eq!(h.counts(), [1, 1, 0, 0, 0, 1]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ResponseHistogram {
    /// The bounds in use are the first `len`; a fixed array keeps the
    /// statistics `Copy`.
    bounds: [u32; 5],
    len: u8,
    counts: [u32; 6],
}

impl ResponseHistogram {
    /// Empty buckets for `policy`'s response standard: upper bounds of 1,
    /// 2 and 3 working days, the standard and twice the standard, each
    /// once (a standard of three days or fewer repeats some), ascending.
    #[must_use]
    pub fn new(policy: &SlaPolicy) -> Self {
        let standard = policy.response_standard.get();
        let mut wanted = [1, 2, 3, standard, standard.saturating_mul(2)];
        wanted.sort_unstable();
        let mut h = Self::default();
        // A zero standard would make an empty first bucket: left out.
        for b in wanted.into_iter().filter(|b| *b > 0) {
            if h.upper_bounds().last() != Some(&b) {
                h.bounds[usize::from(h.len)] = b;
                h.len += 1;
            }
        }
        h
    }

    /// Each bucket's upper bound (included), in whole working days; the
    /// bucket after the last is open-ended.
    #[must_use]
    pub fn upper_bounds(&self) -> &[u32] {
        &self.bounds[..usize::from(self.len)]
    }

    /// Answered complaints per bucket: one more than [`upper_bounds`](Self::upper_bounds).
    #[must_use]
    pub fn counts(&self) -> &[u32] {
        &self.counts[..=usize::from(self.len)]
    }

    /// Counts one response that took `working_days` (a whole number of
    /// working seconds over [`SECONDS_PER_WORKING_DAY`](crate::calendar::SECONDS_PER_WORKING_DAY),
    /// so a whole day is exactly its bound and falls in the bucket it closes).
    pub fn add(&mut self, working_days: f64) {
        let bucket = self
            .upper_bounds()
            .iter()
            .position(|b| working_days <= f64::from(*b))
            .unwrap_or(usize::from(self.len));
        self.counts[bucket] += 1;
    }
}

/// The statistics of a set of complaints over a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// The period.
    pub period: Period,
    /// The instant open and overdue counts refer to.
    pub as_of: DateTime<Utc>,
    /// Complaints received in the period.
    pub total: u32,
    /// Counts by kind.
    pub by_kind: BTreeMap<ComplaintKind, u32>,
    /// Counts by current status.
    pub by_status: BTreeMap<Status, u32>,
    /// Counts by channel.
    pub by_channel: BTreeMap<ChannelKind, u32>,
    /// Response times of answered complaints.
    pub response: Option<ResponseTimes>,
    /// Answered within the response standard (see the module docs).
    pub within_standard: Ratio,
    /// Disposed complaints that were followed up.
    pub follow_up: Ratio,
    /// Complaints (not archived) that are finished.
    pub completion: Ratio,
    /// Ratings given.
    pub satisfaction: Option<Satisfaction>,
    /// Complaints still open at `as_of`.
    pub open: u32,
    /// Open complaints with a deadline passed at `as_of`.
    pub overdue: u32,
    /// One entry per month of the period.
    pub monthly: Vec<MonthStats>,
}

impl Stats {
    /// Complaints received in the period that were not archived: the volume
    /// an agency handled (spam and duplicates are no merit).
    #[must_use]
    pub fn handled(&self) -> u32 {
        self.total - self.by_status.get(&Status::Diarsipkan).copied().unwrap_or(0)
    }

    /// The metrics the complaint-handling award reads
    /// ([`award::complaint_handling`](crate::award::complaint_handling)),
    /// keyed by [`award::metric`](crate::award::metric). A rate with nothing
    /// to measure (say, no complaint disposed yet) is left out, so the award
    /// states that data is missing instead of inventing a value.
    ///
    /// # Example
    /// ```
    /// # use aduan_core::stats::*;
    /// # use aduan_core::award::metric;
    /// # let stats = Stats { period: Period::year(2025), as_of: "2025-12-31T00:00:00Z".parse().unwrap(),
    /// #     total: 0, by_kind: Default::default(), by_status: Default::default(),
    /// #     by_channel: Default::default(), response: None, within_standard: Ratio::default(),
    /// #     follow_up: Ratio::default(), completion: Ratio::default(), satisfaction: None,
    /// #     open: 0, overdue: 0, monthly: vec![] };
    /// let m = stats.award_metrics();
    /// assert_eq!(m[metric::COMPLAINTS], 0.0);
    /// assert!(!m.contains_key(metric::FOLLOW_UP_RATE));
    /// ```
    #[must_use]
    pub fn award_metrics(&self) -> BTreeMap<String, f64> {
        use crate::award::metric;
        let mut m = BTreeMap::new();
        m.insert(metric::COMPLAINTS.to_owned(), f64::from(self.handled()));
        let rates = [
            (metric::FOLLOW_UP_RATE, self.follow_up.share()),
            (metric::WITHIN_STANDARD_SHARE, self.within_standard.share()),
            (metric::COMPLETION_RATE, self.completion.share()),
            (metric::SATISFACTION_MEAN, self.satisfaction.map(|s| s.mean)),
            (metric::MEDIAN_RESPONSE_DAYS, self.response.map(|r| r.working_days.median)),
        ];
        for (key, value) in rates {
            if let Some(v) = value {
                m.insert(key.to_owned(), v);
            }
        }
        m
    }
}

/// What statistics are computed against.
#[derive(Debug, Clone, Copy)]
pub struct StatsContext<'a> {
    /// The deadlines, including the response standard.
    pub policy: &'a SlaPolicy,
    /// Working days.
    pub calendar: &'a Calendar,
    /// The period of receipt.
    pub period: Period,
    /// The instant open and overdue counts refer to.
    pub now: DateTime<Utc>,
}

#[derive(Debug, Default, Clone)]
struct MonthAcc {
    received: u32,
    days: Vec<f64>,
    working_days: Vec<f64>,
    within_standard: Ratio,
}

/// Accumulates [`Stats`] one complaint at a time.
///
/// # Example
/// ```
/// use aduan_core::calendar::Calendar;
/// use aduan_core::lifecycle::{fold, Action, Actor, Event};
/// use aduan_core::sla::SlaPolicy;
/// use aduan_core::stats::{Period, StatsBuilder, StatsContext};
/// use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy, Zone};
///
/// let at = |s: &str| s.parse().unwrap();
/// let dinkes = AgencyId::new("dinkes").unwrap();
/// let answered = fold(&[
///     Event { at: at("2025-03-03T02:00:00Z"), actor: Actor::Reporter, action: Action::Received {
///         kind: ComplaintKind::Pengaduan, agency: dinkes.clone(), privacy: Privacy::Publik,
///         channel: ChannelKind::WebWidget } },
///     Event { at: at("2025-03-03T03:00:00Z"), actor: Actor::Koordinator, action: Action::Verified { privacy: None } },
///     Event { at: at("2025-03-03T04:00:00Z"), actor: Actor::Koordinator, action: Action::Disposed { to: dinkes.clone() } },
///     Event { at: at("2025-03-04T02:00:00Z"), actor: Actor::Penghubung { agency: dinkes },
///         action: Action::Responded { message: "Kami tinjau".into() } },
/// ]).unwrap();
/// let calendar = Calendar::indonesia();
/// let policy = SlaPolicy::default();
/// let ctx = StatsContext { policy: &policy, calendar: &calendar, period: Period::year(2025),
///     now: at("2025-12-31T00:00:00Z") };
/// let mut b = StatsBuilder::new(ctx, Zone::WITA);
/// assert!(b.push(&answered).unwrap());
/// let stats = b.finish();
/// assert_eq!(stats.total, 1);
/// assert_eq!(stats.response.unwrap().working_days.median, 1.0);
/// assert_eq!(stats.within_standard.share(), Some(1.0));
/// ```
#[derive(Debug, Clone)]
pub struct StatsBuilder<'a> {
    ctx: StatsContext<'a>,
    zone: Zone,
    total: u32,
    by_kind: BTreeMap<ComplaintKind, u32>,
    by_status: BTreeMap<Status, u32>,
    by_channel: BTreeMap<ChannelKind, u32>,
    within_standard: Ratio,
    follow_up: Ratio,
    completion: Ratio,
    rating_sum: u32,
    rating_count: u32,
    open: u32,
    overdue: u32,
    months: Vec<MonthAcc>,
    /// The period as UTC timestamps widened by a day each way.
    window: (i64, i64),
}

impl<'a> StatsBuilder<'a> {
    /// An empty accumulator for complaints handled in `zone`.
    #[must_use]
    pub fn new(ctx: StatsContext<'a>, zone: Zone) -> Self {
        let months = vec![MonthAcc::default(); ctx.period.months().len()];
        Self {
            ctx,
            zone,
            total: 0,
            by_kind: BTreeMap::new(),
            by_status: BTreeMap::new(),
            by_channel: BTreeMap::new(),
            within_standard: Ratio::default(),
            follow_up: Ratio::default(),
            completion: Ratio::default(),
            rating_sum: 0,
            rating_count: 0,
            open: 0,
            overdue: 0,
            months,
            window: (
                midnight_utc(ctx.period.from) - 86_400,
                midnight_utc(ctx.period.to.succ_opt().unwrap_or(ctx.period.to)) + 86_400,
            ),
        }
    }

    /// Adds one complaint; complaints received outside the period are
    /// skipped (and `Ok(false)` says so).
    ///
    /// # Errors
    /// [`CalendarError`] when the complaint's instants lie outside the
    /// calendar's years. Nothing is added then.
    pub fn push(&mut self, c: &Lifecycle) -> Result<bool, CalendarError> {
        // A day of margin covers every zone offset; beyond it the instant is
        // outside the period whatever the zone, and converting an extreme
        // instant to local time is not even possible.
        let at = c.received_at().timestamp();
        if at < self.window.0 || at >= self.window.1 {
            return Ok(false);
        }
        let received = self.zone.local_date(c.received_at());
        if !self.ctx.period.contains(received) {
            return Ok(false);
        }
        let standard_seconds = self.ctx.policy.response_standard.seconds();
        let archived = c.status() == Status::Diarsipkan;
        // Compute everything fallible first, so an error adds nothing.
        let response = if archived { None } else { sla::response_time(c, self.ctx.calendar, self.zone)? };
        let late_unanswered = if archived || response.is_some() {
            false
        } else {
            let waited = self.ctx.calendar.working_seconds_excluding(
                self.zone,
                c.received_at(),
                self.ctx.now,
                &c.pauses_until(self.ctx.now),
            )?;
            waited > standard_seconds
        };
        let overdue = if c.status().is_closed() {
            false
        } else {
            let sla_ctx =
                SlaContext { policy: self.ctx.policy, calendar: self.ctx.calendar, zone: self.zone };
            sla::evaluate(c, &sla_ctx, self.ctx.now)?.is_overdue()
        };

        self.total += 1;
        *self.by_kind.entry(c.kind()).or_default() += 1;
        *self.by_status.entry(c.status()).or_default() += 1;
        *self.by_channel.entry(c.channel()).or_default() += 1;
        let month = &mut self.months[self.ctx.period.month_index(received)];
        month.received += 1;
        if let Some(rt) = response {
            let within = rt.working_seconds <= standard_seconds;
            self.within_standard.add(within);
            month.within_standard.add(within);
            month.days.push(rt.days());
            month.working_days.push(rt.working_days());
        } else if late_unanswered {
            self.within_standard.add(false);
            month.within_standard.add(false);
        }
        if !archived {
            if c.first_disposed_at().is_some() {
                self.follow_up.add(c.ever_followed_up());
            }
            self.completion.add(c.status() == Status::Selesai);
        }
        if let Some(r) = c.rating() {
            self.rating_sum += u32::from(r.stars());
            self.rating_count += 1;
        }
        self.open += u32::from(!c.status().is_closed());
        self.overdue += u32::from(overdue);
        Ok(true)
    }

    /// The statistics of everything pushed.
    #[must_use]
    pub fn finish(self) -> Stats {
        let mut all_days = Vec::new();
        let mut all_working = Vec::new();
        let months = self.ctx.period.months();
        let buckets = ResponseHistogram::new(self.ctx.policy);
        let monthly = self
            .months
            .into_iter()
            .zip(months)
            .map(|(mut m, (year, month))| {
                all_days.extend_from_slice(&m.days);
                all_working.extend_from_slice(&m.working_days);
                MonthStats {
                    year,
                    month,
                    received: m.received,
                    response: response_times(&mut m.days, &mut m.working_days, buckets),
                    within_standard: m.within_standard,
                }
            })
            .collect();
        Stats {
            period: self.ctx.period,
            as_of: self.ctx.now,
            total: self.total,
            by_kind: self.by_kind,
            by_status: self.by_status,
            by_channel: self.by_channel,
            response: response_times(&mut all_days, &mut all_working, buckets),
            within_standard: self.within_standard,
            follow_up: self.follow_up,
            completion: self.completion,
            satisfaction: (self.rating_count > 0).then(|| Satisfaction {
                count: self.rating_count,
                mean: f64::from(self.rating_sum) / f64::from(self.rating_count),
            }),
            open: self.open,
            overdue: self.overdue,
            monthly,
        }
    }
}

fn midnight_utc(date: NaiveDate) -> i64 {
    date.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc().timestamp()
}

fn response_times(
    days: &mut [f64],
    working_days: &mut [f64],
    buckets: ResponseHistogram,
) -> Option<ResponseTimes> {
    let mut histogram = buckets;
    for v in working_days.iter() {
        histogram.add(*v);
    }
    Some(ResponseTimes {
        days: Distribution::of(days)?,
        working_days: Distribution::of(working_days)?,
        working_days_histogram: histogram,
    })
}

/// Statistics of many agencies in one pass: each complaint goes to the
/// builder of the agency it is disposed to, or to the coordinator's while
/// it is not disposed, and every complaint also to the province's, in the
/// default zone.
///
/// # Example
/// ```
/// use std::collections::BTreeMap;
/// use aduan_core::calendar::Calendar;
/// use aduan_core::lifecycle::{fold, Action, Actor, Event};
/// use aduan_core::sla::SlaPolicy;
/// use aduan_core::stats::{Period, StatsByAgency, StatsContext};
/// use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy, Zone};
///
/// let at = |s: &str| s.parse().unwrap();
/// // Addressed to dinkes but not yet disposed: the coordinator's, not dinkes'.
/// let waiting = fold(&[Event { at: at("2025-03-03T02:00:00Z"), actor: Actor::Reporter,
///     action: Action::Received { kind: ComplaintKind::Aspirasi, agency: AgencyId::new("dinkes").unwrap(),
///         privacy: Privacy::Anonim, channel: ChannelKind::Sms1708 } }]).unwrap();
/// let calendar = Calendar::indonesia();
/// let policy = SlaPolicy::default();
/// let ctx = StatsContext { policy: &policy, calendar: &calendar, period: Period::year(2025),
///     now: at("2025-12-31T00:00:00Z") };
/// let mut by = StatsByAgency::new(ctx, BTreeMap::new(), Zone::WITA);
/// by.push(&waiting).unwrap();
/// let stats = by.finish();
/// assert!(stats.agencies.is_empty());
/// assert_eq!((stats.unassigned.total, stats.unassigned.overdue), (1, 1));
/// // The province counts it too.
/// assert_eq!(stats.province.total, 1);
/// ```
#[derive(Debug)]
pub struct StatsByAgency<'a> {
    ctx: StatsContext<'a>,
    zones: BTreeMap<AgencyId, Zone>,
    default_zone: Zone,
    builders: BTreeMap<AgencyId, StatsBuilder<'a>>,
    unassigned: StatsBuilder<'a>,
    province: StatsBuilder<'a>,
}

impl<'a> StatsByAgency<'a> {
    /// Builders for agencies in their zones; agencies not listed use
    /// `default_zone`.
    #[must_use]
    pub fn new(ctx: StatsContext<'a>, zones: BTreeMap<AgencyId, Zone>, default_zone: Zone) -> Self {
        let unassigned = StatsBuilder::new(ctx, default_zone);
        let province = StatsBuilder::new(ctx, default_zone);
        Self { ctx, zones, default_zone, builders: BTreeMap::new(), unassigned, province }
    }

    /// Adds one complaint to its agency's statistics and to the province's;
    /// `Ok(false)` when it lies outside the period in its agency's zone.
    ///
    /// # Errors
    /// [`CalendarError`] as [`StatsBuilder::push`]. The province's figures
    /// may then hold the complaint while its agency's do not: on an error
    /// the whole computation is to be given up, not finished.
    pub fn push(&mut self, c: &Lifecycle) -> Result<bool, CalendarError> {
        // The province measures in its own (default) zone, so a complaint
        // received near midnight in another zone may fall in another month
        // there; that is what a province-wide figure in its zone means.
        self.province.push(c)?;
        // Before disposition (and after a reroute) a complaint waits for
        // the coordinator, not for the agency the reporter addressed: its
        // delays must not count against that agency.
        let Some(agency) = c.agency() else {
            return self.unassigned.push(c);
        };
        if let Some(b) = self.builders.get_mut(agency) {
            return b.push(c);
        }
        let zone = self.zones.get(agency).copied().unwrap_or(self.default_zone);
        let mut b = StatsBuilder::new(self.ctx, zone);
        let added = b.push(c)?;
        self.builders.insert(agency.clone(), b);
        Ok(added)
    }

    /// The statistics of every agency that had a complaint pushed, and of
    /// the complaints still with the coordinator.
    #[must_use]
    pub fn finish(self) -> ByAgency {
        ByAgency {
            agencies: self.builders.into_iter().map(|(a, b)| (a, b.finish())).collect(),
            unassigned: self.unassigned.finish(),
            province: self.province.finish(),
        }
    }
}

/// Statistics per agency, from [`StatsByAgency`].
#[derive(Debug, Clone, PartialEq)]
pub struct ByAgency {
    /// Each agency's complaints: those disposed to it and not rerouted away.
    pub agencies: BTreeMap<AgencyId, Stats>,
    /// Complaints not (or no longer) disposed to any agency: the
    /// coordinator's share of the work, in the default zone.
    pub unassigned: Stats,
    /// Every complaint of the province (every agency's and the
    /// unassigned), measured in the default zone.
    pub province: Stats,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::testing::{at, history};
    use proptest::prelude::*;

    /// Seven complaints of 2025 and one of 2024, with hand-computed figures.
    fn sample() -> Vec<Lifecycle> {
        vec![
            // A: answered in 1 day, followed up, confirmed, rated 5.
            history(&[
                ("2025-03-03T10:00:00", "receive"),
                ("2025-03-03T11:00:00", "verify"),
                ("2025-03-03T12:00:00", "dispose"),
                ("2025-03-04T10:00:00", "respond"),
                ("2025-03-05T10:00:00", "follow_up"),
                ("2025-03-06T10:00:00", "confirm"),
                ("2025-03-06T10:05:00", "rate:5"),
            ]),
            // B: followed up after 4 days (Mon → Fri); still open.
            history(&[
                ("2025-03-10T10:00:00", "receive"),
                ("2025-03-10T10:30:00", "verify"),
                ("2025-03-10T11:00:00", "dispose"),
                ("2025-03-14T10:00:00", "follow_up"),
            ]),
            // C: answered across Idulfitri: 12 calendar days, 1 working day;
            // never followed up, so its follow-up clock is overdue.
            history(&[
                ("2025-03-27T10:00:00", "receive"),
                ("2025-03-27T11:00:00", "verify"),
                ("2025-03-27T12:00:00", "dispose"),
                ("2025-04-08T10:00:00", "respond"),
            ]),
            // D: never handled; late for the standard and overdue.
            history(&[("2025-06-02T10:00:00", "receive")]),
            // E: received on a Saturday, not yet late.
            history(&[("2025-06-28T10:00:00", "receive")]),
            // F: spam, archived.
            history(&[("2025-05-05T10:00:00", "receive"), ("2025-05-05T11:00:00", "archive")]),
            // G: received in 2024: outside the period.
            history(&[("2024-12-31T10:00:00", "receive")]),
            // H: an aspiration by SMS, answered after 8 calendar days, exactly
            // 5 working days (Good Friday, 18 April, is a holiday), rated 3.
            history(&[
                ("2025-04-14T10:00:00", "receive:aspirasi:sms"),
                ("2025-04-14T11:00:00", "verify"),
                ("2025-04-14T12:00:00", "dispose"),
                ("2025-04-22T10:00:00", "respond"),
                ("2025-04-23T10:00:00", "follow_up"),
                ("2025-04-24T10:00:00", "confirm"),
                ("2025-04-24T10:05:00", "rate:3"),
            ]),
        ]
    }

    fn compute(complaints: &[Lifecycle], period: Period) -> Stats {
        let calendar = Calendar::indonesia();
        let policy = SlaPolicy::default();
        let ctx =
            StatsContext { policy: &policy, calendar: &calendar, period, now: at("2025-06-30T12:00:00") };
        let mut b = StatsBuilder::new(ctx, Zone::WITA);
        for c in complaints {
            b.push(c).unwrap();
        }
        b.finish()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn hand_computed_figures() {
        let s = compute(&sample(), Period::year(2025));
        assert_eq!(s.total, 7);
        assert_eq!(s.by_kind[&ComplaintKind::Pengaduan], 6);
        assert_eq!(s.by_kind[&ComplaintKind::Aspirasi], 1);
        assert_eq!(s.by_channel[&ChannelKind::Sms1708], 1);
        assert_eq!(s.by_channel[&ChannelKind::WebWidget], 6);
        let statuses: Vec<(Status, u32)> = s.by_status.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(
            statuses,
            [
                (Status::Diterima, 2),
                (Status::Ditanggapi, 1),
                (Status::Ditindaklanjuti, 1),
                (Status::Selesai, 2),
                (Status::Diarsipkan, 1)
            ]
        );
        let r = s.response.unwrap();
        // Calendar days [1, 4, 12, 8]; working days [1, 4, 1, 5].
        assert_eq!(r.days.count, 4);
        assert!(close(r.days.median, 6.0) && close(r.days.mean, 6.25) && close(r.days.p90, 10.8), "{r:?}");
        let w = r.working_days;
        assert!(close(w.median, 2.5) && close(w.mean, 2.75) && close(w.p90, 4.7), "{w:?}");
        assert_eq!(s.within_standard, Ratio { count: 4, total: 5 });
        assert_eq!(s.follow_up, Ratio { count: 3, total: 4 });
        assert_eq!(s.completion, Ratio { count: 2, total: 6 });
        let sat = s.satisfaction.unwrap();
        assert_eq!((sat.count, sat.mean), (2, 4.0));
        assert_eq!((s.open, s.overdue), (4, 2));
        assert_eq!(s.monthly.len(), 12);
        let march = &s.monthly[2];
        assert_eq!((march.month, march.received), (3, 3));
        assert!(close(march.response.unwrap().days.median, 4.0));
        assert_eq!(s.monthly[5].received, 2);
        assert_eq!(s.monthly[0].response, None);

        let m = s.award_metrics();
        let get = |k: &str| m[k];
        use crate::award::metric;
        assert_eq!(get(metric::COMPLAINTS), 6.0);
        assert_eq!(get(metric::FOLLOW_UP_RATE), 0.75);
        assert_eq!(get(metric::WITHIN_STANDARD_SHARE), 0.8);
        assert!(close(get(metric::COMPLETION_RATE), 1.0 / 3.0));
        assert_eq!(get(metric::SATISFACTION_MEAN), 4.0);
        assert_eq!(get(metric::MEDIAN_RESPONSE_DAYS), 2.5);
    }

    #[test]
    fn histogram_buckets() {
        let day = crate::calendar::SECONDS_PER_WORKING_DAY;
        let check = |standard: u32, bounds: &[u32], seconds: &[i64], counts: &[u32]| {
            let policy = SlaPolicy {
                response_standard: crate::calendar::WorkingDays::new(standard),
                ..SlaPolicy::default()
            };
            let mut h = ResponseHistogram::new(&policy);
            for s in seconds {
                // As the statistics measure them: working seconds over a day's.
                h.add(crate::sla::ResponseTime { seconds: *s, working_seconds: *s }.working_days());
            }
            assert_eq!(h.upper_bounds(), bounds, "standard {standard}");
            assert_eq!(h.counts(), counts, "standard {standard}, {seconds:?}");
        };
        // Each bound belongs to the bucket it closes; a second more is the next.
        check(
            5,
            &[1, 2, 3, 5, 10],
            &[0, day, day + 1, 2 * day, 3 * day, 5 * day, 10 * day, 10 * day + 1],
            &[2, 2, 1, 1, 1, 1],
        );
        // A standard of three or fewer days repeats bounds: kept once.
        check(3, &[1, 2, 3, 6], &[3 * day, 6 * day, 7 * day], &[0, 0, 1, 1, 1]);
        check(2, &[1, 2, 3, 4], &[4 * day], &[0, 0, 0, 1, 0]);
        check(1, &[1, 2, 3], &[day / 2], &[1, 0, 0, 0]);
        check(0, &[1, 2, 3], &[], &[0, 0, 0, 0]);
        check(7, &[1, 2, 3, 7, 14], &[4 * day, 15 * day], &[0, 0, 0, 1, 0, 1]);
    }

    #[test]
    fn histogram_counts_every_response_and_nothing_else() {
        let s = compute(&sample(), Period::year(2025));
        // Working days [1, 4, 1, 5]: two in the first bucket, two in 3–5.
        let h = s.response.unwrap().working_days_histogram;
        assert_eq!(h.upper_bounds(), [1, 2, 3, 5, 10]);
        assert_eq!(h.counts(), [2, 0, 0, 2, 0, 0]);
        // March's (A and C, one working day each; B, four) and April's (H, five).
        assert_eq!(s.monthly[2].response.unwrap().working_days_histogram.counts(), [2, 0, 0, 1, 0, 0]);
        assert_eq!(s.monthly[3].response.unwrap().working_days_histogram.counts(), [0, 0, 0, 1, 0, 0]);
    }

    #[test]
    fn a_month_period_sees_only_its_complaints() {
        let s = compute(&sample(), Period::month(2025, 4).unwrap());
        assert_eq!((s.total, s.monthly.len()), (1, 1));
        assert_eq!(s.within_standard, Ratio { count: 1, total: 1 });
    }

    #[test]
    fn by_agency_routes_to_the_assigned_agency() {
        let calendar = Calendar::indonesia();
        let policy = SlaPolicy::default();
        let ctx = StatsContext {
            policy: &policy,
            calendar: &calendar,
            period: Period::year(2025),
            now: at("2025-06-30T12:00:00"),
        };
        let mut all = StatsByAgency::new(ctx, BTreeMap::new(), Zone::WITA);
        let moved = history(&[
            ("2025-03-03T10:00:00", "receive"),
            ("2025-03-03T11:00:00", "verify"),
            ("2025-03-03T12:00:00", "dispose:dpupr"),
        ]);
        for c in sample().iter().chain([&moved]) {
            all.push(c).unwrap();
        }
        let by = all.finish();
        // A, B, C and H were disposed to dinkes; D and E wait for the
        // coordinator and F was archived before disposition: theirs.
        let dinkes = &by.agencies[&AgencyId::new("dinkes").unwrap()];
        assert_eq!(
            (dinkes.total, dinkes.overdue, dinkes.within_standard),
            (4, 1, Ratio { count: 4, total: 4 })
        );
        assert_eq!(by.agencies[&AgencyId::new("dpupr").unwrap()].total, 1);
        assert_eq!((by.unassigned.total, by.unassigned.overdue), (3, 1));
        // The province holds all eight received in 2025 (4 + 1 + 3); the
        // moved one, never answered, is overdue and late for the standard.
        assert_eq!((by.province.total, by.province.overdue), (8, 3));
        assert_eq!(by.province.within_standard, Ratio { count: 4, total: 6 });
    }

    #[test]
    fn periods() {
        let p = Period::new("2024-11-15".parse().unwrap(), "2025-02-01".parse().unwrap()).unwrap();
        assert_eq!(p.months(), [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]);
        assert_eq!(p.month_index("2025-02-01".parse().unwrap()), 3);
        assert_eq!(Period::new(p.to, p.from).unwrap_err().code, "invalid_range");
        assert_eq!(Period::new(NaiveDate::MIN, NaiveDate::MAX).unwrap_err().code, "too_long");
        assert_eq!(Period::new(p.from, "2125-01-01".parse().unwrap()).unwrap_err().code, "too_long");
        assert!(Period::new(p.from, "2123-12-31".parse().unwrap()).is_ok());
    }

    #[test]
    fn extreme_instants_are_outside_the_period() {
        let far: Lifecycle = {
            let received = crate::lifecycle::Event {
                at: DateTime::<Utc>::MAX_UTC,
                actor: crate::lifecycle::Actor::Reporter,
                action: crate::lifecycle::Action::Received {
                    kind: ComplaintKind::Aspirasi,
                    agency: AgencyId::new("dinkes").unwrap(),
                    privacy: crate::Privacy::Publik,
                    channel: ChannelKind::Lapor,
                },
            };
            Lifecycle::start(&received).unwrap()
        };
        let s = compute(&[far], Period::year(2025));
        assert_eq!(s.total, 0);
    }

    fn complaints() -> impl Strategy<Value = Vec<Lifecycle>> {
        let one = (0i64..560 * 24 * 60, proptest::collection::vec((0usize..1000, 1i64..6000), 0..12));
        proptest::collection::vec(one, 0..25).prop_map(|specs| {
            let start = at("2024-06-01T00:00:00");
            specs
                .into_iter()
                .map(|(offset, choices)| {
                    let begin = start + chrono::Duration::minutes(offset);
                    crate::lifecycle::testing::walk(begin, &["dinkes", "dpupr", "disdik"], &choices)
                })
                .collect()
        })
    }

    fn stats_of(complaints: &[Lifecycle]) -> ByAgency {
        let calendar = Calendar::indonesia();
        let policy = SlaPolicy::default();
        let period = Period::new("2024-06-01".parse().unwrap(), "2025-12-31".parse().unwrap()).unwrap();
        let ctx =
            StatsContext { policy: &policy, calendar: &calendar, period, now: at("2026-06-01T00:00:00") };
        let mut by = StatsByAgency::new(ctx, BTreeMap::new(), Zone::WITA);
        for c in complaints {
            by.push(c).unwrap();
        }
        by.finish()
    }

    proptest! {
        /// Counts add up, rates stay within their totals, and the order in
        /// which complaints arrive changes nothing.
        #[test]
        fn statistics_are_consistent_and_order_free(all in complaints(), seed in 0usize..1000) {
            let by = stats_of(&all);
            let mut total = by.unassigned.total;
            for s in by.agencies.values().chain([&by.unassigned]) {
                prop_assert_eq!(s.by_status.values().sum::<u32>(), s.total);
                prop_assert_eq!(s.by_kind.values().sum::<u32>(), s.total);
                prop_assert_eq!(s.by_channel.values().sum::<u32>(), s.total);
                prop_assert_eq!(s.monthly.iter().map(|m| m.received).sum::<u32>(), s.total);
                for r in [s.within_standard, s.follow_up, s.completion] {
                    prop_assert!(r.count <= r.total && r.total <= s.total);
                }
                prop_assert!(s.overdue <= s.open && s.open <= s.total);
                if let Some(r) = s.response {
                    prop_assert_eq!(r.working_days_histogram.counts().iter().sum::<u32>(), r.working_days.count);
                }
                if let Some(r) = s.response {
                    prop_assert!(r.working_days.median <= r.days.median + 1e-9);
                    prop_assert!(r.days.median <= r.days.p90 + 1e-9);
                }
            }
            total += by.agencies.values().map(|s| s.total).sum::<u32>();
            prop_assert_eq!(total as usize, all.len());
            // Every agency is in the province's zone here, so the province
            // is exactly the sum of its parts.
            let parts: Vec<&Stats> = by.agencies.values().chain([&by.unassigned]).collect();
            prop_assert_eq!(by.province.total, total);
            prop_assert_eq!(by.province.open, parts.iter().map(|s| s.open).sum::<u32>());
            prop_assert_eq!(by.province.overdue, parts.iter().map(|s| s.overdue).sum::<u32>());
            prop_assert_eq!(by.province.within_standard.total, parts.iter().map(|s| s.within_standard.total).sum::<u32>());
            prop_assert_eq!(
                by.province.response.map_or(0, |r| r.days.count),
                parts.iter().map(|s| s.response.map_or(0, |r| r.days.count)).sum::<u32>()
            );

            let mut shuffled = all.clone();
            let len = shuffled.len().max(1);
            shuffled.rotate_left(seed % len);
            shuffled.reverse();
            let again = stats_of(&shuffled);
            prop_assert_eq!(again.agencies.keys().collect::<Vec<_>>(), by.agencies.keys().collect::<Vec<_>>());
            for (a, b) in again.agencies.values().chain([&again.unassigned]).zip(by.agencies.values().chain([&by.unassigned])) {
                // Means are sums in another order: equal up to rounding.
                let (ma, mb) = (a.response.map(|r| r.days.mean), b.response.map(|r| r.days.mean));
                let close = match (ma, mb) {
                    (Some(x), Some(y)) => (x - y).abs() < 1e-9,
                    (x, y) => x == y,
                };
                prop_assert!(close, "means {:?} and {:?}", ma, mb);
                let strip = |s: &Stats| {
                    let mut s = s.clone();
                    s.response = s.response.map(|mut r| { r.days.mean = 0.0; r.working_days.mean = 0.0; r });
                    for m in &mut s.monthly {
                        m.response = m.response.map(|mut r| { r.days.mean = 0.0; r.working_days.mean = 0.0; r });
                    }
                    s
                };
                prop_assert_eq!(strip(a), strip(b));
            }
        }

        /// Selection-based quantiles equal a sort-based reference.
        #[test]
        fn distribution_matches_sorting(mut values in proptest::collection::vec(0.0f64..100.0, 1..200)) {
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let reference = |q: f64| {
                let pos = q * (sorted.len() - 1) as f64;
                let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
                sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
            };
            let d = Distribution::of(&mut values).unwrap();
            prop_assert!((d.median - reference(0.5)).abs() < 1e-9);
            prop_assert!((d.p90 - reference(0.9)).abs() < 1e-9);
            prop_assert!(d.median <= d.p90 + 1e-12);
        }
    }
}
