//! Who said a quote in Vietnamese news, on short fictional articles: each
//! case is one convention of Vietnamese news writing. The articles are one
//! paragraph, as analysts paste them.

use briefsmith::analyze::QuoteKind;
use briefsmith::Analysis;

fn analyze(text: &str) -> Analysis {
    let mut options = briefsmith::Options::default();
    options.analyze.language = Some("vi".to_owned());
    briefsmith::analyze_bytes(text.as_bytes(), &options).expect("analysis")
}

fn speaker_of(analysis: &Analysis, words: &str) -> Option<String> {
    let quote = analysis
        .quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote '{words}' among {:?}", analysis.quotes));
    assert_eq!(quote.kind, QuoteKind::Direct, "{words}: {quote:?}");
    quote.speaker.clone()
}

const OPENING: &str = "Sáng 12-3, tỉnh Lạc Giang tổ chức hội nghị về mùa lũ năm nay tại thành phố Tĩnh Gia.";

#[test]
fn cues_before_the_quote_with_a_colon_or_a_comma() {
    for cue in ["cho biết", "nói", "khẳng định", "nhấn mạnh", "cho hay", "thông tin", "tuyên bố", "cho rằng"]
    {
        let a = analyze(&format!(
            "{OPENING} Ông Trần Văn Bình {cue}: “Chúng tôi đã chuẩn bị đủ lương thực cho ba tháng mùa lũ.”"
        ));
        assert_eq!(speaker_of(&a, "đủ lương thực").as_deref(), Some("Trần Văn Bình"), "{cue}");
    }
    let a = analyze(&format!("{OPENING} Ông Trần Văn Bình cho rằng “mọi xã đều phải có đội cứu hộ riêng”."));
    assert_eq!(speaker_of(&a, "đội cứu hộ").as_deref(), Some("Trần Văn Bình"));
}

#[test]
fn cues_after_the_quote_with_a_comma_or_a_dash() {
    let a = analyze(&format!(
        "{OPENING} Bà Lê Thị Hoa phụ trách công tác hậu cần. “Kho hàng đã đầy từ tuần trước”, bà Hoa nói. \
         “Nước lên nhanh hơn mọi năm” - ông Đỗ Minh Khôi cho biết."
    ));
    assert_eq!(speaker_of(&a, "Kho hàng").as_deref(), Some("Lê Thị Hoa"));
    assert_eq!(speaker_of(&a, "Nước lên").as_deref(), Some("Đỗ Minh Khôi"));
}

#[test]
fn theo_x_gives_x_words() {
    let a = analyze(&format!(
        "{OPENING} Ông Phùng Quốc Hải là trưởng ban chỉ huy. Theo ông Hải, “năm nay lũ đến sớm hơn hai tuần”. \
         Theo bà Ngô Thu Trang: “Các trường học đã sẵn sàng làm nơi tránh lũ.”"
    ));
    assert_eq!(speaker_of(&a, "lũ đến sớm").as_deref(), Some("Phùng Quốc Hải"));
    assert_eq!(speaker_of(&a, "Các trường học").as_deref(), Some("Ngô Thu Trang"));
}

#[test]
fn a_role_between_the_name_and_the_verb_does_not_take_the_quote() {
    let a = analyze(&format!(
        "{OPENING} Bà Phạm Thu Vân, Phó Tổng giám đốc Công ty Cổ phần Sông Mây chia sẻ: “Chúng tôi gửi 20 tấn gạo.” \
         Chiến sĩ Lê Văn Tâm (Đội Cảnh sát giao thông số 3, Công an tỉnh Lạc Giang) cho biết: “Hai tuyến đường đã bị cấm.” \
         Bà Hà Thị Mai - đại diện Ban phòng chống lụt bão huyện Tĩnh Gia đã cho biết: “Mọi người dân đã được sơ tán.”"
    ));
    assert_eq!(speaker_of(&a, "20 tấn gạo").as_deref(), Some("Phạm Thu Vân"));
    assert_eq!(speaker_of(&a, "Hai tuyến đường").as_deref(), Some("Lê Văn Tâm"));
    assert_eq!(speaker_of(&a, "sơ tán").as_deref(), Some("Hà Thị Mai"));
}

#[test]
fn a_role_after_the_quote_and_the_name_does_not_take_it() {
    let a = analyze(&format!(
        "{OPENING} “Đây là lần đầu tiên cả huyện phải sơ tán”, ông Hồ Văn Tường, phó phòng Nông nghiệp huyện Tĩnh Gia, nói."
    ));
    assert_eq!(speaker_of(&a, "lần đầu tiên").as_deref(), Some("Hồ Văn Tường"));
}

#[test]
fn a_title_and_a_given_name_stand_for_the_full_name() {
    let a = analyze(&format!(
        "{OPENING} Bà Hoàng Thị Lý, giám đốc Sở Y tế, và ông Vương Đình Khang cùng dự họp. \
         Bà Lý nói: “Thuốc men đã được gửi tới từng trạm y tế.”"
    ));
    assert_eq!(speaker_of(&a, "Thuốc men").as_deref(), Some("Hoàng Thị Lý"));
}

#[test]
fn an_unnamed_source_gives_no_speaker_and_no_one_else_takes_it() {
    let a = analyze(&format!(
        "{OPENING} Ông Trần Văn Bình cho biết: “Chúng tôi đã sẵn sàng.” Một người dân ở xã Đông Hòa nói: \
         “Nhà tôi đã ngập tới nửa mét.” “Ai cũng lo cho mùa màng” - quan chức huyện nói."
    ));
    assert_eq!(speaker_of(&a, "sẵn sàng").as_deref(), Some("Trần Văn Bình"));
    assert_eq!(speaker_of(&a, "ngập tới nửa mét"), None);
    assert_eq!(speaker_of(&a, "mùa màng"), None);
}

#[test]
fn a_document_speaks_for_whoever_issued_it() {
    let a = analyze(&format!(
        "{OPENING} Thông cáo của Công ty Cổ phần Sông Mây hôm qua cho biết: “Công ty sẽ tạm dừng hai nhà máy trong một tuần.”"
    ));
    assert_eq!(speaker_of(&a, "tạm dừng").as_deref(), Some("Công ty Cổ phần Sông Mây"));
}

#[test]
fn an_agency_that_relays_words_is_not_the_speaker() {
    let a = analyze(&format!(
        "{OPENING} Theo Reuters, ông Karl Brandt nói: “Châu Âu sẽ gửi thêm hàng cứu trợ.” \
         Ông Brandt nói với Sky News: “Chúng tôi đang theo dõi sát tình hình.”"
    ));
    assert_eq!(speaker_of(&a, "hàng cứu trợ").as_deref(), Some("Karl Brandt"));
    assert_eq!(speaker_of(&a, "theo dõi sát").as_deref(), Some("Karl Brandt"));
}

#[test]
fn a_quote_whose_opening_mark_was_lost_after_its_colon_is_still_a_quote() {
    let a = analyze(&format!(
        "{OPENING} Thay mặt các gia đình, bà Ngô Thu Trang xúc động nói: Chúng tôi biết ơn những người lính đã ở lại \
         cùng dân trong những ngày nước lên”. Hội nghị kết thúc lúc 11 giờ."
    ));
    assert_eq!(speaker_of(&a, "biết ơn những người lính").as_deref(), Some("Ngô Thu Trang"));
}

#[test]
fn the_next_quote_with_no_cue_continues_the_last_speaker() {
    let a = analyze(&format!(
        "{OPENING} Ông Trần Văn Bình cho biết: “Chúng tôi đã sẵn sàng.” Ông nói thêm rằng đội cứu hộ trực suốt đêm. \
         “Không ai phải ở lại một mình.”"
    ));
    assert_eq!(speaker_of(&a, "Không ai phải").as_deref(), Some("Trần Văn Bình"));
}

#[test]
fn this_person_is_whoever_spoke_last_named_or_not() {
    let a = analyze(&format!(
        "{OPENING} Ông Trần Văn Bình cho biết: “Chúng tôi đã sẵn sàng.” Vị này còn nhấn mạnh: “Không ai bị bỏ lại.” \
         Sau đó, vị này tiếp tục nhấn mạnh: “Đê chính vẫn an toàn.” \
         “Nước rút rất chậm” - quan chức huyện nói. Chính khách này cũng cho rằng: “Cần thêm một tuần nữa.”"
    ));
    assert_eq!(speaker_of(&a, "Không ai bị bỏ lại").as_deref(), Some("Trần Văn Bình"));
    assert_eq!(speaker_of(&a, "Đê chính").as_deref(), Some("Trần Văn Bình"));
    assert_eq!(speaker_of(&a, "Cần thêm một tuần"), None);
}

#[test]
fn more_verbs_of_speech_introduce_a_quote() {
    for cue in ["nhìn nhận", "nhớ lại", "trấn an", "nêu", "dự báo", "thuật lại", "phản hồi"] {
        let a = analyze(&format!(
            "{OPENING} Bà Lê Thu Hà {cue}: “Nước sẽ rút hết trong hai ngày tới nếu trời không mưa thêm.”"
        ));
        assert_eq!(speaker_of(&a, "rút hết").as_deref(), Some("Lê Thu Hà"), "{cue}");
        let a = analyze(&format!(
            "{OPENING} “Nước sẽ rút hết trong hai ngày tới nếu trời không mưa thêm”, bà Lê Thu Hà {cue}."
        ));
        assert_eq!(speaker_of(&a, "rút hết").as_deref(), Some("Lê Thu Hà"), "after the quote: {cue}");
    }
    // Wishing is not saying: a title in quotation marks before "mong muốn" stays nobody's words.
    let a = analyze(&format!(
        "{OPENING} Thông qua chương trình “Mùa nước an toàn 2026”, công ty Hưng Phát mong muốn giúp người dân vùng lũ."
    ));
    assert!(a.quotes.iter().all(|q| q.kind != QuoteKind::Direct), "{:?}", a.quotes);
}

#[test]
fn this_person_after_the_quote_is_whoever_spoke_last() {
    let a = analyze(&format!(
        "{OPENING} Ông Trần Văn Bình cho biết: “Chúng tôi đã sẵn sàng.” \
         “Không ai bị bỏ lại phía sau trong mùa lũ này”, vị giám đốc này nhìn nhận."
    ));
    assert_eq!(speaker_of(&a, "Không ai bị bỏ lại").as_deref(), Some("Trần Văn Bình"));
}

#[test]
fn a_quoted_sentence_closed_before_its_period_stands_on_its_own() {
    let a = analyze(&format!(
        "{OPENING} Ông Trần Văn Bình cho biết: “Chúng tôi đã sẵn sàng”. “Không ai phải ở lại một mình trong đêm nay”. \
         Hội nghị kết thúc lúc 11 giờ."
    ));
    assert_eq!(speaker_of(&a, "Không ai phải").as_deref(), Some("Trần Văn Bình"));
    // A name quoted inside the writer's sentence is no quote of anyone's.
    let a = analyze(&format!("{OPENING} Hội nghị có tên “Mùa lũ an toàn cho mọi nhà”."));
    assert!(a.quotes.iter().all(|q| q.kind != QuoteKind::Direct), "{:?}", a.quotes);
}

#[test]
fn a_title_alone_after_the_quote_is_the_person_brought_in_with_it() {
    // Her given name spells a country ("Anh"): she is still the person looked back to.
    let a = analyze(&format!(
        "{OPENING} Bộ trưởng Bộ Thủy lợi Nguyễn Thị Lan Anh cho biết toàn tỉnh có 40 trạm bơm. \
         “Các trạm bơm đã chạy hết công suất từ đêm qua” - bộ trưởng khẳng định. \
         “Không xã nào bị cô lập quá một ngày”, vị bộ trưởng này phân trần."
    ));
    assert_eq!(speaker_of(&a, "hết công suất").as_deref(), Some("Nguyễn Thị Lan Anh"));
    assert_eq!(speaker_of(&a, "bị cô lập").as_deref(), Some("Nguyễn Thị Lan Anh"));
}

#[test]
fn theo_x_after_the_quote_gives_x_the_words() {
    let a = analyze(&format!(
        "{OPENING} “Mực nước sông Lam sẽ lên báo động ba vào chiều nay”, theo ông Trần Văn Bình, giám đốc trung tâm dự báo."
    ));
    assert_eq!(speaker_of(&a, "báo động ba").as_deref(), Some("Trần Văn Bình"));
    let a = analyze(&format!("{OPENING} Bà Lê Thu Hà đến thăm. “Mọi người đã an toàn” - theo bà Hà."));
    assert_eq!(speaker_of(&a, "đã an toàn").as_deref(), Some("Lê Thu Hà"));
    // Words quoted inside the writer's sentence stay a partial quote.
    let a = analyze(&format!(
        "{OPENING} Công ty Hưng Phát bị coi là “con nợ lớn nhất của cả tỉnh năm nay”, theo ông Trần Văn Bình."
    ));
    let quote = a.quotes.iter().find(|q| q.text == "con nợ lớn nhất của cả tỉnh năm nay").expect("the quote");
    assert_eq!((quote.kind, quote.speaker.as_deref()), (QuoteKind::Partial, Some("Trần Văn Bình")));
    // "theo đó" names no one: not an attribution.
    let a = analyze(&format!(
        "{OPENING} Tỉnh ra chỉ thị “Mọi xã phải có đội cứu hộ riêng trước mùa lũ”, theo đó các huyện phải báo cáo hằng tuần."
    ));
    assert!(a.quotes.iter().all(|q| q.cue.as_deref() != Some("theo")), "{:?}", a.quotes);
    // An agency that relays the words is not who said them.
    let a = analyze(&format!("{OPENING} “Mực nước sông Lam sẽ lên báo động ba vào chiều nay”, theo Reuters."));
    assert_eq!(speaker_of(&a, "báo động ba"), None);
}

#[test]
fn someone_of_a_body_speaks_not_the_body() {
    let a = analyze(&format!(
        "{OPENING} Ông Lê Quang Vinh cho biết công ty Hưng Phát đã giao đủ 40 máy bơm cho tỉnh. \
         “Chúng tôi sẽ giao thêm 20 máy trong tuần tới”, lãnh đạo Hưng Phát nói."
    ));
    assert_eq!(speaker_of(&a, "giao thêm").as_deref(), Some("Lê Quang Vinh"));
    let a = analyze(
        "Tối qua, câu lạc bộ Sao Biển thua trận thứ ba liên tiếp. Lê Minh Tuấn rời đội từ năm ngoái. \
         Cựu thủ quân của Sao Biển chia sẻ: “Tôi vẫn theo dõi từng trận đấu của đội.”",
    );
    assert_eq!(speaker_of(&a, "theo dõi từng trận").as_deref(), Some("Lê Minh Tuấn"));
    // A body first named with the role brings in someone new, whom the
    // article does not name: not the person it was following.
    let a = analyze(
        "Theo ông Lê Văn Tùng, Phó giám đốc Công ty Hải Long, lợi nhuận quý này tăng 5%. \
         “Chúng tôi chưa tính tới chuyện tăng lãi suất cho vay trong quý tới”, lãnh đạo Ngân hàng Đông Phương nói.",
    );
    assert_eq!(speaker_of(&a, "tăng lãi suất"), None);
}

#[test]
fn a_title_of_a_body_stands_for_the_person_brought_in_with_it() {
    let a = analyze(
        "Bộ Y tế họp về dịch sốt xuất huyết tại Lạc Giang. Thứ trưởng Bộ Y tế Trần Minh Khải cho biết số ca \
         mắc đã giảm. Tại buổi họp, Thứ trưởng Bộ Y tế nhấn mạnh: “Chúng tôi sẽ không chủ quan trong mùa mưa tới.”",
    );
    assert_eq!(speaker_of(&a, "không chủ quan").as_deref(), Some("Trần Minh Khải"));
    // The same title of another body, or one the article never gave a name:
    // someone it does not name speaks, not the ministry and not Khải.
    let a = analyze(
        "Thứ trưởng Bộ Y tế Trần Minh Khải cho biết số ca mắc đã giảm. Thứ trưởng Bộ Công Thương nói: \
         “Chúng tôi sẽ giữ giá thuốc trong mùa dịch.”",
    );
    assert_eq!(speaker_of(&a, "giữ giá thuốc"), None);
    // The title and the body right before the name: not the next person
    // named, and not a deputy of that title.
    let a = analyze(
        "Thứ trưởng Bộ Y tế Trần Minh Khải và ông Lê Văn Bình dự họp. Phó giám đốc Sở Y tế Lạc Giang Hồ Thị Lan \
         báo cáo tình hình. Thứ trưởng Bộ Y tế nhấn mạnh: “Không được chủ quan.” Giám đốc Sở Y tế Lạc Giang nói: \
         “Các bệnh viện đã sẵn sàng.”",
    );
    assert_eq!(speaker_of(&a, "Không được chủ quan").as_deref(), Some("Trần Minh Khải"));
    assert_eq!(speaker_of(&a, "đã sẵn sàng"), None);
}

#[test]
fn a_document_speaks_for_the_body_that_issued_it() {
    let a = analyze(
        "Bộ Công Thương đã gửi văn bản tới các tỉnh phía Nam. \
         Văn bản nêu rõ: “Các địa phương phải báo cáo kết quả kiểm tra trước ngày 15/11.”",
    );
    assert_eq!(speaker_of(&a, "kết quả kiểm tra").as_deref(), Some("Bộ Công Thương"));
}

#[test]
fn a_name_in_a_list_is_not_who_a_pronoun_stands_for() {
    let a = analyze(&format!(
        "{OPENING} Ông Trần Văn Bình từng huấn luyện nhiều cầu thủ như Lê Minh Tuấn, Phạm Văn Quang hay Nguyễn Đức Hải. \
         “Tuấn là người chăm chỉ nhất mà tôi từng gặp”, ông tiết lộ."
    ));
    assert_eq!(speaker_of(&a, "chăm chỉ nhất").as_deref(), Some("Trần Văn Bình"));
}

#[test]
fn a_quote_with_no_cue_and_no_voice_before_is_the_last_persons_who_spoke() {
    let a = analyze(&format!(
        "{OPENING} Nợ của ngành điện đã được trả hết, ông Trần Văn Bình cho biết tại cuộc họp. \
         Tập đoàn sẽ đầu tư thêm vào nhà máy sản xuất Amon Nitrat. “Chúng tôi không còn khoản nợ nào phải đòi.” \
         Hội nghị kết thúc lúc 11 giờ."
    ));
    assert_eq!(speaker_of(&a, "không còn khoản nợ").as_deref(), Some("Trần Văn Bình"));
}

#[test]
fn a_name_after_the_speech_verb_is_what_was_said_not_who_said_it() {
    let a = analyze(&format!(
        "{OPENING} Ông Trần Văn Bình cho biết Lê Minh Tuấn đã rời đội cứu hộ từ tháng trước. \
         “Chúng tôi vẫn đủ người cho mùa lũ năm nay”, ông nói."
    ));
    assert_eq!(speaker_of(&a, "đủ người").as_deref(), Some("Trần Văn Bình"));
}

#[test]
fn indignation_after_a_quote_is_a_cue_and_a_title_ending_in_nuoc_brings_in_a_person() {
    let a = analyze(&format!(
        "{OPENING} “Đây là việc chưa từng thấy trong ngành thủy lợi của tỉnh”, Phó giám đốc Trần Văn Bình bức xúc. \
         Chủ tịch nước Lê Hoàng Minh khẳng định: “Không ai bị bỏ lại phía sau.”"
    ));
    assert_eq!(speaker_of(&a, "chưa từng thấy").as_deref(), Some("Trần Văn Bình"));
    assert_eq!(speaker_of(&a, "bị bỏ lại").as_deref(), Some("Lê Hoàng Minh"));
}

#[test]
fn an_agency_quoting_someone_gives_their_words_and_a_long_role_keeps_the_name() {
    let a = analyze(&format!(
        "{OPENING} “Nước đã rút khỏi mọi tuyến đường chính của thành phố” – AP dẫn lời bà Lê Thu Hà. \
         Hãng Reuters dẫn lời ông Karl Brandt: “Châu Âu sẽ gửi thêm hàng cứu trợ.”"
    ));
    assert_eq!(speaker_of(&a, "tuyến đường chính").as_deref(), Some("Lê Thu Hà"));
    assert_eq!(speaker_of(&a, "hàng cứu trợ").as_deref(), Some("Karl Brandt"));
    let a = analyze(&format!(
        "{OPENING} Đại tá Trần Văn Bình - Trưởng phòng Cảnh sát phòng chống thiên tai và cứu hộ cứu nạn trên sông \
         và trên biển (PC12), Công an tỉnh Lạc Giang nói: “Mọi tàu thuyền đã vào nơi trú ẩn an toàn.”"
    ));
    assert_eq!(speaker_of(&a, "nơi trú ẩn").as_deref(), Some("Trần Văn Bình"));
}

#[test]
fn the_sentence_after_a_quote_may_say_whose_words_they_were() {
    let a = analyze(&format!(
        "{OPENING} “Mọi xã phải có đội cứu hộ riêng trước ngày 1-6.” Đó là chỉ đạo của Phó Thủ tướng Trần Văn Bình \
         tại hội nghị sáng nay."
    ));
    assert_eq!(speaker_of(&a, "đội cứu hộ riêng").as_deref(), Some("Trần Văn Bình"));
    // Not every "đó là … của" names a speaker.
    let a = analyze(&format!(
        "{OPENING} Ông Lê Quang Vinh cho biết: “Nước đã rút.” “Mọi xã phải có đội cứu hộ riêng trước ngày 1-6.” \
         Đó là kết quả của nhiều năm chuẩn bị của Trần Văn Bình."
    ));
    assert_eq!(speaker_of(&a, "đội cứu hộ riêng").as_deref(), Some("Lê Quang Vinh"));
}

#[test]
fn people_the_speaker_talks_to_are_not_an_unnamed_source() {
    let a = analyze(&format!(
        "{OPENING} Ca sĩ Lê Thu Hà cho biết: “Tôi sẽ hát ở cả ba đêm.” Nữ ca sĩ cũng “truyền lửa” cho các thí sinh \
         bằng cách nói chuyện giản dị và đầy tâm huyết: “Nếu các bạn thấy mình hợp với chương trình thì hãy mạnh dạn.”"
    ));
    assert_eq!(speaker_of(&a, "mạnh dạn").as_deref(), Some("Lê Thu Hà"));
}

#[test]
fn a_speaker_is_named_from_the_family_name_even_when_a_given_name_is_also_english() {
    // "Kim" is an English given name too; a Vietnamese name still opens with
    // its family name.
    let analysis = analyze(
        "Bộ trưởng Bộ Y tế Nguyễn Thị Kim Lan cho biết: “Chúng tôi sẽ kiểm tra mọi bệnh viện trong tháng tới”. \
         Ông Đỗ Kim Tuyến, Phó cục trưởng, nói: “Đợt kiểm tra sẽ kéo dài hai tuần”.",
    );
    assert_eq!(speaker_of(&analysis, "kiểm tra mọi bệnh viện").as_deref(), Some("Nguyễn Thị Kim Lan"));
    assert_eq!(speaker_of(&analysis, "kéo dài hai tuần").as_deref(), Some("Đỗ Kim Tuyến"));
}

#[test]
fn an_idiom_that_opens_with_a_speech_verb_reports_nothing() {
    // "nói riêng … nói chung" is "in particular … in general", "kể cả" is
    // "including": nobody is reported as saying what follows.
    let analysis = analyze(
        "Đêm nhạc đã để lại ấn tượng sâu sắc với fan Hồ Minh Khang nói riêng và khán giả Lạc Giang nói chung. \
         Xuất khẩu của tỉnh tăng mạnh nhờ ngành điện tử nói chung, kể cả các sản phẩm của hai nhà máy Thiên Phát tại Tĩnh Gia.",
    );
    let reported: Vec<_> = analysis.quotes.iter().filter(|q| q.kind == QuoteKind::Reported).collect();
    assert!(reported.is_empty(), "{reported:?}");
}

#[test]
fn presenting_or_publishing_something_is_no_statement_unless_rang_follows() {
    // "công bố kết quả", "trình bày tờ trình", "công bố sáng nay": what is
    // presented or when, not what was said; "công bố rằng …" is a statement.
    let analysis = analyze(
        "Công ty Cổ phần Cảng Lạc Giang công bố kết quả kinh doanh quý 3 với lợi nhuận tăng mạnh. \
         Chiều 23-10, Bộ trưởng Trần Văn Bình trình bày tờ trình về ngân sách trước Hội đồng nhân dân tỉnh. \
         Trong bảng xếp hạng công bố sáng nay, Công ty Hưng Phát đứng đầu về nộp thuế.",
    );
    let reported: Vec<_> = analysis.quotes.iter().filter(|q| q.kind == QuoteKind::Reported).collect();
    assert!(reported.is_empty(), "{reported:?}");
    let analysis = analyze(
        "Ông Lê Quang Vinh, giám đốc Công ty Hưng Phát, công bố rằng công ty sẽ chia cổ tức 20% trong năm nay.",
    );
    let statement = analysis.quotes.iter().find(|q| q.kind == QuoteKind::Reported).expect("a statement");
    assert_eq!(statement.speaker.as_deref(), Some("Lê Quang Vinh"));
    assert!(statement.text.starts_with("công ty sẽ chia cổ tức"), "{statement:?}");
}
