//! RSS and Atom feeds: an input whose items are the articles.
//!
//! A feed is read in three steps, each its own function, so that the caller
//! (the command line, the digest) decides what is fetched:
//!
//! - [`is_feed`] sniffs the bytes: after an optional BOM, XML declaration,
//!   processing instructions, comments and doctype, the root element is
//!   `<rss`, an Atom `<feed` or `<rdf:RDF`. Call it **before**
//!   [`super::html::is_page`]: a feed has a `<title>` near its start and would
//!   otherwise be taken for a web page.
//! - [`read`] parses the feed (RSS 0.9x, 1.0, 2.0 and Atom, through feed-rs)
//!   into a [`Feed`] of [`FeedItem`]s: title, link, author, day published
//!   (`YYYY-MM-DD`, the day the feed wrote, not shifted to UTC), and the body
//!   (`content:encoded` or Atom `content`, else the summary or description).
//! - For each item, [`FeedItem::carries_text`] says whether its body is the
//!   article itself (at least [`MIN_ARTICLE_WORDS`] words once tags are
//!   stripped) or a teaser. When it carries the text, [`FeedItem::to_input`]
//!   gives a web page of the body and the item's [`DocumentInfo`] (site name:
//!   the feed's title); read the page with `ingest(&bytes,
//!   &item.ingest_options())`, which gives the article its paragraphs and
//!   that metadata. Else the caller fetches [`FeedItem::link`] when online and
//!   may pass [`FeedItem::info`] as [`IngestOptions::info`] to fill what the
//!   fetched page does not say.
//!
//! ```
//! use briefsmith::ingest::{feed, ingest};
//! # let bytes = include_bytes!("../../tests/fixtures/feeds/harbourline.atom.xml");
//! assert!(feed::is_feed(bytes));
//! let feed = feed::read(bytes)?;
//! for item in feed.items.iter().filter(|item| item.carries_text()) {
//!     let (page, _info) = item.to_input();
//!     let article = ingest(&page, &item.ingest_options())?;
//!     assert_eq!(article.info.site_name.as_deref(), Some("The Harbourline Courier"));
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A feed with more than [`MAX_ITEMS`] items is read up to that many, with a
//! warning in [`Feed::warnings`]: feeds list the newest first, so the first
//! items are the ones an analyst wants, and refusing the whole feed would
//! leave them nothing. The feed is parsed whole before items are dropped; the
//! input itself is bounded by [`super::source::MAX_INPUT_BYTES`].

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use feed_rs::model;
use regex::Regex;
use thiserror::Error;

use super::format::Format;
use super::{normalize, DocumentInfo, IngestOptions};

/// Items read from one feed at most: the digest's limit too.
pub const MAX_ITEMS: usize = 1_000;

/// A body with fewer words than this (tags stripped) is a teaser, not the
/// article: news feeds' descriptions run 20 to 60 words, a short news item
/// 150 and more.
pub const MIN_ARTICLE_WORDS: usize = 80;

/// How far [`is_feed`] looks for the root element: past a long licence
/// comment or stylesheet instruction, not through a whole file.
const SNIFF_BYTES: usize = 64 * 1024;

const ATOM_NAMESPACE: &[u8] = b"http://www.w3.org/2005/Atom";

/// What can go wrong reading a feed. Each message says what was wrong and
/// what to do about it.
#[derive(Debug, Error)]
pub enum FeedError {
    #[error("this is not an RSS or Atom feed it could read: {0}; check that the address or file is the feed itself")]
    NotAFeed(String),
    #[error("the feed has no items; check that it is the right feed, or open an article instead")]
    NoItems,
}

/// A feed: its title (the outlet's name, usually) and its items, in the
/// feed's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feed {
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
    /// What was not read, e.g. the items past [`MAX_ITEMS`].
    pub warnings: Vec<String>,
}

/// One item of a feed: an article, or a pointer to one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedItem {
    pub title: Option<String>,
    /// The article's address.
    pub link: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`: the day published (else updated), as the feed wrote it.
    pub published: Option<String>,
    /// The item's body, HTML or text: `content:encoded` or Atom `content`,
    /// else the summary or description.
    pub content: Option<String>,
    /// Whether [`FeedItem::content`] is HTML (else plain text).
    pub content_is_html: bool,
    /// The feed's id for the item (its guid), else a hash of its link and
    /// title, else `item-N` (its position, from 1): the same feed gives the
    /// same ids.
    pub id: String,
    /// The feed's title, the outlet: the site name of the item's article.
    pub site_name: Option<String>,
}

/// Whether `bytes` are an RSS or Atom feed: the root element, after the XML
/// prologue, is `<rss`, `<feed` in the Atom namespace, or `<rdf:RDF`. Cheap:
/// it reads only up to the root's start tag. An HTML or XHTML page (root
/// `<html`) is not a feed, even one that mentions feeds.
pub fn is_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let Some(root) = root_start_tag(head) else { return false };
    // XML names are case-sensitive: `<RSS>` is no feed to feed-rs either.
    let named = |name: &[u8]| {
        root.starts_with(name) && matches!(root.get(name.len()), Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/'))
    };
    if named(b"rss") || named(b"rdf:RDF") {
        return true;
    }
    named(b"feed") && root.windows(ATOM_NAMESPACE.len()).any(|w| w == ATOM_NAMESPACE)
}

/// The root element's start tag, without its `<` (up to and including its
/// `>`, or to the end of `head`): the first tag that is not a declaration,
/// processing instruction, comment or doctype.
fn root_start_tag(head: &[u8]) -> Option<&[u8]> {
    let mut at = 0;
    loop {
        let rest = &head[at..];
        let skip = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        let rest = &rest[skip..];
        if !rest.starts_with(b"<") {
            return None;
        }
        let end = if rest.starts_with(b"<?") {
            find(rest, b"?>")? + 2
        } else if rest.starts_with(b"<!--") {
            find(rest, b"-->")? + 3
        } else if rest.starts_with(b"<!") {
            // A doctype; RSS 0.91's has no internal subset.
            find(rest, b">")? + 1
        } else {
            let tag = &rest[1..];
            let close = find(tag, b">").map_or(tag.len(), |i| i + 1);
            return Some(&tag[..close]);
        };
        at += skip + end;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads a feed. Items past [`MAX_ITEMS`] are dropped with a warning; a feed
/// without items is an error, as is anything feed-rs cannot parse.
pub fn read(bytes: &[u8]) -> Result<Feed, FeedError> {
    let parser = feed_rs::parser::Builder::new().timestamp_parser(day_as_written).id_generator(link_id).build();
    let parsed = parser.parse(bytes).map_err(|e| FeedError::NotAFeed(describe(&e)))?;
    if parsed.entries.is_empty() {
        return Err(FeedError::NoItems);
    }
    let title = parsed.title.as_ref().and_then(text_field);
    let mut warnings = Vec::new();
    let total = parsed.entries.len();
    if total > MAX_ITEMS {
        warnings.push(format!(
            "the feed has {total} items; only the first {MAX_ITEMS} were read (feeds list the newest first)"
        ));
    }
    let entries = parsed.entries.into_iter().take(MAX_ITEMS).enumerate();
    let items = entries.map(|(index, entry)| item(entry, index, title.as_deref())).collect();
    Ok(Feed { title, items, warnings })
}

/// feed-rs's error in the analyst's terms.
fn describe(error: &feed_rs::parser::ParseFeedError) -> String {
    use feed_rs::parser::{ParseErrorKind, ParseFeedError};
    match error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "it has no <rss>, <feed> or <rdf:RDF> element at its root".to_owned()
        }
        ParseFeedError::XmlReader(e) => format!("its XML is broken ({e})"),
        ParseFeedError::JsonSerde(_) | ParseFeedError::JsonUnsupportedVersion(_) => {
            "it is a JSON file, not an RSS or Atom feed".to_owned()
        }
        other => other.to_string(),
    }
}

/// An id for an item without a guid: feed-rs's hash of its link and title,
/// else none here and its position in [`item`]. feed-rs's own last resort is a
/// random UUID, and the same feed must give the same ids.
fn link_id(links: &[model::Link], title: &Option<model::Text>, _base: Option<&str>) -> String {
    links.first().map(|link| feed_rs::parser::generate_id_from_link_and_title(link, title)).unwrap_or_default()
}

/// `index` is the item's position in the feed, from 0.
fn item(entry: model::Entry, index: usize, site_name: Option<&str>) -> FeedItem {
    let link = entry_link(&entry);
    let author = entry.authors.iter().find_map(person_name);
    let published = entry.published.or(entry.updated).and_then(day);
    let (content, content_is_html) = body(&entry);
    let title = entry.title.as_ref().and_then(text_field);
    FeedItem {
        title,
        link,
        author,
        published,
        content,
        content_is_html,
        id: if entry.id.is_empty() { format!("item-{}", index + 1) } else { entry.id },
        site_name: site_name.map(str::to_owned),
    }
}

/// The article's address: the `alternate` link (Atom), else the first one.
fn entry_link(entry: &model::Entry) -> Option<String> {
    let alternate = entry.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"));
    alternate.or(entry.links.first()).map(|l| l.href.trim().to_owned()).filter(|h| !h.is_empty())
}

/// A person's name. RSS 2's `<author>` is meant to be an e-mail address,
/// often with the name after it in brackets (`desk@example.org (Lê Thu Hà)`),
/// and is often the name alone; feed-rs keeps it as the e-mail of a person
/// named "author". A bare address is not a name.
fn person_name(person: &model::Person) -> Option<String> {
    let Some(email) = person.email.as_deref().filter(|_| person.name == "author") else {
        return normalize::field(&person.name).filter(|n| !n.contains('@'));
    };
    let bracketed = email.split_once('(').and_then(|(_, rest)| rest.rsplit_once(')')).map(|(name, _)| name);
    normalize::field(bracketed.unwrap_or(email)).filter(|n| !n.contains('@'))
}

/// The body: `content:encoded` or Atom `content`, else the summary or
/// description; with whether it is HTML.
fn body(entry: &model::Entry) -> (Option<String>, bool) {
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?.trim();
        (!body.is_empty()).then(|| (body.to_owned(), is_html(&c.content_type)))
    });
    let summary = || {
        let text = entry.summary.as_ref()?;
        let body = text.content.trim();
        (!body.is_empty()).then(|| (body.to_owned(), is_html(&text.content_type)))
    };
    match content.or_else(summary) {
        Some((body, html)) => (Some(body), html),
        None => (None, false),
    }
}

/// feed-rs gives `text/plain` for Atom's `type="text"`; HTML, XHTML and XML
/// bodies are markup.
fn is_html(media: &impl std::fmt::Display) -> bool {
    !media.to_string().to_ascii_lowercase().starts_with("text/plain")
}

/// A title or other text construct as one line: an HTML one without its tags
/// and entities.
fn text_field(text: &model::Text) -> Option<String> {
    if is_html(&text.content_type) {
        normalize::field(&strip_tags(&text.content))
    } else {
        normalize::field(&text.content)
    }
}

/// A timestamp as feed-rs wants it, but on the day the feed wrote: the local
/// time is kept as if it were UTC. A Hà Nội item of 06:00 +07:00 on 3 December
/// is dated 3 December, not 2 December as in UTC.
fn day_as_written(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.naive_local().and_utc());
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(text) {
        return Some(t.naive_local().and_utc());
    }
    loose_day(text).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc())
}

static ISO_DAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})").expect("valid regex"));
static RFC822_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z]{3},?\s+)?(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(\d{4})\b",
    )
    .expect("valid regex")
});

/// The day of a timestamp chrono does not parse: an ISO date with an odd time
/// (`2026-12-03 06:00`), or an RFC 822 date with a zone name chrono does not
/// know (`Thu, 03 Dec 2026 06:00:00 ICT`).
fn loose_day(text: &str) -> Option<NaiveDate> {
    if let Some(c) = ISO_DAY.captures(text) {
        return NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    let c = RFC822_DAY.captures(text)?;
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let month = MONTHS.iter().position(|m| c[2].eq_ignore_ascii_case(m))? as u32 + 1;
    NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, c[1].parse().ok()?)
}

/// `YYYY-MM-DD`, for the years a news item can have.
fn day(time: DateTime<Utc>) -> Option<String> {
    let year = time.year();
    (1..=9999).contains(&year).then(|| format!("{year:04}-{:02}-{:02}", time.month(), time.day()))
}

/// Markup's text: tags dropped (with the content of scripts and styles),
/// entities decoded, a space where a tag was so that words do not run
/// together.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let tag = &rest[open..];
        let lower = tag.get(..7).unwrap_or(tag).to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            "</script"
        } else if lower.starts_with("<style") {
            "</style"
        } else {
            ">"
        };
        let Some(end) = find_ignore_case(tag, skip_to) else {
            rest = "";
            break;
        };
        let after = &tag[end..];
        rest = after.find('>').map_or("", |i| &after[i + 1..]);
    }
    out.push_str(rest);
    html_escape::decode_html_entities(&out).into_owned()
}

/// The byte offset of an ASCII `needle` in `haystack`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

impl FeedItem {
    /// Whether the body is the article itself, not a teaser: at least
    /// [`MIN_ARTICLE_WORDS`] words once tags are stripped. When it is not, the
    /// article is at [`FeedItem::link`].
    pub fn carries_text(&self) -> bool {
        let Some(content) = &self.content else { return false };
        let text = if self.content_is_html { Cow::Owned(strip_tags(content)) } else { Cow::Borrowed(content) };
        text.split_whitespace().take(MIN_ARTICLE_WORDS).count() >= MIN_ARTICLE_WORDS
    }

    /// What the item says about its article, for [`IngestOptions::info`].
    pub fn info(&self) -> DocumentInfo {
        DocumentInfo {
            title: self.title.clone(),
            author: self.author.clone(),
            published: self.published.clone(),
            site_name: self.site_name.clone(),
            url: self.link.clone(),
        }
    }

    /// The item's body as a web page for [`super::ingest`], and the item's
    /// metadata. The body goes inside `<article>` of a page whose head carries
    /// the same metadata (title, author, date, site, canonical address), so
    /// the page's own, which wins in `ingest`, agrees with the feed's. A text
    /// body is escaped, one paragraph per blank-line-separated block. An item
    /// without a body gives a page without an article: `ingest` then says no
    /// article was found.
    pub fn to_input(&self) -> (Vec<u8>, DocumentInfo) {
        let info = self.info();
        let mut page = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n");
        if let Some(title) = &info.title {
            page.push_str(&format!("<title>{}</title>\n", html_escape::encode_text(title)));
        }
        let mut meta = |open: &str, value: &Option<String>, close: &str| {
            if let Some(value) = value {
                page.push_str(open);
                page.push_str(&html_escape::encode_double_quoted_attribute(value));
                page.push_str(close);
            }
        };
        meta("<meta name=\"author\" content=\"", &info.author, "\">\n");
        meta("<meta property=\"article:published_time\" content=\"", &info.published, "\">\n");
        meta("<meta property=\"og:site_name\" content=\"", &info.site_name, "\">\n");
        meta("<link rel=\"canonical\" href=\"", &info.url, "\">\n");
        page.push_str("</head><body><article>\n");
        page.push_str(&self.body_html());
        page.push_str("\n</article></body></html>\n");
        (page.into_bytes(), info)
    }

    /// The options to read [`FeedItem::to_input`]'s bytes with: as a web
    /// page, with the item's metadata and address.
    pub fn ingest_options(&self) -> IngestOptions {
        IngestOptions {
            format: Some(Format::Html),
            url: self.link.clone(),
            info: Some(self.info()),
            ..IngestOptions::default()
        }
    }

    /// The body as HTML: as it is, or a text body escaped into paragraphs,
    /// split at blank lines, or at each line break when it has no blank line
    /// (HTML would join its lines into one paragraph).
    fn body_html(&self) -> String {
        let Some(content) = &self.content else { return String::new() };
        if self.content_is_html {
            return content.clone();
        }
        let normalized = normalize::normalize(content);
        let separator = if normalized.contains("\n\n") { "\n\n" } else { "\n" };
        let paragraphs = normalized.split(separator).map(str::trim).filter(|p| !p.is_empty());
        paragraphs.map(|p| format!("<p>{}</p>", html_escape::encode_text(p))).collect::<Vec<_>>().join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ingest, IngestError};

    const SONG_LAM: &[u8] = include_bytes!("../../tests/fixtures/feeds/song-lam.rss.xml");
    const HARBOURLINE: &[u8] = include_bytes!("../../tests/fixtures/feeds/harbourline.atom.xml");

    const RDF: &str = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://kestrel.example/"><title>Kestrel Valley Notes</title><link>https://kestrel.example/</link>
    <description>Fictional</description></channel>
  <item rdf:about="https://kestrel.example/mill"><title>The mill reopens</title>
    <link>https://kestrel.example/mill</link><description>The old mill at Fenwick Cross reopens.</description></item>
</rdf:RDF>"#;

    fn rss_with(items: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bản tin Đồi Chè</title>\
             <link>https://doiche.example/</link><description>hư cấu</description>{items}</channel></rss>"
        )
    }

    #[test]
    fn rss_atom_and_rdf_roots_are_feeds() {
        assert!(is_feed(SONG_LAM));
        assert!(is_feed(HARBOURLINE));
        assert!(is_feed(RDF.as_bytes()));
        let prologue = "\u{feff}<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"/feed.xsl\"?>\n\
                        <!-- generated -->\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \
                        \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel>";
        assert!(is_feed(prologue.as_bytes()));
        assert!(is_feed(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    }

    #[test]
    fn pages_text_and_look_alikes_are_not_feeds() {
        let page = "<!DOCTYPE html><html lang=\"vi\"><head><title>Tin Sông Lam</title>\
                    <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head>\
                    <body><p>Đăng ký <rss> của chúng tôi.</p><feed></feed></body></html>";
        assert!(!is_feed(page.as_bytes()));
        let xhtml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \
                     \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n\
                     <html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Feed</title></head><body/></html>";
        assert!(!is_feed(xhtml.as_bytes()));
        // A `<feed>` of some other vocabulary, and names that only begin like a feed's.
        assert!(!is_feed(b"<feed xmlns=\"urn:example:stock\"><item/></feed>"));
        assert!(!is_feed(b"<rssfeed version=\"2.0\">"));
        assert!(!is_feed(b"<feeds xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(!is_feed(b"The <rss> element starts a feed, the manual says."));
        assert!(!is_feed(b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"));
        assert!(!is_feed(b""));
        assert!(!is_feed(b"<?xml version=\"1.0\"?><!-- never closed"));
    }

    #[test]
    fn rss_items_keep_title_link_author_day_and_body() {
        let feed = read(SONG_LAM).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Tin Sông Lam"));
        assert!(feed.warnings.is_empty());
        assert_eq!(feed.items.len(), 2);

        let first = &feed.items[0];
        assert_eq!(first.title.as_deref(), Some("Bến phà Mây Hạ mở tuyến đêm từ tháng Giêng"));
        assert_eq!(first.link.as_deref(), Some("https://tinsonglam.example/thoi-su/ben-pha-may-ha-mo-tuyen-dem.html"));
        assert_eq!(first.author.as_deref(), Some("Nguyễn Văn Khải"));
        // 06:15 +07:00 on 3 December is 2 December in UTC; the feed's day is kept.
        assert_eq!(first.published.as_deref(), Some("2026-12-03"));
        assert_eq!(first.id, "tsl-2026-1203-001");
        assert_eq!(first.site_name.as_deref(), Some("Tin Sông Lam"));
        assert!(first.content_is_html);
        let content = first.content.as_deref().unwrap();
        assert!(
            content.starts_with("<p>Ban quản lý bến phà Mây Hạ"),
            "content:encoded wins over the description: {content}"
        );

        let second = &feed.items[1];
        assert_eq!(second.title.as_deref(), Some("Chợ nổi Cồn Sậy chuyển giờ họp"));
        assert_eq!(second.author.as_deref(), Some("Trần Thị Mai"), "the name in RSS <author>'s brackets");
        assert_eq!(second.published.as_deref(), Some("2026-12-02"));
        assert_eq!(second.id, "https://tinsonglam.example/dia-phuong/cho-noi-con-say.html");
        // The description is HTML; XML's `&amp;` is the one level of escaping it had.
        assert!(second.content_is_html);
        assert_eq!(
            second.content.as_deref(),
            Some("Từ tuần sau, chợ nổi Cồn Sậy họp từ 4 giờ sáng thay vì 5 giờ & kết thúc sớm hơn.")
        );
    }

    #[test]
    fn atom_entries_keep_title_link_author_day_and_body() {
        let feed = read(HARBOURLINE).unwrap();
        assert_eq!(feed.title.as_deref(), Some("The Harbourline Courier"));
        assert_eq!(feed.items.len(), 2);

        let first = &feed.items[0];
        assert_eq!(first.title.as_deref(), Some("Tide gauges & the new seawall at Grey Point"));
        assert_eq!(first.link.as_deref(), Some("https://harbourline.example/2026/11/grey-point-seawall"));
        assert_eq!(first.author.as_deref(), Some("Marta Okonjo-Reyes"));
        // Published, not updated; 23:40 −05:00 is 1 December in UTC.
        assert_eq!(first.published.as_deref(), Some("2026-11-30"));
        assert_eq!(first.id, "tag:harbourline.example,2026:grey-point-seawall");
        assert!(first.content_is_html);
        assert!(first.content.as_deref().unwrap().starts_with("<p>The Grey Point seawall will open"));

        let second = &feed.items[1];
        assert_eq!(second.title.as_deref(), Some("Ferry timetable changes for the winter"));
        assert_eq!(second.link.as_deref(), Some("https://harbourline.example/2026/11/ferry-winter"));
        assert_eq!(second.author, None);
        assert_eq!(second.published.as_deref(), Some("2026-11-28"), "updated when not published");
        assert!(!second.content_is_html);
        assert!(second.content.as_deref().unwrap().contains("October & the boats"));
    }

    #[test]
    fn rss_authors_are_names_not_addresses() {
        let author = |tag: &str| {
            let feed = read(rss_with(&format!("<item><title>Tin</title>{tag}</item>")).as_bytes()).unwrap();
            feed.items[0].author.clone()
        };
        assert_eq!(author("<author>Phạm Quốc An</author>").as_deref(), Some("Phạm Quốc An"));
        assert_eq!(author("<author>desk@doiche.example (Phạm Quốc An)</author>").as_deref(), Some("Phạm Quốc An"));
        assert_eq!(author("<author>desk@doiche.example</author>"), None);
        assert_eq!(author(""), None);
    }

    #[test]
    fn ids_are_the_same_for_the_same_feed() {
        let items = "<item><title>Có liên kết</title><link>https://doiche.example/a</link></item>\
                     <item><title>Không liên kết</title><description>Chỉ có mô tả.</description></item>";
        let first = read(rss_with(items).as_bytes()).unwrap();
        let again = read(rss_with(items).as_bytes()).unwrap();
        assert_eq!(first, again);
        assert_eq!(first.items[0].id.len(), 32, "a hash of link and title: {}", first.items[0].id);
        assert_eq!(first.items[1].id, "item-2");
    }

    #[test]
    fn rdf_items_are_read() {
        let feed = read(RDF.as_bytes()).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Kestrel Valley Notes"));
        assert_eq!(feed.items.len(), 1);
        assert_eq!(feed.items[0].title.as_deref(), Some("The mill reopens"));
        assert_eq!(feed.items[0].link.as_deref(), Some("https://kestrel.example/mill"));
        assert_eq!(feed.items[0].published, None);
    }

    #[test]
    fn dates_are_the_day_the_feed_wrote() {
        let day_of = |text: &str| day_as_written(text).and_then(day);
        assert_eq!(day_of("Thu, 03 Dec 2026 00:30:00 +0700").as_deref(), Some("2026-12-03"));
        assert_eq!(day_of("2026-12-03T23:30:00-08:00").as_deref(), Some("2026-12-03"));
        assert_eq!(day_of("Thu, 03 Dec 2026 06:00:00 ICT").as_deref(), Some("2026-12-03"));
        assert_eq!(day_of("3 December 2026 06:00").as_deref(), Some("2026-12-03"));
        assert_eq!(day_of("2026-12-03 06:00").as_deref(), Some("2026-12-03"));
        assert_eq!(day_of("2026-02-30"), None);
        assert_eq!(day_of("hôm qua"), None);
        assert_eq!(day_of(""), None);
    }

    #[test]
    fn carries_text_tells_articles_from_teasers() {
        let rss = read(SONG_LAM).unwrap();
        assert!(rss.items[0].carries_text());
        assert!(!rss.items[1].carries_text(), "a one-line description is a teaser");
        let atom = read(HARBOURLINE).unwrap();
        assert!(atom.items[0].carries_text());
        assert!(atom.items[1].carries_text(), "a long text body");

        let words = |n: usize| vec!["từ"; n].join(" ");
        let item = |content: String, html: bool| FeedItem {
            content: Some(content),
            content_is_html: html,
            ..FeedItem::default()
        };
        assert!(item(words(80), false).carries_text());
        assert!(!item(words(79), false).carries_text());
        // Tags and scripts are not words.
        let padded = format!("<p>{}</p><script>{}</script><img src=\"a.jpg\" alt=\"x\">", words(60), words(100));
        assert!(!item(padded, true).carries_text());
        assert!(!FeedItem::default().carries_text());
    }

    #[test]
    fn garbage_is_not_a_feed() {
        let err = read(b"\x00\x01 not xml at all").unwrap_err();
        assert!(matches!(err, FeedError::NotAFeed(_)), "{err:?}");
        assert!(err.to_string().starts_with("this is not an RSS or Atom feed it could read: "), "{err}");
        assert!(err.to_string().ends_with("; check that the address or file is the feed itself"), "{err}");
        let page = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>";
        assert!(matches!(read(page), Err(FeedError::NotAFeed(_))));
        assert!(matches!(read(b""), Err(FeedError::NotAFeed(_))));
        assert!(matches!(
            read(b"<rss version=\"2.0\"><channel><title>Cut"),
            Err(FeedError::NotAFeed(_)) | Err(FeedError::NoItems)
        ));
    }

    #[test]
    fn a_feed_without_items_is_an_error() {
        let err = read(rss_with("").as_bytes()).unwrap_err();
        assert!(matches!(err, FeedError::NoItems));
        assert_eq!(
            err.to_string(),
            "the feed has no items; check that it is the right feed, or open an article instead"
        );
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty Quay</title><id>x</id></feed>";
        assert!(matches!(read(atom.as_bytes()), Err(FeedError::NoItems)));
    }

    #[test]
    fn items_past_the_limit_are_dropped_with_a_warning() {
        let items: String = (0..MAX_ITEMS + 5)
            .map(|i| format!("<item><title>Mục {i}</title><link>https://doiche.example/{i}</link></item>"))
            .collect();
        let feed = read(rss_with(&items).as_bytes()).unwrap();
        assert_eq!(feed.items.len(), MAX_ITEMS);
        assert_eq!(feed.items[0].title.as_deref(), Some("Mục 0"));
        assert_eq!(feed.items[MAX_ITEMS - 1].link.as_deref(), Some("https://doiche.example/999"));
        assert_eq!(
            feed.warnings,
            vec!["the feed has 1005 items; only the first 1000 were read (feeds list the newest first)"]
        );
    }

    #[test]
    fn cut_and_odd_feeds_never_panic() {
        for feed in [SONG_LAM, HARBOURLINE, RDF.as_bytes()] {
            for end in (0..feed.len()).step_by(23) {
                let prefix = &feed[..end];
                let _ = is_feed(prefix);
                if let Ok(feed) = read(prefix) {
                    for item in &feed.items {
                        let _ = (item.carries_text(), item.to_input());
                    }
                }
            }
        }
        assert_eq!(strip_tags("a <b>b</b> <script>never closed"), "a  b   ");
        assert_eq!(strip_tags("<p unclosed"), " ");
    }

    #[test]
    fn an_rss_item_is_ingested_as_its_article() {
        let feed = read(SONG_LAM).unwrap();
        let item = &feed.items[0];
        let (bytes, info) = item.to_input();
        assert_eq!(
            info,
            DocumentInfo {
                title: Some("Bến phà Mây Hạ mở tuyến đêm từ tháng Giêng".into()),
                author: Some("Nguyễn Văn Khải".into()),
                published: Some("2026-12-03".into()),
                site_name: Some("Tin Sông Lam".into()),
                url: Some("https://tinsonglam.example/thoi-su/ben-pha-may-ha-mo-tuyen-dem.html".into()),
            }
        );
        assert!(!is_feed(&bytes), "the page is not taken for a feed again");
        let article = ingest(&bytes, &item.ingest_options()).unwrap();
        assert_eq!(article.format, Format::Html);
        assert_eq!(article.title, info.title);
        assert_eq!(article.info, info);
        let paragraphs: Vec<&str> = article.paragraphs.iter().map(|p| article.slice(p.span)).collect();
        assert_eq!(
            paragraphs,
            [
                "Ban quản lý bến phà Mây Hạ cho biết từ ngày 15 tháng Giêng, bến sẽ chạy thêm ba chuyến đêm mỗi ngày, chuyến cuối rời bờ bắc lúc 23 giờ.",
                "Theo ông Lương Đức Thịnh, trưởng ban quản lý, lượng khách qua sông sau 20 giờ đã tăng gần gấp đôi trong năm nay, chủ yếu là công nhân khu công nghiệp Đồng Vải tan ca muộn.",
                "\"Chúng tôi không muốn người lao động phải đi vòng thêm 18 km qua cầu Ngàn Lau,\" ông Thịnh nói.",
                "Mỗi chuyến đêm chở tối đa 40 xe máy và 120 hành khách. Giá vé giữ nguyên 5.000 đồng một lượt, trẻ em dưới sáu tuổi được miễn vé.",
            ]
        );
        // Also without the options: the bytes alone are read as a page with the same metadata.
        let bare = ingest(&bytes, &IngestOptions::default()).unwrap();
        assert_eq!(bare.info, info);
        assert_eq!(bare.text, article.text);
    }

    #[test]
    fn atom_entries_are_ingested_as_their_articles() {
        let feed = read(HARBOURLINE).unwrap();
        let html = &feed.items[0];
        let (bytes, info) = html.to_input();
        let article = ingest(&bytes, &html.ingest_options()).unwrap();
        assert_eq!(article.info, info);
        assert_eq!(article.info.title.as_deref(), Some("Tide gauges & the new seawall at Grey Point"));
        assert_eq!(article.info.site_name.as_deref(), Some("The Harbourline Courier"));
        assert_eq!(article.info.published.as_deref(), Some("2026-11-30"));
        let paragraphs: Vec<&str> = article.paragraphs.iter().map(|p| article.slice(p.span)).collect();
        assert_eq!(
            paragraphs,
            [
                "The Grey Point seawall will open to walkers in April, three months later than planned, the Harbour Works Board said on Monday after its engineers found the tide gauges on the outer wall reading five centimetres low.",
                "Board chair Idris Vantongeren said the gauges had been recalibrated and that the wall itself was sound. “Nothing about the concrete worries us,” he told the monthly meeting.",
                "The 1.2-kilometre wall cost 46 million crowns and is meant to protect around 2,300 homes in the lower town from the winter surges that flooded Quay Street twice last year.",
            ]
        );

        let text = &feed.items[1];
        let (bytes, info) = text.to_input();
        let article = ingest(&bytes, &text.ingest_options()).unwrap();
        assert_eq!(article.info, info);
        assert_eq!(article.info.author, None);
        assert_eq!(article.paragraphs.len(), 3);
        let last = article.slice(article.paragraphs[2].span);
        assert!(last.ends_with("because fewer visitors travel after October & the boats run half empty."), "{last}");
    }

    #[test]
    fn text_bodies_become_paragraphs() {
        let item = |content: &str| FeedItem { content: Some(content.into()), ..FeedItem::default() };
        assert_eq!(item("One.\nTwo <b>.\n\nThree.").body_html(), "<p>One.\nTwo &lt;b&gt;.</p>\n<p>Three.</p>");
        assert_eq!(item("One.\nTwo.\n").body_html(), "<p>One.</p>\n<p>Two.</p>");
        assert_eq!(FeedItem::default().body_html(), "");
    }

    #[test]
    fn a_feed_in_a_legacy_encoding_is_decoded_as_it_declares() {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>\
                   <title>Le Petit Courrier de Brévanne</title><item><title>Café crème à la mairie</title>\
                   <link>https://brevanne.example/cafe</link></item></channel></rss>";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(xml);
        assert!(!unmappable);
        let feed = read(&bytes).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Le Petit Courrier de Brévanne"));
        assert_eq!(feed.items[0].title.as_deref(), Some("Café crème à la mairie"));
    }

    #[test]
    fn metadata_is_escaped_into_the_page() {
        let item = FeedItem {
            title: Some("Quay \"Seven\" <reopens> & more".into()),
            site_name: Some("A \"quoted\" <site>".into()),
            content: Some("One line.".into()),
            ..FeedItem::default()
        };
        let (bytes, _) = item.to_input();
        let page = String::from_utf8(bytes).unwrap();
        assert!(page.contains("<title>Quay \"Seven\" &lt;reopens&gt; &amp; more</title>"), "{page}");
        assert!(page.contains("content=\"A &quot;quoted&quot; &lt;site&gt;\""), "{page}");
        assert!(page.contains("<p>One line.</p>"), "{page}");
    }

    #[test]
    fn an_item_without_a_body_is_no_article() {
        let item = FeedItem { title: Some("Only a headline".into()), ..FeedItem::default() };
        let (bytes, _) = item.to_input();
        assert!(matches!(ingest(&bytes, &item.ingest_options()), Err(IngestError::NoArticle { .. })));
    }
}
