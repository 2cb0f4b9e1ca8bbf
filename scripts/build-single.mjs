// Writes dist/repay.html: the whole page in one self-contained file that
// computes when opened from disk (file://), with no server and no network.
//  - HTML: www/index.html; the stylesheet inlined in a <style>; the manifest
//    link dropped; the icon inlined as a data: URL.
//  - JS: every ES module reachable from the page's entry module (static
//    imports, and import("./literal.js") or any "./x.js" string literal in a
//    module that imports dynamically, such as app.js's panel list) bundled
//    into one classic <script>. Each module becomes an async factory run once,
//    on first import, in dependency order; import/export statements become
//    reads and getters of namespace objects (see transform()). Anything this
//    small bundler does not understand is a build error, never a silent guess.
//  - wasm: the whole engine (pkg/repay.js), which stands in for the page's two
//    modules (pkg/repay_terms.js, pkg/repay_cases.js): one module, started once.
//    `wasm-bindgen --target web` is run again into a temp dir for its
//    glue and JS snippets, which are bundled like the page's modules (the
//    glue's URL default, the one use of import.meta, is dropped); the module
//    bytes are www/pkg/repay_bg.wasm (already wasm-opt'ed by `make build`),
//    checked to have exactly the imports and exports that glue was generated
//    for, and inlined as base64; the glue's default export (engine.js's
//    `await init()`) becomes initSync(bytes).
//  - offline.js is replaced by a no-op: the one-file copy never registers a
//    service worker.
//  - CSP: the page's own policy with script-src and style-src replaced by the
//    SHA-256 hashes of the one <script> and the one <style> (plus
//    'wasm-unsafe-eval'); no 'unsafe-inline'.
// Run after `make build`: node scripts/build-single.mjs [--out dist/repay.html]

import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WWW = path.join(ROOT, "www");
const WASM_IN = path.join(ROOT, "target/wasm-modules/repay.wasm");
const WASM_PKG = path.join(WWW, "pkg/repay_bg.wasm");
const GLUE_ID = "pkg/repay.js";
/** The page's two engine modules (engine.js): in the one-file copy both are the whole engine, the
 * one module inlined here, started once. */
const ENGINE_ALIASES = ["pkg/repay_terms.js", "pkg/repay_cases.js"];
const OFFLINE_ID = "offline.js";

const fail = (msg) => {
  throw new Error(`build-single: ${msg}`);
};
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

// ---------------------------------------------------------------- modules

/** The module id ("panels/terms.js") that spec names from module id `from`. */
function resolve(spec, from) {
  if (!/^\.\.?\//.test(spec)) fail(`${from}: only relative imports are bundled, not "${spec}"`);
  const id = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  if (id.startsWith("..")) fail(`${from}: "${spec}" is outside www/`);
  return id;
}

const IMPORT_RE = /^import\s+(?:([\w$]+)\s*,?\s*)?(?:\*\s+as\s+([\w$]+)|\{([^}]*)\})?\s*(?:from\s*)?(["'])([^"']+)\4\s*;?[ \t]*$/gm;
const EXPORT_FROM_RE = /^export\s+(?:\*|\{([^}]*)\})\s*from\s*(["'])([^"']+)\2\s*;?[ \t]*$/gm;
const EXPORT_LIST_RE = /^export\s*\{([^}]*)\}\s*;?[ \t]*$/gm;
const EXPORT_DECL_RE = /^export\s+(default\s+)?((?:async\s+)?function\s*\*?|class|const|let|var)?\s*([\w$]*)/gm;

/** "a, b as c" → [["a", "b"], ["c"...]] pairs [local/imported, alias]. */
const specifiers = (list) =>
  list
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(x);
      if (!m) fail(`cannot read import/export specifier "${x}"`);
      return [m[1], m[2] ?? m[1]];
    });

/**
 * Rewrites one ES module into the body of an async factory:
 *   import X, { a, b as c } from "./m.js"  →  const { default: X, a, b: c } = await __import("./m.js");
 *   import * as ns from "./m.js"            →  const ns = await __import("./m.js");
 *   import("./x.js") (dynamic)              →  __import("./x.js")
 *   export function f / const x / class C   →  the declaration, and a getter f on the namespace
 *   export default expr                     →  const __default = expr
 *   export { a as b } [from "./m.js"]       →  getters
 * Imports are hoisted to the top, as ES modules evaluate them first.
 * Returns { code, deps (static), dynamic (possible lazy deps) }.
 */
function transform(id, src) {
  if (/\bimport\.meta\b/.test(src)) fail(`${id}: import.meta is not supported`);
  const deps = [];
  const hoisted = [];
  const getters = [];
  const stars = [];
  let n = 0;

  let code = src.replace(IMPORT_RE, (_m, def, ns, list, _q, spec) => {
    const dep = resolve(spec, id);
    deps.push(dep);
    const load = `await __import(${JSON.stringify(spec)})`;
    if (ns) {
      hoisted.push(`const ${ns} = ${load};${def ? ` const ${def} = ${ns}.default;` : ""}`);
    } else if (def || list !== undefined) {
      const parts = [];
      if (def) parts.push(`default: ${def}`);
      for (const [imported, local] of specifiers(list ?? "")) parts.push(imported === local ? local : `${imported}: ${local}`);
      hoisted.push(`const { ${parts.join(", ")} } = ${load};`);
    } else {
      hoisted.push(`${load};`);
    }
    return "";
  });

  code = code.replace(EXPORT_FROM_RE, (_m, list, _q, spec) => {
    deps.push(resolve(spec, id));
    const v = `__re${n++}`;
    hoisted.push(`const ${v} = await __import(${JSON.stringify(spec)});`);
    if (list === undefined) stars.push(v);
    else for (const [imported, exported] of specifiers(list)) getters.push([exported, `${v}.${imported}`]);
    return "";
  });

  code = code.replace(EXPORT_LIST_RE, (_m, list) => {
    for (const [local, exported] of specifiers(list)) getters.push([exported, local]);
    return "";
  });

  code = code.replace(EXPORT_DECL_RE, (m, isDefault, kind, name) => {
    if (isDefault) {
      if (kind && /function|class/.test(kind) && name) {
        getters.push(["default", name]);
        return `${kind} ${name}`;
      }
      getters.push(["default", "__default"]);
      return `const __default = ${kind ? `${kind} ${name}` : name}`;
    }
    if (!kind || !name) fail(`${id}: cannot read "${m.trim()}"`);
    if (kind === "let" || kind === "var") fail(`${id}: "export ${kind} ${name}" is a live binding; export a const or a function`);
    getters.push([name, name]);
    return kind === "const" ? `const ${name}` : `${kind} ${name}`;
  });

  if (/^\s*(import|export)\s/m.test(code)) {
    const line = code.split("\n").find((l) => /^\s*(import|export)\s/.test(l));
    fail(`${id}: an import or export this bundler does not understand: ${line.trim()}`);
  }
  if (/^export\b/m.test(code)) fail(`${id}: unhandled export`);

  const dynamic = [];
  if (/\bimport\s*\(/.test(code)) {
    // Lazy imports: a literal argument names its module; a computed one may be
    // any "./….js" string literal of this module (app.js's panel list).
    for (const m of code.matchAll(/(["'`])(\.\.?\/[\w./-]+\.js)\1/g)) dynamic.push(resolve(m[2], id));
    code = code.replace(/\bimport\s*\(/g, "__import(");
  }

  const ns = getters.map(([name, expr]) => `get ${JSON.stringify(name)}() { return ${expr}; }`);
  const ret = stars.length
    ? `return __namespace(Object.assign({}, ${stars.join(", ")}), { ${ns.join(", ")} });`
    : `return __namespace(null, { ${ns.join(", ")} });`;
  return { code: `${hoisted.join("\n")}\n${code}\n${ret}`, deps, dynamic };
}

/** All modules reachable from entry: Map id → transformed module, in discovery order. */
function collect(entry) {
  const mods = new Map();
  const visit = (id, via) => {
    if (mods.has(id) || id === GLUE_ID || ENGINE_ALIASES.includes(id)) return;
    const file = path.join(WWW, id);
    if (!existsSync(file)) {
      if (via.dynamic) return; // a string literal that is not a module
      fail(`${via.from}: imports ${id}, which does not exist`);
    }
    const m = id === OFFLINE_ID ? offlineStub(readFileSync(file, "utf8")) : transform(id, readFileSync(file, "utf8"));
    mods.set(id, m);
    for (const d of m.deps) visit(d, { from: id });
    for (const d of m.dynamic) visit(d, { from: id, dynamic: true });
  };
  visit(entry, { from: "index.html" });
  // A static import cycle would deadlock the factories: refuse it.
  const state = new Map();
  const dfs = (id, trail) => {
    if (state.get(id) === 2 || id === GLUE_ID || ENGINE_ALIASES.includes(id)) return;
    if (state.get(id) === 1) fail(`static import cycle: ${[...trail, id].join(" → ")}`);
    state.set(id, 1);
    for (const d of mods.get(id).deps) dfs(d, [...trail, id]);
    state.set(id, 2);
  };
  for (const id of mods.keys()) dfs(id, []);
  return mods;
}

/** offline.js in the one-file copy: the same exports, doing nothing. */
function offlineStub(src) {
  const names = [...src.matchAll(/^export\s+(?:async\s+)?function\s+([\w$]+)/gm)].map((m) => m[1]);
  const all = [...src.matchAll(/^export\s+\S+\s+([\w$]+)/gm)].map((m) => m[1]);
  if (names.length === 0 || names.length !== all.length) fail(`${OFFLINE_ID}: the stub expects only exported functions`);
  const ns = names.map((n) => `get ${n}() { return async () => {}; }`);
  return { code: `// ${OFFLINE_ID}: no service worker in the one-file copy.\nreturn __namespace(null, { ${ns.join(", ")} });`, deps: [], dynamic: [] };
}

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
    // JS snippets (#[wasm_bindgen(module = ...)]) that wasm-bindgen copied under snippets/.
    const snippets = [];
    const walk = (rel) => {
      for (const e of readdirSync(path.join(tmp, rel), { withFileTypes: true })) {
        const r = `${rel}/${e.name}`;
        if (e.isDirectory()) walk(r);
        else if (e.name.endsWith(".js")) snippets.push([`pkg/${r}`, readFileSync(path.join(tmp, r), "utf8")]);
      }
    };
    if (existsSync(path.join(tmp, "snippets"))) walk("snippets");
    return { glue, snippets, bytes };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- page

const RUNTIME = `
const __factories = new Map();
const __loaded = new Map();
function __namespace(base, getters) {
  const ns = Object.create(null);
  if (base) for (const k of Object.keys(base)) if (k !== "default") Object.defineProperty(ns, k, { get: () => base[k], enumerable: true });
  Object.defineProperties(ns, Object.getOwnPropertyDescriptors(getters));
  return Object.freeze(ns);
}
function __load(id) {
  if (!__loaded.has(id)) {
    const factory = __factories.get(id);
    if (!factory) return Promise.reject(new TypeError("module not in this one-file build: " + id));
    const dir = id.includes("/") ? id.slice(0, id.lastIndexOf("/") + 1) : "";
    const importer = (spec) => __load(__resolve(dir, spec));
    __loaded.set(id, factory(importer));
  }
  return __loaded.get(id);
}
function __resolve(dir, spec) {
  const out = [];
  for (const part of (dir + spec).split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}
`;

export function buildSingle(outFile = path.join(ROOT, "dist/repay.html")) {
  let html = readFileSync(path.join(WWW, "index.html"), "utf8");

  // The entry module; no other script may remain.
  const entries = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>\s*/g)];
  if (entries.length !== 1) fail(`index.html: expected one module script, found ${entries.length}`);
  html = html.replace(entries[0][0], "");
  if (/<script\b/i.test(html)) fail("index.html: a script other than the entry module; teach build-single.mjs about it");
  const entry = resolve(`./${entries[0][1]}`, "index.html");

  // Stylesheets → one <style>.
  let css = "";
  html = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>\s*/g, (tag) => {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1] ?? fail(`stylesheet without href: ${tag}`);
    css += readFileSync(path.join(WWW, resolve(`./${href}`, "index.html")), "utf8");
    return "";
  });
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
    const file = path.join(WWW, resolve(`./${href}`, "index.html"));
    const type = href.endsWith(".svg") ? "image/svg+xml" : href.endsWith(".png") ? "image/png" : fail(`icon type of ${href}`);
    return `${a}data:${type};base64,${readFileSync(file).toString("base64")}${b}`;
  });
  for (const m of html.matchAll(/<(?:link|img|iframe|source|audio|video)\b[^>]*\b(?:href|src)="(?!data:|#)([^"]+)"/g)) fail(`index.html still refers to ${m[1]}`);

  // JS.
  const mods = collect(entry);
  const { glue, snippets, bytes } = wasmParts();
  mods.set(GLUE_ID, transform(GLUE_ID, glue));
  for (const [id, src] of snippets) mods.set(id, transform(id, src));
  for (const id of [GLUE_ID, ...snippets.map(([id]) => id)]) {
    for (const d of mods.get(id).deps) if (!mods.has(d)) fail(`${id} imports ${d}, which wasm-bindgen did not write`);
  }
  const parts = [
    `(() => {\n"use strict";\n${RUNTIME}`,
    `const __wasmBase64 = "${bytes.toString("base64")}";
function __wasmBytes() {
  const bin = atob(__wasmBase64);
  const module = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) module[i] = bin.charCodeAt(i);
  return module;
}`,
  ];
  for (const [id, m] of mods) parts.push(`// ---- ${id}\n__factories.set(${JSON.stringify(id)}, async (__import) => {\n${m.code}\n});`);
  for (const id of ENGINE_ALIASES) parts.push(`// ---- ${id}: the whole engine\n__factories.set(${JSON.stringify(id)}, (__import) => __import("./repay.js"));`);
  parts.push(`__load(${JSON.stringify(entry)}).catch((e) => console.error("the page failed to start", e));\n})();`);
  const js = `\n${parts.join("\n\n")}\n`;
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
  return { file: outFile, raw: Buffer.byteLength(html), gzip: gzipSync(html, { level: 9 }).length, modules: [...mods.keys()] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--out");
  const r = buildSingle(i > 0 ? path.resolve(process.argv[i + 1]) : undefined);
  console.log(`${path.relative(ROOT, r.file)}: ${r.raw} B raw, ${r.gzip} B gzip, ${r.modules.length} modules`);
}
