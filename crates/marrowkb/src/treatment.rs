//! Treatments: the article's five and the disorder-specific ones.
//!
//! Generated from `crates/marrowkb/data/treatments.toml`.
//!
//! ```
//! use marrowkb::{Disorder, Treatment};
//! let t = Treatment::from_key("blood_transfusion").unwrap();
//! assert!(t.info().article);
//! assert!(t.disorders().contains(&Disorder::AplasticAnemia));
//! ```

use crate::classes::TreatmentRole;
use crate::{Disorder, Error, Result, Source};

pub use crate::generated::Treatment;

/// Everything known about one treatment.
///
/// ```
/// use marrowkb::Treatment;
/// assert!(Treatment::from_key("growth_factors").unwrap().info().description.contains("bone marrow"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TreatmentInfo {
    /// The enum value.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub treatment: Treatment,
    /// Stable discriminant.
    pub id: u32,
    /// Stable snake_case key.
    pub key: &'static str,
    /// Name.
    pub name: &'static str,
    /// Plain-language explanation (the article's, for the article's five).
    pub description: &'static str,
    /// Usual role; a disorder record can say otherwise.
    pub kind: TreatmentRole,
    /// Whether the article names it.
    pub article: bool,
    /// Where the description comes from.
    pub source: Source,
    /// Disorders it is used for (reverse map).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub disorders: &'static [Disorder],
}

impl Treatment {
    /// Disorders this treatment is used for, in discriminant order.
    ///
    /// ```
    /// use marrowkb::{Disorder, Treatment};
    /// assert!(Treatment::from_key("bone_marrow_transplant").unwrap().disorders().contains(&Disorder::FanconiAnemia));
    /// ```
    pub fn disorders(self) -> &'static [Disorder] {
        self.info().disorders
    }
}

impl core::str::FromStr for Treatment {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::find(s)
    }
}
