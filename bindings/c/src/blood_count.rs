//! Blood count interpretation (`marrowkb::blood_count`) over plain C structs.
//!
//! The caller fills an `MkbBloodCount` (each value with a `given` flag and its unit) and gets an
//! `MkbInterpretation` plus the disorders' fits, in caller-owned memory. The C enums of the core's closed
//! vocabularies are generated with them from `data/vocabularies.toml` (`crate::generated::vocabularies`);
//! `MkbPatientSex` is the mirror of `marrowkb::blood_count::Sex` (which `marrowkb::differential` shares).

use crate::boundary::{Status, array_mut, ffi_boundary, put};
pub use crate::generated::vocabularies::{
    AgeUnit, AplasticCriteria, AplasticSeverity, CountUnit, Criterion, CtcaeGrade, Cytopenia, HemoglobinUnit,
    PatientSex, Pattern, Presence, RedCellSize, Severity, SeverityScale, Unit,
};
use crate::strings::intern;
use core::ffi::{CStr, c_char};
use marrowkb::Disorder;
use marrowkb::blood_count::thresholds::Reference;
use marrowkb::blood_count::{self as bc, BloodCount, CellLineSet, Fit};

/// The `Fit` values and keys, checked complete by an exhaustive match.
pub(crate) const FITS: [(u32, &str); 4] = {
    const fn position(fit: Fit) -> usize {
        match fit {
            Fit::Undetermined => 0,
            Fit::NoOverlap => 1,
            Fit::Partial => 2,
            Fit::Exact => 3,
        }
    }
    let all = [Fit::Undetermined, Fit::NoOverlap, Fit::Partial, Fit::Exact];
    let mut pairs = [(0, ""); 4];
    let mut i = 0;
    while i < all.len() {
        pairs[position(all[i])] = (all[i] as u32, all[i].key());
        i += 1;
    }
    pairs
};

/// One value of a blood count: whether it was given, the number and its unit.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct Measurement {
    /// Whether the value was measured; when false, `value` and `unit` are ignored.
    pub given: bool,
    /// The value, in `unit`.
    pub value: f64,
    /// The unit: an `MkbHemoglobinUnit`, `MkbCountUnit` or `MkbAgeUnit` value as the field says; ignored for
    /// fields with a single unit (MCV in fL, percentages, red cell count in ×10¹²/L).
    pub unit: u32,
}

/// A blood count, every value optional. Zero-initialize it (`MkbBloodCount count = {0};`) and set what
/// was measured.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct BloodCountInput {
    /// Haemoglobin concentration (unit: `MkbHemoglobinUnit`).
    pub hemoglobin: Measurement,
    /// Mean corpuscular volume in fL.
    pub mcv: Measurement,
    /// Absolute neutrophil count (unit: `MkbCountUnit`).
    pub neutrophils: Measurement,
    /// Absolute lymphocyte count (unit: `MkbCountUnit`).
    pub lymphocytes: Measurement,
    /// Absolute monocyte count (unit: `MkbCountUnit`).
    pub monocytes: Measurement,
    /// Platelet count (unit: `MkbCountUnit`).
    pub platelets: Measurement,
    /// Absolute reticulocyte count (unit: `MkbCountUnit`).
    pub reticulocytes: Measurement,
    /// Reticulocytes as a percentage of red cells (needs `red_cell_count`).
    pub reticulocyte_percent: Measurement,
    /// Red cell count in ×10¹²/L, the same number as 10⁶/µL (`mkb_unit_parse` with `MKB_VOCABULARY_UNIT`
    /// reads both spellings as `MKB_UNIT_TERA_PER_LITER`).
    pub red_cell_count: Measurement,
    /// Bone marrow cellularity in per cent.
    pub cellularity: Measurement,
    /// Residual haematopoietic cells as a percentage of marrow cells.
    pub residual_hematopoietic_cells: Measurement,
    /// Age (unit: `MkbAgeUnit`).
    pub age: Measurement,
    /// `MkbPatientSex`, or 0 when not given.
    pub sex: u32,
    /// Whether the patient is pregnant (female only).
    pub pregnant: bool,
    /// Haematocrit in per cent: with `reticulocyte_percent` it gives Camitta's corrected reticulocyte
    /// percentage (used when there is no `red_cell_count`).
    pub hematocrit: Measurement,
}

/// One cytopenia's reading. Numbers that are not available are NaN.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct ReadingRecord {
    /// Which cytopenia.
    pub cytopenia: Cytopenia,
    /// The value in its canonical unit (g/dL or ×10⁹/L); NaN when not given.
    pub value: f64,
    /// Whether it is present.
    pub presence: Presence,
    /// The lower limit used (the cytopenia is `value < lower_limit`); NaN when no single limit applies.
    pub lower_limit: f64,
    /// The source of `lower_limit` (`MkbReference`), 0 when none.
    pub reference: u32,
    /// The severity (`MkbSeverity`), 0 when not present or the cytopenia has no severity scale here.
    pub severity: u32,
    /// The scale `severity` is on (`MkbSeverityScale`), 0 when none.
    pub severity_scale: u32,
    /// Whether `ctcae` holds a grade.
    pub has_ctcae: bool,
    /// CTCAE v5.0 grade (anaemia, neutrophils, platelets, lymphocytes) when `has_ctcae`.
    pub ctcae: CtcaeGrade,
}

/// The MCV reading (Nathan and Oski limits by age and sex). Numbers not available are NaN.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct RedCellSizeRecord {
    /// MCV in fL; NaN when not given.
    pub mcv: f64,
    /// The class (`MkbRedCellSize`); 0 when the MCV or the age is missing, or the sex is needed and missing.
    pub size: u32,
    /// Lower limit used (fL), NaN when none.
    pub lower_limit: f64,
    /// Upper limit used (fL), NaN when none.
    pub upper_limit: f64,
}

/// Aplastic anaemia severity and each criterion behind it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct AplasticAssessmentRecord {
    /// The criteria used.
    pub criteria: AplasticCriteria,
    /// The severity.
    pub severity: AplasticSeverity,
    /// Cellularity < 25 %, or 25–50 % with residual haematopoietic cells < 30 %.
    pub marrow: Criterion,
    /// ANC < 0.5 ×10⁹/L.
    pub neutrophils: Criterion,
    /// Platelets < 20 ×10⁹/L.
    pub platelets: Criterion,
    /// The reticulocyte criterion counted: the absolute count below `reticulocytes_below`; with the Camitta
    /// criteria and no absolute count, `corrected_reticulocytes`.
    pub reticulocytes: Criterion,
    /// The reticulocyte threshold used (20 or 60 ×10⁹/L).
    pub reticulocytes_below: f64,
    /// How many of the three count criteria are met.
    pub counts_met: u32,
    /// At least 2 of the 3 count criteria.
    pub counts: Criterion,
    /// ANC < 0.2 ×10⁹/L (very severe).
    pub very_severe_neutrophils: Criterion,
    /// Corrected reticulocyte percentage (reticulocyte % × haematocrit / 45), NaN when not both given.
    pub corrected_reticulocyte_percent: f64,
    /// Camitta 1976's reticulocyte criterion: corrected percentage < 1 %.
    pub corrected_reticulocytes: Criterion,
}

/// One disorder's fit to the decreased cell lines. Cell line sets are bit masks: bit `d - 1` is the
/// `MkbCellLine` with value `d` (red cells 1, white cells 2, platelets 4).
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct DisorderFitRecord {
    /// The disorder.
    pub disorder: Disorder,
    /// Lines the disorder affects (from its record).
    pub affected: u32,
    /// Affected and decreased.
    pub matched: u32,
    /// Affected but known not to be decreased.
    pub missed: u32,
    /// Decreased but not among the disorder's lines.
    pub unexpected: u32,
    /// Lines whose state is unknown (left out).
    pub unknown: u32,
    /// |matched| / |matched ∪ missed ∪ unexpected|; NaN when that union is empty.
    pub score: f64,
    /// The category.
    pub fit: Fit,
    /// The blood count's likelihood ratio under this disorder (`marrowkb::blood_count::evidence`: each
    /// known line's state, affected lines expected down): pass it to `mkb_differential` as evidence.
    pub likelihood_ratio: f64,
}

/// Which value of a blood count was rejected, and why.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct MeasurementError {
    /// The field (`MkbField`), 0 when there is no error.
    pub field: u32,
    /// The value as given (NaN for an inconsistency, which has no single value). For an out-of-range `sex`
    /// or a `bool` byte other than 0 and 1, that integer.
    pub value: f64,
    /// Its unit (`MkbUnit`), 0 when none (also when the unit given is not a value of the field's unit enum).
    pub unit: u32,
    /// What is wrong, a static string owned by the library; NULL when there is no error.
    pub reason: *const c_char,
}

/// Everything read from a blood count.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct InterpretationRecord {
    /// Anaemia (WHO 2011 severity; CTCAE Anemia).
    pub anemia: ReadingRecord,
    /// Neutropenia (neutropenia bands; CTCAE Neutrophil count decreased).
    pub neutropenia: ReadingRecord,
    /// Lymphopenia (CTCAE Lymphocyte count decreased).
    pub lymphopenia: ReadingRecord,
    /// Monocytopenia.
    pub monocytopenia: ReadingRecord,
    /// Thrombocytopenia (CTCAE Platelet count decreased).
    pub thrombocytopenia: ReadingRecord,
    /// Reticulocytopenia.
    pub reticulocytopenia: ReadingRecord,
    /// Microcytosis or macrocytosis.
    pub red_cell_size: RedCellSizeRecord,
    /// The pattern over haemoglobin, neutrophils and platelets.
    pub pattern: Pattern,
    /// The lines of the pattern that are decreased (bit mask, as in `MkbDisorderFit`).
    pub decreased_lines: u32,
    /// The lines of the pattern whose state is unknown (bit mask).
    pub unknown_lines: u32,
    /// Aplastic anaemia severity (when cellularity is given).
    pub aplastic_anemia: AplasticAssessmentRecord,
    /// The number of disorder fits (`mkb_disorder_count()`), written whether or not a fits buffer was given.
    pub fits_len: usize,
    /// On `MKB_INVALID_MEASUREMENT`, `MKB_INCONSISTENT_MEASUREMENTS`, and `MKB_INVALID_ENUM` or
    /// `MKB_INVALID_ARGUMENT` for a field of the count, the rejected field; otherwise empty.
    pub error: MeasurementError,
}

// SAFETY: `MeasurementError::reason` points to a static string that is never written; everything else is
// plain data.
unsafe impl Send for MeasurementError {}
unsafe impl Sync for MeasurementError {}

fn opt(value: Option<f64>) -> f64 {
    value.unwrap_or(f64::NAN)
}

fn mask(set: CellLineSet) -> u32 {
    u32::from(set.bits())
}

fn reading(r: &bc::Reading) -> ReadingRecord {
    ReadingRecord {
        cytopenia: r.cytopenia.into(),
        value: opt(r.value),
        presence: r.presence.into(),
        lower_limit: opt(r.lower_limit),
        reference: r.reference.map_or(0, |x: Reference| x as u32),
        severity: r.severity.map_or(0, |x| Severity::from(x) as u32),
        severity_scale: r.severity_scale.map_or(0, |x| SeverityScale::from(x) as u32),
        has_ctcae: r.ctcae.is_some(),
        ctcae: r.ctcae.map_or(CtcaeGrade::Grade0, CtcaeGrade::from),
    }
}

fn fit(f: &bc::DisorderFit, likelihood_ratios: &[(Disorder, f64)]) -> DisorderFitRecord {
    DisorderFitRecord {
        disorder: f.disorder,
        affected: mask(f.affected),
        matched: mask(f.matched),
        missed: mask(f.missed),
        unexpected: mask(f.unexpected),
        unknown: mask(f.unknown),
        score: opt(f.score),
        fit: f.fit,
        likelihood_ratio: likelihood_ratios
            .iter()
            .find(|(d, _)| *d == f.disorder)
            .map_or(1.0, |(_, lr)| *lr),
    }
}

const NO_ERROR: MeasurementError = MeasurementError {
    field: 0,
    value: f64::NAN,
    unit: 0,
    reason: core::ptr::null(),
};

/// A blood count the core or this crate refused: the error, and its description for `out->error`.
type Refusal = (Status, MeasurementError);

/// The refusal of an integer of one field that is not a value of its enum (`MKB_INVALID_ENUM`), described
/// as the core describes a rejected measurement: the field, the value as given, and why.
fn invalid_enum(field: bc::Field, value: f64, reason: &'static CStr) -> impl FnOnce(marrowkb::Error) -> Refusal {
    move |error| {
        let described = MeasurementError {
            field: field as u32,
            value,
            unit: 0,
            reason: reason.as_ptr(),
        };
        (error.into(), described)
    }
}

/// Describes a refused count through `out` (the rest of it reset to "nothing measured") and returns the
/// status.
///
/// # Safety
/// `out` is non-null and writable.
unsafe fn refuse(out: *mut InterpretationRecord, (status, error): Refusal) -> Result<(), Status> {
    // SAFETY: the caller's promise.
    unsafe { put(out, empty_interpretation(error)) };
    Err(status)
}

/// Converts the C struct into the core's builder calls (enum values are validated on the way).
fn build(input: &BloodCountInput) -> Result<BloodCount, Refusal> {
    let hb_unit = |m: &Measurement| {
        bc::HemoglobinUnit::from_discriminant(m.unit).map_err(invalid_enum(
            bc::Field::Hemoglobin,
            m.value,
            c"the unit is not an MkbHemoglobinUnit value",
        ))
    };
    let count_unit = |m: &Measurement, field: bc::Field| {
        bc::CountUnit::from_discriminant(m.unit).map_err(invalid_enum(
            field,
            m.value,
            c"the unit is not an MkbCountUnit value",
        ))
    };
    let mut b = BloodCount::builder();
    let m = &input.hemoglobin;
    if m.given {
        b = b.hemoglobin(m.value, hb_unit(m)?);
    }
    if input.mcv.given {
        b = b.mcv(input.mcv.value);
    }
    for (m, field, set) in [
        (
            &input.neutrophils,
            bc::Field::Neutrophils,
            bc::BloodCountBuilder::neutrophils as fn(_, _, _) -> _,
        ),
        (
            &input.lymphocytes,
            bc::Field::Lymphocytes,
            bc::BloodCountBuilder::lymphocytes,
        ),
        (&input.monocytes, bc::Field::Monocytes, bc::BloodCountBuilder::monocytes),
        (&input.platelets, bc::Field::Platelets, bc::BloodCountBuilder::platelets),
        (
            &input.reticulocytes,
            bc::Field::Reticulocytes,
            bc::BloodCountBuilder::reticulocytes,
        ),
    ] {
        if m.given {
            b = set(b, m.value, count_unit(m, field)?);
        }
    }
    for (m, set) in [
        (
            &input.reticulocyte_percent,
            bc::BloodCountBuilder::reticulocyte_percent as fn(_, _) -> _,
        ),
        (&input.red_cell_count, bc::BloodCountBuilder::red_cell_count),
        (&input.cellularity, bc::BloodCountBuilder::cellularity),
        (
            &input.residual_hematopoietic_cells,
            bc::BloodCountBuilder::residual_hematopoietic_cells,
        ),
    ] {
        if m.given {
            b = set(b, m.value);
        }
    }
    if input.age.given {
        let unit = bc::AgeUnit::from_discriminant(input.age.unit).map_err(invalid_enum(
            bc::Field::Age,
            input.age.value,
            c"the unit is not an MkbAgeUnit value",
        ))?;
        b = b.age(input.age.value, unit);
    }
    if input.sex != 0 {
        let sex = bc::Sex::from_discriminant(input.sex).map_err(invalid_enum(
            bc::Field::Sex,
            f64::from(input.sex),
            c"not an MkbPatientSex value (or 0 for not given)",
        ))?;
        b = b.sex(sex);
    }
    if input.pregnant {
        b = b.pregnant(true);
    }
    if input.hematocrit.given {
        b = b.hematocrit(input.hematocrit.value);
    }
    b.build().map_err(|error| (error.into(), measurement_error(&error)))
}

/// Interprets a blood count: which cell lines are low and how low by named standards, the pattern,
/// aplastic anaemia severity (when cellularity is given) and every disorder's fit.
///
/// `aplastic_criteria` is an `MkbAplasticCriteria`, or 0 for the default (Camitta/Bacigalupo). The
/// interpretation goes to `*out`; the disorders' fits, best first (score descending, undetermined last,
/// then by disorder), are copied into `fits` when it is not NULL, and their number is written to
/// `out->fits_len` (a buffer of `mkb_disorder_count()` fits is enough). Each fit carries the count's
/// likelihood ratio under its disorder, ready for `MkbDifferentialQuery.evidence`.
///
/// Returns `MKB_OK`; `MKB_INVALID_MEASUREMENT` or `MKB_INCONSISTENT_MEASUREMENTS` for a value the core
/// rejects (NaN, infinite, negative, impossible, or values that do not go together); `MKB_INVALID_ENUM`
/// for a unit or sex out of range; `MKB_INVALID_ARGUMENT` for a `bool` that is neither 0 nor 1. Each of
/// these names the field in `out->error`, with the value, unit and reason (the rest of `*out` is then
/// reset to "nothing measured"). `MKB_INVALID_ENUM` for `aplastic_criteria` out of range (an argument, not
/// a field of the count: `*out` is left untouched); `MKB_BUFFER_TOO_SMALL` when `fits` is not NULL and
/// `fits_cap` is below `out->fits_len` (the interpretation is still written, the fits are not);
/// `MKB_NULL_POINTER`.
///
/// # Safety
/// `count` must point to a readable `MkbBloodCount`, `out` to a writable `MkbInterpretation`; `fits` must
/// be NULL or valid for writes of `fits_cap` items.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_interpret_blood_count(
    count: *const BloodCountInput,
    aplastic_criteria: u32,
    out: *mut InterpretationRecord,
    fits: *mut DisorderFitRecord,
    fits_cap: usize,
) -> Status {
    ffi_boundary!(nonnull(count, out) {
        // SAFETY: checked non-null; the caller promises a valid struct. Read by copy: C may lay out
        // `bool` fields with any byte, so validate them as bytes first.
        let input = match unsafe { read_input(count) } {
            Ok(input) => input,
            // Every refused field is described through `out` (documented). SAFETY, here and below: `out`
            // was checked non-null and the caller promises it is writable.
            Err(refusal) => return unsafe { refuse(out, refusal) },
        };
        let criteria = match aplastic_criteria {
            0 => bc::AplasticCriteria::default(),
            value => bc::AplasticCriteria::from_discriminant(value)?,
        };
        let count = match build(&input) {
            Ok(count) => count,
            Err(refusal) => return unsafe { refuse(out, refusal) },
        };
        let i = count.interpret(bc::InterpretOptions { aplastic_criteria: criteria });
        let a = &i.aplastic_anemia;
        let record = InterpretationRecord {
            anemia: reading(&i.anemia),
            neutropenia: reading(&i.neutropenia),
            lymphopenia: reading(&i.lymphopenia),
            monocytopenia: reading(&i.monocytopenia),
            thrombocytopenia: reading(&i.thrombocytopenia),
            reticulocytopenia: reading(&i.reticulocytopenia),
            red_cell_size: RedCellSizeRecord {
                mcv: opt(i.red_cell_size.mcv),
                size: i.red_cell_size.size.map_or(0, |s| RedCellSize::from(s) as u32),
                lower_limit: opt(i.red_cell_size.lower_limit),
                upper_limit: opt(i.red_cell_size.upper_limit),
            },
            pattern: i.pattern.into(),
            decreased_lines: mask(i.decreased_lines),
            unknown_lines: mask(i.unknown_lines),
            aplastic_anemia: AplasticAssessmentRecord {
                criteria: a.criteria.into(),
                severity: a.severity.into(),
                marrow: a.marrow.into(),
                neutrophils: a.neutrophils.into(),
                platelets: a.platelets.into(),
                reticulocytes: a.reticulocytes.into(),
                reticulocytes_below: a.reticulocytes_below,
                counts_met: a.counts_met,
                counts: a.counts.into(),
                very_severe_neutrophils: a.very_severe_neutrophils.into(),
                corrected_reticulocyte_percent: opt(a.corrected_reticulocyte_percent),
                corrected_reticulocytes: a.corrected_reticulocytes.into(),
            },
            fits_len: Disorder::COUNT,
            error: NO_ERROR,
        };
        unsafe { put(out, record) };
        if fits.is_null() {
            return Ok(());
        }
        if fits_cap < Disorder::COUNT {
            return Err(Status::MkbBufferTooSmall);
        }
        let buffer = unsafe { array_mut(fits, fits_cap) }?;
        let likelihood_ratios = i.likelihood_ratios();
        for (slot, f) in buffer.iter_mut().zip(i.ranked_fits().iter()) {
            *slot = fit(f, &likelihood_ratios);
        }
        Ok(())
    })
}

/// Reads the caller's struct, rejecting `bool` bytes other than 0 and 1 (reading those as Rust `bool`
/// would be undefined behaviour) with the field they belong to.
///
/// # Safety
/// `count` is non-null and points to a readable `MkbBloodCount`.
unsafe fn read_input(count: *const BloodCountInput) -> Result<BloodCountInput, Refusal> {
    let base = count.cast::<u8>();
    let bool_at = |offset: usize, field: bc::Field, reason: &'static CStr| -> Result<(), Refusal> {
        // SAFETY: the offset is inside the struct.
        match unsafe { base.add(offset).read() } {
            0 | 1 => Ok(()),
            byte => Err((
                Status::MkbInvalidArgument,
                MeasurementError {
                    field: field as u32,
                    value: f64::from(byte),
                    unit: 0,
                    reason: reason.as_ptr(),
                },
            )),
        }
    };
    macro_rules! given {
        ($($field:ident: $variant:ident),+ $(,)?) => {
            $(bool_at(
                core::mem::offset_of!(BloodCountInput, $field) + core::mem::offset_of!(Measurement, given),
                bc::Field::$variant,
                c"`given` must be 0 or 1",
            )?;)+
        };
    }
    given!(
        hemoglobin: Hemoglobin,
        mcv: Mcv,
        neutrophils: Neutrophils,
        lymphocytes: Lymphocytes,
        monocytes: Monocytes,
        platelets: Platelets,
        reticulocytes: Reticulocytes,
        reticulocyte_percent: ReticulocytePercent,
        red_cell_count: RedCellCount,
        cellularity: Cellularity,
        residual_hematopoietic_cells: ResidualHematopoieticCells,
        age: Age,
        hematocrit: Hematocrit,
    );
    bool_at(
        core::mem::offset_of!(BloodCountInput, pregnant),
        bc::Field::Pregnant,
        c"`pregnant` must be 0 or 1",
    )?;
    // SAFETY: every bool byte is 0 or 1, the other fields are plain numbers valid for any bit pattern.
    Ok(unsafe { count.read_unaligned() })
}

fn empty_reading(cytopenia: Cytopenia) -> ReadingRecord {
    ReadingRecord {
        cytopenia,
        value: f64::NAN,
        presence: Presence::NotMeasured,
        lower_limit: f64::NAN,
        reference: 0,
        severity: 0,
        severity_scale: 0,
        has_ctcae: false,
        ctcae: CtcaeGrade::Grade0,
    }
}

fn empty_interpretation(error: MeasurementError) -> InterpretationRecord {
    InterpretationRecord {
        anemia: empty_reading(Cytopenia::Anemia),
        neutropenia: empty_reading(Cytopenia::Neutropenia),
        lymphopenia: empty_reading(Cytopenia::Lymphopenia),
        monocytopenia: empty_reading(Cytopenia::Monocytopenia),
        thrombocytopenia: empty_reading(Cytopenia::Thrombocytopenia),
        reticulocytopenia: empty_reading(Cytopenia::Reticulocytopenia),
        red_cell_size: RedCellSizeRecord {
            mcv: f64::NAN,
            size: 0,
            lower_limit: f64::NAN,
            upper_limit: f64::NAN,
        },
        pattern: Pattern::Undetermined,
        decreased_lines: 0,
        unknown_lines: 0,
        aplastic_anemia: AplasticAssessmentRecord {
            criteria: AplasticCriteria::CamittaBacigalupo,
            severity: AplasticSeverity::NotAssessed,
            marrow: Criterion::Unknown,
            neutrophils: Criterion::Unknown,
            platelets: Criterion::Unknown,
            reticulocytes: Criterion::Unknown,
            reticulocytes_below: f64::NAN,
            counts_met: 0,
            counts: Criterion::Unknown,
            very_severe_neutrophils: Criterion::Unknown,
            corrected_reticulocyte_percent: f64::NAN,
            corrected_reticulocytes: Criterion::Unknown,
        },
        fits_len: 0,
        error,
    }
}

/// The error details of a rejected blood count.
pub(crate) fn measurement_error(error: &marrowkb::Error) -> MeasurementError {
    match *error {
        marrowkb::Error::InvalidMeasurement { field, value, reason } => MeasurementError {
            field: field as u32,
            value: value.value(),
            unit: Unit::from(value.unit()) as u32,
            reason: intern(reason),
        },
        marrowkb::Error::InconsistentMeasurements { field, reason } => MeasurementError {
            field: field as u32,
            value: f64::NAN,
            unit: 0,
            reason: intern(reason),
        },
        _ => NO_ERROR,
    }
}
