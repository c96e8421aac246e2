//! Shared helpers for the workspace tests.

pub mod fuzz_checks;
