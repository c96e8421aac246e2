//! # marrowkb
//!
//! A curated, cross-referenced knowledge base of the 20 **bone marrow failure disorders**, compiled into
//! your program: typed enums, `'static` records and compile-time `phf` maps. No start-up cost, no I/O, no
//! allocation on look-up.
//!
//! *Reference software, not medical advice.*
//!
//! ```
//! use marrowkb::{Disorder, Symptom};
//!
//! // Free text to codes.
//! let d = marrowkb::lookup("Blackfan-Diamond anaemia")?;
//! assert_eq!(d, Disorder::DiamondBlackfanAnemia);
//! assert_eq!(d.info().orpha[0].id.to_string(), "ORPHA:124");
//!
//! // Codes to disorders.
//! assert_eq!(Disorder::from_orpha("ORPHA:84")?, Disorder::FanconiAnemia);
//! assert!(marrowkb::disorders_for_gene("RPS19")?.contains(&Disorder::DiamondBlackfanAnemia));
//!
//! // Symptoms by HPO id, and back to disorders.
//! let thrombocytopenia = Symptom::from_hpo("HP:0001873")?;
//! assert!(thrombocytopenia.disorders().contains(&Disorder::ThrombocytopeniaAbsentRadius));
//! # Ok::<(), marrowkb::Error>(())
//! ```
//!
//! Where each thing lives: the facts in `crates/marrowkb/data/` (TOML, one file per disorder, plus
//! HPO/ICD-10 extracts in `data/derived/`), generated into `src/generated/` by `crates/marrowkb-codegen`.

pub mod blood_count;
pub mod cause;
pub mod classes;
pub mod codes;
pub mod diagnostic_test;
pub mod differential;
pub mod disorder;
mod entity;
pub mod error;
#[cfg(feature = "serde")]
pub mod export;
pub mod finding;
pub mod gene;
pub mod hpo;
#[rustfmt::skip]
mod generated;
pub mod lookup;
pub mod normalize;
#[cfg(feature = "serde")]
pub mod phenopacket;
pub mod resolution;
pub mod search;
pub mod source;
pub mod symptom;
pub mod treatment;

pub use cause::Cause;
pub use diagnostic_test::DiagnosticTest;
pub use disorder::Disorder;
pub use error::{Error, Result};
pub use gene::{Gene, disorders_for_gene};
pub use lookup::{Suggestions, lookup, lookup_exact, suggest};
pub use search::{resolve, search};
pub use source::Source;
pub use symptom::Symptom;
pub use treatment::Treatment;

/// The repository README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

/// The releases the data was derived from and checked against.
///
/// ```
/// assert!(marrowkb::DATA_VERSION.contains("HPO 2025-01-16"));
/// ```
pub const DATA_VERSION: &str = generated::DATA_VERSION;

/// The version of this crate.
///
/// ```
/// assert!(!marrowkb::VERSION.is_empty());
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
