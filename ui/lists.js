// The review lists: key points, quotes, entities, figures; include, order,
// edit, with the mouse or the keyboard.

import { renderArticle, showSource, sourceMark, spansOf } from "./article.js";
import { changed } from "./autosave.js";
import { renderStatus } from "./brief.js";
import { $, actionButtons } from "./dom.js";
import { editInPlace } from "./edit.js";
import { t } from "./i18n.js";
import { isDigest, reviewed } from "./state.js";

export function renderList(list, focusIndex = null) {
  const ol = $(list.replace("_", "-"));
  ol.replaceChildren(...reviewed()[list].map((item, index) => itemElement(list, item, index)));
  if (focusIndex !== null) ol.children[focusIndex]?.focus();
}

const ENTITY_KINDS = ["person", "organization", "location", "other"];

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
  include.tabIndex = -1;
  include.addEventListener("change", () => setIncluded(list, index, include.checked));

  const body = document.createElement("div");
  body.className = "body";
  const text = document.createElement("div");
  text.className = "text";
  // A reported statement is the writer's words: no quotation marks around it.
  const marked = list === "quotes" && item.kind !== "reported";
  text.textContent = marked ? `“${item.edited ?? item.text}”` : (item.edited ?? item.text);
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
    context.className = "muted";
    context.textContent = item.context;
    meta.append(context);
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

export function startEdit(list, index, li) {
  const item = reviewed()[list][index];
  editInPlace(li.querySelector(".text"), item.edited ?? item.text, { multiline: true, label: t("edit") }, (value) => {
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

export function focusList(list) {
  const ol = $(list.replace("_", "-"));
  ol.closest("details").open = true;
  (ol.children[0] || ol).focus();
}
