//! Target `ffi`: the `extern "C"` functions of `bindings/c` called the way C calls them, with arbitrary
//! bytes, NULL pointers, lengths shorter than the buffer, NUL-terminated strings, strings without a NUL
//! in their first `MKB_MAX_INPUT_LEN + 1` bytes, huge lengths, out-of-range enum integers and small
//! output buffers.
//!
//! Every buffer handed to the library is allocated at exactly the size the call promises, so that under
//! AddressSanitizer any read or write past it is caught; every out-pointer starts as a sentinel, so that
//! a write on failure (or outside the buffer's promised length) is caught too. Each answer is compared
//! with what the core crate answers for the same text: the C boundary only converts.

use arbitrary::{Arbitrary, Unstructured};
use core::ffi::{CStr, c_char};
use marrowkb::classes as core_classes;
use marrowkb::codes::{HpoId, Icd10Code, OmimId, OrphaId};
use marrowkb::{Cause, DiagnosticTest, Disorder, Error, Gene, Source, Symptom, Treatment};
use marrowkb_ffi as ffi;
use marrowkb_ffi::{MAX_INPUT_LEN, MAX_SUGGESTIONS, NO_DISORDER, Status, SuggestionList};

mod analysis;
pub use analysis::{CBloodCount, CBool, CDifferential, CEnum, CMeasurement, CTerm, Cap, HpoArg};

/// The length that marks a NUL-terminated string (`MKB_NUL_TERMINATED`).
const NUL_TERMINATED: usize = usize::MAX;
/// Written into out-pointers before each call: a value the library never writes.
const SENTINEL: u32 = 0xA5A5_A5A5;
/// The most operations, and the most names in a batch, taken from one input.
const MAX_OPS: usize = 16;

/// How a text argument is passed.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Mode {
    /// Pointer and exact byte length, in a buffer of exactly that size.
    Exact,
    /// `MKB_NUL_TERMINATED`, the bytes followed by a NUL (an interior NUL ends the string early).
    NulTerminated,
    /// `MKB_NUL_TERMINATED` on a buffer of `MKB_MAX_INPUT_LEN + 1` bytes with no NUL at all.
    Unterminated,
    /// A NULL pointer.
    Null,
    /// A length this many bytes shorter than the buffer (the rest must be ignored).
    Prefix(u8),
    /// A length over the limit on a small buffer (must be rejected before the memory is read).
    Huge(u8),
}

/// A text argument.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct Text<'a> {
    /// The bytes.
    pub bytes: &'a [u8],
    /// How they are passed.
    pub mode: Mode,
}

/// The six knowledge enums of the C API.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Entity {
    /// `MkbDisorder`.
    Disorder,
    /// `MkbSymptom`.
    Symptom,
    /// `MkbTreatment`.
    Treatment,
    /// `MkbCause`.
    Cause,
    /// `MkbDiagnosticTest`.
    DiagnosticTest,
    /// `MkbSource`.
    Source,
}

/// One call into the library. `null` flags pass NULL for that out-pointer; `cap` is an output buffer's
/// capacity (the buffer is allocated at exactly that size).
#[derive(Debug, Clone, Arbitrary)]
pub enum Op<'a> {
    /// `mkb_lookup`.
    Lookup {
        text: Text<'a>,
        suggestions: bool,
        null_out: bool,
    },
    /// `mkb_suggest`.
    Suggest { text: Text<'a>, null_out: bool },
    /// `mkb_resolve`.
    Resolve {
        text: Text<'a>,
        suggestions: bool,
        null_out: bool,
    },
    /// `mkb_search`.
    Search {
        text: Text<'a>,
        cap: u8,
        null_buf: bool,
        null_len: bool,
    },
    /// `mkb_lookup_many`.
    LookupMany(Batch<'a>),
    /// `mkb_disorder_from_orpha`, `mkb_disorder_from_omim`, `mkb_symptom_from_hpo`.
    FromCode { kind: u8, text: Text<'a>, null_out: bool },
    /// `mkb_disorder_from_orpha_id`, `mkb_disorder_from_omim_id`, `mkb_symptom_from_hpo_id`.
    FromNumber { kind: u8, id: u32, null_out: bool },
    /// `mkb_disorders_for_orpha`, `mkb_disorders_for_omim`.
    LinksForId {
        omim: bool,
        id: u32,
        cap: u8,
        null_buf: bool,
        null_len: bool,
    },
    /// `mkb_disorders_for_icd10`.
    LinksForIcd10 {
        text: Text<'a>,
        cap: u8,
        null_buf: bool,
        null_len: bool,
    },
    /// `mkb_parse_hpo`, `mkb_parse_orpha`, `mkb_parse_omim`.
    Parse { kind: u8, text: Text<'a>, null_out: bool },
    /// `mkb_parse_icd10`.
    ParseIcd10 {
        text: Text<'a>,
        cap: u8,
        null_buf: bool,
        null_len: bool,
    },
    /// `mkb_<entity>_at`.
    At {
        entity: Entity,
        index: usize,
        null_out: bool,
    },
    /// `mkb_<entity>_record`.
    Record { entity: Entity, value: u32, null_out: bool },
    /// `mkb_<entity>_from_key`.
    FromKey {
        entity: Entity,
        text: Text<'a>,
        null_out: bool,
    },
    /// `mkb_<entity>_find` (no source: it has no `find`).
    Find {
        entity: Entity,
        text: Text<'a>,
        null_out: bool,
    },
    /// `mkb_gene_at`, `mkb_gene_from_ncbi_id`.
    GeneByNumber {
        by_id: bool,
        n: u32,
        index: usize,
        null_out: bool,
    },
    /// `mkb_gene_from_symbol`, `mkb_disorders_for_gene`.
    GeneBySymbol {
        disorders: bool,
        text: Text<'a>,
        null_out: bool,
        null_len: bool,
    },
    /// `mkb_vocabulary_count`, `_at`, `_key`, `_from_key`.
    Vocabulary {
        vocabulary: u32,
        value: u32,
        index: usize,
        key: Text<'a>,
        null_out: bool,
    },
    /// `mkb_inheritance_hpo`, `mkb_onset_hpo`, `mkb_onset_age_years`, `mkb_frequency_hpo`,
    /// `mkb_frequency_range`.
    ClassValue { function: u8, value: u32, nulls: u8 },
    /// `mkb_frequency_from_percent`.
    FrequencyFromPercent {
        percent: super::blood_count::Num,
        null_out: bool,
    },
    /// `mkb_status_message`, `mkb_version`, `mkb_data_version`, the counts.
    Infallible { status: u32 },
    /// `mkb_hpo_term` (how 0), `mkb_hpo_term_by_id` (1), `mkb_hpo_term_at` (2).
    HpoTerm {
        how: u8,
        text: Text<'a>,
        id: HpoArg,
        index: usize,
        null_out: bool,
    },
    /// `mkb_hpo_parents`, `mkb_hpo_ancestors`.
    HpoWalk {
        ancestors: bool,
        id: HpoArg,
        cap: u8,
        null_buf: bool,
        null_len: bool,
    },
    /// `mkb_hpo_is_a`.
    HpoIsA {
        id: HpoArg,
        ancestor: HpoArg,
        null_out: bool,
    },
    /// `mkb_unit_symbol`, `mkb_unit_parse`.
    Unit {
        vocabulary: CEnum,
        unit: CEnum,
        text: Text<'a>,
        null_out: bool,
    },
    /// `mkb_interpret_blood_count`.
    BloodCount(Box<CBloodCount>),
    /// `mkb_differential`.
    Differential(Box<CDifferential<'a>>),
}

/// The arguments of one `mkb_lookup_many` call.
#[derive(Debug, Clone, Arbitrary)]
pub struct Batch<'a> {
    /// The names (at most `MAX_OPS`).
    pub names: Vec<Text<'a>>,
    /// Pass `lens` (otherwise NULL: every name NUL-terminated).
    pub lens: bool,
    /// Pass `statuses`.
    pub statuses: bool,
    /// Pass `suggestions`.
    pub suggestions: bool,
    /// Pass `found`.
    pub found: bool,
    /// Pass NULL for `names`.
    pub null_names: bool,
    /// Pass NULL for `out`.
    pub null_out: bool,
    /// Pass an `n` too large for the address space.
    pub huge_n: bool,
}

/// The C entry points, declared as C sees them (`include/marrowkb.h`): enum values as `uint32_t`,
/// statuses as `uint32_t` converted (and checked to be an `MkbStatus`) by the wrappers.
mod c {
    use core::ffi::c_char;
    use marrowkb_ffi::{
        BloodCountInput, DifferentialOutput, DifferentialQuery, DisorderFitRecord, GeneRecord, HpoTermRecord,
        Icd10Link, InterpretationRecord, SearchHit, Status, SuggestionList, XrefLink,
    };

    fn to_status(value: u32) -> Status {
        match Status::ALL.iter().find(|s| **s as u32 == value) {
            Some(s) => *s,
            None => panic!("the library returned {value}, which is no MkbStatus"),
        }
    }

    macro_rules! api {
        ($(fn $name:ident($($arg:ident: $ty:ty),* $(,)?);)*) => {
            mod raw {
                use super::*;
                unsafe extern "C" {
                    $(pub fn $name($($arg: $ty),*) -> u32;)*
                }
            }
            $(
                /// Calls the C function and checks that it returned a status.
                pub unsafe fn $name($($arg: $ty),*) -> Status {
                    // SAFETY: forwarded: the caller upholds the C function's contract.
                    to_status(unsafe { raw::$name($($arg),*) })
                }
            )*
        };
    }

    api! {
        fn mkb_lookup(name: *const c_char, len: usize, out: *mut u32, suggestions: *mut SuggestionList);
        fn mkb_suggest(name: *const c_char, len: usize, out: *mut SuggestionList);
        fn mkb_resolve(text: *const c_char, len: usize, out: *mut u32, suggestions: *mut SuggestionList);
        fn mkb_search(text: *const c_char, len: usize, out: *mut SearchHit, cap: usize, out_len: *mut usize);
        fn mkb_lookup_many(
            names: *const *const c_char,
            lens: *const usize,
            n: usize,
            out: *mut u32,
            statuses: *mut u32,
            suggestions: *mut SuggestionList,
            found: *mut usize,
        );
        fn mkb_disorder_from_orpha(text: *const c_char, len: usize, out: *mut u32);
        fn mkb_disorder_from_orpha_id(id: u32, out: *mut u32);
        fn mkb_disorder_from_omim(text: *const c_char, len: usize, out: *mut u32);
        fn mkb_disorder_from_omim_id(id: u32, out: *mut u32);
        fn mkb_disorders_for_orpha(id: u32, out: *mut XrefLink, cap: usize, out_len: *mut usize);
        fn mkb_disorders_for_omim(id: u32, out: *mut XrefLink, cap: usize, out_len: *mut usize);
        fn mkb_disorders_for_icd10(code: *const c_char, len: usize, out: *mut Icd10Link, cap: usize, out_len: *mut usize);
        fn mkb_symptom_from_hpo(text: *const c_char, len: usize, out: *mut u32);
        fn mkb_symptom_from_hpo_id(id: u32, out: *mut u32);
        fn mkb_parse_hpo(text: *const c_char, len: usize, out: *mut u32);
        fn mkb_parse_orpha(text: *const c_char, len: usize, out: *mut u32);
        fn mkb_parse_omim(text: *const c_char, len: usize, out: *mut u32);
        fn mkb_parse_icd10(text: *const c_char, len: usize, buf: *mut c_char, cap: usize, out_len: *mut usize);
        fn mkb_disorder_at(index: usize, out: *mut u32);
        fn mkb_disorder_record(disorder: u32, out: *mut *const core::ffi::c_void);
        fn mkb_disorder_from_key(key: *const c_char, len: usize, out: *mut u32);
        fn mkb_disorder_find(name: *const c_char, len: usize, out: *mut u32);
        fn mkb_symptom_at(index: usize, out: *mut u32);
        fn mkb_symptom_record(symptom: u32, out: *mut *const core::ffi::c_void);
        fn mkb_symptom_from_key(key: *const c_char, len: usize, out: *mut u32);
        fn mkb_symptom_find(name: *const c_char, len: usize, out: *mut u32);
        fn mkb_treatment_at(index: usize, out: *mut u32);
        fn mkb_treatment_record(treatment: u32, out: *mut *const core::ffi::c_void);
        fn mkb_treatment_from_key(key: *const c_char, len: usize, out: *mut u32);
        fn mkb_treatment_find(name: *const c_char, len: usize, out: *mut u32);
        fn mkb_cause_at(index: usize, out: *mut u32);
        fn mkb_cause_record(cause: u32, out: *mut *const core::ffi::c_void);
        fn mkb_cause_from_key(key: *const c_char, len: usize, out: *mut u32);
        fn mkb_cause_find(name: *const c_char, len: usize, out: *mut u32);
        fn mkb_diagnostic_test_at(index: usize, out: *mut u32);
        fn mkb_diagnostic_test_record(test: u32, out: *mut *const core::ffi::c_void);
        fn mkb_diagnostic_test_from_key(key: *const c_char, len: usize, out: *mut u32);
        fn mkb_diagnostic_test_find(name: *const c_char, len: usize, out: *mut u32);
        fn mkb_source_at(index: usize, out: *mut u32);
        fn mkb_source_record(source: u32, out: *mut *const core::ffi::c_void);
        fn mkb_source_from_key(key: *const c_char, len: usize, out: *mut u32);
        fn mkb_source_find(name: *const c_char, len: usize, out: *mut u32);
        fn mkb_gene_at(index: usize, out: *mut *const GeneRecord);
        fn mkb_gene_from_symbol(symbol: *const c_char, len: usize, out: *mut *const GeneRecord);
        fn mkb_gene_from_ncbi_id(ncbi_gene_id: u32, out: *mut *const GeneRecord);
        fn mkb_disorders_for_gene(symbol: *const c_char, len: usize, out: *mut *const u32, out_len: *mut usize);
        fn mkb_vocabulary_count(vocabulary: u32, out: *mut usize);
        fn mkb_vocabulary_at(vocabulary: u32, index: usize, out: *mut u32);
        fn mkb_vocabulary_key(vocabulary: u32, value: u32, out: *mut *const c_char);
        fn mkb_vocabulary_from_key(vocabulary: u32, key: *const c_char, len: usize, out: *mut u32);
        fn mkb_inheritance_hpo(inheritance: u32, out: *mut u32);
        fn mkb_onset_hpo(onset: u32, out: *mut u32);
        fn mkb_onset_age_years(onset: u32, from: *mut f64, to: *mut f64);
        fn mkb_frequency_hpo(frequency: u32, out: *mut u32);
        fn mkb_frequency_range(frequency: u32, low_percent: *mut u8, high_percent: *mut u8, probability: *mut f64);
        fn mkb_frequency_from_percent(percent: f64, out: *mut u32);
        fn mkb_hpo_term_at(index: usize, out: *mut HpoTermRecord);
        fn mkb_hpo_term(text: *const c_char, len: usize, out: *mut HpoTermRecord);
        fn mkb_hpo_term_by_id(id: u32, out: *mut HpoTermRecord);
        fn mkb_hpo_parents(id: u32, out: *mut u32, cap: usize, out_len: *mut usize);
        fn mkb_hpo_ancestors(id: u32, out: *mut u32, cap: usize, out_len: *mut usize);
        fn mkb_hpo_is_a(id: u32, ancestor: u32, out: *mut bool);
        fn mkb_unit_symbol(vocabulary: u32, unit: u32, out: *mut *const c_char);
        fn mkb_unit_parse(vocabulary: u32, text: *const c_char, len: usize, out: *mut u32);
        fn mkb_interpret_blood_count(
            count: *const BloodCountInput,
            aplastic_criteria: u32,
            out: *mut InterpretationRecord,
            fits: *mut DisorderFitRecord,
            fits_cap: usize,
        );
        fn mkb_differential(query: *const DifferentialQuery, out: *mut DifferentialOutput);
    }

    unsafe extern "C" {
        pub safe fn mkb_disorder_count() -> usize;
        pub safe fn mkb_symptom_count() -> usize;
        pub safe fn mkb_treatment_count() -> usize;
        pub safe fn mkb_cause_count() -> usize;
        pub safe fn mkb_diagnostic_test_count() -> usize;
        pub safe fn mkb_source_count() -> usize;
        pub safe fn mkb_gene_count() -> usize;
        pub safe fn mkb_hpo_term_count() -> usize;
    }
}

/// Decodes a list of calls and checks each.
pub fn check(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(ops) = <Vec<Op<'_>>>::arbitrary(&mut u) else {
        return;
    };
    for op in ops.iter().take(MAX_OPS) {
        check_op(op);
    }
}

/// A text argument laid out in memory as C would pass it.
struct CText {
    /// Exactly the bytes the call may read (a boxed slice: its allocation has exactly this size).
    buffer: Box<[u8]>,
    null: bool,
    len: usize,
    /// What the library must make of it: the text, or the status it must return.
    expected: Result<String, Status>,
}

impl CText {
    fn new(text: &Text<'_>) -> Self {
        let bytes = text.bytes;
        let (buffer, null, len, expected): (Vec<u8>, bool, usize, Result<String, Status>) = match text.mode {
            Mode::Exact => (bytes.to_vec(), false, bytes.len(), decode(bytes)),
            Mode::NulTerminated => {
                let mut b = bytes.to_vec();
                b.push(0);
                let end = bytes.iter().position(|&x| x == 0).unwrap_or(bytes.len());
                (b, false, NUL_TERMINATED, decode(&bytes[..end]))
            }
            Mode::Unterminated => {
                let mut b: Vec<u8> = bytes.iter().map(|&x| if x == 0 { b'x' } else { x }).collect();
                b.resize(MAX_INPUT_LEN + 1, b'x');
                (b, false, NUL_TERMINATED, Err(Status::MkbTooLong))
            }
            Mode::Null => (Vec::new(), true, bytes.len(), Err(Status::MkbNullPointer)),
            Mode::Prefix(k) => {
                let len = bytes.len().saturating_sub(usize::from(k));
                (bytes.to_vec(), false, len, decode(&bytes[..len]))
            }
            Mode::Huge(k) => {
                let len = match k % 6 {
                    0 => MAX_INPUT_LEN + 1,
                    1 => MAX_INPUT_LEN + 1 + usize::from(k),
                    2 => usize::MAX - 1,
                    3 => isize::MAX as usize,
                    4 => 1 << 40,
                    _ => usize::MAX / 2 + usize::from(k),
                };
                (bytes.to_vec(), false, len, Err(Status::MkbTooLong))
            }
        };
        CText {
            buffer: buffer.into_boxed_slice(),
            null,
            len,
            expected,
        }
    }

    fn ptr(&self) -> *const c_char {
        if self.null {
            core::ptr::null()
        } else {
            self.buffer.as_ptr().cast()
        }
    }
}

/// What the library must make of these bytes passed with their exact length.
fn decode(bytes: &[u8]) -> Result<String, Status> {
    if bytes.len() > MAX_INPUT_LEN {
        return Err(Status::MkbTooLong);
    }
    core::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| Status::MkbInvalidUtf8)
}

/// The status a core error must become (the mapping documented in `bindings/c/src/boundary.rs`).
fn status_of(e: &Error) -> Status {
    match e {
        Error::EmptyInput => Status::MkbEmpty,
        Error::InputTooLong { .. } => Status::MkbTooLong,
        Error::UnknownName { .. } | Error::UnknownId { .. } | Error::UnknownKey { .. } => Status::MkbNotFound,
        Error::MalformedId { .. } => Status::MkbMalformedId,
        Error::InvalidDiscriminant { .. } => Status::MkbInvalidEnum,
        Error::ObsoleteId { .. } => Status::MkbObsoleteId,
        Error::InvalidMeasurement { .. } => Status::MkbInvalidMeasurement,
        Error::InconsistentMeasurements { .. } => Status::MkbInconsistentMeasurements,
        _ => Status::MkbInvalidArgument,
    }
}

/// The expected outcome of a call that writes one value.
type Expected<T> = Result<T, Status>;

/// Applies a core look-up to a decoded text.
fn expect<T>(text: &CText, f: impl FnOnce(&str) -> marrowkb::Result<T>) -> Expected<T> {
    let s = text.expected.as_ref().map_err(|s| *s)?;
    f(s).map_err(|e| status_of(&e))
}

fn suggestion_list(s: &marrowkb::Suggestions) -> SuggestionList {
    let mut items = [NO_DISORDER; MAX_SUGGESTIONS];
    for (slot, d) in items.iter_mut().zip(s.iter()) {
        *slot = d.discriminant();
    }
    SuggestionList { items, len: s.len() }
}

const EMPTY_SUGGESTIONS: SuggestionList = SuggestionList {
    items: [NO_DISORDER; MAX_SUGGESTIONS],
    len: 0,
};

const SENTINEL_SUGGESTIONS: SuggestionList = SuggestionList {
    items: [SENTINEL; MAX_SUGGESTIONS],
    len: SENTINEL as usize,
};

/// A `u32`-sized out slot for an enum the library writes, starting as [`SENTINEL`].
struct Slot(u32);

impl Slot {
    fn new() -> Self {
        Slot(SENTINEL)
    }
    fn ptr(&mut self, null: bool) -> *mut u32 {
        if null { core::ptr::null_mut() } else { &raw mut self.0 }
    }
}

/// A `size_t` out-length slot, starting as [`SENTINEL`].
struct OutLen(usize);

impl OutLen {
    fn new() -> Self {
        OutLen(SENTINEL as usize)
    }
    fn ptr(&mut self, null: bool) -> *mut usize {
        if null { core::ptr::null_mut() } else { &raw mut self.0 }
    }
}

/// Compares a one-value call with its expected outcome: on success the slot holds the value; on failure
/// the status is the expected one and the slot is untouched.
fn compare<T: PartialEq + core::fmt::Debug>(
    what: &str,
    status: Status,
    written: u32,
    expected: Expected<T>,
    value_of: impl FnOnce(u32) -> Option<T>,
) {
    match expected {
        Ok(v) => {
            assert_eq!(status, Status::MkbOk, "{what}: expected {v:?}");
            let got = value_of(written);
            assert_eq!(got.as_ref(), Some(&v), "{what}: wrote {written:#x}");
        }
        Err(s) => {
            assert_eq!(status, s, "{what}: wrong status");
            assert_eq!(written, SENTINEL, "{what}: out-pointer written on {s:?}");
        }
    }
}

fn disorder(v: u32) -> Option<Disorder> {
    Disorder::from_discriminant(v).ok()
}

/// Reads a library string (must be non-NULL and NUL-terminated).
fn read_str<'a>(ptr: *const c_char, what: &str) -> &'a str {
    assert!(!ptr.is_null(), "{what}: NULL string");
    // SAFETY: the library promises a NUL-terminated string that lives until the process exits.
    let s = unsafe { CStr::from_ptr(ptr) };
    match s.to_str() {
        Ok(s) => s,
        Err(e) => panic!("{what}: library string is not UTF-8: {e}"),
    }
}

/// An output buffer of exactly `cap` items of `T`, filled with a sentinel pattern, kept as `u64` words so
/// that it is aligned for any of the C structs.
struct Buffer<T> {
    words: Box<[u64]>,
    cap: usize,
    null: bool,
    _item: core::marker::PhantomData<T>,
}

impl<T: Copy> Buffer<T> {
    fn new(cap: usize, null: bool) -> Self {
        const { assert!(align_of::<T>() <= 8 && size_of::<T>().is_multiple_of(4)) };
        let bytes = cap * size_of::<T>();
        let words = vec![0xA5A5_A5A5_A5A5_A5A5u64; bytes.div_ceil(8)].into_boxed_slice();
        Buffer {
            words,
            cap,
            null,
            _item: core::marker::PhantomData,
        }
    }
    fn ptr(&mut self) -> *mut T {
        if self.null || self.cap == 0 {
            if self.null {
                core::ptr::null_mut()
            } else {
                core::ptr::NonNull::dangling().as_ptr()
            }
        } else {
            self.words.as_mut_ptr().cast()
        }
    }
    fn untouched(&self) -> bool {
        self.words.iter().all(|w| *w == 0xA5A5_A5A5_A5A5_A5A5)
    }
    fn items(&self, n: usize) -> Vec<T> {
        assert!(n <= self.cap);
        let base: *const T = self.words.as_ptr().cast();
        // SAFETY: the library wrote `n <= cap` valid items at the start of the buffer.
        (0..n).map(|i| unsafe { base.add(i).read() }).collect()
    }
}

/// Checks a call that copies `expected` items into a caller buffer (`copy_out` in the library).
fn compare_list<T: Copy, U: PartialEq + core::fmt::Debug>(
    what: &str,
    status: Status,
    out_len: usize,
    buffer: &Buffer<T>,
    null_len: bool,
    expected: Result<Vec<U>, Status>,
    convert: impl Fn(&T) -> U,
) {
    if null_len {
        assert_eq!(status, Status::MkbNullPointer, "{what}: NULL out_len");
        assert!(buffer.untouched(), "{what}: buffer written with NULL out_len");
        return;
    }
    match expected {
        Err(s) => {
            assert_eq!(status, s, "{what}");
            // Some functions reset the length to 0 first, others leave it alone: both are documented.
            assert!(
                out_len == 0 || out_len == SENTINEL as usize,
                "{what}: out_len {out_len} on {s:?}"
            );
            assert!(buffer.untouched(), "{what}: buffer written on {s:?}");
        }
        Ok(items) => {
            assert_eq!(out_len, items.len(), "{what}: out_len is not the number of items");
            if items.len() > buffer.cap {
                assert_eq!(
                    status,
                    Status::MkbBufferTooSmall,
                    "{what}: {} items, cap {}",
                    items.len(),
                    buffer.cap
                );
                assert!(buffer.untouched(), "{what}: buffer written although too small");
            } else if buffer.null && buffer.cap > 0 {
                assert_eq!(
                    status,
                    Status::MkbNullPointer,
                    "{what}: NULL buffer with cap {}",
                    buffer.cap
                );
            } else {
                assert_eq!(status, Status::MkbOk, "{what}");
                let got: Vec<U> = buffer.items(items.len()).iter().map(convert).collect();
                assert_eq!(got, items, "{what}: items differ");
                let base: *const u8 = buffer.words.as_ptr().cast();
                let used = items.len() * size_of::<T>();
                // SAFETY: reading the caller's own buffer past the items written.
                let tail = unsafe { core::slice::from_raw_parts(base.add(used), buffer.cap * size_of::<T>() - used) };
                assert!(tail.iter().all(|&b| b == 0xA5), "{what}: written past the items");
            }
        }
    }
}

/// The documented C value of a hit kind (`MKB_SEARCH_HIT_KIND_NAME` = 1 …).
fn hit_kind(kind: marrowkb::search::HitKind) -> u32 {
    use marrowkb::search::HitKind;
    match kind {
        HitKind::Name => 1,
        HitKind::Gene => 2,
        HitKind::Symptom => 3,
        HitKind::Code => 4,
    }
}

/// Runs one call and checks it.
pub fn check_op(op: &Op<'_>) {
    match op {
        Op::Lookup {
            text,
            suggestions,
            null_out,
        }
        | Op::Resolve {
            text,
            suggestions,
            null_out,
        } => check_lookup(matches!(op, Op::Resolve { .. }), text, *suggestions, *null_out),
        Op::Suggest { text, null_out } => check_suggest(text, *null_out),
        Op::Search {
            text,
            cap,
            null_buf,
            null_len,
        } => check_search(text, *cap, *null_buf, *null_len),
        Op::LookupMany(batch) => check_batch(batch),
        Op::FromCode { kind, text, null_out } => check_from_code(*kind, text, *null_out),
        Op::FromNumber { kind, id, null_out } => check_from_number(*kind, *id, *null_out),
        Op::LinksForId {
            omim,
            id,
            cap,
            null_buf,
            null_len,
        } => check_links_for_id(*omim, *id, *cap, *null_buf, *null_len),
        Op::LinksForIcd10 {
            text,
            cap,
            null_buf,
            null_len,
        } => check_links_for_icd10(text, *cap, *null_buf, *null_len),
        Op::Parse { kind, text, null_out } => check_parse(*kind, text, *null_out),
        Op::ParseIcd10 {
            text,
            cap,
            null_buf,
            null_len,
        } => check_parse_icd10(text, usize::from(*cap % 12), *null_buf, *null_len),
        Op::At {
            entity,
            index,
            null_out,
        } => check_at(*entity, *index, *null_out),
        Op::Record {
            entity,
            value,
            null_out,
        } => check_record(*entity, *value, *null_out),
        Op::FromKey { entity, text, null_out } => check_by_text(*entity, text, *null_out, false),
        Op::Find { entity, text, null_out } => check_by_text(*entity, text, *null_out, true),
        Op::GeneByNumber {
            by_id,
            n,
            index,
            null_out,
        } => check_gene_by_number(*by_id, *n, *index, *null_out),
        Op::GeneBySymbol {
            disorders,
            text,
            null_out,
            null_len,
        } => check_gene_by_symbol(*disorders, text, *null_out, *null_len),
        Op::Vocabulary {
            vocabulary,
            value,
            index,
            key,
            null_out,
        } => check_vocabulary(*vocabulary, *value, *index, key, *null_out),
        Op::ClassValue { function, value, nulls } => check_class_value(*function, *value, *nulls),
        Op::FrequencyFromPercent { percent, null_out } => check_frequency_from_percent(percent, *null_out),
        Op::Infallible { status } => check_infallible(*status),
        Op::HpoTerm {
            how,
            text,
            id,
            index,
            null_out,
        } => analysis::check_hpo_term(*how, text, *id, *index, *null_out),
        Op::HpoWalk {
            ancestors,
            id,
            cap,
            null_buf,
            null_len,
        } => analysis::check_hpo_walk(*ancestors, *id, *cap, *null_buf, *null_len),
        Op::HpoIsA { id, ancestor, null_out } => analysis::check_hpo_is_a(*id, *ancestor, *null_out),
        Op::Unit {
            vocabulary,
            unit,
            text,
            null_out,
        } => analysis::check_unit(*vocabulary, *unit, text, *null_out),
        Op::BloodCount(input) => analysis::check_blood_count(input),
        Op::Differential(input) => analysis::check_differential(input),
    }
}

/// `mkb_lookup` or `mkb_resolve`, with or without suggestions.
fn check_lookup(resolve: bool, text: &Text<'_>, suggestions: bool, null_out: bool) {
    let what = if resolve { "mkb_resolve" } else { "mkb_lookup" };
    let t = CText::new(text);
    let mut out = Slot::new();
    let mut list = SENTINEL_SUGGESTIONS;
    let list_ptr: *mut SuggestionList = if suggestions {
        &raw mut list
    } else {
        core::ptr::null_mut()
    };
    // SAFETY: every pointer is NULL or valid for what the function writes; the text is `t.len` bytes
    // (or NUL-terminated within its buffer).
    let status = unsafe {
        if resolve {
            c::mkb_resolve(t.ptr(), t.len, out.ptr(null_out), list_ptr)
        } else {
            c::mkb_lookup(t.ptr(), t.len, out.ptr(null_out), list_ptr)
        }
    };
    if null_out {
        assert_eq!(status, Status::MkbNullPointer, "{what}: NULL out");
        assert_eq!(list, SENTINEL_SUGGESTIONS, "{what}: suggestions written with NULL out");
        return;
    }
    let core = t.expected.as_deref().map(|s| {
        if resolve {
            marrowkb::resolve(s)
        } else if suggestions {
            marrowkb::lookup(s)
        } else {
            Disorder::find(s)
        }
    });
    if let Ok(s) = t.expected.as_deref() {
        // With or without suggestions, the look-up finds the same.
        assert_eq!(
            marrowkb::lookup(s).ok(),
            Disorder::find(s).ok(),
            "lookup and find disagree on {s:?}"
        );
    }
    let expected = match &core {
        Ok(r) => r.map_err(|e| status_of(&e)),
        Err(s) => Err(**s),
    };
    compare(&format!("{what}({text:?})"), status, out.0, expected, disorder);
    if suggestions {
        let want = match &core {
            Ok(Err(Error::UnknownName { suggestions })) => suggestion_list(suggestions),
            _ => EMPTY_SUGGESTIONS,
        };
        assert_eq!(list, want, "{what}({text:?}): suggestions");
    }
}

/// `mkb_suggest`.
fn check_suggest(text: &Text<'_>, null_out: bool) {
    let t = CText::new(text);
    let mut list = SENTINEL_SUGGESTIONS;
    let ptr: *mut SuggestionList = if null_out { core::ptr::null_mut() } else { &raw mut list };
    // SAFETY: as above.
    let status = unsafe { c::mkb_suggest(t.ptr(), t.len, ptr) };
    if null_out {
        assert_eq!(status, Status::MkbNullPointer);
        return;
    }
    match &t.expected {
        Ok(s) => {
            assert_eq!(status, Status::MkbOk, "mkb_suggest({text:?})");
            assert_eq!(list, suggestion_list(&marrowkb::suggest(s)), "mkb_suggest({text:?})");
        }
        Err(st) => {
            assert_eq!(status, *st, "mkb_suggest({text:?})");
            assert_eq!(list, EMPTY_SUGGESTIONS, "mkb_suggest({text:?}): list on failure");
        }
    }
}

/// `mkb_search`.
fn check_search(text: &Text<'_>, cap: u8, null_buf: bool, null_len: bool) {
    let t = CText::new(text);
    let mut buffer = Buffer::<ffi::SearchHit>::new(usize::from(cap % 48), null_buf);
    let mut out_len = OutLen::new();
    // SAFETY: the buffer holds exactly `cap` hits (or is NULL).
    let status = unsafe { c::mkb_search(t.ptr(), t.len, buffer.ptr(), buffer.cap, out_len.ptr(null_len)) };
    let expected = expect(&t, marrowkb::search).map(|hits| {
        hits.iter()
            .map(|h| (h.disorder, hit_kind(h.kind), h.matched.to_owned()))
            .collect::<Vec<_>>()
    });
    compare_list(
        &format!("mkb_search({text:?})"),
        status,
        out_len.0,
        &buffer,
        null_len,
        expected,
        |h: &ffi::SearchHit| (h.disorder, h.kind as u32, read_str(h.matched, "hit").to_owned()),
    );
}

/// `mkb_disorder_from_orpha`, `mkb_disorder_from_omim`, `mkb_symptom_from_hpo`.
fn check_from_code(kind: u8, text: &Text<'_>, null_out: bool) {
    let t = CText::new(text);
    let mut out = Slot::new();
    // SAFETY: as above.
    let (status, expected, what) = unsafe {
        match kind % 3 {
            0 => (
                c::mkb_disorder_from_orpha(t.ptr(), t.len, out.ptr(null_out)),
                expect(&t, |s| OrphaId::parse(s).and_then(Disorder::from_orpha)).map(|d| d.discriminant()),
                "mkb_disorder_from_orpha",
            ),
            1 => (
                c::mkb_disorder_from_omim(t.ptr(), t.len, out.ptr(null_out)),
                expect(&t, |s| OmimId::parse(s).and_then(Disorder::from_omim)).map(|d| d.discriminant()),
                "mkb_disorder_from_omim",
            ),
            _ => (
                c::mkb_symptom_from_hpo(t.ptr(), t.len, out.ptr(null_out)),
                expect(&t, |s| HpoId::parse(s).and_then(Symptom::from_hpo)).map(|d| d.discriminant()),
                "mkb_symptom_from_hpo",
            ),
        }
    };
    let expected = if null_out {
        Err(Status::MkbNullPointer)
    } else {
        expected
    };
    compare(&format!("{what}({text:?})"), status, out.0, expected, Some);
}

/// `mkb_disorder_from_orpha_id`, `mkb_disorder_from_omim_id`, `mkb_symptom_from_hpo_id`.
fn check_from_number(kind: u8, id: u32, null_out: bool) {
    let mut out = Slot::new();
    // SAFETY: as above.
    let (status, expected) = unsafe {
        match kind % 3 {
            0 => (
                c::mkb_disorder_from_orpha_id(id, out.ptr(null_out)),
                Disorder::from_orpha(id).map(|d| d.discriminant()),
            ),
            1 => (
                c::mkb_disorder_from_omim_id(id, out.ptr(null_out)),
                Disorder::from_omim(id).map(|d| d.discriminant()),
            ),
            _ => (
                c::mkb_symptom_from_hpo_id(id, out.ptr(null_out)),
                Symptom::from_hpo(id).map(|d| d.discriminant()),
            ),
        }
    };
    let expected = if null_out {
        Err(Status::MkbNullPointer)
    } else {
        expected.map_err(|e| status_of(&e))
    };
    compare(&format!("from number {kind} {id}"), status, out.0, expected, Some);
}

/// `mkb_disorders_for_orpha`, `mkb_disorders_for_omim`.
fn check_links_for_id(omim: bool, id: u32, cap: u8, null_buf: bool, null_len: bool) {
    let mut buffer = Buffer::<ffi::XrefLink>::new(usize::from(cap % 24), null_buf);
    let mut out_len = OutLen::new();
    // SAFETY: the buffer holds exactly `cap` links (or is NULL).
    let status = unsafe {
        if omim {
            c::mkb_disorders_for_omim(id, buffer.ptr(), buffer.cap, out_len.ptr(null_len))
        } else {
            c::mkb_disorders_for_orpha(id, buffer.ptr(), buffer.cap, out_len.ptr(null_len))
        }
    };
    let links = if omim {
        Disorder::all_for_omim(OmimId::new(id))
    } else {
        Disorder::all_for_orpha(OrphaId::new(id))
    };
    let expected = Ok(links.iter().map(|(d, m)| (*d, *m as u32)).collect());
    compare_list(
        &format!("links for {} {id}", if omim { "OMIM" } else { "ORPHA" }),
        status,
        out_len.0,
        &buffer,
        null_len,
        expected,
        |l: &ffi::XrefLink| (l.disorder, l.match_kind as u32),
    );
}

/// `mkb_disorders_for_icd10`.
fn check_links_for_icd10(text: &Text<'_>, cap: u8, null_buf: bool, null_len: bool) {
    let t = CText::new(text);
    let mut buffer = Buffer::<ffi::Icd10Link>::new(usize::from(cap % 24), null_buf);
    let mut out_len = OutLen::new();
    // SAFETY: as above.
    let status = unsafe { c::mkb_disorders_for_icd10(t.ptr(), t.len, buffer.ptr(), buffer.cap, out_len.ptr(null_len)) };
    let expected =
        expect(&t, Disorder::from_icd10).map(|links| links.iter().map(|(d, m)| (*d, *m as u32)).collect::<Vec<_>>());
    compare_list(
        &format!("mkb_disorders_for_icd10({text:?})"),
        status,
        out_len.0,
        &buffer,
        null_len,
        expected,
        |l: &ffi::Icd10Link| (l.disorder, l.match_kind as u32),
    );
}

/// `mkb_parse_hpo`, `mkb_parse_orpha`, `mkb_parse_omim`.
fn check_parse(kind: u8, text: &Text<'_>, null_out: bool) {
    let t = CText::new(text);
    let mut out = Slot::new();
    // SAFETY: as above.
    let (status, expected) = unsafe {
        match kind % 3 {
            0 => (
                c::mkb_parse_hpo(t.ptr(), t.len, out.ptr(null_out)),
                expect(&t, |s| HpoId::parse(s).map(HpoId::get)),
            ),
            1 => (
                c::mkb_parse_orpha(t.ptr(), t.len, out.ptr(null_out)),
                expect(&t, |s| OrphaId::parse(s).map(OrphaId::get)),
            ),
            _ => (
                c::mkb_parse_omim(t.ptr(), t.len, out.ptr(null_out)),
                expect(&t, |s| OmimId::parse(s).map(OmimId::get)),
            ),
        }
    };
    let expected = if null_out {
        Err(Status::MkbNullPointer)
    } else {
        expected
    };
    compare(&format!("mkb_parse {kind}({text:?})"), status, out.0, expected, Some);
}

/// `mkb_gene_at`, `mkb_gene_from_ncbi_id`.
fn check_gene_by_number(by_id: bool, n: u32, index: usize, null_out: bool) {
    let mut out: *const ffi::GeneRecord = core::ptr::dangling();
    let ptr: *mut *const ffi::GeneRecord = if null_out { core::ptr::null_mut() } else { &raw mut out };
    // SAFETY: `ptr` is NULL or a writable record pointer.
    let status = unsafe {
        if by_id {
            c::mkb_gene_from_ncbi_id(n, ptr)
        } else {
            c::mkb_gene_at(index, ptr)
        }
    };
    let expected = if null_out {
        Err(Status::MkbNullPointer)
    } else if by_id {
        Gene::from_ncbi_gene_id(n).map_err(|e| status_of(&e))
    } else {
        let count = Gene::all().len();
        (index < count)
            .then(|| Gene::all().nth(index))
            .flatten()
            .ok_or(Status::MkbOutOfRange)
    };
    check_gene_record("gene by number", status, out, expected);
}

/// `mkb_gene_from_symbol`, `mkb_disorders_for_gene`.
fn check_gene_by_symbol(disorders: bool, text: &Text<'_>, null_out: bool, null_len: bool) {
    let t = CText::new(text);
    let expected = expect(&t, Gene::from_symbol);
    if disorders {
        let mut out: *const u32 = core::ptr::dangling();
        let mut len = SENTINEL as usize;
        let out_ptr: *mut *const u32 = if null_out { core::ptr::null_mut() } else { &raw mut out };
        let len_ptr: *mut usize = if null_len { core::ptr::null_mut() } else { &raw mut len };
        // SAFETY: as above.
        let status = unsafe { c::mkb_disorders_for_gene(t.ptr(), t.len, out_ptr, len_ptr) };
        let expected = if null_out || null_len {
            Err(Status::MkbNullPointer)
        } else {
            expected
        };
        match expected {
            Ok(g) => {
                assert_eq!(status, Status::MkbOk, "mkb_disorders_for_gene({text:?})");
                // SAFETY: the library returned a pointer into static data and its length.
                let got = unsafe { core::slice::from_raw_parts(out, len) };
                let want: Vec<u32> = g.disorders().iter().map(|d| d.discriminant()).collect();
                assert_eq!(got, want, "mkb_disorders_for_gene({text:?})");
            }
            Err(s) => {
                assert_eq!(status, s, "mkb_disorders_for_gene({text:?})");
                assert!(
                    out == core::ptr::dangling() && len == SENTINEL as usize,
                    "written on failure"
                );
            }
        }
    } else {
        let mut out: *const ffi::GeneRecord = core::ptr::dangling();
        let ptr: *mut *const ffi::GeneRecord = if null_out { core::ptr::null_mut() } else { &raw mut out };
        // SAFETY: as above.
        let status = unsafe { c::mkb_gene_from_symbol(t.ptr(), t.len, ptr) };
        let expected = if null_out {
            Err(Status::MkbNullPointer)
        } else {
            expected
        };
        check_gene_record(&format!("mkb_gene_from_symbol({text:?})"), status, out, expected);
    }
}

/// `mkb_frequency_from_percent`.
fn check_frequency_from_percent(percent: &super::blood_count::Num, null_out: bool) {
    let p = percent.value();
    let mut out = Slot::new();
    // SAFETY: as above.
    let status = unsafe { c::mkb_frequency_from_percent(p, out.ptr(null_out)) };
    let expected = if null_out {
        Err(Status::MkbNullPointer)
    } else {
        core_classes::Frequency::from_percent(p)
            .map(|f| f as u32)
            .ok_or(Status::MkbInvalidArgument)
    };
    compare(
        &format!("mkb_frequency_from_percent({p})"),
        status,
        out.0,
        expected,
        Some,
    );
}

/// `mkb_status_message`, `mkb_version`, `mkb_data_version` and the counts.
fn check_infallible(status: u32) {
    let message = read_str(ffi::mkb_status_message(status), "mkb_status_message");
    let known = Status::ALL.iter().find(|s| **s as u32 == status);
    match known {
        Some(s) => assert_eq!(Some(message), s.message().to_str().ok()),
        None => assert_eq!(message, "unknown status", "status {status}"),
    }
    assert_eq!(read_str(ffi::mkb_version(), "mkb_version"), marrowkb::VERSION);
    assert_eq!(
        read_str(ffi::mkb_data_version(), "mkb_data_version"),
        marrowkb::DATA_VERSION
    );
    assert_eq!(c::mkb_disorder_count(), Disorder::COUNT);
    assert_eq!(c::mkb_symptom_count(), Symptom::COUNT);
    assert_eq!(c::mkb_treatment_count(), Treatment::COUNT);
    assert_eq!(c::mkb_cause_count(), Cause::COUNT);
    assert_eq!(c::mkb_diagnostic_test_count(), DiagnosticTest::COUNT);
    assert_eq!(c::mkb_source_count(), Source::COUNT);
    assert_eq!(c::mkb_gene_count(), Gene::all().len());
    assert_eq!(c::mkb_hpo_term_count(), marrowkb::hpo::TERM_COUNT);
}

/// `mkb_lookup_many`.
fn check_batch(batch: &Batch<'_>) {
    let texts = batch_texts(batch);
    let n = texts.len();
    let names: Vec<*const c_char> = texts.iter().map(CText::ptr).collect();
    let lens: Vec<usize> = texts.iter().map(|t| t.len).collect();
    let mut out = vec![SENTINEL; n];
    let mut statuses = vec![SENTINEL; n];
    let mut suggestions = vec![SENTINEL_SUGGESTIONS; n];
    let mut found = SENTINEL as usize;
    let huge = usize::MAX / 2 + 1;
    let call_n = if batch.huge_n { huge } else { n };
    // The pointers handed over: NULL where asked, else the arrays (a dangling pointer for an empty one).
    let names_ptr = if batch.null_names {
        core::ptr::null()
    } else {
        names.as_ptr()
    };
    let lens_ptr = if batch.lens { lens.as_ptr() } else { core::ptr::null() };
    let out_ptr = if batch.null_out {
        core::ptr::null_mut()
    } else {
        out.as_mut_ptr()
    };
    let statuses_ptr = if batch.statuses {
        statuses.as_mut_ptr()
    } else {
        core::ptr::null_mut()
    };
    let suggestions_ptr = if batch.suggestions {
        suggestions.as_mut_ptr()
    } else {
        core::ptr::null_mut()
    };
    let found_ptr: *mut usize = if batch.found {
        &raw mut found
    } else {
        core::ptr::null_mut()
    };
    // SAFETY: each array is NULL or valid for `n` items; with `huge_n` the library must reject the count
    // before touching any array (it cannot fit in the address space).
    let status = unsafe {
        c::mkb_lookup_many(
            names_ptr,
            lens_ptr,
            call_n,
            out_ptr,
            statuses_ptr,
            suggestions_ptr,
            found_ptr,
        )
    };
    let untouched = |out: &[u32], statuses: &[u32], suggestions: &[SuggestionList], found: usize| {
        out.iter().all(|v| *v == SENTINEL)
            && statuses.iter().all(|v| *v == SENTINEL)
            && suggestions.iter().all(|v| *v == SENTINEL_SUGGESTIONS)
            && found == SENTINEL as usize
    };
    let what = format!("mkb_lookup_many({batch:?})");
    if call_n > 0 && batch.null_names {
        assert_eq!(status, Status::MkbNullPointer, "{what}");
    } else if batch.huge_n {
        assert_eq!(status, Status::MkbInvalidArgument, "{what}");
    } else if n > 0 && batch.null_out {
        assert_eq!(status, Status::MkbNullPointer, "{what}");
    } else {
        assert_eq!(status, Status::MkbOk, "{what}");
        let mut hits = 0;
        for (i, t) in texts.iter().enumerate() {
            let (value, st, list) = batch_expected(batch, t);
            if value != NO_DISORDER {
                hits += 1;
            }
            assert_eq!(out[i], value, "{what}: out[{i}]");
            if batch.statuses {
                assert_eq!(statuses[i], st as u32, "{what}: statuses[{i}]");
            }
            if batch.suggestions {
                assert_eq!(suggestions[i], list, "{what}: suggestions[{i}]");
            }
        }
        if batch.found {
            assert_eq!(found, hits, "{what}: found");
        }
        return;
    }
    assert!(
        untouched(&out, &statuses, &suggestions, found),
        "{what}: written on {status:?}"
    );
}

/// The names of a batch as they are passed.
fn batch_texts(batch: &Batch<'_>) -> Vec<CText> {
    batch
        .names
        .iter()
        .take(MAX_OPS)
        .map(|t| {
            // Without `lens` every name must be NUL-terminated (or NULL): anything else would be the
            // caller's out-of-bounds read, not the library's.
            let mode = match (batch.lens, t.mode) {
                (false, Mode::Unterminated | Mode::Null) | (true, _) => t.mode,
                (false, _) => Mode::NulTerminated,
            };
            CText::new(&Text { bytes: t.bytes, mode })
        })
        .collect()
}

/// What `mkb_lookup_many` must write for one name: the disorder, its status and its suggestions.
fn batch_expected(batch: &Batch<'_>, t: &CText) -> (u32, Status, SuggestionList) {
    match &t.expected {
        Err(s) => (NO_DISORDER, *s, EMPTY_SUGGESTIONS),
        Ok(s) => {
            let r = if batch.suggestions {
                marrowkb::lookup(s)
            } else if batch.statuses {
                Disorder::find(s)
            } else {
                marrowkb::lookup_exact(s).ok_or(Error::UnknownKey { entity: "disorder" })
            };
            match r {
                Ok(d) => (d.discriminant(), Status::MkbOk, EMPTY_SUGGESTIONS),
                Err(e) => {
                    let list = match e {
                        Error::UnknownName { suggestions } => suggestion_list(&suggestions),
                        _ => EMPTY_SUGGESTIONS,
                    };
                    (NO_DISORDER, status_of(&e), list)
                }
            }
        }
    }
}

fn check_parse_icd10(text: &Text<'_>, cap: usize, null_buf: bool, null_len: bool) {
    let t = CText::new(text);
    let mut buf = vec![0xA5u8; cap].into_boxed_slice();
    let buf_ptr: *mut c_char = if null_buf {
        core::ptr::null_mut()
    } else {
        buf.as_mut_ptr().cast()
    };
    let mut out_len = OutLen::new();
    // SAFETY: `buf` is NULL or exactly `cap` bytes.
    let status = unsafe { c::mkb_parse_icd10(t.ptr(), t.len, buf_ptr, cap, out_len.ptr(null_len)) };
    let what = format!("mkb_parse_icd10({text:?}, cap {cap})");
    if null_len {
        assert_eq!(status, Status::MkbNullPointer, "{what}");
        assert!(buf.iter().all(|&b| b == 0xA5), "{what}: written with NULL out_len");
        return;
    }
    match expect(&t, Icd10Code::parse) {
        Err(s) => {
            assert_eq!((status, out_len.0), (s, 0), "{what}");
            assert!(buf.iter().all(|&b| b == 0xA5), "{what}: written on failure");
        }
        Ok(code) => {
            let code = code.as_str();
            assert_eq!(out_len.0, code.len(), "{what}: out_len");
            if code.len() >= cap {
                assert_eq!(status, Status::MkbBufferTooSmall, "{what}");
                assert!(buf.iter().all(|&b| b == 0xA5), "{what}: written although too small");
            } else if null_buf {
                assert_eq!(status, Status::MkbNullPointer, "{what}");
            } else {
                assert_eq!(status, Status::MkbOk, "{what}");
                assert_eq!(&buf[..code.len()], code.as_bytes(), "{what}");
                assert_eq!(buf[code.len()], 0, "{what}: no NUL");
                assert!(
                    buf[code.len() + 1..].iter().all(|&b| b == 0xA5),
                    "{what}: written past the NUL"
                );
            }
        }
    }
}

fn check_at(entity: Entity, index: usize, null_out: bool) {
    let mut out = Slot::new();
    let p = out.ptr(null_out);
    // SAFETY: `p` is NULL or a writable 4-byte enum slot.
    let status = unsafe {
        match entity {
            Entity::Disorder => c::mkb_disorder_at(index, p),
            Entity::Symptom => c::mkb_symptom_at(index, p),
            Entity::Treatment => c::mkb_treatment_at(index, p),
            Entity::Cause => c::mkb_cause_at(index, p),
            Entity::DiagnosticTest => c::mkb_diagnostic_test_at(index, p),
            Entity::Source => c::mkb_source_at(index, p),
        }
    };
    let all: Vec<u32> = discriminants(entity);
    let expected = if null_out {
        Err(Status::MkbNullPointer)
    } else {
        all.get(index).copied().ok_or(Status::MkbOutOfRange)
    };
    compare(&format!("mkb_{entity:?}_at({index})"), status, out.0, expected, Some);
}

fn discriminants(entity: Entity) -> Vec<u32> {
    match entity {
        Entity::Disorder => Disorder::ALL.iter().map(|v| v.discriminant()).collect(),
        Entity::Symptom => Symptom::ALL.iter().map(|v| v.discriminant()).collect(),
        Entity::Treatment => Treatment::ALL.iter().map(|v| v.discriminant()).collect(),
        Entity::Cause => Cause::ALL.iter().map(|v| v.discriminant()).collect(),
        Entity::DiagnosticTest => DiagnosticTest::ALL.iter().map(|v| v.discriminant()).collect(),
        Entity::Source => Source::ALL.iter().map(|v| v.discriminant()).collect(),
    }
}

/// The key of the value with this discriminant.
fn key_of(entity: Entity, value: u32) -> Option<&'static str> {
    match entity {
        Entity::Disorder => Disorder::from_discriminant(value).ok().map(Disorder::key),
        Entity::Symptom => Symptom::from_discriminant(value).ok().map(Symptom::key),
        Entity::Treatment => Treatment::from_discriminant(value).ok().map(Treatment::key),
        Entity::Cause => Cause::from_discriminant(value).ok().map(Cause::key),
        Entity::DiagnosticTest => DiagnosticTest::from_discriminant(value).ok().map(DiagnosticTest::key),
        Entity::Source => Source::from_discriminant(value).ok().map(Source::key),
    }
}

fn check_record(entity: Entity, value: u32, null_out: bool) {
    // Every record struct starts with the enum value, the discriminant and the key.
    #[repr(C)]
    struct Head {
        value: u32,
        id: u32,
        key: *const c_char,
    }
    let mut out: *const core::ffi::c_void = core::ptr::dangling();
    let p: *mut *const core::ffi::c_void = if null_out { core::ptr::null_mut() } else { &raw mut out };
    // SAFETY: `p` is NULL or a writable record pointer.
    let status = unsafe {
        match entity {
            Entity::Disorder => c::mkb_disorder_record(value, p),
            Entity::Symptom => c::mkb_symptom_record(value, p),
            Entity::Treatment => c::mkb_treatment_record(value, p),
            Entity::Cause => c::mkb_cause_record(value, p),
            Entity::DiagnosticTest => c::mkb_diagnostic_test_record(value, p),
            Entity::Source => c::mkb_source_record(value, p),
        }
    };
    let what = format!("mkb_{entity:?}_record({value})");
    if null_out {
        assert_eq!(status, Status::MkbNullPointer, "{what}");
        return;
    }
    match key_of(entity, value) {
        None => {
            assert_eq!(status, Status::MkbInvalidEnum, "{what}");
            assert_eq!(out, core::ptr::dangling(), "{what}: written on failure");
        }
        Some(key) => {
            assert_eq!(status, Status::MkbOk, "{what}");
            // SAFETY: the library returned a pointer to a static record whose first fields are `Head`'s.
            let head = unsafe { out.cast::<Head>().read() };
            assert_eq!((head.value, head.id), (value, value), "{what}");
            assert_eq!(read_str(head.key, &what), key, "{what}");
        }
    }
}

fn check_by_text(entity: Entity, text: &Text<'_>, null_out: bool, find: bool) {
    let t = CText::new(text);
    let mut out = Slot::new();
    let p = out.ptr(null_out);
    macro_rules! call {
        ($ty:ty, $from_key:path, $find:path) => {{
            // SAFETY: `p` is NULL or a writable 4-byte enum slot; the text as above.
            let status = unsafe {
                if find {
                    $find(t.ptr(), t.len, p)
                } else {
                    $from_key(t.ptr(), t.len, p)
                }
            };
            let expected = expect(&t, |s| if find { <$ty>::find(s) } else { <$ty>::from_key(s) });
            (status, expected.map(|v| v.discriminant()))
        }};
    }
    let (status, expected) = match entity {
        Entity::Disorder => {
            let (status, expected) = call!(Disorder, c::mkb_disorder_from_key, c::mkb_disorder_find);
            if find {
                // mkb_lookup answers as mkb_disorder_find (it adds suggestions, not asked for here).
                let mut looked_up = Slot::new();
                // SAFETY: as above.
                let lookup = unsafe { c::mkb_lookup(t.ptr(), t.len, looked_up.ptr(null_out), core::ptr::null_mut()) };
                assert_eq!(
                    (lookup, looked_up.0),
                    (status, out.0),
                    "mkb_lookup and mkb_disorder_find on {text:?}"
                );
            }
            (status, expected)
        }
        Entity::Symptom => call!(Symptom, c::mkb_symptom_from_key, c::mkb_symptom_find),
        Entity::Treatment => call!(Treatment, c::mkb_treatment_from_key, c::mkb_treatment_find),
        Entity::Cause => call!(Cause, c::mkb_cause_from_key, c::mkb_cause_find),
        Entity::DiagnosticTest => {
            call!(
                DiagnosticTest,
                c::mkb_diagnostic_test_from_key,
                c::mkb_diagnostic_test_find
            )
        }
        Entity::Source => call!(Source, c::mkb_source_from_key, c::mkb_source_find),
    };
    let expected = if null_out {
        Err(Status::MkbNullPointer)
    } else {
        expected
    };
    let what = format!("{entity:?} {} ({text:?})", if find { "find" } else { "from_key" });
    compare(&what, status, out.0, expected, Some);
}

fn check_gene_record(what: &str, status: Status, out: *const ffi::GeneRecord, expected: Expected<Gene>) {
    match expected {
        Err(s) => {
            assert_eq!(status, s, "{what}");
            assert_eq!(out, core::ptr::dangling(), "{what}: written on failure");
        }
        Ok(g) => {
            assert_eq!(status, Status::MkbOk, "{what}");
            // SAFETY: the library returned a pointer to a static record.
            let r = unsafe { &*out };
            assert_eq!(read_str(r.symbol, what), g.symbol(), "{what}");
            assert_eq!(r.ncbi_gene_id, g.ncbi_gene_id(), "{what}");
            // SAFETY: pointer and length into static data.
            let disorders = unsafe { core::slice::from_raw_parts(r.disorders, r.disorders_len) };
            assert_eq!(disorders, g.disorders(), "{what}");
        }
    }
}

/// The vocabulary with this C number (`MkbVocabulary`), from the core's own enums and keys.
fn vocabulary(v: u32) -> Option<Vec<(u32, &'static str)>> {
    use marrowkb::blood_count as bc;
    use marrowkb::differential::{AbsenceKind, InputStatus, MatchKind};
    macro_rules! all {
        ($($name:ident)::+) => {
            $($name)::+::ALL.iter().map(|x| (*x as u32, x.key())).collect()
        };
    }
    macro_rules! list {
        ($($value:expr),+) => {
            [$($value),+].iter().map(|x| (*x as u32, x.key())).collect()
        };
    }
    Some(match v {
        1 => all!(core_classes::Origin),
        2 => all!(core_classes::CellLine),
        3 => all!(core_classes::Inheritance),
        4 => all!(core_classes::Onset),
        5 => all!(core_classes::Frequency),
        6 => all!(core_classes::TreatmentRole),
        7 => all!(core_classes::BodySystem),
        8 => all!(core_classes::XrefMatch),
        9 => all!(core_classes::IcdMatch),
        10 => all!(core_classes::RelationKind),
        11 => all!(bc::Cytopenia),
        12 => all!(bc::Presence),
        13 => all!(bc::Severity),
        14 => all!(bc::SeverityScale),
        15 => all!(bc::CtcaeGrade),
        16 => all!(bc::RedCellSize),
        17 => all!(bc::Pattern),
        18 => all!(bc::AplasticCriteria),
        19 => all!(bc::Criterion),
        20 => all!(bc::AplasticSeverity),
        21 => list!(
            bc::Fit::Undetermined,
            bc::Fit::NoOverlap,
            bc::Fit::Partial,
            bc::Fit::Exact
        ),
        22 => all!(bc::Field),
        23 => all!(bc::thresholds::Reference),
        24 => all!(bc::HemoglobinUnit),
        25 => all!(bc::CountUnit),
        26 => all!(bc::AgeUnit),
        27 => all!(bc::Unit),
        28 => all!(bc::Sex),
        29 => list!(
            MatchKind::Exact,
            MatchKind::Broader,
            MatchKind::Narrower,
            MatchKind::Related,
            MatchKind::Unexplained,
            MatchKind::Contradicted
        ),
        30 => list!(AbsenceKind::Against, AbsenceKind::Consistent, AbsenceKind::Neutral),
        31 => list!(
            InputStatus::Used,
            InputStatus::Replaced,
            InputStatus::Duplicate,
            InputStatus::Conflict,
            InputStatus::NotPhenotype,
            InputStatus::Obsolete,
            InputStatus::Unknown,
            InputStatus::Malformed
        ),
        32 => vec![(1, "alt_id"), (2, "obsolete")],
        33 => vec![(1, "name"), (2, "gene"), (3, "symptom"), (4, "code")],
        _ => return None,
    })
}

fn check_vocabulary(vocabulary_id: u32, value: u32, index: usize, key: &Text<'_>, null_out: bool) {
    let entries = vocabulary(vocabulary_id);
    let invalid = |r: Expected<u32>| {
        if entries.is_some() {
            r
        } else {
            Err(Status::MkbInvalidEnum)
        }
    };
    let null = |r: Expected<u32>| if null_out { Err(Status::MkbNullPointer) } else { r };
    let list = entries.clone().unwrap_or_default();

    let mut count = SENTINEL as usize;
    let p: *mut usize = if null_out {
        core::ptr::null_mut()
    } else {
        &raw mut count
    };
    // SAFETY: `p` is NULL or writable.
    let status = unsafe { c::mkb_vocabulary_count(vocabulary_id, p) };
    let expected = null(invalid(Ok(list.len() as u32)));
    compare("mkb_vocabulary_count", status, count as u32, expected, Some);

    let mut out = Slot::new();
    // SAFETY: as above.
    let status = unsafe { c::mkb_vocabulary_at(vocabulary_id, index, out.ptr(null_out)) };
    let expected = null(invalid(list.get(index).map(|e| e.0).ok_or(Status::MkbOutOfRange)));
    compare(
        &format!("mkb_vocabulary_at({vocabulary_id}, {index})"),
        status,
        out.0,
        expected,
        Some,
    );

    let mut key_out: *const c_char = core::ptr::dangling();
    let p: *mut *const c_char = if null_out {
        core::ptr::null_mut()
    } else {
        &raw mut key_out
    };
    // SAFETY: as above.
    let status = unsafe { c::mkb_vocabulary_key(vocabulary_id, value, p) };
    let expected_key = list.iter().find(|e| e.0 == value).map(|e| e.1);
    let what = format!("mkb_vocabulary_key({vocabulary_id}, {value})");
    match (null_out, &entries, expected_key) {
        (true, _, _) => assert_eq!(status, Status::MkbNullPointer, "{what}"),
        (false, Some(_), Some(k)) => {
            assert_eq!(status, Status::MkbOk, "{what}");
            assert_eq!(read_str(key_out, &what), k, "{what}");
        }
        _ => {
            assert_eq!(status, Status::MkbInvalidEnum, "{what}");
            assert_eq!(key_out, core::ptr::dangling(), "{what}: written on failure");
        }
    }

    let t = CText::new(key);
    let mut out = Slot::new();
    // SAFETY: as above.
    let status = unsafe { c::mkb_vocabulary_from_key(vocabulary_id, t.ptr(), t.len, out.ptr(null_out)) };
    let expected = null(invalid(match &t.expected {
        Err(s) => Err(*s),
        Ok(s) => list.iter().find(|e| e.1 == s).map(|e| e.0).ok_or(Status::MkbNotFound),
    }));
    compare(
        &format!("mkb_vocabulary_from_key({vocabulary_id}, {key:?})"),
        status,
        out.0,
        expected,
        Some,
    );
}

fn check_class_value(function: u8, value: u32, nulls: u8) {
    let null = |bit: u8| nulls & (1 << bit) != 0;
    let mut out = Slot::new();
    match function % 5 {
        0 => {
            // SAFETY: as above.
            let status = unsafe { c::mkb_inheritance_hpo(value, out.ptr(null(0))) };
            let expected = if null(0) {
                Err(Status::MkbNullPointer)
            } else {
                match core_classes::Inheritance::from_discriminant(value) {
                    Err(_) => Err(Status::MkbInvalidEnum),
                    Ok(i) => i.hpo().map(HpoId::get).ok_or(Status::MkbNotFound),
                }
            };
            compare(&format!("mkb_inheritance_hpo({value})"), status, out.0, expected, Some);
        }
        1 => {
            // SAFETY: as above.
            let status = unsafe { c::mkb_onset_hpo(value, out.ptr(null(0))) };
            let expected = if null(0) {
                Err(Status::MkbNullPointer)
            } else {
                core_classes::Onset::from_discriminant(value)
                    .map(|o| o.hpo().get())
                    .map_err(|_| Status::MkbInvalidEnum)
            };
            compare(&format!("mkb_onset_hpo({value})"), status, out.0, expected, Some);
        }
        2 => {
            let (mut from, mut to) = (f64::NAN, f64::NAN);
            let from_ptr: *mut f64 = if null(0) { core::ptr::null_mut() } else { &raw mut from };
            let to_ptr: *mut f64 = if null(1) { core::ptr::null_mut() } else { &raw mut to };
            // SAFETY: each pointer is NULL or writable.
            let status = unsafe { c::mkb_onset_age_years(value, from_ptr, to_ptr) };
            let what = format!("mkb_onset_age_years({value})");
            if null(0) || null(1) {
                assert_eq!(status, Status::MkbNullPointer, "{what}");
            } else {
                match core_classes::Onset::from_discriminant(value) {
                    Ok(o) => {
                        assert_eq!(status, Status::MkbOk, "{what}");
                        assert_eq!((from, to), o.age_years(), "{what}");
                    }
                    Err(_) => {
                        assert_eq!(status, Status::MkbInvalidEnum, "{what}");
                        assert!(from.is_nan() && to.is_nan(), "{what}: written on failure");
                    }
                }
            }
        }
        3 => {
            // SAFETY: as above.
            let status = unsafe { c::mkb_frequency_hpo(value, out.ptr(null(0))) };
            let expected = if null(0) {
                Err(Status::MkbNullPointer)
            } else {
                core_classes::Frequency::from_discriminant(value)
                    .map(|f| f.hpo().get())
                    .map_err(|_| Status::MkbInvalidEnum)
            };
            compare(&format!("mkb_frequency_hpo({value})"), status, out.0, expected, Some);
        }
        _ => {
            let (mut lo, mut hi, mut p) = (0xA5u8, 0xA5u8, f64::NAN);
            let lo_ptr: *mut u8 = if null(0) { core::ptr::null_mut() } else { &raw mut lo };
            let hi_ptr: *mut u8 = if null(1) { core::ptr::null_mut() } else { &raw mut hi };
            let p_ptr: *mut f64 = if null(2) { core::ptr::null_mut() } else { &raw mut p };
            // SAFETY: each pointer is NULL or writable.
            let status = unsafe { c::mkb_frequency_range(value, lo_ptr, hi_ptr, p_ptr) };
            let what = format!("mkb_frequency_range({value})");
            match core_classes::Frequency::from_discriminant(value) {
                Ok(f) => {
                    assert_eq!(status, Status::MkbOk, "{what}");
                    let (l, h) = f.range_percent();
                    assert_eq!(lo, if null(0) { 0xA5 } else { l }, "{what}");
                    assert_eq!(hi, if null(1) { 0xA5 } else { h }, "{what}");
                    if !null(2) {
                        assert_eq!(p, f.probability(), "{what}");
                    }
                }
                Err(_) => {
                    assert_eq!(status, Status::MkbInvalidEnum, "{what}");
                    assert!(lo == 0xA5 && hi == 0xA5 && p.is_nan(), "{what}: written on failure");
                }
            }
        }
    }
}
