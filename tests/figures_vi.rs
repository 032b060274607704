//! Figures in Vietnamese news, on a fictional article: number words, units
//! spelled in hyphenated syllables, and the ways dates are written.

use briefsmith::analyze::FigureKind;

fn figures(text: &str) -> Vec<(String, FigureKind)> {
    let mut options = briefsmith::Options::default();
    options.analyze.language = Some("vi".to_owned());
    let analysis = briefsmith::analyze_bytes(text.as_bytes(), &options).expect("analysis");
    analysis.figures.into_iter().map(|f| (f.text, f.kind)).collect()
}

fn has(found: &[(String, FigureKind)], text: &str, kind: FigureKind) -> bool {
    found.iter().any(|(t, k)| t == text && *k == kind)
}

#[test]
fn number_words_count_what_follows() {
    let found = figures(
        "Hàng chục hộ dân ở Lạc Giang mất nhà. Hàng trăm nghìn người bị ảnh hưởng và hai mươi trường học đóng cửa.",
    );
    assert!(has(&found, "Hàng chục hộ dân", FigureKind::Count), "{found:?}");
    assert!(has(&found, "hai mươi trường học", FigureKind::Count), "{found:?}");
    assert!(found.iter().any(|(t, _)| t.starts_with("Hàng trăm nghìn người")), "{found:?}");
    let found = figures("Vụ cháy ở Lạc Giang làm 52 người bị thương.");
    assert!(found.iter().any(|(t, k)| t.starts_with("52 người") && *k == FigureKind::Count), "{found:?}");
}

#[test]
fn a_unit_in_hyphenated_syllables_is_whole() {
    let found = figures("Lũ cuốn trôi 85 héc-ta lúa và 300 ki-lô-mét đê ở Lạc Giang.");
    assert!(has(&found, "85 héc-ta", FigureKind::Count), "{found:?}");
    assert!(has(&found, "300 ki-lô-mét", FigureKind::Count), "{found:?}");
}

#[test]
fn dates_with_slashes_hyphens_and_relative_periods() {
    let found = figures(
        "Sáng 12-3, công ty họp. Công ty thành lập từ 7/2005, họp lần nữa ngày 22/10 và ngày 29-2. \
         Trong mười năm tới, tỉnh sẽ trồng thêm rừng.",
    );
    for date in ["Sáng 12-3", "7/2005", "ngày 22/10", "ngày 29-2", "mười năm tới"] {
        assert!(has(&found, date, FigureKind::Date), "{date}: {found:?}");
    }
}

#[test]
fn a_score_is_no_date() {
    let found = figures("Đội Sông Mây thắng 3-0 trên sân nhà tối qua.");
    assert!(!found.iter().any(|(t, k)| t.contains("3-0") && *k == FigureKind::Date), "{found:?}");
}

#[test]
fn a_document_number_is_no_date() {
    let found = figures("Bộ ban hành Thông tư 01/2020/TT-BYT về 12 loại thuốc, áp dụng từ 3/2021.");
    assert!(!found.iter().any(|(t, _)| t.contains("01/2020")), "{found:?}");
    assert!(has(&found, "3/2021", FigureKind::Date), "{found:?}");
}

#[test]
fn a_context_never_ends_inside_a_hyphenated_unit() {
    let mut options = briefsmith::Options::default();
    options.analyze.language = Some("vi".to_owned());
    let text = "Giai đoạn hai gồm 4 bến tàu mới, có thể tiếp nhận tàu trọng tải đến 100.000 tấn, và một khu hậu cần rộng 85 héc-ta.";
    let analysis = briefsmith::analyze_bytes(text.as_bytes(), &options).expect("analysis");
    let figure = analysis.figures.iter().find(|f| f.text.contains("100.000")).expect("the tonnage");
    assert!(figure.context.ends_with("héc-ta"), "{}", figure.context);
}

#[test]
fn capitals_do_not_hide_a_figure() {
    let found = figures("NGÀY 5-3, GIÁ ĐIỆN TĂNG 12 PHẦN TRĂM. Tháng 6 năm ngoái, Lạc Giang thu 3 tỷ đồng.");
    assert!(has(&found, "NGÀY 5-3", FigureKind::Date), "{found:?}");
    assert!(has(&found, "12 PHẦN TRĂM", FigureKind::Percent), "{found:?}");
    assert!(has(&found, "Tháng 6 năm ngoái", FigureKind::Date), "{found:?}");
    assert!(has(&found, "3 tỷ đồng", FigureKind::Money), "{found:?}");
}

#[test]
fn a_pasted_run_of_digits_gets_a_bounded_context() {
    let run = "1.000.000".repeat(2_000);
    let mut options = briefsmith::Options::default();
    options.analyze.language = Some("vi".to_owned());
    let text = format!("Bảng giá: {run} đồng.");
    let analysis = briefsmith::analyze_bytes(text.as_bytes(), &options).expect("analysis");
    assert!(!analysis.figures.is_empty());
    for figure in &analysis.figures {
        assert!(figure.context.len() <= figure.text.len() + 2 * 160, "{} bytes", figure.context.len());
    }
}
