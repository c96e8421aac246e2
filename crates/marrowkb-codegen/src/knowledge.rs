//! The curated knowledge (`data/*.toml`, `data/disorders/*.toml`): loading, validation and emission.

use crate::emit::{BANNER, ByteKey, camel, lit, opt_lit, slice};
use crate::ontology::{Ontology, parse_u32, tsv_rows};
use crate::vocabularies::Vocabularies;
use crate::{Error, GeneratedFile, Result};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The HPO frequency class of a phenotype.hpoa frequency (`HP:0040281`, `n/m`, `x%`); `None` when empty.
fn frequency_class(text: &str) -> Option<&'static str> {
    let percent = if let Some(class) = text.strip_prefix("HP:") {
        return match class {
            "0040280" => Some("obligate"),
            "0040281" => Some("very_frequent"),
            "0040282" => Some("frequent"),
            "0040283" => Some("occasional"),
            "0040284" => Some("very_rare"),
            "0040285" => Some("excluded"),
            _ => None,
        };
    } else if let Some((n, m)) = text.split_once('/') {
        let n: f64 = n.parse().ok()?;
        let m: f64 = m.parse().ok()?;
        if m <= 0.0 {
            return None;
        }
        100.0 * n / m
    } else {
        text.strip_suffix('%')?.parse().ok()?
    };
    Some(match percent {
        p if p >= 100.0 => "obligate",
        p if p >= 80.0 => "very_frequent",
        p if p >= 30.0 => "frequent",
        p if p >= 5.0 => "occasional",
        p if p > 0.0 => "very_rare",
        _ => "excluded",
    })
}

/// Whether HPO term `term` is `ancestor` or lies below it (`is_a`).
fn is_below(ontology: &Ontology, term: u32, ancestor: u32) -> bool {
    let mut stack = vec![term];
    let mut seen = BTreeSet::new();
    while let Some(t) = stack.pop() {
        if t == ancestor {
            return true;
        }
        if seen.insert(t)
            && let Some(info) = ontology.terms.get(&t)
        {
            stack.extend(info.parents.iter().copied());
        }
    }
    false
}

/// Generic last words whose removal gives a short look-up form (normalized spelling).
const GENERIC_LAST_WORDS: [&str; 6] = ["syndrome", "disease", "anemia", "deficiency", "disorders", "disorder"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SymptomRec {
    pub id: u32,
    pub key: String,
    pub name: String,
    pub plain: String,
    pub hpo: Vec<String>,
    pub system: String,
    pub article: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TreatmentRec {
    pub id: u32,
    pub key: String,
    pub name: String,
    pub description: String,
    pub kind: String,
    #[serde(default)]
    pub article: bool,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CauseRec {
    pub id: u32,
    pub key: String,
    pub name: String,
    pub description: String,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TestRec {
    pub id: u32,
    pub key: String,
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub article: bool,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceRec {
    /// Optional: sources without one are numbered by their position in the file (append only).
    #[serde(default)]
    pub id: u32,
    pub key: String,
    pub title: String,
    pub publisher: String,
    pub year: Option<u16>,
    pub url: Option<String>,
    pub licence: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelationRec {
    pub kind: String,
    pub target: String,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct XrefRec {
    pub id: u32,
    #[serde(rename = "match")]
    pub match_kind: String,
    pub name: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IcdRec {
    pub code: String,
    #[serde(rename = "match")]
    pub match_kind: String,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeatureRec {
    pub symptom: String,
    pub frequency: String,
    pub source: String,
    /// The class HPO 2025-01-16 gives when `frequency` overrides it (validated against the annotations).
    pub hpo_frequency: Option<String>,
    /// Why: required with `hpo_frequency` (the figure of the cited series).
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TreatmentUseRec {
    pub treatment: String,
    pub role: String,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RiskRec {
    pub name: String,
    pub hpo: Option<String>,
    pub source: String,
}

/// An HPO annotation of one of the disorder's entries that the curators judged wrong, left out of its
/// phenotype profile.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IgnoredAnnotationRec {
    pub hpo: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DisorderRec {
    pub id: u32,
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub shared_synonyms: Vec<String>,
    pub description: String,
    pub summary: Option<String>,
    pub origin: String,
    pub neoplasm: bool,
    pub cell_lines: Vec<String>,
    pub inheritance: Vec<String>,
    pub onset: Vec<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub relations: Vec<RelationRec>,
    #[serde(default)]
    pub orpha: Vec<XrefRec>,
    #[serde(default)]
    pub omim: Vec<XrefRec>,
    #[serde(default)]
    pub icd10: Vec<IcdRec>,
    #[serde(default)]
    pub features: Vec<FeatureRec>,
    #[serde(default)]
    pub treatments: Vec<TreatmentUseRec>,
    #[serde(default)]
    pub tests: Vec<String>,
    #[serde(default)]
    pub causes: Vec<String>,
    #[serde(default)]
    pub risks: Vec<RiskRec>,
    #[serde(default)]
    pub ignored_annotations: Vec<IgnoredAnnotationRec>,
}

#[derive(Debug, Deserialize)]
struct SymptomFile {
    symptom: Vec<SymptomRec>,
}
#[derive(Debug, Deserialize)]
struct TreatmentFile {
    treatment: Vec<TreatmentRec>,
}
#[derive(Debug, Deserialize)]
struct CauseFile {
    cause: Vec<CauseRec>,
}
#[derive(Debug, Deserialize)]
struct TestFile {
    test: Vec<TestRec>,
}
#[derive(Debug, Deserialize)]
struct SourceFile {
    source: Vec<SourceRec>,
}

/// A gene as HPO links it.
#[derive(Debug, Clone)]
pub struct GeneRec {
    /// HGNC symbol.
    pub symbol: String,
    /// NCBI Gene id.
    pub ncbi: u32,
    /// Disorder keys, in discriminant order: the disorders HPO links the gene to, and the groups those are
    /// `subtype_of` (the subtype-to-group rule in `data/README.md`).
    pub disorders: Vec<String>,
    /// For each of `disorders`, the subtype the gene reaches it through (`None`: linked directly).
    pub through: Vec<Option<String>>,
}

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

    fn load_derived(&mut self, data_dir: &Path) -> Result<()> {
        let file = "derived/hpo_diseases.tsv";
        let text = crate::read(&data_dir.join(file))?;
        for row in tsv_rows(file, &text, 2) {
            let (_, cols) = row?;
            self.disease_names
                .entry(cols[0].to_owned())
                .or_default()
                .push(cols[1].to_owned());
        }
        let file = "derived/icd10.tsv";
        let text = crate::read(&data_dir.join(file))?;
        for row in tsv_rows(file, &text, 3) {
            let (_, cols) = row?;
            self.icd10_titles.insert(cols[0].to_owned(), cols[2].to_owned());
        }
        let file = "derived/hpo_annotations.tsv";
        let text = crate::read(&data_dir.join(file))?;
        for row in tsv_rows(file, &text, 6) {
            let (line, cols) = row?;
            if cols[2] == "NOT" {
                continue;
            }
            let term = parse_u32(file, line, cols[1])?;
            if let Some(class) = frequency_class(cols[3]) {
                self.annotation_classes
                    .entry((cols[0].to_owned(), term))
                    .or_default()
                    .insert(class);
            }
        }
        Ok(())
    }

    /// The frequency classes HPO gives `symptom` on the disorder's `exact` entries: annotations of the
    /// symptom's own terms, and (with `descendants`) of terms below them.
    fn hpo_classes(
        &self,
        ontology: &Ontology,
        d: &DisorderRec,
        symptom: &str,
        descendants: bool,
    ) -> BTreeSet<&'static str> {
        let mut out = BTreeSet::new();
        let Some(s) = self.symptoms.iter().find(|s| s.key == symptom) else {
            return out;
        };
        let terms: BTreeSet<u32> = s
            .hpo
            .iter()
            .filter_map(|c| c.strip_prefix("HP:")?.parse().ok())
            .collect();
        let entries: Vec<String> = d
            .orpha
            .iter()
            .filter(|x| x.match_kind == "exact")
            .map(|x| format!("ORPHA:{}", x.id))
            .chain(
                d.omim
                    .iter()
                    .filter(|x| x.match_kind == "exact")
                    .map(|x| format!("OMIM:{}", x.id)),
            )
            .collect();
        for ((entry, term), classes) in &self.annotation_classes {
            if !entries.contains(entry) {
                continue;
            }
            let hit = terms.contains(term) || (descendants && terms.iter().any(|t| is_below(ontology, *term, *t)));
            if hit {
                out.extend(classes.iter().copied());
            }
        }
        out
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

    /// symptoms.toml, treatments.toml, causes.toml and tests.toml: vocabulary values, HPO ids, sources.
    fn validate_vocabulary_files(&self, ontology: &Ontology, keys: &Keys) -> Result<()> {
        let mut symptom_hpo = BTreeMap::new();
        for s in &self.symptoms {
            let f = "symptoms.toml";
            one_of(f, &s.key, "system", &s.system, self.keys("BodySystem")?)?;
            if s.hpo.is_empty() {
                return Err(invalid(f, &s.key, "needs at least one HPO id"));
            }
            for curie in &s.hpo {
                let id = ontology.check(f, &s.key, curie)?;
                if let Some(other) = symptom_hpo.insert(id, s.key.clone()) {
                    return Err(invalid(f, &s.key, format!("{curie} is also the HPO id of {other}")));
                }
            }
            for text in [&s.name, &s.plain] {
                if text.trim().is_empty() {
                    return Err(invalid(f, &s.key, "name and plain must not be empty"));
                }
            }
        }
        for t in &self.treatments {
            one_of("treatments.toml", &t.key, "kind", &t.kind, self.keys("TreatmentRole")?)?;
            check_ref("treatments.toml", &t.key, "source", &t.source, &keys.sources)?;
        }
        for c in &self.causes {
            check_ref("causes.toml", &c.key, "source", &c.source, &keys.sources)?;
        }
        for t in &self.tests {
            check_ref("tests.toml", &t.key, "source", &t.source, &keys.sources)?;
        }
        Ok(())
    }

    /// Vocabulary names (key, name, plain name) identify one record each after normalization.
    fn validate_vocabulary_names(&self) -> Result<()> {
        let vocabularies: [(&str, NamedRecords); 5] = [
            (
                "symptoms.toml",
                self.symptoms
                    .iter()
                    .map(|r| (r.key.as_str(), vec![r.key.as_str(), r.name.as_str(), r.plain.as_str()]))
                    .collect(),
            ),
            (
                "treatments.toml",
                self.treatments
                    .iter()
                    .map(|r| (r.key.as_str(), vec![r.key.as_str(), r.name.as_str()]))
                    .collect(),
            ),
            (
                "causes.toml",
                self.causes
                    .iter()
                    .map(|r| (r.key.as_str(), vec![r.key.as_str(), r.name.as_str()]))
                    .collect(),
            ),
            (
                "tests.toml",
                self.tests
                    .iter()
                    .map(|r| (r.key.as_str(), vec![r.key.as_str(), r.name.as_str()]))
                    .collect(),
            ),
            (
                "sources.toml",
                self.sources
                    .iter()
                    .map(|r| (r.key.as_str(), vec![r.key.as_str()]))
                    .collect(),
            ),
        ];
        for (file, records) in vocabularies {
            let mut owners: BTreeMap<String, &str> = BTreeMap::new();
            for (key, names) in records {
                for name in names {
                    let n = normalized(file, key, name)?;
                    if let Some(other) = owners.insert(n, key)
                        && other != key
                    {
                        return Err(invalid(file, key, format!("name {name:?} is also a name of {other}")));
                    }
                }
            }
        }

        Ok(())
    }

    /// Disorder names: unique across disorders (after normalization) unless declared shared.
    fn validate_disorder_names(&self) -> Result<()> {
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for d in &self.disorders {
            let f = format!("disorders/{}.toml", d.key);
            for name in self.lookup_names(d) {
                let n = normalized(&f, &d.key, name)?;
                if let Some(other) = names.get(&n)
                    && *other != d.key
                {
                    return Err(invalid(
                        &f,
                        &d.key,
                        format!(
                            "name {name:?} is also a name of {other}; declare it in shared_synonyms of one of them"
                        ),
                    ));
                }
                names.insert(n, d.key.clone());
            }
        }

        Ok(())
    }

    /// A disorder's own fields and its references to sources and other disorders.
    fn validate_disorder_fields(&self, f: &str, d: &DisorderRec, keys: &Keys) -> Result<()> {
        let r = d.key.as_str();
        if d.description.trim().is_empty() {
            return Err(invalid(f, r, "description (the article's wording) is required"));
        }
        one_of(f, r, "origin", &d.origin, self.keys("Origin")?)?;
        for v in &d.cell_lines {
            one_of(f, r, "cell line", v, self.keys("CellLine")?)?;
        }
        for v in &d.inheritance {
            one_of(f, r, "inheritance", v, self.keys("Inheritance")?)?;
        }
        for v in &d.onset {
            one_of(f, r, "onset", v, self.keys("Onset")?)?;
        }
        if d.cell_lines.is_empty() || d.onset.is_empty() || d.inheritance.is_empty() {
            return Err(invalid(f, r, "cell_lines, inheritance and onset must not be empty"));
        }
        if d.features.is_empty() {
            return Err(invalid(f, r, "a disorder needs at least one feature (symptom)"));
        }
        if d.treatments.is_empty() {
            return Err(invalid(f, r, "a disorder needs at least one treatment"));
        }
        if d.tests.is_empty() {
            return Err(invalid(f, r, "a disorder needs at least one diagnostic test"));
        }
        if d.sources.is_empty() {
            return Err(invalid(f, r, "a disorder needs at least one source"));
        }
        for s in &d.sources {
            check_ref(f, r, "source", s, &keys.sources)?;
        }
        for rel in &d.relations {
            one_of(f, r, "relation kind", &rel.kind, self.keys("RelationKind")?)?;
            check_ref(f, r, "relation target", &rel.target, &keys.disorders)?;
            check_ref(f, r, "source", &rel.source, &keys.sources)?;
            if rel.target == d.key {
                return Err(invalid(f, r, "a disorder cannot relate to itself"));
            }
        }
        Ok(())
    }

    /// A disorder's features, treatments, tests, causes, ignored annotations and risks.
    fn validate_disorder_uses(&self, ontology: &Ontology, f: &str, d: &DisorderRec, keys: &Keys) -> Result<()> {
        let r = d.key.as_str();
        let mut seen = BTreeSet::new();
        for feat in &d.features {
            check_ref(f, r, "symptom", &feat.symptom, &keys.symptoms)?;
            one_of(f, r, "frequency", &feat.frequency, self.keys("Frequency")?)?;
            check_ref(f, r, "source", &feat.source, &keys.sources)?;
            if !seen.insert(feat.symptom.as_str()) {
                return Err(invalid(f, r, format!("feature {:?} listed twice", feat.symptom)));
            }
            self.check_override(ontology, f, d, feat)?;
        }
        let mut seen = BTreeSet::new();
        for t in &d.treatments {
            check_ref(f, r, "treatment", &t.treatment, &keys.treatments)?;
            one_of(f, r, "role", &t.role, self.keys("TreatmentRole")?)?;
            check_ref(f, r, "source", &t.source, &keys.sources)?;
            if !seen.insert(t.treatment.as_str()) {
                return Err(invalid(f, r, format!("treatment {:?} listed twice", t.treatment)));
            }
        }
        for t in &d.tests {
            check_ref(f, r, "diagnostic test", t, &keys.tests)?;
        }
        for c in &d.causes {
            check_ref(f, r, "cause", c, &keys.causes)?;
        }
        for ignored in &d.ignored_annotations {
            ontology.check(f, r, &ignored.hpo)?;
            if ignored.note.trim().is_empty() {
                return Err(invalid(
                    f,
                    r,
                    format!("ignored annotation {}: the note must say why", ignored.hpo),
                ));
            }
        }
        for risk in &d.risks {
            check_ref(f, r, "source", &risk.source, &keys.sources)?;
            if let Some(curie) = &risk.hpo {
                ontology.check(f, r, curie)?;
            }
        }
        Ok(())
    }

    /// A disorder's ORPHA and OMIM entries: in HPO, named as HPO names them (or a note says why), and
    /// exact or subtype in one disorder only.
    fn validate_xrefs(&self, ontology: &Ontology, f: &str, d: &DisorderRec, owners: &mut XrefOwners) -> Result<()> {
        let r = d.key.as_str();
        for (prefix, xrefs, owners) in [
            ("ORPHA", &d.orpha, &mut owners.orpha),
            ("OMIM", &d.omim, &mut owners.omim),
        ] {
            let mut seen = BTreeSet::new();
            for x in xrefs {
                let curie = format!("{prefix}:{}", x.id);
                one_of(f, r, &format!("{curie} match"), &x.match_kind, self.keys("XrefMatch")?)?;
                if !seen.insert(x.id) {
                    return Err(invalid(f, r, format!("{curie} listed twice")));
                }
                let hpo_names = self.disease_names.get(&curie).ok_or_else(|| {
                    invalid(
                        f,
                        r,
                        format!(
                            "{curie} does not exist in HPO {} (derived/hpo_diseases.tsv)",
                            ontology.release
                        ),
                    )
                })?;
                if x.match_kind == "closest" && x.note.is_none() {
                    return Err(invalid(
                        f,
                        r,
                        format!("{curie} is only the closest entry: a note must say why"),
                    ));
                }
                if let Some(name) = &x.name
                    && !hpo_names.contains(name)
                    && x.note.is_none()
                {
                    return Err(invalid(
                        f,
                        r,
                        format!("{curie}: name {name:?} differs from HPO's {hpo_names:?}; add a note explaining it"),
                    ));
                }
                if x.match_kind != "closest"
                    && let Some(other) = owners.insert(x.id, d.key.clone())
                {
                    return Err(invalid(
                        f,
                        r,
                        format!(
                            "{curie} is also an exact or subtype entry of {other}; one of them must mark it closest"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// A disorder's WHO ICD-10 codes.
    fn validate_icd10(&self, f: &str, d: &DisorderRec) -> Result<()> {
        let r = d.key.as_str();
        for icd in &d.icd10 {
            one_of(
                f,
                r,
                &format!("ICD-10 {} match", icd.code),
                &icd.match_kind,
                self.keys("IcdMatch")?,
            )?;
            if !self.icd10_titles.contains_key(&icd.code) {
                return Err(invalid(
                    f,
                    r,
                    format!(
                        "ICD-10 code {:?} does not exist in WHO ICD-10 {}",
                        icd.code, self.vocabularies.releases.icd10
                    ),
                ));
            }
        }
        if d.icd10.is_empty() {
            return Err(invalid(
                f,
                r,
                "a disorder needs at least one ICD-10 code (exact or nearest parent)",
            ));
        }
        Ok(())
    }

    /// A curated frequency that differs from HPO's is an override: it must say what HPO gives
    /// (`hpo_frequency`, checked against the annotations) and why (`note`, with a clinical source).
    fn check_override(&self, ontology: &Ontology, f: &str, d: &DisorderRec, feat: &FeatureRec) -> Result<()> {
        let r = d.key.as_str();
        let what = format!("feature {:?}", feat.symptom);
        match &feat.hpo_frequency {
            Some(hpo) => {
                one_of(f, r, &format!("{what} hpo_frequency"), hpo, self.keys("Frequency")?)?;
                let classes = self.hpo_classes(ontology, d, &feat.symptom, true);
                if !classes.contains(hpo.as_str()) {
                    return Err(invalid(
                        f,
                        r,
                        format!(
                            "{what}: hpo_frequency {hpo:?} is not what HPO 2025-01-16 gives on the exact entries ({})",
                            if classes.is_empty() {
                                "no frequency".to_owned()
                            } else {
                                classes.into_iter().collect::<Vec<_>>().join(", ")
                            }
                        ),
                    ));
                }
                if *hpo == feat.frequency {
                    return Err(invalid(
                        f,
                        r,
                        format!("{what}: hpo_frequency equals frequency; drop it"),
                    ));
                }
                if feat.source == "hpo_2025_01_16" {
                    return Err(invalid(
                        f,
                        r,
                        format!("{what}: an override of HPO needs a clinical source"),
                    ));
                }
                if feat.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    return Err(invalid(
                        f,
                        r,
                        format!("{what}: an override needs a note with the cited figure"),
                    ));
                }
            }
            None => {
                let classes = self.hpo_classes(ontology, d, &feat.symptom, false);
                if !classes.is_empty() && !classes.contains(feat.frequency.as_str()) {
                    return Err(invalid(
                        f,
                        r,
                        format!(
                            "{what}: frequency {:?} differs from HPO 2025-01-16 ({}); record HPO's class as hpo_frequency with a note and a clinical source",
                            feat.frequency,
                            classes.into_iter().collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            }
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

    fn link_genes(&mut self, data_dir: &Path) -> Result<()> {
        let mut wanted: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for d in &self.disorders {
            for (prefix, xrefs) in [("ORPHA", &d.orpha), ("OMIM", &d.omim)] {
                for x in xrefs.iter().filter(|x| x.match_kind != "closest") {
                    wanted
                        .entry(format!("{prefix}:{}", x.id))
                        .or_default()
                        .push(d.key.clone());
                }
            }
        }
        let file = "derived/hpo_disease_genes.tsv";
        let text = crate::read(&data_dir.join(file))?;
        let mut genes: BTreeMap<String, (u32, BTreeSet<u32>)> = BTreeMap::new();
        let order: BTreeMap<&str, u32> = self.disorders.iter().map(|d| (d.key.as_str(), d.id)).collect();
        let mut per_disorder: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for row in tsv_rows(file, &text, 3) {
            let (line, cols) = row?;
            let Some(owners) = wanted.get(cols[0]) else { continue };
            let ncbi = parse_u32(file, line, cols[1])?;
            let entry = genes.entry(cols[2].to_owned()).or_insert((ncbi, BTreeSet::new()));
            if entry.0 != ncbi {
                return Err(invalid(
                    file,
                    &format!("line {line}"),
                    format!("{} has two NCBI ids", cols[2]),
                ));
            }
            for owner in owners {
                entry.1.insert(order[owner.as_str()]);
                per_disorder
                    .entry(owner.clone())
                    .or_default()
                    .insert(cols[2].to_owned());
            }
        }
        let by_id: BTreeMap<u32, &str> = self.disorders.iter().map(|d| (d.id, d.key.as_str())).collect();
        // The subtype-to-group rule: a gene of a subtype answers for its group too, through the subtype.
        let groups = self.groups();
        self.genes = genes
            .into_iter()
            .map(|(symbol, (ncbi, ids))| {
                let mut links: BTreeMap<u32, Option<String>> = ids.iter().map(|id| (*id, None)).collect();
                for id in &ids {
                    for group in groups.get(by_id[id]).into_iter().flatten() {
                        links
                            .entry(order[group.as_str()])
                            .or_insert_with(|| Some(by_id[id].to_owned()));
                    }
                }
                GeneRec {
                    symbol,
                    ncbi,
                    disorders: links.keys().map(|id| by_id[id].to_owned()).collect(),
                    through: links.into_values().collect(),
                }
            })
            .collect();
        self.disorder_genes = per_disorder
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect();
        Ok(())
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

    fn symptom_reverse(&self) -> BTreeMap<&str, Vec<&str>> {
        let mut map: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for d in &self.disorders {
            for f in &d.features {
                map.entry(f.symptom.as_str()).or_default().push(d.key.as_str());
            }
        }
        map
    }

    /// Emits the knowledge modules.
    pub fn emit(&self) -> Vec<GeneratedFile> {
        vec![self.emit_disorders(), self.emit_vocabularies(), self.emit_indexes()]
    }

    fn emit_disorders(&self) -> GeneratedFile {
        let mut o = String::from(BANNER);
        o.push_str("use crate::classes::*;\nuse crate::codes::*;\nuse crate::disorder::*;\nuse crate::gene::Gene;\nuse crate::{Cause, DiagnosticTest, Source, Symptom, Treatment};\n\n");
        let variants: Vec<(String, u32, String)> = self
            .disorders
            .iter()
            .map(|d| (camel(&d.key), d.id, d.name.clone()))
            .collect();
        o.push_str(&enum_def(
            "Disorder",
            "A bone marrow failure disorder. Discriminants are stable: new disorders get new numbers.\n///\n/// ```\n/// use marrowkb::Disorder;\n/// assert_eq!(Disorder::FanconiAnemia as u32, 9);\n/// assert_eq!(Disorder::FanconiAnemia.name(), \"Fanconi anemia\");\n/// ```",
            &variants,
        ));
        let gene_index: BTreeMap<&str, usize> = self
            .genes
            .iter()
            .enumerate()
            .map(|(i, g)| (g.symbol.as_str(), i))
            .collect();
        let _ = writeln!(
            o,
            "pub(crate) static DISORDERS: [DisorderInfo; {}] = [",
            self.disorders.len()
        );
        for d in &self.disorders {
            let v = camel(&d.key);
            let xref = |prefix: &str, ty: &str, xs: &[XrefRec]| {
                slice(xs.iter().map(|x| {
                    let curie = format!("{prefix}:{}", x.id);
                    let name = self
                        .disease_names
                        .get(&curie)
                        .and_then(|n| n.first())
                        .cloned()
                        .unwrap_or_default();
                    format!(
                        "Xref {{ id: {ty}::new({}), name: {}, match_kind: XrefMatch::{}, note: {} }}",
                        x.id,
                        lit(&name),
                        camel(&x.match_kind),
                        opt_lit(x.note.as_deref())
                    )
                }))
            };
            let genes = self.disorder_genes.get(&d.key).cloned().unwrap_or_default();
            let _ = writeln!(o, "    DisorderInfo {{");
            let _ = writeln!(o, "        disorder: Disorder::{v},");
            let _ = writeln!(o, "        id: {},", d.id);
            let _ = writeln!(o, "        key: {},", lit(&d.key));
            let _ = writeln!(o, "        name: {},", lit(&d.name));
            let _ = writeln!(
                o,
                "        synonyms: {},",
                slice(d.synonyms.iter().chain(&d.shared_synonyms).map(|s| lit(s)))
            );
            let _ = writeln!(
                o,
                "        abbreviations: {},",
                slice(d.abbreviations.iter().map(|s| lit(s)))
            );
            let _ = writeln!(o, "        description: {},", lit(&d.description));
            let _ = writeln!(o, "        summary: {},", opt_lit(d.summary.as_deref()));
            let _ = writeln!(o, "        origin: Origin::{},", camel(&d.origin));
            let _ = writeln!(o, "        neoplasm: {},", d.neoplasm);
            let _ = writeln!(
                o,
                "        cell_lines: {},",
                slice(d.cell_lines.iter().map(|c| format!("CellLine::{}", camel(c))))
            );
            let _ = writeln!(
                o,
                "        inheritance: {},",
                slice(d.inheritance.iter().map(|c| format!("Inheritance::{}", camel(c))))
            );
            let _ = writeln!(
                o,
                "        onset: {},",
                slice(d.onset.iter().map(|c| format!("Onset::{}", camel(c))))
            );
            let _ = writeln!(
                o,
                "        relations: {},",
                slice(d.relations.iter().map(|r| format!(
                    "Relation {{ kind: RelationKind::{}, target: Disorder::{}, source: Source::{} }}",
                    camel(&r.kind),
                    camel(&r.target),
                    camel(&r.source)
                )))
            );
            let _ = writeln!(o, "        orpha: {},", xref("ORPHA", "OrphaId", &d.orpha));
            let _ = writeln!(o, "        omim: {},", xref("OMIM", "OmimId", &d.omim));
            let _ =
                writeln!(o, "        icd10: {},", slice(d.icd10.iter().map(|i| format!(
                "Icd10Xref {{ code: Icd10Code::from_static({}), title: {}, match_kind: IcdMatch::{}, note: {} }}",
                lit(&i.code), lit(&self.icd10_titles[&i.code]), camel(&i.match_kind), opt_lit(i.note.as_deref())
            ))));
            let _ = writeln!(
                o,
                "        genes: {},",
                slice(genes.iter().map(|g| format!("Gene({})", gene_index[g.as_str()])))
            );
            let _ = writeln!(
                o,
                "        features: {},",
                slice(d.features.iter().map(|f| format!(
                    "Feature {{ symptom: Symptom::{}, frequency: Frequency::{}, source: Source::{}, hpo_frequency: {}, note: {} }}",
                    camel(&f.symptom),
                    camel(&f.frequency),
                    camel(&f.source),
                    f.hpo_frequency.as_deref().map_or_else(|| "None".to_owned(), |h| format!("Some(Frequency::{})", camel(h))),
                    opt_lit(f.note.as_deref())
                )))
            );
            let _ = writeln!(
                o,
                "        treatments: {},",
                slice(d.treatments.iter().map(|t| format!(
                    "TreatmentUse {{ treatment: Treatment::{}, role: TreatmentRole::{}, source: Source::{} }}",
                    camel(&t.treatment),
                    camel(&t.role),
                    camel(&t.source)
                )))
            );
            let _ = writeln!(
                o,
                "        tests: {},",
                slice(d.tests.iter().map(|t| format!("DiagnosticTest::{}", camel(t))))
            );
            let _ = writeln!(
                o,
                "        causes: {},",
                slice(d.causes.iter().map(|c| format!("Cause::{}", camel(c))))
            );
            let _ = writeln!(
                o,
                "        risks: {},",
                slice(d.risks.iter().map(|r| format!(
                    "Risk {{ name: {}, hpo: {}, source: Source::{} }}",
                    lit(&r.name),
                    r.hpo.as_deref().map_or("None".into(), |h| format!(
                        "Some(HpoId::new({}))",
                        h[3..].trim_start_matches('0')
                    )),
                    camel(&r.source)
                )))
            );
            let _ = writeln!(
                o,
                "        sources: {},",
                slice(d.sources.iter().map(|s| format!("Source::{}", camel(s))))
            );
            let _ = writeln!(o, "    }},");
        }
        o.push_str("];\n");
        GeneratedFile {
            target: crate::Target::Core,
            name: "disorders.rs".into(),
            contents: o,
        }
    }

    fn emit_vocabularies(&self) -> GeneratedFile {
        let mut o = String::from(BANNER);
        o.push_str("use crate::classes::*;\nuse crate::codes::*;\nuse crate::gene::{GeneInfo, GeneLink};\nuse crate::{Disorder, cause::*, diagnostic_test::*, source::*, symptom::*, treatment::*};\n\n");
        let _ = writeln!(
            o,
            "/// The releases the data was derived from and checked against.\npub(crate) const DATA_VERSION: &str = {};\n",
            lit(&self.vocabularies.releases.data_version())
        );
        let reverse = self.symptom_reverse();
        let disorders_of = |keys: Vec<&str>| slice(keys.into_iter().map(|k| format!("Disorder::{}", camel(k))));
        let users = |pred: &dyn Fn(&DisorderRec) -> bool| -> Vec<&str> {
            self.disorders
                .iter()
                .filter(|d| pred(d))
                .map(|d| d.key.as_str())
                .collect()
        };

        // Symptoms.
        let variants: Vec<_> = self
            .symptoms
            .iter()
            .map(|s| (camel(&s.key), s.id, s.name.clone()))
            .collect();
        o.push_str(&enum_def("Symptom", "A symptom or clinical feature. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::Symptom;\n/// assert_eq!(Symptom::from_discriminant(Symptom::ALL[0] as u32).unwrap(), Symptom::ALL[0]);\n/// ```", &variants));
        let _ = writeln!(
            o,
            "pub(crate) static SYMPTOMS: [SymptomInfo; {}] = [",
            self.symptoms.len()
        );
        for s in &self.symptoms {
            let hpo = slice(
                s.hpo
                    .iter()
                    .map(|h| format!("HpoId::new({})", h[3..].trim_start_matches('0'))),
            );
            let _ = writeln!(
                o,
                "    SymptomInfo {{ symptom: Symptom::{}, id: {}, key: {}, name: {}, plain: {}, hpo: {hpo}, system: BodySystem::{}, article: {}, disorders: {} }},",
                camel(&s.key),
                s.id,
                lit(&s.key),
                lit(&s.name),
                lit(&s.plain),
                camel(&s.system),
                opt_lit(s.article.as_deref()),
                disorders_of(reverse.get(s.key.as_str()).cloned().unwrap_or_default())
            );
        }
        o.push_str("];\n\n");

        // Treatments.
        let variants: Vec<_> = self
            .treatments
            .iter()
            .map(|s| (camel(&s.key), s.id, s.name.clone()))
            .collect();
        o.push_str(&enum_def("Treatment", "A treatment. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::Treatment;\n/// assert_eq!(Treatment::BloodTransfusion.key(), \"blood_transfusion\");\n/// ```", &variants));
        let _ = writeln!(
            o,
            "pub(crate) static TREATMENTS: [TreatmentInfo; {}] = [",
            self.treatments.len()
        );
        for t in &self.treatments {
            let ds = users(&|d: &DisorderRec| d.treatments.iter().any(|u| u.treatment == t.key));
            let _ = writeln!(
                o,
                "    TreatmentInfo {{ treatment: Treatment::{}, id: {}, key: {}, name: {}, description: {}, kind: TreatmentRole::{}, article: {}, source: Source::{}, disorders: {} }},",
                camel(&t.key),
                t.id,
                lit(&t.key),
                lit(&t.name),
                lit(&t.description),
                camel(&t.kind),
                t.article,
                camel(&t.source),
                disorders_of(ds)
            );
        }
        o.push_str("];\n\n");

        // Causes.
        let variants: Vec<_> = self
            .causes
            .iter()
            .map(|s| (camel(&s.key), s.id, s.name.clone()))
            .collect();
        o.push_str(&enum_def("Cause", "A cause of bone marrow failure. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::Cause;\n/// assert_eq!(Cause::ALL.len(), Cause::COUNT);\n/// ```", &variants));
        let _ = writeln!(o, "pub(crate) static CAUSES: [CauseInfo; {}] = [", self.causes.len());
        for c in &self.causes {
            let ds = users(&|d: &DisorderRec| d.causes.contains(&c.key));
            let _ = writeln!(
                o,
                "    CauseInfo {{ cause: Cause::{}, id: {}, key: {}, name: {}, description: {}, source: Source::{}, disorders: {} }},",
                camel(&c.key),
                c.id,
                lit(&c.key),
                lit(&c.name),
                lit(&c.description),
                camel(&c.source),
                disorders_of(ds)
            );
        }
        o.push_str("];\n\n");

        // Diagnostic tests.
        let variants: Vec<_> = self
            .tests
            .iter()
            .map(|s| (camel(&s.key), s.id, s.name.clone()))
            .collect();
        o.push_str(&enum_def("DiagnosticTest", "A diagnostic test. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::DiagnosticTest;\n/// assert_eq!(DiagnosticTest::CompleteBloodCount.key(), \"complete_blood_count\");\n/// ```", &variants));
        let _ = writeln!(
            o,
            "pub(crate) static DIAGNOSTIC_TESTS: [DiagnosticTestInfo; {}] = [",
            self.tests.len()
        );
        for t in &self.tests {
            let ds = users(&|d: &DisorderRec| d.tests.contains(&t.key));
            let _ = writeln!(
                o,
                "    DiagnosticTestInfo {{ test: DiagnosticTest::{}, id: {}, key: {}, name: {}, description: {}, article: {}, source: Source::{}, disorders: {} }},",
                camel(&t.key),
                t.id,
                lit(&t.key),
                lit(&t.name),
                lit(&t.description),
                t.article,
                camel(&t.source),
                disorders_of(ds)
            );
        }
        o.push_str("];\n\n");

        // Sources.
        let variants: Vec<_> = self
            .sources
            .iter()
            .map(|s| (camel(&s.key), s.id, s.title.clone()))
            .collect();
        o.push_str(&enum_def("Source", "A cited source. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::Source;\n/// assert_eq!(Source::Article.key(), \"article\");\n/// ```", &variants));
        let _ = writeln!(o, "pub(crate) static SOURCES: [SourceInfo; {}] = [", self.sources.len());
        for s in &self.sources {
            let _ = writeln!(
                o,
                "    SourceInfo {{ source: Source::{}, id: {}, key: {}, name: {}, title: {}, publisher: {}, year: {}, url: {}, licence: {} }},",
                camel(&s.key),
                s.id,
                lit(&s.key),
                lit(&s.key),
                lit(&s.title),
                lit(&s.publisher),
                s.year.map_or("None".into(), |y| format!("Some({y})")),
                opt_lit(s.url.as_deref()),
                opt_lit(s.licence.as_deref())
            );
        }
        o.push_str("];\n\n");

        // Genes.
        let _ = writeln!(o, "pub(crate) static GENES: [GeneInfo; {}] = [", self.genes.len());
        for g in &self.genes {
            let _ = writeln!(
                o,
                "    GeneInfo {{ symbol: {}, ncbi_gene_id: {}, disorders: {}, links: {} }},",
                lit(&g.symbol),
                g.ncbi,
                disorders_of(g.disorders.iter().map(String::as_str).collect()),
                slice(g.disorders.iter().zip(&g.through).map(|(d, through)| format!(
                    "GeneLink {{ disorder: Disorder::{}, through: {} }}",
                    camel(d),
                    through.as_ref().map_or("None".to_owned(), |t| format!("Some(Disorder::{})", camel(t)))
                )))
            );
        }
        o.push_str("];\n");
        GeneratedFile {
            target: crate::Target::Core,
            name: "vocabularies.rs".into(),
            contents: o,
        }
    }

    fn emit_indexes(&self) -> GeneratedFile {
        let mut o = String::from(BANNER);
        o.push_str(
            "use crate::classes::*;\nuse crate::{Cause, DiagnosticTest, Disorder, Source, Symptom, Treatment};\n\n",
        );
        let tables = self.name_tables();
        write_name_maps(&mut o, &tables);
        self.write_search_tables(&mut o, &tables);
        self.write_code_indexes(&mut o);
        self.write_symptom_and_gene_maps(&mut o);
        GeneratedFile {
            target: crate::Target::Core,
            name: "indexes.rs".into(),
            contents: o,
        }
    }

    /// Every normalized look-up name of the disorders, with the short forms.
    fn disorder_names(&self) -> BTreeMap<String, String> {
        let mut disorder_names: BTreeMap<String, String> = BTreeMap::new();
        for d in &self.disorders {
            for name in self.lookup_names(d) {
                if let Ok(n) = marrowkb_normalize::normalize(name) {
                    disorder_names.insert(n.as_str().to_owned(), format!("Disorder::{}", camel(&d.key)));
                }
            }
        }
        // Short forms people write: a name without its generic last word ("Kostmann" for Kostmann syndrome,
        // "Fanconi" for Fanconi anemia). Added only where the short form is no explicit name and points to
        // one disorder alone.
        let mut stems: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for d in &self.disorders {
            for name in self.lookup_names(d) {
                let Ok(n) = marrowkb_normalize::normalize(name) else {
                    continue;
                };
                for suffix in GENERIC_LAST_WORDS {
                    if let Some(stem) = n.as_str().strip_suffix(suffix)
                        && stem.len() >= 4
                    {
                        stems.entry(stem.to_owned()).or_default().insert(d.key.clone());
                    }
                }
            }
        }
        for (stem, owners) in stems {
            if let (Some(owner), 1) = (owners.first(), owners.len()) {
                disorder_names
                    .entry(stem)
                    .or_insert_with(|| format!("Disorder::{}", camel(owner)));
            }
        }
        disorder_names
    }

    /// For each entity: its type, the prefix of its tables, and its key and name maps.
    fn name_tables(&self) -> Vec<(&'static str, &'static str, KeyAndNameMaps)> {
        vec![
            (
                "Disorder",
                "DISORDER",
                (
                    self.disorders
                        .iter()
                        .map(|d| (d.key.clone(), format!("Disorder::{}", camel(&d.key))))
                        .collect(),
                    self.disorder_names(),
                ),
            ),
            (
                "Symptom",
                "SYMPTOM",
                keyed(
                    "Symptom",
                    self.symptoms
                        .iter()
                        .map(|s| (s.key.as_str(), vec![s.name.as_str(), s.plain.as_str()]))
                        .collect(),
                ),
            ),
            (
                "Treatment",
                "TREATMENT",
                keyed(
                    "Treatment",
                    self.treatments
                        .iter()
                        .map(|s| (s.key.as_str(), vec![s.name.as_str()]))
                        .collect(),
                ),
            ),
            (
                "Cause",
                "CAUSE",
                keyed(
                    "Cause",
                    self.causes
                        .iter()
                        .map(|s| (s.key.as_str(), vec![s.name.as_str()]))
                        .collect(),
                ),
            ),
            (
                "DiagnosticTest",
                "DIAGNOSTIC_TEST",
                keyed(
                    "DiagnosticTest",
                    self.tests
                        .iter()
                        .map(|s| (s.key.as_str(), vec![s.name.as_str()]))
                        .collect(),
                ),
            ),
            (
                "Source",
                "SOURCE",
                keyed(
                    "Source",
                    self.sources.iter().map(|s| (s.key.as_str(), vec![])).collect(),
                ),
            ),
        ]
    }

    /// Suggestion candidates and the normalized names free-text search matches against.
    fn write_search_tables(&self, o: &mut String, tables: &[(&str, &str, KeyAndNameMaps)]) {
        // Suggestion candidates: every disorder look-up name of 4 characters or more, with its letter counts
        // (a-z then 0-9), so that suggestions can skip names that cannot be similar without touching them.
        if let Some((_, _, (_, names))) = tables.first() {
            let candidates: Vec<(&String, &String)> = names.iter().filter(|(n, _)| n.len() >= 4).collect();
            let _ = writeln!(
                o,
                "pub(crate) static DISORDER_SUGGESTION_NAMES: [(&str, Disorder, [u8; 36]); {}] = [",
                candidates.len()
            );
            for (name, value) in candidates {
                let counts = marrowkb_normalize::letter_counts(name);
                let _ = writeln!(o, "    ({}, {value}, {counts:?}),", lit(name));
            }
            o.push_str("];\n\n");
        }

        // Free-text search: the names `search` matches against, normalized here once rather than at every
        // query. Disorders: (normalized, as written) in the order `search` tries them, in `Disorder::ALL`
        // order; symptoms: (normalized name, normalized plain name) in `Symptom::ALL` order.
        let _ = writeln!(
            o,
            "pub(crate) static DISORDER_SEARCH_NAMES: [&[(&str, &str)]; {}] = [",
            self.disorders.len()
        );
        for d in &self.disorders {
            let pairs = self.lookup_names(d).filter_map(|name| {
                let n = marrowkb_normalize::normalize(name).ok()?;
                Some(format!("({}, {})", lit(n.as_str()), lit(name)))
            });
            let _ = writeln!(o, "    {},", slice(pairs));
        }
        o.push_str("];\n\n");
        let normalized_or_empty = |text: &str| {
            marrowkb_normalize::normalize(text)
                .map(|n| n.as_str().to_owned())
                .unwrap_or_default()
        };
        let _ = writeln!(
            o,
            "pub(crate) static SYMPTOM_SEARCH_NAMES: [(&str, &str); {}] = [",
            self.symptoms.len()
        );
        for s in &self.symptoms {
            let (name, plain) = (normalized_or_empty(&s.name), normalized_or_empty(&s.plain));
            let _ = writeln!(o, "    ({}, {}),", lit(&name), lit(&plain));
        }
        o.push_str("];\n\n");
    }

    /// ORPHA, OMIM and ICD-10 indexes, and the ICD-10 subcategories that resolve through their category.
    fn write_code_indexes(&self, o: &mut String) {
        // Code indexes.
        for (prefix, name) in [("ORPHA", "ORPHA_INDEX"), ("OMIM", "OMIM_INDEX")] {
            let mut links: BTreeMap<u32, Vec<(u8, u32, String)>> = BTreeMap::new();
            for d in &self.disorders {
                let xs = if prefix == "ORPHA" { &d.orpha } else { &d.omim };
                for x in xs {
                    let rank = u8::from(x.match_kind == "closest");
                    links.entry(x.id).or_default().push((
                        rank,
                        d.id,
                        format!("(Disorder::{}, XrefMatch::{})", camel(&d.key), camel(&x.match_kind)),
                    ));
                }
            }
            let mut map = phf_codegen::Map::<u32>::new();
            for (id, mut v) in links {
                v.sort();
                map.entry(id, slice(v.into_iter().map(|(_, _, s)| s)));
            }
            let _ = writeln!(
                o,
                "pub(crate) static {name}: phf::Map<u32, &'static [(Disorder, XrefMatch)]> = {};\n",
                map.build()
            );
        }
        let mut icd: BTreeMap<&str, Vec<(u8, u32, String)>> = BTreeMap::new();
        for d in &self.disorders {
            for i in &d.icd10 {
                let rank = u8::from(i.match_kind != "exact");
                icd.entry(i.code.as_str()).or_default().push((
                    rank,
                    d.id,
                    format!("(Disorder::{}, IcdMatch::{})", camel(&d.key), camel(&i.match_kind)),
                ));
            }
        }
        let mut map = phf_codegen::Map::<&str>::new();
        for (code, v) in &icd {
            let mut v = v.clone();
            v.sort();
            map.entry(*code, slice(v.into_iter().map(|(_, _, s)| s)));
        }
        let _ = writeln!(
            o,
            "pub(crate) static ICD10_INDEX: phf::Map<&'static str, &'static [(Disorder, IcdMatch)]> = {};\n",
            map.build()
        );
        // WHO subcategories no disorder carries, whose category one does: they resolve through it.
        let mut map = phf_codegen::Map::<&str>::new();
        for code in self.icd10_titles.keys() {
            if let Some((category, _)) = code.split_once('.')
                && !icd.contains_key(code.as_str())
                && icd.contains_key(category)
            {
                map.entry(code.as_str(), lit(category));
            }
        }
        let _ = writeln!(
            o,
            "/// WHO ICD-10 {} subcategory → its category, for subcategories no disorder carries whose category one does.\npub(crate) static ICD10_PARENT: phf::Map<&'static str, &'static str> = {};\n",
            self.vocabularies.releases.icd10,
            map.build()
        );
    }

    /// HPO id → symptom and gene symbol → gene index.
    fn write_symptom_and_gene_maps(&self, o: &mut String) {
        let mut map = phf_codegen::Map::<u32>::new();
        for s in &self.symptoms {
            for h in &s.hpo {
                if let Ok(id) = h[3..].parse::<u32>() {
                    map.entry(id, format!("Symptom::{}", camel(&s.key)));
                }
            }
        }
        let _ = writeln!(
            o,
            "pub(crate) static SYMPTOM_BY_HPO: phf::Map<u32, Symptom> = {};\n",
            map.build()
        );

        let mut map = phf_codegen::Map::<&str>::new();
        for (i, g) in self.genes.iter().enumerate() {
            map.entry(g.symbol.as_str(), format!("{i}"));
        }
        let _ = writeln!(
            o,
            "pub(crate) static GENE_BY_SYMBOL: phf::Map<&'static str, u16> = {};",
            map.build()
        );
    }
}

/// Records of one vocabulary: key and the names that must identify it.
type NamedRecords<'a> = Vec<(&'a str, Vec<&'a str>)>;

/// Key → Rust value expression, and normalized name → Rust value expression.
type KeyAndNameMaps = (BTreeMap<String, String>, BTreeMap<String, String>);

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

/// Key and normalized-name maps of one vocabulary (key first, then its other names).
fn keyed(ty: &str, recs: Vec<(&str, Vec<&str>)>) -> KeyAndNameMaps {
    let mut keys = BTreeMap::new();
    let mut names = BTreeMap::new();
    for (key, other_names) in recs {
        keys.insert(key.to_owned(), format!("{ty}::{}", camel(key)));
        for name in std::iter::once(key).chain(other_names) {
            if let Ok(n) = marrowkb_normalize::normalize(name) {
                names
                    .entry(n.as_str().to_owned())
                    .or_insert_with(|| format!("{ty}::{}", camel(key)));
            }
        }
    }
    (keys, names)
}

/// The `*_BY_KEY` and `*_BY_NAME` maps of every entity.
fn write_name_maps(o: &mut String, tables: &[(&str, &str, KeyAndNameMaps)]) {
    for (ty, prefix, (keys, names)) in tables {
        let mut map = phf_codegen::Map::<&str>::new();
        for (k, v) in keys {
            map.entry(k.as_str(), v.clone());
        }
        let _ = writeln!(
            o,
            "pub(crate) static {prefix}_BY_KEY: phf::Map<&'static str, {ty}> = {};\n",
            map.build()
        );
        let mut map = phf_codegen::Map::<ByteKey>::new();
        for (k, v) in names {
            map.entry(ByteKey(k.as_str()), v.clone());
        }
        let _ = writeln!(
            o,
            "pub(crate) static {prefix}_BY_NAME: phf::Map<&'static [u8], {ty}> = {};\n",
            map.build()
        );
    }
}
