// A full scenario on the page, shared by the accessibility, print, export and
// screenshot tests: a loan (the terms panel's defaults), an overdue case (typed
// by hand from the loan: its amount and rate, 30 days), a budget in the plans panel and a plan
// chosen (so the letter is written), two debts with a budget, and every
// disclosure opened so that nothing is left out of a check.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./helpers.mjs";
import zhCatalogs from "./shown/zh-CN.mjs";

/** Every zh-CN message, to find fields by their visible labels. */
export const zh = Object.assign({}, ...zhCatalogs);

export const PANELS = ["terms", "overdue", "plans", "debts", "letter", "rights"];
export const SIZES = [
  { name: "360x740", width: 360, height: 740 },
  { name: "1280x800", width: 1280, height: 800 },
];

/** Waits until every panel has mounted and the first results are on screen. */
export async function ready(page) {
  for (const id of PANELS) await page.locator(`#panel-${id} h2`).waitFor();
  await page.locator('#panel-terms [data-testid="nominal"]').waitFor();
  await overdueByHand(page);
}

/**
 * The overdue panel computes nothing from an example: a case typed by hand from the loan above
 * (its amount and rate carried by the button, and shown), 30 days overdue; waits for its result.
 */
export async function overdueByHand(page) {
  const od = page.locator("#panel-overdue");
  await od.locator('[data-testid="od-basis"]').waitFor();
  if (!(await od.locator('[data-testid="od-total-charges"]').count())) {
    // As events, not clicks: the keyboard tests start from the top of the page, with no focus moved here.
    await od.evaluate((root) => {
      const basis = root.querySelector('[data-testid="od-basis"]');
      basis.value = "manual";
      basis.dispatchEvent(new Event("change", { bubbles: true }));
      root.querySelector("button.od-from-loan").click();
      const days = root.querySelector(".od-field-days input");
      days.value = "30";
      days.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  await od.locator('[data-testid="od-total-charges"]').waitFor();
}

export async function setLang(page, code) {
  await page.locator("#lang-select").selectOption(code);
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

/** Fills the plans budget, chooses the first plan that fits, and two debts with a budget. */
export async function fillScenario(page) {
  await ready(page);
  const plans = page.locator("#panel-plans");
  await plans.locator("input").nth(0).waitFor();
  // The plans panel is prefilled from the overdue panel; a budget makes the answer.
  const budget = plans.locator('.field-planBudget input');
  await budget.fill("1500");
  await plans.locator('[data-testid="plans-table"]').waitFor();
  await page.waitForFunction(() => document.querySelector("#panel-plans .fits-yes"));
  await plans.locator("tr:has(.fits-yes) button.choose").first().click();
  await page.locator('#panel-letter [data-testid="letter"] p').first().waitFor();
  const debts = page.locator("#panel-debts");
  const rows = debts.locator(".debt-row");
  const fill = async (i, name, balance, rate, min) => {
    const r = rows.nth(i);
    await r.locator(".field-debtName input").fill(name);
    await r.locator(".field-debtBalance input").fill(balance);
    await r.locator(".field-debtRate input").fill(rate);
    await r.locator(".field-debtMin input").fill(min);
  };
  await fill(0, "信用卡", "8000", "18", "400");
  await fill(1, "网贷A", "5000", "36", "300");
  await debts.locator(".field-debtBudget input").fill("1500");
  await debts.locator('[data-testid="debts-table"]').waitFor();
  await debts.locator('[data-testid="debts-chart"]').waitFor();
  await page.waitForTimeout(300);
}

/** Opens every <details> on the page (the schedule, sources, notes, "more" boxes). */
export function openAll(page) {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
}

let axeSource = null;
/** Loads axe-core into the page from node_modules, served on the page's own origin (the CSP allows 'self' only). */
export async function injectAxe(page) {
  axeSource ??= await readFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  if (await page.evaluate(() => typeof window.axe === "object")) return;
  await page.route("**/__test__/axe.min.js", (r) => r.fulfill({ contentType: "text/javascript", body: axeSource }));
  await page.addScriptTag({ url: "/__test__/axe.min.js" });
}

/** axe's WCAG 2.1 A/AA violations (and best practices) inside selector: [{ id, impact, nodes: [target] }]. */
export function axeViolations(page, selector) {
  return page.evaluate(async (sel) => {
    const r = await window.axe.run(sel, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`) }));
  }, selector);
}

/** Fills every panel with figures other than the defaults, rows included. */
export async function fillAll(page) {
  const label = (text, scope = page) => scope.getByLabel(text, { exact: true });
  await label(zh["terms.principal"]).fill("1000000");
  await label(zh["terms.rate"]).fill("4.9");
  await label(zh["terms.periods"]).fill("360");
  // The fee and prepayment rows sit in folded <details>: open them, then add a row of each.
  await page.evaluate(() => {
    for (const key of ["terms.addFee", "terms.addPrepayment"]) {
      const add = document.querySelector(`#panel-terms button[data-i18n="${key}"]`);
      add.closest("details").open = true;
      add.click();
    }
  });
  const fee = page.locator("#panel-terms fieldset.row").first();
  await label(zh["terms.feeLabel"], fee).fill("服务费");
  await label(zh["terms.feeAmount"], fee).fill("1000");
  const pre = page.locator("#panel-terms fieldset.row").nth(1);
  await label(zh["terms.prepayPeriod"], pre).fill("24");
  await label(zh["terms.prepayAmount"], pre).fill("50000");
  await label(zh["od.basisLabel"]).selectOption("manual");
  await label(zh["od.principal"]).fill("20000");
  await label(zh["od.days"]).fill("45");
  await label(zh["plans.budget"]).fill("1500");
  const rows = page.locator("#panel-debts fieldset.row");
  for (const [i, d] of [["网贷A", "5000", "24", "200"], ["信用卡", "8000", "18", "300"]].entries()) {
    await label(zh["debts.name"], rows.nth(i)).fill(d[0]);
    await label(zh["debts.balance"], rows.nth(i)).fill(d[1]);
    await label(zh["debts.rate"], rows.nth(i)).fill(d[2]);
    await label(zh["debts.minPayment"], rows.nth(i)).fill(d[3]);
  }
  await label(zh["debts.budget"]).fill("1500");
  await page.waitForTimeout(400);
  await page.locator("#panel-plans button.choose").first().click(); // the letter opens with a chosen plan
  await label(zh["letter.name"]).fill("张三");
  await page.waitForTimeout(600); // the panels' debounce and the prefills that follow
}

/** Types the reference loan (1,000,000 over 360 months at 4.9 %/year, annuity) and waits for ¥5,307.27. */
export async function enterReferenceLoan(page) {
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor({ timeout: 15000 });
  const field = (label) => page.getByLabel(label, { exact: true });
  await field(zh["terms.principal"]).fill("1000000");
  await field(zh["terms.rate"]).fill("4.9");
  await field(zh["terms.ratePer"]).selectOption("year");
  await field(zh["terms.periods"]).fill("360");
  await field(zh["terms.method"]).selectOption("annuity");
  await page.waitForFunction(() => document.querySelector('[data-testid="payment"]')?.textContent === "¥5,307.27", null, { timeout: 5000 });
}
