//! Names of people, organizations and places.
//!
//! A name is a run of capitalized words (every syllable capitalized in
//! Vietnamese: "Trung Quốc", "Jens Stoltenberg"). A capital that is only there
//! because a sentence starts is not a name. The kind comes from gazetteers, from
//! the words inside the name ("Ministry", "Bộ") and from the words around it
//! ("ông", "tại", "hãng tin", a speech verb after it). Shorter mentions join the
//! fullest name they end ("Stoltenberg" → "Jens Stoltenberg").

pub mod kinds;
mod merge;
mod vi;

use std::collections::{HashMap, HashSet};

use super::lexicon::{
    is_group_word, is_listener_cue, is_preposition, BODY_NOUNS, CALENDAR_WORDS, COMMON_ACRONYMS, CUE_VERBS,
    FIRST_NAMES, LOCATIONS, LOCATION_CUES, ORGANIZATIONS, ORGANIZATION_CUES, ORGANIZATION_WORDS, PERSON_NOUNS,
    PERSON_TITLES, PLACE_WORDS, STOPWORDS_EN, STOPWORDS_VI, VI_FAMILY_NAMES,
};
use super::words::{words_in, Word};
use super::{EntityKind, Lang};
use crate::ingest::Article;
use crate::text::Span;

/// One entity, with its mentions in text order.
#[derive(Debug, Clone)]
pub struct FoundEntity {
    pub name: String,
    pub kind: EntityKind,
    pub mentions: Vec<Span>,
    /// For a person, `m` or `f` when the article or a known given name says
    /// so ("husband Mohammad Al Mnajer", "Ms. Roussel", "Sarah").
    pub gender: Option<char>,
    /// A title, a given name, a word for a person before it or an age after it
    /// says person; without one, the name's shape or a speech verb only guessed so.
    pub surely_person: bool,
}

/// All entities, and every mention in text order pointing at its entity.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    pub entities: Vec<FoundEntity>,
    /// `(mention, index into entities)`, sorted by position.
    pub mentions: Vec<(Span, usize)>,
}

impl Entities {
    /// The entity mentioned at exactly `span`, if any.
    pub fn at(&self, span: Span) -> Option<&FoundEntity> {
        let i = self.mentions.partition_point(|(s, _)| s.start < span.start);
        self.mentions.get(i).filter(|(s, _)| *s == span).map(|&(_, e)| &self.entities[e])
    }

    /// Mentions that lie inside `span`.
    pub fn within(&self, span: Span) -> impl DoubleEndedIterator<Item = (Span, &FoundEntity)> {
        let first = self.mentions.partition_point(|(s, _)| s.start < span.start);
        let last = self.mentions.partition_point(|(s, _)| s.start < span.end).max(first);
        self.mentions[first..last].iter().filter(move |(s, _)| s.end <= span.end).map(|&(s, e)| (s, &self.entities[e]))
    }

    /// The person mentioned last before byte `position` who can be the one
    /// a pronoun of `gender` (`m`, `f`) stands for: a known given name of the
    /// other gender rules a person out.
    pub fn last_person_before(&self, position: usize, gender: Option<char>) -> Option<(Span, &FoundEntity)> {
        self.persons_before(position, gender).next()
    }

    /// The people mentioned before byte `position`, last first, who can be the
    /// ones a pronoun of `gender` stands for.
    pub fn persons_before(
        &self,
        position: usize,
        gender: Option<char>,
    ) -> impl Iterator<Item = (Span, &FoundEntity)> + '_ {
        let end = self.mentions.partition_point(|(s, _)| s.start < position);
        let agrees = move |e: &FoundEntity| !matches!((gender, e.gender), (Some(g), Some(n)) if n != g);
        self.mentions[..end]
            .iter()
            .rev()
            .map(|&(s, e)| (s, &self.entities[e]))
            .filter(move |(_, e)| e.kind == EntityKind::Person && !names_a_place_or_body(&e.name) && agrees(e))
    }
}

/// Whether a name has a place or an organization word in it ("Halifax
/// Crown", "City of Surrey"): typed a person by its context, it is still not
/// whom "he" or "she" stands for.
fn names_a_place_or_body(name: &str) -> bool {
    let acronym = !name.chars().any(char::is_lowercase);
    let words: Vec<&str> = name.split_whitespace().collect();
    // "Nguyễn Thị Lan Anh", "Trần Hoài Nam": a Vietnamese given name may spell
    // a country ("Anh", "Nam"); a family name first says whose name it is.
    let vietnamese_person =
        (2..=4).contains(&words.len()) && VI_FAMILY_NAMES.contains(words[0]) && !LOCATIONS.contains(name);
    acronym || (!vietnamese_person && words.iter().any(|w| LOCATIONS.contains(w) || ORGANIZATION_WORDS.contains(w)))
}

/// Evidence about what kind of thing a mention names.
#[derive(Debug, Clone, Copy, Default)]
struct Votes {
    person: u32,
    /// A speech verb next to the name: people speak, but so do bodies, so this
    /// does not outweigh an organization word ("Blackpool Hotel Association said").
    speaks: u32,
    organization: u32,
    location: u32,
    /// Mentions after "the": a speech verb then speaks for a body or a
    /// description, not a person.
    definite: u32,
    /// Vietnamese mentions spelled with no Vietnamese syllable ("Osasuna"):
    /// a foreign name, a person's unless something else says.
    foreign: u32,
}

#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    /// The words of the name, for matching shorter mentions to longer names.
    words: Vec<String>,
    votes: Votes,
    gender: Option<char>,
    /// Vietnamese: the words around the mention, for the kind model.
    context: Vec<String>,
}

const CONNECTORS: &[&str] =
    &["of", "de", "du", "des", "la", "le", "van", "von", "der", "den", "bin", "al", "da", "dos", "for", "on"];

/// Finds the entities of an article.
pub fn find(article: &Article, lang: Lang) -> Entities {
    find_keeping_features(article, lang, false).0
}

/// The entities, and with them what the kind model read about each (empty
/// outside Vietnamese): what `scripts/train-entity-kinds.sh` learns from.
pub fn with_kind_features(article: &Article, lang: Lang) -> (Entities, Vec<Vec<String>>) {
    find_keeping_features(article, lang, true)
}

fn find_keeping_features(article: &Article, lang: Lang, keep_features: bool) -> (Entities, Vec<Vec<String>>) {
    let text = article.text.as_str();
    let sentence_words: Vec<Vec<Word>> = article.sentences.iter().map(|s| words_in(text, s.span)).collect();

    // Words seen in lowercase, and capitalized words seen away from a sentence
    // start: the evidence that a sentence-initial capital is or is not a name.
    let mut lowercase_seen: HashSet<String> = HashSet::new();
    let mut capitalized_inside: HashSet<&str> = HashSet::new();
    for words in &sentence_words {
        for (i, w) in words.iter().enumerate() {
            if w.is_capitalized() {
                if !is_positionally_capitalized(text, words, i) {
                    capitalized_inside.insert(w.text);
                }
            } else {
                lowercase_seen.insert(w.text.to_owned());
            }
        }
    }
    let context = Context { text, lang, lowercase_seen: &lowercase_seen, capitalized_inside: &capitalized_inside };

    let mut candidates = Vec::new();
    for words in &sentence_words {
        for (first, len, whole) in chunks(text, words, lang) {
            let chunk = &words[first..first + len];
            if let Some(kind) = whole {
                candidates.push(whole_name(text, chunk, kind));
                continue;
            }
            let sentence_initial = is_positionally_capitalized(text, words, first);
            candidates.extend(context.candidates(words, first, chunk, sentence_initial));
        }
    }
    let expansions = acronym_expansions(text, &candidates);
    let links = if lang == Lang::Vi { list_links(text, &candidates) } else { Vec::new() };
    merge::group(candidates, &expansions, &links, keep_features)
}

/// A Vietnamese name that the chunker took whole, with lowercase syllables in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whole {
    /// A name the gazetteers hold ("Quốc hội", "Ngân hàng Thế giới").
    Known,
    /// An organization's head and proper part ("Sở Y tế Bình Thuận").
    Body,
}

fn whole_name(text: &str, chunk: &[Word], kind: Whole) -> Candidate {
    let span = Span::new(chunk[0].span.start, chunk[chunk.len() - 1].span.end);
    let words = text[span.start..span.end].split_whitespace().map(str::to_owned).collect();
    let mut votes = Votes::default();
    if kind == Whole::Body {
        votes.organization += 4;
    }
    Candidate { span, words, votes, gender: None, context: Vec::new() }
}

/// Candidates next to each other as items of one list: "A, B", "A và B",
/// "A hay B", "A-B" (Vietnamese only: the lists of names that news writes).
fn list_links(text: &str, candidates: &[Candidate]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| candidates[i].span.start);
    order
        .windows(2)
        .filter(|pair| {
            let (a, b) = (&candidates[pair[0]], &candidates[pair[1]]);
            a.span.end <= b.span.start
                && matches!(&text[a.span.end..b.span.start], ", " | " và " | " hay " | " hoặc " | "-" | " cùng ")
        })
        .map(|pair| (pair[0], pair[1]))
        .collect()
}

/// A name in full and its words.
type LongForm = (String, Vec<String>);

/// Acronyms the article spells out before giving them in brackets: "Export
/// Development Canada (EDC)", "Immigration, Refugees and Citizenship Canada
/// (IRCC)". The capitals of the words before the bracket must spell the acronym.
fn acronym_expansions(text: &str, candidates: &[Candidate]) -> HashMap<String, LongForm> {
    let mut expansions = HashMap::new();
    for c in candidates {
        let [acronym] = c.words.as_slice() else { continue };
        let letters: Vec<char> = acronym.chars().collect();
        if letters.len() < 2 || !letters.iter().all(|l| l.is_uppercase()) || expansions.contains_key(acronym) {
            continue;
        }
        let Some(head) = text[..c.span.start].trim_end().strip_suffix('(') else { continue };
        if !text[c.span.end..].starts_with(')') {
            continue;
        }
        let head = head.trim_end();
        let window =
            Span::new(crate::ingest::format::floor_char_boundary(text, head.len().saturating_sub(200)), head.len());
        let words = words_in(text, window);
        let mut taken: Vec<&Word> = Vec::new();
        for w in words.iter().rev() {
            if taken.len() == letters.len() {
                break;
            }
            if w.is_capitalized() {
                taken.push(w);
            } else if !(CONNECTORS.contains(&w.text) || matches!(w.text, "and" | "the")) {
                break;
            }
        }
        taken.reverse();
        let initials: Vec<char> = taken.iter().filter_map(|w| w.text.chars().next()).collect();
        if let (true, Some(first), Some(last)) = (initials == letters, taken.first(), taken.last()) {
            let long = text[first.span.start..last.span.end].to_owned();
            let long_words = long.split_whitespace().map(|w| w.trim_end_matches(',').to_owned()).collect();
            expansions.insert(acronym.clone(), (long, long_words));
        }
    }
    expansions
}

struct Context<'a> {
    text: &'a str,
    lang: Lang,
    lowercase_seen: &'a HashSet<String>,
    capitalized_inside: &'a HashSet<&'a str>,
}

/// Runs of capitalized words joined by single spaces (and by lowercase
/// connectors such as "of" between capitalized words, by hyphens, and by the
/// period of an initial), as (first index, length); in Vietnamese also the
/// names whose lowercase syllables belong to them, taken whole.
fn chunks(text: &str, words: &[Word], lang: Lang) -> Vec<(usize, usize, Option<Whole>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if lang == Lang::Vi {
            let whole = vi::known_phrase(text, words, i)
                .map(|len| (len, Whole::Known))
                .or_else(|| vi::organization_name(text, words, i).map(|len| (len, Whole::Body)));
            if let Some((len, kind)) = whole {
                out.push((i, len, Some(kind)));
                i += len;
                continue;
            }
        }
        if !words[i].is_capitalized() {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            // "Harry J. Kazianis", "St. Charles Police Lt. Tom Wilkison": an initial or
            // a short form with its period stays inside the name.
            let joined = |a: &Word, b: &Word| {
                let gap = &text[a.span.end..b.span.start];
                gap == " " || (gap == ". " && (is_initial(a.text) || NAME_SHORT_FORMS.contains(&a.text)))
            };
            // "Vancouver's Bo Horvat": a possessive ends a name.
            let possessive = words[j].text.ends_with("'s") || words[j].text.ends_with("’s");
            if possessive {
                break;
            }
            // "The Globe and Mail Thursday": a weekday ends a name.
            let weekday = |w: &Word| w.text.ends_with("day") && CALENDAR_WORDS.contains(&w.text);
            if j + 1 < words.len()
                && joined(&words[j], &words[j + 1])
                && words[j + 1].is_capitalized()
                && !weekday(&words[j + 1])
            {
                j += 1;
            } else if j + 1 < words.len() && lang != Lang::Vi && hyphenated(text, &words[j], &words[j + 1], j > i) {
                // Vietnamese names have no hyphens: "The Hague-Hà Lan" is two names.
                j += 1;
            } else if j + 2 < words.len()
                && CONNECTORS.contains(&words[j + 1].text)
                && joined(&words[j], &words[j + 1])
                && joined(&words[j + 1], &words[j + 2])
                && words[j + 2].is_capitalized()
                && !CALENDAR_WORDS.contains(&words[j + 2].text)
            {
                j += 2;
            } else {
                break;
            }
        }
        out.push((i, j + 1 - i, None));
        i = j + 1;
    }
    out
}

/// Whether `next` continues a name through a hyphen: "Wilson-Raybould", and a
/// lowercase syllable after the second word of a name ("Kim Jong-un", "Moon
/// Jae-in"), not "Trump-era".
fn hyphenated(text: &str, word: &Word, next: &Word, inside_name: bool) -> bool {
    let syllable = || {
        inside_name
            && (2..=4).contains(&next.text.chars().count())
            && next.text.chars().all(|c| c.is_lowercase())
            && !text[next.span.end..].starts_with('-')
    };
    &text[word.span.end..next.span.start] == "-" && (next.is_capitalized() || syllable())
}

/// Short forms that end in a period inside a name or before one.
const NAME_SHORT_FORMS: &[&str] = &[
    "St", "Mt", "Ft", "Dr", "Mr", "Mrs", "Ms", "Lt", "Gen", "Col", "Sgt", "Capt", "Gov", "Sen", "Rep", "Prof", "Rev",
    "Maj", "Det", "Supt", "Insp", "Cmdr", "Adm", "Hon", "Jr", "Sr", "Cpl", "Pte", "Const",
];

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Whether word `i` of a sentence is capitalized by position: first in its
/// sentence, or first after an opening quote or a colon.
fn is_positionally_capitalized(text: &str, words: &[Word], i: usize) -> bool {
    i == 0
        || text[words[i - 1].span.end..words[i].span.start]
            .trim_end()
            .ends_with(['"', '“', '„', '«', '‘', '\'', ':', '「', '『'])
}

impl Context<'_> {
    /// Turns one capitalized run into zero or more name candidates.
    fn candidates(&self, sentence: &[Word], first: usize, chunk: &[Word], sentence_initial: bool) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut offset = first;
        let mut parts = split_acronyms(self.text, chunk, self.lang);
        if self.lang == Lang::Vi {
            parts =
                parts.into_iter().flat_map(|part| self.split_place_before_name(sentence, first, chunk, part)).collect();
        }
        for (k, part) in parts.into_iter().enumerate() {
            let initial = sentence_initial && k == 0;
            let part_start = offset;
            offset += part.len();
            if let Some(candidate) = self.candidate(sentence, part_start, part, initial) {
                out.push(candidate);
            }
        }
        out
    }

    /// "nước Đức Angela Merkel", "Trung Quốc Hua Chunying": a place written
    /// right before a person's name is a name of its own.
    fn split_place_before_name<'w, 'a>(
        &self,
        sentence: &[Word],
        first: usize,
        chunk: &'w [Word<'a>],
        part: &'w [Word<'a>],
    ) -> Vec<&'w [Word<'a>]> {
        let whole = &self.text[part[0].span.start..part[part.len() - 1].span.end];
        if part.len() < 3 || is_gazetteer(whole) {
            return vec![part];
        }
        let start = first + chunk.iter().position(|w| w.span == part[0].span).unwrap_or(0);
        let place_head = vi::after_place_head(self.text, sentence, start);
        let split = (1..part.len() - 1).rev().find(|&k| {
            let place = &self.text[part[0].span.start..part[k - 1].span.end];
            let rest = &part[k..];
            let person = rest.len() >= 2
                && (vi::shaped_like_a_person(rest) > 0
                    || rest.iter().all(vi::is_foreign_word)
                    || FIRST_NAMES.contains_key(rest[0].text));
            person && (LOCATIONS.contains(place) || (k == 1 && place_head))
        });
        match split {
            Some(k) => vec![&part[..k], &part[k..]],
            None => vec![part],
        }
    }

    fn candidate(
        &self,
        sentence: &[Word],
        mut start_index: usize,
        mut part: &[Word],
        sentence_initial: bool,
    ) -> Option<Candidate> {
        let mut votes = Votes::default();
        // A capitalized title inside the run ("Ông Stoltenberg", "President Joe Biden").
        let mut initial = sentence_initial;
        if strip_leading_titles(&mut part, &mut start_index, &mut votes) {
            initial = false;
        }
        // "Historian Lewis Ardent wrote …": a word for a person, capitalized to open
        // the sentence, before a name of two words or more.
        if initial && part.len() > 2 && PERSON_NOUNS.contains_key(part[0].text.to_lowercase().as_str()) {
            votes.person += 2;
            part = &part[1..];
            start_index += 1;
            initial = false;
        }
        // "Secretary of State Mike Pompeo": a title's portfolio, then the name.
        if part.first().is_some_and(|w| CONNECTORS.contains(&w.text)) {
            let k = (1..part.len().saturating_sub(1)).find(|&k| FIRST_NAMES.contains_key(part[k].text))?;
            part = &part[k..];
            start_index += k;
            initial = false;
            votes.person += 2;
        }
        // A bare title ("Prime Minister") or a title's portfolio alone ("of Justice") is no name.
        if part.is_empty() || is_title_phrase(part) {
            return None;
        }
        // A title inside the run, a person's name after it: "Chinese President Xi
        // Jinping", "Supreme Court Justice Rosalie Abella".
        if let Some(k) = title_before_name(self.text, part) {
            votes.person += 2;
            part = &part[k..];
            start_index += k;
            initial = false;
        }
        if initial && !self.is_name_at_sentence_start(part) {
            part = &part[1..];
            start_index += 1;
            // "While Mr. Scheer has said": a title after the opening word.
            strip_leading_titles(&mut part, &mut start_index, &mut votes);
            if part.is_empty() || !self.could_start_name(&part[0]) {
                return None;
            }
        }
        // A given name with a surname after it starts a person's name, even
        // after capitalized words of a title ("Senate Majority Leader Mitch McConnell").
        // The last such given name not itself after a given name: "Charles Police Lt.
        // Tom Wilkison" is Tom Wilkison, "Mary Ann Smith" stays whole.
        let given = |k: usize| FIRST_NAMES.contains_key(part[k].text);
        // Not "Roman Catholic Diocese of Covington", "Victoria Police Department".
        let names_a_body = |k: usize| {
            part[k..].iter().any(|w| ORGANIZATION_WORDS.contains(w.text))
                || part[k + 1..].iter().any(|w| is_group_word(w.text))
        };
        let person_from = (0..part.len().saturating_sub(1)).rev().find(|&k| given(k) && (k == 0 || !given(k - 1)));
        // "Nguyễn Thị Kim Lan", "Đỗ Kim Tuyến": a Vietnamese name opens with its
        // family name, a syllable or two before a given name English shares ("Kim").
        let person_from = person_from.map(|k| {
            (k.saturating_sub(2)..k)
                .find(|&f| {
                    VI_FAMILY_NAMES.contains(part[f].text)
                        && !PERSON_TITLES.contains(part[f].text.to_lowercase().as_str())
                        && part.len() - f <= 4
                })
                .unwrap_or(k)
        });
        if let Some(k) = person_from.filter(|&k| !names_a_body(k)) {
            part = &part[k..];
            start_index += k;
            votes.person += 2;
        }
        let first = part.first()?;
        let last = part.last()?;
        if CALENDAR_WORDS.contains(&first.text) {
            return None;
        }
        let mut span = Span::new(first.span.start, last.span.end);
        // Words as the name spells them: "J." keeps its period, "Wilson-Raybould" is one word.
        let mut words: Vec<String> = Vec::with_capacity(part.len());
        for (k, w) in part.iter().enumerate() {
            let period = self.text[w.span.end..].starts_with('.') && w.span.end < span.end;
            let word = if period { format!("{}.", w.text) } else { w.text.to_owned() };
            match words.last_mut() {
                Some(last) if &self.text[part[k - 1].span.end..w.span.start] == "-" => {
                    last.push('-');
                    last.push_str(&word);
                }
                _ => words.push(word),
            }
        }
        // Possessive: "Spieth’s" names Spieth.
        for suffix in ["’s", "'s"] {
            if let Some(stem) = words.last().and_then(|w| w.strip_suffix(suffix)) {
                let stem = stem.to_owned();
                span.end -= suffix.len();
                *words.last_mut()? = stem;
            }
        }
        let name = &self.text[span.start..span.end];
        // "I’ve", "It's": a pronoun with a contraction, not a name.
        let contracted = name.split(['’', '\'']).next().is_some_and(|head| head != name && self.is_common_word(head));
        if contracted {
            return None;
        }
        if words.len() == 1 && COMMON_ACRONYMS.contains(&name) {
            return None;
        }
        let vi_place = self.lang == Lang::Vi && vi::after_place_head(self.text, sentence, start_index);
        if words.len() == 1 && !part[0].is_acronym() && self.is_common_word(name) && !is_gazetteer(name) && !vi_place {
            return None;
        }
        if self.lang == Lang::Vi
            && words.len() == 1
            && (vi::is_place_short_form(name) || vi::opens_a_title(self.text, sentence, start_index))
        {
            return None;
        }
        // "phía Bắc": a direction, not a region's name.
        let direction = matches!(name, "Bắc" | "Nam" | "Đông" | "Tây");
        if self.lang == Lang::Vi
            && direction
            && start_index > 0
            && matches!(sentence[start_index - 1].text, "phía" | "hướng")
        {
            return None;
        }

        self.vote_from_neighbours(sentence, start_index, start_index + part.len(), &mut votes);
        // "the Globe said", "at the Diamond Resorts": English puts no article
        // before a person's name.
        let definite = self.lang == Lang::En
            && (part[0].text == "The"
                || (start_index > 0
                    && sentence[start_index - 1].text.eq_ignore_ascii_case("the")
                    && &self.text[sentence[start_index - 1].span.end..span.start] == " "));
        if definite {
            votes.definite += 1;
        } else if self.shaped_like_a_personal_name(part) {
            votes.person += 1;
        }
        if self.lang == Lang::Vi {
            votes.person += vi::shaped_like_a_person(part);
            if vi_place || (part.len() > 1 && vi::is_place_short_form(part[0].text)) {
                votes.location += 3;
            }
            if vi::after_person_cue(self.text, sentence, start_index) {
                votes.person += 2;
            }
            let particle =
                |w: &Word| CONNECTORS.contains(&w.text) || matches!(w.text, "De" | "El" | "Van" | "Da" | "Di");
            if part.iter().all(|w| vi::is_foreign_word(w) || particle(w)) && part.iter().any(vi::is_foreign_word) {
                votes.foreign += 1;
                // "Carles Puyol": a given name and a surname, as a person is named.
                if (2..=3).contains(&part.len()) && !part.iter().any(|w| ORGANIZATION_WORDS.contains(w.text)) {
                    votes.person += 1;
                }
                if part.len() <= 2 && vi::score_follows(self.text, sentence, start_index + part.len()) {
                    votes.organization += 2;
                }
            }
        }
        let given = FIRST_NAMES.get(part[0].text).copied().filter(|&g| g != '-');
        let gender = given.or_else(|| gender_before(sentence, start_index));
        let context = if self.lang == Lang::Vi {
            kinds::mention_context(self.text, sentence, start_index, start_index + part.len())
        } else {
            Vec::new()
        };
        Some(Candidate { span, words, votes, gender, context })
    }

    /// A sentence-initial run is a name when it is known, or when its first word
    /// is capitalized elsewhere too and never a common lowercase word.
    fn is_name_at_sentence_start(&self, part: &[Word]) -> bool {
        let whole = &self.text[part[0].span.start..part[part.len() - 1].span.end];
        if is_gazetteer(whole) {
            return true;
        }
        let first = part[0].text;
        // "Rally Canada, the group that …": a common word that the article also
        // capitalizes inside a sentence, opening a longer name.
        let named_inside = self.capitalized_inside.contains(first)
            && !STOPWORDS_EN.contains(first.to_lowercase().as_str())
            && !STOPWORDS_VI.contains(first.to_lowercase().as_str())
            && !PERSON_TITLES.contains(first.to_lowercase().as_str());
        if self.is_common_word(first) {
            return part.len() > 1 && named_inside && part[1].is_capitalized();
        }
        part.len() > 1 || self.capitalized_inside.contains(first) || part[0].is_acronym()
    }

    fn could_start_name(&self, word: &Word) -> bool {
        !self.is_common_word(word.text)
    }

    fn is_common_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.lowercase_seen.contains(&lower)
            || STOPWORDS_VI.contains(lower.as_str())
            || STOPWORDS_EN.contains(lower.as_str())
            || PERSON_TITLES.contains(lower.as_str())
    }

    /// In English, a given name and a surname: two words (three with an
    /// initial) that are no common words, no place and no organization word
    /// ("Tomas Reyes", "Pieter Vos"; not "Harbour Hotel", "Green Party").
    fn shaped_like_a_personal_name(&self, part: &[Word]) -> bool {
        let middle_initial = part.len() == 3 && is_initial(part[1].text);
        let plain = |w: &Word| {
            let mut chars = w.text.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’')
                && !self.is_common_word(w.text)
                && !LOCATIONS.contains(w.text)
                && !ORGANIZATION_WORDS.contains(w.text)
                && !PLACE_WORDS.contains(w.text)
                && !CALENDAR_WORDS.contains(&w.text)
                && !is_group_word(w.text)
        };
        self.lang == Lang::En && (part.len() == 2 || middle_initial) && plain(&part[0]) && plain(&part[part.len() - 1])
    }

    /// Votes from the words just before the name (a title, a place or
    /// organization cue) and just after it (a speech verb: people speak).
    fn vote_from_neighbours(&self, sentence: &[Word], start: usize, end: usize, votes: &mut Votes) {
        let before: Vec<String> =
            sentence[start.saturating_sub(2)..start].iter().map(|w| w.text.to_lowercase()).collect();
        let last_one = before.last().map(String::as_str).unwrap_or("");
        let last_two = before.join(" ");
        let matches = |set: &std::collections::HashSet<&str>| set.contains(last_one) || set.contains(last_two.as_str());
        // "Mississauga accountant Babatunji Farinloye": a word for a person before the name.
        // A single word there may be an adjective: "the veteran Green councillor".
        if matches(&PERSON_TITLES) || (PERSON_NOUNS.contains_key(last_one) && end - start >= 2) {
            votes.person += 2;
        }
        if matches(&ORGANIZATION_CUES) {
            votes.organization += 2;
        }
        if matches(&LOCATION_CUES) {
            votes.location += 1;
        }
        let after: Vec<String> =
            sentence[end..(end + 3).min(sentence.len())].iter().map(|w| w.text.to_lowercase()).collect();
        let cue_follows = CUE_VERBS
            .get(self.lang.code())
            .into_iter()
            .flatten()
            .any(|cue| cue.len() <= after.len() && cue.iter().zip(&after).all(|(c, a)| c == a));
        // "people from Covington Catholic saying": a name after a preposition
        // is not the one speaking.
        let after_preposition = matches!(last_one, "from" | "of" | "at" | "in" | "to" | "for" | "with" | "by" | "on");
        // "Minister of … Economic Development, said": a name set off by a comma
        // before the verb ends a description; the speaker came first.
        let next_gap = sentence.get(end).map_or("", |next| &self.text[sentence[end - 1].span.end..next.span.start]);
        if cue_follows && !after_preposition && next_gap.trim().is_empty() {
            votes.speaks += 2;
        }
        if age_follows(&self.text[sentence[end - 1].span.end..]) {
            votes.person += 2;
        }
        // "SNC-Lavalin, a Quebec-based engineering firm,", "Erin Kim, the project's lead":
        // an apposition says what the name is.
        match self.apposition_head(sentence, end) {
            Some(head) if BODY_NOUNS.contains(head.as_str()) => votes.organization += 2,
            Some(head) if PERSON_NOUNS.contains_key(head.as_str()) => votes.person += 2,
            _ => {}
        }
        // "Renata Kowalczyk, who opened the shop"
        if after.first().is_some_and(|w| w == "who") && self.text[sentence[end - 1].span.end..].starts_with(", who") {
            votes.person += 2;
        }
        // "…," said Anna Berg / explains McMillen: the name after a speech verb.
        let cue_precedes = CUE_VERBS
            .get(self.lang.code())
            .into_iter()
            .flatten()
            .any(|cue| cue.len() <= before.len() && cue.iter().rev().zip(before.iter().rev()).all(|(c, b)| c == b));
        // "said Covington Catholic has …": a name a verb follows is the subject
        // of what was said, not the speaker.
        let clause_follows = next_gap == " " && sentence.get(end).is_some_and(|w| !w.is_capitalized());
        if cue_precedes && self.lang == Lang::En && !is_listener_cue(last_one) && !clause_follows {
            votes.speaks += 2;
        }
    }
}

impl Context<'_> {
    /// The head noun of a description set off after a name: ", a|an|the"
    /// then a few words up to a break, a preposition or a relative word.
    fn apposition_head(&self, sentence: &[Word], end: usize) -> Option<String> {
        let article = sentence.get(end)?;
        if !matches!(article.text, "a" | "an" | "the")
            || &self.text[sentence[end - 1].span.end..article.span.start] != ", "
        {
            return None;
        }
        let mut head = None;
        for (k, word) in sentence[end + 1..].iter().take(APPOSITION_WORDS).enumerate() {
            let lower = word.text.to_lowercase();
            if matches!(lower.as_str(), "that" | "which" | "who" | "whose") || is_preposition(&lower) {
                break;
            }
            head = Some(lower);
            let gap = sentence.get(end + 2 + k).map_or(".", |next| &self.text[word.span.end..next.span.start]);
            if gap.trim() != "" && gap.trim() != "-" {
                break;
            }
        }
        head
    }
}

/// The longest description read after a name for what it names.
const APPOSITION_WORDS: usize = 6;

/// Whether the text right after a name gives an age, as news does for the
/// people it brings in: "Babatunji Farinloye, 50, …" (not "Smith, 2019").
pub(crate) fn age_follows(after_name: &str) -> bool {
    after_name.strip_prefix(", ").is_some_and(|rest| {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (1..=3).contains(&digits) && rest[digits..].starts_with([',', '.', ';'])
    })
}

fn is_gazetteer(name: &str) -> bool {
    LOCATIONS.contains(name) || ORGANIZATIONS.contains(name)
}

/// The gender a word just before a name gives it: "husband", "Mrs", "ông".
fn gender_before(sentence: &[Word], start: usize) -> Option<char> {
    let word = sentence.get(start.checked_sub(1)?)?.text.to_lowercase();
    match word.as_str() {
        "mr" | "ông" | "anh" | "sir" | "lord" | "king" | "prince" => Some('m'),
        "mrs" | "ms" | "miss" | "bà" | "chị" | "cô" | "dame" | "lady" | "queen" | "princess" => Some('f'),
        _ => PERSON_NOUNS.get(word.as_str()).copied().filter(|&g| g != '-'),
    }
}

fn is_title_phrase(part: &[Word]) -> bool {
    part.len() <= 3 && PERSON_TITLES.contains(lowercase_phrase(part).as_str())
}

fn lowercase_phrase(words: &[Word]) -> String {
    words.iter().map(|w| w.text.to_lowercase()).collect::<Vec<_>>().join(" ")
}

/// Where a person's name starts after a title inside a run: two or three words
/// with no organization word, or a known given name, after the title.
/// A syllable joined by a hyphen ("Jae-in") counts with the word before it.
fn title_before_name(text: &str, part: &[Word]) -> Option<usize> {
    (1..part.len().saturating_sub(1)).find(|&start| {
        let rest = &part[start..];
        let names: Vec<&Word> = rest
            .iter()
            .enumerate()
            .filter(|&(k, w)| k == 0 || &text[rest[k - 1].span.end..w.span.start] != "-")
            .map(|(_, w)| w)
            .collect();
        let looks_like_name = (2..=3).contains(&names.len()) || FIRST_NAMES.contains_key(rest[0].text);
        let has_org_word = rest.iter().any(|w| ORGANIZATION_WORDS.contains(w.text));
        let title_ends_here = (1..=3.min(start)).any(|t| is_title_phrase(&part[start - t..start]));
        let capitalized = names.iter().all(|w| w.is_capitalized());
        looks_like_name && capitalized && !has_org_word && title_ends_here && names.len() <= 3
    })
}

/// Takes the capitalized titles off the front of a run ("Ông", "President"),
/// each a vote for a person; whether there were any.
fn strip_leading_titles(part: &mut &[Word], start_index: &mut usize, votes: &mut Votes) -> bool {
    let mut stripped = false;
    while let Some(taken) = leading_title(part) {
        votes.person += 2;
        *part = &part[taken..];
        *start_index += taken;
        stripped = true;
    }
    stripped
}

/// How many words of a capitalized title lead the run ("Ông", "Tổng thống",
/// "Prime Minister"), if it is followed by more of the name.
fn leading_title(part: &[Word]) -> Option<usize> {
    for len in [3, 2, 1] {
        if part.len() > len {
            let phrase = part[..len].iter().map(|w| w.text.to_lowercase()).collect::<Vec<_>>().join(" ");
            if PERSON_TITLES.contains(phrase.as_str()) {
                return Some(len);
            }
        }
    }
    None
}

/// Splits a run where acronyms meet ordinary capitalized words: "NATO Jens
/// Stoltenberg" is an organization then a person; a hyphen holds one name
/// ("SNC-Lavalin").
fn split_acronyms<'w, 'a>(text: &str, chunk: &'w [Word<'a>], lang: Lang) -> Vec<&'w [Word<'a>]> {
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 1..chunk.len() {
        let hyphen = &text[chunk[i - 1].span.end..chunk[i].span.start] == "-";
        // "BC Hydro", "CBC News" are one name; "NATO Jens Stoltenberg", "U.S.
        // President Trump" a body, then a person.
        let person_follows = || {
            let word = chunk[i].text;
            !chunk[i].is_capitalized()
                || FIRST_NAMES.contains_key(word)
                || PERSON_TITLES.contains(word.to_lowercase().as_str())
        };
        // Vietnamese writes titles and kinds of places as acronyms: "LS Đức", "TP Đà Nẵng".
        let meets = if chunk[i - 1].is_acronym() {
            // "AC Milan", "FC Barcelona": a club's prefix opens its name.
            // "TP Hồ Chí Minh": a city's short form is part of its name.
            let club = matches!(chunk[i - 1].text, "AC" | "FC" | "AS" | "CLB" | "SC" | "CF")
                || vi::is_place_short_form(chunk[i - 1].text);
            !chunk[i].is_acronym() && ((lang == Lang::Vi && !club) || person_follows())
        } else {
            chunk[i].is_acronym()
        };
        if meets && !hyphen {
            parts.push(&chunk[start..i]);
            start = i;
        }
    }
    parts.push(&chunk[start..]);
    // "Nick Van den Brul of | BNP Paribas": a connector belongs to neither part.
    parts
        .into_iter()
        .map(|part| {
            let mut part = part;
            while let [first, rest @ ..] = part {
                if !CONNECTORS.contains(&first.text) {
                    break;
                }
                part = rest;
            }
            while let [rest @ .., last] = part {
                if !CONNECTORS.contains(&last.text)
                    || rest.last().is_some_and(|w| &text[w.span.end..last.span.start] == "-")
                {
                    break;
                }
                part = rest;
            }
            part
        })
        .filter(|part| !part.is_empty())
        .collect()
}
