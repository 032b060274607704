//! Analyzing a brief's article again without losing the analyst's review.
//!
//! The analyst may restore a line removed as noise or ask for more or fewer
//! key points. Either means a new analysis, whose items then take over what
//! the analyst did to the old ones: their order, exclusions, edits, corrected
//! speakers and figures' contexts, merged names, and the key points they
//! wrote themselves.

use super::corrections::fold_merged;
use super::{Brief, BriefOptions, EntityItem, FigureItem, Input, KeyPointItem, Paragraphs, QuoteItem};
use crate::analyze::Mention;
use crate::ingest::{IngestError, IngestOptions};
use crate::text::CharIndex;
use crate::{AnalyzeOptions, Options};

impl Brief {
    /// Reads and analyzes `input` into a new brief that remembers its input.
    pub fn from_input(input: Input, options: BriefOptions) -> Result<Brief, IngestError> {
        let pipeline = Options {
            ingest: IngestOptions {
                file_name: input.file_name.clone(),
                keep: input.restored.clone(),
                info: input.info.clone(),
                ..IngestOptions::default()
            },
            analyze: AnalyzeOptions { key_points: input.key_points, language: input.language.clone() },
        };
        let mut analysis = crate::analyze_bytes(input.text.as_bytes(), &pipeline)?;
        analysis.file = input.file_name.clone().unwrap_or_else(|| "-".to_owned());
        let mut brief = Brief::from_analysis(&analysis, options);
        brief.input = Some(input);
        Ok(brief)
    }

    /// Analyzes `input` again and carries this brief's review over to the
    /// result. Items found again keep the analyst's order and state; items
    /// the analyst edited or added stay even when the new analysis lacks them;
    /// new items come last.
    pub fn reanalyze(&self, input: Input) -> Result<Brief, IngestError> {
        let options = BriefOptions {
            generated: Some(self.generated.clone()),
            source: self.source.clone(),
            analyst: self.analyst.clone(),
        };
        let mut fresh = Brief::from_input(input, options)?;
        fresh.title = self.title.clone();
        let article = fresh.article.clone();
        let index = CharIndex::new(&article);
        let locate = |text: &str| find_chars(&article, &index, text);
        let old_paragraphs = Paragraphs::of(&self.article);

        fresh.key_points = merge(
            std::mem::take(&mut fresh.key_points),
            &self.key_points,
            |new, old| new.text == old.text,
            |new, old| {
                new.included = old.included;
                new.edited = old.edited.clone();
            },
            |old| old.start.is_none() || old.edited.is_some(),
            |old: &mut KeyPointItem| {
                if old.start.is_some() {
                    (old.start, old.end) = locate(&old.text).unzip();
                }
            },
        );
        fresh.quotes = merge(
            std::mem::take(&mut fresh.quotes),
            &self.quotes,
            |new, old| new.text == old.text && new.kind == old.kind,
            |new, old| {
                new.included = old.included;
                new.edited = old.edited.clone();
                new.speaker = old.speaker.clone();
            },
            |old| old.edited.is_some(),
            |old: &mut QuoteItem| {
                let (start, end) = (old.start, old.end);
                (old.start, old.end) = locate(&old.text).unzip();
                // Not in the new article: it keeps the paragraph it stood in.
                if let (None, Some(start), Some(end)) = (old.start, start, end) {
                    old.context = old_paragraphs.around(start, end);
                }
            },
        );
        fresh.entities = merge(
            std::mem::take(&mut fresh.entities),
            &self.entities,
            |new, old| new.text == old.text,
            |new, old| {
                new.included = old.included;
                new.edited = old.edited.clone();
                new.kind = old.kind;
                new.merged = old.merged.clone();
            },
            |old| old.edited.is_some() || !old.merged.is_empty(),
            |old: &mut EntityItem| old.mentions = find_all(&article, &index, &old.mentions),
        );
        fold_merged(&mut fresh.entities);
        fresh.figures = merge(
            std::mem::take(&mut fresh.figures),
            &self.figures,
            |new, old| new.text == old.text && new.context == old.context,
            |new, old| {
                new.included = old.included;
                new.edited = old.edited.clone();
                new.context_edited = old.context_edited.clone();
            },
            |old| old.edited.is_some() || old.context_edited.is_some(),
            |old: &mut FigureItem| (old.start, old.end) = locate(&old.text).unzip(),
        );
        Ok(fresh)
    }
}

/// The old list's order with the new items' offsets and the old items'
/// state, then the new items nobody had seen. Old items not found again are
/// dropped unless `kept`; kept ones are `relocated` in the new article.
fn merge<T: Clone>(
    new: Vec<T>,
    old: &[T],
    same: impl Fn(&T, &T) -> bool,
    carry: impl Fn(&mut T, &T),
    kept: impl Fn(&T) -> bool,
    relocate: impl Fn(&mut T),
) -> Vec<T> {
    let mut new: Vec<Option<T>> = new.into_iter().map(Some).collect();
    let mut merged = Vec::with_capacity(new.len() + old.len());
    for previous in old {
        let found = new.iter().position(|n| n.as_ref().is_some_and(|n| same(n, previous)));
        match found.and_then(|i| new[i].take()) {
            Some(mut item) => {
                carry(&mut item, previous);
                merged.push(item);
            }
            None if kept(previous) => {
                let mut item = previous.clone();
                relocate(&mut item);
                merged.push(item);
            }
            None => {}
        }
    }
    merged.extend(new.into_iter().flatten());
    merged
}

/// Every occurrence in `haystack` of the texts of `mentions`, in text order:
/// where an edited entity the new analysis lost is mentioned now.
fn find_all(haystack: &str, index: &CharIndex, mentions: &[Mention]) -> Vec<Mention> {
    let mut texts: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).filter(|t| !t.is_empty()).collect();
    texts.sort_unstable();
    texts.dedup();
    let mut found: Vec<Mention> = texts
        .into_iter()
        .flat_map(|text| {
            haystack.match_indices(text).map(|(start, _)| Mention {
                text: text.to_owned(),
                start: index.char_offset(haystack, start),
                end: index.char_offset(haystack, start + text.len()),
            })
        })
        .collect();
    found.sort_by_key(|m| (m.start, m.end));
    found
}

/// The char range of the first occurrence of `needle` in `haystack`.
fn find_chars(haystack: &str, index: &CharIndex, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let start = haystack.find(needle)?;
    Some((index.char_offset(haystack, start), index.char_offset(haystack, start + needle.len())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::CorrectionError;

    const ARTICLE: &str = "Hội nghị về an ninh mở màn tại Hà Nội.\n\n\
        Ảnh: Hải quân tập trận.\n\n\
        Bộ trưởng Lê Văn An cho biết: “Chúng tôi sẽ mở rộng cảng Hòn Mê thêm 85 héc-ta.”\n\n\
        Dự án trị giá 3 tỷ USD được khởi công vào tháng 6 năm ngoái.\n\n\
        Ông An nói thêm rằng 12 nước đã cam kết tham gia.";

    fn input(key_points: usize) -> Input {
        Input { text: ARTICLE.to_owned(), key_points, ..Default::default() }
    }

    fn brief(key_points: usize) -> Brief {
        Brief::from_input(
            input(key_points),
            BriefOptions { generated: Some("2026-01-01".into()), ..Default::default() },
        )
        .expect("the article analyzes")
    }

    #[test]
    fn restoring_a_removed_line_puts_it_back_in_the_article() {
        let before = brief(3);
        let caption = before.removed.first().expect("the caption is removed").text.clone();
        assert!(!before.article.contains(&caption));
        let mut again = before.input.clone().unwrap();
        again.restored.push(caption.clone());
        let after = before.reanalyze(again).unwrap();
        assert!(after.article.contains(&caption), "{}", after.article);
        assert!(after.removed.iter().all(|r| r.text != caption));
    }

    #[test]
    fn the_review_survives_a_new_analysis() {
        let mut before = brief(3);
        before.title = "Cảng Hòn Mê".into();
        before.analyst.bottom_line = "Mở rộng cảng.".into();
        before.key_points.swap(0, 1);
        before.key_points[0].included = false;
        before.key_points[1].edited = Some("Điểm chính đã sửa.".into());
        before.key_points.insert(
            1,
            KeyPointItem {
                text: "Điểm của chuyên viên.".into(),
                start: None,
                end: None,
                score: None,
                reasons: vec!["analyst".into()],
                included: true,
                edited: None,
            },
        );
        before.quotes[0].speaker = Some("Lê An".into());
        let order: Vec<String> = before.key_points.iter().map(|k| k.text.clone()).collect();

        let mut again = before.input.clone().unwrap();
        again.key_points = 4;
        again.restored.push(before.removed[0].text.clone());
        let after = before.reanalyze(again).unwrap();

        assert_eq!(after.title, "Cảng Hòn Mê");
        assert_eq!(after.analyst.bottom_line, "Mở rộng cảng.");
        let texts: Vec<String> = after.key_points.iter().map(|k| k.text.clone()).collect();
        assert_eq!(texts[..4], order[..], "the analyst's order comes first");
        assert_eq!(after.key_points.len(), 5, "four drawn plus the analyst's own");
        assert!(!after.key_points[0].included);
        assert_eq!(after.key_points[2].edited.as_deref(), Some("Điểm chính đã sửa."));
        assert_eq!(after.quotes[0].speaker.as_deref(), Some("Lê An"));
        for k in after.key_points.iter().filter(|k| k.start.is_some()) {
            let chars: String =
                after.article.chars().skip(k.start.unwrap()).take(k.end.unwrap() - k.start.unwrap()).collect();
            assert_eq!(chars, k.text, "offsets point into the new article");
        }
    }

    #[test]
    fn an_edited_quote_no_longer_in_the_article_keeps_its_paragraph() {
        let mut before = brief(3);
        let (start, end) = (before.quotes[0].start.unwrap(), before.quotes[0].end.unwrap());
        let paragraph = Paragraphs::of(&before.article).around(start, end);
        // The analyst's edit kept, with words the article will no longer hold.
        before.quotes[0].text = "lời đã không còn trong bài".into();
        before.quotes[0].edited = Some("Lời đã sửa.".into());
        let after = before.reanalyze(before.input.clone().unwrap()).unwrap();
        let kept = after.quotes.iter().find(|q| q.edited.as_deref() == Some("Lời đã sửa.")).expect("kept");
        assert_eq!((kept.start, kept.end), (None, None));
        assert_eq!(kept.context, paragraph);
        assert!(!paragraph.is_empty());
    }

    #[test]
    fn an_edited_entity_kept_points_into_the_new_article() {
        let mut before = brief(3);
        before.entities.push(EntityItem {
            // Not a name the analysis finds: only the analyst's review keeps it.
            text: "mở rộng cảng".into(),
            kind: crate::analyze::EntityKind::Other,
            mentions: vec![Mention { text: "mở rộng cảng".into(), start: 0, end: 12 }],
            included: true,
            edited: Some("Đảo Hòn Mê".into()),
            merged: Vec::new(),
        });
        let mut again = before.input.clone().unwrap();
        again.restored.push(before.removed[0].text.clone());
        let after = before.reanalyze(again).unwrap();
        let kept = after.entities.iter().find(|e| e.edited.as_deref() == Some("Đảo Hòn Mê")).expect("kept");
        assert!(!kept.mentions.is_empty());
        for m in &kept.mentions {
            let read: String = after.article.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(read, m.text);
        }
    }

    #[test]
    fn merged_names_stay_merged_after_a_new_analysis() {
        let mut before = brief(3);
        let names: Vec<String> = before.entities.iter().map(|e| e.text.clone()).collect();
        assert!(names.len() >= 3, "{names:?}");
        let (into, from) = (names[0].clone(), names[2].clone());
        let mentions = before.entities[0].mentions.len() + before.entities[2].mentions.len();
        before.merge_entities(0, 2).unwrap();
        assert_eq!(before.entities.len(), names.len() - 1);
        assert_eq!(before.entities[0].text, into);
        assert_eq!(before.entities[0].merged, std::slice::from_ref(&from));
        assert_eq!(before.entities[0].mentions.len(), mentions);
        assert!(before.entities[0].mentions.windows(2).all(|m| m[0].start < m[1].start), "in the article's order");

        let mut again = before.input.clone().unwrap();
        again.restored.push(before.removed[0].text.clone());
        let after = before.reanalyze(again).unwrap();
        assert!(after.entities.iter().all(|e| e.text != from), "{:?}", after.entities);
        let merged = after.entities.iter().find(|e| e.text == into).expect("the merged name");
        assert_eq!(merged.merged, std::slice::from_ref(&from));
        assert_eq!(merged.mentions.len(), mentions);
        assert!(merged.mentions.iter().any(|m| m.text == from));
    }

    #[test]
    fn a_merge_names_what_is_wrong_with_it() {
        let mut brief = brief(3);
        let count = brief.entities.len();
        assert_eq!(brief.merge_entities(0, count), Err(CorrectionError::NoSuchEntity { index: count, count }));
        assert_eq!(brief.merge_entities(1, 1), Err(CorrectionError::SameEntity));
        assert_eq!(brief.entities.len(), count, "a failed merge changes nothing");
    }

    #[test]
    fn a_figures_corrected_context_stays_after_a_new_analysis() {
        let mut before = brief(3);
        let figure = before.figures.iter().position(|f| f.text.contains("85")).expect("85 héc-ta");
        before.figures[figure].context_edited = Some("diện tích mở rộng cảng Hòn Mê".into());
        let after = before.reanalyze(before.input.clone().unwrap()).unwrap();
        let kept = after.figures.iter().find(|f| f.text.contains("85")).expect("found again");
        assert_eq!(kept.context_edited.as_deref(), Some("diện tích mở rộng cảng Hòn Mê"));
        assert!(kept.start.is_some());
    }

    #[test]
    fn an_edited_point_stays_when_fewer_are_drawn() {
        let mut before = brief(4);
        before.key_points[3].edited = Some("Giữ điểm này.".into());
        let kept = before.key_points[3].text.clone();
        let mut again = before.input.clone().unwrap();
        again.key_points = 2;
        let after = before.reanalyze(again).unwrap();
        assert_eq!(after.key_points.len(), 3);
        assert_eq!(after.key_points[2].text, kept);
        assert!(after.key_points[2].start.is_some());
    }
}
