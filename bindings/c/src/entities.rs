//! The helpers every knowledge entity's exports call (`crate::generated::entities`, generated from the
//! code generator's list of entities, so each entity has the same functions), and the genes' exports,
//! which are not a knowledge enum (positions sorted by symbol, look-up by symbol or NCBI Gene id).

use crate::boundary::{Status, ffi_boundary, input, put};
use crate::records::{GeneRecord, Indexed, tables};
use core::ffi::c_char;
use marrowkb::{Disorder, Gene};

/// `all[index]` into `*out`.
///
/// # Safety
/// `out` non-null and writable.
pub(crate) unsafe fn at<E: Copy>(all: &[E], index: usize, out: *mut E) -> Result<(), Status> {
    let value = *all.get(index).ok_or(Status::MkbOutOfRange)?;
    unsafe { put(out, value) };
    Ok(())
}

/// The record of the value with discriminant `value` into `*out`.
///
/// # Safety
/// `out` non-null and writable.
pub(crate) unsafe fn record<R>(records: &Indexed<R>, value: u32, out: *mut *const R) -> Result<(), Status> {
    let record = records.get(value).ok_or(Status::MkbInvalidEnum)?;
    unsafe { put(out, record as *const R) };
    Ok(())
}

/// The result of a core look-up into `*out`.
///
/// # Safety
/// `out` non-null and writable; `ptr`/`len` as for `text`.
pub(crate) unsafe fn find<E>(
    ptr: *const c_char,
    len: usize,
    out: *mut E,
    look_up: impl FnOnce(&str) -> marrowkb::Result<E>,
) -> Result<(), Status> {
    let value = look_up(unsafe { input(ptr, len) }?)?;
    unsafe { put(out, value) };
    Ok(())
}

// ---------------------------------------------------------------------------------------------------
// Genes

/// The number of genes linked to at least one disorder.
#[unsafe(no_mangle)]
pub extern "C" fn mkb_gene_count() -> usize {
    ffi_boundary!(infallible(0) { Gene::all().len() })
}

/// Writes a pointer to the record of the `index`-th gene (sorted by symbol) to `*out`. Positions are not
/// stable across releases: store the symbol or the NCBI Gene id.
///
/// Returns `MKB_OUT_OF_RANGE` when `index >= mkb_gene_count()`.
///
/// # Safety
/// `out` must point to a writable `const MkbGeneRecord *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_gene_at(index: usize, out: *mut *const GeneRecord) -> Status {
    ffi_boundary!(nonnull(out) {
        let record = tables().genes.get(index).ok_or(Status::MkbOutOfRange)?;
        unsafe { put(out, record as *const GeneRecord) };
        Ok(())
    })
}

/// Finds a gene by HGNC symbol (ASCII case-insensitive, surrounding spaces ignored: `" fanca "`) and
/// writes a pointer to its record to `*out`.
///
/// Returns `MKB_NOT_FOUND`, `MKB_EMPTY`, `MKB_TOO_LONG` (over 24 bytes), and the text statuses.
///
/// # Safety
/// `symbol` as for `mkb_lookup`; `out` must point to a writable `const MkbGeneRecord *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_gene_from_symbol(
    symbol: *const c_char,
    len: usize,
    out: *mut *const GeneRecord,
) -> Status {
    ffi_boundary!(nonnull(out) {
        let gene = Gene::from_symbol(unsafe { input(symbol, len) }?)?;
        let record = tables().gene(gene).ok_or(Status::MkbNotFound)?;
        unsafe { put(out, record as *const GeneRecord) };
        Ok(())
    })
}

/// Finds a gene by NCBI Gene id (6223 for RPS19) and writes a pointer to its record to `*out`.
///
/// Returns `MKB_NOT_FOUND` when no linked gene has the id.
///
/// # Safety
/// `out` must point to a writable `const MkbGeneRecord *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_gene_from_ncbi_id(ncbi_gene_id: u32, out: *mut *const GeneRecord) -> Status {
    ffi_boundary!(nonnull(out) {
        let gene = Gene::from_ncbi_gene_id(ncbi_gene_id)?;
        let record = tables().gene(gene).ok_or(Status::MkbNotFound)?;
        unsafe { put(out, record as *const GeneRecord) };
        Ok(())
    })
}

/// Writes the disorders a gene answers for (by HGNC symbol, case-insensitive) as a pointer into static
/// data and a length: those HPO links it to and the groups they are a subtype of (HAX1: Kostmann syndrome
/// and severe congenital neutropenia); `mkb_gene_links` says which come through a subtype.
///
/// Returns the statuses of `mkb_gene_from_symbol`.
///
/// # Safety
/// `symbol` as for `mkb_lookup`; `out` must point to a writable `const MkbDisorder *`, `out_len` to a
/// writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_disorders_for_gene(
    symbol: *const c_char,
    len: usize,
    out: *mut *const Disorder,
    out_len: *mut usize,
) -> Status {
    ffi_boundary!(nonnull(out, out_len) {
        let disorders = marrowkb::disorders_for_gene(unsafe { input(symbol, len) }?)?;
        unsafe {
            put(out, disorders.as_ptr());
            put(out_len, disorders.len());
        }
        Ok(())
    })
}
