//! The sources facts are cited from (the article, HPO, Orphanet, OMIM, GeneReviews, guidelines).
//!
//! Generated from `crates/marrowkb/data/sources.toml`.
//!
//! ```
//! use marrowkb::Source;
//! let article = Source::from_key("article").unwrap();
//! assert!(article.info().title.contains("Bone Marrow Failure"));
//! ```

use crate::{Error, Result};

pub use crate::generated::Source;

/// A citation.
///
/// ```
/// use marrowkb::Source;
/// assert!(Source::ALL.iter().all(|s| !s.info().title.is_empty()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SourceInfo {
    /// The enum value.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub source: Source,
    /// Stable discriminant.
    pub id: u32,
    /// Stable key (what data files cite).
    pub key: &'static str,
    /// Short name (the key's display form).
    pub name: &'static str,
    /// Full title.
    pub title: &'static str,
    /// Publisher or author.
    pub publisher: &'static str,
    /// Year of publication or release.
    pub year: Option<u16>,
    /// Address, where known to be right.
    pub url: Option<&'static str>,
    /// Licence of the data, where it matters.
    pub licence: Option<&'static str>,
}

impl core::str::FromStr for Source {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::find(s)
    }
}
