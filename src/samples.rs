//! Built-in sample articles, written for Briefsmith (fictional events and people),
//! so that the app and the docs have something real to open.

/// A Vietnamese news article pasted as plain text, with a photo caption and a
/// comment counter as a news site would add them.
pub const VI_SAMPLE: &str = include_str!("../samples/vi-hai-cang.txt");

/// An English news article in Markdown, with headings and an image.
pub const EN_SAMPLE: &str = include_str!("../samples/en-harbour-brief.md");
