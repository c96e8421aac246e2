//! Identifier look-ups (ORPHA, OMIM, WHO ICD-10, HPO) and the identifier parsers.

use crate::boundary::{Status, array_mut, copy_out, ffi_boundary, input, put};
use crate::classes::{IcdMatch, XrefMatch};
use core::ffi::c_char;
use marrowkb::codes::{HpoId, Icd10Code, OmimId, OrphaId};
use marrowkb::{Disorder, Symptom};

/// A disorder linked to an ORPHA or OMIM entry, with how.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct XrefLink {
    /// The disorder.
    pub disorder: Disorder,
    /// Whether the entry is the disorder, one form of it, or only the closest entry.
    pub match_kind: XrefMatch,
}

/// A disorder coded with an ICD-10 code, with how.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct Icd10Link {
    /// The disorder.
    pub disorder: Disorder,
    /// Exact, or the nearest parent category.
    pub match_kind: IcdMatch,
}

/// Writes the disorder an ORPHA identifier is (or is a form of) to `*out`. `text` may be written
/// `"ORPHA:84"`, `"Orphanet:84"`, `"ORPHA84"` or `"84"`. Closest-only links are not followed (see
/// `mkb_disorders_for_orpha`).
///
/// Returns `MKB_NOT_FOUND`, `MKB_MALFORMED_ID`, and the text statuses.
///
/// # Safety
/// `text` must be valid for `len` bytes (or NUL-terminated when `len` is `MKB_NUL_TERMINATED`); `out`
/// must point to a writable `MkbDisorder`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_disorder_from_orpha(text: *const c_char, len: usize, out: *mut Disorder) -> Status {
    ffi_boundary!(nonnull(out) {
        let id = OrphaId::parse(unsafe { input(text, len) }?)?;
        unsafe { put(out, Disorder::from_orpha(id)?) };
        Ok(())
    })
}

/// Writes the disorder ORPHA entry `id` (84 for `ORPHA:84`) is, or is a form of, to `*out`.
///
/// Returns `MKB_NOT_FOUND` when no disorder carries the id as exact or subtype.
///
/// # Safety
/// `out` must point to a writable `MkbDisorder`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_disorder_from_orpha_id(id: u32, out: *mut Disorder) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put(out, Disorder::from_orpha(id)?) };
        Ok(())
    })
}

/// Writes the disorder an OMIM identifier is (or is a form of) to `*out`. `text` may be written
/// `"OMIM:227650"`, `"MIM:227650"`, `"#227650"` or `"227650"`.
///
/// Returns `MKB_NOT_FOUND`, `MKB_MALFORMED_ID`, and the text statuses.
///
/// # Safety
/// As for `mkb_disorder_from_orpha`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_disorder_from_omim(text: *const c_char, len: usize, out: *mut Disorder) -> Status {
    ffi_boundary!(nonnull(out) {
        let id = OmimId::parse(unsafe { input(text, len) }?)?;
        unsafe { put(out, Disorder::from_omim(id)?) };
        Ok(())
    })
}

/// Writes the disorder OMIM entry `id` (227650) is, or is a form of, to `*out`.
///
/// Returns `MKB_NOT_FOUND` when no disorder carries the entry.
///
/// # Safety
/// `out` must point to a writable `MkbDisorder`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_disorder_from_omim_id(id: u32, out: *mut Disorder) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put(out, Disorder::from_omim(id)?) };
        Ok(())
    })
}

/// Copies every disorder linked to ORPHA entry `id`, with how (exact and subtype links first), into
/// `out` and writes their number to `*out_len`. No link is `MKB_OK` with `*out_len == 0`.
///
/// When `cap` is too small, writes the needed number to `*out_len` and returns `MKB_BUFFER_TOO_SMALL`;
/// `out` may be NULL when `cap` is 0. A buffer of `mkb_disorder_count()` links is always enough.
///
/// # Safety
/// `out` must be NULL or valid for writes of `cap` links; `out_len` must point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_disorders_for_orpha(
    id: u32,
    out: *mut XrefLink,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    ffi_boundary!(nonnull(out_len) {
        let links = Disorder::all_for_orpha(OrphaId::new(id)).iter().map(|&(disorder, m)| XrefLink {
            disorder,
            match_kind: m.into(),
        });
        unsafe { copy_out(links, out, cap, out_len) }
    })
}

/// Copies every disorder linked to OMIM entry `id`, with how, into `out` (see `mkb_disorders_for_orpha`).
///
/// # Safety
/// As for `mkb_disorders_for_orpha`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_disorders_for_omim(
    id: u32,
    out: *mut XrefLink,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    ffi_boundary!(nonnull(out_len) {
        let links = Disorder::all_for_omim(OmimId::new(id)).iter().map(|&(disorder, m)| XrefLink {
            disorder,
            match_kind: m.into(),
        });
        unsafe { copy_out(links, out, cap, out_len) }
    })
}

/// Copies every disorder coded with an ICD-10 code (`"D61.0"`, `"d610"`; exact codings first) into
/// `out` and writes their number to `*out_len`. ICD-10 is coarse: one code can cover several disorders.
///
/// Returns `MKB_NOT_FOUND` when no disorder uses the code, `MKB_MALFORMED_ID` for text not shaped like
/// a code, `MKB_BUFFER_TOO_SMALL` as in `mkb_disorders_for_orpha`, and the text statuses.
///
/// # Safety
/// `code` as for `mkb_disorder_from_orpha`; `out` and `out_len` as for `mkb_disorders_for_orpha`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_disorders_for_icd10(
    code: *const c_char,
    len: usize,
    out: *mut Icd10Link,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    ffi_boundary!(nonnull(out_len) {
        unsafe { put(out_len, 0) };
        let coded = Disorder::from_icd10(unsafe { input(code, len) }?)?;
        let links = coded.iter().map(|&(disorder, m)| Icd10Link { disorder, match_kind: m.into() });
        unsafe { copy_out(links, out, cap, out_len) }
    })
}

/// Writes the symptom whose HPO terms include an HPO id (`"HP:0001873"`, `"HP_0001873"`, `"0001873"`)
/// to `*out`.
///
/// Returns `MKB_NOT_FOUND`, `MKB_MALFORMED_ID`, and the text statuses.
///
/// # Safety
/// `text` as for `mkb_disorder_from_orpha`; `out` must point to a writable `MkbSymptom`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_symptom_from_hpo(text: *const c_char, len: usize, out: *mut Symptom) -> Status {
    ffi_boundary!(nonnull(out) {
        let id = HpoId::parse(unsafe { input(text, len) }?)?;
        unsafe { put(out, Symptom::from_hpo(id)?) };
        Ok(())
    })
}

/// Writes the symptom whose HPO terms include term number `id` (1873 for `HP:0001873`) to `*out`.
///
/// Returns `MKB_NOT_FOUND` when no symptom carries the term.
///
/// # Safety
/// `out` must point to a writable `MkbSymptom`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_symptom_from_hpo_id(id: u32, out: *mut Symptom) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put(out, Symptom::from_hpo(id)?) };
        Ok(())
    })
}

/// Parses an HPO id in any accepted spelling (`"HP:0001873"`, `"hp_1873"`, `"0001873"`) and writes its
/// number to `*out`. Does not check that the term exists.
///
/// Returns `MKB_MALFORMED_ID` and the text statuses.
///
/// # Safety
/// `text` as for `mkb_disorder_from_orpha`; `out` must point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_parse_hpo(text: *const c_char, len: usize, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put(out, HpoId::parse(input(text, len)?)?.get()) };
        Ok(())
    })
}

/// Parses an ORPHA id in any accepted spelling and writes its number to `*out` (see
/// `mkb_disorder_from_orpha`). Does not check that the entry exists.
///
/// Returns `MKB_MALFORMED_ID` and the text statuses.
///
/// # Safety
/// As for `mkb_parse_hpo`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_parse_orpha(text: *const c_char, len: usize, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put(out, OrphaId::parse(input(text, len)?)?.get()) };
        Ok(())
    })
}

/// Parses an OMIM id in any accepted spelling and writes its number to `*out` (see
/// `mkb_disorder_from_omim`). Does not check that the entry exists.
///
/// Returns `MKB_MALFORMED_ID` and the text statuses.
///
/// # Safety
/// As for `mkb_parse_hpo`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_parse_omim(text: *const c_char, len: usize, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        unsafe { put(out, OmimId::parse(input(text, len)?)?.get()) };
        Ok(())
    })
}

/// Parses an ICD-10 code (`"d610"`, `" D61.0 "`) and copies its dotted upper-case form (`"D61.0"`) with a
/// NUL terminator into `buf`, writing its length without the NUL to `*out_len`. Checks the shape, not
/// that the code exists. A buffer of 8 bytes is always enough.
///
/// Returns `MKB_MALFORMED_ID`, `MKB_BUFFER_TOO_SMALL` (the needed length, without the NUL, is written
/// to `*out_len`; `buf` may be NULL when `cap` is 0), and the text statuses.
///
/// # Safety
/// `text` as for `mkb_disorder_from_orpha`; `buf` must be NULL or valid for writes of `cap` bytes;
/// `out_len` must point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_parse_icd10(
    text: *const c_char,
    len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    ffi_boundary!(nonnull(out_len) {
        unsafe { put(out_len, 0) };
        let code = Icd10Code::parse(unsafe { input(text, len) }?)?;
        let code = code.as_str().as_bytes();
        unsafe { put(out_len, code.len()) };
        if code.len() >= cap {
            return Err(Status::MkbBufferTooSmall);
        }
        let buf = unsafe { array_mut(buf, cap) }?;
        for (slot, &byte) in buf.iter_mut().zip(code) {
            *slot = byte as c_char;
        }
        buf[code.len()] = 0;
        Ok(())
    })
}
