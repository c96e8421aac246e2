"""Shared fixtures. These tests exercise the *installed* wheel (see run_tests.sh), never the source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Callable

import pytest

import marrowkb

REPO = Path(__file__).resolve().parents[3]
ENUMS = [marrowkb.Disorder, marrowkb.Symptom, marrowkb.Treatment, marrowkb.Cause, marrowkb.DiagnosticTest, marrowkb.Source]


@pytest.fixture(scope="session")
def rust_json_text() -> str:
    """`marrowkb list --json` from the Rust CLI: a separate build of the core, written by Rust's serde.

    run_tests.sh builds the CLI and points MARROWKB_RUST_JSON at its output; without it, the tests run
    the CLI through cargo themselves.
    """
    path = os.environ.get("MARROWKB_RUST_JSON")
    if path:
        return Path(path).read_text(encoding="utf-8")
    cargo = shutil.which("cargo")
    if cargo is None or not (REPO / "Cargo.toml").exists():
        pytest.skip("no MARROWKB_RUST_JSON and no cargo to run the Rust CLI")
    out = subprocess.run(
        [cargo, "run", "--quiet", "-p", "marrowkb-cli", "--", "list", "--json"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


@pytest.fixture(scope="session")
def rust_json(rust_json_text: str) -> dict[str, Any]:
    return json.loads(rust_json_text)  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def kb() -> dict[str, Any]:
    return marrowkb.to_dict()


@pytest.fixture(scope="session")
def rust_cli() -> Callable[..., str]:
    """Runs the Rust CLI (`marrowkb ARGS...`) and returns its stdout: the built binary named by
    MARROWKB_CLI (run_tests.sh), or `cargo run -p marrowkb-cli` when that is not set."""
    binary = os.environ.get("MARROWKB_CLI")
    if binary and Path(binary).is_file():
        prefix = [binary]
    else:
        cargo = shutil.which("cargo")
        if cargo is None or not (REPO / "Cargo.toml").exists():
            pytest.skip("no MARROWKB_CLI and no cargo to run the Rust CLI")
        prefix = [cargo, "run", "--quiet", "-p", "marrowkb-cli", "--"]

    def run(*args: str) -> str:
        return subprocess.run([*prefix, *args], cwd=REPO, check=True, capture_output=True, text=True).stdout

    return run
