//! The one way into the library from C: the status codes, the [`ffi_boundary!`] macro every export runs its
//! body through (panics caught, required pointers checked for NULL), and the helpers that turn C arguments
//! into Rust values (bounded strings, validated enum values, caller-owned buffers).

use core::ffi::c_char;
use marrowkb::Error;

/// The result of every fallible `mkb_` function. The numbers are fixed: a code is never renumbered or
/// reused, new codes are appended.
///
/// cbindgen:prefix-with-name=false
#[allow(clippy::enum_variant_names, reason = "the C names are MKB_OK, MKB_NOT_FOUND…")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Status {
    /// Success: the out-pointers hold the answer.
    MkbOk = 0,
    /// A well-formed name, key or identifier that no record carries (suggestions are filled where offered).
    MkbNotFound = 1,
    /// An argument is invalid in a way no more specific code describes (e.g. an array length too large for
    /// the address space).
    MkbInvalidArgument = 2,
    /// A pointer that must not be NULL was NULL.
    MkbNullPointer = 3,
    /// The caller's buffer is too small: the needed length was written to the length out-pointer.
    MkbBufferTooSmall = 4,
    /// The input text is not valid UTF-8.
    MkbInvalidUtf8 = 5,
    /// The text is not shaped like an identifier of the kind asked for (ORPHA, OMIM, ICD-10, HPO).
    MkbMalformedId = 6,
    /// The input is longer than any accepted input (`MKB_MAX_INPUT_LEN` bytes, or a NUL-terminated string
    /// without a NUL in its first `MKB_MAX_INPUT_LEN + 1` bytes).
    MkbTooLong = 7,
    /// The input is empty, or only spaces and punctuation.
    MkbEmpty = 8,
    /// An integer passed as an enum value is not a value of that enum.
    MkbInvalidEnum = 9,
    /// An index is not below the number of items.
    MkbOutOfRange = 10,
    /// A bug inside the library was caught before it could unwind into C. Please report it.
    MkbPanic = 11,
    /// An HPO identifier that is obsolete in the release marrowkb ships and has no single replacement.
    MkbObsoleteId = 12,
    /// A blood count value that is NaN, infinite, negative or physiologically impossible (the error
    /// details name the field).
    MkbInvalidMeasurement = 13,
    /// Blood count values that do not go together, e.g. a reticulocyte percentage without a red cell count
    /// (the error details name the field).
    MkbInconsistentMeasurements = 14,
    /// A code or gene symbol several disorders share: the candidates are in the `MkbResolution` (or use
    /// `mkb_disorders_for_icd10`, `mkb_disorders_for_gene`).
    MkbAmbiguous = 15,
    /// A GA4GH phenopacket that cannot be read: not JSON, not schema v2, no phenotypic features, or a field
    /// in the wrong form (the message names the field).
    MkbInvalidPhenopacket = 16,
}

impl Status {
    /// Every status, in numeric order.
    ///
    /// cbindgen:ignore
    pub const ALL: [Status; 17] = [
        Status::MkbOk,
        Status::MkbNotFound,
        Status::MkbInvalidArgument,
        Status::MkbNullPointer,
        Status::MkbBufferTooSmall,
        Status::MkbInvalidUtf8,
        Status::MkbMalformedId,
        Status::MkbTooLong,
        Status::MkbEmpty,
        Status::MkbInvalidEnum,
        Status::MkbOutOfRange,
        Status::MkbPanic,
        Status::MkbObsoleteId,
        Status::MkbInvalidMeasurement,
        Status::MkbInconsistentMeasurements,
        Status::MkbAmbiguous,
        Status::MkbInvalidPhenopacket,
    ];

    /// What the code means, as a static NUL-terminated string.
    pub const fn message(self) -> &'static core::ffi::CStr {
        match self {
            Status::MkbOk => c"success",
            Status::MkbNotFound => c"not found: no record has this name, key or identifier",
            Status::MkbInvalidArgument => c"invalid argument",
            Status::MkbNullPointer => c"a required pointer argument was NULL",
            Status::MkbBufferTooSmall => c"buffer too small: the needed length was written to the length argument",
            Status::MkbInvalidUtf8 => c"input is not valid UTF-8",
            Status::MkbMalformedId => c"malformed identifier",
            Status::MkbTooLong => c"input too long",
            Status::MkbEmpty => c"empty input: give a name, synonym, abbreviation or code",
            Status::MkbInvalidEnum => c"not a valid value of this enum",
            Status::MkbOutOfRange => c"index out of range",
            Status::MkbPanic => c"internal error (a panic was caught at the C boundary); please report it",
            Status::MkbObsoleteId => c"obsolete identifier with no single replacement",
            Status::MkbInvalidMeasurement => c"invalid measurement: NaN, infinite, negative or impossible value",
            Status::MkbInconsistentMeasurements => c"inconsistent measurements: values that do not go together",
            Status::MkbAmbiguous => c"ambiguous: several disorders share this code or gene",
            Status::MkbInvalidPhenopacket => {
                c"invalid phenopacket: not JSON, not schema v2, no phenotypic features or a malformed field"
            }
        }
    }
}

/// The status a core error maps to.
pub(crate) fn status_of(error: &Error) -> Status {
    match error {
        Error::EmptyInput => Status::MkbEmpty,
        Error::InputTooLong { .. } => Status::MkbTooLong,
        Error::UnknownName { .. }
        | Error::UnknownId { .. }
        | Error::UnknownKey { .. }
        | Error::UnknownTerm { .. }
        | Error::AmbiguousTerm { .. } => Status::MkbNotFound,
        Error::MalformedId { .. } => Status::MkbMalformedId,
        Error::InvalidDiscriminant { .. } => Status::MkbInvalidEnum,
        Error::ObsoleteId { .. } => Status::MkbObsoleteId,
        Error::InvalidMeasurement { .. } => Status::MkbInvalidMeasurement,
        Error::InconsistentMeasurements { .. } => Status::MkbInconsistentMeasurements,
        Error::InvalidArgument { .. } => Status::MkbInvalidArgument,
        Error::Ambiguous { .. } => Status::MkbAmbiguous,
        Error::InvalidPhenopacket { .. } => Status::MkbInvalidPhenopacket,
        _ => Status::MkbInvalidArgument,
    }
}

impl From<Error> for Status {
    fn from(error: Error) -> Self {
        status_of(&error)
    }
}

/// The body of every exported function.
///
/// `ffi_boundary!(nonnull(a, b) { body })` returns [`Status::MkbNullPointer`] when any listed pointer is
/// NULL, otherwise runs `body` (a block evaluating to `Result<(), Status>`) under `catch_unwind`:
/// `Ok(())` becomes `MKB_OK`, `Err(status)` that status, and a panic `MKB_PANIC`.
///
/// `ffi_boundary!(infallible(fallback) { body })` is for the few functions that cannot fail (counts,
/// version strings): a panic returns `fallback`.
///
/// A unit test checks that every `extern "C"` function in this crate starts with this macro.
macro_rules! ffi_boundary {
    (nonnull($($ptr:ident),* $(,)?) $body:block) => {{
        $(
            if $ptr.is_null() {
                return $crate::boundary::Status::MkbNullPointer;
            }
        )*
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(
            || -> ::core::result::Result<(), $crate::boundary::Status> { $body },
        )) {
            Ok(Ok(())) => $crate::boundary::Status::MkbOk,
            Ok(Err(status)) => status,
            Err(_) => $crate::boundary::Status::MkbPanic,
        }
    }};
    (infallible($fallback:expr) $body:block) => {{
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| $body)) {
            Ok(value) => value,
            Err(_) => $fallback,
        }
    }};
}
pub(crate) use ffi_boundary;

/// The longest text input accepted, in bytes (the core's `normalize::MAX_INPUT_LEN`).
pub const MAX_INPUT_LEN: usize = 512;
const _: () = assert!(MAX_INPUT_LEN == marrowkb::normalize::MAX_INPUT_LEN);

/// The length that marks a NUL-terminated string (`MKB_NUL_TERMINATED`, `SIZE_MAX` in C; written into
/// the header by `cbindgen.toml` because cbindgen cannot print `usize::MAX`).
pub(crate) const NUL_TERMINATED: usize = usize::MAX;

/// Borrows C text as `&str`.
///
/// `len == NUL_TERMINATED` means NUL-terminated: at most `MAX_INPUT_LEN + 1` bytes are scanned for the NUL.
/// Any other `len` is a byte count; it is checked against `MAX_INPUT_LEN` before the memory is touched.
///
/// # Errors
/// `MKB_NULL_POINTER`, `MKB_TOO_LONG`, `MKB_INVALID_UTF8`.
///
/// # Safety
/// `ptr` is NULL, or valid for reads of `len` bytes (or up to and including its NUL terminator).
pub(crate) unsafe fn input<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, Status> {
    unsafe { long_input(ptr, len, MAX_INPUT_LEN) }
}

/// As [`input`], with a limit of `max` bytes instead of `MAX_INPUT_LEN` (for documents such as a
/// phenopacket).
///
/// # Errors
/// `MKB_NULL_POINTER`, `MKB_TOO_LONG`, `MKB_INVALID_UTF8`.
///
/// # Safety
/// `ptr` is NULL, or valid for reads of `len` bytes (or up to and including its NUL terminator).
pub(crate) unsafe fn long_input<'a>(ptr: *const c_char, len: usize, max: usize) -> Result<&'a str, Status> {
    if ptr.is_null() {
        return Err(Status::MkbNullPointer);
    }
    let len = if len == NUL_TERMINATED {
        let mut n = 0;
        // SAFETY: the caller promises a NUL-terminated string; we stop at its NUL and never read more
        // than max + 1 bytes.
        while unsafe { *ptr.add(n) } != 0 {
            n += 1;
            if n > max {
                return Err(Status::MkbTooLong);
            }
        }
        n
    } else if len > max {
        return Err(Status::MkbTooLong);
    } else {
        len
    };
    // SAFETY: `ptr` is non-null and valid for `len` bytes (caller's promise, or just scanned).
    let bytes = unsafe { core::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    core::str::from_utf8(bytes).map_err(|_| Status::MkbInvalidUtf8)
}

/// Borrows a caller array of `n` items; `n == 0` accepts NULL.
///
/// # Errors
/// `MKB_NULL_POINTER` (NULL with `n > 0`), `MKB_INVALID_ARGUMENT` (`n` items cannot fit in memory).
///
/// # Safety
/// `ptr` is NULL or valid for reads of `n` items.
pub(crate) unsafe fn array<'a, T>(ptr: *const T, n: usize) -> Result<&'a [T], Status> {
    if n == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(Status::MkbNullPointer);
    }
    check_len::<T>(n)?;
    // SAFETY: non-null, length checked against isize::MAX bytes, validity is the caller's promise.
    Ok(unsafe { core::slice::from_raw_parts(ptr, n) })
}

/// Borrows a caller buffer of `n` items for writing; `n == 0` accepts NULL.
///
/// # Errors
/// As [`array`].
///
/// # Safety
/// `ptr` is NULL or valid for writes of `n` items, and not aliased for the call.
pub(crate) unsafe fn array_mut<'a, T>(ptr: *mut T, n: usize) -> Result<&'a mut [T], Status> {
    if n == 0 {
        return Ok(&mut []);
    }
    if ptr.is_null() {
        return Err(Status::MkbNullPointer);
    }
    check_len::<T>(n)?;
    // SAFETY: as in `array`, for writes.
    Ok(unsafe { core::slice::from_raw_parts_mut(ptr, n) })
}

fn check_len<T>(n: usize) -> Result<(), Status> {
    match n.checked_mul(core::mem::size_of::<T>().max(1)) {
        Some(bytes) if bytes <= isize::MAX as usize => Ok(()),
        _ => Err(Status::MkbInvalidArgument),
    }
}

/// Copies `items` into a caller buffer of capacity `cap` and writes the count to `*out_len`.
///
/// When the items do not fit, writes the needed count to `*out_len`, leaves the buffer untouched and
/// returns `MKB_BUFFER_TOO_SMALL`; `out` may be NULL when `cap` is 0 (a size query).
///
/// # Safety
/// `out` is NULL or valid for writes of `cap` items; `out_len` is non-null and writable.
pub(crate) unsafe fn copy_out<T>(
    items: impl ExactSizeIterator<Item = T>,
    out: *mut T,
    cap: usize,
    out_len: *mut usize,
) -> Result<(), Status> {
    let needed = items.len();
    // SAFETY: the caller checked `out_len` for NULL.
    unsafe { out_len.write(needed) };
    if needed > cap {
        return Err(Status::MkbBufferTooSmall);
    }
    // SAFETY: the caller's promise for `out` and `cap`.
    let buffer = unsafe { array_mut(out, cap) }?;
    for (slot, item) in buffer.iter_mut().zip(items) {
        *slot = item;
    }
    Ok(())
}

/// Writes through an out-pointer the boundary already checked for NULL.
///
/// # Safety
/// `out` is non-null, aligned and writable.
pub(crate) unsafe fn put<T>(out: *mut T, value: T) {
    // SAFETY: the caller's promise.
    unsafe { out.write(value) }
}

/// Writes through an optional out-pointer (nothing when NULL).
///
/// # Safety
/// `out` is NULL, or aligned and writable.
pub(crate) unsafe fn put_opt<T>(out: *mut T, value: T) {
    if !out.is_null() {
        // SAFETY: the caller's promise.
        unsafe { out.write(value) }
    }
}
