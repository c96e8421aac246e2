use marrowkb::differential::{Query, TermInput};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut obs = Vec::new();
    let mut exc = Vec::new();
    for a in &args {
        if let Some(x) = a.strip_prefix('-') { exc.push(TermInput::Text(x)); } else { obs.push(TermInput::Text(a)); }
    }
    let r = Query::new(&obs).excluding(&exc).run().unwrap();
    for x in r.ranking.iter().take(6) {
        println!("{:2} {:45} score {:+.3} post {:.3} (ph {:+.2} abs {:+.2})", x.rank, x.disorder.key(), x.score, x.posterior, x.phenotype, x.absent);
        for m in r.matches(x.disorder) {
            println!("     {} {:?} feature={:?} via={:?} f={:.3} B={:.4} {:+.3}", m.term, m.kind, m.feature.map(|t| t.to_string()), m.via.map(|t| t.to_string()), m.frequency, m.term.disease_fraction(), m.log10_lr);
        }
        for m in r.absences(x.disorder) {
            println!("   ¬ {} {:?} feature={:?} f={:.3} {:+.3}", m.term, m.kind, m.feature.map(|t| t.to_string()), m.frequency, m.log10_lr);
        }
    }
}
