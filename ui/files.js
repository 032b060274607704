// Articles and briefs in and out: analyze, open, save, export.

import { scheduleAutosave } from "./autosave.js";
import { showBrief } from "./brief.js";
import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { call, dialog } from "./ipc.js";
import { refreshMenu } from "./menu.js";
import { showFailure, showMessage } from "./messages.js";
import { shownStory, state } from "./state.js";

/// Files that open as one article; a saved brief is .brief (or .json, as
/// briefs were saved before); anything else (a folder, a feed) opens as a
/// digest of the articles it holds.
const ARTICLE_FILE = /\.(txt|text|md|markdown|html?|xhtml|pdf|docx)$/i;
const BRIEF_FILE = /\.(brief|json)$/i;

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

/// Opens several articles, folders or feeds as one digest, its articles
/// grouped into stories; what could not be read is named, the rest opens.
export async function openArticles(paths) {
  $("status").textContent = t("analyzing");
  try {
    const keyPoints = Number($("key-point-count").value) || 5;
    const opened = await call("open_articles", { paths, keyPoints, analyst: state.settings?.analyst || "" });
    state.path = null;
    state.scope = "all";
    await showBrief(opened.brief);
    if (opened.warnings.length) showMessage(t("digest_warnings", { lines: opened.warnings.join("\n") }), "warning");
    return opened;
  } catch (error) {
    showFailure(error);
    return null;
  }
}

/// Opens what the analyst picked or dropped: a saved brief, an article, or
/// a folder or feed of articles.
export async function openPath(path) {
  if (!BRIEF_FILE.test(path) && !ARTICLE_FILE.test(path)) {
    await openArticles([path]);
    return;
  }
  try {
    if (BRIEF_FILE.test(path)) {
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

/// Opens the file (or, several picked, the digest of the files) the analyst picks.
export async function chooseFile() {
  const picked = await dialog.open({
    multiple: true,
    directory: false,
    filters: [{
      name: t("article_filter"),
      extensions: ["txt", "md", "markdown", "html", "htm", "pdf", "docx", "brief", "json", "xml", "rss", "atom"],
    }],
  });
  const paths = Array.isArray(picked) ? picked : (picked ? [picked] : []);
  if (paths.length === 1) await openPath(paths[0]);
  else if (paths.length > 1) await openArticles(paths);
}

/// Opens every article in a folder the analyst picks, as a digest.
export async function chooseFolder() {
  const folder = await dialog.open({ multiple: false, directory: true });
  if (folder) await openArticles([folder]);
}

export function fileStem() {
  const story = shownStory();
  const shown = story === null ? state.brief?.title : (state.brief.stories[story].edited ?? state.brief.stories[story].title);
  const title = (shown || (state.brief?.stories?.length ? t("digest_file") : "brief")).normalize("NFC");
  return title.replace(/[\\/:*?"<>|\n\r\t]+/g, " ").trim().slice(0, 80) || "brief";
}

/// Each export format's file extension and the label of its file filter.
const FORMATS = {
  pdf: ["pdf", "pdf_filter", "exported_pages"],
  pdf_a: ["pdf", "pdf_filter", "exported_pages"],
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
      pageSize: state.settings.page_size || "", story: shownStory(),
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
      defaultPath: `${fileStem()}.brief`,
      filters: [{ name: t("brief_filter"), extensions: ["brief", "json"] }],
    });
  }
  if (path) await saveBriefTo(path);
}

export async function saveBriefTo(path) {
  try {
    state.settings = await call("save_brief", { brief: state.brief, path });
    state.path = path;
    refreshMenu();
    showMessage(t("brief_saved", { path }), "success", {
      label: t("open_folder"),
      run: () => call("reveal", { path }).catch(showFailure),
    });
    scheduleAutosave();
  } catch (error) {
    showFailure(error);
  }
}
