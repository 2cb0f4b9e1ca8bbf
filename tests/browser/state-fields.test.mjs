// Browser tests of the panels' one declaration of their saved/shared fields
// (www/panels/fields.js): a share link written before the declarations
// (tests/fixtures/share-link-v1.mjs) opens to the same inputs and is copied
// back byte for byte, and what each panel saves and shares is exactly its
// declaration (the letter and the calls panel saved, never in a link).
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, watchPage } from "./helpers.mjs";
import { fillAll, zh } from "./scenario.mjs";
import { HASH, VALUES } from "../fixtures/share-link-v1.mjs";
import { DECLARED } from "../../www/panels/fields.js";
import { encodeFragment } from "../../www/state.js";

let server;
let browser;
let problems;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(hash = "") {
  const page = await browser.context.newPage();
  problems = watchPage(page, server.url.replace(/\/$/, ""));
  await page.goto(server.url + hash);
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
  await page.locator('[data-testid="copy-link"]').waitFor();
  return page;
}

const inputs = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("#panel-terms, #panel-overdue, #panel-plans, #panel-debts, #panel-rights")].flatMap((s) =>
      [...s.querySelectorAll("input, select")].map((el) => `${s.id} ${el.type === "checkbox" ? el.checked : el.value}`),
    ),
  );

async function copiedHash(page) {
  await page.locator('[data-testid="copy-link"]').click();
  return new URL(await page.locator('[data-testid="share-link"]').inputValue()).hash;
}

/** Each panel's keys (and each list row's) are exactly those it declares, in declared order. */
function assertDeclared(state, what) {
  for (const [name, value] of Object.entries(state)) {
    const decl = DECLARED[name].fields;
    assert.deepEqual(Object.keys(value), Object.keys(decl).filter((k) => Object.hasOwn(value, k)), `${what} ${name}: declared order`);
    for (const [k, kind] of Object.entries(decl)) {
      if (name === "plans" && ["principal", "interest", "penalties", "fees", "chosen"].includes(k)) continue; // left out while they come from the case / before a choice
      assert.ok(Object.hasOwn(value, k), `${what} ${name}.${k} is written`);
      if (kind.fields) for (const row of value[k]) assert.deepEqual(Object.keys(row), kind.fields, `${what} ${name}.${k} row`);
    }
  }
}

test("a share link from before the declarations opens to the same inputs and is copied back identically", async () => {
  const page = await open(HASH);
  await page.waitForTimeout(800); // the panels' debounce and the prefills that follow
  assert.equal(await page.locator('[data-testid="share-status"]').textContent(), zh["share.fromLink"]);
  assert.equal(await page.locator('[data-testid="share-notice"]').isVisible(), false);
  // Every panel shows the link's inputs as before; the overdue panel, which now also offers the
  // case from the loan (a switch, the instalments paid, today's date), shows every value the link
  // held among its fields, and the link is copied back byte for byte.
  const shown = await inputs(page);
  const ofPanel = (list, want) => list.filter((v) => (v.split(" ")[0] === "panel-overdue") === want);
  assert.deepEqual(ofPanel(shown, false), ofPanel(VALUES, false));
  const left = ofPanel(shown, true);
  for (const v of ofPanel(VALUES, true)) {
    const i = left.indexOf(v);
    assert.ok(i >= 0, `the overdue panel shows ${v}`);
    left.splice(i, 1);
  }
  // Copied back: every value the link held, unchanged; the overdue panel adds only the fields it
  // now declares for the case from the loan (left empty or at their visible defaults).
  const decode = (h) => JSON.parse(Buffer.from(h.slice("#s=1.".length), "base64url").toString());
  const before = decode(HASH);
  const after = decode(await copiedHash(page));
  const added = ["basis", "loanStart", "paid", "asOf", "accelerated", "collectionFee"];
  for (const [panel, value] of Object.entries(before)) {
    const extra = Object.keys(after[panel]).filter((k) => !Object.hasOwn(value, k));
    assert.deepEqual(extra.filter((k) => !(panel === "overdue" && added.includes(k))), [], `${panel}: only declared additions`);
    for (const [k, v] of Object.entries(value)) assert.deepEqual(after[panel][k], v, `${panel}.${k}`);
  }
  assert.equal(after.overdue.basis, "manual", "a link from before opens on its typed amounts");
  assert.deepEqual(problems, []);
  await page.close();
});

test("what each panel shares and saves is its declaration; the letter and the calls panel stay out of links", async () => {
  const page = await open();
  await fillAll(page);
  await page.locator('#panel-calls [data-testid="calls-lender-name"]').fill("某某小贷");
  await page.waitForTimeout(500);
  const shared = JSON.parse(Buffer.from((await copiedHash(page)).slice("#s=1.".length), "base64url").toString());
  assert.deepEqual(Object.keys(shared).sort(), ["debts", "overdue", "page", "plans", "rights", "terms"]);
  assertDeclared(shared, "link");
  await page.locator('[data-testid="remember"]').check();
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("repay.inputs.v1"))).state;
  assert.deepEqual(Object.keys(saved).sort(), Object.keys(DECLARED).sort());
  assertDeclared(saved, "saved");
  assert.equal(saved.letter.name, "张三");
  assert.equal(saved.calls.lenderName, "某某小贷");
  assert.ok(!JSON.stringify(shared).includes("某某小贷") && !JSON.stringify(shared).includes("张三"), "no letter or calls field in the link");
  await page.locator('[data-testid="forget"]').click();
  assert.deepEqual(problems, []);
  await page.close();
});

// ---- The engine inputs the panels build from their declared fields ----------

/** The forms of the capture test, as share links (every read path: modes, units, rows, empty fields). */
const FORMS = {
  "the link from before the declarations": HASH,
  "every field typed, other modes and units": encodeFragment({
    terms: {
      principal: "50000", received: "48000", rate: "0.05", ratePer: "day", periods: "12", method: "equalPrincipal", startDate: "2026-03-15", dayBasis: "365",
      fees: [{ label: "服务费", amount: "2", unit: "percent", when: "upfront" }, { label: "", amount: "", unit: "amount", when: "atEnd" }, { label: "", amount: "30", unit: "amount", when: "eachPeriod" }],
      prepayments: [{ period: "", amount: "1000", then: "lowerPayment" }, { period: "6", amount: "2000", then: "shortenTerm" }],
      lpr: "1", lprSpread: "-20", lprRepricing: "anniversary", lprTenor: "fiveYear",
      rateChanges: [{ when: "date", at: "2026-09-01", rate: "3.2", ratePer: "year", keep: "payment" }, { when: "period", at: "8", rate: "", ratePer: "month", keep: "term" }],
    },
    overdue: {
      principal: "9000", interest: "120", fees: "30", periodMode: "dates", days: "45", from: "2026-01-10", to: "2026-04-01", lender: "bank",
      penaltyMode: "rate", penaltyRate: "0.1", penaltyPer: "day", contractRate: "", contractPer: "year", markup: "", compound: "1",
      lateFee: "5", lateFeeUnit: "percent", lateFeePer: "month", contractDate: "2025-01-01", chargeOnFees: "1", dayBasis: "365",
      filingDate: "2026-05-01", upfront: "300", payment: "800",
    },
    plans: { principal: "9000", interest: "100", penalties: "50", fees: "20", rate: "18", ratePer: "year", budget: "800", lender: "bank", lumpSum: "3000", offer: "2500", months: "12", deferral: "", planOn: "claimed" },
    debts: { budget: "1200", debts: [{ name: "A", balance: "3000", rate: "", ratePer: "month", min: "100" }, { name: "", balance: "", rate: "", ratePer: "year", min: "" }, { name: "", balance: "500", rate: "2", ratePer: "month", min: "" }] },
  }),
  "empty fields left out": encodeFragment({
    terms: { principal: "", received: "", rate: "", ratePer: "month", periods: "", method: "bullet", startDate: "", dayBasis: "360", fees: [], prepayments: [], lpr: "1", lprSpread: "", lprRepricing: "january", lprTenor: "auto", rateChanges: [] },
    overdue: { principal: "", interest: "", fees: "", periodMode: "dates", from: "", to: "", penaltyMode: "markup", contractRate: "", markup: "", lateFee: "", upfront: "", payment: "" },
    plans: { rate: "", budget: "", lumpSum: "", offer: "", months: "6", deferral: "", planOn: "claimed" },
    debts: { budget: "900", debts: [{ name: "只有名字", balance: "", rate: "", ratePer: "year", min: "" }] },
  }),
  "the overdue case in the plans, on the amount claimed": encodeFragment({
    terms: { startDate: "2026-01-05" },
    overdue: { principal: "12000", interest: "", fees: "", periodMode: "days", days: "60", penaltyMode: "markup", contractRate: "24", contractPer: "year", markup: "50", compound: "0", chargeOnFees: "0" },
    plans: { rate: "", budget: "700", lumpSum: "", offer: "1000", months: "", deferral: "2", planOn: "claimed" },
  }),
};

/**
 * Serves the page engine modules (pkg/repay_terms.js, pkg/repay_cases.js) that record each engine
 * call's input as JSON (window.sent) before passing it to the real module (fetched as ….js?real).
 */
async function recordEngineInputs(page) {
  const modules = { repay_terms: ["loanTerms"], repay_cases: ["overdueCost", "repaymentPlans", "debtPlan"] };
  for (const [module, fns] of Object.entries(modules)) {
    const body = [
      `import init, * as engine from "./${module}.js?real";`,
      `export * from "./${module}.js?real";`,
      "export default init;",
      "const sent = (window.sent ??= []);",
      ...fns.map((fn) => `export const ${fn} = (input) => (sent.push([${JSON.stringify(fn)}, JSON.stringify(input)]), engine.${fn}(input));`),
    ].join("\n");
    await page.route((url) => url.pathname === `/pkg/${module}.js` && !url.search, (route) => route.fulfill({ contentType: "text/javascript", body }));
  }
}

/** The input each panel sends when its form recomputes (null when it is incomplete and sends none). */
async function engineInputs(page) {
  const out = {};
  for (const [panel, fn] of [["terms", "loanTerms"], ["overdue", "overdueCost"], ["plans", "repaymentPlans"], ["debts", "debtPlan"]]) {
    await page.evaluate(() => (window.sent.length = 0));
    await page.evaluate((id) => document.querySelector(`#panel-${id} form`).dispatchEvent(new Event("input", { bubbles: true })), panel);
    await page.waitForTimeout(400);
    out[panel] = await page.evaluate((name) => window.sent.find(([n]) => n === name)?.[1] ?? null, fn);
  }
  return out;
}

/** What each panel sent for these forms before its fields' engine paths were declared (recorded at 00af174). */
const SENT = {
  "the link from before the declarations": {
    terms: { principal: "1000000", rate: { per: "year", percent: "4.9" }, periods: "360", method: "annuity", startDate: "2026-12-04", dayBasis: "360", fees: [{ label: "服务费", when: "upfront", amount: "1000" }], prepayments: [{ then: "shortenTerm", period: "24", amount: "50000" }], rateChanges: [{ rate: { per: "year", percent: "3.5" }, keep: "term", period: "13" }] },
    overdue: { overdue: { principal: "20000" }, days: "45", penalty: { contractRate: { per: "year", percent: "4.9" }, markupPercent: "50" }, compound: false, lender: "microLoan", dayBasis: "360", upfrontDeduction: "1000.00" },
    plans: { overdue: { overdue: { principal: "20000" }, days: "45", penalty: { contractRate: { per: "year", percent: "4.9" }, markupPercent: "50" }, compound: false, lender: "microLoan", dayBasis: "360", upfrontDeduction: "1000.00" }, rate: { percent: "4.9", per: "year" }, monthlyBudget: "1500", deferralMonths: "3" },
    debts: { debts: [{ name: "网贷A", rate: { per: "year", percent: "24" }, balance: "5000", minPayment: "200" }, { name: "信用卡", rate: { per: "year", percent: "18" }, balance: "8000", minPayment: "300" }], compare: true, monthlyBudget: "1500" },
  },
  "every field typed, other modes and units": {
    terms: { principal: "50000", received: "48000", periods: "12", method: "equalPrincipal", startDate: "2026-03-15", dayBasis: "365", fees: [{ label: "服务费", when: "upfront", percentOfPrincipal: "2" }, { label: "", when: "eachPeriod", amount: "30" }], prepayments: [{ then: "lowerPayment", amount: "1000" }, { then: "shortenTerm", period: "6", amount: "2000" }], rateChanges: [{ rate: { per: "year", percent: "3.2" }, keep: "payment", date: "2026-09-01" }, { rate: { per: "month" }, keep: "term", period: "8" }], lprLinked: { spreadBasisPoints: "-20", repricing: "anniversary", tenor: "fiveYear" } },
    // The first overdue day typed is 2026-01-10; the page counts both ends as lenders do, so the
    // engine (which counts to − from) is sent the day before.
    overdue: { overdue: { principal: "9000", interest: "120", fees: "30" }, from: "2026-01-09", to: "2026-04-01", penalty: { rate: { per: "day", percent: "0.1" } }, compound: true, chargeOnFees: true, lateFee: { percentOfOverdue: "5", per: "month" }, lender: "bank", contractDate: "2025-01-01", filingDate: "2026-05-01", dayBasis: "365", upfrontDeduction: "300", payment: { amount: "800" } },
    plans: { balance: { principal: "9000", interest: "100", penalties: "50", fees: "20" }, lender: "bank", rate: { percent: "18", per: "year" }, monthlyBudget: "800", lumpSum: "3000", lumpSumOffer: "2500", months: "12" },
    debts: { debts: [{ name: "A", rate: { per: "month" }, balance: "3000", minPayment: "100" }, { name: "", rate: { per: "month", percent: "2" }, balance: "500" }], compare: true, monthlyBudget: "1200" },
  },
  "empty fields left out": {
    terms: { method: "bullet", dayBasis: "360", lprLinked: { spreadBasisPoints: "0", repricing: "january" } },
    overdue: null, // no amount overdue: the panel computes nothing from an empty case
    plans: null, // no case and no amounts typed: the plans compute nothing (an example never reaches them)
    debts: { debts: [{ name: "只有名字", rate: { per: "year" } }], compare: true, monthlyBudget: "900" },
  },
  "the overdue case in the plans, on the amount claimed": {
    // The link names no lender of record: the page asks, and computes for "don't know" meanwhile.
    terms: { principal: "10000", rate: { per: "year", percent: "12" }, periods: "12", method: "annuity", startDate: "2026-01-05", dayBasis: "360" },
    overdue: { overdue: { principal: "12000" }, days: "60", penalty: { contractRate: { per: "year", percent: "24" }, markupPercent: "50" }, compound: false, lender: "unknown", dayBasis: "360" },
    plans: { overdue: { overdue: { principal: "12000" }, days: "60", penalty: { contractRate: { per: "year", percent: "24" }, markupPercent: "50" }, compound: false, lender: "unknown", dayBasis: "360" }, planOn: "claimed", monthlyBudget: "700", lumpSumOffer: "1000", deferralMonths: "2" },
    debts: null,
  },
};

/** Keys a panel sends that come from no field of its own. */
const NOT_A_FIELD = { debts: ["compare"] };

/** Every path that holds a value in an engine input, list items as the list: "penalty.rate.percent", "fees.label". */
function leafPaths(v, path = "", out = []) {
  if (Array.isArray(v)) v.forEach((x) => leafPaths(x, path, out));
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) leafPaths(x, path ? `${path}.${k}` : k, out);
  else out.push(path);
  return out;
}

test("the engine inputs of filled forms are what the page sent before, and hold only paths their fields declare", async () => {
  for (const [name, hash] of Object.entries(FORMS)) {
    const page = await browser.context.newPage();
    problems = watchPage(page, server.url.replace(/\/$/, ""));
    await recordEngineInputs(page);
    await page.goto(server.url + hash);
    await page.locator('[data-testid="copy-link"]').waitFor();
    await page.locator("#panel-debts form").waitFor(); // every panel is mounted (after the first result)
    await page.waitForTimeout(800); // the panels' debounce and the prefills that follow
    const sent = await engineInputs(page);
    for (const [panel, json] of Object.entries(sent)) {
      const input = JSON.parse(json);
      assert.deepEqual(input, SENT[name][panel], `${name}: ${panel}`);
      if (!input) continue;
      const declared = Object.values(DECLARED[panel].input).flatMap((kind) => kind.to ?? []);
      const lists = Object.keys(DECLARED[panel].input).filter((k) => DECLARED[panel].input[k].fields);
      const covered = (p) => [...declared, ...lists, ...(NOT_A_FIELD[panel] ?? [])].some((d) => p === d || p.startsWith(`${d}.`));
      assert.deepEqual(leafPaths(input).filter((p) => !covered(p)), [], `${name}: ${panel} sends only the engine paths of its declared fields`);
    }
    assert.deepEqual(problems, [], name);
    await page.close();
  }
});
