//! Each disorder's phenotype profile (its curated features joined with the HPO annotations of its exact
//! ORPHA/OMIM entries), the profiles of the subtypes of group disorders, and the per-term postings the
//! differential reads.

use crate::Disorder;
use crate::generated::{
    ANCESTOR_NAMED_STARTS, ANCESTOR_NAMED_TERMS, ANCESTOR_NOTE_PRESENCE, ANCESTOR_NOTE_STARTS, ANCESTOR_NOTES,
    ANCESTOR_ROW_OF_TERM, ANCESTOR_SCORES, ANCESTOR_VIAS, PROFILE_DIRECT_COUNTS, PROFILE_POSTING_STARTS,
    PROFILE_POSTINGS, PROFILES, UNIT_COUNT, UNITS,
};
use crate::hpo::Term;

/// Where a profile feature's frequency comes from, in order of precedence (the first that has the term wins).
///
/// ```
/// use marrowkb::differential::{ProfileSource, profile};
/// use marrowkb::Disorder;
/// assert!(profile(Disorder::FanconiAnemia).iter().any(|f| f.source == ProfileSource::Curated));
/// assert_eq!(ProfileSource::Exact.key(), "exact");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[repr(u32)]
#[non_exhaustive]
pub enum ProfileSource {
    /// The disorder file's curated `[[features]]` (frequency class midpoint).
    Curated = 1,
    /// HPO annotations of the disorder's ORPHA/OMIM entries matched `exact` (mean over those entries).
    Exact = 2,
    /// HPO annotations of one of its `subtype` entries (only in that subtype's profile).
    Subtype = 3,
    /// Features of a subtype's sibling subtypes, borrowed at a tenth of their mean frequency (only in subtype
    /// profiles: one entry's annotations are incomplete, and a feature of another form of the same group is
    /// more plausible than one of no form).
    Sibling = 4,
}

impl ProfileSource {
    /// The stable snake_case key.
    ///
    /// ```
    /// assert_eq!(marrowkb::differential::ProfileSource::Subtype.key(), "subtype");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            ProfileSource::Curated => "curated",
            ProfileSource::Exact => "exact",
            ProfileSource::Subtype => "subtype",
            ProfileSource::Sibling => "sibling",
        }
    }
}

/// One direct feature of a disorder's phenotype profile.
///
/// ```
/// use marrowkb::{Disorder, hpo};
/// let tar = marrowkb::differential::profile(Disorder::ThrombocytopeniaAbsentRadius);
/// let radius = hpo::term("HP:0003974")?; // Absent radius
/// let f = tar.iter().find(|f| f.term == radius).unwrap();
/// assert!(f.frequency == 1.0 && !f.excluded);
/// // Not a hallmark itself: the more specific "Bilateral radial aplasia" (HP:0004977) is.
/// assert!(tar.iter().any(|f| f.hallmark && f.term.is_a(radius)));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ProfileFeature {
    /// The HPO term.
    pub term: Term,
    /// Probability that a patient with the disorder has it (0 when excluded).
    pub frequency: f64,
    /// Where the frequency comes from.
    pub source: ProfileSource,
    /// The disorder is known not to have it (curated `excluded`, or only `NOT` annotations of exact entries).
    pub excluded: bool,
    /// One of the disorder's hallmarks: at least 80 % frequent and not refined by another hallmark. The
    /// differential lists the hallmarks a patient's findings do not cover.
    pub hallmark: bool,
}

/// A disorder's base phenotype profile: its direct features, by HPO id.
///
/// Built by `crates/marrowkb-codegen` from the curated features and `data/derived/hpo_annotations.tsv`:
/// a term takes its frequency from the curated features if they have it (the class midpoint: obligate 1,
/// very frequent 0.895, frequent 0.545, occasional 0.17, very rare 0.025), else from the disorder's `exact`
/// ORPHA/OMIM entries (`closest` entries are other diseases and are not used). Within one entry, `n/m` rows
/// are pooled with Laplace's rule `(n + 1)/(m + 2)` (a single case report `1/1` counts 2/3) and averaged with
/// the other rows' class midpoints and percentages; a row without frequency counts as "frequent" (0.545).
/// Across several exact entries the frequency is the mean over the entries that annotate the term: an entry
/// that does not mention a term says nothing about it.
///
/// A group disorder's subtypes add their own annotations to this base: see [`subtypes`]. The base holds what
/// is true of the group as a whole, so one rare subtype's features never become the group's hallmarks.
///
/// ```
/// use marrowkb::{Disorder, differential::profile};
/// let sds = profile(Disorder::ShwachmanDiamondSyndrome);
/// assert!(sds.len() > 10);
/// assert!(sds.windows(2).all(|w| w[0].term < w[1].term));
/// ```
pub fn profile(disorder: Disorder) -> &'static [ProfileFeature] {
    PROFILES.get(disorder.index()).map_or(&[], |(_, features)| features)
}

/// One subtype of a group disorder as the differential scores it: the disorder's base [`profile`] plus the
/// HPO annotations of this ORPHA/OMIM entry for terms the base does not decide.
///
/// ```
/// use marrowkb::{Disorder, differential::subtypes};
/// let fa: Vec<_> = subtypes(Disorder::FanconiAnemia).collect();
/// assert!(fa.len() > 10);
/// assert!(fa.iter().all(|s| s.entry.starts_with("OMIM:") || s.entry.starts_with("ORPHA:")));
/// assert_eq!(subtypes(Disorder::AplasticAnemia).count(), 0); // scored as a whole
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SubtypeProfile {
    /// The group disorder.
    pub disorder: Disorder,
    /// The subtype's ORPHA or OMIM CURIE (`"OMIM:227650"`).
    pub entry: &'static str,
    /// The subtype's own features (those the base profile does not decide), by HPO id.
    pub features: &'static [ProfileFeature],
}

/// The subtypes of a group disorder that HPO annotates, each scored on its own by the differential (a patient
/// has one subtype). Empty for a disorder scored as a whole.
///
/// ```
/// use marrowkb::{Disorder, differential::subtypes};
/// let scn = subtypes(Disorder::SevereCongenitalNeutropenia).find(|s| s.entry == "OMIM:202700").unwrap();
/// assert!(!scn.features.is_empty()); // ELANE neutropenia
/// ```
pub fn subtypes(disorder: Disorder) -> impl Iterator<Item = SubtypeProfile> {
    UNITS.iter().filter(move |u| u.disorder == disorder).filter_map(|u| {
        Some(SubtypeProfile {
            disorder: u.disorder,
            entry: u.entry?,
            features: u.features,
        })
    })
}

/// A scoring unit of the differential: a disorder as a whole, or one subtype of a group disorder.
#[derive(Debug)]
pub(crate) struct Unit {
    /// The disorder the unit belongs to.
    pub disorder: Disorder,
    /// The subtype's ORPHA/OMIM CURIE, or `None` for a disorder scored as a whole.
    pub entry: Option<&'static str>,
    /// The subtype's own features, or the base profile for a disorder scored as a whole.
    pub features: &'static [ProfileFeature],
    /// The manifestation mass: the sum of the unit's feature frequencies (the code generator folds it into the
    /// ancestor rows; tests check the rows against it).
    #[cfg_attr(
        not(test),
        allow(dead_code, reason = "read by the tests that check the ancestor rows")
    )]
    pub mass: f64,
    /// Hallmarks in bit order: (term index, frequency in 1/10000, in the blood branch).
    pub hallmarks: &'static [(u16, u16, bool)],
    /// For a subtype: the index of its group's pooled unit, which it borrows from; for the pooled unit
    /// itself, its own index; `NO_GROUP` for a disorder scored as a whole.
    pub group: u16,
}

/// `Unit::group` of a disorder scored as a whole.
pub(crate) const NO_GROUP: u16 = u16::MAX;

impl Unit {
    /// Whether this is a group's pooled unit (not ranked itself; its subtypes borrow from it).
    pub(crate) const fn is_pooled(&self, index: usize) -> bool {
        self.group as usize == index
    }
}

/// Builds a scoring unit in generated code.
pub(crate) const fn unit(
    disorder: Disorder,
    entry: Option<&'static str>,
    features: &'static [ProfileFeature],
    mass: f64,
    hallmarks: &'static [(u16, u16, bool)],
    group: u16,
) -> Unit {
    Unit {
        disorder,
        entry,
        features,
        mass,
        hallmarks,
        group,
    }
}

/// The scoring units, grouped by disorder in `Disorder::ALL` order.
pub(crate) fn units() -> &'static [Unit] {
    &UNITS
}

/// Each disorder's pooled unit (its units borrow from it), or [`NO_GROUP`] for a disorder scored whole: every
/// unit of a disorder has the same group (a test checks).
pub(crate) static POOLS: [u16; Disorder::COUNT] = {
    let mut pools = [NO_GROUP; Disorder::COUNT];
    let mut d = 0;
    while d < Disorder::COUNT {
        let start = DISORDER_UNITS[d];
        if start < UNIT_COUNT {
            pools[d] = UNITS[start].group;
        }
        d += 1;
    }
    pools
};

/// Where each disorder's units start in [`units`] (disorder `d` has `DISORDER_UNITS[d]..DISORDER_UNITS[d + 1]`).
pub(crate) static DISORDER_UNITS: [usize; Disorder::COUNT + 1] = {
    let mut starts = [UNIT_COUNT; Disorder::COUNT + 1];
    let mut u = UNIT_COUNT;
    while u > 0 {
        u -= 1;
        starts[UNITS[u].disorder as usize - 1] = u;
    }
    starts
};

/// Each unit's prior weight within its disorder (a disorder's weights sum to 1): the subtypes of a group share
/// `1 − POOLED_WEIGHT` equally and its pooled unit has `POOLED_WEIGHT`; a disorder scored whole has weight 1.
pub(crate) static UNIT_WEIGHTS: [f64; UNIT_COUNT] = {
    let mut weights = [0.0; UNIT_COUNT];
    let mut d = 0;
    while d < Disorder::COUNT {
        let (start, end) = (DISORDER_UNITS[d], DISORDER_UNITS[d + 1]);
        let mut subtypes = 0;
        let mut u = start;
        while u < end {
            if !UNITS[u].is_pooled(u) {
                subtypes += 1;
            }
            u += 1;
        }
        let has_pooled = end - start > subtypes;
        let mut u = start;
        while u < end {
            weights[u] = if !has_pooled {
                1.0 / subtypes as f64
            } else if UNITS[u].is_pooled(u) {
                super::POOLED_WEIGHT
            } else {
                (1.0 - super::POOLED_WEIGHT) / subtypes as f64
            };
            u += 1;
        }
        d += 1;
    }
    weights
};

/// Builds a profile feature in generated code.
pub(crate) const fn feature(index: u16, frequency: f64, source: u8, flags: u8) -> ProfileFeature {
    ProfileFeature {
        term: Term::at(index),
        frequency,
        source: match source {
            1 => ProfileSource::Curated,
            2 => ProfileSource::Exact,
            3 => ProfileSource::Subtype,
            _ => ProfileSource::Sibling,
        },
        excluded: flags & 1 != 0,
        hallmark: flags & 2 != 0,
    }
}

/// Flags of a posting: low 5 bits = the term's hallmark bit for the disorder (`NO_HALLMARK`: none).
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the code generator folds the hallmark bits into the row notes; tests refold them"
    )
)]
pub(crate) const NO_HALLMARK: u8 = 0x1F;
/// The term is a direct feature of the disorder.
pub(crate) const DIRECT: u8 = 0x20;
/// The disorder excludes the term.
pub(crate) const EXCLUDED: u8 = 0x40;

/// Scoring unit `unit` carries the posting's term (directly, or implied by a descendant feature), or excludes
/// it. Frequencies are stored in units of 1/10000.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    /// Hallmarks of the disorder that are the term or its descendants (bit i = `PROFILE_HALLMARKS[d][i]`).
    pub mask: u32,
    /// The share of the disorder's manifestations (sum of feature frequencies) that are the term or below it.
    pub share: f32,
    /// The direct feature giving the implied frequency (the most frequent one below or at the term).
    pub source: u16,
    /// Implied frequency: the largest frequency among the disorder's features that are the term or below it.
    pub implied: u16,
    /// The term's own direct frequency (0 unless `DIRECT`).
    pub direct: u16,
    /// Index of the scoring unit in [`units`].
    pub unit: u16,
    /// `DIRECT`, `EXCLUDED` and the hallmark bit.
    pub flags: u8,
}

/// Builds a posting in generated code (frequencies as probabilities, stored in 1/10000).
pub(crate) const fn posting(
    unit: u16,
    flags: u8,
    source: u16,
    implied: f64,
    direct: f64,
    share: f32,
    mask: u32,
) -> Posting {
    Posting {
        mask,
        share,
        source,
        implied: (implied * 10000.0 + 0.5) as u16,
        direct: (direct * 10000.0 + 0.5) as u16,
        unit,
        flags,
    }
}

/// The postings of a term: which disorders carry or exclude it.
pub(crate) fn postings(term: Term) -> &'static [Posting] {
    let i = term.index();
    let start = PROFILE_POSTING_STARTS.get(i).copied().unwrap_or(0) as usize;
    let end = PROFILE_POSTING_STARTS.get(i + 1).copied().unwrap_or(0) as usize;
    PROFILE_POSTINGS.get(start..end).unwrap_or(&[])
}

/// The first postings of a term: those that name the term itself (exclusions first, then direct features). An
/// ancestor of a finding contributes only these one by one; what it implies comes from [`ancestor_row`].
pub(crate) fn direct_postings(term: Term) -> &'static [Posting] {
    let count = PROFILE_DIRECT_COUNTS.get(term.index()).copied().unwrap_or(0);
    postings(term).get(..usize::from(count)).unwrap_or(&[])
}

/// A term's ancestor row (for terms with descendants that carry postings): what the term and its ancestors
/// below Phenotypic abnormality give a finding below the term.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AncestorRow {
    /// For each unit: the best probability the term or an ancestor gives the finding, over the finding's
    /// background share.
    pub scores: &'static [f32],
    /// For each unit: the posting behind the score ([`Via`]).
    pub vias: &'static [u32],
    /// The term and its ancestors that have [`direct_postings`], deepest first.
    pub named: &'static [u16],
    /// What the direct postings of the named terms say of each unit they name, ascending by unit ([`Note`]).
    pub notes: &'static [u64],
    /// Beside each note: the unit's best [`presence_ratio`] over its direct features among the named terms.
    pub presence: &'static [f32],
}

/// `f(a) / B(a)` for a direct feature `a` of a unit with stored frequency `direct` (`B`: the disease
/// fraction), rounded to `f32` as the code generator stores it in the row notes: an excluded finding `h`
/// below `a` is then present with probability `B(h) × presence_ratio` in both passes.
pub(crate) fn presence_ratio(a: Term, direct: u16) -> f32 {
    (probability(direct) / a.disease_fraction()) as f32
}

/// A row note: what the direct postings of an ancestor row's named terms say of one unit, folded by the code
/// generator: `unit | excluded << 16 | hallmark bits << 32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Note(pub u64);

impl Note {
    const EXCLUDED: u64 = 1 << 16;

    /// The unit.
    pub(crate) fn unit(self) -> usize {
        (self.0 & 0xFFFF) as usize
    }

    /// Whether the unit excludes one of the named terms.
    pub(crate) fn excluded(self) -> bool {
        self.0 & Self::EXCLUDED != 0
    }

    /// The unit's hallmark bits among its direct features in the named terms.
    pub(crate) fn hallmarks(self) -> u32 {
        (self.0 >> 32) as u32
    }
}

/// The [`AncestorRow`] of a term, if it has one.
pub(crate) fn ancestor_row(term: Term) -> Option<AncestorRow> {
    let row = usize::from(*ANCESTOR_ROW_OF_TERM.get(term.index())?);
    let range = row * UNIT_COUNT..(row + 1) * UNIT_COUNT;
    let start = *ANCESTOR_NAMED_STARTS.get(row)? as usize;
    let end = *ANCESTOR_NAMED_STARTS.get(row + 1)? as usize;
    let notes_start = *ANCESTOR_NOTE_STARTS.get(row)? as usize;
    let notes_end = *ANCESTOR_NOTE_STARTS.get(row + 1)? as usize;
    Some(AncestorRow {
        scores: ANCESTOR_SCORES.get(range.clone())?,
        vias: ANCESTOR_VIAS.get(range)?,
        named: ANCESTOR_NAMED_TERMS.get(start..end)?,
        notes: ANCESTOR_NOTES.get(notes_start..notes_end)?,
        presence: ANCESTOR_NOTE_PRESENCE.get(notes_start..notes_end)?,
    })
}

/// The posting behind an ancestor-row score: `term << 16 | narrower << 15 | position in the term's postings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Via(pub u32);

impl Via {
    /// No ancestor explains the finding for the unit (the root's first posting, which cannot exist).
    pub(crate) const NONE: Via = Via(0);
    const NARROWER: u32 = 1 << 15;

    /// The ancestor term.
    pub(crate) fn term(self) -> Term {
        Term::at((self.0 >> 16) as u16)
    }

    /// Whether the ancestor is a direct feature matched as such (else: related through it).
    pub(crate) fn narrower(self) -> bool {
        self.0 & Self::NARROWER != 0
    }

    /// The posting, `None` for [`Via::NONE`].
    pub(crate) fn posting(self) -> Option<&'static Posting> {
        if self == Self::NONE {
            return None;
        }
        postings(self.term()).get((self.0 & (Self::NARROWER - 1)) as usize)
    }
}

/// A frequency stored in 1/10000 as a probability.
pub(crate) fn probability(stored: u16) -> f64 {
    f64::from(stored) / 10000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_in_disorder_order() {
        for (i, (d, features)) in PROFILES.iter().enumerate() {
            assert_eq!(d.index(), i);
            assert!(!features.is_empty(), "{d:?} has an empty profile");
            for f in *features {
                assert!((0.0..=1.0).contains(&f.frequency), "{d:?} {f:?}");
                assert_eq!(f.excluded, f.frequency == 0.0, "{d:?} {f:?}");
                assert!(f.term.is_phenotypic_abnormality());
            }
        }
    }

    #[test]
    fn units_are_grouped_by_disorder() {
        let mut last = 0;
        for (i, u) in units().iter().enumerate() {
            assert!(u.disorder.index() >= last, "{u:?}");
            if u.entry.is_some() {
                let pooled = units().get(usize::from(u.group)).unwrap_or_else(|| panic!("{u:?}"));
                assert!(
                    pooled.is_pooled(usize::from(u.group)) && pooled.disorder == u.disorder,
                    "{u:?}"
                );
            } else {
                assert!(u.group == NO_GROUP || u.is_pooled(i), "{u:?}");
            }
            last = u.disorder.index();
            assert!(u.hallmarks.len() <= 31);
            assert!(u.mass > 0.0);
        }
        for d in Disorder::ALL {
            assert!(units().iter().any(|u| u.disorder == d), "{d:?} has no scoring unit");
        }
    }

    #[test]
    fn postings_agree_with_profiles() {
        for (i, u) in units().iter().enumerate() {
            let base = if u.entry.is_some() || u.is_pooled(i) {
                profile(u.disorder)
            } else {
                &[]
            };
            for f in base.iter().chain(u.features) {
                let p = postings(f.term).iter().find(|p| usize::from(p.unit) == i);
                let p = p.unwrap_or_else(|| panic!("{u:?} {f:?} has no posting"));
                if f.excluded {
                    assert!(p.flags & EXCLUDED != 0 || p.flags & DIRECT == 0);
                } else {
                    assert!(p.flags & DIRECT != 0);
                    assert!((probability(p.direct) - f.frequency).abs() < 1e-4);
                    assert!(p.implied >= p.direct);
                    // Every ancestor carries it too, with at least this frequency.
                    for a in f.term.ancestors().filter(|a| a.is_phenotypic_abnormality()) {
                        let pa = postings(a).iter().find(|p| usize::from(p.unit) == i);
                        assert!(pa.is_some_and(|pa| pa.implied >= p.direct), "{u:?} {f:?} {a:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn ancestor_rows_agree_with_postings() {
        use crate::differential::RELATED_WEIGHT;
        let mut rows = 0;
        for i in 0..ANCESTOR_ROW_OF_TERM.len() {
            let t = Term::at(i as u16);
            let Some(AncestorRow {
                scores,
                vias,
                named,
                notes,
                presence,
            }) = ancestor_row(t)
            else {
                continue;
            };
            rows += 1;
            let expected_named: Vec<u16> = t
                .self_and_ancestors()
                .filter(|&a| a != Term::PHENOTYPIC_ABNORMALITY && !direct_postings(a).is_empty())
                .map(|a| a.index() as u16)
                .collect();
            assert_eq!(named, expected_named, "{t:?}");
            // The notes, refolded from the named terms' direct postings.
            let mut expected_notes = std::collections::BTreeMap::<usize, (bool, u32, f32)>::new();
            for &a in named {
                for p in direct_postings(Term::at(a)) {
                    let note = expected_notes.entry(usize::from(p.unit)).or_default();
                    if p.flags & EXCLUDED != 0 {
                        note.0 = true;
                        continue;
                    }
                    if p.flags & NO_HALLMARK != NO_HALLMARK {
                        note.1 |= 1 << (p.flags & NO_HALLMARK);
                    }
                    // Bit for bit: both passes read these.
                    note.2 = note.2.max(presence_ratio(Term::at(a), p.direct));
                }
            }
            let notes: Vec<(usize, (bool, u32, f32))> = notes
                .iter()
                .zip(presence)
                .map(|(&n, &r)| (Note(n).unit(), (Note(n).excluded(), Note(n).hallmarks(), r)))
                .collect();
            assert_eq!(notes, expected_notes.into_iter().collect::<Vec<_>>(), "{t:?}");
            for (u, unit) in units().iter().enumerate() {
                // The best over the term and its ancestors below Phenotypic abnormality, recomputed.
                let mut expected = 0f32;
                for a in t.self_and_ancestors().filter(|&a| a != Term::PHENOTYPIC_ABNORMALITY) {
                    let background = a.background_share();
                    for p in postings(a)
                        .iter()
                        .filter(|p| usize::from(p.unit) == u && p.flags & EXCLUDED == 0)
                    {
                        expected = expected.max((RELATED_WEIGHT * f64::from(p.share) / background) as f32);
                        if p.flags & DIRECT != 0 {
                            expected = expected.max((probability(p.direct) / unit.mass / background) as f32);
                        }
                    }
                }
                let (score, via) = (scores[u], Via(vias[u]));
                assert!(
                    (score - expected).abs() <= expected * 1e-6,
                    "{t:?} unit {u}: {score} vs {expected}"
                );
                if score > 0.0 {
                    let p = via.posting().unwrap_or_else(|| panic!("{t:?} unit {u}: no posting"));
                    assert_eq!(usize::from(p.unit), u);
                    assert!(t.is_a(via.term()) && via.term() != Term::PHENOTYPIC_ABNORMALITY);
                    assert!(!via.narrower() || p.flags & DIRECT != 0);
                }
            }
        }
        assert!(rows > 1000, "{rows} rows");
    }

    #[test]
    fn unit_tables_agree_with_units() {
        for d in Disorder::ALL {
            let range = DISORDER_UNITS[d.index()]..DISORDER_UNITS[d.index() + 1];
            assert!(!range.is_empty(), "{d:?}");
            assert!(units()[range.clone()].iter().all(|u| u.disorder == d), "{d:?}");
            let total: f64 = UNIT_WEIGHTS[range.clone()].iter().sum();
            assert!((total - 1.0).abs() < 1e-12, "{d:?}: weights sum to {total}");
        }
        assert_eq!(DISORDER_UNITS[Disorder::COUNT], UNIT_COUNT);
        for (u, unit) in units().iter().enumerate() {
            assert_eq!(POOLS[unit.disorder.index()], unit.group, "{unit:?}");
            if unit.group != NO_GROUP {
                assert_eq!(units()[usize::from(unit.group)].disorder, unit.disorder, "{unit:?}");
                assert!(unit.entry.is_some() || unit.is_pooled(u), "{unit:?}");
            }
        }
    }

    #[test]
    fn direct_postings_come_first() {
        for i in 0..PROFILE_DIRECT_COUNTS.len() {
            let t = Term::at(i as u16);
            let direct = direct_postings(t).len();
            for (k, p) in postings(t).iter().enumerate() {
                assert_eq!(p.flags & (DIRECT | EXCLUDED) != 0, k < direct, "{t:?}");
            }
            // Exclusions first.
            let excluded = direct_postings(t).iter().filter(|p| p.flags & EXCLUDED != 0).count();
            assert!(
                direct_postings(t)[..excluded].iter().all(|p| p.flags & EXCLUDED != 0),
                "{t:?}"
            );
        }
    }
}
