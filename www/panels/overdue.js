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
// An invalid field shows its translated message beside it (aria-invalid,
// aria-describedby); every other input and the last good result stay.

import { h } from "../dom.js";
import { bind, onLangChange } from "../i18n.js";
import { field, checkField, unitOf, textInput, rateInput, intInput, options, val, moneyOf as num, form as formEl, panel, recompute, readInput, declaredState, fieldsOf } from "../form.js";
import { OVERDUE as STATE } from "./fields.js";
import { resultSection } from "../result.js";
import { skeleton, render } from "./overdue-result.js";

const LENDERS = ["microLoan", "consumerFinance", "creditCard", "bank", "private", "other"];

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
  f.principal = odField("principal", "od.principal", "odPrincipal", textInput({ value: "10000" }), "od.principalHint");
  f.interest = odField("interest", "od.interest", "odInterest", textInput(), "od.interestHint");
  f.fees = odField("fees", "od.fees", "odFees", textInput(), "od.feesHint");
  const modeSelect = h("select", {}, options("od.periodMode", ["days", "dates"]));
  f.periodMode = odField("periodMode", "od.periodMode", "odDays", modeSelect);
  f.days = odField("days", "od.days", "odDays", intInput({ value: "30" }), "od.daysHint");
  f.from = odField("from", "od.from", "odFrom", h("input", { type: "date" }));
  f.to = odField("to", "od.to", "odTo", h("input", { type: "date" }), "od.toHint");
  const lenderSelect = h("select", {}, options("od.lender", LENDERS));
  f.lender = odField("lender", "od.lender", "odLender", lenderSelect, "od.lenderHint");
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
  const feeUnit = h("select", { class: "unit", t: ["od.lateFeeUnit", {}, "aria-label"] }, options("od.lateFeeUnit", ["amount", "percent"]));
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
  const moreBox = h("details", { class: "more" }, h("summary", { t: "od.more" }), f.fees.wrap, f.chargeOnFees.wrap, f.dayBasis.wrap, f.filingDate.wrap, f.upfront.wrap);

  const form = formEl(
    "terms-form od-form",
    h("div", { class: "od-start" }, fromLoan, prefillNote),
    f.principal.wrap,
    f.interest.wrap,
    f.periodMode.wrap,
    f.days.wrap,
    f.from.wrap,
    f.to.wrap,
    f.lender.wrap,
    f.penaltyMode.wrap,
    f.penaltyRate.wrap,
    f.contractRate.wrap,
    f.markup.wrap,
    f.compound.wrap,
    f.contractDate.wrap,
    lateFeeBox,
    moreBox,
    f.payment.wrap,
    formError,
  );

  const res = skeleton();
  form.append(res.mini);
  const result = resultSection("od-result", "odr.heading", res.el);
  panel(root, "od.heading", "od.lead", h("div", { class: "terms-layout" }, form, result));

  function syncModes() {
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
  penaltyMode.addEventListener("change", syncModes);
  syncModes();

  // Prefill from the loan panel until the person types their own amount or rate.
  const touched = new Set();
  form.addEventListener("input", (e) => touched.add(e.target));
  let loanFigures = null;
  function applyLoan(loan, force = false) {
    if (!loan) return;
    fromLoan.hidden = false;
    let changed = false;
    // What was deducted up front, as the engine counts it for this loan.
    const terms = engine.loanTerms(loan);
    loanFigures = terms.ok ? { principal: loan.principal, received: terms.value.received, upfrontDeduction: terms.value.upfrontDeduction } : null;
    const deducted = loanFigures && /[1-9]/.test(loanFigures.upfrontDeduction) ? loanFigures.upfrontDeduction : "";
    if ((force || !touched.has(f.upfront.input)) && f.upfront.input.value !== deducted) {
      f.upfront.input.value = deducted;
      changed = true;
    }
    if (loan.principal !== undefined && (force || !touched.has(f.principal.input))) {
      f.principal.input.value = loan.principal;
      changed = true;
    }
    if (loan.rate?.percent !== undefined && (force || !touched.has(f.contractRate.input))) {
      f.contractRate.input.value = loan.rate.percent;
      contractPer.value = loan.rate.per ?? "year";
      changed = true;
    }
    if (force) {
      penaltyMode.value = "markup";
      syncModes();
      touched.delete(f.principal.input);
      touched.delete(f.contractRate.input);
      bind(prefillNote, "od.fromLoanDone");
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
            if (val(f.from.input)) input.from = val(f.from.input);
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
          Object.assign(paths, { lateFee: f.lateFee, "lateFee.amount": f.lateFee, "lateFee.percentOfOverdue": f.lateFee, "lateFee.per": f.lateFeePer });
          if (val(f.lateFee.input)) input.lateFee = { [feeUnit.value === "percent" ? "percentOfOverdue" : "amount"]: num(f.lateFee.input), per: feePer.value };
        },
      },
      { overdue: {} }, // sent even with no amount: the engine then names overdue.principal
    );
  }

  function publish(input, value) {
    const pen = input.penalty;
    const loan = ctx.share?.get("loan");
    const rate = pen.contractRate ?? (loan && !touched.has(f.principal.input) ? loan.rate : null) ?? null;
    ctx.share?.set("overdue", {
      input,
      value,
      balance: { principal: input.overdue.principal, interest: input.overdue.interest ?? "0", penalties: value.totalCharges, fees: input.overdue.fees ?? "0" },
      rate,
      lender: input.lender,
      loan: loanFigures && input.upfrontDeduction === loanFigures.upfrontDeduction ? loanFigures : null,
    });
  }

  const loop = recompute(form, formError, {
    read,
    call: (input) => engine.overdueCost(input),
    onResult(value, input) {
      render(res, value, input, rules);
      publish(input, value);
    },
  });
  const schedule = loop.schedule;

  onLangChange(() => {
    if (loop.last) render(res, loop.last.value, loop.last.input, rules);
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
  });
  ctx.state?.register("overdue", {
    get: fields.get,
    set(s) {
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
