// Browser tests of the page as a whole: every <label> names one control only,
// in every language, so that a label (and a screen reader's list of form
// fields) is never ambiguous. Rows that repeat (a debt, a fee, a prepayment)
// are told apart by their numbered legend ("欠款 2"), so labels inside one
// such row are checked against the rest of the page, not against the other rows.
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage } from "./helpers.mjs";
import { LANGUAGES } from "../../www/i18n.js";

let session;
let page;

before(async () => {
  session = await openPage();
  page = session.page;
  for (const id of ["terms", "overdue", "plans", "debts", "letter"]) await page.locator(`#panel-${id} label`).first().waitFor({ state: "attached" });
});

after(() => session?.close());

/** Label texts that appear more than once, with where they are. */
function duplicateLabels() {
  return page.evaluate(() => {
    const seen = new Map();
    for (const label of document.querySelectorAll("label")) {
      const row = label.closest("fieldset.row");
      // The first row of each list stands for the others.
      if (row && row.closest(".rows").querySelector("fieldset.row") !== row) continue;
      const text = label.textContent.trim();
      const where = label.closest("section")?.id ?? "page";
      seen.set(text, [...(seen.get(text) ?? []), where]);
    }
    return [...seen].filter(([, w]) => w.length > 1).map(([text, w]) => `${text} (${w.join(", ")})`);
  });
}

test("no two labels on the page have the same text, in any language", async () => {
  // Open every repeatable row once so its labels are on the page too.
  await page.evaluate(() => {
    for (const key of ["terms.addFee", "terms.addPrepayment"]) document.querySelector(`#panel-terms button[data-i18n="${key}"]`).click();
  });
  await page.locator("#panel-terms fieldset.row").nth(1).waitFor({ state: "attached" });
  for (const l of LANGUAGES) {
    await page.getByLabel(/语言|Language/).selectOption(l.code);
    await page.waitForFunction((code) => document.documentElement.lang === code, l.code);
    assert.deepEqual(await duplicateLabels(), [], l.code);
  }
  await page.getByLabel(/语言|Language/).selectOption("zh-CN");
});

test("no console errors, page errors or third-party requests throughout", () => {
  assert.deepEqual(session.problems, []);
});
