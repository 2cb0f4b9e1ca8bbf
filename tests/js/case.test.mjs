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
