//! Name look-up, suggestions, resolution, search and normalization of arbitrary bytes.
//! The invariants are checked in `marrowkb_workspace::fuzz_checks::lookup`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| marrowkb_workspace::fuzz_checks::lookup::check(data));
