//! Tests of the award engine: tables per feature (normalisation,
//! eligibility, tie-breaks, validation), hand-computed scores, snapshots of
//! a realistic Kalsel leaderboard and of every error message, and property
//! tests of the invariants the brief requires.

use std::fmt::Write as _;

use super::*;
use crate::error::Text;
use crate::ids::{AgencyId, CategoryId};

fn agency(id: &str) -> AgencyId {
    AgencyId::new(id).unwrap()
}

fn cat(id: &str) -> CategoryId {
    CategoryId::new(id).unwrap()
}

fn entrant(id: &str, name: &str, category: &str, metrics: &[(&str, f64)]) -> Entrant {
    metrics.iter().fold(Entrant::new(agency(id), name, cat(category)), |e, &(k, v)| e.with_metric(k, v))
}

/// A definition with one criterion of weight 100 on metric `m`, so that an
/// entrant's score is exactly 100 × its normalised value.
fn single(direction: Direction, normalization: Normalization, on_missing: OnMissing) -> AwardDefinition {
    AwardDefinition::new(
        "uji",
        Text::new("Uji", "Test"),
        vec![
            Criterion::new("c", Text::new("Kriteria", "Criterion"), "m", 100.0, direction, normalization)
                .with_on_missing(on_missing),
        ],
    )
}

fn ranked_ids(result: &CategoryResult) -> Vec<&str> {
    result.ranked.iter().map(|r| r.id.as_str()).collect()
}

mod normalization {
    use super::*;
    use Direction::{Higher, Lower};
    use Normalization::{LogMinMax, LogShareOfMax, MinMax, Rate, Target};

    /// Scores one category whose entrant `e{i}` has `values[i]` (absent when
    /// `None`) and checks each entrant's normalised value and points.
    #[track_caller]
    fn check(direction: Direction, normalization: Normalization, values: &[Option<f64>], expected: &[f64]) {
        let def = single(direction, normalization, OnMissing::Score(0.25));
        let entrants: Vec<Entrant> = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let e = entrant(&format!("e{i}"), &format!("E{i}"), "opd", &[]);
                match v {
                    Some(x) => e.with_metric("m", *x),
                    None => e,
                }
            })
            .collect();
        let board = score(&def, &entrants).unwrap();
        let ranked = &board.categories[0].ranked;
        for (i, want) in expected.iter().enumerate() {
            let id = format!("e{i}");
            let r = ranked.iter().find(|r| r.id.as_str() == id).unwrap();
            let c = &r.contributions[0];
            assert!(
                (c.normalized - want).abs() < 1e-12,
                "{normalization:?} {direction:?} {values:?}: e{i} normalised {} ≠ {want}",
                c.normalized
            );
            assert_eq!(c.raw, values[i]);
            assert!((c.points - 100.0 * want).abs() < 1e-9);
        }
    }

    #[test]
    fn table() {
        let s = |v: &[f64]| v.iter().copied().map(Some).collect::<Vec<_>>();
        check(Higher, MinMax, &s(&[10.0, 20.0, 30.0]), &[0.0, 0.5, 1.0]);
        check(Lower, MinMax, &s(&[10.0, 20.0, 30.0]), &[1.0, 0.5, 0.0]);
        check(Higher, MinMax, &s(&[-10.0, 0.0, 10.0]), &[0.0, 0.5, 1.0]);
        // All equal, and alone: full marks (see `Normalization::MinMax`).
        check(Higher, MinMax, &s(&[7.0, 7.0]), &[1.0, 1.0]);
        check(Lower, MinMax, &s(&[7.0, 7.0]), &[1.0, 1.0]);
        check(Higher, MinMax, &s(&[3.0]), &[1.0]);
        // A missing value takes the configured score and stays off the scale.
        check(Higher, MinMax, &[None, Some(0.0), Some(10.0)], &[0.25, 0.0, 1.0]);
        check(Higher, MinMax, &[None], &[0.25]);
        // Huge values do not overflow the range.
        check(Higher, MinMax, &s(&[-f64::MAX, 0.0, f64::MAX]), &[0.0, 0.5, 1.0]);
        // ln(1 + x): 0, 9, 99 are 0, ln 10, 2 ln 10.
        check(Higher, LogMinMax, &s(&[0.0, 9.0, 99.0]), &[0.0, 0.5, 1.0]);
        check(Lower, LogMinMax, &s(&[9.0, 99.0, 999.0]), &[1.0, 0.5, 0.0]);
        check(Higher, LogMinMax, &s(&[-5.0, 0.0, 99.0]), &[0.0, 0.0, 1.0]);
        check(Higher, LogMinMax, &s(&[12.0, 12.0]), &[1.0, 1.0]);
        check(Higher, LogShareOfMax, &s(&[0.0, 9.0, 99.0]), &[0.0, 0.5, 1.0]);
        check(Higher, LogShareOfMax, &s(&[9.0, 99.0]), &[0.5, 1.0]);
        check(Lower, LogShareOfMax, &s(&[9.0, 99.0]), &[0.5, 0.0]);
        check(Higher, LogShareOfMax, &s(&[0.0, 0.0]), &[1.0, 1.0]);
        check(Higher, LogShareOfMax, &s(&[-5.0, 99.0]), &[0.0, 1.0]);
        let sat = Target { best: 5.0, worst: 1.0 };
        check(Higher, sat, &s(&[1.0, 3.0, 5.0, 0.0, 6.0, 4.5]), &[0.0, 0.5, 1.0, 0.0, 1.0, 0.875]);
        check(Higher, sat, &[None], &[0.25]);
        let days = Target { best: 1.0, worst: 5.0 };
        check(Lower, days, &s(&[1.0, 2.0, 5.0, 0.5, 9.0]), &[1.0, 0.75, 0.0, 1.0, 0.0]);
        let jury = Target { best: 100.0, worst: 0.0 };
        check(Higher, jury, &s(&[85.0, 0.0, 100.0]), &[0.85, 0.0, 1.0]);
        check(Higher, Rate, &s(&[0.0, 0.3, 1.0, 1.5, -0.2]), &[0.0, 0.3, 1.0, 1.0, 0.0]);
        check(Lower, Rate, &s(&[0.3, 1.5, -1.0]), &[0.7, 0.0, 1.0]);
    }
}

mod eligibility {
    use super::*;

    /// Scores `entrants` (all in one category) and checks who is ranked, in
    /// order, and who is not, with the English reasons.
    #[track_caller]
    fn check(def: &AwardDefinition, entrants: &[Entrant], ranked: &[&str], unranked: &[(&str, &[&str])]) {
        let board = score(def, entrants).unwrap();
        let result = &board.categories[0];
        assert_eq!(ranked_ids(result), ranked);
        let got: Vec<(&str, Vec<&str>)> = result
            .unranked
            .iter()
            .map(|u| (u.id.as_str(), u.reasons.iter().map(|r| r.en.as_str()).collect()))
            .collect();
        let want: Vec<(&str, Vec<&str>)> = unranked.iter().map(|(id, r)| (*id, r.to_vec())).collect();
        assert_eq!(got, want);
    }

    fn rate_with(rules: Vec<EligibilityRule>) -> AwardDefinition {
        AwardDefinition {
            eligibility: rules,
            ..single(Direction::Higher, Normalization::Rate, OnMissing::Unrank)
        }
    }

    #[test]
    fn table() {
        const FEWER: &str = "Fewer than 5 complaints in the period";
        let five = rate_with(vec![EligibilityRule::min_complaints(5)]);
        let e = |id: &str, complaints: Option<f64>, m: f64| {
            let base = entrant(id, id, "opd", &[("m", m)]);
            match complaints {
                Some(c) => base.with_metric("complaints", c),
                None => base,
            }
        };
        // The floor is inclusive; missing counts as too few.
        check(
            &five,
            &[e("a", Some(5.0), 0.5), e("b", Some(4.99), 0.9), e("c", None, 0.9), e("d", Some(80.0), 0.7)],
            &["d", "a"],
            &[("b", &[FEWER]), ("c", &[FEWER])],
        );

        // Without a configured reason the message names the metric and limit;
        // every failed rule and every missing criterion is listed, in order.
        let two = rate_with(vec![
            EligibilityRule::MinMetric { metric: "complaints".into(), min: 5.0, reason: None },
            EligibilityRule::MinMetric { metric: "answered".into(), min: 1.0, reason: None },
        ]);
        check(
            &two,
            &[entrant("a", "A", "opd", &[("complaints", 2.0), ("answered", 0.0)])],
            &[],
            &[(
                "a",
                &["complaints is below 5", "answered is below 1", "No data for the criterion \"Criterion\""],
            )],
        );

        // Unranked entrants are listed by name, then id.
        check(
            &rate_with(Vec::new()),
            &[
                entrant("z", "Alpha", "opd", &[]),
                entrant("b", "Beta", "opd", &[]),
                entrant("a", "Alpha", "opd", &[]),
            ],
            &[],
            &[
                ("a", &["No data for the criterion \"Criterion\""]),
                ("z", &["No data for the criterion \"Criterion\""]),
                ("b", &["No data for the criterion \"Criterion\""]),
            ],
        );
    }

    #[test]
    fn ineligible_entrants_do_not_stretch_relative_scales() {
        let def = AwardDefinition {
            eligibility: vec![EligibilityRule::min_complaints(5)],
            ..single(Direction::Higher, Normalization::MinMax, OnMissing::Unrank)
        };
        let board = score(
            &def,
            &[
                entrant("a", "A", "opd", &[("complaints", 9.0), ("m", 10.0)]),
                entrant("b", "B", "opd", &[("complaints", 9.0), ("m", 20.0)]),
                entrant("c", "C", "opd", &[("complaints", 1.0), ("m", 1000.0)]),
            ],
        )
        .unwrap();
        let ranked = &board.categories[0].ranked;
        assert_eq!((ranked[0].id.as_str(), ranked[0].score), ("b", 100.0));
        assert_eq!((ranked[1].id.as_str(), ranked[1].score), ("a", 0.0));
    }
}

mod tie_breaks {
    use super::*;

    /// An entrant's id, name, criterion metric `m` and tie-break metrics
    /// `t1` and `t2` (absent when `None`).
    type Row<'a> = (&'a str, &'a str, f64, Option<f64>, Option<f64>);

    /// Ranks entrants whose criterion metric `m` gives near-equal scores,
    /// under the given tie-breaks on `t1`, `t2`.
    #[track_caller]
    fn check(tie_breaks: &[(&str, Direction)], rows: &[Row<'_>], want: &[&str]) {
        let def = AwardDefinition {
            tie_breaks: tie_breaks
                .iter()
                .map(|&(m, d)| TieBreak { metric: m.into(), direction: d })
                .collect(),
            ..single(Direction::Higher, Normalization::Rate, OnMissing::Unrank)
        };
        let entrants: Vec<Entrant> = rows
            .iter()
            .map(|&(id, name, m, t1, t2)| {
                let mut e = entrant(id, name, "opd", &[("m", m)]);
                if let Some(v) = t1 {
                    e = e.with_metric("t1", v);
                }
                if let Some(v) = t2 {
                    e = e.with_metric("t2", v);
                }
                e
            })
            .collect();
        let board = score(&def, &entrants).unwrap();
        assert_eq!(ranked_ids(&board.categories[0]), want);
        let ranks: Vec<usize> = board.categories[0].ranked.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, (1..=want.len()).collect::<Vec<_>>());
    }

    #[test]
    fn table() {
        use Direction::{Higher, Lower};
        // Score first, whatever the tie-breaks say.
        check(
            &[("t1", Higher)],
            &[("a", "A", 0.4, Some(9.0), None), ("b", "B", 0.5, Some(1.0), None)],
            &["b", "a"],
        );
        // No tie-breaks: name, then id.
        check(
            &[],
            &[
                ("x", "Beta", 0.5, None, None),
                ("z", "Alpha", 0.5, None, None),
                ("y", "Alpha", 0.5, None, None),
            ],
            &["y", "z", "x"],
        );
        // Names compare byte-wise: uppercase before lowercase.
        check(&[], &[("a", "dinas", 0.5, None, None), ("b", "Dinas", 0.5, None, None)], &["b", "a"]);
        check(
            &[("t1", Higher)],
            &[("a", "A", 0.5, Some(0.8), None), ("b", "B", 0.5, Some(0.9), None)],
            &["b", "a"],
        );
        check(
            &[("t1", Lower)],
            &[("a", "A", 0.5, Some(2.0), None), ("b", "B", 0.5, Some(1.0), None)],
            &["b", "a"],
        );
        // Missing data never wins a tie, in either direction.
        check(
            &[("t1", Higher)],
            &[("a", "A", 0.5, None, None), ("b", "B", 0.5, Some(-5.0), None)],
            &["b", "a"],
        );
        check(
            &[("t1", Lower)],
            &[("a", "A", 0.5, None, None), ("b", "B", 0.5, Some(99.0), None)],
            &["b", "a"],
        );
        // The second tie-break decides when the first ties; then the name.
        check(
            &[("t1", Higher), ("t2", Lower)],
            &[
                ("a", "A", 0.5, Some(0.9), Some(2.0)),
                ("b", "B", 0.5, Some(0.9), Some(1.0)),
                ("c", "C", 0.5, Some(0.95), Some(9.0)),
                ("d", "D", 0.5, Some(0.9), Some(1.0)),
            ],
            &["c", "b", "d", "a"],
        );
        // 0.1 + 0.2 is 0.30000000000000004: floating-point noise is a tie,
        // which the tie-break settles.
        check(
            &[("t1", Higher)],
            &[("a", "A", 0.1 + 0.2, Some(1.0), None), ("b", "B", 0.3, Some(2.0), None)],
            &["b", "a"],
        );
    }

    #[test]
    fn preset_breaks_ties_on_follow_up_then_median_response() {
        let row = |id: &str, name: &str, median: f64| {
            entrant(
                id,
                name,
                "uptd",
                &[
                    (metric::COMPLAINTS, 30.0),
                    (metric::FOLLOW_UP_RATE, 0.9),
                    (metric::WITHIN_STANDARD_SHARE, 0.8),
                    (metric::COMPLETION_RATE, 0.7),
                    (metric::MEDIAN_RESPONSE_DAYS, median),
                ],
            )
        };
        let board = score(
            &complaint_handling(),
            &[
                row("samsat-banjarbaru", "UPTD Samsat Banjarbaru", 2.0),
                row("samsat-banjarmasin", "UPTD Samsat Banjarmasin", 1.0),
                row("samsat-martapura", "UPTD Samsat Martapura", 1.0),
            ],
        )
        .unwrap();
        assert_eq!(
            ranked_ids(&board.categories[0]),
            ["samsat-banjarmasin", "samsat-martapura", "samsat-banjarbaru"]
        );
    }
}

mod validation {
    use super::*;

    /// Applies `change` to the complaint-handling preset and checks what
    /// `validate` says, and that `score` says the same.
    #[track_caller]
    fn check(change: impl FnOnce(&mut AwardDefinition), want: Result<(), &str>) {
        let mut def = complaint_handling();
        change(&mut def);
        let got = def.validate().map_err(|e| e.code());
        assert_eq!(got, want);
        assert_eq!(score(&def, &[]).map(|_| ()).map_err(|e| e.code()), want);
    }

    fn target(best: f64, worst: f64) -> impl FnOnce(&mut AwardDefinition) {
        move |d| d.criteria[4].normalization = Normalization::Target { best, worst }
    }

    #[test]
    fn table() {
        check(|_| {}, Ok(()));
        check(|d| d.id = "Bad Id".into(), Err("award.invalid_id"));
        check(|d| d.id = String::new(), Err("award.invalid_id"));
        check(|d| d.criteria.clear(), Err("award.no_criteria"));
        check(|d| d.criteria[0].id = String::new(), Err("award.empty_key"));
        check(|d| d.criteria[2].metric = "  ".into(), Err("award.empty_key"));
        check(|d| d.criteria[1].id = "volume".into(), Err("award.duplicate_criterion"));
        for w in [0.0, -0.0, -20.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            check(|d| d.criteria[0].weight = w, Err("award.weight_invalid"));
        }
        check(|d| d.criteria[0].weight = 25.0, Err("award.weights_sum"));
        check(|d| d.criteria[0].weight = 19.99, Err("award.weights_sum"));
        // Within the tolerance: thirds written out to six decimals pass.
        check(
            |d| {
                d.criteria.truncate(3);
                for c in &mut d.criteria {
                    c.weight = 33.333_333_3;
                }
            },
            Ok(()),
        );
        check(|d| d.criteria[0].weight = 20.000_000_5, Ok(()));
        check(target(3.0, 3.0), Err("award.target_invalid"));
        check(target(1.0, 5.0), Err("award.target_invalid"));
        check(target(f64::NAN, 1.0), Err("award.target_invalid"));
        check(target(f64::INFINITY, 1.0), Err("award.target_invalid"));
        check(
            |d| {
                d.criteria[4].direction = Direction::Lower;
                d.criteria[4].normalization = Normalization::Target { best: 1.0, worst: 5.0 };
            },
            Ok(()),
        );
        check(|d| d.criteria[4].direction = Direction::Lower, Err("award.target_invalid"));
        for s in [1.5, -0.1, f64::NAN] {
            check(|d| d.criteria[4].on_missing = OnMissing::Score(s), Err("award.missing_score_invalid"));
        }
        check(|d| d.criteria[4].on_missing = OnMissing::Score(0.0), Ok(()));
        check(|d| d.criteria[4].on_missing = OnMissing::Score(1.0), Ok(()));
        check(
            |d| {
                d.eligibility = vec![EligibilityRule::MinMetric {
                    metric: "complaints".into(),
                    min: f64::NAN,
                    reason: None,
                }];
            },
            Err("award.eligibility_invalid"),
        );
        check(
            |d| {
                d.eligibility =
                    vec![EligibilityRule::MinMetric { metric: String::new(), min: 1.0, reason: None }];
            },
            Err("award.empty_key"),
        );
        check(|d| d.tie_breaks[1].metric = String::new(), Err("award.empty_key"));
        check(|d| d.winners = 0, Err("award.winners_invalid"));
        check(|d| d.winners = 1, Ok(()));
    }

    #[test]
    fn empty_key_names_the_field() {
        let mut def = complaint_handling();
        def.tie_breaks[1].metric = String::new();
        assert_eq!(def.validate(), Err(AwardError::EmptyKey { field: "tie_breaks[1].metric".into() }));
    }

    #[test]
    fn entrant_errors() {
        let def = complaint_handling();
        let ok = |id: &str| entrant(id, id, "opd", &[("complaints", 9.0)]);
        let dup = score(&def, &[ok("b"), ok("a"), ok("b")]).unwrap_err();
        assert_eq!(dup, AwardError::DuplicateEntrant { entrant: agency("b") });
        assert!(!dup.is_definition());
        // Even an unused metric is checked, and the entrant with the smallest
        // id is reported first, whatever the input order.
        let bad = [
            ok("z").with_metric("unused", f64::INFINITY),
            ok("c").with_metric(metric::FOLLOW_UP_RATE, f64::NAN),
            ok("d"),
        ];
        let err = score(&def, &bad).unwrap_err();
        assert_eq!(
            err,
            AwardError::InvalidMetric { entrant: agency("c"), metric: metric::FOLLOW_UP_RATE.into() }
        );
        // A definition error wins over entrant errors.
        let mut broken = def.clone();
        broken.winners = 0;
        assert_eq!(score(&broken, &bad), Err(AwardError::WinnersZero));
    }

    #[test]
    fn codes_are_distinct_and_namespaced() {
        let codes: Vec<&str> = all_errors().iter().map(AwardError::code).collect();
        let unique: std::collections::BTreeSet<&str> = codes.iter().copied().collect();
        assert_eq!(unique.len(), codes.len() - 2, "TargetInvalid appears three times in the list");
        assert!(codes.iter().all(|c| c.starts_with("award.")));
    }
}

/// One error of each kind (three for the three ways a target is wrong).
fn all_errors() -> Vec<AwardError> {
    vec![
        AwardError::InvalidId { id: "Penghargaan Terbaik".into() },
        AwardError::NoCriteria,
        AwardError::EmptyKey { field: "criteria[2].metric".into() },
        AwardError::DuplicateCriterion { criterion: "follow_up".into() },
        AwardError::WeightInvalid { criterion: "volume".into(), weight: -20.0 },
        AwardError::WeightsSum { sum: 95.5 },
        AwardError::TargetInvalid {
            criterion: "satisfaction".into(),
            best: f64::NAN,
            worst: 1.0,
            direction: Direction::Higher,
        },
        AwardError::TargetInvalid {
            criterion: "satisfaction".into(),
            best: 3.0,
            worst: 3.0,
            direction: Direction::Higher,
        },
        AwardError::TargetInvalid {
            criterion: "response".into(),
            best: 5.0,
            worst: 1.0,
            direction: Direction::Lower,
        },
        AwardError::MissingScoreInvalid { criterion: "satisfaction".into(), score: 1.5 },
        AwardError::EligibilityInvalid { metric: "complaints".into(), min: f64::INFINITY },
        AwardError::WinnersZero,
        AwardError::DuplicateEntrant { entrant: agency("dinkes") },
        AwardError::InvalidMetric { entrant: agency("rsud-ulin"), metric: "follow_up_rate".into() },
    ]
}

#[test]
fn error_messages_snapshot() {
    let mut out = String::new();
    for e in all_errors() {
        writeln!(out, "{}\n  id: {}\n  en: {}\n  display: {e}", e.code(), e.message().id, e.message().en)
            .unwrap();
    }
    insta::assert_snapshot!("error_messages", out);
}

#[test]
fn preset_is_valid_and_weights_sum_to_exactly_100() {
    let def = complaint_handling();
    assert_eq!(def.validate(), Ok(()));
    assert_eq!(def.weight_sum(), 100.0);
    assert_eq!(def.winners, 3);
    // The tie-break metric scores nothing itself.
    assert!(def.criteria.iter().all(|c| c.metric != metric::MEDIAN_RESPONSE_DAYS));
}

#[test]
fn jury_preset_validates_its_weights() {
    let name = || Text::new("Konten", "Content");
    assert!(jury_scores("ampk", Text::new("AMPK", "AMPK"), &[("konten", name(), 100.0)]).is_ok());
    assert_eq!(
        jury_scores("ampk", Text::new("AMPK", "AMPK"), &[("konten", name(), 60.0)]),
        Err(AwardError::WeightsSum { sum: 60.0 })
    );
    assert_eq!(
        jury_scores("ampk", Text::new("AMPK", "AMPK"), &[("konten", name(), 50.0), ("konten", name(), 50.0)]),
        Err(AwardError::DuplicateCriterion { criterion: "konten".into() })
    );
    assert_eq!(jury_scores("ampk", Text::new("AMPK", "AMPK"), &[]), Err(AwardError::NoCriteria));
}

mod config {
    use super::*;

    #[test]
    fn preset_round_trips_and_shows_the_config_shape() {
        let def = complaint_handling();
        let json = serde_json::to_value(&def).unwrap();
        let back: AwardDefinition = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, def);
        insta::assert_json_snapshot!("preset_definition", json);
    }

    #[test]
    fn defaults_and_unknown_fields() {
        let minimal = r#"{
            "id": "contoh",
            "name": {"id": "Contoh", "en": "Example"},
            "criteria": [{
                "id": "c", "name": {"id": "C", "en": "C"}, "metric": "m",
                "weight": 100, "direction": "higher", "normalization": "log_min_max"
            }]
        }"#;
        let def: AwardDefinition = serde_json::from_str(minimal).unwrap();
        assert_eq!(def.winners, DEFAULT_WINNERS);
        assert_eq!(def.criteria[0].on_missing, OnMissing::Unrank);
        assert_eq!(def.criteria[0].normalization, Normalization::LogMinMax);
        assert!(def.validate().is_ok());
        // A typo in a configuration key is an error, not a silent default.
        let typo = minimal.replace("\"criteria\"", "\"winers\": 2, \"criteria\"");
        assert!(serde_json::from_str::<AwardDefinition>(&typo).is_err());
        let rule: EligibilityRule =
            serde_json::from_str(r#"{"min_metric": {"metric": "complaints", "min": 5}}"#).unwrap();
        assert_eq!(rule, EligibilityRule::MinMetric { metric: "complaints".into(), min: 5.0, reason: None });
    }

    #[test]
    fn entrants_deserialize_from_an_imported_sheet() {
        let e: Entrant = serde_json::from_str(
            r#"{"id": "diskominfo", "name": "Dinas Kominfo", "category": "opd", "metrics": {"konten": 85}}"#,
        )
        .unwrap();
        assert_eq!(e, entrant("diskominfo", "Dinas Kominfo", "opd", &[("konten", 85.0)]));
        assert!(serde_json::from_str::<Entrant>(r#"{"id": "Bad", "name": "x", "category": "opd"}"#).is_err());
    }
}

/// The preset on a category worked out by hand:
///
/// | | complaints | volume | follow-up | within | completion | satisfaction | score |
/// |---|---|---|---|---|---|---|---|
/// | A | 9 | 20/3 | 0.9 → 36 | 0.8 → 16 | 0.5 → 5 | 4.5 → 8.75 | 72.42 |
/// | B | 99 | 40/3 | 0.6 → 24 | 1.0 → 20 | 0.9 → 9 | — → 5 | 71.33 |
/// | C | 999 | 20 | 0.5 → 20 | 0.5 → 10 | 0.2 → 2 | 2 → 2.5 | 54.5 |
/// | E | 99 | 40/3 | 0.5 → 20 | 0.5 → 10 | 0.5 → 5 | 3 → 5 | 53.33 |
///
/// Volume: ln(1 + x) is ln 10, 2 ln 10, 3 ln 10, so ⅓, ⅔, 1 of the
/// busiest's, of 20 points.
/// D has 3 complaints and is not ranked.
#[test]
fn hand_computed_scores() {
    let row = |id: &str, complaints: f64, f: f64, w: f64, c: f64, s: Option<f64>| {
        let e = entrant(
            id,
            &id.to_uppercase(),
            "opd",
            &[
                (metric::COMPLAINTS, complaints),
                (metric::FOLLOW_UP_RATE, f),
                (metric::WITHIN_STANDARD_SHARE, w),
                (metric::COMPLETION_RATE, c),
            ],
        );
        match s {
            Some(s) => e.with_metric(metric::SATISFACTION_MEAN, s),
            None => e,
        }
    };
    let entrants = [
        row("a", 9.0, 0.9, 0.8, 0.5, Some(4.5)),
        row("b", 99.0, 0.6, 1.0, 0.9, None),
        row("c", 999.0, 0.5, 0.5, 0.2, Some(2.0)),
        row("d", 3.0, 1.0, 1.0, 1.0, Some(5.0)),
        row("e", 99.0, 0.5, 0.5, 0.5, Some(3.0)),
    ];
    let board = score(&complaint_handling(), &entrants).unwrap();
    let result = &board.categories[0];
    let got: Vec<(&str, usize, bool)> =
        result.ranked.iter().map(|r| (r.id.as_str(), r.rank, r.winner)).collect();
    assert_eq!(got, [("a", 1, true), ("b", 2, true), ("c", 3, true), ("e", 4, false)]);
    let third = 20.0 / 3.0;
    let expected = [
        ("a", third + 65.75, [third, 36.0, 16.0, 5.0, 8.75]),
        ("b", 2.0 * third + 58.0, [2.0 * third, 24.0, 20.0, 9.0, 5.0]),
        ("c", 54.5, [20.0, 20.0, 10.0, 2.0, 2.5]),
        ("e", 2.0 * third + 40.0, [2.0 * third, 20.0, 10.0, 5.0, 5.0]),
    ];
    for (r, (id, total, points)) in result.ranked.iter().zip(expected) {
        assert_eq!(r.id.as_str(), id);
        assert!((r.score - total).abs() < 1e-9, "{id}: {} ≠ {total}", r.score);
        for (c, p) in r.contributions.iter().zip(points) {
            assert!((c.points - p).abs() < 1e-9, "{id} {}: {} ≠ {p}", c.criterion_id, c.points);
        }
    }
    assert_eq!(result.ranked[1].contributions[4].raw, None);
    assert_eq!(result.unranked.len(), 1);
    assert_eq!(result.unranked[0].id.as_str(), "d");
}

/// Renders a leaderboard as the plain text a reviewer reads: each ranked
/// entrant with its score, each criterion's raw value, normalised value and
/// points, the tie-break metrics, and each unranked entrant with its reasons.
fn render(def: &AwardDefinition, board: &Leaderboard, entrants: &[Entrant]) -> String {
    let mut out = format!("{} / {} [{}]\n", def.name.id, def.name.en, board.award_id);
    for result in &board.categories {
        writeln!(out, "\n== {} ==", result.category).unwrap();
        for r in &result.ranked {
            let star = if r.winner { "★" } else { " " };
            writeln!(out, "{:>2}. {star} {:<34} {:>6.2}  [{}]", r.rank, r.name, r.score, r.id).unwrap();
            for c in &r.contributions {
                let raw = c.raw.map_or_else(|| "—".to_owned(), |v| v.to_string());
                writeln!(
                    out,
                    "        {:<16} raw {:>6}  norm {:.4}  points {:>6.2}",
                    c.criterion_id, raw, c.normalized, c.points
                )
                .unwrap();
            }
            let e = entrants.iter().find(|e| e.id == r.id).unwrap();
            let ties: Vec<String> = def
                .tie_breaks
                .iter()
                .map(|t| {
                    format!("{} {}", t.metric, e.metrics.get(&t.metric).map_or("—".into(), f64::to_string))
                })
                .collect();
            writeln!(out, "        tie-breaks: {}", ties.join(", ")).unwrap();
        }
        for u in &result.unranked {
            writeln!(out, "     -  {} [{}]", u.name, u.id).unwrap();
            for reason in &u.reasons {
                writeln!(out, "        {reason}").unwrap();
            }
        }
    }
    out
}

/// A realistic small Kalimantan Selatan year: six OPD, four UPTD and six
/// regencies/cities, about 700 complaints in all (the 2025 figure).
fn kalsel_2025() -> Vec<Entrant> {
    /// Id, name, category, complaints, follow-up rate, share within the
    /// standard, completion rate, mean satisfaction, median response days.
    type Row = (&'static str, &'static str, &'static str, f64, f64, f64, Option<f64>, Option<f64>, f64);
    #[rustfmt::skip]
    let rows: [Row; 16] = [
        ("dinkes", "Dinas Kesehatan", "opd", 64.0, 0.95, 0.91, Some(0.80), Some(4.3), 1.0),
        ("disdikbud", "Dinas Pendidikan dan Kebudayaan", "opd", 88.0, 0.90, 0.85, Some(0.74), Some(4.0), 1.5),
        ("dpupr", "Dinas PUPR", "opd", 121.0, 0.78, 0.70, Some(0.61), Some(3.6), 2.5),
        ("dishub", "Dinas Perhubungan", "opd", 37.0, 0.97, 0.95, Some(0.86), None, 1.0),
        ("diskominfo", "Dinas Komunikasi dan Informatika", "opd", 22.0, 1.0, 0.95, Some(0.91), Some(4.6), 0.5),
        ("bapenda", "Badan Pendapatan Daerah", "opd", 4.0, 1.0, 1.0, Some(1.0), Some(5.0), 0.5),
        ("rsud-ulin", "RSUD Ulin Banjarmasin", "uptd", 73.0, 0.92, 0.88, Some(0.79), Some(4.1), 1.5),
        ("rsj-sambang-lihum", "RSJ Sambang Lihum", "uptd", 9.0, 0.89, 0.78, Some(0.67), None, 2.0),
        ("samsat-banjarbaru", "UPTD Samsat Banjarbaru", "uptd", 30.0, 0.93, 0.90, Some(0.80), Some(4.2), 2.0),
        ("samsat-banjarmasin", "UPTD Samsat Banjarmasin", "uptd", 30.0, 0.93, 0.90, Some(0.80), Some(4.2), 1.0),
        ("kab-banjar", "Kabupaten Banjar", "kabupaten-kota", 57.0, 0.81, 0.77, Some(0.70), Some(3.9), 2.0),
        ("kota-banjarbaru", "Kota Banjarbaru", "kabupaten-kota", 41.0, 0.98, 0.93, Some(0.88), Some(4.4), 1.0),
        ("kota-banjarmasin", "Kota Banjarmasin", "kabupaten-kota", 96.0, 0.86, 0.80, Some(0.72), Some(3.8), 1.5),
        ("kab-tanah-laut", "Kabupaten Tanah Laut", "kabupaten-kota", 18.0, 0.94, 0.89, Some(0.83), Some(4.2), 1.0),
        ("kab-hst", "Kabupaten Hulu Sungai Tengah", "kabupaten-kota", 6.0, 0.83, 0.67, Some(0.50), None, 3.0),
        ("kab-balangan", "Kabupaten Balangan", "kabupaten-kota", 3.0, 0.67, 0.67, None, Some(4.0), 2.0),
    ];
    rows.iter()
        .map(|&(id, name, category, complaints, follow_up, within, completion, satisfaction, median)| {
            let mut e = entrant(
                id,
                name,
                category,
                &[
                    (metric::COMPLAINTS, complaints),
                    (metric::FOLLOW_UP_RATE, follow_up),
                    (metric::WITHIN_STANDARD_SHARE, within),
                    (metric::MEDIAN_RESPONSE_DAYS, median),
                ],
            );
            if let Some(v) = completion {
                e = e.with_metric(metric::COMPLETION_RATE, v);
            }
            if let Some(v) = satisfaction {
                e = e.with_metric(metric::SATISFACTION_MEAN, v);
            }
            e
        })
        .collect()
}

#[test]
fn kalsel_leaderboard_snapshot() {
    let def = complaint_handling();
    let entrants = kalsel_2025();
    let board = score(&def, &entrants).unwrap();
    let categories: Vec<&str> = board.categories.iter().map(|c| c.category.as_str()).collect();
    assert_eq!(categories, ["kabupaten-kota", "opd", "uptd"]);
    // The two Samsat offices tie on every criterion; the shorter median
    // response wins although "Banjarbaru" sorts first by name.
    let uptd = board.category(&cat("uptd")).unwrap();
    assert_eq!(uptd.ranked[1].id.as_str(), "samsat-banjarmasin");
    assert_eq!(uptd.ranked[1].score, uptd.ranked[2].score);
    insta::assert_snapshot!("kalsel_leaderboard", render(&def, &board, &entrants));
}

#[test]
fn jury_leaderboard_json_snapshot() {
    let def = jury_scores(
        "ampk-website",
        Text::new("Anugerah Media Pengaduan: Situs Web", "Complaint Media Award: Website"),
        &[
            ("konten", Text::new("Kualitas konten", "Content quality"), 50.0),
            ("aksesibilitas", Text::new("Aksesibilitas", "Accessibility"), 25.0),
            ("respons", Text::new("Respons terhadap warga", "Responsiveness to citizens"), 25.0),
        ],
    )
    .unwrap();
    let board = score(
        &def,
        &[
            entrant(
                "diskominfo",
                "Dinas Komunikasi dan Informatika",
                "opd",
                &[("konten", 88.0), ("aksesibilitas", 76.0), ("respons", 92.0)],
            ),
            entrant(
                "dinkes",
                "Dinas Kesehatan",
                "opd",
                &[("konten", 80.0), ("aksesibilitas", 84.0), ("respons", 88.0)],
            ),
            entrant("dpupr", "Dinas PUPR", "opd", &[("konten", 72.0), ("respons", 60.0)]),
        ],
    )
    .unwrap();
    insta::assert_json_snapshot!("jury_leaderboard", board);
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    const CATEGORIES: [&str; 3] = ["kabupaten-kota", "opd", "uptd"];
    // Few names, some equal, so that the name and id tie-breaks get used.
    const NAMES: [&str; 4] = ["Dinas A", "Dinas B", "Dinas A", "Kota C"];
    /// Metrics of random definitions: `m0`…`m3` for criteria (one each),
    /// `e` for eligibility, `t` for the tie-break, so that no metric is read
    /// in two directions.
    const RANDOM_KEYS: [&str; 6] = ["m0", "m1", "m2", "m3", "e", "t"];
    const PRESET_KEYS: [&str; 6] = [
        metric::COMPLAINTS,
        metric::FOLLOW_UP_RATE,
        metric::WITHIN_STANDARD_SHARE,
        metric::COMPLETION_RATE,
        metric::SATISFACTION_MEAN,
        metric::MEDIAN_RESPONSE_DAYS,
    ];

    /// Values on a coarse grid (ties are common) or anywhere in a wide range.
    fn value() -> impl Strategy<Value = f64> {
        prop_oneof![(0u32..=24).prop_map(|n| f64::from(n) / 4.0), -10.0..200.0f64, 0.0..=1.0f64]
    }

    fn entrants(keys: &'static [&'static str]) -> impl Strategy<Value = Vec<Entrant>> {
        let row = (
            0..CATEGORIES.len(),
            0..NAMES.len(),
            prop::collection::vec(prop::option::weighted(0.85, value()), keys.len()),
        );
        prop::collection::vec(row, 0..14).prop_map(move |rows| {
            rows.into_iter()
                .enumerate()
                .map(|(i, (c, n, values))| {
                    let mut e = Entrant::new(agency(&format!("a{i}")), NAMES[n], cat(CATEGORIES[c]));
                    for (k, v) in keys.iter().zip(values) {
                        if let Some(v) = v {
                            e = e.with_metric(*k, v);
                        }
                    }
                    e
                })
                .collect()
        })
    }

    fn direction() -> impl Strategy<Value = Direction> {
        prop_oneof![Just(Direction::Higher), Just(Direction::Lower)]
    }

    /// A criterion reading `m{i}`, with any normalisation consistent with
    /// its direction, and a raw (unscaled) weight.
    fn criterion(i: usize) -> impl Strategy<Value = (Criterion, f64)> {
        (direction(), 0u8..5, -5.0..5.0f64, 0.5..50.0f64, prop::option::of(0.0..=1.0f64), 0.1..10.0f64)
            .prop_map(move |(direction, kind, a, span, missing, weight)| {
                let (lo, hi) = (a, a + span);
                let normalization = match (kind, direction) {
                    (0, _) => Normalization::MinMax,
                    (1, _) => Normalization::LogMinMax,
                    (2, Direction::Higher) => Normalization::Target { best: hi, worst: lo },
                    (2, Direction::Lower) => Normalization::Target { best: lo, worst: hi },
                    (3, _) => Normalization::LogShareOfMax,
                    _ => Normalization::Rate,
                };
                let c = Criterion::new(
                    format!("c{i}"),
                    Text::new(format!("K{i}"), format!("C{i}")),
                    format!("m{i}"),
                    0.0,
                    direction,
                    normalization,
                )
                .with_on_missing(missing.map_or(OnMissing::Unrank, OnMissing::Score));
                (c, weight)
            })
    }

    fn definition() -> impl Strategy<Value = AwardDefinition> {
        (
            (
                criterion(0),
                prop::option::of(criterion(1)),
                prop::option::of(criterion(2)),
                prop::option::of(criterion(3)),
            ),
            prop::option::of(value()),
            prop::option::of(direction()),
            1usize..4,
        )
            .prop_map(|((c0, c1, c2, c3), min, tie, winners)| {
                let picked: Vec<(Criterion, f64)> = [Some(c0), c1, c2, c3].into_iter().flatten().collect();
                let total: f64 = picked.iter().map(|(_, w)| w).sum();
                let criteria =
                    picked.into_iter().map(|(c, w)| Criterion { weight: w / total * 100.0, ..c }).collect();
                AwardDefinition {
                    eligibility: min
                        .map(|min| EligibilityRule::MinMetric { metric: "e".into(), min, reason: None })
                        .into_iter()
                        .collect(),
                    tie_breaks: tie
                        .map(|direction| TieBreak { metric: "t".into(), direction })
                        .into_iter()
                        .collect(),
                    winners,
                    ..AwardDefinition::new("acak", Text::new("Acak", "Random"), criteria)
                }
            })
    }

    /// A definition with its entrants: the preset on its metrics, or a
    /// random definition on the random keys.
    fn case() -> impl Strategy<Value = (AwardDefinition, Vec<Entrant>)> {
        prop_oneof![
            entrants(&PRESET_KEYS).prop_map(|e| (complaint_handling(), e)),
            (definition(), entrants(&RANDOM_KEYS)),
        ]
    }

    fn rank_of(board: &Leaderboard, id: &AgencyId) -> Option<usize> {
        board.categories.iter().flat_map(|c| &c.ranked).find(|r| &r.id == id).map(|r| r.rank)
    }

    proptest! {
        #[test]
        fn input_order_does_not_matter(
            (def, shuffled, original) in case().prop_flat_map(|(def, e)| (Just(def), Just(e.clone()).prop_shuffle(), Just(e)))
        ) {
            prop_assert_eq!(score(&def, &shuffled).unwrap(), score(&def, &original).unwrap());
        }

        #[test]
        fn improving_a_metric_never_lowers_the_rank(
            (def, entrants) in case(),
            who in any::<prop::sample::Index>(),
            which in any::<prop::sample::Index>(),
            delta in prop_oneof![0.0..1.0f64, 0.0..100.0f64],
        ) {
            if entrants.is_empty() {
                return Ok(());
            }
            let i = who.index(entrants.len());
            let criterion = &def.criteria[which.index(def.criteria.len())];
            let Some(&x) = entrants[i].metrics.get(&criterion.metric) else {
                return Ok(());
            };
            let better = match criterion.direction {
                Direction::Higher => x + delta,
                Direction::Lower => x - delta,
            };
            let mut improved = entrants.clone();
            improved[i].metrics.insert(criterion.metric.clone(), better);

            let id = &entrants[i].id;
            let before = rank_of(&score(&def, &entrants).unwrap(), id);
            let after = rank_of(&score(&def, &improved).unwrap(), id);
            // Unranked (None) is worse than any rank.
            match (before, after) {
                (Some(b), Some(a)) => prop_assert!(a <= b, "rank {b} became {a}"),
                (Some(b), None) => prop_assert!(false, "rank {b} became unranked"),
                (None, _) => {}
            }
        }

        #[test]
        fn scores_are_bounded_and_explained((def, entrants) in case()) {
            let board = score(&def, &entrants).unwrap();
            let mut seen = 0;
            for result in &board.categories {
                for (i, r) in result.ranked.iter().enumerate() {
                    prop_assert!((0.0..=100.0).contains(&r.score), "score {}", r.score);
                    let points: f64 = r.contributions.iter().map(|c| c.points).sum();
                    prop_assert!((points - r.score).abs() <= 1e-9, "{points} vs {}", r.score);
                    prop_assert!(r.contributions.iter().all(|c| (0.0..=1.0).contains(&c.normalized)));
                    prop_assert_eq!(r.contributions.len(), def.criteria.len());
                    prop_assert_eq!(r.rank, i + 1);
                    prop_assert_eq!(r.winner, i < def.winners);
                    if i > 0 {
                        prop_assert!(result.ranked[i - 1].score >= r.score - SCORE_RESOLUTION);
                    }
                }
                for u in &result.unranked {
                    prop_assert!(!u.reasons.is_empty());
                }
                seen += result.ranked.len() + result.unranked.len();
            }
            // Every entrant appears exactly once.
            prop_assert_eq!(seen, entrants.len());
        }

        #[test]
        fn invalid_weights_are_rejected(
            (def, entrants) in case(),
            which in any::<prop::sample::Index>(),
            bad in prop_oneof![
                Just(0.0), -100.0..=0.0f64, Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY)
            ],
            factor in prop_oneof![0.01..0.999f64, 1.001..3.0f64],
            scale_all in any::<bool>(),
        ) {
            let mut def = def;
            let want = if scale_all {
                for c in &mut def.criteria {
                    c.weight *= factor;
                }
                "award.weights_sum"
            } else {
                let i = which.index(def.criteria.len());
                def.criteria[i].weight = bad;
                "award.weight_invalid"
            };
            prop_assert_eq!(def.validate().map_err(|e| e.code()), Err(want));
            prop_assert_eq!(score(&def, &entrants).map(|_| ()).map_err(|e| e.code()), Err(want));
        }
    }
}
