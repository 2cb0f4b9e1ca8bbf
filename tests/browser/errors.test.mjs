// The message beside a field says what is wrong with what was typed, tried as
// a new user would, in every language: a number far too large (typed or a
// pasted 200,000 digits) is "too large", never "must be more than 0"; 0.001 is
// "less than a cent"; 0 is "must be more than 0", never "out of range"; 45.5
// days or periods is "a whole number", and a rate gets a rate's example, never
// the money example. Expected texts come from the catalogs
// (err.<code>.<fieldKey>, then err.<code>.kind.<kind>, then err.<code>).
// Run: make build && node --test --test-concurrency=1 tests/browser/errors.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { pageForTests } from "./helpers.mjs";
import { overdueByHand } from "./scenario.mjs";
import zhCN from "./shown/zh-CN.mjs";
import zhTW from "./shown/zh-TW.mjs";
import en from "./shown/en.mjs";

const CATALOGS = { "zh-CN": Object.assign({}, ...zhCN), "zh-TW": Object.assign({}, ...zhTW), en: Object.assign({}, ...en) };

let page;
pageForTests(async (p) => {
  page = p;
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
  await overdueByHand(page);
});

const PASTED = "9".repeat(200_000);
const HUGE = "99999999999999999999999";

/** Per field (panel, wrapper class, label key): what is typed → the message key expected. */
const FIELDS = [
  ["terms", "field-principal", "field.principal", { [HUGE]: "err.tooLarge", [PASTED]: "err.tooLarge", "0.001": "err.belowMinimum", 0: "err.notPositive.principal" }],
  ["terms", "field-periods", "field.periods", { "45.5": "err.notWhole", 0: "err.notPositive" }],
  ["terms", "field-rate", "field.rate", { abc: "err.invalidNumber.kind.rate", [HUGE]: "err.tooLarge.kind.rate" }],
  ["overdue", "od-field-principal", "field.odPrincipal", { 0: "err.notPositive", "0.001": "err.belowMinimum" }],
  ["overdue", "od-field-days", "field.odDays", { 0: "err.notPositive", "45.5": "err.notWhole", abc: "err.invalidNumber.kind.count", 4000: "err.outOfRange.odDays" }],
  ["overdue", "od-field-contractRate", "field.odContractRate", { abc: "err.invalidNumber.kind.rate" }],
];
/** The catch-all texts these mistakes used to get (zh-CN); "大于 0" is right only for a zero. */
const OLD_CATCH_ALLS = ["超出了可以计算的范围", "10000.50"];

async function setLang(code) {
  await page.getByLabel(/语言|Language/).selectOption(code);
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

for (const lang of ["zh-CN", "zh-TW", "en"]) {
  test(`${lang}: each mistake gets its own message beside its field`, async () => {
    await setLang(lang);
    const cat = CATALOGS[lang];
    for (const [panelName, wrapClass, labelKey, typed] of FIELDS) {
      for (const [value, key] of Object.entries(typed)) {
        const sel = `#panel-${panelName} .${wrapClass}`;
        const input = page.locator(`${sel} input`);
        const before = await input.inputValue();
        assert.ok(cat[key], `${lang} has ${key}`);
        // A sentence: its first letter upper case ("The days overdue…"), as form.js sentence() writes it.
        const text = cat[key].replace("{field}", cat[labelKey]);
        const want = text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
        await input.fill(value);
        const shown = () => page.locator(`${sel} .field-error`).textContent();
        await page
          .waitForFunction(([s, text]) => document.querySelector(s)?.textContent === text, [`${sel} .field-error`, want], { timeout: 5000 })
          .catch(async () => assert.fail(`${lang} ${wrapClass} = ${value.slice(0, 30)}: shows "${await shown()}", want "${want}"`));
        assert.equal(await input.getAttribute("aria-invalid"), "true");
        if (lang === "zh-CN") {
          for (const old of OLD_CATCH_ALLS) assert.ok(!want.includes(old), `${key} must not say ${old}`);
          if (!key.startsWith("err.notPositive")) assert.ok(!want.includes("大于 0"), `${key} must not say 大于 0`);
        }
        await input.fill(before);
        await page.waitForFunction((s) => document.querySelector(s)?.hidden, `${sel} .field-error`);
      }
    }
  });
}

test("a date the browser rejects (2026-02-30) is an error beside its field, and nothing is computed with the old date", async () => {
  await setLang("zh-CN");
  const cat = CATALOGS["zh-CN"];
  const wrap = page.locator("#panel-terms .field-startDate");
  const date = wrap.locator("input");
  const principal = page.locator("#panel-terms .field-principal input");
  const payment = page.locator('#panel-terms [data-testid="payment"]');
  await principal.fill("10000");
  await date.fill("2026-01-15");
  await page.waitForFunction(() => document.querySelector("#panel-terms .field-startDate .field-error")?.hidden);
  await payment.filter({ hasText: "¥" }).waitFor();
  const shown = await payment.textContent();

  // Typed segment by segment as a person would: the harness's Chromium shows
  // its date fields as mm/dd/yyyy (its own UI locale), from the first segment.
  await date.click({ position: { x: 5, y: 5 } });
  await page.keyboard.type("02302026");
  await page.keyboard.press("Tab");
  assert.equal(await date.inputValue(), "", "the browser gives no value for 2026-02-30");
  assert.ok(await date.evaluate((el) => el.validity.badInput), "and marks the text as bad input");
  const want = cat["err.invalidDate"].replace("{field}", cat["field.startDate"]);
  await page.waitForFunction(([t]) => document.querySelector("#panel-terms .field-startDate .field-error")?.textContent === t, [want], { timeout: 5000 });
  assert.equal(await date.getAttribute("aria-invalid"), "true");

  // Another change does not compute with the old date (or without any): the
  // recompute runs (it rewrites the error line, seen by a MutationObserver)
  // and the result stays the last good one, marked as such.
  await page.evaluate(() => {
    window.__rewrites = 0;
    new MutationObserver(() => (window.__rewrites += 1)).observe(document.querySelector("#panel-terms .field-startDate .field-error"), { childList: true });
  });
  await principal.fill("20000");
  await page.waitForFunction(() => window.__rewrites > 0, null, { timeout: 5000 });
  assert.equal(await payment.textContent(), shown);
  assert.equal(await wrap.locator(".field-error").textContent(), want);
  assert.match(await page.locator("#panel-terms .form-error").textContent(), new RegExp(cat["err.staleResult"]));

  await date.fill("2026-02-28");
  await page.waitForFunction(() => document.querySelector("#panel-terms .field-startDate .field-error")?.hidden);
  await page.waitForFunction((s) => document.querySelector('#panel-terms [data-testid="payment"]')?.textContent !== s, shown);
  await principal.fill("10000");
});
