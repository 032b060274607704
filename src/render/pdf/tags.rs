//! Tagged PDF: the structure tree that says what each piece of a page is
//! (heading, paragraph, list item, quotation, table cell) in the order the
//! Markdown gives them, so a screen reader or a reflowing viewer reads the
//! brief as it was written. The layout marks each block's lines on a page as
//! one run of its element (a link's words as a run of their own); running
//! headers, footers, banners and rules are marked as artifacts, which
//! readers skip.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};
use printpdf::{DictItem, Op};

/// A structure element's standard type (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Document,
    Heading(u8),
    Paragraph,
    List,
    ListItem,
    Label,
    ListBody,
    BlockQuote,
    Table,
    TableRow,
    TableHeader,
    TableCell,
    Link,
    Figure,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Heading(1) => "H1",
            Role::Heading(2) => "H2",
            Role::Heading(3) => "H3",
            Role::Heading(4) => "H4",
            Role::Heading(5) => "H5",
            Role::Heading(_) => "H6",
            Role::Paragraph => "P",
            Role::List => "L",
            Role::ListItem => "LI",
            Role::Label => "Lbl",
            Role::ListBody => "LBody",
            Role::BlockQuote => "BlockQuote",
            Role::Table => "Table",
            Role::TableRow => "TR",
            Role::TableHeader => "TH",
            Role::TableCell => "TD",
            Role::Link => "Link",
            Role::Figure => "Figure",
        }
    }
}

/// One element's child: another element, or a marked run of page content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kid {
    Element(usize),
    Content {
        page: usize,
        mcid: usize,
    },
    /// The `index`-th link annotation of the page, in drawing order.
    Annotation {
        page: usize,
        index: usize,
    },
}

#[derive(Debug, Clone)]
struct Element {
    role: Role,
    parent: Option<usize>,
    kids: Vec<Kid>,
    /// What a figure shows, in words (`/Alt`).
    alt: Option<String>,
}

/// The structure tree as the layout builds it. Element 0 is the Document.
#[derive(Debug, Clone)]
pub struct Tree {
    elements: Vec<Element>,
    /// Per page, the element each marked-content id belongs to.
    mcid_owners: Vec<Vec<usize>>,
    /// Per page, the Link element of each link annotation, in drawing order.
    links: Vec<Vec<usize>>,
}

impl Default for Tree {
    fn default() -> Self {
        Tree {
            elements: vec![Element { role: Role::Document, parent: None, kids: Vec::new(), alt: None }],
            mcid_owners: Vec::new(),
            links: Vec::new(),
        }
    }
}

impl Tree {
    pub const DOCUMENT: usize = 0;

    /// A new element, the last child of `parent`.
    pub fn add(&mut self, parent: usize, role: Role) -> usize {
        let id = self.elements.len();
        self.elements.push(Element { role, parent: Some(parent), kids: Vec::new(), alt: None });
        self.elements[parent].kids.push(Kid::Element(id));
        id
    }

    /// A new Figure showing `alt`, read before everything else in the
    /// document: the logo at the top of the first page.
    pub fn first_figure(&mut self, alt: &str) -> usize {
        let id = self.elements.len();
        self.elements.push(Element {
            role: Role::Figure,
            parent: Some(Self::DOCUMENT),
            kids: Vec::new(),
            alt: Some(alt.to_owned()),
        });
        self.elements[Self::DOCUMENT].kids.insert(0, Kid::Element(id));
        id
    }

    /// Opens a run of content of `element` on page `page` (zero-based):
    /// the operator that starts it, to be closed by [`end`].
    pub fn begin(&mut self, element: usize, page: usize) -> Op {
        if self.mcid_owners.len() <= page {
            self.mcid_owners.resize(page + 1, Vec::new());
        }
        let mcid = self.mcid_owners[page].len();
        self.mcid_owners[page].push(element);
        self.elements[element].kids.push(Kid::Content { page, mcid });
        let map = BTreeMap::from([("MCID".to_owned(), DictItem::Int(mcid as i64))]);
        Op::BeginMarkedContentWithProperties {
            tag: self.elements[element].role.name().to_owned(),
            properties: DictItem::Dict { map },
        }
    }

    /// Opens the text of a link inside `parent` on page `page`: a Link
    /// element holding that text and the link's annotation, which the layout
    /// draws next on that page.
    pub fn link(&mut self, parent: usize, page: usize) -> Op {
        let link = self.add(parent, Role::Link);
        if self.links.len() <= page {
            self.links.resize(page + 1, Vec::new());
        }
        let index = self.links[page].len();
        self.links[page].push(link);
        let begin = self.begin(link, page);
        self.elements[link].kids.push(Kid::Annotation { page, index });
        begin
    }

    /// The elements of each role, in reading order (for tests and checks).
    #[cfg(test)]
    fn roles(&self) -> Vec<&'static str> {
        self.elements.iter().map(|e| e.role.name()).collect()
    }

    /// Writes the tree into `doc`, whose pages are the layout's in order,
    /// and marks the document as tagged, in `language`.
    pub fn write(&self, doc: &mut Document, language: &str) -> Result<(), String> {
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let annotations = self.indirect_annotations(doc, &pages)?;
        let root_id = doc.new_object_id();
        let ids: Vec<ObjectId> = self.elements.iter().map(|_| doc.new_object_id()).collect();
        let page_of = |page: usize| pages.get(page).copied().ok_or("marked content on a page past the last");
        for (i, element) in self.elements.iter().enumerate() {
            // No /Type: it is optional, and a long brief has many elements.
            let mut dict = Dictionary::new();
            dict.set("S", Object::Name(element.role.name().as_bytes().to_vec()));
            dict.set("P", Object::Reference(element.parent.map_or(root_id, |p| ids[p])));
            if let Some(alt) = &element.alt {
                dict.set("Alt", Object::String(utf16(alt), lopdf::StringFormat::Hexadecimal));
            }
            // Content all on one page names the page once, on the element.
            let content_pages: Vec<usize> = element
                .kids
                .iter()
                .filter_map(|k| match k {
                    Kid::Content { page, .. } => Some(*page),
                    Kid::Element(_) | Kid::Annotation { .. } => None,
                })
                .collect();
            let one_page = content_pages.first().filter(|&&first| content_pages.iter().all(|&p| p == first));
            if let Some(&page) = one_page {
                dict.set("Pg", Object::Reference(page_of(page)?));
            }
            let mut kids = Vec::with_capacity(element.kids.len());
            for kid in &element.kids {
                if let Kid::Annotation { page, index } = *kid {
                    let Some(&annotation) = annotations.get(page).and_then(|a| a.get(index)) else { continue };
                    let mut reference = Dictionary::new();
                    reference.set("Type", Object::Name(b"OBJR".to_vec()));
                    reference.set("Pg", Object::Reference(page_of(page)?));
                    reference.set("Obj", Object::Reference(annotation));
                    kids.push(Object::Dictionary(reference));
                    continue;
                }
                kids.push(match *kid {
                    Kid::Element(e) => Object::Reference(ids[e]),
                    Kid::Annotation { .. } => unreachable!("taken above"),
                    Kid::Content { mcid, .. } if one_page.is_some() => Object::Integer(mcid as i64),
                    Kid::Content { page, mcid } => {
                        let mut reference = Dictionary::new();
                        reference.set("Type", Object::Name(b"MCR".to_vec()));
                        reference.set("Pg", Object::Reference(page_of(page)?));
                        reference.set("MCID", Object::Integer(mcid as i64));
                        Object::Dictionary(reference)
                    }
                });
            }
            // One kid stands alone, as most elements have.
            match <[Object; 1]>::try_from(kids) {
                Ok([kid]) => dict.set("K", kid),
                Err(kids) => dict.set("K", Object::Array(kids)),
            }
            doc.objects.insert(ids[i], Object::Dictionary(dict));
        }
        // The parent tree: for each page, the element of each of its marked runs.
        let mut numbers = Vec::new();
        for (index, page) in pages.iter().enumerate() {
            let marks = self.mcid_owners.get(index).map(Vec::as_slice).unwrap_or_default();
            numbers.push(Object::Integer(index as i64));
            numbers.push(Object::Array(marks.iter().map(|&e| Object::Reference(ids[e])).collect()));
            let page = doc.get_object_mut(*page).and_then(Object::as_dict_mut).map_err(|e| e.to_string())?;
            page.set("StructParents", Object::Integer(index as i64));
            // Links and other annotations are visited in the structure's order.
            page.set("Tabs", Object::Name(b"S".to_vec()));
        }
        // Then each link annotation, keyed after the pages, to its Link element.
        let mut next_key = pages.len();
        for (page, page_annotations) in annotations.iter().enumerate() {
            for (index, &annotation) in page_annotations.iter().enumerate() {
                let link = self.links[page][index];
                let dict = doc.get_object_mut(annotation).and_then(Object::as_dict_mut).map_err(|e| e.to_string())?;
                dict.set("StructParent", Object::Integer(next_key as i64));
                numbers.push(Object::Integer(next_key as i64));
                numbers.push(Object::Reference(ids[link]));
                next_key += 1;
            }
        }
        let mut parent_tree = Dictionary::new();
        parent_tree.set("Nums", Object::Array(numbers));
        let mut root = Dictionary::new();
        root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
        root.set("K", Object::Reference(ids[Tree::DOCUMENT]));
        root.set("ParentTree", Object::Dictionary(parent_tree));
        root.set("ParentTreeNextKey", Object::Integer(next_key as i64));
        doc.objects.insert(root_id, Object::Dictionary(root));

        let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
        catalog.set("StructTreeRoot", Object::Reference(root_id));
        let mut mark_info = Dictionary::new();
        mark_info.set("Marked", Object::Boolean(true));
        catalog.set("MarkInfo", Object::Dictionary(mark_info));
        if !language.trim().is_empty() {
            catalog.set("Lang", Object::string_literal(language.trim()));
        }
        // A reader's title bar shows the brief's title, not the file name.
        let mut preferences = Dictionary::new();
        preferences.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(preferences));
        Ok(())
    }
}

impl Tree {
    /// Makes each page's link annotations indirect objects, which a Link
    /// element can point to, and returns them by page. A page whose
    /// annotations are not the links the layout drew is left as it is.
    fn indirect_annotations(&self, doc: &mut Document, pages: &[ObjectId]) -> Result<Vec<Vec<ObjectId>>, String> {
        let mut out = Vec::with_capacity(pages.len());
        for (index, &page) in pages.iter().enumerate() {
            let expected = self.links.get(index).map_or(0, Vec::len);
            let items = match doc.get_dictionary(page).and_then(|p| p.get(b"Annots")) {
                Ok(Object::Array(items)) if items.len() == expected => items.clone(),
                _ => {
                    out.push(Vec::new());
                    continue;
                }
            };
            let mut ids = Vec::with_capacity(items.len());
            for item in items {
                ids.push(match item {
                    Object::Reference(id) => id,
                    direct => doc.add_object(direct),
                });
            }
            let references = ids.iter().map(|&id| Object::Reference(id)).collect();
            let page = doc.get_object_mut(page).and_then(Object::as_dict_mut).map_err(|e| e.to_string())?;
            page.set("Annots", Object::Array(references));
            out.push(ids);
        }
        Ok(out)
    }
}

/// Where the links of a line go: Link elements inside `parent`, on `page`.
pub struct LinkTags<'t> {
    pub tree: &'t mut Tree,
    pub parent: usize,
    pub page: usize,
}

/// Closes a run opened by [`Tree::begin`] or [`artifact`].
pub fn end() -> Op {
    Op::EndMarkedContent
}

/// Opens a run of content that is no part of the brief's text: a running
/// header or footer, a banner, a rule.
pub fn artifact() -> Op {
    Op::BeginMarkedContent { tag: "Artifact".to_owned() }
}

/// Opens a span whose glyphs stand together for `text` (a consonant and
/// the vowel sign drawn before it, a letter and its marks), which a reader
/// copying or searching takes instead of the glyphs' own texts.
pub fn actual_text(text: &str) -> Op {
    let map = BTreeMap::from([("ActualText".to_owned(), DictItem::String { data: utf16(text), literal: false })]);
    Op::BeginMarkedContentWithProperties { tag: "Span".to_owned(), properties: DictItem::Dict { map } }
}

/// A PDF text string in UTF-16BE with its byte order mark, for any script.
fn utf16(text: &str) -> Vec<u8> {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_runs_are_numbered_per_page_in_drawing_order() {
        let mut tree = Tree::default();
        let heading = tree.add(Tree::DOCUMENT, Role::Heading(1));
        let paragraph = tree.add(Tree::DOCUMENT, Role::Paragraph);
        let mcid = |op: Op| match op {
            Op::BeginMarkedContentWithProperties { properties: DictItem::Dict { map }, .. } => map["MCID"].clone(),
            other => panic!("not a marked run: {other:?}"),
        };
        assert!(matches!(mcid(tree.begin(heading, 0)), DictItem::Int(0)));
        assert!(matches!(mcid(tree.begin(paragraph, 0)), DictItem::Int(1)));
        // The paragraph runs over to the next page, where numbering starts again.
        assert!(matches!(mcid(tree.begin(paragraph, 1)), DictItem::Int(0)));
        assert_eq!(tree.mcid_owners, vec![vec![heading, paragraph], vec![paragraph]]);
        assert_eq!(tree.roles(), ["Document", "H1", "P"]);
    }
}
