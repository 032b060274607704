//! PDF/A-2b (ISO 19005-2, level B), the archival form many organisations
//! require for what they file: the document's properties stated twice, in
//! the Info dictionary and in XMP metadata that says which PDF/A it is, with
//! the same values; an sRGB output intent for its colours; every annotation
//! printable. Fonts are embedded (subset) in every PDF Briefsmith writes,
//! nothing is encrypted, and nothing is drawn from outside the file (web
//! links are annotations, which PDF/A allows).

use lopdf::{Dictionary, Document, Object, Stream};
use printpdf::OffsetDateTime;

use super::finish::text_string;
use super::icc;
use crate::render::DocumentInfo;

/// The properties as both places state them.
struct Properties<'a> {
    title: &'a str,
    author: &'a str,
    subject: &'a str,
    keywords: String,
    language: &'a str,
    creator: &'a str,
    producer: String,
    /// As the Info dictionary writes a date, and as XMP does.
    pdf_date: String,
    xmp_date: String,
}

/// Makes `doc` a PDF/A-2b file describing `document`, made at `created`.
pub fn make_archival(doc: &mut Document, document: &DocumentInfo, created: OffsetDateTime) -> Result<(), String> {
    let (year, month, day) = (created.year(), u8::from(created.month()), created.day());
    let (hour, minute, second) = (created.hour(), created.minute(), created.second());
    let properties = Properties {
        title: document.title.trim(),
        author: document.author.trim(),
        subject: document.subject.trim(),
        keywords: document.keywords.join(", "),
        language: document.language.trim(),
        creator: super::CREATOR,
        producer: super::producer(),
        pdf_date: format!("D:{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z"),
        xmp_date: format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z"),
    };
    let info = Object::Dictionary(info_dictionary(&properties));
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, info);
        }
        Err(_) => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", id);
        }
    }

    let mut metadata = Stream::new(Dictionary::new(), xmp(&properties).into_bytes());
    metadata.dict.set("Type", Object::Name(b"Metadata".to_vec()));
    metadata.dict.set("Subtype", Object::Name(b"XML".to_vec()));
    // Left uncompressed: an archive's metadata must be readable without a PDF reader.
    let metadata = doc.add_object(metadata);

    let mut profile = Stream::new(Dictionary::new(), icc::srgb_profile());
    profile.dict.set("N", Object::Integer(3));
    profile.compress().map_err(|e| e.to_string())?;
    let profile = doc.add_object(profile);
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    intent.set("OutputConditionIdentifier", Object::string_literal(icc::DESCRIPTION));
    intent.set("Info", Object::string_literal(icc::DESCRIPTION));
    intent.set("DestOutputProfile", Object::Reference(profile));

    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set("OutputIntents", Object::Array(vec![Object::Dictionary(intent)]));
    printable_annotations(doc);
    Ok(())
}

fn info_dictionary(p: &Properties<'_>) -> Dictionary {
    let mut info = Dictionary::new();
    for (key, value) in [("Title", p.title), ("Author", p.author), ("Subject", p.subject), ("Keywords", &p.keywords)] {
        if !value.is_empty() {
            info.set(key, text_string(value));
        }
    }
    info.set("Creator", text_string(p.creator));
    info.set("Producer", text_string(&p.producer));
    info.set("CreationDate", Object::string_literal(p.pdf_date.as_str()));
    info.set("ModDate", Object::string_literal(p.pdf_date.as_str()));
    info
}

/// The XMP packet: the PDF/A identification and the Info dictionary's values.
fn xmp(p: &Properties<'_>) -> String {
    let escape = |s: &str| html_escape::encode_text(s).into_owned();
    let alt = |s: &str| format!("<rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt>", escape(s));
    let mut fields = vec![
        "<pdfaid:part>2</pdfaid:part>".to_owned(),
        "<pdfaid:conformance>B</pdfaid:conformance>".to_owned(),
        "<dc:format>application/pdf</dc:format>".to_owned(),
    ];
    if !p.title.is_empty() {
        fields.push(format!("<dc:title>{}</dc:title>", alt(p.title)));
    }
    if !p.author.is_empty() {
        fields.push(format!("<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>", escape(p.author)));
    }
    if !p.subject.is_empty() {
        fields.push(format!("<dc:description>{}</dc:description>", alt(p.subject)));
    }
    if !p.language.is_empty() {
        fields.push(format!("<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>", escape(p.language)));
    }
    if !p.keywords.is_empty() {
        fields.push(format!("<pdf:Keywords>{}</pdf:Keywords>", escape(&p.keywords)));
    }
    fields.push(format!("<pdf:Producer>{}</pdf:Producer>", escape(&p.producer)));
    fields.push(format!("<xmp:CreatorTool>{}</xmp:CreatorTool>", escape(p.creator)));
    for field in ["CreateDate", "ModifyDate", "MetadataDate"] {
        fields.push(format!("<xmp:{field}>{}</xmp:{field}>", p.xmp_date));
    }
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" \
         xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n\
         {}\n\
         </rdf:Description>\n\
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>",
        fields.join("\n")
    )
}

/// PDF/A wants every annotation (the brief's links) to print.
fn printable_annotations(doc: &mut Document) {
    let mut direct = Vec::new();
    let mut referenced = Vec::new();
    for page in doc.get_pages().into_values() {
        let Ok(annotations) = doc.get_object(page).and_then(Object::as_dict).and_then(|d| d.get(b"Annots")) else {
            continue;
        };
        match annotations {
            Object::Reference(id) => referenced.push(*id),
            Object::Array(items) => {
                direct.push(page);
                referenced.extend(items.iter().filter_map(|item| item.as_reference().ok()));
            }
            _ => {}
        }
    }
    let printable = |object: &mut Object| {
        if let Ok(dict) = object.as_dict_mut() {
            dict.set("F", Object::Integer(4));
        }
    };
    for page in direct {
        if let Ok(Object::Array(items)) =
            doc.get_object_mut(page).and_then(Object::as_dict_mut).and_then(|d| d.get_mut(b"Annots"))
        {
            items.iter_mut().for_each(printable);
        }
    }
    for id in referenced {
        match doc.get_object_mut(id) {
            Ok(Object::Array(items)) => items.iter_mut().for_each(printable),
            Ok(object) => printable(object),
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_escapes_what_xml_would_misread() {
        let p = Properties {
            title: "Ports & <harbours>",
            author: "Lê Thị Lan",
            subject: "",
            keywords: String::new(),
            language: "vi",
            creator: "Briefsmith",
            producer: "Briefsmith 0".to_owned(),
            pdf_date: "D:20261207120000Z".to_owned(),
            xmp_date: "2026-12-07T12:00:00Z".to_owned(),
        };
        let packet = xmp(&p);
        assert!(packet.contains("Ports &amp; &lt;harbours&gt;"), "{packet}");
        assert!(packet.contains("<rdf:li>Lê Thị Lan</rdf:li>"));
        assert!(!packet.contains("dc:description"), "an empty subject is left out, as in the Info dictionary");
    }
}
