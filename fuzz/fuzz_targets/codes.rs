//! The HPO, ORPHA, OMIM and ICD-10 parsers, look-ups by identifier, gene symbols and HPO terms.
//! The invariants are checked in `marrowkb_workspace::fuzz_checks::codes`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| marrowkb_workspace::fuzz_checks::codes::check(data));
