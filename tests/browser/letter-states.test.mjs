// The letter is safe to send on every path: rendered across many states (the
// amounts typed in the plans panel with no overdue panel, the plans and the
// letter embedded alone as `panels=plans,letter` in an iframe, each lender
// type, each plan kind, a budget that does not cover a plan), it never shows a
// "{…}" placeholder, states the lender's figures as the lender's
// ("按贵机构的计算"), proposes rather than promises, and under a plan above the
// budget never promises to pay it ("我将一次性还清", "我会按协议还款").
// Run: make build && node --test --test-concurrency=1 tests/browser/letter-states.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, watchPage, startHost, hostCsp } from "./helpers.mjs";
import { plans as zp, letter as zl } from "./shown/zh-CN.mjs";

let server;
let url;
let browser;
const problems = [];

before(async () => {
  server = await startServer();
  url = server.url.replace(/\/$/, "");
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  assert.deepEqual(problems, []);
});

/** Any "{name}" left in a text. */
const PLACEHOLDER = /\{\w+\}/;
const LENDERS = ["creditCard", "bank", "consumerFinance", "microLoan", "private", "other"];

async function newPage() {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  page.problems = watchPage(page, url);
  return page;
}

/**
 * Numbers, in order, the last change a person made (an input or change event) and the last draw
 * of the overdue panel's result and of the plans table, once per document (scope: the page or the
 * embed's frame, whose panels are in an element's shadow root). The panels recompute a moment
 * after a change, and the plans once the case reaches them from the overdue panel: a plan chosen
 * before its table is drawn for the last change would be clicked in a table about to be replaced.
 */
async function watchDraws(scope) {
  await scope.evaluate(() => {
    // The first element matching sel in the document or any shadow root in it.
    window.__deep ??= function deep(sel, root = document) {
      const hit = root.querySelector(sel);
      if (hit) return hit;
      for (const el of root.querySelectorAll("*")) {
        const inner = el.shadowRoot && deep(sel, el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
  });
  await scope.waitForFunction(() => window.__deep(".plans-table"));
  await scope.evaluate(() => {
    if (window.__draws) return;
    let n = 0;
    const d = (window.__draws = { change: 0, overdue: 0, plans: 0 });
    const table = window.__deep(".plans-table");
    for (const root of new Set([document, table.getRootNode()])) {
      for (const type of ["input", "change"]) root.addEventListener(type, () => (d.change = ++n), true);
    }
    const watch = (el, key) => el && new MutationObserver(() => (d[key] = ++n)).observe(el, { childList: true, subtree: true, characterData: true });
    watch(window.__deep("#panel-overdue section.od-result"), "overdue");
    watch(table, "plans");
    window.__plansLender = () => table.closest("#panel-plans, [data-panel=plans]")?.querySelector(".field-planLender select")?.value;
  });
}

/** Waits until the plans table has been drawn after the last change, with lender chosen in it. */
const plansDrawn = (scope, lender) => scope.waitForFunction((l) => window.__draws.plans > window.__draws.change && window.__plansLender() === l, lender);

/** Waits until the overdue panel has computed the case after the last change, and the plans table has been drawn on it. */
const caseDrawn = (scope) => scope.waitForFunction(() => window.__draws.overdue > window.__draws.change && window.__draws.plans > window.__draws.overdue);

/** Types an amount owed in the plans panel (scope: the page or the embed's frame). */
async function typeOwed(scope, { principal, penalties, budget, lender }) {
  const p = scope.locator("#panel-plans, [data-panel=plans]").first();
  await watchDraws(scope);
  await p.getByLabel(zp["plans.principal"], { exact: true }).fill(principal);
  await p.getByLabel(zp["plans.penalties"], { exact: true }).fill(penalties);
  await p.getByLabel(zp["plans.budget"], { exact: true }).fill(budget);
  await p.getByLabel(zp["plans.lender"], { exact: true }).selectOption(lender);
  await plansDrawn(scope, lender);
  await p.locator('[data-testid="plans-table"] tr[data-kind]').first().waitFor();
  return p;
}

/** Chooses every plan in turn and checks the letter each time; returns the number of letters read. */
async function everyPlan(scope, p, label) {
  const rows = p.locator('[data-testid="plans-table"] tr[data-kind]');
  const kinds = await rows.evaluateAll((trs) => trs.map((tr) => ({ kind: tr.dataset.kind, over: tr.classList.contains("over") })));
  assert.ok(kinds.length >= 5, `${label}: plans ${kinds.map((k) => k.kind)}`);
  let n = 0;
  for (const { kind, over } of kinds) {
    await p.locator(`tr[data-kind="${kind}"] button.choose`).click();
    const letter = scope.locator('[data-testid="letter"]').first();
    await letter.locator("p").first().waitFor();
    // The chosen plan's figures are written (the letter follows the choice).
    await p.locator(`tr[data-kind="${kind}"] button.is-chosen`).waitFor();
    const text = await letter.innerText();
    const where = `${label}, ${kind}${over ? " (over budget)" : ""}`;
    assert.doesNotMatch(text, PLACEHOLDER, `${where}: a placeholder in\n${text}`);
    assert.ok(text.includes("按贵机构的计算"), `${where}: the lender's figures as theirs`);
    assert.doesNotMatch(text, /我将一次性还清|法律支持的金额/, where);
    if (over) {
      assert.doesNotMatch(text, /我会按协议还款|我会按期还款/, `${where}: no promise above the budget`);
    }
    // The page around the letter says what it acknowledges before it is sent.
    const before = await scope.locator('[data-testid="letter-before"]').first().innerText();
    assert.ok(before.includes(zl["letter.before"]), where);
    n++;
  }
  return n;
}

test("the plans typed by hand with no overdue case: every lender, every plan, a budget below some plans", async () => {
  const page = await newPage();
  await page.goto(url);
  await page.locator('#panel-plans [data-testid="plans-sentence"]').waitFor();
  let letters = 0;
  for (const lender of LENDERS) {
    const p = await typeOwed(page, { principal: "15000", penalties: "2150", budget: "800", lender });
    letters += await everyPlan(page, p, `page, ${lender}`);
  }
  assert.ok(letters >= LENDERS.length * 5, `${letters} letters read`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a budget that covers no plan: 不协商 never promises to pay at once", async () => {
  const page = await newPage();
  await page.goto(url);
  const p = await typeOwed(page, { principal: "15000", penalties: "150", budget: "300", lender: "microLoan" });
  await p.locator('tr[data-kind="asIs"].over').waitFor();
  await p.locator('tr[data-kind="asIs"] button.choose').click();
  const text = await page.locator('[data-testid="letter"]').innerText();
  assert.doesNotMatch(text, /我将一次性还清|我提议按原合同一次性还清/);
  assert.ok(text.includes("无法按原合同一次性还清"), text);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the plans and the letter alone in an iframe (panels=plans,letter): every plan, no placeholder", async () => {
  const host = await startHost({
    "/": {
      type: "text/html; charset=utf-8",
      body: `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${hostCsp(url)}"><title>host</title><iframe id="fr" title="calculator" width="360" height="2400" src="${url}/embed.html#panels=plans,letter&amp;lang=zh-CN"></iframe>`,
    },
  });
  try {
    const page = await newPage();
    await page.goto(`${host.origin}/`);
    const frame = await (await page.locator("#fr").elementHandle()).contentFrame();
    await frame.locator('[data-testid="plans-sentence"]').first().waitFor();
    const p = await typeOwed(frame, { principal: "8000", penalties: "960", budget: "500", lender: "consumerFinance" });
    const n = await everyPlan(frame, p, "embed");
    assert.ok(n >= 5);
    await page.close();
  } finally {
    await host.close();
  }
});

test("the case from the loan, each lender of record (unknown and unlicensed too): every plan's letter is safe", async () => {
  const { terms: zt, overdue: zo } = await import("./shown/zh-CN.mjs");
  const page = await newPage();
  await page.clock.setFixedTime(new Date("2026-12-07T10:00:00"));
  await page.goto(url);
  const t = page.locator("#panel-terms");
  const o = page.locator("#panel-overdue");
  await o.getByLabel(zo["od.paid"], { exact: true }).waitFor();
  await t.getByLabel(zt["terms.principal"], { exact: true }).fill("20000");
  await t.getByLabel(zt["terms.received"], { exact: true }).fill("18500");
  await t.getByLabel(zt["terms.rate"], { exact: true }).fill("18");
  await t.getByLabel(zt["terms.periods"], { exact: true }).fill("12");
  await t.getByLabel(zt["terms.startDate"], { exact: true }).fill("2026-05-23");
  await o.getByLabel(zo["od.basisLabel"], { exact: true }).selectOption("loan");
  await o.getByLabel(zo["od.paid"], { exact: true }).fill("4");
  await o.getByLabel(zo["od.collectionFee"], { exact: true }).fill("300");
  const p = page.locator("#panel-plans");
  await p.getByLabel(zp["plans.budget"], { exact: true }).fill("1500");
  await watchDraws(page);
  let letters = 0;
  for (const lender of ["bank", "creditCard", "consumerFinance", "microLoan", "private", "unlicensed", "unknown"]) {
    await o.getByLabel(zo["od.lender"], { exact: true }).selectOption(lender);
    await caseDrawn(page);
    // The plans are built on the case (its claim shown in the amounts) for this lender.
    await page.waitForFunction((l) => document.querySelector("#panel-overdue .od-field-lender select")?.value === l, lender);
    await p.locator('[data-testid="plans-case-note"]:not([hidden])').waitFor();
    letters += await everyPlan(page, p, `case from the loan, ${lender}`);
  }
  assert.ok(letters >= 7 * 5, `${letters} letters read`);
  assert.deepEqual(page.problems, []);
  await page.close();
});
