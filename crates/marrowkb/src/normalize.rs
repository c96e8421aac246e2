//! Name normalization shared by look-ups at run time and by the code generator at build time
//! (`crates/marrowkb-codegen` includes this very file), so both sides always agree.
//!
//! A name is folded to lower-case ASCII letters and digits: diacritics are transliterated (`é` → `e`,
//! `ß` → `ss`), spaces, hyphens, punctuation and apostrophes are dropped, a possessive `'s` is dropped
//! (`Fanconi's` → `fanconi`), and British spellings fold to American ones (`ae`, `oe` → `e`: `anaemia`,
//! `haem-`, `oedema`). The result lives in a fixed stack buffer: normalizing never allocates.
//!
//! ```
//! use marrowkb::normalize::normalize;
//! assert_eq!(normalize("Blackfan–Diamond Anaemia").unwrap().as_str(), "blackfandiamondanemia");
//! assert_eq!(normalize("Fanconi's anémia").unwrap().as_str(), "fanconianemia");
//! assert!(normalize(" - ").is_err());
//! ```

/// The longest normalized name, in bytes. Longer input is rejected as too long.
pub const MAX_NORMALIZED_LEN: usize = 96;
/// The longest raw input accepted, in bytes (checked before any work is done).
pub const MAX_INPUT_LEN: usize = 512;

/// Why a text cannot be normalized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormalizeError {
    /// Nothing left after dropping spaces and punctuation.
    Empty,
    /// The raw input or its normalized form is over the limit; `len` is the raw input's length in bytes.
    TooLong {
        /// Length of the raw input in bytes.
        len: usize,
        /// The limit that was exceeded, in bytes.
        max: usize,
    },
}

/// A normalized name in a stack buffer.
#[derive(Clone, Copy)]
pub struct Normalized {
    buf: [u8; MAX_NORMALIZED_LEN],
    len: usize,
}

impl Normalized {
    /// The normalized text (lower-case ASCII letters and digits).
    pub fn as_str(&self) -> &str {
        // Only ASCII alphanumerics are ever written into the buffer.
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl core::fmt::Debug for Normalized {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Normalized({:?})", self.as_str())
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}')
}

/// Normalizes `text` (see the module documentation).
///
/// # Errors
/// [`NormalizeError::Empty`] when nothing is left, [`NormalizeError::TooLong`] over the limits.
pub fn normalize(text: &str) -> Result<Normalized, NormalizeError> {
    let too_long = NormalizeError::TooLong {
        len: text.len(),
        max: MAX_INPUT_LEN,
    };
    if text.len() > MAX_INPUT_LEN {
        return Err(too_long);
    }
    let mut buf = [0u8; MAX_NORMALIZED_LEN];
    let mut len = 0usize;
    let mut push = |b: u8| -> Result<(), NormalizeError> {
        if b.is_ascii_alphanumeric() {
            if len == MAX_NORMALIZED_LEN {
                return Err(too_long);
            }
            buf[len] = b.to_ascii_lowercase();
            len += 1;
        }
        Ok(())
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_apostrophe(c) {
            // Possessive 's: drop the s when it ends a word ("Fanconi's anemia").
            let mut ahead = chars.clone();
            if matches!(ahead.next(), Some('s' | 'S')) && !ahead.next().is_some_and(char::is_alphanumeric) {
                chars.next();
            }
        } else if c.is_ascii() {
            push(c as u8)?;
        } else if let Some(ascii) = deunicode::deunicode_char(c) {
            for b in ascii.bytes() {
                push(b)?;
            }
        }
    }
    if len == 0 {
        return Err(NormalizeError::Empty);
    }
    // Fold British spellings: "ae" and "oe" become "e" (anaemia, haem-, oedema, leukaemia).
    let mut write = 0;
    for read in 0..len {
        let b = buf[read];
        if (b == b'a' || b == b'o') && read + 1 < len && buf[read + 1] == b'e' {
            continue;
        }
        buf[write] = b;
        write += 1;
    }
    Ok(Normalized { buf, len: write })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> String {
        normalize(text).map(|n| n.as_str().to_owned()).unwrap_or_default()
    }

    #[test]
    fn folds_case_punctuation_and_spelling() {
        assert_eq!(n("Diamond-Blackfan anemia"), "diamondblackfananemia");
        assert_eq!(n("DIAMOND BLACKFAN ANAEMIA"), "diamondblackfananemia");
        assert_eq!(n("Kostmann’s disease"), "kostmanndisease");
        assert_eq!(n("Kostmann's disease"), "kostmanndisease");
        assert_eq!(n("Shwachman–Bodian–Diamond"), "shwachmanbodiandiamond");
        assert_eq!(n("Ｆanconi"), "fanconi");
        assert_eq!(n("oedema"), "edema");
        assert_eq!(n("haemoglobin"), "hemoglobin");
    }

    #[test]
    fn rejects_empty_and_long() {
        assert_eq!(normalize("").unwrap_err(), NormalizeError::Empty);
        assert_eq!(normalize(" -'. ").unwrap_err(), NormalizeError::Empty);
        assert!(matches!(
            normalize(&"a".repeat(600)),
            Err(NormalizeError::TooLong { .. })
        ));
        assert!(matches!(
            normalize(&"a".repeat(200)),
            Err(NormalizeError::TooLong { .. })
        ));
    }
}
