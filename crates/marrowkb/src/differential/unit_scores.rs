//! Per-unit scores and, from them, each disorder's picked unit and score parts: the phenotype likelihood
//! ratio, the absence ratio, unreported hallmarks, and the mixture over a group's subtypes.

use super::profile::{DISORDER_UNITS, UNIT_WEIGHTS, probability, units};
use super::{EXCLUSION_WEIGHT, HALLMARK_REPORTING, MissingHallmark};
use crate::Disorder;
use crate::generated::UNIT_COUNT;
use crate::hpo::Term;
use std::sync::LazyLock;

/// Per-unit partial scores.
pub(super) struct UnitScores {
    pub(super) phenotype: Products,
    pub(super) absent: Products,
    /// Hallmarks covered by a finding (bit i = `units()[u].hallmarks[i]`).
    pub(super) covered: [u32; UNIT_COUNT],
    /// Whether any finding was observed (a report exists whose omissions mean something).
    reported: bool,
}

/// The unit that best explains a disorder's findings, and the disorder's score parts from it.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Pick {
    pub(super) unit: usize,
    pub(super) phenotype: f64,
    pub(super) absent: f64,
    pub(super) hallmarks: f64,
    /// `log10` of the mean likelihood over the disorder's units, relative to the picked unit's (≤ 0).
    pub(super) subtypes: f64,
}

impl UnitScores {
    pub(super) fn new(reported: bool) -> Self {
        UnitScores {
            phenotype: Products::ONE,
            absent: Products::ONE,
            covered: [0; UNIT_COUNT],
            reported,
        }
    }

    /// The likelihood ratio of the unit's hallmarks in the blood branch that no finding covers (1 when
    /// nothing was observed: without a report there is nothing to have left out): the ratio of all of them,
    /// divided by those of the covered ones (usually few).
    fn hallmarks(&self, u: usize, table: &Hallmarks) -> f64 {
        if !self.reported {
            return 1.0;
        }
        let mut covered = self.covered.get(u).copied().unwrap_or(0) & table.scored.get(u).copied().unwrap_or(0);
        let mut product = table.all.get(u).copied().unwrap_or(1.0);
        while covered != 0 {
            product /= table.likelihood_ratio(u, covered.trailing_zeros() as usize);
            covered &= covered - 1;
        }
        product
    }

    /// For every disorder: its most likely unit, and the mixture over its units (a uniform prior over a
    /// group's subtypes, beside the pooled profile at [`POOLED_WEIGHT`](super::POOLED_WEIGHT)).
    pub(super) fn by_disorder(&self) -> [Pick; Disorder::COUNT] {
        let table: &Hallmarks = &HALLMARKS;
        // Each unit's whole likelihood ratio, `10^log10 × linear`; in linear space alone while no product has
        // left it (the usual case: a product leaves linear space only past 1e±150). First every unit as if no
        // hallmark were covered (one pass over all units, two at a time), then the few with covered ones.
        let linear_only = !self.phenotype.folded && !self.absent.folded;
        let unreported: &[f64; UNIT_COUNT] = if self.reported { &table.all } else { &[1.0; UNIT_COUNT] };
        let mut totals = [0.0; UNIT_COUNT];
        linear_totals(&mut totals, &self.phenotype.linear, &self.absent.linear, unreported);
        if self.reported {
            for (u, (total, (&covered, &scored))) in totals
                .iter_mut()
                .zip(self.covered.iter().zip(&table.scored))
                .enumerate()
            {
                if covered & scored != 0 {
                    *total = linear_total(
                        self.phenotype.get(u).linear,
                        self.absent.get(u).linear,
                        self.hallmarks(u, table),
                    );
                }
            }
        }
        if !linear_only {
            for (u, total) in totals.iter_mut().enumerate() {
                let (p, a) = (self.phenotype.get(u), self.absent.get(u));
                // Relative to 10^0, as logarithms (no overflow).
                *total = p.log10 + EXCLUSION_WEIGHT * a.log10 + log10(*total);
            }
        }
        let mut picks = [Pick::default(); Disorder::COUNT];
        for (d, pick) in picks.iter_mut().enumerate() {
            let (Some(&start), Some(&end)) = (DISORDER_UNITS.get(d), DISORDER_UNITS.get(d + 1)) else {
                continue;
            };
            let (Some(totals), Some(weights)) = (totals.get(start..end), UNIT_WEIGHTS.get(start..end)) else {
                continue;
            };
            let (best, subtypes) = mixture(totals, weights, linear_only);
            let u = start + best;
            *pick = Pick {
                unit: u,
                phenotype: self.phenotype.get(u).log10(),
                absent: EXCLUSION_WEIGHT * self.absent.get(u).log10(),
                hallmarks: log10(self.hallmarks(u, table)),
                subtypes,
            };
        }
        picks
    }
}

/// `totals[u] = phenotype[u] × tempered(absent[u]) × hallmarks[u]` for every unit (four at a time where the
/// CPU has AVX2, chosen at run time; the same arithmetic on every CPU).
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn linear_totals(
    totals: &mut [f64; UNIT_COUNT],
    phenotype: &[f64; UNIT_COUNT],
    absent: &[f64; UNIT_COUNT],
    hallmarks: &[f64; UNIT_COUNT],
) {
    for (((total, &p), &a), &h) in totals.iter_mut().zip(phenotype).zip(absent).zip(hallmarks) {
        *total = linear_total(p, a, h);
    }
}

/// A unit's whole likelihood ratio from its phenotype product, its (untempered) absence product and its
/// unreported hallmarks' ratio.
#[inline(always)]
fn linear_total(phenotype: f64, absent: f64, hallmarks: f64) -> f64 {
    phenotype * tempered(absent) * hallmarks
}

/// `log10(x)`, exactly 0 for 1 (through `log2`, which the C library computes several times faster).
pub(super) fn log10(x: f64) -> f64 {
    if x == 1.0 {
        0.0
    } else {
        x.log2() * std::f64::consts::LOG10_2
    }
}

/// A likelihood ratio raised to [`EXCLUSION_WEIGHT`] (two square roots at the default weight of 1/4).
pub(super) fn tempered(lr: f64) -> f64 {
    if EXCLUSION_WEIGHT == 0.25 {
        lr.sqrt().sqrt()
    } else if EXCLUSION_WEIGHT == 0.5 {
        lr.sqrt()
    } else {
        lr.powf(EXCLUSION_WEIGHT)
    }
}

/// The best of one disorder's units (their `totals`, linear or as `log10`, and prior `weights`), and the
/// `log10` of the mixture over them relative to it (≤ 0).
fn mixture(totals: &[f64], weights: &[f64], linear: bool) -> (usize, f64) {
    let (mut best, mut max) = (0, f64::NEG_INFINITY);
    for (i, (&t, &w)) in totals.iter().zip(weights).enumerate() {
        if w > 0.0 && t > max {
            (best, max) = (i, t);
        }
    }
    if totals.len() <= 1 || (linear && max <= 0.0) {
        return (best, 0.0);
    }
    let relative = |t: f64| if linear { t / max } else { 10f64.powf(t - max) };
    // Divided by the total weight, so that equal components give exactly 1 whatever the rounding.
    let total_weight: f64 = weights.iter().sum();
    let mean = totals.iter().zip(weights).map(|(&t, &w)| w * relative(t)).sum::<f64>() / total_weight;
    (best, log10(mean))
}

/// Likelihood ratio of a hallmark (frequency `f`) that no reported finding covers: a case report states a
/// blood hallmark when present with probability [`HALLMARK_REPORTING`], other hallmarks are not scored.
pub(super) fn unreported_hallmark_lr(term: Term, f: f64, blood: bool) -> f64 {
    if !blood {
        return 1.0;
    }
    (1.0 - HALLMARK_REPORTING * f) / (1.0 - HALLMARK_REPORTING * term.disease_fraction())
}

/// Every unit's hallmarks as scored when no finding covers them.
struct Hallmarks {
    /// For each unit: the hallmarks in the blood branch (the scored ones), as bits.
    scored: [u32; UNIT_COUNT],
    /// For each unit: the product of the likelihood ratios of all its hallmarks left unreported.
    all: [f64; UNIT_COUNT],
    /// For each unit: where its hallmarks' likelihood ratios start in `likelihood_ratios`.
    starts: Vec<usize>,
    /// Each hallmark's likelihood ratio when left unreported, unit by unit in bit order (1 for those not
    /// scored).
    likelihood_ratios: Vec<f64>,
}

impl Hallmarks {
    /// Unit `u`'s hallmark `bit` left unreported.
    fn likelihood_ratio(&self, u: usize, bit: usize) -> f64 {
        self.starts
            .get(u)
            .and_then(|&start| self.likelihood_ratios.get(start + bit))
            .copied()
            .unwrap_or(1.0)
    }
}

/// Every unit's [`Hallmarks`]. Computed once.
static HALLMARKS: LazyLock<Hallmarks> = LazyLock::new(|| {
    let mut table = Hallmarks {
        scored: [0; UNIT_COUNT],
        all: [1.0; UNIT_COUNT],
        starts: Vec::with_capacity(UNIT_COUNT),
        likelihood_ratios: Vec::new(),
    };
    for (u, unit) in units().iter().enumerate() {
        table.starts.push(table.likelihood_ratios.len());
        let mut scored = 0;
        let mut all = 1.0;
        for (bit, &(t, f, blood)) in unit.hallmarks.iter().enumerate() {
            let lr = unreported_hallmark_lr(Term::at(t), probability(f), blood);
            if blood {
                scored |= 1 << bit;
            }
            all *= lr;
            table.likelihood_ratios.push(lr);
        }
        if let (Some(s), Some(a)) = (table.scored.get_mut(u), table.all.get_mut(u)) {
            (*s, *a) = (scored, all);
        }
    }
    table
});

/// What the explanations need of pass 1: each disorder's picked unit, the hallmarks the findings cover for it,
/// and whether anything was observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Picked {
    units: [u16; Disorder::COUNT],
    covered: [u32; Disorder::COUNT],
    reported: bool,
}

impl Picked {
    /// Each disorder's picked unit, in disorder order.
    pub(super) fn units(&self) -> impl Iterator<Item = usize> + '_ {
        self.units.iter().map(|&u| usize::from(u))
    }
}

impl UnitScores {
    /// What the explanations of these `picks` need.
    pub(super) fn picked(&self, picks: &[Pick; Disorder::COUNT]) -> Picked {
        Picked {
            units: picks.map(|p| p.unit as u16),
            covered: picks.map(|p| self.covered.get(p.unit).copied().unwrap_or(0)),
            reported: self.reported,
        }
    }
}

/// The hallmarks of each disorder's picked unit that no finding covers, flattened, with where each
/// disorder's list starts.
pub(super) fn missing_hallmarks(picked: &Picked) -> (Vec<MissingHallmark>, [u32; Disorder::COUNT + 1]) {
    let capacity: usize = picked
        .units()
        .map(|u| units().get(u).map_or(0, |unit| unit.hallmarks.len()))
        .sum();
    let table: &Hallmarks = &HALLMARKS;
    let mut missing = Vec::with_capacity(capacity);
    let mut starts = [0u32; Disorder::COUNT + 1];
    for (d, (u, &covered)) in picked.units().zip(&picked.covered).enumerate() {
        if let Some(unit) = units().get(u) {
            for (bit, &(t, f, blood)) in unit.hallmarks.iter().enumerate() {
                if covered & (1 << bit) == 0 {
                    let scored = blood && picked.reported;
                    missing.push(MissingHallmark {
                        feature: Term::at(t),
                        frequency: probability(f),
                        likelihood_ratio: if scored { table.likelihood_ratio(u, bit) } else { 1.0 },
                    });
                }
            }
        }
        if let Some(s) = starts.get_mut(d + 1) {
            *s = missing.len() as u32;
        }
    }
    (missing, starts)
}

/// One product of likelihood ratios per unit, kept in linear space (one `log10` at the end instead of one per
/// factor), folded into a log10 sum whenever it leaves `[1e-150, 1e150]` so that it never overflows.
pub(super) struct Products {
    pub(super) linear: [f64; UNIT_COUNT],
    pub(super) log10: [f64; UNIT_COUNT],
    /// Whether any product was ever folded (else every `log10` part is 0).
    folded: bool,
    /// Bounds on every `linear` part: `low ≤ linear ≤ high`, from the bounds of the factors.
    low: f64,
    high: f64,
}

/// One unit's product in [`Products`]: `10^log10 × linear`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Product {
    linear: f64,
    log10: f64,
}

impl Product {
    /// The product's `log10`.
    fn log10(self) -> f64 {
        self.log10 + log10(self.linear)
    }
}

impl Products {
    const ONE: Products = Products {
        linear: [1.0; UNIT_COUNT],
        log10: [0.0; UNIT_COUNT],
        folded: false,
        low: 1.0,
        high: 1.0,
    };

    /// Notes that every product was multiplied by a factor in `[low, high]`, and folds them when the bounds
    /// leave `[1e-150, 1e150]` (so a product is checked only when it may have left the range, far from where
    /// an `f64` overflows).
    pub(super) fn multiplied(&mut self, low: f64, high: f64) {
        self.low *= low;
        self.high *= high;
        if !(1e-150..=1e150).contains(&self.low) || !(1e-150..=1e150).contains(&self.high) {
            self.keep_in_range();
            self.low = self.linear.iter().copied().fold(f64::INFINITY, f64::min);
            self.high = self.linear.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        }
    }

    /// Folds the products that left `[1e-150, 1e150]` into their `log10` parts.
    fn keep_in_range(&mut self) {
        let in_range = |x: &f64| (1e-150..=1e150).contains(x);
        if !self.linear.iter().all(in_range) {
            self.folded = true;
            for (linear, log10) in self.linear.iter_mut().zip(self.log10.iter_mut()) {
                if !in_range(linear) {
                    *log10 += self::log10(*linear);
                    *linear = 1.0;
                }
            }
        }
    }

    /// Unit `u`'s product.
    fn get(&self, u: usize) -> Product {
        Product {
            linear: self.linear.get(u).copied().unwrap_or(1.0),
            log10: self.log10.get(u).copied().unwrap_or(0.0),
        }
    }
}
