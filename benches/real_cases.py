"""hpo3 on the same patients as marrowkb's differential: the comparison half of `benches/real_cases.sh`.

Reads the cases `evaluate_differential --cases FILE` wrote (published phenopackets and the simulations: set,
true disorder, observed and excluded HPO ids) and ranks the 20 disorders for each with hpo3 (PyPI `hpo3`,
imported as `pyhpo`), the way Phenomizer does: Resnik similarity with OMIM-based information content,
combined with funSimAvg, between the patient's observed terms and each ORPHA/OMIM entry marrowkb lists for
the disorder (`exact` and `subtype` entries in crates/marrowkb/data/disorders/*.toml); a disorder scores
its best entry. Excluded terms are not used: the method has no place for them.

Prints top-1, top-3 and MRR per set (ties count by their expectation under a random tie-break, as in the
Rust example). Measurements only, no assertions.

    python benches/real_cases.py CASES.jsonl
"""

from __future__ import annotations

import collections
import json
import sys
import time
import tomllib
from pathlib import Path

from pyhpo import HPOSet, Ontology

ROOT = Path(__file__).resolve().parent.parent


def disorder_entries() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted((ROOT / "crates/marrowkb/data/disorders").glob("*.toml")):
        record = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = [
            f"{kind.upper()}:{x['id']}"
            for kind in ("orpha", "omim")
            for x in record.get(kind, [])
            if x["match"] in ("exact", "subtype")
        ]
        out[record["key"]] = entries
    return out


def tally(scores: dict[str, float], truth: str) -> tuple[float, float, float]:
    t = scores[truth]
    better = sum(1 for s in scores.values() if s > t)
    group = sum(1 for s in scores.values() if s == t)
    top = lambda k: 0.0 if better >= k else min(1.0, (k - better) / group)  # noqa: E731
    rr = sum(1 / r for r in range(better + 1, better + group + 1)) / group
    return top(1), top(3), rr


def main() -> None:
    cases = [json.loads(line) for line in Path(sys.argv[1]).read_text().splitlines() if line.strip()]
    start = time.perf_counter()
    Ontology()
    print(f"hpo3: ontology loaded in {time.perf_counter() - start:.1f} s")
    by_id = {f"OMIM:{d.id}": d for d in Ontology.omim_diseases}
    by_id.update({f"ORPHA:{d.id}": d for d in Ontology.orpha_diseases})
    sets: dict[str, list[HPOSet]] = {}
    missing = 0
    for key, entries in disorder_entries().items():
        sets[key] = []
        for e in entries:
            if e in by_id and by_id[e].hpo:
                sets[key].append(HPOSet.from_queries(list(by_id[e].hpo)))
            else:
                missing += 1
    print(f"hpo3: {sum(map(len, sets.values()))} annotated entries for 20 disorders ({missing} not in hpo3's data)\n")

    totals: dict[str, list[tuple[float, float, float]]] = collections.defaultdict(list)
    per: dict[tuple[str, str], list[tuple[float, float, float]]] = collections.defaultdict(list)
    for case in cases:
        terms = []
        for t in case["observed"]:
            try:
                terms.append(Ontology.get_hpo_object(t))
            except (KeyError, RuntimeError, NameError, ValueError):
                pass  # an id hpo3's release lacks
        patient = HPOSet(terms) if terms else None
        scores = {}
        for key, entry_sets in sets.items():
            if patient is None or not entry_sets:
                scores[key] = 0.0
            else:
                scores[key] = max(patient.similarity(s, "omim", "resnik", "funSimAvg") for s in entry_sets)
        result = tally(scores, case["truth"])
        totals[case["set"]].append(result)
        per[(case["set"], case["truth"])].append(result)

    for name, results in totals.items():
        n = len(results)
        mean = [sum(r[i] for r in results) / n for i in range(3)]
        print(f"{name}: hpo3 (Resnik, funSimAvg, best entry)  top-1 {mean[0]:.3f}  top-3 {mean[1]:.3f}  MRR {mean[2]:.3f}  (n = {n})")
        if name == "published":
            for (s, truth), rs in sorted(per.items()):
                if s == name:
                    m = [sum(r[i] for r in rs) / len(rs) for i in range(3)]
                    print(f"    {truth:<44} n={len(rs):<3} {m[0]:.3f}  {m[1]:.3f}  {m[2]:.3f}")
    print()


if __name__ == "__main__":
    main()
