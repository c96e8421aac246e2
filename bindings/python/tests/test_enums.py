"""Every enum behaves like a Python enum whose members come from the Rust core."""

from __future__ import annotations

import copy
import enum
import json
import pickle
from typing import Any

import pytest

import marrowkb
from conftest import ENUMS

JSON_TABLE = {
    marrowkb.Disorder: "disorders",
    marrowkb.Symptom: "symptoms",
    marrowkb.Treatment: "treatments",
    marrowkb.Cause: "causes",
    marrowkb.DiagnosticTest: "tests",
    marrowkb.Source: "sources",
}

by_enum = pytest.mark.parametrize("cls", ENUMS, ids=lambda c: c.__name__)


@by_enum
def test_is_a_plain_enum(cls: Any) -> None:
    assert issubclass(cls, enum.Enum)
    assert not issubclass(cls, int), "not an IntEnum: members are not ints"
    assert cls.__module__ == "marrowkb" and cls.__qualname__ == cls.__name__


@by_enum
def test_members_come_from_the_core_in_discriminant_order(cls: Any, kb: dict[str, Any]) -> None:
    records = kb[JSON_TABLE[cls]]
    assert len(cls) == len(records) > 0
    assert [m.value for m in cls] == [r["id"] for r in records]
    assert [m.key for m in cls] == [r["key"] for r in records]
    assert [int(m) for m in cls] == sorted(int(m) for m in cls)
    assert list(cls) == sorted(cls)
    for member in cls:
        assert member.name == member.key.upper()
        assert getattr(cls, member.name) is member
        assert cls[member.name] is member
        assert cls(member.value) is member


@by_enum
def test_int_value_id_key(cls: Any) -> None:
    for member in cls:
        assert int(member) == member.value == member.id
        assert isinstance(int(member), int) and type(member.value) is int
        assert cls.from_key(member.key) is member
        assert cls.from_key(member.key.upper()) is member  # any case, as every closed vocabulary
        assert member != int(member), "members do not compare equal to ints"


@by_enum
def test_str_repr_format(cls: Any) -> None:
    for member in cls:
        assert str(member) == member.display_name
        assert f"{member}" == member.display_name
        assert f"{member:>300}".strip() == member.display_name
        assert repr(member) == f"<{cls.__name__}.{member.name}: {member.value}>"


@by_enum
def test_hashable_and_usable_as_keys(cls: Any) -> None:
    table = {member: member.key for member in cls}
    assert len(table) == len(cls)
    assert all(table[m] == m.key for m in cls)
    assert len(set(cls) | set(cls)) == len(cls)
    assert hash(next(iter(cls))) == hash(next(iter(cls)))


@by_enum
def test_ordering(cls: Any) -> None:
    members = list(cls)
    first, last = members[0], members[-1]
    assert first < last and first <= last and last > first and last >= first
    assert first <= first and first >= first and not first < first
    assert min(members) is first and max(members) is last
    assert sorted(reversed(members)) == members
    other = marrowkb.Source if cls is not marrowkb.Source else marrowkb.Cause
    with pytest.raises(TypeError):
        _ = first < next(iter(other))
    with pytest.raises(TypeError):
        _ = first < 1
    assert first != next(iter(other))


@by_enum
def test_pickle_and_copy(cls: Any) -> None:
    for member in cls:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            assert pickle.loads(pickle.dumps(member, protocol)) is member
        assert copy.copy(member) is member
        assert copy.deepcopy(member) is member
    assert pickle.loads(pickle.dumps(list(cls))) == list(cls)


@by_enum
def test_attributes_are_read_only(cls: Any) -> None:
    member = next(iter(cls))
    for attribute in ("key", "display_name", "id"):
        with pytest.raises(AttributeError):
            setattr(member, attribute, "x")
    with pytest.raises(AttributeError):
        setattr(cls, member.name, member)  # members cannot be reassigned
    with pytest.raises(AttributeError):
        member.no_such_attribute  # noqa: B018


@by_enum
def test_enum_errors(cls: Any) -> None:
    with pytest.raises(ValueError):
        cls(10_000)
    with pytest.raises(ValueError):
        cls(-1)
    with pytest.raises(ValueError):
        cls("not a value")
    with pytest.raises(KeyError):
        cls["NOT_A_MEMBER"]
    with pytest.raises(marrowkb.UnknownKeyError) as error:
        cls.from_key("not_a_key")
    assert isinstance(error.value, LookupError) and error.value.query == "not_a_key"
    with pytest.raises(TypeError):
        cls.from_key(None)
    with pytest.raises(TypeError):
        cls.find(1)
    with pytest.raises(marrowkb.EmptyInputError):
        cls.find("  ")


@by_enum
def test_find_by_key_and_display_name(cls: Any) -> None:
    for member in cls:
        assert cls.find(member.key) is member
        assert cls.find(member.key.upper().replace("_", " ")) is member
        if cls is not marrowkb.Source:  # sources are found by key only
            assert cls.find(member.display_name) is member


@by_enum
def test_to_dict_is_the_record_of_the_json_export(cls: Any, kb: dict[str, Any]) -> None:
    records = kb[JSON_TABLE[cls]]
    for member, record in zip(cls, records):
        assert member.to_dict() == record
        assert json.loads(member.to_json()) == record


def test_disorder_specific_constructors() -> None:
    D = marrowkb.Disorder
    assert D.lookup("Fanconi's anaemia") is D.FANCONI_ANEMIA
    assert D.find("fanconi anemia") is D.FANCONI_ANEMIA
    with pytest.raises(marrowkb.UnknownKeyError):
        D.find("fanconni")
