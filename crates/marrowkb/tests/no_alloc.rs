//! Look-ups never touch the heap: a counting global allocator proves it.

mod counting_alloc;

use counting_alloc::allocations_during;
use marrowkb::{Disorder, Gene, Symptom};

#[test]
fn lookups_do_not_allocate() {
    // Warm up anything lazily initialized by the test harness itself.
    let _ = marrowkb::lookup("FA");
    let n = allocations_during(|| {
        for _ in 0..100 {
            assert!(marrowkb::lookup("Blackfan-Diamond anaemia").is_ok());
            assert!(marrowkb::lookup("fanconi's anémia").is_ok());
            assert!(marrowkb::lookup_exact("nonsense name").is_none());
            assert!(marrowkb::lookup("").is_err());
            assert!(Disorder::from_orpha("ORPHA:84").is_ok());
            assert!(Disorder::from_omim(227650).is_ok());
            assert!(Disorder::from_icd10("D61.0").is_ok());
            assert!(Disorder::from_key("fanconi_anemia").is_ok());
            assert!(Symptom::from_hpo("HP:0001873").is_ok());
            assert!(Gene::from_symbol("rps19").is_ok());
            assert!(marrowkb::disorders_for_gene("FANCA").is_ok());
            assert!(marrowkb::resolve("ORPHA:124").is_ok());
            for d in Disorder::ALL {
                std::hint::black_box(d.info());
                std::hint::black_box(d.genes());
            }
            for s in Symptom::ALL {
                std::hint::black_box(s.disorders());
            }
        }
    })
    .allocations;
    assert_eq!(n, 0, "look-ups allocated {n} times");
}

/// A miss with suggestions builds rapidfuzz's Jaro-Winkler comparator for the input once (its character list
/// and bit masks: two allocations), then compares it with every candidate name without allocating.
#[test]
fn a_miss_with_suggestions_allocates_only_the_comparator() {
    let _ = marrowkb::lookup("fanconni");
    for text in ["fanconni anemai", "hemophilia a", &"x".repeat(90)] {
        let n = allocations_during(|| {
            assert!(marrowkb::lookup(text).is_err());
        })
        .allocations;
        assert!(n <= 2, "{text:?}: {n} allocations");
        let n = allocations_during(|| {
            std::hint::black_box(marrowkb::suggest(text));
        })
        .allocations;
        assert!(n <= 2, "{text:?}: {n} allocations");
    }
}
