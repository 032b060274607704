// The DOM helpers the modules share.

export const $ = (id) => document.getElementById(id);

/// A review row's action buttons (`[label, title, run]` each), for the
/// mouse: the keyboard has its own keys, so they take no tab stop.
export function actionButtons(actions) {
  const box = document.createElement("div");
  box.className = "actions";
  for (const [label, title, run] of actions) {
    const button = document.createElement("button");
    button.textContent = label;
    button.title = title;
    button.tabIndex = -1;
    button.addEventListener("click", (event) => { event.stopPropagation(); run(); });
    box.append(button);
  }
  return box;
}

/// Whether `element` takes typing, which Ctrl+Z undoes there (a checkbox or
/// a select does not: there Ctrl+Z undoes the last review edit).
export function isTextField(element) {
  return Boolean(element?.matches?.(
    "textarea, [contenteditable], input:not([type=checkbox], [type=radio], [type=button], [type=submit], [type=range])",
  ));
}
