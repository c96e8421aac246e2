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
use crate::generated::{DISORDER_SEARCH_NAMES, SYMPTOM_SEARCH_NAMES};
use crate::hpo::{self, Term};
use crate::lookup::normalize_input;
use crate::normalize::normalize;
use crate::{Disorder, Gene, Result, Symptom};
use std::sync::OnceLock;

/// Finds one disorder from a name, synonym or abbreviation, an ORPHA or OMIM id, a WHO ICD-10 code (a
/// subcategory no disorder carries resolves through its category) or a gene symbol. A code or gene several
/// disorders share is [`crate::Error::Ambiguous`], with the candidates; a subtype answers before its group
/// ([`crate::resolution`] says how it matched).
///
/// ```
/// use marrowkb::{Disorder, Error};
/// assert_eq!(marrowkb::resolve("OMIM:227650").unwrap(), Disorder::FanconiAnemia);
/// assert_eq!(marrowkb::resolve("RPS19").unwrap(), Disorder::DiamondBlackfanAnemia);
/// assert_eq!(marrowkb::resolve("D46.9").unwrap(), Disorder::MyelodysplasticSyndrome);
/// assert!(matches!(marrowkb::resolve("ELANE"), Err(Error::Ambiguous { .. })));
/// assert!(marrowkb::resolve("fanconni").is_err());
/// ```
///
/// # Errors
/// As [`crate::resolution::resolve_detailed`] with suggestions.
pub fn resolve(text: &str) -> Result<Disorder> {
    crate::resolution::resolve_detailed(text, true).map(|r| r.disorder)
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
    /// For a gene or code of a subtype that answers for its group (the subtype-to-group rule): the subtype
    /// it comes through. `None` for a direct hit.
    pub through: Option<Disorder>,
}

/// Searches names, synonyms, abbreviations, genes, symptoms and codes for `text` (normalized substring
/// match for names and symptoms, exact match for genes and codes). Symptoms match through their HPO terms
/// too: the labels and synonyms (clinical and lay) of their terms, and a query that names an HPO term finds
/// the symptoms whose terms are it or more specific ones. Results: best kind first
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
    // Names normalized by the code generator: a short query (an abbreviation) must equal a name, a longer one
    // be part of it.
    let short = query.len() < 4;
    for (&d, names) in Disorder::ALL.iter().zip(&DISORDER_SEARCH_NAMES) {
        if let Some((_, name)) = names.iter().find(|(normalized, _)| {
            if short {
                *normalized == query
            } else {
                normalized.contains(query)
            }
        }) {
            hits.push(Hit {
                disorder: d,
                kind: HitKind::Name,
                matched: name,
                through: None,
            });
        }
    }
    if let Ok(gene) = Gene::from_symbol(text) {
        for link in gene.links() {
            hits.push(Hit {
                disorder: link.disorder,
                kind: HitKind::Gene,
                matched: gene.symbol(),
                through: link.through,
            });
        }
    }
    if !short {
        // A query that names an HPO term (by label or synonym: "low platelet count") also finds the symptoms
        // whose terms are that term or more specific ones.
        let named = crate::finding::find_without_suggestions(text).ok().map(|f| f.term);
        for (&s, (name, plain)) in Symptom::ALL.iter().zip(&SYMPTOM_SEARCH_NAMES) {
            let info = s.info();
            let by_name = name.contains(query) || plain.contains(query);
            let matched = if by_name || named.is_some_and(|t| symptom_terms(s).any(|f| f.is_a(t))) {
                Some(info.name)
            } else {
                hpo_words_containing(s, query)
            };
            let Some(matched) = matched else { continue };
            for &d in s.disorders() {
                if !hits.iter().any(|h| h.disorder == d && h.kind == HitKind::Symptom) {
                    hits.push(Hit {
                        disorder: d,
                        kind: HitKind::Symptom,
                        matched,
                        through: None,
                    });
                }
            }
        }
    }
    let first_code_hit = hits.len();
    if let Ok(code) = crate::codes::Icd10Code::parse(text)
        && let Ok((links, parent)) = crate::resolution::icd10_links(code)
    {
        for &(d, _) in links {
            let own = d.info().icd10.iter().find(|x| Some(x.code) == parent.or(Some(code)));
            hits.push(Hit {
                disorder: d,
                kind: HitKind::Code,
                matched: own.map_or("", |x| x.code_str()),
                through: None,
            });
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
                through: None,
            });
        }
    }
    // The subtype-to-group rule: a code of a subtype answers for its group, through the subtype.
    for i in first_code_hit..hits.len() {
        let hit = hits[i];
        for group in crate::resolution::groups_of(hit.disorder).iter() {
            if !hits.iter().any(|h| h.kind == HitKind::Code && h.disorder == group) {
                hits.push(Hit {
                    disorder: group,
                    kind: HitKind::Code,
                    matched: hit.matched,
                    through: Some(hit.disorder),
                });
            }
        }
    }
    hits.sort_by_key(|h| (h.kind, h.disorder));
    hits.dedup_by_key(|h| (h.kind, h.disorder));
    Ok(hits)
}

/// The current HPO terms of a symptom.
fn symptom_terms(s: Symptom) -> impl Iterator<Item = Term> {
    s.info().hpo.iter().filter_map(|&id| hpo::term(id).ok())
}

/// Every symptom's HPO words (the labels and synonyms of its terms), normalized, with the text as written:
/// built on the first search that needs it (a few hundred short strings), then shared.
fn symptom_hpo_words() -> &'static [Vec<(String, &'static str)>] {
    static WORDS: OnceLock<Vec<Vec<(String, &'static str)>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        Symptom::ALL
            .iter()
            .map(|&s| {
                symptom_terms(s)
                    .flat_map(|t| core::iter::once(t.name()).chain(t.synonyms().map(|syn| syn.text)))
                    .filter_map(|text| Some((normalize(text).ok()?.as_str().to_owned(), text)))
                    .collect()
            })
            .collect()
    })
}

/// The first label or synonym of a symptom's HPO terms whose normalized form contains `query` (webbed
/// fingers → "Webbed fingers or toes", HPO's lay synonym of Syndactyly).
fn hpo_words_containing(s: Symptom, query: &str) -> Option<&'static str> {
    symptom_hpo_words()
        .get(s.index())?
        .iter()
        .find(|(normalized, _)| normalized.contains(query))
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symptom_words_reach_disorders_through_hpo() {
        let has = |text: &str, d: Disorder| {
            search(text)
                .unwrap_or_default()
                .iter()
                .any(|h| h.kind == HitKind::Symptom && h.disorder == d)
        };
        assert!(has("low platelet count", Disorder::ThrombocytopeniaAbsentRadius));
        assert!(has("nosebleeds", Disorder::AplasticAnemia));
        assert!(has("webbed fingers", Disorder::ThrombocytopeniaAbsentRadius));
        assert!(has("Abnormal bleeding", Disorder::AplasticAnemia));
        assert!(!has("webbed fingers", Disorder::CyclicNeutropenia));
    }

    /// The generated search tables hold exactly what normalizing the records at query time gives, so
    /// precomputing them changes no result.
    #[test]
    fn search_names_are_the_records_normalized() {
        for (d, names) in Disorder::ALL.iter().zip(&DISORDER_SEARCH_NAMES) {
            let info = d.info();
            let expected: Vec<(String, &str)> = [info.key, info.name]
                .into_iter()
                .chain(info.synonyms.iter().copied())
                .chain(info.abbreviations.iter().copied())
                .filter_map(|name| Some((normalize(name).ok()?.as_str().to_owned(), name)))
                .collect();
            let generated: Vec<(String, &str)> = names.iter().map(|(n, name)| ((*n).to_owned(), *name)).collect();
            assert_eq!(generated, expected, "{d:?}");
        }
        let normalized_or_empty = |text: &str| normalize(text).map(|n| n.as_str().to_owned()).unwrap_or_default();
        for (s, (name, plain)) in Symptom::ALL.iter().zip(&SYMPTOM_SEARCH_NAMES) {
            let info = s.info();
            assert_eq!(*name, normalized_or_empty(info.name), "{s:?}");
            assert_eq!(*plain, normalized_or_empty(info.plain), "{s:?}");
        }
    }
}
