//! Noise lines: what a news page pastes along with the article.
//!
//! Each rule matches a whole line, and only a short one, so that a real article
//! sentence is never taken out: captions and credits, comment and share
//! counters, bylines, datelines and page furniture. What is removed is kept,
//! with its reason, and bylines, datelines and credits become metadata.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// Why a line was taken out of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// A photo or video caption, or a credit line ("Ảnh: Reuters", "Photo: AP").
    Caption,
    /// A comment, share or like counter or button ("Bình luận (0)", "Share").
    Counter,
    /// The author's name ("By Jane Doe").
    Byline,
    /// When the article was published or updated, alone on its line.
    Dateline,
    /// Where the article was taken from ("(Theo Reuters)").
    SourceCredit,
    /// Page furniture: "Advertisement", "Read more: …", "Tin liên quan".
    Boilerplate,
    /// An image in a Markdown article (its alt text is kept here).
    Image,
}

impl RemovalReason {
    pub fn describe(self) -> &'static str {
        match self {
            RemovalReason::Caption => "photo caption or credit",
            RemovalReason::Counter => "comment or share counter",
            RemovalReason::Byline => "byline",
            RemovalReason::Dateline => "dateline",
            RemovalReason::SourceCredit => "source credit",
            RemovalReason::Boilerplate => "page furniture",
            RemovalReason::Image => "image",
        }
    }
}

/// A line that is not part of the article, with what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noise {
    pub reason: RemovalReason,
    /// The credited name, author or date the line carries, for the metadata.
    pub value: Option<String>,
}

/// Lines longer than this are article text, whatever they look like.
const MAX_NOISE_WORDS: usize = 40;

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[.!?)\]|•–—-]\s*|\(\s*)(?:ảnh|ảnh minh họa|nguồn ảnh|photo|photos|photograph|image|picture|pictures|credit|video|clip|đồ họa|graphic|footage)\s*[:：]\s*(?P<credit>[^:()\[\]]{1,80}?)\s*[)\]]?\s*\.?$",
    )
    .expect("valid regex")
});
/// A caption ending with its credit: "… November 19, 2019. © Reuters / David Mercado".
static COPYRIGHT_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?)]\s*©\s*(?P<credit>[^©.]{1,60}?)\s*$").expect("valid regex"));
/// The longest handle a social network allows is about this long.
const MAX_HANDLE_CHARS: usize = 30;
/// "(AP Photo/Hau Dinh)": the agency's name is short.
static AGENCY_PHOTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\s*(?P<credit>[\p{L} ]*?)\s*(?i:photos?)\s*(?:/[^)]*)?\)\s*$").expect("valid regex")
});
const MAX_AGENCY_CHARS: usize = 30;
/// A photographer's credit with a slash before the outlet, opening a caption
/// ("Tijana Martin / The Canadian Press Anne Marie Cerato at home.") or closing
/// one in brackets ("… publish anything. ( Peter Lee / Waterloo Region Record )").
static SLASH_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<lead>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s+/\s+\p{Lu}|\(\s*(?P<tail>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s*/\s*[^()/]{1,60}\)\s*$",
    )
    .expect("valid regex")
});
/// A news site's gallery link that opens a caption: "Open this photo in gallery …".
static GALLERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:open|view) (?:this )?(?:photo|image) in (?:the )?gallery\b").expect("valid regex")
});
static ILLUSTRATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[.!?]\s*|\(\s*)(?:ảnh minh họa|ảnh chụp màn hình|file photo|getty images|stock photo)\s*\)?\s*\.?$",
    )
    .expect("valid regex")
});
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:bình luận|ý kiến|chia sẻ|thích|lưu|lưu bài|in bài|gửi bài|báo xấu|comments?|shares?|likes?|tweet|email|print|save|reply|facebook|twitter|zalo|whatsapp|linkedin)\s*(?:[(\[]\s*\d[\d.,]*\s*[)\]]|\d[\d.,]*)?\s*[|·•/,]?\s*)+$",
    )
    .expect("valid regex")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:by|bởi|tác giả|author|reporting by|written by|reported by|story by|text by|bài|bài và ảnh|phóng viên|pv)\s*:?\s+(?P<name>\p{Lu}[\p{L}.'’-]*(?:(?:\s+|\s*,\s*|\s+(?:and|và|&)\s+)\p{Lu}[\p{L}.'’-]*){0,7})\s*(?:[,|–—-]\s*[\p{L} .]{1,40})?\.?$",
    )
    .expect("valid regex")
});
static NAME_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{Ll}]+(?:\s+\p{Lu}[\p{Ll}]+){1,3}$").expect("valid regex"));
static SOURCE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(\[]?\s*(?:Theo|Nguồn|Source|Via)\s*:?\s+(?P<source>\p{Lu}[^.,;()]{0,50}?)\s*[)\]]?\.?$")
        .expect("valid regex")
});
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:advertisement|advert|ad|quảng cáo|sponsored|recommended|trending now|tags|topics|filed under|explore further|citation|related|related (?:articles|stories|news|content)|more from [\p{L} ]{1,30}|don[’']t miss|must read|tin liên quan|bài liên quan|tin cùng chuyên mục|tin nổi bật|có thể bạn quan tâm)\s*(?::.{0,100})?$|^(?:read more|read also|also read|also on|see more|see also|xem thêm|đọc thêm|subscribe|sign up|đăng ký nhận tin|skip advertisement|continue reading|story continues below|like this (?:story|article)|share (?:this|it|on)|follow us|click here|tell us what you think|next article|previous article)\b\s*[:?!.]?.{0,100}$|^(?:from\s+)?https?://\S+$|^this (?:slideshow|video|content) requires javascript|^this (?:document|article|material) is (?:subject to|protected by) copyright|^(?:copyright\s*)?©\s*\d{4}|\ball rights reserved\.?$|^[-–—]\s+next\b|\bprevious\b.{0,40}\s[-–—]$",
    )
    .expect("valid regex")
});
/// A page number, as PDFs print in headers and footers: "3", "1 / 4", "Page 2 of 5".
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:page|trang|seite|página|p\.)\s*)?\d{1,4}(?:\s*(?:/|of|trên|von|de|\s)\s*\d{1,4})?$")
        .expect("valid regex")
});
static DATE_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?\b|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|sa|ch)?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?|\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?",
    )
    .expect("valid regex")
});
static DATE_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|updated|last updated|published|posted|first published|cập nhật|đăng|đăng lúc|lúc|ngày|on|at|gmt|utc|bst|est|edt|pst|pdt|ict|cet|cest|\d{4})\b|[+\-–—|,:()\s\d.]",
    )
    .expect("valid regex")
});

/// Classifies one line (block) of the article; `is_last` tells the rules that
/// only hold at the end of an article (a name alone is the author's).
pub fn classify(line: &str, is_last: bool) -> Option<Noise> {
    let words = line.split_whitespace().count();
    if words == 0 || words > MAX_NOISE_WORDS {
        return None;
    }
    let noise = |reason, value: Option<&str>| {
        Some(Noise { reason, value: value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) })
    };
    // Each pattern is compiled on first use, and most are only needed when the
    // character they hinge on is there: the test keeps start-up cheap.
    if line.contains([':', '：']) {
        if let Some(caps) = CAPTION.captures(line) {
            let credit = caps.name("credit").map_or("", |m| m.as_str());
            if credit.split_whitespace().count() <= 8 {
                return noise(RemovalReason::Caption, Some(credit));
            }
        }
    }
    if line.contains('©') {
        if let Some(caps) = COPYRIGHT_CREDIT.captures(line) {
            return noise(RemovalReason::Caption, caps.name("credit").map(|m| m.as_str()));
        }
    }
    if let Some(name) = handle_byline(line) {
        return noise(RemovalReason::Byline, Some(name));
    }
    if line.trim_end().ends_with(')') {
        if let Some(caps) = AGENCY_PHOTO.captures(line) {
            let credit = caps.name("credit").map_or("", |m| m.as_str());
            if credit.chars().count() <= MAX_AGENCY_CHARS {
                return noise(RemovalReason::Caption, Some(credit));
            }
        }
    }
    if line.contains('/') {
        if let Some(caps) = SLASH_CREDIT.captures(line) {
            return noise(RemovalReason::Caption, caps.name("lead").or(caps.name("tail")).map(|m| m.as_str()));
        }
    }
    if (starts_with_ignore_ascii_case(line, "open ") || starts_with_ignore_ascii_case(line, "view "))
        && GALLERY.is_match(line)
    {
        return noise(RemovalReason::Caption, None);
    }
    if words <= 25 && names_an_illustration(line) && ILLUSTRATION.is_match(line) {
        return noise(RemovalReason::Caption, None);
    }
    if words <= 12 && COUNTER.is_match(line) {
        return noise(RemovalReason::Counter, None);
    }
    if words <= 14 {
        if let Some(caps) = BYLINE.captures(line) {
            return noise(RemovalReason::Byline, caps.name("name").map(|m| m.as_str()));
        }
        if let Some(caps) = SOURCE_CREDIT.captures(line) {
            return noise(RemovalReason::SourceCredit, caps.name("source").map(|m| m.as_str()));
        }
        if is_dateline(line) {
            return noise(RemovalReason::Dateline, Some(line));
        }
    }
    if words <= 4 && PAGE_NUMBER.is_match(line) && line.chars().any(|c| !c.is_ascii_digit()) {
        return noise(RemovalReason::Boilerplate, None);
    }
    if words <= 16 && BOILERPLATE.is_match(line) {
        return noise(RemovalReason::Boilerplate, None);
    }
    if is_last && words <= 4 && NAME_ONLY.is_match(line) {
        return noise(RemovalReason::Byline, Some(line));
    }
    None
}

/// The words [`ILLUSTRATION`] looks for, to skip compiling it for lines without them.
const ILLUSTRATION_WORDS: &[&str] = &["ảnh minh họa", "ảnh chụp màn hình", "file photo", "getty images", "stock photo"];

fn names_an_illustration(line: &str) -> bool {
    let lower = line.to_lowercase();
    ILLUSTRATION_WORDS.iter().any(|w| lower.contains(w))
}

/// A name with a social-media handle, as closes many articles: "Jane Doe @janedoe".
fn handle_byline(line: &str) -> Option<&str> {
    let (name, handle) = line.rsplit_once('@')?;
    let name = name.strip_suffix(char::is_whitespace)?.trim_end();
    let handle_fits = (2..=MAX_HANDLE_CHARS).contains(&handle.chars().count())
        && handle.chars().all(|c| c.is_alphanumeric() || c == '_');
    (handle_fits && NAME_ONLY.is_match(name)).then_some(name)
}

fn starts_with_ignore_ascii_case(line: &str, prefix: &str) -> bool {
    line.get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// A line that is a date (and time, weekday, "Updated") and nothing else.
fn is_dateline(line: &str) -> bool {
    if !DATE_PART.is_match(line) {
        return false;
    }
    let without_dates = DATE_PART.replace_all(line, " ");
    let rest = DATE_FILLER.replace_all(&without_dates, "");
    rest.trim().is_empty()
}

/// A first line that is a headline: short, and not ended like a statement.
/// Headlines may ask or exclaim ("…: Liệu có đúng luật?").
pub fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=35).contains(&words) && line.chars().count() <= 250 && !ends_like_a_statement(line)
}

fn ends_like_a_statement(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '”', '’', '\'', '»', ')']);
    if let Some(before) = line.strip_suffix('.') {
        // An initial ("Cao Mỹ D.") or an abbreviation ("U.S.") does not end one.
        let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let mut chars = last_word.chars();
        let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        return !(initial || last_word.contains('.'));
    }
    line.ends_with(['…', ':', ';', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &str) -> Option<RemovalReason> {
        classify(line, false).map(|n| n.reason)
    }

    #[test]
    fn captions_and_credits() {
        let n = classify("Người đứng đầu NATO Jens Stoltenberg. Ảnh: Reuters", false).unwrap();
        assert_eq!(n, Noise { reason: RemovalReason::Caption, value: Some("Reuters".into()) });
        assert_eq!(reason("Photo: AP"), Some(RemovalReason::Caption));
        assert_eq!(reason("(Image: Getty)"), Some(RemovalReason::Caption));
        assert_eq!(reason("Ảnh minh họa"), Some(RemovalReason::Caption));
        assert_eq!(reason("The minister arrives in Hanoi. (AP Photo/Hau Dinh)"), Some(RemovalReason::Caption));
        assert_eq!(reason("Rain over the bay. (Reuters photos) "), Some(RemovalReason::Caption));
        let long_credit = "Rain. (the agency that took every one of these photos)";
        assert_eq!(reason(long_credit), None, "an agency is named in thirty characters or fewer");
        let opening = classify("Lena Ortiz / The Coast Wire Two divers on the reef at dawn.", false).unwrap();
        assert_eq!(opening, Noise { reason: RemovalReason::Caption, value: Some("Lena Ortiz".into()) });
        let closing = classify("The reef at dawn. Divers count the fish. ( Omar Haddad / Harbour Record )", false);
        assert_eq!(closing.unwrap().value.as_deref(), Some("Omar Haddad"));
        assert_eq!(reason("Red / Green lists are due on Monday."), None, "a slash between words is no credit");
        let gallery = "Open this photo in gallery FILE PHOTO: A tanker is seen in the harbour. Lena Ortiz/Reuters";
        assert_eq!(reason(gallery), Some(RemovalReason::Caption));
    }

    #[test]
    fn counters_bylines_datelines_furniture() {
        assert_eq!(reason("Bình luận (0)"), Some(RemovalReason::Counter));
        assert_eq!(reason("Comments (12)"), Some(RemovalReason::Counter));
        assert_eq!(reason("Chia sẻ"), Some(RemovalReason::Counter));
        assert_eq!(reason("Share"), Some(RemovalReason::Counter));
        assert_eq!(reason("Share | Tweet | Email"), Some(RemovalReason::Counter));
        assert_eq!(reason("By Jane Doe and John Roe, Reuters"), Some(RemovalReason::Byline));
        assert_eq!(reason("Thứ hai, 20/1/2020, 10:30 (GMT+7)"), Some(RemovalReason::Dateline));
        assert_eq!(reason("Updated: March 3, 2023 10:45 am EST"), Some(RemovalReason::Dateline));
        assert_eq!(reason("(Theo Reuters)"), Some(RemovalReason::SourceCredit));
        assert_eq!(reason("Xem thêm: Giá vàng hôm nay tăng mạnh"), Some(RemovalReason::Boilerplate));
        assert_eq!(reason("Page 2 of 5"), Some(RemovalReason::Boilerplate));
        assert_eq!(reason("1 / 3"), Some(RemovalReason::Boilerplate));
        assert_eq!(reason("Trang 4"), Some(RemovalReason::Boilerplate));
        assert_eq!(reason("2019"), None, "a bare number may be a table's");
        assert_eq!(reason("Advertisement"), Some(RemovalReason::Boilerplate));
        assert_eq!(reason("Like this story? Share it with a friend!"), Some(RemovalReason::Boilerplate));
        assert_eq!(reason("This slideshow requires JavaScript."), Some(RemovalReason::Boilerplate));
        assert_eq!(reason("from https://example.org/news/a-story.html"), Some(RemovalReason::Boilerplate));
        assert_eq!(reason("Jane Doe @janedoe"), Some(RemovalReason::Byline));
        assert_eq!(classify("Jane Doe @jane_doe", false).unwrap().value.as_deref(), Some("Jane Doe"));
        assert_eq!(reason("Write to Jane Doe @janedoe"), None, "the name is all of the line");
        assert_eq!(reason("Jane Doe @j"), None, "a handle has two characters or more");
        assert_eq!(reason("Jane Doe @jane.doe"), None);
        assert_eq!(
            reason("A cyclist rides past a closed plant in La Paz, November 19, 2019. © Reuters / David Mercado"),
            Some(RemovalReason::Caption)
        );
        assert_eq!(classify("Minh Anh", true).map(|n| n.reason), Some(RemovalReason::Byline));
        assert_eq!(classify("Minh Anh", false), None);
    }

    #[test]
    fn article_sentences_stay() {
        for line in [
            "Theo hãng tin Bloomberg, ông nói thêm rằng nhân viên NATO thường xuyên liên lạc với các đối tác.",
            "By the end of the year, the company expects sales to rise.",
            "Watch the video: the minister speaks to reporters.",
            "Share prices fell 3% on Monday after the announcement.",
            "Các quan chức đã gặp nhau vào tháng 2 tại The Hague.",
            "He said the photo: was taken in 2019 by a colleague who later left the paper for a job in the city.",
            "On Monday, March 3, 2023, the council voted.",
            "Tags on the new bottles will list the sugar content, the ministry said in a statement on Friday.",
            "Recommended doses were cut by half after the trial, the agency said.",
            "Ad hoc committees will review the budget before the vote next month.",
        ] {
            assert_eq!(classify(line, true), None, "{line}");
        }
    }

    #[test]
    fn headlines() {
        assert!(is_headline("Ink helps drive democracy in Asia"));
        assert!(is_headline("VEC từ chối phục vụ 2 ô tô: Liệu có đúng luật?"));
        assert!(is_headline("VKSND tỉnh Sóc Trăng xin lỗi oan sai “nữ hoàng lục bình”"));
        assert!(!is_headline("Ông nói: “Chúng tôi sẽ làm.”"));
        assert!(is_headline("Kẻ chủ mưu khai có liên lạc sau khi bắt giữ Cao Mỹ D."));
        assert!(!is_headline("NATO đang thúc đẩy phát triển các tiêu chuẩn chung cho các công nghệ mới."));
    }
}
