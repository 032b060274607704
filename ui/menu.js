// The menu bar: what it holds, in the app's language, and what each item
// does. The Rust shell draws it natively and sends back the id of the item
// chosen; keyboard shortcuts are the menu's accelerators, so a key and its
// menu item always do the same thing.

import { renderRemoved } from "./article.js";
import { flushAutosave, saveSettings } from "./autosave.js";
import { renderRecent, renderStatus, showBrief, showStart } from "./brief.js";
import { $, isTextField } from "./dom.js";
import { chooseExport, chooseFile, chooseFolder, openPath, saveBrief } from "./files.js";
import { step } from "./history.js";
import { setUiLanguage, t, uiLanguage } from "./i18n.js";
import { call, events } from "./ipc.js";
import { renderList } from "./lists.js";
import { resay, say, showFailure } from "./messages.js";
import { isDigest, LISTS, state } from "./state.js";
import { renderDisagreements, renderStories, renderStorySources } from "./stories.js";
import { loadTemplateSource, setTemplates } from "./templates.js";

const EXPORTS = [
  ["pdf", "format_pdf", "CmdOrCtrl+E"], ["pdf_a", "format_pdf_a"], ["docx", "format_docx"],
  ["html", "format_html"], ["text", "format_text"], ["markdown", "format_markdown", "CmdOrCtrl+Shift+E"],
];
const UI_LANGUAGES = [["en", "English"], ["vi", "Tiếng Việt"]];
const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

const item = (id, label, accelerator = null, enabled = true) => ({ type: "item", id, label: t(label), accelerator, enabled });
const separator = { type: "separator" };

/// The menu bar as it should be now: labels in the app's language, Save and
/// Export only with a brief on screen, Open Recent from the settings.
export function menuBar() {
  const brief = Boolean(state.brief) && !$("workspace").hidden;
  // A path's own "&" is not a mnemonic.
  const recent = (state.settings?.recent || []).map((entry, index) => ({
    type: "item", id: `recent:${index}`,
    label: (entry.title ? `${entry.title} — ${entry.path}` : entry.path).replaceAll("&", "&&"),
  }));
  return [
    { type: "submenu", label: t("menu_file"), items: [
      item("new", "menu_new", "CmdOrCtrl+N"),
      item("open", "menu_open", "CmdOrCtrl+O"),
      item("open_folder", "open_folder_digest"),
      { type: "submenu", label: t("menu_recent"), items: recent, enabled: recent.length > 0 },
      separator,
      item("save", "menu_save", "CmdOrCtrl+S", brief),
      item("save_as", "menu_save_as", "CmdOrCtrl+Shift+S", brief),
      { type: "submenu", label: t("menu_export"), enabled: brief,
        items: EXPORTS.map(([format, label, key]) => item(`export:${format}`, label, key)) },
      separator,
      item("quit", "menu_quit", "CmdOrCtrl+Q"),
    ] },
    { type: "submenu", label: t("menu_edit"), items: [
      item("undo", "menu_undo", "CmdOrCtrl+Z"),
      item("redo", "menu_redo", "CmdOrCtrl+Shift+Z"),
      separator,
      item("cut", "menu_cut", "CmdOrCtrl+X"),
      item("copy", "menu_copy", "CmdOrCtrl+C"),
      item("paste", "menu_paste", "CmdOrCtrl+V"),
      item("select_all", "menu_select_all", "CmdOrCtrl+A"),
    ] },
    { type: "submenu", label: t("menu_view"), items: [
      item("zoom_in", "menu_zoom_in", "CmdOrCtrl+="),
      item("zoom_out", "menu_zoom_out", "CmdOrCtrl+-"),
      item("zoom_reset", "menu_zoom_reset", "CmdOrCtrl+0"),
      separator,
      { type: "submenu", label: t("menu_language"), items: UI_LANGUAGES.map(([code, name]) => (
        { type: "check", id: `ui_language:${code}`, label: name, checked: code === uiLanguage })) },
    ] },
    { type: "submenu", label: t("menu_help"), items: [
      item("shortcuts", "shortcuts", "F1"),
      { type: "about", label: t("menu_about") },
    ] },
  ];
}

let shown = null;

/// Puts the menu bar in step with the window (after a language change, a
/// save, a brief opened or closed); asks the shell only when it changed.
export async function refreshMenu() {
  const bar = JSON.stringify(menuBar());
  if (bar === shown) return;
  shown = bar;
  try {
    await call("set_menu", { bar: JSON.parse(bar) });
  } catch (error) {
    shown = null;
    showFailure(error);
  }
}

/// The menu item a key (Ctrl with a key, or F1) is the shortcut of, read
/// from the menu's own accelerators so that a key and its item never
/// disagree; Ctrl+Y is redo's second key. Items the web view does itself
/// (cut, copy, paste) are left to it.
export function menuItemForKey(event) {
  if (event.altKey) return null;
  const ctrl = event.ctrlKey || event.metaKey;
  const pressed = [ctrl && "cmdorctrl", event.shiftKey && "shift", event.key.toLowerCase()].filter(Boolean).join("+");
  if (pressed === "cmdorctrl+y") return "redo";
  const find = (items) => {
    for (const item of items) {
      const id = item.items ? find(item.items) : item.accelerator?.toLowerCase() === pressed && item.id;
      if (id) return id;
    }
    return null;
  };
  const id = find(menuBar());
  return id && ACTIONS[id.split(":")[0]] ? id : null;
}

/// Does what the menu item `id` (or its shortcut) stands for.
export async function runMenu(id) {
  const [name, argument] = id.split(":");
  const action = ACTIONS[name];
  if (action) await action(argument);
}

const ACTIONS = {
  new: showStart,
  open: chooseFile,
  open_folder: chooseFolder,
  recent: (index) => {
    const entry = state.settings?.recent?.[Number(index)];
    if (entry) return openPath(entry.path);
  },
  save: () => saveBrief(false),
  save_as: () => saveBrief(true),
  export: (format) => chooseExport(format),
  quit: async () => {
    await flushAutosave();
    await call("quit");
  },
  undo: () => undoRedo("undo"),
  redo: () => undoRedo("redo"),
  zoom_in: () => zoomBy(+1),
  zoom_out: () => zoomBy(-1),
  zoom_reset: () => setZoom(1),
  ui_language: changeUiLanguage,
  shortcuts: () => {
    $("help").hidden = !$("help").hidden;
    if (!$("help").hidden) $("help").focus();
  },
};

/// Undo or redo: typing's own in a text field, else a review edit (and says
/// so, for a screen reader).
async function undoRedo(direction) {
  if (isTextField(document.activeElement)) {
    await call("edit_text", { action: `${direction}_typing` });
    return;
  }
  if (!state.brief) return;
  const stepped = await step(direction, (brief) => showBrief(brief, { keepHistory: true }));
  say(stepped ? (direction === "undo" ? "undone" : "redone") : (direction === "undo" ? "nothing_to_undo" : "nothing_to_redo"));
}

/// Sets the window's zoom (kept in the settings for the next start).
export async function setZoom(zoom, { save = true } = {}) {
  state.settings.zoom = zoom;
  await window.__TAURI__.webview.getCurrentWebview().setZoom(zoom);
  if (save) saveSettings();
}

function zoomBy(steps) {
  const now = state.settings.zoom || 1;
  const at = ZOOM_STEPS.findIndex((zoom) => zoom >= now - 1e-6);
  const index = Math.max(0, Math.min(ZOOM_STEPS.length - 1, (at < 0 ? ZOOM_STEPS.length - 1 : at) + steps));
  return setZoom(ZOOM_STEPS[index]);
}

/// Relabels the whole window, the menu bar too, in another language.
function changeUiLanguage(language) {
  setUiLanguage(language);
  resay();
  state.settings.ui_language = uiLanguage;
  saveSettings();
  setTemplates({ templates: state.templates, locales: state.locales });
  $("template").value = state.template;
  $("locale").value = state.locale;
  if (state.brief) {
    for (const list of LISTS) renderList(list);
    if (isDigest()) {
      renderStories();
      renderDisagreements();
      renderStorySources();
    }
    renderRemoved();
    renderStatus();
    loadTemplateSource();
  } else {
    renderRecent();
  }
  refreshMenu();
}

/// Menu items arrive as events from the shell.
export function listenToMenu() {
  return events.listen("menu", (event) => runMenu(event.payload).catch(showFailure));
}
