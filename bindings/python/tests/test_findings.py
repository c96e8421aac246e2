"""Findings in words: marrowkb.term, Term.synonyms / lay_names, Symptom.find and differential share the
core's one resolver (marrowkb::finding)."""

from __future__ import annotations

import json
from typing import Callable

import pytest

import marrowkb
from marrowkb import AmbiguousTermError, Symptom, Term, UnknownTermError


def test_term_by_id_label_synonym_and_lay_words() -> None:
    t = marrowkb.term("HP:0001873")
    assert t == Term(1873) == marrowkb.hpo_term(1873)
    for text in ["thrombocytopenia", "THROMBOCYTOPAENIA", "Low platelet count", "low-platelet count", 1873, t]:
        assert marrowkb.term(text) == t, text
    assert marrowkb.term("webbed fingers").name == "Cutaneous finger syndactyly"
    assert marrowkb.term("Café-au-lait spots").id == "HP:0000957"
    assert marrowkb.term("nosebleeds").id == "HP:0000421"  # a marrowkb symptom's plain name
    assert marrowkb.term("HP:0000004").id == "HP:0012823"  # an alternative id


def test_unknown_words_have_suggestions_and_ambiguous_ones_candidates() -> None:
    with pytest.raises(UnknownTermError) as unknown:
        marrowkb.term("thrombocytopaenai")
    assert unknown.value.suggestions[0] == Term(1873)
    assert unknown.value.query == "thrombocytopaenai"
    assert isinstance(unknown.value, LookupError)
    with pytest.raises(AmbiguousTermError) as ambiguous:
        marrowkb.term("ASD")
    assert [c.id for c in ambiguous.value.candidates] == ["HP:0000729", "HP:0001631"]
    with pytest.raises(marrowkb.MalformedIdError):
        marrowkb.term("HP:abc")
    with pytest.raises(marrowkb.EmptyInputError):
        marrowkb.term("  ")


def test_synonyms_and_lay_names() -> None:
    t = Term("HP:0001873")
    assert t.synonyms[0] == marrowkb.Synonym("Low platelet count", "exact", "layperson")
    assert t.synonyms[0].type == "layperson"
    assert t.lay_names == ("Low platelet count",)
    assert t.lay_name == "Low platelet count"
    assert Term.PHENOTYPIC_ABNORMALITY.lay_name is None
    epistaxis = Term("HP:0000421")
    assert "Nosebleed" in epistaxis.lay_names
    assert all(s.scope in {"exact", "related", "broad", "narrow"} for s in epistaxis.synonyms)


def test_symptom_find_accepts_hpo_words() -> None:
    assert Symptom.find("easy bruising") == Symptom.from_key("bruising_susceptibility")
    with pytest.raises(marrowkb.UnknownKeyError):
        Symptom.find("thrombocytopaenai")


def test_differential_resolves_words_like_ids() -> None:
    words = marrowkb.differential(["thrombocytopenia", "absent radius"])
    ids = marrowkb.differential(["HP:0001873", "HP:0003974"])
    assert [r.disorder for r in words.ranking] == [r.disorder for r in ids.ranking]
    assert words.ranking[0].disorder == marrowkb.Disorder.THROMBOCYTOPENIA_ABSENT_RADIUS
    assert words.observed == ids.observed


def test_differential_raises_when_no_finding_resolves() -> None:
    with pytest.raises(UnknownTermError) as e:
        marrowkb.differential(["thrombocytopaenai", "qqqq zzzz"])
    assert e.value.query == "thrombocytopaenai"
    # One usable finding: the others are reported, not raised.
    result = marrowkb.differential(["thrombocytopenia", "qqqq zzzz"])
    assert [r.status for r in result.rejected] == ["unknown"]


@pytest.mark.parametrize(
    "text", ["low platelet count", "THROMBOCYTOPAENIA", "webbed fingers", "nosebleeds", "HP:0000004", "Absent radius"]
)
def test_term_agrees_with_the_cli(rust_cli: Callable[..., str], text: str) -> None:
    """One resolver, two doors: `marrowkb term --json` and `marrowkb.term` name the same term and synonyms."""
    found = json.loads(rust_cli("term", text, "--json"))
    t = marrowkb.term(text)
    assert found["term"]["id"] == t.id and found["term"]["name"] == t.name
    assert found["term"].get("lay_name") == t.lay_name
    assert [tuple(s.values()) for s in found["synonyms"]] == [tuple(s) for s in t.synonyms]
