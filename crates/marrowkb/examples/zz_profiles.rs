//! temp
use marrowkb::differential::{profile, ProfileSource};
use marrowkb::Disorder;
fn main() {
    for d in Disorder::ALL {
        let p = profile(d);
        let pos: Vec<_> = p.iter().filter(|f| !f.excluded).collect();
        let m: f64 = pos.iter().map(|f| f.frequency).sum();
        let cur = pos.iter().filter(|f| f.source == ProfileSource::Curated).count();
        let ex = pos.iter().filter(|f| f.source == ProfileSource::Exact).count();
        let sub = pos.iter().filter(|f| f.source == ProfileSource::Subtype).count();
        let dflt = pos.iter().filter(|f| (f.frequency - 0.545).abs() < 1e-9).count();
        let leaves = pos.iter().filter(|f| !pos.iter().any(|g| g.term != f.term && g.term.is_a(f.term))).count();
        println!("{:45} n={:4} cur={:3} exact={:3} sub={:4} default={:4} excl={:2} M={:7.1} leaves={}", d.key(), pos.len(), cur, ex, sub, dflt, p.len()-pos.len(), m, leaves);
        if std::env::args().any(|a| a == d.key()) {
            for f in p { println!("     {} {:.3} {:?} {}", f.term, f.frequency, f.source, if f.excluded {"EXCLUDED"} else {""}); }
        }
    }
}
