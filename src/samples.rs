//! Built-in sample articles, written for Briefsmith (fictional events and people),
//! so that the app and the docs have something real to open.

use crate::brief::{AnalystFields, Brief, BriefOptions, Confidence, Input};
use crate::AnalyzeOptions;

/// A Vietnamese news article pasted as plain text, with a photo caption and a
/// comment counter as a news site would add them.
pub const VI_SAMPLE: &str = include_str!("../samples/vi-hai-cang.txt");

/// An English news article in Markdown, with headings and an image.
pub const EN_SAMPLE: &str = include_str!("../samples/en-harbour-brief.md");

/// The file name the Vietnamese sample goes by.
pub const VI_SAMPLE_NAME: &str = "vi-hai-cang.txt";

/// The brief of the Vietnamese sample with every analyst field filled in, so
/// that checking a template against it reaches every branch that prints them.
pub fn filled_brief() -> Brief {
    let input = Input {
        text: VI_SAMPLE.to_owned(),
        file_name: Some(VI_SAMPLE_NAME.to_owned()),
        key_points: AnalyzeOptions::default().key_points,
        ..Default::default()
    };
    let options = BriefOptions { generated: Some("2026-01-15".into()), ..Default::default() };
    let mut brief = Brief::from_input(input, options).expect("the built-in sample is a valid article");
    brief.analyst = AnalystFields {
        analyst: "Analyst".into(),
        bottom_line: "Bottom line.".into(),
        assessment: "Assessment.".into(),
        confidence: Some(Confidence::Moderate),
        classification: "UNCLASSIFIED".into(),
        recommendations: vec!["Recommendation.".into()],
    };
    brief.source.url = "https://example.org/article".into();
    brief.source.author = "Author".into();
    brief.source.published = "2026-01-14".into();
    brief
}
