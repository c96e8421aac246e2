//! Blood count speed: validation (`build`), interpretation, and the two together, on the documented severe aplastic anaemia example
//! and on a sparse count.
//!
//! `cargo bench --bench blood_count` (add `-- --quick` for a short run).

use criterion::{Criterion, criterion_group, criterion_main};
use marrowkb::blood_count::{
    AgeUnit, AplasticCriteria, BloodCount, BloodCountBuilder, CountUnit, HemoglobinUnit, InterpretOptions, Sex,
};
use std::hint::black_box;

/// `marrowkb cbc --hb 7.2g/dL --anc 0.3 --plt 15 --retic 12 --cellularity 15 --age 34 --sex f`, plus MCV
/// and the other white cells.
fn full() -> BloodCountBuilder {
    BloodCount::builder()
        .hemoglobin(7.2, HemoglobinUnit::GramsPerDeciliter)
        .mcv(101.0)
        .neutrophils(0.3, CountUnit::GigaPerLiter)
        .lymphocytes(900.0, CountUnit::PerMicroliter)
        .monocytes(0.1, CountUnit::GigaPerLiter)
        .platelets(15.0, CountUnit::GigaPerLiter)
        .reticulocytes(12.0, CountUnit::GigaPerLiter)
        .cellularity(15.0)
        .age(34.0, AgeUnit::Years)
        .sex(Sex::Female)
}

/// Only haemoglobin and platelets, no age: most conclusions undetermined.
fn sparse() -> BloodCountBuilder {
    BloodCount::builder()
        .hemoglobin(95.0, HemoglobinUnit::GramsPerLiter)
        .platelets(40.0, CountUnit::GigaPerLiter)
}

fn blood_count(c: &mut Criterion) {
    let Ok(count) = full().build() else {
        return;
    };
    let camitta = InterpretOptions::default();
    let bsh = InterpretOptions {
        aplastic_criteria: AplasticCriteria::Bsh2016Automated,
    };
    let mut group = c.benchmark_group("blood_count");
    group.bench_function("build", |b| b.iter(|| black_box(full()).build()));
    group.bench_function("interpret", |b| {
        b.iter(|| black_box(&count).interpret(black_box(camitta)))
    });
    group.bench_function("interpret_bsh", |b| {
        b.iter(|| black_box(&count).interpret(black_box(bsh)))
    });
    group.bench_function("build_and_interpret", |b| {
        b.iter(|| black_box(full()).build().map(|c| c.interpret(camitta)))
    });
    group.bench_function("build_and_interpret_sparse", |b| {
        b.iter(|| black_box(sparse()).build().map(|c| c.interpret(camitta)))
    });
    group.bench_function("interpret_and_rank", |b| {
        b.iter(|| black_box(&count).interpret(camitta).ranked_fits())
    });
    group.finish();
}

criterion_group!(benches, blood_count);
criterion_main!(benches);
