//! HPO term look-up by label and synonym (`marrowkb::finding`) against its floor and what a user would
//! hand-write, measured in the same run.
//!
//! `cargo bench --bench hpo_names` (add `-- --quick` for a short run). Baselines:
//! - `floor_raw_phf_of_normalized`: a plain phf map (keys stored, built here with `phf_generator`) over every
//!   normalized label and synonym, probed with already-normalized queries: hash, displacement, compare;
//! - `marrowkb_find_normalized`: marrowkb's own map probed with normalized queries (it stores no keys and
//!   confirms a hit by normalizing the label or synonym the slot names);
//! - `hashmap_lowercase`: a `HashMap<String, Term>` over lower-cased labels and synonyms, queried with
//!   `to_lowercase()` of the input (no folding of punctuation, diacritics or British spelling).

use criterion::{Criterion, criterion_group, criterion_main};
use marrowkb::finding;
use marrowkb::hpo::{self, Term};
use marrowkb::normalize::normalize;
use std::collections::HashMap;
use std::hint::black_box;

/// Labels, clinical and lay synonyms, a British spelling and a diacritic.
const QUERIES: [&str; 8] = [
    "Thrombocytopenia",
    "low platelet count",
    "Absent radius",
    "Neutropaenia",
    "Café-au-lait spots",
    "webbed fingers",
    "Pancytopenia",
    "macrothrombocytopenia",
];

/// Every label and synonym with its term.
fn texts() -> Vec<(&'static str, Term)> {
    hpo::terms()
        .flat_map(|t| core::iter::once((t.name(), t)).chain(t.synonyms().map(move |s| (s.text, t))))
        .collect()
}

/// A plain phf map with stored keys, as `phf_codegen` would build it.
struct RawPhf {
    key: u64,
    disps: Vec<(u32, u32)>,
    slots: Vec<(Vec<u8>, Term)>,
}

impl RawPhf {
    fn new() -> Self {
        let mut entries: HashMap<Vec<u8>, Term> = HashMap::new();
        for (text, t) in texts() {
            if let Ok(n) = normalize(text) {
                entries.entry(n.as_bytes().to_vec()).or_insert(t);
            }
        }
        let entries: Vec<(Vec<u8>, Term)> = entries.into_iter().collect();
        let keys: Vec<&[u8]> = entries.iter().map(|(k, _)| k.as_slice()).collect();
        let state = phf_generator::generate_hash(&keys);
        let slots = state.map.iter().map(|&i| entries[i].clone()).collect();
        RawPhf {
            key: state.key,
            disps: state.disps,
            slots,
        }
    }

    fn get(&self, key: &[u8]) -> Option<Term> {
        let hashes = phf_shared::hash(key, &self.key);
        let index = phf_shared::get_index(&hashes, &self.disps, self.slots.len());
        let (k, t) = self.slots.get(index as usize)?;
        (k.as_slice() == key).then_some(*t)
    }
}

fn names(c: &mut Criterion) {
    let normalized: Vec<String> = QUERIES
        .iter()
        .filter_map(|q| normalize(q).ok().map(|n| n.as_str().to_owned()))
        .collect();
    let raw = RawPhf::new();
    for q in &normalized {
        assert_eq!(raw.get(q.as_bytes()), finding::find_normalized(q), "{q}");
    }
    let map: HashMap<String, Term> = texts().into_iter().map(|(text, t)| (text.to_lowercase(), t)).collect();
    let mut group = c.benchmark_group("hpo_name_lookup_8_queries");
    group.bench_function("floor_raw_phf_of_normalized", |b| {
        b.iter(|| {
            for q in &normalized {
                black_box(raw.get(black_box(q.as_bytes())));
            }
        })
    });
    group.bench_function("marrowkb_find_normalized", |b| {
        b.iter(|| {
            for q in &normalized {
                black_box(finding::find_normalized(black_box(q)));
            }
        })
    });
    group.bench_function("marrowkb_find", |b| {
        b.iter(|| {
            for q in QUERIES {
                black_box(finding::find(black_box(q)).ok());
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
    let mut group = c.benchmark_group("hpo_name_lookup_miss");
    group.bench_function("misspelling_with_suggestions", |b| {
        b.iter(|| finding::find(black_box("thrombocytopaenai")))
    });
    group.bench_function("unknown_without_suggestions", |b| {
        b.iter(|| finding::find_without_suggestions(black_box("thrombocytopaenai")))
    });
    group.finish();
    let mut group = c.benchmark_group("search_hpo_words");
    group.bench_function("low_platelet_count", |b| {
        b.iter(|| marrowkb::search(black_box("low platelet count")))
    });
    group.bench_function("webbed_fingers", |b| {
        b.iter(|| marrowkb::search(black_box("webbed fingers")))
    });
    group.finish();
}

criterion_group!(benches, names);
criterion_main!(benches);
