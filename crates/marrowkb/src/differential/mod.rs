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
//! *D* is `log10` of the product of all LRs; the posterior is `LR(D) / Σ LR` over the 20 disorders (uniform
//! prior: the patient has one of them).
//!
//! **Subtypes.** A patient has one form of a group disorder, not the union of 30 forms. A group disorder
//! (inherited thrombocytopenia, Fanconi anaemia, Diamond-Blackfan anaemia…) is scored per subtype: each
//! annotated ORPHA/OMIM `subtype` entry is a scoring unit whose profile is the disorder's base profile (curated
//! features, exact entries) plus the entry's own annotations ([`subtypes`]). One entry's annotations are
//! incomplete, so a subtype also borrows from its group's pooled profile (the base plus all subtypes'
//! annotations averaged): a finding's probability under a subtype is the larger of its own and
//! [`GROUP_BORROWING`] `= 0.1` times the pooled one. The disorder's likelihood is a mixture: the pooled profile
//! with weight [`POOLED_WEIGHT`] `= 0.2`, the subtypes sharing the rest equally. It is reported as the parts of
//! the most likely component plus [`Ranked::subtypes`] `= log10(mixture / that component) ≤ 0`; the
//! explanations are that component's, and [`Ranked::subtype`] names it when it is a subtype.
//!
//! **Reported findings are a sample of the disorder's manifestations.** A patient (or case report) lists a
//! handful of findings, not every feature the disorder can have. So the probability of a reported finding
//! *h* under *D* is the *share* of *D*'s manifestations that fall under *h*: `S(h) = Σ f(t) / M`, summing
//! the frequencies `f(t)` of *D*'s features *t* that are *h* or its descendants, over the disorder's
//! manifestation mass `M = Σ f` (the expected number of features a patient has). The background is the same
//! quantity over all annotated diseases, [`Term::background_share`] `q(h)`.
//!
//! **An observed finding *h*** is explained by the best of these:
//! - *exact / broader*: *h* is a feature of *D* or an ancestor of some (the patient was less specific):
//!   `P = S(h)`.
//! - *narrower*: *h* is a descendant of a direct feature *a* (the patient was more specific than the
//!   annotation): `P = f(a)/M · q(h)/q(a)`, i.e. *D*'s cases of *a* split over *a*'s subclasses as they do
//!   across all diseases, so `LR ≈ LR(a)`.
//! - *related*: *h* and features of *D* share the ancestor *a* (below Phenotypic abnormality), which *D*
//!   carries only by implication: `P = γ · S(a) · q(h)/q(a)` with [`RELATED_WEIGHT`] `γ = 0.05`. A match
//!   through a shared ancestor is weak evidence (*D*'s cases of *a* are known to take other forms than *h*),
//!   and the more general *a*, the less it says: "Abnormality of blood" shared by menorrhagia and anaemia
//!   must not make a bleeding sign evidence for aplastic anaemia.
//!
//! A finding may also be unrelated to the disorder (comorbidity, chance, incomplete annotation): with
//! probability [`NOISE`] `ε = 0.1` a reported finding comes from the background, so
//! `P(h | D) = (1 − ε) · P + ε · q(h)` and `LR = (1 − ε) · P / q(h) + ε`. An unrelated finding therefore costs
//! one log10 unit at most (*unexplained*). A finding that *D* excludes (curated `excluded`, `NOT`
//! annotations), or a descendant of one, gets `LR =` [`CONTRADICTION_LR`] `= 0.01` (*contradicted*).
//!
//! **Correlated findings.** A finding implied by another of the same list adds nothing and is not scored
//! ([`InputStatus::Implied`]): "Anemia" beside "Macrocytic anemia", or "Absent thumb" excluded beside an
//! excluded "Abnormal thumb morphology".
//!
//! **An excluded finding *h*** (the patient was examined for it and does not have it) is about presence, not
//! reporting: `P(absent | D) = 1 − F(h)`, where the *implied frequency* `F(h)` is the largest frequency of
//! *D*'s features that are *h* or below it (whoever has a feature has all its ancestors), or
//! `f(a) · B(h)/B(a)` when *h* is below a direct feature *a*; at least [`MIN_ABSENCE`] `= 0.01`. The
//! background is `1 − B(h)`, with `B(h)` = [`Term::disease_fraction`] the fraction of annotated diseases that
//! carry *h*. Reports list as excluded the features of the disorder the authors suspected, so the ratio is
//! weighted: `LR = ((1 − F)/(1 − B))^w` with [`EXCLUSION_WEIGHT`] `w = 0.25`.
//!
//! **Unreported blood hallmarks.** A case report of a marrow disorder states the blood findings the patient
//! has. A hallmark of *D* (a feature at least 80 % frequent) in the blood branch that no finding covers counts
//! against *D*: `LR = (1 − ρ·f)/(1 − ρ·B)` with [`HALLMARK_REPORTING`] `ρ = 0.25` ([`Ranked::hallmarks`]).
//! Other missing hallmarks are listed, not scored. Nothing counts when nothing was observed.
//!
//! **Age of onset** (an [`Onset`] class, or an age in years converted with [`Onset::age_years`]): each
//! disorder's curated onset classes get weight 1, neighbouring classes `0.3^distance`; normalized over the
//! six classes this is `P(class | D)`, and the LR is taken against the mean over the 20 disorders (onset is
//! soft evidence: people are diagnosed after onset).
//!
//! **Sex**: for disorders inherited only X-linked recessively, `P(male) = 0.98`; only X-linked dominantly,
//! `P(female) = 2/3`; otherwise sex carries no information. LR against 1/2.
//!
//! **Extra evidence**: [`Query::evidence`] takes per-disorder likelihood ratios (from the blood-count module,
//! or genotype evidence from [`gene_likelihood_ratios`], off unless asked for) and multiplies them in. An age
//! of onset or a likelihood ratio that is not a valid number is an error in every mode: they are the caller's
//! numbers, not messy findings.
//!
//! **Determinism**: inputs are resolved, de-duplicated and sorted by id before scoring, so the order of the
//! terms does not change any number. Disorders with equal scores are ranked by ascending discriminant.
//!
//! **Cost**: per finding, its own postings and its parents' *ancestor rows*: what every ancestor implies for
//! each of the 166 scoring units, and what the ancestors' direct features and exclusions say of each unit
//! (contradictions, hallmarks, implied presence), all folded by the code generator. The per-unit loops run
//! four units at a time where the CPU has AVX2 (chosen at run time; the same numbers on every CPU). The
//! explanations are built the first time one is read, by a second pass over the picked units only. Nothing
//! is allocated beyond the result. For 10 findings and one excluded, 7.5–9.9 µs (criterion,
//! `benches/differential.rs`, three runs), 0.8–1.1× the first round's 20-profile model in the same runs;
//! 13–19 µs with every explanation read (README, Performance).
//!
//! **Accuracy** (`benches/real_cases.sh`, README "Differential accuracy"): on the 56 development phenopackets
//! top-1 0.911 from terms alone and from the whole phenopacket, against 0.643 for the previous union-profile
//! model; on patients simulated from HPO's own annotations of the disorders' entries, 0.958 (hpo3 0.931).

mod explain;
mod explanations;
mod genes;
pub(crate) mod profile;
mod result;
mod unit_scores;

pub use genes::{GENE_MISS, HPO_DISEASE_GENE_COUNT, gene_likelihood_ratios};
pub use profile::{ProfileFeature, ProfileSource, SubtypeProfile, profile, subtypes};
pub use result::{
    AbsenceKind, AbsenceMatch, Differential, InputReport, InputStatus, MatchKind, MissingHallmark, Ranked, TermMatch,
};

use crate::classes::{Inheritance, Onset};
use crate::codes::HpoId;
use crate::hpo::{self, Term};
use crate::{Disorder, Error, Result, Symptom};
use explain::{FindingScores, score_excluded, score_observed};
use profile::units;
use unit_scores::{Pick, UnitScores};

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
pub const RELATED_WEIGHT: f64 = 0.05;

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

/// The fraction of its group's pooled probability a subtype borrows for a finding its own profile explains
/// less well (see the module documentation).
///
/// ```
/// assert_eq!(marrowkb::differential::GROUP_BORROWING, 0.1);
/// ```
pub const GROUP_BORROWING: f64 = 0.1;

/// Weight of a group's pooled profile in the group's mixture (its subtypes share the rest equally): a
/// patient's findings may follow what is described of the group as a whole rather than one subtype's
/// annotation, which is incomplete.
///
/// ```
/// assert_eq!(marrowkb::differential::POOLED_WEIGHT, 0.2);
/// ```
pub const POOLED_WEIGHT: f64 = 0.2;

/// Weight of the evidence of an excluded finding: its likelihood ratio is raised to this power. A report's
/// excluded findings are not a random sample of what the patient lacks: authors list the features of the
/// disorder they suspect and checked for, so being listed is itself evidence for that disorder, which the
/// plain absence ratio `(1 − F)/(1 − B)` counts only against it. Published reports show it: their excluded
/// lists are mostly the true disorder's own malformations and signs, checked for and absent (one development
/// report lists 37). At 1/4, the absence of an obligate feature still costs half a log10 unit. Swept from 0 to
/// 1 on the case-report simulation (whose excluded findings are the disorder's own absent features and, half
/// the time, another disorder's) and the published patients: lower weights do better on both up to 0.4,
/// flat below 0.25; the two simulations without excluded findings do not move.
///
/// ```
/// assert_eq!(marrowkb::differential::EXCLUSION_WEIGHT, 0.25);
/// ```
pub const EXCLUSION_WEIGHT: f64 = 0.25;

/// Probability that a case report states a blood hallmark (a cytopenia, a marrow finding) the patient has:
/// a hallmark in the blood branch that no finding covers counts against the unit with likelihood ratio
/// `(1 − ρ·f) / (1 − ρ·B)`, where `f` is its frequency and `B` the fraction of all diseases that have it.
///
/// ```
/// assert!(marrowkb::differential::HALLMARK_REPORTING < 0.5);
/// ```
pub const HALLMARK_REPORTING: f64 = 0.25;

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

/// The oldest age of onset accepted, in years (the oldest documented human lived 122).
const MAX_AGE_YEARS: f64 = 130.0;

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
    /// [`Error::InvalidArgument`] for a negative, non-finite or impossible (over 130) age.
    pub fn class(self) -> Result<Onset> {
        match self {
            AgeOfOnset::Class(c) => Ok(c),
            AgeOfOnset::Years(y) if !y.is_finite() || !(0.0..=MAX_AGE_YEARS).contains(&y) => {
                Err(Error::InvalidArgument {
                    name: "age of onset",
                    reason: "must be a number of years from 0 to 130",
                })
            }
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
    let mut inputs = Vec::with_capacity(query.observed.len() + query.excluded.len());
    let (observed, excluded) = resolve_inputs(query, &mut inputs)?;
    let onset = query.onset.map(AgeOfOnset::class).transpose()?;
    if query.evidence.iter().any(|(_, lr)| !valid_lr(*lr)) {
        return Err(Error::InvalidArgument {
            name: "likelihood ratio",
            reason: "must be finite and above 0",
        });
    }

    // 1. Every scoring unit (a disorder, or one subtype of a group disorder) scored on every finding.
    let mut scores = UnitScores::new(!observed.is_empty());
    let mut finding = FindingScores::new();
    for &h in &observed {
        score_observed(h, &mut finding, &mut scores.covered);
        finding.multiply_observed(h, &mut scores.phenotype);
    }
    for &h in &excluded {
        score_excluded(h, &mut finding, &mut scores.covered);
        finding.multiply_absent(h, &mut scores.absent);
    }
    let disorders = scores.by_disorder();

    // 2. Explanations (each disorder's findings as its picked unit explains them) are built when first read.
    let picked = scores.picked(&disorders);

    // 3. Onset, sex, extra evidence; totals, posterior and rank.
    let ranking = rank(query, onset, &disorders);
    Ok(Differential {
        ranking,
        observed,
        excluded,
        inputs,
        onset,
        sex: query.sex,
        picked,
        explanations: std::sync::OnceLock::new(),
    })
}

/// Resolves the observed and excluded inputs into sorted, de-duplicated terms, reporting each input in
/// `inputs`. A finding implied by another (an observed term that is an ancestor of another observed term, an
/// excluded term below another excluded term) is reported as [`InputStatus::Implied`] and not scored: it
/// carries no evidence of its own, and counting it would count one finding twice.
fn resolve_inputs(query: &Query<'_>, inputs: &mut Vec<InputReport>) -> Result<(Vec<Term>, Vec<Term>)> {
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
    mark_implied(inputs, &observed, &excluded);
    let implied = |inputs: &[InputReport], excluded: bool, t: Term| {
        inputs
            .iter()
            .any(|r| r.excluded == excluded && r.term == Some(t) && r.status == InputStatus::Implied)
    };
    observed.retain(|&t| !implied(inputs, false, t));
    excluded.retain(|&t| !implied(inputs, true, t));
    Ok((observed, excluded))
}

/// Marks as [`InputStatus::Implied`] the observed terms that are an ancestor of another observed term and the
/// excluded terms below another excluded term (`observed` and `excluded` sorted).
fn mark_implied(inputs: &mut [InputReport], observed: &[Term], excluded: &[Term]) {
    let mut mark = |is_excluded: bool, t: Term| {
        for r in inputs.iter_mut() {
            if r.excluded == is_excluded && r.term == Some(t) && r.status.is_used() {
                r.status = InputStatus::Implied;
            }
        }
    };
    for_each_listed_ancestor(observed, |a| mark(false, a));
    // An excluded term is implied by an excluded ancestor: one walk per term (excluded lists are short),
    // stopped below the smallest index in the list (ancestors come in decreasing index order).
    let Some(lowest) = excluded.iter().map(|t| t.index()).min() else {
        return;
    };
    for &t in excluded {
        for a in t.ancestors() {
            if a.index() < lowest {
                break;
            }
            if excluded.binary_search(&a).is_ok() {
                mark(true, t);
                break;
            }
        }
    }
}

/// Calls `found(a)` once for every term of `list` (sorted by id) that is an ancestor of another term of
/// `list`: one pass over the union of the terms' ancestors, deepest (largest internal index) first, kept as a
/// bitset of pending terms (a term's parents have smaller indices than the term, so they are reached later)
/// and pruned below the smallest index in the list.
fn for_each_listed_ancestor(list: &[Term], mut found: impl FnMut(Term)) {
    const WORDS: usize = hpo::TERM_COUNT.div_ceil(64);
    let (Some(lowest), Some(highest)) = (
        list.iter().map(|t| t.index()).min(),
        list.iter().map(|t| t.index()).max(),
    ) else {
        return;
    };
    let bit = |t: usize| (t / 64, 1u64 << (t % 64));
    let mut listed = [0u64; WORDS];
    for t in list {
        let (w, b) = bit(t.index());
        if let Some(word) = listed.get_mut(w) {
            *word |= b;
        }
    }
    let mut pending = [0u64; WORDS];
    let push_parents = |t: Term, pending: &mut [u64; WORDS]| {
        for p in t.parents().map(Term::index).filter(|&p| p >= lowest) {
            let (w, b) = bit(p);
            if let Some(word) = pending.get_mut(w) {
                *word |= b;
            }
        }
    };
    for &t in list {
        push_parents(t, &mut pending);
    }
    for w in (lowest / 64..=highest / 64).rev() {
        while let Some(&bits) = pending.get(w)
            && bits != 0
        {
            let top = 63 - bits.leading_zeros() as usize;
            if let Some(word) = pending.get_mut(w) {
                *word &= !(1 << top);
            }
            let a = Term::at((w * 64 + top) as u16);
            if listed.get(w).is_some_and(|word| word & 1 << top != 0) {
                found(a);
            }
            push_parents(a, &mut pending);
        }
    }
}

/// Adds onset, sex and extra evidence to each disorder's phenotype score; ranks by total with posteriors.
fn rank(query: &Query<'_>, onset: Option<Onset>, picks: &[Pick; Disorder::COUNT]) -> Vec<Ranked> {
    let onset_lr = onset.map(onset_likelihood_ratios);
    let part = |d: usize, disorder: Disorder| {
        let onset = onset_lr.map_or(0.0, |lrs| lrs[d].log10());
        let sex = query.sex.map_or(0.0, |s| (sex_probability(disorder, s) / 0.5).log10());
        let evidence: f64 = query
            .evidence
            .iter()
            .filter(|(e, _)| *e == disorder)
            .map(|(_, lr)| lr.log10())
            .fold(0.0, |sum, x| sum + x); // not `sum()`, which starts from -0.0
        (onset, sex, evidence)
    };
    let mut parts = [(0.0, 0.0, 0.0); Disorder::COUNT];
    let mut scores = [0.0; Disorder::COUNT];
    for (d, disorder) in Disorder::ALL.iter().copied().enumerate() {
        let (Some(pick), Some(slot), Some(score)) = (picks.get(d), parts.get_mut(d), scores.get_mut(d)) else {
            continue;
        };
        *slot = part(d, disorder);
        *score = pick.phenotype + pick.absent + pick.hallmarks + pick.subtypes + slot.0 + slot.1 + slot.2;
    }
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let weights = scores.map(|score| ((score - max) * core::f64::consts::LN_10).exp());
    let total: f64 = weights.iter().sum();
    // Best first; ties in `Disorder::ALL` order: sorted as integers (`f64::total_cmp`'s order, reversed, then
    // the index), which compare in one instruction.
    let mut keys: [i128; Disorder::COUNT] = std::array::from_fn(|d| descending_key(scores[d], d));
    keys.sort_unstable();
    let mut ranking = Vec::with_capacity(Disorder::COUNT);
    for (i, d) in keys.iter().map(|&k| (k & 0xFF) as usize).enumerate() {
        let (Some(&disorder), Some(pick), Some(&(onset, sex, evidence))) =
            (Disorder::ALL.get(d), picks.get(d), parts.get(d))
        else {
            continue;
        };
        ranking.push(Ranked {
            rank: i + 1,
            disorder,
            score: scores[d],
            posterior: weights[d] / total,
            phenotype: pick.phenotype,
            absent: pick.absent,
            hallmarks: pick.hallmarks,
            subtypes: pick.subtypes,
            subtype: units().get(pick.unit).and_then(|u| u.entry),
            onset,
            sex,
            evidence,
        });
    }
    ranking
}

/// A sort key for `score` at index `d`: ascending keys are descending scores in [`f64::total_cmp`]'s order,
/// then ascending indices.
fn descending_key(score: f64, d: usize) -> i128 {
    let bits = score.to_bits() as i64;
    // `total_cmp`'s map from bits to an order-preserving integer, then reversed.
    let ordered = bits ^ (((bits >> 63) as u64) >> 1) as i64;
    (i128::from(!ordered) << 8) | (d as i128 & 0xFF)
}

/// A usable likelihood ratio.
fn valid_lr(lr: f64) -> bool {
    lr.is_finite() && lr > 0.0
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
