//! The differential on arbitrary term lists, exclusions, onset, sex, evidence and strictness.
//! The invariants are checked in `marrowkb_workspace::fuzz_checks::differential`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| marrowkb_workspace::fuzz_checks::differential::check(data));
