//! Look-up speed against what a user would use instead, measured in the same run.
//!
//! `cargo bench --bench lookup` (add `-- --quick` for a short run). Baselines:
//! - `floor`: a raw `phf` probe of an already-normalized key (`marrowkb::lookup::lookup_normalized`), and
//!   phf's hash alone over the same keys, to show what the floor is made of;
//! - `hashmap`: what a user would hand-write, a `HashMap<String, Disorder>` over lower-cased names,
//!   queried with `to_lowercase()` of the input.

use criterion::{Criterion, criterion_group, criterion_main};
use marrowkb::{Disorder, Gene, Symptom};
use std::collections::HashMap;
use std::hint::black_box;

/// A realistic mix: exact names, abbreviations, British spellings, punctuation variants.
const QUERIES: [&str; 8] = [
    "Fanconi anemia",
    "DBA",
    "Diamond-Blackfan anaemia",
    "shwachman diamond syndrome",
    "Kostmann disease",
    "dyskeratosis congenita",
    "TAR",
    "Pearson syndrome",
];

fn hand_written_map() -> HashMap<String, Disorder> {
    let mut map = HashMap::new();
    for d in Disorder::ALL {
        let i = d.info();
        for name in [i.name].iter().chain(i.synonyms).chain(i.abbreviations) {
            map.insert(name.to_lowercase(), d);
        }
    }
    map
}

fn names(c: &mut Criterion) {
    let normalized: Vec<String> = QUERIES
        .iter()
        .filter_map(|q| marrowkb::normalize::normalize(q).ok().map(|n| n.as_str().to_owned()))
        .collect();
    let map = hand_written_map();
    let mut group = c.benchmark_group("name_lookup_8_queries");
    group.bench_function("floor_raw_phf_of_normalized", |b| {
        b.iter(|| {
            for q in &normalized {
                black_box(marrowkb::lookup::lookup_normalized(black_box(q)));
            }
        })
    });
    // What the floor is made of: phf's SipHash-1-3 with a 128-bit finish, over the same normalized keys.
    group.bench_function("phf_hash_only_of_normalized", |b| {
        b.iter(|| {
            for q in &normalized {
                black_box(phf_shared::hash(black_box(q.as_bytes()), &16287231350648472473).g);
            }
        })
    });
    group.bench_function("marrowkb_lookup", |b| {
        b.iter(|| {
            for q in QUERIES {
                // Callers match on the result; black-boxing the whole 40-byte `Result` would time a copy
                // no caller makes.
                black_box(marrowkb::lookup(black_box(q)).ok());
            }
        })
    });
    group.bench_function("marrowkb_lookup_exact", |b| {
        b.iter(|| {
            for q in QUERIES {
                black_box(marrowkb::lookup_exact(black_box(q)));
            }
        })
    });
    group.bench_function("normalize_only", |b| {
        let mut n = marrowkb::normalize::Normalized::new();
        b.iter(|| {
            for q in QUERIES {
                let _ = black_box(n.fill(black_box(q)));
            }
        })
    });
    group.bench_function("hashmap_lowercase", |b| {
        b.iter(|| {
            for q in QUERIES {
                black_box(map.get(&black_box(q).to_lowercase()));
            }
        })
    });
    group.finish();
    let mut group = c.benchmark_group("name_lookup_miss");
    group.bench_function("misspelling_with_suggestions", |b| {
        b.iter(|| marrowkb::lookup(black_box("fanconni anemai")))
    });
    // What a user would hand-write: strsim's Jaro-Winkler against every name of 4 letters or more (the same
    // candidates marrowkb considers), best per disorder, top 3.
    let candidates: Vec<(&str, usize)> = marrowkb::lookup::names()
        .filter(|(n, _)| n.len() >= 4)
        .filter_map(|(n, d)| Some((n, Disorder::ALL.iter().position(|x| *x == d)?)))
        .collect();
    group.bench_function("misspelling_hand_written_strsim", |b| {
        b.iter(|| {
            let input = marrowkb::normalize::normalize(black_box("fanconni anemai")).ok()?;
            let mut best = [0.0f64; Disorder::COUNT];
            for (name, i) in &candidates {
                best[*i] = best[*i].max(strsim::jaro_winkler(input.as_str(), name));
            }
            let mut ranked: [usize; Disorder::COUNT] = core::array::from_fn(|i| i);
            ranked.sort_by(|a, b| best[*b].total_cmp(&best[*a]));
            Some(ranked[..3].iter().map(|i| Disorder::ALL[*i]).collect::<Vec<_>>())
        })
    });
    group.bench_function("unknown_with_suggestions", |b| {
        b.iter(|| marrowkb::lookup(black_box("hemophilia a")))
    });
    group.bench_function("unknown_without_suggestions", |b| {
        b.iter(|| marrowkb::lookup_exact(black_box("hemophilia a")))
    });
    group.finish();
}

/// A 1,000-row registry column of one kind: names (with variant spellings and unknowns), codes (ORPHA,
/// OMIM, ICD-10 incl. subcategories through their category, gene symbols) or both mixed with blanks.
fn registry_column(kind: &str) -> Vec<Option<String>> {
    let names = [
        "Fanconi anaemia",
        "DBA",
        "Kostmann disease",
        "SHWACHMAN-DIAMOND SYNDROME",
        "dyskeratosis congenita",
        "aplastic anemia",
        "MDS",
        "Pearson syndrome",
        "fanconni anemia",
        "sickle cell disease",
    ];
    let codes = [
        "ORPHA:84",
        "ORPHA 124",
        "OMIM:227650",
        "MIM #610738",
        "D61.9",
        "D46.9",
        "D61.0",
        "RPS19",
        "HAX1",
        "Z99.9",
    ];
    (0..1000)
        .map(|i| {
            let pick = |list: &[&str]| Some(list[(i * 7) % list.len()].to_owned());
            match kind {
                "names" => pick(&names),
                "codes" => pick(&codes),
                _ => match i % 5 {
                    0 | 1 => pick(&names),
                    2 | 3 => pick(&codes),
                    _ => None,
                },
            }
        })
        .collect()
}

fn batches(c: &mut Criterion) {
    let mut group = c.benchmark_group("resolve_many_1000_rows");
    for kind in ["names", "codes", "mixed"] {
        let column = registry_column(kind);
        group.throughput(criterion::Throughput::Elements(column.len() as u64));
        group.bench_function(kind, |b| {
            b.iter(|| marrowkb::resolution::resolve_many(column.iter().map(|c| c.as_deref()), false))
        });
    }
    group.finish();
}

fn codes(c: &mut Criterion) {
    let mut group = c.benchmark_group("code_lookup");
    group.bench_function("orpha", |b| b.iter(|| Disorder::from_orpha(black_box("ORPHA:84"))));
    group.bench_function("omim", |b| b.iter(|| Disorder::from_omim(black_box("OMIM:105650"))));
    group.bench_function("icd10", |b| b.iter(|| Disorder::from_icd10(black_box("D61.0"))));
    group.bench_function("gene", |b| b.iter(|| marrowkb::disorders_for_gene(black_box("RPS19"))));
    group.bench_function("hpo_symptom", |b| b.iter(|| Symptom::from_hpo(black_box("HP:0001873"))));
    group.bench_function("symptom_to_disorders", |b| {
        b.iter(|| {
            for s in Symptom::ALL {
                black_box(black_box(s).disorders());
            }
        })
    });
    group.bench_function("gene_from_symbol", |b| b.iter(|| Gene::from_symbol(black_box("fanca"))));
    group.finish();
    let mut group = c.benchmark_group("search");
    group.bench_function("symptom_words", |b| {
        b.iter(|| marrowkb::search(black_box("neutropenia")))
    });
    group.bench_function("abbreviation", |b| b.iter(|| marrowkb::search(black_box("DBA"))));
    group.finish();
}

criterion_group!(benches, names, codes, batches);
criterion_main!(benches);
