// Each panel's saved/shared fields, declared once: state.js builds SCHEMA from
// these, the panels read and write their controls by them (form.js
// declaredState) and build their engine input from them (form.js readInput).
// Order = the order get() writes = a share link's JSON: keep it.
// A list's max is the engine's limit (tests/js/case.test.mjs checks each against the wasm).
//
// A field of a panel that calls the engine says where its value goes in the
// engine input (tests/js/engine-fields.test.mjs checks each path against the engine):
//   number(path)       the typed number, as a decimal string (an amount, a count); left out when empty
//   date(path)         the date; left out when empty
//   choice(path)       the select's value, always sent
//   checked(path)      the checkbox: true or false, always sent
//   whenChecked(path)  true when the checkbox is ticked, else left out
//   own(...paths)      read by the panel's own code into these paths: where or whether
//                      it is sent depends on other fields (a mode, a unit, a rate object)
//   stateOnly()        saved and shared, never sent
// A list's rows are read by the panel's own code, into the engine list of the same name.

export const FIELD = "field";
const fields = (names) => Object.fromEntries(names.split(" ").map((k) => [k, FIELD]));
const list = (max, names) => ({ max, fields: names.split(" ") });
const sent = (read) => (path) => ({ read, to: [path] });
const number = sent("number");
const date = sent("date");
const choice = sent("choice");
const checked = sent("checked");
const whenChecked = sent("whenChecked");
const own = (...paths) => ({ read: "own", to: paths });
const stateOnly = () => ({ read: "stateOnly", to: [] });

export const LIMITS = { fees: 20, prepayments: 600, debts: 50, rateChanges: 600 };

export const PAGE = fields("lang");
/** loanTerms. */
export const TERMS = {
  principal: number("principal"),
  received: number("received"),
  rate: own("rate"), // { percent, per }, left out for an LPR-linked loan
  ratePer: own("rate.per"),
  periods: number("periods"),
  method: choice("method"),
  startDate: date("startDate"),
  dayBasis: choice("dayBasis"),
  fees: list(LIMITS.fees, "label amount unit when"),
  prepayments: list(LIMITS.prepayments, "period amount then"),
  lpr: own("lprLinked"), // sent instead of the rate
  lprSpread: own("lprLinked.spreadBasisPoints"),
  lprRepricing: own("lprLinked.repricing"),
  lprTenor: own("lprLinked.tenor"),
  rateChanges: list(LIMITS.rateChanges, "when at rate ratePer keep"), // "when" sets the type of "at": first
};
/** overdueCost. */
export const OVERDUE = {
  principal: number("overdue.principal"),
  interest: number("overdue.interest"),
  fees: number("overdue.fees"),
  periodMode: own("days", "from", "to"),
  days: own("days"),
  from: own("from"),
  to: own("to"),
  lender: choice("lender"), // the lender of record, "unknown" and "unlicensed" included
  penaltyMode: own("penalty"),
  penaltyRate: own("penalty.rate"),
  penaltyPer: own("penalty.rate.per"),
  contractRate: own("penalty.contractRate"),
  contractPer: own("penalty.contractRate.per"),
  markup: own("penalty.markupPercent"),
  compound: checked("compound"),
  lateFee: own("lateFee"),
  lateFeeUnit: own("lateFee.amount", "lateFee.percentOfOverdue"),
  lateFeePer: own("lateFee.per"),
  contractDate: date("contractDate"),
  chargeOnFees: whenChecked("chargeOnFees"),
  dayBasis: choice("dayBasis"),
  filingDate: date("filingDate"),
  upfront: number("upfrontDeduction"),
  payment: number("payment.amount"),
  // The case from the loan (basis "loan"): the loan above, its start date, the instalments paid, the date.
  basis: own("loan"),
  loanStart: own("loan.startDate"),
  paid: own("paid"),
  asOf: own("asOf"),
  accelerated: own("accelerated"),
  collectionFee: own("collectionFee"),
};
/** repaymentPlans. The amounts owed and the lender go in unless the overdue case is sent instead; "chosen": the plan picked (no control). */
export const PLANS = {
  principal: own("balance.principal", "overdue"),
  interest: own("balance.interest"),
  penalties: own("balance.penalties"),
  fees: own("balance.fees"),
  rate: own("rate"), // { percent, per } when a rate is typed
  ratePer: own("rate.per"),
  budget: number("monthlyBudget"),
  lender: own("lender"),
  lumpSum: number("lumpSum"),
  offer: number("lumpSumOffer"),
  months: number("months"),
  deferral: number("deferralMonths"),
  planOn: own("planOn"), // only with the overdue case
  chosen: stateOnly(),
};
/** debtPlan. */
export const DEBTS = { budget: number("monthlyBudget"), debts: list(LIMITS.debts, "name balance rate ratePer min") };
// Fields that go into no engine input (the calls panel sends its log and the lender type shown, not its saved pick).
export const LETTER = fields("lender name contact account reason app");
export const RIGHTS = fields("lender");
export const CALLS = fields("lender lenderName");

/** A declaration's saved/shared fields: FIELD for each single field, and its lists. */
const stateFields = (decl) => Object.fromEntries(Object.entries(decl).map(([k, v]) => [k, v.read ? FIELD : v]));
/** A panel whose fields make an engine input: fields (its state), engine (the function) and input (where each field goes). */
const feeds = (engine, decl) => ({ fields: stateFields(decl), engine, input: decl });

/** By state panel; shared: in share links (never the letter's personal fields nor the calls panel). */
export const DECLARED = {
  page: { fields: PAGE, shared: true },
  terms: { ...feeds("loanTerms", TERMS), shared: true },
  overdue: { ...feeds("overdueCost", OVERDUE), shared: true },
  plans: { ...feeds("repaymentPlans", PLANS), shared: true },
  debts: { ...feeds("debtPlan", DEBTS), shared: true },
  letter: { fields: LETTER, shared: false },
  rights: { fields: RIGHTS, shared: true },
  calls: { fields: CALLS, shared: false },
};
