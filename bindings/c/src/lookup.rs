//! Name look-up with suggestions, name-or-code resolution, free-text search and batch look-up.

use crate::boundary::{Status, array, array_mut, copy_out, ffi_boundary, input, put, put_opt};
use crate::strings::intern;
use core::ffi::c_char;
use marrowkb::{Disorder, Error, Suggestions};

/// The most suggestions an unknown name carries (`marrowkb::lookup::MAX_SUGGESTIONS`).
pub const MAX_SUGGESTIONS: usize = 3;
const _: () = assert!(MAX_SUGGESTIONS == marrowkb::lookup::MAX_SUGGESTIONS);

/// The value written for "no disorder" in arrays of disorder values (`mkb_lookup_many`, unused
/// suggestion slots). No disorder has discriminant 0.
pub const NO_DISORDER: u32 = 0;

/// The disorders whose names are closest to an unknown name, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct SuggestionList {
    /// `MkbDisorder` values; the first `len` are suggestions, the rest are `MKB_NO_DISORDER`.
    pub items: [u32; MAX_SUGGESTIONS],
    /// How many suggestions there are (0 to `MKB_MAX_SUGGESTIONS`).
    pub len: usize,
}

impl SuggestionList {
    pub(crate) const EMPTY: SuggestionList = SuggestionList {
        items: [NO_DISORDER; MAX_SUGGESTIONS],
        len: 0,
    };

    fn from_core(suggestions: &Suggestions) -> Self {
        let mut list = Self::EMPTY;
        for (slot, disorder) in list.items.iter_mut().zip(suggestions.iter()) {
            *slot = disorder.discriminant();
            list.len += 1;
        }
        list
    }

    /// The suggestions an error carries (none for other errors).
    pub(crate) fn from_error(error: &Error) -> Self {
        match error {
            Error::UnknownName { suggestions } => Self::from_core(suggestions),
            _ => Self::EMPTY,
        }
    }
}

/// Finds a disorder by any name, synonym or abbreviation, ignoring case, diacritics, punctuation, spaces
/// and British spelling (`"Fanconi's anaemia"`, `"FA"`), and writes it to `*out`.
///
/// `suggestions` may be NULL. When it is not, it is always written: on `MKB_NOT_FOUND` with the closest
/// names (possibly none), otherwise empty. Computing suggestions costs a few microseconds; pass NULL for
/// the fast path.
///
/// Returns `MKB_OK`, `MKB_NOT_FOUND`, `MKB_EMPTY`, `MKB_TOO_LONG`, `MKB_INVALID_UTF8`, `MKB_NULL_POINTER`.
///
/// # Safety
/// `name` must be valid for `len` bytes (or NUL-terminated when `len` is `MKB_NUL_TERMINATED`); `out`
/// must point to a writable `MkbDisorder`; `suggestions` must be NULL or point to a writable
/// `MkbSuggestions`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_lookup(
    name: *const c_char,
    len: usize,
    out: *mut Disorder,
    suggestions: *mut SuggestionList,
) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put_opt(suggestions, SuggestionList::EMPTY) };
        let name = unsafe { input(name, len) }?;
        let result = if suggestions.is_null() { Disorder::find(name) } else { marrowkb::lookup(name) };
        match result {
            Ok(disorder) => {
                unsafe { put(out, disorder) };
                Ok(())
            }
            Err(error) => {
                unsafe { put_opt(suggestions, SuggestionList::from_error(&error)) };
                Err(error.into())
            }
        }
    })
}

/// Writes the disorders whose names are closest to `name` (Jaro-Winkler similarity of normalized names,
/// at least 0.8), best first, to `*out`. Text that cannot be normalized gets an empty list.
///
/// Returns `MKB_OK` (even with no suggestion), `MKB_TOO_LONG`, `MKB_INVALID_UTF8`, `MKB_NULL_POINTER`.
///
/// # Safety
/// `name` as for `mkb_lookup`; `out` must point to a writable `MkbSuggestions`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_suggest(name: *const c_char, len: usize, out: *mut SuggestionList) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put(out, SuggestionList::EMPTY) };
        let name = unsafe { input(name, len) }?;
        unsafe { put(out, SuggestionList::from_core(&marrowkb::suggest(name))) };
        Ok(())
    })
}

/// Finds one disorder from a name, synonym or abbreviation, an `ORPHA:`/`OMIM:` identifier, an ICD-10
/// code exactly one disorder carries, or a gene symbol linked to exactly one disorder, and writes it to
/// `*out`. `suggestions` works as in `mkb_lookup`.
///
/// Returns `MKB_OK`, `MKB_NOT_FOUND`, `MKB_MALFORMED_ID`, `MKB_EMPTY`, `MKB_TOO_LONG`, `MKB_INVALID_UTF8`,
/// `MKB_NULL_POINTER`.
///
/// # Safety
/// As for `mkb_lookup`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_resolve(
    text: *const c_char,
    len: usize,
    out: *mut Disorder,
    suggestions: *mut SuggestionList,
) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put_opt(suggestions, SuggestionList::EMPTY) };
        let query = unsafe { input(text, len) }?;
        match marrowkb::resolve(query) {
            Ok(disorder) => {
                unsafe { put(out, disorder) };
                Ok(())
            }
            Err(error) => {
                unsafe { put_opt(suggestions, SuggestionList::from_error(&error)) };
                Err(error.into())
            }
        }
    })
}

/// What a search hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum SearchHitKind {
    /// The disorder's name, a synonym or an abbreviation.
    Name = 1,
    /// A gene linked to the disorder.
    Gene = 2,
    /// A feature of the disorder.
    Symptom = 3,
    /// An ORPHA, OMIM or ICD-10 code of the disorder.
    Code = 4,
}

impl From<marrowkb::search::HitKind> for SearchHitKind {
    fn from(kind: marrowkb::search::HitKind) -> Self {
        use marrowkb::search::HitKind;
        match kind {
            HitKind::Name => SearchHitKind::Name,
            HitKind::Gene => SearchHitKind::Gene,
            HitKind::Symptom => SearchHitKind::Symptom,
            HitKind::Code => SearchHitKind::Code,
        }
    }
}

/// One search result.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct SearchHit {
    /// The disorder found.
    pub disorder: Disorder,
    /// What matched.
    pub kind: SearchHitKind,
    /// The text that matched (a name, gene symbol, symptom name or code), owned by the library.
    pub matched: *const c_char,
    /// For a gene or code of a subtype that answers for its group: the subtype (`MkbDisorder`) it comes
    /// through; `MKB_NO_DISORDER` for a direct hit.
    pub through: u32,
}

/// Searches names, synonyms, abbreviations, genes, symptoms and codes for `text` and copies the hits
/// (best kind first: name, gene, symptom, code; then by disorder) into `out`, writing their number to
/// `*out_len`.
///
/// When `cap` is too small, writes the needed number to `*out_len`, leaves `out` untouched and returns
/// `MKB_BUFFER_TOO_SMALL`; `out` may be NULL when `cap` is 0. No hit is `MKB_OK` with `*out_len == 0`.
/// This is the one look-up that allocates (inside the core, freed before returning).
///
/// Returns `MKB_OK`, `MKB_BUFFER_TOO_SMALL`, `MKB_EMPTY`, `MKB_TOO_LONG`, `MKB_INVALID_UTF8`,
/// `MKB_NULL_POINTER`, `MKB_INVALID_ARGUMENT`.
///
/// # Safety
/// `text` as for `mkb_lookup`; `out` must be NULL or valid for writes of `cap` hits; `out_len` must point
/// to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_search(
    text: *const c_char,
    len: usize,
    out: *mut SearchHit,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    ffi_boundary!(nonnull(out_len) {
        unsafe { put(out_len, 0) };
        let query = unsafe { input(text, len) }?;
        let hits = marrowkb::search(query)?;
        let hits = hits.iter().map(|h| SearchHit {
            disorder: h.disorder,
            kind: h.kind.into(),
            matched: intern(h.matched),
            through: h.through.map_or(NO_DISORDER, Disorder::discriminant),
        });
        unsafe { copy_out(hits, out, cap, out_len) }
    })
}

/// Looks up `n` names at once, the batch form of `mkb_lookup` for registries and pipelines.
///
/// `names[i]` is a name of `lens[i]` bytes; `lens` may be NULL when every name is NUL-terminated (as if
/// each length were `MKB_NUL_TERMINATED`). For each name, `out[i]` receives the `MkbDisorder` found or
/// `MKB_NO_DISORDER`. The optional arrays (each may be NULL) receive per-name details: `statuses[i]` the
/// status `mkb_lookup` would return (a NULL `names[i]` is `MKB_NULL_POINTER`), `suggestions[i]` the
/// suggestions (slower: pass NULL unless wanted), and `*found` the number of names found.
///
/// Returns `MKB_OK` when the arrays are usable (individual misses are reported per name), otherwise
/// `MKB_NULL_POINTER` (`names` or `out` NULL with `n > 0`) or `MKB_INVALID_ARGUMENT` (`n` too large), in
/// which case nothing is written.
///
/// # Safety
/// `names`, `out` and each non-NULL optional array must be valid for `n` items (`lens` for reads, the
/// others for writes); each `names[i]` must be NULL or valid as for `mkb_lookup`; `found` must be NULL or
/// point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_lookup_many(
    names: *const *const c_char,
    lens: *const usize,
    n: usize,
    out: *mut u32,
    statuses: *mut Status,
    suggestions: *mut SuggestionList,
    found: *mut usize,
) -> Status {
    ffi_boundary!(nonnull() {
        let names = unsafe { array(names, n) }?;
        let lens = if lens.is_null() { None } else { Some(unsafe { array(lens, n) }?) };
        let out = unsafe { array_mut(out, n) }?;
        let mut statuses = if statuses.is_null() { None } else { Some(unsafe { array_mut(statuses, n) }?) };
        let mut suggestions =
            if suggestions.is_null() { None } else { Some(unsafe { array_mut(suggestions, n) }?) };
        let mut hits = 0usize;
        for (i, (&name, slot)) in names.iter().zip(out.iter_mut()).enumerate() {
            let len = lens.map_or(crate::boundary::NUL_TERMINATED, |lens| lens[i]);
            let result = match unsafe { input(name, len) } {
                Err(status) => Err((status, SuggestionList::EMPTY)),
                Ok(name) if suggestions.is_some() => marrowkb::lookup(name)
                    .map_err(|e| (Status::from(e), SuggestionList::from_error(&e))),
                Ok(name) if statuses.is_some() => {
                    Disorder::find(name).map_err(|e| (Status::from(e), SuggestionList::EMPTY))
                }
                Ok(name) => {
                    marrowkb::lookup_exact(name).ok_or((Status::MkbNotFound, SuggestionList::EMPTY))
                }
            };
            let (value, status, list) = match result {
                Ok(disorder) => {
                    hits += 1;
                    (disorder.discriminant(), Status::MkbOk, SuggestionList::EMPTY)
                }
                Err((status, list)) => (NO_DISORDER, status, list),
            };
            *slot = value;
            if let Some(statuses) = statuses.as_deref_mut() {
                statuses[i] = status;
            }
            if let Some(suggestions) = suggestions.as_deref_mut() {
                suggestions[i] = list;
            }
        }
        unsafe { put_opt(found, hits) };
        Ok(())
    })
}
