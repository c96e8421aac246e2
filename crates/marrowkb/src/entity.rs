//! What every generated knowledge enum (`Disorder`, `Symptom`, `Treatment`, `Cause`, `DiagnosticTest`,
//! `Source`) can do, implemented once by [`knowledge_enum!`](crate::entity).
//!
//! ```
//! use marrowkb::{Disorder, Symptom};
//! let fa = Disorder::FanconiAnemia;
//! assert_eq!(fa.key(), "fanconi_anemia");
//! assert_eq!(Disorder::from_discriminant(fa.discriminant()).unwrap(), fa);
//! assert_eq!(Disorder::from_key("fanconi_anemia").unwrap(), fa);
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

            /// The value with this exact stable key.
            ///
            /// # Errors
            /// [`crate::Error::UnknownKey`] when no value has this key.
            pub fn from_key(key: &str) -> crate::Result<Self> {
                $by_key
                    .get(key)
                    .copied()
                    .ok_or(crate::Error::UnknownKey { entity: $what })
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
