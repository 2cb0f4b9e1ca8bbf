// The service worker (www/sw.js + the generated sw-version.js) of the built
// site (dist/site/) in real chromium, served by scripts/serve.py from a folder
// that can be switched to a new version in place (a symlink, swapped atomically):
//  1. a full page load requests nothing same-origin that is not precached;
//  2. first visit: "ready to work offline", and the offline cache costs little:
//     the worker fills it from what the page loaded (the HTTP cache), so the
//     visit's bytes, the worker's included, stay ≤ 1.15 × the page's own, and
//     nothing the page loaded is downloaded again; then offline, a reload still
//     computes the reference loan from the cache, and switching language
//     loads that language's messages from it;
//  3. a changed asset is a new VERSION (scripts/sw-version.mjs hashes them);
//     the page offers the new version, and "reload" switches to its cache,
//     which holds the changed file although the HTTP cache had the old one
//     under the same name (the worker checks each file's digest).
// Run: make build && node --test --test-concurrency=1 tests/browser/
// (this test writes dist/site/sw-version.js itself, as `make build` does).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { cp, mkdtemp, rename, rm, symlink } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { ROOT, SITE, watchPage, screenshot } from "./helpers.mjs";
import { watchTransfer, visitBytes } from "./first-load.mjs";
import { enterReferenceLoan } from "./scenario.mjs";
import { writeSwVersion } from "../../scripts/sw-version.mjs";
import { offline } from "./shown/zh-CN.mjs";
import { terms as enTerms } from "./shown/en.mjs";
import { terms as twTerms } from "./shown/zh-TW.mjs";
import { LANGUAGES } from "../../www/i18n.js";

const WWW = SITE;
/** The most a first visit may cost, the offline cache included, as a multiple of the page alone. */
const FIRST_VISIT_MAX = 1.15;
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const MARKER = "/* repay offline test: version 2 */";

let v1;
let tmp;
let server;
let url;
let origin;
let context;
let page;
let problems;
let transfer;
const requested = new Set();

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function serve(dir) {
  const port = await freePort();
  const child = spawn("python3", [path.join(ROOT, "scripts/serve.py"), "--port", String(port), "--dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("serve.py did not start")), 10_000);
    child.stdout.on("data", (d) => String(d).includes("serving") && (clearTimeout(timer), resolve()));
    child.on("exit", (code) => (clearTimeout(timer), reject(new Error(`serve.py exited with ${code}`))));
  });
  return { url: `http://127.0.0.1:${port}/`, child };
}

/** Points tmp/site at dir, atomically. */
async function publish(dir) {
  const next = path.join(tmp, "site.next");
  await rm(next, { force: true });
  await symlink(dir, next);
  await rename(next, path.join(tmp, "site"));
}

const computeReference = () => enterReferenceLoan(page);

const cacheNames = () => page.evaluate(() => caches.keys());

const PANEL_IDS = ["terms", "overdue", "plans", "debts", "letter", "rights"];
/** Waits until every panel has mounted, so that no module request is still in flight. */
async function settled() {
  for (const id of PANEL_IDS) await page.waitForFunction((p) => document.getElementById(p)?.children.length > 0, `panel-${id}`);
}

before(async () => {
  v1 = writeSwVersion(WWW);
  tmp = await mkdtemp(path.join(tmpdir(), "repay-offline-"));
  await publish(WWW);
  server = await serve(path.join(tmp, "site"));
  url = server.url;
  origin = url.replace(/\/$/, "");
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    serviceWorkers: "allow",
  });
  transfer = watchTransfer(context);
  page = context.pages()[0] ?? (await context.newPage());
  problems = watchPage(page, origin);
  page.on("request", (req) => requested.add(req.url()));
  await page.goto(url);
});

after(async () => {
  await context?.close();
  if (server && server.child.exitCode === null) server.child.kill("SIGTERM");
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test("first visit: 'ready to work offline' once every asset is cached", async () => {
  const ready = page.locator('[data-testid="offline-ready"]');
  await ready.waitFor({ timeout: 20000 });
  assert.equal(await ready.textContent(), offline["offline.ready"]);
  assert.deepEqual(await cacheNames(), [`repay-${v1.version}`]);
  const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), `repay-${v1.version}`);
  assert.deepEqual(cached.sort(), v1.precache.map((p) => new URL(p, url).href).sort());
  await screenshot(page, "offline-ready");
  // At 360 px it is one quiet line in the footer, in the flow of the page (covering
  // nothing), announced politely, with nothing to dismiss.
  await page.setViewportSize({ width: 360, height: 740 });
  const box = await ready.evaluate((el) => {
    const line = el.closest("#offline-status");
    const r = el.getBoundingClientRect();
    const fixed = [];
    for (let n = el; n; n = n.parentElement) if (["fixed", "sticky"].includes(getComputedStyle(n).position)) fixed.push(n.id || n.className);
    return { inFooter: !!el.closest("footer.site-footer"), role: line?.getAttribute("role"), live: line?.getAttribute("aria-live"), height: r.height, lineHeight: parseFloat(getComputedStyle(el).lineHeight), fixed, buttons: line?.querySelectorAll("button").length };
  });
  assert.ok(box.inFooter, "the line is in the footer");
  assert.equal(box.role, "status", "announced politely (role=status)");
  assert.deepEqual(box.fixed, [], "nothing fixed or sticky over the page");
  assert.equal(box.buttons, 0, "nothing to dismiss");
  assert.ok(box.height <= box.lineHeight * 2 + 1, `at most two short lines at 360 px (${box.height} px)`);
  assert.equal(await page.locator("#offline-notice").textContent(), "", "no box over the form");
  await ready.scrollIntoViewIfNeeded();
  await screenshot(page, "offline-ready-360");
  await page.setViewportSize({ width: 1280, height: 800 });
});

test(`first visit: the offline cache is filled from what the page loaded (≤ ${FIRST_VISIT_MAX} × the page, nothing downloaded twice)`, async () => {
  const v = await visitBytes(transfer);
  console.log(`first visit: page ${v.page} B, service worker ${v.worker} B, total ${(v.ratio).toFixed(3)} × the page`);
  assert.deepEqual(v.fetchedAgain, [], "the worker downloaded files the page had loaded");
  assert.ok(v.worker > 0, "the worker downloaded what the page had not loaded (the other languages' messages)");
  assert.ok(v.page > 100_000, "the page's own bytes were counted");
  assert.ok(v.ratio <= FIRST_VISIT_MAX, `first visit ${v.ratio.toFixed(3)} × the page > ${FIRST_VISIT_MAX}`);
});

test("the precache list holds every same-origin request of a full page load", async () => {
  // Every panel mounted, every language shown once (a catalog loaded lazily would be requested now).
  await settled();
  for (const l of [...LANGUAGES, LANGUAGES[0]]) {
    await page.getByLabel(/语言|Language/).selectOption(l.code);
    await page.waitForFunction((code) => document.documentElement.lang === code, l.code);
  }
  const precached = new Set(v1.precache.map((p) => new URL(p, url).href));
  const missing = [...requested]
    .filter((u) => u.startsWith(origin))
    .map((u) => u.split("#")[0])
    .filter((u) => !precached.has(u) && !/\/sw(-version)?\.js$/.test(u));
  assert.deepEqual(missing, [], "requested but not precached (does scripts/site-graph.mjs not see how it is loaded?)");
  for (const m of ["repay_terms", "repay_cases"]) assert.ok(requested.has(`${origin}/pkg/${m}_bg.wasm`), m);
  // The whole-engine module is for embedders and Node: the page neither loads nor caches it.
  assert.ok(!requested.has(`${origin}/pkg/repay_bg.wasm`));
  assert.ok(!v1.precache.includes("pkg/repay_bg.wasm"));
});

test("offline, a reload is served from the cache and computes 1,000,000 / 360 / 4.9 % → 5,307.27", async () => {
  await context.setOffline(true);
  try {
    await page.reload();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "the page is controlled by the service worker");
    await computeReference();
    await settled();
    // Controlled pages do not repeat the first-visit notice.
    assert.equal(await page.locator("#offline-notice").textContent(), "");
    // Another language's messages, not loaded yet by this page, come from the cache too.
    for (const [code, terms] of [["en", enTerms], ["zh-TW", twTerms]]) {
      await page.getByLabel(/语言|Language/).selectOption(code);
      await page.waitForFunction((c) => document.documentElement.lang === c, code);
      assert.equal(await page.locator("#panel-terms h2").textContent(), terms["terms.heading"]);
    }
    await page.getByLabel(/语言|Language/).selectOption("zh-CN");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  } finally {
    await context.setOffline(false);
  }
});

test("a changed asset is a new version: the page offers it, and reloading switches to its cache", async () => {
  const v2dir = path.join(tmp, "v2");
  await cp(WWW, v2dir, { recursive: true, dereference: true });
  appendFileSync(path.join(v2dir, "style.css"), `\n${MARKER}\n`);
  const v2 = writeSwVersion(v2dir);
  assert.notEqual(v2.version, v1.version, "changing style.css must change VERSION");
  await publish(v2dir);

  await settled(); // a reload aborts module requests still in flight
  await page.reload();
  await settled();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const offer = page.locator('[data-testid="offline-update"]');
  await offer.waitFor({ timeout: 20000 });
  assert.equal(await offer.textContent(), offline["offline.update"]);
  // Until the user chooses, the page still runs the old version, from the old cache.
  const styleNow = () => page.evaluate(async () => (await fetch("style.css")).text());
  assert.ok(!(await styleNow()).includes(MARKER));
  assert.ok((await cacheNames()).includes(`repay-${v1.version}`));
  await screenshot(page, "offline-update");

  await Promise.all([
    page.waitForEvent("load", { timeout: 20000 }),
    page.getByRole("button", { name: offline["offline.reload"] }).click(),
  ]);
  await page.waitForFunction(async (name) => {
    const names = await caches.keys();
    return names.length === 1 && names[0] === name;
  }, `repay-${v2.version}`, { timeout: 10000, polling: 200 });
  assert.ok((await styleNow()).includes(MARKER), "the new version's files are served");
  assert.equal(await page.locator('[data-testid="offline-update"]').count(), 0);
  await settled();

  // And the new version works offline too.
  await context.setOffline(true);
  try {
    await page.reload();
    await computeReference();
    await settled();
  } finally {
    await context.setOffline(false);
  }
});

test("no console errors, page errors, failed or third-party requests throughout", () => {
  assert.deepEqual(problems, []);
});
