//! The metric keys the complaint-handling preset reads, filled per agency
//! from complaint statistics.
//!
//! Each constant documents what its value means, its unit and its range, so
//! that whoever maps statistics onto entrants fills them the same way for
//! every agency. A metric that cannot be computed (nobody rated, no
//! complaint was answered) is left out of the entrant's map, never set to
//! NaN: the award decides what missing data means, and NaN is refused as a
//! bug upstream.
//!
//! # Example
//! ```
//! use aduan_core::award::{metric, Entrant};
//! use aduan_core::{AgencyId, CategoryId};
//!
//! let e = Entrant::new(AgencyId::new("dinkes").unwrap(), "Dinas Kesehatan", CategoryId::new("opd").unwrap())
//!     .with_metric(metric::COMPLAINTS, 64.0)
//!     .with_metric(metric::FOLLOW_UP_RATE, 0.92);
//! assert_eq!(e.metrics[metric::COMPLAINTS], 64.0);
//! assert!(!e.metrics.contains_key(metric::SATISFACTION_MEAN));
//! ```

/// Complaints received in the period and disposed to the agency (and not
/// rerouted away), archived ones left out: a count, ≥ 0. See
/// [`Stats::handled`](crate::stats::Stats::handled).
///
/// The volume criterion and the eligibility floor both read it.
pub const COMPLAINTS: &str = "complaints";

/// Laju tindak lanjut: the share of the agency's (not archived) complaints
/// for which it has reported a follow-up at least once, even if the
/// reporter then disputed it, in 0..=1.
pub const FOLLOW_UP_RATE: &str = "follow_up_rate";

/// The share of the agency's answered complaints whose first answer came
/// within the response standard (5 working days by default), counting a
/// complaint still unanswered after the standard as answered late, in
/// 0..=1.
pub const WITHIN_STANDARD_SHARE: &str = "within_standard_share";

/// The share of the agency's (not archived) complaints that are finished
/// (`selesai`: confirmed by the reporter or closed automatically), in 0..=1.
pub const COMPLETION_RATE: &str = "completion_rate";

/// The mean rating reporters gave the handling, on the 1–5 scale; absent
/// when nobody rated.
pub const SATISFACTION_MEAN: &str = "satisfaction_mean";

/// The median time from receipt to the agency's first response, in working
/// days (working days, so that a period with many holidays is not held
/// against an agency); ≥ 0. Used only to break ties.
pub const MEDIAN_RESPONSE_DAYS: &str = "median_response_days";
