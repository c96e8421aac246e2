//! `marrowkb.BloodCount(...)` and `marrowkb.interpret_blood_count(...)`: the core's
//! [`marrowkb::blood_count`], converted.
//!
//! Keyword arguments go to the core's builder, with units parsed by the core (`HemoglobinUnit`,
//! `CountUnit`, `AgeUnit` `FromStr`); every check is the core's (`Error::InvalidMeasurement` becomes
//! `InvalidMeasurementError`). The Python objects keep the core's values and convert them on access.

use core::str::FromStr;
use std::hash::{DefaultHasher, Hash, Hasher};

use marrowkb::Disorder;
use marrowkb::blood_count::{
    AgeUnit, AplasticCriteria, BloodCount, CellLineSet, CountUnit, DisorderFit, HemoglobinUnit, InterpretOptions,
    Interpretation, Presence, Reading, Unit,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString, PyTuple};

use crate::args::{number_arg, sex_arg, str_choice, type_name};
use crate::convert::{json, json_loads, make_record};
use crate::errors::{Query, check, invalid_argument};
use crate::registry::{Member, registry};

/// A unit argument parsed by the core; an `InvalidArgumentError` naming the argument otherwise.
fn unit_arg<U: FromStr>(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    argument: &'static str,
    expected: &'static str,
) -> PyResult<U> {
    let shape = format_args!("a str such as {expected}");
    str_choice(py, value, argument, &shape, expected, |text| text.parse::<U>().ok())
}

/// An optional measurement: None, or a number (int or float, never bool).
fn measurement(value: Option<&Bound<'_, PyAny>>, argument: &str) -> PyResult<Option<f64>> {
    match value.filter(|v| !v.is_none()) {
        None => Ok(None),
        Some(v) => number_arg(v, argument).map(Some),
    }
}

const HEMOGLOBIN_UNITS: &str = "\"g/dL\", \"g/L\" or \"mmol/L\"";
const COUNT_UNITS: &str = "\"10^9/L\" (also \"10^3/uL\", \"K/uL\") or \"cells/uL\"";
const RED_CELL_UNITS: &str = "\"10^12/L\" (also \"10^6/uL\", \"M/uL\")";
const AGE_UNITS: &str = "\"years\", \"months\", \"weeks\" or \"days\"";
const CRITERIA: &str = "\"camitta_bacigalupo\" or \"bsh_2016_automated\"";

/// `aplastic_criteria=`: the key of an `AplasticCriteria` (default: Camitta as modified by Bacigalupo).
fn options(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<InterpretOptions> {
    let Some(value) = value else {
        return Ok(InterpretOptions::default());
    };
    let find = |text: &str| {
        let text = text.trim();
        AplasticCriteria::ALL
            .iter()
            .find(|c| c.key().eq_ignore_ascii_case(text))
            .copied()
    };
    let shape = format_args!("a str ({CRITERIA})");
    let aplastic_criteria = str_choice(py, value, "aplastic_criteria", &shape, CRITERIA, find)?;
    Ok(InterpretOptions { aplastic_criteria })
}

/// A complete blood count, validated by the core and held in canonical units (g/dL, ×10⁹/L, fL, %,
/// ×10¹²/L, years). Every value is optional and keyword-only.
///
/// hemoglobin_unit: "g/dL" (default), "g/L" or "mmol/L". count_unit (neutrophils, lymphocytes,
/// monocytes, platelets, reticulocytes): "10^9/L" (default; also "10^3/uL", "K/uL") or "cells/uL"; each
/// count may have its own unit (neutrophils_unit, lymphocytes_unit, monocytes_unit, platelets_unit,
/// reticulocytes_unit), which overrides count_unit for it. age_unit: "years" (default), "months", "weeks"
/// or "days". red_cell_count_unit: "10^12/L" (default; "10^6/uL" and "M/uL" are the same number). mcv in
/// fL; hematocrit in % (with reticulocyte_percent, Camitta's corrected percentage; it can stand in for
/// red_cell_count); cellularity,
/// residual_hematopoietic_cells and reticulocyte_percent (needs red_cell_count) in %. sex: "female" or
/// "male". NaN, infinite, negative or impossible values raise InvalidMeasurementError; nothing is
/// clamped. Immutable, hashable, picklable.
#[pyclass(frozen, module = "marrowkb", name = "BloodCount")]
pub(crate) struct PyBloodCount(pub(crate) BloodCount);

#[pymethods]
impl PyBloodCount {
    #[new]
    #[pyo3(
        signature = (
            *,
            hemoglobin = None,
            hemoglobin_unit = None,
            mcv = None,
            neutrophils = None,
            lymphocytes = None,
            monocytes = None,
            platelets = None,
            count_unit = None,
            reticulocytes = None,
            reticulocyte_percent = None,
            red_cell_count = None,
            cellularity = None,
            residual_hematopoietic_cells = None,
            age = None,
            age_unit = None,
            sex = None,
            pregnant = false,
            neutrophils_unit = None,
            lymphocytes_unit = None,
            monocytes_unit = None,
            platelets_unit = None,
            reticulocytes_unit = None,
            red_cell_count_unit = None,
            hematocrit = None,
        ),
        text_signature = "(*, hemoglobin=None, hemoglobin_unit='g/dL', mcv=None, neutrophils=None, lymphocytes=None, monocytes=None, platelets=None, count_unit='10^9/L', reticulocytes=None, reticulocyte_percent=None, red_cell_count=None, cellularity=None, residual_hematopoietic_cells=None, age=None, age_unit='years', sex=None, pregnant=False, neutrophils_unit=None, lymphocytes_unit=None, monocytes_unit=None, platelets_unit=None, reticulocytes_unit=None, red_cell_count_unit='10^12/L', hematocrit=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        hemoglobin: Option<&Bound<'_, PyAny>>,
        hemoglobin_unit: Option<&Bound<'_, PyAny>>,
        mcv: Option<&Bound<'_, PyAny>>,
        neutrophils: Option<&Bound<'_, PyAny>>,
        lymphocytes: Option<&Bound<'_, PyAny>>,
        monocytes: Option<&Bound<'_, PyAny>>,
        platelets: Option<&Bound<'_, PyAny>>,
        count_unit: Option<&Bound<'_, PyAny>>,
        reticulocytes: Option<&Bound<'_, PyAny>>,
        reticulocyte_percent: Option<&Bound<'_, PyAny>>,
        red_cell_count: Option<&Bound<'_, PyAny>>,
        cellularity: Option<&Bound<'_, PyAny>>,
        residual_hematopoietic_cells: Option<&Bound<'_, PyAny>>,
        age: Option<&Bound<'_, PyAny>>,
        age_unit: Option<&Bound<'_, PyAny>>,
        sex: Option<&Bound<'_, PyAny>>,
        pregnant: bool,
        neutrophils_unit: Option<&Bound<'_, PyAny>>,
        lymphocytes_unit: Option<&Bound<'_, PyAny>>,
        monocytes_unit: Option<&Bound<'_, PyAny>>,
        platelets_unit: Option<&Bound<'_, PyAny>>,
        reticulocytes_unit: Option<&Bound<'_, PyAny>>,
        red_cell_count_unit: Option<&Bound<'_, PyAny>>,
        hematocrit: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let hb_unit = match hemoglobin_unit {
            Some(u) => unit_arg(py, u, "hemoglobin_unit", HEMOGLOBIN_UNITS)?,
            None => HemoglobinUnit::GramsPerDeciliter,
        };
        let count_unit = match count_unit {
            Some(u) => unit_arg(py, u, "count_unit", COUNT_UNITS)?,
            None => CountUnit::GigaPerLiter,
        };
        // A count's own unit, else count_unit.
        let own_unit = |value: Option<&Bound<'_, PyAny>>, argument: &'static str| match value {
            Some(u) => unit_arg(py, u, argument, COUNT_UNITS),
            None => Ok(count_unit),
        };
        let neutrophils_unit = own_unit(neutrophils_unit, "neutrophils_unit")?;
        let lymphocytes_unit = own_unit(lymphocytes_unit, "lymphocytes_unit")?;
        let monocytes_unit = own_unit(monocytes_unit, "monocytes_unit")?;
        let platelets_unit = own_unit(platelets_unit, "platelets_unit")?;
        let reticulocytes_unit = own_unit(reticulocytes_unit, "reticulocytes_unit")?;
        if let Some(u) = red_cell_count_unit {
            let unit: Unit = unit_arg(py, u, "red_cell_count_unit", RED_CELL_UNITS)?;
            if unit != Unit::TeraPerLiter {
                let text = u.to_string();
                return Err(invalid_argument(
                    py,
                    "red_cell_count_unit",
                    RED_CELL_UNITS,
                    Query::Text(&text),
                ));
            }
        }
        let age_unit = match age_unit {
            Some(u) => unit_arg(py, u, "age_unit", AGE_UNITS)?,
            None => AgeUnit::Years,
        };
        let mut b = BloodCount::builder().pregnant(pregnant);
        if let Some(v) = measurement(hemoglobin, "hemoglobin")? {
            b = b.hemoglobin(v, hb_unit);
        }
        if let Some(v) = measurement(mcv, "mcv")? {
            b = b.mcv(v);
        }
        if let Some(v) = measurement(neutrophils, "neutrophils")? {
            b = b.neutrophils(v, neutrophils_unit);
        }
        if let Some(v) = measurement(lymphocytes, "lymphocytes")? {
            b = b.lymphocytes(v, lymphocytes_unit);
        }
        if let Some(v) = measurement(monocytes, "monocytes")? {
            b = b.monocytes(v, monocytes_unit);
        }
        if let Some(v) = measurement(platelets, "platelets")? {
            b = b.platelets(v, platelets_unit);
        }
        match (
            measurement(reticulocytes, "reticulocytes")?,
            measurement(reticulocyte_percent, "reticulocyte_percent")?,
        ) {
            (Some(_), Some(_)) => {
                return Err(invalid_argument(
                    py,
                    "reticulocyte_percent",
                    "give reticulocytes (absolute) or reticulocyte_percent, not both",
                    Query::None,
                ));
            }
            (Some(v), None) => b = b.reticulocytes(v, reticulocytes_unit),
            (None, Some(p)) => b = b.reticulocyte_percent(p),
            (None, None) => {}
        }
        if let Some(v) = measurement(red_cell_count, "red_cell_count")? {
            b = b.red_cell_count(v);
        }
        if let Some(v) = measurement(hematocrit, "hematocrit")? {
            b = b.hematocrit(v);
        }
        if let Some(v) = measurement(cellularity, "cellularity")? {
            b = b.cellularity(v);
        }
        if let Some(v) = measurement(residual_hematopoietic_cells, "residual_hematopoietic_cells")? {
            b = b.residual_hematopoietic_cells(v);
        }
        if let Some(v) = measurement(age, "age")? {
            b = b.age(v, age_unit);
        }
        if let Some(s) = sex_arg(py, sex)? {
            b = b.sex(s);
        }
        check(py, b.build(), Query::None).map(Self)
    }

    /// Haemoglobin in g/dL, or None.
    #[getter]
    fn hemoglobin(&self) -> Option<f64> {
        self.0.hemoglobin()
    }
    /// Mean corpuscular volume in fL, or None.
    #[getter]
    fn mcv(&self) -> Option<f64> {
        self.0.mcv()
    }
    /// Absolute neutrophil count in ×10⁹/L, or None.
    #[getter]
    fn neutrophils(&self) -> Option<f64> {
        self.0.neutrophils()
    }
    /// Absolute lymphocyte count in ×10⁹/L, or None.
    #[getter]
    fn lymphocytes(&self) -> Option<f64> {
        self.0.lymphocytes()
    }
    /// Absolute monocyte count in ×10⁹/L, or None.
    #[getter]
    fn monocytes(&self) -> Option<f64> {
        self.0.monocytes()
    }
    /// Platelet count in ×10⁹/L, or None.
    #[getter]
    fn platelets(&self) -> Option<f64> {
        self.0.platelets()
    }
    /// Absolute reticulocyte count in ×10⁹/L (as given, or derived from the percentage), or None.
    #[getter]
    fn reticulocytes(&self) -> Option<f64> {
        self.0.reticulocytes()
    }
    /// The reticulocyte percentage when the count was given that way, or None.
    #[getter]
    fn reticulocyte_percent(&self) -> Option<f64> {
        self.0.reticulocyte_percent()
    }
    /// Red cell count in ×10¹²/L, or None.
    #[getter]
    fn red_cell_count(&self) -> Option<f64> {
        self.0.red_cell_count()
    }
    /// Haematocrit in %, or None.
    #[getter]
    fn hematocrit(&self) -> Option<f64> {
        self.0.hematocrit()
    }
    /// Camitta's corrected reticulocyte percentage (reticulocyte % × haematocrit / 45), or None.
    #[getter]
    fn corrected_reticulocyte_percent(&self) -> Option<f64> {
        self.0.corrected_reticulocyte_percent()
    }
    /// Marrow cellularity in %, or None.
    #[getter]
    fn cellularity(&self) -> Option<f64> {
        self.0.cellularity()
    }
    /// Residual haematopoietic cells in % of marrow cells, or None.
    #[getter]
    fn residual_hematopoietic_cells(&self) -> Option<f64> {
        self.0.residual_hematopoietic_cells()
    }
    /// Age in years, or None.
    #[getter]
    fn age(&self) -> Option<f64> {
        self.0.age()
    }
    /// "female", "male" or None.
    #[getter]
    fn sex(&self) -> Option<&'static str> {
        self.0.sex().map(|s| s.key())
    }
    /// Whether pregnant.
    #[getter]
    fn pregnant(&self) -> bool {
        self.0.pregnant()
    }

    /// Reads the count: cytopenias and their grades, red cell size, pattern, aplastic anaemia severity,
    /// disorder fits (see `interpret_blood_count`).
    #[pyo3(signature = (*, aplastic_criteria = None), text_signature = "($self, *, aplastic_criteria='camitta_bacigalupo')")]
    fn interpret(&self, py: Python<'_>, aplastic_criteria: Option<&Bound<'_, PyAny>>) -> PyResult<PyInterpretation> {
        Ok(PyInterpretation(self.0.interpret(options(py, aplastic_criteria)?)))
    }

    /// The count as JSON text, exactly as the Rust serializer writes it (canonical units).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        json(py, &self.0)
    }

    /// The count as a plain JSON-ready dict (canonical units).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &json(py, &self.0)?)
    }

    fn __eq__<'py>(&self, other: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
        let py = other.py();
        match other.cast::<PyBloodCount>() {
            Ok(o) => PyBool::new(py, o.get().0 == self.0).to_owned().into_any(),
            Err(_) => py.NotImplemented().into_bound(py),
        }
    }

    fn __hash__(&self) -> u64 {
        // The core stores -0.0 as 0.0 and rejects NaN, so equal counts have equal bits.
        let c = &self.0;
        let mut h = DefaultHasher::new();
        for v in [
            c.hemoglobin(),
            c.mcv(),
            c.neutrophils(),
            c.lymphocytes(),
            c.monocytes(),
            c.platelets(),
            c.reticulocytes(),
            c.reticulocyte_percent(),
            c.red_cell_count(),
            c.cellularity(),
            c.residual_hematopoietic_cells(),
            c.age(),
            c.hematocrit(),
        ] {
            v.map(f64::to_bits).hash(&mut h);
        }
        c.sex().map(|s| s.key()).hash(&mut h);
        c.pregnant().hash(&mut h);
        h.finish()
    }

    /// The keyword arguments that rebuild this count (canonical units), for pickling and copying.
    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        let c = &self.0;
        let kwargs = PyDict::new(py);
        let set = |key: &str, value: Option<f64>| -> PyResult<()> {
            if let Some(v) = value {
                kwargs.set_item(key, v)?;
            }
            Ok(())
        };
        set("hemoglobin", c.hemoglobin())?;
        set("mcv", c.mcv())?;
        set("neutrophils", c.neutrophils())?;
        set("lymphocytes", c.lymphocytes())?;
        set("monocytes", c.monocytes())?;
        set("platelets", c.platelets())?;
        if c.reticulocyte_percent().is_some() {
            set("reticulocyte_percent", c.reticulocyte_percent())?;
        } else {
            set("reticulocytes", c.reticulocytes())?;
        }
        set("red_cell_count", c.red_cell_count())?;
        set("cellularity", c.cellularity())?;
        set("residual_hematopoietic_cells", c.residual_hematopoietic_cells())?;
        set("age", c.age())?;
        set("hematocrit", c.hematocrit())?;
        if let Some(sex) = c.sex() {
            kwargs.set_item("sex", sex.key())?;
        }
        if c.pregnant() {
            kwargs.set_item("pregnant", true)?;
        }
        Ok((PyTuple::empty(py), kwargs))
    }

    fn __repr__(&self) -> String {
        let c = &self.0;
        let mut parts: Vec<String> = [
            ("hemoglobin", c.hemoglobin()),
            ("mcv", c.mcv()),
            ("neutrophils", c.neutrophils()),
            ("lymphocytes", c.lymphocytes()),
            ("monocytes", c.monocytes()),
            ("platelets", c.platelets()),
            // A count given as a percentage shows the percentage: the repr rebuilds the same count.
            (
                "reticulocytes",
                c.reticulocytes().filter(|_| c.reticulocyte_percent().is_none()),
            ),
            ("reticulocyte_percent", c.reticulocyte_percent()),
            ("red_cell_count", c.red_cell_count()),
            ("cellularity", c.cellularity()),
            ("residual_hematopoietic_cells", c.residual_hematopoietic_cells()),
            ("age", c.age()),
        ]
        .iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={v:?}")))
        .collect();
        if let Some(sex) = c.sex() {
            parts.push(format!("sex={:?}", sex.key()));
        }
        if c.pregnant() {
            parts.push("pregnant=True".to_owned());
        }
        format!("BloodCount({})", parts.join(", "))
    }
}

/// Reads a blood count (a BloodCount, or a mapping of BloodCount keyword arguments): each cytopenia with
/// its severity (WHO 2011, neutropenia bands) and CTCAE v5.0 grade, red cell size, the pattern, aplastic
/// anaemia severity (aplastic_criteria: "camitta_bacigalupo" or "bsh_2016_automated"), disorder fits and
/// likelihood ratios.
#[pyfunction]
#[pyo3(
    signature = (count, *, aplastic_criteria = None),
    text_signature = "(count, *, aplastic_criteria='camitta_bacigalupo')"
)]
pub(crate) fn interpret_blood_count(
    py: Python<'_>,
    count: &Bound<'_, PyAny>,
    aplastic_criteria: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyInterpretation> {
    let count = if let Ok(count) = count.cast::<PyBloodCount>() {
        count.get().0
    } else if count.is_instance_of::<PyDict>() || count.hasattr("keys")? {
        let kwargs = PyDict::new(py);
        kwargs.call_method1("update", (count,))?;
        let built = py.get_type::<PyBloodCount>().call((), Some(&kwargs))?;
        built.cast_into::<PyBloodCount>()?.get().0
    } else {
        return Err(PyTypeError::new_err(format!(
            "count must be a BloodCount or a mapping of BloodCount keyword arguments, not {}",
            type_name(count)
        )));
    };
    Ok(PyInterpretation(count.interpret(options(py, aplastic_criteria)?)))
}

fn lines<'py>(py: Python<'py>, set: CellLineSet) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(py, set.iter().map(|l| l.key()).collect::<Vec<_>>())
}

/// What `BloodCount.interpret` found.
#[pyclass(frozen, module = "marrowkb", name = "BloodCountInterpretation")]
pub(crate) struct PyInterpretation(pub(crate) Interpretation);

impl PyInterpretation {
    fn reading<'py>(&self, py: Python<'py>, r: Reading) -> PyResult<Bound<'py, PyAny>> {
        make_record(
            registry(py)?.reading.bind(py),
            (
                r.cytopenia.key(),
                r.value,
                r.presence.key(),
                r.lower_limit,
                r.reference.map(|x| x.key()),
                r.severity.map(|x| x.key()),
                r.severity_scale.map(|x| x.key()),
                r.ctcae.map(|x| x.number()),
            ),
        )
    }

    fn fit<'py>(&self, py: Python<'py>, f: &DisorderFit) -> PyResult<Bound<'py, PyAny>> {
        let registry = registry(py)?;
        let args = PyTuple::new(
            py,
            [
                f.disorder.to_py(py, registry)?,
                lines(py, f.affected)?.into_any(),
                lines(py, f.matched)?.into_any(),
                lines(py, f.missed)?.into_any(),
                lines(py, f.unexpected)?.into_any(),
                lines(py, f.unknown)?.into_any(),
                f.score.into_pyobject(py)?.into_any(),
                PyString::new(py, f.fit.key()).into_any(),
            ],
        )?;
        make_record(registry.disorder_fit.bind(py), args)
    }
}

#[pymethods]
impl PyInterpretation {
    /// The blood count read.
    #[getter]
    fn count(&self) -> PyBloodCount {
        PyBloodCount(self.0.count)
    }
    /// The aplastic anaemia criteria used: "camitta_bacigalupo" or "bsh_2016_automated".
    #[getter]
    fn aplastic_criteria(&self) -> &'static str {
        self.0.options.aplastic_criteria.key()
    }
    /// Anaemia (haemoglobin, g/dL; WHO 2011 severity; CTCAE grade).
    #[getter]
    fn anemia<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.reading(py, self.0.anemia)
    }
    /// Neutropenia (×10⁹/L; neutropenia bands; CTCAE grade).
    #[getter]
    fn neutropenia<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.reading(py, self.0.neutropenia)
    }
    /// Lymphopenia (×10⁹/L; CTCAE grade).
    #[getter]
    fn lymphopenia<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.reading(py, self.0.lymphopenia)
    }
    /// Monocytopenia (×10⁹/L).
    #[getter]
    fn monocytopenia<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.reading(py, self.0.monocytopenia)
    }
    /// Thrombocytopenia (×10⁹/L; CTCAE grade).
    #[getter]
    fn thrombocytopenia<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.reading(py, self.0.thrombocytopenia)
    }
    /// Reticulocytopenia (×10⁹/L).
    #[getter]
    fn reticulocytopenia<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.reading(py, self.0.reticulocytopenia)
    }
    /// The six readings: anaemia, neutropenia, lymphopenia, monocytopenia, thrombocytopenia, reticulocytopenia.
    #[getter]
    fn readings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let readings = self
            .0
            .readings()
            .into_iter()
            .map(|r| self.reading(py, r))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, readings)
    }
    /// The readings whose cytopenia is present, in the order of `readings`.
    #[getter]
    fn present<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let readings = self
            .0
            .readings()
            .into_iter()
            .filter(|r| r.presence == Presence::Present)
            .map(|r| self.reading(py, r))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, readings)
    }
    /// Red cell size from the MCV (age- and sex-specific limits).
    #[getter]
    fn red_cell_size<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = self.0.red_cell_size;
        make_record(
            registry(py)?.red_cell_size_reading.bind(py),
            (r.mcv, r.size.map(|s| s.key()), r.lower_limit, r.upper_limit),
        )
    }
    /// "undetermined", "no_cytopenia", "single_lineage", "bicytopenia" or "pancytopenia".
    #[getter]
    fn pattern(&self) -> &'static str {
        self.0.pattern.key()
    }
    /// The decreased lines among "red_cells", "white_cells", "platelets".
    #[getter]
    fn decreased_lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        lines(py, self.0.decreased_lines)
    }
    /// The lines whose state is unknown (not measured, or no limit could be chosen).
    #[getter]
    fn unknown_lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        lines(py, self.0.unknown_lines)
    }
    /// Aplastic anaemia severity and each criterion behind it.
    #[getter]
    fn aplastic_anemia<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let a = self.0.aplastic_anemia;
        let args = PyTuple::new(
            py,
            [
                PyString::new(py, a.criteria.key()).into_any(),
                PyString::new(py, a.severity.key()).into_any(),
                PyString::new(py, a.marrow.key()).into_any(),
                PyString::new(py, a.neutrophils.key()).into_any(),
                PyString::new(py, a.platelets.key()).into_any(),
                PyString::new(py, a.reticulocytes.key()).into_any(),
                a.reticulocytes_below.into_pyobject(py)?.into_any(),
                a.counts_met.into_pyobject(py)?.into_any(),
                PyString::new(py, a.counts.key()).into_any(),
                PyString::new(py, a.very_severe_neutrophils.key()).into_any(),
                a.corrected_reticulocyte_percent.into_pyobject(py)?.into_any(),
                PyString::new(py, a.corrected_reticulocytes.key()).into_any(),
            ],
        )?;
        make_record(registry(py)?.aplastic_assessment.bind(py), args)
    }
    /// How each disorder's affected cell lines fit, in disorder (discriminant) order (the JSON key and the
    /// Rust field have this name).
    #[getter]
    fn disorder_fit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.disorder_fits(py)
    }
    /// Deprecated spelling of `disorder_fit`, kept for existing callers.
    #[getter]
    fn disorder_fits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let fits = self
            .0
            .disorder_fit
            .iter()
            .map(|f| self.fit(py, f))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, fits)
    }
    /// `disorder_fits`, best fit first.
    #[getter]
    fn ranked_fits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let fits = self
            .0
            .ranked_fits()
            .iter()
            .map(|f| self.fit(py, f))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, fits)
    }
    /// The likelihood ratio of this count under each disorder (what `differential(blood_count=...)` uses).
    #[getter]
    fn likelihood_ratios<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let registry = registry(py)?;
        let out = PyDict::new(py);
        for (disorder, lr) in self.0.likelihood_ratios() {
            out.set_item(Disorder::to_py(disorder, py, registry)?, lr)?;
        }
        Ok(out)
    }

    /// Pickling: the interpretation is rebuilt from its count and criteria (`marrowkb._native`'s
    /// `_interpretation_from`), so it round-trips equal.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (PyBloodCount, &'static str))> {
        let rebuild = py.import("marrowkb._native")?.getattr("_interpretation_from")?;
        Ok((
            rebuild,
            (PyBloodCount(self.0.count), self.0.options.aplastic_criteria.key()),
        ))
    }

    fn __eq__<'py>(&self, other: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
        let py = other.py();
        match other.cast::<PyInterpretation>() {
            Ok(other) => PyBool::new(py, other.get().0 == self.0).to_owned().into_any(),
            Err(_) => py.NotImplemented().into_bound(py),
        }
    }

    fn __repr__(&self) -> String {
        let present: Vec<&str> = self
            .0
            .readings()
            .iter()
            .filter(|r| r.presence == Presence::Present)
            .map(|r| r.cytopenia.key())
            .collect();
        format!(
            "<BloodCountInterpretation {}: {}; aplastic anaemia {}>",
            self.0.pattern.key(),
            if present.is_empty() {
                "no cytopenia".to_owned()
            } else {
                present.join(", ")
            },
            self.0.aplastic_anemia.severity.key()
        )
    }

    /// The interpretation as JSON text, exactly as the Rust serializer writes it (`marrowkb cbc --json`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        json(py, &self.0)
    }

    /// The interpretation as plain JSON-ready dicts and lists (`json.dumps` of it is the Rust JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &json(py, &self.0)?)
    }
}

/// Rebuilds a pickled `BloodCountInterpretation` (see its `__reduce__`).
#[pyfunction]
pub(crate) fn _interpretation_from(
    py: Python<'_>,
    count: &Bound<'_, PyBloodCount>,
    criteria: &Bound<'_, PyAny>,
) -> PyResult<PyInterpretation> {
    Ok(PyInterpretation(count.get().0.interpret(options(py, Some(criteria))?)))
}
