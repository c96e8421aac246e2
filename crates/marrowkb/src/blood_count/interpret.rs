//! Reading a [`BloodCount`]: cytopenias and their grades, red cell size, the pattern, aplastic anaemia
//! severity and the disorders whose lines fit.

use super::Field;
use super::fit::{self, CellLineSet, DisorderFit};
use super::input::BloodCount;
use super::thresholds::{
    APLASTIC, AgeReferenceRow, COUNT_LOWER_LIMITS, CTCAE_ANEMIA, CTCAE_LYMPHOCYTES, CTCAE_NEUTROPHILS, CTCAE_PLATELETS,
    CtcaeScale, NATHAN_OSKI_INFANT_HEMOGLOBIN, NATHAN_OSKI_MCV, NEUTROPENIA_BANDS, Reference, SeverityBands,
    WHO_2011_HEMOGLOBIN, WhoPopulation,
};
use crate::Disorder;
use crate::classes::CellLine;
use crate::codes::HpoId;
use crate::generated::blood_count::{
    AplasticCriteria, AplasticSeverity, Criterion, CtcaeGrade, Cytopenia, Pattern, Presence, RedCellSize, Severity,
    SeverityScale, Sex,
};

impl Cytopenia {
    /// The HPO term (HPO 2025-01-16): Anemia HP:0001903, Neutropenia HP:0001875, Lymphopenia HP:0001888,
    /// Monocytopenia HP:0012312, Thrombocytopenia HP:0001873, Reticulocytopenia HP:0001896.
    ///
    /// ```
    /// use marrowkb::blood_count::Cytopenia;
    /// assert_eq!(Cytopenia::Anemia.hpo().to_string(), "HP:0001903");
    /// ```
    pub const fn hpo(self) -> HpoId {
        HpoId::new(match self {
            Cytopenia::Anemia => 1903,
            Cytopenia::Neutropenia => 1875,
            Cytopenia::Lymphopenia => 1888,
            Cytopenia::Monocytopenia => 12312,
            Cytopenia::Thrombocytopenia => 1873,
            Cytopenia::Reticulocytopenia => 1896,
        })
    }

    /// The measured field.
    ///
    /// ```
    /// use marrowkb::blood_count::{Cytopenia, Field};
    /// assert_eq!(Cytopenia::Reticulocytopenia.field(), Field::Reticulocytes);
    /// ```
    pub const fn field(self) -> Field {
        match self {
            Cytopenia::Anemia => Field::Hemoglobin,
            Cytopenia::Neutropenia => Field::Neutrophils,
            Cytopenia::Lymphopenia => Field::Lymphocytes,
            Cytopenia::Monocytopenia => Field::Monocytes,
            Cytopenia::Thrombocytopenia => Field::Platelets,
            Cytopenia::Reticulocytopenia => Field::Reticulocytes,
        }
    }

    /// The cell line of the three-line pattern, for anaemia, neutropenia and thrombocytopenia.
    ///
    /// ```
    /// use marrowkb::{blood_count::Cytopenia, classes::CellLine};
    /// assert_eq!(Cytopenia::Thrombocytopenia.cell_line(), Some(CellLine::Platelets));
    /// assert_eq!(Cytopenia::Lymphopenia.cell_line(), None);
    /// ```
    pub const fn cell_line(self) -> Option<CellLine> {
        match self {
            Cytopenia::Anemia => Some(CellLine::RedCells),
            Cytopenia::Neutropenia => Some(CellLine::WhiteCells),
            Cytopenia::Thrombocytopenia => Some(CellLine::Platelets),
            _ => None,
        }
    }
}

impl CtcaeGrade {
    /// The grade as a number 0–4.
    ///
    /// ```
    /// use marrowkb::blood_count::CtcaeGrade;
    /// assert_eq!(CtcaeGrade::Grade3.number(), 3);
    /// ```
    pub const fn number(self) -> u32 {
        self as u32
    }

    /// The grade of `value` on `scale`, given the LLN where known. `None` when the value is at or above
    /// the grade 2 boundary and the LLN is unknown (grade 0 and grade 1 cannot be told apart).
    ///
    /// A value at or above a known LLN is grade 0 even where the LLN lies below CTCAE's adult grade 2
    /// boundary (infants: haemoglobin LLN 9.0 g/dL at 2 months, boundary 10.0), so a grade never says
    /// "decreased" where the age-specific limit says normal.
    ///
    /// ```
    /// use marrowkb::blood_count::{CtcaeGrade, thresholds::{CTCAE_ANEMIA, CTCAE_PLATELETS}};
    /// assert_eq!(CtcaeGrade::of(&CTCAE_PLATELETS, 24.9, None), Some(CtcaeGrade::Grade4));
    /// assert_eq!(CtcaeGrade::of(&CTCAE_PLATELETS, 25.0, None), Some(CtcaeGrade::Grade3));
    /// assert_eq!(CtcaeGrade::of(&CTCAE_PLATELETS, 100.0, Some(150.0)), Some(CtcaeGrade::Grade1));
    /// assert_eq!(CtcaeGrade::of(&CTCAE_PLATELETS, 100.0, None), None);
    /// assert_eq!(CtcaeGrade::of(&CTCAE_ANEMIA, 9.5, Some(9.0)), Some(CtcaeGrade::Grade0));
    /// assert_eq!(CtcaeGrade::of(&CTCAE_ANEMIA, 8.5, Some(9.0)), Some(CtcaeGrade::Grade2));
    /// ```
    pub fn of(scale: &CtcaeScale, value: f64, lln: Option<f64>) -> Option<CtcaeGrade> {
        if lln.is_some_and(|lln| value >= lln) {
            Some(CtcaeGrade::Grade0)
        } else if scale.grade4_below.is_some_and(|g4| value < g4) {
            Some(CtcaeGrade::Grade4)
        } else if value < scale.grade3_below {
            Some(CtcaeGrade::Grade3)
        } else if value < scale.grade2_below {
            Some(CtcaeGrade::Grade2)
        } else {
            lln.map(|lln| {
                if value < lln {
                    CtcaeGrade::Grade1
                } else {
                    CtcaeGrade::Grade0
                }
            })
        }
    }
}

impl SeverityBands {
    /// The band `value` falls in, `None` at or above `mild_below`.
    ///
    /// ```
    /// use marrowkb::blood_count::{Severity, thresholds::NEUTROPENIA_BANDS};
    /// assert_eq!(NEUTROPENIA_BANDS.classify(0.5), Some(Severity::Moderate));
    /// assert_eq!(NEUTROPENIA_BANDS.classify(0.19), Some(Severity::VerySevere));
    /// assert_eq!(NEUTROPENIA_BANDS.classify(1.5), None);
    /// ```
    pub fn classify(&self, value: f64) -> Option<Severity> {
        if self.very_severe_below.is_some_and(|v| value < v) {
            Some(Severity::VerySevere)
        } else if value < self.severe_below {
            Some(Severity::Severe)
        } else if value < self.moderate_below {
            Some(Severity::Moderate)
        } else if value < self.mild_below {
            Some(Severity::Mild)
        } else {
            None
        }
    }
}

/// One cytopenia's reading.
///
/// ```
/// use marrowkb::blood_count::{AgeUnit, BloodCount, CountUnit, CtcaeGrade, Cytopenia, InterpretOptions, Presence, Severity};
/// let reading = BloodCount::builder()
///     .neutrophils(0.8, CountUnit::GigaPerLiter)
///     .age(40.0, AgeUnit::Years)
///     .build()?
///     .interpret(InterpretOptions::default())
///     .neutropenia;
/// assert_eq!(reading.cytopenia, Cytopenia::Neutropenia);
/// assert_eq!((reading.presence, reading.severity), (Presence::Present, Some(Severity::Moderate)));
/// assert_eq!((reading.lower_limit, reading.ctcae), (Some(1.5), Some(CtcaeGrade::Grade3)));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Reading {
    /// Which cytopenia.
    pub cytopenia: Cytopenia,
    /// The value in its canonical unit (g/dL or ×10⁹/L), if given.
    pub value: Option<f64>,
    /// Whether it is present.
    pub presence: Presence,
    /// The lower limit used (the cytopenia is `value < lower_limit`); `None` when no single limit applies.
    pub lower_limit: Option<f64>,
    /// The source of `lower_limit`.
    pub reference: Option<Reference>,
    /// The severity, when present and the cytopenia has a severity scale for this population.
    pub severity: Option<Severity>,
    /// The scale `severity` is on.
    pub severity_scale: Option<SeverityScale>,
    /// CTCAE v5.0 grade (anaemia, neutrophils, platelets, lymphocytes); `None` when not gradable.
    pub ctcae: Option<CtcaeGrade>,
}

impl RedCellSize {
    /// The HPO term: Decreased mean corpuscular volume HP:0025066, Increased mean corpuscular volume
    /// HP:0005518; none for normocytic.
    ///
    /// ```
    /// use marrowkb::blood_count::RedCellSize;
    /// assert_eq!(RedCellSize::Macrocytic.hpo().unwrap().to_string(), "HP:0005518");
    /// ```
    pub const fn hpo(self) -> Option<HpoId> {
        match self {
            RedCellSize::Microcytic => Some(HpoId::new(25066)),
            RedCellSize::Normocytic => None,
            RedCellSize::Macrocytic => Some(HpoId::new(5518)),
        }
    }
}

/// The MCV reading (Nathan and Oski limits by age and sex).
///
/// ```
/// use marrowkb::blood_count::{AgeUnit, BloodCount, InterpretOptions, RedCellSize};
/// let count = BloodCount::builder().mcv(104.0).age(40.0, AgeUnit::Years).build()?;
/// let size = count.interpret(InterpretOptions::default()).red_cell_size;
/// assert_eq!(size.size, Some(RedCellSize::Macrocytic));
/// assert_eq!((size.lower_limit, size.upper_limit), (Some(80.0), Some(100.0)));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RedCellSizeReading {
    /// MCV in fL, if given.
    pub mcv: Option<f64>,
    /// The class; `None` when the MCV or the age is missing, or the sex is needed and missing.
    pub size: Option<RedCellSize>,
    /// Lower limit used (fL).
    pub lower_limit: Option<f64>,
    /// Upper limit used (fL).
    pub upper_limit: Option<f64>,
}

impl Pattern {
    /// The HPO term: Pancytopenia HP:0001876 (HPO has no term for the others).
    ///
    /// ```
    /// use marrowkb::blood_count::Pattern;
    /// assert_eq!(Pattern::Bicytopenia.hpo(), None);
    /// ```
    pub const fn hpo(self) -> Option<HpoId> {
        match self {
            Pattern::Pancytopenia => Some(HpoId::new(1876)),
            _ => None,
        }
    }
}

impl AplasticCriteria {
    /// The reticulocyte threshold (×10⁹/L, exclusive).
    ///
    /// ```
    /// use marrowkb::blood_count::AplasticCriteria;
    /// assert_eq!(AplasticCriteria::CamittaBacigalupo.reticulocytes_below(), 20.0);
    /// ```
    pub const fn reticulocytes_below(self) -> f64 {
        match self {
            AplasticCriteria::CamittaBacigalupo => APLASTIC.reticulocytes_below,
            AplasticCriteria::Bsh2016Automated => APLASTIC.automated_reticulocytes_below,
        }
    }
}

/// Options of [`BloodCount::interpret`].
///
/// ```
/// use marrowkb::blood_count::{AplasticCriteria, InterpretOptions};
/// let options = InterpretOptions { aplastic_criteria: AplasticCriteria::Bsh2016Automated };
/// assert_ne!(options, InterpretOptions::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InterpretOptions {
    /// Reticulocyte threshold of the aplastic anaemia severity.
    pub aplastic_criteria: AplasticCriteria,
}

impl Criterion {
    fn from_bool(b: Option<bool>) -> Self {
        match b {
            None => Criterion::Unknown,
            Some(false) => Criterion::NotMet,
            Some(true) => Criterion::Met,
        }
    }

    fn and(self, other: Criterion) -> Criterion {
        match (self, other) {
            (Criterion::NotMet, _) | (_, Criterion::NotMet) => Criterion::NotMet,
            (Criterion::Met, Criterion::Met) => Criterion::Met,
            _ => Criterion::Unknown,
        }
    }
}

/// Aplastic anaemia severity and each criterion behind it (thresholds in
/// [`APLASTIC`](super::thresholds::APLASTIC)).
///
/// ```
/// use marrowkb::blood_count::{AplasticSeverity, BloodCount, CountUnit, Criterion, InterpretOptions};
/// let aa = BloodCount::builder()
///     .cellularity(15.0)
///     .neutrophils(0.3, CountUnit::GigaPerLiter)
///     .platelets(15.0, CountUnit::GigaPerLiter)
///     .reticulocytes(12.0, CountUnit::GigaPerLiter)
///     .build()?
///     .interpret(InterpretOptions::default())
///     .aplastic_anemia;
/// assert_eq!(aa.severity, AplasticSeverity::Severe);
/// assert_eq!((aa.marrow, aa.counts_met, aa.very_severe_neutrophils), (Criterion::Met, 3, Criterion::NotMet));
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AplasticAssessment {
    /// The criteria used.
    pub criteria: AplasticCriteria,
    /// The severity.
    pub severity: AplasticSeverity,
    /// Cellularity < 25 %, or 25–50 % with residual haematopoietic cells < 30 %.
    pub marrow: Criterion,
    /// ANC < 0.5 ×10⁹/L.
    pub neutrophils: Criterion,
    /// Platelets < 20 ×10⁹/L.
    pub platelets: Criterion,
    /// The reticulocyte criterion counted: the absolute count below
    /// [`reticulocytes_below`](Self::reticulocytes_below); with the Camitta criteria and no absolute count,
    /// the corrected percentage below 1 % ([`corrected_reticulocytes`](Self::corrected_reticulocytes)).
    pub reticulocytes: Criterion,
    /// The reticulocyte threshold used (20 or 60 ×10⁹/L).
    pub reticulocytes_below: f64,
    /// The corrected reticulocyte percentage (reticulocyte % × haematocrit / 45), when both are given.
    pub corrected_reticulocyte_percent: Option<f64>,
    /// Camitta 1976's own reticulocyte criterion: corrected percentage below 1 %, shown beside the absolute
    /// count.
    pub corrected_reticulocytes: Criterion,
    /// How many of the three count criteria are met.
    pub counts_met: u32,
    /// At least 2 of the 3 count criteria.
    pub counts: Criterion,
    /// ANC < 0.2 ×10⁹/L (very severe).
    pub very_severe_neutrophils: Criterion,
}

/// Everything read from a blood count.
///
/// ```
/// use marrowkb::blood_count::{AgeUnit, BloodCount, CountUnit, HemoglobinUnit, InterpretOptions, Pattern, Sex};
/// let result = BloodCount::builder()
///     .hemoglobin(9.0, HemoglobinUnit::GramsPerDeciliter)
///     .neutrophils(2.0, CountUnit::GigaPerLiter)
///     .platelets(90.0, CountUnit::GigaPerLiter)
///     .age(70.0, AgeUnit::Years)
///     .sex(Sex::Male)
///     .build()?
///     .interpret(InterpretOptions::default());
/// assert_eq!(result.pattern, Pattern::Bicytopenia);
/// assert_eq!(result.present().count(), 2);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Interpretation {
    /// The input, in canonical units.
    pub count: BloodCount,
    /// The options used.
    pub options: InterpretOptions,
    /// Anaemia (WHO 2011 severity; CTCAE Anemia).
    pub anemia: Reading,
    /// Neutropenia (neutropenia bands; CTCAE Neutrophil count decreased).
    pub neutropenia: Reading,
    /// Lymphopenia (CTCAE Lymphocyte count decreased).
    pub lymphopenia: Reading,
    /// Monocytopenia.
    pub monocytopenia: Reading,
    /// Thrombocytopenia (CTCAE Platelet count decreased).
    pub thrombocytopenia: Reading,
    /// Reticulocytopenia.
    pub reticulocytopenia: Reading,
    /// Microcytosis or macrocytosis.
    pub red_cell_size: RedCellSizeReading,
    /// The pattern over haemoglobin, neutrophils and platelets.
    pub pattern: Pattern,
    /// The lines of the pattern that are decreased.
    pub decreased_lines: CellLineSet,
    /// The lines of the pattern whose state is unknown.
    pub unknown_lines: CellLineSet,
    /// Aplastic anaemia severity (when cellularity is given).
    pub aplastic_anemia: AplasticAssessment,
    /// Every disorder's fit, in [`Disorder::ALL`] order (see [`Interpretation::ranked_fits`]).
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_fits"))]
    pub disorder_fit: [DisorderFit; Disorder::COUNT],
}

#[cfg(feature = "serde")]
fn serialize_fits<S: serde::Serializer>(
    fits: &[DisorderFit; Disorder::COUNT],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(fits.iter())
}

impl Interpretation {
    /// The six readings, in [`Cytopenia`] order.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let r = BloodCount::builder().platelets(90.0, CountUnit::GigaPerLiter).build()?.interpret(InterpretOptions::default());
    /// let readings = r.readings();
    /// assert_eq!(readings[4].cytopenia, Cytopenia::Thrombocytopenia);
    /// assert_eq!(readings[4].presence, Presence::Present);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn readings(&self) -> [Reading; 6] {
        [
            self.anemia,
            self.neutropenia,
            self.lymphopenia,
            self.monocytopenia,
            self.thrombocytopenia,
            self.reticulocytopenia,
        ]
    }

    /// The reading of one cytopenia.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let r = BloodCount::builder().platelets(90.0, CountUnit::GigaPerLiter).build()?.interpret(InterpretOptions::default());
    /// assert_eq!(r.reading(Cytopenia::Thrombocytopenia).ctcae, Some(CtcaeGrade::Grade1));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn reading(&self, cytopenia: Cytopenia) -> Reading {
        match cytopenia {
            Cytopenia::Anemia => self.anemia,
            Cytopenia::Neutropenia => self.neutropenia,
            Cytopenia::Lymphopenia => self.lymphopenia,
            Cytopenia::Monocytopenia => self.monocytopenia,
            Cytopenia::Thrombocytopenia => self.thrombocytopenia,
            Cytopenia::Reticulocytopenia => self.reticulocytopenia,
        }
    }

    /// The cytopenias present.
    ///
    /// ```
    /// # use marrowkb::blood_count::*;
    /// let r = BloodCount::builder().platelets(90.0, CountUnit::GigaPerLiter).build()?.interpret(InterpretOptions::default());
    /// assert_eq!(r.present().map(|x| x.cytopenia).collect::<Vec<_>>(), [Cytopenia::Thrombocytopenia]);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn present(&self) -> impl Iterator<Item = Reading> {
        self.readings().into_iter().filter(|r| r.presence == Presence::Present)
    }

    /// Every disorder's fit, best first: score descending (undetermined last), then [`Disorder`] order.
    ///
    /// ```
    /// use marrowkb::{Disorder, blood_count::{BloodCount, CountUnit, HemoglobinUnit, InterpretOptions, AgeUnit, Sex, Fit}};
    /// let result = BloodCount::builder()
    ///     .hemoglobin(7.2, HemoglobinUnit::GramsPerDeciliter)
    ///     .neutrophils(0.3, CountUnit::GigaPerLiter)
    ///     .platelets(15.0, CountUnit::GigaPerLiter)
    ///     .age(34.0, AgeUnit::Years)
    ///     .sex(Sex::Female)
    ///     .build()?
    ///     .interpret(InterpretOptions::default());
    /// let best = result.ranked_fits()[0];
    /// assert_eq!(best.fit, Fit::Exact);
    /// assert!(result.ranked_fits().iter().any(|f| f.disorder == Disorder::AplasticAnemia && f.fit == Fit::Exact));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn ranked_fits(&self) -> [DisorderFit; Disorder::COUNT] {
        let mut fits = self.disorder_fit;
        fit::rank(&mut fits);
        fits
    }
}

impl BloodCount {
    /// Interprets the count. Never fails and never allocates: every conclusion a missing value prevents
    /// is reported as not measured, undetermined or unknown.
    ///
    /// ```
    /// use marrowkb::blood_count::{AplasticSeverity, BloodCount, InterpretOptions, Pattern};
    /// let empty = BloodCount::builder().build()?.interpret(InterpretOptions::default());
    /// assert_eq!(empty.pattern, Pattern::Undetermined);
    /// assert_eq!(empty.aplastic_anemia.severity, AplasticSeverity::NotAssessed);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn interpret(&self, options: InterpretOptions) -> Interpretation {
        interpret(self, options)
    }
}

/// Interprets a blood count (the same as [`BloodCount::interpret`]).
///
/// ```
/// use marrowkb::blood_count::{self, BloodCount, InterpretOptions};
/// let count = BloodCount::builder().build()?;
/// assert_eq!(blood_count::interpret(&count, InterpretOptions::default()), count.interpret(InterpretOptions::default()));
/// # Ok::<(), marrowkb::Error>(())
/// ```
pub fn interpret(count: &BloodCount, options: InterpretOptions) -> Interpretation {
    let anemia = read(
        Cytopenia::Anemia,
        count.hemoglobin(),
        hemoglobin_limits(count),
        Some(&CTCAE_ANEMIA),
    );
    let neutropenia = read(
        Cytopenia::Neutropenia,
        count.neutrophils(),
        count_limits(Field::Neutrophils, count.age()),
        Some(&CTCAE_NEUTROPHILS),
    );
    let lymphopenia = read(
        Cytopenia::Lymphopenia,
        count.lymphocytes(),
        count_limits(Field::Lymphocytes, count.age()),
        Some(&CTCAE_LYMPHOCYTES),
    );
    let monocytopenia = read(
        Cytopenia::Monocytopenia,
        count.monocytes(),
        count_limits(Field::Monocytes, count.age()),
        None,
    );
    let thrombocytopenia = read(
        Cytopenia::Thrombocytopenia,
        count.platelets(),
        count_limits(Field::Platelets, count.age()),
        Some(&CTCAE_PLATELETS),
    );
    let reticulocytopenia = read(
        Cytopenia::Reticulocytopenia,
        count.reticulocytes(),
        count_limits(Field::Reticulocytes, count.age()),
        None,
    );

    let mut decreased = CellLineSet::EMPTY;
    let mut unknown = CellLineSet::EMPTY;
    for reading in [anemia, neutropenia, thrombocytopenia] {
        if let Some(line) = reading.cytopenia.cell_line() {
            match reading.presence {
                Presence::Present => decreased = decreased.with(line),
                Presence::Absent => {}
                _ => unknown = unknown.with(line),
            }
        }
    }
    let pattern = if !unknown.is_empty() {
        Pattern::Undetermined
    } else {
        match decreased.len() {
            0 => Pattern::NoCytopenia,
            1 => Pattern::SingleLineage,
            2 => Pattern::Bicytopenia,
            _ => Pattern::Pancytopenia,
        }
    };

    Interpretation {
        count: *count,
        options,
        anemia,
        neutropenia,
        lymphopenia,
        monocytopenia,
        thrombocytopenia,
        reticulocytopenia,
        red_cell_size: red_cell_size(count),
        pattern,
        decreased_lines: decreased,
        unknown_lines: unknown,
        aplastic_anemia: aplastic(count, options.aplastic_criteria),
        disorder_fit: fit::fits(decreased, unknown),
    }
}

/// A lower limit with the severity scale that goes with it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Limit {
    lower: f64,
    reference: Reference,
    bands: Option<(SeverityBands, SeverityScale)>,
}

/// The limits that may apply: none known, none cited, or one or two candidates (two when the sex is
/// unknown and the two sexes' limits differ).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Limits {
    Undetermined,
    NoReference,
    Candidates(Limit, Option<Limit>),
}

/// Both candidates agree on `f`, or there is one.
fn agree<T: PartialEq>(a: T, b: Option<T>) -> Option<T> {
    match b {
        Some(b) if b != a => None,
        _ => Some(a),
    }
}

fn read(cytopenia: Cytopenia, value: Option<f64>, limits: Limits, ctcae: Option<&CtcaeScale>) -> Reading {
    let mut reading = Reading {
        cytopenia,
        value,
        presence: Presence::NotMeasured,
        lower_limit: None,
        reference: None,
        severity: None,
        severity_scale: None,
        ctcae: None,
    };
    let Some(v) = value else {
        return reading;
    };
    let grade = |lln: Option<f64>| ctcae.and_then(|scale| CtcaeGrade::of(scale, v, lln));
    match limits {
        Limits::Undetermined => {
            reading.presence = Presence::Undetermined;
            reading.ctcae = grade(None);
        }
        Limits::NoReference => {
            reading.presence = Presence::NoReference;
            reading.ctcae = grade(None);
        }
        Limits::Candidates(first, second) => {
            let judge = |limit: Limit| {
                let present = v < limit.lower;
                let severity = if present {
                    limit.bands.and_then(|(b, _)| b.classify(v))
                } else {
                    None
                };
                (present, severity, limit.bands.map(|(_, scale)| scale))
            };
            let a = judge(first);
            let b = second.map(judge);
            reading.presence = match agree(a.0, b.map(|b| b.0)) {
                Some(true) => Presence::Present,
                Some(false) => Presence::Absent,
                None => Presence::Undetermined,
            };
            if reading.presence == Presence::Present {
                reading.severity = agree(a.1, b.map(|b| b.1)).flatten();
                reading.severity_scale = reading.severity.and(agree(a.2, b.map(|b| b.2)).flatten());
            }
            reading.lower_limit = agree(first.lower, second.map(|s| s.lower));
            reading.reference = agree(first.reference, second.map(|s| s.reference));
            reading.ctcae = agree(grade(Some(first.lower)), second.map(|s| grade(Some(s.lower)))).flatten();
        }
    }
    reading
}

fn who_limit(population: WhoPopulation) -> Option<Limit> {
    WHO_2011_HEMOGLOBIN
        .iter()
        .find(|r| r.population == population)
        .map(|r| Limit {
            lower: r.anemia_below,
            reference: Reference::Who2011,
            bands: Some((
                SeverityBands {
                    mild_below: r.anemia_below,
                    moderate_below: r.moderate_below,
                    severe_below: r.severe_below,
                    very_severe_below: None,
                },
                SeverityScale::Who2011,
            )),
        })
}

fn hemoglobin_limits(count: &BloodCount) -> Limits {
    if count.pregnant() {
        return who_limit(WhoPopulation::PregnantWomen).map_or(Limits::NoReference, |l| Limits::Candidates(l, None));
    }
    let Some(age) = count.age() else {
        return Limits::Undetermined;
    };
    if let Some(row) = NATHAN_OSKI_INFANT_HEMOGLOBIN.iter().find(|r| r.ages.contains(age)) {
        return Limits::Candidates(
            Limit {
                lower: row.lower,
                reference: Reference::NathanOski,
                bands: None,
            },
            None,
        );
    }
    let mut rows = WHO_2011_HEMOGLOBIN.iter().filter(|r| {
        r.population != WhoPopulation::PregnantWomen
            && r.ages.contains(age)
            && (r.sex.is_none() || count.sex().is_none() || r.sex == count.sex())
    });
    let first = rows.next().and_then(|r| who_limit(r.population));
    let second = rows.next().and_then(|r| who_limit(r.population));
    match first {
        Some(first) => Limits::Candidates(first, second),
        None => Limits::NoReference,
    }
}

fn count_limits(field: Field, age: Option<f64>) -> Limits {
    let mut rows = COUNT_LOWER_LIMITS.iter().filter(|l| l.field == field);
    let bands = (field == Field::Neutrophils).then_some((NEUTROPENIA_BANDS, SeverityScale::NeutropeniaBands));
    let limit = |l: &super::thresholds::CountLowerLimit| Limit {
        lower: l.lower,
        reference: l.source,
        bands,
    };
    match age {
        Some(age) => rows
            .find(|l| l.ages.contains(age))
            .map_or(Limits::NoReference, |l| Limits::Candidates(limit(l), None)),
        // Without an age, a limit can be used only when it holds at every age: one band from birth on, or
        // contiguous bands from birth on that all give the same value (platelets: 150 ×10⁹/L from newborns to
        // adults, cited per band). The reference reported is the last (adult) band's.
        None => {
            let first = rows.clone().next();
            let mut covered_to = 0.0;
            let mut same = first.is_some_and(|f| f.ages.from == 0.0);
            let mut last = first;
            for row in rows {
                same &= row.ages.from == covered_to && first.is_some_and(|f| f.lower == row.lower);
                covered_to = row.ages.to;
                last = Some(row);
            }
            match last {
                Some(l) if same && covered_to == f64::INFINITY => Limits::Candidates(limit(l), None),
                _ => Limits::Undetermined,
            }
        }
    }
}

fn red_cell_size(count: &BloodCount) -> RedCellSizeReading {
    let mut reading = RedCellSizeReading {
        mcv: count.mcv(),
        size: None,
        lower_limit: None,
        upper_limit: None,
    };
    let (Some(mcv), Some(age)) = (count.mcv(), count.age()) else {
        return reading;
    };
    let sex: Option<Sex> = count.sex();
    let mut rows = NATHAN_OSKI_MCV.iter().filter(|r| r.applies(age, sex));
    let Some(first) = rows.next() else {
        return reading;
    };
    let second = rows.next();
    let classify = |r: &AgeReferenceRow| {
        if mcv < r.lower {
            RedCellSize::Microcytic
        } else if mcv > r.upper() {
            RedCellSize::Macrocytic
        } else {
            RedCellSize::Normocytic
        }
    };
    reading.size = agree(classify(first), second.map(classify));
    reading.lower_limit = agree(first.lower, second.map(|r| r.lower));
    reading.upper_limit = agree(first.upper(), second.map(|r| r.upper()));
    reading
}

fn below(value: Option<f64>, threshold: f64) -> Criterion {
    Criterion::from_bool(value.map(|v| v < threshold))
}

fn aplastic(count: &BloodCount, criteria: AplasticCriteria) -> AplasticAssessment {
    let a = APLASTIC;
    let marrow = match count.cellularity() {
        None => Criterion::Unknown,
        Some(c) if c < a.cellularity_below => Criterion::Met,
        Some(c) if c <= a.partial_cellularity_max => below(count.residual_hematopoietic_cells(), a.residual_below),
        Some(_) => Criterion::NotMet,
    };
    let neutrophils = below(count.neutrophils(), a.neutrophils_below);
    let platelets = below(count.platelets(), a.platelets_below);
    let reticulocytes_below = criteria.reticulocytes_below();
    let corrected_reticulocyte_percent = count.corrected_reticulocyte_percent();
    let corrected_reticulocytes = below(corrected_reticulocyte_percent, a.corrected_reticulocyte_percent_below);
    let reticulocytes = match (count.reticulocytes(), criteria) {
        (None, AplasticCriteria::CamittaBacigalupo) => corrected_reticulocytes,
        (absolute, _) => below(absolute, reticulocytes_below),
    };
    let parts = [neutrophils, platelets, reticulocytes];
    let met = parts.iter().filter(|c| **c == Criterion::Met).count();
    let unknown = parts.iter().filter(|c| **c == Criterion::Unknown).count();
    let counts = if met >= 2 {
        Criterion::Met
    } else if met + unknown < 2 {
        Criterion::NotMet
    } else {
        Criterion::Unknown
    };
    let very_severe_neutrophils = below(count.neutrophils(), a.very_severe_neutrophils_below);
    let severity = if count.cellularity().is_none() {
        AplasticSeverity::NotAssessed
    } else {
        match (marrow.and(counts), very_severe_neutrophils) {
            (Criterion::NotMet, _) => AplasticSeverity::NonSevere,
            (Criterion::Unknown, _) => AplasticSeverity::Undetermined,
            (Criterion::Met, Criterion::Met) => AplasticSeverity::VerySevere,
            (Criterion::Met, Criterion::NotMet) => AplasticSeverity::Severe,
            (Criterion::Met, Criterion::Unknown) => AplasticSeverity::AtLeastSevere,
        }
    };
    AplasticAssessment {
        criteria,
        severity,
        marrow,
        neutrophils,
        platelets,
        reticulocytes,
        reticulocytes_below,
        corrected_reticulocyte_percent,
        corrected_reticulocytes,
        counts_met: met as u32,
        counts,
        very_severe_neutrophils,
    }
}
