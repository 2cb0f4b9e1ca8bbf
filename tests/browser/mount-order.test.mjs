// A person who types before the later panels have mounted (a slow phone, a
// loaded machine) gets the same figures as one who waits. The order is forced
// here, not left to the machine's speed: the plans panel's module is held back
// until the loan is typed, and the overdue panel's last good result is older
// than the loan when the plans panel mounts (its principal is being retyped,
// so it has no newer result to share). The plans must still be built on the
// loan's rate, as they are when every panel is there first.
// Run: make build && node --test --test-concurrency=1 tests/browser/mount-order.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, watchPage, engineInPage } from "./helpers.mjs";
import { terms as zt, overdue as zo, plans as zp } from "./shown/zh-CN.mjs";

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

/** The engine's input for the case, as the panels build it (tests/browser/case.test.mjs). */
const CASE = {
  overdue: { overdue: { principal: "15000" }, days: 45, penalty: { rate: { percent: "0.1", per: "day" } }, compound: false, lender: "microLoan", dayBasis: "360", upfrontDeduction: "2000.00" },
  rate: { percent: "0.05", per: "day" },
  monthlyBudget: "1200",
};

test("a loan typed before the plans panel mounts reaches the plans, whatever the overdue panel shared earlier", async () => {
  const page = await browser.context.newPage();
  watched.push(watchPage(page, server.url.replace(/\/$/, "")));
  // Hold the plans panel's module until released.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route((u) => u.pathname === "/panels/plans.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url);
  const o = page.locator("#panel-overdue");
  // The overdue amounts typed by hand (where the panel also offers the case from the loan).
  const basis = o.locator('[data-testid="od-basis"]');
  await o.locator("form").first().waitFor();
  if (await basis.count()) await basis.selectOption("manual");
  const principal = o.getByLabel(zo["od.principal"], { exact: true });
  await principal.waitFor();
  // The panel computes nothing from an example: the case typed by hand from the loan above (its
  // default 12 % a year carried by the button), 30 days overdue.
  const fromLoan = o.locator("button.od-from-loan");
  if (await fromLoan.count()) {
    await fromLoan.click();
    await o.locator(".od-field-days input").fill("30");
  }
  // The overdue panel is here (it shared its first result, on the loan's default 12 % a year); the plans are not.
  await o.locator('[data-testid="od-total"]').filter({ hasText: "¥" }).waitFor();
  assert.equal(await page.locator("#panel-plans form").count(), 0);

  // The overdue principal is being retyped (empty: no newer result), and the loan is entered.
  await principal.fill("");
  const t = page.locator("#panel-terms");
  await t.getByLabel(zt["terms.principal"], { exact: true }).fill("20000");
  await t.getByLabel(zt["terms.received"], { exact: true }).fill("18000");
  await t.getByLabel(zt["terms.rate"], { exact: true }).fill("0.05");
  await t.getByLabel(zt["terms.ratePer"], { exact: true }).selectOption("day");
  await t.getByLabel(zt["terms.periods"], { exact: true }).fill("12");
  await t.getByLabel(zt["terms.method"], { exact: true }).selectOption("annuity");
  // The overdue panel took the loan's rate (its own field), and still has no newer result.
  await page.waitForFunction(() => document.querySelector("#panel-overdue .od-field-contractRate input")?.value === "0.05");

  // Now the plans panel mounts, then the overdue case is completed on a penalty rate of its own.
  release();
  const p = page.locator("#panel-plans");
  await p.getByLabel(zp["plans.budget"], { exact: true }).fill("1200");
  await principal.fill("15000");
  await o.getByLabel(zo["od.periodMode"], { exact: true }).selectOption("days");
  await o.getByLabel(zo["od.days"], { exact: true }).fill("45");
  await o.getByLabel(zo["od.lender"], { exact: true }).selectOption("microLoan");
  await o.getByLabel(zo["od.penaltyMode"], { exact: true }).selectOption("rate");
  await o.getByLabel(zo["od.penaltyRate"], { exact: true }).fill("0.1");
  await o.getByLabel(zo["od.penaltyRatePer"], { exact: true }).selectOption("day");
  const compound = o.getByLabel(zo["od.compound"], { exact: true });
  if (await compound.isChecked()) await compound.uncheck();

  // The case has reached the plans (the lawful total is the case's)…
  await p.locator('[data-testid="lawful-total"] dd').filter({ hasText: "¥13,390.00" }).waitFor();
  // …and so has the loan's rate: 0.05 % a day, not the 12 % a year the overdue panel shared before the loan was typed.
  assert.equal(await p.getByLabel(zp["plans.rate"], { exact: true }).inputValue(), "0.05");
  assert.equal(await p.getByLabel(zp["plans.ratePer"], { exact: true }).inputValue(), "day");
  const cell = await engineInPage(page, "repaymentPlans", CASE, (v, fmt) => fmt.amount(v.plans.find((x) => x.kind === "installment").monthlyPayment));
  assert.equal(cell, "1,141.37"); // the figure the clean-clone run waited for
  await p.locator('tr[data-kind="installment"] td[data-col="monthly"]').filter({ hasText: cell }).waitFor();
  await page.close();
});

test("no console errors, page errors or third-party requests", () => {
  assert.deepEqual(watched.flat(), []);
});
