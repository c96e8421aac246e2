//! Free-text search and "name or code" resolution over the knowledge base.
//!
//! ```
//! use marrowkb::Disorder;
//! assert_eq!(marrowkb::resolve("ORPHA:124").unwrap(), Disorder::DiamondBlackfanAnemia);
//! assert_eq!(marrowkb::resolve("DBA").unwrap(), Disorder::DiamondBlackfanAnemia);
//! let hits = marrowkb::search("neutropenia").unwrap();
//! assert!(hits.iter().any(|h| h.disorder == Disorder::SevereCongenitalNeutropenia));
//! ```

use crate::codes::{OmimId, OrphaId};
use crate::lookup::normalize_input;
use crate::normalize::normalize;
use crate::{Disorder, Gene, Result, Symptom};

/// Finds one disorder from a name, synonym or abbreviation, or an `ORPHA:`/`OMIM:` identifier, or an
/// ICD-10 code that exactly one disorder carries, or a gene symbol linked to exactly one disorder.
///
/// ```
/// use marrowkb::Disorder;
/// assert_eq!(marrowkb::resolve("OMIM:227650").unwrap(), Disorder::FanconiAnemia);
/// assert_eq!(marrowkb::resolve("RPS19").unwrap(), Disorder::DiamondBlackfanAnemia);
/// assert!(marrowkb::resolve("fanconni").is_err());
/// ```
///
/// # Errors
/// The name look-up's error ([`crate::Error::UnknownName`] with suggestions) when nothing matches, or
/// [`crate::Error::UnknownId`] for an identifier no disorder carries.
pub fn resolve(text: &str) -> Result<Disorder> {
    if let Some(d) = crate::lookup_exact(text) {
        return Ok(d);
    }
    let trimmed = text.trim();
    let upper_prefix = |p: &str| {
        trimmed.len() >= p.len() && trimmed.is_char_boundary(p.len()) && trimmed[..p.len()].eq_ignore_ascii_case(p)
    };
    if upper_prefix("ORPHA") {
        return Disorder::from_orpha(OrphaId::parse(trimmed)?);
    }
    if upper_prefix("OMIM") || upper_prefix("MIM") {
        return Disorder::from_omim(OmimId::parse(trimmed)?);
    }
    if let Ok(coded) = Disorder::from_icd10(trimmed) {
        let mut exact = coded.iter().filter(|(_, m)| *m == crate::classes::IcdMatch::Exact);
        if let (Some((d, _)), None) = (exact.next(), exact.next()) {
            return Ok(*d);
        }
    }
    if let Ok(gene) = Gene::from_symbol(trimmed)
        && let [only] = gene.disorders()
    {
        return Ok(*only);
    }
    // Nothing matched: the name look-up's error says why, with suggestions.
    crate::lookup(text)
}

/// What a search hit matched.
///
/// ```
/// use marrowkb::search::HitKind;
/// let hits = marrowkb::search("ORPHA:84").unwrap();
/// assert!(hits.iter().all(|h| h.kind == HitKind::Code));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum HitKind {
    /// The disorder's name, a synonym or an abbreviation.
    Name,
    /// A gene linked to the disorder.
    Gene,
    /// A feature of the disorder.
    Symptom,
    /// An ORPHA, OMIM or ICD-10 code of the disorder.
    Code,
}

/// One search result.
///
/// ```
/// let hits = marrowkb::search("RPS19").unwrap();
/// assert_eq!(hits[0].kind, marrowkb::search::HitKind::Gene);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Hit {
    /// The disorder found.
    pub disorder: Disorder,
    /// What matched.
    pub kind: HitKind,
    /// The text that matched (a name, gene symbol, symptom name or code).
    pub matched: &'static str,
}

/// Searches names, synonyms, abbreviations, genes, symptoms and codes for `text` (normalized substring
/// match for names and symptoms, exact match for genes and codes). Results: best kind first
/// (name, gene, symptom, code), then by disorder; one hit per disorder and kind.
///
/// ```
/// use marrowkb::Disorder;
/// let hits = marrowkb::search("thrombocytopenia").unwrap();
/// assert!(hits.iter().any(|h| h.disorder == Disorder::ThrombocytopeniaAbsentRadius));
/// ```
///
/// # Errors
/// [`crate::Error::EmptyInput`] or [`crate::Error::InputTooLong`].
pub fn search(text: &str) -> Result<Vec<Hit>> {
    let query = normalize_input(text)?;
    let query = query.as_str();
    let mut hits = Vec::new();
    let contains = |name: &str| normalize(name).is_ok_and(|n| n.as_str().contains(query));
    for &d in &Disorder::ALL {
        let info = d.info();
        let names = [info.key, info.name]
            .into_iter()
            .chain(info.synonyms.iter().copied())
            .chain(info.abbreviations.iter().copied());
        let short = query.len() < 4;
        if let Some(name) = names.into_iter().find(|n| {
            if short {
                normalize(n).is_ok_and(|m| m.as_str() == query)
            } else {
                contains(n)
            }
        }) {
            hits.push(Hit {
                disorder: d,
                kind: HitKind::Name,
                matched: name,
            });
        }
    }
    if let Ok(gene) = Gene::from_symbol(text) {
        for &d in gene.disorders() {
            hits.push(Hit {
                disorder: d,
                kind: HitKind::Gene,
                matched: gene.symbol(),
            });
        }
    }
    if query.len() >= 4 {
        for &s in &Symptom::ALL {
            let info = s.info();
            if contains(info.name) || contains(info.plain) {
                for &d in s.disorders() {
                    if !hits.iter().any(|h| h.disorder == d && h.kind == HitKind::Symptom) {
                        hits.push(Hit {
                            disorder: d,
                            kind: HitKind::Symptom,
                            matched: info.name,
                        });
                    }
                }
            }
        }
    }
    if let Ok(code) = crate::codes::Icd10Code::parse(text) {
        for &d in &Disorder::ALL {
            if let Some(x) = d.info().icd10.iter().find(|x| x.code == code) {
                hits.push(Hit {
                    disorder: d,
                    kind: HitKind::Code,
                    matched: x.code_str(),
                });
            }
        }
    }
    let orpha = OrphaId::parse(text).ok();
    let omim = OmimId::parse(text).ok();
    for &d in &Disorder::ALL {
        let info = d.info();
        let orpha_hit = info.orpha.iter().find(|x| Some(x.id) == orpha).map(|x| x.name);
        let omim_hit = info.omim.iter().find(|x| Some(x.id) == omim).map(|x| x.name);
        if let Some(name) = orpha_hit.or(omim_hit) {
            hits.push(Hit {
                disorder: d,
                kind: HitKind::Code,
                matched: name,
            });
        }
    }
    hits.sort_by_key(|h| (h.kind, h.disorder));
    hits.dedup_by_key(|h| (h.kind, h.disorder));
    Ok(hits)
}
