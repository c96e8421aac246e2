//! Look-ups: names, codes, genes and keys to enum members, one at a time or a batch per call.

use crate::args::{IdArg, id_arg, text_arg, with_id};
use crate::convert::{make_record, member_tuple, optional_member, record_tuple};
use crate::errors::{Query, check};
use crate::registry::{Member, registry};
use crate::resolution;
use marrowkb::classes::{IcdMatch, XrefMatch};
use marrowkb::search::HitKind;
use marrowkb::{Cause, DiagnosticTest, Disorder, Error, Gene, Source, Symptom, Treatment};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

/// The disorder with this name, synonym or abbreviation (normalized: case, diacritics, punctuation,
/// spaces and British spelling are ignored).
#[pyfunction]
pub(crate) fn lookup<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let disorder = check(py, marrowkb::lookup(&text), Query::Text(&text))?;
    disorder.to_py(py, registry(py)?)
}

/// Like `lookup` but None for anything not found (no suggestions computed).
#[pyfunction]
pub(crate) fn lookup_exact<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    match marrowkb::lookup_exact(&text) {
        Some(disorder) => disorder.to_py(py, registry(py)?),
        None => Ok(py.None().into_bound(py)),
    }
}

/// The disorders whose names are closest to `text`, best first (at most three).
#[pyfunction]
pub(crate) fn suggest<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let text = text_arg(text, "text")?;
    member_tuple(py, marrowkb::suggest(&text).iter())
}

/// One disorder from a name, an ORPHA or OMIM id, an ICD-10 code one disorder carries, or a gene
/// symbol linked to exactly one disorder.
#[pyfunction]
pub(crate) fn resolve<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let disorder = check(py, marrowkb::resolve(&text), Query::Text(&text))?;
    disorder.to_py(py, registry(py)?)
}

/// Free-text search over names, genes, symptoms and codes.
#[pyfunction]
pub(crate) fn search<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let text = text_arg(text, "text")?;
    let hits = check(py, marrowkb::search(&text), Query::Text(&text))?;
    record_tuple(
        py,
        hits,
        |r| &r.hit,
        |reg, hit| {
            let kind = match hit.kind {
                HitKind::Name => "name",
                HitKind::Gene => "gene",
                HitKind::Symptom => "symptom",
                HitKind::Code => "code",
            };
            PyTuple::new(
                py,
                [
                    hit.disorder.to_py(py, reg)?,
                    kind.into_pyobject(py)?.into_any(),
                    hit.matched.into_pyobject(py)?.into_any(),
                    optional_member(py, reg, hit.through)?,
                ],
            )
        },
    )
}

/// The disorders a gene (HGNC symbol, any case) answers for: those HPO links it to and the groups they are a
/// subtype of (`gene_info(symbol).links` says which come through a subtype).
#[pyfunction]
pub(crate) fn disorders_for_gene<'py>(py: Python<'py>, symbol: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let symbol = text_arg(symbol, "symbol")?;
    let disorders = check(py, marrowkb::disorders_for_gene(&symbol), Query::Text(&symbol))?;
    member_tuple(py, disorders.iter().copied())
}

pub(crate) fn gene_record<'py>(py: Python<'py>, gene: Gene) -> PyResult<Bound<'py, PyAny>> {
    let registry = registry(py)?;
    let links = record_tuple(
        py,
        gene.links().iter(),
        |r| &r.gene_link,
        |reg, link| {
            PyTuple::new(
                py,
                [link.disorder.to_py(py, reg)?, optional_member(py, reg, link.through)?],
            )
        },
    )?;
    let args = (
        gene.symbol(),
        gene.ncbi_gene_id(),
        member_tuple(py, gene.disorders().iter().copied())?,
        links,
    );
    make_record(registry.gene.bind(py), args)
}

/// A gene by HGNC symbol (str, any case) or NCBI Gene id (int).
#[pyfunction]
pub(crate) fn gene_info<'py>(py: Python<'py>, gene: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(gene, "gene")?;
    let found = match &arg {
        IdArg::Number(n) => Gene::from_ncbi_gene_id(*n),
        IdArg::Text(symbol) => Gene::from_symbol(symbol),
    };
    gene_record(py, check(py, found, arg.query())?)
}

/// Every gene, sorted by symbol.
#[pyfunction]
pub(crate) fn genes<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
    let records = Gene::all().map(|g| gene_record(py, g)).collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, records)
}

/// `Disorder.from_orpha`: the disorder an ORPHA id is (or is a form of).
#[pyfunction]
pub(crate) fn disorder_from_orpha<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(id, "ORPHA id")?;
    let found = with_id!(&arg, Disorder::from_orpha);
    check(py, found, arg.query())?.to_py(py, registry(py)?)
}

/// `Disorder.from_omim`: the disorder an OMIM entry is (or is a form of).
#[pyfunction]
pub(crate) fn disorder_from_omim<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(id, "OMIM id")?;
    let found = with_id!(&arg, Disorder::from_omim);
    check(py, found, arg.query())?.to_py(py, registry(py)?)
}

pub(crate) fn code_matches<'py, M: Copy>(
    py: Python<'py>,
    links: &'static [(Disorder, M)],
    key: fn(M) -> &'static str,
) -> PyResult<Bound<'py, PyTuple>> {
    record_tuple(
        py,
        links.iter().copied(),
        |r| &r.code_match,
        |reg, (d, m)| PyTuple::new(py, [d.to_py(py, reg)?, key(m).into_pyobject(py)?.into_any()]),
    )
}

/// `Disorder.from_icd10`: every disorder coded with an ICD-10 code, exact codings first.
#[pyfunction]
pub(crate) fn disorder_from_icd10<'py>(py: Python<'py>, code: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let code = text_arg(code, "code")?;
    let links = check(py, Disorder::from_icd10(&code), Query::Text(&code))?;
    code_matches(py, links, IcdMatch::key)
}

/// `Disorder.all_for_orpha`: every disorder linked to an ORPHA id, with how (possibly none).
#[pyfunction]
pub(crate) fn disorder_all_for_orpha<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let arg = id_arg(id, "ORPHA id")?;
    let id = match &arg {
        IdArg::Number(n) => marrowkb::codes::OrphaId::new(*n),
        IdArg::Text(text) => check(py, marrowkb::codes::OrphaId::parse(text), arg.query())?,
    };
    code_matches(py, Disorder::all_for_orpha(id), XrefMatch::key)
}

/// `Disorder.all_for_omim`: every disorder linked to an OMIM entry, with how (possibly none).
#[pyfunction]
pub(crate) fn disorder_all_for_omim<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let arg = id_arg(id, "OMIM id")?;
    let id = match &arg {
        IdArg::Number(n) => marrowkb::codes::OmimId::new(*n),
        IdArg::Text(text) => check(py, marrowkb::codes::OmimId::parse(text), arg.query())?,
    };
    code_matches(py, Disorder::all_for_omim(id), XrefMatch::key)
}

/// `Symptom.from_hpo`: the symptom whose HPO terms include this id.
#[pyfunction]
pub(crate) fn symptom_from_hpo<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let arg = id_arg(id, "HPO id")?;
    let found = with_id!(&arg, Symptom::from_hpo);
    check(py, found, arg.query())?.to_py(py, registry(py)?)
}

/// The member of the enum named `kind` that `$method` (`from_key` or `find`) gives for `$text`.
macro_rules! member_of_kind {
    ($py:ident, $kind:expr, $method:ident, $text:expr) => {{
        let query = Query::Text($text);
        let registry = registry($py)?;
        match $kind {
            "disorder" => check($py, Disorder::$method($text), query)?.to_py($py, registry),
            "symptom" => check($py, Symptom::$method($text), query)?.to_py($py, registry),
            "treatment" => check($py, Treatment::$method($text), query)?.to_py($py, registry),
            "cause" => check($py, Cause::$method($text), query)?.to_py($py, registry),
            "diagnostic_test" => check($py, DiagnosticTest::$method($text), query)?.to_py($py, registry),
            "source" => check($py, Source::$method($text), query)?.to_py($py, registry),
            kind => Err(PyValueError::new_err(format!("no enum {kind:?} in marrowkb"))),
        }
    }};
}

/// `X.from_key(key)`: the member of enum `kind` with this exact stable key.
#[pyfunction]
pub(crate) fn from_key<'py>(py: Python<'py>, kind: &str, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let key = text_arg(key, "key")?;
    member_of_kind!(py, kind, from_key, &key)
}

/// `X.find(text)`: the member of enum `kind` with this key or name (normalized like `lookup`).
#[pyfunction]
pub(crate) fn find<'py>(py: Python<'py>, kind: &str, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    member_of_kind!(py, kind, find, &text)
}

/// The whole knowledge base as the Rust JSON export writes it (`marrowkb::export::to_json`).
#[pyfunction]
pub(crate) fn to_json() -> String {
    marrowkb::export::to_json()
}

// ---------------------------------------------------------------------------------------------------
// Batch look-up: one boundary crossing for a whole iterable of names.
// ---------------------------------------------------------------------------------------------------

/// `[lookup_exact(name) for name in names]` in one call: a Disorder or None per name, in order. Missing
/// values (None, NaN, pandas' NA) and non-str items give None; the GIL is released while names are looked up.
#[pyfunction]
pub(crate) fn lookup_many<'py>(py: Python<'py>, names: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let (_, column) = resolution::cells(names, false)?;
    let found: Vec<Option<Disorder>> = py.detach(|| {
        column
            .cells
            .iter()
            .map(|cell| column.text(cell).and_then(marrowkb::lookup_exact))
            .collect()
    });
    let members = &registry(py)?.disorders;
    let none = py.None().into_bound(py);
    let out = found
        .into_iter()
        .map(|d| match d {
            Some(disorder) => members.get(py, disorder.discriminant()),
            None => Ok(none.clone()),
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, out)
}

/// Like `lookup_many`, but a `LookupResult(disorder, suggestions, status)` per name (suggestions for
/// misses; status "found", "missing", "unknown", "too_long" or "malformed").
#[pyfunction]
pub(crate) fn lookup_many_with_suggestions<'py>(
    py: Python<'py>,
    names: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let (_, column) = resolution::cells(names, false)?;
    let results: Vec<Result<Disorder, Error>> = py.detach(|| {
        column
            .cells
            .iter()
            .map(|cell| match (cell, column.text(cell)) {
                (_, Some(text)) => marrowkb::lookup(text),
                (resolution::Cell::Invalid(_), None) => Err(resolution::NOT_A_STR),
                (_, None) => Err(Error::EmptyInput),
            })
            .collect()
    });
    let registry = registry(py)?;
    let class = registry.lookup_result.bind(py);
    let none = py.None().into_bound(py);
    let empty = PyTuple::empty(py);
    let out = results
        .into_iter()
        .map(|result| {
            let status = marrowkb::resolution::Status::of(&result).key();
            let (disorder, suggestions) = match result {
                Ok(disorder) => (disorder.to_py(py, registry)?, empty.clone()),
                Err(Error::UnknownName { suggestions }) => (none.clone(), member_tuple(py, suggestions.iter())?),
                Err(_) => (none.clone(), empty.clone()),
            };
            make_record(class, (disorder, suggestions, status))
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, out)
}
