// Front-end build step, run by `make install` after `npm ci`. Output: build/.
//
// 0. build/kern/: the one file of KERN UX the site serves (its stylesheet),
//    with KERN's licence; KERN's full fonts stay out of the static files.
// 1. build/rtl/: KERN UX has no right-to-left rules, so a mirrored copy of its
//    stylesheet is generated with rtlcss (the way Bootstrap builds its RTL CSS).
// 2. build/fonts/: subset web fonts from fontsource, one stylesheet per script
//    (Latin/Cyrillic/Greek, Arabic, Farsi). Only the weights and styles the site
//    uses, split by unicode-range (a page fetches only the subsets its text
//    needs), woff2 only, font-display: swap. KERN's own fira-sans.css loads
//    every weight of the full font (about 130 KB per file) and is not used.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const rtlcss = require("rtlcss");

// --- 0. KERN's stylesheet ----------------------------------------------------
const kern = "node_modules/@kern-ux/native";
const source = `${kern}/dist/kern.min.css`;
rmSync("build/kern", { recursive: true, force: true });
mkdirSync("build/kern", { recursive: true });
copyFileSync(source, "build/kern/kern.min.css");
copyFileSync(`${kern}/LICENSE.md`, "build/kern/LICENSE.md");

// --- 1. KERN mirrored for Arabic and Farsi ---------------------------------
const target = "build/rtl/kern.rtl.min.css";

mkdirSync("build/rtl", { recursive: true });
const css = readFileSync(source, "utf8");
writeFileSync(target, rtlcss.process(css));
console.log(`${target}: ${css.length} -> mirrored`);

// --- 2. Subset fonts ---------------------------------------------------------
// Weights in use: KERN's typography tokens (400 body, 500 subline and balanced
// headings, 600 headings/labels/strong) and static/css/site.css (700 for the
// current navigation item and language); italic 400 for <em> and image credits.
// Arabic and Farsi keep 400 and 600 (the browser maps 500 to 400, 700 to 600).
const FAMILIES = {
  "fira-sans": {
    faces: ["400", "500", "600", "700", "400-italic"],
    subsets: ["latin", "latin-ext", "cyrillic", "greek"],
  },
  "noto-sans-arabic": { faces: ["400", "600"], subsets: ["arabic"] },
  vazirmatn: { faces: ["400", "600"], subsets: ["arabic"] },
};
// One stylesheet per script; Arabic and Farsi pages still show Latin words
// (names, addresses) in Fira Sans.
const STYLESHEETS = {
  "fira-sans.css": ["fira-sans"],
  "fira-sans-noto-sans-arabic.css": ["noto-sans-arabic", "fira-sans"],
  "fira-sans-vazirmatn.css": ["vazirmatn", "fira-sans"],
};

const fontDir = "build/fonts";
rmSync(fontDir, { recursive: true, force: true });
mkdirSync(`${fontDir}/files`, { recursive: true });

function fontFaces(family) {
  const { faces, subsets } = FAMILIES[family];
  const packageDir = `node_modules/@fontsource/${family}`;
  const rules = [];
  for (const face of faces) {
    const text = readFileSync(`${packageDir}/${face}.css`, "utf8");
    for (const match of text.matchAll(/\/\* ([\w-]+) \*\/\s*(@font-face\s*\{[^}]*\})/g)) {
      const [, name, rule] = match;
      const subset = name.slice(family.length + 1).replace(/-\d+-(normal|italic)$/, "");
      if (!subsets.includes(subset)) continue;
      const woff2 = rule.match(/url\(\.\/files\/([^)]+\.woff2)\)/)[1];
      copyFileSync(`${packageDir}/files/${woff2}`, `${fontDir}/files/${woff2}`);
      // woff2 only: every browser KERN supports reads it.
      const minified = rule
        .replace(/src:[^;]*;/, `src:url(files/${woff2}) format("woff2");`)
        .replace(/\s*\n\s*/g, "")
        .replace(/:\s+/g, ":");
      if (!minified.includes("font-display:swap")) {
        throw new Error(`${family} ${name}: no font-display: swap`);
      }
      rules.push(minified);
    }
  }
  const expected = faces.length * subsets.length;
  if (rules.length !== expected) {
    throw new Error(`${family}: ${rules.length} font faces found, ${expected} expected`);
  }
  return rules;
}

for (const [name, families] of Object.entries(STYLESHEETS)) {
  const rules = families.flatMap(fontFaces);
  writeFileSync(`${fontDir}/${name}`, `${rules.join("\n")}\n`);
  console.log(`${fontDir}/${name}: ${rules.length} font faces`);
}
