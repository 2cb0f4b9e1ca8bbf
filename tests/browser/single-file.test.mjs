// The one-file copy, dist/repay.html (scripts/build-single.mjs), opened from
// disk as file:// in real chromium with no server and every non-file request
// aborted: every panel mounts, the reference loan computes, and there is no
// console error, page error or CSP violation; no service worker is registered.
// Run: make build && node --test --test-concurrency=1 tests/browser/
// (this test runs scripts/build-single.mjs itself, so it also checks the build).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { ROOT, screenshot } from "./helpers.mjs";
import { enterReferenceLoan } from "./scenario.mjs";
import { terms as enTerms } from "./shown/en.mjs";
import { terms as twTerms } from "./shown/zh-TW.mjs";
import { terms as zhTerms } from "./shown/zh-CN.mjs";
import { buildSingle } from "../../scripts/build-single.mjs";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let built;
let context;
let userDataDir;
let page;
const problems = [];
const requests = [];

before(async () => {
  built = await buildSingle(path.join(ROOT, "dist", "repay.html"));
  userDataDir = await mkdtemp(path.join(tmpdir(), "repay-single-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
  });
  // No network: anything but the file itself is aborted (and reported).
  await context.route("**", (route) => {
    const u = route.request().url();
    if (u.startsWith("file:") || u.startsWith("data:")) return route.continue();
    problems.push(`network request: ${u}`);
    return route.abort();
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("requestfailed", (req) => problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`));
  page.on("request", (req) => requests.push(req.url()));
  await page.goto(pathToFileURL(built.file).href);
});

after(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test("dist/repay.html is one file: no module script, no external reference, a hash-only CSP", () => {
  const html = readFileSync(built.file, "utf8");
  assert.doesNotMatch(html, /type="module"/);
  assert.doesNotMatch(html, /<script[^>]+src=/);
  assert.doesNotMatch(html, /<link[^>]+href="(?!data:)/);
  assert.equal((html.match(/<script>/g) ?? []).length, 1);
  assert.equal((html.match(/<style>/g) ?? []).length, 1);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'(;|$)/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});

test("opened from disk with no network, 1,000,000 over 360 months at 4.9 %/year is 5,307.27", async () => {
  await enterReferenceLoan(page);
  await screenshot(page, "single-file");
});

test("every panel mounts, as on the served page", async () => {
  for (const id of ["terms", "overdue", "plans", "debts", "letter", "rights"]) {
    assert.ok((await page.locator(`#panel-${id}`).evaluate((el) => el.children.length)) > 0, `#panel-${id} is empty`);
  }
  assert.match(await page.locator("#engine-version").textContent(), /\d+\.\d+/);
});

test("every language is in the file: the switch relabels the page with no request", async () => {
  for (const [code, terms] of [["en", enTerms], ["zh-TW", twTerms], ["zh-CN", zhTerms]]) {
    await page.getByLabel(/语言|Language/).selectOption(code);
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
    assert.equal(await page.locator("#panel-terms h2").textContent(), terms["terms.heading"]);
  }
});

test("no service worker, no request but the file, no console error and no CSP violation", async () => {
  assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null);
  assert.equal(await page.locator("#offline-notice").textContent(), "");
  assert.deepEqual(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:")), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
});
