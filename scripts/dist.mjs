// Writes dist/package/: the npm package an advice site installs (or copies to
// its own static host) to embed Repay, from the built site (dist/site/, minified,
// scripts/build-site.mjs). Run after `make build`: node scripts/dist.mjs [--out dist/package]
//
// What goes in:
//  - the <repay-calculator> element (repay-calculator.js) and the iframe page
//    (embed.html + embed.js), with every module they reach: static imports,
//    import("./literal.js"), the modules of a { module: "./x.js" } table, and the folders they import from by template
//    (panels/, i18n/), found by reading the built modules (and the shared
//    chunks they import), so a module added later is packed with no edit here;
//    style.css and what embed.html links; each file's source map beside it;
//  - the engine: pkg/repay.js, pkg/repay_bg.wasm and pkg/snippets/ (the glue
//    imports its snippet), the typed API as pkg/repay.d.ts
//    (www/repay-api.d.ts), and node.js: the engine for Node, loaded from the
//    wasm file beside it on import;
//  - package.json with `exports`, and README.md (docs/embedding.md's package
//    part, written for someone who installed the package).
// Nothing of the full page (index.html, app.js, the service worker) is packed.
// The version is the crate's (Cargo.toml).

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { reachable } from "./site-graph.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WWW = path.join(ROOT, "www");
/** The built site the package is made from. */
const SITE = path.join(ROOT, "dist/site");
const argOut = process.argv.indexOf("--out");
const OUT = path.resolve(ROOT, argOut > 0 ? process.argv[argOut + 1] : "dist/package");

export const PACKAGE_NAME = "repay-calculator";

const fail = (msg) => {
  throw new Error(`dist: ${msg}`);
};

function crateVersion() {
  const m = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"));
  if (!m) fail("no version in Cargo.toml");
  return m[1];
}

/** The files embed.html and repay-calculator.js need, relative to the built site. */
export function packedFiles() {
  const files = new Set(reachable(SITE, ["embed.html", "repay-calculator.js", "style.css"]));
  // The glue's own imports (its snippet) and the wasm; not the precompressed copies.
  for (const f of walk("pkg")) if (!/\.(br|gz|map)$/.test(f)) files.add(f);
  files.delete("pkg/repay.d.ts");
  for (const f of files) if (!existsSync(path.join(SITE, f))) fail(`${f} is referenced but missing`);
  // Source maps go with the minified files.
  for (const f of [...files]) if (existsSync(path.join(SITE, `${f}.map`))) files.add(`${f}.map`);
  return [...files].sort();
}

function walk(dir) {
  const out = [];
  for (const e of readdirSync(path.join(SITE, dir), { withFileTypes: true })) {
    const r = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...walk(r));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

const NODE_ENTRY = `// The engine for Node.js: the same module as pkg/repay.js, loaded from the
// wasm file beside it when this module is imported (no fetch, no network).
// init() and initSync() are there too and do nothing more once it is loaded.
import { readFileSync } from "node:fs";
import { initSync } from "./pkg/repay.js";

initSync({ module: readFileSync(new URL("./pkg/repay_bg.wasm", import.meta.url)) });

export * from "./pkg/repay.js";
export { default } from "./pkg/repay.js";
`;

function packageJson(version) {
  return {
    name: PACKAGE_NAME,
    version,
    description:
      "Repay: a private loan repayment calculator (exact decimals, WebAssembly) to embed as a custom element or an iframe, and its engine for browsers and Node.js",
    license: "MIT OR Apache-2.0",
    type: "module",
    // The element registers itself on import; the engine module only when it is initialised.
    sideEffects: ["./repay-calculator.js", "./embed.js", "./node.js"],
    main: "./node.js",
    types: "./pkg/repay.d.ts",
    exports: {
      ".": {
        types: "./pkg/repay.d.ts",
        node: "./node.js",
        default: "./pkg/repay.js",
      },
      "./engine": {
        types: "./pkg/repay.d.ts",
        node: "./node.js",
        default: "./pkg/repay.js",
      },
      "./element": "./repay-calculator.js",
      "./repay-calculator.js": "./repay-calculator.js",
      "./embed.html": "./embed.html",
      "./types": "./pkg/repay.d.ts",
      "./style.css": "./style.css",
      "./pkg/*": "./pkg/*",
      "./package.json": "./package.json",
    },
    engines: { node: ">=18" },
    keywords: ["loan", "repayment", "calculator", "apr", "web-component", "wasm", "还款计算器"],
  };
}

/** The package README: the embedder's guide's package part (docs/embedding.md, between the markers). */
function readme(version) {
  const guide = readFileSync(path.join(ROOT, "docs/embedding.md"), "utf8");
  const m = /<!-- package-readme:start -->\n([\s\S]*?)<!-- package-readme:end -->/.exec(guide);
  if (!m) fail("docs/embedding.md has no package-readme markers");
  return `# ${PACKAGE_NAME} ${version}\n\n${m[1].trim()}\n`;
}

export function writeDist(out = OUT) {
  const version = crateVersion();
  const files = packedFiles();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    cpSync(path.join(SITE, f), path.join(out, f));
  }
  cpSync(path.join(WWW, "repay-api.d.ts"), path.join(out, "pkg/repay.d.ts"));
  writeFileSync(path.join(out, "node.js"), NODE_ENTRY);
  writeFileSync(path.join(out, "package.json"), `${JSON.stringify(packageJson(version), null, 2)}\n`);
  writeFileSync(path.join(out, "README.md"), readme(version));
  return { out, version, files: [...files, "pkg/repay.d.ts", "node.js", "package.json", "README.md"].sort() };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { out, version, files } = writeDist();
  console.log(`dist: ${PACKAGE_NAME}@${version} in ${path.relative(ROOT, out)}/ (${files.length} files)`);
}
