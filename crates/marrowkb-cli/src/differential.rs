//! `marrowkb differential`: rank the 20 disorders for a patient's findings.
//!
//! ```text
//! marrowkb differential HP:0001873 HP:0001172 --exclude HP:0000252 [--json] [--strict] [--age-of-onset 3] [--sex female]
//! marrowkb differential --phenopacket patient.json [--phenopacket folder/] [--json] [--gene RPS19]
//! ```
//!
//! Findings are HPO ids (`HP:0001873`, `0001873`) or marrowkb symptom keys and names (`absent_radius`,
//! "absent radius"). The human output is a table with the explanation of the best disorders; `--json` prints
//! the library's serde JSON (an object whose `ranking` array lists every disorder best first).

use marrowkb::Disorder;
use marrowkb::differential::{AbsenceKind, Differential, MatchKind, Query, Sex, TermInput};
use std::io::{self, Write};

/// Arguments of `marrowkb differential`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Findings the patient has: HPO ids (HP:0001873), symptom keys (absent_radius), or HPO labels and synonyms in
    /// any case ("thrombocytopenia", "low platelet count").
    #[arg(required_unless_present = "phenopacket")]
    pub terms: Vec<String>,
    /// Rank a GA4GH phenopacket (schema v2 JSON) instead of terms: its features, onset, sex and blood-count
    /// measurements. Repeat it, or name a folder, to rank many (one result per file).
    #[arg(long, value_name = "FILE|FOLDER", conflicts_with_all = ["terms", "exclude", "age_years", "sex", "hb", "anc", "plt"])]
    pub phenopacket: Vec<std::path::PathBuf>,
    /// Genotype evidence: a gene with a causative variant (repeatable). Off unless given.
    #[arg(long, value_name = "SYMBOL")]
    pub gene: Vec<String>,
    /// With --phenopacket: use the genes of the phenopacket's interpretations as genotype evidence.
    #[arg(long, requires = "phenopacket")]
    pub genes_from_phenopacket: bool,
    /// Findings the patient does not have (repeat the option, or separate with commas).
    #[arg(long = "exclude", short = 'x', value_name = "TERM", value_delimiter = ',')]
    pub exclude: Vec<String>,
    /// Age in years when the findings began (0 = at birth); Python's `age_of_onset`. `--age-years` is the
    /// old spelling, still accepted.
    #[arg(
        long = "age-of-onset",
        visible_alias = "age-years",
        allow_hyphen_values = true,
        value_name = "YEARS"
    )]
    pub age_years: Option<f64>,
    /// The patient's sex: female or male.
    #[arg(long, value_parser = parse_sex)]
    pub sex: Option<Sex>,
    /// Blood count evidence: haemoglobin (7.2, 7.2g/dL, 72g/L, 4.47mmol/L).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = crate::cbc::parse_hemoglobin)]
    pub hb: Option<(f64, marrowkb::blood_count::HemoglobinUnit)>,
    /// Blood count evidence: absolute neutrophil count (0.3, 0.3x10^9/L, 300/uL).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = crate::cbc::parse_count)]
    pub anc: Option<(f64, marrowkb::blood_count::CountUnit)>,
    /// Blood count evidence: platelet count (15, 15x10^9/L, 15000/uL).
    #[arg(long, allow_hyphen_values = true, value_name = "VALUE[UNIT]", value_parser = crate::cbc::parse_count)]
    pub plt: Option<(f64, marrowkb::blood_count::CountUnit)>,
    /// Fail on the first unusable term (malformed, unknown, obsolete) instead of ignoring it.
    #[arg(long)]
    pub strict: bool,
    /// Print the full result as JSON.
    #[arg(long)]
    pub json: bool,
    /// How many of the best disorders to explain in the human output.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub explain: usize,
}

fn parse_sex(text: &str) -> Result<Sex, String> {
    text.parse()
        .map_err(|_| format!("expected female or male, found {text:?}"))
}

/// An input as the library takes it: text, resolved by `marrowkb::finding` (the same resolver as every door).
fn input(text: &str) -> TermInput<'_> {
    TermInput::Text(text)
}

/// Runs the command, writing to `out`. Generic over the caller's error type so `main` can use `?` with it.
///
/// # Errors
/// In strict mode the first unusable input ([`marrowkb::Error`], after listing every unusable input on
/// stderr); an invalid `--age-of-onset`; failure to write.
pub fn run<E: From<marrowkb::Error> + From<io::Error> + From<crate::phenopacket::FileFailure>>(
    args: &Args,
    out: &mut dyn Write,
) -> Result<(), E> {
    if !args.phenopacket.is_empty() {
        let options = crate::phenopacket::Options {
            genes: &args.gene,
            genes_from_phenopacket: args.genes_from_phenopacket,
            strict: args.strict,
            json: args.json,
            explain: args.explain,
        };
        let files = crate::phenopacket::files(&args.phenopacket)?;
        if let ([file], false) = (files.as_slice(), args.phenopacket.iter().any(|p| p.is_dir())) {
            let result = crate::phenopacket::rank(file, &options).map_err(|error| crate::phenopacket::FileFailure {
                path: file.clone(),
                error,
                failed: 1,
                total: 1,
            })?;
            return print(args, out, &result);
        }
        return crate::phenopacket::run_batch(&files, &options, out);
    }
    let observed: Vec<TermInput<'_>> = args.terms.iter().map(|t| input(t)).collect();
    let excluded: Vec<TermInput<'_>> = args.exclude.iter().map(|t| input(t)).collect();
    let mut query = Query::new(&observed).excluding(&excluded);
    query.onset = args.age_years.map(marrowkb::differential::AgeOfOnset::Years);
    query.sex = args.sex;
    let mut evidence: Vec<(Disorder, f64)> = Vec::new();
    if args.hb.is_some() || args.anc.is_some() || args.plt.is_some() {
        evidence.extend(blood_count(args)?.interpret(Default::default()).likelihood_ratios());
    }
    for gene in &args.gene {
        evidence.extend(marrowkb::differential::gene_likelihood_ratios(gene)?);
    }
    query.evidence = &evidence;
    // Run leniently first so that every unusable input can be named; strict mode then fails on the first.
    let result = query.run()?;
    if args.strict {
        if let Some(first) = result.rejected().next() {
            for r in result.rejected() {
                eprintln!("marrowkb: {}", describe_input(args, r));
            }
            return Err(first
                .error
                .unwrap_or(marrowkb::Error::UnknownId {
                    kind: marrowkb::codes::IdKind::Hpo,
                })
                .into());
        }
        query.strict = true;
        query.run()?;
    }
    // Nothing usable to rank on: a flat ranking would look like an answer.
    if result.observed.is_empty()
        && result.excluded.is_empty()
        && query.evidence.is_empty()
        && query.onset.is_none()
        && query.sex.is_none()
    {
        for r in result.rejected() {
            eprintln!("marrowkb: {}", describe_input(args, r));
        }
        return Err(marrowkb::Error::InvalidArgument {
            name: "findings",
            reason: "nothing to rank: no usable finding, age, sex or blood count",
        }
        .into());
    }
    print(args, out, &result)
}

/// Prints one result: JSON, or the human table with explanations.
fn print<E: From<io::Error>>(args: &Args, out: &mut dyn Write, result: &Differential) -> Result<(), E> {
    if args.json {
        let text = serde_json::to_string_pretty(result).map_err(io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        human(out, args, result)?;
    }
    Ok(())
}

/// The blood count given with --hb/--anc/--plt (and --age-of-onset/--sex for the reference limits).
fn blood_count(args: &Args) -> Result<marrowkb::blood_count::BloodCount, marrowkb::Error> {
    let mut builder = marrowkb::blood_count::BloodCount::builder();
    if let Some((value, unit)) = args.hb {
        builder = builder.hemoglobin(value, unit);
    }
    if let Some((value, unit)) = args.anc {
        builder = builder.neutrophils(value, unit);
    }
    if let Some((value, unit)) = args.plt {
        builder = builder.platelets(value, unit);
    }
    if let Some(years) = args.age_years {
        builder = builder.age(years, marrowkb::blood_count::AgeUnit::Years);
    }
    if let Some(sex) = args.sex {
        builder = builder.sex(sex);
    }
    builder.build()
}

/// `observed term 2 "HP:9999999": no HPO record…`.
fn describe_input(args: &Args, r: &marrowkb::differential::InputReport) -> String {
    let list = if r.excluded { &args.exclude } else { &args.terms };
    let text = list.get(r.position).map_or("", String::as_str);
    let role = if r.excluded { "excluded" } else { "observed" };
    let why = r
        .error
        .map_or_else(|| r.status.key().replace('_', " "), |e| e.to_string());
    format!("{role} term {} {text:?}: {why}", r.position + 1)
}

fn human(out: &mut dyn Write, args: &Args, result: &Differential) -> io::Result<()> {
    writeln!(
        out,
        "Differential for {} finding(s), {} excluded{}{}",
        result.observed.len(),
        result.excluded.len(),
        result.onset.map_or(String::new(), |o| format!("; onset {o}")),
        result.sex.map_or(String::new(), |s| format!("; {s}")),
    )?;
    for r in &result.inputs {
        if !r.status.is_used() || r.status == marrowkb::differential::InputStatus::Replaced {
            let note = match (r.status, r.term) {
                (marrowkb::differential::InputStatus::Replaced, Some(t)) => format!("replaced by {t}"),
                _ => "ignored".to_owned(),
            };
            writeln!(out, "  note: {} ({note})", describe_input(args, r))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:>3}  {:<46} {:>9} {:>10}",
        "#", "disorder", "log10 LR", "posterior"
    )?;
    for ranked in &result.ranking {
        writeln!(
            out,
            "{:>3}  {:<46} {:>+9.2} {:>9.1}%",
            ranked.rank,
            ranked.disorder.name(),
            ranked.score,
            100.0 * ranked.posterior
        )?;
    }
    for ranked in result.ranking.iter().take(args.explain) {
        explain(out, result, ranked.disorder)?;
    }
    writeln!(
        out,
        "\nReference software, not medical advice. log10 LR: against all diseases HPO annotates; posterior: uniform prior over the {} disorders.",
        Disorder::COUNT
    )?;
    Ok(())
}

fn explain(out: &mut dyn Write, result: &Differential, disorder: Disorder) -> io::Result<()> {
    let Some(r) = result.get(disorder) else { return Ok(()) };
    let subtype = r.subtype.map_or(String::new(), |s| format!(", best explained by {s}"));
    writeln!(out, "\n{}. {} ({:+.2}{subtype})", r.rank, disorder.name(), r.score)?;
    for m in result.matches(disorder) {
        let how = match (m.kind, m.feature, m.via) {
            (MatchKind::Exact, _, _) => format!("feature ({:.0} %)", 100.0 * m.frequency),
            (MatchKind::Broader, Some(f), _) => format!("less specific than {f} ({:.0} %)", 100.0 * m.frequency),
            (MatchKind::Narrower, Some(f), _) => format!("more specific than {f} ({:.0} %)", 100.0 * m.frequency),
            (MatchKind::Related, Some(f), Some(v)) => format!("related to {f} through {v}"),
            (MatchKind::Contradicted, Some(f), _) => format!("the disorder excludes {f}"),
            _ => "not explained".to_owned(),
        };
        writeln!(
            out,
            "    {:+6.2}  {}: {how}",
            m.log10_lr(),
            crate::render::with_lay(m.term)
        )?;
    }
    for a in result.absences(disorder) {
        let how = match (a.kind, a.feature) {
            (AbsenceKind::Against, Some(f)) => {
                format!("absent, though expected in {:.0} % (from {f})", 100.0 * a.frequency)
            }
            (AbsenceKind::Consistent, _) => "absent, as expected".to_owned(),
            _ => "absent (not a feature)".to_owned(),
        };
        writeln!(
            out,
            "    {:+6.2}  no {}: {how}",
            a.log10_lr(),
            crate::render::with_lay(a.term)
        )?;
    }
    for m in result.missing(disorder).iter().filter(|m| m.likelihood_ratio != 1.0) {
        writeln!(
            out,
            "    {:+6.2}  not reported: {} ({:.0} %)",
            m.likelihood_ratio.log10(),
            m.feature,
            100.0 * m.frequency
        )?;
    }
    let missing: Vec<_> = result
        .missing(disorder)
        .iter()
        .filter(|m| m.likelihood_ratio == 1.0)
        .collect();
    if !missing.is_empty() {
        let names: Vec<String> = missing
            .iter()
            .take(6)
            .map(|m| match m.feature.lay_name() {
                Some(lay) if !lay.eq_ignore_ascii_case(m.feature.name()) => format!(
                    "{} [{}] ({:.0} %)",
                    m.feature.name(),
                    lay.to_lowercase(),
                    100.0 * m.frequency
                ),
                _ => format!("{} ({:.0} %)", m.feature.name(), 100.0 * m.frequency),
            })
            .collect();
        let more = if missing.len() > 6 {
            format!(", and {} more", missing.len() - 6)
        } else {
            String::new()
        };
        writeln!(out, "    also not reported (not scored): {}{more}", names.join(", "))?;
    }
    for part in [
        ("mean over the group's subtypes", r.subtypes),
        ("onset", r.onset),
        ("sex", r.sex),
        ("other evidence", r.evidence),
    ] {
        if part.1 != 0.0 {
            writeln!(out, "    {:+6.2}  {}", part.1, part.0)?;
        }
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
        args: Args,
    }

    #[derive(Debug)]
    enum Failure {
        Query(marrowkb::Error),
        Output,
        File(crate::phenopacket::FileFailure),
    }

    impl From<marrowkb::Error> for Failure {
        fn from(err: marrowkb::Error) -> Self {
            Failure::Query(err)
        }
    }

    impl From<io::Error> for Failure {
        fn from(_: io::Error) -> Self {
            Failure::Output
        }
    }

    impl From<crate::phenopacket::FileFailure> for Failure {
        fn from(f: crate::phenopacket::FileFailure) -> Self {
            Failure::File(f)
        }
    }

    fn output(argv: &[&str]) -> Result<String, Failure> {
        let cli = Cli::try_parse_from(std::iter::once("differential").chain(argv.iter().copied()))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        run::<Failure>(&cli.args, &mut out)?;
        Ok(String::from_utf8(out).unwrap_or_default())
    }

    #[test]
    fn human_table_ranks_and_explains() {
        let text = output(&["HP:0003974", "thrombocytopenia", "-x", "HP:0009777", "--sex", "female"]).unwrap();
        let first = text
            .lines()
            .find(|l| l.trim_start().starts_with("1 "))
            .unwrap_or_default();
        assert!(first.contains("Thrombocytopenia-absent radius syndrome"), "{text}");
        assert!(
            text.contains("HP:0003974 Absent radius (missing outer large bone of forearm): feature"),
            "{text}"
        );
        assert!(text.contains("no HP:0009777 Absent thumb"), "{text}");
    }

    #[test]
    fn json_has_the_ranking() {
        let text = output(&["HP:0001738", "HP:0001875", "HP:0100255", "--json", "--age-years", "2"]).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["ranking"][0]["disorder"], "shwachman_diamond_syndrome");
        assert_eq!(json["ranking"].as_array().map(Vec::len), Some(Disorder::COUNT));
        assert_eq!(json["onset"], "childhood");
    }

    #[test]
    fn words_resolve_like_ids_with_lay_names_shown() {
        let words = output(&["low platelet count", "absent radius", "--explain", "1"]).unwrap_or_default();
        let ids = output(&["HP:0001873", "HP:0003974", "--explain", "1"]).unwrap_or_default();
        assert_eq!(words, ids);
        assert!(words.contains("Thrombocytopenia (low platelet count)"), "{words}");
        assert!(matches!(
            output(&["thrombocytopaenai"]),
            Err(Failure::Query(marrowkb::Error::UnknownTerm { .. }))
        ));
    }

    #[test]
    fn strict_mode_fails_on_bad_terms() {
        assert!(matches!(
            output(&["HP:0001873", "HP:9999999", "--strict"]),
            Err(Failure::Query(marrowkb::Error::UnknownId { .. }))
        ));
        assert!(matches!(
            output(&["HP:00x", "--strict"]),
            Err(Failure::Query(marrowkb::Error::MalformedId { .. }))
        ));
        let text = output(&["HP:0001873", "HP:9999999"]).unwrap();
        assert!(text.contains("ignored"), "{text}");
        assert!(Cli::try_parse_from(["differential", "--sex", "x"]).is_err());
    }

    fn packets() -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/phenopackets")
    }

    #[test]
    fn one_phenopacket_prints_the_same_object_as_terms() {
        let file = packets().join("fanconi_anemia/PMID_16429406_first_patient.json");
        let path = file.to_string_lossy().into_owned();
        let text = output(&["--phenopacket", &path, "--json"]).unwrap_or_else(|_| panic!("failed"));
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(json["ranking"][0]["disorder"], "fanconi_anemia", "{text}");
        assert_eq!(json["sex"], "female");
        assert_eq!(json["onset"], "congenital");
        let terms: Vec<String> = json["observed"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["id"].as_str().or(t.as_str()).map(str::to_owned))
            .collect();
        assert!(!terms.is_empty(), "{text}");
        // The same keys as a differential from terms.
        let from_terms = output(&["HP:0001873", "--json"]).unwrap_or_else(|_| panic!("failed"));
        let from_terms: serde_json::Value = serde_json::from_str(&from_terms).unwrap_or_default();
        let keys = |v: &serde_json::Value| -> Vec<String> {
            v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default()
        };
        assert_eq!(keys(&json), keys(&from_terms));
        assert_eq!(keys(&json["ranking"][0]), keys(&from_terms["ranking"][0]));
    }

    #[test]
    fn a_folder_ranks_every_file_and_goes_past_a_bad_one() {
        let dir = std::env::temp_dir().join(format!("marrowkb-cli-batch-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let good = packets().join("inherited_thrombocytopenia/PMID_25876182_Patient_VI_1.json");
        let _ = std::fs::copy(&good, dir.join("a.json"));
        let _ = std::fs::write(
            dir.join("b.json"),
            r#"{"id": "x", "metaData": {"phenopacketSchemaVersion": "1.0"}}"#,
        );
        let path = dir.to_string_lossy().into_owned();
        match output(&["--phenopacket", &path, "--json"]) {
            Err(Failure::File(f)) => {
                assert_eq!((f.failed, f.total), (1, 2));
                assert!(f.to_string().contains("b.json"), "{f}");
                assert!(f.to_string().contains("metaData.phenopacketSchemaVersion"), "{f}");
            }
            other => panic!("{other:?}"),
        }
        let _ = std::fs::remove_file(dir.join("b.json"));
        let text = output(&["--phenopacket", &path]).unwrap_or_else(|_| panic!("failed"));
        assert!(
            text.contains("a.json") && text.contains("Inherited thrombocytopenia"),
            "{text}"
        );
        let _ = std::fs::remove_dir_all(&dir);
        assert!(Cli::try_parse_from(["differential", "HP:0001873", "--phenopacket", "x.json"]).is_err());
    }

    #[test]
    fn gene_evidence_is_off_unless_asked() {
        let plain = output(&["HP:0001903", "--json"]).unwrap_or_else(|_| panic!("failed"));
        let with = output(&["HP:0001903", "--gene", "RPS19", "--json"]).unwrap_or_else(|_| panic!("failed"));
        let top = |t: &str| {
            serde_json::from_str::<serde_json::Value>(t).unwrap_or_default()["ranking"][0]["disorder"].clone()
        };
        assert_eq!(top(&with), "diamond_blackfan_anemia");
        assert_ne!(plain, with);
        assert!(matches!(
            output(&["HP:0001903", "--gene", "NOTAGENE"]),
            Err(Failure::Query(_))
        ));
    }
}
