// The JavaScript API of the built module (www/pkg), checked against the contract in
// docs/api.md. Run with `node --test tests/js/` after `make build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as repay from "../../www/pkg/repay.js";

const { initSync, loanTerms, cashflowRate, version } = repay;
initSync({ module: readFileSync(new URL("../../www/pkg/repay_bg.wasm", import.meta.url)) });

const MONEY = /^-?\d+\.\d{2}$/;
const RATE = /^-?\d+\.\d{4}$/;
const METHODS = ["annuity", "equalPrincipal", "interestOnly", "bullet", "flat"];
const REFERENCE = { principal: "1000000", rate: { percent: "4.9", per: "year" }, periods: 360, method: "annuity" };

/** Calls `fn` and returns the thrown value; fails when nothing is thrown. */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail("expected the call to throw");
}

/** Asserts the call throws an `Error` carrying `code` and `field` and a non-empty message. */
function assertApiError(fn, code, field) {
  const e = thrown(fn);
  assert.ok(e instanceof Error, `expected an Error, got ${String(e)}`);
  assert.equal(e.code, code, `code (message: ${e.message})`);
  if (field !== undefined) assert.equal(e.field, field, `field (message: ${e.message})`);
  assert.equal(typeof e.message, "string");
  assert.ok(e.message.length > 0);
  return e;
}

/** Rounds a percent string to `dp` places as a string, half-up (inputs are positive here). */
const toDp = (s, dp) => (Math.round(Number(s) * 10 ** dp) / 10 ** dp).toFixed(dp);

// ---------------------------------------------------------------------------------------------
// Exports

test("exports: every contract function exists", () => {
  for (const name of ["loanTerms", "cashflowRate", "version", "overdueCost", "legalRules", "repaymentPlans", "debtPlan"]) {
    assert.equal(typeof repay[name], "function", `${name} is exported as a function`);
  }
});

test("version() returns the crate version as a semver string", () => {
  const v = version();
  assert.equal(typeof v, "string");
  assert.match(v, /^\d+\.\d+\.\d+/);
});

test("loanTerms: output shape", () => {
  const t = loanTerms({ ...REFERENCE, startDate: "2026-01-31" });
  assert.equal(t.schedule.length, 360);
  for (const k of ["period", "dueDate", "payment", "principal", "interest", "fees", "balance"]) {
    assert.ok(k in t.schedule[0], `schedule row has ${k}`);
  }
  assert.deepEqual(Object.keys(t.totals).sort(), ["fees", "interest", "payment", "principal"]);
  assert.deepEqual(Object.keys(t.apr).sort(), ["effectivePercent", "nominalPercent", "periodicPercent"]);
  for (const k of ["received", "upfrontFees", "upfrontDeduction", "costOfCredit", "firstPayment", "lastPayment"]) {
    assert.match(t[k], MONEY, k);
  }
  assert.ok(Array.isArray(t.warnings));
  assert.equal(t.schedule[0].dueDate, "2026-02-28", "day of month clamped to the month's end");
  assert.equal(t.schedule[1].dueDate, "2026-03-31", "day of month kept from the loan date");
  assert.equal(t.schedule.map((r) => r.period).join(), Array.from({ length: 360 }, (_, i) => i + 1).join());
  // Without a startDate there is no dueDate key at all.
  assert.ok(!("dueDate" in loanTerms(REFERENCE).schedule[0]));
});

// ---------------------------------------------------------------------------------------------
// Reference values

test("reference loan 1,000,000 / 360 months / 4.9 %/yr annuity", () => {
  const t = loanTerms(REFERENCE);
  assert.equal(t.schedule[0].payment, "5307.27");
  assert.equal(t.schedule[0].interest, "4083.33");
  assert.equal(t.schedule.at(-1).balance, "0.00");
  assert.equal(t.totals.principal, "1000000.00");
  assert.equal(t.firstPayment, "5307.27");
  assert.equal(t.lastPayment, t.schedule.at(-1).payment);
  assert.equal(t.apr.nominalPercent, "4.9000", "no fees: the true cost is the contract rate");
  assert.deepEqual(t.warnings, []);
});

test("interest is computed exactly before rounding (7,500 × 4.9 % ÷ 12 = 30.625 → 30.63)", () => {
  const t = loanTerms({ principal: "7500", rate: { percent: "4.9", per: "year" }, periods: 2, method: "interestOnly" });
  assert.equal(t.schedule[0].interest, "30.63");
});

test("PBoC-style disclosure example (2021 announcement, as reported): 100,000, 1,000 fee upfront, flat 0.5 %/month, 12 months → 12.80 % / 13.58 %", () => {
  const t = loanTerms({
    principal: "100000",
    rate: { percent: "0.5", per: "month" },
    periods: 12,
    method: "flat",
    fees: [{ label: "service", amount: "1000", when: "upfront" }],
  });
  assert.equal(t.received, "99000.00");
  assert.equal(t.upfrontDeduction, "1000.00");
  assert.equal(t.schedule[0].payment, "8833.33");
  assert.equal(toDp(t.apr.nominalPercent, 2), "12.80");
  assert.equal(toDp(t.apr.effectivePercent, 2), "13.58");
  const codes = t.warnings.map((w) => w.code);
  assert.ok(codes.includes("upfrontDeduction"), codes.join());
  assert.ok(codes.includes("flatRate"), codes.join());
});

test("cashflowRate: EU Directive example (1,000 on 1994-01-01, −1,200 on 1995-07-01) → 12.96 %", () => {
  const r = cashflowRate({
    flows: [
      { amount: "1000", date: "1994-01-01" },
      { amount: "-1200", date: "1995-07-01" },
    ],
    convention: "eu",
  });
  assert.match(r.effectivePercent, RATE);
  assert.equal(toDp(r.effectivePercent, 2), "12.96");
});

// Excel's own XIRR documentation example: values −10,000 (2008-01-01), 2,750 (2008-03-01),
// 4,250 (2008-10-30), 3,250 (2009-02-15), 2,750 (2009-04-01); =XIRR(...) returns 0.373362535,
// i.e. 37.34 %. Source: Microsoft Support, "XIRR function",
// https://support.microsoft.com/en-us/office/xirr-function-de1242ec-6477-445b-b11b-a303ad9adc9d
// (read via the zh-cn copy of the same page, support.microsoft.com/zh-cn/excel/functions/xirr-function).
test("cashflowRate: Excel XIRR documentation example → 0.373362535 (37.34 %)", () => {
  const flows = [
    [-10000, "2008-01-01"],
    [2750, "2008-03-01"],
    [4250, "2008-10-30"],
    [3250, "2009-02-15"],
    [2750, "2009-04-01"],
  ].map(([amount, date]) => ({ amount, date }));
  const r = cashflowRate({ flows }); // dates → xirr by default
  assert.equal(r.effectivePercent, "37.3363");
  assert.ok(Math.abs(Number(r.effectivePercent) - 37.3362535) < 0.00005);
  assert.deepEqual(cashflowRate({ flows, convention: "xirr" }), r);
});

test("cashflowRate: periodic flows give periodic, nominal and effective", () => {
  const t = loanTerms(REFERENCE);
  const flows = [{ amount: "1000000", period: 0 }, ...t.schedule.map((r) => ({ amount: "-" + r.payment, period: r.period }))];
  const r = cashflowRate({ flows });
  assert.equal(r.periodicPercent, t.apr.periodicPercent);
  assert.equal(r.nominalPercent, t.apr.nominalPercent);
  assert.equal(r.effectivePercent, t.apr.effectivePercent);
});

test("cashflowRate: flows without a sign change are noSolution, never NaN", () => {
  assertApiError(() => cashflowRate({ flows: [{ amount: 1000, period: 0 }, { amount: 1200, period: 1 }] }), "noSolution");
});

// ---------------------------------------------------------------------------------------------
// Errors

test("error: negative principal → negativeAmount on principal", () => {
  assertApiError(() => loanTerms({ ...REFERENCE, principal: "-1000" }), "negativeAmount", "principal");
  assertApiError(() => loanTerms({ ...REFERENCE, principal: -1000 }), "negativeAmount", "principal");
});

test("error: fees[1].amount \"abc\" → invalidNumber on that exact path", () => {
  const e = assertApiError(
    () =>
      loanTerms({
        ...REFERENCE,
        fees: [
          { label: "ok", amount: "10", when: "upfront" },
          { label: "bad", amount: "abc", when: "eachPeriod" },
        ],
      }),
    "invalidNumber",
    "fees[1].amount",
  );
  assert.match(e.message, /fees\[1\]\.amount/);
});

test("error: an unknown field (a typo) → unknownField naming it", () => {
  const { principal, ...rest } = REFERENCE;
  assertApiError(() => loanTerms({ ...rest, principal, princpal: "1" }), "unknownField", "princpal");
  assertApiError(() => loanTerms({ ...REFERENCE, rate: { percent: "4.9", per: "year", pr: 1 } }), "unknownField", "rate.pr");
});

test("error: a missing field → missingField", () => {
  const { method, ...rest } = REFERENCE;
  assertApiError(() => loanTerms(rest), "missingField", "method");
});

test("error: input of the wrong type (42, a string, a list, null) → wrongType", () => {
  for (const input of [42, "1000", [], null, undefined, true]) {
    assertApiError(() => loanTerms(input), "wrongType");
  }
  assertApiError(() => loanTerms({ ...REFERENCE, principal: true }), "wrongType", "principal");
  assertApiError(() => loanTerms({ ...REFERENCE, fees: {} }), "wrongType", "fees");
});

// docs/api.md: "`field` (path such as `fees[1].amount`, or `null`)": a top-level wrong type concerns
// no field, so `field` must be null (not an empty string).
test("error: a wrong top-level type has field null", () => {
  for (const input of [42, "x", [], null]) {
    const e = assertApiError(() => loanTerms(input), "wrongType");
    assert.equal(e.field, null, `loanTerms(${JSON.stringify(input)}).field`);
  }
});

test("error: NaN and ±Infinity numbers → invalidNumber", () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    assertApiError(() => loanTerms({ ...REFERENCE, principal: bad }), "invalidNumber", "principal");
    assertApiError(() => loanTerms({ ...REFERENCE, rate: { percent: bad, per: "year" } }), "invalidNumber", "rate.percent");
    assertApiError(
      () => cashflowRate({ flows: [{ amount: 1000, period: 0 }, { amount: bad, period: 1 }] }),
      "invalidNumber",
      "flows[1].amount",
    );
  }
});

test("error: impossible or malformed dates → invalidDate", () => {
  for (const d of ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-2-3", "26-01-01", "2026/01/01", ""]) {
    assertApiError(() => loanTerms({ ...REFERENCE, startDate: d }), "invalidDate", "startDate");
  }
  assertApiError(
    () => cashflowRate({ flows: [{ amount: 1000, date: "2026-01-01" }, { amount: -1100, date: "2026-02-30" }] }),
    "invalidDate",
    "flows[1].date",
  );
  // A leap day is a real date.
  assert.equal(loanTerms({ ...REFERENCE, startDate: "2024-02-29" }).schedule[0].dueDate, "2024-03-29");
});

test("error: a JS number with more than 10 decimals → tooManyDecimals", () => {
  assertApiError(() => loanTerms({ ...REFERENCE, principal: 1000.12345678901 }), "tooManyDecimals", "principal");
  assertApiError(() => loanTerms({ ...REFERENCE, principal: 0.1 + 0.2 }), "tooManyDecimals", "principal"); // 0.30000000000000004
  assertApiError(() => loanTerms({ ...REFERENCE, principal: "1000.12345678901" }), "tooManyDecimals", "principal");
  // Ten decimals are accepted.
  assert.equal(loanTerms({ ...REFERENCE, principal: 1000.1234567891 }).totals.principal, "1000.12");
});

test("error: other codes are set as documented", () => {
  assertApiError(() => loanTerms({ ...REFERENCE, method: "annuitty" }), "unknownValue", "method");
  assertApiError(() => loanTerms({ ...REFERENCE, periods: 601 }), "outOfRange", "periods");
  assertApiError(() => loanTerms({ ...REFERENCE, periods: 0 }), "notPositive", "periods");
  assertApiError(() => loanTerms({ ...REFERENCE, periods: 45.5 }), "notWhole", "periods");
  assertApiError(() => loanTerms({ ...REFERENCE, principal: 0.001 }), "belowMinimum", "principal");
  assertApiError(() => loanTerms({ ...REFERENCE, principal: "99999999999999999999999" }), "tooLarge", "principal");
  assertApiError(() => loanTerms({ ...REFERENCE, principal: "9".repeat(200_000) }), "tooLarge", "principal");
  assertApiError(() => loanTerms({ ...REFERENCE, principal: 99999999999999999999999 }), "tooLarge", "principal");
  assertApiError(() => loanTerms({ ...REFERENCE, principal: "1e5" }), "invalidNumber", "principal");
  assertApiError(() => loanTerms({ ...REFERENCE, principal: "12,5" }), "invalidNumber", "principal");
  assertApiError(
    () => loanTerms({ ...REFERENCE, fees: [{ label: "x", amount: "1", percentOfPrincipal: "1", when: "upfront" }] }),
    "conflict",
    "fees[0]",
  );
});

// ---------------------------------------------------------------------------------------------
// Number formats

function* loansOfEveryMethod() {
  const rates = [
    { percent: "4.9", per: "year" },
    { percent: "0.5", per: "month" },
    { percent: "0.05", per: "day" },
    { percent: "0", per: "year" },
  ];
  const shapes = [
    { principal: "1000000", periods: 360 },
    { principal: "12345.67", periods: 7, startDate: "2026-01-31" },
    {
      principal: 5000,
      periods: 12,
      fees: [
        { label: "svc", amount: "100", when: "upfront" },
        { label: "mgmt", percentOfPrincipal: "0.3", when: "eachPeriod" },
        { label: "end", amount: 25.5, when: "atEnd" },
      ],
    },
    { principal: "80000", periods: 24, received: "76000" },
  ];
  for (const method of METHODS) {
    for (const rate of rates) {
      for (const shape of shapes) yield { ...shape, rate, method };
    }
    if (method !== "bullet" && method !== "flat") {
      yield {
        principal: "200000",
        rate: { percent: "4.35", per: "year" },
        periods: 120,
        method,
        prepayments: [
          { period: 12, amount: "20000", then: "shortenTerm" },
          { period: 36, amount: "10000", then: "lowerPayment" },
        ],
      };
    }
  }
}

test("formats: every money string has two decimals and every rate four, for every method", () => {
  let loans = 0;
  for (const input of loansOfEveryMethod()) {
    const label = JSON.stringify(input);
    const t = loanTerms(input);
    loans++;
    for (const row of t.schedule) {
      for (const k of ["payment", "principal", "interest", "fees", "balance"]) assert.match(row[k], MONEY, `${k} in ${label}`);
      assert.ok(Number.isInteger(row.period));
    }
    for (const k of ["payment", "principal", "interest", "fees"]) assert.match(t.totals[k], MONEY, `totals.${k} in ${label}`);
    for (const k of ["received", "upfrontFees", "upfrontDeduction", "costOfCredit", "firstPayment", "lastPayment"]) {
      assert.match(t[k], MONEY, `${k} in ${label}`);
    }
    assert.ok(t.apr !== null || t.warnings.some((w) => w.code === "aprUnavailable"), `apr null without warning: ${label}`);
    if (t.apr) for (const k of ["periodicPercent", "nominalPercent", "effectivePercent"]) assert.match(t.apr[k], RATE, `${k} in ${label}`);
    assert.equal(t.schedule.at(-1).balance, "0.00", `last balance in ${label}`);
    assert.ok(!JSON.stringify(t).includes("-0.00"), `negative zero in ${label}`);
    for (const w of t.warnings) {
      assert.equal(typeof w.code, "string");
      assert.equal(typeof w.message, "string");
    }
  }
  assert.ok(loans >= 80, `${loans} loans checked`);
});

test("formats: cashflowRate rates have four decimals in every convention", () => {
  const dated = [
    { amount: "5000", date: "2026-01-15" },
    { amount: "-1800", date: "2026-02-15" },
    { amount: "-1800", date: "2026-03-20" },
    { amount: "-1800", date: "2026-04-15" },
  ];
  for (const convention of ["xirr", "eu", "usRegZ"]) {
    const r = cashflowRate({ flows: dated, convention });
    for (const v of Object.values(r)) assert.match(v, RATE, convention);
    assert.match(r.effectivePercent, RATE);
  }
  const periodic = [{ amount: 5000, period: 0 }, { amount: -1800, period: 1.25 }, { amount: -1800, period: 2.25 }, { amount: -1800, period: 3.25 }];
  for (const convention of ["periodic", "usRegZ", "eu"]) {
    const r = cashflowRate({ flows: periodic, convention, periodsPerYear: 12 });
    for (const v of Object.values(r)) assert.match(v, RATE, convention);
  }
});

test("cashflowRate: a computed fraction of a period and periods a year keep all their digits (usRegZ)", () => {
  // Hand-derived (tests/errors.rs): (1 + i)(1 + i/6) = 1.05, i = (√50.2 − 7)/2.
  const flows = [{ amount: 1000, period: 0 }, { amount: -1050, period: 1 + 5 / 30 }];
  const r = cashflowRate({ flows, convention: "usRegZ", periodsPerYear: 365 / 7 });
  assert.deepEqual(r, { periodicPercent: "4.2598", nominalPercent: "222.1177", effectivePercent: "780.3684" });
  // Money keeps its ten-place rule.
  assertApiError(
    () => cashflowRate({ flows: [flows[0], { amount: -(0.1 + 0.2), period: 1 }], convention: "usRegZ" }),
    "tooManyDecimals",
    "flows[1].amount",
  );
});

// ---------------------------------------------------------------------------------------------
// JS numbers are read at their printed value

test("numbers: a JS number gives the same result as the same decimal string", () => {
  const pairs = [
    [{ principal: 1234.5 }, { principal: "1234.5" }],
    [{ rate: { percent: 0.1, per: "month" } }, { rate: { percent: "0.1", per: "month" } }],
    [{ principal: 0.1, periods: 1 }, { principal: "0.1", periods: 1 }],
    [{ fees: [{ label: "f", amount: 0.1, when: "eachPeriod" }] }, { fees: [{ label: "f", amount: "0.1", when: "eachPeriod" }] }],
  ];
  for (const method of METHODS) {
    for (const [asNumber, asString] of pairs) {
      const base = { ...REFERENCE, periods: 24, method };
      assert.deepEqual(loanTerms({ ...base, ...asNumber }), loanTerms({ ...base, ...asString }), JSON.stringify(asNumber));
    }
  }
  assert.deepEqual(
    cashflowRate({ flows: [{ amount: 1234.5, period: 0 }, { amount: -1300.1, period: 1 }] }),
    cashflowRate({ flows: [{ amount: "1234.5", period: 0 }, { amount: "-1300.1", period: 1 }] }),
  );
});

// ---------------------------------------------------------------------------------------------
// Robustness: no input traps the module

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nested(depth) {
  let v = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

function junkValue(r) {
  const pool = [
    () => undefined,
    () => null,
    () => NaN,
    () => Infinity,
    () => -Infinity,
    () => -0,
    () => 0,
    () => -1,
    () => 1e308,
    () => -1e308,
    () => 5e-324,
    () => 1e-11,
    () => 2 ** 53 + 1,
    () => 1e16,
    () => 1e17,
    () => 999999999999.99,
    () => 0.1 + 0.2,
    () => Math.floor(r() * 2000) - 500,
    () => r() * 1e6,
    () => true,
    () => false,
    () => "",
    () => " ",
    () => "abc",
    () => "1e5",
    () => "0x10",
    () => "+5",
    () => "-",
    () => ".",
    () => "5.",
    () => ".5",
    () => "00012.3400",
    () => "١٢٣",
    () => "１２３",
    () => "12,5",
    () => "1_000",
    () => "NaN",
    () => "Infinity",
    () => "9".repeat(40),
    () => "0." + "1".repeat(40),
    () => "1".repeat(100_000),
    () => "\u0000",
    () => "2026-02-30",
    () => "2026-02-28",
    () => "9999-12-31",
    () => "1899-12-31",
    () => "2200-12-31",
    () => "annuity",
    () => "year",
    () => [],
    () => [1, 2, 3],
    () => ({}),
    () => ({ percent: "4.9", per: "year" }),
    () => ({ percent: "100000", per: "day" }),
    () => ({ percent: "-5", per: "year" }),
    () => ({ label: "x", amount: "1", when: "upfront" }),
    () => nested(200),
    () => new Date(0),
    () => new Map([["principal", 1]]),
    () => Object.create(null),
    () => 10n,
    () => 2n ** 70n,
    () => Symbol("s"),
    () => () => 1,
    () => new Uint8Array(4),
  ];
  return pool[Math.floor(r() * pool.length)]();
}

const LOAN_KEYS = ["principal", "received", "rate", "periods", "method", "fees", "startDate", "prepayments", "dayBasis", "__proto__", "constructor", "x"];

function malformedLoan(r) {
  const input = {
    principal: "50000",
    rate: { percent: "12", per: "year" },
    periods: 36,
    method: METHODS[Math.floor(r() * METHODS.length)],
  };
  const edits = 1 + Math.floor(r() * 3);
  for (let i = 0; i < edits; i++) {
    const k = LOAN_KEYS[Math.floor(r() * LOAN_KEYS.length)];
    const roll = r();
    if (roll < 0.15) delete input[k];
    else if (roll < 0.3 && k === "rate") input.rate = { percent: junkValue(r), per: ["day", "month", "year", "week", junkValue(r)][Math.floor(r() * 5)] };
    else if (roll < 0.45 && (k === "fees" || k === "prepayments"))
      input[k] = Array.from({ length: Math.floor(r() * 4) }, () =>
        k === "fees"
          ? { label: junkValue(r), amount: junkValue(r), when: ["upfront", "eachPeriod", "atEnd", junkValue(r)][Math.floor(r() * 4)] }
          : { period: junkValue(r), amount: junkValue(r), then: ["shortenTerm", "lowerPayment", junkValue(r)][Math.floor(r() * 3)] },
      );
    else Object.defineProperty(input, k, { value: junkValue(r), enumerable: true, configurable: true, writable: true });
  }
  return input;
}

function malformedFlows(r) {
  const n = Math.floor(r() * 6);
  const flows = Array.from({ length: n }, (_, i) => {
    const f = { amount: r() < 0.7 ? (i === 0 ? 1000 : -300) : junkValue(r) };
    const roll = r();
    if (roll < 0.4) f.date = r() < 0.6 ? `2026-0${1 + i}-15` : junkValue(r);
    else if (roll < 0.8) f.period = r() < 0.6 ? i : junkValue(r);
    else if (roll < 0.9) {
      f.date = "2026-01-01";
      f.period = 1;
    }
    return f;
  });
  const input = { flows };
  if (r() < 0.3) input.convention = ["periodic", "xirr", "eu", "usRegZ", junkValue(r)][Math.floor(r() * 5)];
  if (r() < 0.3) input.periodsPerYear = junkValue(r);
  if (r() < 0.1) input.flows = junkValue(r);
  return input;
}

/** Inputs picked by hand at the edges of the supported ranges. */
const EDGE_CASES = [
  ["loanTerms", { principal: "999999999999.99", rate: { percent: "1000", per: "day" }, periods: 600, method: "annuity" }],
  ["loanTerms", { principal: "999999999999.99", rate: { percent: "1000", per: "day" }, periods: 600, method: "bullet" }],
  ["loanTerms", { principal: "999999999999.99", rate: { percent: "1000", per: "day" }, periods: 600, method: "flat" }],
  ["loanTerms", { principal: "0.01", rate: { percent: "0.0000000001", per: "year" }, periods: 600, method: "annuity" }],
  ["loanTerms", { principal: "0.0000000001", rate: { percent: "4.9", per: "year" }, periods: 600, method: "equalPrincipal" }],
  ["loanTerms", { principal: "1000", received: "0.01", rate: { percent: "4.9", per: "year" }, periods: 600, method: "annuity" }],
  ["loanTerms", { principal: "1000", received: "999999999999", rate: { percent: "4.9", per: "year" }, periods: 1, method: "annuity" }],
  ["loanTerms", { principal: "1000", rate: { percent: "4.9", per: "year" }, periods: 12, method: "annuity", fees: [{ label: "all", percentOfPrincipal: "100", when: "upfront" }] }],
  ["loanTerms", { principal: "1000", rate: { percent: "4.9", per: "year" }, periods: 12, method: "annuity", fees: [{ label: "huge", amount: "999999999999", when: "eachPeriod" }] }],
  ["loanTerms", { principal: "1000", rate: { percent: "4.9", per: "year" }, periods: 12, method: "annuity", prepayments: [{ period: 1, amount: "999999999999", then: "lowerPayment" }] }],
  ["loanTerms", { principal: "1000", rate: { percent: "4.9", per: "year" }, periods: 12, method: "annuity", startDate: "2199-12-31" }],
  ["loanTerms", { ...REFERENCE, fees: Array.from({ length: 21 }, () => ({ label: "f", amount: "1", when: "upfront" })) }],
  ["cashflowRate", { flows: [{ amount: "999999999999", period: 0 }, { amount: "-0.01", period: 1000000 }] }],
  ["cashflowRate", { flows: [{ amount: "0.01", period: 0 }, { amount: "-999999999999", period: 1 }] }],
  ["cashflowRate", { flows: [{ amount: "1000", date: "1900-01-01" }, { amount: "-1000000", date: "2200-12-31" }], convention: "eu" }],
  ["cashflowRate", { flows: [{ amount: "1000", period: 0 }, { amount: "-1", period: 0.0000000001 }], periodsPerYear: 0.01 }],
  ["cashflowRate", { flows: [{ amount: "1000", period: 0 }, { amount: "-3000", period: 1 }, { amount: "2000", period: 2 }] }],
  ["cashflowRate", { flows: Array.from({ length: 10001 }, (_, i) => ({ amount: i ? -1 : 9000, period: i })) }],
];

test("robustness: ~200 random malformed inputs each return or throw an Error with a string code; the module keeps working", () => {
  const r = rng(20261129);
  const before = loanTerms(REFERENCE);
  const cases = [...EDGE_CASES];
  for (let i = 0; i < 120; i++) cases.push(["loanTerms", malformedLoan(r)]);
  for (let i = 0; i < 80; i++) cases.push(["cashflowRate", malformedFlows(r)]);
  for (let i = 0; i < 10; i++) cases.push([["overdueCost", "repaymentPlans", "debtPlan"][i % 3], junkValue(r)]);
  let returned = 0;
  let threw = 0;
  const describe = (input) => {
    try {
      return JSON.stringify(input, (_, v) => (typeof v === "bigint" ? `${v}n` : v))?.slice(0, 300);
    } catch {
      return String(input);
    }
  };
  for (const [fn, input] of cases) {
    let out;
    try {
      out = repay[fn](input);
      returned++;
    } catch (e) {
      threw++;
      assert.ok(e instanceof Error, `${fn}(${describe(input)}) threw a non-Error: ${String(e)}`);
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `${fn}(${describe(input)}) trapped: ${e.message}`);
      assert.equal(typeof e.code, "string", `${fn}(${describe(input)}) threw without a string code: ${e.name}: ${e.message}`);
      assert.equal(typeof e.message, "string");
      continue;
    }
    assert.ok(out !== null && typeof out === "object", `${fn}(${describe(input)}) returned ${String(out)}`);
    assert.ok(!/NaN|Infinity/.test(JSON.stringify(out)), `${fn}(${describe(input)}) returned NaN/Infinity`);
  }
  assert.ok(cases.length >= 200, `${cases.length} cases`);
  assert.ok(threw > 0 && returned > 0, `returned ${returned}, threw ${threw}`);
  // The module still answers, and answers the same.
  assert.deepEqual(loanTerms(REFERENCE), before);
  assert.equal(cashflowRate({ flows: [{ amount: 1000, period: 0 }, { amount: -1100, period: 1 }] }).periodicPercent, "10.0000");
});

// Must stay the last test of the file: when it fails, the module is left unusable for every later call.
// docs/api.md: "No input can make the module panic or trap." A deeply nested plain object is such an input:
// at ~3,700 levels the recursive deserializer overflows the wasm shadow stack ("memory access out of
// bounds"), the stack pointer is never restored and every later call traps as well.
test("robustness: a deeply nested input (4,000 levels) is rejected with a code and does not break the module", () => {
  for (const input of [nested(4000), { ...REFERENCE, fees: [nested(4000)] }]) {
    try {
      loanTerms(input);
    } catch (e) {
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `loanTerms(nested 4000) trapped: ${e.message}`);
      assert.equal(typeof e.code, "string", `loanTerms(nested 4000) threw without a code: ${e.name}: ${e.message}`);
    }
  }
  assert.equal(loanTerms(REFERENCE).schedule[0].payment, "5307.27", "the module still works afterwards");
});
