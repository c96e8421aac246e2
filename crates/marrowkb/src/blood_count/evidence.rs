//! Blood-count evidence for the differential: one likelihood ratio per disorder.
//!
//! The [`fit`](super::fit) sets say which lines match; the differential needs numbers. For each of the
//! three lines (red cells = anaemia, white cells = neutropenia, platelets = thrombocytopenia) whose state
//! the count tells (decreased or not), with a disorder's affected lines from its record:
//!
//! | the disorder … the line | P(line decreased \| disorder) |
//! | --- | --- |
//! | affects | [`AFFECTED_LINE_DECREASED`] = 0.75 |
//! | does not affect | [`UNAFFECTED_LINE_DECREASED`] = 0.10 |
//!
//! and `P(state | background)` is the mean of `P(state | D)` over the 20 disorders (the differential's
//! uniform prior). The disorder's likelihood ratio is the product over the known lines of
//! `P(state | D) / P(state | background)`; unknown lines contribute 1.
//!
//! The two probabilities are model assumptions, not estimates from data (marrowkb has no data on how
//! often each disorder presents with each pattern): an affected line is usually but not always down at
//! presentation, since marrow failure evolves; an unaffected line is seldom down, but infection, bleeding
//! or drugs can lower it. Each line therefore moves a disorder by a bounded factor (at most about 3×
//! up or 8× down), so the phenotype still dominates the ranking.

use super::Interpretation;
use crate::Disorder;
use crate::classes::CellLine;

/// P(line decreased | the disorder affects the line).
pub const AFFECTED_LINE_DECREASED: f64 = 0.75;
/// P(line decreased | the disorder does not affect the line).
pub const UNAFFECTED_LINE_DECREASED: f64 = 0.10;

const LINES: [CellLine; 3] = [CellLine::RedCells, CellLine::WhiteCells, CellLine::Platelets];

fn p_decreased(disorder: Disorder, line: CellLine) -> f64 {
    if disorder.info().cell_lines.contains(&line) {
        AFFECTED_LINE_DECREASED
    } else {
        UNAFFECTED_LINE_DECREASED
    }
}

impl Interpretation {
    /// The likelihood ratio of this blood count under each disorder, in [`Disorder::ALL`] order (see the
    /// [module documentation](self) for the model). Feed it to the differential with
    /// [`Query::evidence`](crate::differential::Query::evidence). No allocation.
    ///
    /// ```
    /// use marrowkb::blood_count::{BloodCount, CountUnit, HemoglobinUnit, InterpretOptions};
    /// use marrowkb::Disorder;
    /// // Isolated thrombocytopenia: favours platelet-only disorders over red-cell-only ones.
    /// let count = BloodCount::builder()
    ///     .hemoglobin(14.0, HemoglobinUnit::GramsPerDeciliter)
    ///     .neutrophils(3.0, CountUnit::GigaPerLiter)
    ///     .platelets(20.0, CountUnit::GigaPerLiter)
    ///     .age(30.0, marrowkb::blood_count::AgeUnit::Years)
    ///     .sex(marrowkb::blood_count::Sex::Male)
    ///     .build()?;
    /// let lrs = count.interpret(InterpretOptions::default()).likelihood_ratios();
    /// let lr = |d: Disorder| lrs.iter().find(|(e, _)| *e == d).map(|(_, lr)| *lr).unwrap();
    /// assert!(lr(Disorder::ThrombocytopeniaAbsentRadius) > 1.0);
    /// assert!(lr(Disorder::DiamondBlackfanAnemia) < 1.0);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn likelihood_ratios(&self) -> [(Disorder, f64); Disorder::COUNT] {
        let mut out = [(Disorder::ALL[0], 1.0); Disorder::COUNT];
        for (slot, disorder) in out.iter_mut().zip(Disorder::ALL) {
            *slot = (disorder, 1.0);
        }
        for line in LINES {
            if self.unknown_lines.contains(line) {
                continue;
            }
            let decreased = self.decreased_lines.contains(line);
            let p_state = |d: Disorder| {
                let p = p_decreased(d, line);
                if decreased { p } else { 1.0 - p }
            };
            let background = Disorder::ALL.iter().map(|d| p_state(*d)).sum::<f64>() / Disorder::COUNT as f64;
            for (disorder, lr) in &mut out {
                *lr *= p_state(*disorder) / background;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blood_count::{AgeUnit, BloodCount, CountUnit, HemoglobinUnit, InterpretOptions, Sex};

    #[test]
    fn unknown_lines_are_neutral() {
        let count = BloodCount::builder().build().unwrap();
        let lrs = count.interpret(InterpretOptions::default()).likelihood_ratios();
        assert!(lrs.iter().all(|(_, lr)| *lr == 1.0));
    }

    #[test]
    fn pancytopenia_favours_trilineage_disorders() {
        let count = BloodCount::builder()
            .hemoglobin(7.2, HemoglobinUnit::GramsPerDeciliter)
            .neutrophils(0.3, CountUnit::GigaPerLiter)
            .platelets(15.0, CountUnit::GigaPerLiter)
            .age(34.0, AgeUnit::Years)
            .sex(Sex::Female)
            .build()
            .unwrap();
        let lrs = count.interpret(InterpretOptions::default()).likelihood_ratios();
        let lr = |d: Disorder| lrs.iter().find(|(e, _)| *e == d).unwrap().1;
        assert!(lr(Disorder::AplasticAnemia) > 1.0);
        assert!(lr(Disorder::AplasticAnemia) > lr(Disorder::CyclicNeutropenia));
        assert!(lr(Disorder::CyclicNeutropenia) > lr(Disorder::DiamondBlackfanAnemia) / 10.0);
        // The geometric mean under the uniform prior stays near 1: evidence moves, it does not inflate.
        let mean: f64 = lrs.iter().map(|(_, lr)| lr).sum::<f64>() / lrs.len() as f64;
        assert!((0.5..2.0).contains(&mean), "{mean}");
    }
}
