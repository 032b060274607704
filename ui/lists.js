// The review lists: key points, quotes, entities, figures; include, order,
// edit, with the mouse or the keyboard.

import { renderArticle, showSource, sourceMark, spansOf } from "./article.js";
import { changed } from "./autosave.js";
import { renderStatus, showBrief } from "./brief.js";
import { $, actionButtons } from "./dom.js";
import { editInPlace } from "./edit.js";
import { t } from "./i18n.js";
import { call } from "./ipc.js";
import { say, showFailure } from "./messages.js";
import { isDigest, reviewed, state } from "./state.js";

export function renderList(list, focusIndex = null) {
  const ol = $(list.replace("_", "-"));
  ol.replaceChildren(...reviewed()[list].map((item, index) => itemElement(list, item, index)));
  if (focusIndex !== null) ol.children[focusIndex]?.focus();
}

const ENTITY_KINDS = ["person", "organization", "location", "other"];

/// An item's words as the brief shows them: the analyst's, else the analysis's.
const shown = (item) => item.edited ?? item.text;

// What the analyzer took a name for, which the analyst can correct: the
// brief lists the name with its new kind.
function kindPicker(item) {
  const select = document.createElement("select");
  select.className = "kind";
  select.setAttribute("aria-label", t("entity_kind"));
  for (const kind of ENTITY_KINDS) {
    const option = document.createElement("option");
    option.value = kind;
    option.textContent = t(`kind_${kind}`);
    select.append(option);
  }
  select.value = item.kind;
  select.addEventListener("change", () => {
    item.kind = select.value;
    changed();
  });
  // Arrow keys choose a kind here, not the next item of the list.
  select.addEventListener("keydown", (event) => event.stopPropagation());
  return select;
}

export function itemElement(list, item, index) {
  const li = document.createElement("li");
  li.className = "item";
  li.tabIndex = 0;
  li.draggable = true;
  li.dataset.index = index;
  li.classList.toggle("excluded", !item.included);

  const include = document.createElement("input");
  include.type = "checkbox";
  include.checked = item.included;
  include.title = t("include");
  const words = shown(item);
  include.setAttribute("aria-label", t("include_item", { item: words.length > 80 ? `${words.slice(0, 80)}…` : words }));
  include.tabIndex = -1;
  include.addEventListener("change", () => setIncluded(list, index, include.checked));

  const body = document.createElement("div");
  body.className = "body";
  const text = document.createElement("div");
  text.className = "text";
  // A reported statement is the writer's words: no quotation marks around it.
  const marked = list === "quotes" && item.kind !== "reported";
  text.textContent = marked ? `“${shown(item)}”` : shown(item);
  body.append(text);

  const meta = document.createElement("div");
  meta.className = "meta";
  const badge = (label, cls = "badge") => {
    const span = document.createElement("span");
    span.className = cls;
    span.textContent = label;
    meta.append(span);
  };
  if (list === "key_points") {
    if (item.start === null) badge(t("added"), "badge mine");
    for (const reason of item.reasons.filter((r) => r !== "analyst")) badge(reason);
  }
  if (list === "quotes") {
    badge(t(`kind_${item.kind}`));
    const speaker = document.createElement("input");
    speaker.className = "speaker";
    speaker.value = item.speaker ?? "";
    speaker.placeholder = t("unknown_speaker");
    speaker.setAttribute("aria-label", t("speaker"));
    speaker.addEventListener("input", () => {
      item.speaker = speaker.value.trim() || null;
      changed();
    });
    speaker.addEventListener("keydown", (event) => event.stopPropagation());
    meta.append(speaker);
  }
  if (list === "entities") {
    meta.append(kindPicker(item));
    if (item.mentions) badge(`×${item.mentions.length}`);
  }
  if (list === "figures") {
    const context = document.createElement("span");
    context.className = item.context_edited ? "context" : "context muted";
    context.textContent = item.context_edited ?? item.context;
    meta.append(context);
    if (item.context_edited) badge(t("context_edited"), "badge mine");
  }
  if (item.edited !== null && item.edited !== undefined) badge(t("edited"), "badge mine");
  // In a digest, every source that reports the item: its own first, each
  // showing where in its article.
  if (isDigest()) {
    for (const [source, range] of sourcesOf(item)) meta.append(sourceMark(source, range ? [range] : []));
  }
  if (meta.children.length) body.append(meta);

  const actions = actionButtons([
    ["✎", t("edit"), () => startEdit(list, index, li)],
    ["↑", t("move_up"), () => move(list, index, -1)],
    ["↓", t("move_down"), () => move(list, index, +1)],
    ...(list === "key_points" && item.start === null ? [["×", t("remove"), () => removeItem(list, index)]] : []),
    ...corrections(list, item, index, li),
  ]);

  li.append(include, body, actions);
  li.addEventListener("click", () => select(list, index));
  li.addEventListener("focus", () => select(list, index));
  li.addEventListener("keydown", (event) => itemKey(event, list, index, li));
  li.addEventListener("dragstart", (event) => {
    event.dataTransfer.setData("text/plain", `${list}:${index}`);
    event.dataTransfer.effectAllowed = "move";
  });
  li.addEventListener("dragover", (event) => event.preventDefault());
  li.addEventListener("drop", (event) => {
    event.preventDefault();
    const [from, at] = event.dataTransfer.getData("text/plain").split(":");
    if (from === list) moveTo(list, Number(at), index);
  });
  return li;
}

/// A digest item's sources as [source, [start, end] or null], each once,
/// its own first.
export function sourcesOf(item) {
  if (item.sources) return item.sources.map((source) => [source, null]);
  const all = [[item.source, [item.start, item.end]]];
  for (const span of item.also_in || []) {
    if (!all.some(([source]) => source === span.source)) all.push([span.source, [span.start, span.end]]);
  }
  return all;
}

export function select(list, index) {
  const item = reviewed()[list][index];
  if (!item) return;
  if (!isDigest()) {
    renderArticle(spansOf(list, item));
    return;
  }
  const [source, range] = sourcesOf(item)[0];
  showSource(source, range ? [range] : []);
}

export function setIncluded(list, index, included) {
  reviewed()[list][index].included = included;
  renderList(list, index);
  changed();
}

export function move(list, index, by) {
  moveTo(list, index, index + by);
}

export function moveTo(list, from, to) {
  const items = reviewed()[list];
  if (to < 0 || to >= items.length || from === to) return;
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
  renderList(list, to);
  changed();
}

export function removeItem(list, index) {
  reviewed()[list].splice(index, 1);
  renderList(list, Math.min(index, reviewed()[list].length - 1));
  renderStatus();
  changed();
}

/// The actions that correct what the analysis got wrong beyond a word:
/// a quote said by nobody named, two names that are one, what a figure counts.
function corrections(list, item, index, li) {
  if (list === "quotes" && item.speaker) return [["⊘", t("no_speaker"), () => clearSpeaker(index)]];
  if (list === "entities" && !isDigest() && reviewed().entities.length > 1) {
    return [["⇲", t("merge_into"), () => startMerge(index, li)]];
  }
  if (list === "figures") return [["¶", t("edit_context"), () => startContextEdit(index, li)]];
  return [];
}

/// The quote's words are nobody's the article names: no speaker.
export function clearSpeaker(index) {
  reviewed().quotes[index].speaker = null;
  renderList("quotes", index);
  changed();
}

/// Offers the other names to merge name `index` into; the library merges
/// them (mentions joined, kept through a new analysis).
export function startMerge(index, li) {
  const entities = reviewed().entities;
  const select = document.createElement("select");
  select.className = "merge";
  select.setAttribute("aria-label", t("merge_into_name", { name: shown(entities[index]) }));
  const prompt = document.createElement("option");
  prompt.value = "";
  prompt.textContent = t("merge_into");
  select.append(prompt);
  entities.forEach((entity, i) => {
    if (i === index) return;
    const option = document.createElement("option");
    option.value = String(i);
    option.textContent = shown(entity);
    select.append(option);
  });
  li.querySelector(".meta").replaceChildren(select);
  select.focus();
  let done = false;
  const finish = async (into) => {
    if (done) return;
    done = true;
    if (into === null) {
      renderList("entities", index);
      return;
    }
    const from = shown(entities[index]);
    try {
      const brief = await call("merge_entities", { brief: state.brief, into, from: index });
      await showBrief(brief, { keepHistory: true });
      say("merged", { from, into: shown(entities[into]) });
      focusList("entities", into > index ? into - 1 : into);
    } catch (error) {
      showFailure(error);
      renderList("entities", index);
    }
  };
  // A closed list changes its choice on ↑/↓, firing "change": from the
  // keyboard only Enter merges, from the mouse a choice does.
  const chosen = () => (select.value === "" ? null : Number(select.value));
  let browsing = false;
  select.addEventListener("change", () => { if (!browsing) finish(chosen()); });
  select.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Escape") { event.preventDefault(); finish(null); }
    else if (event.key === "Enter") { event.preventDefault(); finish(chosen()); }
    else browsing = true;
  });
  select.addEventListener("blur", () => finish(null));
}

/// Edits what figure `index` counts; the brief shows the analyst's words in
/// place of the article's.
export function startContextEdit(index, li) {
  const item = reviewed().figures[index];
  const context = li.querySelector(".context");
  editInPlace(context, item.context_edited ?? item.context, { label: t("edit_context") }, (value) => {
    if (value !== null) {
      item.context_edited = value && value !== item.context ? value : null;
      changed();
    }
    renderList("figures", index);
  });
}

export function startEdit(list, index, li) {
  const item = reviewed()[list][index];
  editInPlace(li.querySelector(".text"), shown(item), { multiline: true, label: t("edit") }, (value) => {
    if (value !== null) {
      // Editing back to the original text is no edit at all.
      item.edited = value && value !== item.text ? value : null;
      changed();
    }
    renderList(list, index);
  });
}

export function itemKey(event, list, index, li) {
  if (event.target !== li) return;
  const items = reviewed()[list];
  if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
    event.preventDefault();
    move(list, index, event.key === "ArrowUp" ? -1 : 1);
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const next = index + (event.key === "ArrowDown" ? 1 : -1);
    if (next >= 0 && next < items.length) li.parentElement.children[next].focus();
  } else if (event.key === " ") {
    event.preventDefault();
    setIncluded(list, index, !items[index].included);
  } else if (event.key === "Enter" || event.key === "F2") {
    event.preventDefault();
    startEdit(list, index, li);
  } else if (event.ctrlKey || event.altKey || event.metaKey) {
    // Shortcuts of the window's (Ctrl+C copies), not the item's.
  } else if (list === "quotes" && event.key === "Delete" && items[index].speaker) {
    event.preventDefault();
    clearSpeaker(index);
  } else if (list === "entities" && event.key === "m" && !isDigest() && items.length > 1) {
    event.preventDefault();
    startMerge(index, li);
  } else if (list === "figures" && event.key === "c") {
    event.preventDefault();
    startContextEdit(index, li);
  }
}

export function addOwnPoint() {
  const text = $("own-point").value.trim();
  // A digest's key points each name the article they come from.
  if (!text || !reviewed() || isDigest()) return;
  reviewed().key_points.push({
    text, start: null, end: null, score: null, reasons: ["analyst"], included: true, edited: null,
  });
  $("own-point").value = "";
  renderList("key_points");
  renderStatus();
  changed();
}

export function focusList(list, index = 0) {
  const ol = $(list.replace("_", "-"));
  ol.closest("details").open = true;
  (ol.children[index] || ol.children[0] || ol).focus();
}
