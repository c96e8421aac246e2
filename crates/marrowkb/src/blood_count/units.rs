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

use core::fmt;
use core::str::FromStr;

use crate::Error;

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
            /// [`Error::InvalidDiscriminant`] for a number no value has.
            pub const fn from_discriminant(value: u32) -> Result<Self, Error> {
                match value {
                    $($disc => Ok($name::$variant),)+
                    _ => Err(Error::InvalidDiscriminant { entity: $what, value }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.symbol())
            }
        }

        /// Parses the key, the symbol or a common spelling, ignoring ASCII case and spaces
        /// (`"g/dL"`, `"G/DL"`, `"g_per_dl"`).
        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                let mut buf = [0u8; 32];
                let text = squeeze(s, &mut buf)
                    .filter(|t| !t.is_empty())
                    .ok_or(Error::UnknownKey { entity: $what })?;
                $(
                    if text == $key || eq_unit(text, $symbol) $(|| eq_unit(text, $alias))* {
                        return Ok($name::$variant);
                    }
                )+
                Err(Error::UnknownKey { entity: $what })
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

/// Lower-cases ASCII and drops spaces into `buf`; `None` when too long or not UTF-8 after squeezing.
fn squeeze<'a>(text: &str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
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
fn eq_unit(squeezed: &str, symbol: &str) -> bool {
    let mut buf = [0u8; 32];
    squeeze(symbol, &mut buf).is_some_and(|s| s == squeezed)
}

unit_enum! {
    /// Unit of a haemoglobin concentration.
    HemoglobinUnit, "hemoglobin unit" {
        /// Grams per decilitre (canonical).
        GramsPerDeciliter = 1 => "g_per_dl", "g/dL", ["g/100mL", "gdl"],
        /// Grams per litre.
        GramsPerLiter = 2 => "g_per_l", "g/L", ["gl"],
        /// Millimoles of haemoglobin monomer per litre (1 g/dL = 0.6206 mmol/L).
        MillimolesPerLiter = 3 => "mmol_per_l", "mmol/L", ["mmoll", "mM"],
    }
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

unit_enum! {
    /// Unit of a cell count (neutrophils, lymphocytes, monocytes, platelets, reticulocytes).
    CountUnit, "count unit" {
        /// ×10⁹ cells per litre, the same number as cells per nanolitre or G/L (canonical).
        /// Laboratory reports also print it per microlitre in thousands: `10^3/uL`, `x10^3/uL`, `K/uL`.
        GigaPerLiter = 1 => "giga_per_l", "×10⁹/L", [
            "x10^9/L", "x10e9/L", "10^9/L", "10e9/L", "e9/L", "G/L", "/nL",
            "10^3/uL", "x10^3/uL", "10^3/µL", "x10^3/µL", "×10³/µL", "10³/µL", "10e3/uL", "x10e3/uL", "K/uL", "K/µL"
        ],
        /// Cells per microlitre, the same number as cells per mm³.
        PerMicroliter = 2 => "per_ul", "/µL", ["/uL", "cells/uL", "cells/µL", "/mm3", "/mm³", "cells/mm3"],
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

unit_enum! {
    /// Unit of an age.
    AgeUnit, "age unit" {
        /// Years (canonical).
        Years = 1 => "years", "y", ["yr", "yrs", "year", "years"],
        /// Months (a twelfth of a year).
        Months = 2 => "months", "mo", ["month", "months", "m"],
        /// Weeks (7 days).
        Weeks = 3 => "weeks", "wk", ["w", "week", "weeks"],
        /// Days (1/365.25 of a year).
        Days = 4 => "days", "d", ["day", "days"],
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

unit_enum! {
    /// Any unit a blood count value can carry: what [`RejectedValue`](super::RejectedValue) reports and
    /// what the threshold table is written in.
    Unit, "unit" {
        /// g/dL.
        GramsPerDeciliter = 1 => "g_per_dl", "g/dL", [],
        /// g/L.
        GramsPerLiter = 2 => "g_per_l", "g/L", [],
        /// mmol/L (haemoglobin monomer).
        MillimolesPerLiter = 3 => "mmol_per_l", "mmol/L", [],
        /// ×10⁹/L (also written 10^3/µL or K/µL).
        GigaPerLiter = 4 => "giga_per_l", "×10⁹/L", [
            "x10^9/L", "x10e9/L", "10^9/L", "10e9/L", "e9/L", "G/L", "/nL",
            "10^3/uL", "x10^3/uL", "10^3/µL", "x10^3/µL", "×10³/µL", "10³/µL", "10e3/uL", "x10e3/uL", "K/uL", "K/µL"
        ],
        /// cells/µL.
        PerMicroliter = 5 => "per_ul", "/µL", ["/uL", "cells/uL", "cells/µL", "/mm3", "/mm³", "cells/mm3"],
        /// ×10¹²/L (red cell count), the same number as 10⁶/µL (`10^6/uL`, `M/uL`).
        TeraPerLiter = 6 => "tera_per_l", "×10¹²/L", [
            "x10^12/L", "x10e12/L", "10^12/L", "10e12/L", "T/L", "/pL",
            "10^6/uL", "x10^6/uL", "10^6/µL", "x10^6/µL", "×10⁶/µL", "10⁶/µL", "10e6/uL", "x10e6/uL", "M/uL", "M/µL"
        ],
        /// fL (mean corpuscular volume).
        Femtoliters = 7 => "fl", "fL", [],
        /// Per cent.
        Percent = 8 => "percent", "%", [],
        /// Years.
        Years = 9 => "years", "y", [],
        /// Months.
        Months = 10 => "months", "mo", [],
        /// Weeks.
        Weeks = 11 => "weeks", "wk", [],
        /// Days.
        Days = 12 => "days", "d", [],
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
