//! Vietnamese conventions for entities: invented sentences (not corpus text),
//! each showing one convention of Vietnamese news writing.

use briefsmith::analyze::EntityKind;
use briefsmith::{analyze_bytes, Options};

fn entities(text: &str) -> Vec<(String, EntityKind)> {
    let analysis = analyze_bytes(text.as_bytes(), &Options::default()).expect("analyzes");
    assert_eq!(analysis.language, "vi", "{text}");
    analysis.entities.iter().map(|e| (e.text.clone(), e.kind)).collect()
}

fn kind_of(found: &[(String, EntityKind)], name: &str) -> Option<EntityKind> {
    found.iter().find(|(text, _)| text == name).map(|&(_, kind)| kind)
}

#[track_caller]
fn assert_kind(found: &[(String, EntityKind)], name: &str, kind: EntityKind) {
    assert_eq!(kind_of(found, name), Some(kind), "{name} in {found:?}");
}

#[test]
fn an_organization_head_and_its_proper_part_are_one_name() {
    let found = entities(
        "Sáng nay, Sở Y tế Lạc Sơn đã họp với trường tiểu học Phú Lâm để bàn về bữa ăn bán trú của học sinh. \
         Bộ trưởng Bộ Tài chính Đoàn Minh Quế cho biết ngân sách sẽ được bổ sung trong tháng tới. \
         Đại diện công ty Thiên Phát nói rằng các em sẽ được ăn miễn phí trong cả năm học tới.",
    );
    assert_kind(&found, "Sở Y tế Lạc Sơn", EntityKind::Organization);
    assert_kind(&found, "trường tiểu học Phú Lâm", EntityKind::Organization);
    // A person's name after the body's ends it.
    assert_kind(&found, "Bộ Tài chính", EntityKind::Organization);
    assert_kind(&found, "Đoàn Minh Quế", EntityKind::Person);
    assert_kind(&found, "công ty Thiên Phát", EntityKind::Organization);
    // "Bộ trưởng" is a title, not a body.
    assert!(found.iter().all(|(t, _)| !t.starts_with("Bộ trưởng")), "{found:?}");
}

#[test]
fn a_body_runs_to_the_place_it_serves() {
    let found = entities(
        "Hôm qua, Đại học Quốc gia Hà Nội ký thỏa thuận hợp tác với Bảo tàng Dân tộc học Việt Nam về việc trưng bày hiện vật. \
         Hai bên cho biết chương trình sẽ kéo dài trong ba năm và mở cửa cho mọi người dân đến xem.",
    );
    assert_kind(&found, "Đại học Quốc gia Hà Nội", EntityKind::Organization);
    assert_kind(&found, "Bảo tàng Dân tộc học Việt Nam", EntityKind::Organization);
}

#[test]
fn a_lowercase_syllable_that_completes_a_word_stays_in_the_name() {
    // Only a word's first syllable is capitalized: "Liên bang", "Nhà nước",
    // "Phòng không" are one word each, so the name runs on; "và" joins two
    // words of one name, but not a second body's name.
    let found = entities(
        "Sáng nay, Cục Dự trữ Liên bang Ostmark và Ngân hàng Nhà nước Lạc Sơn cùng công bố mức lãi suất mới cho quý tới. \
         Bộ Kế hoạch và Đầu tư cho biết Lực lượng Phòng không Lạc Sơn đã nhận thêm ngân sách trong năm nay. \
         Trong khi đó, Bộ Quốc phòng và Lực lượng Phòng vệ Ostmark vẫn chưa đưa ra ý kiến nào về kế hoạch này.",
    );
    for body in [
        "Cục Dự trữ Liên bang Ostmark",
        "Ngân hàng Nhà nước Lạc Sơn",
        "Bộ Kế hoạch và Đầu tư",
        "Lực lượng Phòng không Lạc Sơn",
        "Bộ Quốc phòng",
        "Lực lượng Phòng vệ Ostmark",
    ] {
        assert_kind(&found, body, EntityKind::Organization);
    }
}

#[test]
fn a_place_word_before_a_name_makes_it_a_place() {
    let found = entities(
        "Đoàn công tác đã đến huyện Tĩnh Phong và xã Hòa Mỹ Sơn để kiểm tra đê điều trước mùa mưa bão. \
         Năm nay, hàng hóa của vùng này được bán sang châu Âu và châu Á nhiều hơn mọi năm trước đây.",
    );
    assert_kind(&found, "Tĩnh Phong", EntityKind::Location);
    assert_kind(&found, "Hòa Mỹ Sơn", EntityKind::Location);
    // One capital alone is no acronym: "Á" is a place, not a body.
    assert_kind(&found, "Âu", EntityKind::Location);
    assert_kind(&found, "Á", EntityKind::Location);
}

#[test]
fn a_family_name_opens_a_persons_name() {
    let found = entities(
        "Ca khúc mới do Hồ Minh Khang sáng tác đã được nhiều khán giả yêu thích sau đêm nhạc cuối tuần. \
         Buổi diễn còn có sự góp mặt của Trịnh Thị Loan, Phạm Quốc Vĩnh và nhiều nghệ sĩ trẻ khác đến từ các tỉnh.",
    );
    // "Hồ" is also a lake, but a family name with two syllables after it names a person.
    assert_kind(&found, "Hồ Minh Khang", EntityKind::Person);
    assert_kind(&found, "Trịnh Thị Loan", EntityKind::Person);
    assert_kind(&found, "Phạm Quốc Vĩnh", EntityKind::Person);
}

#[test]
fn gazetteer_names_with_lowercase_syllables_are_taken_whole() {
    let found = entities(
        "Chiều nay, Quốc hội thảo luận về dự án luật đất đai sửa đổi sau nhiều tháng lấy ý kiến. \
         Báo cáo của Chính phủ cho thấy việc giải phóng mặt bằng vẫn còn chậm ở nhiều địa phương trong cả nước.",
    );
    assert_kind(&found, "Quốc hội", EntityKind::Organization);
    assert_kind(&found, "Chính phủ", EntityKind::Organization);
}

#[test]
fn a_place_written_before_a_persons_name_is_its_own_name() {
    let found = entities(
        "Trong chuyến thăm, Thủ tướng Đức Anna Keller đã gặp gỡ các doanh nghiệp trẻ và hứa sẽ mở rộng hợp tác. \
         Bà Keller cho biết hai nước sẽ ký thêm nhiều thỏa thuận thương mại trong năm tới.",
    );
    assert_kind(&found, "Đức", EntityKind::Location);
    assert_kind(&found, "Anna Keller", EntityKind::Person);
}

#[test]
fn foreign_names_are_typed_by_their_role_a_result_or_their_shape() {
    let found = entities(
        "Ở vòng đấu này, đội bóng của hậu vệ Marco Bellini chỉ có được một điểm sau khi bị Valtorena cầm hòa 1-1 trên sân nhà. \
         Trọng tài Pieter Vanhoutte đã rút ba thẻ vàng trong hiệp hai của trận đấu. \
         Sau trận, người hâm mộ lại bàn tán về bản hợp đồng với Quintaro trong mùa hè tới.",
    );
    assert_kind(&found, "Marco Bellini", EntityKind::Person);
    assert_kind(&found, "Pieter Vanhoutte", EntityKind::Person);
    // A result after a name: a team.
    assert_kind(&found, "Valtorena", EntityKind::Organization);
    // A lone foreign word that joined no full name, with nothing else to tell.
    assert_kind(&found, "Quintaro", EntityKind::Organization);
}

#[test]
fn the_vietnamese_sample_names_its_bodies_whole() {
    let found = entities(briefsmith::samples::VI_SAMPLE);
    assert_kind(&found, "Công ty Cổ phần Cảng Lạc Giang", EntityKind::Organization);
    assert_kind(&found, "Ủy ban nhân dân tỉnh Lạc Giang", EntityKind::Organization);
    assert_kind(&found, "Trần Minh Hòa", EntityKind::Person);
    assert_kind(&found, "Lê Thu Hà", EntityKind::Person);
    // Not a syllable of "Cổ phần", nor "phía Bắc", a direction.
    for stray in ["Cổ", "Bắc"] {
        assert!(kind_of(&found, stray).is_none(), "{stray} in {found:?}");
    }
}

#[test]
fn a_citys_short_form_belongs_to_its_name_and_a_known_body_takes_its_country() {
    let found = entities(
        "Hàng nghìn người đã đổ về TP Đà Nẵng để xem lễ hội pháo hoa trong ba đêm liền. \
         Trong khi đó, Chính phủ Nhật Bản cho biết sẽ hỗ trợ thêm kinh phí cho chương trình trao đổi văn hóa giữa hai nước.",
    );
    assert_kind(&found, "TP Đà Nẵng", EntityKind::Location);
    assert!(kind_of(&found, "TP").is_none(), "{found:?}");
    assert_kind(&found, "Chính phủ Nhật Bản", EntityKind::Organization);
}

#[test]
fn names_listed_together_share_a_kind() {
    let found = entities(
        "Đêm nhạc có sự tham gia của Hồ Minh Khang, Thu Diệp và Lan Vy cùng nhiều khách mời khác. \
         Khán giả đã đứng kín sân vận động suốt ba giờ đồng hồ để cổ vũ cho các ca sĩ yêu thích của mình.",
    );
    assert_kind(&found, "Thu Diệp", EntityKind::Person);
    assert_kind(&found, "Lan Vy", EntityKind::Person);
}

#[test]
fn the_first_syllable_of_a_title_is_no_name() {
    let found = entities(
        "Theo ông Đỗ Văn Khải, Cục trưởng Cục Quản lý thị trường, lượng hàng giả đã giảm trong năm nay. \
         Phó Giám đốc Sở Công thương Lạc Sơn cũng cho biết việc kiểm tra sẽ được tăng cường vào dịp cuối năm.",
    );
    assert_kind(&found, "Cục Quản lý", EntityKind::Organization);
    for stray in ["Cục", "Giám"] {
        assert!(kind_of(&found, stray).is_none(), "{stray} in {found:?}");
    }
}

#[test]
fn a_body_named_again_by_its_proper_part_is_the_same_body() {
    let found = entities(
        "Hôm qua, công ty Thiên Phát đã giao 40 máy bơm cho xã Phú Lâm. Lãnh đạo Thiên Phát nói rằng \
         số máy còn lại sẽ đến vào tuần sau, và Thiên Phát sẽ chịu mọi chi phí vận chuyển.",
    );
    assert_kind(&found, "công ty Thiên Phát", EntityKind::Organization);
    assert_eq!(kind_of(&found, "Thiên Phát"), None, "one body, not a second name: {found:?}");
}

#[test]
fn the_word_for_country_inside_a_title_is_no_place() {
    let found = entities(
        "Chiều qua, Chủ tịch nước Lê Hoàng Minh đã đến thăm tỉnh Lạc Giang. Ông Minh đi thuyền tới xã Phú Lâm, \
         nơi nước lũ vẫn còn ngập sâu.",
    );
    assert_kind(&found, "Lê Hoàng Minh", EntityKind::Person);
}
