//! Target `lookup`: name look-up, suggestions, name-or-code resolution, search and normalization on
//! arbitrary text (the input bytes as UTF-8, or their lossy decoding).

use marrowkb::codes::IdKind;
use marrowkb::lookup::{MAX_SUGGESTIONS, Suggestions, lookup_normalized};
use marrowkb::normalize::{MAX_INPUT_LEN, MAX_NORMALIZED_LEN, NormalizeError, normalize};
use marrowkb::search::HitKind;
use marrowkb::{Cause, DiagnosticTest, Disorder, Error, Gene, Source, Symptom, Treatment};

/// Checks every look-up of the text(s) the bytes stand for.
pub fn check(data: &[u8]) {
    for text in super::texts(data) {
        check_text(&text);
    }
}

/// Checks every look-up of one text.
pub fn check_text(text: &str) {
    let normalized = check_normalize(text);
    let lookup = marrowkb::lookup(text);
    let exact = marrowkb::lookup_exact(text);
    let suggestions = marrowkb::suggest(text);
    check_suggestions(text, &suggestions);
    if let Err(e) = &lookup {
        check_display(text, e);
    }
    match lookup {
        Ok(d) => {
            let Ok(n) = normalized else {
                panic!("{text:?}: lookup found {d:?} but normalize failed with {normalized:?}");
            };
            assert_eq!(exact, Some(d), "{text:?}: lookup_exact disagrees with lookup");
            assert_eq!(Disorder::lookup(text), Ok(d), "{text:?}: Disorder::lookup");
            assert_eq!(text.parse::<Disorder>(), Ok(d), "{text:?}: FromStr");
            assert_eq!(Disorder::find(text), Ok(d), "{text:?}: Disorder::find");
            assert_eq!(
                lookup_normalized(n.as_str()),
                Some(d),
                "{text:?}: lookup_normalized of {n:?}"
            );
            // A hit's normalized form, its key and its name are names of the same disorder.
            assert_eq!(
                marrowkb::lookup(n.as_str()),
                Ok(d),
                "{text:?}: lookup of its normalized form {n:?}"
            );
            assert_eq!(marrowkb::lookup(d.key()), Ok(d), "{text:?}: key {:?} of {d:?}", d.key());
            assert_eq!(
                marrowkb::lookup(d.name()),
                Ok(d),
                "{text:?}: name {:?} of {d:?}",
                d.name()
            );
            assert_eq!(Disorder::from_key(d.key()), Ok(d));
            assert_eq!(
                marrowkb::resolve(text),
                Ok(d),
                "{text:?}: resolve disagrees with lookup"
            );
        }
        Err(Error::EmptyInput) => {
            assert_eq!(normalized.err(), Some(NormalizeError::Empty), "{text:?}");
            assert_eq!(exact, None);
            assert!(suggestions.is_empty(), "{text:?}: suggestions for empty input");
            assert_eq!(marrowkb::resolve(text), Err(Error::EmptyInput), "{text:?}: resolve");
            assert_eq!(marrowkb::search(text), Err(Error::EmptyInput), "{text:?}: search");
        }
        Err(e @ Error::InputTooLong { len, max }) => {
            assert!(
                matches!(normalized, Err(NormalizeError::TooLong { .. })),
                "{text:?}: normalize gave {normalized:?}"
            );
            assert_eq!(len, text.len(), "{text:?}: InputTooLong.len is not the input's length");
            assert!(
                len > max || max == MAX_NORMALIZED_LEN,
                "{text:?}: InputTooLong {{ len: {len}, max: {max} }} says the input is within the limit (message: {e})"
            );
            assert_eq!(exact, None);
            assert!(suggestions.is_empty(), "{text:?}: suggestions for over-long input");
            assert!(
                marrowkb::resolve(text).is_err(),
                "{text:?}: resolve found an over-long input"
            );
            assert_eq!(marrowkb::search(text), Err(e), "{text:?}: search");
        }
        Err(Error::UnknownName { suggestions: carried }) => {
            assert!(normalized.is_ok(), "{text:?}: UnknownName but normalize failed");
            assert_eq!(exact, None, "{text:?}: lookup_exact found what lookup did not");
            assert_eq!(
                carried, suggestions,
                "{text:?}: the error's suggestions differ from suggest()"
            );
            assert_eq!(
                Disorder::find(text),
                Err(Error::UnknownKey { entity: "disorder" }),
                "{text:?}"
            );
        }
        Err(other) => panic!("{text:?}: lookup returned an unexpected error {other:?}"),
    }
    check_resolve(text, exact);
    check_search(text, normalized.ok().as_ref().map(|n| n.as_str()));
    check_entities(text);
    check_finding(text);
}

/// The normalization as the module documentation states it, written plainly (the first implementation,
/// with the length limit applied to the folded result): the optimized `normalize` must agree with it.
pub fn reference_normalize(text: &str) -> Result<String, NormalizeError> {
    if text.len() > MAX_INPUT_LEN {
        return Err(NormalizeError::TooLong {
            len: text.len(),
            max: MAX_INPUT_LEN,
        });
    }
    let is_apostrophe = |c: char| matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}');
    let mut buf = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_apostrophe(c) {
            // Possessive 's: drop the s when it ends a word ("Fanconi's anemia").
            let mut ahead = chars.clone();
            if matches!(ahead.next(), Some('s' | 'S')) && !ahead.next().is_some_and(char::is_alphanumeric) {
                chars.next();
            }
        } else if c.is_ascii() {
            buf.push(c as u8);
        } else if let Some(ascii) = deunicode::deunicode_char(c) {
            buf.extend(ascii.bytes());
        }
    }
    buf.retain(u8::is_ascii_alphanumeric);
    buf.make_ascii_lowercase();
    // British "ae" and "oe" become "e".
    let mut folded = Vec::with_capacity(buf.len());
    for (i, &b) in buf.iter().enumerate() {
        if (b == b'a' || b == b'o') && buf.get(i + 1) == Some(&b'e') {
            continue;
        }
        folded.push(b);
    }
    if folded.is_empty() {
        return Err(NormalizeError::Empty);
    }
    if folded.len() > MAX_NORMALIZED_LEN {
        return Err(NormalizeError::TooLong {
            len: text.len(),
            max: MAX_NORMALIZED_LEN,
        });
    }
    Ok(String::from_utf8_lossy(&folded).into_owned())
}

/// `normalize` keeps only lower-case ASCII letters and digits, within its limits, as the reference does.
fn check_normalize(text: &str) -> Result<marrowkb::normalize::Normalized, NormalizeError> {
    let result = normalize(text);
    let reference = reference_normalize(text);
    assert_eq!(
        result.as_ref().map(|n| n.as_str().to_owned()).map_err(|e| *e),
        reference,
        "{text:?}: normalize disagrees with the reference normalization"
    );
    match &result {
        Ok(n) => {
            let s = n.as_str();
            assert!(
                !s.is_empty() && s.len() <= MAX_NORMALIZED_LEN,
                "{text:?}: normalized to {s:?}"
            );
            assert!(
                s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                "{text:?}: normalized to {s:?}, not lower-case ASCII alphanumerics"
            );
            assert!(text.len() <= MAX_INPUT_LEN, "{text:?}: over-long input normalized");
        }
        // A possessive "'s" is dropped, so "`S" normalizes to nothing: the reference decides.
        Err(NormalizeError::Empty) => {}
        Err(NormalizeError::TooLong { len, .. }) => {
            assert_eq!(*len, text.len(), "{text:?}: TooLong.len");
        }
    }
    result
}

/// The suggestions as documented, computed plainly: Jaro-Winkler of the normalized input against every
/// look-up name of at least 4 characters, each disorder scored by its best name, ranked by score (ties by
/// discriminant), the first three at or above the threshold. The optimized `suggest` must agree.
pub fn reference_suggest(text: &str) -> Vec<Disorder> {
    let Ok(input) = normalize(text) else {
        return Vec::new();
    };
    let input = input.as_str();
    let index = |d: Disorder| Disorder::ALL.iter().position(|x| *x == d).unwrap_or(0);
    let mut best = [0.0f64; Disorder::COUNT];
    for (name, d) in marrowkb::lookup::names() {
        if name.len() >= 4 {
            let score = strsim::jaro_winkler(input, name);
            let slot = &mut best[index(d)];
            if score > *slot {
                *slot = score;
            }
        }
    }
    let mut ranked = Disorder::ALL.to_vec();
    ranked.sort_by(|a, b| best[index(*b)].total_cmp(&best[index(*a)]).then(a.cmp(b)));
    ranked.retain(|d| best[index(*d)] >= marrowkb::lookup::SUGGESTION_THRESHOLD);
    ranked.truncate(MAX_SUGGESTIONS);
    ranked
}

fn check_suggestions(text: &str, s: &Suggestions) {
    assert_eq!(
        s.iter().collect::<Vec<_>>(),
        reference_suggest(text),
        "{text:?}: suggest disagrees with the plain Jaro-Winkler ranking"
    );
    let items: Vec<Disorder> = s.iter().collect();
    assert!(items.len() <= MAX_SUGGESTIONS, "{text:?}: {items:?}");
    assert_eq!(items.len(), s.len());
    assert_eq!(s.is_empty(), items.is_empty());
    assert_eq!(s.first(), items.first().copied());
    for (i, d) in items.iter().enumerate() {
        assert!(!items[..i].contains(d), "{text:?}: {d:?} suggested twice: {items:?}");
    }
    let shown = s.to_string();
    assert_eq!(
        shown.is_empty(),
        items.is_empty(),
        "{text:?}: suggestions display {shown:?}"
    );
}

fn check_display(text: &str, e: &Error) {
    let shown = e.to_string();
    assert!(!shown.is_empty(), "{text:?}: {e:?} displays as nothing");
}

fn check_resolve(text: &str, exact: Option<Disorder>) {
    let resolved = marrowkb::resolve(text);
    if let Some(d) = exact {
        assert_eq!(resolved, Ok(d), "{text:?}: resolve ignores the exact name");
    }
    match resolved {
        Ok(d) => assert!(Disorder::ALL.contains(&d)),
        Err(
            Error::EmptyInput
            | Error::InputTooLong { .. }
            | Error::UnknownName { .. }
            | Error::UnknownId {
                kind: IdKind::Orpha | IdKind::Omim | IdKind::Icd10,
            }
            | Error::MalformedId {
                kind: IdKind::Orpha | IdKind::Omim | IdKind::Icd10,
                ..
            },
        ) => {}
        // A shared code or gene: at least two candidates, none a group of another.
        Err(Error::Ambiguous { candidates, .. }) => {
            assert!(candidates.len() >= 2, "{text:?}: ambiguous with {candidates:?}");
        }
        Err(other) => panic!("{text:?}: resolve returned an unexpected error {other:?}"),
    }
    if let Err(e) = &resolved {
        check_display(text, e);
    }
    // The batch resolver gives the same answer, and its status says why a row failed.
    let detailed = marrowkb::resolution::resolve_detailed(text, true);
    assert_eq!(
        detailed.map(|r| r.disorder),
        resolved,
        "{text:?}: resolve_detailed differs"
    );
}

fn check_search(text: &str, query: Option<&str>) {
    let hits = match marrowkb::search(text) {
        Ok(hits) => hits,
        Err(Error::EmptyInput | Error::InputTooLong { .. }) => {
            assert!(query.is_none(), "{text:?}: search failed on a normalizable query");
            return;
        }
        Err(other) => panic!("{text:?}: search returned an unexpected error {other:?}"),
    };
    let Some(query) = query else {
        panic!("{text:?}: search succeeded although the text does not normalize");
    };
    for pair in hits.windows(2) {
        assert!(
            (pair[0].kind, pair[0].disorder) < (pair[1].kind, pair[1].disorder),
            "{text:?}: hits not sorted or duplicated: {pair:?}"
        );
    }
    let gene = Gene::from_symbol(text).ok();
    for hit in &hits {
        assert!(!hit.matched.is_empty(), "{text:?}: empty match {hit:?}");
        match hit.kind {
            HitKind::Name => {
                let name = normalize(hit.matched)
                    .map(|n| n.as_str().to_owned())
                    .unwrap_or_default();
                assert!(
                    name.contains(query),
                    "{text:?}: name hit {hit:?} does not contain {query:?}"
                );
                let info = hit.disorder.info();
                let names = [info.key, info.name].into_iter().chain(info.synonyms.iter().copied());
                assert!(
                    names
                        .chain(info.abbreviations.iter().copied())
                        .any(|n| n == hit.matched),
                    "{text:?}: {hit:?} matched a name the disorder does not have"
                );
            }
            HitKind::Gene => {
                let Some(g) = gene else {
                    panic!("{text:?}: gene hit {hit:?} for text that is no gene symbol");
                };
                assert_eq!(hit.matched, g.symbol());
                assert!(g.disorders().contains(&hit.disorder), "{text:?}: {hit:?}");
            }
            HitKind::Symptom | HitKind::Code => {}
        }
    }
}

/// The findings resolver (`marrowkb::finding`): documented errors only, the three entry points agree, a
/// label or synonym hit is found again by that text, and suggestions and candidates are distinct terms.
fn check_finding(text: &str) {
    use marrowkb::finding::{self, Matched};
    let found = finding::find(text);
    let quick = finding::find_without_suggestions(text);
    assert_eq!(
        finding::find_exact(text),
        found.ok(),
        "{text:?}: find_exact disagrees with find"
    );
    match (found, quick) {
        (Ok(f), Ok(q)) => {
            assert_eq!(f, q, "{text:?}");
            match f.matched {
                Matched::Name => assert_eq!(finding::term(f.term.name()), Ok(f.term), "{text:?}"),
                Matched::Synonym(s) => assert!(f.term.synonyms().any(|x| x == s), "{text:?}: {s:?}"),
                Matched::Symptom(s) => assert_eq!(Some(&f.term.id()), s.info().hpo.first(), "{text:?}"),
                Matched::Id | Matched::ReplacedId(_) => assert!(f.requested.is_some(), "{text:?}"),
                _ => {}
            }
        }
        (Err(Error::UnknownTerm { suggestions }), Err(Error::UnknownTerm { suggestions: none })) => {
            assert!(none.is_empty(), "{text:?}");
            let terms: Vec<_> = suggestions.iter().collect();
            let mut unique = terms.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), terms.len(), "{text:?}: a suggestion came twice");
        }
        (Err(Error::AmbiguousTerm { candidates }), Err(e)) => {
            assert_eq!(e, Error::AmbiguousTerm { candidates }, "{text:?}");
            assert!(candidates.len() >= 2, "{text:?}");
        }
        (
            Err(
                e @ (Error::EmptyInput
                | Error::InputTooLong { .. }
                | Error::MalformedId { .. }
                | Error::UnknownId { .. }
                | Error::ObsoleteId { .. }),
            ),
            Err(q),
        ) => assert_eq!(e, q, "{text:?}"),
        other => panic!("{text:?}: finding::find returned {other:?}"),
    }
}

/// `find` and `from_key` of every knowledge enum: a hit is found again by its own key.
fn check_entities(text: &str) {
    macro_rules! entity {
        ($ty:ty, $what:literal) => {{
            match <$ty>::find(text) {
                Ok(v) => {
                    assert_eq!(<$ty>::find(v.key()), Ok(v), "{text:?}: {v:?} not found by its key");
                    assert_eq!(<$ty>::from_key(v.key()), Ok(v));
                    assert_eq!(<$ty>::from_discriminant(v.discriminant()), Ok(v));
                }
                Err(Error::EmptyInput | Error::InputTooLong { .. } | Error::UnknownKey { entity: $what }) => {}
                Err(other) => panic!("{text:?}: {}::find returned {other:?}", $what),
            }
            match <$ty>::from_key(text) {
                Ok(v) => assert_eq!(v.key(), text, "{text:?}: from_key found {v:?}"),
                Err(Error::UnknownKey { entity: $what }) => {}
                Err(other) => panic!("{text:?}: {}::from_key returned {other:?}", $what),
            }
        }};
    }
    entity!(Disorder, "disorder");
    entity!(Symptom, "symptom");
    entity!(Treatment, "treatment");
    entity!(Cause, "cause");
    entity!(DiagnosticTest, "diagnostic test");
    entity!(Source, "source");
}
