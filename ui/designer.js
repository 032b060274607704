// The template designer: tick, order and rename a template's sections, set
// their options, the logo and the page, without code. The library turns the
// design into the template's Jinja; the preview follows every change.

import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { call, dialog } from "./ipc.js";
import { showFailure, showMessage } from "./messages.js";
import { refreshPreview } from "./preview.js";
import { state } from "./state.js";
import { pickTemplate, setTemplates } from "./templates.js";

/// What a dragged section carries: its place in the list.
const SECTION_DRAG = "application/x-briefsmith-section";

/// The designer's view of the template on screen (see `template_design`).
let view = null;
/// A logo file picked and not yet copied into the template (on save).
let pendingLogo = null;
/// Font files picked and not yet copied: { regular, bold } paths.
let pendingFonts = {};

const designTabOpen = () => $("tab-design").getAttribute("aria-selected") === "true";

/// Opens the template on screen in the designer; a design not yet saved of
/// this same template is kept, with the files picked for it.
export async function openDesigner() {
  if (view && !view.read_only && view.name === state.template && view.locale === (state.locale || view.locale)) {
    state.design = view.manifest;
    refreshPreview();
    return;
  }
  try {
    const opened = await call("template_design", {
      name: state.template, locale: state.locale, language: state.brief?.language ?? "",
    });
    // The analyst may have left the tab or picked another template meanwhile.
    if (!designTabOpen() || opened.name !== state.template) return;
    view = opened;
    pendingLogo = null;
    pendingFonts = {};
    // A template the designer may not change previews as it is.
    state.design = view.read_only ? null : view.manifest;
    renderDesigner();
    refreshPreview();
  } catch (error) {
    showFailure(error);
  }
}

/// Leaves the designer: the preview shows the saved template again (the
/// unsaved design stays, for when the analyst comes back).
export function closeDesigner() {
  if (state.design === null) return;
  state.design = null;
  refreshPreview();
}

/// The last part of a path the dialog gave.
const fileName = (path) => path.split(/[\\/]/).pop();

/// Forgets the unsaved design, after a save.
function forgetDesign() {
  view = null;
  pendingLogo = null;
  pendingFonts = {};
}

function renderDesigner() {
  const manifest = view.manifest;
  const readOnly = Boolean(view.read_only);
  $("design-info").textContent = readOnly
    ? view.read_only
    : t(view.built_in ? "design_builtin" : "design_user", { name: view.name });
  $("design-info").classList.toggle("warning", readOnly);
  $("design-copy").hidden = readOnly || !view.built_in;
  $("design-copy-name").value = `${view.name}-mine`;
  $("btn-save-design").disabled = readOnly;
  $("design-form").disabled = readOnly;
  renderSections(manifest.design?.sections ?? []);
  const pdf = manifest.pdf;
  $("d-logo-name").textContent = pendingLogo ? fileName(pendingLogo) : (manifest.logo || t("design_no_logo"));
  $("d-logo-alt").value = manifest.logo_alt ?? "";
  $("d-organisation").value = manifest.organisation ?? "";
  $("d-distribution").value = manifest.distribution ?? "";
  $("d-classification").value = manifest.classification ?? "";
  $("d-page-numbers").checked = pdf.page_numbers;
  showFontName();
  $("d-header").value = pdf.header;
  $("d-footer").value = pdf.footer;
  $("d-banner").checked = pdf.classification_banner;
  $("d-page-size").value = pdf.page_size;
  $("d-font-size").value = pdf.font_size_pt;
  $("d-justify").checked = pdf.justify;
  for (const side of ["top", "right", "bottom", "left"]) $(`d-margin-${side}`).value = pdf.margins_mm[side];
}

/// The heading a section shows in the designer's locale.
function headingText(section) {
  const key = headingKey(section);
  return view.manifest.labels?.[view.locale]?.[key] ?? view.labels[key] ?? key;
}

/// The label key of the section's heading: its own, else its kind's.
function headingKey(section) {
  return section.heading || view.kinds.find((k) => k.kind === section.kind)?.default_heading || "";
}

function renderSections(sections) {
  const list = $("design-sections");
  list.replaceChildren(...sections.map((section, index) => sectionRow(section, index, sections.length)));
}

function sectionRow(section, index, count) {
  const li = document.createElement("li");
  li.className = "design-section";
  li.draggable = !view.read_only;
  li.tabIndex = -1;
  li.dataset.index = String(index);
  li.dataset.kind = section.kind;
  const name = t(`section_${section.kind}`);

  const shown = document.createElement("input");
  shown.type = "checkbox";
  shown.checked = section.shown !== false;
  shown.id = `d-shown-${section.kind}`;
  shown.addEventListener("change", () => { section.shown = shown.checked; refreshPreview(); });
  const label = document.createElement("label");
  label.htmlFor = shown.id;
  label.textContent = name;
  li.append(shown, label);

  if (headingKey(section)) {
    const heading = document.createElement("input");
    heading.className = "design-heading";
    heading.value = headingText(section);
    heading.setAttribute("aria-label", t("design_heading", { name }));
    heading.addEventListener("input", () => { renameSection(section, heading.value); refreshPreview(); });
    li.append(heading);
  }

  const up = moveButton("↑", t("move_up"), index > 0, () => moveSection(index, index - 1));
  const down = moveButton("↓", t("move_down"), index < count - 1, () => moveSection(index, index + 1));
  li.append(up, down);

  const options = view.kinds.find((k) => k.kind === section.kind)?.options ?? [];
  if (options.length) li.append(optionFields(section, options, name));

  li.addEventListener("keydown", (event) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    moveSection(index, event.key === "ArrowUp" ? index - 1 : index + 1);
  });
  li.addEventListener("dragstart", (event) => event.dataTransfer.setData(SECTION_DRAG, String(index)));
  li.addEventListener("dragover", (event) => event.preventDefault());
  li.addEventListener("drop", (event) => {
    event.preventDefault();
    // Only a section dragged from this list moves; dropped text or files do not.
    const dragged = event.dataTransfer.getData(SECTION_DRAG);
    if (dragged !== "") moveSection(Number(dragged), index);
  });
  return li;
}

function moveButton(text, title, enabled, run) {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = text;
  button.title = title;
  button.setAttribute("aria-label", title);
  button.disabled = !enabled;
  button.addEventListener("click", run);
  return button;
}

/// The section's options: how many items, numbered, speakers, citations,
/// confidence on the assessment's line.
function optionFields(section, options, name) {
  const box = document.createElement("span");
  box.className = "design-options";
  for (const option of options) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    if (option === "limit") {
      input.type = "number";
      input.min = "1";
      input.max = "99";
      input.value = section.limit ?? "";
      input.placeholder = t("design_all");
      input.addEventListener("input", () => {
        const n = Number.parseInt(input.value, 10);
        section.limit = Number.isInteger(n) && n > 0 ? n : null;
        refreshPreview();
      });
    } else {
      input.type = "checkbox";
      // Serde leaves out options at their default; these default to on.
      const defaultOn = ["speakers", "citations", "confidence"].includes(option);
      input.checked = section[option] ?? defaultOn;
      input.addEventListener("change", () => { section[option] = input.checked; refreshPreview(); });
    }
    input.setAttribute("aria-label", `${name}: ${t(`design_${option}`)}`);
    // "at most [5]", but "[x] numbered".
    if (option === "limit") label.append(document.createTextNode(`${t("design_limit")} `), input);
    else label.append(input, document.createTextNode(` ${t(`design_${option}`)}`));
    box.append(label);
  }
  return box;
}

function renameSection(section, text) {
  const key = headingKey(section);
  const labels = view.manifest.labels ?? (view.manifest.labels = {});
  const own = labels[view.locale] ?? (labels[view.locale] = {});
  if (text.trim() === "" || text === view.base_labels[key]) delete own[key];
  else own[key] = text;
}

/// Moves section `from` to `to`, keeping the focus on it.
export function moveSection(from, to) {
  const sections = view?.manifest.design?.sections;
  if (!sections || view.read_only || to < 0 || to >= sections.length || from === to) return;
  const [moved] = sections.splice(from, 1);
  sections.splice(to, 0, moved);
  renderSections(sections);
  $("design-sections").children[to]?.focus();
  refreshPreview();
}

/// The page and header fields into the manifest.
function readPageFields() {
  const manifest = view.manifest;
  const pdf = manifest.pdf;
  manifest.logo_alt = $("d-logo-alt").value;
  manifest.organisation = $("d-organisation").value;
  manifest.distribution = $("d-distribution").value;
  manifest.classification = $("d-classification").value;
  pdf.page_numbers = $("d-page-numbers").checked;
  pdf.header = $("d-header").value;
  pdf.footer = $("d-footer").value;
  pdf.classification_banner = $("d-banner").checked;
  pdf.page_size = $("d-page-size").value;
  const size = Number.parseFloat($("d-font-size").value);
  if (Number.isFinite(size)) pdf.font_size_pt = Math.min(24, Math.max(6, size));
  pdf.justify = $("d-justify").checked;
  for (const side of ["top", "right", "bottom", "left"]) {
    const mm = Number.parseFloat($(`d-margin-${side}`).value);
    if (Number.isFinite(mm)) pdf.margins_mm[side] = Math.min(80, Math.max(5, mm));
  }
}

export async function chooseLogo() {
  const path = await dialog.open({ filters: [{ name: t("design_logo_filter"), extensions: ["png", "jpg", "jpeg", "svg"] }] });
  if (path) chooseLogoFrom(path);
}

/// Picks the image at `path` as the logo; it is copied into the template on save.
export function chooseLogoFrom(path) {
  pendingLogo = path;
  $("d-logo-name").textContent = fileName(path);
}

/// Picks the font file at `path` for the text (`regular`) or its bold
/// (`bold`); it is copied into the template on save.
export function chooseFontFrom(path, face = "regular") {
  pendingFonts[face] = path;
  showFontName();
}

async function chooseFont(face) {
  const path = await dialog.open({ filters: [{ name: t("design_font_filter"), extensions: ["ttf", "otf"] }] });
  if (path) chooseFontFrom(path, face);
}

function showFontName() {
  const picked = [pendingFonts.regular, pendingFonts.bold].filter(Boolean).map(fileName);
  $("d-font-name").textContent = picked.length ? picked.join(", ") : view.manifest.pdf.font_family;
}

/// Back to the built-in Noto Sans.
function builtInFont() {
  pendingFonts = {};
  view.manifest.pdf.fonts = [];
  view.manifest.pdf.font_family = "Noto Sans";
  showFontName();
}

/// Saves the design: a built-in as a copy of the name given, a template of
/// the analyst's in place; then the copy is the template in use.
export async function saveDesign() {
  if (!view || view.read_only) return;
  readPageFields();
  try {
    let name = view.name;
    if (view.built_in) {
      name = $("design-copy-name").value.trim() || `${view.name}-mine`;
      await call("create_template", { name, from: view.name });
      // The copy exists now: a failure below is retried on it, not on the built-in.
      view.name = name;
      view.built_in = false;
    }
    const manifest = structuredClone(view.manifest);
    if (pendingLogo) manifest.logo = await call("add_logo", { name, path: pendingLogo });
    if (pendingFonts.regular || pendingFonts.bold) {
      // Regular, italic, bold, bold italic: italics are drawn with the upright faces picked.
      const [oldText, , oldBold] = manifest.pdf.fonts;
      const text = pendingFonts.regular ? await call("add_font", { name, path: pendingFonts.regular }) : oldText;
      const bold = (pendingFonts.bold ? await call("add_font", { name, path: pendingFonts.bold }) : oldBold) ?? text;
      if (text) {
        manifest.pdf.fonts = [text, text, bold, bold];
        manifest.pdf.font_family = text.replace(/\.(ttf|otf)$/i, "");
      }
    }
    await call("save_design", { name, manifest });
    forgetDesign();
    setTemplates(await call("templates"));
    await pickTemplate(name);
    await openDesigner();
    showMessage(t("template_saved", { name }), "success");
  } catch (error) {
    showFailure(error);
  }
}

export function wireDesigner() {
  // The office, distribution and marking are in the preview too; the page
  // settings only in the PDF and Word files, and read as they change all the same.
  for (const id of ["d-organisation", "d-distribution", "d-classification", "d-logo-alt", "d-header", "d-footer",
    "d-banner", "d-page-size", "d-font-size", "d-justify", "d-page-numbers", "d-margin-top", "d-margin-right",
    "d-margin-bottom", "d-margin-left"]) {
    $(id).addEventListener(id.startsWith("d-margin") || id === "d-font-size" ? "change" : "input", () => {
      if (!view || view.read_only) return;
      readPageFields();
      refreshPreview();
    });
  }
  $("btn-save-design").onclick = saveDesign;
  $("btn-design-logo").onclick = chooseLogo;
  $("btn-design-font").onclick = () => chooseFont("regular");
  $("btn-design-bold").onclick = () => chooseFont("bold");
  $("btn-design-font-builtin").onclick = builtInFont;
}
