//! The Python `Term` class and the shared `Term` objects (one per HPO term, made on first use).

use marrowkb::hpo::{self, Term};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};

/// A current term of the compiled-in Human Phenotype Ontology release (`marrowkb.HPO_RELEASE`).
///
/// `Term("HP:0001873")`, `Term("0001873")` and `Term(1873)` are the same term; alternative and obsolete
/// ids resolve to the current term that replaces them (see `marrowkb.hpo_resolve`). Terms are immutable,
/// hashable, ordered by id and picklable.
#[pyclass(frozen, eq, ord, hash, module = "marrowkb", name = "Term")]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct PyTerm(pub(crate) Term);

/// The Python objects of one HPO term, each made on first use and then shared.
pub(crate) struct TermObjects {
    pub(crate) term: PyOnceLock<Py<PyTerm>>,
    pub(crate) id: PyOnceLock<Py<PyString>>,
    pub(crate) name: PyOnceLock<Py<PyString>>,
}

/// One Python `Term` object per HPO term (and one `str` for its id and for its name), made on first use
/// and then shared: handing out a term or its name is a reference-count increment, not an allocation.
/// (Terms are immutable values, so sharing is invisible except that `hpo_term(x) is hpo_term(x)`.)
pub(crate) static TERM_OBJECTS: PyOnceLock<Box<[TermObjects]>> = PyOnceLock::new();

/// The shared objects of a term (`None` only for an index the core never hands out).
pub(crate) fn term_objects(py: Python<'_>, term: Term) -> Option<&'static TermObjects> {
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
pub(crate) fn term_object<'py>(py: Python<'py>, term: Term) -> PyResult<Bound<'py, PyTerm>> {
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
pub(crate) fn optional_term<'py>(py: Python<'py>, term: Option<Term>) -> PyResult<Bound<'py, PyAny>> {
    match term {
        Some(t) => Ok(term_object(py, t)?.into_any()),
        None => Ok(py.None().into_bound(py)),
    }
}

pub(crate) fn term_tuple<'py>(py: Python<'py>, terms: impl Iterator<Item = Term>) -> PyResult<Bound<'py, PyTuple>> {
    let objects = terms.map(|t| term_object(py, t)).collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, objects)
}
