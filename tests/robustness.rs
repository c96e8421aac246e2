//! The Rust column of `docs/robustness.md`: what each bad input returns, row by row.

use marrowkb::blood_count::{AgeUnit, BloodCount, CountUnit, Field, HemoglobinUnit, Sex};
use marrowkb::codes::IdKind;
use marrowkb::differential::{InputStatus, Query, TermInput};
use marrowkb::hpo::{self, Replacement};
use marrowkb::{Disorder, Error, Gene, Symptom};

#[test]
fn empty_and_punctuation_only() {
    for text in ["", " - '. "] {
        assert_eq!(marrowkb::lookup(text), Err(Error::EmptyInput));
        assert_eq!(marrowkb::resolve(text), Err(Error::EmptyInput));
        assert_eq!(marrowkb::search(text), Err(Error::EmptyInput));
        assert_eq!(Symptom::find(text), Err(Error::EmptyInput));
        assert!(marrowkb::suggest(text).is_empty());
    }
    assert_eq!(Gene::from_symbol("   "), Err(Error::EmptyInput));
    assert!(matches!(
        hpo::term(""),
        Err(Error::MalformedId {
            kind: IdKind::Hpo,
            reason: "empty"
        })
    ));
}

#[test]
fn ten_megabytes() {
    let text = "a".repeat(10 * 1024 * 1024);
    let too_long = Error::InputTooLong {
        len: text.len(),
        max: 512,
    };
    assert_eq!(marrowkb::lookup(&text), Err(too_long));
    assert_eq!(marrowkb::search(&text), Err(too_long));
    assert_eq!(marrowkb::resolve(&text), Err(too_long));
    assert!(matches!(
        Disorder::from_orpha(text.as_str()),
        Err(Error::MalformedId { reason: "too long", .. })
    ));
    assert_eq!(
        Gene::from_symbol(&text),
        Err(Error::InputTooLong {
            len: text.len(),
            max: 24
        })
    );
}

#[test]
fn nul_inside_is_punctuation() {
    assert_eq!(marrowkb::lookup("Fan\0coni anemia"), Ok(Disorder::FanconiAnemia));
}

#[test]
fn unknown_name_with_suggestions() {
    let Err(Error::UnknownName { suggestions }) = marrowkb::lookup("fanconni anaemia") else {
        panic!("expected UnknownName");
    };
    assert_eq!(suggestions.first(), Some(Disorder::FanconiAnemia));
    assert_eq!(
        Error::UnknownName { suggestions }.to_string(),
        "unknown disorder name; did you mean Fanconi anemia?"
    );
    assert_eq!(marrowkb::lookup_exact("fanconni anaemia"), None);
    assert!(matches!(marrowkb::lookup("zzzz"), Err(Error::UnknownName { suggestions }) if suggestions.is_empty()));
}

#[test]
fn malformed_identifiers() {
    let malformed =
        |r: Result<_, Error>, want: IdKind| matches!(r, Err(Error::MalformedId { kind, .. }) if kind == want);
    assert!(malformed(Disorder::from_orpha("ORPHA:abc").map(|_| ()), IdKind::Orpha));
    assert!(malformed(Disorder::from_omim("OMIM:2276500").map(|_| ()), IdKind::Omim));
    assert!(malformed(hpo::term("HP:abc").map(|_| ()), IdKind::Hpo));
    assert!(malformed(Disorder::from_icd10("D61..0").map(|_| ()), IdKind::Icd10));
    assert!(malformed(marrowkb::resolve("ORPHA:abc").map(|_| ()), IdKind::Orpha));
}

#[test]
fn well_formed_but_unknown_identifiers() {
    assert_eq!(
        Disorder::from_orpha("ORPHA:1"),
        Err(Error::UnknownId { kind: IdKind::Orpha })
    );
    assert_eq!(
        Disorder::from_omim("OMIM:100000"),
        Err(Error::UnknownId { kind: IdKind::Omim })
    );
    assert_eq!(hpo::term("HP:9999999"), Err(Error::UnknownId { kind: IdKind::Hpo }));
    assert_eq!(
        Symptom::from_hpo("HP:9999999"),
        Err(Error::UnknownId { kind: IdKind::Hpo })
    );
    assert_eq!(
        Disorder::from_icd10("Z99.9"),
        Err(Error::UnknownId { kind: IdKind::Icd10 })
    );
    assert_eq!(
        Gene::from_symbol("NOTAGENE"),
        Err(Error::UnknownId { kind: IdKind::Gene })
    );
}

#[test]
fn obsolete_and_alternative_hpo_ids() {
    assert_eq!(
        hpo::term("HP:0000489"),
        Err(Error::ObsoleteId {
            kind: IdKind::Hpo,
            id: 489
        })
    );
    let alt = hpo::resolve("HP:0000004").map(|r| (r.term.id().get(), r.replaced));
    assert_eq!(alt, Ok((12823, Some(Replacement::AltId))));
}

#[test]
fn out_of_range_enum_integers() {
    assert_eq!(
        Disorder::from_discriminant(0),
        Err(Error::InvalidDiscriminant {
            entity: "disorder",
            value: 0
        })
    );
    assert!(matches!(
        HemoglobinUnit::from_discriminant(0),
        Err(Error::InvalidDiscriminant { .. })
    ));
    assert_eq!(
        Disorder::from_key("Fanconi anemia"),
        Err(Error::UnknownKey { entity: "disorder" })
    );
    // Keys, like every closed vocabulary, are read in any case; an over-long one is just unknown.
    assert_eq!(Disorder::from_key("Fanconi_Anemia"), Ok(Disorder::FanconiAnemia));
    assert!(Disorder::from_key(&"X".repeat(500)).is_err());
}

#[test]
fn impossible_blood_counts() {
    let field = |r: marrowkb::Result<BloodCount>| match r {
        Err(Error::InvalidMeasurement { field, reason, .. }) => Some((field, reason)),
        _ => None,
    };
    let b = BloodCount::builder;
    assert_eq!(
        field(b().hemoglobin(f64::NAN, HemoglobinUnit::GramsPerDeciliter).build()),
        Some((Field::Hemoglobin, "not a number"))
    );
    assert_eq!(
        field(b().platelets(-5.0, CountUnit::GigaPerLiter).build()),
        Some((Field::Platelets, "negative"))
    );
    assert_eq!(
        field(b().hemoglobin(30.0, HemoglobinUnit::GramsPerDeciliter).build()),
        Some((
            Field::Hemoglobin,
            "above 25 g/dL: physiologically impossible in g/dL, but plausible in g/L; check the unit"
        ))
    );
    assert_eq!(
        field(b().age(f64::INFINITY, AgeUnit::Years).build()),
        Some((Field::Age, "infinite"))
    );
    assert!(matches!(
        b().reticulocyte_percent(1.0).build(),
        Err(Error::InconsistentMeasurements {
            field: Field::ReticulocytePercent,
            ..
        })
    ));
    assert!(matches!(
        b().sex(Sex::Male).pregnant(true).build(),
        Err(Error::InconsistentMeasurements {
            field: Field::Pregnant,
            ..
        })
    ));
}

#[test]
fn unusable_terms_in_the_differential() {
    let observed = [
        TermInput::Text("HP:0001873"),
        TermInput::Text("HP:nope"),
        TermInput::Text("HP:9999999"),
        TermInput::Text("HP:0000489"),
        TermInput::Text("HP:0000007"),
    ];
    let lenient = Query::new(&observed)
        .run()
        .map(|r| r.inputs.iter().map(|i| i.status).collect::<Vec<_>>());
    assert_eq!(
        lenient,
        Ok(vec![
            InputStatus::Used,
            InputStatus::Malformed,
            InputStatus::Unknown,
            InputStatus::Obsolete,
            InputStatus::NotPhenotype
        ])
    );
    assert!(matches!(
        Query::new(&observed).strict(true).run(),
        Err(Error::MalformedId { kind: IdKind::Hpo, .. })
    ));
    // An invalid age of onset or likelihood ratio is an error in both modes.
    for strict in [false, true] {
        for age in [-1.0, 500.0, f64::NAN] {
            assert!(matches!(
                Query::new(&[]).age_of_onset_years(age).strict(strict).run(),
                Err(Error::InvalidArgument {
                    name: "age of onset",
                    ..
                })
            ));
        }
    }
    assert!(matches!(
        Query::new(&[]).evidence(&[(Disorder::FanconiAnemia, -1.0)]).run(),
        Err(Error::InvalidArgument {
            name: "likelihood ratio",
            ..
        })
    ));
    assert!(matches!(
        Query::new(&[])
            .evidence(&[(Disorder::FanconiAnemia, f64::NAN)])
            .strict(true)
            .run(),
        Err(Error::InvalidArgument {
            name: "likelihood ratio",
            ..
        })
    ));
}
