// Calling the Rust commands, with a progress bar for slow ones, and the
// native dialogs. Every result comes from the library through a command.

import { $ } from "./dom.js";

export const { invoke } = window.__TAURI__.core;
export const dialog = window.__TAURI__.dialog;
export const events = window.__TAURI__.event;

const PROGRESS_DELAY_MS = 300;

let pending = 0;
let progressTimer = null;

/// Calls a command; shows a progress bar when it takes longer than ~300 ms.
export async function call(cmd, args = {}) {
  pending += 1;
  if (!progressTimer) progressTimer = setTimeout(() => { $("progress").hidden = false; }, PROGRESS_DELAY_MS);
  try {
    return await invoke(cmd, args);
  } finally {
    pending -= 1;
    if (pending === 0) {
      clearTimeout(progressTimer);
      progressTimer = null;
      $("progress").hidden = true;
    }
  }
}

export function failureText(error) {
  if (error && typeof error === "object" && error.message) return error.message;
  return String(error);
}
