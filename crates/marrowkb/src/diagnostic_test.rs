//! Diagnostic tests: the article's four and the disorder-specific confirmatory tests.
//!
//! Generated from `crates/marrowkb/data/tests.toml`.
//!
//! ```
//! use marrowkb::{DiagnosticTest, Disorder};
//! let cbc = DiagnosticTest::from_key("complete_blood_count").unwrap();
//! assert!(cbc.info().article);
//! assert!(cbc.disorders().contains(&Disorder::AplasticAnemia));
//! ```

use crate::{Disorder, Error, Result, Source};

pub use crate::generated::DiagnosticTest;

/// Everything known about one diagnostic test.
///
/// ```
/// use marrowkb::DiagnosticTest;
/// assert_eq!(DiagnosticTest::ALL.iter().filter(|t| t.info().article).count(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DiagnosticTestInfo {
    /// The enum value.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub test: DiagnosticTest,
    /// Stable discriminant.
    pub id: u32,
    /// Stable snake_case key.
    pub key: &'static str,
    /// Name.
    pub name: &'static str,
    /// Plain-language explanation (the article's, for the article's four).
    pub description: &'static str,
    /// Whether the article names it.
    pub article: bool,
    /// Where the description comes from.
    pub source: Source,
    /// Disorders it helps diagnose (reverse map).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub disorders: &'static [Disorder],
}

impl DiagnosticTest {
    /// Disorders this test helps diagnose, in discriminant order.
    ///
    /// ```
    /// use marrowkb::{DiagnosticTest, Disorder};
    /// assert!(DiagnosticTest::from_key("chromosome_breakage_test").unwrap().disorders().contains(&Disorder::FanconiAnemia));
    /// ```
    pub fn disorders(self) -> &'static [Disorder] {
        self.info().disorders
    }
}

impl core::str::FromStr for DiagnosticTest {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::find(s)
    }
}
