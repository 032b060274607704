//! A story's figures, and the ones its articles disagree on.
//!
//! Two articles give the same figure when its text and the words around it
//! match. They disagree when they count the same thing (the same unit, "52
//! người" and "56 người", in sentences about the same fact) with different
//! exact values, each article giving that thing one value only. A hedged figure ("hơn 50 người", "about 50 people") agrees
//! with any value it allows, so it is never flagged.

use super::similar::{bag, bag_f1, word_bag_f1};
use super::{Disagreement, Passage, StoryFigure};
use crate::analyze::words::lowercase_words;
use crate::analyze::{Analysis, Figure, FigureKind};

/// Word-bag F1 of two figures' contexts (numbers left out) at which they
/// speak of the same fact. At 0.35 counts of different parts of one event
/// ("8 gương mặt" through to one round, "64" through to another) were
/// flagged; at 0.5 a stranded-passenger count worded two ways was missed.
const SAME_FACT: f64 = 0.45;

/// Words before a number that make it a bound or an estimate, not a count.
const HEDGES: &[&str] = &[
    "hơn",
    "trên",
    "gần",
    "khoảng",
    "chừng",
    "ít",
    "nhất",
    "tới",
    "đến",
    "hàng",
    "vài",
    "dưới",
    "ngót",
    "xấp",
    "xỉ",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "more",
    "than",
    "least",
    "up",
    "some",
    "roughly",
    "approximately",
    "fewer",
    "less",
    "under",
    "dozens",
    "hundreds",
    "thousands",
    "estimated",
];

/// The figures of `articles`, each once, with where else it is given.
pub fn merge(articles: &[&Analysis]) -> Vec<StoryFigure> {
    let mut merged: Vec<StoryFigure> = Vec::new();
    for article in articles {
        for figure in &article.figures {
            let same = merged.iter_mut().find(|kept| {
                kept.file != article.file
                    && kept.text.to_lowercase() == figure.text.to_lowercase()
                    && word_bag_f1(&kept.context, &figure.context) >= SAME_FACT
            });
            match same {
                Some(kept) => {
                    if !kept.also_in.iter().any(|p| p.file == article.file) {
                        kept.also_in.push(Passage { file: article.file.clone(), start: figure.start, end: figure.end });
                    }
                }
                None => merged.push(story_figure(article, figure)),
            }
        }
    }
    merged
}

fn story_figure(article: &Analysis, figure: &Figure) -> StoryFigure {
    StoryFigure {
        text: figure.text.clone(),
        context: figure.context.clone(),
        kind: figure.kind,
        file: article.file.clone(),
        start: figure.start,
        end: figure.end,
        also_in: Vec::new(),
    }
}

/// An exact count: its value and what it counts (the words after the
/// number; two counts of one thing share the first, the counted noun).
struct Count<'a> {
    article: usize,
    figure: &'a Figure,
    value: String,
    unit: String,
    context: std::collections::HashMap<String, usize>,
}

/// Figures from different articles that count one thing differently, one
/// entry per thing, the figures in article order.
pub fn disagreements(articles: &[&Analysis]) -> Vec<Disagreement> {
    let counts: Vec<Count> = articles
        .iter()
        .enumerate()
        .flat_map(|(index, article)| {
            article.figures.iter().filter_map(move |figure| {
                let (value, unit) = exact_count(figure)?;
                let context = bag(&without_numbers(&figure.context));
                Some(Count { article: index, figure, value, unit, context })
            })
        })
        .collect();
    // An article that counts the thing twice with two values ("89 sinh viên
    // nhận học bổng, 27 sinh viên nhận giải") counts parts of it: whichever
    // pair is compared across articles, nothing says they are the same part.
    let mut values: std::collections::HashMap<(usize, &str), std::collections::HashSet<&str>> = Default::default();
    for count in &counts {
        values.entry((count.article, noun(&count.unit))).or_default().insert(&count.value);
    }
    let counted_once = |c: &Count| values.get(&(c.article, noun(&c.unit))).is_some_and(|v| v.len() == 1);
    let mut found: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, a) in counts.iter().enumerate() {
        for (j, b) in counts.iter().enumerate().skip(i + 1) {
            let disagree = a.article != b.article
                && a.figure.kind == b.figure.kind
                && noun(&a.unit) == noun(&b.unit)
                && counted_once(a)
                && counted_once(b)
                && a.value != b.value
                && bag_f1(&a.context, &b.context) >= SAME_FACT;
            if !disagree {
                continue;
            }
            let about = common_prefix(&a.unit, &b.unit);
            // One entry per thing: the pair joins every entry holding either
            // figure, merged into one.
            let holding: Vec<usize> =
                (0..found.len()).filter(|&g| found[g].1.contains(&i) || found[g].1.contains(&j)).collect();
            let mut entry = (about, vec![i, j]);
            for &g in holding.iter().rev() {
                let (unit, members) = found.remove(g);
                entry.0 = common_prefix(&entry.0, &unit);
                for k in members {
                    if !entry.1.contains(&k) {
                        entry.1.push(k);
                    }
                }
            }
            found.push(entry);
        }
    }
    found.sort_by_key(|(_, members)| members.iter().min().copied());
    found
        .into_iter()
        .map(|(unit, mut members)| {
            members.sort_unstable();
            let mut values: Vec<&str> = Vec::new();
            let figures = members
                .iter()
                .filter(|&&k| {
                    let fresh = !values.contains(&counts[k].value.as_str());
                    values.push(&counts[k].value);
                    fresh
                })
                .map(|&k| story_figure(articles[counts[k].article], counts[k].figure))
                .collect();
            Disagreement { about: unit, figures }
        })
        .collect()
}

/// A figure's exact value and its unit, the lowercased words after the
/// number: `None` for a date, a hedged figure or one without a number in
/// digits.
fn exact_count(figure: &Figure) -> Option<(String, String)> {
    if !matches!(figure.kind, FigureKind::Count | FigureKind::Money | FigureKind::Percent | FigureKind::Number) {
        return None;
    }
    let text = figure.text.as_str();
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let length =
        text[start..].find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(text.len() - start);
    let number = text[start..start + length].trim_end_matches(['.', ',']);
    // The hedge may be inside the figure ("hơn 60 chính phủ") or just before
    // it ("gần 80 triệu đồng" with the figure "80 triệu đồng").
    let before = figure.context.find(text).map_or("", |at| &figure.context[..at]);
    let before = lowercase_words(before);
    let hedged_before = before.iter().rev().take(2).any(|w| HEDGES.contains(&w.as_str()));
    if hedged_before || lowercase_words(&text[..start]).iter().any(|w| HEDGES.contains(&w.as_str())) {
        return None;
    }
    let unit = if figure.kind == FigureKind::Percent {
        "%".to_owned()
    } else {
        lowercase_words(&text[start + number.len()..]).join(" ")
    };
    (!unit.is_empty()).then(|| (value(number), unit))
}

/// A number written either way, "1.500" or "1,500" (thousands) and "1,5" or
/// "1.5" (a decimal), in one form: a mark followed by exactly three digits
/// groups thousands, any other is the decimal point.
fn value(number: &str) -> String {
    let parts: Vec<&str> = number.split(['.', ',']).collect();
    let Some((last, groups)) = parts.split_last() else { return number.to_owned() };
    if groups.is_empty() {
        return number.to_owned();
    }
    if last.len() == 3 {
        parts.concat()
    } else {
        // "12.50" is "12.5".
        let decimals = last.trim_end_matches('0');
        if decimals.is_empty() {
            groups.concat()
        } else {
            format!("{}.{decimals}", groups.concat())
        }
    }
}

/// What a unit counts: its first word.
fn noun(unit: &str) -> &str {
    unit.split(' ').next().unwrap_or(unit)
}

/// The words two units start with: "passengers" of "passengers stranded"
/// and "passengers".
fn common_prefix(a: &str, b: &str) -> String {
    a.split(' ').zip(b.split(' ')).take_while(|(x, y)| x == y).map(|(x, _)| x).collect::<Vec<_>>().join(" ")
}

fn without_numbers(text: &str) -> String {
    lowercase_words(text).into_iter().filter(|w| !w.chars().any(|c| c.is_ascii_digit())).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::value;

    #[test]
    fn numbers_written_either_way_are_one_value() {
        assert_eq!(value("1.500"), "1500");
        assert_eq!(value("1,500"), "1500");
        assert_eq!(value("1,5"), "1.5");
        assert_eq!(value("12.50"), "12.5");
        assert_eq!(value("3.0"), "3");
        assert_eq!(value("52"), "52");
    }
}
