"""The registry resolver: codes through their parent, ambiguity with candidates, tolerant ids, the
subtype-to-group rule, per-row status for messy columns, and data frames out."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import marrowkb
from marrowkb import Disorder

COLUMN = [
    "Fanconi anaemia",  # synonym (British spelling of the name: "name")
    "FA",
    "ORPHA 84",
    "OMIM:610738",  # Kostmann syndrome; severe congenital neutropenia through it
    "D46.9",  # through D46
    "D61.8",
    "D61.0",  # shared: ambiguous
    "RPS19",
    "ELANE",  # shared: ambiguous
    "HAX1",
    "fanconni",
    "",
    None,
    float("nan"),
    "x" * 600,
    "ORPHA:x",
    84,
]


def test_rows_say_what_and_why() -> None:
    rows = marrowkb.resolve_many(COLUMN, suggestions=True)
    assert isinstance(rows, marrowkb.Resolutions) and len(rows) == len(COLUMN)
    assert [r.status for r in rows] == [
        "found", "found", "found", "found", "found", "found", "ambiguous", "found", "ambiguous", "found",
        "unknown", "missing", "missing", "missing", "too_long", "malformed", "malformed",
    ]
    by_input = {r.input: r for r in rows if isinstance(r.input, str)}
    assert by_input["FA"].match == "abbreviation"
    assert by_input["ORPHA 84"].match == "orpha" and by_input["ORPHA 84"].disorder is Disorder.FANCONI_ANEMIA
    kostmann = by_input["OMIM:610738"]
    assert kostmann.disorder is Disorder.KOSTMANN_SYNDROME
    assert kostmann.groups == (Disorder.SEVERE_CONGENITAL_NEUTROPENIA,)
    mds = by_input["D46.9"]
    assert (mds.disorder, mds.match, mds.parent_code) == (Disorder.MYELODYSPLASTIC_SYNDROME, "icd10_parent", "D46")
    assert by_input["D61.8"].disorder is Disorder.APLASTIC_ANEMIA
    assert Disorder.FANCONI_ANEMIA in by_input["D61.0"].candidates
    assert set(by_input["ELANE"].candidates) == {Disorder.CYCLIC_NEUTROPENIA, Disorder.SEVERE_CONGENITAL_NEUTROPENIA}
    assert by_input["HAX1"].disorder is Disorder.KOSTMANN_SYNDROME
    assert by_input["fanconni"].suggestions[0] is Disorder.FANCONI_ANEMIA
    assert rows[-1].error == "expected a str, got int"
    assert rows.summary() == {"found": 8, "ambiguous": 2, "unknown": 1, "missing": 3, "too_long": 1, "malformed": 2}
    # Without suggestions, unknown names are as cheap as hits.
    assert marrowkb.resolve_many(["fanconni"])[0].suggestions == ()


def test_same_answers_as_resolve() -> None:
    for text in ["FA", "ORPHA:84", "D46.9", "RPS19", "HAX1", "MIM #227650"]:
        assert marrowkb.resolve_detailed(text).disorder is marrowkb.resolve(text)
    with pytest.raises(marrowkb.AmbiguousError) as info:
        marrowkb.resolve("D61.0")
    assert info.value.kind == "ICD-10" and Disorder.DIAMOND_BLACKFAN_ANEMIA in info.value.candidates
    with pytest.raises(marrowkb.AmbiguousError) as info:
        marrowkb.resolve("elane")
    assert info.value.kind == "gene" and "Cyclic neutropenia" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_codes_via_parent_and_tolerant_ids() -> None:
    assert Disorder.from_icd10("D46.9")[0].disorder is Disorder.MYELODYSPLASTIC_SYNDROME
    assert marrowkb.hpo_term("HP 0001873") == marrowkb.hpo_term("HP:0001873")
    assert Disorder.from_orpha("ORPHA 84") is Disorder.FANCONI_ANEMIA
    assert Disorder.from_omim("OMIM 227650") is Disorder.FANCONI_ANEMIA


def test_subtype_genes_answer_for_the_group() -> None:
    assert marrowkb.disorders_for_gene("HAX1") == (Disorder.KOSTMANN_SYNDROME, Disorder.SEVERE_CONGENITAL_NEUTROPENIA)
    links = marrowkb.gene_info("HAX1").links
    assert marrowkb.GeneLink(Disorder.SEVERE_CONGENITAL_NEUTROPENIA, Disorder.KOSTMANN_SYNDROME) in links
    assert marrowkb.GeneLink(Disorder.KOSTMANN_SYNDROME, None) in links
    hits = [h for h in marrowkb.search("HAX1") if h.kind == "gene"]
    assert {(h.disorder, h.through) for h in hits} == {
        (Disorder.KOSTMANN_SYNDROME, None),
        (Disorder.SEVERE_CONGENITAL_NEUTROPENIA, Disorder.KOSTMANN_SYNDROME),
    }


def test_any_iterable() -> None:
    names = ["FA", None, "D46.9"]
    expected = [r.status for r in marrowkb.resolve_many(names)]
    for items in [tuple(names), iter(names), (n for n in names), {"a": 1}.keys()]:
        marrowkb.resolve_many(items)
    assert [r.status for r in marrowkb.resolve_many(iter(names))] == expected
    with pytest.raises(TypeError):
        marrowkb.resolve_many("FA")


def test_numpy_pandas_polars_pyarrow() -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    names = ["FA", None, "D46.9", "zzzz", "RPS19"]
    expected = [r.status for r in marrowkb.resolve_many(names)]
    columns: list[Any] = [
        np.array(names, dtype=object),
        pd.Series(names),
        pd.Series(names, dtype="string"),  # missing cells are pd.NA
        pl.Series(names),
        pa.array(names),
        pa.chunked_array([names[:2], names[2:]]),
    ]
    for column in columns:
        assert [r.status for r in marrowkb.resolve_many(column)] == expected, type(column)
    # numpy str_ items, NaN in a float-typed cell.
    assert [r.disorder for r in marrowkb.resolve_many(np.array(["FA", "D46.9"]))] == [
        Disorder.FANCONI_ANEMIA,
        Disorder.MYELODYSPLASTIC_SYNDROME,
    ]
    assert [r.status for r in marrowkb.resolve_many(pd.Series(["FA", float("nan")]))] == ["found", "missing"]
    # lookup_many (names only) takes the same columns.
    assert marrowkb.lookup_many(pd.Series(names)) == [Disorder.FANCONI_ANEMIA, None, None, None, None]


def test_data_frames_in_one_call() -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    rows = marrowkb.resolve_many(pd.Series(["FA", None, "D46.9", "ELANE"]))
    frame = pd.DataFrame(rows.to_dict())
    assert list(frame.columns) == list(marrowkb.RESOLUTION_COLUMNS)
    assert frame["disorder"].tolist()[0] == "fanconi_anemia"
    assert frame["orpha"].tolist()[0] == "ORPHA:84" and frame["icd10"].tolist()[0] == "D61.0"
    assert frame["status"].tolist() == ["found", "missing", "found", "ambiguous"]
    assert frame["candidates"].tolist()[3] == "cyclic_neutropenia;severe_congenital_neutropenia"
    assert rows.to_pandas().equals(frame)
    polars_frame = rows.to_polars()
    assert polars_frame.columns == list(marrowkb.RESOLUTION_COLUMNS)
    assert polars_frame["match"].to_list() == ["abbreviation", None, "icd10_parent", None]


def test_rows_pickle() -> None:
    rows = marrowkb.resolve_many([c for c in COLUMN if c == c], suggestions=True)  # NaN != NaN
    again = pickle.loads(pickle.dumps(rows))
    assert again == rows and type(again) is marrowkb.Resolutions


def test_same_columns_as_the_cli_map(rust_cli: Any, tmp_path: Any) -> None:
    import csv

    cells = ["FA", "D46.9", "", "D61.0", "HAX1", "ORPHA 84", "zzzz", "Shwachman, Diamond", "MIM #227650"]
    path = tmp_path / "registry.csv"
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["diagnosis"])
        writer.writerows([c] for c in cells)
    out = rust_cli("map", str(path), "--column", "diagnosis")
    rows = list(csv.DictReader(out.splitlines()))
    columns = marrowkb.resolve_many(cells).to_dict()
    for name in marrowkb.RESOLUTION_COLUMNS:
        if name == "input":
            assert [r["diagnosis"] for r in rows] == cells
        elif name == "error":
            # The CLI names a missing value like Python does; other messages are the core's.
            assert [r["error"] or None for r in rows] == columns["error"]
        else:
            assert [r[name] or None for r in rows] == columns[name], name
