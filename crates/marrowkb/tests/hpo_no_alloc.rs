//! HPO look-ups and walks never touch the heap, and a differential allocates only its result's vectors, each
//! once at its final size: a counting global allocator proves both.

use marrowkb::differential::{Query, TermInput};
use marrowkb::hpo::{self, Term};

mod counting_alloc;

use counting_alloc::{Counts, allocations_during};

#[test]
fn hpo_lookups_and_walks_do_not_allocate() {
    let _ = hpo::term("HP:0001873");
    let n = allocations_during(|| {
        for _ in 0..100 {
            let t = hpo::term("HP:0003974").unwrap_or(Term::ROOT);
            assert!(hpo::term("0001873").is_ok());
            assert!(hpo::term(1873).is_ok());
            assert!(hpo::resolve("HP:0000004").is_ok());
            assert!(hpo::term("HP:xyz").is_err());
            assert!(hpo::term(9_999_999).is_err());
            assert!(t.ancestors().count() > 5);
            assert!(t.is_a(Term::PHENOTYPIC_ABNORMALITY));
            assert!(!t.name().is_empty());
            std::hint::black_box((t.parents().count(), t.information_content(), t.background_share()));
        }
        assert_eq!(hpo::terms().count(), hpo::TERM_COUNT);
    });
    assert_eq!(
        n,
        Counts {
            allocations: 0,
            reallocations: 0
        },
        "HPO look-ups allocated"
    );
}

#[test]
fn finding_lookups_that_hit_do_not_allocate() {
    use marrowkb::finding;
    let _ = finding::find("low platelet count");
    let n = allocations_during(|| {
        for _ in 0..100 {
            assert!(finding::find("Thrombocytopenia").is_ok());
            assert!(finding::find("THROMBOCYTOPAENIA").is_ok());
            assert!(finding::find("low platelet count").is_ok());
            assert!(finding::find("Café-au-lait spots").is_ok());
            assert!(finding::find("nosebleeds").is_ok()); // a marrowkb symptom's plain name
            assert!(finding::find("HP:0001873").is_ok());
            assert!(finding::find("HP:0000004").is_ok()); // an alternative id
            assert!(finding::find("ASD").is_err()); // ambiguous: reported without allocating
            assert!(finding::find("HP:xyz").is_err());
            assert!(finding::find_exact("thrombocytopaenai").is_none()); // a miss without suggestions
            assert!(marrowkb::Symptom::find("easy bruising").is_ok()); // a symptom by its term's lay synonym
            let t = finding::term("webbed fingers").unwrap_or(Term::ROOT);
            std::hint::black_box((t.synonyms().count(), t.lay_name(), t.lay_names().count()));
        }
    });
    assert_eq!(
        n,
        Counts {
            allocations: 0,
            reallocations: 0
        },
        "finding look-ups allocated"
    );
}

#[test]
fn a_differential_allocates_only_its_result() {
    let observed = [
        TermInput::Text("HP:0003974"),
        TermInput::Text("HP:0001873"),
        TermInput::Text("HP:0002817"),
        TermInput::Text("HP:0001875"),
        TermInput::Text("HP:nonsense"),
        TermInput::Text("low platelet count"),
        TermInput::Text("Absent radius"),
    ];
    let excluded = [TermInput::Text("HP:0009777")];
    let query = Query::new(&observed).excluding(&excluded).age_of_onset_years(1.0);
    let _ = query.run();
    let Counts {
        allocations,
        reallocations,
    } = allocations_during(|| {
        let result = query.run();
        assert!(result.is_ok_and(|r| r.ranking.len() == marrowkb::Disorder::COUNT));
    });
    // ranking, observed, excluded, inputs, matches, absences, missing hallmarks.
    assert!(allocations <= 7, "a differential allocated {allocations} times");
    assert_eq!(reallocations, 0, "a result vector grew after its first allocation");
}
