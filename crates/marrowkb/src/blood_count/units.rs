//! Units of measurement accepted by [`BloodCount`](super::BloodCount) and their conversions.
//!
//! Every value is converted once, on [`build`](super::BloodCountBuilder::build), to its canonical unit:
//!
//! | quantity | canonical unit | also accepted |
//! | --- | --- | --- |
//! | haemoglobin | g/dL | g/L (÷ 10), mmol/L (÷ 0.6206) |
//! | neutrophils, lymphocytes, monocytes, platelets, reticulocytes | ×10⁹/L (= 10³/µL = K/µL) | cells/µL (÷ 1000) |
//! | red cell count | ×10¹²/L (= 10⁶/µL = M/µL) | — (the same number in both) |
//! | MCV | fL | — |
//! | cellularity, residual haematopoietic cells, reticulocyte percentage | % | — |
//! | age | years | months (÷ 12), weeks (× 7 ÷ 365.25), days (÷ 365.25) |
//!
//! **Haemoglobin in mmol/L.** 1 g/dL = [`HB_MMOL_PER_L_PER_G_PER_DL`] = 0.6206 mmol/L of the haemoglobin
//! *monomer* (one haem, one globin chain). The factor is 10 g/L divided by the monomer's molar mass,
//! 16 114.5 g/mol, the value used by the ICSH reference method for haemoglobinometry (ICSH 1995 standard,
//! J Clin Pathol 1996;49:271–274): 10 / 16.1145 = 0.62056… mmol/L, rounded to four figures as in clinical
//! use. The tetramer (64 458 g/mol) would give a factor four times smaller; marrowkb never uses it.
//!
//! **Exactness.** Conversions divide by 10, 1000, 12 or 365.25 (never multiply by a rounded reciprocal),
//! so a value given at a threshold in g/L, cells/µL, months or days lands on the same `f64` as the
//! threshold itself (IEEE 754 division is correctly rounded). A value in mmol/L cannot be exact at a
//! g/dL threshold: give g/dL or g/L where a boundary matters.
//!
//! ```
//! use marrowkb::blood_count::{CountUnit, HemoglobinUnit};
//! assert_eq!(HemoglobinUnit::GramsPerLiter.to_canonical(72.0), 7.2);
//! assert_eq!(CountUnit::PerMicroliter.to_canonical(300.0), 0.3);
//! // What laboratory reports print: 10^3/µL is ×10⁹/L, 10^6/µL is ×10¹²/L.
//! assert_eq!("10^3/uL".parse::<CountUnit>().unwrap(), CountUnit::GigaPerLiter);
//! assert_eq!("K/µL".parse::<CountUnit>().unwrap(), CountUnit::GigaPerLiter);
//! assert_eq!("x10^6/uL".parse::<marrowkb::blood_count::Unit>().unwrap(), marrowkb::blood_count::Unit::TeraPerLiter);
//! let mmol = HemoglobinUnit::MillimolesPerLiter.from_canonical(10.0);
//! assert!((mmol - 6.206).abs() < 1e-12);
//! ```

pub use crate::generated::blood_count::{AgeUnit, CountUnit, HemoglobinUnit, Unit};

/// mmol/L of haemoglobin monomer in 1 g/dL: 10 g/L ÷ 16 114.5 g/mol (ICSH 1995), rounded to 0.6206.
///
/// ```
/// use marrowkb::blood_count::HB_MMOL_PER_L_PER_G_PER_DL;
/// assert!((10.0 / 16.1145 - HB_MMOL_PER_L_PER_G_PER_DL).abs() < 5e-5);
/// ```
pub const HB_MMOL_PER_L_PER_G_PER_DL: f64 = 0.6206;

/// Days per year used for ages given in days or weeks (the mean Julian year).
///
/// ```
/// use marrowkb::blood_count::{AgeUnit, DAYS_PER_YEAR};
/// assert_eq!(AgeUnit::Days.to_canonical(DAYS_PER_YEAR), 1.0);
/// ```
pub const DAYS_PER_YEAR: f64 = 365.25;

/// Defines a unit: a closed vocabulary (see `classes::closed_vocabulary!`) whose values also have a symbol
/// (their `Display`) and other spellings the parser accepts, ignoring case and spaces. The invocations are
/// generated from `data/vocabularies.toml` (`generated/closed_vocabularies.rs`).
macro_rules! unit_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $disc:literal => $key:literal, $symbol:literal, [$($alias:literal),*] ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        #[doc = concat!("```\nuse marrowkb::blood_count::", stringify!($name), ";\n")]
        #[doc = concat!("let first = ", stringify!($name), "::ALL[0];\n")]
        #[doc = concat!("assert_eq!(first.symbol().parse::<", stringify!($name), ">().unwrap(), first);\n```")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u32)]
        pub enum $name {
            $( $(#[$vmeta])* $variant = $disc, )+
        }

        impl $name {
            /// Every value, in discriminant order.
            ///
            #[doc = concat!("```\nuse marrowkb::blood_count::", stringify!($name), ";\n")]
            #[doc = concat!("assert!(", stringify!($name), "::ALL.windows(2).all(|w| (w[0] as u32) < (w[1] as u32)));\n```")]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable snake_case key (serde, Python, C); parsing accepts it.
            ///
            #[doc = concat!("```\nuse marrowkb::blood_count::", stringify!($name), ";\n")]
            #[doc = concat!("for u in ", stringify!($name), "::ALL {\n")]
            #[doc = concat!("    assert_eq!(u.key().parse::<", stringify!($name), ">().unwrap(), *u);\n}\n```")]
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            /// The symbol as written on a laboratory report (also its `Display`); parsing accepts it.
            ///
            #[doc = concat!("```\nuse marrowkb::blood_count::", stringify!($name), ";\n")]
            #[doc = concat!("for u in ", stringify!($name), "::ALL {\n")]
            #[doc = concat!("    assert_eq!(u.to_string().parse::<", stringify!($name), ">().unwrap(), *u);\n}\n```")]
            pub const fn symbol(self) -> &'static str {
                match self { $($name::$variant => $symbol,)+ }
            }

            /// The value with this stable discriminant.
            ///
            #[doc = concat!("```\nuse marrowkb::blood_count::", stringify!($name), ";\n")]
            #[doc = concat!("for u in ", stringify!($name), "::ALL {\n")]
            #[doc = concat!("    assert_eq!(", stringify!($name), "::from_discriminant(*u as u32).unwrap(), *u);\n}\n")]
            #[doc = concat!("assert!(", stringify!($name), "::from_discriminant(0).is_err());\n```")]
            ///
            /// # Errors
            /// [`Error::InvalidDiscriminant`](crate::Error::InvalidDiscriminant) for a number no value has.
            pub const fn from_discriminant(value: u32) -> Result<Self, crate::Error> {
                match value {
                    $($disc => Ok($name::$variant),)+
                    _ => Err(crate::Error::InvalidDiscriminant { entity: $what, value }),
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.symbol())
            }
        }

        /// Parses the key, the symbol or a common spelling, ignoring ASCII case and spaces
        /// (`"g/dL"`, `"G/DL"`, `"g_per_dl"`).
        impl core::str::FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> Result<Self, crate::Error> {
                use crate::blood_count::units::{eq_unit, squeeze};
                let mut buf = [0u8; 32];
                let text = squeeze(s, &mut buf)
                    .filter(|t| !t.is_empty())
                    .ok_or(crate::Error::UnknownKey { entity: $what })?;
                $(
                    if text == $key || eq_unit(text, $symbol) $(|| eq_unit(text, $alias))* {
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

pub(crate) use unit_enum;

/// Lower-cases ASCII and drops spaces into `buf`; `None` when too long or not UTF-8 after squeezing.
pub(crate) fn squeeze<'a>(text: &str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let mut len = 0;
    for &b in text.trim().as_bytes() {
        if b == b' ' {
            continue;
        }
        *buf.get_mut(len)? = b.to_ascii_lowercase();
        len += 1;
    }
    core::str::from_utf8(buf.get(..len)?).ok()
}

/// Compares squeezed input with a symbol, ignoring ASCII case and spaces in the symbol.
pub(crate) fn eq_unit(squeezed: &str, symbol: &str) -> bool {
    let mut buf = [0u8; 32];
    squeeze(symbol, &mut buf).is_some_and(|s| s == squeezed)
}

impl HemoglobinUnit {
    /// Converts a value in this unit to g/dL.
    ///
    /// ```
    /// use marrowkb::blood_count::HemoglobinUnit;
    /// assert_eq!(HemoglobinUnit::GramsPerLiter.to_canonical(115.0), 11.5);
    /// assert_eq!(HemoglobinUnit::GramsPerDeciliter.to_canonical(11.5), 11.5);
    /// assert!((HemoglobinUnit::MillimolesPerLiter.to_canonical(6.206) - 10.0).abs() < 1e-12);
    /// ```
    pub fn to_canonical(self, value: f64) -> f64 {
        match self {
            HemoglobinUnit::GramsPerDeciliter => value,
            HemoglobinUnit::GramsPerLiter => value / 10.0,
            HemoglobinUnit::MillimolesPerLiter => value / HB_MMOL_PER_L_PER_G_PER_DL,
        }
    }

    /// Converts a value in g/dL to this unit.
    ///
    /// ```
    /// use marrowkb::blood_count::HemoglobinUnit;
    /// assert_eq!(HemoglobinUnit::GramsPerLiter.from_canonical(7.2), 72.0);
    /// assert_eq!(HemoglobinUnit::MillimolesPerLiter.from_canonical(1.0), 0.6206);
    /// ```
    pub fn from_canonical(self, g_per_dl: f64) -> f64 {
        match self {
            HemoglobinUnit::GramsPerDeciliter => g_per_dl,
            HemoglobinUnit::GramsPerLiter => g_per_dl * 10.0,
            HemoglobinUnit::MillimolesPerLiter => g_per_dl * HB_MMOL_PER_L_PER_G_PER_DL,
        }
    }
}

impl CountUnit {
    /// Converts a count in this unit to ×10⁹/L.
    ///
    /// ```
    /// use marrowkb::blood_count::CountUnit;
    /// assert_eq!(CountUnit::PerMicroliter.to_canonical(1500.0), 1.5);
    /// assert_eq!(CountUnit::PerMicroliter.to_canonical(200.0), 0.2);
    /// ```
    pub fn to_canonical(self, value: f64) -> f64 {
        match self {
            CountUnit::GigaPerLiter => value,
            CountUnit::PerMicroliter => value / 1000.0,
        }
    }

    /// Converts a count in ×10⁹/L to this unit.
    ///
    /// ```
    /// use marrowkb::blood_count::CountUnit;
    /// assert_eq!(CountUnit::PerMicroliter.from_canonical(0.3), 300.0);
    /// ```
    pub fn from_canonical(self, giga_per_l: f64) -> f64 {
        match self {
            CountUnit::GigaPerLiter => giga_per_l,
            CountUnit::PerMicroliter => giga_per_l * 1000.0,
        }
    }
}

impl AgeUnit {
    /// Converts an age in this unit to years.
    ///
    /// ```
    /// use marrowkb::blood_count::AgeUnit;
    /// assert_eq!(AgeUnit::Months.to_canonical(6.0), 0.5);
    /// assert_eq!(AgeUnit::Weeks.to_canonical(2.0), AgeUnit::Days.to_canonical(14.0));
    /// ```
    pub fn to_canonical(self, value: f64) -> f64 {
        match self {
            AgeUnit::Years => value,
            AgeUnit::Months => value / 12.0,
            AgeUnit::Weeks => value * 7.0 / DAYS_PER_YEAR,
            AgeUnit::Days => value / DAYS_PER_YEAR,
        }
    }

    /// Converts an age in years to this unit.
    ///
    /// ```
    /// use marrowkb::blood_count::AgeUnit;
    /// assert_eq!(AgeUnit::Months.from_canonical(0.5), 6.0);
    /// ```
    pub fn from_canonical(self, years: f64) -> f64 {
        match self {
            AgeUnit::Years => years,
            AgeUnit::Months => years * 12.0,
            AgeUnit::Weeks => years * DAYS_PER_YEAR / 7.0,
            AgeUnit::Days => years * DAYS_PER_YEAR,
        }
    }
}

impl From<HemoglobinUnit> for Unit {
    fn from(unit: HemoglobinUnit) -> Unit {
        match unit {
            HemoglobinUnit::GramsPerDeciliter => Unit::GramsPerDeciliter,
            HemoglobinUnit::GramsPerLiter => Unit::GramsPerLiter,
            HemoglobinUnit::MillimolesPerLiter => Unit::MillimolesPerLiter,
        }
    }
}

impl From<CountUnit> for Unit {
    fn from(unit: CountUnit) -> Unit {
        match unit {
            CountUnit::GigaPerLiter => Unit::GigaPerLiter,
            CountUnit::PerMicroliter => Unit::PerMicroliter,
        }
    }
}

impl From<AgeUnit> for Unit {
    fn from(unit: AgeUnit) -> Unit {
        match unit {
            AgeUnit::Years => Unit::Years,
            AgeUnit::Months => Unit::Months,
            AgeUnit::Weeks => Unit::Weeks,
            AgeUnit::Days => Unit::Days,
        }
    }
}
