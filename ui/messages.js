// The message bar: what happened, in the analyst's language.

import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { failureText } from "./ipc.js";

// The message on screen, kept so a change of UI language can re-say it.
let lastMessage = null;

/// Shows the label `key` as a message; it follows UI language changes.
/// `action` is `{ label, run }`, `label` a label key.
export function say(key, vars = {}, kind = "info", action = null) {
  sayAll([[key, vars]], kind, action);
}

/// Shows several labels (`[key, vars]` pairs) as one message, a line each.
export function sayAll(parts, kind = "info", action = null) {
  const text = parts.map(([key, vars]) => t(key, vars)).join("\n");
  showMessage(text, kind, action && { label: t(action.label), run: action.run });
  lastMessage = { parts, kind, action };
}

/// Says the message on screen again, in the UI language just picked.
export function resay() {
  if (lastMessage && !$("message").hidden) sayAll(lastMessage.parts, lastMessage.kind, lastMessage.action);
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
