// The one façade over the wasm engine. It is the only module that imports
// ./pkg/repay.js, and it calls init() once, when this module is first loaded.
// Every function takes one plain object and returns a plain result:
//   { ok: true, value }                               on success
//   { ok: false, error: { code, field, message } }    on any failure
// so that no caller needs try/catch, and a function that is not built yet, or
// an engine that failed to load, is reported the same way as a bad input.

import init, * as wasm from "./pkg/repay.js";

let loadError = null;
try {
  await init();
} catch (e) {
  loadError = e;
}

/** True when the engine loaded and can be called. */
export const engineReady = loadError === null;

function fail(code, message, field = null) {
  return { ok: false, error: { code, field, message } };
}

function wrap(name) {
  return (input) => {
    if (loadError) return fail("engineUnavailable", String(loadError?.message ?? loadError));
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
export const overdueCost = wrap("overdueCost");
export const repaymentPlans = wrap("repaymentPlans");
export const debtPlan = wrap("debtPlan");
export const collectionLog = wrap("collectionLog");
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
  const r = wrap("legalRules")(undefined);
  if (r.ok) rules = freeze(r);
  return r;
};
/** The crate version, or null when the engine did not load. */
export function version() {
  const r = wrap("version")(undefined);
  return r.ok ? r.value : null;
}
