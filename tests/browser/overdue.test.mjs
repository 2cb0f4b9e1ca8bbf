// Browser tests of the overdue panel (算清逾期费用 + 知道哪些受法律保护) and the
// rights panel (了解权利): real chromium, the built wasm, the page served by
// scripts/serve.py. Expected figures are never typed by hand: the same input
// goes to the engine inside the page (import of ./engine.js) and its output
// is formatted with the page's own ./format.js. Labels come from the catalogs.
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { mkdir } from "node:fs/promises";
import { openPage, engineInPage, screenshot, widthAt, SCREENSHOTS } from "./helpers.mjs";
import { overdue as zh, rights as zhRights, terms as zhTerms } from "./shown/zh-CN.mjs";

let session;
let page;
let panel;

before(async () => {
  session = await openPage();
  page = session.page;
  panel = page.locator("#panel-overdue");
  // Nothing is computed from an example: the panel waits for the case. Typed by hand, from the loan above.
  assert.equal(await panel.locator('[data-testid="od-total"]').textContent(), "");
  await panel.getByLabel(zh["od.basisLabel"], { exact: true }).selectOption("manual");
  await panel.getByRole("button", { name: zh["od.fromLoan"] }).click();
  await panel.getByLabel(zh["od.days"], { exact: true }).fill("30");
  await panel.locator('[data-testid="od-total"]').filter({ hasText: "¥" }).waitFor();
});

after(() => session?.close());

const field = (label) => panel.getByLabel(label, { exact: true });

/** The engine's output for input, and the page's formatter applied to a few of its strings. */
function engineFor(input) {
  return engineInPage(page, "overdueCost", input, (v, fmt) => {
    const m = (x) => fmt.money(x);
    return {
      v,
      total: m(v.totalOwed),
      penalty: m(v.penaltyInterest),
      compound: m(v.compoundInterest),
      lateFees: m(v.lateFees),
      charges: m(v.totalCharges),
      overdueTotal: m(v.overdueTotal),
      annualized: fmt.percent(v.annualizedPercent),
      caps: v.caps.map((c) => ({
        ...c,
        f: {
          excess: m(c.excess),
          charged: m(c.charged),
          capAmount: m(c.capAmount),
          cap: c.capPercent ? fmt.percent(c.capPercent) : null,
          lpr: c.lpr ? fmt.percent(c.lpr.oneYearPercent) : null,
          date: fmt.date(c.source.date),
        },
      })),
      series: { start: m(v.series[0].totalOwed), end: m(v.series.at(-1).totalOwed) },
      allocation: v.allocation
        ? Object.fromEntries(["fees", "interest", "principal"].map((b) => [b, fmt.amount(v.allocation.remaining[b])]))
        : null,
      remainingTotal: v.allocation ? m(v.allocation.remainingTotal) : null,
    };
  });
}

async function waitForTotal(text) {
  await page.waitForFunction(
    (t) => document.querySelector('#panel-overdue [data-testid="od-total"]')?.textContent === t,
    text,
    { timeout: 5000 },
  );
}

const figureText = (name) => panel.locator(`[data-testid="od-${name}"] dd`).textContent();

async function openDetails(summaryText) {
  const d = panel.locator("details", { has: page.locator("summary", { hasText: summaryText }) }).first();
  if (!(await d.evaluate((el) => el.open))) await d.locator("summary").first().click();
}

test("starts from the loan entered above (principal and contract rate)", async () => {
  const loanPrincipal = await page.locator("#panel-terms").getByLabel(zhTerms["terms.principal"], { exact: true }).inputValue();
  const loanRate = await page.locator("#panel-terms").getByLabel(zhTerms["terms.rate"], { exact: true }).inputValue();
  assert.equal(await field(zh["od.principal"]).inputValue(), loanPrincipal);
  assert.equal(await field(zh["od.contractRate"]).inputValue(), loanRate);
  assert.equal(await field(zh["od.penaltyMode"]).inputValue(), "markup");
});

const PRIVATE = {
  overdue: { principal: "50000" },
  from: "2025-01-01",
  to: "2025-07-01",
  penalty: { rate: { percent: "2", per: "month" } },
  compound: false,
  lateFee: { amount: "1000", per: "once" },
  lender: "private",
  contractDate: "2023-09-01",
  dayBasis: 360,
};

/** Types PRIVATE into the form (the other fields as they were left, compound off). */
async function fillPrivate() {
  await field(zh["od.principal"]).fill("50000");
  await field(zh["od.interest"]).fill("");
  await field(zh["od.periodMode"]).selectOption("dates");
  // The first overdue day; the days are counted as lenders count them, both ends included:
  // 2025-01-02 to 2025-07-01 is 181 days, the engine's period from the due date 2025-01-01.
  await field(zh["od.from"]).fill("2025-01-02");
  await field(zh["od.to"]).fill(PRIVATE.to);
  await field(zh["od.lender"]).selectOption("private");
  await field(zh["od.penaltyMode"]).selectOption("rate");
  await field(zh["od.penaltyRate"]).fill("2");
  await field(zh["od.penaltyRatePer"]).selectOption("month");
  await field(zh["od.compound"]).uncheck();
  await openDetails(zh["od.lateFee"]);
  await field(zh["od.lateFeeAmount"]).fill("1000");
  await field(zh["od.lateFeeUnit"]).selectOption("amount");
  await field(zh["od.lateFeePer"]).selectOption("once");
  await field(zh["od.contractDate"]).fill(PRIVATE.contractDate);
}

test("a private loan: 50,000 at 2 %/month penalty for 181 days, 违约金 1,000: breakdown and 4×LPR verdict equal the engine's", async () => {
  await fillPrivate();

  const e = await engineFor(PRIVATE);
  assert.ok(!e.error, JSON.stringify(e.error));
  assert.equal(e.v.days, 181);
  await waitForTotal(e.total);
  assert.match(await panel.locator('[data-testid="od-sub"]').textContent(), new RegExp(`181.*${e.charges.replace(/[.$¥]/g, "\\$&")}`));
  assert.ok((await panel.locator('[data-testid="od-growth"]').textContent()).includes(e.annualized));
  assert.equal(await figureText("penalty"), e.penalty);
  assert.equal(await figureText("late-fees"), e.lateFees);
  assert.equal(await figureText("total-charges"), e.charges);
  assert.equal(await figureText("overdue-total"), e.overdueTotal);
  assert.equal(await panel.locator('[data-testid="od-compound"]').count(), 0, "no compound line when not charged");

  // Every cap the engine says applies (and is a civil line) gets a verdict; others none.
  const cap = e.caps.find((c) => c.rule === "cnPrivate4xLpr");
  assert.ok(cap.applies && cap.excess !== "0.00");
  const verdict = panel.locator('.od-verdict[data-rule="cnPrivate4xLpr"]');
  assert.equal(await verdict.getAttribute("data-above"), "true");
  assert.ok(await verdict.evaluate((el) => el.classList.contains("above-line")));
  const text = await verdict.locator(".od-verdict-text").textContent();
  for (const part of [cap.f.excess, cap.f.charged, cap.f.capAmount, cap.f.cap, cap.f.lpr]) assert.ok(text.includes(part), `${part} in "${text}"`);
  for (const c of e.caps.filter((c) => !c.applies)) assert.equal(await panel.locator(`.od-verdict[data-rule="${c.rule}"]`).count(), 0, c.rule);

  // The source is one tap away: document, article, date and the confidence mark.
  const src = verdict.locator("details.source");
  assert.equal(await src.evaluate((el) => el.open), false);
  await src.locator("summary").click();
  assert.equal(await src.locator(".src-document dd").textContent(), cap.source.document);
  assert.equal(await src.locator(".src-article dd").textContent(), cap.source.article);
  assert.equal(await src.locator(".src-date dd").textContent(), cap.f.date);
  assert.ok(await src.locator(".src-document dd").isVisible());
  assert.equal(await src.locator(".src-confidence .conf").getAttribute("data-confidence"), cap.confidence);
  assert.equal(await src.locator(".src-confidence .conf").textContent(), zh[`conf.${cap.confidence}`]);

  // The chart of the total owed over time, with a text summary.
  const chart = panel.locator("figure.od-chart");
  assert.equal(await chart.locator('svg[role="img"]').count(), 1);
  const summary = await chart.locator(".chart-summary").textContent();
  assert.ok(summary.includes(e.series.start) && summary.includes(e.series.end), summary);
});

test("I can pay ¥3,000 now: what remains in each bucket (Civil Code Art. 561 order) equals the engine's", async () => {
  await field(zh["od.payment"]).fill("3000");
  const e = await engineFor({ ...PRIVATE, payment: { amount: "3000" } });
  const box = panel.locator('[data-testid="od-allocation"]');
  await box.locator('[data-testid="od-allocation-sentence"]').filter({ hasText: e.remainingTotal }).waitFor({ timeout: 5000 });
  for (const b of ["fees", "interest", "principal"]) {
    assert.equal(await box.locator(`tr[data-bucket="${b}"] td[data-col="remaining"]`).textContent(), e.allocation[b], b);
  }
  assert.deepEqual(await box.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.bucket)), e.v.allocation.order);
  await field(zh["od.payment"]).fill("");
  await box.locator("table").waitFor({ state: "detached" });
});

const BANK = {
  overdue: { principal: "20000", interest: "500" },
  days: 90,
  penalty: { contractRate: { percent: "6", per: "year" }, markupPercent: "50" },
  compound: true,
  lender: "bank",
  dayBasis: 360,
};

test("a bank loan: contract rate 6 %/year + 50 % markup, compound: breakdown and 24 % verdict equal the engine's", async () => {
  await field(zh["od.principal"]).fill("20000");
  await field(zh["od.interest"]).fill("500");
  await field(zh["od.periodMode"]).selectOption("days");
  await field(zh["od.days"]).fill("90");
  await field(zh["od.lender"]).selectOption("bank");
  await field(zh["od.penaltyMode"]).selectOption("markup");
  await field(zh["od.contractRate"]).fill("6");
  await field(zh["od.contractRatePer"]).selectOption("year");
  await field(zh["od.markup"]).fill("50");
  await field(zh["od.compound"]).check();
  await field(zh["od.lateFeeAmount"]).fill("");
  await field(zh["od.contractDate"]).fill("");

  const e = await engineFor(BANK);
  assert.ok(!e.error, JSON.stringify(e.error));
  await waitForTotal(e.total);
  assert.equal(await figureText("penalty"), e.penalty);
  assert.equal(await figureText("compound"), e.compound);
  assert.equal(await figureText("total-charges"), e.charges);
  assert.equal(await panel.locator('[data-testid="od-late-fees"]').count(), 0);
  const cap = e.caps.find((c) => c.rule === "cnFinancial24");
  assert.ok(cap.applies);
  const verdict = panel.locator('.od-verdict[data-rule="cnFinancial24"]');
  assert.equal(await verdict.getAttribute("data-above"), cap.excess === "0.00" ? "false" : "true");
  const text = await verdict.locator(".od-verdict-text").textContent();
  assert.ok(text.includes(cap.f.charged) && text.includes(cap.f.capAmount), text);
  assert.equal(await panel.locator('.od-verdict[data-rule="cnPrivate4xLpr"]').count(), 0, "the private-lending cap does not apply to banks");
  // Secondary-source rule: labelled so, not as confirmed text.
  assert.equal(await verdict.locator("summary .conf").textContent(), zh[`conf.${cap.confidence}`]);
  // How it is calculated names the markup and the compounding.
  const codes = await panel.locator(".od-basis-list li").evaluateAll((li) => li.map((x) => x.dataset.code));
  assert.deepEqual(codes, e.v.basis.map((b) => b.code));
  assert.ok(codes.includes("penaltyMarkup") && codes.includes("compoundOnOverdueInterest"));
});

test("an invalid field shows its message beside it; other inputs and the last result stay", async () => {
  const before_ = await panel.locator('[data-testid="od-total"]').textContent();
  const principal = field(zh["od.principal"]);
  await principal.fill("-5");
  const error = panel.locator(".od-field-principal .field-error");
  await error.filter({ hasText: "逾期本金不能是负数。" }).waitFor({ timeout: 5000 });
  assert.equal(await principal.getAttribute("aria-invalid"), "true");
  assert.ok((await principal.getAttribute("aria-describedby")).split(" ").includes(await error.getAttribute("id")));
  assert.equal(await principal.inputValue(), "-5");
  assert.equal(await field(zh["od.interest"]).inputValue(), "500");
  assert.equal(await field(zh["od.days"]).inputValue(), "90");
  assert.equal(await field(zh["od.contractRate"]).inputValue(), "6");
  assert.equal(await field(zh["od.markup"]).inputValue(), "50");
  assert.equal(await panel.locator('[data-testid="od-total"]').textContent(), before_);
  assert.equal(await page.locator("[aria-invalid]").count(), 1, "only that field is marked");
  await principal.fill("20000");
  await error.waitFor({ state: "hidden" });
  assert.equal(await principal.getAttribute("aria-invalid"), null);

  // A date pair the wrong way round: the message sits beside the end date.
  await field(zh["od.periodMode"]).selectOption("dates");
  await field(zh["od.from"]).fill("2025-03-01");
  await field(zh["od.to"]).fill("2025-02-01");
  const toError = panel.locator(".od-field-to .field-error");
  await toError.filter({ hasText: zh["err.conflict.odTo"] }).waitFor({ timeout: 5000 });
  assert.equal(await field(zh["od.from"]).inputValue(), "2025-03-01");
  await field(zh["od.periodMode"]).selectOption("days");
  await toError.waitFor({ state: "hidden" });
  await waitForTotal(before_);
});

test("the rights panel lists every fact with its source, date and confidence; the sources view lists the LPR table and every rule", async () => {
  const data = await page.evaluate(async () => (await import("./engine.js")).legalRules().value);
  const fmtDates = await page.evaluate(async (ds) => {
    const fmt = await import("./format.js");
    return ds.map((d) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? fmt.date(d) : d));
  }, data.facts.map((f) => f.source.date));
  const rightsPanel = page.locator("#panel-rights");
  const facts = rightsPanel.locator(".rights-fact");
  assert.equal(await facts.count(), data.facts.length);
  for (const [i, f] of data.facts.entries()) {
    const li = rightsPanel.locator(`.rights-fact[data-fact="${f.id}"]`);
    assert.equal(await li.locator(".rights-text").textContent(), f.zh);
    assert.equal(await li.locator(".rights-title").textContent(), zhRights[`rights.fact.${f.id}`]);
    const line = await li.locator(".source-line").textContent();
    assert.ok(line.includes(f.source.document), line);
    assert.ok(line.includes(fmtDates[i]), line);
    assert.equal(await li.locator(".conf").textContent(), zh[`conf.${f.confidence}`]);
  }
  for (const id of ["collectionQuietHours", "collectionCallAttempts", "noUnrelatedThirdParties", "maliciousOverdraftThreshold", "illegalDebtCollectionCrime", "complaintHotline12378", "negotiationIsFree", "creditRecordFiveYears"]) {
    assert.equal(await rightsPanel.locator(`.rights-fact[data-fact="${id}"]`).count(), 1, id);
  }
  const sources = rightsPanel.locator("details.rights-sources");
  await sources.locator("summary").first().click();
  assert.equal(await sources.locator(".lpr-table tbody tr").count(), data.lpr.length);
  const through = await page.evaluate(async (d) => (await import("./format.js")).date(d), data.lprConfirmedThrough);
  assert.ok((await sources.locator('[data-testid="lpr-confirmed"]').textContent()).includes(through));
  assert.equal(await sources.locator(".rights-rule").count(), data.rules.length);
  for (const r of data.rules) {
    const li = sources.locator(`.rights-rule[data-rule="${r.id}"]`);
    assert.equal(await li.locator(".src-document dd .source-text").textContent(), r.source.document);
    // A source in English (the UK rules) is marked as such and labelled on a Chinese page.
    const english = !/[\u3400-\u9fff]/.test(r.source.document);
    assert.equal(await li.locator(".src-document dd .source-text").getAttribute("lang"), english ? "en" : "zh-CN", r.id);
    assert.equal(await li.locator('.src-document [data-testid="english-original"]').count(), english ? 1 : 0, r.id);
    if (r.jurisdiction === "uk") assert.equal(await li.locator('.src-document [data-testid="english-original"]').textContent(), zh["legal.ukEnglishOriginal"], r.id);
    if (r.source.article) assert.equal(await li.locator(".src-article dd").textContent(), r.source.article);
    assert.equal(await li.locator(".src-confidence .conf").getAttribute("data-confidence"), r.confidence);
  }
  await sources.locator("summary").first().click();

  // In English the facts read from the data's English text.
  await page.getByLabel("语言").selectOption("en");
  await rightsPanel.locator(`.rights-fact[data-fact="${data.facts[0].id}"] .rights-text`).filter({ hasText: data.facts[0].en }).waitFor();
  assert.match(await panel.locator('[data-testid="od-total"]').textContent(), /20,/);
  await page.getByLabel("Language").selectOption("zh-CN");
  await field(zh["od.principal"]).waitFor();
});

test("from the loan: more instalments paid than had fallen due by the end date is a warning beside the count paid, not an error", async () => {
  // The loan above (12 monthly instalments) from 2026-05-23: instalments due on the 23rd from
  // 2026-06-23, so six (06-23 … 11-23) are due by 2026-12-07.
  await field(zh["od.basisLabel"]).selectOption("loan");
  await field(zh["od.loanStart"]).fill("2026-05-23");
  await field(zh["od.asOf"]).fill("2026-12-07");
  await field(zh["od.paid"]).fill("8");
  const warning = panel.locator('.od-field-paid [data-testid="field-warning"]');
  await warning.filter({ hasText: "截至 2026年12月7日 只有 6 期到期；你填了已还 8 期，请确认。" }).waitFor({ timeout: 10000 });
  // A warning, not an error: the figures are computed and the field is not marked invalid.
  assert.match(await panel.locator('[data-testid="od-total"]').textContent(), /¥/);
  assert.equal(await field(zh["od.paid"]).getAttribute("aria-invalid"), null);
  assert.equal(await panel.locator('.od-basis-list li[data-code="paidBeyondDue"]').count(), 1);
  // Six paid of six due: nothing to warn about.
  await field(zh["od.paid"]).fill("6");
  await warning.waitFor({ state: "hidden", timeout: 10000 });
  await panel.locator('.od-basis-list li[data-code="paidBeyondDue"]').waitFor({ state: "detached", timeout: 10000 });
  await field(zh["od.basisLabel"]).selectOption("manual");
  await field(zh["od.principal"]).waitFor();
});

test("screenshots at 360×740 and 1280×800", async () => {
  // Show the private case with a payment, the verdict's source open.
  await fillPrivate();
  await field(zh["od.payment"]).fill("3000");
  const e = await engineFor({ ...PRIVATE, payment: { amount: "3000" } });
  await waitForTotal(e.total);
  await panel.locator('[data-testid="od-allocation-sentence"]').filter({ hasText: e.remainingTotal }).waitFor({ timeout: 5000 });
  await panel.locator('.od-verdict[data-rule="cnPrivate4xLpr"] details.source summary').click();
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const [w, hgt] of [[360, 740], [1280, 800]]) {
    const scrollWidth = await widthAt(page, w, hgt);
    assert.ok(scrollWidth <= w, `no sideways scrolling at ${w} px (scrollWidth ${scrollWidth})`);
    await panel.screenshot({ path: path.join(SCREENSHOTS, `overdue-${w}x${hgt}.png`) });
    await page.locator("#panel-rights").screenshot({ path: path.join(SCREENSHOTS, `rights-${w}x${hgt}.png`) });
  }
  await screenshot(page, "page-overdue-1280x800");
});

test("no console errors, page errors or third-party requests throughout", () => {
  assert.deepEqual(session.problems, []);
});
