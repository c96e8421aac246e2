//! The generic `mkb_vocabulary_*` functions over every closed vocabulary (the C enums whose values have
//! stable snake_case keys), and the unit helpers of the blood count.

use crate::boundary::{Status, ffi_boundary, input, put};
use crate::strings::intern;
use core::ffi::c_char;
use marrowkb::blood_count as bc;
use marrowkb::classes as core_classes;

/// Names a closed vocabulary (a C enum whose values have stable snake_case keys) for the generic
/// `mkb_vocabulary_*` functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Vocabulary {
    /// `MkbOrigin`.
    Origin = 1,
    /// `MkbCellLine`.
    CellLine = 2,
    /// `MkbInheritance`.
    Inheritance = 3,
    /// `MkbOnset`.
    Onset = 4,
    /// `MkbFrequency`.
    Frequency = 5,
    /// `MkbTreatmentRole`.
    TreatmentRole = 6,
    /// `MkbBodySystem`.
    BodySystem = 7,
    /// `MkbXrefMatch`.
    XrefMatch = 8,
    /// `MkbIcdMatch`.
    IcdMatch = 9,
    /// `MkbRelationKind`.
    RelationKind = 10,
    /// `MkbCytopenia`.
    Cytopenia = 11,
    /// `MkbPresence`.
    Presence = 12,
    /// `MkbSeverity`.
    Severity = 13,
    /// `MkbSeverityScale`.
    SeverityScale = 14,
    /// `MkbCtcaeGrade`.
    CtcaeGrade = 15,
    /// `MkbRedCellSize`.
    RedCellSize = 16,
    /// `MkbPattern`.
    Pattern = 17,
    /// `MkbAplasticCriteria`.
    AplasticCriteria = 18,
    /// `MkbCriterion`.
    Criterion = 19,
    /// `MkbAplasticSeverity`.
    AplasticSeverity = 20,
    /// `MkbFit`.
    Fit = 21,
    /// `MkbField` (blood count fields).
    Field = 22,
    /// `MkbReference` (sources of blood count thresholds).
    Reference = 23,
    /// `MkbHemoglobinUnit`.
    HemoglobinUnit = 24,
    /// `MkbCountUnit`.
    CountUnit = 25,
    /// `MkbAgeUnit`.
    AgeUnit = 26,
    /// `MkbUnit`.
    Unit = 27,
    /// `MkbPatientSex`.
    PatientSex = 28,
    /// `MkbMatchKind` (differential).
    MatchKind = 29,
    /// `MkbAbsenceKind` (differential).
    AbsenceKind = 30,
    /// `MkbInputStatus` (differential).
    InputStatus = 31,
    /// `MkbHpoReplacement`.
    HpoReplacement = 32,
    /// `MkbSearchHitKind`.
    SearchHitKind = 33,
}

impl Vocabulary {
    /// Every vocabulary, in numeric order.
    ///
    /// cbindgen:ignore
    pub const ALL: [Vocabulary; 33] = [
        Vocabulary::Origin,
        Vocabulary::CellLine,
        Vocabulary::Inheritance,
        Vocabulary::Onset,
        Vocabulary::Frequency,
        Vocabulary::TreatmentRole,
        Vocabulary::BodySystem,
        Vocabulary::XrefMatch,
        Vocabulary::IcdMatch,
        Vocabulary::RelationKind,
        Vocabulary::Cytopenia,
        Vocabulary::Presence,
        Vocabulary::Severity,
        Vocabulary::SeverityScale,
        Vocabulary::CtcaeGrade,
        Vocabulary::RedCellSize,
        Vocabulary::Pattern,
        Vocabulary::AplasticCriteria,
        Vocabulary::Criterion,
        Vocabulary::AplasticSeverity,
        Vocabulary::Fit,
        Vocabulary::Field,
        Vocabulary::Reference,
        Vocabulary::HemoglobinUnit,
        Vocabulary::CountUnit,
        Vocabulary::AgeUnit,
        Vocabulary::Unit,
        Vocabulary::PatientSex,
        Vocabulary::MatchKind,
        Vocabulary::AbsenceKind,
        Vocabulary::InputStatus,
        Vocabulary::HpoReplacement,
        Vocabulary::SearchHitKind,
    ];
}

/// A vocabulary's values as (discriminant, key) pairs, in discriminant order.
pub(crate) struct Entries(fn(usize) -> Option<(u32, &'static str)>, usize);

macro_rules! entries {
    ($($core:ident)::+) => {
        Entries(|i| $($core)::+::ALL.get(i).map(|v| (*v as u32, v.key())), $($core)::+::ALL.len())
    };
    (list $list:expr) => {
        Entries(|i| $list.get(i).copied(), $list.len())
    };
}

const SEARCH_HIT_KINDS: [(u32, &str); 4] = [(1, "name"), (2, "gene"), (3, "symptom"), (4, "code")];

pub(crate) fn vocabulary(value: u32) -> Result<Entries, Status> {
    Ok(match value {
        1 => entries!(core_classes::Origin),
        2 => entries!(core_classes::CellLine),
        3 => entries!(core_classes::Inheritance),
        4 => entries!(core_classes::Onset),
        5 => entries!(core_classes::Frequency),
        6 => entries!(core_classes::TreatmentRole),
        7 => entries!(core_classes::BodySystem),
        8 => entries!(core_classes::XrefMatch),
        9 => entries!(core_classes::IcdMatch),
        10 => entries!(core_classes::RelationKind),
        11 => entries!(bc::Cytopenia),
        12 => entries!(bc::Presence),
        13 => entries!(bc::Severity),
        14 => entries!(bc::SeverityScale),
        15 => entries!(bc::CtcaeGrade),
        16 => entries!(bc::RedCellSize),
        17 => entries!(bc::Pattern),
        18 => entries!(bc::AplasticCriteria),
        19 => entries!(bc::Criterion),
        20 => entries!(bc::AplasticSeverity),
        21 => entries!(list crate::blood_count::FITS),
        22 => entries!(bc::Field),
        23 => entries!(bc::thresholds::Reference),
        24 => entries!(bc::HemoglobinUnit),
        25 => entries!(bc::CountUnit),
        26 => entries!(bc::AgeUnit),
        27 => entries!(bc::Unit),
        28 => entries!(bc::Sex),
        29 => entries!(list crate::differential::MATCH_KINDS),
        30 => entries!(list crate::differential::ABSENCE_KINDS),
        31 => entries!(list crate::differential::INPUT_STATUSES),
        32 => entries!(list crate::hpo::REPLACEMENTS),
        33 => entries!(list SEARCH_HIT_KINDS),
        _ => return Err(Status::MkbInvalidEnum),
    })
}

impl Entries {
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, &'static str)> + '_ {
        (0..self.1).filter_map(|i| (self.0)(i))
    }
}

/// Writes the number of values of a vocabulary to `*out`.
///
/// Returns `MKB_INVALID_ENUM` when `vocabulary` is not an `MkbVocabulary`.
///
/// # Safety
/// `out` must point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_vocabulary_count(vocabulary: u32, out: *mut usize) -> Status {
    ffi_boundary!(nonnull(out) {
        let entries = self::vocabulary(vocabulary)?;
        unsafe { put(out, entries.1) };
        Ok(())
    })
}

/// Writes the `index`-th value (in discriminant order) of a vocabulary to `*out`.
///
/// Returns `MKB_INVALID_ENUM` for an unknown vocabulary, `MKB_OUT_OF_RANGE` when `index` is not below
/// `mkb_vocabulary_count`.
///
/// # Safety
/// `out` must point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_vocabulary_at(vocabulary: u32, index: usize, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        let entries = self::vocabulary(vocabulary)?;
        let (value, _) = (entries.0)(index).ok_or(Status::MkbOutOfRange)?;
        unsafe { put(out, value) };
        Ok(())
    })
}

/// Writes the stable snake_case key of a vocabulary value (`"autosomal_recessive"`) to `*out`: a static
/// NUL-terminated string owned by the library.
///
/// Returns `MKB_INVALID_ENUM` when `vocabulary` or `value` is out of range.
///
/// # Safety
/// `out` must point to a writable `const char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_vocabulary_key(vocabulary: u32, value: u32, out: *mut *const c_char) -> Status {
    ffi_boundary!(nonnull(out) {
        let entries = self::vocabulary(vocabulary)?;
        let (_, key) = entries.iter().find(|(v, _)| *v == value).ok_or(Status::MkbInvalidEnum)?;
        unsafe { put(out, intern(key)) };
        Ok(())
    })
}

/// Finds a vocabulary value by its exact stable key and writes it to `*out`.
///
/// Returns `MKB_NOT_FOUND` when no value has the key, `MKB_INVALID_ENUM` for an unknown vocabulary, and
/// the text statuses (`MKB_NULL_POINTER`, `MKB_TOO_LONG`, `MKB_INVALID_UTF8`).
///
/// # Safety
/// `key` must be valid for `len` bytes (or NUL-terminated when `len` is `MKB_NUL_TERMINATED`); `out` must
/// point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_vocabulary_from_key(
    vocabulary: u32,
    key: *const c_char,
    len: usize,
    out: *mut u32,
) -> Status {
    ffi_boundary!(nonnull(out) {
        let entries = self::vocabulary(vocabulary)?;
        let key = unsafe { input(key, len) }?;
        let (value, _) = entries.iter().find(|(_, k)| *k == key).ok_or(Status::MkbNotFound)?;
        unsafe { put(out, value) };
        Ok(())
    })
}

/// The symbol of a unit as written on a laboratory report (`"g/dL"`, `"×10⁹/L"`, `"/µL"`, `"y"`), a
/// static UTF-8 string owned by the library. `vocabulary` is `MKB_VOCABULARY_HEMOGLOBIN_UNIT`,
/// `MKB_VOCABULARY_COUNT_UNIT`, `MKB_VOCABULARY_AGE_UNIT` or `MKB_VOCABULARY_UNIT`.
///
/// Returns `MKB_INVALID_ENUM` for another vocabulary or a value out of range.
///
/// # Safety
/// `out` must point to a writable `const char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_unit_symbol(vocabulary: u32, unit: u32, out: *mut *const c_char) -> Status {
    ffi_boundary!(nonnull(out) {
        let symbol = match vocabulary {
            24 => bc::HemoglobinUnit::from_discriminant(unit)?.symbol(),
            25 => bc::CountUnit::from_discriminant(unit)?.symbol(),
            26 => bc::AgeUnit::from_discriminant(unit)?.symbol(),
            27 => bc::Unit::from_discriminant(unit)?.symbol(),
            _ => return Err(Status::MkbInvalidEnum),
        };
        unsafe { put(out, intern(symbol)) };
        Ok(())
    })
}

/// Parses a unit as people write it (`"g/dL"`, `"G/DL"`, `"g_per_dl"`, `"x10^9/L"`, `"10^3/uL"`, `"K/uL"`,
/// `"cells/uL"`, `"yrs"`) and writes its value to `*out`. `vocabulary` is `MKB_VOCABULARY_HEMOGLOBIN_UNIT`,
/// `MKB_VOCABULARY_COUNT_UNIT`, `MKB_VOCABULARY_AGE_UNIT` or `MKB_VOCABULARY_UNIT` (any unit, e.g.
/// `"10^6/uL"` → `MKB_UNIT_TERA_PER_LITER`, the red cell count's unit).
///
/// Returns `MKB_NOT_FOUND` for text that is no unit of the kind, `MKB_INVALID_ENUM` for another vocabulary,
/// and the text statuses.
///
/// # Safety
/// `text` must be valid for `len` bytes (or NUL-terminated when `len` is `MKB_NUL_TERMINATED`); `out` must
/// point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_unit_parse(vocabulary: u32, text: *const c_char, len: usize, out: *mut u32) -> Status {
    ffi_boundary!(nonnull(out) {
        let text = unsafe { input(text, len) }?;
        let value = match vocabulary {
            24 => text.parse::<bc::HemoglobinUnit>()? as u32,
            25 => text.parse::<bc::CountUnit>()? as u32,
            26 => text.parse::<bc::AgeUnit>()? as u32,
            27 => text.parse::<bc::Unit>()? as u32,
            _ => return Err(Status::MkbInvalidEnum),
        };
        unsafe { put(out, value) };
        Ok(())
    })
}
