// The overdue panel (算清逾期费用 + 知道哪些受法律保护): mount(root, ctx) builds
// the form and the result and recomputes ~150 ms after each change. The
// engine does all maths; values typed by the person go to it as decimal strings.
//
// ctx.share: reads "loan" (the terms panel's loanTerms input) to prefill the
// overdue principal and the contract rate until the person types their own;
// publishes "overdue" as { input, value, balance: { principal, interest,
// penalties, fees }, rate, lender } after each good result, where penalties is
// the engine's totalCharges (penalty + compound + interest on fees + late fees)
// and rate is the contract rate ({ percent, per }) when known. The loan's
// up-front deduction (loanTerms' upfrontDeduction: contract principal −
// received) fills the up-front-deduction field until the person types there;
// the share then also carries loan = { principal, received, upfrontDeduction }
// (engine strings) for the letter.
//
// Two ways in (a visible switch): from the loan above ("basis" = "loan": the
// loan's own terms, how many instalments were paid, and the date the figures
// are for, today unless changed; the engine derives the missed instalments),
// or the overdue amounts typed by hand ("manual", for people without the
// loan's details). Nothing is computed or shared from a value the person has
// not seen: no amount is prefilled with an example, the loan used is restated
// in the panel, and the date is a visible field.
// The lender of record (放款机构, not the app's brand) is asked with "where
// to find it" help; "unknown" and "unlicensed" are page answers: "unknown"
// shows what applies in each case, "unlicensed" says the contract is void.
//
// An invalid field shows its translated message beside it (aria-invalid,
// aria-describedby); every other input and the last good result stay.

import { h } from "../dom.js";
import { bind, onLangChange, t } from "../i18n.js";
import * as fmt from "../format.js";
import { field, checkField, unitOf, textInput, rateInput, intInput, options, val, moneyOf as num, form as formEl, panel, recompute, readInput, declaredState, fieldsOf } from "../form.js";
import { OVERDUE as STATE } from "./fields.js";
import { resultSection } from "../result.js";
import { skeleton, render } from "./overdue-result.js";

/** The lender of record, as asked (page order). */
export const LENDERS = ["bank", "creditCard", "consumerFinance", "microLoan", "private", "unlicensed", "unknown"];
/**
 * The lender type the engine prices with, for an answer it has no line of its own for: an
 * unlicensed lender's contract is void (priced as private lending, and said so), and "unknown"
 * is priced as "other" while the panel shows what applies in each case.
 */
export function engineLender(lender, accepts = ENGINE_LENDERS) {
  if (accepts.includes(lender)) return lender;
  return lender === "unlicensed" ? "private" : "other";
}
const ENGINE_LENDERS = ["bank", "creditCard", "consumerFinance", "microLoan", "private", "other", "unlicensed", "unknown"];

/** The calendar day before an ISO date ("2026-10-24" → "2026-10-23"); the date itself when it is not one. */
export function dayBefore(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) return iso;
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Today on the page's clock, as "YYYY-MM-DD" (the page may read the clock; the engine never does). */
export function todayIso(now = new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A field of this panel: "od-" before its class and ids, and its own key in error messages. */
const odField = (name, labelKey, fieldKey, control, hintKey = null, extra = null) =>
  field(name, labelKey, control, hintKey, extra, { fieldKey, prefix: "od-" });
const odCheck = (name, labelKey, fieldKey, hintKey = null) => checkField(name, labelKey, hintKey, { fieldKey, prefix: "od-" });
const perSelect = (labelKey) => h("select", { class: "unit", t: [labelKey, {}, "aria-label"] }, options("od.per", ["day", "month", "year"]));

export function mount(root, ctx) {
  const engine = ctx.engine;
  const rulesResult = engine.legalRules();
  const rules = rulesResult.ok ? rulesResult.value : null;
  const f = {};
  const basisSelect = h("select", { "data-testid": "od-basis" }, options("od.basis", ["loan", "manual"]));
  f.basis = odField("basis", "od.basisLabel", "odBasis", basisSelect, "od.basisHint");
  f.paid = odField("paid", "od.paid", "odPaid", intInput(), "od.paidHint");
  f.loanStart = odField("loanStart", "od.loanStart", "odLoanStart", h("input", { type: "date" }), "od.loanStartHint");
  f.asOf = odField("asOf", "od.asOf", "odAsOf", h("input", { type: "date", value: todayIso() }), "od.asOfHint");
  f.accelerated = odField("accelerated", "od.accelerated", "odAccelerated", h("input", { type: "date" }), "od.acceleratedHint");
  f.collectionFee = odField("collectionFee", "od.collectionFee", "odCollectionFee", textInput(), "od.collectionFeeHint");
  const loanUsed = h("p", { class: "hint od-loan-used", "data-testid": "od-loan-used", role: "status" });
  f.principal = odField("principal", "od.principal", "odPrincipal", textInput({ placeholder: "10000" }), "od.principalHint");
  f.interest = odField("interest", "od.interest", "odInterest", textInput(), "od.interestHint");
  f.fees = odField("fees", "od.fees", "odFees", textInput(), "od.feesHint");
  const modeSelect = h("select", {}, options("od.periodMode", ["days", "dates"]));
  f.periodMode = odField("periodMode", "od.periodMode", "odDays", modeSelect);
  f.days = odField("days", "od.days", "odDays", intInput({ placeholder: "30" }), "od.daysHint");
  f.from = odField("from", "od.from", "odFrom", h("input", { type: "date" }));
  f.to = odField("to", "od.to", "odTo", h("input", { type: "date" }), "od.toHint");
  const lenderSelect = h("select", {}, options("od.lender", LENDERS));
  lenderSelect.value = "unknown";
  f.lender = odField("lender", "od.lender", "odLender", lenderSelect, "od.lenderHint");
  const lenderHelp = h("details", { class: "more od-lender-help" }, h("summary", { t: "od.lenderWhere" }), h("p", { class: "hint", t: "od.lenderWhereBody" }));
  const lenderNote = h("div", { class: "od-lender-note", "data-testid": "od-lender-note" });
  const penaltyMode = h("select", {}, options("od.penaltyMode", ["markup", "rate"]));
  f.penaltyMode = odField("penaltyMode", "od.penaltyMode", "odPenalty", penaltyMode);
  const penaltyPer = perSelect("od.penaltyRatePer");
  f.penaltyRate = odField("penaltyRate", "od.penaltyRate", "odPenaltyRate", rateInput(), "od.penaltyRateHint", penaltyPer);
  f.penaltyPer = unitOf(f.penaltyRate, penaltyPer, "odRatePer");
  const contractPer = perSelect("od.contractRatePer");
  contractPer.value = "year";
  f.contractRate = odField("contractRate", "od.contractRate", "odContractRate", rateInput({ value: "12" }), "od.contractRateHint", contractPer);
  f.contractPer = unitOf(f.contractRate, contractPer, "odRatePer");
  f.markup = odField("markup", "od.markup", "odMarkup", textInput({ value: "50" }), "od.markupHint");
  f.compound = odCheck("compound", "od.compound", "odCompound", "od.compoundHint");
  const feeUnit = h("select", { class: "unit", t: ["od.lateFeeUnit", {}, "aria-label"] }, options("od.lateFeeUnit", ["amount", "percent", "remaining"]));
  f.lateFee = odField("lateFee", "od.lateFeeAmount", "odLateFee", textInput(), null, feeUnit);
  const feePer = h("select", {}, options("od.lateFeePer", ["once", "month"]));
  f.lateFeePer = odField("lateFeePer", "od.lateFeePer", "odLateFeePer", feePer);
  f.contractDate = odField("contractDate", "od.contractDate", "odContractDate", h("input", { type: "date" }), "od.contractDateHint");
  f.chargeOnFees = odCheck("chargeOnFees", "od.chargeOnFees", "odFees");
  const daySelect = h("select", {}, options("od.dayBasis", ["360", "365"]));
  f.dayBasis = odField("dayBasis", "od.dayBasis", "odDayBasis", daySelect, "od.dayBasisHint");
  f.filingDate = odField("filingDate", "od.filingDate", "odFilingDate", h("input", { type: "date" }), "od.filingDateHint");
  f.upfront = odField("upfront", "od.upfront", "odUpfront", textInput(), "od.upfrontHint");
  f.payment = odField("payment", "od.payment", "odPayment", textInput(), "od.paymentHint");

  const fromLoan = h("button", { type: "button", class: "add od-from-loan", t: "od.fromLoan", hidden: true });
  const prefillNote = h("p", { class: "hint od-prefill-note", role: "status" });
  const formError = h("p", { class: "form-error", role: "status" });
  const lateFeeBox = h("details", { class: "more" }, h("summary", { t: "od.lateFee" }), h("p", { class: "hint", t: "od.lateFeeHint" }), f.lateFee.wrap, f.lateFeePer.wrap);
  const moreBox = h("details", { class: "more" }, h("summary", { t: "od.more" }), f.accelerated.wrap, f.fees.wrap, f.chargeOnFees.wrap, f.dayBasis.wrap, f.filingDate.wrap, f.upfront.wrap);
  const loanBox = h("div", { class: "od-loan-box" }, loanUsed, f.loanStart.wrap, f.paid.wrap, f.asOf.wrap);
  const manualBox = h("div", { class: "od-manual-box" }, h("div", { class: "od-start" }, fromLoan, prefillNote), f.principal.wrap, f.interest.wrap, f.periodMode.wrap, f.days.wrap, f.from.wrap, f.to.wrap);

  const form = formEl(
    "terms-form od-form",
    f.basis.wrap,
    loanBox,
    manualBox,
    f.lender.wrap,
    lenderHelp,
    lenderNote,
    f.penaltyMode.wrap,
    f.penaltyRate.wrap,
    f.contractRate.wrap,
    f.markup.wrap,
    f.compound.wrap,
    f.contractDate.wrap,
    lateFeeBox,
    f.collectionFee.wrap,
    moreBox,
    f.payment.wrap,
    formError,
  );

  const res = skeleton();
  form.append(res.mini);
  const result = resultSection("od-result", "odr.heading", res.el);
  panel(root, "od.heading", "od.lead", h("div", { class: "terms-layout" }, form, result));

  const fromTheLoan = () => basisSelect.value === "loan";
  function syncModes() {
    // A folded section that holds a value the case uses is open: nothing computed is out of sight.
    if (val(f.lateFee.input)) lateFeeBox.open = true;
    if ([f.accelerated, f.fees, f.filingDate, f.upfront].some((x) => val(x.input)) || f.chargeOnFees.input.checked) moreBox.open = true;
    loanBox.hidden = !fromTheLoan();
    manualBox.hidden = fromTheLoan();
    // 违约金 "% of the remaining principal" needs the loan.
    feeUnit.querySelector('option[value="remaining"]').hidden = !fromTheLoan();
    if (!fromTheLoan() && feeUnit.value === "remaining") feeUnit.value = "percent";
    drawLenderNote();
    const dates = modeSelect.value === "dates";
    f.days.wrap.hidden = dates;
    f.from.wrap.hidden = !dates;
    f.to.wrap.hidden = !dates;
    const markup = penaltyMode.value === "markup";
    f.penaltyRate.wrap.hidden = markup;
    f.contractRate.wrap.hidden = !markup;
    f.markup.wrap.hidden = !markup;
  }
  modeSelect.addEventListener("change", syncModes);
  basisSelect.addEventListener("change", syncModes);
  lenderSelect.addEventListener("change", drawLenderNote);
  /** The rule pack's figures the lender notes name: the 24 % line, the LPR multiple, the NFRA line. */
  function lineParams() {
    const rule = (id) => rules?.rules?.find((r) => r.id === id);
    const route = rules?.complaintRoutes?.find((r) => r.id === "nfra12378");
    return {
      line: rule("cnFinancial24")?.capPercent ? fmt.percent(rule("cnFinancial24").capPercent, 0) : "",
      multiple: rule("cnPrivate4xLpr")?.lprMultiple ?? "",
      nfra: route?.contact ?? "",
    };
  }
  /** What the lender-of-record answer means: "unknown" lists each case, "unlicensed" says the contract is void. */
  function drawLenderNote() {
    const l = lenderSelect.value;
    lenderNote.replaceChildren();
    if (l === "unknown") {
      lenderNote.append(
        h("p", { class: "hint", t: "od.lenderUnknown" }),
        h("ul", { class: "od-lender-cases" }, ["licensed", "private", "unlicensed"].map((k) => bind(h("li", { "data-case": k }), `od.lenderCase.${k}`, lineParams()))),
      );
    } else if (l === "unlicensed") {
      lenderNote.append(h("p", { class: "warning above-line", "data-testid": "od-unlicensed", t: "od.lenderUnlicensed" }));
    }
  }
  penaltyMode.addEventListener("change", syncModes);
  syncModes();

  // Prefill from the loan panel until the person types their own amount or rate.
  const touched = new Set();
  form.addEventListener("input", (e) => touched.add(e.target));
  let loanFigures = null;
  let carried = false;
  let loanShown = null;
  /** The loan the panel starts from, restated where it is used (nothing computed from an unseen value). */
  function showLoanUsed(loan) {
    loanShown = loan ?? null;
    if (!loan) {
      loanUsed.textContent = t("od.loanMissing");
      return;
    }
    const terms = engine.loanTerms(loan);
    const v = terms.ok ? terms.value : null;
    loanUsed.textContent = t("od.loanUsed", {
      principal: fmt.money(loan.principal ?? "0"),
      received: v ? fmt.money(v.received) : fmt.money(loan.received ?? loan.principal ?? "0"),
      rate: loan.rate?.percent !== undefined ? `${loan.rate.percent}%` : "",
      per: loan.rate?.per ? t(`od.per.${loan.rate.per}`) : "",
      periods: loan.periods ?? "",
      method: loan.method ? t(`terms.method.${loan.method}`) : "",
      payment: v?.schedule?.[0] ? fmt.money(v.schedule[0].payment) : "",
    });
    const fees = v?.schedule?.[0]?.fees;
    if (fees && fmt.cents(fees) > 0n) loanUsed.textContent += t("od.loanUsedFees", { fees: fmt.money(fees) });
  }
  function applyLoan(loan, force = false) {
    showLoanUsed(loan);
    if (!loan) return;
    if (loan.startDate && (force || !touched.has(f.loanStart.input)) && f.loanStart.input.value !== loan.startDate) {
      f.loanStart.input.value = loan.startDate;
      schedule();
    }
    if (fromTheLoan()) schedule();
    fromLoan.hidden = false;
    let changed = false;
    // What was deducted up front, as the engine counts it for this loan.
    const terms = engine.loanTerms(loan);
    loanFigures = terms.ok ? { principal: loan.principal, received: terms.value.received, upfrontDeduction: terms.value.upfrontDeduction } : null;
    const deducted = loanFigures && /[1-9]/.test(loanFigures.upfrontDeduction) ? loanFigures.upfrontDeduction : "";
    // The amounts typed by hand are carried from the loan only when asked (the button), and
    // then shown: the deduction's section opens and the note names both figures.
    // After the button, the carried figures follow the loan until the person types their own.
    if (force) carried = true;
    if ((force || (carried && !touched.has(f.upfront.input))) && f.upfront.input.value !== deducted) {
      f.upfront.input.value = deducted;
      changed = true;
    }
    if (loan.principal !== undefined && (force || (carried && !touched.has(f.principal.input))) && f.principal.input.value !== String(loan.principal)) {
      f.principal.input.value = loan.principal;
      changed = true;
    }
    if (loan.rate?.percent !== undefined && (force || !touched.has(f.contractRate.input))) {
      f.contractRate.input.value = loan.rate.percent;
      contractPer.value = loan.rate.per ?? "year";
      changed = true;
    }
    if (carried && !force && changed) {
      if (deducted) moreBox.open = true;
      bind(prefillNote, deducted ? "od.fromLoanDoneDeducted" : "od.fromLoanDone", { principal: fmt.money(loan.principal), deducted: deducted ? fmt.money(deducted) : "" });
    }
    if (force) {
      penaltyMode.value = "markup";
      syncModes();
      touched.delete(f.principal.input);
      touched.delete(f.contractRate.input);
      if (deducted) moreBox.open = true;
      bind(prefillNote, deducted ? "od.fromLoanDoneDeducted" : "od.fromLoanDone", { principal: fmt.money(loan.principal), deducted: deducted ? fmt.money(deducted) : "" });
    }
    if (changed) schedule();
  }
  fromLoan.addEventListener("click", () => applyLoan(ctx.share?.get("loan"), true));

  /**
   * Reads the form into an overdueCost input: the fields panels/fields.js
   * OVERDUE sends as they are, and here those whose shape depends on others
   * (the period, the penalty, the late fee). `paths` maps engine field paths to fields.
   */
  function read() {
    return readInput(
      STATE,
      f,
      {
        periodMode(input, paths) {
          Object.assign(paths, { days: f.days, from: f.from, to: f.to });
          if (modeSelect.value === "dates") {
            // Counted as lenders count: the first overdue day and the end date both included, so the
            // engine's period starts on the day before the first overdue day (the due date).
            if (val(f.from.input)) input.from = dayBefore(val(f.from.input));
            if (val(f.to.input)) input.to = val(f.to.input);
            if (!input.from && !input.to) paths.days = f.from;
          } else if (val(f.days.input)) {
            input.days = num(f.days.input);
          }
        },
        penaltyMode(input, paths) {
          if (penaltyMode.value === "markup") {
            input.penalty = { contractRate: { per: contractPer.value }, markupPercent: num(f.markup.input) };
            if (val(f.contractRate.input)) input.penalty.contractRate.percent = num(f.contractRate.input);
            if (!val(f.markup.input)) delete input.penalty.markupPercent;
            Object.assign(paths, { penalty: f.contractRate, "penalty.contractRate": f.contractRate, "penalty.contractRate.percent": f.contractRate, "penalty.contractRate.per": f.contractPer, "penalty.markupPercent": f.markup, "penalty.rate": f.contractRate });
          } else {
            input.penalty = { rate: { per: penaltyPer.value } };
            if (val(f.penaltyRate.input)) input.penalty.rate.percent = num(f.penaltyRate.input);
            Object.assign(paths, { penalty: f.penaltyRate, "penalty.rate": f.penaltyRate, "penalty.rate.percent": f.penaltyRate, "penalty.rate.per": f.penaltyPer, "penalty.markupPercent": f.penaltyRate });
          }
        },
        lateFee(input, paths) {
          Object.assign(paths, { lateFee: f.lateFee, "lateFee.amount": f.lateFee, "lateFee.percentOfOverdue": f.lateFee, "lateFee.percentOfRemainingPrincipal": f.lateFee, "lateFee.per": f.lateFeePer });
          const key = { amount: "amount", percent: "percentOfOverdue", remaining: "percentOfRemainingPrincipal" }[feeUnit.value] ?? "amount";
          if (val(f.lateFee.input)) input.lateFee = { [key]: num(f.lateFee.input), per: feePer.value };
        },
        basis(input, paths) {
          if (!fromTheLoan()) return;
          Object.assign(paths, { loan: f.paid, "loan.startDate": f.loanStart, paid: f.paid, asOf: f.asOf, accelerated: f.accelerated, collectionFee: f.collectionFee });
          const loan = ctx.share?.get("loan");
          if (loan) {
            input.loan = { ...loan };
            if (val(f.loanStart.input)) input.loan.startDate = val(f.loanStart.input);
            else delete input.loan.startDate;
            if (loan.rate?.percent === undefined) delete input.loan.rate;
          }
          if (val(f.paid.input)) input.paid = num(f.paid.input);
          if (val(f.asOf.input)) input.asOf = val(f.asOf.input);
          if (val(f.accelerated.input)) input.accelerated = val(f.accelerated.input);
          if (val(f.collectionFee.input)) input.collectionFee = num(f.collectionFee.input);
        },
      },
      {},
    );
  }

  /** The input as sent: from the loan, the amounts typed by hand are not part of the case (and vice versa). */
  function readCase() {
    const r = read();
    const input = r.input;
    input.lender = engineLender(input.lender);
    if (fromTheLoan()) {
      for (const k of ["overdue", "days", "from", "to", "upfrontDeduction", "payment"]) delete input[k];
      // The loan's own date is the contract date unless one is typed.
      if (!input.contractDate && input.loan?.startDate && input.lender === "private") input.contractDate = input.loan.startDate;
    } else {
      input.overdue ??= {}; // sent even with no amount: the engine then names overdue.principal
      for (const k of ["loan", "paid", "asOf", "accelerated"]) delete input[k];
    }
    return r;
  }

  /** Nothing to compute yet: no loan or no count of paid instalments, or no amount typed. Says what to enter. */
  function incomplete(input) {
    const noPeriod = modeSelect.value === "dates" ? !val(f.from.input) && !val(f.to.input) : !val(f.days.input);
    const missing = fromTheLoan()
      ? !input.loan ? "od.promptLoan" : input.paid === undefined ? "od.promptPaid" : null
      : !input.overdue?.principal && noPeriod ? "od.promptManual" : null;
    if (!missing) return false;
    res.label.textContent = "";
    res.value.textContent = "";
    res.sub.textContent = t(missing);
    // No case yet; the lender of record as answered still goes to the rights and calls panels.
    ctx.share?.set("overdue", { input: null, value: null, lender: lenderSelect.value });
    return true;
  }

  function publish(input, value) {
    const pen = input.penalty;
    const loan = ctx.share?.get("loan");
    const rate = pen.contractRate ?? (loan && !touched.has(f.principal.input) ? loan.rate : null) ?? null;
    ctx.share?.set("overdue", {
      input,
      value,
      balance: input.overdue
        ? { principal: input.overdue.principal, interest: input.overdue.interest ?? "0", penalties: value.totalCharges, fees: input.overdue.fees ?? "0" }
        : null,
      rate: input.loan ? input.loan.rate ?? null : rate,
      // The lender of record as answered ("unknown", "unlicensed" included); input.lender is what the engine prices with.
      lender: lenderSelect.value,
      loan: loanFigures && (input.loan || input.upfrontDeduction === loanFigures.upfrontDeduction) ? loanFigures : null,
    });
  }

  const loop = recompute(form, formError, {
    read: readCase,
    incomplete,
    call: (input) => engine.overdueCost(input),
    onResult(value, input) {
      render(res, value, input, rules, lenderSelect.value);
      publish(input, value);
    },
  });
  const schedule = loop.schedule;

  onLangChange(() => {
    if (loop.last) render(res, loop.last.value, loop.last.input, rules, lenderSelect.value);
    showLoanUsed(loanShown);
    loop.refreshError();
  });

  // Saved / shared state (www/state.js; fields declared in panels/fields.js OVERDUE). A restored value that differs from
  // the loan's prefill counts as typed, so later loan changes leave it alone.
  const fields = declaredState(fieldsOf(STATE), {
    principal: f.principal.input, interest: f.interest.input, fees: f.fees.input, periodMode: modeSelect, days: f.days.input,
    from: f.from.input, to: f.to.input, lender: lenderSelect, penaltyMode, penaltyRate: f.penaltyRate.input, penaltyPer,
    contractRate: f.contractRate.input, contractPer, markup: f.markup.input, compound: f.compound.input, lateFee: f.lateFee.input,
    lateFeeUnit: feeUnit, lateFeePer: feePer, contractDate: f.contractDate.input, chargeOnFees: f.chargeOnFees.input,
    dayBasis: daySelect, filingDate: f.filingDate.input, upfront: f.upfront.input, payment: f.payment.input,
    basis: basisSelect, loanStart: f.loanStart.input, paid: f.paid.input, asOf: f.asOf.input, accelerated: f.accelerated.input,
    collectionFee: f.collectionFee.input,
  });
  ctx.state?.register("overdue", {
    get: fields.get,
    set(s) {
      // A link or saved case from before the switch holds amounts typed by hand: it opens on them.
      if (s && s.basis === undefined && (s.principal !== undefined || s.days !== undefined || s.from !== undefined)) s = { ...s, basis: "manual" };
      fields.set(s, (el) => touched.add(el));
      syncModes();
      loop.compute();
    },
  });

  applyLoan(ctx.share?.get("loan"));
  ctx.share?.on("loan", (loan) => applyLoan(loan));
  loop.compute();
  return { recompute: loop.compute };
}
