"""Python-side benchmarks of marrowkb: measurements only, no assertions.

Each marrowkb figure is printed next to a baseline measured in the same run: a pure-Python dict over the
same names with the same normalization (case, diacritics, punctuation, spaces, possessive 's, British
ae/oe spelling), i.e. what a user would write instead.

    python bindings/python/bench.py [--quick]
"""

from __future__ import annotations

import platform
import random
import re
import subprocess
import sys
import time
import unicodedata
from typing import Any, Callable

import marrowkb
from marrowkb import Disorder, Symptom

QUICK = "--quick" in sys.argv

# --- The pure-Python baseline -----------------------------------------------------------------------

_APOSTROPHE_S = re.compile(r"(?<=\w)['\u2019\u2018`\u00b4]s\b", re.IGNORECASE)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_BRITISH = re.compile(r"[ao](?=e)")


def normalize(text: str) -> str:
    """The same folding the Rust core does (transliteration approximated with NFKD)."""
    text = _APOSTROPHE_S.sub("", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _BRITISH.sub("", _NOT_ALNUM.sub("", text))


NAMES: dict[str, Disorder] = {}
for _d in Disorder:
    for _name in (_d.key, _d.display_name, *_d.synonyms, *_d.abbreviations):
        NAMES.setdefault(normalize(_name), _d)
HPO: dict[str, Symptom] = {curie: s for s in Symptom for curie in s.hpo}


def python_lookup(text: str) -> Disorder | None:
    return NAMES.get(normalize(text))


def python_from_hpo(curie: str) -> Symptom | None:
    return HPO.get(curie.strip().upper().replace("_", ":"))


# --- Workload -------------------------------------------------------------------------------------


def realistic_mix(n: int, seed: int = 1) -> list[str]:
    """Exact names, variant spellings (case, hyphens, UK spelling, possessives) and unknown names."""
    exact = [n for d in Disorder for n in (d.display_name, *d.synonyms, *d.abbreviations)]
    variants = (
        [n.upper() for n in exact]
        + [n.replace(" ", "-") for n in exact]
        + [n.replace("anemia", "anaemia") for n in exact]
        + [n.replace("Fanconi", "Fanconi's") for n in exact]
    )
    unknown = ["sickle cell disease", "beta thalassemia major", "acute lymphoblastic leukemia", "hemophilia A",
               "iron deficiency anaemia", "fanconni anemia", "n/a", ""]
    rng = random.Random(seed)
    pool = [(exact, 0.5), (variants, 0.3), (unknown, 0.2)]
    out = []
    for _ in range(n):
        r, acc = rng.random(), 0.0
        for names, weight in pool:
            acc += weight
            if r < acc:
                out.append(rng.choice(names))
                break
        else:
            out.append(rng.choice(unknown))
    return out


def best_of(repeat: int, function: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def per_call(function: Callable[[str], Any], inputs: list[str], repeat: int = 5) -> float:
    """Seconds per call, calling from a Python loop."""

    def loop() -> None:
        for text in inputs:
            function(text)

    return best_of(repeat, loop) / len(inputs)


def report(label: str, ours: float, baseline: float, unit: str = "ns/call") -> None:
    scale = 1e9 if unit == "ns/call" else 1.0
    print(f"  {label:<44} marrowkb {ours * scale:10.1f}  python dict {baseline * scale:10.1f} {unit:8}"
          f"  ratio {baseline / ours:5.2f}x")


def main() -> None:
    n = 20_000 if QUICK else 200_000
    print(f"marrowkb {marrowkb.__version__} ({marrowkb.DATA_VERSION})")
    print(f"Python {platform.python_version()} on {platform.machine()} {platform.system()}, one thread")

    code = "import time; t=time.perf_counter(); import marrowkb; marrowkb.lookup('FA'); print(time.perf_counter()-t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5 if QUICK else 15)]
    print(f"  import marrowkb + first lookup: {min(runs) * 1e3:.2f} ms (best of {len(runs)} fresh interpreters)")

    mix = realistic_mix(n)
    hits = [name for name in mix if python_lookup(name) is not None][: n // 4]
    print("\nsingle look-ups (a Python loop calling the function):")
    report("lookup_exact(name), realistic mix", per_call(marrowkb.lookup_exact, mix), per_call(python_lookup, mix))
    report("lookup(name), hits only", per_call(marrowkb.lookup, hits), per_call(python_lookup, hits))
    curies = [random.Random(2).choice([c for s in Symptom for c in s.hpo]) for _ in range(n // 4)]
    report("Symptom.from_hpo(curie)", per_call(Symptom.from_hpo, curies), per_call(python_from_hpo, curies))
    all_terms = marrowkb.hpo_terms()
    term_dict = {t.id: t for t in all_terms}
    term_ids = [random.Random(3).choice(all_terms).id for _ in range(n // 4)]
    report("hpo_term(curie)", per_call(marrowkb.hpo_term, term_ids),
           per_call(lambda c: term_dict.get(c.strip().upper().replace("_", ":")), term_ids))

    print("\nbatch (realistic mix: 50 % exact, 30 % variant spellings, 20 % unknown):")
    ours = best_of(5, lambda: marrowkb.lookup_many(mix))
    base = best_of(3, lambda: [python_lookup(x) for x in mix])
    print(f"  lookup_many: {n / ours / 1e6:.2f} M names/s; python dict comprehension: {n / base / 1e6:.2f} M names/s;"
          f" ratio {base / ours:.2f}x")
    agree = marrowkb.lookup_many(mix) == [python_lookup(x) for x in mix]
    print(f"  (both give the same answers on this mix: {agree})")
    few = mix[: n // 10]
    ours = best_of(3, lambda: marrowkb.lookup_many_with_suggestions(few))
    print(f"  lookup_many_with_suggestions: {len(few) / ours / 1e6:.2f} M names/s (suggestions for every miss)")


if __name__ == "__main__":
    main()
