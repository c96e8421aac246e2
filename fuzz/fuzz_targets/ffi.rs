//! The C entry points driven like C drives them: arbitrary bytes, NULLs, bad lengths, small buffers.
//! The invariants are checked in `marrowkb_workspace::fuzz_checks::ffi`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| marrowkb_workspace::fuzz_checks::ffi::check(data));
