//! JSON export of the whole knowledge base (feature `serde`).
//!
//! The export is an object with `schema_version`, `data_version` and one array per entity, each record
//! serialized with its stable keys and CURIE identifiers. `marrowkb list --json` prints exactly this, and
//! the Python binding's `marrowkb.to_dict()` gives the same structure.
//!
//! ```
//! let json = marrowkb::export::to_json();
//! assert!(json.contains("\"ORPHA:84\""));
//! let value: serde_json::Value = serde_json::from_str(&json).unwrap();
//! assert_eq!(value["disorders"].as_array().unwrap().len(), 20);
//! ```

use crate::{Cause, DiagnosticTest, Disorder, Gene, Source, Symptom, Treatment};
use crate::{cause::CauseInfo, diagnostic_test::DiagnosticTestInfo, disorder::DisorderInfo};
use crate::{gene::GeneInfo, source::SourceInfo, symptom::SymptomInfo, treatment::TreatmentInfo};

/// Version of the JSON layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole knowledge base, ready to serialize.
///
/// ```
/// let kb = marrowkb::export::KnowledgeBase::new();
/// assert_eq!(kb.disorders.len(), marrowkb::Disorder::COUNT);
/// ```
#[derive(Debug, Clone, serde::Serialize)]
pub struct KnowledgeBase {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// [`crate::DATA_VERSION`].
    pub data_version: &'static str,
    /// Every disorder.
    pub disorders: Vec<&'static DisorderInfo>,
    /// Every symptom.
    pub symptoms: Vec<&'static SymptomInfo>,
    /// Every treatment.
    pub treatments: Vec<&'static TreatmentInfo>,
    /// Every cause.
    pub causes: Vec<&'static CauseInfo>,
    /// Every diagnostic test.
    pub tests: Vec<&'static DiagnosticTestInfo>,
    /// Every gene.
    pub genes: Vec<&'static GeneInfo>,
    /// Every source.
    pub sources: Vec<&'static SourceInfo>,
}

impl KnowledgeBase {
    /// Collects every record.
    ///
    /// ```
    /// let kb = marrowkb::export::KnowledgeBase::new();
    /// assert_eq!(kb.schema_version, marrowkb::export::SCHEMA_VERSION);
    /// ```
    pub fn new() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            data_version: crate::DATA_VERSION,
            disorders: Disorder::ALL.iter().map(|d| d.info()).collect(),
            symptoms: Symptom::ALL.iter().map(|s| s.info()).collect(),
            treatments: Treatment::ALL.iter().map(|t| t.info()).collect(),
            causes: Cause::ALL.iter().map(|c| c.info()).collect(),
            tests: DiagnosticTest::ALL.iter().map(|t| t.info()).collect(),
            genes: Gene::all().map(Gene::info).collect(),
            sources: Source::ALL.iter().map(|s| s.info()).collect(),
        }
    }
}

impl Default for KnowledgeBase {
    fn default() -> Self {
        Self::new()
    }
}

/// The whole knowledge base as pretty-printed JSON.
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(&marrowkb::export::to_json()).unwrap();
/// assert_eq!(v["data_version"], marrowkb::DATA_VERSION);
/// ```
pub fn to_json() -> String {
    serde_json::to_string_pretty(&KnowledgeBase::new()).unwrap_or_default()
}

/// One disorder as pretty-printed JSON (what `marrowkb show <x> --json` prints).
///
/// ```
/// let json = marrowkb::export::disorder_json(marrowkb::Disorder::FanconiAnemia);
/// assert!(json.contains("\"key\": \"fanconi_anemia\""));
/// ```
pub fn disorder_json(disorder: Disorder) -> String {
    serde_json::to_string_pretty(disorder.info()).unwrap_or_default()
}
