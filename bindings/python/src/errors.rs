//! Core errors to the `marrowkb` exceptions (the hierarchy is defined in `__init__.py`).

use crate::convert::member_tuple;
use crate::registry::registry;
use crate::terms::term_tuple;
use marrowkb::Error;
use marrowkb::codes::IdKind;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// What the user asked, for error messages and the exception's `query` attribute.
#[derive(Clone, Copy)]
pub(crate) enum Query<'a> {
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

pub(crate) fn id_kind(kind: IdKind) -> String {
    kind.to_string()
}

/// Maps a core error to the `marrowkb` exception for it (see `__init__.py` for the hierarchy).
pub(crate) fn to_py_err(py: Python<'_>, error: Error, query: Query<'_>) -> PyErr {
    match build_error(py, error, query) {
        Ok(err) | Err(err) => err,
    }
}

pub(crate) fn build_error(py: Python<'_>, error: Error, query: Query<'_>) -> PyResult<PyErr> {
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
pub(crate) fn check<T>(py: Python<'_>, result: marrowkb::Result<T>, query: Query<'_>) -> PyResult<T> {
    result.map_err(|error| to_py_err(py, error, query))
}

/// An `InvalidArgumentError` for a Python argument.
pub(crate) fn invalid_argument(
    py: Python<'_>,
    argument: &'static str,
    reason: &'static str,
    query: Query<'_>,
) -> PyErr {
    to_py_err(py, Error::InvalidArgument { name: argument, reason }, query)
}
