// Autosave of the draft and saving the settings.

import { $ } from "./dom.js";
import { recordEdit } from "./history.js";
import { t } from "./i18n.js";
import { failureText, invoke } from "./ipc.js";
import { showFailure } from "./messages.js";
import { refreshPreview } from "./preview.js";
import { state } from "./state.js";

const AUTOSAVE_DELAY_MS = 400;

let autosaveTimer = null;
let saving = false;
let saveAgain = false;

/// Something in the brief changed: refresh the preview now, autosave soon;
/// an edit to keep (`save`) is a step undo goes back over.
export function changed({ save = true } = {}) {
  refreshPreview();
  if (save) {
    recordEdit();
    scheduleAutosave();
  }
}

export function scheduleAutosave() {
  clearTimeout(autosaveTimer);
  $("autosave").textContent = t("saving");
  autosaveTimer = setTimeout(autosave, AUTOSAVE_DELAY_MS);
}

/// Saves the draft. One save at a time: an older draft must never land
/// after a newer one, so a change made while saving is saved right after.
async function autosave() {
  autosaveTimer = null;
  if (!state.brief) return;
  if (saving) {
    saveAgain = true;
    return;
  }
  saving = true;
  try {
    await invoke("save_draft", {
      draft: { brief: state.brief, template: state.template, locale: state.locale, path: state.path },
    });
    // Saved only once the latest change is.
    if (!saveAgain) {
      $("autosave").textContent = `${t("saved_at")} ${new Date().toLocaleTimeString()}`;
      $("autosave").dataset.saved = String(Date.now());
    }
  } catch (error) {
    $("autosave").textContent = t("autosave_failed", { message: failureText(error) });
  } finally {
    saving = false;
    if (saveAgain) {
      saveAgain = false;
      autosave();
    }
  }
}

/// Saves now what is waiting to be saved, and waits for it (before quitting).
export async function flushAutosave() {
  if (autosaveTimer !== null) {
    clearTimeout(autosaveTimer);
    autosaveTimer = null;
    await autosave();
  }
  while (saving) await new Promise((resolve) => setTimeout(resolve, 20));
}

export async function saveSettings() {
  try {
    await invoke("save_settings", { settings: state.settings });
  } catch (error) {
    showFailure(error);
  }
}
