// Browser tests of the two embeds, from a host page on a SECOND loopback port
// (another origin): <repay-calculator> loaded by one module script tag, and
// embed.html in an iframe. Both compute the reference loan (1,000,000 over
// 360 months at 4.9 %/year → 5,307.27 a month); the element honours lang,
// panels and currency; the iframe posts its height only after the host asks,
// ignores malformed requests, and the height it reports is its content's.
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, startHost, hostCsp } from "./helpers.mjs";
import { terms as termsEn } from "./shown/en.mjs";
import { terms as termsZh, overdue as overdueZh } from "./shown/zh-CN.mjs";

let calc; // www/ on the first port
let host; // the host page on the second port
let hostUrl;
let browser;
let page;
let calcOrigin;
let hostOrigin;
const problems = [];

function hostPage(origin) {
  const csp = hostCsp(origin, "'self'");
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Host</title>
<script type="module" src="${origin}/repay-calculator.js"></script>
<script src="/host.js"></script>
</head>
<body>
<h1>Un site de conseils</h1>
<repay-calculator id="el" lang="en" panels="terms" currency="HKD" principal="1000000" rate="4.9" months="360"></repay-calculator>
<iframe id="fr" title="calculator" width="640" height="300" src="${origin}/embed.html#panels=terms&amp;principal=1000000&amp;rate=4.9&amp;months=360"></iframe>
</body>
</html>`;
}

// Records every message this page receives, with its origin.
const HOST_JS = `window.repayMessages = [];
addEventListener("message", (e) => window.repayMessages.push({ origin: e.origin, data: e.data }));`;

before(async () => {
  calc = await startServer();
  calcOrigin = calc.url.replace(/\/$/, "");
  host = await startHost({
    "/": { type: "text/html; charset=utf-8", body: hostPage(calcOrigin) },
    "/host.js": { type: "text/javascript", body: HOST_JS },
  });
  hostOrigin = host.origin;
  hostUrl = `${hostOrigin}/`;
  assert.notEqual(hostOrigin, calcOrigin);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(calcOrigin) && !u.startsWith(hostOrigin) && !u.startsWith("data:")) problems.push(`other origin: ${u}`);
  });
  await page.goto(hostUrl);
});

after(async () => {
  await browser?.close();
  await calc?.stop();
  await host?.close();
});

const frame = () => page.frames().find((f) => f.url().startsWith(`${calcOrigin}/embed.html`));

test("the element computes the reference loan in English, HK$, with only the terms panel", async () => {
  const payment = page.locator('#el [data-testid="payment"]');
  await payment.filter({ hasText: "HK$" }).waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.querySelector("#el").shadowRoot.querySelector('[data-testid="payment"]')?.textContent === "HK$5,307.27", null, { timeout: 5000 });
  const panels = await page.evaluate(() => [...document.querySelector("#el").shadowRoot.querySelectorAll("section.panel")].map((s) => s.dataset.panel));
  assert.deepEqual(panels, ["terms"]);
  assert.equal(await page.locator("#el h2").first().textContent(), termsEn["terms.heading"]);
  // Labels name the embedder's currency, never the default one.
  const principalHkd = termsEn["terms.principal"].replace("(CNY)", "(HKD)");
  assert.notEqual(principalHkd, termsEn["terms.principal"]);
  assert.equal(await page.locator("#el").getByLabel(principalHkd, { exact: true }).inputValue(), "1000000");
  assert.equal(await page.locator("#el").getByText("(CNY", { exact: false }).count(), 0, "no label says CNY beside HK$ figures");
  assert.equal(await page.locator('#el [data-testid="nominal"] dd').textContent(), "4.90%");
  assert.equal(await page.locator("#el .repay-embed").getAttribute("lang"), "en");
  assert.equal(await page.locator("html").getAttribute("lang"), "fr", "the host's own lang attribute is left alone");
  // The glossary's part comes once the glossary starts, after the first result.
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => new URL(e.name).pathname === "/i18n/en/glossary.js" && e.responseEnd > 0));
  const catalogs = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/i18n/")));
  assert.deepEqual(catalogs.sort(), ["/i18n/en/glossary.js", "/i18n/en/start.js"], "only the first part of the messages of the element's language and the glossary's are fetched (the element shows the terms panel alone)");
  // Typing recomputes inside the element.
  await page.locator("#el").getByLabel(termsEn["terms.periods"], { exact: true }).fill("12");
  await page.waitForFunction(() => document.querySelector("#el").shadowRoot.querySelector('[data-testid="payment"]')?.textContent !== "HK$5,307.27", null, { timeout: 5000 });
  assert.match(await page.locator('#el [data-testid="payment"]').textContent(), /^HK\$/);
});

test("the iframe computes the reference loan with its fragment's options", async () => {
  await page.frameLocator("#fr").locator('[data-testid="payment"]').filter({ hasText: "¥5,307.27" }).waitFor({ timeout: 15000 });
  const f = frame();
  assert.ok(f, "the embed frame is there");
  assert.deepEqual(await f.evaluate(() => [...document.querySelector("repay-calculator").shadowRoot.querySelectorAll("section.panel")].map((s) => s.dataset.panel)), ["terms"]);
  assert.equal(await page.frameLocator("#fr").locator("h2").first().textContent(), termsZh["terms.heading"]);
  assert.ok(overdueZh["od.heading"]);
});

test("the terms-only iframe's glossary takes its legal figures from the rule pack when opened, never a placeholder", async () => {
  const fr = page.frameLocator("#fr");
  await fr.locator('[data-testid="payment"]').filter({ hasText: "¥5,307.27" }).waitFor({ timeout: 15000 });
  const terms = [...new Set(await fr.locator("button.gloss").evaluateAll((bs) => bs.map((b) => b.dataset.term)))];
  assert.ok(terms.includes("kantou"), `the loan-terms panel explains 砍头息: ${terms}`);
  for (const term of terms) {
    await fr.locator(`button.gloss[data-term="${term}"]`).first().click();
    // The body is filled once the pack is read (the module that holds it is fetched on opening).
    await fr.locator(`#gloss-${term} .gloss-body`).filter({ hasNotText: /\{\w+\}|^…$/ }).waitFor({ timeout: 15000 });
    await fr.locator(`#gloss-${term} .gloss-close`).click();
  }
});

test("the iframe posts nothing until asked, ignores malformed requests, then reports its content height", async () => {
  await page.waitForTimeout(800);
  assert.deepEqual(await page.evaluate(() => window.repayMessages), [], "nothing posted before the host asks (the element posts nothing at all)");
  // Malformed requests are ignored.
  await page.evaluate((origin) => {
    const w = document.getElementById("fr").contentWindow;
    for (const m of ["repay:watch-height", { type: "repay:watch-height", extra: 1 }, { type: "repay:watch" }, [{ type: "repay:watch-height" }], null]) w.postMessage(m, origin);
  }, calcOrigin);
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.repayMessages), []);

  await page.evaluate((origin) => document.getElementById("fr").contentWindow.postMessage({ type: "repay:watch-height" }, origin), calcOrigin);
  await page.waitForFunction(() => window.repayMessages.length > 0, null, { timeout: 5000 });
  const msgs = await page.evaluate(() => window.repayMessages);
  for (const m of msgs) {
    assert.equal(m.origin, calcOrigin);
    assert.deepEqual(Object.keys(m.data).sort(), ["height", "type"], "only the height, never inputs or results");
    assert.equal(m.data.type, "repay:height");
    assert.ok(Number.isInteger(m.data.height));
  }
  const reported = msgs.at(-1).data.height;
  const content = await frame().evaluate(() => ({ rect: document.documentElement.getBoundingClientRect().height, scroll: document.documentElement.scrollHeight }));
  assert.ok(Math.abs(reported - content.rect) <= 2, `reported ${reported} vs content ${content.rect}`);
  assert.ok(Math.abs(reported - content.scroll) <= 2, `reported ${reported} vs scrollHeight ${content.scroll}`);

  // Sized to that height, the frame shows all of it; a change of content is reported again.
  await page.evaluate((h) => (document.getElementById("fr").height = String(h)), reported);
  await page.waitForTimeout(200);
  const inner = await frame().evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: innerHeight }));
  assert.ok(inner.scroll <= inner.view + 2, `no scrolling inside the frame (${inner.scroll} > ${inner.view})`);
  // (Chromium pauses rendering, and so ResizeObserver, in an off-screen cross-origin frame.)
  await page.locator("#fr").scrollIntoViewIfNeeded();
  const count = await page.evaluate(() => window.repayMessages.length);
  await frame().evaluate(() => {
    const d = document.querySelector("repay-calculator").shadowRoot.querySelector("details.schedule");
    d.open = true;
  });
  await page.waitForFunction((n) => window.repayMessages.length > n, count, { timeout: 5000 });
  const grown = await page.evaluate(() => window.repayMessages.at(-1).data.height);
  const now = await frame().evaluate(() => document.documentElement.getBoundingClientRect().height);
  assert.ok(grown > reported, `the open schedule makes it taller (${grown} > ${reported})`);
  assert.ok(Math.abs(grown - now) <= 2, `reported ${grown} vs content ${now}`);
});

test("no console errors, page errors, failed requests or requests to a third origin", () => {
  assert.deepEqual(problems, []);
});
