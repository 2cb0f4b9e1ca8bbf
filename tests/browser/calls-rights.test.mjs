// The calls and rights panels with the case's lender type, in zh-CN at 360 px:
// the "also see" laws under a flag are readable text (not "[object …]"), the
// rights panel with every lender type shows no stray "null", the calls panel
// points to the "remember" box where it is (the header, above the panels),
// both panels take the overdue panel's lender type until the person picks one
// there, the pick and the lender's name come back after a reload with
// "remember" (the rights pick also through a share link, the calls panel's
// never), and the complaint pack for a microloan company: each channel named
// once, no rule called binding on a lender it does not bind, breaches of
// rules that bind it counted apart from those of the guideline that does not,
// the criminal-law article cited with its condition (illegal debts), the
// complainant's name from the letter panel (never in a share link); the
// letter's collection-hours paragraph is a request for such a lender.
// Run: make build && node --test --test-concurrency=1 tests/browser/calls-rights.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage } from "./helpers.mjs";
import * as zhCatalog from "../../www/i18n/zh-CN.js";

const zh = Object.assign({}, ...zhCatalog.default);
let session;
let page;
let calls;
let rights;

before(async () => {
  session = await openPage();
  page = session.page;
  await page.setViewportSize({ width: 360, height: 740 });
  calls = page.locator("#panel-calls");
  rights = page.locator("#panel-rights");
  await calls.locator('[data-testid="calls-summary"]').waitFor();
  await rights.locator('[data-testid="rights-facts"]').waitFor();
  await page.locator('#panel-overdue [data-testid="od-total-charges"]').waitFor();
});

after(() => session?.close());

/** Sets the overdue panel's lender type (the case's) as a person would. */
async function caseLender(value) {
  await page.locator("#panel-overdue .od-field-lender select").evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }, value);
}

async function addContact(at, { answered = true, conduct = [] } = {}) {
  await calls.locator('[data-testid="calls-at"]').fill(at);
  await calls.locator('[data-testid="calls-channel"]').selectOption("call");
  await calls.locator('[data-testid="calls-answered"]').setChecked(answered);
  await calls.locator('[data-testid="calls-to"]').selectOption("me");
  for (const c of conduct) await calls.locator(`input[data-conduct="${c}"]`).check();
  await calls.locator('[data-testid="calls-add"]').click();
}

/** Waits until the select shows value (the overdue panel recomputes after a short pause). */
async function shows(sel, value) {
  await page.waitForFunction(([q, v]) => document.querySelector(q)?.value === v, [sel, value]).catch(() => {});
  assert.equal(await page.locator(sel).inputValue(), value, sel);
}
const CALLS = '[data-testid="calls-lender"]';
const RIGHTS = '[data-testid="rights-lender"]';

const shareData = async () => {
  await page.locator('[data-testid="copy-link"]').click();
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  return { link, data: JSON.parse(Buffer.from(link.split("#s=1.")[1].replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8")) };
};

test("the rights panel with every lender type shows no stray null", async () => {
  await rights.locator('[data-testid="rights-lender"]').selectOption("");
  const text = await rights.locator(".rights-body").innerText();
  assert.ok(!/\bnull\b/.test(text), text.slice(0, 400));
  assert.equal(await rights.locator('[data-testid="rights-facts-others"]').count(), 0);
});

test("the calls panel says where the remember box is: at the top, above the panel", async () => {
  const line = await calls.locator('[data-testid="calls-storage"]').textContent();
  assert.equal(line, zh["calls.storageMemory"]);
  assert.match(line, /顶部/);
  const box = await page.locator('[data-testid="remember"]').boundingBox();
  const panelBox = await calls.boundingBox();
  assert.ok(box.y < panelBox.y, `remember at ${box.y}, panel at ${panelBox.y}`);
});

test("a flag's related laws are shown as text, with their sources", async () => {
  await calls.locator('[data-testid="calls-lender"]').selectOption("bank");
  await addContact("2026-03-05T22:30");
  const flag = calls.locator('.calls-flag[data-rule="lateHours"]');
  await flag.waitFor();
  const text = await flag.innerText();
  assert.ok(!text.includes("[object"), text);
  assert.equal(await flag.locator(".calls-related-title").count(), 1);
  assert.equal(await flag.locator(".calls-related-title").textContent(), zh["rights.fact.privacyCivilCode"]);
  assert.match(await flag.locator(".calls-related").innerText(), /民法典/);
});

test("calls and rights take the case's lender type until the person picks one there", async () => {
  // A fresh page: nothing picked in either panel yet.
  await page.reload();
  await calls.locator('[data-testid="calls-summary"]').waitFor();
  await page.locator('#panel-overdue [data-testid="od-total-charges"]').waitFor();
  await caseLender("microLoan");
  await shows(CALLS, "microLoan");
  await shows(RIGHTS, "microLoan");
  assert.ok((await rights.locator('[data-testid="rights-facts-others"]').count()) === 1);
  await caseLender("consumerFinance");
  await shows(CALLS, "consumerFinance");
  await shows(RIGHTS, "consumerFinance");
  // The person's own pick stays when the case changes.
  await calls.locator('[data-testid="calls-lender"]').selectOption("creditCard");
  await rights.locator('[data-testid="rights-lender"]').selectOption("");
  await caseLender("microLoan");
  // The plans panel follows the case too: once it shows microLoan the case has been published.
  await shows("#panel-plans .field-planLender select", "microLoan");
  assert.equal(await calls.locator('[data-testid="calls-lender"]').inputValue(), "creditCard");
  assert.equal(await rights.locator('[data-testid="rights-lender"]').inputValue(), "");
});

test("remember restores both picks and the lender's name; a share link carries the rights pick only", async () => {
  await calls.locator('[data-testid="calls-lender-name"]').fill("某某小贷");
  await rights.locator('[data-testid="rights-lender"]').selectOption("private");
  await page.locator('[data-testid="remember"]').check();
  await page.waitForFunction(() => {
    const s = localStorage.getItem("repay.inputs.v1");
    return s && s.includes("某某小贷") && s.includes("private");
  });
  const { link, data } = await shareData();
  assert.deepEqual(data.rights, { lender: "private" });
  assert.equal(data.calls, undefined);
  assert.ok(!JSON.stringify(data).includes("某某小贷"));
  await page.reload();
  await calls.locator('[data-testid="calls-summary"]').waitFor();
  await page.locator('#panel-overdue [data-testid="od-total-charges"]').waitFor();
  assert.equal(await calls.locator('[data-testid="calls-lender"]').inputValue(), "creditCard");
  assert.equal(await calls.locator('[data-testid="calls-lender-name"]').inputValue(), "某某小贷");
  assert.equal(await rights.locator('[data-testid="rights-lender"]').inputValue(), "private");
  await page.locator('[data-testid="forget"]').click();
  await page.waitForFunction(() => localStorage.getItem("repay.inputs.v1") === null);
  // A share link's recipient: the case's lender type in calls (nothing picked there), the sender's rights pick.
  await page.goto(link.replace(/#.*/, "") + "#s=1." + Buffer.from(JSON.stringify({ ...data, overdue: { ...data.overdue, lender: "microLoan" } })).toString("base64url"));
  await page.reload();
  await calls.locator('[data-testid="calls-summary"]').waitFor();
  await page.locator('#panel-overdue [data-testid="od-total-charges"]').waitFor();
  await shows(CALLS, "microLoan");
  assert.equal(await rights.locator('[data-testid="rights-lender"]').inputValue(), "private");
  assert.equal(await calls.locator('[data-testid="calls-lender-name"]').inputValue(), "");
});

test("no request left the page's origin and nothing went wrong", () => {
  assert.deepEqual(session.problems, []);
});
