//! `marrowkb differential --phenopacket FILE|FOLDER …`: the differential for GA4GH phenopackets.
//!
//! One file prints what a term list prints (the same table, or with `--json` the same object). Several files,
//! or a folder (searched recursively for `*.json`), print one result per file with its name: a short table
//! each, or with `--json` one JSON array of `{"file", "result"}` / `{"file", "error"}` objects. A batch goes
//! on past a file that cannot be read, reports it, and fails at the end. A progress bar is drawn on standard
//! error when it is a terminal.

use marrowkb::differential::Differential;
use marrowkb::phenopacket::Phenopacket;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file that could not be ranked, and why.
#[derive(Debug)]
pub enum FileError {
    /// The file could not be read.
    Io(io::Error),
    /// The file is not a usable phenopacket, or the differential rejected it.
    Query(marrowkb::Error),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::Io(e) => write!(f, "cannot read: {e}"),
            FileError::Query(e) => write!(f, "{e}"),
        }
    }
}

/// Files that could not be ranked: which, how many of how many, and the first one's error.
#[derive(Debug)]
pub struct FileFailure {
    /// The first file that failed.
    pub path: PathBuf,
    /// Why it failed.
    pub error: FileError,
    /// How many files failed, of how many.
    pub failed: usize,
    /// How many files were tried.
    pub total: usize,
}

impl std::fmt::Display for FileFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.total > 1 {
            write!(
                f,
                "{} of {} phenopackets could not be ranked; first: ",
                self.failed, self.total
            )?;
        }
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

/// The files named: each file as given, each folder's `*.json` files (recursively, sorted).
///
/// # Errors
/// A path that does not exist or a folder that cannot be listed.
pub fn files(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            collect_json(path, &mut found)?;
            found.sort();
            out.extend(found);
        } else if path.exists() {
            out.push(path.clone());
        } else {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{}: no such file or folder", path.display()),
            ));
        }
    }
    Ok(out)
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_json(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
            out.push(path);
        }
    }
    Ok(())
}

/// What `marrowkb differential` asks of a phenopacket run (from its arguments).
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// `--gene`: genes whose links to the disorders count as evidence.
    pub genes: &'a [String],
    /// `--genes-from-phenopacket`: the phenopacket's interpreted genes count too.
    pub genes_from_phenopacket: bool,
    /// `--strict`: an unusable HPO id fails the file.
    pub strict: bool,
    /// `--json`: one JSON array for a batch.
    pub json: bool,
    /// `--explain N`: how many disorders to explain in text output.
    pub explain: usize,
}

/// Ranks one file (with the command's `--gene` evidence and `--genes-from-phenopacket`).
///
/// # Errors
/// The file cannot be read, is not a phenopacket, or (with `--strict`) has an unusable HPO id.
pub fn rank(path: &Path, args: &Options<'_>) -> Result<Differential, FileError> {
    let text = std::fs::read_to_string(path).map_err(FileError::Io)?;
    let packet = Phenopacket::parse(&text).map_err(FileError::Query)?;
    let genes: Vec<&str> = args.genes.iter().map(String::as_str).collect();
    packet
        .run(&genes, args.genes_from_phenopacket, args.strict)
        .map_err(FileError::Query)
}

/// Runs the batch: every file ranked and printed; the first failure is returned after all are done.
///
/// # Errors
/// The first file that failed (after every file was tried and reported), or failure to write.
pub fn run_batch<E: From<FileFailure> + From<io::Error>>(
    files: &[PathBuf],
    args: &Options<'_>,
    out: &mut dyn Write,
) -> Result<(), E> {
    let bar = indicatif::ProgressBar::new(files.len() as u64);
    if files.len() < 20 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut first_error: Option<(PathBuf, FileError)> = None;
    let mut failed = 0;
    let mut json_items: Vec<serde_json::Value> = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let result = rank(path, args);
        bar.inc(1);
        match result {
            Ok(result) if args.json => {
                let value = serde_json::to_value(&result).map_err(io::Error::other)?;
                json_items.push(serde_json::json!({ "file": name, "result": value }));
            }
            Ok(result) => {
                writeln!(out, "{name}")?;
                for r in result.ranking.iter().take(args.explain.max(1)) {
                    let subtype = r.subtype.map_or(String::new(), |s| format!(" [{s}]"));
                    writeln!(
                        out,
                        "  {:>2}. {:<46} {:>+7.2} {:>6.1}%{subtype}",
                        r.rank,
                        r.disorder.name(),
                        r.score,
                        100.0 * r.posterior
                    )?;
                }
            }
            Err(e) => {
                if files.len() > 1 {
                    bar.suspend(|| eprintln!("marrowkb: {name}: {e}"));
                }
                if args.json {
                    json_items.push(serde_json::json!({ "file": name, "error": e.to_string() }));
                } else {
                    writeln!(out, "{name}\n  error: {e}")?;
                }
                failed += 1;
                first_error.get_or_insert((path.clone(), e));
            }
        }
    }
    bar.finish_and_clear();
    if args.json {
        let text = serde_json::to_string_pretty(&json_items).map_err(io::Error::other)?;
        writeln!(out, "{text}")?;
    }
    match first_error {
        None => Ok(()),
        Some((path, error)) => Err(FileFailure {
            path,
            error,
            failed,
            total: files.len(),
        }
        .into()),
    }
}
