// The files a page of the built site (dist/site/) can load, found by reading them: the HTML's
// src/href, and in each module its static imports, import("./literal.js"), the modules of a
// { module: "./x.js" } table (start.js's panels), the folders it imports from by template, and
// the files it fetches by new URL("x", import.meta.url) (the glue's wasm, the element's
// stylesheet). Shared by scripts/dist.mjs (the npm package: what the element and the iframe page
// load) and scripts/sw-version.mjs (the offline cache: what the page loads).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const fail = (msg) => {
  throw new Error(`site-graph: ${msg}`);
};

/** The files (relative to dir) that file id of dir refers to. */
export function refsOf(dir, id) {
  const text = readFileSync(path.join(dir, id), "utf8");
  const from = path.posix.dirname(id);
  const out = new Set();
  const add = (spec) => {
    if (/^[a-z]+:|^\/\/|^#/i.test(spec)) return;
    const target = path.posix.normalize(path.posix.join(from, spec.split(/[?#]/)[0]));
    if (target.startsWith("..")) fail(`${id}: "${spec}" is outside the site`);
    out.add(target);
  };
  if (id.endsWith(".html")) {
    for (const m of text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)) add(m[1]);
    return [...out];
  }
  if (!id.endsWith(".js")) return [];
  const rel = (spec) => /^\.\.?\//.test(spec) && add(spec);
  for (const m of text.matchAll(/\bfrom\s*["']([^"']+)["']/g)) rel(m[1]);
  for (const m of text.matchAll(/\bimport\s*["']([^"']+)["']/g)) rel(m[1]);
  for (const m of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) rel(m[1]);
  // import(`./panels/${id}.js`): every module of that folder.
  for (const m of text.matchAll(/\bimport\(\s*`(\.\.?\/[^`$]*\/)\$\{/g)) {
    const sub = path.posix.normalize(path.posix.join(from, m[1]));
    for (const f of readdirSync(path.join(dir, sub))) if (f.endsWith(".js")) out.add(path.posix.join(sub, f));
  }
  for (const m of text.matchAll(/\bmodule:\s*["']([^"']+\.js)["']/g)) rel(m[1]);
  for (const m of text.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g)) add(`./${m[1].replace(/^\.\//, "")}`);
  return [...out];
}

/** Every file of dir reachable from roots (relative ids), roots included, sorted. */
export function reachable(dir, roots) {
  const seen = new Set();
  const todo = [...roots];
  while (todo.length) {
    const id = todo.pop();
    if (seen.has(id)) continue;
    if (!existsSync(path.join(dir, id))) fail(`${id} is referenced but missing (run make build first?)`);
    seen.add(id);
    for (const dep of refsOf(dir, id)) if (!seen.has(dep)) todo.push(dep);
  }
  return [...seen].sort();
}
