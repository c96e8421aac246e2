//! Code generated from `crates/marrowkb/data/` by `cargo run -p marrowkb-codegen` (committed, checked fresh
//! by `cargo run -p marrowkb-codegen -- --check`).

pub(crate) mod vocabularies;
