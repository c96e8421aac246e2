//! How each scoring unit explains one finding: the probability it gives an observed finding (or an excluded
//! one), the contradiction when it excludes it, the hallmarks the finding covers, and the match shown to
//! the user.
//!
//! Every finding is scored twice. Pass 1 ([`score_observed`], [`score_excluded`] over every unit) needs only
//! probabilities; pass 2 ([`explain_observed`], [`explain_excluded`] over the units picked for the disorders)
//! also names the feature behind each probability. Both read the same numbers the same way, so that the
//! explanations add up to the scores.
//!
//! A finding is explained by its own postings (the units that carry it, exactly or through a descendant, or
//! exclude it), by the direct features and exclusions of its ancestors one by one, and by what its ancestors
//! imply (Narrower and Related matches), which the code generator folds into one [`ancestor_row`] per term.

use super::profile::{
    AncestorRow, DIRECT, DISORDER_UNITS, EXCLUDED, NO_GROUP, Note, POOLS, Posting, Via, ancestor_row, direct_postings,
    postings, presence_ratio, probability, units,
};
use super::unit_scores::{Products, tempered};
use super::{AbsenceKind, AbsenceMatch, MatchKind, TermMatch};
use super::{CONTRADICTION_LR, GROUP_BORROWING, MIN_ABSENCE, NOISE};
use crate::Disorder;
use crate::generated::UNIT_COUNT;
use crate::hpo::Term;

/// The best explanation of one finding for one unit so far.
#[derive(Debug, Clone, Copy)]
pub(super) struct Best {
    pub(super) p: f64,
    kind: MatchKind,
    feature: Option<Term>,
    via: Option<Term>,
    /// The unit's frequency of the matched term, stored (1/10000).
    frequency: u16,
    pub(super) contradiction: Option<Term>,
}

impl Best {
    pub(super) const NONE: Best = Best {
        p: 0.0,
        kind: MatchKind::Unexplained,
        feature: None,
        via: None,
        frequency: 0,
        contradiction: None,
    };

    /// Keeps the candidate if it explains the finding better (ties keep the earlier, more specific one).
    fn offer(&mut self, p: f64, kind: MatchKind, feature: Term, via: Term, frequency: u16) {
        if p > self.p {
            *self = Best {
                p,
                kind,
                feature: Some(feature),
                via: Some(via),
                frequency,
                contradiction: self.contradiction,
            };
        }
    }
}

/// The most units pass 2 explains: one per disorder, and its group's pooled unit.
const MAX_WANTED: usize = 2 * Disorder::COUNT;

/// The units pass 2 explains: the units picked for the disorders and the pooled units they borrow from.
pub(super) struct Wanted {
    mask: [bool; UNIT_COUNT],
    list: [u16; MAX_WANTED],
    len: usize,
}

impl Wanted {
    /// The `picked` units and, for each, its group's pooled unit.
    pub(super) fn new(picked: impl IntoIterator<Item = usize>) -> Self {
        let mut wanted = Wanted {
            mask: [false; UNIT_COUNT],
            list: [0; MAX_WANTED],
            len: 0,
        };
        for u in picked {
            let group = units().get(u).map(|unit| unit.group).filter(|&g| g != NO_GROUP);
            for u in std::iter::once(u).chain(group.map(usize::from)) {
                // One pick per disorder and its pool: the list never fills; mask and list always agree.
                if let (Some(seen), Some(slot)) = (wanted.mask.get_mut(u), wanted.list.get_mut(wanted.len))
                    && !*seen
                {
                    *seen = true;
                    *slot = u as u16;
                    wanted.len += 1;
                }
            }
        }
        wanted
    }

    fn contains(&self, u: usize) -> bool {
        self.mask.get(u).copied().unwrap_or(false)
    }

    fn units(&self) -> impl Iterator<Item = usize> + '_ {
        self.list.iter().take(self.len).map(|&u| usize::from(u))
    }
}

/// Walks the postings of `h` itself (of `h` even when it is Phenotypic abnormality) and the direct postings
/// of its ancestors below Phenotypic abnormality, calling `visit(a, a == h, unit, posting)`. An ancestor may
/// come more than once.
fn walk(h: Term, mut visit: impl FnMut(Term, bool, usize, &Posting)) {
    for p in postings(h) {
        visit(h, true, usize::from(p.unit), p);
    }
    for_each_ancestor_row(h, |row| {
        for &a in row.named {
            let a = Term::at(a);
            for p in direct_postings(a) {
                visit(a, false, usize::from(p.unit), p);
            }
        }
    });
}

/// Calls `visit(row)` with the ancestor rows that together cover every ancestor of `h` below Phenotypic
/// abnormality: the rows of its parents, or of their ancestors for a parent without one. A row may come
/// more than once (rows are maxima and named terms only add explanations, so that changes nothing). Returns
/// whether the pending stack overflowed (then every ancestor's row was visited instead; a test checks that
/// no HPO term needs that).
fn for_each_ancestor_row(h: Term, mut visit: impl FnMut(AncestorRow)) -> bool {
    const DEPTH: usize = 64;
    let mut pending = [Term::ROOT; DEPTH];
    let mut len = 0;
    let mut overflow = false;
    let mut push = |t: Term, pending: &mut [Term; DEPTH], len: &mut usize| {
        if t == Term::PHENOTYPIC_ABNORMALITY || t == Term::ROOT {
            return;
        }
        match pending.get_mut(*len) {
            Some(slot) => {
                *slot = t;
                *len += 1;
            }
            None => overflow = true,
        }
    };
    if h != Term::PHENOTYPIC_ABNORMALITY {
        for p in h.parents() {
            push(p, &mut pending, &mut len);
        }
    }
    while len > 0 {
        len -= 1;
        let t = pending.get(len).copied().unwrap_or(Term::ROOT);
        match ancestor_row(t) {
            Some(row) => visit(row),
            None => {
                for p in t.parents() {
                    push(p, &mut pending, &mut len);
                }
            }
        }
    }
    if overflow {
        // Too many rowless ancestors to keep: the row of every ancestor that has one.
        for a in h.ancestors() {
            if a != Term::PHENOTYPIC_ABNORMALITY
                && let Some(row) = ancestor_row(a)
            {
                visit(row);
            }
        }
    }
    overflow
}

/// Pass 1 for one finding: every unit's probability of it (before borrowing from its group), or
/// [`FindingScores::CONTRADICTED`] when the unit contradicts it (for an excluded finding: names it absent).
pub(super) struct FindingScores {
    p: [f64; UNIT_COUNT],
    /// The units that contradict the finding, `contradicting` of them (most findings have none or few), each
    /// once: `listed` marks them (a row's ancestors may be walked twice).
    contradictions: [u16; UNIT_COUNT],
    contradicting: usize,
    listed: [bool; UNIT_COUNT],
}

impl FindingScores {
    /// The probability that marks a contradiction (below every probability).
    const CONTRADICTED: f64 = -1.0;

    pub(super) const fn new() -> Self {
        FindingScores {
            p: [0.0; UNIT_COUNT],
            contradictions: [0; UNIT_COUNT],
            contradicting: 0,
            listed: [false; UNIT_COUNT],
        }
    }

    /// Notes that unit `u` contradicts the finding (a unit is listed once, so the list never overflows).
    fn contradict(&mut self, u: usize) {
        let Some(listed) = self.listed.get_mut(u) else { return };
        if *listed {
            return;
        }
        *listed = true;
        if let Some(slot) = self.contradictions.get_mut(self.contradicting) {
            *slot = u as u16;
            self.contradicting += 1;
        }
    }

    /// Folds the contradictions into the probabilities (once a finding is scored).
    fn finish(&mut self) {
        for &u in self.contradictions.iter().take(self.contradicting) {
            if let Some(p) = self.p.get_mut(usize::from(u)) {
                *p = Self::CONTRADICTED;
            }
            if let Some(listed) = self.listed.get_mut(usize::from(u)) {
                *listed = false;
            }
        }
        self.contradicting = 0;
    }

    /// What each unit can borrow: a tenth of its pool's probability (negative if the pool contradicts the
    /// finding; nothing for a disorder without a pool), laid out so that the product loops run over all units
    /// at once without branches.
    fn lent(&self) -> [f64; UNIT_COUNT] {
        let mut lent = [0.0; UNIT_COUNT];
        for (d, &pool) in POOLS.iter().enumerate() {
            let (Some(&start), Some(&end)) = (DISORDER_UNITS.get(d), DISORDER_UNITS.get(d + 1)) else {
                continue;
            };
            if let (Some(&p), Some(range)) = (self.p.get(usize::from(pool)), lent.get_mut(start..end)) {
                range.fill(GROUP_BORROWING * p);
            }
        }
        lent
    }

    /// Multiplies each unit's product by its likelihood ratio of the observed finding `h`, as
    /// [`observed_match`] gives it: of its probability after borrowing, as [`with_group`] gives it (the pooled
    /// unit's at [`GROUP_BORROWING`] when that is more, unless either contradicts the finding; a unit that is
    /// its own pool never borrows, a tenth of its own probability is never more), or [`CONTRADICTION_LR`].
    pub(super) fn multiply_observed(&self, h: Term, products: &mut Products) {
        let scale = observed_scale(h.background_share());
        multiply_observed_units(&self.p, &self.lent(), &mut products.linear, scale);
        let (at_0, at_1) = (
            observed_likelihood_ratio(0.0, scale),
            observed_likelihood_ratio(1.0, scale),
        );
        products.multiplied(CONTRADICTION_LR.min(at_0), CONTRADICTION_LR.max(at_1));
    }

    /// Multiplies each unit's product by its untempered likelihood ratio of the excluded finding `h`, as
    /// [`absence_likelihood_ratio`] gives it (borrowing as [`FindingScores::multiply_observed`]).
    pub(super) fn multiply_absent(&self, h: Term, products: &mut Products) {
        let background_absent = background_absent(h);
        multiply_absent_units(&self.p, &self.lent(), &mut products.linear, background_absent);
        let (at_0, at_1) = (1.0 / background_absent, absent_likelihood_ratio(1.0, background_absent));
        products.multiplied(at_1, at_0);
    }
}

/// `linear[u] *=` the observed likelihood ratio of probability `p[u]`, or of what it borrows, `lent[u]`, when
/// that is more; [`CONTRADICTION_LR`] for a contradiction (negative `p`). Branch-free, so that it runs on
/// every unit at once, four at a time where the CPU has AVX2 (chosen at run time; the arithmetic, and so every
/// result, is the same on every CPU: no fused multiply-add).
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn multiply_observed_units(
    p: &[f64; UNIT_COUNT],
    lent: &[f64; UNIT_COUNT],
    linear: &mut [f64; UNIT_COUNT],
    scale: f64,
) {
    for ((&p, &lent), linear) in p.iter().zip(lent).zip(linear.iter_mut()) {
        let ratio = observed_likelihood_ratio(if lent > p { lent } else { p }, scale);
        *linear *= if p < 0.0 { CONTRADICTION_LR } else { ratio };
    }
}

/// `linear[u] *=` the absence likelihood ratio of probability `p[u]` (or of `lent[u]` when more), or
/// `1 / background_absent` for a unit that names the finding absent (negative `p`). As
/// [`multiply_observed_units`].
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn multiply_absent_units(
    p: &[f64; UNIT_COUNT],
    lent: &[f64; UNIT_COUNT],
    linear: &mut [f64; UNIT_COUNT],
    background_absent: f64,
) {
    for ((&p, &lent), linear) in p.iter().zip(lent).zip(linear.iter_mut()) {
        let ratio = absent_likelihood_ratio(if lent > p { lent } else { p }, background_absent);
        *linear *= if p < 0.0 { 1.0 / background_absent } else { ratio };
    }
}

/// `(1 − NOISE) / background`: the factor [`observed_likelihood_ratio`] puts on a probability.
pub(super) fn observed_scale(background: f64) -> f64 {
    (1.0 - NOISE) / background
}

/// The likelihood ratio of an observed finding the unit gives probability `p`: `scale × p + NOISE` with
/// `scale` from [`observed_scale`] (`NOISE` alone for `p` = 0; the same expression in both passes, so that
/// explanations add up).
fn observed_likelihood_ratio(p: f64, scale: f64) -> f64 {
    scale * p + NOISE
}

/// Pass 1: scores the observed finding `h` for every unit (into `scores`) and marks the hallmarks it covers.
pub(super) fn score_observed(h: Term, scores: &mut FindingScores, covered: &mut [u32; UNIT_COUNT]) {
    // The best row score per unit: the first row's own scores, the maximum once a second row comes.
    let mut first: Option<&[f32; UNIT_COUNT]> = None;
    let mut merged: Option<[f32; UNIT_COUNT]> = None;
    for_each_ancestor_row(h, |row| {
        if let Ok(row_scores) = <&[f32; UNIT_COUNT]>::try_from(row.scores) {
            match (&mut merged, first) {
                (Some(best), _) => max_into(best, row_scores),
                (None, Some(earlier)) => {
                    let mut best = *earlier;
                    max_into(&mut best, row_scores);
                    merged = Some(best);
                }
                (None, None) => first = Some(row_scores),
            }
        }
        for &note in row.notes {
            let note = Note(note);
            if note.excluded() {
                scores.contradict(note.unit());
            }
            if let Some(c) = covered.get_mut(note.unit()) {
                *c |= note.hallmarks();
            }
        }
    });
    let bh = h.background_share();
    match merged.as_ref().or(first) {
        Some(row) => scaled_into(&mut scores.p, row, bh),
        None => scores.p = [0.0; UNIT_COUNT],
    }
    for p in postings(h) {
        let u = usize::from(p.unit);
        if p.flags & EXCLUDED != 0 {
            scores.contradict(u);
        } else if let (Some(best), Some(c)) = (scores.p.get_mut(u), covered.get_mut(u)) {
            *c |= p.mask;
            let share = f64::from(p.share);
            if share > *best {
                *best = share;
            }
        }
    }
    scores.finish();
}

/// `p[u] = scale × row[u]` for every unit (as [`multiply_observed_units`], four at a time with AVX2).
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn scaled_into(p: &mut [f64; UNIT_COUNT], row: &[f32; UNIT_COUNT], scale: f64) {
    for (p, &a) in p.iter_mut().zip(row) {
        *p = scale * f64::from(a);
    }
}

/// `best[u] = max(best[u], row[u])` for every unit (eight at a time with AVX2).
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn max_into(best: &mut [f32; UNIT_COUNT], row: &[f32; UNIT_COUNT]) {
    for (best, &s) in best.iter_mut().zip(row) {
        *best = if s > *best { s } else { *best };
    }
}

/// Pass 1: scores the excluded finding `h` for every unit (into `scores`: how likely the unit makes it
/// present) and marks the hallmarks an examination for it covers.
pub(super) fn score_excluded(h: Term, scores: &mut FindingScores, covered: &mut [u32; UNIT_COUNT]) {
    scores.p = [0.0; UNIT_COUNT];
    let bh = h.disease_fraction();
    // Below a direct feature `a` of the unit: `f(a) · B(h) / B(a)`, the best over the ancestors' notes.
    for_each_ancestor_row(h, |row| {
        for (&note, &ratio) in row.notes.iter().zip(row.presence) {
            if let Some(best) = scores.p.get_mut(Note(note).unit()) {
                let p = bh * f64::from(ratio);
                if p > *best {
                    *best = p;
                }
            }
        }
    });
    // The finding itself, or a feature below it: its implied frequency, or the unit names it absent.
    for p in postings(h) {
        let u = usize::from(p.unit);
        if p.flags & EXCLUDED != 0 {
            scores.contradict(u);
        } else if let (Some(best), Some(c)) = (scores.p.get_mut(u), covered.get_mut(u)) {
            *c |= p.mask;
            *best = best.max(probability(p.implied));
        }
    }
    scores.finish();
}

/// Pass 2: the best explanation of the observed finding `h` for every wanted unit (into `best`).
pub(super) fn explain_observed(h: Term, wanted: &Wanted, best: &mut [Best; UNIT_COUNT]) {
    for u in wanted.units() {
        if let Some(b) = best.get_mut(u) {
            *b = Best::NONE;
        }
    }
    // The deepest contradicting term (the finding itself, else the nearest ancestor).
    let contradict = |b: &mut Best, a: Term| b.contradiction = Some(b.contradiction.map_or(a, |c| c.max(a)));
    for p in postings(h) {
        let u = usize::from(p.unit);
        if !wanted.contains(u) {
            continue;
        }
        let Some(b) = best.get_mut(u) else { continue };
        if p.flags & EXCLUDED != 0 {
            contradict(b, h);
        } else {
            let kind = if p.flags & DIRECT != 0 {
                MatchKind::Exact
            } else {
                MatchKind::Broader
            };
            b.offer(f64::from(p.share), kind, Term::at(p.source), h, p.implied);
        }
    }
    // What the ancestors imply: the best (score, narrower, deeper term) over the rows, as pass 1 takes the
    // largest score; and the ancestors' exclusions.
    let mut row_best = [(0f32, Via::NONE); MAX_WANTED];
    for_each_ancestor_row(h, |row| {
        for &a in row.named {
            let a = Term::at(a);
            // Exclusions come first among a term's direct postings.
            for p in direct_postings(a).iter().take_while(|p| p.flags & EXCLUDED != 0) {
                let u = usize::from(p.unit);
                if wanted.contains(u)
                    && let Some(b) = best.get_mut(u)
                {
                    contradict(b, a);
                }
            }
        }
        for (u, slot) in wanted.units().zip(row_best.iter_mut()) {
            let (Some(&s), Some(&v)) = (row.scores.get(u), row.vias.get(u)) else {
                continue;
            };
            let v = Via(v);
            // As the code generator breaks ties within a row: Narrower, then the later (deeper) term index.
            let key = |s: f32, v: Via| (s, v.narrower(), v.0 >> 16);
            if v != Via::NONE && (slot.1 == Via::NONE || key(s, v) > key(slot.0, slot.1)) {
                *slot = (s, v);
            }
        }
    });
    let bh = h.background_share();
    for (u, &(score, via)) in wanted.units().zip(row_best.iter()) {
        let (Some(b), Some(p)) = (best.get_mut(u), via.posting()) else {
            continue;
        };
        let a = via.term();
        if via.narrower() {
            b.offer(bh * f64::from(score), MatchKind::Narrower, a, a, p.direct);
        } else {
            b.offer(
                bh * f64::from(score),
                MatchKind::Related,
                Term::at(p.source),
                a,
                p.implied,
            );
        }
    }
}

/// A unit's best explanation, or its group's pooled one at [`GROUP_BORROWING`] times the probability when
/// that is better (a subtype's own annotations are incomplete; what other forms of the group show is more
/// plausible than what no form shows). A unit that excludes the finding keeps its contradiction.
pub(super) fn with_group(best: &[Best; UNIT_COUNT], u: usize) -> Best {
    let Some(&own) = best.get(u) else { return Best::NONE };
    let Some(unit) = units().get(u) else { return own };
    let g = usize::from(unit.group);
    if own.contradiction.is_some() || unit.group == NO_GROUP || g == u {
        return own;
    }
    match best.get(g) {
        Some(pooled) if pooled.contradiction.is_none() && GROUP_BORROWING * pooled.p > own.p => Best {
            p: GROUP_BORROWING * pooled.p,
            frequency: (GROUP_BORROWING * f64::from(pooled.frequency)).round() as u16,
            ..*pooled
        },
        _ => own,
    }
}

/// The match of observed finding `h` from its best explanation (`scale`: [`observed_scale`] of `h`, computed
/// once per finding).
pub(super) fn observed_match(h: Term, b: &Best, scale: f64) -> TermMatch {
    match b.contradiction {
        Some(c) => TermMatch {
            term: h,
            kind: MatchKind::Contradicted,
            feature: Some(c),
            via: Some(c),
            frequency: 0.0,
            likelihood_ratio: CONTRADICTION_LR,
        },
        None if b.p > 0.0 => TermMatch {
            term: h,
            kind: b.kind,
            feature: b.feature,
            via: b.via,
            frequency: probability(b.frequency),
            likelihood_ratio: observed_likelihood_ratio(b.p, scale),
        },
        None => TermMatch {
            term: h,
            kind: MatchKind::Unexplained,
            feature: None,
            via: None,
            frequency: 0.0,
            likelihood_ratio: NOISE,
        },
    }
}

/// Pass 2: for every wanted unit, how likely it makes the excluded finding `h` present and through which
/// feature (into `best`).
pub(super) fn explain_excluded(h: Term, wanted: &Wanted, best: &mut [Best; UNIT_COUNT]) {
    for u in wanted.units() {
        if let Some(b) = best.get_mut(u) {
            *b = Best::NONE;
        }
    }
    let bh = h.disease_fraction();
    walk(h, |a, is_self, u, p| {
        if !wanted.contains(u) {
            return;
        }
        let Some(b) = best.get_mut(u) else { return };
        if is_self {
            if p.flags & EXCLUDED != 0 {
                b.contradiction = Some(a);
            } else {
                b.offer(
                    probability(p.implied),
                    MatchKind::Broader,
                    Term::at(p.source),
                    h,
                    p.implied,
                );
            }
        } else if p.flags & DIRECT != 0 {
            // As pass 1 reads it from the row notes.
            let present = bh * f64::from(presence_ratio(a, p.direct));
            b.offer(present, MatchKind::Narrower, a, a, p.direct);
        }
    });
}

/// `1 − B` for excluded finding `h`: the fraction of all diseases without it (at least [`MIN_ABSENCE`]).
fn background_absent(h: Term) -> f64 {
    (1.0 - h.disease_fraction()).max(MIN_ABSENCE)
}

/// `(1 − F) / (1 − B)` for a unit that makes the finding present with probability `F` (the same expression
/// in both passes).
fn absent_likelihood_ratio(p: f64, background_absent: f64) -> f64 {
    (1.0 - p).max(MIN_ABSENCE) / background_absent
}

/// The untempered likelihood ratio of excluded finding `h` being absent under a unit: `(1 − F) / (1 − B)`, the
/// unit's implied frequency `F` against the fraction `B` of all diseases with it (1 / (1 − B) when the unit
/// names it absent).
pub(super) fn absence_likelihood_ratio(h: Term, b: &Best) -> f64 {
    match b.contradiction {
        Some(_) => 1.0 / background_absent(h),
        None => absent_likelihood_ratio(b.p, background_absent(h)),
    }
}

/// The absence match of excluded finding `h`: its likelihood ratio tempered by [`EXCLUSION_WEIGHT`].
///
/// [`EXCLUSION_WEIGHT`]: super::EXCLUSION_WEIGHT
pub(super) fn excluded_match(h: Term, b: &Best) -> AbsenceMatch {
    let likelihood_ratio = tempered(absence_likelihood_ratio(h, b));
    match b.contradiction {
        Some(c) => AbsenceMatch {
            term: h,
            kind: AbsenceKind::Consistent,
            feature: Some(c),
            frequency: 0.0,
            likelihood_ratio,
        },
        None if b.p > 0.0 => AbsenceMatch {
            term: h,
            kind: AbsenceKind::Against,
            feature: b.feature,
            frequency: b.p,
            likelihood_ratio,
        },
        None => AbsenceMatch {
            term: h,
            kind: AbsenceKind::Neutral,
            feature: None,
            frequency: 0.0,
            likelihood_ratio,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_contradicting_twice_is_listed_once_and_the_list_never_overflows() {
        let mut scores = FindingScores::new();
        for round in 0..3 {
            for u in 0..UNIT_COUNT {
                scores.contradict(u);
                scores.contradict(u);
            }
            assert_eq!(scores.contradicting, UNIT_COUNT, "round {round}");
            scores.finish();
            assert!(scores.p.iter().all(|&p| p == FindingScores::CONTRADICTED));
            assert!(
                scores.listed.iter().all(|&l| !l),
                "marks are cleared for the next finding"
            );
            scores.p = [0.0; UNIT_COUNT];
        }
    }

    #[test]
    fn no_hpo_term_overflows_the_ancestor_row_stack() {
        for t in crate::hpo::terms() {
            assert!(!for_each_ancestor_row(t, |_| {}), "{t:?}");
        }
    }
}
