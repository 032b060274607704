//! Whom a pronoun, a title or a description stands for ("she", "the
//! minister", "the agency", "his office"), and which mentions are the
//! subjects a later reference most likely points back to.

use super::{Attribution, FoundQuote, ANTECEDENT_PARAGRAPHS, INDEFINITE, PRONOUNS, SENTENCE_LINKS};
use std::collections::HashMap;

use crate::analyze::entities::{age_follows, Entities, FoundEntity};
use crate::analyze::lexicon::is_preposition;
use crate::analyze::lexicon::{BODY_NOUNS, PERSON_TITLES};
use crate::analyze::words::{words_in, Word};
use crate::analyze::{EntityKind, Lang};
use crate::ingest::format::floor_char_boundary;
use crate::text::Span;

impl Attribution<'_> {
    /// Whom a pronoun or title at `position` stands for: the last person who
    /// was the subject of a sentence or spoke, within a few paragraphs ("Niederreiter
    /// has four goals since Minnesota traded him for Victor Rask. … “…,” he said"),
    /// else the last person named.
    pub(super) fn antecedent(&self, position: usize, gender: Option<char>) -> Option<(Span, &FoundEntity)> {
        let paragraph = self.paragraph_of(position);
        let mut last_named = None;
        let mut guessed = None;
        for (span, person) in self.entities.persons_before(position, gender) {
            if self.paragraph_of(span.start) + ANTECEDENT_PARAGRAPHS < paragraph {
                break;
            }
            if self.is_quoted(span) {
                continue;
            }
            last_named = last_named.or(Some((span, person)));
            if self.is_subject_or_described(span) {
                // "(Queer Eye has built a franchise …)": a name only guessed to be a
                // person's, of no known gender, gives way to a sure one for "he".
                if gender.is_some() && person.gender.is_none() && !person.surely_person {
                    guessed = guessed.or(Some((span, person)));
                    continue;
                }
                return Some((span, person));
            }
        }
        let sure = |(_, person): &(Span, &FoundEntity)| person.gender.is_some() || person.surely_person;
        last_named
            .filter(sure)
            .or(guessed)
            .or(last_named)
            .or_else(|| self.entities.last_person_before(position, gender))
    }
    /// Whether a mention opens its sentence (after titles, descriptions in
    /// capitals and a linking word) or is followed by a speech verb.
    pub(super) fn is_subject(&self, mention: Span) -> bool {
        let text = self.text();
        let sentence = self.sentence_at(mention.start);
        let before = words_in(text, Span::new(sentence.start, mention.start));
        let opens = before.iter().enumerate().all(|(i, w)| {
            let lower = w.text.to_lowercase();
            w.is_capitalized()
                || PERSON_TITLES.contains(lower.as_str())
                || (i == 0 && SENTENCE_LINKS.contains(&lower.as_str()))
                // "Secretary of State Mike Pompeo"
                || (i > 0 && matches!(w.text, "of" | "for") && before[i - 1].is_capitalized())
        });
        let after =
            words_in(text, Span::new(mention.end, floor_char_boundary(text, (mention.end + 40).min(sentence.end))));
        let speaks = self.speaks(mention);
        // "As the school reopened, Senate Majority Leader Mitch McConnell blamed …":
        // after an opening clause, a name (titles in capitals before it) and a verb.
        let mut run_start = mention.start;
        for w in before.iter().rev() {
            if !w.is_capitalized() || text[w.span.end..run_start].contains(',') {
                break;
            }
            run_start = w.span.start;
        }
        // "… that Foster pieced these fragments together": the subject of a clause.
        let lead = text[sentence.start..run_start].trim_end();
        let subordinated = lead.rsplit(|c: char| !c.is_alphabetic()).next().is_some_and(|w| {
            matches!(w, "that" | "when" | "because" | "after" | "before" | "while" | "since" | "until")
        });
        let after_clause = (lead.ends_with(',') || subordinated)
            && text[mention.end..].starts_with(' ')
            && after.first().is_some_and(|w| !w.is_capitalized() && !is_preposition(w.text) && !is_conjunction(w.text));
        opens || speaks || after_clause
    }
    /// Whether a speech verb follows a mention within two words ("EDC said",
    /// "Gignac also told"); not after a comma ("Navdeep Bains, Minister of …
    /// Economic Development, said": a name a comma sets off ends a description).
    pub(super) fn speaks(&self, mention: Span) -> bool {
        let text = self.text();
        let sentence = self.sentence_at(mention.start);
        let after =
            words_in(text, Span::new(mention.end, floor_char_boundary(text, (mention.end + 40).min(sentence.end))));
        (0..after.len().min(2))
            .any(|i| self.cue_at(&after, i).is_some() && !text[mention.end..after[i].span.start].contains(','))
    }
    /// Whether a mention is the subject of its sentence, or the person a
    /// relative clause describes ("I'm talking about Alfonso Espinos, who …";
    /// not "his father, Bill, who …", an aside about someone else).
    pub(super) fn is_subject_or_described(&self, mention: Span) -> bool {
        let text = self.text();
        let sentence = self.sentence_at(mention.start);
        let lead = text[sentence.start..mention.start].trim_end();
        let aside = lead.ends_with(',');
        // "Ragheb Al Turkmani, 49, and Abir Al Basha, 39, are …": two people.
        let coordinated = lead.ends_with(" and") || lead.ends_with(" or");
        let described = text[mention.end..].starts_with(", who ") && !aside;
        // "… for Mississauga accountant Babatunji Farinloye, 50.": news gives a
        // source's age when it brings them in.
        let age = !coordinated && age_follows(&text[mention.end..]);
        // "…," echoes McMillen, "…," insists 16-year-old Xander Wise: who spoke
        // last (not "says Campbell's partner").
        let before = words_in(text, Span::new(sentence.start, mention.start));
        let possessive = text[mention.end..].starts_with(['’', '\'']);
        // Vietnamese puts the speaker before the verb: a name after it is what was said.
        let spoke = !possessive
            && self.lang != Lang::Vi
            && (before.len().saturating_sub(5)..before.len()).any(|i| {
                self.cue_at(&before, i).is_some_and(|cue| !text[cue.span.end..mention.start].contains([',', '.', ';']))
            });
        described || age || spoke || self.is_subject(mention)
    }
    /// Whether a mention is the sole subject of its sentence: "Silverman and
    /// Svensson have also won" names two.
    pub(super) fn is_sole_subject(&self, mention: Span) -> bool {
        let next = words_in(self.text(), Span::new(mention.end, floor_char_boundary(self.text(), mention.end + 8)));
        self.is_subject(mention) && !next.first().is_some_and(|w| matches!(w.text, "and" | "or" | "&"))
    }
    /// A pronoun or a title among `words` stands for the last person named.
    pub(super) fn resolve_reference(&self, found: &mut FoundQuote, words: &[Word]) -> bool {
        if let [.., last] = words {
            if last.text == "it" && self.lang == Lang::En {
                return self.body_antecedent(found, std::slice::from_ref(last));
            }
        }
        if words.len() >= 2 && self.office_of(found, &words[words.len() - 2..]) {
            return true;
        }
        for (i, word) in words.iter().enumerate().rev() {
            let lower = word.text.to_lowercase();
            let two = words.get(i + 1).map(|n| format!("{lower} {}", n.text.to_lowercase()));
            let is_reference = PRONOUNS.contains(&lower.as_str())
                || PERSON_TITLES.contains(lower.as_str())
                || two.as_deref().is_some_and(|t| PRONOUNS.contains(&t) || PERSON_TITLES.contains(t));
            // "The judge ruled": the person the article gave that title, else,
            // when no one has it, the description itself.
            let is_title = !PRONOUNS.contains(&lower.as_str()) && PERSON_TITLES.contains(lower.as_str());
            // "a spokesperson": someone else than anyone named.
            if is_title && i > 0 && INDEFINITE.contains(&words[i - 1].text.to_lowercase().as_str()) {
                continue;
            }
            if is_title {
                if let Some(person) = self.titled_before(word.span.start, &lower) {
                    found.speaker = Some(person.name.clone());
                    found.speaker_span = Some(word.span);
                    return true;
                }
                let the = words[..i].iter().rposition(|w| w.text.eq_ignore_ascii_case("the")).filter(|&t| i - t <= 3);
                if let Some(t) = the.filter(|_| self.lang == Lang::En) {
                    self.described_as(found, Span::new(words[t].span.start, word.span.end));
                    return true;
                }
            }
            if is_reference {
                let gender = match lower.as_str() {
                    "he" | "him" | "his" | "ông" | "anh" => Some('m'),
                    "she" | "her" | "bà" | "chị" | "cô" => Some('f'),
                    _ => None,
                };
                if let Some((_, person)) = self.antecedent(word.span.start, gender) {
                    found.speaker = Some(person.name.clone());
                    found.speaker_span = Some(word.span);
                    return true;
                }
            }
        }
        false
    }
    /// The person last given `title` (its last word, lowercase) before `position`.
    fn titled_before(&self, position: usize, title: &str) -> Option<&FoundEntity> {
        let people = self.titled.get(title)?;
        let before = people.partition_point(|&(start, _)| start < position);
        before.checked_sub(1).map(|k| &self.entities.entities[people[k].1])
    }
    /// The organization that `phrase` ("the agency", "it") stands for: the
    /// last one that spoke or was the subject of a sentence within a few
    /// paragraphs, else the last one named there.
    pub(super) fn body_antecedent(&self, found: &mut FoundQuote, phrase: &[Word]) -> bool {
        let Some(first) = phrase.first() else { return false };
        let bodies = self.recent_bodies(first.span.start);
        let chosen = bodies
            .iter()
            .find(|(span, _)| self.speaks(*span))
            .or_else(|| bodies.iter().find(|(span, _)| self.is_subject(*span)))
            .or(bodies.first());
        self.body_speaks(found, chosen.map(|(_, body)| *body), phrase)
    }
    /// The organization that spoke last, within a few paragraphs: who issued
    /// the document `phrase` names ("The statement also said").
    pub(super) fn speaking_body(&self, found: &mut FoundQuote, phrase: &[Word]) -> bool {
        let Some(first) = phrase.first() else { return false };
        let bodies = self.recent_bodies(first.span.start);
        let spoke = bodies.iter().find(|(span, _)| self.speaks(*span));
        self.body_speaks(found, spoke.map(|(_, body)| *body), phrase)
    }
    /// The organization last named as a sentence's subject, within a few
    /// paragraphs: who issued the document `phrase` names when no body spoke
    /// ("Bộ Công Thương đã gửi văn bản … Văn bản nêu rõ").
    pub(super) fn subject_body(&self, found: &mut FoundQuote, phrase: &[Word]) -> bool {
        let Some(first) = phrase.first() else { return false };
        let bodies = self.recent_bodies(first.span.start);
        let subject = bodies.iter().find(|(span, _)| self.is_subject(*span));
        self.body_speaks(found, subject.map(|(_, body)| *body), phrase)
    }
    /// The organizations named outside quotes within a few paragraphs before
    /// `position`, last first.
    fn recent_bodies(&self, position: usize) -> Vec<(Span, &FoundEntity)> {
        let paragraph = self.paragraph_of(position);
        // A one-paragraph text (as pasted) is bounded by bytes as well.
        let reach = position.saturating_sub(ANTECEDENT_BYTES);
        self.entities
            .within(Span::new(0, position))
            .rev()
            .take_while(|(span, _)| {
                span.start >= reach && self.paragraph_of(span.start) + ANTECEDENT_PARAGRAPHS >= paragraph
            })
            .filter(|(span, e)| e.kind == EntityKind::Organization && !self.is_quoted(*span))
            .collect()
    }
    /// `body`, if any, speaks through `phrase`.
    fn body_speaks(&self, found: &mut FoundQuote, body: Option<&FoundEntity>, phrase: &[Word]) -> bool {
        let (Some(body), Some(first), Some(last)) = (body, phrase.first(), phrase.last()) else { return false };
        found.speaker = Some(body.name.clone());
        found.speaker_span = Some(Span::new(first.span.start, last.span.end));
        true
    }
    /// "his office", "her campaign": the body of the person the pronoun
    /// stands for, named after them ("Jim Carr's office").
    pub(super) fn office_of(&self, found: &mut FoundQuote, words: &[Word]) -> bool {
        let [owner, noun] = words else { return false };
        let gender = match owner.text.to_lowercase().as_str() {
            "his" => Some('m'),
            "her" => Some('f'),
            "their" => None,
            _ => return false,
        };
        if !BODY_NOUNS.contains(noun.text.to_lowercase().as_str()) {
            return false;
        }
        let Some((_, person)) = self.antecedent(owner.span.start, gender) else { return false };
        found.speaker = Some(format!("{}'s {}", person.name, noun.text.to_lowercase()));
        found.speaker_span = Some(Span::new(owner.span.start, noun.span.end));
        true
    }
}

/// How far back, in bytes, a body that "it" or "the agency" stands for is
/// looked for: some paragraphs of news.
const ANTECEDENT_BYTES: usize = 5000;

/// Words that join a name to another item of a list or a clause, so the
/// name is not the subject of what follows ("…, Rooney, Van Nistelrooy hay
/// Ronaldo", "… with Biden and Harris").
fn is_conjunction(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "but"
            | "nor"
            | "than"
            | "as"
            | "who"
            | "which"
            | "whose"
            | "whom"
            | "và"
            | "hay"
            | "hoặc"
            | "cùng"
    )
}

/// How many words before a name, or in a description set off after it, may
/// hold its title ("Nova Scotia Supreme Court Justice Anne Derrick", "Doug
/// McCallum, the newly elected mayor of Surrey").
const TITLE_REACH: usize = 6;

/// How far, in bytes, around a name to read for its title.
const TITLE_BYTES: usize = 120;

/// People by the title the article gives them, for `Attribution::titled`.
pub(super) fn titled_people(text: &str, entities: &Entities) -> HashMap<String, Vec<(usize, usize)>> {
    let mut titled: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for &(span, index) in &entities.mentions {
        if entities.entities[index].kind != EntityKind::Person {
            continue;
        }
        let reach = floor_char_boundary(text, span.start.saturating_sub(TITLE_BYTES));
        let breaks = ['\n', '.', ';', '"', '“', '”'];
        let clause_start = text[reach..span.start]
            .rfind(breaks)
            .map_or(reach, |k| reach + k + text[reach + k..].chars().next().map_or(1, char::len_utf8));
        let before = words_in(text, Span::new(clause_start, span.start));
        let title_before =
            before.iter().rev().take(3).take_while(|w| w.is_capitalized() || PERSON_TITLES.contains(w.text));
        // "Doug McCallum, the mayor of Surrey": up to the next break.
        let after_words = match text[span.end..].strip_prefix(", ") {
            Some(rest) => {
                let rest = &rest[..floor_char_boundary(rest, TITLE_BYTES)];
                let end = rest.find([',', '.', ';', '\n', '(', '"', '“']).unwrap_or(rest.len());
                words_in(text, Span::new(span.end + 2, span.end + 2 + end))
            }
            None => Vec::new(),
        };
        let description = after_words.iter().take(TITLE_REACH);
        for word in title_before.chain(description) {
            let lower = word.text.to_lowercase();
            if PERSON_TITLES.contains(lower.as_str()) {
                let people = titled.entry(lower).or_default();
                if people.last() != Some(&(span.start, index)) {
                    people.push((span.start, index));
                }
            }
        }
    }
    titled
}
