//! Rust values to Python objects: enum members, tuples, the registered record classes and JSON text.

use crate::registry::{Member, Registry, registry};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;

/// A tuple of enum members.
pub(crate) fn member_tuple<'py, T: Member>(
    py: Python<'py>,
    items: impl IntoIterator<Item = T>,
) -> PyResult<Bound<'py, PyTuple>> {
    let registry = registry(py)?;
    let items = items
        .into_iter()
        .map(|item| item.to_py(py, registry))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, items)
}

/// A tuple of strings.
pub(crate) fn str_tuple<'py, I>(py: Python<'py>, items: I) -> PyResult<Bound<'py, PyTuple>>
where
    I: IntoIterator<Item = &'static str>,
    I::IntoIter: ExactSizeIterator,
{
    PyTuple::new(py, items)
}

/// A record (an instance of a registered `namedtuple` class) with these fields, made the way
/// `namedtuple._make` makes one, `tuple.__new__(class, fields)`: no Python-level `__new__` frame per
/// record. `fields` must have exactly the class's fields, in order.
pub(crate) fn make_record<'py, A>(class: &Bound<'py, PyAny>, fields: A) -> PyResult<Bound<'py, PyAny>>
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
pub(crate) fn record_tuple<'py, T>(
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

/// An enum member, or None.
pub(crate) fn optional_member<'py, T: Member>(
    py: Python<'py>,
    registry: &Registry,
    item: Option<T>,
) -> PyResult<Bound<'py, PyAny>> {
    match item {
        Some(item) => item.to_py(py, registry),
        None => Ok(py.None().into_bound(py)),
    }
}

/// `value` as pretty-printed JSON (serde, as the Rust export and the CLI's `--json` write it); a
/// `MarrowkbError` if it cannot be serialized.
pub(crate) fn json<T: serde::Serialize + ?Sized>(py: Python<'_>, value: &T) -> PyResult<String> {
    serde_json::to_string_pretty(value).map_err(|error| json_error(py, &error))
}

/// The exception for a value serde could not write: `MarrowkbError` (a `RuntimeError` before
/// `import marrowkb` has registered the exception classes).
pub(crate) fn json_error(py: Python<'_>, error: &serde_json::Error) -> PyErr {
    let message = format!("marrowkb: the value could not be written as JSON: {error}");
    let raised = registry(py).and_then(|registry| registry.base_error.bind(py).call1((message.as_str(),)));
    match raised {
        Ok(value) => PyErr::from_value(value),
        Err(_) => PyRuntimeError::new_err(message),
    }
}

/// `json.loads(text)` (the module is imported on first use: `import marrowkb` does not load it).
pub(crate) fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || py.import("json")?.getattr("loads").map(Bound::unbind))?;
    loads.bind(py).call1((text,))
}

#[cfg(test)]
mod tests {
    use super::*;
    use marrowkb::Disorder;
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
