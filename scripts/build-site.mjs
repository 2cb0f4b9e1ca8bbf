// Writes dist/site/: the deployable site, built from www/ (the readable source, which stays as
// written) by esbuild (pinned in package.json). `make build` runs it after wasm-bindgen; `make
// serve`, the browser tests, the one-file copy and the npm package use what it writes.
//
//  - Scripts: every module the pages load, bundled and minified as ES modules with code splitting
//    (esbuild --bundle --splitting --format=esm --minify), with linked source maps. The entry
//    points are the pages' <script type="module"> (app.js, embed.js, demo-host.js), the panels'
//    modules (start.js loads them by the names in its PANELS table, so they keep their paths), and
//    the modules others import by URL (STABLE: the element for embedders, and the page modules the
//    browser tests import in the page); each keeps its name. Code shared by several of them goes
//    into content-hashed chunks (chunk-<hash>.js); a module loaded with import("./literal.js")
//    (the messages, i18n/<lang>/{start,panels}.js; the glossary; the offline notices) is an entry
//    too and keeps its path, fetched when asked for, so the on-demand split stays: the loan-terms
//    panel's code before the first figure, every other panel's after it. Names that stay are
//    revalidated by their ETag; the service worker checks every file's digest (sw.js).
//  - The engine (pkg/*.js, wasm-bindgen's glue) stays a separate module beside its wasm (the glue
//    finds the wasm by its own URL); each glue is bundled with its JS snippet and minified, the
//    wasm copied (wasm-opt'ed already).
//  - style.css and panels.css (the later panels' rules, linked by start.js) minified (with
//    their maps); the HTML pages with their comments dropped and their
//    modulepreload lists rewritten to the built files that hold the modules they named (and every
//    chunk those statically import), so the first figure's scripts are still fetched at once.
//  - sw.js minified; sw-version.js (scripts/sw-version.mjs: the version, the precache list and
//    each file's digest) written for the built files.
//  - Every text and wasm file gets a brotli (quality 11) .br and a gzip (level 9) .gz beside it,
//    which scripts/serve.py serves with Content-Encoding, as a static host does.
// Run: node scripts/build-site.mjs [--out dist/site]

import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { writeSwVersion } from "./sw-version.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WWW = path.join(ROOT, "www");
const argOut = process.argv.indexOf("--out");
const OUT = path.resolve(ROOT, argOut > 0 ? process.argv[argOut + 1] : "dist/site");

/** Modules loaded by their URL from outside the bundle: the element embedders load, and the page
 * modules the browser tests import inside the page (their state is the page's: esbuild leaves
 * such an entry as a re-export of the chunk the page's own code uses). */
export const STABLE = ["repay-calculator.js", "engine.js", "format.js", "state.js"];
/** The stylesheets: the frame's and the first panel's (the pages link it), the later panels' (start.js links it). */
const STYLES = ["style.css", "panels.css"];
/** The pages, copied with their scripts' and preloads' names rewritten. */
const PAGES = ["index.html", "embed.html", "demo-host.html"];
/** Copied as they are. */
const STATIC = ["icon.svg", "manifest.webmanifest", "_headers"];
/** Files that get .br and .gz beside them. */
const COMPRESS = /\.(html|js|mjs|css|svg|wasm|webmanifest|json|map|txt)$/;

const fail = (msg) => {
  throw new Error(`build-site: ${msg}`);
};

/** The module scripts of a page ("app.js"). */
const pageScripts = (html) => [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);

/** The modules a page preloads (<link rel="modulepreload">). */
const modulePreloads = (html) => [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g)].map((m) => m[1]);

/** Every module a source module loads with import("./literal.js") (the messages, the glossary,
 * the offline notices, the engine façade), by its path from www/; not the engine's glue. */
function loadedOnDemand() {
  const out = new Set();
  const scan = (rel) => {
    for (const e of readdirSync(path.join(WWW, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && r !== "pkg") scan(r);
      else if (e.isFile() && r.endsWith(".js") && r !== "sw.js") {
        for (const m of readFileSync(path.join(WWW, r), "utf8").matchAll(/\bimport\(\s*"(\.\.?\/[\w./-]+\.js)"\s*\)/g)) {
          const id = path.posix.normalize(path.posix.join(path.posix.dirname(r), m[1]));
          if (!id.startsWith("pkg/")) out.add(id);
        }
      }
    }
  };
  scan("");
  return [...out];
}

/** The panels' modules named in start.js's PANELS table ("panels/terms.js"). */
function panelModules() {
  const text = readFileSync(path.join(WWW, "start.js"), "utf8");
  const found = [...text.matchAll(/\bmodule:\s*"\.\/([\w/-]+\.js)"/g)].map((m) => m[1]);
  if (found.length < 2) fail("start.js: no PANELS modules found");
  return found;
}

/** The modules of the panels start.js mounts first (PANELS' first: true): "panels/terms.js". */
function firstPanelModules() {
  const text = readFileSync(path.join(WWW, "start.js"), "utf8");
  const found = [...text.matchAll(/\bmodule:\s*"\.\/([\w/-]+\.js)",\s*first:\s*true\b/g)].map((m) => m[1]);
  if (!found.length) fail("start.js: no first panel in PANELS");
  return found;
}

/**
 * The first figure's code in one chunk. esbuild puts each module into the chunk of the entry
 * points that reach it by static imports, so the many entries (the panels, the element, the
 * modules loaded on demand or by URL) would cut the page's start-up code into a dozen small
 * chunks, each a request and a brotli stream of its own. This finds the shared start-up modules:
 * what index.html's script, its module preloads (the first figure's path: engine.js…) and the
 * first panels import statically, minus what only one of them
 * reaches (the page's own script, the first panel's own modules, which keep their files); and
 * the entries that reach any of them. The plugin below gives each such entry a side-effect
 * import of all of them (a module "repay:first" of imports, no code), so every start-up module
 * has the same entries and lands in one chunk, which the page, the element and every STABLE
 * entry share (one module instance, as before). Nothing new runs earlier: every entry that now
 * reaches the chunk already needed part of it, and the chunk is what the first figure loads.
 * Returns { shared: ids, entries: ids } (ids relative to www/).
 */
async function firstChunkPlan(entries) {
  const probe = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: entries.map((e) => path.join("www", e)),
    outbase: "www",
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [enginePlugin],
  });
  const id = (p) => path.relative(WWW, path.join(ROOT, p)).split(path.sep).join("/");
  const imports = new Map(Object.entries(probe.metafile.inputs).map(([p, i]) => [id(p), i.imports.filter((x) => x.kind === "import-statement" && !x.external).map((x) => id(x.path))]));
  const closure = (root) => {
    const seen = new Set();
    const todo = [root];
    while (todo.length) {
      const m = todo.pop();
      if (seen.has(m)) continue;
      seen.add(m);
      todo.push(...(imports.get(m) ?? []));
    }
    return seen;
  };
  const reach = new Map(entries.map((e) => [e, closure(e)]));
  const index = readFileSync(path.join(WWW, "index.html"), "utf8");
  const roots = [...new Set([...pageScripts(index), ...firstPanelModules(), ...modulePreloads(index).filter((m) => reach.has(m))])];
  for (const r of roots) if (!reach.has(r)) fail(`${r} is not an entry point`);
  const own = (e) => [...reach.get(e)].filter((m) => entries.every((o) => o === e || !reach.get(o).has(m)));
  const apart = new Set(roots.flatMap(own));
  const shared = [...new Set(roots.flatMap((r) => [...reach.get(r)]))].filter((m) => !apart.has(m));
  const hubbed = entries.filter((e) => shared.some((m) => reach.get(e).has(m)));
  return { shared, entries: hubbed };
}

/** Gives each entry of plan.entries a first import of every module of plan.shared (firstChunkPlan). */
function firstChunkPlugin(plan) {
  const entries = new Set(plan.entries.map((e) => path.join(WWW, e)));
  return {
    name: "first-chunk",
    setup(build) {
      build.onResolve({ filter: /^repay:first$/ }, () => ({ path: "first", namespace: "repay-first" }));
      build.onLoad({ filter: /.*/, namespace: "repay-first" }, () => ({
        contents: plan.shared.map((m) => `import "./${m}";`).join("\n"),
        resolveDir: WWW,
        loader: "js",
      }));
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (!entries.has(args.path)) return undefined;
        // On the first line, so that every other line keeps its place in the source map.
        return { contents: `import "repay:first";${readFileSync(args.path, "utf8")}`, loader: "js" };
      });
    },
  };
}

/** The engine's glue (./pkg/*.js) stays a module of its own, loaded by its path. */
const enginePlugin = {
  name: "engine-glue-external",
  setup(build) {
    build.onResolve({ filter: /(^|\/)pkg\/[\w.-]+\.js$/ }, (args) => {
      const target = path.relative(WWW, path.resolve(args.resolveDir, args.path)).split(path.sep).join("/");
      if (!target.startsWith("pkg/")) fail(`${args.importer}: ${args.path} is not in www/pkg/`);
      // Every importer of the glue is built to the top folder (engine.js is an entry there).
      if (path.dirname(args.importer) !== WWW) fail(`${args.importer}: only modules in www/ itself may import the engine's glue`);
      return { path: `./${target}`, external: true };
    });
  },
};

function walk(dir, rel = "") {
  const out = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

/** The built file ("chunk-AB12.js") that holds source module id ("form.js"); the closure of
 * what it imports statically. */
function outputsFor(meta, ids) {
  const outs = Object.entries(meta.outputs).filter(([f]) => f.endsWith(".js"));
  const rel = (f) => path.relative(OUT, path.resolve(ROOT, f)).split(path.sep).join("/");
  const holder = (id) => {
    const src = path.relative(ROOT, path.join(WWW, id)).split(path.sep).join("/");
    // The file with the module's code: a chunk when the module is shared, not an entry that only
    // re-exports it (format.js, state.js).
    const hit = outs.find(([, o]) => o.inputs[src]?.bytesInOutput > 0) ?? outs.find(([, o]) => o.entryPoint === src);
    return hit && hit[0];
  };
  const list = [];
  const add = (f) => {
    const r = rel(f);
    if (list.includes(r)) return;
    list.push(r);
    for (const imp of meta.outputs[f].imports) if (imp.kind === "import-statement" && !imp.external) add(imp.path);
  };
  for (const id of ids) {
    const f = holder(id);
    if (f) add(f);
    else if (!id.startsWith("pkg/")) fail(`no built file holds ${id}`);
    else list.push(id);
  }
  return list;
}

/** A page with its comments dropped and its module preloads replaced by the built files. */
function buildPage(name, meta) {
  let html = readFileSync(path.join(WWW, name), "utf8");
  const scripts = pageScripts(html);
  const preloads = modulePreloads(html);
  // The page's own scripts are fetched by their tags; every other file their first run needs at once.
  const own = new Set(outputsFor(meta, scripts));
  const wanted = outputsFor(meta, preloads).filter((f) => !scripts.includes(f));
  for (const f of own) if (!scripts.includes(f) && !wanted.includes(f)) wanted.push(f);
  html = html.replace(/<!--[\s\S]*?-->\s*/g, "");
  let first = true;
  html = html.replace(/[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>\s*\n?/g, () => {
    if (!first) return "";
    first = false;
    return wanted.map((f) => `  <link rel="modulepreload" href="${f}">\n`).join("");
  });
  if (first && wanted.length) html = html.replace(/<\/head>/, () => `${wanted.map((f) => `  <link rel="modulepreload" href="${f}">\n`).join("")}</head>`);
  for (const m of html.matchAll(/\b(?:src|href)="([^"#?:]+)"/g)) if (!existsSync(path.join(OUT, m[1]))) fail(`${name} refers to ${m[1]}, which the build did not write`);
  writeFileSync(path.join(OUT, name), html);
  return wanted;
}

/** Writes OUT; returns { files, preloads } (preloads: index.html's modulepreload list). */
export async function buildSite() {
  for (const f of ["pkg/repay_terms.js", "pkg/repay_terms_bg.wasm", "pkg/repay_cases.js", "pkg/repay_cases_bg.wasm"]) {
    if (!existsSync(path.join(WWW, f))) fail(`no www/${f}: run make build (wasm-bindgen) first`);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const entries = new Set();
  for (const page of PAGES) for (const s of pageScripts(readFileSync(path.join(WWW, page), "utf8"))) entries.add(s);
  for (const m of panelModules()) entries.add(m);
  for (const m of STABLE) entries.add(m);
  for (const m of loadedOnDemand()) entries.add(m);

  const plan = await firstChunkPlan([...entries]);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [...entries].map((e) => path.join("www", e)),
    outbase: "www",
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: "esm",
    minify: true,
    sourcemap: "linked",
    target: "es2022",
    entryNames: "[dir]/[name]",
    chunkNames: "chunk-[hash]",
    legalComments: "none",
    charset: "utf8",
    metafile: true,
    logLevel: "warning",
    plugins: [enginePlugin, firstChunkPlugin(plan)],
  });
  if (result.errors.length) fail(result.errors.map((e) => e.text).join("; "));

  // Styles.
  await esbuild.build({ absWorkingDir: ROOT, entryPoints: STYLES.map((f) => `www/${f}`), outdir: OUT, minify: true, sourcemap: "linked", charset: "utf8", logLevel: "warning" });

  // The engine's glue, each bundled with its JS snippet (pkg/snippets/…, inline_js: one request
  // less on the way to the first figure) and minified; the wasm beside it.
  mkdirSync(path.join(OUT, "pkg"), { recursive: true });
  for (const f of readdirSync(path.join(WWW, "pkg"))) {
    const src = path.join("www", "pkg", f);
    if (f.endsWith(".js")) {
      await esbuild.build({ absWorkingDir: ROOT, entryPoints: [src], outfile: path.join(OUT, "pkg", f), bundle: true, format: "esm", minify: true, sourcemap: "linked", target: "es2022", charset: "utf8", legalComments: "none", logLevel: "warning" });
    } else if (/\.(wasm|d\.ts)$/.test(f) || f === "package.json") {
      cpSync(path.join(ROOT, src), path.join(OUT, "pkg", f));
    }
  }

  // The service worker (its list is written below).
  const sw = await esbuild.transform(readFileSync(path.join(WWW, "sw.js"), "utf8"), { minify: true, target: "es2022", charset: "utf8" });
  writeFileSync(path.join(OUT, "sw.js"), sw.code);

  for (const f of STATIC) cpSync(path.join(WWW, f), path.join(OUT, f));
  let preloads = [];
  for (const page of PAGES) {
    const wanted = buildPage(page, result.metafile);
    if (page === "index.html") preloads = wanted;
  }
  writeSwVersion(OUT);
  const files = walk(OUT).sort();
  compressAll(OUT, files);
  return { files, preloads };
}

/** Writes f.br (brotli 11) and f.gz (gzip 9) beside every text and wasm file f of dir. */
export function compressAll(dir, files = walk(dir)) {
  for (const f of files) {
    if (!COMPRESS.test(f)) continue;
    const file = path.join(dir, f);
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, preloads } = await buildSite();
  const size = (f) => statSync(path.join(OUT, f)).size;
  const br = files.filter((f) => COMPRESS.test(f) && !f.endsWith(".map")).reduce((n, f) => n + size(`${f}.br`), 0);
  console.log(`${path.relative(ROOT, OUT)}/: ${files.length} files (+ .br/.gz), ${br} B brotli without maps; index.html preloads ${preloads.length} files`);
}
