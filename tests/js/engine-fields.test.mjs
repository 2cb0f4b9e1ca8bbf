// The panels that build an engine input declare, field by field, where each
// field goes in it (www/panels/fields.js): a field is sent at one engine path
// by form.js readInput, read by the panel's own code into the paths it names
// (own), or never sent (stateOnly); a list's rows go into the engine list of
// its name. Every one of those paths must be one the engine reads: a path of
// an input the engine accepts (it refuses any key it does not read as
// unknownField, so every key of an accepted input is one it reads; the inputs
// are the typed examples, tests/types/examples.mjs). The browser test
// tests/browser/state-fields.test.mjs checks that the inputs the panels send
// hold no other path. Run after `make build`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as repay from "../../www/pkg/repay.js";
import { EXAMPLES } from "../types/examples.mjs";
import { DECLARED, FIELD, OVERDUE } from "../../www/panels/fields.js";
import { readInput } from "../../www/form.js";

repay.initSync({ module: readFileSync(new URL("../../www/pkg/repay_bg.wasm", import.meta.url)) });

/** Read by readInput: one engine path each. */
const SENT = ["number", "date", "choice", "checked", "whenChecked"];
const isList = (kind) => Array.isArray(kind.fields);
const PANELS = Object.entries(DECLARED).filter(([, d]) => d.engine);

/** Every path of an input that holds a value, list items as the list: "penalty.rate.percent", "fees.label". */
function pathsOf(v, path = "", out = new Set()) {
  if (Array.isArray(v)) v.forEach((x) => pathsOf(x, path, out));
  else if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (x === null || x === undefined) continue;
      const p = path ? `${path}.${k}` : k;
      out.add(p);
      pathsOf(x, p, out);
    }
  }
  return out;
}

test("the panels that build an engine input from their fields, and the function each calls", () => {
  assert.deepEqual(
    PANELS.map(([name, d]) => [name, d.engine]),
    [
      ["terms", "loanTerms"],
      ["overdue", "overdueCost"],
      ["plans", "repaymentPlans"],
      ["debts", "debtPlan"],
    ],
  );
});

test("every field of those panels is sent at one engine path, read by the panel's own code, or marked as never sent", () => {
  for (const [name, { fields, input }] of PANELS) {
    // The saved/shared fields are this same declaration.
    assert.deepEqual(Object.keys(fields), Object.keys(input), name);
    const sentTo = [];
    for (const [k, kind] of Object.entries(input)) {
      const where = `${name}.${k}`;
      if (isList(kind)) {
        assert.equal(fields[k], kind, where);
        continue;
      }
      assert.equal(fields[k], FIELD, where);
      assert.ok(Array.isArray(kind.to), `${where}: neither an engine path nor own nor stateOnly`);
      if (SENT.includes(kind.read)) {
        assert.equal(kind.to.length, 1, `${where}: one engine path`);
        sentTo.push(kind.to[0]);
      } else if (kind.read === "own") assert.ok(kind.to.length >= 1, `${where}: own names the engine paths it goes to`);
      else assert.deepEqual(kind, { read: "stateOnly", to: [] }, `${where}: neither an engine path nor own nor stateOnly`);
    }
    assert.equal(new Set(sentTo).size, sentTo.length, `${name}: two fields sent at one path`);
  }
});

test("every engine path a field is declared to go to is a field the engine reads", () => {
  for (const [name, { engine, input }] of PANELS) {
    const reads = new Set();
    for (const example of EXAMPLES[engine]) {
      assert.doesNotThrow(() => repay[engine](example), `${engine} accepts its typed example`);
      pathsOf(example, "", reads);
    }
    // Only keys it reads: one more is refused.
    assert.throws(() => repay[engine]({ ...EXAMPLES[engine][0], notAField: "1" }), (e) => e.code === "unknownField" && e.field === "notAField");
    const declared = Object.entries(input).flatMap(([k, kind]) => (isList(kind) ? [k] : kind.to));
    assert.deepEqual(declared.filter((p) => !reads.has(p)), [], `${name}: declared engine paths ${engine} does not read`);
  }
});

test("each of those panels reads its engine input through readInput and its declaration", () => {
  for (const [name] of PANELS) {
    const src = readFileSync(new URL(`../../www/panels/${name}.js`, import.meta.url), "utf8");
    assert.match(src, /function read\(\) \{[^]*?readInput\(\s*STATE,/, name);
  }
});

test("readInput: each field read as declared, in declared order, at its engine path; own fields by the panel's code", () => {
  const control = (value) => ({ input: typeof value === "boolean" ? { checked: value } : { value } });
  const f = {
    principal: control(" 10000 "), interest: control(""), fees: control("20"), lender: control("bank"), compound: control(false),
    contractDate: control(""), chargeOnFees: control(false), dayBasis: control("365"), filingDate: control("2026-05-01"), upfront: control(""), payment: control("800"),
  };
  const calls = [];
  const own = { periodMode: (input) => calls.push(["periodMode", Object.keys(input)]), lateFee: (input) => calls.push(["lateFee", Object.keys(input)]) };
  const { input, paths } = readInput(OVERDUE, f, own, { overdue: {} });
  assert.equal(
    JSON.stringify(input),
    JSON.stringify({ overdue: { principal: "10000", fees: "20" }, lender: "bank", compound: false, dayBasis: "365", filingDate: "2026-05-01", payment: { amount: "800" } }),
  );
  assert.deepEqual(calls, [
    ["periodMode", ["overdue"]],
    ["lateFee", ["overdue", "lender", "compound"]],
  ]);
  for (const [path, k] of Object.entries({ overdue: "principal", "overdue.interest": "interest", upfrontDeduction: "upfront", payment: "payment", "payment.amount": "payment", chargeOnFees: "chargeOnFees" })) {
    assert.equal(paths[path], f[k], path);
  }
  f.chargeOnFees = control(true);
  assert.equal(readInput(OVERDUE, f).input.chargeOnFees, true);
  assert.throws(() => readInput(OVERDUE, f, { lender() {} }), /lender is not declared as read by the panel/);
  assert.throws(() => readInput(OVERDUE, { ...f, payment: undefined }), /no field for payment/);
});
