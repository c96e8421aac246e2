//! `marrowkb.differential(...)`: the core's [`marrowkb::differential`], converted.
//!
//! Python values become [`TermInput`]s, evidence pairs and options; the core's [`Differential`] is kept
//! whole inside the Python `Differential` object, whose records (`Ranked`, `TermMatch`, …) are built on
//! first access and then shared.

use marrowkb::Disorder;
use marrowkb::classes::Onset;
use marrowkb::codes::HpoId;
use marrowkb::differential::{AgeOfOnset, Differential, InputReport, Query as CoreQuery, Sex, TermInput};
use marrowkb::hpo::Term;
use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyInt, PyString, PyTuple};

use crate::args::{number_arg, sex_arg, str_choice, text_arg, type_name};
use crate::blood_count::{PyBloodCount, PyInterpretation};
use crate::convert::{json, json_loads, make_record};
use crate::errors::{Query, check, invalid_argument, to_py_err};
use crate::registry::{Member, Registry, registry};
use crate::terms::{PyTerm, optional_term, term_object, term_tuple};
use marrowkb::Error;

/// One observed or excluded finding as the caller gave it, converted (text is owned: the core borrows it).
enum Finding {
    Text(String),
    Id(HpoId),
    Term(Term),
    Symptom(marrowkb::Symptom),
}

impl Finding {
    fn input(&self) -> TermInput<'_> {
        match self {
            Finding::Text(text) => TermInput::Text(text),
            Finding::Id(id) => TermInput::Id(*id),
            Finding::Term(term) => TermInput::Term(*term),
            Finding::Symptom(symptom) => TermInput::Symptom(*symptom),
        }
    }

    /// The exception's `query` for this finding.
    fn query(&self) -> Query<'_> {
        match self {
            Finding::Text(text) => Query::Text(text),
            Finding::Id(id) => Query::Number(id.get().into()),
            Finding::Term(term) => Query::Number(term.id().get().into()),
            Finding::Symptom(_) => Query::None,
        }
    }
}

/// The core value of a member of a registered Python enum (`class`), or None for anything else.
fn enum_value(value: &Bound<'_, PyAny>, class: &Py<PyAny>) -> PyResult<Option<u32>> {
    if value.get_type().is(class.bind(value.py())) {
        Ok(Some(value.getattr("_value_")?.extract::<u32>()?))
    } else {
        Ok(None)
    }
}

fn finding(registry: &Registry, value: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<Finding> {
    if let Ok(term) = value.cast::<PyTerm>() {
        return Ok(Finding::Term(term.get().0));
    }
    if let Some(discriminant) = enum_value(value, &registry.symptom_class)? {
        let symptom =
            marrowkb::Symptom::from_discriminant(discriminant).map_err(|e| PyValueError::new_err(e.to_string()))?;
        return Ok(Finding::Symptom(symptom));
    }
    if let Ok(text) = value.cast::<PyString>() {
        // A str that cannot be UTF-8 (a lone surrogate) is malformed: the core reports it so.
        return Ok(Finding::Text(text.to_string_lossy().into_owned()));
    }
    if value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>() {
        return match value.extract::<u32>() {
            Ok(n) => Ok(Finding::Id(HpoId::new(n))),
            Err(_) => Err(PyValueError::new_err(format!(
                "{} {} is out of range (0 to {})",
                what(),
                value.str().map_or_else(|_| "?".to_owned(), |s| s.to_string()),
                u32::MAX
            ))),
        };
    }
    Err(PyTypeError::new_err(format!(
        "{} must be an HPO id or words (str), an int id, a Term or a Symptom, not {}",
        what(),
        type_name(value)
    )))
}

/// The findings of `observed` or `excluded` (any iterable but a single str) and the objects as given.
fn findings(
    registry: &Registry,
    values: Option<&Bound<'_, PyAny>>,
    name: &str,
) -> PyResult<(Vec<Finding>, Vec<Py<PyAny>>)> {
    let mut found = Vec::new();
    let mut given = Vec::new();
    let Some(values) = values.filter(|v| !v.is_none()) else {
        return Ok((found, given));
    };
    if values.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be an iterable of HPO ids, Terms or Symptoms, not a single str (wrap it in a list)"
        )));
    }
    let iter = values.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{name} must be an iterable of HPO ids, Terms or Symptoms, not {}",
            type_name(values)
        ))
    })?;
    for (index, item) in iter.enumerate() {
        let item = item?;
        found.push(finding(registry, &item, &|| format!("{name}[{index}]"))?);
        given.push(item.unbind());
    }
    Ok((found, given))
}

/// The onset: `age_of_onset` (years) or `onset` (an onset class key), not both.
fn onset_arg(
    py: Python<'_>,
    age_of_onset: Option<&Bound<'_, PyAny>>,
    onset: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<AgeOfOnset>> {
    let age_of_onset = age_of_onset.filter(|v| !v.is_none());
    let onset = onset.filter(|v| !v.is_none());
    match (age_of_onset, onset) {
        (Some(_), Some(_)) => Err(invalid_argument(
            py,
            "onset",
            "give age_of_onset (years) or onset (a class), not both",
            Query::None,
        )),
        (Some(years), None) => Ok(Some(AgeOfOnset::Years(number_arg(years, "age_of_onset")?))),
        (None, Some(class)) => str_choice(
            py,
            class,
            "onset",
            &"a str such as \"childhood\"",
            "expected congenital, neonatal, infantile, childhood, juvenile or adult",
            |key| key.parse::<Onset>().ok(),
        )
        .map(|c| Some(AgeOfOnset::Class(c))),
        (None, None) => Ok(None),
    }
}

/// `evidence=`: a mapping of Disorder to likelihood ratio, appended to `out`.
fn evidence_arg(registry: &Registry, value: Option<&Bound<'_, PyAny>>, out: &mut Vec<(Disorder, f64)>) -> PyResult<()> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(());
    };
    let not_mapping = || {
        PyTypeError::new_err(format!(
            "evidence must be a mapping of Disorder to likelihood ratio, not {}",
            type_name(value)
        ))
    };
    let items = value.getattr("items").map_err(|_| not_mapping())?.call0()?;
    for pair in items.try_iter()? {
        let (key, lr): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair?.extract()?;
        let Some(discriminant) = enum_value(&key, &registry.disorder_class)? else {
            return Err(PyTypeError::new_err(format!(
                "evidence keys must be Disorder members, not {}",
                type_name(&key)
            )));
        };
        let disorder = Disorder::from_discriminant(discriminant).map_err(|e| PyValueError::new_err(e.to_string()))?;
        out.push((disorder, number_arg(&lr, "an evidence likelihood ratio")?));
    }
    Ok(())
}

/// Python's name for a core argument in an `InvalidArgument` error.
fn python_argument(error: Error) -> Error {
    match error {
        Error::InvalidArgument {
            name: "age of onset",
            reason,
        } => Error::InvalidArgument {
            name: "age_of_onset",
            reason,
        },
        Error::InvalidArgument {
            name: "likelihood ratio",
            reason,
        } => Error::InvalidArgument {
            name: "evidence",
            reason,
        },
        other => other,
    }
}

/// Ranks the 20 disorders for a patient: every disorder, best first, with a score (log10 likelihood
/// ratio against all diseases HPO annotates), a posterior (uniform prior over the 20) and the explanation.
///
/// observed, excluded: findings the patient has / does not have, each an HPO id ("HP:0001873",
///     "0001873", 1873), a Term or a Symptom. Old ids are replaced; unusable ones are reported in
///     `result.inputs` (or raised, with strict=True).
/// blood_count: a BloodCount or BloodCountInterpretation, used as per-disorder likelihood ratios.
/// age_of_onset: years (0 = at birth); or onset: "congenital", "neonatal", "infantile", "childhood",
///     "juvenile" or "adult" (not both).
/// sex: "female" or "male" ("f", "m").
/// evidence: a mapping of Disorder to likelihood ratio, multiplied in.
/// strict: raise MalformedIdError, UnknownIdError or ObsoleteIdError for the first unusable input, and
///     InvalidArgumentError for an invalid age of onset or likelihood ratio, instead of ignoring them.
#[pyfunction]
#[pyo3(
    signature = (observed, excluded = None, *, blood_count = None, age_of_onset = None, onset = None, sex = None, evidence = None, strict = false),
    text_signature = "(observed, excluded=(), *, blood_count=None, age_of_onset=None, onset=None, sex=None, evidence=None, strict=False)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn differential<'py>(
    py: Python<'py>,
    observed: &Bound<'py, PyAny>,
    excluded: Option<&Bound<'py, PyAny>>,
    blood_count: Option<&Bound<'py, PyAny>>,
    age_of_onset: Option<&Bound<'py, PyAny>>,
    onset: Option<&Bound<'py, PyAny>>,
    sex: Option<&Bound<'py, PyAny>>,
    evidence: Option<&Bound<'py, PyAny>>,
    strict: bool,
) -> PyResult<PyDifferential> {
    let registry = registry(py)?;
    if observed.is_none() {
        return Err(PyTypeError::new_err(
            "observed must be an iterable of HPO ids, Terms or Symptoms, not None (give [] for none)",
        ));
    }
    let (observed, mut given) = findings(registry, Some(observed), "observed")?;
    let (excluded, given_excluded) = findings(registry, excluded, "excluded")?;
    given.extend(given_excluded);
    let onset = onset_arg(py, age_of_onset, onset)?;
    let sex = sex_arg(py, sex)?;
    let mut lrs: Vec<(Disorder, f64)> = Vec::new();
    if let Some(count) = blood_count.filter(|v| !v.is_none()) {
        let interpretation = if let Ok(count) = count.cast::<PyBloodCount>() {
            count.get().0.interpret(Default::default())
        } else if let Ok(interpretation) = count.cast::<PyInterpretation>() {
            interpretation.get().0
        } else {
            return Err(PyTypeError::new_err(format!(
                "blood_count must be a BloodCount or a BloodCountInterpretation, not {}",
                type_name(count)
            )));
        };
        lrs.extend(interpretation.likelihood_ratios());
    }
    evidence_arg(registry, evidence, &mut lrs)?;

    let observed_inputs = inputs(&observed);
    let excluded_inputs = inputs(&excluded);
    let mut query = core_query(&observed_inputs, &excluded_inputs, onset, sex, &lrs);
    query.strict = strict;
    // The inputs are Rust copies by now: other Python threads run while the differential is computed.
    let result = match py.detach(|| query.run()) {
        Ok(result) => result,
        Err(error @ Error::InvalidArgument { .. }) => {
            // An invalid age of onset or likelihood ratio, in either mode.
            let shown = match (error, onset) {
                (
                    Error::InvalidArgument {
                        name: "age of onset", ..
                    },
                    Some(AgeOfOnset::Years(y)),
                ) => Query::Float(y),
                _ => Query::None,
            };
            return Err(to_py_err(py, python_argument(error), shown));
        }
        Err(error) => {
            // Strict mode failed, or no input at all could be read: name the first unusable input (the core
            // checks them in `inputs` order).
            query.strict = false;
            let failed = match query.run() {
                Ok(lenient) => lenient.rejected().next().and_then(|r| {
                    let list = if r.excluded { &excluded } else { &observed };
                    list.get(r.position)
                }),
                Err(_) => observed.first().or(excluded.first()),
            };
            let shown = match (failed, error) {
                (
                    Some(f),
                    Error::MalformedId { .. }
                    | Error::UnknownId { .. }
                    | Error::ObsoleteId { .. }
                    | Error::UnknownTerm { .. }
                    | Error::AmbiguousTerm { .. }
                    | Error::EmptyInput
                    | Error::InputTooLong { .. },
                ) => f.query(),
                (
                    _,
                    Error::InvalidArgument {
                        name: "age of onset", ..
                    },
                ) => match onset {
                    Some(AgeOfOnset::Years(y)) => Query::Float(y),
                    _ => Query::None,
                },
                _ => Query::None,
            };
            return Err(to_py_err(py, python_argument(error), shown));
        }
    };
    Ok(PyDifferential {
        result,
        given,
        ranking: PyOnceLock::new(),
        inputs: PyOnceLock::new(),
        state: State {
            observed: observed.len(),
            onset,
            sex,
            evidence: lrs,
        },
    })
}

/// What a `Differential` was computed from, besides the objects given: enough to compute it again when
/// unpickled (`__reduce__`), bit for bit.
struct State {
    /// How many of `given` were observed (the rest were excluded).
    observed: usize,
    onset: Option<AgeOfOnset>,
    sex: Option<Sex>,
    /// Every likelihood ratio used as evidence (blood count and `evidence=`), in order.
    evidence: Vec<(Disorder, f64)>,
}

/// Rebuilds a pickled `Differential` (see its `__reduce__`): the same query, run again.
#[pyfunction]
pub(crate) fn _differential_from<'py>(
    py: Python<'py>,
    observed: &Bound<'py, PyAny>,
    excluded: &Bound<'py, PyAny>,
    onset: &Bound<'py, PyAny>,
    sex: Option<&str>,
    evidence: Vec<(u32, f64)>,
) -> PyResult<PyDifferential> {
    let registry = registry(py)?;
    let (observed_findings, mut given) = findings(registry, Some(observed), "observed")?;
    let (excluded_findings, given_excluded) = findings(registry, Some(excluded), "excluded")?;
    given.extend(given_excluded);
    let onset = if onset.is_none() {
        None
    } else if let Ok(text) = onset.extract::<String>() {
        Some(AgeOfOnset::Class(
            text.parse().map_err(|e: Error| PyValueError::new_err(e.to_string()))?,
        ))
    } else {
        Some(AgeOfOnset::Years(onset.extract()?))
    };
    let sex = sex
        .map(str::parse::<Sex>)
        .transpose()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let evidence = evidence
        .into_iter()
        .map(|(d, lr)| {
            Ok((
                Disorder::from_discriminant(d).map_err(|e| PyValueError::new_err(e.to_string()))?,
                lr,
            ))
        })
        .collect::<PyResult<Vec<_>>>()?;
    let observed_inputs = inputs(&observed_findings);
    let excluded_inputs = inputs(&excluded_findings);
    let query = core_query(&observed_inputs, &excluded_inputs, onset, sex, &evidence);
    let result = check(py, py.detach(|| query.run()), Query::None)?;
    Ok(PyDifferential {
        result,
        given,
        ranking: PyOnceLock::new(),
        inputs: PyOnceLock::new(),
        state: State {
            observed: observed_findings.len(),
            onset,
            sex,
            evidence,
        },
    })
}

/// Ranks the disorders for one GA4GH phenopacket given as JSON text (the Python wrapper
/// `marrowkb.differential_from_phenopacket` also takes a dict or a path): its features, onset, sex and
/// blood-count measurements; with genes=True the interpreted genes are added as genotype evidence.
#[pyfunction]
#[pyo3(signature = (json, *, genes = false, strict = false))]
pub(crate) fn differential_phenopacket_json(
    py: Python<'_>,
    json: &Bound<'_, PyAny>,
    genes: bool,
    strict: bool,
) -> PyResult<PyDifferential> {
    let text = text_arg(json, "json")?;
    let packet = check(py, marrowkb::phenopacket::Phenopacket::parse(&text), Query::None)?;
    let result = check(py, py.detach(|| packet.query(genes, strict)), Query::None)?;
    let evidence = check(py, packet.evidence(&[], genes), Query::None)?;
    let given = result
        .inputs
        .iter()
        .map(|r| {
            let list = if r.excluded { &packet.excluded } else { &packet.observed };
            let text = list.get(r.position).map_or("", String::as_str);
            PyString::new(py, text).into_any().unbind()
        })
        .collect();
    Ok(PyDifferential {
        result,
        given,
        ranking: PyOnceLock::new(),
        inputs: PyOnceLock::new(),
        state: State {
            observed: packet.observed.len(),
            onset: packet.onset,
            sex: packet.sex,
            evidence,
        },
    })
}

/// The likelihood ratio of a causative variant in `symbol` under each disorder, as a dict to pass as
/// `evidence=` (genotype evidence: (1 - 0.05) * 5127 / n(D) for a disorder with n(D) linked genes that
/// include it, 0.05 for the others).
#[pyfunction]
pub(crate) fn gene_likelihood_ratios<'py>(py: Python<'py>, symbol: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let symbol = text_arg(symbol, "symbol")?;
    let lrs = check(
        py,
        marrowkb::differential::gene_likelihood_ratios(&symbol),
        Query::Text(&symbol),
    )?;
    let out = PyDict::new(py);
    let registry = registry(py)?;
    for (disorder, lr) in lrs {
        out.set_item(disorder.to_py(py, registry)?, lr)?;
    }
    Ok(out)
}

/// The result of `marrowkb.differential`: every disorder ranked best first, with its explanation.
///
/// Immutable. Iterating, `len()` and indexing (`result[0]`, `result[-1]`, `result[:3]`) go over
/// `ranking`; `result[Disorder.X]` is the disorder's entry. `to_dict()` / `to_json()` are the Rust
/// serde JSON (`marrowkb differential ... --json`).
#[pyclass(frozen, module = "marrowkb", name = "Differential")]
pub(crate) struct PyDifferential {
    result: Differential,
    /// The objects as given, observed then excluded: `result.inputs[i]` is about `given[i]`.
    given: Vec<Py<PyAny>>,
    ranking: PyOnceLock<Py<PyTuple>>,
    inputs: PyOnceLock<Py<PyTuple>>,
    state: State,
}

fn key_or_none<'py>(py: Python<'py>, key: Option<&'static str>) -> Bound<'py, PyAny> {
    match key {
        Some(key) => PyString::new(py, key).into_any(),
        None => py.None().into_bound(py),
    }
}

impl PyDifferential {
    fn ranking_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        let tuple = self
            .ranking
            .get_or_try_init(py, || self.build_ranking(py).map(Bound::unbind))?;
        Ok(tuple.bind(py))
    }

    fn build_ranking<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let registry = registry(py)?;
        let (ranked, term_match, absence_match, missing_hallmark) = (
            registry.ranked.bind(py),
            registry.term_match.bind(py),
            registry.absence_match.bind(py),
            registry.missing_hallmark.bind(py),
        );
        let mut out = Vec::with_capacity(self.result.ranking.len());
        for r in &self.result.ranking {
            let matches = self
                .result
                .matches(r.disorder)
                .iter()
                .map(|m| {
                    make_record(
                        term_match,
                        (
                            term_object(py, m.term)?,
                            m.kind.key(),
                            optional_term(py, m.feature)?,
                            optional_term(py, m.via)?,
                            m.frequency,
                            m.likelihood_ratio,
                            m.log10_lr(),
                        ),
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            let absences = self
                .result
                .absences(r.disorder)
                .iter()
                .map(|a| {
                    make_record(
                        absence_match,
                        (
                            term_object(py, a.term)?,
                            a.kind.key(),
                            optional_term(py, a.feature)?,
                            a.frequency,
                            a.likelihood_ratio,
                            a.log10_lr(),
                        ),
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            let missing = self
                .result
                .missing(r.disorder)
                .iter()
                .map(|m| {
                    make_record(
                        missing_hallmark,
                        (
                            term_object(py, m.feature)?,
                            m.frequency,
                            m.likelihood_ratio,
                            m.likelihood_ratio.log10(),
                        ),
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            let args = PyTuple::new(
                py,
                [
                    r.rank.into_pyobject(py)?.into_any(),
                    r.disorder.to_py(py, registry)?,
                    r.score.into_pyobject(py)?.into_any(),
                    r.posterior.into_pyobject(py)?.into_any(),
                    r.phenotype.into_pyobject(py)?.into_any(),
                    r.absent.into_pyobject(py)?.into_any(),
                    r.hallmarks.into_pyobject(py)?.into_any(),
                    r.subtypes.into_pyobject(py)?.into_any(),
                    key_or_none(py, r.subtype),
                    r.onset.into_pyobject(py)?.into_any(),
                    r.sex.into_pyobject(py)?.into_any(),
                    r.evidence.into_pyobject(py)?.into_any(),
                    PyTuple::new(py, matches)?.into_any(),
                    PyTuple::new(py, absences)?.into_any(),
                    PyTuple::new(py, missing)?.into_any(),
                ],
            )?;
            out.push(make_record(ranked, args)?);
        }
        PyTuple::new(py, out)
    }

    fn input_record<'py>(&self, py: Python<'py>, index: usize, r: &InputReport) -> PyResult<Bound<'py, PyAny>> {
        let given = match self.given.get(index) {
            Some(object) => object.bind(py).clone(),
            None => py.None().into_bound(py),
        };
        make_record(
            registry(py)?.input_report.bind(py),
            (
                r.excluded,
                r.position,
                r.requested.map(|id| id.to_string()),
                optional_term(py, r.term)?,
                r.status.key(),
                r.error.map(|e| e.to_string()),
                given,
            ),
        )
    }

    fn inputs_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        let tuple = self.inputs.get_or_try_init(py, || {
            let records = self
                .result
                .inputs
                .iter()
                .enumerate()
                .map(|(i, r)| self.input_record(py, i, r))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, records).map(Bound::unbind)
        })?;
        Ok(tuple.bind(py))
    }
}

#[pymethods]
impl PyDifferential {
    /// Every disorder, best first (score descending; equal scores by ascending discriminant).
    #[getter]
    fn ranking<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.ranking_tuple(py).cloned()
    }

    /// The observed terms used (after replacement and de-duplication), sorted by id.
    #[getter]
    fn observed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        term_tuple(py, self.result.observed.iter().copied())
    }

    /// The excluded terms used, sorted by id.
    #[getter]
    fn excluded<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        term_tuple(py, self.result.excluded.iter().copied())
    }

    /// What became of every input: observed ones first, then excluded ones, each in the order given.
    #[getter]
    fn inputs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.inputs_tuple(py).cloned()
    }

    /// The inputs that could not be used: malformed, unknown, or obsolete without a replacement.
    #[getter]
    fn rejected<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let all = self.inputs_tuple(py)?;
        let rejected = self
            .result
            .inputs
            .iter()
            .enumerate()
            .filter(|(_, r)| r.error.is_some())
            .map(|(i, _)| all.get_item(i))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, rejected)
    }

    /// The onset class used ("congenital" … "adult"), or None.
    #[getter]
    fn onset<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        key_or_none(py, self.result.onset.map(Onset::key))
    }

    /// The sex used ("female" or "male"), or None.
    #[getter]
    fn sex<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        key_or_none(py, self.result.sex.map(Sex::key))
    }

    fn __len__(&self) -> usize {
        self.result.ranking.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.ranking_tuple(py)?.as_any().try_iter()?.into_any())
    }

    /// `result[i]` / `result[a:b]` index the ranking; `result[Disorder.X]` is that disorder's entry.
    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let ranking = self.ranking_tuple(py)?;
        if let Some(discriminant) = enum_value(key, &registry(py)?.disorder_class)? {
            let position = self
                .result
                .ranking
                .iter()
                .position(|r| r.disorder.discriminant() == discriminant)
                .ok_or_else(|| PyKeyError::new_err(discriminant))?;
            return ranking.get_item(position).map(Bound::into_any);
        }
        if key.is_instance_of::<PyBool>() {
            return Err(PyTypeError::new_err(
                "Differential indices must be int, slice or Disorder, not bool",
            ));
        }
        ranking.as_any().get_item(key).map_err(|e| {
            if e.is_instance_of::<PyTypeError>(py) {
                PyTypeError::new_err(format!(
                    "Differential indices must be int, slice or Disorder, not {}",
                    type_name(key)
                ))
            } else {
                e
            }
        })
    }

    fn __repr__(&self) -> String {
        let best: Vec<String> = self
            .result
            .ranking
            .iter()
            .take(3)
            .map(|r| format!("{} {:.3}", r.disorder.key(), r.posterior))
            .collect();
        format!(
            "<Differential of {} observed, {} excluded: {}, …>",
            self.result.observed.len(),
            self.result.excluded.len(),
            best.join(", ")
        )
    }

    /// The result as JSON text, exactly as the Rust serializer writes it (`marrowkb differential --json`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        json(py, &self.result)
    }

    /// Pickling: the same query is run again when unpickled (`_native._differential_from`), so the copy is
    /// equal to the original (`==` compares the results).
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(
        Bound<'py, PyAny>,
        (
            Bound<'py, PyTuple>,
            Bound<'py, PyTuple>,
            Bound<'py, PyAny>,
            Option<&'static str>,
            Vec<(u32, f64)>,
        ),
    )> {
        let rebuild = py.import("marrowkb._native")?.getattr("_differential_from")?;
        let (observed, excluded) = self.given.split_at(self.state.observed.min(self.given.len()));
        let onset = match self.state.onset {
            None => py.None().into_bound(py),
            Some(AgeOfOnset::Years(years)) => years.into_pyobject(py)?.into_any(),
            Some(AgeOfOnset::Class(class)) => PyString::new(py, class.key()).into_any(),
        };
        let evidence = self
            .state
            .evidence
            .iter()
            .map(|(d, lr)| (d.discriminant(), *lr))
            .collect();
        Ok((
            rebuild,
            (
                PyTuple::new(py, observed.iter().map(|o| o.bind(py)))?,
                PyTuple::new(py, excluded.iter().map(|o| o.bind(py)))?,
                onset,
                self.state.sex.map(Sex::key),
                evidence,
            ),
        ))
    }

    fn __eq__<'py>(&self, other: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
        let py = other.py();
        match other.cast::<PyDifferential>() {
            Ok(other) => PyBool::new(py, other.get().result == self.result).to_owned().into_any(),
            Err(_) => py.NotImplemented().into_bound(py),
        }
    }

    /// The result as plain JSON-ready dicts and lists (`json.dumps` of it is the Rust JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &json(py, &self.result)?)
    }
}

/// The core's inputs for converted findings.
fn inputs(findings: &[Finding]) -> Vec<TermInput<'_>> {
    findings.iter().map(Finding::input).collect()
}

/// The core query both Python entry points build: findings, then onset, sex and extra evidence.
fn core_query<'a>(
    observed: &'a [TermInput<'a>],
    excluded: &'a [TermInput<'a>],
    onset: Option<AgeOfOnset>,
    sex: Option<Sex>,
    evidence: &'a [(marrowkb::Disorder, f64)],
) -> CoreQuery<'a> {
    let mut query = CoreQuery::new(observed).excluding(excluded);
    query.onset = onset;
    query.sex = sex;
    query.evidence = evidence;
    query
}
