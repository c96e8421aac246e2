#!/usr/bin/env bash
# The differential on published patients and on simulations, beside an exact-overlap baseline and hpo3, in
# one run: marrowkb and the baseline from `crates/marrowkb/examples/evaluate_differential.rs`, hpo3 (PyPI
# `hpo3`, Phenomizer-style Resnik/funSimAvg) from `benches/real_cases.py` on exactly the same cases.
# Measurements only. Installs hpo3 into a venv of its own (target/venv-hpo3, or $MARROWKB_HPO3_VENV).
#
#   benches/real_cases.sh [--phenopackets DIR]    (default: tests/data/phenopackets, the development cases)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cases="$root/target/real_cases.jsonl"
venv="${MARROWKB_HPO3_VENV:-$root/target/venv-hpo3}"
mkdir -p target
echo "==> the pinned HPO release (phenotype.hpoa, for the annotation-level simulation)"
sources="$(scripts/fetch_sources.sh | tail -n 1)"
echo "==> marrowkb and the exact-overlap baseline"
MARROWKB_SOURCES="$sources" cargo run --release --quiet -p marrowkb --example evaluate_differential -- --cases "$cases" "$@"
echo "==> hpo3 on the same cases"
if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "hpo3==1.5.1"
"$venv/bin/python" benches/real_cases.py "$cases"
