//! HPO look-ups and walks never touch the heap, and a differential allocates only its result's vectors, each
//! once at its final size: a counting global allocator proves both.

use marrowkb::differential::{Query, TermInput};
use marrowkb::hpo::{self, Term};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

// Per thread, so that tests running in parallel do not count each other's allocations.
thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static REALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarding the caller's layout to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the pointer came from `alloc` above with the same layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarding the caller's arguments to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// (allocations, reallocations) made while `f` runs.
fn allocations_during(f: impl FnOnce()) -> (usize, usize) {
    let count = || (ALLOCATIONS.with(Cell::get), REALLOCATIONS.with(Cell::get));
    let before = count();
    f();
    let after = count();
    (after.0 - before.0, after.1 - before.1)
}

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
    assert_eq!(n, (0, 0), "HPO look-ups allocated");
}

#[test]
fn a_differential_allocates_only_its_result() {
    let observed = [
        TermInput::Text("HP:0003974"),
        TermInput::Text("HP:0001873"),
        TermInput::Text("HP:0002817"),
        TermInput::Text("HP:0001875"),
        TermInput::Text("nonsense"),
    ];
    let excluded = [TermInput::Text("HP:0009777")];
    let query = Query::new(&observed).excluding(&excluded).age_of_onset_years(1.0);
    let _ = query.run();
    let (allocations, reallocations) = allocations_during(|| {
        let result = query.run();
        assert!(result.is_ok_and(|r| r.ranking.len() == marrowkb::Disorder::COUNT));
    });
    // ranking, observed, excluded, inputs, matches, absences, missing hallmarks.
    assert!(allocations <= 7, "a differential allocated {allocations} times");
    assert_eq!(reallocations, 0, "a result vector grew after its first allocation");
}
