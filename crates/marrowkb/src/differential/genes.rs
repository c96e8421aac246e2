//! Optional genotype evidence: a gene the patient carries a causative variant in, as per-disorder likelihood
//! ratios for [`Query::evidence`](super::Query::evidence). Off unless the caller asks for it.

use crate::{Disorder, Error, Gene, Result};

/// How many distinct genes HPO 2025-01-16 links to any disease (`genes_to_phenotype.txt`): the background
/// against which one gene is evidence. Checked against the release by `tests/sources.rs`.
///
/// ```
/// assert_eq!(marrowkb::differential::HPO_DISEASE_GENE_COUNT, 5127);
/// ```
pub const HPO_DISEASE_GENE_COUNT: u32 = 5127;

/// Probability that a patient's causative gene is not among the genes marrowkb links to their disorder (an
/// incomplete gene list, a new gene, a wrong call): the likelihood ratio of a gene for a disorder it is not
/// linked to.
///
/// ```
/// assert!(marrowkb::differential::GENE_MISS < 0.1);
/// ```
pub const GENE_MISS: f64 = 0.05;

/// The likelihood ratio of "the causative variant is in `symbol`" under each disorder, in
/// [`Disorder::ALL`] order: `(1 − m) · G / n(D)` for a disorder with `n(D)` linked genes that include it (the
/// gene is one of the disorder's, out of `G` = [`HPO_DISEASE_GENE_COUNT`] disease genes in the background), and
/// `m` = [`GENE_MISS`] for the others.
///
/// ```
/// use marrowkb::Disorder;
/// use marrowkb::differential::{Query, TermInput, gene_likelihood_ratios};
/// let lrs = gene_likelihood_ratios("RPS19")?;
/// let r = Query::new(&[TermInput::Text("HP:0001903")]).evidence(&lrs).run()?; // anaemia + RPS19
/// assert_eq!(r.ranking[0].disorder, Disorder::DiamondBlackfanAnemia);
/// # Ok::<(), marrowkb::Error>(())
/// ```
///
/// # Errors
/// As [`Gene::from_symbol`]: an empty, over-long or unknown symbol ([`Error::UnknownKey`] for a gene no
/// disorder of marrowkb is linked to).
pub fn gene_likelihood_ratios(symbol: &str) -> Result<[(Disorder, f64); Disorder::COUNT]> {
    let gene = Gene::from_symbol(symbol)?;
    let linked = gene.disorders();
    if linked.is_empty() {
        return Err(Error::UnknownKey { entity: "gene" });
    }
    let mut out = [(Disorder::ALL[0], GENE_MISS); Disorder::COUNT];
    for (slot, disorder) in out.iter_mut().zip(Disorder::ALL) {
        let lr = if linked.contains(&disorder) {
            let n = Gene::all().filter(|g| g.disorders().contains(&disorder)).count().max(1);
            (1.0 - GENE_MISS) * f64::from(HPO_DISEASE_GENE_COUNT) / n as f64
        } else {
            GENE_MISS
        };
        *slot = (disorder, lr);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_disorders_gain_and_others_lose() {
        let lrs = gene_likelihood_ratios("elane").unwrap_or_else(|e| panic!("{e}"));
        for (d, lr) in lrs {
            if d == Disorder::SevereCongenitalNeutropenia {
                assert!(lr > 100.0, "{d:?} {lr}");
            }
            assert!(lr >= GENE_MISS);
        }
        assert!(gene_likelihood_ratios("NOTAGENE").is_err());
        assert!(gene_likelihood_ratios("").is_err());
    }
}
