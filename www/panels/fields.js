// Each panel's saved/shared fields, declared once: state.js builds SCHEMA from
// these and the panels read and write their controls by them (form.js
// declaredState). Order = the order get() writes = a share link's JSON: keep it.
// A list's max is the engine's limit (tests/js/case.test.mjs checks each against the wasm).

export const FIELD = "field";
const fields = (names) => Object.fromEntries(names.split(" ").map((k) => [k, FIELD]));
const list = (max, names) => ({ max, fields: names.split(" ") });

export const LIMITS = { fees: 20, prepayments: 600, debts: 50, rateChanges: 600 };

export const PAGE = fields("lang");
export const TERMS = {
  ...fields("principal received rate ratePer periods method startDate dayBasis"),
  fees: list(LIMITS.fees, "label amount unit when"),
  prepayments: list(LIMITS.prepayments, "period amount then"),
  ...fields("lpr lprSpread lprRepricing lprTenor"),
  rateChanges: list(LIMITS.rateChanges, "when at rate ratePer keep"), // "when" sets the type of "at": first
};
export const OVERDUE = fields(
  "principal interest fees periodMode days from to lender penaltyMode penaltyRate penaltyPer contractRate contractPer markup compound lateFee lateFeeUnit lateFeePer contractDate chargeOnFees dayBasis filingDate upfront payment",
);
/** "chosen": the plan picked (no control). */
export const PLANS = fields("principal interest penalties fees rate ratePer budget lender lumpSum offer months deferral planOn chosen");
export const DEBTS = { ...fields("budget"), debts: list(LIMITS.debts, "name balance rate ratePer min") };
export const LETTER = fields("lender name contact account reason");
export const RIGHTS = fields("lender");
export const CALLS = fields("lender lenderName");

/** By state panel; shared: in share links (never the letter's personal fields nor the calls panel). */
export const DECLARED = {
  page: { fields: PAGE, shared: true },
  terms: { fields: TERMS, shared: true },
  overdue: { fields: OVERDUE, shared: true },
  plans: { fields: PLANS, shared: true },
  debts: { fields: DEBTS, shared: true },
  letter: { fields: LETTER, shared: false },
  rights: { fields: RIGHTS, shared: true },
  calls: { fields: CALLS, shared: false },
};
