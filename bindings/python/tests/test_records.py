"""Every field of every Rust record is a read-only attribute with a plain Python type, and equals the Rust
JSON export field by field (the export is written by serde from the same records)."""

from __future__ import annotations

import enum
from typing import Any

import pytest

import marrowkb
from marrowkb import Cause, DiagnosticTest, Disorder, Source, Symptom, Treatment


def keys(members: tuple[Any, ...]) -> list[str]:
    return [m.key for m in members]


def test_every_disorder_field_matches_the_export(rust_json: dict[str, Any]) -> None:
    records = {r["key"]: r for r in rust_json["disorders"]}
    assert set(records) == {d.key for d in Disorder}
    for d in Disorder:
        r = records[d.key]
        assert d.id == r["id"] and d.key == r["key"] and d.display_name == r["name"]
        assert d.synonyms == tuple(r["synonyms"])
        assert d.abbreviations == tuple(r["abbreviations"])
        assert d.description == r["description"]
        assert d.summary == r["summary"]
        assert d.origin == r["origin"]
        assert d.neoplasm is r["neoplasm"]
        assert d.cell_lines == tuple(r["cell_lines"])
        assert d.inheritance == tuple(r["inheritance"])
        assert d.onset == tuple(r["onset"])
        assert [(x.kind, x.target.key, x.source.key) for x in d.relations] == [
            (x["kind"], x["target"], x["source"]) for x in r["relations"]
        ]
        for mine, theirs in ((d.orpha, r["orpha"]), (d.omim, r["omim"])):
            assert [(x.id, x.name, x.match, x.note) for x in mine] == [
                (x["id"], x["name"], x["match"], x["note"]) for x in theirs
            ]
            assert all(x.id.endswith(f":{x.number}") for x in mine)
        assert [(x.code, x.title, x.match, x.note) for x in d.icd10] == [
            (x["code"], x["title"], x["match"], x["note"]) for x in r["icd10"]
        ]
        assert d.genes == tuple(r["genes"])
        assert [(f.symptom.key, f.frequency, f.source.key, f.hpo_frequency, f.note) for f in d.features] == [
            (f["symptom"], f["frequency"], f["source"], f["hpo_frequency"], f["note"]) for f in r["features"]
        ]
        assert [(t.treatment.key, t.role, t.source.key) for t in d.treatments] == [
            (t["treatment"], t["role"], t["source"]) for t in r["treatments"]
        ]
        assert keys(d.tests) == r["tests"]
        assert keys(d.causes) == r["causes"]
        assert [(x.name, x.hpo, x.source.key) for x in d.risks] == [(x["name"], x["hpo"], x["source"]) for x in r["risks"]]
        assert keys(d.sources) == r["sources"]


def test_vocabulary_fields_match_the_export(rust_json: dict[str, Any]) -> None:
    for cls, table in ((Symptom, "symptoms"), (Treatment, "treatments"), (Cause, "causes"), (DiagnosticTest, "tests"), (Source, "sources")):
        assert len(cls) == len(rust_json[table])
    for s, r in zip(Symptom, rust_json["symptoms"]):
        assert (s.id, s.key, s.display_name, s.plain, s.hpo, s.system, s.article) == (
            r["id"], r["key"], r["name"], r["plain"], tuple(r["hpo"]), r["system"], r["article"]
        )
    for t, r in zip(Treatment, rust_json["treatments"]):
        assert (t.id, t.key, t.display_name, t.description, t.kind, t.article, t.source.key) == (
            r["id"], r["key"], r["name"], r["description"], r["kind"], r["article"], r["source"]
        )
    for c, r in zip(Cause, rust_json["causes"]):
        assert (c.id, c.key, c.display_name, c.description, c.source.key) == (
            r["id"], r["key"], r["name"], r["description"], r["source"]
        )
    for t, r in zip(DiagnosticTest, rust_json["tests"]):
        assert (t.id, t.key, t.display_name, t.description, t.article, t.source.key) == (
            r["id"], r["key"], r["name"], r["description"], r["article"], r["source"]
        )
    for s, r in zip(Source, rust_json["sources"]):
        assert (s.id, s.key, s.display_name, s.title, s.publisher, s.year, s.url, s.licence) == (
            r["id"], r["key"], r["name"], r["title"], r["publisher"], r["year"], r["url"], r["licence"]
        )
    assert [(g.symbol, g.ncbi_gene_id, keys(g.disorders)) for g in marrowkb.genes()] == [
        (g["symbol"], g["ncbi_gene_id"], g["disorders"]) for g in rust_json["genes"]
    ]


PLAIN = (str, int, bool, type(None))


def is_plain(value: Any) -> bool:
    if isinstance(value, PLAIN) or isinstance(value, enum.Enum):
        return True
    if isinstance(value, tuple):  # tuples and the small records (named tuples)
        return all(is_plain(v) for v in value)
    return False


@pytest.mark.parametrize("cls", [Disorder, Symptom, Treatment, Cause, DiagnosticTest, Source], ids=lambda c: c.__name__)
def test_attributes_have_plain_types_and_are_immutable(cls: Any) -> None:
    properties = [n for n, v in vars(cls).items() if isinstance(v, property)]
    assert {"id", "key", "display_name"} <= set(properties)
    for member in cls:
        for name in properties:
            value = getattr(member, name)
            assert is_plain(value), (member, name, value)
            assert getattr(member, name) == value, "stable across reads"
            with pytest.raises(AttributeError):
                setattr(member, name, value)


def test_small_records_are_frozen_named_tuples() -> None:
    xref = Disorder.FANCONI_ANEMIA.orpha[0]
    assert isinstance(xref, marrowkb.Xref) and isinstance(xref, tuple)
    assert xref._asdict() == {"id": "ORPHA:84", "number": 84, "name": xref.name, "match": "exact", "note": xref.note}
    with pytest.raises(AttributeError):
        xref.id = "ORPHA:1"  # type: ignore[misc]
    assert hash(xref) == hash(Disorder.FANCONI_ANEMIA.orpha[0])
    for record in (marrowkb.Feature, marrowkb.TreatmentUse, marrowkb.Relation, marrowkb.Risk, marrowkb.Icd10Xref,
                   marrowkb.Gene, marrowkb.Hit, marrowkb.CodeMatch, marrowkb.LookupResult):
        assert record.__module__ == "marrowkb" and record.__doc__
        assert issubclass(record, tuple)


def test_reverse_maps_agree_with_the_records() -> None:
    for s in Symptom:
        assert s.disorders == tuple(d for d in Disorder if s in [f.symptom for f in d.features])
    for t in Treatment:
        assert t.disorders == tuple(d for d in Disorder if t in [u.treatment for u in d.treatments])
    for t in DiagnosticTest:
        assert t.disorders == tuple(d for d in Disorder if t in d.tests)
    for c in Cause:
        assert c.disorders == tuple(d for d in Disorder if c in d.causes)
    for gene in marrowkb.genes():
        # Direct links are the disorders' own genes; the rest come through a subtype (subtype-to-group rule).
        direct = tuple(link.disorder for link in gene.links if link.through is None)
        assert direct == tuple(d for d in Disorder if gene.symbol in d.genes)
        assert gene.disorders == tuple(link.disorder for link in gene.links)
        for link in gene.links:
            if link.through is not None:
                assert gene.symbol in link.through.genes and link.disorder in [
                    r.target for r in link.through.relations if r.kind == "subtype_of"
                ]
        assert marrowkb.disorders_for_gene(gene.symbol) == gene.disorders


def test_frequency_overrides_keep_hpo_visible() -> None:
    fa = {f.symptom: f for f in Disorder.FANCONI_ANEMIA.features}
    short = fa[Symptom.SHORT_STATURE]
    assert (short.frequency, short.hpo_frequency) == ("frequent", "very_frequent")
    assert short.note is not None and "50 %" in short.note
    assert fa[Symptom.ANEMIA].hpo_frequency is None
    assert Disorder.PEARSON_SYNDROME.origin == "constitutional"
    assert Disorder.PEARSON_SYNDROME.causes == (Cause.NEW_GENETIC_CHANGE,)
