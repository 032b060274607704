// Opening the window: settings, templates, the draft or the sample, the files
// given on the command line (this launch's and later launches'; several open
// as a digest), and what could not be read at start.

import { renderRecent, showBrief } from "./brief.js";
import { $ } from "./dom.js";
import { analyze, openArticles, openPath } from "./files.js";
import { setUiLanguage, systemUiLanguage } from "./i18n.js";
import { call, events, failureText } from "./ipc.js";
import { refreshMenu, setZoom } from "./menu.js";
import { sayAll, showFailure } from "./messages.js";
import { state } from "./state.js";
import { hasTemplate, setTemplates } from "./templates.js";

// Set once the first screen is up; files handed over before then wait.
let ready = false;

/// How long the start took, in ms since the page began loading (the
/// launch-time measurement reads them).
export const timings = {};

export async function start() {
  // Listen before asking for the files to open, so that a file handed over
  // by a second launch while this one starts is not missed.
  await events.listen("open-files", () => { if (ready) openFilesFromLaunches(); });
  let startup;
  try {
    startup = await call("startup");
  } catch (error) {
    setUiLanguage(systemUiLanguage());
    showFailure(error);
    markReady();
    return;
  }
  timings.startup = performance.now();
  state.settings = startup.settings;
  setUiLanguage(state.settings.ui_language || systemUiLanguage());
  $("page-size").value = state.settings.page_size || "";
  setTemplates(startup.templates);
  state.template = hasTemplate(state.settings.template) ? state.settings.template : "bluf";
  state.locale = state.settings.locale || "";
  renderRecent();
  refreshMenu();
  if (state.settings.zoom && state.settings.zoom !== 1) setZoom(state.settings.zoom, { save: false }).catch(showFailure);

  // The draft (the analyst's work) first, then the settings.
  const setAside = [...startup.set_aside].sort((a, b) => (a.file === "draft" ? 0 : 1) - (b.file === "draft" ? 0 : 1));
  const notes = setAside.map(setAsideNote);
  const launches = await call("files_to_open");
  if (launches.length) {
    await openLaunched(launches);
  } else if (startup.draft) {
    state.template = hasTemplate(startup.draft.template) ? startup.draft.template : state.template;
    state.locale = startup.draft.locale || "";
    state.path = startup.draft.path || null;
    await showBrief(startup.draft.brief, { save: false });
    notes.push(["restored_draft", {}]);
  } else {
    // First run, or the last brief was discarded (or set aside): open on the sample.
    const sample = await call("sample_article");
    $("paste").value = sample.text;
    await analyze(sample.text, sample.file_name);
  }
  if (setAside.length) {
    // Both files are in the data folder: showing one shows the other.
    const kept = setAside.find((s) => s.moved_to)?.moved_to;
    const reveal = kept && { label: "show_file", run: () => call("reveal", { path: kept }).catch(showFailure) };
    sayAll(notes, "warning", reveal);
  } else if (notes.length) {
    sayAll(notes);
  }
  markReady();
}

/// The sentence telling the analyst which file could not be used, why, and
/// where it is now.
function setAsideNote(file) {
  const which = file.file === "draft" ? "draft" : "settings";
  return file.moved_to
    ? [`set_aside_${which}`, { problem: file.problem, moved_to: file.moved_to }]
    : [`left_${which}`, { problem: file.problem, path: file.path }];
}

function markReady() {
  ready = true;
  timings.ready = performance.now();
  document.body.dataset.ready = "true";
  // A file handed over while the window was starting.
  openFilesFromLaunches();
}

async function openFilesFromLaunches() {
  try {
    const launches = await call("files_to_open");
    if (launches.length) await openLaunched(launches);
  } catch (error) {
    showFailure(failureText(error));
  }
}

/// Opens the latest launch's files: one file as itself, several as a digest.
async function openLaunched(launches) {
  const files = launches[launches.length - 1];
  if (files.length === 1) await openPath(files[0]);
  else await openArticles(files);
}
