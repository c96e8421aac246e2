//! Findings in words or codes: the one resolver that turns what a user writes about a patient into an HPO
//! [`Term`]. The differential, search, the command line, Python and C all resolve findings here.
//!
//! A finding is, in this order:
//! 1. an HPO id (`HP:0001873`, `hp_0001873`, `0001873`, `1873`), alternative and obsolete ids mapped to the
//!    current term (text that starts like an id, `HP:`/`HP_`/`HPO:` or digits only, is read as one and
//!    fails as a malformed id if it is not);
//! 2. an HPO term's label, in any case, with diacritics, punctuation and British spelling ignored as for
//!    disorder names (`thrombocytopaenia`): a label always finds its own term;
//! 3. a marrowkb symptom, by key, name or plain name (`epistaxis`, `Nosebleeds`): its primary HPO term;
//! 4. an HPO term's synonym, in any case, with diacritics, punctuation and British spelling ignored
//!    as for disorder names (`low platelet count`, `Thrombocytopaenia`, `café-au-lait spots`).
//!
//! Which synonyms map (decided once, for every term of the release, by the code generator): a term's label
//! always finds the term; otherwise exact and layperson synonyms; otherwise related, broad and narrow ones.
//! A text that at the first of these levels points at several terms finds none of them: it is reported as
//! [`Error::AmbiguousTerm`] with its candidates, never resolved silently. HPO's discarded synonyms
//! (`obsolete_synonym`) are not names. A miss is [`Error::UnknownTerm`] with the closest labels and
//! synonyms as suggestions.
//!
//! A look-up that finds its answer allocates nothing; a miss compares the text with every label and synonym
//! (rapidfuzz's Jaro-Winkler, as disorder names) and allocates for that.
//!
//! ```
//! use marrowkb::finding::{self, Matched};
//! use marrowkb::Error;
//! let f = finding::find("low platelet count")?;          // HPO's layperson synonym
//! assert_eq!(f.term.name(), "Thrombocytopenia");
//! assert!(matches!(f.matched, Matched::Synonym(s) if s.is_lay()));
//! assert_eq!(finding::term("THROMBOCYTOPAENIA")?.id().to_string(), "HP:0001873");
//! assert_eq!(finding::term("HP:0001873")?, finding::term("thrombocytopenia")?);
//! match finding::find("thrombocytopaenai") {
//!     Err(Error::UnknownTerm { suggestions }) => assert_eq!(suggestions.first().map(|t| t.name()), Some("Thrombocytopenia")),
//!     other => panic!("{other:?}"),
//! }
//! assert!(matches!(finding::find("ASD"), Err(Error::AmbiguousTerm { .. })));
//! # Ok::<(), marrowkb::Error>(())
//! ```

use crate::codes::HpoId;
use crate::generated::{
    HPO_AMBIGUOUS_KEY_ENDS, HPO_AMBIGUOUS_KEYS, HPO_AMBIGUOUS_STARTS, HPO_AMBIGUOUS_TERMS, HPO_SYNONYM_ENDS,
    HPO_SYNONYM_KINDS, HPO_SYNONYM_STARTS, HPO_SYNONYM_TEXTS, HPO_TERM_COUNT, HPO_TEXT_DISPS, HPO_TEXT_HASH_KEY,
    HPO_TEXT_SLOTS, SYMPTOM_BY_NAME,
};
use crate::hpo::{self, Replacement, Term};
use crate::lookup::{SCORE_SLACK, SUGGESTION_THRESHOLD, normalize_error, probe, similarity_bound};
use crate::normalize::{Normalized, letter_counts};
use crate::{Error, Result, Symptom};
use core::fmt;
use core::iter::FusedIterator;
use rapidfuzz::distance::jaro_winkler::{self, BatchComparator};

/// The most terms an ambiguous text points at, and the most suggestions a miss carries.
pub const MAX_CANDIDATES: usize = 4;

/// Bit 31 of a text-map slot: an ambiguous entry rather than a text id.
const AMBIGUOUS: u32 = 1 << 31;

/// A few terms, best (or lowest id) first: the candidates of an ambiguous text, or the suggestions for an
/// unknown one. Fixed-size: no allocation.
///
/// ```
/// use marrowkb::{Error, finding};
/// let Err(Error::AmbiguousTerm { candidates }) = finding::find("missed heartbeat") else { panic!() };
/// let names: Vec<&str> = candidates.iter().map(|t| t.name()).collect();
/// assert_eq!(names, ["Palpitations", "Premature ventricular contraction"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TermChoices {
    items: [Option<Term>; MAX_CANDIDATES],
}

impl TermChoices {
    /// The terms, best first.
    ///
    /// ```
    /// let s = marrowkb::finding::suggest("thrombocytopaenai");
    /// assert_eq!(s.iter().next(), s.first());
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = Term> + '_ {
        self.items.iter().map_while(|t| *t)
    }

    /// The first term.
    ///
    /// ```
    /// assert_eq!(marrowkb::finding::suggest("neutropeina").first().map(|t| t.name()), Some("Neutropenia"));
    /// ```
    pub fn first(&self) -> Option<Term> {
        self.items[0]
    }

    /// How many terms there are.
    ///
    /// ```
    /// assert!(marrowkb::finding::suggest("neutropeina").len() >= 1);
    /// ```
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(marrowkb::finding::suggest("xyzzy qwerty").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.items[0].is_none()
    }
}

impl fmt::Display for TermChoices {
    /// `HP:0000729 Autistic behavior or HP:0001631 Atrial septal defect` (nothing when empty).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.len();
        for (i, t) in self.iter().enumerate() {
            let sep = match i {
                0 => "",
                _ if i + 1 == n => " or ",
                _ => ", ",
            };
            write!(f, "{sep}{t}")?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for TermChoices {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Formats suggestions as `; did you mean HP:0001873 Thrombocytopenia?` (nothing when empty).
pub(crate) struct DidYouMean<'a>(pub(crate) &'a TermChoices);

impl fmt::Display for DidYouMean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return Ok(());
        }
        write!(f, "; did you mean {}?", self.0)
    }
}

/// How specific a synonym is, as HPO says (`EXACT`, `RELATED`, `BROAD`, `NARROW`).
///
/// ```
/// use marrowkb::finding::SynonymScope;
/// assert_eq!(SynonymScope::Exact.key(), "exact");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[repr(u32)]
#[non_exhaustive]
pub enum SynonymScope {
    /// The same meaning as the label.
    Exact = 1,
    /// Related in meaning.
    Related = 2,
    /// Broader than the label.
    Broad = 3,
    /// Narrower than the label.
    Narrow = 4,
}

impl SynonymScope {
    /// The stable snake_case key.
    ///
    /// ```
    /// assert_eq!(marrowkb::finding::SynonymScope::Broad.key(), "broad");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            SynonymScope::Exact => "exact",
            SynonymScope::Related => "related",
            SynonymScope::Broad => "broad",
            SynonymScope::Narrow => "narrow",
        }
    }
}

/// HPO's synonym type, when it gives one.
///
/// ```
/// use marrowkb::finding::SynonymType;
/// assert_eq!(SynonymType::Layperson.key(), "layperson");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[repr(u32)]
#[non_exhaustive]
pub enum SynonymType {
    /// Words a patient or family would use.
    Layperson = 1,
    /// An abbreviation.
    Abbreviation = 2,
    /// The British spelling.
    UkSpelling = 3,
    /// The plural.
    PluralForm = 4,
}

impl SynonymType {
    /// The stable snake_case key (as in `hp.obo`).
    ///
    /// ```
    /// assert_eq!(marrowkb::finding::SynonymType::UkSpelling.key(), "uk_spelling");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            SynonymType::Layperson => "layperson",
            SynonymType::Abbreviation => "abbreviation",
            SynonymType::UkSpelling => "uk_spelling",
            SynonymType::PluralForm => "plural_form",
        }
    }
}

/// One synonym of an HPO term.
///
/// ```
/// let t = marrowkb::finding::term("Thrombocytopenia")?;
/// let s = t.synonyms().next().unwrap();
/// assert_eq!((s.text, s.scope.key(), s.kind.map(|k| k.key())), ("Low platelet count", "exact", Some("layperson")));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Synonym {
    /// The synonym as HPO writes it.
    pub text: &'static str,
    /// How specific it is.
    pub scope: SynonymScope,
    /// Its type (`None`: an ordinary synonym).
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: Option<SynonymType>,
}

impl Synonym {
    /// Whether HPO marks it as a layperson term.
    ///
    /// ```
    /// let t = marrowkb::finding::term("HP:0000421")?; // Epistaxis
    /// assert!(t.synonyms().any(|s| s.is_lay() && s.text == "Nosebleed"));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn is_lay(&self) -> bool {
        self.kind == Some(SynonymType::Layperson)
    }

    /// The synonym with this index in the generated tables.
    fn at(index: usize) -> Synonym {
        let start = match index.checked_sub(1) {
            Some(i) => HPO_SYNONYM_ENDS.get(i).copied().unwrap_or(0) as usize,
            None => 0,
        };
        let end = HPO_SYNONYM_ENDS.get(index).copied().unwrap_or(0) as usize;
        let code = HPO_SYNONYM_KINDS.get(index).copied().unwrap_or(0);
        Synonym {
            text: HPO_SYNONYM_TEXTS.get(start..end).unwrap_or(""),
            scope: match code & 3 {
                0 => SynonymScope::Exact,
                1 => SynonymScope::Related,
                2 => SynonymScope::Broad,
                _ => SynonymScope::Narrow,
            },
            kind: match code >> 2 {
                1 => Some(SynonymType::Layperson),
                2 => Some(SynonymType::Abbreviation),
                3 => Some(SynonymType::UkSpelling),
                4 => Some(SynonymType::PluralForm),
                _ => None,
            },
        }
    }
}

/// Iterator over a term's synonyms, in `hp.obo` order: see [`Term::synonyms`].
///
/// ```
/// assert!(marrowkb::finding::term("HP:0000421")?.synonyms().len() >= 1);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Synonyms {
    next: usize,
    end: usize,
}

impl Iterator for Synonyms {
    type Item = Synonym;
    fn next(&mut self) -> Option<Synonym> {
        if self.next >= self.end {
            return None;
        }
        self.next += 1;
        Some(Synonym::at(self.next - 1))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Synonyms {}
impl FusedIterator for Synonyms {}

impl Term {
    /// The term's synonyms in `hp.obo` (all but those HPO discards), with their scope and type.
    ///
    /// ```
    /// let t = marrowkb::hpo::term("HP:0001873")?;
    /// assert!(t.synonyms().any(|s| s.text == "Low platelet count"));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn synonyms(self) -> Synonyms {
        let i = self.index();
        let (start, end) = match HPO_SYNONYM_STARTS.get(i..i + 2) {
            Some(&[start, end]) => (usize::from(start), usize::from(end)),
            _ => (0, 0),
        };
        Synonyms { next: start, end }
    }

    /// The term's layperson synonyms: words a patient would use.
    ///
    /// ```
    /// let t = marrowkb::hpo::term("HP:0000421")?; // Epistaxis
    /// assert!(t.lay_names().any(|n| n == "Nosebleed"));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn lay_names(self) -> impl Iterator<Item = &'static str> {
        self.synonyms().filter(Synonym::is_lay).map(|s| s.text)
    }

    /// The term's plain name for patients: its first exact layperson synonym, else its first layperson
    /// synonym of any scope, else `None`.
    ///
    /// ```
    /// use marrowkb::hpo;
    /// assert_eq!(hpo::term("HP:0001873")?.lay_name(), Some("Low platelet count"));
    /// assert_eq!(hpo::Term::PHENOTYPIC_ABNORMALITY.lay_name(), None);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn lay_name(self) -> Option<&'static str> {
        let mut any = None;
        for s in self.synonyms().filter(Synonym::is_lay) {
            if s.scope == SynonymScope::Exact {
                return Some(s.text);
            }
            any = any.or(Some(s.text));
        }
        any
    }
}

/// What the text of a finding matched.
///
/// ```
/// use marrowkb::finding::{self, Matched};
/// assert_eq!(finding::find("HP:0001873")?.matched, Matched::Id);
/// assert_eq!(finding::find("thrombocytopenia")?.matched, Matched::Name);
/// assert!(matches!(finding::find("nosebleeds")?.matched, Matched::Symptom(_)));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind", content = "value"))]
#[non_exhaustive]
pub enum Matched {
    /// The term's own id.
    Id,
    /// An alternative or obsolete id that the term replaces.
    ReplacedId(Replacement),
    /// A marrowkb symptom's key or name: the symptom's primary term.
    Symptom(Symptom),
    /// The term's label.
    Name,
    /// One of the term's synonyms.
    Synonym(Synonym),
}

impl Matched {
    /// The stable snake_case key: `id`, `replaced_id`, `symptom`, `name` or `synonym`.
    ///
    /// ```
    /// assert_eq!(marrowkb::finding::find("low platelet count")?.matched.key(), "synonym");
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            Matched::Id => "id",
            Matched::ReplacedId(_) => "replaced_id",
            Matched::Symptom(_) => "symptom",
            Matched::Name => "name",
            Matched::Synonym(_) => "synonym",
        }
    }
}

/// A resolved finding: the current term, the id asked for (when the text was an id) and what matched.
///
/// ```
/// let f = marrowkb::finding::find("HP:0000004")?; // an alternative id of HP:0012823
/// assert_eq!(f.term.id().to_string(), "HP:0012823");
/// assert_eq!(f.requested.map(|id| id.get()), Some(4));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    /// The current term.
    pub term: Term,
    /// The id asked for, when the finding was given as an id.
    pub requested: Option<HpoId>,
    /// What the text matched.
    pub matched: Matched,
}

impl From<hpo::Resolved> for Finding {
    fn from(r: hpo::Resolved) -> Self {
        Finding {
            term: r.term,
            requested: Some(r.requested),
            matched: match r.replaced {
                Some(how) => Matched::ReplacedId(how),
                None => Matched::Id,
            },
        }
    }
}

/// Whether the text is written as an HPO id (so a failure to parse it is a malformed id, not an unknown
/// name): it starts with `HP:`, `HP_` or `HPO:` (any case), or is digits only.
fn looks_like_id(text: &str) -> bool {
    let t = text.trim().as_bytes();
    let prefixed = |p: &[u8]| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p);
    prefixed(b"HP:") || prefixed(b"HP_") || prefixed(b"HPO:") || (!t.is_empty() && t.iter().all(u8::is_ascii_digit))
}

/// Resolves a finding given as text (see the [module documentation](self) for what is accepted).
///
/// ```
/// use marrowkb::finding::{self, Matched};
/// let f = finding::find("Nosebleeds")?; // the plain name of marrowkb's symptom `epistaxis`
/// assert_eq!(f.term.name(), "Epistaxis");
/// assert!(matches!(f.matched, Matched::Symptom(_)));
/// assert_eq!(finding::find("webbed fingers")?.term.name(), "Cutaneous finger syndactyly");
/// # Ok::<(), marrowkb::Error>(())
/// ```
///
/// # Errors
/// For ids: [`Error::MalformedId`], [`Error::UnknownId`], [`Error::ObsoleteId`]. For words:
/// [`Error::EmptyInput`], [`Error::InputTooLong`], [`Error::AmbiguousTerm`] (with the candidates) or
/// [`Error::UnknownTerm`] (with suggestions).
pub fn find(text: &str) -> Result<Finding> {
    let mut normalized = Normalized::new();
    match find_inner(text, &mut normalized) {
        Ok(found) => Ok(found),
        Err(Some(e)) => Err(e),
        Err(None) => Err(unknown_term(normalized.as_str())),
    }
}

/// Like [`find`], but `None` for anything that does not resolve, without computing suggestions: never
/// allocates (for batches, and for [`crate::Symptom::find`]).
///
/// ```
/// assert_eq!(marrowkb::finding::find_exact("low platelet count").map(|f| f.term.name()), Some("Thrombocytopenia"));
/// assert!(marrowkb::finding::find_exact("thrombocytopaenai").is_none());
/// ```
pub fn find_exact(text: &str) -> Option<Finding> {
    find_inner(text, &mut Normalized::new()).ok()
}

/// Like [`find`], but an unknown text's [`Error::UnknownTerm`] carries no suggestions: never allocates,
/// whatever the answer.
///
/// ```
/// use marrowkb::{Error, finding};
/// let Err(Error::UnknownTerm { suggestions }) = finding::find_without_suggestions("thrombocytopaenai") else { panic!() };
/// assert!(suggestions.is_empty());
/// assert!(matches!(finding::find_without_suggestions("HP:xyz"), Err(Error::MalformedId { .. })));
/// ```
///
/// # Errors
/// As [`find`], with empty suggestions.
pub fn find_without_suggestions(text: &str) -> Result<Finding> {
    find_inner(text, &mut Normalized::new()).map_err(|e| {
        e.unwrap_or(Error::UnknownTerm {
            suggestions: TermChoices::default(),
        })
    })
}

/// [`find`] without suggestions: `Err(None)` for an unknown text (then `normalized` holds its normalized form).
fn find_inner(text: &str, normalized: &mut Normalized) -> core::result::Result<Finding, Option<Error>> {
    if looks_like_id(text) {
        return hpo::resolve(text).map(Finding::from).map_err(Some);
    }
    normalized.fill(text).map_err(|e| Some(normalize_error(e)))?;
    let key = normalized.as_bytes();
    let hit = probe_text(key);
    // An HPO label always finds its own term; then a marrowkb symptom; then HPO synonyms.
    if let Some(TextHit::Name(term)) = hit {
        return Ok(Finding {
            term,
            requested: None,
            matched: Matched::Name,
        });
    }
    if let Some(symptom) = probe(&SYMPTOM_BY_NAME, key)
        && let Some(&id) = symptom.info().hpo.first()
    {
        let term = hpo::term(id).map_err(Some)?;
        return Ok(Finding {
            term,
            requested: None,
            matched: Matched::Symptom(symptom),
        });
    }
    match hit {
        Some(TextHit::Name(term)) => Ok(Finding {
            term,
            requested: None,
            matched: Matched::Name,
        }),
        Some(TextHit::Synonym(term, synonym)) => Ok(Finding {
            term,
            requested: None,
            matched: Matched::Synonym(synonym),
        }),
        Some(TextHit::Ambiguous(candidates)) => Err(Some(Error::AmbiguousTerm { candidates })),
        None => Err(None),
    }
}

/// Looks up text that is already normalized (see [`crate::normalize`]) among HPO labels and synonyms only: a
/// single probe of the generated map, the floor [`find`] is measured against (`None` for an ambiguous text).
///
/// ```
/// use marrowkb::finding::find_normalized;
/// assert_eq!(find_normalized("lowplateletcount").map(|t| t.name()), Some("Thrombocytopenia"));
/// assert_eq!(find_normalized("Low platelet count"), None);
/// ```
pub fn find_normalized(normalized: &str) -> Option<Term> {
    match probe_text(normalized.as_bytes())? {
        TextHit::Name(t) | TextHit::Synonym(t, _) => Some(t),
        TextHit::Ambiguous(_) => None,
    }
}

/// Like [`find`], the term only.
///
/// ```
/// assert_eq!(marrowkb::finding::term("easy bruising")?.name(), "Bruising susceptibility");
/// # Ok::<(), marrowkb::Error>(())
/// ```
///
/// # Errors
/// As [`find`].
pub fn term(text: &str) -> Result<Term> {
    find(text).map(|f| f.term)
}

/// What the text map holds for a key.
enum TextHit {
    Name(Term),
    Synonym(Term, Synonym),
    Ambiguous(TermChoices),
}

/// Looks a normalized text up in the generated map (phf 0.14 hashing, as [`probe`]); the slot holds the id of
/// a label or synonym, and the hit is confirmed by normalizing that text and comparing.
#[inline]
fn probe_text(key: &[u8]) -> Option<TextHit> {
    let hashes = phf_shared::hash(key, &HPO_TEXT_HASH_KEY);
    let slot = phf_shared::get_index(&hashes, &HPO_TEXT_DISPS, HPO_TEXT_SLOTS.len());
    let value = *HPO_TEXT_SLOTS.get(slot as usize)?;
    if value & AMBIGUOUS != 0 {
        let i = (value & !AMBIGUOUS) as usize;
        let start = match i.checked_sub(1) {
            Some(p) => HPO_AMBIGUOUS_KEY_ENDS.get(p).copied().unwrap_or(0) as usize,
            None => 0,
        };
        let end = HPO_AMBIGUOUS_KEY_ENDS.get(i).copied().unwrap_or(0) as usize;
        if HPO_AMBIGUOUS_KEYS.as_bytes().get(start..end) != Some(key) {
            return None;
        }
        let (from, to) = match HPO_AMBIGUOUS_STARTS.get(i..i + 2) {
            Some(&[from, to]) => (usize::from(from), usize::from(to)),
            _ => return None,
        };
        let mut candidates = TermChoices::default();
        for (slot, &t) in candidates.items.iter_mut().zip(HPO_AMBIGUOUS_TERMS.get(from..to)?) {
            *slot = Some(Term::at(t));
        }
        return Some(TextHit::Ambiguous(candidates));
    }
    let (hit, text) = text_of(value as usize);
    let mut candidate = Normalized::new();
    candidate.fill(text).ok()?;
    (candidate.as_bytes() == key).then_some(hit)
}

/// The label or synonym with this text id (below `TERM_COUNT`: a label by term index; above: a synonym).
fn text_of(id: usize) -> (TextHit, &'static str) {
    match id.checked_sub(HPO_TERM_COUNT) {
        None => {
            let t = Term::at(id as u16);
            (TextHit::Name(t), t.name())
        }
        Some(s) => {
            let synonym = Synonym::at(s);
            let term = term_of_synonym(s);
            (TextHit::Synonym(term, synonym), synonym.text)
        }
    }
}

/// The term a synonym (by index) belongs to: a binary search of the per-term starts.
fn term_of_synonym(s: usize) -> Term {
    // The last term whose first synonym is at or before `s` (a term without synonyms has the same start as
    // the next term, so the last one is the owner).
    let after = HPO_SYNONYM_STARTS.partition_point(|&start| usize::from(start) <= s);
    Term::at(after.saturating_sub(1) as u16)
}

/// The error for an unknown text, with suggestions: out of line, so a hit stays a short path.
#[cold]
#[inline(never)]
fn unknown_term(normalized: &str) -> Error {
    Error::UnknownTerm {
        suggestions: suggest_normalized(normalized),
    }
}

/// The terms whose labels or synonyms are closest to `text` (Jaro-Winkler similarity of normalized texts, at
/// least [`SUGGESTION_THRESHOLD`], as for disorder names; best first, ties by HPO id). Compares with every
/// label and synonym, so it takes a few milliseconds.
///
/// ```
/// assert_eq!(marrowkb::finding::suggest("thrombocytopaenai").first().map(|t| t.name()), Some("Thrombocytopenia"));
/// ```
pub fn suggest(text: &str) -> TermChoices {
    match crate::normalize::normalize(text) {
        Ok(n) => suggest_normalized(n.as_str()),
        Err(_) => TermChoices::default(),
    }
}

fn suggest_normalized(input: &str) -> TermChoices {
    let mut best: [(f64, Option<Term>); MAX_CANDIDATES] = [(0.0, None); MAX_CANDIDATES];
    let input_counts = letter_counts(input);
    let comparator = BatchComparator::new(input.bytes());
    let cutoff = jaro_winkler::Args::default().score_cutoff(SUGGESTION_THRESHOLD - SCORE_SLACK);
    let mut candidate = Normalized::new();
    let floor = |best: &[(f64, Option<Term>); MAX_CANDIDATES]| best[MAX_CANDIDATES - 1].0;
    for term in hpo::terms() {
        for text in core::iter::once(term.name()).chain(term.synonyms().map(|s| s.text)) {
            // Abbreviations (under 4 characters) are too short to compare by similarity, as for disorders.
            if text.len() < 4 || candidate.fill(text).is_err() || candidate.as_bytes().len() < 4 {
                continue;
            }
            let name = candidate.as_str();
            let bound = prefix_bound(
                input,
                name,
                similarity_bound(&input_counts, input.len(), name, &letter_counts(name)),
            );
            if bound + SCORE_SLACK < SUGGESTION_THRESHOLD.max(floor(&best)) {
                continue;
            }
            if let Some(score) = comparator.similarity_with_args(name.bytes(), &cutoff) {
                offer(&mut best, score, term);
            }
        }
    }
    let mut choices = TermChoices::default();
    for (slot, (_, t)) in choices.items.iter_mut().zip(best) {
        *slot = t;
    }
    choices
}

/// Tightens the letter-count bound of [`similarity_bound`] (which assumes Winkler's largest prefix bonus) with
/// the actual common prefix: Jaro-Winkler is `J + 0.1 · l · (1 − J)` for a common prefix of `l` ≤ 4 bytes,
/// increasing in `J`, so the Jaro bound `J ≤ (bound − 0.4) / 0.6` gives `J_max + 0.1 · l · (1 − J_max)`.
/// Most of 40 000 labels and synonyms share no first letter with a misspelling: they are skipped here.
fn prefix_bound(input: &str, name: &str, winkler_bound: f64) -> f64 {
    let prefix = input
        .bytes()
        .zip(name.bytes())
        .take(4)
        .take_while(|(a, b)| a == b)
        .count() as f64;
    let jaro = ((winkler_bound - 0.4) / 0.6).min(1.0);
    jaro + 0.1 * prefix * (1.0 - jaro)
}

/// Keeps the best `MAX_CANDIDATES` distinct terms, best first, ties by HPO id.
fn offer(best: &mut [(f64, Option<Term>); MAX_CANDIDATES], score: f64, term: Term) {
    if let Some(i) = best.iter().position(|(_, t)| *t == Some(term)) {
        if score <= best[i].0 {
            return;
        }
        // Remove it; it is reinserted below with the better score.
        for k in i..MAX_CANDIDATES - 1 {
            best[k] = best[k + 1];
        }
        best[MAX_CANDIDATES - 1] = (0.0, None);
    }
    let better = |(s, t): (f64, Option<Term>)| match t {
        None => true,
        Some(t) => score > s || (score == s && term < t),
    };
    let Some(at) = best.iter().position(|&entry| better(entry)) else {
        return;
    };
    for k in (at + 1..MAX_CANDIDATES).rev() {
        best[k] = best[k - 1];
    }
    best[at] = (score, Some(term));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_and_exact_or_lay_synonym_resolves_to_its_term_or_is_ambiguous() {
        let (mut names, mut synonyms, mut ambiguous, mut skipped) = (0, 0, 0, 0);
        for t in hpo::terms() {
            match find(t.name()) {
                Ok(f) => {
                    assert_eq!(f.term, t, "label {:?}", t.name());
                    names += 1;
                }
                Err(e) => panic!("label {:?}: {e}", t.name()),
            }
            for s in t.synonyms() {
                if s.scope != SynonymScope::Exact && !s.is_lay() {
                    continue;
                }
                match find(s.text) {
                    Ok(f) if f.term == t => synonyms += 1,
                    Ok(f) => {
                        // Another term's label (labels win), or a symptom's name: never silently another term
                        // through a synonym.
                        assert!(
                            matches!(f.matched, Matched::Name | Matched::Symptom(_) | Matched::Id),
                            "{t}: synonym {:?} found {} via {:?}",
                            s.text,
                            f.term,
                            f.matched
                        );
                        skipped += 1;
                    }
                    Err(Error::AmbiguousTerm { candidates }) => {
                        assert!(candidates.iter().any(|c| c == t), "{t}: {:?}", s.text);
                        assert!(candidates.len() >= 2);
                        ambiguous += 1;
                    }
                    // Written as an id (a synonym that is a number): read as an id, never as words.
                    Err(_) if looks_like_id(s.text) => skipped += 1,
                    Err(e) => panic!("{t}: synonym {:?}: {e}", s.text),
                }
            }
        }
        assert!(
            names > 18_000 && synonyms > 18_000,
            "{names} {synonyms} {ambiguous} {skipped}"
        );
        assert!(ambiguous >= 2 && skipped < 50, "{ambiguous} {skipped}");
    }

    /// Every symptom key, name and plain name finds the symptom's primary term, unless it is another term's
    /// HPO label (labels win; the symptom's own clinical name is then that label's near neighbour).
    #[test]
    fn symptom_names_find_their_terms() {
        let mut overridden = Vec::new();
        for s in Symptom::ALL {
            let info = s.info();
            let primary = hpo::term(info.hpo[0]).unwrap();
            for text in [info.key, info.name, info.plain] {
                let f = find(text).unwrap();
                if f.term != primary {
                    assert_eq!(f.matched, Matched::Name, "{text:?}");
                    overridden.push(text);
                }
            }
        }
        assert!(overridden.len() <= 3, "{overridden:?}");
    }

    #[test]
    fn ids_symptoms_and_words() {
        let t = find("HP:0001873").unwrap().term;
        assert_eq!(t.name(), "Thrombocytopenia");
        for text in [
            "thrombocytopenia",
            "THROMBOCYTOPAENIA",
            "Low platelet count",
            "low-platelet count",
            "hp_0001873",
        ] {
            assert_eq!(find(text).unwrap().term, t, "{text}");
        }
        assert!(matches!(find("HP:000187x"), Err(Error::MalformedId { .. })));
        assert!(matches!(find("HP:9999999"), Err(Error::UnknownId { .. })));
        assert!(matches!(find("  "), Err(Error::EmptyInput)));
        let f = find("nosebleeds").unwrap();
        assert_eq!(f.term.id(), HpoId::new(421));
        assert_eq!(f.matched, Matched::Symptom(Symptom::from_key("epistaxis").unwrap()));
        assert_eq!(find("absent_radius").unwrap().term.id(), HpoId::new(3974));
        assert_eq!(find("Café-au-lait spots").unwrap().term.id(), HpoId::new(957));
        assert_eq!(find("macrothrombocytopenia").unwrap().term.id(), HpoId::new(40185));
        let f = find("HP:0000004").unwrap();
        assert_eq!(f.matched, Matched::ReplacedId(Replacement::AltId));
    }

    #[test]
    fn misses_have_suggestions() {
        let Err(Error::UnknownTerm { suggestions }) = find("thrombocytopaenai") else {
            panic!()
        };
        assert_eq!(suggestions.first().map(Term::name), Some("Thrombocytopenia"));
        let message = Error::UnknownTerm { suggestions }.to_string();
        assert!(
            message.starts_with("unknown HPO term name; did you mean HP:0001873 Thrombocytopenia"),
            "{message}"
        );
        let Err(Error::UnknownTerm { suggestions }) = find("qqqqqqqq zzzzz") else {
            panic!()
        };
        assert!(suggestions.is_empty());
    }

    #[test]
    fn ambiguous_texts_list_their_candidates() {
        let Err(Error::AmbiguousTerm { candidates }) = find("ASD") else {
            panic!()
        };
        let ids: Vec<u32> = candidates.iter().map(|t| t.id().get()).collect();
        assert_eq!(ids, [729, 1631]);
        assert!(Error::AmbiguousTerm { candidates }.to_string().contains("HP:0000729"));
    }

    #[test]
    fn synonym_owners_are_right() {
        for t in hpo::terms() {
            let start = HPO_SYNONYM_STARTS[t.index()];
            for k in 0..t.synonyms().len() {
                assert_eq!(term_of_synonym(usize::from(start) + k), t);
            }
        }
    }

    /// The tighter bound never cuts a name that reaches the threshold: checked against the exact score over
    /// a sample of labels and synonyms for a few inputs.
    #[test]
    fn the_prefix_bound_is_an_upper_bound() {
        let mut n = Normalized::new();
        for input in [
            "thrombocytopaenai",
            "neutropeina",
            "lowplateletcont",
            "absentradus",
            "a",
        ] {
            let counts = letter_counts(input);
            for t in hpo::terms().step_by(7) {
                for text in core::iter::once(t.name()).chain(t.synonyms().map(|s| s.text)) {
                    if n.fill(text).is_err() {
                        continue;
                    }
                    let name = n.as_str();
                    let exact = jaro_winkler::similarity(input.bytes(), name.bytes());
                    let bound = prefix_bound(
                        input,
                        name,
                        similarity_bound(&counts, input.len(), name, &letter_counts(name)),
                    );
                    assert!(exact <= bound + 1e-12, "{input} / {name}: {exact} > {bound}");
                }
            }
        }
    }

    #[test]
    fn offer_keeps_the_best_distinct_terms() {
        let mut best = [(0.0, None); MAX_CANDIDATES];
        let t = |n: u32| hpo::term(n).unwrap();
        offer(&mut best, 0.85, t(1873));
        offer(&mut best, 0.9, t(1873));
        offer(&mut best, 0.95, t(3974));
        offer(&mut best, 0.9, t(118));
        let got: Vec<_> = best.iter().filter_map(|(s, t)| t.map(|t| (*s, t.id().get()))).collect();
        assert_eq!(got, [(0.95, 3974), (0.9, 118), (0.9, 1873)]);
    }
}
