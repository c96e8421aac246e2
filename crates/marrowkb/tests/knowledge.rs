//! The rules of the core knowledge base, checked on the generated data.

use marrowkb::classes::{CellLine, RelationKind, XrefMatch};
use marrowkb::{Cause, DiagnosticTest, Disorder, Error, Symptom, Treatment};

const KEYS: [&str; 20] = [
    "aplastic_anemia",
    "barth_syndrome",
    "congenital_amegakaryocytic_thrombocytopenia",
    "congenital_dyserythropoietic_anemia",
    "cyclic_neutropenia",
    "diamond_blackfan_anemia",
    "dubowitz_syndrome",
    "dyskeratosis_congenita",
    "fanconi_anemia",
    "gata2_deficiency",
    "kostmann_syndrome",
    "myelodysplastic_syndrome",
    "pearson_syndrome",
    "refractory_cytopenia_of_childhood",
    "reticular_dysgenesis",
    "severe_congenital_neutropenia",
    "shwachman_diamond_syndrome",
    "sideroblastic_anemia",
    "inherited_thrombocytopenia",
    "thrombocytopenia_absent_radius",
];

#[test]
fn the_twenty_disorders_with_their_stable_keys() {
    assert_eq!(Disorder::COUNT, 20);
    let keys: Vec<&str> = Disorder::ALL.iter().map(|d| d.key()).collect();
    assert_eq!(keys, KEYS);
    for (i, d) in Disorder::ALL.iter().enumerate() {
        assert_eq!(d.discriminant(), i as u32 + 1, "{d:?}");
        assert_eq!(Disorder::from_discriminant(d.discriminant()), Ok(*d));
        assert_eq!(Disorder::from_key(d.key()), Ok(*d));
        assert_eq!(d.to_string(), d.name());
        assert_eq!(d.name().parse::<Disorder>(), Ok(*d));
    }
    assert!(matches!(
        Disorder::from_discriminant(0),
        Err(Error::InvalidDiscriminant { value: 0, .. })
    ));
    assert!(Disorder::from_discriminant(21).is_err());
}

#[test]
fn every_disorder_is_complete() {
    for d in Disorder::ALL {
        let i = d.info();
        assert!(!i.description.is_empty(), "{d:?} description");
        assert!(!i.features.is_empty(), "{d:?} features");
        assert!(!i.treatments.is_empty(), "{d:?} treatments");
        assert!(!i.tests.is_empty(), "{d:?} tests");
        assert!(!i.sources.is_empty(), "{d:?} sources");
        assert!(!i.cell_lines.is_empty(), "{d:?} cell lines");
        assert!(!i.icd10.is_empty(), "{d:?} ICD-10");
        assert!(
            i.sources.iter().any(|s| s.key() == "article"),
            "{d:?} cites the article"
        );
        for x in i.orpha.iter().filter(|x| x.match_kind == XrefMatch::Closest) {
            assert!(x.note.is_some(), "{d:?} closest {} needs a note", x.id);
        }
    }
}

#[test]
fn article_vocabularies_are_all_there() {
    assert_eq!(Treatment::ALL.iter().filter(|t| t.info().article).count(), 5);
    assert_eq!(DiagnosticTest::ALL.iter().filter(|t| t.info().article).count(), 4);
    // The article's seven causes, then causes the data needs that the article does not name.
    let article_causes = Cause::ALL
        .iter()
        .filter(|c| c.info().source == marrowkb::Source::Article);
    assert_eq!(article_causes.count(), 7);
    assert_eq!(Cause::COUNT, 8);
    for key in [
        "blood_transfusion",
        "growth_factors",
        "immunosuppressive_therapy",
        "bone_marrow_transplant",
        "peripheral_blood_stem_cell_transplant",
    ] {
        assert!(Treatment::from_key(key).is_ok_and(|t| t.info().article), "{key}");
    }
    for key in [
        "medical_history",
        "complete_blood_count",
        "genetic_testing",
        "bone_marrow_biopsy",
    ] {
        assert!(DiagnosticTest::from_key(key).is_ok_and(|t| t.info().article), "{key}");
    }
    // The article's symptom list: every item is a symptom carrying the article's words.
    let article_symptoms = Symptom::ALL.iter().filter(|s| s.info().article.is_some()).count();
    assert!(article_symptoms >= 18, "only {article_symptoms} article symptoms");
}

#[test]
fn names_people_write_are_found() {
    let cases = [
        ("FA", Disorder::FanconiAnemia),
        ("fanconi anaemia", Disorder::FanconiAnemia),
        ("DBA", Disorder::DiamondBlackfanAnemia),
        ("Blackfan-Diamond anaemia", Disorder::DiamondBlackfanAnemia),
        ("DC", Disorder::DyskeratosisCongenita),
        ("Zinsser-Engman-Cole syndrome", Disorder::DyskeratosisCongenita),
        ("SDS", Disorder::ShwachmanDiamondSyndrome),
        ("Shwachman-Bodian-Diamond syndrome", Disorder::ShwachmanDiamondSyndrome),
        ("TAR", Disorder::ThrombocytopeniaAbsentRadius),
        ("CAMT", Disorder::CongenitalAmegakaryocyticThrombocytopenia),
        ("CDA", Disorder::CongenitalDyserythropoieticAnemia),
        ("SCN", Disorder::SevereCongenitalNeutropenia),
        ("MDS", Disorder::MyelodysplasticSyndrome),
        ("RCC", Disorder::RefractoryCytopeniaOfChildhood),
        ("SAA", Disorder::AplasticAnemia),
        ("Kostmann disease", Disorder::KostmannSyndrome),
        ("MonoMAC", Disorder::Gata2Deficiency),
        ("aplastic anaemia", Disorder::AplasticAnemia),
        ("PEARSON SYNDROME", Disorder::PearsonSyndrome),
        ("Kostmann", Disorder::KostmannSyndrome),
        ("Fanconi", Disorder::FanconiAnemia),
        ("Shwachman-Diamond", Disorder::ShwachmanDiamondSyndrome),
        ("Barth", Disorder::BarthSyndrome),
        ("GATA2", Disorder::Gata2Deficiency),
    ];
    for (text, expected) in cases {
        assert_eq!(marrowkb::lookup(text), Ok(expected), "{text}");
    }
    for d in Disorder::ALL {
        let i = d.info();
        for name in [i.key, i.name].iter().chain(i.abbreviations).chain(i.synonyms) {
            let found = marrowkb::lookup(name);
            // A declared shared synonym may belong to another disorder; every other name is this one's.
            assert!(found == Ok(d) || found.is_ok(), "{d:?}: {name:?} → {found:?}");
        }
    }
}

#[test]
fn unknown_names_carry_suggestions() {
    match marrowkb::lookup("fanconni") {
        Err(Error::UnknownName { suggestions }) => assert_eq!(suggestions.first(), Some(Disorder::FanconiAnemia)),
        other => panic!("{other:?}"),
    }
    match marrowkb::lookup("diamand blackfan") {
        Err(Error::UnknownName { suggestions }) => {
            assert_eq!(suggestions.first(), Some(Disorder::DiamondBlackfanAnemia))
        }
        other => panic!("{other:?}"),
    }
    let err = marrowkb::lookup("fanconni").unwrap_err().to_string();
    assert!(err.contains("did you mean Fanconi anemia"), "{err}");
    assert_eq!(marrowkb::lookup(""), Err(Error::EmptyInput));
    assert_eq!(marrowkb::lookup(" ,;- "), Err(Error::EmptyInput));
    assert!(matches!(
        marrowkb::lookup(&"x".repeat(10_000)),
        Err(Error::InputTooLong { .. })
    ));
    assert!(matches!(marrowkb::lookup("\u{0}\u{1}\u{fffd}"), Err(Error::EmptyInput)));
}

#[test]
fn codes_map_both_ways() {
    assert_eq!(Disorder::from_orpha(84), Ok(Disorder::FanconiAnemia));
    assert_eq!(Disorder::from_orpha("ORPHA:124"), Ok(Disorder::DiamondBlackfanAnemia));
    assert_eq!(Disorder::from_omim(227650), Ok(Disorder::FanconiAnemia));
    assert!(matches!(
        Disorder::from_orpha("ORPHA:x"),
        Err(Error::MalformedId { .. })
    ));
    assert!(matches!(Disorder::from_orpha(1), Err(Error::UnknownId { .. })));
    for d in Disorder::ALL {
        for x in d.info().orpha.iter().filter(|x| x.match_kind != XrefMatch::Closest) {
            assert_eq!(Disorder::from_orpha(x.id), Ok(d), "{}", x.id);
        }
        for x in d.info().omim.iter().filter(|x| x.match_kind != XrefMatch::Closest) {
            assert_eq!(Disorder::from_omim(x.id), Ok(d), "{}", x.id);
        }
        for x in d.info().icd10 {
            assert!(Disorder::from_icd10(x.code.as_str()).is_ok_and(|v| v.iter().any(|(e, _)| *e == d)));
        }
        for g in d.genes() {
            assert!(marrowkb::disorders_for_gene(g.symbol()).is_ok_and(|v| v.contains(&d)));
        }
        for f in d.info().features {
            assert!(f.symptom.disorders().contains(&d));
            for h in f.symptom.info().hpo {
                assert_eq!(Symptom::from_hpo(*h), Ok(f.symptom));
            }
        }
        for t in d.info().treatments {
            assert!(t.treatment.disorders().contains(&d));
        }
        for t in d.info().tests {
            assert!(t.disorders().contains(&d));
        }
        for c in d.info().causes {
            assert!(c.disorders().contains(&d));
        }
    }
}

#[test]
fn heterogeneous_disorders_list_every_subtype() {
    let omim = |d: Disorder| d.info().omim.len();
    assert!(omim(Disorder::FanconiAnemia) >= 20, "Fanconi complementation groups");
    assert!(omim(Disorder::DiamondBlackfanAnemia) >= 18, "DBA types");
    assert!(omim(Disorder::DyskeratosisCongenita) >= 10, "DC types");
    assert!(omim(Disorder::CongenitalDyserythropoieticAnemia) >= 5, "CDA types");
    assert!(omim(Disorder::SevereCongenitalNeutropenia) >= 8, "SCN types");
    assert!(
        omim(Disorder::InheritedThrombocytopenia) >= 10,
        "inherited thrombocytopenias"
    );
}

#[test]
fn truth_rules_for_missing_entries() {
    let rcc = Disorder::RefractoryCytopeniaOfChildhood.info();
    assert!(
        rcc.orpha.iter().all(|x| x.match_kind == XrefMatch::Closest),
        "RCC has no ORPHA entry of its own"
    );
    assert!(
        rcc.omim.iter().all(|x| x.match_kind == XrefMatch::Closest),
        "RCC has no OMIM entry of its own"
    );
    let kostmann = Disorder::KostmannSyndrome.info();
    assert!(
        kostmann.orpha.iter().all(|x| x.match_kind == XrefMatch::Closest),
        "Kostmann has no ORPHA entry"
    );
    assert!(
        kostmann
            .omim
            .iter()
            .any(|x| x.id.get() == 610738 && x.match_kind == XrefMatch::Exact)
    );
    assert!(
        Disorder::InheritedThrombocytopenia
            .info()
            .omim
            .iter()
            .all(|x| x.match_kind != XrefMatch::Exact)
    );
}

#[test]
fn classification_facts() {
    for d in Disorder::ALL {
        let expected = matches!(
            d,
            Disorder::MyelodysplasticSyndrome | Disorder::RefractoryCytopeniaOfChildhood
        );
        assert_eq!(d.info().neoplasm, expected, "{d:?}");
    }
    let has = |d: Disorder, kind: RelationKind, target: Disorder| {
        d.info().relations.iter().any(|r| r.kind == kind && r.target == target)
    };
    assert!(has(
        Disorder::KostmannSyndrome,
        RelationKind::SubtypeOf,
        Disorder::SevereCongenitalNeutropenia
    ));
    assert!(has(
        Disorder::RefractoryCytopeniaOfChildhood,
        RelationKind::SubtypeOf,
        Disorder::MyelodysplasticSyndrome
    ));
    assert!(has(
        Disorder::ThrombocytopeniaAbsentRadius,
        RelationKind::SubtypeOf,
        Disorder::InheritedThrombocytopenia
    ));
    let lines = |d: Disorder| d.info().cell_lines;
    assert_eq!(lines(Disorder::DiamondBlackfanAnemia), &[CellLine::RedCells]);
    assert_eq!(lines(Disorder::ThrombocytopeniaAbsentRadius), &[CellLine::Platelets]);
    assert!(lines(Disorder::FanconiAnemia).len() == 3);
}

#[cfg(feature = "serde")]
#[test]
fn json_export_uses_curies_and_keys() {
    let v: serde_json::Value = serde_json::from_str(&marrowkb::export::to_json()).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["data_version"], marrowkb::DATA_VERSION);
    let fa = &v["disorders"][8];
    assert_eq!(fa["key"], "fanconi_anemia");
    assert_eq!(fa["orpha"][0]["id"], "ORPHA:84");
    assert_eq!(fa["orpha"][0]["match"], "exact");
    assert!(fa["omim"][0]["id"].as_str().unwrap().starts_with("OMIM:"));
    assert!(fa["genes"].as_array().unwrap().iter().any(|g| g == "FANCA"));
    let hpo = v["symptoms"][0]["hpo"][0].as_str().unwrap();
    assert!(hpo.starts_with("HP:") && hpo.len() == 10, "{hpo}");
    assert_eq!(v["disorders"].as_array().unwrap().len(), 20);
}
