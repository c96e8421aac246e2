//! The one error type of marrowkb.
//!
//! Every variant is allocation-free and `Copy`, so errors are cheap to return from look-ups and easy to
//! map to Python exceptions and C status codes.
//!
//! ```
//! use marrowkb::{Disorder, Error};
//! match marrowkb::lookup("fanconni anaemia") {
//!     Err(Error::UnknownName { suggestions }) => {
//!         assert_eq!(suggestions.first(), Some(Disorder::FanconiAnemia));
//!     }
//!     other => panic!("unexpected {other:?}"),
//! }
//! ```

use crate::codes::IdKind;
use crate::lookup::Suggestions;

/// Everything that can go wrong when asking marrowkb.
///
/// ```
/// use marrowkb::{Disorder, Error};
/// assert_eq!(marrowkb::lookup("  "), Err(Error::EmptyInput));
/// assert!(matches!(Disorder::from_discriminant(0), Err(Error::InvalidDiscriminant { value: 0, .. })));
/// assert!(Error::EmptyInput.to_string().starts_with("empty input"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text was empty, or only spaces and punctuation.
    #[error("empty input: give a name, synonym, abbreviation or code")]
    EmptyInput,
    /// The text is longer than any name marrowkb knows: over 512 bytes, or over 128 letters and digits once
    /// spaces and punctuation are dropped (`max` says which), or over a code's or gene symbol's limit.
    #[error("input of {len} bytes is too long ({})", TooLongLimit(*max))]
    InputTooLong {
        /// Length of the input in bytes.
        len: usize,
        /// The limit that was exceeded, in bytes.
        max: usize,
    },
    /// No disorder has this name, synonym or abbreviation.
    #[error("unknown disorder name{suggestions}")]
    UnknownName {
        /// The closest known disorders, best first (possibly none).
        suggestions: Suggestions,
    },
    /// No HPO term (and no marrowkb symptom) has this name or synonym: see [`crate::finding`].
    #[error("unknown HPO term name{}", crate::finding::DidYouMean(suggestions))]
    UnknownTerm {
        /// The terms with the closest labels or synonyms, best first (possibly none).
        suggestions: crate::finding::TermChoices,
    },
    /// The name or synonym belongs to several HPO terms: say which one (by id or label).
    #[error("ambiguous HPO term name: it names {candidates}")]
    AmbiguousTerm {
        /// The terms it names, by HPO id.
        candidates: crate::finding::TermChoices,
    },
    /// The text is not shaped like an identifier of this kind.
    #[error("malformed {kind} identifier: {reason}")]
    MalformedId {
        /// The kind of identifier expected.
        kind: IdKind,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A well-formed identifier that no record in marrowkb carries.
    #[error("no {kind} record in marrowkb for this identifier")]
    UnknownId {
        /// The kind of identifier.
        kind: IdKind,
    },
    /// A code or gene symbol several disorders share, none of them more specific than the others (`D61.0`,
    /// `ELANE`): the answer must be chosen among `candidates`. A group reached only through its subtype
    /// never makes an input ambiguous (the subtype-to-group rule in `crates/marrowkb/data/README.md`).
    #[error("ambiguous {kind}: shared by {candidates}")]
    Ambiguous {
        /// The kind of identifier.
        kind: IdKind,
        /// Every disorder that carries it.
        candidates: crate::resolution::DisorderSet,
    },
    /// An identifier that is obsolete in the release marrowkb ships and has no single replacement.
    #[error("{kind} identifier {id} is obsolete and has no single replacement")]
    ObsoleteId {
        /// The kind of identifier.
        kind: IdKind,
        /// Its number (`HP:0000057` → 57).
        id: u32,
    },
    /// A numeric or other argument outside what the function accepts (e.g. a negative age).
    #[error("invalid {name}: {reason}")]
    InvalidArgument {
        /// The argument, e.g. `"age of onset"`.
        name: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A blood count value that is NaN, infinite, negative or physiologically impossible.
    #[error("invalid {field}: {value} ({reason})")]
    InvalidMeasurement {
        /// The field.
        field: crate::blood_count::Field,
        /// The value as given, with its unit.
        value: crate::blood_count::RejectedValue,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// Blood count values that do not go together (a reticulocyte percentage without a red cell count,
    /// pregnancy given for a male).
    #[error("inconsistent {field}: {reason}")]
    InconsistentMeasurements {
        /// The field.
        field: crate::blood_count::Field,
        /// What is wrong.
        reason: &'static str,
    },
    /// A GA4GH phenopacket that cannot be read: not JSON, not schema v2, no phenotypic features, or a field
    /// in the wrong form (`field` names it, e.g. `"phenotypicFeatures[].type.id"`).
    #[error("invalid phenopacket: {field}: {reason}")]
    InvalidPhenopacket {
        /// The field at fault, as a JSON path (`"(document)"` for the whole file).
        field: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A key that no value of this vocabulary has.
    #[error("unknown {entity} key")]
    UnknownKey {
        /// The vocabulary, e.g. `"symptom"`.
        entity: &'static str,
    },
    /// An integer that is not the discriminant of any value of this enum.
    #[error("{value} is not a valid {entity} discriminant")]
    InvalidDiscriminant {
        /// The enum, e.g. `"disorder"`.
        entity: &'static str,
        /// The integer given.
        value: u32,
    },
}

/// Formats the limit an over-long input exceeded.
struct TooLongLimit(usize);

impl core::fmt::Display for TooLongLimit {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.0 == crate::normalize::MAX_NORMALIZED_LEN {
            write!(f, "a name has at most {} letters and digits", self.0)
        } else {
            write!(f, "the limit is {} bytes", self.0)
        }
    }
}

/// Shorthand for `Result<T, marrowkb::Error>`.
pub type Result<T, E = Error> = core::result::Result<T, E>;
