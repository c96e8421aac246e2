//! Identifier newtypes and their parsers: HPO, ORPHA, OMIM and WHO ICD-10.
//!
//! Each displays (and serializes) as the CURIE Phenopackets write (`HP:0001873`, `ORPHA:84`,
//! `OMIM:227650`; ICD-10 codes as `D61.0`) and parses the spellings people use, without allocating.
//!
//! ```
//! use marrowkb::codes::{HpoId, Icd10Code, OmimId, OrphaId};
//! assert_eq!("HP:0001873".parse::<HpoId>().unwrap(), HpoId::new(1873));
//! assert_eq!("0001873".parse::<HpoId>().unwrap().to_string(), "HP:0001873");
//! assert_eq!("Orphanet:84".parse::<OrphaId>().unwrap().to_string(), "ORPHA:84");
//! assert_eq!("MIM:227650".parse::<OmimId>().unwrap().get(), 227650);
//! assert_eq!("d610".parse::<Icd10Code>().unwrap().as_str(), "D61.0");
//! ```

use crate::Error;
use core::fmt;
use core::str::FromStr;

/// Which kind of identifier an error is about.
///
/// ```
/// use marrowkb::{Error, codes::{IdKind, OrphaId}};
/// assert!(matches!(OrphaId::parse("ORPHA:x"), Err(Error::MalformedId { kind: IdKind::Orpha, .. })));
/// assert_eq!(IdKind::Hpo.to_string(), "HPO");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum IdKind {
    /// Human Phenotype Ontology term id.
    Hpo = 1,
    /// Orphanet disease id.
    Orpha = 2,
    /// OMIM entry number.
    Omim = 3,
    /// WHO ICD-10 code.
    Icd10 = 4,
    /// HGNC gene symbol.
    Gene = 5,
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdKind::Hpo => "HPO",
            IdKind::Orpha => "ORPHA",
            IdKind::Omim => "OMIM",
            IdKind::Icd10 => "ICD-10",
            IdKind::Gene => "gene",
        })
    }
}

/// The longest identifier text any parser accepts, in bytes.
pub const MAX_ID_LEN: usize = 32;

fn malformed(kind: IdKind, reason: &'static str) -> Error {
    Error::MalformedId { kind, reason }
}

/// The characters accepted between a prefix and the number or code: `ORPHA:84`, `ORPHA_84`, `ORPHA 84`,
/// `ORPHA-84`, `MIM #227650`, `HP: 0001873` all mean the same.
const SEPARATORS: &[u8] = b":_ -#";

/// Strips one of `prefixes` (ASCII case-insensitive; the longest listed first wins) and then one of
/// [`SEPARATORS`] with any spaces around it, and returns the rest, trimmed. Text without a listed prefix is returned trimmed, after
/// a leading `#` (OMIM's own notation) if any. One rule for ORPHA, OMIM, HPO and ICD-10.
fn strip_prefix<'a>(text: &'a str, prefixes: &[&str]) -> &'a str {
    let text = text.trim();
    for prefix in prefixes {
        if text.len() >= prefix.len()
            && text.is_char_boundary(prefix.len())
            && text[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            let rest = &text[prefix.len()..];
            // Spaces, at most one separator, spaces: `HP: 0001873`, `MIM #227650` (`HP:-1` keeps its `-`).
            let rest = rest.trim_start();
            let rest = match rest.as_bytes().first() {
                Some(b) if SEPARATORS.contains(b) => &rest[1..],
                _ => rest,
            };
            return rest.trim_start();
        }
    }
    text.trim_start_matches('#').trim_start()
}

/// The number of an id spelled exactly `{curie}:{digits}` (the form ids are written in), or `None` for any
/// other spelling, which [`parse_number`] reads (with the same result for this form: a fast path only).
fn parse_canonical(text: &str, curie: &str, max_digits: usize) -> Option<u32> {
    let digits = text.as_bytes().strip_prefix(curie.as_bytes())?;
    if digits.is_empty() || digits.len() > max_digits || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // At most 7 digits: no overflow.
    Some(digits.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')))
}

fn parse_number(kind: IdKind, text: &str, prefixes: &[&str], max_digits: usize) -> Result<u32, Error> {
    let text = text.trim();
    if text.is_empty() {
        return Err(malformed(kind, "empty"));
    }
    if text.len() > MAX_ID_LEN {
        return Err(malformed(kind, "too long"));
    }
    let digits = strip_prefix(text, prefixes);
    if digits.is_empty() {
        return Err(malformed(kind, "no digits after the prefix"));
    }
    if digits.len() > max_digits {
        return Err(malformed(kind, "too many digits"));
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed(kind, "expected digits"));
    }
    digits.parse::<u32>().map_err(|_| malformed(kind, "expected digits"))
}

macro_rules! numeric_id {
    ($(#[$meta:meta])* $name:ident, $kind:expr, $curie:literal, $width:literal, $max_digits:literal, [$($prefix:literal),+]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(transparent)]
        pub struct $name(u32);

        impl $name {
            /// Wraps a number (not checked against any source).
            ///
            #[doc = concat!("```\nlet id = marrowkb::codes::", stringify!($name), "::new(84);\nassert_eq!(id.get(), 84);\n```")]
            pub const fn new(number: u32) -> Self {
                Self(number)
            }

            /// The number.
            ///
            #[doc = concat!("```\nassert_eq!(marrowkb::codes::", stringify!($name), "::new(124).get(), 124);\n```")]
            pub const fn get(self) -> u32 {
                self.0
            }

            /// Parses the accepted spellings (see the module documentation).
            ///
            #[doc = concat!("```\nuse marrowkb::codes::", stringify!($name), ";\n")]
            #[doc = concat!("let id = ", stringify!($name), "::parse(\"84\").unwrap();\n")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::parse(&id.to_string()).unwrap(), id);\n")]
            #[doc = concat!("assert!(", stringify!($name), "::parse(\"x\").is_err());\n```")]
            ///
            /// # Errors
            /// [`Error::MalformedId`] for empty, over-long or non-numeric text.
            pub fn parse(text: &str) -> Result<Self, Error> {
                if let Some(number) = parse_canonical(text, concat!($curie, ":"), $max_digits) {
                    return Ok(Self(number));
                }
                parse_number($kind, text, &[$($prefix),+], $max_digits).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($curie, ":{:0", $width, "}"), self.0)
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                Self::parse(s)
            }
        }

        impl From<$name> for u32 {
            fn from(id: $name) -> u32 {
                id.0
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    };
}

numeric_id!(
    /// A Human Phenotype Ontology term id, `HP:0001873`. Parses `HP:0001873`, `HP_0001873`, `HP 0001873`,
    /// `hp:1873`, `0001873` (prefix `HP` or `HPO`, any case, then any of `:`, `_`, `-`, `#` or spaces).
    ///
    /// ```
    /// use marrowkb::codes::HpoId;
    /// assert_eq!(HpoId::parse("HP_0001873").unwrap().get(), 1873);
    /// assert!(HpoId::parse("HP:abc").is_err());
    /// ```
    HpoId, IdKind::Hpo, "HP", 7, 7, ["HPO", "HP"]
);
numeric_id!(
    /// An Orphanet disease id, `ORPHA:84`. Parses `ORPHA:84`, `Orphanet:84`, `ORPHA 84`, `ORPHA84`, `84`.
    ///
    /// ```
    /// use marrowkb::codes::OrphaId;
    /// assert_eq!(OrphaId::parse("orpha:84").unwrap().to_string(), "ORPHA:84");
    /// ```
    OrphaId, IdKind::Orpha, "ORPHA", 1, 7, ["ORPHANET", "ORPHA"]
);
numeric_id!(
    /// An OMIM entry number, `OMIM:227650`. Parses `OMIM:227650`, `MIM:227650`, `OMIM 227650`, `MIM #227650`,
    /// `#227650`, `227650`.
    ///
    /// ```
    /// use marrowkb::codes::OmimId;
    /// assert_eq!(OmimId::parse("#227650").unwrap().to_string(), "OMIM:227650");
    /// ```
    OmimId, IdKind::Omim, "OMIM", 6, 6, ["OMIM", "MIM"]
);

/// A WHO ICD-10 code in its dotted form (`D61.0`, `D70`), stored inline (no allocation).
///
/// Parsing upper-cases and adds the dot: `d610`, `D61.0` and ` D61.0 ` all give `D61.0`. It checks the
/// shape (a letter, two digits, optionally a dot and one or two more characters), not that the code exists:
/// [`crate::Disorder::from_icd10`] answers that.
///
/// ```
/// use marrowkb::codes::Icd10Code;
/// assert_eq!(Icd10Code::parse("D70").unwrap().as_str(), "D70");
/// assert!(Icd10Code::parse("61.0").is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Icd10Code {
    bytes: [u8; 6],
    len: u8,
}

impl Icd10Code {
    /// Builds a code from text already in dotted upper-case form; used by generated data.
    ///
    /// ```
    /// use marrowkb::codes::Icd10Code;
    /// const D610: Icd10Code = Icd10Code::from_static("D61.0");
    /// assert_eq!(D610, Icd10Code::parse("d610").unwrap());
    /// ```
    ///
    /// # Panics
    /// At compile time (in a `const`) when `code` is longer than six bytes.
    pub const fn from_static(code: &'static str) -> Self {
        let src = code.as_bytes();
        let mut bytes = [0u8; 6];
        let mut i = 0;
        while i < src.len() {
            bytes[i] = src[i];
            i += 1;
        }
        Self {
            bytes,
            len: src.len() as u8,
        }
    }

    /// The dotted code, e.g. `D61.0`.
    ///
    /// ```
    /// assert_eq!(marrowkb::codes::Icd10Code::parse("D610").unwrap().as_str(), "D61.0");
    /// ```
    pub fn as_str(&self) -> &str {
        // The bytes are ASCII by construction (parse and from_static only store ASCII).
        core::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }

    /// Parses `D61.0`, `d610`, `D61`: see the type documentation.
    ///
    /// ```
    /// use marrowkb::codes::Icd10Code;
    /// assert_eq!(Icd10Code::parse(" d61.0 ").unwrap().as_str(), "D61.0");
    /// assert!(Icd10Code::parse("D6").is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::MalformedId`] when the text is not shaped like an ICD-10 code.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let text = strip_prefix(text, &["ICD-10-CM", "ICD10CM", "ICD-10", "ICD10"]);
        if text.is_empty() {
            return Err(malformed(IdKind::Icd10, "empty"));
        }
        if text.len() > 8 {
            return Err(malformed(IdKind::Icd10, "too long"));
        }
        let raw = text.as_bytes();
        let mut compact = [0u8; 6];
        let mut n = 0;
        for (i, &b) in raw.iter().enumerate() {
            if b == b'.' && i == 3 {
                continue;
            }
            if n == 5 {
                return Err(malformed(IdKind::Icd10, "too long"));
            }
            compact[n] = b.to_ascii_uppercase();
            n += 1;
        }
        if n < 3 || !compact[0].is_ascii_uppercase() || !compact[1].is_ascii_digit() {
            return Err(malformed(IdKind::Icd10, "expected a letter and two digits"));
        }
        if !compact[2].is_ascii_digit() || !compact[3..n].iter().all(|b| b.is_ascii_alphanumeric()) {
            return Err(malformed(IdKind::Icd10, "expected a letter and two digits"));
        }
        if n > 4 {
            return Err(malformed(IdKind::Icd10, "too many characters after the dot"));
        }
        let mut bytes = [0u8; 6];
        bytes[..3].copy_from_slice(&compact[..3]);
        let mut len = 3;
        if n > 3 {
            bytes[3] = b'.';
            bytes[4] = compact[3];
            len = 5;
        }
        Ok(Self { bytes, len: len as u8 })
    }
}

impl fmt::Display for Icd10Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Icd10Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Icd10Code({:?})", self.as_str())
    }
}

impl FromStr for Icd10Code {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Self::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Icd10Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canonical_fast_path_agrees_with_the_general_parser() {
        let cases = [
            "HP:",
            "HP:0",
            "HP:0001873",
            "HP:9999999",
            "HP:12345678",
            "HP:00018a3",
            "HP:٣",
            "HP:+1",
        ];
        for text in cases
            .into_iter()
            .chain(["ORPHA:84", "ORPHA:1234567", "OMIM:227650", "OMIM:1234567"])
        {
            for (curie, prefixes, max) in [
                ("HP:", &["HPO", "HP"][..], 7),
                ("ORPHA:", &["ORPHANET", "ORPHA"], 7),
                ("OMIM:", &["OMIM", "MIM"], 6),
            ] {
                if let Some(fast) = parse_canonical(text, curie, max) {
                    assert_eq!(parse_number(IdKind::Hpo, text, prefixes, max), Ok(fast), "{text}");
                }
            }
        }
        assert_eq!(parse_canonical("HP:0001873", "HP:", 7), Some(1873));
        assert_eq!(
            parse_canonical("hp:0001873", "HP:", 7),
            None,
            "other spellings take the general path"
        );
    }

    #[test]
    fn hpo_spellings() {
        for text in [
            "HP:0001873",
            "hp:0001873",
            "HP_0001873",
            "0001873",
            "1873",
            " HP:0001873 ",
            "HP 0001873",
            "hp-0001873",
            "HPO: 0001873",
        ] {
            assert_eq!(HpoId::parse(text).unwrap(), HpoId::new(1873), "{text}");
        }
        for bad in ["", "HP:", "HP:12345678", "HP:-1", "HP:１２", "HP:0001873x", "ORPHA:84"] {
            assert!(HpoId::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(HpoId::new(1873).to_string(), "HP:0001873");
    }

    #[test]
    fn orpha_omim_spellings() {
        assert_eq!(OrphaId::parse("ORPHA:84").unwrap().get(), 84);
        assert_eq!(OrphaId::parse("Orphanet_84").unwrap().get(), 84);
        assert_eq!(OmimId::parse("OMIM:227650").unwrap().get(), 227650);
        assert_eq!(OmimId::parse("MIM#227650").unwrap().get(), 227650);
        for text in ["ORPHA 84", "orpha_84", "Orphanet: 84", "ORPHA-84", "ORPHA84"] {
            assert_eq!(OrphaId::parse(text).unwrap().get(), 84, "{text}");
        }
        for text in ["OMIM 227650", "MIM #227650", "omim:227650", "#227650", "OMIM-227650"] {
            assert_eq!(OmimId::parse(text).unwrap().get(), 227650, "{text}");
        }
        assert!(OrphaId::parse("ORPHAX84").is_err());
        assert!(OmimId::parse("OMIM:2276500").is_err());
        assert!(OrphaId::parse(&"9".repeat(40)).is_err());
    }

    #[test]
    fn icd10_shapes() {
        assert_eq!(Icd10Code::parse("D61.0").unwrap().as_str(), "D61.0");
        assert_eq!(Icd10Code::parse("d610").unwrap().as_str(), "D61.0");
        assert_eq!(Icd10Code::parse("ICD10:D70").unwrap().as_str(), "D70");
        assert_eq!(Icd10Code::parse("ICD-10 D46.9").unwrap().as_str(), "D46.9");
        for bad in ["", "D6", "61.0", "D61.00", "DD1.0", "D61..0", "D61-0", "Ä61.0"] {
            assert!(Icd10Code::parse(bad).is_err(), "{bad}");
        }
    }
}

/// An HPO id argument: an [`HpoId`], a number, or text such as `"HP:0001873"`.
///
/// ```
/// use marrowkb::{Symptom, codes::HpoId};
/// assert_eq!(Symptom::from_hpo(HpoId::new(1873)).unwrap(), Symptom::from_hpo("0001873").unwrap());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct HpoIdArg(pub(crate) Result<HpoId, Error>);

impl From<HpoId> for HpoIdArg {
    fn from(id: HpoId) -> Self {
        Self(Ok(id))
    }
}
impl From<u32> for HpoIdArg {
    fn from(n: u32) -> Self {
        Self(Ok(HpoId::new(n)))
    }
}
impl From<&str> for HpoIdArg {
    fn from(text: &str) -> Self {
        Self(HpoId::parse(text))
    }
}
