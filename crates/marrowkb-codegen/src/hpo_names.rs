//! HPO term names and synonyms (`data/derived/hpo_synonyms.tsv`): the synonym tables behind `Term::synonyms`
//! and the normalized text → term map behind `marrowkb::finding`.
//!
//! Which texts map (the rule, applied to every term of the release):
//! 1. A term's **label** always resolves to that term (labels are unique once normalized; checked here).
//! 2. Otherwise its **exact** synonyms and its **layperson** synonyms (whatever their scope: HPO marks
//!    some lay words broad or narrow, e.g. "Bruises easily") resolve to it.
//! 3. Otherwise its **related, broad and narrow** synonyms resolve to it.
//!
//! A text that, at the first of these levels where it occurs, points at several terms maps to none of them:
//! it is recorded as ambiguous with its candidates, so a look-up reports it instead of picking one. Synonyms
//! HPO itself discards (`obsolete_synonym`) and the allelic-requirement codes (`HP:0034334` type) are not
//! names of the term and are left out; texts whose normalized form is empty or over the normalizer's limit
//! cannot be looked up and are not mapped (they are still listed among the term's synonyms).
//!
//! The map stores no keys: a slot holds the id of one text (a label or a synonym), and the look-up confirms a
//! hit by normalizing that text and comparing (ambiguous entries keep their normalized key in a small table).
//! That keeps the binary small (no second copy of 40 000 strings) at the cost of one normalization per hit.

use crate::emit::{BANNER, lit, static_array};
use crate::ontology::{Ontology, parse_u32, tsv_rows};
use crate::{Error, GeneratedFile, Result};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The most terms one ambiguous text may point at (the run-time error holds them in a fixed array).
pub const MAX_CANDIDATES: usize = 4;

/// Bit 31 of a slot value: the value is an index into the ambiguous table, not a text id.
const AMBIGUOUS: u32 = 1 << 31;

/// One synonym kept for a term.
struct Synonym {
    term: u16,
    /// `scope | type << 2` (see [`scope_code`] and [`type_code`]).
    kind: u8,
    text: String,
}

/// Scope codes, as the run-time `SynonymScope` discriminants minus one.
fn scope_code(scope: &str) -> Option<u8> {
    Some(match scope {
        "exact" => 0,
        "related" => 1,
        "broad" => 2,
        "narrow" => 3,
        _ => return None,
    })
}

/// Synonym type codes (0: none); `None` for types that are not names of the term (left out).
fn type_code(kind: &str) -> Option<Option<u8>> {
    Some(Some(match kind {
        "" => 0,
        "layperson" => 1,
        "abbreviation" => 2,
        "uk_spelling" => 3,
        "plural_form" => 4,
        "obsolete_synonym" | "HP:0034334" => return Some(None),
        _ => return None,
    }))
}

/// The texts, values and ambiguous entries of the text map.
type TextMap<'a> = (Vec<&'a str>, Vec<u32>, Vec<(&'a str, Vec<u16>)>);

/// The synonym extract.
const SYNONYMS_FILE: &str = "derived/hpo_synonyms.tsv";

/// Emits `hpo_names.rs`. `index` is the term index by term number (the topological order of `hpo_terms.rs`).
///
/// # Errors
/// Bad derived data, two labels that normalize alike, or a text with more than [`MAX_CANDIDATES`] terms.
pub fn emit(data_dir: &Path, ontology: &Ontology, index: &BTreeMap<u32, u16>) -> Result<GeneratedFile> {
    let synonyms = load_synonyms(data_dir, index)?;
    let n = index.len();
    let ids_by_index: Vec<u32> = {
        let mut v = vec![0u32; n];
        for (id, i) in index {
            v[usize::from(*i)] = *id;
        }
        v
    };
    let by_key = texts_by_key(ontology, &ids_by_index, &synonyms);
    let (keys, values, ambiguous) = resolve_texts(&by_key, &ids_by_index)?;
    let state = phf_generator::generate_hash(&keys.iter().map(|k| k.as_bytes()).collect::<Vec<_>>());

    let mut o = String::from(BANNER);
    let _ = writeln!(
        o,
        "//! HPO {} term synonyms and the normalized name/synonym → term map (see",
        ontology.release
    );
    o.push_str("//! `crates/marrowkb-codegen/src/hpo_names.rs` for which texts map).\n\n");
    write_synonyms(&mut o, &synonyms, n);
    write_text_map(&mut o, &state, &values, n);
    write_ambiguous(&mut o, &ambiguous);
    Ok(GeneratedFile {
        target: crate::Target::Core,
        name: "hpo_names.rs".into(),
        contents: o,
    })
}

/// An error in `derived/hpo_synonyms.tsv` or in the texts it maps.
fn invalid(record: String, message: String) -> Error {
    Error::Invalid {
        file: SYNONYMS_FILE.into(),
        record,
        message,
    }
}

/// The synonyms of `derived/hpo_synonyms.tsv` (those of a type the look-up uses), grouped by term index, each
/// term's in file order.
fn load_synonyms(data_dir: &Path, index: &BTreeMap<u32, u16>) -> Result<Vec<Synonym>> {
    let file = SYNONYMS_FILE;
    let text = crate::read(&data_dir.join(file))?;
    let mut synonyms: Vec<Synonym> = Vec::new();
    for row in tsv_rows(file, &text, 4) {
        let (line, cols) = row?;
        let id = parse_u32(file, line, cols[0])?;
        let term = *index
            .get(&id)
            .ok_or_else(|| invalid(format!("line {line}"), format!("HP:{id:07} is not a current term")))?;
        let scope = scope_code(cols[1])
            .ok_or_else(|| invalid(format!("line {line}"), format!("unknown synonym scope {:?}", cols[1])))?;
        let kind = type_code(cols[2])
            .ok_or_else(|| invalid(format!("line {line}"), format!("unknown synonym type {:?}", cols[2])))?;
        let Some(kind) = kind else { continue };
        if cols[3].is_empty() {
            return Err(invalid(format!("line {line}"), "empty synonym".into()));
        }
        synonyms.push(Synonym {
            term,
            kind: scope | kind << 2,
            text: cols[3].to_owned(),
        });
    }
    // Grouped by term index, each term's synonyms in file order.
    synonyms.sort_by_key(|s| s.term);
    if synonyms.len() >= usize::from(u16::MAX) {
        return Err(invalid(
            "synonyms".into(),
            "more synonyms than a u16 offset can hold".into(),
        ));
    }
    Ok(synonyms)
}

/// Every normalized text with the (term, text id) pairs it comes from, by level.
fn texts_by_key(
    ontology: &Ontology,
    ids_by_index: &[u32],
    synonyms: &[Synonym],
) -> BTreeMap<String, [Vec<(u16, u32)>; 3]> {
    let n = ids_by_index.len();
    // Text ids: 0..n are labels (by term index), n.. are synonyms (by position above).
    // Level of each text: 0 label, 1 exact or layperson synonym, 2 related, broad or narrow synonym.
    let mut by_key: BTreeMap<String, [Vec<(u16, u32)>; 3]> = BTreeMap::new();
    for (i, id) in ids_by_index.iter().enumerate() {
        let name = &ontology.terms[id].name;
        if let Ok(key) = marrowkb_normalize::normalize(name) {
            by_key.entry(key.as_str().to_owned()).or_default()[0].push((i as u16, i as u32));
        }
    }
    for (s, syn) in synonyms.iter().enumerate() {
        let Ok(key) = marrowkb_normalize::normalize(&syn.text) else {
            continue;
        };
        let scope = syn.kind & 3;
        let lay = syn.kind >> 2 == 1;
        let level = if scope == 0 || lay { 1 } else { 2 };
        by_key.entry(key.as_str().to_owned()).or_default()[level].push((syn.term, (n + s) as u32));
    }

    by_key
}

/// One value per key: a text id, or an ambiguous entry (bit 31 and an index into the ambiguous list).
fn resolve_texts<'a>(by_key: &'a BTreeMap<String, [Vec<(u16, u32)>; 3]>, ids_by_index: &[u32]) -> Result<TextMap<'a>> {
    let mut keys: Vec<&str> = Vec::with_capacity(by_key.len());
    let mut values: Vec<u32> = Vec::with_capacity(by_key.len());
    let mut ambiguous: Vec<(&str, Vec<u16>)> = Vec::new();
    for (key, levels) in by_key {
        let Some(texts) = levels.iter().find(|l| !l.is_empty()) else {
            continue;
        };
        let mut terms: Vec<u16> = texts.iter().map(|(t, _)| *t).collect();
        terms.sort_by_key(|t| ids_by_index[usize::from(*t)]);
        terms.dedup();
        if levels[0].len() > 1 {
            return Err(invalid(
                key.clone(),
                format!("labels of {} terms normalize alike", levels[0].len()),
            ));
        }
        keys.push(key);
        if let [_] = terms[..] {
            values.push(texts[0].1);
        } else {
            if terms.len() > MAX_CANDIDATES {
                return Err(invalid(
                    key.clone(),
                    format!("points at {} terms, more than {MAX_CANDIDATES}", terms.len()),
                ));
            }
            values.push(AMBIGUOUS | ambiguous.len() as u32);
            ambiguous.push((key, terms));
        }
    }
    Ok((keys, values, ambiguous))
}

/// The synonym start offsets, kinds, end offsets and texts.
fn write_synonyms(o: &mut String, synonyms: &[Synonym], n: usize) {
    let s = synonyms.len();
    let mut starts = Vec::with_capacity(n + 1);
    let mut at = 0usize;
    for i in 0..n {
        while synonyms.get(at).is_some_and(|syn| usize::from(syn.term) < i) {
            at += 1;
        }
        starts.push(at);
    }
    starts.push(s);
    static_array(
        o,
        "Where each term's synonyms start in the synonym tables, by term index (term `i` has synonyms `HPO_SYNONYM_STARTS[i]..HPO_SYNONYM_STARTS[i + 1]`).",
        "HPO_SYNONYM_STARTS",
        "u16",
        &starts,
        20,
    );
    o.push('\n');
    static_array(
        o,
        "Per synonym: scope (bits 0-1: exact, related, broad, narrow) and type (bits 2-4: none, layperson, abbreviation, uk_spelling, plural_form).",
        "HPO_SYNONYM_KINDS",
        "u8",
        synonyms.iter().map(|syn| syn.kind),
        30,
    );
    o.push('\n');
    let mut ends = Vec::with_capacity(s);
    let mut total = 0usize;
    for syn in synonyms {
        total += syn.text.len();
        ends.push(total);
    }
    static_array(
        o,
        "Where each synonym ends in [`HPO_SYNONYM_TEXTS`] (it starts where the previous one ends).",
        "HPO_SYNONYM_ENDS",
        "u32",
        &ends,
        16,
    );
    o.push('\n');
    o.push_str("/// Every synonym, concatenated in order.\npub(crate) static HPO_SYNONYM_TEXTS: &str = concat!(\n");
    for syn in synonyms {
        let _ = writeln!(o, "    {},", lit(&syn.text));
    }
    o.push_str(");\n\n");
}

/// The phf text map: hash key, displacements and slots.
fn write_text_map(o: &mut String, state: &phf_generator::HashState, values: &[u32], n: usize) {
    let _ = writeln!(
        o,
        "/// The hash key of the text map (phf 0.14 hashing of the normalized text's bytes).\npub(crate) const HPO_TEXT_HASH_KEY: u64 = {};",
        state.key
    );
    static_array(
        o,
        "The text map's displacements.",
        "HPO_TEXT_DISPS",
        "(u32, u32)",
        state.disps.iter().map(|(a, b)| format!("({a}, {b})")),
        8,
    );
    o.push('\n');
    static_array(
        o,
        &format!(
            "The text map's slots: a text id (below {n}: a term's label by index; from {n}: synonym `id - {n}`), or bit 31 and an index into [`HPO_AMBIGUOUS_STARTS`]. A hit is confirmed by normalizing the text."
        ),
        "HPO_TEXT_SLOTS",
        "u32",
        state.map.iter().map(|&k| values[k]),
        12,
    );
    o.push('\n');
}

/// The ambiguous texts: their keys and candidate terms.
fn write_ambiguous(o: &mut String, ambiguous: &[(&str, Vec<u16>)]) {
    let a = ambiguous.len();
    let mut key_ends = Vec::with_capacity(a);
    let mut term_starts = vec![0usize];
    let mut total = 0usize;
    for (key, terms) in ambiguous {
        total += key.len();
        key_ends.push(total);
        term_starts.push(term_starts[term_starts.len() - 1] + terms.len());
    }
    static_array(
        o,
        "Ambiguous texts: where each one's normalized key ends in [`HPO_AMBIGUOUS_KEYS`].",
        "HPO_AMBIGUOUS_KEY_ENDS",
        "u32",
        &key_ends,
        16,
    );
    o.push('\n');
    let _ = writeln!(
        o,
        "/// Ambiguous texts' normalized keys, concatenated.\npub(crate) static HPO_AMBIGUOUS_KEYS: &str = {};\n",
        lit(&ambiguous.iter().map(|(k, _)| *k).collect::<String>())
    );
    static_array(
        o,
        "Where each ambiguous text's candidates start in [`HPO_AMBIGUOUS_TERMS`].",
        "HPO_AMBIGUOUS_STARTS",
        "u16",
        &term_starts,
        20,
    );
    o.push('\n');
    static_array(
        o,
        "The candidates (term indices, by HPO id) of every ambiguous text.",
        "HPO_AMBIGUOUS_TERMS",
        "u16",
        ambiguous.iter().flat_map(|(_, t)| t.iter().copied()),
        20,
    );
}
