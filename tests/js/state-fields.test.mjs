// The saved/shared state's schema (www/state.js) is the panels' one
// declaration (www/panels/fields.js), each state panel reads and writes its
// controls by its own declaration, and a share link written before that
// change still decodes to the same state and is written back byte for byte.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DECLARED, FIELD, LIMITS as DECLARED_LIMITS } from "../../www/panels/fields.js";
import { SCHEMA, SHARED_PANELS, LIMITS, decodeFragment, encodeFragment, validate } from "../../www/state.js";
import { HASH } from "../fixtures/share-link-v1.mjs";

const www = (p) => readFileSync(new URL(`../../www/${p}`, import.meta.url), "utf8");

test("every SCHEMA entry is a panel's declaration, and every declaration is in SCHEMA", () => {
  assert.deepEqual(Object.keys(SCHEMA), Object.keys(DECLARED));
  for (const [name, { fields }] of Object.entries(DECLARED)) {
    const single = Object.keys(fields).filter((k) => fields[k] === FIELD);
    const lists = Object.keys(fields).filter((k) => fields[k] !== FIELD);
    assert.deepEqual(SCHEMA[name].fields, single, `${name}: fields`);
    assert.deepEqual(Object.keys(SCHEMA[name].lists), lists, `${name}: lists`);
    for (const k of lists) {
      assert.ok(Number.isInteger(fields[k].max) && fields[k].max > 0, `${name}.${k}: a list limit`);
      assert.deepEqual(SCHEMA[name].lists[k], { max: fields[k].max, fields: fields[k].fields }, `${name}.${k}`);
    }
    for (const kind of Object.values(fields)) assert.ok(kind === FIELD || (Array.isArray(kind.fields) && kind.fields.length), `${name}: a field or a list`);
  }
  assert.equal(LIMITS, DECLARED_LIMITS);
});

test("links carry the shared panels only: never the letter's personal fields nor the calls panel", () => {
  assert.deepEqual(SHARED_PANELS, ["page", "terms", "overdue", "plans", "debts", "rights"]);
  for (const name of ["letter", "calls"]) {
    assert.equal(DECLARED[name].shared, false);
    assert.equal(validate({ [name]: {} }, SHARED_PANELS), null, `${name} is refused in a link`);
    assert.notEqual(validate({ [name]: {} }), null, `${name} is kept when saved`);
  }
});

test("each state panel registers under its declaration's name and reads its controls by that declaration", () => {
  const modules = { terms: "TERMS", overdue: "OVERDUE", plans: "PLANS", debts: "DEBTS", letter: "LETTER", rights: "RIGHTS", calls: "CALLS" };
  for (const [name, decl] of Object.entries(modules)) {
    const src = www(`panels/${name}.js`);
    assert.match(src, new RegExp(`ctx\\.state\\?\\.register\\("${name}"`), `${name}.js registers "${name}"`);
    assert.match(src, new RegExp(`import \\{ ${decl} as STATE[ ,}][^\\n]*from "\\./fields\\.js"`), `${name}.js imports ${decl}`);
  }
  // The control-backed panels go through the declared-field helpers (which throw when controls and declaration differ).
  for (const name of ["terms", "overdue", "plans", "debts", "letter"]) assert.match(www(`panels/${name}.js`), /declaredState\(fieldsOf\(STATE\)/, name);
  for (const name of ["rights", "calls"]) assert.match(www(`panels/${name}.js`), /get: \(\) => declaredControls\(fieldsOf\(STATE\)/, name);
  assert.match(www("state.js"), /registry\.register\("page"/);
});

test("a share link written before the declarations decodes to the same state and is written back identically", () => {
  const r = decodeFragment(HASH);
  assert.ok(r?.state, "the old link is accepted");
  assert.deepEqual(Object.keys(r.state), ["terms", "overdue", "plans", "debts", "rights", "page"]);
  assert.equal(r.state.terms.principal, "1000000");
  assert.deepEqual(r.state.terms.fees, [{ label: "服务费", amount: "1000", unit: "amount", when: "upfront" }]);
  assert.deepEqual(r.state.terms.rateChanges, [{ when: "period", at: "13", rate: "3.5", ratePer: "year", keep: "term" }]);
  assert.equal(r.state.rights.lender, "creditCard");
  assert.equal(encodeFragment(r.state), HASH);
  // Each panel's keys are in its declared order (the order get() writes, so new links read the same).
  for (const [name, value] of Object.entries(r.state)) {
    const declared = Object.keys(DECLARED[name].fields).filter((k) => Object.hasOwn(value, k));
    assert.deepEqual(Object.keys(value), declared, name);
  }
});
