//! Human-readable output, written to any `io::Write` (a closed pipe ends output quietly).

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
        writeln!(
            out,
            "  {:<40} {:<14} {:<11} {}",
            s.name,
            f.frequency,
            hpo,
            f.source.key()
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
