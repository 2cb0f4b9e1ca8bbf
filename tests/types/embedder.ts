// An example embedder: an advice website's page script that imports Repay the
// way the README shows and uses every function and every output field. It is
// never run; `tsc -p tests/types` type-checks it (strict) against
// www/repay-api.d.ts, so a declaration that drifts from how the API is meant to
// be used fails the build. The `@ts-expect-error` lines check that the
// declarations reject what the engine rejects. The example inputs come from
// examples.mjs, which tests/js/types.test.mjs also runs through the engine.

import init, {
  cashflowRate,
  collectionLog,
  debtPlan,
  initSync,
  legalRules,
  loanTerms,
  overdueCost,
  repaymentPlans,
  version,
} from "./pkg/repay.js";
import type {
  Cap,
  CollectionLogOutput,
  CapNoteCode,
  DebtPlanOutput,
  ErrorCode,
  LegalRulesOutput,
  LoanTermsInput,
  LoanTermsOutput,
  LoanWarningCode,
  Money,
  Note,
  OverdueCostInput,
  OverdueCostOutput,
  Plan,
  RepayError,
  RepaymentPlansOutput,
  Source,
  StrategyResult,
} from "./pkg/repay.js";
import { cardPlans, cashLoan, late, mortgage, regZFlows, threeDebts, ukLate, xirrFlows } from "./examples.mjs";

// ---------------------------------------------------------------------------
// Small page helpers
// ---------------------------------------------------------------------------

function out(...cells: (string | number | boolean | null | undefined)[]): void {
  const p = document.createElement("p");
  p.textContent = cells.map((c) => (c === null || c === undefined ? "—" : String(c))).join(" · ");
  document.body.append(p);
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${String(x)}`);
}

/** The API throws a plain `Error` with `code` and `field`; this narrows to it. */
function isRepayError(e: unknown): e is RepayError {
  return e instanceof Error && typeof (e as Partial<RepayError>).code === "string" && "field" in e;
}

/** The page's own wording for every error code (the switch must stay exhaustive). */
function explain(code: ErrorCode): string {
  switch (code) {
    case "missingField":
      return "请填写";
    case "wrongType":
    case "invalidNumber":
      return "请输入数字";
    case "unknownField":
      return "未知字段";
    case "tooManyDecimals":
      return "小数位过多";
    case "negativeAmount":
      return "金额不能为负";
    case "outOfRange":
      return "超出范围";
    case "unknownValue":
      return "无效选项";
    case "invalidDate":
      return "日期无效";
    case "conflict":
      return "字段冲突";
    case "tooManyItems":
      return "条目过多";
    case "noSolution":
      return "无解";
    case "overflow":
      return "数值过大";
    case "tooLarge":
      return "数额太大";
    case "belowMinimum":
      return "不足一分钱";
    case "notPositive":
      return "需要大于 0";
    case "notWhole":
      return "需要是整数";
    default:
      return assertNever(code);
  }
}

function showError(e: unknown): void {
  if (!isRepayError(e)) throw e;
  const where: string = e.field ?? "(input)";
  out("error", e.code, where, explain(e.code), e.message);
}

function showSource(s: Source): void {
  out(s.document, s.article ?? "article unconfirmed", s.date, s.effective ?? "");
}

function showNotes<C extends string>(notes: Note<C>[]): void {
  for (const n of notes) out(n.code, n.message);
}

function money(m: string): number {
  return Number(m);
}

// ---------------------------------------------------------------------------
// loanTerms
// ---------------------------------------------------------------------------

function warningText(code: LoanWarningCode): string {
  switch (code) {
    case "upfrontDeduction":
      return "砍头息";
    case "receivedAbovePrincipal":
      return "到手金额高于本金";
    case "flatRate":
      return "等本等息";
    case "aprAbove24":
      return "年化超过24%";
    case "aprAbove36":
      return "年化超过36%";
    case "aprUnavailable":
      return "无法计算年化";
    case "endsEarly":
      return "提前结清";
    case "lprAssumed":
      return "LPR按最近公布值假设";
    default:
      return assertNever(code);
  }
}

function showLoan(t: LoanTermsOutput): void {
  for (const row of t.schedule) {
    out(row.period, row.dueDate, row.payment, row.principal, row.interest, row.fees, row.balance);
  }
  out("totals", t.totals.payment, t.totals.principal, t.totals.interest, t.totals.fees);
  if (t.apr === null) {
    out("APR unavailable");
  } else {
    out("APR", t.apr.periodicPercent, t.apr.nominalPercent, t.apr.effectivePercent);
  }
  out("received", t.received, "upfront fees", t.upfrontFees, "deduction", t.upfrontDeduction);
  out("cost of credit", t.costOfCredit, t.firstPayment, t.lastPayment);
  for (const w of t.warnings) out(warningText(w.code), w.message);
}

try {
  const t = loanTerms(mortgage);
  showLoan(t);
  showLoan(loanTerms(cashLoan));
  const firstPayment: number = money(t.schedule[0]?.payment ?? "0");
  out(firstPayment);
} catch (e) {
  showError(e);
}

// A misspelt field is an error in the engine and in the types.
try {
  // @ts-expect-error `principle` is not a field
  loanTerms({ principle: "1000", rate: { percent: 5, per: "year" }, periods: 12, method: "annuity" });
} catch (e) {
  showError(e);
}
// @ts-expect-error not a method
const badMethod: LoanTermsInput = { principal: 1, rate: { percent: 1, per: "year" }, periods: 1, method: "annuitty" };
// @ts-expect-error a fee gives an amount or a percentOfPrincipal, not both
const bothFees: LoanTermsInput = { ...mortgage, fees: [{ amount: 1, percentOfPrincipal: 1, when: "atEnd" }] };
// @ts-expect-error a rate's period is day, month or year
const badPer: LoanTermsInput = { ...mortgage, rate: { percent: 1, per: "week" } };
out(badMethod.method, bothFees.periods, badPer.periods);

// Rates that change: a what-if change, and an LPR-linked mortgage.
function showChanges(t: LoanTermsOutput): void {
  for (const c of t.rateChanges ?? []) {
    out(c.period, c.dueDate, c.ratePercent, c.per, c.keep, c.paymentBefore, c.paymentAfter, c.source, c.index);
    if (c.lpr) out(c.repricingDate, c.lpr.date, c.lpr.percent, c.lpr.assumed);
  }
  out(t.interestWithoutChanges, t.interestDifference);
  const l = t.lprLinked;
  if (l) {
    out(l.tenor, l.repricing, l.from, l.spreadBasisPoints, l.initialLpr.date, l.initialLpr.percent, l.initialLpr.assumed);
    out(l.initialRatePercent, l.ratePercent, l.per, l.confirmedThrough, l.source.document, l.confidence);
  }
}
try {
  showChanges(loanTerms({ ...mortgage, rateChanges: [{ period: 13, rate: { percent: "3.5", per: "year" } }] }));
  showChanges(
    loanTerms({
      principal: "1000000",
      periods: 360,
      method: "annuity",
      startDate: "2019-10-15",
      lprLinked: { spreadBasisPoints: 50, repricing: "january" },
      rateChanges: [{ date: "2030-01-01", rate: { percent: "3", per: "year" }, keep: "payment" }],
    }),
  );
} catch (e) {
  showError(e);
}
// @ts-expect-error a rate change gives a period or a date, not both
const bothWhen: LoanTermsInput = { ...mortgage, rateChanges: [{ period: 2, date: "2025-03-01", rate: { percent: 3, per: "year" } }] };
// @ts-expect-error without lprLinked, the rate is required
const noRate: LoanTermsInput = { principal: 1, periods: 1, method: "annuity" };
// @ts-expect-error repricing is anniversary or january
const badRepricing: LoanTermsInput = { ...mortgage, lprLinked: { spreadBasisPoints: 0, repricing: "monthly" } };
out(bothWhen.periods, noRate.periods, badRepricing.periods);

// ---------------------------------------------------------------------------
// cashflowRate
// ---------------------------------------------------------------------------

const xirr = cashflowRate(xirrFlows);
out("xirr", xirr.effectivePercent, xirr.periodicPercent ?? "n/a", xirr.nominalPercent ?? "n/a");
const regZ = cashflowRate(regZFlows);
const regZApr: string | undefined = regZ.nominalPercent;
out("Reg Z", regZApr, regZ.effectivePercent);
// @ts-expect-error xirr needs a date on every flow
cashflowRate({ flows: [{ amount: 1, period: 0 }, { amount: -2, period: 1 }], convention: "xirr" });

// ---------------------------------------------------------------------------
// overdueCost
// ---------------------------------------------------------------------------

function capNote(code: CapNoteCode): string {
  switch (code) {
    case "lprUnconfirmedAfter":
    case "contractDateAssumed":
    case "filingDateAssumed":
    case "filedBefore20200820":
    case "periodAssumedAfterSplit":
    case "criminalReferenceOnly":
    case "ukHcstcScope":
    case "amountsInPounds":
      return code;
    default:
      return assertNever(code);
  }
}

function showCap(c: Cap): void {
  const per = c.capPer === null ? "amount cap" : c.capPer;
  out(c.rule, c.kind, c.applies, c.capPercent ?? "", per, c.capBase, c.capAmount, c.currency ?? "CNY");
  out("charged", c.charged, "excess", c.excess, c.confidence);
  if (c.lpr) out("LPR", c.lpr.from, c.lpr.oneYearPercent, c.lpr.fiveYearPercent);
  for (const s of c.segments ?? []) {
    out(s.rule, s.from, s.to, s.days, s.capPercent, s.capAmount, s.lpr?.oneYearPercent);
  }
  showSource(c.source);
  for (const n of c.notes) out(capNote(n.code), n.message);
}

function showOverdue(o: OverdueCostOutput): void {
  out(o.days, o.from, o.to, o.penaltyRate.annualPercent, o.penaltyRate.dailyPercent);
  out(o.penaltyInterest, o.compoundInterest, o.interestOnFees, o.lateFeeCount, o.lateFees);
  out(o.totalCharges, o.overdueTotal, o.totalOwed, o.annualizedPercent, o.rulesVersion);
  const protectedPart = o.caps.filter((c) => c.applies).reduce((m, c) => Math.max(m, money(c.excess)), 0);
  out("above the applicable caps", protectedPart.toFixed(2));
  o.caps.forEach(showCap);
  const step = o.seriesStep === "day" ? 1 : 30;
  for (const p of o.series) out(p.day / step, p.totalOwed);
  if (o.allocation) {
    const a = o.allocation;
    out(a.order.join(" → "), a.remainingTotal, a.unapplied);
    for (const b of [a.owed, a.applied, a.remaining]) out(b.fees, b.interest, b.principal);
  }
  showNotes(o.basis);
}

try {
  showOverdue(overdueCost(late));
  showOverdue(overdueCost(ukLate));
} catch (e) {
  showError(e);
}
// @ts-expect-error `to` goes with `from`, not with `days`
const badPeriod: OverdueCostInput = { ...late, from: undefined, to: "2024-06-01", days: 10 };
// @ts-expect-error not a lender type
const badLender: OverdueCostInput = { ...late, lender: "loanShark" };
out(badPeriod.lender, badLender.lender);

// ---------------------------------------------------------------------------
// legalRules
// ---------------------------------------------------------------------------

function showRules(r: LegalRulesOutput): void {
  if (r.problem !== undefined) {
    out("rules unavailable", r.problem);
    return;
  }
  out(r.version, r.asOf, r.lprConfirmedThrough, r.lprConfidence);
  if (r.lprSource) showSource(r.lprSource);
  const latest = r.lpr[r.lpr.length - 1];
  if (latest) out("LPR", latest.from, latest.oneYearPercent, latest.fiveYearPercent);
  for (const rule of r.rules) {
    out(rule.id, rule.kind, rule.jurisdiction, rule.scope.join(","), rule.confidence, rule.asOf);
    out(rule.capPercent, rule.capPer, rule.capAmount, rule.currency, rule.lprMultiple);
    out(rule.capPercentAtLatestLpr, rule.splitDate, rule.maxMonths);
    out(rule.markupMinPercent, rule.markupMaxPercent, rule.description, rule.zh, rule.en);
    showSource(rule.source);
  }
  for (const f of r.facts) {
    out(f.id, f.zh, f.en, f.confidence);
    showSource(f.source);
  }
}
showRules(legalRules());

// ---------------------------------------------------------------------------
// repaymentPlans
// ---------------------------------------------------------------------------

function showPlan(p: Plan): void {
  out(p.kind, p.months, p.monthlyPayment, p.totalPaid, p.savingVsAsIs, p.fitsBudget, p.monthsChosenBy, p.waived);
  out(p.basis.code, p.basis.rule, p.basis.confidence, p.basis.standing, p.basis.note);
  for (const row of p.schedule) {
    out(row.period, row.dueDate, row.payment, row.principal, row.interest, row.balance);
  }
  if (p.kind === "deferral") out(p.holidayMonths, p.interestCapitalised, p.accruedInterest);
  if (p.settlement) {
    const s = p.settlement;
    out(s.amount, s.discount, s.discountPercent, s.equivalentMonths ?? "", s.source);
  }
}

function showPlans(r: RepaymentPlansOutput): void {
  r.plans.forEach(showPlan);
  const b = r.budget;
  out(b.balance, b.firstMonthInterest, b.maxMonths, b.monthlyBudget, b.feasible, b.reason);
  out(b.monthsNeeded, b.lastPayment, b.totalPaid, b.months, b.paymentForMonths, b.minimumMonthly);
}

const budget: Money = cardPlans.monthlyBudget;
try {
  showPlans(repaymentPlans(cardPlans));
  showPlans(repaymentPlans({ ...cardPlans, monthlyBudget: budget, months: null }));
} catch (e) {
  showError(e);
}

// ---------------------------------------------------------------------------
// debtPlan
// ---------------------------------------------------------------------------

function showStrategy(s: StrategyResult): void {
  out(s.strategy, s.order.join(" > "), s.feasible, s.months, s.totalInterest, s.totalPaid);
  for (const p of s.payoff) out(p.name, p.index, p.month ?? "not within 600 months");
  if (!s.feasible) out(s.reason, s.minimumBudget);
}

function showDebts(d: DebtPlanOutput): void {
  showStrategy(d);
  for (const m of d.timeline) out(m.month, m.balances.join("/"), m.payments.join("/"), m.paid, m.interest);
  for (const debt of d.debts) {
    out(debt.name, debt.balance, debt.minPayment, debt.annualPercent, debt.above24, debt.above36);
  }
  out("minimums", d.minimums);
  d.comparison?.forEach(showStrategy);
}

try {
  showDebts(debtPlan(threeDebts));
} catch (e) {
  showError(e);
}

// ---------------------------------------------------------------------------
// collectionLog
// ---------------------------------------------------------------------------

function showLog(log: CollectionLogOutput): void {
  out("contacts", log.contacts, "days", log.days, log.rulesVersion);
  const conduct = legalRules().conductRules;
  for (const f of log.flags) {
    const rule = conduct.find((r) => r.code === f.rule);
    out(f.rule, f.count, f.entries.join(","), f.dates.join(","), f.applies ? "binds this lender" : `binds only ${f.scope.join(", ")}`);
    out(f.severity, f.source.document, f.source.article, f.source.date, f.confidence, f.related.join(","), rule?.zhTW, rule?.fromTime, rule?.maxPerDay);
  }
  for (const d of log.byDay) out(d.date, d.contacts, d.unansweredCalls, d.lateContacts, d.flagged);
  for (const r of legalRules().complaintRoutes) if (r.scope.includes("microLoan")) out(r.kind, r.contact ?? "—", r.zh);
}

try {
  showLog(
    collectionLog({
      lender: "microLoan",
      consentToLateContact: false,
      contacts: [
        { at: "2026-03-01T22:30", channel: "call", answered: false, to: "me", from: "95xxx" },
        { at: "2026-03-01T10:00", channel: "sms", to: "unrelatedThirdParty", debtDisclosed: true, conduct: ["threat", "feeDemand"], note: "发给我妈" },
      ],
    }),
  );
} catch (e) {
  showError(e);
}
// @ts-expect-error not a conduct code
collectionLog({ lender: "bank", contacts: [{ at: "2026-03-01T10:00", channel: "call", to: "me", conduct: ["rude"] }] });
// @ts-expect-error `to` names me or a third party
collectionLog({ lender: "bank", contacts: [{ at: "2026-03-01T10:00", channel: "call", to: "boss" }] });

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

async function start(): Promise<void> {
  await init();
  // Or from bytes fetched elsewhere, synchronously:
  const bytes = await (await fetch(new URL("./pkg/repay_bg.wasm", import.meta.url))).arrayBuffer();
  initSync({ module: bytes });
  const v: string = version();
  out("Repay", v);
}
void start();
