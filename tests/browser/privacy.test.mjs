// Browser test of the privacy promise over a full session: load, fill every
// panel (rows included), choose a plan and write the letter, export CSV and
// open the print view where the page offers them, open the glossary and the
// sources, log collection contacts and prepare the complaint pack, copy a
// share link (which carries none of the log). Every request goes to the page's own origin;
// after the first load has settled, only same-origin module and asset loads
// follow (listed in the test output); no cookie is set; no Content-Security-
// Policy violation and no console error happen; nothing is stored but the call log's copy in this tab (sessionStorage).
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser } from "./helpers.mjs";
import { fillAll, zh } from "./scenario.mjs";

let server;
let browser;
let page;
let origin;
const requests = []; // { url, type, phase }
const consoleErrors = [];
let phase = "load";

before(async () => {
  server = await startServer();
  origin = server.url.replace(/\/$/, "");
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("request", (r) => requests.push({ url: r.url(), type: r.resourceType(), phase }));
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) consoleErrors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.goto(server.url, { waitUntil: "networkidle" });
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
  await page.locator('#panel-rights [data-testid="rights-facts"]').waitFor({ state: "attached" });
  await page.locator('[data-testid="copy-link"]').waitFor();
  await page.waitForLoadState("networkidle");
  phase = "session";
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a full session: fill every panel, letter, export, print view, glossary, sources, copy link", async () => {
  const label = (text, scope = page) => scope.getByLabel(text, { exact: true });
  await fillAll(page);
  await page.locator("#panel-terms details.schedule summary").click();
  await label(zh["letter.reason"]).fill("失业三个月，正在找工作。");
  // The collection log: quick buttons, a contact through the form, the complaint pack.
  const calls = page.locator("#panel-calls");
  await calls.locator('[data-testid="calls-quick-missed"]').click();
  await calls.locator('[data-testid="calls-quick-family"]').click();
  await calls.locator('[data-testid="calls-at"]').fill("2026-03-05T23:10");
  await calls.locator('[data-testid="calls-note"]').fill("说要上门");
  await calls.locator('[data-testid="calls-add"]').click();
  await calls.locator('[data-testid="calls-entries"] > li').nth(2).waitFor();
  await calls.locator('[data-testid="calls-pack-make"]').click();
  await calls.locator('[data-testid="calls-pack-paper"] .calls-paper-title').waitFor();

  // CSV export and the glossary, where the page has them (blob downloads make no request).
  const exportButtons = page.locator("main button.export");
  for (let i = 0; i < (await exportButtons.count()); i++) {
    const download = page.waitForEvent("download", { timeout: 3000 }).catch(() => null);
    await exportButtons.nth(i).click();
    await download;
  }
  const gloss = page.locator("main button.gloss");
  if (await gloss.count()) await gloss.first().click();
  await page.locator("#panel-rights details.rights-sources summary").click();
  // The print view (what window.print() would lay out).
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.locator('[data-testid="copy-link"]').click();
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  assert.match(link, /#s=1\./);
  const shared = Buffer.from(link.split("#s=1.")[1].replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  assert.ok(!shared.includes("说要上门") && !shared.includes("2026-03-05T23:10"), "the collection log is never in a share link");
  await page.waitForTimeout(500);
});

test("every request went to the page's own origin; later ones were only same-origin module and asset loads", async (t) => {
  const byOrigin = {};
  for (const r of requests) {
    const o = /^(data|blob):/.test(r.url) ? r.url.slice(0, 5) : new URL(r.url).origin;
    byOrigin[o] = (byOrigin[o] ?? 0) + 1;
  }
  t.diagnostic(`requests by origin: ${JSON.stringify(byOrigin)}`);
  const late = requests.filter((r) => r.phase === "session");
  t.diagnostic(`after the first load (${late.length}): ${late.map((r) => `${r.type} ${r.url.replace(origin, "")}`).join(", ") || "none"}`);
  const foreign = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !/^(data|blob):/.test(r.url));
  assert.deepEqual(foreign, []);
  for (const r of late) {
    assert.ok(r.url.startsWith(`${origin}/`), r.url);
    assert.ok(["script", "stylesheet", "image", "font"].includes(r.type), `${r.type} ${r.url}: only module and asset loads after the first load`);
    assert.equal(new URL(r.url).search, "", "no query string carries anything");
  }
});

test("no cookies, no CSP violation, no console error, nothing stored", async () => {
  assert.deepEqual(await browser.context.cookies(), []);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(consoleErrors, []);
  // Nothing in localStorage; in this tab's sessionStorage only the call log the session logged
  // (README, Privacy: evidence is kept until the tab is closed, never sent, erased by forget).
  assert.deepEqual(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]), [[], ["repay.calls.tab.v1"], ""]);
  const caches = await page.evaluate(async () => (globalThis.caches ? (await caches.keys()).filter((n) => n.startsWith("repay-user")) : []));
  assert.deepEqual(caches, []);
});
