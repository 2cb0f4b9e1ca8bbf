// The result of the debts panel: the three strategies side by side with the
// one that saves the most, debts above 24 % / 36 % (the only warning colour),
// a timeline chart and, when the budget is too small, the least budget that
// clears everything (and whether the budget even covers the interest).
// Pure rendering from the engine's output (strings) and the input that
// produced it; money is only compared, exactly, in cents.

import { h, clear } from "../dom.js";
import { t, lang } from "../i18n.js";
import * as fmt from "../format.js";
import { lineChart } from "./plans-chart.js";
import { resultBody } from "../result.js";
import { csvButton } from "../export.js";
import { legalParams } from "../legal-text.js";

export function skeleton() {
  return resultBody(
    { valueTestid: "debts-answer" },
    {
      sentence: h("p", { class: "why", "data-testid": "debts-sentence" }),
      flags: h("div", { class: "debt-flags" }),
      table: h("div", { class: "debts-table" }),
      chart: h("div", { class: "charts" }),
    },
  );
}

/** The prompt shown before there is anything to compute. */
export function prompt(r) {
  r.label.textContent = "";
  r.value.textContent = "";
  r.sentence.textContent = t("debts.prompt");
}

/** The feasible strategies with the least interest (several when they tie). */
export function bestOf(comparison) {
  const ok = comparison.filter((c) => c.feasible);
  if (!ok.length) return [];
  const min = ok.reduce((m, c) => (fmt.cents(c.totalInterest) < m ? fmt.cents(c.totalInterest) : m), fmt.cents(ok[0].totalInterest));
  return ok.filter((c) => fmt.cents(c.totalInterest) === min);
}

const sName = (s) => t(`debts.strategy.${s}`);

/**
 * Whether the debts owe more after the first month than at the start, i.e. the
 * month's payments are below its interest: the budget does not cover the
 * interest. Read from the engine's first month; nothing is summed here.
 */
function grows(v) {
  const first = v.timeline?.[0];
  if (!first) return false;
  return fmt.cents(first.paid) < fmt.cents(first.interest);
}

/** Draws { value, timeline, input } (timeline: the cheapest strategy's debtPlan output) into the parts r. */
export function render(r, { value: v, timeline, input, cost = null }) {
  const cmp = v.comparison;
  const best = bestOf(cmp);
  const sentences = [];
  if (!best.length) {
    const c = cmp[0];
    r.label.textContent = t("debts.noneLabel");
    r.value.textContent = t("debts.noneValue", { amount: fmt.money(c.minimumBudget) });
    r.sub.textContent = "";
    const params = { budget: fmt.money(input.monthlyBudget), minimums: fmt.money(v.minimums) };
    const why = c.reason === "belowMinimums" ? "debts.belowMinimums" : grows(v) ? "debts.belowInterest" : "debts.neverClears";
    sentences.push(t(why, params));
    sentences.push(t("debts.minimumBudget", { amount: fmt.money(c.minimumBudget) }));
  } else {
    const b = best[0];
    r.label.textContent = t("debts.bestLabel");
    r.value.textContent = fmt.list(best.map((c) => sName(c.strategy)));
    r.sub.textContent = t("debts.bestSub", { months: b.months, interest: fmt.money(b.totalInterest) });
    sentences.push(t("debts.sentence", { budget: fmt.money(input.monthlyBudget), best: sName(b.strategy), months: b.months, interest: fmt.money(b.totalInterest) }));
    if (best.length === cmp.length) sentences.push(t("debts.sentenceSame"));
    else {
      if (best.length > 1) sentences.push(t("debts.sentenceTie", { names: fmt.list(best.map((c) => `“${sName(c.strategy)}”`)) }));
      for (const c of cmp) {
        if (best.includes(c) || !c.feasible) continue;
        sentences.push(t("debts.compareOther", { name: sName(c.strategy), months: c.months, interest: fmt.money(c.totalInterest) }));
      }
    }
  }
  r.sentence.textContent = sentences.join(lang().startsWith("zh") ? "" : " ");
  drawFlags(r, v.debts, cost);
  drawTable(r, v, best);
  drawChart(r, timeline, v.debts);
  r.live.textContent = t("debts.live", { label: r.label.textContent, value: `${r.value.textContent} ${r.sentence.textContent}` });
}

/**
 * Debts above a legal line. The loan entered above (cost: the loan-terms panel's "loanCost") is
 * flagged by its real cost (the APR with every fee), not its contract rate; the others by the rate typed.
 */
function drawFlags(r, debts, cost) {
  const loanName = t("debts.loanName");
  const isLoan = (d) => cost && d.name === loanName;
  const lines = debts
    .filter((d) => (isLoan(d) ? cost.line : d.above24))
    .map((d) =>
      isLoan(d)
        ? t("debts.flagApr", { name: d.name, rate: fmt.percent(cost.nominalPercent), line: cost.line })
        : t(d.above36 ? "debts.flag36" : "debts.flag24", { ...legalParams(), name: d.name, rate: fmt.percent(d.annualPercent) }),
    );
  clear(r.flags);
  if (!lines.length) return;
  r.flags.append(
    h(
      "div",
      { class: "warning above-line", "data-testid": "debt-flags" },
      h("p", { class: "flag-heading", text: t("debts.flagHeading") }),
      h("ul", {}, lines.map((text) => h("li", { text }))),
      h("p", { class: "hint", text: t("debts.flagNote", legalParams()) }),
    ),
  );
}

function drawTable(r, v, best) {
  const cmp = v.comparison;
  const isBest = (c) => best.includes(c);
  const head = h(
    "tr",
    {},
    h("td"),
    cmp.map((c) =>
      h(
        "th",
        { scope: "col", class: isBest(c) ? "num is-best" : "num", "data-strategy": c.strategy },
        h("span", { class: "strategy-name", text: sName(c.strategy) }),
        h("span", { class: "strategy-hint", text: t(`debts.strategyHint.${c.strategy}`) }),
        isBest(c) ? h("span", { class: "badge", text: t("debts.best") }) : null,
      ),
    ),
  );
  const row = (key, cell, params = {}) =>
    h("tr", { "data-row": key }, h("th", { scope: "row", text: t(`debts.row.${key}`, params) }), cmp.map((c) => h("td", { class: isBest(c) ? "num is-best" : "num", "data-strategy": c.strategy, text: cell(c) })));
  const never = t("debts.never");
  const body = h(
    "tbody",
    {},
    row("months", (c) => (c.months === null ? never : String(c.months))),
    row("interest", (c) => (c.totalInterest === null ? never : fmt.amount(c.totalInterest))),
    row("paid", (c) => (c.totalPaid === null ? never : fmt.amount(c.totalPaid))),
    v.debts.map((d, i) =>
      row("payoff", (c) => {
        const m = c.payoff.find((p) => p.index === i)?.month;
        return m === null || m === undefined ? never : t("debts.monthN", { n: m });
      }, { name: d.name }),
    ),
  );
  clear(r.table).append(
    h(
      "div",
      { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("debts.tableCaption") },
      h("table", { class: "compare", "data-testid": "debts-table" }, h("caption", { text: t("debts.tableCaption") }), h("thead", {}, head), body),
    ),
  );
}

function drawChart(r, tv, debts) {
  clear(r.chart);
  if (!tv.feasible || !tv.timeline.length) return;
  const strategy = sName(tv.strategy);
  const payoff = fmt.list(tv.payoff.map((p) => t("debts.chart.payoff", { name: p.name, month: p.month })));
  r.chart.append(
    lineChart({
      title: t("debts.chart.title", { strategy }),
      summary: t("debts.chart.summary", { strategy, payoff }),
      series: debts.map((d, i) => ({ label: d.name, start: fmt.cents(d.balance), values: tv.timeline.map((m) => fmt.cents(m.balances[i])) })),
      n: tv.timeline.length,
      testid: "debts-chart",
    }),
    csvButton("csv.debts.button", () => {
      const names = debts.map((d, i) => d.name || t("debts.row", { n: i + 1 }));
      return {
        base: t("csv.debts.file"),
        headers: [t("csv.col.month"), ...names.map((name) => t("csv.col.debtBalance", { name })), ...names.map((name) => t("csv.col.debtPayment", { name })), t("csv.col.paid"), t("csv.col.interest")],
        rows: tv.timeline.map((m) => [m.month, ...m.balances, ...m.payments, m.paid, m.interest]),
      };
    }, "csv-debts"),
  );
}
