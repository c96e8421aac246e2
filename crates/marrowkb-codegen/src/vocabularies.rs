//! The data releases and the closed vocabularies (`data/vocabularies.toml`): loading, validation and
//! emission of the core's enums (as invocations of its `closed_vocabulary!` / `unit_enum!` macros), their
//! C mirrors (plain `#[repr(u32)]` enums cbindgen reads) and the release constants.

use crate::emit::{BANNER, camel, lit};
use crate::{Error, GeneratedFile, Result, Target};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

/// The file, relative to the data folder.
pub const FILE: &str = "vocabularies.toml";

/// The releases the data was derived from and checked against.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Releases {
    /// Human Phenotype Ontology release, `2025-01-16`.
    pub hpo: String,
    /// WHO ICD-10 version, `2019`.
    pub icd10: String,
}

impl Releases {
    /// The text of `marrowkb::DATA_VERSION`.
    pub fn data_version(&self) -> String {
        format!(
            "HPO {} (with Orphanet and OMIM annotations); WHO ICD-10 {}",
            self.hpo, self.icd10
        )
    }
}

/// How the core defines a vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `closed_vocabulary!`: a key, parsed ignoring ASCII case (and the value's aliases).
    #[default]
    Closed,
    /// `unit_enum!`: a key, a symbol (its `Display`) and aliases, parsed ignoring case and spaces.
    Unit,
}

/// One value of a vocabulary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    /// The stable discriminant (Rust and C).
    pub id: u32,
    /// The stable snake_case key.
    pub key: String,
    /// The Rust variant, when it is not the key in UpperCamelCase.
    pub variant: Option<String>,
    /// Units: the symbol as a laboratory report prints it.
    pub symbol: Option<String>,
    /// Other spellings the parser accepts.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Rustdoc of the variant.
    pub doc: String,
    /// The C header's comment, when it differs from `doc`.
    pub c_doc: Option<String>,
}

impl Value {
    /// The Rust (and, screaming, C) variant name.
    pub fn variant(&self) -> String {
        self.variant.clone().unwrap_or_else(|| camel(&self.key))
    }
}

/// One closed vocabulary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// The core's type name.
    pub name: String,
    /// The C mirror's type name (before cbindgen's `Mkb` prefix), when it differs from `name`.
    pub c_name: Option<String>,
    /// What an error calls a value (`"cell line"`).
    pub what: String,
    /// The public module of the core type (`marrowkb::classes`).
    pub module: String,
    /// How the core defines it.
    #[serde(default)]
    pub kind: Kind,
    /// The `Literal[...]` alias of its keys in the Python stub, if the stub has one.
    pub python: Option<String>,
    /// The key of the `Default` value, if the type implements `Default`.
    pub default: Option<String>,
    /// Rustdoc of the type.
    pub doc: String,
    /// The C header's comment, when it differs from `doc`.
    pub c_doc: Option<String>,
    /// The values, in discriminant order.
    pub value: Vec<Value>,
}

impl Vocabulary {
    /// The C mirror's Rust name.
    pub fn c_name(&self) -> &str {
        self.c_name.as_deref().unwrap_or(&self.name)
    }

    /// The keys, in discriminant order.
    pub fn keys(&self) -> Vec<&str> {
        self.value.iter().map(|v| v.key.as_str()).collect()
    }

    /// The core module the type lives in, below the crate root (`classes`).
    fn home(&self) -> &str {
        self.module.strip_prefix("marrowkb::").unwrap_or(&self.module)
    }
}

/// `data/vocabularies.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    /// The data releases.
    pub releases: Releases,
    /// Every closed vocabulary.
    pub vocabulary: Vec<Vocabulary>,
}

/// The core modules that hold closed vocabularies.
const MODULES: [&str; 3] = ["marrowkb::classes", "marrowkb::blood_count", "marrowkb::resolution"];

fn invalid(record: &str, message: impl Into<String>) -> Error {
    Error::Invalid {
        file: FILE.into(),
        record: record.into(),
        message: message.into(),
    }
}

impl Vocabularies {
    /// Reads and validates `data/vocabularies.toml`.
    ///
    /// # Errors
    /// [`Error::Read`], [`Error::Parse`], or [`Error::Invalid`] for a vocabulary that breaks a rule.
    pub fn load(data_dir: &Path) -> Result<Self> {
        let path = data_dir.join(FILE);
        let text = crate::read(&path)?;
        let file: Self = toml::from_str(&text).map_err(|e| Error::Parse {
            path: path.clone(),
            message: e.to_string(),
        })?;
        file.validate()?;
        Ok(file)
    }

    fn validate(&self) -> Result<()> {
        let release = &self.releases;
        let date = release.hpo.len() == 10
            && release
                .hpo
                .bytes()
                .enumerate()
                .all(|(i, b)| (i == 4 || i == 7) == (b == b'-') && (b == b'-' || b.is_ascii_digit()));
        if !date {
            return Err(invalid(
                "releases",
                format!("hpo release {:?} is not YYYY-MM-DD", release.hpo),
            ));
        }
        if release.icd10.len() != 4 || !release.icd10.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(
                "releases",
                format!("icd10 version {:?} is not a year", release.icd10),
            ));
        }
        let mut names = BTreeSet::new();
        for v in &self.vocabulary {
            if !names.insert(v.name.as_str()) || (v.c_name.is_some() && !names.insert(v.c_name())) {
                return Err(invalid(&v.name, "the name is used twice"));
            }
            if !MODULES.contains(&v.module.as_str()) {
                return Err(invalid(&v.name, format!("module must be one of {MODULES:?}")));
            }
            if v.kind == Kind::Unit && v.module != "marrowkb::blood_count" {
                return Err(invalid(&v.name, "units live in marrowkb::blood_count"));
            }
            Self::validate_values(v)?;
        }
        Ok(())
    }

    fn validate_values(v: &Vocabulary) -> Result<()> {
        if v.value.is_empty() {
            return Err(invalid(&v.name, "no values"));
        }
        let mut keys = BTreeSet::new();
        let mut previous = None;
        for value in &v.value {
            let record = format!("{}.{}", v.name, value.key);
            if previous.is_some_and(|p| value.id <= p) {
                return Err(invalid(&record, "ids must increase (append only)"));
            }
            previous = Some(value.id);
            let snake = !value.key.is_empty()
                && value.key.starts_with(|c: char| c.is_ascii_lowercase())
                && value
                    .key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !snake || !keys.insert(value.key.as_str()) {
                return Err(invalid(&record, "keys must be distinct snake_case"));
            }
            if (v.kind == Kind::Unit) != value.symbol.is_some() {
                return Err(invalid(&record, "a unit value needs a symbol; other values have none"));
            }
            if value.doc.trim().is_empty() {
                return Err(invalid(&record, "no doc"));
            }
        }
        if let Some(default) = &v.default
            && !keys.contains(default.as_str())
        {
            return Err(invalid(&v.name, format!("default {default:?} is not one of its keys")));
        }
        Ok(())
    }

    /// The vocabulary of this core type name.
    ///
    /// # Errors
    /// [`Error::Invalid`] when the file has no such vocabulary.
    pub fn get(&self, name: &str) -> Result<&Vocabulary> {
        self.vocabulary
            .iter()
            .find(|v| v.name == name)
            .ok_or_else(|| invalid(name, "the generator needs this vocabulary"))
    }

    /// The core's `closed_vocabularies.rs` and the C crate's `vocabularies.rs`.
    pub fn emit(&self) -> Vec<GeneratedFile> {
        vec![self.emit_core(), self.emit_c()]
    }

    fn emit_core(&self) -> GeneratedFile {
        let mut o = String::from(BANNER);
        o.push_str(
            "//! The closed vocabularies of `data/vocabularies.toml`, one module per public module of the crate\n",
        );
        o.push_str(
            "//! (which re-exports it), and the data releases. Each is an invocation of the core's macro, which\n",
        );
        o.push_str("//! cbindgen does not expand: the C crate has its own generated mirrors.\n\n");
        let r = &self.releases;
        let _ = writeln!(
            o,
            "/// The HPO release the data was derived from.\npub(crate) const HPO_RELEASE: &str = {};",
            lit(&r.hpo)
        );
        for module in MODULES {
            let home = module.trim_start_matches("marrowkb::");
            let _ = writeln!(o, "\n/// The vocabularies of `{module}`.\npub mod {home} {{");
            for v in self.vocabulary.iter().filter(|v| v.home() == home) {
                core_invocation(&mut o, v);
            }
            o.push_str("}\n");
        }
        GeneratedFile {
            target: Target::Core,
            name: "closed_vocabularies.rs".into(),
            contents: o,
        }
    }

    fn emit_c(&self) -> GeneratedFile {
        let mut o = String::from(BANNER);
        o.push_str(
            "//! The core's closed vocabularies as plain C enums (cbindgen cannot expand the core's macros), with\n",
        );
        o.push_str("//! conversions both ways; the core enums and these come from `data/vocabularies.toml`.\n\n");
        o.push_str("use marrowkb::{blood_count, classes, resolution};\n");
        for v in &self.vocabulary {
            c_mirror(&mut o, v);
        }
        o.push_str("\n#[cfg(test)]\nmod tests {\n    use super::*;\n\n");
        o.push_str("    /// Every core value crosses to C and back unchanged, keeping its discriminant.\n");
        o.push_str("    #[test]\n    fn every_value_round_trips_across_the_mirror() {\n");
        for v in &self.vocabulary {
            let core = format!("{}::{}", v.home(), v.name);
            let _ = writeln!(o, "        for value in {core}::ALL {{");
            let _ = writeln!(o, "            let mirror = {}::from(*value);", v.c_name());
            o.push_str("            assert_eq!(mirror as u32, *value as u32);\n");
            let _ = writeln!(o, "            assert_eq!({core}::from(mirror), *value);");
            o.push_str("        }\n");
            let _ = writeln!(o, "        assert_eq!({core}::ALL.len(), {});", v.value.len());
        }
        o.push_str("    }\n}\n");
        GeneratedFile {
            target: Target::CBinding,
            name: "vocabularies.rs".into(),
            contents: o,
        }
    }
}

/// Writes `text` as `///` lines at `indent`.
fn doc(o: &mut String, indent: &str, text: &str) {
    for line in text.lines() {
        if line.is_empty() {
            let _ = writeln!(o, "{indent}///");
        } else {
            let _ = writeln!(o, "{indent}/// {line}");
        }
    }
}

fn core_invocation(o: &mut String, v: &Vocabulary) {
    let (mac, header) = match v.kind {
        Kind::Closed => (
            "crate::classes::closed_vocabulary",
            format!("{}, {} in {}", v.name, lit(&v.what), lit(&v.module)),
        ),
        Kind::Unit => (
            "crate::blood_count::units::unit_enum",
            format!("{}, {}", v.name, lit(&v.what)),
        ),
    };
    let _ = writeln!(o, "    {mac}! {{");
    doc(o, "        ", &v.doc);
    if v.default.is_some() {
        o.push_str("        #[derive(Default)]\n");
    }
    let _ = writeln!(o, "        {header} {{");
    for value in &v.value {
        doc(o, "            ", &value.doc);
        if v.default.as_ref() == Some(&value.key) {
            o.push_str("            #[default]\n");
        }
        let aliases: Vec<String> = value.aliases.iter().map(|a| lit(a)).collect();
        let tail = match (&value.symbol, v.kind) {
            (Some(symbol), Kind::Unit) => format!(", {}, [{}]", lit(symbol), aliases.join(", ")),
            _ => aliases.iter().map(|a| format!(" | {a}")).collect(),
        };
        let _ = writeln!(
            o,
            "            {} = {} => {}{tail},",
            value.variant(),
            value.id,
            lit(&value.key)
        );
    }
    o.push_str("        }\n    }\n");
}

fn c_mirror(o: &mut String, v: &Vocabulary) {
    let c = v.c_name();
    let core = format!("{}::{}", v.home(), v.name);
    o.push('\n');
    doc(o, "", v.c_doc.as_deref().unwrap_or(&v.doc));
    let _ = writeln!(
        o,
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n#[repr(u32)]\npub enum {c} {{"
    );
    for value in &v.value {
        doc(o, "    ", value.c_doc.as_deref().unwrap_or(&value.doc));
        let _ = writeln!(o, "    {} = {},", value.variant(), value.id);
    }
    o.push_str("}\n");
    for (from, to) in [(core.as_str(), c), (c, core.as_str())] {
        let _ = writeln!(
            o,
            "\nimpl From<{from}> for {to} {{\n    fn from(value: {from}) -> Self {{\n        match value {{"
        );
        for value in &v.value {
            let variant = value.variant();
            let _ = writeln!(o, "            {from}::{variant} => {to}::{variant},");
        }
        o.push_str("        }\n    }\n}\n");
    }
}
