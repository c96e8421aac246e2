//! What a differential returns: the ranking and, for every disorder, the explanation of its score.

use crate::codes::HpoId;
use crate::hpo::Term;
use crate::{Disorder, Error};

/// How one observed finding relates to one disorder's profile.
///
/// ```
/// use marrowkb::differential::MatchKind;
/// assert_eq!(MatchKind::Narrower.key(), "narrower");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[repr(u32)]
#[non_exhaustive]
pub enum MatchKind {
    /// The finding is a feature of the disorder.
    Exact = 1,
    /// The finding is less specific than a feature of the disorder (an ancestor of it): the disorder implies it.
    Broader = 2,
    /// The finding is more specific than a feature of the disorder (a descendant of `via`).
    Narrower = 3,
    /// The finding and a feature of the disorder share the common ancestor `via` (below Phenotypic abnormality).
    Related = 4,
    /// Nothing in the disorder's profile relates to the finding: only the noise rate explains it.
    Unexplained = 5,
    /// The disorder is known not to have the finding or its ancestor `via`.
    Contradicted = 6,
}

impl MatchKind {
    /// The stable snake_case key.
    ///
    /// ```
    /// assert_eq!(marrowkb::differential::MatchKind::Exact.key(), "exact");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Broader => "broader",
            MatchKind::Narrower => "narrower",
            MatchKind::Related => "related",
            MatchKind::Unexplained => "unexplained",
            MatchKind::Contradicted => "contradicted",
        }
    }
}

/// How one observed finding scores for one disorder.
///
/// ```
/// use marrowkb::differential::{MatchKind, Query, TermInput};
/// use marrowkb::Disorder;
/// let result = Query::new(&[TermInput::Text("HP:0003974")]).run()?; // Absent radius
/// let m = &result.matches(Disorder::ThrombocytopeniaAbsentRadius)[0];
/// assert_eq!(m.kind, MatchKind::Exact);
/// assert!(m.log10_lr() > 1.0);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TermMatch {
    /// The patient's finding.
    pub term: Term,
    /// How it relates to the disorder.
    pub kind: MatchKind,
    /// The disorder's feature it was matched to (for `related`, the feature under the common ancestor; for
    /// `contradicted`, the excluded term).
    pub feature: Option<Term>,
    /// The term whose frequency was used: the finding itself (`exact`, `broader`), the disorder's feature
    /// (`narrower`), the common ancestor (`related`), the excluded term (`contradicted`).
    pub via: Option<Term>,
    /// The disorder's (implied) frequency of `via` (0 when unexplained or contradicted).
    pub frequency: f64,
    /// The finding's likelihood ratio: its contribution to the score is [`TermMatch::log10_lr`].
    pub likelihood_ratio: f64,
}

impl TermMatch {
    /// The finding's contribution to the score: `log10` of its likelihood ratio.
    ///
    /// ```
    /// use marrowkb::differential::{Query, TermInput};
    /// let r = Query::new(&[TermInput::Text("HP:0001873")]).run()?;
    /// let m = &r.matches(r.ranking[0].disorder)[0];
    /// assert_eq!(m.log10_lr(), m.likelihood_ratio.log10());
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn log10_lr(&self) -> f64 {
        self.likelihood_ratio.log10()
    }
}

/// How a finding the patient does not have relates to a disorder.
///
/// ```
/// assert_eq!(marrowkb::differential::AbsenceKind::Against.key(), "against");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[repr(u32)]
#[non_exhaustive]
pub enum AbsenceKind {
    /// The disorder has the feature (or a descendant): its absence argues against the disorder.
    Against = 1,
    /// The disorder is known not to have it either.
    Consistent = 2,
    /// The disorder's profile does not mention it.
    Neutral = 3,
}

impl AbsenceKind {
    /// The stable snake_case key.
    ///
    /// ```
    /// assert_eq!(marrowkb::differential::AbsenceKind::Neutral.key(), "neutral");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            AbsenceKind::Against => "against",
            AbsenceKind::Consistent => "consistent",
            AbsenceKind::Neutral => "neutral",
        }
    }
}

/// How one excluded finding (the patient does not have it) scores for one disorder.
///
/// ```
/// use marrowkb::differential::{AbsenceKind, Query, TermInput};
/// use marrowkb::Disorder;
/// let observed = [TermInput::Text("HP:0001873")];
/// let excluded = [TermInput::Text("HP:0003974")]; // no absent radius
/// let result = Query::new(&observed).excluding(&excluded).run()?;
/// let a = &result.absences(Disorder::ThrombocytopeniaAbsentRadius)[0];
/// assert_eq!(a.kind, AbsenceKind::Against);
/// assert!(a.log10_lr() < -0.45); // an obligate feature, absent (weighted by EXCLUSION_WEIGHT)
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AbsenceMatch {
    /// The finding the patient does not have.
    pub term: Term,
    /// How its absence bears on the disorder.
    pub kind: AbsenceKind,
    /// The disorder's feature that makes the absence count (`against`), or the excluded term (`consistent`).
    pub feature: Option<Term>,
    /// The probability that a patient with the disorder has the finding.
    pub frequency: f64,
    /// The likelihood ratio of the absence: its contribution to the score is [`AbsenceMatch::log10_lr`].
    pub likelihood_ratio: f64,
}

impl AbsenceMatch {
    /// The absence's contribution to the score: `log10` of its likelihood ratio.
    ///
    /// ```
    /// use marrowkb::differential::{Query, TermInput};
    /// let r = Query::new(&[]).excluding(&[TermInput::Text("HP:0001873")]).run()?;
    /// let a = &r.absences(r.ranking[0].disorder)[0];
    /// assert_eq!(a.log10_lr(), a.likelihood_ratio.log10());
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn log10_lr(&self) -> f64 {
        self.likelihood_ratio.log10()
    }
}

/// A hallmark of a disorder (at least 80 % frequent) that none of the patient's findings, observed or
/// excluded, covers. Listed to explain, not scored: a finding not reported is not a finding absent.
///
/// ```
/// use marrowkb::differential::{Query, TermInput};
/// use marrowkb::Disorder;
/// let result = Query::new(&[TermInput::Text("HP:0001873")]).run()?; // thrombocytopenia only
/// let missing = result.missing(Disorder::ThrombocytopeniaAbsentRadius);
/// let radius = marrowkb::hpo::term("HP:0003974")?; // absent radius (bilateral radial aplasia) not reported
/// assert!(missing.iter().any(|m| m.feature.is_a(radius)));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MissingHallmark {
    /// The disorder's feature.
    pub feature: Term,
    /// Its frequency in the disorder.
    pub frequency: f64,
    /// Its contribution to the score as a likelihood ratio: below 1 for a hallmark in the blood branch (a case
    /// report states those when present), 1 (listed, not scored) for the others. See
    /// [`HALLMARK_REPORTING`](super::HALLMARK_REPORTING).
    pub likelihood_ratio: f64,
}

/// What became of one input term.
///
/// ```
/// assert_eq!(marrowkb::differential::InputStatus::Replaced.key(), "replaced");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[repr(u32)]
#[non_exhaustive]
pub enum InputStatus {
    /// Used as given.
    Used = 1,
    /// An alternative or obsolete id: its current replacement `term` was used.
    Replaced = 2,
    /// The same term was already given in this list (after replacement): ignored.
    Duplicate = 3,
    /// Excluded although also observed: the observation wins, the exclusion is ignored.
    Conflict = 4,
    /// Not in the Phenotypic abnormality branch (an onset, inheritance or frequency term): ignored. Give the
    /// age of onset with [`super::Query::onset`] instead.
    NotPhenotype = 5,
    /// Obsolete with no single replacement: ignored.
    Obsolete = 6,
    /// Well-formed but not an HPO 2025-01-16 id, or words that name no single term (unknown or ambiguous):
    /// ignored.
    Unknown = 7,
    /// Not shaped like an HPO id, or empty or over-long text: ignored.
    Malformed = 8,
    /// Implied by another finding of the same list (an observed finding more general than another observed
    /// one, an excluded finding more specific than another excluded one): not scored, as it adds nothing.
    Implied = 9,
}

impl InputStatus {
    /// The stable snake_case key.
    ///
    /// ```
    /// assert_eq!(marrowkb::differential::InputStatus::NotPhenotype.key(), "not_phenotype");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            InputStatus::Used => "used",
            InputStatus::Replaced => "replaced",
            InputStatus::Duplicate => "duplicate",
            InputStatus::Conflict => "conflict",
            InputStatus::NotPhenotype => "not_phenotype",
            InputStatus::Obsolete => "obsolete",
            InputStatus::Unknown => "unknown",
            InputStatus::Malformed => "malformed",
            InputStatus::Implied => "implied",
        }
    }

    /// Whether the input counts in the score (`used` or `replaced`).
    ///
    /// ```
    /// use marrowkb::differential::InputStatus;
    /// assert!(InputStatus::Replaced.is_used() && !InputStatus::Unknown.is_used());
    /// ```
    pub const fn is_used(self) -> bool {
        matches!(self, InputStatus::Used | InputStatus::Replaced)
    }
}

/// The fate of one input term, in input order: observed inputs first, then excluded ones.
///
/// ```
/// use marrowkb::differential::{InputStatus, Query, TermInput};
/// let inputs = [TermInput::Text("HP:0001873"), TermInput::Text("HP:nope"), TermInput::Text("HP:9999999")];
/// let result = Query::new(&inputs).run()?;
/// let status: Vec<_> = result.inputs.iter().map(|r| r.status).collect();
/// assert_eq!(status, [InputStatus::Used, InputStatus::Malformed, InputStatus::Unknown]);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InputReport {
    /// Whether the input came from the excluded list.
    pub excluded: bool,
    /// Its position in that list, from 0.
    pub position: usize,
    /// The id as parsed (`None` when malformed).
    pub requested: Option<HpoId>,
    /// The current term it stands for, when there is one.
    pub term: Option<Term>,
    /// What became of it.
    pub status: InputStatus,
    /// Why it could not be used (malformed, unknown, obsolete).
    #[cfg_attr(feature = "serde", serde(serialize_with = "error_text"))]
    pub error: Option<Error>,
}

#[cfg(feature = "serde")]
fn error_text<S: serde::Serializer>(error: &Option<Error>, serializer: S) -> Result<S::Ok, S::Error> {
    match error {
        Some(e) => serializer.collect_str(e),
        None => serializer.serialize_none(),
    }
}

/// One disorder's place in the ranking, its score and the score's parts.
///
/// `score` is the log10 likelihood ratio of everything given (findings, absent findings, onset, sex, extra
/// evidence) under the disorder against a background of all diseases HPO annotates; `posterior` is the
/// probability of the disorder given the same evidence under a uniform prior over the 20 disorders. The
/// parts add up to `score`. For a group disorder scored per subtype, `phenotype`, `absent` and `hallmarks`
/// (and the explanations) are those of its most likely component (the subtype `subtype`, or the group's
/// pooled profile), and `subtypes` (≤ 0) turns that component's likelihood into the group's mixture.
///
/// ```
/// use marrowkb::differential::{Query, TermInput};
/// let r = Query::new(&[TermInput::Text("HP:0001873")]).run()?;
/// let top = &r.ranking[0];
/// let parts = top.phenotype + top.absent + top.hallmarks + top.subtypes + top.onset + top.sex + top.evidence;
/// assert!((top.score - parts).abs() < 1e-9);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    /// 1 for the best.
    pub rank: usize,
    /// The disorder.
    pub disorder: Disorder,
    /// Total log10 likelihood ratio.
    pub score: f64,
    /// Posterior probability under a uniform prior over the 20 disorders (sums to 1 over the ranking).
    pub posterior: f64,
    /// log10 LR of the observed findings.
    pub phenotype: f64,
    /// log10 LR of the findings the patient does not have.
    pub absent: f64,
    /// log10 LR of hallmarks no finding covers (see [`MissingHallmark::likelihood_ratio`]).
    pub hallmarks: f64,
    /// log10 of a group disorder's mixture (its subtypes and its pooled profile) relative to the component
    /// that explains the findings best (≤ 0; 0 for a disorder scored as a whole).
    pub subtypes: f64,
    /// The ORPHA/OMIM CURIE of the subtype that best explains the findings (`None` for a disorder scored as a
    /// whole, or when the group's pooled profile explains them best).
    pub subtype: Option<&'static str>,
    /// log10 LR of the age of onset (0 when not given).
    pub onset: f64,
    /// log10 LR of the patient's sex (0 when not given or when inheritance does not depend on it).
    pub sex: f64,
    /// log10 of the caller's extra likelihood ratios (e.g. blood-count evidence).
    pub evidence: f64,
}

/// The result of a differential: every disorder ranked best first, with the explanation of each score.
///
/// Explanations are built the first time one is read (a ranking alone never pays for them; the result is
/// `Sync`, so any thread may read them), stored flat (a handful of allocations for the whole result) and read
/// per disorder with [`Differential::matches`], [`Differential::absences`] and [`Differential::missing`]. With the `serde`
/// feature it serializes as an object whose `ranking` array holds, best first, each disorder's `disorder`
/// key, `score`, `posterior`, score parts and explanation (`matches`, `absences`, `missing`).
///
/// ```
/// use marrowkb::differential::{Query, TermInput};
/// use marrowkb::Disorder;
/// let observed = [TermInput::Text("HP:0001873"), TermInput::Text("HP:0003974")];
/// let result = Query::new(&observed).run()?;
/// assert_eq!(result.ranking[0].disorder, Disorder::ThrombocytopeniaAbsentRadius);
/// assert_eq!(result.ranking.len(), Disorder::COUNT);
/// assert_eq!(result.matches(Disorder::FanconiAnemia).len(), 2);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Differential {
    /// All disorders, best first (score descending; equal scores by ascending discriminant).
    pub ranking: Vec<Ranked>,
    /// The observed terms used, after replacement and de-duplication, sorted by id.
    pub observed: Vec<Term>,
    /// The excluded terms used, sorted by id.
    pub excluded: Vec<Term>,
    /// What became of every input, observed first, then excluded, each in input order.
    pub inputs: Vec<InputReport>,
    /// The onset class used (from the age or class given).
    pub onset: Option<crate::classes::Onset>,
    /// The sex used.
    pub sex: Option<super::Sex>,
    /// What the explanations need of the scoring.
    pub(crate) picked: super::unit_scores::Picked,
    /// The explanations, built when first read.
    pub(crate) explanations: std::sync::OnceLock<super::explanations::Explanations>,
}

/// Equal results: the same ranking from the same inputs (the explanations follow from them, built or not).
impl PartialEq for Differential {
    fn eq(&self, other: &Self) -> bool {
        self.ranking == other.ranking
            && self.observed == other.observed
            && self.excluded == other.excluded
            && self.inputs == other.inputs
            && self.onset == other.onset
            && self.sex == other.sex
            && self.picked == other.picked
    }
}

impl Differential {
    /// The explanations, built on first use.
    fn explanations(&self) -> &super::explanations::Explanations {
        self.explanations
            .get_or_init(|| super::explanations::Explanations::build(&self.observed, &self.excluded, &self.picked))
    }

    /// How each observed term (in the order of [`Differential::observed`]) scores for `disorder`.
    ///
    /// ```
    /// use marrowkb::differential::{Query, TermInput};
    /// use marrowkb::Disorder;
    /// let r = Query::new(&[TermInput::Text("HP:0001873")]).run()?;
    /// assert_eq!(r.matches(Disorder::AplasticAnemia)[0].term, r.observed[0]);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn matches(&self, disorder: Disorder) -> &[TermMatch] {
        let n = self.observed.len();
        let start = disorder.index() * n;
        self.explanations().matches.get(start..start + n).unwrap_or(&[])
    }

    /// How each excluded term (in the order of [`Differential::excluded`]) scores for `disorder`.
    ///
    /// ```
    /// use marrowkb::differential::{Query, TermInput};
    /// use marrowkb::Disorder;
    /// let r = Query::new(&[]).excluding(&[TermInput::Text("HP:0001873")]).run()?;
    /// assert_eq!(r.absences(Disorder::AplasticAnemia).len(), 1);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn absences(&self, disorder: Disorder) -> &[AbsenceMatch] {
        let n = self.excluded.len();
        let start = disorder.index() * n;
        self.explanations().absences.get(start..start + n).unwrap_or(&[])
    }

    /// The hallmarks of `disorder` that no given finding covers, most frequent first.
    ///
    /// ```
    /// use marrowkb::differential::Query;
    /// use marrowkb::Disorder;
    /// let r = Query::new(&[]).run()?;
    /// assert!(!r.missing(Disorder::ShwachmanDiamondSyndrome).is_empty());
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn missing(&self, disorder: Disorder) -> &[MissingHallmark] {
        let i = disorder.index();
        let explanations = self.explanations();
        let start = explanations.missing_starts.get(i).copied().unwrap_or(0) as usize;
        let end = explanations.missing_starts.get(i + 1).copied().unwrap_or(0) as usize;
        explanations.missing.get(start..end).unwrap_or(&[])
    }

    /// The ranking entry of `disorder`.
    ///
    /// ```
    /// use marrowkb::differential::Query;
    /// use marrowkb::Disorder;
    /// let r = Query::new(&[]).run()?;
    /// assert_eq!(r.get(Disorder::FanconiAnemia).map(|x| x.disorder), Some(Disorder::FanconiAnemia));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn get(&self, disorder: Disorder) -> Option<&Ranked> {
        self.ranking.iter().find(|r| r.disorder == disorder)
    }

    /// The inputs that could not be used because they are malformed, unknown or obsolete.
    ///
    /// ```
    /// use marrowkb::differential::{Query, TermInput};
    /// let r = Query::new(&[TermInput::Text("HP:0001873"), TermInput::Text("nonsense")]).run()?;
    /// assert_eq!(r.rejected().count(), 1);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn rejected(&self) -> impl Iterator<Item = &InputReport> {
        self.inputs.iter().filter(|r| r.error.is_some())
    }
}

#[cfg(feature = "serde")]
mod ser {
    use super::*;
    use serde::ser::{SerializeSeq, SerializeStruct, Serializer};

    impl serde::Serialize for TermMatch {
        /// The fields, plus `log10_lr`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("TermMatch", 7)?;
            s.serialize_field("term", &self.term)?;
            s.serialize_field("kind", &self.kind)?;
            s.serialize_field("feature", &self.feature)?;
            s.serialize_field("via", &self.via)?;
            s.serialize_field("frequency", &self.frequency)?;
            s.serialize_field("likelihood_ratio", &self.likelihood_ratio)?;
            s.serialize_field("log10_lr", &self.log10_lr())?;
            s.end()
        }
    }

    impl serde::Serialize for AbsenceMatch {
        /// The fields, plus `log10_lr`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("AbsenceMatch", 6)?;
            s.serialize_field("term", &self.term)?;
            s.serialize_field("kind", &self.kind)?;
            s.serialize_field("feature", &self.feature)?;
            s.serialize_field("frequency", &self.frequency)?;
            s.serialize_field("likelihood_ratio", &self.likelihood_ratio)?;
            s.serialize_field("log10_lr", &self.log10_lr())?;
            s.end()
        }
    }

    struct Entry<'a> {
        result: &'a Differential,
        ranked: &'a Ranked,
    }

    impl serde::Serialize for Entry<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let r = self.ranked;
            let mut s = serializer.serialize_struct("Ranked", 16)?;
            s.serialize_field("rank", &r.rank)?;
            s.serialize_field("disorder", &r.disorder)?;
            s.serialize_field("name", r.disorder.name())?;
            s.serialize_field("score", &r.score)?;
            s.serialize_field("posterior", &r.posterior)?;
            s.serialize_field("phenotype", &r.phenotype)?;
            s.serialize_field("absent", &r.absent)?;
            s.serialize_field("hallmarks", &r.hallmarks)?;
            s.serialize_field("subtypes", &r.subtypes)?;
            s.serialize_field("subtype", &r.subtype)?;
            s.serialize_field("onset", &r.onset)?;
            s.serialize_field("sex", &r.sex)?;
            s.serialize_field("evidence", &r.evidence)?;
            s.serialize_field("matches", self.result.matches(r.disorder))?;
            s.serialize_field("absences", self.result.absences(r.disorder))?;
            s.serialize_field("missing", self.result.missing(r.disorder))?;
            s.end()
        }
    }

    struct Ranking<'a>(&'a Differential);

    impl serde::Serialize for Ranking<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut seq = serializer.serialize_seq(Some(self.0.ranking.len()))?;
            for ranked in &self.0.ranking {
                seq.serialize_element(&Entry { result: self.0, ranked })?;
            }
            seq.end()
        }
    }

    impl serde::Serialize for Differential {
        /// `{"ranking": [...], "observed": [...], "excluded": [...], "inputs": [...], "onset": ..., "sex": ...}`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("Differential", 6)?;
            s.serialize_field("ranking", &Ranking(self))?;
            s.serialize_field("observed", &self.observed)?;
            s.serialize_field("excluded", &self.excluded)?;
            s.serialize_field("inputs", &self.inputs)?;
            s.serialize_field("onset", &self.onset)?;
            s.serialize_field("sex", &self.sex)?;
            s.end()
        }
    }
}
