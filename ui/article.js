// The article with an item's source spans marked, and its removed lines.

import { showBrief } from "./brief.js";
import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { call } from "./ipc.js";
import { showFailure } from "./messages.js";
import { state } from "./state.js";

/// Shows the article with `ranges` ([start, end) in code points) marked.
export function renderArticle(ranges) {
  const article = $("article");
  const sorted = ranges.filter(([s, e]) => s !== null && e !== null && e > s).sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (s < at) continue;
    parts.push(document.createTextNode(state.chars.slice(at, s).join("")));
    const mark = document.createElement("mark");
    mark.textContent = state.chars.slice(s, e).join("");
    parts.push(mark);
    at = e;
  }
  parts.push(document.createTextNode(state.chars.slice(at).join("")));
  article.replaceChildren(...parts);
  const first = article.querySelector("mark");
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

/// Shows the article of a digest's source `index`, with `ranges` marked.
export function showSource(index, ranges = []) {
  const source = state.brief.sources?.[index];
  if (!source) return;
  state.chars = Array.from(source.article);
  $("article-source").textContent = `[${index + 1}] ${sourceLabel(source)}`;
  $("article-source").title = source.url || source.file;
  for (const button of document.querySelectorAll("#story-sources button")) {
    button.setAttribute("aria-pressed", String(Number(button.dataset.source) === index));
  }
  renderArticle(ranges);
}

/// A source as the analyst knows it: its title and outlet, else its file.
export function sourceLabel(source) {
  const parts = [source.title, source.name].filter(Boolean);
  return parts.length ? parts.join(" — ") : source.file.split(/[\\/]/).pop();
}

/// A `[n]` button that shows source `index`'s article with `ranges` marked.
export function sourceMark(index, ranges) {
  const button = document.createElement("button");
  button.className = "source-mark";
  button.textContent = `[${index + 1}]`;
  const source = state.brief.sources?.[index];
  button.title = source ? sourceLabel(source) : "";
  button.setAttribute("aria-label", t("show_in_source", { n: index + 1, source: button.title }));
  button.tabIndex = -1;
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    showSource(index, ranges);
  });
  return button;
}

export function spansOf(list, item) {
  if (list === "entities") return item.mentions.map((m) => [m.start, m.end]);
  return [[item.start, item.end]];
}

export function renderRemoved() {
  const removed = state.brief.removed || [];
  $("removed-count").textContent = removed.length;
  const canRestore = Boolean(state.brief.input);
  $("removed").replaceChildren(...removed.map((line) => {
    const li = document.createElement("li");
    const text = document.createElement("span");
    text.textContent = line.text;
    const reason = document.createElement("span");
    reason.className = "badge";
    reason.textContent = line.reason;
    const button = document.createElement("button");
    button.textContent = t("restore");
    button.disabled = !canRestore;
    if (!canRestore) button.title = t("restore_needs_input");
    button.onclick = () => reanalyze({ restore: line.text });
    li.append(text, " ", reason, " ", button);
    return li;
  }));
}

/// Analyzes the article again (a restored line, another number of key
/// points); the library carries the review over.
export async function reanalyze({ restore = null, keyPoints = null } = {}) {
  if (!state.brief.input) return;
  const input = { ...state.brief.input, restored: [...state.brief.input.restored] };
  if (restore !== null) input.restored.push(restore);
  if (keyPoints !== null) input.key_points = keyPoints;
  try {
    const brief = await call("reanalyze", { brief: state.brief, input });
    await showBrief(brief, { keepHistory: true });
  } catch (error) {
    showFailure(error);
  }
}
