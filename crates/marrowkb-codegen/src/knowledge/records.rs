//! The record files `symptoms.toml`, `treatments.toml`, `causes.toml`, `tests.toml` and `sources.toml`:
//! schema, validation and emission (the `Symptom`, `Treatment`, `Cause`, `DiagnosticTest` and `Source` enums
//! and tables of `generated/vocabularies.rs`).

use super::*;

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
pub(super) struct SymptomFile {
    pub(super) symptom: Vec<SymptomRec>,
}

#[derive(Debug, Deserialize)]
pub(super) struct TreatmentFile {
    pub(super) treatment: Vec<TreatmentRec>,
}

#[derive(Debug, Deserialize)]
pub(super) struct CauseFile {
    pub(super) cause: Vec<CauseRec>,
}

#[derive(Debug, Deserialize)]
pub(super) struct TestFile {
    pub(super) test: Vec<TestRec>,
}

#[derive(Debug, Deserialize)]
pub(super) struct SourceFile {
    pub(super) source: Vec<SourceRec>,
}

/// Records of one vocabulary: key and the names that must identify it.
pub(super) type NamedRecords<'a> = Vec<(&'a str, Vec<&'a str>)>;

impl Knowledge {
    /// symptoms.toml, treatments.toml, causes.toml and tests.toml: vocabulary values, HPO ids, sources.
    pub(super) fn validate_vocabulary_files(&self, ontology: &Ontology, keys: &Keys) -> Result<()> {
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
    pub(super) fn validate_vocabulary_names(&self) -> Result<()> {
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

    pub(super) fn symptom_reverse(&self) -> BTreeMap<&str, Vec<&str>> {
        let mut map: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for d in &self.disorders {
            for f in &d.features {
                map.entry(f.symptom.as_str()).or_default().push(d.key.as_str());
            }
        }
        map
    }

    pub(super) fn emit_vocabularies(&self) -> GeneratedFile {
        let mut o = String::from(BANNER);
        o.push_str("use crate::classes::*;\nuse crate::codes::*;\nuse crate::gene::{GeneInfo, GeneLink};\nuse crate::{Disorder, cause::*, diagnostic_test::*, source::*, symptom::*, treatment::*};\n\n");
        let _ = writeln!(
            o,
            "/// The releases the data was derived from and checked against.\npub(crate) const DATA_VERSION: &str = {};\n",
            lit(&self.vocabularies.releases.data_version())
        );
        let reverse = self.symptom_reverse();
        let symptom = Entity {
            ty: "Symptom",
            doc: "A symptom or clinical feature. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::Symptom;\n/// assert_eq!(Symptom::from_discriminant(Symptom::ALL[0] as u32).unwrap(), Symptom::ALL[0]);\n/// ```",
            table: "SYMPTOMS",
            info: "SymptomInfo",
        };
        write_entity(
            &mut o,
            &symptom,
            &self.symptoms,
            |s| (&s.key, s.id, &s.name),
            |s| {
                let hpo = slice(
                    s.hpo
                        .iter()
                        .map(|h| format!("HpoId::new({})", h[3..].trim_start_matches('0'))),
                );
                format!(
                    "SymptomInfo {{ symptom: Symptom::{}, id: {}, key: {}, name: {}, plain: {}, hpo: {hpo}, system: BodySystem::{}, article: {}, disorders: {} }}",
                    camel(&s.key),
                    s.id,
                    lit(&s.key),
                    lit(&s.name),
                    lit(&s.plain),
                    camel(&s.system),
                    opt_lit(s.article.as_deref()),
                    disorders_of(reverse.get(s.key.as_str()).cloned().unwrap_or_default())
                )
            },
        );
        let treatment = Entity {
            ty: "Treatment",
            doc: "A treatment. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::Treatment;\n/// assert_eq!(Treatment::BloodTransfusion.key(), \"blood_transfusion\");\n/// ```",
            table: "TREATMENTS",
            info: "TreatmentInfo",
        };
        write_entity(
            &mut o,
            &treatment,
            &self.treatments,
            |t| (&t.key, t.id, &t.name),
            |t| {
                format!(
                    "TreatmentInfo {{ treatment: Treatment::{}, id: {}, key: {}, name: {}, description: {}, kind: TreatmentRole::{}, article: {}, source: Source::{}, disorders: {} }}",
                    camel(&t.key),
                    t.id,
                    lit(&t.key),
                    lit(&t.name),
                    lit(&t.description),
                    camel(&t.kind),
                    t.article,
                    camel(&t.source),
                    disorders_of(self.users(|d| d.treatments.iter().any(|u| u.treatment == t.key)))
                )
            },
        );
        let cause = Entity {
            ty: "Cause",
            doc: "A cause of bone marrow failure. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::Cause;\n/// assert_eq!(Cause::ALL.len(), Cause::COUNT);\n/// ```",
            table: "CAUSES",
            info: "CauseInfo",
        };
        write_entity(
            &mut o,
            &cause,
            &self.causes,
            |c| (&c.key, c.id, &c.name),
            |c| {
                format!(
                    "CauseInfo {{ cause: Cause::{}, id: {}, key: {}, name: {}, description: {}, source: Source::{}, disorders: {} }}",
                    camel(&c.key),
                    c.id,
                    lit(&c.key),
                    lit(&c.name),
                    lit(&c.description),
                    camel(&c.source),
                    disorders_of(self.users(|d| d.causes.contains(&c.key)))
                )
            },
        );
        self.write_tests_sources_and_genes(&mut o);
        GeneratedFile {
            target: crate::Target::Core,
            name: "vocabularies.rs".into(),
            contents: o,
        }
    }

    /// The diagnostic test and source enums and tables, and the gene table.
    fn write_tests_sources_and_genes(&self, o: &mut String) {
        let test = Entity {
            ty: "DiagnosticTest",
            doc: "A diagnostic test. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::DiagnosticTest;\n/// assert_eq!(DiagnosticTest::CompleteBloodCount.key(), \"complete_blood_count\");\n/// ```",
            table: "DIAGNOSTIC_TESTS",
            info: "DiagnosticTestInfo",
        };
        write_entity(
            o,
            &test,
            &self.tests,
            |t| (&t.key, t.id, &t.name),
            |t| {
                format!(
                    "DiagnosticTestInfo {{ test: DiagnosticTest::{}, id: {}, key: {}, name: {}, description: {}, article: {}, source: Source::{}, disorders: {} }}",
                    camel(&t.key),
                    t.id,
                    lit(&t.key),
                    lit(&t.name),
                    lit(&t.description),
                    t.article,
                    camel(&t.source),
                    disorders_of(self.users(|d| d.tests.contains(&t.key)))
                )
            },
        );
        let source = Entity {
            ty: "Source",
            doc: "A cited source. Discriminants are stable.\n///\n/// ```\n/// use marrowkb::Source;\n/// assert_eq!(Source::Article.key(), \"article\");\n/// ```",
            table: "SOURCES",
            info: "SourceInfo",
        };
        write_entity(
            o,
            &source,
            &self.sources,
            |s| (&s.key, s.id, &s.title),
            |s| {
                format!(
                    "SourceInfo {{ source: Source::{}, id: {}, key: {}, name: {}, title: {}, publisher: {}, year: {}, url: {}, licence: {} }}",
                    camel(&s.key),
                    s.id,
                    lit(&s.key),
                    lit(&s.key),
                    lit(&s.title),
                    lit(&s.publisher),
                    s.year.map_or("None".into(), |y| format!("Some({y})")),
                    opt_lit(s.url.as_deref()),
                    opt_lit(s.licence.as_deref())
                )
            },
        );
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
    }

    /// The keys of the disorders that `uses` holds for, in discriminant order.
    fn users(&self, uses: impl Fn(&DisorderRec) -> bool) -> Vec<&str> {
        self.disorders
            .iter()
            .filter(|d| uses(d))
            .map(|d| d.key.as_str())
            .collect()
    }
}

/// The names of one entity's generated enum and info table.
struct Entity<'a> {
    ty: &'a str,
    doc: &'a str,
    table: &'a str,
    info: &'a str,
}

/// `Disorder::…` values as a slice literal.
fn disorders_of(keys: Vec<&str>) -> String {
    slice(keys.into_iter().map(|k| format!("Disorder::{}", camel(k))))
}

/// An entity's enum (variants from `variant`: key, discriminant, doc) and its info table, a row a record.
fn write_entity<R>(
    o: &mut String,
    entity: &Entity,
    records: &[R],
    variant: impl Fn(&R) -> (&String, u32, &String),
    row: impl Fn(&R) -> String,
) {
    let variants: Vec<_> = records
        .iter()
        .map(|r| {
            let (key, id, doc) = variant(r);
            (camel(key), id, doc.clone())
        })
        .collect();
    o.push_str(&enum_def(entity.ty, entity.doc, &variants));
    let _ = writeln!(
        o,
        "pub(crate) static {}: [{}; {}] = [",
        entity.table,
        entity.info,
        records.len()
    );
    for r in records {
        let _ = writeln!(o, "    {},", row(r));
    }
    o.push_str("];\n\n");
}
