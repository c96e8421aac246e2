//! The look-up tables of `generated/indexes.rs`: key and name maps of every entity, suggestion and search
//! names, code indexes, HPO id and gene symbol maps.

use super::*;

/// Generic last words whose removal gives a short look-up form (normalized spelling).
pub(super) const GENERIC_LAST_WORDS: [&str; 6] =
    ["syndrome", "disease", "anemia", "deficiency", "disorders", "disorder"];

/// Key → Rust value expression, and normalized name → Rust value expression.
pub(super) type KeyAndNameMaps = (BTreeMap<String, String>, BTreeMap<String, String>);

/// Key and normalized-name maps of one vocabulary (key first, then its other names).
pub(super) fn keyed(ty: &str, recs: Vec<(&str, Vec<&str>)>) -> KeyAndNameMaps {
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
pub(super) fn write_name_maps(o: &mut String, tables: &[(&str, &str, KeyAndNameMaps)]) {
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

impl Knowledge {
    pub(super) fn emit_indexes(&self) -> GeneratedFile {
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
    pub(super) fn disorder_names(&self) -> BTreeMap<String, String> {
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
    pub(super) fn name_tables(&self) -> Vec<(&'static str, &'static str, KeyAndNameMaps)> {
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
    pub(super) fn write_search_tables(&self, o: &mut String, tables: &[(&str, &str, KeyAndNameMaps)]) {
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
    pub(super) fn write_code_indexes(&self, o: &mut String) {
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
    pub(super) fn write_symptom_and_gene_maps(&self, o: &mut String) {
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
