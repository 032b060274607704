// The window: shows the library's analysis, lets the analyst review it, and
// asks the Rust commands for everything else (analysis, preview, export,
// files). No extraction or rendering happens here. This module wires the
// controls to the modules that do the work:
//   startup.js   opening: settings, draft or sample, files from the command line
//   brief.js     the start screen and the brief's fields
//   article.js   the article with source spans marked, removed lines
//   lists.js     the review lists (key points, quotes, entities, figures)
//   stories.js   a digest's stories, their sources and disagreements
//   edit.js      editing a line in place
//   preview.js   the live preview      autosave.js  draft and settings saving
//   files.js     open, analyze, save, export       templates.js  the template editor
//   messages.js  the message bar       i18n.js      the app's labels
//   ipc.js       commands and dialogs  state.js     what is on screen
//   history.js   undo and redo of review edits
//   menu.js      the menu bar and what its items (and shortcuts) do

import { reanalyze } from "./article.js";
import { changed, saveSettings } from "./autosave.js";
import { bindAnalystFields } from "./brief.js";
import { $, isTextField } from "./dom.js";
import { analyze, chooseExport, chooseFolder, exportTo, openArticles, openPath, saveBriefTo } from "./files.js";
import { call } from "./ipc.js";
import { addOwnPoint, focusList } from "./lists.js";
import { listenToMenu, menuBar, menuItemForKey, runMenu } from "./menu.js";
import { showFailure } from "./messages.js";
import { refreshPreview } from "./preview.js";
import { start, timings } from "./startup.js";
import { isDigest, LISTS, state } from "./state.js";
import { selectStory } from "./stories.js";
import {
  copyTemplate, copyTemplateAs, installTemplate, installTemplateFrom, pickTemplate, saveTemplate, shareTemplate,
  shareTemplateTo, showTab,
} from "./templates.js";
import { chooseLogoFrom, closeDesigner, moveSection, openDesigner, wireDesigner } from "./designer.js";

// The menu's accelerators take these keys first in the app; the page sees
// them when the menu bar is not there to (a WebDriver session's keys).
function globalKeys(event) {
  const command = menuItemForKey(event);
  // In a text field, Ctrl+Z undoes typing there, as everywhere.
  if (command && !(isTextField(event.target) && ["undo", "redo"].includes(command))) {
    event.preventDefault();
    runMenu(command);
  } else if (event.altKey && event.key === "0" && isDigest()) {
    event.preventDefault();
    const stories = $("stories");
    (stories.children[state.story] || stories).focus();
  } else if (event.altKey && ["1", "2", "3", "4"].includes(event.key) && state.brief) {
    event.preventDefault();
    focusList(LISTS[Number(event.key) - 1]);
  }
}

function wire() {
  $("btn-export-pdf").onclick = () => chooseExport("pdf");
  $("btn-analyze").onclick = () => analyze($("paste").value);
  $("btn-open-folder").onclick = chooseFolder;
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
  $("help").addEventListener("keydown", (event) => {
    if (event.key === "Escape") $("help").hidden = true;
  });
  $("template").addEventListener("change", async (event) => {
    await pickTemplate(event.target.value);
    if ($("tab-design").getAttribute("aria-selected") === "true") openDesigner();
  });
  $("locale").addEventListener("change", (event) => {
    state.locale = event.target.value;
    state.settings.locale = state.locale;
    saveSettings();
    changed();
  });
  $("scope").addEventListener("change", (event) => {
    state.scope = event.target.value;
    changed({ save: false });
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
  $("tab-preview").onclick = () => { closeDesigner(); showTab("preview"); };
  $("tab-design").onclick = () => { showTab("design"); openDesigner(); };
  $("tab-template").onclick = () => { closeDesigner(); showTab("template"); };
  wireDesigner();
  $("btn-copy-template").onclick = copyTemplate;
  $("btn-save-template").onclick = saveTemplate;
  $("btn-templates-folder").onclick = () => call("open_templates_folder").catch(showFailure);
  $("btn-share-template").onclick = shareTemplate;
  $("btn-install-template").onclick = installTemplate;
  $("template-source").addEventListener("input", () => {
    if (!state.templateEditable) return;
    state.templateSource = $("template-source").value;
    refreshPreview();
  });
  bindAnalystFields();
  document.addEventListener("keydown", globalKeys);
  listenToMenu();
  // Links in the preview never navigate the app's window away.
  $("preview").addEventListener("click", (event) => {
    if (event.target.closest("a")) event.preventDefault();
  });

  const webview = window.__TAURI__.webview?.getCurrentWebview?.();
  if (webview) {
    webview.onDragDropEvent((event) => {
      const kind = event.payload.type;
      $("drop-overlay").hidden = !(kind === "enter" || kind === "over");
      const paths = kind === "drop" ? event.payload.paths : [];
      if (paths.length === 1) openPath(paths[0]);
      else if (paths.length > 1) openArticles(paths);
    });
  }
}

// What the end-to-end tests drive in place of the native dialogs, which
// WebDriver cannot reach: the same functions the dialogs hand their path to.
window.briefsmith = {
  openPath, openArticles, selectStory, exportTo, saveBriefTo, copyTemplateAs, runMenu, menuBar,
  shareTemplateTo, installTemplateFrom, chooseLogoFrom, moveSection,
  state: () => state,
  timings,
};

wire();
start();
