//! How Vietnamese news names who speaks.
//!
//! - A role stands between a name and its verb, set off by a comma, a dash or
//!   brackets: "bà Phạm Thu Vân, Phó Tổng giám đốc Công ty X chia sẻ:",
//!   "chiến sĩ Lê Văn Tâm (Đội CSGT số 1) cho biết", "“…”, ông Trần Tuấn,
//!   phó phòng Y, nói". The person speaks, not the body in the role.
//! - A title and a given name stand for the person named in full before:
//!   "bà Lý" → "Hoàng Thị Lý", "cô Thu Trang" → "Vũ Thị Thu Trang".
//! - "Theo X, “…”" and "Theo X: “…”" give X's words.
//! - A source the article does not name ("một người dân", "quan chức Mỹ",
//!   "nguồn tin") is nobody named: the quote has no speaker, and the next
//!   unattributed quote does not fall back to someone else.

use super::{Attribution, FoundQuote, PRONOUNS};
use crate::analyze::entities::FoundEntity;
use crate::analyze::lexicon::{BODY_NOUNS, PERSON_TITLES, UNNAMED_SOURCES_VI};
use crate::analyze::words::{words_in, Word};
use crate::analyze::{EntityKind, QuoteKind};
use crate::text::Span;

/// How many words a role between a name and its verb may have: set off by
/// a comma, a dash or brackets, Vietnamese roles run long ("Trưởng phòng
/// Cảnh sát điều tra tội phạm về trật tự quản lý kinh tế và chức vụ (PC46),
/// Công an TP HCM").
const MAX_ROLE_WORDS: usize = 28;

/// How many syllables a given name after a title may have ("ông Hiển", "cô Thu Trang").
const MAX_GIVEN_NAME_SYLLABLES: usize = 3;

/// The longest phrase "Theo …," that attributes a quote.
const MAX_ACCORDING_TO_WORDS: usize = 14;

/// What someone said, as a noun: "Đó là chỉ đạo của …", "Đây là ý kiến của …".
const SPEECH_NOUNS: &[&str] = &[
    "lời",
    "ý kiến",
    "chỉ đạo",
    "khẳng định",
    "lời khẳng định",
    "nhận định",
    "phát biểu",
    "chia sẻ",
    "lời chia sẻ",
    "quan điểm",
    "tâm sự",
    "lời kêu gọi",
    "nhận xét",
    "đánh giá",
    "cảnh báo",
    "lời cảnh báo",
    "yêu cầu",
    "đề nghị",
    "tuyên bố",
    "thông điệp",
    "câu trả lời",
    "lời nhắn nhủ",
    "lời giải thích",
];

/// How far before a person's name (bytes) a title that brought them in may
/// stand: "Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến".
const TITLE_REACH: usize = 60;

/// The longest description of an unnamed source kept as its mention.
const MAX_UNNAMED_SOURCE_WORDS: usize = 6;

/// Vietnamese documents that speak for whoever issued them ("báo cáo cho
/// biết", "thông cáo của CCTV viết").
const DOCUMENT_NOUNS_VI: &[&str] =
    &["báo cáo", "thông cáo", "tuyên bố", "văn bản", "bức thư", "công văn", "bản tin", "thông báo", "kết luận"];

/// Words that may stand between a subject and its speech verb ("còn nhấn
/// mạnh", "cũng cho biết", "đã nói").
const ADVERBS_BEFORE_VERB: &[&str] = &["còn", "cũng", "đã", "lại", "vẫn", "thì", "mới", "tiếp tục", "đều"];

impl Attribution<'_> {
    /// The last person named before a cue, with at most a role between them
    /// (set off by a comma, a dash or brackets, or a few words), in which a
    /// body may be named; no other person and no pronoun of their own between.
    pub(super) fn person_before_role(
        &self,
        found: &mut FoundQuote,
        words: &[Word],
        window: Span,
        cue_start: usize,
    ) -> bool {
        let text = self.text();
        // A person's full name has two syllables or more and is no acronym
        // ("UBND" after "chủ tịch" is the body they chair; "Quốc" of "Quốc hội").
        let looks_personal = |e: &FoundEntity| {
            let syllables: Vec<&str> = e.name.split_whitespace().collect();
            syllables.len() >= 2 && !syllables.iter().all(|s| is_acronym_of_body(s))
        };
        let people: Vec<_> = self
            .entities
            .within(window)
            .rev()
            .filter(|(s, e)| e.kind == EntityKind::Person && !self.is_quoted(*s) && looks_personal(e))
            .collect();
        // The subject: the last person a title or pronoun brings in ("bà Phạm Thu
        // Vân", "chiến sĩ Lê Tâm") or who opens a clause ("…, Ya Suy chia sẻ");
        // a name inside someone's role may be a school's or a street's.
        let opens_clause = |s: Span| s.start == window.start || follows_break(text, s.start, &[',', '.', ':']);
        let subject =
            people.iter().find(|(s, e)| e.surely_person || self.title_before(words, s.start) || opens_clause(*s));
        let Some(&(span, person)) = subject.or(people.first()) else { return false };
        let between: Vec<&Word> =
            words.iter().filter(|w| w.span.start >= span.end && w.span.end <= cue_start).collect();
        let after = &text[span.end..];
        let set_off = after.starts_with([',', '(']) || after.trim_start().starts_with(['-', '–', '—', '(']);
        let own_pronoun = between.iter().any(|w| PRONOUNS.contains(&w.text.to_lowercase().as_str()));
        let broken = text[span.end..cue_start].contains([';', '“', '”', '"', ':']);
        if own_pronoun || broken || between.len() > MAX_ROLE_WORDS || (!set_off && between.len() > 4) {
            return false;
        }
        found.speaker = Some(person.name.clone());
        found.speaker_span = Some(span);
        true
    }

    /// Whether a title or a pronoun stands right before byte `position`
    /// ("ông", "chiến sĩ", "Phó Thủ tướng").
    fn title_before(&self, words: &[Word], position: usize) -> bool {
        let k = words.partition_point(|w| w.span.end <= position);
        let lower = |w: &Word| w.text.to_lowercase();
        let one = k.checked_sub(1).map(|i| lower(&words[i]));
        let two = k.checked_sub(2).map(|i| format!("{} {}", lower(&words[i]), lower(&words[i + 1])));
        [one, two].into_iter().flatten().any(|t| is_title_or_pronoun(&t))
    }

    /// A title and a given name ("bà Lý", "ông Hiển", "anh D.") among `words`:
    /// the person named before whose name ends with that given name.
    pub(super) fn person_by_title_and_given_name(&self, found: &mut FoundQuote, words: &[Word]) -> bool {
        for (i, title) in words.iter().enumerate().rev() {
            if !is_title_or_pronoun(&title.text.to_lowercase()) {
                continue;
            }
            let given: Vec<&str> = words[i + 1..]
                .iter()
                .take(MAX_GIVEN_NAME_SYLLABLES)
                .take_while(|w| w.is_capitalized() && !is_acronym_of_body(w.text))
                .map(|w| w.text)
                .collect();
            if given.is_empty() {
                continue;
            }
            if let Some(person) = self.person_ending_with(&given, title.span.start) {
                let last = words[i + given.len()].span.end;
                found.speaker = Some(person.name.clone());
                found.speaker_span = Some(Span::new(title.span.start, last));
                return true;
            }
        }
        false
    }

    /// The person last named before `position` (else the most mentioned)
    /// whose name ends with the syllables `given`, and is longer than them.
    /// Only people whose name ends with the same syllable are looked at, so a
    /// long article costs no more per title than a short one.
    fn person_ending_with(&self, given: &[&str], position: usize) -> Option<&FoundEntity> {
        let given: Vec<&str> = given.iter().map(|s| s.trim_end_matches('.')).collect();
        let candidates = self.people_by_last_syllable.get(*given.last()?)?;
        let mut best: Option<(Option<usize>, &FoundEntity)> = None;
        for person in candidates.iter().map(|&k| &self.entities.entities[k]) {
            let syllables: Vec<&str> = person.name.split_whitespace().map(|s| s.trim_end_matches('.')).collect();
            if syllables.len() <= given.len() || !syllables.ends_with(&given) {
                continue;
            }
            let before = person.mentions.partition_point(|m| m.start < position);
            let last_before = before.checked_sub(1).map(|k| person.mentions[k].start);
            if best.is_none_or(|(seen, _)| last_before > seen) {
                best = Some((last_before, person));
            }
        }
        best.map(|(_, person)| person)
    }

    /// "Theo ông Hiển, “…”", "Theo bà Lý: “…”": the words of whom "theo"
    /// names, when the phrase leads its clause and hands over to the quote.
    pub(super) fn theo_quote(&self, found: &mut FoundQuote, pre_words: &[Word], quote_open: usize) -> bool {
        let text = self.text();
        let Some(k) = pre_words.iter().rposition(|w| w.text.eq_ignore_ascii_case("theo")) else { return false };
        let phrase = &pre_words[k + 1..];
        let (Some(first), Some(last)) = (phrase.first(), phrase.last()) else { return false };
        let leads = k == 0 || text[pre_words[k - 1].span.end..pre_words[k].span.start].contains([',', '.', ':']);
        let hands_over = matches!(text[last.span.end..quote_open].trim(), "," | ":");
        if !leads || !hands_over || phrase.len() > MAX_ACCORDING_TO_WORDS {
            return false;
        }
        found.kind = QuoteKind::Direct;
        found.cue = Some(pre_words[k].text.to_owned());
        let window = Span::new(first.span.start, last.span.end);
        let named = self
            .entities
            .within(window)
            .find(|(s, e)| e.kind == EntityKind::Person && !self.is_quoted(*s))
            .or_else(|| self.entities.within(window).find(|(_, e)| e.kind == EntityKind::Organization));
        if let Some((span, entity)) = named {
            found.speaker = Some(entity.name.clone());
            found.speaker_span = Some(span);
        } else if !self.person_by_title_and_given_name(found, phrase) && !self.resolve_reference(found, phrase) {
            found.speaker_span = Some(window);
        }
        true
    }

    /// A speaker the article does not name: a description of people opens
    /// the clause before the verb ("quan chức Mỹ nói", "thì một số giáo viên
    /// lại … nói", "một người dân cho biết") and names no person or body. The
    /// description is kept as the speaker's mention, with no speaker.
    pub(super) fn unnamed_source(&self, found: &mut FoundQuote, words: &[Word], cue_start: usize) -> bool {
        let text = self.text();
        // A dash sets off "“…” - quan chức Mỹ nói" too.
        let breaks = [',', ':', ';', '.', '-', '–'];
        let start = clause_start(text, words, &breaks);
        let words = &words[start..];
        // The words may be a window cut from a longer clause, after a phrase
        // quoted in it ("Giọng ca vàng … “truyền lửa” | cho các thí sinh bằng
        // cách nói chuyện"): what opens the window then opens no clause.
        let Some(opening) = words.first() else { return false };
        let sentence = self.sentence_at(opening.span.start);
        let clause_opens = follows_break(text, opening.span.start, &breaks)
            || text[sentence.start..opening.span.start].trim_start_matches(['“', '"', '”', ' ']).is_empty();
        if !clause_opens {
            return false;
        }
        let opens = |k: usize| {
            let one = words[k].text.to_lowercase();
            let two = words.get(k + 1).map(|n| format!("{one} {}", n.text.to_lowercase()));
            UNNAMED_SOURCES_VI.contains(one.as_str()) || two.is_some_and(|t| UNNAMED_SOURCES_VI.contains(t.as_str()))
        };
        let Some(head) = (0..words.len().min(3)).find(|&k| opens(k)) else { return false };
        let description = &words[head..words.len().min(head + MAX_UNNAMED_SOURCE_WORDS)];
        let (Some(first), Some(last)) = (description.first(), description.last()) else { return false };
        let named =
            self.entities.within(Span::new(first.span.start, cue_start)).any(|(_, e)| e.kind != EntityKind::Location);
        let referred = words.iter().any(|w| PRONOUNS.contains(&w.text.to_lowercase().as_str()));
        if named || referred {
            return false;
        }
        found.speaker = None;
        found.speaker_span = Some(Span::new(first.span.start, last.span.end));
        true
    }

    /// Whether the words between a closing mark and a cue open with a person
    /// ("“…”, ông Nguyễn Tường, phó phòng Y, nói"): a name, or a title and a
    /// name, as their first words; what follows is the person's role.
    pub(super) fn leads_with_person(&self, words: &[Word]) -> bool {
        let Some(first) = words.first() else { return false };
        let titled = is_title_or_pronoun(&first.text.to_lowercase());
        let name_at = if titled { 1 } else { 0 };
        let Some(name) = words.get(name_at).filter(|w| w.is_capitalized()) else { return false };
        let end = words.last().map_or(name.span.end, |w| w.span.end);
        let person_there = self
            .entities
            .within(Span::new(name.span.start, end))
            .next()
            .is_some_and(|(s, e)| s.start == name.span.start && e.kind == EntityKind::Person);
        person_there || titled
    }

    /// A body or a document named by a common noun that opens `words` ("tạp
    /// chí viết", "báo cáo thẩm tra nhận định", "Thông cáo chính thức của
    /// CCTV … cho biết"): the body named after "của", else the body last
    /// named as a subject (a document: the body that last spoke), else the
    /// document itself.
    pub(super) fn body_or_document(&self, found: &mut FoundQuote, words: &[Word]) -> bool {
        // The longer noun: "báo cáo" is a document, not "báo" a newspaper.
        let document = opening_phrase(words, |p| DOCUMENT_NOUNS_VI.contains(&p));
        let body = opening_phrase(words, |p| BODY_NOUNS.contains(p)).filter(|&b| document.is_none_or(|d| b > d));
        let Some(n) = body.or(document) else { return false };
        let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
        // "của CCTV": whose it is, within a few words.
        let of = words.iter().take(5).position(|w| w.text == "của").and_then(|k| words.get(k + 1));
        let owner = of.and_then(|w| {
            self.entities.within(Span::new(w.span.start, last.span.end)).next().filter(|(s, e)| {
                s.start == w.span.start && matches!(e.kind, EntityKind::Organization | EntityKind::Person)
            })
        });
        if let Some((span, entity)) = owner {
            found.speaker = Some(entity.name.clone());
            found.speaker_span = Some(span);
            return true;
        }
        let phrase = &words[..n];
        if body.is_some() {
            return self.body_antecedent(found, phrase);
        }
        // "Bộ X đã gửi văn bản … Văn bản nêu rõ": whoever issued it, the body
        // that last spoke or was a sentence's subject.
        if !self.speaking_body(found, phrase) && !self.subject_body(found, phrase) {
            self.described_as(found, Span::new(first.span.start, phrase[n - 1].span.end));
        }
        true
    }

    /// The person the article brought in with `role` of `body` before
    /// `position` ("Thứ trưởng Bộ Y tế Trần Minh Khải"), whom "thứ trưởng Bộ
    /// Y tế nhấn mạnh" stands for.
    pub(super) fn person_with_role(&self, role: &str, body: &FoundEntity, position: usize) -> Option<&FoundEntity> {
        let text = self.text();
        let body_name = body.name.to_lowercase();
        let reach = TITLE_REACH + body.name.len();
        let introduced = format!("{role} {body_name}");
        self.entities
            .persons_before(position, None)
            .find(|(span, _)| {
                // Right before the name: the role and the body, and no higher
                // or lower rank of it ("phó chủ tịch" is not "chủ tịch").
                let from = crate::ingest::format::floor_char_boundary(text, span.start.saturating_sub(reach));
                let before = text[from..span.start].trim_end().to_lowercase();
                let Some(rest) = before.strip_suffix(&introduced) else { return false };
                let rank = rest.split_whitespace().next_back();
                !matches!(rank, Some("phó" | "tổng" | "cựu" | "nguyên" | "tân"))
            })
            .map(|(_, person)| person)
    }

    /// Whether `body` was named, outside quotes, before the sentence at
    /// `position`: "lãnh đạo B nói" then points back to someone the article
    /// is following, while a body first named there brings in someone new,
    /// whom the article does not name.
    pub(super) fn named_before(&self, body: &FoundEntity, position: usize) -> bool {
        let sentence = self.sentence_at(position);
        // Its own mentions, in text order: the first unquoted one decides.
        body.mentions.iter().take_while(|s| s.end <= sentence.start).any(|s| !self.is_quoted(*s))
    }

    /// Whether the words between a closing mark and a cue name who speaks: a
    /// person first ("ông Nguyễn Tường, phó phòng Y,"), a body or a document
    /// ("tạp chí", "báo cáo thẩm tra"), or a source not named ("quan chức Mỹ").
    pub(super) fn names_vietnamese_speaker(&self, words: &[Word]) -> bool {
        let noun = |p: &str| BODY_NOUNS.contains(p) || DOCUMENT_NOUNS_VI.contains(&p) || UNNAMED_SOURCES_VI.contains(p);
        // "“…”, tân tổng giám đốc này nhìn nhận": a description and "này"
        // stand for someone the article brought in before.
        let demonstrative = words.len() <= 6 && self.demonstrative_span(words).is_some();
        self.leads_with_person(words)
            || opening_phrase(words, noun).is_some()
            || demonstrative
            || bare_title(words).is_some()
    }

    /// "“…” - bộ trưởng khẳng định": a title alone after the quote stands for
    /// the person the article last brought in with that title ("Bộ trưởng Bộ
    /// Y tế Nguyễn Thị Kim Tiến").
    pub(super) fn person_by_title(&self, found: &mut FoundQuote, words: &[Word]) -> bool {
        let Some(title) = bare_title(words) else { return false };
        let text = self.text();
        let start = words[0].span.start;
        let titled = self.entities.persons_before(start, None).find(|(span, _)| {
            let from = crate::ingest::format::floor_char_boundary(text, span.start.saturating_sub(TITLE_REACH));
            text[from..span.start].to_lowercase().contains(&title)
        });
        let Some((_, person)) = titled else { return false };
        found.speaker = Some(person.name.clone());
        found.speaker_span = Some(Span::new(start, words[words.len() - 1].span.end));
        true
    }

    /// "“…”. Đó là chỉ đạo của Phó Thủ tướng Nguyễn Thiện Nhân …": the
    /// sentence after a quote says whose words they were.
    pub(super) fn words_of_the_next_sentence(&self, found: &mut FoundQuote, close_end: usize) {
        let text = self.text();
        let Some(first) = text[close_end..].find(char::is_alphanumeric) else { return };
        let next = self.sentence_at(close_end + first);
        if next.start < close_end {
            return;
        }
        let words = words_in(text, next);
        let opens = phrase_at(&words, 0, 2).is_some_and(|p| matches!(p.as_str(), "đó là" | "đây là"));
        let Some(of) = words.iter().take(6).position(|w| w.text == "của") else { return };
        let speech = of > 2 && phrase_at(&words, 2, of - 2).is_some_and(|p| SPEECH_NOUNS.contains(&p.as_str()));
        if !opens || !speech {
            return;
        }
        // The first person named after "của", within the phrase that names them.
        let window =
            Span::new(words[of].span.end, words[(of + 1 + MAX_ACCORDING_TO_WORDS * 2).min(words.len() - 1)].span.end);
        let person = self.entities.within(window).find(|(s, e)| e.kind == EntityKind::Person && !self.is_quoted(*s));
        if let Some((span, person)) = person {
            found.speaker = Some(person.name.clone());
            found.speaker_span = Some(span);
            found.cue = Some(text[words[2].span.start..words[of - 1].span.end].to_owned());
        }
    }

    /// "“…”, theo bà Hoa.", "“…” - theo Darrell Cronk, CEO của …": "theo"
    /// right after the quote names whose words they are. An agency or an
    /// outlet that relays them is not the speaker: the quote then has none.
    pub(super) fn theo_after(&self, found: &mut FoundQuote, post_words: &[Word], close_end: usize) -> bool {
        let text = self.text();
        let Some(theo) = post_words.first().filter(|w| w.text.eq_ignore_ascii_case("theo")) else { return false };
        if !matches!(text[close_end..theo.span.start].trim(), "," | "-" | "–" | "—") {
            return false;
        }
        let plain = |pair: &[Word]| !text[pair[0].span.end..pair[1].span.start].contains([',', '.', ';', ':', '(']);
        let end = post_words.windows(2).position(|p| !plain(p)).map_or(post_words.len(), |k| k + 1);
        let phrase = &post_words[1..end.min(MAX_ACCORDING_TO_WORDS)];
        let (Some(first), Some(last)) = (phrase.first(), phrase.last()) else { return false };
        let window = Span::new(first.span.start, last.span.end);
        let person = self.entities.within(window).find(|(s, e)| e.kind == EntityKind::Person && !self.is_quoted(*s));
        if let Some((span, person)) = person {
            found.speaker = Some(person.name.clone());
            found.speaker_span = Some(span);
        } else if !self.person_by_title_and_given_name(found, phrase) {
            // "theo đó", "theo kế hoạch": no one named; an agency relays, it did not speak.
            if self.entities.within(window).next().is_none() {
                return false;
            }
            found.speaker_span = Some(window);
        }
        found.cue = Some(theo.text.to_owned());
        // "bị coi là “con nợ lớn nhất”, theo ông Bình": a phrase inside the
        // writer's sentence is partial.
        let inside = self.inside_writers_sentence(&words_in(text, found.span), found.span.start);
        found.kind = if inside { QuoteKind::Partial } else { QuoteKind::Direct };
        true
    }

    /// The clause before a cue opens with a document ("Thông cáo chính thức
    /// của CCTV trên Twitter hôm nay cho biết"): whose it is speaks.
    pub(super) fn document_before(&self, found: &mut FoundQuote, words: &[Word]) -> bool {
        let text = self.text();
        let words = &words[clause_start(text, words, &[',', ':', ';', '.'])..];
        opening_phrase(words, |p| DOCUMENT_NOUNS_VI.contains(&p)).is_some() && self.body_or_document(found, words)
    }

    /// "Chính khách này còn nhấn mạnh", "vị này nói": a noun and "này" right
    /// before the verb point back to whoever spoke last. The phrase becomes
    /// the speaker's mention, and `find` gives it the last voice.
    pub(super) fn demonstrative_subject(&self, found: &mut FoundQuote, words: &[Word]) -> bool {
        let Some(span) = self.demonstrative_span(words) else { return false };
        found.speaker = None;
        found.speaker_span = Some(span);
        true
    }

    /// Where "vị này", "chính khách này" stands right before the verb at the
    /// end of `words` (adverbs aside), naming no one.
    fn demonstrative_span(&self, words: &[Word]) -> Option<Span> {
        let mut end = words.len();
        loop {
            let adverb = |n: usize| {
                end >= n && phrase_at(words, end - n, n).is_some_and(|p| ADVERBS_BEFORE_VERB.contains(&p.as_str()))
            };
            match (adverb(2), adverb(1)) {
                (true, _) => end -= 2,
                (false, true) => end -= 1,
                _ => break,
            }
        }
        let this = end.checked_sub(1).filter(|&k| words[k].text.eq_ignore_ascii_case("này"))?;
        let text = self.text();
        // The nearest clause start: "Sau đó, vị này nói" → "vị này".
        let start = (this.saturating_sub(3)..this)
            .rev()
            .find(|&k| k == 0 || follows_break(text, words[k].span.start, &[',', '.', ':']))
            .unwrap_or(this.saturating_sub(3));
        if start == this {
            return None;
        }
        let span = Span::new(words[start].span.start, words[this].span.end);
        self.entities.within(span).next().is_none().then_some(span)
    }
}

/// Whether one of `breaks` ends the text before `position`, spaces aside.
fn follows_break(text: &str, position: usize, breaks: &[char]) -> bool {
    text[..position].trim_end().ends_with(breaks)
}

/// The index of the word that opens the last clause of `words`: the last one
/// that follows one of `breaks`, else the first.
fn clause_start(text: &str, words: &[Word], breaks: &[char]) -> usize {
    words.iter().rposition(|w| follows_break(text, w.span.start, breaks)).unwrap_or(0)
}

/// Whether a lowercase word or phrase is a pronoun or a title ("ông", "chiến sĩ").
fn is_title_or_pronoun(lower: &str) -> bool {
    PRONOUNS.contains(&lower) || PERSON_TITLES.contains(lower)
}

/// Two or more capitals and no initials' dots ("UBND", "TP"; not "H.T.P"):
/// after a title, a body's acronym, not a given name.
fn is_acronym_of_body(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !text.contains('.')
}

/// The lowercase words of `words[k..k + n]`, joined.
fn phrase_at(words: &[Word], k: usize, n: usize) -> Option<String> {
    let words = words.get(k..k + n)?;
    Some(words.iter().map(|w| w.text.to_lowercase()).collect::<Vec<_>>().join(" "))
}

/// How many words (two, else one) of a phrase that `listed` accepts open `words`.
fn opening_phrase(words: &[Word], listed: impl Fn(&str) -> bool) -> Option<usize> {
    (1..=2).rev().find(|&n| phrase_at(words, 0, n).is_some_and(|p| listed(&p)))
}

/// Words for someone who speaks for a body, before its name: "lãnh đạo
/// ACB", "cựu thủ quân của MU". Not "đại diện": a representative is mostly
/// someone the article does not name.
pub(super) const ROLES_IN_A_BODY: &[&str] = &[
    "lãnh đạo",
    "người phát ngôn",
    "phát ngôn viên",
    "thủ quân",
    "cựu thủ quân",
    "chủ tịch",
    "giám đốc",
    "tổng giám đốc",
];

/// The role in a body that stands right before byte `position` (a body's
/// name), "của" between them or not: one of [`ROLES_IN_A_BODY`] or a title
/// ("thứ trưởng Bộ Y tế"), in lowercase.
pub(super) fn role_before(text: &str, words: &[Word], position: usize) -> Option<String> {
    let mut k = words.partition_point(|w| w.span.end <= position);
    if k > 0 && words[k - 1].text == "của" {
        k -= 1;
    }
    (1..=3.min(k)).rev().find_map(|n| {
        let joined = words[k - n..k].windows(2).all(|p| text[p[0].span.end..p[1].span.start] == *" ");
        let phrase = phrase_at(words, k - n, n).filter(|_| joined)?;
        (ROLES_IN_A_BODY.contains(&phrase.as_str()) || PERSON_TITLES.contains(phrase.as_str())).then_some(phrase)
    })
}

/// The title `words` are, in lowercase, when they are one alone ("bộ
/// trưởng", "vị thứ trưởng", "tân chủ tịch"), adverbs before the verb aside.
fn bare_title(words: &[Word]) -> Option<String> {
    let mut lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    while lower.last().is_some_and(|w| ADVERBS_BEFORE_VERB.contains(&w.as_str())) {
        lower.pop();
    }
    if lower.first().is_some_and(|w| matches!(w.as_str(), "vị" | "ngài" | "tân" | "nữ")) {
        lower.remove(0);
    }
    let title = lower.join(" ");
    (lower.len() >= 2 && lower.len() <= 4 && PERSON_TITLES.contains(title.as_str())).then_some(title)
}

/// Whether a speaker's mention is a demonstrative description ("vị này").
pub(super) fn is_demonstrative(mention: &str) -> bool {
    mention.ends_with(" này")
}
