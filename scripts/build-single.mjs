// Writes dist/repay.html: the whole page in one self-contained file that
// computes when opened from disk (file://), with no server and no network.
// Made from the built site (scripts/build-site.mjs, dist/site/) and by the same
// tool (esbuild), minified:
//  - HTML: dist/site/index.html; its stylesheet and the later panels' (panels.css,
//    which start.js links on the served page; here it links nothing) inlined in one <style>;
//    the preloads and the manifest link dropped; the icon inlined as a data: URL.
//  - JS: the page's entry module (www/app.js) bundled by esbuild into one
//    classic script (IIFE, minified): every static import, and every
//    import("./literal.js") inlined. start.js loads its panels by the names in
//    its PANELS table; here that one computed import(p.module) becomes a
//    lookup of literal imports (checked: the build fails if start.js no longer
//    has it, or has a second computed import), so every panel is in the file.
//  - wasm: the whole engine (pkg/repay.js), which stands in for the page's two
//    modules (pkg/repay_terms.js, pkg/repay_cases.js): one module, started once.
//    `wasm-bindgen --target web` is run again into a temp dir for its
//    glue, which is bundled like the page's modules (the glue's URL default,
//    the one use of import.meta, is dropped); the module bytes are
//    www/pkg/repay_bg.wasm (already wasm-opt'ed by `make build`), checked to
//    have exactly the imports and exports that glue was generated for, and
//    inlined as base64; the glue's default export (engine.js's `await init()`)
//    becomes initSync(bytes).
//  - offline.js is replaced by a no-op: the one-file copy never registers a
//    service worker.
//  - CSP: the page's own policy with script-src and style-src replaced by the
//    SHA-256 hashes of the one <script> and the one <style> (plus
//    'wasm-unsafe-eval'); no 'unsafe-inline'.
// Run after `make build`: node scripts/build-single.mjs [--out dist/repay.html]

import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import * as esbuild from "esbuild";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WWW = path.join(ROOT, "www");
const SITE = path.join(ROOT, "dist/site");
const WASM_IN = path.join(ROOT, "target/wasm-modules/repay.wasm");
const WASM_PKG = path.join(WWW, "pkg/repay_bg.wasm");
/** The page's two engine modules (engine.js): in the one-file copy both are the whole engine, the
 * one module inlined here, started once. */
const ENGINE = /(^|\/)pkg\/repay(_terms|_cases)?\.js$/;
/** start.js's URL of the later panels' stylesheet, inlined here with the page's own. */
const LATER_STYLES = 'new URL("panels.css", import.meta.url).href';
const LATER_CSS = "panels.css";
/** start.js's one computed import: a panel module by its name in PANELS. */
const PANEL_IMPORT = "import(p.module)";

const fail = (msg) => {
  throw new Error(`build-single: ${msg}`);
};
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

// ---------------------------------------------------------------- wasm

/** The web-target glue (as a module to bundle), its JS snippets, and the optimised wasm bytes
 * checked against it. */
function wasmParts() {
  if (!existsSync(WASM_IN) || !existsSync(WASM_PKG)) fail("run `make build` first (no wasm in target/ or www/pkg/)");
  const tmp = mkdtempSync(path.join(tmpdir(), "repay-single-"));
  try {
    execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", tmp, WASM_IN], { stdio: "inherit" });
    let glue = readFileSync(path.join(tmp, "repay.js"), "utf8");
    const plain = readFileSync(path.join(tmp, "repay_bg.wasm"));
    const bytes = readFileSync(WASM_PKG);
    const shape = (b) => {
      const m = new WebAssembly.Module(b);
      return JSON.stringify([WebAssembly.Module.imports(m), WebAssembly.Module.exports(m)]);
    };
    if (shape(plain) !== shape(bytes)) fail("www/pkg/repay_bg.wasm does not match target/…/repay.wasm: run `make build` again");
    // The one-file copy starts the module from the inlined bytes (initSync), never by URL: the
    // default export becomes that start, and the URL default (import.meta) goes.
    const URL_DEFAULT = "new URL('repay_bg.wasm', import.meta.url)";
    const EXPORTS = "export { initSync, __wbg_init as default };";
    if (!glue.includes(URL_DEFAULT) || !glue.includes(EXPORTS)) fail("unexpected wasm-bindgen --target web output");
    glue = glue
      .replace(URL_DEFAULT, "undefined")
      .replace(EXPORTS, "function __wbg_init_inlined() {\n  initSync({ module: __wasmBytes() });\n}\nexport { initSync, __wbg_init_inlined as default };");
    // The glue's JS snippets (inline_js) are files beside it, under snippets/: bundled from there.
    return { glue, bytes, dir: tmp };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

// ---------------------------------------------------------------- page

/** resolve-like: the id ("panels/terms.js") that a relative href of index.html names. */
function resolve(spec) {
  const id = path.posix.normalize(spec);
  if (id.startsWith("..") || path.posix.isAbsolute(id)) fail(`index.html: "${spec}" is outside the site`);
  return id;
}

/** The page's JS as one classic script (esbuild IIFE, minified). */
async function bundle(entry, glue, glueDir) {
  const panels = (text) => {
    const names = [...text.matchAll(/\bmodule:\s*"(\.\/[\w/-]+\.js)"/g)].map((m) => m[1]);
    if (names.length < 2) fail("start.js: no PANELS modules found");
    if (text.split(PANEL_IMPORT).length !== 2) fail(`start.js: expected one ${PANEL_IMPORT}`);
    const table = names.map((n) => `${JSON.stringify(n)}: () => import(${JSON.stringify(n)})`).join(", ");
    return text.replace(PANEL_IMPORT, `({ ${table} })[p.module]()`);
  };
  // The later panels' stylesheet is in the one <style> already: start.js links nothing.
  const laterStyles = (text) => {
    if (text.split(LATER_STYLES).length !== 2) fail(`start.js: expected one ${LATER_STYLES}`);
    return text.replace(LATER_STYLES, "null");
  };
  const plugin = {
    name: "one-file",
    setup(build) {
      build.onResolve({ filter: ENGINE }, () => ({ path: "engine", namespace: "repay-engine" }));
      build.onLoad({ filter: /.*/, namespace: "repay-engine" }, () => ({ contents: glue, loader: "js", resolveDir: glueDir }));
      build.onLoad({ filter: /[\\/]www[\\/]start\.js$/ }, (args) => ({ contents: laterStyles(panels(readFileSync(args.path, "utf8"))), loader: "js" }));
      build.onLoad({ filter: /[\\/]www[\\/]offline\.js$/ }, () => ({ contents: "// offline.js: no service worker in the one-file copy.\nexport async function setupOffline() {}\n", loader: "js" }));
    },
  };
  const r = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(WWW, entry)],
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2022",
    charset: "utf8",
    legalComments: "none",
    write: false,
    metafile: true,
    logLevel: "error",
    plugins: [plugin],
  });
  const leftover = /\bimport\s*\(/.test(r.outputFiles[0].text);
  if (leftover) fail("the bundle still has a dynamic import(): a module is not in the file");
  return { js: r.outputFiles[0].text, modules: Object.keys(r.metafile.inputs) };
}

export async function buildSingle(outFile = path.join(ROOT, "dist/repay.html")) {
  if (!existsSync(path.join(SITE, "index.html"))) fail("no dist/site/index.html: run `make build` first");
  let html = readFileSync(path.join(SITE, "index.html"), "utf8");

  // The entry module; no other script may remain.
  const entries = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>\s*/g)];
  if (entries.length !== 1) fail(`index.html: expected one module script, found ${entries.length}`);
  html = html.replace(entries[0][0], "");
  if (/<script\b/i.test(html)) fail("index.html: a script other than the entry module; teach build-single.mjs about it");
  const entry = resolve(entries[0][1]);

  // Stylesheets → one <style>.
  let css = "";
  html = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>\s*/g, (tag) => {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1] ?? fail(`stylesheet without href: ${tag}`);
    css += readFileSync(path.join(SITE, resolve(href)), "utf8").replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, "");
    return "";
  });
  // The later panels' stylesheet (start.js links it on the served page), after the page's own.
  css += readFileSync(path.join(SITE, LATER_CSS), "utf8").replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, "");
  if (/url\(\s*["']?(?!data:)/.test(css)) fail("style.css refers to a file with url(): inline it as data: first");
  if (/<\/style/i.test(css)) fail("style.css contains </style");
  // Preloads name files the one-file copy does not have: everything in it is inline. The page's
  // HTML comments (notes on those files) go too.
  html = html.replace(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*>\s*/g, "");
  html = html.replace(/<!--[\s\S]*?-->\s*/g, "");
  // No manifest (it cannot be fetched from disk, and there is no service worker); the icon as a data: URL.
  html = html.replace(/<link\b[^>]*\brel="manifest"[^>]*>\s*/g, "");
  html = html.replace(/(<link\b[^>]*\brel="icon"[^>]*\bhref=")([^"]+)("[^>]*>)/g, (tag, a, href, b) => {
    if (href.startsWith("data:")) return tag;
    const file = path.join(SITE, resolve(href));
    const type = href.endsWith(".svg") ? "image/svg+xml" : href.endsWith(".png") ? "image/png" : fail(`icon type of ${href}`);
    return `${a}data:${type};base64,${readFileSync(file).toString("base64")}${b}`;
  });
  for (const m of html.matchAll(/<(?:link|img|iframe|source|audio|video)\b[^>]*\b(?:href|src)="(?!data:|#)([^"]+)"/g)) fail(`index.html still refers to ${m[1]}`);

  // JS.
  const { glue, bytes, dir } = wasmParts();
  const inlined = `const __wasmBase64 = "${bytes.toString("base64")}";
function __wasmBytes() {
  const bin = atob(__wasmBase64);
  const module = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) module[i] = bin.charCodeAt(i);
  return module;
}
${glue}`;
  const { js: code, modules } = await bundle(entry, inlined, dir).finally(() => rmSync(dir, { recursive: true, force: true }));
  const js = `\n${code}`;
  if (/<\/script|<!--/i.test(js)) fail("the bundled JS contains </script or <!--");

  // CSP: the page's own, with hashes for the one script and the one style.
  const cspRe = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]+)(">)/;
  const csp = cspRe.exec(html) ?? fail("index.html has no CSP meta tag");
  const directives = csp[2].split(";").map((d) => d.trim()).filter(Boolean);
  const set = (name, value) => {
    const i = directives.findIndex((d) => d.split(/\s+/)[0] === name);
    if (i >= 0) directives[i] = `${name} ${value}`;
    else directives.push(`${name} ${value}`);
  };
  set("script-src", `${sha256(js)} 'wasm-unsafe-eval'`);
  set("style-src", sha256(css));
  if (directives.some((d) => d.includes("'unsafe-inline'"))) fail("the CSP must not allow 'unsafe-inline'");
  html = html.replace(cspRe, (_m, a, _c, b) => `${a}${directives.join("; ")}${b}`);

  html = html.replace(/<\/head>/, () => `<style>${css}</style>\n</head>`);
  if (!html.includes("</body>")) fail("index.html has no </body>");
  html = html.replace(/<\/body>/, () => `<script>${js}</script>\n</body>`);

  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, html);
  return { file: outFile, raw: Buffer.byteLength(html), gzip: gzipSync(html, { level: 9 }).length, modules };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--out");
  const r = await buildSingle(i > 0 ? path.resolve(process.argv[i + 1]) : undefined);
  console.log(`${path.relative(ROOT, r.file)}: ${r.raw} B raw, ${r.gzip} B gzip, ${r.modules.length} modules`);
}
