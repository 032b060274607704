// Templates: the list, the source editor, copies and saving.

import { changed, saveSettings } from "./autosave.js";
import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { call, dialog, failureText } from "./ipc.js";
import { showFailure, showMessage } from "./messages.js";
import { isDigest, state } from "./state.js";

export function hasTemplate(name) {
  return state.templates.some((tpl) => tpl.name === name);
}

/// Fills the template list: for a digest the templates made for stories,
/// for one article the others.
export function setTemplates(info) {
  state.templates = info.templates;
  state.locales = info.locales;
  const fits = info.templates.filter((tpl) => Boolean(tpl.stories) === isDigest());
  $("template").replaceChildren(...fits.map((tpl) => {
    const option = new Option(tpl.origin === "builtin" ? tpl.name : `${tpl.name} ★`, tpl.name);
    option.title = tpl.description;
    return option;
  }));
  $("locale").replaceChildren(new Option(t("auto_language"), ""), ...info.locales.map((l) => new Option(l, l)));
  $("template").value = state.template;
}

/// The setting that remembers the analyst's template for this kind of brief.
function templateSetting() {
  return isDigest() ? "digest_template" : "template";
}

/// Lists the templates that fit the brief on screen and picks one of them:
/// the one in use if it fits, else the one last picked for this kind of
/// brief, else the first.
export function fitTemplate() {
  setTemplates({ templates: state.templates, locales: state.locales });
  const fits = (name) => state.templates.some((tpl) => tpl.name === name && Boolean(tpl.stories) === isDigest());
  if (!fits(state.template)) {
    state.design = null; // a design is of the template it was opened on
    const remembered = state.settings?.[templateSetting()];
    const first = state.templates.find((tpl) => Boolean(tpl.stories) === isDigest());
    state.template = fits(remembered) ? remembered : (first?.name ?? state.template);
  }
  $("template").value = state.template;
}

export async function loadTemplateSource() {
  try {
    const source = await call("template_source", { name: state.template });
    state.templateEditable = source.editable;
    state.templateSource = null;
    $("template-source").value = source.source;
    $("template-source").readOnly = !source.editable;
    $("btn-save-template").disabled = !source.editable;
    $("template-info").textContent = t(source.editable ? "template_user" : "template_builtin", { name: state.template });
    $("copy-name").value = "";
    $("template-error").hidden = true;
  } catch (error) {
    showFailure(error);
  }
}

export async function copyTemplate() {
  const name = $("copy-name").value.trim() || `${state.template}-mine`;
  await copyTemplateAs(name);
}

export async function copyTemplateAs(name) {
  try {
    await call("create_template", { name, from: state.template });
    setTemplates(await call("templates"));
    await pickTemplate(name);
    showTab("template");
  } catch (error) {
    showFailure(error);
  }
}

export async function pickTemplate(name) {
  // A design is of the template it was opened on; the designer reopens on this one.
  state.design = null;
  state.template = name;
  $("template").value = name;
  state.settings[templateSetting()] = name;
  saveSettings();
  await loadTemplateSource();
  changed();
}

export async function saveTemplate() {
  try {
    await call("save_template", {
      name: state.template, source: $("template-source").value, locale: state.locale,
    });
    state.templateSource = null;
    showMessage(t("template_saved", { name: state.template }), "success");
    changed({ save: false });
  } catch (error) {
    const where = error && error.line ? t("template_error", error) : failureText(error);
    $("template-error").textContent = where;
    $("template-error").hidden = false;
    if (error && error.line) placeCursor($("template-source"), error.line, error.column);
  }
}

export function placeCursor(textarea, line, column) {
  const lines = textarea.value.split("\n");
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i += 1) at += lines[i].length + 1;
  at += Math.max(0, (column || 1) - 1);
  textarea.focus();
  textarea.setSelectionRange(at, at);
}

/// Shows the preview, the template's source, or the designer above the preview.
export function showTab(which) {
  // Outside the designer the preview shows the template as saved.
  if (which !== "design") state.design = null;
  for (const tab of ["preview", "design", "template"]) {
    $(`tab-${tab}`).setAttribute("aria-selected", String(tab === which));
  }
  $("preview").hidden = which === "template";
  $("template-editor").hidden = which !== "template";
  $("template-designer").hidden = which !== "design";
}

/// The file dialogs' filter for template packages.
const packageFilter = () => [{ name: t("template_filter"), extensions: ["bstpl"] }];

/// Writes the template on screen as a .bstpl package the analyst can send.
export async function shareTemplate() {
  const path = await dialog.save({
    defaultPath: `${state.template}.bstpl`,
    filters: packageFilter(),
  });
  if (path) await shareTemplateTo(path);
}

export async function shareTemplateTo(path) {
  try {
    await call("export_template", { name: state.template, path });
    showMessage(t("template_shared", { name: state.template, path }), "success");
  } catch (error) {
    showFailure(error);
  }
}

/// Installs a template someone shared; asks before replacing one of the
/// same name.
export async function installTemplate() {
  const path = await dialog.open({ filters: packageFilter() });
  if (path) await installTemplateFrom(path);
}

export async function installTemplateFrom(path, replace = false) {
  try {
    const done = await call("import_template", { path, replace });
    if (done.exists) {
      showMessage(t("template_exists", { name: done.exists }), "warning", {
        label: t("replace"), run: () => installTemplateFrom(path, true),
      });
      return;
    }
    setTemplates(await call("templates"));
    await pickTemplate(done.name);
    showMessage(t("template_installed", { name: done.name }), "success");
  } catch (error) {
    showFailure(error);
  }
}
