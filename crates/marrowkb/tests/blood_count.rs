//! Blood count interpretation: unit conversions, every rejection path, boundary tests at every threshold
//! of `marrowkb::blood_count::thresholds` (just below, at, just above), and worked examples.

mod counting_alloc;

use counting_alloc::allocations_during;
use marrowkb::blood_count::thresholds::{
    self, APLASTIC, COUNT_LOWER_LIMITS, CTCAE_ANEMIA, CTCAE_LYMPHOCYTES, CTCAE_NEUTROPHILS, CTCAE_PLATELETS,
    CtcaeScale, NATHAN_OSKI_INFANT_HEMOGLOBIN, NATHAN_OSKI_MCV, NEUTROPENIA_BANDS, PLAUSIBLE, Reference,
    WHO_2011_HEMOGLOBIN, WhoPopulation,
};
use marrowkb::blood_count::{
    AgeUnit, AplasticCriteria, AplasticSeverity, BloodCount, BloodCountBuilder, CellLineSet, CountUnit, Criterion,
    CtcaeGrade, Cytopenia, Field, Fit, HB_MMOL_PER_L_PER_G_PER_DL, HemoglobinUnit, InterpretOptions, Interpretation,
    Pattern, Presence, RedCellSize, RejectedValue, Severity, SeverityScale, Sex, Unit,
};
use marrowkb::classes::CellLine;
use marrowkb::{Disorder, Error};

// ---------------------------------------------------------------------------------------------------------
// helpers

const G_DL: HemoglobinUnit = HemoglobinUnit::GramsPerDeciliter;
const G9: CountUnit = CountUnit::GigaPerLiter;
const YEARS: AgeUnit = AgeUnit::Years;

fn below(v: f64) -> f64 {
    v.next_down()
}

fn above(v: f64) -> f64 {
    v.next_up()
}

fn run(builder: BloodCountBuilder) -> Interpretation {
    builder
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .interpret(InterpretOptions::default())
}

fn adult_woman() -> BloodCountBuilder {
    BloodCount::builder().age(34.0, YEARS).sex(Sex::Female)
}

fn hb(age: f64, sex: Option<Sex>, value: f64) -> Interpretation {
    let mut b = BloodCount::builder().age(age, YEARS).hemoglobin(value, G_DL);
    if let Some(sex) = sex {
        b = b.sex(sex);
    }
    run(b)
}

fn invalid(builder: BloodCountBuilder) -> (Field, RejectedValue, &'static str) {
    match builder.build() {
        Err(Error::InvalidMeasurement { field, value, reason }) => (field, value, reason),
        other => panic!("expected InvalidMeasurement, got {other:?}"),
    }
}

/// Sets a field to a value in its canonical unit.
fn with_field(field: Field, value: f64) -> BloodCountBuilder {
    let b = BloodCount::builder();
    match field {
        Field::Hemoglobin => b.hemoglobin(value, G_DL),
        Field::Mcv => b.mcv(value),
        Field::Neutrophils => b.neutrophils(value, G9),
        Field::Lymphocytes => b.lymphocytes(value, G9),
        Field::Monocytes => b.monocytes(value, G9),
        Field::Platelets => b.platelets(value, G9),
        Field::Reticulocytes => b.reticulocytes(value, G9),
        Field::ReticulocytePercent => b.reticulocyte_percent(value).red_cell_count(1.0),
        Field::RedCellCount => b.red_cell_count(value),
        Field::Cellularity => b.cellularity(value),
        Field::ResidualHematopoieticCells => b.residual_hematopoietic_cells(value),
        Field::Age => b.age(value, YEARS),
        Field::Hematocrit => b.hematocrit(value),
        other => panic!("{other:?} is not numeric"),
    }
}

// ---------------------------------------------------------------------------------------------------------
// units

#[test]
fn hemoglobin_conversions_both_ways() {
    assert_eq!(HB_MMOL_PER_L_PER_G_PER_DL, 0.6206);
    let cases = [
        (HemoglobinUnit::GramsPerDeciliter, 7.2, 7.2),
        (HemoglobinUnit::GramsPerLiter, 72.0, 7.2),
        (HemoglobinUnit::GramsPerLiter, 110.0, 11.0),
        (HemoglobinUnit::MillimolesPerLiter, 6.206, 10.0),
        (HemoglobinUnit::MillimolesPerLiter, 0.6206, 1.0),
    ];
    for (unit, given, g_dl) in cases {
        assert!((unit.to_canonical(given) - g_dl).abs() < 1e-12, "{unit:?} {given}");
        assert!((unit.from_canonical(g_dl) - given).abs() < 1e-12, "{unit:?} {g_dl}");
    }
    // Round trips.
    for unit in HemoglobinUnit::ALL {
        for v in [0.1, 4.9, 7.2, 11.5, 13.0, 24.9] {
            let back = unit.to_canonical(unit.from_canonical(v));
            assert!((back - v).abs() < 1e-12, "{unit:?} {v} -> {back}");
        }
    }
    // The ICSH factor: 10 g/L over the monomer's 16 114.5 g/mol.
    assert!((10.0 / 16.1145 - HB_MMOL_PER_L_PER_G_PER_DL).abs() < 5e-5);
}

#[test]
fn count_and_age_conversions_both_ways() {
    assert_eq!(CountUnit::PerMicroliter.to_canonical(1500.0), 1.5);
    assert_eq!(CountUnit::PerMicroliter.to_canonical(200.0), 0.2);
    assert_eq!(CountUnit::PerMicroliter.to_canonical(150_000.0), 150.0);
    assert_eq!(CountUnit::PerMicroliter.from_canonical(0.3), 300.0);
    assert_eq!(CountUnit::GigaPerLiter.to_canonical(0.3), 0.3);
    assert_eq!(AgeUnit::Months.to_canonical(6.0), 0.5);
    assert_eq!(AgeUnit::Months.from_canonical(0.5), 6.0);
    assert_eq!(AgeUnit::Days.to_canonical(365.25), 1.0);
    assert_eq!(AgeUnit::Days.from_canonical(1.0), 365.25);
    assert_eq!(AgeUnit::Weeks.to_canonical(2.0), AgeUnit::Days.to_canonical(14.0));
    assert!((AgeUnit::Weeks.from_canonical(AgeUnit::Days.to_canonical(14.0)) - 2.0).abs() < 1e-12);
    for unit in AgeUnit::ALL {
        for v in [0.0, 0.01, 0.5, 1.0, 34.0, 130.0] {
            assert!(
                (unit.to_canonical(unit.from_canonical(v)) - v).abs() < 1e-9,
                "{unit:?} {v}"
            );
        }
    }
}

#[test]
fn converted_values_land_exactly_on_thresholds() {
    // g/L and cells/µL at a threshold behave exactly like the canonical value at the threshold.
    for g_l in [70.0, 80.0, 100.0, 110.0, 115.0, 120.0, 130.0] {
        assert_eq!(HemoglobinUnit::GramsPerLiter.to_canonical(g_l), g_l / 10.0);
    }
    for (per_ul, g9) in [
        (1500.0, 1.5),
        (1000.0, 1.0),
        (500.0, 0.5),
        (200.0, 0.2),
        (800.0, 0.8),
        (75_000.0, 75.0),
    ] {
        assert_eq!(CountUnit::PerMicroliter.to_canonical(per_ul), g9);
    }
    let women_110_g_l = run(adult_woman().hemoglobin(110.0, HemoglobinUnit::GramsPerLiter));
    let women_11_g_dl = run(adult_woman().hemoglobin(11.0, G_DL));
    assert_eq!(women_110_g_l.anemia.severity, Some(Severity::Mild));
    assert_eq!(women_110_g_l.anemia.severity, women_11_g_dl.anemia.severity);
    let anc = run(adult_woman().neutrophils(500.0, CountUnit::PerMicroliter));
    assert_eq!(anc.neutropenia.severity, Some(Severity::Moderate));
    assert_eq!(anc.neutropenia.ctcae, Some(CtcaeGrade::Grade3));
}

#[test]
fn unit_parsing() {
    for (text, unit) in [
        ("g/dL", HemoglobinUnit::GramsPerDeciliter),
        ("G/DL", HemoglobinUnit::GramsPerDeciliter),
        ("g_per_dl", HemoglobinUnit::GramsPerDeciliter),
        ("g/L", HemoglobinUnit::GramsPerLiter),
        (" g / l ", HemoglobinUnit::GramsPerLiter),
        ("mmol/L", HemoglobinUnit::MillimolesPerLiter),
    ] {
        assert_eq!(text.parse::<HemoglobinUnit>().unwrap(), unit, "{text}");
    }
    for (text, unit) in [
        ("×10⁹/L", CountUnit::GigaPerLiter),
        ("x10^9/L", CountUnit::GigaPerLiter),
        ("G/L", CountUnit::GigaPerLiter),
        ("/uL", CountUnit::PerMicroliter),
        ("/µL", CountUnit::PerMicroliter),
        ("cells/uL", CountUnit::PerMicroliter),
        ("/mm3", CountUnit::PerMicroliter),
    ] {
        assert_eq!(text.parse::<CountUnit>().unwrap(), unit, "{text}");
    }
    for (text, unit) in [
        ("y", AgeUnit::Years),
        ("mo", AgeUnit::Months),
        ("w", AgeUnit::Weeks),
        ("days", AgeUnit::Days),
    ] {
        assert_eq!(text.parse::<AgeUnit>().unwrap(), unit, "{text}");
    }
    for bad in ["", "  ", "kg", "g/dl/l", "a very long text that is not a unit at all"] {
        assert!(bad.parse::<HemoglobinUnit>().is_err(), "{bad:?}");
        assert!(bad.parse::<CountUnit>().is_err(), "{bad:?}");
        assert!(bad.parse::<Unit>().is_err(), "{bad:?}");
    }
    assert_eq!("F".parse::<Sex>().unwrap(), Sex::Female);
    assert_eq!("man".parse::<Sex>().unwrap(), Sex::Male);
    assert!("x".parse::<Sex>().is_err());
}

#[test]
fn discriminants_round_trip() {
    for u in HemoglobinUnit::ALL {
        assert_eq!(HemoglobinUnit::from_discriminant(*u as u32).unwrap(), *u);
    }
    for u in CountUnit::ALL {
        assert_eq!(CountUnit::from_discriminant(*u as u32).unwrap(), *u);
    }
    for u in AgeUnit::ALL {
        assert_eq!(AgeUnit::from_discriminant(*u as u32).unwrap(), *u);
    }
    for f in Field::ALL {
        assert_eq!(Field::from_discriminant(*f as u32).unwrap(), *f);
    }
    for r in Reference::ALL {
        assert_eq!(Reference::from_discriminant(*r as u32).unwrap(), *r);
    }
    assert!(matches!(
        HemoglobinUnit::from_discriminant(0),
        Err(Error::InvalidDiscriminant { value: 0, .. })
    ));
    assert!(Field::from_discriminant(99).is_err());
    assert!(Sex::from_discriminant(3).is_err());
}

// ---------------------------------------------------------------------------------------------------------
// rejection paths

#[test]
fn nan_infinite_and_negative_are_rejected_for_every_numeric_field() {
    for p in &PLAUSIBLE {
        for (bad, reason) in [
            (f64::NAN, "not a number"),
            (f64::INFINITY, "infinite"),
            (f64::NEG_INFINITY, "infinite"),
        ] {
            let (field, value, why) = invalid(with_field(p.field, bad));
            assert_eq!((field, why), (p.field, reason), "{:?} {bad}", p.field);
            assert_eq!(value.value().to_bits(), bad.to_bits());
        }
        let (field, value, why) = invalid(with_field(p.field, -1.0));
        assert_eq!((field, value.value(), why), (p.field, -1.0, "negative"));
    }
}

#[test]
fn plausibility_bounds_at_below_and_above() {
    for p in &PLAUSIBLE {
        // The maximum itself is accepted, the next float above is rejected.
        assert!(with_field(p.field, p.max).build().is_ok(), "{:?} at max", p.field);
        let (field, value, reason) = invalid(with_field(p.field, above(p.max)));
        assert_eq!((field, value.value(), reason), (p.field, above(p.max), p.above_reason));
        // The minimum: accepted unless exclusive.
        let at_min = with_field(p.field, p.min).build();
        assert_eq!(at_min.is_ok(), !p.min_exclusive, "{:?} at min", p.field);
        if p.min > 0.0 {
            let (field, _, reason) = invalid(with_field(p.field, below(p.min)));
            assert_eq!((field, reason), (p.field, p.below_reason));
        }
        assert!(
            with_field(p.field, above(p.min)).build().is_ok(),
            "{:?} above min",
            p.field
        );
    }
}

#[test]
fn rejections_named_in_the_issue() {
    let (field, value, reason) = invalid(BloodCount::builder().hemoglobin(25.1, G_DL));
    assert_eq!(
        (field, value, reason),
        (
            Field::Hemoglobin,
            RejectedValue::new(25.1, Unit::GramsPerDeciliter),
            "above 25 g/dL: physiologically impossible"
        )
    );
    // Reported in the unit as given.
    let (_, value, _) = invalid(BloodCount::builder().hemoglobin(251.0, HemoglobinUnit::GramsPerLiter));
    assert_eq!((value.value(), value.unit()), (251.0, Unit::GramsPerLiter));
    assert!(
        BloodCount::builder()
            .hemoglobin(250.0, HemoglobinUnit::GramsPerLiter)
            .build()
            .is_ok()
    );
    let (field, value, _) = invalid(BloodCount::builder().platelets(5_000_001.0, CountUnit::PerMicroliter));
    assert_eq!((field, value.unit()), (Field::Platelets, Unit::PerMicroliter));
    assert!(
        BloodCount::builder()
            .platelets(5_000_000.0, CountUnit::PerMicroliter)
            .build()
            .is_ok()
    );
    assert_eq!(invalid(BloodCount::builder().cellularity(100.5)).0, Field::Cellularity);
    let (field, value, reason) = invalid(BloodCount::builder().age(1561.0, AgeUnit::Months));
    assert_eq!(
        (field, value.value(), value.unit(), reason),
        (Field::Age, 1561.0, Unit::Months, "above 130 years")
    );
    assert!(BloodCount::builder().age(1560.0, AgeUnit::Months).build().is_ok());
    let (field, _, reason) = invalid(BloodCount::builder().hemoglobin(0.0, G_DL));
    assert_eq!(
        (field, reason),
        (Field::Hemoglobin, "zero haemoglobin is physiologically impossible")
    );
    assert_eq!(invalid(BloodCount::builder().mcv(29.9)).0, Field::Mcv);
    assert_eq!(
        invalid(BloodCount::builder().neutrophils(-0.1, G9)).0,
        Field::Neutrophils
    );
    assert_eq!(
        invalid(BloodCount::builder().lymphocytes(f64::NAN, G9)).0,
        Field::Lymphocytes
    );
    assert_eq!(
        invalid(BloodCount::builder().monocytes(f64::INFINITY, G9)).0,
        Field::Monocytes
    );
    assert_eq!(
        invalid(BloodCount::builder().residual_hematopoietic_cells(101.0)).0,
        Field::ResidualHematopoieticCells
    );
}

#[test]
fn error_messages_name_the_field_and_the_value() {
    let err = BloodCount::builder().hemoglobin(30.0, G_DL).build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid haemoglobin: 30 g/dL (above 25 g/dL: physiologically impossible in g/dL, but plausible in g/L; check the unit)"
    );
    let err = BloodCount::builder()
        .neutrophils(f64::NAN, CountUnit::PerMicroliter)
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid absolute neutrophil count: NaN /µL (not a number)"
    );
    let err = BloodCount::builder().reticulocyte_percent(1.0).build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "inconsistent reticulocyte percentage: a reticulocyte percentage needs the red cell count (for the absolute count) or the haematocrit (for the corrected percentage)"
    );
    // Errors stay Copy + Eq, NaN included.
    let a = BloodCount::builder().mcv(f64::NAN).build().unwrap_err();
    let b = a;
    assert_eq!(a, b);
}

#[test]
fn inconsistent_measurements() {
    assert_eq!(
        BloodCount::builder().reticulocyte_percent(1.0).build(),
        Err(Error::InconsistentMeasurements {
            field: Field::ReticulocytePercent,
            reason: "a reticulocyte percentage needs the red cell count (for the absolute count) or the haematocrit (for the corrected percentage)",
        })
    );
    assert!(matches!(
        BloodCount::builder().sex(Sex::Male).pregnant(true).build(),
        Err(Error::InconsistentMeasurements {
            field: Field::Pregnant,
            ..
        })
    ));
    assert!(BloodCount::builder().sex(Sex::Female).pregnant(true).build().is_ok());
    // A derived absolute count past the bound is rejected on the absolute field.
    let (field, value, _) = invalid(BloodCount::builder().reticulocyte_percent(100.0).red_cell_count(3.0));
    assert_eq!(
        (field, value.value(), value.unit()),
        (Field::Reticulocytes, 3000.0, Unit::GigaPerLiter)
    );
    // A bad percentage is reported before the missing red cell count.
    assert_eq!(
        invalid(BloodCount::builder().reticulocyte_percent(-1.0)).0,
        Field::ReticulocytePercent
    );
}

#[test]
fn negative_zero_is_zero_and_nothing_is_clamped() {
    let count = BloodCount::builder()
        .neutrophils(-0.0, G9)
        .platelets(0.0, G9)
        .build()
        .unwrap();
    assert_eq!(count.neutrophils().map(f64::to_bits), Some(0.0f64.to_bits()));
    assert_eq!(count.platelets(), Some(0.0));
    let count = BloodCount::builder()
        .hemoglobin(25.0, G_DL)
        .cellularity(100.0)
        .age(130.0, YEARS)
        .build()
        .unwrap();
    assert_eq!(
        (count.hemoglobin(), count.cellularity(), count.age()),
        (Some(25.0), Some(100.0), Some(130.0))
    );
}

#[test]
fn reticulocytes_from_percent_and_last_setter_wins() {
    let count = BloodCount::builder()
        .reticulocyte_percent(1.0)
        .red_cell_count(4.5)
        .build()
        .unwrap();
    assert_eq!(count.reticulocytes(), Some(45.0));
    assert_eq!(count.reticulocyte_percent(), Some(1.0));
    let count = BloodCount::builder()
        .reticulocyte_percent(1.0)
        .reticulocytes(12.0, G9)
        .build()
        .unwrap();
    assert_eq!(
        (count.reticulocytes(), count.reticulocyte_percent()),
        (Some(12.0), None)
    );
    let count = BloodCount::builder()
        .reticulocytes(120.0, CountUnit::PerMicroliter)
        .build()
        .unwrap();
    assert_eq!(count.reticulocytes(), Some(0.12));
}

// ---------------------------------------------------------------------------------------------------------
// WHO 2011 haemoglobin

/// An age and sex inside each WHO group.
fn who_subject(population: WhoPopulation) -> (f64, Option<Sex>, bool) {
    match population {
        WhoPopulation::Children6To59Months => (2.0, None, false),
        WhoPopulation::Children5To11Years => (8.0, None, false),
        WhoPopulation::Children12To14Years => (13.0, None, false),
        WhoPopulation::NonPregnantWomen => (30.0, Some(Sex::Female), false),
        WhoPopulation::PregnantWomen => (30.0, Some(Sex::Female), true),
        WhoPopulation::Men => (30.0, Some(Sex::Male), false),
    }
}

#[test]
fn who_2011_every_cut_off_below_at_above() {
    for row in &WHO_2011_HEMOGLOBIN {
        let (age, sex, pregnant) = who_subject(row.population);
        let reading = |v: f64| {
            let mut b = BloodCount::builder()
                .age(age, YEARS)
                .hemoglobin(v, G_DL)
                .pregnant(pregnant);
            if let Some(s) = sex {
                b = b.sex(s);
            }
            run(b).anemia
        };
        let expect = |v: f64, presence: Presence, severity: Option<Severity>| {
            let r = reading(v);
            assert_eq!(
                (r.presence, r.severity),
                (presence, severity),
                "{:?} Hb {v}",
                row.population
            );
            assert_eq!(r.lower_limit, Some(row.anemia_below));
            assert_eq!(r.reference, Some(Reference::Who2011));
            assert_eq!(r.severity_scale, severity.map(|_| SeverityScale::Who2011));
        };
        expect(above(row.anemia_below), Presence::Absent, None);
        expect(row.anemia_below, Presence::Absent, None);
        expect(below(row.anemia_below), Presence::Present, Some(Severity::Mild));
        expect(above(row.moderate_below), Presence::Present, Some(Severity::Mild));
        expect(row.moderate_below, Presence::Present, Some(Severity::Mild));
        expect(below(row.moderate_below), Presence::Present, Some(Severity::Moderate));
        expect(above(row.severe_below), Presence::Present, Some(Severity::Moderate));
        expect(row.severe_below, Presence::Present, Some(Severity::Moderate));
        expect(below(row.severe_below), Presence::Present, Some(Severity::Severe));
    }
}

#[test]
fn who_2011_values_as_published() {
    let get = |p| WHO_2011_HEMOGLOBIN.iter().find(|r| r.population == p).unwrap();
    let g_l = |p| {
        let r = get(p);
        (
            (r.anemia_below * 10.0) as u32,
            (r.moderate_below * 10.0) as u32,
            (r.severe_below * 10.0) as u32,
        )
    };
    // WHO/NMH/NHD/MNM/11.1 Table 1, g/L: non-anaemia from; mild from; moderate from.
    assert_eq!(g_l(WhoPopulation::Children6To59Months), (110, 100, 70));
    assert_eq!(g_l(WhoPopulation::Children5To11Years), (115, 110, 80));
    assert_eq!(g_l(WhoPopulation::Children12To14Years), (120, 110, 80));
    assert_eq!(g_l(WhoPopulation::NonPregnantWomen), (120, 110, 80));
    assert_eq!(g_l(WhoPopulation::PregnantWomen), (110, 100, 70));
    assert_eq!(g_l(WhoPopulation::Men), (130, 110, 80));
}

#[test]
fn who_2011_age_boundaries() {
    // Hb 10.8 g/dL: mild anaemia at 6–59 months (< 11.0), moderate at 5–11 years (< 11.0).
    let at = |age: f64| hb(age, None, 10.8).anemia;
    assert_eq!(at(0.5).severity, Some(Severity::Mild));
    assert_eq!(at(0.5).reference, Some(Reference::Who2011));
    assert_eq!(at(below(0.5)).reference, Some(Reference::NathanOski)); // 3–6 months row
    assert_eq!(at(below(5.0)).lower_limit, Some(11.0));
    assert_eq!(at(5.0).lower_limit, Some(11.5));
    assert_eq!(at(5.0).severity, Some(Severity::Moderate));
    assert_eq!(at(below(12.0)).lower_limit, Some(11.5));
    assert_eq!(at(12.0).lower_limit, Some(12.0));
    // From 15 years the limit depends on sex.
    assert_eq!(at(below(15.0)).lower_limit, Some(12.0));
    assert_eq!(hb(15.0, Some(Sex::Male), 12.5).anemia.lower_limit, Some(13.0));
    assert_eq!(hb(15.0, Some(Sex::Female), 12.5).anemia.presence, Presence::Absent);
    assert_eq!(hb(below(15.0), Some(Sex::Male), 12.5).anemia.presence, Presence::Absent);
    assert_eq!(hb(15.0, Some(Sex::Male), 12.5).anemia.presence, Presence::Present);
    // 6 months given in months lands exactly on the boundary.
    let r = run(BloodCount::builder().age(6.0, AgeUnit::Months).hemoglobin(10.8, G_DL)).anemia;
    assert_eq!(r.reference, Some(Reference::Who2011));
}

#[test]
fn unknown_sex_decides_only_where_women_and_men_agree() {
    let r = hb(40.0, None, 11.5).anemia; // mild for both
    assert_eq!(
        (r.presence, r.severity, r.lower_limit),
        (Presence::Present, Some(Severity::Mild), None)
    );
    assert_eq!(r.reference, Some(Reference::Who2011));
    let r = hb(40.0, None, 12.5).anemia; // absent for women, mild for men
    assert_eq!((r.presence, r.severity), (Presence::Undetermined, None));
    let r = hb(40.0, None, 7.9).anemia;
    assert_eq!(
        (r.presence, r.severity, r.ctcae),
        (Presence::Present, Some(Severity::Severe), Some(CtcaeGrade::Grade3))
    );
    let r = hb(40.0, None, 13.0).anemia;
    assert_eq!(r.presence, Presence::Absent);
    // CTCAE grade 1 needs the LLN: 11.5 is grade 1 for both sexes.
    assert_eq!(hb(40.0, None, 11.5).anemia.ctcae, Some(CtcaeGrade::Grade1));
    assert_eq!(hb(40.0, None, 12.5).anemia.ctcae, None);
}

#[test]
fn pregnancy_uses_the_pregnant_row_at_any_age() {
    for age in [None, Some(16.0), Some(30.0)] {
        let mut b = BloodCount::builder().hemoglobin(11.5, G_DL).pregnant(true);
        if let Some(age) = age {
            b = b.age(age, YEARS);
        }
        let r = run(b).anemia;
        assert_eq!((r.presence, r.lower_limit), (Presence::Absent, Some(11.0)), "{age:?}");
    }
    let r = run(BloodCount::builder()
        .hemoglobin(9.95, G_DL)
        .pregnant(true)
        .sex(Sex::Female))
    .anemia;
    assert_eq!(r.severity, Some(Severity::Moderate));
}

#[test]
fn no_age_no_anemia_verdict_but_ctcae_grades_2_to_3() {
    let r = run(BloodCount::builder().hemoglobin(9.0, G_DL)).anemia;
    assert_eq!(
        (r.presence, r.ctcae, r.lower_limit),
        (Presence::Undetermined, Some(CtcaeGrade::Grade2), None)
    );
    let r = run(BloodCount::builder().hemoglobin(12.0, G_DL)).anemia;
    assert_eq!((r.presence, r.ctcae), (Presence::Undetermined, None));
    let r = run(BloodCount::builder()).anemia;
    assert_eq!((r.presence, r.value, r.ctcae), (Presence::NotMeasured, None, None));
}

// ---------------------------------------------------------------------------------------------------------
// Infants: Nathan and Oski haemoglobin below 6 months

#[test]
fn infant_hemoglobin_every_row_below_at_above() {
    for row in &NATHAN_OSKI_INFANT_HEMOGLOBIN {
        for age in [row.ages.from, below(row.ages.to)] {
            let at = |v: f64| hb(age, None, v).anemia;
            assert_eq!(at(row.lower).presence, Presence::Absent, "{} at", row.ages.label);
            assert_eq!(
                at(above(row.lower)).presence,
                Presence::Absent,
                "{} above",
                row.ages.label
            );
            let r = at(below(row.lower));
            assert_eq!(r.presence, Presence::Present, "{} below", row.ages.label);
            assert_eq!((r.severity, r.severity_scale), (None, None));
            assert_eq!(
                (r.lower_limit, r.reference),
                (Some(row.lower), Some(Reference::NathanOski))
            );
        }
    }
}

#[test]
fn infant_age_boundaries_in_days_and_months() {
    let limit = |value: f64, unit: AgeUnit| {
        run(BloodCount::builder().age(value, unit).hemoglobin(15.0, G_DL))
            .anemia
            .lower_limit
    };
    assert_eq!(limit(0.0, AgeUnit::Days), Some(13.5));
    assert_eq!(limit(0.99, AgeUnit::Days), Some(13.5));
    assert_eq!(limit(1.0, AgeUnit::Days), Some(14.5));
    assert_eq!(limit(6.9, AgeUnit::Days), Some(14.5));
    assert_eq!(limit(7.0, AgeUnit::Days), Some(13.5));
    assert_eq!(limit(1.0, AgeUnit::Weeks), Some(13.5));
    assert_eq!(limit(13.9, AgeUnit::Days), Some(13.5));
    assert_eq!(limit(14.0, AgeUnit::Days), Some(12.5));
    assert_eq!(limit(2.0, AgeUnit::Weeks), Some(12.5));
    assert_eq!(limit(0.99, AgeUnit::Months), Some(12.5));
    assert_eq!(limit(1.0, AgeUnit::Months), Some(10.0));
    assert_eq!(limit(2.0, AgeUnit::Months), Some(9.0));
    assert_eq!(limit(3.0, AgeUnit::Months), Some(9.5));
    assert_eq!(limit(5.99, AgeUnit::Months), Some(9.5));
    assert_eq!(limit(6.0, AgeUnit::Months), Some(11.0));
}

// ---------------------------------------------------------------------------------------------------------
// CTCAE v5.0

fn ctcae_of(scale: &CtcaeScale, value: f64, age: f64) -> Option<CtcaeGrade> {
    let b = BloodCount::builder().age(age, YEARS).sex(Sex::Male);
    let result = match scale.field {
        Field::Hemoglobin => run(b.hemoglobin(value, G_DL)).anemia,
        Field::Neutrophils => run(b.neutrophils(value, G9)).neutropenia,
        Field::Platelets => run(b.platelets(value, G9)).thrombocytopenia,
        Field::Lymphocytes => run(b.lymphocytes(value, G9)).lymphopenia,
        other => panic!("{other:?}"),
    };
    result.ctcae
}

#[test]
fn ctcae_every_grade_boundary_below_at_above() {
    for scale in [CTCAE_ANEMIA, CTCAE_NEUTROPHILS, CTCAE_PLATELETS, CTCAE_LYMPHOCYTES] {
        let g = |v| ctcae_of(&scale, v, 40.0);
        assert_eq!(g(below(scale.grade2_below)), Some(CtcaeGrade::Grade2), "{}", scale.term);
        assert_eq!(g(above(scale.grade3_below)), Some(CtcaeGrade::Grade2), "{}", scale.term);
        assert_eq!(g(scale.grade3_below), Some(CtcaeGrade::Grade2), "{}", scale.term);
        assert_eq!(g(below(scale.grade3_below)), Some(CtcaeGrade::Grade3), "{}", scale.term);
        match scale.grade4_below {
            Some(g4) => {
                assert_eq!(g(above(g4)), Some(CtcaeGrade::Grade3), "{}", scale.term);
                assert_eq!(g(g4), Some(CtcaeGrade::Grade3), "{}", scale.term);
                assert_eq!(g(below(g4)), Some(CtcaeGrade::Grade4), "{}", scale.term);
                assert_eq!(g(0.0), Some(CtcaeGrade::Grade4), "{}", scale.term);
            }
            // Anaemia grade 4 is clinical: never from a number.
            None => assert_eq!(g(0.1), Some(CtcaeGrade::Grade3)),
        }
    }
}

#[test]
fn ctcae_values_as_published() {
    assert_eq!(
        (
            CTCAE_ANEMIA.grade2_below,
            CTCAE_ANEMIA.grade3_below,
            CTCAE_ANEMIA.grade4_below
        ),
        (10.0, 8.0, None)
    );
    assert_eq!(
        (
            CTCAE_NEUTROPHILS.grade2_below,
            CTCAE_NEUTROPHILS.grade3_below,
            CTCAE_NEUTROPHILS.grade4_below
        ),
        (1.5, 1.0, Some(0.5))
    );
    assert_eq!(
        (
            CTCAE_PLATELETS.grade2_below,
            CTCAE_PLATELETS.grade3_below,
            CTCAE_PLATELETS.grade4_below
        ),
        (75.0, 50.0, Some(25.0))
    );
    assert_eq!(
        (
            CTCAE_LYMPHOCYTES.grade2_below,
            CTCAE_LYMPHOCYTES.grade3_below,
            CTCAE_LYMPHOCYTES.grade4_below
        ),
        (0.8, 0.5, Some(0.2))
    );
}

#[test]
fn ctcae_never_grades_a_value_at_or_above_the_age_specific_limit() {
    // The review's case: 2 months, haemoglobin 9.5 g/dL, LLN 9.0 (Nathan and Oski): no anaemia, grade 0,
    // though CTCAE's adult grade 2 boundary is 10.0. Below the LLN the adult boundaries apply unchanged.
    let infant = |hb: f64| {
        run(BloodCount::builder()
            .hemoglobin(hb, G_DL)
            .age(2.0, AgeUnit::Months)
            .sex(Sex::Male))
        .anemia
    };
    let r = infant(9.5);
    assert_eq!(
        (r.presence, r.lower_limit, r.ctcae),
        (Presence::Absent, Some(9.0), Some(CtcaeGrade::Grade0))
    );
    let r = infant(9.0);
    assert_eq!((r.presence, r.ctcae), (Presence::Absent, Some(CtcaeGrade::Grade0)));
    let r = infant(8.5);
    assert_eq!((r.presence, r.ctcae), (Presence::Present, Some(CtcaeGrade::Grade2)));
    let r = infant(7.9);
    assert_eq!(r.ctcae, Some(CtcaeGrade::Grade3));
    // Every age row: a value at the LLN is grade 0 whatever the boundary.
    for months in [0.5, 1.0, 2.0, 3.0, 6.0, 24.0, 120.0, 240.0] {
        let b = BloodCount::builder().age(months, AgeUnit::Months).sex(Sex::Female);
        let lln = run(b.hemoglobin(12.0, G_DL)).anemia.lower_limit;
        if let Some(lln) = lln {
            let r = run(b.hemoglobin(lln, G_DL)).anemia;
            assert_eq!(r.ctcae, Some(CtcaeGrade::Grade0), "{months} months, LLN {lln}");
        }
    }
}

#[test]
fn ctcae_grade_1_and_0_at_the_lln() {
    // Anaemia, man (LLN 13.0): grade 1 from 10.0 up to 13.0 exclusive.
    assert_eq!(ctcae_of(&CTCAE_ANEMIA, 10.0, 40.0), Some(CtcaeGrade::Grade1));
    assert_eq!(ctcae_of(&CTCAE_ANEMIA, below(13.0), 40.0), Some(CtcaeGrade::Grade1));
    assert_eq!(ctcae_of(&CTCAE_ANEMIA, 13.0, 40.0), Some(CtcaeGrade::Grade0));
    // Platelets (LLN 150).
    assert_eq!(ctcae_of(&CTCAE_PLATELETS, 75.0, 40.0), Some(CtcaeGrade::Grade1));
    assert_eq!(ctcae_of(&CTCAE_PLATELETS, below(150.0), 40.0), Some(CtcaeGrade::Grade1));
    assert_eq!(ctcae_of(&CTCAE_PLATELETS, 150.0, 40.0), Some(CtcaeGrade::Grade0));
    // Lymphocytes (adult LLN 1.0).
    assert_eq!(ctcae_of(&CTCAE_LYMPHOCYTES, 0.8, 40.0), Some(CtcaeGrade::Grade1));
    assert_eq!(ctcae_of(&CTCAE_LYMPHOCYTES, 1.0, 40.0), Some(CtcaeGrade::Grade0));
    // ... and in a child, whose lymphocyte LLN marrowkb does not cite, grade 0/1 is unknown.
    assert_eq!(ctcae_of(&CTCAE_LYMPHOCYTES, 0.9, 10.0), None);
    assert_eq!(ctcae_of(&CTCAE_LYMPHOCYTES, 0.7, 10.0), Some(CtcaeGrade::Grade2));
    // Neutrophils: LLN 1.5 equals the grade 2 boundary, so grade 1 is empty.
    assert_eq!(ctcae_of(&CTCAE_NEUTROPHILS, 1.5, 40.0), Some(CtcaeGrade::Grade0));
    assert_eq!(ctcae_of(&CTCAE_NEUTROPHILS, below(1.5), 40.0), Some(CtcaeGrade::Grade2));
}

#[test]
fn ctcae_mmol_per_l_is_converted_first() {
    // CTCAE's own mmol/L column rounds 8.0 g/dL to 4.9; 4.9 mmol/L is 7.896 g/dL: grade 3.
    let r = run(adult_woman().hemoglobin(4.9, HemoglobinUnit::MillimolesPerLiter)).anemia;
    assert_eq!(r.ctcae, Some(CtcaeGrade::Grade3));
    let r = run(adult_woman().hemoglobin(6.2, HemoglobinUnit::MillimolesPerLiter)).anemia;
    assert_eq!(r.ctcae, Some(CtcaeGrade::Grade2)); // 9.990 g/dL
    let r = run(adult_woman().hemoglobin(6.21, HemoglobinUnit::MillimolesPerLiter)).anemia;
    assert_eq!(r.ctcae, Some(CtcaeGrade::Grade1)); // 10.006 g/dL
}

// ---------------------------------------------------------------------------------------------------------
// Neutrophils

#[test]
fn neutropenia_bands_below_at_above() {
    let n = |v: f64| run(adult_woman().neutrophils(v, G9)).neutropenia;
    let b = NEUTROPENIA_BANDS;
    let vs = b.very_severe_below.unwrap();
    assert_eq!(
        (b.mild_below, b.moderate_below, b.severe_below, vs),
        (1.5, 1.0, 0.5, 0.2)
    );
    let cases = [
        (above(b.mild_below), None),
        (b.mild_below, None),
        (below(b.mild_below), Some(Severity::Mild)),
        (above(b.moderate_below), Some(Severity::Mild)),
        (b.moderate_below, Some(Severity::Mild)),
        (below(b.moderate_below), Some(Severity::Moderate)),
        (above(b.severe_below), Some(Severity::Moderate)),
        (b.severe_below, Some(Severity::Moderate)),
        (below(b.severe_below), Some(Severity::Severe)),
        (above(vs), Some(Severity::Severe)),
        (vs, Some(Severity::Severe)),
        (below(vs), Some(Severity::VerySevere)),
        (0.0, Some(Severity::VerySevere)),
    ];
    for (v, severity) in cases {
        let r = n(v);
        assert_eq!(r.severity, severity, "ANC {v}");
        assert_eq!(r.presence == Presence::Present, severity.is_some(), "ANC {v}");
        assert_eq!(r.severity_scale, severity.map(|_| SeverityScale::NeutropeniaBands));
    }
}

#[test]
fn neutrophil_lower_limit_by_age() {
    let n = |value: f64, unit: AgeUnit, anc: f64| {
        run(BloodCount::builder().age(value, unit).neutrophils(anc, G9)).neutropenia
    };
    // Before 14 days: no reference, CTCAE grades 2–4 still apply.
    let r = n(13.9, AgeUnit::Days, 0.4);
    assert_eq!((r.presence, r.ctcae), (Presence::NoReference, Some(CtcaeGrade::Grade4)));
    assert_eq!(n(13.99, AgeUnit::Days, 0.9).presence, Presence::NoReference);
    assert_eq!(
        n(below(AgeUnit::Days.to_canonical(14.0)), YEARS, 0.9).presence,
        Presence::NoReference
    );
    // 14 days to 1 year: LLN 1.0.
    for (age, unit) in [
        (14.0, AgeUnit::Days),
        (2.0, AgeUnit::Weeks),
        (6.0, AgeUnit::Months),
        (below(1.0), AgeUnit::Years),
    ] {
        assert_eq!(n(age, unit, 1.0).presence, Presence::Absent, "{age} {unit:?}");
        assert_eq!(n(age, unit, below(1.0)).presence, Presence::Present, "{age} {unit:?}");
        assert_eq!(n(age, unit, below(1.0)).severity, Some(Severity::Moderate));
        assert_eq!(n(age, unit, 1.2).lower_limit, Some(1.0));
    }
    // From 1 year: LLN 1.5.
    assert_eq!(n(1.0, YEARS, below(1.5)).presence, Presence::Present);
    assert_eq!(n(1.0, YEARS, 1.5).presence, Presence::Absent);
    assert_eq!(n(12.0, AgeUnit::Months, 1.2).severity, Some(Severity::Mild));
    assert_eq!(n(1.0, YEARS, 1.2).reference, Some(Reference::Nelson));
    // No age: undetermined (the age could be under 14 days).
    let r = run(BloodCount::builder().neutrophils(0.3, G9)).neutropenia;
    assert_eq!(
        (r.presence, r.ctcae),
        (Presence::Undetermined, Some(CtcaeGrade::Grade4))
    );
}

// ---------------------------------------------------------------------------------------------------------
// Lymphocytes, monocytes, platelets, reticulocytes

#[test]
fn count_lower_limits_below_at_above() {
    for limit in &COUNT_LOWER_LIMITS {
        let cytopenia = match limit.field {
            Field::Neutrophils => Cytopenia::Neutropenia,
            Field::Lymphocytes => Cytopenia::Lymphopenia,
            Field::Monocytes => Cytopenia::Monocytopenia,
            Field::Platelets => Cytopenia::Thrombocytopenia,
            Field::Reticulocytes => Cytopenia::Reticulocytopenia,
            other => panic!("{other:?}"),
        };
        for age in [limit.ages.from, below(limit.ages.to.min(131.0)).min(130.0)] {
            let r = |v: f64| {
                let b = with_field(limit.field, v).age(age, YEARS);
                run(b).reading(cytopenia)
            };
            assert_eq!(
                r(above(limit.lower)).presence,
                Presence::Absent,
                "{:?} {age}",
                limit.field
            );
            assert_eq!(r(limit.lower).presence, Presence::Absent, "{:?} {age}", limit.field);
            let low = r(below(limit.lower));
            assert_eq!(low.presence, Presence::Present, "{:?} {age}", limit.field);
            assert_eq!(
                (low.lower_limit, low.reference),
                (Some(limit.lower), Some(limit.source))
            );
        }
    }
}

#[test]
fn adult_only_limits_have_no_reference_in_children() {
    let child = run(BloodCount::builder()
        .age(below(18.0), YEARS)
        .lymphocytes(0.1, G9)
        .monocytes(0.0, G9)
        .reticulocytes(5.0, G9));
    for r in [child.lymphopenia, child.monocytopenia, child.reticulocytopenia] {
        assert_eq!(r.presence, Presence::NoReference, "{:?}", r.cytopenia);
    }
    assert_eq!(child.lymphopenia.ctcae, Some(CtcaeGrade::Grade4));
    let adult = run(BloodCount::builder()
        .age(18.0, YEARS)
        .lymphocytes(0.1, G9)
        .monocytes(0.0, G9)
        .reticulocytes(5.0, G9));
    for r in [adult.lymphopenia, adult.monocytopenia, adult.reticulocytopenia] {
        assert_eq!(r.presence, Presence::Present, "{:?}", r.cytopenia);
    }
    // Without an age.
    let unknown = run(BloodCount::builder()
        .lymphocytes(0.1, G9)
        .monocytes(0.0, G9)
        .reticulocytes(5.0, G9));
    for r in [unknown.lymphopenia, unknown.monocytopenia, unknown.reticulocytopenia] {
        assert_eq!(r.presence, Presence::Undetermined, "{:?}", r.cytopenia);
    }
}

#[test]
fn platelets_need_no_age() {
    let r = run(BloodCount::builder().platelets(below(150.0), G9)).thrombocytopenia;
    assert_eq!(
        (r.presence, r.ctcae, r.lower_limit),
        (Presence::Present, Some(CtcaeGrade::Grade1), Some(150.0))
    );
    // Every age band says 150: without an age the adult band's reference is reported.
    assert_eq!(r.reference, Some(Reference::DacieLewis));
    let r = run(BloodCount::builder().platelets(150.0, G9).age(0.0, AgeUnit::Days)).thrombocytopenia;
    assert_eq!(r.presence, Presence::Absent);
    let r = run(BloodCount::builder().platelets(149.0, G9).age(3.0, AgeUnit::Days)).thrombocytopenia;
    assert_eq!(
        (r.presence, r.reference),
        (Presence::Present, Some(Reference::RobertsMurray2003))
    );
    let r = run(BloodCount::builder().platelets(149.0, G9).age(5.0, AgeUnit::Years)).thrombocytopenia;
    assert_eq!(
        (r.presence, r.reference),
        (Presence::Present, Some(Reference::NathanOski))
    );
}

// ---------------------------------------------------------------------------------------------------------
// MCV

#[test]
fn mcv_every_row_below_at_above() {
    for row in &NATHAN_OSKI_MCV {
        let upper = row.upper();
        assert_eq!(upper, 2.0 * row.mean - row.lower);
        let age = row.ages.from;
        let size = |v: f64| {
            let mut b = BloodCount::builder().age(age, YEARS).mcv(v);
            if let Some(s) = row.sex {
                b = b.sex(s);
            }
            run(b).red_cell_size
        };
        let label = row.ages.label;
        assert_eq!(size(below(row.lower)).size, Some(RedCellSize::Microcytic), "{label}");
        assert_eq!(size(row.lower).size, Some(RedCellSize::Normocytic), "{label}");
        assert_eq!(size(above(row.lower)).size, Some(RedCellSize::Normocytic), "{label}");
        assert_eq!(size(below(upper)).size, Some(RedCellSize::Normocytic), "{label}");
        assert_eq!(size(upper).size, Some(RedCellSize::Normocytic), "{label}");
        assert_eq!(size(above(upper)).size, Some(RedCellSize::Macrocytic), "{label}");
        assert_eq!(
            (size(upper).lower_limit, size(upper).upper_limit),
            (Some(row.lower), Some(upper)),
            "{label}"
        );
    }
}

#[test]
fn mcv_adult_range_is_80_to_100_and_sex_matters_only_12_to_18() {
    let size = |age: f64, sex: Option<Sex>, mcv: f64| {
        let mut b = BloodCount::builder().age(age, YEARS).mcv(mcv);
        if let Some(s) = sex {
            b = b.sex(s);
        }
        run(b).red_cell_size
    };
    let adult = size(70.0, None, 90.0);
    assert_eq!(
        (adult.lower_limit, adult.upper_limit, adult.size),
        (Some(80.0), Some(100.0), Some(RedCellSize::Normocytic))
    );
    // 12–18 years: upper 102 (girls), 98 (boys).
    assert_eq!(size(15.0, Some(Sex::Female), 100.0).size, Some(RedCellSize::Normocytic));
    assert_eq!(size(15.0, Some(Sex::Male), 100.0).size, Some(RedCellSize::Macrocytic));
    let unknown = size(15.0, None, 100.0);
    assert_eq!(
        (unknown.size, unknown.lower_limit, unknown.upper_limit),
        (None, Some(78.0), None)
    );
    assert_eq!(size(15.0, None, 77.0).size, Some(RedCellSize::Microcytic));
    assert_eq!(size(15.0, None, 103.0).size, Some(RedCellSize::Macrocytic));
    // Age boundaries.
    assert_eq!(
        size(below(18.0), Some(Sex::Male), 79.0).size,
        Some(RedCellSize::Normocytic)
    );
    assert_eq!(size(18.0, Some(Sex::Male), 79.0).size, Some(RedCellSize::Microcytic));
    assert_eq!(size(below(0.5), None, 72.0).size, Some(RedCellSize::Microcytic)); // 3–6 months: < 74
    assert_eq!(size(0.5, None, 72.0).size, Some(RedCellSize::Normocytic)); // 0.5–2 years: ≥ 70
    // No age, or no MCV.
    assert_eq!(run(BloodCount::builder().mcv(90.0)).red_cell_size.size, None);
    assert_eq!(run(BloodCount::builder().age(30.0, YEARS)).red_cell_size.mcv, None);
    assert_eq!(RedCellSize::Microcytic.hpo().unwrap().to_string(), "HP:0025066");
}

// ---------------------------------------------------------------------------------------------------------
// Pattern

#[test]
fn patterns() {
    let p = |hb: f64, anc: f64, plt: f64| {
        run(adult_woman()
            .hemoglobin(hb, G_DL)
            .neutrophils(anc, G9)
            .platelets(plt, G9))
    };
    assert_eq!(p(13.0, 3.0, 250.0).pattern, Pattern::NoCytopenia);
    assert_eq!(p(9.0, 3.0, 250.0).pattern, Pattern::SingleLineage);
    assert_eq!(p(13.0, 1.0, 250.0).pattern, Pattern::SingleLineage);
    assert_eq!(p(13.0, 3.0, 100.0).pattern, Pattern::SingleLineage);
    assert_eq!(p(9.0, 1.0, 250.0).pattern, Pattern::Bicytopenia);
    assert_eq!(p(9.0, 3.0, 100.0).pattern, Pattern::Bicytopenia);
    assert_eq!(p(13.0, 1.0, 100.0).pattern, Pattern::Bicytopenia);
    let pan = p(9.0, 1.0, 100.0);
    assert_eq!(
        (pan.pattern, pan.decreased_lines, pan.unknown_lines),
        (Pattern::Pancytopenia, CellLineSet::ALL, CellLineSet::EMPTY)
    );
    // At the limits: not decreased.
    assert_eq!(p(12.0, 1.5, 150.0).pattern, Pattern::NoCytopenia);
    assert_eq!(p(below(12.0), below(1.5), below(150.0)).pattern, Pattern::Pancytopenia);
    // A missing line makes the pattern undetermined, even when two are low.
    let partial = run(adult_woman().hemoglobin(9.0, G_DL).platelets(100.0, G9));
    assert_eq!(partial.pattern, Pattern::Undetermined);
    assert_eq!(partial.unknown_lines, CellLineSet::EMPTY.with(CellLine::WhiteCells));
    assert_eq!(partial.decreased_lines.len(), 2);
    // Lymphocytes, monocytes and reticulocytes are not part of the pattern.
    let other = run(adult_woman()
        .hemoglobin(13.0, G_DL)
        .neutrophils(3.0, G9)
        .platelets(250.0, G9)
        .lymphocytes(0.1, G9));
    assert_eq!(other.pattern, Pattern::NoCytopenia);
    assert_eq!(
        other.present().map(|r| r.cytopenia).collect::<Vec<_>>(),
        [Cytopenia::Lymphopenia]
    );
}

// ---------------------------------------------------------------------------------------------------------
// Aplastic anaemia severity

fn aa(
    cellularity: Option<f64>,
    residual: Option<f64>,
    anc: Option<f64>,
    plt: Option<f64>,
    retic: Option<f64>,
    criteria: AplasticCriteria,
) -> marrowkb::blood_count::AplasticAssessment {
    let mut b = BloodCount::builder();
    if let Some(c) = cellularity {
        b = b.cellularity(c);
    }
    if let Some(r) = residual {
        b = b.residual_hematopoietic_cells(r);
    }
    if let Some(v) = anc {
        b = b.neutrophils(v, G9);
    }
    if let Some(v) = plt {
        b = b.platelets(v, G9);
    }
    if let Some(v) = retic {
        b = b.reticulocytes(v, G9);
    }
    b.build()
        .unwrap_or_else(|e| panic!("{e}"))
        .interpret(InterpretOptions {
            aplastic_criteria: criteria,
        })
        .aplastic_anemia
}

const CB: AplasticCriteria = AplasticCriteria::CamittaBacigalupo;
const BSH: AplasticCriteria = AplasticCriteria::Bsh2016Automated;

#[test]
fn aplastic_thresholds_as_published() {
    let a = APLASTIC;
    assert_eq!(
        (a.cellularity_below, a.partial_cellularity_max, a.residual_below),
        (25.0, 50.0, 30.0)
    );
    assert_eq!(
        (a.neutrophils_below, a.platelets_below, a.reticulocytes_below),
        (0.5, 20.0, 20.0)
    );
    assert_eq!(
        (a.automated_reticulocytes_below, a.very_severe_neutrophils_below),
        (60.0, 0.2)
    );
}

#[test]
fn aplastic_marrow_criterion_boundaries() {
    let marrow = |c: f64, r: Option<f64>| aa(Some(c), r, Some(0.3), Some(10.0), Some(10.0), CB).marrow;
    assert_eq!(marrow(0.0, None), Criterion::Met);
    assert_eq!(marrow(below(25.0), None), Criterion::Met);
    // 25–50 %: needs residual haematopoietic cells < 30 %.
    assert_eq!(marrow(25.0, None), Criterion::Unknown);
    assert_eq!(marrow(25.0, Some(below(30.0))), Criterion::Met);
    assert_eq!(marrow(25.0, Some(30.0)), Criterion::NotMet);
    assert_eq!(marrow(50.0, Some(29.0)), Criterion::Met);
    assert_eq!(marrow(50.0, Some(above(30.0))), Criterion::NotMet);
    assert_eq!(marrow(above(50.0), Some(0.0)), Criterion::NotMet);
    assert_eq!(marrow(80.0, None), Criterion::NotMet);
}

#[test]
fn aplastic_count_criteria_boundaries() {
    // Each criterion alone with one other met: severe only when it is met.
    let sev = |anc: f64, plt: f64, retic: f64| aa(Some(10.0), None, Some(anc), Some(plt), Some(retic), CB).severity;
    // Neutrophils at 0.5 with platelets met and reticulocytes not.
    assert_eq!(sev(below(0.5), 10.0, 100.0), AplasticSeverity::Severe);
    assert_eq!(sev(0.5, 10.0, 100.0), AplasticSeverity::NonSevere);
    assert_eq!(sev(above(0.5), 10.0, 100.0), AplasticSeverity::NonSevere);
    // Platelets at 20 with neutrophils met.
    assert_eq!(sev(0.3, below(20.0), 100.0), AplasticSeverity::Severe);
    assert_eq!(sev(0.3, 20.0, 100.0), AplasticSeverity::NonSevere);
    // Reticulocytes at 20 with platelets met.
    assert_eq!(sev(1.0, 10.0, below(20.0)), AplasticSeverity::Severe);
    assert_eq!(sev(1.0, 10.0, 20.0), AplasticSeverity::NonSevere);
    assert_eq!(sev(1.0, 10.0, above(20.0)), AplasticSeverity::NonSevere);
    // Very severe: ANC < 0.2.
    assert_eq!(sev(below(0.2), 10.0, 10.0), AplasticSeverity::VerySevere);
    assert_eq!(sev(0.2, 10.0, 10.0), AplasticSeverity::Severe);
    assert_eq!(sev(above(0.2), 10.0, 10.0), AplasticSeverity::Severe);
    // ANC < 0.2 alone is not enough: severity needs 2 of 3.
    assert_eq!(sev(0.1, 100.0, 100.0), AplasticSeverity::NonSevere);
    // Very severe needs the marrow criterion too.
    assert_eq!(
        aa(Some(60.0), None, Some(0.1), Some(10.0), Some(10.0), CB).severity,
        AplasticSeverity::NonSevere
    );
}

#[test]
fn bsh_2016_automated_reticulocyte_threshold() {
    let sev = |retic: f64, criteria| aa(Some(10.0), None, Some(1.0), Some(10.0), Some(retic), criteria);
    assert_eq!(sev(45.0, CB).severity, AplasticSeverity::NonSevere);
    assert_eq!(sev(45.0, BSH).severity, AplasticSeverity::Severe);
    assert_eq!(sev(below(60.0), BSH).severity, AplasticSeverity::Severe);
    assert_eq!(sev(60.0, BSH).severity, AplasticSeverity::NonSevere);
    assert_eq!(sev(above(60.0), BSH).severity, AplasticSeverity::NonSevere);
    let bsh = sev(59.0, BSH);
    assert_eq!(
        (bsh.criteria, bsh.reticulocytes_below, bsh.reticulocytes),
        (BSH, 60.0, Criterion::Met)
    );
    assert_eq!(sev(59.0, CB).reticulocytes_below, 20.0);
}

#[test]
fn aplastic_with_missing_values() {
    // No cellularity: not assessed, but the count criteria are still reported.
    let r = aa(None, None, Some(0.1), Some(10.0), Some(10.0), CB);
    assert_eq!(
        (r.severity, r.marrow, r.counts, r.counts_met),
        (AplasticSeverity::NotAssessed, Criterion::Unknown, Criterion::Met, 3)
    );
    // Two of three met: the third need not be known.
    assert_eq!(
        aa(Some(10.0), None, None, Some(10.0), Some(10.0), CB).severity,
        AplasticSeverity::AtLeastSevere
    );
    assert_eq!(
        aa(Some(10.0), None, Some(0.3), Some(10.0), None, CB).severity,
        AplasticSeverity::Severe
    );
    assert_eq!(
        aa(Some(10.0), None, Some(0.1), Some(10.0), None, CB).severity,
        AplasticSeverity::VerySevere
    );
    // One met, one unknown: undetermined; one met, two not: non-severe.
    assert_eq!(
        aa(Some(10.0), None, Some(0.3), None, Some(100.0), CB).severity,
        AplasticSeverity::Undetermined
    );
    assert_eq!(
        aa(Some(10.0), None, Some(0.3), Some(100.0), Some(100.0), CB).severity,
        AplasticSeverity::NonSevere
    );
    // Two not met: non-severe whatever the third.
    assert_eq!(
        aa(Some(10.0), None, None, Some(100.0), Some(100.0), CB).severity,
        AplasticSeverity::NonSevere
    );
    // Marrow unknown (25–50 % without residual cells) with counts met: undetermined; counts not met: non-severe.
    assert_eq!(
        aa(Some(30.0), None, Some(0.3), Some(10.0), Some(10.0), CB).severity,
        AplasticSeverity::Undetermined
    );
    assert_eq!(
        aa(Some(30.0), None, Some(3.0), Some(100.0), Some(100.0), CB).severity,
        AplasticSeverity::NonSevere
    );
    // Nothing but cellularity.
    assert_eq!(
        aa(Some(10.0), None, None, None, None, CB).severity,
        AplasticSeverity::Undetermined
    );
}

// ---------------------------------------------------------------------------------------------------------
// Disorder fit

fn fit_of(result: &Interpretation, disorder: Disorder) -> marrowkb::blood_count::DisorderFit {
    let found = result.disorder_fit.iter().find(|f| f.disorder == disorder);
    *found.unwrap_or_else(|| panic!("{disorder:?} missing"))
}

#[test]
fn disorder_fit_follows_the_records_cell_lines() {
    let pan = run(adult_woman()
        .hemoglobin(7.2, G_DL)
        .neutrophils(0.3, G9)
        .platelets(15.0, G9));
    assert_eq!(pan.disorder_fit.len(), Disorder::COUNT);
    for (fit, disorder) in pan.disorder_fit.iter().zip(Disorder::ALL) {
        assert_eq!(fit.disorder, disorder);
        let affected: CellLineSet = disorder.info().cell_lines.iter().copied().collect();
        assert_eq!(fit.affected, affected);
        assert_eq!(fit.matched, affected);
        assert_eq!(fit.missed, CellLineSet::EMPTY);
        assert_eq!(fit.unexpected, CellLineSet::ALL.difference(affected));
        assert_eq!(fit.score, Some(affected.len() as f64 / 3.0));
        let expected = match affected.len() {
            0 => Fit::NoOverlap,
            3 => Fit::Exact,
            _ => Fit::Partial,
        };
        assert_eq!(fit.fit, expected, "{disorder:?}");
    }
    assert_eq!(fit_of(&pan, Disorder::AplasticAnemia).fit, Fit::Exact);
}

#[test]
fn isolated_neutropenia_fits_the_neutropenias() {
    let result = run(adult_woman()
        .hemoglobin(13.0, G_DL)
        .neutrophils(0.3, G9)
        .platelets(250.0, G9));
    assert_eq!(result.pattern, Pattern::SingleLineage);
    for disorder in Disorder::ALL {
        let fit = fit_of(&result, disorder);
        let lines = disorder.info().cell_lines;
        if lines == [CellLine::WhiteCells] {
            assert_eq!((fit.fit, fit.score), (Fit::Exact, Some(1.0)), "{disorder:?}");
        }
        if !lines.contains(&CellLine::WhiteCells) {
            assert_eq!((fit.fit, fit.score), (Fit::NoOverlap, Some(0.0)), "{disorder:?}");
        }
    }
    let aplastic = fit_of(&result, Disorder::AplasticAnemia);
    assert_eq!(
        (aplastic.fit, aplastic.matched.len(), aplastic.missed.len()),
        (Fit::Partial, 1, 2)
    );
    assert_eq!(aplastic.score, Some(1.0 / 3.0));
    // Ranked: every exact fit before every partial one.
    let ranked = result.ranked_fits();
    let first_partial = ranked.iter().position(|f| f.fit != Fit::Exact).unwrap();
    assert!(ranked[first_partial..].iter().all(|f| f.fit != Fit::Exact));
    assert!(
        ranked
            .windows(2)
            .all(|w| w[0].score.unwrap_or(-1.0) >= w[1].score.unwrap_or(-1.0))
    );
}

#[test]
fn unknown_lines_are_left_out_of_the_fit() {
    let result = run(BloodCount::builder().platelets(15.0, G9));
    assert_eq!(
        result.unknown_lines,
        CellLineSet::EMPTY.with(CellLine::RedCells).with(CellLine::WhiteCells)
    );
    let aplastic = fit_of(&result, Disorder::AplasticAnemia);
    assert_eq!(
        (aplastic.fit, aplastic.score, aplastic.unknown.len()),
        (Fit::Exact, Some(1.0), 2)
    );
    let nothing = run(BloodCount::builder());
    assert!(
        nothing
            .disorder_fit
            .iter()
            .all(|f| f.fit == Fit::Undetermined && f.score.is_none())
    );
    let normal = run(adult_woman()
        .hemoglobin(13.0, G_DL)
        .neutrophils(3.0, G9)
        .platelets(250.0, G9));
    assert!(
        normal
            .disorder_fit
            .iter()
            .all(|f| f.fit == Fit::NoOverlap || f.affected.is_empty())
    );
}

// ---------------------------------------------------------------------------------------------------------
// Worked examples

/// The README's CLI example: `marrowkb cbc --hb 7.2g/dL --anc 0.3 --plt 15 --retic 12 --cellularity 15 --age 34 --sex f`.
#[test]
fn worked_example_severe_aplastic_anaemia() {
    let result = run(adult_woman()
        .hemoglobin(7.2, G_DL)
        .neutrophils(0.3, G9)
        .platelets(15.0, G9)
        .reticulocytes(12.0, G9)
        .cellularity(15.0));
    assert_eq!(result.pattern, Pattern::Pancytopenia);
    // Anaemia: WHO severe (< 8.0 g/dL, non-pregnant women), CTCAE grade 3.
    assert_eq!(result.anemia.presence, Presence::Present);
    assert_eq!(result.anemia.severity, Some(Severity::Severe));
    assert_eq!(result.anemia.lower_limit, Some(12.0));
    assert_eq!(result.anemia.ctcae, Some(CtcaeGrade::Grade3));
    // Neutrophils 0.3: severe neutropenia (0.2–0.5), CTCAE grade 4.
    assert_eq!(result.neutropenia.severity, Some(Severity::Severe));
    assert_eq!(result.neutropenia.ctcae, Some(CtcaeGrade::Grade4));
    // Platelets 15: CTCAE grade 4.
    assert_eq!(result.thrombocytopenia.presence, Presence::Present);
    assert_eq!(result.thrombocytopenia.ctcae, Some(CtcaeGrade::Grade4));
    assert_eq!(result.reticulocytopenia.presence, Presence::Present);
    // Camitta/Bacigalupo: marrow < 25 %, all three counts met, ANC ≥ 0.2: severe, not very severe.
    let aa = result.aplastic_anemia;
    assert_eq!(aa.severity, AplasticSeverity::Severe);
    assert_eq!(
        (aa.marrow, aa.counts, aa.counts_met, aa.very_severe_neutrophils),
        (Criterion::Met, Criterion::Met, 3, Criterion::NotMet)
    );
    // Aplastic anaemia's lines are all three.
    assert_eq!(fit_of(&result, Disorder::AplasticAnemia).fit, Fit::Exact);
    assert_eq!(result.present().count(), 4);
}

#[test]
fn worked_example_very_severe_in_cells_per_microlitre() {
    // 19-year-old man: Hb 68 g/L, ANC 150/µL, platelets 8000/µL, retic 0.2 % of 2.3 ×10¹²/L, cellularity 5 %.
    let result = run(BloodCount::builder()
        .age(19.0, YEARS)
        .sex(Sex::Male)
        .hemoglobin(68.0, HemoglobinUnit::GramsPerLiter)
        .neutrophils(150.0, CountUnit::PerMicroliter)
        .platelets(8000.0, CountUnit::PerMicroliter)
        .reticulocyte_percent(0.2)
        .red_cell_count(2.3)
        .cellularity(5.0));
    assert!((result.count.reticulocytes().unwrap() - 4.6).abs() < 1e-12);
    assert_eq!(result.aplastic_anemia.severity, AplasticSeverity::VerySevere);
    assert_eq!(result.neutropenia.severity, Some(Severity::VerySevere));
    assert_eq!(result.anemia.severity, Some(Severity::Severe));
}

#[test]
fn worked_example_non_severe_and_bsh_option() {
    // 60-year-old woman, cellularity 20 %, ANC 0.9, platelets 18, automated retic 45:
    // Camitta (retic < 20): only platelets met -> non-severe; BSH 2016 (automated < 60): severe.
    let count = adult_woman()
        .age(60.0, YEARS)
        .hemoglobin(9.1, G_DL)
        .neutrophils(0.9, G9)
        .platelets(18.0, G9)
        .reticulocytes(45.0, G9)
        .cellularity(20.0)
        .build()
        .unwrap();
    let camitta = count.interpret(InterpretOptions::default());
    let bsh = count.interpret(InterpretOptions { aplastic_criteria: BSH });
    assert_eq!(camitta.aplastic_anemia.severity, AplasticSeverity::NonSevere);
    assert_eq!(bsh.aplastic_anemia.severity, AplasticSeverity::Severe);
    assert_eq!(camitta.pattern, Pattern::Pancytopenia);
    assert_eq!(camitta.anemia.severity, Some(Severity::Moderate));
    assert_eq!(camitta.neutropenia.severity, Some(Severity::Moderate));
    assert_eq!(camitta.thrombocytopenia.ctcae, Some(CtcaeGrade::Grade4));
}

#[test]
fn worked_example_infant_with_red_cell_aplasia() {
    // A 3-month-old with Hb 6.5 g/dL, MCV 112 fL, ANC 2.0 and platelets 300: macrocytic anaemia alone.
    let result = run(BloodCount::builder()
        .age(3.0, AgeUnit::Months)
        .hemoglobin(6.5, G_DL)
        .mcv(112.0)
        .neutrophils(2.0, G9)
        .platelets(300.0, G9)
        .reticulocytes(5.0, G9));
    assert_eq!(result.anemia.presence, Presence::Present);
    assert_eq!(result.anemia.reference, Some(Reference::NathanOski));
    assert_eq!(result.red_cell_size.size, Some(RedCellSize::Macrocytic)); // 3–6 months: > 108 fL
    assert_eq!(result.pattern, Pattern::SingleLineage);
    assert_eq!(result.reticulocytopenia.presence, Presence::NoReference);
    for disorder in Disorder::ALL {
        if disorder.info().cell_lines == [CellLine::RedCells] {
            assert_eq!(fit_of(&result, disorder).fit, Fit::Exact, "{disorder:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Output

#[test]
fn readings_are_in_cytopenia_order() {
    let result = run(adult_woman());
    let readings = result.readings();
    for (reading, cytopenia) in readings.iter().zip(Cytopenia::ALL) {
        assert_eq!(reading.cytopenia, *cytopenia);
        assert_eq!(result.reading(*cytopenia), *reading);
        assert_eq!(reading.presence, Presence::NotMeasured);
    }
    assert_eq!(Cytopenia::Anemia.hpo().to_string(), "HP:0001903");
    assert_eq!(Cytopenia::Monocytopenia.hpo().to_string(), "HP:0012312");
}

#[cfg(feature = "serde")]
#[test]
fn serializes_to_json_with_stable_keys() {
    let result = run(adult_woman()
        .hemoglobin(7.2, G_DL)
        .neutrophils(0.3, G9)
        .platelets(15.0, G9)
        .cellularity(15.0));
    let json = serde_json::to_value(result).unwrap();
    assert_eq!(json["pattern"], "pancytopenia");
    assert_eq!(json["anemia"]["presence"], "present");
    assert_eq!(json["anemia"]["severity"], "severe");
    assert_eq!(json["anemia"]["severity_scale"], "who_2011");
    assert_eq!(json["anemia"]["ctcae"], "grade_3");
    assert_eq!(json["anemia"]["reference"], "who_2011");
    assert_eq!(json["anemia"]["value"], 7.2);
    assert_eq!(json["lymphopenia"]["presence"], "not_measured");
    assert_eq!(json["lymphopenia"]["value"], serde_json::Value::Null);
    assert_eq!(
        json["decreased_lines"],
        serde_json::json!(["red_cells", "white_cells", "platelets"])
    );
    assert_eq!(json["aplastic_anemia"]["severity"], "severe"); // ANC and platelets met; reticulocytes not needed
    assert_eq!(json["aplastic_anemia"]["reticulocytes"], "unknown");
    assert_eq!(json["count"]["sex"], "female");
    assert_eq!(json["options"]["aplastic_criteria"], "camitta_bacigalupo");
    let fits = json["disorder_fit"].as_array().unwrap();
    assert_eq!(fits.len(), Disorder::COUNT);
    assert_eq!(fits[0]["disorder"], Disorder::ALL[0].key());
}

#[test]
fn the_threshold_table_is_documented() {
    let table = thresholds::markdown_table();
    for needle in [
        "WHO 2011",
        "CTCAE v5.0",
        "Nathan and Oski",
        "Nelson",
        "Camitta 1976",
        "Bacigalupo 1988",
        "BSH 2016",
        "ICSH 1995",
    ] {
        assert!(table.contains(needle), "{needle}");
    }
    for r in Reference::ALL {
        assert!(!r.citation().is_empty());
    }
}

// ---------------------------------------------------------------------------------------------------------
// No allocation in interpretation

#[test]
fn building_and_interpreting_do_not_allocate() {
    let builder = adult_woman()
        .hemoglobin(7.2, G_DL)
        .mcv(101.0)
        .neutrophils(0.3, G9)
        .lymphocytes(0.9, G9)
        .monocytes(0.1, G9)
        .platelets(15.0, G9)
        .reticulocyte_percent(0.5)
        .red_cell_count(2.4)
        .cellularity(15.0);
    // The counter works.
    assert!(allocations_during(|| drop(std::hint::black_box(vec![1u8]))).allocations > 0);

    let n = allocations_during(|| {
        for _ in 0..100 {
            let count = std::hint::black_box(builder).build().unwrap();
            let result = count.interpret(InterpretOptions::default());
            std::hint::black_box(result.ranked_fits());
            std::hint::black_box(result.present().count());
            let _ = std::hint::black_box(BloodCount::builder().hemoglobin(f64::NAN, G_DL).build());
        }
    })
    .allocations;
    assert_eq!(n, 0, "allocated {n} times");
}

#[test]
fn units_laboratory_reports_print() {
    // 10^3/µL = K/µL = ×10⁹/L; 10^6/µL = M/µL = ×10¹²/L (the red cell count's unit).
    for text in [
        "10^3/uL",
        "x10^3/uL",
        "10^3/µL",
        "×10³/µL",
        "K/uL",
        "k/ul",
        "K/µL",
        " 10^3 / uL ",
    ] {
        assert_eq!(text.parse::<CountUnit>(), Ok(G9), "{text}");
        assert_eq!(text.parse::<Unit>(), Ok(Unit::GigaPerLiter), "{text}");
    }
    for text in ["10^6/uL", "x10^6/uL", "×10⁶/µL", "M/uL", "x10^12/L", "10^12/L", "T/L"] {
        assert_eq!(text.parse::<Unit>(), Ok(Unit::TeraPerLiter), "{text}");
        assert!(text.parse::<CountUnit>().is_err(), "{text} is no count unit");
    }
    let k: CountUnit = "K/uL".parse().unwrap_or(CountUnit::PerMicroliter);
    let count = BloodCount::builder().platelets(150.0, k).neutrophils(1.2, k).build();
    assert_eq!(
        count.map(|c| (c.platelets(), c.neutrophils())),
        Ok((Some(150.0), Some(1.2)))
    );
}

#[test]
fn impossible_hemoglobin_plausible_in_another_unit_says_so() {
    let (_, _, reason) = invalid(BloodCount::builder().hemoglobin(72.0, G_DL));
    assert_eq!(
        reason,
        "above 25 g/dL: physiologically impossible in g/dL, but plausible in g/L; check the unit"
    );
    let (_, _, reason) = invalid(BloodCount::builder().hemoglobin(20.0, HemoglobinUnit::MillimolesPerLiter));
    assert!(reason.contains("plausible in g/dL"), "{reason}");
    let (_, _, reason) = invalid(BloodCount::builder().hemoglobin(72.0, HemoglobinUnit::MillimolesPerLiter));
    assert!(reason.contains("plausible in g/L"), "{reason}");
    // No unit makes these plausible: the plain reason.
    let (_, _, reason) = invalid(BloodCount::builder().hemoglobin(900.0, G_DL));
    assert_eq!(reason, "above 25 g/dL: physiologically impossible");
    let (_, _, reason) = invalid(BloodCount::builder().hemoglobin(251.0, HemoglobinUnit::GramsPerLiter));
    assert_eq!(reason, "above 25 g/dL: physiologically impossible");
}

#[test]
fn camitta_corrected_reticulocyte_percentage_beside_the_absolute_count() {
    // Camitta 1976: corrected reticulocytes < 1 % (percentage × haematocrit / 45).
    let severe =
        |b: BloodCountBuilder| run(b.cellularity(10.0).neutrophils(0.3, G9).platelets(50.0, G9)).aplastic_anemia;
    // Only a percentage and a haematocrit: the corrected percentage decides (1.5 × 18 / 45 = 0.6 %).
    let aa = severe(BloodCount::builder().reticulocyte_percent(1.5).hematocrit(18.0));
    assert_eq!(aa.corrected_reticulocyte_percent, Some(0.6));
    assert_eq!(
        (aa.corrected_reticulocytes, aa.reticulocytes),
        (Criterion::Met, Criterion::Met)
    );
    assert_eq!(aa.severity, AplasticSeverity::Severe);
    // At exactly 1 % it is not met (strict), so only the neutrophils count: non-severe.
    let aa = severe(BloodCount::builder().reticulocyte_percent(2.0).hematocrit(22.5));
    assert_eq!(
        (aa.corrected_reticulocyte_percent, aa.reticulocytes),
        (Some(1.0), Criterion::NotMet)
    );
    assert_eq!(aa.severity, AplasticSeverity::NonSevere);
    // With the red cell count the absolute count decides; the corrected percentage is still shown.
    let aa = severe(
        BloodCount::builder()
            .reticulocyte_percent(1.5)
            .hematocrit(18.0)
            .red_cell_count(2.0),
    );
    assert_eq!(aa.corrected_reticulocytes, Criterion::Met);
    assert_eq!(aa.reticulocytes, Criterion::NotMet, "30 ×10⁹/L is not < 20");
    // The BSH automated criteria use the absolute count only.
    let count = BloodCount::builder()
        .reticulocyte_percent(1.5)
        .hematocrit(18.0)
        .cellularity(10.0)
        .build()
        .unwrap_or_default();
    let aa = count
        .interpret(InterpretOptions {
            aplastic_criteria: AplasticCriteria::Bsh2016Automated,
        })
        .aplastic_anemia;
    assert_eq!(
        (aa.corrected_reticulocytes, aa.reticulocytes),
        (Criterion::Met, Criterion::Unknown)
    );
    // A percentage with neither the red cell count nor the haematocrit is inconsistent.
    assert!(matches!(
        BloodCount::builder().reticulocyte_percent(1.5).build(),
        Err(Error::InconsistentMeasurements {
            field: Field::ReticulocytePercent,
            ..
        })
    ));
    let (field, _, reason) = invalid(BloodCount::builder().hematocrit(95.0));
    assert_eq!(
        (field, reason),
        (Field::Hematocrit, "above 80 %: physiologically impossible")
    );
}
