// Articles and briefs in and out: analyze, open, save, export.

import { scheduleAutosave } from "./autosave.js";
import { showBrief } from "./brief.js";
import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { call, dialog } from "./ipc.js";
import { showFailure, showMessage } from "./messages.js";
import { state } from "./state.js";

export async function analyze(text, fileName = null, info = null) {
  if (!text.trim()) {
    showMessage(t("nothing_pasted"), "error");
    return;
  }
  $("status").textContent = t("analyzing");
  try {
    const keyPoints = Number($("key-point-count").value) || 5;
    const input = { text, file_name: fileName, key_points: keyPoints, restored: [], language: null, info };
    const brief = await call("new_brief", { input, analyst: state.settings?.analyst || "" });
    state.path = null;
    await showBrief(brief);
  } catch (error) {
    showFailure(error);
  }
}

/// Opens what the analyst picked or dropped: a saved brief or an article.
export async function openPath(path) {
  try {
    if (/\.json$/i.test(path)) {
      const opened = await call("open_brief", { path });
      state.settings = opened.settings;
      state.path = path;
      await showBrief(opened.brief);
    } else {
      const article = await call("read_article", { path });
      $("paste").value = article.text;
      await analyze(article.text, article.file_name, article.info);
    }
  } catch (error) {
    showFailure(error);
  }
}

export async function chooseFile() {
  const path = await dialog.open({
    multiple: false,
    directory: false,
    filters: [{ name: t("article_filter"), extensions: ["txt", "md", "markdown", "html", "htm", "pdf", "docx", "json"] }],
  });
  if (path) await openPath(path);
}

export function fileStem() {
  const title = (state.brief?.title || "brief").normalize("NFC");
  return title.replace(/[\\/:*?"<>|\n\r\t]+/g, " ").trim().slice(0, 80) || "brief";
}

/// Each export format's file extension and the label of its file filter.
const FORMATS = {
  pdf: ["pdf", "pdf_filter", "exported_pages"],
  markdown: ["md", "md_filter", "exported_md"],
  docx: ["docx", "docx_filter", "exported_docx"],
  html: ["html", "html_filter", "exported_html"],
  text: ["txt", "text_filter", "exported_text"],
};

export async function chooseExport(format) {
  if (!state.brief || !FORMATS[format]) return;
  const [extension, filterKey] = FORMATS[format];
  const filter = t(filterKey);
  const path = await dialog.save({
    defaultPath: `${fileStem()}.${extension}`,
    filters: [{ name: filter, extensions: [extension] }],
  });
  if (path) await exportTo(format, path);
}

/// Writes the brief to `path` as `format` (a key of FORMATS).
export async function exportTo(format, path) {
  try {
    const done = await call("export", {
      brief: state.brief, template: state.template, locale: state.locale, format, path,
      pageSize: state.settings.page_size || "",
    });
    const what = t(FORMATS[format]?.[2] ?? "exported_md", { pages: done.pages });
    const warnings = done.warnings.length ? ` ${done.warnings.join(" ")}` : "";
    showMessage(t("exported", { what, path: done.path }) + warnings, "success", {
      label: t("open_folder"),
      run: () => call("reveal", { path: done.path }).catch(showFailure),
    });
    return done;
  } catch (error) {
    showFailure(error);
    return null;
  }
}

export async function saveBrief(saveAs = false) {
  if (!state.brief) return;
  let path = saveAs ? null : state.path;
  if (!path) {
    path = await dialog.save({
      defaultPath: `${fileStem()}.json`,
      filters: [{ name: t("brief_filter"), extensions: ["json"] }],
    });
  }
  if (path) await saveBriefTo(path);
}

export async function saveBriefTo(path) {
  try {
    state.settings = await call("save_brief", { brief: state.brief, path });
    state.path = path;
    showMessage(t("brief_saved", { path }), "success", {
      label: t("open_folder"),
      run: () => call("reveal", { path }).catch(showFailure),
    });
    scheduleAutosave();
  } catch (error) {
    showFailure(error);
  }
}
