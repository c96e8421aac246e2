//! The 20 bone marrow failure disorders and everything known about each.
//!
//! The enum [`Disorder`] and the records are generated from `crates/marrowkb/data/disorders/*.toml`
//! (see `crates/marrowkb/data/README.md`); this module holds the record types and the look-ups.
//!
//! ```
//! use marrowkb::{Disorder, classes::CellLine};
//! let dba = Disorder::DiamondBlackfanAnemia.info();
//! assert_eq!(dba.orpha[0].id.to_string(), "ORPHA:124");
//! assert!(dba.cell_lines.contains(&CellLine::RedCells));
//! assert!(dba.genes.iter().any(|g| g.symbol() == "RPS19"));
//! ```

use crate::classes::{
    CellLine, Frequency, IcdMatch, Inheritance, Onset, Origin, RelationKind, TreatmentRole, XrefMatch,
};
use crate::codes::{HpoId, Icd10Code, IdKind, OmimId, OrphaId};
use crate::generated::{OMIM_INDEX, ORPHA_INDEX};
use crate::{Cause, DiagnosticTest, Error, Gene, Result, Source, Symptom, Treatment};

pub use crate::generated::Disorder;

/// A cross-reference to an ORPHA or OMIM entry, with HPO's name for it.
///
/// ```
/// use marrowkb::{Disorder, classes::XrefMatch};
/// let xref = &Disorder::FanconiAnemia.info().orpha[0];
/// assert_eq!((xref.id.get(), xref.name, xref.match_kind), (84, "Fanconi anemia", XrefMatch::Exact));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Xref<I: 'static> {
    /// The identifier (`ORPHA:84`, `OMIM:227650`).
    pub id: I,
    /// The entry's name as HPO release 2025-01-16 gives it.
    pub name: &'static str,
    /// Whether the entry is this disorder, one form of it, or only the closest entry.
    #[cfg_attr(feature = "serde", serde(rename = "match"))]
    pub match_kind: XrefMatch,
    /// Why the entry is only the closest, or why names differ.
    pub note: Option<&'static str>,
}

/// A WHO ICD-10 2019 code for a disorder.
///
/// ```
/// use marrowkb::{Disorder, classes::IcdMatch};
/// let icd = &Disorder::CongenitalDyserythropoieticAnemia.info().icd10[0];
/// assert_eq!((icd.code.as_str(), icd.match_kind), ("D64.4", IcdMatch::Exact));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Icd10Xref {
    /// The code, e.g. `D61.0`.
    pub code: Icd10Code,
    /// Its WHO title.
    pub title: &'static str,
    /// Exact, or the nearest parent category.
    #[cfg_attr(feature = "serde", serde(rename = "match"))]
    pub match_kind: IcdMatch,
    /// Why this code was chosen, where it needs saying.
    pub note: Option<&'static str>,
}

impl Icd10Xref {
    /// The code as a `'static` string.
    ///
    /// ```
    /// use marrowkb::Disorder;
    /// assert_eq!(Disorder::CongenitalDyserythropoieticAnemia.info().icd10[0].code_str(), "D64.4");
    /// ```
    pub fn code_str(&'static self) -> &'static str {
        self.code.as_str()
    }
}

/// A clinical feature of a disorder with how often it occurs.
///
/// ```
/// use marrowkb::{Disorder, Symptom, classes::Frequency};
/// let tar = Disorder::ThrombocytopeniaAbsentRadius.info();
/// let absent_radius = tar.features.iter().find(|f| f.symptom == Symptom::AbsentRadius).unwrap();
/// assert_eq!(absent_radius.frequency, Frequency::Obligate);
/// // HPO gives "very frequent": the curated class overrides it, and both are kept.
/// assert_eq!(absent_radius.hpo_frequency, Some(Frequency::VeryFrequent));
/// assert!(absent_radius.note.unwrap().contains("diagnostic criterion"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Feature {
    /// The feature.
    pub symptom: Symptom,
    /// HPO frequency class (the curated one where it overrides HPO's).
    pub frequency: Frequency,
    /// Where the frequency comes from.
    pub source: Source,
    /// When `frequency` overrides HPO 2025-01-16: the class HPO gives (on the disorder's exact ORPHA/OMIM
    /// entries), kept so both are visible. `None` when the frequency is HPO's or HPO has none.
    pub hpo_frequency: Option<Frequency>,
    /// Why the frequency was chosen (the cited figure for an override), or `None`.
    pub note: Option<&'static str>,
}

/// A treatment used for a disorder and what it does there.
///
/// ```
/// use marrowkb::{Disorder, Treatment, classes::TreatmentRole};
/// let fa = Disorder::FanconiAnemia.info();
/// assert!(fa.treatments.iter().any(|t| t.treatment == Treatment::BoneMarrowTransplant && t.role == TreatmentRole::Curative));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TreatmentUse {
    /// The treatment.
    pub treatment: Treatment,
    /// Supportive, disease-modifying or curative for this disorder.
    pub role: TreatmentRole,
    /// Where this comes from.
    pub source: Source,
}

/// A relation from one disorder to another.
///
/// ```
/// use marrowkb::{Disorder, classes::RelationKind};
/// let rel = Disorder::KostmannSyndrome.info().relations.iter()
///     .find(|r| r.kind == RelationKind::SubtypeOf).unwrap();
/// assert_eq!(rel.target, Disorder::SevereCongenitalNeutropenia);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Relation {
    /// How the disorders relate.
    pub kind: RelationKind,
    /// The other disorder.
    pub target: Disorder,
    /// Where this comes from.
    pub source: Source,
}

/// A long-term risk (cancer or other) of a disorder.
///
/// ```
/// use marrowkb::Disorder;
/// let risks = Disorder::FanconiAnemia.info().risks;
/// assert!(risks.iter().any(|r| r.name.contains("leukemia")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Risk {
    /// The condition at risk.
    pub name: &'static str,
    /// Its HPO term, where one fits.
    pub hpo: Option<HpoId>,
    /// Where this comes from.
    pub source: Source,
}

/// Everything marrowkb knows about one disorder. All data is `'static`.
///
/// ```
/// use marrowkb::{Disorder, classes::Origin};
/// let info = Disorder::AplasticAnemia.info();
/// assert_eq!(info.key, "aplastic_anemia");
/// assert!(matches!(info.origin, Origin::Acquired | Origin::Both));
/// assert!(!info.description.is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DisorderInfo {
    /// The enum value.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub disorder: Disorder,
    /// Stable discriminant.
    pub id: u32,
    /// Stable snake_case key.
    pub key: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Other names people write.
    pub synonyms: &'static [&'static str],
    /// Abbreviations (FA, DBA…).
    pub abbreviations: &'static [&'static str],
    /// The patient-education article's description, unchanged.
    pub description: &'static str,
    /// A further plain-language summary, where the article says too little.
    pub summary: Option<&'static str>,
    /// Inherited, acquired, both, or constitutional (genetic, not inherited).
    pub origin: Origin,
    /// Whether it is a neoplasm (myelodysplastic syndrome and its childhood form).
    pub neoplasm: bool,
    /// Affected blood cell lines.
    pub cell_lines: &'static [CellLine],
    /// Modes of inheritance.
    pub inheritance: &'static [Inheritance],
    /// Typical ages of onset.
    pub onset: &'static [Onset],
    /// Relations to other disorders.
    pub relations: &'static [Relation],
    /// Orphanet entries.
    pub orpha: &'static [Xref<OrphaId>],
    /// OMIM entries (every subtype of heterogeneous disorders).
    pub omim: &'static [Xref<OmimId>],
    /// WHO ICD-10 2019 codes.
    pub icd10: &'static [Icd10Xref],
    /// Causal genes: every gene HPO 2025-01-16 links to the exact and subtype ORPHA and OMIM entries.
    pub genes: &'static [Gene],
    /// Clinical features with frequencies.
    pub features: &'static [Feature],
    /// Treatments with their role.
    pub treatments: &'static [TreatmentUse],
    /// Diagnostic tests.
    pub tests: &'static [DiagnosticTest],
    /// Causes (from the article's list).
    pub causes: &'static [Cause],
    /// Long-term risks.
    pub risks: &'static [Risk],
    /// Sources of the record as a whole.
    pub sources: &'static [Source],
}

impl Disorder {
    /// Finds a disorder by any name, synonym or abbreviation (see [`crate::lookup()`]).
    ///
    /// ```
    /// use marrowkb::Disorder;
    /// assert_eq!(Disorder::lookup("Blackfan-Diamond anaemia").unwrap(), Disorder::DiamondBlackfanAnemia);
    /// ```
    ///
    /// # Errors
    /// As [`crate::lookup()`].
    pub fn lookup(text: &str) -> Result<Self> {
        crate::lookup::lookup(text)
    }

    /// The disorder an ORPHA id is (or is a form of). Closest-only links are not followed: use
    /// [`Disorder::all_for_orpha`] for those.
    ///
    /// ```
    /// use marrowkb::Disorder;
    /// assert_eq!(Disorder::from_orpha(84).unwrap(), Disorder::FanconiAnemia);
    /// assert!(Disorder::from_orpha(1).is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownId`] when no disorder carries the id as exact or subtype.
    pub fn from_orpha(id: impl Into<OrphaIdArg>) -> Result<Self> {
        let id = id.into().0?;
        first_direct(ORPHA_INDEX.get(&id.get()).copied(), IdKind::Orpha)
    }

    /// The disorder an OMIM entry is (or is a form of).
    ///
    /// ```
    /// use marrowkb::Disorder;
    /// assert_eq!(Disorder::from_omim(105650).unwrap(), Disorder::DiamondBlackfanAnemia);
    /// assert_eq!(Disorder::from_omim("OMIM:105650").unwrap(), Disorder::DiamondBlackfanAnemia);
    /// ```
    ///
    /// # Errors
    /// [`Error::MalformedId`] for bad text, [`Error::UnknownId`] when no disorder carries the id.
    pub fn from_omim(id: impl Into<OmimIdArg>) -> Result<Self> {
        let id = id.into().0?;
        first_direct(OMIM_INDEX.get(&id.get()).copied(), IdKind::Omim)
    }

    /// Every disorder linked to an ORPHA id, with how (exact and subtype links first).
    ///
    /// ```
    /// use marrowkb::{Disorder, codes::OrphaId};
    /// assert_eq!(Disorder::all_for_orpha(OrphaId::new(84))[0].0, Disorder::FanconiAnemia);
    /// ```
    pub fn all_for_orpha(id: OrphaId) -> &'static [(Disorder, XrefMatch)] {
        ORPHA_INDEX.get(&id.get()).copied().unwrap_or(&[])
    }

    /// Every disorder linked to an OMIM entry, with how.
    ///
    /// ```
    /// use marrowkb::{Disorder, codes::OmimId};
    /// assert_eq!(Disorder::all_for_omim(OmimId::new(227650))[0].0, Disorder::FanconiAnemia);
    /// ```
    pub fn all_for_omim(id: OmimId) -> &'static [(Disorder, XrefMatch)] {
        OMIM_INDEX.get(&id.get()).copied().unwrap_or(&[])
    }

    /// Every disorder coded with an ICD-10 code (exact codings first). ICD-10 is coarse: one code can
    /// cover several disorders (`D61.0` constitutional aplastic anaemia). A WHO subcategory no disorder
    /// carries answers with its category's disorders (`D46.9` → `D46`); [`crate::resolution::icd10_links`]
    /// says when it did.
    ///
    /// ```
    /// use marrowkb::Disorder;
    /// let coded = Disorder::from_icd10("d61.0").unwrap();
    /// assert!(coded.iter().any(|(d, _)| *d == Disorder::FanconiAnemia));
    /// ```
    ///
    /// # Errors
    /// [`Error::MalformedId`] for text not shaped like a code, [`Error::UnknownId`] when no disorder uses it
    /// or its category.
    pub fn from_icd10(code: &str) -> Result<&'static [(Disorder, IcdMatch)]> {
        crate::resolution::icd10_links(Icd10Code::parse(code)?).map(|(links, _)| links)
    }

    /// The disorder's causal genes.
    ///
    /// ```
    /// use marrowkb::Disorder;
    /// assert!(Disorder::ShwachmanDiamondSyndrome.genes().iter().any(|g| g.symbol() == "SBDS"));
    /// ```
    pub fn genes(self) -> &'static [Gene] {
        self.info().genes
    }
}

impl core::str::FromStr for Disorder {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        crate::lookup::lookup(s)
    }
}

fn first_direct(links: Option<&'static [(Disorder, XrefMatch)]>, kind: IdKind) -> Result<Disorder> {
    links
        .and_then(|links| links.iter().find(|(_, m)| *m != XrefMatch::Closest))
        .map(|(d, _)| *d)
        .ok_or(Error::UnknownId { kind })
}

/// An ORPHA id argument: an [`OrphaId`], a number, or text such as `"ORPHA:84"`.
///
/// ```
/// use marrowkb::{Disorder, codes::OrphaId};
/// for arg in [Disorder::from_orpha(84), Disorder::from_orpha("ORPHA:84"), Disorder::from_orpha(OrphaId::new(84))] {
///     assert_eq!(arg.unwrap(), Disorder::FanconiAnemia);
/// }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OrphaIdArg(Result<OrphaId>);

/// An OMIM id argument: an [`OmimId`], a number, or text such as `"OMIM:227650"`.
///
/// ```
/// use marrowkb::Disorder;
/// assert_eq!(Disorder::from_omim("MIM:227650").unwrap(), Disorder::from_omim(227650).unwrap());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OmimIdArg(Result<OmimId>);

macro_rules! id_arg {
    ($arg:ident, $id:ident) => {
        impl From<$id> for $arg {
            fn from(id: $id) -> Self {
                Self(Ok(id))
            }
        }
        impl From<u32> for $arg {
            fn from(n: u32) -> Self {
                Self(Ok($id::new(n)))
            }
        }
        impl From<&str> for $arg {
            fn from(text: &str) -> Self {
                Self($id::parse(text))
            }
        }
    };
}
id_arg!(OrphaIdArg, OrphaId);
id_arg!(OmimIdArg, OmimId);
