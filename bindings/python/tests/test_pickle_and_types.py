"""Every public value pickles (and deep-copies) and round-trips equal; the stub's Literal types cover every
value the runtime gives."""

from __future__ import annotations

import copy
import pickle
import re
from pathlib import Path
from typing import Any

import pytest

import marrowkb
from marrowkb import Disorder, Symptom


def round_trip(value: Any) -> Any:
    again = pickle.loads(pickle.dumps(value))
    assert again == value, value
    assert copy.deepcopy(value) == value
    return again


def test_differential_and_blood_count_pickle() -> None:
    count = marrowkb.BloodCount(hemoglobin=7.2, neutrophils=0.3, platelets=15, reticulocytes=12, age=34, sex="female")
    interpretation = count.interpret(aplastic_criteria="bsh_2016_automated")
    again = round_trip(interpretation)
    assert again.aplastic_criteria == "bsh_2016_automated" and again.to_json() == interpretation.to_json()
    round_trip(count)
    for kwargs in [
        {},
        {"blood_count": count, "sex": "female", "age_of_onset": 3},
        {"onset": "childhood", "evidence": {Disorder.FANCONI_ANEMIA: 2.5}},
    ]:
        result = marrowkb.differential(
            ["HP:0001873", Symptom.ABSENT_RADIUS, marrowkb.hpo_term(1903)], ["HP:0000252"], **kwargs
        )
        again = round_trip(result)
        assert again.to_json() == result.to_json() and again.ranking == result.ranking


def test_every_other_public_value_pickles() -> None:
    values: list[Any] = [
        list(Disorder),
        list(Symptom),
        list(marrowkb.Treatment),
        list(marrowkb.Source),
        marrowkb.hpo_term("HP:0001873"),
        marrowkb.hpo_resolve("HP:0001873"),
        marrowkb.gene_info("HAX1"),
        marrowkb.search("HAX1"),
        Disorder.FANCONI_ANEMIA.orpha,
        Disorder.FANCONI_ANEMIA.features,
        Disorder.from_icd10("D61.0"),
        marrowkb.lookup_many_with_suggestions(["fanconni", "FA"]),
        marrowkb.resolve_many(["FA", "D61.0", "", "fanconni"], suggestions=True),
        marrowkb.resolve_detailed("D46.9"),
    ]
    for value in values:
        round_trip(value)
    for make in [lambda: marrowkb.resolve("D61.0"), lambda: marrowkb.lookup("fanconni"), lambda: marrowkb.resolve("")]:
        with pytest.raises(marrowkb.MarrowkbError) as info:
            make()
        again = pickle.loads(pickle.dumps(info.value))
        assert type(again) is type(info.value) and str(again) == str(info.value)
        assert again.__dict__ == info.value.__dict__


def stub_literals() -> dict[str, set[str]]:
    stub = (Path(marrowkb.__file__).parent / "__init__.pyi").read_text()
    found = {}
    for name, body in re.findall(r"^(_\w+) = Literal\[(.*?)\]$", stub, re.S | re.M):
        found[name] = set(re.findall(r'"([^"]+)"', body))
    return found


def test_literal_types_cover_the_runtime_values() -> None:
    lits = stub_literals()
    seen: dict[str, set[Any]] = {name: set() for name in lits}
    for d in Disorder:
        seen["_Origin"].add(d.origin)
        seen["_CellLine"].update(d.cell_lines)
        seen["_Inheritance"].update(d.inheritance)
        seen["_Onset"].update(d.onset)
        seen["_XrefMatch"].update(x.match for x in d.orpha + d.omim)
        seen["_IcdMatch"].update(x.match for x in d.icd10)
        seen["_Frequency"].update(f.frequency for f in d.features)
        seen["_TreatmentRole"].update(t.role for t in d.treatments)
        seen["_RelationKind"].update(r.kind for r in d.relations)
    seen["_BodySystem"].update(s.system for s in Symptom)
    for name in ["_HitKind"]:
        seen[name].update(h.kind for text in ["RPS19", "DBA", "anaemia", "D61.0"] for h in marrowkb.search(text))
    rows = marrowkb.resolve_many(["FA", "fanconi anaemia", "Fanconi pancytopenia", "ORPHA:84", "OMIM:227650",
                                  "D61.9", "D46.9", "RPS19", "", "zzzz", "D61.0", "x" * 600, "ORPHA:x"])
    seen["_ResolutionStatus"].update(r.status for r in rows)
    seen["_MatchKind"].update(r.match for r in rows if r.match)
    from test_differential import ALT_ID, OBSOLETE

    inputs = marrowkb.differential(
        ["HP:0001873", "HP:0001903", "HP:0001972", ALT_ID, "HP:nope", "HP:9999999", OBSOLETE, "HP:0000007", "HP:0001873"],
        ["HP:0001873", "HP:0000252"],
    ).inputs
    seen["_InputStatus"].update(r.status for r in inputs)
    for name, values in seen.items():
        assert values <= lits[name], (name, values - lits[name])
        # Every status and match kind is reached by this sample; knowledge vocabularies need not be all used.
        if name in ("_ResolutionStatus", "_MatchKind", "_InputStatus"):
            assert values == lits[name], (name, lits[name] - values)


def test_batches_in_threads_agree() -> None:
    """Batches and differentials run with the GIL released: threads running them at once agree."""
    from concurrent.futures import ThreadPoolExecutor

    names = ["fanconi anaemia", "D46.9", "ORPHA 84", "RPS19", "zzzz", None, "D61.0"] * 2_000
    expected = marrowkb.resolve_many(names)
    terms = ["HP:0001873", "HP:0001903", "HP:0000252"]
    ranking = marrowkb.differential(terms).ranking
    with ThreadPoolExecutor(4) as pool:
        batches = list(pool.map(lambda _: marrowkb.resolve_many(names), range(4)))
        rankings = list(pool.map(lambda _: marrowkb.differential(terms).ranking, range(8)))
    assert all(b == expected for b in batches)
    assert all(r == ranking for r in rankings)


def test_closed_vocabularies_ignore_case() -> None:
    a = marrowkb.differential(["HP:0001873"], onset="childhood", sex="female")
    b = marrowkb.differential(["HP:0001873"], onset="Childhood", sex="FEMALE")
    assert a == b and b.onset == "childhood"
    count = marrowkb.BloodCount(hemoglobin=7.2, neutrophils=0.3, platelets=15, cellularity=15)
    assert count.interpret(aplastic_criteria="BSH_2016_Automated").aplastic_criteria == "bsh_2016_automated"
    interpretation = count.interpret()
    assert interpretation.disorder_fit == interpretation.disorder_fits  # the JSON name, and the old one
    assert [f["disorder"] for f in interpretation.to_dict()["disorder_fit"]] == [
        f.disorder.key for f in interpretation.disorder_fit
    ]
