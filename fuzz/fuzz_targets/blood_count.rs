//! Building a blood count from arbitrary numbers, units and sexes, and interpreting it.
//! The invariants are checked in `marrowkb_workspace::fuzz_checks::blood_count`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| marrowkb_workspace::fuzz_checks::blood_count::check(data));
