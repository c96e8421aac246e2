//! All data is immutable and shared: 16 threads querying at once get exactly the single-threaded answers.

use marrowkb::blood_count::{AgeUnit, BloodCount, CountUnit, HemoglobinUnit, InterpretOptions, Sex};
use marrowkb::differential::{Query, TermInput};
use marrowkb::{Disorder, Gene, Symptom};

const THREADS: usize = 16;
const ROUNDS: usize = 20;

/// One pass over every kind of question, rendered as text so answers compare exactly.
fn workload(seed: usize) -> Vec<String> {
    let mut out = Vec::new();
    let names = [
        "FA",
        "Blackfan-Diamond anaemia",
        "kostmann disease",
        "fanconni",
        "",
        "no such disease",
        "TAR",
    ];
    for i in 0..names.len() {
        let name = names[(i + seed) % names.len()];
        out.push(format!("{name}: {:?}", marrowkb::lookup(name)));
        out.push(format!("{name}: {:?}", marrowkb::resolve(name)));
    }
    for d in Disorder::ALL {
        let info = d.info();
        out.push(format!("{} {:?} {:?}", info.key, info.orpha, info.genes));
        for x in info.omim {
            out.push(format!("{:?}", Disorder::from_omim(x.id)));
        }
    }
    for s in Symptom::ALL {
        out.push(format!("{:?} {:?}", s.key(), s.disorders()));
    }
    for g in Gene::all() {
        out.push(format!("{} {:?}", g.symbol(), marrowkb::disorders_for_gene(g.symbol())));
    }
    let hpo = [
        "HP:0003974",
        "HP:0001873",
        "HP:0001876",
        "HP:0001903",
        "HP:0001875",
        "HP:0000252",
    ];
    let observed: Vec<TermInput> = hpo
        .iter()
        .cycle()
        .skip(seed % hpo.len())
        .take(4)
        .map(|t| TermInput::Text(t))
        .collect();
    let result = Query::new(&observed).run();
    out.push(match result {
        Ok(r) => format!(
            "{:?}",
            r.ranking
                .iter()
                .map(|x| (x.disorder, x.score.to_bits()))
                .collect::<Vec<_>>()
        ),
        Err(e) => format!("{e:?}"),
    });
    let count = BloodCount::builder()
        .hemoglobin(7.0 + (seed % 5) as f64, HemoglobinUnit::GramsPerDeciliter)
        .neutrophils(0.3, CountUnit::GigaPerLiter)
        .platelets(15.0, CountUnit::GigaPerLiter)
        .age(34.0, AgeUnit::Years)
        .sex(Sex::Female)
        .build()
        .map(|c| format!("{:?}", c.interpret(InterpretOptions::default()).likelihood_ratios()));
    out.push(format!("{count:?}"));
    out
}

#[test]
fn sixteen_threads_agree_with_one() {
    let expected: Vec<Vec<String>> = (0..THREADS).map(workload).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let expected = &expected[t];
                scope.spawn(move || {
                    for _ in 0..ROUNDS {
                        assert_eq!(&workload(t), expected, "thread {t} saw a different answer");
                    }
                })
            })
            .collect();
        for h in handles {
            assert!(h.join().is_ok(), "a querying thread panicked");
        }
    });
}
