// The one façade over the wasm engine, and the only module that imports it.
// The engine comes in two modules built from the same crate (make build):
// pkg/repay_terms.js (loanTerms, cashflowRate, version), started when this
// module is first loaded, so the first panel computes as soon as it is here;
// and pkg/repay_cases.js (every other function), fetched by loadCases(),
// which start.js calls after the first result has been drawn.
// Every function takes one plain object and returns a plain result:
//   { ok: true, value }                               on success
//   { ok: false, error: { code, field, message } }    on any failure
// so that no caller needs try/catch, and a function that is not built yet, or
// an engine that failed to load, is reported the same way as a bad input.

import init, * as terms from "./pkg/repay_terms.js";

let loadError = null;
try {
  await init();
} catch (e) {
  loadError = e;
}

/** The second module once loaded (its namespace), and why it did not load. */
let cases = null;
let casesError = null;
let casesLoad = null;

/**
 * Fetches and starts the second engine module (overdueCost, repaymentPlans,
 * debtPlan, legalRules, collectionLog) once; resolves to true when it can be
 * called, false when it could not load (its functions then report
 * engineUnavailable).
 */
export function loadCases() {
  casesLoad ??= import("./pkg/repay_cases.js")
    .then(async (m) => {
      await m.default();
      cases = m;
      return true;
    })
    .catch((e) => {
      casesError = e;
      casesLoad = null; // tried again on the next call
      return false;
    });
  return casesLoad;
}

/** True when the engine loaded and can be called. */
export const engineReady = loadError === null;

function fail(code, message, field = null) {
  return { ok: false, error: { code, field, message } };
}

function wrap(name, module = () => terms) {
  return (input) => {
    if (loadError) return fail("engineUnavailable", String(loadError?.message ?? loadError));
    const wasm = module();
    if (!wasm) return fail("engineUnavailable", casesError ? String(casesError?.message ?? casesError) : `${name} is not loaded yet (loadCases)`);
    const fn = wasm[name];
    if (typeof fn !== "function") return fail("notAvailable", `${name} is not in this build`);
    try {
      return { ok: true, value: input === undefined ? fn() : fn(input) };
    } catch (e) {
      return fail(
        typeof e?.code === "string" ? e.code : "internal",
        typeof e?.message === "string" ? e.message : String(e),
        typeof e?.field === "string" ? e.field : null,
      );
    }
  };
}

export const loanTerms = wrap("loanTerms");
export const cashflowRate = wrap("cashflowRate");
const second = () => cases;
export const overdueCost = wrap("overdueCost", second);
export const repaymentPlans = wrap("repaymentPlans", second);
export const debtPlan = wrap("debtPlan", second);
export const collectionLog = wrap("collectionLog", second);
/** Deep-freezes a value the panels only read. */
function freeze(v) {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) freeze(x);
  }
  return v;
}
let rules = null;
/**
 * legalRules takes no input, and the rule pack is compiled into the engine: it
 * is read once and the same frozen answer is given to every panel (it was two
 * of the six engine calls of a full recompute).
 */
export const legalRules = () => {
  if (rules?.ok) return rules;
  const r = wrap("legalRules", second)(undefined);
  if (r.ok) rules = freeze(r);
  return r;
};
/** The crate version, or null when the engine did not load. */
export function version() {
  const r = wrap("version")(undefined);
  return r.ok ? r.value : null;
}
