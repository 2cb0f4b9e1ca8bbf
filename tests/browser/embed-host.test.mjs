// Embedding as a new advice site tries it, from a host page on a SECOND
// loopback port (another origin):
//  - two <repay-calculator> elements on one page, lang="en" currency="GBP"
//    and lang="zh-CN" (CNY): each renders, recomputes and explains its terms
//    in its own language and money, typing in one leaves the other alone;
//  - the glossary's "?" buttons are there in the element and in the iframe,
//    and open their explanation in the embed's language;
//  - an iframe with only plans,letter says what to enter instead of showing
//    an empty result box, and its plans reach its letter;
//  - screenshots at 360 px under out/screenshots/.
// Run: make build && node --test --test-concurrency=1 tests/browser/embed-host.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, screenshot, startHost, hostCsp } from "./helpers.mjs";
import { terms as termsEn, glossary as glossEn, plans as plansEn } from "./shown/en.mjs";
import { terms as termsZh, glossary as glossZh } from "./shown/zh-CN.mjs";

let calc;
let host;
let browser;
let page;
let calcOrigin;
const problems = [];

function hostPage(origin) {
  const csp = hostCsp(origin);
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Host</title>
<script type="module" src="${origin}/repay-calculator.js"></script>
</head>
<body>
<repay-calculator id="en" lang="en" panels="terms" currency="GBP" principal="1000000" rate="4.9" months="360"></repay-calculator>
<repay-calculator id="zh" lang="zh-CN" panels="terms" principal="1000000" rate="4.9" months="360"></repay-calculator>
<iframe id="plans" title="plans" width="360" height="900" allow="clipboard-write" src="${origin}/embed.html#lang=en&amp;panels=plans,letter"></iframe>
<iframe id="terms" title="terms" width="360" height="900" src="${origin}/embed.html#panels=terms"></iframe>
</body>
</html>`;
}

before(async () => {
  calc = await startServer();
  calcOrigin = calc.url.replace(/\/$/, "");
  host = await startHost({ "/": { type: "text/html; charset=utf-8", body: hostPage(calcOrigin) } });
  const hostOrigin = host.origin;
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
  await page.goto(`${hostOrigin}/`);
});

after(async () => {
  await browser?.close();
  await calc?.stop();
  await host?.close();
});

const shadowText = (id, sel) => page.evaluate(([i, s]) => document.getElementById(i).shadowRoot?.querySelector(s)?.textContent ?? null, [id, sel]);
const waitShadowText = (id, sel, text) =>
  page.waitForFunction(([i, s, x]) => document.getElementById(i).shadowRoot?.querySelector(s)?.textContent === x, [id, sel, text], { timeout: 20000 });

test("two elements on one page each show their own language and currency", async () => {
  await waitShadowText("en", '[data-testid="payment"]', "£5,307.27");
  await waitShadowText("zh", '[data-testid="payment"]', "¥5,307.27");
  assert.equal(await shadowText("en", "h2"), termsEn["terms.heading"]);
  assert.equal(await shadowText("zh", "h2"), termsZh["terms.heading"]);
  assert.equal(await shadowText("en", 'label[data-i18n="terms.principal"]'), termsEn["terms.principal"].replace("(CNY)", "(GBP)"));
  assert.equal(await shadowText("zh", 'label[data-i18n="terms.principal"]'), termsZh["terms.principal"]);
  assert.equal(await page.locator("#en .repay-embed").getAttribute("lang"), "en");
  assert.equal(await page.locator("#zh .repay-embed").getAttribute("lang"), "zh-CN");
  assert.equal(await page.locator("html").getAttribute("lang"), "de", "the host's lang attribute is left alone");

  // Typing in the English one recomputes it in English and pounds (a debounced timer, later),
  // and the Chinese one does not change.
  await page.locator("#en").getByLabel(termsEn["terms.periods"], { exact: true }).fill("12");
  await page.waitForFunction(() => document.getElementById("en").shadowRoot.querySelector('[data-testid="payment"]').textContent !== "£5,307.27", null, { timeout: 5000 });
  assert.match(await shadowText("en", '[data-testid="payment"]'), /^£\d{2},\d{3}\.\d{2}$/);
  assert.equal(await shadowText("en", 'label[data-i18n="terms.periods"]'), termsEn["terms.periods"]);
  assert.equal(await shadowText("zh", '[data-testid="payment"]'), "¥5,307.27");
  // And the other way round.
  await page.locator("#zh").getByLabel(termsZh["terms.periods"], { exact: true }).fill("24");
  await page.waitForFunction(() => document.getElementById("zh").shadowRoot.querySelector('[data-testid="payment"]').textContent !== "¥5,307.27", null, { timeout: 5000 });
  assert.match(await shadowText("zh", '[data-testid="payment"]'), /^¥\d{2},\d{3}\.\d{2}$/);
  assert.match(await shadowText("en", '[data-testid="payment"]'), /^£/);
});

test("the glossary's ? buttons are in both elements and open in each one's language", async () => {
  for (const [id, gloss] of [
    ["en", glossEn],
    ["zh", glossZh],
  ]) {
    const buttons = page.locator(`#${id} button.gloss`);
    await buttons.first().waitFor({ timeout: 5000 });
    assert.ok((await buttons.count()) >= 3, `${id}: ? buttons beside the rate, the method and the results`);
    const apr = page.locator(`#${id} button.gloss[data-term="apr"]`).first();
    assert.equal(await apr.getAttribute("aria-label"), gloss["gloss.apr.ask"]);
    await apr.click();
    const pop = page.locator(`#${id} .gloss-pop[data-term="apr"]`);
    await pop.waitFor({ state: "visible", timeout: 5000 });
    assert.equal(await pop.locator(".gloss-title").textContent(), gloss["gloss.apr.title"]);
    await page.keyboard.press("Escape");
    await pop.waitFor({ state: "hidden", timeout: 5000 });
  }
});

test("the iframe embed has the ? buttons too", async () => {
  const fr = page.frameLocator("#terms");
  await fr.locator('[data-testid="payment"]').filter({ hasText: "¥" }).waitFor({ timeout: 20000 });
  await fr.locator('button.gloss[data-term="apr"]').first().waitFor({ timeout: 5000 });
  assert.equal(await fr.locator('button.gloss[data-term="apr"]').first().getAttribute("aria-label"), glossZh["gloss.apr.ask"]);
});

test("an iframe of plans and letter alone says what to enter, then its plans reach its letter", async () => {
  const fr = page.frameLocator("#plans");
  const sentence = fr.locator('[data-testid="plans-sentence"]');
  await sentence.filter({ hasText: plansEn["plans.prompt"] }).waitFor({ timeout: 20000 });
  // No empty box: the result section has visible words.
  const words = await fr.locator("section.plans-result").evaluate((el) => el.innerText.trim());
  assert.ok(words.length > 20, `the result box says something: "${words}"`);
  await page.locator("#plans").scrollIntoViewIfNeeded();
  await screenshot(page, "embed-plans-letter-empty-360");
  await fr.getByLabel(plansEn["plans.principal"], { exact: true }).fill("20000");
  await fr.getByLabel(plansEn["plans.budget"], { exact: true }).fill("1500");
  await fr.locator(".plans-table button").first().waitFor({ timeout: 5000 });
  assert.notEqual(await sentence.textContent(), plansEn["plans.prompt"]);
  await fr.locator(".plans-table button").first().click();
  // The chosen plan moves the focus to the letter's heading, in the same frame.
  await page.waitForFunction(() => true);
  const focused = await page.frames().find((f) => f.url().includes("panels=plans"))
    .evaluate(() => document.querySelector("repay-calculator").shadowRoot.activeElement?.closest('[data-panel]')?.dataset.panel ?? null);
  assert.equal(focused, "letter");
});

test("no console errors, page errors, failed requests or requests to a third origin", () => {
  assert.deepEqual(problems, []);
});
