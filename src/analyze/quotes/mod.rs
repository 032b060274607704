//! Quotes and who said them.
//!
//! Quotation marks are paired by family (“ ” „ " « » ‹ › ‘ ’ ' 「 」 『 』), with
//! nesting, apostrophes told apart from single quotes, and the news convention
//! for a quote that runs over paragraphs (no closing mark at the end of one, a
//! new opening mark at the start of the next). A quote is `direct` when a speech
//! verb frames it or it stands alone; otherwise it is `partial`. The speaker is
//! the name next to the speech verb (a name between the quote and the verb comes
//! first); a pronoun, title or description ("ông", "she", "người đứng đầu NATO",
//! "the 39-year-old founder") is resolved to the last person of that gender who
//! opened a sentence or spoke, within a few paragraphs, else the last person
//! named. Someone the article does not name is their description ("a
//! spokesperson").

mod marks;
mod reference;
mod reported;
mod vietnamese;

use std::collections::HashMap;

use self::marks::{pair_marks, Marked};
use super::entities::Entities;
use super::lexicon::{
    is_listener_cue, is_preposition, is_relaying_cue, BODY_NOUNS, CUE_VERBS, FIRST_NAMES, NOT_SPEECH, PERSON_NOUNS,
    PERSON_TITLES, STOPWORDS_EN,
};
use super::words::{words_in, Word};
use super::{EntityKind, Lang, QuoteKind};
use crate::ingest::format::floor_char_boundary;
use crate::ingest::Article;
use crate::text::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundQuote {
    /// The quoted words, marks excluded.
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    pub speaker_span: Option<Span>,
    pub cue: Option<String>,
}

impl FoundQuote {
    fn default_at(span: Span) -> Self {
        FoundQuote { span, kind: QuoteKind::Partial, speaker: None, speaker_span: None, cue: None }
    }
}

/// How many paragraphs on an unattributed quote still continues the last
/// speaker's words (news quotes a speaker over several paragraphs). With no
/// one quoted yet, it is the person named in its paragraph or the one before.
const CONTINUES_FOR: usize = 3;

/// How many quotes back a quote may continue one: far more than any article
/// attributes in a row, and a bound on the walk in a one-paragraph text.
const CONTINUES_FOR_QUOTES: usize = 64;

/// Documents that speak for whoever issued them ("the statement said").
const DOCUMENT_NOUNS: &[&str] =
    &["statement", "release", "report", "memo", "letter", "study", "document", "complaint", "filing", "notice"];

/// Words that open a description of someone not named.
const INDEFINITE: &[&str] = &["a", "an", "one", "another", "some", "my"];

/// The longest description taken for an unnamed speaker.
const MAX_DESCRIPTION_WORDS: usize = 8;

/// How many paragraphs back a pronoun looks for the subject it stands for.
const ANTECEDENT_PARAGRAPHS: usize = 3;

/// Words that may open a sentence before its subject.
const SENTENCE_LINKS: &[&str] =
    &["but", "and", "so", "then", "however", "meanwhile", "still", "yet", "now", "also", "the", "a", "an", "while"];

/// A quoted whole sentence (capital to final mark) of at least this many
/// words is someone's words even without a speech verb ("I stand with
/// Covington Catholic High School."); shorter ones may be slogans or titles.
const WHOLE_SENTENCE_WORDS: usize = 5;

/// Finds the quotes of an article, in text order.
pub fn find(article: &Article, lang: Lang, entities: &Entities) -> Vec<FoundQuote> {
    let marked = pair_marks(&article.text);
    let attribution = Attribution::new(article, lang, entities, &marked);
    let mut quotes: Vec<FoundQuote> = Vec::with_capacity(marked.len());
    for (i, q) in marked.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| &marked[p]);
        let next = marked.get(i + 1);
        let mut quote = attribution.classify(q, previous, next);
        // "vị này nói": whoever spoke last, named or not.
        let demonstrative = quote.speaker.is_none()
            && quote.speaker_span.is_some_and(|s| vietnamese::is_demonstrative(&article.text[s.start..s.end]));
        if demonstrative {
            let last = last_direct(&quotes, &attribution, q.open, |p| p.cue.is_some());
            // No one quoted yet: no one, rather than a guess (the last person
            // to speak was tried, and named someone where the article names no
            // one; so was the one person given the description's role, which
            // named someone where the article does not, on the checking half).
            quote.speaker = last.and_then(|p| p.speaker.clone());
        }
        // A source the article does not name keeps no speaker (its mention is set).
        if quote.kind == QuoteKind::Direct && quote.speaker.is_none() && quote.speaker_span.is_none() {
            // The last attributed direct quote, skipping phrases quoted in between.
            let paragraph = attribution.paragraph_of(q.open);
            let last_voice = last_direct(&quotes, &attribution, q.open, |p| p.speaker.is_some());
            // Someone who became the subject since the last voice spoke takes over
            // ("Environment Minister Shannon Phillips announced …" then a quote).
            let since = last_voice.map_or(0, |v| v.span.end);
            let new_subject = entities
                .persons_before(q.open, None)
                .take_while(|(span, _)| span.start >= since)
                .filter(|(span, _)| attribution.paragraph_of(span.start) + 1 >= paragraph)
                .find(|(span, _)| !attribution.is_quoted(*span) && attribution.is_sole_subject(*span));
            if let Some((_, person)) = new_subject.filter(|_| last_voice.is_some()) {
                quote.speaker = Some(person.name.clone());
            } else if let Some(voice) = last_voice {
                quote.speaker = voice.speaker.clone();
            } else {
                // No one quoted yet: the last person a speech verb followed ("ông
                // Biên cho biết …"), else the person just named (this paragraph or
                // the one before).
                let near = |span: &Span| attribution.paragraph_of(span.start) + 1 >= paragraph;
                let named = entities.last_person_before(q.open, None).filter(|(span, _)| near(span));
                if let Some(person) = attribution.last_to_speak(q.open).or(named.map(|(_, p)| p)) {
                    quote.speaker = Some(person.name.clone());
                }
            }
        }
        quotes.push(quote);
    }
    lend_speakers_to_pull_quotes(&mut quotes, &attribution);
    let reported = attribution.reported(&quotes);
    for statement in &reported {
        // Words quoted inside a reported statement are its speaker's.
        let first = quotes.partition_point(|q| q.span.start < statement.span.start);
        let inside = quotes[first..].iter_mut().take_while(|q| q.span.start < statement.span.end);
        for quote in inside.filter(|q| q.kind == QuoteKind::Partial && q.speaker.is_none()) {
            quote.speaker = statement.speaker.clone();
        }
    }
    quotes.extend(reported);
    quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    quotes
}

/// The last direct quote before `position`, within `CONTINUES_FOR`
/// paragraphs, that `wanted` accepts: whose words a quote may continue.
fn last_direct<'q>(
    quotes: &'q [FoundQuote],
    attribution: &Attribution,
    position: usize,
    wanted: impl Fn(&FoundQuote) -> bool,
) -> Option<&'q FoundQuote> {
    let paragraph = attribution.paragraph_of(position);
    // One-line articles (as pasted) are one paragraph: the count of quotes
    // bounds the walk too.
    quotes
        .iter()
        .rev()
        .take(CONTINUES_FOR_QUOTES)
        .take_while(|p| attribution.paragraph_of(p.span.start) + CONTINUES_FOR >= paragraph)
        .find(|p| p.kind == QuoteKind::Direct && wanted(p))
}

/// A pull quote or a heading repeats words the article quotes with their
/// speaker ("'I'm not an alien, but I am a mutant'" above "“I'm not an
/// alien,” she said, “but I am a mutant.”"): it takes that speaker. Only quotes
/// without a speech verb of their own borrow; a lender has one.
fn lend_speakers_to_pull_quotes(quotes: &mut [FoundQuote], attribution: &Attribution) {
    let tokens = |q: &FoundQuote| -> Vec<String> {
        attribution.text()[q.span.start..q.span.end]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let all: Vec<Vec<String>> = quotes.iter().map(tokens).collect();
    // Lenders by their first word, so that a borrower looks only at the ones
    // that can start at each of its words.
    let mut lenders: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, q) in quotes.iter().enumerate() {
        if q.cue.is_some() && q.speaker.is_some() && all[j].len() >= 3 {
            lenders.entry(all[j][0].as_str()).or_default().push(j);
        }
    }
    for i in 0..quotes.len() {
        if quotes[i].kind != QuoteKind::Direct || quotes[i].cue.is_some() || all[i].len() < 4 {
            continue;
        }
        let borrower = &all[i];
        let lender = (0..borrower.len()).find_map(|start| {
            lenders.get(borrower[start].as_str())?.iter().copied().find(|&j| {
                let words = &all[j];
                words.len() * 3 >= borrower.len() && borrower[start..].starts_with(words)
            })
        });
        if let Some(j) = lender {
            quotes[i].speaker = quotes[j].speaker.clone();
        }
    }
}

struct Attribution<'a> {
    article: &'a Article,
    lang: Lang,
    entities: &'a Entities,
    /// The speech cues of the article's language (and English, quoted in
    /// Vietnamese news), by their first word.
    cues: HashMap<&'static str, Vec<&'static [&'static str]>>,
    /// The words in quotation marks, in text order: someone named inside a
    /// quote is not whom the writer's "she" stands for.
    quoted: Vec<Span>,
    /// People by the title the article gives them ("Judge Anne Derrick",
    /// "Doug McCallum, the mayor of Surrey"): the title's last word, lowercase,
    /// to (mention start, entity index) in text order.
    titled: HashMap<String, Vec<(usize, usize)>>,
    /// People by the last syllable of their name ("Lý" → "Hoàng Thị Lý"), in
    /// entity order: whom "bà Lý" may stand for.
    people_by_last_syllable: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Attribution<'a> {
    fn new(article: &'a Article, lang: Lang, entities: &'a Entities, marked: &[Marked]) -> Self {
        let code = lang.code();
        let mut cues: HashMap<&'static str, Vec<&'static [&'static str]>> = HashMap::new();
        let languages = CUE_VERBS
            .iter()
            .filter(|(cue_lang, _)| code.is_empty() || **cue_lang == code || (code == "vi" && **cue_lang == "en"));
        for cue in languages.flat_map(|(_, cues)| cues.iter()) {
            if let Some(first) = cue.first() {
                cues.entry(first).or_default().push(cue.as_slice());
            }
        }
        let quoted = marked.iter().map(|m| m.content).collect();
        let titled = reference::titled_people(&article.text, entities);
        let mut people_by_last_syllable: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, person) in entities.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
            if let Some(last) = person.name.split_whitespace().next_back() {
                people_by_last_syllable.entry(last.trim_end_matches('.')).or_default().push(k);
            }
        }
        Attribution { article, lang, entities, cues, quoted, titled, people_by_last_syllable }
    }
}

/// A speech verb found in a frame.
#[derive(Debug, Clone, Copy)]
struct Cue {
    span: Span,
    /// Index of its first and one-past-last word in the frame's words.
    first: usize,
    last: usize,
}

/// How far before and after a quote to look for who said it, in bytes: a
/// speech frame is a few words, and a bound keeps huge sentences linear.
const MAX_FRAME: usize = 400;

fn ceil_char_boundary(text: &str, mut index: usize) -> usize {
    while index < text.len() && !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

const PRONOUNS: &[&str] = &[
    "ông",
    "bà",
    "anh",
    "chị",
    "cô",
    "ông ấy",
    "bà ấy",
    "anh ấy",
    "chị ấy",
    "cô ấy",
    "người này",
    "vị này",
    "he",
    "she",
    "il",
    "elle",
    "er",
    "sie",
    "él",
    "ella",
];

impl Attribution<'_> {
    fn text(&self) -> &str {
        &self.article.text
    }

    fn sentence_at(&self, position: usize) -> Span {
        let sentences = &self.article.sentences;
        let i = sentences.partition_point(|s| s.span.start <= position).saturating_sub(1);
        sentences.get(i).map_or(Span::new(0, self.text().len()), |s| s.span)
    }

    fn is_quoted(&self, mention: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.start <= mention.start);
        i > 0 && self.quoted[i - 1].end >= mention.end
    }

    /// Whether quoted words that start lowercase stand inside the writer's
    /// sentence, three words or more after its start: a phrase, not a
    /// quoted sentence.
    fn inside_writers_sentence(&self, quote_words: &[Word], open: usize) -> bool {
        let sentence = self.sentence_at(open);
        !quote_words.first().is_some_and(Word::is_capitalized)
            && words_in(self.text(), Span::new(sentence.start.min(open), open)).len() >= 3
    }

    /// The speaker an agency relays ("AP dẫn lời bà Henz"): who is named
    /// after the relaying verb, in `after`.
    fn relayed_speaker(&self, found: &mut FoundQuote, cue: &Cue, after: &[Word]) -> bool {
        is_relaying_cue(&self.text()[cue.span.start..cue.span.end].to_lowercase()) && self.speaker_after(found, after)
    }

    /// The last person before `position`, in its paragraph or the one
    /// before, whom a speech verb followed ("ông Biên cho biết …").
    fn last_to_speak(&self, position: usize) -> Option<&crate::analyze::entities::FoundEntity> {
        let paragraph = self.paragraph_of(position);
        self.entities
            .persons_before(position, None)
            .take_while(|(span, _)| self.paragraph_of(span.start) + 1 >= paragraph)
            .find(|(span, _)| !self.is_quoted(*span) && self.speaks(*span))
            .map(|(_, person)| person)
    }

    fn paragraph_of(&self, position: usize) -> usize {
        self.article.paragraphs.partition_point(|p| p.span.start <= position).saturating_sub(1)
    }

    fn classify(&self, q: &Marked, previous: Option<&Marked>, next: Option<&Marked>) -> FoundQuote {
        let text = self.text();
        let open_sentence = self.sentence_at(q.open);
        let pre_start = previous
            .map(|p| p.close_end)
            .filter(|&end| end > open_sentence.start && end <= q.open)
            .unwrap_or(open_sentence.start.min(q.open));
        let pre = Span::new(pre_start.max(ceil_char_boundary(text, q.open.saturating_sub(MAX_FRAME))), q.open);
        let post = self.post_frame(q, next);

        let pre_words = words_in(text, pre);
        let post_words = words_in(text, post);
        let quote_words = words_in(text, q.content);
        let mut found =
            FoundQuote { span: q.content, kind: QuoteKind::Partial, speaker: None, speaker_span: None, cue: None };

        // "The Kid Who Would Be King", « Thu Ngà »: a title or a name in capitals
        // is nobody's words, whatever verb is near.
        if is_title_case(&quote_words) {
            return found;
        }
        if let Some(cue) = self.last_cue(&pre_words).filter(|c| self.introduces(c, pre)) {
            found.kind = QuoteKind::Direct;
            found.cue = Some(text[cue.span.start..cue.span.end].to_owned());
            // "Hãng AP dẫn lời bà Henz: “…”": whom the agency quotes spoke.
            if self.relayed_speaker(&mut found, &cue, &pre_words[cue.last..]) {
                return found;
            }
            self.speaker_before(&mut found, &pre_words[..cue.first], pre.start, cue.span.start);
            if found.speaker.is_none() && !self.described_person(&mut found, &pre_words[..cue.first], false) {
                self.described_speaker(&mut found, &pre_words[..cue.first], false);
            }
            if found.speaker.is_none() {
                self.group_speaker(&mut found, &pre_words[..cue.first], cue.span.start);
            }
            if found.speaker.is_none() && self.lang == Lang::Vi {
                self.unnamed_source(&mut found, &pre_words[..cue.first], cue.span.start);
            }
            return found;
        }
        if self.lang == Lang::Vi && self.theo_quote(&mut found, &pre_words, q.open) {
            return found;
        }
        // "“… to management” UFCW Local 832 president Jeff Traeger said Saturday.": a
        // whole quoted sentence may lose its comma before the speaker.
        let whole_sentence = quote_words.first().is_some_and(Word::is_capitalized)
            && quote_words.len() >= WHOLE_SENTENCE_WORDS
            && self.first_cue(&post_words, 10).is_some_and(|c| post_words.len() - c.last <= 3);
        let attributes_after = q.ends_with_punctuation
            || whole_sentence
            || text[post.start..post.end].trim_start().starts_with([',', '-', '–', '—']);
        if attributes_after && self.lang == Lang::Vi && self.theo_after(&mut found, &post_words, q.close_end) {
            return found;
        }
        if attributes_after {
            let cue = self.first_cue(&post_words, 25);
            // "“Hundreds of trees are down” including Lake Cowichan, it said": the
            // writer's words may stand between a quoted sentence and who said it.
            let skip = match cue {
                Some(c) if names_speaker(text, &post_words[..c.first], c.span.start) => Some(0),
                Some(c) if self.lang == Lang::Vi && self.names_vietnamese_speaker(&post_words[..c.first]) => Some(0),
                Some(c) if whole_sentence => post_words[..c.first]
                    .iter()
                    .rposition(|w| text[w.span.end..].starts_with(','))
                    .map(|k| k + 1)
                    .filter(|&k| k < c.first && names_speaker(text, &post_words[k..c.first], c.span.start)),
                _ => None,
            };
            if let (Some(cue), Some(skip)) = (cue, skip) {
                let from = post_words.get(skip).filter(|_| skip > 0).map_or(post.start, |w| w.span.start);
                // "In fact, railways used unions “to keep Blacks in their place,” Foster
                // says": a phrase inside the writer's sentence is partial; the sentence
                // is the speaker's reported statement.
                let inside = self.inside_writers_sentence(&quote_words, q.open);
                found.kind = if inside { QuoteKind::Partial } else { QuoteKind::Direct };
                found.cue = Some(text[cue.span.start..cue.span.end].to_owned());
                let between = &post_words[skip..cue.first];
                // "“…” – AP dẫn lời bà Henz": whom the agency quotes spoke.
                if self.relayed_speaker(&mut found, &cue, &post_words[cue.last..]) {
                    return found;
                }
                if !between.is_empty() {
                    // "…," the Kentucky Republican said: a description, in capitals or not,
                    // stands for a person named before.
                    let definite = between[0].text.eq_ignore_ascii_case("the");
                    if definite && self.described_person(&mut found, between, true) {
                        return found;
                    }
                    // "…," Hadwin said by phone from Phoenix: the speaker stands before the verb.
                    if !self.person_between(&mut found, from, cue.span.start) {
                        self.speaker_before(&mut found, between, from, cue.span.start);
                    }
                    if found.speaker.is_none()
                        && self.lang == Lang::Vi
                        && !self.person_by_title_and_given_name(&mut found, between)
                        && !self.person_by_title(&mut found, between)
                        && !self.body_or_document(&mut found, between)
                    {
                        self.unnamed_source(&mut found, between, cue.span.start);
                    }
                    if found.speaker.is_none() {
                        self.person_by_last_name(&mut found, between);
                    }
                    if found.speaker.is_none() {
                        self.person_by_given_name(&mut found, between);
                    }
                    if found.speaker.is_none() && !self.described_person(&mut found, between, true) {
                        self.described_speaker(&mut found, between, true);
                    }
                } else if !is_listener_cue(&text[cue.span.start..cue.span.end].to_lowercase()) {
                    // "told CTV News": whom a speaker told comes after the verb, not who spoke.
                    let after = &post_words[cue.last..];
                    if !self.speaker_after(&mut found, after) && !self.described_person(&mut found, after, true) {
                        self.described_speaker(&mut found, after, true);
                    }
                }
                return found;
            }
        }
        let alone = !text[pre.start..pre.end].chars().any(char::is_alphanumeric)
            && !text[post.start..post.end].chars().any(char::is_alphanumeric);
        let starts_upper = quote_words.first().is_some_and(Word::is_capitalized);
        let introduced_by_colon = text[pre.start..pre.end].trim_end().ends_with(':');
        // “…của mình”. — Vietnamese often closes the mark before the period:
        // a quoted sentence that stands on its own between sentences.
        let own_sentence = !text[pre.start..pre.end].chars().any(char::is_alphanumeric)
            && text[q.close_end..].starts_with(['.', '!', '?', '…']);
        if (alone && quote_words.len() >= 3)
            || (starts_upper && quote_words.len() >= WHOLE_SENTENCE_WORDS && (q.ends_with_punctuation || own_sentence))
        {
            found.kind = QuoteKind::Direct;
            if self.lang == Lang::Vi {
                self.words_of_the_next_sentence(&mut found, q.close_end);
            }
        } else if introduced_by_colon && starts_upper && quote_words.len() >= 4 {
            found.kind = QuoteKind::Direct;
            self.speaker_before(&mut found, &pre_words, pre.start, pre.end);
        }
        found
    }

    /// After the closing mark, to the end of its sentence; when the sentence ends
    /// at the mark, the next short sentence of the same paragraph ("Woods said.").
    fn post_frame(&self, q: &Marked, next: Option<&Marked>) -> Span {
        let text = self.text();
        let close_sentence = self.sentence_at(q.close_end.saturating_sub(1));
        let mut end = close_sentence.end.max(q.close_end);
        if !text[q.close_end..end].chars().any(char::is_alphanumeric) {
            let following = self.sentence_at(end + 1);
            let same_paragraph = self.paragraph_of(following.start) == self.paragraph_of(q.close_end.saturating_sub(1));
            if following.start >= end && same_paragraph && words_in(text, following).len() <= 8 {
                end = following.end;
            }
        }
        if let Some(n) = next {
            if n.open >= q.close_end {
                end = end.min(n.open);
            }
        }
        let end = end.min(floor_char_boundary(text, q.close_end + MAX_FRAME));
        Span::new(q.close_end, end.max(q.close_end))
    }

    fn cue_at(&self, words: &[Word], i: usize) -> Option<Cue> {
        let first = words.get(i)?.text.to_lowercase();
        let at = |phrase: &[&str]| {
            i + phrase.len() <= words.len() && phrase.iter().zip(&words[i..]).all(|(p, w)| w.text.to_lowercase() == *p)
        };
        // "khán giả nói chung": an idiom, nothing said.
        if NOT_SPEECH.get(self.lang.code()).is_some_and(|phrases| phrases.iter().any(|p| at(p))) {
            return None;
        }
        self.cues
            .get(first.as_str())?
            .iter()
            .filter(|cue| {
                at(cue)
                    && words[i..i + cue.len()].windows(2).all(|p| &self.text()[p[0].span.end..p[1].span.start] == " ")
            })
            .max_by_key(|cue| cue.len())
            .map(|cue| Cue {
                span: Span::new(words[i].span.start, words[i + cue.len() - 1].span.end),
                first: i,
                last: i + cue.len(),
            })
    }

    fn last_cue(&self, words: &[Word]) -> Option<Cue> {
        (0..words.len()).rev().find_map(|i| self.cue_at(words, i))
    }

    fn first_cue(&self, words: &[Word], within: usize) -> Option<Cue> {
        (0..words.len().min(within)).find_map(|i| self.cue_at(words, i))
    }

    /// Whether the words between a cue and the quote hand over to it: nothing, a
    /// colon, "rằng"/"that", or a few words and a comma or colon.
    fn introduces(&self, cue: &Cue, pre: Span) -> bool {
        let between = self.text()[cue.span.end..pre.end].trim();
        let words = between.split_whitespace().count();
        let bare = between.trim_end_matches([':', ',', '.']).trim().to_lowercase();
        between.ends_with(':')
            || bare.is_empty()
            || matches!(bare.as_str(), "rằng" | "that" | "thêm" | "thêm rằng" | "que")
            || (words <= 8 && between.ends_with(',') && !between.contains(['.', ';', '"', '“', '”']))
    }

    /// The speaker named just before a cue (within four words), else a pronoun or
    /// title there, resolved to the last person named before it.
    fn speaker_before(&self, found: &mut FoundQuote, words: &[Word], from: usize, cue_start: usize) {
        let window = Span::new(from, cue_start);
        if self.lang == Lang::Vi && self.person_before_role(found, words, window, cue_start) {
            return;
        }
        if self.lang == Lang::Vi && (self.document_before(found, words) || self.demonstrative_subject(found, words)) {
            return;
        }
        // "a Marine spokeswoman said", "students shout": someone not named, though
        // a name may stand in the description.
        if let Some(last) = words.last().filter(|w| &self.text()[w.span.end..cue_start] == " ") {
            let lower = last.text.to_lowercase();
            if PERSON_NOUNS.contains_key(lower.as_str()) || PERSON_TITLES.contains(lower.as_str()) {
                self.described_speaker(found, words, false);
            }
            if found.speaker.is_none() && !words[..words.len() - 1].last().is_some_and(Word::is_capitalized) {
                self.group_speaker(found, words, cue_start);
            }
            if found.speaker.is_some() {
                return;
            }
        }
        // "IRCC did not reveal the Ayo's paperwork, but said": a second verb of
        // the sentence's subject.
        if words.last().is_some_and(|w| matches!(w.text, "and" | "but")) {
            let subject =
                self.entities.within(window).find(|(s, e)| e.kind != EntityKind::Location && self.is_subject(*s));
            if let Some((span, entity)) = subject {
                found.speaker = Some(entity.name.clone());
                found.speaker_span = Some(span);
                return;
            }
        }
        // "Buckley, the Catholic girls' school graduate, said", "Reagan Ruslim, who
        // joined the board last month, said": a person, then an aside set off by commas.
        if self.text()[from..cue_start].trim_end().ends_with(',') {
            let set_off = self.entities.within(window).rev().find(|(s, e)| {
                e.kind == EntityKind::Person
                    && self.text()[s.end..].starts_with(',')
                    && words_between(words, s.end, cue_start) <= 12
                    && self
                        .entities
                        .within(Span::new(s.end, cue_start))
                        .all(|(_, other)| other.kind != EntityKind::Person)
            });
            if let Some((span, person)) = set_off {
                found.speaker = Some(person.name.clone());
                found.speaker_span = Some(span);
                return;
            }
        }
        let closest = self
            .entities
            .within(window)
            .rev()
            .find(|(s, e)| e.kind != EntityKind::Location && words_between(words, s.end, cue_start) <= 4);
        // "Colin Asplin, Blackpool Hotel Association said": the person the body follows.
        let person_set_off = |body: Span| {
            self.entities
                .within(Span::new(from, body.start))
                .next_back()
                .filter(|(s, e)| e.kind == EntityKind::Person && self.text()[s.end..body.start].trim() == ",")
        };
        let closest = match closest {
            Some((span, entity)) if entity.kind != EntityKind::Person => person_set_off(span).or(closest),
            _ => closest,
        };
        // "lãnh đạo Vinacomin bày tỏ", "Cựu thủ quân của MU chia sẻ": someone of
        // the body speaks, not the body: the person the article is following,
        // when the body is already in the story; else someone it does not name.
        if let Some((span, body)) = closest.filter(|(_, e)| e.kind == EntityKind::Organization) {
            let role = (self.lang == Lang::Vi).then(|| vietnamese::role_before(self.text(), words, span.start));
            if let Some(role) = role.flatten() {
                // The person the article brought in with this role, else the
                // one it is following when the role is a body's voice.
                let following = || {
                    let person = self.antecedent(span.start, None).map(|(_, person)| person);
                    person.filter(|_| {
                        vietnamese::ROLES_IN_A_BODY.contains(&role.as_str()) && self.named_before(body, span.start)
                    })
                };
                let person = self.person_with_role(&role, body, span.start).or_else(following);
                found.speaker = person.map(|p| p.name.clone());
                found.speaker_span = Some(span);
                return;
            }
        }
        if let Some((span, entity)) = closest {
            found.speaker = Some(entity.name.clone());
            found.speaker_span = Some(span);
            return;
        }
        if self.lang == Lang::Vi && self.person_by_title_and_given_name(found, &words[words.len().saturating_sub(6)..])
        {
            return;
        }
        self.resolve_reference(found, &words[words.len().saturating_sub(4)..]);
    }

    /// A person named between a quote and its cue, however described
    /// ("Hussein Sayed, chief strategist at FXTM, said").
    fn person_between(&self, found: &mut FoundQuote, from: usize, to: usize) -> bool {
        let window = Span::new(from, to);
        let first_word = words_in(self.text(), window).first().map(|w| w.span.start);
        let leading = self.entities.within(window).next().filter(|(span, _)| Some(span.start) == first_word);
        let leading_person = leading.filter(|(_, e)| e.kind == EntityKind::Person);
        // "Rally Canada volunteer media coordinator Tom Hinderks": a person after
        // the body they speak for.
        let person = || self.entities.within(window).find(|(_, e)| e.kind == EntityKind::Person);
        let leading_other = || leading.filter(|(_, e)| e.kind == EntityKind::Other);
        match leading_person.or_else(person).or_else(leading_other) {
            Some((span, entity)) => {
                found.speaker = Some(entity.name.clone());
                found.speaker_span = Some(span);
                true
            }
            None => false,
        }
    }

    /// The description among `words` that may name a speaker: from their start
    /// (`leading`) to the first comma or other break, else from a word that
    /// `opens` one (the first such, or with `last_opening` the last) to their
    /// end; at most `MAX_DESCRIPTION_WORDS` words, and it must start with such a word.
    fn description<'w, 't>(
        &self,
        words: &'w [Word<'t>],
        leading: bool,
        opens: fn(&str) -> bool,
        last_opening: bool,
    ) -> Option<&'w [Word<'t>]> {
        let text = self.text();
        let plain = |pair: &[Word]| !text[pair[0].span.end..pair[1].span.start].contains([',', '.', ';', ':', '(']);
        let phrase = if leading {
            let end = words.windows(2).position(|p| !plain(p)).map_or(words.len(), |k| k + 1);
            &words[..end.min(MAX_DESCRIPTION_WORDS)]
        } else {
            let start = words.windows(2).rposition(|p| !plain(p)).map_or(0, |k| k + 1);
            let tail = &words[start..];
            let opening = |w: &Word| opens(&w.text.to_lowercase());
            let k = if last_opening { tail.iter().rposition(opening) } else { tail.iter().position(opening) }?;
            if tail.len() - k > MAX_DESCRIPTION_WORDS {
                return None;
            }
            &tail[k..]
        };
        phrase.first().filter(|w| opens(&w.text.to_lowercase()))?;
        Some(phrase)
    }

    /// A definite description of a person ("the 39-year-old founder of
    /// Studiocomix Press", "the affable proprietor") stands for the person last
    /// named as a subject. `leading` reads it from the start of `words`, else
    /// it is the end of `words`.
    fn described_person(&self, found: &mut FoundQuote, words: &[Word], leading: bool) -> bool {
        let Some(phrase) = self.description(words, leading, |w| w == "the", true) else { return false };
        // The head noun comes before any "of"/"at" that describes it.
        let head_end = phrase.iter().position(|w| is_preposition(w.text)).unwrap_or(phrase.len());
        let Some(gender) =
            phrase[1..head_end].iter().rev().find_map(|w| PERSON_NOUNS.get(w.text.to_lowercase().as_str()))
        else {
            let head: Vec<String> = phrase[1..head_end].iter().map(|w| w.text.to_lowercase()).collect();
            // "the agency said": the body last named.
            if head.iter().any(|w| BODY_NOUNS.contains(w.as_str())) {
                return self.body_antecedent(found, phrase);
            }
            // "The statement also said": the body that just spoke, else the document.
            if head.iter().any(|w| DOCUMENT_NOUNS.contains(&w.as_str())) {
                if !self.speaking_body(found, phrase) {
                    self.described_as(found, Span::new(phrase[0].span.start, phrase[head_end - 1].span.end));
                }
                return true;
            }
            return false;
        };
        let gender = (*gender != '-').then_some(*gender);
        match self.antecedent(phrase[0].span.start, gender) {
            Some((_, person)) => {
                found.speaker = Some(person.name.clone());
                found.speaker_span = Some(Span::new(phrase[0].span.start, phrase[phrase.len() - 1].span.end));
                true
            }
            None => false,
        }
    }

    /// Someone the article does not name, described with an indefinite
    /// article ("…," a spokesperson said; "said a friend"; "One resident
    /// wrote: …"): the description is the speaker. `leading` reads the
    /// description from the start of `words`, else from its end.
    fn described_speaker(&self, found: &mut FoundQuote, words: &[Word], leading: bool) {
        let Some(phrase) = self.description(words, leading, |w| INDEFINITE.contains(&w), false) else { return };
        // "one of the players in the video": where they are is no part of who.
        let end = (2..phrase.len())
            .find(|&k| matches!(phrase[k].text, "in" | "at" | "on" | "from" | "during" | "with" | "who" | "which"))
            .unwrap_or(phrase.len());
        let phrase = &phrase[..end];
        let (Some(first), Some(last)) = (phrase.first(), phrase.last()) else { return };
        if phrase.len() < 2 {
            return;
        }
        self.described_as(found, Span::new(first.span.start, last.span.end));
    }

    /// Someone the article does not name: the words at `span` that describe
    /// them are the speaker.
    fn described_as(&self, found: &mut FoundQuote, span: Span) {
        found.speaker = Some(self.text()[span.start..span.end].to_owned());
        found.speaker_span = Some(span);
    }

    /// People a bare plural names right before the verb ("protesters chanted",
    /// "yellow vest supporters say"): the plural, with the words that
    /// describe it, is the speaker.
    fn group_speaker(&self, found: &mut FoundQuote, words: &[Word], cue_start: usize) {
        let text = self.text();
        let Some((last, before)) = words.split_last() else { return };
        let plural = last.text.ends_with('s') && !last.text.ends_with("ss") && last.text.chars().count() >= 5;
        let plain = |w: &Word| w.text.chars().all(char::is_lowercase) && !STOPWORDS_EN.contains(w.text);
        if self.lang != Lang::En || !plural || !plain(last) || text[last.span.end..cue_start] != *" " {
            return;
        }
        let mut start = last.span.start;
        for word in before.iter().rev().take(2) {
            if !plain(word) || text[word.span.end..start] != *" " {
                break;
            }
            start = word.span.start;
        }
        self.described_as(found, Span::new(start, last.span.end));
    }

    /// A lone surname before the cue names the person of that surname
    /// mentioned before ("Hadwin" → "Adam Hadwin").
    fn person_by_last_name(&self, found: &mut FoundQuote, words: &[Word]) {
        let [word] = words else { return };
        if !word.is_capitalized() {
            return;
        }
        let named = self
            .entities
            .within(Span::new(0, word.span.start))
            .rev()
            .find(|(_, e)| e.kind == EntityKind::Person && e.name.split_whitespace().last() == Some(word.text));
        if let Some((_, person)) = named {
            found.speaker = Some(person.name.clone());
            found.speaker_span = Some(word.span);
        }
    }

    /// A lone given name before the cue names the one person of that given
    /// name mentioned before ("Jordan said" → "Jordan Stewart").
    fn person_by_given_name(&self, found: &mut FoundQuote, words: &[Word]) {
        let [word] = words else { return };
        if !FIRST_NAMES.contains_key(word.text) {
            return;
        }
        let mut named = self
            .entities
            .within(Span::new(0, word.span.start))
            .rev()
            .filter(|(_, e)| e.kind == EntityKind::Person && e.name.split_whitespace().next() == Some(word.text));
        if let Some((_, person)) = named.next() {
            if named.all(|(_, other)| other.name == person.name) {
                found.speaker = Some(person.name.clone());
                found.speaker_span = Some(word.span);
            }
        }
    }

    /// The speaker named right after a cue ("said Anna Berg", "says Cambridge
    /// cartoonist Andre Campbell"), or a pronoun there; a name after a
    /// preposition ("said by phone from Phoenix") is not the speaker.
    fn speaker_after(&self, found: &mut FoundQuote, after: &[Word]) -> bool {
        let Some(first) = after.first() else { return false };
        let reach = after.iter().take(6).take_while(|w| !is_preposition(w.text)).count();
        if reach == 0 {
            return false;
        }
        // A name that starts within reach counts whole ("said lead author Dr. Allan Garland").
        let reach_end = after[reach - 1].span.end;
        let window = Span::new(first.span.start, after[after.len() - 1].span.end);
        let named: Vec<_> = self
            .entities
            .within(window)
            .take_while(|(span, _)| span.start < reach_end)
            .filter(|(span, e)| e.kind != EntityKind::Location && !self.text()[span.end..].starts_with(['’', '\'']))
            .collect();
        let person =
            |full: bool| named.iter().find(|(_, e)| e.kind == EntityKind::Person && (!full || e.name.contains(' ')));
        if let Some(&(span, entity)) = person(true).or(person(false)).or(named.first()) {
            found.speaker = Some(entity.name.clone());
            found.speaker_span = Some(span);
            return true;
        }
        self.resolve_reference(found, &after[..after.len().min(2)])
    }
}

/// Whether the words between a closing mark and a cue can only be the speaker:
/// a name, a pronoun or a title ("Woods", "ông", "the minister"), or nothing;
/// a described name ("mayoral candidate Doug McCallum"); a name and a
/// description set off by commas ("Hussein Sayed, chief strategist at FXTM,").
/// A clause ("trong đó thừa nhận") is not.
fn names_speaker(text: &str, words: &[Word], cue_start: usize) -> bool {
    let plain = |w: &Word| {
        let lower = w.text.to_lowercase();
        w.is_capitalized()
            || PRONOUNS.contains(&lower.as_str())
            || PERSON_TITLES.contains(lower.as_str())
            || matches!(lower.as_str(), "the" | "a" | "an" | "it" | "người" | "phát" | "ngôn" | "ấy")
    };
    if words.len() <= 5 && words.iter().all(plain) {
        return true;
    }
    // "the 39-year-old founder of Studiocomix Press", "a spokesperson for the city"
    let described = words.first().is_some_and(|w| {
        matches!(
            w.text.to_lowercase().as_str(),
            "a" | "an" | "the" | "one" | "another" | "my" | "his" | "her" | "their"
        )
    });
    if described && words.len() <= MAX_DESCRIPTION_WORDS {
        let span_text = &text[words[0].span.start..cue_start];
        return !span_text.contains(['.', ';', ':', '"', '“', '”']);
    }
    if !words.first().is_some_and(Word::is_capitalized) {
        return words.len() <= 6 && words.last().is_some_and(Word::is_capitalized) && words.len() >= 2;
    }
    // The name ends at its first lowercase word or comma ("Pierre Gignac, EDC's …").
    let name_end = (1..words.len())
        .find(|&k| !words[k].is_capitalized() || text[words[k - 1].span.end..words[k].span.start].contains(','))
        .unwrap_or(words.len());
    let after_name = &text[words[name_end.min(words.len()) - 1].span.end..];
    let set_off = after_name.starts_with(',') && text[..cue_start].trim_end().ends_with(',');
    set_off || (words.len() <= 10 && (after_name.starts_with(',') || words.last().is_some_and(Word::is_capitalized)))
}

/// Whether quoted words are a title: two or more, every one capitalized but
/// the small words English titles keep in lowercase.
fn is_title_case(words: &[Word]) -> bool {
    let small = |w: &Word| {
        matches!(w.text, "a" | "an" | "the" | "of" | "and" | "or" | "in" | "on" | "to" | "for" | "at" | "by" | "with")
    };
    words.len() >= 2
        && words.iter().all(|w| w.is_capitalized() || small(w))
        && words.iter().filter(|w| w.is_capitalized()).count() >= 2
}

fn words_between(words: &[Word], from: usize, to: usize) -> usize {
    words.iter().filter(|w| w.span.start >= from && w.span.end <= to).count()
}
