//! The facts fixed by the clinical review of 2026-12-02 (issue 13), one test each, and the rules the data
//! follows for ICD-10 match kinds, frequency overrides and origin (stated in `data/README.md`).

use marrowkb::classes::{Frequency, IcdMatch, Inheritance, Origin, RelationKind};
use marrowkb::{Cause, Disorder, Source, Symptom};

fn feature(d: Disorder, s: Symptom) -> &'static marrowkb::disorder::Feature {
    d.info()
        .features
        .iter()
        .find(|f| f.symptom == s)
        .unwrap_or_else(|| panic!("{d:?} has no feature {s:?}"))
}

/// Lower case, British spelling folded, punctuation to spaces, plural `s` dropped from every word.
fn words(text: &str) -> String {
    let lower = text.to_lowercase().replace("ae", "e").replace("oe", "e");
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.len() > 3 {
                w.strip_suffix('s').unwrap_or(w)
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ICD-10 rule: `exact` when the WHO 2019 title names the disorder (its name or a synonym, or the
/// disorder's name qualified as one of its forms); `nearest_parent` when the title names a broader
/// category, even when the WHO tabular list carries the disorder as an inclusion term.
#[test]
fn icd10_match_kind_follows_the_title_rule() {
    for d in Disorder::ALL {
        let info = d.info();
        let names: Vec<String> = std::iter::once(info.name)
            .chain(info.synonyms.iter().copied())
            .map(words)
            .collect();
        for x in info.icd10 {
            let title = words(x.title);
            let named = names.iter().any(|n| format!(" {title} ").contains(&format!(" {n} ")));
            let expected = if named {
                IcdMatch::Exact
            } else {
                IcdMatch::NearestParent
            };
            assert_eq!(x.match_kind, expected, "{}: {} {:?}", d.key(), x.code, x.title);
        }
    }
    // The review's cases: one WHO code, one match kind, whichever disorder it is filed under.
    for code in ["D70", "D61.0", "Q87.1", "Q87.2"] {
        let owners = Disorder::from_icd10(code).unwrap_or_default();
        assert!(!owners.is_empty(), "{code}");
        assert!(
            owners.iter().all(|(_, m)| *m == IcdMatch::NearestParent),
            "{code}: {owners:?}"
        );
    }
}

#[test]
fn dba_lists_autosomal_recessive_inheritance() {
    // HPO 2025-01-16 gives OMIM:620072 (DBA 21, HEATR3) autosomal recessive.
    let dba = Disorder::DiamondBlackfanAnemia.info();
    assert!(dba.omim.iter().any(|x| x.id.get() == 620072));
    assert!(dba.inheritance.contains(&Inheritance::AutosomalRecessive));
}

#[test]
fn pearson_syndrome_is_genetic_but_not_inherited() {
    let pearson = Disorder::PearsonSyndrome.info();
    assert_eq!(pearson.origin, Origin::Constitutional);
    assert_eq!(pearson.causes, &[Cause::NewGeneticChange]);
    assert!(pearson.inheritance.contains(&Inheritance::Sporadic));
    assert!(
        !Cause::InheritedGeneDefect
            .disorders()
            .contains(&Disorder::PearsonSyndrome)
    );
    assert_eq!(Origin::Constitutional.key(), "constitutional");
    assert_eq!(Origin::Constitutional as u32, 4);
}

#[test]
fn sideroblastic_anemia_note_names_the_gene_hpo_links() {
    let sa = Disorder::SideroblasticAnemia.info();
    let entry = sa.orpha.iter().find(|x| x.id.get() == 300298).map(|x| x.note);
    let note = entry.flatten().unwrap_or_default();
    assert!(note.contains("STEAP3") && note.contains("OMIM:205950"), "{note}");
}

#[test]
fn mds_with_ring_sideroblasts_has_one_home() {
    let mds = Disorder::MyelodysplasticSyndrome;
    assert_eq!(Disorder::from_orpha(75564), Ok(mds));
    assert_eq!(marrowkb::lookup("RARS"), Ok(mds));
    assert_eq!(marrowkb::lookup("MDS with ring sideroblasts"), Ok(mds));
    assert_eq!(marrowkb::lookup("acquired idiopathic sideroblastic anaemia"), Ok(mds));
    let d46_1 = Disorder::from_icd10("D46.1").unwrap_or_default();
    assert_eq!(d46_1, &[(mds, IcdMatch::Exact)]);
    let sa = Disorder::SideroblasticAnemia.info();
    assert!(
        sa.relations
            .iter()
            .any(|r| r.kind == RelationKind::AssociatedWith && r.target == mds)
    );
}

#[test]
fn barth_syndrome_is_not_filed_as_an_amino_acid_disorder() {
    let barth = Disorder::BarthSyndrome.info();
    assert!(barth.icd10.iter().all(|x| x.code.as_str() != "E71.1"));
    let e88 = barth.icd10.iter().find(|x| x.code.as_str() == "E88.8");
    assert!(e88.is_some_and(
        |x| x.match_kind == IcdMatch::NearestParent && x.note.is_some_and(|n| n.contains("could not be checked"))
    ));
}

#[test]
fn cda_names_its_x_linked_gata1_form() {
    let cda = Disorder::CongenitalDyserythropoieticAnemia.info();
    assert!(cda.inheritance.contains(&Inheritance::XLinkedRecessive));
    assert!(
        cda.relations
            .iter()
            .any(|r| r.kind == RelationKind::AssociatedWith && r.target == Disorder::InheritedThrombocytopenia)
    );
    // The form itself (ORPHA:67044, GATA1) keeps its one home.
    assert_eq!(Disorder::from_orpha(67044), Ok(Disorder::InheritedThrombocytopenia));
}

#[test]
fn sds_marrow_aplasia_is_a_risk_not_the_acquired_disease() {
    let sds = Disorder::ShwachmanDiamondSyndrome.info();
    assert!(sds.relations.iter().all(|r| r.target != Disorder::AplasticAnemia));
    assert!(
        sds.risks
            .iter()
            .any(|r| r.hpo.is_some_and(|h| h.to_string() == "HP:0001915") && r.name.contains("constitutional"))
    );
}

#[test]
fn source_attributions_hold() {
    let cda = Disorder::CongenitalDyserythropoieticAnemia.info();
    let ifn = cda
        .treatments
        .iter()
        .find(|t| t.treatment == marrowkb::Treatment::InterferonAlpha);
    assert!(ifn.is_some_and(|t| t.source == Source::RoyBabbs2019CdaType1));
    let rd = feature(Disorder::ReticularDysgenesis, Symptom::SensorineuralHearingImpairment);
    assert_ne!(
        rd.source,
        Source::Hpo20250116,
        "HPO annotates only HP:0000365 Hearing impairment"
    );
    assert!(rd.note.is_some_and(|n| n.contains("HP:0000365")));
    assert_ne!(marrowkb::Treatment::Pyridoxine.info().source, Source::Omim);
}

/// Every override keeps HPO's class beside its own, with a clinical source and the figure in a note.
#[test]
fn frequency_overrides_keep_hpo_visible() {
    let mut overrides = 0;
    for d in Disorder::ALL {
        for f in d.info().features {
            if let Some(hpo) = f.hpo_frequency {
                overrides += 1;
                assert_ne!(hpo, f.frequency, "{d:?} {:?}", f.symptom);
                assert_ne!(f.source, Source::Hpo20250116, "{d:?} {:?}", f.symptom);
                assert!(f.note.is_some_and(|n| !n.is_empty()), "{d:?} {:?}", f.symptom);
            }
        }
    }
    assert!(overrides >= 20, "{overrides}");
    let fa = Disorder::FanconiAnemia;
    for (symptom, curated) in [
        (Symptom::ShortStature, Frequency::Frequent),
        (Symptom::AbnormalThumbMorphology, Frequency::Frequent),
        (Symptom::RadiusAplasiaHypoplasia, Frequency::Occasional),
        (Symptom::SkinPigmentationAbnormality, Frequency::Frequent),
    ] {
        let f = feature(fa, symptom);
        assert_eq!(
            (f.frequency, f.hpo_frequency),
            (curated, Some(Frequency::VeryFrequent)),
            "{symptom:?}"
        );
    }
    let heart = feature(fa, Symptom::CongenitalHeartDefect);
    assert_eq!(
        (heart.frequency, heart.hpo_frequency),
        (Frequency::Occasional, Some(Frequency::Frequent))
    );
    let sds = feature(Disorder::ShwachmanDiamondSyndrome, Symptom::MetaphysealDysplasia);
    assert_eq!(
        (sds.frequency, sds.hpo_frequency),
        (Frequency::Frequent, Some(Frequency::Occasional))
    );
    let mds = feature(Disorder::MyelodysplasticSyndrome, Symptom::Thrombocytopenia);
    assert_eq!(mds.frequency, Frequency::Frequent);
    assert_eq!(mds.source, Source::AlAmeri2011MdsThrombocytopenia);
}
