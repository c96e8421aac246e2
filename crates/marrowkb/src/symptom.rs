//! Clinical features: the article's symptoms and the disorder-specific features, each with HPO ids.
//!
//! Generated from `crates/marrowkb/data/symptoms.toml`.
//!
//! ```
//! use marrowkb::{Disorder, Symptom};
//! let s = Symptom::from_hpo("HP:0001873").unwrap();
//! assert_eq!(s.info().hpo[0].to_string(), "HP:0001873");
//! assert!(s.disorders().contains(&Disorder::CongenitalAmegakaryocyticThrombocytopenia));
//! ```

use crate::classes::BodySystem;
pub use crate::codes::HpoIdArg;
use crate::codes::{HpoId, IdKind};
use crate::generated::SYMPTOM_BY_HPO;
use crate::{Disorder, Error, Result};

pub use crate::generated::Symptom;

/// The symptom whose HPO term has `text` as its exact label or synonym (what [`Symptom::find`] asks when
/// no key or name matches). Never allocates.
pub(crate) fn find_by_term_name(text: &str) -> Option<Symptom> {
    Symptom::from_term(crate::finding::find_exact(text)?.term)
}

/// Everything known about one symptom or clinical feature.
///
/// ```
/// use marrowkb::{Symptom, classes::BodySystem};
/// let info = Symptom::from_key("epistaxis").unwrap().info();
/// assert_eq!(info.system, BodySystem::Blood);
/// assert!(info.article.is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SymptomInfo {
    /// The enum value.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub symptom: Symptom,
    /// Stable discriminant.
    pub id: u32,
    /// Stable snake_case key.
    pub key: &'static str,
    /// Clinical name (the HPO label where one fits).
    pub name: &'static str,
    /// Plain-language name for patients.
    pub plain: &'static str,
    /// HPO terms; the first is the primary one.
    pub hpo: &'static [HpoId],
    /// Body system.
    pub system: BodySystem,
    /// The article's own words, when the article names this symptom.
    pub article: Option<&'static str>,
    /// Disorders with this feature (reverse map).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub disorders: &'static [Disorder],
}

impl Symptom {
    /// The symptom whose HPO terms include `id` (`"HP:0001873"`, `"0001873"`, a number or an [`HpoId`]).
    ///
    /// ```
    /// use marrowkb::Symptom;
    /// assert_eq!(Symptom::from_hpo(1873).unwrap(), Symptom::from_hpo("HP:0001873").unwrap());
    /// assert!(Symptom::from_hpo("HP:xyz").is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::MalformedId`] for bad text, [`Error::UnknownId`] when no symptom carries the term.
    pub fn from_hpo(id: impl Into<HpoIdArg>) -> Result<Self> {
        let id = id.into().0?;
        SYMPTOM_BY_HPO
            .get(&id.get())
            .copied()
            .ok_or(Error::UnknownId { kind: IdKind::Hpo })
    }

    /// The symptom one of whose HPO terms is `term`, if any (no allocation).
    ///
    /// ```
    /// use marrowkb::{Symptom, finding};
    /// // "Easy bruising" is HPO's lay synonym of HP:0000978, the term of the symptom `bruising_susceptibility`.
    /// assert_eq!(Symptom::from_term(finding::term("easy bruising")?), Some(Symptom::from_key("bruising_susceptibility")?));
    /// assert_eq!(Symptom::find("easy bruising")?, Symptom::from_key("bruising_susceptibility")?);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn from_term(term: crate::hpo::Term) -> Option<Self> {
        SYMPTOM_BY_HPO.get(&term.id().get()).copied()
    }

    /// Disorders with this feature, in discriminant order.
    ///
    /// ```
    /// use marrowkb::{Disorder, Symptom};
    /// assert!(Symptom::from_key("absent_radius").unwrap().disorders().contains(&Disorder::ThrombocytopeniaAbsentRadius));
    /// ```
    pub fn disorders(self) -> &'static [Disorder] {
        self.info().disorders
    }
}

impl core::str::FromStr for Symptom {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::find(s)
    }
}
