// Browser tests of the debts panel's answer when a budget cannot clear the
// debts: a budget below the month's interest says so (it does not "only cover
// the interest"); a budget a cent above it says it is only a little more than
// the interest. Texts come from the catalogs, amounts from the page's format.js.
// Run: make build && node --test --test-concurrency=1 tests/browser/debts.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { pageForTests, engineInPage } from "./helpers.mjs";
import { debts as zd } from "./shown/zh-CN.mjs";

let page;
pageForTests(async (p) => {
  page = p;
  await page.locator("#panel-debts h2").waitFor();
});

// 100,000 at 25 %/year: 2,083.33 of interest in a month (100,000 × 25 % ÷ 12, rounded).
const DEBT = { name: "贷款", balance: "100000", rate: "25", per: "year", min: "10" };

async function answerFor(budget, shown) {
  const d = page.locator("#panel-debts");
  const row = d.locator("li.debt-row").first();
  await row.getByLabel(zd["debts.name"], { exact: true }).fill(DEBT.name);
  await row.getByLabel(zd["debts.balance"], { exact: true }).fill(DEBT.balance);
  await row.getByLabel(zd["debts.rate"], { exact: true }).fill(DEBT.rate);
  await row.getByLabel(zd["debts.ratePer"], { exact: true }).selectOption(DEBT.per);
  await row.getByLabel(zd["debts.minPayment"], { exact: true }).fill(DEBT.min);
  await d.getByLabel(zd["debts.budget"], { exact: true }).fill(budget);
  const input = { debts: [{ name: DEBT.name, balance: DEBT.balance, rate: { percent: DEBT.rate, per: DEBT.per }, minPayment: DEBT.min }], monthlyBudget: budget, compare: true };
  const expected = await engineInPage(page, "debtPlan", input, (v, fmt) => ({
    feasible: v.feasible,
    reason: v.reason,
    minimum: fmt.money(v.minimumBudget),
    interest: fmt.money(v.timeline[0].interest),
  }));
  await d.locator('[data-testid="debts-answer"]').filter({ hasText: expected.minimum }).waitFor({ timeout: 5000 });
  await d.locator('[data-testid="debts-sentence"]').filter({ hasText: shown }).waitFor({ timeout: 5000 });
  return { expected, sentence: await d.locator('[data-testid="debts-sentence"]').textContent() };
}

test("a budget of 20 against 2,083.33 of monthly interest: it does not cover the interest", async () => {
  const { expected, sentence } = await answerFor("20", "¥20.00");
  assert.deepEqual([expected.feasible, expected.reason, expected.interest], [false, "neverClears", "¥2,083.33"]);
  const want = zd["debts.belowInterest"].replace("{budget}", "¥20.00");
  assert.ok(sentence.startsWith(want), `${sentence} starts with ${want}`);
  assert.ok(!sentence.includes("只够还利息"), sentence);
});

test("a budget a cent above the interest: only a little more than the interest, not cleared in 600 months", async () => {
  const { expected, sentence } = await answerFor("2083.34", "¥2,083.34");
  assert.deepEqual([expected.feasible, expected.reason], [false, "neverClears"]);
  const want = zd["debts.neverClears"].replace("{budget}", "¥2,083.34");
  assert.ok(sentence.startsWith(want), `${sentence} starts with ${want}`);
});
