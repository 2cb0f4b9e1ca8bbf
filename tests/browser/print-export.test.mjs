// The print pack, the CSV exports and the screenshots of every panel.
// Print: with print media the page is a clean document (the summary of each
// panel in use, the schedule, the overdue breakdown with its sources open, the
// chosen plan and the letter, the date and "computed on this device"), with no
// buttons, forms or language switch; page.pdf() writes out/print.pdf.
// CSV: each download (terms schedule, plans schedules, debts timeline) starts
// with a BOM, has headers in the page's language, every figure exactly the
// engine's string, and today's date in its name.
// Screenshots: out/screenshots/<panel>-<lang>-<size>.png for every panel,
// language and size.
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { openPage, engineInPage, ROOT, SCREENSHOTS } from "./helpers.mjs";
import { LANGUAGES } from "../../www/i18n.js";
import { PANELS, SIZES, fillScenario, openAll, setLang } from "./scenario.mjs";

let session;
let page;

before(async () => {
  session = await openPage();
  page = session.page;
  await fillScenario(page);
});

after(() => session?.close());

const today = () => {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** Clicks the button and returns { name, text } of the file it saves. */
async function download(selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: await readFile(file, "utf8") };
}

/** CSV text → rows of fields (the page quotes only fields with , " or line breaks). */
function parseCsv(text) {
  const rows = [];
  for (const line of text.replace(/^\uFEFF/, "").split("\r\n")) {
    if (!line) continue;
    const out = [];
    let m;
    const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
    while ((m = re.exec(line)) && m[0] !== "") {
      out.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
      if (m[2] === "") break;
    }
    rows.push(out);
  }
  return rows;
}

test("CSV of the terms schedule: BOM, headers in the page language, the engine's figures, dated name", async () => {
  for (const l of LANGUAGES) {
    await setLang(page, l.code);
    await page.evaluate(() => (document.querySelector("#panel-terms details.schedule").open = true));
    const { name, text } = await download('#panel-terms [data-testid="csv-terms"]');
    assert.ok(text.startsWith("\uFEFF"), "BOM");
    const base = { "zh-CN": "还款计划", "zh-TW": "還款計畫", en: "repayment-schedule" }[l.code];
    assert.equal(name, `${base}-${today()}.csv`);
    const rows = parseCsv(text);
    const headers = await page.$$eval("#panel-terms details.schedule thead th", (ths) => ths.map((x) => x.textContent));
    assert.deepEqual(rows[0], headers, `${l.code} headers`);
    // The engine's own rows for the loan on the page (the terms panel's defaults).
    const loan = await page.evaluate(() => {
      const f = (sel) => document.querySelector(`#panel-terms ${sel}`).value;
      return {
        principal: f(".field-principal input"), rate: { percent: f(".field-rate input"), per: f(".field-rate select") },
        periods: f(".field-periods input"), method: f(".field-method select"), startDate: f(".field-startDate input"), dayBasis: f(".field-dayBasis select"),
      };
    });
    const expected = await engineInPage(page, "loanTerms", loan, (v) => v.schedule.map((r) => [String(r.period), r.dueDate, r.payment, r.principal, r.interest, r.fees, r.balance]));
    assert.deepEqual(rows.slice(1), expected, `${l.code} figures`);
  }
  await setLang(page, "zh-CN");
});

test("CSV of the plans' schedules and of the debts timeline: every figure is the engine's", async () => {
  const plansInput = await page.evaluate(() => {
    const f = (sel) => document.querySelector(`#panel-plans ${sel}`).value.trim();
    const bal = { principal: f(".field-planPrincipal input") };
    for (const [k, c] of [["interest", "planInterest"], ["penalties", "planPenalties"], ["fees", "planFees"]]) if (f(`.field-${c} input`)) bal[k] = f(`.field-${c} input`);
    const input = { balance: bal, lender: f(".field-planLender select"), monthlyBudget: f(".field-planBudget input") };
    if (f(".field-planRate input")) input.rate = { percent: f(".field-planRate input"), per: f(".field-planRate select") };
    if (f(".field-planDeferral input")) input.deferralMonths = Number(f(".field-planDeferral input"));
    return input;
  });
  const plansCsv = await download('#panel-plans [data-testid="csv-plans"]');
  assert.ok(plansCsv.text.startsWith("\uFEFF"));
  assert.equal(plansCsv.name, `协商方案还款计划-${today()}.csv`);
  const pr = parseCsv(plansCsv.text);
  assert.equal(pr[0][0], "方案");
  const expectedPlans = await engineInPage(page, "repaymentPlans", plansInput, (v) => v.plans.flatMap((x) => x.schedule.map((r) => [r.payment, r.principal, r.interest, r.balance])));
  assert.deepEqual(pr.slice(1).map((r) => r.slice(-4)), expectedPlans);

  const debtsCsv = await download('#panel-debts [data-testid="csv-debts"]');
  assert.ok(debtsCsv.text.startsWith("\uFEFF"));
  assert.equal(debtsCsv.name, `多笔欠款还款时间表-${today()}.csv`);
  const dr = parseCsv(debtsCsv.text);
  assert.deepEqual(dr[0], ["月份", "信用卡 余额", "网贷A 余额", "信用卡 还款", "网贷A 还款", "当月合计还款", "当月利息"]);
  const strategy = await page.locator('#panel-debts th.is-best[data-strategy]').first().getAttribute("data-strategy");
  const debtsInput = {
    debts: [
      { name: "信用卡", balance: "8000", rate: { percent: "18", per: "year" }, minPayment: "400" },
      { name: "网贷A", balance: "5000", rate: { percent: "36", per: "year" }, minPayment: "300" },
    ],
    monthlyBudget: "1500",
    strategy,
  };
  const expectedDebts = await engineInPage(page, "debtPlan", debtsInput, (v) => v.timeline.map((m) => [String(m.month), ...m.balances, ...m.payments, m.paid, m.interest]));
  assert.deepEqual(dr.slice(1), expectedDebts);
});

test("print: a clean document with each panel in use, the schedule, the sources, the plan, the letter and the footer; out/print.pdf", async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = false;
  });
  await page.emulateMedia({ media: "print" });
  const visible = (sel) => page.locator(sel).first().isVisible();
  for (const sel of [
    '#panel-terms [data-testid="payment"]',
    "#panel-terms details.schedule table",
    '#panel-overdue [data-testid="od-total"]',
    '#panel-overdue [data-testid="od-penalty"]',
    "#panel-overdue details.source .source-list",
    '#panel-plans [data-testid="plans-table"]',
    "#panel-plans tr:has(.is-chosen)",
    '#panel-debts [data-testid="debts-table"]',
    '#panel-letter [data-testid="letter"]',
    '[data-testid="print-footer"]',
  ]) {
    assert.equal(await visible(sel), true, `visible in print: ${sel}`);
  }
  for (const sel of ["#lang-select", "button", "form", ".skip-link", ".offline-notice"]) {
    const shown = await page.locator(sel).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
    assert.equal(shown, 0, `hidden in print: ${sel}`);
  }
  assert.match(await page.locator('[data-testid="print-footer"]').textContent(), /在本机计算/);
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "print-zh-CN.png"), fullPage: true });
  const pdf = await page.pdf({ path: path.join(ROOT, "out", "print.pdf"), format: "A4", printBackground: true });
  assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === "%PDF-");
  await page.emulateMedia({ media: "screen" });
});

test("screenshots of every panel × language × size", async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const l of LANGUAGES) {
    await setLang(page, l.code);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.waitForTimeout(100);
      for (const p of PANELS) {
        const file = path.join(SCREENSHOTS, `${p}-${l.code}-${size.name}.png`);
        await page.locator(`#panel-${p}`).screenshot({ path: file });
      }
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await setLang(page, "zh-CN");
});
