//! What an award is: its criteria, eligibility rules and tie-breaks, as
//! plain data the server reads from its TOML configuration, and the
//! validation that every definition passes before anything is scored.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::error::Text;
use crate::ids::CategoryId;

use super::error::AwardError;

/// How many winners a category has unless the definition says otherwise;
/// both Kalsel awards name three per category.
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, DEFAULT_WINNERS};
/// assert_eq!(complaint_handling().winners, DEFAULT_WINNERS);
/// ```
pub const DEFAULT_WINNERS: usize = 3;

/// How far the weights may stray from summing to 100 and still be accepted,
/// so that thirds written as `33.333333` are not refused.
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, WEIGHT_SUM_TOLERANCE};
///
/// let mut def = complaint_handling();
/// def.criteria[0].weight += WEIGHT_SUM_TOLERANCE / 2.0;
/// assert!(def.validate().is_ok());
/// def.criteria[0].weight += WEIGHT_SUM_TOLERANCE;
/// assert!(def.validate().is_err());
/// ```
pub const WEIGHT_SUM_TOLERANCE: f64 = 1e-6;

/// One award: criteria with weights summing to 100, eligibility rules,
/// tie-breaks and the number of winners per category.
///
/// Categories are not part of the definition: each entrant brings its own,
/// so one definition serves OPD, UPTD, kabupaten/kota and any other
/// category alike.
///
/// In the server's TOML configuration (plain choices are strings, choices
/// that carry values are one-key tables; see [`Normalization`] and
/// [`OnMissing`]):
///
/// ```toml
/// id = "pengelola-pengaduan"
/// name = { id = "Pengelola Pengaduan Terbaik", en = "Best Complaint Handler" }
/// winners = 3
///
/// [[criteria]]
/// id = "satisfaction"
/// name = { id = "Kepuasan pelapor", en = "Reporter satisfaction" }
/// metric = "satisfaction_mean"
/// weight = 10.0
/// direction = "higher"
/// normalization = { target = { best = 5.0, worst = 1.0 } }
/// on_missing = { score = 0.5 }
///
/// [[eligibility]]
/// min_metric = { metric = "complaints", min = 5.0 }
///
/// [[tie_breaks]]
/// metric = "follow_up_rate"
/// direction = "higher"
/// ```
///
/// # Errors
/// A definition read from configuration may be malformed;
/// [`AwardDefinition::validate`] says how, and [`score`](super::score)
/// refuses to use it.
///
/// # Example
/// ```
/// use aduan_core::award::{AwardDefinition, Criterion, Direction, Normalization};
/// use aduan_core::Text;
///
/// let def = AwardDefinition::new(
///     "tercepat",
///     Text::new("Tanggapan Tercepat", "Fastest Response"),
///     vec![Criterion::new(
///         "speed",
///         Text::new("Kecepatan", "Speed"),
///         "median_response_days",
///         100.0,
///         Direction::Lower,
///         Normalization::Target { best: 1.0, worst: 5.0 },
///     )],
/// );
/// assert_eq!(def.winners, 3);
/// assert!(def.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwardDefinition {
    /// A slug naming the award, e.g. `pengelola-pengaduan`.
    pub id: String,
    /// The award's title.
    pub name: Text,
    /// The weighted criteria; at least one, ids unique, weights summing to 100.
    pub criteria: Vec<Criterion>,
    /// Rules an entrant must pass to be ranked; none means everyone is.
    #[serde(default)]
    pub eligibility: Vec<EligibilityRule>,
    /// Metrics that order entrants with equal scores, in order of priority;
    /// name and then entrant id always follow, so the order is total.
    #[serde(default)]
    pub tie_breaks: Vec<TieBreak>,
    /// How many of the top-ranked entrants of each category win; at least 1.
    #[serde(default = "default_winners")]
    pub winners: usize,
}

fn default_winners() -> usize {
    DEFAULT_WINNERS
}

/// One weighted criterion: which metric it reads, which way is better, and
/// how the raw value becomes a number in 0..=1.
///
/// # Errors
/// [`AwardDefinition::validate`] rejects an empty id or metric, a repeated
/// id, a weight that is not positive and finite, a [`Normalization::Target`]
/// that contradicts the direction, and an [`OnMissing::Score`] outside 0..=1.
///
/// # Example
/// ```
/// use aduan_core::award::{Criterion, Direction, Normalization, OnMissing};
/// use aduan_core::Text;
///
/// let c = Criterion::new(
///     "satisfaction",
///     Text::new("Kepuasan pelapor", "Reporter satisfaction"),
///     "satisfaction_mean",
///     10.0,
///     Direction::Higher,
///     Normalization::Target { best: 5.0, worst: 1.0 },
/// )
/// .with_on_missing(OnMissing::Score(0.5));
/// assert_eq!(c.on_missing, OnMissing::Score(0.5));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// The criterion's id, unique within the award; contributions carry it.
    pub id: String,
    /// What the criterion measures, as shown next to its points.
    pub name: Text,
    /// The key of the entrant metric it reads, e.g. `follow_up_rate`.
    pub metric: String,
    /// The criterion's share of the score, in percent.
    pub weight: f64,
    /// Whether a higher or a lower raw value is better.
    pub direction: Direction,
    /// How the raw value becomes a number in 0..=1.
    pub normalization: Normalization,
    /// What happens to an entrant without this metric; by default it is not
    /// ranked.
    #[serde(default)]
    pub on_missing: OnMissing,
}

impl Criterion {
    /// A criterion that leaves entrants without the metric unranked.
    ///
    /// # Errors
    /// None here; [`AwardDefinition::validate`] checks the values.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::{Criterion, Direction, Normalization, OnMissing};
    /// use aduan_core::Text;
    ///
    /// let c = Criterion::new(
    ///     "follow_up",
    ///     Text::new("Laju tindak lanjut", "Follow-up rate"),
    ///     "follow_up_rate",
    ///     40.0,
    ///     Direction::Higher,
    ///     Normalization::Rate,
    /// );
    /// assert_eq!(c.on_missing, OnMissing::Unrank);
    /// ```
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        name: Text,
        metric: impl Into<String>,
        weight: f64,
        direction: Direction,
        normalization: Normalization,
    ) -> Self {
        Self {
            id: id.into(),
            name,
            metric: metric.into(),
            weight,
            direction,
            normalization,
            on_missing: OnMissing::Unrank,
        }
    }

    /// The same criterion with another rule for missing metrics.
    ///
    /// # Errors
    /// None here; [`AwardDefinition::validate`] rejects a score outside 0..=1.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::{Criterion, Direction, Normalization, OnMissing};
    /// use aduan_core::Text;
    ///
    /// let c = Criterion::new("c", Text::new("C", "C"), "m", 100.0, Direction::Higher, Normalization::Rate)
    ///     .with_on_missing(OnMissing::Score(0.0));
    /// assert_eq!(c.on_missing, OnMissing::Score(0.0));
    /// ```
    #[must_use]
    pub fn with_on_missing(self, on_missing: OnMissing) -> Self {
        Self { on_missing, ..self }
    }
}

/// Which raw values are better.
///
/// Written `"higher"` or `"lower"` in configuration.
///
/// # Errors
/// A [`Normalization::Target`] must agree with it, or validation fails with
/// [`AwardError::TargetInvalid`].
///
/// # Example
/// ```
/// use aduan_core::award::Direction;
/// assert_eq!(serde_json::to_string(&Direction::Lower).unwrap(), "\"lower\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better: complaints handled, follow-up rate, jury score.
    Higher,
    /// Less is better: response times.
    Lower,
}

/// How a raw metric becomes a number in 0..=1, where 1 is best.
///
/// `MinMax`, `LogMinMax` and `LogShareOfMax` are relative: they compare an entrant with the
/// other *ranked* entrants of its category (the ineligible and those left
/// unranked for missing data do not stretch the scale). `Target` and `Rate`
/// are absolute: an entrant's value depends on its own metric only.
///
/// Written `"min_max"`, `"log_min_max"`, `"log_share_of_max"`, `"rate"` or
/// `{ target = { best = 1.0, worst = 5.0 } }` in configuration.
///
/// # Errors
/// [`AwardError::TargetInvalid`] from validation when a target's ends are
/// not finite, are equal, or contradict the criterion's [`Direction`].
///
/// # Example
/// ```
/// use aduan_core::award::Normalization;
/// let n: Normalization = serde_json::from_str(r#"{"target":{"best":5.0,"worst":1.0}}"#).unwrap();
/// assert_eq!(n, Normalization::Target { best: 5.0, worst: 1.0 });
/// assert_eq!(serde_json::from_str::<Normalization>("\"rate\"").unwrap(), Normalization::Rate);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Normalization {
    /// `(x − min) / (max − min)` within the category (reversed for
    /// [`Direction::Lower`]). When every ranked entrant has the same value,
    /// everyone gets 1: nobody did worse than anyone else, and full marks
    /// keep a criterion that cannot separate entrants from pulling every
    /// score down (a lone entrant in its category gets 1 too).
    MinMax,
    /// `ln(1 + x)` and then [`MinMax`](Self::MinMax): for volumes, where the
    /// step from 10 to 100 complaints should count as much as the step from
    /// 100 to 1000 and a single very busy agency should not flatten everyone
    /// else to zero. Negative values count as 0, since counts cannot be.
    LogMinMax,
    /// `ln(1 + x) / ln(1 + max)` within the category: a log-scaled share of
    /// the busiest entrant's volume (reversed as `1 −` that for
    /// [`Direction::Lower`]). Unlike [`LogMinMax`](Self::LogMinMax) the
    /// least busy entrant is not pushed to 0: with 120 complaints against a
    /// rival's 210 an agency keeps 0.9 of the volume points, so volume
    /// cannot outweigh clearly better handling in a small category. When
    /// the busiest value is 0, everyone gets 1 (as for equal values).
    LogShareOfMax,
    /// 1 at `best` or beyond, 0 at `worst` or beyond, linear between: for
    /// times and scales with a meaningful best and worst, such as a 1–5
    /// rating or a 0–100 jury score. `best > worst` for
    /// [`Direction::Higher`], `best < worst` for [`Direction::Lower`].
    Target {
        /// The raw value that earns full marks.
        best: f64,
        /// The raw value that earns nothing.
        worst: f64,
    },
    /// The value is already a share in 0..=1 (values outside are clamped);
    /// [`Direction::Lower`] uses `1 − x`.
    Rate,
}

/// What happens to an entrant that lacks a criterion's metric.
///
/// Written `"unrank"` or `{ score = 0.5 }` in configuration.
///
/// # Errors
/// [`AwardError::MissingScoreInvalid`] from validation when the score is
/// outside 0..=1 or NaN.
///
/// # Example
/// ```
/// use aduan_core::award::OnMissing;
/// assert_eq!(OnMissing::default(), OnMissing::Unrank);
/// let s: OnMissing = serde_json::from_str(r#"{"score":0.5}"#).unwrap();
/// assert_eq!(s, OnMissing::Score(0.5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnMissing {
    /// The entrant is not ranked, and its reasons say which data is missing.
    /// The safe default: a score computed without the data would be a guess.
    #[default]
    Unrank,
    /// The entrant gets this normalised value (0..=1) for the criterion, and
    /// its contribution shows `raw: None`. Note that the value is already
    /// normalised: it is used as is, whatever the direction.
    Score(f64),
}

/// A condition an entrant must meet to be ranked at all.
///
/// An entrant failing any rule is listed as unranked with every reason it
/// failed, so an agency can see exactly why it is not on the board.
///
/// # Errors
/// [`AwardError::EligibilityInvalid`] from validation when a threshold is
/// NaN or infinite, [`AwardError::EmptyKey`] when the metric is empty.
///
/// # Example
/// ```
/// use aduan_core::award::EligibilityRule;
/// use aduan_core::Lang;
///
/// let EligibilityRule::MinMetric { metric, min, reason } = EligibilityRule::min_complaints(5);
/// assert_eq!((metric.as_str(), min), ("complaints", 5.0));
/// assert_eq!(reason.unwrap().get(Lang::En), "Fewer than 5 complaints in the period");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum EligibilityRule {
    /// The metric must be present and at least `min`.
    MinMetric {
        /// The metric key, e.g. `complaints`.
        metric: String,
        /// The smallest accepted value.
        min: f64,
        /// What the entrant is told when it falls short. Without it a
        /// generic message naming the metric key and the minimum is used.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<Text>,
    },
}

impl EligibilityRule {
    /// The usual floor of the complaint-handling award: at least `min`
    /// complaints in the period, so that a perfect rate on two complaints
    /// does not beat a good rate on two hundred.
    ///
    /// # Errors
    /// None: the rule is always valid.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::EligibilityRule;
    /// use aduan_core::Lang;
    ///
    /// let rule = EligibilityRule::min_complaints(10);
    /// let EligibilityRule::MinMetric { reason, .. } = rule;
    /// assert_eq!(reason.unwrap().get(Lang::Id), "Kurang dari 10 pengaduan pada periode ini");
    /// ```
    #[must_use]
    pub fn min_complaints(min: u32) -> Self {
        Self::MinMetric {
            metric: super::metric::COMPLAINTS.to_owned(),
            min: f64::from(min),
            reason: Some(Text::new(
                format!("Kurang dari {min} pengaduan pada periode ini"),
                format!("Fewer than {min} complaints in the period"),
            )),
        }
    }

    /// The reason given to an entrant that fails this rule: the
    /// configured one, or a generic one naming the metric and the minimum.
    pub(super) fn failure_reason(&self) -> Text {
        let Self::MinMetric { metric, min, reason } = self;
        reason.clone().unwrap_or_else(|| {
            Text::new(format!("Nilai {metric} kurang dari {min}"), format!("{metric} is below {min}"))
        })
    }
}

/// A metric that orders entrants whose scores are equal.
///
/// An entrant without the metric sorts after every entrant that has it,
/// whichever the direction: missing data never wins a tie.
///
/// # Errors
/// [`AwardError::EmptyKey`] from validation when the metric is empty.
///
/// # Example
/// ```
/// use aduan_core::award::{Direction, TieBreak};
/// let t = TieBreak { metric: "median_response_days".into(), direction: Direction::Lower };
/// assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"metric":"median_response_days","direction":"lower"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieBreak {
    /// The metric key.
    pub metric: String,
    /// Which values win the tie.
    pub direction: Direction,
}

impl AwardDefinition {
    /// A definition with no eligibility rules, no tie-breaks beyond name and
    /// id, and [`DEFAULT_WINNERS`] winners per category.
    ///
    /// # Errors
    /// None here; call [`validate`](Self::validate) before trusting it.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::{AwardDefinition, Criterion, Direction, Normalization};
    /// use aduan_core::Text;
    ///
    /// let def = AwardDefinition::new(
    ///     "contoh",
    ///     Text::new("Contoh", "Example"),
    ///     vec![Criterion::new("c", Text::new("C", "C"), "m", 100.0, Direction::Higher, Normalization::MinMax)],
    /// );
    /// assert!(def.eligibility.is_empty() && def.tie_breaks.is_empty());
    /// ```
    #[must_use]
    pub fn new(id: impl Into<String>, name: Text, criteria: Vec<Criterion>) -> Self {
        Self {
            id: id.into(),
            name,
            criteria,
            eligibility: Vec::new(),
            tie_breaks: Vec::new(),
            winners: DEFAULT_WINNERS,
        }
    }

    /// Checks that the definition can score anything: a slug id, at least
    /// one criterion, non-empty unique criterion ids and metric keys,
    /// positive finite weights summing to 100 (± [`WEIGHT_SUM_TOLERANCE`]),
    /// targets consistent with their direction, missing-data scores in
    /// 0..=1, finite eligibility thresholds and at least one winner.
    ///
    /// # Errors
    /// The first problem found, in the order above, criterion by criterion:
    /// [`AwardError::InvalidId`], [`AwardError::NoCriteria`],
    /// [`AwardError::EmptyKey`], [`AwardError::DuplicateCriterion`],
    /// [`AwardError::WeightInvalid`], [`AwardError::TargetInvalid`],
    /// [`AwardError::MissingScoreInvalid`], [`AwardError::WeightsSum`],
    /// [`AwardError::EligibilityInvalid`], [`AwardError::WinnersZero`].
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::{complaint_handling, AwardError};
    ///
    /// let mut def = complaint_handling();
    /// assert!(def.validate().is_ok());
    /// def.winners = 0;
    /// assert_eq!(def.validate(), Err(AwardError::WinnersZero));
    /// ```
    pub fn validate(&self) -> Result<(), AwardError> {
        // An award id follows the same slug grammar as category ids; reuse
        // that one checker rather than keep a second copy of the rules.
        if CategoryId::new(self.id.as_str()).is_err() {
            return Err(AwardError::InvalidId { id: self.id.clone() });
        }
        if self.criteria.is_empty() {
            return Err(AwardError::NoCriteria);
        }
        let mut seen = BTreeSet::new();
        for (i, c) in self.criteria.iter().enumerate() {
            non_empty(&c.id, || format!("criteria[{i}].id"))?;
            non_empty(&c.metric, || format!("criteria[{i}].metric"))?;
            if !seen.insert(c.id.as_str()) {
                return Err(AwardError::DuplicateCriterion { criterion: c.id.clone() });
            }
            if !(c.weight.is_finite() && c.weight > 0.0) {
                return Err(AwardError::WeightInvalid { criterion: c.id.clone(), weight: c.weight });
            }
            if let Normalization::Target { best, worst } = c.normalization {
                let agrees = match c.direction {
                    Direction::Higher => best > worst,
                    Direction::Lower => best < worst,
                };
                if !(best.is_finite() && worst.is_finite() && agrees) {
                    return Err(AwardError::TargetInvalid {
                        criterion: c.id.clone(),
                        best,
                        worst,
                        direction: c.direction,
                    });
                }
            }
            if let OnMissing::Score(score) = c.on_missing {
                if !(0.0..=1.0).contains(&score) {
                    return Err(AwardError::MissingScoreInvalid { criterion: c.id.clone(), score });
                }
            }
        }
        let sum = self.weight_sum();
        if (sum - 100.0).abs() > WEIGHT_SUM_TOLERANCE {
            return Err(AwardError::WeightsSum { sum });
        }
        for (i, rule) in self.eligibility.iter().enumerate() {
            let EligibilityRule::MinMetric { metric, min, .. } = rule;
            non_empty(metric, || format!("eligibility[{i}].metric"))?;
            if !min.is_finite() {
                return Err(AwardError::EligibilityInvalid { metric: metric.clone(), min: *min });
            }
        }
        for (i, t) in self.tie_breaks.iter().enumerate() {
            non_empty(&t.metric, || format!("tie_breaks[{i}].metric"))?;
        }
        if self.winners == 0 {
            return Err(AwardError::WinnersZero);
        }
        Ok(())
    }

    /// The sum of the weights, added in criterion order.
    pub(super) fn weight_sum(&self) -> f64 {
        self.criteria.iter().map(|c| c.weight).sum()
    }
}

fn non_empty(key: &str, field: impl FnOnce() -> String) -> Result<(), AwardError> {
    // Blank counts as empty: a key of spaces is a typo, not a metric.
    if key.trim().is_empty() { Err(AwardError::EmptyKey { field: field() }) } else { Ok(()) }
}
