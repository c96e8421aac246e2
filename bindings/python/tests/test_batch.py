"""lookup_many and lookup_many_with_suggestions: one crossing per batch, same answers as one by one."""

from __future__ import annotations

import random
from typing import Any

import pytest

import marrowkb
from marrowkb import Disorder, LookupResult


def sample_names() -> list[str]:
    names: list[str] = []
    for d in Disorder:
        names += [d.key, d.display_name, *d.synonyms, *d.abbreviations]
    variants = [n.upper() for n in names] + [n.replace(" ", "-") for n in names] + [n.replace("anemia", "anaemia") for n in names]
    unknown = ["sickle cell disease", "fanconni", "", " ", "x" * 600, "ORPHA:84", "🦴", "\ud800"]
    return names + variants + unknown


def test_same_answers_as_one_by_one() -> None:
    names = sample_names()
    expected = []
    for n in names:
        try:
            expected.append(marrowkb.lookup_exact(n))
        except UnicodeEncodeError:
            expected.append(None)  # lone surrogates: no known name
    assert marrowkb.lookup_many(names) == expected
    assert marrowkb.lookup_many(tuple(names)) == expected
    assert marrowkb.lookup_many(iter(names)) == expected
    assert marrowkb.lookup_many(n for n in names) == expected
    assert marrowkb.lookup_many({n: 1 for n in names}) == marrowkb.lookup_many(list(dict.fromkeys(names)))


def test_order_and_identity_in_a_large_shuffled_batch() -> None:
    names = sample_names()
    rng = random.Random(7)
    batch = [rng.choice(names) for _ in range(100_000)]
    result = marrowkb.lookup_many(batch)
    assert isinstance(result, list) and len(result) == len(batch)
    table = dict(zip(names, marrowkb.lookup_many(names)))
    assert all(r is table[n] for n, r in zip(batch, result))


def test_empty_and_str_subclasses() -> None:
    assert marrowkb.lookup_many([]) == []
    assert marrowkb.lookup_many(()) == []

    class Name(str):
        pass

    assert marrowkb.lookup_many([Name("FA")]) == [Disorder.FANCONI_ANEMIA]


@pytest.mark.parametrize("cells", [[None], ["FA", 1], [b"FA"], ("FA", 1.5), ["FA", float("nan")]])
def test_a_bad_or_missing_cell_never_fails_the_batch(cells: Any) -> None:
    expected = [Disorder.FANCONI_ANEMIA if c == "FA" else None for c in cells]
    assert marrowkb.lookup_many(cells) == expected
    statuses = [r.status for r in marrowkb.lookup_many_with_suggestions(cells)]
    assert statuses == [
        "found" if c == "FA" else "missing" if c is None or c != c else "malformed" for c in cells
    ]


@pytest.mark.parametrize("bad", ["FA", 3, None])
def test_non_iterables_and_single_strings(bad: Any) -> None:
    with pytest.raises(TypeError):
        marrowkb.lookup_many(bad)
    with pytest.raises(TypeError):
        marrowkb.lookup_many_with_suggestions(bad)


def test_errors_raised_by_the_iterable_propagate() -> None:
    def names() -> Any:
        yield "FA"
        raise RuntimeError("source failed")

    with pytest.raises(RuntimeError, match="source failed"):
        marrowkb.lookup_many(names())


def test_with_suggestions() -> None:
    names = ["FA", "fanconni anaemia", "zzzzzzzz", "", "x" * 600]
    results = marrowkb.lookup_many_with_suggestions(names)
    assert all(isinstance(r, LookupResult) for r in results)
    assert results[0] == LookupResult(Disorder.FANCONI_ANEMIA, (), "found")
    assert results[1].disorder is None and results[1].suggestions == marrowkb.suggest("fanconni anaemia")
    assert results[1].suggestions[0] is Disorder.FANCONI_ANEMIA
    # The reason of each miss is visible.
    assert results[2:] == [
        LookupResult(None, (), "unknown"),
        LookupResult(None, (), "missing"),
        LookupResult(None, (), "too_long"),
    ]
    names = sample_names()
    assert [r.disorder for r in marrowkb.lookup_many_with_suggestions(names)] == marrowkb.lookup_many(names)
