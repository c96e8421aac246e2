//! Python arguments to Rust values, with a `TypeError` or `ValueError` that names the argument.

use crate::errors::Query;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString};
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

impl IdArg<'_> {
    pub(crate) fn query(&self) -> Query<'_> {
        match self {
            IdArg::Number(n) => Query::Number(u64::from(*n)),
            IdArg::Text(text) => Query::Text(text),
        }
    }
}
