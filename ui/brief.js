// The start screen and the brief on screen: the analyst's fields and status.

import { renderArticle, renderRemoved } from "./article.js";
import { changed, saveSettings } from "./autosave.js";
import { $ } from "./dom.js";
import { openPath } from "./files.js";
import { resetHistory } from "./history.js";
import { t } from "./i18n.js";
import { renderList } from "./lists.js";
import { refreshMenu } from "./menu.js";
import { isDigest, LISTS, reviewed, state } from "./state.js";
import { renderStories, selectStory } from "./stories.js";
import { fitTemplate, loadTemplateSource } from "./templates.js";

export function renderRecent() {
  const recent = state.settings?.recent || [];
  const list = $("recent");
  if (recent.length === 0) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = t("no_recent");
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(...recent.map((entry) => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.className = "link";
    button.textContent = entry.title || entry.path;
    button.title = entry.path;
    button.onclick = () => openPath(entry.path);
    const path = document.createElement("span");
    path.className = "muted";
    path.textContent = ` ${entry.path}`;
    li.append(button, path);
    return li;
  }));
}

export function showStart() {
  $("workspace").hidden = true;
  $("start").hidden = false;
  document.body.classList.remove("has-brief");
  renderRecent();
  refreshMenu();
  $("paste").focus();
}

/// Puts a brief on screen. A new document starts a new undo history; a
/// re-analysis or an undo (`keepHistory`) goes on with the one there is.
export async function showBrief(brief, { save = true, keepHistory = false } = {}) {
  state.brief = brief;
  state.story = 0;
  const digest = isDigest();
  state.chars = digest ? [] : Array.from(brief.article);
  $("start").hidden = true;
  $("workspace").hidden = false;
  document.body.classList.add("has-brief");
  document.body.classList.toggle("digest", digest);
  refreshMenu();
  fitTemplate();
  $("locale").value = state.locale;
  $("scope").value = state.scope;
  $("key-point-count").value = brief.input?.key_points || brief.key_points.filter((k) => k.start !== null).length || 5;
  fillAnalystFields();
  // A digest is reviewed story by story: its stories' items come first.
  $("analyst-box").open = !digest;
  if (digest) {
    renderStories();
    selectStory(0, { focus: false });
  } else {
    renderArticle([]);
    renderRemoved();
    for (const list of LISTS) renderList(list);
    renderStatus();
  }
  await loadTemplateSource();
  changed({ save });
  if (!keepHistory) resetHistory();
}

export function renderStatus() {
  const b = state.brief;
  const shown = reviewed();
  const counts = {
    language: b.language, points: shown.key_points.length, quotes: shown.quotes.length,
    entities: shown.entities.length, figures: shown.figures.length,
  };
  $("status").textContent = isDigest()
    ? t("status_digest", { ...counts, stories: b.stories.length, articles: b.sources.length, story: state.story + 1 })
    : t("status", counts);
}

export function fillAnalystFields() {
  const b = state.brief;
  $("f-title").value = b.title;
  $("f-analyst").value = b.analyst.analyst;
  $("f-bottom-line").value = b.analyst.bottom_line;
  $("f-assessment").value = b.analyst.assessment;
  $("f-confidence").value = b.analyst.confidence || "";
  $("f-classification").value = b.analyst.classification;
  $("f-recommendations").value = b.analyst.recommendations.join("\n");
  $("f-source-name").value = b.source.name;
  $("f-source-published").value = b.source.published;
  $("f-source-author").value = b.source.author;
  $("f-source-url").value = b.source.url;
  $("f-citations").value = b.citations?.style || "";
}

export function bindAnalystFields() {
  const bind = (id, apply) => $(id).addEventListener("input", (event) => {
    if (!state.brief) return;
    apply(event.target.value);
    changed();
  });
  bind("f-title", (v) => { state.brief.title = v; });
  bind("f-analyst", (v) => {
    state.brief.analyst.analyst = v;
    state.settings.analyst = v;
    saveSettings();
  });
  bind("f-bottom-line", (v) => { state.brief.analyst.bottom_line = v; });
  bind("f-assessment", (v) => { state.brief.analyst.assessment = v; });
  $("f-confidence").addEventListener("change", (event) => {
    state.brief.analyst.confidence = event.target.value || null;
    changed();
  });
  bind("f-classification", (v) => { state.brief.analyst.classification = v; });
  bind("f-source-name", (v) => { state.brief.source.name = v; });
  bind("f-source-published", (v) => { state.brief.source.published = v; });
  bind("f-source-author", (v) => { state.brief.source.author = v; });
  bind("f-source-url", (v) => { state.brief.source.url = v; });
  // Saved with the brief: "as template" leaves the choice to the template's manifest.
  $("f-citations").addEventListener("change", (event) => {
    if (!state.brief) return;
    state.brief.citations = event.target.value ? { style: event.target.value, appendix: true } : null;
    changed();
  });
  bind("f-recommendations", (v) => {
    state.brief.analyst.recommendations = v.split("\n").map((line) => line.trim()).filter(Boolean);
  });
}
