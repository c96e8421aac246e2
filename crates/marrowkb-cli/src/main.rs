//! `marrowkb`: the bone marrow failure knowledge base on the command line.
//!
//! ```text
//! marrowkb list [--json]
//! marrowkb show <name-or-code> [--json | --plain]
//! marrowkb search <text> [--json]
//! marrowkb term <hpo-id-or-words> [--json]
//! marrowkb cbc --hb 7.2g/dL --anc 0.3 --plt 15 --retic 12 --cellularity 15 --age 34 --sex f [--json]
//! marrowkb map registry.csv --column diagnosis [--out mapped.csv]
//! ```
//!
//! Exit codes: 0 success, 1 input/output failure (a file cannot be read or written), 2 usage error (bad
//! options), 3 not found (unknown name, code or gene; a search without a hit), 4 invalid input (malformed
//! id, empty or over-long input, impossible measurement, nothing to rank, a missing CSV column), 5 ambiguous
//! (a code or gene several disorders share: the candidates are printed).
//!
//! Reference software, not medical advice.

mod cbc;
mod differential;
mod map;
mod phenopacket;
mod render;

use clap::{Parser, Subcommand};
use std::io::{self, Write};
use std::process::ExitCode;

/// The bone marrow failure knowledge base (reference software, not medical advice).
#[derive(Debug, Parser)]
#[command(
    name = "marrowkb",
    version,
    about,
    long_about = None,
    after_help = "Exit codes: 0 success, 1 input/output failure, 2 usage error, 3 not found, 4 invalid input, 5 ambiguous."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List every disorder (with --json: the whole knowledge base as JSON).
    List {
        /// Print the whole knowledge base as JSON (the serde export).
        #[arg(long)]
        json: bool,
    },
    /// Show one disorder's full record, found by name, synonym, abbreviation, ORPHA/OMIM id, ICD-10 code or gene.
    Show {
        /// A name ("fanconi anaemia"), abbreviation ("DBA"), ORPHA:84, OMIM:105650, D64.4 or a gene symbol.
        query: String,
        /// Print the record as JSON.
        #[arg(long, conflicts_with = "plain")]
        json: bool,
        /// Print the disorder in words a patient understands (for patient-education apps).
        #[arg(long)]
        plain: bool,
    },
    /// Find an HPO term by id, symptom key, label or synonym (clinical or lay words), with its synonyms.
    Term {
        /// HP:0001873, a symptom key, "thrombocytopenia", "low platelet count"…
        text: String,
        /// Print the term as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search names, synonyms, genes, symptoms and codes.
    Search {
        /// Free text.
        text: String,
        /// Print the hits as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Rank the disorders for a patient's findings (HPO ids, symptom keys, HPO labels or synonyms), with explanations.
    Differential(differential::Args),
    /// Interpret a complete blood count: cytopenias and their grades, pattern, aplastic anaemia severity.
    Cbc(cbc::CbcArgs),
    /// Map a column of a CSV/TSV file (or one entry per line on stdin) to disorders and codes.
    Map(map::Args),
}

/// Exit code: a file could not be read or written.
const EXIT_IO: u8 = 1;
/// Exit code: bad options (clap's own code).
const EXIT_USAGE: u8 = 2;
/// Exit code: no record has the name, code or gene; a search found nothing.
const EXIT_NOT_FOUND: u8 = 3;
/// Exit code: the input cannot be used (malformed, empty, too long, impossible, nothing to rank).
const EXIT_INVALID: u8 = 4;
/// Exit code: several disorders share the code or gene.
const EXIT_AMBIGUOUS: u8 = 5;

/// Why a command failed.
#[derive(Debug)]
enum Failure {
    /// The knowledge base said no (unknown name, malformed code…).
    Query(marrowkb::Error),
    /// Writing the output failed.
    Output(io::Error),
    /// Phenopacket files that could not be ranked (already reported one by one in a batch).
    File(phenopacket::FileFailure),
    /// A search found nothing (its output says so).
    NoMatch,
    /// `map` failed on its input.
    Map(map::MapError),
}

impl From<phenopacket::FileFailure> for Failure {
    fn from(err: phenopacket::FileFailure) -> Self {
        Failure::File(err)
    }
}

impl Failure {
    /// The documented exit code.
    fn exit_code(&self) -> u8 {
        use marrowkb::Error;
        match self {
            Failure::Output(_) | Failure::Map(map::MapError::Io(_)) => EXIT_IO,
            Failure::File(f) => match &f.error {
                phenopacket::FileError::Io(_) => EXIT_IO,
                phenopacket::FileError::Query(e) => Failure::Query(*e).exit_code(),
            },
            Failure::NoMatch => EXIT_NOT_FOUND,
            Failure::Map(map::MapError::Input(_)) => EXIT_INVALID,
            Failure::Query(Error::Ambiguous { .. } | Error::AmbiguousTerm { .. }) => EXIT_AMBIGUOUS,
            Failure::Query(
                Error::UnknownName { .. }
                | Error::UnknownId { .. }
                | Error::UnknownKey { .. }
                | Error::UnknownTerm { .. }
                | Error::ObsoleteId { .. },
            ) => EXIT_NOT_FOUND,
            Failure::Query(_) => EXIT_INVALID,
        }
    }
}

impl From<marrowkb::Error> for Failure {
    fn from(err: marrowkb::Error) -> Self {
        Failure::Query(err)
    }
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        Failure::Output(err)
    }
}

fn run(command: Command, out: &mut dyn Write) -> Result<(), Failure> {
    match command {
        Command::List { json: true } => writeln!(out, "{}", marrowkb::export::to_json())?,
        Command::List { json: false } => render::list(out)?,
        Command::Show { query, json, plain } => {
            let disorder = marrowkb::resolve(&query)?;
            if json {
                writeln!(out, "{}", marrowkb::export::disorder_json(disorder))?;
            } else if plain {
                render::show_plain(out, disorder)?;
            } else {
                render::show(out, disorder)?;
            }
        }
        Command::Search { text, json } => {
            let hits = marrowkb::search(&text)?;
            if json {
                let text = serde_json::to_string_pretty(&hits).map_err(io::Error::other)?;
                writeln!(out, "{text}")?;
            } else {
                render::hits(out, &hits)?;
            }
            if hits.is_empty() {
                return Err(Failure::NoMatch);
            }
        }
        Command::Term { text, json } => {
            let found = marrowkb::finding::find(&text)?;
            if json {
                let text = serde_json::to_string_pretty(&render::TermJson::new(found)).map_err(io::Error::other)?;
                writeln!(out, "{text}")?;
            } else {
                render::term(out, found)?;
            }
        }
        Command::Differential(args) => differential::run::<Failure>(&args, out)?,
        Command::Cbc(args) => cbc::run::<Failure>(&args, out)?,
        Command::Map(args) => map::run(&args, out, &mut io::stderr()).map_err(Failure::Map)?,
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version print to stdout and succeed; anything else is a usage error.
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli.command, &mut out).and_then(|()| out.flush().map_err(Failure::Output));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`marrowkb list | head`) is not an error.
        Err(Failure::Output(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(failure) => {
            match &failure {
                Failure::Output(err) => eprintln!("marrowkb: cannot write output: {err}"),
                Failure::Map(map::MapError::Io(err)) => eprintln!("marrowkb: {err}"),
                Failure::Map(map::MapError::Input(message)) => eprintln!("marrowkb: {message}"),
                Failure::NoMatch => {}
                Failure::Query(err @ marrowkb::Error::Ambiguous { candidates, .. }) => {
                    eprintln!("marrowkb: {err}");
                    eprintln!("candidates:");
                    for d in candidates.iter() {
                        eprintln!("  {:<45} {}", d.key(), d.info().name);
                    }
                }
                Failure::Query(err) => eprintln!("marrowkb: {err}"),
                Failure::File(err) => eprintln!("marrowkb: {err}"),
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exit_code(argv: &[&str]) -> u8 {
        let cli = Cli::try_parse_from(argv)
            .map_err(|e| e.exit_code())
            .unwrap_or_else(|code| panic!("usage {code}"));
        match run(cli.command, &mut Vec::new()) {
            Ok(()) => 0,
            Err(failure) => failure.exit_code(),
        }
    }

    fn stdout(argv: &[&str]) -> String {
        let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        assert!(run(cli.command, &mut out).is_ok());
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn subtype_genes_show_for_the_group() {
        let scn = stdout(&["marrowkb", "show", "severe congenital neutropenia"]);
        assert!(
            scn.contains("Subtype genes   HAX1 (through Kostmann syndrome)"),
            "{scn}"
        );
        let hits = stdout(&["marrowkb", "search", "HAX1"]);
        assert!(hits.contains("HAX1 (through Kostmann syndrome)"), "{hits}");
        let json = stdout(&["marrowkb", "search", "HAX1", "--json"]);
        assert!(json.contains("\"through\": \"kostmann_syndrome\""), "{json}");
    }

    #[test]
    fn exit_codes_are_distinct_and_documented() {
        assert_eq!(exit_code(&["marrowkb", "show", "FA"]), 0);
        assert_eq!(exit_code(&["marrowkb", "show", "nope"]), EXIT_NOT_FOUND);
        assert_eq!(exit_code(&["marrowkb", "search", "zzzzzz"]), EXIT_NOT_FOUND);
        assert_eq!(exit_code(&["marrowkb", "show", "ORPHA:x"]), EXIT_INVALID);
        assert_eq!(exit_code(&["marrowkb", "show", "D61.0"]), EXIT_AMBIGUOUS);
        assert_eq!(exit_code(&["marrowkb", "show", "ELANE"]), EXIT_AMBIGUOUS);
        assert_eq!(exit_code(&["marrowkb", "show", "D46.9"]), 0);
        // Not one finding can be read: the first one's error (an unknown id is not found)…
        assert_eq!(exit_code(&["marrowkb", "differential", "HP:9999999"]), EXIT_NOT_FOUND);
        // …and nothing usable to rank on (a term outside the phenotype branch) is invalid input.
        assert_eq!(exit_code(&["marrowkb", "differential", "HP:0000007"]), EXIT_INVALID);
        assert_eq!(
            exit_code(&["marrowkb", "differential", "--phenopacket", "/nonexistent.json"]),
            EXIT_IO
        );
        assert_eq!(exit_code(&["marrowkb", "differential", "HP:0001873"]), 0);
        let usage = Cli::try_parse_from(["marrowkb", "show"]).map(|_| ()).unwrap_err();
        assert_eq!(usage.exit_code(), i32::from(EXIT_USAGE));
        assert_eq!(EXIT_IO, 1);
    }
}
