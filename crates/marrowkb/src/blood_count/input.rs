//! The validated input: [`BloodCount`], built with [`BloodCountBuilder`].

use core::fmt;

use super::field::Field;
use super::thresholds::{PLAUSIBLE, Plausible};
use super::units::{AgeUnit, CountUnit, HemoglobinUnit, Unit};
use crate::generated::blood_count::Sex;
use crate::{Error, Result};

/// A value as the caller gave it, carried by [`Error::InvalidMeasurement`].
///
/// Stored as the bits of the `f64` so that the error type stays `Copy + Eq` (two rejected values are
/// equal when their bits are, so a NaN equals the same NaN).
///
/// ```
/// use marrowkb::blood_count::{RejectedValue, Unit};
/// let v = RejectedValue::new(30.0, Unit::GramsPerDeciliter);
/// assert_eq!((v.value(), v.unit()), (30.0, Unit::GramsPerDeciliter));
/// assert_eq!(v.to_string(), "30 g/dL");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RejectedValue {
    bits: u64,
    unit: Unit,
}

impl RejectedValue {
    /// Wraps a value and its unit.
    ///
    /// ```
    /// use marrowkb::blood_count::{RejectedValue, Unit};
    /// assert_eq!(RejectedValue::new(-1.0, Unit::Percent).value(), -1.0);
    /// ```
    pub const fn new(value: f64, unit: Unit) -> Self {
        Self {
            bits: value.to_bits(),
            unit,
        }
    }

    /// The value.
    ///
    /// ```
    /// use marrowkb::blood_count::{RejectedValue, Unit};
    /// assert!(RejectedValue::new(f64::NAN, Unit::Years).value().is_nan());
    /// ```
    pub const fn value(self) -> f64 {
        f64::from_bits(self.bits)
    }

    /// Its unit.
    ///
    /// ```
    /// use marrowkb::blood_count::{RejectedValue, Unit};
    /// assert_eq!(RejectedValue::new(1.0, Unit::Days).unit(), Unit::Days);
    /// ```
    pub const fn unit(self) -> Unit {
        self.unit
    }
}

impl fmt::Display for RejectedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value(), self.unit.symbol())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RejectedValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum RawReticulocytes {
    Absolute(f64, CountUnit),
    Percent(f64),
}

/// Collects a blood count in the caller's units; [`build`](Self::build) validates and converts.
///
/// Setters never fail and can be called in any order; calling one twice keeps the last value.
/// Every field is optional.
///
/// ```
/// use marrowkb::blood_count::{AgeUnit, BloodCount, CountUnit, HemoglobinUnit, Sex};
/// let count = BloodCount::builder()
///     .hemoglobin(72.0, HemoglobinUnit::GramsPerLiter)
///     .neutrophils(300.0, CountUnit::PerMicroliter)
///     .platelets(15.0, CountUnit::GigaPerLiter)
///     .age(34.0, AgeUnit::Years)
///     .sex(Sex::Female)
///     .build()?;
/// assert_eq!(count.hemoglobin(), Some(7.2));
/// assert_eq!(count.neutrophils(), Some(0.3));
/// assert_eq!(count.reticulocytes(), None);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[must_use]
pub struct BloodCountBuilder {
    hemoglobin: Option<(f64, HemoglobinUnit)>,
    mcv: Option<f64>,
    neutrophils: Option<(f64, CountUnit)>,
    lymphocytes: Option<(f64, CountUnit)>,
    monocytes: Option<(f64, CountUnit)>,
    platelets: Option<(f64, CountUnit)>,
    reticulocytes: Option<RawReticulocytes>,
    red_cell_count: Option<f64>,
    cellularity: Option<f64>,
    residual: Option<f64>,
    age: Option<(f64, AgeUnit)>,
    sex: Option<Sex>,
    pregnant: bool,
    hematocrit: Option<f64>,
}

impl BloodCountBuilder {
    /// An empty builder (the same as [`BloodCount::builder`]).
    ///
    /// ```
    /// use marrowkb::blood_count::{BloodCount, BloodCountBuilder};
    /// assert_eq!(BloodCountBuilder::new(), BloodCount::builder());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Haemoglobin concentration.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().hemoglobin(4.5, HemoglobinUnit::MillimolesPerLiter).build()?;
    /// assert!((c.hemoglobin().unwrap() - 7.251).abs() < 1e-3);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn hemoglobin(mut self, value: f64, unit: HemoglobinUnit) -> Self {
        self.hemoglobin = Some((value, unit));
        self
    }

    /// Mean corpuscular volume in fL.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().mcv(104.0).build()?;
    /// assert_eq!(c.mcv(), Some(104.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn mcv(mut self, femtoliters: f64) -> Self {
        self.mcv = Some(femtoliters);
        self
    }

    /// Absolute neutrophil count (segmented neutrophils and bands).
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().neutrophils(1200.0, CountUnit::PerMicroliter).build()?;
    /// assert_eq!(c.neutrophils(), Some(1.2));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn neutrophils(mut self, value: f64, unit: CountUnit) -> Self {
        self.neutrophils = Some((value, unit));
        self
    }

    /// Absolute lymphocyte count.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().lymphocytes(0.9, CountUnit::GigaPerLiter).build()?;
    /// assert_eq!(c.lymphocytes(), Some(0.9));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn lymphocytes(mut self, value: f64, unit: CountUnit) -> Self {
        self.lymphocytes = Some((value, unit));
        self
    }

    /// Absolute monocyte count.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().monocytes(100.0, CountUnit::PerMicroliter).build()?;
    /// assert_eq!(c.monocytes(), Some(0.1));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn monocytes(mut self, value: f64, unit: CountUnit) -> Self {
        self.monocytes = Some((value, unit));
        self
    }

    /// Platelet count.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().platelets(45_000.0, CountUnit::PerMicroliter).build()?;
    /// assert_eq!(c.platelets(), Some(45.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn platelets(mut self, value: f64, unit: CountUnit) -> Self {
        self.platelets = Some((value, unit));
        self
    }

    /// Absolute reticulocyte count. Replaces a percentage given before.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().reticulocyte_percent(2.0).reticulocytes(30.0, CountUnit::GigaPerLiter).build()?;
    /// assert_eq!((c.reticulocytes(), c.reticulocyte_percent()), (Some(30.0), None));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn reticulocytes(mut self, value: f64, unit: CountUnit) -> Self {
        self.reticulocytes = Some(RawReticulocytes::Absolute(value, unit));
        self
    }

    /// Reticulocytes as a percentage of red cells; [`build`](Self::build) derives the absolute count
    /// (`percent × red cell count (×10¹²/L) × 10` ×10⁹/L) and so needs [`red_cell_count`](Self::red_cell_count).
    /// Replaces an absolute count given before.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().reticulocyte_percent(1.5).red_cell_count(4.0).build()?;
    /// assert_eq!(c.reticulocytes(), Some(60.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn reticulocyte_percent(mut self, percent: f64) -> Self {
        self.reticulocytes = Some(RawReticulocytes::Percent(percent));
        self
    }

    /// Red cell count in ×10¹²/L (the same number as 10⁶/µL).
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().red_cell_count(4.2).build()?;
    /// assert_eq!(c.red_cell_count(), Some(4.2));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn red_cell_count(mut self, tera_per_liter: f64) -> Self {
        self.red_cell_count = Some(tera_per_liter);
        self
    }

    /// Haematocrit (packed cell volume) in %: with a reticulocyte percentage it gives the corrected
    /// reticulocyte percentage of Camitta's criteria (`percent × haematocrit / 45`).
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().reticulocyte_percent(1.5).hematocrit(18.0).build()?;
    /// assert_eq!(c.hematocrit(), Some(18.0));
    /// assert_eq!(c.corrected_reticulocyte_percent(), Some(0.6)); // 1.5 × 18 / 45
    /// assert_eq!(c.reticulocytes(), None); // no red cell count: no absolute count
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn hematocrit(mut self, percent: f64) -> Self {
        self.hematocrit = Some(percent);
        self
    }

    /// Bone marrow cellularity in % (trephine biopsy).
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().cellularity(20.0).build()?;
    /// assert_eq!(c.cellularity(), Some(20.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn cellularity(mut self, percent: f64) -> Self {
        self.cellularity = Some(percent);
        self
    }

    /// Residual haematopoietic cells in % of marrow cells, used when cellularity is 25–50 %.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().cellularity(40.0).residual_hematopoietic_cells(20.0).build()?;
    /// assert_eq!(c.residual_hematopoietic_cells(), Some(20.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn residual_hematopoietic_cells(mut self, percent: f64) -> Self {
        self.residual = Some(percent);
        self
    }

    /// Age (fractional for infants: `age(6.0, AgeUnit::Months)` is half a year).
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().age(18.0, AgeUnit::Months).build()?;
    /// assert_eq!(c.age(), Some(1.5));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn age(mut self, value: f64, unit: AgeUnit) -> Self {
        self.age = Some((value, unit));
        self
    }

    /// Sex.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().sex(Sex::Female).build()?;
    /// assert_eq!(c.sex(), Some(Sex::Female));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn sex(mut self, sex: Sex) -> Self {
        self.sex = Some(sex);
        self
    }

    /// Pregnancy (WHO 2011 has its own haemoglobin limits for pregnant women). Default `false`.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().sex(Sex::Female).pregnant(true).build()?;
    /// assert!(c.pregnant());
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn pregnant(mut self, pregnant: bool) -> Self {
        self.pregnant = pregnant;
        self
    }

    /// Validates every value and converts it to its canonical unit.
    ///
    /// Values are checked in [`Field`] order and the first problem is returned. Nothing is clamped.
    ///
    /// ```
    /// use marrowkb::{Error, blood_count::{BloodCount, Field, HemoglobinUnit}};
    /// let err = BloodCount::builder().hemoglobin(30.0, HemoglobinUnit::GramsPerDeciliter).build().unwrap_err();
    /// assert!(matches!(err, Error::InvalidMeasurement { field: Field::Hemoglobin, .. }));
    /// ```
    ///
    /// # Errors
    /// - [`Error::InvalidMeasurement`] naming the field and the value as given, for NaN, an infinity, a
    ///   negative value, or a value outside the plausibility bounds of
    ///   [`thresholds`](super::thresholds) (e.g. haemoglobin above 25 g/dL, platelets above
    ///   5000 ×10⁹/L, cellularity above 100 %, age above 130 years; zero haemoglobin, MCV or red cell count).
    /// - [`Error::InconsistentMeasurements`] for a reticulocyte percentage without a red cell count or a
    ///   haematocrit, or pregnancy given for a male.
    pub fn build(self) -> Result<BloodCount> {
        let hemoglobin = convert(Field::Hemoglobin, self.hemoglobin, HemoglobinUnit::to_canonical)?;
        let mcv = check_plain(Field::Mcv, self.mcv, Unit::Femtoliters)?;
        let neutrophils = convert(Field::Neutrophils, self.neutrophils, CountUnit::to_canonical)?;
        let lymphocytes = convert(Field::Lymphocytes, self.lymphocytes, CountUnit::to_canonical)?;
        let monocytes = convert(Field::Monocytes, self.monocytes, CountUnit::to_canonical)?;
        let platelets = convert(Field::Platelets, self.platelets, CountUnit::to_canonical)?;
        // Reticulocytes (field 7) and their percentage (8) are checked before the red cell count (9).
        let (given_absolute, reticulocyte_percent) = match self.reticulocytes {
            None => (None, None),
            Some(RawReticulocytes::Absolute(value, unit)) => (
                convert(Field::Reticulocytes, Some((value, unit)), CountUnit::to_canonical)?,
                None,
            ),
            Some(RawReticulocytes::Percent(percent)) => (
                None,
                check_plain(Field::ReticulocytePercent, Some(percent), Unit::Percent)?,
            ),
        };
        let red_cell_count = check_plain(Field::RedCellCount, self.red_cell_count, Unit::TeraPerLiter)?;
        let reticulocytes = match (reticulocyte_percent, red_cell_count) {
            (None, _) => given_absolute,
            (Some(percent), Some(rbc)) => {
                check_plain(Field::Reticulocytes, Some(percent * rbc * 10.0), Unit::GigaPerLiter)?
            }
            // The haematocrit gives the corrected percentage instead (checked below, in field order).
            (Some(_), None) if self.hematocrit.is_some() => None,
            (Some(_), None) => {
                return Err(Error::InconsistentMeasurements {
                    field: Field::ReticulocytePercent,
                    reason: "a reticulocyte percentage needs the red cell count (for the absolute count) or the haematocrit (for the corrected percentage)",
                });
            }
        };
        let cellularity = check_plain(Field::Cellularity, self.cellularity, Unit::Percent)?;
        let residual = check_plain(Field::ResidualHematopoieticCells, self.residual, Unit::Percent)?;
        let age = convert(Field::Age, self.age, AgeUnit::to_canonical)?;
        if self.pregnant && self.sex == Some(Sex::Male) {
            return Err(Error::InconsistentMeasurements {
                field: Field::Pregnant,
                reason: "pregnancy given for a male",
            });
        }
        let hematocrit = check_plain(Field::Hematocrit, self.hematocrit, Unit::Percent)?;
        Ok(BloodCount {
            hemoglobin,
            mcv,
            neutrophils,
            lymphocytes,
            monocytes,
            platelets,
            reticulocytes,
            reticulocyte_percent,
            red_cell_count,
            cellularity,
            residual_hematopoietic_cells: residual,
            age,
            sex: self.sex,
            pregnant: self.pregnant,
            hematocrit,
        })
    }
}

/// The plausibility bounds of a field (always present for numeric fields).
fn bounds(field: Field) -> Option<&'static Plausible> {
    PLAUSIBLE.iter().find(|p| p.field == field)
}

fn invalid(field: Field, value: f64, unit: Unit, reason: &'static str) -> Error {
    Error::InvalidMeasurement {
        field,
        value: RejectedValue::new(value, unit),
        reason,
    }
}

/// Checks a value already in its canonical unit.
fn check_plain(field: Field, value: Option<f64>, unit: Unit) -> Result<Option<f64>> {
    match value {
        None => Ok(None),
        Some(v) => check(field, v, unit, v).map(Some),
    }
}

/// Checks a value given in a unit, and converts it.
fn convert<U: Copy + Into<Unit>>(
    field: Field,
    value: Option<(f64, U)>,
    to_canonical: fn(U, f64) -> f64,
) -> Result<Option<f64>> {
    match value {
        None => Ok(None),
        Some((v, unit)) => {
            let canonical = if v.is_finite() { to_canonical(unit, v) } else { v };
            check(field, v, unit.into(), canonical).map(Some)
        }
    }
}

/// Rejects NaN, infinities, negatives and implausible values; `given` is reported in `unit`.
fn check(field: Field, given: f64, unit: Unit, canonical: f64) -> Result<f64> {
    if given.is_nan() {
        return Err(invalid(field, given, unit, "not a number"));
    }
    if given.is_infinite() {
        return Err(invalid(field, given, unit, "infinite"));
    }
    if given < 0.0 {
        return Err(invalid(field, given, unit, "negative"));
    }
    // -0.0 is the number zero: store it as +0.0 so it prints and serializes as 0.
    let canonical = if canonical == 0.0 { 0.0 } else { canonical };
    if let Some(b) = bounds(field) {
        if b.min_exclusive && canonical <= b.min {
            return Err(invalid(field, given, unit, b.below_reason));
        }
        if !b.min_exclusive && canonical < b.min {
            return Err(invalid(field, given, unit, b.below_reason));
        }
        if canonical > b.max {
            return Err(invalid(
                field,
                given,
                unit,
                hemoglobin_unit_hint(field, given, unit).unwrap_or(b.above_reason),
            ));
        }
    }
    Ok(canonical)
}

/// Lowest haemoglobin (g/dL) the unit hint treats as a plausible reading in another unit: a hint only,
/// the value is rejected either way.
const HINT_MIN_G_PER_DL: f64 = 3.0;

/// For a haemoglobin impossible in its unit but plausible in another (72 "g/dL" is 7.2 g/dL in g/L), the
/// reason that says so; `None` for other fields or when no unit gives 3–25 g/dL.
fn hemoglobin_unit_hint(field: Field, given: f64, unit: Unit) -> Option<&'static str> {
    let max = bounds(Field::Hemoglobin)?.max;
    let plausible = |u: HemoglobinUnit| (HINT_MIN_G_PER_DL..=max).contains(&u.to_canonical(given));
    if field != Field::Hemoglobin {
        return None;
    }
    match unit {
        Unit::GramsPerDeciliter if plausible(HemoglobinUnit::GramsPerLiter) => {
            Some("above 25 g/dL: physiologically impossible in g/dL, but plausible in g/L; check the unit")
        }
        Unit::MillimolesPerLiter if plausible(HemoglobinUnit::GramsPerDeciliter) => Some(
            "above 25 g/dL (15.5 mmol/L): physiologically impossible in mmol/L, but plausible in g/dL; check the unit",
        ),
        Unit::MillimolesPerLiter if plausible(HemoglobinUnit::GramsPerLiter) => Some(
            "above 25 g/dL (15.5 mmol/L): physiologically impossible in mmol/L, but plausible in g/L; check the unit",
        ),
        _ => None,
    }
}

/// A validated blood count, every value in its canonical unit (see [`units`](super::units)).
///
/// Built with [`BloodCount::builder`]; read with the getters; interpret with
/// [`BloodCount::interpret`](super::BloodCount::interpret).
///
/// ```
/// use marrowkb::blood_count::{BloodCount, CountUnit};
/// let count = BloodCount::builder()
///     .reticulocyte_percent(0.5)
///     .red_cell_count(2.4)
///     .build()?;
/// assert_eq!(count.reticulocytes(), Some(12.0)); // 0.5 % of 2.4 ×10¹²/L
/// assert_eq!(count.reticulocyte_percent(), Some(0.5));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct BloodCount {
    hemoglobin: Option<f64>,
    mcv: Option<f64>,
    neutrophils: Option<f64>,
    lymphocytes: Option<f64>,
    monocytes: Option<f64>,
    platelets: Option<f64>,
    reticulocytes: Option<f64>,
    reticulocyte_percent: Option<f64>,
    red_cell_count: Option<f64>,
    cellularity: Option<f64>,
    residual_hematopoietic_cells: Option<f64>,
    age: Option<f64>,
    sex: Option<Sex>,
    pregnant: bool,
    hematocrit: Option<f64>,
}

impl BloodCount {
    /// Starts a [`BloodCountBuilder`].
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().build()?;
    /// assert_eq!(c, BloodCount::default());
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn builder() -> BloodCountBuilder {
        BloodCountBuilder::default()
    }

    /// Haemoglobin in g/dL.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().hemoglobin(120.0, HemoglobinUnit::GramsPerLiter).build()?;
    /// assert_eq!(c.hemoglobin(), Some(12.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn hemoglobin(&self) -> Option<f64> {
        self.hemoglobin
    }

    /// Mean corpuscular volume in fL.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// assert_eq!(BloodCount::builder().build()?.mcv(), None);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn mcv(&self) -> Option<f64> {
        self.mcv
    }

    /// Absolute neutrophil count in ×10⁹/L.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().neutrophils(500.0, CountUnit::PerMicroliter).build()?;
    /// assert_eq!(c.neutrophils(), Some(0.5));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn neutrophils(&self) -> Option<f64> {
        self.neutrophils
    }

    /// Absolute lymphocyte count in ×10⁹/L.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().lymphocytes(1.1, CountUnit::GigaPerLiter).build()?;
    /// assert_eq!(c.lymphocytes(), Some(1.1));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn lymphocytes(&self) -> Option<f64> {
        self.lymphocytes
    }

    /// Absolute monocyte count in ×10⁹/L.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().monocytes(0.0, CountUnit::GigaPerLiter).build()?;
    /// assert_eq!(c.monocytes(), Some(0.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn monocytes(&self) -> Option<f64> {
        self.monocytes
    }

    /// Platelet count in ×10⁹/L.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().platelets(15.0, CountUnit::GigaPerLiter).build()?;
    /// assert_eq!(c.platelets(), Some(15.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn platelets(&self) -> Option<f64> {
        self.platelets
    }

    /// Absolute reticulocyte count in ×10⁹/L (as given, or derived from the percentage).
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().reticulocytes(12.0, CountUnit::GigaPerLiter).build()?;
    /// assert_eq!(c.reticulocytes(), Some(12.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn reticulocytes(&self) -> Option<f64> {
        self.reticulocytes
    }

    /// The reticulocyte percentage, when the count was given that way.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().reticulocyte_percent(2.0).red_cell_count(3.0).build()?;
    /// assert_eq!((c.reticulocyte_percent(), c.reticulocytes()), (Some(2.0), Some(60.0)));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn reticulocyte_percent(&self) -> Option<f64> {
        self.reticulocyte_percent
    }

    /// Red cell count in ×10¹²/L.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().red_cell_count(3.1).build()?;
    /// assert_eq!(c.red_cell_count(), Some(3.1));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn red_cell_count(&self) -> Option<f64> {
        self.red_cell_count
    }

    /// Haematocrit in %.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().hematocrit(30.0).build()?;
    /// assert_eq!(c.hematocrit(), Some(30.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn hematocrit(&self) -> Option<f64> {
        self.hematocrit
    }

    /// The corrected reticulocyte percentage of Camitta's criteria: the reticulocyte percentage scaled to a
    /// normal haematocrit, `percent × haematocrit / 45`
    /// ([`APLASTIC`](super::thresholds::APLASTIC)`.normal_hematocrit`). `None` without both values.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().reticulocyte_percent(2.0).hematocrit(22.5).build()?;
    /// assert_eq!(c.corrected_reticulocyte_percent(), Some(1.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn corrected_reticulocyte_percent(&self) -> Option<f64> {
        let normal = super::thresholds::APLASTIC.normal_hematocrit;
        Some(self.reticulocyte_percent? * self.hematocrit? / normal)
    }

    /// Marrow cellularity in %.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().cellularity(0.0).build()?;
    /// assert_eq!(c.cellularity(), Some(0.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn cellularity(&self) -> Option<f64> {
        self.cellularity
    }

    /// Residual haematopoietic cells in %.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().residual_hematopoietic_cells(25.0).build()?;
    /// assert_eq!(c.residual_hematopoietic_cells(), Some(25.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn residual_hematopoietic_cells(&self) -> Option<f64> {
        self.residual_hematopoietic_cells
    }

    /// Age in years.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().age(14.0, AgeUnit::Days).build()?;
    /// assert_eq!(c.age(), Some(14.0 / 365.25));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn age(&self) -> Option<f64> {
        self.age
    }

    /// Sex.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let c = BloodCount::builder().sex(Sex::Male).build()?;
    /// assert_eq!(c.sex(), Some(Sex::Male));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn sex(&self) -> Option<Sex> {
        self.sex
    }

    /// Whether pregnant.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// assert!(!BloodCount::builder().build()?.pregnant());
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn pregnant(&self) -> bool {
        self.pregnant
    }
}
