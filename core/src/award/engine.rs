//! The scoring engine: entrants in, a leaderboard out, with every score
//! broken down into the points each criterion contributed.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Text;
use crate::ids::{AgencyId, CategoryId};

use super::definition::{AwardDefinition, Criterion, Direction, EligibilityRule, Normalization, OnMissing};
use super::error::AwardError;

/// Scores are compared after rounding to a multiple of this many points,
/// so that floating-point noise (a last-digit difference between two sums
/// of the same points) does not decide a ranking: the tie-breaks do.
/// Rounding, unlike a tolerance, keeps the order transitive; two scores a
/// hair apart on either side of a rounding boundary still differ, by one
/// unit of this resolution.
///
/// # Example
/// ```
/// use aduan_core::award::{score, AwardDefinition, Criterion, Direction, Entrant, Normalization};
/// use aduan_core::{AgencyId, CategoryId, Text};
///
/// let def = AwardDefinition::new(
///     "contoh",
///     Text::new("Contoh", "Example"),
///     vec![Criterion::new("c", Text::new("C", "C"), "m", 100.0, Direction::Higher, Normalization::Rate)],
/// );
/// let opd = CategoryId::new("opd").unwrap();
/// let e = |id: &str, m: f64| Entrant::new(AgencyId::new(id).unwrap(), id, opd.clone()).with_metric("m", m);
/// // 0.1 + 0.2 is a hair above 0.3, less than SCORE_RESOLUTION in points:
/// // a tie, so the names decide.
/// let board = score(&def, &[e("b", 0.1 + 0.2), e("a", 0.3)]).unwrap();
/// assert_eq!(board.categories[0].ranked[0].id.as_str(), "a");
/// ```
pub const SCORE_RESOLUTION: f64 = 1e-9;

/// One agency taking part in an award, with the metrics it is judged on.
///
/// The metrics may come from complaint statistics (see [`super::metric`]) or
/// from an imported jury sheet; the engine only reads the keys the
/// definition names. An absent key is missing data; a NaN or infinite value
/// is an error. `Deserialize` is derived so that jury metrics can be
/// imported from a file as they are.
///
/// # Errors
/// [`score`] refuses an entrant whose id repeats another's
/// ([`AwardError::DuplicateEntrant`]) or that has a non-finite metric
/// ([`AwardError::InvalidMetric`]).
///
/// # Example
/// ```
/// use aduan_core::award::Entrant;
/// use aduan_core::{AgencyId, CategoryId};
///
/// let e = Entrant::new(
///     AgencyId::new("kota-banjarbaru").unwrap(),
///     "Kota Banjarbaru",
///     CategoryId::new("kabupaten-kota").unwrap(),
/// )
/// .with_metric("complaints", 41.0);
/// assert_eq!(e.metrics.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entrant {
    /// The agency; unique among the entrants of one scoring.
    pub id: AgencyId,
    /// The agency's display name, also the last-but-one tie-break.
    pub name: String,
    /// The category it competes in.
    pub category: CategoryId,
    /// Its metrics by key.
    #[serde(default)]
    pub metrics: BTreeMap<String, f64>,
}

impl Entrant {
    /// An entrant with no metrics yet.
    ///
    /// # Errors
    /// None: the ids are already validated.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::Entrant;
    /// use aduan_core::{AgencyId, CategoryId};
    ///
    /// let e = Entrant::new(AgencyId::new("dinkes").unwrap(), "Dinas Kesehatan", CategoryId::new("opd").unwrap());
    /// assert!(e.metrics.is_empty());
    /// ```
    #[must_use]
    pub fn new(id: AgencyId, name: impl Into<String>, category: CategoryId) -> Self {
        Self { id, name: name.into(), category, metrics: BTreeMap::new() }
    }

    /// The same entrant with one more metric (replacing any value it had).
    ///
    /// # Errors
    /// None here; [`score`] rejects a non-finite value.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::Entrant;
    /// use aduan_core::{AgencyId, CategoryId};
    ///
    /// let e = Entrant::new(AgencyId::new("dinkes").unwrap(), "Dinas Kesehatan", CategoryId::new("opd").unwrap())
    ///     .with_metric("follow_up_rate", 0.5)
    ///     .with_metric("follow_up_rate", 0.75);
    /// assert_eq!(e.metrics["follow_up_rate"], 0.75);
    /// ```
    #[must_use]
    pub fn with_metric(mut self, key: impl Into<String>, value: f64) -> Self {
        self.metrics.insert(key.into(), value);
        self
    }

    fn metric(&self, key: &str) -> Option<f64> {
        self.metrics.get(key).copied()
    }
}

/// The outcome of one award: a ranking per category.
///
/// # Errors
/// Produced only by a successful [`score`].
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, score, Entrant};
/// use aduan_core::{AgencyId, CategoryId};
///
/// let board = score(&complaint_handling(), &[]).unwrap();
/// assert_eq!(board.award_id, "pengelola-pengaduan");
/// assert!(board.categories.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leaderboard {
    /// The award's id.
    pub award_id: String,
    /// One result per category that has entrants, sorted by category id.
    pub categories: Vec<CategoryResult>,
}

/// The ranking of one category.
///
/// # Errors
/// Produced only by a successful [`score`].
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, metric, score, Entrant};
/// use aduan_core::{AgencyId, CategoryId};
///
/// let opd = CategoryId::new("opd").unwrap();
/// let e = Entrant::new(AgencyId::new("dinkes").unwrap(), "Dinas Kesehatan", opd.clone())
///     .with_metric(metric::COMPLAINTS, 2.0);
/// let board = score(&complaint_handling(), &[e]).unwrap();
/// let result = board.category(&opd).unwrap();
/// assert!(result.ranked.is_empty());
/// assert_eq!(result.unranked[0].reasons[0].en, "Fewer than 5 complaints in the period");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryResult {
    /// The category.
    pub category: CategoryId,
    /// The eligible entrants, best first.
    pub ranked: Vec<RankedEntrant>,
    /// The entrants that could not be ranked, by name and then id.
    pub unranked: Vec<Unranked>,
}

/// A ranked entrant, its score and how each criterion made it up.
///
/// # Errors
/// Produced only by a successful [`score`].
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, metric, score, Entrant};
/// use aduan_core::{AgencyId, CategoryId};
///
/// let e = Entrant::new(AgencyId::new("dinkes").unwrap(), "Dinas Kesehatan", CategoryId::new("opd").unwrap())
///     .with_metric(metric::COMPLAINTS, 64.0)
///     .with_metric(metric::FOLLOW_UP_RATE, 1.0)
///     .with_metric(metric::WITHIN_STANDARD_SHARE, 1.0)
///     .with_metric(metric::COMPLETION_RATE, 1.0)
///     .with_metric(metric::SATISFACTION_MEAN, 5.0);
/// let board = score(&complaint_handling(), &[e]).unwrap();
/// let top = &board.categories[0].ranked[0];
/// assert_eq!((top.rank, top.score, top.winner), (1, 100.0, true));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedEntrant {
    /// The position in the category, from 1, unique: ties are broken.
    pub rank: usize,
    /// The agency.
    pub id: AgencyId,
    /// The agency's name.
    pub name: String,
    /// The score in 0..=100: the sum of the contributions' points.
    pub score: f64,
    /// Whether the rank is within the award's number of winners.
    pub winner: bool,
    /// One entry per criterion, in the definition's order.
    pub contributions: Vec<Contribution>,
}

/// What one criterion contributed to one entrant's score.
///
/// # Errors
/// Produced only by a successful [`score`].
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, metric, score, Entrant};
/// use aduan_core::{AgencyId, CategoryId};
///
/// let e = Entrant::new(AgencyId::new("dinkes").unwrap(), "Dinas Kesehatan", CategoryId::new("opd").unwrap())
///     .with_metric(metric::COMPLAINTS, 64.0)
///     .with_metric(metric::FOLLOW_UP_RATE, 0.5)
///     .with_metric(metric::WITHIN_STANDARD_SHARE, 1.0)
///     .with_metric(metric::COMPLETION_RATE, 1.0);
/// let board = score(&complaint_handling(), &[e]).unwrap();
/// let c = &board.categories[0].ranked[0].contributions;
/// assert_eq!((c[1].criterion_id.as_str(), c[1].normalized, c[1].points), ("follow_up", 0.5, 20.0));
/// // Nobody rated this agency: satisfaction counts as the scale's midpoint.
/// assert_eq!((c[4].raw, c[4].normalized), (None, 0.5));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// The criterion's id.
    pub criterion_id: String,
    /// The raw metric, or `None` when it was missing and
    /// [`OnMissing::Score`] stood in.
    pub raw: Option<f64>,
    /// The normalised value in 0..=1, 1 best.
    pub normalized: f64,
    /// `weight × normalized`, where the weight is the criterion's share of
    /// the weights' total in percent (the configured weight itself whenever
    /// the weights sum to exactly 100).
    pub points: f64,
}

/// An entrant that could not be ranked, and every reason why.
///
/// # Errors
/// Produced only by a successful [`score`].
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, metric, score, Entrant};
/// use aduan_core::{AgencyId, CategoryId};
///
/// let e = Entrant::new(AgencyId::new("bapenda").unwrap(), "Badan Pendapatan Daerah", CategoryId::new("opd").unwrap())
///     .with_metric(metric::COMPLAINTS, 3.0);
/// let board = score(&complaint_handling(), &[e]).unwrap();
/// let u = &board.categories[0].unranked[0];
/// assert_eq!(u.id.as_str(), "bapenda");
/// // Too few complaints, and three criteria without data.
/// assert_eq!(u.reasons.len(), 4);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unranked {
    /// The agency.
    pub id: AgencyId,
    /// The agency's name.
    pub name: String,
    /// Each eligibility rule it failed, then each criterion whose data it
    /// lacks, in the definition's order.
    pub reasons: Vec<Text>,
}

impl Leaderboard {
    /// The result of one category, if any entrant competed in it.
    ///
    /// # Errors
    /// None; `None` when the category had no entrants.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::{complaint_handling, score};
    /// use aduan_core::CategoryId;
    ///
    /// let board = score(&complaint_handling(), &[]).unwrap();
    /// assert!(board.category(&CategoryId::new("uptd").unwrap()).is_none());
    /// ```
    #[must_use]
    pub fn category(&self, category: &CategoryId) -> Option<&CategoryResult> {
        self.categories.iter().find(|c| &c.category == category)
    }
}

impl CategoryResult {
    /// The winners of the category, best first.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::{jury_scores, score, Entrant};
    /// use aduan_core::{AgencyId, CategoryId, Text};
    ///
    /// let def = jury_scores("ampk", Text::new("AMPK", "AMPK"), &[("konten", Text::new("Konten", "Content"), 100.0)])
    ///     .unwrap();
    /// let cat = CategoryId::new("opd").unwrap();
    /// let entrants: Vec<Entrant> = [("a", 70.0), ("b", 90.0), ("c", 80.0), ("d", 60.0)]
    ///     .into_iter()
    ///     .map(|(id, s)| Entrant::new(AgencyId::new(id).unwrap(), id, cat.clone()).with_metric("konten", s))
    ///     .collect();
    /// let board = score(&def, &entrants).unwrap();
    /// let winners: Vec<&str> = board.categories[0].winners().map(|w| w.id.as_str()).collect();
    /// assert_eq!(winners, ["b", "c", "a"]);
    /// ```
    pub fn winners(&self) -> impl Iterator<Item = &RankedEntrant> + '_ {
        self.ranked.iter().filter(|r| r.winner)
    }
}

/// Scores every entrant and ranks each category.
///
/// Categories come out sorted by id. Within one, the entrants failing an
/// eligibility rule or lacking a metric their award cannot do without are
/// listed as [`Unranked`] with all their reasons; the rest are scored as
/// Σ weight × normalised value (so in 0..=100) and sorted by score, then by
/// the definition's tie-breaks, then by name (byte-wise) and finally by
/// agency id, so the order is total and does not depend on the order of the
/// input. Scores are compared rounded to [`SCORE_RESOLUTION`].
/// The top [`AwardDefinition::winners`] of each category are winners.
///
/// # Errors
/// Any error of [`AwardDefinition::validate`]; then
/// [`AwardError::DuplicateEntrant`] when an agency is entered twice and
/// [`AwardError::InvalidMetric`] when a metric (used or not) is NaN or
/// infinite. Entrants are checked in id order, so the error reported does
/// not depend on the input order either.
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, metric, score, Entrant};
/// use aduan_core::{AgencyId, CategoryId};
///
/// let opd = CategoryId::new("opd").unwrap();
/// let agency = |id: &str, name: &str, complaints: f64, follow_up: f64| {
///     Entrant::new(AgencyId::new(id).unwrap(), name, opd.clone())
///         .with_metric(metric::COMPLAINTS, complaints)
///         .with_metric(metric::FOLLOW_UP_RATE, follow_up)
///         .with_metric(metric::WITHIN_STANDARD_SHARE, 0.9)
///         .with_metric(metric::COMPLETION_RATE, 0.8)
/// };
/// let board = score(
///     &complaint_handling(),
///     &[
///         agency("dinkes", "Dinas Kesehatan", 64.0, 0.95),
///         agency("dpupr", "Dinas PUPR", 120.0, 0.7),
///         agency("diskominfo", "Dinas Kominfo", 22.0, 0.9),
///     ],
/// )
/// .unwrap();
/// let ranked = &board.categories[0].ranked;
/// let order: Vec<&str> = ranked.iter().map(|r| r.id.as_str()).collect();
/// // Handling outweighs volume: Kominfo's 22 complaints, well followed up,
/// // beat PUPR's 120 handled worse.
/// assert_eq!(order, ["dinkes", "diskominfo", "dpupr"]);
/// let points: f64 = ranked[0].contributions.iter().map(|c| c.points).sum();
/// assert!((points - ranked[0].score).abs() < 1e-9);
/// ```
pub fn score(def: &AwardDefinition, entrants: &[Entrant]) -> Result<Leaderboard, AwardError> {
    def.validate()?;
    let by_id = check_entrants(entrants)?;

    let mut groups: BTreeMap<&CategoryId, Vec<&Entrant>> = BTreeMap::new();
    for e in by_id {
        groups.entry(&e.category).or_default().push(e);
    }

    // Weights are used as shares of their total, so that a definition whose
    // weights sum to 100 only within the validation tolerance still yields
    // scores in 0..=100. When they sum to exactly 100 the factor is exactly
    // 1 and every weight is used as written.
    let factor = 100.0 / def.weight_sum();
    let weights: Vec<f64> = def.criteria.iter().map(|c| c.weight * factor).collect();

    let categories = groups
        .into_iter()
        .map(|(category, members)| score_category(def, &weights, category, &members))
        .collect();
    Ok(Leaderboard { award_id: def.id.clone(), categories })
}

/// The entrants sorted by id, after checking ids are unique and metrics finite.
fn check_entrants(entrants: &[Entrant]) -> Result<Vec<&Entrant>, AwardError> {
    let mut by_id: Vec<&Entrant> = entrants.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in by_id.windows(2) {
        if pair[0].id == pair[1].id {
            return Err(AwardError::DuplicateEntrant { entrant: pair[0].id.clone() });
        }
    }
    for e in &by_id {
        if let Some((key, _)) = e.metrics.iter().find(|(_, v)| !v.is_finite()) {
            return Err(AwardError::InvalidMetric { entrant: e.id.clone(), metric: key.clone() });
        }
    }
    Ok(by_id)
}

/// An entrant being ranked, with what the sort needs.
struct Row<'a> {
    entrant: &'a Entrant,
    /// The score in units of [`SCORE_RESOLUTION`], the primary sort key.
    key: i64,
    score: f64,
    contributions: Vec<Contribution>,
}

fn score_category(
    def: &AwardDefinition,
    weights: &[f64],
    category: &CategoryId,
    members: &[&Entrant],
) -> CategoryResult {
    let mut rankable = Vec::with_capacity(members.len());
    let mut unranked = Vec::new();
    for &e in members {
        let reasons = exclusion_reasons(def, e);
        if reasons.is_empty() {
            rankable.push(e);
        } else {
            unranked.push(Unranked { id: e.id.clone(), name: e.name.clone(), reasons });
        }
    }

    // Relative normalisations compare only the entrants being ranked: an
    // ineligible outlier must not stretch everyone else's scale.
    let scales: Vec<Option<Scale>> = def.criteria.iter().map(|c| Scale::fit(c, &rankable)).collect();

    let mut rows: Vec<Row<'_>> = rankable
        .iter()
        .map(|&e| {
            let contributions: Vec<Contribution> = def
                .criteria
                .iter()
                .zip(weights)
                .zip(&scales)
                .map(|((c, &w), scale)| contribution(c, w, *scale, e))
                .collect();
            // Summed in criterion order, the same additions a reader makes.
            let sum: f64 = contributions.iter().map(|c| c.points).sum();
            // Rounding can push a perfect score a few ulps past 100.
            let score = sum.clamp(0.0, 100.0);
            // Scores are within 0..=100, so the key fits an i64 with room to spare.
            let key = (score / SCORE_RESOLUTION).round() as i64;
            Row { entrant: e, key, score, contributions }
        })
        .collect();
    rows.sort_by(|a, b| compare_rows(def, a, b));

    let ranked = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| RankedEntrant {
            rank: i + 1,
            id: row.entrant.id.clone(),
            name: row.entrant.name.clone(),
            score: row.score,
            winner: i < def.winners,
            contributions: row.contributions,
        })
        .collect();
    unranked.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    CategoryResult { category: category.clone(), ranked, unranked }
}

/// Every reason the entrant cannot be ranked: failed eligibility rules,
/// then criteria it lacks data for whose rule is to unrank.
fn exclusion_reasons(def: &AwardDefinition, e: &Entrant) -> Vec<Text> {
    let mut reasons = Vec::new();
    for rule in &def.eligibility {
        let EligibilityRule::MinMetric { metric, min, .. } = rule;
        match e.metric(metric) {
            Some(v) if v >= *min => {}
            // A missing metric fails the rule like a low one; the rule's own
            // reason is right for both (no complaints is fewer than five).
            _ => reasons.push(rule.failure_reason()),
        }
    }
    for c in &def.criteria {
        if c.on_missing == OnMissing::Unrank && e.metric(&c.metric).is_none() {
            reasons.push(Text::new(
                format!("Data untuk kriteria \"{}\" tidak tersedia", c.name.id),
                format!("No data for the criterion \"{}\"", c.name.en),
            ));
        }
    }
    reasons
}

/// The smallest and largest transformed value of a relative criterion
/// among the ranked entrants that have the metric.
#[derive(Clone, Copy)]
struct Scale {
    lo: f64,
    hi: f64,
}

impl Scale {
    /// The scale of a relative criterion; `None` for absolute ones, or when
    /// no ranked entrant has the metric (then nobody needs a scale).
    fn fit(c: &Criterion, rankable: &[&Entrant]) -> Option<Self> {
        if !matches!(
            c.normalization,
            Normalization::MinMax | Normalization::LogMinMax | Normalization::LogShareOfMax
        ) {
            return None;
        }
        rankable.iter().filter_map(|e| e.metric(&c.metric)).map(|x| transform(c.normalization, x)).fold(
            None,
            |acc, x| match acc {
                None => Some(Self { lo: x, hi: x }),
                Some(s) => Some(Self { lo: s.lo.min(x), hi: s.hi.max(x) }),
            },
        )
    }
}

/// The value a relative normalisation compares: the metric itself, or
/// `ln(1 + x)` for volumes (negative counts are treated as 0).
fn transform(normalization: Normalization, x: f64) -> f64 {
    match normalization {
        Normalization::LogMinMax | Normalization::LogShareOfMax => x.max(0.0).ln_1p(),
        _ => x,
    }
}

/// Where `x` lies between `from` (0) and `to` (1), clamped to 0..=1.
///
/// The halves keep `to − from` finite even for metrics near `f64::MAX`; for
/// ordinary numbers halving is exact, so results are unchanged.
fn position(x: f64, from: f64, to: f64) -> f64 {
    ((x * 0.5 - from * 0.5) / (to * 0.5 - from * 0.5)).clamp(0.0, 1.0)
}

fn normalize(c: &Criterion, scale: Option<Scale>, x: f64) -> f64 {
    match c.normalization {
        Normalization::MinMax | Normalization::LogMinMax => {
            let t = transform(c.normalization, x);
            match scale {
                // Everyone equal: see `Normalization::MinMax` for why 1.
                Some(s) if s.lo < s.hi => match c.direction {
                    Direction::Higher => position(t, s.lo, s.hi),
                    Direction::Lower => position(t, s.hi, s.lo),
                },
                _ => 1.0,
            }
        }
        Normalization::LogShareOfMax => {
            let share = match scale {
                Some(s) if s.hi > 0.0 => (transform(c.normalization, x) / s.hi).clamp(0.0, 1.0),
                _ => 1.0,
            };
            match c.direction {
                Direction::Higher => share,
                Direction::Lower => 1.0 - share,
            }
        }
        // Validation made `best` and `worst` agree with the direction, so
        // one formula serves both.
        Normalization::Target { best, worst } => position(x, worst, best),
        Normalization::Rate => {
            let v = x.clamp(0.0, 1.0);
            match c.direction {
                Direction::Higher => v,
                Direction::Lower => 1.0 - v,
            }
        }
    }
}

fn contribution(c: &Criterion, weight: f64, scale: Option<Scale>, e: &Entrant) -> Contribution {
    let raw = e.metric(&c.metric);
    let normalized = match (raw, c.on_missing) {
        (Some(x), _) => normalize(c, scale, x),
        (None, OnMissing::Score(s)) => s,
        // Unranked entrants never reach scoring; 0 keeps this total anyway.
        (None, OnMissing::Unrank) => 0.0,
    };
    Contribution { criterion_id: c.id.clone(), raw, normalized, points: weight * normalized }
}

/// The ranking order: score, tie-breaks, name, id. Total because ids are unique.
fn compare_rows(def: &AwardDefinition, a: &Row<'_>, b: &Row<'_>) -> Ordering {
    b.key
        .cmp(&a.key)
        .then_with(|| {
            def.tie_breaks.iter().fold(Ordering::Equal, |acc, t| {
                acc.then_with(|| {
                    compare_metric(a.entrant.metric(&t.metric), b.entrant.metric(&t.metric), t.direction)
                })
            })
        })
        .then_with(|| a.entrant.name.cmp(&b.entrant.name))
        .then_with(|| a.entrant.id.cmp(&b.entrant.id))
}

/// Better first; a missing value after any present one.
fn compare_metric(a: Option<f64>, b: Option<f64>, direction: Direction) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            // Metrics are finite (checked), so partial_cmp always answers;
            // unlike total_cmp it also treats -0.0 and 0.0 as equal.
            let ord = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
            match direction {
                Direction::Higher => ord.reverse(),
                Direction::Lower => ord,
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
