// The one façade over the wasm engine, and the only module that imports it.
// The engine comes in two modules built from the same crate (make build), each
// fetched and started only when a panel needs it (start.js):
// pkg/repay_terms.js (loanTerms, cashflowRate, version) by loadTerms(), for
// the loan-terms panel, before its first result; and pkg/repay_cases.js
// (every other function, and version) by loadCases(), for every other panel,
// after that first result. A page without the loan-terms panel (an embed of
// the plans alone) never fetches the first.
// Every function takes one plain object and returns a plain result:
//   { ok: true, value }                               on success
//   { ok: false, error: { code, field, message } }    on any failure
// so that no caller needs try/catch, and a function that is not built yet, or
// a module that is not loaded or failed to load, is reported the same way as a
// bad input.

import { provideRules, rememberRules } from "./legal-text.js";

/** One engine module, loaded once on demand: its namespace once started, and why it did not load. */
function loader(importModule) {
  const m = { ns: null, error: null, load: null };
  m.start = () => {
    m.load ??= importModule()
      .then(async (ns) => {
        await ns.default();
        m.ns = ns;
        return true;
      })
      .catch((e) => {
        m.error = e;
        m.load = null; // tried again on the next call
        return false;
      });
    return m.load;
  };
  return m;
}

const terms = loader(() => import("./pkg/repay_terms.js"));
const cases = loader(() => import("./pkg/repay_cases.js"));

/** Fetches and starts the first module (loanTerms, cashflowRate) once; resolves to true when it can be called, false when it could not load. */
export const loadTerms = terms.start;

/**
 * Fetches and starts the second module (overdueCost, repaymentPlans, debtPlan,
 * legalRules, collectionLog) once; resolves to true when it can be called,
 * false when it could not load (its functions then report engineUnavailable).
 */
export const loadCases = cases.start;

function fail(code, message, field = null) {
  return { ok: false, error: { code, field, message } };
}

function wrap(name, modules) {
  return (input) => {
    const m = modules.find((x) => x.ns);
    if (!m) {
      const error = modules.find((x) => x.error)?.error;
      return fail("engineUnavailable", error ? String(error?.message ?? error) : `${name} is not loaded yet (loadTerms, loadCases)`);
    }
    const fn = m.ns[name];
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

export const loanTerms = wrap("loanTerms", [terms]);
export const cashflowRate = wrap("cashflowRate", [terms]);
export const overdueCost = wrap("overdueCost", [cases]);
export const repaymentPlans = wrap("repaymentPlans", [cases]);
export const debtPlan = wrap("debtPlan", [cases]);
export const collectionLog = wrap("collectionLog", [cases]);
// readMessage (panels/message.js): one line added for the pasted-message reader.
export const readMessage = wrap("readMessage", [cases]);
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
  const r = wrap("legalRules", [cases])(undefined);
  if (r.ok) {
    rules = freeze(r);
    rememberRules(rules.value);
  }
  return r;
};
provideRules(legalRules);
/** The crate version (from whichever module is loaded), or null when none is. */
export function version() {
  const r = wrap("version", [terms, cases])(undefined);
  return r.ok ? r.value : null;
}
