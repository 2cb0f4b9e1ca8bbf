// The size budget: what the built site (dist/site/) sends for the page and its embeds, brotli as
// served (quality 11, the .br files serve.py sends; gzip -9 reported beside it, for hosts without
// brotli), against tests/size-budget.json. A size over its ceiling fails; the goal is reported,
// met or not. Three weights:
//  - before the first result: every asset the page asked for before the terms panel's monthly
//    payment showed a figure (tests/browser/first-load.mjs, the function `make bench` uses too;
//    its `beforeFirst` mark), each distinct path once;
//  - the whole page: every asset once the network is idle after that, when every panel has
//    mounted and loaded what it needs (start.js mounts them after the first result);
//  - the terms panel alone as an embed: every asset of embed.html#panels=terms, and of a page with
//    <repay-calculator panels="terms">, once idle; the larger of the two.
// The report names the biggest contributors: the largest assets, and what the first engine
// module's code is made of (scripts/wasm-contributors.mjs, on the module before wasm-bindgen and
// wasm-opt, the one that still has function names).
// Run: make build && node --test --test-concurrency=1 tests/browser/size-budget.test.mjs

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { startServer, launchBrowser, ROOT, SITE } from "./helpers.mjs";
import { firstLoad, coldPage, embedLoad, ELEMENT_HOST } from "./first-load.mjs";
import { contributors, formatContributors, DEFAULT_WASM } from "../../scripts/wasm-contributors.mjs";

const BUDGET_FILE = path.join(ROOT, "tests/size-budget.json");
const budget = JSON.parse(readFileSync(BUDGET_FILE, "utf8"));
const KEYS = ["beforeFirstResultBrotli", "wholePageBrotli", "embedTermsBrotli"];

let assets;
/** The assets of the two terms-only embeds: { iframe, element }. */
const embeds = {};

/** The paths a page of the built site preloads or modulepreloads, as served ("/pkg/repay_terms_bg.wasm"). */
const preloadsOf = (page) =>
  [...readFileSync(path.join(SITE, page), "utf8").matchAll(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bhref="([^"]+)"/g)].map((m) => `/${m[1]}`);

before(async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    ({ assets } = await firstLoad(browser.context, server.url));
    embeds.iframe = await embedLoad(browser.context, `${server.url}embed.html#panels=terms`);
    embeds.element = await embedLoad(browser.context, `${server.url}__element-host.html`, { "/__element-host.html": ELEMENT_HOST });
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
  assert.ok(preloads.includes("/pkg/repay_terms_bg.wasm"), "index.html preloads the first engine module");
  const paths = new Set(assets.map((a) => new URL(a.path, "http://x").pathname));
  assert.deepEqual(preloads.filter((p) => !paths.has(p)), [], "every preload is part of the first load");
});

test("embed.html preloads the engine module its panels need first, and each engine file is fetched once", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const [panels, first, never] of [["terms,overdue", "repay_terms", null], ["plans,letter", "repay_cases", "repay_terms"]]) {
      const page = await coldPage(browser.context);
      const counts = new Map();
      page.on("request", (r) => {
        const p = new URL(r.url()).pathname;
        counts.set(p, (counts.get(p) ?? 0) + 1);
      });
      await page.goto(`${server.url}embed.html#panels=${panels}&principal=10000&rate=4.9&months=12`);
      const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname));
      assert.ok(preloads.includes(`/pkg/${first}_bg.wasm`) && preloads.includes(`/pkg/${first}.js`), `${panels}: ${preloads.join(" ")}`);
      await (panels.startsWith("terms") ? page.locator('[data-testid="payment"]').filter({ hasText: /\d/ }) : page.locator('[data-panel="letter"] h2')).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState("networkidle");
      assert.deepEqual(preloads.map((p) => [p, counts.get(p) ?? 0]), preloads.map((p) => [p, 1]), panels);
      if (never) assert.deepEqual([...counts.keys()].filter((p) => p.includes(never)), [], `${panels}: the loan-terms module is not fetched`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("the first result waits for the first engine module alone; the second, and the other panels, come after it", () => {
  const before = assets.filter((a) => a.beforeFirst).map((a) => new URL(a.path, "http://x").pathname);
  const after = assets.filter((a) => !a.beforeFirst).map((a) => new URL(a.path, "http://x").pathname);
  assert.ok(before.includes("/pkg/repay_terms_bg.wasm"), before.join(" "));
  assert.deepEqual(before.filter((p) => p.endsWith(".wasm")), ["/pkg/repay_terms_bg.wasm"]);
  for (const p of ["/pkg/repay_cases_bg.wasm", "/pkg/repay_cases.js", "/panels/overdue.js", "/panels/calls.js", "/i18n/zh-CN/panels.js"]) assert.ok(after.includes(p), `${p} is fetched after the first result (${after.join(" ")})`);
  assert.ok(!assets.some((a) => new URL(a.path, "http://x").pathname === "/pkg/repay_bg.wasm"), "the whole-engine module (for embedders) is not the page's");
});

test("the terms panel alone, embedded, never fetches the second engine module nor the other panels", () => {
  for (const [name, list] of Object.entries(embeds)) {
    const paths = list.map((a) => new URL(a.path, "http://x").pathname);
    assert.ok(paths.includes("/pkg/repay_terms_bg.wasm"), `${name}: ${paths.join(" ")}`);
    assert.deepEqual(paths.filter((p) => /repay_cases|repay_bg|\/panels\/(?!terms|fields)|i18n\/[^/]+\/panels/.test(p)), [], name);
  }
});

test("only minified code before the first figure: every script and the stylesheet come from the build", () => {
  const before = assets.filter((a) => a.beforeFirst && /\.(js|css)$/.test(new URL(a.path, "http://x").pathname));
  assert.ok(before.length > 3, before.map((a) => a.path).join(" "));
  for (const a of before) {
    const file = readFileSync(path.join(SITE, new URL(a.path, "http://x").pathname.slice(1)), "utf8");
    // A minified file has no comment line and no indentation (the glue included).
    assert.doesNotMatch(file, /^\s*\/\/(?!# sourceMappingURL)|^ {2,}\S/m, `${a.path} is not minified`);
  }
});

test("the three weights stay within their ceilings (brotli as served)", () => {
  assert.ok(assets.length > 0, "the first load has assets");
  assert.deepEqual(assets.filter((a) => a.status >= 400).map((a) => `${a.path} ${a.status}`), [], "every first-load response succeeds");
  const sum = (list, k = "brotli") => list.reduce((s, a) => s + a[k], 0);
  const wasms = assets.filter((a) => new URL(a.path, "http://x").pathname.endsWith(".wasm"));
  const sizes = {
    beforeFirstResultBrotli: sum(assets.filter((a) => a.beforeFirst)),
    wholePageBrotli: sum(assets),
    embedTermsBrotli: Math.max(sum(embeds.iframe), sum(embeds.element)),
  };
  const gzip = {
    beforeFirstResultBrotli: sum(assets.filter((a) => a.beforeFirst), "gzip"),
    wholePageBrotli: sum(assets, "gzip"),
    embedTermsBrotli: Math.max(sum(embeds.iframe, "gzip"), sum(embeds.element, "gzip")),
  };

  // ---- the report (printed before any size assertion, so a failure shows it too) ----------------
  const lines = [];
  const line = (label, k, what) => {
    const size = sizes[k];
    const room = size > budget.ceiling[k] ? `OVER THE CEILING by ${size - budget.ceiling[k]} B` : `${budget.ceiling[k] - size} B under it`;
    const goal = size <= budget.goal[k] ? "MET" : `NOT MET (${size - budget.goal[k]} B to go)`;
    return `  ${label} ${size} B brotli (${gzip[k]} B gzip) — ceiling ${budget.ceiling[k]} (${room}) — goal ${budget.goal[k]} ${goal} — ${what}`;
  };
  lines.push(`Size budget (${path.relative(ROOT, BUDGET_FILE)}; brotli 11 and gzip -9 by node:zlib ${process.versions.zlib}, brotli ${process.versions.brotli}):`);
  lines.push(line("bytes before the first result", "beforeFirstResultBrotli", `${assets.filter((a) => a.beforeFirst).length} assets`));
  lines.push(line("whole page, every panel loaded", "wholePageBrotli", `${assets.length} assets`));
  lines.push(line("terms panel alone, embedded", "embedTermsBrotli", `iframe ${sum(embeds.iframe)} B, element ${sum(embeds.element)} B`));
  for (const w of wasms) lines.push(`  engine module ${w.path}: ${w.brotli} B brotli, ${w.gzip} B gzip (${w.beforeFirst ? "before" : "after"} the first result)`);
  lines.push(`  note: ${budget.note}`);
  const pct = (n) => `${((n / sizes.wholePageBrotli) * 100).toFixed(1).padStart(5)} %`;
  const top = [...assets].sort((a, b) => b.brotli - a.brotli || a.path.localeCompare(b.path));
  const TOP_ASSETS = 14;
  lines.push(`Top ${Math.min(TOP_ASSETS, top.length)} assets of the whole page by brotli (of ${top.length}; * = before the first result):`);
  for (const a of top.slice(0, TOP_ASSETS)) lines.push(`  ${String(a.brotli).padStart(8)} B ${pct(a.brotli)} ${a.beforeFirst ? "*" : " "} ${a.path} (${a.raw} B raw, ${a.gzip} B gzip${a.times > 1 ? `, requested ${a.times}×, counted once` : ""})`);
  const rest = top.slice(TOP_ASSETS);
  if (rest.length) {
    const restGz = rest.reduce((s, a) => s + a.brotli, 0);
    lines.push(`  ${String(restGz).padStart(8)} B ${pct(restGz)}   the other ${rest.length} assets`);
  }
  lines.push("Top contributors of the first engine module (raw bytes of the module before wasm-bindgen and wasm-opt: they rank what the code is made of, they do not add up to the shipped size):");
  if (existsSync(DEFAULT_WASM)) {
    const shipped = path.join(ROOT, "www/pkg/repay_terms_bg.wasm");
    if (existsSync(shipped) && statSync(DEFAULT_WASM).mtimeMs > statSync(shipped).mtimeMs) lines.push(`  (${path.relative(ROOT, DEFAULT_WASM)} was rebuilt after www/pkg/repay_terms_bg.wasm: run make build for figures that match)`);
    lines.push(...formatContributors(contributors(readFileSync(DEFAULT_WASM), { file: DEFAULT_WASM }), { groups: 15, top: 10, indent: "  " }));
  } else lines.push(`  ${path.relative(ROOT, DEFAULT_WASM)} not found (run make build)`);
  console.log(lines.join("\n"));

  // ---- the budget --------------------------------------------------------------------------------
  for (const k of KEYS) assert.ok(sizes[k] <= budget.ceiling[k], `${k}: ${sizes[k]} B brotli is over its ceiling of ${budget.ceiling[k]} B (${path.relative(ROOT, BUDGET_FILE)})`);
});
