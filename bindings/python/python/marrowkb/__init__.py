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
    "Hit",
    "Icd10Xref",
    "InputTooLongError",
    "InvalidArgumentError",
    "LookupResult",
    "MalformedIdError",
    "MarrowkbError",
    "ObsoleteIdError",
    "Relation",
    "Risk",
    "Source",
    "Symptom",
    "Term",
    "Treatment",
    "TreatmentUse",
    "UnknownIdError",
    "UnknownKeyError",
    "UnknownNameError",
    "Xref",
    "__version__",
    "disorders_for_gene",
    "gene_info",
    "genes",
    "hpo_resolve",
    "hpo_term",
    "hpo_terms",
    "lookup",
    "lookup_exact",
    "lookup_many",
    "lookup_many_with_suggestions",
    "resolve",
    "search",
    "suggest",
    "to_dict",
    "to_json",
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

    def __init__(self, message: str = "", *, query: Union[str, int, None] = None) -> None:
        super().__init__(message)
        self.query = query


class UnknownNameError(MarrowkbError, LookupError):
    """No disorder has this name; ``suggestions`` are the closest disorders, best first."""

    def __init__(
        self,
        message: str = "",
        *,
        query: Union[str, int, None] = None,
        suggestions: Tuple[Disorder, ...] = (),
    ) -> None:
        super().__init__(message, query=query)
        self.suggestions = suggestions


class UnknownIdError(MarrowkbError, LookupError):
    """A well-formed identifier no record carries; ``kind`` is "ORPHA", "OMIM", "HPO", "ICD-10" or "gene"."""

    def __init__(self, message: str = "", *, query: Union[str, int, None] = None, kind: str = "") -> None:
        super().__init__(message, query=query)
        self.kind = kind


class ObsoleteIdError(UnknownIdError):
    """An identifier that is obsolete in the shipped release and has no single replacement (``id``: its number)."""

    def __init__(self, message: str = "", *, query: Union[str, int, None] = None, kind: str = "", id: int = 0) -> None:
        super().__init__(message, query=query, kind=kind)
        self.id = id


class UnknownKeyError(MarrowkbError, LookupError):
    """No member of this enum has the key or name; ``entity`` names the enum (e.g. "symptom")."""

    def __init__(self, message: str = "", *, query: Union[str, int, None] = None, entity: str = "") -> None:
        super().__init__(message, query=query)
        self.entity = entity


class MalformedIdError(MarrowkbError, ValueError):
    """Text not shaped like an identifier of ``kind``; ``reason`` says what is wrong."""

    def __init__(
        self, message: str = "", *, query: Union[str, int, None] = None, kind: str = "", reason: str = ""
    ) -> None:
        super().__init__(message, query=query)
        self.kind = kind
        self.reason = reason


class InvalidArgumentError(MarrowkbError, ValueError):
    """An argument outside what the function accepts (``argument`` names it, ``reason`` says why)."""

    def __init__(
        self, message: str = "", *, query: Union[str, int, None] = None, argument: str = "", reason: str = ""
    ) -> None:
        super().__init__(message, query=query)
        self.argument = argument
        self.reason = reason


class EmptyInputError(MarrowkbError, ValueError):
    """The text was empty, or only spaces and punctuation."""


class InputTooLongError(MarrowkbError, ValueError):
    """The text is longer than any name marrowkb knows (``length`` and ``limit`` in UTF-8 bytes)."""

    def __init__(
        self, message: str = "", *, query: Union[str, int, None] = None, length: int = 0, limit: int = 0
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
    disorders="The disorders it is linked to, in discriminant order.",
)
Hit = _record(
    "Hit",
    "A search() result.",
    disorder="The Disorder found.",
    kind='What matched: "name", "gene", "symptom" or "code".',
    matched="The text that matched.",
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
)
HpoResolution = _record(
    "HpoResolution",
    "What hpo_resolve() found: the current term, and whether the requested id was an old one.",
    term="The current Term.",
    requested='The id asked for, as a CURIE (e.g. "HP:0000004").',
    replaced='None when requested is the term\'s own id; "alt_id" or "obsolete" when it was replaced.',
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
        """The disorder with this exact stable key; :class:`UnknownKeyError` otherwise."""
        return _n.from_key("disorder", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> Disorder:
        """The disorder with this key or name (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("disorder", text)  # type: ignore[no-any-return]


class _Symptom(_KnowledgeEnum):
    from_hpo = staticmethod(_n.symptom_from_hpo)

    @staticmethod
    def from_key(key: str) -> Symptom:
        """The symptom with this exact stable key; :class:`UnknownKeyError` otherwise."""
        return _n.from_key("symptom", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> Symptom:
        """The symptom with this key, clinical or plain name (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("symptom", text)  # type: ignore[no-any-return]


class _Treatment(_KnowledgeEnum):
    @staticmethod
    def from_key(key: str) -> Treatment:
        """The treatment with this exact stable key; :class:`UnknownKeyError` otherwise."""
        return _n.from_key("treatment", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> Treatment:
        """The treatment with this key or name (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("treatment", text)  # type: ignore[no-any-return]


class _Cause(_KnowledgeEnum):
    @staticmethod
    def from_key(key: str) -> Cause:
        """The cause with this exact stable key; :class:`UnknownKeyError` otherwise."""
        return _n.from_key("cause", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> Cause:
        """The cause with this key or name (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("cause", text)  # type: ignore[no-any-return]


class _DiagnosticTest(_KnowledgeEnum):
    @staticmethod
    def from_key(key: str) -> DiagnosticTest:
        """The test with this exact stable key; :class:`UnknownKeyError` otherwise."""
        return _n.from_key("diagnostic_test", key)  # type: ignore[no-any-return]

    @staticmethod
    def find(text: str) -> DiagnosticTest:
        """The test with this key or name (normalized); :class:`UnknownKeyError` otherwise."""
        return _n.find("diagnostic_test", text)  # type: ignore[no-any-return]


class _Source(_KnowledgeEnum):
    @staticmethod
    def from_key(key: str) -> Source:
        """The source with this exact stable key; :class:`UnknownKeyError` otherwise."""
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
hpo_resolve = _n.hpo_resolve
hpo_terms = _n.hpo_terms
Term = _n.Term
lookup_many = _n.lookup_many
lookup_many_with_suggestions = _n.lookup_many_with_suggestions
to_json = _n.to_json


def to_dict() -> dict[str, Any]:
    """The whole knowledge base as plain JSON-ready dicts and lists: ``json.dumps(to_dict(), indent=2,
    ensure_ascii=False)`` is exactly the Rust export (``marrowkb list --json``)."""
    import json

    return json.loads(_n.to_json())  # type: ignore[no-any-return]
