//! The knowledge entities, listed once, and what is generated for each from that list: the core's
//! `knowledge_enum!` invocations (`crates/marrowkb/src/generated/entities.rs`) and the C library's
//! per-entity exports (`bindings/c/src/generated/entities.rs`: plain `extern "C"` functions, which
//! cbindgen reads where it could not read macro-generated ones).
//!
//! A new entity is one more [`Entity`] in [`ENTITIES`] (beside its data file and record type); every door
//! then gets the same functions.
//!
//! ```
//! use marrowkb_codegen::entities::{ENTITIES, emit_c, emit_core};
//! assert!(ENTITIES.iter().any(|e| e.ty == "DiagnosticTest"));
//! assert!(emit_core().contents.contains("knowledge_enum!(DiagnosticTest,"));
//! assert!(emit_c().contents.contains("fn mkb_source_find("));
//! ```

use crate::emit::BANNER;
use crate::{GeneratedFile, Target};
use std::fmt::Write as _;

/// One knowledge enum of the core (generated from a data file) and how its documentation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    /// The Rust type, `UpperCamelCase` (`DiagnosticTest`). The core module, the record table, the key and
    /// name maps, the info struct and the C names all follow from it (`diagnostic_test`,
    /// `DIAGNOSTIC_TESTS`, `DIAGNOSTIC_TEST_BY_KEY`, `DiagnosticTestInfo`, `mkb_diagnostic_test_find`).
    pub ty: &'static str,
    /// One value, in words, as errors name it (`"diagnostic test"`).
    pub what: &'static str,
    /// All values, in words, for "The number of …".
    pub plural: &'static str,
    /// A key to show in the documentation of `from_key`.
    pub key_example: Option<&'static str>,
    /// What `find` matches, in words (`"key or name"`).
    pub find_by: &'static str,
    /// A text `find` matches, to show in its documentation.
    pub find_example: Option<&'static str>,
    /// A sentence added to the documentation of `find`.
    pub find_note: Option<&'static str>,
    /// The path of a `fn(&str) -> Option<Self>` that `find` asks when no key or name matches.
    pub fallback: Option<&'static str>,
}

/// Every knowledge enum, in the order the C header lists their functions.
pub const ENTITIES: [Entity; 6] = [
    Entity {
        ty: "Disorder",
        what: "disorder",
        plural: "disorders",
        key_example: Some("fanconi_anemia"),
        find_by: "key, name, synonym or abbreviation",
        find_example: Some("Fanconi's anaemia"),
        find_note: Some("`mkb_lookup` finds the same disorder and also suggests near names when none matches."),
        fallback: None,
    },
    Entity {
        ty: "Symptom",
        what: "symptom",
        plural: "symptoms and clinical features",
        key_example: Some("epistaxis"),
        find_by: "key, clinical name, plain name, or a label or synonym of its HPO terms",
        find_example: Some("nosebleeds"),
        find_note: None,
        fallback: Some("crate::symptom::find_by_term_name"),
    },
    Entity {
        ty: "Treatment",
        what: "treatment",
        plural: "treatments",
        key_example: Some("blood_transfusion"),
        find_by: "key or name",
        find_example: None,
        find_note: None,
        fallback: None,
    },
    Entity {
        ty: "Cause",
        what: "cause",
        plural: "causes of bone marrow failure",
        key_example: None,
        find_by: "key or name",
        find_example: None,
        find_note: None,
        fallback: None,
    },
    Entity {
        ty: "DiagnosticTest",
        what: "diagnostic test",
        plural: "diagnostic tests",
        key_example: Some("complete_blood_count"),
        find_by: "key or name",
        find_example: None,
        find_note: None,
        fallback: None,
    },
    Entity {
        ty: "Source",
        what: "source",
        plural: "cited sources",
        key_example: Some("article"),
        find_by: "key",
        find_example: None,
        find_note: None,
        fallback: None,
    },
];

impl Entity {
    /// `snake_case` of the type: the core module and the C name (`diagnostic_test`).
    pub fn snake(&self) -> String {
        let mut out = String::new();
        for (i, ch) in self.ty.chars().enumerate() {
            if ch.is_ascii_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        }
        out
    }

    /// `SCREAMING_SNAKE_CASE` of the type: the prefix of the generated statics (`DIAGNOSTIC_TEST`).
    pub fn screaming(&self) -> String {
        self.snake().to_ascii_uppercase()
    }
}

/// `crates/marrowkb/src/generated/entities.rs`: one `knowledge_enum!` per entity.
pub fn emit_core() -> GeneratedFile {
    let mut o = String::from(BANNER);
    o.push_str("//! What every knowledge enum can do (`crate::entity::knowledge_enum!`), for each entity of the generator's\n//! list (`crates/marrowkb-codegen/src/entities.rs`), which also makes the C library's functions.\n\n");
    for e in &ENTITIES {
        let _ = writeln!(o, "use crate::{}::{}Info;", e.snake(), e.ty);
    }
    o.push_str("use crate::generated::*;\n\n");
    for e in &ENTITIES {
        let s = e.screaming();
        let fallback = e.fallback.map(|f| format!(", {f}")).unwrap_or_default();
        let _ = writeln!(
            o,
            "crate::entity::knowledge_enum!({ty}, {ty}Info, {s}S, {s}_BY_KEY, {s}_BY_NAME, {what:?}{fallback});",
            ty = e.ty,
            what = e.what,
        );
    }
    GeneratedFile {
        target: Target::Core,
        name: "entities.rs".into(),
        contents: o,
    }
}

/// The banner of the C library's generated files.
const C_BANNER: &str = "// @generated by crates/marrowkb-codegen (src/entities.rs): do not edit.\n// Run `cargo run -p marrowkb-codegen`, then `bindings/c/run_tests.sh --update-header`.\n";

/// `bindings/c/src/generated/entities.rs`: every entity's `mkb_*` exports.
pub fn emit_c() -> GeneratedFile {
    let mut o = String::from(C_BANNER);
    o.push_str("//! Iteration over every knowledge entity (count + by index), the full record of each value, and look-up by\n//! exact key or by name. Each export is one call to a helper of `crate::entities`.\n\n");
    o.push_str(
        "use crate::boundary::{Status, ffi_boundary};\nuse crate::entities::{at, find, record};\nuse crate::records::{",
    );
    let records: Vec<String> = ENTITIES.iter().map(|e| format!("{}Record", e.ty)).collect();
    let _ = writeln!(o, "{}, tables}};", records.join(", "));
    o.push_str("use core::ffi::c_char;\n");
    let types: Vec<&str> = ENTITIES.iter().map(|e| e.ty).collect();
    let _ = writeln!(o, "use marrowkb::{{{}}};", types.join(", "));
    for e in &ENTITIES {
        c_exports(&mut o, e);
    }
    GeneratedFile {
        target: Target::CBinding,
        name: "entities.rs".into(),
        contents: o,
    }
}

/// The `mkb_{entity}_{count,at,record,from_key,find}` exports of one entity.
fn c_exports(o: &mut String, e: &Entity) {
    let (ty, what, n) = (e.ty, e.what, e.snake());
    let key_example = e.key_example.map(|k| format!(" (`{k:?}`)")).unwrap_or_default();
    let find_example = e.find_example.map(|k| format!(" (`{k:?}`)")).unwrap_or_default();
    let find_note = e.find_note.map(|note| format!("\n///\n/// {note}")).unwrap_or_default();
    let _ = write!(
        o,
        r#"
// ---------------------------------------------------------------------------------------------------
// {ty}

/// The number of {plural}.
#[unsafe(no_mangle)]
pub extern "C" fn mkb_{n}_count() -> usize {{
    ffi_boundary!(infallible(0) {{ {ty}::COUNT }})
}}

/// Writes the `index`-th {what} (in discriminant order) to `*out`.
///
/// Returns `MKB_OUT_OF_RANGE` when `index >= mkb_{n}_count()`.
///
/// # Safety
/// `out` must point to a writable `Mkb{ty}`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_{n}_at(index: usize, out: *mut {ty}) -> Status {{
    ffi_boundary!(nonnull(out) {{ unsafe {{ at(&{ty}::ALL, index, out) }} }})
}}

/// Writes a pointer to the full record of a {what} to `*out` (static, owned by the library).
///
/// Returns `MKB_INVALID_ENUM` when `{n}` is not an `Mkb{ty}` value.
///
/// # Safety
/// `out` must point to a writable `const Mkb{ty}Record *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_{n}_record({n}: u32, out: *mut *const {ty}Record) -> Status {{
    ffi_boundary!(nonnull(out) {{ unsafe {{ record(&tables().{n}s, {n}, out) }} }})
}}

/// Finds a {what} by its stable key{key_example}, in any ASCII case, and writes it to `*out`.
///
/// Returns `MKB_NOT_FOUND` for an unknown key, and the text statuses.
///
/// # Safety
/// `key` must be valid for `len` bytes (or NUL-terminated when `len` is `MKB_NUL_TERMINATED`); `out` must
/// point to a writable `Mkb{ty}`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_{n}_from_key(key: *const c_char, len: usize, out: *mut {ty}) -> Status {{
    ffi_boundary!(nonnull(out) {{ unsafe {{ find(key, len, out, {ty}::from_key) }} }})
}}

/// Finds a {what} by {find_by}, ignoring case, diacritics,
/// punctuation, spaces and British spelling{find_example}, and writes it to `*out`.{find_note}
///
/// Returns `MKB_NOT_FOUND`, `MKB_EMPTY`, and the text statuses.
///
/// # Safety
/// As for `mkb_{n}_from_key`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkb_{n}_find(name: *const c_char, len: usize, out: *mut {ty}) -> Status {{
    ffi_boundary!(nonnull(out) {{ unsafe {{ find(name, len, out, {ty}::find) }} }})
}}
"#,
        plural = e.plural,
        find_by = e.find_by,
    );
}
