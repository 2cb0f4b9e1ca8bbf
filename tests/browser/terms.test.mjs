// Browser tests of the loan-terms panel: real chromium, the built wasm, the
// page served by scripts/serve.py. Labels come from the page's own catalogs.
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, screenshot, widthAt } from "./helpers.mjs";
import { terms as zh } from "./shown/zh-CN.mjs";
import { terms as en } from "./shown/en.mjs";

let session;
let page;

before(async () => {
  session = await openPage();
  page = session.page;
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
});

after(() => session?.close());

const field = (label) => page.getByLabel(label, { exact: true });
const paymentText = () => page.locator('[data-testid="payment"]').textContent();

/** Waits until the headline payment shows text, after the debounce. */
async function waitForPayment(text) {
  await page.waitForFunction((t) => document.querySelector('[data-testid="payment"]')?.textContent === t, text, { timeout: 5000 });
}

async function enter({ principal, received = "", rate, per = "year", periods, method = "annuity" }) {
  await field(zh["terms.principal"]).fill(principal);
  await field(zh["terms.received"]).fill(received);
  await field(zh["terms.rate"]).fill(rate);
  await field(zh["terms.ratePer"]).selectOption(per);
  await field(zh["terms.periods"]).fill(periods);
  await field(zh["terms.method"]).selectOption(method);
}

test("1,000,000 over 360 months at 4.9 %/year: 5,307.27 a month, schedule ends at 0.00", async () => {
  await enter({ principal: "1000000", rate: "4.9", periods: "360" });
  await waitForPayment("¥5,307.27");
  assert.equal(await page.locator('[data-testid="nominal"] dd').textContent(), "4.90%");
  const schedule = page.locator("details.schedule");
  await schedule.locator("summary").click();
  const rows = schedule.locator("tbody tr");
  assert.equal(await rows.count(), 360);
  const lastBalance = rows.last().locator('td[data-col="balance"]');
  assert.equal(await lastBalance.textContent(), "0.00");
  assert.ok(await lastBalance.isVisible());
  assert.equal(await rows.first().locator('td[data-col="payment"]').textContent(), "5,307.27");
  // No reason to explain: the true nominal rate is the contract's.
  assert.equal(await page.locator('[data-testid="why"]').textContent(), "");
  // The charts have text summaries for screen readers.
  assert.equal(await page.locator('#panel-terms svg[role="img"]').count(), 2);
  assert.match(await page.locator(".chart-summary").first().textContent(), /¥1,000,000\.00/);
  await schedule.locator("summary").click();
});

test("10,000 contract, 9,000 received, 12 %/year over 12 months: true cost about 32.50 %, and why", async () => {
  await enter({ principal: "10000", received: "9000", rate: "12", periods: "12" });
  await waitForPayment("¥888.49");
  assert.equal(await page.locator('[data-testid="nominal"] dd').textContent(), "32.50%");
  assert.equal(await page.locator('[data-testid="effective"] dd').textContent(), "37.81%");
  const why = await page.locator('[data-testid="why"]').textContent();
  assert.match(why, /32\.50%/);
  assert.match(why, /年利率 12%/);
  assert.match(why, /¥9,000\.00/);
  assert.match(why, /砍头息/);
  // Nominal 32.50 % but effective 37.81 %: the warning takes the higher of the two, so it is
  // the 36 % line's, and only that one, in the warning colour.
  const above = page.locator(".warning.above-line");
  assert.equal(await above.count(), 1);
  assert.equal(await above.getAttribute("data-code"), "aprAbove36");
  assert.equal(await page.locator('.warning[data-code="upfrontDeduction"]:not(.above-line)').count(), 1);
});

test("an invalid amount shows a message beside it; other inputs and the last result stay", async () => {
  const before = await paymentText();
  const principal = field(zh["terms.principal"]);
  for (const [typed, message] of [
    ["-5", "借款金额不能是负数。"],
    ["abc", "借款金额需要是一个数字，例如 10000 或 10000.50。"],
  ]) {
    await principal.fill(typed);
    const error = page.locator(".field-principal .field-error");
    await error.filter({ hasText: message }).waitFor({ timeout: 5000 });
    assert.ok(await error.isVisible());
    assert.equal(await principal.getAttribute("aria-invalid"), "true");
    const describedBy = (await principal.getAttribute("aria-describedby")).split(" ");
    assert.ok(describedBy.includes(await error.getAttribute("id")), "the message is tied to the field");
    assert.equal(await principal.inputValue(), typed);
    assert.equal(await field(zh["terms.received"]).inputValue(), "9000");
    assert.equal(await field(zh["terms.rate"]).inputValue(), "12");
    assert.equal(await field(zh["terms.periods"]).inputValue(), "12");
    assert.equal(await paymentText(), before);
    assert.equal(await page.locator('[data-testid="nominal"] dd').textContent(), "32.50%");
    assert.equal(await page.locator("[aria-invalid]").count(), 1, "only that field is marked");
  }
  await principal.fill("10000");
  await page.locator(".field-principal .field-error").waitFor({ state: "hidden" });
  assert.equal(await principal.getAttribute("aria-invalid"), null);
  assert.equal(await paymentText(), before);
});

test("the language switch relabels the form and the result", async () => {
  await page.getByLabel("语言").selectOption("en");
  await page.getByLabel(en["terms.principal"], { exact: true }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.match(await page.locator('[data-testid="why"]').textContent(), /higher than the 12% per year/);
  assert.match(await paymentText(), /888\.49/);
  await page.getByLabel("Language").selectOption("zh-CN");
  await field(zh["terms.principal"]).waitFor();
});

test("at 360 px the open schedule scrolls inside its own box, not the page", async () => {
  const schedule = page.locator("#panel-terms details.schedule");
  await schedule.locator("summary").click();
  assert.equal(await schedule.evaluate((d) => d.open), true);
  const scrollWidth = await widthAt(page, 360, 740);
  assert.ok(scrollWidth <= 360, `no sideways scrolling at 360 px with the schedule open (scrollWidth ${scrollWidth})`);
  const box = schedule.locator(".table-scroll");
  const { inner, outer } = await box.evaluate((el) => ({ inner: el.scrollWidth, outer: el.clientWidth }));
  assert.ok(inner > outer, `the table is wider than its box and scrolls in it (${inner} > ${outer})`);
  await screenshot(page, "terms-schedule-360x740");
  await schedule.locator("summary").click();
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("screenshots at 360×740 and 1280×800", async () => {
  const scrollWidth = await widthAt(page, 360, 740);
  assert.ok(scrollWidth <= 360, `no sideways scrolling at 360 px (scrollWidth ${scrollWidth})`);
  await screenshot(page, "terms-360x740");
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, "terms-1280x800");
});

test("no console errors, page errors or third-party requests throughout", () => {
  assert.deepEqual(session.problems, []);
});
