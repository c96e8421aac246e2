use super::*;

fn run(observed: &[&str], excluded: &[&str]) -> Differential {
    let observed: Vec<TermInput<'_>> = observed.iter().map(|t| TermInput::Text(t)).collect();
    let excluded: Vec<TermInput<'_>> = excluded.iter().map(|t| TermInput::Text(t)).collect();
    match Query::new(&observed).excluding(&excluded).run() {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn classic_tar_ranks_first() {
    // Absent radius + thrombocytopenia.
    let r = run(&["HP:0003974", "HP:0001873"], &[]);
    assert_eq!(
        r.ranking[0].disorder,
        Disorder::ThrombocytopeniaAbsentRadius,
        "{:#?}",
        &r.ranking[..3]
    );
    // Thumbs present (no absent thumb) argues against Fanconi anemia.
    let r = run(&["HP:0003974", "HP:0001873"], &["HP:0009777"]);
    assert_eq!(r.ranking[0].disorder, Disorder::ThrombocytopeniaAbsentRadius);
}

#[test]
fn classic_sds_ranks_first() {
    // Exocrine pancreatic insufficiency + neutropenia + metaphyseal dysplasia.
    let r = run(&["HP:0001738", "HP:0001875", "HP:0100255"], &[]);
    assert_eq!(
        r.ranking[0].disorder,
        Disorder::ShwachmanDiamondSyndrome,
        "{:#?}",
        &r.ranking[..3]
    );
    assert!(r.ranking[0].posterior > 0.5);
}

#[test]
fn input_order_does_not_matter() {
    let terms = ["HP:0001738", "HP:0001875", "HP:0100255", "HP:0004322", "HP:0000252"];
    let a = run(&terms, &["HP:0003974"]);
    let mut reversed = terms;
    reversed.reverse();
    let b = run(&reversed, &["HP:0003974"]);
    assert_eq!(a.ranking, b.ranking);
    assert_eq!(a.observed, b.observed);
    for d in Disorder::ALL {
        assert_eq!(a.matches(d), b.matches(d));
        assert_eq!(a.missing(d), b.missing(d));
    }
}

#[test]
fn ranking_is_a_permutation_with_consistent_numbers() {
    for case in [
        &[][..],
        &["HP:0001873"][..],
        &["HP:0001738", "HP:0001875", "HP:0100255"][..],
    ] {
        let r = run(case, &["HP:0000252"]);
        let mut seen: Vec<u32> = r.ranking.iter().map(|x| x.disorder.discriminant()).collect();
        seen.sort_unstable();
        let mut all: Vec<u32> = Disorder::ALL.iter().map(|d| d.discriminant()).collect();
        all.sort_unstable();
        assert_eq!(seen, all);
        let total: f64 = r.ranking.iter().map(|x| x.posterior).sum();
        assert!((total - 1.0).abs() < 1e-9);
        for (i, w) in r.ranking.windows(2).enumerate() {
            assert!(w[0].score >= w[1].score);
            if w[0].score == w[1].score {
                assert!(w[0].disorder.discriminant() < w[1].disorder.discriminant());
            }
            assert_eq!(w[0].rank, i + 1);
        }
        for x in &r.ranking {
            let parts = x.phenotype + x.absent + x.hallmarks + x.subtypes + x.onset + x.sex + x.evidence;
            assert!(x.subtypes <= 0.0 && x.hallmarks <= 0.0);
            let hallmarks: f64 = r.missing(x.disorder).iter().map(|m| m.likelihood_ratio.log10()).sum();
            assert!((hallmarks - x.hallmarks).abs() < 1e-9);
            assert!((parts - x.score).abs() < 1e-9);
            let sum: f64 = r.matches(x.disorder).iter().map(|m| m.log10_lr()).sum();
            assert!((sum - x.phenotype).abs() < 1e-9);
        }
    }
}

#[test]
fn no_findings_ties_resolve_by_discriminant() {
    let r = run(&[], &[]);
    assert!(r.ranking.iter().all(|x| x.score == 0.0));
    assert!(
        r.ranking
            .windows(2)
            .all(|w| w[0].disorder.discriminant() < w[1].disorder.discriminant())
    );
    assert!((r.ranking[0].posterior - 1.0 / Disorder::COUNT as f64).abs() < 1e-12);
}

#[test]
fn bad_inputs_are_reported_and_strict_mode_fails() {
    let inputs = [
        TermInput::Text("HP:0001873"),
        TermInput::Text("HP:00018x3"),
        TermInput::Text("HP:9999999"),
        TermInput::Text("HP:0001873"),
        TermInput::Text("HP:0000007"), // autosomal recessive inheritance: not a phenotype
        TermInput::Text(""),
    ];
    let excluded = [TermInput::Text("HP:0001873"), TermInput::Id(HpoId::new(252))];
    let r = match Query::new(&inputs).excluding(&excluded).run() {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let status: Vec<InputStatus> = r.inputs.iter().map(|x| x.status).collect();
    assert_eq!(
        status,
        [
            InputStatus::Used,
            InputStatus::Malformed,
            InputStatus::Unknown,
            InputStatus::Duplicate,
            InputStatus::NotPhenotype,
            InputStatus::Malformed,
            InputStatus::Conflict,
            InputStatus::Used,
        ]
    );
    assert_eq!(r.observed.len(), 1);
    assert_eq!(r.excluded.len(), 1);
    assert_eq!(r.rejected().count(), 3);
    assert!(matches!(r.inputs[1].error, Some(Error::MalformedId { .. })));
    assert_eq!(
        r.inputs[2].error,
        Some(Error::UnknownId {
            kind: crate::codes::IdKind::Hpo
        })
    );

    assert!(matches!(
        Query::new(&inputs).strict(true).run(),
        Err(Error::MalformedId { .. })
    ));
    let unknown = [TermInput::Text("HP:0001873"), TermInput::Text("HP:9999999")];
    assert_eq!(
        Query::new(&unknown).strict(true).run().err(),
        Some(Error::UnknownId {
            kind: crate::codes::IdKind::Hpo
        })
    );
    let ok = [TermInput::Text("HP:0001873")];
    assert!(Query::new(&ok).strict(true).run().is_ok());
    assert!(matches!(
        Query::new(&ok).strict(true).age_of_onset_years(f64::NAN).run(),
        Err(Error::InvalidArgument { .. })
    ));
    // Invalid side inputs are errors in both modes: they are the caller's numbers, not messy findings.
    for age in [-3.0, 500.0, f64::INFINITY] {
        assert!(matches!(
            Query::new(&ok).age_of_onset_years(age).run(),
            Err(Error::InvalidArgument {
                name: "age of onset",
                ..
            })
        ));
    }
    assert!(Query::new(&ok).age_of_onset_years(130.0).run().is_ok());
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let lr = [(Disorder::FanconiAnemia, bad)];
        assert!(Query::new(&ok).strict(true).evidence(&lr).run().is_err());
        assert!(matches!(
            Query::new(&ok).evidence(&lr).run(),
            Err(Error::InvalidArgument {
                name: "likelihood ratio",
                ..
            })
        ));
    }
}

#[test]
fn obsolete_and_alt_ids_are_replaced() {
    // Find an alt id and an obsolete id with a replacement in the phenotype branch.
    let mut replaced = None;
    for (&id, &(target, kind)) in crate::generated::HPO_ALIASES.entries() {
        if kind == 2 && target != u16::MAX && Term::at(target).is_phenotypic_abnormality() {
            replaced = Some((id, Term::at(target)));
            break;
        }
    }
    let Some((old, new)) = replaced else {
        panic!("no obsolete phenotype id with a replacement")
    };
    let inputs = [TermInput::Id(HpoId::new(old))];
    let r = match Query::new(&inputs).strict(true).run() {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(r.inputs[0].status, InputStatus::Replaced);
    assert_eq!(r.inputs[0].term, Some(new));
    assert_eq!(r.observed, [new]);
}

#[test]
fn symptoms_and_terms_are_inputs() {
    let Ok(s) = Symptom::from_key("absent_radius") else {
        panic!("absent_radius symptom")
    };
    let Ok(t) = hpo::term("HP:0001873") else {
        panic!("HP:0001873")
    };
    let inputs = [TermInput::Symptom(s), TermInput::Term(t)];
    let r = match Query::new(&inputs).run() {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(r.ranking[0].disorder, Disorder::ThrombocytopeniaAbsentRadius);
}

#[test]
fn explanations_name_the_match() {
    // Abnormality of the upper limb is less specific than TAR's absent radius.
    let r = run(&["HP:0002817", "HP:0001873", "HP:0001250"], &["HP:0003974"]);
    let tar = Disorder::ThrombocytopeniaAbsentRadius;
    let m = r.matches(tar);
    let upper_limb = m.iter().find(|m| m.term.id().get() == 2817).map(|m| m.kind);
    assert_eq!(upper_limb, Some(MatchKind::Broader));
    let thrombocytopenia = m.iter().find(|m| m.term.id().get() == 1873).map(|m| m.kind);
    assert_eq!(thrombocytopenia, Some(MatchKind::Exact));
    // The excluded absent radius argues against TAR.
    assert_eq!(r.absences(tar)[0].kind, AbsenceKind::Against);
    // An obligate feature absent: (0.01 / (1 − B))^EXCLUSION_WEIGHT, about −0.5 in log10.
    assert!(r.absences(tar)[0].log10_lr() < -0.45);
    // Absent radius and its refinements (the hallmark bilateral radial aplasia) are covered by the
    // exclusion, so not listed as missing; without it they are.
    let Ok(radius) = hpo::term("HP:0003974") else {
        panic!("HP:0003974")
    };
    assert!(r.missing(tar).iter().all(|x| !x.feature.is_a(radius)));
    let r2 = run(&["HP:0001873"], &[]);
    assert!(r2.missing(tar).iter().any(|x| x.feature.is_a(radius)));
    // A more specific term than a feature is "narrower".
    let r = run(&["HP:0001895"], &[]); // Normochromic anemia? any descendant of anemia works
    let any_narrower = Disorder::ALL
        .iter()
        .any(|d| r.matches(*d)[0].kind == MatchKind::Narrower);
    assert!(any_narrower, "{:?}", r.matches(Disorder::DiamondBlackfanAnemia));
}

#[test]
fn contradicted_findings_cost_the_most() {
    // Find a disorder with an excluded feature and observe it.
    for d in Disorder::ALL {
        if let Some(f) = profile(d).iter().find(|f| f.excluded) {
            let inputs = [TermInput::Term(f.term)];
            let Ok(r) = Query::new(&inputs).run() else { panic!() };
            let m = r.matches(d)[0];
            assert_eq!(m.kind, MatchKind::Contradicted);
            assert_eq!(m.log10_lr(), CONTRADICTION_LR.log10());
            return;
        }
    }
}

#[test]
fn sex_and_onset_shift_scores() {
    let ok = [TermInput::Text("HP:0001875")];
    let Ok(male) = Query::new(&ok).sex(Sex::Male).run() else {
        panic!()
    };
    let Ok(female) = Query::new(&ok).sex(Sex::Female).run() else {
        panic!()
    };
    let barth = Disorder::BarthSyndrome;
    assert!(male.get(barth).map(|r| r.sex) > female.get(barth).map(|r| r.sex));
    let Ok(adult) = Query::new(&ok).age_of_onset_years(40.0).run() else {
        panic!()
    };
    assert_eq!(adult.onset, Some(Onset::Adult));
    assert!(adult.ranking.iter().any(|r| r.onset != 0.0));
}

#[test]
fn json_has_ranking_with_keys() {
    #[cfg(feature = "serde")]
    {
        let r = run(&["HP:0003974", "HP:0001873"], &["HP:0009777"]);
        let json = serde_json::to_value(&r).unwrap_or_default();
        let ranking = json["ranking"].as_array().cloned().unwrap_or_default();
        assert_eq!(ranking.len(), Disorder::COUNT);
        assert_eq!(ranking[0]["disorder"], "thrombocytopenia_absent_radius");
        assert!(ranking[0]["score"].is_f64());
        assert_eq!(ranking[0]["matches"].as_array().map(Vec::len), Some(2));
        assert_eq!(ranking[0]["matches"][0]["term"]["id"], "HP:0001873");
        assert!(ranking[0]["absences"].is_array() && ranking[0]["missing"].is_array());
    }
}

#[test]
fn listed_ancestors_are_found_as_pairwise_is_a_finds_them() {
    let terms: Vec<Term> = crate::hpo::terms().collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for round in 0..300 {
        // A few random terms and some of their ancestors, as a list of findings often is.
        let mut list: Vec<Term> = (0..1 + round % 12).map(|_| terms[next(terms.len())]).collect();
        for t in list.clone() {
            let ancestors: Vec<Term> = t.ancestors().collect();
            if !ancestors.is_empty() && next(2) == 0 {
                list.push(ancestors[next(ancestors.len())]);
            }
        }
        list.sort_unstable();
        list.dedup();
        let mut found = Vec::new();
        for_each_listed_ancestor(&list, |a| found.push(a));
        found.sort_unstable();
        let expected: Vec<Term> = list
            .iter()
            .copied()
            .filter(|&a| list.iter().any(|&t| t != a && t.is_a(a)))
            .collect();
        assert_eq!(found, expected, "round {round}: {list:?}");
    }
}

#[test]
fn an_excluded_term_below_another_excluded_one_is_implied_whatever_their_ids() {
    // Abnormal thumb morphology (HP:0001172) is an ancestor of Absent thumb (HP:0009777), and of Triphalangeal
    // thumb (HP:0001199); Abnormality of the upper limb (HP:0002817) has a larger id than the first two.
    let r = run(&["HP:0001873"], &["HP:0009777", "HP:0001172", "HP:0002817"]);
    assert_eq!(
        r.excluded.iter().map(|t| t.id().to_string()).collect::<Vec<_>>(),
        ["HP:0002817"]
    );
    let r = run(&["HP:0009777", "HP:0001172", "HP:0002817"], &[]);
    assert_eq!(
        r.observed.iter().map(|t| t.id().to_string()).collect::<Vec<_>>(),
        ["HP:0009777"]
    );
}

#[test]
fn products_far_outside_linear_range_are_folded_and_still_add_up() {
    // Every curated feature of every disorder: over 100 findings, phenotype scores down to about -360 (a
    // product of that size underflows an f64 unless folded into its log10 part).
    let mut observed: Vec<Term> = Disorder::ALL
        .iter()
        .flat_map(|&d| profile(d).iter().map(|f| f.term))
        .collect();
    observed.sort_unstable();
    observed.dedup();
    let inputs: Vec<TermInput<'_>> = observed.iter().map(|&t| TermInput::Term(t)).collect();
    let r = Query::new(&inputs).run().unwrap_or_else(|e| panic!("{e}"));
    assert!(r.observed.len() > 100, "{} findings", r.observed.len());
    let spread = r.ranking[0].score - r.ranking[Disorder::COUNT - 1].score;
    assert!(r.ranking.iter().all(|x| x.score.is_finite()));
    assert!(
        r.ranking.iter().any(|x| x.phenotype.abs() > 150.0),
        "some product must leave [1e-150, 1e150] (spread {spread})"
    );
    for x in &r.ranking {
        let sum: f64 = r.matches(x.disorder).iter().map(|m| m.log10_lr()).sum();
        assert!(
            (sum - x.phenotype).abs() < 1e-9 * x.phenotype.abs().max(1.0),
            "{:?}: {sum} vs {}",
            x.disorder,
            x.phenotype
        );
    }
}

#[test]
fn explanations_add_up_to_the_scores_on_random_queries() {
    // Findings drawn from the disorders' features, their ancestors and random terms, observed and excluded.
    let features: Vec<Term> = Disorder::ALL
        .iter()
        .flat_map(|&d| profile(d).iter().map(|f| f.term))
        .collect();
    let terms: Vec<Term> = crate::hpo::terms().filter(|t| t.is_phenotypic_abnormality()).collect();
    let mut rng = fastrand::Rng::with_seed(12);
    let draw = |rng: &mut fastrand::Rng| match rng.u8(0..3) {
        0 => features[rng.usize(0..features.len())],
        1 => {
            let f = features[rng.usize(0..features.len())];
            let ancestors: Vec<Term> = f.ancestors().filter(|a| a.is_phenotypic_abnormality()).collect();
            if ancestors.is_empty() {
                f
            } else {
                ancestors[rng.usize(0..ancestors.len())]
            }
        }
        _ => terms[rng.usize(0..terms.len())],
    };
    for round in 0..300 {
        let observed: Vec<TermInput<'_>> = (0..rng.usize(0..12)).map(|_| TermInput::Term(draw(&mut rng))).collect();
        let excluded: Vec<TermInput<'_>> = (0..rng.usize(0..6)).map(|_| TermInput::Term(draw(&mut rng))).collect();
        let Ok(r) = Query::new(&observed).excluding(&excluded).run() else {
            continue;
        };
        for x in &r.ranking {
            let phenotype: f64 = r.matches(x.disorder).iter().map(|m| m.log10_lr()).sum();
            let absent: f64 = r.absences(x.disorder).iter().map(|a| a.log10_lr()).sum();
            let hallmarks: f64 = r.missing(x.disorder).iter().map(|m| m.likelihood_ratio.log10()).sum();
            for (what, sum, part) in [
                ("phenotype", phenotype, x.phenotype),
                ("absent", absent, x.absent),
                ("hallmarks", hallmarks, x.hallmarks),
            ] {
                assert!(
                    (sum - part).abs() < 1e-9,
                    "round {round} {:?} {what}: {sum} vs {part}",
                    x.disorder
                );
            }
        }
    }
}

#[test]
fn a_result_can_be_shared_between_threads_and_builds_its_explanations_once() {
    fn shared<T: Send + Sync>(_: &T) {}
    let r = run(&["HP:0001873", "HP:0003974"], &["HP:0000252"]);
    shared(&r);
    let first = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| r.matches(Disorder::FanconiAnemia).as_ptr() as usize))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).collect::<Vec<_>>()
    });
    assert!(
        first.windows(2).all(|w| w[0] == w[1]) && first[0] != 0,
        "one set of explanations"
    );
    let copy = r.clone();
    assert_eq!(copy, r);
    assert_eq!(
        copy.matches(Disorder::FanconiAnemia),
        r.matches(Disorder::FanconiAnemia)
    );
}

#[test]
fn ranking_keys_sort_as_total_cmp_descending_then_index() {
    let values = [
        3.5,
        -0.0,
        0.0,
        -2.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e-300,
        -1e-300,
        3.5,
        0.0,
    ];
    let mut by_keys: Vec<usize> = (0..values.len()).collect();
    by_keys.sort_by_key(|&d| descending_key(values[d], d));
    let mut expected: Vec<usize> = (0..values.len()).collect();
    expected.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    assert_eq!(by_keys, expected);
}
