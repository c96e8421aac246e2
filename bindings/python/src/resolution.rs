//! The batch resolver for data pipelines: any iterable of cells in (list, tuple, generator, numpy array,
//! pandas or polars Series, pyarrow array, without importing any of them), one `Resolved` record per cell
//! out, the GIL released while the cells are resolved.

use crate::{Member, Query, make_record, member_tuple, registry, to_py_err};
use marrowkb::Error;
use marrowkb::resolution::{self, Status};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyList, PyString, PyTuple};

/// One cell of a column, copied out of Python so that the GIL can be released.
pub(crate) enum Cell {
    /// A `str` (or subclass: numpy's `str_`).
    Text(String),
    /// None, a float NaN (pandas, numpy), pandas' `NA` / `NaT`.
    Missing,
    /// Anything else (an int, bytes, a lone surrogate): the type's name.
    Invalid(String),
}

impl Cell {
    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Cell::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// The error a non-str cell stands for (its status is "malformed").
pub(crate) const NOT_A_STR: Error = Error::InvalidArgument {
    name: "cell",
    reason: "not a str",
};

fn cell(item: &Bound<'_, PyAny>) -> Cell {
    if let Ok(text) = item.cast::<PyString>() {
        return match text.to_cow() {
            Ok(text) => Cell::Text(text.into_owned()),
            Err(_) => Cell::Invalid("str with a lone surrogate".to_owned()),
        };
    }
    if item.is_none() {
        return Cell::Missing;
    }
    if let Ok(x) = item.cast::<PyFloat>()
        && x.value().is_nan()
    {
        return Cell::Missing;
    }
    let type_name = crate::type_name(item);
    if type_name == "NAType" || type_name == "NaTType" {
        return Cell::Missing;
    }
    Cell::Invalid(type_name)
}

/// The cells of a column, with the original objects (for the `input` field). Columnar objects are turned
/// into a list once: `to_pylist()` (pyarrow, polars), else `tolist()` (numpy, pandas).
pub(crate) fn cells<'py>(items: &Bound<'py, PyAny>) -> PyResult<(Vec<Bound<'py, PyAny>>, Vec<Cell>)> {
    if items.is_instance_of::<PyString>() || items.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "names must be an iterable of str, not a single str",
        ));
    }
    let converted;
    let items = if items.is_instance_of::<PyList>() || items.is_instance_of::<PyTuple>() {
        items
    } else if items.hasattr("to_pylist")? {
        converted = items.call_method0("to_pylist")?;
        &converted
    } else if items.hasattr("tolist")? {
        converted = items.call_method0("tolist")?;
        &converted
    } else {
        items
    };
    let mut objects = Vec::with_capacity(items.len().unwrap_or(0));
    let mut cells = Vec::with_capacity(objects.capacity());
    let mut push = |item: Bound<'py, PyAny>| {
        cells.push(cell(&item));
        objects.push(item);
    };
    if let Ok(list) = items.cast::<PyList>() {
        list.iter().for_each(&mut push);
    } else if let Ok(tuple) = items.cast::<PyTuple>() {
        tuple.iter().for_each(&mut push);
    } else {
        for item in items.try_iter()? {
            push(item?);
        }
    }
    Ok((objects, cells))
}

fn resolve_cell(cell: &Cell, suggestions: bool) -> Result<resolution::Resolution, Error> {
    match cell {
        Cell::Text(text) => resolution::resolve_detailed(text, suggestions),
        Cell::Missing => Err(Error::EmptyInput),
        Cell::Invalid(_) => Err(NOT_A_STR),
    }
}

/// A `Resolved(input, status, disorder, match, parent_code, groups, candidates, suggestions, error)` record.
fn resolved_record<'py>(
    py: Python<'py>,
    input: Bound<'py, PyAny>,
    cell: &Cell,
    result: Result<resolution::Resolution, Error>,
) -> PyResult<Bound<'py, PyAny>> {
    let registry = registry(py)?;
    let none = || py.None().into_bound(py);
    let status = Status::of(&result).key();
    let empty = PyTuple::empty(py);
    let (disorder, match_kind, parent, groups, candidates, suggestions, error) = match result {
        Ok(r) => (
            r.disorder.to_py(py, registry)?,
            r.match_kind.key().into_pyobject(py)?.into_any(),
            match r.parent_code {
                Some(code) => code.as_str().into_pyobject(py)?.into_any(),
                None => none(),
            },
            member_tuple(py, r.groups.iter())?,
            empty.clone(),
            empty.clone(),
            none(),
        ),
        Err(error) => {
            let message = match cell {
                Cell::Invalid(type_name) => format!("expected a str, got {type_name}"),
                Cell::Missing => "missing value".to_owned(),
                Cell::Text(_) if error == Error::EmptyInput => "missing value".to_owned(),
                Cell::Text(_) => error.to_string(),
            };
            let candidates = match error {
                Error::Ambiguous { candidates, .. } => member_tuple(py, candidates.iter())?,
                _ => empty.clone(),
            };
            let suggestions = match error {
                Error::UnknownName { suggestions } => member_tuple(py, suggestions.iter())?,
                _ => empty.clone(),
            };
            (
                none(),
                none(),
                none(),
                empty.clone(),
                candidates,
                suggestions,
                message.into_pyobject(py)?.into_any(),
            )
        }
    };
    let fields = PyTuple::new(
        py,
        [
            input,
            status.into_pyobject(py)?.into_any(),
            disorder,
            match_kind,
            parent,
            groups.into_any(),
            candidates.into_any(),
            suggestions.into_any(),
            error,
        ],
    )?;
    make_record(registry.resolved.bind(py), fields)
}

/// Resolves every cell of a column (names, codes, genes; None/NaN are "missing"): a list of `Resolved`
/// records, in order. The GIL is released while the cells are resolved.
#[pyfunction]
#[pyo3(signature = (items, suggestions = false))]
pub(crate) fn resolve_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    suggestions: bool,
) -> PyResult<Bound<'py, PyList>> {
    let (objects, cells) = cells(items)?;
    let results: Vec<_> = py.detach(|| cells.iter().map(|c| resolve_cell(c, suggestions)).collect());
    let out = objects
        .into_iter()
        .zip(&cells)
        .zip(results)
        .map(|((input, cell), result)| resolved_record(py, input, cell, result))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, out)
}

/// Resolves one input like `resolve`, but returns how it matched: a `Resolved` record. Raises the error
/// `resolve` raises (AmbiguousError with the candidates, UnknownNameError with suggestions …).
#[pyfunction]
pub(crate) fn resolve_detailed<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let query = crate::text_arg(text, "text")?;
    let result = resolution::resolve_detailed(&query, true).map_err(|e| to_py_err(py, e, Query::Text(&query)))?;
    let cell = Cell::Text(query.into_owned());
    resolved_record(py, text.clone(), &cell, Ok(result))
}
