//! C views of the core's records: `#[repr(C)]` structs of NUL-terminated strings, pointer + length
//! arrays and enum values, built once on first use and kept for the life of the process.
//!
//! These are conversions only: every field is copied (or pointed to) from the core's `'static` record of
//! the same name. Structs are only ever handed to C by pointer, so new fields can be appended without
//! breaking callers; C must never allocate or copy-construct them expecting a fixed size.

use crate::classes::{BodySystem, CellLine, Frequency, IcdMatch, Inheritance, Onset, Origin, RelationKind};
use crate::classes::{TreatmentRole, XrefMatch};
use crate::interner::{Interner, leak_cstr, leak_slice};
use core::ffi::{CStr, c_char};
use marrowkb::{Cause, DiagnosticTest, Disorder, Gene, Source, Symptom, Treatment};
use std::sync::OnceLock;

/// An ORPHA or OMIM cross-reference of a disorder.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct XrefRecord {
    /// The number (84 for `ORPHA:84`, 227650 for `OMIM:227650`).
    pub id: u32,
    /// The CURIE, e.g. `"ORPHA:84"`.
    pub curie: *const c_char,
    /// The entry's name as HPO release 2025-01-16 gives it.
    pub name: *const c_char,
    /// Whether the entry is this disorder, one form of it, or only the closest entry.
    pub match_kind: XrefMatch,
    /// Why the entry is only the closest, or why names differ; NULL when there is nothing to say.
    pub note: *const c_char,
}

/// A WHO ICD-10 2019 code of a disorder.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct Icd10Record {
    /// The dotted code, e.g. `"D61.0"`.
    pub code: *const c_char,
    /// Its WHO title.
    pub title: *const c_char,
    /// Exact, or the nearest parent category.
    pub match_kind: IcdMatch,
    /// Why this code was chosen; NULL when there is nothing to say.
    pub note: *const c_char,
}

/// A causal gene. Its position in `mkb_gene_at` order is not stable across releases: store the symbol
/// or the NCBI Gene id.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct GeneRecord {
    /// HGNC symbol, e.g. `"RPS19"`.
    pub symbol: *const c_char,
    /// NCBI Gene id, e.g. 6223.
    pub ncbi_gene_id: u32,
    /// Disorders the gene answers for, in discriminant order: those HPO links it to and their groups (see
    /// `mkb_gene_links`).
    pub disorders: *const Disorder,
    /// Number of items in `disorders`.
    pub disorders_len: usize,
}

/// A clinical feature of a disorder with how often it occurs.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct FeatureRecord {
    /// The feature.
    pub symptom: Symptom,
    /// HPO frequency class (the curated one where it overrides HPO's).
    pub frequency: Frequency,
    /// Where the frequency comes from.
    pub source: Source,
    /// Whether `frequency` overrides HPO 2025-01-16 (then `hpo_frequency` is HPO's class).
    pub has_hpo_frequency: bool,
    /// HPO's class when `has_hpo_frequency`; otherwise the same as `frequency`.
    pub hpo_frequency: Frequency,
    /// Why the frequency was chosen (the cited figure for an override), or NULL.
    pub note: *const c_char,
}

/// A treatment used for a disorder and what it does there.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct TreatmentUseRecord {
    /// The treatment.
    pub treatment: Treatment,
    /// Supportive, disease-modifying or curative for this disorder.
    pub role: TreatmentRole,
    /// Where this comes from.
    pub source: Source,
}

/// A relation from one disorder to another.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct RelationRecord {
    /// How the disorders relate.
    pub kind: RelationKind,
    /// The other disorder.
    pub target: Disorder,
    /// Where this comes from.
    pub source: Source,
}

/// A long-term risk (cancer or other) of a disorder.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct RiskRecord {
    /// The condition at risk.
    pub name: *const c_char,
    /// Its HPO term number, 0 when none fits.
    pub hpo: u32,
    /// Its HPO term as a CURIE (`"HP:0004808"`); NULL when none fits.
    pub hpo_curie: *const c_char,
    /// Where this comes from.
    pub source: Source,
}

/// Everything marrowkb knows about one disorder. Every string is NUL-terminated UTF-8 owned by the
/// library; every `x`/`x_len` pair is an array in static memory (`x` may be any non-NULL pointer when
/// `x_len` is 0).
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct DisorderRecord {
    /// The enum value.
    pub disorder: Disorder,
    /// Stable discriminant (equal to `disorder`).
    pub id: u32,
    /// Stable snake_case key, e.g. `"fanconi_anemia"`.
    pub key: *const c_char,
    /// Display name.
    pub name: *const c_char,
    /// Other names people write.
    pub synonyms: *const *const c_char,
    /// Number of items in `synonyms`.
    pub synonyms_len: usize,
    /// Abbreviations (FA, DBA…).
    pub abbreviations: *const *const c_char,
    /// Number of items in `abbreviations`.
    pub abbreviations_len: usize,
    /// The patient-education article's description, unchanged.
    pub description: *const c_char,
    /// A further plain-language summary; NULL when the article says enough.
    pub summary: *const c_char,
    /// Inherited, acquired, both, or constitutional (genetic, not inherited).
    pub origin: Origin,
    /// Whether it is a neoplasm (myelodysplastic syndrome and its childhood form).
    pub neoplasm: bool,
    /// Affected blood cell lines.
    pub cell_lines: *const CellLine,
    /// Number of items in `cell_lines`.
    pub cell_lines_len: usize,
    /// Modes of inheritance.
    pub inheritance: *const Inheritance,
    /// Number of items in `inheritance`.
    pub inheritance_len: usize,
    /// Typical ages of onset.
    pub onset: *const Onset,
    /// Number of items in `onset`.
    pub onset_len: usize,
    /// Relations to other disorders.
    pub relations: *const RelationRecord,
    /// Number of items in `relations`.
    pub relations_len: usize,
    /// Orphanet entries.
    pub orpha: *const XrefRecord,
    /// Number of items in `orpha`.
    pub orpha_len: usize,
    /// OMIM entries (every subtype of heterogeneous disorders).
    pub omim: *const XrefRecord,
    /// Number of items in `omim`.
    pub omim_len: usize,
    /// WHO ICD-10 2019 codes.
    pub icd10: *const Icd10Record,
    /// Number of items in `icd10`.
    pub icd10_len: usize,
    /// Causal genes.
    pub genes: *const GeneRecord,
    /// Number of items in `genes`.
    pub genes_len: usize,
    /// Clinical features with frequencies.
    pub features: *const FeatureRecord,
    /// Number of items in `features`.
    pub features_len: usize,
    /// Treatments with their role.
    pub treatments: *const TreatmentUseRecord,
    /// Number of items in `treatments`.
    pub treatments_len: usize,
    /// Diagnostic tests.
    pub tests: *const DiagnosticTest,
    /// Number of items in `tests`.
    pub tests_len: usize,
    /// Causes (from the article's list).
    pub causes: *const Cause,
    /// Number of items in `causes`.
    pub causes_len: usize,
    /// Long-term risks.
    pub risks: *const RiskRecord,
    /// Number of items in `risks`.
    pub risks_len: usize,
    /// Sources of the record as a whole.
    pub sources: *const Source,
    /// Number of items in `sources`.
    pub sources_len: usize,
}

/// Everything known about one symptom or clinical feature.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct SymptomRecord {
    /// The enum value.
    pub symptom: Symptom,
    /// Stable discriminant (equal to `symptom`).
    pub id: u32,
    /// Stable snake_case key.
    pub key: *const c_char,
    /// Clinical name (the HPO label where one fits).
    pub name: *const c_char,
    /// Plain-language name for patients.
    pub plain: *const c_char,
    /// HPO term numbers (1873 for `HP:0001873`); the first is the primary one.
    pub hpo: *const u32,
    /// The same HPO terms as CURIEs (`"HP:0001873"`), in the same order.
    pub hpo_curies: *const *const c_char,
    /// Number of items in `hpo` and in `hpo_curies`.
    pub hpo_len: usize,
    /// Body system.
    pub system: BodySystem,
    /// The article's own words; NULL when the article does not name this symptom.
    pub article: *const c_char,
    /// Disorders with this feature (reverse map), in discriminant order.
    pub disorders: *const Disorder,
    /// Number of items in `disorders`.
    pub disorders_len: usize,
}

/// Everything known about one treatment.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct TreatmentRecord {
    /// The enum value.
    pub treatment: Treatment,
    /// Stable discriminant (equal to `treatment`).
    pub id: u32,
    /// Stable snake_case key.
    pub key: *const c_char,
    /// Name.
    pub name: *const c_char,
    /// Plain-language explanation.
    pub description: *const c_char,
    /// Usual role; a disorder's `MkbTreatmentUseRecord` can say otherwise.
    pub kind: TreatmentRole,
    /// Whether the article names it.
    pub article: bool,
    /// Where the description comes from.
    pub source: Source,
    /// Disorders it is used for (reverse map), in discriminant order.
    pub disorders: *const Disorder,
    /// Number of items in `disorders`.
    pub disorders_len: usize,
}

/// Everything known about one cause of bone marrow failure.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct CauseRecord {
    /// The enum value.
    pub cause: Cause,
    /// Stable discriminant (equal to `cause`).
    pub id: u32,
    /// Stable snake_case key.
    pub key: *const c_char,
    /// Name.
    pub name: *const c_char,
    /// The article's wording.
    pub description: *const c_char,
    /// Where it comes from.
    pub source: Source,
    /// Disorders with this cause (reverse map), in discriminant order.
    pub disorders: *const Disorder,
    /// Number of items in `disorders`.
    pub disorders_len: usize,
}

/// Everything known about one diagnostic test.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct DiagnosticTestRecord {
    /// The enum value.
    pub test: DiagnosticTest,
    /// Stable discriminant (equal to `test`).
    pub id: u32,
    /// Stable snake_case key.
    pub key: *const c_char,
    /// Name.
    pub name: *const c_char,
    /// Plain-language explanation.
    pub description: *const c_char,
    /// Whether the article names it.
    pub article: bool,
    /// Where the description comes from.
    pub source: Source,
    /// Disorders it helps diagnose (reverse map), in discriminant order.
    pub disorders: *const Disorder,
    /// Number of items in `disorders`.
    pub disorders_len: usize,
}

/// A cited source.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub struct SourceRecord {
    /// The enum value.
    pub source: Source,
    /// Stable discriminant (equal to `source`).
    pub id: u32,
    /// Stable key (what data files cite).
    pub key: *const c_char,
    /// Short name.
    pub name: *const c_char,
    /// Full title.
    pub title: *const c_char,
    /// Publisher or author.
    pub publisher: *const c_char,
    /// Year of publication or release; 0 when unknown.
    pub year: u16,
    /// Address; NULL when none is known to be right.
    pub url: *const c_char,
    /// Licence of the data; NULL when it does not matter.
    pub licence: *const c_char,
}

// SAFETY: the records hold only pointers to immutable data that is leaked for the life of the process
// (interned strings and leaked slices, or the core's `'static` tables); nothing is ever written through
// them, so sharing and sending them between threads is sound.
macro_rules! shareable {
    ($($ty:ty),+) => {
        $(
            unsafe impl Send for $ty {}
            unsafe impl Sync for $ty {}
        )+
    };
}
shareable!(
    XrefRecord,
    Icd10Record,
    GeneRecord,
    FeatureRecord,
    TreatmentUseRecord,
    RelationRecord,
    RiskRecord,
    DisorderRecord,
    SymptomRecord,
    TreatmentRecord,
    CauseRecord,
    DiagnosticTestRecord,
    SourceRecord
);

/// Records of one entity in `ALL` order, with a discriminant → position index.
pub(crate) struct Indexed<R: 'static> {
    /// The records, in the order of the core's `ALL`.
    pub(crate) records: &'static [R],
    /// `by_discriminant[d]` is the position + 1 of the value with discriminant `d`, 0 for none.
    by_discriminant: Vec<u32>,
}

impl<R> Indexed<R> {
    /// The record of each value of `all` (a core enum's `ALL`), indexed by `discriminant`.
    fn from_all<E: Copy>(all: &[E], discriminant: fn(E) -> u32, record: impl FnMut(E) -> R) -> Self {
        Self::new(
            all.iter().copied().map(record).collect(),
            all.iter().map(|&e| discriminant(e)),
        )
    }

    fn new(records: Vec<R>, discriminants: impl Iterator<Item = u32>) -> Self {
        let mut by_discriminant = Vec::new();
        for (position, d) in discriminants.enumerate() {
            let d = d as usize;
            if by_discriminant.len() <= d {
                by_discriminant.resize(d + 1, 0);
            }
            by_discriminant[d] = u32::try_from(position + 1).unwrap_or(0);
        }
        Self {
            records: leak_slice(records),
            by_discriminant,
        }
    }

    /// The record of the value with this discriminant.
    pub(crate) fn get(&self, discriminant: u32) -> Option<&'static R> {
        let position = *self.by_discriminant.get(discriminant as usize)?;
        self.records.get((position as usize).checked_sub(1)?)
    }
}

/// Every C record, built once.
pub(crate) struct Tables {
    /// NUL-terminated copies of every string, sorted by content.
    pub(crate) strings: Vec<(&'static str, &'static CStr)>,
    pub(crate) disorders: Indexed<DisorderRecord>,
    pub(crate) symptoms: Indexed<SymptomRecord>,
    pub(crate) treatments: Indexed<TreatmentRecord>,
    pub(crate) causes: Indexed<CauseRecord>,
    pub(crate) diagnostic_tests: Indexed<DiagnosticTestRecord>,
    pub(crate) sources: Indexed<SourceRecord>,
    /// Gene records in `Gene::all()` order (by symbol).
    pub(crate) genes: &'static [GeneRecord],
    /// The gene handles in the same order: `Gene::all()` is ascending, so a handle's record is found by
    /// binary search.
    gene_handles: Vec<Gene>,
    /// `marrowkb::DATA_VERSION`.
    pub(crate) data_version: &'static CStr,
}

impl Tables {
    /// The C record of a gene.
    pub(crate) fn gene(&self, gene: Gene) -> Option<&'static GeneRecord> {
        let position = self.gene_handles.binary_search(&gene).ok()?;
        self.genes.get(position)
    }
}

/// The tables, built on first use (thread-safe; later calls are a load).
pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

fn ptr<T>(items: &'static [T]) -> *const T {
    items.as_ptr()
}

/// A pointer to an array of the core's enum values viewed as the mirror enum (same `repr(u32)` and,
/// checked at compile time in `crate::classes`, the same discriminants).
fn mirrored<C, M: From<C>>(items: &'static [C]) -> *const M {
    const { assert!(core::mem::size_of::<C>() == core::mem::size_of::<M>()) };
    items.as_ptr().cast()
}

fn build() -> Tables {
    let mut s = Interner::default();
    let (genes, gene_handles) = gene_records(&mut s);
    let gene_record = |gene: &Gene| -> Option<GeneRecord> {
        let position = gene_handles.binary_search(gene).ok()?;
        genes.get(position).copied()
    };
    let disorders = Indexed::from_all(&Disorder::ALL, Disorder::discriminant, |d| {
        disorder_record(&mut s, d, &gene_record)
    });
    let symptoms = symptom_records(&mut s);
    let treatments = treatment_records(&mut s);
    let causes = cause_records(&mut s);
    let diagnostic_tests = diagnostic_test_records(&mut s);
    let sources = source_records(&mut s);
    vocabulary_keys(&mut s);
    let data_version = leak_cstr(marrowkb::DATA_VERSION);
    Tables {
        strings: s.into_sorted(),
        disorders,
        symptoms,
        treatments,
        causes,
        diagnostic_tests,
        sources,
        genes,
        gene_handles,
        data_version,
    }
}

/// Gene records in `Gene::all()` order, and the gene handles in the same order.
fn gene_records(s: &mut Interner) -> (&'static [GeneRecord], Vec<Gene>) {
    let mut genes = Vec::new();
    let mut gene_handles = Vec::new();
    for gene in Gene::all() {
        let info = gene.info();
        genes.push(GeneRecord {
            symbol: s.get(info.symbol),
            ncbi_gene_id: info.ncbi_gene_id,
            disorders: ptr(info.disorders),
            disorders_len: info.disorders.len(),
        });
        gene_handles.push(gene);
    }
    (leak_slice(genes), gene_handles)
}

/// The C record of one disorder: its lists are built by the functions below it.
fn disorder_record(s: &mut Interner, d: Disorder, gene_record: &dyn Fn(&Gene) -> Option<GeneRecord>) -> DisorderRecord {
    let info = d.info();
    let orpha = xref_records(
        s,
        info.orpha
            .iter()
            .map(|x| (x.id.get(), x.id.to_string(), x.name, x.match_kind, x.note)),
    );
    let omim = xref_records(
        s,
        info.omim
            .iter()
            .map(|x| (x.id.get(), x.id.to_string(), x.name, x.match_kind, x.note)),
    );
    let icd10 = icd10_records(s, info.icd10);
    let gene_list = leak_slice(info.genes.iter().filter_map(gene_record).collect());
    let features = feature_records(s, info.features);
    let treatments = leak_slice(
        info.treatments
            .iter()
            .map(|t| TreatmentUseRecord {
                treatment: t.treatment,
                role: t.role.into(),
                source: t.source,
            })
            .collect(),
    );
    let relations = leak_slice(
        info.relations
            .iter()
            .map(|r| RelationRecord {
                kind: r.kind.into(),
                target: r.target,
                source: r.source,
            })
            .collect(),
    );
    let risks = risk_records(s, info.risks);
    let synonyms = s.list(info.synonyms);
    let abbreviations = s.list(info.abbreviations);
    DisorderRecord {
        disorder: d,
        id: info.id,
        key: s.get(info.key),
        name: s.get(info.name),
        synonyms: ptr(synonyms),
        synonyms_len: synonyms.len(),
        abbreviations: ptr(abbreviations),
        abbreviations_len: abbreviations.len(),
        description: s.get(info.description),
        summary: s.opt(info.summary),
        origin: info.origin.into(),
        neoplasm: info.neoplasm,
        cell_lines: mirrored(info.cell_lines),
        cell_lines_len: info.cell_lines.len(),
        inheritance: mirrored(info.inheritance),
        inheritance_len: info.inheritance.len(),
        onset: mirrored(info.onset),
        onset_len: info.onset.len(),
        relations: ptr(relations),
        relations_len: relations.len(),
        orpha: ptr(orpha),
        orpha_len: orpha.len(),
        omim: ptr(omim),
        omim_len: omim.len(),
        icd10: ptr(icd10),
        icd10_len: icd10.len(),
        genes: ptr(gene_list),
        genes_len: gene_list.len(),
        features: ptr(features),
        features_len: features.len(),
        treatments: ptr(treatments),
        treatments_len: treatments.len(),
        tests: ptr(info.tests),
        tests_len: info.tests.len(),
        causes: ptr(info.causes),
        causes_len: info.causes.len(),
        risks: ptr(risks),
        risks_len: risks.len(),
        sources: ptr(info.sources),
        sources_len: info.sources.len(),
    }
}

/// ORPHA or OMIM cross-references: `(number, CURIE, name, match, note)` each.
fn xref_records(
    s: &mut Interner,
    items: impl Iterator<
        Item = (
            u32,
            String,
            &'static str,
            marrowkb::classes::XrefMatch,
            Option<&'static str>,
        ),
    >,
) -> &'static [XrefRecord] {
    leak_slice(
        items
            .map(|(id, curie, name, m, note)| XrefRecord {
                id,
                curie: leak_cstr(&curie).as_ptr(),
                name: s.get(name),
                match_kind: m.into(),
                note: s.opt(note),
            })
            .collect(),
    )
}

fn icd10_records(s: &mut Interner, links: &'static [marrowkb::disorder::Icd10Xref]) -> &'static [Icd10Record] {
    leak_slice(
        links
            .iter()
            .map(|x| Icd10Record {
                code: s.get(x.code_str()),
                title: s.get(x.title),
                match_kind: x.match_kind.into(),
                note: s.opt(x.note),
            })
            .collect(),
    )
}

fn feature_records(s: &mut Interner, features: &'static [marrowkb::disorder::Feature]) -> &'static [FeatureRecord] {
    leak_slice(
        features
            .iter()
            .map(|f| FeatureRecord {
                symptom: f.symptom,
                frequency: f.frequency.into(),
                source: f.source,
                has_hpo_frequency: f.hpo_frequency.is_some(),
                hpo_frequency: f.hpo_frequency.unwrap_or(f.frequency).into(),
                note: s.opt(f.note),
            })
            .collect(),
    )
}

fn risk_records(s: &mut Interner, risks: &'static [marrowkb::disorder::Risk]) -> &'static [RiskRecord] {
    leak_slice(
        risks
            .iter()
            .map(|r| RiskRecord {
                name: s.get(r.name),
                hpo: r.hpo.map_or(0, |h| h.get()),
                hpo_curie: r.hpo.map_or(core::ptr::null(), |h| leak_cstr(&h.to_string()).as_ptr()),
                source: r.source,
            })
            .collect(),
    )
}

fn symptom_records(s: &mut Interner) -> Indexed<SymptomRecord> {
    let symptoms = Indexed::from_all(&Symptom::ALL, Symptom::discriminant, |x| {
        let info = x.info();
        let numbers: Vec<u32> = info.hpo.iter().map(|h| h.get()).collect();
        let curies: Vec<*const c_char> = info.hpo.iter().map(|h| leak_cstr(&h.to_string()).as_ptr()).collect();
        SymptomRecord {
            symptom: x,
            id: info.id,
            key: s.get(info.key),
            name: s.get(info.name),
            plain: s.get(info.plain),
            hpo: ptr(leak_slice(numbers)),
            hpo_curies: ptr(leak_slice(curies)),
            hpo_len: info.hpo.len(),
            system: info.system.into(),
            article: s.opt(info.article),
            disorders: ptr(info.disorders),
            disorders_len: info.disorders.len(),
        }
    });
    // Search matches symptoms through the labels and synonyms of their HPO terms: those texts are prebuilt
    // too, so a search hit never copies a string under the lock.
    for x in Symptom::ALL {
        for term in x.info().hpo.iter().filter_map(|&h| marrowkb::hpo::term(h).ok()) {
            s.get(term.name());
            for synonym in term.synonyms() {
                s.get(synonym.text);
            }
        }
    }
    symptoms
}

fn treatment_records(s: &mut Interner) -> Indexed<TreatmentRecord> {
    Indexed::from_all(&Treatment::ALL, Treatment::discriminant, |x| {
        let info = x.info();
        TreatmentRecord {
            treatment: x,
            id: info.id,
            key: s.get(info.key),
            name: s.get(info.name),
            description: s.get(info.description),
            kind: info.kind.into(),
            article: info.article,
            source: info.source,
            disorders: ptr(info.disorders),
            disorders_len: info.disorders.len(),
        }
    })
}

fn cause_records(s: &mut Interner) -> Indexed<CauseRecord> {
    Indexed::from_all(&Cause::ALL, Cause::discriminant, |x| {
        let info = x.info();
        CauseRecord {
            cause: x,
            id: info.id,
            key: s.get(info.key),
            name: s.get(info.name),
            description: s.get(info.description),
            source: info.source,
            disorders: ptr(info.disorders),
            disorders_len: info.disorders.len(),
        }
    })
}

fn diagnostic_test_records(s: &mut Interner) -> Indexed<DiagnosticTestRecord> {
    Indexed::from_all(&DiagnosticTest::ALL, DiagnosticTest::discriminant, |x| {
        let info = x.info();
        DiagnosticTestRecord {
            test: x,
            id: info.id,
            key: s.get(info.key),
            name: s.get(info.name),
            description: s.get(info.description),
            article: info.article,
            source: info.source,
            disorders: ptr(info.disorders),
            disorders_len: info.disorders.len(),
        }
    })
}

fn source_records(s: &mut Interner) -> Indexed<SourceRecord> {
    Indexed::from_all(&Source::ALL, Source::discriminant, |x| {
        let info = x.info();
        SourceRecord {
            source: x,
            id: info.id,
            key: s.get(info.key),
            name: s.get(info.name),
            title: s.get(info.title),
            publisher: s.get(info.publisher),
            year: info.year.unwrap_or(0),
            url: s.opt(info.url),
            licence: s.opt(info.licence),
        }
    })
}

/// Strings handed out outside records: the keys of the closed vocabularies.
fn vocabulary_keys(s: &mut Interner) {
    macro_rules! keys {
        ($($name:ident),+) => {
            $(for value in marrowkb::classes::$name::ALL {
                s.get(value.key());
            })+
        };
    }
    keys!(
        Origin,
        CellLine,
        Inheritance,
        Onset,
        Frequency,
        TreatmentRole,
        BodySystem,
        XrefMatch,
        IcdMatch,
        RelationKind
    );
}
