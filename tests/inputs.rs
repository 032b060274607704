//! Articles that arrive as saved web pages, web addresses, PDFs and Word
//! files: each read into the same pipeline, with the page's metadata in the
//! brief, and a clear error (never a panic or a hang) for what cannot be read.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use briefsmith::ingest::source::{fetch, FetchLimits, SourceError};
use briefsmith::ingest::{ingest, Format, IngestOptions};
use common::briefsmith;

const PAGE: &str = "tests/fixtures/harbour-page.html";

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("inputs").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn stdout_of(args: &[&str]) -> String {
    let output = briefsmith(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?}: {stderr}");
    assert!(!stderr.contains("DEBUG"), "no trace on stderr: {stderr}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn failure_of(args: &[&str]) -> String {
    let output = briefsmith(args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.stdout.is_empty());
    stderr
}

#[test]
fn extract_prints_the_article_body_and_its_metadata() {
    let text = stdout_of(&["extract", PAGE]);
    let paragraphs: Vec<&str> = text.trim_end().split("\n\n").collect();
    assert!(paragraphs[0].starts_with("The Port of Calderra will open a second shipping lane"), "{text}");
    assert!(paragraphs.last().unwrap().starts_with("Shipping companies welcomed the decision."));
    // Headings, block quotes and list items of the page are paragraphs of their own.
    for paragraph in ["Fishermen worry about the change", "Depth after dredging: 14 metres"] {
        assert!(paragraphs.contains(&paragraph), "{paragraph} in {paragraphs:#?}");
    }
    assert!(paragraphs.iter().any(|p| p.starts_with("“Nobody asked us where the nets are at night,”")));
    for furniture in
        ["Advertisement", "Most read", "Ferry strike", "All rights reserved", "Subscribe", "not article text"]
    {
        assert!(!text.contains(furniture), "'{furniture}' is page furniture:\n{text}");
    }

    let json: serde_json::Value = serde_json::from_str(&stdout_of(&["extract", "--json", PAGE])).unwrap();
    assert_eq!(json["title"], "Port of Calderra opens night shipping lane");
    assert_eq!(json["author"], "Ilse Marwood");
    assert_eq!(json["published"], "2026-05-14");
    assert_eq!(json["site_name"], "The Meridian Ledger");
    assert_eq!(json["url"], "https://ledger.example/2026/05/port-of-calderra-night-lane");
    assert_eq!(json["text"].as_str().unwrap().trim_end(), text.trim_end());
}

#[test]
fn a_saved_page_becomes_a_brief_with_its_source() {
    let analysis: serde_json::Value = serde_json::from_str(&stdout_of(&["analyze", "--json", PAGE])).unwrap();
    assert_eq!(analysis["format"], "html");
    let speakers: Vec<&str> =
        analysis["quotes"].as_array().unwrap().iter().filter_map(|q| q["speaker"].as_str()).collect();
    assert!(speakers.contains(&"Teodor Vance") && speakers.contains(&"Marta Olsen"), "{speakers:?}");
    common::assert_contract(&analysis);

    let markdown = stdout_of(&["brief", PAGE, "--template", "one-pager", "--set", "generated=2026-05-15"]);
    for expected in ["Port of Calderra opens night shipping lane", "The Meridian Ledger", "Ilse Marwood", "14 May 2026"]
    {
        assert!(markdown.contains(expected), "'{expected}' in:\n{markdown}");
    }
}

const VI_BODY: &str = "Bộ Công Thương cho biết sản lượng điện tháng Năm tăng 12% so với cùng kỳ năm ngoái. \
     Ông Trần Văn Hải, Vụ trưởng Vụ Kế hoạch, nói rằng ngành điện đã chuẩn bị cho mùa nắng nóng.";

fn vi_page(meta: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head>{meta}<title>Sản lượng điện tăng mạnh</title></head><body><article>\
         <h1>Sản lượng điện tăng mạnh</h1><p>{VI_BODY}</p><p>{VI_BODY}</p></article></body></html>"
    )
}

#[test]
fn legacy_vietnamese_pages_are_decoded_by_their_declared_charset() {
    let dir = scratch("charset");
    let meta = dir.join("meta.html");
    std::fs::write(&meta, common::to_windows_1258(&vi_page("<meta charset=\"windows-1258\">"))).unwrap();
    let http_equiv = dir.join("http-equiv.htm");
    std::fs::write(
        &http_equiv,
        common::to_windows_1258(&vi_page(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">",
        )),
    )
    .unwrap();
    for path in [meta, http_equiv] {
        let json: serde_json::Value =
            serde_json::from_str(&stdout_of(&["extract", "--json", path.to_str().unwrap()])).unwrap();
        assert!(json["text"].as_str().unwrap().contains(VI_BODY), "{json}");
        assert_eq!(json["title"], "Sản lượng điện tăng mạnh");
    }
}

#[test]
fn pages_without_an_article_and_hostile_pages_get_clear_errors() {
    let dir = scratch("hostile");
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let scripts = write(
        "scripts.html",
        &format!(
            "<html><head><script>{}</script><style>p{{}}</style></head><body></body></html>",
            "var a = 1;".repeat(50_000)
        ),
    );
    assert!(failure_of(&["extract", &scripts]).contains("no article was found in this web page"));
    let login = write(
        "login.html",
        "<html><head><title>Sign in</title></head><body><nav><a href=/>Home</a></nav><form><input name=q><button>Search</button></form></body></html>",
    );
    assert!(failure_of(&["analyze", &login]).contains("no article was found"));
    let deep = write(
        "deep.html",
        &format!("<html><body>{}<p>{VI_BODY}</p>{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000)),
    );
    let error = failure_of(&["extract", &deep]);
    assert!(error.contains("nest 100003 levels deep"), "{error}");
}

#[test]
fn a_20_mb_page_is_read() {
    let paragraph = format!("<p>{VI_BODY}</p>\n");
    let mut page = String::from("<html><head><title>Long</title></head><body><article>");
    while page.len() < 20 * 1024 * 1024 {
        page.push_str("<div class=\"block\">");
        page.push_str(&paragraph);
        page.push_str("</div>\n");
    }
    page.push_str("</article></body></html>");
    let article = ingest(page.as_bytes(), &IngestOptions::default()).expect("a long page is read");
    assert_eq!(article.format, Format::Html);
    assert!(article.text.starts_with("Bộ Công Thương cho biết"));
    assert!(article.paragraphs.len() > 10_000);
}

#[test]
fn pdf_text_layers_are_read_and_scans_refused() {
    let markdown = "# Port of Calderra opens night shipping lane\n\n\
        The Port of Calderra will open a second shipping lane to night traffic from June 3, the harbour \
        authority said on Tuesday.\n\nHarbour master Teodor Vance said the lane had been dredged to 14 metres. \
        “We have ships anchored for two days waiting for a berth,” he said.\n";
    let document = briefsmith::render::DocumentInfo {
        author: "Mara  Quint".to_owned(),
        title: "calderra-brief.docx".to_owned(),
        ..Default::default()
    };
    let options = briefsmith::render::pdf::PdfOptions { document, ..Default::default() };
    let pdf = briefsmith::render::pdf::render(markdown, &options).expect("a PDF");
    let article = ingest(&pdf.bytes, &IngestOptions::default()).expect("the PDF is read");
    assert_eq!(article.format, Format::Pdf);
    // The headline is the first line, not the Info dictionary's title; author
    // and creation day come from the Info dictionary.
    assert_eq!(article.title.as_deref(), Some("Port of Calderra opens night shipping lane"));
    assert_eq!(article.info.author.as_deref(), Some("Mara Quint"));
    let created = article.info.published.as_deref().expect("the creation day");
    assert!(briefsmith::date::parse(created).is_some(), "{created}");
    // Lines end where the column does, paragraphs where the page leaves a gap.
    let paragraphs: Vec<&str> = article.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "The Port of Calderra will open a second shipping lane to night traffic from June 3, the harbour \
             authority said on Tuesday.",
            "Harbour master Teodor Vance said the lane had been dredged to 14 metres. “We have ships anchored for \
             two days waiting for a berth,” he said."
        ],
        "{}",
        article.text
    );

    let dir = scratch("pdf");
    let path = dir.join("calderra.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let analysis: serde_json::Value =
        serde_json::from_str(&stdout_of(&["analyze", "--json", path.to_str().unwrap()])).unwrap();
    let direct = analysis["quotes"].as_array().unwrap().iter().find(|q| q["kind"] == "direct").unwrap();
    assert_eq!(direct["text"], "We have ships anchored for two days waiting for a berth");
    assert_eq!(direct["speaker"], "Teodor Vance");

    let scan = dir.join("scan.pdf");
    std::fs::write(&scan, image_only_pdf()).unwrap();
    assert!(failure_of(&["extract", scan.to_str().unwrap()]).contains("no text layer"));
    let broken = dir.join("broken.pdf");
    std::fs::write(&broken, b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n").unwrap();
    assert!(failure_of(&["extract", broken.to_str().unwrap()]).contains("this PDF could not be read"));
}

/// A one-page PDF that only draws a filled rectangle, as a scan has no text.
fn image_only_pdf() -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, b"0.5 g 50 50 200 300 re f".to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn word_documents_are_read_with_headings_and_tables() {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let paragraph = |text: &str| Paragraph::new().add_run(Run::new().add_text(text));
    let cell = |text: &str| TableCell::new().add_paragraph(paragraph(text));
    let docx = Docx::new()
        .add_paragraph(paragraph("Sản lượng điện tăng mạnh").style("Title"))
        .add_paragraph(paragraph(VI_BODY))
        .add_paragraph(paragraph("Nhu cầu mùa hè").style("Heading2"))
        .add_table(Table::new(vec![
            TableRow::new(vec![cell("Tháng"), cell("Sản lượng")]),
            TableRow::new(vec![cell("Tháng Năm"), cell("25 tỷ kWh")]),
        ]))
        .add_paragraph(paragraph("Bà Lê Thu Hà cho biết: “Chúng tôi đã sẵn sàng cho mùa nắng nóng.”"))
        .created_at("2026-06-03T08:15:00Z");
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).unwrap();
    let dir = scratch("docx");
    let path = dir.join("dien.docx");
    std::fs::write(&path, bytes.into_inner()).unwrap();

    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["extract", "--json", path.to_str().unwrap()])).unwrap();
    assert_eq!(json["title"], "Sản lượng điện tăng mạnh");
    // The file's properties: its creation day; docx-rs writes "unknown" for the author.
    assert_eq!(json["published"], "2026-06-03");
    assert_eq!(json["author"], serde_json::Value::Null);
    let text = json["text"].as_str().unwrap();
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(paragraphs[0], VI_BODY);
    assert!(paragraphs.contains(&"Nhu cầu mùa hè"), "{paragraphs:?}");
    assert!(paragraphs.contains(&"Tháng Năm 25 tỷ kWh"), "{paragraphs:?}");
    let analysis: serde_json::Value =
        serde_json::from_str(&stdout_of(&["analyze", "--json", path.to_str().unwrap()])).unwrap();
    assert_eq!(analysis["format"], "docx");
    let direct = analysis["quotes"].as_array().unwrap().iter().find(|q| q["kind"] == "direct").unwrap();
    assert_eq!(direct["speaker"], "Lê Thu Hà");

    let broken = dir.join("broken.docx");
    std::fs::write(&broken, b"PK\x03\x04not a zip at all").unwrap();
    assert!(failure_of(&["extract", broken.to_str().unwrap()]).contains("this Word document could not be read"));
}

/// A web server on 127.0.0.1 for the test's own pages. Each connection is
/// answered by `route(path)`: the status line and headers, then the body.
fn serve(route: fn(&str) -> (String, Vec<u8>)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream, route));
        }
    });
    address
}

fn answer(mut stream: TcpStream, route: fn(&str) -> (String, Vec<u8>)) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let (head, body) = route(&path);
    if path == "/slow" {
        std::thread::sleep(Duration::from_secs(5));
    }
    let _ = stream.write_all(head.as_bytes());
    if path == "/huge" {
        // Far more than the size cap, sent until the client hangs up.
        let chunk = vec![b'a'; 64 * 1024];
        while stream.write_all(&chunk).is_ok() {}
        return;
    }
    let _ = stream.write_all(&body);
}

fn routes(path: &str) -> (String, Vec<u8>) {
    let ok = |content_type: &str, body: Vec<u8>| {
        (
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            ),
            body,
        )
    };
    let redirect = |to: &str| {
        (format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), Vec::new())
    };
    match path {
        "/harbour" => ok("text/html; charset=utf-8", std::fs::read(PAGE).unwrap()),
        // No charset in the page: the server's header says it.
        "/dien" => ok("text/html; charset=windows-1258", common::to_windows_1258(&vi_page(""))),
        "/moved" => redirect("/harbour"),
        "/loop" => redirect("/loop"),
        "/huge" => ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n".to_owned(), Vec::new()),
        "/slow" => ok("text/html", b"<html><body><p>late</p></body></html>".to_vec()),
        _ => ("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_owned(), Vec::new()),
    }
}

#[test]
fn web_addresses_are_fetched_into_briefs() {
    let server = serve(routes);
    let markdown = stdout_of(&["brief", &format!("{server}/moved"), "--template", "one-pager"]);
    assert!(markdown.contains("Port of Calderra opens night shipping lane"), "{markdown}");
    assert!(markdown.contains("The Meridian Ledger"), "{markdown}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["extract", "--json", &format!("{server}/dien")])).unwrap();
    assert!(json["text"].as_str().unwrap().contains(VI_BODY), "{json}");
    assert_eq!(json["url"], format!("{server}/dien"), "the fetched address stands in for a canonical one");
}

#[test]
fn fetching_has_limits_and_clear_errors() {
    let server = serve(routes);
    let limits = FetchLimits { timeout: Duration::from_secs(2), max_bytes: 1024 * 1024, max_redirects: 3 };
    assert!(matches!(fetch(&format!("{server}/loop"), &limits), Err(SourceError::TooManyRedirects(3))));
    assert!(matches!(fetch(&format!("{server}/huge"), &limits), Err(SourceError::PageTooLarge { limit: 1_048_576 })));
    assert!(matches!(fetch(&format!("{server}/slow"), &limits), Err(SourceError::Timeout(2))));
    let missing = fetch(&format!("{server}/gone"), &limits).unwrap_err();
    assert!(missing.to_string().contains("404 (no such page)"), "{missing}");
    assert!(matches!(fetch("ftp://example.org/a.html", &limits), Err(SourceError::Scheme)));

    // A port nobody listens on: what an offline machine sees.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let offline = failure_of(&["brief", &format!("http://{closed}/article")]);
    assert!(offline.contains("could not connect; you may be offline"), "{offline}");
    assert!(failure_of(&["extract", "ftp://example.org/a.html"]).contains("only http:// and https://"));
    assert!(failure_of(&["extract", &format!("{server}/huge")]).contains("10485760-byte limit"));
}

/// A Word file whose part does not match its checksum (found by the fuzzer:
/// the reader panicked on it) is a clear error naming the part.
#[test]
fn a_word_file_with_a_damaged_part_is_a_clear_error() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    zip.start_file("_rels/.rels", stored).unwrap();
    std::io::Write::write_all(&mut zip, rels.as_bytes()).unwrap();
    zip.start_file("word/document.xml", stored).unwrap();
    std::io::Write::write_all(&mut zip, b"<w:document/>").unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    // One letter of the stored relationships changed: its checksum no longer matches.
    let at = bytes.windows(13).position(|w| w == b"Relationships").unwrap();
    bytes[at] = b'X';
    let options = IngestOptions { format: Some(Format::Docx), ..Default::default() };
    let error = ingest(&bytes, &options).expect_err("a damaged Word file").to_string();
    assert!(error.contains("_rels/.rels") && error.contains("damaged"), "{error}");
    assert!(error.contains("save it again from Word"), "{error}");
    // What the fuzzer found: the fictional Calderra file, a digit of one part changed.
    let output = briefsmith(&["extract", "tests/fixtures/calderra-damaged-checksum.docx"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is damaged") && !stderr.contains("panicked"), "{stderr}");
}
