#!/usr/bin/env python3
"""Writes the fuzzer's binary seeds (ingest/calderra.pdf, ingest/calderra.docx):
the smallest well-formed PDF and Word file with a text layer, so that the
fuzzer starts inside the PDF and DOCX readers. The story is fictional.
Run it again only to change them: the files are committed."""

import pathlib
import zipfile

HERE = pathlib.Path(__file__).resolve().parent / "ingest"
HEADLINE = "Calderra port reopens after storm"
BODY = [
    "The port of Calderra reopened on Monday, three days after the storm.",
    '"We cleared 40 berths overnight," said harbour master Ines Marlow.',
    "Freight volumes fell 12% in the week, the Calderra Port Authority said.",
]


def pdf() -> bytes:
    lines = [HEADLINE, *BODY]
    text = "BT /F1 11 Tf 50 780 Td 14 TL\n"
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text += f"({escaped}) Tj T*\n"
    text += "ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Author (Ines Marlow) /CreationDate (D:20260603081500+07'00') >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


def docx(path: pathlib.Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def paragraph(text: str, style: str = "") -> str:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{props}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"

    def cell(text: str) -> str:
        return f"<w:tc>{paragraph(text)}</w:tc>"

    body = paragraph(HEADLINE, "Title")
    body += "".join(paragraph(line.replace('"', "&quot;")) for line in BODY)
    body += paragraph("Berths by week", "Heading2")
    body += f"<w:tbl><w:tr>{cell('Week')}{cell('Berths')}</w:tr><w:tr>{cell('22')}{cell('40')}</w:tr></w:tbl>"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            '<Relationship Id="rId2" Target="docProps/core.xml" '
            'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}</w:body></w:document>'
        ),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
            f"<dc:title>{HEADLINE}</dc:title><dc:creator>Ines Marlow</dc:creator>"
            "<dcterms:created>2026-06-03T08:15:00Z</dcterms:created>"
            "</cp:coreProperties>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 6, 3, 8, 15, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)


if __name__ == "__main__":
    HERE.mkdir(parents=True, exist_ok=True)
    (HERE / "calderra.pdf").write_bytes(pdf())
    docx(HERE / "calderra.docx")
