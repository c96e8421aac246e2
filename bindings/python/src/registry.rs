//! The objects `marrowkb/__init__.py` registers at import ([`_init`]): the Python enums' members, the
//! record (`NamedTuple`) classes and the exception classes, kept for the life of the interpreter.

use marrowkb::{Cause, DiagnosticTest, Disorder, Source, Symptom, Treatment};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

/// The members of one Python enum, indexed by discriminant.
pub(crate) struct Members(Vec<Option<Py<PyAny>>>);

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

    pub(crate) fn get<'py>(&self, py: Python<'py>, discriminant: u32) -> PyResult<Bound<'py, PyAny>> {
        match self.0.get(discriminant as usize) {
            Some(Some(member)) => Ok(member.bind(py).clone()),
            _ => Err(PyRuntimeError::new_err(format!(
                "marrowkb: no Python member for discriminant {discriminant}"
            ))),
        }
    }
}

/// Everything `marrowkb/__init__.py` hands over in [`_init`].
pub(crate) struct Registry {
    pub(crate) disorders: Members,
    pub(crate) symptoms: Members,
    pub(crate) treatments: Members,
    pub(crate) causes: Members,
    pub(crate) tests: Members,
    pub(crate) sources: Members,
    pub(crate) xref: Py<PyAny>,
    pub(crate) icd10_xref: Py<PyAny>,
    pub(crate) feature: Py<PyAny>,
    pub(crate) treatment_use: Py<PyAny>,
    pub(crate) relation: Py<PyAny>,
    pub(crate) risk: Py<PyAny>,
    pub(crate) gene: Py<PyAny>,
    pub(crate) gene_link: Py<PyAny>,
    pub(crate) resolved: Py<PyAny>,
    pub(crate) hit: Py<PyAny>,
    pub(crate) code_match: Py<PyAny>,
    pub(crate) lookup_result: Py<PyAny>,
    pub(crate) hpo_resolution: Py<PyAny>,
    pub(crate) ranked: Py<PyAny>,
    pub(crate) term_match: Py<PyAny>,
    pub(crate) absence_match: Py<PyAny>,
    pub(crate) missing_hallmark: Py<PyAny>,
    pub(crate) input_report: Py<PyAny>,
    pub(crate) reading: Py<PyAny>,
    pub(crate) red_cell_size_reading: Py<PyAny>,
    pub(crate) aplastic_assessment: Py<PyAny>,
    pub(crate) disorder_fit: Py<PyAny>,
    pub(crate) disorder_class: Py<PyAny>,
    pub(crate) symptom_class: Py<PyAny>,
    pub(crate) base_error: Py<PyAny>,
    pub(crate) unknown_name: Py<PyAny>,
    pub(crate) unknown_id: Py<PyAny>,
    pub(crate) obsolete_id: Py<PyAny>,
    pub(crate) invalid_argument: Py<PyAny>,
    pub(crate) unknown_key: Py<PyAny>,
    pub(crate) malformed_id: Py<PyAny>,
    pub(crate) empty_input: Py<PyAny>,
    pub(crate) input_too_long: Py<PyAny>,
    pub(crate) invalid_measurement: Py<PyAny>,
    pub(crate) invalid_phenopacket: Py<PyAny>,
    pub(crate) unknown_term: Py<PyAny>,
    pub(crate) ambiguous_term: Py<PyAny>,
    pub(crate) synonym: Py<PyAny>,
    pub(crate) ambiguous: Py<PyAny>,
}

pub(crate) static REGISTRY: PyOnceLock<Registry> = PyOnceLock::new();

pub(crate) fn registry(py: Python<'_>) -> PyResult<&'static Registry> {
    REGISTRY
        .get(py)
        .ok_or_else(|| PyRuntimeError::new_err("marrowkb._native is used before `import marrowkb` initialised it"))
}

/// A value that has a Python enum member.
pub(crate) trait Member: Copy {
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

/// `(MEMBER_NAME, discriminant)` for every value of an enum, in the core's order (`ALL`).
#[pyfunction]
pub(crate) fn members(kind: &str) -> PyResult<Vec<(String, u32)>> {
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
pub(crate) fn _init(py: Python<'_>, namespace: &Bound<'_, PyDict>) -> PyResult<()> {
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
