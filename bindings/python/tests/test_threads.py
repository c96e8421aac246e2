"""All data is immutable and shared: many threads asking at once get exactly the single-threaded answers."""

from __future__ import annotations

import sys
import threading
from typing import Any

import marrowkb
from marrowkb import Disorder, Symptom

THREADS = 16
ROUNDS = 20


def workload() -> list[Any]:
    """A mix of every kind of question, including errors; returns comparable answers."""
    answers: list[Any] = []

    def ask(function: Any, *args: Any) -> None:
        try:
            answers.append(function(*args))
        except Exception as error:  # noqa: BLE001 - the error itself is the answer
            answers.append((type(error).__name__, str(error), getattr(error, "suggestions", None)))

    names = [n for d in Disorder for n in (d.display_name, *d.synonyms, *d.abbreviations)]
    answers.append(marrowkb.lookup_many(names + ["nope", ""]))
    answers.append(marrowkb.lookup_many_with_suggestions(names[:10] + ["fanconni", "diamond blackfan anemai"]))
    for text in ["FA", "Blackfan-Diamond anaemia", "fanconni anaemia", "", "x" * 600, "ORPHA:124", "RPS19"]:
        ask(marrowkb.lookup, text)
        ask(marrowkb.resolve, text)
        ask(marrowkb.search, text)
        ask(marrowkb.suggest, text)
    for code in [84, "ORPHA:124", "ORPHA:x", 1, -1]:
        ask(Disorder.from_orpha, code)
    for code in ["D61.0", "d610", "D70", "A00", "61.0"]:
        ask(Disorder.from_icd10, code)
    for hpo in ["HP:0001873", 1873, "HP:xyz", "HP:0000001"]:
        ask(Symptom.from_hpo, hpo)
    for d in Disorder:
        answers.append((d.orpha, d.omim, d.icd10, d.features, d.treatments, d.relations, d.risks, d.genes))
        answers.append(d.to_dict())
    for s in Symptom:
        answers.append((s.disorders, s.hpo, s.display_name))
    answers.append(marrowkb.genes())
    answers.append(marrowkb.to_json())
    for observed, excluded in [(["HP:0001873", "HP:0003974"], ["HP:0009777"]), (["HP:0001738", 1875, "x"], [])]:
        result = marrowkb.differential(observed, excluded, age_of_onset=2, sex="female")
        answers.append((result.ranking, result.inputs, result.to_json()))
        ask(lambda o, e: marrowkb.differential(o, e, strict=True).to_json(), observed, excluded)
    for kwargs in [
        dict(hemoglobin=7.2, neutrophils=0.3, platelets=15, reticulocytes=12, cellularity=15, age=34, sex="f"),
        dict(hemoglobin=72, hemoglobin_unit="g/L", mcv=104, age=6, age_unit="months"),
        dict(hemoglobin=30),
        dict(platelets=float("nan")),
    ]:
        ask(lambda k: (lambda i: (i.readings, i.aplastic_anemia, i.disorder_fits, i.to_json()))(marrowkb.interpret_blood_count(k)), kwargs)
    answers.append(marrowkb.differential(["HP:0001873"], blood_count=marrowkb.BloodCount(hemoglobin=7.2, age=34)).to_json())
    return answers


def test_threads_agree_with_a_single_threaded_run() -> None:
    expected = workload()
    results: list[list[Any] | BaseException | None] = [None] * THREADS
    start = threading.Barrier(THREADS)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:

        def run(slot: int) -> None:
            try:
                start.wait()
                for _ in range(ROUNDS):
                    answer = workload()
                    if answer != expected:
                        results[slot] = AssertionError(f"thread {slot} got a different answer")
                        return
                results[slot] = answer
            except BaseException as error:  # noqa: BLE001 - reported below
                results[slot] = error

        threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
            assert not t.is_alive()
    finally:
        sys.setswitchinterval(switch)
    for slot, result in enumerate(results):
        assert not isinstance(result, BaseException), (slot, result)
        assert result == expected, slot
