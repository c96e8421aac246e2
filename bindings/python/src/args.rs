//! Python arguments to Rust values, with a `TypeError` or `ValueError` that names the argument.

use crate::errors::{Query, invalid_argument};
use core::fmt::Display;
use marrowkb::differential::Sex;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PyString};
use std::borrow::Cow;

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

pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |name| name.to_string())
}

/// An identifier argument: a non-negative `int` or a `str` (never a `bool`).
pub(crate) enum IdArg<'a> {
    Number(u32),
    Text(Cow<'a, str>),
}

pub(crate) fn id_arg<'a>(value: &'a Bound<'_, PyAny>, what: &str) -> PyResult<IdArg<'a>> {
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

/// `$lookup(n)` or `$lookup(text)` for an [`IdArg`]: the core's id look-ups (`Disorder::from_orpha`,
/// `hpo::term`, …) take either.
macro_rules! with_id {
    ($arg:expr, $lookup:path) => {
        match $arg {
            $crate::args::IdArg::Number(n) => $lookup(*n),
            $crate::args::IdArg::Text(text) => $lookup(&**text),
        }
    };
}
pub(crate) use with_id;

impl IdArg<'_> {
    pub(crate) fn query(&self) -> Query<'_> {
        match self {
            IdArg::Number(n) => Query::Number(u64::from(*n)),
            IdArg::Text(text) => Query::Text(text),
        }
    }
}

/// A real number argument: an int or a float (or anything with `__float__` or `__index__`, such as NumPy
/// scalars, `Decimal` and `Fraction`), never a bool or a str.
pub(crate) fn number_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<f64> {
    let wrong = || {
        PyTypeError::new_err(format!(
            "{what} must be a number (int or float), not {}",
            type_name(value)
        ))
    };
    if value.is_instance_of::<PyBool>() || value.is_instance_of::<PyString>() || value.is_instance_of::<PyBytes>() {
        return Err(wrong());
    }
    if value.is_instance_of::<PyFloat>() || value.is_instance_of::<PyInt>() {
        return value.extract::<f64>();
    }
    if value.hasattr("__float__")? || value.hasattr("__index__")? {
        return value.extract::<f64>().map_err(|_| wrong());
    }
    Err(wrong())
}

/// A str argument naming one value of a closed set: a `TypeError` (`{argument} must be {shape}, not …`) for
/// anything but a str, an `InvalidArgumentError` (with `reason`, the text as its `query`) when `parse`
/// finds no value for the text.
pub(crate) fn str_choice<T>(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    argument: &'static str,
    shape: &dyn Display,
    reason: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> PyResult<T> {
    let text = value
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{argument} must be {shape}, not {}", type_name(value))))?
        .to_string_lossy();
    parse(&text).ok_or_else(|| invalid_argument(py, argument, reason, Query::Text(&text)))
}

/// `sex=`: "female"/"male" (or "f", "m", "woman", "man").
pub(crate) fn sex_arg(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Sex>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let reason = "expected \"female\" or \"male\" (or \"f\", \"m\")";
    str_choice(py, value, "sex", &"a str (\"female\" or \"male\")", reason, |text| {
        text.parse::<Sex>().ok()
    })
    .map(Some)
}
