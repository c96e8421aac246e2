//! The disorder files `disorders/*.toml`: schema, validation (fields, references, ORPHA/OMIM/ICD-10 entries,
//! frequency overrides) and emission (`generated/disorders.rs`).

use super::*;

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

impl Knowledge {
    /// Disorder names: unique across disorders (after normalization) unless declared shared.
    pub(super) fn validate_disorder_names(&self) -> Result<()> {
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
    pub(super) fn validate_disorder_fields(&self, f: &str, d: &DisorderRec, keys: &Keys) -> Result<()> {
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
    pub(super) fn validate_disorder_uses(
        &self,
        ontology: &Ontology,
        f: &str,
        d: &DisorderRec,
        keys: &Keys,
    ) -> Result<()> {
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
    pub(super) fn validate_xrefs(
        &self,
        ontology: &Ontology,
        f: &str,
        d: &DisorderRec,
        owners: &mut XrefOwners,
    ) -> Result<()> {
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
    pub(super) fn validate_icd10(&self, f: &str, d: &DisorderRec) -> Result<()> {
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
    pub(super) fn check_override(
        &self,
        ontology: &Ontology,
        f: &str,
        d: &DisorderRec,
        feat: &FeatureRec,
    ) -> Result<()> {
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

    pub(super) fn emit_disorders(&self) -> GeneratedFile {
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
            let _ = writeln!(o, "    DisorderInfo {{");
            write_disorder_fields(&mut o, d);
            self.write_disorder_links(&mut o, d, &gene_index);
            let _ = writeln!(o, "    }},");
        }
        o.push_str("];\n");
        GeneratedFile {
            target: crate::Target::Core,
            name: "disorders.rs".into(),
            contents: o,
        }
    }

    /// A disorder's ORPHA, OMIM, ICD-10, gene, feature, treatment, test, cause, risk and source fields.
    fn write_disorder_links(&self, o: &mut String, d: &DisorderRec, gene_index: &BTreeMap<&str, usize>) {
        let genes = self.disorder_genes.get(&d.key).cloned().unwrap_or_default();
        field(o, "orpha", self.xrefs("ORPHA", "OrphaId", &d.orpha));
        field(o, "omim", self.xrefs("OMIM", "OmimId", &d.omim));
        field(
            o,
            "icd10",
            slice(d.icd10.iter().map(|i| {
                format!(
                    "Icd10Xref {{ code: Icd10Code::from_static({}), title: {}, match_kind: IcdMatch::{}, note: {} }}",
                    lit(&i.code),
                    lit(&self.icd10_titles[&i.code]),
                    camel(&i.match_kind),
                    opt_lit(i.note.as_deref())
                )
            })),
        );
        field(
            o,
            "genes",
            slice(genes.iter().map(|g| format!("Gene({})", gene_index[g.as_str()]))),
        );
        field(o, "features", slice(d.features.iter().map(|f| format!(
                "Feature {{ symptom: Symptom::{}, frequency: Frequency::{}, source: Source::{}, hpo_frequency: {}, note: {} }}",
                camel(&f.symptom),
                camel(&f.frequency),
                camel(&f.source),
                f.hpo_frequency.as_deref().map_or_else(|| "None".to_owned(), |h| format!("Some(Frequency::{})", camel(h))),
                opt_lit(f.note.as_deref())
            ))));
        field(
            o,
            "treatments",
            slice(d.treatments.iter().map(|t| {
                format!(
                    "TreatmentUse {{ treatment: Treatment::{}, role: TreatmentRole::{}, source: Source::{} }}",
                    camel(&t.treatment),
                    camel(&t.role),
                    camel(&t.source)
                )
            })),
        );
        field(o, "tests", variants("DiagnosticTest", &d.tests));
        field(o, "causes", variants("Cause", &d.causes));
        field(
            o,
            "risks",
            slice(d.risks.iter().map(|r| {
                format!(
                    "Risk {{ name: {}, hpo: {}, source: Source::{} }}",
                    lit(&r.name),
                    r.hpo.as_deref().map_or("None".into(), |h| format!(
                        "Some(HpoId::new({}))",
                        h[3..].trim_start_matches('0')
                    )),
                    camel(&r.source)
                )
            })),
        );
        field(o, "sources", variants("Source", &d.sources));
    }

    /// `&[Xref { … }]` for a disorder's ORPHA or OMIM entries, with HPO's name of each.
    fn xrefs(&self, prefix: &str, ty: &str, xs: &[XrefRec]) -> String {
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
    }
}

/// A disorder's own fields, from `disorder` to `relations`.
fn write_disorder_fields(o: &mut String, d: &DisorderRec) {
    field(o, "disorder", format!("Disorder::{}", camel(&d.key)));
    field(o, "id", d.id);
    field(o, "key", lit(&d.key));
    field(o, "name", lit(&d.name));
    field(
        o,
        "synonyms",
        slice(d.synonyms.iter().chain(&d.shared_synonyms).map(|s| lit(s))),
    );
    field(o, "abbreviations", slice(d.abbreviations.iter().map(|s| lit(s))));
    field(o, "description", lit(&d.description));
    field(o, "summary", opt_lit(d.summary.as_deref()));
    field(o, "origin", format!("Origin::{}", camel(&d.origin)));
    field(o, "neoplasm", d.neoplasm);
    field(o, "cell_lines", variants("CellLine", &d.cell_lines));
    field(o, "inheritance", variants("Inheritance", &d.inheritance));
    field(o, "onset", variants("Onset", &d.onset));
    field(
        o,
        "relations",
        slice(d.relations.iter().map(|r| {
            format!(
                "Relation {{ kind: RelationKind::{}, target: Disorder::{}, source: Source::{} }}",
                camel(&r.kind),
                camel(&r.target),
                camel(&r.source)
            )
        })),
    );
}

/// Writes one field of a generated record: `        name: value,`.
fn field(o: &mut String, name: &str, value: impl std::fmt::Display) {
    let _ = writeln!(o, "        {name}: {value},");
}

/// `&[Ty::A, Ty::B]` for a list of keys.
fn variants(ty: &str, keys: &[String]) -> String {
    slice(keys.iter().map(|k| format!("{ty}::{}", camel(k))))
}
