//! Target `codes`: the identifier parsers (HPO, ORPHA, OMIM, ICD-10), the look-ups by identifier
//! (`Disorder::from_orpha`/`from_omim`/`from_icd10`, `Symptom::from_hpo`, `Gene::from_symbol`) and the HPO
//! term look-up, on arbitrary text and on the number made of the input's first four bytes.

use marrowkb::classes::XrefMatch;
use marrowkb::codes::{HpoId, Icd10Code, IdKind, MAX_ID_LEN, OmimId, OrphaId};
use marrowkb::gene::MAX_SYMBOL_LEN;
use marrowkb::hpo::{self, Replacement, Term};
use marrowkb::{Disorder, Error, Gene, Symptom};

/// Checks every identifier look-up of the text(s) and the number the bytes stand for.
pub fn check(data: &[u8]) {
    for text in super::texts(data) {
        check_text(&text);
    }
    let mut word = [0u8; 4];
    for (dst, src) in word.iter_mut().zip(data) {
        *dst = *src;
    }
    check_number(u32::from_le_bytes(word));
}

/// Checks every identifier look-up of one text.
pub fn check_text(text: &str) {
    let hpo = check_numeric(
        text,
        IdKind::Hpo,
        HpoId::parse(text).map(HpoId::get),
        |n| HpoId::new(n).to_string(),
        7,
    );
    let orpha = check_numeric(
        text,
        IdKind::Orpha,
        OrphaId::parse(text).map(OrphaId::get),
        |n| OrphaId::new(n).to_string(),
        7,
    );
    let omim = check_numeric(
        text,
        IdKind::Omim,
        OmimId::parse(text).map(OmimId::get),
        |n| OmimId::new(n).to_string(),
        6,
    );
    assert_eq!(
        text.parse::<HpoId>().map(HpoId::get),
        hpo,
        "{text:?}: FromStr for HpoId"
    );
    assert_eq!(
        text.parse::<OrphaId>().map(OrphaId::get),
        orpha,
        "{text:?}: FromStr for OrphaId"
    );
    assert_eq!(
        text.parse::<OmimId>().map(OmimId::get),
        omim,
        "{text:?}: FromStr for OmimId"
    );

    // Look-ups by text agree with parsing first and looking up the number.
    assert_eq!(
        Disorder::from_orpha(text),
        orpha.and_then(Disorder::from_orpha),
        "{text:?}: from_orpha"
    );
    assert_eq!(
        Disorder::from_omim(text),
        omim.and_then(Disorder::from_omim),
        "{text:?}: from_omim"
    );
    assert_eq!(
        Symptom::from_hpo(text),
        hpo.and_then(Symptom::from_hpo),
        "{text:?}: from_hpo"
    );
    assert_eq!(hpo::resolve(text), hpo.and_then(hpo::resolve), "{text:?}: hpo::resolve");
    assert_eq!(hpo::term(text), hpo.and_then(hpo::term), "{text:?}: hpo::term");
    assert_eq!(
        text.parse::<Term>(),
        hpo.and_then(hpo::term),
        "{text:?}: FromStr for Term"
    );

    check_icd10(text);
    check_gene(text);
}

/// A numeric identifier parser: `Ok` re-displays as its CURIE and re-parses to the same number; `Err` is
/// `MalformedId` of the right kind.
fn check_numeric(
    text: &str,
    kind: IdKind,
    parsed: Result<u32, Error>,
    display: impl Fn(u32) -> String,
    max_digits: u32,
) -> Result<u32, Error> {
    match parsed {
        Ok(n) => {
            assert!(
                n < 10u32.pow(max_digits),
                "{text:?}: {kind} number {n} has more than {max_digits} digits"
            );
            let trimmed = text.trim();
            assert!(
                !trimmed.is_empty() && trimmed.len() <= MAX_ID_LEN,
                "{text:?}: accepted as {kind} {n}"
            );
            let curie = display(n);
            let again = match kind {
                IdKind::Hpo => HpoId::parse(&curie).map(HpoId::get),
                IdKind::Orpha => OrphaId::parse(&curie).map(OrphaId::get),
                _ => OmimId::parse(&curie).map(OmimId::get),
            };
            assert_eq!(
                again,
                Ok(n),
                "{text:?}: {kind} {n} displays as {curie:?}, which does not parse back"
            );
        }
        Err(Error::MalformedId { kind: k, reason }) => {
            assert_eq!(k, kind, "{text:?}: {kind} parser reported kind {k}");
            assert!(!reason.is_empty());
        }
        Err(other) => panic!("{text:?}: {kind} parser returned {other:?}"),
    }
    if let Err(e) = &parsed {
        assert!(!e.to_string().is_empty());
    }
    parsed
}

fn check_icd10(text: &str) {
    let parsed = Icd10Code::parse(text);
    assert_eq!(text.parse::<Icd10Code>(), parsed, "{text:?}: FromStr for Icd10Code");
    match parsed {
        Ok(code) => {
            let s = code.as_str();
            let b = s.as_bytes();
            let shaped = (b.len() == 3 || b.len() == 5)
                && b[0].is_ascii_uppercase()
                && b[1].is_ascii_digit()
                && b[2].is_ascii_digit()
                && (b.len() == 3 || (b[3] == b'.' && (b[4].is_ascii_uppercase() || b[4].is_ascii_digit())));
            assert!(shaped, "{text:?}: parsed to the malformed code {s:?}");
            assert_eq!(
                Icd10Code::parse(s),
                Ok(code),
                "{text:?}: {s:?} does not re-parse to itself"
            );
            assert_eq!(code.to_string(), s);
            match Disorder::from_icd10(text) {
                Ok(coded) => {
                    assert!(!coded.is_empty(), "{text:?}: from_icd10 gave an empty list");
                    assert_eq!(Disorder::from_icd10(s), Ok(coded));
                    for (d, m) in coded {
                        assert!(
                            d.info().icd10.iter().any(|x| x.code == code && x.match_kind == *m),
                            "{text:?}: {d:?} listed for {s} ({m:?}) but its record does not carry the code"
                        );
                    }
                }
                Err(Error::UnknownId { kind: IdKind::Icd10 }) => {
                    for d in Disorder::ALL {
                        assert!(
                            !d.info().icd10.iter().any(|x| x.code == code),
                            "{text:?}: {d:?} carries {s} but from_icd10 does not find it"
                        );
                    }
                }
                Err(other) => panic!("{text:?}: from_icd10 of a well-formed code returned {other:?}"),
            }
        }
        Err(
            e @ Error::MalformedId {
                kind: IdKind::Icd10, ..
            },
        ) => {
            assert_eq!(
                Disorder::from_icd10(text),
                Err(e),
                "{text:?}: from_icd10 and parse disagree"
            );
        }
        Err(other) => panic!("{text:?}: Icd10Code::parse returned {other:?}"),
    }
}

fn check_gene(text: &str) {
    let found = Gene::from_symbol(text);
    assert_eq!(
        marrowkb::disorders_for_gene(text),
        found.map(Gene::disorders),
        "{text:?}: disorders_for_gene"
    );
    match found {
        Ok(g) => {
            assert!(g.symbol().eq_ignore_ascii_case(text.trim()), "{text:?}: found {g:?}");
            assert_eq!(Gene::from_symbol(g.symbol()), Ok(g));
            assert_eq!(Gene::from_ncbi_gene_id(g.ncbi_gene_id()), Ok(g));
            assert!(!g.disorders().is_empty(), "{g:?} has no disorder");
            for d in g.disorders() {
                assert!(
                    d.genes().contains(&g),
                    "{g:?} lists {d:?}, which does not list the gene"
                );
            }
        }
        Err(Error::EmptyInput) => assert!(text.trim().is_empty(), "{text:?}: EmptyInput"),
        Err(Error::InputTooLong { len, max }) => {
            assert_eq!((len, max), (text.trim().len(), MAX_SYMBOL_LEN), "{text:?}");
            assert!(len > max);
        }
        Err(Error::UnknownId { kind: IdKind::Gene }) => {}
        Err(other) => panic!("{text:?}: Gene::from_symbol returned {other:?}"),
    }
}

/// Checks the look-ups that take a number.
pub fn check_number(n: u32) {
    // HPO: current, alternative, obsolete or unknown.
    match hpo::resolve(n) {
        Ok(r) => {
            assert_eq!(r.requested, HpoId::new(n));
            assert_eq!(r.replaced.is_none(), r.term.id() == r.requested, "HP:{n}: {r:?}");
            check_term(r.term);
            let again = hpo::resolve(r.term.id());
            assert_eq!(
                again.map(|a| (a.term, a.replaced)),
                Ok((r.term, None)),
                "HP:{n}: replacement is not current"
            );
            assert!(matches!(
                r.replaced,
                None | Some(Replacement::AltId | Replacement::Obsolete)
            ));
        }
        Err(Error::UnknownId { kind: IdKind::Hpo }) => {}
        Err(Error::ObsoleteId { kind: IdKind::Hpo, id }) => assert_eq!(id, n),
        Err(other) => panic!("HP:{n}: hpo::resolve returned {other:?}"),
    }
    match Symptom::from_hpo(n) {
        Ok(s) => assert!(
            s.info().hpo.contains(&HpoId::new(n)),
            "HP:{n}: {s:?} does not carry the term"
        ),
        Err(Error::UnknownId { kind: IdKind::Hpo }) => {}
        Err(other) => panic!("HP:{n}: Symptom::from_hpo returned {other:?}"),
    }
    match Disorder::from_orpha(n) {
        Ok(d) => {
            let links = Disorder::all_for_orpha(OrphaId::new(n));
            assert!(
                links.iter().any(|(x, m)| *x == d && *m != XrefMatch::Closest),
                "ORPHA:{n}: {d:?} {links:?}"
            );
            assert!(
                d.info().orpha.iter().any(|x| x.id == OrphaId::new(n)),
                "ORPHA:{n}: not in {d:?}'s record"
            );
        }
        Err(Error::UnknownId { kind: IdKind::Orpha }) => {}
        Err(other) => panic!("ORPHA:{n}: from_orpha returned {other:?}"),
    }
    match Disorder::from_omim(n) {
        Ok(d) => {
            let links = Disorder::all_for_omim(OmimId::new(n));
            assert!(
                links.iter().any(|(x, m)| *x == d && *m != XrefMatch::Closest),
                "OMIM:{n}: {d:?} {links:?}"
            );
            assert!(
                d.info().omim.iter().any(|x| x.id == OmimId::new(n)),
                "OMIM:{n}: not in {d:?}'s record"
            );
        }
        Err(Error::UnknownId { kind: IdKind::Omim }) => {}
        Err(other) => panic!("OMIM:{n}: from_omim returned {other:?}"),
    }
    match Gene::from_ncbi_gene_id(n) {
        Ok(g) => assert_eq!(g.ncbi_gene_id(), n),
        Err(Error::UnknownId { kind: IdKind::Gene }) => {}
        Err(other) => panic!("NCBI {n}: Gene::from_ncbi_gene_id returned {other:?}"),
    }
    match Disorder::from_discriminant(n) {
        Ok(d) => assert_eq!(d.discriminant(), n),
        Err(Error::InvalidDiscriminant {
            entity: "disorder",
            value,
        }) => {
            assert_eq!(value, n);
            assert!(!Disorder::ALL.iter().any(|d| d.discriminant() == n));
        }
        Err(other) => panic!("{n}: Disorder::from_discriminant returned {other:?}"),
    }
    match Term::from_index(n as usize) {
        Some(t) => {
            assert_eq!(t.index(), n as usize);
            check_term(t);
        }
        None => assert!(n as usize >= hpo::TERM_COUNT),
    }
}

/// A current term: named, found by its own id, its ancestors each once, decreasing, ending at the root.
fn check_term(t: Term) {
    assert!(!t.name().is_empty(), "{t:?} has no name");
    assert_eq!(hpo::term(t.id()), Ok(t), "{t:?} not found by its id");
    assert_eq!(
        hpo::term(t.id().to_string().as_str()),
        Ok(t),
        "{t:?} not found by its CURIE"
    );
    let ancestors: Vec<Term> = t.ancestors().collect();
    for pair in ancestors.windows(2) {
        assert!(
            pair[0].index() > pair[1].index(),
            "{t:?}: ancestors not decreasing: {pair:?}"
        );
    }
    if t == Term::ROOT {
        assert!(ancestors.is_empty());
    } else {
        assert_eq!(
            ancestors.last(),
            Some(&Term::ROOT),
            "{t:?}: ancestors do not end at the root"
        );
    }
    for p in t.parents() {
        assert!(ancestors.contains(&p) && t.is_a(p), "{t:?}: parent {p:?}");
    }
    let ic = t.information_content();
    assert!(ic.is_finite() && ic >= 0.0, "{t:?}: information content {ic}");
}
