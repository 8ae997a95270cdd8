//! [`AwardError`]: why an award definition or its entrants cannot be scored.

use std::fmt;

use crate::error::Text;
use crate::ids::AgencyId;

use super::definition::Direction;

/// Why an award definition is malformed, or why its entrants cannot be scored.
///
/// Definition errors come from [`AwardDefinition::validate`] (and from
/// [`score`], which validates first); entrant errors only from [`score`].
/// [`AwardError::is_definition`] tells the two apart: the first is a
/// configuration mistake, the second a bug in whatever produced the metrics.
///
/// Messages embed the offending numbers with Rust's shortest round-trip
/// formatting, so a weight sum of `99.99999` is shown as such rather than
/// rounded to a misleading `100`.
///
/// [`AwardDefinition::validate`]: super::AwardDefinition::validate
/// [`score`]: super::score
///
/// # Errors
/// This is the error type itself; every variant lists the rule it reports.
///
/// # Example
/// ```
/// use aduan_core::award::{complaint_handling, AwardError};
/// use aduan_core::Lang;
///
/// let mut def = complaint_handling();
/// def.criteria[0].weight = 25.0;
/// let err = def.validate().unwrap_err();
/// assert_eq!(err, AwardError::WeightsSum { sum: 105.0 });
/// assert_eq!(err.code(), "award.weights_sum");
/// assert_eq!(err.message().get(Lang::En), "The criteria weights must sum to 100, not 105");
/// assert!(err.is_definition());
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AwardError {
    /// The award id is not a slug (lowercase letters, digits, single hyphens).
    InvalidId {
        /// The rejected id.
        id: String,
    },
    /// The definition has no criteria, so nothing could be scored.
    NoCriteria,
    /// A criterion id or a metric key is empty.
    EmptyKey {
        /// Where in the definition, e.g. `criteria[2].metric`.
        field: String,
    },
    /// Two criteria share an id, so contributions could not be told apart.
    DuplicateCriterion {
        /// The repeated id.
        criterion: String,
    },
    /// A criterion's weight is zero, negative, NaN or infinite.
    WeightInvalid {
        /// The criterion's id.
        criterion: String,
        /// The rejected weight.
        weight: f64,
    },
    /// The weights do not sum to 100 (within 1e-6).
    WeightsSum {
        /// The actual sum.
        sum: f64,
    },
    /// A `Target` normalisation has non-finite or equal ends, or ends that
    /// contradict the criterion's direction.
    TargetInvalid {
        /// The criterion's id.
        criterion: String,
        /// The target's best value.
        best: f64,
        /// The target's worst value.
        worst: f64,
        /// The criterion's direction.
        direction: Direction,
    },
    /// An `on_missing` score lies outside 0..=1.
    MissingScoreInvalid {
        /// The criterion's id.
        criterion: String,
        /// The rejected score.
        score: f64,
    },
    /// An eligibility threshold is NaN or infinite.
    EligibilityInvalid {
        /// The metric the rule tests.
        metric: String,
        /// The rejected threshold.
        min: f64,
    },
    /// The number of winners per category is zero.
    WinnersZero,
    /// The same agency appears twice among the entrants.
    DuplicateEntrant {
        /// The repeated agency.
        entrant: AgencyId,
    },
    /// An entrant's metric is NaN or infinite.
    InvalidMetric {
        /// The entrant.
        entrant: AgencyId,
        /// The metric key.
        metric: String,
    },
}

impl AwardError {
    /// The stable machine code, e.g. `award.weights_sum`; never reworded.
    ///
    /// # Errors
    /// None: every variant has a code.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::AwardError;
    /// assert_eq!(AwardError::NoCriteria.code(), "award.no_criteria");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidId { .. } => "award.invalid_id",
            Self::NoCriteria => "award.no_criteria",
            Self::EmptyKey { .. } => "award.empty_key",
            Self::DuplicateCriterion { .. } => "award.duplicate_criterion",
            Self::WeightInvalid { .. } => "award.weight_invalid",
            Self::WeightsSum { .. } => "award.weights_sum",
            Self::TargetInvalid { .. } => "award.target_invalid",
            Self::MissingScoreInvalid { .. } => "award.missing_score_invalid",
            Self::EligibilityInvalid { .. } => "award.eligibility_invalid",
            Self::WinnersZero => "award.winners_invalid",
            Self::DuplicateEntrant { .. } => "award.duplicate_entrant",
            Self::InvalidMetric { .. } => "award.invalid_metric",
        }
    }

    /// What went wrong, in Indonesian and English, naming the criterion or
    /// entrant and the limit broken.
    ///
    /// # Errors
    /// None: every variant has a message.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::AwardError;
    /// use aduan_core::{AgencyId, Lang};
    ///
    /// let err = AwardError::DuplicateEntrant { entrant: AgencyId::new("dinkes").unwrap() };
    /// assert_eq!(
    ///     err.message().get(Lang::Id),
    ///     "Instansi \"dinkes\" muncul lebih dari sekali dalam daftar peserta"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self) -> Text {
        match self {
            Self::InvalidId { id } => Text::new(
                format!(
                    "Kode penghargaan \"{id}\" harus berupa huruf kecil, angka, dan tanda hubung, \
                     paling banyak 64 karakter"
                ),
                format!(
                    "The award id \"{id}\" must be lowercase letters, digits and hyphens, \
                     at most 64 characters"
                ),
            ),
            Self::NoCriteria => Text::new(
                "Penghargaan harus memiliki paling sedikit satu kriteria",
                "An award needs at least one criterion",
            ),
            Self::EmptyKey { field } => Text::new(
                format!("Isian {field} tidak boleh kosong"),
                format!("The field {field} must not be empty"),
            ),
            Self::DuplicateCriterion { criterion } => Text::new(
                format!("Kriteria \"{criterion}\" didefinisikan lebih dari sekali; kode kriteria harus unik"),
                format!("Criterion \"{criterion}\" is defined more than once; criterion ids must be unique"),
            ),
            Self::WeightInvalid { criterion, weight } => Text::new(
                format!(
                    "Bobot kriteria \"{criterion}\" harus bilangan positif yang berhingga, bukan {weight}"
                ),
                format!(
                    "The weight of criterion \"{criterion}\" must be a positive finite number, not {weight}"
                ),
            ),
            Self::WeightsSum { sum } => Text::new(
                format!("Jumlah bobot semua kriteria harus 100, bukan {sum}"),
                format!("The criteria weights must sum to 100, not {sum}"),
            ),
            Self::TargetInvalid { criterion, best, worst, direction } => {
                target_message(criterion, *best, *worst, *direction)
            }
            Self::MissingScoreInvalid { criterion, score } => Text::new(
                format!(
                    "Nilai pengganti data kosong pada kriteria \"{criterion}\" harus antara 0 dan 1, \
                     bukan {score}"
                ),
                format!(
                    "The score for missing data in criterion \"{criterion}\" must be between 0 and 1, \
                     not {score}"
                ),
            ),
            Self::EligibilityInvalid { metric, min } => Text::new(
                format!("Batas minimum {metric} pada syarat peserta harus bilangan berhingga, bukan {min}"),
                format!("The eligibility minimum for {metric} must be a finite number, not {min}"),
            ),
            Self::WinnersZero => Text::new(
                "Jumlah pemenang per kategori harus paling sedikit 1, bukan 0",
                "The number of winners per category must be at least 1, not 0",
            ),
            Self::DuplicateEntrant { entrant } => Text::new(
                format!("Instansi \"{entrant}\" muncul lebih dari sekali dalam daftar peserta"),
                format!("Agency \"{entrant}\" appears more than once among the entrants"),
            ),
            Self::InvalidMetric { entrant, metric } => Text::new(
                format!(
                    "Nilai {metric} untuk instansi \"{entrant}\" bukan bilangan berhingga (NaN atau tak hingga)"
                ),
                format!(
                    "The value of {metric} for agency \"{entrant}\" is not a finite number (NaN or infinite)"
                ),
            ),
        }
    }

    /// Whether the error lies in the award definition (a configuration
    /// mistake) rather than in the entrants' metrics.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use aduan_core::award::AwardError;
    /// use aduan_core::AgencyId;
    ///
    /// assert!(AwardError::WinnersZero.is_definition());
    /// let e = AwardError::InvalidMetric {
    ///     entrant: AgencyId::new("dinkes").unwrap(),
    ///     metric: "complaints".into(),
    /// };
    /// assert!(!e.is_definition());
    /// ```
    #[must_use]
    pub fn is_definition(&self) -> bool {
        !matches!(self, Self::DuplicateEntrant { .. } | Self::InvalidMetric { .. })
    }
}

/// The message of [`AwardError::TargetInvalid`]: which of the three target
/// rules was broken decides the wording, so the fix is obvious.
fn target_message(criterion: &str, best: f64, worst: f64, direction: Direction) -> Text {
    if !best.is_finite() || !worst.is_finite() {
        return Text::new(
            format!(
                "Target kriteria \"{criterion}\" harus berupa bilangan berhingga (terbaik {best}, terburuk {worst})"
            ),
            format!(
                "The target of criterion \"{criterion}\" must be finite numbers (best {best}, worst {worst})"
            ),
        );
    }
    if best == worst {
        return Text::new(
            format!(
                "Target kriteria \"{criterion}\": nilai terbaik dan terburuk tidak boleh sama (keduanya {best})"
            ),
            format!(
                "The target of criterion \"{criterion}\" needs different best and worst values (both are {best})"
            ),
        );
    }
    match direction {
        Direction::Higher => Text::new(
            format!(
                "Kriteria \"{criterion}\" makin tinggi makin baik, jadi nilai terbaik ({best}) harus lebih besar \
                 dari nilai terburuk ({worst})"
            ),
            format!(
                "Criterion \"{criterion}\" is higher-is-better, so the target's best ({best}) must be greater \
                 than its worst ({worst})"
            ),
        ),
        Direction::Lower => Text::new(
            format!(
                "Kriteria \"{criterion}\" makin rendah makin baik, jadi nilai terbaik ({best}) harus lebih kecil \
                 dari nilai terburuk ({worst})"
            ),
            format!(
                "Criterion \"{criterion}\" is lower-is-better, so the target's best ({best}) must be less \
                 than its worst ({worst})"
            ),
        ),
    }
}

impl fmt::Display for AwardError {
    /// Displays the English message, as the other core errors do in logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}
