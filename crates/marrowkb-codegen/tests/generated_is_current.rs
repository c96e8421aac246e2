//! The committed `crates/marrowkb/src/generated/` and `bindings/c/src/generated/` must be exactly what the
//! generator makes from the data files now (the chrono-tz pattern: phf_codegen is deterministic, so any
//! difference means stale code).

use marrowkb_codegen::{GeneratedFile, Target};
use std::path::Path;

/// `out` holds exactly the `files` of `target`, each with exactly its contents.
fn assert_current(files: &[GeneratedFile], target: Target, out: &Path) {
    let files: Vec<&GeneratedFile> = files.iter().filter(|f| f.target == target).collect();
    assert!(!files.is_empty(), "the generator makes nothing for {}", out.display());
    let stale: Vec<_> = files
        .iter()
        .filter(|f| std::fs::read_to_string(out.join(&f.name)).unwrap_or_default() != f.contents)
        .map(|f| f.name.clone())
        .collect();
    assert!(
        stale.is_empty(),
        "stale generated files in {} (run `cargo run -p marrowkb-codegen`): {stale:?}",
        out.display()
    );
    let mut expected: Vec<_> = files.iter().map(|f| f.name.clone()).collect();
    expected.sort();
    let mut present: Vec<_> = std::fs::read_dir(out)
        .map(|dir| dir.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    present.sort();
    assert_eq!(
        present,
        expected,
        "{} holds files the generator does not make",
        out.display()
    );
}

fn generated() -> Vec<GeneratedFile> {
    match marrowkb_codegen::generate(&marrowkb_codegen::default_data_dir()) {
        Ok(files) => files,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn generated_core_code_matches_the_data() {
    assert_current(&generated(), Target::Core, &marrowkb_codegen::default_output_dir());
}

#[test]
fn generated_c_code_matches_the_data_and_the_entity_list() {
    assert_current(
        &generated(),
        Target::CBinding,
        &marrowkb_codegen::default_c_output_dir(),
    );
}
