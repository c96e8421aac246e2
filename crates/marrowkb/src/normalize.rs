//! Name normalization (the `marrowkb-normalize` crate, which the code generator shares), so that look-ups
//! at run time fold names exactly as the generator folded the keys of the compile-time maps.
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

pub use marrowkb_normalize::{MAX_INPUT_LEN, MAX_NORMALIZED_LEN, NormalizeError, Normalized, letter_counts, normalize};
