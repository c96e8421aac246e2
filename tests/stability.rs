//! The stability promise: an existing discriminant or key never changes meaning or disappears.
//!
//! `tests/stability/snapshot.tsv` records every enum value ever released (`enum`, discriminant, key) and
//! the JSON schema version. This test fails when a recorded value changed or vanished; new values must be
//! appended to the snapshot (run with `MARROWKB_APPEND_SNAPSHOT=1` to append them), so additions are
//! always deliberate. The C binding's tests check the header's enum values against the same file.

use marrowkb::classes::{
    BodySystem, CellLine, Frequency, IcdMatch, Inheritance, Onset, Origin, RelationKind, TreatmentRole, XrefMatch,
};
use marrowkb::{Cause, DiagnosticTest, Disorder, Source, Symptom, Treatment};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn current() -> Vec<(String, u32, String)> {
    let mut rows = Vec::new();
    macro_rules! entity {
        ($($ty:ident),+) => {$(
            for v in $ty::ALL {
                rows.push((stringify!($ty).to_owned(), v as u32, v.key().to_owned()));
            }
        )+};
    }
    entity!(Disorder, Symptom, Treatment, Cause, DiagnosticTest, Source);
    macro_rules! class {
        ($($ty:ident),+) => {$(
            for v in $ty::ALL {
                rows.push((stringify!($ty).to_owned(), *v as u32, v.key().to_owned()));
            }
        )+};
    }
    class!(
        Origin,
        CellLine,
        Inheritance,
        Onset,
        Frequency,
        TreatmentRole,
        BodySystem,
        XrefMatch,
        IcdMatch,
        RelationKind
    );
    for v in marrowkb::resolution::MatchKind::ALL {
        rows.push(("ResolutionMatch".to_owned(), *v as u32, v.key().to_owned()));
    }
    for v in marrowkb::resolution::Status::ALL {
        rows.push(("ResolutionStatus".to_owned(), *v as u32, v.key().to_owned()));
    }
    rows.push((
        "JsonSchemaVersion".to_owned(),
        marrowkb::export::SCHEMA_VERSION,
        "schema_version".to_owned(),
    ));
    rows
}

fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/stability/snapshot.tsv")
}

fn parse(text: &str) -> Vec<(String, u32, String)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "bad snapshot line {l:?}");
            (
                cols[0].to_owned(),
                cols[1].parse().unwrap_or_else(|_| panic!("bad number in {l:?}")),
                cols[2].to_owned(),
            )
        })
        .collect()
}

#[test]
fn released_values_keep_their_meaning() {
    let text = std::fs::read_to_string(snapshot_path()).unwrap_or_else(|e| panic!("tests/stability/snapshot.tsv: {e}"));
    let recorded = parse(&text);
    let now = current();
    let now_set: BTreeSet<_> = now.iter().cloned().collect();
    let changed: Vec<_> = recorded
        .iter()
        .filter(|r| !now_set.contains(*r) && r.0 != "JsonSchemaVersion")
        .collect();
    assert!(
        changed.is_empty(),
        "released values changed meaning or disappeared: {changed:?}"
    );
    let schema = recorded
        .iter()
        .filter(|r| r.0 == "JsonSchemaVersion")
        .map(|r| r.1)
        .max();
    assert!(
        schema <= Some(marrowkb::export::SCHEMA_VERSION),
        "JSON schema version went backwards"
    );
    let recorded_set: BTreeSet<_> = recorded.iter().cloned().collect();
    let new: Vec<_> = now.iter().filter(|r| !recorded_set.contains(*r)).collect();
    if !new.is_empty() && std::env::var_os("MARROWKB_APPEND_SNAPSHOT").is_some() {
        let mut text = text;
        for (e, n, k) in &new {
            text.push_str(&format!("{e}\t{n}\t{k}\n"));
        }
        std::fs::write(snapshot_path(), text).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    assert!(
        new.is_empty(),
        "new values are not in tests/stability/snapshot.tsv (rerun with MARROWKB_APPEND_SNAPSHOT=1): {new:?}"
    );
    // Within one enum, a discriminant and a key each name exactly one value.
    for (i, a) in recorded.iter().enumerate() {
        for b in &recorded[i + 1..] {
            if a.0 == b.0 && a.0 != "JsonSchemaVersion" {
                assert!(a.1 != b.1 && a.2 != b.2, "{a:?} and {b:?} collide");
            }
        }
    }
}
