//! The core's closed vocabularies (`marrowkb::classes`) as C enums, and the functions on their values.
//!
//! The C enums are generated with the core's from `crates/marrowkb/data/vocabularies.toml`
//! (`crate::generated::vocabularies`, plain enums cbindgen reads, with conversions both ways).

use crate::boundary::{Status, ffi_boundary, put};
use marrowkb::classes as core_classes;

pub use crate::generated::vocabularies::{
    BodySystem, CellLine, Frequency, IcdMatch, Inheritance, Onset, Origin, RelationKind, TreatmentRole, XrefMatch,
};

/// Writes the HPO term number of a mode of inheritance (7 for `HP:0000007`) to `*out`.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbInheritance`, `MKB_NOT_FOUND` for
/// `MKB_INHERITANCE_NOT_INHERITED` (HPO has no term for it).
///
/// # Safety
/// `out` must point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_inheritance_hpo(inheritance: u32, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        let value = core_classes::Inheritance::from_discriminant(inheritance)?;
        let hpo = value.hpo().ok_or(Status::MkbNotFound)?;
        unsafe { put(out, hpo.get()) };
        Ok(())
    })
}

/// Writes the HPO term number of an onset class (3577 for `HP:0003577`) to `*out`.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbOnset`.
///
/// # Safety
/// `out` must point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_onset_hpo(onset: u32, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        let value = core_classes::Onset::from_discriminant(onset)?;
        unsafe { put(out, value.hpo().get()) };
        Ok(())
    })
}

/// Writes the age range in years `[from, to)` an onset class covers (HPO definitions); `to` is
/// `INFINITY` for adult onset.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbOnset`.
///
/// # Safety
/// `from` and `to` must point to writable `double`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_onset_age_years(onset: u32, from: *mut f64, to: *mut f64) -> Status {
    ffi_boundary!(nonnull(from, to) {
        let (lo, hi) = core_classes::Onset::from_discriminant(onset)?.age_years();
        unsafe {
            put(from, lo);
            put(to, hi);
        }
        Ok(())
    })
}

/// Writes the HPO term number of a frequency class (40281 for `HP:0040281`) to `*out`.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbFrequency`.
///
/// # Safety
/// `out` must point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_frequency_hpo(frequency: u32, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        let value = core_classes::Frequency::from_discriminant(frequency)?;
        unsafe { put(out, value.hpo().get()) };
        Ok(())
    })
}

/// Writes a frequency class's range in percent, inclusive (80 and 99 for very frequent), and its point
/// estimate as a probability (the midpoint: 0.895). Any of the out-pointers may be NULL.
///
/// Returns `MKB_INVALID_ENUM` for a value that is not an `MkbFrequency`.
///
/// # Safety
/// Each out-pointer must be NULL or point to a writable object of its type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_frequency_range(
    frequency: u32,
    low_percent: *mut u8,
    high_percent: *mut u8,
    probability: *mut f64,
) -> Status {
    ffi_boundary!(nonnull() {
        let value = core_classes::Frequency::from_discriminant(frequency)?;
        let (lo, hi) = value.range_percent();
        unsafe {
            crate::boundary::put_opt(low_percent, lo);
            crate::boundary::put_opt(high_percent, hi);
            crate::boundary::put_opt(probability, value.probability());
        }
        Ok(())
    })
}

/// Writes the frequency class a percentage falls in to `*out`.
///
/// Returns `MKB_INVALID_ARGUMENT` for a percentage outside 0–100 or NaN.
///
/// # Safety
/// `out` must point to a writable `MkbFrequency`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_frequency_from_percent(percent: f64, out: *mut Frequency) -> Status {
    ffi_boundary!(nonnull(out) {
        let value = core_classes::Frequency::from_percent(percent).ok_or(Status::MkbInvalidArgument)?;
        unsafe { put(out, value.into()) };
        Ok(())
    })
}
