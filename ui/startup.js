// Opening the window: settings, templates, and the draft or the sample.

import { renderRecent, showBrief } from "./brief.js";
import { $ } from "./dom.js";
import { analyze } from "./files.js";
import { setUiLanguage, systemUiLanguage, uiLanguage } from "./i18n.js";
import { call } from "./ipc.js";
import { say, showFailure } from "./messages.js";
import { state } from "./state.js";
import { hasTemplate, setTemplates } from "./templates.js";

export async function start() {
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
