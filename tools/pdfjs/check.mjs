// Opens a PDF with pdf.js (the engine of Firefox's PDF viewer) and prints its
// page count, text, outline and structure; any warning or error pdf.js raises
// goes to stderr and makes the exit code 1. Usage: node check.mjs FILE.pdf
//
// `structure` is the tagged PDF's tree as a reader follows it: each element
// that holds text on a page, in reading order, as [role, text, ancestors' roles];
// `artifacts` the text marked as no part of the content (running headers,
// footers); `untagged` any text marked as neither; `figures` each element with
// alternative text, as [role, alt, page number].
import { readFile } from "node:fs/promises";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

const problems = [];
const original = { log: console.log, warn: console.warn, error: console.error };
for (const level of ["log", "warn", "error"]) {
  console[level] = (...args) => {
    const text = args.join(" ");
    if (/warning|error/i.test(text)) problems.push(text);
    else original[level](...args);
  };
}

const data = new Uint8Array(await readFile(process.argv[2]));
const doc = await pdfjs.getDocument({ data, verbosity: pdfjs.VerbosityLevel.WARNINGS, useSystemFonts: false }).promise;
let text = "";
const structure = [];
const artifacts = [];
const untagged = [];
const figures = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent({ includeMarkedContent: true });
  text += content.items.filter((item) => item.str !== undefined).map((item) => item.str).join(" ") + "\n";
  // The text of each marked run, by its id; artifacts and untagged text aside.
  const runs = new Map();
  const open = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") {
      open.push(item);
      if (item.id) runs.set(item.id, "");
    } else if (item.type === "endMarkedContent") {
      open.pop();
    } else if (item.str !== undefined) {
      const run = [...open].reverse().find((o) => o.id || o.tag === "Artifact");
      const blank = item.str.trim() === "";
      if (run && run.id) runs.set(run.id, runs.get(run.id) + item.str + (item.hasEOL ? " " : ""));
      else if (blank) continue;
      else if (!run) untagged.push(item.str);
      else artifacts.push(item.str);
    }
  }
  const tree = await page.getStructTree();
  const walk = (node, ancestors) => {
    const own = (node.children || []).filter((c) => c.type === "content").map((c) => runs.get(c.id) ?? "");
    if (own.length) structure.push([node.role, own.join(" ").replace(/\s+/g, " ").trim(), ancestors]);
    if (node.alt) figures.push([node.role, node.alt, n]);
    for (const child of node.children || []) {
      if (child.role) walk(child, node.role === "Root" ? ancestors : [...ancestors, node.role]);
    }
  };
  if (tree) walk(tree, []);
  await page.getOperatorList(); // draws the page: fonts and content streams are parsed
}
const outline = await doc.getOutline();
const markInfo = await doc.getMarkInfo();
process.stdout.write(
  JSON.stringify({
    pages: doc.numPages,
    outline: (outline || []).map((o) => o.title),
    text,
    tagged: Boolean(markInfo && markInfo.Marked),
    structure,
    artifacts,
    untagged,
    figures,
  }) + "\n",
);
if (problems.length) {
  process.stderr.write(problems.join("\n") + "\n");
  process.exit(1);
}
