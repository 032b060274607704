//! Web-page markup before the extractor parses it: what can never be article
//! text is cut, and how deep the tags nest and how many attributes they carry
//! are measured.
//!
//! The extractor parses a page three times (and serializes it in between), so
//! every byte cut here is a byte not parsed three times: scripts, styles,
//! inline SVG and comments are half the bytes of a news page; long attributes
//! that only scripts read (`data-*` state, `srcset`, `onclick`) are a sixth of
//! the rest.

use std::ops::Range;

/// Elements cut with everything inside them. The extractor removes all of
/// these itself before it looks for the article; none holds article text.
/// JSON-LD scripts stay: they carry the author and date.
const CUT: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"iframe",
    b"textarea",
    b"svg",
    b"nav",
    b"aside",
    b"footer",
    b"figure",
    b"picture",
    b"video",
    b"audio",
    b"canvas",
    b"object",
    b"template",
];

/// Elements whose content is text up to the first closing tag, not markup.
const RAW_TEXT: &[&[u8]] = &[b"script", b"style", b"noscript", b"iframe", b"textarea", b"title"];

/// Elements that never have a closing tag, so never nest.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param", b"source",
    b"track", b"wbr",
];

/// `data-` attributes the extractor reads (lazy images, embedded forum posts,
/// component names that mark boilerplate); other `data-` attributes are
/// scripts' state.
const DATA_ATTRIBUTES_READ: &[&[u8]] = &[
    b"data-src",
    b"data-preloaded",
    b"data-test",
    b"data-testid",
    b"data-component",
    b"data-section",
    b"data-role",
    b"data-controller",
    b"data-lp-replacement-content",
];

/// The page without the elements in [`CUT`], comments, and attributes that
/// only scripts and image loaders read.
pub fn pruned(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0;
    let mut at = 0;
    // Names of elements found never closed.
    let mut left_open: Vec<&[u8]> = Vec::new();
    while let Some(offset) = position(b'<', &bytes[at..]) {
        let open = at + offset;
        let rest = &bytes[open..];
        if rest.starts_with(b"<!--") {
            out.push_str(&html[copied..open]);
            let end = find(bytes, open + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            (copied, at) = (end, end);
            continue;
        }
        let Some(tag) = Tag::read(bytes, open) else {
            at = open + 1;
            continue;
        };
        let name = &bytes[tag.name.clone()];
        let is_json_ld =
            name.eq_ignore_ascii_case(b"script") && find_ignore_case(&bytes[open..tag.end], 0, b"ld+json").is_some();
        let cut = !tag.closing && !is_json_ld && CUT.iter().any(|c| c.eq_ignore_ascii_case(name));
        if cut && !left_open.iter().any(|l| l.eq_ignore_ascii_case(name)) {
            if let Some(end) = element_end(bytes, &tag, name) {
                out.push_str(&html[copied..open]);
                (copied, at) = (end, end);
                continue;
            }
            // Where the parser closes it cannot be told, so its text stays. No
            // later one is looked for either: each search would read to the
            // end of the page again.
            left_open.push(name);
        }
        out.push_str(&html[copied..open]);
        tag.write_thinned(html, &mut out);
        (copied, at) = (tag.end, tag.end);
        if !tag.closing && RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name)) {
            // Kept raw text (JSON-LD, the title) is copied as it is.
            let closing = [b"</".as_slice(), name].concat();
            at = find_ignore_case(bytes, at, &closing).unwrap_or(bytes.len());
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// Where the element that `tag` opens ends: just past its closing tag, with
/// nested elements of the same name counted. `None` when it is never closed.
fn element_end(bytes: &[u8], tag: &Tag, name: &[u8]) -> Option<usize> {
    if tag.self_closed || VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
        return Some(tag.end);
    }
    if RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name)) {
        // Raw text is not markup: it ends at the first closing tag, or (as the
        // tokenizer reads it) with the page.
        let closing = [b"</".as_slice(), name].concat();
        let close = find_ignore_case(bytes, tag.end, &closing);
        return Some(close.and_then(|c| position(b'>', &bytes[c..]).map(|p| c + p + 1)).unwrap_or(bytes.len()));
    }
    let mut depth = 1;
    let mut at = tag.end;
    while let Some(offset) = position(b'<', &bytes[at..]) {
        let open = at + offset;
        match Tag::read(bytes, open) {
            Some(inner) if bytes[inner.name.clone()].eq_ignore_ascii_case(name) => {
                if inner.closing {
                    depth -= 1;
                } else if !inner.self_closed {
                    depth += 1;
                }
                if depth == 0 {
                    return Some(inner.end);
                }
                at = inner.end;
            }
            _ => at = open + 1,
        }
    }
    None
}

/// How deep the page's tags nest. Void elements and self-closed tags do not.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut at, mut depth, mut deepest) = (0, 0usize, 0);
    while let Some(offset) = position(b'<', &bytes[at..]) {
        let open = at + offset;
        let Some(close) = position(b'>', &bytes[open..]).map(|p| open + p) else { break };
        let tag = &bytes[open + 1..close];
        let closing = tag.first() == Some(&b'/');
        let name = &tag[usize::from(closing)..];
        let name = &name[..name.iter().position(|b| b.is_ascii_whitespace() || *b == b'/').unwrap_or(name.len())];
        let nests = name.first().is_some_and(u8::is_ascii_alphabetic)
            && !tag.ends_with(b"/")
            && !VOID.iter().any(|v| v.eq_ignore_ascii_case(name));
        if nests && closing {
            depth = depth.saturating_sub(1);
        } else if nests {
            depth += 1;
            deepest = deepest.max(depth);
        }
        at = close + 1;
    }
    deepest
}

/// How many attributes a page's tags carry: the parser checks each new
/// attribute against the others of its tag, so one tag of many attributes
/// costs their square.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AttributeCount {
    pub total: usize,
    pub most_in_one_tag: usize,
}

/// Counts the attributes of every tag, raw text (scripts, the title) skipped.
pub fn attribute_count(html: &str) -> AttributeCount {
    let bytes = html.as_bytes();
    let mut count = AttributeCount::default();
    let mut at = 0;
    while let Some(offset) = position(b'<', &bytes[at..]) {
        let open = at + offset;
        let Some(tag) = Tag::read(bytes, open) else {
            at = open + 1;
            continue;
        };
        count.total += tag.attributes.len();
        count.most_in_one_tag = count.most_in_one_tag.max(tag.attributes.len());
        at = tag.end;
        let name = &bytes[tag.name.clone()];
        if !tag.closing && RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name)) {
            let closing = [b"</".as_slice(), name].concat();
            at = find_ignore_case(bytes, at, &closing).unwrap_or(bytes.len());
        }
    }
    count
}

/// A start or end tag as the HTML tokenizer reads it.
struct Tag {
    /// Byte range of the tag name.
    name: Range<usize>,
    /// Each attribute's name, and the whole of it (`name` or `name=value`) as written.
    attributes: Vec<(Range<usize>, Range<usize>)>,
    closing: bool,
    self_closed: bool,
    /// Just past the `>`.
    end: usize,
    start: usize,
}

impl Tag {
    /// The tag at `open` (a `<`), or `None` when what follows is not a tag
    /// (`a < b`, `<!doctype>`, an unclosed tag at the end of the page).
    fn read(bytes: &[u8], open: usize) -> Option<Tag> {
        let mut at = open + 1;
        let closing = bytes.get(at) == Some(&b'/');
        at += usize::from(closing);
        if !bytes.get(at)?.is_ascii_alphabetic() {
            return None;
        }
        let name_start = at;
        while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
            at += 1;
        }
        let name = name_start..at;
        let mut attributes = Vec::new();
        let mut self_closed = false;
        loop {
            while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
                self_closed = bytes[at] == b'/';
                at += 1;
            }
            match bytes.get(at)? {
                b'>' => break,
                _ => self_closed = false,
            }
            let start = at;
            at += 1;
            while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>' | b'=') {
                at += 1;
            }
            let name_end = at;
            let mut after_name = at;
            while after_name < bytes.len() && is_space(bytes[after_name]) {
                after_name += 1;
            }
            if bytes.get(after_name) == Some(&b'=') {
                at = after_name + 1;
                while at < bytes.len() && is_space(bytes[at]) {
                    at += 1;
                }
                match bytes.get(at)? {
                    quote @ (b'"' | b'\'') => at += 1 + position(*quote, &bytes[at + 1..])? + 1,
                    _ => {
                        while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'>' {
                            at += 1;
                        }
                    }
                }
            }
            attributes.push((start..name_end, start..at));
        }
        Some(Tag { name, attributes, closing, self_closed, end: at + 1, start: open })
    }

    /// Writes the tag without the attributes only scripts read.
    fn write_thinned(&self, html: &str, out: &mut String) {
        let bytes = html.as_bytes();
        if self.attributes.iter().all(|(name, _)| is_read(&bytes[name.clone()])) {
            out.push_str(&html[self.start..self.end]);
            return;
        }
        out.push_str(&html[self.start..self.name.end]);
        for (_, whole) in self.attributes.iter().filter(|(name, _)| is_read(&bytes[name.clone()])) {
            out.push(' ');
            out.push_str(&html[whole.clone()]);
        }
        // A space keeps `/` out of an unquoted value before it.
        out.push_str(if self.self_closed { " />" } else { ">" });
    }
}

/// Whether the extractor (or the browser's layout it imitates) reads an
/// attribute of this name.
fn is_read(name: &[u8]) -> bool {
    let starts_with = |prefix: &[u8]| name.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    if starts_with(b"data-") {
        return DATA_ATTRIBUTES_READ.iter().any(|d| d.eq_ignore_ascii_case(name));
    }
    if starts_with(b"on") || starts_with(b"xlink:") {
        return false;
    }
    ![&b"srcset"[..], b"sizes", b"d"].iter().any(|n| n.eq_ignore_ascii_case(name))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn position(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

fn find_ignore_case(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_counted_per_tag_and_in_all_scripts_left_out() {
        let page = "<p class=lead id=\"a b\" hidden>x</p><script>if (a <b c d e>) {}</script><img src=x alt='y'/></p>";
        assert_eq!(attribute_count(page), AttributeCount { total: 5, most_in_one_tag: 3 });
        assert_eq!(attribute_count("a < b and c > d"), AttributeCount::default());
    }

    #[test]
    fn scripts_styles_and_comments_go_json_ld_stays() {
        let page = "<html><head><script>var a = '<p>no</p>';</script><STYLE>p{}</STYLE>\
             <script type=\"application/ld+json\">{\"author\":\"A <b>\"}</script></head>\
             <body><!-- <p>hidden</p> --><p>Kept</p><svg><text>chart</text></svg><noscript>x</noscript>\
             <scripted>y</scripted><script>unclosed";
        assert_eq!(
            pruned(page),
            "<html><head><script type=\"application/ld+json\">{\"author\":\"A <b>\"}</script></head>\
             <body><p>Kept</p><scripted>y</scripted>"
        );
        assert_eq!(pruned("Café <b>bold</b> <!-- x"), "Café <b>bold</b> ");
    }

    #[test]
    fn elements_without_article_text_go_with_what_they_hold() {
        let page = "<body><nav><ul><li><nav>inner</nav></li></ul>Menu</nav><p>One</p>\
             <figure><img src=a.jpg><figcaption>Photo</figcaption></figure><p>Two</p>\
             <aside>Related</aside><footer>© 2026</footer></body>";
        assert_eq!(pruned(page), "<body><p>One</p><p>Two</p></body>");
    }

    #[test]
    fn an_element_left_open_is_kept() {
        // Where the parser would close it cannot be told; the text stays.
        assert_eq!(pruned("<p>Before</p><aside><p>After</p>"), "<p>Before</p><aside><p>After</p>");
        assert_eq!(pruned("<aside><aside>Inner</aside><p>Text</p>"), "<aside><aside>Inner</aside><p>Text</p>");
        // Thousands left open are read once each, not to the end of the page each.
        let open = "<figure><p>x</p>".repeat(200_000);
        assert_eq!(pruned(&open).len(), open.len());
    }

    #[test]
    fn attributes_only_scripts_read_go() {
        let page = r#"<div class="story" data-state='{"a":"<b>"}' data-src="lazy.jpg" onclick="go()" id=main>"#;
        assert_eq!(pruned(page), r#"<div class="story" data-src="lazy.jpg" id=main>"#);
        assert_eq!(
            pruned(r#"<img srcset="a.jpg 1x, b.jpg 2x" sizes="50vw" alt="x > y" src=a.jpg />"#),
            r#"<img alt="x > y" src=a.jpg />"#
        );
        // Tags with nothing to drop are copied as written.
        let plain = r#"<a href="/x?a=1&b=2" class='c'  title=t>Link</a><br/>"#;
        assert_eq!(pruned(plain), plain);
    }

    #[test]
    fn text_that_is_not_markup_is_untouched() {
        for text in ["a < b and c > d", "x <3 y", "<", "<!doctype html><p>Hà Nội</p>", "<p title=\"unclosed>Tail"] {
            assert_eq!(pruned(text), text);
        }
        // A title's text is copied as it is, tags and all.
        assert_eq!(pruned("<title>A <nav> B</title>"), "<title>A <nav> B</title>");
    }

    #[test]
    fn nesting_depth_counts_elements_that_nest() {
        let deep = format!("<body>{}<p>Deep<br>text</p>{}<img src=x/></body>", "<div>".repeat(5), "</div>".repeat(5));
        assert_eq!(nesting_depth(&deep), 7);
        assert_eq!(nesting_depth("<p>a < b</p><hr/><META charset=utf-8>"), 1);
        assert_eq!(nesting_depth("no tags"), 0);
    }
}
