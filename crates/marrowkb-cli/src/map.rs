//! `marrowkb map`: resolves a column of a CSV/TSV file (or one entry per line on stdin) to disorders and
//! codes, writing the input rows with the resolution columns appended and a summary of unmapped rows.

use marrowkb::resolution::{self, Status};
use marrowkb::{Disorder, Error};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// The columns `map` appends, the same names as Python's `Resolutions.to_dict()` (after `input`).
pub const COLUMNS: [&str; 10] = [
    "status",
    "disorder",
    "name",
    "orpha",
    "omim",
    "icd10",
    "match",
    "parent_code",
    "candidates",
    "error",
];

/// Rows at which the progress bar is updated (it only shows on a terminal).
const PROGRESS_EVERY: u64 = 1024;

/// Arguments of `marrowkb map`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A CSV or TSV file (by extension; see --delimiter), or `-` / nothing for stdin.
    pub file: Option<PathBuf>,
    /// The column to resolve (header name). Without it, every line of the input is one entry.
    #[arg(long)]
    pub column: Option<String>,
    /// Where to write the result (CSV, or TSV when the name ends in .tsv); stdout by default.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The input's field delimiter: `comma`, `tab` or `semicolon` (default: tab for .tsv/.tab, else comma).
    #[arg(long, ignore_case = true)]
    pub delimiter: Option<Delimiter>,
    /// Suggest the closest disorders for unknown names (in the error column; slower).
    #[arg(long)]
    pub suggestions: bool,
}

/// A field delimiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Delimiter {
    /// `,`
    Comma,
    /// A tab.
    Tab,
    /// `;`
    Semicolon,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
            Delimiter::Semicolon => b';',
        }
    }

    fn for_path(path: Option<&Path>) -> Delimiter {
        match path.and_then(Path::extension).and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("tsv") || ext.eq_ignore_ascii_case("tab") => Delimiter::Tab,
            _ => Delimiter::Comma,
        }
    }
}

/// Why `map` failed.
#[derive(Debug)]
pub enum MapError {
    /// Reading or writing failed.
    Io(io::Error),
    /// The input is not what was asked for (no such column, malformed CSV).
    Input(String),
}

impl From<io::Error> for MapError {
    fn from(err: io::Error) -> Self {
        MapError::Io(err)
    }
}

impl From<csv::Error> for MapError {
    fn from(err: csv::Error) -> Self {
        if err.is_io_error() {
            match err.into_kind() {
                csv::ErrorKind::Io(io) => MapError::Io(io),
                other => MapError::Input(format!("{other:?}")),
            }
        } else {
            MapError::Input(err.to_string())
        }
    }
}

/// The appended fields of one row.
fn fields(text: Option<&str>, suggestions: bool) -> (Status, [String; COLUMNS.len()]) {
    let result = match text {
        Some(text) => resolution::resolve_detailed(text, suggestions),
        None => Err(Error::EmptyInput),
    };
    let status = Status::of(&result);
    let opt = |x: Option<String>| x.unwrap_or_default();
    let keys = |ds: &mut dyn Iterator<Item = Disorder>| ds.map(|d| d.key()).collect::<Vec<_>>().join(";");
    let row = match result {
        Ok(r) => {
            let codes = resolution::primary_codes(r.disorder);
            [
                status.key().to_owned(),
                r.disorder.key().to_owned(),
                r.disorder.info().name.to_owned(),
                opt(codes.orpha.map(|c| c.to_string())),
                opt(codes.omim.map(|c| c.to_string())),
                opt(codes.icd10.map(|c| c.to_string())),
                r.match_kind.key().to_owned(),
                opt(r.parent_code.map(|c| c.to_string())),
                String::new(),
                String::new(),
            ]
        }
        Err(error) => {
            let candidates = match error {
                Error::Ambiguous { candidates, .. } => keys(&mut candidates.iter()),
                _ => String::new(),
            };
            let message = match (text, error) {
                (None, _) | (_, Error::EmptyInput) => "missing value".to_owned(),
                _ => error.to_string(),
            };
            let mut row: [String; COLUMNS.len()] = Default::default();
            row[0] = status.key().to_owned();
            row[8] = candidates;
            row[9] = message;
            row
        }
    };
    (status, row)
}

fn progress_bar(total_bytes: Option<u64>) -> indicatif::ProgressBar {
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    match total_bytes {
        Some(total) => {
            let bar = indicatif::ProgressBar::new(total);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{spinner} mapping [{bar:40}] {bytes}/{total_bytes} ({per_sec}, {eta})",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        }
        None => indicatif::ProgressBar::new_spinner(),
    }
}

/// Runs `map`, writing the mapped rows to `out` (unless `--out` names a file) and the summary to `summary`.
///
/// # Errors
/// [`MapError::Io`] for unreadable input or unwritable output, [`MapError::Input`] for a missing column or
/// malformed CSV.
pub fn run(args: &Args, out: &mut dyn Write, summary: &mut dyn Write) -> Result<(), MapError> {
    let path = args.file.as_deref().filter(|p| p.as_os_str() != "-");
    let (input, total): (Box<dyn Read>, Option<u64>) = match path {
        Some(path) => {
            let file = File::open(path)
                .map_err(|e| MapError::Io(io::Error::new(e.kind(), format!("{}: {e}", path.display()))))?;
            let len = file.metadata().ok().map(|m| m.len());
            (Box::new(file), len)
        }
        None => (Box::new(io::stdin().lock()), None),
    };
    let mut file_out;
    let out: &mut dyn Write = match &args.out {
        Some(path) => {
            file_out = io::BufWriter::new(File::create(path)?);
            &mut file_out
        }
        None => out,
    };
    let out_delimiter = Delimiter::for_path(args.out.as_deref()).byte();
    let mut writer = csv::WriterBuilder::new().delimiter(out_delimiter).from_writer(out);
    let bar = progress_bar(total);
    let mut counts: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut rows = 0u64;
    let mut count = |status: Status, rows: &mut u64| {
        *counts.entry(status.key()).or_default() += 1;
        *rows += 1;
    };
    match &args.column {
        Some(column) => {
            let delimiter = args.delimiter.unwrap_or(Delimiter::for_path(path)).byte();
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .flexible(true)
                .from_reader(input);
            let headers = reader.headers()?.clone();
            let index = headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(column.trim()))
                .ok_or_else(|| {
                    MapError::Input(format!(
                        "no column {column:?} in the header (columns: {})",
                        headers.iter().collect::<Vec<_>>().join(", ")
                    ))
                })?;
            let taken: Vec<&str> = headers.iter().collect();
            let mut header = headers.clone();
            for name in COLUMNS {
                if taken.contains(&name) {
                    header.push_field(&format!("marrowkb_{name}"));
                } else {
                    header.push_field(name);
                }
            }
            writer.write_record(&header)?;
            let mut record = csv::StringRecord::new();
            while reader.read_record(&mut record)? {
                let (status, appended) = fields(record.get(index), args.suggestions);
                count(status, &mut rows);
                let mut row = record.clone();
                for field in &appended {
                    row.push_field(field);
                }
                writer.write_record(&row)?;
                if rows.is_multiple_of(PROGRESS_EVERY) {
                    bar.set_position(record.position().map_or(0, csv::Position::byte));
                }
            }
        }
        None => {
            let mut header = vec!["input"];
            header.extend(COLUMNS);
            writer.write_record(&header)?;
            let mut bytes = 0u64;
            for line in BufReader::new(input).lines() {
                let line = line?;
                bytes += line.len() as u64 + 1;
                let (status, appended) = fields(Some(&line), args.suggestions);
                count(status, &mut rows);
                writer.write_field(&line)?;
                writer.write_record(&appended)?;
                if rows.is_multiple_of(PROGRESS_EVERY) {
                    bar.set_position(bytes);
                }
            }
        }
    }
    writer.flush()?;
    bar.finish_and_clear();
    let found = counts.get("found").copied().unwrap_or(0);
    write!(summary, "marrowkb map: {found} of {rows} rows mapped")?;
    let unmapped: Vec<String> = counts
        .iter()
        .filter(|(status, _)| **status != "found")
        .map(|(status, n)| format!("{status} {n}"))
        .collect();
    if unmapped.is_empty() {
        writeln!(summary)?;
    } else {
        writeln!(summary, "; unmapped: {}", unmapped.join(", "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(input: &str, column: Option<&str>, delimiter: Option<Delimiter>) -> (String, String) {
        let dir = std::env::temp_dir().join(format!("marrowkb-map-{}-{}", std::process::id(), input.len()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(if delimiter == Some(Delimiter::Tab) {
            "in.tsv"
        } else {
            "in.csv"
        });
        std::fs::write(&file, input).unwrap();
        let args = Args {
            file: Some(file),
            column: column.map(str::to_owned),
            out: None,
            delimiter: None,
            suggestions: true,
        };
        let (mut out, mut summary) = (Vec::new(), Vec::new());
        run(&args, &mut out, &mut summary).unwrap();
        (String::from_utf8(out).unwrap(), String::from_utf8(summary).unwrap())
    }

    #[test]
    fn maps_a_csv_column_and_summarizes() {
        let input = "id,diagnosis\n1,FA\n2,D46.9\n3,\n4,D61.0\n5,fanconni\n6,\"Shwachman, Diamond syndrome\"\n";
        let (out, summary) = map(input, Some("Diagnosis"), None);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "id,diagnosis,status,disorder,name,orpha,omim,icd10,match,parent_code,candidates,error"
        );
        assert_eq!(
            lines[1],
            "1,FA,found,fanconi_anemia,Fanconi anemia,ORPHA:84,,D61.0,abbreviation,,,"
        );
        assert!(
            lines[2].starts_with("2,D46.9,found,myelodysplastic_syndrome,"),
            "{}",
            lines[2]
        );
        assert!(lines[2].ends_with(",icd10_parent,D46,,"), "{}", lines[2]);
        assert!(lines[3].starts_with("3,,missing,"), "{}", lines[3]);
        assert!(
            lines[4].contains(",ambiguous,") && lines[4].contains("fanconi_anemia;"),
            "{}",
            lines[4]
        );
        assert!(lines[5].contains("did you mean Fanconi anemia"), "{}", lines[5]);
        assert!(lines[6].contains("shwachman_diamond_syndrome"), "{}", lines[6]);
        assert_eq!(
            summary,
            "marrowkb map: 3 of 6 rows mapped; unmapped: ambiguous 1, missing 1, unknown 1\n"
        );
    }

    #[test]
    fn maps_lines_and_tsv() {
        let (out, summary) = map("FA\nRPS19\n\n", None, None);
        assert_eq!(out.lines().count(), 4);
        assert!(
            out.lines()
                .nth(2)
                .unwrap()
                .starts_with("RPS19,found,diamond_blackfan_anemia,")
        );
        assert_eq!(summary, "marrowkb map: 2 of 3 rows mapped; unmapped: missing 1\n");
        let (out, _) = map("code\tx\nORPHA 84\t1\n", Some("code"), Some(Delimiter::Tab));
        assert!(
            out.lines()
                .nth(1)
                .unwrap()
                .starts_with("ORPHA 84,1,found,fanconi_anemia,")
        );
    }

    #[test]
    fn a_missing_column_is_an_input_error() {
        let dir = std::env::temp_dir().join(format!("marrowkb-map-missing-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("in.csv");
        std::fs::write(&file, "a,b\n1,2\n").unwrap();
        let args = Args {
            file: Some(file),
            column: Some("diagnosis".into()),
            out: None,
            delimiter: None,
            suggestions: false,
        };
        let result = run(&args, &mut Vec::new(), &mut Vec::new());
        assert!(matches!(result, Err(MapError::Input(m)) if m.contains("no column \"diagnosis\"")));
    }
}
