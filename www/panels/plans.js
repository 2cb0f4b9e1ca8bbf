// The plans panel (做出还款计划 / 协商): mount(root, ctx) builds the form and
// the result and recomputes ~150 ms after each change by calling
// repaymentPlans. Typed amounts go to the engine as decimal strings.
//
// ctx.share: reads "loan" (the terms panel's loanTerms input) and "overdue"
// (the overdue panel's { input, value } of overdueCost, or its input alone).
// The overdue case is the plans' own input: while the person has not typed an
// amount owed here, repaymentPlans gets { overdue: <that input> } and works out
// what the lender claims and what the law supports (claimed, lawful, removed);
// the amount fields then show the claim, part by part. Publishes
// "plan" = { plan, input, balance, value } when a plan is chosen (the letter
// listens), and "owed" = { balance, planOn, rate, monthly } after each good
// result (what is owed now, the contract rate and the instalment plan's monthly
// payment; the debts panel adds it as a debt). The chosen plan and the amount the plans are built on (planOn) are
// part of the saved and shared state.

import { h } from "../dom.js";
import { onLangChange, t } from "../i18n.js";
import { field, unitOf, textInput, rateInput, intInput, options, val, moneyOf, form as formEl, panel, recompute, readInput, declaredState, fieldsOf } from "../form.js";
import { PLANS as STATE } from "./fields.js";
import { resultSection } from "../result.js";
import { skeleton, render } from "./plans-result.js";

const LENDERS = ["creditCard", "bank", "consumerFinance", "microLoan", "private", "other"];

export function mount(root, ctx) {
  const f = {};
  f.principal = field("planPrincipal", "plans.principal", textInput({ value: "" }), "plans.principalHint");
  f.interest = field("planInterest", "plans.interest", textInput());
  f.penalties = field("planPenalties", "plans.penalties", textInput(), "plans.penaltiesHint");
  f.fees = field("planFees", "plans.fees", textInput());
  const perSelect = h("select", { class: "unit", t: ["plans.ratePer", {}, "aria-label"] }, options("terms.per", ["year", "month", "day"]));
  f.rate = field("planRate", "plans.rate", rateInput(), "plans.rateHint", perSelect);
  f.ratePer = unitOf(f.rate, perSelect, "planRatePer");
  f.budget = field("planBudget", "plans.budget", textInput(), "plans.budgetHint");
  const lenderSelect = h("select", {}, options("plans.lender", LENDERS));
  f.lender = field("planLender", "plans.lender", lenderSelect);
  f.lumpSum = field("planLumpSum", "plans.lumpSum", textInput(), "plans.lumpSumHint");
  f.offer = field("planOffer", "plans.offer", textInput(), "plans.offerHint");
  f.months = field("planMonths", "plans.months", intInput(), "plans.monthsHint");
  f.deferral = field("planDeferral", "plans.deferral", intInput({ value: "3" }), "plans.deferralHint");
  const planOnSelect = h("select", { "data-testid": "plan-on" }, options("plans.planOn", ["lawful", "claimed"]));
  f.planOn = field("planOn", "plans.planOnLabel", planOnSelect, "plans.planOnHint");
  const caseNote = h("p", { class: "hint case-note", hidden: true, "data-testid": "plans-case-note", t: "plans.fromCase" });

  const prefillNote = h("p", { class: "hint prefill-note", hidden: true, t: "plans.prefilled" });
  const formError = h("p", { class: "form-error", role: "status" });
  const form = formEl(
    "terms-form plans-form",
    prefillNote,
    caseNote,
    h("fieldset", { class: "group" }, h("legend", { t: "plans.owed" }), f.principal.wrap, f.interest.wrap, f.penalties.wrap, f.fees.wrap),
    f.planOn.wrap,
    f.rate.wrap,
    f.budget.wrap,
    f.lender.wrap,
    h("details", { class: "more" }, h("summary", { t: "plans.more" }), f.lumpSum.wrap, f.offer.wrap, f.months.wrap, f.deferral.wrap),
    formError,
  );

  const res = skeleton();
  const result = resultSection("plans-result", "plans.result", res.el);
  panel(root, "plans.heading", "plans.lead", h("div", { class: "plans-layout" }, form, result));

  // Fields the person typed in are never overwritten by a prefill.
  const touched = new Set();
  form.addEventListener("input", (e) => touched.add(e.target));
  form.addEventListener("change", (e) => touched.add(e.target));
  const amountInputs = [f.principal.input, f.interest.input, f.penalties.input, f.fees.input];
  /** The overdue case, while the person has not typed an amount owed here. */
  function caseInput() {
    const shared = ctx.share?.get("overdue");
    const input = shared?.input ?? null;
    if (!(input?.overdue?.principal || input?.loan) || amountInputs.some((el) => touched.has(el))) return null;
    return input;
  }
  /** Shows the claim, part by part, in the amount fields (not as typed). */
  function showClaim(claimed) {
    for (const k of ["principal", "interest", "penalties", "fees"]) f[k].input.value = claimed[k];
  }

  function prefill(el, value) {
    if (value === undefined || value === null || value === "" || touched.has(el)) return false;
    if (el.value === String(value)) return false;
    el.value = String(value);
    return true;
  }

  function fromLoan(loan) {
    if (!loan) return;
    // The loan's contract principal is not what is owed (instalments may have been paid): only the rate is carried.
    let changed = false;
    if (loan.rate?.percent !== undefined && !touched.has(f.rate.input) && !touched.has(perSelect)) {
      changed = prefill(f.rate.input, loan.rate.percent) || changed;
      changed = prefill(perSelect, loan.rate.per) || changed;
    }
    if (changed) afterPrefill();
  }

  function fromOverdue(shared) {
    if (!shared) return;
    const input = shared.input ?? shared;
    const value = shared.value ?? shared.result ?? null;
    const od = input.overdue ?? {};
    // The case itself goes to the engine (read()); its claim fills the amounts.
    let changed = caseInput() !== null;
    if (!caseInput()) {
      changed = prefill(f.principal.input, od.principal);
      changed = prefill(f.interest.input, od.interest) || changed;
      changed = prefill(f.fees.input, od.fees) || changed;
      if (value?.totalCharges !== undefined) changed = prefill(f.penalties.input, value.totalCharges) || changed;
    }
    if (LENDERS.includes(input.lender)) changed = prefill(lenderSelect, input.lender) || changed;
    const rate = input.penalty?.contractRate;
    if (rate?.percent !== undefined && !touched.has(f.rate.input)) {
      changed = prefill(f.rate.input, rate.percent) || changed;
      changed = prefill(perSelect, rate.per) || changed;
    }
    if (changed) afterPrefill();
  }

  let prefilled = false;
  function afterPrefill() {
    prefilled = true;
    prefillNote.hidden = false;
    schedule();
  }

  /**
   * Reads the form into a repaymentPlans input: the fields panels/fields.js
   * PLANS sends as they are, and here those whose shape depends on others (the
   * amounts owed or the overdue case, the rate, the lender, planOn). `paths`
   * maps engine field paths to fields.
   */
  function read() {
    const od = caseInput();
    caseNote.hidden = !od;
    f.planOn.wrap.hidden = !od;
    const { input, paths } = readInput(STATE, f, {
      // The overdue case itself and the amount to plan on, while no amount is typed here; else the amounts typed and the lender.
      principal(input, paths) {
        Object.assign(paths, { balance: f.principal, "balance.principal": f.principal, "balance.interest": f.interest, "balance.penalties": f.penalties, "balance.fees": f.fees, lender: f.lender });
        if (od) {
          input.overdue = od;
          if (planOnSelect.value !== "lawful") input.planOn = planOnSelect.value;
          paths.overdue = f.principal;
          return;
        }
        input.balance = {};
        for (const k of ["principal", "interest", "penalties", "fees"]) if (val(f[k].input)) input.balance[k] = moneyOf(f[k].input);
        input.lender = lenderSelect.value;
      },
      rate(input, paths) {
        Object.assign(paths, { rate: f.rate, "rate.percent": f.rate, "rate.per": f.ratePer });
        if (val(f.rate.input)) input.rate = { percent: moneyOf(f.rate.input), per: perSelect.value };
      },
    });
    paths.maxMonths = f.months;
    return { input, paths };
  }

  let chosenKind = null;

  function choose(plan) {
    chosenKind = plan.kind;
    draw();
    ctx.share?.set("plan", { plan, input: loop.last.input, balance: loop.last.value.budget.balance, value: loop.last.value });
    // The letter panel of the same page or <repay-calculator> (a shadow root).
    const letter = root.getRootNode().querySelector('[data-panel="letter"]');
    const heading = letter?.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      heading.scrollIntoView({ block: "start" });
    }
  }

  function draw() {
    if (loop.last) render(res, loop.last.value, loop.last.input, { chosenKind, onChoose: choose });
  }

  const loop = recompute(form, formError, {
    read,
    incomplete(input) {
      if (input.overdue || input.balance.principal) return false;
      res.label.textContent = "";
      res.value.textContent = "";
      // Never an empty box (an embed of plans without the panels that prefill it): say what to enter.
      if (!loop.last) res.sentence.textContent = t("plans.prompt");
      return true;
    },
    call: (input) => ctx.engine.repaymentPlans(input),
    onResult(value, input) {
      if (input.overdue) showClaim(value.claimed);
      // What is owed now on the case (the plans' balance: lawful by default), for the debts panel.
      const inst = value.plans.find((p) => p.kind === "installment");
      ctx.share?.set("owed", { balance: value.budget.balance, planOn: value.planOn ?? null, rate: input.rate ?? null, monthly: inst?.monthlyPayment ?? null });
      if (chosenKind) {
        // Keep the letter in step with the new figures of the chosen plan.
        const plan = value.plans.find((p) => p.kind === chosenKind);
        if (plan) ctx.share?.set("plan", { plan, input, balance: value.budget.balance, value });
      }
      draw();
    },
  });
  const schedule = loop.schedule;

  onLangChange(() => {
    if (loop.last) draw();
    else loop.compute(); // the prompt, in the new language
    loop.refreshError();
  });

  // Saved / shared state (www/state.js). A restored value that differs from
  // what the other panels prefilled counts as typed, so it is kept.
  // Every declared field (panels/fields.js PLANS) but "chosen", the plan picked, which is no control.
  const fields = declaredState(fieldsOf(STATE).filter((k) => k !== "chosen"), {
    principal: f.principal.input, interest: f.interest.input, penalties: f.penalties.input, fees: f.fees.input, rate: f.rate.input,
    ratePer: perSelect, budget: f.budget.input, lender: lenderSelect, lumpSum: f.lumpSum.input, offer: f.offer.input,
    months: f.months.input, deferral: f.deferral.input, planOn: planOnSelect,
  });
  ctx.state?.register("plans", {
    get() {
      const s = fields.get();
      // Amounts shown from the case are the case's, not typed here: left out.
      if (caseInput()) for (const k of ["principal", "interest", "penalties", "fees"]) delete s[k];
      if (chosenKind) s.chosen = chosenKind;
      return s;
    },
    set(s) {
      fields.set(s, (el) => touched.add(el));
      chosenKind = typeof s.chosen === "string" ? s.chosen : null;
      loop.compute();
      // A restored choice writes the letter again from the recomputed plan.
      const plan = chosenKind && loop.last?.value.plans.find((p) => p.kind === chosenKind);
      if (plan) ctx.share?.set("plan", { plan, input: loop.last.input, balance: loop.last.value.budget.balance, value: loop.last.value });
    },
  });

  // The loan and the case in the order they were published (state.js createShare follow): the
  // newest rate wins whether this panel mounted before or after the person typed them.
  ctx.share?.follow({ loan: fromLoan, overdue: fromOverdue });
  if (!prefilled) loop.compute();
  return { recompute: loop.compute };
}
