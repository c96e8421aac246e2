"""marrowkb: an embeddable knowledge base of the 20 bone marrow failure disorders.

Every answer comes from the Rust crate ``marrowkb`` (compiled into ``marrowkb._native``); this package
only gives it Python shapes. Reference software, not medical advice.

>>> import marrowkb
>>> marrowkb.lookup("Blackfan-Diamond anaemia")
<Disorder.DIAMOND_BLACKFAN_ANEMIA: ...>

The enums (:class:`Disorder`, :class:`Symptom`, :class:`Treatment`, :class:`Cause`,
:class:`DiagnosticTest`, :class:`Source`) are :class:`enum.Enum` classes built at import time from the
core's tables. As with any Enum, ``member.name`` is the member name (``"FANCONI_ANEMIA"``) and
``member.value`` (also ``int(member)`` and ``member.id``) the stable discriminant; the record's own name
is ``member.display_name``, which is also ``str(member)``. Every other field of the Rust record is a
read-only property of the member.

:func:`differential` ranks the 20 disorders for a patient's HPO-coded findings (returning a
:class:`Differential`); :class:`BloodCount` validates a blood count in explicit units and
:meth:`BloodCount.interpret` / :func:`interpret_blood_count` read it (a :class:`BloodCountInterpretation`).
Their ``to_dict()`` / ``to_json()`` are the Rust serde JSON, as the CLI's ``--json`` prints it.
"""

from __future__ import annotations

import enum
import operator
from collections import namedtuple

# `typing` is only needed by type checkers (the stub `__init__.pyi` is what they read); not importing it
# keeps `import marrowkb` fast.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Tuple, Union

from . import _native as _n

__all__ = [
    "AmbiguousError",
    "DATA_VERSION",
    "SCHEMA_VERSION",
    "CodeMatch",
    "Cause",
    "DiagnosticTest",
    "Disorder",
    "EmptyInputError",
    "HPO_RELEASE",
    "HpoResolution",
    "Feature",
    "Gene",
    "GeneLink",
    "Hit",
    "Icd10Xref",
    "InputTooLongError",
    "InvalidArgumentError",
    "InvalidPhenopacketError",
    "LookupResult",
    "MalformedIdError",
    "MarrowkbError",
    "ObsoleteIdError",
    "Relation",
    "Resolutions",
    "Resolved",
    "Risk",
    "Source",
    "Symptom",
    "Term",
    "Treatment",
    "TreatmentUse",
    "UnknownIdError",
    "UnknownKeyError",
    "UnknownNameError",
    "UnknownTermError",
    "AmbiguousTermError",
    "Synonym",
    "Xref",
    "__version__",
    "disorders_for_gene",
    "gene_info",
    "genes",
    "hpo_resolve",
    "hpo_term",
    "hpo_terms",
    "term",
    "lookup",
    "lookup_exact",
    "lookup_many",
    "lookup_many_with_suggestions",
    "resolve",
    "resolve_detailed",
    "resolve_many",
    "RESOLUTION_COLUMNS",
    "search",
    "suggest",
    "to_dict",
    "to_json",
    "AbsenceMatch",
    "AplasticAssessment",
    "BloodCount",
    "BloodCountInterpretation",
    "Differential",
    "DisorderFit",
    "InputReport",
    "InvalidMeasurementError",
    "MissingHallmark",
    "Ranked",
    "Reading",
    "RedCellSizeReading",
    "TermMatch",
    "differential",
    "differential_from_phenopacket",
    "gene_likelihood_ratios",
    "interpret_blood_count",
]

#: Version of this package (and of the Rust crate it wraps).
__version__: str = _n.VERSION
#: The releases the data was derived from and checked against (HPO, Orphanet, OMIM, WHO ICD-10).
DATA_VERSION: str = _n.DATA_VERSION
#: The Human Phenotype Ontology release compiled in (see :class:`Term`).
HPO_RELEASE: str = _n.HPO_RELEASE
#: Version of the JSON layout of :func:`to_dict` / :func:`to_json`.
SCHEMA_VERSION: int = _n.SCHEMA_VERSION


# --- Exceptions ----------------------------------------------------------------------------------


class MarrowkbError(Exception):
    """Base class of every error marrowkb raises. ``query`` is the input that failed."""

    def __init__(self, message: str = "", *, query: Union[str, int, float, None] = None) -> None:
        super().__init__(message)
        self.query = query


class UnknownNameError(MarrowkbError, LookupError):
    """No disorder has this name; ``suggestions`` are the closest disorders, best first."""

    def __init__(
        self,
        message: str = "",
        *,
        query: Union[str, int, float, None] = None,
        suggestions: Tuple[Disorder, ...] = (),
    ) -> None:
        super().__init__(message, query=query)
        self.suggestions = suggestions


class UnknownIdError(MarrowkbError, LookupError):
    """A well-formed identifier no record carries; ``kind`` is "ORPHA", "OMIM", "HPO", "ICD-10" or "gene"."""

    def __init__(self, message: str = "", *, query: Union[str, int, float, None] = None, kind: str = "") -> None:
        super().__init__(message, query=query)
        self.kind = kind


class AmbiguousError(MarrowkbError, LookupError):
    """A code or gene symbol several disorders share (``kind``: "ICD-10", "ORPHA", "OMIM" or "gene");
    ``candidates`` are every disorder that carries it. A group reached only through its subtype never makes
    an input ambiguous: the subtype answers."""

    def __init__(
        self,
        message: str = "",
        *,
        query: Union[str, int, float, None] = None,
        kind: str = "",
        candidates: Tuple[Disorder, ...] = (),
    ) -> None:
        super().__init__(message, query=query)
        self.kind = kind
        self.candidates = candidates


class ObsoleteIdError(UnknownIdError):
    """An identifier that is obsolete in the shipped release and has no single replacement (``id``: its number)."""

    def __init__(self, message: str = "", *, query: Union[str, int, float, None] = None, kind: str = "", id: int = 0) -> None:
        super().__init__(message, query=query, kind=kind)
        self.id = id


class UnknownKeyError(MarrowkbError, LookupError):
    """No member of this enum has the key or name; ``entity`` names the enum (e.g. "symptom")."""

    def __init__(self, message: str = "", *, query: Union[str, int, float, None] = None, entity: str = "") -> None:
        super().__init__(message, query=query)
        self.entity = entity


class UnknownTermError(MarrowkbError, LookupError):
    """No HPO term has this label or synonym; ``suggestions`` are the terms with the closest ones, best first."""

    def __init__(
        self,
        message: str = "",
        *,
        query: Union[str, int, float, None] = None,
        suggestions: Tuple[Term, ...] = (),
    ) -> None:
        super().__init__(message, query=query)
        self.suggestions = suggestions


class AmbiguousTermError(MarrowkbError, LookupError):
    """The label or synonym names several HPO terms (``candidates``, by id): give the id or the label instead."""

    def __init__(
        self,
        message: str = "",
        *,
        query: Union[str, int, float, None] = None,
        candidates: Tuple[Term, ...] = (),
    ) -> None:
        super().__init__(message, query=query)
        self.candidates = candidates


class MalformedIdError(MarrowkbError, ValueError):
    """Text not shaped like an identifier of ``kind``; ``reason`` says what is wrong."""

    def __init__(
        self, message: str = "", *, query: Union[str, int, float, None] = None, kind: str = "", reason: str = ""
    ) -> None:
        super().__init__(message, query=query)
        self.kind = kind
        self.reason = reason


class InvalidArgumentError(MarrowkbError, ValueError):
    """An argument outside what the function accepts (``argument`` names it, ``reason`` says why)."""

    def __init__(
        self, message: str = "", *, query: Union[str, int, float, None] = None, argument: str = "", reason: str = ""
    ) -> None:
        super().__init__(message, query=query)
        self.argument = argument
        self.reason = reason


class InvalidPhenopacketError(InvalidArgumentError):
    """A GA4GH phenopacket that cannot be read: not JSON, not schema v2, no phenotypic features or a malformed
    field. ``argument`` names the field (e.g. "phenotypicFeatures[].type.id"), ``reason`` says what is wrong,
    and ``source`` is the file it came from (None for text or a dict)."""

    source: Union[str, None] = None


class InvalidMeasurementError(InvalidArgumentError):
    """A blood count value that is NaN, infinite, negative or physiologically impossible.

    ``argument`` (also ``field``) is the keyword argument (e.g. "hemoglobin"), ``value`` and ``unit`` the
    value as given, ``reason`` what is wrong with it. Nothing is ever clamped.
    """

    def __init__(
        self,
        message: str = "",
        *,
        query: Union[str, int, float, None] = None,
        argument: str = "",
        reason: str = "",
        value: float = float("nan"),
        unit: str = "",
    ) -> None:
        super().__init__(message, query=query, argument=argument, reason=reason)
        self.value = value
        self.unit = unit

    @property
    def field(self) -> str:
        """The blood count field: the keyword argument of :class:`BloodCount`."""
        return self.argument


class EmptyInputError(MarrowkbError, ValueError):
    """The text was empty, or only spaces and punctuation."""


class InputTooLongError(MarrowkbError, ValueError):
    """The text is longer than any name marrowkb knows (``length`` and ``limit`` in UTF-8 bytes)."""

    def __init__(
        self, message: str = "", *, query: Union[str, int, float, None] = None, length: int = 0, limit: int = 0
    ) -> None:
        super().__init__(message, query=query)
        self.length = length
        self.limit = limit


# --- Small records (immutable tuples with named fields; ``collections.namedtuple`` keeps import fast) ----


def _record(typename: str, doc: str, /, **fields: str) -> Any:
    cls = namedtuple(typename, list(fields), module=__name__)
    cls.__doc__ = doc
    for field, field_doc in fields.items():
        getattr(cls, field).__doc__ = field_doc
    return cls


Xref = _record(
    "Xref",
    "An ORPHA or OMIM entry of a disorder.",
    id='CURIE, e.g. "ORPHA:84".',
    number="The number alone, e.g. 84.",
    name="The entry's name in HPO's release.",
    match='"exact", "subtype" or "closest".',
    note="Why the entry is only the closest, or why names differ; or None.",
)
Icd10Xref = _record(
    "Icd10Xref",
    "A WHO ICD-10 2019 code of a disorder.",
    code='The code, e.g. "D61.0".',
    title="Its WHO title.",
    match='"exact" or "nearest_parent".',
    note="Why this code was chosen, or None.",
)
Feature = _record(
    "Feature",
    "A clinical feature of a disorder and how often it occurs.",
    symptom="The Symptom.",
    frequency='HPO frequency class: "obligate", "very_frequent", "frequent", "occasional", "very_rare" or "excluded".',
    source="The Source of the frequency.",
    hpo_frequency="When frequency overrides HPO 2025-01-16: the class HPO gives, kept beside it; else None.",
    note="Why the frequency was chosen (the cited figure for an override), or None.",
)
TreatmentUse = _record(
    "TreatmentUse",
    "A treatment used for a disorder and what it does there.",
    treatment="The Treatment.",
    role='"supportive", "disease_modifying" or "curative".',
    source="The Source.",
)
Relation = _record(
    "Relation",
    "A relation from a disorder to another.",
    kind='"subtype_of", "may_progress_to" or "associated_with".',
    target="The other Disorder.",
    source="The Source.",
)
Risk = _record(
    "Risk",
    "A long-term risk (cancer or other) of a disorder.",
    name="The condition at risk.",
    hpo="Its HPO term as a CURIE, or None.",
    source="The Source.",
)
Gene = _record(
    "Gene",
    "A causal gene.",
    symbol="HGNC symbol.",
    ncbi_gene_id="NCBI Gene id.",
    disorders="The disorders it answers for, in discriminant order: those HPO links it to and the groups they are a subtype of.",
    links="A GeneLink(disorder, through) per disorder: through is the subtype it comes through, or None.",
)
GeneLink = _record(
    "GeneLink",
    "How a gene answers for a disorder: directly (through is None) or through a subtype of it.",
    disorder="The Disorder.",
    through="The subtype the gene is linked to, when the link comes through the subtype_of relation; else None.",
)
Hit = _record(
    "Hit",
    "A search() result.",
    disorder="The Disorder found.",
    kind='What matched: "name", "gene", "symptom" or "code".',
    matched="The text that matched.",
    through="For a gene or code of a subtype answering for its group: the subtype; else None.",
)
CodeMatch = _record(
    "CodeMatch",
    "A disorder linked to a code, and how.",
    disorder="The Disorder.",
    match='"exact", "subtype" or "closest" (ORPHA, OMIM); "exact" or "nearest_parent" (ICD-10).',
)
LookupResult = _record(
    "LookupResult",
    "One answer of lookup_many_with_suggestions().",
    disorder="The Disorder, or None.",
    suggestions="For a miss, the closest disorders (best first); () for a hit.",
    status='"found", "missing", "unknown", "too_long" or "malformed" (not a str).',
)
Resolved = _record(
    "Resolved",
    "One row of resolve_many() (or resolve_detailed()): what the input resolved to, how, or why not.",
    input="The cell as given.",
    status='"found", "missing", "unknown", "ambiguous", "too_long" or "malformed".',
    disorder="The Disorder, or None.",
    match='"name", "synonym", "abbreviation", "orpha", "omim", "icd10", "icd10_parent" or "gene"; None unless found.',
    parent_code='For "icd10_parent", the WHO category that matched (e.g. "D46"); else None.',
    groups="The groups the disorder is a subtype of (the input answers for them too, through it).",
    candidates="For an ambiguous row, every disorder that shares the code or gene.",
    suggestions="For an unknown name (with suggestions=True), the closest disorders.",
    error="Why the row failed, or None.",
)
Synonym = _record(
    "Synonym",
    "One synonym of an HPO term (Term.synonyms).",
    text="The synonym as HPO writes it.",
    scope='"exact", "related", "broad" or "narrow".',
    type='"layperson", "abbreviation", "uk_spelling", "plural_form", or None.',
)
HpoResolution = _record(
    "HpoResolution",
    "What hpo_resolve() found: the current term, and whether the requested id was an old one.",
    term="The current Term.",
    requested='The id asked for, as a CURIE (e.g. "HP:0000004").',
    replaced='None when requested is the term\'s own id; "alt_id" or "obsolete" when it was replaced.',
)

Ranked = _record(
    "Ranked",
    "One disorder's place in a differential: rank, score (log10 likelihood ratio), posterior, the score's "
    "parts (which add up to score) and the explanation.",
    rank="1 for the best.",
    disorder="The Disorder.",
    score="Total log10 likelihood ratio of everything given, against all diseases HPO annotates.",
    posterior="Posterior probability under a uniform prior over the 20 disorders (sums to 1 over the ranking).",
    phenotype="log10 LR of the observed findings.",
    absent="log10 LR of the findings the patient does not have.",
    hallmarks="log10 LR of the blood hallmarks (cytopenias, marrow findings) no finding covers (<= 0).",
    subtypes="For a group disorder scored per subtype: log10 of the mean likelihood over its subtypes relative "
    "to subtype's (<= 0); 0.0 for a disorder scored as a whole.",
    subtype='The ORPHA/OMIM CURIE of the subtype that best explains the findings (e.g. "OMIM:227650"), or None.',
    onset="log10 LR of the age of onset (0.0 when not given).",
    sex="log10 LR of the sex (0.0 when not given or when inheritance does not depend on it).",
    evidence="log10 of the extra likelihood ratios (blood count, evidence=).",
    matches="A TermMatch per observed term used, in the order of Differential.observed.",
    absences="An AbsenceMatch per excluded term used, in the order of Differential.excluded.",
    missing="MissingHallmarks: hallmarks (>= 80 % frequent) no finding covers; blood ones are scored (hallmarks).",
)
TermMatch = _record(
    "TermMatch",
    "How one observed finding scores for one disorder.",
    term="The patient's Term.",
    kind='"exact", "broader", "narrower", "related", "unexplained" or "contradicted".',
    feature="The disorder's feature Term it was matched to (the excluded term when contradicted), or None.",
    via="The Term whose frequency was used (for related: the common ancestor), or None.",
    frequency="The disorder's (implied) frequency of via (0.0 when unexplained or contradicted).",
    likelihood_ratio="The finding's likelihood ratio.",
    log10_lr="Its contribution to the score: log10(likelihood_ratio).",
)
AbsenceMatch = _record(
    "AbsenceMatch",
    "How one excluded finding (the patient does not have it) scores for one disorder.",
    term="The excluded Term.",
    kind='"against", "consistent" or "neutral".',
    feature="The disorder's feature that makes the absence count (against), the excluded term (consistent), or None.",
    frequency="The probability that a patient with the disorder has the finding.",
    likelihood_ratio="The absence's likelihood ratio.",
    log10_lr="Its contribution to the score: log10(likelihood_ratio).",
)
MissingHallmark = _record(
    "MissingHallmark",
    "A hallmark of a disorder (at least 80 % frequent) that none of the findings covers.",
    feature="The disorder's feature Term.",
    frequency="Its frequency in the disorder.",
    likelihood_ratio="Its likelihood ratio: below 1 for a blood hallmark (a report states those), 1.0 otherwise.",
    log10_lr="Its contribution to the score: log10(likelihood_ratio).",
)
InputReport = _record(
    "InputReport",
    "What became of one input of differential().",
    excluded="Whether it came from excluded (else observed).",
    position="Its position in that list, from 0.",
    requested='The id as parsed, as a CURIE (e.g. "HP:0000004"), or None when malformed.',
    term="The current Term it stands for (the replacement of an old id), or None.",
    status='"used", "replaced", "duplicate", "conflict", "not_phenotype", "obsolete", "unknown", "malformed" or '
    '"implied" (covered by a more specific observed finding, or a broader excluded one: not scored).',
    error="Why it could not be used (obsolete, unknown, malformed), or None.",
    given="The object as given.",
)
Reading = _record(
    "Reading",
    "One cytopenia's reading of a blood count.",
    cytopenia='"anemia", "neutropenia", "lymphopenia", "monocytopenia", "thrombocytopenia" or "reticulocytopenia".',
    value="The value in its canonical unit (g/dL for haemoglobin, 10^9/L for counts), or None.",
    presence='"not_measured", "undetermined", "no_reference", "absent" or "present".',
    lower_limit="The lower limit used (present means value < lower_limit), or None.",
    reference='The source of lower_limit (e.g. "who_2011"), or None.',
    severity='"mild", "moderate", "severe" or "very_severe" when present and graded, else None.',
    severity_scale='"who_2011" or "neutropenia_bands", or None.',
    ctcae="CTCAE v5.0 grade 0-4 (anaemia, neutrophils, lymphocytes, platelets), or None.",
)
RedCellSizeReading = _record(
    "RedCellSizeReading",
    "Red cell size from the MCV.",
    mcv="MCV in fL, or None.",
    size='"microcytic", "normocytic" or "macrocytic"; None when the MCV, age or needed sex is missing.',
    lower_limit="Lower limit used (fL), or None.",
    upper_limit="Upper limit used (fL), or None.",
)
AplasticAssessment = _record(
    "AplasticAssessment",
    "Aplastic anaemia severity (Camitta as modified by Bacigalupo, or BSH 2016) and each criterion.",
    criteria='"camitta_bacigalupo" or "bsh_2016_automated".',
    severity='"not_assessed", "undetermined", "non_severe", "severe", "very_severe" or "at_least_severe".',
    marrow='Marrow criterion: "unknown", "not_met" or "met".',
    neutrophils="Neutrophils < 0.5 x 10^9/L.",
    platelets="Platelets < 20 x 10^9/L.",
    reticulocytes="The reticulocyte criterion counted: absolute count below reticulocytes_below (Camitta: corrected percentage when no absolute count).",
    reticulocytes_below="The reticulocyte threshold used (10^9/L).",
    counts_met="How many of the three count criteria are met.",
    counts="At least two of the three count criteria.",
    very_severe_neutrophils="Neutrophils < 0.2 x 10^9/L.",
    corrected_reticulocyte_percent="Reticulocyte % x haematocrit / 45, or None (needs both).",
    corrected_reticulocytes="Camitta 1976: corrected reticulocyte percentage < 1 %.",
)
DisorderFit = _record(
    "DisorderFit",
    "How a disorder's affected cell lines fit the decreased ones (lines: red_cells, white_cells, platelets).",
    disorder="The Disorder.",
    affected="Its affected lines.",
    matched="Affected and decreased.",
    missed="Affected, known, not decreased.",
    unexpected="Decreased, not affected.",
    unknown="Lines whose state is unknown.",
    score="Jaccard index of matched over compared lines (0-1), or None when nothing is known.",
    fit='"undetermined", "no_overlap", "partial" or "exact".',
)


# --- Enums ---------------------------------------------------------------------------------------


class _KnowledgeEnum(enum.Enum):
    """Shared behaviour: ordering and ``int()`` by discriminant, ``str()`` is the display name."""

    def __int__(self) -> int:
        return self._value_  # type: ignore[no-any-return]

    def __lt__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._value_ < other._value_  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._value_ <= other._value_  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._value_ > other._value_  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._value_ >= other._value_  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self._name_}: {self._value_}>"

    def __str__(self) -> str:
        return self._record.display_name  # type: ignore[attr-defined,no-any-return]

    def __format__(self, format_spec: str) -> str:
        return format(str(self), format_spec)

    def to_json(self) -> str:
        """The record as JSON text, exactly as the Rust serializer writes it."""
        return self._record.to_json()  # type: ignore[attr-defined,no-any-return]

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain JSON-ready dict (``json.dumps`` gives the Rust JSON)."""
        import json

        return json.loads(self.to_json())  # type: ignore[no-any-return]


class _Disorder(_KnowledgeEnum):
    # The hot constructors are the native functions themselves (no Python frame in between).
    lookup = staticmethod(_n.lookup)
    from_orpha = staticmethod(_n.disorder_from_orpha)
    from_omim = staticmethod(_n.disorder_from_omim)
    #: ICD-10 is coarse: one code can cover several disorders, so ``from_icd10`` returns a tuple of
    #: ``CodeMatch(disorder, match)``, exact codings first (never empty: UnknownIdError when unused).
    from_icd10 = staticmethod(_n.disorder_from_icd10)
    all_for_orpha = staticmethod(_n.disorder_all_for_orpha)
    all_for_omim = staticmethod(_n.disorder_all_for_omim)

    @staticmethod
    def from_key(key: str) -> Disorder:
        """The disorder with this stable key (any case); :class:`UnknownKeyError` otherwise."""
        return _n.from_key("disorder", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> Disorder:
        """The disorder with this key or name (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("disorder", text)  # type: ignore[no-any-return]


class _Symptom(_KnowledgeEnum):
    from_hpo = staticmethod(_n.symptom_from_hpo)

    @staticmethod
    def from_key(key: str) -> Symptom:
        """The symptom with this stable key (any case); :class:`UnknownKeyError` otherwise."""
        return _n.from_key("symptom", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> Symptom:
        """The symptom with this key, clinical or plain name, or any HPO label or synonym of its terms (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("symptom", text)  # type: ignore[no-any-return]


class _Treatment(_KnowledgeEnum):
    @staticmethod
    def from_key(key: str) -> Treatment:
        """The treatment with this stable key (any case); :class:`UnknownKeyError` otherwise."""
        return _n.from_key("treatment", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> Treatment:
        """The treatment with this key or name (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("treatment", text)  # type: ignore[no-any-return]


class _Cause(_KnowledgeEnum):
    @staticmethod
    def from_key(key: str) -> Cause:
        """The cause with this stable key (any case); :class:`UnknownKeyError` otherwise."""
        return _n.from_key("cause", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> Cause:
        """The cause with this key or name (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("cause", text)  # type: ignore[no-any-return]


class _DiagnosticTest(_KnowledgeEnum):
    @staticmethod
    def from_key(key: str) -> DiagnosticTest:
        """The test with this stable key (any case); :class:`UnknownKeyError` otherwise."""
        return _n.from_key("diagnostic_test", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> DiagnosticTest:
        """The test with this key or name (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("diagnostic_test", text)  # type: ignore[no-any-return]


class _Source(_KnowledgeEnum):
    @staticmethod
    def from_key(key: str) -> Source:
        """The source with this stable key (any case); :class:`UnknownKeyError` otherwise."""
        return _n.from_key("source", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> Source:
        """The source with this key (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("source", text)  # type: ignore[no-any-return]


def _build_enum(name: str, kind: str, base: type, record_type: type, doc: str) -> Any:
    """An Enum named ``name`` whose members are the core's (``_native.members``), in the core's order.

    Every getter of the native record class becomes a read-only property of the members.
    """
    cls: Any = base(name, _n.members(kind), module=__name__, qualname=name)
    cls.__doc__ = f"{doc}\n\nMembers come from the Rust core in discriminant order; see the module documentation."
    for member in cls:
        # The native record behind the member: a plain attribute, not an enum member.
        member._record = record_type(member._value_)
    for attribute, descriptor in vars(record_type).items():
        if not attribute.startswith("_") and hasattr(descriptor, "__set__"):
            getter = operator.attrgetter(f"_record.{attribute}")
            setattr(cls, attribute, property(getter, doc=descriptor.__doc__))
    return cls


Disorder = _build_enum("Disorder", "disorder", _Disorder, _n.DisorderRecord, "A bone marrow failure disorder.")
Symptom = _build_enum("Symptom", "symptom", _Symptom, _n.SymptomRecord, "A symptom or clinical feature (HPO-coded).")
Treatment = _build_enum("Treatment", "treatment", _Treatment, _n.TreatmentRecord, "A treatment.")
Cause = _build_enum("Cause", "cause", _Cause, _n.CauseRecord, "A cause of bone marrow failure.")
DiagnosticTest = _build_enum(
    "DiagnosticTest", "diagnostic_test", _DiagnosticTest, _n.DiagnosticTestRecord, "A diagnostic test."
)
Source = _build_enum("Source", "source", _Source, _n.SourceRecord, "A cited source.")

_n._init(globals())


# --- Functions -----------------------------------------------------------------------------------

lookup = _n.lookup
lookup_exact = _n.lookup_exact
suggest = _n.suggest
resolve = _n.resolve
search = _n.search
disorders_for_gene = _n.disorders_for_gene
gene_info = _n.gene_info
genes = _n.genes
hpo_term = _n.hpo_term
term = _n.term
hpo_resolve = _n.hpo_resolve
hpo_terms = _n.hpo_terms
Term = _n.Term
lookup_many = _n.lookup_many
lookup_many_with_suggestions = _n.lookup_many_with_suggestions
to_json = _n.to_json
differential = _n.differential
Differential = _n.Differential
gene_likelihood_ratios = _n.gene_likelihood_ratios


def differential_from_phenopacket(phenopacket, *, genes=False, strict=False):  # type: ignore[no-untyped-def]
    """Ranks the 20 disorders for a GA4GH phenopacket (Phenopacket Schema v2): a path (``str`` or
    ``os.PathLike``) to a JSON file, the JSON text itself, or the parsed ``dict``.

    Reads the observed and excluded ``phenotypicFeatures`` (with onsets), ``subject`` (sex, age) and
    LOINC-coded blood-count ``measurements``; never the diagnosis or the interpretations, unless
    ``genes=True`` adds the interpreted genes as genotype evidence. Returns a :class:`Differential`, the same
    object as :func:`differential`; ``strict=True`` raises for the first unusable HPO id. Raises
    :class:`InvalidPhenopacketError` naming the field (and the file, as ``source``) for a file that cannot be
    read as a phenopacket, ``OSError`` for a file that cannot be opened.
    """
    import os

    source = None
    if isinstance(phenopacket, dict):
        import json

        text = json.dumps(phenopacket)
    elif isinstance(phenopacket, os.PathLike) or (
        isinstance(phenopacket, str) and not phenopacket.lstrip().startswith(("{", "["))
    ):
        source = os.fspath(phenopacket)
        with open(source, encoding="utf-8") as f:
            text = f.read()
    elif isinstance(phenopacket, str):
        text = phenopacket
    else:
        raise TypeError(
            f"phenopacket must be a path, JSON text or a dict, not {type(phenopacket).__name__}"
        )
    try:
        return _n.differential_phenopacket_json(text, genes=genes, strict=strict)
    except InvalidPhenopacketError as error:
        if source is not None:
            error.source = source
            error.args = (f"{source}: {error.args[0]}",) + error.args[1:]
        raise
BloodCount = _n.BloodCount
BloodCountInterpretation = _n.BloodCountInterpretation
interpret_blood_count = _n.interpret_blood_count


#: The columns of :meth:`Resolutions.to_dict`, in order.
RESOLUTION_COLUMNS = (
    "input", "status", "disorder", "name", "orpha", "omim", "icd10", "match", "parent_code", "candidates", "error",
)


def _codes(disorder: Any) -> tuple[str, Any, Any, Any]:
    """A disorder's key and primary codes: its first exact-or-subtype ORPHA id, its exact OMIM entry (None
    for disorders known only by their subtypes' entries), its first exact ICD-10 code (else its first)."""
    orpha = next((x.id for x in disorder.orpha if x.match != "closest"), None)
    omim = next((x.id for x in disorder.omim if x.match == "exact"), None)
    icd = next((x.code for x in disorder.icd10 if x.match == "exact"), None)
    if icd is None and disorder.icd10:
        icd = disorder.icd10[0].code
    return disorder.key, orpha, omim, icd


class Resolutions(list):  # type: ignore[type-arg]
    """The rows of :func:`resolve_many`: a list of :class:`Resolved`, with column views for data frames.

    ``pandas.DataFrame(rows.to_dict())`` and ``polars.DataFrame(rows.to_dict())`` (or ``rows.to_pandas()``,
    ``rows.to_polars()``) give one row per input with the columns of :data:`RESOLUTION_COLUMNS`.
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, list[Any]]:
        """Columns (lists of equal length): input (as given, or None), status, disorder (key), name, orpha,
        omim, icd10 (the disorder's primary codes), match, parent_code, candidates ("key;key" for an
        ambiguous row), error. Missing values are None."""
        cache: dict[Any, tuple[str, Any, Any, Any]] = {}
        columns: dict[str, list[Any]] = {name: [] for name in RESOLUTION_COLUMNS}
        for row in self:
            given = row.input
            columns["input"].append(given if isinstance(given, str) else None)
            columns["status"].append(row.status)
            d = row.disorder
            if d is None:
                key = orpha = omim = icd = name = None
            else:
                if d not in cache:
                    cache[d] = _codes(d)
                key, orpha, omim, icd = cache[d]
                name = d.display_name
            columns["disorder"].append(key)
            columns["name"].append(name)
            columns["orpha"].append(orpha)
            columns["omim"].append(omim)
            columns["icd10"].append(icd)
            columns["match"].append(row.match)
            columns["parent_code"].append(row.parent_code)
            columns["candidates"].append(";".join(c.key for c in row.candidates) if row.candidates else None)
            columns["error"].append(row.error)
        return columns

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` of :meth:`to_dict` (pandas must be installed)."""
        import pandas

        return pandas.DataFrame(self.to_dict())

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` of :meth:`to_dict` (polars must be installed)."""
        import polars

        return polars.DataFrame(self.to_dict())

    def summary(self) -> dict[str, int]:
        """How many rows have each status (statuses with no row are left out)."""
        counts: dict[str, int] = {}
        for row in self:
            counts[row.status] = counts.get(row.status, 0) + 1
        return counts


def resolve_many(items: Any, suggestions: bool = False) -> Resolutions:
    """Resolves every cell of a column (names, ORPHA/OMIM ids, ICD-10 codes, gene symbols) in one call.

    ``items`` is any iterable: a list, tuple or generator, a numpy array, a pandas or polars Series, a pyarrow
    array (none of these is required). None, NaN and pandas' NA are ``"missing"`` rows; a non-str cell is a
    ``"malformed"`` row; nothing makes the whole batch fail. The GIL is released while the cells are resolved.
    With ``suggestions=True``, unknown names carry the closest disorders (a few microseconds each).
    """
    return Resolutions(_n.resolve_many(items, suggestions))


resolve_detailed = _n.resolve_detailed


def to_dict() -> dict[str, Any]:
    """The whole knowledge base as plain JSON-ready dicts and lists: ``json.dumps(to_dict(), indent=2,
    ensure_ascii=False)`` is exactly the Rust export (``marrowkb list --json``)."""
    import json

    return json.loads(_n.to_json())  # type: ignore[no-any-return]
