//! Speed of the phenotype differential and of the HPO primitives it stands on.
//!
//! `cargo bench --bench differential` (add `-- --quick` for a short run). Cases:
//! - `differential/{3,10,30}_terms`: a whole differential over the 20 disorders (resolving the ids, scoring,
//!   ranking, the result's allocations), for 3, 10 and 30 observed HPO ids given as text and one excluded;
//! - `differential/{3,10,30}_terms_explained`: the same, then reading the explanations, which are built on
//!   first read (every disorder's matches, absences and missing hallmarks);
//! - `hpo/term_lookup`: `hpo::term("HP:0001873")` (parse + `phf` probe);
//! - `hpo/ancestors_walk`: walking every ancestor of a deep term;
//! - `hpo/is_a`: an `is_a` test that has to walk.

use criterion::{Criterion, criterion_group, criterion_main};
use marrowkb::Disorder;
use marrowkb::differential::{Query, TermInput};
use marrowkb::hpo;
use std::hint::black_box;

/// Findings of several disorders, specific and general, so that every kind of match is exercised.
const TERMS: [&str; 30] = [
    "HP:0003974", // Absent radius
    "HP:0001873", // Thrombocytopenia
    "HP:0001738", // Exocrine pancreatic insufficiency
    "HP:0001875", // Neutropenia
    "HP:0100255", // Metaphyseal dysplasia
    "HP:0004322", // Short stature
    "HP:0000252", // Microcephaly
    "HP:0001172", // Abnormal thumb morphology
    "HP:0008404", // Nail dystrophy
    "HP:0002817", // Abnormality of the upper limb
    "HP:0001903", // Anemia
    "HP:0001896", // Reticulocytopenia
    "HP:0000407", // Sensorineural hearing impairment
    "HP:0001250", // Seizure
    "HP:0001744", // Splenomegaly
    "HP:0001945", // Fever
    "HP:0002719", // Recurrent infections
    "HP:0000978", // Bruising susceptibility
    "HP:0001876", // Pancytopenia
    "HP:0005528", // Bone marrow hypocellularity
    "HP:0002863", // Myelodysplasia
    "HP:0004808", // Acute myeloid leukemia
    "HP:0000568", // Microphthalmia
    "HP:0000175", // Cleft palate
    "HP:0001638", // Cardiomyopathy
    "HP:0003236", // Elevated circulating creatine kinase concentration
    "HP:0000083", // Renal insufficiency
    "HP:0001510", // Growth delay
    "HP:0000964", // Eczematoid dermatitis
    "HP:0001263", // Global developmental delay
];

fn bench_differential(c: &mut Criterion) {
    let inputs: Vec<TermInput<'static>> = TERMS.iter().map(|t| TermInput::Text(t)).collect();
    let excluded = [TermInput::Text("HP:0009777")];
    let mut group = c.benchmark_group("differential");
    for n in [3usize, 10, 30] {
        let observed = &inputs[..n];
        group.bench_function(format!("{n}_terms"), |b| {
            b.iter(|| Query::new(black_box(observed)).excluding(black_box(&excluded)).run())
        });
    }
    for n in [3usize, 10, 30] {
        let observed = &inputs[..n];
        group.bench_function(format!("{n}_terms_explained"), |b| {
            b.iter(|| {
                let result = Query::new(black_box(observed)).excluding(black_box(&excluded)).run();
                // The first read builds every disorder's explanations.
                result.map(|r| r.matches(Disorder::AplasticAnemia).len() + r.missing(Disorder::FanconiAnemia).len())
            })
        });
    }
    group.finish();
}

fn bench_hpo(c: &mut Criterion) {
    let mut group = c.benchmark_group("hpo");
    group.bench_function("term_lookup", |b| b.iter(|| hpo::term(black_box("HP:0001873"))));
    let (Ok(deep), Ok(limb)) = (hpo::term("HP:0009777"), hpo::term("HP:0040064")) else {
        panic!("benchmark terms missing from the ontology")
    };
    group.bench_function("ancestors_walk", |b| b.iter(|| black_box(deep).ancestors().count()));
    group.bench_function("is_a", |b| b.iter(|| black_box(deep).is_a(black_box(limb))));
    group.finish();
}

criterion_group!(benches, bench_differential, bench_hpo);
criterion_main!(benches);
