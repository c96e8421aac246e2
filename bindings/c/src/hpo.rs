//! The compiled-in Human Phenotype Ontology (`marrowkb::hpo`): terms by id, with names, parents,
//! ancestors and information content.
//!
//! Term names and CURIEs are handed out as NUL-terminated strings from one buffer built on the first
//! request for an HPO term (a few hundred kilobytes, kept for the life of the process).

use crate::boundary::{Status, copy_out, ffi_boundary, input, put};
use core::ffi::c_char;
use marrowkb::hpo::{self, Replacement, Resolved, Term};
use std::sync::OnceLock;

/// One HPO term, as resolved from the id asked for.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct HpoTermRecord {
    /// The current term's number (1873 for `HP:0001873`).
    pub id: u32,
    /// The current term's CURIE, `"HP:0001873"`.
    pub curie: *const c_char,
    /// The term's label, `"Thrombocytopenia"`.
    pub name: *const c_char,
    /// The number that was asked for (differs from `id` for alternative and obsolete ids).
    pub requested: u32,
    /// 0 when `requested` is the term's own id, otherwise how it was replaced (`MkbHpoReplacement`).
    pub replaced: u32,
    /// Position in `mkb_hpo_term_at` order (parents come before children). Not stable across releases.
    pub index: usize,
    /// Whether the term is Phenotypic abnormality (HP:0000118) or below it.
    pub phenotypic_abnormality: bool,
    /// Number of direct `is_a` parents.
    pub parents_len: usize,
    /// How many diseases `phenotype.hpoa` annotates with the term or a descendant.
    pub disease_count: u32,
    /// `disease_count` over all annotated diseases (never 0).
    pub disease_fraction: f64,
    /// The average share of a disease's annotated terms that fall under this term (the differential's
    /// background).
    pub background_share: f64,
    /// Information content, `-ln(disease_fraction)`.
    pub information_content: f64,
}

// SAFETY: the strings are static and never written.
unsafe impl Send for HpoTermRecord {}
unsafe impl Sync for HpoTermRecord {}

/// Every term's name and CURIE, NUL-terminated, in one buffer; `starts[i]` is where term `i`'s name
/// starts, and its CURIE follows the name's NUL.
struct HpoStrings {
    bytes: Box<[u8]>,
    starts: Box<[u32]>,
}

fn strings() -> &'static HpoStrings {
    static STRINGS: OnceLock<HpoStrings> = OnceLock::new();
    STRINGS.get_or_init(|| {
        let mut bytes = Vec::with_capacity(hpo::TERM_COUNT * 40);
        let mut starts = Vec::with_capacity(hpo::TERM_COUNT);
        for term in hpo::terms() {
            starts.push(u32::try_from(bytes.len()).unwrap_or(u32::MAX));
            bytes.extend(term.name().bytes().filter(|&b| b != 0));
            bytes.push(0);
            bytes.extend_from_slice(term.id().to_string().as_bytes());
            bytes.push(0);
        }
        HpoStrings {
            bytes: bytes.into_boxed_slice(),
            starts: starts.into_boxed_slice(),
        }
    })
}

/// The term's name and CURIE.
fn names(term: Term) -> (*const c_char, *const c_char) {
    let s = strings();
    let start = s.starts.get(term.index()).map_or(usize::MAX, |&x| x as usize);
    match s.bytes.get(start..) {
        Some(rest) => {
            let name_len = rest.iter().position(|&b| b == 0).unwrap_or(0);
            let name = rest.as_ptr().cast::<c_char>();
            (name, rest[name_len + 1..].as_ptr().cast::<c_char>())
        }
        None => (c"".as_ptr(), c"".as_ptr()),
    }
}

fn record(resolved: Resolved) -> HpoTermRecord {
    let term = resolved.term;
    let (name, curie) = names(term);
    HpoTermRecord {
        id: term.id().get(),
        curie,
        name,
        requested: resolved.requested.get(),
        replaced: resolved.replaced.map_or(0, |r| r as u32),
        index: term.index(),
        phenotypic_abnormality: term.is_phenotypic_abnormality(),
        parents_len: term.parents().len(),
        disease_count: term.disease_count(),
        disease_fraction: term.disease_fraction(),
        background_share: term.background_share(),
        information_content: term.information_content(),
    }
}

/// The keys of `MkbHpoReplacement` (serde's names of `marrowkb::hpo::Replacement`).
pub(crate) const REPLACEMENTS: [(u32, &str); 2] = [
    (Replacement::AltId as u32, "alt_id"),
    (Replacement::Obsolete as u32, "obsolete"),
];

/// The number of current HPO terms.
#[unsafe(no_mangle)]
pub extern "C" fn mkb_hpo_term_count() -> usize {
    ffi_boundary!(infallible(0) { hpo::TERM_COUNT })
}

/// Writes the `index`-th current term (parents before children) to `*out`.
///
/// Returns `MKB_OUT_OF_RANGE` when `index >= mkb_hpo_term_count()`.
///
/// # Safety
/// `out` must point to a writable `MkbHpoTerm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_term_at(index: usize, out: *mut HpoTermRecord) -> Status {
    ffi_boundary!(nonnull(out) {
        let term = Term::from_index(index).ok_or(Status::MkbOutOfRange)?;
        let resolved = Resolved { term, requested: term.id(), replaced: None };
        unsafe { put(out, record(resolved)) };
        Ok(())
    })
}

/// Looks up an HPO term by id text (`"HP:0001873"`, `"0001873"`, `"HP_0001873"`) and writes it to `*out`.
/// Alternative and obsolete ids resolve to the current term that replaces them (`out->replaced` says so).
///
/// Returns `MKB_MALFORMED_ID`, `MKB_NOT_FOUND` (not an id of HPO 2025-01-16), `MKB_OBSOLETE_ID` (obsolete
/// without a single replacement), and the text statuses.
///
/// # Safety
/// `text` must be valid for `len` bytes (or NUL-terminated when `len` is `MKB_NUL_TERMINATED`); `out` must
/// point to a writable `MkbHpoTerm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_term(text: *const c_char, len: usize, out: *mut HpoTermRecord) -> Status {
    ffi_boundary!(nonnull(out) {
        let resolved = hpo::resolve(unsafe { input(text, len) }?)?;
        unsafe { put(out, record(resolved)) };
        Ok(())
    })
}

/// Looks up an HPO term by number (1873 for `HP:0001873`) and writes it to `*out`, as `mkb_hpo_term`.
///
/// # Safety
/// `out` must point to a writable `MkbHpoTerm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_term_by_id(id: u32, out: *mut HpoTermRecord) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put(out, record(hpo::resolve(id)?)) };
        Ok(())
    })
}

/// Copies the numbers of the direct `is_a` parents of term `id` (alternative ids resolved) into `out` and
/// writes their count to `*out_len`.
///
/// Returns `MKB_NOT_FOUND`, `MKB_OBSOLETE_ID`, or `MKB_BUFFER_TOO_SMALL` (the needed count is written;
/// `out` may be NULL when `cap` is 0).
///
/// # Safety
/// `out` must be NULL or valid for writes of `cap` numbers; `out_len` must point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_parents(id: u32, out: *mut u32, cap: usize, out_len: *mut usize) -> Status {
    ffi_boundary!(nonnull(out_len) {
        let term = hpo::term(id)?;
        unsafe { copy_out(term.parents().map(|p| p.id().get()), out, cap, out_len) }
    })
}

/// Copies the numbers of every ancestor of term `id` (excluding the term, each once, nearest first, the
/// root last) into `out` and writes their count to `*out_len`. Statuses as `mkb_hpo_parents`.
///
/// # Safety
/// As for `mkb_hpo_parents`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_ancestors(id: u32, out: *mut u32, cap: usize, out_len: *mut usize) -> Status {
    ffi_boundary!(nonnull(out_len) {
        let term = hpo::term(id)?;
        let count = term.ancestors().count();
        unsafe { copy_out(ExactLen(term.ancestors().map(|a| a.id().get()), count), out, cap, out_len) }
    })
}

/// Writes whether term `id` is term `ancestor` or one of its descendants to `*out`.
///
/// Returns `MKB_NOT_FOUND` or `MKB_OBSOLETE_ID` when either id is not usable.
///
/// # Safety
/// `out` must point to a writable `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_is_a(id: u32, ancestor: u32, out: *mut bool) -> Status {
    ffi_boundary!(nonnull(out) {
        let answer = hpo::term(id)?.is_a(hpo::term(ancestor)?);
        unsafe { put(out, answer) };
        Ok(())
    })
}

/// An iterator with a length known in advance (the ancestor walk is not `ExactSizeIterator`).
struct ExactLen<I>(I, usize);

impl<I: Iterator> Iterator for ExactLen<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let item = self.0.next()?;
        self.1 = self.1.saturating_sub(1);
        Some(item)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.1, Some(self.1))
    }
}

impl<I: Iterator> ExactSizeIterator for ExactLen<I> {}

/// The most terms `mkb_hpo_find` reports for an ambiguous or unknown text (`marrowkb::finding::MAX_CANDIDATES`).
pub const MAX_TERM_CHOICES: usize = 4;
const _: () = assert!(MAX_TERM_CHOICES == marrowkb::finding::MAX_CANDIDATES);

/// The terms an unresolved finding could mean: the candidates of an ambiguous text (`ambiguous` true), or
/// the terms with the closest labels and synonyms (suggestions, best first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct TermChoiceList {
    /// Term numbers (1873 for `HP:0001873`); the first `len` are used, the rest are 0.
    pub items: [u32; MAX_TERM_CHOICES],
    /// How many there are (0 to `MKB_MAX_TERM_CHOICES`).
    pub len: usize,
    /// Whether the text names all of these terms (ambiguous) rather than none (suggestions).
    pub ambiguous: bool,
}

impl TermChoiceList {
    const EMPTY: TermChoiceList = TermChoiceList {
        items: [0; MAX_TERM_CHOICES],
        len: 0,
        ambiguous: false,
    };

    fn from_error(error: &marrowkb::Error) -> Self {
        let (choices, ambiguous) = match error {
            marrowkb::Error::UnknownTerm { suggestions } => (suggestions, false),
            marrowkb::Error::AmbiguousTerm { candidates } => (candidates, true),
            _ => return Self::EMPTY,
        };
        let mut list = Self::EMPTY;
        for (slot, term) in list.items.iter_mut().zip(choices.iter()) {
            *slot = term.id().get();
            list.len += 1;
        }
        list.ambiguous = ambiguous;
        list
    }
}

/// Resolves a finding, the way the differential does (`marrowkb::finding::find`): an HPO id (alternative
/// and obsolete ids replaced), a marrowkb symptom key or name, or any HPO label or synonym in any case
/// (`"low platelet count"`), and writes the term to `*out`.
///
/// Returns the statuses of `mkb_hpo_term` for ids; for words `MKB_NOT_FOUND` when no single term has the
/// text. `choices` may be NULL; when it is not, it is always written: on `MKB_NOT_FOUND` for words with the
/// candidates of an ambiguous text (`choices->ambiguous`) or the closest terms (computing those takes a few
/// milliseconds: pass NULL when they are not needed), otherwise empty.
///
/// # Safety
/// `text` as for `mkb_hpo_term`; `out` must point to a writable `MkbHpoTerm`; `choices` must be NULL or
/// point to a writable `MkbTermChoices`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_find(
    text: *const c_char,
    len: usize,
    out: *mut HpoTermRecord,
    choices: *mut TermChoiceList,
) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { crate::boundary::put_opt(choices, TermChoiceList::EMPTY) };
        let text = unsafe { input(text, len) }?;
        let found = if choices.is_null() {
            marrowkb::finding::find_without_suggestions(text)
        } else {
            marrowkb::finding::find(text)
        };
        let found = match found {
            Ok(f) => f,
            Err(error) => {
                unsafe { crate::boundary::put_opt(choices, TermChoiceList::from_error(&error)) };
                return Err(error.into());
            }
        };
        let resolved = Resolved {
            term: found.term,
            requested: found.requested.unwrap_or(found.term.id()),
            replaced: match found.matched {
                marrowkb::finding::Matched::ReplacedId(how) => Some(how),
                _ => None,
            },
        };
        unsafe { put(out, record(resolved)) };
        Ok(())
    })
}

/// One synonym of an HPO term. `text` is NOT NUL-terminated: it points into static data, `text_len` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct HpoSynonymRecord {
    /// The synonym (UTF-8, `text_len` bytes, no NUL terminator).
    pub text: *const c_char,
    /// Its length in bytes.
    pub text_len: usize,
    /// Its scope (`MkbHpoSynonymScope`).
    pub scope: u32,
    /// Its type (`MkbHpoSynonymType`), 0 for none.
    pub kind: u32,
}

// SAFETY: the text is static and never written.
unsafe impl Send for HpoSynonymRecord {}
unsafe impl Sync for HpoSynonymRecord {}

/// Writes how many synonyms term `id` has to `*out` (alternative ids resolved).
///
/// Returns `MKB_NOT_FOUND` or `MKB_OBSOLETE_ID` when the id is not usable.
///
/// # Safety
/// `out` must point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_synonyms_len(id: u32, out: *mut usize) -> Status {
    ffi_boundary!(nonnull(out) {
        let n = hpo::term(id)?.synonyms().len();
        unsafe { put(out, n) };
        Ok(())
    })
}

/// Writes synonym `index` (0 to `mkb_hpo_synonyms_len` - 1, in hp.obo order) of term `id` to `*out`.
///
/// Returns `MKB_OUT_OF_RANGE` for an index past the end, `MKB_NOT_FOUND` or `MKB_OBSOLETE_ID`.
///
/// # Safety
/// `out` must point to a writable `MkbHpoSynonym`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_synonym_at(id: u32, index: usize, out: *mut HpoSynonymRecord) -> Status {
    ffi_boundary!(nonnull(out) {
        let synonym = hpo::term(id)?.synonyms().nth(index).ok_or(Status::MkbOutOfRange)?;
        let record = HpoSynonymRecord {
            text: synonym.text.as_ptr().cast::<c_char>(),
            text_len: synonym.text.len(),
            scope: synonym.scope as u32,
            kind: synonym.kind.map_or(0, |k| k as u32),
        };
        unsafe { put(out, record) };
        Ok(())
    })
}

/// Writes term `id`'s plain name for patients (its first exact layperson synonym, else its first layperson
/// synonym) to `*text` and `*text_len` (static, NOT NUL-terminated).
///
/// Returns `MKB_NOT_FOUND` when HPO has no layperson synonym for the term (or the id is unknown), or
/// `MKB_OBSOLETE_ID`.
///
/// # Safety
/// `text` and `text_len` must point to a writable `const char *` and `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_hpo_lay_name(id: u32, text: *mut *const c_char, text_len: *mut usize) -> Status {
    ffi_boundary!(nonnull(text, text_len) {
        let lay = hpo::term(id)?.lay_name().ok_or(Status::MkbNotFound)?;
        unsafe {
            put(text, lay.as_ptr().cast::<c_char>());
            put(text_len, lay.len());
        }
        Ok(())
    })
}
