"""to_dict() and to_json() against the Rust JSON export of the CLI (`marrowkb list --json`)."""

from __future__ import annotations

import json
from typing import Any

import marrowkb


def test_to_json_is_byte_identical_to_the_cli(rust_json_text: str) -> None:
    assert marrowkb.to_json() == rust_json_text.rstrip("\n")


def test_json_dumps_of_to_dict_equals_the_rust_export(rust_json_text: str, kb: dict[str, Any]) -> None:
    assert json.dumps(kb, indent=2, ensure_ascii=False) == rust_json_text.rstrip("\n")


def test_to_dict_is_plain_and_fresh(kb: dict[str, Any]) -> None:
    def plain(value: Any) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return isinstance(value, (str, int, bool, float, type(None)))

    assert plain(kb)
    assert kb["schema_version"] == marrowkb.SCHEMA_VERSION
    assert kb["data_version"] == marrowkb.DATA_VERSION
    mutated = marrowkb.to_dict()
    mutated["disorders"].clear()
    assert marrowkb.to_dict() == kb, "each call returns a new dict"


def test_every_disorder_to_dict_is_its_export_entry(rust_json: dict[str, Any]) -> None:
    for d, entry in zip(marrowkb.Disorder, rust_json["disorders"]):
        assert d.to_dict() == entry
        assert json.dumps(d.to_dict(), indent=2, ensure_ascii=False) == d.to_json()
