//! A pass over the finished PDF for what printpdf does not write the way a
//! reader expects: an outline of the headings, nested and in document order
//! (printpdf's bookmarks are flat and sorted by name), links inside the
//! document (printpdf knows only web links), and subset font names with the
//! `ABCDEF+` tag that marks a subset; and the structure tree of a tagged PDF.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use printpdf::OffsetDateTime;

use super::tags::Tree;
use crate::render::DocumentInfo;

/// A heading, for the outline.
#[derive(Debug, Clone)]
pub struct OutlineEntry {
    pub level: u8,
    pub title: String,
    /// Zero-based page index.
    pub page: usize,
    /// The heading's top, in points from the page's bottom.
    pub y: f32,
}

/// Where a link inside the document (`#id`) leads.
#[derive(Debug, Clone)]
pub struct Anchor {
    pub id: String,
    /// Zero-based page index.
    pub page: usize,
    /// In points from the page's bottom.
    pub y: f32,
}

pub fn post_process(
    bytes: &[u8],
    outline: &[OutlineEntry],
    anchors: &[Anchor],
    tree: &Tree,
    document: &DocumentInfo,
    pdf_a_created: Option<OffsetDateTime>,
) -> Result<Vec<u8>, String> {
    let mut doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    doc.trailer.set("ID", document_id(bytes));
    link_inside(&mut doc, anchors);
    if !outline.is_empty() {
        write_outline(&mut doc, outline)?;
    }
    tree.write(&mut doc, &document.language)?;
    if let Some(created) = pdf_a_created {
        super::archive::make_archival(&mut doc, document, created)?;
    }
    // Object streams would save a kilobyte or two on a brief, but lopdf
    // builds them in memory: a long brief's peak memory grew by half.
    doc.version = "1.7".to_owned();
    let mut out = Vec::with_capacity(bytes.len() + 4096);
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// The file identifier (ISO 32000-1, 14.4), both halves made from the
/// document's objects, without printpdf's random one at the end: the same
/// brief gives the same bytes, within one run of the app and across runs.
fn document_id(bytes: &[u8]) -> Object {
    let body = bytes.windows(7).rposition(|w| w == b"trailer").map_or(bytes, |end| &bytes[..end]);
    let fnv = |seed: u64| body.iter().fold(seed, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let id = format!("{:016x}{:016x}", fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142)).into_bytes();
    Object::Array(vec![
        Object::String(id.clone(), lopdf::StringFormat::Hexadecimal),
        Object::String(id, lopdf::StringFormat::Hexadecimal),
    ])
}

/// Turns the web links whose address is `#id` (as the layout drew them)
/// into links to the anchor's place; one to no known anchor is left inert.
fn link_inside(doc: &mut Document, anchors: &[Anchor]) {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let destination = |id: &[u8]| -> Option<Object> {
        let anchor = anchors.iter().find(|a| a.id.as_bytes() == id)?;
        let page = *pages.get(anchor.page)?;
        Some(Object::Array(vec![
            Object::Reference(page),
            Object::Name(b"XYZ".to_vec()),
            Object::Null,
            Object::Real(anchor.y),
            Object::Null,
        ]))
    };
    fn visit(object: &mut Object, destination: &dyn Fn(&[u8]) -> Option<Object>) {
        match object {
            Object::Array(items) => items.iter_mut().for_each(|item| visit(item, destination)),
            Object::Dictionary(dict) => {
                let target = dict
                    .get(b"A")
                    .and_then(Object::as_dict)
                    .and_then(|action| action.get(b"URI"))
                    .and_then(Object::as_str)
                    .ok()
                    .and_then(|uri| uri.strip_prefix(b"#"))
                    .map(<[u8]>::to_vec);
                if let Some(id) = target {
                    dict.remove(b"A");
                    if let Some(dest) = destination(&id) {
                        dict.set("Dest", dest);
                    }
                } else {
                    dict.iter_mut().for_each(|(_, value)| visit(value, destination));
                }
            }
            _ => {}
        }
    }
    for object in doc.objects.values_mut() {
        visit(object, &destination);
    }
}

/// A PDF text string: UTF-16BE with a byte order mark, so any script survives.
pub(super) fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn write_outline(doc: &mut Document, entries: &[OutlineEntry]) -> Result<(), String> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    // Each entry's parent is the nearest earlier entry of a higher level.
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        while stack.last().is_some_and(|&p| entries[p].level >= entry.level) {
            stack.pop();
        }
        parents.push(stack.last().copied());
        stack.push(i);
    }
    let children =
        |parent: Option<usize>| -> Vec<usize> { (0..entries.len()).filter(|&i| parents[i] == parent).collect() };
    for (i, entry) in entries.iter().enumerate() {
        let page = *pages.get(entry.page).ok_or("an outline entry points past the last page")?;
        let siblings = children(parents[i]);
        let position = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut item = Dictionary::new();
        item.set("Title", text_string(&entry.title));
        item.set("Parent", Object::Reference(parents[i].map_or(root_id, |p| ids[p])));
        if position > 0 {
            item.set("Prev", Object::Reference(ids[siblings[position - 1]]));
        }
        if let Some(&next) = siblings.get(position + 1) {
            item.set("Next", Object::Reference(ids[next]));
        }
        let kids = children(Some(i));
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            item.set("First", Object::Reference(ids[first]));
            item.set("Last", Object::Reference(ids[last]));
            item.set("Count", Object::Integer(kids.len() as i64));
        }
        item.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(entry.y),
                Object::Null,
            ]),
        );
        doc.objects.insert(ids[i], Object::Dictionary(item));
    }
    let top = children(None);
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        root.set("First", Object::Reference(ids[first]));
        root.set("Last", Object::Reference(ids[last]));
    }
    root.set("Count", Object::Integer(top.len() as i64));
    doc.objects.insert(root_id, Object::Dictionary(root));
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("Outlines", Object::Reference(root_id));
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    Ok(())
}
