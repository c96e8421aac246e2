//! The derived HPO and ICD-10 extracts (`derived/hpo_diseases.tsv`, `icd10.tsv`, `hpo_annotations.tsv`,
//! `hpo_disease_genes.tsv`) as the knowledge uses them: disease names, ICD-10 titles, annotation frequency
//! classes and gene links.

use super::*;

/// The HPO frequency class of a phenotype.hpoa frequency (`HP:0040281`, `n/m`, `x%`); `None` when empty.
pub(super) fn frequency_class(text: &str) -> Option<&'static str> {
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
pub(super) fn is_below(ontology: &Ontology, term: u32, ancestor: u32) -> bool {
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

impl Knowledge {
    pub(super) fn load_derived(&mut self, data_dir: &Path) -> Result<()> {
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
    pub(super) fn hpo_classes(
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

    pub(super) fn link_genes(&mut self, data_dir: &Path) -> Result<()> {
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
}
