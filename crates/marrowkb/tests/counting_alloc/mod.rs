//! A counting global allocator for the no-allocation tests: every test binary that declares
//! `mod counting_alloc;` counts its allocations here. Counts are per thread, so tests running in parallel do
//! not count each other's.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static REALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards every call to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: allocations during thread teardown, after the counter is gone, are not counted.
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: forwarding the caller's layout to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the pointer came from `alloc` above with the same layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = REALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: forwarding the caller's arguments to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What this thread allocated while a closure ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Fresh allocations.
    pub allocations: usize,
    /// Reallocations (a vector that grew).
    pub reallocations: usize,
}

/// Runs `f` and returns what this thread allocated meanwhile.
pub fn allocations_during(f: impl FnOnce()) -> Counts {
    let count = || (ALLOCATIONS.with(Cell::get), REALLOCATIONS.with(Cell::get));
    let before = count();
    f();
    let after = count();
    Counts {
        allocations: after.0 - before.0,
        reallocations: after.1 - before.1,
    }
}
