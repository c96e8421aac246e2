#!/usr/bin/env bash
# Builds and installs the `marrowkb` wheel into a venv and tests the installed package:
# pytest (in Python development mode with faulthandler) and mypy's stubtest.
#
#   bindings/python/run_tests.sh [pytest args...]
#
# The venv is target/venv-python (or $MARROWKB_VENV) and is reused when present. Needs python3 (>= 3.9,
# with venv), cargo, and PyPI for maturin, pytest and mypy.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
venv="${MARROWKB_VENV:-$root/target/venv-python}"
python="${PYTHON:-python3}"
step() { printf '\n==> %s\n' "$*"; }

if [ ! -x "$venv/bin/python" ]; then
    step "creating venv $venv"
    "$python" -m venv "$venv"
fi
py="$venv/bin/python"

step "installing maturin, pytest, mypy and the data-frame test libraries (PyPI)"
"$py" -m pip install --quiet --disable-pip-version-check --upgrade "maturin>=1.9,<2" pytest mypy
# Test-only: the data-frame tests of resolve_many (marrowkb itself needs none of them).
"$py" -m pip install --quiet --disable-pip-version-check numpy pandas polars pyarrow

step "building and installing the wheel (pip install ./bindings/python)"
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps ./bindings/python

step "Rust JSON export for the round-trip tests (marrowkb list --json; the CLI for differential/cbc)"
out="$root/target/python-tests"
mkdir -p "$out"
cargo run --quiet --locked -p marrowkb-cli -- list --json > "$out/marrowkb.json"
export MARROWKB_RUST_JSON="$out/marrowkb.json"
# The CLI binary that cargo just built, for the tests that compare with `marrowkb differential/cbc --json`.
export MARROWKB_CLI="${CARGO_TARGET_DIR:-$root/target}/debug/marrowkb"

step "pytest (installed wheel, -X dev, faulthandler)"
# Run from outside the source tree so that `import marrowkb` can only find the installed package.
(cd "$out" && PYTHONDEVMODE=1 "$py" -X dev -X faulthandler -m pytest "$root/bindings/python/tests" -q -p no:cacheprovider "$@")

step "mypy stubtest"
(cd "$out" && "$py" -m mypy.stubtest marrowkb)
