//! Target `differential`: arbitrary observed and excluded term lists (text, numbers, current terms,
//! symptoms, terms of the disorders' own profiles), onset, sex, extra likelihood ratios and strictness.
//!
//! Checked: the lenient run never fails; the ranking is a permutation of all 20 disorders with ranks
//! 1..=20, sorted, finite scores whose parts add up, posteriors summing to 1; every input is reported with
//! a status that agrees with its error; the strict run fails exactly with the first error the lenient run
//! reports and otherwise gives the same result; reversing the term lists changes nothing.

use super::blood_count::Num;
use arbitrary::{Arbitrary, Unstructured};
use marrowkb::classes::Onset;
use marrowkb::codes::HpoId;
use marrowkb::differential::{
    AgeOfOnset, CONTRADICTION_LR, Differential, InputStatus, MatchKind, NOISE, Query, Sex, TermInput, profile,
};
use marrowkb::hpo::{self, Term};
use marrowkb::{Disorder, Error, Symptom};

/// The most terms per list taken from one input (keeps each run fast).
const MAX_TERMS: usize = 48;

/// One input term as a caller might give it.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum TermArg<'a> {
    /// Any text.
    Text(&'a str),
    /// Any number (current, alternative, obsolete or unknown id).
    Id(u32),
    /// The current term with this internal index (modulo the term count).
    Index(u16),
    /// A symptom (modulo the symptom count).
    Symptom(u16),
    /// A term of a disorder's phenotype profile: (disorder, feature), each modulo its count.
    Profile(u8, u16),
}

impl<'a> TermArg<'a> {
    fn input(self) -> TermInput<'a> {
        match self {
            TermArg::Text(text) => TermInput::Text(text),
            TermArg::Id(n) => TermInput::Id(HpoId::new(n)),
            TermArg::Index(i) => TermInput::Term(
                Term::from_index(usize::from(i) % hpo::TERM_COUNT).unwrap_or(Term::PHENOTYPIC_ABNORMALITY),
            ),
            TermArg::Symptom(i) => TermInput::Symptom(Symptom::ALL[usize::from(i) % Symptom::COUNT]),
            TermArg::Profile(d, i) => {
                let features = profile(Disorder::ALL[usize::from(d) % Disorder::COUNT]);
                match features.get(usize::from(i) % features.len().max(1)) {
                    Some(f) => TermInput::Term(f.term),
                    None => TermInput::Id(HpoId::new(u32::from(i))),
                }
            }
        }
    }
}

/// The age of onset.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum OnsetArg {
    /// In years (any number).
    Years(Num),
    /// An `Onset` discriminant (possibly invalid: then left out).
    Class(u32),
}

/// A differential query.
#[derive(Debug, Clone, Arbitrary)]
pub struct Input<'a> {
    /// Findings present.
    pub observed: Vec<TermArg<'a>>,
    /// Findings absent.
    pub excluded: Vec<TermArg<'a>>,
    /// Age of onset.
    pub onset: Option<OnsetArg>,
    /// A `Sex` discriminant (possibly invalid: then left out).
    pub sex: Option<u32>,
    /// Extra likelihood ratios: (disorder modulo 20, ratio).
    pub evidence: Vec<(u8, Num)>,
    /// Whether the strict run comes first (both runs are always made).
    pub strict_first: bool,
}

/// Decodes the input and checks the differential.
pub fn check(data: &[u8]) {
    if let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) {
        check_input(&input);
    }
}

/// Runs the query leniently, strictly and with the term lists reversed, and checks all three.
pub fn check_input(input: &Input<'_>) {
    let observed: Vec<TermInput<'_>> = input.observed.iter().take(MAX_TERMS).map(|t| t.input()).collect();
    let excluded: Vec<TermInput<'_>> = input.excluded.iter().take(MAX_TERMS).map(|t| t.input()).collect();
    let evidence = evidence_of(input);
    let onset = onset_of(input);
    let sex = sex_of(input);
    let query = Query {
        observed: &observed,
        excluded: &excluded,
        onset,
        sex,
        evidence: &evidence,
        strict: false,
    };
    let strict_query = Query { strict: true, ..query };
    let (lenient, strict) = if input.strict_first {
        let strict = strict_query.run();
        (query.run(), strict)
    } else {
        let lenient = query.run();
        (lenient, strict_query.run())
    };
    // An invalid age of onset, then an invalid likelihood ratio, fails both modes with the same error.
    let invalid_argument = onset.and_then(|o| o.class().err()).or_else(|| {
        evidence
            .iter()
            .any(|(_, lr)| !(lr.is_finite() && *lr > 0.0))
            .then_some(Error::InvalidArgument {
                name: "likelihood ratio",
                reason: "must be finite and above 0",
            })
    });
    if let Some(expected) = invalid_argument {
        assert_eq!(lenient.err(), Some(expected), "lenient mode; input {input:?}");
        assert_eq!(strict.err(), Some(expected), "strict mode; input {input:?}");
        return;
    }
    let lenient = match lenient {
        Ok(r) => r,
        // Only when findings were given and not one could be read: then the first one's error, which is also
        // strict mode's, and each finding fails alone.
        Err(e) => {
            check_lenient_failure(&e, strict.as_ref().err(), &observed, &excluded, input);
            return;
        }
    };
    check_result(&lenient, &query, input);
    check_strict(strict, &lenient, input);
    check_reversed(&query, &lenient, input);
}

/// The likelihood ratios given, each for a disorder picked by its byte.
fn evidence_of(input: &Input<'_>) -> Vec<(Disorder, f64)> {
    input
        .evidence
        .iter()
        .take(MAX_TERMS)
        .map(|(d, lr)| (Disorder::ALL[usize::from(*d) % Disorder::COUNT], lr.value()))
        .collect()
}

/// The age of onset given (an unknown class counts as none).
fn onset_of(input: &Input<'_>) -> Option<AgeOfOnset> {
    match input.onset {
        None => None,
        Some(OnsetArg::Years(y)) => Some(AgeOfOnset::Years(y.value())),
        Some(OnsetArg::Class(c)) => Onset::from_discriminant(c).ok().map(AgeOfOnset::Class),
    }
}

/// The sex given (1 female, 2 male, anything else none).
fn sex_of(input: &Input<'_>) -> Option<Sex> {
    match input.sex {
        Some(1) => Some(Sex::Female),
        Some(2) => Some(Sex::Male),
        _ => None,
    }
}

/// A lenient run fails only when findings were given and not one could be read: then the first one's error,
/// which is also strict mode's, and each finding fails alone.
fn check_lenient_failure(
    e: &Error,
    strict: Option<&Error>,
    observed: &[TermInput<'_>],
    excluded: &[TermInput<'_>],
    input: &Input<'_>,
) {
    assert!(
        !observed.is_empty() || !excluded.is_empty(),
        "the lenient differential failed with {e:?} ({e}) without findings; input {input:?}"
    );
    assert_eq!(strict, Some(e), "lenient and strict errors differ; input {input:?}");
    for finding in observed.iter().chain(excluded) {
        let alone = [*finding];
        assert!(
            Query::new(&alone).strict(true).run().is_err(),
            "the lenient differential failed with {e:?} though {finding:?} is usable; input {input:?}"
        );
    }
}

/// Strict mode fails with the first term the lenient run rejects, and otherwise agrees with it.
fn check_strict(strict: marrowkb::Result<Differential>, lenient: &Differential, input: &Input<'_>) {
    let first_problem = lenient.inputs.iter().find_map(|r| r.error);
    match (strict, first_problem) {
        (Ok(r), None) => assert_eq!(&r, lenient, "strict and lenient results differ; input {input:?}"),
        (Err(e), Some(expected)) => {
            assert_eq!(
                e, expected,
                "strict mode failed with another error than the first problem; {input:?}"
            );
            assert!(!e.to_string().is_empty());
        }
        (Ok(_), Some(expected)) => panic!("strict mode accepted an input with {expected:?}; input {input:?}"),
        (Err(e), None) => panic!("strict mode failed with {e:?} although nothing was rejected; input {input:?}"),
    }
}

/// The order of the terms changes nothing.
fn check_reversed(query: &Query<'_>, lenient: &Differential, input: &Input<'_>) {
    let (observed, excluded) = (query.observed, query.excluded);
    let observed_rev: Vec<TermInput<'_>> = observed.iter().rev().copied().collect();
    let excluded_rev: Vec<TermInput<'_>> = excluded.iter().rev().copied().collect();
    let reversed = Query {
        observed: &observed_rev,
        excluded: &excluded_rev,
        ..*query
    };
    match reversed.run() {
        Ok(r) => {
            assert_eq!(
                r.ranking, lenient.ranking,
                "reversing the terms changed the ranking; input {input:?}"
            );
            assert_eq!((&r.observed, &r.excluded), (&lenient.observed, &lenient.excluded));
            for d in Disorder::ALL {
                assert_eq!(r.matches(d), lenient.matches(d), "{d:?}: matches depend on term order");
                assert_eq!(
                    r.absences(d),
                    lenient.absences(d),
                    "{d:?}: absences depend on term order"
                );
                assert_eq!(
                    r.missing(d),
                    lenient.missing(d),
                    "{d:?}: missing hallmarks depend on term order"
                );
            }
        }
        Err(e) => panic!("the reversed lenient differential failed with {e:?}; input {input:?}"),
    }
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * scale.max(1.0)
}

/// Checks one result against its query.
pub fn check_result(r: &Differential, query: &Query<'_>, input: &Input<'_>) {
    check_ranking(r, query, input);
    check_input_reports(r, query);
    check_terms_used(r);
    check_explanations(r);
    check_onset_and_sex(r, query);
}

/// The ranking: every disorder once, ranked 1..=20, sorted, finite, parts adding up.
fn check_ranking(r: &Differential, query: &Query<'_>, input: &Input<'_>) {
    assert_eq!(r.ranking.len(), Disorder::COUNT, "{input:?}");
    let mut seen: Vec<u32> = r.ranking.iter().map(|x| x.disorder.discriminant()).collect();
    seen.sort_unstable();
    let mut all: Vec<u32> = Disorder::ALL.iter().map(|d| d.discriminant()).collect();
    all.sort_unstable();
    assert_eq!(
        seen, all,
        "the ranking is not a permutation of the disorders; input {input:?}"
    );
    let mut total = 0.0;
    for (i, x) in r.ranking.iter().enumerate() {
        assert_eq!(x.rank, i + 1, "{x:?}");
        for (what, v) in [
            ("score", x.score),
            ("posterior", x.posterior),
            ("phenotype", x.phenotype),
            ("absent", x.absent),
            ("hallmarks", x.hallmarks),
            ("subtypes", x.subtypes),
            ("onset", x.onset),
            ("sex", x.sex),
            ("evidence", x.evidence),
        ] {
            assert!(v.is_finite(), "{:?}: {what} is {v}; input {input:?}", x.disorder);
        }
        assert!((0.0..=1.0).contains(&x.posterior), "{x:?}");
        assert!(x.hallmarks <= 0.0 && x.subtypes <= 0.0, "{x:?}");
        let parts = [
            x.phenotype,
            x.absent,
            x.hallmarks,
            x.subtypes,
            x.onset,
            x.sex,
            x.evidence,
        ];
        let scale: f64 = parts.iter().map(|p| p.abs()).sum();
        assert!(
            close(x.score, parts.iter().sum(), scale),
            "{x:?}: parts do not add up to the score"
        );
        let lrs: f64 = query
            .evidence
            .iter()
            .filter(|(d, lr)| *d == x.disorder && lr.is_finite() && *lr > 0.0)
            .map(|(_, lr)| lr.log10())
            .sum();
        assert!(
            close(x.evidence, lrs, lrs.abs()),
            "{x:?}: evidence part is not the log10 of the ratios given"
        );
        total += x.posterior;
        assert_eq!(r.get(x.disorder), Some(x));
    }
    assert!((total - 1.0).abs() < 1e-9, "posteriors sum to {total}; input {input:?}");
    for pair in r.ranking.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            a.score > b.score || (a.score == b.score && a.disorder.discriminant() < b.disorder.discriminant()),
            "ranking not sorted: {a:?} before {b:?}"
        );
        assert!(
            a.posterior >= b.posterior,
            "posterior not monotone in score: {a:?} {b:?}"
        );
    }
}

/// Every input reported, in order, with a status that agrees with its error.
fn check_input_reports(r: &Differential, query: &Query<'_>) {
    assert_eq!(r.inputs.len(), query.observed.len() + query.excluded.len());
    for (i, report) in r.inputs.iter().enumerate() {
        let (excluded, position) = if i < query.observed.len() {
            (false, i)
        } else {
            (true, i - query.observed.len())
        };
        assert_eq!((report.excluded, report.position), (excluded, position), "{report:?}");
        let rejected = matches!(
            report.status,
            InputStatus::Malformed | InputStatus::Unknown | InputStatus::Obsolete
        );
        assert_eq!(report.error.is_some(), rejected, "{report:?}");
        assert_eq!(report.term.is_some(), !rejected, "{report:?}");
        match (report.status, report.error) {
            (
                InputStatus::Malformed,
                Some(Error::MalformedId { .. } | Error::EmptyInput | Error::InputTooLong { .. }),
            ) => assert!(report.requested.is_none()),
            (InputStatus::Unknown, Some(Error::UnknownTerm { .. } | Error::AmbiguousTerm { .. })) => {
                assert!(report.requested.is_none())
            }
            (InputStatus::Obsolete, Some(Error::ObsoleteId { id, .. })) => {
                assert_eq!(report.requested.map(HpoId::get), Some(id), "{report:?}");
            }
            (InputStatus::Unknown, Some(Error::UnknownId { .. })) => {}
            (_, None) => {}
            other => panic!("status and error disagree: {other:?} in {report:?}"),
        }
        if let Some(t) = report.term {
            let list = if excluded { &r.excluded } else { &r.observed };
            // A term is implied by another of its list: a more specific observed one, a broader excluded one.
            let implied = if excluded {
                list.iter().any(|&o| o != t && t.is_a(o))
            } else {
                list.iter().any(|&o| o != t && o.is_a(t))
            };
            match report.status {
                InputStatus::Used | InputStatus::Replaced | InputStatus::Duplicate => {
                    assert!(
                        list.contains(&t) || implied,
                        "{report:?}: its term is not among the terms used"
                    );
                }
                InputStatus::Implied => assert!(implied && !list.contains(&t), "{report:?}"),
                InputStatus::Conflict => assert!(excluded && r.observed.contains(&t), "{report:?}"),
                InputStatus::NotPhenotype => assert!(!t.is_phenotypic_abnormality(), "{report:?}"),
                other => panic!("{report:?}: status {other:?} with a term"),
            }
            if report.status == InputStatus::Replaced {
                assert_ne!(report.requested, Some(t.id()), "{report:?}");
            }
        }
    }
    assert!(r.rejected().all(|x| x.error.is_some()));
}

/// The terms used: sorted, unique, phenotypic abnormalities, observed and excluded disjoint.
fn check_terms_used(r: &Differential) {
    for list in [&r.observed, &r.excluded] {
        for pair in list.windows(2) {
            assert!(pair[0] < pair[1], "terms not sorted or duplicated: {pair:?}");
        }
        assert!(list.iter().all(|t| t.is_phenotypic_abnormality()));
    }
    assert!(
        !r.excluded.iter().any(|t| r.observed.contains(t)),
        "a term both observed and excluded"
    );
    let used = r.inputs.iter().filter(|x| x.status.is_used()).count();
    assert_eq!(used, r.observed.len() + r.excluded.len(), "used inputs vs terms used");
}

/// Explanations: one per term and disorder, finite positive likelihood ratios that make the parts.
fn check_explanations(r: &Differential) {
    for x in &r.ranking {
        let d = x.disorder;
        let matches = r.matches(d);
        assert_eq!(matches.len(), r.observed.len());
        let mut log = 0.0;
        for (m, t) in matches.iter().zip(&r.observed) {
            assert_eq!(m.term, *t);
            assert!(
                m.likelihood_ratio.is_finite() && m.likelihood_ratio > 0.0,
                "{d:?}: {m:?}"
            );
            match m.kind {
                MatchKind::Contradicted => assert_eq!(m.likelihood_ratio, CONTRADICTION_LR),
                MatchKind::Unexplained => assert_eq!(m.likelihood_ratio, NOISE),
                _ => assert!(m.likelihood_ratio >= NOISE, "{d:?}: {m:?} below the noise floor"),
            }
            log += m.log10_lr();
        }
        assert!(
            close(x.phenotype, log, log.abs()),
            "{d:?}: phenotype {} vs sum {log}",
            x.phenotype
        );
        let absences = r.absences(d);
        assert_eq!(absences.len(), r.excluded.len());
        let mut log = 0.0;
        for (a, t) in absences.iter().zip(&r.excluded) {
            assert_eq!(a.term, *t);
            assert!(
                a.likelihood_ratio.is_finite() && a.likelihood_ratio > 0.0,
                "{d:?}: {a:?}"
            );
            log += a.log10_lr();
        }
        assert!(
            close(x.absent, log, log.abs()),
            "{d:?}: absent {} vs sum {log}",
            x.absent
        );
        let missing = r.missing(d);
        for m in missing {
            assert!(m.frequency > 0.0 && m.frequency <= 1.0, "{d:?}: {m:?}");
        }
    }
}

/// The onset class and sex of the result, and no onset or sex part without them.
fn check_onset_and_sex(r: &Differential, query: &Query<'_>) {
    assert_eq!(r.sex, query.sex);
    let onset = query.onset.and_then(|o| o.class().ok());
    assert_eq!(r.onset, onset, "onset class");
    if query.onset.is_none() || onset.is_none() {
        assert!(r.ranking.iter().all(|x| x.onset == 0.0), "onset part without an onset");
    }
    if query.sex.is_none() {
        assert!(r.ranking.iter().all(|x| x.sex == 0.0), "sex part without a sex");
    }
}
