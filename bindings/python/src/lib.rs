//! `marrowkb._native`: the compiled half of the `marrowkb` Python package.
//!
//! A thin layer over the `marrowkb` crate: every answer comes from the core, this module only converts
//! between Rust and Python values. The pure-Python half (`python/marrowkb/__init__.py`) builds the Python
//! enums (`Disorder`, `Symptom`, …) from `members()` at import time and hands them back with `_init()`,
//! together with its record classes (`typing.NamedTuple`s) and exception classes, so that this module
//! can return enum members and records directly (one boundary crossing per call, even for a batch).
//!
//! Per-member attributes live on the `*Record` classes below (one getter per field of the Rust record);
//! the Python enums forward every getter as a read-only property.

use marrowkb::classes::{IcdMatch, XrefMatch};
use marrowkb::codes::{IdKind, OmimId, OrphaId};
use marrowkb::disorder::Xref;
use marrowkb::hpo::{self, Replacement, Term};
use marrowkb::search::HitKind;
use marrowkb::{Cause, DiagnosticTest, Disorder, Error, Gene, Source, Symptom, Treatment};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString, PyTuple};
use std::borrow::Cow;

mod blood_count;
mod differential;
mod resolution;

// ---------------------------------------------------------------------------------------------------
// The objects the Python half registers at import.
// ---------------------------------------------------------------------------------------------------

/// The members of one Python enum, indexed by discriminant.
struct Members(Vec<Option<Py<PyAny>>>);

impl Members {
    /// Calls the Python enum class with each discriminant (`Disorder(9)`) and keeps the members.
    fn build(class: &Bound<'_, PyAny>, discriminants: impl Iterator<Item = u32>) -> PyResult<Self> {
        let mut members: Vec<Option<Py<PyAny>>> = Vec::new();
        for d in discriminants {
            let member = class.call1((d,))?;
            let index = d as usize;
            if members.len() <= index {
                members.resize_with(index + 1, || None);
            }
            members[index] = Some(member.unbind());
        }
        Ok(Self(members))
    }

    fn get<'py>(&self, py: Python<'py>, discriminant: u32) -> PyResult<Bound<'py, PyAny>> {
        match self.0.get(discriminant as usize) {
            Some(Some(member)) => Ok(member.bind(py).clone()),
            _ => Err(PyRuntimeError::new_err(format!(
                "marrowkb: no Python member for discriminant {discriminant}"
            ))),
        }
    }
}

/// Everything `marrowkb/__init__.py` hands over in [`_init`].
struct Registry {
    disorders: Members,
    symptoms: Members,
    treatments: Members,
    causes: Members,
    tests: Members,
    sources: Members,
    xref: Py<PyAny>,
    icd10_xref: Py<PyAny>,
    feature: Py<PyAny>,
    treatment_use: Py<PyAny>,
    relation: Py<PyAny>,
    risk: Py<PyAny>,
    gene: Py<PyAny>,
    gene_link: Py<PyAny>,
    resolved: Py<PyAny>,
    hit: Py<PyAny>,
    code_match: Py<PyAny>,
    lookup_result: Py<PyAny>,
    hpo_resolution: Py<PyAny>,
    ranked: Py<PyAny>,
    term_match: Py<PyAny>,
    absence_match: Py<PyAny>,
    missing_hallmark: Py<PyAny>,
    input_report: Py<PyAny>,
    reading: Py<PyAny>,
    red_cell_size_reading: Py<PyAny>,
    aplastic_assessment: Py<PyAny>,
    disorder_fit: Py<PyAny>,
    disorder_class: Py<PyAny>,
    symptom_class: Py<PyAny>,
    base_error: Py<PyAny>,
    unknown_name: Py<PyAny>,
    unknown_id: Py<PyAny>,
    obsolete_id: Py<PyAny>,
    invalid_argument: Py<PyAny>,
    unknown_key: Py<PyAny>,
    malformed_id: Py<PyAny>,
    empty_input: Py<PyAny>,
    input_too_long: Py<PyAny>,
    invalid_measurement: Py<PyAny>,
    invalid_phenopacket: Py<PyAny>,
    unknown_term: Py<PyAny>,
    ambiguous_term: Py<PyAny>,
    synonym: Py<PyAny>,
    ambiguous: Py<PyAny>,
}

static REGISTRY: PyOnceLock<Registry> = PyOnceLock::new();

fn registry(py: Python<'_>) -> PyResult<&'static Registry> {
    REGISTRY
        .get(py)
        .ok_or_else(|| PyRuntimeError::new_err("marrowkb._native is used before `import marrowkb` initialised it"))
}

/// A value that has a Python enum member.
trait Member: Copy {
    fn discriminant(self) -> u32;
    fn members(registry: &Registry) -> &Members;

    fn to_py<'py>(self, py: Python<'py>, registry: &Registry) -> PyResult<Bound<'py, PyAny>> {
        Self::members(registry).get(py, self.discriminant())
    }
}

macro_rules! member {
    ($ty:ty, $field:ident) => {
        impl Member for $ty {
            fn discriminant(self) -> u32 {
                <$ty>::discriminant(self)
            }
            fn members(registry: &Registry) -> &Members {
                &registry.$field
            }
        }
    };
}
member!(Disorder, disorders);
member!(Symptom, symptoms);
member!(Treatment, treatments);
member!(Cause, causes);
member!(DiagnosticTest, tests);
member!(Source, sources);

/// A tuple of enum members.
fn member_tuple<'py, T: Member>(py: Python<'py>, items: impl IntoIterator<Item = T>) -> PyResult<Bound<'py, PyTuple>> {
    let registry = registry(py)?;
    let items = items
        .into_iter()
        .map(|item| item.to_py(py, registry))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, items)
}

/// A tuple of strings.
fn str_tuple<'py, I>(py: Python<'py>, items: I) -> PyResult<Bound<'py, PyTuple>>
where
    I: IntoIterator<Item = &'static str>,
    I::IntoIter: ExactSizeIterator,
{
    PyTuple::new(py, items)
}

/// A record (an instance of a registered `namedtuple` class) with these fields, made the way
/// `namedtuple._make` makes one, `tuple.__new__(class, fields)`: no Python-level `__new__` frame per
/// record. `fields` must have exactly the class's fields, in order.
fn make_record<'py, A>(class: &Bound<'py, PyAny>, fields: A) -> PyResult<Bound<'py, PyAny>>
where
    A: IntoPyObject<'py, Target = PyTuple>,
    A::Error: Into<PyErr>,
{
    static TUPLE_NEW: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let py = class.py();
    let tuple_new = TUPLE_NEW.get_or_try_init(py, || py.get_type::<PyTuple>().getattr("__new__").map(Bound::unbind))?;
    let fields: Bound<'py, PyTuple> = pyo3::BoundObject::into_bound(fields.into_pyobject(py).map_err(Into::into)?);
    tuple_new.bind(py).call1((class, fields))
}

/// A tuple of records built with a registered record class, one per item.
fn record_tuple<'py, T>(
    py: Python<'py>,
    items: impl IntoIterator<Item = T>,
    class: impl Fn(&Registry) -> &Py<PyAny>,
    args: impl Fn(&Registry, T) -> PyResult<Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let registry = registry(py)?;
    let class = class(registry).bind(py);
    let records = items
        .into_iter()
        .map(|item| make_record(class, args(registry, item)?))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, records)
}

// ---------------------------------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------------------------------

/// What the user asked, for error messages and the exception's `query` attribute.
#[derive(Clone, Copy)]
enum Query<'a> {
    Text(&'a str),
    Number(u64),
    Float(f64),
    /// Nothing to show (the error names its argument itself).
    None,
}

impl Query<'_> {
    fn to_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(match self {
            Query::Text(text) => PyString::new(py, text).into_any(),
            Query::Number(n) => n.into_pyobject(py)?.into_any(),
            Query::Float(x) => x.into_pyobject(py)?.into_any(),
            Query::None => py.None().into_bound(py),
        })
    }

    /// A short form for messages: long input is cut; `None` when there is nothing to show.
    fn shown(self) -> Option<String> {
        const MAX_CHARS: usize = 60;
        Some(match self {
            Query::Text(text) if text.chars().count() > MAX_CHARS => {
                let cut: String = text.chars().take(MAX_CHARS).collect();
                format!("{cut:?}… ({} bytes)", text.len())
            }
            Query::Text(text) => format!("{text:?}"),
            Query::Number(n) => n.to_string(),
            Query::Float(x) => x.to_string(),
            Query::None => return None,
        })
    }
}

fn id_kind(kind: IdKind) -> String {
    kind.to_string()
}

/// Maps a core error to the `marrowkb` exception for it (see `__init__.py` for the hierarchy).
fn to_py_err(py: Python<'_>, error: Error, query: Query<'_>) -> PyErr {
    match build_error(py, error, query) {
        Ok(err) | Err(err) => err,
    }
}

fn build_error(py: Python<'_>, error: Error, query: Query<'_>) -> PyResult<PyErr> {
    if let Error::InvalidDiscriminant { .. } = error {
        return Ok(PyValueError::new_err(error.to_string()));
    }
    let registry = registry(py)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("query", query.to_py(py)?)?;
    let mut message = match query.shown() {
        Some(shown) => format!("{error} (got {shown})"),
        None => error.to_string(),
    };
    let class = match error {
        Error::EmptyInput => &registry.empty_input,
        Error::InputTooLong { len, max } => {
            kwargs.set_item("length", len)?;
            kwargs.set_item("limit", max)?;
            &registry.input_too_long
        }
        Error::UnknownName { suggestions } => {
            kwargs.set_item("suggestions", member_tuple(py, suggestions.iter())?)?;
            &registry.unknown_name
        }
        Error::MalformedId { kind, reason } => {
            kwargs.set_item("kind", id_kind(kind))?;
            kwargs.set_item("reason", reason)?;
            &registry.malformed_id
        }
        Error::UnknownId { kind } => {
            kwargs.set_item("kind", id_kind(kind))?;
            &registry.unknown_id
        }
        Error::ObsoleteId { kind, id } => {
            kwargs.set_item("kind", id_kind(kind))?;
            kwargs.set_item("id", id)?;
            &registry.obsolete_id
        }
        Error::InvalidArgument { name, reason } => {
            kwargs.set_item("argument", name)?;
            kwargs.set_item("reason", reason)?;
            &registry.invalid_argument
        }
        Error::InvalidMeasurement { field, value, reason } => {
            // The core's message already shows the value as given, with its unit.
            message = error.to_string();
            kwargs.set_item("query", value.value())?;
            kwargs.set_item("argument", field.key())?;
            kwargs.set_item("reason", reason)?;
            kwargs.set_item("value", value.value())?;
            kwargs.set_item("unit", value.unit().symbol())?;
            &registry.invalid_measurement
        }
        Error::InconsistentMeasurements { field, reason } => {
            message = error.to_string();
            kwargs.set_item("argument", field.key())?;
            kwargs.set_item("reason", reason)?;
            &registry.invalid_argument
        }
        Error::UnknownKey { entity } => {
            kwargs.set_item("entity", entity)?;
            &registry.unknown_key
        }
        Error::InvalidPhenopacket { field, reason } => {
            kwargs.set_item("argument", field)?;
            kwargs.set_item("reason", reason)?;
            &registry.invalid_phenopacket
        }
        Error::UnknownTerm { suggestions } => {
            kwargs.set_item("suggestions", term_tuple(py, suggestions.iter())?)?;
            &registry.unknown_term
        }
        Error::AmbiguousTerm { candidates } => {
            kwargs.set_item("candidates", term_tuple(py, candidates.iter())?)?;
            &registry.ambiguous_term
        }
        Error::Ambiguous { kind, candidates } => {
            kwargs.set_item("kind", id_kind(kind))?;
            kwargs.set_item("candidates", member_tuple(py, candidates.iter())?)?;
            &registry.ambiguous
        }
        _ => &registry.base_error,
    };
    let value = class.bind(py).call((message,), Some(&kwargs))?;
    Ok(PyErr::from_value(value))
}

/// Converts a core result, mapping its error with the query.
fn check<T>(py: Python<'_>, result: marrowkb::Result<T>, query: Query<'_>) -> PyResult<T> {
    result.map_err(|error| to_py_err(py, error, query))
}

// ---------------------------------------------------------------------------------------------------
// Arguments.
// ---------------------------------------------------------------------------------------------------

/// The UTF-8 text of a `str` argument, with a clear `TypeError` for anything else.
pub(crate) fn text_arg<'a>(value: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Cow<'a, str>> {
    match value.cast::<PyString>() {
        Ok(text) => text.to_cow(),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{what} must be a str, not {}",
            type_name(value)
        ))),
    }
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |name| name.to_string())
}

/// An identifier argument: a non-negative `int` or a `str` (never a `bool`).
enum IdArg<'a> {
    Number(u32),
    Text(Cow<'a, str>),
}

fn id_arg<'a>(value: &'a Bound<'_, PyAny>, what: &str) -> PyResult<IdArg<'a>> {
    if value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an int or a str, not bool"
        )));
    }
    if value.is_instance_of::<PyInt>() {
        return match value.extract::<u32>() {
            Ok(n) => Ok(IdArg::Number(n)),
            Err(_) => Err(PyValueError::new_err(format!(
                "{what} {} is out of range (0 to {})",
                value.str().map_or_else(|_| "?".to_owned(), |s| s.to_string()),
                u32::MAX
            ))),
        };
    }
    match value.cast::<PyString>() {
        Ok(text) => Ok(IdArg::Text(text.to_cow()?)),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{what} must be an int or a str, not {}",
            type_name(value)
        ))),
    }
}

impl IdArg<'_> {
    fn query(&self) -> Query<'_> {
        match self {
            IdArg::Number(n) => Query::Number(u64::from(*n)),
            IdArg::Text(text) => Query::Text(text),
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Records: one getter per field of the Rust record.
// ---------------------------------------------------------------------------------------------------

fn xref_match(m: XrefMatch) -> &'static str {
    m.key()
}

fn icd_match(m: IcdMatch) -> &'static str {
    m.key()
}

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
        struct $class($entity);

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
fn relations<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
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
fn xref_tuple<'py, I: Copy + core::fmt::Display>(
    py: Python<'py>,
    xrefs: &'static [Xref<I>],
    number: fn(I) -> u32,
) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        xrefs,
        |r| &r.xref,
        |_, x| (x.id.to_string(), number(x.id), x.name, xref_match(x.match_kind), x.note).into_pyobject(py),
    )
}

/// `DisorderRecord.orpha`.
fn orpha<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    xref_tuple(py, disorder.info().orpha, OrphaId::get)
}

/// `DisorderRecord.omim`.
fn omim<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    xref_tuple(py, disorder.info().omim, OmimId::get)
}

/// `DisorderRecord.icd10`.
fn icd10<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        disorder.info().icd10,
        |r| &r.icd10_xref,
        |_, x| (x.code.as_str(), x.title, icd_match(x.match_kind), x.note).into_pyobject(py),
    )
}

/// `DisorderRecord.genes`.
fn gene_symbols<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
    str_tuple(py, disorder.info().genes.iter().map(|g| g.symbol()))
}

/// `DisorderRecord.features`.
fn features<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
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
fn treatment_uses<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
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
fn risks<'py>(py: Python<'py>, disorder: Disorder) -> PyResult<Bound<'py, PyTuple>> {
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
fn hpo_ids<'py>(py: Python<'py>, symptom: Symptom) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(py, symptom.info().hpo.iter().map(|h| h.to_string()))
}

/// `value` as pretty-printed JSON (serde, as the Rust export and the CLI's `--json` write it); a
/// `MarrowkbError` if it cannot be serialized.
fn json<T: serde::Serialize + ?Sized>(py: Python<'_>, value: &T) -> PyResult<String> {
    serde_json::to_string_pretty(value).map_err(|error| json_error(py, &error))
}

/// The exception for a value serde could not write: `MarrowkbError` (a `RuntimeError` before
/// `import marrowkb` has registered the exception classes).
fn json_error(py: Python<'_>, error: &serde_json::Error) -> PyErr {
    let message = format!("marrowkb: the value could not be written as JSON: {error}");
    let raised = registry(py).and_then(|registry| registry.base_error.bind(py).call1((message.as_str(),)));
    match raised {
        Ok(value) => PyErr::from_value(value),
        Err(_) => PyRuntimeError::new_err(message),
    }
}

/// `json.loads(text)` (the module is imported on first use: `import marrowkb` does not load it).
fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || py.import("json")?.getattr("loads").map(Bound::unbind))?;
    loads.bind(py).call1((text,))
}

// ---------------------------------------------------------------------------------------------------
// Module functions.
// ---------------------------------------------------------------------------------------------------

/// `(MEMBER_NAME, discriminant)` for every value of an enum, in the core's order (`ALL`).
#[pyfunction]
fn members(kind: &str) -> PyResult<Vec<(String, u32)>> {
    fn table<T: Copy>(all: &[T], key: fn(T) -> &'static str, disc: fn(T) -> u32) -> Vec<(String, u32)> {
        all.iter().map(|&v| (key(v).to_ascii_uppercase(), disc(v))).collect()
    }
    Ok(match kind {
        "disorder" => table(&Disorder::ALL, Disorder::key, Disorder::discriminant),
        "symptom" => table(&Symptom::ALL, Symptom::key, Symptom::discriminant),
        "treatment" => table(&Treatment::ALL, Treatment::key, Treatment::discriminant),
        "cause" => table(&Cause::ALL, Cause::key, Cause::discriminant),
        "diagnostic_test" => table(&DiagnosticTest::ALL, DiagnosticTest::key, DiagnosticTest::discriminant),
        "source" => table(&Source::ALL, Source::key, Source::discriminant),
        _ => return Err(PyValueError::new_err(format!("no enum {kind:?} in marrowkb"))),
    })
}

/// Registers the Python enums, record classes and exception classes (called once by `__init__.py`).
#[pyfunction]
fn _init(py: Python<'_>, namespace: &Bound<'_, PyDict>) -> PyResult<()> {
    let get = |name: &str| -> PyResult<Bound<'_, PyAny>> {
        namespace
            .get_item(name)?
            .ok_or_else(|| PyRuntimeError::new_err(format!("marrowkb._native._init: missing {name}")))
    };
    let class = |name: &str| get(name).map(Bound::unbind);
    let registry = Registry {
        disorders: Members::build(&get("Disorder")?, Disorder::ALL.iter().map(|d| d.discriminant()))?,
        symptoms: Members::build(&get("Symptom")?, Symptom::ALL.iter().map(|d| d.discriminant()))?,
        treatments: Members::build(&get("Treatment")?, Treatment::ALL.iter().map(|d| d.discriminant()))?,
        causes: Members::build(&get("Cause")?, Cause::ALL.iter().map(|d| d.discriminant()))?,
        tests: Members::build(
            &get("DiagnosticTest")?,
            DiagnosticTest::ALL.iter().map(|d| d.discriminant()),
        )?,
        sources: Members::build(&get("Source")?, Source::ALL.iter().map(|d| d.discriminant()))?,
        xref: class("Xref")?,
        icd10_xref: class("Icd10Xref")?,
        feature: class("Feature")?,
        treatment_use: class("TreatmentUse")?,
        relation: class("Relation")?,
        risk: class("Risk")?,
        gene: class("Gene")?,
        gene_link: class("GeneLink")?,
        resolved: class("Resolved")?,
        hit: class("Hit")?,
        code_match: class("CodeMatch")?,
        lookup_result: class("LookupResult")?,
        hpo_resolution: class("HpoResolution")?,
        ranked: class("Ranked")?,
        term_match: class("TermMatch")?,
        absence_match: class("AbsenceMatch")?,
        missing_hallmark: class("MissingHallmark")?,
        input_report: class("InputReport")?,
        reading: class("Reading")?,
        red_cell_size_reading: class("RedCellSizeReading")?,
        aplastic_assessment: class("AplasticAssessment")?,
        disorder_fit: class("DisorderFit")?,
        disorder_class: class("Disorder")?,
        symptom_class: class("Symptom")?,
        base_error: class("MarrowkbError")?,
        unknown_name: class("UnknownNameError")?,
        unknown_id: class("UnknownIdError")?,
        obsolete_id: class("ObsoleteIdError")?,
        invalid_argument: class("InvalidArgumentError")?,
        unknown_key: class("UnknownKeyError")?,
        malformed_id: class("MalformedIdError")?,
        empty_input: class("EmptyInputError")?,
        input_too_long: class("InputTooLongError")?,
        invalid_measurement: class("InvalidMeasurementError")?,
        invalid_phenopacket: class("InvalidPhenopacketError")?,
        unknown_term: class("UnknownTermError")?,
        ambiguous_term: class("AmbiguousTermError")?,
        synonym: class("Synonym")?,
        ambiguous: class("AmbiguousError")?,
    };
    REGISTRY
        .set(py, registry)
        .map_err(|_| PyRuntimeError::new_err("marrowkb._native is already initialised"))
}

/// The disorder with this name, synonym or abbreviation (normalized: case, diacritics, punctuation,
/// spaces and British spelling are ignored).
#[pyfunction]
fn lookup<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let disorder = check(py, marrowkb::lookup(&text), Query::Text(&text))?;
    disorder.to_py(py, registry(py)?)
}

/// Like `lookup` but None for anything not found (no suggestions computed).
#[pyfunction]
fn lookup_exact<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    match marrowkb::lookup_exact(&text) {
        Some(disorder) => disorder.to_py(py, registry(py)?),
        None => Ok(py.None().into_bound(py)),
    }
}

/// The disorders whose names are closest to `text`, best first (at most three).
#[pyfunction]
fn suggest<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let text = text_arg(text, "text")?;
    member_tuple(py, marrowkb::suggest(&text).iter())
}

/// One disorder from a name, an ORPHA or OMIM id, an ICD-10 code one disorder carries, or a gene
/// symbol linked to exactly one disorder.
#[pyfunction]
fn resolve<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let disorder = check(py, marrowkb::resolve(&text), Query::Text(&text))?;
    disorder.to_py(py, registry(py)?)
}

/// Free-text search over names, genes, symptoms and codes.
#[pyfunction]
fn search<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let text = text_arg(text, "text")?;
    let hits = check(py, marrowkb::search(&text), Query::Text(&text))?;
    record_tuple(
        py,
        hits,
        |r| &r.hit,
        |reg, hit| {
            let kind = match hit.kind {
                HitKind::Name => "name",
                HitKind::Gene => "gene",
                HitKind::Symptom => "symptom",
                HitKind::Code => "code",
            };
            PyTuple::new(
                py,
                [
                    hit.disorder.to_py(py, reg)?,
                    kind.into_pyobject(py)?.into_any(),
                    hit.matched.into_pyobject(py)?.into_any(),
                    optional_member(py, reg, hit.through)?,
                ],
            )
        },
    )
}

/// The disorders a gene (HGNC symbol, any case) answers for: those HPO links it to and the groups they are a
/// subtype of (`gene_info(symbol).links` says which come through a subtype).
#[pyfunction]
fn disorders_for_gene<'py>(py: Python<'py>, symbol: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let symbol = text_arg(symbol, "symbol")?;
    let disorders = check(py, marrowkb::disorders_for_gene(&symbol), Query::Text(&symbol))?;
    member_tuple(py, disorders.iter().copied())
}

fn gene_record<'py>(py: Python<'py>, gene: Gene) -> PyResult<Bound<'py, PyAny>> {
    let registry = registry(py)?;
    let links = record_tuple(
        py,
        gene.links().iter(),
        |r| &r.gene_link,
        |reg, link| {
            PyTuple::new(
                py,
                [link.disorder.to_py(py, reg)?, optional_member(py, reg, link.through)?],
            )
        },
    )?;
    let args = (
        gene.symbol(),
        gene.ncbi_gene_id(),
        member_tuple(py, gene.disorders().iter().copied())?,
        links,
    );
    make_record(registry.gene.bind(py), args)
}

/// An enum member, or None.
fn optional_member<'py, T: Member>(
    py: Python<'py>,
    registry: &Registry,
    item: Option<T>,
) -> PyResult<Bound<'py, PyAny>> {
    match item {
        Some(item) => item.to_py(py, registry),
        None => Ok(py.None().into_bound(py)),
    }
}

/// A gene by HGNC symbol (str, any case) or NCBI Gene id (int).
#[pyfunction]
fn gene_info<'py>(py: Python<'py>, gene: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(gene, "gene")?;
    let found = match &arg {
        IdArg::Number(n) => Gene::from_ncbi_gene_id(*n),
        IdArg::Text(symbol) => Gene::from_symbol(symbol),
    };
    gene_record(py, check(py, found, arg.query())?)
}

/// Every gene, sorted by symbol.
#[pyfunction]
fn genes<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
    let records = Gene::all().map(|g| gene_record(py, g)).collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, records)
}

/// `Disorder.from_orpha`: the disorder an ORPHA id is (or is a form of).
#[pyfunction]
fn disorder_from_orpha<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(id, "ORPHA id")?;
    let found = match &arg {
        IdArg::Number(n) => Disorder::from_orpha(*n),
        IdArg::Text(text) => Disorder::from_orpha(&**text),
    };
    check(py, found, arg.query())?.to_py(py, registry(py)?)
}

/// `Disorder.from_omim`: the disorder an OMIM entry is (or is a form of).
#[pyfunction]
fn disorder_from_omim<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(id, "OMIM id")?;
    let found = match &arg {
        IdArg::Number(n) => Disorder::from_omim(*n),
        IdArg::Text(text) => Disorder::from_omim(&**text),
    };
    check(py, found, arg.query())?.to_py(py, registry(py)?)
}

fn code_matches<'py, M: Copy>(
    py: Python<'py>,
    links: &'static [(Disorder, M)],
    key: fn(M) -> &'static str,
) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        links.iter().copied(),
        |r| &r.code_match,
        |reg, (d, m)| PyTuple::new(py, [d.to_py(py, reg)?, key(m).into_pyobject(py)?.into_any()]),
    )
}

/// `Disorder.from_icd10`: every disorder coded with an ICD-10 code, exact codings first.
#[pyfunction]
fn disorder_from_icd10<'py>(py: Python<'py>, code: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let code = text_arg(code, "code")?;
    let links = check(py, Disorder::from_icd10(&code), Query::Text(&code))?;
    code_matches(py, links, icd_match)
}

/// `Disorder.all_for_orpha`: every disorder linked to an ORPHA id, with how (possibly none).
#[pyfunction]
fn disorder_all_for_orpha<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let arg = id_arg(id, "ORPHA id")?;
    let id = match &arg {
        IdArg::Number(n) => marrowkb::codes::OrphaId::new(*n),
        IdArg::Text(text) => check(py, marrowkb::codes::OrphaId::parse(text), arg.query())?,
    };
    code_matches(py, Disorder::all_for_orpha(id), xref_match)
}

/// `Disorder.all_for_omim`: every disorder linked to an OMIM entry, with how (possibly none).
#[pyfunction]
fn disorder_all_for_omim<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let arg = id_arg(id, "OMIM id")?;
    let id = match &arg {
        IdArg::Number(n) => marrowkb::codes::OmimId::new(*n),
        IdArg::Text(text) => check(py, marrowkb::codes::OmimId::parse(text), arg.query())?,
    };
    code_matches(py, Disorder::all_for_omim(id), xref_match)
}

/// `Symptom.from_hpo`: the symptom whose HPO terms include this id.
#[pyfunction]
fn symptom_from_hpo<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(id, "HPO id")?;
    let found = match &arg {
        IdArg::Number(n) => Symptom::from_hpo(*n),
        IdArg::Text(text) => Symptom::from_hpo(&**text),
    };
    check(py, found, arg.query())?.to_py(py, registry(py)?)
}

/// `X.from_key(key)`: the member of enum `kind` with this exact stable key.
#[pyfunction]
fn from_key<'py>(py: Python<'py>, kind: &str, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let key = text_arg(key, "key")?;
    let query = Query::Text(&key);
    let registry = registry(py)?;
    match kind {
        "disorder" => check(py, Disorder::from_key(&key), query)?.to_py(py, registry),
        "symptom" => check(py, Symptom::from_key(&key), query)?.to_py(py, registry),
        "treatment" => check(py, Treatment::from_key(&key), query)?.to_py(py, registry),
        "cause" => check(py, Cause::from_key(&key), query)?.to_py(py, registry),
        "diagnostic_test" => check(py, DiagnosticTest::from_key(&key), query)?.to_py(py, registry),
        "source" => check(py, Source::from_key(&key), query)?.to_py(py, registry),
        _ => Err(PyValueError::new_err(format!("no enum {kind:?} in marrowkb"))),
    }
}

/// `X.find(text)`: the member of enum `kind` with this key or name (normalized like `lookup`).
#[pyfunction]
fn find<'py>(py: Python<'py>, kind: &str, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let query = Query::Text(&text);
    let registry = registry(py)?;
    match kind {
        "disorder" => check(py, Disorder::find(&text), query)?.to_py(py, registry),
        "symptom" => check(py, Symptom::find(&text), query)?.to_py(py, registry),
        "treatment" => check(py, Treatment::find(&text), query)?.to_py(py, registry),
        "cause" => check(py, Cause::find(&text), query)?.to_py(py, registry),
        "diagnostic_test" => check(py, DiagnosticTest::find(&text), query)?.to_py(py, registry),
        "source" => check(py, Source::find(&text), query)?.to_py(py, registry),
        _ => Err(PyValueError::new_err(format!("no enum {kind:?} in marrowkb"))),
    }
}

/// The whole knowledge base as the Rust JSON export writes it (`marrowkb::export::to_json`).
#[pyfunction]
fn to_json() -> String {
    marrowkb::export::to_json()
}

// ---------------------------------------------------------------------------------------------------
// HPO terms.
// ---------------------------------------------------------------------------------------------------

/// A current term of the compiled-in Human Phenotype Ontology release (`marrowkb.HPO_RELEASE`).
///
/// `Term("HP:0001873")`, `Term("0001873")` and `Term(1873)` are the same term; alternative and obsolete
/// ids resolve to the current term that replaces them (see `marrowkb.hpo_resolve`). Terms are immutable,
/// hashable, ordered by id and picklable.
#[pyclass(frozen, eq, ord, hash, module = "marrowkb", name = "Term")]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct PyTerm(Term);

fn term_arg(py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<Term> {
    if let Ok(term) = id.cast::<PyTerm>() {
        return Ok(term.get().0);
    }
    if let Ok(text) = id.cast::<PyString>() {
        // The hot path (`hpo_term("HP:0001873")`): with the abi3 (3.9) API, `to_cow` copies the UTF-8
        // bytes into a String after encoding them; reading them in place saves an allocation and a copy.
        let bytes = text.encode_utf8()?;
        if let Ok(text) = core::str::from_utf8(bytes.as_bytes()) {
            return check(py, hpo::term(text), Query::Text(text));
        }
    }
    let arg = id_arg(id, "HPO id")?;
    let found = match &arg {
        IdArg::Number(n) => hpo::term(*n),
        IdArg::Text(text) => hpo::term(&**text),
    };
    check(py, found, arg.query())
}

/// The Python objects of one HPO term, each made on first use and then shared.
struct TermObjects {
    term: PyOnceLock<Py<PyTerm>>,
    id: PyOnceLock<Py<PyString>>,
    name: PyOnceLock<Py<PyString>>,
}

/// One Python `Term` object per HPO term (and one `str` for its id and for its name), made on first use
/// and then shared: handing out a term or its name is a reference-count increment, not an allocation.
/// (Terms are immutable values, so sharing is invisible except that `hpo_term(x) is hpo_term(x)`.)
static TERM_OBJECTS: PyOnceLock<Box<[TermObjects]>> = PyOnceLock::new();

/// The shared objects of a term (`None` only for an index the core never hands out).
fn term_objects(py: Python<'_>, term: Term) -> Option<&'static TermObjects> {
    let slots = TERM_OBJECTS.get_or_init(py, || {
        (0..hpo::TERM_COUNT)
            .map(|_| TermObjects {
                term: PyOnceLock::new(),
                id: PyOnceLock::new(),
                name: PyOnceLock::new(),
            })
            .collect()
    });
    slots.get(term.index())
}

/// The shared Python object of a term.
fn term_object<'py>(py: Python<'py>, term: Term) -> PyResult<Bound<'py, PyTerm>> {
    match term_objects(py, term) {
        Some(slot) => Ok(slot
            .term
            .get_or_try_init(py, || Py::new(py, PyTerm(term)))?
            .bind(py)
            .clone()),
        None => Bound::new(py, PyTerm(term)),
    }
}

/// `term_object`, or None.
fn optional_term<'py>(py: Python<'py>, term: Option<Term>) -> PyResult<Bound<'py, PyAny>> {
    match term {
        Some(t) => Ok(term_object(py, t)?.into_any()),
        None => Ok(py.None().into_bound(py)),
    }
}

fn term_tuple<'py>(py: Python<'py>, terms: impl Iterator<Item = Term>) -> PyResult<Bound<'py, PyTuple>> {
    let objects = terms.map(|t| term_object(py, t)).collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, objects)
}

#[pymethods]
impl PyTerm {
    #[new]
    fn new(py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<Self> {
        term_arg(py, id).map(Self)
    }

    /// `HP:0000001` All, the root of the ontology.
    #[classattr]
    #[allow(non_snake_case)]
    fn ROOT() -> Self {
        Self(Term::ROOT)
    }

    /// `HP:0000118` Phenotypic abnormality.
    #[classattr]
    #[allow(non_snake_case)]
    fn PHENOTYPIC_ABNORMALITY() -> Self {
        Self(Term::PHENOTYPIC_ABNORMALITY)
    }

    /// The id as a CURIE, e.g. "HP:0001873".
    #[getter]
    fn id<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        let make = || PyString::new(py, &self.0.id().to_string()).unbind();
        match term_objects(py, self.0) {
            Some(slot) => slot.id.get_or_init(py, make).bind(py).clone(),
            None => make().into_bound(py),
        }
    }
    /// The id's number, e.g. 1873.
    #[getter]
    fn number(&self) -> u32 {
        self.0.id().get()
    }
    /// The term's label.
    #[getter]
    fn name<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        let make = || PyString::new(py, self.0.name()).unbind();
        match term_objects(py, self.0) {
            Some(slot) => slot.name.get_or_init(py, make).bind(py).clone(),
            None => make().into_bound(py),
        }
    }
    /// Direct parents (is-a), in the ontology's order.
    #[getter]
    fn parents<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        term_tuple(py, self.0.parents())
    }
    /// Every ancestor up to the root (without the term itself), each once.
    #[getter]
    fn ancestors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        term_tuple(py, self.0.ancestors())
    }
    /// Whether the term is in the Phenotypic abnormality branch.
    #[getter]
    fn is_phenotypic_abnormality(&self) -> bool {
        self.0.is_phenotypic_abnormality()
    }
    /// How many annotated diseases carry the term or a descendant.
    #[getter]
    fn disease_count(&self) -> u32 {
        self.0.disease_count()
    }
    /// `disease_count` over all annotated diseases (at least one disease counted).
    #[getter]
    fn disease_fraction(&self) -> f64 {
        self.0.disease_fraction()
    }
    /// `-ln(disease_fraction)`.
    #[getter]
    fn information_content(&self) -> f64 {
        self.0.information_content()
    }
    /// The term's synonyms in hp.obo (all but those HPO discards): `Synonym(text, scope, type)` records.
    #[getter]
    fn synonyms<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let class = registry(py)?.synonym.bind(py);
        let items = self
            .0
            .synonyms()
            .map(|s| make_record(class, (s.text, s.scope.key(), s.kind.map(|k| k.key()))))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, items)
    }
    /// The term's layperson synonyms: words a patient would use.
    #[getter]
    fn lay_names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.0.lay_names().collect::<Vec<_>>())
    }
    /// The term's plain name for patients (its first exact layperson synonym, else its first layperson
    /// synonym), or None.
    #[getter]
    fn lay_name(&self) -> Option<&'static str> {
        self.0.lay_name()
    }
    /// Whether this term is `other` or a descendant of it (`other`: a Term, a CURIE or a number).
    fn is_a(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.is_a(term_arg(py, other)?))
    }
    fn __repr__(&self) -> String {
        format!("<Term {} {:?}>", self.0.id(), self.0.name())
    }
    /// "HP:0001873 Thrombocytopenia".
    fn __str__(&self) -> String {
        self.0.to_string()
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (u32,))> {
        Ok((py.get_type::<PyTerm>().into_any(), (self.0.id().get(),)))
    }
}

/// The `str` ids `hpo_term` has resolved, each mapped to its shared `Term` object: a repeated id (the
/// usual case when reading annotation files) costs one dict probe instead of UTF-8 encoding and parsing.
/// Only exact `str` keys that resolve are kept, and at most [`TERM_MEMO_MAX`] of them.
static TERM_MEMO: PyOnceLock<Py<PyDict>> = PyOnceLock::new();
const TERM_MEMO_MAX: usize = 1 << 16;

/// The current HPO term for an id (`"HP:0001873"`, `"0001873"`, `1873`, or a Term).
#[pyfunction]
fn hpo_term<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if id.is_exact_instance_of::<PyTerm>() {
        return Ok(id.clone());
    }
    if id.is_exact_instance_of::<PyString>() {
        let memo = TERM_MEMO.get_or_init(py, || PyDict::new(py).unbind()).bind(py);
        if let Some(term) = memo.get_item(id)? {
            return Ok(term);
        }
        let term = term_object(py, term_arg(py, id)?)?.into_any();
        if memo.len() < TERM_MEMO_MAX {
            memo.set_item(id, &term)?;
        }
        return Ok(term);
    }
    Ok(term_object(py, term_arg(py, id)?)?.into_any())
}

/// The `str` findings `term` has resolved (ids or words), each mapped to its shared `Term` object: as
/// [`TERM_MEMO`], kept apart so that `hpo_term` still accepts ids only.
static WORD_MEMO: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// The HPO term for a finding: an id (as `hpo_term`), a Term, a marrowkb symptom key or name, or any HPO
/// label or synonym in any case (`"low platelet count"`). The same resolver as `differential`.
#[pyfunction]
fn term<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if text.is_exact_instance_of::<PyTerm>() {
        return Ok(text.clone());
    }
    if let Ok(s) = text.cast::<PyString>() {
        // As `hpo_term`: a text already resolved (findings repeat in real data) costs one dict probe.
        let exact = text.is_exact_instance_of::<PyString>();
        let memo = WORD_MEMO.get_or_init(py, || PyDict::new(py).unbind()).bind(py);
        if exact && let Some(term) = memo.get_item(text)? {
            return Ok(term);
        }
        let bytes = s.encode_utf8()?;
        if let Ok(s) = core::str::from_utf8(bytes.as_bytes()) {
            let found = check(py, marrowkb::finding::term(s), Query::Text(s))?;
            let term = term_object(py, found)?.into_any();
            if exact && memo.len() < TERM_MEMO_MAX {
                memo.set_item(text, &term)?;
            }
            return Ok(term);
        }
    }
    hpo_term(py, text)
}

/// Like `hpo_term`, and says whether the id was an alternative or obsolete one.
#[pyfunction]
fn hpo_resolve<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(id, "HPO id")?;
    let resolved = match &arg {
        IdArg::Number(n) => hpo::resolve(*n),
        IdArg::Text(text) => hpo::resolve(&**text),
    };
    let resolved = check(py, resolved, arg.query())?;
    let replaced = match resolved.replaced {
        None => None,
        Some(Replacement::AltId) => Some("alt_id"),
        Some(Replacement::Obsolete) => Some("obsolete"),
        Some(_) => Some("other"),
    };
    let class = registry(py)?.hpo_resolution.bind(py);
    make_record(
        class,
        (
            term_object(py, resolved.term)?,
            resolved.requested.to_string(),
            replaced,
        ),
    )
}

/// Every current HPO term, parents before children.
#[pyfunction]
fn hpo_terms(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    term_tuple(py, hpo::terms())
}

// ---------------------------------------------------------------------------------------------------
// Batch look-up: one boundary crossing for a whole iterable of names.
// ---------------------------------------------------------------------------------------------------

/// `[lookup_exact(name) for name in names]` in one call: a Disorder or None per name, in order. Missing
/// values (None, NaN, pandas' NA) and non-str items give None; the GIL is released while names are looked up.
#[pyfunction]
fn lookup_many<'py>(py: Python<'py>, names: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let (_, column) = resolution::cells(names, false)?;
    let found: Vec<Option<Disorder>> = py.detach(|| {
        column
            .cells
            .iter()
            .map(|cell| column.text(cell).and_then(marrowkb::lookup_exact))
            .collect()
    });
    let members = &registry(py)?.disorders;
    let none = py.None().into_bound(py);
    let out = found
        .into_iter()
        .map(|d| match d {
            Some(disorder) => members.get(py, disorder.discriminant()),
            None => Ok(none.clone()),
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, out)
}

/// Like `lookup_many`, but a `LookupResult(disorder, suggestions, status)` per name (suggestions for
/// misses; status "found", "missing", "unknown", "too_long" or "malformed").
#[pyfunction]
fn lookup_many_with_suggestions<'py>(py: Python<'py>, names: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let (_, column) = resolution::cells(names, false)?;
    let results: Vec<Result<Disorder, Error>> = py.detach(|| {
        column
            .cells
            .iter()
            .map(|cell| match (cell, column.text(cell)) {
                (_, Some(text)) => marrowkb::lookup(text),
                (resolution::Cell::Invalid(_), None) => Err(resolution::NOT_A_STR),
                (_, None) => Err(Error::EmptyInput),
            })
            .collect()
    });
    let registry = registry(py)?;
    let class = registry.lookup_result.bind(py);
    let none = py.None().into_bound(py);
    let empty = PyTuple::empty(py);
    let out = results
        .into_iter()
        .map(|result| {
            let status = marrowkb::resolution::Status::of(&result).key();
            let (disorder, suggestions) = match result {
                Ok(disorder) => (disorder.to_py(py, registry)?, empty.clone()),
                Err(Error::UnknownName { suggestions }) => (none.clone(), member_tuple(py, suggestions.iter())?),
                Err(_) => (none.clone(), empty.clone()),
            };
            make_record(class, (disorder, suggestions, status))
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, out)
}

/// The compiled half of the `marrowkb` package: use `import marrowkb`, not this module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", marrowkb::VERSION)?;
    m.add("DATA_VERSION", marrowkb::DATA_VERSION)?;
    m.add("SCHEMA_VERSION", marrowkb::export::SCHEMA_VERSION)?;
    m.add_class::<DisorderRecord>()?;
    m.add_class::<SymptomRecord>()?;
    m.add_class::<TreatmentRecord>()?;
    m.add_class::<CauseRecord>()?;
    m.add_class::<DiagnosticTestRecord>()?;
    m.add_class::<SourceRecord>()?;
    m.add_class::<PyTerm>()?;
    m.add("HPO_RELEASE", hpo::RELEASE)?;
    m.add_function(wrap_pyfunction!(hpo_term, m)?)?;
    m.add_function(wrap_pyfunction!(term, m)?)?;
    m.add_function(wrap_pyfunction!(hpo_resolve, m)?)?;
    m.add_function(wrap_pyfunction!(hpo_terms, m)?)?;
    m.add_function(wrap_pyfunction!(members, m)?)?;
    m.add_function(wrap_pyfunction!(_init, m)?)?;
    m.add_function(wrap_pyfunction!(lookup, m)?)?;
    m.add_function(wrap_pyfunction!(lookup_exact, m)?)?;
    m.add_function(wrap_pyfunction!(suggest, m)?)?;
    m.add_function(wrap_pyfunction!(resolve, m)?)?;
    m.add_function(wrap_pyfunction!(search, m)?)?;
    m.add_function(wrap_pyfunction!(disorders_for_gene, m)?)?;
    m.add_function(wrap_pyfunction!(gene_info, m)?)?;
    m.add_function(wrap_pyfunction!(genes, m)?)?;
    m.add_function(wrap_pyfunction!(disorder_from_orpha, m)?)?;
    m.add_function(wrap_pyfunction!(disorder_from_omim, m)?)?;
    m.add_function(wrap_pyfunction!(disorder_from_icd10, m)?)?;
    m.add_function(wrap_pyfunction!(disorder_all_for_orpha, m)?)?;
    m.add_function(wrap_pyfunction!(disorder_all_for_omim, m)?)?;
    m.add_function(wrap_pyfunction!(symptom_from_hpo, m)?)?;
    m.add_function(wrap_pyfunction!(from_key, m)?)?;
    m.add_function(wrap_pyfunction!(find, m)?)?;
    m.add_function(wrap_pyfunction!(to_json, m)?)?;
    m.add_function(wrap_pyfunction!(lookup_many, m)?)?;
    m.add_function(wrap_pyfunction!(lookup_many_with_suggestions, m)?)?;
    m.add_function(wrap_pyfunction!(resolution::resolve_many, m)?)?;
    m.add_function(wrap_pyfunction!(resolution::resolve_detailed, m)?)?;
    m.add_class::<differential::PyDifferential>()?;
    m.add_function(wrap_pyfunction!(differential::differential, m)?)?;
    m.add_function(wrap_pyfunction!(differential::differential_phenopacket_json, m)?)?;
    m.add_function(wrap_pyfunction!(differential::gene_likelihood_ratios, m)?)?;
    m.add_function(wrap_pyfunction!(differential::_differential_from, m)?)?;
    m.add_function(wrap_pyfunction!(blood_count::_interpretation_from, m)?)?;
    m.add_class::<blood_count::PyBloodCount>()?;
    m.add_class::<blood_count::PyInterpretation>()?;
    m.add_function(wrap_pyfunction!(blood_count::interpret_blood_count, m)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A value serde_json cannot write: a map whose keys are not strings.
    fn unwritable() -> BTreeMap<(u8, u8), u8> {
        BTreeMap::from([((1, 2), 3)])
    }

    #[test]
    fn json_writes_what_serde_writes() {
        Python::initialize();
        Python::attach(|py| {
            let info = Disorder::FanconiAnemia.info();
            assert_eq!(
                json(py, info).unwrap(),
                marrowkb::export::disorder_json(Disorder::FanconiAnemia)
            );
        });
    }

    #[test]
    fn json_failure_is_an_exception_not_empty_text() {
        Python::initialize();
        Python::attach(|py| {
            let error = json(py, &unwritable()).unwrap_err();
            // Before `import marrowkb` registers `MarrowkbError`, the fallback is a RuntimeError.
            assert!(error.is_instance_of::<PyRuntimeError>(py));
            let message = error.value(py).to_string();
            assert!(message.contains("could not be written as JSON"), "{message}");
            assert!(message.contains("key must be a string"), "{message}");
        });
    }
}
