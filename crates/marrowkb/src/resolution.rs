//! One resolver for everything a registry column holds: names, synonyms, abbreviations, ORPHA and OMIM ids,
//! WHO ICD-10 codes (through their category when the subcategory itself is not carried) and gene symbols,
//! one input or a whole column at a time, with a per-row status that says why a row has no answer.
//!
//! ```
//! use marrowkb::Disorder;
//! use marrowkb::resolution::{MatchKind, Status, resolve_many};
//! let rows = resolve_many([Some("FA"), Some("D46.9"), Some("RPS19"), None, Some("D61.0")], false);
//! assert_eq!(rows[0].as_ref().unwrap().disorder, Disorder::FanconiAnemia);
//! assert_eq!(rows[1].as_ref().unwrap().match_kind, MatchKind::Icd10Parent);
//! assert_eq!(rows[2].as_ref().unwrap().match_kind, MatchKind::Gene);
//! let statuses: Vec<Status> = rows.iter().map(Status::of).collect();
//! assert_eq!(&statuses[3..], [Status::Missing, Status::Ambiguous]);
//! ```
//!
//! # The subtype-to-group rule
//!
//! When a disorder is `subtype_of` another (Kostmann syndrome of severe congenital neutropenia), every code
//! and gene of the subtype answers for the group too, marked as coming through the subtype
//! ([`Resolution::groups`], [`crate::gene::GeneLink::through`], [`crate::search::Hit::through`]). An answer
//! that must be one disorder is the most specific one: a group reached through a subtype never makes an input
//! ambiguous.

pub use crate::generated::resolution::*;

use crate::classes::{IcdMatch, RelationKind, XrefMatch};
use crate::codes::{Icd10Code, IdKind, OmimId, OrphaId};
use crate::generated::{DISORDER_BY_NAME, DISORDER_SEARCH_NAMES, ICD10_INDEX, ICD10_PARENT};
use crate::lookup::{normalize_error, probe};
use crate::normalize::Normalized;
use crate::{Disorder, Error, Gene, Result};
use core::fmt;

/// A set of disorders, in discriminant order. Fixed-size and `Copy`: errors carry it without allocating.
///
/// ```
/// use marrowkb::{Disorder, resolution::DisorderSet};
/// let set: DisorderSet = [Disorder::KostmannSyndrome, Disorder::FanconiAnemia].into_iter().collect();
/// assert_eq!(set.len(), 2);
/// assert_eq!(set.first(), Some(Disorder::FanconiAnemia));
/// assert_eq!(set.to_string(), "Fanconi anemia, Kostmann syndrome");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DisorderSet(u64);

const _: () = assert!(Disorder::COUNT <= 64, "DisorderSet holds at most 64 disorders");

impl DisorderSet {
    /// The empty set.
    ///
    /// ```
    /// assert!(marrowkb::resolution::DisorderSet::EMPTY.is_empty());
    /// ```
    pub const EMPTY: DisorderSet = DisorderSet(0);

    /// Adds a disorder.
    ///
    /// ```
    /// use marrowkb::{Disorder, resolution::DisorderSet};
    /// let mut set = DisorderSet::EMPTY;
    /// set.insert(Disorder::FanconiAnemia);
    /// assert!(set.contains(Disorder::FanconiAnemia));
    /// ```
    pub fn insert(&mut self, disorder: Disorder) {
        self.0 |= 1 << disorder.index();
    }

    /// Removes a disorder.
    ///
    /// ```
    /// use marrowkb::{Disorder, resolution::DisorderSet};
    /// let mut set: DisorderSet = [Disorder::FanconiAnemia].into_iter().collect();
    /// set.remove(Disorder::FanconiAnemia);
    /// assert!(set.is_empty());
    /// ```
    pub fn remove(&mut self, disorder: Disorder) {
        self.0 &= !(1 << disorder.index());
    }

    /// Whether the set holds `disorder`.
    ///
    /// ```
    /// use marrowkb::{Disorder, resolution::DisorderSet};
    /// assert!(!DisorderSet::EMPTY.contains(Disorder::FanconiAnemia));
    /// ```
    pub fn contains(self, disorder: Disorder) -> bool {
        self.0 & (1 << disorder.index()) != 0
    }

    /// How many disorders it holds.
    ///
    /// ```
    /// assert_eq!(marrowkb::resolution::DisorderSet::EMPTY.len(), 0);
    /// ```
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether it is empty.
    ///
    /// ```
    /// assert!(marrowkb::resolution::DisorderSet::default().is_empty());
    /// ```
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The disorders, in discriminant order.
    ///
    /// ```
    /// use marrowkb::{Disorder, resolution::DisorderSet};
    /// let set: DisorderSet = Disorder::ALL.into_iter().collect();
    /// assert!(set.iter().eq(Disorder::ALL));
    /// ```
    pub fn iter(self) -> impl Iterator<Item = Disorder> {
        Disorder::ALL.into_iter().filter(move |d| self.contains(*d))
    }

    /// The first disorder in discriminant order.
    ///
    /// ```
    /// assert_eq!(marrowkb::resolution::DisorderSet::EMPTY.first(), None);
    /// ```
    pub fn first(self) -> Option<Disorder> {
        self.iter().next()
    }
}

impl FromIterator<Disorder> for DisorderSet {
    fn from_iter<I: IntoIterator<Item = Disorder>>(iter: I) -> Self {
        let mut set = DisorderSet::EMPTY;
        for d in iter {
            set.insert(d);
        }
        set
    }
}

impl fmt::Display for DisorderSet {
    /// The disorders' names, separated by commas.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(d.info().name)?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DisorderSet {
    /// A list of disorder keys.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl Status {
    /// The status of one resolution result.
    ///
    /// ```
    /// use marrowkb::resolution::{Status, resolve_detailed};
    /// assert_eq!(Status::of(&resolve_detailed("FA", false)), Status::Found);
    /// assert_eq!(Status::of(&resolve_detailed("  ", false)), Status::Missing);
    /// assert_eq!(Status::of(&resolve_detailed("ELANE", false)), Status::Ambiguous);
    /// assert_eq!(Status::of(&resolve_detailed("ORPHA:x", false)), Status::Malformed);
    /// assert_eq!(Status::of(&resolve_detailed("zzzz", false)), Status::Unknown);
    /// ```
    pub fn of<T>(result: &Result<T>) -> Status {
        match result {
            Ok(_) => Status::Found,
            Err(error) => Status::of_error(error),
        }
    }

    /// The status an error stands for.
    ///
    /// ```
    /// use marrowkb::{Error, resolution::Status};
    /// assert_eq!(Status::of_error(&Error::EmptyInput), Status::Missing);
    /// ```
    pub fn of_error(error: &Error) -> Status {
        match error {
            Error::EmptyInput => Status::Missing,
            Error::InputTooLong { .. } => Status::TooLong,
            Error::Ambiguous { .. } => Status::Ambiguous,
            Error::UnknownName { .. } | Error::UnknownId { .. } | Error::ObsoleteId { .. } => Status::Unknown,
            _ => Status::Malformed,
        }
    }
}

/// What an input resolved to, and how.
///
/// ```
/// use marrowkb::{Disorder, resolution::{MatchKind, resolve_detailed}};
/// let r = resolve_detailed("OMIM:610738", false).unwrap();
/// assert_eq!((r.disorder, r.match_kind), (Disorder::KostmannSyndrome, MatchKind::Omim));
/// assert!(r.groups.contains(Disorder::SevereCongenitalNeutropenia));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Resolution {
    /// The disorder.
    pub disorder: Disorder,
    /// How the input reached it.
    pub match_kind: MatchKind,
    /// For [`MatchKind::Icd10Parent`], the WHO category that matched (`D46` for `D46.9`).
    pub parent_code: Option<Icd10Code>,
    /// The groups the disorder is a subtype of: the input answers for them too, through the disorder.
    pub groups: DisorderSet,
}

/// A disorder's primary codes, one per system, for a table row (the columns of `resolve_many` data frames and
/// `marrowkb map`): its first exact-or-subtype ORPHA entry, its exact OMIM entry (none for disorders known
/// only by their subtypes' entries), its first exact ICD-10 code (else its first code).
///
/// ```
/// use marrowkb::{Disorder, resolution::primary_codes};
/// let codes = primary_codes(Disorder::FanconiAnemia);
/// assert_eq!(codes.orpha.unwrap().to_string(), "ORPHA:84");
/// assert_eq!(codes.omim, None); // FA is known by its 20-odd complementation groups' entries
/// assert_eq!(codes.icd10.unwrap().as_str(), "D61.0");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PrimaryCodes {
    /// The first ORPHA entry that is the disorder or a form of it.
    pub orpha: Option<OrphaId>,
    /// The OMIM entry that is exactly the disorder.
    pub omim: Option<OmimId>,
    /// The first exact ICD-10 code, else the first code.
    pub icd10: Option<Icd10Code>,
}

/// See [`PrimaryCodes`].
///
/// ```
/// let codes = marrowkb::resolution::primary_codes(marrowkb::Disorder::KostmannSyndrome);
/// assert_eq!(codes.omim.unwrap().to_string(), "OMIM:610738");
/// ```
pub fn primary_codes(d: Disorder) -> PrimaryCodes {
    let info = d.info();
    PrimaryCodes {
        orpha: info
            .orpha
            .iter()
            .find(|x| x.match_kind != XrefMatch::Closest)
            .map(|x| x.id),
        omim: info
            .omim
            .iter()
            .find(|x| x.match_kind == XrefMatch::Exact)
            .map(|x| x.id),
        icd10: info
            .icd10
            .iter()
            .find(|x| x.match_kind == IcdMatch::Exact)
            .or(info.icd10.first())
            .map(|x| x.code),
    }
}

/// The groups `d` is a subtype of, following `subtype_of` transitively.
///
/// ```
/// use marrowkb::{Disorder, resolution::groups_of};
/// assert_eq!(groups_of(Disorder::KostmannSyndrome).first(), Some(Disorder::SevereCongenitalNeutropenia));
/// assert!(groups_of(Disorder::FanconiAnemia).is_empty());
/// ```
pub fn groups_of(d: Disorder) -> DisorderSet {
    let mut set = DisorderSet::EMPTY;
    let mut todo = [None; Disorder::COUNT];
    let mut n = 0;
    todo[0] = Some(d);
    n += 1;
    while n > 0 {
        n -= 1;
        let Some(current) = todo[n] else { continue };
        for r in current.info().relations {
            if r.kind == RelationKind::SubtypeOf && r.target != d && !set.contains(r.target) {
                set.insert(r.target);
                if n < todo.len() {
                    todo[n] = Some(r.target);
                    n += 1;
                }
            }
        }
    }
    set
}

/// Drops every candidate that is a group of another candidate: the most specific answer wins.
fn most_specific(candidates: DisorderSet) -> DisorderSet {
    let mut out = candidates;
    for c in candidates.iter() {
        for g in groups_of(c).iter() {
            out.remove(g);
        }
    }
    out
}

fn found(disorder: Disorder, match_kind: MatchKind, parent_code: Option<Icd10Code>) -> Resolution {
    Resolution {
        disorder,
        match_kind,
        parent_code,
        groups: groups_of(disorder),
    }
}

/// One disorder from candidates, or the ambiguity error listing them.
fn one_of(
    candidates: DisorderSet,
    kind: IdKind,
    match_kind: MatchKind,
    parent_code: Option<Icd10Code>,
) -> Result<Resolution> {
    let specific = most_specific(candidates);
    match (specific.first(), specific.len()) {
        (None, _) => Err(Error::UnknownId { kind }),
        (Some(d), 1) => Ok(found(d, match_kind, parent_code)),
        _ => Err(Error::Ambiguous { kind, candidates }),
    }
}

fn xref_candidates(links: &[(Disorder, XrefMatch)]) -> DisorderSet {
    links
        .iter()
        .filter(|(_, m)| *m != XrefMatch::Closest)
        .map(|(d, _)| *d)
        .collect()
}

/// The disorders coded with one ICD-10 code, with how (exact codings first).
pub type IcdLinks = &'static [(Disorder, IcdMatch)];

/// The disorders an ICD-10 code reaches: its own links, or its WHO category's (with the category).
///
/// ```
/// use marrowkb::{Disorder, resolution::icd10_links};
/// let (links, parent) = icd10_links("D46.9".parse().unwrap()).unwrap();
/// assert_eq!(parent.unwrap().as_str(), "D46");
/// assert_eq!(links[0].0, Disorder::MyelodysplasticSyndrome);
/// ```
///
/// # Errors
/// [`Error::UnknownId`] when neither the code nor its category is carried by any disorder.
pub fn icd10_links(code: Icd10Code) -> Result<(IcdLinks, Option<Icd10Code>)> {
    if let Some(links) = ICD10_INDEX.get(code.as_str()) {
        return Ok((links, None));
    }
    ICD10_PARENT
        .get(code.as_str())
        .and_then(|parent| Some((*ICD10_INDEX.get(*parent)?, Some(Icd10Code::from_static(parent)))))
        .ok_or(Error::UnknownId { kind: IdKind::Icd10 })
}

fn resolve_icd10(code: Icd10Code) -> Result<Resolution> {
    let (links, parent) = icd10_links(code)?;
    let match_kind = if parent.is_some() {
        MatchKind::Icd10Parent
    } else {
        MatchKind::Icd10
    };
    // A code exactly one disorder carries as exact answers for it; otherwise the code is shared.
    let mut exact = links.iter().filter(|(_, m)| *m == IcdMatch::Exact);
    if let (Some((d, _)), None) = (exact.next(), exact.next()) {
        return Ok(found(*d, match_kind, parent));
    }
    one_of(
        links.iter().map(|(d, _)| *d).collect(),
        IdKind::Icd10,
        match_kind,
        parent,
    )
}

fn resolve_gene(gene: Gene) -> Result<Resolution> {
    one_of(gene.direct_disorders().collect(), IdKind::Gene, MatchKind::Gene, None)
}

/// Whether `text` starts with `prefix`, ASCII case-insensitively.
fn has_prefix(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// How a name hit was spelled: the disorder's name, an abbreviation, or a synonym (or short form).
fn name_kind(disorder: Disorder, normalized: &str) -> MatchKind {
    let info = disorder.info();
    let spelled = DISORDER_SEARCH_NAMES[disorder.index()]
        .iter()
        .find(|(n, _)| *n == normalized)
        .map(|(_, name)| *name);
    match spelled {
        Some(name) if name == info.name || name == info.key => MatchKind::Name,
        Some(name) if info.abbreviations.contains(&name) => MatchKind::Abbreviation,
        _ => MatchKind::Synonym,
    }
}

/// Resolves one input: a name, synonym or abbreviation, an ORPHA or OMIM id (`ORPHA:84`, `ORPHA 84`,
/// `OMIM:227650`, `MIM #227650`), a WHO ICD-10 code (`D61.9`; a subcategory no disorder carries resolves
/// through its category, `D46.9` → `D46`) or an HGNC gene symbol. With `suggestions`, an unknown name carries
/// the closest names (a few microseconds); without, a miss costs as little as a hit.
///
/// ```
/// use marrowkb::{Disorder, Error, resolution::{MatchKind, resolve_detailed}};
/// let r = resolve_detailed("Blackfan-Diamond anaemia", false).unwrap();
/// assert_eq!((r.disorder, r.match_kind), (Disorder::DiamondBlackfanAnemia, MatchKind::Synonym));
/// let r = resolve_detailed("ORPHA 84", false).unwrap();
/// assert_eq!((r.disorder, r.match_kind), (Disorder::FanconiAnemia, MatchKind::Orpha));
/// match resolve_detailed("D61.0", false) {
///     Err(Error::Ambiguous { candidates, .. }) => assert!(candidates.contains(Disorder::FanconiAnemia)),
///     other => panic!("{other:?}"),
/// }
/// ```
///
/// # Errors
/// [`Error::EmptyInput`] (a missing value), [`Error::InputTooLong`], [`Error::Ambiguous`] with the
/// candidates, [`Error::UnknownId`] for a well-formed code nothing carries, [`Error::MalformedId`], or
/// [`Error::UnknownName`] (with suggestions when asked).
pub fn resolve_detailed(text: &str, suggestions: bool) -> Result<Resolution> {
    let mut normalized = Normalized::new();
    normalized.fill(text).map_err(normalize_error)?;
    if let Some(d) = probe(&DISORDER_BY_NAME, normalized.as_bytes()) {
        return Ok(found(d, name_kind(d, normalized.as_str()), None));
    }
    let trimmed = text.trim();
    if has_prefix(trimmed, "ORPHA") {
        let id = OrphaId::parse(trimmed)?;
        return one_of(
            xref_candidates(Disorder::all_for_orpha(id)),
            IdKind::Orpha,
            MatchKind::Orpha,
            None,
        );
    }
    if has_prefix(trimmed, "OMIM") || has_prefix(trimmed, "MIM") || trimmed.starts_with('#') {
        let id = OmimId::parse(trimmed)?;
        return one_of(
            xref_candidates(Disorder::all_for_omim(id)),
            IdKind::Omim,
            MatchKind::Omim,
            None,
        );
    }
    if has_prefix(trimmed, "ICD") {
        return resolve_icd10(Icd10Code::parse(trimmed)?);
    }
    let mut unknown_code = None;
    if let Ok(code) = Icd10Code::parse(trimmed) {
        match resolve_icd10(code) {
            Err(error @ Error::UnknownId { .. }) => unknown_code = Some(error),
            other => return other,
        }
    }
    if let Ok(gene) = Gene::from_symbol(trimmed) {
        return resolve_gene(gene);
    }
    if let Some(error) = unknown_code {
        return Err(error);
    }
    Err(if suggestions {
        crate::lookup::unknown_name(normalized.as_str())
    } else {
        Error::UnknownName {
            suggestions: crate::Suggestions::default(),
        }
    })
}

/// Resolves a column: one result per item, in order. `None` (a missing cell) gives [`Error::EmptyInput`],
/// whose [`Status`] is [`Status::Missing`]; nothing makes the whole batch fail.
///
/// ```
/// use marrowkb::resolution::{Status, resolve_many};
/// let rows = resolve_many(["ORPHA:84", "D61.9", "RPS19", "", "fanconni"].map(Some), true);
/// let statuses: Vec<_> = rows.iter().map(Status::of).collect();
/// use Status::*;
/// assert_eq!(statuses, [Found, Found, Found, Missing, Unknown]);
/// ```
pub fn resolve_many<'a, I>(items: I, suggestions: bool) -> Vec<Result<Resolution>>
where
    I: IntoIterator<Item = Option<&'a str>>,
{
    items
        .into_iter()
        .map(|item| match item {
            Some(text) => resolve_detailed(text, suggestions),
            None => Err(Error::EmptyInput),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Resolution {
        resolve_detailed(text, false).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn names_say_how_they_matched() {
        assert_eq!(ok("Fanconi anemia").match_kind, MatchKind::Name);
        assert_eq!(ok("fanconi_anemia").match_kind, MatchKind::Name);
        assert_eq!(ok("FA").match_kind, MatchKind::Abbreviation);
        assert_eq!(ok("Fanconi anaemia").match_kind, MatchKind::Name); // British spelling of the name
        assert_eq!(ok("Fanconi pancytopenia").match_kind, MatchKind::Synonym);
        assert_eq!(ok("Kostmann").match_kind, MatchKind::Synonym);
    }

    #[test]
    fn codes_resolve_with_tolerant_spellings() {
        for text in [
            "ORPHA:84",
            "ORPHA 84",
            "orpha_84",
            "Orphanet:84",
            "OMIM 227650",
            "MIM #227650",
            "#227650",
        ] {
            assert_eq!(ok(text).disorder, Disorder::FanconiAnemia, "{text}");
        }
        assert_eq!(ok("ICD-10 D61.9").disorder, Disorder::AplasticAnemia);
        assert_eq!(ok("d61.8").disorder, Disorder::AplasticAnemia);
    }

    #[test]
    fn icd10_subcategories_resolve_through_their_category() {
        for code in ["D46.0", "D46.2", "D46.4", "D46.5", "D46.6", "D46.7", "D46.9"] {
            let r = ok(code);
            assert_eq!(r.disorder, Disorder::MyelodysplasticSyndrome, "{code}");
            assert_eq!(r.match_kind, MatchKind::Icd10Parent, "{code}");
            assert_eq!(r.parent_code.map(|c| c.as_str().to_owned()), Some("D46".to_owned()));
        }
        // Carried codes are direct; codes WHO does not have are unknown, not guessed from a category.
        assert_eq!(ok("D46").match_kind, MatchKind::Icd10);
        assert!(matches!(
            resolve_detailed("D46.3", false),
            Err(Error::UnknownId { kind: IdKind::Icd10 })
        ));
        assert!(matches!(
            resolve_detailed("A00.0", false),
            Err(Error::UnknownId { kind: IdKind::Icd10 })
        ));
        let coded = Disorder::from_icd10("D46.9").unwrap();
        assert_eq!(coded[0].0, Disorder::MyelodysplasticSyndrome);
    }

    #[test]
    fn shared_codes_and_genes_are_ambiguous_with_candidates() {
        for (text, kind, expected) in [
            (
                "D61.0",
                IdKind::Icd10,
                &[Disorder::FanconiAnemia, Disorder::DiamondBlackfanAnemia][..],
            ),
            ("D69.4", IdKind::Icd10, &[Disorder::InheritedThrombocytopenia]),
            (
                "ELANE",
                IdKind::Gene,
                &[Disorder::CyclicNeutropenia, Disorder::SevereCongenitalNeutropenia],
            ),
            (
                "TERT",
                IdKind::Gene,
                &[Disorder::AplasticAnemia, Disorder::DyskeratosisCongenita],
            ),
        ] {
            match resolve_detailed(text, true) {
                Err(Error::Ambiguous { kind: k, candidates }) => {
                    assert_eq!(k, kind, "{text}");
                    for d in expected {
                        assert!(candidates.contains(*d), "{text}: {d:?} in {candidates}");
                    }
                    let message = Error::Ambiguous { kind, candidates }.to_string();
                    assert!(message.contains(expected[0].info().name), "{message}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_subtype_answers_before_its_group() {
        // HAX1 and Kostmann's OMIM entry reach severe congenital neutropenia only through Kostmann syndrome.
        for text in ["HAX1", "OMIM:610738"] {
            let r = ok(text);
            assert_eq!(r.disorder, Disorder::KostmannSyndrome, "{text}");
            assert_eq!(
                r.groups.iter().collect::<Vec<_>>(),
                [Disorder::SevereCongenitalNeutropenia]
            );
        }
        assert_eq!(ok("RBM8A").disorder, Disorder::ThrombocytopeniaAbsentRadius);
        assert!(ok("RBM8A").groups.contains(Disorder::InheritedThrombocytopenia));
        // Candidates that are a subtype and its group reduce to the subtype.
        let both: DisorderSet = [Disorder::KostmannSyndrome, Disorder::SevereCongenitalNeutropenia]
            .into_iter()
            .collect();
        assert_eq!(
            most_specific(both).iter().collect::<Vec<_>>(),
            [Disorder::KostmannSyndrome]
        );
    }

    #[test]
    fn every_gene_and_code_of_a_subtype_reaches_its_group() {
        for d in Disorder::ALL {
            for g in groups_of(d).iter() {
                for gene in d.genes() {
                    assert!(gene.disorders().contains(&g), "{gene} of {d:?} must reach {g:?}");
                    let through = gene.links().iter().find(|l| l.disorder == g).and_then(|l| l.through);
                    if !gene.direct_disorders().any(|x| x == g) {
                        assert_eq!(through, Some(d), "{gene}");
                    }
                }
                for x in d.info().omim.iter().filter(|x| x.match_kind != XrefMatch::Closest) {
                    let r = ok(&x.id.to_string());
                    assert!(r.disorder == d || groups_of(r.disorder).contains(d), "{}", x.id);
                    assert!(r.groups.contains(g) || r.disorder == g, "{}", x.id);
                }
            }
        }
    }

    #[test]
    fn rows_say_why_they_failed() {
        let long = "x".repeat(600);
        let rows = resolve_many(
            [
                Some(""),
                None,
                Some("  "),
                Some(long.as_str()),
                Some("ORPHA:x"),
                Some("ORPHA:1"),
                Some("zzzz"),
            ],
            true,
        );
        let statuses: Vec<Status> = rows.iter().map(Status::of).collect();
        use Status::*;
        assert_eq!(
            statuses,
            [Missing, Missing, Missing, TooLong, Malformed, Unknown, Unknown]
        );
        assert!(matches!(
            resolve_detailed("fanconni", true),
            Err(Error::UnknownName { suggestions }) if suggestions.first() == Some(Disorder::FanconiAnemia)
        ));
        assert!(matches!(
            resolve_detailed("fanconni", false),
            Err(Error::UnknownName { suggestions }) if suggestions.is_empty()
        ));
    }
}
