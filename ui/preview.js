// The preview, rendered by the library on every change.

import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { failureText, invoke } from "./ipc.js";
import { shownStory, state } from "./state.js";

let previewRunning = false;
let previewAgain = false;

/// Renders the preview; changes made while one renders are rendered next,
/// once, so the preview never falls behind typing.
export async function refreshPreview() {
  if (previewRunning) {
    previewAgain = true;
    return;
  }
  previewRunning = true;
  const started = performance.now();
  try {
    const result = await invoke("preview", {
      brief: state.brief, template: state.template, locale: state.locale, source: state.templateSource,
      design: state.design, story: shownStory(),
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
