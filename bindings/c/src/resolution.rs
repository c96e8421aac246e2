//! The batch resolver (`marrowkb::resolution`): names, codes and genes, one input or a whole column, with
//! a per-row status, how each row matched, the candidates of an ambiguous row and the subtype's groups.

use crate::boundary::{NUL_TERMINATED, Status, array, array_mut, ffi_boundary, input, put, put_opt};
pub use crate::generated::vocabularies::{ResolutionMatch, ResolutionStatus};
use crate::lookup::{NO_DISORDER, SuggestionList};
use core::ffi::c_char;
use marrowkb::resolution::{self as core_resolution, DisorderSet};
use marrowkb::{Disorder, Error};

/// The most disorders a `MkbResolution` lists as candidates or groups.
pub const MAX_CANDIDATES: usize = 32;
const _: () = assert!(Disorder::COUNT <= MAX_CANDIDATES);

/// What one input resolved to (`mkb_resolve_detailed`, `mkb_resolve_many`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct ResolutionRecord {
    /// The status `mkb_resolve` would return for this input (`MKB_OK`, `MKB_EMPTY`, `MKB_NOT_FOUND`,
    /// `MKB_AMBIGUOUS`, `MKB_TOO_LONG`, `MKB_MALFORMED_ID`, `MKB_INVALID_UTF8`; NULL text is `MKB_EMPTY`).
    pub status: Status,
    /// The row's status (`MkbResolutionStatus`).
    pub row_status: ResolutionStatus,
    /// The `MkbDisorder` found, or `MKB_NO_DISORDER`.
    pub disorder: u32,
    /// How it matched (`MkbResolutionMatch`), or 0 when nothing was found.
    pub match_kind: u32,
    /// For `MKB_RESOLUTION_MATCH_ICD10_PARENT`, the WHO category that matched (`"D46"`), NUL-terminated; else "".
    pub parent_code: [c_char; 8],
    /// Found: the groups the disorder is a subtype of (they answer through it). Ambiguous: every candidate.
    /// `MkbDisorder` values, the first `disorders_len` used, in discriminant order.
    pub disorders: [u32; MAX_CANDIDATES],
    /// How many of `disorders` are used.
    pub disorders_len: usize,
    /// For an unknown name, with suggestions asked: the closest disorders.
    pub suggestions: SuggestionList,
}

impl ResolutionRecord {
    const EMPTY: ResolutionRecord = ResolutionRecord {
        status: Status::MkbEmpty,
        row_status: ResolutionStatus::Missing,
        disorder: NO_DISORDER,
        match_kind: 0,
        parent_code: [0; 8],
        disorders: [NO_DISORDER; MAX_CANDIDATES],
        disorders_len: 0,
        suggestions: SuggestionList::EMPTY,
    };

    fn set_disorders(&mut self, set: DisorderSet) {
        for (slot, d) in self.disorders.iter_mut().zip(set.iter()) {
            *slot = d.discriminant();
            self.disorders_len += 1;
        }
    }

    fn from_result(result: Result<core_resolution::Resolution, Error>) -> Self {
        let mut out = Self::EMPTY;
        out.row_status = core_resolution::Status::of(&result).into();
        match result {
            Ok(r) => {
                out.status = Status::MkbOk;
                out.disorder = r.disorder.discriminant();
                out.match_kind = r.match_kind as u32;
                if let Some(code) = r.parent_code {
                    for (slot, b) in out.parent_code.iter_mut().zip(code.as_str().bytes()) {
                        *slot = b as c_char;
                    }
                }
                out.set_disorders(r.groups);
            }
            Err(error) => {
                out.status = error.into();
                if let Error::Ambiguous { candidates, .. } = error {
                    out.set_disorders(candidates);
                }
                out.suggestions = SuggestionList::from_error(&error);
            }
        }
        out
    }

    fn from_input(text: Result<&str, Status>, suggestions: bool) -> Self {
        match text {
            Ok(text) => Self::from_result(core_resolution::resolve_detailed(text, suggestions)),
            Err(Status::MkbTooLong) => Self::from_result(Err(Error::InputTooLong {
                len: crate::boundary::MAX_INPUT_LEN + 1,
                max: crate::boundary::MAX_INPUT_LEN,
            })),
            Err(Status::MkbNullPointer) => Self::EMPTY,
            Err(status) => ResolutionRecord {
                status,
                row_status: ResolutionStatus::Malformed,
                ..Self::EMPTY
            },
        }
    }
}

/// Resolves one input (a name, synonym, abbreviation, ORPHA or OMIM id, ICD-10 code or gene symbol) into
/// `*out`, which is always written: see `MkbResolution`. With `suggestions` non-zero, an unknown name gets
/// the closest names (a few microseconds).
///
/// Returns the row's status, as `out->status` (`MKB_OK`, `MKB_EMPTY`, `MKB_NOT_FOUND`, `MKB_AMBIGUOUS`,
/// `MKB_TOO_LONG`, `MKB_MALFORMED_ID`, `MKB_INVALID_UTF8`), or `MKB_NULL_POINTER` when `out` is NULL.
///
/// # Safety
/// `text` must be NULL (a missing value) or valid as for `mkb_lookup`; `out` must point to a writable
/// `MkbResolution`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_resolve_detailed(
    text: *const c_char,
    len: usize,
    suggestions: u32,
    out: *mut ResolutionRecord,
) -> Status {
    ffi_boundary!(nonnull(out) {
        let resolution = ResolutionRecord::from_input(unsafe { input(text, len) }, suggestions != 0);
        unsafe { put(out, resolution) };
        match resolution.status {
            Status::MkbOk => Ok(()),
            status => Err(status),
        }
    })
}

/// Resolves `n` inputs at once: `out[i]` receives what `mkb_resolve_detailed` gives for `texts[i]` (a NULL
/// `texts[i]` is a missing value). `lens` may be NULL when every text is NUL-terminated. `*found` (may be
/// NULL) receives the number of rows found. A row never makes the batch fail.
///
/// Returns `MKB_OK` when the arrays are usable, otherwise `MKB_NULL_POINTER` (`texts` or `out` NULL with
/// `n > 0`) or `MKB_INVALID_ARGUMENT` (`n` too large), in which case nothing is written.
///
/// # Safety
/// `texts` and `out` must be valid for `n` items (`lens` too when not NULL); each `texts[i]` must be NULL
/// or valid as for `mkb_lookup`; `found` must be NULL or point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_resolve_many(
    texts: *const *const c_char,
    lens: *const usize,
    n: usize,
    suggestions: u32,
    out: *mut ResolutionRecord,
    found: *mut usize,
) -> Status {
    ffi_boundary!(nonnull() {
        let texts = unsafe { array(texts, n) }?;
        let lens = if lens.is_null() { None } else { Some(unsafe { array(lens, n) }?) };
        let out = unsafe { array_mut(out, n) }?;
        let mut hits = 0;
        for (i, (&text, slot)) in texts.iter().zip(out.iter_mut()).enumerate() {
            let len = lens.map_or(NUL_TERMINATED, |lens| lens[i]);
            *slot = ResolutionRecord::from_input(unsafe { input(text, len) }, suggestions != 0);
            hits += usize::from(slot.status == Status::MkbOk);
        }
        unsafe { put_opt(found, hits) };
        Ok(())
    })
}

/// How a gene answers for a disorder (`mkb_gene_links`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct GeneLinkRecord {
    /// The `MkbDisorder`.
    pub disorder: u32,
    /// The subtype (`MkbDisorder`) the gene reaches it through, or `MKB_NO_DISORDER` when HPO links the
    /// gene to the disorder itself (the subtype-to-group rule).
    pub through: u32,
}

/// Copies how a gene (HGNC symbol, case-insensitive) answers for each of its disorders into `out` (the same
/// disorders, in the same order, as `mkb_disorders_for_gene`), writing their number to `*out_len`. When
/// `cap` is too small, writes the needed number and returns `MKB_BUFFER_TOO_SMALL`.
///
/// Returns the statuses of `mkb_gene_from_symbol`, and `MKB_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `symbol` as for `mkb_lookup`; `out` must be NULL or valid for writes of `cap` links; `out_len` must point
/// to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_gene_links(
    symbol: *const c_char,
    len: usize,
    out: *mut GeneLinkRecord,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    ffi_boundary!(nonnull(out_len) {
        unsafe { put(out_len, 0) };
        let gene = marrowkb::Gene::from_symbol(unsafe { input(symbol, len) }?)?;
        let links = gene.links().iter().map(|l| GeneLinkRecord {
            disorder: l.disorder.discriminant(),
            through: l.through.map_or(NO_DISORDER, Disorder::discriminant),
        });
        unsafe { crate::boundary::copy_out(links, out, cap, out_len) }
    })
}
