//! [`Sex`]: for the sex-specific reference limits (a module of its own so that `input` and `thresholds`
//! both use it without importing each other).

use core::fmt;
use core::str::FromStr;

use crate::{Error, Result};

/// Sex, for the sex-specific reference limits (WHO haemoglobin from 15 years, MCV from 12 years).
///
/// ```
/// use marrowkb::blood_count::Sex;
/// assert_eq!("f".parse::<Sex>().unwrap(), Sex::Female);
/// assert_eq!("Male".parse::<Sex>().unwrap(), Sex::Male);
/// assert_eq!(Sex::Female.key(), "female");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum Sex {
    /// Female.
    Female = 1,
    /// Male.
    Male = 2,
}

impl Sex {
    /// Both values, in discriminant order.
    ///
    /// ```
    /// use marrowkb::blood_count::Sex;
    /// assert_eq!(Sex::ALL, [Sex::Female, Sex::Male]);
    /// ```
    pub const ALL: &'static [Sex] = &[Sex::Female, Sex::Male];

    /// The stable key: `"female"` or `"male"`.
    ///
    /// ```
    /// use marrowkb::blood_count::Sex;
    /// assert_eq!(Sex::Male.to_string(), Sex::Male.key());
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }

    /// The value with this stable discriminant.
    ///
    /// ```
    /// use marrowkb::blood_count::Sex;
    /// assert_eq!(Sex::from_discriminant(2).unwrap(), Sex::Male);
    /// assert!(Sex::from_discriminant(0).is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidDiscriminant`] for a number no value has.
    pub const fn from_discriminant(value: u32) -> Result<Self> {
        match value {
            1 => Ok(Sex::Female),
            2 => Ok(Sex::Male),
            _ => Err(Error::InvalidDiscriminant { entity: "sex", value }),
        }
    }
}

impl fmt::Display for Sex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Parses `f`, `female`, `w`, `woman`, `m`, `male` or `man`, in any ASCII case.
impl FromStr for Sex {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        let names: [(&[&str], Sex); 2] = [
            (&["f", "female", "w", "woman"], Sex::Female),
            (&["m", "male", "man"], Sex::Male),
        ];
        for (names, sex) in names {
            if names.iter().any(|n| n.eq_ignore_ascii_case(s)) {
                return Ok(sex);
            }
        }
        Err(Error::UnknownKey { entity: "sex" })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Sex {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}
