//! The phenotype-driven differential (`marrowkb::differential`) over caller-owned buffers.

use crate::blood_count::PatientSex;
use crate::boundary::{Status, array, array_mut, ffi_boundary, input, long_input, put};
use crate::classes::Onset;
use crate::strings::intern;
use core::ffi::c_char;
use marrowkb::Disorder;
use marrowkb::classes::Onset as CoreOnset;
use marrowkb::differential::{self as dx, AbsenceKind, InputStatus, MatchKind, TermInput};

/// One input term of a differential: an HPO id as text, or as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct TermInputRecord {
    /// The finding as text: an id (`"HP:0001873"`, `"0001873"`, `"HP_0001873"`), a symptom key or name, or an HPO
    /// label or synonym (`"low platelet count"`), as `mkb_hpo_find` reads it; or NULL to use `id`.
    pub text: *const c_char,
    /// Bytes of `text`, or `MKB_NUL_TERMINATED`.
    pub len: usize,
    /// The HPO term number (1873), used when `text` is NULL. A symptom's term is its record's `hpo[0]`.
    pub id: u32,
}

/// A per-disorder likelihood ratio to multiply into a differential (e.g. from a blood count).
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct DisorderLikelihoodRatio {
    /// The disorder (`MkbDisorder` value).
    pub disorder: u32,
    /// The likelihood ratio: finite and above 0 (others fail the call with `MKB_INVALID_ARGUMENT`).
    pub likelihood_ratio: f64,
}

/// A differential's input. Zero-initialize it and set what you have.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct DifferentialQuery {
    /// Findings the patient has.
    pub observed: *const TermInputRecord,
    /// Number of items in `observed`.
    pub observed_len: usize,
    /// Findings the patient was examined for and does not have.
    pub excluded: *const TermInputRecord,
    /// Number of items in `excluded`.
    pub excluded_len: usize,
    /// The onset class (`MkbOnset`), or 0 when not given.
    pub onset: u32,
    /// Whether `onset_years` is given (instead of `onset`; giving both is `MKB_INVALID_ARGUMENT`).
    pub onset_years_given: bool,
    /// Age at onset in years (0 = at birth), when `onset_years_given`.
    pub onset_years: f64,
    /// The patient's sex (`MkbPatientSex`), or 0 when not given.
    pub sex: u32,
    /// Extra per-disorder likelihood ratios (multiplied in).
    pub evidence: *const DisorderLikelihoodRatio,
    /// Number of items in `evidence`.
    pub evidence_len: usize,
    /// Fail on the first term that cannot be used (malformed, unknown or obsolete) instead of reporting it in
    /// the inputs.
    pub strict: bool,
}

/// One disorder's place in the ranking, its score and the score's parts (log10 likelihood ratios that add
/// up to `score`).
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct RankedRecord {
    /// 1 for the best.
    pub rank: u32,
    /// The disorder.
    pub disorder: Disorder,
    /// Total log10 likelihood ratio against a background of all diseases HPO annotates.
    pub score: f64,
    /// Posterior probability under a uniform prior over the disorders (sums to 1 over the ranking).
    pub posterior: f64,
    /// log10 LR of the observed findings.
    pub phenotype: f64,
    /// log10 LR of the findings the patient does not have.
    pub absent: f64,
    /// log10 LR of the blood hallmarks no finding covers.
    pub hallmarks: f64,
    /// log10 of the mean likelihood over a group disorder's subtypes relative to `subtype`'s (≤ 0).
    pub subtypes: f64,
    /// The ORPHA/OMIM CURIE of the subtype that best explains the findings (static, NUL-terminated), or NULL
    /// for a disorder scored as a whole.
    pub subtype: *const c_char,
    /// log10 LR of the age of onset (0 when not given).
    pub onset: f64,
    /// log10 LR of the patient's sex (0 when not given or not informative).
    pub sex: f64,
    /// log10 of the caller's extra likelihood ratios.
    pub evidence: f64,
}

/// What became of one input term.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct InputReportRecord {
    /// Whether the input came from the excluded list.
    pub excluded: bool,
    /// Its position in that list, from 0.
    pub position: usize,
    /// The id as parsed; 0 when malformed.
    pub requested: u32,
    /// The current term it stands for; 0 when there is none.
    pub term: u32,
    /// What became of it.
    pub status: InputStatus,
    /// Why it could not be used (`MKB_MALFORMED_ID`, `MKB_NOT_FOUND`, `MKB_OBSOLETE_ID`), or `MKB_OK`.
    pub error: Status,
}

/// How one observed finding scores for one disorder.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct TermMatchRecord {
    /// The disorder.
    pub disorder: Disorder,
    /// The patient's finding (HPO term number).
    pub term: u32,
    /// How it relates to the disorder.
    pub kind: MatchKind,
    /// The disorder's feature it was matched to (for related, the feature under the common ancestor; for
    /// contradicted, the excluded term); 0 when none.
    pub feature: u32,
    /// The term whose frequency was used; 0 when none.
    pub via: u32,
    /// The disorder's (implied) frequency of `via` (0 when unexplained or contradicted).
    pub frequency: f64,
    /// The finding's contribution to the score: log10 of its likelihood ratio.
    pub log10_lr: f64,
}

/// How one excluded finding scores for one disorder.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct AbsenceMatchRecord {
    /// The disorder.
    pub disorder: Disorder,
    /// The finding the patient does not have (HPO term number).
    pub term: u32,
    /// How its absence bears on the disorder.
    pub kind: AbsenceKind,
    /// The disorder's feature that makes the absence count, or the excluded term; 0 when none.
    pub feature: u32,
    /// The probability that a patient with the disorder has the finding.
    pub frequency: f64,
    /// Contribution to the score: log10 of the likelihood ratio of the absence.
    pub log10_lr: f64,
}

/// A hallmark of a disorder (at least 80 % frequent) that no finding covers: scored when it is a blood
/// finding (a case report states those), listed only otherwise (`log10_lr` 0).
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct MissingHallmarkRecord {
    /// The disorder.
    pub disorder: Disorder,
    /// The disorder's feature (HPO term number).
    pub feature: u32,
    /// Its frequency in the disorder.
    pub frequency: f64,
    /// Its contribution to the score: log10 of its likelihood ratio (0 when not scored).
    pub log10_lr: f64,
}

/// Where a differential's results go: caller-owned buffers with their capacities. Any buffer may be NULL
/// (that part is not wanted). Every `*_len` is written with the number of items the result has, whether or
/// not the buffer was given or was large enough.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct DifferentialOutput {
    /// Every disorder, best first. `mkb_disorder_count()` items.
    pub ranking: *mut RankedRecord,
    /// Capacity of `ranking`.
    pub ranking_cap: usize,
    /// Number of ranking entries.
    pub ranking_len: usize,
    /// The fate of every input: observed first, then excluded, each in input order.
    pub inputs: *mut InputReportRecord,
    /// Capacity of `inputs`.
    pub inputs_cap: usize,
    /// Number of input reports (`observed_len + excluded_len`).
    pub inputs_len: usize,
    /// How each observed term scores for each disorder: grouped by disorder in ranking order, then by term
    /// number. At most `mkb_disorder_count() * observed_len` items.
    pub matches: *mut TermMatchRecord,
    /// Capacity of `matches`.
    pub matches_cap: usize,
    /// Number of matches.
    pub matches_len: usize,
    /// How each excluded term scores for each disorder, grouped as `matches`.
    pub absences: *mut AbsenceMatchRecord,
    /// Capacity of `absences`.
    pub absences_cap: usize,
    /// Number of absences.
    pub absences_len: usize,
    /// Each disorder's hallmarks that no finding covers, grouped by disorder in ranking order.
    pub missing: *mut MissingHallmarkRecord,
    /// Capacity of `missing`.
    pub missing_cap: usize,
    /// Number of missing hallmarks.
    pub missing_len: usize,
    /// The onset class used (`MkbOnset`), 0 when none.
    pub onset: u32,
    /// The sex used (`MkbPatientSex`), 0 when none.
    pub sex: u32,
}

fn hpo_number(term: Option<marrowkb::hpo::Term>) -> u32 {
    term.map_or(0, |t| t.id().get())
}

/// Reads a C `bool` without assuming it is 0 or 1.
///
/// # Safety
/// `ptr` points to a readable byte.
unsafe fn read_bool(ptr: *const bool) -> Result<bool, Status> {
    // SAFETY: the caller's promise.
    match unsafe { ptr.cast::<u8>().read() } {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(Status::MkbInvalidArgument),
    }
}

/// Converts the C term inputs (boundary errors such as invalid UTF-8 fail the call).
///
/// # Safety
/// `items` as for `array`; each non-NULL `text` valid as for `input`.
unsafe fn term_inputs<'a>(items: *const TermInputRecord, n: usize) -> Result<Vec<TermInput<'a>>, Status> {
    let items = unsafe { array(items, n) }?;
    items
        .iter()
        .map(|item| {
            Ok(if item.text.is_null() {
                TermInput::from(item.id)
            } else {
                TermInput::Text(unsafe { input(item.text, item.len) }?)
            })
        })
        .collect()
}

/// Copies `items` into an optional caller buffer (nothing when it is NULL); the caller checked the
/// capacity.
///
/// # Safety
/// `buffer` NULL or valid for `cap` writes.
unsafe fn fill<T>(items: impl Iterator<Item = T>, buffer: *mut T, cap: usize) -> Result<(), Status> {
    if buffer.is_null() {
        return Ok(());
    }
    let buffer = unsafe { array_mut(buffer, cap) }?;
    for (slot, item) in buffer.iter_mut().zip(items) {
        *slot = item;
    }
    Ok(())
}

/// Ranks the disorders for a patient's findings (HPO terms observed and excluded, optional age of onset,
/// sex and extra likelihood ratios) and copies the ranking and its explanation into the caller's buffers
/// in `*out` (see `MkbDifferentialOutput`). The model is the core's (`marrowkb::differential`): a
/// likelihood ratio per finding against a background of all annotated diseases, posteriors under a uniform
/// prior. Order of input terms does not change any number.
///
/// Without `strict`, unusable terms are reported in `out->inputs` and ignored; with `strict`, the first one
/// fails the call (`MKB_MALFORMED_ID`, `MKB_NOT_FOUND`, `MKB_OBSOLETE_ID`). An invalid age of onset (negative,
/// not finite, over 130 years) or likelihood ratio (not finite and above 0) always fails the call with
/// `MKB_INVALID_ARGUMENT`.
///
/// Returns `MKB_OK`; `MKB_BUFFER_TOO_SMALL` when a non-NULL buffer is smaller than its part (every `*_len`
/// holds the needed count; no buffer is written); `MKB_INVALID_ENUM` for an out-of-range `onset`, `sex` or
/// evidence disorder; `MKB_INVALID_ARGUMENT` when both `onset` and `onset_years` are given or a `bool`
/// holds neither 0 nor 1; text statuses for a term's text (`MKB_INVALID_UTF8`, `MKB_TOO_LONG`);
/// `MKB_NULL_POINTER`. This computes the result on the heap inside the core and frees it before returning.
///
/// # Safety
/// `query` must point to a readable `MkbDifferentialQuery` whose arrays are valid for their lengths (each
/// term's `text` NULL or valid as for `mkb_lookup`); `out` must point to a writable
/// `MkbDifferentialOutput` whose non-NULL buffers are valid for writes of their capacities.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_differential(query: *const DifferentialQuery, out: *mut DifferentialOutput) -> Status {
    ffi_boundary!(nonnull(query, out) {
        let strict = unsafe { read_bool(&raw const (*query).strict) }?;
        let onset_years_given = unsafe { read_bool(&raw const (*query).onset_years_given) }?;
        // SAFETY: both bools are valid, the rest is plain data.
        let q = unsafe { query.read() };
        let observed = unsafe { term_inputs(q.observed, q.observed_len) }?;
        let excluded = unsafe { term_inputs(q.excluded, q.excluded_len) }?;
        let evidence = unsafe { array(q.evidence, q.evidence_len) }?
            .iter()
            .map(|e| Ok((Disorder::from_discriminant(e.disorder)?, e.likelihood_ratio)))
            .collect::<Result<Vec<_>, Status>>()?;
        let mut query = dx::Query::new(&observed).excluding(&excluded).evidence(&evidence).strict(strict);
        match (q.onset, onset_years_given) {
            (0, false) => {}
            (0, true) => query = query.age_of_onset_years(q.onset_years),
            (class, false) => query = query.onset(CoreOnset::from_discriminant(class)?),
            (_, true) => return Err(Status::MkbInvalidArgument),
        }
        if q.sex != 0 {
            query = query.sex(match PatientSex::from(marrowkb::blood_count::Sex::from_discriminant(q.sex)?) {
                PatientSex::Female => dx::Sex::Female,
                PatientSex::Male => dx::Sex::Male,
            });
        }
        let result = query.run()?;
        unsafe { write_result(&result, out) }
    })
}

/// Ranks the disorders for one GA4GH phenopacket (Phenopacket Schema v2 JSON, `len` bytes, or
/// `MKB_NUL_TERMINATED`): its observed and excluded features, onset, sex and blood-count measurements, as
/// `marrowkb::phenopacket` reads them. The diagnosis and interpretations are never read for the phenotype;
/// with `genes`, the interpreted genes are added as genotype evidence. Writes the result into `*out` exactly
/// as `mkb_differential` does.
///
/// Returns `MKB_OK`; `MKB_INVALID_PHENOPACKET` when the text is not JSON, not schema v2, has no phenotypic
/// features or a malformed field (`mkb_phenopacket_error` is not needed: the core names the field in its
/// message, which `marrowkb --phenopacket` prints); `MKB_TOO_LONG` over 4 MiB; `MKB_INVALID_UTF8`; with
/// `strict`, the first unusable HPO id's status; `MKB_INVALID_ARGUMENT` for an impossible age or a `bool`
/// holding neither 0 nor 1; `MKB_BUFFER_TOO_SMALL` as for `mkb_differential`; `MKB_NULL_POINTER`.
///
/// # Safety
/// `json` must be valid for reads of `len` bytes (or NUL-terminated within 4 MiB + 1 bytes when `len` is
/// `MKB_NUL_TERMINATED`); `out` as for `mkb_differential`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_differential_phenopacket(
    json: *const c_char,
    len: usize,
    genes: bool,
    strict: bool,
    out: *mut DifferentialOutput,
) -> Status {
    ffi_boundary!(nonnull(json, out) {
        let genes = unsafe { read_bool(&raw const genes) }?;
        let strict = unsafe { read_bool(&raw const strict) }?;
        let text = unsafe { long_input(json, len, marrowkb::phenopacket::MAX_PHENOPACKET_BYTES) }?;
        let packet = marrowkb::phenopacket::Phenopacket::parse(text)?;
        let result = packet.query(genes, strict)?;
        unsafe { write_result(&result, out) }
    })
}

/// Genotype evidence: the likelihood ratio of a causative variant in the gene `symbol` (HGNC, any case;
/// `len` bytes or `MKB_NUL_TERMINATED`) under each disorder, as `mkb_disorder_count()` entries in disorder
/// order, ready for `MkbDifferentialQuery.evidence` (the core's `gene_likelihood_ratios`).
///
/// Returns `MKB_OK` with `*out_len` = the number of entries; `MKB_BUFFER_TOO_SMALL` when `cap` is smaller
/// (the needed number in `*out_len`, nothing written); `MKB_NOT_FOUND` for a gene no disorder is linked to;
/// the text statuses (`MKB_EMPTY`, `MKB_TOO_LONG`, `MKB_INVALID_UTF8`); `MKB_NULL_POINTER`.
///
/// # Safety
/// `symbol` valid as for `mkb_lookup`; `out` valid for writes of `cap` items; `out_len` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_gene_likelihood_ratios(
    symbol: *const c_char,
    len: usize,
    out: *mut DisorderLikelihoodRatio,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    ffi_boundary!(nonnull(symbol, out, out_len) {
        let lrs = dx::gene_likelihood_ratios(unsafe { input(symbol, len) }?)?;
        unsafe { put(out_len, lrs.len()) };
        if cap < lrs.len() {
            return Err(Status::MkbBufferTooSmall);
        }
        let items = lrs.iter().map(|&(d, lr)| DisorderLikelihoodRatio {
            disorder: d.discriminant(),
            likelihood_ratio: lr,
        });
        unsafe { fill(items, out, cap) }
    })
}

/// Copies a differential's result into the caller's buffers (see `MkbDifferentialOutput`).
///
/// # Safety
/// `out` non-NULL, pointing to a writable `MkbDifferentialOutput` whose non-NULL buffers are valid for
/// writes of their capacities.
unsafe fn write_result(result: &dx::Differential, out: *mut DifferentialOutput) -> Result<(), Status> {
    let ranking = || {
        result.ranking.iter().map(|r| RankedRecord {
            rank: u32::try_from(r.rank).unwrap_or(u32::MAX),
            disorder: r.disorder,
            score: r.score,
            posterior: r.posterior,
            phenotype: r.phenotype,
            absent: r.absent,
            hallmarks: r.hallmarks,
            subtypes: r.subtypes,
            subtype: r.subtype.map_or(core::ptr::null(), intern),
            onset: r.onset,
            sex: r.sex,
            evidence: r.evidence,
        })
    };
    let inputs = || {
        result.inputs.iter().map(|r| InputReportRecord {
            excluded: r.excluded,
            position: r.position,
            requested: r.requested.map_or(0, |id| id.get()),
            term: hpo_number(r.term),
            status: r.status,
            error: r.error.map_or(Status::MkbOk, Status::from),
        })
    };
    let order = || result.ranking.iter().map(|r| r.disorder);
    let matches = || {
        order().flat_map(|d| {
            result.matches(d).iter().map(move |m| TermMatchRecord {
                disorder: d,
                term: m.term.id().get(),
                kind: m.kind,
                feature: hpo_number(m.feature),
                via: hpo_number(m.via),
                frequency: m.frequency,
                log10_lr: m.log10_lr(),
            })
        })
    };
    let absences = || {
        order().flat_map(|d| {
            result.absences(d).iter().map(move |a| AbsenceMatchRecord {
                disorder: d,
                term: a.term.id().get(),
                kind: a.kind,
                feature: hpo_number(a.feature),
                frequency: a.frequency,
                log10_lr: a.log10_lr(),
            })
        })
    };
    let missing = || {
        order().flat_map(|d| {
            result.missing(d).iter().map(move |m| MissingHallmarkRecord {
                disorder: d,
                feature: m.feature.id().get(),
                frequency: m.frequency,
                log10_lr: m.likelihood_ratio.log10(),
            })
        })
    };

    // SAFETY: checked non-null; read and written by copy so no reference to C memory is held.
    let mut o = unsafe { out.read() };
    o.onset = result.onset.map_or(0, |c| Onset::from(c) as u32);
    o.sex = result.sex.map_or(0, |s| s as u32);
    o.ranking_len = result.ranking.len();
    o.inputs_len = result.inputs.len();
    o.matches_len = order().map(|d| result.matches(d).len()).sum();
    o.absences_len = order().map(|d| result.absences(d).len()).sum();
    o.missing_len = order().map(|d| result.missing(d).len()).sum();
    // Check every buffer first, so that nothing is copied when any is too small.
    let too_small = [
        (o.ranking.is_null(), o.ranking_cap, o.ranking_len),
        (o.inputs.is_null(), o.inputs_cap, o.inputs_len),
        (o.matches.is_null(), o.matches_cap, o.matches_len),
        (o.absences.is_null(), o.absences_cap, o.absences_len),
        (o.missing.is_null(), o.missing_cap, o.missing_len),
    ]
    .iter()
    .any(|&(null, cap, len)| !null && cap < len);
    unsafe { put(out, o) };
    if too_small {
        return Err(Status::MkbBufferTooSmall);
    }
    unsafe {
        fill(ranking(), o.ranking, o.ranking_cap)?;
        fill(inputs(), o.inputs, o.inputs_cap)?;
        fill(matches(), o.matches, o.matches_cap)?;
        fill(absences(), o.absences, o.absences_cap)?;
        fill(missing(), o.missing, o.missing_cap)?;
    }
    Ok(())
}

/// The `MatchKind` values and keys (the core enum is `non_exhaustive`: keep in step with it).
pub(crate) const MATCH_KINDS: [(u32, &str); 6] = {
    const ALL: [MatchKind; 6] = [
        MatchKind::Exact,
        MatchKind::Broader,
        MatchKind::Narrower,
        MatchKind::Related,
        MatchKind::Unexplained,
        MatchKind::Contradicted,
    ];
    let mut pairs = [(0, ""); 6];
    let mut i = 0;
    while i < ALL.len() {
        pairs[i] = (ALL[i] as u32, ALL[i].key());
        i += 1;
    }
    pairs
};

/// The `AbsenceKind` values and keys.
pub(crate) const ABSENCE_KINDS: [(u32, &str); 3] = {
    const ALL: [AbsenceKind; 3] = [AbsenceKind::Against, AbsenceKind::Consistent, AbsenceKind::Neutral];
    let mut pairs = [(0, ""); 3];
    let mut i = 0;
    while i < ALL.len() {
        pairs[i] = (ALL[i] as u32, ALL[i].key());
        i += 1;
    }
    pairs
};

/// The `InputStatus` values and keys.
pub(crate) const INPUT_STATUSES: [(u32, &str); 9] = {
    const ALL: [InputStatus; 9] = [
        InputStatus::Used,
        InputStatus::Replaced,
        InputStatus::Duplicate,
        InputStatus::Conflict,
        InputStatus::NotPhenotype,
        InputStatus::Obsolete,
        InputStatus::Unknown,
        InputStatus::Malformed,
        InputStatus::Implied,
    ];
    let mut pairs = [(0, ""); 9];
    let mut i = 0;
    while i < ALL.len() {
        pairs[i] = (ALL[i] as u32, ALL[i].key());
        i += 1;
    }
    pairs
};
