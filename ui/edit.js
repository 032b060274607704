// Editing a line in place, for review items and story titles alike: Enter
// keeps the text (Shift+Enter breaks a line in a multi-line editor), Escape
// cancels, leaving the field keeps it.

/// Puts an editor holding `value` in place of `target` and focuses it.
/// `finish` is called once: with the trimmed text when kept, with null when
/// cancelled.
export function editInPlace(target, value, { multiline = false, label = "" }, finish) {
  const editor = document.createElement(multiline ? "textarea" : "input");
  editor.className = "editor";
  editor.value = value;
  if (multiline) editor.rows = Math.min(8, Math.max(2, Math.ceil(value.length / 60)));
  if (label) editor.setAttribute("aria-label", label);
  target.replaceWith(editor);
  editor.focus();
  if (!multiline) editor.select();
  let done = false;
  const end = (keep) => {
    if (done) return;
    done = true;
    finish(keep ? editor.value.trim() : null);
  };
  editor.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); end(true); }
    if (event.key === "Escape") { event.preventDefault(); end(false); }
  });
  editor.addEventListener("blur", () => end(true));
}
