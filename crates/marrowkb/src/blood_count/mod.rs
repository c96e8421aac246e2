//! Blood count interpretation: which cell lines are low, how low by named standards, the pattern,
//! aplastic anaemia severity, and which disorders' affected lines fit.
//!
//! *Reference software, not medical advice.*
//!
//! 1. Build a [`BloodCount`] with [`BloodCount::builder`]: each value with its unit
//!    ([`HemoglobinUnit`], [`CountUnit`], [`AgeUnit`]); every field optional. [`build`](BloodCountBuilder::build)
//!    rejects NaN, infinities, negative and physiologically impossible values with
//!    [`Error::InvalidMeasurement`](crate::Error::InvalidMeasurement), naming the field and the value as
//!    given. Nothing is clamped.
//! 2. [`BloodCount::interpret`] returns an [`Interpretation`]:
//!    - each cytopenia ([`Cytopenia`]) with its [`Presence`], the lower limit and its source, a
//!      [`Severity`] on a named [`SeverityScale`] (WHO 2011 for anaemia, the neutropenia bands for
//!      neutrophils) and a [`CtcaeGrade`] (CTCAE v5.0: anaemia, neutrophils, platelets, lymphocytes);
//!    - red cell size ([`RedCellSize`]) from age- and sex-specific MCV limits;
//!    - the [`Pattern`] over haemoglobin, neutrophils and platelets;
//!    - aplastic anaemia severity ([`AplasticAssessment`]) when marrow cellularity is given, by Camitta as
//!      modified by Bacigalupo, or with the BSH 2016 automated reticulocyte threshold
//!      ([`InterpretOptions::aplastic_criteria`]);
//!    - every disorder's [`DisorderFit`]: which of its affected cell lines are decreased (see [`fit`]).
//!
//! Every threshold, with its source and which side of each boundary is inclusive, is in the one table
//! of [`thresholds`]. Units and conversions are in [`units`].
//!
//! A value the conclusion needs but the caller did not give makes that conclusion *not measured*,
//! *undetermined* or *unknown*, never a guess. Interpretation never fails and never allocates.
//!
//! ```
//! use marrowkb::blood_count::{
//!     AgeUnit, AplasticSeverity, BloodCount, CountUnit, CtcaeGrade, HemoglobinUnit, InterpretOptions, Pattern,
//!     Presence, Severity, Sex,
//! };
//! // A 34-year-old woman with severe aplastic anaemia.
//! let count = BloodCount::builder()
//!     .hemoglobin(7.2, HemoglobinUnit::GramsPerDeciliter)
//!     .neutrophils(0.3, CountUnit::GigaPerLiter)
//!     .platelets(15.0, CountUnit::GigaPerLiter)
//!     .reticulocytes(12.0, CountUnit::GigaPerLiter)
//!     .cellularity(15.0)
//!     .age(34.0, AgeUnit::Years)
//!     .sex(Sex::Female)
//!     .build()?;
//! let result = count.interpret(InterpretOptions::default());
//! assert_eq!(result.pattern, Pattern::Pancytopenia);
//! assert_eq!(result.aplastic_anemia.severity, AplasticSeverity::Severe);
//! assert_eq!(result.anemia.severity, Some(Severity::Severe)); // WHO: < 8.0 g/dL for women
//! assert_eq!(result.anemia.ctcae, Some(CtcaeGrade::Grade3));
//! assert_eq!(result.neutropenia.ctcae, Some(CtcaeGrade::Grade4));
//! assert_eq!(result.thrombocytopenia.ctcae, Some(CtcaeGrade::Grade4));
//! assert_eq!(result.reticulocytopenia.presence, Presence::Present);
//! # Ok::<(), marrowkb::Error>(())
//! ```

pub mod evidence;
mod field;
pub mod fit;
mod input;
mod interpret;
pub mod thresholds;
pub mod units;

pub use crate::generated::blood_count::*;
pub use field::Field;
pub use fit::{CellLineSet, DisorderFit, Fit};
pub use input::{BloodCount, BloodCountBuilder, RejectedValue};
pub use interpret::{AplasticAssessment, InterpretOptions, Interpretation, Reading, RedCellSizeReading, interpret};
pub use units::{DAYS_PER_YEAR, HB_MMOL_PER_L_PER_G_PER_DL};
