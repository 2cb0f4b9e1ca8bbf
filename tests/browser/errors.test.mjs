// The message beside a field says what is wrong with what was typed, tried as
// a new user would, in every language: a number far too large (typed or a
// pasted 200,000 digits) is "too large", never "must be more than 0"; 0.001 is
// "less than a cent"; 0 is "must be more than 0", never "out of range"; 45.5
// days or periods is "a whole number", and a rate gets a rate's example, never
// the money example. Expected texts come from the catalogs
// (err.<code>.<fieldKey>, then err.<code>.kind.<kind>, then err.<code>).
// Run: make build && node --test --test-concurrency=1 tests/browser/errors.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage } from "./helpers.mjs";
import zhCN from "./shown/zh-CN.mjs";
import zhTW from "./shown/zh-TW.mjs";
import en from "./shown/en.mjs";

const CATALOGS = { "zh-CN": Object.assign({}, ...zhCN), "zh-TW": Object.assign({}, ...zhTW), en: Object.assign({}, ...en) };

let session;
let page;

before(async () => {
  session = await openPage();
  page = session.page;
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
  await page.locator('#panel-overdue [data-testid="od-total"]').filter({ hasText: "¥" }).waitFor();
});

after(() => session?.close());

const PASTED = "9".repeat(200_000);

// [panel, field wrapper class, value typed, message key, field label key, a text it must not show (zh-CN)]
const CASES = [
  ["terms", "field-principal", "99999999999999999999999", "err.tooLarge", "field.principal", "大于 0"],
  ["terms", "field-principal", PASTED, "err.tooLarge", "field.principal", "大于 0"],
  ["terms", "field-principal", "0.001", "err.belowMinimum", "field.principal", "大于 0"],
  ["terms", "field-principal", "0", "err.notPositive.principal", "field.principal", "范围"],
  ["terms", "field-periods", "45.5", "err.notWhole", "field.periods", "10000.50"],
  ["terms", "field-periods", "0", "err.notPositive", "field.periods", "范围"],
  ["terms", "field-rate", "abc", "err.invalidNumber.kind.rate", "field.rate", "10000.50"],
  ["terms", "field-rate", "99999999999999999999999", "err.tooLarge.kind.rate", "field.rate", "大于 0"],
  ["overdue", "od-field-principal", "0", "err.notPositive", "field.odPrincipal", "范围"],
  ["overdue", "od-field-principal", "0.001", "err.belowMinimum", "field.odPrincipal", "大于 0"],
  ["overdue", "od-field-days", "0", "err.notPositive", "field.odDays", "范围"],
  ["overdue", "od-field-days", "45.5", "err.notWhole", "field.odDays", "10000.50"],
  ["overdue", "od-field-days", "abc", "err.invalidNumber.kind.count", "field.odDays", "10000.50"],
  ["overdue", "od-field-days", "4000", "err.outOfRange.odDays", "field.odDays", "可以计算的范围"],
  ["overdue", "od-field-contractRate", "abc", "err.invalidNumber.kind.rate", "field.odContractRate", "10000.50"],
];

async function setLang(code) {
  await page.getByLabel(/语言|Language/).selectOption(code);
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

for (const lang of ["zh-CN", "zh-TW", "en"]) {
  test(`${lang}: each mistake gets its own message beside its field`, async () => {
    await setLang(lang);
    const cat = CATALOGS[lang];
    for (const [panelName, wrapClass, value, key, labelKey, notShown] of CASES) {
      const wrap = page.locator(`#panel-${panelName} .${wrapClass}`);
      const input = wrap.locator("input");
      const before = await input.inputValue();
      assert.ok(cat[key], `${lang} has ${key}`);
      const want = cat[key].replace("{field}", cat[labelKey]);
      await input.fill(value);
      const error = wrap.locator(".field-error");
      await page.waitForFunction(
        ([sel, text]) => document.querySelector(sel)?.textContent === text,
        [`#panel-${panelName} .${wrapClass} .field-error`, want],
        { timeout: 5000 },
      ).catch(async () => assert.fail(`${lang} ${wrapClass} = ${value.slice(0, 30)}: shows "${await error.textContent()}", want "${want}"`));
      assert.equal(await input.getAttribute("aria-invalid"), "true");
      if (lang === "zh-CN") assert.ok(!want.includes(notShown), `${key} must not say ${notShown}`);
      await input.fill(before);
      await page.waitForFunction((sel) => document.querySelector(sel)?.hidden, `#panel-${panelName} .${wrapClass} .field-error`);
    }
  });
}
