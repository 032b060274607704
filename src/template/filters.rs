//! What templates get besides the Brief: Markdown escaping of every value,
//! and filters for briefs (dates per locale, joined names, truncation,
//! ordinals, paragraphs).

use std::collections::BTreeMap;

use minijinja::{Error, ErrorKind, Output, State, Value};

/// What an undefined value prints as when rendering: visible, never a blank.
pub const UNDEFINED_MARKER: &str = "⟨undefined⟩";

/// Writes a value into Markdown: strings are escaped so that article text can
/// never add structure (headings, lists, links, tables, raw HTML) to the
/// brief; `safe` strings are written as they are.
pub fn markdown_formatter(out: &mut Output, _state: &mut State, value: &Value) -> Result<(), Error> {
    let written = if value.is_undefined() {
        out.write_str(UNDEFINED_MARKER)
    } else if value.is_none() {
        Ok(())
    } else if value.is_safe() {
        write!(out, "{value}")
    } else if let Some(text) = value.as_str() {
        out.write_str(&escape_inline(text))
    } else {
        out.write_str(&escape_inline(&value.to_string()))
    };
    written.map_err(|_| Error::new(ErrorKind::WriteFailure, "could not write the output"))
}

/// Escapes text for use inside a Markdown line: whitespace (newlines
/// included) becomes single spaces, and every character that could start
/// Markdown syntax is backslash-escaped. Rendered, the text reads the same.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut words = text.split_whitespace().peekable();
    let mut first = true;
    while let Some(word) = words.next() {
        for (i, c) in word.char_indices() {
            let at_line_start = first && i == 0;
            let escape =
                matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!' | '{' | '}')
                    || (at_line_start && matches!(c, '+' | '-' | '='))
                    || (first && matches!(c, '.' | ')') && word[..i].chars().all(|d| d.is_ascii_digit()) && i > 0);
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
        first = false;
        if words.peek().is_some() {
            out.push(' ');
        }
    }
    out
}

/// The source markers of an item of a many-article brief: " [1][3]" for an
/// item whose `sources` are 3 and 1, as the numbered source list reads them;
/// nothing for an item without sources.
pub fn source_marks(item: &Value) -> Value {
    let mut numbers: Vec<u64> = item
        .get_attr("sources")
        .ok()
        .and_then(|list| list.try_iter().ok().map(|it| it.filter_map(|v| u64::try_from(v).ok()).collect()))
        .unwrap_or_default();
    numbers.sort_unstable();
    numbers.dedup();
    let marks: String = numbers.iter().map(|n| format!("[{n}]")).collect();
    Value::from_safe_string(if marks.is_empty() { marks } else { format!(" {marks}") })
}

/// How dates and lists read in one locale.
#[derive(Debug, Clone)]
pub struct LocaleFormat {
    pub code: String,
    /// `{day}`, `{month}` and `{year}` are replaced.
    pub date_format: String,
    pub months: Vec<String>,
    /// The word before the last item of a list: "and", "và".
    pub and: String,
}

impl LocaleFormat {
    pub fn from_labels(code: &str, labels: &BTreeMap<String, String>, months: Vec<String>) -> Self {
        LocaleFormat {
            code: code.to_owned(),
            date_format: labels.get("date_format").cloned().unwrap_or_else(|| "{year}-{month}-{day}".to_owned()),
            months,
            and: labels.get("and").cloned().unwrap_or_else(|| "&".to_owned()),
        }
    }

    /// `2026-11-28` → "28 November 2026" / "ngày 28 tháng 11 năm 2026". Text that
    /// is not such a date is returned as it is.
    pub fn date(&self, value: &str) -> String {
        let Some((year, month, day)) = crate::date::parse(value) else { return value.to_owned() };
        let month_name = self.months.get(month as usize - 1).cloned().unwrap_or_else(|| month.to_string());
        self.date_format
            .replace("{day}", &day.to_string())
            .replace("{month}", &month_name)
            .replace("{year}", &year.to_string())
    }

    /// "A, B and C".
    pub fn join(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.and),
        }
    }

    /// 1 → "1st" / "thứ nhất".
    pub fn ordinal(&self, n: i64) -> String {
        match self.code.as_str() {
            "en" => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
            "vi" => match n {
                1 => "thứ nhất".to_owned(),
                4 => "thứ tư".to_owned(),
                n => format!("thứ {n}"),
            },
            _ => format!("{n}."),
        }
    }
}

/// Registers the brief filters for one locale.
pub fn register(env: &mut minijinja::Environment<'_>, locale: &LocaleFormat) {
    let format = locale.clone();
    env.add_filter("date", move |value: String| format.date(&value));
    let format = locale.clone();
    env.add_filter("join_names", move |value: Value| -> Result<String, Error> {
        let items: Vec<String> =
            value.try_iter()?.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).collect();
        Ok(format.join(&items))
    });
    let format = locale.clone();
    env.add_filter("ordinal", move |n: i64| format.ordinal(n));
    env.add_filter("truncate_words", |value: String, count: Option<usize>| {
        let count = count.unwrap_or(30);
        let words: Vec<&str> = value.split_whitespace().collect();
        if words.len() <= count {
            words.join(" ")
        } else {
            format!("{}…", words[..count].join(" "))
        }
    });
    env.add_filter("url", |value: String| {
        // Only web and mail links, with the characters that would end a
        // Markdown link destination percent-encoded.
        let lower = value.trim().to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")) {
            return Value::from_safe_string(String::new());
        }
        let mut encoded = String::with_capacity(value.len());
        for c in value.trim().chars() {
            match c {
                ' ' => encoded.push_str("%20"),
                '(' => encoded.push_str("%28"),
                ')' => encoded.push_str("%29"),
                '<' => encoded.push_str("%3C"),
                '>' => encoded.push_str("%3E"),
                c => encoded.push(c),
            }
        }
        Value::from_safe_string(encoded)
    });
    env.add_filter("paragraphs", |value: String| {
        let escaped: Vec<String> = value.split("\n\n").map(escape_inline).filter(|p| !p.is_empty()).collect();
        Value::from_safe_string(escaped.join("\n\n"))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_neutralizes_markdown_and_html() {
        assert_eq!(escape_inline("# Heading"), "\\# Heading");
        assert_eq!(escape_inline("- item"), "\\- item");
        assert_eq!(escape_inline("1. item"), "1\\. item");
        assert_eq!(escape_inline("a [link](x) <script>"), "a \\[link\\](x) \\<script\\>");
        assert_eq!(escape_inline("line\n\n## two"), "line \\#\\# two");
        assert_eq!(escape_inline("NATO đang thúc đẩy 3.5%"), "NATO đang thúc đẩy 3.5%");
    }

    #[test]
    fn dates_lists_ordinals() {
        let months = |prefix: &str| (1..=12).map(|m| format!("{prefix}{m}")).collect::<Vec<_>>();
        let mut labels = BTreeMap::new();
        labels.insert("date_format".to_owned(), "ngày {day} {month} năm {year}".to_owned());
        labels.insert("and".to_owned(), "và".to_owned());
        let vi = LocaleFormat::from_labels("vi", &labels, months("tháng "));
        assert_eq!(vi.date("2026-11-28"), "ngày 28 tháng 11 năm 2026");
        assert_eq!(vi.date("hôm qua"), "hôm qua");
        assert_eq!(vi.join(&["A".into(), "B".into(), "C".into()]), "A, B và C");
        assert_eq!(vi.ordinal(1), "thứ nhất");
        let en = LocaleFormat::from_labels("en", &BTreeMap::new(), vec![]);
        assert_eq!(en.ordinal(11), "11th");
        assert_eq!(en.ordinal(22), "22nd");
    }
}
