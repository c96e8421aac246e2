//! Invariant checks shared by the cargo-fuzz targets in `fuzz/fuzz_targets/` and by their replay in
//! `tests/fuzz_regressions.rs`, so that every corpus and crash input is re-checked by a plain `cargo test`.
//!
//! Each target is one function taking the raw fuzz input: structured targets decode it with
//! [`arbitrary`] themselves (never through `libfuzzer-sys`), so a saved input means the same thing in the
//! fuzzer and in the test. A check panics, with a message naming the input and the broken invariant, when
//! the library misbehaves; "does not crash" is the least of what each one asserts.

pub mod blood_count;
pub mod codes;
pub mod differential;
pub mod ffi;
pub mod lookup;
pub mod seed;

/// A fuzz target's check: panics when an invariant does not hold for this input.
pub type Check = fn(&[u8]);

/// Every target, by the name of its directory under `fuzz/corpus/` and `fuzz/regressions/`.
pub const TARGETS: [(&str, Check); 5] = [
    ("lookup", lookup::check),
    ("codes", codes::check),
    ("blood_count", blood_count::check),
    ("differential", differential::check),
    ("ffi", ffi::check),
];

/// The check of the target named `name`.
pub fn target(name: &str) -> Option<Check> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|(_, check)| *check)
}

/// The texts a byte input stands for: the bytes as UTF-8 when they are, and their lossy decoding (which
/// replaces invalid sequences with U+FFFD) when they are not.
pub(crate) fn texts(data: &[u8]) -> Vec<std::borrow::Cow<'_, str>> {
    match std::str::from_utf8(data) {
        Ok(text) => vec![std::borrow::Cow::Borrowed(text)],
        Err(_) => vec![String::from_utf8_lossy(data)],
    }
}

/// A bug the fuzzers found outside the fuzz harness, reported and not yet fixed.
///
/// While it is open the checks tolerate it (so that fuzzing goes on past it), except under
/// [`strictly`], which `tests/fuzz_regressions.rs` uses to confirm that the reproducer still fails.
#[derive(Debug, Clone, Copy)]
pub struct Finding {
    /// The target whose check finds it.
    pub target: &'static str,
    /// The reproducer's file name in `fuzz/regressions/<target>/`.
    pub reproducer: &'static str,
    /// Where the bug is and what it does.
    pub summary: &'static str,
}

/// The open findings.
pub const OPEN_FINDINGS: &[Finding] = &[
    Finding {
        target: "lookup",
        reproducer: "input-too-long-limit-not-exceeded",
        summary: "crates/marrowkb/src/normalize.rs, Normalized::fill: a text of at most 512 bytes whose normalized \
              form is over 96 bytes fails with TooLong { len: text.len(), max: MAX_INPUT_LEN }, so \
              lookup(\"a\" x 97) is Error::InputTooLong { len: 97, max: 512 }, \"input of 97 bytes is too long \
              (the limit is 512)\": the error names a limit the input is within",
    },
    Finding {
        target: "blood_count",
        reproducer: "red-cell-count-checked-before-reticulocytes",
        summary: "crates/marrowkb/src/blood_count/input.rs, BloodCountBuilder::build: documented to check values in \
              Field order and return the first problem, but it checks the red cell count (Field 9) before the \
              reticulocytes (7) and reticulocyte percentage (8): with reticulocyte_percent(200) and \
              red_cell_count(40) it returns InvalidMeasurement { field: RedCellCount, .. } instead of \
              { field: ReticulocytePercent, .. }",
    },
    Finding {
        target: "ffi",
        reproducer: "blood-count-out-written-on-invalid-enum",
        summary: "bindings/c/src/blood_count.rs, mkb_interpret_blood_count: a measurement unit or sex out of range \
                  (e.g. hemoglobin given with unit 0) returns MKB_INVALID_ENUM but still overwrites *out with an \
                  empty interpretation (error.field 0), against the library's rule that out-pointers are \
                  written only on MKB_OK unless documented (it documents the write for MKB_INVALID_MEASUREMENT \
                  and MKB_INCONSISTENT_MEASUREMENTS only; an out-of-range aplastic_criteria leaves *out alone)",
    },
];

thread_local! {
    static STRICT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with no open finding tolerated.
pub fn strictly<R>(f: impl FnOnce() -> R) -> R {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            STRICT.with(|s| s.set(self.0));
        }
    }
    let _reset = Reset(STRICT.with(|s| s.replace(true)));
    f()
}

/// Whether the open finding with this reproducer is tolerated (everywhere but under [`strictly`]).
pub(crate) fn tolerated(reproducer: &str) -> bool {
    !STRICT.with(std::cell::Cell::get) && OPEN_FINDINGS.iter().any(|f| f.reproducer == reproducer)
}
