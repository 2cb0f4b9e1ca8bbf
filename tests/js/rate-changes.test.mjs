// Rate changes through the built module (www/pkg): `rateChanges` and
// `lprLinked` in loanTerms, as an embedder calls them. The figures are the
// ones derived independently in tests/rate_changes.rs (an exact integer
// model); here they check that the wasm build, the packed rows and the JSON
// fields agree with the host build. Run after `make build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as repay from "../../www/pkg/repay.js";

const { initSync, loanTerms } = repay;
initSync({ module: readFileSync(new URL("../../www/pkg/repay_bg.wasm", import.meta.url)) });

const MORTGAGE = { principal: "1000000", rate: { percent: "4.9", per: "year" }, periods: 360, method: "annuity" };
const toCents = (s) => BigInt(s.replace(".", ""));

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail("expected the call to throw");
}

test("4.9 % → 3.5 % from installment 13: 4,509.54 over the 348 months left", () => {
  const t = loanTerms({ ...MORTGAGE, rateChanges: [{ period: 13, rate: { percent: "3.5", per: "year" } }] });
  assert.equal(t.schedule.length, 360);
  assert.equal(t.schedule[11].payment, "5307.27");
  assert.equal(t.schedule[11].balance, "984978.39");
  assert.equal(t.schedule[12].payment, "4509.54");
  assert.equal(t.schedule[12].interest, "2872.85");
  assert.equal(t.schedule[359].balance, "0.00");
  assert.equal(t.lastPayment, "4507.61");
  assert.equal(t.totals.interest, "633005.23");
  assert.deepEqual(t.rateChanges, [
    { period: 13, ratePercent: "3.5000", per: "year", keep: "term", paymentBefore: "5307.27", paymentAfter: "4509.54", source: "input", index: 0 },
  ]);
  assert.equal(t.interestWithoutChanges, "910615.12");
  assert.equal(t.interestDifference, "-277609.89");
  // Rows are objects with exactly the usual keys (no rate-change fields in rows).
  assert.deepEqual(Object.keys(t.schedule[12]), ["period", "payment", "principal", "interest", "fees", "balance"]);
  // payment = principal + interest + fees in every row; balances fall to 0.00.
  let balance = toCents("1000000.00");
  for (const r of t.schedule) {
    assert.equal(toCents(r.payment), toCents(r.principal) + toCents(r.interest) + toCents(r.fees));
    balance -= toCents(r.principal);
    assert.equal(toCents(r.balance), balance);
  }
  assert.equal(balance, 0n);
});

test("a loan without changes has no rate-change fields", () => {
  const t = loanTerms(MORTGAGE);
  for (const key of ["rateChanges", "interestWithoutChanges", "interestDifference", "lprLinked"]) assert.ok(!(key in t), key);
});

test("dates map to the first installment due on or after them", () => {
  const t = loanTerms({
    ...MORTGAGE,
    startDate: "2025-01-31",
    rateChanges: [
      { date: "2026-03-01", rate: { percent: "4", per: "year" } },
      { date: "2025-02-28", rate: { percent: 4.5, per: "year" } },
    ],
  });
  assert.deepEqual(
    t.rateChanges.map((c) => [c.period, c.dueDate, c.index]),
    [
      [1, "2025-02-28", 1],
      [14, "2026-03-31", 0],
    ],
  );
  assert.equal(t.schedule[13].dueDate, "2026-03-31");
});

test("an LPR-linked 2019 mortgage repriced each January: the rows of the LPR table it used", () => {
  const t = loanTerms({
    principal: "1000000",
    periods: 360,
    method: "annuity",
    startDate: "2019-10-15",
    lprLinked: { spreadBasisPoints: 50, repricing: "january" },
  });
  assert.equal(t.lprLinked.initialLpr.date, "2019-09-20");
  assert.equal(t.lprLinked.initialRatePercent, "5.3500");
  assert.equal(t.firstPayment, "5584.14");
  assert.deepEqual(
    t.rateChanges.map((c) => [c.period, c.repricingDate, c.lpr.date, c.lpr.percent, c.ratePercent]),
    [
      [3, "2020-01-01", "2019-11-20", "4.8000", "5.3000"],
      [15, "2021-01-01", "2020-04-20", "4.6500", "5.1500"],
      [39, "2023-01-01", "2022-08-22", "4.3000", "4.8000"],
      [51, "2024-01-01", "2023-08-21", "4.2000", "4.7000"],
      [63, "2025-01-01", "2024-10-21", "3.6000", "4.1000"],
      [75, "2026-01-01", "2025-05-20", "3.5000", "4.0000"],
    ],
  );
  assert.equal(t.totals.interest, "781311.28");
  assert.deepEqual(
    t.warnings.map((w) => w.code),
    ["lprAssumed"],
  );
  // The same source as legalRules() gives for the LPR table.
  assert.deepEqual(t.lprLinked.source, repay.legalRules().lprSource);
  assert.equal(t.lprLinked.confirmedThrough, repay.legalRules().lprConfirmedThrough);
});

test("errors name the field path", () => {
  const cases = [
    [{ rateChanges: [{ period: 2, rate: { percent: 3, per: "year" } }, { period: 3, rate: { percent: 3, per: "year" } }, { period: 4, rate: { percent: -1, per: "year" } }] }, "negativeAmount", "rateChanges[2].rate.percent"],
    [{ rateChanges: [{ period: 361, rate: { percent: 3, per: "year" } }] }, "outOfRange", "rateChanges[0].period"],
    [{ rateChanges: [{ period: 5, rate: { percent: 3, per: "year" } }, { period: 5, rate: { percent: 4, per: "year" } }] }, "conflict", "rateChanges[1].period"],
    [{ rateChanges: [{ date: "2026-01-01", rate: { percent: 3, per: "year" } }] }, "conflict", "rateChanges[0].date"],
    [{ rateChanges: Array.from({ length: 601 }, () => ({ period: 1, rate: { percent: 1, per: "year" } })) }, "tooManyItems", "rateChanges"],
    [{ lprLinked: { spreadBasisPoints: 0, repricing: "january" } }, "missingField", "startDate"],
    [{ startDate: "2019-01-01", lprLinked: { spreadBasisPoints: 0, repricing: "january" } }, "outOfRange", "startDate"],
    [{ startDate: "2020-01-01", lprLinked: { spreadBasisPoints: 0, repricing: "weekly" } }, "unknownValue", "lprLinked.repricing"],
    [{ rateChanges: [{ period: 13, rate: { percent: "6.5", per: "year" }, keep: "payment" }] }, "conflict", "rateChanges[0].keep"],
  ];
  for (const [extra, code, field] of cases) {
    const e = thrown(() => loanTerms({ ...MORTGAGE, ...extra }));
    assert.ok(e instanceof Error);
    assert.equal(e.code, code, `${field}: ${e.message}`);
    assert.equal(e.field, field, e.message);
  }
});
