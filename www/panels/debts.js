// The debts panel: several debts, one monthly budget. mount(root, ctx) builds
// an editor of debts (add, remove, move up and down: the order is the "order"
// strategy's priority), calls debtPlan with compare:true ~150 ms after each
// change, and shows the three strategies side by side, the one that saves the
// most, debts above 24 % / 36 % (the only warning colour), a timeline chart
// and, when the budget is too small, the least budget that clears everything.
//
// ctx.share: reads "loan" (the terms panel's loanTerms input) for the
// "add the loan entered above" button.

import { h, clear } from "../dom.js";
import { t, lang, bind, onLangChange } from "../i18n.js";
import * as fmt from "../format.js";
import { lineChart } from "./plans-chart.js";
import { field, unitOf, textInput, rateInput, options, val, moneyOf, form as formEl, panel, recompute, readControl, writeControl } from "../form.js";
import { resultBody, resultSection } from "../result.js";
import { csvButton } from "../export.js";

const STRATEGIES = ["avalanche", "snowball", "order"];

export function mount(root, ctx) {
  const engine = ctx.engine;
  const rows = [];
  const list = h("ol", { class: "rows debt-rows" });
  const add = h("button", { type: "button", class: "add", t: "debts.add" });
  const addLoan = h("button", { type: "button", class: "add", hidden: true, t: "debts.addLoan" });
  const budget = field("debtBudget", "debts.budget", textInput(), "debts.budgetHint");
  const formError = h("p", { class: "form-error", role: "status" });
  const form = formEl(
    "terms-form debts-form",
    h("p", { class: "hint", t: "debts.orderHint" }),
    list,
    h("div", { class: "add-row" }, add, addLoan),
    budget.wrap,
    formError,
  );

  const r = resultBody(
    { valueTestid: "debts-answer" },
    {
      sentence: h("p", { class: "why", "data-testid": "debts-sentence" }),
      flags: h("div", { class: "debt-flags" }),
      table: h("div", { class: "debts-table" }),
      chart: h("div", { class: "charts" }),
    },
  );
  const result = resultSection("debts-result", "debts.result", r.el);
  panel(root, "debts.heading", "debts.lead", h("div", { class: "plans-layout" }, form, result));

  function relabel() {
    rows.forEach((row, i) => {
      bind(row.legend, "debts.row", { n: i + 1 });
      bind(row.remove, "debts.remove", { n: i + 1 }, "aria-label");
      bind(row.up, "debts.up", { n: i + 1 }, "aria-label");
      bind(row.down, "debts.down", { n: i + 1 }, "aria-label");
      row.up.disabled = i === 0;
      row.down.disabled = i === rows.length - 1;
      row.remove.disabled = rows.length === 1;
    });
  }

  function move(row, by) {
    const i = rows.indexOf(row);
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    rows.splice(i, 1);
    rows.splice(j, 0, row);
    for (const x of rows) list.append(x.el);
    relabel();
    const same = by < 0 ? row.up : row.down;
    (same.disabled ? (by < 0 ? row.down : row.up) : same).focus();
    schedule();
  }

  function addRow(values = {}, focus = true) {
    const name = field("debtName", "debts.name", h("input", { type: "text", maxlength: "60", autocomplete: "off", t: ["debts.namePlaceholder", {}, "placeholder"] }));
    const balance = field("debtBalance", "debts.balance", textInput());
    const per = h("select", { class: "unit", t: ["debts.ratePer", {}, "aria-label"] }, options("terms.per", ["year", "month", "day"]));
    const rate = field("debtRate", "debts.rate", rateInput(), null, per);
    const min = field("debtMin", "debts.minPayment", textInput());
    const legend = h("legend");
    const up = h("button", { type: "button", class: "move", text: "↑" });
    const down = h("button", { type: "button", class: "move", text: "↓" });
    const remove = h("button", { type: "button", class: "remove-inline", text: "×" });
    const row = { name, balance, rate, per, ratePer: unitOf(rate, per, "debtRatePer"), min, legend, up, down, remove };
    row.el = h(
      "li",
      { class: "debt-row" },
      h("fieldset", { class: "row" }, legend, h("div", { class: "debt-fields" }, name.wrap, balance.wrap, rate.wrap, min.wrap), h("div", { class: "row-tools" }, up, down, remove)),
    );
    if (values.name) name.input.value = values.name;
    if (values.balance) balance.input.value = values.balance;
    if (values.rate) {
      rate.input.value = values.rate.percent;
      per.value = values.rate.per;
    }
    up.addEventListener("click", () => move(row, -1));
    down.addEventListener("click", () => move(row, 1));
    remove.addEventListener("click", () => {
      if (rows.length === 1) return;
      rows.splice(rows.indexOf(row), 1);
      row.el.remove();
      relabel();
      add.focus();
      schedule();
    });
    rows.push(row);
    list.append(row.el);
    relabel();
    if (focus) name.input.focus();
    schedule();
    return row;
  }

  add.addEventListener("click", () => addRow());
  addLoan.addEventListener("click", () => {
    const loan = ctx.share?.get("loan");
    if (loan) addRow({ balance: loan.principal, rate: loan.rate });
  });
  const showAddLoan = (loan) => (addLoan.hidden = !loan?.principal);
  showAddLoan(ctx.share?.get("loan"));
  ctx.share?.on("loan", showAddLoan);

  function read() {
    const input = { debts: [], compare: true };
    const paths = { monthlyBudget: budget, debts: { ...budget, labelKey: "field.debts" } };
    for (const row of rows) {
      if (![row.name, row.balance, row.rate, row.min].some((x) => val(x.input))) continue;
      const p = `debts[${input.debts.length}]`;
      const d = { name: val(row.name.input), rate: { per: row.per.value } };
      if (val(row.balance.input)) d.balance = moneyOf(row.balance.input);
      if (val(row.rate.input)) d.rate.percent = moneyOf(row.rate.input);
      if (val(row.min.input)) d.minPayment = moneyOf(row.min.input);
      Object.assign(paths, {
        [p]: row.balance,
        [`${p}.name`]: row.name,
        [`${p}.balance`]: row.balance,
        [`${p}.rate`]: row.rate,
        [`${p}.rate.percent`]: row.rate,
        [`${p}.rate.per`]: row.ratePer,
        [`${p}.minPayment`]: row.min,
      });
      input.debts.push(d);
    }
    if (val(budget.input)) input.monthlyBudget = moneyOf(budget.input);
    return { input, paths };
  }

  let last = null; // { value, timeline, input } of the last good result

  const loop = recompute(form, formError, {
    read,
    incomplete(input) {
      if (input.debts.length && input.monthlyBudget !== undefined) return false;
      if (!last) {
        r.label.textContent = "";
        r.value.textContent = "";
        r.sentence.textContent = t("debts.prompt");
      }
      return true;
    },
    call(input) {
      const res = engine.debtPlan(input);
      if (!res.ok) return res;
      // The timeline chart follows the cheapest strategy.
      let timeline = res.value;
      const best = bestOf(res.value.comparison);
      if (best.length && best[0].strategy !== res.value.strategy) {
        const again = engine.debtPlan({ ...input, compare: false, strategy: best[0].strategy });
        if (again.ok) timeline = again.value;
      }
      return { ok: true, value: { value: res.value, timeline } };
    },
    onResult({ value, timeline }, input) {
      last = { value, timeline, input };
      draw();
    },
  });
  const schedule = loop.schedule;

  /** The feasible strategies with the least interest (several when they tie). */
  function bestOf(comparison) {
    const ok = comparison.filter((c) => c.feasible);
    if (!ok.length) return [];
    const min = ok.reduce((m, c) => (fmt.cents(c.totalInterest) < m ? fmt.cents(c.totalInterest) : m), fmt.cents(ok[0].totalInterest));
    return ok.filter((c) => fmt.cents(c.totalInterest) === min);
  }

  const sName = (s) => t(`debts.strategy.${s}`);

  function draw() {
    if (!last) return;
    const v = last.value;
    const cmp = v.comparison;
    const best = bestOf(cmp);
    const sentences = [];
    if (!best.length) {
      const c = cmp[0];
      r.label.textContent = t("debts.noneLabel");
      r.value.textContent = t("debts.noneValue", { amount: fmt.money(c.minimumBudget) });
      r.sub.textContent = "";
      const params = { budget: fmt.money(last.input.monthlyBudget), minimums: fmt.money(v.minimums) };
      sentences.push(t(c.reason === "belowMinimums" ? "debts.belowMinimums" : "debts.neverClears", params));
      sentences.push(t("debts.minimumBudget", { amount: fmt.money(c.minimumBudget) }));
    } else {
      const b = best[0];
      r.label.textContent = t("debts.bestLabel");
      r.value.textContent = fmt.list(best.map((c) => sName(c.strategy)));
      r.sub.textContent = t("debts.bestSub", { months: b.months, interest: fmt.money(b.totalInterest) });
      sentences.push(t("debts.sentence", { budget: fmt.money(last.input.monthlyBudget), best: sName(b.strategy), months: b.months, interest: fmt.money(b.totalInterest) }));
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
    drawFlags(v.debts);
    drawTable(v, best);
    drawChart(last.timeline, v.debts);
    r.live.textContent = t("debts.live", { label: r.label.textContent, value: `${r.value.textContent} ${r.sentence.textContent}` });
  }

  function drawFlags(debts) {
    const high = debts.filter((d) => d.above24);
    clear(r.flags);
    if (!high.length) return;
    r.flags.append(
      h(
        "div",
        { class: "warning above-line", "data-testid": "debt-flags" },
        h("p", { class: "flag-heading", text: t("debts.flagHeading") }),
        h("ul", {}, high.map((d) => h("li", { text: t(d.above36 ? "debts.flag36" : "debts.flag24", { name: d.name, rate: fmt.percent(d.annualPercent) }) }))),
        h("p", { class: "hint", text: t("debts.flagNote") }),
      ),
    );
  }

  function drawTable(v, best) {
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

  function drawChart(tv, debts) {
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

  onLangChange(() => {
    draw();
    loop.refreshError();
    if (!last) loop.compute();
  });

  // Saved / shared state (www/state.js): the budget and every debt row, in order.
  const rowControls = (row) => ({ name: row.name.input, balance: row.balance.input, rate: row.rate.input, ratePer: row.per, min: row.min.input });
  ctx.state?.register("debts", {
    get: () => ({
      budget: readControl(budget.input),
      debts: rows.map((row) => Object.fromEntries(Object.entries(rowControls(row)).map(([k, el]) => [k, readControl(el)]))),
    }),
    set(s) {
      writeControl(budget.input, s.budget);
      if (s.debts) {
        for (const row of rows.splice(0)) row.el.remove();
        for (const item of s.debts) {
          const row = addRow({}, false);
          for (const [k, el] of Object.entries(rowControls(row))) writeControl(el, item[k]);
        }
        if (!rows.length) [0, 1].forEach(() => addRow({}, false)); // the page's starting two rows
        relabel();
      }
      loop.compute();
    },
  });

  addRow({}, false);
  addRow({}, false);
  return { recompute: loop.compute };
}
