//! PDF briefs in every script: fictional articles in Chinese, Japanese,
//! Korean, Thai, Arabic, Hebrew and Hindi (tests/fixtures/scripts, written
//! for these tests) become briefs whose PDFs draw every character, read
//! back in order, and open in pdf.js; lines break where each script allows.
//! The fonts come from the machine: scripts/setup.sh installs them.

mod common;

use std::path::Path;
use std::process::Command;

use briefsmith::brief::{Brief, BriefOptions};
use briefsmith::render::pdf::{render, Pdf, PdfOptions};
use briefsmith::render::DocumentInfo;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

const SCRIPTS: [&str; 7] = ["zh", "ja", "ko", "th", "ar", "he", "hi"];

fn brief_of(language: &str) -> Brief {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/scripts/{language}.txt"));
    let bytes = std::fs::read(path).unwrap();
    let analysis = briefsmith::analyze_bytes(&bytes, &briefsmith::Options::default()).unwrap();
    Brief::from_analysis(&analysis, BriefOptions { generated: Some("2026-12-07".into()), ..Default::default() })
}

/// The brief in the built-in `bluf` template, with English labels, as the CLI renders it.
fn pdf_of(brief: &Brief) -> Pdf {
    let library = briefsmith::template::Library::new(None);
    let template = library.resolve("bluf").unwrap();
    let markdown = library.render(&template, brief, "en").unwrap();
    let document = DocumentInfo {
        page: template.manifest.pdf.clone(),
        title: brief.title.clone(),
        language: brief.language.clone(),
        page_label: "Page".into(),
        of_label: "of".into(),
        ..Default::default()
    };
    render(&markdown, &PdfOptions { document, ..Default::default() }).unwrap()
}

fn pdftotext(pdf: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .args(extra)
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs: scripts/setup.sh installs poppler-utils");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.trim().is_empty(), "pdftotext complained: {stderr}");
    String::from_utf8(output.stdout).unwrap().nfc().collect()
}

/// The letters, digits and marks of `text`, in order: the words a reader
/// gets back, without the spaces and punctuation whose place a reader
/// guesses when it turns a right-to-left line back into reading order
/// (poppler puts a full stop after "ShkediRide" before it, as it does in
/// typst's PDF of the same Markdown).
fn words_of(text: &str) -> String {
    text.nfc().filter(|c| c.is_alphanumeric() || c.general_category_group() == GeneralCategoryGroup::Mark).collect()
}

#[test]
fn briefs_in_every_script_draw_every_character_and_read_back_in_order() {
    for language in SCRIPTS {
        let brief = brief_of(language);
        assert!(!brief.key_points.is_empty(), "{language}: no key points");
        let pdf = pdf_of(&brief);
        assert!(pdf.warnings.is_empty(), "{language}: {:?}", pdf.warnings);
        let read = words_of(&pdftotext(&pdf.bytes, &[]));
        for point in brief.key_points.iter().map(|p| p.text.as_str()).chain([brief.title.as_str()]) {
            assert!(read.contains(&words_of(point)), "{language}: «{point}» is not read back in order from\n{read}");
        }
        let opened = common::read_in_pdfjs(&pdf.bytes);
        assert_eq!(opened["pages"], 1, "{language}");
    }
}

#[test]
fn right_to_left_blocks_start_at_the_right_and_left_to_right_at_the_left() {
    let markdown = "# Tin ngắn\n\nשביל אופניים חדש נחנך בנווה שקדייה.\n\nA new path opened.\n";
    let pdf = render(markdown, &PdfOptions::default()).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    // Each word's edges, from poppler's bounding boxes, which give a word's
    // letters in the order they are drawn: a Hebrew word's turned round.
    let boxes = pdftotext(&pdf.bytes, &["-bbox"]);
    let edges = |word: &str| -> (f32, f32) {
        let drawn: String = word.chars().rev().collect();
        let line = boxes
            .lines()
            .find(|l| l.ends_with(&format!(">{word}</word>")) || l.ends_with(&format!(">{drawn}</word>")))
            .unwrap_or_else(|| panic!("{word} in {boxes}"));
        let attribute = |name: &str| -> f32 {
            line.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
        };
        (attribute("xMin"), attribute("xMax"))
    };
    // A4 with 20 mm margins: the text runs from 56.7 pt to 538.6 pt.
    assert!((edges("A").0 - 56.7).abs() < 1.0, "the English paragraph starts at the left margin");
    // Hebrew reads from the right: its first word is the rightmost, ending at the right margin.
    let words = ["שביל", "אופניים", "חדש", "נחנך", "בנווה", "שקדייה."];
    for pair in words.windows(2) {
        assert!(edges(pair[0]).0 > edges(pair[1]).1, "{} is right of {}", pair[0], pair[1]);
    }
    assert!((edges("שביל").1 - 538.6).abs() < 1.5, "the Hebrew paragraph ends at the right margin");
}

#[test]
fn lines_break_between_words_in_thai_and_between_ideographs_in_chinese() {
    // Narrow table cells force many breaks in text without spaces.
    let thai = "เกษตรกรริมแม่น้ำสายรุ้งได้รับน้ำจากระบบชลประทานอย่างเพียงพอตลอดฤดูกาล";
    let chinese = "经过八个月的加固施工，横跨澄沙河的望川大桥于周一上午正式恢复通行。";
    let markdown = format!("| ไทย | 中文 | x | x | x |\n|---|---|---|---|---|\n| {thai} | {chinese} | a | b | c |\n");
    let pdf = render(&markdown, &PdfOptions::default()).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let layout = pdftotext(&pdf.bytes, &["-layout"]);
    // Cells are read column by column in poppler's layout only roughly; read
    // the lines of each script from the whole page instead.
    let lines_with = |test: fn(char) -> bool| -> Vec<String> {
        layout
            .lines()
            .map(|line| line.chars().filter(|&c| test(c)).collect::<String>())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let thai_lines = lines_with(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c));
    let chinese_lines =
        lines_with(|c| ('\u{3000}'..='\u{9FFF}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c));
    // The header row holds one word of each; the cell runs over several lines.
    assert!(thai_lines.len() >= 3 && chinese_lines.len() >= 3, "{layout}");
    assert_eq!(thai_lines[1..].concat(), thai, "every Thai letter, in order");
    assert_eq!(chinese_lines[1..].concat(), chinese, "every ideograph, in order");
    for line in &thai_lines[1..] {
        // A line never starts with a mark or a vowel sign written after its
        // consonant: Thai breaks between words, which the dictionary finds.
        let first = line.chars().next().unwrap();
        assert!(
            first.general_category_group() != GeneralCategoryGroup::Mark && !('\u{0E30}'..='\u{0E3A}').contains(&first),
            "{thai_lines:?}"
        );
    }
    for line in &chinese_lines[1..] {
        // Closing punctuation stays with the ideograph before it.
        assert!(!line.starts_with(['，', '。']), "{chinese_lines:?}");
    }
}

#[test]
fn bold_text_in_a_script_of_the_machine_takes_its_bold_cut() {
    let fonts_of = |markdown: &str| -> usize {
        let pdf = render(markdown, &PdfOptions::default()).unwrap();
        assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.pdf");
        std::fs::write(&path, &pdf.bytes).unwrap();
        let listed = Command::new("pdffonts").arg(&path).output().unwrap();
        String::from_utf8(listed.stdout).unwrap().lines().skip(2).count()
    };
    // Noto Sans (the page number, the spaces) and Noto Sans Arabic; a bold
    // heading adds Noto Sans Bold for its space and Noto Sans Arabic Bold.
    assert_eq!(fonts_of("موسم زيتون وفير\n"), 2);
    assert_eq!(fonts_of("# موسم زيتون\n\nموسم زيتون وفير\n"), 4);
}

/// Each word's text and left and right edges, from poppler's bounding boxes.
fn word_boxes(pdf: &[u8]) -> Vec<(String, f32, f32)> {
    let attribute = |line: &str, name: &str| -> f32 {
        line.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
    };
    pdftotext(pdf, &["-bbox"])
        .lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let text = l.split('>').nth(1).unwrap().trim_end_matches("</word").to_owned();
            (text, attribute(l, "xMin"), attribute(l, "xMax"))
        })
        .collect()
}

#[test]
fn lines_never_run_past_the_margins_whatever_the_script() {
    let long_hindi_word = "क्षत्रियोंकीविरासत".repeat(12);
    let markdown = format!(
        "# T\n\n開館式で、館長の藤森春香さんは「子どもたちが放課後に安心して過ごせる場所にしたい」と話した。\n\n\
         بتث\u{2009}ت\u{202F}ث\u{3000}ج\u{A0}ح وقال رئيس البلدية إن الجسر سيفتح غدا بعد أشهر من العمل.\n\n\
         {long_hindi_word}\n"
    );
    let pdf = render(&markdown, &PdfOptions::default()).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    // A4 with 20 mm margins: the text runs from 56.7 pt to 538.6 pt.
    for (word, left, right) in word_boxes(&pdf.bytes) {
        assert!(left > 56.5 && right < 538.9, "{word} runs from {left} to {right}");
    }
    // A word longer than its line breaks between syllables, never before a
    // vowel sign or a virama that belongs to the letter before it.
    let lines: Vec<String> =
        pdftotext(&pdf.bytes, &[]).lines().filter(|l| l.contains('क')).map(str::to_owned).collect();
    assert!(lines.len() >= 2, "{lines:?}");
    assert_eq!(lines.concat(), long_hindi_word);
    for line in &lines {
        assert!(!line.starts_with(|c: char| ('\u{093E}'..='\u{094D}').contains(&c)), "{lines:?}");
    }
}

#[test]
fn spaces_and_brackets_read_back_as_themselves_beside_invisible_and_mirrored_ones() {
    // A zero-width non-joiner (Persian), a right-to-left mark and a bracket
    // mirrored in Hebrew are drawn with the space's and the brackets' glyphs:
    // those glyphs still read as a space and as "(" and ")".
    let markdown = "# T\n\nمی\u{200C}خواهد او را ببیند.\n\nשלום\u{200F} (עולם) טוב.\n\nEnglish (text) here.\n";
    let pdf = render(markdown, &PdfOptions::default()).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let text = pdftotext(&pdf.bytes, &[]);
    assert!(text.contains("English (text) here."), "{text}");
    let persian = text.lines().find(|l| l.contains("ببیند")).unwrap();
    let words: Vec<&str> = persian.split(' ').filter(|w| w.chars().any(char::is_alphabetic)).collect();
    assert_eq!(words.len(), 4, "the spaces between the Persian words read as spaces: {persian:?}");
}
