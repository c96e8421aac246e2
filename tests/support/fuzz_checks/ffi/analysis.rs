//! The C functions over structs: `mkb_interpret_blood_count`, `mkb_differential`, the HPO term functions
//! and the unit functions, each compared with the core crate's answer for the same input.

use super::{Buffer, OutLen, SENTINEL, Text, c, compare, compare_list, expect, read_str, status_of};
use crate::fuzz_checks::blood_count::Num;
use arbitrary::Arbitrary;
use core::ffi::c_char;
use marrowkb::blood_count::{self as bc, BloodCount, BloodCountBuilder};
use marrowkb::classes::Onset;
use marrowkb::differential::{self as dx, TermInput};
use marrowkb::hpo::{self, Replacement, Resolved, Term};
use marrowkb::{Disorder, Error};
use marrowkb_ffi::{
    AbsenceMatchRecord, BloodCountInput, DifferentialOutput, DifferentialQuery, DisorderFitRecord,
    DisorderLikelihoodRatio, HpoTermRecord, InputReportRecord, InterpretationRecord, Measurement,
    MissingHallmarkRecord, RankedRecord, ReadingRecord, Status, TermInputRecord, TermMatchRecord,
};
use std::mem::{MaybeUninit, offset_of};

/// A C `bool` as raw memory: almost always 0 or 1, sometimes another byte (which the library must reject
/// rather than read as a Rust `bool`).
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum CBool {
    /// 0.
    No,
    /// 1.
    Yes,
    /// Any byte.
    Byte(u8),
}

impl CBool {
    fn byte(self) -> u8 {
        match self {
            CBool::No => 0,
            CBool::Yes => 1,
            CBool::Byte(b) => b,
        }
    }
}

/// An enum value from C: usually a small number (valid or just out of range), sometimes anything.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum CEnum {
    /// `n % 8`.
    Small(u8),
    /// Any `uint32_t`.
    Raw(u32),
}

impl CEnum {
    fn value(self) -> u32 {
        match self {
            CEnum::Small(n) => u32::from(n % 8),
            CEnum::Raw(n) => n,
        }
    }
}

/// An HPO id: any number, or a current term's (by index).
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum HpoArg {
    /// Any number.
    Raw(u32),
    /// The id of the current term with this index (modulo the term count).
    Term(u16),
}

impl HpoArg {
    fn id(self) -> u32 {
        match self {
            HpoArg::Raw(n) => n,
            HpoArg::Term(i) => Term::from_index(usize::from(i) % hpo::TERM_COUNT).map_or(0, |t| t.id().get()),
        }
    }
}

/// How an output buffer is passed, relative to what the call needs.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Cap {
    /// NULL (the part is not wanted).
    Null,
    /// Exactly the items needed.
    Exact,
    /// `k + 1` fewer than needed (at least 0).
    Short(u8),
    /// `k` more than needed.
    Extra(u8),
}

impl Cap {
    fn cap(self, needed: usize) -> (usize, bool) {
        match self {
            Cap::Null => (0, true),
            Cap::Exact => (needed, false),
            Cap::Short(k) => (needed.saturating_sub(usize::from(k) + 1), false),
            Cap::Extra(k) => (needed + usize::from(k % 8), false),
        }
    }
}

/// One measurement of an `MkbBloodCount`.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct CMeasurement {
    /// The `given` byte.
    pub given: CBool,
    /// The value.
    pub value: Num,
    /// The unit.
    pub unit: CEnum,
}

/// An `mkb_interpret_blood_count` call.
#[derive(Debug, Clone, Arbitrary)]
pub struct CBloodCount {
    /// The twelve measurements, in struct order.
    pub measurements: [CMeasurement; 12],
    /// `sex`.
    pub sex: CEnum,
    /// `pregnant`.
    pub pregnant: CBool,
    /// `aplastic_criteria`.
    pub criteria: CEnum,
    /// The fits buffer.
    pub fits: Cap,
    /// Pass NULL for `count`.
    pub null_count: bool,
    /// Pass NULL for `out`.
    pub null_out: bool,
}

/// One term of an `MkbDifferentialQuery`.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum CTerm<'a> {
    /// `text` (a NULL text means "use `id`", here 0).
    Text(Text<'a>),
    /// `id`.
    Id(HpoArg),
}

/// An `mkb_differential` call.
#[derive(Debug, Clone, Arbitrary)]
pub struct CDifferential<'a> {
    /// `observed`.
    pub observed: Vec<CTerm<'a>>,
    /// `excluded`.
    pub excluded: Vec<CTerm<'a>>,
    /// `evidence`: (disorder value, likelihood ratio).
    pub evidence: Vec<(CEnum, Num)>,
    /// `onset`.
    pub onset: CEnum,
    /// `onset_years_given`.
    pub onset_years_given: CBool,
    /// `onset_years`.
    pub onset_years: Num,
    /// `sex`.
    pub sex: CEnum,
    /// `strict`.
    pub strict: CBool,
    /// The five output buffers: ranking, inputs, matches, absences, missing.
    pub caps: [Cap; 5],
    /// Pass NULL for `query`.
    pub null_query: bool,
    /// Pass NULL for `out`.
    pub null_out: bool,
}

/// `mkb_hpo_term*`: the record must describe the term the core resolves to.
pub(super) fn check_hpo_term(how: u8, text: &Text<'_>, id: HpoArg, index: usize, null_out: bool) {
    let mut out = MaybeUninit::<HpoTermRecord>::uninit();
    // SAFETY: a sentinel id marks an unwritten record; the other fields are plain data, zeroed.
    unsafe {
        out.as_mut_ptr().write_bytes(0, 1);
        (&raw mut (*out.as_mut_ptr()).id).write(SENTINEL);
    }
    let p = if null_out {
        core::ptr::null_mut()
    } else {
        out.as_mut_ptr()
    };
    let t = super::CText::new(text);
    let (status, expected, what) = match how % 3 {
        // SAFETY: `p` is NULL or a writable record; the text as in `ffi`.
        0 => (
            unsafe { c::mkb_hpo_term(t.ptr(), t.len, p) },
            expect(&t, |s| hpo::resolve(s)),
            format!("mkb_hpo_term({text:?})"),
        ),
        1 => (
            // SAFETY: as above.
            unsafe { c::mkb_hpo_term_by_id(id.id(), p) },
            hpo::resolve(id.id()).map_err(|e| status_of(&e)),
            format!("mkb_hpo_term_by_id({})", id.id()),
        ),
        _ => (
            // SAFETY: as above.
            unsafe { c::mkb_hpo_term_at(index, p) },
            Term::from_index(index)
                .map(|term| Resolved {
                    term,
                    requested: term.id(),
                    replaced: None,
                })
                .ok_or(Status::MkbOutOfRange),
            format!("mkb_hpo_term_at({index})"),
        ),
    };
    if null_out {
        assert_eq!(status, Status::MkbNullPointer, "{what}");
        return;
    }
    // SAFETY: initialized above, possibly overwritten by the library with a valid record.
    let record = unsafe { out.assume_init() };
    match expected {
        Err(s) => {
            assert_eq!(status, s, "{what}");
            assert_eq!(record.id, SENTINEL, "{what}: written on failure");
        }
        Ok(r) => {
            assert_eq!(status, Status::MkbOk, "{what}");
            let term = r.term;
            assert_eq!(record.id, term.id().get(), "{what}");
            assert_eq!(record.requested, r.requested.get(), "{what}");
            let replaced = match r.replaced {
                None => 0,
                Some(Replacement::AltId) => 1,
                Some(_) => 2,
            };
            assert_eq!(record.replaced, replaced, "{what}");
            assert_eq!(record.index, term.index(), "{what}");
            assert_eq!(read_str(record.name, &what), term.name(), "{what}");
            assert_eq!(read_str(record.curie, &what), term.id().to_string(), "{what}");
            assert_eq!(
                record.phenotypic_abnormality,
                term.is_phenotypic_abnormality(),
                "{what}"
            );
            assert_eq!(record.parents_len, term.parents().len(), "{what}");
            assert_eq!(record.disease_count, term.disease_count(), "{what}");
            assert_eq!(record.disease_fraction, term.disease_fraction(), "{what}");
            assert_eq!(record.background_share, term.background_share(), "{what}");
            assert_eq!(record.information_content, term.information_content(), "{what}");
        }
    }
}

/// `mkb_hpo_parents`, `mkb_hpo_ancestors`.
pub(super) fn check_hpo_walk(ancestors: bool, id: HpoArg, cap: u8, null_buf: bool, null_len: bool) {
    let id = id.id();
    let mut buffer = Buffer::<u32>::new(usize::from(cap % 40), null_buf);
    let mut out_len = OutLen::new();
    // SAFETY: the buffer holds exactly `cap` numbers (or is NULL).
    let status = unsafe {
        if ancestors {
            c::mkb_hpo_ancestors(id, buffer.ptr(), buffer.cap, out_len.ptr(null_len))
        } else {
            c::mkb_hpo_parents(id, buffer.ptr(), buffer.cap, out_len.ptr(null_len))
        }
    };
    let expected = hpo::term(id).map_err(|e| status_of(&e)).map(|t| {
        if ancestors {
            t.ancestors().map(|a| a.id().get()).collect::<Vec<_>>()
        } else {
            t.parents().map(|a| a.id().get()).collect()
        }
    });
    let what = format!("mkb_hpo_{}({id})", if ancestors { "ancestors" } else { "parents" });
    compare_list(&what, status, out_len.0, &buffer, null_len, expected, |x: &u32| *x);
}

/// `mkb_hpo_is_a`.
pub(super) fn check_hpo_is_a(id: HpoArg, ancestor: HpoArg, null_out: bool) {
    let (id, ancestor) = (id.id(), ancestor.id());
    let mut out = 0xA5u8;
    let p: *mut bool = if null_out {
        core::ptr::null_mut()
    } else {
        (&raw mut out).cast()
    };
    // SAFETY: `p` is NULL or a writable byte.
    let status = unsafe { c::mkb_hpo_is_a(id, ancestor, p) };
    let what = format!("mkb_hpo_is_a({id}, {ancestor})");
    let expected = if null_out {
        Err(Status::MkbNullPointer)
    } else {
        hpo::term(id)
            .and_then(|t| Ok(t.is_a(hpo::term(ancestor)?)))
            .map(u8::from)
            .map_err(|e| status_of(&e))
    };
    match expected {
        Ok(v) => assert_eq!((status, out), (Status::MkbOk, v), "{what}"),
        Err(s) => assert_eq!((status, out), (s, 0xA5), "{what}: status, or written on failure"),
    }
}

/// `mkb_unit_symbol`, `mkb_unit_parse`.
pub(super) fn check_unit(vocabulary: CEnum, unit: CEnum, text: &Text<'_>, null_out: bool) {
    let vocabulary = match vocabulary {
        CEnum::Small(n) => 22 + u32::from(n % 8),
        CEnum::Raw(n) => n,
    };
    let unit = unit.value();
    let mut symbol: *const c_char = core::ptr::dangling();
    let p: *mut *const c_char = if null_out {
        core::ptr::null_mut()
    } else {
        &raw mut symbol
    };
    // SAFETY: `p` is NULL or writable.
    let status = unsafe { c::mkb_unit_symbol(vocabulary, unit, p) };
    let what = format!("mkb_unit_symbol({vocabulary}, {unit})");
    let expected = match vocabulary {
        24 => bc::HemoglobinUnit::from_discriminant(unit).map(bc::HemoglobinUnit::symbol),
        25 => bc::CountUnit::from_discriminant(unit).map(bc::CountUnit::symbol),
        26 => bc::AgeUnit::from_discriminant(unit).map(bc::AgeUnit::symbol),
        27 => bc::Unit::from_discriminant(unit).map(bc::Unit::symbol),
        _ => Err(Error::InvalidDiscriminant {
            entity: "vocabulary",
            value: vocabulary,
        }),
    };
    match (null_out, expected) {
        (true, _) => assert_eq!(status, Status::MkbNullPointer, "{what}"),
        (false, Ok(s)) => {
            assert_eq!(status, Status::MkbOk, "{what}");
            assert_eq!(read_str(symbol, &what), s, "{what}");
        }
        (false, Err(_)) => {
            assert_eq!(status, Status::MkbInvalidEnum, "{what}");
            assert_eq!(symbol, core::ptr::dangling(), "{what}: written on failure");
        }
    }

    let t = super::CText::new(text);
    let mut out = super::Slot::new();
    // SAFETY: as above.
    let status = unsafe { c::mkb_unit_parse(vocabulary, t.ptr(), t.len, out.ptr(null_out)) };
    let expected = if null_out {
        Err(Status::MkbNullPointer)
    } else {
        match &t.expected {
            Err(s) => Err(*s),
            Ok(s) => match vocabulary {
                24 => s
                    .parse::<bc::HemoglobinUnit>()
                    .map(|u| u as u32)
                    .map_err(|e| status_of(&e)),
                25 => s.parse::<bc::CountUnit>().map(|u| u as u32).map_err(|e| status_of(&e)),
                26 => s.parse::<bc::AgeUnit>().map(|u| u as u32).map_err(|e| status_of(&e)),
                27 => s.parse::<bc::Unit>().map(|u| u as u32).map_err(|e| status_of(&e)),
                _ => Err(Status::MkbInvalidEnum),
            },
        }
    };
    compare(
        &format!("mkb_unit_parse({vocabulary}, {text:?})"),
        status,
        out.0,
        expected,
        Some,
    );
}

/// The C struct for a blood count, laid out in memory with the `bool` bytes as given.
fn blood_count_struct(input: &CBloodCount) -> Box<MaybeUninit<BloodCountInput>> {
    let mut memory = Box::new(MaybeUninit::<BloodCountInput>::zeroed());
    let base = memory.as_mut_ptr().cast::<u8>();
    let offsets = measurement_offsets();
    for (m, offset) in input.measurements.iter().zip(offsets) {
        // SAFETY: every offset is a field of the struct, written with its own type (`given` as a byte).
        unsafe {
            base.add(offset + offset_of!(Measurement, given)).write(m.given.byte());
            base.add(offset + offset_of!(Measurement, value))
                .cast::<f64>()
                .write(m.value.value());
            base.add(offset + offset_of!(Measurement, unit))
                .cast::<u32>()
                .write(m.unit.value());
        }
    }
    // SAFETY: as above.
    unsafe {
        base.add(offset_of!(BloodCountInput, sex))
            .cast::<u32>()
            .write(input.sex.value());
        base.add(offset_of!(BloodCountInput, pregnant))
            .write(input.pregnant.byte());
    }
    memory
}

fn measurement_offsets() -> [usize; 12] {
    [
        offset_of!(BloodCountInput, hemoglobin),
        offset_of!(BloodCountInput, mcv),
        offset_of!(BloodCountInput, neutrophils),
        offset_of!(BloodCountInput, lymphocytes),
        offset_of!(BloodCountInput, monocytes),
        offset_of!(BloodCountInput, platelets),
        offset_of!(BloodCountInput, reticulocytes),
        offset_of!(BloodCountInput, reticulocyte_percent),
        offset_of!(BloodCountInput, red_cell_count),
        offset_of!(BloodCountInput, cellularity),
        offset_of!(BloodCountInput, residual_hematopoietic_cells),
        offset_of!(BloodCountInput, age),
    ]
}

/// A refusal before building: the status, and the field (`bc::Field` discriminant) and value the library
/// must name in `out->error`, or `None` when `*out` must stay untouched (the criteria argument).
type Refused = (Status, Option<(u32, f64)>);

/// What the library must make of the struct: the core builder it stands for, or the refusal that stops it
/// before building (documented: `MKB_INVALID_ARGUMENT` for a bad `bool`, `MKB_INVALID_ENUM` for a unit, sex
/// or criteria out of range, each but the criteria naming its field). The measurements are the fields
/// 1 to 12 in order, so measurement `i` is field `i + 1`.
fn blood_count_oracle(input: &CBloodCount) -> Result<(BloodCountBuilder, bc::AplasticCriteria), Refused> {
    let m = &input.measurements;
    if let Some(i) = m.iter().position(|x| x.given.byte() > 1) {
        let field = (i + 1) as u32;
        return Err((Status::MkbInvalidArgument, Some((field, f64::from(m[i].given.byte())))));
    }
    if input.pregnant.byte() > 1 {
        let field = bc::Field::Pregnant as u32;
        return Err((
            Status::MkbInvalidArgument,
            Some((field, f64::from(input.pregnant.byte()))),
        ));
    }
    let criteria = match input.criteria.value() {
        0 => bc::AplasticCriteria::default(),
        v => bc::AplasticCriteria::from_discriminant(v).map_err(|_| (Status::MkbInvalidEnum, None))?,
    };
    let given = |i: usize| m[i].given.byte() == 1;
    let value = |i: usize| m[i].value.value();
    let enum_err = |i: usize| move |_| (Status::MkbInvalidEnum, Some(((i + 1) as u32, m[i].value.value())));
    let mut b = BloodCount::builder();
    if given(0) {
        b = b.hemoglobin(
            value(0),
            bc::HemoglobinUnit::from_discriminant(m[0].unit.value()).map_err(enum_err(0))?,
        );
    }
    if given(1) {
        b = b.mcv(value(1));
    }
    for (i, x) in m.iter().enumerate().take(7).skip(2) {
        if x.given.byte() == 1 {
            let unit = bc::CountUnit::from_discriminant(x.unit.value()).map_err(enum_err(i))?;
            let v = x.value.value();
            b = match i {
                2 => b.neutrophils(v, unit),
                3 => b.lymphocytes(v, unit),
                4 => b.monocytes(v, unit),
                5 => b.platelets(v, unit),
                _ => b.reticulocytes(v, unit),
            };
        }
    }
    if given(7) {
        b = b.reticulocyte_percent(value(7));
    }
    if given(8) {
        b = b.red_cell_count(value(8));
    }
    if given(9) {
        b = b.cellularity(value(9));
    }
    if given(10) {
        b = b.residual_hematopoietic_cells(value(10));
    }
    if given(11) {
        b = b.age(
            value(11),
            bc::AgeUnit::from_discriminant(m[11].unit.value()).map_err(enum_err(11))?,
        );
    }
    match input.sex.value() {
        0 => {}
        s => {
            let refused = |_| (Status::MkbInvalidEnum, Some((bc::Field::Sex as u32, f64::from(s))));
            b = b.sex(bc::Sex::from_discriminant(s).map_err(refused)?);
        }
    }
    if input.pregnant.byte() == 1 {
        b = b.pregnant(true);
    }
    Ok((b, criteria))
}

fn nan_or(v: Option<f64>) -> u64 {
    v.unwrap_or(f64::NAN).to_bits()
}

fn check_reading(what: &str, c: &ReadingRecord, r: &bc::Reading) {
    assert_eq!(c.cytopenia as u32, r.cytopenia as u32, "{what}");
    assert_eq!(c.value.to_bits(), nan_or(r.value), "{what}: value");
    assert_eq!(c.presence as u32, r.presence as u32, "{what}: presence");
    assert_eq!(c.lower_limit.to_bits(), nan_or(r.lower_limit), "{what}: lower limit");
    assert_eq!(c.reference, r.reference.map_or(0, |x| x as u32), "{what}: reference");
    assert_eq!(c.severity, r.severity.map_or(0, |x| x as u32), "{what}: severity");
    assert_eq!(
        c.severity_scale,
        r.severity_scale.map_or(0, |x| x as u32),
        "{what}: scale"
    );
    assert_eq!(c.has_ctcae, r.ctcae.is_some(), "{what}: ctcae");
    if let Some(g) = r.ctcae {
        assert_eq!(c.ctcae as u32, g as u32, "{what}: ctcae");
    }
}

/// The caller's `MkbInterpretation`, filled with a byte pattern that marks it unwritten.
struct RecordOut(MaybeUninit<InterpretationRecord>);

impl RecordOut {
    fn new() -> Self {
        let mut out = MaybeUninit::<InterpretationRecord>::uninit();
        // SAFETY: a byte pattern marks an unwritten record (read only as bytes unless the library wrote it).
        unsafe { out.as_mut_ptr().write_bytes(0xA5, 1) };
        RecordOut(out)
    }

    fn untouched(&self) -> bool {
        // SAFETY: reading the record's own bytes.
        let bytes =
            unsafe { core::slice::from_raw_parts(self.0.as_ptr().cast::<u8>(), size_of::<InterpretationRecord>()) };
        bytes.iter().all(|&b| b == 0xA5)
    }

    /// The record, once the library has written it (the caller checks the status first).
    fn record(&self) -> InterpretationRecord {
        // SAFETY: read only once the library has written a record (checked by the status first).
        unsafe { self.0.assume_init_read() }
    }
}

/// `mkb_interpret_blood_count`.
pub(super) fn check_blood_count(input: &CBloodCount) {
    let memory = blood_count_struct(input);
    let mut out = RecordOut::new();
    let (fits_cap, fits_null) = input.fits.cap(Disorder::COUNT);
    let mut fits = Buffer::<DisorderFitRecord>::new(fits_cap, fits_null);
    let count_ptr: *const BloodCountInput = if input.null_count {
        core::ptr::null()
    } else {
        memory.as_ptr()
    };
    let out_ptr = if input.null_out {
        core::ptr::null_mut()
    } else {
        out.0.as_mut_ptr()
    };
    // SAFETY: the struct is fully initialized (its bools possibly not 0 or 1: the library reads them as
    // bytes); `out` is writable; the fits buffer holds exactly `fits_cap` records (or is NULL).
    let status =
        unsafe { c::mkb_interpret_blood_count(count_ptr, input.criteria.value(), out_ptr, fits.ptr(), fits.cap) };
    let what = format!("mkb_interpret_blood_count({input:?})");
    if input.null_count || input.null_out {
        assert_eq!(status, Status::MkbNullPointer, "{what}");
        assert!(
            out.untouched() && fits.untouched(),
            "{what}: written with a NULL argument"
        );
        return;
    }
    let (builder, criteria) = match blood_count_oracle(input) {
        Err((s, None)) => {
            assert_eq!(status, s, "{what}");
            assert!(out.untouched() && fits.untouched(), "{what}: written on {s:?}");
            return;
        }
        // A field of the count refused: named in `out->error`, the rest reset (documented). The
        // reproducers `fuzz/regressions/ffi/blood-count-out-written-on-invalid-enum*` hold this.
        Err((s, Some((field, value)))) => {
            assert_eq!(status, s, "{what}");
            assert!(!out.untouched() && fits.untouched(), "{what}: no error details written");
            let r = out.record();
            assert_eq!((r.error.field, r.error.unit), (field, 0), "{what}: error details");
            assert!(
                r.error.value.to_bits() == value.to_bits() || (r.error.value.is_nan() && value.is_nan()),
                "{what}: error value {} for {value}",
                r.error.value
            );
            assert!(!read_str(r.error.reason, &what).is_empty(), "{what}: reason");
            assert_eq!((r.fits_len, r.pattern as u32), (0, 0), "{what}: rest not reset");
            return;
        }
        Ok(b) => b,
    };
    match builder.build() {
        Err(e) => check_blood_count_error(&what, status, &out, &fits, e),
        Ok(count) => {
            let i = count.interpret(bc::InterpretOptions {
                aplastic_criteria: criteria,
            });
            let expected_status = if !fits_null && fits_cap < Disorder::COUNT {
                Status::MkbBufferTooSmall
            } else {
                Status::MkbOk
            };
            assert_eq!(status, expected_status, "{what}");
            check_interpretation_record(&what, &out.record(), &i);
            if expected_status != Status::MkbOk || fits_null {
                assert!(
                    fits.untouched(),
                    "{what}: fits written although not wanted or too small"
                );
                return;
            }
            check_fits(&what, &fits, &i);
        }
    }
}

/// A count the core refuses to build: its error named in `out->error`, the rest reset, no fit written.
fn check_blood_count_error(what: &str, status: Status, out: &RecordOut, fits: &Buffer<DisorderFitRecord>, e: Error) {
    assert_eq!(status, status_of(&e), "{what}: {e}");
    assert!(!out.untouched(), "{what}: no error details written");
    let r = out.record();
    let (field, value, unit, reason) = match e {
        Error::InvalidMeasurement { field, value, reason } => {
            (field as u32, value.value().to_bits(), value.unit() as u32, reason)
        }
        Error::InconsistentMeasurements { field, reason } => (field as u32, f64::NAN.to_bits(), 0, reason),
        other => panic!("{what}: build failed with {other:?}"),
    };
    let v = r.error.value.to_bits();
    assert_eq!((r.error.field, r.error.unit), (field, unit), "{what}: error details");
    assert!(
        v == value || (r.error.value.is_nan() && f64::from_bits(value).is_nan()),
        "{what}: error value"
    );
    assert_eq!(read_str(r.error.reason, what), reason, "{what}: reason");
    assert_eq!((r.fits_len, r.pattern as u32), (0, 0), "{what}: rest not reset");
    assert!(fits.untouched(), "{what}: fits written on failure");
}

/// The record of an interpreted count against the core's interpretation: readings, red cell size, pattern,
/// lines, aplastic anaemia grading, the fit count and no error.
fn check_interpretation_record(what: &str, r: &InterpretationRecord, i: &bc::Interpretation) {
    for (c, core) in [
        (&r.anemia, &i.anemia),
        (&r.neutropenia, &i.neutropenia),
        (&r.lymphopenia, &i.lymphopenia),
        (&r.monocytopenia, &i.monocytopenia),
        (&r.thrombocytopenia, &i.thrombocytopenia),
        (&r.reticulocytopenia, &i.reticulocytopenia),
    ] {
        check_reading(what, c, core);
    }
    let s = &i.red_cell_size;
    assert_eq!(r.red_cell_size.mcv.to_bits(), nan_or(s.mcv), "{what}");
    assert_eq!(r.red_cell_size.size, s.size.map_or(0, |x| x as u32), "{what}");
    assert_eq!(r.red_cell_size.lower_limit.to_bits(), nan_or(s.lower_limit), "{what}");
    assert_eq!(r.red_cell_size.upper_limit.to_bits(), nan_or(s.upper_limit), "{what}");
    assert_eq!(r.pattern as u32, i.pattern as u32, "{what}: pattern");
    assert_eq!(r.decreased_lines, u32::from(i.decreased_lines.bits()), "{what}");
    assert_eq!(r.unknown_lines, u32::from(i.unknown_lines.bits()), "{what}");
    let (a, ca) = (&r.aplastic_anemia, &i.aplastic_anemia);
    assert_eq!(
        (
            a.criteria as u32,
            a.severity as u32,
            a.marrow as u32,
            a.counts as u32,
            a.counts_met
        ),
        (
            ca.criteria as u32,
            ca.severity as u32,
            ca.marrow as u32,
            ca.counts as u32,
            ca.counts_met
        ),
        "{what}: aplastic anaemia"
    );
    assert_eq!(
        (
            a.neutrophils as u32,
            a.platelets as u32,
            a.reticulocytes as u32,
            a.very_severe_neutrophils as u32
        ),
        (
            ca.neutrophils as u32,
            ca.platelets as u32,
            ca.reticulocytes as u32,
            ca.very_severe_neutrophils as u32
        ),
        "{what}: aplastic anaemia criteria"
    );
    assert_eq!(a.reticulocytes_below, ca.reticulocytes_below, "{what}");
    assert_eq!(r.fits_len, Disorder::COUNT, "{what}");
    assert_eq!(
        (r.error.field, r.error.reason),
        (0, core::ptr::null()),
        "{what}: error on success"
    );
}

/// The fits `mkb_interpret_blood_count` wrote, in the core's ranking, and nothing past them.
fn check_fits(what: &str, fits: &Buffer<DisorderFitRecord>, i: &bc::Interpretation) {
    let lrs = i.likelihood_ratios();
    let got = fits.items(Disorder::COUNT);
    for (c, f) in got.iter().zip(i.ranked_fits().iter()) {
        assert_eq!(c.disorder, f.disorder, "{what}: fits order");
        assert_eq!(
            (c.affected, c.matched, c.missed, c.unexpected, c.unknown),
            (
                u32::from(f.affected.bits()),
                u32::from(f.matched.bits()),
                u32::from(f.missed.bits()),
                u32::from(f.unexpected.bits()),
                u32::from(f.unknown.bits())
            ),
            "{what}: {:?}",
            f.disorder
        );
        assert_eq!(c.score.to_bits(), nan_or(f.score), "{what}: score");
        assert_eq!(c.fit as u32, f.fit as u32, "{what}: fit");
        let lr = lrs.iter().find(|(d, _)| *d == f.disorder).map(|(_, lr)| *lr);
        assert_eq!(Some(c.likelihood_ratio), lr, "{what}: likelihood ratio");
    }
    let base: *const u8 = fits.words.as_ptr().cast();
    let used = Disorder::COUNT * size_of::<DisorderFitRecord>();
    // SAFETY: the rest of the caller's buffer.
    let tail = unsafe { core::slice::from_raw_parts(base.add(used), fits.cap * size_of::<DisorderFitRecord>() - used) };
    assert!(tail.iter().all(|&b| b == 0xA5), "{what}: fits written past the count");
}

/// A term of the C query laid out in memory: its text buffer (kept alive) and the record.
struct CTermMemory {
    _text: Option<super::CText>,
    record: TermInputRecord,
    /// What the core is asked: the decoded text, the number, or the status the library must return.
    input: Result<Result<String, u32>, Status>,
}

fn c_term(term: &CTerm<'_>) -> CTermMemory {
    match term {
        CTerm::Text(text) => {
            let t = super::CText::new(text);
            if t.ptr().is_null() {
                // NULL text: the id (0) is used.
                let record = TermInputRecord {
                    text: core::ptr::null(),
                    len: t.len,
                    id: 0,
                };
                return CTermMemory {
                    _text: Some(t),
                    record,
                    input: Ok(Err(0)),
                };
            }
            let record = TermInputRecord {
                text: t.ptr(),
                len: t.len,
                id: SENTINEL,
            };
            let input = t.expected.clone().map(Ok);
            CTermMemory {
                _text: Some(t),
                record,
                input,
            }
        }
        CTerm::Id(id) => CTermMemory {
            _text: None,
            record: TermInputRecord {
                text: core::ptr::null(),
                len: 0,
                id: id.id(),
            },
            input: Ok(Err(id.id())),
        },
    }
}

/// What `mkb_differential` must do before running the core: the query, or the status that stops it.
struct DxPlan<'s> {
    observed: Vec<TermInput<'s>>,
    excluded: Vec<TermInput<'s>>,
    evidence: Vec<(Disorder, f64)>,
    onset: Option<dx::AgeOfOnset>,
    sex: Option<dx::Sex>,
    strict: bool,
}

fn dx_inputs(terms: &[CTermMemory]) -> Result<Vec<TermInput<'_>>, Status> {
    terms
        .iter()
        .map(|t| match &t.input {
            Err(s) => Err(*s),
            Ok(Ok(text)) => Ok(TermInput::Text(text.as_str())),
            Ok(Err(id)) => Ok(TermInput::from(*id)),
        })
        .collect()
}

fn dx_plan<'s>(
    input: &CDifferential<'_>,
    observed: &'s [CTermMemory],
    excluded: &'s [CTermMemory],
) -> Result<DxPlan<'s>, Status> {
    if input.strict.byte() > 1 || input.onset_years_given.byte() > 1 {
        return Err(Status::MkbInvalidArgument);
    }
    let observed = dx_inputs(observed)?;
    let excluded = dx_inputs(excluded)?;
    let evidence = input
        .evidence
        .iter()
        .take(super::MAX_OPS)
        .map(|(d, lr)| {
            Disorder::from_discriminant(d.value())
                .map(|d| (d, lr.value()))
                .map_err(|_| Status::MkbInvalidEnum)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let onset = match (input.onset.value(), input.onset_years_given.byte() == 1) {
        (0, false) => None,
        (0, true) => Some(dx::AgeOfOnset::Years(input.onset_years.value())),
        (class, false) => Some(dx::AgeOfOnset::Class(
            Onset::from_discriminant(class).map_err(|_| Status::MkbInvalidEnum)?,
        )),
        (_, true) => return Err(Status::MkbInvalidArgument),
    };
    let sex = match input.sex.value() {
        0 => None,
        1 => Some(dx::Sex::Female),
        2 => Some(dx::Sex::Male),
        _ => return Err(Status::MkbInvalidEnum),
    };
    Ok(DxPlan {
        observed,
        excluded,
        evidence,
        onset,
        sex,
        strict: input.strict.byte() == 1,
    })
}

/// The C query laid out in memory: the terms and evidence arrays (kept alive) and the struct pointing at them.
struct CQueryMemory {
    observed: Vec<CTermMemory>,
    excluded: Vec<CTermMemory>,
    _observed_records: Vec<TermInputRecord>,
    _excluded_records: Vec<TermInputRecord>,
    _evidence_records: Vec<DisorderLikelihoodRatio>,
    query: Box<MaybeUninit<DifferentialQuery>>,
}

fn c_query(input: &CDifferential<'_>) -> CQueryMemory {
    let observed: Vec<CTermMemory> = input.observed.iter().take(super::MAX_OPS).map(c_term).collect();
    let excluded: Vec<CTermMemory> = input.excluded.iter().take(super::MAX_OPS).map(c_term).collect();
    let observed_records: Vec<TermInputRecord> = observed.iter().map(|t| t.record).collect();
    let excluded_records: Vec<TermInputRecord> = excluded.iter().map(|t| t.record).collect();
    let evidence_records: Vec<DisorderLikelihoodRatio> = input
        .evidence
        .iter()
        .take(super::MAX_OPS)
        .map(|(d, lr)| DisorderLikelihoodRatio {
            disorder: d.value(),
            likelihood_ratio: lr.value(),
        })
        .collect();
    let mut query = Box::new(MaybeUninit::<DifferentialQuery>::zeroed());
    let q = query.as_mut_ptr();
    // SAFETY: writing each field of the zeroed struct with its own type, the bools as bytes.
    unsafe {
        (&raw mut (*q).observed).write(observed_records.as_ptr());
        (&raw mut (*q).observed_len).write(observed_records.len());
        (&raw mut (*q).excluded).write(excluded_records.as_ptr());
        (&raw mut (*q).excluded_len).write(excluded_records.len());
        (&raw mut (*q).onset).write(input.onset.value());
        (&raw mut (*q).onset_years_given)
            .cast::<u8>()
            .write(input.onset_years_given.byte());
        (&raw mut (*q).onset_years).write(input.onset_years.value());
        (&raw mut (*q).sex).write(input.sex.value());
        (&raw mut (*q).evidence).write(evidence_records.as_ptr());
        (&raw mut (*q).evidence_len).write(evidence_records.len());
        (&raw mut (*q).strict).cast::<u8>().write(input.strict.byte());
    }
    // The arrays live on the heap: moving the vectors into the struct keeps the pointers valid.
    CQueryMemory {
        observed,
        excluded,
        _observed_records: observed_records,
        _excluded_records: excluded_records,
        _evidence_records: evidence_records,
        query,
    }
}

/// What the core answers for the C query (or the status that stops the library before it).
fn dx_result(input: &CDifferential<'_>, memory: &CQueryMemory) -> Result<dx::Differential, Status> {
    let plan = dx_plan(input, &memory.observed, &memory.excluded)?;
    let mut query = dx::Query::new(&plan.observed)
        .excluding(&plan.excluded)
        .evidence(&plan.evidence)
        .strict(plan.strict);
    query.onset = plan.onset;
    query.sex = plan.sex;
    query.run().map_err(|e| status_of(&e))
}

/// The five output buffers of `mkb_differential`, each allocated at its capacity (or NULL).
struct DxBuffers {
    /// The (capacity, NULL) of each buffer, in the order of `DifferentialOutput`.
    caps: Vec<(usize, bool)>,
    ranking: Buffer<RankedRecord>,
    inputs: Buffer<InputReportRecord>,
    matches: Buffer<TermMatchRecord>,
    absences: Buffer<AbsenceMatchRecord>,
    missing: Buffer<MissingHallmarkRecord>,
}

impl DxBuffers {
    fn new(input: &CDifferential<'_>, needed: [usize; 5]) -> Self {
        let caps: Vec<(usize, bool)> = input.caps.iter().zip(needed).map(|(c, n)| c.cap(n)).collect();
        DxBuffers {
            ranking: Buffer::new(caps[0].0, caps[0].1),
            inputs: Buffer::new(caps[1].0, caps[1].1),
            matches: Buffer::new(caps[2].0, caps[2].1),
            absences: Buffer::new(caps[3].0, caps[3].1),
            missing: Buffer::new(caps[4].0, caps[4].1),
            caps,
        }
    }

    /// The output struct pointing at the buffers, every length and enum a sentinel.
    fn output(&mut self) -> DifferentialOutput {
        let caps = &self.caps;
        let null_or = |null: bool, p: *mut u8| if null { core::ptr::null_mut() } else { p };
        DifferentialOutput {
            ranking: null_or(caps[0].1, self.ranking.ptr().cast()).cast(),
            ranking_cap: caps[0].0,
            ranking_len: SENTINEL as usize,
            inputs: null_or(caps[1].1, self.inputs.ptr().cast()).cast(),
            inputs_cap: caps[1].0,
            inputs_len: SENTINEL as usize,
            matches: null_or(caps[2].1, self.matches.ptr().cast()).cast(),
            matches_cap: caps[2].0,
            matches_len: SENTINEL as usize,
            absences: null_or(caps[3].1, self.absences.ptr().cast()).cast(),
            absences_cap: caps[3].0,
            absences_len: SENTINEL as usize,
            missing: null_or(caps[4].1, self.missing.ptr().cast()).cast(),
            missing_cap: caps[4].0,
            missing_len: SENTINEL as usize,
            onset: SENTINEL,
            sex: SENTINEL,
        }
    }

    fn untouched(&self) -> bool {
        self.ranking.untouched()
            && self.inputs.untouched()
            && self.matches.untouched()
            && self.absences.untouched()
            && self.missing.untouched()
    }
}

/// The number of items each output buffer must receive (on a refusal: what sizes the buffers).
fn dx_needed(result: &Result<dx::Differential, Status>, terms: usize) -> [usize; 5] {
    match result {
        Ok(r) => [
            r.ranking.len(),
            r.inputs.len(),
            Disorder::COUNT * r.observed.len(),
            Disorder::COUNT * r.excluded.len(),
            Disorder::ALL.iter().map(|d| r.missing(*d).len()).sum(),
        ],
        Err(_) => [Disorder::COUNT, terms, 0, 0, 0],
    }
}

/// `mkb_differential`.
pub(super) fn check_differential(input: &CDifferential<'_>) {
    let memory = c_query(input);
    // The core's answer first, to size the buffers relative to it.
    let result = dx_result(input, &memory);
    let needed = dx_needed(&result, memory.observed.len() + memory.excluded.len());
    let mut buffers = DxBuffers::new(input, needed);
    let mut out = buffers.output();
    let before = out;
    let query_ptr: *const DifferentialQuery = if input.null_query {
        core::ptr::null()
    } else {
        memory.query.as_ptr()
    };
    let out_ptr: *mut DifferentialOutput = if input.null_out {
        core::ptr::null_mut()
    } else {
        &raw mut out
    };
    // SAFETY: the query's arrays hold their lengths, each text is valid as `ffi` lays it out, the buffers
    // hold exactly their capacities (or are NULL).
    let status = unsafe { c::mkb_differential(query_ptr, out_ptr) };
    let what = format!("mkb_differential({input:?})");
    if input.null_query || input.null_out {
        assert_eq!(status, Status::MkbNullPointer, "{what}");
        assert!(out == before, "{what}: out written with a NULL argument");
        return;
    }
    let r = match result {
        Err(s) => {
            assert_eq!(status, s, "{what}");
            assert!(out == before, "{what}: out written on {s:?}");
            assert!(buffers.untouched(), "{what}: written on {s:?}");
            return;
        }
        Ok(r) => r,
    };
    let lens = [
        out.ranking_len,
        out.inputs_len,
        out.matches_len,
        out.absences_len,
        out.missing_len,
    ];
    assert_eq!(lens, needed, "{what}: lengths");
    assert_eq!(out.onset, r.onset.map_or(0, |o| o as u32), "{what}: onset");
    assert_eq!(out.sex, r.sex.map_or(0, |s| s as u32), "{what}: sex");
    let too_small = buffers
        .caps
        .iter()
        .zip(needed)
        .any(|(&(cap, null), n)| !null && cap < n);
    if too_small {
        assert_eq!(status, Status::MkbBufferTooSmall, "{what}");
        assert!(buffers.untouched(), "{what}: written although too small");
        return;
    }
    assert_eq!(status, Status::MkbOk, "{what}");
    check_dx_ranking(&what, &r, &buffers, needed);
    check_dx_findings(&what, &r, &buffers, needed);
}

/// The ranking and the input reports `mkb_differential` wrote, against the core's.
fn check_dx_ranking(what: &str, r: &dx::Differential, buffers: &DxBuffers, needed: [usize; 5]) {
    let caps = &buffers.caps;
    if !caps[0].1 {
        for (c, x) in buffers.ranking.items(needed[0]).iter().zip(&r.ranking) {
            assert_eq!((c.rank as usize, c.disorder), (x.rank, x.disorder), "{what}: ranking");
            let parts = [c.score, c.posterior, c.phenotype, c.absent, c.onset, c.sex, c.evidence].map(f64::to_bits);
            let core = [x.score, x.posterior, x.phenotype, x.absent, x.onset, x.sex, x.evidence].map(f64::to_bits);
            assert_eq!(parts, core, "{what}: {:?} scores", x.disorder);
        }
    }
    if !caps[1].1 {
        for (c, x) in buffers.inputs.items(needed[1]).iter().zip(&r.inputs) {
            assert_eq!((c.excluded, c.position), (x.excluded, x.position), "{what}: inputs");
            assert_eq!(c.requested, x.requested.map_or(0, |id| id.get()), "{what}: requested");
            assert_eq!(c.term, x.term.map_or(0, |t| t.id().get()), "{what}: term");
            assert_eq!(c.status as u32, x.status as u32, "{what}: status");
            assert_eq!(
                c.error,
                x.error.map_or(Status::MkbOk, |e| status_of(&e)),
                "{what}: error"
            );
        }
    }
}

/// The matched findings, matched absences and missing hallmarks `mkb_differential` wrote, disorder by disorder
/// in ranking order, against the core's.
fn check_dx_findings(what: &str, r: &dx::Differential, buffers: &DxBuffers, needed: [usize; 5]) {
    let caps = &buffers.caps;
    let order: Vec<Disorder> = r.ranking.iter().map(|x| x.disorder).collect();
    if !caps[2].1 {
        let core: Vec<(Disorder, u32, u32, u64)> = order
            .iter()
            .flat_map(|&d| {
                r.matches(d)
                    .iter()
                    .map(move |m| (d, m.term.id().get(), m.kind as u32, m.log10_lr().to_bits()))
            })
            .collect();
        let got: Vec<(Disorder, u32, u32, u64)> = buffers
            .matches
            .items(needed[2])
            .iter()
            .map(|m| (m.disorder, m.term, m.kind as u32, m.log10_lr.to_bits()))
            .collect();
        assert_eq!(got, core, "{what}: matches");
    }
    if !caps[3].1 {
        let core: Vec<(Disorder, u32, u32, u64)> = order
            .iter()
            .flat_map(|&d| {
                r.absences(d)
                    .iter()
                    .map(move |a| (d, a.term.id().get(), a.kind as u32, a.log10_lr().to_bits()))
            })
            .collect();
        let got: Vec<(Disorder, u32, u32, u64)> = buffers
            .absences
            .items(needed[3])
            .iter()
            .map(|a| (a.disorder, a.term, a.kind as u32, a.log10_lr.to_bits()))
            .collect();
        assert_eq!(got, core, "{what}: absences");
    }
    if !caps[4].1 {
        let core: Vec<(Disorder, u32, u64)> = order
            .iter()
            .flat_map(|&d| {
                r.missing(d)
                    .iter()
                    .map(move |m| (d, m.feature.id().get(), m.frequency.to_bits()))
            })
            .collect();
        let got: Vec<(Disorder, u32, u64)> = buffers
            .missing
            .items(needed[4])
            .iter()
            .map(|m| (m.disorder, m.feature, m.frequency.to_bits()))
            .collect();
        assert_eq!(got, core, "{what}: missing hallmarks");
    }
}
