// Browser tests of the plans, debts and letter panels: real chromium, the
// built wasm, the page served by scripts/serve.py. Expected figures come from
// the engine itself, called inside the page (./engine.js) with the same input,
// and are formatted with the page's own ./format.js: nothing is hard-coded.
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, engineInPage, screenshot, widthAt } from "./helpers.mjs";
import { plans as zp, debts as zd, letter as zl } from "./shown/zh-CN.mjs";

let session;
let page;

before(async () => {
  session = await openPage();
  page = session.page;
  await page.locator("#panel-plans h2").waitFor();
  await page.locator("#panel-debts h2").waitFor();
});

after(() => session?.close());

const plans = () => page.locator("#panel-plans");
const debts = () => page.locator("#panel-debts");

/** repaymentPlans for input, with the figures as the page formats them. */
const plansFor = (input) =>
  engineInPage(page, "repaymentPlans", input, (v, fmt) => ({
    plans: v.plans.map((p) => ({
      kind: p.kind,
      code: p.basis.code,
      months: String(p.months),
      monthly: fmt.amount(p.monthlyPayment),
      total: fmt.amount(p.totalPaid),
      monthlyMoney: fmt.money(p.monthlyPayment),
      totalMoney: fmt.money(p.totalPaid),
      fits: p.fitsBudget,
      // The first payment above the budget of a plan whose regular payment is within it.
      over: p.overBudget ? { period: p.overBudget.period, amount: fmt.money(p.overBudget.payment) } : null,
    })),
    minimum: fmt.money(v.budget.minimumMonthly),
    feasible: v.budget.feasible,
  }));

/** debtPlan for input, with the figures as the page formats them. */
const debtsFor = (input) =>
  engineInPage(page, "debtPlan", input, (v, fmt) => ({
    feasible: v.feasible,
    minimumBudget: v.minimumBudget ? fmt.money(v.minimumBudget) : null,
    comparison: v.comparison.map((c) => ({
      strategy: c.strategy,
      months: c.months === null ? null : String(c.months),
      interest: c.totalInterest === null ? null : fmt.amount(c.totalInterest),
    })),
    above24: v.debts.filter((d) => d.above24).map((d) => d.name),
  }));

async function fillPlans({ principal, interest = "", penalties = "", fees = "", rate, per = "year", budget, lender, lumpSum = "" }) {
  const p = plans();
  await p.getByLabel(zp["plans.principal"], { exact: true }).fill(principal);
  await p.getByLabel(zp["plans.interest"], { exact: true }).fill(interest);
  await p.getByLabel(zp["plans.penalties"], { exact: true }).fill(penalties);
  await p.getByLabel(zp["plans.fees"], { exact: true }).fill(fees);
  await p.getByLabel(zp["plans.rate"], { exact: true }).fill(rate);
  await p.getByLabel(zp["plans.ratePer"], { exact: true }).selectOption(per);
  await p.getByLabel(zp["plans.budget"], { exact: true }).fill(budget);
  await p.getByLabel(zp["plans.lender"], { exact: true }).selectOption(lender);
  const more = p.locator("details.more");
  if (!(await more.evaluate((d) => d.open))) await more.locator("summary").click();
  await p.getByLabel(zp["plans.lumpSum"], { exact: true }).fill(lumpSum);
}

/** Waits until the plans table shows this monthly payment for this kind. */
async function waitForCell(kind, col, text) {
  await page.waitForFunction(
    ({ kind, col, text }) => document.querySelector(`#panel-plans tr[data-kind="${kind}"] td[data-col="${col}"]`)?.textContent === text,
    { kind, col, text },
    { timeout: 5000 },
  );
}

const PLAN = { principal: "20000", interest: "800", penalties: "600", fees: "200", rate: "18", budget: "1000", lender: "creditCard", lumpSum: "5000" };
const planInput = (x) => ({
  balance: { principal: x.principal, interest: x.interest, penalties: x.penalties, fees: x.fees },
  rate: { percent: x.rate, per: "year" },
  monthlyBudget: x.budget,
  lumpSum: x.lumpSum,
  lender: x.lender,
  deferralMonths: 3,
});

/** The fits cell as the page should show it for an expected plan. */
const fitsText = (e) =>
  e.fits ? zp["plans.fits.yes"] : e.over ? zp["plans.fits.noAt"].replace("{period}", e.over.period).replace("{amount}", e.over.amount) : zp["plans.fits.no"];

test("plans from typed amounts: the table shows the engine's plans and figures, the answer names those that fit", async () => {
  await fillPlans(PLAN);
  const expected = await plansFor(planInput(PLAN));
  assert.ok(!expected.error, JSON.stringify(expected.error));
  const cardPlanArticle = await engineInPage(page, "legalRules", undefined, (v) => v.rules.find((r) => r.id === "cnCardPersonalInstallment").source.article);
  assert.equal(typeof cardPlanArticle, "string");
  await waitForCell("installment", "monthly", expected.plans.find((p) => p.kind === "installment").monthly);
  const rows = plans().locator('table[data-testid="plans-table"] tbody tr');
  assert.equal(await rows.count(), expected.plans.length);
  for (const [i, e] of expected.plans.entries()) {
    const row = rows.nth(i);
    assert.equal(await row.getAttribute("data-kind"), e.kind);
    assert.equal(await row.locator('[data-col="months"]').textContent(), e.months, `${e.kind} months`);
    assert.equal(await row.locator('[data-col="monthly"]').textContent(), e.monthly, `${e.kind} monthly`);
    assert.equal(await row.locator('[data-col="total"]').textContent(), e.total, `${e.kind} total`);
    if (e.fits !== null) assert.equal(await row.locator('[data-col="fits"]').textContent(), fitsText(e));
    // The basis names its standing, never a right.
    const standing = await row.locator(".standing").textContent();
    assert.ok(
      [zp["plans.standing.contract"], zp["plans.standing.lenderDiscretion.bank"], zp["plans.standing.practice"]].includes(standing),
      `${e.kind}: ${standing}`,
    );
    // The rule and its note are the page's own words for the engine's basis code.
    assert.equal(await row.locator(".rule").getAttribute("data-code"), e.code);
    assert.equal(await row.locator(".rule").textContent(), zp[`plans.basis.rule.${e.code}`], `${e.kind} rule`);
    // A legal citation in the note is the rule pack's (the catalog holds its placeholder).
    const note = zp[`plans.basis.note.${e.code}`].replace("{cardPlanArticle}", cardPlanArticle);
    assert.equal(await row.locator(".basis-note p").textContent(), note, `${e.kind} note`);
  }
  const sentence = await plans().locator('[data-testid="plans-sentence"]').textContent();
  assert.match(sentence, /按每月 ¥1,000\.00 的预算，还得起的方案有：/);
  assert.match(sentence, new RegExp(zp["plans.kind.stopInterest"].replace(/[()（）]/g, ".")));
  assert.equal(await plans().locator('svg[role="img"]').count(), 1);
  assert.notEqual(await plans().locator(".chart-summary").textContent(), "");
});

test("an infeasible budget shows the least monthly amount, not hundreds of months", async () => {
  const x = { ...PLAN, budget: "200" };
  await plans().getByLabel(zp["plans.budget"], { exact: true }).fill(x.budget);
  const expected = await plansFor(planInput(x));
  assert.equal(expected.feasible, false);
  const answer = plans().locator('[data-testid="plans-answer"]');
  await answer.filter({ hasText: expected.minimum }).waitFor({ timeout: 5000 });
  assert.equal(await answer.textContent(), `至少每月 ${expected.minimum}`);
  assert.doesNotMatch(await plans().locator('[data-testid="plans-sentence"]').textContent(), /600/);
  await plans().getByLabel(zp["plans.budget"], { exact: true }).fill(PLAN.budget);
  await plans().locator('[data-testid="plans-answer"]').filter({ hasNotText: "至少" }).waitFor({ timeout: 5000 });
});

test("a budget at the least monthly amount: a plan that does not fit by its last payment names that payment", async () => {
  const x = { principal: "10000", interest: "300", penalties: "200", fees: "", rate: "24", lender: "consumerFinance", lumpSum: "" };
  const input = { ...planInput(x), monthlyBudget: "1", lumpSum: undefined, balance: { principal: x.principal, interest: x.interest, penalties: x.penalties } };
  const { minimum } = await plansFor(input);
  const budget = minimum.replace(/[^\d.]/g, "");
  const expected = await plansFor({ ...input, monthlyBudget: budget });
  // The case this test is about: a plan within the budget month by month but for one payment.
  const near = expected.plans.filter((p) => p.over);
  assert.ok(near.length > 0, `some plan misses the budget ${budget} by one payment: ${JSON.stringify(expected.plans)}`);
  await fillPlans({ ...x, budget });
  for (const e of expected.plans) {
    if (e.fits === null) continue;
    const cell = plans().locator(`tr[data-kind="${e.kind}"] td[data-col="fits"]`);
    await cell.filter({ hasText: fitsText(e) }).waitFor({ timeout: 5000 });
  }
  const e = near[0];
  assert.equal(
    await plans().locator(`tr[data-kind="${e.kind}"] td[data-col="fits"]`).textContent(),
    `✗ 第 ${e.over.period} 期 ${e.over.amount} 超出预算`,
  );
  await fillPlans(PLAN);
  await waitForCell("installment", "monthly", (await plansFor(planInput(PLAN))).plans.find((p) => p.kind === "installment").monthly);
});

// form.js keepFocus puts the focus back after a render; the plans table is rebuilt whole, so its
// buttons are the case most likely to lose it.
test("a recompute that rebuilds the table keeps the keyboard focus on the same plan's button", async () => {
  await fillPlans(PLAN);
  await waitForCell("installment", "monthly", (await plansFor(planInput(PLAN))).plans.find((p) => p.kind === "installment").monthly);
  await plans().locator('tr[data-kind="stopInterest"] button.choose').focus();
  const table = await plans().locator('table[data-testid="plans-table"]').elementHandle();
  // A new budget arrives without the focus moving, as when a debounced recompute lands after the
  // person has tabbed on into the table.
  await page.evaluate(() => {
    const input = document.querySelector("#panel-plans .field-planBudget input");
    input.value = "1500";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction((old) => !old.isConnected, table, { timeout: 5000 });
  assert.deepEqual(
    await page.evaluate(() => ({ kind: document.activeElement?.closest("tr")?.dataset.kind ?? null, choose: document.activeElement?.matches("button.choose") ?? false })),
    { kind: "stopInterest", choose: true },
  );
  await fillPlans(PLAN);
});

test("a wrong amount is shown beside its field and the last result stays", async () => {
  const rate = plans().getByLabel(zp["plans.rate"], { exact: true });
  await rate.fill("abc");
  const error = plans().locator(".field-planRate .field-error");
  await error.filter({ hasText: "合同利率需要是一个数字" }).waitFor({ timeout: 5000 });
  assert.equal(await rate.getAttribute("aria-invalid"), "true");
  assert.ok((await rate.getAttribute("aria-describedby")).split(" ").includes(await error.getAttribute("id")));
  assert.equal(await plans().locator("tbody tr").count(), 6);
  await rate.fill(PLAN.rate);
  await error.waitFor({ state: "hidden" });
});

const DEBTS = [
  { name: "信用卡", balance: "5000", rate: "0.05", per: "day", min: "200" },
  { name: "银行贷款", balance: "12000", rate: "18", per: "year", min: "300" },
  { name: "借款App", balance: "2000", rate: "3", per: "month", min: "100" },
];
const debtInput = (list, budget) => ({
  debts: list.map((d) => ({ name: d.name, balance: d.balance, rate: { percent: d.rate, per: d.per }, minPayment: d.min })),
  monthlyBudget: budget,
  compare: true,
});

async function waitForDebtCell(row, strategy, text) {
  await page.waitForFunction(
    ({ row, strategy, text }) => document.querySelector(`#panel-debts tr[data-row="${row}"] td[data-strategy="${strategy}"]`)?.textContent === text,
    { row, strategy, text },
    { timeout: 5000 },
  );
}

test("three debts and a budget: three strategies side by side, the cheapest marked, high rates flagged", async () => {
  const d = debts();
  await d.getByRole("button", { name: zd["debts.add"] }).click();
  const rows = d.locator("li.debt-row");
  assert.equal(await rows.count(), 3);
  for (const [i, x] of DEBTS.entries()) {
    const row = rows.nth(i);
    await row.getByLabel(zd["debts.name"], { exact: true }).fill(x.name);
    await row.getByLabel(zd["debts.balance"], { exact: true }).fill(x.balance);
    await row.getByLabel(zd["debts.rate"], { exact: true }).fill(x.rate);
    await row.getByLabel(zd["debts.ratePer"], { exact: true }).selectOption(x.per);
    await row.getByLabel(zd["debts.minPayment"], { exact: true }).fill(x.min);
  }
  await d.getByLabel(zd["debts.budget"], { exact: true }).fill("1200");
  const expected = await debtsFor(debtInput(DEBTS, "1200"));
  assert.equal(expected.feasible, true);
  for (const c of expected.comparison) await waitForDebtCell("interest", c.strategy, c.interest);
  const heads = d.locator('table[data-testid="debts-table"] thead th');
  assert.equal(await heads.count(), 3);
  for (const c of expected.comparison) {
    assert.equal(await d.locator(`tr[data-row="months"] td[data-strategy="${c.strategy}"]`).textContent(), c.months);
  }
  assert.ok((await d.locator("thead th.is-best").count()) >= 1);
  assert.equal(await d.locator('tr[data-row="payoff"]').count(), 3);
  const flags = d.locator('[data-testid="debt-flags"]');
  assert.equal(await d.locator(".above-line").count(), 1, "the warning colour only for the rates above a line");
  for (const name of expected.above24) assert.match(await flags.textContent(), new RegExp(name));
  assert.equal(await d.locator('svg[role="img"]').count(), 1);

  // Moving the last debt to the top changes what "in your order" pays first.
  await rows.nth(2).getByRole("button", { name: "欠款 3 上移" }).click();
  await rows.nth(1).getByRole("button", { name: "欠款 2 上移" }).click();
  const reordered = await debtsFor(debtInput([DEBTS[2], DEBTS[0], DEBTS[1]], "1200"));
  const order = reordered.comparison.find((c) => c.strategy === "order");
  await waitForDebtCell("interest", "order", order.interest);
  assert.equal(await rows.nth(0).getByLabel(zd["debts.name"], { exact: true }).inputValue(), DEBTS[2].name);
});

test("a budget below the minimums shows the least budget that clears every debt", async () => {
  const d = debts();
  await d.getByLabel(zd["debts.budget"], { exact: true }).fill("300");
  const expected = await debtsFor(debtInput([DEBTS[2], DEBTS[0], DEBTS[1]], "300"));
  assert.equal(expected.feasible, false);
  const answer = d.locator('[data-testid="debts-answer"]');
  await answer.filter({ hasText: expected.minimumBudget }).waitFor({ timeout: 5000 });
  assert.match(await d.locator('[data-testid="debts-sentence"]').textContent(), new RegExp(`每月至少需要 ${expected.minimumBudget.replace(/[.$]/g, "\\$&")}`));
  await d.getByLabel(zd["debts.budget"], { exact: true }).fill("1200");
  await answer.filter({ hasNotText: "至少" }).waitFor({ timeout: 5000 });
});

test("choosing a plan writes the letter with its monthly payment, months and total", async () => {
  const expected = await plansFor(planInput(PLAN));
  const plan = expected.plans.find((p) => p.kind === "waivePenalties");
  await plans().locator('tr[data-kind="waivePenalties"] button.choose').click();
  const letter = page.locator('#panel-letter [data-testid="letter"]');
  await letter.waitFor();
  const L = page.locator("#panel-letter");
  await L.getByLabel(zl["letter.lender"], { exact: true }).fill("某某银行信用卡中心");
  await L.getByLabel(zl["letter.reason"], { exact: true }).fill("今年三月失业，现在打零工。");
  await letter.filter({ hasText: "某某银行信用卡中心" }).waitFor();
  const text = await letter.textContent();
  assert.match(text, new RegExp(`分 ${plan.months} 期`));
  assert.ok(text.includes(`每月还款 ${plan.monthlyMoney}`), text);
  assert.ok(text.includes(`合计还款 ${plan.totalMoney}`), text);
  assert.ok(text.includes("今年三月失业"));
  assert.ok(text.includes("罚息"), "asks to waive penalty interest");
  assert.ok(text.includes("22:00"), "asks that collection follow the rules");
  assert.ok(text.includes("身份证"), "lists the documents to attach");
  assert.equal(await plans().locator('tr[data-kind="waivePenalties"] button.choose').getAttribute("aria-pressed"), "true");
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: session.origin });
  await L.getByRole("button", { name: zl["letter.copy"] }).click();
  await L.locator(".letter-status").filter({ hasText: /已复制|已选中/ }).waitFor({ timeout: 5000 });
  if ((await L.locator(".letter-status").textContent()) === zl["letter.copied"]) {
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.includes(plan.monthlyMoney));
  }
});

test("screenshots at 360×740 and 1280×800", async () => {
  const scrollWidth = await widthAt(page, 360, 740);
  assert.ok(scrollWidth <= 360, `no sideways scrolling at 360 px (scrollWidth ${scrollWidth})`);
  await plans().scrollIntoViewIfNeeded();
  await screenshot(page, "plans-360x740");
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, "plans-1280x800");
});

test("no console errors, page errors or third-party requests throughout", () => {
  assert.deepEqual(session.problems, []);
});

/** Text under each element matched by sel that is laid out on more than one line: [{ text, lines }]. */
function wrapped(sel) {
  return page.evaluate((sel) => {
    const out = [];
    for (const el of document.querySelectorAll(sel)) {
      if (!el.getClientRects().length) continue;
      const r = document.createRange();
      r.selectNodeContents(el);
      const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
      if (tops.size > 1) out.push({ text: el.textContent, lines: tops.size });
    }
    return out;
  }, sel);
}

test("at 1280 px the plans table keeps its buttons and short headings on one line", async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  try {
    await fillPlans(PLAN);
    const expected = await plansFor(planInput(PLAN));
    await waitForCell("installment", "monthly", expected.plans.find((p) => p.kind === "installment").monthly);
    await plans().locator("tr button.choose").first().click();
    await plans().locator("tr button.choose.is-chosen").waitFor();
    assert.deepEqual(await wrapped('#panel-plans [data-testid="plans-table"] button.choose'), []);
    assert.deepEqual(await wrapped('#panel-plans [data-testid="plans-table"] thead th.num'), []);
    assert.deepEqual(await wrapped('#panel-plans [data-testid="plans-table"] td.num'), []);
    // The form column is wide enough for its labels and fields.
    const form = await plans().locator("form.plans-form").boundingBox();
    assert.ok(form.width >= 300, `plans form ${form.width} px`);
    await screenshot(page, "plans-1280");
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});
