"""marrowkb.BloodCount and interpret_blood_count: units, validation, readings, severity, and the Rust JSON."""

from __future__ import annotations

import copy
import json
import math
import pickle
from typing import Any, Callable

import pytest

import marrowkb
from marrowkb import BloodCount, BloodCountInterpretation, Disorder, interpret_blood_count

# The worked example of issue 6: a 34-year-old woman.
EXAMPLE: dict[str, Any] = dict(hemoglobin=7.2, neutrophils=0.3, platelets=15, reticulocytes=12, cellularity=15, age=34, sex="f")
EXAMPLE_CLI = ["--hb", "7.2g/dL", "--anc", "0.3", "--plt", "15", "--retic", "12", "--cellularity", "15", "--age", "34", "--sex", "f"]
MEASUREMENTS = [
    "hemoglobin", "mcv", "neutrophils", "lymphocytes", "monocytes", "platelets", "reticulocytes",
    "reticulocyte_percent", "red_cell_count", "cellularity", "residual_hematopoietic_cells", "age", "hematocrit",
]


def test_worked_example_severe_aplastic_anaemia() -> None:
    result = BloodCount(**EXAMPLE).interpret()
    assert isinstance(result, BloodCountInterpretation)
    assert result.pattern == "pancytopenia"
    assert result.aplastic_anemia.severity == "severe"
    assert result.aplastic_anemia.criteria == result.aplastic_criteria == "camitta_bacigalupo"
    assert (result.aplastic_anemia.marrow, result.aplastic_anemia.counts_met) == ("met", 3)
    assert result.aplastic_anemia.very_severe_neutrophils == "not_met"
    assert (result.anemia.ctcae, result.neutropenia.ctcae, result.thrombocytopenia.ctcae) == (3, 4, 4)
    assert result.anemia.presence == "present" and result.anemia.severity == "severe"  # WHO: < 8.0 g/dL for women
    assert (result.anemia.severity_scale, result.anemia.lower_limit, result.anemia.reference) == ("who_2011", 12.0, "who_2011")
    assert result.neutropenia.severity == "severe" and result.neutropenia.severity_scale == "neutropenia_bands"
    assert result.reticulocytopenia.presence == "present"
    assert result.lymphopenia.presence == result.monocytopenia.presence == "not_measured"
    assert [r.cytopenia for r in result.present] == ["anemia", "neutropenia", "thrombocytopenia", "reticulocytopenia"]
    assert [r.cytopenia for r in result.readings] == [
        "anemia", "neutropenia", "lymphopenia", "monocytopenia", "thrombocytopenia", "reticulocytopenia",
    ]
    assert result.decreased_lines == ("red_cells", "white_cells", "platelets") and result.unknown_lines == ()
    assert result.count == BloodCount(**EXAMPLE)
    assert repr(result) == (
        "<BloodCountInterpretation pancytopenia: anemia, neutropenia, thrombocytopenia, reticulocytopenia; "
        "aplastic anaemia severe>"
    )


def test_json_equals_the_rust_cli(rust_cli: Callable[..., str]) -> None:
    text = rust_cli("cbc", *EXAMPLE_CLI, "--json")
    result = interpret_blood_count(EXAMPLE)
    assert result.to_json() + "\n" == text
    assert result.to_dict() == json.loads(text)
    assert result.count.to_dict() == json.loads(text)["count"]
    assert json.loads(result.count.to_json()) == result.count.to_dict()


@pytest.mark.parametrize(
    ("cli_args", "kwargs"),
    [
        (
            ["--hb", "72g/L", "--mcv", "104", "--anc", "1200/uL", "--lym", "0.9", "--mono", "0.1", "--plt", "45", "--age", "6mo", "--sex", "m"],
            dict(hemoglobin=72, hemoglobin_unit="g/L", mcv=104, neutrophils=1.2, lymphocytes=0.9, monocytes=0.1, platelets=45, age=6, age_unit="months", sex="male"),
        ),
        (
            ["--hb", "11", "--retic", "1.2%", "--rbc", "3.1", "--cellularity", "40", "--residual", "20", "--anc", "0.6", "--plt", "15", "--criteria", "bsh2016"],
            dict(hemoglobin=11, reticulocyte_percent=1.2, red_cell_count=3.1, cellularity=40, residual_hematopoietic_cells=20, neutrophils=0.6, platelets=15, aplastic_criteria="bsh_2016_automated"),
        ),
        (["--hb", "10.5", "--age", "30", "--sex", "f", "--pregnant"], dict(hemoglobin=10.5, age=30, sex="female", pregnant=True)),
        ([], {}),
    ],
)
def test_more_counts_equal_the_rust_cli(rust_cli: Callable[..., str], cli_args: list[str], kwargs: dict[str, Any]) -> None:
    criteria = kwargs.pop("aplastic_criteria", "camitta_bacigalupo")
    text = rust_cli("cbc", *cli_args, "--json")
    assert BloodCount(**kwargs).interpret(aplastic_criteria=criteria).to_json() + "\n" == text


def test_interpret_blood_count_takes_a_count_or_keyword_arguments() -> None:
    count = BloodCount(**EXAMPLE)
    expected = count.interpret().to_dict()
    assert interpret_blood_count(count).to_dict() == expected
    assert interpret_blood_count(EXAMPLE).to_dict() == expected
    assert interpret_blood_count(dict(EXAMPLE), aplastic_criteria="camitta_bacigalupo").to_dict() == expected
    from types import MappingProxyType

    assert interpret_blood_count(MappingProxyType(EXAMPLE)).to_dict() == expected
    for bad in (None, [7.2], "hemoglobin=7.2", 7.2):
        with pytest.raises(TypeError):
            interpret_blood_count(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        interpret_blood_count({"haemoglobin": 7.2})  # not a keyword of BloodCount
    with pytest.raises(marrowkb.InvalidMeasurementError):
        interpret_blood_count({"hemoglobin": -1})


# --- Units ----------------------------------------------------------------------------------------


def test_units_convert_to_canonical() -> None:
    assert BloodCount(hemoglobin=72, hemoglobin_unit="g/L").hemoglobin == 7.2
    assert BloodCount(hemoglobin=7.2, hemoglobin_unit="G/DL") == BloodCount(hemoglobin=7.2)
    mmol = BloodCount(hemoglobin=4.47, hemoglobin_unit="mmol/L").hemoglobin
    assert mmol is not None and math.isclose(mmol, 4.47 / 0.6206)
    for unit in ("cells/uL", "cells/µL", "/uL", "/µL", "per_ul", "/mm3"):
        c = BloodCount(neutrophils=300, platelets=15_000, reticulocytes=12_000, lymphocytes=900, monocytes=100, count_unit=unit)
        assert (c.neutrophils, c.platelets, c.reticulocytes, c.lymphocytes, c.monocytes) == (0.3, 15.0, 12.0, 0.9, 0.1), unit
    for unit in ("10^9/L", "x10^9/L", "×10⁹/L", "G/L", "giga_per_l", "/nL"):
        assert BloodCount(platelets=15, count_unit=unit).platelets == 15.0, unit
    assert BloodCount(age=18, age_unit="months").age == 1.5
    assert BloodCount(age=2, age_unit="weeks").age == BloodCount(age=14, age_unit="days").age == 14 / 365.25
    assert BloodCount(age=34, age_unit="y").age == 34.0
    assert BloodCount(reticulocyte_percent=0.5, red_cell_count=2.4).reticulocytes == 12.0


def test_units_labs_print_and_one_unit_per_count() -> None:
    for unit in ("10^3/uL", "x10^3/uL", "K/uL", "10^3/µL", "×10³/µL"):
        assert BloodCount(platelets=150, count_unit=unit).platelets == 150.0, unit
    # Neutrophils in /µL and platelets in 10^9/L in the same count.
    c = BloodCount(neutrophils=300, neutrophils_unit="cells/uL", platelets=15, lymphocytes=900, count_unit="/uL",
                   lymphocytes_unit=None, monocytes=0.1, monocytes_unit="K/uL", reticulocytes=12, reticulocytes_unit="10^9/L")
    assert (c.neutrophils, c.platelets, c.lymphocytes, c.monocytes, c.reticulocytes) == (0.3, 0.015, 0.9, 0.1, 12.0)
    c = BloodCount(neutrophils=300, neutrophils_unit="/uL", platelets=15)
    assert (c.neutrophils, c.platelets) == (0.3, 15.0)
    for unit in ("10^12/L", "10^6/uL", "x10^6/uL", "M/uL"):
        assert BloodCount(red_cell_count=3.1, red_cell_count_unit=unit).red_cell_count == 3.1, unit
    with pytest.raises(marrowkb.InvalidArgumentError) as error:
        BloodCount(red_cell_count=3.1, red_cell_count_unit="10^9/L")
    assert error.value.argument == "red_cell_count_unit"
    with pytest.raises(marrowkb.InvalidArgumentError) as error:
        BloodCount(platelets=15, platelets_unit="g/dL")
    assert error.value.argument == "platelets_unit"


def test_hemoglobin_in_the_wrong_unit_says_so() -> None:
    with pytest.raises(marrowkb.InvalidMeasurementError, match="plausible in g/L"):
        BloodCount(hemoglobin=72)


def test_ctcae_grade_zero_at_or_above_the_age_limit() -> None:
    reading = BloodCount(hemoglobin=9.5, age=2, age_unit="months", sex="male").interpret().anemia
    assert (reading.presence, reading.lower_limit, reading.ctcae) == ("absent", 9.0, 0)


@pytest.mark.parametrize(
    ("argument", "unit"),
    [("hemoglobin_unit", "mg/dL"), ("hemoglobin_unit", ""), ("count_unit", "cells"), ("count_unit", "g/dL"), ("age_unit", "decades")],
)
def test_unknown_units(argument: str, unit: str) -> None:
    with pytest.raises(marrowkb.InvalidArgumentError) as error:
        BloodCount(hemoglobin=7.2, **{argument: unit})
    assert error.value.argument == argument and error.value.query == unit


@pytest.mark.parametrize("argument", ["hemoglobin_unit", "count_unit", "age_unit"])
def test_unit_must_be_a_str(argument: str) -> None:
    with pytest.raises(TypeError, match=argument):
        BloodCount(**{argument: 1})


# --- Validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field", "reason"),
    [
        (dict(hemoglobin=math.nan), "hemoglobin", "not a number"),
        (dict(hemoglobin=math.inf), "hemoglobin", "infinite"),
        (dict(platelets=-math.inf), "platelets", "infinite"),
        (dict(hemoglobin=30), "hemoglobin", "above 25 g/dL"),
        (dict(hemoglobin=251, hemoglobin_unit="g/L"), "hemoglobin", "above 25 g/dL"),
        (dict(hemoglobin=0), "hemoglobin", "zero"),
        (dict(mcv=20), "mcv", "below 30 fL"),
        (dict(platelets=6000), "platelets", "above 5000"),
        (dict(platelets=5_000_001, count_unit="cells/uL"), "platelets", "above 5000"),
        (dict(cellularity=101), "cellularity", "above 100 %"),
        (dict(reticulocyte_percent=101, red_cell_count=3), "reticulocyte_percent", "above 100 %"),
        (dict(red_cell_count=0), "red_cell_count", "zero"),
        (dict(age=131), "age", ""),
        (dict(age=-1, age_unit="days"), "age", "negative"),
    ],
)
def test_impossible_values_are_rejected(kwargs: dict[str, Any], field: str, reason: str) -> None:
    with pytest.raises(marrowkb.InvalidMeasurementError) as caught:
        BloodCount(**kwargs)
    error = caught.value
    assert isinstance(error, marrowkb.InvalidArgumentError) and isinstance(error, ValueError)
    assert isinstance(error, marrowkb.MarrowkbError)
    assert error.field == error.argument == field and reason in error.reason
    given = next(v for k, v in kwargs.items() if k == field)
    assert error.value == given or (math.isnan(error.value) and math.isnan(given))
    assert error.unit and error.unit in str(error)
    assert error.query == error.value or math.isnan(error.value)


@pytest.mark.parametrize("field", MEASUREMENTS)
def test_negative_values_are_rejected(field: str) -> None:
    kwargs: dict[str, Any] = {field: -0.5}
    if field == "reticulocyte_percent":
        kwargs["red_cell_count"] = 3.0
    with pytest.raises(marrowkb.InvalidMeasurementError) as caught:
        BloodCount(**kwargs)
    assert caught.value.field == field and caught.value.value == -0.5 and caught.value.reason == "negative"
    assert "-0.5" in str(caught.value)


@pytest.mark.parametrize("field", MEASUREMENTS)
@pytest.mark.parametrize("bad", ["7.2", True, [7.2], b"7", 1j])
def test_measurements_must_be_numbers(field: str, bad: Any) -> None:
    with pytest.raises(TypeError, match=field):
        BloodCount(**{field: bad})


def test_ints_and_float_like_values_are_numbers() -> None:
    from decimal import Decimal
    from fractions import Fraction

    assert BloodCount(hemoglobin=7) == BloodCount(hemoglobin=7.0)
    assert BloodCount(hemoglobin=Decimal("7.2"), platelets=Fraction(15, 1)) == BloodCount(hemoglobin=7.2, platelets=15)  # type: ignore[arg-type]

    class Index:
        def __index__(self) -> int:
            return 15

    assert BloodCount(platelets=Index()).platelets == 15.0  # type: ignore[arg-type]
    assert BloodCount() != object() and BloodCount() == BloodCount()
    assert BloodCount(platelets=None).platelets is None
    assert BloodCount(age=-0.0).age == 0.0 and str(BloodCount(age=-0.0).age) == "0.0"


def test_other_argument_errors() -> None:
    with pytest.raises(TypeError):
        BloodCount(7.2)  # type: ignore[call-arg]  # keyword-only
    with pytest.raises(TypeError):
        BloodCount(haemoglobin=7.2)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        BloodCount(sex=1)  # type: ignore[arg-type]
    with pytest.raises(marrowkb.InvalidArgumentError) as sex:
        BloodCount(sex="x")
    assert sex.value.argument == "sex"
    with pytest.raises(TypeError):
        BloodCount(pregnant="yes")  # type: ignore[arg-type]
    with pytest.raises(marrowkb.InvalidArgumentError) as percent:
        BloodCount(reticulocyte_percent=1.0)
    assert percent.value.argument == "reticulocyte_percent" and "red cell count" in str(percent.value)
    assert not isinstance(percent.value, marrowkb.InvalidMeasurementError)
    with pytest.raises(marrowkb.InvalidArgumentError) as pregnant:
        BloodCount(sex="male", pregnant=True)
    assert pregnant.value.argument == "pregnant"
    with pytest.raises(marrowkb.InvalidArgumentError, match="not both"):
        BloodCount(reticulocytes=12, reticulocyte_percent=1.0, red_cell_count=3.0)
    with pytest.raises(marrowkb.InvalidArgumentError) as criteria:
        BloodCount().interpret(aplastic_criteria="camitta")
    assert criteria.value.argument == "aplastic_criteria"
    with pytest.raises(TypeError):
        BloodCount().interpret(aplastic_criteria=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        BloodCount().interpret("bsh_2016_automated")  # type: ignore[call-arg]


# --- Readings and thresholds ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hemoglobin", "presence", "severity", "ctcae"),
    [(12.1, "absent", None, 0), (12.0, "absent", None, 0), (11.9, "present", "mild", 1), (10.9, "present", "moderate", 1),
     (9.9, "present", "moderate", 2), (7.9, "present", "severe", 3)],
)
def test_anaemia_thresholds_for_an_adult_woman(hemoglobin: float, presence: str, severity: str | None, ctcae: int) -> None:
    anemia = BloodCount(hemoglobin=hemoglobin, age=34, sex="female").interpret().anemia
    assert (anemia.presence, anemia.severity, anemia.ctcae, anemia.lower_limit) == (presence, severity, ctcae, 12.0)
    assert anemia.value == hemoglobin


@pytest.mark.parametrize(
    ("platelets", "ctcae"), [(150, 0), (149.9, 1), (75, 1), (74.9, 2), (50, 2), (49.9, 3), (25, 3), (24.9, 4), (0, 4)]
)
def test_ctcae_platelet_grades(platelets: float, ctcae: int) -> None:
    assert BloodCount(platelets=platelets, age=40).interpret().thrombocytopenia.ctcae == ctcae


@pytest.mark.parametrize(
    ("neutrophils", "severity", "ctcae"),
    [(1.5, None, 0), (1.49, "mild", 2), (0.99, "moderate", 3), (0.49, "severe", 4), (0.2, "severe", 4), (0.19, "very_severe", 4)],
)
def test_neutropenia_bands(neutrophils: float, severity: str | None, ctcae: int) -> None:
    reading = BloodCount(neutrophils=neutrophils, age=40).interpret().neutropenia
    assert (reading.severity, reading.ctcae) == (severity, ctcae)


def test_missing_age_or_sex_leaves_conclusions_open() -> None:
    result = BloodCount(hemoglobin=11.5).interpret()
    assert result.anemia.presence == "undetermined" and result.pattern == "undetermined"
    assert "red_cells" in result.unknown_lines
    # 12.5 g/dL is anaemia for a man (< 13.0) but not for a woman (< 12.0): without the sex, undetermined.
    assert BloodCount(hemoglobin=12.5, age=30).interpret().anemia.presence == "undetermined"
    assert BloodCount(hemoglobin=12.5, age=30, sex="m").interpret().anemia.presence == "present"
    assert BloodCount().interpret().aplastic_anemia.severity == "not_assessed"


def test_red_cell_size() -> None:
    size = BloodCount(mcv=104, age=40).interpret().red_cell_size
    assert size == marrowkb.RedCellSizeReading(mcv=104.0, size="macrocytic", lower_limit=80.0, upper_limit=100.0)
    assert BloodCount(mcv=70, age=40).interpret().red_cell_size.size == "microcytic"
    assert BloodCount(mcv=90).interpret().red_cell_size.size is None


def test_aplastic_criteria_option() -> None:
    count = BloodCount(cellularity=15, neutrophils=0.6, platelets=15, reticulocytes=50)
    camitta = count.interpret().aplastic_anemia
    bsh = count.interpret(aplastic_criteria="bsh_2016_automated").aplastic_anemia
    assert (camitta.severity, camitta.reticulocytes, camitta.reticulocytes_below) == ("non_severe", "not_met", 20.0)
    assert (bsh.severity, bsh.reticulocytes, bsh.reticulocytes_below) == ("severe", "met", 60.0)
    very = BloodCount(cellularity=10, neutrophils=0.1, platelets=10, reticulocytes=5).interpret().aplastic_anemia
    assert very.severity == "very_severe"
    assert BloodCount(cellularity=10, platelets=10, reticulocytes=5).interpret().aplastic_anemia.severity == "at_least_severe"


def test_disorder_fits_and_likelihood_ratios() -> None:
    result = BloodCount(**EXAMPLE).interpret()
    fits = result.disorder_fits
    assert [f.disorder for f in fits] == list(Disorder)
    aa = fits[0]
    assert aa.disorder is Disorder.APLASTIC_ANEMIA and aa.fit == "exact" and aa.score == 1.0
    assert aa.matched == ("red_cells", "white_cells", "platelets") and aa.missed == aa.unexpected == ()
    ranked = result.ranked_fits
    assert sorted(ranked, key=lambda f: f.disorder) == list(fits)
    assert ranked[0].fit == "exact" and all((f.score or 0) <= (ranked[0].score or 0) for f in ranked)
    lrs = result.likelihood_ratios
    assert list(lrs) == list(Disorder) and all(isinstance(v, float) and v > 0 for v in lrs.values())
    assert lrs[Disorder.APLASTIC_ANEMIA] > 1 > lrs[Disorder.BARTH_SYNDROME]
    assert all(v == 1.0 for v in BloodCount().interpret().likelihood_ratios.values())


# --- Value semantics ------------------------------------------------------------------------------


def test_counts_are_values() -> None:
    a = BloodCount(**EXAMPLE)
    b = BloodCount(hemoglobin=72, hemoglobin_unit="g/L", neutrophils=300, platelets=15_000, reticulocytes=12_000,
                   count_unit="cells/uL", cellularity=15, age=34 * 12, age_unit="months", sex="female")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != BloodCount(**{**EXAMPLE, "age": 35}) and a != "BloodCount" and BloodCount() == BloodCount()
    assert (a.hemoglobin, a.neutrophils, a.platelets, a.reticulocytes, a.age, a.sex) == (7.2, 0.3, 15.0, 12.0, 34.0, "female")
    assert a.pregnant is False and a.mcv is None and a.reticulocyte_percent is None
    with pytest.raises(AttributeError):
        a.hemoglobin = 8.0  # type: ignore[misc]
    percent = BloodCount(reticulocyte_percent=1.2, red_cell_count=3.1, sex="f", pregnant=True, mcv=90.5)
    for c in (a, b, percent, BloodCount()):
        assert pickle.loads(pickle.dumps(c)) == c and copy.deepcopy(c) == c
        assert eval(repr(c), {"BloodCount": BloodCount}) == c  # noqa: S307 - our own repr
    assert repr(a) == 'BloodCount(hemoglobin=7.2, neutrophils=0.3, platelets=15.0, reticulocytes=12.0, cellularity=15.0, age=34.0, sex="female")'


def test_interpretation_is_read_only() -> None:
    result = BloodCount(**EXAMPLE).interpret()
    with pytest.raises(AttributeError):
        result.pattern = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        BloodCountInterpretation()
    assert result.anemia._fields == (
        "cytopenia", "value", "presence", "lower_limit", "reference", "severity", "severity_scale", "ctcae",
    )
    assert type(result.aplastic_anemia) is marrowkb.AplasticAssessment and type(result.disorder_fits[0]) is marrowkb.DisorderFit


def test_camitta_corrected_reticulocyte_percentage() -> None:
    count = BloodCount(reticulocyte_percent=1.5, hematocrit=18, neutrophils=0.3, platelets=15, cellularity=15)
    assert count.hematocrit == 18.0 and count.corrected_reticulocyte_percent is not None
    assert abs(count.corrected_reticulocyte_percent - 0.6) < 1e-12
    aa = count.interpret().aplastic_anemia
    assert (aa.corrected_reticulocytes, aa.reticulocytes, aa.severity) == ("met", "met", "severe")
    assert aa.corrected_reticulocyte_percent == count.corrected_reticulocyte_percent
    assert BloodCount(neutrophils=0.3).interpret().aplastic_anemia.corrected_reticulocyte_percent is None
    assert pickle.loads(pickle.dumps(count)) == count
    with pytest.raises(marrowkb.InvalidMeasurementError) as error:
        BloodCount(hematocrit=95)
    assert error.value.field == "hematocrit"
