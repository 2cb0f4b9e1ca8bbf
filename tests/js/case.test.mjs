// One case through the built module (www/pkg): repaymentPlans given the
// overdue case itself, the bullet loan's APR on its unit period, and the
// saved/shared state's list limits against the engine's own. The figures are
// derived by hand in tests/case.rs and tests/apr_unit.rs. Run after `make build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as repay from "../../www/pkg/repay.js";
import { LIMITS, SCHEMA } from "../../www/state.js";

const { initSync, repaymentPlans, overdueCost, loanTerms, debtPlan } = repay;
initSync({ module: readFileSync(new URL("../../www/pkg/repay_bg.wasm", import.meta.url)) });

/** The case: 45 days overdue on 15,000, 罚息 0.1 %/day, 违约金 500, 2,000 deducted up front, a licensed online lender. */
export const CASE_OVERDUE = {
  overdue: { principal: "15000" },
  days: 45,
  penalty: { rate: { percent: "0.1", per: "day" } },
  lateFee: { amount: "500", per: "once" },
  lender: "microLoan",
  upfrontDeduction: "2000",
};

test("repaymentPlans({ overdue, rate, monthlyBudget }): claimed, lawful, removed", () => {
  const out = repaymentPlans({ overdue: CASE_OVERDUE, rate: { percent: "0.05", per: "day" }, monthlyBudget: "1200" });
  assert.deepEqual(out.claimed, { principal: "15000.00", interest: "0.00", penalties: "675.00", fees: "500.00", total: "16175.00" });
  assert.deepEqual(out.lawful, { principal: "13000.00", interest: "0.00", penalties: "390.00", fees: "0.00", total: "13390.00" });
  assert.deepEqual(
    out.removed.map((r) => [r.rule, r.amount, r.source.article]),
    [
      ["cnActualPrincipal", "2000.00", "第六百七十条"],
      ["cnFinancial24", "785.00", "第二条第2项"],
    ],
  );
  assert.equal(out.planOn, "lawful");
  assert.equal(out.penaltyPerDay, "15.00");
  assert.equal(out.budget.balance, "13390.00");
  const asIs = out.plans.find((p) => p.kind === "asIs");
  assert.equal(asIs.totalPaid, "13390.00");
  assert.equal(asIs.fitsBudget, false);
  const stop = out.plans.find((p) => p.kind === "stopInterest");
  assert.equal(stop.months, 12);
  assert.equal(stop.monthlyPayment, "1115.83");
  // The same excess as overdueCost reports for the case.
  const cap = overdueCost(CASE_OVERDUE).caps.find((c) => c.rule === "cnFinancial24");
  assert.equal(cap.excess, "785.00");
});

test("planOn claimed, and the case's errors under overdue.", () => {
  const out = repaymentPlans({ overdue: CASE_OVERDUE, rate: { percent: "0.05", per: "day" }, monthlyBudget: "1200", planOn: "claimed" });
  assert.equal(out.budget.balance, "16175.00");
  assert.equal(out.lawful.total, "13390.00");
  for (const [input, code, field] of [
    [{ overdue: CASE_OVERDUE, balance: { principal: "1" } }, "conflict", "overdue"],
    [{ overdue: CASE_OVERDUE, lender: "bank" }, "conflict", "lender"],
    [{ overdue: { ...CASE_OVERDUE, days: 0 } }, "notPositive", "overdue.days"],
  ]) {
    try {
      repaymentPlans(input);
      assert.fail("expected an error");
    } catch (e) {
      assert.equal(e.code, code);
      assert.equal(e.field, field);
    }
  }
});

test("a 40 %/year 12-month bullet: nominal 40.0000 %", () => {
  const t = loanTerms({ principal: "10000", rate: { percent: "40", per: "year" }, periods: 12, method: "bullet" });
  assert.equal(t.apr.nominalPercent, "40.0000");
  assert.equal(t.apr.effectivePercent, "40.0000");
  assert.ok(t.warnings.some((w) => w.code === "aprAbove36"));
});

test("the state's list limits are the engine's", () => {
  assert.equal(SCHEMA.terms.lists.fees.max, LIMITS.fees);
  assert.equal(SCHEMA.terms.lists.prepayments.max, LIMITS.prepayments);
  assert.equal(SCHEMA.debts.lists.debts.max, LIMITS.debts);
  const loan = { principal: "100000", rate: { percent: "5", per: "year" }, periods: 600, method: "annuity" };
  const fee = { label: "f", amount: "1", when: "eachPeriod" };
  const tooMany = (fn) => {
    try {
      fn();
      return false;
    } catch (e) {
      return e.code === "tooManyItems";
    }
  };
  assert.ok(!tooMany(() => loanTerms({ ...loan, fees: Array(LIMITS.fees).fill(fee) })));
  assert.ok(tooMany(() => loanTerms({ ...loan, fees: Array(LIMITS.fees + 1).fill(fee) })));
  const pre = (n) => Array.from({ length: n }, (_, i) => ({ period: (i % 599) + 1, amount: "1", then: "shortenTerm" }));
  assert.ok(tooMany(() => loanTerms({ ...loan, prepayments: pre(LIMITS.prepayments + 1) })));
  assert.ok(!tooMany(() => loanTerms({ ...loan, prepayments: pre(LIMITS.prepayments) })));
  const debt = { balance: "100", rate: { percent: "10", per: "year" }, minPayment: "10" };
  assert.ok(!tooMany(() => debtPlan({ debts: Array(LIMITS.debts).fill(debt), monthlyBudget: "5000" })));
  assert.ok(tooMany(() => debtPlan({ debts: Array(LIMITS.debts + 1).fill(debt), monthlyBudget: "5000" })));
  assert.equal(SCHEMA.terms.lists.rateChanges.max, LIMITS.rateChanges);
  const changes = (n) => Array.from({ length: n }, (_, i) => ({ period: (i % 600) + 1, rate: { percent: String(4 + (i % 2)), per: "year" } }));
  assert.ok(!tooMany(() => loanTerms({ ...loan, rateChanges: changes(LIMITS.rateChanges) })));
  assert.ok(tooMany(() => loanTerms({ ...loan, rateChanges: changes(LIMITS.rateChanges + 1) })));
});

// ---- The case from the loan -------------------------------------------------
// Every figure below is derived by hand in tests/case_from_loan.rs (day basis 360).

/** docs/api.md's worked example: 20,000 contracted, 18,500 received on 2026-05-23, 18 %/yr, 12 annuity instalments of 1,833.60 + 99, 4 paid. */
export const CASE_FROM_LOAN = {
  loan: {
    principal: "20000",
    received: "18500",
    startDate: "2026-05-23",
    rate: { percent: "18", per: "year" },
    periods: 12,
    method: "annuity",
    fees: [{ label: "会员费", amount: "99", when: "eachPeriod" }],
  },
  paid: 4,
  asOf: "2026-12-07",
  penalty: { rate: { percent: "0.1", per: "day" } },
  compound: true,
  lateFee: { percentOfRemainingPrincipal: "10", per: "once" },
  collectionFee: "300",
  lender: "microLoan",
};

test("overdueCost from the loan: the worked example", () => {
  const o = overdueCost(CASE_FROM_LOAN);
  assert.equal(o.view, "wholeLoan");
  // Periods 5 (due 2026-10-23, 45 days) and 6 (2026-11-23, 14 days); 罚息 1,627.71 × 0.1 % × 45 = 73.25,
  // 1,652.12 × 0.1 % × 14 = 23.13; 复利 205.89 × 0.045 = 9.27, 181.48 × 0.014 = 2.54.
  assert.deepEqual(
    o.missed.map((m) => [m.period, m.dueDate, m.days, m.principal, m.penalty, m.compound]),
    [
      [5, "2026-10-23", 45, "1627.71", "73.25", "9.27"],
      [6, "2026-11-23", 14, "1652.12", "23.13", "2.54"],
    ],
  );
  assert.equal(o.penaltyInterest, "96.38");
  assert.equal(o.compoundInterest, "11.81");
  // 违约金 10 % × 13,726.20 (the principal unpaid on asOf).
  assert.equal(o.remainingPrincipal, "13726.20");
  assert.equal(o.lateFees, "1372.62");
  assert.equal(o.collectionFee, "300.00");
  assert.equal(o.notYetDue, "10446.37");
  assert.equal(o.settlement, "16092.38");
  // The 24 % line from 18,500: 12,092.26 after the 4th payment, + 75 days' 604.61.
  assert.equal(o.line.rule, "cnFinancial24");
  assert.equal(o.line.percent, "24.0000");
  assert.equal(o.line.base, "18500.00");
  assert.equal(o.line.payments[3].date, "2026-09-23");
  assert.equal(o.line.payments[3].balance, "12092.26");
  assert.equal(o.line.daysSince, 75);
  assert.equal(o.line.ceiling, "12696.87");
  assert.equal(o.lawful.total, "12696.87");
  assert.deepEqual(
    o.removed.map((r) => [r.rule, r.amount]),
    [
      ["cnActualPrincipal", "1708.17"],
      ["cnFinancial24", "1687.34"],
    ],
  );
  assert.equal(o.loanCost.nominalPercent, "43.9281");
  assert.equal(o.loanCost.aboveLine, true);
});

test("repaymentPlans on the case from the loan: claimed is the settlement, plans on the lawful 12,696.87", () => {
  const out = repaymentPlans({ overdue: CASE_FROM_LOAN, monthlyBudget: "1500" });
  assert.equal(out.view, "wholeLoan");
  assert.equal(out.claimed.total, "16092.38");
  assert.equal(out.lawful.total, "12696.87");
  assert.equal(out.budget.balance, "12696.87");
  assert.equal(out.plans.find((p) => p.kind === "asIs").totalPaid, "12696.87");
  assert.equal(out.penaltyPerDay, "3.28");
});

/** 12,000 on 2026-01-15 at 12 %/yr, 12 equal-principal months (1,000 + interest 120, 110, 100, …), 罚息 0.05 %/day. */
const bank = (paid, asOf, extra = {}) => ({
  loan: { principal: "12000", startDate: "2026-01-15", rate: { percent: "12", per: "year" }, periods: 12, method: "equalPrincipal" },
  paid,
  asOf,
  penalty: { rate: { percent: "0.05", per: "day" } },
  lender: "bank",
  ...extra,
});

test("a loan below the line: nothing removed", () => {
  // Period 3, 5 days: 2.50; settlement 10,000 + 100 + 2.50; ceiling 10,225.72 + 245.42 = 10,471.14.
  const o = overdueCost(bank(2, "2026-04-20"));
  assert.equal(o.settlement, "10102.50");
  assert.equal(o.line.ceiling, "10471.14");
  assert.deepEqual(o.lawful, o.claimed);
  assert.deepEqual(o.removed, []);
  assert.equal(o.loanCost.aboveLine, false);
});

test("paid: 0, and an instalment due on asOf", () => {
  // Periods 1 (33 days: 16.50) and 2 (5 days: 2.50); 12,000 + 230 + 19 = 12,249.00; ceiling 12,000 + 512.00.
  const o = overdueCost(bank(0, "2026-03-20"));
  assert.deepEqual(o.missed.map((m) => [m.days, m.penalty]), [[33, "16.50"], [5, "2.50"]]);
  assert.equal(o.settlement, "12249.00");
  assert.equal(o.line.ceiling, "12512.00");
  // Due 2026-04-15 on asOf 2026-04-15: not overdue.
  const due = overdueCost(bank(2, "2026-04-15"));
  assert.deepEqual(due.missed, []);
  assert.equal(due.days, 0);
  assert.equal(due.settlement, "10000.00");
});

test("accelerated: the whole unpaid principal overdue from that day", () => {
  // Period 3 its own 15 days (7.50); periods 4–12 from 2026-04-20, 10 days, 5.00 each.
  const o = overdueCost(bank(2, "2026-04-30", { accelerated: "2026-04-20" }));
  assert.equal(o.missed.length, 10);
  assert.equal(o.missed[0].penalty, "7.50");
  assert.ok(o.missed.slice(1).every((m) => m.accelerated && m.days === 10 && m.penalty === "5.00" && m.interest === "0.00"));
  assert.equal(o.notYetDue, "0.00");
  assert.equal(o.settlement, "10152.50");
});

test("a private loan: the line is 4 × the one-year LPR at the contract date", () => {
  // 10,000 bullet at 36 %/yr over 3 months (10,900 due 2025-09-01), 10 days late: 50.00; settlement 10,950.00.
  // 4 × 3.00 % (2025-05-20 fixing) = 12 %; 102 days: 340.00; ceiling 10,340.00; 610.00 removed.
  const loan = { principal: "10000", startDate: "2025-06-01", rate: { percent: "36", per: "year" }, periods: 3, method: "bullet" };
  const input = { loan, paid: 0, asOf: "2025-09-11", penalty: { rate: { percent: "0.05", per: "day" } }, lender: "private" };
  const o = overdueCost(input);
  assert.equal(o.settlement, "10950.00");
  assert.equal(o.line.rule, "cnPrivate4xLpr");
  assert.equal(o.line.percent, "12.0000");
  assert.equal(o.line.ceiling, "10340.00");
  assert.deepEqual(o.removed.map((r) => [r.rule, r.amount]), [["cnPrivate4xLpr", "610.00"]]);
  // Contract made 2025-05-19: the 3.10 % fixing of 2024-10-21 → 12.4 %: 351.33.
  assert.equal(overdueCost({ ...input, contractDate: "2025-05-19" }).line.ceiling, "10351.33");
});

test("bad input on the case from the loan: the error at its field", () => {
  for (const [fn, input, code, field] of [
    [overdueCost, bank(13, "2026-04-20"), "outOfRange", "paid"],
    [overdueCost, bank(2, "2026-02-30"), "invalidDate", "asOf"],
    [overdueCost, bank(2, "2026-01-14"), "conflict", "asOf"],
    [overdueCost, bank(2, "2026-04-20", { days: 5 }), "conflict", "days"],
    [overdueCost, bank(2, "2026-04-20", { accelerated: "2026-05-01" }), "conflict", "accelerated"],
    [repaymentPlans, { overdue: bank(13, "2026-04-20") }, "outOfRange", "overdue.paid"],
    [repaymentPlans, { overdue: bank(2, "2026-13-01") }, "invalidDate", "overdue.asOf"],
  ]) {
    assert.throws(
      () => fn(input),
      (e) => e.code === code && e.field === field,
      `${code} at ${field}`,
    );
  }
});
