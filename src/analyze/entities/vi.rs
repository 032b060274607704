//! Vietnamese conventions for names: an organization's name is its head word
//! and a proper part ("Bộ Tài chính", "trường tiểu học Tân Lập", "Ủy ban nhân
//! dân tỉnh Lạc Giang"), in which only the first syllable of each word of the
//! proper part is capitalized; a word for a kind of place before a name makes
//! it a place's ("tỉnh Thanh Hóa", "châu Âu"); a person's name opens with a
//! family name ("Nguyễn", "Hồ"); and a capitalized word that no Vietnamese
//! syllable could spell is a foreign name ("Messi", "Osasuna").

use crate::analyze::lexicon::{
    is_vi_word, LOCATIONS, ORGANIZATIONS, PERSON_TITLES, STOPWORDS_VI, VI_FAMILY_NAMES, VI_ORGANIZATION_HEADS,
    VI_PERSON_CUES, VI_PLACE_HEADS,
};
use crate::analyze::words::Word;

/// Whether two words follow each other inside one name: one space between, or
/// the period of a short form for a city or district ("TP. Nha Trang").
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.span.end..b.span.start];
    gap == " " || (gap == ". " && matches!(a.text, "TP" | "Q" | "P" | "Tp"))
}

fn lower(word: &Word) -> String {
    word.text.to_lowercase()
}

/// The length of a name from the gazetteers that starts at word `i` and has
/// a lowercase syllable ("Quốc hội", "Ngân hàng Thế giới", "Đồng bằng sông Cửu
/// Long"): the capitals alone would not hold it together.
pub(super) fn known_phrase(text: &str, words: &[Word], i: usize) -> Option<usize> {
    if !words[i].is_capitalized() {
        return None;
    }
    let known = (2..=6).rev().find(|&k| {
        i + k <= words.len()
            && (i + 1..i + k).all(|m| &text[words[m - 1].span.end..words[m].span.start] == " ")
            && words[i + 1..i + k].iter().any(|w| !w.is_capitalized())
            && {
                let phrase = &text[words[i].span.start..words[i + k - 1].span.end];
                ORGANIZATIONS.contains(phrase) || LOCATIONS.contains(phrase)
            }
    })?;
    // "Chính phủ Nhật Bản", "Quốc hội Campuchia": a known body, then the country it is.
    let body = ORGANIZATIONS.contains(&text[words[i].span.start..words[i + known - 1].span.end]);
    let next = i + known;
    let place = if body && next < words.len() && joined(text, &words[next - 1], &words[next]) {
        location_prefix(text, &words[next..])
    } else {
        0
    };
    Some(known + place)
}

/// Short forms of a kind of place written in capitals before its name ("TP Hồ
/// Chí Minh", "TX Sơn Tây"): no names themselves.
pub(super) fn is_place_short_form(word: &str) -> bool {
    matches!(word, "TP" | "Tp" | "TX" | "TT")
}

/// How many words of a place-kind phrase ("tỉnh", "thành phố", "quần đảo")
/// start at word `i`, lowercase, with a capitalized name after them.
fn place_head_at(text: &str, words: &[Word], i: usize) -> Option<usize> {
    (1..=3).rev().find(|&k| {
        i + k < words.len()
            && (!words[i].is_capitalized() || (k == 1 && is_place_short_form(words[i].text)))
            && (i + 1..=i + k).all(|m| joined(text, &words[m - 1], &words[m]))
            && VI_PLACE_HEADS.contains(phrase_lower(&words[i..i + k]).as_str())
            && words[i + k].is_capitalized()
    })
}

fn phrase_lower(words: &[Word]) -> String {
    words.iter().map(lower).collect::<Vec<_>>().join(" ")
}

/// Whether the words just before word `start` name a kind of place ("tỉnh",
/// "châu", "đường", "nước"), so that the name at `start` is a place's.
pub(super) fn after_place_head(text: &str, sentence: &[Word], start: usize) -> bool {
    (1..=3.min(start)).any(|k| {
        let head = start - k;
        // "Chủ tịch nước Trương Tấn Sang": the head word ends a title, not a place's kind.
        let ends_a_title = (1..=3.min(head)).any(|n| {
            crate::analyze::lexicon::PERSON_TITLES.contains(phrase_lower(&sentence[head - n..start]).as_str())
        });
        place_head_at(text, sentence, head) == Some(k) && !ends_a_title
    })
}

/// Whether the words just before word `start` give a person's role ("ca sĩ",
/// "hậu vệ", "trọng tài").
pub(super) fn after_person_cue(text: &str, sentence: &[Word], start: usize) -> bool {
    (1..=3.min(start)).any(|k| {
        let before = &sentence[start - k..start];
        (1..before.len()).all(|m| joined(text, &before[m - 1], &before[m]))
            && joined(text, &before[k - 1], &sentence[start])
            && VI_PERSON_CUES.contains(phrase_lower(before).as_str())
    })
}

/// Consecutive capitalized words from `i` (a number may close them: "Tân Lập 1").
fn capitalized_run(text: &str, words: &[Word], i: usize) -> usize {
    let mut n = 0;
    while i + n < words.len()
        && (n == 0 || joined(text, &words[i + n - 1], &words[i + n]))
        && (words[i + n].is_capitalized()
            || (n > 0 && words[i + n].text.len() <= 2 && words[i + n].text.chars().all(|c| c.is_ascii_digit())))
    {
        n += 1;
    }
    n
}

/// The most words an organization's head has ("ủy ban nhân dân").
const MAX_HEAD_WORDS: usize = 6;

/// The words of an organization's name that starts at word `i` with a head
/// ("Bộ", "công ty", "Ủy ban nhân dân"), if a proper part follows it:
/// capitalized words, the one lowercase syllable that completes a word opened
/// by a capital ("Tài chính", "Thế giới"), and a place after a place word
/// ("tỉnh Lạc Giang") or a known place ("Bộ Ngoại giao Trung Quốc"); a person's
/// name after it ends it ("Bộ Tài chính Đinh Tiến Dũng").
pub(super) fn organization_name(text: &str, words: &[Word], i: usize) -> Option<usize> {
    if i > 0 && joined(text, &words[i - 1], &words[i]) {
        let before = &words[i - 1];
        // Inside a capitalized run, or "ông Trường Giang": a person's name.
        let kinship = matches!(
            lower(before).as_str(),
            "ông" | "bà" | "anh" | "chị" | "em" | "cô" | "chú" | "bác" | "cụ" | "cháu"
        );
        if (before.is_capitalized() && words[i].is_capitalized()) || kinship {
            return None;
        }
    }
    // Every word is tried as a head: lowercase the few words a head can span
    // once, not once per head.
    let lowered: Vec<String> = words[i..words.len().min(i + MAX_HEAD_WORDS)].iter().map(lower).collect();
    let mut heads: Vec<usize> = VI_ORGANIZATION_HEADS
        .iter()
        .filter(|(head, capital_only)| {
            i + head.len() < words.len()
                && head.len() <= lowered.len()
                && (!capital_only || words[i].is_capitalized())
                && head.iter().zip(&lowered).all(|(h, w)| h == w)
                && (i + 1..=i + head.len()).all(|m| joined(text, &words[m - 1], &words[m]))
        })
        .map(|(head, _)| head.len())
        .collect();
    if heads.is_empty() {
        return None;
    }
    heads.sort_unstable_by(|a, b| b.cmp(a));
    // "Đoàn Minh Quế": a family name that is also a head, opening a person's name.
    let run = capitalized_run(text, words, i);
    if shaped_like_a_person(&words[i..i + run]) == 2 {
        return None;
    }
    // "Trường Sa", "Hội An", "Đài Loan": a place whose name opens like a body's.
    if (2..=run.min(4)).any(|k| LOCATIONS.contains(&text[words[i].span.start..words[i + k - 1].span.end])) {
        return None;
    }
    let capitalized = words[i].is_capitalized();
    heads.into_iter().find_map(|n| {
        // "Bộ trưởng", "Giám đốc": a title, not a body.
        if i + n < words.len() && PERSON_TITLES.contains(phrase_lower(&words[i..=i + n]).as_str()) {
            return None;
        }
        let start = i + n + if capitalized { descriptor_before_place(text, words, i + n) } else { 0 };
        proper_part(text, words, start).map(|len| start - i + len)
    })
}

/// The lowercase words that describe a body between its head, or a word of
/// its proper part, and the place it serves ("Đại học công nghệ thông tin |
/// Thái Nguyên", "Bảo tàng Dân tộc học | Việt Nam"): up to five, when a known
/// place or a place word and a name follows them; else none.
fn descriptor_before_place(text: &str, words: &[Word], start: usize) -> usize {
    if start == 0 || start >= words.len() || !joined(text, &words[start - 1], &words[start]) {
        return 0;
    }
    for k in 1..=5 {
        let p = start + k;
        if p >= words.len() || !joined(text, &words[p - 1], &words[p]) {
            return 0;
        }
        let word = &words[start + k - 1];
        if word.is_capitalized() || !word.text.chars().all(char::is_alphabetic) {
            return 0;
        }
        let lowered = lower(word);
        if STOPWORDS_VI.contains(lowered.as_str()) && lowered != "và" {
            return 0;
        }
        if place_head_at(text, words, p).is_some() || location_prefix(text, &words[p..]) > 0 {
            return k;
        }
    }
    0
}

/// How many words from the start of `words` name a known place ("Việt Nam",
/// "Thái Nguyên"), none if they do not.
fn location_prefix(text: &str, words: &[Word]) -> usize {
    let run = capitalized_run(text, words, 0);
    (1..=run.min(4)).rev().find(|&k| LOCATIONS.contains(&text[words[0].span.start..words[k - 1].span.end])).unwrap_or(0)
}

/// The proper part of an organization's name from word `p`, as a count of words.
fn proper_part(text: &str, words: &[Word], start: usize) -> Option<usize> {
    let mut p = start;
    let mut end = start;
    let mut after_lowercase = false;
    while p < words.len() && (p == start || joined(text, &words[p - 1], &words[p])) {
        if let Some(k) = place_head_at(text, words, p) {
            p += k + capitalized_run(text, words, p + k);
            end = p;
            after_lowercase = true;
            continue;
        }
        // "Bộ Kế hoạch và Đầu tư", "Bộ Thông tin và Truyền thông": "và" joins
        // two words of one name when a word of the language follows it.
        if p > start && after_lowercase && lower(&words[p]) == "và" && opens_a_word(text, words, p + 1) {
            p += 1;
            continue;
        }
        if !words[p].is_capitalized() {
            break;
        }
        let run = capitalized_run(text, words, p);
        if p > start {
            if !after_lowercase {
                break;
            }
            // "Bộ Ngoại giao Trung Quốc Hua Chunying", "Đại học Quốc gia Hà Nội": a
            // known place ends the name.
            let place = location_prefix(text, &words[p..]);
            if place > 0 {
                end = p + place;
                break;
            }
            if shaped_like_a_person(&words[p..p + run]) > 0 || is_person_cue(&words[p]) {
                break;
            }
        }
        p += run;
        end = p;
        after_lowercase = false;
        // One lowercase syllable completes the word a capital opened: one the
        // two make a word of the language ("Liên bang", "Nhà nước", "Phòng
        // không"), or failing that one that is neither a function word nor a
        // kind of place.
        if run == 1 && p < words.len() && joined(text, &words[p - 1], &words[p]) {
            let next = &words[p];
            let word = lower(next);
            if !next.is_capitalized()
                && next.text.chars().all(char::is_alphabetic)
                && (is_vi_word(words[p - 1].text, next.text)
                    || (!STOPWORDS_VI.contains(word.as_str()) && !VI_PLACE_HEADS.contains(word.as_str())))
            {
                p += 1;
                end = p;
                after_lowercase = true;
                // "Bảo tàng Dân tộc học Việt Nam": more description, then the place.
                p += descriptor_before_place(text, words, p);
            }
        }
    }
    (end > start).then_some(end - start)
}

/// Whether word `i` is capitalized and makes a word of the language with
/// the lowercase syllable after it ("Đầu tư", "Truyền thông"), and is not
/// the head of a second body's name ("Bộ Quốc phòng và Lực lượng Phòng vệ").
fn opens_a_word(text: &str, words: &[Word], i: usize) -> bool {
    i + 1 < words.len()
        && words[i].is_capitalized()
        && !words[i + 1].is_capitalized()
        && joined(text, &words[i], &words[i + 1])
        && is_vi_word(words[i].text, words[i + 1].text)
        && !opens_with_a_head(words, i)
}

fn opens_with_a_head(words: &[Word], i: usize) -> bool {
    VI_ORGANIZATION_HEADS
        .iter()
        .any(|(head, _)| i + head.len() <= words.len() && head.iter().zip(&words[i..]).all(|(h, w)| *h == lower(w)))
}

fn is_person_cue(word: &Word) -> bool {
    let w = lower(word);
    PERSON_TITLES.contains(w.as_str()) || VI_PERSON_CUES.contains(w.as_str())
}

const VOWELS: &str = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m",
    "n", "p", "r", "s", "t", "v", "x", "",
];
const FINALS: &[&str] = &["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];

/// Whether a word could be a Vietnamese syllable: an onset, one to three
/// vowels and a final consonant ("Nguyễn", "khuya"), not "Messi" or "Barca".
pub(super) fn is_vietnamese_syllable(word: &str) -> bool {
    let word = word.to_lowercase();
    ONSETS.iter().filter_map(|onset| word.strip_prefix(onset)).any(|rest| {
        let vowels = rest.chars().take_while(|c| VOWELS.contains(*c)).count();
        let tail: String = rest.chars().skip(vowels).collect();
        (1..=3).contains(&vowels) && FINALS.contains(&tail.as_str())
    })
}

/// A capitalized word of letters that no Vietnamese syllable spells: part of a
/// foreign name ("Osasuna", "Bonera"), not an acronym ("UBND").
pub(super) fn is_foreign_word(word: &Word) -> bool {
    let letters = word.text.chars().count();
    word.is_capitalized()
        && !word.is_acronym()
        && letters >= 2
        && word.text.chars().all(char::is_alphabetic)
        && !is_vietnamese_syllable(word.text)
}

/// How strongly a run's shape says a Vietnamese person's name: a family name,
/// then one to three more syllables, each capitalized ("Nguyễn Hồng Sơn",
/// "Đinh Hương"): 2 for three or four syllables or a middle "Văn" or "Thị", 1
/// for two (a place may be named so too), 0 for another shape.
pub(super) fn shaped_like_a_person(part: &[Word]) -> u32 {
    let title_case = |w: &Word| {
        let mut chars = w.text.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase) && is_vietnamese_syllable(w.text)
    };
    if !(2..=4).contains(&part.len()) || !VI_FAMILY_NAMES.contains(part[0].text) || !part.iter().all(title_case) {
        return 0;
    }
    if part.len() >= 3 || matches!(part[1].text, "Văn" | "Thị") {
        2
    } else {
        1
    }
}

/// Whether a result ("0-3", "2 - 1") follows a name within three words: in
/// sports news, the name of a team ("Osasuna cầm hòa 0-0", "Porto – Zenit: 0-1").
pub(super) fn score_follows(text: &str, sentence: &[Word], end: usize) -> bool {
    (end..(end + 3).min(sentence.len())).any(|k| {
        let (w, next) = (&sentence[k], sentence.get(k + 1));
        let number = |w: &Word| (1..=2).contains(&w.text.len()) && w.text.chars().all(|c| c.is_ascii_digit());
        let after = next.map_or("", |n| &text[n.span.end..]);
        number(w)
            && next.is_some_and(|n| number(n) && matches!(text[w.span.end..n.span.start].trim(), "-" | "–"))
            // Not a date: "7-7-2005".
            && !after.starts_with(['-', '/'])
    })
}

/// Whether a capitalized word opens a title with the lowercase word after it
/// ("Bộ trưởng", "Giám đốc", "Thủ tướng", "Cục trưởng"): a title, not a name.
pub(super) fn opens_a_title(text: &str, sentence: &[Word], i: usize) -> bool {
    let Some(next) = sentence.get(i + 1) else { return false };
    let phrase = format!("{} {}", lower(&sentence[i]), lower(next));
    !next.is_capitalized()
        && joined(text, &sentence[i], next)
        && (PERSON_TITLES.contains(phrase.as_str()) || VI_PERSON_CUES.contains(phrase.as_str()))
}
