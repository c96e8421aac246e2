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
pub const OPEN_FINDINGS: &[Finding] = &[];

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
