//! Property tests: look-ups survive the ways people mangle names, and every enum round-trips.

use marrowkb::{Cause, DiagnosticTest, Disorder, Source, Symptom, Treatment};
use proptest::prelude::*;

/// Every (name, disorder) pair a look-up must find: keys, names, synonyms and abbreviations.
fn all_names() -> &'static [(&'static str, Disorder)] {
    static NAMES: std::sync::OnceLock<Vec<(&'static str, Disorder)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(collect_names)
}

fn collect_names() -> Vec<(&'static str, Disorder)> {
    let mut out = Vec::new();
    for d in Disorder::ALL {
        let i = d.info();
        for name in [i.key, i.name].iter().chain(i.synonyms).chain(i.abbreviations) {
            if marrowkb::lookup(name) == Ok(d) {
                out.push((*name, d));
            }
        }
    }
    out
}

/// Applies one mangling per character, chosen by `choices`.
fn mangle(name: &str, choices: &[u8]) -> String {
    let mut out = String::new();
    for (c, &k) in name.chars().zip(choices.iter().cycle()) {
        let c = match k % 5 {
            0 => c.to_ascii_uppercase(),
            1 => c.to_ascii_lowercase(),
            2 => match c {
                'a' => 'á',
                'e' => 'é',
                'i' => 'ï',
                'o' => 'ö',
                'u' => 'ü',
                'n' => 'ñ',
                'c' => 'ç',
                other => other,
            },
            _ => c,
        };
        out.push(c);
        if matches!(c, '\'' | '\u{2019}') {
            // "Fanconi's" must keep its possessive 's next to the apostrophe to be recognised.
            continue;
        }
        match k % 11 {
            3 => out.push(' '),
            4 => out.push('-'),
            5 => out.push_str(" , "),
            6 => out.push('.'),
            7 => out.push('\u{2013}'),
            _ => {}
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn every_name_survives_case_diacritics_punctuation_and_spacing(
        index in 0usize..10_000,
        choices in proptest::collection::vec(any::<u8>(), 1..40),
        pad_left in "[ \t]{0,3}",
        pad_right in "[ .\t]{0,3}",
    ) {
        let names = all_names();
        let (name, disorder) = names[index % names.len()];
        let mangled = format!("{pad_left}{}{pad_right}", mangle(name, &choices));
        prop_assert_eq!(marrowkb::lookup(&mangled), Ok(disorder), "{:?} from {:?}", mangled, name);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = marrowkb::lookup(&text);
        let _ = marrowkb::resolve(&text);
        let _ = marrowkb::search(&text);
        let _ = Disorder::from_orpha(text.as_str());
        let _ = Disorder::from_omim(text.as_str());
        let _ = Disorder::from_icd10(&text);
        let _ = Symptom::from_hpo(text.as_str());
        let _ = marrowkb::disorders_for_gene(&text);
    }

    #[test]
    fn arbitrary_discriminants_are_checked(value in any::<u32>()) {
        let ok = Disorder::from_discriminant(value).is_ok();
        prop_assert_eq!(ok, (1..=Disorder::COUNT as u32).contains(&value) || Disorder::ALL.iter().any(|d| *d as u32 == value));
    }
}

macro_rules! round_trip {
    ($name:ident, $ty:ident) => {
        #[test]
        fn $name() {
            for v in $ty::ALL {
                assert_eq!($ty::from_discriminant(v.discriminant()), Ok(v));
                assert_eq!($ty::from_key(v.key()), Ok(v));
                assert_eq!(v.to_string().parse::<$ty>(), Ok(v), "{v:?} via Display/FromStr");
                assert_eq!(v.key().parse::<$ty>(), Ok(v), "{v:?} via key/FromStr");
                let json = serde_json::to_string(&v).unwrap_or_default();
                assert_eq!(json, format!("\"{}\"", v.key()));
            }
        }
    };
}

round_trip!(disorder_round_trips, Disorder);
round_trip!(symptom_round_trips, Symptom);
round_trip!(treatment_round_trips, Treatment);
round_trip!(cause_round_trips, Cause);
round_trip!(diagnostic_test_round_trips, DiagnosticTest);
round_trip!(source_round_trips, Source);

/// Terms drawn from the disorders' profiles (real, annotated terms), by index.
fn profile_terms() -> &'static [marrowkb::hpo::Term] {
    static TERMS: std::sync::OnceLock<Vec<marrowkb::hpo::Term>> = std::sync::OnceLock::new();
    TERMS.get_or_init(collect_profile_terms)
}

fn collect_profile_terms() -> Vec<marrowkb::hpo::Term> {
    let mut terms: Vec<_> = Disorder::ALL
        .iter()
        .flat_map(|d| marrowkb::differential::profile(*d).iter().map(|f| f.term))
        .collect();
    terms.sort();
    terms.dedup();
    terms
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn differential_ranks_every_disorder_whatever_the_input_order(
        picks in proptest::collection::vec(any::<usize>(), 0..12),
        excluded_picks in proptest::collection::vec(any::<usize>(), 0..4),
        rotation in any::<usize>(),
    ) {
        use marrowkb::differential::{Query, TermInput};
        let terms = profile_terms();
        let observed: Vec<TermInput> = picks.iter().map(|i| TermInput::Term(terms[i % terms.len()])).collect();
        let excluded: Vec<TermInput> = excluded_picks.iter().map(|i| TermInput::Term(terms[i % terms.len()])).collect();
        let result = Query::new(&observed).excluding(&excluded).run().unwrap();
        // A permutation of all 20 disorders, best first, with finite scores.
        let mut seen: Vec<Disorder> = result.ranking.iter().map(|r| r.disorder).collect();
        seen.sort();
        prop_assert_eq!(seen, Disorder::ALL.to_vec());
        prop_assert!(result.ranking.windows(2).all(|w| w[0].score >= w[1].score));
        prop_assert!(result.ranking.iter().all(|r| r.score.is_finite()));
        // The same terms in another order give exactly the same ranking and scores.
        let mut shuffled = observed.clone();
        if !shuffled.is_empty() {
            let n = shuffled.len();
            shuffled.rotate_left(rotation % n);
            shuffled.reverse();
        }
        let again = Query::new(&shuffled).excluding(&excluded).run().unwrap();
        let key = |r: &marrowkb::differential::Differential| {
            r.ranking.iter().map(|x| (x.disorder, x.score.to_bits())).collect::<Vec<_>>()
        };
        prop_assert_eq!(key(&result), key(&again));
    }
}
