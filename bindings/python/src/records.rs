//! The `*Record` classes: the attributes of the members of `Disorder`, `Symptom`, `Treatment`, `Cause`,
//! `DiagnosticTest` and `Source`, one getter per field of the Rust record, written by [`record_class!`].

use crate::convert::{json, member_tuple, record_tuple, str_tuple};
use crate::errors::{Query, check};
use crate::registry::{Member, registry};
use marrowkb::codes::{OmimId, OrphaId};
use marrowkb::disorder::Xref;
use marrowkb::{Cause, DiagnosticTest, Disorder, Source, Symptom, Treatment};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// One getter's value as a Python object, by kind (see [`record_class!`]):
/// `copy f` the record field `f` as it is; `key f` the stable key of the vocabulary value in `f`;
/// `keys f` / `strs f` a tuple of the keys / strings in `f`; `member f` the enum member in `f`;
/// `members f` a tuple of the enum members in `f`; `disorders` the reverse map; `with f` what
/// `f(py, value)` builds.
macro_rules! field {
    ($py:ident, $value:expr, copy $field:ident) => {
        $value.info().$field.into_bound_py_any($py)
    };
    ($py:ident, $value:expr, key $field:ident) => {
        $value.info().$field.key().into_bound_py_any($py)
    };
    ($py:ident, $value:expr, keys $field:ident) => {
        Ok(str_tuple($py, $value.info().$field.iter().map(|v| v.key()))?.into_any())
    };
    ($py:ident, $value:expr, strs $field:ident) => {
        Ok(str_tuple($py, $value.info().$field.iter().copied())?.into_any())
    };
    ($py:ident, $value:expr, member $field:ident) => {
        $value.info().$field.to_py($py, registry($py)?)
    };
    ($py:ident, $value:expr, members $field:ident) => {
        Ok(member_tuple($py, $value.info().$field.iter().copied())?.into_any())
    };
    ($py:ident, $value:expr, disorders) => {
        Ok(member_tuple($py, $value.disorders().iter().copied())?.into_any())
    };
    ($py:ident, $value:expr, with $build:path) => {
        Ok($build($py, $value)?.into_any())
    };
}

/// A `*Record` class: the attributes of one knowledge enum's members, a getter per field of the Rust
/// record (`name: kind field;`, kinds as in [`field!`]), plus `to_json()`. The Python enums forward every
/// getter as a read-only property (`_build_enum` in `__init__.py`), so the getters' docs are theirs.
macro_rules! record_class {
    (
        $(#[doc = $doc:literal])*
        $class:ident($entity:ident);
        $(#[doc = $json_doc:literal])*
        to_json;
        $(
            $(#[doc = $field_doc:literal])*
            $name:ident: $kind:ident $($field:ident)?;
        )*
    ) => {
        $(#[doc = $doc])*
        #[pyclass(frozen, module = "marrowkb._native")]
        pub(crate) struct $class($entity);

        #[pymethods]
        impl $class {
            #[new]
            fn new(py: Python<'_>, discriminant: u32) -> PyResult<Self> {
                let found = $entity::from_discriminant(discriminant);
                check(py, found, Query::Number(discriminant.into())).map(Self)
            }
            $(
                $(#[doc = $field_doc])*
                #[getter]
                fn $name<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    field!(py, self.0, $kind $($field)?)
                }
            )*
            $(#[doc = $json_doc])*
            fn to_json(&self, py: Python<'_>) -> PyResult<String> {
                json(py, self.0.info())
            }
        }
    };
}

record_class! {
    /// The attributes of a `Disorder` member (the fields of `marrowkb::disorder::DisorderInfo`).
    DisorderRecord(Disorder);
    /// The record as the Rust JSON export writes it (`marrowkb::export::disorder_json`).
    to_json;
    /// Stable discriminant (also `int(member)` and `member.value`).
    id: copy id;
    /// Stable snake_case key.
    key: copy key;
    /// The record's display name (the enum's `.name` is the member name).
    display_name: copy name;
    /// Other names people write.
    synonyms: strs synonyms;
    /// Abbreviations (FA, DBA…).
    abbreviations: strs abbreviations;
    /// The patient-education article's description, unchanged.
    description: copy description;
    /// A further plain-language summary, or None.
    summary: copy summary;
    /// "inherited", "acquired", "both" or "constitutional" (genetic, not inherited).
    origin: key origin;
    /// Whether it is a neoplasm.
    neoplasm: copy neoplasm;
    /// Affected blood cell lines: "red_cells", "white_cells", "platelets".
    cell_lines: keys cell_lines;
    /// Modes of inheritance (keys such as "autosomal_recessive").
    inheritance: keys inheritance;
    /// Typical ages of onset (keys such as "childhood").
    onset: keys onset;
    /// Relations to other disorders.
    relations: with relations;
    /// Orphanet entries.
    orpha: with orpha;
    /// OMIM entries.
    omim: with omim;
    /// WHO ICD-10 2019 codes.
    icd10: with icd10;
    /// Causal genes (HGNC symbols).
    genes: with gene_symbols;
    /// Clinical features with their frequency.
    features: with features;
    /// Treatments with their role.
    treatments: with treatment_uses;
    /// Diagnostic tests.
    tests: members tests;
    /// Causes.
    causes: members causes;
    /// Long-term risks.
    risks: with risks;
    /// Sources of the record as a whole.
    sources: members sources;
}

record_class! {
    /// The attributes of a `Symptom` member.
    SymptomRecord(Symptom);
    /// The record as JSON (serde, as in the Rust export).
    to_json;
    /// Stable discriminant.
    id: copy id;
    /// Stable snake_case key.
    key: copy key;
    /// Clinical name (the HPO label where one fits).
    display_name: copy name;
    /// Plain-language name for patients.
    plain: copy plain;
    /// HPO term ids as CURIEs; the first is the primary one.
    hpo: with hpo_ids;
    /// Body system key, e.g. "blood".
    system: key system;
    /// The article's own words, or None.
    article: copy article;
    /// Disorders with this feature (reverse map), in discriminant order.
    disorders: disorders;
}

record_class! {
    /// The attributes of a `Treatment` member.
    TreatmentRecord(Treatment);
    /// The record as JSON (serde, as in the Rust export).
    to_json;
    /// Stable discriminant.
    id: copy id;
    /// Stable snake_case key.
    key: copy key;
    /// Name.
    display_name: copy name;
    /// Plain-language explanation.
    description: copy description;
    /// Usual role: "supportive", "disease_modifying" or "curative".
    kind: key kind;
    /// Whether the article names it.
    article: copy article;
    /// Where the description comes from.
    source: member source;
    /// Disorders it is used for (reverse map), in discriminant order.
    disorders: disorders;
}

record_class! {
    /// The attributes of a `Cause` member.
    CauseRecord(Cause);
    /// The record as JSON (serde, as in the Rust export).
    to_json;
    /// Stable discriminant.
    id: copy id;
    /// Stable snake_case key.
    key: copy key;
    /// Name.
    display_name: copy name;
    /// The article's wording.
    description: copy description;
    /// Where it comes from.
    source: member source;
    /// Disorders with this cause (reverse map), in discriminant order.
    disorders: disorders;
}

record_class! {
    /// The attributes of a `DiagnosticTest` member.
    DiagnosticTestRecord(DiagnosticTest);
    /// The record as JSON (serde, as in the Rust export).
    to_json;
    /// Stable discriminant.
    id: copy id;
    /// Stable snake_case key.
    key: copy key;
    /// Name.
    display_name: copy name;
    /// Plain-language explanation.
    description: copy description;
    /// Whether the article names it.
    article: copy article;
    /// Where the description comes from.
    source: member source;
    /// Disorders it helps diagnose (reverse map), in discriminant order.
    disorders: disorders;
}

record_class! {
    /// The attributes of a `Source` member.
    SourceRecord(Source);
    /// The record as JSON (serde, as in the Rust export).
    to_json;
    /// Stable discriminant.
    id: copy id;
    /// Stable key (what data files cite).
    key: copy key;
    /// Short name.
    display_name: copy name;
    /// Full title.
    title: copy title;
    /// Publisher or author.
    publisher: copy publisher;
    /// Year of publication or release, or None.
    year: copy year;
    /// Address, or None.
    url: copy url;
    /// Licence of the data, or None.
    licence: copy licence;
}

/// `DisorderRecord.relations`.
pub(crate) fn relations<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        disorder.info().relations,
        |r| &r.relation,
        |reg, r| {
            let kind = r.kind.key().into_pyobject(py)?.into_any();
            PyTuple::new(py, [kind, r.target.to_py(py, reg)?, r.source.to_py(py, reg)?])
        },
    )
}

/// ORPHA or OMIM cross-references as `Xref` records (`number` is the id's number).
pub(crate) fn xref_tuple<'py, I: Copy + core::fmt::Display>(
    py: Python<'py>,
    xrefs: &'static [Xref<I>],
    number: fn(I) -> u32,
) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        xrefs,
        |r| &r.xref,
        |_, x| (x.id.to_string(), number(x.id), x.name, x.match_kind.key(), x.note).into_pyobject(py),
    )
}

/// `DisorderRecord.orpha`.
pub(crate) fn orpha<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    xref_tuple(py, disorder.info().orpha, OrphaId::get)
}

/// `DisorderRecord.omim`.
pub(crate) fn omim<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    xref_tuple(py, disorder.info().omim, OmimId::get)
}

/// `DisorderRecord.icd10`.
pub(crate) fn icd10<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        disorder.info().icd10,
        |r| &r.icd10_xref,
        |_, x| (x.code.as_str(), x.title, x.match_kind.key(), x.note).into_pyobject(py),
    )
}

/// `DisorderRecord.genes`.
pub(crate) fn gene_symbols<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    str_tuple(py, disorder.info().genes.iter().map(|g| g.symbol()))
}

/// `DisorderRecord.features`.
pub(crate) fn features<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        disorder.info().features,
        |r| &r.feature,
        |reg, f| {
            PyTuple::new(
                py,
                [
                    f.symptom.to_py(py, reg)?,
                    f.frequency.key().into_pyobject(py)?.into_any(),
                    f.source.to_py(py, reg)?,
                    f.hpo_frequency.map(|h| h.key()).into_pyobject(py)?.into_any(),
                    f.note.into_pyobject(py)?.into_any(),
                ],
            )
        },
    )
}

/// `DisorderRecord.treatments`.
pub(crate) fn treatment_uses<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        disorder.info().treatments,
        |r| &r.treatment_use,
        |reg, t| {
            let role = t.role.key().into_pyobject(py)?.into_any();
            PyTuple::new(py, [t.treatment.to_py(py, reg)?, role, t.source.to_py(py, reg)?])
        },
    )
}

/// `DisorderRecord.risks`.
pub(crate) fn risks<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        disorder.info().risks,
        |r| &r.risk,
        |reg, r| {
            let name = r.name.into_pyobject(py)?.into_any();
            let hpo = r.hpo.map(|h| h.to_string()).into_pyobject(py)?.into_any();
            PyTuple::new(py, [name, hpo, r.source.to_py(py, reg)?])
        },
    )
}

/// `SymptomRecord.hpo`.
pub(crate) fn hpo_ids<'py>(py: Python<'py>, symptom: Symptom) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(py, symptom.info().hpo.iter().map(|h| h.to_string()))
}
