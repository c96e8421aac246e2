//! The generated HPO tables: terms in topological order and the disorders' phenotype profiles.

use crate::emit::{BANNER, camel, lit, static_array};
use crate::knowledge::{DisorderRec, Knowledge};
use crate::ontology::{Ontology, parse_u32, tsv_rows};
use crate::{Error, GeneratedFile, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

// ---------------------------------------------------------------------------------------------------------
// Generated tables.
// ---------------------------------------------------------------------------------------------------------

/// `HP:0000001`, the root.
const ROOT: u32 = 1;
/// `HP:0000118` Phenotypic abnormality: the only branch patient findings and disease annotations live in.
const PHENOTYPIC_ABNORMALITY: u32 = 118;
/// `HP:0001871` Abnormality of blood and blood-forming tissues: hallmarks in this branch are the ones a case
/// report of a marrow disorder states when present (the blood count), so their absence from a report counts.
const BLOOD: u32 = 1871;
/// A feature this frequent (the lower bound of HPO "very frequent", 80 %) or more is a hallmark: the
/// differential lists hallmarks a patient's findings do not cover.
const HALLMARK_MIN_FREQUENCY: f64 = 0.8;
/// At most this many hallmarks per disorder (the most frequent, then the most specific): they are a bit
/// mask in the generated postings.
const MAX_HALLMARKS: usize = 31;
/// Annotations with no frequency are taken as HPO "frequent" (HP:0040282, 30–79 %), the middle class.
const DEFAULT_FREQUENCY: f64 = (30.0 + 79.0) / 200.0;

/// The ontology in topological order: every term's index is larger than its parents' indices.
struct Topology {
    /// Term ids by index.
    ids: Vec<u32>,
    /// Index by term id.
    index: BTreeMap<u32, u16>,
    /// Parent indices by index.
    parents: Vec<Vec<u16>>,
    /// Ancestors and self, ascending, by index.
    closure: Vec<Vec<u16>>,
    /// Disease counts by index.
    counts: Vec<u32>,
}

impl Topology {
    fn new(ontology: &Ontology) -> Result<Self> {
        let file = "derived/hpo_terms.tsv";
        let bad = |id: u32, message: String| Error::Invalid {
            file: file.into(),
            record: format!("HP:{id:07}"),
            message,
        };
        if ontology.terms.len() >= usize::from(u16::MAX) {
            return Err(bad(ROOT, "more terms than a u16 index can hold".into()));
        }
        // Longest path from the root, computed by repeated relaxation in id order (the graph is a DAG).
        let mut depth: BTreeMap<u32, u32> = BTreeMap::new();
        let mut pending: Vec<u32> = ontology.terms.keys().copied().collect();
        while !pending.is_empty() {
            let before = pending.len();
            pending.retain(|id| {
                let term = &ontology.terms[id];
                let mut d = 0;
                for p in &term.parents {
                    match depth.get(p) {
                        Some(pd) => d = d.max(pd + 1),
                        None => return true,
                    }
                }
                depth.insert(*id, d);
                false
            });
            if pending.len() == before {
                return Err(bad(
                    pending[0],
                    "is_a cycle or a parent that is not a current term".into(),
                ));
            }
        }
        for (id, term) in &ontology.terms {
            if term.parents.is_empty() && *id != ROOT {
                return Err(bad(*id, "only HP:0000001 may have no parent".into()));
            }
        }
        if !ontology.terms.contains_key(&PHENOTYPIC_ABNORMALITY) {
            return Err(bad(PHENOTYPIC_ABNORMALITY, "Phenotypic abnormality is missing".into()));
        }
        let mut ids: Vec<u32> = ontology.terms.keys().copied().collect();
        ids.sort_by_key(|id| (depth[id], *id));
        let index: BTreeMap<u32, u16> = ids.iter().enumerate().map(|(i, id)| (*id, i as u16)).collect();
        let parents: Vec<Vec<u16>> = ids
            .iter()
            .map(|id| {
                let mut ps: Vec<u16> = ontology.terms[id].parents.iter().map(|p| index[p]).collect();
                ps.sort_unstable();
                ps.dedup();
                ps
            })
            .collect();
        let mut closure: Vec<Vec<u16>> = Vec::with_capacity(ids.len());
        for (i, ps) in parents.iter().enumerate() {
            let mut set: BTreeSet<u16> = BTreeSet::from([i as u16]);
            for p in ps {
                set.extend(closure[usize::from(*p)].iter().copied());
            }
            closure.push(set.into_iter().collect());
        }
        let counts = ids.iter().map(|id| ontology.terms[id].disease_count).collect();
        Ok(Self {
            ids,
            index,
            parents,
            closure,
            counts,
        })
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether `a` is `b` or one of its descendants.
    fn is_a(&self, a: u16, b: u16) -> bool {
        self.closure[usize::from(a)].binary_search(&b).is_ok()
    }

    /// The largest frontier the runtime ancestor walk (`crate::hpo::Ancestors`) ever holds: it keeps a sorted
    /// set of pending terms, pops the largest index and pushes that term's parents that are not pending yet.
    fn max_frontier(&self) -> usize {
        let mut max = 1;
        let mut frontier: Vec<u16> = Vec::new();
        for start in 0..self.len() {
            frontier.clear();
            frontier.push(start as u16);
            while let Some(x) = frontier.pop() {
                for p in &self.parents[usize::from(x)] {
                    if let Err(at) = frontier.binary_search(p) {
                        frontier.insert(at, *p);
                    }
                }
                max = max.max(frontier.len());
            }
        }
        max
    }

    /// IC for tie-breaking: rarer terms first.
    fn count(&self, i: u16) -> u32 {
        self.counts[usize::from(i)]
    }
}

/// Where a profile feature's frequency comes from, in order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// The curated `[[features]]` of the disorder file.
    Curated = 1,
    /// HPO annotations of an ORPHA or OMIM entry matched `exact`.
    Exact = 2,
    /// HPO annotations of an ORPHA or OMIM entry matched `subtype`.
    Subtype = 3,
    /// The mean frequency over the group's subtypes (only in a group's pooled profile).
    Sibling = 4,
}

/// One disorder feature: frequency (0 when excluded), tier, and whether it is excluded.
#[derive(Debug, Clone, Copy)]
struct ProfileEntry {
    frequency: f64,
    tier: Tier,
    excluded: bool,
}

/// The annotation rows of one disease entry for one term.
#[derive(Debug, Default)]
struct Rows {
    /// Summed `n` and `m` of `n/m` rows.
    counts: Option<(u32, u32)>,
    /// Probabilities of class, percentage and frequency-less rows.
    probabilities: Vec<f64>,
    /// `NOT` rows.
    negated: usize,
}

impl Rows {
    /// The entry's frequency for the term, or `None` when every row is negated.
    ///
    /// `n/m` rows are pooled and estimated with Laplace's rule `(n + 1) / (m + 2)` (the posterior mean under a
    /// uniform prior, so `1/1` from a single case report counts 2/3, not 100 %); the result is the mean of
    /// that estimate and every other row's probability.
    fn frequency(&self) -> Option<f64> {
        let mut values = self.probabilities.clone();
        if let Some((n, m)) = self.counts {
            values.push((f64::from(n) + 1.0) / (f64::from(m) + 2.0));
        }
        if values.is_empty() {
            None
        } else {
            Some(values.iter().sum::<f64>() / values.len() as f64)
        }
    }
}

/// Parses a phenotype.hpoa frequency: an HPO frequency class, `n/m`, `x%` or empty.
fn parse_frequency(file: &str, line: usize, text: &str) -> Result<Frequency> {
    let invalid = |message: String| Error::Invalid {
        file: file.into(),
        record: format!("line {line}"),
        message,
    };
    if text.is_empty() {
        return Ok(Frequency::Probability(DEFAULT_FREQUENCY));
    }
    if let Some(class) = text.strip_prefix("HP:") {
        let p = match class {
            "0040280" => 1.0,
            "0040281" => 0.895,
            "0040282" => 0.545,
            "0040283" => 0.17,
            "0040284" => 0.025,
            "0040285" => return Ok(Frequency::Excluded),
            _ => return Err(invalid(format!("unknown frequency class {text:?}"))),
        };
        return Ok(Frequency::Probability(p));
    }
    if let Some((n, m)) = text.split_once('/') {
        let n: u32 = n.parse().map_err(|_| invalid(format!("bad frequency {text:?}")))?;
        let m: u32 = m.parse().map_err(|_| invalid(format!("bad frequency {text:?}")))?;
        if m == 0 || n > m {
            return Err(invalid(format!("bad frequency {text:?}")));
        }
        return Ok(Frequency::Counts(n, m));
    }
    if let Some(pct) = text.strip_suffix('%') {
        let p: f64 = pct.parse().map_err(|_| invalid(format!("bad frequency {text:?}")))?;
        if !(0.0..=100.0).contains(&p) {
            return Err(invalid(format!("bad frequency {text:?}")));
        }
        return Ok(Frequency::Probability(p / 100.0));
    }
    Err(invalid(format!("bad frequency {text:?}")))
}

enum Frequency {
    Probability(f64),
    Counts(u32, u32),
    Excluded,
}

/// The curated frequency classes as probabilities: the midpoint of each HPO class
/// (mirrors `marrowkb::classes::Frequency::probability`).
fn curated_probability(class: &str) -> Option<f64> {
    Some(match class {
        "obligate" => 1.0,
        "very_frequent" => 0.895,
        "frequent" => 0.545,
        "occasional" => 0.17,
        "very_rare" => 0.025,
        "excluded" => return None,
        _ => return None,
    })
}

/// `derived/hpo_annotations.tsv`: disease id → term index → rows.
fn load_annotations(
    data_dir: &Path,
    ontology: &Ontology,
    topo: &Topology,
) -> Result<BTreeMap<String, BTreeMap<u16, Rows>>> {
    let file = "derived/hpo_annotations.tsv";
    let text = crate::read(&data_dir.join(file))?;
    let mut out: BTreeMap<String, BTreeMap<u16, Rows>> = BTreeMap::new();
    for row in tsv_rows(file, &text, 6) {
        let (line, cols) = row?;
        let mut id = parse_u32(file, line, cols[1])?;
        if !ontology.terms.contains_key(&id) {
            // An alternative id, or an obsolete one with a single replacement; otherwise skip it.
            match ontology.aliases.get(&id) {
                Some((target, _, _)) if *target != 0 => id = *target,
                _ => continue,
            }
        }
        let index = topo.index[&id];
        if !topo.is_a(index, topo.index[&PHENOTYPIC_ABNORMALITY]) {
            continue;
        }
        let rows = out.entry(cols[0].to_owned()).or_default().entry(index).or_default();
        let negated = match cols[2] {
            "NOT" => true,
            "" => false,
            other => {
                return Err(Error::Invalid {
                    file: file.into(),
                    record: format!("line {line}"),
                    message: format!("negated must be NOT or empty, found {other:?}"),
                });
            }
        };
        if negated {
            rows.negated += 1;
            continue;
        }
        match parse_frequency(file, line, cols[3])? {
            Frequency::Probability(p) => rows.probabilities.push(p),
            Frequency::Counts(n, m) => {
                let (sn, sm) = rows.counts.unwrap_or((0, 0));
                rows.counts = Some((sn + n, sm + m));
            }
            Frequency::Excluded => rows.negated += 1,
        }
    }
    Ok(out)
}

/// One phenotype profile: direct features and the hallmarks among them.
#[derive(Debug, Clone)]
struct Profile {
    /// Direct features by term index.
    features: BTreeMap<u16, ProfileEntry>,
    /// Hallmarks (term indices) in bit order.
    hallmarks: Vec<u16>,
}

/// What the differential scores: one disorder as a whole, or one subtype entry of a group disorder.
struct Unit {
    /// Index of the disorder in knowledge order.
    disorder: usize,
    /// The subtype's ORPHA/OMIM CURIE, or `None` for a disorder scored as a whole.
    entry: Option<String>,
    /// The base profile plus the subtype's own annotations (for a group unit: plus every subtype's).
    profile: Profile,
    /// For a subtype: the index of its group's pooled unit, which it borrows from. For the pooled unit itself:
    /// its own index.
    group: Option<usize>,
}

impl Unit {
    /// The manifestation mass (the sum of the unit's feature frequencies) as `UNITS` stores it: rounded to
    /// 1/10000, so that the ancestor rows use the number the runtime reads.
    fn stored_mass(&self) -> f64 {
        let mass: f64 = self
            .profile
            .features
            .values()
            .filter(|e| !e.excluded)
            .map(|e| e.frequency)
            .sum();
        (mass * 10000.0).round() / 10000.0
    }
}

/// A disorder's curated features (every HPO id of the symptom, with the curated class's probability).
fn curated_features(topo: &Topology, knowledge: &Knowledge, d: &DisorderRec) -> Result<BTreeMap<u16, ProfileEntry>> {
    let file = format!("disorders/{}.toml", d.key);
    let pa = topo.index[&PHENOTYPIC_ABNORMALITY];
    let mut features: BTreeMap<u16, ProfileEntry> = BTreeMap::new();
    for feat in &d.features {
        let symptom = knowledge
            .symptoms
            .iter()
            .find(|s| s.key == feat.symptom)
            .ok_or_else(|| Error::Invalid {
                file: file.clone(),
                record: d.key.clone(),
                message: format!("unknown symptom {:?}", feat.symptom),
            })?;
        for curie in &symptom.hpo {
            let id: u32 = curie
                .get(3..)
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| Error::Invalid {
                    file: "symptoms.toml".into(),
                    record: symptom.key.clone(),
                    message: format!("malformed HPO id {curie:?}"),
                })?;
            let Some(&index) = topo.index.get(&id) else { continue };
            if !topo.is_a(index, pa) {
                continue;
            }
            let entry = match curated_probability(&feat.frequency) {
                Some(p) => ProfileEntry {
                    frequency: p,
                    tier: Tier::Curated,
                    excluded: false,
                },
                None => ProfileEntry {
                    frequency: 0.0,
                    tier: Tier::Curated,
                    excluded: true,
                },
            };
            features
                .entry(index)
                .and_modify(|e| {
                    if !entry.excluded && (e.excluded || entry.frequency > e.frequency) {
                        *e = entry;
                    }
                })
                .or_insert(entry);
        }
    }
    Ok(features)
}

/// The disorder's ORPHA/OMIM CURIEs matched `kind` (`exact` or `subtype`), ORPHA first, in file order.
fn entries_of(d: &DisorderRec, kind: &str) -> Vec<String> {
    d.orpha
        .iter()
        .filter(|x| x.match_kind == kind)
        .map(|x| format!("ORPHA:{}", x.id))
        .chain(
            d.omim
                .iter()
                .filter(|x| x.match_kind == kind)
                .map(|x| format!("OMIM:{}", x.id)),
        )
        .collect()
}

/// Adds, for terms the profile does not decide yet, the annotations of `entries` at `tier`: the mean frequency
/// over the entries that annotate the term, or excluded when they only have `NOT` rows.
fn add_annotations(
    features: &mut BTreeMap<u16, ProfileEntry>,
    entries: &[String],
    tier: Tier,
    ignored: &[u16],
    annotations: &BTreeMap<String, BTreeMap<u16, Rows>>,
) {
    let mut per_term: BTreeMap<u16, Vec<f64>> = BTreeMap::new();
    for entry in entries {
        let Some(rows) = annotations.get(entry) else { continue };
        for (term, rows) in rows {
            let slot = per_term.entry(*term).or_default();
            if let Some(p) = rows.frequency() {
                slot.push(p);
            }
        }
    }
    for (term, positives) in per_term {
        if features.contains_key(&term) || ignored.contains(&term) {
            continue;
        }
        let entry = if positives.is_empty() {
            ProfileEntry {
                frequency: 0.0,
                tier,
                excluded: true,
            }
        } else {
            ProfileEntry {
                frequency: positives.iter().sum::<f64>() / positives.len() as f64,
                tier,
                excluded: false,
            }
        };
        features.insert(term, entry);
    }
}

/// Frequent direct features that no other hallmark refines: at most `MAX_HALLMARKS`, the most frequent
/// first, then the rarest in HPO.
fn hallmarks_of(topo: &Topology, features: &BTreeMap<u16, ProfileEntry>) -> Vec<u16> {
    let mut candidates: Vec<u16> = features
        .iter()
        .filter(|(_, e)| !e.excluded && e.frequency >= HALLMARK_MIN_FREQUENCY)
        .map(|(t, _)| *t)
        .collect();
    let all = candidates.clone();
    candidates.retain(|t| !all.iter().any(|o| o != t && topo.is_a(*o, *t)));
    candidates.sort_by(|a, b| {
        features[b]
            .frequency
            .total_cmp(&features[a].frequency)
            .then(topo.count(*a).cmp(&topo.count(*b)))
            .then(topo.ids[usize::from(*a)].cmp(&topo.ids[usize::from(*b)]))
    });
    candidates.truncate(MAX_HALLMARKS);
    candidates
}

/// Rounds frequencies to 1/10000 (what the runtime postings store) and picks the hallmarks.
fn finish(topo: &Topology, mut features: BTreeMap<u16, ProfileEntry>) -> Profile {
    for e in features.values_mut() {
        e.frequency = (e.frequency * 10000.0).round() / 10000.0;
    }
    let hallmarks = hallmarks_of(topo, &features);
    Profile { features, hallmarks }
}

/// Builds every disorder's base profile (curated features, then its `exact` entries' annotations) and the
/// scoring units: one per subtype entry that HPO annotates (the base profile, then that entry's own
/// annotations), or the base profile alone for a disorder without annotated subtypes.
fn build_profiles(
    topo: &Topology,
    knowledge: &Knowledge,
    annotations: &BTreeMap<String, BTreeMap<u16, Rows>>,
) -> Result<(Vec<Profile>, Vec<Unit>)> {
    let mut bases = Vec::with_capacity(knowledge.disorders.len());
    let mut units = Vec::new();
    for (di, d) in knowledge.disorders.iter().enumerate() {
        let ignored: Vec<u16> = d
            .ignored_annotations
            .iter()
            .filter_map(|a| a.hpo.get(3..)?.parse::<u32>().ok())
            .filter_map(|id| topo.index.get(&id).copied())
            .collect();
        let mut base = curated_features(topo, knowledge, d)?;
        add_annotations(&mut base, &entries_of(d, "exact"), Tier::Exact, &ignored, annotations);
        let subtypes: Vec<String> = entries_of(d, "subtype")
            .into_iter()
            .filter(|e| annotations.get(e).is_some_and(|rows| !rows.is_empty()))
            .collect();
        // The mean frequency over the subtypes that annotate a term (what the siblings lend, scaled).
        // The group's pooled profile: the base, then the mean frequency over the subtypes that annotate a term.
        let group_index = units.len() + subtypes.len();
        for entry in &subtypes {
            let mut features = base.clone();
            add_annotations(
                &mut features,
                std::slice::from_ref(entry),
                Tier::Subtype,
                &ignored,
                annotations,
            );
            units.push(Unit {
                disorder: di,
                entry: Some(entry.clone()),
                profile: finish(topo, features),
                group: Some(group_index),
            });
        }
        if !subtypes.is_empty() {
            let mut pooled = base.clone();
            add_annotations(&mut pooled, &subtypes, Tier::Sibling, &ignored, annotations);
            pooled.retain(|_, e| !(e.tier == Tier::Sibling && e.excluded));
            units.push(Unit {
                disorder: di,
                entry: None,
                profile: finish(topo, pooled),
                group: Some(group_index),
            });
        }
        let base = finish(topo, base);
        if subtypes.is_empty() {
            units.push(Unit {
                disorder: di,
                entry: None,
                profile: base.clone(),
                group: None,
            });
        }
        bases.push(base);
    }
    if units.len() > usize::from(u16::MAX) {
        return Err(Error::Invalid {
            file: "disorders".into(),
            record: "profiles".into(),
            message: "more scoring units than a u16 can number".into(),
        });
    }
    Ok((bases, units))
}

/// One generated posting: disorder `d` carries term `a` (directly or implied), or excludes it.
struct Posting {
    /// Index of the scoring unit in `UNITS`.
    unit: u16,
    /// Hallmark bit of `a` (or `POSTING_NO_HALLMARK`), `POSTING_DIRECT`, `POSTING_EXCLUDED`.
    flags: u8,
    /// The direct feature giving the implied frequency.
    source: u16,
    /// Largest frequency among the disorder's features at or below `a`.
    implied: f64,
    /// `a`'s own frequency when it is a direct feature, else 0.
    direct: f64,
    /// Sum of the frequencies of the disorder's features at or below `a`, over the disorder's mass.
    share: f64,
    /// Hallmarks of the disorder at or below `a`.
    mask: u32,
}

/// `group` of a unit that belongs to no group (mirrored in `crate::differential::profile`).
const NO_GROUP: u16 = u16::MAX;

/// Flags of a posting (mirrored in `crate::differential::profile`).
const POSTING_NO_HALLMARK: u8 = 0x1F;
const POSTING_DIRECT: u8 = 0x20;
const POSTING_EXCLUDED: u8 = 0x40;

/// Emits the HPO tables (`hpo_terms.rs`) and the disorders' phenotype profiles (`hpo_profiles.rs`).
///
/// Profile rules (documented for users in `marrowkb::differential`):
/// - A disorder's base profile is its curated `[[features]]` (each HPO id of the symptom, with the curated
///   class's midpoint probability), then the HPO annotations of its `exact` ORPHA/OMIM entries for terms the
///   curated features do not decide. `closest` entries are not used: they are other diseases.
/// - Scoring units: a group disorder (one with `subtype` entries that HPO annotates) is scored per subtype
///   entry, each unit being the base profile plus that entry's own annotations for the terms the base does not
///   decide (a patient has one subtype; a union of 30 subtypes would wash out each one's features). A group
///   also gets a pooled unit (the base, then the mean frequency over the subtypes that annotate a term) that
///   is not ranked itself: each subtype borrows from it at a tenth of its probability (the runtime's
///   `GROUP_BORROWING`). A disorder without annotated subtypes is one unit, its base profile.
/// - Within one entry, rows for one term are merged: `n/m` rows pooled with Laplace's rule, averaged with the
///   class midpoints and percentages of the other rows; rows without frequency count as "frequent" (54.5 %).
///   Across several exact entries, the frequency is the mean over the entries that annotate the term.
/// - A term curated `excluded`, or annotated only `NOT` by the entries of the unit, is excluded, unless the
///   unit carries it through a descendant.
/// - Implied frequency of any term = the maximum direct frequency among the unit's features it subsumes
///   (LIRICAL's annotation propagation); share of a term = the sum of those features' frequencies over the
///   unit's manifestation mass (the sum of all its feature frequencies).
/// - Hallmarks: features at least 80 % frequent that no other hallmark of the profile refines, at most 31
///   (the most frequent, then the rarest in HPO), as bits of the postings' masks; each is flagged when it lies
///   in the blood branch.
/// - Ancestor rows: for every term with descendants that carries postings, the best Narrower or Related
///   explanation the term or one of its ancestors gives each unit (as a probability over the finding's
///   background share, with the posting behind it), and the ancestors that have direct postings. A finding
///   reads its parents' rows instead of walking every posting of every ancestor.
///
/// # Errors
/// Bad derived data.
pub fn emit(data_dir: &Path, ontology: &Ontology, knowledge: &Knowledge) -> Result<Vec<GeneratedFile>> {
    let topo = Topology::new(ontology)?;
    let annotations = load_annotations(data_dir, ontology, &topo)?;
    let (bases, units) = build_profiles(&topo, knowledge, &annotations)?;
    Ok(vec![
        emit_terms(ontology, &topo)?,
        emit_profiles(
            &topo,
            &background_shares(ontology, &topo),
            &disease_fractions(ontology, &topo),
            knowledge,
            &bases,
            &units,
        )?,
        crate::hpo_names::emit(data_dir, ontology, &topo.index)?,
    ])
}

/// Packs the one-tuple-per-line lists of `phf_codegen` output ten to a line (the tables are large).
fn compact(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut run = 0;
    for line in code.lines() {
        let item = line.strip_prefix("        ").filter(|rest| rest.starts_with('('));
        match item {
            Some(rest) => {
                if run % 10 == 0 {
                    if run > 0 {
                        out.push('\n');
                    }
                    out.push_str("        ");
                } else {
                    out.push(' ');
                }
                out.push_str(rest);
                run += 1;
            }
            None => {
                if run > 0 {
                    out.push('\n');
                    run = 0;
                }
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    if run > 0 {
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

fn emit_terms(ontology: &Ontology, topo: &Topology) -> Result<GeneratedFile> {
    let n = topo.len();
    let mut o = String::from(BANNER);
    let _ = writeln!(
        o,
        "//! Human Phenotype Ontology {}: every current term, in topological order (a term's index is",
        ontology.release
    );
    o.push_str("//! larger than its parents'), with names, `is_a` parents, disease counts and the alias map.\n\n");
    let _ = writeln!(
        o,
        "/// Number of current HPO terms.\npub(crate) const HPO_TERM_COUNT: usize = {n};"
    );
    let _ = writeln!(
        o,
        "/// Diseases annotated in phenotype.hpoa (the denominator of information content).\npub(crate) const HPO_DISEASE_TOTAL: u32 = {};",
        ontology.disease_total
    );
    let _ = writeln!(
        o,
        "/// Index of HP:0000001 (All).\npub(crate) const HPO_ROOT_INDEX: u16 = {};",
        topo.index[&ROOT]
    );
    let _ = writeln!(
        o,
        "/// Index of HP:0000118 (Phenotypic abnormality).\npub(crate) const HPO_PHENOTYPIC_ABNORMALITY_INDEX: u16 = {};",
        topo.index[&PHENOTYPIC_ABNORMALITY]
    );
    let _ = writeln!(
        o,
        "/// The most pending terms an ancestor walk ever holds (checked over every term by the generator).\npub(crate) const HPO_MAX_FRONTIER: usize = {};\n",
        topo.max_frontier()
    );

    write_term_counts(&mut o, ontology, topo)?;
    write_term_parents(&mut o, topo)?;
    write_term_names_and_aliases(&mut o, ontology, topo);
    Ok(GeneratedFile {
        target: crate::Target::Core,
        name: "hpo_terms.rs".into(),
        contents: o,
    })
}

/// HPO ids, disease counts and background shares, by term index.
fn write_term_counts(o: &mut String, ontology: &Ontology, topo: &Topology) -> Result<()> {
    let pa = topo.index[&PHENOTYPIC_ABNORMALITY];
    static_array(
        o,
        "The terms outside Phenotypic abnormality (modes of inheritance, clinical modifiers, frequencies …), by index, ascending.",
        "HPO_OUTSIDE_PHENOTYPIC_ABNORMALITY",
        "u16",
        (0..topo.len() as u16).filter(|&t| !topo.is_a(t, pa)),
        20,
    );
    o.push('\n');
    static_array(
        o,
        "Term number (the digits of `HP:0001873`) by index.",
        "HPO_IDS",
        "u32",
        &topo.ids,
        16,
    );
    o.push('\n');

    let max_count = topo.counts.iter().copied().max().unwrap_or(0);
    if max_count > u32::from(u16::MAX) {
        return Err(Error::Invalid {
            file: "derived/hpo_terms.tsv".into(),
            record: "disease_count".into(),
            message: "a disease count does not fit in u16".into(),
        });
    }
    static_array(
        o,
        "Diseases in phenotype.hpoa annotated with the term or a descendant, by index.",
        "HPO_DISEASE_COUNTS",
        "u16",
        &topo.counts,
        20,
    );
    o.push('\n');

    let floor = background_floor(ontology);
    static_array(
        o,
        &format!(
            "Mean over annotated diseases of the share of their annotated terms that are the term or below it (at least {floor:e}), by index."
        ),
        "HPO_BACKGROUND_SHARES",
        "f32",
        background_shares(ontology, topo)
            .iter()
            .map(|share| format!("{share:e}")),
        12,
    );
    o.push('\n');

    Ok(())
}

/// The `is_a` parents of every term, flattened with start offsets.
fn write_term_parents(o: &mut String, topo: &Topology) -> Result<()> {
    let n = topo.len();
    let mut starts = Vec::with_capacity(n + 1);
    let mut flat = Vec::new();
    for ps in &topo.parents {
        starts.push(flat.len());
        flat.extend(ps.iter().copied());
    }
    starts.push(flat.len());
    if flat.len() > usize::from(u16::MAX) {
        return Err(Error::Invalid {
            file: "derived/hpo_terms.tsv".into(),
            record: "parents".into(),
            message: "too many is_a links for u16 offsets".into(),
        });
    }
    static_array(
        o,
        "Where each term's parents start in [`HPO_PARENTS`] (term `i` has `HPO_PARENTS[HPO_PARENT_STARTS[i]..HPO_PARENT_STARTS[i + 1]]`).",
        "HPO_PARENT_STARTS",
        "u16",
        &starts,
        20,
    );
    o.push('\n');
    static_array(
        o,
        "`is_a` parent indices, flattened, ascending per term.",
        "HPO_PARENTS",
        "u16",
        &flat,
        20,
    );
    o.push('\n');

    Ok(())
}

/// Term names, the id → index map and the alias map.
fn write_term_names_and_aliases(o: &mut String, ontology: &Ontology, topo: &Topology) {
    let n = topo.len();
    let mut ends = Vec::with_capacity(n);
    let mut total = 0usize;
    for id in &topo.ids {
        total += ontology.terms[id].name.len();
        ends.push(total);
    }
    static_array(
        o,
        "Where each term's name ends in [`HPO_NAMES`] (it starts where the previous one ends).",
        "HPO_NAME_ENDS",
        "u32",
        &ends,
        16,
    );
    o.push('\n');
    o.push_str("/// Every term's name, concatenated in index order.\npub(crate) static HPO_NAMES: &str = concat!(\n");
    for id in &topo.ids {
        let _ = writeln!(o, "    {},", lit(&ontology.terms[id].name));
    }
    o.push_str(");\n\n");

    let mut map = phf_codegen::Map::<u32>::new();
    for (i, id) in topo.ids.iter().enumerate() {
        map.entry(*id, i.to_string());
    }
    let _ = writeln!(
        o,
        "/// Term index by term number.\npub(crate) static HPO_INDEX: phf::Map<u32, u16> = {};\n",
        compact(&map.build().to_string())
    );

    let mut map = phf_codegen::Map::<u32>::new();
    for (id, (target, kind, _)) in &ontology.aliases {
        if ontology.terms.contains_key(id) {
            continue;
        }
        let target = match topo.index.get(target) {
            Some(i) => i.to_string(),
            None => "u16::MAX".into(),
        };
        let kind = if kind == "alt_id" { 1 } else { 2 };
        map.entry(*id, format!("({target}, {kind})"));
    }
    let _ = writeln!(
        o,
        "/// Alternative (kind 1) and obsolete (kind 2) term numbers: the current term's index (`u16::MAX`: none).\npub(crate) static HPO_ALIASES: phf::Map<u32, (u16, u8)> = {};",
        compact(&map.build().to_string())
    );
}

/// The postings of one profile (scored as unit `unit`): for every term it carries, its implied frequency
/// and the feature that gives it, its share of the profile's mass, and the hallmarks at or below it.
fn profile_postings(topo: &Topology, unit: u16, profile: &Profile, postings: &mut BTreeMap<u16, Vec<Posting>>) {
    let pa = topo.index[&PHENOTYPIC_ABNORMALITY];
    // Implied frequency by term: the best direct feature below it (frequency, then rarer, then lower id).
    let mut implied: BTreeMap<u16, (f64, u16)> = BTreeMap::new();
    let mut mass: BTreeMap<u16, f64> = BTreeMap::new();
    for (t, e) in &profile.features {
        if e.excluded {
            continue;
        }
        for a in &topo.closure[usize::from(*t)] {
            if !topo.is_a(*a, pa) {
                continue;
            }
            *mass.entry(*a).or_default() += e.frequency;
            let better = |old: &(f64, u16)| {
                e.frequency > old.0
                    || (e.frequency == old.0
                        && (topo.count(*t), topo.ids[usize::from(*t)])
                            < (topo.count(old.1), topo.ids[usize::from(old.1)]))
            };
            match implied.get(a) {
                Some(old) if !better(old) => {}
                _ => {
                    implied.insert(*a, (e.frequency, *t));
                }
            }
        }
    }
    for (a, (frequency, source)) in &implied {
        let mut mask = 0u32;
        let mut flags = POSTING_NO_HALLMARK;
        for (bit, h) in profile.hallmarks.iter().enumerate() {
            if topo.is_a(*h, *a) {
                mask |= 1 << bit;
            }
            if h == a {
                flags = bit as u8;
            }
        }
        let direct = match profile.features.get(a) {
            Some(e) if !e.excluded => {
                flags |= POSTING_DIRECT;
                e.frequency
            }
            _ => 0.0,
        };
        postings.entry(*a).or_default().push(Posting {
            unit,
            flags,
            source: *source,
            implied: *frequency,
            direct,
            share: mass[a] / mass[&pa],
            mask,
        });
    }
    for (t, e) in &profile.features {
        if e.excluded && !implied.contains_key(t) {
            postings.entry(*t).or_default().push(Posting {
                unit,
                flags: POSTING_NO_HALLMARK | POSTING_EXCLUDED,
                source: *t,
                implied: 0.0,
                direct: 0.0,
                share: 0.0,
                mask: 0,
            });
        }
    }
}

/// Writes `features` as `f(…)` items, sorted by HPO id; `hallmarks` marks the hallmark flag.
fn write_features<'a>(
    o: &mut String,
    topo: &Topology,
    features: impl IntoIterator<Item = (&'a u16, &'a ProfileEntry)>,
    hallmarks: &[u16],
) {
    let mut features: Vec<(&u16, &ProfileEntry)> = features.into_iter().collect();
    features.sort_by_key(|(t, _)| topo.ids[usize::from(**t)]);
    for (i, (t, e)) in features.iter().enumerate() {
        if i % 6 == 0 {
            o.push_str("\n    ");
        } else {
            o.push(' ');
        }
        let flags = u8::from(e.excluded) | (u8::from(hallmarks.contains(t)) << 1);
        let _ = write!(o, "f({}, {:?}, {}, {}),", t, e.frequency, e.tier as u8, flags);
    }
    o.push('\n');
}

fn emit_profiles(
    topo: &Topology,
    backgrounds: &[f32],
    fractions: &[f64],
    knowledge: &Knowledge,
    bases: &[Profile],
    units: &[Unit],
) -> Result<GeneratedFile> {
    let mut o = String::from(BANNER);
    o.push_str(
        "//! Phenotype profiles of the disorders (curated features joined with the HPO annotations of their exact\n",
    );
    o.push_str("//! entries), the scoring units (a disorder as a whole, or each annotated subtype entry of a group disorder),\n");
    o.push_str("//! and, for every HPO term, which units carry it (postings).\n\n");
    o.push_str("use crate::Disorder;\nuse crate::differential::profile::{Posting, ProfileFeature, Unit, feature as f, posting as p, unit as u};\n\n");

    for (i, (d, base)) in knowledge.disorders.iter().zip(bases).enumerate() {
        let _ = write!(
            o,
            "/// {}: curated features and the annotations of its exact entries.\nstatic BASE_{i}: [ProfileFeature; {}] = [",
            d.name,
            base.features.len()
        );
        write_features(&mut o, topo, &base.features, &base.hallmarks);
        o.push_str("];\n");
    }
    let _ = writeln!(
        o,
        "\n/// Each disorder's base profile, in `Disorder::ALL` order.\npub(crate) static PROFILES: [(Disorder, &[ProfileFeature]); {}] = [",
        bases.len()
    );
    for (i, d) in knowledge.disorders.iter().enumerate() {
        let _ = writeln!(o, "    (Disorder::{}, &BASE_{i}),", camel(&d.key));
    }
    o.push_str("];\n\n");

    write_units(&mut o, topo, knowledge, units);
    let postings = unit_postings(topo, units);
    write_postings(&mut o, topo, &postings);
    o.push('\n');
    emit_direct_counts(&mut o, topo, &postings)?;
    let rows = ancestor_rows(topo, backgrounds, fractions, units, &postings);
    emit_ancestor_rows(&mut o, &rows, units.len());
    Ok(GeneratedFile {
        target: crate::Target::Core,
        name: "hpo_profiles.rs".into(),
        contents: o,
    })
}

/// The subtype units' own features and every scoring unit.
fn write_units(o: &mut String, topo: &Topology, knowledge: &Knowledge, units: &[Unit]) {
    let blood = topo.index[&BLOOD];
    for (i, unit) in units.iter().enumerate() {
        if unit.entry.is_none() {
            continue;
        }
        let own = unit.profile.features.iter().filter(|(_, e)| e.tier == Tier::Subtype);
        let count = unit
            .profile
            .features
            .values()
            .filter(|e| e.tier == Tier::Subtype)
            .count();
        let _ = write!(o, "static OWN_{i}: [ProfileFeature; {count}] = [");
        write_features(o, topo, own, &unit.profile.hallmarks);
        o.push_str("];\n");
    }
    let _ = writeln!(
        o,
        "\n/// How many scoring units there are.\npub(crate) const UNIT_COUNT: usize = {};",
        units.len()
    );
    let _ = writeln!(
        o,
        "\n/// The scoring units: `u(disorder, subtype entry, own features, manifestation mass, hallmarks as (term index, frequency in 1/10000, in the blood branch))`.\npub(crate) static UNITS: [Unit; UNIT_COUNT] = [",
    );
    for (i, unit) in units.iter().enumerate() {
        let d = &knowledge.disorders[unit.disorder];
        let hallmarks: Vec<String> = unit
            .profile
            .hallmarks
            .iter()
            .map(|h| {
                format!(
                    "({h}, {}, {})",
                    (unit.profile.features[h].frequency * 10000.0).round() as u16,
                    topo.is_a(*h, blood)
                )
            })
            .collect();
        let (entry, own) = match &unit.entry {
            Some(e) => (format!("Some({})", lit(e)), format!("&OWN_{i}")),
            None if unit.group == Some(i) => ("None".to_owned(), "&[]".to_owned()),
            None => ("None".to_owned(), format!("&BASE_{}", unit.disorder)),
        };
        let group = unit.group.map_or(NO_GROUP, |g| g as u16);
        let _ = writeln!(
            o,
            "    u(Disorder::{}, {entry}, {own}, {:?}, &[{}], {group}),",
            camel(&d.key),
            unit.stored_mass(),
            hallmarks.join(", ")
        );
    }
    o.push_str("];\n\n");
}

/// For every HPO term, the units that carry it (postings): those that name the term itself first (exclusions,
/// then direct features), then the ones it only implies, each part by unit (the runtime walks only the first
/// part of an ancestor, and only its exclusions when it looks for contradictions).
fn unit_postings(topo: &Topology, units: &[Unit]) -> BTreeMap<u16, Vec<Posting>> {
    let mut postings: BTreeMap<u16, Vec<Posting>> = BTreeMap::new();
    for (u, unit) in units.iter().enumerate() {
        profile_postings(topo, u as u16, &unit.profile, &mut postings);
    }
    for list in postings.values_mut() {
        // Exclusions, then direct features, then what the term only implies.
        let part = |p: &Posting| match () {
            () if p.flags & POSTING_EXCLUDED != 0 => 0,
            () if p.flags & POSTING_DIRECT != 0 => 1,
            () => 2,
        };
        list.sort_by_key(|p| (part(p), p.unit));
    }
    postings
}

/// Writes the postings by term, with start offsets.
fn write_postings(o: &mut String, topo: &Topology, postings: &BTreeMap<u16, Vec<Posting>>) {
    let n = topo.len();

    let mut starts = Vec::with_capacity(n + 1);
    let mut total = 0usize;
    for t in 0..n as u16 {
        starts.push(total);
        total += postings.get(&t).map_or(0, Vec::len);
    }
    starts.push(total);
    static_array(
        o,
        "Where each term's postings start in [`PROFILE_POSTINGS`] (term `i` has `PROFILE_POSTINGS[PROFILE_POSTING_STARTS[i]..PROFILE_POSTING_STARTS[i + 1]]`).",
        "PROFILE_POSTING_STARTS",
        "u32",
        &starts,
        16,
    );
    o.push('\n');
    let _ = writeln!(
        o,
        "/// Postings by term index: `p(unit index, flags, source feature, implied frequency, direct frequency, share, hallmark mask)`.\npub(crate) static PROFILE_POSTINGS: [Posting; {total}] = ["
    );
    for (t, list) in postings {
        let _ = write!(o, "    // {} HP:{:07}\n   ", t, topo.ids[usize::from(*t)]);
        for p in list {
            let _ = write!(
                o,
                " p({}, {:#x}, {}, {:?}, {:?}, {:?}, {:#x}),",
                p.unit, p.flags, p.source, p.implied, p.direct, p.share as f32, p.mask
            );
        }
        o.push('\n');
    }
    o.push_str("];\n");
}

/// Writes `PROFILE_DIRECT_COUNTS`: how many of each term's postings name the term itself.
fn emit_direct_counts(o: &mut String, topo: &Topology, postings: &BTreeMap<u16, Vec<Posting>>) -> Result<()> {
    let mut counts = Vec::with_capacity(topo.len());
    for t in 0..topo.len() as u16 {
        let count = postings.get(&t).map_or(0, |list| {
            list.iter()
                .filter(|p| p.flags & (POSTING_DIRECT | POSTING_EXCLUDED) != 0)
                .count()
        });
        counts.push(u8::try_from(count).map_err(|_| Error::Invalid {
            file: "disorders".into(),
            record: format!("HP:{:07}", topo.ids[usize::from(t)]),
            message: "more than 255 units name one term".into(),
        })?);
    }
    static_array(
        o,
        "How many of each term's postings (the first ones) name the term itself: a direct feature or an exclusion.",
        "PROFILE_DIRECT_COUNTS",
        "u8",
        &counts,
        40,
    );
    o.push('\n');
    Ok(())
}

/// Writes the [`AncestorRows`] (`ANCESTOR_ROW_OF_TERM`, `ANCESTOR_SCORES`, `ANCESTOR_VIAS`, and the named terms
/// of each row).
fn emit_ancestor_rows(o: &mut String, rows: &AncestorRows, unit_count: usize) {
    static_array(
        o,
        "The ancestor row of each term (`u16::MAX`: none; only terms with descendants that carry postings have one).",
        "ANCESTOR_ROW_OF_TERM",
        "u16",
        &rows.row_of_term,
        24,
    );
    o.push('\n');
    static_array(
        o,
        &format!(
            "Ancestor rows, `UNIT_COUNT` ({unit_count}) per row: for a finding below the row's term, the best probability the term or\n/// one of its ancestors gives each unit, over the finding's background share."
        ),
        "ANCESTOR_SCORES",
        "f32",
        rows.scores
            .iter()
            .map(|s| if *s == 0.0 { "0.".to_owned() } else { format!("{s:e}") }),
        16,
    );
    o.push('\n');
    static_array(
        o,
        "Ancestor rows: the posting behind each score, `term << 16 | narrower << 15 | position in the term's postings`\n/// (0: none).",
        "ANCESTOR_VIAS",
        "u32",
        &rows.vias,
        16,
    );
    o.push('\n');
    static_array(
        o,
        "Where each ancestor row's named terms start in [`ANCESTOR_NAMED_TERMS`].",
        "ANCESTOR_NAMED_STARTS",
        "u32",
        starts_of(&rows.named),
        16,
    );
    o.push('\n');
    static_array(
        o,
        "For each ancestor row: the term and its ancestors below Phenotypic abnormality that a unit has as a direct feature\n/// or excludes (those with direct postings), deepest first.",
        "ANCESTOR_NAMED_TERMS",
        "u16",
        rows.named.iter().flatten(),
        20,
    );
    o.push('\n');
    static_array(
        o,
        "Where each ancestor row's notes start in [`ANCESTOR_NOTES`].",
        "ANCESTOR_NOTE_STARTS",
        "u32",
        starts_of(&rows.notes),
        16,
    );
    o.push('\n');
    static_array(
        o,
        "For each ancestor row: what the direct postings of its named terms say of each unit they name, ascending\n/// by unit: `unit | excluded << 16 | hallmark bits << 32`.",
        "ANCESTOR_NOTES",
        "u64",
        rows.notes.iter().flatten().map(|n| format!("{n:#x}")),
        8,
    );
    o.push('\n');
    static_array(
        o,
        "Beside each of [`ANCESTOR_NOTES`]: the unit's best `f(a) / B(a)` over its direct features `a` among the row's named\n/// terms (`B`: the disease fraction), as the runtime computes it.",
        "ANCESTOR_NOTE_PRESENCE",
        "f32",
        rows.presence
            .iter()
            .flatten()
            .map(|s| if *s == 0.0 { "0.".to_owned() } else { format!("{s:e}") }),
        16,
    );
}

/// Where each list starts in the lists laid end to end, and the total length last.
fn starts_of<T>(lists: &[Vec<T>]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(lists.len() + 1);
    let mut total = 0usize;
    for list in lists {
        starts.push(total);
        total += list.len();
    }
    starts.push(total);
    starts
}

/// The smallest background share any annotated term has: the floor of every term's share (a term no disease
/// carries is taken to be as rare as the rarest one that some disease carries).
fn background_floor(ontology: &Ontology) -> f64 {
    ontology
        .terms
        .values()
        .map(|t| t.background_share)
        .filter(|s| *s > 0.0)
        .fold(1.0f64, f64::min)
}

/// Every term's background share as the runtime stores it (`HPO_BACKGROUND_SHARES`), by index.
fn background_shares(ontology: &Ontology, topo: &Topology) -> Vec<f32> {
    let floor = background_floor(ontology);
    topo.ids
        .iter()
        .map(|id| ontology.terms[id].background_share.max(floor) as f32)
        .collect()
}

/// A frequency as the runtime reads it back from a posting, which stores it in units of 1/10000
/// (`crate::differential::profile::posting` rounds it so).
fn stored_frequency(f: f64) -> f64 {
    f64::from((f * 10000.0 + 0.5) as u16) / 10000.0
}

/// Every term's disease fraction as the runtime computes it (`Term::disease_fraction`), by index.
fn disease_fractions(ontology: &Ontology, topo: &Topology) -> Vec<f64> {
    topo.counts
        .iter()
        .map(|&c| f64::from(c.max(1)) / f64::from(ontology.disease_total))
        .collect()
}

/// `RELATED_WEIGHT` of `crate::differential` (mirrored: the runtime checks the rows against it).
const RELATED_WEIGHT: f64 = 0.05;
/// Marks a Narrower match in an ancestor row's via (else Related).
const VIA_NARROWER: u32 = 1 << 15;
/// An ancestor row's via when no ancestor carries the unit (the root, index 0, has no postings).
const VIA_NONE: u32 = 0;

/// The ancestor rows: for every term with descendants that carries postings, and every unit, the best
/// explanation the term or one of its ancestors (below Phenotypic abnormality) gives a finding below it,
/// as `score` = probability / background share of the finding (the runtime multiplies it back), and `via` =
/// the posting giving it: `term index << 16 | VIA_NARROWER? | position in the term's postings`.
struct AncestorRows {
    /// Row index by term index (`u16::MAX`: no row).
    row_of_term: Vec<u16>,
    /// The terms with a row, in row order.
    terms: Vec<u16>,
    /// `scores[row * units + unit]`.
    scores: Vec<f32>,
    /// `vias[row * units + unit]`.
    vias: Vec<u32>,
    /// For each row: the term and its ancestors below Phenotypic abnormality that some unit has as a direct
    /// feature or excludes, deepest (largest index) first.
    named: Vec<Vec<u16>>,
    /// For each row: what the direct postings of its named terms say of each unit they name, folded,
    /// ascending by unit: `unit | excluded << 16 | hallmark bits << 32` (see [`row_notes`]).
    notes: Vec<Vec<u64>>,
    /// For each row, beside each note: the best `f(a) / B(a)` over the unit's direct features `a` among the
    /// named terms, as `f32` (what an excluded finding below the row implies, over its own `B`).
    presence: Vec<Vec<f32>>,
}

/// Marks a row note whose unit excludes one of the row's named terms.
const NOTE_EXCLUDED: u64 = 1 << 16;

/// The notes of a row with these named terms: for each unit with a direct posting on one of them, whether
/// it excludes one, and the hallmark bits of the features among them (what pass 1 of a finding below the
/// row needs from its ancestors' direct postings, folded once here instead of per finding); and beside each
/// note, the unit's best `f(a) / B(a)` over those features, with `B` the disease fraction (`fractions`) and
/// the runtime's arithmetic: `(stored frequency / B(a)) as f32`.
fn row_notes(named: &[u16], postings: &BTreeMap<u16, Vec<Posting>>, fractions: &[f64]) -> (Vec<u64>, Vec<f32>) {
    let mut notes: BTreeMap<u16, (u64, f32)> = BTreeMap::new();
    for a in named {
        let direct = postings.get(a).into_iter().flatten();
        for p in direct.filter(|p| p.flags & (POSTING_DIRECT | POSTING_EXCLUDED) != 0) {
            let (note, presence) = notes.entry(p.unit).or_insert((u64::from(p.unit), 0.0));
            if p.flags & POSTING_EXCLUDED != 0 {
                *note |= NOTE_EXCLUDED;
                continue;
            }
            if p.flags & POSTING_NO_HALLMARK != POSTING_NO_HALLMARK {
                *note |= 1u64 << (32 + u32::from(p.flags & POSTING_NO_HALLMARK));
            }
            *presence = presence.max((stored_frequency(p.direct) / fractions[usize::from(*a)]) as f32);
        }
    }
    notes.into_values().unzip()
}

/// Computes the [`AncestorRows`] with the runtime's arithmetic: a Narrower match through ancestor `a` scores
/// `direct / mass / background(a)`, a Related one `RELATED_WEIGHT * share / background(a)`; the best wins
/// (ties: Narrower, then the more specific ancestor).
fn ancestor_rows(
    topo: &Topology,
    backgrounds: &[f32],
    fractions: &[f64],
    units: &[Unit],
    postings: &BTreeMap<u16, Vec<Posting>>,
) -> AncestorRows {
    let pa = topo.index[&PHENOTYPIC_ABNORMALITY];
    let n = topo.len();
    let mut has_child = vec![false; n];
    for ps in &topo.parents {
        for p in ps {
            has_child[usize::from(*p)] = true;
        }
    }
    let masses: Vec<f64> = units.iter().map(Unit::stored_mass).collect();
    let mut rows = AncestorRows {
        row_of_term: vec![u16::MAX; n],
        terms: Vec::new(),
        scores: Vec::new(),
        vias: Vec::new(),
        named: Vec::new(),
        notes: Vec::new(),
        presence: Vec::new(),
    };
    for t in 0..n as u16 {
        if t == pa || !has_child[usize::from(t)] || !postings.contains_key(&t) {
            continue;
        }
        // (score, kind rank, depth rank) per unit; larger wins.
        let mut best: Vec<(f64, u32, u32)> = vec![(0.0, 0, VIA_NONE); units.len()];
        for &a in &topo.closure[usize::from(t)] {
            if a == pa || !topo.is_a(a, pa) {
                continue;
            }
            let Some(list) = postings.get(&a) else { continue };
            let background = f64::from(backgrounds[usize::from(a)]);
            for (position, p) in list.iter().enumerate() {
                if p.flags & POSTING_EXCLUDED != 0 {
                    continue;
                }
                let u = usize::from(p.unit);
                let at = u32::from(a) << 16 | position as u32;
                let mut candidates = vec![(RELATED_WEIGHT * f64::from(p.share as f32) / background, 0, at)];
                if p.flags & POSTING_DIRECT != 0 {
                    candidates.push((
                        stored_frequency(p.direct) / masses[u] / background,
                        1,
                        at | VIA_NARROWER,
                    ));
                }
                for (score, kind, via) in candidates {
                    let score = f64::from(score as f32);
                    let old = best[u];
                    if (score, kind, a) > (old.0, old.1, (old.2 >> 16) as u16) || old.2 == VIA_NONE {
                        best[u] = (score, kind, via);
                    }
                }
            }
        }
        let mut named: Vec<u16> = topo.closure[usize::from(t)]
            .iter()
            .copied()
            .filter(|&a| a != pa && topo.is_a(a, pa))
            .filter(|a| {
                postings
                    .get(a)
                    .is_some_and(|list| list.iter().any(|p| p.flags & (POSTING_DIRECT | POSTING_EXCLUDED) != 0))
            })
            .collect();
        named.sort_unstable_by(|a, b| b.cmp(a));
        let (notes, presence) = row_notes(&named, postings, fractions);
        rows.notes.push(notes);
        rows.presence.push(presence);
        rows.named.push(named);
        rows.row_of_term[usize::from(t)] = rows.terms.len() as u16;
        rows.terms.push(t);
        for (score, _, via) in best {
            rows.scores.push(score as f32);
            rows.vias.push(via);
        }
    }
    rows
}
