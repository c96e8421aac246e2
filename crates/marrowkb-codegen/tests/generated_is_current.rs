//! The committed `crates/marrowkb/src/generated/` and `bindings/c/src/generated/vocabularies.rs` must be exactly what the generator makes from the data
//! files now (the chrono-tz pattern: phf_codegen is deterministic, so any difference means stale code).

#[test]
fn generated_code_matches_the_data() {
    let files = match marrowkb_codegen::generate(&marrowkb_codegen::default_data_dir()) {
        Ok(files) => files,
        Err(err) => panic!("the data files are invalid: {err}"),
    };
    let out = marrowkb_codegen::default_output_dir();
    let mut stale = Vec::new();
    for file in &files {
        let dir = match file.target {
            marrowkb_codegen::Target::Core => out.clone(),
            marrowkb_codegen::Target::CBinding => marrowkb_codegen::default_c_output_dir(),
        };
        let committed = std::fs::read_to_string(dir.join(&file.name)).unwrap_or_default();
        if committed != file.contents {
            stale.push(file.name.clone());
        }
    }
    let mut expected: Vec<_> = files
        .iter()
        .filter(|f| f.target == marrowkb_codegen::Target::Core)
        .map(|f| f.name.clone())
        .collect();
    expected.sort();
    let mut present: Vec<_> = std::fs::read_dir(&out)
        .map(|dir| dir.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    present.sort();
    assert!(
        stale.is_empty(),
        "stale generated files (run `cargo run -p marrowkb-codegen`): {stale:?}"
    );
    assert_eq!(present, expected, "generated/ holds files the generator does not make");
}
