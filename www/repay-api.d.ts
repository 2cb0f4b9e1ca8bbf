// Type declarations for Repay's JavaScript API: the module `www/pkg/repay.js`
// (wasm-bindgen `--target web`, built with `--no-typescript`) and its
// `repay_bg.wasm`. The contract is `docs/api.md`; these declarations are written from the Rust
// types that read the input (`src/input.rs`, `src/api/*.rs`) and serialize the
// output (serde, camelCase), and `tests/js/types.test.mjs` checks every output
// object of the built module against them, key by key.
//
// To use it, place it next to the module as `pkg/repay.d.ts`, or re-export it
// from there (`tests/types/pkg/repay.d.ts` does):
//
//   export * from "../repay-api.js";
//   export { default } from "../repay-api.js";
//
// Conventions of the declarations:
// - An optional input field (`field?: T | null`) may be absent, `undefined` or
//   `null`: the engine treats all three alike. Any field not declared here is an
//   `unknownField` error, never ignored.
// - An optional output field (`field?: T`) is left out of the object when it
//   has no value; a field typed `T | null` is always present and may be `null`.
// - Money comes out as `MoneyText` (two decimals), rates as `PercentText`
//   (four decimals), dates as `YYYY-MM-DD`.

// ---------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------

/** Money in: a decimal string (`"1234.5"`) or a finite number; up to 10 decimal places, never rounded on the way in. */
export type Money = string | number;
/** A plain decimal in (a percent, a period, a count of periods per year): a numeral string or a finite number. */
export type DecimalInput = string | number;
/** A whole number in: a number, or a numeral string such as `"12"`. */
export type Whole = number | `${number}`;
/** A calendar date `YYYY-MM-DD` between 1900 and 2200. */
export type DateInput = `${number}-${number}-${number}` | (string & {});
/** The day basis of a daily rate: 360 (default) or 365. */
export type DayBasis = 360 | 365 | "360" | "365";
/** The period a rate is stated for. */
export type RatePer = "day" | "month" | "year";

/** A rate in: `{ percent: "4.9", per: "year" }`; at least 0 and at most the highest annual rate the engine accepts. */
export interface RateInput {
  percent: DecimalInput;
  per: RatePer;
}

/** Money out: a string with exactly two decimals (`"5307.27"`, `"-12.00"`). */
export type MoneyText = string;
/** A percent out: a string with exactly four decimals (`"12.8046"`). */
export type PercentText = string;
/** A date out: `YYYY-MM-DD`. */
export type DateText = string;

// ---------------------------------------------------------------------------
// Enum words
// ---------------------------------------------------------------------------

/** How a loan is repaid. */
export type Method = "annuity" | "equalPrincipal" | "interestOnly" | "bullet" | "flat";
/** When a loan fee is charged. */
export type FeeWhen = "upfront" | "eachPeriod" | "atEnd";
/** What happens after a prepayment (default `shortenTerm`). */
export type AfterPrepayment = "shortenTerm" | "lowerPayment";
/** The equation `cashflowRate` solves. */
export type Convention = "periodic" | "xirr" | "eu" | "usRegZ";
/**
 * The lender of record (the lender named in the loan contract, not the app).
 * `unlicensed`: a professional lender without a lending licence (the contract
 * is void). `unknown`: the person does not know; a rule applies only when it
 * applies to every possible lender (bank, creditCard, consumerFinance,
 * microLoan, private, unlicensed) or its scope names `unknown`.
 */
export type Lender =
  | "bank"
  | "creditCard"
  | "consumerFinance"
  | "microLoan"
  | "private"
  | "unlicensed"
  | "other"
  | "unknown";
/** Whose law `overdueCost` follows (default `cn`). */
export type Jurisdiction = "cn" | "uk";
/** How often a late fee is charged. */
export type LateFeePer = "once" | "month";
/** A bucket a payment is applied to. */
export type PaymentBucket = "fees" | "interest" | "principal";
/** The order of `debtPlan`'s priorities (default `avalanche`). */
export type Strategy = "avalanche" | "snowball" | "order";

/** How sure the rule pack is of a rule or fact. */
export type RuleConfidence = "primary" | "secondary" | "reported";
/** How sure a plan's basis is: the borrower's own contract, or a rule's confidence. */
export type PlanConfidence = "contract" | RuleConfidence;
/** The period a percent cap is stated for. */
export type CapPer = "year" | "day" | "total";
/**
 * The kind, id of a rule and id of a fact in the embedded rule pack. The pack
 * is data: rules and facts are added without code changes, so these are
 * open strings. Kinds today: civilCap, transition, principalRule, scopeRule,
 * criminalReference, feeRule, planLimit, practice, paymentOrder,
 * courtReduction, voidContract, ukCap. Rule ids today include cnPrivate4xLpr,
 * cnPrivate2015, cnPrivateTransition, cnFinancial24, cnIllegalLending36,
 * cnUnlicensedVoid, cnCardNoInterestOnFees and the ukHcstc* caps (see `legalRules()`).
 */
export type RuleKind = string;
/** See {@link RuleKind}. */
export type RuleId = string;
/** See {@link RuleKind}. Facts today include collectionQuietHours, collectionCallAttempts, noUnrelatedThirdParties, maliciousOverdraftThreshold, illegalDebtCollectionCrime, complaintHotline12378, negotiationIsFree, creditRecordFiveYears, creditReportRights, lenderOfRecord, collectionAbuseUnlawful, microLoanCollectionRule, bankConsumerProtectionCollection, relatedThirdPartyMeaning, unlicensedContractVoid, taoluDaiIsACrime, paymentOrder15Days, blacklistAndHighSpending, checkCaseFiled12368, limitationAndAcknowledgment, payOnlyOfficialAccount, microLoanNoUpfrontDeduction, upfrontFeesMayBeInterest, reductionOnRequest, reportedCostLines, freeMediation, creditRepair2025Closed, lprReportedAfterConfirmed. */
export type FactId = string;
/** Who a rule covers: a lender type, or UK high-cost short-term credit. */
export type RuleScope = Lender | "ukHcstc";

/** The codes of `loanTerms` warnings. */
export type LoanWarningCode =
  | "upfrontDeduction"
  | "receivedAbovePrincipal"
  | "flatRate"
  | "aprAbove24"
  | "aprAbove36"
  | "aprUnavailable"
  | "endsEarly"
  | "lprAssumed";
/** The codes of the `basis` notes of `overdueCost`. */
export type OverdueBasisCode =
  | "simpleDailyAccrual"
  | "penaltyMarkup"
  | "markupOutsideBankPractice"
  | "compoundOnOverdueInterest"
  | "lateFeeEachStartedMonth"
  | "lateFeePercentBase"
  | "cardNoInterestOnFees"
  | "actualPrincipal"
  | "ukJurisdiction"
  | "paymentOrderCivilCode"
  | "paymentOrderAgreed"
  | "missedFromLoan"
  | "paidBeyondDue"
  | "collectionFeeIsAFee";
/** The codes of the notes on the line over a loan's life. */
export type LineNoteCode = "contractDateIsStartDate" | "lprUnconfirmedAfter" | "unlicensedContractVoid";
/** Which lawful position a result describes. */
export type LawfulView = "wholeLoan" | "overdueOnly";
/** The codes of the notes on a cap. */
export type CapNoteCode =
  | "lprUnconfirmedAfter"
  | "contractDateAssumed"
  | "filingDateAssumed"
  | "filedBefore20200820"
  | "periodAssumedAfterSplit"
  | "criminalReferenceOnly"
  | "ukHcstcScope"
  | "amountsInPounds";
/** The kinds of negotiable plan `repaymentPlans` returns. */
export type PlanKind = "asIs" | "installment" | "stopInterest" | "waivePenalties" | "deferral" | "lumpSum";
/** The codes of a plan's basis (the page translates by them). */
export type PlanBasisCode =
  | "asIs"
  | "cardArt70"
  | "civilCode678"
  | "civilCode678Online"
  | "cardArt70Interest"
  | "stopInterestPractice"
  | "waivePenaltiesPractice"
  | "deferral"
  | "deferralOnline"
  | "lumpSumPractice";
/** Where a settlement's figure comes from. */
export type SettlementSource = "offer" | "available" | "proposal";
/** The footing of a plan: never a borrower's right. */
export type Standing = "contract" | "lenderDiscretion" | "practice";
/** How a plan's number of months was chosen. */
export type MonthsChosenBy = "requested" | "budget" | "maxMonths" | "fixed";
/** Why a monthly budget does not clear the balance within `maxMonths`. */
export type BudgetReason = "belowInterest" | "beyondMaxMonths";
/** Why a debt plan is infeasible. */
export type DebtPlanReason = "belowMinimums" | "neverClears";

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/** The stable codes of the errors the API throws (`src/error.rs`). */
export type ErrorCode =
  | "missingField"
  | "wrongType"
  | "unknownField"
  | "invalidNumber"
  | "tooManyDecimals"
  | "negativeAmount"
  | "outOfRange"
  | "unknownValue"
  | "invalidDate"
  | "conflict"
  | "tooManyItems"
  | "noSolution"
  | "overflow"
  | "tooLarge"
  | "belowMinimum"
  | "notPositive"
  | "notWhole";

/**
 * What every API function throws on invalid input: a plain JS `Error` with
 * `code` and `field` set (there is no `RepayError` class to `instanceof`;
 * test `code` instead). `field` is the input path (`fees[1].amount`), or
 * `null` when no single field is at fault. `message` is English.
 */
export interface RepayError extends Error {
  code: ErrorCode;
  field: string | null;
}

// ---------------------------------------------------------------------------
// Shared output shapes
// ---------------------------------------------------------------------------

/** A warning or note with a stable code and an English message. */
export interface Note<Code extends string = string> {
  code: Code;
  message: string;
}

/** Where a rule comes from. */
export interface Source {
  /** The document's title. */
  document: string;
  /** The article, or `null` when not confirmed. */
  article: string | null;
  /** The document's date (`YYYY-MM-DD`, or a year or month when only that is known). */
  date: string;
  /** The date it took effect, when known. */
  effective?: string;
}

/** A row of the LPR table. */
export interface LprRow {
  /** In force from this date until the next row. */
  from: DateText;
  oneYearPercent: PercentText;
  fiveYearPercent: PercentText;
}

// ---------------------------------------------------------------------------
// loanTerms
// ---------------------------------------------------------------------------

/** The fields every fee has. */
export interface FeeBase {
  /** Up to 60 characters. */
  label?: string | null;
  when: FeeWhen;
}
/** A loan fee: a fixed `amount` (taken to the cent) or a `percentOfPrincipal` (0–100), never both. */
export type FeeInput =
  | (FeeBase & { amount: Money; percentOfPrincipal?: null })
  | (FeeBase & { percentOfPrincipal: DecimalInput; amount?: null });

/** An extra principal payment made with installment `period` (annuity, equalPrincipal and interestOnly only). */
export interface PrepaymentInput {
  /** 1 … `periods`; each period at most once. */
  period: Whole;
  /** At least 0.01. */
  amount: Money;
  then?: AfterPrepayment | null;
}

/** The input of `loanTerms`. */
export interface LoanTermsInput {
  /** The amount written in the contract, at least 0.01. */
  principal: Money;
  /** What the borrower actually got, more than 0 (default: principal − upfront fees). */
  received?: Money | null;
  /** The contract rate (for `flat`, charged on the original principal). */
  rate: RateInput;
  /** Monthly installments, 1–600. */
  periods: Whole;
  method: Method;
  /** Up to 20 fees. */
  fees?: readonly FeeInput[] | null;
  /** The loan date; period k falls due k months later. */
  startDate?: DateInput | null;
  /** Up to 600 prepayments (not for `bullet` or `flat`). */
  prepayments?: readonly PrepaymentInput[] | null;
  /** Days in a year for a daily rate (default 360). */
  dayBasis?: DayBasis | null;
  /** Up to 600 rate changes, in any order, at most one per installment (not for `flat`). */
  rateChanges?: readonly RateChangeInput[] | null;
  /** An LPR-linked rate (needs `startDate`; not for `flat`). Without it, `rate` is required. */
  lprLinked?: LprLinkedInput | null;
}

/** What stays the same when the rate changes: the end date (default) or the payment (annuity only). */
export type KeepOnChange = "term" | "payment";
/** Which LPR a loan follows: one-year, or five-year-and-over. */
export type LprTenor = "oneYear" | "fiveYear";
/** When an LPR-linked rate is repriced: each anniversary of the loan date, or each 1 January. */
export type LprRepricing = "anniversary" | "january";

/** The fields every rate change has. */
export interface RateChangeBase {
  /** The new rate, from the installment on (the whole installment's interest). */
  rate: RateInput;
  /** Default `"term"`: the level payment is recomputed over the months left. */
  keep?: KeepOnChange | null;
}
/**
 * A new rate from installment `period` (1 … `periods`), or from the first
 * installment due on or after `date` (needs `startDate`), never both.
 */
export type RateChangeInput =
  | (RateChangeBase & { period: Whole; date?: null })
  | (RateChangeBase & { date: DateInput; period?: null });

/** A rate of LPR + spread, repriced once a year from the rule pack's LPR table. */
export interface LprLinkedInput {
  /** The spread over the LPR in basis points, −10000 … 10000 (50 = +0.50 %). */
  spreadBasisPoints: DecimalInput;
  repricing: LprRepricing;
  /** When LPR pricing starts (default `startDate`; a later date for a converted loan). */
  from?: DateInput | null;
  /** Default: `fiveYear` for more than 60 months, else `oneYear`. */
  tenor?: LprTenor | null;
  /** What stays the same at each repricing (default `"term"`). */
  keep?: KeepOnChange | null;
}

/** A `loanTerms` input whose first rate may come from the LPR table. */
export type LprLoanTermsInput = Omit<LoanTermsInput, "rate" | "lprLinked"> & {
  /** The rate until the first repricing; default LPR on `from` + spread. */
  rate?: RateInput | null;
  lprLinked: LprLinkedInput;
};

/** An LPR figure and the row of the rule pack's table it comes from. */
export interface LprFigure {
  /** The row's publication date (in force until the next fixing). */
  date: DateText;
  /** The tenor's LPR. */
  percent: PercentText;
  /** Used on a date after `lprConfirmedThrough`: the last confirmed LPR, assumed unchanged. */
  assumed: boolean;
}

/** A rate change as it took effect. */
export interface RateChange {
  /** The first installment at the new rate. */
  period: number;
  /** Its due date, when `startDate` was given. */
  dueDate?: DateText;
  ratePercent: PercentText;
  per: RatePer;
  keep: KeepOnChange;
  /** Installment `period` at the rate before: principal + interest + each-period fees, no prepayment. */
  paymentBefore: MoneyText;
  /** The same installment at the new rate. */
  paymentAfter: MoneyText;
  /** `input`: the input's `rateChanges`; `lpr`: an LPR repricing. */
  source: "input" | "lpr";
  /** The position in the input's `rateChanges` (source `input`). */
  index?: number;
  /** The repricing date (source `lpr`). */
  repricingDate?: DateText;
  /** The LPR row the rate came from (source `lpr`). */
  lpr?: LprFigure;
}

/** How an LPR-linked rate was priced. */
export interface LprLinked {
  tenor: LprTenor;
  repricing: LprRepricing;
  /** When LPR pricing starts. */
  from: DateText;
  /** As given, four decimals. */
  spreadBasisPoints: PercentText;
  /** The LPR in force on `from`. */
  initialLpr: LprFigure;
  /** LPR on `from` + spread, per year. */
  initialRatePercent: PercentText;
  /** The first installment's rate: the input's `rate`, else `initialRatePercent`. */
  ratePercent: PercentText;
  per: RatePer;
  /** LPR fixings after this date are not confirmed in the rule pack. */
  confirmedThrough: DateText;
  source: Source;
  confidence: RuleConfidence;
}

/** One installment. */
export interface ScheduleRow {
  /** 1-based. */
  period: number;
  /** Present when `startDate` was given. */
  dueDate?: DateText;
  /** principal + interest + fees. */
  payment: MoneyText;
  principal: MoneyText;
  interest: MoneyText;
  fees: MoneyText;
  /** Principal owed afterwards. */
  balance: MoneyText;
}

/** Sums over the schedule; `fees` includes upfront fees. */
export interface LoanTotals {
  payment: MoneyText;
  principal: MoneyText;
  interest: MoneyText;
  fees: MoneyText;
}

/** The true cost from the IRR of the borrower's cash flows. */
export interface Apr {
  /** Monthly IRR. */
  periodicPercent: PercentText;
  /** Monthly IRR × 12 (名义年化; China, US Reg Z). */
  nominalPercent: PercentText;
  /** (1 + monthly IRR)^12 − 1 (实际年化; EU/UK APRC). */
  effectivePercent: PercentText;
}

/** The output of `loanTerms`. */
export interface LoanTermsOutput {
  schedule: ScheduleRow[];
  totals: LoanTotals;
  /** `null` only with an `aprUnavailable` warning. */
  apr: Apr | null;
  /** What the borrower received. */
  received: MoneyText;
  /** The fees charged up front. */
  upfrontFees: MoneyText;
  /** principal − received when positive, else `"0.00"`. */
  upfrontDeduction: MoneyText;
  /** Everything repaid − received. */
  costOfCredit: MoneyText;
  firstPayment: MoneyText;
  lastPayment: MoneyText;
  warnings: Note<LoanWarningCode>[];
  /** With `rateChanges` or `lprLinked`: the changes that took effect, in installment order. */
  rateChanges?: RateChange[];
  /** With `rateChanges` or `lprLinked`: Σ interest of the same loan at its first rate throughout. */
  interestWithoutChanges?: MoneyText;
  /** `totals.interest` − `interestWithoutChanges` (negative: the changes save interest). */
  interestDifference?: MoneyText;
  /** With `lprLinked`: how the rate was priced. */
  lprLinked?: LprLinked;
}

// ---------------------------------------------------------------------------
// cashflowRate
// ---------------------------------------------------------------------------

/** A flow on a date. Signs from the borrower's side: received positive, paid negative. */
export interface DatedFlowInput {
  amount: Money;
  date: DateInput;
  period?: null;
}
/**
 * A flow at a (possibly fractional) number of unit periods, 0 or more. A JS
 * number here keeps all the digits JS prints for it (`1 + 5/30`); a numeral
 * string takes at most ten decimal places.
 */
export interface PeriodFlowInput {
  amount: Money;
  period: DecimalInput;
  date?: null;
}

/** The input of `cashflowRate`: 2 to 10,000 flows, all dated or all by period. */
export type CashflowRateInput =
  | {
      flows: readonly DatedFlowInput[];
      /** Default `xirr`; `periodic` needs periods. */
      convention?: Exclude<Convention, "periodic"> | null;
      /** Dated flows run on the calendar: giving this is a `conflict` error. */
      periodsPerYear?: null;
    }
  | {
      flows: readonly PeriodFlowInput[];
      /** Default `periodic`; `xirr` needs dates. */
      convention?: Exclude<Convention, "xirr"> | null;
      /** Unit periods per year, 0.01–366 (default 12); a JS number keeps all its digits (`365/7`). */
      periodsPerYear?: DecimalInput | null;
    };

/** The output of `cashflowRate`. */
export interface CashflowRateOutput {
  /** Rate per unit period (`periodic` and `usRegZ`). */
  periodicPercent?: PercentText;
  /** Nominal annual rate (`periodic` and `usRegZ`: the Reg Z APR). */
  nominalPercent?: PercentText;
  /** Effective annual rate. */
  effectivePercent: PercentText;
}

// ---------------------------------------------------------------------------
// overdueCost
// ---------------------------------------------------------------------------

/** The amounts past due. */
export interface OverdueAmountsInput {
  /** At least 0.01. */
  principal: Money;
  interest?: Money | null;
  fees?: Money | null;
}

/** The penalty rate: a rate, or the contract rate raised by a markup (bank practice 30–50 %). */
export type PenaltyInput =
  | { rate: RateInput; contractRate?: null; markupPercent?: null }
  | { contractRate: RateInput; markupPercent: DecimalInput; rate?: null };

/** A late fee: a fixed `amount`, a `percentOfOverdue` (0–100) or, with `loan`, a
 * `percentOfRemainingPrincipal` (0–100 of the principal unpaid on `asOf`), once or each started
 * 30-day month. */
export type LateFeeInput =
  | { amount: Money; percentOfOverdue?: null; percentOfRemainingPrincipal?: null; per: LateFeePer }
  | { percentOfOverdue: DecimalInput; amount?: null; percentOfRemainingPrincipal?: null; per: LateFeePer }
  | { percentOfRemainingPrincipal: DecimalInput; amount?: null; percentOfOverdue?: null; per: LateFeePer };

/** A payment to apply to the buckets. Default order: interest, principal (Civil Code Art. 561), then fees (service and late fees, 违约金: the statute does not place them; give the contract's order). */
export interface PaymentInput {
  /** At least 0.01. */
  amount: Money;
  /** Each bucket once, or empty for the default. */
  order?: readonly [PaymentBucket, PaymentBucket, PaymentBucket] | readonly [] | null;
}

/** The overdue period: `from` and `to`, or `days` (1–3650) with an optional `from`. */
export type OverduePeriodInput =
  | { from: DateInput; to: DateInput; days?: null }
  | { days: Whole; from?: DateInput | null; to?: null };

/** The free-form case: the amounts past due and the period. */
export type OverdueFreeFormInput = OverduePeriodInput & {
  overdue: OverdueAmountsInput;
  loan?: null;
  paid?: null;
  asOf?: null;
  accelerated?: null;
  /** Interest deducted up front; less than `overdue.principal`. */
  upfrontDeduction?: Money | null;
};

/** The case from the loan: the loan (with `startDate`), the instalments paid and the day. */
export interface OverdueFromLoanInput {
  /** A `loanTerms` input with a `startDate`. */
  loan: (LoanTermsInput | LprLoanTermsInput) & { startDate: DateInput };
  /** Instalments paid in full, in order, each on its due date (0 to the loan's instalments). */
  paid: Whole;
  /** The day of the figures; not before `loan.startDate`. */
  asOf: DateInput;
  /** The day the whole loan was declared due (提前到期); from `loan.startDate` to `asOf`. */
  accelerated?: DateInput | null;
  overdue?: null;
  days?: null;
  from?: null;
  to?: null;
  upfrontDeduction?: null;
}

/** The input of `overdueCost`: the case from the loan, or free-form. */
export type OverdueCostInput = (OverdueFromLoanInput | OverdueFreeFormInput) & {
  penalty: PenaltyInput;
  /** Charge the penalty rate on overdue interest too (复利); default false. */
  compound?: boolean | null;
  /** Charge the penalty rate on overdue fees too; default false. */
  chargeOnFees?: boolean | null;
  lateFee?: LateFeeInput | null;
  lender: Lender;
  jurisdiction?: Jurisdiction | null;
  /** Fixes the LPR for the private-lending cap; not after the first overdue day (with `loan`: not after `loan.startDate`). */
  contractDate?: DateInput | null;
  /** When the case was or would be filed; not before `contractDate`. */
  filingDate?: DateInput | null;
  /** A collection fee (催收费) claimed: a fee, never a base of penalty interest. */
  collectionFee?: Money | null;
  payment?: PaymentInput | null;
  /** Days in a year for daily rates (default 360). */
  dayBasis?: DayBasis | null;
};

/** The penalty rate used. */
export interface PenaltyRate {
  annualPercent: PercentText;
  dailyPercent: PercentText;
}

/** A part of the period under one cap rate. */
export interface CapSegment {
  /** The rule that sets the rate. */
  rule: RuleId;
  /** First day, when dated. */
  from?: DateText;
  /** The day after the last, when dated. */
  to?: DateText;
  days: number;
  capPercent: PercentText;
  /** The LPR row used. */
  lpr?: LprRow;
  capAmount: MoneyText;
}

/** One cap of the rule pack, evaluated. */
export interface Cap {
  rule: RuleId;
  kind: RuleKind;
  /** Whether it covers this lender and jurisdiction. */
  applies: boolean;
  /** `null` for an amount cap. */
  capPercent: PercentText | null;
  capPer: CapPer | null;
  /** What the percent is taken of. */
  capBase: MoneyText;
  /** The most these charges may be over these days. */
  capAmount: MoneyText;
  /** The currency of an amount cap, when fixed (`"GBP"`). */
  currency?: string;
  /** The charges this cap counts. */
  charged: MoneyText;
  /** Charged above the cap (≥ 0). */
  excess: MoneyText;
  /** The LPR row used. */
  lpr?: LprRow;
  /** Parts of the period under different rates; absent when there are none. */
  segments?: CapSegment[];
  source: Source;
  confidence: RuleConfidence;
  notes: Note<CapNoteCode>[];
}

/** A chart point. */
export interface OverduePoint {
  day: number;
  totalOwed: MoneyText;
}

/** An amount per bucket. */
export interface Buckets {
  fees: MoneyText;
  interest: MoneyText;
  principal: MoneyText;
}

/** How a payment is applied. */
export interface Allocation {
  order: PaymentBucket[];
  owed: Buckets;
  applied: Buckets;
  remaining: Buckets;
  remainingTotal: MoneyText;
  /** The part of the payment above everything owed. */
  unapplied: MoneyText;
}

/** The output of `overdueCost`. */
export interface OverdueCostOutput {
  days: number;
  /** Present when the period is dated. */
  from?: DateText;
  /** Present when the period is dated. */
  to?: DateText;
  penaltyRate: PenaltyRate;
  penaltyInterest: MoneyText;
  compoundInterest: MoneyText;
  interestOnFees: MoneyText;
  lateFeeCount: number;
  lateFees: MoneyText;
  /** The sum of the rounded components. */
  totalCharges: MoneyText;
  /** Overdue principal + interest + fees. */
  overdueTotal: MoneyText;
  /** overdueTotal + totalCharges. */
  totalOwed: MoneyText;
  annualizedPercent: PercentText;
  caps: Cap[];
  series: OverduePoint[];
  /** `month` means 30 days. */
  seriesStep: "day" | "month";
  /** Present when a `payment` was given. */
  allocation?: Allocation;
  basis: Note<OverdueBasisCode>[];
  rulesVersion: string;
  /** `wholeLoan`: the settlement against the line over the loan's life; `overdueOnly`: the caps on the overdue charges only. */
  view: LawfulView;
  /** With `loan`, or when a collection fee was given. */
  collectionFee?: MoneyText;
  /** With `loan`: the day of the figures. */
  asOf?: DateText;
  /** With `loan`: the instalments paid. */
  paid?: number;
  /** With `loan` and `accelerated`. */
  accelerated?: DateText;
  /** With `loan`: the instalments due by `asOf` (due on or before it; all of them with `accelerated`). `paid` above it adds the basis note `paidBeyondDue`. */
  dueByAsOf?: number;
  /** With `loan`: the missed instalments. */
  missed?: MissedInstalment[];
  /** With `loan`: the principal of the instalments not yet due. */
  notYetDue?: MoneyText;
  /** With `loan`: missed principal + notYetDue. */
  remainingPrincipal?: MoneyText;
  /** With `loan`: notYetDue + totalOwed, closing the loan on `asOf` by the lender's figures. */
  settlement?: MoneyText;
  /** With `loan`: the settlement by part. */
  claimed?: PlanParts;
  /** With `loan`: the settlement with what is above the line taken off. */
  lawful?: PlanParts;
  /** With `loan`: what was taken off, by rule. */
  removed?: PlanRemoved[];
  /** With `loan`: the line over the loan's life (`wholeLoan`), else `null`. */
  line?: LoanLine | null;
  /** With `loan`: the loan's own true cost against the line, or `null`. */
  loanCost?: LoanCost | null;
}

/** A missed instalment of a case from the loan. */
export interface MissedInstalment {
  period: number;
  /** The day it fell due (an accelerated one: the acceleration day). */
  dueDate: DateText;
  /** asOf − dueDate, calendar days (≥ 1). */
  days: number;
  principal: MoneyText;
  /** 0.00 when accelerated. */
  interest: MoneyText;
  /** 0.00 when accelerated. */
  fees: MoneyText;
  /** principal × daily penalty rate × days, rounded per instalment. */
  penalty: MoneyText;
  /** interest × daily penalty rate × days (with `compound`). */
  compound: MoneyText;
  /** fees × daily penalty rate × days (with `chargeOnFees`). */
  interestOnFees: MoneyText;
  /** Whether it fell due early, by the acceleration. */
  accelerated: boolean;
}

/** A paid instalment recomputed at the line. */
export interface LinePayment {
  date: DateText;
  /** Days since the previous date. */
  days: number;
  /** Line interest for those days, rounded. */
  interest: MoneyText;
  payment: MoneyText;
  balance: MoneyText;
  unpaidInterest: MoneyText;
}

/** The line on the whole price of credit, recomputed over the loan's life. */
export interface LoanLine {
  /** `cnFinancial24`, `cnPrivate4xLpr`, `cnPrivateTransition` or `cnPrivate2015`. */
  rule: RuleId;
  source: Source;
  confidence: RuleConfidence;
  /** The line in force on `asOf`, percent a year. */
  percent: PercentText;
  /** Every rate of the line over the period. */
  rates: { from: DateText; percent: PercentText }[];
  /** The LPR row used (private lending). */
  lpr?: LprRow;
  /** The amount received: the starting balance. */
  base: MoneyText;
  /** The contract principal. */
  principal: MoneyText;
  /** loan.startDate. */
  from: DateText;
  /** asOf. */
  to: DateText;
  dayBasis: number;
  method: "recomputedAtLine";
  payments: LinePayment[];
  balance: MoneyText;
  unpaidInterest: MoneyText;
  lastPaymentDate: DateText;
  daysSince: number;
  interestSince: MoneyText;
  /** The most the loan may cost on `asOf` at the line (negative: more than the line was paid). */
  ceiling: MoneyText;
  /** The same recomputation from the contract principal. */
  ceilingFromPrincipal: MoneyText;
  notes: Note<LineNoteCode>[];
}

/** The loan's own true cost against the line. */
export interface LoanCost {
  nominalPercent: PercentText;
  effectivePercent: PercentText;
  linePercent: PercentText;
  /** The higher of the two forms is above the line. */
  aboveLine: boolean;
}

// ---------------------------------------------------------------------------
// legalRules
// ---------------------------------------------------------------------------

/** A rule of the pack. */
export interface LegalRule {
  id: RuleId;
  kind: RuleKind;
  jurisdiction: Jurisdiction;
  scope: RuleScope[];
  capPercent?: PercentText;
  capPer?: CapPer;
  capAmount?: MoneyText;
  /** The currency of `capAmount`, when fixed. */
  currency?: string;
  /** A multiple of the one-year LPR, as a plain decimal (`"4"`). */
  lprMultiple?: string;
  capPercentAtLatestLpr?: PercentText;
  splitDate?: DateText;
  /** The longest plan, months. */
  maxMonths?: number;
  markupMinPercent?: PercentText;
  markupMaxPercent?: PercentText;
  /** The English text (same as `en`). */
  description: string;
  zh: string;
  /** The same text in Traditional characters (document titles as published). */
  zhTW: string;
  en: string;
  source: Source;
  confidence: RuleConfidence;
  /** When the entry was last checked. */
  asOf: DateText;
}

/** A "know your rights" fact. */
export interface LegalFact {
  id: FactId;
  zh: string;
  /** The same text in Traditional characters. */
  zhTW: string;
  en: string;
  source: Source;
  confidence: RuleConfidence;
  /** The lender types the fact concerns or its source binds. */
  scope: Lender[];
}

/** How serious a breach of a conduct rule is. */
export type Severity = "low" | "medium" | "high";

/** The limit rules `collectionLog` checks besides the conduct codes. */
export type ConductLimitCode = "lateHours" | "unansweredCalls" | "thirdParty" | "thirdPartyDisclosure";

/** What a collector did, as a person notes it on a contact. */
export type ConductCode =
  | "threat"
  | "insult"
  | "impersonation"
  | "falseConsequence"
  | "exaggeratedAmount"
  | "feeDemand"
  | "newLoanPush"
  | "publicExposure"
  | "visitWithoutConsent"
  | "privatePhone";

/** A flag's rule: a limit rule or a conduct code. */
export type ConductRuleCode = ConductLimitCode | ConductCode;

/** What sort of text a conduct rule's source is. */
export type SourceKind = "law" | "regulation" | "selfRegulation";

/** One source of a conduct rule, with the lender types it binds. */
export interface BoundSource extends Source {
  /** The lender types it binds. */
  binds: Lender[];
  kind: SourceKind;
  confidence: RuleConfidence;
  /** `reported` when only the article number is reported (show it as such). */
  articleConfidence?: RuleConfidence;
}

/** A collection-conduct rule of the pack (what `collectionLog` checks). */
export interface ConductRule {
  code: ConductRuleCode;
  /** The lender types some source binds (the union of `sources[].binds`). */
  scope: Lender[];
  severity: Severity;
  /** `lateHours`: start of the quiet hours, `"HH:MM"` (inclusive). */
  fromTime?: string;
  /** `lateHours`: end of the quiet hours, `"HH:MM"` (exclusive). */
  toTime?: string;
  /** `unansweredCalls`: unanswered attempts a day the rule allows. */
  maxPerDay?: number;
  zh: string;
  zhTW: string;
  en: string;
  /** The first of `sources`. */
  source: Source;
  confidence: RuleConfidence;
  /** Every source, binding law first, the banking association's guideline last. */
  sources: BoundSource[];
  asOf: DateText;
  /** Ids of facts on the same conduct (e.g. a law that binds every lender). */
  related: FactId[];
}

/** The kinds of complaint route. */
export type RouteKind = "lender" | "regulator" | "selfRegulator" | "harassment" | "police" | "creditReport";

/** Where to complain, for which lender types. */
export interface ComplaintRoute {
  id: string;
  kind: RouteKind;
  /** The lender types the route serves. */
  scope: Lender[];
  /** A phone number, or `null`. */
  contact: string | null;
  zh: string;
  zhTW: string;
  en: string;
  source: Source;
  confidence: RuleConfidence;
}

/** The output of `legalRules`. */
export interface LegalRulesOutput {
  asOf: DateText;
  version: string;
  lprConfirmedThrough: DateText;
  /** `null` only with `problem`. */
  lprSource: Source | null;
  /** `""` only with `problem`. */
  lprConfidence: RuleConfidence | "";
  /** Oldest first. */
  lpr: LprRow[];
  rules: LegalRule[];
  facts: LegalFact[];
  /** Collection-conduct rules, in the order `collectionLog` lists its flags. */
  conductRules: ConductRule[];
  /** Complaint routes by lender type. */
  complaintRoutes: ComplaintRoute[];
  /** Set only if the embedded pack could not be read (the tests rule it out). */
  problem?: string;
}

// ---------------------------------------------------------------------------
// collectionLog
// ---------------------------------------------------------------------------

/** How a collector reached out. */
export type Channel = "call" | "sms" | "visit" | "app" | "other";
/** Whom a contact reached. */
export type Recipient = "me" | "relatedThirdParty" | "unrelatedThirdParty";

/** One logged contact. */
export interface CollectionContact {
  /** `"YYYY-MM-DDTHH:MM"`, local wall-clock time, 00:00–23:59. */
  at: string;
  channel: Channel;
  /** Calls only (default `true`); `false` with another channel is a `conflict`. */
  answered?: boolean;
  to: Recipient;
  /** The number or name as noted (≤ 64 characters), kept, not interpreted. */
  from?: string;
  /** Conduct codes (a repeated code counts once). */
  conduct?: ConductCode[];
  /** The debt's details were told to a third party. */
  debtDisclosed?: boolean;
  /** Kept as typed (≤ 500 characters). */
  note?: string;
}

/** The input of `collectionLog`. */
export interface CollectionLogInput {
  /** The lender of record: decides `applies` and `source`, never which entries are listed. */
  lender: Lender;
  /** The person agreed to contact at night (default `false`). */
  consentToLateContact?: boolean;
  /** Up to 5,000, in any order. */
  contacts?: CollectionContact[];
}

/** The entries that look like breaches of one rule. */
export interface CollectionFlag {
  rule: ConductRuleCode;
  count: number;
  /** Indices into the input `contacts`, ascending. */
  entries: number[];
  /** The distinct days involved, ascending. */
  dates: DateText[];
  /** Whether any binding source covers the given lender type (for `unknown`: every possible one). */
  applies: boolean;
  /** The lender types some source binds. */
  scope: Lender[];
  severity: Severity;
  /** The binding source for the lender type (the rule's first source when none binds it). */
  source: Source;
  sourceKind: SourceKind;
  /** Of `source`. */
  confidence: RuleConfidence;
  /** `"reported"` when only reports give `source`'s article number (show it so). */
  articleConfidence?: RuleConfidence;
  /** The rule's other sources, each with the lender types it binds. */
  also: BoundSource[];
  /** Facts on the same conduct (`legalRules().facts` ids). */
  related: FactId[];
}

/** One day of the log. */
export interface CollectionDay {
  date: DateText;
  contacts: number;
  /** Unanswered calls to the person. */
  unansweredCalls: number;
  /** Contacts in the quiet hours, with or without consent. */
  lateContacts: number;
  /** Contacts with at least one flag. */
  flagged: number;
}

/** The output of `collectionLog`. */
export interface CollectionLogOutput {
  contacts: number;
  days: number;
  /** One per rule with a flagged entry, in the rule pack's order. */
  flags: CollectionFlag[];
  byDay: CollectionDay[];
  rulesVersion: string;
}

// ---------------------------------------------------------------------------
// readMessage
// ---------------------------------------------------------------------------

/** The input of `readMessage`. */
export interface ReadMessageInput {
  /** The message as pasted; at most 5,000 UTF-16 units (`text.length ≤ 5000`), else `tooLarge`. */
  text: string;
  /** `"YYYY-MM-DDTHH:MM"`: when it arrived; anchors "今日", "明天", "3日内" (else `invalidDate`). */
  receivedAt?: string;
}

/** What an amount in a message is, when the words say so. */
export type MessageAmountLabel =
  | "owed"
  | "principal"
  | "interest"
  | "penalty"
  | "lateFee"
  | "fee"
  | "collectionFee"
  | "settlement";

/** The conduct codes `readMessage` can find (a subset of the call log's). */
export type MessageConductCode =
  | "falseConsequence"
  | "threat"
  | "insult"
  | "impersonation"
  | "feeDemand"
  | "newLoanPush"
  | "publicExposure";

/** Where a finding is: UTF-16 offsets, `text.slice(start, end)` is its text. */
export interface MessageSpan {
  start: number;
  end: number;
}

/** An amount of money in a message. */
export interface MessageAmount extends MessageSpan {
  /** Yuan with two decimals ("1.2万" → "12000.00"). */
  value: MoneyText;
  label: MessageAmountLabel | null;
}

/** A stated deadline; `date` and `time` only when known. */
export interface MessageDeadline extends MessageSpan {
  date?: DateText;
  /** `"HH:MM"`. */
  time?: string;
}

/** A phone number in a message. */
export interface MessagePhone extends MessageSpan {
  /** Digits only (a mobile's +86 left off). */
  number: string;
}

/** A link in a message, as written. */
export interface MessageLink extends MessageSpan {
  url: string;
}

/** What words of a message do, as the call log's conduct code. */
export interface MessageConduct extends MessageSpan {
  code: MessageConductCode;
}

/** How a message asks to be paid: into a person's account or QR code, or through a link. */
export interface MessageWarning extends MessageSpan {
  code: "personalAccount" | "paymentLink";
}

/** The output of `readMessage`: every list in text order; nothing found is empty lists and `null`. */
export interface ReadMessageOutput {
  amounts: MessageAmount[];
  /** The first number of days overdue the text states. */
  daysOverdue: number | null;
  deadlines: MessageDeadline[];
  phones: MessagePhone[];
  links: MessageLink[];
  conduct: MessageConduct[];
  warnings: MessageWarning[];
}

// ---------------------------------------------------------------------------
// repaymentPlans
// ---------------------------------------------------------------------------

/** What is owed. */
export interface PlanBalanceInput {
  /** At least 0.01. */
  principal: Money;
  interest?: Money | null;
  penalties?: Money | null;
  fees?: Money | null;
}

/** The input of `repaymentPlans`: the overdue case (`overdue`) or a `balance`, not both. */
export interface RepaymentPlansInput {
  /** What is owed, typed by hand (with it, `lender` is required). */
  balance?: PlanBalanceInput;
  /**
   * The overdue case: exactly the input of `overdueCost`. The plans then work out the claim and
   * the part the law supports (`claimed`, `lawful`, `removed`). Both `balance` and `overdue` is a
   * `conflict`; its errors are named under `overdue.` (`overdue.overdue.principal`).
   */
  overdue?: OverdueCostInput;
  /** Which balance the plans use with a case: `lawful` (default) or `claimed`. */
  planOn?: "lawful" | "claimed" | null;
  /** The contract rate, if interest keeps running (default 0). */
  rate?: RateInput | null;
  monthlyBudget?: Money | null;
  /** Money available now. */
  lumpSum?: Money | null;
  /** A settlement the lender offered, more than 0. */
  lumpSumOffer?: Money | null;
  /** Required with `balance`; with `overdue`, optional and equal to `overdue.lender` (else `conflict`). */
  lender?: Lender;
  /** 1–60 (default 60). */
  maxMonths?: Whole | null;
  /** 1–`maxMonths`: the months wanted for the installment plans. */
  months?: Whole | null;
  /** 1–24 (default 3). */
  deferralMonths?: Whole | null;
  startDate?: DateInput | null;
  /** Days in a year for a daily rate (default 360). */
  dayBasis?: DayBasis | null;
}

/** One payment of a plan. */
export interface PlanRow {
  period: number;
  /** Present when `startDate` was given. */
  dueDate?: DateText;
  payment: MoneyText;
  principal: MoneyText;
  /** In a deferral's holiday month, added to the balance. */
  interest: MoneyText;
  balance: MoneyText;
}

/** Which rule or practice makes a plan plausible. */
export interface PlanBasis {
  code: PlanBasisCode;
  /** Document and article, or the practice. */
  rule: string;
  confidence: PlanConfidence;
  standing: Standing;
  /** Plain English. */
  note: string;
}

/** A lump-sum settlement. */
export interface Settlement {
  amount: MoneyText;
  /** Balance − amount. */
  discount: MoneyText;
  discountPercent: PercentText;
  /** How many installment payments the amount equals (two decimals), or `null`. */
  equivalentMonths: string | null;
  /** `offer` (lumpSumOffer), `available` (lumpSum, capped at the balance) or `proposal` (neither given: principal + interest). */
  source: SettlementSource;
}

/** One negotiable plan. */
export interface Plan {
  kind: PlanKind;
  months: number;
  monthlyPayment: MoneyText;
  totalPaid: MoneyText;
  /** As-is total − this total (negative: this plan costs more). */
  savingVsAsIs: MoneyText;
  /** `null` without a budget. */
  fitsBudget: boolean | null;
  /** When the regular payment is within the monthly budget but the plan does not fit: the first payment above it; else `null`. */
  overBudget: { period: number; payment: MoneyText } | null;
  schedule: PlanRow[];
  basis: PlanBasis;
  monthsChosenBy: MonthsChosenBy;
  /** What the lender gives up. */
  waived: MoneyText;
  /** Deferral only. */
  holidayMonths?: number;
  /** Deferral only (true). */
  interestCapitalised?: boolean;
  /** Deferral only. */
  accruedInterest?: MoneyText;
  /** Lump sum only (always offered: without `lumpSumOffer` or `lumpSum` it proposes principal + interest). */
  settlement?: Settlement;
}

/** How the budget fits the whole balance at the contract rate. */
export interface PlanBudget {
  balance: MoneyText;
  /** A payment at or below this never clears the balance. */
  firstMonthInterest: MoneyText;
  maxMonths: number;
  monthlyBudget: MoneyText | null;
  /** `null` without a budget. */
  feasible: boolean | null;
  reason: BudgetReason | null;
  monthsNeeded: number | null;
  lastPayment: MoneyText | null;
  totalPaid: MoneyText | null;
  /** The requested `months`, or `null`. */
  months: number | null;
  paymentForMonths: MoneyText | null;
  /** The smallest payment that clears within `maxMonths`. */
  minimumMonthly: MoneyText;
}

/** A balance by part, as a contract states the parts. */
export interface PlanParts {
  principal: MoneyText;
  interest: MoneyText;
  /** Penalty interest (罚息), compound interest, interest on fees. */
  penalties: MoneyText;
  /** Overdue fees and late fees or default charges (违约金). */
  fees: MoneyText;
  /** The sum of the four. */
  total: MoneyText;
}

/** An amount taken off the claim, and the rule that takes it off. */
export interface PlanRemoved {
  /** The rule id in the rule pack (`cnActualPrincipal`, `cnFinancial24`, …). */
  rule: RuleId;
  amount: MoneyText;
  source: Source;
}

/** The output of `repaymentPlans`. */
export interface RepaymentPlansOutput {
  plans: Plan[];
  budget: PlanBudget;
  /** As the lender claims it (the `balance` given, or the case's claim). */
  claimed: PlanParts;
  /** The claim less what is above the binding legal line and any up-front deduction (= `claimed` without a case). */
  lawful: PlanParts;
  /** What was taken off, in order: the up-front deduction, caps on one part, caps on all charges. */
  removed: PlanRemoved[];
  /** The balance the plans are computed on. */
  planOn: "lawful" | "claimed";
  /** With a case: penalty interest a day on the claimed overdue principal; else `null`. */
  penaltyPerDay: MoneyText | null;
  /** With a case: its view (with `overdue.loan`, `claimed` is the settlement); `null` with `balance`. */
  view: LawfulView | null;
}

// ---------------------------------------------------------------------------
// debtPlan
// ---------------------------------------------------------------------------

/** One debt. */
export interface DebtInput {
  /** Up to 60 characters (default `#1`, `#2`, …). */
  name?: string | null;
  /** At least 0.01. */
  balance: Money;
  rate: RateInput;
  minPayment: Money;
}

/** The input of `debtPlan`. */
export interface DebtPlanInput {
  /** 1–50 debts. */
  debts: readonly DebtInput[];
  monthlyBudget: Money;
  strategy?: Strategy | null;
  /** Also run all three strategies into `comparison`. */
  compare?: boolean | null;
  /** Days in a year for a daily rate (default 360). */
  dayBasis?: DayBasis | null;
}

/** A debt as returned, with the legal-line flags. */
export interface DebtSummary {
  name: string;
  balance: MoneyText;
  minPayment: MoneyText;
  /** Simple annual rate. */
  annualPercent: PercentText;
  above24: boolean;
  above36: boolean;
}

/** When a debt is cleared. */
export interface Payoff {
  name: string;
  /** Index in the input list. */
  index: number;
  /** `null` when not cleared within 600 months. */
  month: number | null;
}

/** One month of the chosen strategy. */
export interface DebtMonth {
  month: number;
  /** Each debt's balance at the month's end, in input order. */
  balances: MoneyText[];
  /** What each debt was paid, in input order. */
  payments: MoneyText[];
  paid: MoneyText;
  interest: MoneyText;
}

/** One strategy's result (the entries of `comparison`). */
export interface StrategyResult {
  strategy: Strategy;
  /** The priority order, by name. */
  order: string[];
  feasible: boolean;
  months: number | null;
  totalInterest: MoneyText | null;
  totalPaid: MoneyText | null;
  /** Debts in the order they are cleared. */
  payoff: Payoff[];
  /** Present when infeasible. */
  reason?: DebtPlanReason;
  /** The smallest budget that clears every debt within 600 months; present when infeasible. */
  minimumBudget?: MoneyText;
}

/** The output of `debtPlan`: the chosen strategy's result with its timeline. */
export interface DebtPlanOutput extends StrategyResult {
  /** One entry per month (600 when the budget never clears; empty below the minimums). */
  timeline: DebtMonth[];
  debts: DebtSummary[];
  /** Σ minimum payments. */
  minimums: MoneyText;
  /** With `compare: true`: avalanche, snowball and order, without timelines. */
  comparison?: StrategyResult[];
}

// ---------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------

/** Where `init` may load the wasm module from. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
/** What `initSync` accepts. */
export type SyncInitInput = BufferSource | WebAssembly.Module;
/** The raw wasm exports; embedders do not need them. */
export type InitOutput = WebAssembly.Exports;

/** Loads the engine (by default `repay_bg.wasm` next to `repay.js`); call once before any other function. */
export default function init(
  module_or_path?:
    | { module_or_path: InitInput | Promise<InitInput> }
    | InitInput
    | Promise<InitInput>,
): Promise<InitOutput>;

/** Loads the engine synchronously from its bytes or a compiled module (Node: `initSync({ module: bytes })`). */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/** The loan as contracted: schedule, totals, true annual cost (APR) and warnings. Throws a {@link RepayError}. */
export function loanTerms(input: LoanTermsInput | LprLoanTermsInput): LoanTermsOutput;

/** The annual rate of any stream of signed cash flows (periodic, XIRR, EU or US Reg Z). Throws a {@link RepayError} (`noSolution` when no rate exists). */
export function cashflowRate(input: CashflowRateInput): CashflowRateOutput;

/** What being late costs, every legal cap on it, and how a payment is applied. Throws a {@link RepayError}. */
export function overdueCost(input: OverdueCostInput): OverdueCostOutput;

/** The LPR table, rules and facts the calculator applies, with sources and confidence. */
export function legalRules(): LegalRulesOutput;

/** The plans a borrower can propose for one debt, and how a monthly budget fits. Throws a {@link RepayError}. */
export function repaymentPlans(input: RepaymentPlansInput): RepaymentPlansOutput;

/** Several debts paid from one monthly budget (avalanche, snowball or as listed). Throws a {@link RepayError}. */
export function debtPlan(input: DebtPlanInput): DebtPlanOutput;

/** A private log of collection contacts, checked against the conduct rules. */
export function collectionLog(input: CollectionLogInput): CollectionLogOutput;

/** What a pasted collector's message says: amounts, days overdue, deadlines, phones, links, conduct and warnings, each with its UTF-16 position. Throws a {@link RepayError}. */
export function readMessage(input: ReadMessageInput): ReadMessageOutput;

/** The crate version (`"0.1.0"`). */
export function version(): string;
