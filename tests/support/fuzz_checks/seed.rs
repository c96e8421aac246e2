//! The seed corpora in `fuzz/corpus/<target>/`: real names, codes, blood counts, queries and C calls.
//!
//! The text targets take their seeds as bytes. The structured targets decode their input with
//! `arbitrary`, so their seeds are written by [`Tape`], an encoder for the subset of `arbitrary` 1.x's
//! format these inputs use (integers little-endian; `bool` one byte; an enum variant as a `u32` scaled by
//! the variant count; `Option` a `bool` then the value; a `Vec` a continuation `bool` before each item
//! and a `false` after the last; the lengths of `&str` and `&[u8]` one byte each taken from the end of the
//! input, in call order). `tests/fuzz_regressions.rs` checks that every seed decodes back to the value it
//! was written from, and that the committed files are these seeds.

use super::blood_count::{self, Num, Retic};
use super::differential::{self, OnsetArg, TermArg};
use super::ffi::{
    Batch, CBloodCount, CBool, CDifferential, CEnum, CMeasurement, CTerm, Cap, Entity, HpoArg, Mode, Op, Text,
};

/// Writes values in the order `arbitrary` reads them.
#[derive(Debug, Default)]
pub struct Tape {
    front: Vec<u8>,
    /// Length bytes, in the order they are read (from the end of the input).
    back: Vec<u8>,
}

impl Tape {
    /// The input: the values, then the length bytes in reverse.
    pub fn finish(self) -> Vec<u8> {
        let mut out = self.front;
        out.extend(self.back.iter().rev());
        out
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.front.extend_from_slice(bytes);
    }

    /// An enum's variant `index` of `count`.
    fn variant(&mut self, index: u64, count: u64) {
        // The smallest u32 whose (x * count) >> 32 is `index`.
        let x = (index << 32).div_ceil(count);
        self.raw(&(x as u32).to_le_bytes());
    }

    /// An enum's variant `index` of `count`, then its fields in order.
    fn fields(&mut self, index: u64, count: u64, fields: &[&dyn Encode]) {
        self.variant(index, count);
        for field in fields {
            field.encode(self);
        }
    }

    /// A length, read from the end (one byte: seeds stay under 256 bytes).
    fn len(&mut self, len: usize) {
        self.back.push(len as u8);
    }
}

/// A value `arbitrary` can decode.
pub trait Encode {
    /// Appends the value.
    fn encode(&self, t: &mut Tape);
}

macro_rules! int {
    ($($ty:ty),*) => {$(
        impl Encode for $ty {
            fn encode(&self, t: &mut Tape) {
                t.raw(&self.to_le_bytes());
            }
        }
    )*};
}
int!(u8, u16, u32, u64);

impl Encode for usize {
    fn encode(&self, t: &mut Tape) {
        (*self as u64).encode(t);
    }
}

impl Encode for bool {
    fn encode(&self, t: &mut Tape) {
        u8::from(*self).encode(t);
    }
}

impl Encode for &[u8] {
    fn encode(&self, t: &mut Tape) {
        t.len(self.len());
        t.raw(self);
    }
}

impl Encode for &str {
    fn encode(&self, t: &mut Tape) {
        self.as_bytes().encode(t);
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, t: &mut Tape) {
        self.is_some().encode(t);
        if let Some(v) = self {
            v.encode(t);
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, t: &mut Tape) {
        for item in self {
            true.encode(t);
            item.encode(t);
        }
        false.encode(t);
    }
}

impl<A: Encode, B: Encode> Encode for (A, B) {
    fn encode(&self, t: &mut Tape) {
        self.0.encode(t);
        self.1.encode(t);
    }
}

/// Encodes one value into a seed.
pub fn encode<T: Encode>(value: &T) -> Vec<u8> {
    let mut t = Tape::default();
    value.encode(&mut t);
    t.finish()
}

impl Encode for Num {
    fn encode(&self, t: &mut Tape) {
        match *self {
            Num::Bits(b) => (t.variant(0, 5), b.encode(t)),
            Num::Hundredths(n) => (t.variant(1, 5), n.encode(t)),
            Num::Whole(n) => (t.variant(2, 5), n.encode(t)),
            Num::Negative(n) => (t.variant(3, 5), n.encode(t)),
            Num::Special(i) => (t.variant(4, 5), i.encode(t)),
        };
    }
}

impl Encode for Retic {
    fn encode(&self, t: &mut Tape) {
        match *self {
            Retic::Absolute(v, u) => (t.variant(0, 2), v.encode(t), u.encode(t)),
            Retic::Percent(v) => (t.variant(1, 2), v.encode(t), ()),
        };
    }
}

impl Encode for blood_count::Input {
    fn encode(&self, t: &mut Tape) {
        self.hemoglobin.encode(t);
        self.mcv.encode(t);
        self.neutrophils.encode(t);
        self.lymphocytes.encode(t);
        self.monocytes.encode(t);
        self.platelets.encode(t);
        self.reticulocytes.encode(t);
        self.red_cell_count.encode(t);
        self.cellularity.encode(t);
        self.residual.encode(t);
        self.age.encode(t);
        self.sex.encode(t);
        self.pregnant.encode(t);
        self.criteria.encode(t);
    }
}

impl Encode for TermArg<'_> {
    fn encode(&self, t: &mut Tape) {
        match *self {
            TermArg::Text(s) => (t.variant(0, 5), s.encode(t)),
            TermArg::Id(n) => (t.variant(1, 5), n.encode(t)),
            TermArg::Index(i) => (t.variant(2, 5), i.encode(t)),
            TermArg::Symptom(i) => (t.variant(3, 5), i.encode(t)),
            TermArg::Profile(d, i) => (t.variant(4, 5), (d, i).encode(t)),
        };
    }
}

impl Encode for OnsetArg {
    fn encode(&self, t: &mut Tape) {
        match *self {
            OnsetArg::Years(y) => (t.variant(0, 2), y.encode(t)),
            OnsetArg::Class(c) => (t.variant(1, 2), c.encode(t)),
        };
    }
}

impl Encode for differential::Input<'_> {
    fn encode(&self, t: &mut Tape) {
        self.observed.encode(t);
        self.excluded.encode(t);
        self.onset.encode(t);
        self.sex.encode(t);
        self.evidence.encode(t);
        self.strict_first.encode(t);
    }
}

impl Encode for Mode {
    fn encode(&self, t: &mut Tape) {
        match *self {
            Mode::Exact => t.variant(0, 6),
            Mode::NulTerminated => t.variant(1, 6),
            Mode::Unterminated => t.variant(2, 6),
            Mode::Null => t.variant(3, 6),
            Mode::Prefix(k) => (t.variant(4, 6), k.encode(t)).1,
            Mode::Huge(k) => (t.variant(5, 6), k.encode(t)).1,
        }
    }
}

impl Encode for Text<'_> {
    fn encode(&self, t: &mut Tape) {
        self.bytes.encode(t);
        self.mode.encode(t);
    }
}

impl Encode for Entity {
    fn encode(&self, t: &mut Tape) {
        let i = match self {
            Entity::Disorder => 0,
            Entity::Symptom => 1,
            Entity::Treatment => 2,
            Entity::Cause => 3,
            Entity::DiagnosticTest => 4,
            Entity::Source => 5,
        };
        t.variant(i, 6);
    }
}

impl Encode for Batch<'_> {
    fn encode(&self, t: &mut Tape) {
        self.names.encode(t);
        for flag in [
            self.lens,
            self.statuses,
            self.suggestions,
            self.found,
            self.null_names,
            self.null_out,
            self.huge_n,
        ] {
            flag.encode(t);
        }
    }
}

impl Encode for Op<'_> {
    fn encode(&self, t: &mut Tape) {
        const N: u64 = 27;
        match self {
            Op::Lookup {
                text,
                suggestions,
                null_out,
            } => t.fields(0, N, &[text, suggestions, null_out]),
            Op::Suggest { text, null_out } => t.fields(1, N, &[text, null_out]),
            Op::Resolve {
                text,
                suggestions,
                null_out,
            } => t.fields(2, N, &[text, suggestions, null_out]),
            Op::Search {
                text,
                cap,
                null_buf,
                null_len,
            } => t.fields(3, N, &[text, cap, null_buf, null_len]),
            Op::LookupMany(batch) => t.fields(4, N, &[batch]),
            Op::FromCode { kind, text, null_out } => t.fields(5, N, &[kind, text, null_out]),
            Op::FromNumber { kind, id, null_out } => t.fields(6, N, &[kind, id, null_out]),
            Op::LinksForId {
                omim,
                id,
                cap,
                null_buf,
                null_len,
            } => t.fields(7, N, &[omim, id, cap, null_buf, null_len]),
            Op::LinksForIcd10 {
                text,
                cap,
                null_buf,
                null_len,
            } => t.fields(8, N, &[text, cap, null_buf, null_len]),
            Op::Parse { kind, text, null_out } => t.fields(9, N, &[kind, text, null_out]),
            Op::ParseIcd10 {
                text,
                cap,
                null_buf,
                null_len,
            } => t.fields(10, N, &[text, cap, null_buf, null_len]),
            Op::At {
                entity,
                index,
                null_out,
            } => t.fields(11, N, &[entity, index, null_out]),
            Op::Record {
                entity,
                value,
                null_out,
            } => t.fields(12, N, &[entity, value, null_out]),
            Op::FromKey { entity, text, null_out } => t.fields(13, N, &[entity, text, null_out]),
            Op::Find { entity, text, null_out } => t.fields(14, N, &[entity, text, null_out]),
            Op::GeneByNumber {
                by_id,
                n,
                index,
                null_out,
            } => t.fields(15, N, &[by_id, n, index, null_out]),
            Op::GeneBySymbol {
                disorders,
                text,
                null_out,
                null_len,
            } => t.fields(16, N, &[disorders, text, null_out, null_len]),
            Op::Vocabulary {
                vocabulary,
                value,
                index,
                key,
                null_out,
            } => t.fields(17, N, &[vocabulary, value, index, key, null_out]),
            Op::ClassValue { function, value, nulls } => t.fields(18, N, &[function, value, nulls]),
            Op::FrequencyFromPercent { percent, null_out } => t.fields(19, N, &[percent, null_out]),
            Op::Infallible { status } => t.fields(20, N, &[status]),
            Op::HpoTerm {
                how,
                text,
                id,
                index,
                null_out,
            } => t.fields(21, N, &[how, text, id, index, null_out]),
            Op::HpoWalk {
                ancestors,
                id,
                cap,
                null_buf,
                null_len,
            } => t.fields(22, N, &[ancestors, id, cap, null_buf, null_len]),
            Op::HpoIsA { id, ancestor, null_out } => t.fields(23, N, &[id, ancestor, null_out]),
            Op::Unit {
                vocabulary,
                unit,
                text,
                null_out,
            } => t.fields(24, N, &[vocabulary, unit, text, null_out]),
            Op::BloodCount(input) => (t.variant(25, N), input.encode(t)).0,
            Op::Differential(input) => (t.variant(26, N), input.encode(t)).0,
        }
    }
}

impl Encode for CBool {
    fn encode(&self, t: &mut Tape) {
        match *self {
            CBool::No => t.variant(0, 3),
            CBool::Yes => t.variant(1, 3),
            CBool::Byte(b) => (t.variant(2, 3), b.encode(t)).1,
        }
    }
}

impl Encode for CEnum {
    fn encode(&self, t: &mut Tape) {
        match *self {
            CEnum::Small(n) => (t.variant(0, 2), n.encode(t)).1,
            CEnum::Raw(n) => (t.variant(1, 2), n.encode(t)).1,
        }
    }
}

impl Encode for HpoArg {
    fn encode(&self, t: &mut Tape) {
        match *self {
            HpoArg::Raw(n) => (t.variant(0, 2), n.encode(t)).1,
            HpoArg::Term(i) => (t.variant(1, 2), i.encode(t)).1,
        }
    }
}

impl Encode for Cap {
    fn encode(&self, t: &mut Tape) {
        match *self {
            Cap::Null => t.variant(0, 4),
            Cap::Exact => t.variant(1, 4),
            Cap::Short(k) => (t.variant(2, 4), k.encode(t)).1,
            Cap::Extra(k) => (t.variant(3, 4), k.encode(t)).1,
        }
    }
}

impl Encode for CMeasurement {
    fn encode(&self, t: &mut Tape) {
        self.given.encode(t);
        self.value.encode(t);
        self.unit.encode(t);
    }
}

impl Encode for CBloodCount {
    fn encode(&self, t: &mut Tape) {
        for m in &self.measurements {
            m.encode(t);
        }
        self.sex.encode(t);
        self.pregnant.encode(t);
        self.criteria.encode(t);
        self.fits.encode(t);
        self.null_count.encode(t);
        self.null_out.encode(t);
    }
}

impl Encode for CTerm<'_> {
    fn encode(&self, t: &mut Tape) {
        match self {
            CTerm::Text(text) => (t.variant(0, 2), text.encode(t)).1,
            CTerm::Id(id) => (t.variant(1, 2), id.encode(t)).1,
        }
    }
}

impl Encode for CDifferential<'_> {
    fn encode(&self, t: &mut Tape) {
        self.observed.encode(t);
        self.excluded.encode(t);
        self.evidence.encode(t);
        self.onset.encode(t);
        self.onset_years_given.encode(t);
        self.onset_years.encode(t);
        self.sex.encode(t);
        self.strict.encode(t);
        for cap in &self.caps {
            cap.encode(t);
        }
        self.null_query.encode(t);
        self.null_out.encode(t);
    }
}

/// The seeds of a text target: (file name, bytes).
pub type Seeds = Vec<(String, Vec<u8>)>;

fn text_seeds(items: &[(&str, &[u8])]) -> Seeds {
    items
        .iter()
        .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
        .collect()
}

/// Names, synonyms, abbreviations, misspellings and hostile text for `lookup`.
pub fn lookup() -> Seeds {
    let long = "a".repeat(97);
    let over = "x".repeat(513);
    let mut seeds = text_seeds(&[
        ("name-fanconi", b"Fanconi anemia"),
        ("name-dba", b"Diamond-Blackfan anemia"),
        ("name-sds", b"Shwachman-Diamond syndrome"),
        ("name-dc", b"Dyskeratosis congenita"),
        ("name-aa", b"Aplastic anemia"),
        ("name-tar", b"Thrombocytopenia-absent radius syndrome"),
        ("name-pearson", b"Pearson syndrome"),
        ("name-kostmann", b"Kostmann syndrome"),
        ("name-cda", b"Congenital dyserythropoietic anemia"),
        ("name-rcc", b"Refractory cytopenia of childhood"),
        ("synonym-british", b"Blackfan-Diamond anaemia"),
        ("synonym-en-dash", "shwachman–bodian–diamond syndrome".as_bytes()),
        ("synonym-possessive", b"Fanconi's anaemia"),
        ("synonym-curly-apostrophe", "Kostmann’s disease".as_bytes()),
        ("synonym-hhs", b"Hoyeraal-Hreidarsson syndrome"),
        ("synonym-ak2", b"AK2 deficiency"),
        ("abbrev-fa", b"FA"),
        ("abbrev-monomac", b"MonoMAC"),
        ("abbrev-xlsa-slash", b"XLSA/A"),
        ("abbrev-cmds", b"cMDS-LB"),
        ("short-form", b"Kostmann"),
        ("misspelt-fanconni", b"fanconni anaemia"),
        ("misspelt-anemai", b"diamond blackfan anemai"),
        ("misspelt-schwachman", b"Schwachman Diamond"),
        ("fullwidth", "Ｆanconi ANÆMIA".as_bytes()),
        ("diacritics", "Fancóni anémia".as_bytes()),
        ("code-orpha", b"ORPHA:84"),
        ("code-omim", b"OMIM:227650"),
        ("code-icd10", b"D61.0"),
        ("gene", b"RPS19"),
        ("symptom", b"neutropenia"),
        ("empty", b""),
        ("punctuation-only", b" - '. "),
        ("nul-inside", b"Fan\0coni anemia"),
        ("invalid-utf8", b"Fanconi \xff\xfe anemia"),
        ("unknown", b"zzzz qqqq"),
    ]);
    seeds.push(("too-long-normalized".into(), long.into_bytes()));
    seeds.push(("too-long-raw".into(), over.into_bytes()));
    seeds
}

/// Identifiers in every accepted spelling, malformed ones, unknown and obsolete ones, for `codes`.
pub fn codes() -> Seeds {
    text_seeds(&[
        ("hpo-curie", b"HP:0001873"),
        ("hpo-underscore", b"hp_1873"),
        ("hpo-digits", b"0001873"),
        ("hpo-alt-id", b"HP:0000004"),
        ("hpo-obsolete", b"HP:0000489"),
        ("hpo-unknown", b"HP:9999999"),
        ("hpo-not-phenotype", b"HP:0000007"),
        ("hpo-root", b"HP:0000001"),
        ("hpo-absent-radius", b"HP:0003974"),
        ("hpo-malformed", b"HP:abc"),
        ("hpo-empty-number", b"HP:"),
        ("hpo-eight-digits", b"HP:12345678"),
        ("hpo-fullwidth", "HP:１８７３".as_bytes()),
        ("orpha-curie", b"ORPHA:84"),
        ("orpha-orphanet", b"Orphanet_84"),
        ("orpha-bare", b"ORPHA84"),
        ("orpha-number", b"84"),
        ("orpha-unknown", b"ORPHA:1"),
        ("omim-curie", b"OMIM:227650"),
        ("omim-mim", b"MIM#227650"),
        ("omim-hash", b"#105650"),
        ("omim-seven-digits", b"OMIM:2276500"),
        ("icd10-dotted", b"D61.0"),
        ("icd10-compact", b"d610"),
        ("icd10-prefixed", b"ICD10:D70"),
        ("icd10-short", b"D6"),
        ("icd10-double-dot", b"D61..0"),
        ("icd10-umlaut", "Ä61.0".as_bytes()),
        ("icd10-unknown", b"Z99.9"),
        ("gene-rps19", b"RPS19"),
        ("gene-spaces", b" fanca "),
        ("gene-unknown", b"NOTAGENE"),
        ("gene-too-long", b"ABCDEFGHIJKLMNOPQRSTUVWXY"),
        ("number-bytes", b"\x54\x00\x00\x00"),
        ("spaces", b"   "),
        ("invalid-utf8", b"HP:\xff0001873"),
    ])
}

fn n(hundredths: u16) -> Num {
    Num::Hundredths(hundredths)
}

fn w(whole: u16) -> Num {
    Num::Whole(whole)
}

const G_DL: u32 = 1;
const G_L: u32 = 2;
const MMOL_L: u32 = 3;
const GIGA_L: u32 = 1;
const PER_UL: u32 = 2;
const YEARS: u32 = 1;
const MONTHS: u32 = 2;
const DAYS: u32 = 4;
const FEMALE: u32 = 1;
const MALE: u32 = 2;

fn count() -> blood_count::Input {
    blood_count::Input {
        hemoglobin: None,
        mcv: None,
        neutrophils: None,
        lymphocytes: None,
        monocytes: None,
        platelets: None,
        reticulocytes: Vec::new(),
        red_cell_count: None,
        cellularity: None,
        residual: None,
        age: None,
        sex: None,
        pregnant: false,
        criteria: 1,
    }
}

/// Blood counts: a severe aplastic anaemia (the documented example), other units, infants, pregnancy, boundaries and
/// impossible values, for `blood_count`.
pub fn blood_count() -> Vec<(String, blood_count::Input)> {
    let saa = blood_count::Input {
        hemoglobin: Some((n(720), G_DL)),
        neutrophils: Some((n(30), GIGA_L)),
        platelets: Some((w(15), GIGA_L)),
        reticulocytes: vec![Retic::Absolute(w(12), GIGA_L)],
        cellularity: Some(w(15)),
        age: Some((w(34), YEARS)),
        sex: Some(FEMALE),
        ..count()
    };
    let mut seeds = aplastic_counts(&saa);
    seeds.extend(clinical_counts());
    seeds.extend(unusable_counts());
    seeds
        .into_iter()
        .map(|(name, input)| (name.to_string(), input))
        .collect()
}

/// The severe aplastic anaemia in other units, another grading and with a partial cellularity.
fn aplastic_counts(saa: &blood_count::Input) -> Vec<(&'static str, blood_count::Input)> {
    vec![
        ("severe-aplastic-anemia", saa.clone()),
        (
            "severe-aplastic-anemia-other-units",
            blood_count::Input {
                hemoglobin: Some((w(72), G_L)),
                neutrophils: Some((w(300), PER_UL)),
                platelets: Some((w(15000), PER_UL)),
                ..saa.clone()
            },
        ),
        (
            "very-severe-bsh",
            blood_count::Input {
                neutrophils: Some((n(10), GIGA_L)),
                reticulocytes: vec![Retic::Absolute(w(50), GIGA_L)],
                criteria: 2,
                ..saa.clone()
            },
        ),
        (
            "partial-cellularity",
            blood_count::Input {
                cellularity: Some(w(40)),
                residual: Some(w(20)),
                ..saa.clone()
            },
        ),
    ]
}

/// Other usable blood counts: macrocytosis, infants, children, reticulocytes given as a percentage, pregnancy
/// and the reference boundaries.
fn clinical_counts() -> Vec<(&'static str, blood_count::Input)> {
    vec![
        (
            "macrocytic-man-mmol",
            blood_count::Input {
                hemoglobin: Some((n(450), MMOL_L)),
                mcv: Some(w(104)),
                platelets: Some((w(90), GIGA_L)),
                age: Some((w(60), YEARS)),
                sex: Some(MALE),
                ..count()
            },
        ),
        (
            "infant-3-months",
            blood_count::Input {
                hemoglobin: Some((n(900), G_DL)),
                mcv: Some(w(95)),
                neutrophils: Some((n(80), GIGA_L)),
                age: Some((w(3), MONTHS)),
                ..count()
            },
        ),
        (
            "newborn-2-days",
            blood_count::Input {
                hemoglobin: Some((n(1400), G_DL)),
                mcv: Some(w(110)),
                age: Some((w(2), DAYS)),
                ..count()
            },
        ),
        (
            "child-8-years",
            blood_count::Input {
                hemoglobin: Some((n(1120), G_DL)),
                platelets: Some((w(140), GIGA_L)),
                neutrophils: Some((n(140), GIGA_L)),
                age: Some((w(8), YEARS)),
                sex: Some(MALE),
                ..count()
            },
        ),
        (
            "reticulocyte-percent",
            blood_count::Input {
                reticulocytes: vec![Retic::Percent(n(50))],
                red_cell_count: Some(n(240)),
                ..count()
            },
        ),
        (
            "reticulocyte-percent-without-rbc",
            blood_count::Input {
                reticulocytes: vec![Retic::Absolute(w(30), GIGA_L), Retic::Percent(n(150))],
                ..count()
            },
        ),
        (
            "pregnant",
            blood_count::Input {
                hemoglobin: Some((n(1050), G_DL)),
                sex: Some(FEMALE),
                pregnant: true,
                age: Some((w(28), YEARS)),
                ..count()
            },
        ),
        (
            "pregnant-male",
            blood_count::Input {
                sex: Some(MALE),
                pregnant: true,
                ..count()
            },
        ),
        (
            "boundaries",
            blood_count::Input {
                hemoglobin: Some((n(1100), G_DL)),
                neutrophils: Some((n(150), GIGA_L)),
                platelets: Some((w(150), GIGA_L)),
                lymphocytes: Some((w(1), GIGA_L)),
                monocytes: Some((n(20), GIGA_L)),
                age: Some((w(18), YEARS)),
                sex: Some(FEMALE),
                ..count()
            },
        ),
    ]
}

/// Impossible values, unknown units and the empty count.
fn unusable_counts() -> Vec<(&'static str, blood_count::Input)> {
    vec![
        (
            "nan-hemoglobin",
            blood_count::Input {
                hemoglobin: Some((Num::Special(2), G_DL)),
                ..count()
            },
        ),
        (
            "negative-platelets",
            blood_count::Input {
                platelets: Some((Num::Negative(500), GIGA_L)),
                ..count()
            },
        ),
        (
            "impossible-hemoglobin",
            blood_count::Input {
                hemoglobin: Some((w(30), G_DL)),
                ..count()
            },
        ),
        (
            "infinite-age",
            blood_count::Input {
                age: Some((Num::Special(3), YEARS)),
                ..count()
            },
        ),
        (
            "age-131",
            blood_count::Input {
                age: Some((w(131), YEARS)),
                ..count()
            },
        ),
        (
            "negative-zero-neutrophils",
            blood_count::Input {
                neutrophils: Some((Num::Special(1), GIGA_L)),
                ..count()
            },
        ),
        (
            "invalid-units",
            blood_count::Input {
                hemoglobin: Some((n(700), 0)),
                platelets: Some((w(20), 99)),
                sex: Some(3),
                criteria: 7,
                ..count()
            },
        ),
        (
            "mcv-bounds",
            blood_count::Input {
                mcv: Some(w(29)),
                ..count()
            },
        ),
        ("empty", count()),
    ]
}

fn query<'a>() -> differential::Input<'a> {
    differential::Input {
        observed: Vec::new(),
        excluded: Vec::new(),
        onset: None,
        sex: None,
        evidence: Vec::new(),
        strict_first: false,
    }
}

/// Differential queries: the documented examples, one per disorder from its own profile, and every kind of
/// unusable input, for `differential`.
pub fn differential() -> Vec<(String, differential::Input<'static>)> {
    let mut seeds = vec![
        (
            "tar".to_string(),
            differential::Input {
                observed: vec![TermArg::Text("HP:0001873"), TermArg::Text("HP:0003974")],
                excluded: vec![TermArg::Text("HP:0009777")],
                onset: Some(OnsetArg::Years(w(0))),
                sex: Some(FEMALE),
                ..query()
            },
        ),
        (
            "sds".to_string(),
            differential::Input {
                observed: vec![TermArg::Id(1738), TermArg::Id(1875), TermArg::Id(100255)],
                ..query()
            },
        ),
        (
            "symptoms".to_string(),
            differential::Input {
                observed: vec![TermArg::Symptom(37), TermArg::Symptom(15), TermArg::Index(1000)],
                onset: Some(OnsetArg::Class(4)),
                sex: Some(MALE),
                ..query()
            },
        ),
        (
            "unusable-inputs".to_string(),
            differential::Input {
                observed: vec![
                    TermArg::Text("HP:000187x"),
                    TermArg::Text("HP:9999999"),
                    TermArg::Text("HP:0000004"),
                    TermArg::Text("HP:0000489"),
                    TermArg::Text("HP:0000007"),
                    TermArg::Text("HP:0001873"),
                    TermArg::Text("hp_1873"),
                ],
                excluded: vec![TermArg::Id(1873), TermArg::Text("")],
                ..query()
            },
        ),
        (
            "strict-first".to_string(),
            differential::Input {
                observed: vec![TermArg::Text("HP:0001873"), TermArg::Text("nonsense")],
                strict_first: true,
                ..query()
            },
        ),
        (
            "evidence".to_string(),
            differential::Input {
                evidence: vec![(4, w(100)), (4, Num::Special(2)), (7, n(1))],
                ..query()
            },
        ),
        (
            "invalid-onset".to_string(),
            differential::Input {
                observed: vec![TermArg::Text("HP:0001873")],
                onset: Some(OnsetArg::Years(Num::Negative(100))),
                sex: Some(9),
                ..query()
            },
        ),
        ("empty".to_string(), query()),
    ];
    for d in 0..20u8 {
        seeds.push((
            format!("profile-{d:02}"),
            differential::Input {
                observed: vec![TermArg::Profile(d, 0), TermArg::Profile(d, 1), TermArg::Profile(d, 2)],
                excluded: vec![TermArg::Profile(d.wrapping_add(1) % 20, 0)],
                onset: Some(OnsetArg::Class(u32::from(d % 6) + 1)),
                ..query()
            },
        ));
    }
    seeds
}

fn text(bytes: &'static [u8]) -> Text<'static> {
    Text {
        bytes,
        mode: Mode::Exact,
    }
}

fn text_in(bytes: &'static [u8], mode: Mode) -> Text<'static> {
    Text { bytes, mode }
}

/// Sequences of C calls: look-ups in every text mode, batches, codes, records, vocabularies, small
/// buffers and NULL pointers, for `ffi`.
pub fn ffi() -> Vec<(String, Vec<Op<'static>>)> {
    [
        ffi_lookups(),
        ffi_batches(),
        ffi_codes(),
        ffi_records(),
        ffi_vocabularies(),
        ffi_hpo_and_units(),
        ffi_analyses(),
    ]
    .into_iter()
    .flatten()
    .map(|(name, ops)| (name.to_string(), ops))
    .collect()
}

/// Look-ups, suggestions, resolution and search in every text mode.
fn ffi_lookups() -> Vec<(&'static str, Vec<Op<'static>>)> {
    vec![
        (
            "lookup-modes",
            vec![
                Op::Lookup {
                    text: text(b"Fanconi anemia"),
                    suggestions: true,
                    null_out: false,
                },
                Op::Lookup {
                    text: text_in(b"fanconni", Mode::NulTerminated),
                    suggestions: true,
                    null_out: false,
                },
                Op::Lookup {
                    text: text_in(b"DBA", Mode::Null),
                    suggestions: true,
                    null_out: false,
                },
                Op::Lookup {
                    text: text(b"DBA"),
                    suggestions: false,
                    null_out: true,
                },
            ],
        ),
        (
            "hostile-text",
            vec![
                Op::Lookup {
                    text: text_in(b"Fanconi", Mode::Unterminated),
                    suggestions: false,
                    null_out: false,
                },
                Op::Lookup {
                    text: text_in(b"Fanconi", Mode::Huge(2)),
                    suggestions: true,
                    null_out: false,
                },
                Op::Lookup {
                    text: text_in("Fanconi anémia".as_bytes(), Mode::Prefix(7)),
                    suggestions: true,
                    null_out: false,
                },
                Op::Resolve {
                    text: text(b"Fan\xffconi"),
                    suggestions: true,
                    null_out: false,
                },
                Op::Resolve {
                    text: text_in(b"FA\0garbage", Mode::NulTerminated),
                    suggestions: false,
                    null_out: false,
                },
            ],
        ),
        (
            "suggest-resolve-search",
            vec![
                Op::Suggest {
                    text: text(b"diamond blackfan anemai"),
                    null_out: false,
                },
                Op::Resolve {
                    text: text(b"ORPHA:84"),
                    suggestions: true,
                    null_out: false,
                },
                Op::Search {
                    text: text(b"neutropenia"),
                    cap: 3,
                    null_buf: false,
                    null_len: false,
                },
                Op::Search {
                    text: text(b"RPS19"),
                    cap: 40,
                    null_buf: false,
                    null_len: false,
                },
                Op::Search {
                    text: text(b"FA"),
                    cap: 0,
                    null_buf: true,
                    null_len: false,
                },
            ],
        ),
    ]
}

/// Batches of look-ups, with and without lengths, an impossible count and NULL names.
fn ffi_batches() -> Vec<(&'static str, Vec<Op<'static>>)> {
    vec![
        (
            "lookup-many",
            vec![Op::LookupMany(Batch {
                names: vec![
                    text(b"FA"),
                    text_in(b"fanconni", Mode::NulTerminated),
                    text_in(b"", Mode::Null),
                    text(b"\xc3"),
                ],
                lens: true,
                statuses: true,
                suggestions: true,
                found: true,
                null_names: false,
                null_out: false,
                huge_n: false,
            })],
        ),
        (
            "lookup-many-nul-terminated",
            vec![
                Op::LookupMany(Batch {
                    names: vec![text(b"DBA"), text(b"Pearson syndrome")],
                    lens: false,
                    statuses: true,
                    suggestions: false,
                    found: true,
                    null_names: false,
                    null_out: false,
                    huge_n: false,
                }),
                Op::LookupMany(Batch {
                    names: vec![text(b"DBA")],
                    lens: true,
                    statuses: false,
                    suggestions: false,
                    found: false,
                    null_names: false,
                    null_out: false,
                    huge_n: true,
                }),
                Op::LookupMany(Batch {
                    names: vec![text(b"DBA")],
                    lens: true,
                    statuses: true,
                    suggestions: false,
                    found: true,
                    null_names: true,
                    null_out: false,
                    huge_n: false,
                }),
            ],
        ),
    ]
}

/// Codes and cross-references, and the id and ICD-10 parsers with small buffers.
fn ffi_codes() -> Vec<(&'static str, Vec<Op<'static>>)> {
    vec![
        (
            "codes",
            vec![
                Op::FromCode {
                    kind: 0,
                    text: text(b"ORPHA:84"),
                    null_out: false,
                },
                Op::FromCode {
                    kind: 1,
                    text: text(b"OMIM:2276500"),
                    null_out: false,
                },
                Op::FromCode {
                    kind: 2,
                    text: text(b"HP:0001873"),
                    null_out: false,
                },
                Op::FromNumber {
                    kind: 1,
                    id: 105650,
                    null_out: false,
                },
                Op::FromNumber {
                    kind: 0,
                    id: 1,
                    null_out: false,
                },
                Op::LinksForId {
                    omim: false,
                    id: 84,
                    cap: 0,
                    null_buf: true,
                    null_len: false,
                },
                Op::LinksForIcd10 {
                    text: text(b"D61.0"),
                    cap: 1,
                    null_buf: false,
                    null_len: false,
                },
            ],
        ),
        (
            "parsers",
            vec![
                Op::Parse {
                    kind: 0,
                    text: text(b"hp_1873"),
                    null_out: false,
                },
                Op::Parse {
                    kind: 1,
                    text: text(b"Orphanet:84"),
                    null_out: false,
                },
                Op::Parse {
                    kind: 2,
                    text: text(b"#227650x"),
                    null_out: false,
                },
                Op::ParseIcd10 {
                    text: text(b"d610"),
                    cap: 5,
                    null_buf: false,
                    null_len: false,
                },
                Op::ParseIcd10 {
                    text: text(b"d610"),
                    cap: 6,
                    null_buf: false,
                    null_len: false,
                },
                Op::ParseIcd10 {
                    text: text(b"D70"),
                    cap: 0,
                    null_buf: true,
                    null_len: false,
                },
            ],
        ),
    ]
}

/// Entity records and genes by index, key, name, number and symbol.
fn ffi_records() -> Vec<(&'static str, Vec<Op<'static>>)> {
    vec![
        (
            "records",
            vec![
                Op::At {
                    entity: Entity::Disorder,
                    index: 19,
                    null_out: false,
                },
                Op::At {
                    entity: Entity::Symptom,
                    index: usize::MAX,
                    null_out: false,
                },
                Op::Record {
                    entity: Entity::Disorder,
                    value: 1,
                    null_out: false,
                },
                Op::Record {
                    entity: Entity::Source,
                    value: 0,
                    null_out: false,
                },
                Op::Record {
                    entity: Entity::Treatment,
                    value: 999,
                    null_out: false,
                },
                Op::FromKey {
                    entity: Entity::Disorder,
                    text: text(b"fanconi_anemia"),
                    null_out: false,
                },
                Op::Find {
                    entity: Entity::Symptom,
                    text: text(b"Nose bleeds"),
                    null_out: false,
                },
            ],
        ),
        (
            "genes",
            vec![
                Op::GeneBySymbol {
                    disorders: false,
                    text: text(b" rps19 "),
                    null_out: false,
                    null_len: false,
                },
                Op::GeneBySymbol {
                    disorders: true,
                    text: text(b"FANCA"),
                    null_out: false,
                    null_len: false,
                },
                Op::GeneByNumber {
                    by_id: true,
                    n: 6223,
                    index: 0,
                    null_out: false,
                },
                Op::GeneByNumber {
                    by_id: false,
                    n: 0,
                    index: 1 << 40,
                    null_out: false,
                },
            ],
        ),
    ]
}

/// Vocabularies, class values, frequencies and status messages.
fn ffi_vocabularies() -> Vec<(&'static str, Vec<Op<'static>>)> {
    vec![
        (
            "vocabularies",
            vec![
                Op::Vocabulary {
                    vocabulary: 3,
                    value: 1,
                    index: 0,
                    key: text(b"autosomal_recessive"),
                    null_out: false,
                },
                Op::Vocabulary {
                    vocabulary: 11,
                    value: 0,
                    index: 99,
                    key: text(b"adult"),
                    null_out: false,
                },
                Op::ClassValue {
                    function: 0,
                    value: 8,
                    nulls: 0,
                },
                Op::ClassValue {
                    function: 2,
                    value: 6,
                    nulls: 0,
                },
                Op::ClassValue {
                    function: 4,
                    value: 0,
                    nulls: 0b101,
                },
                Op::FrequencyFromPercent {
                    percent: w(50),
                    null_out: false,
                },
                Op::FrequencyFromPercent {
                    percent: Num::Special(2),
                    null_out: false,
                },
            ],
        ),
        (
            "status-messages",
            vec![
                Op::Infallible { status: 0 },
                Op::Infallible { status: 11 },
                Op::Infallible { status: 12 },
                Op::Infallible { status: u32::MAX },
            ],
        ),
    ]
}

/// HPO terms, walks and `is_a`, and units.
fn ffi_hpo_and_units() -> Vec<(&'static str, Vec<Op<'static>>)> {
    vec![(
        "hpo-and-units",
        vec![
            Op::HpoTerm {
                how: 0,
                text: text(b"HP:0000004"),
                id: HpoArg::Raw(0),
                index: 0,
                null_out: false,
            },
            Op::HpoTerm {
                how: 1,
                text: text(b""),
                id: HpoArg::Raw(489),
                index: 0,
                null_out: false,
            },
            Op::HpoTerm {
                how: 2,
                text: text(b""),
                id: HpoArg::Raw(0),
                index: 5,
                null_out: false,
            },
            Op::HpoWalk {
                ancestors: true,
                id: HpoArg::Raw(3974),
                cap: 3,
                null_buf: false,
                null_len: false,
            },
            Op::HpoWalk {
                ancestors: false,
                id: HpoArg::Term(100),
                cap: 10,
                null_buf: false,
                null_len: false,
            },
            Op::HpoIsA {
                id: HpoArg::Raw(1873),
                ancestor: HpoArg::Raw(1872),
                null_out: false,
            },
            Op::Unit {
                vocabulary: CEnum::Small(2),
                unit: CEnum::Small(2),
                text: text(b"g/L"),
                null_out: false,
            },
            Op::Unit {
                vocabulary: CEnum::Small(3),
                unit: CEnum::Raw(9),
                text: text("cells/µL".as_bytes()),
                null_out: false,
            },
        ],
    )]
}

/// Blood counts and differentials, accepted and rejected.
fn ffi_analyses() -> Vec<(&'static str, Vec<Op<'static>>)> {
    vec![
        ("blood-count-saa", vec![Op::BloodCount(Box::new(c_saa()))]),
        (
            "blood-count-rejected",
            vec![
                Op::BloodCount(Box::new(CBloodCount {
                    measurements: {
                        let mut m = [absent(); 12];
                        m[0] = given(Num::Special(2), 1);
                        m
                    },
                    fits: Cap::Short(0),
                    ..c_saa()
                })),
                Op::BloodCount(Box::new(CBloodCount {
                    measurements: {
                        let mut m = c_saa().measurements;
                        m[3].given = CBool::Byte(7);
                        m
                    },
                    ..c_saa()
                })),
                Op::BloodCount(Box::new(CBloodCount {
                    sex: CEnum::Small(2),
                    pregnant: CBool::Yes,
                    criteria: CEnum::Raw(3),
                    ..c_saa()
                })),
            ],
        ),
        (
            "differential-tar",
            vec![Op::Differential(Box::new(CDifferential {
                observed: vec![CTerm::Text(text(b"HP:0001873")), CTerm::Id(HpoArg::Raw(3974))],
                excluded: vec![CTerm::Id(HpoArg::Raw(9777))],
                evidence: vec![(CEnum::Raw(20), w(3))],
                onset: CEnum::Small(0),
                onset_years_given: CBool::Yes,
                onset_years: w(0),
                sex: CEnum::Small(1),
                strict: CBool::No,
                caps: [Cap::Exact; 5],
                null_query: false,
                null_out: false,
            }))],
        ),
        (
            "differential-hostile",
            vec![
                Op::Differential(Box::new(CDifferential {
                    observed: vec![CTerm::Text(text(b"HP:000187x")), CTerm::Text(text_in(b"", Mode::Null))],
                    excluded: vec![CTerm::Id(HpoArg::Raw(489))],
                    evidence: vec![(CEnum::Small(1), Num::Special(2))],
                    onset: CEnum::Small(6),
                    onset_years_given: CBool::No,
                    onset_years: w(0),
                    sex: CEnum::Small(2),
                    strict: CBool::Yes,
                    caps: [Cap::Exact, Cap::Short(0), Cap::Null, Cap::Extra(3), Cap::Exact],
                    null_query: false,
                    null_out: false,
                })),
                Op::Differential(Box::new(CDifferential {
                    observed: vec![CTerm::Text(text(b"HP:\xff"))],
                    excluded: vec![],
                    evidence: vec![],
                    onset: CEnum::Small(3),
                    onset_years_given: CBool::Byte(2),
                    onset_years: w(0),
                    sex: CEnum::Raw(7),
                    strict: CBool::No,
                    caps: [Cap::Null; 5],
                    null_query: false,
                    null_out: false,
                })),
            ],
        ),
    ]
}

fn absent() -> CMeasurement {
    CMeasurement {
        given: CBool::No,
        value: w(0),
        unit: CEnum::Small(0),
    }
}

fn given(value: Num, unit: u8) -> CMeasurement {
    CMeasurement {
        given: CBool::Yes,
        value,
        unit: CEnum::Small(unit),
    }
}

/// The documented severe aplastic anaemia example as an `MkbBloodCount`.
fn c_saa() -> CBloodCount {
    let mut m = [absent(); 12];
    m[0] = given(n(720), 1);
    m[2] = given(n(30), 1);
    m[5] = given(w(15), 1);
    m[6] = given(w(12), 1);
    m[9] = given(w(15), 0);
    m[11] = given(w(34), 1);
    CBloodCount {
        measurements: m,
        sex: CEnum::Small(1),
        pregnant: CBool::No,
        criteria: CEnum::Small(0),
        fits: Cap::Exact,
        null_count: false,
        null_out: false,
    }
}

/// Every seed of every target, encoded: (target, file name, bytes).
pub fn all() -> Vec<(&'static str, String, Vec<u8>)> {
    let mut out = Vec::new();
    for (name, bytes) in lookup() {
        out.push(("lookup", name, bytes));
    }
    for (name, bytes) in codes() {
        out.push(("codes", name, bytes));
    }
    for (name, input) in blood_count() {
        out.push(("blood_count", name, encode(&input)));
    }
    for (name, input) in differential() {
        out.push(("differential", name, encode(&input)));
    }
    for (name, ops) in ffi() {
        out.push(("ffi", name, encode(&ops)));
    }
    out
}
