// Front-end build step, run by `make install` after `npm ci`. Output: build/.
//
// 0. build/kern/: the one file of KERN UX the site serves (its stylesheet),
//    with KERN's licence; KERN's full fonts stay out of the static files.
//    Only the rules of classes the site uses are kept (PurgeCSS over the
//    templates, the scripts and the Python code that sets classes on form
//    widgets): a third of KERN's size, which a phone on a slow connection
//    must load before it shows anything.
// 1. build/rtl/: KERN UX has no right-to-left rules, so a mirrored copy of its
//    stylesheet is generated with rtlcss (the way Bootstrap builds its RTL CSS).
// 2. build/fonts/: subset web fonts from fontsource, one stylesheet per script
//    (Latin/Cyrillic/Greek, Arabic, Farsi). Only the weights and styles the site
//    uses, split by unicode-range (a page fetches only the subsets its text
//    needs), woff2 only, font-display: swap. KERN's own fira-sans.css loads
//    every weight of the full font (about 130 KB per file) and is not used.
//    Every file is cut again with HarfBuzz (subset-font): narrow faces for
//    Turkish and for the Arabic block, and only the OpenType features a
//    browser applies by default.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import * as harfbuzz from "harfbuzzjs";

import { PurgeCSS } from "purgecss";

const require = createRequire(import.meta.url);
const rtlcss = require("rtlcss");
const subsetFont = require("subset-font");
const fontverter = require("fontverter");

// --- 0. KERN's stylesheet ----------------------------------------------------
const kern = "node_modules/@kern-ux/native";
const source = `${kern}/dist/kern.min.css`;
rmSync("build/kern", { recursive: true, force: true });
mkdirSync("build/kern", { recursive: true });
// Where the site writes class names. Class names built at run time must be
// listed in the safelist: the notice block's kind ("kern-alert--{{ kind }}").
// The project's Python packages: every top-level folder with an __init__.py.
const packages = readdirSync(".").filter(
  (name) => name !== "tests" && existsSync(`${name}/__init__.py`),
);
const [purged] = await new PurgeCSS().purge({
  content: [
    "templates/**/*.html",
    "static/js/**/*.js",
    ...packages.map((name) => `${name}/**/*.py`),
  ],
  css: [source],
  safelist: {
    standard: [/^kern-alert--/, /^kern-icon--(info|warning|success|danger)$/],
  },
});
writeFileSync("build/kern/kern.min.css", purged.css);
copyFileSync(`${kern}/LICENSE.md`, "build/kern/LICENSE.md");
console.log(`build/kern/kern.min.css: ${readFileSync(source).length} -> ${purged.css.length} bytes`);

// --- 1. KERN mirrored for Arabic and Farsi ---------------------------------
// The file the Makefile checks: removed first and written last, so that a
// build that fails halfway runs again on the next `make install`.
const target = "build/rtl/kern.rtl.min.css";

rmSync(target, { force: true });
const css = purged.css;
const mirrored = rtlcss.process(css);

// --- 2. Subset fonts ---------------------------------------------------------
// Weights in use: 400 (body) and 600 (headings, labels, <strong>; site.css
// sets KERN's "medium" 500 to 600 and uses no 700: the browser shows bold
// text with the 600 face); italic 400 for <em> and image credits. Two faces
// per script, both preloaded: no late font swap moves the text.
//
// cuts: narrow faces carved out of a fontsource subset. The cut gets its own
// file and @font-face, declared just before the subset it comes from, whose
// unicode-range then leaves those code points out: a page whose text needs
// only them fetches the small file (a few KB) instead of the whole subset.
// `required` are the characters the cut must contain (the build fails if not).
// - turkish: the letters Turkish needs beyond fontsource's "latin" subset
//   (which has ç ö ü â î û and the dotless ı, U+0131): Ğ ğ İ Ş ş, and the
//   lira sign. Without the cut, Turkish text fetched latin-ext (about 48 KB)
//   for every weight on the page.
// - arabic-core: the Arabic block (Arabic, Farsi, Urdu letters, digits,
//   harakat) and the joiners; the rest of fontsource's "arabic" subset
//   (Arabic Supplement and Extended, presentation forms) stays in the wider
//   file, which Arabic and Farsi text practically never needs.
const TURKISH = {
  name: "turkish",
  from: "latin-ext",
  ranges: "U+011E-011F,U+0130,U+015E-015F,U+20BA",
  required: "ĞğİŞş₺",
};
const ARABIC_CORE = {
  name: "arabic-core",
  from: "arabic",
  ranges: "U+0600-06FF,U+200C-200E,U+2010-2011",
  // Arabic letters, punctuation and digits; Farsi's own letters and digits, ZWNJ.
  required: "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى،؛؟٠١٢٣٤٥٦٧٨٩پچژکگی۰۴۵۶\u200c",
};
const FAMILIES = {
  "fira-sans": {
    faces: ["400", "600", "400-italic"],
    subsets: ["latin", "latin-ext", "cyrillic", "greek"],
    cuts: [TURKISH],
  },
  "noto-sans-arabic": { faces: ["400", "600"], subsets: ["arabic"], cuts: [ARABIC_CORE] },
  vazirmatn: { faces: ["400", "600"], subsets: ["arabic"], cuts: [ARABIC_CORE] },
};
// One stylesheet per script; Arabic and Farsi pages still show Latin words
// (names, addresses) in Fira Sans.
const STYLESHEETS = {
  "fira-sans.css": ["fira-sans"],
  "fira-sans-noto-sans-arabic.css": ["noto-sans-arabic", "fira-sans"],
  "fira-sans-vazirmatn.css": ["vazirmatn", "fira-sans"],
};
// OpenType features kept in every file: those browsers apply by default
// (HarfBuzz's shaping of Latin, Cyrillic, Greek and Arabic). Dropped are the
// ones only font-variant-numeric or font-feature-settings turn on (tnum,
// pnum, frac, numr, dnom: about 3 KB a Fira Sans file), which no stylesheet
// of the site uses; tests/flensburg_site/test_font_subsets.py checks that.
const KEEP_FEATURES = [
  "abvm", "blwm", "calt", "ccmp", "clig", "curs", "dist", "fin2", "fin3", "fina",
  "init", "isol", "kern", "liga", "locl", "mark", "med2", "medi", "mkmk", "mset",
  "rclt", "rlig", "rvrn", "stch",
];

const fontDir = "build/fonts";
rmSync(fontDir, { recursive: true, force: true });
mkdirSync(`${fontDir}/files`, { recursive: true });

// unicode-range values as sorted, disjoint [first, last] code point pairs.
function parseRanges(text) {
  const ranges = text.split(",").map((part) => {
    const match = part.trim().match(/^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i);
    if (!match) throw new Error(`unicode-range: cannot read "${part}"`);
    const first = parseInt(match[1], 16);
    return [first, match[2] ? parseInt(match[2], 16) : first];
  });
  return normalise(ranges);
}

function normalise(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [first, last] of sorted) {
    const previous = merged.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

function subtract(ranges, removed) {
  let result = ranges;
  for (const [cutFirst, cutLast] of removed) {
    result = result.flatMap(([first, last]) => {
      if (cutLast < first || cutFirst > last) return [[first, last]];
      const kept = [];
      if (first < cutFirst) kept.push([first, cutFirst - 1]);
      if (cutLast < last) kept.push([cutLast + 1, last]);
      return kept;
    });
  }
  return result;
}

function formatRanges(ranges) {
  const hex = (codePoint) => codePoint.toString(16).toUpperCase().padStart(4, "0");
  return ranges
    .map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`))
    .join(",");
}

function rangesText(ranges) {
  let text = "";
  for (const [first, last] of ranges) {
    for (let codePoint = first; codePoint <= last; codePoint++) {
      if (codePoint < 0xd800 || codePoint > 0xdfff) text += String.fromCodePoint(codePoint);
    }
  }
  return text;
}

async function codePoints(woff2) {
  const sfnt = await fontverter.convert(woff2, "sfnt");
  return new Set(new harfbuzz.Face(new harfbuzz.Blob(sfnt), 0).collectUnicodes());
}

// The @font-face rules of one family, in fontsource's order, each with its
// source file: [{ key, name, rule, source, ranges }].
function fontsourceFaces(family) {
  const { faces, subsets } = FAMILIES[family];
  const packageDir = `node_modules/@fontsource/${family}`;
  const found = [];
  for (const face of faces) {
    const cssFile = `${packageDir}/${face}.css`;
    if (!existsSync(cssFile)) {
      throw new Error(`${cssFile} is missing: is @fontsource/${family} installed?`);
    }
    const text = readFileSync(cssFile, "utf8");
    for (const match of text.matchAll(/\/\* ([\w-]+) \*\/\s*(@font-face\s*\{[^}]*\})/g)) {
      const [, name, rule] = match;
      const subset = name.slice(family.length + 1).replace(/-\d+-(normal|italic)$/, "");
      if (!subsets.includes(subset)) continue;
      const woff2 = rule.match(/url\(\.\/files\/([^)]+\.woff2)\)/)[1];
      const source = `${packageDir}/files/${woff2}`;
      if (!existsSync(source)) throw new Error(`${source} is missing`);
      if (!/font-display:\s*swap/.test(rule)) {
        throw new Error(`${family} ${name}: no font-display: swap`);
      }
      found.push({
        key: face,
        subset,
        name: woff2,
        rule,
        source,
        ranges: parseRanges(rule.match(/unicode-range:\s*([^;]+);/)[1]),
      });
    }
  }
  const expected = faces.length * subsets.length;
  if (found.length !== expected) {
    throw new Error(`${family}: ${found.length} font faces found, ${expected} expected`);
  }
  return found;
}

// The faces as served: cuts inserted before the face they come from, whose
// range leaves the cut out, and every range without the code points of a
// later face of the same weight and style (the later one wins anyway, CSS
// Fonts 4 §4.5), so no two faces claim a code point.
function plannedFaces(family) {
  const planned = [];
  for (const face of fontsourceFaces(family)) {
    for (const cut of FAMILIES[family].cuts.filter((cut) => cut.from === face.subset)) {
      const ranges = parseRanges(cut.ranges);
      planned.push({
        ...face,
        cut,
        name: face.name.replace(`${family}-${face.subset}-`, `${family}-${cut.name}-`),
        ranges,
      });
      face.ranges = subtract(face.ranges, ranges);
    }
    planned.push(face);
  }
  const claimed = new Map();
  for (const face of [...planned].reverse()) {
    const later = claimed.get(face.key) ?? [];
    face.ranges = subtract(face.ranges, later);
    if (!face.ranges.length) throw new Error(`${face.name}: nothing left of its unicode-range`);
    claimed.set(face.key, normalise([...later, ...face.ranges]));
  }
  return planned;
}

async function writeFace(face) {
  const source = readFileSync(face.source);
  const woff2 = await subsetFont(source, rangesText(face.ranges), {
    targetFormat: "woff2",
    keepFeatures: KEEP_FEATURES,
  });
  const covered = await codePoints(woff2);
  if (face.cut) {
    const missing = [...face.cut.required].filter((char) => !covered.has(char.codePointAt(0)));
    if (missing.length) throw new Error(`${face.name}: ${missing.join(" ")} not in ${face.source}`);
  }
  if (covered.size < 2) throw new Error(`${face.name}: empty subset of ${face.source}`);
  writeFileSync(`${fontDir}/files/${face.name}`, woff2);
  // woff2 only: every browser KERN supports reads it.
  return face.rule
    .replace(/src:[^;]*;/, `src:url(files/${face.name}) format("woff2");`)
    .replace(/unicode-range:[^;]*;/, `unicode-range:${formatRanges(face.ranges)};`)
    .replace(/\s*\n\s*/g, "")
    .replace(/:\s+/g, ":");
}

const written = new Map();
for (const [name, families] of Object.entries(STYLESHEETS)) {
  const rules = [];
  for (const family of families) {
    if (!written.has(family)) {
      const familyRules = [];
      for (const face of plannedFaces(family)) familyRules.push(await writeFace(face));
      written.set(family, familyRules);
    }
    rules.push(...written.get(family));
  }
  writeFileSync(`${fontDir}/${name}`, `${rules.join("\n")}\n`);
  console.log(`${fontDir}/${name}: ${rules.length} font faces`);
}

// --- Last: the mirrored stylesheet (see 1.) ----------------------------------
mkdirSync("build/rtl", { recursive: true });
writeFileSync(target, mirrored);
console.log(`${target}: ${css.length} -> mirrored`);
