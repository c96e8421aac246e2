//! What every generated knowledge enum (`Disorder`, `Symptom`, `Treatment`, `Cause`, `DiagnosticTest`,
//! `Source`) can do, implemented once by [`knowledge_enum!`](crate::entity). The invocations are generated
//! (`generated/entities.rs`) from the code generator's list of entities, the list the C library's
//! per-entity functions are generated from too.
//!
//! ```
//! use marrowkb::{Disorder, Symptom};
//! let fa = Disorder::FanconiAnemia;
//! assert_eq!(fa.key(), "fanconi_anemia");
//! assert_eq!(Disorder::from_discriminant(fa.discriminant()).unwrap(), fa);
//! assert_eq!(Disorder::from_key("fanconi_anemia").unwrap(), fa);
//! assert_eq!(Disorder::from_key("FANCONI_ANEMIA").unwrap(), fa); // keys are read in any case
//! assert_eq!(Disorder::ALL.len(), Disorder::COUNT);
//! assert_eq!(Symptom::from_key("fever").unwrap().key(), "fever");
//! ```

macro_rules! knowledge_enum {
    ($ty:ident, $info:ident, $table:path, $by_key:path, $by_name:path, $what:literal) => {
        crate::entity::knowledge_enum!($ty, $info, $table, $by_key, $by_name, $what, |_| None);
    };
    // `$fallback` (`fn(&str) -> Option<Self>`, allocation-free) is asked when no key or name matches.
    ($ty:ident, $info:ident, $table:path, $by_key:path, $by_name:path, $what:literal, $fallback:expr) => {
        impl $ty {
            /// How many values there are.
            pub const COUNT: usize = Self::ALL.len();

            /// The full record.
            pub fn info(self) -> &'static $info {
                &$table[self.index()]
            }

            /// The stable snake_case key.
            pub fn key(self) -> &'static str {
                self.info().key
            }

            /// The display name.
            pub fn name(self) -> &'static str {
                self.info().name
            }

            /// The stable discriminant (also the C enum value).
            pub const fn discriminant(self) -> u32 {
                self as u32
            }

            /// The value with this stable discriminant.
            ///
            /// # Errors
            /// [`crate::Error::InvalidDiscriminant`] for a number no value has.
            pub fn from_discriminant(value: u32) -> crate::Result<Self> {
                Self::from_discriminant_opt(value).ok_or(crate::Error::InvalidDiscriminant { entity: $what, value })
            }

            /// The value with this stable key, in any ASCII case (`"fanconi_anemia"`, `"FANCONI_ANEMIA"`), as
            /// every closed vocabulary is read. Never allocates.
            ///
            /// # Errors
            /// [`crate::Error::UnknownKey`] when no value has this key.
            pub fn from_key(key: &str) -> crate::Result<Self> {
                let unknown = crate::Error::UnknownKey { entity: $what };
                if let Some(&value) = $by_key.get(key) {
                    return Ok(value);
                }
                let mut buffer = [0u8; crate::entity::MAX_KEY_LEN];
                let lower = crate::entity::ascii_lowercase(key, &mut buffer).ok_or(unknown)?;
                $by_key.get(lower).copied().ok_or(unknown)
            }

            /// Finds a value by key or any of its names, ignoring case, diacritics, punctuation, spaces and
            /// British spelling (a symptom also by any label or synonym of its HPO terms). Never allocates.
            ///
            /// # Errors
            /// [`crate::Error::EmptyInput`], [`crate::Error::InputTooLong`], or
            /// [`crate::Error::UnknownKey`] when nothing matches.
            pub fn find(text: &str) -> crate::Result<Self> {
                let normalized = crate::lookup::normalize_input(text)?;
                let fallback: fn(&str) -> Option<Self> = $fallback;
                crate::lookup::probe(&$by_name, normalized.as_bytes())
                    .or_else(|| fallback(text))
                    .ok_or(crate::Error::UnknownKey { entity: $what })
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.pad(self.name())
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }
    };
}

pub(crate) use knowledge_enum;

/// The longest stable key any entity has room for when its case is folded (keys are short snake_case words).
pub(crate) const MAX_KEY_LEN: usize = 96;

/// `key` lower-cased (ASCII) into `buffer`; `None` when it is longer than the buffer.
pub(crate) fn ascii_lowercase<'b>(key: &str, buffer: &'b mut [u8; MAX_KEY_LEN]) -> Option<&'b str> {
    let bytes = key.as_bytes();
    let out = buffer.get_mut(..bytes.len())?;
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    core::str::from_utf8(out).ok()
}
