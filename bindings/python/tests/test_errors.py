"""Bad input at the boundary: wrong types, None, out-of-range ints, malformed codes, empty and huge text.
Each raises a clear Python exception; nothing crashes the interpreter."""

from __future__ import annotations

import pickle
from typing import Any, Callable

import pytest

import marrowkb
from marrowkb import Disorder, Symptom

TEXT_FUNCTIONS: list[Callable[[Any], Any]] = [
    marrowkb.lookup,
    marrowkb.lookup_exact,
    marrowkb.suggest,
    marrowkb.resolve,
    marrowkb.search,
    marrowkb.disorders_for_gene,
    Disorder.from_icd10,
    Disorder.lookup,
    Disorder.find,
    Disorder.from_key,
    Symptom.find,
]
ID_FUNCTIONS: list[Callable[[Any], Any]] = [
    Disorder.from_orpha,
    Disorder.from_omim,
    Disorder.all_for_orpha,
    Disorder.all_for_omim,
    Symptom.from_hpo,
    marrowkb.gene_info,
]
name = lambda f: getattr(f, "__qualname__", getattr(f, "__name__", repr(f)))  # noqa: E731


@pytest.mark.parametrize("function", TEXT_FUNCTIONS, ids=name)
@pytest.mark.parametrize("value", [None, 84, 1.5, b"FA", ["FA"], object(), Disorder.FANCONI_ANEMIA])
def test_text_functions_reject_non_str(function: Callable[[Any], Any], value: Any) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        function(value)


@pytest.mark.parametrize("function", ID_FUNCTIONS, ids=name)
@pytest.mark.parametrize("value", [None, 1.5, b"84", True, False, [84], Disorder.FANCONI_ANEMIA])
def test_id_functions_reject_wrong_types(function: Callable[[Any], Any], value: Any) -> None:
    with pytest.raises(TypeError, match="must be an int or a str"):
        function(value)


@pytest.mark.parametrize("function", ID_FUNCTIONS, ids=name)
@pytest.mark.parametrize("value", [-1, -(2**70), 2**32, 2**64, 10**100])
def test_id_functions_reject_out_of_range_ints(function: Callable[[Any], Any], value: Any) -> None:
    with pytest.raises(ValueError, match="out of range"):
        function(value)


@pytest.mark.parametrize(
    ("function", "text", "kind"),
    [
        (Disorder.from_orpha, "ORPHA:x", "ORPHA"),
        (Disorder.from_orpha, "ORPHA:", "ORPHA"),
        (Disorder.from_orpha, "9" * 40, "ORPHA"),
        (Disorder.from_omim, "OMIM:2276500", "OMIM"),
        (Disorder.from_omim, "OMIM:-1", "OMIM"),
        (Disorder.all_for_omim, "abc", "OMIM"),
        (Disorder.all_for_orpha, "", "ORPHA"),
        (Disorder.from_icd10, "61.0", "ICD-10"),
        (Disorder.from_icd10, "D61.00", "ICD-10"),
        (Disorder.from_icd10, "", "ICD-10"),
        (Disorder.from_icd10, "Ä61.0", "ICD-10"),
        (Symptom.from_hpo, "HP:abc", "HPO"),
        (Symptom.from_hpo, "HP:12345678", "HPO"),
        (Symptom.from_hpo, "HP:１２", "HPO"),
    ],
)
def test_malformed_ids(function: Callable[[str], Any], text: str, kind: str) -> None:
    with pytest.raises(marrowkb.MalformedIdError) as info:
        function(text)
    error = info.value
    assert isinstance(error, ValueError) and isinstance(error, marrowkb.MarrowkbError)
    assert error.kind == kind and error.reason and error.query == text
    assert f"malformed {kind} identifier" in str(error)


@pytest.mark.parametrize("text", ["", " ", " - ", "'", "\t\n"])
def test_empty_input(text: str) -> None:
    for function in (marrowkb.lookup, marrowkb.resolve, marrowkb.search):
        with pytest.raises(marrowkb.EmptyInputError) as info:
            function(text)
        assert isinstance(info.value, ValueError)
    assert marrowkb.lookup_exact(text) is None


@pytest.mark.parametrize("size", [513, 10_000, 10_000_000])
def test_huge_input(size: int) -> None:
    text = "a" * size
    with pytest.raises(marrowkb.InputTooLongError) as info:
        marrowkb.lookup(text)
    assert info.value.length == size and info.value.limit == 512
    assert len(str(info.value)) < 300, "the message does not echo huge input"
    assert marrowkb.lookup_exact(text) is None
    assert marrowkb.suggest(text) == ()
    with pytest.raises(marrowkb.MalformedIdError):
        Disorder.from_orpha("9" * size)
    assert marrowkb.lookup_many([text]) == [None]


@pytest.mark.parametrize("text", ["\x00", "FA\x00", "\ud800", "FA\udfff", "🦴🩸", "\u202e", "Ｆａ", "ǅ"])
def test_odd_strings_do_not_crash(text: str) -> None:
    for function in (marrowkb.lookup, marrowkb.resolve, marrowkb.search, Disorder.from_icd10, Symptom.from_hpo,
                     Disorder.from_orpha, marrowkb.disorders_for_gene):
        try:
            function(text)
        except (LookupError, ValueError):
            pass  # UnicodeEncodeError (lone surrogates) is a ValueError too
    assert marrowkb.lookup_many([text])[0] in (None, *Disorder)


def test_exception_hierarchy() -> None:
    M = marrowkb.MarrowkbError
    assert issubclass(M, Exception)
    for cls, base in [
        (marrowkb.UnknownNameError, LookupError),
        (marrowkb.UnknownIdError, LookupError),
        (marrowkb.UnknownKeyError, LookupError),
        (marrowkb.MalformedIdError, ValueError),
        (marrowkb.EmptyInputError, ValueError),
        (marrowkb.InputTooLongError, ValueError),
    ]:
        assert issubclass(cls, M) and issubclass(cls, base), cls
        assert cls.__module__ == "marrowkb"


def test_exceptions_pickle_with_their_attributes() -> None:
    with pytest.raises(marrowkb.UnknownNameError) as info:
        marrowkb.lookup("fanconni")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is marrowkb.UnknownNameError
    assert str(copy) == str(info.value) and copy.suggestions == info.value.suggestions and copy.query == "fanconni"
    with pytest.raises(marrowkb.MalformedIdError) as info2:
        Disorder.from_orpha("x")
    copy2 = pickle.loads(pickle.dumps(info2.value))
    assert (copy2.kind, copy2.reason, copy2.query) == (info2.value.kind, info2.value.reason, "x")


def test_exceptions_can_be_raised_by_users() -> None:
    with pytest.raises(LookupError):
        raise marrowkb.UnknownNameError("nope", query="x", suggestions=(Disorder.FANCONI_ANEMIA,))
    assert marrowkb.MarrowkbError().query is None


def test_native_records_reject_bad_discriminants() -> None:
    native = marrowkb._native
    with pytest.raises(ValueError):
        native.DisorderRecord(0)
    with pytest.raises(OverflowError):
        native.DisorderRecord(-1)
    with pytest.raises(ValueError):
        native.members("nope")
