// The window: shows the library's analysis, lets the analyst review it, and
// asks the Rust commands for everything else (analysis, preview, export,
// files). No extraction or rendering happens here.
"use strict";

const { invoke } = window.__TAURI__.core;
const dialog = window.__TAURI__.dialog;
const $ = (id) => document.getElementById(id);

const LISTS = ["key_points", "quotes", "entities", "figures"];
const AUTOSAVE_DELAY_MS = 400;
const PROGRESS_DELAY_MS = 300;

const state = {
  brief: null,
  template: "bluf",
  locale: "",
  path: null,
  settings: null,
  templates: [],
  locales: [],
  // The article as code points: offsets count Unicode scalar values.
  chars: [],
  // A template being edited and not yet saved; previews use it.
  templateSource: null,
  templateEditable: false,
  lastPreviewMs: null,
};

// ---------------------------------------------------------------- commands

let pending = 0;
let progressTimer = null;

/// Calls a command; shows a progress bar when it takes longer than ~300 ms.
async function call(cmd, args = {}) {
  pending += 1;
  if (!progressTimer) progressTimer = setTimeout(() => { $("progress").hidden = false; }, PROGRESS_DELAY_MS);
  try {
    return await invoke(cmd, args);
  } finally {
    pending -= 1;
    if (pending === 0) {
      clearTimeout(progressTimer);
      progressTimer = null;
      $("progress").hidden = true;
    }
  }
}

function failureText(error) {
  if (error && typeof error === "object" && error.message) return error.message;
  return String(error);
}

// The message on screen, kept so a change of UI language can re-say it.
let lastMessage = null;

/// Shows the label `key` as a message; it follows UI language changes.
function say(key, vars = {}, kind = "info", action = null) {
  showMessage(t(key, vars), kind, action);
  lastMessage = { key, vars, kind, action };
}

function showMessage(text, kind = "info", action = null) {
  lastMessage = null;
  $("message").className = `message ${kind}`;
  $("message-text").textContent = text;
  const button = $("message-action");
  button.hidden = !action;
  if (action) {
    button.textContent = action.label;
    button.onclick = action.run;
  }
  $("message").hidden = false;
}

function showFailure(error) {
  showMessage(t("failed", { message: failureText(error) }), "error");
}

// ---------------------------------------------------------------- start-up

async function start() {
  let startup;
  try {
    startup = await call("startup");
  } catch (error) {
    setUiLanguage(systemUiLanguage());
    showFailure(error);
    return;
  }
  state.settings = startup.settings;
  setUiLanguage(state.settings.ui_language || systemUiLanguage());
  $("ui-language").value = uiLanguage;
  $("page-size").value = state.settings.page_size || "";
  setTemplates(startup.templates);
  state.template = hasTemplate(state.settings.template) ? state.settings.template : "bluf";
  state.locale = state.settings.locale || "";
  renderRecent();
  if (startup.draft) {
    state.template = hasTemplate(startup.draft.template) ? startup.draft.template : state.template;
    state.locale = startup.draft.locale || "";
    state.path = startup.draft.path || null;
    await showBrief(startup.draft.brief, { save: false });
    say("restored_draft");
  } else {
    // First run, or the last brief was discarded: open on the sample.
    const sample = await call("sample_article");
    $("paste").value = sample.text;
    await analyze(sample.text, sample.file_name);
  }
}

function hasTemplate(name) {
  return state.templates.some((tpl) => tpl.name === name);
}

function setTemplates(info) {
  state.templates = info.templates;
  state.locales = info.locales;
  $("template").replaceChildren(...info.templates.map((tpl) => {
    const option = new Option(tpl.origin === "builtin" ? tpl.name : `${tpl.name} ★`, tpl.name);
    option.title = tpl.description;
    return option;
  }));
  $("locale").replaceChildren(new Option(t("auto_language"), ""), ...info.locales.map((l) => new Option(l, l)));
}

function renderRecent() {
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

// ---------------------------------------------------------------- input

function showStart() {
  $("workspace").hidden = true;
  $("start").hidden = false;
  document.body.classList.remove("has-brief");
  renderRecent();
  $("paste").focus();
}

async function analyze(text, fileName = null, info = null) {
  if (!text.trim()) {
    showMessage(t("nothing_pasted"), "error");
    return;
  }
  $("status").textContent = t("analyzing");
  try {
    const keyPoints = Number($("key-point-count").value) || 5;
    const input = { text, file_name: fileName, key_points: keyPoints, restored: [], language: null, info };
    const brief = await call("new_brief", { input, analyst: state.settings?.analyst || "" });
    state.path = null;
    await showBrief(brief);
  } catch (error) {
    showFailure(error);
  }
}

/// Opens what the analyst picked or dropped: a saved brief or an article.
async function openPath(path) {
  try {
    if (/\.json$/i.test(path)) {
      const opened = await call("open_brief", { path });
      state.settings = opened.settings;
      state.path = path;
      await showBrief(opened.brief);
    } else {
      const article = await call("read_article", { path });
      $("paste").value = article.text;
      await analyze(article.text, article.file_name, article.info);
    }
  } catch (error) {
    showFailure(error);
  }
}

async function chooseFile() {
  const path = await dialog.open({
    multiple: false,
    directory: false,
    filters: [{ name: t("article_filter"), extensions: ["txt", "md", "markdown", "html", "htm", "pdf", "docx", "json"] }],
  });
  if (path) await openPath(path);
}

// ---------------------------------------------------------------- the brief

async function showBrief(brief, { save = true } = {}) {
  state.brief = brief;
  state.chars = Array.from(brief.article);
  $("start").hidden = true;
  $("workspace").hidden = false;
  document.body.classList.add("has-brief");
  $("template").value = state.template;
  $("locale").value = state.locale;
  $("key-point-count").value = brief.input?.key_points || brief.key_points.filter((k) => k.start !== null).length || 5;
  fillAnalystFields();
  renderArticle([]);
  renderRemoved();
  for (const list of LISTS) renderList(list);
  renderStatus();
  await loadTemplateSource();
  changed({ save });
}

function renderStatus() {
  const b = state.brief;
  $("status").textContent = t("status", {
    language: b.language, points: b.key_points.length, quotes: b.quotes.length,
    entities: b.entities.length, figures: b.figures.length,
  });
}

function fillAnalystFields() {
  const b = state.brief;
  $("f-title").value = b.title;
  $("f-analyst").value = b.analyst.analyst;
  $("f-bottom-line").value = b.analyst.bottom_line;
  $("f-assessment").value = b.analyst.assessment;
  $("f-confidence").value = b.analyst.confidence || "";
  $("f-classification").value = b.analyst.classification;
  $("f-recommendations").value = b.analyst.recommendations.join("\n");
}

function bindAnalystFields() {
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
  bind("f-recommendations", (v) => {
    state.brief.analyst.recommendations = v.split("\n").map((line) => line.trim()).filter(Boolean);
  });
}

// ---------------------------------------------------------------- article and provenance

/// Shows the article with `ranges` ([start, end) in code points) marked.
function renderArticle(ranges) {
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

function spansOf(list, item) {
  if (list === "entities") return item.mentions.map((m) => [m.start, m.end]);
  return [[item.start, item.end]];
}

function renderRemoved() {
  const removed = state.brief.removed;
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
async function reanalyze({ restore = null, keyPoints = null } = {}) {
  if (!state.brief.input) return;
  const input = { ...state.brief.input, restored: [...state.brief.input.restored] };
  if (restore !== null) input.restored.push(restore);
  if (keyPoints !== null) input.key_points = keyPoints;
  try {
    const brief = await call("reanalyze", { brief: state.brief, input });
    await showBrief(brief);
  } catch (error) {
    showFailure(error);
  }
}

// ---------------------------------------------------------------- review lists

function renderList(list, focusIndex = null) {
  const ol = $(list.replace("_", "-"));
  ol.replaceChildren(...state.brief[list].map((item, index) => itemElement(list, item, index)));
  if (focusIndex !== null) ol.children[focusIndex]?.focus();
}

function itemElement(list, item, index) {
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
    badge(t(`kind_${item.kind}`));
    badge(`×${item.mentions.length}`);
  }
  if (list === "figures") {
    const context = document.createElement("span");
    context.className = "muted";
    context.textContent = item.context;
    meta.append(context);
  }
  if (item.edited !== null && item.edited !== undefined) badge(t("edited"), "badge mine");
  if (meta.children.length) body.append(meta);

  const actions = document.createElement("div");
  actions.className = "actions";
  const action = (label, title, run) => {
    const button = document.createElement("button");
    button.textContent = label;
    button.title = title;
    button.tabIndex = -1;
    button.addEventListener("click", (event) => { event.stopPropagation(); run(); });
    actions.append(button);
  };
  action("✎", t("edit"), () => startEdit(list, index, li));
  action("↑", t("move_up"), () => move(list, index, -1));
  action("↓", t("move_down"), () => move(list, index, +1));
  if (list === "key_points" && item.start === null) action("×", t("remove"), () => removeItem(list, index));

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

function select(list, index) {
  const item = state.brief[list][index];
  if (item) renderArticle(spansOf(list, item));
}

function setIncluded(list, index, included) {
  state.brief[list][index].included = included;
  renderList(list, index);
  changed();
}

function move(list, index, by) {
  moveTo(list, index, index + by);
}

function moveTo(list, from, to) {
  const items = state.brief[list];
  if (to < 0 || to >= items.length || from === to) return;
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
  renderList(list, to);
  changed();
}

function removeItem(list, index) {
  state.brief[list].splice(index, 1);
  renderList(list, Math.min(index, state.brief[list].length - 1));
  renderStatus();
  changed();
}

function startEdit(list, index, li) {
  const item = state.brief[list][index];
  const editor = document.createElement("textarea");
  editor.className = "editor";
  editor.value = item.edited ?? item.text;
  editor.rows = Math.min(8, Math.max(2, Math.ceil(editor.value.length / 60)));
  const text = li.querySelector(".text");
  text.replaceWith(editor);
  editor.focus();
  let done = false;
  const finish = (keep) => {
    if (done) return;
    done = true;
    if (keep) {
      const value = editor.value.trim();
      // Editing back to the original text is no edit at all.
      item.edited = value && value !== item.text ? value : null;
      changed();
    }
    renderList(list, index);
  };
  editor.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); finish(true); }
    if (event.key === "Escape") { event.preventDefault(); finish(false); }
  });
  editor.addEventListener("blur", () => finish(true));
}

function itemKey(event, list, index, li) {
  if (event.target !== li) return;
  const items = state.brief[list];
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

function addOwnPoint() {
  const text = $("own-point").value.trim();
  if (!text || !state.brief) return;
  state.brief.key_points.push({
    text, start: null, end: null, score: null, reasons: ["analyst"], included: true, edited: null,
  });
  $("own-point").value = "";
  renderList("key_points");
  renderStatus();
  changed();
}

// ---------------------------------------------------------------- preview and autosave

let previewRunning = false;
let previewAgain = false;
let autosaveTimer = null;

/// Something in the brief changed: refresh the preview now, autosave soon.
function changed({ save = true } = {}) {
  refreshPreview();
  if (save) scheduleAutosave();
}

async function refreshPreview() {
  if (previewRunning) {
    previewAgain = true;
    return;
  }
  previewRunning = true;
  const started = performance.now();
  try {
    const result = await invoke("preview", {
      brief: state.brief, template: state.template, locale: state.locale, source: state.templateSource,
    });
    $("preview").innerHTML = result.html; // sanitized by the library (no scripts, no remote content)
    $("template-error").hidden = true;
    state.lastPreviewMs = performance.now() - started;
    $("preview-time").textContent = t("preview_ms", { ms: state.lastPreviewMs.toFixed(0) });
    $("preview-time").dataset.ms = state.lastPreviewMs.toFixed(2);
  } catch (error) {
    const where = error && error.line ? t("template_error", error) : failureText(error);
    $("template-error").textContent = where;
    $("template-error").hidden = false;
    const note = document.createElement("p");
    note.className = "error";
    note.textContent = where;
    $("preview").replaceChildren(note);
  } finally {
    previewRunning = false;
    if (previewAgain) {
      previewAgain = false;
      refreshPreview();
    }
  }
}

function scheduleAutosave() {
  clearTimeout(autosaveTimer);
  $("autosave").textContent = t("saving");
  autosaveTimer = setTimeout(autosave, AUTOSAVE_DELAY_MS);
}

async function autosave() {
  if (!state.brief) return;
  try {
    await invoke("save_draft", {
      draft: { brief: state.brief, template: state.template, locale: state.locale, path: state.path },
    });
    $("autosave").textContent = `${t("saved_at")} ${new Date().toLocaleTimeString()}`;
    $("autosave").dataset.saved = String(Date.now());
  } catch (error) {
    $("autosave").textContent = t("autosave_failed", { message: failureText(error) });
  }
}

async function saveSettings() {
  try {
    await invoke("save_settings", { settings: state.settings });
  } catch (error) {
    showFailure(error);
  }
}

// ---------------------------------------------------------------- export and save

function fileStem() {
  const title = (state.brief?.title || "brief").normalize("NFC");
  return title.replace(/[\\/:*?"<>|\n\r\t]+/g, " ").trim().slice(0, 80) || "brief";
}

async function chooseExport(format) {
  if (!state.brief) return;
  const [extension, filter] = format === "pdf" ? ["pdf", t("pdf_filter")] : ["md", t("md_filter")];
  const path = await dialog.save({
    defaultPath: `${fileStem()}.${extension}`,
    filters: [{ name: filter, extensions: [extension] }],
  });
  if (path) await exportTo(format, path);
}

/// Writes the brief to `path` as `format` ("pdf" or "markdown").
async function exportTo(format, path) {
  try {
    const done = await call("export", {
      brief: state.brief, template: state.template, locale: state.locale, format, path,
      pageSize: state.settings.page_size || "",
    });
    const what = format === "pdf" ? t("exported_pages", { pages: done.pages }) : t("exported_md");
    const warnings = done.warnings.length ? ` ${done.warnings.join(" ")}` : "";
    showMessage(t("exported", { what, path: done.path }) + warnings, "success", {
      label: t("open_folder"),
      run: () => call("reveal", { path: done.path }).catch(showFailure),
    });
    return done;
  } catch (error) {
    showFailure(error);
    return null;
  }
}

async function saveBrief(saveAs = false) {
  if (!state.brief) return;
  let path = saveAs ? null : state.path;
  if (!path) {
    path = await dialog.save({
      defaultPath: `${fileStem()}.json`,
      filters: [{ name: t("brief_filter"), extensions: ["json"] }],
    });
  }
  if (path) await saveBriefTo(path);
}

async function saveBriefTo(path) {
  try {
    state.settings = await call("save_brief", { brief: state.brief, path });
    state.path = path;
    showMessage(t("brief_saved", { path }), "success", {
      label: t("open_folder"),
      run: () => call("reveal", { path }).catch(showFailure),
    });
    scheduleAutosave();
  } catch (error) {
    showFailure(error);
  }
}

// ---------------------------------------------------------------- templates

async function loadTemplateSource() {
  try {
    const source = await call("template_source", { name: state.template });
    state.templateEditable = source.editable;
    state.templateSource = null;
    $("template-source").value = source.source;
    $("template-source").readOnly = !source.editable;
    $("btn-save-template").disabled = !source.editable;
    $("template-info").textContent = t(source.editable ? "template_user" : "template_builtin", { name: state.template });
    $("copy-name").value = "";
    $("template-error").hidden = true;
  } catch (error) {
    showFailure(error);
  }
}

async function copyTemplate() {
  const name = $("copy-name").value.trim() || `${state.template}-mine`;
  await copyTemplateAs(name);
}

async function copyTemplateAs(name) {
  try {
    await call("create_template", { name, from: state.template });
    setTemplates(await call("templates"));
    await pickTemplate(name);
    showTab("template");
  } catch (error) {
    showFailure(error);
  }
}

async function pickTemplate(name) {
  state.template = name;
  $("template").value = name;
  state.settings.template = name;
  saveSettings();
  await loadTemplateSource();
  changed();
}

async function saveTemplate() {
  try {
    await call("save_template", {
      name: state.template, source: $("template-source").value, locale: state.locale,
    });
    state.templateSource = null;
    showMessage(t("template_saved", { name: state.template }), "success");
    changed({ save: false });
  } catch (error) {
    const where = error && error.line ? t("template_error", error) : failureText(error);
    $("template-error").textContent = where;
    $("template-error").hidden = false;
    if (error && error.line) placeCursor($("template-source"), error.line, error.column);
  }
}

function placeCursor(textarea, line, column) {
  const lines = textarea.value.split("\n");
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i += 1) at += lines[i].length + 1;
  at += Math.max(0, (column || 1) - 1);
  textarea.focus();
  textarea.setSelectionRange(at, at);
}

function showTab(which) {
  const template = which === "template";
  $("tab-preview").setAttribute("aria-selected", String(!template));
  $("tab-template").setAttribute("aria-selected", String(template));
  $("preview").hidden = template;
  $("template-editor").hidden = !template;
}

// ---------------------------------------------------------------- wiring

function focusList(list) {
  const ol = $(list.replace("_", "-"));
  ol.closest("details").open = true;
  (ol.children[0] || ol).focus();
}

function globalKeys(event) {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (ctrl && key === "o") { event.preventDefault(); chooseFile(); }
  else if (ctrl && key === "n") { event.preventDefault(); showStart(); }
  else if (ctrl && key === "s") { event.preventDefault(); saveBrief(event.shiftKey); }
  else if (ctrl && key === "e") { event.preventDefault(); chooseExport(event.shiftKey ? "markdown" : "pdf"); }
  else if (event.altKey && ["1", "2", "3", "4"].includes(event.key) && state.brief) {
    event.preventDefault();
    focusList(LISTS[Number(event.key) - 1]);
  }
}

function wire() {
  $("btn-new").onclick = showStart;
  $("btn-open").onclick = chooseFile;
  $("btn-save").onclick = () => saveBrief(false);
  $("btn-export-md").onclick = () => chooseExport("markdown");
  $("btn-export-pdf").onclick = () => chooseExport("pdf");
  $("btn-analyze").onclick = () => analyze($("paste").value);
  $("btn-sample").onclick = async () => {
    const sample = await call("sample_article");
    $("paste").value = sample.text;
    await analyze(sample.text, sample.file_name);
  };
  $("paste").addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      analyze($("paste").value);
    }
  });
  $("message-close").onclick = () => { $("message").hidden = true; };
  $("btn-help").onclick = () => {
    $("help").hidden = !$("help").hidden;
    $("btn-help").setAttribute("aria-expanded", String(!$("help").hidden));
  };
  $("ui-language").addEventListener("change", (event) => {
    setUiLanguage(event.target.value);
    if (lastMessage && !$("message").hidden) say(lastMessage.key, lastMessage.vars, lastMessage.kind, lastMessage.action);
    state.settings.ui_language = event.target.value;
    saveSettings();
    setTemplates({ templates: state.templates, locales: state.locales });
    $("template").value = state.template;
    $("locale").value = state.locale;
    if (state.brief) {
      for (const list of LISTS) renderList(list);
      renderRemoved();
      renderStatus();
      loadTemplateSource();
    } else {
      renderRecent();
    }
  });
  $("template").addEventListener("change", (event) => pickTemplate(event.target.value));
  $("locale").addEventListener("change", (event) => {
    state.locale = event.target.value;
    state.settings.locale = state.locale;
    saveSettings();
    changed();
  });
  $("page-size").addEventListener("change", (event) => {
    state.settings.page_size = event.target.value;
    saveSettings();
  });
  $("key-point-count").addEventListener("change", (event) => {
    const count = Math.max(1, Math.min(50, Number(event.target.value) || 5));
    event.target.value = count;
    if (state.brief?.input) reanalyze({ keyPoints: count });
  });
  $("btn-add-point").onclick = addOwnPoint;
  $("own-point").addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); addOwnPoint(); }
  });
  $("tab-preview").onclick = () => showTab("preview");
  $("tab-template").onclick = () => showTab("template");
  $("btn-copy-template").onclick = copyTemplate;
  $("btn-save-template").onclick = saveTemplate;
  $("btn-templates-folder").onclick = () => call("open_templates_folder").catch(showFailure);
  $("template-source").addEventListener("input", () => {
    if (!state.templateEditable) return;
    state.templateSource = $("template-source").value;
    refreshPreview();
  });
  bindAnalystFields();
  document.addEventListener("keydown", globalKeys);
  // Links in the preview never navigate the app's window away.
  $("preview").addEventListener("click", (event) => {
    if (event.target.closest("a")) event.preventDefault();
  });

  const webview = window.__TAURI__.webview?.getCurrentWebview?.();
  if (webview) {
    webview.onDragDropEvent((event) => {
      const kind = event.payload.type;
      $("drop-overlay").hidden = !(kind === "enter" || kind === "over");
      if (kind === "drop" && event.payload.paths.length) openPath(event.payload.paths[0]);
    });
  }
}

// What the end-to-end tests drive in place of the native dialogs, which
// WebDriver cannot reach: the same functions the dialogs hand their path to.
window.briefsmith = {
  openPath, exportTo, saveBriefTo, copyTemplateAs,
  state: () => state,
};

wire();
start();
