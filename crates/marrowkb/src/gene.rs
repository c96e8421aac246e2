//! Causal genes, as HPO release 2025-01-16 links them to the disorders' ORPHA and OMIM entries.
//!
//! Genes are identified by HGNC symbol and NCBI Gene id; a [`Gene`] value is a cheap handle into static
//! data (its internal index is not stable across releases: store the symbol or the NCBI id).
//!
//! ```
//! use marrowkb::{Disorder, Gene};
//! let rps19 = Gene::from_symbol("rps19").unwrap();
//! assert_eq!(rps19.symbol(), "RPS19");
//! assert_eq!(rps19.ncbi_gene_id(), 6223);
//! assert_eq!(marrowkb::disorders_for_gene("RPS19").unwrap(), &[Disorder::DiamondBlackfanAnemia]);
//! ```

use crate::codes::IdKind;
use crate::generated::{GENE_BY_SYMBOL, GENES};
use crate::{Disorder, Error, Result};

/// The longest gene symbol accepted, in bytes.
pub const MAX_SYMBOL_LEN: usize = 24;

/// A gene linked to at least one disorder.
///
/// ```
/// use marrowkb::Gene;
/// let g = Gene::from_symbol("TERT").unwrap();
/// assert_eq!(g.to_string(), "TERT");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gene(pub(crate) u16);

/// The static record behind a [`Gene`].
///
/// ```
/// use marrowkb::Gene;
/// let info = Gene::from_symbol("SBDS").unwrap().info();
/// assert_eq!(info.symbol, "SBDS");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GeneInfo {
    /// HGNC symbol.
    pub symbol: &'static str,
    /// NCBI Gene id.
    pub ncbi_gene_id: u32,
    /// Disorders it answers for, in discriminant order: those HPO links it to, and the groups they are a
    /// subtype of (HAX1: Kostmann syndrome, and severe congenital neutropenia through it).
    pub disorders: &'static [Disorder],
    /// The same disorders, each with the subtype the gene reaches it through (see [`GeneLink`]).
    pub links: &'static [GeneLink],
}

/// How a gene answers for a disorder: directly (HPO links the gene to one of the disorder's ORPHA or OMIM
/// entries) or through a subtype of it (`through`: the subtype HPO links it to). The subtype-to-group rule
/// of `crates/marrowkb/data/README.md`.
///
/// ```
/// use marrowkb::{Disorder, Gene};
/// let links = Gene::from_symbol("HAX1").unwrap().links();
/// assert!(links.iter().any(|l| l.disorder == Disorder::KostmannSyndrome && l.through.is_none()));
/// assert!(links.iter().any(|l| l.disorder == Disorder::SevereCongenitalNeutropenia
///     && l.through == Some(Disorder::KostmannSyndrome)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GeneLink {
    /// The disorder.
    pub disorder: Disorder,
    /// The subtype of `disorder` the gene is linked to, when the link comes through the `subtype_of`
    /// relation; `None` when HPO links the gene to the disorder itself.
    pub through: Option<Disorder>,
}

impl Gene {
    /// Every gene, sorted by symbol.
    ///
    /// ```
    /// use marrowkb::Gene;
    /// assert!(Gene::all().count() > 50);
    /// ```
    pub fn all() -> impl ExactSizeIterator<Item = Gene> {
        (0..GENES.len() as u16).map(Gene)
    }

    /// Finds a gene by HGNC symbol, ignoring ASCII case and surrounding spaces. Never allocates.
    ///
    /// ```
    /// use marrowkb::Gene;
    /// assert_eq!(Gene::from_symbol(" fanca ").unwrap().symbol(), "FANCA");
    /// assert!(Gene::from_symbol("NOTAGENE").is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::EmptyInput`], [`Error::InputTooLong`], or [`Error::UnknownId`] with [`IdKind::Gene`].
    pub fn from_symbol(symbol: &str) -> Result<Gene> {
        let symbol = symbol.trim();
        if symbol.is_empty() {
            return Err(Error::EmptyInput);
        }
        if symbol.len() > MAX_SYMBOL_LEN {
            return Err(Error::InputTooLong {
                len: symbol.len(),
                max: MAX_SYMBOL_LEN,
            });
        }
        let mut buf = [0u8; MAX_SYMBOL_LEN];
        for (dst, src) in buf.iter_mut().zip(symbol.bytes()) {
            *dst = src.to_ascii_uppercase();
        }
        let upper = core::str::from_utf8(&buf[..symbol.len()]).map_err(|_| Error::UnknownId { kind: IdKind::Gene })?;
        GENE_BY_SYMBOL
            .get(upper)
            .map(|&index| Gene(index))
            .ok_or(Error::UnknownId { kind: IdKind::Gene })
    }

    /// Finds a gene by NCBI Gene id.
    ///
    /// ```
    /// use marrowkb::Gene;
    /// assert_eq!(Gene::from_ncbi_gene_id(6223).unwrap().symbol(), "RPS19");
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownId`] with [`IdKind::Gene`].
    pub fn from_ncbi_gene_id(id: u32) -> Result<Gene> {
        GENES
            .iter()
            .position(|g| g.ncbi_gene_id == id)
            .map(|index| Gene(index as u16))
            .ok_or(Error::UnknownId { kind: IdKind::Gene })
    }

    /// The static record.
    ///
    /// ```
    /// assert_eq!(marrowkb::Gene::from_symbol("MPL").unwrap().info().symbol, "MPL");
    /// ```
    pub fn info(self) -> &'static GeneInfo {
        &GENES[self.0 as usize]
    }

    /// HGNC symbol.
    ///
    /// ```
    /// assert_eq!(marrowkb::Gene::from_symbol("elane").unwrap().symbol(), "ELANE");
    /// ```
    pub fn symbol(self) -> &'static str {
        self.info().symbol
    }

    /// NCBI Gene id.
    ///
    /// ```
    /// let g = marrowkb::Gene::from_symbol("RPS19").unwrap();
    /// assert_eq!(marrowkb::Gene::from_ncbi_gene_id(g.ncbi_gene_id()).unwrap(), g);
    /// ```
    pub fn ncbi_gene_id(self) -> u32 {
        self.info().ncbi_gene_id
    }

    /// Disorders this gene answers for: those HPO links it to and their groups (see [`GeneLink`]).
    ///
    /// ```
    /// use marrowkb::{Disorder, Gene};
    /// assert_eq!(
    ///     Gene::from_symbol("RBM8A").unwrap().disorders(),
    ///     &[Disorder::InheritedThrombocytopenia, Disorder::ThrombocytopeniaAbsentRadius]
    /// );
    /// ```
    pub fn disorders(self) -> &'static [Disorder] {
        self.info().disorders
    }

    /// The disorders with how the gene reaches each (directly or through a subtype).
    ///
    /// ```
    /// use marrowkb::Gene;
    /// assert!(Gene::from_symbol("SBDS").unwrap().links().iter().all(|l| l.through.is_none()));
    /// ```
    pub fn links(self) -> &'static [GeneLink] {
        self.info().links
    }

    /// The disorders HPO links this gene to directly (without the groups reached through a subtype).
    ///
    /// ```
    /// use marrowkb::{Disorder, Gene};
    /// let direct: Vec<_> = Gene::from_symbol("HAX1").unwrap().direct_disorders().collect();
    /// assert_eq!(direct, [Disorder::KostmannSyndrome]);
    /// ```
    pub fn direct_disorders(self) -> impl Iterator<Item = Disorder> {
        self.links().iter().filter(|l| l.through.is_none()).map(|l| l.disorder)
    }
}

impl core::fmt::Debug for Gene {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Gene({})", self.symbol())
    }
}

impl core::fmt::Display for Gene {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.symbol())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Gene {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.symbol())
    }
}

/// The disorders a gene answers for, by HGNC symbol (case-insensitive): those HPO links it to and the groups
/// they are a subtype of ([`Gene::links`] says which came through a subtype).
///
/// ```
/// use marrowkb::Disorder;
/// assert!(marrowkb::disorders_for_gene("ELANE").unwrap().contains(&Disorder::SevereCongenitalNeutropenia));
/// assert_eq!(
///     marrowkb::disorders_for_gene("HAX1").unwrap(),
///     &[Disorder::KostmannSyndrome, Disorder::SevereCongenitalNeutropenia]
/// );
/// ```
///
/// # Errors
/// As [`Gene::from_symbol`].
pub fn disorders_for_gene(symbol: &str) -> Result<&'static [Disorder]> {
    Gene::from_symbol(symbol).map(Gene::disorders)
}
