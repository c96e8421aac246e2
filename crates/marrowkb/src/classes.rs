//! Small closed vocabularies used by the records: origin, cell lines, inheritance, onset, frequency classes,
//! treatment roles, body systems and cross-reference qualities.
//!
//! Each is a plain `#[repr(u32)]` enum with explicit discriminants, a stable snake_case key (`key()`,
//! `Display`, `FromStr`, serde) and `ALL` in discriminant order.
//!
//! ```
//! use marrowkb::classes::Frequency;
//! assert_eq!(Frequency::VeryFrequent.key(), "very_frequent");
//! assert_eq!("frequent".parse::<Frequency>().unwrap(), Frequency::Frequent);
//! assert_eq!(" Very_Frequent ".parse::<Frequency>().unwrap(), Frequency::VeryFrequent); // any case
//! assert_eq!(Frequency::VeryFrequent.range_percent(), (80, 99));
//! ```

use crate::codes::HpoId;

pub use crate::generated::classes::*;

/// Defines a closed vocabulary: a `#[repr(u32)]` enum with explicit discriminants, `ALL`, a stable key
/// (`key()`, `Display`, `FromStr`, serde) and `from_discriminant`. `$module` is the public path of the
/// module the enum lives in, for the generated doc examples; `| "alias"` after a key adds a spelling the
/// parser accepts. The invocations are generated from `data/vocabularies.toml` (`generated/closed_vocabularies.rs`).
macro_rules! closed_vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal in $module:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $disc:literal => $key:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        #[doc = concat!("```\nuse ", $module, "::", stringify!($name), ";\n")]
        #[doc = concat!("let first = ", stringify!($name), "::ALL[0];\n")]
        #[doc = concat!("assert_eq!(first.key().parse::<", stringify!($name), ">().unwrap(), first);\n```")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u32)]
        pub enum $name {
            $( $(#[$vmeta])* $variant = $disc, )+
        }

        impl $name {
            /// Every value, in discriminant order.
            ///
            #[doc = concat!("```\nuse ", $module, "::", stringify!($name), ";\n")]
            #[doc = concat!("assert!(", stringify!($name), "::ALL.windows(2).all(|w| w[0] < w[1]));\n```")]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable snake_case key (serde, Python, C; also its `Display` and `FromStr`).
            ///
            #[doc = concat!("```\nuse ", $module, "::", stringify!($name), ";\n")]
            #[doc = concat!("for v in ", stringify!($name), "::ALL {\n")]
            #[doc = concat!("    assert_eq!(v.to_string(), v.key());\n")]
            #[doc = concat!("    assert_eq!(v.key().parse::<", stringify!($name), ">().unwrap(), *v);\n}\n```")]
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            /// The value with this stable discriminant.
            ///
            #[doc = concat!("```\nuse ", $module, "::", stringify!($name), ";\n")]
            #[doc = concat!("for v in ", stringify!($name), "::ALL {\n")]
            #[doc = concat!("    assert_eq!(", stringify!($name), "::from_discriminant(*v as u32).unwrap(), *v);\n}\n")]
            #[doc = concat!("assert!(", stringify!($name), "::from_discriminant(99).is_err());\n```")]
            ///
            /// # Errors
            /// [`crate::Error::InvalidDiscriminant`] for a number no value has.
            pub const fn from_discriminant(value: u32) -> Result<Self, crate::Error> {
                match value {
                    $($disc => Ok($name::$variant),)+
                    _ => Err(crate::Error::InvalidDiscriminant { entity: $what, value }),
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.pad(self.key())
            }
        }

        impl core::str::FromStr for $name {
            type Err = crate::Error;
            /// Parses the key, ignoring ASCII case and surrounding spaces (`"Childhood"`, `" EXACT "`): one
            /// rule for every closed vocabulary, as for names.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let s = s.trim();
                $(
                    if s.eq_ignore_ascii_case($key) $(|| s.eq_ignore_ascii_case($alias))* {
                        return Ok($name::$variant);
                    }
                )+
                Err(crate::Error::UnknownKey { entity: $what })
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }
    };
}

pub(crate) use closed_vocabulary;

impl Inheritance {
    /// The HPO term for this mode, where HPO has one.
    ///
    /// ```
    /// use marrowkb::classes::Inheritance;
    /// assert_eq!(Inheritance::AutosomalRecessive.hpo().unwrap().to_string(), "HP:0000007");
    /// assert!(Inheritance::NotInherited.hpo().is_none());
    /// ```
    pub const fn hpo(self) -> Option<HpoId> {
        match self {
            Inheritance::AutosomalRecessive => Some(HpoId::new(7)),
            Inheritance::AutosomalDominant => Some(HpoId::new(6)),
            Inheritance::XLinkedRecessive => Some(HpoId::new(1419)),
            Inheritance::XLinkedDominant => Some(HpoId::new(1423)),
            Inheritance::XLinked => Some(HpoId::new(1417)),
            Inheritance::Mitochondrial => Some(HpoId::new(1427)),
            Inheritance::Sporadic => Some(HpoId::new(3745)),
            Inheritance::NotInherited => None,
        }
    }
}

impl Onset {
    /// The HPO onset term.
    ///
    /// ```
    /// use marrowkb::classes::Onset;
    /// assert_eq!(Onset::Congenital.hpo().to_string(), "HP:0003577");
    /// ```
    pub const fn hpo(self) -> HpoId {
        HpoId::new(match self {
            Onset::Congenital => 3577,
            Onset::Neonatal => 3623,
            Onset::Infantile => 3593,
            Onset::Childhood => 11463,
            Onset::Juvenile => 3621,
            Onset::Adult => 3581,
        })
    }

    /// Age range in years `[from, to)` this onset class covers (HPO definitions).
    ///
    /// ```
    /// use marrowkb::classes::Onset;
    /// assert_eq!(Onset::Juvenile.age_years(), (5.0, 16.0));
    /// ```
    pub const fn age_years(self) -> (f64, f64) {
        match self {
            Onset::Congenital => (0.0, 0.0),
            Onset::Neonatal => (0.0, 28.0 / 365.25),
            Onset::Infantile => (28.0 / 365.25, 1.0),
            Onset::Childhood => (1.0, 5.0),
            Onset::Juvenile => (5.0, 16.0),
            Onset::Adult => (16.0, f64::INFINITY),
        }
    }
}

impl Frequency {
    /// The HPO frequency term.
    ///
    /// ```
    /// use marrowkb::classes::Frequency;
    /// assert_eq!(Frequency::Occasional.hpo().to_string(), "HP:0040283");
    /// ```
    pub const fn hpo(self) -> HpoId {
        HpoId::new(40279 + self as u32)
    }

    /// The class's range in percent, inclusive, as HPO defines it.
    ///
    /// ```
    /// use marrowkb::classes::Frequency;
    /// assert_eq!(Frequency::Obligate.range_percent(), (100, 100));
    /// ```
    pub const fn range_percent(self) -> (u8, u8) {
        match self {
            Frequency::Obligate => (100, 100),
            Frequency::VeryFrequent => (80, 99),
            Frequency::Frequent => (30, 79),
            Frequency::Occasional => (5, 29),
            Frequency::VeryRare => (1, 4),
            Frequency::Excluded => (0, 0),
        }
    }

    /// A point estimate of the class as a probability: the midpoint of its range.
    ///
    /// ```
    /// use marrowkb::classes::Frequency;
    /// assert_eq!(Frequency::VeryFrequent.probability(), 0.895);
    /// ```
    pub const fn probability(self) -> f64 {
        let (lo, hi) = self.range_percent();
        (lo as f64 + hi as f64) / 200.0
    }

    /// The class a percentage falls in (`None` above 100 or for NaN).
    ///
    /// ```
    /// use marrowkb::classes::Frequency;
    /// assert_eq!(Frequency::from_percent(50.0), Some(Frequency::Frequent));
    /// assert_eq!(Frequency::from_percent(0.0), Some(Frequency::Excluded));
    /// ```
    pub fn from_percent(percent: f64) -> Option<Self> {
        if !(0.0..=100.0).contains(&percent) {
            return None;
        }
        Some(match percent {
            p if p >= 100.0 => Frequency::Obligate,
            p if p >= 80.0 => Frequency::VeryFrequent,
            p if p >= 30.0 => Frequency::Frequent,
            p if p >= 5.0 => Frequency::Occasional,
            p if p > 0.0 => Frequency::VeryRare,
            _ => Frequency::Excluded,
        })
    }
}
