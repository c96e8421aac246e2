//! `marrowkb`: the bone marrow failure knowledge base on the command line.
//!
//! ```text
//! marrowkb list [--json]
//! marrowkb show <name-or-code> [--json | --plain]
//! marrowkb search <text> [--json]
//! marrowkb term <hpo-id-or-words> [--json]
//! marrowkb cbc --hb 7.2g/dL --anc 0.3 --plt 15 --retic 12 --cellularity 15 --age 34 --sex f [--json]
//! ```
//!
//! Reference software, not medical advice.

mod cbc;
mod differential;
mod phenopacket;
mod render;

use clap::{Parser, Subcommand};
use std::io::{self, Write};
use std::process::ExitCode;

/// The bone marrow failure knowledge base (reference software, not medical advice).
#[derive(Debug, Parser)]
#[command(name = "marrowkb", version, about, long_about = None)]
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
}

/// Why a command failed.
#[derive(Debug)]
enum Failure {
    /// The knowledge base said no (unknown name, malformed code…).
    Query(marrowkb::Error),
    /// Writing the output failed.
    Output(io::Error),
    /// Phenopacket files that could not be ranked (already reported one by one in a batch).
    File(phenopacket::FileFailure),
}

impl From<phenopacket::FileFailure> for Failure {
    fn from(err: phenopacket::FileFailure) -> Self {
        Failure::File(err)
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
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli.command, &mut out).and_then(|()| out.flush().map_err(Failure::Output));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`marrowkb list | head`) is not an error.
        Err(Failure::Output(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(err)) => {
            eprintln!("marrowkb: cannot write output: {err}");
            ExitCode::FAILURE
        }
        Err(Failure::Query(err)) => {
            eprintln!("marrowkb: {err}");
            ExitCode::from(2)
        }
        Err(Failure::File(err)) => {
            eprintln!("marrowkb: {err}");
            ExitCode::from(2)
        }
    }
}
