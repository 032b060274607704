// The message bar: what happened, in the analyst's language.

import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { failureText } from "./ipc.js";

// The message on screen, kept so a change of UI language can re-say it.
export let lastMessage = null;

/// Shows the label `key` as a message; it follows UI language changes.
export function say(key, vars = {}, kind = "info", action = null) {
  showMessage(t(key, vars), kind, action);
  lastMessage = { key, vars, kind, action };
}

export function showMessage(text, kind = "info", action = null) {
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

export function showFailure(error) {
  showMessage(t("failed", { message: failureText(error) }), "error");
}
