// A figure is current or visibly not, amounts are read as Chinese users
// write them, and odd values are said, not passed over:
// - "1.5万" is read as 15,000 (shown beside the field) and gives the figures of 15000;
// - while an entry is invalid, the result and the compact copy at the end of
//   the form are dimmed and labelled as the last valid figures (and the live
//   region says so), and every invalid field shows its own message;
// - an amount received above the loan amount and a budget of 0 are each said
//   beside their field; an English error message starts with a capital;
// - a warning or a stale mark on screen is said again in the language chosen after it.
// Run: make build && node --test --test-concurrency=1 tests/browser/current.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, watchPage, engineInPage } from "./helpers.mjs";
import { terms as zt, plans as zp } from "./shown/zh-CN.mjs";

let server;
let browser;
const watched = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage() {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  watched.push(watchPage(page, server.url.replace(/\/$/, "")));
  await page.goto(server.url);
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
  return page;
}

/** Types 25,000 received on a 20,000 loan and waits for its warning; returns the terms panel and the warning. */
async function receivedAbove(page) {
  const t = page.locator("#panel-terms");
  await t.getByLabel(zt["terms.principal"], { exact: true }).fill("20000");
  await t.getByLabel(zt["terms.received"], { exact: true }).fill("25000");
  const received = t.locator('.field-received [data-testid="field-warning"]');
  await received.filter({ hasText: "到手金额比借款金额还多" }).waitFor();
  return { t, received };
}

test("1.5万 is read as 15,000: the number read beside the field, and the figures of 15000", async () => {
  const page = await openPage();
  const t = page.locator("#panel-terms");
  const principal = t.getByLabel(zt["terms.principal"], { exact: true });
  await principal.fill("1.5万");
  await t.locator(".field-principal [data-testid='numeral-preview']").filter({ hasText: "= 15,000" }).waitFor();
  const want = await engineInPage(page, "loanTerms", { principal: "15000", rate: { percent: "12", per: "year" }, periods: 12, method: "annuity" }, (v, fmt) => fmt.money(v.schedule[0].payment));
  await t.locator('[data-testid="payment"]').filter({ hasText: want }).waitFor();
  assert.equal(await t.locator('[data-testid="stale-label"]:visible').count(), 0);
  // A plain amount has no preview.
  await principal.fill("15000");
  await t.locator(".field-principal [data-testid='numeral-preview']").waitFor({ state: "hidden" });
  await page.close();
});

test("while entries are invalid the last figures are marked as such, and every invalid field says why", async () => {
  const page = await openPage();
  const t = page.locator("#panel-terms");
  const shown = await t.locator('[data-testid="payment"]').textContent();
  await t.getByLabel(zt["terms.principal"], { exact: true }).fill("12a");
  await t.getByLabel(zt["terms.periods"], { exact: true }).fill("x");
  const section = t.locator("section.terms-result");
  await t.locator('[data-testid="stale-label"]').filter({ hasText: /上一次有效/ }).waitFor();
  assert.match(await section.getAttribute("class"), /is-stale/);
  assert.match(await t.locator(".mini-answer").getAttribute("class"), /is-stale/);
  // The figures stay (the last valid ones), dimmed; the live region says they are not current.
  assert.equal(await t.locator('[data-testid="payment"]').textContent(), shown);
  assert.match(await section.locator("[aria-live]").first().textContent(), /上一次有效/);
  // Each invalid field has its own message, and is marked invalid.
  for (const cls of [".field-principal", ".field-periods"]) {
    const err = t.locator(`${cls} .field-error`);
    await err.waitFor();
    assert.ok((await err.textContent()).length > 0, cls);
    assert.equal(await t.locator(`${cls} input`).getAttribute("aria-invalid"), "true", cls);
  }
  // Corrected: current again.
  await t.getByLabel(zt["terms.principal"], { exact: true }).fill("10000");
  await t.getByLabel(zt["terms.periods"], { exact: true }).fill("12");
  await t.locator('[data-testid="stale-label"]').waitFor({ state: "hidden" });
  assert.doesNotMatch(await section.getAttribute("class"), /is-stale/);
  assert.equal(await t.locator(".field-error:visible").count(), 0);
  await page.close();
});

test("an amount received above the loan amount and a budget of 0 are each said beside their field", async () => {
  const page = await openPage();
  const { t, received } = await receivedAbove(page);
  await t.getByLabel(zt["terms.received"], { exact: true }).fill("18000");
  await received.waitFor({ state: "hidden" });

  const p = page.locator("#panel-plans");
  const budget = p.getByLabel(zp["plans.budget"], { exact: true });
  await budget.fill("0");
  await p.locator('.field-planBudget [data-testid="field-warning"]').filter({ hasText: "每月预算是 0" }).waitFor();
  await budget.fill("1200");
  await p.locator('.field-planBudget [data-testid="field-warning"]').waitFor({ state: "hidden" });
  await page.close();
});

test("a warning and the stale mark on screen are said again in the new language", async () => {
  const page = await openPage();
  const { t, received } = await receivedAbove(page);
  await page.locator("#lang-select").selectOption("en");
  await received.filter({ hasText: "The amount received is more than the loan amount" }).waitFor();
  // Now an invalid entry: the last figures are marked, in English; back in Chinese, in Chinese.
  await t.locator(".field-periods input").fill("x");
  const label = t.locator('[data-testid="stale-label"]');
  await label.filter({ hasText: "the figures for the last valid entries" }).waitFor();
  await page.locator("#lang-select").selectOption("zh-CN");
  await label.filter({ hasText: "上一次有效" }).waitFor();
  assert.match(await t.locator(".mini-answer").getAttribute("data-stale-label"), /上一次有效/);
  await page.close();
});

test("an English error message starts with a capital letter", async () => {
  const page = await openPage();
  await page.locator("#lang-select").selectOption("en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  const o = page.locator("#panel-overdue");
  await o.locator("form").first().waitFor();
  // The overdue amounts typed by hand (where the panel also offers the case from the loan).
  const basis = o.locator('[data-testid="od-basis"]');
  if (await basis.count()) await basis.selectOption("manual");
  const days = o.locator(".od-field-days input");
  await days.fill("abc");
  const err = o.locator(".od-field-days .field-error");
  await err.waitFor();
  const text = await err.textContent();
  assert.match(text, /^The days overdue/, text);
  await page.close();
});

test("no console errors, page errors or third-party requests", () => {
  assert.deepEqual(watched.flat(), []);
});
