//! [`Field`]: the fields of a blood count, named by the input's errors and by the threshold tables (a
//! module of its own so that `input` and `thresholds` both use it without importing each other).

use core::fmt;

use crate::{Error, Result};

#[cfg(doc)]
use super::BloodCount;

/// A field of a [`BloodCount`]: what an [`Error::InvalidMeasurement`] or
/// [`Error::InconsistentMeasurements`] names.
///
/// ```
/// use marrowkb::blood_count::Field;
/// assert_eq!(Field::Neutrophils.key(), "neutrophils");
/// assert_eq!(Field::Neutrophils.to_string(), "absolute neutrophil count");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum Field {
    /// Haemoglobin concentration.
    Hemoglobin = 1,
    /// Mean corpuscular volume.
    Mcv = 2,
    /// Absolute neutrophil count.
    Neutrophils = 3,
    /// Absolute lymphocyte count.
    Lymphocytes = 4,
    /// Absolute monocyte count.
    Monocytes = 5,
    /// Platelet count.
    Platelets = 6,
    /// Absolute reticulocyte count (given, or derived from the percentage and the red cell count).
    Reticulocytes = 7,
    /// Reticulocytes as a percentage of red cells.
    ReticulocytePercent = 8,
    /// Red cell count.
    RedCellCount = 9,
    /// Bone marrow cellularity.
    Cellularity = 10,
    /// Residual haematopoietic cells as a percentage of marrow cells (Camitta's criterion for a marrow of
    /// 25–50 % cellularity).
    ResidualHematopoieticCells = 11,
    /// Age.
    Age = 12,
    /// Sex.
    Sex = 13,
    /// Pregnancy.
    Pregnant = 14,
    /// Haematocrit (packed cell volume), for the corrected reticulocyte percentage.
    Hematocrit = 15,
}

impl Field {
    /// Every value, in discriminant order.
    ///
    /// ```
    /// use marrowkb::blood_count::Field;
    /// assert_eq!(Field::ALL.len(), 15);
    /// ```
    pub const ALL: &'static [Field] = &[
        Field::Hemoglobin,
        Field::Mcv,
        Field::Neutrophils,
        Field::Lymphocytes,
        Field::Monocytes,
        Field::Platelets,
        Field::Reticulocytes,
        Field::ReticulocytePercent,
        Field::RedCellCount,
        Field::Cellularity,
        Field::ResidualHematopoieticCells,
        Field::Age,
        Field::Sex,
        Field::Pregnant,
        Field::Hematocrit,
    ];

    /// The stable snake_case key (also the Python keyword argument).
    ///
    /// ```
    /// use marrowkb::blood_count::Field;
    /// assert_eq!(Field::ResidualHematopoieticCells.key(), "residual_hematopoietic_cells");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            Field::Hemoglobin => "hemoglobin",
            Field::Mcv => "mcv",
            Field::Neutrophils => "neutrophils",
            Field::Lymphocytes => "lymphocytes",
            Field::Monocytes => "monocytes",
            Field::Platelets => "platelets",
            Field::Reticulocytes => "reticulocytes",
            Field::ReticulocytePercent => "reticulocyte_percent",
            Field::RedCellCount => "red_cell_count",
            Field::Cellularity => "cellularity",
            Field::ResidualHematopoieticCells => "residual_hematopoietic_cells",
            Field::Age => "age",
            Field::Sex => "sex",
            Field::Pregnant => "pregnant",
            Field::Hematocrit => "hematocrit",
        }
    }

    /// A readable name.
    ///
    /// ```
    /// use marrowkb::blood_count::Field;
    /// assert_eq!(Field::Mcv.name(), "mean corpuscular volume");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Field::Hemoglobin => "haemoglobin",
            Field::Mcv => "mean corpuscular volume",
            Field::Neutrophils => "absolute neutrophil count",
            Field::Lymphocytes => "absolute lymphocyte count",
            Field::Monocytes => "absolute monocyte count",
            Field::Platelets => "platelet count",
            Field::Reticulocytes => "absolute reticulocyte count",
            Field::ReticulocytePercent => "reticulocyte percentage",
            Field::RedCellCount => "red cell count",
            Field::Cellularity => "marrow cellularity",
            Field::ResidualHematopoieticCells => "residual haematopoietic cells",
            Field::Age => "age",
            Field::Sex => "sex",
            Field::Pregnant => "pregnancy",
            Field::Hematocrit => "haematocrit",
        }
    }

    /// The value with this stable discriminant.
    ///
    /// ```
    /// use marrowkb::blood_count::Field;
    /// assert_eq!(Field::from_discriminant(1).unwrap(), Field::Hemoglobin);
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidDiscriminant`] for a number no value has.
    pub fn from_discriminant(value: u32) -> Result<Self> {
        Field::ALL
            .iter()
            .copied()
            .find(|f| *f as u32 == value)
            .ok_or(Error::InvalidDiscriminant { entity: "field", value })
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}
