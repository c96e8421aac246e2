//! Look-up of disorders by any name, synonym or abbreviation, with suggestions for near misses.
//!
//! ```
//! use marrowkb::{Disorder, Error};
//! assert_eq!(marrowkb::lookup("FA").unwrap(), Disorder::FanconiAnemia);
//! assert_eq!(marrowkb::lookup("shwachman–bodian–diamond syndrome").unwrap(), Disorder::ShwachmanDiamondSyndrome);
//! assert!(matches!(marrowkb::lookup(""), Err(Error::EmptyInput)));
//! ```

use crate::generated::{DISORDER_BY_NAME, DISORDER_SUGGESTION_NAMES};
use crate::normalize::{NormalizeError, Normalized, letter_counts, normalize};
use crate::{Disorder, Error, Result};
use core::fmt;
use rapidfuzz::distance::jaro_winkler::{self, BatchComparator};

/// How many suggestions an unknown name carries at most.
pub const MAX_SUGGESTIONS: usize = 3;

/// The smallest Jaro-Winkler similarity (0 to 1) a name needs to be suggested.
pub const SUGGESTION_THRESHOLD: f64 = 0.8;

/// The closest known disorders to an unknown name, best first. Fixed-size: no allocation.
///
/// ```
/// use marrowkb::Disorder;
/// let s = marrowkb::suggest("diamond blackfan anemai");
/// assert_eq!(s.first(), Some(Disorder::DiamondBlackfanAnemia));
/// assert!(s.len() <= marrowkb::lookup::MAX_SUGGESTIONS);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Suggestions {
    items: [Option<Disorder>; MAX_SUGGESTIONS],
}

impl Suggestions {
    /// The suggestions, best first.
    ///
    /// ```
    /// let s = marrowkb::suggest("diamond blackfan anemai");
    /// assert_eq!(s.iter().next(), s.first());
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = Disorder> + '_ {
        self.items.iter().map_while(|d| *d)
    }

    /// The best suggestion.
    ///
    /// ```
    /// assert_eq!(marrowkb::suggest("pearsn syndrome").first(), Some(marrowkb::Disorder::PearsonSyndrome));
    /// ```
    pub fn first(&self) -> Option<Disorder> {
        self.items[0]
    }

    /// How many suggestions there are.
    ///
    /// ```
    /// assert!(marrowkb::suggest("fanconni").len() >= 1);
    /// ```
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(marrowkb::suggest("xyzzy").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.items[0].is_none()
    }
}

impl fmt::Display for Suggestions {
    /// Formats as `; did you mean Fanconi anemia or Pearson syndrome?` (nothing when empty).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.len();
        for (i, d) in self.iter().enumerate() {
            let sep = match i {
                0 => "; did you mean ",
                _ if i + 1 == n => " or ",
                _ => ", ",
            };
            write!(f, "{sep}{}", d.name())?;
        }
        if n > 0 {
            f.write_str("?")?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Suggestions {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Maps a normalization failure to [`Error`].
#[cold]
pub(crate) fn normalize_error(e: NormalizeError) -> Error {
    match e {
        NormalizeError::Empty => Error::EmptyInput,
        NormalizeError::TooLong { len, max } => Error::InputTooLong { len, max },
    }
}

/// Normalizes user input for a name look-up, mapping failures to [`Error`].
#[inline]
pub(crate) fn normalize_input(text: &str) -> Result<Normalized> {
    normalize(text).map_err(normalize_error)
}

/// Finds a disorder by any name, synonym or abbreviation, ignoring case, diacritics, punctuation, hyphens,
/// spaces, apostrophes and British spelling. Short forms without a generic last word ("Kostmann",
/// "Fanconi", "GATA2") are found too where they point to one disorder alone. A hit never allocates; a miss
/// builds one Jaro-Winkler comparator for its suggestions (two small allocations, whatever the number of names
/// compared). [`lookup_exact`] never allocates.
///
/// ```
/// use marrowkb::Disorder;
/// assert_eq!(marrowkb::lookup("Kostmann disease").unwrap(), Disorder::KostmannSyndrome);
/// assert_eq!(marrowkb::lookup("MonoMAC").unwrap(), Disorder::Gata2Deficiency);
/// ```
///
/// # Errors
/// [`Error::EmptyInput`], [`Error::InputTooLong`], or [`Error::UnknownName`] with the closest names.
pub fn lookup(text: &str) -> Result<Disorder> {
    let mut normalized = Normalized::new();
    normalized.fill(text).map_err(normalize_error)?;
    probe(&DISORDER_BY_NAME, normalized.as_bytes()).ok_or_else(|| unknown_name(normalized.as_str()))
}

/// The error for a normalized name that is not found, with suggestions: out of line, so a hit stays a short
/// path.
#[cold]
#[inline(never)]
pub(crate) fn unknown_name(normalized: &str) -> Error {
    Error::UnknownName {
        suggestions: suggest_normalized(normalized),
    }
}

/// Like [`lookup()`] but `None` for anything not found, without computing suggestions: the fast path for
/// batch normalization.
///
/// ```
/// use marrowkb::Disorder;
/// assert_eq!(marrowkb::lookup_exact("DBA"), Some(Disorder::DiamondBlackfanAnemia));
/// assert_eq!(marrowkb::lookup_exact("unknown"), None);
/// ```
pub fn lookup_exact(text: &str) -> Option<Disorder> {
    let mut normalized = Normalized::new();
    normalized.fill(text).ok()?;
    probe(&DISORDER_BY_NAME, normalized.as_bytes())
}

/// Looks `key` up in a generated name map: phf's own hash and slot functions, inlined here so the compiler
/// sees the map's sizes as constants and turns phf's two integer divisions into multiplications (`Map::get`
/// is one shared generic function that divides). It relies on phf 0.14's `Map` layout, as the generated code
/// that builds the maps does; a test checks it agrees with `Map::get` on every key.
#[inline(always)]
pub(crate) fn probe<V: Copy>(map: &'static phf::Map<&'static [u8], V>, key: &[u8]) -> Option<V> {
    let hashes = phf_shared::hash(key, &map.key);
    let index = phf_shared::get_index(&hashes, map.disps, map.entries.len());
    let (k, v) = map.entries.get(index as usize)?;
    (*k == key).then_some(*v)
}

/// Looks up text that is already normalized (see [`crate::normalize`]): a single `phf` probe, the
/// floor every other name look-up is measured against. For callers that store normalized names.
///
/// ```
/// use marrowkb::Disorder;
/// assert_eq!(marrowkb::lookup::lookup_normalized("diamondblackfananemia"), Some(Disorder::DiamondBlackfanAnemia));
/// assert_eq!(marrowkb::lookup::lookup_normalized("Diamond-Blackfan anemia"), None);
/// ```
pub fn lookup_normalized(normalized: &str) -> Option<Disorder> {
    probe(&DISORDER_BY_NAME, normalized.as_bytes())
}

/// Every look-up name of every disorder, normalized, with its disorder (in no particular order).
///
/// ```
/// use marrowkb::Disorder;
/// assert!(marrowkb::lookup::names().any(|(name, d)| name == "fa" && d == Disorder::FanconiAnemia));
/// ```
pub fn names() -> impl Iterator<Item = (&'static str, Disorder)> {
    DISORDER_BY_NAME
        .entries()
        // Keys are normalized names, lower-case ASCII letters and digits, so always UTF-8.
        .filter_map(|(name, d)| Some((core::str::from_utf8(name).ok()?, *d)))
}

/// The disorders whose names are closest to `text` (Jaro-Winkler similarity of normalized names, at
/// least [`SUGGESTION_THRESHOLD`]; ties by discriminant). Computed with rapidfuzz's bit-parallel
/// Jaro-Winkler, after a letter-count bound has skipped the names that cannot reach the threshold.
///
/// ```
/// use marrowkb::Disorder;
/// assert_eq!(marrowkb::suggest("fanconni").first(), Some(Disorder::FanconiAnemia));
/// assert!(marrowkb::suggest("zzzzzz").is_empty());
/// ```
pub fn suggest(text: &str) -> Suggestions {
    match normalize(text) {
        Ok(normalized) => suggest_normalized(normalized.as_str()),
        Err(_) => Suggestions::default(),
    }
}

/// Room for rounding wherever a score computed another way decides what is skipped: the letter-count bound
/// (which for a 4-letter common prefix is the exact score by another formula) and the cut-off handed to
/// rapidfuzz, which turns it into a Jaro cut-off with a division whose rounding can reject a score exactly at
/// the cut-off (`ko` against `kostmann` scores 0.8, yet is cut at 0.8). The threshold itself is applied to
/// the exact scores when ranking.
pub(crate) const SCORE_SLACK: f64 = 1e-9;

/// An upper bound of the Jaro-Winkler similarity from the shared letters alone: the Jaro matches `m` are at
/// most the size `c` of the multiset intersection, so Jaro ≤ (c/|a| + c/|b| + 1) / 3, and Winkler's prefix
/// bonus gives at most 0.6 · Jaro + 0.4. Names whose bound is below the threshold are not compared.
pub(crate) fn similarity_bound(input_counts: &[u8; 36], input_len: usize, name: &str, counts: &[u8; 36]) -> f64 {
    let common: usize = input_counts
        .iter()
        .zip(counts)
        .map(|(a, b)| usize::from(*a.min(b)))
        .sum();
    let jaro = (common as f64 / input_len as f64 + common as f64 / name.len() as f64 + 1.0) / 3.0;
    0.6 * jaro + 0.4
}

fn suggest_normalized(input: &str) -> Suggestions {
    let mut best = [0.0f64; Disorder::COUNT];
    let input_counts = letter_counts(input);
    // rapidfuzz's bit-parallel Jaro-Winkler, with the input's bit masks built once for all names.
    let comparator = BatchComparator::new(input.bytes());
    let cutoff = jaro_winkler::Args::default().score_cutoff(SUGGESTION_THRESHOLD - SCORE_SLACK);
    // Abbreviations (under 4 characters) are too short to compare by similarity and are not candidates.
    for (name, disorder, counts) in &DISORDER_SUGGESTION_NAMES {
        let slot = &mut best[disorder.index()];
        let bound = similarity_bound(&input_counts, input.len(), name, counts);
        if bound + SCORE_SLACK < SUGGESTION_THRESHOLD || bound + SCORE_SLACK <= *slot {
            continue;
        }
        if let Some(score) = comparator.similarity_with_args(name.bytes(), &cutoff)
            && score > *slot
        {
            *slot = score;
        }
    }
    let mut ranked = Disorder::ALL;
    ranked.sort_by(|a, b| best[b.index()].total_cmp(&best[a.index()]).then(a.cmp(b)));
    let mut items = [None; MAX_SUGGESTIONS];
    for (slot, disorder) in items.iter_mut().zip(ranked.iter()) {
        if best[disorder.index()] >= SUGGESTION_THRESHOLD {
            *slot = Some(*disorder);
        }
    }
    Suggestions { items }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the lookup fuzz target: a score exactly at the threshold is a suggestion.
    #[test]
    fn a_score_at_the_threshold_is_suggested() {
        assert_eq!(
            jaro_winkler::similarity("ko".bytes(), "kostmann".bytes()),
            SUGGESTION_THRESHOLD
        );
        assert!(suggest("Ko").iter().any(|d| d == Disorder::KostmannSyndrome));
    }

    #[test]
    fn probe_agrees_with_phf_get() {
        use crate::generated::{
            CAUSE_BY_NAME, DIAGNOSTIC_TEST_BY_NAME, SOURCE_BY_NAME, SYMPTOM_BY_NAME, TREATMENT_BY_NAME,
        };
        fn check<V: Copy + PartialEq + fmt::Debug>(map: &'static phf::Map<&'static [u8], V>) {
            for (key, value) in map.entries() {
                assert_eq!(probe(map, key), Some(*value), "{key:?}");
                // Near misses: one byte shorter, one byte longer, one byte changed.
                for near in [
                    &key[..key.len() - 1],
                    &[*key, b"x"].concat(),
                    &[b"q", &key[1..]].concat(),
                ] {
                    assert_eq!(probe(map, near), map.get(near).copied(), "{near:?}");
                }
            }
            assert_eq!(probe(map, b""), None);
        }
        check(&DISORDER_BY_NAME);
        check(&SYMPTOM_BY_NAME);
        check(&TREATMENT_BY_NAME);
        check(&CAUSE_BY_NAME);
        check(&DIAGNOSTIC_TEST_BY_NAME);
        check(&SOURCE_BY_NAME);
    }

    #[test]
    fn the_bound_is_an_upper_bound() {
        for (a, _, a_counts) in &DISORDER_SUGGESTION_NAMES {
            assert_eq!(*a_counts, letter_counts(a), "{a}: generated counts");
            for (b, _, b_counts) in &DISORDER_SUGGESTION_NAMES {
                let exact = jaro_winkler::similarity(a.bytes(), b.bytes());
                let bound = similarity_bound(a_counts, a.len(), b, b_counts);
                assert!(exact <= bound + 1e-12, "{a} / {b}: {exact} > {bound}");
            }
        }
    }
}
