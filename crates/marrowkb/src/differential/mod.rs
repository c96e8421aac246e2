//! Phenotype-driven differential diagnosis over the 20 disorders: give the patient's findings as HPO terms
//! (or [`Symptom`]s), the findings they do not have, and optionally age of onset, sex and extra likelihood
//! ratios (e.g. from a blood count); get every disorder ranked with a likelihood ratio, a posterior
//! probability and an explanation.
//!
//! ```
//! use marrowkb::differential::{Query, Sex, TermInput};
//! use marrowkb::Disorder;
//!
//! let observed = [TermInput::Text("HP:0001873"), TermInput::Text("HP:0003974")]; // thrombocytopenia, absent radius
//! let excluded = [TermInput::Text("HP:0009777")];                               // thumbs are present
//! let result = Query::new(&observed).excluding(&excluded).age_of_onset_years(0.0).sex(Sex::Female).run()?;
//!
//! let best = &result.ranking[0];
//! assert_eq!(best.disorder, Disorder::ThrombocytopeniaAbsentRadius);
//! assert!(best.posterior > 0.5);
//! for m in result.matches(best.disorder) {
//!     println!("{} {} via {:?}: {:+.2}", m.term, m.kind.key(), m.via.map(|t| t.name()), m.log10_lr());
//! }
//! # Ok::<(), marrowkb::Error>(())
//! ```
//!
//! # The model
//!
//! A likelihood-ratio model in the spirit of LIRICAL (Robinson et al. 2020), over the phenotype profiles of
//! [`profile`]. For a disorder *D* and each piece of evidence *e*, `LR(e) = P(e | D) / P(e | background)`,
//! where the background is a disease drawn from all 12 680 diseases `phenotype.hpoa` annotates. The score of
//! *D* is `log10` of the product of all LRs (pieces treated as independent); the posterior is
//! `LR(D) / Σ LR` over the 20 disorders (uniform prior: the patient has one of them).
//!
//! **Reported findings are a sample of the disorder's manifestations.** A patient (or case report) lists a
//! handful of findings, not every feature the disorder can have. So the probability of a reported finding
//! *h* under *D* is the *share* of *D*'s manifestations that fall under *h*: `S(h) = Σ f(t) / M`, summing
//! the frequencies `f(t)` of *D*'s features *t* that are *h* or its descendants, over the disorder's
//! manifestation mass `M = Σ f` (the expected number of features a patient has). A disorder with many
//! possible features makes each one less likely to be the one reported; given how many findings were
//! reported, this is the consistent way to compare a disorder with 10 features and one with 300 (the
//! closed-world terms for unreported features then cancel). The background is the same quantity over all
//! annotated diseases, [`Term::background_share`] `q(h)`.
//!
//! **An observed finding *h*** is explained by the best of these:
//! - *exact / broader*: *h* is a feature of *D* or an ancestor of some (the patient was less specific):
//!   `P = S(h)`.
//! - *narrower*: *h* is a descendant of a direct feature *a* (the patient was more specific than the
//!   annotation): `P = f(a)/M · q(h)/q(a)`, i.e. *D*'s cases of *a* split over *a*'s subclasses as they do
//!   across all diseases, so `LR ≈ LR(a)`.
//! - *related*: *h* and features of *D* share the ancestor *a* (below Phenotypic abnormality), which *D*
//!   carries only by implication: `P = γ · S(a) · q(h)/q(a)` with [`RELATED_WEIGHT`] `γ = 0.25`, since *D*'s
//!   cases of *a* are known to take other forms than *h*.
//!
//! A finding may also be unrelated to the disorder (comorbidity, chance, incomplete annotation): with
//! probability [`NOISE`] `ε = 0.1` a reported finding comes from the background, so
//! `P(h | D) = (1 − ε) · P + ε · q(h)` and `LR = (1 − ε) · P / q(h) + ε`. An unrelated finding therefore costs
//! one log10 unit at most (*unexplained*). A finding that *D* excludes (curated `excluded`, `NOT`
//! annotations), or a descendant of one, gets `LR =` [`CONTRADICTION_LR`] `= 0.01` (*contradicted*).
//!
//! **An excluded finding *h*** (the patient was examined for it and does not have it) is about presence, not
//! reporting: `P(absent | D) = 1 − F(h)`, where the *implied frequency* `F(h)` is the largest frequency of
//! *D*'s features that are *h* or below it (whoever has a feature has all its ancestors), or
//! `f(a) · B(h)/B(a)` when *h* is below a direct feature *a*; at least [`MIN_ABSENCE`] `= 0.01`, so one
//! wrong exclusion cannot rule out a disorder. The background is `1 − B(h)`, with `B(h)` =
//! [`Term::disease_fraction`] the fraction of annotated diseases that carry *h*.
//!
//! **Age of onset** (an [`Onset`] class, or an age in years converted with [`Onset::age_years`]): each
//! disorder's curated onset classes get weight 1, neighbouring classes `0.3^distance`; normalized over the
//! six classes this is `P(class | D)`, and the LR is taken against the mean over the 20 disorders (onset is
//! soft evidence: people are diagnosed after onset).
//!
//! **Sex**: for disorders inherited only X-linked recessively, `P(male) = 0.98`; only X-linked dominantly,
//! `P(female) = 2/3`; otherwise sex carries no information. LR against 1/2.
//!
//! **Extra evidence**: [`Query::evidence`] takes per-disorder likelihood ratios (for instance from the
//! blood-count module) and multiplies them in.
//!
//! Hallmarks (features at least 80 % frequent) that no finding covers are listed per disorder but not
//! scored: a finding not reported is not a finding absent.
//!
//! **Determinism**: inputs are resolved, de-duplicated and sorted by id before scoring, so the order of the
//! terms does not change any number. Disorders with equal scores are ranked by ascending discriminant.
//!
//! **Cost**: one ancestor walk per finding over static postings; nothing is allocated beyond the result
//! (seven vectors, each allocated once at its final size).

pub(crate) mod profile;
mod result;

pub use profile::{ProfileFeature, ProfileSource, profile};
pub use result::{
    AbsenceKind, AbsenceMatch, Differential, InputReport, InputStatus, MatchKind, MissingHallmark, Ranked, TermMatch,
};

use crate::classes::{Inheritance, Onset};
use crate::codes::HpoId;
use crate::hpo::{self, Term};
use crate::{Disorder, Error, Result, Symptom};
use profile::{DIRECT, EXCLUDED, NO_HALLMARK, hallmarks, postings, probability, profile_mass};

/// Probability `ε` that a reported finding is unrelated to the patient's disorder (noise, comorbidity,
/// annotation gaps): the smallest likelihood ratio an observed finding can get, unless contradicted.
///
/// ```
/// assert_eq!(marrowkb::differential::NOISE, 0.1);
/// ```
pub const NOISE: f64 = 0.1;

/// Weight `γ` of a match through a common ancestor that the disorder carries only by implication.
///
/// ```
/// assert!(marrowkb::differential::RELATED_WEIGHT < 1.0);
/// ```
pub const RELATED_WEIGHT: f64 = 0.25;

/// Likelihood ratio of an observed finding that the disorder is known not to have.
///
/// ```
/// assert_eq!(marrowkb::differential::CONTRADICTION_LR, 0.01);
/// ```
pub const CONTRADICTION_LR: f64 = 0.01;

/// The least probability that a patient with a disorder lacks one of its features (even obligate ones:
/// findings get missed and mis-recorded).
///
/// ```
/// assert_eq!(marrowkb::differential::MIN_ABSENCE, 0.01);
/// ```
pub const MIN_ABSENCE: f64 = 0.01;

/// Weight of an onset class `n` classes away from one the disorder has: `ONSET_DECAY^n`.
const ONSET_DECAY: f64 = 0.3;

/// The patient's sex: the same type the blood-count module takes.
///
/// ```
/// use marrowkb::differential::Sex;
/// assert_eq!("female".parse::<Sex>().unwrap(), Sex::Female);
/// assert_eq!(Sex::Male.key(), "male");
/// ```
pub use crate::blood_count::Sex;

/// When the findings began: an age in years, or an HPO onset class.
///
/// ```
/// use marrowkb::differential::AgeOfOnset;
/// use marrowkb::classes::Onset;
/// assert_eq!(AgeOfOnset::Years(3.0).class(), Ok(Onset::Childhood));
/// assert_eq!(AgeOfOnset::Years(0.0).class(), Ok(Onset::Congenital));
/// assert!(AgeOfOnset::Years(-1.0).class().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AgeOfOnset {
    /// Age in years (0 = at birth).
    Years(f64),
    /// An onset class.
    Class(Onset),
}

impl AgeOfOnset {
    /// The onset class (`Onset::age_years` ranges; exactly 0 is congenital).
    ///
    /// ```
    /// use marrowkb::{classes::Onset, differential::AgeOfOnset};
    /// assert_eq!(AgeOfOnset::Years(30.0).class(), Ok(Onset::Adult));
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a negative or non-finite age.
    pub fn class(self) -> Result<Onset> {
        match self {
            AgeOfOnset::Class(c) => Ok(c),
            AgeOfOnset::Years(y) if !y.is_finite() || y < 0.0 => Err(Error::InvalidArgument {
                name: "age of onset",
                reason: "must be a finite number of years, 0 or more",
            }),
            AgeOfOnset::Years(y) => {
                if y == 0.0 {
                    return Ok(Onset::Congenital);
                }
                Ok(Onset::ALL
                    .iter()
                    .copied()
                    .find(|o| {
                        let (from, to) = o.age_years();
                        y >= from && y < to
                    })
                    .unwrap_or(Onset::Adult))
            }
        }
    }
}

/// One input term: text (an HPO id, a symptom, or an HPO label or synonym, resolved by
/// [`crate::finding::find`]), a parsed id, a [`Term`], or a [`Symptom`] (its primary HPO id).
///
/// ```
/// use marrowkb::differential::TermInput;
/// use marrowkb::{Symptom, codes::HpoId};
/// let inputs = [
///     TermInput::from("HP:0001873"),
///     TermInput::from(HpoId::new(3974)),
///     TermInput::from(Symptom::from_key("neutropenia").unwrap()),
/// ];
/// assert_eq!(inputs.len(), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermInput<'a> {
    /// Text: `HP:0001873`, `0001873`, `HP_0001873`, `thrombocytopenia`, `low platelet count`…
    Text(&'a str),
    /// A parsed id (may be obsolete or unknown).
    Id(HpoId),
    /// A current term.
    Term(Term),
    /// A symptom: its primary HPO term.
    Symptom(Symptom),
}

impl<'a> From<&'a str> for TermInput<'a> {
    fn from(text: &'a str) -> Self {
        TermInput::Text(text)
    }
}
impl<'a> From<&'a String> for TermInput<'a> {
    fn from(text: &'a String) -> Self {
        TermInput::Text(text)
    }
}
impl From<HpoId> for TermInput<'_> {
    fn from(id: HpoId) -> Self {
        TermInput::Id(id)
    }
}
impl From<u32> for TermInput<'_> {
    fn from(number: u32) -> Self {
        TermInput::Id(HpoId::new(number))
    }
}
impl From<Term> for TermInput<'_> {
    fn from(term: Term) -> Self {
        TermInput::Term(term)
    }
}
impl From<Symptom> for TermInput<'_> {
    fn from(symptom: Symptom) -> Self {
        TermInput::Symptom(symptom)
    }
}

impl TermInput<'_> {
    /// Resolves to a current term: `Ok((parsed id, resolution))` or the reason it cannot be used.
    fn resolve(self) -> (Option<HpoId>, Result<hpo::Resolved>) {
        match self {
            // The one findings resolver: an id, a symptom, or an HPO label or synonym.
            TermInput::Text(text) => match crate::finding::find(text) {
                Ok(f) => (
                    f.requested.or(Some(f.term.id())),
                    Ok(hpo::Resolved {
                        term: f.term,
                        requested: f.requested.unwrap_or(f.term.id()),
                        replaced: match f.matched {
                            crate::finding::Matched::ReplacedId(how) => Some(how),
                            _ => None,
                        },
                    }),
                ),
                // An id that parses but cannot be used (unknown, obsolete) is still reported as requested.
                Err(e) => (HpoId::parse(text).ok(), Err(e)),
            },
            TermInput::Id(id) => (Some(id), hpo::resolve(id)),
            TermInput::Term(t) => (
                Some(t.id()),
                Ok(hpo::Resolved {
                    term: t,
                    requested: t.id(),
                    replaced: None,
                }),
            ),
            TermInput::Symptom(s) => match s.info().hpo.first() {
                Some(&id) => (Some(id), hpo::resolve(id)),
                None => (
                    None,
                    Err(Error::UnknownId {
                        kind: crate::codes::IdKind::Hpo,
                    }),
                ),
            },
        }
    }
}

/// A differential's input: plain data, cheap to build; run it with [`Query::run`] or [`differential`].
///
/// ```
/// use marrowkb::differential::{Query, TermInput};
/// use marrowkb::{Disorder, Symptom};
/// let observed = [
///     TermInput::Symptom(Symptom::from_key("neutropenia").unwrap()),
///     TermInput::Text("HP:0001738"), // exocrine pancreatic insufficiency
/// ];
/// let result = Query::new(&observed).run()?;
/// assert_eq!(result.ranking[0].disorder, Disorder::ShwachmanDiamondSyndrome);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Query<'a> {
    /// Findings the patient has.
    pub observed: &'a [TermInput<'a>],
    /// Findings the patient does not have.
    pub excluded: &'a [TermInput<'a>],
    /// When the findings began.
    pub onset: Option<AgeOfOnset>,
    /// The patient's sex.
    pub sex: Option<Sex>,
    /// Extra per-disorder likelihood ratios (multiplied in; a disorder may appear several times, disorders
    /// not listed get 1). The blood-count module provides these.
    pub evidence: &'a [(Disorder, f64)],
    /// Fail on the first input that cannot be used instead of reporting it in [`Differential::inputs`].
    pub strict: bool,
}

impl<'a> Query<'a> {
    /// A query with these observed findings and nothing else.
    ///
    /// ```
    /// let q = marrowkb::differential::Query::new(&[]);
    /// assert!(q.excluded.is_empty() && !q.strict);
    /// ```
    pub const fn new(observed: &'a [TermInput<'a>]) -> Self {
        Query {
            observed,
            excluded: &[],
            onset: None,
            sex: None,
            evidence: &[],
            strict: false,
        }
    }

    /// Sets the findings the patient does not have.
    ///
    /// ```
    /// use marrowkb::differential::{Query, TermInput};
    /// let q = Query::new(&[]).excluding(&[TermInput::Text("HP:0000252")]);
    /// assert_eq!(q.excluded.len(), 1);
    /// ```
    pub const fn excluding(mut self, excluded: &'a [TermInput<'a>]) -> Self {
        self.excluded = excluded;
        self
    }

    /// Sets the age of onset in years.
    ///
    /// ```
    /// use marrowkb::differential::{AgeOfOnset, Query};
    /// assert_eq!(Query::new(&[]).age_of_onset_years(3.0).onset, Some(AgeOfOnset::Years(3.0)));
    /// ```
    pub const fn age_of_onset_years(mut self, years: f64) -> Self {
        self.onset = Some(AgeOfOnset::Years(years));
        self
    }

    /// Sets the onset class.
    ///
    /// ```
    /// use marrowkb::{classes::Onset, differential::{AgeOfOnset, Query}};
    /// assert_eq!(Query::new(&[]).onset(Onset::Adult).onset, Some(AgeOfOnset::Class(Onset::Adult)));
    /// ```
    pub const fn onset(mut self, onset: Onset) -> Self {
        self.onset = Some(AgeOfOnset::Class(onset));
        self
    }

    /// Sets the patient's sex.
    ///
    /// ```
    /// use marrowkb::differential::{Query, Sex};
    /// assert_eq!(Query::new(&[]).sex(Sex::Male).sex, Some(Sex::Male));
    /// ```
    pub const fn sex(mut self, sex: Sex) -> Self {
        self.sex = Some(sex);
        self
    }

    /// Sets extra per-disorder likelihood ratios (e.g. blood-count evidence).
    ///
    /// ```
    /// use marrowkb::differential::Query;
    /// use marrowkb::Disorder;
    /// let lr = [(Disorder::CyclicNeutropenia, 100.0)];
    /// let r = Query::new(&[]).evidence(&lr).run()?;
    /// assert_eq!(r.ranking[0].disorder, Disorder::CyclicNeutropenia);
    /// assert_eq!(r.ranking[0].evidence, 2.0);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub const fn evidence(mut self, likelihood_ratios: &'a [(Disorder, f64)]) -> Self {
        self.evidence = likelihood_ratios;
        self
    }

    /// Sets strict mode: the first input that cannot be used is an error.
    ///
    /// ```
    /// use marrowkb::differential::{Query, TermInput};
    /// let inputs = [TermInput::Text("HP:0001873"), TermInput::Text("HP:000187x")];
    /// assert!(Query::new(&inputs).strict(true).run().is_err());
    /// assert!(Query::new(&inputs).run().is_ok());
    /// ```
    pub const fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Runs the differential: see [`differential`].
    ///
    /// ```
    /// let r = marrowkb::differential::Query::new(&[]).run()?;
    /// assert_eq!(r.ranking.len(), marrowkb::Disorder::COUNT);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`differential`].
    pub fn run(&self) -> Result<Differential> {
        differential(self)
    }
}

/// Ranks the 20 disorders for a patient: see the [module documentation](self) for the model.
///
/// ```
/// use marrowkb::differential::{Query, TermInput, differential};
/// use marrowkb::Disorder;
/// let observed = [TermInput::Text("HP:0001738"), TermInput::Text("HP:0001875"), TermInput::Text("HP:0100255")];
/// let result = differential(&Query::new(&observed))?;
/// assert_eq!(result.ranking[0].disorder, Disorder::ShwachmanDiamondSyndrome);
/// assert!((result.ranking.iter().map(|r| r.posterior).sum::<f64>() - 1.0).abs() < 1e-9);
/// # Ok::<(), marrowkb::Error>(())
/// ```
///
/// # Errors
/// Only in strict mode: the first input term that is malformed ([`Error::MalformedId`]), unknown
/// ([`Error::UnknownId`]) or obsolete without replacement ([`Error::ObsoleteId`]) — observed terms first,
/// then excluded ones — or an invalid age of onset or likelihood ratio ([`Error::InvalidArgument`]).
/// Without strict mode these are reported in [`Differential::inputs`] (and an invalid age or ratio is
/// ignored), unless no input at all could be read: then the first input's error is returned rather than a
/// ranking of nothing. Text inputs that name no term give [`Error::UnknownTerm`] (with suggestions) or
/// [`Error::AmbiguousTerm`] (with the candidates).
pub fn differential(query: &Query<'_>) -> Result<Differential> {
    const N: usize = Disorder::COUNT;
    let mut inputs = Vec::with_capacity(query.observed.len() + query.excluded.len());
    let mut observed: Vec<Term> = Vec::with_capacity(query.observed.len());
    let mut excluded: Vec<Term> = Vec::with_capacity(query.excluded.len());
    for (is_excluded, list) in [(false, query.observed), (true, query.excluded)] {
        for (position, input) in list.iter().enumerate() {
            let (requested, resolution) = input.resolve();
            let mut report = InputReport {
                excluded: is_excluded,
                position,
                requested,
                term: None,
                status: InputStatus::Used,
                error: None,
            };
            match resolution {
                Err(e) => {
                    if query.strict {
                        return Err(e);
                    }
                    report.status = match e {
                        Error::MalformedId { .. } | Error::EmptyInput | Error::InputTooLong { .. } => {
                            InputStatus::Malformed
                        }
                        Error::ObsoleteId { .. } => InputStatus::Obsolete,
                        _ => InputStatus::Unknown,
                    };
                    report.error = Some(e);
                }
                Ok(r) => {
                    let t = r.term;
                    report.term = Some(t);
                    report.status = if !t.is_phenotypic_abnormality() {
                        InputStatus::NotPhenotype
                    } else if !is_excluded && observed.contains(&t) || is_excluded && excluded.contains(&t) {
                        InputStatus::Duplicate
                    } else if is_excluded && observed.contains(&t) {
                        InputStatus::Conflict
                    } else {
                        if is_excluded {
                            excluded.push(t)
                        } else {
                            observed.push(t)
                        }
                        if r.replaced.is_some() {
                            InputStatus::Replaced
                        } else {
                            InputStatus::Used
                        }
                    };
                }
            }
            inputs.push(report);
        }
    }
    // Findings were given but not one could be read: an error, not a ranking of nothing.
    if inputs.iter().all(|r| r.error.is_some())
        && let Some(e) = inputs.iter().find_map(|r| r.error)
    {
        return Err(e);
    }
    observed.sort_unstable();
    excluded.sort_unstable();

    let onset = match query.onset.map(AgeOfOnset::class) {
        Some(Err(e)) if query.strict => return Err(e),
        Some(Ok(c)) => Some(c),
        _ => None,
    };
    if query.strict && query.evidence.iter().any(|(_, lr)| !valid_lr(*lr)) {
        return Err(Error::InvalidArgument {
            name: "likelihood ratio",
            reason: "must be finite and above 0",
        });
    }

    let mut phenotype = [Log10Product::ONE; N];
    let mut absent = [Log10Product::ONE; N];
    let mut covered = [0u32; N];

    // Observed findings.
    let n_obs = observed.len();
    let mut matches = vec![TermMatch::PLACEHOLDER; N * n_obs];
    // Direct frequencies are stored in 1/10000: scale them to shares of each disorder's mass at once.
    let inverse_mass: [f64; N] = core::array::from_fn(|d| 1.0 / (10000.0 * profile_mass(d)));
    for (i, &h) in observed.iter().enumerate() {
        let mut best = [Best::NONE; N];
        let qh = h.background_share();
        for a in h.self_and_ancestors() {
            let is_self = a == h;
            if !is_self && a == Term::PHENOTYPIC_ABNORMALITY {
                continue;
            }
            let list = postings(a);
            if list.is_empty() {
                continue;
            }
            let ratio = if is_self { 1.0 } else { qh / a.background_share() };
            for p in list {
                let d = usize::from(p.disorder);
                let (Some(b), Some(cov)) = (best.get_mut(d), covered.get_mut(d)) else {
                    continue;
                };
                if p.flags & EXCLUDED != 0 {
                    b.contradiction.get_or_insert(a);
                    continue;
                }
                let share = f64::from(p.share);
                let source = Term::at(p.source);
                if is_self {
                    *cov |= p.mask;
                    if p.flags & DIRECT != 0 {
                        b.offer(share, MatchKind::Exact, h, h, p.implied);
                    } else {
                        b.offer(share, MatchKind::Broader, source, h, p.implied);
                    }
                } else {
                    if p.flags & DIRECT != 0 {
                        let bit = p.flags & NO_HALLMARK;
                        if bit != NO_HALLMARK {
                            *cov |= 1 << bit;
                        }
                        let direct_share = f64::from(p.direct) * inverse_mass.get(d).copied().unwrap_or(0.0);
                        b.offer(direct_share * ratio, MatchKind::Narrower, a, a, p.direct);
                    }
                    b.offer(RELATED_WEIGHT * share * ratio, MatchKind::Related, source, a, p.implied);
                }
            }
        }
        for (d, b) in best.iter().enumerate() {
            let m = match b.contradiction {
                Some(c) => TermMatch {
                    term: h,
                    kind: MatchKind::Contradicted,
                    feature: Some(c),
                    via: Some(c),
                    frequency: 0.0,
                    likelihood_ratio: CONTRADICTION_LR,
                },
                None if b.p > 0.0 => TermMatch {
                    term: h,
                    kind: b.kind,
                    feature: b.feature,
                    via: b.via,
                    frequency: probability(b.frequency),
                    likelihood_ratio: (1.0 - NOISE) * b.p / qh + NOISE,
                },
                None => TermMatch {
                    term: h,
                    kind: MatchKind::Unexplained,
                    feature: None,
                    via: None,
                    frequency: 0.0,
                    likelihood_ratio: NOISE,
                },
            };
            phenotype[d].mul(m.likelihood_ratio);
            if let Some(slot) = matches.get_mut(d * n_obs + i) {
                *slot = m;
            }
        }
    }

    // Excluded findings.
    let n_excl = excluded.len();
    let mut absences = vec![AbsenceMatch::PLACEHOLDER; N * n_excl];
    for (i, &h) in excluded.iter().enumerate() {
        let mut best = [Best::NONE; N];
        let bh = h.disease_fraction();
        for a in h.self_and_ancestors() {
            let is_self = a == h;
            if !is_self && a == Term::PHENOTYPIC_ABNORMALITY {
                continue;
            }
            let list = postings(a);
            if list.is_empty() {
                continue;
            }
            let ratio = if is_self { 1.0 } else { bh / a.disease_fraction() };
            for p in list {
                let d = usize::from(p.disorder);
                let (Some(b), Some(cov)) = (best.get_mut(d), covered.get_mut(d)) else {
                    continue;
                };
                if is_self {
                    if p.flags & EXCLUDED != 0 {
                        b.contradiction = Some(a);
                    } else {
                        *cov |= p.mask;
                        b.offer(
                            probability(p.implied),
                            MatchKind::Broader,
                            Term::at(p.source),
                            h,
                            p.implied,
                        );
                    }
                } else if p.flags & DIRECT != 0 {
                    b.offer(probability(p.direct) * ratio, MatchKind::Narrower, a, a, p.direct);
                }
            }
        }
        let background_absent = (1.0 - bh).max(MIN_ABSENCE);
        for (d, b) in best.iter().enumerate() {
            let m = match b.contradiction {
                Some(c) => AbsenceMatch {
                    term: h,
                    kind: AbsenceKind::Consistent,
                    feature: Some(c),
                    frequency: 0.0,
                    likelihood_ratio: 1.0 / background_absent,
                },
                None if b.p > 0.0 => AbsenceMatch {
                    term: h,
                    kind: AbsenceKind::Against,
                    feature: b.feature,
                    frequency: b.p,
                    likelihood_ratio: (1.0 - b.p).max(MIN_ABSENCE) / background_absent,
                },
                None => AbsenceMatch {
                    term: h,
                    kind: AbsenceKind::Neutral,
                    feature: None,
                    frequency: 0.0,
                    likelihood_ratio: 1.0 / background_absent,
                },
            };
            absent[d].mul(m.likelihood_ratio);
            if let Some(slot) = absences.get_mut(d * n_excl + i) {
                *slot = m;
            }
        }
    }

    // Hallmarks nothing covers.
    let capacity: usize = (0..N).map(|d| hallmarks(d).len()).sum();
    let mut missing = Vec::with_capacity(capacity);
    let mut missing_starts = [0u32; N + 1];
    for d in 0..N {
        for (bit, &(t, f)) in hallmarks(d).iter().enumerate() {
            if covered[d] & (1 << bit) == 0 {
                missing.push(MissingHallmark {
                    feature: Term::at(t),
                    frequency: probability(f),
                });
            }
        }
        missing_starts[d + 1] = missing.len() as u32;
    }

    // Onset, sex, extra evidence; totals and posterior.
    let onset_lr = onset.map(onset_likelihood_ratios);
    let mut ranking = Vec::with_capacity(N);
    for (d, disorder) in Disorder::ALL.iter().copied().enumerate() {
        let onset_part = onset_lr.map_or(0.0, |lrs| lrs[d].log10());
        let sex_part = query.sex.map_or(0.0, |s| (sex_probability(disorder, s) / 0.5).log10());
        let evidence_part: f64 = query
            .evidence
            .iter()
            .filter(|(e, lr)| *e == disorder && valid_lr(*lr))
            .map(|(_, lr)| lr.log10())
            .fold(0.0, |sum, x| sum + x); // not `sum()`, which starts from -0.0
        let (phenotype, absent) = (phenotype[d].log10(), absent[d].log10());
        let score = phenotype + absent + onset_part + sex_part + evidence_part;
        ranking.push(Ranked {
            rank: 0,
            disorder,
            score,
            posterior: 0.0,
            phenotype,
            absent,
            onset: onset_part,
            sex: sex_part,
            evidence: evidence_part,
        });
    }
    let max = ranking.iter().map(|r| r.score).fold(f64::NEG_INFINITY, f64::max);
    for r in &mut ranking {
        r.posterior = ((r.score - max) * core::f64::consts::LN_10).exp();
    }
    let total: f64 = ranking.iter().map(|r| r.posterior).sum();
    for r in &mut ranking {
        r.posterior /= total;
    }
    ranking.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.disorder.discriminant().cmp(&b.disorder.discriminant()))
    });
    for (i, r) in ranking.iter_mut().enumerate() {
        r.rank = i + 1;
    }

    Ok(Differential {
        ranking,
        observed,
        excluded,
        inputs,
        onset,
        sex: query.sex,
        matches,
        absences,
        missing,
        missing_starts,
    })
}

/// A product of likelihood ratios kept in linear space (one `log10` at the end instead of one per factor),
/// folded into a log10 sum whenever it leaves `[1e-150, 1e150]` so that it never overflows.
#[derive(Debug, Clone, Copy)]
struct Log10Product {
    linear: f64,
    log10: f64,
}

impl Log10Product {
    const ONE: Log10Product = Log10Product {
        linear: 1.0,
        log10: 0.0,
    };

    fn mul(&mut self, factor: f64) {
        self.linear *= factor;
        if !(1e-150..=1e150).contains(&self.linear) {
            self.log10 += self.linear.log10();
            self.linear = 1.0;
        }
    }

    fn log10(self) -> f64 {
        self.log10 + self.linear.log10()
    }
}

/// A usable likelihood ratio.
fn valid_lr(lr: f64) -> bool {
    lr.is_finite() && lr > 0.0
}

/// The best explanation of one finding for one disorder so far.
#[derive(Debug, Clone, Copy)]
struct Best {
    p: f64,
    kind: MatchKind,
    feature: Option<Term>,
    via: Option<Term>,
    /// The disorder's frequency of the matched term, stored (1/10000).
    frequency: u16,
    contradiction: Option<Term>,
}

impl Best {
    const NONE: Best = Best {
        p: 0.0,
        kind: MatchKind::Unexplained,
        feature: None,
        via: None,
        frequency: 0,
        contradiction: None,
    };

    /// Keeps the candidate if it explains the finding better (ties keep the earlier, more specific one).
    fn offer(&mut self, p: f64, kind: MatchKind, feature: Term, via: Term, frequency: u16) {
        if p > self.p {
            *self = Best {
                p,
                kind,
                feature: Some(feature),
                via: Some(via),
                frequency,
                contradiction: self.contradiction,
            };
        }
    }
}

impl TermMatch {
    const PLACEHOLDER: TermMatch = TermMatch {
        term: Term::ROOT,
        kind: MatchKind::Unexplained,
        feature: None,
        via: None,
        frequency: 0.0,
        likelihood_ratio: 1.0,
    };
}

impl AbsenceMatch {
    const PLACEHOLDER: AbsenceMatch = AbsenceMatch {
        term: Term::ROOT,
        kind: AbsenceKind::Neutral,
        feature: None,
        frequency: 0.0,
        likelihood_ratio: 1.0,
    };
}

/// Position of an onset class on the age axis.
fn onset_position(o: Onset) -> i32 {
    o as i32
}

/// `P(class | D)`: weight 1 for the disorder's classes, `ONSET_DECAY^distance` for others, normalized.
fn onset_probability(disorder: Disorder, class: Onset) -> f64 {
    let weight = |c: Onset| -> f64 {
        let classes = disorder.info().onset;
        if classes.is_empty() {
            return 1.0;
        }
        classes
            .iter()
            .map(|&o| ONSET_DECAY.powi((onset_position(o) - onset_position(c)).abs()))
            .fold(0.0, f64::max)
    };
    let total: f64 = Onset::ALL.iter().map(|&c| weight(c)).sum();
    weight(class) / total
}

/// Onset likelihood ratio of every disorder, against the mean over the 20 disorders.
fn onset_likelihood_ratios(class: Onset) -> [f64; Disorder::COUNT] {
    let mut p = [0.0; Disorder::COUNT];
    for (d, disorder) in Disorder::ALL.iter().enumerate() {
        p[d] = onset_probability(*disorder, class);
    }
    let mean = p.iter().sum::<f64>() / Disorder::COUNT as f64;
    for v in &mut p {
        *v /= mean;
    }
    p
}

/// `P(sex | D)` from the disorder's modes of inheritance.
fn sex_probability(disorder: Disorder, sex: Sex) -> f64 {
    let modes = disorder.info().inheritance;
    let all = |pred: fn(Inheritance) -> bool| !modes.is_empty() && modes.iter().all(|&m| pred(m));
    let p_male = if all(|m| matches!(m, Inheritance::XLinkedRecessive | Inheritance::XLinked)) {
        0.98
    } else if all(|m| m == Inheritance::XLinkedDominant) {
        1.0 / 3.0
    } else {
        0.5
    };
    match sex {
        Sex::Male => p_male,
        Sex::Female => 1.0 - p_male,
    }
}

#[cfg(test)]
mod tests;
