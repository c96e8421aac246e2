//! HPO terms: `Term`'s methods and the `hpo_term`, `term`, `hpo_resolve` and `hpo_terms` functions.

use crate::args::{id_arg, with_id};
use crate::convert::make_record;
use crate::errors::{Query, check};
use crate::registry::registry;
use crate::terms::{PyTerm, term_object, term_objects, term_tuple};
use marrowkb::hpo::{self, Replacement, Term};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple};

pub(crate) fn term_arg(py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<Term> {
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
    let found = with_id!(&arg, hpo::term);
    check(py, found, arg.query())
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
pub(crate) static TERM_MEMO: PyOnceLock<Py<PyDict>> = PyOnceLock::new();
pub(crate) const TERM_MEMO_MAX: usize = 1 << 16;

/// The current HPO term for an id (`"HP:0001873"`, `"0001873"`, `1873`, or a Term).
#[pyfunction]
pub(crate) fn hpo_term<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
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
pub(crate) static WORD_MEMO: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// The HPO term for a finding: an id (as `hpo_term`), a Term, a marrowkb symptom key or name, or any HPO
/// label or synonym in any case (`"low platelet count"`). The same resolver as `differential`.
#[pyfunction]
pub(crate) fn term<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
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
pub(crate) fn hpo_resolve<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(id, "HPO id")?;
    let resolved = with_id!(&arg, hpo::resolve);
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
pub(crate) fn hpo_terms(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    term_tuple(py, hpo::terms())
}
