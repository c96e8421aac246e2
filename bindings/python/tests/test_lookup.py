"""Look-ups by name, code, gene and HPO id, search and resolution."""

from __future__ import annotations

import pytest

import marrowkb
from marrowkb import CodeMatch, Disorder, Symptom


def test_lookup_every_name_synonym_and_abbreviation() -> None:
    for d in Disorder:
        for name in (d.key, d.display_name, *d.synonyms, *d.abbreviations):
            if name in d.synonyms and marrowkb.lookup_exact(name) is not d:
                continue  # a synonym deliberately shared with another disorder
            assert marrowkb.lookup(name) is d, name
            assert marrowkb.lookup(f"  {name.upper()}  ") is d, name
            assert marrowkb.lookup_exact(name) is d


def test_lookup_normalization() -> None:
    assert marrowkb.lookup("Blackfan-Diamond anaemia") is Disorder.DIAMOND_BLACKFAN_ANEMIA
    assert marrowkb.lookup("FANCONI’S ANÆMIA") is Disorder.FANCONI_ANEMIA
    assert marrowkb.lookup("Fanconi's anémia") is Disorder.FANCONI_ANEMIA
    assert marrowkb.lookup("fa") is Disorder.FANCONI_ANEMIA


def test_unknown_name_carries_suggestions() -> None:
    with pytest.raises(marrowkb.UnknownNameError) as info:
        marrowkb.lookup("fanconni anaemia")
    error = info.value
    assert isinstance(error, LookupError) and isinstance(error, marrowkb.MarrowkbError)
    assert error.suggestions[0] is Disorder.FANCONI_ANEMIA
    assert all(isinstance(s, Disorder) for s in error.suggestions)
    assert error.query == "fanconni anaemia"
    assert "Fanconi anemia" in str(error) and "fanconni anaemia" in str(error)
    assert marrowkb.suggest("fanconni anaemia") == error.suggestions
    with pytest.raises(marrowkb.UnknownNameError) as info:
        marrowkb.lookup("zzzzzzzz")
    assert info.value.suggestions == ()
    assert marrowkb.suggest("zzzzzzzz") == ()
    assert marrowkb.suggest("") == ()
    assert marrowkb.lookup_exact("fanconni anaemia") is None


def test_from_orpha_and_omim() -> None:
    fa = Disorder.FANCONI_ANEMIA
    for spelling in (84, "84", "ORPHA:84", "orpha:84", "Orphanet_84", " ORPHA:84 "):
        assert Disorder.from_orpha(spelling) is fa, spelling
    dba = Disorder.DIAMOND_BLACKFAN_ANEMIA
    for spelling in (105650, "OMIM:105650", "MIM:105650", "#105650", "105650"):
        assert Disorder.from_omim(spelling) is dba, spelling
    for d in Disorder:
        for x in d.orpha:
            if x.match != "closest":
                assert Disorder.from_orpha(x.number) is d
                assert Disorder.from_orpha(x.id) is d
            assert CodeMatch(d, x.match) in Disorder.all_for_orpha(x.id)
        for x in d.omim:
            if x.match != "closest":
                assert Disorder.from_omim(x.number) is d
            assert CodeMatch(d, x.match) in Disorder.all_for_omim(x.number)
    assert Disorder.all_for_orpha(1) == ()
    assert Disorder.all_for_omim("OMIM:100000") == ()
    with pytest.raises(marrowkb.UnknownIdError) as info:
        Disorder.from_orpha(1)
    assert info.value.kind == "ORPHA" and info.value.query == 1
    with pytest.raises(marrowkb.UnknownIdError) as info:
        Disorder.from_omim("OMIM:100000")
    assert info.value.kind == "OMIM"


def test_from_icd10_returns_every_disorder_with_the_code() -> None:
    coded = Disorder.from_icd10("D61.0")
    assert isinstance(coded, tuple) and all(isinstance(c, CodeMatch) for c in coded)
    # D61.0's title names constitutional aplastic anaemia, not one disorder: nearest_parent for all of them.
    assert CodeMatch(Disorder.FANCONI_ANEMIA, "nearest_parent") in coded
    assert {c.match for c in coded} == {"nearest_parent"}
    assert Disorder.from_icd10("D46.1") == (CodeMatch(Disorder.MYELODYSPLASTIC_SYNDROME, "exact"),)
    matches = [c.match for c in coded]
    assert matches == sorted(matches, key=lambda m: m != "exact"), "exact codings first"
    assert Disorder.from_icd10("d610") == coded == Disorder.from_icd10(" D61.0 ")
    for d in Disorder:
        for x in d.icd10:
            assert CodeMatch(d, x.match) in Disorder.from_icd10(x.code)
    with pytest.raises(marrowkb.UnknownIdError) as info:
        Disorder.from_icd10("A00.0")
    assert info.value.kind == "ICD-10"


def test_symptom_from_hpo_every_spelling() -> None:
    s = Symptom.from_hpo("HP:0001873")
    assert s.hpo[0] == "HP:0001873"
    for spelling in (1873, "1873", "0001873", "HP_0001873", "hp:0001873", " HP:0001873 "):
        assert Symptom.from_hpo(spelling) is s, spelling
    for symptom in Symptom:
        for curie in symptom.hpo:
            assert Symptom.from_hpo(curie) is symptom
            assert Symptom.from_hpo(int(curie[3:])) is symptom
    with pytest.raises(marrowkb.UnknownIdError) as info:
        Symptom.from_hpo("HP:0000001")
    assert info.value.kind == "HPO"


def test_genes() -> None:
    rps19 = marrowkb.gene_info("RPS19")
    assert rps19 == marrowkb.gene_info(" rps19 ") == marrowkb.gene_info(rps19.ncbi_gene_id)
    assert rps19.symbol == "RPS19" and rps19.ncbi_gene_id == 6223
    assert Disorder.DIAMOND_BLACKFAN_ANEMIA in rps19.disorders
    assert marrowkb.disorders_for_gene("rps19") == rps19.disorders
    every = marrowkb.genes()
    assert [g.symbol for g in every] == sorted(g.symbol for g in every)
    assert {g for d in Disorder for g in d.genes} == {g.symbol for g in every}
    with pytest.raises(marrowkb.UnknownIdError) as info:
        marrowkb.disorders_for_gene("NOTAGENE")
    assert info.value.kind == "gene"
    with pytest.raises(marrowkb.UnknownIdError):
        marrowkb.gene_info(0)
    with pytest.raises(marrowkb.EmptyInputError):
        marrowkb.gene_info("")
    with pytest.raises(marrowkb.InputTooLongError):
        marrowkb.disorders_for_gene("A" * 100)


def test_resolve_names_and_codes() -> None:
    assert marrowkb.resolve("DBA") is Disorder.DIAMOND_BLACKFAN_ANEMIA
    assert marrowkb.resolve("ORPHA:124") is Disorder.DIAMOND_BLACKFAN_ANEMIA
    assert marrowkb.resolve("OMIM:227650") is Disorder.FANCONI_ANEMIA
    with pytest.raises(marrowkb.UnknownNameError) as info:
        marrowkb.resolve("fanconni")
    assert Disorder.FANCONI_ANEMIA in info.value.suggestions
    with pytest.raises(marrowkb.UnknownIdError):
        marrowkb.resolve("ORPHA:1")


def test_search() -> None:
    hits = marrowkb.search("RPS19")
    assert hits[0] == marrowkb.Hit(Disorder.DIAMOND_BLACKFAN_ANEMIA, "gene", "RPS19", None)
    hits = marrowkb.search("thrombocytopenia")
    assert any(h.disorder is Disorder.THROMBOCYTOPENIA_ABSENT_RADIUS for h in hits)
    assert {h.kind for h in hits} <= {"name", "gene", "symptom", "code"}
    kinds = ["name", "gene", "symptom", "code"]
    assert [kinds.index(h.kind) for h in hits] == sorted(kinds.index(h.kind) for h in hits)
    assert marrowkb.search("qqqqqqqq") == ()
    with pytest.raises(marrowkb.EmptyInputError):
        marrowkb.search("")
