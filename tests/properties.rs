//! Property: on any article, every extracted item is verbatim — its offsets
//! read back exactly its text — and analysis never panics. Articles are built
//! from pieces that stress quote pairing and attribution: every quotation-mark
//! family, unbalanced and nested marks, apostrophes, quotes over paragraphs,
//! names, titles, pronouns, speech verbs in Vietnamese and English, figures.

use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Ông Nguyễn Văn An",
    "bà Lê Thu Hà",
    "Jens Stoltenberg",
    "Sarah Buckley",
    "he",
    "she",
    "the minister",
    "người đứng đầu NATO",
    "cho biết:",
    "nói",
    "said",
    "told CTV News",
    "explains",
    "rằng",
    "that",
    "Trung Quốc",
    "Hà Nội",
    "NATO",
    "31 thành viên",
    "hơn 60 chính phủ",
    "gấp 3 lần",
    "12.000 tỷ đồng",
    "$1.13bn",
    "76%",
    "last June",
    "tháng 6 năm ngoái",
    "dozens of",
    "mười năm tới",
    "“",
    "”",
    "\"",
    "„",
    "«",
    "»",
    "‹",
    "›",
    "‘",
    "’",
    "'",
    "「",
    "」",
    "『",
    "』",
    "don't",
    "Spieth’s",
    ",",
    ".",
    "!",
    "?",
    ":",
    "—",
    "\n\n",
    "\n\n“",
    "Ảnh: Reuters",
    "We will cooperate",
    "chúng tôi sẽ hợp tác",
    "a culture of entitlement",
    "…",
    "😀",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..120).prop_map(|pieces| {
        let mut text = String::from("Tiêu đề bài báo\n\n");
        for piece in pieces {
            if !text.ends_with(['\n', '“', '"', '«', '‹', '‘', '「', '『', '„'])
                && !piece.starts_with([',', '.', '!', '?', ':'])
            {
                text.push(' ');
            }
            text.push_str(piece);
        }
        text
    })
}

fn read_back(chars: &[char], start: u64, end: u64) -> Option<String> {
    chars.get(start as usize..end as usize).map(|s| s.iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_item_is_verbatim(text in article()) {
        let Ok(analysis) = briefsmith::analyze_bytes(text.as_bytes(), &briefsmith::Options::default()) else {
            // Only "nothing left to analyze" may fail, and with an error, not a panic.
            return Ok(());
        };
        let value = serde_json::to_value(&analysis).unwrap();
        let chars: Vec<char> = analysis.text.chars().collect();
        let check = |item: &serde_json::Value| {
            let (start, end) = (item["start"].as_u64().unwrap(), item["end"].as_u64().unwrap());
            read_back(&chars, start, end).as_deref() == item["text"].as_str()
        };
        for quote in value["quotes"].as_array().unwrap() {
            prop_assert!(check(quote), "quote {quote} in {:?}", analysis.text);
            if !quote["speaker_mention"].is_null() {
                prop_assert!(check(&quote["speaker_mention"]), "speaker mention {quote}");
            }
        }
        for point in value["key_points"].as_array().unwrap() {
            prop_assert!(check(point), "key point {point}");
        }
        for figure in value["figures"].as_array().unwrap() {
            prop_assert!(check(figure), "figure {figure}");
        }
        for entity in value["entities"].as_array().unwrap() {
            for mention in entity["mentions"].as_array().unwrap() {
                prop_assert!(check(mention), "mention {mention}");
            }
        }
    }
}
