//! Accuracy of `marrowkb::differential` on simulated patients, made the way the Phenomizer paper did
//! (Köhler et al. 2009, AJHG 85:457): for each disorder, patients of 3–8 findings drawn from the disorder's
//! annotations weighted by frequency, about half replaced by a random ancestor (imprecision, staying below
//! Phenotypic abnormality), plus 0–2 random phenotype terms (noise). Fixed seed: the numbers are the same on
//! every run.
//!
//! Reports top-1, top-3 and mean reciprocal rank of the true disorder, for the likelihood-ratio model and,
//! in the same run, for a baseline that counts exact term overlaps. Ties (common for the baseline) are
//! scored by their expectation under a random tie-break.
//!
//! Besides the Phenomizer scenario it runs three stress variants that the model was not designed against:
//! findings drawn uniformly (ignoring frequencies), findings made more specific than the annotation (a
//! random descendant), and patients with few findings and more noise.
//!
//! ```text
//! cargo run --release -p marrowkb --example evaluate_differential
//! ```

use marrowkb::Disorder;
use marrowkb::differential::{Query, TermInput, profile};
use marrowkb::hpo::{self, Term};
use std::time::Instant;

const PATIENTS_PER_DISORDER: usize = 100;
const SEED: u64 = 20_250_116;

/// How a drawn finding is blurred.
#[derive(Clone, Copy)]
enum Blur {
    /// Replaced by a random ancestor below Phenotypic abnormality.
    Ancestor,
    /// Replaced by a random descendant.
    Descendant,
}

struct Scenario {
    name: &'static str,
    /// Draw findings weighted by frequency (else uniformly).
    weighted: bool,
    /// Findings per patient (inclusive range).
    findings: (usize, usize),
    /// How findings are blurred, and with which probability.
    blur: Blur,
    blur_rate: f64,
    /// Noise terms per patient (inclusive range).
    noise: (usize, usize),
}

const SCENARIOS: [Scenario; 4] = [
    Scenario {
        name: "Phenomizer: 3-8 weighted, 50% ancestor, 0-2 noise",
        weighted: true,
        findings: (3, 8),
        blur: Blur::Ancestor,
        blur_rate: 0.5,
        noise: (0, 2),
    },
    Scenario {
        name: "stress: 3-8 uniform draw, 50% ancestor, 0-2 noise",
        weighted: false,
        findings: (3, 8),
        blur: Blur::Ancestor,
        blur_rate: 0.5,
        noise: (0, 2),
    },
    Scenario {
        name: "stress: 3-8 weighted, 50% descendant, 0-2 noise",
        weighted: true,
        findings: (3, 8),
        blur: Blur::Descendant,
        blur_rate: 0.5,
        noise: (0, 2),
    },
    Scenario {
        name: "stress: 2-4 weighted, 50% ancestor, 1-3 noise",
        weighted: true,
        findings: (2, 4),
        blur: Blur::Ancestor,
        blur_rate: 0.5,
        noise: (1, 3),
    },
];

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

    fn line(&self, label: &str) -> String {
        let n = self.n.max(1) as f64;
        format!(
            "  {label:<28} top-1 {:5.1} %   top-3 {:5.1} %   MRR {:.3}",
            100.0 * self.top1 / n,
            100.0 * self.top3 / n,
            self.rr / n
        )
    }
}

fn main() {
    let phenotype: Vec<Term> = hpo::terms()
        .filter(|t| *t != Term::PHENOTYPIC_ABNORMALITY && t.is_phenotypic_abnormality())
        .collect();
    let mut children: Vec<Vec<Term>> = vec![Vec::new(); hpo::TERM_COUNT];
    for t in hpo::terms() {
        for p in t.parents() {
            children[p.index()].push(t);
        }
    }
    println!(
        "marrowkb {} differential, simulated patients ({PATIENTS_PER_DISORDER} per disorder, {} disorders, seed {SEED})\n",
        marrowkb::VERSION,
        Disorder::COUNT
    );
    for scenario in &SCENARIOS {
        let mut rng = fastrand::Rng::with_seed(SEED);
        let mut model = Tally::default();
        let mut baseline = Tally::default();
        let mut per_disorder = [Tally::default(); Disorder::COUNT];
        let mut elapsed = 0.0;
        let mut runs = 0usize;
        for (di, &disorder) in Disorder::ALL.iter().enumerate() {
            let features: Vec<(Term, f64)> = profile(disorder)
                .iter()
                .filter(|f| !f.excluded && f.frequency > 0.0)
                .map(|f| (f.term, f.frequency))
                .collect();
            for _ in 0..PATIENTS_PER_DISORDER {
                let patient = simulate(&mut rng, scenario, &features, &phenotype, &children);
                let inputs: Vec<TermInput<'_>> = patient.iter().map(|t| TermInput::Term(*t)).collect();
                let start = Instant::now();
                let result = match Query::new(&inputs).run() {
                    Ok(r) => r,
                    Err(e) => panic!("differential failed: {e}"),
                };
                elapsed += start.elapsed().as_secs_f64();
                runs += 1;
                let truth = result.get(disorder).map_or(f64::NEG_INFINITY, |r| r.score);
                let better = result.ranking.iter().filter(|r| r.score > truth).count();
                let ties = result
                    .ranking
                    .iter()
                    .filter(|r| r.score == truth && r.disorder != disorder)
                    .count();
                model.add(better, ties);
                per_disorder[di].add(better, ties);

                // Baseline: how many of the patient's terms are exactly a feature of each disorder.
                let overlap = |d: Disorder| {
                    let mut terms = patient.clone();
                    terms.sort();
                    terms.dedup();
                    terms
                        .iter()
                        .filter(|t| profile(d).iter().any(|f| !f.excluded && f.term == **t))
                        .count()
                };
                let truth = overlap(disorder);
                let counts: Vec<usize> = Disorder::ALL.iter().map(|d| overlap(*d)).collect();
                let better = counts.iter().filter(|c| **c > truth).count();
                let ties = counts.iter().filter(|c| **c == truth).count() - 1;
                baseline.add(better, ties);
            }
        }
        println!("{}", scenario.name);
        println!("{}", model.line("likelihood ratio (marrowkb)"));
        println!("{}", baseline.line("baseline: exact overlap"));
        println!(
            "  mean time per differential: {:.1} µs (debug builds are much slower)\n",
            1e6 * elapsed / runs as f64
        );
        if std::ptr::eq(scenario, &SCENARIOS[0]) {
            println!("  per disorder (top-1 / top-3):");
            for (d, t) in Disorder::ALL.iter().zip(per_disorder) {
                let n = t.n.max(1) as f64;
                println!(
                    "    {:<45} {:5.1} % {:5.1} %",
                    d.key(),
                    100.0 * t.top1 / n,
                    100.0 * t.top3 / n
                );
            }
            println!();
        }
    }
}

/// One simulated patient of a disorder with these (term, frequency) features.
fn simulate(
    rng: &mut fastrand::Rng,
    scenario: &Scenario,
    features: &[(Term, f64)],
    phenotype: &[Term],
    children: &[Vec<Term>],
) -> Vec<Term> {
    let n = rng.usize(scenario.findings.0..=scenario.findings.1).min(features.len());
    let mut pool: Vec<(Term, f64)> = features
        .iter()
        .map(|&(t, f)| (t, if scenario.weighted { f } else { 1.0 }))
        .collect();
    let mut patient = Vec::with_capacity(n + scenario.noise.1);
    for _ in 0..n {
        let total: f64 = pool.iter().map(|(_, w)| w).sum();
        let mut x = rng.f64() * total;
        let mut pick = pool.len() - 1;
        for (i, (_, w)) in pool.iter().enumerate() {
            if x < *w {
                pick = i;
                break;
            }
            x -= w;
        }
        let (mut term, _) = pool.swap_remove(pick);
        if rng.f64() < scenario.blur_rate {
            let options: Vec<Term> = match scenario.blur {
                Blur::Ancestor => term
                    .ancestors()
                    .filter(|a| *a != Term::PHENOTYPIC_ABNORMALITY && a.is_phenotypic_abnormality())
                    .collect(),
                Blur::Descendant => descendants(term, children),
            };
            if !options.is_empty() {
                term = options[rng.usize(..options.len())];
            }
        }
        patient.push(term);
    }
    for _ in 0..rng.usize(scenario.noise.0..=scenario.noise.1) {
        patient.push(phenotype[rng.usize(..phenotype.len())]);
    }
    patient
}

/// Every proper descendant of `term`, in a deterministic order.
fn descendants(term: Term, children: &[Vec<Term>]) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    let mut stack = vec![term];
    while let Some(t) = stack.pop() {
        for &c in &children[t.index()] {
            if !out.contains(&c) {
                out.push(c);
                stack.push(c);
            }
        }
    }
    out.sort();
    out
}
