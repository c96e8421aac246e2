//! The generator rejects bad data with a message naming the file and the record.

use std::path::{Path, PathBuf};

/// Copies the real data folder to a temporary one, applies `edit` to one file, and returns the error text.
fn error_after(file: &str, edit: impl FnOnce(String) -> String) -> String {
    let src = marrowkb_codegen::default_data_dir();
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dst = std::env::temp_dir().join(format!("marrowkb-bad-data-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dst);
    copy_dir(&src, &dst);
    let path = dst.join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    std::fs::write(&path, edit(text)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let result = marrowkb_codegen::generate(&dst);
    let _ = std::fs::remove_dir_all(&dst);
    match result {
        Ok(_) => panic!("the generator accepted a broken {file}"),
        Err(err) => err.to_string(),
    }
}

fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap_or_else(|e| panic!("{}: {e}", dst.display()));
    for entry in std::fs::read_dir(src).unwrap_or_else(|e| panic!("{}: {e}", src.display())) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        let to: PathBuf = dst.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), &to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
        }
    }
}

fn replace_once(text: String, from: &str, to: &str) -> String {
    assert!(text.contains(from), "fixture text {from:?} not found");
    text.replacen(from, to, 1)
}

const FA: &str = "disorders/fanconi_anemia.toml";

#[test]
fn unknown_symptom_reference() {
    let err = error_after(FA, |t| replace_once(t, "symptom = \"", "symptom = \"no_such_symptom_"));
    assert!(
        err.contains("fanconi_anemia") && err.contains("unknown symptom"),
        "{err}"
    );
}

#[test]
fn unknown_relation_target() {
    let err = error_after(FA, |t| {
        t + "\n[[relations]]\nkind = \"subtype_of\"\ntarget = \"no_such_disorder\"\nsource = \"article\"\n"
    });
    assert!(err.contains("unknown relation target"), "{err}");
}

#[test]
fn duplicate_disorder_id() {
    let err = error_after("disorders/diamond_blackfan_anemia.toml", |t| {
        replace_once(t, "id = 6\n", "id = 9\n")
    });
    assert!(err.contains("duplicate id 9"), "{err}");
}

#[test]
fn synonym_shared_by_two_disorders() {
    let err = error_after("disorders/diamond_blackfan_anemia.toml", |t| {
        replace_once(t, "abbreviations = [", "abbreviations = [\"FA\", ")
    });
    assert!(err.contains("is also a name of"), "{err}");
}

#[test]
fn orpha_code_shared_by_two_disorders() {
    let err = error_after("disorders/diamond_blackfan_anemia.toml", |t| {
        t + "\n[[orpha]]\nid = 84\nmatch = \"exact\"\n"
    });
    assert!(err.contains("ORPHA:84 is also an exact or subtype entry"), "{err}");
}

#[test]
fn malformed_hpo_id() {
    let err = error_after("symptoms.toml", |t| replace_once(t, "hpo = [\"HP:", "hpo = [\"HP:x"));
    assert!(err.contains("malformed HPO id"), "{err}");
}

#[test]
fn hpo_id_that_does_not_exist() {
    let err = error_after("symptoms.toml", |t| {
        replace_once(t, "hpo = [\"HP:", "hpo = [\"HP:9999999\", \"HP:")
    });
    assert!(err.contains("does not exist in HPO"), "{err}");
}

#[test]
fn orpha_id_that_does_not_exist() {
    let err = error_after(FA, |t| t + "\n[[orpha]]\nid = 999999\nmatch = \"subtype\"\n");
    assert!(err.contains("ORPHA:999999 does not exist"), "{err}");
}

#[test]
fn malformed_icd10_code() {
    let err = error_after(FA, |t| t + "\n[[icd10]]\ncode = \"D61.00\"\nmatch = \"exact\"\n");
    assert!(err.contains("does not exist in WHO ICD-10 2019"), "{err}");
}

/// Removes every `[[table]]` block of this name.
fn drop_tables(text: String, table: &str) -> String {
    let header = format!("[[{table}]]");
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with('[') {
            skipping = line.trim() == header;
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert_ne!(out, text, "no [[{table}]] found");
    out
}

#[test]
fn disorder_without_treatment() {
    let err = error_after(FA, |t| drop_tables(t, "treatments"));
    assert!(
        err.contains("fanconi_anemia") && err.contains("at least one treatment"),
        "{err}"
    );
}

#[test]
fn disorder_without_feature() {
    let err = error_after(FA, |t| drop_tables(t, "features"));
    assert!(
        err.contains("fanconi_anemia") && err.contains("at least one feature"),
        "{err}"
    );
}

#[test]
fn disorder_without_source() {
    let err = error_after(FA, |t| {
        let start = t.find("\nsources = [").unwrap_or_else(|| panic!("no sources line"));
        let end = start + 1 + t[start + 1..].find(']').unwrap_or(0) + 1;
        format!("{}\nsources = []{}", &t[..start], &t[end..])
    });
    assert!(err.contains("at least one source"), "{err}");
}

#[test]
fn closest_match_without_note() {
    let err = error_after(FA, |t| t + "\n[[omim]]\nid = 609135\nmatch = \"closest\"\n");
    assert!(err.contains("a note must say why"), "{err}");
}

const AA: &str = "disorders/aplastic_anemia.toml";

#[test]
fn frequency_differing_from_hpo_without_hpo_frequency() {
    // ORPHA:88 annotates thrombocytopenia as occasional: a curated very_frequent must say so.
    let err = error_after(AA, |t| replace_once(t, "hpo_frequency = \"occasional\"\n", ""));
    assert!(
        err.contains("aplastic_anemia") && err.contains("differs from HPO 2025-01-16 (occasional)"),
        "{err}"
    );
}

#[test]
fn hpo_frequency_not_what_hpo_says() {
    let err = error_after(AA, |t| {
        replace_once(t, "hpo_frequency = \"occasional\"", "hpo_frequency = \"frequent\"")
    });
    assert!(err.contains("is not what HPO 2025-01-16 gives"), "{err}");
}

#[test]
fn override_without_note_or_clinical_source() {
    let err = error_after(AA, |t| {
        let start = t.find("note = \"HPO (ORPHA:88)").unwrap_or(0);
        let end = start + t[start..].find('\n').unwrap_or(0) + 1;
        format!("{}{}", &t[..start], &t[end..])
    });
    assert!(err.contains("needs a note"), "{err}");
    let err = error_after(AA, |t| {
        replace_once(
            t,
            "source = \"bsh_aplastic_anaemia_2016\"\nnote",
            "source = \"hpo_2025_01_16\"\nnote",
        )
    });
    assert!(err.contains("needs a clinical source"), "{err}");
}

#[test]
fn feature_agreeing_with_hpo_needs_no_override() {
    let err = error_after(AA, |t| {
        replace_once(
            t,
            "symptom = \"anemia\"\nfrequency = \"obligate\"\n",
            "symptom = \"anemia\"\nfrequency = \"obligate\"\nhpo_frequency = \"obligate\"\n",
        )
    });
    assert!(err.contains("hpo_frequency equals frequency"), "{err}");
}

#[test]
fn vocabulary_value_removed_from_the_data_file() {
    // The allowed values of `origin` come from vocabularies.toml: without "both", a disorder using it fails.
    let err = error_after("vocabularies.toml", |t| {
        replace_once(t, "id = 3\nkey = \"both\"\n", "id = 3\nkey = \"both_forms\"\n")
    });
    assert!(err.contains("origin \"both\" is not one of"), "{err}");
}

#[test]
fn vocabulary_ids_must_increase() {
    let err = error_after("vocabularies.toml", |t| {
        replace_once(t, "id = 2\nkey = \"white_cells\"\n", "id = 1\nkey = \"white_cells\"\n")
    });
    assert!(
        err.contains("vocabularies.toml: CellLine.white_cells: ids must increase"),
        "{err}"
    );
}

#[test]
fn malformed_hpo_release() {
    let err = error_after("vocabularies.toml", |t| {
        replace_once(t, "hpo = \"2025-01-16\"", "hpo = \"2025-1-16\"")
    });
    assert!(err.contains("vocabularies.toml: releases: hpo release"), "{err}");
}
