// The result of the plans panel: the answer first (which plans fit the budget,
// or the least a month that would), then the comparison table with each
// plan's basis and standing (never a right unless the contract says so), a
// chart of what each plan has paid by each month, and a "choose" button per
// plan. Pure rendering from repaymentPlans' output (strings); money is only
// compared and summed as exact integer cents for ordering and drawing.

import { h, clear } from "../dom.js";
import { t, lang, has } from "../i18n.js";
import * as fmt from "../format.js";
import { lineChart, cumulative } from "./plans-chart.js";
import { resultBody, figure } from "../result.js";
import { csvButton } from "../export.js";
import { articleText } from "./overdue-source.js";
import { legalParams } from "../legal-text.js";

const BANKS = new Set(["bank", "creditCard"]);
/** Plan bases whose own note says these lender types rarely agree (the rule pack's planBases notes). */
const RARELY = { stopInterestPractice: new Set(["microLoan"]) };

/** The plan's kind in plain words. */
export function kindLabel(plan) {
  return t(`plans.kind.${plan.kind}`, { n: plan.holidayMonths ?? "" });
}

/** "合同约定 / 银行可以同意（不是权利）/ 常见做法，因机构而异". */
export function standingLabel(plan, lender) {
  const s = plan.basis.standing;
  if (s === "lenderDiscretion") return t(`plans.standing.lenderDiscretion.${BANKS.has(lender) ? "bank" : "other"}`);
  return t(`plans.standing.${s}`);
}

export function skeleton() {
  return resultBody(
    { valueTestid: "plans-answer", loadingKey: "plans.loading" },
    {
      sentence: h("p", { class: "why", "data-testid": "plans-sentence" }),
      position: h("div", { class: "plans-position", "data-testid": "plans-position", hidden: true }),
      table: h("div", { class: "plans-table" }),
      notes: h("ul", { class: "plans-notes" }),
      chart: h("div", { class: "charts" }),
    },
  );
}

const lowest = (plans, key) =>
  plans.reduce((a, b) => (a === null || fmt.cents(b[key]) < fmt.cents(a[key]) ? b : a), null);
const highest = (plans, key) =>
  plans.reduce((a, b) => (a === null || fmt.cents(b[key]) > fmt.cents(a[key]) ? b : a), null);

/** Fills the skeleton; onChoose(plan) is called when a plan is chosen. */
export function render(p, v, input, { chosenKind = null, onChoose }) {
  const budget = v.budget;
  const plans = v.plans;
  const monthly = plans.filter((x) => x.kind !== "lumpSum");
  const fitting = monthly.filter((x) => x.fitsBudget === true);
  const sentences = [];

  if (budget.monthlyBudget === null) {
    p.label.textContent = t("plans.noBudgetLabel");
    p.value.textContent = "";
    p.sub.textContent = "";
    sentences.push(t("plans.noBudget"));
  } else if (fitting.length) {
    const lender = input.lender ?? input.overdue?.lender;
    // The headline is a plan this lender type is known to offer; one its own basis says it rarely
    // agrees to heads the answer only when nothing else fits.
    const offered = fitting.filter((x) => !RARELY[x.basis.code]?.has(lender));
    const best = lowest(offered.length ? offered : fitting, "totalPaid");
    p.label.textContent = t("plans.bestLabel");
    p.value.textContent = fmt.money(best.monthlyPayment);
    const bestSub = t("plans.bestSub", { kind: kindLabel(best), months: best.months, total: fmt.money(best.totalPaid) });
    // The plan's own basis says this lender type rarely agrees: the headline says so too.
    p.sub.textContent = RARELY[best.basis.code]?.has(lender) ? t("plans.bestSubRarely", { sub: bestSub }) : bestSub;
    sentences.push(t("plans.fitSentence", { budget: fmt.money(budget.monthlyBudget), kinds: fmt.list(fitting.map(kindLabel)) }));
    // The months the budget needs, with the monthly payment of the instalment plan over those
    // months as the table shows it (the budget itself is only the ceiling).
    const inst = plans.find((x) => x.kind === "installment");
    if (budget.feasible && budget.monthsNeeded && inst && inst.months === budget.monthsNeeded) {
      sentences.push(t("plans.budgetMonths", { budget: fmt.money(budget.monthlyBudget), months: budget.monthsNeeded, monthly: fmt.money(inst.monthlyPayment) }));
    }
  } else {
    p.label.textContent = t("plans.noneLabel");
    p.value.textContent = t("plans.noneValue", { amount: fmt.money(budget.minimumMonthly) });
    p.sub.textContent = "";
    if (budget.reason === "belowInterest") {
      sentences.push(t("plans.noneBelowInterest", { budget: fmt.money(budget.monthlyBudget), interest: fmt.money(budget.firstMonthInterest) }));
    }
    sentences.push(t("plans.noneSentence", { budget: fmt.money(budget.monthlyBudget), amount: fmt.money(budget.minimumMonthly), max: budget.maxMonths }));
    const cheapest = lowest(monthly.filter((x) => x.kind !== "asIs"), "monthlyPayment");
    if (cheapest && fmt.cents(cheapest.monthlyPayment) < fmt.cents(budget.minimumMonthly)) {
      sentences.push(t("plans.cheapest", { kind: kindLabel(cheapest), amount: fmt.money(cheapest.monthlyPayment) }));
    }
    const lump = plans.find((x) => x.kind === "lumpSum" && x.fitsBudget === true && x.settlement?.source !== "proposal");
    if (lump) sentences.push(t("plans.lumpOnly", { amount: fmt.money(lump.totalPaid) }));
  }
  p.sentence.textContent = sentences.join(lang().startsWith("zh") ? "" : " ");
  renderPosition(p.position, v);

  renderTable(p.table, plans, input, chosenKind, onChoose);

  clear(p.notes).append(h("li", { text: t("plans.basisNote") }), h("li", { text: t("plans.asIsNote") }));

  const n = Math.max(...plans.map((x) => x.schedule.length));
  // Totals are compared only among plans that fit the budget (all of them without a budget).
  const comparable = budget.monthlyBudget === null ? plans : plans.filter((x) => x.fitsBudget === true);
  const low = lowest(comparable, "totalPaid");
  const high = highest(comparable, "totalPaid");
  let summary;
  if (!low) summary = t("plans.chart.summaryNone", { budget: fmt.money(budget.monthlyBudget) });
  else if (low === high) summary = t("plans.chart.summaryOne", { kind: kindLabel(low), total: fmt.money(low.totalPaid) });
  else summary = t(budget.monthlyBudget === null ? "plans.chart.summary" : "plans.chart.summaryFit", { low: kindLabel(low), lowTotal: fmt.money(low.totalPaid), high: kindLabel(high), highTotal: fmt.money(high.totalPaid) });
  clear(p.chart).append(
    lineChart({
      title: t("plans.chart.title"),
      summary,
      series: plans.map((x) => ({ label: kindLabel(x), values: cumulative(x.schedule.map((r) => r.payment)) })),
      n,
      testid: "plans-chart",
    }),
  );
  p.live.textContent = t("plans.live", { label: p.label.textContent, value: [p.value.textContent, p.sentence.textContent].filter(Boolean).join(" ") });
}

/**
 * What the lender claims beside what the law supports, part by part, and each amount taken off with
 * its rule and source (the engine's claimed, lawful and removed). Shown when something was taken off.
 */
function renderPosition(box, v) {
  const removed = v.removed ?? [];
  box.hidden = !v.claimed || removed.length === 0;
  if (box.hidden) {
    clear(box);
    return;
  }
  const parts = ["principal", "interest", "penalties", "fees"];
  const row = (k) =>
    h("tr", { "data-part": k }, h("th", { scope: "row", text: t(`plans.part.${k}`) }), h("td", { class: "num", "data-col": "claimed", "data-label": t("plans.position.claimed"), text: fmt.amount(v.claimed[k]) }), h("td", { class: "num", "data-col": "lawful", "data-label": t("plans.position.lawful"), text: fmt.amount(v.lawful[k]) }));
  clear(box).append(
    h("h3", { class: "position-title", t: "plans.position.title" }),
    h(
      "dl",
      { class: "figures position-totals" },
      figure("plans.position.claimed", fmt.money(v.claimed.total), { testid: "claimed-total" }),
      figure("plans.position.lawful", fmt.money(v.lawful.total), { testid: "lawful-total", main: true }),
    ),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { class: "position-table", "data-testid": "position-table" },
        h("caption", { text: t("plans.position.caption") }),
        h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("plans.position.part") }), h("th", { scope: "col", class: "num", text: t("plans.position.claimed") }), h("th", { scope: "col", class: "num", text: t("plans.position.lawful") }))),
        h("tbody", {}, parts.filter((k) => fmt.cents(v.claimed[k]) > 0n).map(row)),
      ),
    ),
    h(
      "ul",
      { class: "position-removed", "data-testid": "position-removed" },
      removed.map((r) =>
        h("li", { "data-rule": r.rule, text: t(`plans.removed.${has(`plans.removed.${r.rule}`) ? r.rule : "other"}`, { ...legalParams(), amount: fmt.money(r.amount), source: sourceText(r.source) }) }),
      ),
    ),
    h("p", { class: "hint", text: t(v.planOn === "claimed" ? "plans.position.onClaimed" : "plans.position.onLawful", { total: fmt.money(v.budget.balance) }) }),
  );
}

/** A rule's source as the page shows it: document and article. */
export function sourceText(src) {
  return t("plans.source", { document: src.document, article: articleText(src.article) }).trim();
}

/** The basis's rule or note in the page's language by its code; the engine's English for an unknown code. */
function basisText(basis, part) {
  const key = `plans.basis.${part}.${basis.code}`;
  return has(key) ? t(key, legalParams()) : basis[part];
}

/**
 * Whether the plan fits the monthly budget. A plan whose regular payment is within the budget but
 * one payment is not (an instalment plan's last payment can be a few cents above the others) names
 * that payment (the engine's overBudget), so "✗" never stands beside a monthly figure that looks
 * affordable.
 */
function fitsCell(plan) {
  if (plan.fitsBudget === null) return h("td", { class: "fits", "data-label": t("plans.col.fits"), text: t("plans.fits.none") });
  const over = plan.overBudget;
  return h("td", {
    class: plan.fitsBudget ? "fits fits-yes" : "fits fits-no",
    "data-label": t("plans.col.fits"),
    "data-col": "fits",
    text: plan.fitsBudget ? t("plans.fits.yes") : over ? t("plans.fits.noAt", { period: over.period, amount: fmt.money(over.payment) }) : t("plans.fits.no"),
  });
}

/** Against not negotiating: "多还 X" or "少还 X" (the column's name is neutral). */
function savingText(s) {
  if (s.startsWith("-")) return t("plans.saving.more", { amount: fmt.amount(s.slice(1)) });
  return fmt.cents(s) > 0n ? t("plans.saving.less", { amount: fmt.amount(s) }) : fmt.amount(s);
}

function note(plan) {
  if (plan.kind === "lumpSum" && plan.settlement) {
    // Without money typed or an offer, the amount is a proposal to make, not money the person has.
    const key = plan.settlement.source === "proposal" ? "plans.lumpNoteProposal" : "plans.lumpNote";
    return t(key, { amount: fmt.money(plan.settlement.amount), discount: fmt.money(plan.settlement.discount) });
  }
  if (plan.kind === "deferral" && plan.holidayMonths) {
    return t("plans.deferralNote", { n: plan.holidayMonths, interest: fmt.money(plan.accruedInterest ?? "0") });
  }
  if (plan.kind === "asIs" && plan.months === 1 && plan.monthsChosenBy === "fixed") return t("plans.monthsNote.asIsNow");
  return "";
}

function renderTable(box, plans, input, chosenKind, onChoose) {
  const cols = ["kind", "months", "monthly", "total", "saving", "fits", "basis", "choose"];
  const head = h("tr", {}, cols.map((c) => h("th", { scope: "col", class: c === "kind" || c === "basis" ? "" : "num", text: t(`plans.col.${c}`) })));
  const body = h("tbody");
  for (const plan of plans) {
    const label = kindLabel(plan);
    const extra = note(plan);
    const chosen = plan.kind === chosenKind;
    const button = h("button", {
      type: "button",
      class: chosen ? "choose is-chosen" : "choose",
      "aria-label": t(chosen ? "plans.chosenLabel" : "plans.chooseLabel", { kind: label }),
      "aria-pressed": chosen ? "true" : "false",
      text: t(chosen ? "plans.chosen" : "plans.choose"),
      on: { click: () => onChoose(plan) },
    });
    body.append(
      h(
        "tr",
        { "data-kind": plan.kind, class: plan.fitsBudget === false ? "over" : "" },
        h("th", { scope: "row", class: "kind" }, h("span", { class: "kind-name", text: label }), extra ? h("span", { class: "kind-note", text: extra }) : null),
        h("td", { class: "num", "data-col": "months", "data-label": t("plans.col.months"), text: String(plan.months) }),
        h("td", { class: "num", "data-col": "monthly", "data-label": t("plans.col.monthly"), text: fmt.amount(plan.monthlyPayment) }),
        h("td", { class: "num", "data-col": "total", "data-label": t("plans.col.total"), text: fmt.amount(plan.totalPaid) }),
        h("td", { class: "num", "data-col": "saving", "data-label": t("plans.col.saving"), text: savingText(plan.savingVsAsIs) }),
        fitsCell(plan),
        h(
          "td",
          { class: "basis", "data-col": "basis", "data-label": t("plans.col.basis") },
          h("span", { class: `standing standing-${plan.basis.standing}`, text: standingLabel(plan, input.lender ?? input.overdue?.lender) }),
          h("span", { class: "confidence", text: t(`plans.confidence.${plan.basis.confidence}`) }),
          h("span", { class: "rule", "data-code": plan.basis.code, text: basisText(plan.basis, "rule") }),
          h("details", { class: "basis-note" }, h("summary", { text: t("plans.basisDetails") }), h("p", { text: basisText(plan.basis, "note") })),
        ),
        h("td", { class: "choose-cell" }, button),
      ),
    );
  }
  clear(box).append(
    h(
      "div",
      { class: "table-scroll plans-scroll", tabindex: "0", role: "region", "aria-label": t("plans.tableCaption") },
      h("table", { class: "cards", "data-testid": "plans-table" }, h("caption", { text: t("plans.tableCaption") }), h("thead", {}, head), body),
    ),
    csvButton("csv.plans.button", () => {
      const dated = plans.some((x) => x.schedule.some((r) => r.dueDate));
      const cols = ["period", ...(dated ? ["dueDate"] : []), "payment", "principal", "interest", "balance"];
      return {
        base: t("csv.plans.file"),
        headers: [t("csv.col.plan"), ...cols.map((c) => t(`table.${c}`))],
        rows: plans.flatMap((x) => x.schedule.map((r) => [kindLabel(x), ...cols.map((c) => r[c] ?? "")])),
      };
    }, "csv-plans"),
  );
}
