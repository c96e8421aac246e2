//! Target `blood_count`: a [`BloodCount`] built from arbitrary numbers (any `f64` bit pattern, plausible
//! values, the plausibility bounds and the interpretation thresholds), units and sexes given as arbitrary
//! integers, then interpreted.
//!
//! `build` is checked against an independent oracle written from its documentation: values are checked in
//! [`Field`] order and the first problem is returned; NaN, infinities, negatives and values outside
//! [`PLAUSIBLE`] are rejected naming the field and the value as given; nothing is clamped.

use arbitrary::{Arbitrary, Unstructured};
use marrowkb::blood_count::thresholds::PLAUSIBLE;
use marrowkb::blood_count::{
    AgeUnit, AplasticCriteria, AplasticSeverity, BloodCount, BloodCountBuilder, CellLineSet, CountUnit, Criterion,
    Cytopenia, DisorderFit, Field, HemoglobinUnit, InterpretOptions, Interpretation, Pattern, Presence, Reading,
    RedCellSize, Sex, Unit,
};
use marrowkb::classes::CellLine;
use marrowkb::{Disorder, Error};

/// A number: any bit pattern, or one biased toward the values that matter.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Num {
    /// Any `f64`, NaN payloads and subnormals included.
    Bits(u64),
    /// `n / 100`: plausible values with two decimals.
    Hundredths(u16),
    /// A whole number.
    Whole(u16),
    /// `-n / 100`.
    Negative(u16),
    /// One of `SPECIAL`.
    Special(u8),
}

/// Values on and around the edges: the plausibility bounds, the interpretation thresholds, zeros and
/// the extremes of `f64`.
const SPECIAL: [f64; 40] = [
    0.0,
    -0.0,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::MIN_POSITIVE,
    5e-324,
    f64::MAX,
    f64::MIN,
    f64::EPSILON,
    25.0,
    250.0,
    15.515,
    30.0,
    200.0,
    2000.0,
    5000.0,
    100.0,
    130.0,
    15.0,
    11.0,
    11.5,
    12.0,
    13.0,
    13.5,
    8.0,
    7.0,
    0.5,
    0.2,
    1.0,
    1.5,
    20.0,
    25.000000000000004,
    50.0,
    60.0,
    150.0,
    365.25,
    1560.0,
    6782.5,
    -1e-300,
];

impl Num {
    /// The value.
    pub fn value(self) -> f64 {
        match self {
            Num::Bits(bits) => f64::from_bits(bits),
            Num::Hundredths(n) => f64::from(n) / 100.0,
            Num::Whole(n) => f64::from(n),
            Num::Negative(n) => -f64::from(n) / 100.0,
            Num::Special(i) => SPECIAL[usize::from(i) % SPECIAL.len()],
        }
    }
}

/// How the reticulocytes are given.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Retic {
    /// An absolute count in a unit (a `CountUnit` discriminant, possibly invalid).
    Absolute(Num, u32),
    /// A percentage of red cells.
    Percent(Num),
}

/// A blood count as a caller might give it: every field optional, units and sex as C would pass them
/// (integers that may be no value of the enum).
#[derive(Debug, Clone, Arbitrary)]
pub struct Input {
    /// Haemoglobin and a `HemoglobinUnit` discriminant.
    pub hemoglobin: Option<(Num, u32)>,
    /// MCV in fL.
    pub mcv: Option<Num>,
    /// Neutrophils and a `CountUnit` discriminant.
    pub neutrophils: Option<(Num, u32)>,
    /// Lymphocytes.
    pub lymphocytes: Option<(Num, u32)>,
    /// Monocytes.
    pub monocytes: Option<(Num, u32)>,
    /// Platelets.
    pub platelets: Option<(Num, u32)>,
    /// Reticulocytes, set in order (a later setting replaces an earlier one).
    pub reticulocytes: Vec<Retic>,
    /// Red cell count in ×10¹²/L.
    pub red_cell_count: Option<Num>,
    /// Marrow cellularity in %.
    pub cellularity: Option<Num>,
    /// Residual haematopoietic cells in %.
    pub residual: Option<Num>,
    /// Age and an `AgeUnit` discriminant.
    pub age: Option<(Num, u32)>,
    /// A `Sex` discriminant.
    pub sex: Option<u32>,
    /// Pregnancy.
    pub pregnant: bool,
    /// An `AplasticCriteria` discriminant.
    pub criteria: u32,
}

/// Decodes the input and checks building and interpreting it.
pub fn check(data: &[u8]) {
    if let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) {
        check_input(&input);
    }
}

/// A value given in a unit, as the oracle sees it.
#[derive(Debug, Clone, Copy)]
struct Given {
    field: Field,
    value: f64,
    unit: Unit,
    canonical: f64,
}

impl Given {
    fn new(field: Field, value: f64, unit: Unit, to_canonical: impl Fn(f64) -> f64) -> Self {
        let canonical = if value.is_finite() { to_canonical(value) } else { value };
        Given {
            field,
            value,
            unit,
            canonical,
        }
    }

    /// The problem with this value, if any: `(reason class, …)` as `build` must report it.
    fn problem(&self) -> Option<Error> {
        let invalid = |reason: &'static str| {
            Some(Error::InvalidMeasurement {
                field: self.field,
                value: marrowkb::blood_count::RejectedValue::new(self.value, self.unit),
                reason,
            })
        };
        if self.value.is_nan() {
            return invalid("not a number");
        }
        if self.value.is_infinite() {
            return invalid("infinite");
        }
        if self.value < 0.0 {
            return invalid("negative");
        }
        let c = if self.canonical == 0.0 { 0.0 } else { self.canonical };
        let bounds = PLAUSIBLE.iter().find(|p| p.field == self.field)?;
        if (bounds.min_exclusive && c <= bounds.min) || (!bounds.min_exclusive && c < bounds.min) {
            return invalid(bounds.below_reason);
        }
        if c > bounds.max {
            return invalid(self.unit_hint().unwrap_or(bounds.above_reason));
        }
        None
    }

    /// A haemoglobin impossible in its unit but 3–25 g/dL read in another (g/dL given: g/L; mmol/L given:
    /// g/dL, then g/L) is reported with a hint naming that unit.
    fn unit_hint(&self) -> Option<&'static str> {
        if self.field != Field::Hemoglobin {
            return None;
        }
        let plausible = |g_per_dl: f64| (3.0..=25.0).contains(&g_per_dl);
        match self.unit {
            Unit::GramsPerDeciliter if plausible(self.value / 10.0) => {
                Some("above 25 g/dL: physiologically impossible in g/dL, but plausible in g/L; check the unit")
            }
            Unit::MillimolesPerLiter if plausible(self.value) => Some(
                "above 25 g/dL (15.5 mmol/L): physiologically impossible in mmol/L, but plausible in g/dL; check the unit",
            ),
            Unit::MillimolesPerLiter if plausible(self.value / 10.0) => Some(
                "above 25 g/dL (15.5 mmol/L): physiologically impossible in mmol/L, but plausible in g/L; check the unit",
            ),
            _ => None,
        }
    }

    /// The canonical value `build` must store (−0 stored as +0).
    fn stored(&self) -> f64 {
        if self.canonical == 0.0 { 0.0 } else { self.canonical }
    }
}

/// Builds the count, checks the result against the oracle, and interprets it.
pub fn check_input(input: &Input) {
    let set = set_fields(input);
    let (problems, expected_retic) = expected_problems(input, &set);
    let built = set.builder.build();
    match (&built, problems.first()) {
        (Ok(count), None) => {
            check_stored(count, &set.given, set.rbc, set.age, expected_retic, input);
            let criteria = AplasticCriteria::from_discriminant(input.criteria).unwrap_or_default();
            check_interpretation(
                count,
                InterpretOptions {
                    aplastic_criteria: criteria,
                },
            );
        }
        (Err(actual), Some((_, expected))) => {
            assert!(!actual.to_string().is_empty());
            assert_eq!(
                actual,
                expected,
                "build returned {actual} but the first problem in Field order is {expected}; fields with \
                 problems: {:?}; input {input:?}",
                problems.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
            );
        }
        (Ok(count), Some((_, expected))) => {
            panic!("build accepted {count:?} although {expected:?} ({expected}); input {input:?}")
        }
        (Err(actual), None) => panic!("build rejected a valid count with {actual:?} ({actual}); input {input:?}"),
    }
}

/// The reticulocyte values `build` must store: the absolute count and the percentage.
type StoredRetic = (Option<f64>, Option<f64>);

/// The builder with every usable field of an input set, and what the oracle needs of them.
struct Setup {
    builder: BloodCountBuilder,
    /// The haemoglobin, MCV and the four counts given, in Field order.
    given: Vec<Given>,
    /// The last reticulocyte value set (an absolute count with a unit the library knows, or a percentage).
    retic: Option<Retic>,
    rbc: Option<Given>,
    age: Option<Given>,
    sex: Option<Sex>,
}

/// Sets each field of the input on a builder, in Field order.
fn set_fields(input: &Input) -> Setup {
    let mut builder = BloodCountBuilder::new();
    let mut given: Vec<Given> = Vec::new();
    // Setters take Rust enums: an integer that is no value is rejected by from_discriminant, and the field
    // is then left out (as a binding must do before calling the builder).
    if let Some((v, u)) = input.hemoglobin
        && let Some(unit) = unit_of(HemoglobinUnit::from_discriminant(u), u, "hemoglobin unit")
    {
        builder = builder.hemoglobin(v.value(), unit);
        given.push(Given::new(Field::Hemoglobin, v.value(), unit.into(), |x| {
            unit.to_canonical(x)
        }));
    }
    if let Some(v) = input.mcv {
        builder = builder.mcv(v.value());
        given.push(Given::new(Field::Mcv, v.value(), Unit::Femtoliters, |x| x));
    }
    for (field, count) in [
        (Field::Neutrophils, input.neutrophils),
        (Field::Lymphocytes, input.lymphocytes),
        (Field::Monocytes, input.monocytes),
        (Field::Platelets, input.platelets),
    ] {
        if let Some((v, u)) = count
            && let Some(unit) = unit_of(CountUnit::from_discriminant(u), u, "count unit")
        {
            builder = match field {
                Field::Neutrophils => builder.neutrophils(v.value(), unit),
                Field::Lymphocytes => builder.lymphocytes(v.value(), unit),
                Field::Monocytes => builder.monocytes(v.value(), unit),
                _ => builder.platelets(v.value(), unit),
            };
            given.push(Given::new(field, v.value(), unit.into(), |x| unit.to_canonical(x)));
        }
    }
    let mut retic: Option<Retic> = None;
    for r in input.reticulocytes.iter().take(4) {
        match *r {
            Retic::Absolute(v, u) => {
                if let Some(unit) = unit_of(CountUnit::from_discriminant(u), u, "count unit") {
                    builder = builder.reticulocytes(v.value(), unit);
                    retic = Some(*r);
                }
            }
            Retic::Percent(v) => {
                builder = builder.reticulocyte_percent(v.value());
                retic = Some(*r);
            }
        }
    }
    let rbc = input
        .red_cell_count
        .map(|v| Given::new(Field::RedCellCount, v.value(), Unit::TeraPerLiter, |x| x));
    if let Some(v) = input.red_cell_count {
        builder = builder.red_cell_count(v.value());
    }
    if let Some(v) = input.cellularity {
        builder = builder.cellularity(v.value());
    }
    if let Some(v) = input.residual {
        builder = builder.residual_hematopoietic_cells(v.value());
    }
    let mut age = None;
    if let Some((v, u)) = input.age
        && let Some(unit) = unit_of(AgeUnit::from_discriminant(u), u, "age unit")
    {
        builder = builder.age(v.value(), unit);
        age = Some(Given::new(Field::Age, v.value(), unit.into(), |x| unit.to_canonical(x)));
    }
    let sex = input.sex.and_then(|s| unit_of(Sex::from_discriminant(s), s, "sex"));
    if let Some(sex) = sex {
        builder = builder.sex(sex);
    }
    builder = builder.pregnant(input.pregnant);
    Setup {
        builder,
        given,
        retic,
        rbc,
        age,
        sex,
    }
}

/// The oracle: every problem with the field it belongs to, in the order `build` must report them (it returns
/// the first), and the reticulocyte values (absolute, percentage) it must store.
fn expected_problems(input: &Input, set: &Setup) -> (Vec<(Field, Error)>, StoredRetic) {
    let mut problems: Vec<(Field, Error)> = set
        .given
        .iter()
        .filter_map(|g| g.problem().map(|e| (g.field, e)))
        .collect();
    let expected_retic = reticulocyte_problems(set.retic, set.rbc, &mut problems);
    let plain = [
        (Field::RedCellCount, input.red_cell_count, Unit::TeraPerLiter),
        (Field::Cellularity, input.cellularity, Unit::Percent),
        (Field::ResidualHematopoieticCells, input.residual, Unit::Percent),
    ];
    for (field, value, unit) in plain {
        if let Some(v) = value
            && let Some(e) = Given::new(field, v.value(), unit, |x| x).problem()
        {
            problems.push((field, e));
        }
    }
    if let Some(e) = set.age.and_then(|g| g.problem()) {
        problems.push((Field::Age, e));
    }
    if input.pregnant && set.sex == Some(Sex::Male) {
        problems.push((
            Field::Pregnant,
            Error::InconsistentMeasurements {
                field: Field::Pregnant,
                reason: "pregnancy given for a male",
            },
        ));
    }
    // Field order; while the open finding below stands, `build` checks the red cell count before the
    // reticulocytes (it needs it to convert a percentage).
    let rbc_first = super::tolerated("red-cell-count-checked-before-reticulocytes");
    problems.sort_by_key(|(field, _)| match field {
        Field::RedCellCount if rbc_first => 2 * Field::Reticulocytes as u32 - 1,
        f => 2 * *f as u32,
    });
    (problems, expected_retic)
}

/// The problems of the reticulocyte value given, and the values (absolute, percentage) `build` must store.
fn reticulocyte_problems(retic: Option<Retic>, rbc: Option<Given>, problems: &mut Vec<(Field, Error)>) -> StoredRetic {
    let mut expected_retic: (Option<f64>, Option<f64>) = (None, None);
    match retic {
        None => {}
        Some(Retic::Absolute(v, u)) => {
            if let Ok(unit) = CountUnit::from_discriminant(u) {
                let g = Given::new(Field::Reticulocytes, v.value(), unit.into(), |x| unit.to_canonical(x));
                match g.problem() {
                    Some(e) => problems.push((Field::Reticulocytes, e)),
                    None => expected_retic = (Some(g.stored()), None),
                }
            }
        }
        Some(Retic::Percent(v)) => {
            let pct = Given::new(Field::ReticulocytePercent, v.value(), Unit::Percent, |x| x);
            if let Some(e) = pct.problem() {
                problems.push((Field::ReticulocytePercent, e));
            } else {
                match rbc {
                    None => problems.push((
                        Field::ReticulocytePercent,
                        Error::InconsistentMeasurements {
                            field: Field::ReticulocytePercent,
                            reason: "a reticulocyte percentage needs the red cell count (for the absolute count) or the haematocrit (for the corrected percentage)",
                        },
                    )),
                    Some(r) if r.problem().is_none() => {
                        let absolute = pct.stored() * r.stored() * 10.0;
                        let g = Given::new(Field::Reticulocytes, absolute, Unit::GigaPerLiter, |x| x);
                        match g.problem() {
                            Some(e) => problems.push((Field::Reticulocytes, e)),
                            None => expected_retic = (Some(g.stored()), Some(pct.stored())),
                        }
                    }
                    // The red cell count's own problem is listed below.
                    Some(_) => {}
                }
            }
        }
    }
    expected_retic
}

fn unit_of<T>(parsed: Result<T, Error>, value: u32, entity: &'static str) -> Option<T> {
    match parsed {
        Ok(t) => Some(t),
        Err(Error::InvalidDiscriminant { entity: e, value: v }) => {
            assert_eq!((e, v), (entity, value));
            None
        }
        Err(other) => panic!("{entity} {value}: from_discriminant returned {other:?}"),
    }
}

/// Every stored value is the given one in its canonical unit.
fn check_stored(
    count: &BloodCount,
    given: &[Given],
    rbc: Option<Given>,
    age: Option<Given>,
    retic: (Option<f64>, Option<f64>),
    input: &Input,
) {
    let same = |field: Field, stored: Option<f64>, expected: Option<f64>| {
        let ok = match (stored, expected) {
            (Some(s), Some(e)) => s.to_bits() == e.to_bits(),
            (None, None) => true,
            _ => false,
        };
        assert!(
            ok,
            "{field:?}: stored {stored:?}, expected {expected:?}; input {input:?}"
        );
        if let Some(s) = stored {
            assert!(
                s.is_finite() && s >= 0.0 && !s.is_sign_negative(),
                "{field:?}: stored {s}"
            );
        }
    };
    let of = |field: Field| given.iter().find(|g| g.field == field).map(Given::stored);
    same(Field::Hemoglobin, count.hemoglobin(), of(Field::Hemoglobin));
    same(Field::Mcv, count.mcv(), of(Field::Mcv));
    same(Field::Neutrophils, count.neutrophils(), of(Field::Neutrophils));
    same(Field::Lymphocytes, count.lymphocytes(), of(Field::Lymphocytes));
    same(Field::Monocytes, count.monocytes(), of(Field::Monocytes));
    same(Field::Platelets, count.platelets(), of(Field::Platelets));
    same(Field::Reticulocytes, count.reticulocytes(), retic.0);
    same(Field::ReticulocytePercent, count.reticulocyte_percent(), retic.1);
    same(Field::RedCellCount, count.red_cell_count(), rbc.map(|g| g.stored()));
    let plain = |v: Option<Num>| v.map(|n| if n.value() == 0.0 { 0.0 } else { n.value() });
    same(Field::Cellularity, count.cellularity(), plain(input.cellularity));
    same(
        Field::ResidualHematopoieticCells,
        count.residual_hematopoietic_cells(),
        plain(input.residual),
    );
    same(Field::Age, count.age(), age.map(|g| g.stored()));
    assert_eq!(count.pregnant(), input.pregnant);
}

/// Interprets the count and checks the interpretation's internal consistency.
pub fn check_interpretation(count: &BloodCount, options: InterpretOptions) {
    let r: Interpretation = count.interpret(options);
    assert_eq!(
        r,
        marrowkb::blood_count::interpret(count, options),
        "interpretation is not deterministic"
    );
    assert_eq!(r.count, *count);
    assert_eq!(r.options, options);
    let values = [
        count.hemoglobin(),
        count.neutrophils(),
        count.lymphocytes(),
        count.monocytes(),
        count.platelets(),
        count.reticulocytes(),
    ];
    let readings = r.readings();
    for (reading, value) in readings.iter().zip(values) {
        check_reading(reading, value, count);
        assert_eq!(r.reading(reading.cytopenia), *reading);
    }
    assert_eq!(
        readings.iter().map(|x| x.cytopenia).collect::<Vec<_>>(),
        Cytopenia::ALL.to_vec(),
        "readings() order"
    );
    assert!(r.present().all(|x| x.presence == Presence::Present));

    let (decreased, unknown) = check_lines_and_pattern(&r, count);
    check_red_cell_size(&r, count);
    check_aplastic_anemia(&r, count, options);
    check_disorder_fits(&r, decreased, unknown);
    check_evidence(&r, count, unknown);
    let json = serde_json::to_string(&r);
    assert!(json.is_ok(), "interpretation does not serialize: {json:?}");
}

/// Lines and pattern from the haemoglobin, neutrophil and platelet readings.
fn check_lines_and_pattern(r: &Interpretation, count: &BloodCount) -> (CellLineSet, CellLineSet) {
    let mut decreased = CellLineSet::EMPTY;
    let mut unknown = CellLineSet::EMPTY;
    for (reading, line) in [
        (r.anemia, CellLine::RedCells),
        (r.neutropenia, CellLine::WhiteCells),
        (r.thrombocytopenia, CellLine::Platelets),
    ] {
        match reading.presence {
            Presence::Present => decreased = decreased.with(line),
            Presence::Absent => {}
            _ => unknown = unknown.with(line),
        }
    }
    assert_eq!((r.decreased_lines, r.unknown_lines), (decreased, unknown), "{count:?}");
    let pattern = if !unknown.is_empty() {
        Pattern::Undetermined
    } else {
        [
            Pattern::NoCytopenia,
            Pattern::SingleLineage,
            Pattern::Bicytopenia,
            Pattern::Pancytopenia,
        ][decreased.len()]
    };
    assert_eq!(r.pattern, pattern, "{count:?}");
    (decreased, unknown)
}

/// The red cell size class: only with an MCV and an age, each limit given supporting it.
fn check_red_cell_size(r: &Interpretation, count: &BloodCount) {
    let size = r.red_cell_size;
    assert_eq!(size.mcv, count.mcv());
    // Where two reference rows apply (sex unknown) and agree on the class, a limit they disagree on is
    // left out: each limit given must support the class.
    if let Some(s) = size.size {
        let Some(mcv) = size.mcv else {
            panic!("red cell size {s:?} without an MCV: {size:?}");
        };
        assert!(count.age().is_some(), "red cell size without an age: {size:?}");
        if let (Some(lo), Some(hi)) = (size.lower_limit, size.upper_limit) {
            assert!(lo < hi, "{size:?}");
        }
        match s {
            RedCellSize::Microcytic => assert!(size.lower_limit.is_none_or(|lo| mcv < lo), "{size:?}"),
            RedCellSize::Macrocytic => assert!(size.upper_limit.is_none_or(|hi| mcv > hi), "{size:?}"),
            RedCellSize::Normocytic => {
                assert!(size.lower_limit.is_none_or(|lo| mcv >= lo), "{size:?}");
                assert!(size.upper_limit.is_none_or(|hi| mcv <= hi), "{size:?}");
            }
        }
    }
}

/// The aplastic anaemia grading: the criteria asked for, the counts met, severity only with a cellularity.
fn check_aplastic_anemia(r: &Interpretation, count: &BloodCount, options: InterpretOptions) {
    let a = r.aplastic_anemia;
    assert_eq!(a.criteria, options.aplastic_criteria);
    assert_eq!(a.reticulocytes_below, options.aplastic_criteria.reticulocytes_below());
    let met = [a.neutrophils, a.platelets, a.reticulocytes]
        .iter()
        .filter(|c| **c == Criterion::Met)
        .count();
    assert_eq!(a.counts_met as usize, met, "{a:?}");
    assert_eq!(
        a.severity == AplasticSeverity::NotAssessed,
        count.cellularity().is_none(),
        "{a:?}"
    );
    if matches!(
        a.severity,
        AplasticSeverity::Severe | AplasticSeverity::VerySevere | AplasticSeverity::AtLeastSevere
    ) {
        assert!(a.marrow == Criterion::Met && a.counts == Criterion::Met, "{a:?}");
    }
}

/// Disorder fits: one per disorder, in order, scored from 0 to 1; the ranking is a permutation.
fn check_disorder_fits(r: &Interpretation, decreased: CellLineSet, unknown: CellLineSet) {
    for (fit, d) in r.disorder_fit.iter().zip(Disorder::ALL) {
        assert_eq!(fit.disorder, d);
        assert_eq!(*fit, DisorderFit::new(d, decreased, unknown));
        if let Some(score) = fit.score {
            assert!((0.0..=1.0).contains(&score), "{fit:?}");
        }
    }
    let mut ranked: Vec<u32> = r.ranked_fits().iter().map(|f| f.disorder.discriminant()).collect();
    ranked.sort_unstable();
    let mut all: Vec<u32> = Disorder::ALL.iter().map(|d| d.discriminant()).collect();
    all.sort_unstable();
    assert_eq!(ranked, all, "ranked fits are not a permutation of the disorders");
}

/// The count as differential evidence: a usable likelihood ratio for every disorder.
fn check_evidence(r: &Interpretation, count: &BloodCount, unknown: CellLineSet) {
    let lrs = r.likelihood_ratios();
    for (lr, d) in lrs.iter().zip(Disorder::ALL) {
        assert_eq!(lr.0, d, "likelihood ratios out of order");
        assert!(
            lr.1.is_finite() && lr.1 > 0.0,
            "{d:?}: likelihood ratio {} for {count:?}",
            lr.1
        );
    }
    if unknown == CellLineSet::ALL {
        assert!(
            lrs.iter().all(|(_, lr)| *lr == 1.0),
            "evidence from a count with no known line: {lrs:?}"
        );
    }
}

fn check_reading(reading: &Reading, value: Option<f64>, count: &BloodCount) {
    assert_eq!(reading.value.map(f64::to_bits), value.map(f64::to_bits), "{reading:?}");
    assert_eq!(
        reading.presence == Presence::NotMeasured,
        value.is_none(),
        "{reading:?}"
    );
    assert_eq!(
        reading.severity.is_some(),
        reading.severity_scale.is_some(),
        "{reading:?}"
    );
    if reading.severity.is_some() {
        assert_eq!(reading.presence, Presence::Present, "{reading:?}");
    }
    if let (Some(v), Some(lower)) = (value, reading.lower_limit) {
        assert!(lower.is_finite() && lower > 0.0, "{reading:?}");
        match reading.presence {
            Presence::Present => assert!(v < lower, "{reading:?} for {count:?}"),
            Presence::Absent => assert!(v >= lower, "{reading:?} for {count:?}"),
            _ => {}
        }
    }
}
