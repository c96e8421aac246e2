//! GA4GH Phenopacket Schema v2 (JSON) as input to the [differential](crate::differential).
//!
//! [`Phenopacket::parse`] reads what a clinician sees and nothing else: `phenotypicFeatures` (observed and
//! `excluded`, with their onsets), `subject` (sex, age at last encounter), the onset recorded with
//! `diseases[]` (an age, not the diagnosis), and blood-count `measurements` coded with LOINC (see
//! [`LOINC_BLOOD_COUNT`]). The diagnosis (`diseases[].term`) and `interpretations` are never read for the
//! phenotype: the interpreted genes are read only by [`Phenopacket::interpreted_genes`], which a caller asks
//! for explicitly (genotype evidence is off by default).
//!
//! The file is parsed with `serde_json` into a JSON value and read field by field, so every error names the
//! field at fault ([`Error::InvalidPhenopacket`]).
//!
//! ```
//! use marrowkb::phenopacket::Phenopacket;
//! use marrowkb::Disorder;
//! let json = r#"{
//!   "id": "example", "subject": {"id": "p1", "sex": "FEMALE", "timeAtLastEncounter": {"age": {"iso8601duration": "P4Y"}}},
//!   "phenotypicFeatures": [
//!     {"type": {"id": "HP:0001873", "label": "Thrombocytopenia"}, "onset": {"age": {"iso8601duration": "P1D"}}},
//!     {"type": {"id": "HP:0003974", "label": "Absent radius"}},
//!     {"type": {"id": "HP:0009777", "label": "Absent thumb"}, "excluded": true}
//!   ],
//!   "metaData": {"phenopacketSchemaVersion": "2.0.2"}
//! }"#;
//! let packet = Phenopacket::parse(json)?;
//! assert_eq!(packet.observed, ["HP:0001873", "HP:0003974"]);
//! assert_eq!(packet.excluded, ["HP:0009777"]);
//! let result = packet.differential(false)?;
//! assert_eq!(result.ranking[0].disorder, Disorder::ThrombocytopeniaAbsentRadius);
//! # Ok::<(), marrowkb::Error>(())
//! ```

use serde_json::Value;

use crate::blood_count::{AgeUnit, BloodCount, CountUnit, HemoglobinUnit, InterpretOptions, Sex};
use crate::classes::Onset;
use crate::differential::{AgeOfOnset, Differential, Query, TermInput};
use crate::hpo::{self, Term};
use crate::{Disorder, Error, Result};

/// The largest phenopacket accepted, in bytes (the 56 development phenopackets are 4–12 kB each).
///
/// ```
/// assert_eq!(marrowkb::phenopacket::MAX_PHENOPACKET_BYTES, 4 << 20);
/// ```
pub const MAX_PHENOPACKET_BYTES: usize = 4 << 20;

/// A blood-count quantity a phenopacket measurement can carry.
///
/// ```
/// use marrowkb::phenopacket::{BloodCountField, LOINC_BLOOD_COUNT};
/// assert!(LOINC_BLOOD_COUNT.iter().any(|&(code, f)| code == "718-7" && f == BloodCountField::Hemoglobin));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum BloodCountField {
    /// Haemoglobin concentration.
    Hemoglobin,
    /// Absolute neutrophil count.
    Neutrophils,
    /// Platelet count.
    Platelets,
    /// Absolute reticulocyte count.
    Reticulocytes,
    /// Reticulocytes per 100 red cells.
    ReticulocytePercent,
    /// Mean corpuscular volume.
    Mcv,
}

/// The LOINC codes read from `measurements[].assay.id` (`LOINC:718-7`), and what each measures. Other assays
/// are ignored.
///
/// ```
/// use marrowkb::phenopacket::LOINC_BLOOD_COUNT;
/// assert_eq!(LOINC_BLOOD_COUNT.len(), 10);
/// ```
pub const LOINC_BLOOD_COUNT: [(&str, BloodCountField); 10] = [
    ("718-7", BloodCountField::Hemoglobin),      // Hemoglobin [Mass/volume] in Blood
    ("26499-4", BloodCountField::Neutrophils),   // Neutrophils [#/volume] in Blood
    ("751-8", BloodCountField::Neutrophils),     // Neutrophils [#/volume] in Blood by Automated count
    ("26515-7", BloodCountField::Platelets),     // Platelets [#/volume] in Blood
    ("777-3", BloodCountField::Platelets),       // Platelets [#/volume] in Blood by Automated count
    ("60474-4", BloodCountField::Reticulocytes), // Reticulocytes [#/volume] in Blood
    ("14196-0", BloodCountField::Reticulocytes), // Reticulocytes [#/volume] in Blood by Automated count
    ("4679-7", BloodCountField::ReticulocytePercent), // Reticulocytes/100 erythrocytes in Blood
    ("17849-1", BloodCountField::ReticulocytePercent), // Reticulocytes/100 erythrocytes in Blood by Automated count
    ("787-2", BloodCountField::Mcv),             // MCV [Entitic volume] by Automated count
];

/// What marrowkb reads from one phenopacket.
///
/// ```
/// use marrowkb::phenopacket::Phenopacket;
/// let p = Phenopacket::parse(r#"{"id": "x", "phenotypicFeatures": [{"type": {"id": "HP:0001903"}}],
///     "metaData": {"phenopacketSchemaVersion": "2.0"}}"#)?;
/// assert_eq!(p.id, "x");
/// assert_eq!(p.sex, None);
/// # Ok::<(), marrowkb::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Phenopacket {
    /// The phenopacket's `id`.
    pub id: String,
    /// Observed features' HPO ids, as written (unknown or obsolete ids are reported by the differential).
    pub observed: Vec<String>,
    /// Excluded features' HPO ids, as written.
    pub excluded: Vec<String>,
    /// `subject.sex` (`MALE`, `FEMALE`; other values give `None`).
    pub sex: Option<Sex>,
    /// The earliest onset among observed features and `diseases[].onset`.
    pub onset: Option<AgeOfOnset>,
    /// `subject.timeAtLastEncounter` in years, when given as an ISO 8601 age.
    pub age_years: Option<f64>,
    /// The blood count from `measurements` (age and sex from `subject`), when it has any value.
    pub blood_count: Option<BloodCount>,
    json: Value,
}

/// An error about `field`.
fn invalid(field: &'static str, reason: &'static str) -> Error {
    Error::InvalidPhenopacket { field, reason }
}

/// The string at `value[key]`, if it is one.
fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

impl Phenopacket {
    /// Reads a phenopacket from its JSON text.
    ///
    /// ```
    /// use marrowkb::{Error, phenopacket::Phenopacket};
    /// let e = Phenopacket::parse("not json").unwrap_err();
    /// assert!(matches!(e, Error::InvalidPhenopacket { field: "(document)", .. }));
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidPhenopacket`], naming the field: not JSON or over [`MAX_PHENOPACKET_BYTES`]; not an
    /// object; `metaData.phenopacketSchemaVersion` missing or not 2.x; no `phenotypicFeatures`; a feature
    /// without `type.id`; a blood-count measurement with a missing or unknown unit, or a value the blood count
    /// rejects.
    pub fn parse(json: &str) -> Result<Self> {
        if json.len() > MAX_PHENOPACKET_BYTES {
            return Err(invalid("(document)", "larger than 4 MiB"));
        }
        let json: Value = serde_json::from_str(json).map_err(|_| invalid("(document)", "not valid JSON"))?;
        if !json.is_object() {
            return Err(invalid("(document)", "not a JSON object"));
        }
        let version = json
            .get("metaData")
            .and_then(|m| text(m, "phenopacketSchemaVersion"))
            .ok_or_else(|| invalid("metaData.phenopacketSchemaVersion", "missing: only schema v2 is read"))?;
        if !(version == "2" || version.starts_with("2.")) {
            return Err(invalid(
                "metaData.phenopacketSchemaVersion",
                "not 2.x: only schema v2 is read",
            ));
        }
        let features = json
            .get("phenotypicFeatures")
            .and_then(Value::as_array)
            .filter(|f| !f.is_empty())
            .ok_or_else(|| invalid("phenotypicFeatures", "missing or empty: nothing to rank"))?;
        let (mut observed, mut excluded) = (Vec::new(), Vec::new());
        let mut onsets: Vec<AgeOfOnset> = Vec::new();
        for feature in features {
            let id = feature
                .get("type")
                .and_then(|t| text(t, "id"))
                .ok_or_else(|| invalid("phenotypicFeatures[].type.id", "missing"))?;
            if feature.get("excluded").and_then(Value::as_bool).unwrap_or(false) {
                excluded.push(id.to_owned());
            } else {
                observed.push(id.to_owned());
                onsets.extend(feature.get("onset").and_then(time_element));
            }
        }
        for disease in json.get("diseases").and_then(Value::as_array).into_iter().flatten() {
            onsets.extend(disease.get("onset").and_then(time_element));
        }
        let subject = json.get("subject");
        let sex = match subject.and_then(|s| text(s, "sex")) {
            Some("MALE") => Some(Sex::Male),
            Some("FEMALE") => Some(Sex::Female),
            _ => None,
        };
        let age_years = subject
            .and_then(|s| s.get("timeAtLastEncounter"))
            .and_then(|t| t.get("age"))
            .and_then(|a| text(a, "iso8601duration"))
            .and_then(iso8601_years);
        let blood_count = blood_count(&json, age_years, sex)?;
        Ok(Phenopacket {
            id: text(&json, "id").unwrap_or_default().to_owned(),
            observed,
            excluded,
            sex,
            onset: earliest(&onsets),
            age_years,
            blood_count,
            json,
        })
    }

    /// The HGNC symbols of the genes the phenopacket's `interpretations` name (causative or candidate), in
    /// file order without repeats. This reads the answer key: use it only for genotype evidence the caller
    /// asks for.
    ///
    /// ```
    /// use marrowkb::phenopacket::Phenopacket;
    /// let p = Phenopacket::parse(r#"{"phenotypicFeatures": [{"type": {"id": "HP:0001903"}}],
    ///   "interpretations": [{"diagnosis": {"genomicInterpretations": [{"gene": {"symbol": "RPS19"}}]}}],
    ///   "metaData": {"phenopacketSchemaVersion": "2.0"}}"#)?;
    /// assert_eq!(p.interpreted_genes(), ["RPS19"]);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn interpreted_genes(&self) -> Vec<&str> {
        let mut genes: Vec<&str> = Vec::new();
        let interpretations = self.json.get("interpretations").and_then(Value::as_array);
        for interpretation in interpretations.into_iter().flatten() {
            let genomic = interpretation
                .get("diagnosis")
                .and_then(|d| d.get("genomicInterpretations"))
                .and_then(Value::as_array);
            for g in genomic.into_iter().flatten() {
                let symbol = g.get("gene").and_then(|x| text(x, "symbol")).or_else(|| {
                    g.get("variantInterpretation")
                        .and_then(|v| v.get("variationDescriptor"))
                        .and_then(|v| v.get("geneContext"))
                        .and_then(|c| text(c, "symbol"))
                });
                if let Some(s) = symbol.filter(|s| !genes.contains(s)) {
                    genes.push(s);
                }
            }
        }
        genes
    }

    /// The per-disorder likelihood ratios of the phenopacket's blood count (all 1 without one).
    ///
    /// ```
    /// use marrowkb::phenopacket::Phenopacket;
    /// let p = Phenopacket::parse(r#"{"phenotypicFeatures": [{"type": {"id": "HP:0001903"}}],
    ///   "metaData": {"phenopacketSchemaVersion": "2.0"}}"#)?;
    /// assert!(p.blood_count_likelihood_ratios().iter().all(|(_, lr)| *lr == 1.0));
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    pub fn blood_count_likelihood_ratios(&self) -> [(Disorder, f64); Disorder::COUNT] {
        match &self.blood_count {
            Some(count) => count.interpret(InterpretOptions::default()).likelihood_ratios(),
            None => Disorder::ALL.map(|d| (d, 1.0)),
        }
    }

    /// Runs the differential on the phenotype (features, onset, sex and blood count); with `genes`, the
    /// interpreted genes' [gene likelihood ratios](crate::differential::gene_likelihood_ratios) are added
    /// (unknown genes are skipped). Lenient about terms: unknown or obsolete HPO ids are reported in
    /// [`Differential::inputs`].
    ///
    /// ```
    /// use marrowkb::phenopacket::Phenopacket;
    /// let p = Phenopacket::parse(r#"{"phenotypicFeatures": [{"type": {"id": "HP:0001903"}}],
    ///   "metaData": {"phenopacketSchemaVersion": "2.0"}}"#)?;
    /// assert_eq!(p.differential(false)?.observed.len(), 1);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::differential::differential`] (an age of onset over 130 years).
    pub fn differential(&self, genes: bool) -> Result<Differential> {
        self.query(genes, false)
    }

    /// As [`Phenopacket::differential`], choosing strict mode: the first unusable HPO id is an error.
    ///
    /// ```
    /// use marrowkb::phenopacket::Phenopacket;
    /// let p = Phenopacket::parse(r#"{"phenotypicFeatures": [{"type": {"id": "HP:0001903"}},
    ///   {"type": {"id": "HP:9999999"}}], "metaData": {"phenopacketSchemaVersion": "2.0"}}"#)?;
    /// assert!(p.query(false, true).is_err());
    /// assert!(p.query(false, false).is_ok());
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::differential::differential`].
    pub fn query(&self, genes: bool, strict: bool) -> Result<Differential> {
        self.run(&[], genes, strict)
    }

    /// The differential with genotype evidence from `genes` (given by the caller) and, with
    /// `interpreted_genes`, from the phenopacket's interpretations (unknown ones skipped); `strict` as for
    /// [`Phenopacket::query`].
    ///
    /// ```
    /// use marrowkb::{Disorder, phenopacket::Phenopacket};
    /// let p = Phenopacket::parse(r#"{"phenotypicFeatures": [{"type": {"id": "HP:0001903"}}],
    ///   "metaData": {"phenopacketSchemaVersion": "2.0"}}"#)?;
    /// let r = p.run(&["RPS19"], false, false)?;
    /// assert_eq!(r.ranking[0].disorder, Disorder::DiamondBlackfanAnemia);
    /// assert!(p.run(&["NOTAGENE"], false, false).is_err());
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    ///
    /// # Errors
    /// A gene in `genes` that marrowkb does not link to any disorder; otherwise as
    /// [`crate::differential::differential`].
    pub fn run(&self, genes: &[&str], interpreted_genes: bool, strict: bool) -> Result<Differential> {
        let observed: Vec<TermInput<'_>> = self.observed.iter().map(TermInput::from).collect();
        let excluded: Vec<TermInput<'_>> = self.excluded.iter().map(TermInput::from).collect();
        let evidence = self.evidence(genes, interpreted_genes)?;
        let mut query = Query::new(&observed)
            .excluding(&excluded)
            .strict(strict)
            .evidence(&evidence);
        query.onset = self.onset;
        query.sex = self.sex;
        query.run()
    }

    /// The per-disorder likelihood ratios [`Phenopacket::run`] multiplies in: the blood count's (when the
    /// phenopacket has one), then each gene's of `genes`, then, with `interpreted_genes`, the interpreted
    /// genes' (unknown ones skipped).
    ///
    /// ```
    /// use marrowkb::phenopacket::Phenopacket;
    /// let p = Phenopacket::parse(r#"{"phenotypicFeatures": [{"type": {"id": "HP:0001903"}}],
    ///   "metaData": {"phenopacketSchemaVersion": "2.0"}}"#)?;
    /// assert!(p.evidence(&[], false)?.is_empty());
    /// assert_eq!(p.evidence(&["RPS19"], false)?.len(), marrowkb::Disorder::COUNT);
    /// # Ok::<(), marrowkb::Error>(())
    /// ```
    ///
    /// # Errors
    /// A gene in `genes` that marrowkb does not link to any disorder.
    pub fn evidence(&self, genes: &[&str], interpreted_genes: bool) -> Result<Vec<(Disorder, f64)>> {
        let mut evidence: Vec<(Disorder, f64)> = Vec::new();
        if self.blood_count.is_some() {
            evidence.extend(self.blood_count_likelihood_ratios());
        }
        for symbol in genes {
            evidence.extend(crate::differential::gene_likelihood_ratios(symbol)?);
        }
        if interpreted_genes {
            for symbol in self.interpreted_genes() {
                if let Ok(lrs) = crate::differential::gene_likelihood_ratios(symbol) {
                    evidence.extend(lrs);
                }
            }
        }
        Ok(evidence)
    }
}

/// An ISO 8601 duration (`P2Y3M`, `P10D`, `P3W`) in years; `None` when it is not one.
fn iso8601_years(text: &str) -> Option<f64> {
    let rest = text.strip_prefix('P')?;
    let date = rest.split('T').next()?;
    if date.is_empty() {
        return Some(0.0);
    }
    let mut years = 0.0;
    let mut number = String::new();
    for c in date.chars() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
            continue;
        }
        let n: f64 = number.parse().ok()?;
        number.clear();
        years += match c {
            'Y' => n,
            'M' => n / 12.0,
            'W' => n * 7.0 / crate::blood_count::DAYS_PER_YEAR,
            'D' => n / crate::blood_count::DAYS_PER_YEAR,
            _ => return None,
        };
    }
    number.is_empty().then_some(years)
}

/// A phenopacket `TimeElement` as an onset: an ISO 8601 age, the start of an age range, an HPO onset class,
/// or a gestational age (congenital). Timestamps are not ages and are ignored.
fn time_element(element: &Value) -> Option<AgeOfOnset> {
    let iso = |v: Option<&Value>| v.and_then(|a| text(a, "iso8601duration")).and_then(iso8601_years);
    if let Some(years) = iso(element.get("age")) {
        return Some(AgeOfOnset::Years(years));
    }
    if let Some(years) = iso(element
        .get("ageRange")
        .and_then(|r| r.get("start").and_then(|s| s.get("age"))))
    {
        return Some(AgeOfOnset::Years(years));
    }
    if element.get("gestationalAge").is_some() {
        return Some(AgeOfOnset::Class(Onset::Congenital));
    }
    let class = element.get("ontologyClass").and_then(|c| text(c, "id"))?;
    let term = hpo::term(class).ok()?;
    onset_class(term).map(AgeOfOnset::Class)
}

/// The onset class an HPO onset term (HP:0003674 subtree) falls in: congenital for antenatal onsets.
fn onset_class(term: Term) -> Option<Onset> {
    if let Ok(antenatal) = hpo::term("HP:0030674")
        && term.is_a(antenatal)
    {
        return Some(Onset::Congenital);
    }
    Onset::ALL
        .iter()
        .copied()
        .find(|o| hpo::resolve(o.hpo()).is_ok_and(|r| term.is_a(r.term)))
}

/// The earliest onset: the smallest class (an age counts as its class; ties keep the first).
fn earliest(onsets: &[AgeOfOnset]) -> Option<AgeOfOnset> {
    onsets
        .iter()
        .copied()
        .filter_map(|o| o.class().ok().map(|c| (c, o)))
        .min_by_key(|(c, _)| *c as u32)
        .map(|(_, o)| o)
}

/// The blood count in `measurements`, or `None` when no LOINC blood-count assay is there.
fn blood_count(json: &Value, age_years: Option<f64>, sex: Option<Sex>) -> Result<Option<BloodCount>> {
    let mut builder = BloodCount::builder();
    let mut any = false;
    for m in json.get("measurements").and_then(Value::as_array).into_iter().flatten() {
        let Some(code) = m
            .get("assay")
            .and_then(|a| text(a, "id"))
            .and_then(|id| id.strip_prefix("LOINC:"))
        else {
            continue;
        };
        let Some(&(_, field)) = LOINC_BLOOD_COUNT.iter().find(|(c, _)| *c == code) else {
            continue;
        };
        let quantity = m
            .get("value")
            .and_then(|v| v.get("quantity"))
            .ok_or_else(|| invalid("measurements[].value.quantity", "missing for a blood-count assay"))?;
        let value = quantity
            .get("value")
            .and_then(Value::as_f64)
            .ok_or_else(|| invalid("measurements[].value.quantity.value", "missing or not a number"))?;
        let unit = quantity
            .get("unit")
            .and_then(|u| text(u, "id"))
            .map(|u| u.strip_prefix("UCUM:").unwrap_or(u))
            .ok_or_else(|| invalid("measurements[].value.quantity.unit.id", "missing"))?;
        let bad_unit = || {
            invalid(
                "measurements[].value.quantity.unit.id",
                "not a UCUM unit marrowkb reads",
            )
        };
        builder = match field {
            BloodCountField::Hemoglobin => builder.hemoglobin(value, hemoglobin_unit(unit).ok_or_else(bad_unit)?),
            BloodCountField::Neutrophils => builder.neutrophils(value, count_unit(unit).ok_or_else(bad_unit)?),
            BloodCountField::Platelets => builder.platelets(value, count_unit(unit).ok_or_else(bad_unit)?),
            BloodCountField::Reticulocytes => builder.reticulocytes(value, count_unit(unit).ok_or_else(bad_unit)?),
            BloodCountField::ReticulocytePercent if unit == "%" => builder.reticulocyte_percent(value),
            BloodCountField::Mcv if unit == "fL" => builder.mcv(value),
            _ => return Err(bad_unit()),
        };
        any = true;
    }
    if !any {
        return Ok(None);
    }
    if let Some(age) = age_years {
        builder = builder.age(age, AgeUnit::Years);
    }
    if let Some(sex) = sex {
        builder = builder.sex(sex);
    }
    builder.build().map(Some)
}

/// UCUM haemoglobin units.
fn hemoglobin_unit(ucum: &str) -> Option<HemoglobinUnit> {
    match ucum {
        "g/dL" => Some(HemoglobinUnit::GramsPerDeciliter),
        "g/L" => Some(HemoglobinUnit::GramsPerLiter),
        "mmol/L" => Some(HemoglobinUnit::MillimolesPerLiter),
        _ => None,
    }
}

/// UCUM cell-count units (`10*3/uL` is the same number as `10*9/L`).
fn count_unit(ucum: &str) -> Option<CountUnit> {
    match ucum {
        "10*9/L" | "10*3/uL" | "10*3/mm3" | "/nL" => Some(CountUnit::GigaPerLiter),
        "/uL" | "/mm3" => Some(CountUnit::PerMicroliter),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#""metaData": {"phenopacketSchemaVersion": "2.0.2"}"#;

    fn packet(body: &str) -> Result<Phenopacket> {
        Phenopacket::parse(&format!("{{{body}, {HEAD}}}"))
    }

    #[test]
    fn iso_durations() {
        assert_eq!(iso8601_years("P2Y"), Some(2.0));
        assert_eq!(iso8601_years("P1Y6M"), Some(1.5));
        assert!(iso8601_years("P10D").is_some_and(|y| (y - 10.0 / 365.25).abs() < 1e-12));
        assert_eq!(iso8601_years("P"), Some(0.0));
        assert_eq!(iso8601_years("2Y"), None);
        assert_eq!(iso8601_years("P2X"), None);
        assert_eq!(iso8601_years("P2"), None);
    }

    #[test]
    fn errors_name_the_field() {
        let field = |r: Result<Phenopacket>| match r {
            Err(Error::InvalidPhenopacket { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(Phenopacket::parse("[1]")), "(document)");
        assert_eq!(field(Phenopacket::parse("{}")), "metaData.phenopacketSchemaVersion");
        assert_eq!(
            field(Phenopacket::parse(
                r#"{"metaData": {"phenopacketSchemaVersion": "1.0"}}"#
            )),
            "metaData.phenopacketSchemaVersion"
        );
        assert_eq!(field(packet(r#""phenotypicFeatures": []"#)), "phenotypicFeatures");
        assert_eq!(
            field(packet(r#""phenotypicFeatures": [{"type": {}}]"#)),
            "phenotypicFeatures[].type.id"
        );
        let bad_unit = r#""phenotypicFeatures": [{"type": {"id": "HP:0001903"}}], "measurements": [{"assay": {"id": "LOINC:718-7"},
            "value": {"quantity": {"unit": {"id": "UCUM:furlong"}, "value": 7.0}}}]"#;
        assert_eq!(field(packet(bad_unit)), "measurements[].value.quantity.unit.id");
    }

    #[test]
    fn onset_sex_and_blood_count_are_read() {
        let p = packet(
            r#""subject": {"sex": "MALE", "timeAtLastEncounter": {"age": {"iso8601duration": "P30Y"}}},
            "phenotypicFeatures": [
                {"type": {"id": "HP:0001903"}, "onset": {"ontologyClass": {"id": "HP:0003593"}}},
                {"type": {"id": "HP:0001875"}, "onset": {"age": {"iso8601duration": "P3Y"}}},
                {"type": {"id": "HP:0000252"}, "excluded": true, "onset": {"ontologyClass": {"id": "HP:0003577"}}}
            ],
            "measurements": [
                {"assay": {"id": "LOINC:718-7"}, "value": {"quantity": {"unit": {"id": "UCUM:g/dL"}, "value": 6.5}}},
                {"assay": {"id": "LOINC:777-3"}, "value": {"quantity": {"unit": {"id": "UCUM:10*9/L"}, "value": 20}}},
                {"assay": {"id": "LOINC:2345-7"}, "value": {"quantity": {"unit": {"id": "UCUM:mg/dL"}, "value": 90}}}
            ]"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.sex, Some(Sex::Male));
        assert_eq!(p.age_years, Some(30.0));
        // The excluded feature's onset is not the patient's; infantile is earlier than 3 years.
        assert_eq!(p.onset, Some(AgeOfOnset::Class(Onset::Infantile)));
        let count = p.blood_count.as_ref().unwrap_or_else(|| panic!("no blood count"));
        assert_eq!(count.hemoglobin(), Some(6.5));
        assert_eq!(count.platelets(), Some(20.0));
        assert!(p.blood_count_likelihood_ratios().iter().any(|(_, lr)| *lr != 1.0));
        let r = p.differential(false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.onset, Some(Onset::Infantile));
        assert!(r.ranking.iter().any(|x| x.evidence != 0.0));
    }

    #[test]
    fn the_diagnosis_is_not_read() {
        let body = r#""phenotypicFeatures": [{"type": {"id": "HP:0001873"}}]"#;
        let with = r#""phenotypicFeatures": [{"type": {"id": "HP:0001873"}}],
            "diseases": [{"term": {"id": "OMIM:274000", "label": "TAR"}}],
            "interpretations": [{"diagnosis": {"disease": {"id": "OMIM:274000"}, "genomicInterpretations": [{"gene": {"symbol": "RBM8A"}}]}}]"#;
        let plain = packet(body)
            .and_then(|p| p.differential(false))
            .unwrap_or_else(|e| panic!("{e}"));
        let answered = packet(with)
            .and_then(|p| p.differential(false))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plain.ranking, answered.ranking);
        let genotype = packet(with)
            .and_then(|p| p.differential(true))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(genotype.ranking[0].disorder, Disorder::ThrombocytopeniaAbsentRadius);
    }
}
