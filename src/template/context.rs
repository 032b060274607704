//! The variables a template sees, built from a [`Brief`].
//!
//! Excluded items are left out and the analyst's edits replace the extracted
//! text, so a template only decides layout. Every shown string gets the
//! typography of the brief's language ([`super::typography`]). Documented in
//! `docs/templates.md`.

use std::collections::{BTreeMap, HashSet};

use minijinja::context;
use minijinja::value::{Serde, Value};

use super::typography::smarten;
use super::Manifest;
use crate::analyze::{EntityKind, QuoteKind};
use crate::brief::{Brief, Confidence, FigureItem, Paragraphs, QuoteItem, SourceArticle, Sourced};

/// A key point counts as "mostly a quote" when the direct quotes inside it
/// make up at least this share of its text.
const MOSTLY_QUOTE: f64 = 0.5;

pub fn build(brief: &Brief, locale: &str, labels: &BTreeMap<String, String>, manifest: &Manifest) -> Value {
    let language = brief.language.as_str();
    let typeset = |text: &str| smarten(text, language);
    let paragraphs = Paragraphs::of(&brief.article);
    let numbered = paragraphs.numbered();
    let paragraph_of = |start: Option<usize>| {
        let start = start?;
        let at = numbered.partition_point(|&(_, to)| to < start);
        numbered.get(at).filter(|&&(from, _)| from <= start).map(|_| at + 1)
    };

    let key_points: Vec<_> = brief.key_points.iter().filter(|k| k.included).collect();
    let quotes: Vec<&QuoteItem> = brief.quotes.iter().filter(|q| q.included).collect();
    let shown = |text: &Option<String>, original: &str| text.clone().unwrap_or_else(|| original.to_owned());
    // Which key point shows each quote already: its span lies inside the
    // point's span, or the point's wording contains the quote's.
    let holder: Vec<Option<usize>> = quotes
        .iter()
        .map(|q| {
            let quote_text = shown(&q.edited, &q.text);
            key_points.iter().position(|k| {
                let inside = match (k.start, k.end, q.start, q.end, k.edited.is_none(), q.edited.is_none()) {
                    (Some(ks), Some(ke), Some(qs), Some(qe), true, true) => ks <= qs && qe <= ke,
                    _ => false,
                };
                inside || (!quote_text.trim().is_empty() && shown(&k.edited, &k.text).contains(quote_text.trim()))
            })
        })
        .collect();

    let shown_key_points: Vec<Value> = key_points
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let text = shown(&k.edited, &k.text);
            let held: Vec<usize> = (0..quotes.len()).filter(|&j| holder[j] == Some(i)).collect();
            let quoted_chars: usize = held
                .iter()
                .filter(|&&j| quotes[j].kind == QuoteKind::Direct)
                .map(|&j| shown(&quotes[j].edited, &quotes[j].text).chars().count())
                .sum();
            let length = text.chars().count().max(1);
            context! {
                text => typeset(&text),
                original => k.text.as_str(),
                edited => k.edited.is_some(),
                added => k.start.is_none(),
                reasons => Value::from(Serde(&k.reasons)),
                quotes => held,
                mostly_quote => quoted_chars as f64 >= MOSTLY_QUOTE * length as f64,
                start => k.start,
                end => k.end,
                paragraph => paragraph_of(k.start),
            }
        })
        .collect();

    // A quote's context is the sentence around it, with the words of every
    // shown quote in it elided, so no quotation is printed twice.
    let spans = Spans::of(quotes.iter().filter_map(|q| Some((q.start?, q.end?))));
    let context_of = |q: &QuoteItem| -> String {
        let (Some(start), Some(end)) = (q.start, q.end) else { return q.context.clone() };
        let window = paragraphs.window(start, end);
        let chars: Vec<char> = paragraphs.slice(window.from, window.to).chars().collect();
        let ends_sentence = |i: usize| {
            matches!(chars[i], '.' | '!' | '?' | '…')
                && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
                && !spans.covers(window.from + i)
        };
        let local_start = start.saturating_sub(window.from).min(chars.len());
        let local_end = end.saturating_sub(window.from).min(chars.len());
        let from = (0..local_start).rev().find(|&i| ends_sentence(i)).map_or(0, |i| i + 1);
        let to = (local_end..chars.len()).find(|&i| ends_sentence(i)).map_or(chars.len(), |i| i + 1);
        let (from, to) = (window.from + from, window.from + to);
        let mut text = String::new();
        if window.cut_before && from == window.from {
            text.push_str("… ");
        }
        let mut at = from;
        for (s, e) in spans.within(from, to) {
            if s < at {
                continue;
            }
            text.push_str(paragraphs.slice(at, s));
            text.push('…');
            at = e;
        }
        text.push_str(paragraphs.slice(at, to));
        if window.cut_after && to == window.to {
            text.push_str(" …");
        }
        text.trim().to_owned()
    };
    // Each shown quote's words, speaker and kind, made once: the quote lists
    // and the one-article story share them.
    let quote_words: Vec<QuoteWords> = quotes
        .iter()
        .map(|q| QuoteWords {
            text: Value::from(typeset(&shown(&q.edited, &q.text))),
            speaker: Value::from(q.speaker.as_deref().map(typeset)),
            kind: q.kind,
        })
        .collect();
    // An article that says the same words twice (a pull quote, a recap)
    // shows them once; quotes in one sentence show its context once.
    let mut seen_quotes: HashSet<(String, Option<&str>)> = HashSet::new();
    let mut seen_contexts: HashSet<String> = HashSet::new();
    let mut shown_quotes: Vec<Value> = Vec::new();
    let (mut direct_quotes, mut quotes_outside, mut direct_outside) = (Vec::new(), Vec::new(), Vec::new());
    for ((q, held_by), words) in quotes.iter().zip(&holder).zip(&quote_words) {
        if !seen_quotes.insert((shown(&q.edited, &q.text).trim().to_owned(), q.speaker.as_deref())) {
            continue;
        }
        let mut context = typeset(&context_of(q));
        if !seen_contexts.insert(context.clone()) {
            context.clear();
        }
        let quote = context! {
            text => words.text.clone(),
            speaker => words.speaker.clone(),
            kind => Value::from(Serde(q.kind)),
            context => context,
            in_key_point => *held_by,
            start => q.start,
            end => q.end,
            paragraph => paragraph_of(q.start),
        };
        let direct = q.kind == QuoteKind::Direct;
        if direct {
            direct_quotes.push(quote.clone());
        }
        if held_by.is_none() {
            quotes_outside.push(quote.clone());
            if direct {
                direct_outside.push(quote.clone());
            }
        }
        shown_quotes.push(quote);
    }

    let entities = names_by_kind(
        brief.entities.iter().filter(|e| e.included).map(|e| (e.kind, typeset(&shown(&e.edited, &e.text)))),
    );
    let included_figures: Vec<&FigureItem> = brief.figures.iter().filter(|f| f.included).collect();
    let figure_words: Vec<(Value, Value)> = included_figures
        .iter()
        .map(|f| {
            (
                Value::from(typeset(&shown(&f.edited, &f.text))),
                Value::from(typeset(&shown(&f.context_edited, &f.context))),
            )
        })
        .collect();
    let figures: Vec<Value> = included_figures
        .iter()
        .zip(&figure_words)
        .map(|(f, (text, context))| {
            context! {
                text => text.clone(),
                context => context.clone(),
                excerpt => f.context_edited.is_none(),
                kind => Value::from(Serde(f.kind)),
                start => f.start,
                end => f.end,
                paragraph => paragraph_of(f.start),
            }
        })
        .collect();
    // Figures read from the same stretch of text share one context: a table
    // shows that context once, with all of them.
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, (_, context)) in figure_words.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if figure_words[run.start].1 == *context => run.end = i + 1,
            _ => runs.push(i..i + 1),
        }
    }
    let figure_groups: Vec<Value> = runs
        .into_iter()
        .map(|run| {
            let first = &included_figures[run.start];
            let texts: Vec<&str> =
                figure_words[run.clone()].iter().map(|(t, _)| t.as_str().unwrap_or_default()).collect();
            context! {
                text => texts.join(", "),
                context => figure_words[run.start].1.clone(),
                excerpt => first.context_edited.is_none(),
                kind => Value::from(Serde(first.kind)),
                start => first.start,
                end => first.end,
                paragraph => paragraph_of(first.start),
                figures => figures[run].to_vec(),
            }
        })
        .collect();
    let confidence_label = brief.analyst.confidence.map(|c| {
        let key = match c {
            Confidence::High => "confidence_high",
            Confidence::Moderate => "confidence_moderate",
            Confidence::Low => "confidence_low",
        };
        labels.get(key).cloned().unwrap_or_else(|| key.trim_start_matches("confidence_").to_owned())
    });
    let (sources, stories) = if brief.stories.is_empty() {
        let one = OneArticle {
            key_points: &shown_key_points,
            quotes: &quote_words,
            figures: &figure_words,
            figure_kinds: &included_figures,
            entities: &entities,
        };
        one.as_story(brief, &typeset)
    } else {
        many_sources(brief, &typeset)
    };
    let analyst = &brief.analyst;
    let source = &brief.source;
    context! {
        title => typeset(&brief.title),
        source => context! {
            name => typeset(&source.name),
            url => source.url.as_str(),
            author => typeset(&source.author),
            published => source.published.as_str(),
            retrieved => source.retrieved.as_str(),
        },
        language => brief.language.as_str(),
        locale => locale,
        generated => brief.generated.as_str(),
        analyst => context! {
            analyst => analyst.analyst.as_str(),
            bottom_line => typeset(&analyst.bottom_line),
            assessment => typeset(&analyst.assessment),
            confidence => Value::from(Serde(analyst.confidence)),
            confidence_label => confidence_label,
            classification => manifest.marking(brief),
            recommendations => analyst.recommendations.iter().map(|r| typeset(r)).collect::<Vec<_>>(),
        },
        key_points => shown_key_points,
        quotes => shown_quotes,
        direct_quotes => direct_quotes,
        quotes_outside_key_points => quotes_outside,
        direct_quotes_outside_key_points => direct_outside,
        entities => entities,
        figures => figures,
        figure_groups => figure_groups,
        sources => sources,
        stories => stories,
        removed => Value::from(Serde(&brief.removed)),
        article => brief.article.as_str(),
        labels => Value::from(Serde(labels)),
        template => context! {
            name => manifest.name.as_str(),
            description => manifest.description.as_str(),
            organisation => typeset(&manifest.organisation),
            distribution => typeset(&manifest.distribution),
        },
    }
}

/// A shown quote's words, made once for every list that shows it.
struct QuoteWords {
    text: Value,
    speaker: Value,
    kind: QuoteKind,
}

/// Names grouped by kind, every kind present (empty when none).
fn names_by_kind(names: impl Iterator<Item = (EntityKind, String)>) -> Value {
    let mut by_kind: BTreeMap<&str, Vec<String>> =
        [("person", vec![]), ("organization", vec![]), ("location", vec![]), ("other", vec![])].into_iter().collect();
    for (kind, name) in names {
        let kind = match kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Other => "other",
        };
        by_kind.entry(kind).or_default().push(name);
    }
    Value::from(Serde(by_kind))
}

/// The char ranges of the shown quotes, sorted, to ask which cover a char
/// or lie inside a stretch without a pass over all of them each time.
struct Spans {
    spans: Vec<(usize, usize)>,
    /// The furthest end among the first i + 1 spans.
    reach: Vec<usize>,
}

impl Spans {
    fn of(spans: impl Iterator<Item = (usize, usize)>) -> Spans {
        let mut spans: Vec<(usize, usize)> = spans.collect();
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |furthest, &(_, end)| {
                *furthest = end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Spans { spans, reach }
    }

    /// Whether a quote covers the char at `at`.
    fn covers(&self, at: usize) -> bool {
        let started = self.spans.partition_point(|&(start, _)| start <= at);
        started > 0 && self.reach[started - 1] > at
    }

    /// The non-empty spans that lie within `from..to`, in order.
    fn within(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let first = self.spans.partition_point(|&(start, _)| start < from);
        self.spans[first..]
            .iter()
            .copied()
            .take_while(move |&(start, _)| start <= to)
            .filter(move |&(s, e)| e <= to && s < e)
    }
}

/// What a one-article brief has already made of its items, to show them
/// again as its one story without making them twice.
struct OneArticle<'a> {
    key_points: &'a [Value],
    quotes: &'a [QuoteWords],
    figures: &'a [(Value, Value)],
    figure_kinds: &'a [&'a FigureItem],
    entities: &'a Value,
}

impl OneArticle<'_> {
    /// The article as the one source of one story, every item of it from
    /// source 1, so that a template made for many articles renders it too.
    fn as_story(&self, brief: &Brief, typeset: &dyn Fn(&str) -> String) -> (Vec<Value>, Vec<Value>) {
        let source = SourceArticle {
            file: String::new(),
            title: brief.title.clone(),
            name: brief.source.name.clone(),
            author: brief.source.author.clone(),
            published: brief.source.published.clone(),
            url: brief.source.url.clone(),
            language: brief.language.clone(),
            article: String::new(),
        };
        let sources = vec![source_value(0, &source, typeset)];
        let one = Value::from(vec![1]);
        let key_points: Vec<Value> = self
            .key_points
            .iter()
            .map(|k| context! { text => k.get_attr("text").unwrap_or_default(), sources => one.clone() })
            .collect();
        let quotes: Vec<(Value, QuoteKind)> = self
            .quotes
            .iter()
            .map(|q| {
                let quote = context! {
                    text => q.text.clone(),
                    speaker => q.speaker.clone(),
                    kind => Value::from(Serde(q.kind)),
                    sources => one.clone(),
                };
                (quote, q.kind)
            })
            .collect();
        let name = Some(typeset(&brief.source.name)).filter(|n| !n.is_empty());
        let figures: Vec<Value> = self
            .figures
            .iter()
            .zip(self.figure_kinds)
            .map(|((text, context), f)| {
                context! {
                    text => text.clone(),
                    context => context.clone(),
                    excerpt => f.context_edited.is_none(),
                    kind => Value::from(Serde(f.kind)),
                    sources => one.clone(),
                    source_name => name.clone(),
                }
            })
            .collect();
        let story = story_value(
            1,
            typeset(&brief.title),
            vec![1],
            name.into_iter().collect(),
            key_points,
            quotes,
            self.entities.clone(),
            figures,
            Vec::new(),
        );
        (sources, vec![story])
    }
}

fn source_value(i: usize, s: &SourceArticle, typeset: &dyn Fn(&str) -> String) -> Value {
    context! {
        n => i + 1,
        name => typeset(&s.name),
        title => typeset(&s.title),
        author => typeset(&s.author),
        published => s.published.as_str(),
        url => s.url.as_str(),
        file => s.file.as_str(),
        language => s.language.as_str(),
    }
}

/// One story as a template sees it.
#[allow(clippy::too_many_arguments)]
fn story_value(
    n: usize,
    title: String,
    sources: Vec<usize>,
    source_names: Vec<String>,
    key_points: Vec<Value>,
    quotes: Vec<(Value, QuoteKind)>,
    entities: Value,
    figures: Vec<Value>,
    disagreements: Vec<Value>,
) -> Value {
    let direct: Vec<Value> =
        quotes.iter().filter(|(_, kind)| *kind == QuoteKind::Direct).map(|(q, _)| q.clone()).collect();
    // The quote to lead with: the first direct one with a speaker that no
    // key point already carries.
    let point_texts: Vec<Value> = key_points.iter().map(|k| k.get_attr("text").unwrap_or_default()).collect();
    let carried = |q: &Value| {
        let words = q.get_attr("text").unwrap_or_default();
        let words = words.as_str().unwrap_or_default().trim();
        !words.is_empty() && point_texts.iter().any(|t| t.as_str().is_some_and(|t| t.contains(words)))
    };
    let direct_outside: Vec<Value> = direct.iter().filter(|q| !carried(q)).cloned().collect();
    let key_quote =
        direct_outside.iter().find(|q| q.get_attr("speaker").is_ok_and(|s| !s.is_none() && !s.is_undefined())).cloned();
    context! {
        n => n,
        title => title,
        sources => sources,
        source_names => source_names,
        key_points => key_points,
        quotes => quotes.into_iter().map(|(q, _)| q).collect::<Vec<_>>(),
        direct_quotes => direct,
        direct_quotes_outside_key_points => direct_outside,
        key_quote => key_quote,
        entities => entities,
        figures => figures,
        disagreements => disagreements,
    }
}

/// The numbered sources and the included stories of a many-article brief.
/// Each item lists its sources by number, as the source list numbers them:
/// `[1][2]` in a template.
fn many_sources(brief: &Brief, typeset: &dyn Fn(&str) -> String) -> (Vec<Value>, Vec<Value>) {
    let sources = &brief.sources;
    let numbered_sources: Vec<Value> = sources.iter().enumerate().map(|(i, s)| source_value(i, s, typeset)).collect();
    let numbers = |of: &[usize]| of.iter().map(|i| i + 1).collect::<Vec<_>>();
    let shown = |edited: &Option<String>, text: &str| typeset(edited.as_deref().unwrap_or(text));
    // The outlet; a story whose articles name none lists only numbers.
    let name_of = |i: usize| sources.get(i).map(|s| typeset(&s.name)).filter(|n| !n.is_empty());
    let figure = |f: &Sourced<FigureItem>| {
        context! {
            text => shown(&f.item.edited, &f.item.text),
            context => shown(&f.item.context_edited, &f.item.context),
            excerpt => f.item.context_edited.is_none(),
            kind => Value::from(Serde(f.item.kind)),
            sources => numbers(&f.sources()),
            source_name => name_of(f.source),
        }
    };
    let stories = brief
        .stories
        .iter()
        .filter(|s| s.included)
        .enumerate()
        .map(|(i, story)| {
            let key_points: Vec<Value> = story
                .key_points
                .iter()
                .filter(|k| k.item.included)
                .map(|k| context! { text => shown(&k.item.edited, &k.item.text), sources => numbers(&k.sources()) })
                .collect();
            let quotes: Vec<(Value, QuoteKind)> = story
                .quotes
                .iter()
                .filter(|q| q.item.included)
                .map(|q| {
                    let quote = context! {
                        text => shown(&q.item.edited, &q.item.text),
                        speaker => q.item.speaker.as_deref().map(typeset),
                        kind => Value::from(Serde(q.item.kind)),
                        sources => numbers(&q.sources()),
                    };
                    (quote, q.item.kind)
                })
                .collect();
            let entities = names_by_kind(
                story.entities.iter().filter(|e| e.included).map(|e| (e.kind, shown(&e.edited, &e.text))),
            );
            let mut source_names: Vec<String> = Vec::new();
            for name in story.sources.iter().filter_map(|&s| name_of(s)) {
                if !source_names.contains(&name) {
                    source_names.push(name);
                }
            }
            let disagreements = story
                .disagreements
                .iter()
                .filter(|d| d.included)
                .map(|d| context! { about => typeset(&d.about), figures => d.figures.iter().map(figure).collect::<Vec<_>>() })
                .collect();
            story_value(
                i + 1,
                shown(&story.edited, &story.title),
                numbers(&story.sources),
                source_names,
                key_points,
                quotes,
                entities,
                story.figures.iter().filter(|f| f.item.included).map(figure).collect(),
                disagreements,
            )
        })
        .collect();
    (numbered_sources, stories)
}

#[cfg(test)]
mod tests {
    use super::Spans;

    #[test]
    fn spans_cover_the_chars_of_every_quote_nested_or_not() {
        // A long quote holding a short one, then a quote of its own.
        let spans = Spans::of([(10, 20), (2, 30), (40, 45)].into_iter());
        let covered: Vec<usize> = (0..50).filter(|&at| spans.covers(at)).collect();
        let expected: Vec<usize> = (2..30).chain(40..45).collect();
        assert_eq!(covered, expected);
        assert!(!Spans::of(std::iter::empty()).covers(0));
    }

    #[test]
    fn spans_within_a_stretch_are_the_ones_wholly_inside_it() {
        let spans = Spans::of([(40, 45), (2, 30), (10, 20), (25, 25), (28, 50)].into_iter());
        assert_eq!(spans.within(5, 45).collect::<Vec<_>>(), vec![(10, 20), (40, 45)]);
        assert_eq!(spans.within(0, 100).collect::<Vec<_>>(), vec![(2, 30), (10, 20), (28, 50), (40, 45)]);
        assert_eq!(spans.within(46, 100).count(), 0);
    }
}
