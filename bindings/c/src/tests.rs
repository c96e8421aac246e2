//! Rust-side checks of the C API: the boundary macro is used by every export, the committed header
//! carries the core's discriminants, and the records say what the core says.

use super::*;
use crate::records::tables;
use crate::vocabulary::Vocabulary;
use core::ffi::CStr;
use marrowkb::{Cause, DiagnosticTest, Disorder, Gene, Source, Symptom, Treatment};
use std::collections::{BTreeMap, HashMap};

/// Every source file of the crate (with `generated/`), read when the test runs: a new file cannot be left
/// out of the checks.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, prefix: &str, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display())).path();
            let name = format!(
                "{prefix}{}",
                path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
            );
            if path.is_dir() {
                walk(&path, &format!("{name}/"), out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push((name, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        "",
        &mut out,
    );
    out.sort();
    out
}

fn header() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../include/marrowkb.h");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn c(ptr: *const core::ffi::c_char) -> &'static str {
    assert!(!ptr.is_null());
    // SAFETY: the library only hands out NUL-terminated strings that live forever.
    unsafe { CStr::from_ptr(ptr) }.to_str().unwrap()
}

#[test]
fn every_export_goes_through_the_boundary_macro() {
    let mut exports = 0;
    let mut files_with_exports = Vec::new();
    for (file, source) in sources() {
        // The marker is split so this test does not find itself.
        let marker = concat!("extern ", "\"C\" fn ");
        for (at, _) in source.match_indices(marker) {
            let before = &source[..at];
            let attribute = before.rfind("#[unsafe(no_mangle)]").unwrap_or(0);
            assert!(
                before[attribute..].lines().count() <= 2 && attribute > 0,
                "{file}: an extern \"C\" fn without #[unsafe(no_mangle)] right above it"
            );
            let body = &source[at..];
            let open = body.find('{').unwrap();
            let name = body[marker.len()..].split('(').next().unwrap();
            assert!(name.starts_with("mkb_"), "{file}: export {name} lacks the mkb_ prefix");
            assert!(
                body[open + 1..].trim_start().starts_with("ffi_boundary!("),
                "{file}: {name} does not start with ffi_boundary!"
            );
            exports += 1;
            if !files_with_exports.contains(&file) {
                files_with_exports.push(file.clone());
            }
        }
    }
    assert!(exports > 50, "found only {exports} exports");
    // The files the fixed list of an earlier version of this test left out are checked too.
    for file in [
        "blood_count.rs",
        "differential.rs",
        "hpo.rs",
        "vocabulary.rs",
        "resolution.rs",
        "generated/entities.rs",
    ] {
        assert!(
            files_with_exports.iter().any(|f| f == file),
            "{file} has no checked export"
        );
    }
}

/// `(C enum name, [(value, normalized variant name)])` for every enum in the header.
fn header_enums(header: &str) -> BTreeMap<String, Vec<(u32, String)>> {
    let mut enums = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in header.lines() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix("enum ") {
            current = Some(name.trim().to_owned());
            enums.insert(name.trim().to_owned(), Vec::new());
        } else if line.starts_with("};") {
            current = None;
        } else if let (Some(name), Some((variant, value))) = (&current, line.split_once(" = "))
            && variant.starts_with("MKB_")
        {
            let value: u32 = value.trim_end_matches(',').parse().unwrap();
            enums.get_mut(name).unwrap().push((value, variant.to_owned()));
        }
    }
    enums
}

/// `MKB_DISORDER_GATA2_DEFICIENCY` and `gata2_deficiency` both become `gata2deficiency`.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

fn check_enum(enums: &BTreeMap<String, Vec<(u32, String)>>, c_name: &str, prefix: &str, values: &[(u32, &str)]) {
    let variants = enums
        .get(c_name)
        .unwrap_or_else(|| panic!("enum {c_name} missing from the header"));
    let header: HashMap<String, u32> = variants
        .iter()
        .map(|(value, variant)| {
            let rest = variant
                .strip_prefix(prefix)
                .unwrap_or_else(|| panic!("{variant} lacks the prefix {prefix}"));
            (fold(rest), *value)
        })
        .collect();
    assert_eq!(
        header.len(),
        values.len(),
        "{c_name}: the header has another number of values than the core"
    );
    for (value, key) in values {
        assert_eq!(
            header.get(&fold(key)),
            Some(value),
            "{c_name}: value of {key} differs from the core's"
        );
    }
}

#[test]
fn header_enum_values_are_the_core_discriminants() {
    let enums = header_enums(&header());
    macro_rules! knowledge {
        ($ty:ident, $c:literal, $prefix:literal) => {
            let values: Vec<(u32, &str)> = $ty::ALL.iter().map(|v| (v.discriminant(), v.key())).collect();
            check_enum(&enums, $c, $prefix, &values);
        };
    }
    knowledge!(Disorder, "MkbDisorder", "MKB_DISORDER_");
    knowledge!(Symptom, "MkbSymptom", "MKB_SYMPTOM_");
    knowledge!(Treatment, "MkbTreatment", "MKB_TREATMENT_");
    knowledge!(Cause, "MkbCause", "MKB_CAUSE_");
    knowledge!(DiagnosticTest, "MkbDiagnosticTest", "MKB_DIAGNOSTIC_TEST_");
    knowledge!(Source, "MkbSource", "MKB_SOURCE_");
    // Every vocabulary (classes, blood count, differential, HPO, search): the header's enum of the same
    // name holds exactly the values and keys `mkb_vocabulary_*` lists, and those come from the core.
    for vocabulary in Vocabulary::ALL {
        let name = format!("{vocabulary:?}");
        let mut prefix = String::from("MKB_");
        for (i, ch) in name.chars().enumerate() {
            if ch.is_ascii_uppercase() && i > 0 {
                prefix.push('_');
            }
            prefix.push(ch.to_ascii_uppercase());
        }
        prefix.push('_');
        let values: Vec<(u32, &str)> = crate::vocabulary::vocabulary(vocabulary as u32)
            .unwrap()
            .iter()
            .collect();
        if name.ends_with("Unit") {
            // Unit keys are abbreviations (`g_per_dl` for GRAMS_PER_DECILITER): compare the values only.
            let header: Vec<u32> = enums[&format!("Mkb{name}")].iter().map(|(v, _)| *v).collect();
            assert_eq!(header, values.iter().map(|(v, _)| *v).collect::<Vec<_>>(), "{name}");
            continue;
        }
        check_enum(&enums, &format!("Mkb{name}"), &prefix, &values);
    }
    let statuses: Vec<(u32, String)> = Status::ALL
        .iter()
        .map(|s| (*s as u32, format!("{s:?}").trim_start_matches("Mkb").to_owned()))
        .collect();
    let statuses: Vec<(u32, &str)> = statuses.iter().map(|(v, k)| (*v, k.as_str())).collect();
    check_enum(&enums, "MkbStatus", "MKB_", &statuses);
}

#[test]
fn vocabularies_come_from_the_core() {
    use crate::vocabulary::vocabulary;
    macro_rules! same {
        ($v:ident, $($core:ident)::+) => {
            let ours: Vec<(u32, &str)> = vocabulary(Vocabulary::$v as u32).unwrap().iter().collect();
            let core: Vec<(u32, &str)> = $($core)::+::ALL.iter().map(|v| (*v as u32, v.key())).collect();
            assert_eq!(ours, core, stringify!($v));
        };
    }
    same!(Origin, marrowkb::classes::Origin);
    same!(BodySystem, marrowkb::classes::BodySystem);
    same!(Cytopenia, marrowkb::blood_count::Cytopenia);
    same!(Unit, marrowkb::blood_count::Unit);
    same!(PatientSex, marrowkb::blood_count::Sex);
    assert!(vocabulary(0).is_err() && vocabulary(Vocabulary::ALL.len() as u32 + 1).is_err());
    for (i, v) in Vocabulary::ALL.iter().enumerate() {
        assert_eq!(*v as usize, i + 1);
    }
}

#[test]
fn header_has_no_stray_items() {
    // An opaque type or a constant cbindgen cannot print means a core item leaked in through parse_deps:
    // add it to `[export] exclude` in cbindgen.toml.
    let header = header();
    for line in header.lines() {
        let words: Vec<&str> = line.trim_end_matches(';').split_whitespace().collect();
        assert!(
            !(words.len() == 4 && words[0] == "typedef" && words[1] == "struct" && words[2] == words[3]),
            "opaque type in the header: {line}"
        );
    }
    assert!(!header.contains("\n\n\n"), "empty items (blank lines) in the header");
}

#[test]
fn status_numbers_are_fixed() {
    // Never renumber or reuse a status: append new ones.
    let numbers: Vec<(u32, &str)> = Status::ALL
        .iter()
        .map(|s| (*s as u32, c(s.message().as_ptr())))
        .collect();
    assert_eq!(numbers.len(), 17);
    for (i, (number, message)) in numbers.iter().enumerate() {
        assert_eq!(*number as usize, i);
        assert!(!message.is_empty());
    }
    assert_eq!(Status::MkbNotFound as u32, 1);
    assert_eq!(Status::MkbPanic as u32, 11);
    assert_eq!(Status::MkbInconsistentMeasurements as u32, 14);
    assert_eq!(Status::MkbAmbiguous as u32, 15);
    assert_eq!(Status::MkbInvalidPhenopacket as u32, 16);
    assert_eq!(c(mkb_status_message(17)), "unknown status");
    assert_eq!(c(mkb_status_message(u32::MAX)), "unknown status");
}

#[test]
fn version_macros_match_the_package_and_the_header() {
    assert_eq!(
        c(mkb_version()),
        format!("{VERSION_MAJOR}.{VERSION_MINOR}.{VERSION_PATCH}")
    );
    assert_eq!(c(mkb_version()), marrowkb::VERSION);
    let header = header();
    for (name, value) in [
        ("MKB_VERSION_MAJOR", VERSION_MAJOR),
        ("MKB_VERSION_MINOR", VERSION_MINOR),
        ("MKB_VERSION_PATCH", VERSION_PATCH),
    ] {
        assert!(
            header.contains(&format!("#define {name} {value}\n")),
            "{name} in the header is not {value}"
        );
    }
    assert!(header.contains("#define MKB_NUL_TERMINATED SIZE_MAX\n"));
    assert_eq!(crate::boundary::NUL_TERMINATED, usize::MAX);
    assert_eq!(c(mkb_data_version()), marrowkb::DATA_VERSION);
}

#[test]
fn no_disorder_is_not_a_discriminant() {
    assert!(Disorder::from_discriminant(NO_DISORDER).is_err());
}

#[test]
fn gene_handles_are_ascending() {
    let genes: Vec<Gene> = Gene::all().collect();
    assert!(genes.windows(2).all(|w| w[0] < w[1]));
    for gene in Gene::all() {
        assert_eq!(c(tables().gene(gene).unwrap().symbol), gene.symbol());
    }
}

fn list<T: Copy>(ptr: *const T, len: usize) -> Vec<T> {
    assert!(!ptr.is_null());
    // SAFETY: the records point at arrays of exactly `len` items in static memory.
    unsafe { core::slice::from_raw_parts(ptr, len) }.to_vec()
}

fn strings(ptr: *const *const core::ffi::c_char, len: usize) -> Vec<&'static str> {
    list(ptr, len).into_iter().map(c).collect()
}

#[test]
fn disorder_records_say_what_the_core_says() {
    for &d in &Disorder::ALL {
        let info = d.info();
        let r = tables().disorders.get(d.discriminant()).unwrap();
        disorder_fields_agree(d, r, info);
        disorder_codes_agree(r, info);
        disorder_links_agree(r, info);
    }
}

/// The record's own fields: id, key, names, description, classes and relations.
fn disorder_fields_agree(d: Disorder, r: &DisorderRecord, info: &marrowkb::disorder::DisorderInfo) {
    assert_eq!(r.disorder, d);
    assert_eq!(r.id, info.id);
    assert_eq!(c(r.key), info.key);
    assert_eq!(c(r.name), info.name);
    assert_eq!(strings(r.synonyms, r.synonyms_len), info.synonyms);
    assert_eq!(strings(r.abbreviations, r.abbreviations_len), info.abbreviations);
    assert_eq!(c(r.description), info.description);
    assert_eq!((!r.summary.is_null()).then(|| c(r.summary)), info.summary);
    assert_eq!(r.origin as u32, info.origin as u32);
    assert_eq!(r.neoplasm, info.neoplasm);
    let as_u32 = |v: Vec<u32>| v;
    assert_eq!(
        as_u32(list(r.cell_lines.cast::<u32>(), r.cell_lines_len)),
        info.cell_lines.iter().map(|v| *v as u32).collect::<Vec<_>>()
    );
    assert_eq!(
        list(r.inheritance.cast::<u32>(), r.inheritance_len),
        info.inheritance.iter().map(|v| *v as u32).collect::<Vec<_>>()
    );
    assert_eq!(
        list(r.onset.cast::<u32>(), r.onset_len),
        info.onset.iter().map(|v| *v as u32).collect::<Vec<_>>()
    );
    let relations = list(r.relations, r.relations_len);
    assert_eq!(relations.len(), info.relations.len());
    for (a, b) in relations.iter().zip(info.relations) {
        assert_eq!((a.kind as u32, a.target, a.source), (b.kind as u32, b.target, b.source));
    }
}

/// The ORPHA, OMIM and ICD-10 cross-references.
fn disorder_codes_agree(r: &DisorderRecord, info: &marrowkb::disorder::DisorderInfo) {
    for (mine, core) in [(list(r.orpha, r.orpha_len), 0), (list(r.omim, r.omim_len), 1)] {
        let theirs: Vec<(u32, String, &str, u32, Option<&str>)> = if core == 0 {
            info.orpha
                .iter()
                .map(|x| (x.id.get(), x.id.to_string(), x.name, x.match_kind as u32, x.note))
                .collect()
        } else {
            info.omim
                .iter()
                .map(|x| (x.id.get(), x.id.to_string(), x.name, x.match_kind as u32, x.note))
                .collect()
        };
        let mine: Vec<(u32, String, &str, u32, Option<&str>)> = mine
            .iter()
            .map(|x| {
                (
                    x.id,
                    c(x.curie).to_owned(),
                    c(x.name),
                    x.match_kind as u32,
                    (!x.note.is_null()).then(|| c(x.note)),
                )
            })
            .collect();
        assert_eq!(mine, theirs);
    }
    let icd: Vec<_> = list(r.icd10, r.icd10_len)
        .iter()
        .map(|x| {
            (
                c(x.code),
                c(x.title),
                x.match_kind as u32,
                (!x.note.is_null()).then(|| c(x.note)),
            )
        })
        .collect();
    let core_icd: Vec<_> = info
        .icd10
        .iter()
        .map(|x| (x.code_str(), x.title, x.match_kind as u32, x.note))
        .collect();
    assert_eq!(icd, core_icd);
}

/// The genes, features, treatments, tests, causes, risks and sources.
fn disorder_links_agree(r: &DisorderRecord, info: &marrowkb::disorder::DisorderInfo) {
    let genes: Vec<_> = list(r.genes, r.genes_len)
        .iter()
        .map(|g| (c(g.symbol), g.ncbi_gene_id, list(g.disorders, g.disorders_len)))
        .collect();
    let core_genes: Vec<_> = info
        .genes
        .iter()
        .map(|g| (g.symbol(), g.ncbi_gene_id(), g.disorders().to_vec()))
        .collect();
    assert_eq!(genes, core_genes);
    let features: Vec<_> = list(r.features, r.features_len)
        .iter()
        .map(|f| {
            let hpo = f.has_hpo_frequency.then_some(f.hpo_frequency as u32);
            let note = (!f.note.is_null()).then(|| c(f.note));
            (f.symptom, f.frequency as u32, f.source, hpo, note)
        })
        .collect();
    let core_features: Vec<_> = info
        .features
        .iter()
        .map(|f| {
            let hpo = f.hpo_frequency.map(|h| h as u32);
            (f.symptom, f.frequency as u32, f.source, hpo, f.note)
        })
        .collect();
    assert_eq!(features, core_features);
    let treatments: Vec<_> = list(r.treatments, r.treatments_len)
        .iter()
        .map(|t| (t.treatment, t.role as u32, t.source))
        .collect();
    let core_treatments: Vec<_> = info
        .treatments
        .iter()
        .map(|t| (t.treatment, t.role as u32, t.source))
        .collect();
    assert_eq!(treatments, core_treatments);
    assert_eq!(list(r.tests, r.tests_len), info.tests);
    assert_eq!(list(r.causes, r.causes_len), info.causes);
    let risks: Vec<_> = list(r.risks, r.risks_len)
        .iter()
        .map(|x| {
            (
                c(x.name),
                x.hpo,
                (!x.hpo_curie.is_null()).then(|| c(x.hpo_curie).to_owned()),
                x.source,
            )
        })
        .collect();
    let core_risks: Vec<_> = info
        .risks
        .iter()
        .map(|x| {
            (
                x.name,
                x.hpo.map_or(0, |h| h.get()),
                x.hpo.map(|h| h.to_string()),
                x.source,
            )
        })
        .collect();
    assert_eq!(risks, core_risks);
    assert_eq!(list(r.sources, r.sources_len), info.sources);
}

#[test]
fn vocabulary_records_say_what_the_core_says() {
    for &s in &Symptom::ALL {
        let (info, r) = (s.info(), tables().symptoms.get(s.discriminant()).unwrap());
        assert_eq!(
            (r.symptom, r.id, c(r.key), c(r.name), c(r.plain)),
            (s, info.id, info.key, info.name, info.plain)
        );
        assert_eq!(
            list(r.hpo, r.hpo_len),
            info.hpo.iter().map(|h| h.get()).collect::<Vec<_>>()
        );
        assert_eq!(
            strings(r.hpo_curies, r.hpo_len),
            info.hpo.iter().map(|h| h.to_string()).collect::<Vec<_>>()
        );
        assert_eq!(r.system as u32, info.system as u32);
        assert_eq!((!r.article.is_null()).then(|| c(r.article)), info.article);
        assert_eq!(list(r.disorders, r.disorders_len), info.disorders);
    }
    for &t in &Treatment::ALL {
        let (info, r) = (t.info(), tables().treatments.get(t.discriminant()).unwrap());
        assert_eq!(
            (r.treatment, r.id, c(r.key), c(r.name), c(r.description)),
            (t, info.id, info.key, info.name, info.description)
        );
        assert_eq!(
            (r.kind as u32, r.article, r.source),
            (info.kind as u32, info.article, info.source)
        );
        assert_eq!(list(r.disorders, r.disorders_len), info.disorders);
    }
    for &x in &Cause::ALL {
        let (info, r) = (x.info(), tables().causes.get(x.discriminant()).unwrap());
        assert_eq!(
            (r.cause, r.id, c(r.key), c(r.name), c(r.description), r.source),
            (x, info.id, info.key, info.name, info.description, info.source)
        );
        assert_eq!(list(r.disorders, r.disorders_len), info.disorders);
    }
    for &x in &DiagnosticTest::ALL {
        let (info, r) = (x.info(), tables().diagnostic_tests.get(x.discriminant()).unwrap());
        assert_eq!(
            (r.test, r.id, c(r.key), c(r.name), c(r.description)),
            (x, info.id, info.key, info.name, info.description)
        );
        assert_eq!((r.article, r.source), (info.article, info.source));
        assert_eq!(list(r.disorders, r.disorders_len), info.disorders);
    }
    for &x in &Source::ALL {
        let (info, r) = (x.info(), tables().sources.get(x.discriminant()).unwrap());
        assert_eq!(
            (r.source, r.id, c(r.key), c(r.name), c(r.title), c(r.publisher)),
            (x, info.id, info.key, info.name, info.title, info.publisher)
        );
        assert_eq!(r.year, info.year.unwrap_or(0));
        assert_eq!((!r.url.is_null()).then(|| c(r.url)), info.url);
        assert_eq!((!r.licence.is_null()).then(|| c(r.licence)), info.licence);
    }
    assert!(tables().disorders.get(0).is_none());
    assert!(tables().disorders.get(u32::MAX).is_none());
}

#[test]
fn search_results_use_prebuilt_strings() {
    let mut queries: Vec<String> = Vec::new();
    for &d in &Disorder::ALL {
        let info = d.info();
        queries.push(info.name.to_owned());
        queries.extend(info.abbreviations.iter().map(|s| s.to_string()));
        queries.extend(info.orpha.iter().map(|x| x.id.to_string()));
        queries.extend(info.omim.iter().map(|x| x.id.to_string()));
        queries.extend(info.icd10.iter().map(|x| x.code_str().to_owned()));
    }
    queries.extend(Gene::all().map(|g| g.symbol().to_owned()));
    queries.extend(Symptom::ALL.iter().map(|s| s.name().to_owned()));
    // Words that reach symptoms through HPO's labels and synonyms.
    queries.extend(["low platelet count", "nosebleeds", "webbed fingers"].map(String::from));
    let strings = &tables().strings;
    let mut hits = 0;
    for query in &queries {
        for hit in marrowkb::search(query).unwrap() {
            let found = strings.binary_search_by(|(s, _)| s.cmp(&hit.matched)).is_ok();
            assert!(found, "{query}: {} is not prebuilt", hit.matched);
            hits += 1;
        }
    }
    assert!(hits > queries.len());
}

#[test]
fn the_boundary_turns_panics_and_nulls_into_statuses() {
    use crate::boundary::ffi_boundary;
    let panicking = || -> Status { ffi_boundary!(nonnull() { panic!("a bug") }) };
    assert_eq!(panicking(), Status::MkbPanic);
    let null: *const u8 = core::ptr::null();
    let fine: *const u8 = &0;
    let checked = |p: *const u8| -> Status { ffi_boundary!(nonnull(fine, p) { Ok(()) }) };
    assert_eq!(checked(null), Status::MkbNullPointer);
    assert_eq!(checked(fine), Status::MkbOk);
    let infallible = || -> usize { ffi_boundary!(infallible(7) { panic!("a bug") }) };
    assert_eq!(infallible(), 7);
}
