//! Word lists the analysis reads, kept as data files in `data/` so that they can
//! be reviewed and extended without touching code.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(data: &'static str) -> HashSet<&'static str> {
    entries(data).collect()
}

/// Place names, matched exactly.
pub static LOCATIONS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(include_str!("data/locations.txt")).into_iter().chain(set(include_str!("data/vi_countries.txt"))).collect()
});
/// Organization names, matched exactly.
pub static ORGANIZATIONS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/organizations.txt")));
/// Capitalized words that make a name an organization's ("Ministry", "Bộ").
pub static ORGANIZATION_WORDS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| set(include_str!("data/organization_words.txt")));
/// Capitalized words that make a name a place's ("Lake", "Valley").
pub static PLACE_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/place_words.txt")));
/// Words that name a people, a faith or a party ("American", "Catholic").
pub static GROUPS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/groups.txt")));

/// Whether a capitalized word names a people, a faith or a party, in the
/// singular or the plural ("Americans").
pub fn is_group_word(word: &str) -> bool {
    GROUPS.contains(word) || word.strip_suffix('s').is_some_and(|singular| GROUPS.contains(singular))
}

/// Vietnamese family names ("Nguyễn", "Trần", "Hồ"): the first syllable of a
/// Vietnamese person's name.
pub static VI_FAMILY_NAMES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/vi_family_names.txt")));
/// Lowercase words for a person's role before a Vietnamese name ("ca sĩ", "hậu vệ").
pub static VI_PERSON_CUES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/vi_person_cues.txt")));
/// Vietnamese words of two syllables, lowercase ("liên bang", "phòng không"),
/// from pyvi's word list.
static VI_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/vi_words.txt")));

/// Whether two syllables, in any case, make one Vietnamese word
/// ("Liên" + "bang", "Nhà" + "nước").
pub fn is_vi_word(first: &str, second: &str) -> bool {
    VI_WORDS.contains(format!("{} {}", first.to_lowercase(), second.to_lowercase()).as_str())
}
/// Lowercase words for a kind of place before its name ("tỉnh", "châu", "đường").
pub static VI_PLACE_HEADS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/vi_place_heads.txt")));
/// Lowercase heads of Vietnamese organization names ("công ty", "sở", "ủy ban nhân
/// dân"), each split into words, with whether it must be capitalized to head one.
pub static VI_ORGANIZATION_HEADS: LazyLock<Vec<(Vec<&str>, bool)>> = LazyLock::new(|| {
    entries(include_str!("data/vi_organization_heads.txt"))
        .map(|line| match line.strip_prefix('^') {
            Some(head) => (head.split_whitespace().collect(), true),
            None => (line.split_whitespace().collect(), false),
        })
        .collect()
});

/// Family names that come first in a name ("Wang Qishan", "Moon Jae-in").
pub static FAMILY_NAMES_FIRST: LazyLock<HashSet<&str>> =
    LazyLock::new(|| set(include_str!("data/family_names_first.txt")));

/// Common given names ("Sarah"): a run that starts with one names a person.
/// Each maps to the gender it is mostly given to: `m`, `f`, or `-` for either.
pub static FIRST_NAMES: LazyLock<HashMap<&str, char>> = LazyLock::new(|| {
    entries(include_str!("data/first_names.txt"))
        .filter_map(|line| line.split_once('\t'))
        .map(|(name, gender)| (name, gender.chars().next().unwrap_or('-')))
        .collect()
});
/// Lowercase nouns for a person ("founder", "woman"), each with the gender it
/// implies: `m`, `f`, or `-`.
pub static PERSON_NOUNS: LazyLock<HashMap<&str, char>> = LazyLock::new(|| {
    entries(include_str!("data/person_nouns.txt"))
        .filter_map(|line| line.split_once('\t'))
        .map(|(noun, gender)| (noun, gender.chars().next().unwrap_or('-')))
        .collect()
});
/// Lowercase nouns for an organization ("agency", "company", "office").
pub static BODY_NOUNS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/body_nouns.txt")));
/// Lowercase titles before a person's name ("ông", "president").
pub static PERSON_TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/person_titles.txt")));
/// Lowercase words before an organization's name ("hãng tin").
pub static ORGANIZATION_CUES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/org_cues.txt")));
/// Lowercase words before a place name ("tại", "in").
pub static LOCATION_CUES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/location_cues.txt")));
pub static UNNAMED_SOURCES_VI: LazyLock<HashSet<&str>> =
    LazyLock::new(|| set(include_str!("data/unnamed_sources_vi.txt")));
pub static STOPWORDS_VI: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/stopwords_vi.txt")));
pub static STOPWORDS_EN: LazyLock<HashSet<&str>> = LazyLock::new(|| set(include_str!("data/stopwords_en.txt")));

/// How common each word is in general text (wordfreq's Zipf scale: log10 of
/// uses per billion words), for the languages a list is kept for.
static FREQUENCY_VI: LazyLock<HashMap<&str, f64>> = LazyLock::new(|| zipf(include_str!("data/frequency_vi.txt")));
static FREQUENCY_EN: LazyLock<HashMap<&str, f64>> = LazyLock::new(|| zipf(include_str!("data/frequency_en.txt")));

fn zipf(data: &'static str) -> HashMap<&'static str, f64> {
    entries(data)
        .filter_map(|line| {
            let (word, value) = line.split_once('\t')?;
            Some((word, value.parse().ok()?))
        })
        .collect()
}

/// Whether [`zipf_frequency`] knows `lang`'s words.
pub fn has_frequency_list(lang: super::Lang) -> bool {
    matches!(lang, super::Lang::Vi | super::Lang::En)
}

/// The Zipf frequency of a lowercase word in `lang`: `Some(0.0)` for a word
/// too rare to be listed, `None` for a language without a list.
pub fn zipf_frequency(lang: super::Lang, word: &str) -> Option<f64> {
    let list = match lang {
        super::Lang::Vi => &FREQUENCY_VI,
        super::Lang::En => &FREQUENCY_EN,
        _ => return None,
    };
    Some(list.get(word).copied().unwrap_or(0.0))
}

/// The phrases of a `language<TAB>phrase` data file by language, each split
/// into lowercase words.
fn phrases_by_language(data: &'static str) -> HashMap<&'static str, Vec<Vec<&'static str>>> {
    let mut map: HashMap<&str, Vec<Vec<&str>>> = HashMap::new();
    for line in entries(data) {
        if let Some((lang, phrase)) = line.split_once('\t') {
            map.entry(lang).or_default().push(phrase.split_whitespace().collect());
        }
    }
    map
}

/// Speech cue phrases by language.
pub static CUE_VERBS: LazyLock<HashMap<&str, Vec<Vec<&str>>>> =
    LazyLock::new(|| phrases_by_language(include_str!("data/cue_verbs.txt")));

/// Phrases that open with a speech verb but report nothing said ("nói
/// chung", "kể cả"), by language.
pub static NOT_SPEECH: LazyLock<HashMap<&str, Vec<Vec<&str>>>> =
    LazyLock::new(|| phrases_by_language(include_str!("data/not_speech.txt")));

/// Speech verbs whose object is the listener, not the speaker ("told CTV
/// News", "asked reporters").
pub fn is_listener_cue(cue: &str) -> bool {
    matches!(cue, "told" | "tells" | "tell" | "asked" | "asks" | "urged" | "assured")
}

/// Speech verbs of relaying: "AP dẫn lời bà Henz" gives Henz's words, and
/// the one named after the verb is the speaker.
pub fn is_relaying_cue(cue: &str) -> bool {
    matches!(cue, "dẫn lời" | "trích lời")
}

/// Acronyms that name things, not organizations: "AI", "GDP", "CEO".
pub const COMMON_ACRONYMS: &[&str] = &[
    "AI", "IT", "GDP", "GNP", "CEO", "CFO", "CTO", "COO", "TV", "PC", "DNA", "RNA", "HIV", "PhD", "OK", "VAT", "SMS",
    "GPS", "USB", "ID", "PR", "HR", "AM", "PM", "CPU", "GPU", "API", "UAV", "EV", "IPO", "ETF", "MP", "MPs", "PDF",
    "FAQ", "USD", "EUR", "VND", "GMT", "UTC", "COVID", "SARS", "NFT", "LED", "LNG", "CO2",
];

/// Month and weekday names: capitalized, never entities.
pub const CALENDAR_WORDS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Tháng",
    "Thứ",
    "Chủ",
    "Chủ nhật",
    "Ảnh",
    "Photo",
    "Image",
    "Video",
];

/// Prepositions that end a name's description or a speaker's reach ("said
/// by phone from Phoenix"), in any case.
pub fn is_preposition(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "by" | "from" | "in" | "at" | "to" | "on" | "with" | "during" | "after" | "before" | "of" | "for" | "about"
    )
}
