//! Replays every committed fuzz input (the seed corpora in `fuzz/corpus/<target>/` and the crash
//! reproducers in `fuzz/regressions/<target>/`) through the very checks the cargo-fuzz targets run
//! (`tests/support/fuzz_checks/`), so a plain `cargo test` catches a regression without cargo-fuzz.
//!
//! Regenerate the seed corpora after changing a seed or an input type:
//! `cargo test --test fuzz_regressions -- --ignored write_seed_corpora`.

use arbitrary::{Arbitrary, Unstructured};
use marrowkb_workspace::fuzz_checks::{self, OPEN_FINDINGS, blood_count, differential, ffi, seed};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// Every file under `fuzz/<kind>/<target>/`, with its target's name.
fn inputs(kind: &str) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(targets) = std::fs::read_dir(fuzz_dir().join(kind)) else {
        return out;
    };
    for target in targets.flatten() {
        let name = target.file_name().to_string_lossy().into_owned();
        let Ok(files) = std::fs::read_dir(target.path()) else {
            continue;
        };
        for file in files.flatten() {
            if file.path().is_file() {
                out.push((name.clone(), file.path()));
            }
        }
    }
    out.sort();
    out
}

/// Runs each input through its target's check and fails listing every input that broke an invariant.
fn replay(kind: &str) -> usize {
    let inputs = inputs(kind);
    let mut failures = Vec::new();
    for (target, path) in &inputs {
        let Some(check) = fuzz_checks::target(target) else {
            failures.push(format!("{}: no fuzz target named {target:?}", path.display()));
            continue;
        };
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&data))) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{}: {message}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
    inputs.len()
}

#[test]
fn seed_corpora_pass_every_check() {
    let n = replay("corpus");
    assert!(n >= 100, "only {n} seed inputs: is fuzz/corpus/ there?");
}

#[test]
fn crash_reproducers_pass_every_check() {
    replay("regressions");
}

/// The findings in other modules that the checks tolerate until they are fixed: each reproducer must
/// still break its invariant when nothing is tolerated. When one no longer does, the bug is fixed:
/// delete its entry from `OPEN_FINDINGS` (its reproducer stays as a regression test).
#[test]
fn open_findings_still_reproduce() {
    for finding in OPEN_FINDINGS {
        let path = fuzz_dir()
            .join("regressions")
            .join(finding.target)
            .join(finding.reproducer);
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let Some(check) = fuzz_checks::target(finding.target) else {
            panic!("{}: unknown target", finding.target);
        };
        let strict = catch_unwind(AssertUnwindSafe(|| fuzz_checks::strictly(|| check(&data))));
        assert!(
            strict.is_err(),
            "{} no longer reproduces ({}): it is fixed, remove it from OPEN_FINDINGS",
            path.display(),
            finding.summary
        );
    }
}

/// Every structured seed decodes back to the value it was written from (the encoder in
/// `fuzz_checks::seed` matches `arbitrary`).
#[test]
fn seeds_decode_to_what_they_were_written_from() {
    for (name, input) in seed::blood_count() {
        let bytes = seed::encode(&input);
        let decoded = blood_count::Input::arbitrary_take_rest(Unstructured::new(&bytes));
        assert_eq!(
            format!("{decoded:?}"),
            format!("{:?}", Ok::<_, ()>(input)),
            "blood_count/{name}"
        );
    }
    for (name, input) in seed::differential() {
        let bytes = seed::encode(&input);
        let decoded = differential::Input::arbitrary_take_rest(Unstructured::new(&bytes));
        assert_eq!(
            format!("{decoded:?}"),
            format!("{:?}", Ok::<_, ()>(input)),
            "differential/{name}"
        );
    }
    for (name, ops) in seed::ffi() {
        let bytes = seed::encode(&ops);
        let decoded = <Vec<ffi::Op<'_>>>::arbitrary(&mut Unstructured::new(&bytes));
        assert_eq!(format!("{decoded:?}"), format!("{:?}", Ok::<_, ()>(ops)), "ffi/{name}");
    }
}

/// The committed seed files are the current seeds.
#[test]
fn committed_seed_corpora_are_current() {
    for (target, name, bytes) in seed::all() {
        let path = fuzz_dir().join("corpus").join(target).join(&name);
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == bytes,
            "{} is missing or stale: run `cargo test --test fuzz_regressions -- --ignored write_seed_corpora`",
            path.display()
        );
    }
}

/// Writes the seed corpora (`fuzz/corpus/<target>/<name>`).
#[test]
#[ignore = "writes files: run on purpose after changing a seed"]
fn write_seed_corpora() {
    for (target, name, bytes) in seed::all() {
        let dir = fuzz_dir().join("corpus").join(target);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        std::fs::write(dir.join(&name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// Writes one reproducer, encoded like the seeds (used once per finding; kept for the record).
#[test]
#[ignore = "writes files: run on purpose"]
fn write_reproducers() {
    use marrowkb_workspace::fuzz_checks::blood_count::{Num, Retic};
    let rbc_first = blood_count::Input {
        hemoglobin: None,
        mcv: None,
        neutrophils: None,
        lymphocytes: None,
        monocytes: None,
        platelets: None,
        reticulocytes: vec![Retic::Percent(Num::Whole(200))],
        red_cell_count: Some(Num::Whole(40)),
        cellularity: None,
        residual: None,
        age: None,
        sex: None,
        pregnant: false,
        criteria: 1,
    };
    let dir = fuzz_dir().join("regressions").join("blood_count");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let bytes = seed::encode(&rbc_first);
    std::fs::write(dir.join("red-cell-count-checked-before-reticulocytes"), bytes).unwrap_or_else(|e| panic!("{e}"));

    use marrowkb_workspace::fuzz_checks::ffi::{CBloodCount, CBool, CEnum, CMeasurement, Cap, Op};
    let absent = CMeasurement {
        given: CBool::No,
        value: Num::Whole(0),
        unit: CEnum::Small(0),
    };
    let mut measurements = [absent; 12];
    measurements[0] = CMeasurement {
        given: CBool::Yes,
        value: Num::Whole(12),
        unit: CEnum::Small(0),
    };
    let ops = vec![Op::BloodCount(Box::new(CBloodCount {
        measurements,
        sex: CEnum::Small(0),
        pregnant: CBool::No,
        criteria: CEnum::Small(0),
        fits: Cap::Null,
        null_count: false,
        null_out: false,
    }))];
    let dir = fuzz_dir().join("regressions").join("ffi");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let bytes = seed::encode(&ops);
    std::fs::write(dir.join("blood-count-out-written-on-invalid-enum"), bytes).unwrap_or_else(|e| panic!("{e}"));
}
