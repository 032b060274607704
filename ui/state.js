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
  // The article as code points: offsets count Unicode scalar values. In a
  // digest, the article of the source on screen (`source`).
  chars: [],
  // A digest's story under review.
  story: 0,
  // What the preview and the export show of a digest: "all" or "story".
  scope: "all",
  // A template being edited and not yet saved; previews use it.
  templateSource: null,
  // A design being made and not yet saved (the template's manifest); previews use it.
  design: null,
  templateEditable: false,
  lastPreviewMs: null,
};

/// Whether the brief on screen is a digest of many articles (it has stories).
export function isDigest() {
  return Boolean(state.brief?.stories?.length);
}

/// What the review lists show: the digest's story under review, or the brief.
export function reviewed() {
  return isDigest() ? state.brief.stories[state.story] : state.brief;
}

/// The story the preview and the export show alone, or null for the whole brief.
export function shownStory() {
  return isDigest() && state.scope === "story" ? state.story : null;
}
