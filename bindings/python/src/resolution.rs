//! The batch resolver for data pipelines: any iterable of cells in (list, tuple, generator, numpy array,
//! pandas or polars Series, pyarrow array, without importing any of them), one `Resolved` record per cell
//! out, the GIL released while the cells are resolved.

use crate::args::{text_arg, type_name};
use crate::convert::{make_record, member_tuple};
use crate::errors::{Query, to_py_err};
use crate::registry::{Member, registry};
use marrowkb::Error;
use marrowkb::resolution::{self, Status};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyFloat, PyList, PyString, PyTuple};

/// One cell of a column, copied out of Python so that the GIL can be released.
pub(crate) enum Cell {
    /// A `str` (or subclass: numpy's `str_`): its UTF-8 text is `Column::text[start..end]`.
    Text(usize, usize),
    /// None, a float NaN (pandas, numpy), pandas' `NA` / `NaT`.
    Missing,
    /// Anything else (an int, bytes, a lone surrogate): the type's name.
    Invalid(String),
}

/// The cells of a column: every text copied into one buffer (one allocation for the whole column, not one
/// per cell), so that the GIL can be released while they are resolved.
pub(crate) struct Column {
    text: String,
    pub(crate) cells: Vec<Cell>,
}

impl Column {
    /// The text of a cell, `None` for a missing or invalid one.
    pub(crate) fn text(&self, cell: &Cell) -> Option<&str> {
        match cell {
            Cell::Text(start, end) => self.text.get(*start..*end),
            _ => None,
        }
    }

    fn push(&mut self, item: &Bound<'_, PyAny>) {
        let cell = if let Ok(text) = item.cast::<PyString>() {
            // With the abi3 (3.9) API, `to_cow` encodes into a bytes object and then copies into a String;
            // reading the bytes object in place saves an allocation and a copy per cell.
            match text.encode_utf8().map(|bytes| {
                core::str::from_utf8(bytes.as_bytes()).map(|t| {
                    let start = self.text.len();
                    self.text.push_str(t);
                    Cell::Text(start, self.text.len())
                })
            }) {
                Ok(Ok(cell)) => cell,
                _ => Cell::Invalid("str with a lone surrogate".to_owned()),
            }
        } else if item.is_none() {
            Cell::Missing
        } else if let Ok(x) = item.cast::<PyFloat>()
            && x.value().is_nan()
        {
            Cell::Missing
        } else {
            let type_name = type_name(item);
            if type_name == "NAType" || type_name == "NaTType" {
                Cell::Missing
            } else {
                Cell::Invalid(type_name)
            }
        };
        self.cells.push(cell);
    }
}

/// The error a non-str cell stands for (its status is "malformed").
pub(crate) const NOT_A_STR: Error = Error::InvalidArgument {
    name: "cell",
    reason: "not a str",
};

/// The cells of a column, and the original objects when `keep` (for the `input` field). Columnar objects are
/// turned into a list once: `to_pylist()` (pyarrow, polars), else `tolist()` (numpy, pandas).
pub(crate) fn cells<'py>(items: &Bound<'py, PyAny>, keep: bool) -> PyResult<(Vec<Bound<'py, PyAny>>, Column)> {
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
    let n = items.len().unwrap_or(0);
    let mut objects = Vec::with_capacity(if keep { n } else { 0 });
    let mut column = Column {
        text: String::with_capacity(n * 16),
        cells: Vec::with_capacity(n),
    };
    let mut push = |item: Bound<'py, PyAny>| {
        column.push(&item);
        if keep {
            objects.push(item);
        }
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
    Ok((objects, column))
}

fn resolve_cell(column: &Column, cell: &Cell, suggestions: bool) -> Result<resolution::Resolution, Error> {
    match (cell, column.text(cell)) {
        (_, Some(text)) => resolution::resolve_detailed(text, suggestions),
        (Cell::Invalid(_), None) => Err(NOT_A_STR),
        (_, None) => Err(Error::EmptyInput),
    }
}

/// Shared `str` objects for the status and match keys (made once, then reference-counted).
fn key_object<'py>(
    py: Python<'py>,
    slots: &'static [PyOnceLock<Py<PyString>>],
    index: usize,
    key: &'static str,
) -> Bound<'py, PyAny> {
    match slots.get(index) {
        Some(slot) => slot
            .get_or_init(py, || PyString::intern(py, key).unbind())
            .bind(py)
            .clone()
            .into_any(),
        None => PyString::new(py, key).into_any(),
    }
}

static STATUS_KEYS: [PyOnceLock<Py<PyString>>; 8] = [const { PyOnceLock::new() }; 8];
static MATCH_KEYS: [PyOnceLock<Py<PyString>>; 16] = [const { PyOnceLock::new() }; 16];

/// A `Resolved(input, status, disorder, match, parent_code, groups, candidates, suggestions, error)` record.
fn resolved_record<'py>(
    py: Python<'py>,
    input: Bound<'py, PyAny>,
    cell: &Cell,
    result: Result<resolution::Resolution, Error>,
) -> PyResult<Bound<'py, PyAny>> {
    let registry = registry(py)?;
    let none = || py.None().into_bound(py);
    let status = Status::of(&result);
    let status = key_object(py, &STATUS_KEYS, status as usize, status.key());
    let empty = PyTuple::empty(py);
    let (disorder, match_kind, parent, groups, candidates, suggestions, error) = match result {
        Ok(r) => (
            r.disorder.to_py(py, registry)?,
            key_object(py, &MATCH_KEYS, r.match_kind as usize, r.match_kind.key()),
            match r.parent_code {
                Some(code) => code.as_str().into_pyobject(py)?.into_any(),
                None => none(),
            },
            if r.groups.is_empty() {
                empty.clone()
            } else {
                member_tuple(py, r.groups.iter())?
            },
            empty.clone(),
            empty.clone(),
            none(),
        ),
        Err(error) => {
            let message = match cell {
                Cell::Invalid(type_name) => format!("expected a str, got {type_name}"),
                Cell::Missing => "missing value".to_owned(),
                Cell::Text(..) if error == Error::EmptyInput => "missing value".to_owned(),
                Cell::Text(..) => error.to_string(),
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
            status,
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
    let (objects, column) = cells(items, true)?;
    let results: Vec<_> = py.detach(|| {
        column
            .cells
            .iter()
            .map(|c| resolve_cell(&column, c, suggestions))
            .collect()
    });
    let out = objects
        .into_iter()
        .zip(&column.cells)
        .zip(results)
        .map(|((input, cell), result)| resolved_record(py, input, cell, result))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, out)
}

/// Resolves one input like `resolve`, but returns how it matched: a `Resolved` record. Raises the error
/// `resolve` raises (AmbiguousError with the candidates, UnknownNameError with suggestions …).
#[pyfunction]
pub(crate) fn resolve_detailed<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let query = text_arg(text, "text")?;
    let result = resolution::resolve_detailed(&query, true).map_err(|e| to_py_err(py, e, Query::Text(&query)))?;
    resolved_record(py, text.clone(), &Cell::Missing, Ok(result))
}
