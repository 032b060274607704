//! Templates made without code: a [`Design`] is the list of a brief's
//! sections, in order, each shown or not and with its options, kept in the
//! manifest (`[[design.sections]]`). [`generate`] writes the Jinja it stands
//! for, the same Jinja a person would write: the built-in templates are
//! generated this way, so a built-in opened in the designer and saved
//! unchanged is the same template.
//!
//! Headings are label keys ("key_findings"), so renaming a section in a
//! locale is a `[labels.LOCALE]` entry of the manifest, as by hand.
//!
//! A template whose Jinja is not what its design generates (edited by hand,
//! or never designed) is not the designer's to rewrite: [`design_of`] says why.

use serde::{Deserialize, Serialize};

/// A designed template's sections, in the order the brief shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Design {
    /// What the brief is about: one article, or a digest's stories.
    #[serde(default, skip_serializing_if = "Scope::is_article")]
    pub scope: Scope,
    pub sections: Vec<Section>,
}

/// What a design's brief tells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// One article.
    #[default]
    Article,
    /// The most reported story of a digest, told from all its sources.
    MainStory,
    /// Every story of a digest, one after another.
    Stories,
}

impl Scope {
    fn is_article(&self) -> bool {
        *self == Scope::Article
    }

    /// The kinds of section a brief of this scope can show, in the order a
    /// new design lists them.
    pub fn kinds(self) -> &'static [SectionKind] {
        use SectionKind::*;
        match self {
            Scope::Article => &[
                TitleBlock,
                BottomLine,
                KeyPoints,
                Quotes,
                QuoteSheet,
                QuotedPhrases,
                ReportedStatements,
                Names,
                Figures,
                Assessment,
                Recommendations,
                Sources,
            ],
            Scope::MainStory => {
                &[TitleBlock, BottomLine, KeyPoints, Quotes, Disagreements, Assessment, Recommendations, Sources]
            }
            Scope::Stories => &[TitleBlock, BottomLine, Stories, Assessment, Recommendations, Sources],
        }
    }
}

/// What a section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The marking, the title and the date line (`partials/header.md.j2`).
    TitleBlock,
    /// The analyst's bottom line, else the first key point, which the key
    /// points then leave out.
    BottomLine,
    KeyPoints,
    /// Direct quotes as block quotes; those a key point carries are left out
    /// while the key points are shown.
    Quotes,
    /// Every direct quote under its own numbered heading, with its context.
    QuoteSheet,
    QuotedPhrases,
    ReportedStatements,
    /// The people, organizations and places.
    Names,
    Figures,
    Assessment,
    Recommendations,
    Sources,
    /// The figures the sources of a story give differently.
    Disagreements,
    /// Each story of a digest: its title, sources, key points, a key quote
    /// and its disagreements.
    Stories,
}

impl SectionKind {
    /// The label its heading reads unless the design says another.
    pub fn default_heading(self) -> &'static str {
        match self {
            SectionKind::TitleBlock => "",
            SectionKind::BottomLine => "bottom_line",
            SectionKind::KeyPoints => "key_findings",
            SectionKind::Quotes => "key_quotes",
            SectionKind::QuoteSheet => "quotes",
            SectionKind::QuotedPhrases => "quoted_phrases",
            SectionKind::ReportedStatements => "reported_statements",
            SectionKind::Names => "actors",
            SectionKind::Figures => "key_figures",
            SectionKind::Assessment => "assessment",
            SectionKind::Recommendations => "recommended_actions",
            SectionKind::Sources => "sources",
            SectionKind::Disagreements => "disagreements",
            SectionKind::Stories => "",
        }
    }

    /// The options that change what this section shows, as [`Section`]
    /// names them: what the designer offers for it.
    pub fn options(self) -> &'static [&'static str] {
        match self {
            SectionKind::TitleBlock | SectionKind::Names | SectionKind::Sources | SectionKind::Disagreements => &[],
            SectionKind::Stories => &["limit", "speakers"],
            SectionKind::BottomLine => &["citations"],
            SectionKind::KeyPoints => &["limit", "numbered", "citations"],
            SectionKind::Quotes | SectionKind::ReportedStatements => &["limit", "speakers", "citations"],
            SectionKind::QuoteSheet | SectionKind::QuotedPhrases | SectionKind::Figures => &["limit", "citations"],
            SectionKind::Assessment => &["confidence", "inline_confidence"],
            SectionKind::Recommendations => &["numbered"],
        }
    }
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// One section of a design and its options; an option its kind does not
/// read ([`SectionKind::options`]) changes nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub kind: SectionKind,
    /// Unticked sections stay in the design, out of the brief.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub shown: bool,
    /// The label key of its heading; empty for the kind's own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
    /// At most this many items; none for all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// A numbered list rather than bullets.
    #[serde(default, skip_serializing_if = "is_false")]
    pub numbered: bool,
    /// Who said each quote.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub speakers: bool,
    /// Each item's citation of the article, in the brief's citation style.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub citations: bool,
    /// The analyst's confidence with the assessment.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub confidence: bool,
    /// The confidence in brackets after the assessment, not on a line of its own.
    #[serde(default, skip_serializing_if = "is_false")]
    pub inline_confidence: bool,
}

impl Section {
    /// A shown section of `kind` with the kind's heading and every option at its default.
    pub fn new(kind: SectionKind) -> Section {
        Section {
            kind,
            shown: true,
            heading: String::new(),
            limit: None,
            numbered: false,
            speakers: true,
            citations: true,
            confidence: true,
            inline_confidence: false,
        }
    }

    /// The label key its heading reads.
    pub fn heading(&self) -> &str {
        if self.heading.is_empty() {
            self.kind.default_heading()
        } else {
            &self.heading
        }
    }
}

/// Why the designer cannot open a template as a design.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotDesigned {
    #[error("this template was written in Jinja, not in the designer; it opens read-only here. Change it in the source editor, or start a design from a built-in")]
    NoDesign,
    #[error("this template's Jinja was edited by hand after it was designed; saving a design would overwrite those edits, so it opens read-only here. Change it in the source editor, or start a new design")]
    EditedByHand,
}

impl Design {
    /// What in the design no template could be made of: a heading that is
    /// not a label key, or a limit of none.
    pub fn problem(&self) -> Option<String> {
        self.sections.iter().find_map(|s| {
            let key = s.heading.as_str();
            let is_key = key.chars().next().is_none_or(|c| c.is_ascii_lowercase() || c == '_')
                && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !is_key {
                Some(format!("the heading '{key}' is not a label's name: a-z, digits and _ only"))
            } else if s.limit == Some(0) {
                Some(format!("the {:?} section shows at most 0 items: leave it out instead", s.kind))
            } else {
                None
            }
        })
    }
}

/// The design of a template whose Jinja is exactly what the design
/// generates; else why the designer may not rewrite it.
pub fn design_of(manifest: &super::Manifest, source: &str) -> Result<Design, NotDesigned> {
    let design = manifest.design.clone().ok_or(NotDesigned::NoDesign)?;
    if generate(&design) == source {
        Ok(design)
    } else {
        Err(NotDesigned::EditedByHand)
    }
}

/// The Jinja a design stands for.
pub fn generate(design: &Design) -> String {
    let shown: Vec<&Section> =
        design.sections.iter().filter(|s| s.shown && design.scope.kinds().contains(&s.kind)).collect();
    let has = |kind: SectionKind| shown.iter().any(|s| s.kind == kind);
    let mut out = String::new();
    if design.scope == Scope::MainStory {
        // The story's lists stand in for the brief's: the sections read the same.
        out.push_str(
            "{# The first (most reported) story of the brief, told from all its sources. #}\n\
             {% set story = stories[0] if stories else none %}\n\
             {% set key_points = story.key_points if story else [] %}\n\
             {% set direct_quotes_outside_key_points = story.direct_quotes_outside_key_points if story else [] %}\n",
        );
    }
    // Which key points the list shows: all, or all but the one that leads.
    let points = if has(SectionKind::BottomLine) && design.scope != Scope::Stories {
        out.push_str(
            "{# Without the analyst's bottom line the first key point leads, and is not listed again. #}\n\
             {% set lead = analyst.bottom_line or (key_points[0].text if key_points else \"\") %}\n\
             {% set points = key_points if analyst.bottom_line else key_points[1:] %}\n",
        );
        "points"
    } else {
        "key_points"
    };
    let key_points = shown.iter().find(|s| s.kind == SectionKind::KeyPoints);
    let context = Context {
        scope: design.scope,
        points,
        key_points_shown: key_points.is_some(),
        key_points_limited: key_points.is_some_and(|s| s.limit.is_some()),
    };
    for section in shown {
        section_jinja(&mut out, section, &context);
    }
    out
}

/// What one section's Jinja depends on beyond its own options.
struct Context {
    scope: Scope,
    /// The variable holding the key points to list.
    points: &'static str,
    key_points_shown: bool,
    /// The key points list shows only some.
    key_points_limited: bool,
}

impl Context {
    /// The filter that cites an item: the paragraph of one article, or the
    /// numbered sources of a digest.
    fn cite_filter(&self) -> &'static str {
        if self.scope == Scope::Article {
            "cite"
        } else {
            "source_marks"
        }
    }
}

fn section_jinja(out: &mut String, section: &Section, context: &Context) {
    let heading = format!("## {{{{ labels.{} }}}}\n\n", section.heading());
    let filter = context.cite_filter();
    let cite = |item: &str| if section.citations { format!("{{{{ {item} | {filter} }}}}") } else { String::new() };
    let limit = section.limit.map(|n| format!("[:{n}]")).unwrap_or_default();
    let bullet = if section.numbered { "{{ loop.index }}. " } else { "- " };
    // The main story's own sections say nothing when there is no story.
    let (open, close) = match (context.scope, section.kind) {
        (
            Scope::MainStory,
            SectionKind::BottomLine | SectionKind::KeyPoints | SectionKind::Quotes | SectionKind::Disagreements,
        ) => ("{% if story %}\n", "{% endif %}\n"),
        _ => ("", ""),
    };
    out.push_str(open);
    match section.kind {
        SectionKind::TitleBlock => out.push_str(&title_block(context.scope)),
        SectionKind::BottomLine if context.scope == Scope::Stories => {
            out.push_str(&format!("{{% if analyst.bottom_line %}}\n{heading}{{{{ analyst.bottom_line }}}}\n\n{{% endif %}}\n"))
        }
        SectionKind::BottomLine => {
            let cited = if section.citations {
                format!("{{% if not analyst.bottom_line and key_points %}}{{{{ key_points[0] | {filter} }}}}{{% endif %}}")
            } else {
                String::new()
            };
            out.push_str(&format!("{{% if lead %}}\n{heading}{{{{ lead }}}}{cited}\n\n{{% endif %}}\n"));
        }
        SectionKind::KeyPoints => {
            let points = context.points;
            out.push_str(&format!(
                "{{% if {points} %}}\n{heading}{{% for point in {points}{limit} %}}\n\
                 {bullet}{{{{ point.text }}}}{}\n{{% endfor %}}\n\n{{% endif %}}\n",
                cite("point")
            ));
        }
        SectionKind::Quotes => {
            // Quotes held by key points the list leaves out (past its limit) are shown here.
            let quotes = if context.key_points_shown && !context.key_points_limited {
                out.push_str("{# A quote a key point already carries is not repeated here. #}\n");
                "direct_quotes_outside_key_points"
            } else if context.scope == Scope::MainStory {
                "story.direct_quotes"
            } else {
                "direct_quotes"
            };
            let item = if section.speakers {
                format!("> {{{{ quote.text | quoted }}}}\\\n> — {{{{ quote.speaker or labels.unattributed }}}}{}\n", cite("quote"))
            } else {
                format!("> {{{{ quote.text | quoted }}}}{}\n", cite("quote"))
            };
            out.push_str(&format!(
                "{{% if {quotes} %}}\n{heading}{{% for quote in {quotes}{limit} %}}\n{item}\n{{% endfor %}}\n{{% endif %}}\n"
            ));
        }
        SectionKind::QuoteSheet => out.push_str(&format!(
            "{{% if direct_quotes %}}\n{heading}{{% for quote in direct_quotes{limit} %}}\n\
             ### {{{{ loop.index }}}}. {{{{ quote.speaker or labels.unattributed }}}}\n\n\
             > {{{{ quote.text | quoted }}}}{}\n\n\
             {{% if quote.context %}}\n*{{{{ labels.context }}}}:* {{{{ quote.context | truncate_words(60) }}}}\n\n{{% endif %}}\n\
             {{% endfor %}}\n{{% endif %}}\n",
            cite("quote")
        )),
        SectionKind::QuotedPhrases => out.push_str(&format!(
            "{{% set phrases = quotes | selectattr(\"kind\", \"equalto\", \"partial\") | list %}}\n\
             {{% if phrases %}}\n{heading}{{% for quote in phrases{limit} %}}\n\
             - {{{{ quote.text | quoted }}}}{{% if quote.speaker %}} — {{{{ quote.speaker }}}}{{% endif %}}{}\n\
             {{% endfor %}}\n\n{{% endif %}}\n",
            cite("quote")
        )),
        SectionKind::ReportedStatements => {
            let speaker = if section.speakers { "**{{ quote.speaker or labels.unattributed }}:** " } else { "" };
            out.push_str(&format!(
                "{{% set statements = quotes | selectattr(\"kind\", \"equalto\", \"reported\") | list %}}\n\
                 {{% if statements %}}\n{heading}{{% for quote in statements{limit} %}}\n\
                 - {speaker}{{{{ quote.text }}}}{}\n{{% endfor %}}\n\n{{% endif %}}\n",
                cite("quote")
            ));
        }
        SectionKind::Names => out.push_str(&format!(
            "{{% if entities.person or entities.organization or entities.location %}}\n{heading}\
             {{% if entities.person %}}\n- **{{{{ labels.people }}}}:** {{{{ entities.person | join_names }}}}\n{{% endif %}}\n\
             {{% if entities.organization %}}\n- **{{{{ labels.organizations }}}}:** {{{{ entities.organization | join_names }}}}\n{{% endif %}}\n\
             {{% if entities.location %}}\n- **{{{{ labels.places }}}}:** {{{{ entities.location | join_names }}}}\n{{% endif %}}\n\
             \n{{% endif %}}\n"
        )),
        SectionKind::Figures => out.push_str(&format!(
            "{{% if figures %}}\n{heading}| {{{{ labels.figure }}}} | {{{{ labels.context }}}} |\n| --- | --- |\n\
             {{% for figure in figure_groups{limit} %}}\n\
             | {{{{ figure.text }}}} | {{% if figure.excerpt %}}…{{{{ figure.context }}}}…{{% else %}}{{{{ figure.context }}}}{{% endif %}}{} |\n\
             {{% endfor %}}\n\n{{% endif %}}\n",
            cite("figure")
        )),
        SectionKind::Disagreements => out.push_str(&format!(
            "{{% if story.disagreements %}}\n{heading}| {{{{ labels.figure }}}} | {{{{ labels.context }}}} |\n| --- | --- |\n\
             {{% for d in story.disagreements %}}\n{{% for f in d.figures %}}\n\
             | {{{{ f.text }}}}{} | {{% if f.excerpt %}}…{{{{ f.context }}}}…{{% else %}}{{{{ f.context }}}}{{% endif %}} |\n\
             {{% endfor %}}\n{{% endfor %}}\n\n{{% endif %}}\n",
            cite("f")
        )),
        SectionKind::Assessment => {
            let body = match (section.confidence, section.inline_confidence) {
                (false, _) => "{{ analyst.assessment }}\n\n",
                (true, true) => "{{ analyst.assessment }}{% if analyst.confidence_label %} ({{ labels.confidence }}: {{ analyst.confidence_label }}){% endif %}\n\n",
                (true, false) => "{{ analyst.assessment }}\n\n{% if analyst.confidence_label %}\n**{{ labels.confidence }}:** {{ analyst.confidence_label }}\n\n{% endif %}\n",
            };
            out.push_str(&format!("{{% if analyst.assessment %}}\n{heading}{body}{{% endif %}}\n"));
        }
        SectionKind::Recommendations => out.push_str(&format!(
            "{{% if analyst.recommendations %}}\n{heading}{{% for action in analyst.recommendations %}}\n\
             {bullet}{{{{ action }}}}\n{{% endfor %}}\n\n{{% endif %}}\n"
        )),
        SectionKind::Sources if context.scope == Scope::Article => {
            out.push_str("{% include \"partials/sources.md.j2\" %}\n")
        }
        SectionKind::Sources => out.push_str("{% include \"partials/source-list.md.j2\" %}\n"),
        SectionKind::Stories => out.push_str(&stories(section)),
    }
    out.push_str(close);
}

/// The marking, the office, the title, the date line and the distribution.
fn title_block(scope: Scope) -> String {
    let (title, counts) = match scope {
        Scope::Article => return "{% include \"partials/header.md.j2\" %}\n".to_owned(),
        Scope::MainStory => ("{{ title or (story.title if story else \"\") }}", ""),
        Scope::Stories => (
            "{{ title or labels.digest }}",
            " · {{ stories | length }} {{ labels.story_one if stories | length == 1 else labels.stories }}, \
             {{ sources | length }} {{ labels.article_one if sources | length == 1 else labels.articles }}",
        ),
    };
    format!(
        "{{% if analyst.classification %}}\n**{{{{ analyst.classification }}}}**\n\n{{% endif %}}\n\
         {{% if template.organisation %}}\n{{{{ template.organisation }}}}\n\n{{% endif %}}\n\
         # {title}\n\n\
         {{{{ labels.prepared }}}}: {{{{ generated | date }}}}{{% if analyst.analyst %}} · {{{{ labels.analyst }}}}: {{{{ analyst.analyst }}}}{{% endif %}}{counts}\n\n\
         {{% if template.distribution %}}\n{{{{ labels.distribution }}}}: {{{{ template.distribution }}}}\n\n{{% endif %}}\n"
    )
}

/// Each story of a digest, its items citing their sources by number.
fn stories(section: &Section) -> String {
    let limit = section.limit.map(|n| format!("[:{n}]")).unwrap_or_default();
    let speaker = if section.speakers { "\\\n> — {{ story.key_quote.speaker }}" } else { "" };
    format!(
        "{{# Each item names its sources by number: [1][2] are entries of the list at the end. #}}\n\
         {{% for story in stories %}}\n\
         ## {{{{ story.n }}}}. {{{{ story.title }}}}\n\n\
         {{% if story.source_names %}}{{{{ labels.reported_by }}}}: {{{{ story.source_names | join_names }}}}{{% else %}}{{{{ labels.sources }}}}:{{% endif %}}{{{{ story | source_marks }}}}\n\n\
         {{% for point in story.key_points{limit} %}}\n- {{{{ point.text }}}}{{{{ point | source_marks }}}}\n{{% endfor %}}\n\n\
         {{% if story.key_quote %}}\n> {{{{ story.key_quote.text | quoted }}}}{speaker}{{{{ story.key_quote | source_marks }}}}\n\n{{% endif %}}\n\
         {{% if story.disagreements %}}\n**{{{{ labels.disagreements }}}}:**\n\n\
         {{% for d in story.disagreements %}}\n- {{{{ d.about }}}}: {{% for f in d.figures %}}{{{{ f.text }}}}{{{{ f | source_marks }}}}{{% if not loop.last %}} · {{% endif %}}{{% endfor %}}\n\n{{% endfor %}}\n\n\
         {{% endif %}}\n{{% endfor %}}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_design_reads_and_writes_as_the_manifest_keeps_it() {
        let text = "[[sections]]\nkind = \"title_block\"\n\n[[sections]]\nkind = \"key_points\"\nheading = \"key_developments\"\nlimit = 3\nnumbered = true\n\n[[sections]]\nkind = \"names\"\nshown = false\n";
        let design: Design = toml::from_str(text).unwrap();
        assert_eq!(design.sections[1].heading(), "key_developments");
        assert_eq!(design.sections[1].limit, Some(3));
        assert!(!design.sections[2].shown);
        assert_eq!(toml::to_string(&design).unwrap(), text);
        assert!(toml::from_str::<Design>("[[sections]]\nkind = \"title_block\"\ncolour = 1\n").is_err());
    }

    #[test]
    fn a_heading_must_be_a_label_key_and_a_limit_at_least_one() {
        let mut section = Section::new(SectionKind::KeyPoints);
        section.heading = "key_findings_2".into();
        assert_eq!(Design { scope: Scope::Article, sections: vec![section.clone()] }.problem(), None);
        for heading in ["Key findings", "x }} {{ 7*7", "key-findings"] {
            section.heading = heading.into();
            let design = Design { scope: Scope::Article, sections: vec![section.clone()] };
            assert!(design.problem().is_some_and(|p| p.contains("not a label's name")), "{heading}");
        }
        section.heading.clear();
        section.limit = Some(0);
        assert!(Design { scope: Scope::Article, sections: vec![section] }.problem().is_some());
    }

    #[test]
    fn quotes_held_by_key_points_left_out_of_a_shorter_list_still_show() {
        let mut points = Section::new(SectionKind::KeyPoints);
        let quotes = Section::new(SectionKind::Quotes);
        let all = generate(&Design { scope: Scope::Article, sections: vec![points.clone(), quotes.clone()] });
        assert!(all.contains("for quote in direct_quotes_outside_key_points"), "{all}");
        points.limit = Some(2);
        let some = generate(&Design { scope: Scope::Article, sections: vec![points, quotes] });
        assert!(some.contains("for quote in direct_quotes %"), "{some}");
    }

    #[test]
    fn hidden_sections_and_options_change_the_jinja() {
        let mut points = Section::new(SectionKind::KeyPoints);
        points.limit = Some(3);
        points.numbered = true;
        points.citations = false;
        let mut names = Section::new(SectionKind::Names);
        names.shown = false;
        let jinja = generate(&Design { scope: Scope::Article, sections: vec![points, names] });
        assert!(jinja.contains("{% for point in key_points[:3] %}\n{{ loop.index }}. {{ point.text }}\n"), "{jinja}");
        assert!(!jinja.contains("entities"), "{jinja}");
        assert!(!jinja.contains("cite"), "{jinja}");
    }
}
