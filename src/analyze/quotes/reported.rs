//! Reported speech: a statement told in the writer's words next to a speech
//! verb and its speaker ("Morneau said the price paid was “appropriate.”",
//! "The deal is off, the minister said.", "Ông Stoltenberg cho biết NATO …").
//! Quoted words inside a statement stay a partial quote and take its speaker.

use super::{Attribution, Cue, FoundQuote};
use crate::analyze::lexicon::is_preposition;
use crate::analyze::words::{words_in, Word};
use crate::analyze::{EntityKind, Lang, QuoteKind};
use crate::text::Span;

/// A reported statement has at least this many words; shorter ones are
/// asides ("he said so").
const MIN_STATEMENT_WORDS: usize = 4;

/// Words a speech verb hands over with: "said that", "cho biết rằng".
const THAT: &[&str] = &["that", "rằng", "que", "dass"];

/// How many words may stand between a verb and its "that" ("said on Monday
/// that", "told reporters in Ottawa that").
const THAT_WITHIN: usize = 6;

/// Vietnamese verbs of presenting and publishing: they take what is
/// presented, not a statement, unless "rằng" follows ("công bố kết quả kinh
/// doanh quý 3", "trình bày tờ trình trước Quốc hội").
const TAKES_AN_OBJECT_VI: &[&str] = &["công bố", "trình bày"];

/// English verbs that take an object, not a statement, unless "that" follows
/// ("Tesla posted a video", "she asked the court to …", "he described the plan").
const TAKES_AN_OBJECT: &[&str] = &[
    "posted",
    "tweeted",
    "shared",
    "described",
    "offered",
    "demanded",
    "reported",
    "asked",
    "asks",
    "urged",
    "promised",
    "vowed",
    "announced",
    "advised",
    "answered",
    "continued",
    "continues",
    "confirmed",
    "recounted",
    "testified",
    "laughed",
    "joked",
    "shouted",
    "yelled",
    "whispered",
    "wrote",
    "writes",
    "went on",
    "summed up",
    "according to",
    "recalled",
    "recalls",
    "echoed",
    "echoes",
    "elaborated",
    "pleaded",
    "explaining",
    "warning",
    "urging",
];

fn cue_words(text: &str, cue: &Cue) -> String {
    text[cue.span.start..cue.span.end].to_lowercase()
}

/// The longest source read after "according to" before its comma.
const MAX_SOURCE_WORDS: usize = 10;

/// A trailing attribution ("…, Morneau said in a statement.") has at most this
/// many words after the verb.
const TRAILING_WORDS: usize = 6;

impl Attribution<'_> {
    /// The reported statements of the article, one per sentence (two across
    /// a semicolon), in text order; in a sentence that holds someone's direct
    /// words, only what follows them.
    pub(super) fn reported(&self, quotes: &[FoundQuote]) -> Vec<FoundQuote> {
        let text = self.text();
        let mut found = Vec::new();
        // Quotes are in text order and do not overlap: the ones that start
        // before a sentence ends are a prefix, and only the last few can reach into it.
        for sentence in &self.article.sentences {
            let span = sentence.span;
            let before_end = quotes.partition_point(|q| q.span.start < span.end);
            let reaching = quotes[..before_end].iter().rev().take_while(|q| q.span.end > span.start);
            let statements = match reaching.clone().find(|q| q.kind == QuoteKind::Direct) {
                // "“…,” he said, adding the cuts “worry me …”": only a verb after the
                // direct words may report more.
                Some(direct) if direct.span.end < span.end => {
                    let after = Span::new(direct.span.end.max(span.start), span.end);
                    let words = words_in(text, after);
                    self.leading_verb(&words, after)
                        .or_else(|| self.continued(direct, &words, span.end))
                        .into_iter()
                        .collect()
                }
                Some(_) => Vec::new(),
                None => {
                    let words = words_in(text, span);
                    let statement = self
                        .according_to(&words, span)
                        .or_else(|| self.leading_verb(&words, span))
                        .or_else(|| self.trailing_verb(&words, span))
                        .or_else(|| self.ends_in_attributed_phrase(&words, reaching.clone()));
                    match statement {
                        Some(statement) => vec![statement],
                        None => self.across_semicolon(span),
                    }
                }
            };
            for mut statement in statements {
                // Quoted words that run on past the sentence end the statement where they close.
                let runs_on = reaching.clone().filter(|q| {
                    let adjacent = |gap: &str| !gap.chars().any(char::is_alphanumeric);
                    q.span.start >= statement.span.start
                        && (q.span.start < statement.span.end
                            || text.get(statement.span.end..q.span.start).is_some_and(adjacent))
                });
                let end = runs_on.map(|q| q.span.end).fold(statement.span.end, usize::max);
                statement.span.end = statement.span.start + trim_closing(&text[statement.span.start..end]).len();
                found.push(statement);
            }
        }
        found
    }

    /// "Morneau said (that) STATEMENT."
    fn leading_verb(&self, words: &[Word], sentence: Span) -> Option<FoundQuote> {
        let text = self.text();
        (1..words.len()).find_map(|c| {
            let cue = self.cue_at(words, c)?;
            let speaker = self.subject_of(words, sentence, &cue)?;
            let after = &text[cue.span.end..sentence.end];
            if after.trim_start().starts_with([':', ',', '"', '“', '«', '„', '—', '-']) {
                return None;
            }
            let rest = &words[cue.last..];
            let that = (0..rest.len().min(THAT_WITHIN + 1)).find(|&k| {
                THAT.contains(&rest[k].text.to_lowercase().as_str()) && !that_is_not_conjunction(&rest[..k])
            });
            let start = match that {
                Some(k) => k + 1,
                // "told reporters …" without "that" reports nothing, unless a clause follows
                // the listener ("told the Globe he left"); nor does "said in a statement".
                None if self.is_listener(&cue) => told_clause(text, cue.span.end, rest)?,
                None if rest.first().is_some_and(|w| is_preposition(w.text)) || is_circumstance(rest) => return None,
                // "Tesla posted a video": most verbs take an object, not a statement, without "that".
                None if self.lang == Lang::En && TAKES_AN_OBJECT.contains(&cue_words(text, &cue).as_str()) => {
                    return None
                }
                None if self.lang == Lang::Vi
                    && TAKES_AN_OBJECT_VI.contains(&text[cue.span.start..cue.span.end].to_lowercase().as_str()) =>
                {
                    return None
                }
                None => 0,
            };
            self.statement(&rest[start..], sentence.end, &text[cue.span.start..cue.span.end], speaker)
        })
    }

    /// "Porters were vulnerable …, Foster writes; such accusations “tended to
    /// accumulate …”": a trailing attribution before a semicolon, and the
    /// clause after it when it quotes the same speaker.
    fn across_semicolon(&self, sentence: Span) -> Vec<FoundQuote> {
        let text = self.text();
        let Some(k) = text[sentence.start..sentence.end].find("; ") else { return Vec::new() };
        let first = Span::new(sentence.start, sentence.start + k);
        let Some(statement) = self.trailing_verb(&words_in(text, first), first) else { return Vec::new() };
        let second = Span::new(first.end + 2, sentence.end);
        let mut found = vec![statement.clone()];
        if text[second.start..second.end].contains(['“', '"', '«']) {
            let cue = statement.cue.clone().unwrap_or_default();
            found.extend(self.statement(&words_in(text, second), sentence.end, &cue, statement));
        }
        found
    }

    /// "Buckley said “it’s not appropriate …,” and the students’ actions “fall
    /// upon the school.”": what follows the speaker's words with "and" is more
    /// of what they said, when it quotes them again.
    fn continued(&self, direct: &FoundQuote, words: &[Word], end: usize) -> Option<FoundQuote> {
        let text = self.text();
        let (cue, speaker) = (direct.cue.as_deref()?, direct.speaker.as_ref()?);
        let [and, rest @ ..] = words else { return None };
        let introduced = text[..direct.span.start].trim_end().ends_with(['“', '"', '«', ':']);
        let quotes_again = rest.first().is_some_and(|first| text[first.span.start..end].contains(['“', '"', '«']));
        if and.text != "and" || !introduced || !quotes_again || !text[direct.span.end..and.span.start].contains(',') {
            return None;
        }
        let start = usize::from(rest.first().is_some_and(|w| w.text == "that"));
        let mut probe = FoundQuote::default_at(direct.span);
        probe.speaker = Some(speaker.clone());
        probe.speaker_span = direct.speaker_span;
        self.statement(&rest[start..], end, cue, probe)
    }

    /// "According to the memo, STATEMENT."
    fn according_to(&self, words: &[Word], sentence: Span) -> Option<FoundQuote> {
        let text = self.text();
        let [according, to, ..] = words else { return None };
        if !according.text.eq_ignore_ascii_case("according") || to.text != "to" {
            return None;
        }
        let comma = (2..words.len().min(2 + MAX_SOURCE_WORDS)).find(|&k| text[words[k].span.end..].starts_with(','))?;
        let mut probe = FoundQuote::default_at(Span::new(sentence.start, sentence.start));
        let source = &words[2..=comma];
        if !self.speaker_after(&mut probe, source) {
            self.source(&mut probe, source);
        }
        probe.speaker.as_ref()?;
        self.statement(&words[comma + 1..], sentence.end, "according to", probe)
    }

    /// A source that names no one ("the memo obtained by The Globe", "a
    /// report"): the description up to what qualifies it is the speaker.
    fn source(&self, found: &mut FoundQuote, words: &[Word]) {
        let Some(first) = words.first().filter(|w| matches!(w.text.to_lowercase().as_str(), "the" | "a" | "an")) else {
            return;
        };
        let qualifier = |w: &Word| is_preposition(w.text) || w.text.ends_with("ed") || w.text.ends_with("ing");
        let end = (1..words.len()).find(|&k| qualifier(&words[k])).unwrap_or(words.len());
        if end < 2 {
            return;
        }
        self.described_as(found, Span::new(first.span.start, words[end - 1].span.end));
    }

    /// "STATEMENT, Morneau said." and "STATEMENT, said Morneau."
    fn trailing_verb(&self, words: &[Word], sentence: Span) -> Option<FoundQuote> {
        let text = self.text();
        let c = (1..words.len()).rev().take(TRAILING_WORDS + 4).find(|&c| self.cue_at(words, c).is_some())?;
        let cue = self.cue_at(words, c)?;
        // "…, Vos writes; such complaints …": the attribution ends at the semicolon.
        if words.len() - cue.last > TRAILING_WORDS || text[cue.span.end..sentence.end].contains(';') {
            return None;
        }
        let comma = text[sentence.start..cue.span.start].rfind(',')? + sentence.start;
        if text[sentence.start..comma].trim_start().starts_with(['"', '“', '«', '„', '‘', '\'']) {
            return None;
        }
        let between: Vec<&Word> =
            words.iter().filter(|w| w.span.start > comma && w.span.end <= cue.span.start).collect();
        if between.len() > TRAILING_WORDS || !super::names_speaker(text, &words[c - between.len()..c], cue.span.start) {
            return None;
        }
        let mut probe = FoundQuote::default_at(Span::new(sentence.start, comma));
        if between.is_empty() {
            if !self.speaker_after(&mut probe, &words[cue.last..]) && cue_words(text, &cue) == "according to" {
                // "…, according to the memo.": the source, named or described.
                self.source(&mut probe, &words[cue.last..]);
            }
        } else {
            let subject = &words[c - between.len()..c];
            if !self.person_between(&mut probe, comma, cue.span.start) {
                self.speaker_before(&mut probe, subject, comma, cue.span.start);
            }
            if probe.speaker.is_none() {
                self.person_by_last_name(&mut probe, subject);
            }
            if probe.speaker.is_none() && !self.described_person(&mut probe, subject, true) {
                self.described_speaker(&mut probe, subject, true);
            }
        }
        probe.speaker.as_ref()?;
        let statement: Vec<Word> = words.iter().filter(|w| w.span.end <= comma).copied().collect();
        self.statement(&statement, comma, &text[cue.span.start..cue.span.end], probe)
    }

    /// "Results are “very exciting,” says senior manager Erin Kim, who leads
    /// …": a phrase the writer's sentence ends on, attributed after it (the
    /// verb may be followed by more than a trailing attribution holds). The
    /// sentence up to the phrase is the speaker's statement.
    fn ends_in_attributed_phrase<'q>(
        &self,
        words: &[Word],
        mut reaching: impl Iterator<Item = &'q FoundQuote>,
    ) -> Option<FoundQuote> {
        let phrase = reaching.find(|q| q.kind == QuoteKind::Partial && q.cue.is_some() && q.speaker.is_some())?;
        let statement: Vec<Word> = words.iter().filter(|w| w.span.end <= phrase.span.end).copied().collect();
        self.statement(&statement, phrase.span.end, phrase.cue.as_deref()?, phrase.clone())
    }

    /// Who a leading verb's subject is: a name, pronoun or description that
    /// ends right before the verb (an adverb may stand between: "also said").
    fn subject_of(&self, words: &[Word], sentence: Span, cue: &Cue) -> Option<FoundQuote> {
        let mut end = cue.first;
        while end > 0 && is_verb_adverb(words[end - 1].text) {
            end -= 1;
        }
        let subject = &words[..end];
        let last = subject.last()?;
        let mut probe = FoundQuote::default_at(Span::new(sentence.start, sentence.start));
        // "Sarah Buckley, who attended the school across the street, said …"
        let text = self.text();
        let after_comma = text[last.span.end..cue.span.start].trim() == ",";
        // "She declined comment to the Globe, saying the matter …": a participle
        // after a comma speaks for the subject that opens the sentence.
        let participle = self.lang == Lang::En && words[cue.first].text.ends_with("ing");
        if participle {
            let opening = self.entities.within(sentence).next().filter(|(span, e)| {
                matches!(e.kind, EntityKind::Person | EntityKind::Organization)
                    && (text[sentence.start..span.start].split_whitespace().count() <= 2 || self.is_subject(*span))
            });
            if let Some((span, person)) = opening {
                probe.speaker = Some(person.name.clone());
                probe.speaker_span = Some(span);
                return Some(probe);
            }
            if self.resolve_reference(&mut probe, &subject[..1]) {
                return Some(probe);
            }
        }
        if after_comma {
            // The person opens the sentence, maybe after a title ("Ông Trần Văn Hải, Vụ trưởng …, nói rằng").
            let opening = self.entities.within(sentence).next().filter(|(span, e)| {
                let lead = &text[sentence.start..span.start];
                matches!(e.kind, EntityKind::Person | EntityKind::Organization)
                    && lead.split_whitespace().count() <= 3
                    && !lead.contains(',')
                    && text[span.end..].starts_with(',')
            });
            if let Some((span, person)) = opening {
                probe.speaker = Some(person.name.clone());
                probe.speaker_span = Some(span);
                return Some(probe);
            }
        }
        self.speaker_before(&mut probe, subject, sentence.start, last.span.end);
        // "Civic Action has a road map … and suggests": the subject of a second verb.
        let second_verb = matches!(last.text, "and" | "but");
        if probe.speaker_span.is_some_and(|s| s.end != last.span.end) && !second_verb {
            // A name further back is not this verb's subject ("people from Covington Catholic said").
            probe = FoundQuote::default_at(Span::new(sentence.start, sentence.start));
            self.resolve_reference(&mut probe, &subject[subject.len() - 1..]);
        }
        if probe.speaker.is_none() && !self.described_person(&mut probe, subject, false) {
            self.described_speaker(&mut probe, subject, false);
        }
        if probe.speaker.is_none() {
            self.group_speaker(&mut probe, subject, cue.span.start);
        }
        probe.speaker.is_some().then_some(probe)
    }

    fn is_listener(&self, cue: &Cue) -> bool {
        crate::analyze::lexicon::is_listener_cue(&self.text()[cue.span.start..cue.span.end].to_lowercase())
    }

    /// The statement over `words`, up to `end` without its closing punctuation.
    fn statement(&self, words: &[Word], end: usize, cue: &str, speaker: FoundQuote) -> Option<FoundQuote> {
        let text = self.text();
        if words.len() < MIN_STATEMENT_WORDS {
            return None;
        }
        let start = words[0].span.start;
        let span = Span::new(start, start + trim_closing(&text[start..end]).len());
        Some(FoundQuote {
            span,
            kind: QuoteKind::Reported,
            speaker: speaker.speaker,
            speaker_span: speaker.speaker_span,
            cue: Some(cue.to_owned()),
        })
    }
}

/// A statement without the punctuation and closing marks that end its sentence.
fn trim_closing(statement: &str) -> &str {
    statement.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '”' | '"' | '’' | '»' | ')')
    })
}

/// Where the statement starts after a verb that names its listener: at a
/// subject pronoun a few words on ("told the Globe he left the board"), or
/// at a quote right after an object pronoun ("told her “bad things would
/// happen”"). No punctuation may come between.
fn told_clause(text: &str, cue_end: usize, rest: &[Word]) -> Option<usize> {
    let plain = |k: usize| !text[cue_end..rest[k].span.start].contains([',', '.', ';', ':', '(']);
    let subject = rest
        .iter()
        .take(TOLD_WITHIN + 1)
        .position(|w| SUBJECT_PRONOUNS.contains(&w.text))
        .filter(|&k| k > 0 && plain(k));
    let quoted = rest.first().is_some_and(|w| matches!(w.text, "him" | "her" | "them" | "me" | "us"))
        && rest.get(1).is_some_and(|next| text[rest[0].span.end..next.span.start].contains(['"', '“', '«']));
    subject.or(quoted.then_some(1)).or_else(|| after_named_listener(rest).filter(|&k| plain(k)))
}

/// "told The Canadian Press by email the golfer was …": after a listener in
/// capitals and how they were told, a statement opening with an article.
fn after_named_listener(rest: &[Word]) -> Option<usize> {
    let mut k = usize::from(rest.first()?.text == "the");
    let named = rest[k..].iter().take_while(|w| w.is_capitalized()).count();
    if named == 0 {
        return None;
    }
    k += named;
    if rest.get(k).is_some_and(|w| matches!(w.text, "by" | "in" | "on" | "via" | "over")) {
        k += 1;
        if rest.get(k).is_some_and(|w| matches!(w.text, "a" | "an" | "the")) {
            k += 1;
        }
        k += 1;
    }
    rest.get(k).filter(|w| matches!(w.text, "the" | "a" | "an")).map(|_| k)
}

/// How many words may name a listener before the statement: "told The
/// Canadian Press he".
const TOLD_WITHIN: usize = 5;

/// Whether a "that" after a verb is no conjunction: the words before it
/// already hold the statement ("suggested he might make a “selfie video”
/// that was …"), or a preposition makes it a determiner ("recalled of that
/// first day").
fn that_is_not_conjunction(before_that: &[Word]) -> bool {
    before_that.iter().any(|w| SUBJECT_PRONOUNS.contains(&w.text))
        || before_that.last().is_some_and(|w| is_preposition(w.text))
}

/// English subject pronouns: where a clause starts.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "I", "it", "there"];

/// Whether the words after a verb tell when it was said, not what ("says
/// while rolling up her sleeves", "said when asked"); "said while the plan
/// was good, …" is a statement.
fn is_circumstance(rest: &[Word]) -> bool {
    match rest {
        [conjunction, next, ..] => {
            matches!(conjunction.text, "while" | "as" | "when" | "before" | "after")
                && (next.text.ends_with("ing") || next.text == "asked")
        }
        _ => false,
    }
}

/// Adverbs between a speaker and a speech verb ("also said", "later told").
fn is_verb_adverb(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "also" | "later" | "previously" | "then" | "earlier" | "has" | "had" | "cũng" | "đã"
    ) || (word.len() > 4 && word.ends_with("ly"))
}
