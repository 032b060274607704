//! The template's logo in the Word document's headers: a picture anchored
//! at the top right of the page, as in the PDF, so the header's text keeps
//! its place. docx-rs numbers pictures from a process-wide counter and
//! writes no alternative text, so the drawing is written here.

use super::package::escape;
use super::{DocxError, Geometry};
use crate::render::logo::Logo;

/// The relationship id each header gives the logo's file.
const RELATIONSHIP: &str = "rIdLogo";

/// English Metric Units per point.
const EMU_PER_POINT: f32 = 12_700.0;

/// The logo's file in the package and its part name.
pub(super) fn media(logo: &Logo) -> Result<(String, Vec<u8>), DocxError> {
    let (bytes, extension) = logo.raster_file().map_err(|e| DocxError::Xml(e.to_string()))?;
    Ok((format!("word/media/logo.{extension}"), bytes))
}

/// Header part `xml` with the logo anchored in its first paragraph (a new
/// one if it has none); `id` numbers the drawing, unique in the document.
pub(super) fn into_header(xml: Vec<u8>, logo: &Logo, geometry: &Geometry, id: usize) -> Result<Vec<u8>, DocxError> {
    let mut xml = String::from_utf8(xml).map_err(|e| DocxError::Xml(e.to_string()))?;
    let run = format!("<w:r>{}</w:r>", drawing(logo, geometry, id));
    if let Some(at) = xml.find("</w:pPr>") {
        xml.insert_str(at + "</w:pPr>".len(), &run);
    } else if let Some(at) = xml.rfind("</w:hdr>") {
        xml.insert_str(at, &format!("<w:p>{run}</w:p>"));
    } else if let Some(at) = xml.rfind("/>").filter(|_| xml.trim_end().ends_with("/>")) {
        // An empty header written as one element: `<w:hdr … />`.
        xml.replace_range(at.., &format!("><w:p>{run}</w:p></w:hdr>"));
    } else {
        return Err(DocxError::Xml("a header part has no <w:hdr> element".to_owned()));
    }
    Ok(xml.into_bytes())
}

/// A header's relationships `xml` with the logo's file among them.
pub(super) fn into_relationships(xml: Vec<u8>, part: &str) -> Result<Vec<u8>, DocxError> {
    let mut xml = String::from_utf8(xml).map_err(|e| DocxError::Xml(e.to_string()))?;
    let target = part.trim_start_matches("word/");
    let relationship = format!(
        "<Relationship Id=\"{RELATIONSHIP}\" \
         Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"{target}\"/>"
    );
    if let Some(at) = xml.rfind("</Relationships>") {
        xml.insert_str(at, &relationship);
    } else if let Some(at) = xml.rfind("/>").filter(|_| xml.trim_end().ends_with("/>")) {
        xml.replace_range(at.., &format!(">{relationship}</Relationships>"));
    } else {
        return Err(DocxError::Xml("a header's relationships have no <Relationships> element".to_owned()));
    }
    Ok(xml.into_bytes())
}

/// The picture, anchored to the right margin and near the top of the page,
/// in front of the text and not moving it.
fn drawing(logo: &Logo, geometry: &Geometry, id: usize) -> String {
    let margin_top = geometry.top as f32 / 20.0;
    let (width, height) = logo.header_size(margin_top, geometry.text_width as f32 / 20.0);
    let emu = |points: f32| (points * EMU_PER_POINT).round() as i64;
    let (cx, cy, top) = (emu(width), emu(height), emu(margin_top * 0.15));
    let alt = escape(&super::clean(&logo.alt));
    const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
    const PICTURE: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    format!(
        "<w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"{id}\" \
         behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>\
         <wp:positionH relativeFrom=\"margin\"><wp:align>right</wp:align></wp:positionH>\
         <wp:positionV relativeFrom=\"page\"><wp:posOffset>{top}</wp:posOffset></wp:positionV>\
         <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapNone/>\
         <wp:docPr id=\"{id}\" name=\"Logo {id}\" descr=\"{alt}\"/>\
         <wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"{A}\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
         <a:graphic xmlns:a=\"{A}\"><a:graphicData uri=\"{PICTURE}\"><pic:pic xmlns:pic=\"{PICTURE}\">\
         <pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"Logo {id}\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"{RELATIONSHIP}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
         </wp:anchor></w:drawing>"
    )
}
