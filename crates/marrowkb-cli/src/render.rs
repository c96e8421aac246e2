//! Human-readable output, written to any `io::Write` (a closed pipe ends output quietly).

use marrowkb::classes::Frequency;
use marrowkb::finding::{Finding, Matched, Synonym};
use marrowkb::hpo::Term;
use marrowkb::search::Hit;
use marrowkb::{Disorder, Gene};
use std::io::{self, Write};

fn join<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    items.into_iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

/// One line per disorder.
pub fn list(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{:<4} {:<45} {:<12} name", "id", "key", "ORPHA")?;
    for d in Disorder::ALL {
        let info = d.info();
        let orpha = info.orpha.first().map_or("-".to_owned(), |x| x.id.to_string());
        writeln!(out, "{:<4} {:<45} {:<12} {}", info.id, info.key, orpha, info.name)?;
    }
    writeln!(out, "\n{} disorders; data: {}", Disorder::COUNT, marrowkb::DATA_VERSION)?;
    Ok(())
}

/// The full record of one disorder.
pub fn show(out: &mut dyn Write, d: Disorder) -> io::Result<()> {
    let i = d.info();
    writeln!(out, "{} ({}; id {})", i.name, i.key, i.id)?;
    writeln!(out, "{}", "=".repeat(i.name.len()))?;
    writeln!(out, "{}", i.description)?;
    if let Some(summary) = i.summary {
        writeln!(out, "{summary}")?;
    }
    writeln!(out)?;
    let field = |out: &mut dyn Write, label: &str, value: String| -> io::Result<()> {
        if !value.is_empty() {
            writeln!(out, "{label:<16}{value}")?;
        }
        Ok(())
    };
    field(out, "Synonyms", join(i.synonyms))?;
    field(out, "Abbreviations", join(i.abbreviations))?;
    field(out, "Origin", i.origin.to_string())?;
    field(out, "Neoplasm", if i.neoplasm { "yes".into() } else { "no".into() })?;
    field(out, "Cell lines", join(i.cell_lines))?;
    field(out, "Inheritance", join(i.inheritance))?;
    field(out, "Onset", join(i.onset))?;
    field(out, "Genes", join(i.genes.iter().map(|g: &Gene| g.symbol())))?;
    // The subtype-to-group rule: genes of the disorder's subtypes answer for it too.
    let through: Vec<String> = Gene::all()
        .flat_map(|g| {
            g.links()
                .iter()
                .filter(move |l| l.disorder == d)
                .filter_map(move |l| Some(format!("{} (through {})", g.symbol(), l.through?.info().name)))
        })
        .collect();
    field(out, "Subtype genes", join(through))?;
    field(
        out,
        "Relations",
        join(i.relations.iter().map(|r| format!("{} {}", r.kind, r.target.key()))),
    )?;
    writeln!(out, "\nCodes")?;
    let orpha = i.orpha.iter().map(|x| (x.id.to_string(), x.match_kind, x.name, x.note));
    let omim = i.omim.iter().map(|x| (x.id.to_string(), x.match_kind, x.name, x.note));
    for (id, match_kind, name, why) in orpha.chain(omim) {
        writeln!(out, "  {id:<14} {match_kind:<8} {name}{}", note(why))?;
    }
    for x in i.icd10 {
        writeln!(
            out,
            "  ICD-10 {:<7} {:<8} {}{}",
            x.code.to_string(),
            x.match_kind,
            x.title,
            note(x.note)
        )?;
    }
    writeln!(out, "\nFeatures")?;
    for f in i.features {
        let s = f.symptom.info();
        let hpo = s.hpo.first().map_or(String::new(), |h| h.to_string());
        // An override keeps HPO's class beside the curated one.
        let hpo_class = match (f.hpo_frequency, f.note) {
            (Some(h), Some(n)) => format!(" (overrides HPO's {h}: {n})"),
            (Some(h), None) => format!(" (overrides HPO's {h})"),
            (None, n) => note(n),
        };
        writeln!(
            out,
            "  {:<40} {:<14} {:<11} {}{}",
            s.name,
            f.frequency,
            hpo,
            f.source.key(),
            hpo_class
        )?;
    }
    writeln!(out, "\nTreatments")?;
    for t in i.treatments {
        writeln!(out, "  {:<40} {:<18} {}", t.treatment.name(), t.role, t.source.key())?;
    }
    writeln!(out, "\nDiagnostic tests")?;
    for t in i.tests {
        writeln!(out, "  {}", t.name())?;
    }
    if !i.causes.is_empty() {
        writeln!(out, "\nCauses")?;
        for c in i.causes {
            writeln!(out, "  {}", c.name())?;
        }
    }
    if !i.risks.is_empty() {
        writeln!(out, "\nLong-term risks")?;
        for r in i.risks {
            let hpo = r.hpo.map_or(String::new(), |h| h.to_string());
            writeln!(out, "  {:<50} {:<11} {}", r.name, hpo, r.source.key())?;
        }
    }
    writeln!(out, "\nSources: {}", join(i.sources.iter().map(|s| s.key())))?;
    writeln!(
        out,
        "Data: {}. Reference software, not medical advice.",
        marrowkb::DATA_VERSION
    )?;
    Ok(())
}

/// A term with its lay name when HPO has one: `HP:0001873 Thrombocytopenia (low platelet count)`.
pub fn with_lay(t: Term) -> String {
    match t.lay_name() {
        Some(lay) if !lay.eq_ignore_ascii_case(t.name()) => format!("{t} ({})", lay.to_lowercase()),
        _ => t.to_string(),
    }
}

/// How often, in words.
fn how_often(f: Frequency) -> Option<&'static str> {
    Some(match f {
        Frequency::Obligate => "everyone with it",
        Frequency::VeryFrequent => "most people with it",
        Frequency::Frequent => "many people with it",
        Frequency::Occasional => "some people with it",
        Frequency::VeryRare => "a few people with it",
        _ => return None,
    })
}

/// A disorder in words a patient understands: the article's description, the plain names of its symptoms
/// and how often they occur, treatments and tests with their explanations, long-term risks in HPO's lay
/// words where it has them.
pub fn show_plain(out: &mut dyn Write, d: Disorder) -> io::Result<()> {
    let i = d.info();
    writeln!(out, "{}", i.name)?;
    writeln!(out, "{}", "=".repeat(i.name.len()))?;
    writeln!(out, "{}", i.description)?;
    if let Some(summary) = i.summary {
        writeln!(out, "{summary}")?;
    }
    if !i.synonyms.is_empty() {
        writeln!(out, "\nAlso called: {}.", join(i.synonyms))?;
    }
    writeln!(out, "\nWhat people may notice")?;
    for f in i.features {
        let Some(often) = how_often(f.frequency) else { continue };
        let s = f.symptom.info();
        match f.frequency.range_percent() {
            (low, high) if low < high => writeln!(out, "  - {} ({often}: {low}-{high} in 100)", s.plain)?,
            _ => writeln!(out, "  - {} ({often})", s.plain)?,
        }
    }
    if !i.treatments.is_empty() {
        writeln!(out, "\nHow it is treated")?;
        for t in i.treatments {
            let info = t.treatment.info();
            writeln!(out, "  - {}: {}", info.name, info.description)?;
        }
    }
    if !i.tests.is_empty() {
        writeln!(out, "\nHow it is found")?;
        for t in i.tests {
            let info = t.info();
            writeln!(out, "  - {}: {}", info.name, info.description)?;
        }
    }
    if !i.risks.is_empty() {
        writeln!(out, "\nLater health risks")?;
        for r in i.risks {
            let lay = r.hpo.and_then(|h| marrowkb::hpo::term(h).ok()).and_then(Term::lay_name);
            match lay {
                Some(lay) if !lay.eq_ignore_ascii_case(r.name) => writeln!(out, "  - {} ({lay})", r.name)?,
                _ => writeln!(out, "  - {}", r.name)?,
            }
        }
    }
    writeln!(
        out,
        "\nThis is general information, not medical advice: talk to your care team about your own situation."
    )?;
    Ok(())
}

/// A resolved finding: the term, what matched, its lay names and synonyms.
pub fn term(out: &mut dyn Write, f: Finding) -> io::Result<()> {
    let t = f.term;
    writeln!(out, "{t}")?;
    let how = match f.matched {
        Matched::Symptom(s) => format!("marrowkb symptom {}", s.key()),
        Matched::Synonym(s) => match s.kind {
            Some(k) => format!("{} {} synonym {:?}", s.scope.key(), k.key(), s.text),
            None => format!("{} synonym {:?}", s.scope.key(), s.text),
        },
        Matched::ReplacedId(_) => format!("{} (replaced)", f.requested.map_or(String::new(), |r| r.to_string())),
        other => other.key().to_owned(),
    };
    writeln!(out, "  matched:    {how}")?;
    let lay: Vec<&str> = t.lay_names().collect();
    if !lay.is_empty() {
        writeln!(out, "  lay names:  {}", lay.join(", "))?;
    }
    let others: Vec<String> = t
        .synonyms()
        .filter(|s| !s.is_lay())
        .map(|s: Synonym| match s.kind {
            Some(k) => format!("{} ({}, {})", s.text, s.scope.key(), k.key()),
            None => format!("{} ({})", s.text, s.scope.key()),
        })
        .collect();
    if !others.is_empty() {
        writeln!(out, "  synonyms:   {}", others.join("; "))?;
    }
    Ok(())
}

/// The JSON of `marrowkb term`: the finding, and the term's synonyms.
#[derive(serde::Serialize)]
pub struct TermJson {
    #[serde(flatten)]
    finding: Finding,
    synonyms: Vec<Synonym>,
}

impl TermJson {
    /// The JSON view of a finding.
    pub fn new(finding: Finding) -> Self {
        TermJson {
            finding,
            synonyms: finding.term.synonyms().collect(),
        }
    }
}

fn note(note: Option<&str>) -> String {
    note.map_or(String::new(), |n| format!(" ({n})"))
}

/// Search hits.
pub fn hits(out: &mut dyn Write, hits: &[Hit]) -> io::Result<()> {
    if hits.is_empty() {
        writeln!(out, "no match")?;
        return Ok(());
    }
    for h in hits {
        let through = h
            .through
            .map_or(String::new(), |d| format!(" (through {})", d.info().name));
        writeln!(
            out,
            "{:<45} {:<8} {}{through}",
            h.disorder.key(),
            format!("{:?}", h.kind).to_lowercase(),
            h.matched
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every disorder in patient words: its description and plain symptom names, no codes.
    #[test]
    fn plain_show_has_no_codes() {
        for d in Disorder::ALL {
            let mut out = Vec::new();
            show_plain(&mut out, d).unwrap();
            let text = String::from_utf8(out).unwrap();
            let info = d.info();
            assert!(text.contains(info.description), "{d:?}");
            assert!(
                !text.contains("HP:") && !text.contains("ORPHA") && !text.contains("OMIM"),
                "{text}"
            );
            for f in info.features.iter().filter(|f| how_often(f.frequency).is_some()) {
                assert!(text.contains(f.symptom.info().plain), "{d:?}: {:?}", f.symptom);
            }
        }
    }

    #[test]
    fn term_shows_what_matched_and_lay_names() {
        let mut out = Vec::new();
        term(&mut out, marrowkb::finding::find("low platelet count").unwrap()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HP:0001873 Thrombocytopenia\n"), "{text}");
        assert!(
            text.contains("exact layperson synonym \"Low platelet count\""),
            "{text}"
        );
        assert_eq!(
            with_lay(marrowkb::hpo::term(1873).unwrap()),
            "HP:0001873 Thrombocytopenia (low platelet count)"
        );
    }
}
