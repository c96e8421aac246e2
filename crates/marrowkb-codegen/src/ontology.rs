//! The Human Phenotype Ontology extract (`data/derived/hpo_terms.tsv`, `hpo_aliases.tsv`) as loaded, and
//! the TSV helpers the other data files share. Below `hpo`, `hpo_names` and `knowledge`, which all read it.

use crate::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// One current HPO term.
#[derive(Debug, Clone)]
pub struct Term {
    /// Label.
    pub name: String,
    /// `is_a` parents.
    pub parents: Vec<u32>,
    /// Diseases in phenotype.hpoa annotated with this term or a descendant.
    pub disease_count: u32,
    /// Mean over annotated diseases of the fraction of their annotated terms that are this term or below it.
    pub background_share: f64,
}

/// The ontology as the derived files give it.
#[derive(Debug, Clone)]
pub struct Ontology {
    /// Current terms by number.
    pub terms: BTreeMap<u32, Term>,
    /// Alternative and obsolete ids: id → (current target or 0, kind, name).
    pub aliases: BTreeMap<u32, (u32, String, String)>,
    /// How many diseases phenotype.hpoa annotates (the IC denominator).
    pub disease_total: u32,
    /// The release (`2025-01-16`, from `data/vocabularies.toml`).
    pub release: String,
}

/// Splits a derived TSV file into rows, skipping `#` comments and the header line.
pub(crate) fn tsv_rows<'a>(
    file: &'a str,
    text: &'a str,
    columns: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>)>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#'))
        .skip(1)
        .map(move |(n, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != columns {
                return Err(Error::Invalid {
                    file: file.into(),
                    record: format!("line {}", n + 1),
                    message: format!("expected {columns} tab-separated columns, found {}", cols.len()),
                });
            }
            Ok((n + 1, cols))
        })
}

pub(crate) fn parse_u32(file: &str, line: usize, text: &str) -> Result<u32> {
    text.parse().map_err(|_| Error::Invalid {
        file: file.into(),
        record: format!("line {line}"),
        message: format!("expected a number, found {text:?}"),
    })
}

impl Ontology {
    /// Loads `derived/hpo_terms.tsv` and `derived/hpo_aliases.tsv`.
    ///
    /// # Errors
    /// A missing or malformed file.
    pub fn load(data_dir: &Path, release: &str) -> Result<Self> {
        let file = "derived/hpo_terms.tsv";
        let text = crate::read(&data_dir.join(file))?;
        let disease_total = text
            .lines()
            .next()
            .and_then(|l| l.rsplit(": ").next())
            .and_then(|n| n.trim().parse().ok())
            .ok_or_else(|| Error::Invalid {
                file: file.into(),
                record: "line 1".into(),
                message: "header must end with ': <number of annotated diseases>'".into(),
            })?;
        let mut terms = BTreeMap::new();
        for row in tsv_rows(file, &text, 5) {
            let (line, cols) = row?;
            let id = parse_u32(file, line, cols[0])?;
            let background_share: f64 = cols[4]
                .parse()
                .ok()
                .filter(|s: &f64| (0.0..=1.0).contains(s))
                .ok_or_else(|| Error::Invalid {
                    file: file.into(),
                    record: format!("line {line}"),
                    message: format!("background_share must be a number in [0, 1], found {:?}", cols[4]),
                })?;
            let parents = cols[2]
                .split(';')
                .filter(|p| !p.is_empty())
                .map(|p| parse_u32(file, line, p))
                .collect::<Result<Vec<_>>>()?;
            let disease_count = parse_u32(file, line, cols[3])?;
            terms.insert(
                id,
                Term {
                    name: cols[1].to_owned(),
                    parents,
                    disease_count,
                    background_share,
                },
            );
        }
        let file = "derived/hpo_aliases.tsv";
        let text = crate::read(&data_dir.join(file))?;
        let mut aliases = BTreeMap::new();
        for row in tsv_rows(file, &text, 4) {
            let (line, cols) = row?;
            let id = parse_u32(file, line, cols[0])?;
            let target = parse_u32(file, line, cols[1])?;
            aliases.insert(id, (target, cols[2].to_owned(), cols[3].to_owned()));
        }
        Ok(Self {
            terms,
            aliases,
            disease_total,
            release: release.to_owned(),
        })
    }

    /// Parses `HP:0001873` and checks that the term exists and is current.
    ///
    /// # Errors
    /// [`Error::Invalid`] naming `file` and `record`.
    pub fn check(&self, file: &str, record: &str, curie: &str) -> Result<u32> {
        let invalid = |message: String| Error::Invalid {
            file: file.into(),
            record: record.into(),
            message,
        };
        let digits = curie
            .strip_prefix("HP:")
            .filter(|d| d.len() == 7 && d.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| invalid(format!("malformed HPO id {curie:?} (expected HP: and 7 digits)")))?;
        let id: u32 = digits
            .parse()
            .map_err(|_| invalid(format!("malformed HPO id {curie:?}")))?;
        if self.terms.contains_key(&id) {
            return Ok(id);
        }
        match self.aliases.get(&id) {
            Some((target, kind, _)) if *target != 0 => Err(invalid(format!(
                "{curie} is an {kind} id in HPO {}; use HP:{target:07}",
                self.release
            ))),
            Some(_) => Err(invalid(format!("{curie} is obsolete in HPO {}", self.release))),
            None => Err(invalid(format!("{curie} does not exist in HPO {}", self.release))),
        }
    }
}
