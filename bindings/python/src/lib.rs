//! `marrowkb._native`: the compiled half of the `marrowkb` Python package.
//!
//! A thin layer over the `marrowkb` crate: every answer comes from the core, this module only converts
//! between Rust and Python values. The pure-Python half (`python/marrowkb/__init__.py`) builds the Python
//! enums (`Disorder`, `Symptom`, …) from `members()` at import time and hands them back with `_init()`,
//! together with its record classes (`typing.NamedTuple`s) and exception classes, so that this module
//! can return enum members and records directly (one boundary crossing per call, even for a batch).
//!
//! Per-member attributes live on the `*Record` classes (`records`: one getter per field of the Rust
//! record); the Python enums forward every getter as a read-only property.
//!
//! This file only registers the module's contents. The modules, from the bottom up: `registry` (what
//! `__init__.py` hands over at import), `convert` (Rust values to Python objects), `terms` (the shared
//! `Term` objects), `errors` (core errors to Python exceptions), `args` (Python arguments to Rust values);
//! then one module per family of functions and classes: `records`, `lookup`, `resolution` (batch
//! resolution of data-frame columns), `hpo`, `blood_count` and `differential`.

mod args;
mod blood_count;
mod convert;
mod differential;
mod errors;
mod hpo;
mod lookup;
mod records;
mod registry;
mod resolution;
mod terms;

use pyo3::prelude::*;

/// The compiled half of the `marrowkb` package: use `import marrowkb`, not this module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", marrowkb::VERSION)?;
    m.add("DATA_VERSION", marrowkb::DATA_VERSION)?;
    m.add("SCHEMA_VERSION", marrowkb::export::SCHEMA_VERSION)?;
    m.add_class::<records::DisorderRecord>()?;
    m.add_class::<records::SymptomRecord>()?;
    m.add_class::<records::TreatmentRecord>()?;
    m.add_class::<records::CauseRecord>()?;
    m.add_class::<records::DiagnosticTestRecord>()?;
    m.add_class::<records::SourceRecord>()?;
    m.add_class::<terms::PyTerm>()?;
    m.add("HPO_RELEASE", marrowkb::hpo::RELEASE)?;
    m.add_function(wrap_pyfunction!(hpo::hpo_term, m)?)?;
    m.add_function(wrap_pyfunction!(hpo::term, m)?)?;
    m.add_function(wrap_pyfunction!(hpo::hpo_resolve, m)?)?;
    m.add_function(wrap_pyfunction!(hpo::hpo_terms, m)?)?;
    m.add_function(wrap_pyfunction!(registry::members, m)?)?;
    m.add_function(wrap_pyfunction!(registry::_init, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::lookup, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::lookup_exact, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::suggest, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::resolve, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::search, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::disorders_for_gene, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::gene_info, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::genes, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::disorder_from_orpha, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::disorder_from_omim, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::disorder_from_icd10, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::disorder_all_for_orpha, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::disorder_all_for_omim, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::symptom_from_hpo, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::from_key, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::find, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::to_json, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::lookup_many, m)?)?;
    m.add_function(wrap_pyfunction!(lookup::lookup_many_with_suggestions, m)?)?;
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
