// What the window is showing: the brief under review and how it renders.

export const LISTS = ["key_points", "quotes", "entities", "figures"];

export const state = {
  brief: null,
  template: "bluf",
  locale: "",
  path: null,
  settings: null,
  templates: [],
  locales: [],
  // The article as code points: offsets count Unicode scalar values.
  chars: [],
  // A template being edited and not yet saved; previews use it.
  templateSource: null,
  templateEditable: false,
  lastPreviewMs: null,
};
