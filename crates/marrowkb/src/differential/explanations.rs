//! A differential's explanations (pass 2), built the first time they are read: how each disorder's picked
//! unit explains every observed and excluded finding, and which of its hallmarks no finding covers.
//!
//! A caller that only ranks never pays for them; one that reads any explanation gets all of them, built from
//! the same tables and arithmetic as the scores, so that they add up to them.

use super::explain::{
    Best, Wanted, excluded_match, explain_excluded, explain_observed, observed_match, observed_scale, with_group,
};
use super::unit_scores::{Picked, missing_hallmarks};
use super::{AbsenceMatch, MatchKind, MissingHallmark, TermMatch};
use crate::Disorder;
use crate::generated::UNIT_COUNT;
use crate::hpo::Term;

/// Every disorder's explanations, stored flat.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Explanations {
    /// `matches[d * observed.len() + i]`: observed term `i` for the disorder with index `d`.
    pub(crate) matches: Vec<TermMatch>,
    /// `absences[d * excluded.len() + i]`.
    pub(crate) absences: Vec<AbsenceMatch>,
    /// Missing hallmarks, grouped by disorder index.
    pub(crate) missing: Vec<MissingHallmark>,
    /// Where each disorder's missing hallmarks start in `missing` (plus the end).
    pub(crate) missing_starts: [u32; Disorder::COUNT + 1],
}

impl Explanations {
    /// Explains the `observed` and `excluded` findings (as scored) for each disorder's `picked` unit.
    pub(crate) fn build(observed: &[Term], excluded: &[Term], picked: &Picked) -> Self {
        let wanted = Wanted::new(picked.units());
        let mut best = [Best::NONE; UNIT_COUNT];
        let (n_obs, n_excl) = (observed.len(), excluded.len());
        let mut matches = vec![TermMatch::PLACEHOLDER; Disorder::COUNT * n_obs];
        for (i, &h) in observed.iter().enumerate() {
            explain_observed(h, &wanted, &mut best);
            let scale = observed_scale(h.background_share());
            for (d, u) in picked.units().enumerate() {
                if let Some(slot) = matches.get_mut(d * n_obs + i) {
                    *slot = observed_match(h, &with_group(&best, u), scale);
                }
            }
        }
        let mut absences = vec![AbsenceMatch::PLACEHOLDER; Disorder::COUNT * n_excl];
        for (i, &h) in excluded.iter().enumerate() {
            explain_excluded(h, &wanted, &mut best);
            for (d, u) in picked.units().enumerate() {
                if let Some(slot) = absences.get_mut(d * n_excl + i) {
                    *slot = excluded_match(h, &with_group(&best, u));
                }
            }
        }
        let (missing, missing_starts) = missing_hallmarks(picked);
        Explanations {
            matches,
            absences,
            missing,
            missing_starts,
        }
    }
}

impl TermMatch {
    const PLACEHOLDER: TermMatch = TermMatch {
        term: Term::ROOT,
        kind: MatchKind::Unexplained,
        feature: None,
        via: None,
        frequency: 0.0,
        likelihood_ratio: 1.0,
    };
}

impl AbsenceMatch {
    const PLACEHOLDER: AbsenceMatch = AbsenceMatch {
        term: Term::ROOT,
        kind: super::AbsenceKind::Neutral,
        feature: None,
        frequency: 0.0,
        likelihood_ratio: 1.0,
    };
}
