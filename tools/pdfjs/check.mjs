// Opens a PDF with pdf.js (the engine of Firefox's PDF viewer) and prints its
// page count and text; any warning or error pdf.js raises goes to stderr and
// makes the exit code 1. Usage: node check.mjs FILE.pdf
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
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  text += content.items.map((item) => item.str).join(" ") + "\n";
  await page.getOperatorList(); // draws the page: fonts and content streams are parsed
}
const outline = await doc.getOutline();
process.stdout.write(JSON.stringify({ pages: doc.numPages, outline: (outline || []).map((o) => o.title), text }) + "\n");
if (problems.length) {
  process.stderr.write(problems.join("\n") + "\n");
  process.exit(1);
}
