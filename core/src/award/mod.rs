//! The award-scoring engine: generic weighted criteria ranked per category,
//! with every score explained, and the presets built on it.
//!
//! Diskominfo Kalimantan Selatan's yearly "Pengelola Pengaduan Terbaik"
//! award ranks agencies per category on complaint volume, follow-up rate and
//! channel performance; the AMPK media award ranks them on jury scores. No
//! official formula exists, so the engine is generic and explainable:
//!
//! 1. An [`AwardDefinition`] (plain data, read from configuration) lists
//!    weighted [`Criterion`]s summing to 100, [`EligibilityRule`]s,
//!    [`TieBreak`]s and the number of winners per category.
//! 2. Each [`Entrant`] brings its category and a map of metrics
//!    ([`metric`] names those of the complaint-handling preset).
//! 3. [`score`] ranks each category: a criterion turns its raw metric into a
//!    value in 0..=1 (see [`Normalization`]); the score is Σ weight × value,
//!    in 0..=100; ties are broken by the tie-breaks, then name, then agency
//!    id. Each [`RankedEntrant`] carries one [`Contribution`] per criterion
//!    (raw value, normalised value, points) whose points sum to its score,
//!    and each entrant that could not be ranked is listed with its reasons.
//!
//! The presets: [`complaint_handling`] (with its weights argued in its
//! documentation) and [`jury_scores`].
//!
//! The engine is pure: the same definition and entrants, in any order, give
//! the same leaderboard.
//!
//! # Example
//! ```
//! use aduan_core::award::{complaint_handling, metric, score, Entrant};
//! use aduan_core::{AgencyId, CategoryId, Lang};
//!
//! let kabkota = CategoryId::new("kabupaten-kota").unwrap();
//! let entrant = |id: &str, name: &str, complaints: f64, follow_up: f64| {
//!     Entrant::new(AgencyId::new(id).unwrap(), name, kabkota.clone())
//!         .with_metric(metric::COMPLAINTS, complaints)
//!         .with_metric(metric::FOLLOW_UP_RATE, follow_up)
//!         .with_metric(metric::WITHIN_STANDARD_SHARE, 0.9)
//!         .with_metric(metric::COMPLETION_RATE, 0.8)
//!         .with_metric(metric::SATISFACTION_MEAN, 4.2)
//! };
//! let board = score(
//!     &complaint_handling(),
//!     &[
//!         entrant("kota-banjarbaru", "Kota Banjarbaru", 41.0, 0.98),
//!         entrant("kab-banjar", "Kabupaten Banjar", 57.0, 0.81),
//!         entrant("kab-tanah-laut", "Kabupaten Tanah Laut", 18.0, 0.94),
//!         entrant("kab-balangan", "Kabupaten Balangan", 4.0, 1.0),
//!     ],
//! )
//! .unwrap();
//!
//! // Volume, as a log-scaled share of the busiest: Banjar (57, the most)
//! // 20 of 20 points, Banjarbaru (41) 18.4, Tanah Laut (18) 14.5.
//! // Follow-up, out of 40: 39.2, 32.4 and 37.6. The rest is equal.
//! let result = board.category(&kabkota).unwrap();
//! let order: Vec<&str> = result.ranked.iter().map(|r| r.name.as_str()).collect();
//! assert_eq!(order, ["Kota Banjarbaru", "Kabupaten Banjar", "Kabupaten Tanah Laut"]);
//! assert!(result.ranked[0].winner);
//! assert_eq!(result.unranked[0].reasons[0].get(Lang::Id), "Kurang dari 5 pengaduan pada periode ini");
//! ```

mod definition;
mod engine;
mod error;
pub mod metric;
mod preset;

pub use definition::{
    AwardDefinition, Criterion, DEFAULT_WINNERS, Direction, EligibilityRule, Normalization, OnMissing,
    TieBreak, WEIGHT_SUM_TOLERANCE,
};
pub use engine::{
    CategoryResult, Contribution, Entrant, Leaderboard, RankedEntrant, SCORE_RESOLUTION, Unranked, score,
};
pub use error::AwardError;
pub use preset::{DEFAULT_MIN_COMPLAINTS, complaint_handling, jury_scores};

#[cfg(test)]
mod tests;
