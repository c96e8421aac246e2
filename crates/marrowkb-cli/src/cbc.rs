//! `marrowkb cbc`: interpret a complete blood count.
//!
//! ```text
//! marrowkb cbc --hb 7.2g/dL --anc 0.3 --plt 15 --retic 12 --cellularity 15 --age 34 --sex f [--json]
//! marrowkb cbc --thresholds
//! ```
//!
//! Every value may carry its unit, written straight after the number or after a space (quoted):
//! `--hb 7.2`, `--hb 7.2g/dL`, `--hb 72g/L`, `--hb 4.47mmol/L`; `--anc 0.3`, `--anc 300/uL`,
//! `--anc 1.2x10^3/uL`, `--plt 150K/uL` (10^3/µL = K/µL = ×10⁹/L); `--rbc 3.1`, `--rbc 3.1x10^6/uL`;
//! `--retic 12` (absolute), `--retic 1.2%` (needs `--rbc`, or `--hct` for Camitta's corrected percentage);
//! `--age 34`, `--age 6mo`, `--age 10d`. Without a unit: g/dL, ×10⁹/L, ×10¹²/L, fL, %, years. Invalid
//! values, negative ones included (`--hb -3g/dL`), are rejected by the core with the field and the value
//! (exit status 4, invalid input); nothing is clamped.

use std::io::{self, Write};

use marrowkb::blood_count::thresholds::{self, Reference};
use marrowkb::blood_count::{
    AgeUnit, AplasticAssessment, AplasticCriteria, AplasticSeverity, BloodCount, CountUnit, Criterion, Fit,
    HemoglobinUnit, InterpretOptions, Interpretation, Presence, Reading, RedCellSize, Sex, Unit,
};

/// Arguments of `marrowkb cbc`.
#[derive(Debug, Clone, clap::Args)]
pub struct CbcArgs {
    /// Haemoglobin: 7.2, 7.2g/dL, 72g/L or 4.47mmol/L (default g/dL).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = parse_hemoglobin)]
    pub hb: Option<(f64, HemoglobinUnit)>,
    /// Mean corpuscular volume in fL: 104 or 104fL.
    #[arg(long, allow_hyphen_values = true, value_name = "FL", value_parser = parse_mcv)]
    pub mcv: Option<f64>,
    /// Absolute neutrophil count: 0.3, 0.3x10^9/L or 300/uL (default ×10⁹/L).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = parse_count)]
    pub anc: Option<(f64, CountUnit)>,
    /// Absolute lymphocyte count (default ×10⁹/L).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = parse_count)]
    pub lym: Option<(f64, CountUnit)>,
    /// Absolute monocyte count (default ×10⁹/L).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = parse_count)]
    pub mono: Option<(f64, CountUnit)>,
    /// Platelet count: 15, 15x10^9/L or 15000/uL (default ×10⁹/L).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = parse_count)]
    pub plt: Option<(f64, CountUnit)>,
    /// Reticulocytes: absolute (12, 12000/uL; default ×10⁹/L) or a percentage of red cells (1.2%, needs --rbc).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = parse_reticulocytes)]
    pub retic: Option<Reticulocytes>,
    /// Red cell count in ×10¹²/L, the same number as 10⁶/µL: 3.1, 3.1x10^12/L, 3.1x10^6/uL or 3.1M/uL
    /// (to turn a reticulocyte percentage into an absolute count).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = parse_red_cells)]
    pub rbc: Option<f64>,
    /// Haematocrit in %: 18 or 18% (with a reticulocyte percentage, Camitta's corrected reticulocyte
    /// percentage; it replaces --rbc for the aplastic anaemia criteria).
    #[arg(long, allow_hyphen_values = true, value_name = "PERCENT", value_parser = parse_percent)]
    pub hct: Option<f64>,
    /// Bone marrow cellularity in % (for aplastic anaemia severity): 15 or 15%.
    #[arg(long, allow_hyphen_values = true, value_name = "PERCENT", value_parser = parse_percent)]
    pub cellularity: Option<f64>,
    /// Residual haematopoietic cells in % of marrow cells (used when cellularity is 25–50 %).
    #[arg(long, allow_hyphen_values = true, value_name = "PERCENT", value_parser = parse_percent)]
    pub residual: Option<f64>,
    /// Age: 34, 34y, 18mo, 3w or 10d (default years).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = parse_age)]
    pub age: Option<(f64, AgeUnit)>,
    /// Sex: f or m.
    #[arg(long, value_name = "f|m")]
    pub sex: Option<Sex>,
    /// Pregnant (WHO 2011 limits for pregnant women).
    #[arg(long)]
    pub pregnant: bool,
    /// Aplastic anaemia criteria: camitta (reticulocytes < 20 ×10⁹/L) or bsh2016 (automated count < 60).
    #[arg(long, value_name = "camitta|bsh2016", default_value = "camitta", value_parser = parse_criteria)]
    pub criteria: AplasticCriteria,
    /// Print the interpretation as JSON.
    #[arg(long)]
    pub json: bool,
    /// Print every threshold with its source, and exit.
    #[arg(long)]
    pub thresholds: bool,
}

/// A reticulocyte count as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reticulocytes {
    /// An absolute count.
    Absolute(f64, CountUnit),
    /// A percentage of red cells.
    Percent(f64),
}

/// Runs `marrowkb cbc`.
///
/// # Errors
/// The core's [`marrowkb::Error`] for invalid or inconsistent values; an I/O error when writing fails.
pub fn run<E: From<marrowkb::Error> + From<io::Error>>(args: &CbcArgs, out: &mut dyn Write) -> Result<(), E> {
    if args.thresholds {
        write_thresholds(out)?;
        return Ok(());
    }
    let count = build(args)?;
    let result = count.interpret(InterpretOptions {
        aplastic_criteria: args.criteria,
    });
    if args.json {
        let text = serde_json::to_string_pretty(&result).map_err(io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        render(out, &result)?;
    }
    Ok(())
}

/// The [`BloodCount`] the arguments describe.
fn build(args: &CbcArgs) -> marrowkb::Result<BloodCount> {
    let mut b = BloodCount::builder().pregnant(args.pregnant);
    if let Some((v, u)) = args.hb {
        b = b.hemoglobin(v, u);
    }
    if let Some(v) = args.mcv {
        b = b.mcv(v);
    }
    if let Some((v, u)) = args.anc {
        b = b.neutrophils(v, u);
    }
    if let Some((v, u)) = args.lym {
        b = b.lymphocytes(v, u);
    }
    if let Some((v, u)) = args.mono {
        b = b.monocytes(v, u);
    }
    if let Some((v, u)) = args.plt {
        b = b.platelets(v, u);
    }
    match args.retic {
        Some(Reticulocytes::Absolute(v, u)) => b = b.reticulocytes(v, u),
        Some(Reticulocytes::Percent(p)) => b = b.reticulocyte_percent(p),
        None => {}
    }
    if let Some(v) = args.rbc {
        b = b.red_cell_count(v);
    }
    if let Some(v) = args.hct {
        b = b.hematocrit(v);
    }
    if let Some(v) = args.cellularity {
        b = b.cellularity(v);
    }
    if let Some(v) = args.residual {
        b = b.residual_hematopoietic_cells(v);
    }
    if let Some((v, u)) = args.age {
        b = b.age(v, u);
    }
    if let Some(s) = args.sex {
        b = b.sex(s);
    }
    b.build()
}

// ---------------------------------------------------------------------------------------------------------
// Parsing `VALUE[UNIT]`

/// Splits `7.2g/dL` into `(7.2, Some("g/dL"))`. A whole text that is a number (including `NaN`, `inf`,
/// `-1`, `1e3`) has no unit, so the core can reject impossible values with its own message.
fn split(text: &str) -> Result<(f64, Option<&str>), String> {
    let text = text.trim();
    if let Ok(v) = text.parse::<f64>() {
        return Ok((v, None));
    }
    let end = text
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == '.' || (*i == 0 && (*c == '-' || *c == '+'))))
        .map_or(text.len(), |(i, _)| i);
    let (number, unit) = text.split_at(end);
    let value = number
        .parse::<f64>()
        .map_err(|_| format!("expected a number, optionally followed by a unit: {text:?}"))?;
    let unit = unit.trim();
    Ok((value, (!unit.is_empty()).then_some(unit)))
}

fn unit_or<U: std::str::FromStr>(unit: Option<&str>, default: U, what: &str) -> Result<U, String> {
    match unit {
        None => Ok(default),
        Some(u) => u.parse::<U>().map_err(|_| format!("unknown {what} unit {u:?}")),
    }
}

pub(crate) fn parse_hemoglobin(text: &str) -> Result<(f64, HemoglobinUnit), String> {
    let (v, unit) = split(text)?;
    Ok((
        v,
        unit_or(
            unit,
            HemoglobinUnit::GramsPerDeciliter,
            "haemoglobin (g/dL, g/L, mmol/L)",
        )?,
    ))
}

pub(crate) fn parse_count(text: &str) -> Result<(f64, CountUnit), String> {
    let (v, unit) = split(text)?;
    Ok((
        v,
        unit_or(unit, CountUnit::GigaPerLiter, "count (x10^9/L, 10^3/uL, K/uL, /uL)")?,
    ))
}

/// A red cell count: ×10¹²/L, or the same number written 10^6/uL or M/uL.
fn parse_red_cells(text: &str) -> Result<f64, String> {
    let (v, unit) = split(text)?;
    match unit_or(unit, Unit::TeraPerLiter, "red cell count (x10^12/L, 10^6/uL, M/uL)")? {
        Unit::TeraPerLiter => Ok(v),
        other => Err(format!(
            "unknown red cell count (x10^12/L, 10^6/uL, M/uL) unit {:?}",
            other.symbol()
        )),
    }
}

fn parse_age(text: &str) -> Result<(f64, AgeUnit), String> {
    let (v, unit) = split(text)?;
    Ok((v, unit_or(unit, AgeUnit::Years, "age (y, mo, w, d)")?))
}

fn parse_fixed(text: &str, units: &[&str], what: &str) -> Result<f64, String> {
    let (v, unit) = split(text)?;
    match unit {
        None => Ok(v),
        Some(u) if units.iter().any(|x| x.eq_ignore_ascii_case(u)) => Ok(v),
        Some(u) => Err(format!("unknown {what} unit {u:?} (use {})", units.join(" or "))),
    }
}

fn parse_mcv(text: &str) -> Result<f64, String> {
    parse_fixed(text, &["fL", "fl"], "MCV")
}

fn parse_percent(text: &str) -> Result<f64, String> {
    parse_fixed(text, &["%"], "percentage")
}

fn parse_reticulocytes(text: &str) -> Result<Reticulocytes, String> {
    let (v, unit) = split(text)?;
    match unit {
        Some("%") => Ok(Reticulocytes::Percent(v)),
        unit => Ok(Reticulocytes::Absolute(
            v,
            unit_or(unit, CountUnit::GigaPerLiter, "reticulocyte (x10^9/L, /uL, %)")?,
        )),
    }
}

fn parse_criteria(text: &str) -> Result<AplasticCriteria, String> {
    match text.to_ascii_lowercase().replace(['-', '_', ' '], "").as_str() {
        "camitta" | "camittabacigalupo" | "bacigalupo" => Ok(AplasticCriteria::CamittaBacigalupo),
        "bsh" | "bsh2016" | "bsh2016automated" | "automated" => Ok(AplasticCriteria::Bsh2016Automated),
        _ => Err(format!("unknown criteria {text:?} (use camitta or bsh2016)")),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Human output

fn fmt_num(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn opt(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), fmt_num)
}

fn age_text(years: f64) -> String {
    if years >= 2.0 {
        format!("{} years", fmt_num(years))
    } else if years >= AgeUnit::Months.to_canonical(1.0) {
        format!("{} months", fmt_num(AgeUnit::Months.from_canonical(years)))
    } else {
        format!("{} days", fmt_num(AgeUnit::Days.from_canonical(years)))
    }
}

fn finding(r: &Reading) -> String {
    let name = r.cytopenia.key();
    match r.presence {
        Presence::NotMeasured => "not measured".into(),
        Presence::Undetermined => format!("{name}: undetermined (give age and sex)"),
        Presence::NoReference => format!("{name}: no reference limit for this age"),
        Presence::Absent => format!("no {name}"),
        Presence::Present => match (r.severity, r.severity_scale) {
            (Some(severity), Some(scale)) => {
                format!("{name}, {} ({})", severity.key().replace('_', " "), scale_name(scale))
            }
            _ => name.into(),
        },
    }
}

fn scale_name(scale: marrowkb::blood_count::SeverityScale) -> &'static str {
    match scale {
        marrowkb::blood_count::SeverityScale::Who2011 => "WHO 2011",
        marrowkb::blood_count::SeverityScale::NeutropeniaBands => "neutropenia bands",
    }
}

fn criterion(c: Criterion) -> &'static str {
    match c {
        Criterion::Met => "met",
        Criterion::NotMet => "not met",
        Criterion::Unknown => "unknown",
    }
}

fn render(out: &mut dyn Write, r: &Interpretation) -> io::Result<()> {
    let c = &r.count;
    let who = match (c.age(), c.sex()) {
        (Some(age), Some(sex)) => format!("{}, {sex}", age_text(age)),
        (Some(age), None) => format!("{}, sex not given", age_text(age)),
        (None, Some(sex)) => format!("age not given, {sex}"),
        (None, None) => "age and sex not given".into(),
    };
    let pregnant = if c.pregnant() { ", pregnant" } else { "" };
    writeln!(out, "Blood count ({who}{pregnant})\n")?;
    writeln!(
        out,
        "{:<14} {:<10} {:<9} {:<12} {:<44} {:<6} source",
        "measure", "value", "unit", "lower limit", "finding", "CTCAE"
    )?;
    let rows = [
        ("haemoglobin", "g/dL", r.anemia),
        ("neutrophils", "×10⁹/L", r.neutropenia),
        ("lymphocytes", "×10⁹/L", r.lymphopenia),
        ("monocytes", "×10⁹/L", r.monocytopenia),
        ("platelets", "×10⁹/L", r.thrombocytopenia),
        ("reticulocytes", "×10⁹/L", r.reticulocytopenia),
    ];
    for (label, unit, reading) in rows {
        let ctcae = reading
            .ctcae
            .map_or_else(|| "-".to_string(), |g| g.number().to_string());
        let source = reading.reference.map_or("-", Reference::short_name);
        writeln!(
            out,
            "{label:<14} {:<10} {unit:<9} {:<12} {:<44} {ctcae:<6} {source}",
            opt(reading.value),
            opt(reading.lower_limit),
            finding(&reading),
        )?;
    }
    let size = &r.red_cell_size;
    let size_text = match (size.mcv, size.size) {
        (None, _) => "not measured".to_string(),
        (Some(_), None) => "undetermined (give age and sex)".to_string(),
        (Some(_), Some(s)) => match s {
            RedCellSize::Microcytic => "microcytosis".into(),
            RedCellSize::Normocytic => "normocytic".into(),
            RedCellSize::Macrocytic => "macrocytosis".into(),
        },
    };
    let limits = match (size.lower_limit, size.upper_limit) {
        (Some(lo), Some(hi)) => format!("{}–{}", fmt_num(lo), fmt_num(hi)),
        _ => "-".into(),
    };
    writeln!(
        out,
        "{:<14} {:<10} {:<9} {:<12} {:<44} {:<6} {}",
        "MCV",
        opt(size.mcv),
        "fL",
        limits,
        size_text,
        "-",
        if size.lower_limit.is_some() {
            "Nathan and Oski"
        } else {
            "-"
        }
    )?;

    writeln!(
        out,
        "\nPattern: {} (decreased: {}; unknown: {})",
        r.pattern.key().replace('_', " "),
        r.decreased_lines,
        r.unknown_lines
    )?;
    render_aplastic(out, &r.aplastic_anemia)?;

    writeln!(
        out,
        "\nDisorders by fit of their affected cell lines (score = matched / compared lines):"
    )?;
    let ranked = r.ranked_fits();
    let shown: Vec<_> = ranked
        .iter()
        .filter(|f| matches!(f.fit, Fit::Exact | Fit::Partial))
        .collect();
    if shown.is_empty() {
        writeln!(out, "  none: no affected line is decreased, or no line is known")?;
    }
    for f in shown {
        writeln!(
            out,
            "  {:<8} {:<5} {:<45} lines {}{}{}",
            f.fit.key(),
            f.score.map_or_else(|| "-".into(), |s| format!("{s:.2}")),
            f.disorder.name(),
            f.affected,
            if f.missed.is_empty() {
                String::new()
            } else {
                format!("; not decreased: {}", f.missed)
            },
            if f.unexpected.is_empty() {
                String::new()
            } else {
                format!("; also decreased: {}", f.unexpected)
            },
        )?;
    }
    writeln!(
        out,
        "\nThresholds and sources: marrowkb cbc --thresholds. Reference software, not medical advice."
    )?;
    Ok(())
}

fn render_aplastic(out: &mut dyn Write, a: &AplasticAssessment) -> io::Result<()> {
    let name = match a.criteria {
        AplasticCriteria::CamittaBacigalupo => "Camitta/Bacigalupo",
        AplasticCriteria::Bsh2016Automated => "BSH 2016, automated reticulocytes",
    };
    let severity = match a.severity {
        AplasticSeverity::NotAssessed => "not assessed (give --cellularity)",
        AplasticSeverity::Undetermined => "undetermined (a needed value is missing)",
        AplasticSeverity::NonSevere => "non-severe",
        AplasticSeverity::Severe => "severe",
        AplasticSeverity::VerySevere => "very severe",
        AplasticSeverity::AtLeastSevere => "at least severe (very severe needs the neutrophil count)",
    };
    writeln!(
        out,
        "Aplastic anaemia severity ({name}), if the marrow is aplastic: {severity}"
    )?;
    writeln!(
        out,
        "  marrow criterion {}; ANC < 0.5 {}; platelets < 20 {}; reticulocytes < {} {} ({} of 3 met); ANC < 0.2 {}",
        criterion(a.marrow),
        criterion(a.neutrophils),
        criterion(a.platelets),
        fmt_num(a.reticulocytes_below),
        criterion(a.reticulocytes),
        a.counts_met,
        criterion(a.very_severe_neutrophils),
    )?;
    if let Some(p) = a.corrected_reticulocyte_percent {
        writeln!(
            out,
            "  corrected reticulocytes {} % (percentage × haematocrit / 45) < 1 % {} (Camitta 1976)",
            fmt_num(p),
            criterion(a.corrected_reticulocytes),
        )?;
    }
    Ok(())
}

fn write_thresholds(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", thresholds::markdown_table())?;
    writeln!(out, "Sources:")?;
    for r in Reference::ALL {
        writeln!(out, "- {}: {}", r.short_name(), r.citation())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: CbcArgs,
    }

    fn args(list: &[&str]) -> CbcArgs {
        let mut argv = vec!["cbc"];
        argv.extend_from_slice(list);
        Cli::try_parse_from(argv).unwrap().args
    }

    #[derive(Debug)]
    enum Failure {
        Query(marrowkb::Error),
        Output(#[allow(dead_code)] io::Error),
    }
    impl From<marrowkb::Error> for Failure {
        fn from(e: marrowkb::Error) -> Self {
            Failure::Query(e)
        }
    }
    impl From<io::Error> for Failure {
        fn from(e: io::Error) -> Self {
            Failure::Output(e)
        }
    }

    fn output(list: &[&str]) -> Result<String, Failure> {
        let mut out = Vec::new();
        run::<Failure>(&args(list), &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    const EXAMPLE: &[&str] = &[
        "--hb",
        "7.2g/dL",
        "--anc",
        "0.3",
        "--plt",
        "15",
        "--retic",
        "12",
        "--cellularity",
        "15",
        "--age",
        "34",
        "--sex",
        "f",
    ];

    #[test]
    fn negative_numbers_reach_the_validator() {
        // clap used to stop at "-3" ("unexpected argument"); the core must name the field instead.
        for (flag, value, field) in [
            ("--hb", "-3g/dL", marrowkb::blood_count::Field::Hemoglobin),
            ("--hb", "-3", marrowkb::blood_count::Field::Hemoglobin),
            ("--anc", "-0.5", marrowkb::blood_count::Field::Neutrophils),
            ("--plt", "-15K/uL", marrowkb::blood_count::Field::Platelets),
            ("--rbc", "-1", marrowkb::blood_count::Field::RedCellCount),
            ("--cellularity", "-5%", marrowkb::blood_count::Field::Cellularity),
            ("--age", "-2mo", marrowkb::blood_count::Field::Age),
        ] {
            match output(&[flag, value]) {
                Err(Failure::Query(marrowkb::Error::InvalidMeasurement { field: f, reason, .. })) => {
                    assert_eq!((f, reason), (field, "negative"), "{flag} {value}");
                }
                other => panic!("{flag} {value}: {other:?}"),
            }
        }
    }

    #[test]
    fn camitta_corrected_reticulocytes() {
        let text = output(&[
            "--retic",
            "1.5%",
            "--hct",
            "18",
            "--anc",
            "0.3",
            "--plt",
            "15",
            "--cellularity",
            "15",
        ])
        .unwrap();
        assert!(text.contains("if the marrow is aplastic: severe"), "{text}");
        assert!(text.contains("corrected reticulocytes 0.6 %"), "{text}");
    }

    #[test]
    fn laboratory_units() {
        let a = args(&[
            "--plt",
            "150K/uL",
            "--anc",
            "1.2x10^3/uL",
            "--lym",
            "0.9 10^3/uL",
            "--rbc",
            "3.1x10^6/uL",
        ]);
        assert_eq!(a.plt, Some((150.0, CountUnit::GigaPerLiter)));
        assert_eq!(a.anc, Some((1.2, CountUnit::GigaPerLiter)));
        assert_eq!(a.lym, Some((0.9, CountUnit::GigaPerLiter)));
        assert_eq!(a.rbc, Some(3.1));
        assert_eq!(args(&["--rbc", "3.1M/uL"]).rbc, Some(3.1));
        assert_eq!(args(&["--rbc", "3.1"]).rbc, Some(3.1));
        let mut argv = vec!["cbc", "--rbc", "3.1g/dL"];
        assert!(Cli::try_parse_from(argv.drain(..)).is_err());
        match output(&["--hb", "72"]) {
            Err(Failure::Query(err)) => assert!(err.to_string().contains("plausible in g/L"), "{err}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn values_with_units() {
        assert_eq!(split("7.2g/dL").unwrap(), (7.2, Some("g/dL")));
        assert_eq!(split("7.2 g/dL").unwrap(), (7.2, Some("g/dL")));
        assert_eq!(split("-1").unwrap(), (-1.0, None));
        assert!(split("NaN").unwrap().0.is_nan());
        assert!(split("g/dL").is_err());
        assert_eq!(
            parse_hemoglobin("72g/L").unwrap(),
            (72.0, HemoglobinUnit::GramsPerLiter)
        );
        assert_eq!(
            parse_hemoglobin("4.5mmol/L").unwrap(),
            (4.5, HemoglobinUnit::MillimolesPerLiter)
        );
        assert_eq!(
            parse_hemoglobin("7.2").unwrap(),
            (7.2, HemoglobinUnit::GramsPerDeciliter)
        );
        assert!(parse_hemoglobin("7.2kg").is_err());
        assert_eq!(parse_count("300/uL").unwrap(), (300.0, CountUnit::PerMicroliter));
        assert_eq!(parse_count("0.3x10^9/L").unwrap(), (0.3, CountUnit::GigaPerLiter));
        assert_eq!(parse_reticulocytes("1.2%").unwrap(), Reticulocytes::Percent(1.2));
        assert_eq!(
            parse_reticulocytes("12").unwrap(),
            Reticulocytes::Absolute(12.0, CountUnit::GigaPerLiter)
        );
        assert_eq!(parse_age("6mo").unwrap(), (6.0, AgeUnit::Months));
        assert_eq!(parse_age("10d").unwrap(), (10.0, AgeUnit::Days));
        assert_eq!(parse_percent("15%").unwrap(), 15.0);
        assert!(parse_percent("15fL").is_err());
        assert_eq!(parse_mcv("104fL").unwrap(), 104.0);
        assert_eq!(parse_criteria("BSH2016").unwrap(), AplasticCriteria::Bsh2016Automated);
        assert!(parse_criteria("other").is_err());
    }

    #[test]
    fn the_issue_example() {
        let text = output(EXAMPLE).unwrap();
        assert!(text.contains("Pattern: pancytopenia"), "{text}");
        assert!(
            text.contains("(Camitta/Bacigalupo), if the marrow is aplastic: severe"),
            "{text}"
        );
        assert!(text.contains("anemia, severe (WHO 2011)"), "{text}");
        assert!(text.contains("Aplastic anemia"), "{text}");
        let line = |label: &str| text.lines().find(|l| l.starts_with(label)).unwrap().to_string();
        assert!(line("haemoglobin").contains(" 3 "), "{text}");
        assert!(line("neutrophils").contains(" 4 "), "{text}");
        assert!(line("platelets").contains(" 4 "), "{text}");
    }

    #[test]
    fn json_output() {
        let mut list = EXAMPLE.to_vec();
        list.push("--json");
        let json: serde_json::Value = serde_json::from_str(&output(&list).unwrap()).unwrap();
        assert_eq!(json["pattern"], "pancytopenia");
        assert_eq!(json["aplastic_anemia"]["severity"], "severe");
        assert_eq!(json["anemia"]["ctcae"], "grade_3");
        assert_eq!(json["neutropenia"]["ctcae"], "grade_4");
        assert_eq!(json["thrombocytopenia"]["ctcae"], "grade_4");
    }

    #[test]
    fn invalid_values_are_the_cores_errors() {
        match output(&["--hb", "30"]) {
            Err(Failure::Query(err)) => assert_eq!(
                err.to_string(),
                "invalid haemoglobin: 30 g/dL (above 25 g/dL: physiologically impossible in g/dL, but plausible in g/L; check the unit)"
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            output(&["--anc", "NaN"]),
            Err(Failure::Query(marrowkb::Error::InvalidMeasurement { .. }))
        ));
        assert!(matches!(
            output(&["--retic", "1%"]),
            Err(Failure::Query(marrowkb::Error::InconsistentMeasurements { .. }))
        ));
        let mut argv = vec!["cbc"];
        argv.extend_from_slice(&["--hb", "7.2kg"]);
        assert!(Cli::try_parse_from(argv).is_err());
    }

    #[test]
    fn bsh_option_and_thresholds() {
        let list = [
            "--cellularity",
            "20",
            "--anc",
            "0.9",
            "--plt",
            "18",
            "--retic",
            "45",
            "--criteria",
            "bsh2016",
        ];
        assert!(output(&list).unwrap().contains("if the marrow is aplastic: severe"));
        let table = output(&["--thresholds"]).unwrap();
        assert!(table.contains("| Measure |") && table.contains("Killick SB"));
    }

    #[test]
    fn empty_count_says_what_is_missing() {
        let text = output(&[]).unwrap();
        assert!(text.contains("age and sex not given"));
        assert!(text.contains("not assessed (give --cellularity)"));
        assert!(text.contains("Pattern: undetermined"));
    }
}
