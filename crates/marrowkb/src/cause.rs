//! Causes of bone marrow failure: the article's seven, and the new (de novo) genetic change the data needs
//! for disorders that are genetic without being inherited (Pearson syndrome).
//!
//! Generated from `crates/marrowkb/data/causes.toml`.
//!
//! ```
//! use marrowkb::{Cause, Disorder, Source};
//! assert_eq!(Cause::COUNT, 8);
//! assert_eq!(Cause::ALL.iter().filter(|c| c.info().source == Source::Article).count(), 7);
//! assert_eq!(Disorder::PearsonSyndrome.info().causes, &[Cause::NewGeneticChange]);
//! assert!(Cause::ALL.iter().any(|c| c.disorders().contains(&Disorder::AplasticAnemia)));
//! ```

use crate::{Disorder, Error, Result, Source};

pub use crate::generated::Cause;

/// Everything known about one cause.
///
/// ```
/// use marrowkb::Cause;
/// assert!(Cause::ALL.iter().all(|c| !c.info().description.is_empty()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CauseInfo {
    /// The enum value.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub cause: Cause,
    /// Stable discriminant.
    pub id: u32,
    /// Stable snake_case key.
    pub key: &'static str,
    /// Name.
    pub name: &'static str,
    /// The article's wording.
    pub description: &'static str,
    /// Where it comes from.
    pub source: Source,
    /// Disorders with this cause (reverse map).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub disorders: &'static [Disorder],
}

impl Cause {
    /// Disorders with this cause, in discriminant order.
    ///
    /// ```
    /// use marrowkb::Cause;
    /// assert!(Cause::ALL.iter().any(|c| !c.disorders().is_empty()));
    /// ```
    pub fn disorders(self) -> &'static [Disorder] {
        self.info().disorders
    }
}

impl core::str::FromStr for Cause {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::find(s)
    }
}
