// Front-end build step, run by `make install` after `npm ci`: KERN UX has no
// right-to-left rules, so a mirrored copy of its stylesheet is generated with
// rtlcss (the way Bootstrap builds its RTL CSS). Output: build/rtl/.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const rtlcss = require("rtlcss");

const source = "node_modules/@kern-ux/native/dist/kern.min.css";
const target = "build/rtl/kern.rtl.min.css";

mkdirSync("build/rtl", { recursive: true });
const css = readFileSync(source, "utf8");
writeFileSync(target, rtlcss.process(css));
console.log(`${target}: ${css.length} -> mirrored`);
