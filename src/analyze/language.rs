//! Which language an article is in: whatlang, reported as an ISO 639-1 code
//! where one exists (`vi`, `en`), else ISO 639-3.

/// The language of `text`, or `None` when the text is too short or too mixed to
/// tell. Reads at most the first 10,000 bytes: enough to decide, and the cost
/// stays flat however long the article is.
pub fn detect(text: &str) -> Option<String> {
    let sample = &text[..crate::ingest::format::floor_char_boundary(text, 10_000)];
    let info = whatlang::detect(sample)?;
    Some(code(info.lang()))
}

fn code(lang: whatlang::Lang) -> String {
    let three = lang.code();
    isolang::Language::from_639_3(three).and_then(|l| l.to_639_1()).map_or_else(|| three.to_owned(), str::to_owned)
}

/// Checks a `--lang` value: a two- or three-letter ISO 639 code.
pub fn parse_code(value: &str) -> Option<String> {
    let lower = value.trim().to_ascii_lowercase();
    let known = match lower.len() {
        2 => isolang::Language::from_639_1(&lower).is_some(),
        3 => isolang::Language::from_639_3(&lower).is_some(),
        _ => false,
    };
    known.then_some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_and_english() {
        assert_eq!(
            detect("Các quan chức từ hơn 60 chính phủ đã gặp nhau để thảo luận về những hệ quả đạo đức.").as_deref(),
            Some("vi")
        );
        assert_eq!(
            detect("Officials from more than 60 governments met to discuss the ethical consequences.").as_deref(),
            Some("en")
        );
    }

    #[test]
    fn codes_are_checked() {
        assert_eq!(parse_code("VI").as_deref(), Some("vi"));
        assert_eq!(parse_code("vie").as_deref(), Some("vie"));
        assert_eq!(parse_code("xx"), None);
        assert_eq!(parse_code("vietnamese"), None);
    }
}
