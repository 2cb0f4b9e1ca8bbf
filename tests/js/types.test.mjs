// The declarations in www/repay-api.d.ts, checked against the built module.
//
// The .d.ts is read with the TypeScript compiler API (typescript from
// node_modules, a devDependency). Every function is called on a few inputs and
// each output is walked together with its declared return type: at every object
// (array elements included) the set of keys must be exactly the declared one —
// a key the engine returns that the .d.ts lacks fails, and so does a required
// key the engine leaves out — and every value must fit its declared type
// (string-literal unions, `null`, numbers, booleans, and the MoneyText /
// PercentText / DateText formats). Across all calls, every declared output key
// must be seen at least once, so an optional key cannot be misspelt unnoticed.
// Inputs: the examples tsc checks against the declared input types are
// accepted by the engine, use every declared input field between them, and a
// field added to any of their objects is refused as `unknownField`.
// Run with `node --test tests/js/` after `make build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import * as repay from "../../www/pkg/repay.js";
import { EXAMPLES } from "../types/examples.mjs";

repay.initSync({ module: readFileSync(new URL("../../www/pkg/repay_bg.wasm", import.meta.url)) });

const DTS = fileURLToPath(new URL("../../www/repay-api.d.ts", import.meta.url));
const program = ts.createProgram([DTS], {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
});
const checker = program.getTypeChecker();
const sourceFile = program.getSourceFile(DTS);
const moduleExports = checker.getExportsOfModule(checker.getSymbolAtLocation(sourceFile));

/** Output string formats, by the alias name used in the declaration. */
const FORMATS = {
  MoneyText: /^-?\d+\.\d{2}$/,
  PercentText: /^-?\d+\.\d{4}$/,
  DateText: /^\d{4}-\d{2}-\d{2}$/,
};

/** The format alias a property's declared type node names (through `| null` and `[]`), if any. */
function formatOf(node) {
  if (!node) return null;
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    return node.typeName.text in FORMATS ? node.typeName.text : null;
  }
  if (ts.isUnionTypeNode(node)) {
    for (const t of node.types) {
      const f = formatOf(t);
      if (f) return f;
    }
    return null;
  }
  if (ts.isArrayTypeNode(node)) return formatOf(node.elementType);
  if (ts.isParenthesizedTypeNode(node)) return formatOf(node.type);
  return null;
}

function exported(name) {
  const sym = moduleExports.find((s) => s.name === name);
  assert.ok(sym, `${name} is not exported by the .d.ts`);
  return sym;
}

function returnTypeOf(name) {
  const t = checker.getTypeOfSymbolAtLocation(exported(name), sourceFile);
  const sigs = checker.getSignaturesOfType(t, ts.SignatureKind.Call);
  assert.equal(sigs.length, 1, `${name}: one call signature`);
  return sigs[0].getReturnType();
}

/** The string values of an exported union of string literals (`ErrorCode`). */
function literalUnion(name) {
  const t = checker.getDeclaredTypeOfSymbol(exported(name));
  const members = t.isUnion() ? t.types : [t];
  return members.map((m) => {
    assert.ok(m.isStringLiteral(), `${name} has a member that is not a string literal`);
    return m.value;
  });
}

const show = (t) => checker.typeToString(t);
const F = ts.TypeFlags;

/** Whether `value` is of the same kind as the (non-union) type `t`. */
function kindMatches(value, t) {
  if (t.flags & F.Null) return value === null;
  if (t.flags & F.Undefined) return value === undefined;
  if (t.flags & (F.String | F.StringLiteral | F.TemplateLiteral)) return typeof value === "string";
  if (t.flags & (F.Number | F.NumberLiteral)) return typeof value === "number";
  if (t.flags & (F.Boolean | F.BooleanLiteral)) return typeof value === "boolean";
  if (checker.isArrayType(t)) return Array.isArray(value);
  if (t.flags & F.Object) return typeof value === "object" && value !== null && !Array.isArray(value);
  return false;
}

/** Declared object keys ("Type.key"), and those seen in engine output. */
const declaredKeys = new Set();
const seenKeys = new Set();

function typeName(t) {
  return t.aliasSymbol?.name ?? t.symbol?.name ?? show(t);
}

/** Checks `value` against type `t`; pushes problems onto `errors`. */
function check(value, t, path, fmt, errors) {
  if (t.isUnion()) {
    const candidates = t.types.filter((m) => kindMatches(value, m));
    if (candidates.length === 0) {
      errors.push(`${path}: ${JSON.stringify(value)} is not ${show(t)}`);
      return;
    }
    if (candidates.length > 1 && !candidates.every((m) => m.flags & (F.StringLiteral | F.BooleanLiteral | F.NumberLiteral))) {
      for (const m of candidates) {
        const e = [];
        check(value, m, path, fmt, e);
        if (e.length === 0) return;
      }
    }
    if (candidates.some((m) => m.isLiteral?.() || m.flags & F.BooleanLiteral)) {
      const ok = candidates.some((m) =>
        m.flags & F.BooleanLiteral ? value === (m.intrinsicName === "true") : m.isLiteral() ? m.value === value : true,
      );
      if (!ok) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${show(t)}`);
      return;
    }
    check(value, candidates[0], path, fmt, errors);
    return;
  }
  if (!kindMatches(value, t)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not ${show(t)}`);
    return;
  }
  if (t.flags & (F.Null | F.Undefined)) return;
  if (t.isStringLiteral() || t.isNumberLiteral()) {
    if (value !== t.value) errors.push(`${path}: ${JSON.stringify(value)} is not ${show(t)}`);
    return;
  }
  if (t.flags & F.BooleanLiteral) {
    if (value !== (t.intrinsicName === "true")) errors.push(`${path}: ${value} is not ${show(t)}`);
    return;
  }
  if (t.flags & F.String) {
    if (fmt && !FORMATS[fmt].test(value)) errors.push(`${path}: ${JSON.stringify(value)} is not ${fmt}`);
    return;
  }
  if (t.flags & F.Number) {
    if (!Number.isInteger(value) || value < 0) errors.push(`${path}: ${value} is not a whole number ≥ 0`);
    return;
  }
  if (t.flags & F.Boolean) return;
  if (checker.isArrayType(t)) {
    const [element] = checker.getTypeArguments(t);
    value.forEach((v, i) => check(v, element, `${path}[${i}]`, fmt, errors));
    return;
  }
  // An object: exactly the declared keys.
  const name = typeName(t);
  const props = new Map(checker.getPropertiesOfType(t).map((p) => [p.name, p]));
  for (const key of Object.keys(value)) {
    if (!props.has(key)) errors.push(`${path}.${key}: returned by the engine but not declared in ${name}`);
  }
  for (const [key, p] of props) {
    declaredKeys.add(`${name}.${key}`);
    const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
    if (!Object.hasOwn(value, key)) {
      if (!optional) errors.push(`${path}.${key}: declared as required in ${name} but not returned`);
      continue;
    }
    seenKeys.add(`${name}.${key}`);
    const decl = p.valueDeclaration ?? p.declarations?.[0];
    check(value[key], checker.getTypeOfSymbolAtLocation(p, sourceFile), `${path}.${key}`, formatOf(decl?.type), errors);
  }
}

function assertFits(fnName, value) {
  const errors = [];
  check(value, returnTypeOf(fnName), fnName, null, errors);
  assert.deepEqual(errors.slice(0, 20), [], `${fnName}: the output does not match the .d.ts`);
}

// ---------------------------------------------------------------------------
// Inputs: the typed examples of tests/types/examples.mjs (the ones tsc checks
// against the .d.ts), chosen so that every optional output key shows.
// ---------------------------------------------------------------------------

const CASES = { ...EXAMPLES, legalRules: [undefined] };

// Output keys no input here can produce.
const NEVER_SEEN = new Set(["LegalRulesOutput.problem"]);

test("the .d.ts declares exactly the module's exports", () => {
  const declared = moduleExports
    .filter((s) => s.flags & ts.SymbolFlags.Function)
    .map((s) => s.name)
    .sort();
  const actual = Object.keys(repay)
    .filter((k) => typeof repay[k] === "function")
    .sort();
  assert.deepEqual(declared, actual);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(diagnostics, [], "the .d.ts type-checks");
});

for (const [fnName, inputs] of Object.entries(CASES)) {
  test(`${fnName}: every output object has exactly the declared keys and value types`, () => {
    for (const input of inputs) {
      const value = input === undefined ? repay[fnName]() : repay[fnName](input);
      assertFits(fnName, value);
    }
  });
}

test("version() returns a string, as declared", () => {
  assert.ok(returnTypeOf("version").flags & F.String);
  assert.match(repay.version(), /^\d+\.\d+\.\d+/);
});

test("every declared output key is returned by some call", () => {
  const unseen = [...declaredKeys].filter((k) => !seenKeys.has(k) && !NEVER_SEEN.has(k)).sort();
  assert.deepEqual(unseen, [], "declared but never returned (a misspelt optional key?)");
  assert.ok(declaredKeys.size > 100, `only ${declaredKeys.size} keys were walked`);
});

test("ErrorCode is exactly the codes of src/error.rs, and thrown errors fit RepayError", () => {
  const rust = readFileSync(new URL("../../src/error.rs", import.meta.url), "utf8");
  const rustCodes = [...rust.matchAll(/ErrorCode::\w+ => "(\w+)"/g)].map((m) => m[1]);
  assert.equal(rustCodes.length, 17);
  const codes = literalUnion("ErrorCode");
  assert.deepEqual([...codes].sort(), [...rustCodes].sort());

  const fieldOk = (f) => f === null || typeof f === "string";
  const bad = [
    () => repay.loanTerms({ principle: "1", rate: { percent: 1, per: "year" }, periods: 1, method: "annuity" }),
    () => repay.loanTerms({ principal: "-1", rate: { percent: 1, per: "year" }, periods: 1, method: "annuity" }),
    () => repay.loanTerms("not an object"),
    () => repay.cashflowRate({ flows: [{ amount: 1, period: 0 }, { amount: 1, period: 1 }] }),
    () => repay.overdueCost({ overdue: { principal: 1 }, days: 1, penalty: { rate: { percent: 1, per: "year" } }, lender: "shark" }),
    () => repay.repaymentPlans({ balance: { principal: 1 }, lender: "bank", startDate: "2025-02-30" }),
    () => repay.debtPlan({ debts: [], monthlyBudget: 1 }),
  ];
  for (const fn of bad) {
    let e;
    try {
      fn();
    } catch (thrown) {
      e = thrown;
    }
    assert.ok(e instanceof Error, "throws an Error");
    assert.ok(codes.includes(e.code), `code ${e.code} is an ErrorCode`);
    assert.ok(fieldOk(e.field), `field ${e.field} is string | null`);
    assert.equal(typeof e.message, "string");
  }
});

// ---------------------------------------------------------------------------
// Inputs: every declared field is accepted; an undeclared one is unknownField.
// ---------------------------------------------------------------------------

function paramTypeOf(name) {
  const t = checker.getTypeOfSymbolAtLocation(exported(name), sourceFile);
  const [sig] = checker.getSignaturesOfType(t, ts.SignatureKind.Call);
  return checker.getTypeOfSymbolAtLocation(sig.getParameters()[0], sourceFile);
}

const PRIMITIVE = F.StringLike | F.NumberLike | F.BooleanLike | F.Null | F.Undefined | F.Never;

/**
 * The paths of every input field the declaration allows with a value (`fees[].amount`); a
 * field declared only as `null` or `never` (to rule it out beside another) is not one.
 */
function declaredPaths(t, path, out, depth = 0) {
  assert.ok(depth < 20, `${path}: nested too deep`);
  if (t.isUnion()) return t.types.forEach((m) => declaredPaths(m, path, out, depth + 1));
  if (t.flags & PRIMITIVE) return;
  if (t.isIntersection() && t.types.some((m) => m.flags & PRIMITIVE)) return; // `string & {}`
  if (checker.isArrayType(t)) return declaredPaths(checker.getTypeArguments(t)[0], `${path}[]`, out, depth + 1);
  if (checker.isTupleType(t)) return;
  for (const p of checker.getPropertiesOfType(t)) {
    const value = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(p, sourceFile));
    if (value.flags & F.Never) continue;
    out.add(`${path}.${p.name}`);
    declaredPaths(value, `${path}.${p.name}`, out, depth + 1);
  }
}

/** The paths of every field an example gives a value (not null or undefined). */
function givenPaths(v, path, out) {
  if (Array.isArray(v)) return v.forEach((x) => givenPaths(x, `${path}[]`, out));
  if (v === null || typeof v !== "object") return;
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === undefined) continue;
    out.add(`${path}.${k}`);
    givenPaths(x, `${path}.${k}`, out);
  }
}

/** Every object in an example with its engine path: "" for the input, "fees[1]", "penalty.rate". */
function objectsIn(v, path = "", out = []) {
  if (Array.isArray(v)) v.forEach((x, i) => objectsIn(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === "object") {
    out.push(path);
    for (const [k, x] of Object.entries(v)) objectsIn(x, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/** A deep copy of v with key added to the object at path (as objectsIn names it). */
function withKey(v, path, key) {
  const copy = structuredClone(v);
  let at = copy;
  for (const step of path.match(/[^.[\]]+/g) ?? []) at = at[/^\d+$/.test(step) ? Number(step) : step];
  at[key] = 1;
  return copy;
}

// Inputs that are one flat object of a few fields (readMessage: text, receivedAt): the floors
// below, which guard against a walker that found nothing, are lower for them.
const FLAT_INPUTS = new Set(["readMessage"]);

for (const [fnName, examples] of Object.entries(EXAMPLES)) {
  test(`${fnName}: the typed examples are accepted and use every declared input field`, () => {
    for (const input of examples) assert.doesNotThrow(() => repay[fnName](input), JSON.stringify(input).slice(0, 200));
    const declared = new Set();
    declaredPaths(paramTypeOf(fnName), fnName, declared);
    const given = new Set();
    for (const input of examples) givenPaths(input, fnName, given);
    assert.ok(declared.size >= (FLAT_INPUTS.has(fnName) ? 2 : 5), [...declared].join(", "));
    assert.deepEqual([...declared].filter((p) => !given.has(p)).sort(), [], "declared input fields no example uses (add one to tests/types/examples.mjs)");
    assert.deepEqual([...given].filter((p) => !declared.has(p)).sort(), [], "example fields the .d.ts does not declare");
  });

  test(`${fnName}: a field the .d.ts does not declare is unknownField, in every object of every example`, () => {
    let objects = 0;
    for (const input of examples) {
      for (const path of objectsIn(input)) {
        const field = path ? `${path}.undeclaredField` : "undeclaredField";
        assert.throws(() => repay[fnName](withKey(input, path, "undeclaredField")), (e) => e.code === "unknownField" && e.field === field, field);
        objects += 1;
      }
    }
    assert.ok(objects >= examples.length * (FLAT_INPUTS.has(fnName) ? 1 : 2), `${objects} objects tried`);
  });
}
