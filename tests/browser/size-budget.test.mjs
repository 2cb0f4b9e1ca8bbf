// The size budget (issue #7, item 5): the page's first load and its wasm module, gzip -9, against
// tests/size-budget.json. A size over its ceiling fails; the goal is reported, met or not. The
// first-load assets are collected by tests/browser/first-load.mjs, the function `make bench`
// uses too: every response while the page loads in Chromium until the first result shows and the
// network is idle, each distinct path counted once. The report names the biggest contributors:
// the largest assets, and what the wasm module's code is made of (scripts/wasm-contributors.mjs,
// on the module before wasm-bindgen and wasm-opt, the one that still has function names).
// Run: make build && node --test --test-concurrency=1 tests/browser/size-budget.test.mjs

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { startServer, launchBrowser, ROOT } from "./helpers.mjs";
import { firstLoad, coldPage } from "./first-load.mjs";
import { contributors, formatContributors, DEFAULT_WASM } from "../../scripts/wasm-contributors.mjs";

const BUDGET_FILE = path.join(ROOT, "tests/size-budget.json");
const budget = JSON.parse(readFileSync(BUDGET_FILE, "utf8"));
const KEYS = ["firstLoadGzip", "wasmGzip"];

let assets;

/** The paths a page in www/ preloads or modulepreloads, as served ("/pkg/repay_bg.wasm"). */
const preloadsOf = (page) =>
  [...readFileSync(path.join(ROOT, "www", page), "utf8").matchAll(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bhref="([^"]+)"/g)].map((m) => `/${m[1]}`);

before(async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    ({ assets } = await firstLoad(browser.context, server.url));
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("tests/size-budget.json has a goal and a ceiling in bytes for each size", () => {
  for (const k of KEYS) {
    for (const level of ["goal", "ceiling"]) assert.ok(Number.isInteger(budget[level]?.[k]) && budget[level][k] > 0, `${level}.${k} is a positive whole number of bytes`);
    assert.ok(budget.goal[k] <= budget.ceiling[k], `goal.${k} ≤ ceiling.${k}`);
  }
  assert.equal(typeof budget.note, "string");
});

test("each script and the wasm are fetched once: every preload is the request the page uses", () => {
  // A preload the page's own request does not match (the wasm without crossorigin, say) is
  // fetched a second time: the same path twice. (The icon is fetched twice, as the page's icon
  // and as the manifest's, with the cache off; no preload is involved.)
  const code = assets.filter((a) => /\.(m?js|wasm)$/.test(new URL(a.path, "http://x").pathname));
  assert.ok(code.length > 10, "the first load's scripts and wasm");
  assert.deepEqual(code.filter((a) => a.times > 1).map((a) => `${a.path} ${a.times}×`), []);
  const preloads = preloadsOf("index.html");
  assert.ok(preloads.includes("/pkg/repay_bg.wasm"), "index.html preloads the wasm");
  const paths = new Set(assets.map((a) => new URL(a.path, "http://x").pathname));
  assert.deepEqual(preloads.filter((p) => !paths.has(p)), [], "every preload is part of the first load");
});

test("embed.html's preloads are used too: the engine's files are fetched once", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = await coldPage(browser.context);
    const counts = new Map();
    page.on("request", (r) => {
      const p = new URL(r.url()).pathname;
      counts.set(p, (counts.get(p) ?? 0) + 1);
    });
    await page.goto(`${server.url}embed.html#panels=terms,overdue&principal=10000&rate=4.9&months=12`);
    await page.locator('[data-testid="payment"]').filter({ hasText: /\d/ }).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const preloads = preloadsOf("embed.html");
    assert.ok(preloads.includes("/pkg/repay_bg.wasm"), "embed.html preloads the wasm");
    assert.deepEqual(preloads.map((p) => [p, counts.get(p) ?? 0]), preloads.map((p) => [p, 1]));
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("the first load and the wasm module stay within their ceilings (gzip -9)", () => {
  assert.ok(assets.length > 0, "the first load has assets");
  assert.deepEqual(assets.filter((a) => a.status >= 400).map((a) => `${a.path} ${a.status}`), [], "every first-load response succeeds");
  const wasms = assets.filter((a) => new URL(a.path, "http://x").pathname.endsWith(".wasm"));
  assert.equal(wasms.length, 1, `one wasm module in the first load (${wasms.map((a) => a.path).join(", ")})`);
  const sizes = { firstLoadGzip: assets.reduce((s, a) => s + a.gzip, 0), wasmGzip: wasms[0].gzip };

  // ---- the report (printed before any size assertion, so a failure shows it too) ----------------
  const lines = [];
  const line = (label, k, what) => {
    const size = sizes[k];
    const room = size > budget.ceiling[k] ? `OVER THE CEILING by ${size - budget.ceiling[k]} B` : `${budget.ceiling[k] - size} B under it`;
    const goal = size <= budget.goal[k] ? "MET" : `NOT MET (${size - budget.goal[k]} B to go)`;
    return `  ${label} ${size} B gzip — ceiling ${budget.ceiling[k]} (${room}) — goal ${budget.goal[k]} ${goal} — ${what}`;
  };
  lines.push(`Size budget (${path.relative(ROOT, BUDGET_FILE)}; gzip -9 by node:zlib ${process.versions.zlib}):`);
  lines.push(line("first load", "firstLoadGzip", `${assets.length} distinct assets`));
  lines.push(line("wasm", "wasmGzip", wasms[0].path));
  lines.push(`  note: ${budget.note}`);
  const pct = (n) => `${((n / sizes.firstLoadGzip) * 100).toFixed(1).padStart(5)} %`;
  const top = [...assets].sort((a, b) => b.gzip - a.gzip || a.path.localeCompare(b.path));
  const TOP_ASSETS = 12;
  lines.push(`Top ${Math.min(TOP_ASSETS, top.length)} first-load assets by gzip (of ${top.length}):`);
  for (const a of top.slice(0, TOP_ASSETS)) lines.push(`  ${String(a.gzip).padStart(8)} B ${pct(a.gzip)}  ${a.path} (${a.raw} B raw${a.times > 1 ? `, requested ${a.times}×, counted once` : ""})`);
  const rest = top.slice(TOP_ASSETS);
  if (rest.length) {
    const restGz = rest.reduce((s, a) => s + a.gzip, 0);
    lines.push(`  ${String(restGz).padStart(8)} B ${pct(restGz)}  the other ${rest.length} assets`);
  }
  lines.push("Top wasm contributors (raw bytes of the module before wasm-bindgen and wasm-opt: they rank what the code is made of, they do not add up to the shipped size):");
  if (existsSync(DEFAULT_WASM)) {
    const shipped = path.join(ROOT, "www/pkg/repay_bg.wasm");
    if (existsSync(shipped) && statSync(DEFAULT_WASM).mtimeMs > statSync(shipped).mtimeMs) lines.push(`  (${path.relative(ROOT, DEFAULT_WASM)} was rebuilt after www/pkg/repay_bg.wasm: run make build for figures that match)`);
    lines.push(...formatContributors(contributors(readFileSync(DEFAULT_WASM), { file: DEFAULT_WASM }), { groups: 15, top: 10, indent: "  " }));
  } else lines.push(`  ${path.relative(ROOT, DEFAULT_WASM)} not found (run make build)`);
  console.log(lines.join("\n"));

  // ---- the budget --------------------------------------------------------------------------------
  for (const k of KEYS) assert.ok(sizes[k] <= budget.ceiling[k], `${k}: ${sizes[k]} B gzip is over its ceiling of ${budget.ceiling[k]} B (${path.relative(ROOT, BUDGET_FILE)})`);
});
