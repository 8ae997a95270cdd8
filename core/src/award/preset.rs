//! Ready-made award definitions: the complaint-handling award computed from
//! complaint statistics, and awards judged on imported jury scores.

use crate::error::Text;

use super::definition::{
    AwardDefinition, Criterion, Direction, EligibilityRule, Normalization, OnMissing, TieBreak,
};
use super::error::AwardError;
use super::metric;

/// The fewest complaints an agency needs in the period to be ranked by
/// [`complaint_handling`].
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, EligibilityRule, DEFAULT_MIN_COMPLAINTS};
/// assert_eq!(complaint_handling().eligibility, [EligibilityRule::min_complaints(DEFAULT_MIN_COMPLAINTS)]);
/// ```
pub const DEFAULT_MIN_COMPLAINTS: u32 = 5;

/// "Pengelola Pengaduan Terbaik": the yearly complaint-handling award of
/// Diskominfo Kalimantan Selatan, judged on complaint volume, follow-up
/// rate and channel performance.
///
/// No official formula is published, so these are defaults to be tuned in
/// configuration, and each is chosen for a stated reason:
///
/// | criterion | metric | normalisation | weight |
/// |---|---|---|---|
/// | `volume` | [`metric::COMPLAINTS`] | log share of the busiest, higher | 20 |
/// | `follow_up` | [`metric::FOLLOW_UP_RATE`] | rate, higher | 40 |
/// | `within_standard` | [`metric::WITHIN_STANDARD_SHARE`] | rate, higher | 20 |
/// | `completion` | [`metric::COMPLETION_RATE`] | rate, higher | 10 |
/// | `satisfaction` | [`metric::SATISFACTION_MEAN`] | target 1 → 5, higher; missing = 0.5 | 10 |
///
/// - **Follow-up, 40.** The award is for *handling* complaints, and the
///   follow-up rate (laju tindak lanjut) is what the award announcement and
///   the national evaluations (KemenPANRB, Ombudsman) measure first.
/// - **Volume, 20, log-scaled.** An open, used channel deserves credit, but
///   a flood of complaints is not a merit in itself, and big agencies must
///   not win on size: on a log scale 10 → 100 counts as much as 100 → 1000,
///   and only a fifth of the score rides on it.
/// - **Channel performance, 40 in all.** Timeliness (share answered within
///   the standard, 20) is what a reporter feels most; completion (10)
///   depends partly on reporters confirming and mostly follows from
///   follow-up through the automatic close; satisfaction (10) rests on few
///   ratings, so small samples must not swing the result.
/// - **Satisfaction when nobody rated** counts 0.5, the value of a mean
///   rating of 3, the scale's midpoint: an agency whose reporters did not
///   rate is neither punished nor rewarded for their silence.
/// - **Eligibility**: at least [`DEFAULT_MIN_COMPLAINTS`] complaints, so a
///   perfect record on two complaints cannot beat a good one on two hundred.
/// - **Tie-breaks**: higher follow-up rate, then lower
///   [`metric::MEDIAN_RESPONSE_DAYS`] (which scores nothing itself, being
///   close kin to the share within the standard), then name and id.
///
/// # Errors
/// None: the definition is valid (a unit test checks it).
///
/// # Example
/// ```
/// use aduan_core::award::complaint_handling;
///
/// let def = complaint_handling();
/// assert_eq!(def.id, "pengelola-pengaduan");
/// assert_eq!(def.criteria.iter().map(|c| c.weight).sum::<f64>(), 100.0);
/// assert!(def.validate().is_ok());
/// ```
#[must_use]
pub fn complaint_handling() -> AwardDefinition {
    let rate = |id: &str, name: Text, key: &str, weight: f64| {
        Criterion::new(id, name, key, weight, Direction::Higher, Normalization::Rate)
    };
    let criteria = vec![
        Criterion::new(
            "volume",
            Text::new("Jumlah pengaduan", "Complaint volume"),
            metric::COMPLAINTS,
            20.0,
            Direction::Higher,
            Normalization::LogShareOfMax,
        ),
        rate("follow_up", Text::new("Laju tindak lanjut", "Follow-up rate"), metric::FOLLOW_UP_RATE, 40.0),
        rate(
            "within_standard",
            Text::new("Tanggapan sesuai standar waktu", "Responses within the time standard"),
            metric::WITHIN_STANDARD_SHARE,
            20.0,
        ),
        rate(
            "completion",
            Text::new("Tingkat penyelesaian", "Completion rate"),
            metric::COMPLETION_RATE,
            10.0,
        ),
        Criterion::new(
            "satisfaction",
            Text::new("Kepuasan pelapor", "Reporter satisfaction"),
            metric::SATISFACTION_MEAN,
            10.0,
            Direction::Higher,
            Normalization::Target { best: 5.0, worst: 1.0 },
        )
        .with_on_missing(OnMissing::Score(0.5)),
    ];
    AwardDefinition {
        eligibility: vec![EligibilityRule::min_complaints(DEFAULT_MIN_COMPLAINTS)],
        tie_breaks: vec![
            TieBreak { metric: metric::FOLLOW_UP_RATE.to_owned(), direction: Direction::Higher },
            TieBreak { metric: metric::MEDIAN_RESPONSE_DAYS.to_owned(), direction: Direction::Lower },
        ],
        ..AwardDefinition::new(
            "pengelola-pengaduan",
            Text::new("Pengelola Pengaduan Terbaik", "Best Complaint Handler"),
            criteria,
        )
    }
}

/// An award judged on jury scores, such as AMPK's media awards: one
/// criterion per `(id, name, weight)`, each reading the metric of the same
/// key, a score from 0 to 100.
///
/// Jury scores are normalised as [`Normalization::Target`] from 0 (worst)
/// to 100 (best), i.e. divided by 100: the jury's own scale is kept.
/// `MinMax` would turn a one-point difference between the two best entries
/// into the criterion's full weight, overruling the jury's judgement of how
/// close they were; `Rate` expects 0..=1 and would clamp every score above 1
/// to full marks. An entrant without a score for some criterion is left
/// unranked (the jury did not judge it); no eligibility rule applies and
/// ties fall through to name and id. Edit the returned definition to change
/// any of this.
///
/// # Errors
/// Any error of [`AwardDefinition::validate`], e.g.
/// [`AwardError::WeightsSum`] when the weights do not sum to 100.
///
/// # Example
/// ```
/// use aduan_core::award::{jury_scores, score, Entrant};
/// use aduan_core::{AgencyId, CategoryId, Text};
///
/// let def = jury_scores(
///     "ampk-media-sosial",
///     Text::new("Anugerah Media Pengaduan: Media Sosial", "Complaint Media Award: Social Media"),
///     &[
///         ("konten", Text::new("Kualitas konten", "Content quality"), 60.0),
///         ("interaksi", Text::new("Interaksi dengan warga", "Engagement with citizens"), 40.0),
///     ],
/// )
/// .unwrap();
///
/// let opd = CategoryId::new("opd").unwrap();
/// let entrant = |id: &str, name: &str, konten: f64, interaksi: f64| {
///     Entrant::new(AgencyId::new(id).unwrap(), name, opd.clone())
///         .with_metric("konten", konten)
///         .with_metric("interaksi", interaksi)
/// };
/// let board = score(
///     &def,
///     &[entrant("diskominfo", "Dinas Kominfo", 85.0, 70.0), entrant("dinkes", "Dinas Kesehatan", 80.0, 90.0)],
/// )
/// .unwrap();
/// let top = &board.categories[0].ranked[0];
/// // 0.80 × 60 + 0.90 × 40 = 84 beats 0.85 × 60 + 0.70 × 40 = 79.
/// assert_eq!(top.id.as_str(), "dinkes");
/// assert!((top.score - 84.0).abs() < 1e-9);
/// ```
pub fn jury_scores(
    id: impl Into<String>,
    name: Text,
    criteria: &[(&str, Text, f64)],
) -> Result<AwardDefinition, AwardError> {
    let criteria = criteria
        .iter()
        .map(|(key, name, weight)| {
            Criterion::new(
                *key,
                name.clone(),
                *key,
                *weight,
                Direction::Higher,
                Normalization::Target { best: 100.0, worst: 0.0 },
            )
        })
        .collect();
    let def = AwardDefinition::new(id, name, criteria);
    def.validate()?;
    Ok(def)
}
