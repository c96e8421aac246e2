//! Name normalization shared by marrowkb's look-ups at run time (re-exported as `marrowkb::normalize`) and
//! by its code generator (`crates/marrowkb-codegen`), which hashes the same normalized keys into the
//! compile-time maps: one crate, so both sides always agree.
//!
//! A name is folded to lower-case ASCII letters and digits: diacritics are transliterated (`é` → `e`,
//! `ß` → `ss`), spaces, hyphens, punctuation and apostrophes are dropped, a possessive `'s` is dropped
//! (`Fanconi's` → `fanconi`), and British spellings fold to American ones (`ae`, `oe` → `e`: `anaemia`,
//! `haem-`, `oedema`). The result lives in a fixed stack buffer: normalizing never allocates.
//!
//! ```
//! use marrowkb_normalize::normalize;
//! assert_eq!(normalize("Blackfan–Diamond Anaemia").unwrap().as_str(), "blackfandiamondanemia");
//! assert_eq!(normalize("Fanconi's anémia").unwrap().as_str(), "fanconianemia");
//! assert!(normalize(" - ").is_err());
//! ```

/// The longest normalized name, in bytes. Longer input is rejected as too long.
pub const MAX_NORMALIZED_LEN: usize = 128;
/// The longest raw input accepted, in bytes (checked before any work is done).
pub const MAX_INPUT_LEN: usize = 512;

/// Why a text cannot be normalized.
///
/// ```
/// use marrowkb_normalize::{NormalizeError, normalize};
/// assert_eq!(normalize("--").unwrap_err(), NormalizeError::Empty);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormalizeError {
    /// Nothing left after dropping spaces and punctuation.
    Empty,
    /// The raw input or its normalized form is over the limit; `len` is the raw input's length in bytes.
    TooLong {
        /// Length of the raw input in bytes.
        len: usize,
        /// The limit that was exceeded: [`MAX_INPUT_LEN`] bytes of text, or [`MAX_NORMALIZED_LEN`] letters and
        /// digits after normalization.
        max: usize,
    },
}

/// A normalized name in a stack buffer.
///
/// ```
/// let n = marrowkb_normalize::normalize("Pearson Syndrome").unwrap();
/// assert_eq!(n.as_str(), "pearsonsyndrome");
/// ```
#[derive(Clone, Copy)]
pub struct Normalized {
    buf: [u8; MAX_NORMALIZED_LEN],
    len: usize,
}

impl Normalized {
    /// The normalized text (lower-case ASCII letters and digits).
    ///
    /// ```
    /// assert_eq!(marrowkb_normalize::normalize("TAR").unwrap().as_str(), "tar");
    /// ```
    #[inline]
    pub fn as_str(&self) -> &str {
        // Only ASCII alphanumerics are ever written into the buffer.
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    /// The normalized text as bytes: what the name maps are probed with (no UTF-8 check needed).
    ///
    /// ```
    /// assert_eq!(marrowkb_normalize::normalize("Fanconi's").unwrap().as_bytes(), b"fanconi");
    /// ```
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
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

/// What an ASCII byte contributes: itself lower-cased (letters and digits), or one of these classes.
const SKIP: u8 = 0;
const APOSTROPHE: u8 = 1;
const NON_ASCII: u8 = 2;

/// Byte → lower-cased letter or digit, or a class above: one table look-up per input byte.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [SKIP; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            NON_ASCII
        } else if byte.is_ascii_alphanumeric() {
            byte.to_ascii_lowercase()
        } else if byte == b'\'' || byte == b'`' {
            APOSTROPHE
        } else {
            SKIP
        };
        b += 1;
    }
    table
};

impl Normalized {
    /// An empty buffer, to be filled by [`Normalized::fill`] (lets hot loops reuse one buffer).
    ///
    /// ```
    /// assert_eq!(marrowkb_normalize::Normalized::new().as_str(), "");
    /// ```
    #[inline]
    pub const fn new() -> Self {
        Self {
            buf: [0u8; MAX_NORMALIZED_LEN],
            len: 0,
        }
    }

    /// Appends a lower-case ASCII letter or digit, folding British "ae"/"oe" to "e" as it goes.
    #[inline(always)]
    fn push(&mut self, b: u8, too_long: NormalizeError) -> Result<(), NormalizeError> {
        let last = self.len.checked_sub(1).map_or(0, |i| self.buf[i]);
        if keep(&mut self.buf, &mut self.len, last, b) {
            Ok(())
        } else {
            Err(too_long)
        }
    }

    /// Handles an apostrophe or a non-ASCII character at byte `i`; returns the next byte to read.
    #[cold]
    fn special(&mut self, text: &str, i: usize, class: u8, too_long: NormalizeError) -> Result<usize, NormalizeError> {
        if class == APOSTROPHE {
            return Ok(skip_possessive(text, i + 1));
        }
        // `i` is always at a character boundary: ASCII bytes advance by one, characters by their length.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            return Ok(text.len());
        };
        let next = i + c.len_utf8();
        if is_apostrophe(c) {
            return Ok(skip_possessive(text, next));
        }
        if let Some(ascii) = deunicode::deunicode_char(c) {
            for b in ascii.bytes() {
                let mapped = BYTE_CLASS[b as usize];
                if mapped > NON_ASCII {
                    self.push(mapped, too_long)?;
                }
            }
        }
        Ok(next)
    }

    /// Replaces the contents with the normalized form of `text` (see the module documentation).
    ///
    /// ```
    /// let mut n = marrowkb_normalize::Normalized::new();
    /// n.fill("Kostmann's disease").unwrap();
    /// assert_eq!(n.as_str(), "kostmanndisease");
    /// ```
    ///
    /// # Errors
    /// [`NormalizeError::Empty`] when nothing is left, [`NormalizeError::TooLong`] over the limits.
    #[inline]
    pub fn fill(&mut self, text: &str) -> Result<(), NormalizeError> {
        match self.fill_plain(text) {
            Some(done) => done,
            None => self.fill_general(text),
        }
    }

    /// The fast path of [`Normalized::fill`], for text of at most [`MAX_NORMALIZED_LEN`] bytes without
    /// apostrophes or non-ASCII characters (so the buffer cannot overflow); `None` for any other text.
    #[inline(always)]
    fn fill_plain(&mut self, text: &str) -> Option<Result<(), NormalizeError>> {
        let bytes = text.as_bytes();
        if bytes.len() > MAX_NORMALIZED_LEN {
            return None;
        }
        // Locals only: the buffer length and the last byte kept stay in registers.
        let mut len = 0usize;
        let mut last = 0u8;
        for &byte in bytes {
            let class = BYTE_CLASS[byte as usize];
            if class > NON_ASCII {
                // At most one byte kept per byte read, and the text is no longer than the buffer: never full.
                if !keep(&mut self.buf, &mut len, last, class) {
                    return None;
                }
                last = class;
            } else if class != SKIP {
                return None;
            }
        }
        self.len = len;
        Some(if len == 0 { Err(NormalizeError::Empty) } else { Ok(()) })
    }

    /// [`Normalized::fill`] for any text: apostrophes and non-ASCII characters go through `special`.
    #[inline(never)]
    fn fill_general(&mut self, text: &str) -> Result<(), NormalizeError> {
        self.len = 0;
        if text.len() > MAX_INPUT_LEN {
            return Err(NormalizeError::TooLong {
                len: text.len(),
                max: MAX_INPUT_LEN,
            });
        }
        // Within the text limit, but with more letters and digits than any name can have.
        let too_long = NormalizeError::TooLong {
            len: text.len(),
            max: MAX_NORMALIZED_LEN,
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        // Hot loop on locals (the buffer length and the last byte kept stay in registers); apostrophes
        // and non-ASCII characters go through `special`.
        let mut len = 0usize;
        let mut last = 0u8;
        while let Some(&byte) = bytes.get(i) {
            let class = BYTE_CLASS[byte as usize];
            i += 1;
            if class > NON_ASCII {
                if !keep(&mut self.buf, &mut len, last, class) {
                    return Err(too_long);
                }
                last = class;
            } else if class != SKIP {
                self.len = len;
                i = self.special(text, i - 1, class, too_long)?;
                len = self.len;
                last = if len > 0 { self.buf[len - 1] } else { 0 };
            }
        }
        self.len = len;
        if self.len == 0 {
            return Err(NormalizeError::Empty);
        }
        Ok(())
    }
}

impl Default for Normalized {
    fn default() -> Self {
        Self::new()
    }
}

/// Appends the lower-case ASCII letter or digit `b` to `buf[..*len]`, folding British "ae"/"oe" to "e": when
/// `b` is an `e` and `last` (the byte kept before it, 0 for none) an `a` or `o`, the `e` replaces it. The one
/// place this rule lives, for every loop of [`Normalized::fill`]; `false` when the buffer is full.
#[inline(always)]
fn keep(buf: &mut [u8; MAX_NORMALIZED_LEN], len: &mut usize, last: u8, b: u8) -> bool {
    if b == b'e' && (last == b'a' || last == b'o') {
        // `last` is set only once a byte is kept, so `len` is at least 1.
        buf[len.saturating_sub(1)] = b'e';
        return true;
    }
    let Some(slot) = buf.get_mut(*len) else {
        return false;
    };
    *slot = b;
    *len += 1;
    true
}

/// After an apostrophe at byte `i` of `text`: skips a possessive `s` that ends a word.
fn skip_possessive(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    if matches!(bytes.get(i), Some(b's' | b'S')) {
        let next_is_letter = text
            .get(i + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric);
        if !next_is_letter {
            return i + 1;
        }
    }
    i
}

/// Normalizes `text` (see the module documentation) into a new buffer.
///
/// ```
/// assert_eq!(marrowkb_normalize::normalize("Œdema").unwrap().as_str(), "edema");
/// ```
///
/// # Errors
/// [`NormalizeError::Empty`] when nothing is left, [`NormalizeError::TooLong`] over the limits.
#[inline]
pub fn normalize(text: &str) -> Result<Normalized, NormalizeError> {
    let mut normalized = Normalized::new();
    normalized.fill(text)?;
    Ok(normalized)
}

/// Letter and digit counts of a normalized name: 36 bins, `a`–`z` then `0`–`9` (other bytes are ignored).
/// Suggestions use them to skip names that cannot be similar; the code generator precomputes them.
///
/// ```
/// let counts = marrowkb_normalize::letter_counts("fanconianemia");
/// assert_eq!((counts[0], counts[(b'n' - b'a') as usize]), (3, 3));
/// ```
pub fn letter_counts(normalized: &str) -> [u8; 36] {
    let mut counts = [0u8; 36];
    for b in normalized.bytes() {
        let bin = match b {
            b'a'..=b'z' => (b - b'a') as usize,
            b'0'..=b'9' => 26 + (b - b'0') as usize,
            _ => continue,
        };
        counts[bin] = counts[bin].saturating_add(1);
    }
    counts
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

    /// The fast path of `fill` and the general loop agree on random ASCII text rich in the cases that matter:
    /// both cases of letters, `a`/`o` before `e` across separators, digits, punctuation, and lengths on both
    /// sides of the fast path's limit.
    #[test]
    fn fast_path_agrees_with_the_general_loop() {
        const ALPHABET: &[u8] = b"aAeEoOxXnz09 -_.,()/\\t";
        let mut rng = fastrand::Rng::with_seed(20250116);
        let (mut fast, mut general) = (Normalized::new(), Normalized::new());
        let mut plain = 0;
        for _ in 0..20_000 {
            let len = rng.usize(0..=MAX_NORMALIZED_LEN + 8);
            let text: String = (0..len)
                .map(|_| char::from(ALPHABET[rng.usize(..ALPHABET.len())]))
                .collect();
            plain += usize::from(fast.fill_plain(&text).is_some());
            assert_eq!(fast.fill(&text), general.fill_general(&text), "{text:?}");
            assert_eq!(fast.as_str(), general.as_str(), "{text:?}");
        }
        // Most cases go through the fast path; the rest check the fall-back.
        assert!(plain > 15_000, "{plain}");
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
