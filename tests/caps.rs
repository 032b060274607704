//! Inputs built to exhaust memory or time: a Word file that inflates past
//! 200 MB, a PDF whose streams do or whose page tree loops, a web page of a
//! million attributes. Each is refused with an error naming the limit, within
//! 512 MB, and nothing is written: an earlier brief at the output path stays.
#![cfg(unix)]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

const MAX_PEAK_KIB: i64 = 512 * 1024;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("caps").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Runs `brief` on `input` over an earlier brief and expects the refusal.
fn expect_refused(name: &str, input: &[u8], extension: &str, expected: &[&str]) {
    let dir = scratch(name);
    let path = dir.join(format!("{name}.{extension}"));
    std::fs::write(&path, input).expect("input written");
    let (md, pdf) = (dir.join("brief.md"), dir.join("brief.pdf"));
    std::fs::write(&md, "the earlier brief").unwrap();
    let run = common::measured(&[
        "brief",
        path.to_str().unwrap(),
        "-o",
        md.to_str().unwrap(),
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(run.code, Some(1), "{name}: {}", run.stderr);
    for words in expected {
        assert!(run.stderr.contains(words), "{name}: expected '{words}' in: {}", run.stderr);
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.peak_kib <= MAX_PEAK_KIB, "{name}: {} KiB", run.peak_kib);
    assert_eq!(std::fs::read_to_string(&md).unwrap(), "the earlier brief", "{name}: the earlier brief is kept");
    assert!(!pdf.exists(), "{name}: no PDF is written");
    eprintln!("{name}: refused at {} KiB: {}", run.peak_kib, run.stderr.trim());
}

/// `count` bytes of blanks, streamed into `writer` a megabyte at a time.
fn blanks(writer: &mut impl Write, count: usize) {
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..count >> 20 {
        writer.write_all(&chunk).unwrap();
    }
}

#[test]
fn a_word_file_that_inflates_past_200_mb_is_refused() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", deflated).unwrap();
    zip.write_all(
        br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
    )
    .unwrap();
    zip.start_file("word/document.xml", deflated.large_file(true)).unwrap();
    zip.write_all(br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#)
        .unwrap();
    blanks(&mut zip, 210 << 20);
    zip.write_all(b"</w:body></w:document>").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 2 << 20, "the bomb is small: {} bytes", bytes.len());
    expect_refused("bomb-docx", &bytes, "docx", &["Word document", "200 MB"]);
}

/// A one-page PDF whose page draws `content`, a stream with these filters.
fn pdf_with(pages: &str, content: &[u8], filter: &str) -> Vec<u8> {
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        pages.as_bytes().to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        [format!("<< /Length {}{filter} >>\nstream\n", content.len()).as_bytes(), content, b"\nendstream"].concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    pdf
}

const ONE_PAGE: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const TEXT: &[u8] = b"BT /F1 12 Tf 72 720 Td (A fictional report on harbour trade) Tj ET";

#[test]
fn a_pdf_whose_streams_inflate_past_200_mb_is_refused() {
    let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    blanks(&mut deflate, 210 << 20);
    deflate.write_all(TEXT).unwrap();
    let bomb = pdf_with(ONE_PAGE, &deflate.finish().unwrap(), " /Filter /FlateDecode");
    expect_refused("bomb-pdf", &bomb, "pdf", &["PDF", "200 MB"]);
}

#[test]
fn a_pdf_whose_page_tree_loops_is_refused_and_a_sound_one_read() {
    let sound = pdf_with(ONE_PAGE, TEXT, "");
    let dir = scratch("sound-pdf");
    let path = dir.join("sound.pdf");
    std::fs::write(&path, &sound).unwrap();
    let read = common::briefsmith(&["extract", path.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&read.stdout).contains("harbour trade"), "{read:?}");

    let looping = pdf_with("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", TEXT, "");
    expect_refused("loop-pdf", &looping, "pdf", &["page tree loops"]);
}

#[test]
fn a_web_page_of_a_million_attributes_is_refused() {
    let paragraph = "<p>A fictional harbour reopened on Monday after the storm, and trade resumed slowly.</p>";
    let attributes: String = (0..1_000_000).map(|i| format!(" a{i}=\"v\"")).collect();
    let one_tag = format!("<html><body><article><div{attributes}>{paragraph}</div></article></body></html>");
    expect_refused("attributes-one-tag", one_tag.as_bytes(), "html", &["1000000 attributes", "1000"]);
    let spans: String = (0..340_000).map(|i| format!("<span a=\"{i}\" b c>w </span>")).collect();
    let many_tags = format!("<html><body><article>{spans}{paragraph}</article></body></html>");
    expect_refused("attributes-many-tags", many_tags.as_bytes(), "html", &["1020000 attributes", "100000"]);
}
