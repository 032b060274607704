//! Who said a quote and how names are read, on short fictional English news
//! text: each case is one convention of news writing that the en-quotes
//! corpus showed Briefsmith getting wrong.

use briefsmith::analyze::{EntityKind, QuoteKind};
use briefsmith::Analysis;

fn analyze(text: &str) -> Analysis {
    briefsmith::analyze_bytes(text.as_bytes(), &briefsmith::Options::default()).expect("analysis")
}

fn speaker_of(analysis: &Analysis, words: &str) -> Option<String> {
    let quote = analysis.quotes.iter().find(|q| q.text.contains(words)).unwrap_or_else(|| panic!("no quote {words}"));
    assert_eq!(quote.kind, QuoteKind::Direct, "{words}");
    quote.speaker.clone()
}

/// The reported statements, with their speakers.
fn reported(analysis: &Analysis) -> Vec<(&str, Option<&str>)> {
    analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Reported)
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect()
}

fn kind_of(analysis: &Analysis, name: &str) -> EntityKind {
    let names: Vec<&str> = analysis.entities.iter().map(|e| e.text.as_str()).collect();
    analysis.entities.iter().find(|e| e.text == name).unwrap_or_else(|| panic!("{name} not among {names:?}")).kind
}

#[test]
fn a_name_before_the_verb_wins_over_a_place_after_it() {
    let a = analyze(
        "Title line\n\nGolfer Adam Lindqvist won twice last season.\n\n\
         \"I was excited to get right back to it,\" Lindqvist said by phone from Phoenix.",
    );
    assert_eq!(speaker_of(&a, "excited to get right back").as_deref(), Some("Adam Lindqvist"));
}

#[test]
fn the_person_after_the_verb_is_preferred_to_a_place_described_with_them() {
    let a = analyze(
        "Title line\n\n“Every publisher turned me down,” says Oakridge cartoonist Marcel Dufresne, whose hero flies.",
    );
    assert_eq!(speaker_of(&a, "Every publisher").as_deref(), Some("Marcel Dufresne"));
}

#[test]
fn initials_hyphens_and_titles_inside_names() {
    let a = analyze(
        "Title line\n\n\"The talks will go on,\" Harold P. Brennick, director of studies at the Lakeshore Institute, \
         said in a statement.\n\nChinese President Xi Jinping met Kim Jong-un, and Attorney General Nadia \
         Okafor-Blanc spoke to the Minister of Justice. Okafor-Blanc said she had no comment.\n\n\
         The Harbour Hotel Association said rates would rise. Vancouver's Tomas Reyes scored twice.",
    );
    assert_eq!(speaker_of(&a, "talks will go on").as_deref(), Some("Harold P. Brennick"));
    assert_eq!(kind_of(&a, "Harold P. Brennick"), EntityKind::Person);
    assert_eq!(kind_of(&a, "Xi Jinping"), EntityKind::Person);
    assert_eq!(kind_of(&a, "Kim Jong-un"), EntityKind::Person);
    assert_eq!(kind_of(&a, "Nadia Okafor-Blanc"), EntityKind::Person);
    assert_eq!(kind_of(&a, "Tomas Reyes"), EntityKind::Person);
    // A body that speaks is still a body.
    assert_eq!(kind_of(&a, "Harbour Hotel Association"), EntityKind::Organization);
    let okafor = a.entities.iter().find(|e| e.text == "Nadia Okafor-Blanc").unwrap();
    assert_eq!(okafor.mentions.len(), 2, "the surname alone is a mention of the full name");
    let names: Vec<&str> = a.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with("of ") || *n == "Minister of Justice"), "{names:?}");
}

#[test]
fn he_is_the_subject_of_the_last_sentences_not_the_last_name() {
    let a = analyze(
        "Title line\n\nPieter Vos has four goals since the Hawks traded him for Aldo Brun last week. \
         The 26-year-old winger said his new teammates make room for him.\n\n\
         \"They are great playmakers. You have to move around,\" he said.",
    );
    assert_eq!(speaker_of(&a, "great playmakers").as_deref(), Some("Pieter Vos"));
}

#[test]
fn she_skips_a_man_named_as_husband() {
    let a = analyze(
        "Title line\n\nFor Samira Haddad and thousands of others, the wait is over. \
         The mother's goal is clear: a passport for herself, husband Omar Zayani, and their children.\n\n\
         \"I am a citizen now, same as you,\" she said.",
    );
    assert_eq!(speaker_of(&a, "citizen now").as_deref(), Some("Samira Haddad"));
}

#[test]
fn a_definite_description_stands_for_the_person_named_before() {
    let a = analyze(
        "Title line\n\nI am talking about Renata Kowalczyk, who opened the shop in 2004. \
         “We publish local artists only,’’ says the 39-year-old founder of Paper Moon Press, which turned ten.",
    );
    assert_eq!(speaker_of(&a, "local artists only").as_deref(), Some("Renata Kowalczyk"));
    let quote = a.quotes.iter().find(|q| q.text.contains("local artists")).unwrap();
    assert_eq!(quote.text, "We publish local artists only", "’’ closes the quote");
}

#[test]
fn an_unnamed_speaker_is_their_description() {
    let a = analyze(
        "Title line\n\nThe council voted late on Monday.\n\n\
         \"No study of the route has been done,\" a spokesperson said.\n\n\
         \"Hey, do you ever sleep?\" wondered a friend of the family.",
    );
    assert_eq!(speaker_of(&a, "No study").as_deref(), Some("a spokesperson"));
    assert_eq!(speaker_of(&a, "ever sleep").as_deref(), Some("a friend of the family"));
}

#[test]
fn reported_statements_carry_their_speaker_and_the_words_quoted_inside() {
    let a = analyze(
        "Title line\n\nFinance Minister Odile Marchand said the price paid for the ferry line was “appropriate.”\n\n\
         Mayor Ruth Ekwueme opened the bridge on Monday. It will carry trams from May, the mayor said.\n\n\
         She told reporters in Lakeport that the talks with the union had stalled.\n\n\
         The port authority posted a video of the first crossing.\n\n\
         \"We are ready,\" Marchand said, adding that the crews had trained all winter.",
    );
    assert_eq!(
        reported(&a),
        vec![
            ("the price paid for the ferry line was “appropriate", Some("Odile Marchand")),
            ("It will carry trams from May", Some("Ruth Ekwueme")),
            ("the talks with the union had stalled", Some("Ruth Ekwueme")),
            ("the crews had trained all winter", Some("Odile Marchand")),
        ],
        "no statement for a verb with an object (posted a video); one after direct words"
    );
    let partial = a.quotes.iter().find(|q| q.text == "appropriate.").unwrap();
    assert_eq!(partial.kind, QuoteKind::Partial);
    assert_eq!(partial.speaker.as_deref(), Some("Odile Marchand"));
}

#[test]
fn vietnamese_reported_statements() {
    let a = analyze(
        "Điện tăng mạnh\n\nBộ Công Thương cho biết sản lượng điện tháng Năm tăng 12% so với cùng kỳ năm ngoái. \
         Ông Trần Văn Hải, Vụ trưởng Vụ Kế hoạch, nói rằng ngành điện đã chuẩn bị cho mùa nắng nóng.",
    );
    assert_eq!(
        reported(&a),
        vec![
            ("sản lượng điện tháng Năm tăng 12% so với cùng kỳ năm ngoái", Some("Bộ Công Thương")),
            ("ngành điện đã chuẩn bị cho mùa nắng nóng", Some("Trần Văn Hải")),
        ]
    );
}

#[test]
fn groups_of_people_and_names_after_the_are_no_persons() {
    let a = analyze(
        "Title line\n\nMarta Lindgren, who studied at Brookfield Catholic, said Brookfield Catholic has \
         \"a culture of silence.\"\n\n\"I saw people from Brookfield Catholic laugh at it,\" she said.\n\n\
         As the school reopened on Monday, Senator Oren Whitcombe blamed the press.\n\n\
         \"Activists took a few seconds of video out of context,\" the Ohio Republican said.\n\n\
         The Harbour Ledger and Mail Thursday reported the story. The Ledger said it stood by it. \
         At the march were several Native Americans.",
    );
    assert_eq!(speaker_of(&a, "people from Brookfield").as_deref(), Some("Marta Lindgren"));
    assert_eq!(speaker_of(&a, "few seconds of video").as_deref(), Some("Oren Whitcombe"));
    assert_eq!(kind_of(&a, "Brookfield Catholic"), EntityKind::Other);
    assert_eq!(kind_of(&a, "Native Americans"), EntityKind::Other);
    assert_ne!(kind_of(&a, "Harbour Ledger"), EntityKind::Person);
    let names: Vec<&str> = a.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("Thursday")), "{names:?}");
}

#[test]
fn a_name_set_off_by_commas_before_the_verb_is_part_of_a_description() {
    let a = analyze(
        "Title line\n\nRavi Menon, Minister of Trade, Science and Rural Development, said the plan was sound.\n\n\
         \"We listen to companies of every size,\" he said.",
    );
    assert_eq!(speaker_of(&a, "companies of every size").as_deref(), Some("Ravi Menon"));
}

#[test]
fn bodies_speak_through_it_the_agency_and_an_office() {
    let a = analyze(
        "Title line\n\nThe loan came from Northern Trade Credit (NTC), a federal lender. Corvale Mining, which \
         borrowed it, has mines in Halden. NTC declined to discuss the terms.\n\n\
         \"We respect the privacy of our clients,\" it said in a statement.\n\n\
         Corvale said output would rise. The Coastal Ports Agency reviewed the deal.\n\n\
         \"The review found no fault,\" the agency said.\n\n\
         Minister Paul Okonjo defended the loan on Monday.\n\n\
         \"The payments followed the contracts,\" his office said.",
    );
    assert_eq!(speaker_of(&a, "privacy of our clients").as_deref(), Some("Northern Trade Credit"));
    assert_eq!(speaker_of(&a, "review found no fault").as_deref(), Some("Coastal Ports Agency"));
    assert_eq!(speaker_of(&a, "followed the contracts").as_deref(), Some("Paul Okonjo's office"));
    assert_eq!(kind_of(&a, "Northern Trade Credit"), EntityKind::Organization);
    let ntc = a.entities.iter().find(|e| e.text == "Northern Trade Credit").unwrap();
    assert_eq!(ntc.mentions.len(), 3, "the acronym is a mention of its long form");
    let names: Vec<&str> = a.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(!names.contains(&"NTC"), "{names:?}");
}

#[test]
fn a_body_is_named_by_its_first_word_but_a_place_is_not() {
    let a = analyze(
        "Title line\n\nCorvale Mining posted a profit. Analysts expect Corvale to dig more.\n\n\
         The Halden Hotel Association met in Halden on Friday. Visitors to Halden fell.",
    );
    let corvale = a.entities.iter().find(|e| e.text == "Corvale Mining").unwrap();
    assert_eq!(corvale.mentions.len(), 2);
    let association = a.entities.iter().find(|e| e.text == "Halden Hotel Association").unwrap();
    assert_eq!(association.mentions.len(), 1, "Halden the town is not the association");
}

#[test]
fn sources_brought_in_with_their_age_or_a_long_description() {
    let a = analyze(
        "Title line\n\nRetiree Alma Brandt, 71, says the classes changed her life. \"I walk every day now,\" she says.\n\n\
         The program also helped Quebec accountant Tiberiu Vancea, 50. \"I had a gym card, but never used it,\" \
         he says.\n\n\"Most clinics will not take walk-ins,\" said lead author Dr. Ines Kaltenbach, a \
         cardiologist.\n\n\"We wanted to thank him,\" Jordan said, after Jordan Pelletier filmed the video.",
    );
    assert_eq!(speaker_of(&a, "gym card").as_deref(), Some("Tiberiu Vancea"));
    assert_eq!(speaker_of(&a, "walk-ins").as_deref(), Some("Ines Kaltenbach"));
}

#[test]
fn an_aside_between_commas_and_a_possessive_do_not_hide_the_speaker() {
    let a = analyze(
        "Title line\n\nIvo Marsh, who joined the board last month, said \"the station will respect the order.\"\n\n\
         Marta Lindgren, the Catholic school graduate, said \"it is not right to ever mock them.\"\n\n\
         \"Most printers want a thousand copies,\" says Campbell's partner, Jonah Louwe.\n\n\
         \"The design follows the site,\" Pierre Gagnon, the firm's chief architect, mentioned in a talk.",
    );
    assert_eq!(speaker_of(&a, "respect the order").as_deref(), Some("Ivo Marsh"));
    assert_eq!(speaker_of(&a, "ever mock them").as_deref(), Some("Marta Lindgren"));
    assert_eq!(speaker_of(&a, "thousand copies").as_deref(), Some("Jonah Louwe"));
    assert_eq!(speaker_of(&a, "design follows").as_deref(), Some("Pierre Gagnon"));
}

#[test]
fn a_pronoun_prefers_a_sure_person_to_a_title_shaped_like_a_name() {
    let a = analyze(
        "Title line\n\n\"Confidence is attractive,\" echoes barber Robert Hale.\n\n\
         Style matters. (Velvet Comb has built a franchise on it.) \"It can be degrading,\" he explains.",
    );
    assert_eq!(speaker_of(&a, "can be degrading").as_deref(), Some("Robert Hale"));
}

#[test]
fn pull_quotes_family_names_first_brands_and_clause_subjects() {
    let a = analyze(
        "Title line\n\n'I'm not a ghost, but I am a mutant'\n\nKnowing he loved comics, Lena Ortiz made a joke. \
         \"I'm not a ghost,\" she said, \"but I am a mutant.\"\n\n\
         Vice-President Zhao Minghui spoke in Beijing. \"Blame will not solve the problems,\" Zhao said.\n\n\
         RiverLink ran the buses. Mayor Doug Keller wanted trains. It was only later that Keller changed his mind \
         about RiverLink. \"I never said there was a study,\" he said.",
    );
    assert_eq!(speaker_of(&a, "ghost, but I am").as_deref(), Some("Lena Ortiz"));
    assert_eq!(speaker_of(&a, "Blame will not").as_deref(), Some("Zhao Minghui"));
    assert_eq!(speaker_of(&a, "never said there was").as_deref(), Some("Doug Keller"));
    assert_eq!(kind_of(&a, "RiverLink"), EntityKind::Organization);
}

#[test]
fn titles_are_nobodys_words_and_phrases_make_a_reported_statement() {
    let a = analyze(
        "Title line\n\n\"The Boy Who Would Be Mayor\" opens on Friday. The cast is in \"The Boy Who Would Be Mayor.\"\n\n\
         Historian Lewis Ardent wrote the book. In fact, the railways used the unions \"to keep the porters in \
         their place,\" Ardent says.",
    );
    assert!(
        a.quotes.iter().all(|q| !q.text.contains("Would Be Mayor") || q.kind == QuoteKind::Partial),
        "{:?}",
        a.quotes
    );
    let phrase = a.quotes.iter().find(|q| q.text.starts_with("to keep the porters")).unwrap();
    assert_eq!(phrase.kind, QuoteKind::Partial);
    let statement = "In fact, the railways used the unions \"to keep the porters in their place";
    assert_eq!(reported(&a), vec![(statement, Some("Lewis Ardent"))]);
}

#[test]
fn straight_marks_typed_with_spaces_inside_still_pair() {
    let a = analyze(
        "Tiêu đề\n\nToàn bộ vụ việc chỉ diễn ra trong khoảng 5 giây.\n\n\
         \" Hiện Công an thành phố đang khẩn trương xác minh, truy bắt đối tượng \", Đại tá Nguyễn Văn Bôn cho biết thêm.",
    );
    let quote = a.quotes.iter().find(|q| q.kind == QuoteKind::Direct).expect("a direct quote");
    assert_eq!(quote.text, "Hiện Công an thành phố đang khẩn trương xác minh, truy bắt đối tượng");
    assert_eq!(quote.speaker.as_deref(), Some("Nguyễn Văn Bôn"));
    assert_eq!(a.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).count(), 1, "{:?}", a.quotes);

    // Spaces on both sides of a name in marks; a mark before a full stop never opens.
    let a = analyze(
        "Tiêu đề\n\nTrong vai tú bà \" Thu Ngà \", Nghĩa yêu cầu H. đến một khách sạn.\n\n\
         “Đối với người phạm tội thì áp dụng Điều 21.\n\nSau khi khỏi bệnh, người đó phải chịu trách nhiệm \".\n\n\
         \" Đối với người hạn chế nhận thức thì được giảm nhẹ trách nhiệm”, luật sư Giang Hồng Thanh nói.",
    );
    let name = a.quotes.iter().find(|q| q.text == "Thu Ngà").expect("the name in marks");
    assert_eq!((name.kind, name.speaker.as_deref()), (QuoteKind::Partial, None));
    let last = a.quotes.iter().find(|q| q.text.contains("hạn chế nhận thức")).expect("the last quote");
    assert!(last.text.starts_with("Đối với"), "{:?}", last.text);
    assert_eq!(last.speaker.as_deref(), Some("Giang Hồng Thanh"));
}

#[test]
fn vietnamese_provinces_and_communes_are_places() {
    let a = analyze(
        "Tiêu đề\n\nSáng nay, công an tỉnh Lâm Đồng khám nghiệm hiện trường tại Xã Di Trạch. \
         Ông Nguyễn Quang Tuyến cho biết: \"Chúng tôi đang làm rõ nguyên nhân vụ việc.\"",
    );
    assert_eq!(kind_of(&a, "Lâm Đồng"), EntityKind::Location);
    assert_eq!(kind_of(&a, "Xã Di Trạch"), EntityKind::Location);
    assert_eq!(speaker_of(&a, "làm rõ nguyên nhân").as_deref(), Some("Nguyễn Quang Tuyến"));
}

#[test]
fn a_phrase_ending_the_writers_sentence_makes_it_the_speakers_statement() {
    let a = analyze(
        "Title line\n\nEarly results from the pilot are “very encouraging,” says programme director Mirela \
         Ostrova, who is leading the project with two city hospitals.\n\n\
         A running joke was that the night nurses were “sleepy shift staff” rather than “sleeping shift \
         staff,” Ostrova writes.",
    );
    let statements = reported(&a);
    assert!(
        statements.contains(&("Early results from the pilot are “very encouraging", Some("Mirela Ostrova"))),
        "{statements:?}"
    );
    assert!(
        statements.iter().any(|(text, speaker)| text.starts_with("A running joke was that")
            && text.ends_with("sleeping shift staff")
            && *speaker == Some("Mirela Ostrova")),
        "{statements:?}"
    );
    let phrase = a.quotes.iter().find(|q| q.text.starts_with("sleeping shift")).expect("phrase");
    assert_eq!(phrase.kind, QuoteKind::Partial);
}

#[test]
fn a_verb_after_direct_words_may_report_more() {
    let a = analyze(
        "Title line\n\nPremier Anika Holm spoke in Halifax on Monday.\n\n\
         \"I have two children in the public schools,\" she said, adding the planned cuts \"worry me as a \
         mother of a kindergartner.\"",
    );
    let direct = a.quotes.iter().find(|q| q.text.starts_with("I have two children")).expect("direct");
    assert_eq!(direct.kind, QuoteKind::Direct);
    assert!(
        reported(&a).contains(&("the planned cuts \"worry me as a mother of a kindergartner", Some("Anika Holm"))),
        "{:?}",
        reported(&a)
    );
}

#[test]
fn a_body_set_off_by_an_apposition_reports_and_a_second_verb_keeps_its_subject() {
    let a = analyze(
        "Title line\n\nRidgeway Trails, the group that organized Monday’s walk, said it has received “hundreds of \
         letters from residents who were never consulted.”\n\n\
         Later that month, Velmont-Arcadis applied for a review of the decision, arguing the refusal was an \
         “unreasonable use of discretion.”\n\n\
         Velmont-Arcadis, a Quebec-based engineering firm, declined to comment.\n\n\
         Youth Works also has an online “road map” for employers and suggests companies “should hire for \
         skills” rather than diplomas.",
    );
    let statements = reported(&a);
    let speaker = |start: &str| statements.iter().find(|(text, _)| text.starts_with(start)).and_then(|s| s.1);
    assert_eq!(speaker("it has received “hundreds of letters"), Some("Ridgeway Trails"), "{statements:?}");
    assert_eq!(speaker("the refusal was an “unreasonable"), Some("Velmont-Arcadis"), "{statements:?}");
    assert_eq!(speaker("companies “should hire for skills"), Some("Youth Works"), "{statements:?}");
    assert_eq!(kind_of(&a, "Velmont-Arcadis"), EntityKind::Organization);
}

#[test]
fn where_a_statement_starts_after_that_or_a_listener() {
    let a = analyze(
        "Title line\n\nCoach Stefan Varga spoke to his players.\n\n\
         Varga suggested he might record a “short video” that was “not too sad.”\n\n\
         Varga told the Courier he left the board last winter “because of the lack of good governance.”\n\n\
         Whenever he left the house, Varga told her “bad things would happen” if she called anyone.\n\n\
         “I burned down my parents’ kitchen at twelve,” Varga says while rolling up his sleeves.\n\n\
         Varga recalled of that first winter that the rink had no heat.",
    );
    let statements: Vec<&str> = reported(&a).into_iter().map(|(text, _)| text).collect();
    assert!(statements.contains(&"he might record a “short video” that was “not too sad"), "{statements:?}");
    assert!(
        statements.contains(&"he left the board last winter “because of the lack of good governance"),
        "{statements:?}"
    );
    assert!(statements.contains(&"bad things would happen” if she called anyone"), "{statements:?}");
    assert!(statements.contains(&"the rink had no heat"), "{statements:?}");
    assert!(!statements.iter().any(|s| s.contains("rolling up")), "{statements:?}");
}

#[test]
fn a_title_with_a_portfolio_and_a_hyphenated_given_name_leave_the_name() {
    let a = analyze(
        "Title line\n\nSecretary of State Maria Calloway praised the mediators and said she did not think the \
         dispute would affect the talks.\n\nEastern Korean President Lee Jae-won arrived on Monday.",
    );
    assert_eq!(kind_of(&a, "Maria Calloway"), EntityKind::Person);
    assert_eq!(kind_of(&a, "Lee Jae-won"), EntityKind::Person);
    assert!(
        reported(&a).contains(&("she did not think the dispute would affect the talks", Some("Maria Calloway"))),
        "{:?}",
        reported(&a)
    );
}

#[test]
fn a_common_word_opening_a_name_the_article_capitalizes_elsewhere() {
    let a = analyze(
        "Title line\n\nThe trail was closed on Monday, said Trail Alliance volunteer Mia Rossetti.\n\n\
         Trail Alliance, the group that organized the walk, said it has received “hundreds of letters from \
         hikers.”\n\nOn Sunday, the Roman Catholic Diocese of Lakeport condemned the vandalism. Lakeport \
         responded within hours, and Lakeport promised a review.",
    );
    assert!(
        reported(&a).contains(&("it has received “hundreds of letters from hikers", Some("Trail Alliance"))),
        "{:?}",
        reported(&a)
    );
    assert_eq!(kind_of(&a, "Roman Catholic Diocese of Lakeport"), EntityKind::Organization);
}

#[test]
fn a_title_stands_for_the_person_given_it_else_it_is_the_speaker() {
    let a = analyze(
        "Title line\n\nDaniel Okoro, 41, was sentenced on Friday. Tomas Lindqvist, the mayor of Eastport, \
         welcomed the ruling.\n\nThe judge ruled he was likely to pose a risk that would \"likely result in \
         harm to a future victim.\"\n\nLater, Okoro's lawyer left the court. The mayor said the city would \
         \"review every licence it has issued.\"\n\nAs speakers addressed the crowd, protesters chanted \
         “Okoro must stay in prison!”",
    );
    let statements = reported(&a);
    let speaker = |start: &str| statements.iter().find(|(text, _)| text.starts_with(start)).and_then(|s| s.1);
    assert_eq!(speaker("he was likely to pose a risk"), Some("The judge"), "{statements:?}");
    assert_eq!(speaker("the city would"), Some("Tomas Lindqvist"), "{statements:?}");
    assert_eq!(speaker_of(&a, "must stay in prison").as_deref(), Some("protesters"));
}

#[test]
fn sources_documents_and_descriptions_that_name_no_one() {
    let a = analyze(
        "Title line\n\nThe Orchard Growers Association said in a statement that cider sales had doubled. The \
         statement also said that a ban could have “serious consequences for small farms.”\n\n\
         According to the memo obtained by the Herald, the buyers “believed in the value of local papers.”\n\n\
         The plan includes new printing presses, according to the memo.\n\n\
         “The line was never studied,” a Harbour Transit spokeswoman said. Mayor Joan Whitcombe disagreed.\n\n\
         “We need a kidney for our coach,” says one of the players in the video.",
    );
    let statements = reported(&a);
    let speaker = |start: &str| statements.iter().find(|(text, _)| text.starts_with(start)).and_then(|s| s.1);
    assert_eq!(speaker("a ban could have"), Some("Orchard Growers Association"), "{statements:?}");
    assert_eq!(speaker("the buyers “believed"), Some("the memo"), "{statements:?}");
    assert_eq!(speaker("The plan includes new printing presses"), Some("the memo"), "{statements:?}");
    assert_eq!(speaker_of(&a, "never studied").as_deref(), Some("a Harbour Transit spokeswoman"));
    assert_eq!(speaker_of(&a, "kidney for our coach").as_deref(), Some("one of the players"));
}

#[test]
fn acronyms_open_body_names_and_lost_opening_marks_are_repaired() {
    let a = analyze(
        "Title line\n\nBC Hydro said 600 crews were out. Hydro said repairs would take days. NATO Secretary \
         General Jens Stoltenberg spoke later, and BJ Penn watched.\n\n\
         \"Hundreds of downed trees have left roads impassable in the worst-hit areas\" including Lake \
         Cowichan, it said.\n\n\
         \"It was always about the belt,\" Penn said. It was never about the opponent. I want to go back to \
         the gym.\".",
    );
    assert_eq!(kind_of(&a, "BC Hydro"), EntityKind::Organization);
    assert_eq!(kind_of(&a, "Jens Stoltenberg"), EntityKind::Person);
    assert_eq!(kind_of(&a, "BJ Penn"), EntityKind::Person);
    assert_eq!(speaker_of(&a, "Hundreds of downed trees").as_deref(), Some("BC Hydro"));
    let lost = a.quotes.iter().find(|q| q.text.starts_with("It was never about")).expect("quote with a lost mark");
    assert_eq!(lost.text, "It was never about the opponent. I want to go back to the gym.");
    assert_eq!(lost.kind, QuoteKind::Direct);
    assert_eq!(lost.speaker.as_deref(), Some("BJ Penn"));
}

#[test]
fn more_of_what_was_said_after_and_a_semicolon_or_a_named_listener() {
    let a = analyze(
        "Title line\n\nHarbour guide Lena Vos said “it’s not right to close the pier,” and the council’s vote \
         “falls on every fisher in town.”\n\nFerry crews were often blamed for delays, Vos writes; such \
         complaints “grew louder every winter.”\n\nHer agent, Marko Tal, told The Coastal Times by email the \
         guide was a “little tired” after the season.",
    );
    let statements = reported(&a);
    let speaker = |start: &str| statements.iter().find(|(text, _)| text.starts_with(start)).and_then(|s| s.1);
    assert_eq!(speaker("the council’s vote “falls on every fisher"), Some("Lena Vos"), "{statements:?}");
    assert_eq!(speaker("Ferry crews were often blamed for delays"), Some("Lena Vos"), "{statements:?}");
    assert_eq!(speaker("such complaints “grew louder"), Some("Lena Vos"), "{statements:?}");
    assert_eq!(speaker("the guide was a “little tired"), Some("Marko Tal"), "{statements:?}");
}
