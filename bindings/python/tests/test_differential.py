"""marrowkb.differential: ranking, explanation, input reports, options, errors, and agreement with the Rust CLI."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any, Callable

import pytest

import marrowkb
from marrowkb import BloodCount, Differential, Disorder, Ranked, Symptom, Term, differential

TAR = Disorder.THROMBOCYTOPENIA_ABSENT_RADIUS
THROMBOCYTOPENIA, ABSENT_RADIUS, ABSENT_THUMB = "HP:0001873", "HP:0003974", "HP:0009777"
MATCH_KINDS = {"exact", "broader", "narrower", "related", "unexplained", "contradicted"}


def _first_number(predicate: Callable[[int], bool]) -> int:
    return next(n for n in range(1, 60_000) if predicate(n))


def _resolves(n: int, replaced: str) -> bool:
    try:
        r = marrowkb.hpo_resolve(n)
    except marrowkb.UnknownIdError:
        return False
    return r.replaced == replaced and r.term.is_phenotypic_abnormality


def _obsolete_without_replacement(n: int) -> bool:
    try:
        marrowkb.hpo_term(n)
    except marrowkb.ObsoleteIdError:
        return True
    except marrowkb.UnknownIdError:
        return False
    return False


ALT_ID = _first_number(lambda n: _resolves(n, "alt_id"))
OBSOLETE_REPLACED = _first_number(lambda n: _resolves(n, "obsolete"))
OBSOLETE = _first_number(_obsolete_without_replacement)


def scored(result: Differential) -> list[Any]:
    """Everything about a result that does not depend on how the inputs were spelled or ordered."""
    d = result.to_dict()
    return [d["ranking"], d["observed"], d["excluded"], d["onset"], d["sex"]]


# --- The ranking ----------------------------------------------------------------------------------


def test_tar_patient_ranks_tar_first() -> None:
    result = differential([THROMBOCYTOPENIA, ABSENT_RADIUS], excluded=[ABSENT_THUMB])
    best = result.ranking[0]
    assert isinstance(result, Differential) and isinstance(best, Ranked)
    assert best.disorder is TAR and best.rank == 1 and best.posterior > 0.5
    by_term = {m.term.id: m for m in best.matches}
    assert by_term[ABSENT_RADIUS].kind == "exact" and by_term[ABSENT_RADIUS].likelihood_ratio > 10
    assert by_term[THROMBOCYTOPENIA].kind == "exact"
    (absence,) = best.absences
    assert absence.term == Term(ABSENT_THUMB) and absence.kind in {"consistent", "neutral"}
    # Fanconi anaemia has absent thumbs: the exclusion argues against it.
    fa = result[Disorder.FANCONI_ANEMIA]
    assert fa.absences[0].kind == "against" and fa.absent < 0 and fa.rank > 1


def test_ranking_shape() -> None:
    result = differential([THROMBOCYTOPENIA, "HP:0001172"], ["HP:0000252"], age_of_onset=2.0, sex="male")
    ranking = result.ranking
    assert len(ranking) == len(result) == len(Disorder) == 20
    assert [r.rank for r in ranking] == list(range(1, 21))
    assert {r.disorder for r in ranking} == set(Disorder)
    assert math.isclose(sum(r.posterior for r in ranking), 1.0, rel_tol=1e-12)
    for above, below in zip(ranking, ranking[1:]):
        assert above.score > below.score or (above.score == below.score and above.disorder < below.disorder)
        assert above.posterior >= below.posterior
    for r in ranking:
        parts = r.phenotype + r.absent + r.hallmarks + r.subtypes + r.onset + r.sex + r.evidence
        assert math.isclose(r.score, parts, abs_tol=1e-9)
        assert r.subtypes <= 0 and r.hallmarks <= 0 and (r.subtype is None or r.subtype[:5] in ("OMIM:", "ORPHA"))
        assert len(r.matches) == len(result.observed) == 2
        assert len(r.absences) == len(result.excluded) == 1
        assert [m.term for m in r.matches] == list(result.observed)
        for m in r.matches:
            assert m.kind in MATCH_KINDS and m.likelihood_ratio > 0
            assert math.isclose(m.log10_lr, math.log10(m.likelihood_ratio))
            assert (m.feature is None) == (m.kind == "unexplained")
            assert 0.0 <= m.frequency <= 1.0
        assert math.isclose(r.phenotype, sum(m.log10_lr for m in r.matches), abs_tol=1e-9)
        for a in r.absences:
            assert a.kind in {"against", "consistent", "neutral"} and a.likelihood_ratio > 0
        for h in r.missing:
            assert isinstance(h.feature, Term) and h.frequency >= 0.8
    assert result.onset == "childhood" and result.sex == "male"
    assert result.observed == tuple(sorted(result.observed))


def test_no_findings_is_a_valid_question() -> None:
    result = differential([])
    assert len(result) == 20 and result.observed == () and result.inputs == ()
    assert all(r.matches == () and r.absences == () for r in result)
    assert any(r.missing for r in result)


def test_explanation_through_ontology() -> None:
    """A less specific term is "broader"; an unrelated one only costs the noise rate."""
    result = differential(["HP:0002817"])  # Abnormality of the upper limb
    tar = result[TAR].matches[0]
    assert tar.kind == "broader" and tar.feature is not None and tar.feature.is_a("HP:0002817")
    assert tar.via == Term("HP:0002817") and tar.likelihood_ratio > 1
    related = differential(["HP:0004977"])[Disorder.DIAMOND_BLACKFAN_ANEMIA].matches[0]  # bilateral radial aplasia
    assert related.kind == "related" and related.via is not None and Term("HP:0004977").is_a(related.via)
    assert min(m.likelihood_ratio for r in result for m in r.matches) >= 0.01


# --- Agreement with Rust --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cli_args", "kwargs"),
    [
        (["HP:0001873", "HP:0001172", "--exclude", "HP:0000252"], {"observed": ["HP:0001873", "HP:0001172"], "excluded": ["HP:0000252"]}),
        (
            ["HP:0001873", "HP:0003974", "HP:nope", "HP:9999999", "--exclude", "HP:0009777", "--age-years", "0", "--sex", "female"],
            {"observed": ["HP:0001873", "HP:0003974", "HP:nope", "HP:9999999"], "excluded": ["HP:0009777"], "age_of_onset": 0, "sex": "female"},
        ),
        (
            ["HP:0001738", "HP:0001875", "--age-years", "3", "--hb", "7.2", "--anc", "300/uL", "--plt", "15"],
            {
                "observed": ["HP:0001738", "HP:0001875"],
                "age_of_onset": 3.0,
                # The CLI reads --anc 300/uL as 0.3 x 10^9/L, and uses --age-years as the count's age too.
                "blood_count": BloodCount(hemoglobin=7.2, neutrophils=0.3, platelets=15, age=3.0),
            },
        ),
    ],
)
def test_json_equals_the_rust_cli(rust_cli: Callable[..., str], cli_args: list[str], kwargs: dict[str, Any]) -> None:
    """`to_json()` is the CLI's `--json` text byte for byte; `to_dict()` its parsed value."""
    text = rust_cli("differential", *cli_args, "--json")
    observed = kwargs.pop("observed")
    result = differential(observed, **kwargs)
    assert result.to_json() + "\n" == text
    assert result.to_dict() == json.loads(text)


def test_cli_shape(rust_cli: Callable[..., str]) -> None:
    d = json.loads(rust_cli("differential", "HP:0001873", "HP:0001172", "--exclude", "HP:0000252", "--json"))
    top = d["ranking"][0]
    assert {"disorder", "score", "matches", "absences", "missing"} <= set(top)
    assert Disorder.from_key(top["disorder"]) is differential(["HP:0001873", "HP:0001172"], ["HP:0000252"])[0].disorder


# --- Inputs ---------------------------------------------------------------------------------------


def test_every_spelling_of_a_finding_is_the_same() -> None:
    expected = scored(differential([THROMBOCYTOPENIA]))
    for spelling in ("HP:0001873", "0001873", "HP_0001873", " hp:0001873 ", 1873, Term(1873), Symptom.from_hpo(1873)):
        assert scored(differential([spelling])) == expected, spelling
    assert scored(differential((x for x in [THROMBOCYTOPENIA]))) == expected  # any iterable
    assert scored(differential({THROMBOCYTOPENIA})) == expected


def test_order_does_not_matter() -> None:
    observed = [THROMBOCYTOPENIA, ABSENT_RADIUS, "HP:0001172", "HP:0000252", "HP:0001903", "HP:0004322"]
    excluded = [ABSENT_THUMB, "HP:0000365", "HP:0001875"]
    expected = scored(differential(observed, excluded))
    rng = random.Random(7)
    for _ in range(10):
        o, e = observed[:], excluded[:]
        rng.shuffle(o)
        rng.shuffle(e)
        assert scored(differential(o, e)) == expected


def test_input_reports() -> None:
    observed: list[Any] = [THROMBOCYTOPENIA, ALT_ID, "HP:nope", "HP:9999999", OBSOLETE, "HP:0000004", 1873, ""]
    excluded: list[Any] = [OBSOLETE_REPLACED, THROMBOCYTOPENIA]
    result = differential(observed, excluded)
    statuses = [r.status for r in result.inputs]
    assert statuses == [
        "used", "replaced", "malformed", "unknown", "obsolete", "not_phenotype", "duplicate", "malformed",
        "replaced", "conflict",
    ]
    reports = result.inputs
    assert [r.excluded for r in reports] == [False] * 8 + [True] * 2
    assert [r.position for r in reports] == list(range(8)) + [0, 1]
    assert [r.given for r in reports] == observed + excluded
    replaced = reports[1]
    assert replaced.requested == f"HP:{ALT_ID:07d}" and replaced.term == marrowkb.hpo_resolve(ALT_ID).term
    assert reports[8].term == marrowkb.hpo_resolve(OBSOLETE_REPLACED).term
    assert reports[2].requested is None and reports[2].term is None and "malformed" in (reports[2].error or "")
    assert reports[3].error and reports[4].error and reports[0].error is None
    assert result.rejected == (reports[2], reports[3], reports[4], reports[7])
    assert set(result.observed) == {Term(THROMBOCYTOPENIA), replaced.term}
    assert set(result.excluded) == {reports[8].term}


def test_lone_surrogate_is_malformed() -> None:
    result = differential([THROMBOCYTOPENIA, "HP:\udc80"])
    assert result.inputs[1].status == "malformed"
    # Nothing usable at all: raised, not a flat ranking.
    with pytest.raises(marrowkb.MalformedIdError):
        differential(["HP:\udc80"])


@pytest.mark.parametrize(
    ("observed", "error"),
    [
        ("HP:0001873", TypeError),  # a single str, not a list of ids
        (None, TypeError),
        (1873, TypeError),
        ([1.5], TypeError),
        ([None], TypeError),
        ([True], TypeError),
        ([b"HP:0001873"], TypeError),
        ([Disorder.FANCONI_ANEMIA], TypeError),
        ([-1], ValueError),
        ([2**40], ValueError),
    ],
)
def test_wrong_inputs(observed: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        differential(observed)
    with pytest.raises(error):
        differential([], observed if observed is not None else 5)


def test_type_error_names_the_item() -> None:
    with pytest.raises(TypeError, match=r"excluded\[1\] must be an HPO id"):
        differential([], ["HP:0001873", 2.0])


# --- Strict mode ----------------------------------------------------------------------------------


def test_strict_mode_raises_typed_errors() -> None:
    with pytest.raises(marrowkb.MalformedIdError) as malformed:
        differential([THROMBOCYTOPENIA, "HP:nope"], strict=True)
    assert malformed.value.query == "HP:nope" and malformed.value.kind == "HPO"
    with pytest.raises(marrowkb.UnknownIdError) as unknown:
        differential([], [9999999], strict=True)
    assert unknown.value.query == 9999999 and not isinstance(unknown.value, marrowkb.ObsoleteIdError)
    with pytest.raises(marrowkb.ObsoleteIdError) as obsolete:
        differential([OBSOLETE], strict=True)
    assert obsolete.value.id == OBSOLETE
    with pytest.raises(marrowkb.InvalidArgumentError) as age:
        differential([THROMBOCYTOPENIA], age_of_onset=-1, strict=True)
    assert age.value.argument == "age_of_onset" and age.value.query == -1.0
    for bad in (0.0, -2.0, math.inf, math.nan):
        with pytest.raises(marrowkb.InvalidArgumentError) as lr:
            differential([THROMBOCYTOPENIA], evidence={TAR: bad}, strict=True)
        assert lr.value.argument == "evidence"
    # The first unusable input is the one named, observed before excluded.
    with pytest.raises(marrowkb.MalformedIdError, match="got \"HP:x\""):
        differential(["HP:x", "HP:9999999"], ["y"], strict=True)
    # Words are findings too: unknown words are an unknown term, with suggestions.
    with pytest.raises(marrowkb.UnknownTermError, match="got \"x y z\""):
        differential(["x y z", "HP:9999999"], strict=True)
    # What strict mode accepts gives the lenient answer.
    ok = [THROMBOCYTOPENIA, ALT_ID, OBSOLETE_REPLACED]
    assert scored(differential(ok, strict=True)) == scored(differential(ok))


def test_lenient_mode_ignores_bad_terms_but_not_bad_numbers() -> None:
    plain = scored(differential([THROMBOCYTOPENIA]))
    assert scored(differential([THROMBOCYTOPENIA, "HP:nope", OBSOLETE])) == plain
    # An invalid age or likelihood ratio is the caller's number, not a messy finding: always an error.
    for age in (-1, -3, math.nan, 500):
        with pytest.raises(marrowkb.InvalidArgumentError) as bad_age:
            differential([THROMBOCYTOPENIA], age_of_onset=age)
        assert bad_age.value.argument == "age_of_onset"
    for lr in (0.0, -1, math.inf):
        with pytest.raises(marrowkb.InvalidArgumentError) as bad_lr:
            differential([THROMBOCYTOPENIA], evidence={TAR: lr})
        assert bad_lr.value.argument == "evidence"


# --- Options --------------------------------------------------------------------------------------


def test_onset() -> None:
    by_age = differential([THROMBOCYTOPENIA], age_of_onset=3)
    by_class = differential([THROMBOCYTOPENIA], onset="childhood")
    assert by_age.onset == by_class.onset == "childhood"
    assert scored(by_age) == scored(by_class)
    assert differential([], age_of_onset=0).onset == "congenital"
    assert differential([], age_of_onset=40.5).onset == "adult"
    assert any(r.onset != 0 for r in by_age)
    with pytest.raises(marrowkb.InvalidArgumentError, match="not both"):
        differential([], age_of_onset=3, onset="childhood")
    with pytest.raises(marrowkb.InvalidArgumentError) as unknown:
        differential([], onset="teenage")
    assert unknown.value.argument == "onset" and unknown.value.query == "teenage"
    for bad_age in ("3", True, [3]):
        with pytest.raises(TypeError):
            differential([], age_of_onset=bad_age)
    with pytest.raises(TypeError):
        differential([], onset=4)


def test_sex() -> None:
    for spelling in ("male", "m", "MALE", "man"):
        assert differential([], sex=spelling).sex == "male"
    female = differential([], sex="f")
    assert female.sex == "female"
    # Barth syndrome is X-linked recessive only: being female argues against it.
    assert female[Disorder.BARTH_SYNDROME].sex < 0 < differential([], sex="male")[Disorder.BARTH_SYNDROME].sex
    with pytest.raises(marrowkb.InvalidArgumentError):
        differential([], sex="x")
    with pytest.raises(TypeError):
        differential([], sex=1)


def test_evidence() -> None:
    plain = differential([THROMBOCYTOPENIA])
    boosted = differential([THROMBOCYTOPENIA], evidence={Disorder.APLASTIC_ANEMIA: 100.0, TAR: 1})
    assert math.isclose(boosted[Disorder.APLASTIC_ANEMIA].evidence, 2.0)
    assert boosted[TAR].evidence == 0.0
    assert math.isclose(boosted[Disorder.APLASTIC_ANEMIA].score, plain[Disorder.APLASTIC_ANEMIA].score + 2.0)
    assert boosted[0].disorder is Disorder.APLASTIC_ANEMIA
    for bad, error in (
        ([(TAR, 2.0)], TypeError),
        ({"thrombocytopenia_absent_radius": 2.0}, TypeError),
        ({20: 2.0}, TypeError),
        ({TAR: "2"}, TypeError),
        ({TAR: True}, TypeError),
        ({TAR: None}, TypeError),
    ):
        with pytest.raises(error):
            differential([], evidence=bad)  # type: ignore[arg-type]


def test_blood_count_evidence() -> None:
    count = BloodCount(hemoglobin=7.2, neutrophils=0.3, platelets=15, age=34, sex="female")
    interpretation = count.interpret()
    with_count = differential([THROMBOCYTOPENIA], blood_count=count)
    assert scored(with_count) == scored(differential([THROMBOCYTOPENIA], blood_count=interpretation))
    assert scored(with_count) == scored(differential([THROMBOCYTOPENIA], evidence=interpretation.likelihood_ratios))
    for r in with_count:
        assert math.isclose(r.evidence, math.log10(interpretation.likelihood_ratios[r.disorder]), abs_tol=1e-12)
    # Pancytopenia favours the disorders that affect all three lines.
    aa, barth = with_count[Disorder.APLASTIC_ANEMIA], with_count[Disorder.BARTH_SYNDROME]
    assert aa.evidence > 0 > barth.evidence
    # Combined with the caller's own evidence: the ratios multiply.
    both = differential([THROMBOCYTOPENIA], blood_count=count, evidence={Disorder.BARTH_SYNDROME: 10.0})
    assert math.isclose(both[Disorder.BARTH_SYNDROME].evidence, barth.evidence + 1.0)
    with pytest.raises(TypeError, match="blood_count must be"):
        differential([], blood_count={"hemoglobin": 7.2})


# --- The result object ----------------------------------------------------------------------------


def test_result_is_a_read_only_sequence() -> None:
    result = differential([THROMBOCYTOPENIA, ABSENT_RADIUS])
    assert result.ranking is result.ranking  # built once
    assert list(result) == list(result.ranking)
    assert result[0] is result.ranking[0] and result[-1] is result.ranking[19]
    assert result[:3] == result.ranking[:3] and isinstance(result[:3], tuple)
    assert result[TAR] is result[0] and result[Disorder.FANCONI_ANEMIA].disorder is Disorder.FANCONI_ANEMIA
    with pytest.raises(IndexError):
        result[20]
    for bad in ("thrombocytopenia_absent_radius", 1.0, True, None):
        with pytest.raises(TypeError):
            result[bad]  # type: ignore[index]
    with pytest.raises(AttributeError):
        result.ranking = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        Differential()
    assert repr(result).startswith("<Differential of 2 observed, 0 excluded: thrombocytopenia_absent_radius")
    assert result.inputs is result.inputs


def test_records_are_plain_tuples() -> None:
    top = differential([THROMBOCYTOPENIA], [ABSENT_THUMB])[0]
    assert top._fields == (
        "rank", "disorder", "score", "posterior", "phenotype", "absent", "hallmarks", "subtypes", "subtype",
        "onset", "sex", "evidence",
        "matches", "absences", "missing",
    )
    assert top.matches[0]._fields == ("term", "kind", "feature", "via", "frequency", "likelihood_ratio", "log10_lr")
    assert top.absences[0]._fields == ("term", "kind", "feature", "frequency", "likelihood_ratio", "log10_lr")
    assert top.missing[0]._fields == ("feature", "frequency", "likelihood_ratio", "log10_lr")
    assert type(top) is marrowkb.Ranked and type(top.matches[0]) is marrowkb.TermMatch
    assert type(top.absences[0]) is marrowkb.AbsenceMatch and type(top.missing[0]) is marrowkb.MissingHallmark
    assert tuple(top) == tuple(getattr(top, f) for f in top._fields)


def test_many_findings() -> None:
    terms = [t for t in marrowkb.hpo_terms() if t.is_phenotypic_abnormality][:2000:7]
    result = differential(terms, terms[::2])
    implied = sum(1 for r in result.inputs if r.status == "implied" and not r.excluded)
    assert implied > 0 and len(result.observed) + implied == len(terms)
    # An implied finding is one an observed finding refines.
    for r in result.inputs:
        if r.status == "implied" and not r.excluded:
            assert any(o != r.term and o.is_a(r.term) for o in result.observed)
    assert sum(1 for r in result.inputs if r.status == "conflict") == len(terms[::2])
    assert math.isclose(sum(r.posterior for r in result), 1.0)


# --- Phenopackets ---------------------------------------------------------------------------------

PACKETS = Path(__file__).resolve().parents[3] / "tests" / "data" / "phenopackets"
FA_PACKET = PACKETS / "fanconi_anemia" / "PMID_16429406_first_patient.json"


def test_phenopacket_from_path_text_and_dict() -> None:
    by_path = marrowkb.differential_from_phenopacket(FA_PACKET)
    by_str_path = marrowkb.differential_from_phenopacket(str(FA_PACKET))
    text = FA_PACKET.read_text(encoding="utf-8")
    by_text = marrowkb.differential_from_phenopacket(text)
    by_dict = marrowkb.differential_from_phenopacket(json.loads(text))
    assert scored(by_path) == scored(by_str_path) == scored(by_text) == scored(by_dict)
    assert by_path[0].disorder is Disorder.FANCONI_ANEMIA
    assert by_path.sex == "female" and by_path.onset == "congenital"
    import pickle

    assert pickle.loads(pickle.dumps(by_path)) == by_path
    with_genes = marrowkb.differential_from_phenopacket(FA_PACKET, genes=True)
    assert pickle.loads(pickle.dumps(with_genes)) == with_genes
    assert by_path[0].subtype is not None and by_path[0].subtype.startswith(("OMIM:", "ORPHA:"))
    parts = by_path[0]
    total = parts.phenotype + parts.absent + parts.hallmarks + parts.subtypes + parts.onset + parts.sex + parts.evidence
    assert math.isclose(total, parts.score, abs_tol=1e-9)
    assert math.isclose(parts.hallmarks, sum(m.log10_lr for m in parts.missing), abs_tol=1e-9)


def test_phenopacket_equals_the_rust_cli(rust_cli: Callable[..., str]) -> None:
    text = rust_cli("differential", "--phenopacket", str(FA_PACKET), "--json")
    assert marrowkb.differential_from_phenopacket(FA_PACKET).to_json() + "\n" == text


def test_phenopacket_never_reads_the_answer() -> None:
    packet = json.loads(FA_PACKET.read_text(encoding="utf-8"))
    blind = dict(packet)
    blind.pop("interpretations", None)
    blind["diseases"] = [{k: v for k, v in d.items() if k != "term"} for d in packet.get("diseases", [])]
    assert scored(marrowkb.differential_from_phenopacket(packet)) == scored(marrowkb.differential_from_phenopacket(blind))
    with_genes = marrowkb.differential_from_phenopacket(packet, genes=True)
    assert scored(with_genes) != scored(marrowkb.differential_from_phenopacket(packet))


def test_bad_phenopackets_name_the_file_and_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "v1.json"
    bad.write_text('{"id": "x", "metaData": {"phenopacketSchemaVersion": "1.0"}}', encoding="utf-8")
    with pytest.raises(marrowkb.InvalidPhenopacketError) as error:
        marrowkb.differential_from_phenopacket(bad)
    assert error.value.source == str(bad)
    assert error.value.argument == "metaData.phenopacketSchemaVersion"
    assert str(bad) in str(error.value)
    assert isinstance(error.value, marrowkb.InvalidArgumentError)
    for text, field in (
        ("{not json", "(document)"),
        ('{"metaData": {"phenopacketSchemaVersion": "2.0"}}', "phenotypicFeatures"),
        ('{"metaData": {"phenopacketSchemaVersion": "2.0"}, "phenotypicFeatures": [{"type": {}}]}', "phenotypicFeatures[].type.id"),
    ):
        with pytest.raises(marrowkb.InvalidPhenopacketError) as error:
            marrowkb.differential_from_phenopacket(text)
        assert error.value.argument == field and error.value.source is None
    with pytest.raises(FileNotFoundError):
        marrowkb.differential_from_phenopacket(tmp_path / "missing.json")
    with pytest.raises(TypeError):
        marrowkb.differential_from_phenopacket(42)  # type: ignore[arg-type]


def test_gene_likelihood_ratios_as_evidence() -> None:
    lrs = marrowkb.gene_likelihood_ratios("RPS19")
    assert set(lrs) == set(Disorder)
    assert lrs[Disorder.DIAMOND_BLACKFAN_ANEMIA] > 100 and lrs[Disorder.FANCONI_ANEMIA] == 0.05
    assert differential(["HP:0001903"], evidence=lrs)[0].disorder is Disorder.DIAMOND_BLACKFAN_ANEMIA
    with pytest.raises(marrowkb.MarrowkbError):
        marrowkb.gene_likelihood_ratios("NOTAGENE")
