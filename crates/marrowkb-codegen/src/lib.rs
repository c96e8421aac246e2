//! Generates `crates/marrowkb/src/generated/` and `bindings/c/src/generated/` from `crates/marrowkb/data/`.
//!
//! The data files are the one source of truth; this crate reads them, rejects bad data with a message that
//! names the file and the record, and writes Rust source that is committed (the chrono-tz way: IDEs and
//! cbindgen see the generated items, and builds do not re-run code generation). `phf_codegen` is
//! deterministic, so a test can regenerate everything and fail on any difference
//! (`cargo test -p marrowkb-codegen`).
//!
//! ```no_run
//! let files = marrowkb_codegen::generate(&marrowkb_codegen::default_data_dir()).unwrap();
//! for file in &files {
//!     println!("{} ({} bytes)", file.name, file.contents.len());
//! }
//! ```

pub mod emit;
pub mod hpo;
pub mod hpo_names;
pub mod knowledge;
pub mod ontology;
pub mod vocabularies;

use std::path::{Path, PathBuf};

/// Everything that can be wrong with the data, each naming the file and the record.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A data file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A TOML file does not parse or does not follow the schema in `data/README.md`.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What the parser said.
        message: String,
    },
    /// A record breaks a rule (unknown reference, duplicate, malformed id, missing field…).
    #[error("{file}: {record}: {message}")]
    Invalid {
        /// The file, relative to the data folder.
        file: String,
        /// The record (its key, or a line number for TSV files).
        record: String,
        /// What is wrong.
        message: String,
    },
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Which crate a generated file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The core: `crates/marrowkb/src/generated/`.
    Core,
    /// The C binding: `bindings/c/src/generated/`.
    CBinding,
}

/// One generated Rust file, named relative to its target's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The crate it belongs to.
    pub target: Target,
    /// File name, e.g. `disorders.rs`.
    pub name: String,
    /// Full contents.
    pub contents: String,
}

/// `crates/marrowkb/data` in this repository.
pub fn default_data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../marrowkb/data")
}

/// `crates/marrowkb/src/generated` in this repository.
pub fn default_output_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../marrowkb/src/generated")
}

/// `bindings/c/src/generated` in this repository.
pub fn default_c_output_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bindings/c/src/generated")
}

/// Reads and validates every data file and returns the generated Rust files.
///
/// # Errors
/// Any [`Error`]: the first bad record found.
pub fn generate(data_dir: &Path) -> Result<Vec<GeneratedFile>> {
    let vocabularies = vocabularies::Vocabularies::load(data_dir)?;
    let ontology = ontology::Ontology::load(data_dir, &vocabularies.releases.hpo)?;
    let knowledge = knowledge::Knowledge::load(data_dir, &ontology, &vocabularies)?;
    let mut files = knowledge.emit();
    files.extend(hpo::emit(data_dir, &ontology, &knowledge)?);
    files.extend(vocabularies.emit());
    let index = emit::module_index(files.iter().filter(|f| f.target == Target::Core));
    files.push(GeneratedFile {
        target: Target::Core,
        name: "mod.rs".into(),
        contents: index,
    });
    Ok(files)
}

/// Reads a file into a string, naming it on failure.
pub(crate) fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })
}
