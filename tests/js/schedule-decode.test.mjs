// src/wasm/schedule.js: the JS half of loanTerms' row transfer (the Rust half,
// `loan_terms_parts`, is checked in tests/properties.rs). Unit cases on the
// decoder itself, then the built module end to end: every row in order, with
// exactly the keys and key order JSON.parse of the whole output would give,
// and rows that add up to the totals. Run with `node --test tests/js/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withSchedule } from "../../src/wasm/schedule.js";
import { initSync, loanTerms } from "../../www/pkg/repay.js";

initSync({ module: readFileSync(new URL("../../www/pkg/repay_bg.wasm", import.meta.url)) });

const KEYS = ["period", "payment", "principal", "interest", "fees", "balance"];

/** Packs rows of seven fields the way src/api/json.rs does: lengths, then the fields. */
const pack = (rows) => {
  const fields = rows.flat();
  return fields.map((f) => String.fromCharCode(48 + f.length)).join("") + fields.join("");
};
const DATED = ["period", "dueDate", "payment", "principal", "interest", "fees", "balance"];

test("decoder: no rows gives an empty schedule and keeps everything else", () => {
  const out = withSchedule('{"schedule":[],"totals":{"payment":"0.00"},"warnings":[]}', "", 0);
  assert.deepEqual(out, { schedule: [], totals: { payment: "0.00" }, warnings: [] });
  assert.deepEqual(Object.keys(out), ["schedule", "totals", "warnings"]);
});

test("decoder: rows without a date have no dueDate key", () => {
  const out = withSchedule('{"schedule":[],"x":1}', pack([["1", "", "10.10", "10.00", "0.10", "0.00", "0.00"]]), 1);
  assert.deepEqual(out.schedule, [{ period: 1, payment: "10.10", principal: "10.00", interest: "0.10", fees: "0.00", balance: "0.00" }]);
  assert.deepEqual(Object.keys(out.schedule[0]), KEYS);
  assert.deepEqual(Object.keys(out), ["schedule", "x"]);
});

test("decoder: dated rows put dueDate second, and periods are numbers", () => {
  const packed = pack([
    ["1", "2026-01-31", "-5.00", "1.00", "2.00", "-8.00", "9.00"],
    ["600", "2076-01-31", "1234567890.12", "0.00", "0.00", "0.00", "0.00"],
  ]);
  const rows = withSchedule('{"schedule":[]}', packed, 2).schedule;
  assert.equal(rows.length, 2);
  assert.deepEqual(Object.keys(rows[1]), DATED);
  assert.deepEqual(rows[1], { period: 600, dueDate: "2076-01-31", payment: "1234567890.12", principal: "0.00", interest: "0.00", fees: "0.00", balance: "0.00" });
  assert.equal(rows[0].payment, "-5.00");
  assert.equal(typeof rows[0].period, "number");
});

const cents = (s) => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s);
  assert.ok(m, `money text: ${s}`);
  const v = BigInt(m[2]) * 100n + BigInt(m[3]);
  return m[1] ? -v : v;
};

for (const [name, input] of [
  ["360-month annuity", { principal: "1000000", rate: { percent: "4.9", per: "year" }, periods: 360, method: "annuity" }],
  ["dated equal principal with fees", { principal: "12000", rate: { percent: "0.05", per: "day" }, periods: 24, method: "equalPrincipal", startDate: "2024-01-31", fees: [{ label: "服务费", amount: "30", when: "eachPeriod" }] }],
  ["one-period bullet", { principal: "5000", rate: { percent: "18", per: "year" }, periods: 1, method: "bullet" }],
]) {
  test(`module: ${name} comes back whole`, () => {
    const t = loanTerms(input);
    assert.equal(Object.keys(t)[0], "schedule");
    const keys = input.startDate ? DATED : KEYS;
    t.schedule.forEach((r, k) => {
      assert.deepEqual(Object.keys(r), keys, `row ${k + 1}`);
      assert.equal(r.period, k + 1);
      assert.equal(cents(r.payment), cents(r.principal) + cents(r.interest) + cents(r.fees), `row ${k + 1}`);
    });
    const sum = (f) => t.schedule.reduce((s, r) => s + cents(r[f]), 0n);
    assert.equal(sum("payment"), cents(t.totals.payment));
    assert.equal(sum("principal"), cents(input.principal + ".00"));
    assert.equal(t.schedule.at(-1).balance, "0.00");
    assert.equal(t.schedule.length, input.periods);
  });
}

test("decoder: packed rows that do not match their count are refused", () => {
  const one = pack([["1", "", "1.00", "1.00", "0.00", "0.00", "0.00"]]);
  assert.throws(() => withSchedule('{"schedule":[]}', one + "9", 1), /do not match/);
  assert.throws(() => withSchedule('{"schedule":[]}', one.slice(0, -1), 1), /do not match/);
  assert.throws(() => withSchedule('{"schedule":[]}', one, 2), /do not match/);
});
