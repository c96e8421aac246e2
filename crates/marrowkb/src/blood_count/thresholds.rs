//! Every threshold the blood count interpretation uses, in one place, each with its source.
//!
//! The interpretation reads these constants and nothing else; the table below is rendered from them by
//! [`markdown_table`] and a unit test fails if the two differ. Values are in the canonical units of
//! [`units`](super::units). Each rule states which side of the boundary is inclusive: `Hb < 11.0` means a
//! value of exactly 11.0 does **not** meet it. WHO publishes integer g/L bands (e.g. mild 100–109 g/L);
//! they are read as half-open intervals (100 ≤ Hb < 110 g/L) so that every value falls in exactly one band.
//! Ages are in years, `[from, to)`: a point-age column of a reference table (e.g. "2 weeks") applies from
//! that age until the next column's age. Age units: 1 mo = 1/12 y, 1 d = 1/365.25 y.
//!
//! <!-- begin table -->
//! | Measure | Population | Finding | Rule | Source |
//! | --- | --- | --- | --- | --- |
//! | Haemoglobin | WHO: children 6–59 months (6 mo ≤ age < 5 y) | anaemia; severity | anaemia Hb < 11.0; mild 10.0 ≤ Hb < 11.0; moderate 7.0 ≤ Hb < 10.0; severe Hb < 7.0 g/dL | WHO 2011 |
//! | Haemoglobin | WHO: children 5–11 years (5 y ≤ age < 12 y) | anaemia; severity | anaemia Hb < 11.5; mild 11.0 ≤ Hb < 11.5; moderate 8.0 ≤ Hb < 11.0; severe Hb < 8.0 g/dL | WHO 2011 |
//! | Haemoglobin | WHO: children 12–14 years (12 y ≤ age < 15 y) | anaemia; severity | anaemia Hb < 12.0; mild 11.0 ≤ Hb < 12.0; moderate 8.0 ≤ Hb < 11.0; severe Hb < 8.0 g/dL | WHO 2011 |
//! | Haemoglobin | WHO: non-pregnant women, 15 years and over (age ≥ 15 y) | anaemia; severity | anaemia Hb < 12.0; mild 11.0 ≤ Hb < 12.0; moderate 8.0 ≤ Hb < 11.0; severe Hb < 8.0 g/dL | WHO 2011 |
//! | Haemoglobin | WHO: pregnant women (any age) | anaemia; severity | anaemia Hb < 11.0; mild 10.0 ≤ Hb < 11.0; moderate 7.0 ≤ Hb < 10.0; severe Hb < 7.0 g/dL | WHO 2011 |
//! | Haemoglobin | WHO: men, 15 years and over (age ≥ 15 y) | anaemia; severity | anaemia Hb < 13.0; mild 11.0 ≤ Hb < 13.0; moderate 8.0 ≤ Hb < 11.0; severe Hb < 8.0 g/dL | WHO 2011 |
//! | Haemoglobin | birth (cord blood): age < 1 d | anaemia (no severity grade) | Hb < 13.5 g/dL (mean 16.5) | Nathan and Oski |
//! | Haemoglobin | 1–3 days: 1 d ≤ age < 7 d | anaemia (no severity grade) | Hb < 14.5 g/dL (mean 18.5) | Nathan and Oski |
//! | Haemoglobin | 1 week: 7 d ≤ age < 14 d | anaemia (no severity grade) | Hb < 13.5 g/dL (mean 17.5) | Nathan and Oski |
//! | Haemoglobin | 2 weeks: 14 d ≤ age < 1 mo | anaemia (no severity grade) | Hb < 12.5 g/dL (mean 16.5) | Nathan and Oski |
//! | Haemoglobin | 1 month: 1 mo ≤ age < 2 mo | anaemia (no severity grade) | Hb < 10.0 g/dL (mean 14.0) | Nathan and Oski |
//! | Haemoglobin | 2 months: 2 mo ≤ age < 3 mo | anaemia (no severity grade) | Hb < 9.0 g/dL (mean 11.5) | Nathan and Oski |
//! | Haemoglobin | 3–6 months: 3 mo ≤ age < 6 mo | anaemia (no severity grade) | Hb < 9.5 g/dL (mean 11.5) | Nathan and Oski |
//! | Haemoglobin | every age | Anemia | grade 1 10.0 ≤ v < LLN; grade 2 8.0 ≤ v < 10.0; grade 3 v < 8.0 g/dL; grade 4 clinical only | CTCAE v5.0 |
//! | Neutrophils | every age | Neutrophil count decreased | grade 1 1.5 ≤ v < LLN; grade 2 1.0 ≤ v < 1.5; grade 3 0.5 ≤ v < 1.0; grade 4 v < 0.5 ×10⁹/L | CTCAE v5.0 |
//! | Platelets | every age | Platelet count decreased | grade 1 75 ≤ v < LLN; grade 2 50 ≤ v < 75; grade 3 25 ≤ v < 50; grade 4 v < 25 ×10⁹/L | CTCAE v5.0 |
//! | Lymphocytes | every age | Lymphocyte count decreased | grade 1 0.8 ≤ v < LLN; grade 2 0.5 ≤ v < 0.8; grade 3 0.2 ≤ v < 0.5; grade 4 v < 0.2 ×10⁹/L | CTCAE v5.0 |
//! | Neutrophils | 14 d ≤ age < 1 y | neutropenia | v < 1.0 ×10⁹/L (the LLN) | Nelson |
//! | Neutrophils | age ≥ 1 y | neutropenia | v < 1.5 ×10⁹/L (the LLN) | Nelson |
//! | Lymphocytes | age ≥ 18 y | lymphopenia | v < 1.0 ×10⁹/L (the LLN) | Dacie and Lewis |
//! | Monocytes | age ≥ 18 y | monocytopenia | v < 0.2 ×10⁹/L (the LLN) | Dacie and Lewis |
//! | Platelets | newborns: age < 28 d | thrombocytopenia | v < 150 ×10⁹/L (the LLN) | Roberts and Murray 2003 |
//! | Platelets | 28 d ≤ age < 18 y | thrombocytopenia | v < 150 ×10⁹/L (the LLN) | Nathan and Oski |
//! | Platelets | age ≥ 18 y | thrombocytopenia | v < 150 ×10⁹/L (the LLN) | Dacie and Lewis |
//! | Reticulocytes | age ≥ 18 y | reticulocytopenia | v < 50 ×10⁹/L (the LLN) | Dacie and Lewis |
//! | Neutrophils | when neutropenic | neutropenia severity | mild 1.0 ≤ ANC < 1.5; moderate 0.5 ≤ ANC < 1.0; severe 0.2 ≤ ANC < 0.5 ×10⁹/L | Nelson |
//! | Neutrophils | when neutropenic | very severe neutropenia | ANC < 0.2 ×10⁹/L | Bacigalupo 1988 |
//! | MCV | birth (cord blood): age < 1 d | microcytosis; macrocytosis | micro MCV < 95; macro MCV > 121 fL (mean 108; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 1–3 days: 1 d ≤ age < 7 d | microcytosis; macrocytosis | micro MCV < 95; macro MCV > 121 fL (mean 108; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 1 week: 7 d ≤ age < 14 d | microcytosis; macrocytosis | micro MCV < 88; macro MCV > 126 fL (mean 107; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 2 weeks: 14 d ≤ age < 1 mo | microcytosis; macrocytosis | micro MCV < 86; macro MCV > 124 fL (mean 105; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 1 month: 1 mo ≤ age < 2 mo | microcytosis; macrocytosis | micro MCV < 85; macro MCV > 123 fL (mean 104; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 2 months: 2 mo ≤ age < 3 mo | microcytosis; macrocytosis | micro MCV < 77; macro MCV > 115 fL (mean 96; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 3–6 months: 3 mo ≤ age < 6 mo | microcytosis; macrocytosis | micro MCV < 74; macro MCV > 108 fL (mean 91; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 0.5–2 years: 6 mo ≤ age < 2 y | microcytosis; macrocytosis | micro MCV < 70; macro MCV > 86 fL (mean 78; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 2–6 years: 2 y ≤ age < 6 y | microcytosis; macrocytosis | micro MCV < 75; macro MCV > 87 fL (mean 81; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 6–12 years: 6 y ≤ age < 12 y | microcytosis; macrocytosis | micro MCV < 77; macro MCV > 95 fL (mean 86; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 12–18 years, female: 12 y ≤ age < 18 y | microcytosis; macrocytosis | micro MCV < 78; macro MCV > 102 fL (mean 90; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | 12–18 years, male: 12 y ≤ age < 18 y | microcytosis; macrocytosis | micro MCV < 78; macro MCV > 98 fL (mean 88; upper = 2 × mean − lower) | Nathan and Oski |
//! | MCV | adults (18–49 years column), both sexes: age ≥ 18 y | microcytosis; macrocytosis | micro MCV < 80; macro MCV > 100 fL (mean 90; upper = 2 × mean − lower) | Nathan and Oski |
//! | Marrow | aplastic anaemia | marrow criterion | cellularity < 25 %, or 25 ≤ cellularity ≤ 50 % with residual haematopoietic cells < 30 % | Camitta 1976 |
//! | Blood | aplastic anaemia | severe (with the marrow criterion) | ≥ 2 of: ANC < 0.5; platelets < 20; reticulocytes < 20 ×10⁹/L | Camitta 1976 |
//! | Reticulocytes | aplastic anaemia, BSH option | severe criterion, automated count | reticulocytes < 60 ×10⁹/L (replaces < 20) | BSH 2016 |
//! | Reticulocytes (%) | aplastic anaemia, Camitta option | severe criterion, corrected percentage | reticulocyte % × haematocrit / 45 < 1.0 % (when no absolute count is known) | Camitta 1976 |
//! | Neutrophils | aplastic anaemia | very severe | severe and ANC < 0.2 ×10⁹/L | Bacigalupo 1988 |
//! | Haemoglobin | unit conversion | g/dL to mmol/L | 1 g/dL = 0.6206 mmol/L (10 g/L ÷ 16 114.5 g/mol, Hb monomer) | ICSH 1995 |
//! | Haemoglobin | every age | accepted input | 0.0 < v ≤ 25 g/dL | marrowkb |
//! | MCV | every age | accepted input | 30 ≤ v ≤ 200 fL | marrowkb |
//! | Neutrophils | every age | accepted input | 0.0 ≤ v ≤ 2000 ×10⁹/L | marrowkb |
//! | Lymphocytes | every age | accepted input | 0.0 ≤ v ≤ 2000 ×10⁹/L | marrowkb |
//! | Monocytes | every age | accepted input | 0.0 ≤ v ≤ 2000 ×10⁹/L | marrowkb |
//! | Platelets | every age | accepted input | 0.0 ≤ v ≤ 5000 ×10⁹/L | marrowkb |
//! | Reticulocytes | every age | accepted input | 0.0 ≤ v ≤ 2000 ×10⁹/L | marrowkb |
//! | Reticulocytes (%) | every age | accepted input | 0.0 ≤ v ≤ 100 % | marrowkb |
//! | Red cells | every age | accepted input | 0.0 < v ≤ 15.0 ×10¹²/L | marrowkb |
//! | Cellularity | every age | accepted input | 0.0 ≤ v ≤ 100 % | marrowkb |
//! | Residual haematopoietic cells | every age | accepted input | 0.0 ≤ v ≤ 100 % | marrowkb |
//! | Age | every age | accepted input | 0.0 ≤ v ≤ 130 years | marrowkb |
//! | Haematocrit | every age | accepted input | 0.0 < v ≤ 80 % | marrowkb |
//! <!-- end table -->
//!
//! ## Notes on the choices
//! - **Anaemia.** WHO 2011 defines anaemia from 6 months; below 6 months marrowkb uses the Nathan and Oski
//!   reference (mean − 2 SD) as the lower limit, with no severity grade. The WHO cut-off (or the infant
//!   limit) is also the LLN for CTCAE grade 1. No altitude or smoking adjustment is applied.
//! - **CTCAE v5.0** grades are adult cut-offs. marrowkb applies them at every age with one rule: a value at
//!   or above the age-specific lower limit (the LLN) is grade 0, whatever the fixed boundaries say. Below
//!   the LLN, grade 1 needs the LLN and grades 2–4 are CTCAE's fixed numbers, unchanged for children: an
//!   infant of 2 months with haemoglobin 9.5 g/dL (LLN 9.0, Nathan and Oski) has no anaemia and grade 0,
//!   not the grade 2 that the adult boundary of 10.0 alone would give; at 8.5 g/dL it is grade 2. Without
//!   an LLN (age or sex unknown) only grades 2–4 can be given. Anaemia grade 4 ("life-threatening consequences; urgent intervention indicated") is a
//!   clinical judgement, never derived from a number: the highest grade marrowkb reports is 3. CTCAE's own
//!   mmol/L column (6.2, 4.9) is rounded; marrowkb converts to g/dL first, so 4.9 mmol/L (7.90 g/dL) is
//!   grade 3. Where the LLN is at or below the grade 2 boundary (neutrophils, LLN 1.5), grade 1 is empty.
//! - **Neutropenia** is ANC below the age's lower limit (none before 14 days, where counts change by the
//!   hour). The mild/moderate/severe bands are those of Nelson; "very severe" (< 0.2) is the threshold of
//!   very severe aplastic anaemia (Bacigalupo 1988), used as the fourth band. Many healthy people of
//!   African or Middle Eastern ancestry (Duffy-null phenotype) have an ANC below 1.5 ×10⁹/L: marrowkb
//!   has no separate limit for them.
//! - **Lymphocytes, monocytes, reticulocytes**: marrowkb cites adult limits only; below 18 years their
//!   presence is reported as "no reference" (CTCAE lymphocyte grades 2–4 still apply).
//! - **MCV.** The Nathan and Oski table gives mean and mean − 2 SD; the upper limit is mean + 2 SD,
//!   derived as 2 × mean − (mean − 2 SD). For adults this gives the usual 80–100 fL. The adult column
//!   (18–49 years) is applied at every age from 18.
//! - **Aplastic anaemia** severity grades a marrow the caller already calls aplastic: it does not
//!   diagnose aplastic anaemia. The reticulocyte criterion is the absolute count (Camitta as modified by
//!   Bacigalupo, < 20 ×10⁹/L; BSH 2016 automated < 60). Camitta's original criterion, a corrected
//!   reticulocyte percentage below 1 % (reticulocyte % × haematocrit / 45), is offered beside it and used
//!   for the Camitta criteria when only a percentage and a haematocrit are known (no red cell count).
//! - **Plausibility bounds** are marrowkb's own: beyond any reported human value, so they reject typing
//!   and unit errors without rejecting real patients.
//!
//! ## References
//! See [`Reference::citation`] for each source's full citation.
//!
//! ```
//! use marrowkb::blood_count::thresholds::{self, CTCAE_NEUTROPHILS, WHO_2011_HEMOGLOBIN, WhoPopulation};
//! let men = WHO_2011_HEMOGLOBIN.iter().find(|r| r.population == WhoPopulation::Men).unwrap();
//! assert_eq!((men.anemia_below, men.moderate_below, men.severe_below), (13.0, 11.0, 8.0));
//! assert_eq!(CTCAE_NEUTROPHILS.grade4_below, Some(0.5));
//! assert!(thresholds::markdown_table().contains("WHO 2011"));
//! ```

use core::fmt;

use super::field::Field;
use super::units::{DAYS_PER_YEAR, HB_MMOL_PER_L_PER_G_PER_DL};
use crate::generated::blood_count::Sex;
use crate::{Error, Result};

/// A source that a threshold is cited from.
///
/// ```
/// use marrowkb::blood_count::thresholds::Reference;
/// assert_eq!(Reference::Who2011.short_name(), "WHO 2011");
/// assert!(Reference::Bsh2016.citation().contains("Br J Haematol 2016;172"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum Reference {
    /// WHO 2011, haemoglobin concentrations for anaemia and its severity.
    Who2011 = 1,
    /// NCI Common Terminology Criteria for Adverse Events v5.0 (2017).
    Ctcae5 = 2,
    /// Nathan and Oski's Hematology of Infancy and Childhood, 5th ed., Appendix 11.
    NathanOski = 3,
    /// Nelson Textbook of Pediatrics, neutropenia.
    Nelson = 4,
    /// Dacie and Lewis Practical Haematology, adult reference ranges.
    DacieLewis = 5,
    /// Roberts and Murray 2003, neonatal thrombocytopenia.
    RobertsMurray2003 = 6,
    /// Camitta et al. 1976, criteria of severe aplastic anaemia.
    Camitta1976 = 7,
    /// Bacigalupo et al. 1988, very severe aplastic anaemia.
    Bacigalupo1988 = 8,
    /// British Society for Haematology aplastic anaemia guideline (Killick et al. 2016).
    Bsh2016 = 9,
    /// ICSH 1995 reference method for haemoglobinometry (haemoglobin monomer molar mass).
    Icsh1995 = 10,
    /// marrowkb's own documented choice (plausibility bounds).
    Marrowkb = 11,
}

impl Reference {
    /// Every value, in discriminant order.
    ///
    /// ```
    /// use marrowkb::blood_count::thresholds::Reference;
    /// assert_eq!(Reference::ALL.len(), 11);
    /// ```
    pub const ALL: &'static [Reference] = &[
        Reference::Who2011,
        Reference::Ctcae5,
        Reference::NathanOski,
        Reference::Nelson,
        Reference::DacieLewis,
        Reference::RobertsMurray2003,
        Reference::Camitta1976,
        Reference::Bacigalupo1988,
        Reference::Bsh2016,
        Reference::Icsh1995,
        Reference::Marrowkb,
    ];

    /// The stable snake_case key.
    ///
    /// ```
    /// use marrowkb::blood_count::thresholds::Reference;
    /// assert_eq!(Reference::Ctcae5.key(), "ctcae_5");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            Reference::Who2011 => "who_2011",
            Reference::Ctcae5 => "ctcae_5",
            Reference::NathanOski => "nathan_oski",
            Reference::Nelson => "nelson",
            Reference::DacieLewis => "dacie_lewis",
            Reference::RobertsMurray2003 => "roberts_murray_2003",
            Reference::Camitta1976 => "camitta_1976",
            Reference::Bacigalupo1988 => "bacigalupo_1988",
            Reference::Bsh2016 => "bsh_2016",
            Reference::Icsh1995 => "icsh_1995",
            Reference::Marrowkb => "marrowkb",
        }
    }

    /// A short name for tables.
    ///
    /// ```
    /// use marrowkb::blood_count::thresholds::Reference;
    /// assert_eq!(Reference::Ctcae5.to_string(), "CTCAE v5.0");
    /// ```
    pub const fn short_name(self) -> &'static str {
        match self {
            Reference::Who2011 => "WHO 2011",
            Reference::Ctcae5 => "CTCAE v5.0",
            Reference::NathanOski => "Nathan and Oski",
            Reference::Nelson => "Nelson",
            Reference::DacieLewis => "Dacie and Lewis",
            Reference::RobertsMurray2003 => "Roberts and Murray 2003",
            Reference::Camitta1976 => "Camitta 1976",
            Reference::Bacigalupo1988 => "Bacigalupo 1988",
            Reference::Bsh2016 => "BSH 2016",
            Reference::Icsh1995 => "ICSH 1995",
            Reference::Marrowkb => "marrowkb",
        }
    }

    /// The full citation.
    ///
    /// ```
    /// use marrowkb::blood_count::thresholds::Reference;
    /// assert!(Reference::Who2011.citation().contains("WHO/NMH/NHD/MNM/11.1"));
    /// ```
    pub const fn citation(self) -> &'static str {
        match self {
            Reference::Who2011 => {
                "World Health Organization. Haemoglobin concentrations for the diagnosis of anaemia and \
                 assessment of severity. Vitamin and Mineral Nutrition Information System. Geneva: WHO; 2011 \
                 (WHO/NMH/NHD/MNM/11.1), Table 1."
            }
            Reference::Ctcae5 => {
                "National Cancer Institute. Common Terminology Criteria for Adverse Events (CTCAE) version 5.0. \
                 US Department of Health and Human Services, NIH; 27 November 2017. Terms: Anemia; Neutrophil \
                 count decreased; Platelet count decreased; Lymphocyte count decreased."
            }
            Reference::NathanOski => {
                "Nathan DG, Orkin SH (eds). Nathan and Oski's Hematology of Infancy and Childhood, 5th ed. \
                 Philadelphia: WB Saunders; 1998. Appendix 11, Normal hematologic values in children (after \
                 Dallman PR. In: Rudolph AM (ed). Pediatrics, 16th ed. New York: Appleton-Century-Crofts; 1977, \
                 p. 1111): haemoglobin and MCV, mean and mean - 2 SD, by age."
            }
            Reference::Nelson => {
                "Kliegman RM, St Geme JW III, et al. (eds). Nelson Textbook of Pediatrics, 21st ed. \
                 Philadelphia: Elsevier; 2020. Chapter Leukopenia: lower limit of the ANC 1.0 x10^9/L from \
                 2 weeks to 1 year and 1.5 x10^9/L after infancy; mild 1.0-1.5, moderate 0.5-1.0, severe < 0.5."
            }
            Reference::DacieLewis => {
                "Bain BJ, Bates I, Laffan MA (eds). Dacie and Lewis Practical Haematology, 12th ed. Elsevier; \
                 2017. Chapter 2, Reference ranges and normal values (adults): lymphocytes 1.0-3.0, monocytes \
                 0.2-1.0, platelets 150-410, reticulocytes 50-100 x10^9/L."
            }
            Reference::RobertsMurray2003 => {
                "Roberts I, Murray NA. Neonatal thrombocytopenia: causes and management. Arch Dis Child Fetal \
                 Neonatal Ed 2003;88(5):F359-F364 (thrombocytopenia < 150 x10^9/L, as in older children and adults)."
            }
            Reference::Camitta1976 => {
                "Camitta BM, Thomas ED, Nathan DG, et al. Severe aplastic anemia: a prospective study of the \
                 effect of early marrow transplantation on acute mortality. Blood 1976;48(1):63-70."
            }
            Reference::Bacigalupo1988 => {
                "Bacigalupo A, Hows J, Gluckman E, et al. Bone marrow transplantation (BMT) versus \
                 immunosuppression for the treatment of severe aplastic anaemia (SAA): a report of the EBMT SAA \
                 working party. Br J Haematol 1988;70(2):177-182."
            }
            Reference::Bsh2016 => {
                "Killick SB, Bown N, Cavenagh J, et al. Guidelines for the diagnosis and management of adult \
                 aplastic anaemia. Br J Haematol 2016;172(2):187-207 (automated reticulocyte count < 60 x10^9/L \
                 in place of the manual < 20 x10^9/L)."
            }
            Reference::Icsh1995 => {
                "International Council for Standardization in Haematology. Recommendations for reference method \
                 for haemoglobinometry in human blood (ICSH standard 1995) and specifications for international \
                 haemiglobincyanide standard (4th edition). J Clin Pathol 1996;49(4):271-274 (haemoglobin \
                 monomer molar mass 16 114.5 g/mol)."
            }
            Reference::Marrowkb => {
                "marrowkb: bounds chosen beyond any reported human value to reject typing and unit errors; not \
                 clinical limits."
            }
        }
    }

    /// The value with this stable discriminant.
    ///
    /// ```
    /// use marrowkb::blood_count::thresholds::Reference;
    /// assert_eq!(Reference::from_discriminant(1).unwrap(), Reference::Who2011);
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidDiscriminant`] for a number no value has.
    pub fn from_discriminant(value: u32) -> Result<Self> {
        Reference::ALL
            .iter()
            .copied()
            .find(|r| *r as u32 == value)
            .ok_or(Error::InvalidDiscriminant {
                entity: "reference",
                value,
            })
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.short_name())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Reference {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// `n` days in years, computed as [`AgeUnit::Days`](super::AgeUnit::Days) converts.
const fn days(n: f64) -> f64 {
    n / DAYS_PER_YEAR
}

/// `n` months in years, computed as [`AgeUnit::Months`](super::AgeUnit::Months) converts.
const fn months(n: f64) -> f64 {
    n / 12.0
}

/// An age interval in years, `from` inclusive, `to` exclusive.
///
/// ```
/// use marrowkb::blood_count::thresholds::AgeRange;
/// let r = AgeRange { from: 0.5, to: 5.0, label: "6–59 months" };
/// assert!(r.contains(0.5) && r.contains(4.99) && !r.contains(5.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AgeRange {
    /// Lowest age in the range, in years (inclusive).
    pub from: f64,
    /// First age past the range, in years (exclusive; `f64::INFINITY` for no upper end).
    pub to: f64,
    /// The range as the table states it.
    pub label: &'static str,
}

impl AgeRange {
    /// Whether `age` (years) is in `[from, to)`.
    ///
    /// ```
    /// use marrowkb::blood_count::thresholds::WHO_2011_HEMOGLOBIN;
    /// assert!(WHO_2011_HEMOGLOBIN[0].ages.contains(0.5));
    /// ```
    pub fn contains(&self, age: f64) -> bool {
        self.from <= age && age < self.to
    }
}

/// WHO 2011 population groups.
///
/// ```
/// use marrowkb::blood_count::thresholds::WhoPopulation;
/// assert_eq!(WhoPopulation::Men.key(), "men");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum WhoPopulation {
    /// Children 6–59 months of age.
    Children6To59Months = 1,
    /// Children 5–11 years of age.
    Children5To11Years = 2,
    /// Children 12–14 years of age.
    Children12To14Years = 3,
    /// Non-pregnant women, 15 years of age and above.
    NonPregnantWomen = 4,
    /// Pregnant women.
    PregnantWomen = 5,
    /// Men, 15 years of age and above.
    Men = 6,
}

impl WhoPopulation {
    /// The stable snake_case key.
    ///
    /// ```
    /// use marrowkb::blood_count::thresholds::WhoPopulation;
    /// assert_eq!(WhoPopulation::PregnantWomen.key(), "pregnant_women");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            WhoPopulation::Children6To59Months => "children_6_59_months",
            WhoPopulation::Children5To11Years => "children_5_11_years",
            WhoPopulation::Children12To14Years => "children_12_14_years",
            WhoPopulation::NonPregnantWomen => "non_pregnant_women",
            WhoPopulation::PregnantWomen => "pregnant_women",
            WhoPopulation::Men => "men",
        }
    }

    /// WHO's name for the group.
    ///
    /// ```
    /// use marrowkb::blood_count::thresholds::WhoPopulation;
    /// assert_eq!(WhoPopulation::Children5To11Years.name(), "children 5–11 years");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            WhoPopulation::Children6To59Months => "children 6–59 months",
            WhoPopulation::Children5To11Years => "children 5–11 years",
            WhoPopulation::Children12To14Years => "children 12–14 years",
            WhoPopulation::NonPregnantWomen => "non-pregnant women, 15 years and over",
            WhoPopulation::PregnantWomen => "pregnant women",
            WhoPopulation::Men => "men, 15 years and over",
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for WhoPopulation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// One row of WHO 2011 Table 1, in g/dL: anaemia is `Hb < anemia_below`; mild
/// `moderate_below ≤ Hb < anemia_below`; moderate `severe_below ≤ Hb < moderate_below`; severe
/// `Hb < severe_below`.
///
/// ```
/// use marrowkb::blood_count::thresholds::{WHO_2011_HEMOGLOBIN, WhoPopulation};
/// let r = WHO_2011_HEMOGLOBIN[1];
/// assert_eq!((r.population, r.anemia_below), (WhoPopulation::Children5To11Years, 11.5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WhoHemoglobinRow {
    /// The group.
    pub population: WhoPopulation,
    /// Its ages (pregnant women: any age).
    pub ages: AgeRange,
    /// Its sex, where the group has one.
    pub sex: Option<Sex>,
    /// Anaemia below this (g/dL).
    pub anemia_below: f64,
    /// Moderate anaemia below this; mild from here up to `anemia_below` (g/dL).
    pub moderate_below: f64,
    /// Severe anaemia below this; moderate from here up to `moderate_below` (g/dL).
    pub severe_below: f64,
}

const AGE_15_PLUS: AgeRange = AgeRange {
    from: 15.0,
    to: f64::INFINITY,
    label: "age ≥ 15 y",
};

/// WHO 2011 Table 1 (g/L in the source, g/dL here).
///
/// ```
/// use marrowkb::blood_count::thresholds::WHO_2011_HEMOGLOBIN;
/// assert!(WHO_2011_HEMOGLOBIN.iter().all(|r| r.severe_below < r.moderate_below));
/// ```
pub const WHO_2011_HEMOGLOBIN: [WhoHemoglobinRow; 6] = [
    WhoHemoglobinRow {
        population: WhoPopulation::Children6To59Months,
        ages: AgeRange {
            from: months(6.0),
            to: 5.0,
            label: "6 mo ≤ age < 5 y",
        },
        sex: None,
        anemia_below: 11.0,
        moderate_below: 10.0,
        severe_below: 7.0,
    },
    WhoHemoglobinRow {
        population: WhoPopulation::Children5To11Years,
        ages: AgeRange {
            from: 5.0,
            to: 12.0,
            label: "5 y ≤ age < 12 y",
        },
        sex: None,
        anemia_below: 11.5,
        moderate_below: 11.0,
        severe_below: 8.0,
    },
    WhoHemoglobinRow {
        population: WhoPopulation::Children12To14Years,
        ages: AgeRange {
            from: 12.0,
            to: 15.0,
            label: "12 y ≤ age < 15 y",
        },
        sex: None,
        anemia_below: 12.0,
        moderate_below: 11.0,
        severe_below: 8.0,
    },
    WhoHemoglobinRow {
        population: WhoPopulation::NonPregnantWomen,
        ages: AGE_15_PLUS,
        sex: Some(Sex::Female),
        anemia_below: 12.0,
        moderate_below: 11.0,
        severe_below: 8.0,
    },
    WhoHemoglobinRow {
        population: WhoPopulation::PregnantWomen,
        ages: AgeRange {
            from: 0.0,
            to: f64::INFINITY,
            label: "any age",
        },
        sex: Some(Sex::Female),
        anemia_below: 11.0,
        moderate_below: 10.0,
        severe_below: 7.0,
    },
    WhoHemoglobinRow {
        population: WhoPopulation::Men,
        ages: AGE_15_PLUS,
        sex: Some(Sex::Male),
        anemia_below: 13.0,
        moderate_below: 11.0,
        severe_below: 8.0,
    },
];

/// A reference-range row by age (and sex): mean and mean − 2 SD, in the measure's canonical unit.
///
/// ```
/// use marrowkb::blood_count::thresholds::NATHAN_OSKI_MCV;
/// let r = NATHAN_OSKI_MCV[8];
/// assert_eq!((r.ages.from, r.mean, r.lower, r.upper()), (2.0, 81.0, 75.0, 87.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AgeReferenceRow {
    /// Ages the row applies to.
    pub ages: AgeRange,
    /// Sex, where the row is sex-specific.
    pub sex: Option<Sex>,
    /// Mean.
    pub mean: f64,
    /// Mean − 2 SD: the lower limit (values below it are low).
    pub lower: f64,
}

impl AgeReferenceRow {
    /// Mean + 2 SD, derived as `2 × mean − lower` (used as the upper limit of MCV).
    ///
    /// ```
    /// use marrowkb::blood_count::thresholds::NATHAN_OSKI_MCV;
    /// let adult = NATHAN_OSKI_MCV.last().unwrap();
    /// assert_eq!((adult.lower, adult.upper()), (80.0, 100.0));
    /// ```
    pub const fn upper(&self) -> f64 {
        2.0 * self.mean - self.lower
    }

    /// Whether the row applies to this age and (possibly unknown) sex. A sex-specific row applies to an
    /// unknown sex too: the caller compares every applicable row.
    ///
    /// ```
    /// use marrowkb::blood_count::{Sex, thresholds::NATHAN_OSKI_MCV};
    /// let girls = NATHAN_OSKI_MCV[10];
    /// assert!(girls.applies(13.0, Some(Sex::Female)) && girls.applies(13.0, None));
    /// assert!(!girls.applies(13.0, Some(Sex::Male)));
    /// ```
    pub fn applies(&self, age: f64, sex: Option<Sex>) -> bool {
        self.ages.contains(age) && (self.sex.is_none() || sex.is_none() || self.sex == sex)
    }
}

const fn row(from: f64, to: f64, label: &'static str, sex: Option<Sex>, mean: f64, lower: f64) -> AgeReferenceRow {
    AgeReferenceRow {
        ages: AgeRange { from, to, label },
        sex,
        mean,
        lower,
    }
}

/// Haemoglobin (g/dL) below 6 months of age, where WHO 2011 has no cut-off: Nathan and Oski Appendix 11.
///
/// ```
/// use marrowkb::blood_count::thresholds::NATHAN_OSKI_INFANT_HEMOGLOBIN;
/// assert_eq!(NATHAN_OSKI_INFANT_HEMOGLOBIN[5].lower, 9.0); // 2 months: the physiological nadir
/// ```
pub const NATHAN_OSKI_INFANT_HEMOGLOBIN: [AgeReferenceRow; 7] = [
    row(0.0, days(1.0), "birth (cord blood): age < 1 d", None, 16.5, 13.5),
    row(days(1.0), days(7.0), "1–3 days: 1 d ≤ age < 7 d", None, 18.5, 14.5),
    row(days(7.0), days(14.0), "1 week: 7 d ≤ age < 14 d", None, 17.5, 13.5),
    row(days(14.0), months(1.0), "2 weeks: 14 d ≤ age < 1 mo", None, 16.5, 12.5),
    row(months(1.0), months(2.0), "1 month: 1 mo ≤ age < 2 mo", None, 14.0, 10.0),
    row(months(2.0), months(3.0), "2 months: 2 mo ≤ age < 3 mo", None, 11.5, 9.0),
    row(
        months(3.0),
        months(6.0),
        "3–6 months: 3 mo ≤ age < 6 mo",
        None,
        11.5,
        9.5,
    ),
];

/// MCV (fL) by age and sex: Nathan and Oski Appendix 11. Microcytosis `MCV < lower`, macrocytosis
/// `MCV > upper()`; both limits are normal.
///
/// ```
/// use marrowkb::blood_count::thresholds::NATHAN_OSKI_MCV;
/// assert!(NATHAN_OSKI_MCV.iter().all(|r| r.lower < r.mean && r.mean < r.upper()));
/// ```
pub const NATHAN_OSKI_MCV: [AgeReferenceRow; 13] = [
    row(0.0, days(1.0), "birth (cord blood): age < 1 d", None, 108.0, 95.0),
    row(days(1.0), days(7.0), "1–3 days: 1 d ≤ age < 7 d", None, 108.0, 95.0),
    row(days(7.0), days(14.0), "1 week: 7 d ≤ age < 14 d", None, 107.0, 88.0),
    row(days(14.0), months(1.0), "2 weeks: 14 d ≤ age < 1 mo", None, 105.0, 86.0),
    row(
        months(1.0),
        months(2.0),
        "1 month: 1 mo ≤ age < 2 mo",
        None,
        104.0,
        85.0,
    ),
    row(
        months(2.0),
        months(3.0),
        "2 months: 2 mo ≤ age < 3 mo",
        None,
        96.0,
        77.0,
    ),
    row(
        months(3.0),
        months(6.0),
        "3–6 months: 3 mo ≤ age < 6 mo",
        None,
        91.0,
        74.0,
    ),
    row(months(6.0), 2.0, "0.5–2 years: 6 mo ≤ age < 2 y", None, 78.0, 70.0),
    row(2.0, 6.0, "2–6 years: 2 y ≤ age < 6 y", None, 81.0, 75.0),
    row(6.0, 12.0, "6–12 years: 6 y ≤ age < 12 y", None, 86.0, 77.0),
    row(
        12.0,
        18.0,
        "12–18 years, female: 12 y ≤ age < 18 y",
        Some(Sex::Female),
        90.0,
        78.0,
    ),
    row(
        12.0,
        18.0,
        "12–18 years, male: 12 y ≤ age < 18 y",
        Some(Sex::Male),
        88.0,
        78.0,
    ),
    row(
        18.0,
        f64::INFINITY,
        "adults (18–49 years column), both sexes: age ≥ 18 y",
        None,
        90.0,
        80.0,
    ),
];

/// A lower limit of normal for a cell count, by age.
///
/// ```
/// use marrowkb::blood_count::{Field, thresholds::COUNT_LOWER_LIMITS};
/// let platelets = COUNT_LOWER_LIMITS.iter().find(|l| l.field == Field::Platelets).unwrap();
/// assert_eq!(platelets.lower, 150.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CountLowerLimit {
    /// The count.
    pub field: Field,
    /// Ages it applies to.
    pub ages: AgeRange,
    /// The count is low when below this (×10⁹/L).
    pub lower: f64,
    /// Where it comes from.
    pub source: Reference,
}

/// Lower limits of normal for the cell counts (×10⁹/L). An age outside every row of a count has no
/// reference for it.
///
/// ```
/// use marrowkb::blood_count::{Field, thresholds::COUNT_LOWER_LIMITS};
/// let anc: Vec<f64> = COUNT_LOWER_LIMITS.iter().filter(|l| l.field == Field::Neutrophils).map(|l| l.lower).collect();
/// assert_eq!(anc, [1.0, 1.5]);
/// ```
pub const COUNT_LOWER_LIMITS: [CountLowerLimit; 8] = [
    CountLowerLimit {
        field: Field::Neutrophils,
        ages: AgeRange {
            from: days(14.0),
            to: 1.0,
            label: "14 d ≤ age < 1 y",
        },
        lower: 1.0,
        source: Reference::Nelson,
    },
    CountLowerLimit {
        field: Field::Neutrophils,
        ages: AgeRange {
            from: 1.0,
            to: f64::INFINITY,
            label: "age ≥ 1 y",
        },
        lower: 1.5,
        source: Reference::Nelson,
    },
    CountLowerLimit {
        field: Field::Lymphocytes,
        ages: ADULTS,
        lower: 1.0,
        source: Reference::DacieLewis,
    },
    CountLowerLimit {
        field: Field::Monocytes,
        ages: ADULTS,
        lower: 0.2,
        source: Reference::DacieLewis,
    },
    CountLowerLimit {
        field: Field::Platelets,
        ages: AgeRange {
            from: 0.0,
            to: days(28.0),
            label: "newborns: age < 28 d",
        },
        lower: 150.0,
        source: Reference::RobertsMurray2003,
    },
    CountLowerLimit {
        field: Field::Platelets,
        ages: AgeRange {
            from: days(28.0),
            to: 18.0,
            label: "28 d ≤ age < 18 y",
        },
        lower: 150.0,
        source: Reference::NathanOski,
    },
    CountLowerLimit {
        field: Field::Platelets,
        ages: ADULTS,
        lower: 150.0,
        source: Reference::DacieLewis,
    },
    CountLowerLimit {
        field: Field::Reticulocytes,
        ages: ADULTS,
        lower: 50.0,
        source: Reference::DacieLewis,
    },
];

const ADULTS: AgeRange = AgeRange {
    from: 18.0,
    to: f64::INFINITY,
    label: "age ≥ 18 y",
};

/// Severity bands of a cytopenia (canonical unit): very severe `v < very_severe_below`; severe
/// `very_severe_below ≤ v < severe_below`; moderate `severe_below ≤ v < moderate_below`; mild
/// `moderate_below ≤ v < mild_below`.
///
/// ```
/// use marrowkb::blood_count::{Severity, thresholds::SeverityBands};
/// let bands = SeverityBands { mild_below: 12.0, moderate_below: 11.0, severe_below: 8.0, very_severe_below: None };
/// assert_eq!(bands.classify(11.0), Some(Severity::Mild));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SeverityBands {
    /// Mild below this.
    pub mild_below: f64,
    /// Moderate below this.
    pub moderate_below: f64,
    /// Severe below this.
    pub severe_below: f64,
    /// Very severe below this, where the scale has the band.
    pub very_severe_below: Option<f64>,
}

/// The neutropenia bands (×10⁹/L): mild 1.0–1.5, moderate 0.5–1.0, severe 0.2–0.5 (Nelson), very severe
/// < 0.2 (the Bacigalupo 1988 threshold).
///
/// ```
/// use marrowkb::blood_count::thresholds::NEUTROPENIA_BANDS;
/// assert_eq!(NEUTROPENIA_BANDS.very_severe_below, Some(0.2));
/// ```
pub const NEUTROPENIA_BANDS: SeverityBands = SeverityBands {
    mild_below: 1.5,
    moderate_below: 1.0,
    severe_below: 0.5,
    very_severe_below: Some(0.2),
};

/// A CTCAE v5.0 term's grades (canonical unit): grade 1 `grade2_below ≤ v < LLN`; grade 2
/// `grade3_below ≤ v < grade2_below`; grade 3 `grade4_below ≤ v < grade3_below` (or `v < grade3_below`
/// where grade 4 has no number); grade 4 `v < grade4_below`.
///
/// ```
/// use marrowkb::blood_count::thresholds::CTCAE_LYMPHOCYTES;
/// assert_eq!(CTCAE_LYMPHOCYTES.term, "Lymphocyte count decreased");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CtcaeScale {
    /// The measure.
    pub field: Field,
    /// The CTCAE v5.0 term.
    pub term: &'static str,
    /// Grade 2 below this.
    pub grade2_below: f64,
    /// Grade 3 below this.
    pub grade3_below: f64,
    /// Grade 4 below this; `None` where grade 4 is clinical (anaemia).
    pub grade4_below: Option<f64>,
}

/// CTCAE v5.0 Anemia (g/dL).
///
/// ```
/// use marrowkb::blood_count::thresholds::CTCAE_ANEMIA;
/// assert_eq!((CTCAE_ANEMIA.grade2_below, CTCAE_ANEMIA.grade3_below), (10.0, 8.0));
/// ```
pub const CTCAE_ANEMIA: CtcaeScale = CtcaeScale {
    field: Field::Hemoglobin,
    term: "Anemia",
    grade2_below: 10.0,
    grade3_below: 8.0,
    grade4_below: None,
};
/// CTCAE v5.0 Neutrophil count decreased (×10⁹/L).
///
/// ```
/// use marrowkb::blood_count::thresholds::CTCAE_NEUTROPHILS;
/// assert_eq!(CTCAE_NEUTROPHILS.grade3_below, 1.0);
/// ```
pub const CTCAE_NEUTROPHILS: CtcaeScale = CtcaeScale {
    field: Field::Neutrophils,
    term: "Neutrophil count decreased",
    grade2_below: 1.5,
    grade3_below: 1.0,
    grade4_below: Some(0.5),
};
/// CTCAE v5.0 Platelet count decreased (×10⁹/L).
///
/// ```
/// use marrowkb::blood_count::thresholds::CTCAE_PLATELETS;
/// assert_eq!(CTCAE_PLATELETS.grade4_below, Some(25.0));
/// ```
pub const CTCAE_PLATELETS: CtcaeScale = CtcaeScale {
    field: Field::Platelets,
    term: "Platelet count decreased",
    grade2_below: 75.0,
    grade3_below: 50.0,
    grade4_below: Some(25.0),
};
/// CTCAE v5.0 Lymphocyte count decreased (×10⁹/L).
///
/// ```
/// use marrowkb::blood_count::thresholds::CTCAE_LYMPHOCYTES;
/// assert_eq!(CTCAE_LYMPHOCYTES.grade4_below, Some(0.2));
/// ```
pub const CTCAE_LYMPHOCYTES: CtcaeScale = CtcaeScale {
    field: Field::Lymphocytes,
    term: "Lymphocyte count decreased",
    grade2_below: 0.8,
    grade3_below: 0.5,
    grade4_below: Some(0.2),
};

/// The severity criteria of aplastic anaemia.
///
/// Marrow criterion: `cellularity < cellularity_below`, or `cellularity_below ≤ cellularity ≤
/// partial_cellularity_max` with `residual haematopoietic cells < residual_below`. Severe: the marrow
/// criterion and at least 2 of `ANC < neutrophils_below`, `platelets < platelets_below`,
/// `reticulocytes < reticulocytes_below` (or `< automated_reticulocytes_below` under BSH 2016). Very
/// severe: severe and `ANC < very_severe_neutrophils_below`.
///
/// ```
/// use marrowkb::blood_count::thresholds::APLASTIC;
/// assert_eq!(APLASTIC.partial_cellularity_max, 50.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AplasticThresholds {
    /// Cellularity below this (%) meets the marrow criterion (Camitta 1976).
    pub cellularity_below: f64,
    /// Up to and including this cellularity (%), the marrow criterion needs few residual haematopoietic cells.
    pub partial_cellularity_max: f64,
    /// Residual haematopoietic cells below this (%) (Camitta 1976).
    pub residual_below: f64,
    /// ANC below this (×10⁹/L) (Camitta 1976).
    pub neutrophils_below: f64,
    /// Platelets below this (×10⁹/L) (Camitta 1976).
    pub platelets_below: f64,
    /// Reticulocytes below this (×10⁹/L) (Camitta 1976, manual count).
    pub reticulocytes_below: f64,
    /// Reticulocytes below this (×10⁹/L) with an automated count (BSH 2016).
    pub automated_reticulocytes_below: f64,
    /// ANC below this (×10⁹/L) makes severe very severe (Bacigalupo 1988).
    pub very_severe_neutrophils_below: f64,
    /// Corrected reticulocyte percentage below this (%): Camitta 1976's own reticulocyte criterion, used
    /// when no absolute count is known.
    pub corrected_reticulocyte_percent_below: f64,
    /// The normal haematocrit (%) the reticulocyte percentage is corrected to (`percent × Hct / 45`).
    pub normal_hematocrit: f64,
}

/// Camitta 1976 as modified by Bacigalupo 1988, with the BSH 2016 automated reticulocyte option.
///
/// ```
/// use marrowkb::blood_count::thresholds::APLASTIC;
/// assert_eq!((APLASTIC.reticulocytes_below, APLASTIC.automated_reticulocytes_below), (20.0, 60.0));
/// ```
pub const APLASTIC: AplasticThresholds = AplasticThresholds {
    cellularity_below: 25.0,
    partial_cellularity_max: 50.0,
    residual_below: 30.0,
    neutrophils_below: 0.5,
    platelets_below: 20.0,
    reticulocytes_below: 20.0,
    automated_reticulocytes_below: 60.0,
    very_severe_neutrophils_below: 0.2,
    corrected_reticulocyte_percent_below: 1.0,
    normal_hematocrit: 45.0,
};

/// Plausibility bounds of a field, in its canonical unit: values outside are rejected by
/// [`BloodCountBuilder::build`](super::BloodCountBuilder::build).
///
/// ```
/// use marrowkb::blood_count::{Field, thresholds::PLAUSIBLE};
/// let hb = PLAUSIBLE.iter().find(|p| p.field == Field::Hemoglobin).unwrap();
/// assert_eq!((hb.max, hb.min_exclusive), (25.0, true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Plausible {
    /// The field.
    pub field: Field,
    /// Lowest accepted value.
    pub min: f64,
    /// Whether `min` itself is rejected (zero haemoglobin, MCV or red cell count).
    pub min_exclusive: bool,
    /// Highest accepted value (inclusive).
    pub max: f64,
    /// The error reason below `min`.
    pub below_reason: &'static str,
    /// The error reason above `max`.
    pub above_reason: &'static str,
}

const NEGATIVE: &str = "negative";

/// Plausibility bounds (marrowkb's own; see the notes above).
///
/// ```
/// use marrowkb::blood_count::{Field, thresholds::PLAUSIBLE};
/// assert!(PLAUSIBLE.iter().any(|p| p.field == Field::Platelets && p.max == 5000.0));
/// ```
pub const PLAUSIBLE: [Plausible; 13] = [
    Plausible {
        field: Field::Hemoglobin,
        min: 0.0,
        min_exclusive: true,
        max: 25.0,
        below_reason: "zero haemoglobin is physiologically impossible",
        above_reason: "above 25 g/dL: physiologically impossible",
    },
    Plausible {
        field: Field::Mcv,
        min: 30.0,
        min_exclusive: false,
        max: 200.0,
        below_reason: "below 30 fL: physiologically impossible",
        above_reason: "above 200 fL: physiologically impossible",
    },
    Plausible {
        field: Field::Neutrophils,
        min: 0.0,
        min_exclusive: false,
        max: 2000.0,
        below_reason: NEGATIVE,
        above_reason: "above 2000 ×10⁹/L: physiologically impossible",
    },
    Plausible {
        field: Field::Lymphocytes,
        min: 0.0,
        min_exclusive: false,
        max: 2000.0,
        below_reason: NEGATIVE,
        above_reason: "above 2000 ×10⁹/L: physiologically impossible",
    },
    Plausible {
        field: Field::Monocytes,
        min: 0.0,
        min_exclusive: false,
        max: 2000.0,
        below_reason: NEGATIVE,
        above_reason: "above 2000 ×10⁹/L: physiologically impossible",
    },
    Plausible {
        field: Field::Platelets,
        min: 0.0,
        min_exclusive: false,
        max: 5000.0,
        below_reason: NEGATIVE,
        above_reason: "above 5000 ×10⁹/L: physiologically impossible",
    },
    Plausible {
        field: Field::Reticulocytes,
        min: 0.0,
        min_exclusive: false,
        max: 2000.0,
        below_reason: NEGATIVE,
        above_reason: "above 2000 ×10⁹/L: physiologically impossible",
    },
    Plausible {
        field: Field::ReticulocytePercent,
        min: 0.0,
        min_exclusive: false,
        max: 100.0,
        below_reason: NEGATIVE,
        above_reason: "above 100 %",
    },
    Plausible {
        field: Field::RedCellCount,
        min: 0.0,
        min_exclusive: true,
        max: 15.0,
        below_reason: "a zero red cell count is physiologically impossible",
        above_reason: "above 15 ×10¹²/L: physiologically impossible",
    },
    Plausible {
        field: Field::Cellularity,
        min: 0.0,
        min_exclusive: false,
        max: 100.0,
        below_reason: NEGATIVE,
        above_reason: "above 100 %",
    },
    Plausible {
        field: Field::ResidualHematopoieticCells,
        min: 0.0,
        min_exclusive: false,
        max: 100.0,
        below_reason: NEGATIVE,
        above_reason: "above 100 %",
    },
    Plausible {
        field: Field::Age,
        min: 0.0,
        min_exclusive: false,
        max: 130.0,
        below_reason: NEGATIVE,
        above_reason: "above 130 years",
    },
    Plausible {
        field: Field::Hematocrit,
        min: 0.0,
        min_exclusive: true,
        max: 80.0,
        below_reason: "a zero haematocrit is physiologically impossible",
        above_reason: "above 80 %: physiologically impossible",
    },
];

/// Formats a number for the table: one decimal for whole numbers below 20 (`11.0`, `1.0`), else as is
/// (`25`, `150`, `0.5`).
fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 20.0 {
        format!("{v:.1}")
    } else {
        format!("{v}")
    }
}

/// The threshold table as Markdown (the table in this module's documentation).
///
/// ```
/// let table = marrowkb::blood_count::thresholds::markdown_table();
/// assert!(table.starts_with("| Measure |"));
/// assert!(table.contains("| Platelets |"));
/// ```
pub fn markdown_table() -> String {
    let mut rows = Rows(Vec::new());
    hemoglobin_rows(&mut rows);
    ctcae_rows(&mut rows);
    count_rows(&mut rows);
    mcv_rows(&mut rows);
    aplastic_rows(&mut rows);
    plausible_rows(&mut rows);
    let mut out = String::from("| Measure | Population | Finding | Rule | Source |\n| --- | --- | --- | --- | --- |\n");
    for r in rows.0 {
        out.push_str(&format!("| {} | {} | {} | {} | {} |\n", r[0], r[1], r[2], r[3], r[4]));
    }
    out
}

/// The rows of [`markdown_table`]: measure, population, finding, rule, source.
struct Rows(Vec<[String; 5]>);

impl Rows {
    fn push(&mut self, measure: &str, population: String, finding: &str, rule: String, source: Reference) {
        self.0.push([
            measure.into(),
            population,
            finding.into(),
            rule,
            source.short_name().into(),
        ]);
    }
}

/// Anaemia by haemoglobin: WHO 2011 and the infant limits.
fn hemoglobin_rows(rows: &mut Rows) {
    for r in &WHO_2011_HEMOGLOBIN {
        rows.push(
            "Haemoglobin",
            format!("WHO: {} ({})", r.population.name(), r.ages.label),
            "anaemia; severity",
            format!(
                "anaemia Hb < {a}; mild {m} ≤ Hb < {a}; moderate {s} ≤ Hb < {m}; severe Hb < {s} g/dL",
                a = num(r.anemia_below),
                m = num(r.moderate_below),
                s = num(r.severe_below)
            ),
            Reference::Who2011,
        );
    }
    for r in &NATHAN_OSKI_INFANT_HEMOGLOBIN {
        rows.push(
            "Haemoglobin",
            r.ages.label.into(),
            "anaemia (no severity grade)",
            format!("Hb < {} g/dL (mean {})", num(r.lower), num(r.mean)),
            Reference::NathanOski,
        );
    }
}

/// The CTCAE v5.0 grades.
fn ctcae_rows(rows: &mut Rows) {
    for s in [CTCAE_ANEMIA, CTCAE_NEUTROPHILS, CTCAE_PLATELETS, CTCAE_LYMPHOCYTES] {
        let unit = if s.field == Field::Hemoglobin {
            "g/dL"
        } else {
            "×10⁹/L"
        };
        let grade4 = match s.grade4_below {
            Some(g4) => format!(
                "grade 3 {} ≤ v < {}; grade 4 v < {} {unit}",
                num(g4),
                num(s.grade3_below),
                num(g4)
            ),
            None => format!("grade 3 v < {} {unit}; grade 4 clinical only", num(s.grade3_below)),
        };
        rows.push(
            field_title(s.field),
            "every age".into(),
            s.term,
            format!(
                "grade 1 {g2} ≤ v < LLN; grade 2 {g3} ≤ v < {g2}; {grade4}",
                g2 = num(s.grade2_below),
                g3 = num(s.grade3_below)
            ),
            Reference::Ctcae5,
        );
    }
}

/// The counts' lower limits and the neutropenia bands.
fn count_rows(rows: &mut Rows) {
    for l in &COUNT_LOWER_LIMITS {
        rows.push(
            field_title(l.field),
            l.ages.label.into(),
            cytopenia_name(l.field),
            format!("v < {} ×10⁹/L (the LLN)", num(l.lower)),
            l.source,
        );
    }
    let b = NEUTROPENIA_BANDS;
    let vs = b.very_severe_below.unwrap_or(0.0);
    rows.push(
        "Neutrophils",
        "when neutropenic".into(),
        "neutropenia severity",
        format!(
            "mild {mo} ≤ ANC < {mi}; moderate {se} ≤ ANC < {mo}; severe {vs} ≤ ANC < {se} ×10⁹/L",
            mi = num(b.mild_below),
            mo = num(b.moderate_below),
            se = num(b.severe_below),
            vs = num(vs)
        ),
        Reference::Nelson,
    );
    rows.push(
        "Neutrophils",
        "when neutropenic".into(),
        "very severe neutropenia",
        format!("ANC < {} ×10⁹/L", num(vs)),
        Reference::Bacigalupo1988,
    );
}

/// Red cell size by MCV.
fn mcv_rows(rows: &mut Rows) {
    for r in &NATHAN_OSKI_MCV {
        rows.push(
            "MCV",
            r.ages.label.into(),
            "microcytosis; macrocytosis",
            format!(
                "micro MCV < {}; macro MCV > {} fL (mean {}; upper = 2 × mean − lower)",
                num(r.lower),
                num(r.upper()),
                num(r.mean)
            ),
            Reference::NathanOski,
        );
    }
}

/// Aplastic anaemia severity and the haemoglobin unit conversion.
fn aplastic_rows(rows: &mut Rows) {
    let a = APLASTIC;
    rows.push(
        "Marrow",
        "aplastic anaemia".into(),
        "marrow criterion",
        format!(
            "cellularity < {c} %, or {c} ≤ cellularity ≤ {p} % with residual haematopoietic cells < {r} %",
            c = num(a.cellularity_below),
            p = num(a.partial_cellularity_max),
            r = num(a.residual_below)
        ),
        Reference::Camitta1976,
    );
    rows.push(
        "Blood",
        "aplastic anaemia".into(),
        "severe (with the marrow criterion)",
        format!(
            "≥ 2 of: ANC < {}; platelets < {}; reticulocytes < {} ×10⁹/L",
            num(a.neutrophils_below),
            num(a.platelets_below),
            num(a.reticulocytes_below)
        ),
        Reference::Camitta1976,
    );
    rows.push(
        "Reticulocytes",
        "aplastic anaemia, BSH option".into(),
        "severe criterion, automated count",
        format!(
            "reticulocytes < {} ×10⁹/L (replaces < {})",
            num(a.automated_reticulocytes_below),
            num(a.reticulocytes_below)
        ),
        Reference::Bsh2016,
    );
    rows.push(
        "Reticulocytes (%)",
        "aplastic anaemia, Camitta option".into(),
        "severe criterion, corrected percentage",
        format!(
            "reticulocyte % × haematocrit / {} < {} % (when no absolute count is known)",
            num(a.normal_hematocrit),
            num(a.corrected_reticulocyte_percent_below)
        ),
        Reference::Camitta1976,
    );
    rows.push(
        "Neutrophils",
        "aplastic anaemia".into(),
        "very severe",
        format!("severe and ANC < {} ×10⁹/L", num(a.very_severe_neutrophils_below)),
        Reference::Bacigalupo1988,
    );
    rows.push(
        "Haemoglobin",
        "unit conversion".into(),
        "g/dL to mmol/L",
        format!("1 g/dL = {HB_MMOL_PER_L_PER_G_PER_DL} mmol/L (10 g/L ÷ 16 114.5 g/mol, Hb monomer)"),
        Reference::Icsh1995,
    );
}

/// The accepted input ranges.
fn plausible_rows(rows: &mut Rows) {
    for p in &PLAUSIBLE {
        let unit = plausible_unit(p.field);
        let low = if p.min_exclusive {
            format!("{} < v", num(p.min))
        } else {
            format!("{} ≤ v", num(p.min))
        };
        rows.push(
            field_title(p.field),
            "every age".into(),
            "accepted input",
            format!("{low} ≤ {} {unit}", num(p.max)),
            Reference::Marrowkb,
        );
    }
}

fn field_title(field: Field) -> &'static str {
    match field {
        Field::Hemoglobin => "Haemoglobin",
        Field::Mcv => "MCV",
        Field::Neutrophils => "Neutrophils",
        Field::Lymphocytes => "Lymphocytes",
        Field::Monocytes => "Monocytes",
        Field::Platelets => "Platelets",
        Field::Reticulocytes => "Reticulocytes",
        Field::ReticulocytePercent => "Reticulocytes (%)",
        Field::RedCellCount => "Red cells",
        Field::Cellularity => "Cellularity",
        Field::ResidualHematopoieticCells => "Residual haematopoietic cells",
        Field::Age => "Age",
        Field::Sex => "Sex",
        Field::Pregnant => "Pregnancy",
        Field::Hematocrit => "Haematocrit",
    }
}

fn cytopenia_name(field: Field) -> &'static str {
    match field {
        Field::Neutrophils => "neutropenia",
        Field::Lymphocytes => "lymphopenia",
        Field::Monocytes => "monocytopenia",
        Field::Platelets => "thrombocytopenia",
        Field::Reticulocytes => "reticulocytopenia",
        _ => "low",
    }
}

fn plausible_unit(field: Field) -> &'static str {
    match field {
        Field::Hemoglobin => "g/dL",
        Field::Mcv => "fL",
        Field::RedCellCount => "×10¹²/L",
        Field::ReticulocytePercent | Field::Cellularity | Field::ResidualHematopoieticCells | Field::Hematocrit => "%",
        Field::Age => "years",
        _ => "×10⁹/L",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The documentation's table is exactly what the constants render.
    #[test]
    fn doc_table_matches_constants() {
        let source = include_str!("thresholds.rs");
        let begin = "//! <!-- begin table -->\n";
        let end = "//! <!-- end table -->\n";
        let start = source.find(begin).map(|i| i + begin.len()).unwrap_or(0);
        let stop = source.find(end).unwrap_or(0);
        let documented: String = source[start..stop]
            .lines()
            .map(|l| l.strip_prefix("//! ").unwrap_or(l).to_string() + "\n")
            .collect();
        let expected = markdown_table();
        let as_doc: String = expected.lines().map(|l| format!("//! {l}\n")).collect();
        assert!(
            documented == expected,
            "update the table in thresholds.rs to:\n{as_doc}"
        );
    }

    #[test]
    fn age_rows_are_contiguous() {
        for table in [&NATHAN_OSKI_INFANT_HEMOGLOBIN[..], &NATHAN_OSKI_MCV[..10]] {
            for pair in table.windows(2) {
                assert_eq!(pair[0].ages.to, pair[1].ages.from, "{:?}", pair[1].ages.label);
            }
        }
        assert_eq!(
            NATHAN_OSKI_INFANT_HEMOGLOBIN[6].ages.to,
            WHO_2011_HEMOGLOBIN[0].ages.from
        );
        assert_eq!(NATHAN_OSKI_MCV[9].ages.to, NATHAN_OSKI_MCV[10].ages.from);
        assert_eq!(NATHAN_OSKI_MCV[11].ages.to, NATHAN_OSKI_MCV[12].ages.from);
    }

    #[test]
    fn every_numeric_field_has_bounds() {
        for f in Field::ALL {
            let has = PLAUSIBLE.iter().any(|p| p.field == *f);
            assert_eq!(has, !matches!(f, Field::Sex | Field::Pregnant), "{f:?}");
        }
    }

    #[test]
    fn who_bands_are_ordered() {
        for r in &WHO_2011_HEMOGLOBIN {
            assert!(r.severe_below < r.moderate_below && r.moderate_below < r.anemia_below);
        }
    }
}
