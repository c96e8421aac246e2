"""HPO terms: look-up by id in every spelling, the ontology walk, replacement of old ids."""

from __future__ import annotations

import copy
import pickle

import pytest

import marrowkb
from marrowkb import Symptom, Term


def test_term_lookup_spellings() -> None:
    t = marrowkb.hpo_term("HP:0001873")
    assert isinstance(t, Term)
    for spelling in (1873, "1873", "0001873", "HP_0001873", " hp:0001873 ", t):
        assert marrowkb.hpo_term(spelling) == t
        assert Term(spelling) == t
    assert (t.id, t.number, t.name) == ("HP:0001873", 1873, "Thrombocytopenia")
    assert str(t) == "HP:0001873 Thrombocytopenia"
    assert repr(t) == '<Term HP:0001873 "Thrombocytopenia">'


def test_term_value_semantics() -> None:
    a, b = Term(1873), Term("HP:0000118")
    assert a == Term(1873) and a != b and hash(a) == hash(Term("HP:0001873"))
    assert b < a and sorted([a, b]) == [b, a]
    assert pickle.loads(pickle.dumps(a)) == a and copy.deepcopy(a) == a
    assert len({a, Term(1873), b}) == 2
    with pytest.raises(AttributeError):
        a.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        _ = a < 1873  # type: ignore[operator]
    assert a != "HP:0001873"


def test_walk_and_statistics() -> None:
    t = Term("HP:0001873")
    assert t.parents and all(isinstance(p, Term) for p in t.parents)
    assert set(t.parents) <= set(t.ancestors)
    assert Term.ROOT in t.ancestors and t not in t.ancestors
    assert t.is_a(Term.PHENOTYPIC_ABNORMALITY) and t.is_a("HP:0000118") and t.is_a(t)
    assert not Term.ROOT.is_a(t)
    assert t.is_phenotypic_abnormality and not Term.ROOT.is_phenotypic_abnormality
    assert 0 < t.disease_count <= Term.PHENOTYPIC_ABNORMALITY.disease_count
    assert 0 < t.disease_fraction <= 1 and t.information_content > 0
    assert Term.ROOT.id == "HP:0000001" and Term.PHENOTYPIC_ABNORMALITY.name == "Phenotypic abnormality"


def test_every_term_round_trips() -> None:
    terms = marrowkb.hpo_terms()
    assert len(terms) > 15_000 and terms[0] == Term.ROOT
    assert len(set(terms)) == len(terms)
    seen: set[Term] = set()
    for term in terms:
        assert all(parent in seen for parent in term.parents), "parents come first"
        seen.add(term)
    for term in terms[::97]:
        assert marrowkb.hpo_term(term.id) == term == marrowkb.hpo_term(term.number)


def test_every_symptom_id_is_a_current_term() -> None:
    for symptom in Symptom:
        for curie in symptom.hpo:
            assert marrowkb.hpo_term(curie).id == curie


def test_resolve_alternative_ids() -> None:
    same = marrowkb.hpo_resolve("HP:0001873")
    assert same == marrowkb.HpoResolution(Term(1873), "HP:0001873", None)
    alt = marrowkb.hpo_resolve("HP:0000004")
    assert alt.replaced == "alt_id" and alt.term.id != alt.requested == "HP:0000004"
    assert marrowkb.hpo_term("HP:0000004") == alt.term


def test_errors() -> None:
    with pytest.raises(marrowkb.UnknownIdError) as info:
        marrowkb.hpo_term("HP:9999999")
    assert info.value.kind == "HPO"
    with pytest.raises(marrowkb.MalformedIdError):
        marrowkb.hpo_term("HP:abc")
    for bad in (None, 1.5, True, b"HP:0001873"):
        with pytest.raises(TypeError):
            marrowkb.hpo_term(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Term(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        marrowkb.hpo_term(-1)
    with pytest.raises(ValueError):
        marrowkb.hpo_resolve(2**40)
    with pytest.raises(marrowkb.ObsoleteIdError) as obsolete:
        marrowkb.hpo_term("HP:0000489")  # obsolete in HPO 2025-01-16, no single replacement
    assert (obsolete.value.kind, obsolete.value.id, obsolete.value.query) == ("HPO", 489, "HP:0000489")
    assert issubclass(marrowkb.ObsoleteIdError, marrowkb.UnknownIdError)
    assert issubclass(marrowkb.InvalidArgumentError, ValueError)


def test_terms_and_their_strings_are_shared() -> None:
    """hpo_term hands out one object per term, and its id and name strings are made once."""
    t = marrowkb.hpo_term("HP:0001873")
    assert marrowkb.hpo_term("HP:0001873") is t is marrowkb.hpo_term(1873) is marrowkb.hpo_term("0001873")
    assert marrowkb.hpo_term(t) is t and marrowkb.hpo_term(Term(1873)) == t
    assert t.name is t.name and t.id is t.id and Term(1873).name is t.name
    assert t in marrowkb.hpo_terms() and marrowkb.hpo_terms()[marrowkb.hpo_terms().index(t)] is t
    assert t.parents[0] is marrowkb.hpo_term(t.parents[0].id)


def test_remembered_ids_answer_like_fresh_ones() -> None:
    """Repeated str ids (remembered after the first look-up) give the same answers and the same errors."""
    for _ in range(3):
        assert marrowkb.hpo_term("HP:0000004") == marrowkb.hpo_resolve("HP:0000004").term  # alternative id
        assert marrowkb.hpo_term(" hp_0001873 ") == Term(1873)
        with pytest.raises(marrowkb.MalformedIdError):
            marrowkb.hpo_term("HP:abc")
        with pytest.raises(marrowkb.ObsoleteIdError):
            marrowkb.hpo_term("HP:0000489")
        fresh = "".join(["HP:", "0001873"])  # an equal str that is a different object
        assert marrowkb.hpo_term(fresh) is marrowkb.hpo_term("HP:0001873")

    class Weird(str):
        def __hash__(self) -> int:
            return 0

        def __eq__(self, other: object) -> bool:
            return True

    assert marrowkb.hpo_term(Weird("HP:0000118")) == Term.PHENOTYPIC_ABNORMALITY  # subclasses are parsed
    assert marrowkb.hpo_term("HP:0001873") == Term(1873)
    with pytest.raises(UnicodeEncodeError):
        marrowkb.hpo_term("HP:\udc80")
