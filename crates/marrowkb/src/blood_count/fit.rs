//! Which disorders' affected cell lines fit the observed cytopenias.
//!
//! Each disorder's record lists the cell lines it affects ([`DisorderInfo::cell_lines`]). The three
//! lines are read from the count as: red cells = anaemia, white cells = neutropenia (the white line is
//! read from the neutrophil count only, as in the pancytopenia pattern), platelets = thrombocytopenia.
//! A line whose state is unknown (not measured, or undetermined) is left out of the comparison.
//!
//! Over the known lines, with *affected* the disorder's lines and *decreased* the patient's:
//!
//! - **matched** = affected ∩ decreased, **missed** = affected ∖ decreased, **unexpected** = decreased ∖ affected;
//! - **score** = |matched| / |matched ∪ missed ∪ unexpected| (the Jaccard index of the two sets, 0–1);
//!   `None` when that union is empty (nothing known to compare);
//! - **fit**: [`Fit::Exact`] when matched is not empty and nothing is missed or unexpected;
//!   [`Fit::Partial`] when something matched and something did not; [`Fit::NoOverlap`] when nothing
//!   matched; [`Fit::Undetermined`] when the score is `None`.
//!
//! This is evidence about cell lines only, not a likelihood ratio: marrowkb has no data on how often each
//! disorder presents with each pattern. Bone marrow failure often evolves (a single cytopenia can
//! precede pancytopenia), so a *missed* line weighs less against a disorder than an *unexpected* one;
//! the score does not weigh them, the sets are there for a differential that does.
//!
//! [`DisorderInfo::cell_lines`]: crate::disorder::DisorderInfo::cell_lines

use core::fmt;

use crate::Disorder;
use crate::classes::CellLine;

/// A set of [`CellLine`]s, stored as bits: bit `d − 1` is the line with discriminant `d`
/// (red cells 1, white cells 2, platelets 4).
///
/// ```
/// use marrowkb::{blood_count::CellLineSet, classes::CellLine};
/// let set = CellLineSet::EMPTY.with(CellLine::RedCells).with(CellLine::Platelets);
/// assert!(set.contains(CellLine::Platelets) && !set.contains(CellLine::WhiteCells));
/// assert_eq!((set.len(), set.bits()), (2, 0b101));
/// assert_eq!(set.iter().collect::<Vec<_>>(), [CellLine::RedCells, CellLine::Platelets]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CellLineSet {
    bits: u8,
}

impl CellLineSet {
    /// No line.
    ///
    /// ```
    /// use marrowkb::blood_count::CellLineSet;
    /// assert!(CellLineSet::EMPTY.is_empty());
    /// ```
    pub const EMPTY: CellLineSet = CellLineSet { bits: 0 };
    /// All three lines.
    ///
    /// ```
    /// use marrowkb::blood_count::CellLineSet;
    /// assert_eq!(CellLineSet::ALL.len(), 3);
    /// ```
    pub const ALL: CellLineSet = CellLineSet { bits: 0b111 };

    const fn bit(line: CellLine) -> u8 {
        1 << (line as u32 - 1)
    }

    /// The set from its bits; bits above the three lines are dropped.
    ///
    /// ```
    /// use marrowkb::blood_count::CellLineSet;
    /// assert_eq!(CellLineSet::from_bits(0xff), CellLineSet::ALL);
    /// ```
    pub const fn from_bits(bits: u8) -> Self {
        CellLineSet { bits: bits & 0b111 }
    }

    /// The bits.
    ///
    /// ```
    /// use marrowkb::blood_count::CellLineSet;
    /// assert_eq!(CellLineSet::ALL.bits(), 0b111);
    /// ```
    pub const fn bits(self) -> u8 {
        self.bits
    }

    /// The set with `line` added.
    ///
    /// ```
    /// use marrowkb::{blood_count::CellLineSet, classes::CellLine};
    /// assert_eq!(CellLineSet::EMPTY.with(CellLine::WhiteCells).bits(), 0b010);
    /// ```
    #[must_use]
    pub const fn with(self, line: CellLine) -> Self {
        CellLineSet {
            bits: self.bits | Self::bit(line),
        }
    }

    /// Whether `line` is in the set.
    ///
    /// ```
    /// use marrowkb::{blood_count::CellLineSet, classes::CellLine};
    /// assert!(CellLineSet::ALL.contains(CellLine::Platelets));
    /// ```
    pub const fn contains(self, line: CellLine) -> bool {
        self.bits & Self::bit(line) != 0
    }

    /// How many lines.
    ///
    /// ```
    /// use marrowkb::blood_count::CellLineSet;
    /// assert_eq!(CellLineSet::from_bits(0b101).len(), 2);
    /// ```
    pub const fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Whether the set is empty.
    ///
    /// ```
    /// use marrowkb::blood_count::CellLineSet;
    /// assert!(!CellLineSet::ALL.is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// Intersection.
    ///
    /// ```
    /// use marrowkb::blood_count::CellLineSet;
    /// assert_eq!(CellLineSet::from_bits(0b011).intersection(CellLineSet::from_bits(0b110)).bits(), 0b010);
    /// ```
    #[must_use]
    pub const fn intersection(self, other: Self) -> Self {
        CellLineSet {
            bits: self.bits & other.bits,
        }
    }

    /// Union.
    ///
    /// ```
    /// use marrowkb::blood_count::CellLineSet;
    /// assert_eq!(CellLineSet::from_bits(0b001).union(CellLineSet::from_bits(0b100)).bits(), 0b101);
    /// ```
    #[must_use]
    pub const fn union(self, other: Self) -> Self {
        CellLineSet {
            bits: self.bits | other.bits,
        }
    }

    /// The lines in `self` and not in `other`.
    ///
    /// ```
    /// use marrowkb::blood_count::CellLineSet;
    /// assert_eq!(CellLineSet::ALL.difference(CellLineSet::from_bits(0b001)).bits(), 0b110);
    /// ```
    #[must_use]
    pub const fn difference(self, other: Self) -> Self {
        CellLineSet {
            bits: self.bits & !other.bits,
        }
    }

    /// The lines, in discriminant order.
    ///
    /// ```
    /// use marrowkb::{blood_count::CellLineSet, classes::CellLine};
    /// assert_eq!(CellLineSet::ALL.iter().next(), Some(CellLine::RedCells));
    /// ```
    pub fn iter(self) -> impl Iterator<Item = CellLine> {
        CellLine::ALL.iter().copied().filter(move |l| self.contains(*l))
    }
}

impl FromIterator<CellLine> for CellLineSet {
    fn from_iter<I: IntoIterator<Item = CellLine>>(iter: I) -> Self {
        iter.into_iter().fold(CellLineSet::EMPTY, CellLineSet::with)
    }
}

impl fmt::Display for CellLineSet {
    /// Keys joined by `+` (`red_cells+platelets`), or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        for (i, line) in self.iter().enumerate() {
            if i > 0 {
                f.write_str("+")?;
            }
            f.write_str(line.key())?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CellLineSet {
    /// A list of cell line keys.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// How well a disorder's affected lines fit the observed cytopenias (see the [module](self) docs).
///
/// ```
/// use marrowkb::blood_count::Fit;
/// assert!(Fit::Exact > Fit::Partial && Fit::Partial > Fit::NoOverlap);
/// assert_eq!(Fit::Exact.key(), "exact");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum Fit {
    /// Nothing known to compare.
    Undetermined = 0,
    /// No affected line is decreased.
    NoOverlap = 1,
    /// Some lines match, some are missed or unexpected.
    Partial = 2,
    /// The decreased lines are exactly the disorder's lines (over the known lines).
    Exact = 3,
}

impl Fit {
    /// The stable key.
    ///
    /// ```
    /// use marrowkb::blood_count::Fit;
    /// assert_eq!(Fit::NoOverlap.key(), "no_overlap");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            Fit::Undetermined => "undetermined",
            Fit::NoOverlap => "no_overlap",
            Fit::Partial => "partial",
            Fit::Exact => "exact",
        }
    }
}

impl fmt::Display for Fit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Fit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// One disorder's fit to the observed lines.
///
/// ```
/// use marrowkb::{Disorder, blood_count::{CellLineSet, DisorderFit, Fit}, classes::CellLine};
/// let decreased = CellLineSet::ALL;
/// let fit = DisorderFit::new(Disorder::AplasticAnemia, decreased, CellLineSet::EMPTY);
/// assert_eq!(fit.affected, CellLineSet::ALL);
/// assert_eq!((fit.fit, fit.score), (Fit::Exact, Some(1.0)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DisorderFit {
    /// The disorder.
    pub disorder: Disorder,
    /// Lines the disorder affects (from its record).
    pub affected: CellLineSet,
    /// Affected and decreased.
    pub matched: CellLineSet,
    /// Affected but known not to be decreased.
    pub missed: CellLineSet,
    /// Decreased but not among the disorder's lines.
    pub unexpected: CellLineSet,
    /// Lines whose state is unknown (left out).
    pub unknown: CellLineSet,
    /// |matched| / |matched ∪ missed ∪ unexpected|; `None` when that union is empty.
    pub score: Option<f64>,
    /// The category.
    pub fit: Fit,
}

impl DisorderFit {
    /// Compares `disorder`'s lines with the `decreased` lines; `unknown` lines are left out (a line in
    /// both is treated as unknown).
    ///
    /// ```
    /// use marrowkb::{Disorder, blood_count::{CellLineSet, DisorderFit, Fit}, classes::CellLine};
    /// let thrombocytopenia = CellLineSet::EMPTY.with(CellLine::Platelets);
    /// let unknown = CellLineSet::EMPTY.with(CellLine::RedCells);
    /// let fit = DisorderFit::new(Disorder::AplasticAnemia, thrombocytopenia, unknown);
    /// assert_eq!((fit.fit, fit.missed.len(), fit.unknown.len()), (Fit::Partial, 1, 1));
    /// assert_eq!(fit.score, Some(0.5));
    /// ```
    pub fn new(disorder: Disorder, decreased: CellLineSet, unknown: CellLineSet) -> Self {
        let affected: CellLineSet = disorder.info().cell_lines.iter().copied().collect();
        let known = CellLineSet::ALL.difference(unknown);
        let decreased = decreased.intersection(known);
        let affected_known = affected.intersection(known);
        let matched = affected_known.intersection(decreased);
        let missed = affected_known.difference(decreased);
        let unexpected = decreased.difference(affected);
        let compared = matched.union(missed).union(unexpected);
        let score = (!compared.is_empty()).then(|| matched.len() as f64 / compared.len() as f64);
        let fit = match score {
            None => Fit::Undetermined,
            Some(_) if matched.is_empty() => Fit::NoOverlap,
            Some(_) if missed.is_empty() && unexpected.is_empty() => Fit::Exact,
            Some(_) => Fit::Partial,
        };
        DisorderFit {
            disorder,
            affected,
            matched,
            missed,
            unexpected,
            unknown,
            score,
            fit,
        }
    }
}

/// Every disorder's fit, in [`Disorder::ALL`] order.
pub(crate) fn fits(decreased: CellLineSet, unknown: CellLineSet) -> [DisorderFit; Disorder::COUNT] {
    Disorder::ALL.map(|d| DisorderFit::new(d, decreased, unknown))
}

/// Sorts fits best first: score descending (`None` last), then [`Disorder`] discriminant. Never allocates.
pub(crate) fn rank(fits: &mut [DisorderFit]) {
    fits.sort_unstable_by(|a, b| {
        let sa = a.score.unwrap_or(-1.0);
        let sb = b.score.unwrap_or(-1.0);
        sb.total_cmp(&sa)
            .then(b.fit.cmp(&a.fit))
            .then((a.disorder as u32).cmp(&(b.disorder as u32)))
    });
}
