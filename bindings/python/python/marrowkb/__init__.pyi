# Type stub of the `marrowkb` package. `python -m mypy.stubtest marrowkb` checks it against the runtime.
# The member lists of the enums are generated from the Rust core by `bindings/python/stubgen.py`
# (between the `<generated …>` markers; a test fails when they are stale). Edit everything else by hand.

import enum
import os
from typing import Any, ClassVar, Iterable, Iterator, Literal, Mapping, NamedTuple, Union, final, overload

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

__version__: str
DATA_VERSION: str
SCHEMA_VERSION: int
HPO_RELEASE: str

# --- Closed vocabularies: the keys each string field can take (mypy --strict rejects any other literal) ---

# <generated vocabularies>
_Origin = Literal["inherited", "acquired", "both", "constitutional"]
_CellLine = Literal["red_cells", "white_cells", "platelets"]
_Inheritance = Literal[
    "autosomal_recessive",
    "autosomal_dominant",
    "x_linked_recessive",
    "x_linked_dominant",
    "x_linked",
    "mitochondrial",
    "sporadic",
    "not_inherited",
]
_Onset = Literal["congenital", "neonatal", "infantile", "childhood", "juvenile", "adult"]
_Frequency = Literal["obligate", "very_frequent", "frequent", "occasional", "very_rare", "excluded"]
_TreatmentRole = Literal["supportive", "disease_modifying", "curative"]
_BodySystem = Literal[
    "blood",
    "immune",
    "skin",
    "hair_and_nails",
    "mouth_and_teeth",
    "digestive",
    "growth",
    "skeletal",
    "head_and_neck",
    "eye",
    "ear",
    "kidney_and_urinary",
    "heart",
    "nervous_system",
    "respiratory",
    "endocrine_and_metabolic",
    "genital",
    "general",
]
_XrefMatch = Literal["exact", "subtype", "closest"]
_IcdMatch = Literal["exact", "nearest_parent"]
_RelationKind = Literal["subtype_of", "may_progress_to", "associated_with"]
_Cytopenia = Literal["anemia", "neutropenia", "lymphopenia", "monocytopenia", "thrombocytopenia", "reticulocytopenia"]
_Presence = Literal["not_measured", "undetermined", "no_reference", "absent", "present"]
_Severity = Literal["mild", "moderate", "severe", "very_severe"]
_SeverityScale = Literal["who_2011", "neutropenia_bands"]
_RedCellSize = Literal["microcytic", "normocytic", "macrocytic"]
_Pattern = Literal["undetermined", "no_cytopenia", "single_lineage", "bicytopenia", "pancytopenia"]
_AplasticCriteria = Literal["camitta_bacigalupo", "bsh_2016_automated"]
_Criterion = Literal["unknown", "not_met", "met"]
_AplasticSeverity = Literal["not_assessed", "undetermined", "non_severe", "severe", "very_severe", "at_least_severe"]
_Sex = Literal["female", "male"]
_MatchKind = Literal["name", "synonym", "abbreviation", "orpha", "omim", "icd10", "icd10_parent", "gene"]
_ResolutionStatus = Literal["found", "missing", "unknown", "ambiguous", "too_long", "malformed"]
# </generated>
_Fit = Literal["undetermined", "no_overlap", "partial", "exact"]
_TermMatchKind = Literal["exact", "broader", "narrower", "related", "unexplained", "contradicted"]
_AbsenceKind = Literal["against", "consistent", "neutral"]
_InputStatus = Literal[
    "used", "replaced", "duplicate", "conflict", "not_phenotype", "obsolete", "unknown", "malformed", "implied"
]

# --- Exceptions ---

class MarrowkbError(Exception):
    query: str | int | float | None
    def __init__(self, message: str = "", *, query: str | int | float | None = None) -> None: ...

class UnknownNameError(MarrowkbError, LookupError):
    suggestions: tuple[Disorder, ...]
    def __init__(
        self, message: str = "", *, query: str | int | float | None = None, suggestions: tuple[Disorder, ...] = ()
    ) -> None: ...

class UnknownTermError(MarrowkbError, LookupError):
    suggestions: tuple[Term, ...]
    def __init__(
        self, message: str = "", *, query: str | int | float | None = None, suggestions: tuple[Term, ...] = ()
    ) -> None: ...

class AmbiguousTermError(MarrowkbError, LookupError):
    candidates: tuple[Term, ...]
    def __init__(
        self, message: str = "", *, query: str | int | float | None = None, candidates: tuple[Term, ...] = ()
    ) -> None: ...

class UnknownIdError(MarrowkbError, LookupError):
    kind: str
    def __init__(self, message: str = "", *, query: str | int | float | None = None, kind: str = "") -> None: ...

class AmbiguousError(MarrowkbError, LookupError):
    kind: str
    candidates: tuple[Disorder, ...]
    def __init__(
        self,
        message: str = "",
        *,
        query: str | int | float | None = None,
        kind: str = "",
        candidates: tuple[Disorder, ...] = (),
    ) -> None: ...

class ObsoleteIdError(UnknownIdError):
    id: int
    def __init__(self, message: str = "", *, query: str | int | float | None = None, kind: str = "", id: int = 0) -> None: ...

class UnknownKeyError(MarrowkbError, LookupError):
    entity: str
    def __init__(self, message: str = "", *, query: str | int | float | None = None, entity: str = "") -> None: ...

class MalformedIdError(MarrowkbError, ValueError):
    kind: str
    reason: str
    def __init__(
        self, message: str = "", *, query: str | int | float | None = None, kind: str = "", reason: str = ""
    ) -> None: ...

class InvalidArgumentError(MarrowkbError, ValueError):
    argument: str
    reason: str
    def __init__(
        self, message: str = "", *, query: str | int | float | None = None, argument: str = "", reason: str = ""
    ) -> None: ...

class InvalidPhenopacketError(InvalidArgumentError):
    source: str | None

class InvalidMeasurementError(InvalidArgumentError):
    """A blood count value that is NaN, infinite, negative or impossible (`argument`/`field`, `value`, `unit`)."""

    value: float
    unit: str
    def __init__(
        self,
        message: str = "",
        *,
        query: str | int | float | None = None,
        argument: str = "",
        reason: str = "",
        value: float = ...,
        unit: str = "",
    ) -> None: ...
    @property
    def field(self) -> str: ...

class EmptyInputError(MarrowkbError, ValueError): ...

class InputTooLongError(MarrowkbError, ValueError):
    length: int
    limit: int
    def __init__(
        self, message: str = "", *, query: str | int | float | None = None, length: int = 0, limit: int = 0
    ) -> None: ...

# --- Small records ---

class Xref(NamedTuple):
    id: str
    number: int
    name: str
    match: _XrefMatch
    note: str | None

class Icd10Xref(NamedTuple):
    code: str
    title: str
    match: _IcdMatch
    note: str | None

class Feature(NamedTuple):
    symptom: Symptom
    frequency: _Frequency
    source: Source
    hpo_frequency: _Frequency | None
    note: str | None

class TreatmentUse(NamedTuple):
    treatment: Treatment
    role: _TreatmentRole
    source: Source

class Relation(NamedTuple):
    kind: _RelationKind
    target: Disorder
    source: Source

class Risk(NamedTuple):
    name: str
    hpo: str | None
    source: Source

class GeneLink(NamedTuple):
    disorder: Disorder
    through: Disorder | None

class Gene(NamedTuple):
    symbol: str
    ncbi_gene_id: int
    disorders: tuple[Disorder, ...]
    links: tuple[GeneLink, ...]

_HitKind = Literal["name", "gene", "symptom", "code"]

class Hit(NamedTuple):
    disorder: Disorder
    kind: _HitKind
    matched: str
    through: Disorder | None

class CodeMatch(NamedTuple):
    disorder: Disorder
    match: _IcdMatch | _XrefMatch

class LookupResult(NamedTuple):
    disorder: Disorder | None
    suggestions: tuple[Disorder, ...]
    status: _ResolutionStatus

class Resolved(NamedTuple):
    input: object
    status: _ResolutionStatus
    disorder: Disorder | None
    match: _MatchKind | None
    parent_code: str | None
    groups: tuple[Disorder, ...]
    candidates: tuple[Disorder, ...]
    suggestions: tuple[Disorder, ...]
    error: str | None

RESOLUTION_COLUMNS: tuple[str, ...]

class Resolutions(list[Resolved]):
    def to_dict(self) -> dict[str, list[Any]]: ...
    def to_pandas(self) -> Any: ...
    def to_polars(self) -> Any: ...
    def summary(self) -> dict[str, int]: ...

class Synonym(NamedTuple):
    text: str
    scope: str
    type: str | None

class HpoResolution(NamedTuple):
    term: Term
    requested: str
    replaced: str | None

class Ranked(NamedTuple):
    rank: int
    disorder: Disorder
    score: float
    posterior: float
    phenotype: float
    absent: float
    hallmarks: float
    subtypes: float
    subtype: str | None
    onset: float
    sex: float
    evidence: float
    matches: tuple[TermMatch, ...]
    absences: tuple[AbsenceMatch, ...]
    missing: tuple[MissingHallmark, ...]

class TermMatch(NamedTuple):
    term: Term
    kind: _TermMatchKind
    feature: Term | None
    via: Term | None
    frequency: float
    likelihood_ratio: float
    log10_lr: float

class AbsenceMatch(NamedTuple):
    term: Term
    kind: _AbsenceKind
    feature: Term | None
    frequency: float
    likelihood_ratio: float
    log10_lr: float

class MissingHallmark(NamedTuple):
    feature: Term
    frequency: float
    likelihood_ratio: float
    log10_lr: float

class InputReport(NamedTuple):
    excluded: bool
    position: int
    requested: str | None
    term: Term | None
    status: _InputStatus
    error: str | None
    given: object

class Reading(NamedTuple):
    cytopenia: _Cytopenia
    value: float | None
    presence: _Presence
    lower_limit: float | None
    reference: str | None
    severity: _Severity | None
    severity_scale: _SeverityScale | None
    ctcae: int | None

class RedCellSizeReading(NamedTuple):
    mcv: float | None
    size: _RedCellSize | None
    lower_limit: float | None
    upper_limit: float | None

class AplasticAssessment(NamedTuple):
    criteria: _AplasticCriteria
    severity: _AplasticSeverity
    marrow: _Criterion
    neutrophils: _Criterion
    platelets: _Criterion
    reticulocytes: _Criterion
    reticulocytes_below: float
    counts_met: int
    counts: _Criterion
    very_severe_neutrophils: _Criterion
    corrected_reticulocyte_percent: float | None
    corrected_reticulocytes: _Criterion

class DisorderFit(NamedTuple):
    disorder: Disorder
    affected: tuple[_CellLine, ...]
    matched: tuple[_CellLine, ...]
    missed: tuple[_CellLine, ...]
    unexpected: tuple[_CellLine, ...]
    unknown: tuple[_CellLine, ...]
    score: float | None
    fit: _Fit

# --- HPO terms ---

@final
class Term:
    """A current term of the compiled-in HPO release; `Term("HP:0001873")`, `Term(1873)`."""

    ROOT: ClassVar[Term]
    PHENOTYPIC_ABNORMALITY: ClassVar[Term]
    def __new__(cls, id: int | str | Term) -> Term: ...
    @property
    def id(self) -> str: ...
    @property
    def number(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def parents(self) -> tuple[Term, ...]: ...
    @property
    def ancestors(self) -> tuple[Term, ...]: ...
    @property
    def is_phenotypic_abnormality(self) -> bool: ...
    @property
    def disease_count(self) -> int: ...
    @property
    def disease_fraction(self) -> float: ...
    @property
    def information_content(self) -> float: ...
    @property
    def synonyms(self) -> tuple[Synonym, ...]: ...
    @property
    def lay_names(self) -> tuple[str, ...]: ...
    @property
    def lay_name(self) -> str | None: ...
    def is_a(self, other: int | str | Term) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __lt__(self, value: Term, /) -> bool: ...
    def __le__(self, value: Term, /) -> bool: ...
    def __gt__(self, value: Term, /) -> bool: ...
    def __ge__(self, value: Term, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Term], tuple[int]]: ...

# --- Differential diagnosis ---

_Finding = Union[str, int, Term, Symptom]

@final
class Differential:
    """The result of `differential()`: every disorder ranked best first, with its explanation."""

    @property
    def ranking(self) -> tuple[Ranked, ...]: ...
    @property
    def observed(self) -> tuple[Term, ...]: ...
    @property
    def excluded(self) -> tuple[Term, ...]: ...
    @property
    def inputs(self) -> tuple[InputReport, ...]: ...
    @property
    def rejected(self) -> tuple[InputReport, ...]: ...
    @property
    def onset(self) -> _Onset | None: ...
    @property
    def sex(self) -> _Sex | None: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Ranked]: ...
    @overload
    def __getitem__(self, key: int, /) -> Ranked: ...
    @overload
    def __getitem__(self, key: slice, /) -> tuple[Ranked, ...]: ...
    @overload
    def __getitem__(self, key: Disorder, /) -> Ranked: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def differential(
    observed: Iterable[_Finding],
    excluded: Iterable[_Finding] = (),
    *,
    blood_count: BloodCount | BloodCountInterpretation | None = None,
    age_of_onset: float | None = None,
    onset: str | None = None,
    sex: str | None = None,
    evidence: Mapping[Disorder, float] | None = None,
    strict: bool = False,
) -> Differential: ...

def differential_from_phenopacket(
    phenopacket: str | os.PathLike[str] | Mapping[str, Any],
    *,
    genes: bool = False,
    strict: bool = False,
) -> Differential: ...
def gene_likelihood_ratios(symbol: str) -> dict[Disorder, float]: ...

# --- Blood count ---

@final
class BloodCount:
    """A complete blood count, validated by the core, in canonical units (g/dL, 10^9/L, fL, %, 10^12/L, years)."""

    def __new__(
        cls,
        *,
        hemoglobin: float | None = None,
        hemoglobin_unit: str = "g/dL",
        mcv: float | None = None,
        neutrophils: float | None = None,
        lymphocytes: float | None = None,
        monocytes: float | None = None,
        platelets: float | None = None,
        count_unit: str = "10^9/L",
        reticulocytes: float | None = None,
        reticulocyte_percent: float | None = None,
        red_cell_count: float | None = None,
        cellularity: float | None = None,
        residual_hematopoietic_cells: float | None = None,
        age: float | None = None,
        age_unit: str = "years",
        sex: str | None = None,
        pregnant: bool = False,
        neutrophils_unit: str | None = None,
        lymphocytes_unit: str | None = None,
        monocytes_unit: str | None = None,
        platelets_unit: str | None = None,
        reticulocytes_unit: str | None = None,
        red_cell_count_unit: str = "10^12/L",
        hematocrit: float | None = None,
    ) -> BloodCount: ...
    @property
    def hemoglobin(self) -> float | None: ...
    @property
    def mcv(self) -> float | None: ...
    @property
    def neutrophils(self) -> float | None: ...
    @property
    def lymphocytes(self) -> float | None: ...
    @property
    def monocytes(self) -> float | None: ...
    @property
    def platelets(self) -> float | None: ...
    @property
    def reticulocytes(self) -> float | None: ...
    @property
    def reticulocyte_percent(self) -> float | None: ...
    @property
    def red_cell_count(self) -> float | None: ...
    @property
    def hematocrit(self) -> float | None: ...
    @property
    def corrected_reticulocyte_percent(self) -> float | None: ...
    @property
    def cellularity(self) -> float | None: ...
    @property
    def residual_hematopoietic_cells(self) -> float | None: ...
    @property
    def age(self) -> float | None: ...
    @property
    def sex(self) -> _Sex | None: ...
    @property
    def pregnant(self) -> bool: ...
    def interpret(self, *, aplastic_criteria: str = "camitta_bacigalupo") -> BloodCountInterpretation: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...

@final
class BloodCountInterpretation:
    """What `BloodCount.interpret()` / `interpret_blood_count()` found."""

    @property
    def count(self) -> BloodCount: ...
    @property
    def aplastic_criteria(self) -> _AplasticCriteria: ...
    @property
    def anemia(self) -> Reading: ...
    @property
    def neutropenia(self) -> Reading: ...
    @property
    def lymphopenia(self) -> Reading: ...
    @property
    def monocytopenia(self) -> Reading: ...
    @property
    def thrombocytopenia(self) -> Reading: ...
    @property
    def reticulocytopenia(self) -> Reading: ...
    @property
    def readings(self) -> tuple[Reading, ...]: ...
    @property
    def present(self) -> tuple[Reading, ...]: ...
    @property
    def red_cell_size(self) -> RedCellSizeReading: ...
    @property
    def pattern(self) -> _Pattern: ...
    @property
    def decreased_lines(self) -> tuple[_CellLine, ...]: ...
    @property
    def unknown_lines(self) -> tuple[_CellLine, ...]: ...
    @property
    def aplastic_anemia(self) -> AplasticAssessment: ...
    @property
    def disorder_fit(self) -> tuple[DisorderFit, ...]: ...
    @property
    def disorder_fits(self) -> tuple[DisorderFit, ...]: ...
    @property
    def ranked_fits(self) -> tuple[DisorderFit, ...]: ...
    @property
    def likelihood_ratios(self) -> dict[Disorder, float]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def interpret_blood_count(
    count: BloodCount | Mapping[str, Any], *, aplastic_criteria: str = "camitta_bacigalupo"
) -> BloodCountInterpretation: ...

# --- Enums ---

class Disorder(enum.Enum):
    """A bone marrow failure disorder."""

    # <generated members of Disorder>
    APLASTIC_ANEMIA = 1
    BARTH_SYNDROME = 2
    CONGENITAL_AMEGAKARYOCYTIC_THROMBOCYTOPENIA = 3
    CONGENITAL_DYSERYTHROPOIETIC_ANEMIA = 4
    CYCLIC_NEUTROPENIA = 5
    DIAMOND_BLACKFAN_ANEMIA = 6
    DUBOWITZ_SYNDROME = 7
    DYSKERATOSIS_CONGENITA = 8
    FANCONI_ANEMIA = 9
    GATA2_DEFICIENCY = 10
    KOSTMANN_SYNDROME = 11
    MYELODYSPLASTIC_SYNDROME = 12
    PEARSON_SYNDROME = 13
    REFRACTORY_CYTOPENIA_OF_CHILDHOOD = 14
    RETICULAR_DYSGENESIS = 15
    SEVERE_CONGENITAL_NEUTROPENIA = 16
    SHWACHMAN_DIAMOND_SYNDROME = 17
    SIDEROBLASTIC_ANEMIA = 18
    INHERITED_THROMBOCYTOPENIA = 19
    THROMBOCYTOPENIA_ABSENT_RADIUS = 20
    # </generated>

    def __int__(self) -> int: ...
    def __lt__(self, other: object) -> bool: ...
    def __le__(self, other: object) -> bool: ...
    def __gt__(self, other: object) -> bool: ...
    def __ge__(self, other: object) -> bool: ...
    def __format__(self, format_spec: str) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def lookup(text: str) -> Disorder: ...
    @staticmethod
    def from_key(key: str) -> Disorder: ...
    @staticmethod
    def find(text: str) -> Disorder: ...
    @staticmethod
    def from_orpha(id: int | str) -> Disorder: ...
    @staticmethod
    def from_omim(id: int | str) -> Disorder: ...
    @staticmethod
    def from_icd10(code: str) -> tuple[CodeMatch, ...]: ...
    @staticmethod
    def all_for_orpha(id: int | str) -> tuple[CodeMatch, ...]: ...
    @staticmethod
    def all_for_omim(id: int | str) -> tuple[CodeMatch, ...]: ...

    @property
    def id(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def synonyms(self) -> tuple[str, ...]: ...
    @property
    def abbreviations(self) -> tuple[str, ...]: ...
    @property
    def description(self) -> str: ...
    @property
    def summary(self) -> str | None: ...
    @property
    def origin(self) -> _Origin: ...
    @property
    def neoplasm(self) -> bool: ...
    @property
    def cell_lines(self) -> tuple[_CellLine, ...]: ...
    @property
    def inheritance(self) -> tuple[_Inheritance, ...]: ...
    @property
    def onset(self) -> tuple[_Onset, ...]: ...
    @property
    def relations(self) -> tuple[Relation, ...]: ...
    @property
    def orpha(self) -> tuple[Xref, ...]: ...
    @property
    def omim(self) -> tuple[Xref, ...]: ...
    @property
    def icd10(self) -> tuple[Icd10Xref, ...]: ...
    @property
    def genes(self) -> tuple[str, ...]: ...
    @property
    def features(self) -> tuple[Feature, ...]: ...
    @property
    def treatments(self) -> tuple[TreatmentUse, ...]: ...
    @property
    def tests(self) -> tuple[DiagnosticTest, ...]: ...
    @property
    def causes(self) -> tuple[Cause, ...]: ...
    @property
    def risks(self) -> tuple[Risk, ...]: ...
    @property
    def sources(self) -> tuple[Source, ...]: ...

class Symptom(enum.Enum):
    """A symptom or clinical feature."""

    # <generated members of Symptom>
    EPISTAXIS = 1
    GINGIVAL_BLEEDING = 2
    BRUISING_SUSCEPTIBILITY = 3
    PETECHIAE = 4
    ABNORMAL_BLEEDING = 5
    FEVER = 6
    FATIGUE = 7
    DYSPNEA = 8
    RECURRENT_INFECTIONS = 9
    CARIOUS_TEETH = 10
    PREMATURE_LOSS_OF_TEETH = 11
    ORAL_ULCER = 12
    NAIL_DYSTROPHY = 13
    MICROCEPHALY = 14
    GROWTH_DELAY = 15
    SHORT_STATURE = 16
    DIGESTIVE_PROBLEMS = 17
    ABNORMAL_BOWEL_MOVEMENTS = 18
    PREMATURE_GRAYING_OF_HAIR = 19
    ALOPECIA = 20
    PALLOR = 21
    HYPERMELANOTIC_MACULE = 22
    ANEMIA = 23
    MACROCYTIC_ANEMIA = 24
    INCREASED_MEAN_CORPUSCULAR_VOLUME = 25
    HYPOCHROMIC_MICROCYTIC_ANEMIA = 26
    RETICULOCYTOPENIA = 27
    PURE_RED_CELL_APLASIA = 28
    ERYTHROID_HYPOPLASIA = 29
    PERSISTENCE_OF_HEMOGLOBIN_F = 30
    ELEVATED_RED_CELL_ADENOSINE_DEAMINASE = 31
    ERYTHROID_DYSPLASIA = 32
    MULTINUCLEATED_ERYTHROBLASTS = 33
    POIKILOCYTOSIS = 34
    ANISOCYTOSIS = 35
    RINGED_SIDEROBLASTS = 36
    SIDEROBLASTIC_ANEMIA = 37
    NEUTROPENIA = 38
    CYCLIC_NEUTROPENIA = 39
    AGRANULOCYTOSIS = 40
    MYELOID_MATURATION_ARREST = 41
    LEUKOPENIA = 42
    LYMPHOPENIA = 43
    B_LYMPHOCYTOPENIA = 44
    REDUCED_NATURAL_KILLER_CELL_COUNT = 45
    MONOCYTOPENIA = 46
    THROMBOCYTOPENIA = 47
    MACROTHROMBOCYTOPENIA = 48
    ABNORMAL_PLATELET_FUNCTION = 49
    MEGAKARYOCYTOPENIA = 50
    PANCYTOPENIA = 51
    BONE_MARROW_HYPOCELLULARITY = 52
    MYELODYSPLASIA = 53
    ACUTE_MYELOID_LEUKEMIA = 54
    CHROMOSOME_BREAKAGE = 55
    IRON_OVERLOAD = 56
    JAUNDICE = 57
    HYPERBILIRUBINEMIA = 58
    CHOLELITHIASIS = 59
    SPLENOMEGALY = 60
    HEPATOMEGALY = 61
    HEPATOSPLENOMEGALY = 62
    INTRACRANIAL_HEMORRHAGE = 63
    RETINAL_HEMORRHAGE = 64
    ABSENT_RADIUS = 65
    RADIUS_APLASIA_HYPOPLASIA = 66
    RADIAL_RAY_ANOMALY = 67
    ABNORMAL_THUMB_MORPHOLOGY = 68
    ABSENT_THUMB = 69
    THUMB_HYPOPLASIA = 70
    TRIPHALANGEAL_THUMB = 71
    SYNDACTYLY = 72
    SKELETAL_ANOMALIES = 73
    METAPHYSEAL_DYSPLASIA = 74
    NARROW_CHEST = 75
    OSTEOPOROSIS = 76
    AVASCULAR_NECROSIS = 77
    SKELETAL_MYOPATHY = 78
    KIDNEY_ANOMALIES = 79
    RENAL_AGENESIS = 80
    HORSESHOE_KIDNEY = 81
    RENAL_FANCONI_SYNDROME = 82
    HYPOSPADIAS = 83
    CRYPTORCHIDISM = 84
    HYPOGONADISM = 85
    DECREASED_FERTILITY = 86
    DIABETES_MELLITUS = 87
    MICROPHTHALMIA = 88
    CATARACT = 89
    EXUDATIVE_RETINOPATHY = 90
    LACRIMAL_DUCT_STENOSIS = 91
    BLEPHAROPHIMOSIS = 92
    PTOSIS = 93
    TELECANTHUS = 94
    HYPERTELORISM = 95
    MICROGNATHIA = 96
    CLEFT_PALATE = 97
    CLEFT_LIP = 98
    ABNORMALLY_HIGH_PITCHED_VOICE = 99
    SENSORINEURAL_HEARING_IMPAIRMENT = 100
    SPARSE_SCALP_HAIR = 101
    ORAL_LEUKOPLAKIA = 102
    GINGIVITIS = 103
    PERIODONTITIS = 104
    CAFE_AU_LAIT_SPOT = 105
    SKIN_PIGMENTATION_ABNORMALITY = 106
    IRREGULAR_HYPERPIGMENTATION = 107
    RETICULAR_HYPERPIGMENTATION = 108
    HYPOPIGMENTED_SKIN_PATCHES = 109
    ECZEMA = 110
    VERRUCAE = 111
    LYMPHEDEMA = 112
    RECURRENT_BACTERIAL_INFECTIONS = 113
    RECURRENT_SKIN_INFECTIONS = 114
    RECURRENT_VIRAL_INFECTIONS = 115
    RECURRENT_FUNGAL_INFECTIONS = 116
    RECURRENT_MYCOBACTERIAL_INFECTIONS = 117
    RECURRENT_FEVER = 118
    SINUSITIS = 119
    LYMPHADENOPATHY = 120
    IMMUNODEFICIENCY = 121
    SEVERE_COMBINED_IMMUNODEFICIENCY = 122
    CONGENITAL_HEART_DEFECT = 123
    DILATED_CARDIOMYOPATHY = 124
    LEFT_VENTRICULAR_NONCOMPACTION = 125
    ENDOCARDIAL_FIBROELASTOSIS = 126
    ARRHYTHMIA = 127
    METHYLGLUTACONIC_ACIDURIA = 128
    LACTIC_ACIDOSIS = 129
    HYPOGLYCEMIA = 130
    EXERCISE_INTOLERANCE = 131
    EXOCRINE_PANCREATIC_INSUFFICIENCY = 132
    STEATORRHEA = 133
    MALABSORPTION = 134
    ESOPHAGEAL_STENOSIS = 135
    LIVER_FIBROSIS = 136
    FAILURE_TO_THRIVE = 137
    INTRAUTERINE_GROWTH_RETARDATION = 138
    SMALL_FOR_GESTATIONAL_AGE = 139
    INTELLECTUAL_DISABILITY = 140
    GLOBAL_DEVELOPMENTAL_DELAY = 141
    CEREBELLAR_HYPOPLASIA = 142
    PULMONARY_FIBROSIS = 143
    PULMONARY_ALVEOLAR_PROTEINOSIS = 144
    SEIZURE = 145
    MARROW_PRECURSOR_VACUOLIZATION = 146
    INCREASED_CIRCULATING_LACTATE = 147
    COW_MILK_ALLERGY = 148
    # </generated>

    def __int__(self) -> int: ...
    def __lt__(self, other: object) -> bool: ...
    def __le__(self, other: object) -> bool: ...
    def __gt__(self, other: object) -> bool: ...
    def __ge__(self, other: object) -> bool: ...
    def __format__(self, format_spec: str) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_hpo(id: int | str) -> Symptom: ...
    @staticmethod
    def from_key(key: str) -> Symptom: ...
    @staticmethod
    def find(text: str) -> Symptom: ...

    @property
    def id(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def plain(self) -> str: ...
    @property
    def hpo(self) -> tuple[str, ...]: ...
    @property
    def system(self) -> _BodySystem: ...
    @property
    def article(self) -> str | None: ...
    @property
    def disorders(self) -> tuple[Disorder, ...]: ...

class Treatment(enum.Enum):
    """A treatment."""

    # <generated members of Treatment>
    BLOOD_TRANSFUSION = 1
    GROWTH_FACTORS = 2
    IMMUNOSUPPRESSIVE_THERAPY = 3
    BONE_MARROW_TRANSPLANT = 4
    PERIPHERAL_BLOOD_STEM_CELL_TRANSPLANT = 5
    CORTICOSTEROIDS = 6
    G_CSF = 7
    THROMBOPOIETIN_RECEPTOR_AGONIST = 8
    ANDROGENS = 9
    IRON_CHELATION = 10
    PANCREATIC_ENZYME_REPLACEMENT = 11
    FAT_SOLUBLE_VITAMIN_SUPPLEMENTATION = 12
    PYRIDOXINE = 13
    HYPOMETHYLATING_AGENTS = 14
    LENALIDOMIDE = 15
    ERYTHROPOIESIS_STIMULATING_AGENTS = 16
    ANTIMICROBIAL_PROPHYLAXIS = 17
    HEART_FAILURE_THERAPY = 18
    INTERFERON_ALPHA = 19
    SPLENECTOMY = 20
    # </generated>

    def __int__(self) -> int: ...
    def __lt__(self, other: object) -> bool: ...
    def __le__(self, other: object) -> bool: ...
    def __gt__(self, other: object) -> bool: ...
    def __ge__(self, other: object) -> bool: ...
    def __format__(self, format_spec: str) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_key(key: str) -> Treatment: ...
    @staticmethod
    def find(text: str) -> Treatment: ...

    @property
    def id(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def article(self) -> bool: ...
    @property
    def source(self) -> Source: ...
    @property
    def disorders(self) -> tuple[Disorder, ...]: ...

class Cause(enum.Enum):
    """A cause of bone marrow failure."""

    # <generated members of Cause>
    INHERITED_GENE_DEFECT = 1
    APLASTIC_ANEMIA = 2
    BENZENE_EXPOSURE = 3
    CHEMOTHERAPY_OR_RADIOTHERAPY = 4
    INFECTIONS = 5
    MEDICATIONS = 6
    IMMUNE_DYSFUNCTION = 7
    NEW_GENETIC_CHANGE = 8
    # </generated>

    def __int__(self) -> int: ...
    def __lt__(self, other: object) -> bool: ...
    def __le__(self, other: object) -> bool: ...
    def __gt__(self, other: object) -> bool: ...
    def __ge__(self, other: object) -> bool: ...
    def __format__(self, format_spec: str) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_key(key: str) -> Cause: ...
    @staticmethod
    def find(text: str) -> Cause: ...

    @property
    def id(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def source(self) -> Source: ...
    @property
    def disorders(self) -> tuple[Disorder, ...]: ...

class DiagnosticTest(enum.Enum):
    """A diagnostic test."""

    # <generated members of DiagnosticTest>
    MEDICAL_HISTORY = 1
    COMPLETE_BLOOD_COUNT = 2
    GENETIC_TESTING = 3
    BONE_MARROW_BIOPSY = 4
    CHROMOSOME_BREAKAGE_TEST = 5
    TELOMERE_LENGTH_FLOW_FISH = 6
    ERYTHROCYTE_ADENOSINE_DEAMINASE = 7
    PANCREATIC_FUNCTION_TESTS = 8
    SERIAL_NEUTROPHIL_COUNTS = 9
    BONE_MARROW_CYTOGENETICS = 10
    BONE_MARROW_IRON_STAIN = 11
    MITOCHONDRIAL_DNA_DELETION_TESTING = 12
    URINE_ORGANIC_ACIDS = 13
    CARDIOLIPIN_ANALYSIS = 14
    ECHOCARDIOGRAPHY = 15
    LYMPHOCYTE_SUBSET_FLOW_CYTOMETRY = 16
    PNH_FLOW_CYTOMETRY = 17
    PERIPHERAL_BLOOD_SMEAR = 18
    RETICULOCYTE_COUNT = 19
    IRON_STUDIES = 20
    BONE_MARROW_ELECTRON_MICROSCOPY = 21
    SKELETAL_RADIOGRAPHS = 22
    HLA_TYPING = 23
    HEARING_TEST = 24
    PULMONARY_FUNCTION_TESTS = 25
    # </generated>

    def __int__(self) -> int: ...
    def __lt__(self, other: object) -> bool: ...
    def __le__(self, other: object) -> bool: ...
    def __gt__(self, other: object) -> bool: ...
    def __ge__(self, other: object) -> bool: ...
    def __format__(self, format_spec: str) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_key(key: str) -> DiagnosticTest: ...
    @staticmethod
    def find(text: str) -> DiagnosticTest: ...

    @property
    def id(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def article(self) -> bool: ...
    @property
    def source(self) -> Source: ...
    @property
    def disorders(self) -> tuple[Disorder, ...]: ...

class Source(enum.Enum):
    """A cited source."""

    # <generated members of Source>
    ARTICLE = 1
    HPO_2025_01_16 = 2
    ORPHANET = 3
    OMIM = 4
    ICD10_WHO_2019 = 5
    GENEREVIEWS_FANCONI_ANEMIA = 6
    GENEREVIEWS_DIAMOND_BLACKFAN_ANEMIA = 7
    GENEREVIEWS_DYSKERATOSIS_CONGENITA = 8
    GENEREVIEWS_BARTH_SYNDROME = 9
    GENEREVIEWS_SHWACHMAN_DIAMOND_SYNDROME = 10
    GENEREVIEWS_ELANE_RELATED_NEUTROPENIA = 11
    GENEREVIEWS_THROMBOCYTOPENIA_ABSENT_RADIUS = 12
    GENEREVIEWS_MTDNA_DELETION_SYNDROMES = 13
    BSH_APLASTIC_ANAEMIA_2016 = 14
    WHO_HAEM_2022 = 15
    DBA_CONSENSUS_2008 = 16
    DBA_CONSENSUS_2024 = 17
    FARF_GUIDELINES_2020 = 18
    TOWNSLEY_2017_ELTROMBOPAG = 19
    TOWNSLEY_2016_DANAZOL = 20
    SPINNER_2014_GATA2 = 21
    IOLASCON_2013_CDA = 22
    ESMO_MDS_2021 = 23
    KING_2005_CAMT = 24
    TSUKAHARA_1996_DUBOWITZ = 25
    STEWARD_2019_BARTH_NEUTROPENIA = 26
    HEIMPEL_2003_CDA_II = 27
    MIANO_2019_CDA_HSCT = 28
    DICKINSON_2014_GATA2 = 29
    DONADIEU_2011_CONGENITAL_NEUTROPENIA = 30
    HOENIG_2017_RETICULAR_DYSGENESIS = 31
    DUCAMP_FLEMING_2019_SIDEROBLASTIC_ANEMIA = 32
    CAZZOLA_MALCOVATI_2015_SIDEROBLASTIC_ANEMIAS = 33
    NORIS_PECCI_2017_INHERITED_THROMBOCYTOPENIAS = 34
    WHO_HAEM_2017 = 35
    KARDOS_2003_CHILDHOOD_REFRACTORY_ANEMIA = 36
    YOSHIMI_2007_HYPOPLASTIC_RCC_IST = 37
    LIPTON_MEDSCAPE_FANCONI_ANEMIA = 38
    MAKITIE_2004_SDS_SKELETAL = 39
    THOMPSON_2022_SDS_COHORT = 40
    AL_AMERI_2011_MDS_THROMBOCYTOPENIA = 41
    ROY_BABBS_2019_CDA_TYPE_1 = 42
    # </generated>

    def __int__(self) -> int: ...
    def __lt__(self, other: object) -> bool: ...
    def __le__(self, other: object) -> bool: ...
    def __gt__(self, other: object) -> bool: ...
    def __ge__(self, other: object) -> bool: ...
    def __format__(self, format_spec: str) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @staticmethod
    def from_key(key: str) -> Source: ...
    @staticmethod
    def find(text: str) -> Source: ...

    @property
    def id(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def publisher(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def licence(self) -> str | None: ...

# --- Functions ---

def lookup(text: str) -> Disorder: ...
def lookup_exact(text: str) -> Disorder | None: ...
def suggest(text: str) -> tuple[Disorder, ...]: ...
def resolve(text: str) -> Disorder: ...
def search(text: str) -> tuple[Hit, ...]: ...
def disorders_for_gene(symbol: str) -> tuple[Disorder, ...]: ...
def gene_info(gene: str | int) -> Gene: ...
def genes() -> tuple[Gene, ...]: ...
def lookup_many(names: Iterable[object]) -> list[Disorder | None]: ...
def lookup_many_with_suggestions(names: Iterable[object]) -> list[LookupResult]: ...
def resolve_many(items: Iterable[object], suggestions: bool = False) -> Resolutions: ...
def resolve_detailed(text: str) -> Resolved: ...
def hpo_term(id: int | str | Term) -> Term: ...
def hpo_resolve(id: int | str) -> HpoResolution: ...
def term(text: int | str | Term) -> Term: ...
def hpo_terms() -> tuple[Term, ...]: ...
def to_json() -> str: ...
def to_dict() -> dict[str, Any]: ...
