// The saved and shared fields of every panel, declared once (www/state.js
// builds its SCHEMA from these; each panel reads and writes its controls by
// them, through form.js declaredState / declaredRows). Nothing here imports
// anything, so state.js can read it without loading the panels.
//
// A declaration is { name: kind } in the order the panel's get() writes them
// (that order is the JSON of a share link: keep it). kind is FIELD (one
// string), or list(max, [row fields]) for a panel's repeating rows, at most
// max of them: the engine's own limit for that list (src/api/terms.rs
// MAX_FEES and MAX_RATE_CHANGES, schedule::MAX_PERIODS, debt::MAX_DEBTS).
// Adding a field to a panel is one edit here plus its control in the panel.

export const FIELD = "field";
export const list = (max, fields) => ({ max, fields });

/** The engine's list limits, by list. */
export const LIMITS = { fees: 20, prepayments: 600, debts: 50, rateChanges: 60 };

/** state panel "page" (state.js registerLanguage): the page's language. */
export const PAGE = { lang: FIELD };

export const TERMS = {
  principal: FIELD,
  received: FIELD,
  rate: FIELD,
  ratePer: FIELD,
  periods: FIELD,
  method: FIELD,
  startDate: FIELD,
  dayBasis: FIELD,
  fees: list(LIMITS.fees, ["label", "amount", "unit", "when"]),
  prepayments: list(LIMITS.prepayments, ["period", "amount", "then"]),
  // Rates that change: the LPR link, then the what-if changes ("when" first: it sets the type of "at").
  lpr: FIELD,
  lprSpread: FIELD,
  lprRepricing: FIELD,
  lprTenor: FIELD,
  rateChanges: list(LIMITS.rateChanges, ["when", "at", "rate", "ratePer", "keep"]),
};

export const OVERDUE = Object.fromEntries(
  [
    "principal", "interest", "fees", "periodMode", "days", "from", "to", "lender", "penaltyMode", "penaltyRate", "penaltyPer",
    "contractRate", "contractPer", "markup", "compound", "lateFee", "lateFeeUnit", "lateFeePer", "contractDate", "chargeOnFees",
    "dayBasis", "filingDate", "upfront", "payment",
  ].map((k) => [k, FIELD]),
);

/** "chosen" is the plan kind picked (not a control); the amounts are left out while they come from the case. */
export const PLANS = Object.fromEntries(
  ["principal", "interest", "penalties", "fees", "rate", "ratePer", "budget", "lender", "lumpSum", "offer", "months", "deferral", "planOn", "chosen"].map((k) => [k, FIELD]),
);

export const DEBTS = { budget: FIELD, debts: list(LIMITS.debts, ["name", "balance", "rate", "ratePer", "min"]) };

/** Saved only: its name, contact and account never go into a share link. */
export const LETTER = { lender: FIELD, name: FIELD, contact: FIELD, account: FIELD, reason: FIELD };

/** The lender type picked there ("" = the case's; "all" = every type). */
export const RIGHTS = { lender: FIELD };

/** Saved only, like its log: the lender type picked there ("" = the case's) and the lender's name. */
export const CALLS = { lender: FIELD, lenderName: FIELD };

/** Every state panel's declaration, by state panel name, and whether it goes into share links. */
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
