//! The curated knowledge (`data/*.toml`, `data/disorders/*.toml`): loading, validation and emission, one
//! module per data file (its schema, its checks, what it emits): `records` (symptoms, treatments, causes,
//! tests, sources), `disorders`, `derived` (the HPO/ICD-10 extracts) and `indexes` (the look-up tables over
//! all of them). This module holds the loaded [`Knowledge`], the order of the checks and the shared helpers.

mod derived;
mod disorders;
mod indexes;
mod records;

use crate::emit::{BANNER, ByteKey, camel, lit, opt_lit, slice};
use crate::ontology::{Ontology, parse_u32, tsv_rows};
use crate::vocabularies::Vocabularies;
use crate::{Error, GeneratedFile, Result};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

pub use derived::GeneRec;
pub(crate) use disorders::DisorderRec;
use records::{
    CauseFile, CauseRec, SourceFile, SourceRec, SymptomFile, SymptomRec, TestFile, TestRec, TreatmentFile, TreatmentRec,
};

/// The keys of every record file, for checking references.
struct Keys {
    symptoms: BTreeSet<String>,
    treatments: BTreeSet<String>,
    causes: BTreeSet<String>,
    tests: BTreeSet<String>,
    sources: BTreeSet<String>,
    disorders: BTreeSet<String>,
}

/// The disorder that holds each ORPHA and OMIM id as exact or subtype.
#[derive(Default)]
struct XrefOwners {
    orpha: BTreeMap<u32, String>,
    omim: BTreeMap<u32, String>,
}

/// Everything loaded and validated.
#[derive(Debug)]
pub struct Knowledge {
    pub(crate) disorders: Vec<DisorderRec>,
    pub(crate) symptoms: Vec<SymptomRec>,
    pub(crate) treatments: Vec<TreatmentRec>,
    pub(crate) causes: Vec<CauseRec>,
    pub(crate) tests: Vec<TestRec>,
    pub(crate) sources: Vec<SourceRec>,
    /// Disease id (`ORPHA:84`) → HPO names.
    pub disease_names: BTreeMap<String, Vec<String>>,
    /// ICD-10 code → title.
    pub icd10_titles: BTreeMap<String, String>,
    /// Genes, sorted by symbol.
    pub genes: Vec<GeneRec>,
    /// Disorder key → gene symbols.
    pub disorder_genes: BTreeMap<String, Vec<String>>,
    /// (disease id, HPO term number) → the frequency classes of its annotations that carry a frequency.
    pub annotation_classes: BTreeMap<(String, u32), BTreeSet<&'static str>>,
    /// The releases and the closed vocabularies (`vocabularies.toml`).
    pub vocabularies: Vocabularies,
}

fn load_toml<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let text = crate::read(path)?;
    toml::from_str(&text).map_err(|e| Error::Parse {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

fn invalid(file: &str, record: &str, message: impl Into<String>) -> Error {
    Error::Invalid {
        file: file.into(),
        record: record.into(),
        message: message.into(),
    }
}

fn one_of(file: &str, record: &str, field: &str, value: &str, allowed: Vec<&str>) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(invalid(
            file,
            record,
            format!("{field} {value:?} is not one of {}", allowed.join(", ")),
        ))
    }
}

fn check_key(file: &str, key: &str) -> Result<()> {
    let ok = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && key.as_bytes()[0].is_ascii_lowercase()
        && !key.ends_with('_')
        && !key.contains("__");
    if ok {
        Ok(())
    } else {
        Err(invalid(file, key, "key must be snake_case ASCII"))
    }
}

/// Checks ids and keys of one vocabulary: positive, unique, snake_case.
fn check_identities<'a>(file: &str, records: impl Iterator<Item = (u32, &'a str)>) -> Result<BTreeSet<String>> {
    let mut ids = BTreeSet::new();
    let mut keys = BTreeSet::new();
    for (id, key) in records {
        check_key(file, key)?;
        if id == 0 {
            return Err(invalid(file, key, "id must be 1 or more"));
        }
        if !ids.insert(id) {
            return Err(invalid(file, key, format!("duplicate id {id}")));
        }
        if !keys.insert(key.to_owned()) {
            return Err(invalid(file, key, "duplicate key"));
        }
    }
    Ok(keys)
}

fn check_ref(file: &str, record: &str, what: &str, key: &str, known: &BTreeSet<String>) -> Result<()> {
    if known.contains(key) {
        Ok(())
    } else {
        Err(invalid(file, record, format!("unknown {what} {key:?}")))
    }
}

fn normalized(file: &str, record: &str, name: &str) -> Result<String> {
    marrowkb_normalize::normalize(name)
        .map(|n| n.as_str().to_owned())
        .map_err(|e| invalid(file, record, format!("name {name:?} cannot be a look-up key: {e:?}")))
}

/// The generated enum with `ALL`, `index` and `from_discriminant_opt`.
fn enum_def(ty: &str, doc: &str, variants: &[(String, u32, String)]) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "/// {doc}");
    o.push_str(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[repr(u32)]\n#[non_exhaustive]\n",
    );
    let _ = writeln!(o, "pub enum {ty} {{");
    for (v, id, name) in variants {
        let _ = writeln!(o, "    /// {name}\n    {v} = {id},");
    }
    o.push_str("}\n\n");
    let _ = writeln!(o, "impl {ty} {{");
    let _ = writeln!(
        o,
        "    /// Every value, in discriminant order.\n    pub const ALL: [{ty}; {}] = [{}];\n",
        variants.len(),
        variants
            .iter()
            .map(|(v, _, _)| format!("{ty}::{v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        o,
        "    /// Position in [`{ty}::ALL`] and in the record table.\n    pub(crate) const fn index(self) -> usize {{\n        match self {{"
    );
    for (i, (v, _, _)) in variants.iter().enumerate() {
        let _ = writeln!(o, "            {ty}::{v} => {i},");
    }
    o.push_str("        }\n    }\n\n");
    let _ = writeln!(
        o,
        "    /// The value with this discriminant, if any.\n    pub(crate) const fn from_discriminant_opt(value: u32) -> Option<Self> {{\n        match value {{"
    );
    for (v, id, _) in variants {
        let _ = writeln!(o, "            {id} => Some({ty}::{v}),");
    }
    o.push_str("            _ => None,\n        }\n    }\n}\n\n");
    o
}

impl Knowledge {
    /// The keys of a closed vocabulary of `vocabularies.toml`.
    fn keys(&self, vocabulary: &str) -> Result<Vec<&str>> {
        Ok(self.vocabularies.get(vocabulary)?.keys())
    }

    /// Loads every TOML file and the derived disease, gene and ICD-10 tables, and validates them.
    ///
    /// # Errors
    /// The first rule broken, naming the file and the record.
    pub fn load(data_dir: &Path, ontology: &Ontology, vocabularies: &Vocabularies) -> Result<Self> {
        let symptoms = load_toml::<SymptomFile>(&data_dir.join("symptoms.toml"))?.symptom;
        let treatments = load_toml::<TreatmentFile>(&data_dir.join("treatments.toml"))?.treatment;
        let causes = load_toml::<CauseFile>(&data_dir.join("causes.toml"))?.cause;
        let tests = load_toml::<TestFile>(&data_dir.join("tests.toml"))?.test;
        let mut sources = load_toml::<SourceFile>(&data_dir.join("sources.toml"))?.source;
        for (position, source) in sources.iter_mut().enumerate() {
            if source.id == 0 {
                source.id = position as u32 + 1;
            }
        }
        let mut disorders = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(data_dir.join("disorders"))
            .map_err(|source| Error::Read {
                path: data_dir.join("disorders"),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for path in &paths {
            let rec: DisorderRec = load_toml(path)?;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            if stem != rec.key {
                return Err(invalid(
                    &format!("disorders/{stem}.toml"),
                    &rec.key,
                    "file name must be the key",
                ));
            }
            disorders.push(rec);
        }
        disorders.sort_by_key(|d| d.id);
        let mut kb = Knowledge {
            disorders,
            symptoms,
            treatments,
            causes,
            tests,
            sources,
            disease_names: BTreeMap::new(),
            icd10_titles: BTreeMap::new(),
            genes: Vec::new(),
            disorder_genes: BTreeMap::new(),
            annotation_classes: BTreeMap::new(),
            vocabularies: vocabularies.clone(),
        };
        kb.symptoms.sort_by_key(|r| r.id);
        kb.treatments.sort_by_key(|r| r.id);
        kb.causes.sort_by_key(|r| r.id);
        kb.tests.sort_by_key(|r| r.id);
        kb.sources.sort_by_key(|r| r.id);
        kb.load_derived(data_dir)?;
        kb.validate(ontology)?;
        kb.link_genes(data_dir)?;
        Ok(kb)
    }

    fn validate(&self, ontology: &Ontology) -> Result<()> {
        let keys = Keys {
            symptoms: check_identities("symptoms.toml", self.symptoms.iter().map(|r| (r.id, r.key.as_str())))?,
            treatments: check_identities(
                "treatments.toml",
                self.treatments.iter().map(|r| (r.id, r.key.as_str())),
            )?,
            causes: check_identities("causes.toml", self.causes.iter().map(|r| (r.id, r.key.as_str())))?,
            tests: check_identities("tests.toml", self.tests.iter().map(|r| (r.id, r.key.as_str())))?,
            sources: check_identities("sources.toml", self.sources.iter().map(|r| (r.id, r.key.as_str())))?,
            disorders: check_identities("disorders/", self.disorders.iter().map(|r| (r.id, r.key.as_str())))?,
        };
        self.validate_vocabulary_files(ontology, &keys)?;
        self.validate_vocabulary_names()?;
        self.validate_disorder_names()?;
        let mut owners = XrefOwners::default();
        for d in &self.disorders {
            let f = format!("disorders/{}.toml", d.key);
            self.validate_disorder_fields(&f, d, &keys)?;
            self.validate_disorder_uses(ontology, &f, d, &keys)?;
            self.validate_xrefs(ontology, &f, d, &mut owners)?;
            self.validate_icd10(&f, d)?;
        }
        Ok(())
    }

    /// Names that become look-up keys: key, name, synonyms, abbreviations (not shared synonyms).
    fn lookup_names<'a>(&self, d: &'a DisorderRec) -> impl Iterator<Item = &'a str> {
        [d.key.as_str(), d.name.as_str()]
            .into_iter()
            .chain(d.synonyms.iter().map(String::as_str))
            .chain(d.abbreviations.iter().map(String::as_str))
    }

    /// Disorder key → the keys of every group it is a subtype of (following `subtype_of` transitively).
    pub fn groups(&self) -> BTreeMap<String, Vec<String>> {
        let direct: BTreeMap<&str, Vec<&str>> = self
            .disorders
            .iter()
            .map(|d| {
                let targets = d
                    .relations
                    .iter()
                    .filter(|r| r.kind == "subtype_of")
                    .map(|r| r.target.as_str());
                (d.key.as_str(), targets.collect())
            })
            .collect();
        let mut out = BTreeMap::new();
        for d in &self.disorders {
            let mut seen: Vec<String> = Vec::new();
            let mut todo: Vec<&str> = direct.get(d.key.as_str()).cloned().unwrap_or_default();
            while let Some(g) = todo.pop() {
                if g != d.key && !seen.iter().any(|s| s == g) {
                    seen.push(g.to_owned());
                    todo.extend(direct.get(g).cloned().unwrap_or_default());
                }
            }
            if !seen.is_empty() {
                out.insert(d.key.clone(), seen);
            }
        }
        out
    }

    /// Emits the knowledge modules.
    pub fn emit(&self) -> Vec<GeneratedFile> {
        vec![self.emit_disorders(), self.emit_vocabularies(), self.emit_indexes()]
    }
}
