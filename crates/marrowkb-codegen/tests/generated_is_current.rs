//! The committed `crates/marrowkb/src/generated/` and `bindings/c/src/generated/` must be exactly what the
//! generator makes now (the chrono-tz pattern: phf_codegen is deterministic, so any difference means stale
//! code).

use marrowkb_codegen::GeneratedFile;
use std::path::Path;

/// `out` holds exactly `files`, each with exactly its contents.
fn assert_current(files: &[GeneratedFile], out: &Path) {
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

#[test]
fn generated_code_matches_the_data() {
    let files = match marrowkb_codegen::generate(&marrowkb_codegen::default_data_dir()) {
        Ok(files) => files,
        Err(err) => panic!("the data files are invalid: {err}"),
    };
    assert_current(&files, &marrowkb_codegen::default_output_dir());
}

#[test]
fn generated_c_code_matches_the_entity_list() {
    assert_current(
        &marrowkb_codegen::generate_c(),
        &marrowkb_codegen::default_c_output_dir(),
    );
}
