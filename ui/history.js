// Undo and redo of review edits: the brief as it was after each edit
// (include or exclude, edit, reorder, speaker, kind, an added point, the
// analyst's fields, a re-analysis), kept for the document on screen.

import { isTextField } from "./dom.js";
import { state } from "./state.js";

/// At least the hundred steps an analyst may want back; bounded in bytes
/// too, since a digest's brief carries its articles.
const MAX_STEPS = 200;
const MAX_BYTES = 64 * 1024 * 1024;
/// Keystrokes in one field closer than this are one step, not one a letter.
const TYPING_MS = 800;

const past = [];
const future = [];
let current = null;
let lastEdit = { at: 0, field: null };
let restoring = false;

/// A new document is on screen: its history starts here.
export function resetHistory() {
  past.length = 0;
  future.length = 0;
  current = state.brief ? JSON.stringify(state.brief) : null;
  lastEdit = { at: 0, field: null };
}

/// Records the brief after an edit, unless it is an undo or redo landing.
export function recordEdit() {
  if (restoring || !state.brief) return;
  const now = JSON.stringify(state.brief);
  if (now === current) return;
  const field = isTextField(document.activeElement) ? document.activeElement : null;
  const typing = field !== null && field === lastEdit.field && Date.now() - lastEdit.at < TYPING_MS;
  if (current !== null && !typing) {
    past.push(current);
    let bytes = past.reduce((sum, snapshot) => sum + snapshot.length, 0);
    while (past.length > MAX_STEPS || (past.length > 1 && bytes > MAX_BYTES)) bytes -= past.shift().length;
  }
  future.length = 0;
  current = now;
  lastEdit = { at: Date.now(), field };
}

/// Goes one edit back (`undo`) or forward; `show` puts a brief on screen.
/// Returns whether there was a step to take.
export async function step(direction, show) {
  const [from, to] = direction === "undo" ? [past, future] : [future, past];
  if (!from.length) return false;
  to.push(current);
  current = from.pop();
  lastEdit = { at: 0, field: null };
  restoring = true;
  try {
    await show(JSON.parse(current));
  } finally {
    restoring = false;
  }
  return true;
}
