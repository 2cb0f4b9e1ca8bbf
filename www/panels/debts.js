// The debts panel: several debts, one monthly budget. mount(root, ctx) builds
// an editor of debts (add, remove, move up and down: the order is the "order"
// strategy's priority), calls debtPlan with compare:true ~150 ms after each
// change, and hands the result to debts-result.js, which draws it.
//
// ctx.share: the "add the loan entered above" button adds what is owed now on
// the case: "owed" (the plans' balance, lawful by default, with the instalment
// plan's monthly payment as the minimum), else "overdue" (its total owed), else
// "loan" (the terms panel's principal); it fills a name and removes empty rows.

import { h } from "../dom.js";
import { bind, onLangChange, t } from "../i18n.js";
import { field, unitOf, textInput, rateInput, options, val, moneyOf, form as formEl, panel, recompute, readInput, readControl, writeControl, declaredState, declaredControls, fieldsOf } from "../form.js";
import { DEBTS as STATE } from "./fields.js";
import { resultSection } from "../result.js";
import { skeleton, prompt, bestOf, render } from "./debts-result.js";

export function mount(root, ctx) {
  const engine = ctx.engine;
  const rows = [];
  const list = h("ol", { class: "rows debt-rows" });
  const add = h("button", { type: "button", class: "add", t: "debts.add" });
  const addLoan = h("button", { type: "button", class: "add", hidden: true, t: "debts.addLoan" });
  const addNote = h("p", { class: "hint debts-added-note", role: "status", hidden: true, "data-testid": "debts-added-note" });
  const budget = field("debtBudget", "debts.budget", textInput(), "debts.budgetHint");
  const formError = h("p", { class: "form-error", role: "status" });
  const form = formEl(
    "terms-form debts-form",
    h("p", { class: "hint", t: "debts.orderHint" }),
    list,
    h("div", { class: "add-row" }, add, addLoan),
    addNote,
    budget.wrap,
    formError,
  );

  const r = skeleton();
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
  // The case entered above, as owed now: the plans' balance (lawful by default), else the overdue
  // panel's total, else the loan. Empty rows go first, so that they do not block the result.
  function caseDebt() {
    const owed = ctx.share?.get("owed");
    const overdue = ctx.share?.get("overdue");
    const loan = ctx.share?.get("loan");
    const rate = owed?.rate ?? overdue?.rate ?? loan?.rate ?? null;
    if (owed?.balance) return { name: t("debts.loanName"), balance: owed.balance, rate, min: owed.monthly };
    if (overdue?.value?.totalOwed) return { name: t("debts.loanName"), balance: overdue.value.totalOwed, rate };
    if (loan?.principal) return { name: t("debts.loanName"), balance: loan.principal, rate };
    return null;
  }
  addLoan.addEventListener("click", () => {
    const d = caseDebt();
    if (!d) return;
    for (const row of rows.filter((x) => ![x.name, x.balance, x.rate, x.min].some((c) => val(c.input)))) {
      rows.splice(rows.indexOf(row), 1);
      row.el.remove();
    }
    const row = addRow({ name: d.name, balance: d.balance, rate: d.rate?.percent !== undefined ? d.rate : null });
    if (d.min) row.min.input.value = d.min;
    bind(addNote, d.min ? "debts.addedCaseMin" : "debts.addedCase");
    addNote.hidden = false;
    schedule();
  });
  const showAddLoan = () => (addLoan.hidden = !caseDebt());
  showAddLoan();
  for (const k of ["loan", "overdue", "owed"]) ctx.share?.on(k, showAddLoan);

  /** Reads the form into a debtPlan input (panels/fields.js DEBTS): the budget, and here the rows. `paths` maps engine field paths to fields. */
  function read() {
    return readInput(
      STATE,
      { budget },
      {
        debts(input, paths) {
          paths.debts = { ...budget, labelKey: "field.debts" };
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
        },
      },
      { debts: [], compare: true },
    );
  }

  let last = null; // { value, timeline, input } of the last good result

  const loop = recompute(form, formError, {
    read,
    incomplete(input) {
      if (input.debts.length && input.monthlyBudget !== undefined) return false;
      if (!last) prompt(r);
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
      last = { value, timeline, input, cost: ctx.share?.get("loanCost") ?? null };
      render(r, last);
    },
  });
  const schedule = loop.schedule;

  onLangChange(() => {
    if (last) render(r, last);
    loop.refreshError();
    if (!last) loop.compute();
  });

  // Saved / shared state (www/state.js; declared in panels/fields.js DEBTS): the budget and every debt row, in order.
  const fields = declaredState(fieldsOf(STATE), { budget: budget.input });
  const rowControls = (row) =>
    Object.entries(declaredControls(STATE.debts.fields, { name: row.name.input, balance: row.balance.input, rate: row.rate.input, ratePer: row.per, min: row.min.input }));
  ctx.state?.register("debts", {
    get: () => ({
      ...fields.get(),
      debts: rows.map((row) => Object.fromEntries(rowControls(row).map(([k, el]) => [k, readControl(el)]))),
    }),
    set(s) {
      fields.set(s);
      if (s.debts) {
        for (const row of rows.splice(0)) row.el.remove();
        for (const item of s.debts) {
          const row = addRow({}, false);
          for (const [k, el] of rowControls(row)) writeControl(el, item[k]);
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
