// A digest of many articles: the story list, the story under review, its
// sources (which the analyst can name) and its figures that disagree.
// The items of the story are reviewed by lists.js like a one-article brief's.

import { showSource, sourceLabel, sourceMark } from "./article.js";
import { changed } from "./autosave.js";
import { renderStatus } from "./brief.js";
import { $, actionButtons } from "./dom.js";
import { editInPlace } from "./edit.js";
import { t } from "./i18n.js";
import { renderList } from "./lists.js";
import { LISTS, reviewed, state } from "./state.js";

/// The fields of a source the analyst can fill or correct.
const SOURCE_FIELDS = [["title", "source_title"], ["name", "source_name"], ["published", "source_published"], ["url", "source_url"]];

export function renderStories(focusIndex = null) {
  const ol = $("stories");
  ol.replaceChildren(...state.brief.stories.map((story, index) => storyElement(story, index)));
  if (focusIndex !== null) ol.children[focusIndex]?.focus();
}

function storyElement(story, index) {
  const li = document.createElement("li");
  li.className = "item story";
  li.tabIndex = 0;
  li.dataset.index = index;
  li.classList.toggle("excluded", !story.included);
  li.classList.toggle("current", index === state.story);
  li.setAttribute("aria-current", String(index === state.story));

  const include = document.createElement("input");
  include.type = "checkbox";
  include.checked = story.included;
  include.title = t("include_story");
  include.tabIndex = -1;
  include.addEventListener("change", () => setStoryIncluded(index, include.checked));

  const body = document.createElement("div");
  body.className = "body";
  const text = document.createElement("div");
  text.className = "text";
  text.textContent = story.edited ?? story.title;
  const meta = document.createElement("div");
  meta.className = "meta";
  const count = document.createElement("span");
  count.className = "badge";
  count.textContent = t(story.sources.length === 1 ? "story_article" : "story_articles", { n: story.sources.length });
  meta.append(count);
  if (story.disagreements.length) {
    const flag = document.createElement("span");
    flag.className = "badge warn";
    flag.textContent = t("story_disagreements", { n: story.disagreements.length });
    meta.append(flag);
  }
  if (story.edited !== null && story.edited !== undefined) {
    const edited = document.createElement("span");
    edited.className = "badge mine";
    edited.textContent = t("edited");
    meta.append(edited);
  }
  body.append(text, meta);

  const actions = actionButtons([
    ["✎", t("rename_story"), () => renameStory(index, li)],
    ["↑", t("move_up"), () => moveStory(index, index - 1)],
    ["↓", t("move_down"), () => moveStory(index, index + 1)],
  ]);
  li.append(include, body, actions);
  li.addEventListener("click", () => selectStory(index));
  li.addEventListener("focus", () => { if (index !== state.story) selectStory(index, { focus: false }); });
  li.addEventListener("keydown", (event) => storyKey(event, index, li));
  return li;
}

/// Puts story `index` under review: its items, sources and disagreements,
/// and the article of its first source.
export function selectStory(index, { focus = true } = {}) {
  if (!state.brief.stories[index]) return;
  state.story = index;
  for (const li of $("stories").children) {
    const current = Number(li.dataset.index) === index;
    li.classList.toggle("current", current);
    li.setAttribute("aria-current", String(current));
  }
  for (const list of LISTS) renderList(list);
  renderDisagreements();
  renderStorySources();
  showSource(reviewed().sources[0]);
  renderStatus();
  if (focus) $("stories").children[index]?.focus();
  // The preview follows when it shows the story alone.
  if (state.scope === "story") changed({ save: false });
}

function setStoryIncluded(index, included) {
  state.brief.stories[index].included = included;
  renderStories(index);
  changed();
}

function moveStory(from, to) {
  const stories = state.brief.stories;
  if (to < 0 || to >= stories.length || from === to) return;
  const [story] = stories.splice(from, 1);
  stories.splice(to, 0, story);
  if (state.story === from) state.story = to;
  else if (state.story === to) state.story = from;
  renderStories(to);
  changed();
}

function renameStory(index, li) {
  const story = state.brief.stories[index];
  editInPlace(li.querySelector(".text"), story.edited ?? story.title, { label: t("rename_story") }, (value) => {
    if (value !== null) {
      story.edited = value && value !== story.title ? value : null;
      changed();
    }
    renderStories(index);
  });
}

function storyKey(event, index, li) {
  if (event.target !== li) return;
  const stories = state.brief.stories;
  if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
    event.preventDefault();
    moveStory(index, index + (event.key === "ArrowUp" ? -1 : 1));
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const next = index + (event.key === "ArrowDown" ? 1 : -1);
    if (next >= 0 && next < stories.length) li.parentElement.children[next].focus();
  } else if (event.key === " ") {
    event.preventDefault();
    setStoryIncluded(index, !stories[index].included);
  } else if (event.key === "Enter" || event.key === "F2") {
    event.preventDefault();
    renameStory(index, li);
  }
}

/// The story's figures that count one thing differently, side by side.
export function renderDisagreements() {
  const story = reviewed();
  $("disagreements-count").textContent = story.disagreements.length;
  $("disagreements").replaceChildren(...story.disagreements.map((disagreement) => {
    const li = document.createElement("li");
    li.className = "item";
    li.classList.toggle("excluded", !disagreement.included);
    const include = document.createElement("input");
    include.type = "checkbox";
    include.checked = disagreement.included;
    include.title = t("include");
    include.addEventListener("change", () => {
      disagreement.included = include.checked;
      li.classList.toggle("excluded", !include.checked);
      changed();
    });
    const body = document.createElement("div");
    body.className = "body";
    const about = document.createElement("div");
    about.className = "text";
    about.textContent = disagreement.about;
    const figures = document.createElement("div");
    figures.className = "meta";
    for (const figure of disagreement.figures) {
      const value = document.createElement("span");
      value.textContent = figure.edited ?? figure.text;
      figures.append(value, sourceMark(figure.source, [[figure.start, figure.end]]));
    }
    body.append(about, figures);
    li.append(include, body, document.createElement("span"));
    return li;
  }));
}

/// The story's sources: a button each to read its article, and the fields
/// the analyst can fill or correct (a file has no outlet of its own).
export function renderStorySources() {
  const story = reviewed();
  $("story-sources").replaceChildren(...story.sources.map((index) => {
    const button = document.createElement("button");
    button.dataset.source = index;
    button.textContent = `[${index + 1}] ${sourceLabel(state.brief.sources[index])}`;
    button.setAttribute("aria-pressed", "false");
    button.onclick = () => showSource(index);
    return button;
  }));
  $("sources").replaceChildren(...story.sources.map((index) => sourceFields(index)));
}

function sourceFields(index) {
  const source = state.brief.sources[index];
  const box = document.createElement("fieldset");
  box.className = "fields source";
  const legend = document.createElement("legend");
  legend.textContent = `[${index + 1}] ${source.file.split(/[\\/]/).pop()}`;
  legend.title = source.file;
  box.append(legend);
  for (const [field, label] of SOURCE_FIELDS) {
    const wrap = document.createElement("label");
    const name = document.createElement("span");
    name.textContent = t(label);
    const input = document.createElement("input");
    input.value = source[field] || "";
    input.dataset.field = field;
    if (field === "published") input.placeholder = "YYYY-MM-DD";
    input.addEventListener("input", () => {
      source[field] = input.value;
      // Titles and outlets name the source everywhere it is shown.
      if (field === "title" || field === "name") {
        const button = document.querySelector(`#story-sources button[data-source="${index}"]`);
        if (button) button.textContent = `[${index + 1}] ${sourceLabel(source)}`;
      }
      changed();
    });
    wrap.append(name, input);
    box.append(wrap);
  }
  return box;
}
