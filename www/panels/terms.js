// The loan-terms panel (看清真实成本): mount(root, ctx) builds the form and
// the result, and recomputes ~150 ms after each change. The engine does all
// maths; values typed by the person go to it as decimal strings.
//
// ctx: { engine, share } where engine is ../engine.js and share is the page's
// small store: this panel publishes the last valid loan as share.set("loan", input).
//
// An invalid field shows its translated message beside it (aria-invalid,
// aria-describedby); every other input and the last good result stay.

import { h, id } from "../dom.js";
import { bind, onLangChange } from "../i18n.js";
import { cleanNumeral } from "../format.js";
import { field, checkField, unitOf, textInput, rateInput, intInput, options, val, form as formEl, panel, recompute, readInput, declaredState, declaredControls, fieldsOf, listsOf, readControl, writeControl } from "../form.js";
import { TERMS as STATE } from "./fields.js";
import { resultSection } from "../result.js";
import { skeleton, render, lineOf } from "./terms-result.js";

const METHODS = ["annuity", "equalPrincipal", "interestOnly", "bullet", "flat"];

function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function mount(root, ctx) {
  const f = {};
  f.principal = field("principal", "terms.principal", textInput({ value: "10000" }), "terms.principalHint");
  f.received = field("received", "terms.received", textInput(), "terms.receivedHint");
  const perSelect = h("select", { class: "unit", t: ["terms.ratePer", {}, "aria-label"] }, options("terms.per", ["year", "month", "day"]));
  f.rate = field("rate", "terms.rate", rateInput({ value: "12" }), "terms.rateHint", perSelect);
  f.ratePer = unitOf(f.rate, perSelect, "ratePer");
  f.periods = field("periods", "terms.periods", intInput({ value: "12" }), "terms.periodsHint");
  const methodSelect = h("select", {}, options("terms.method", METHODS));
  f.method = field("method", "terms.method", methodSelect, null);
  const methodHint = h("p", { class: "hint", id: id("hint-method") });
  methodSelect.setAttribute("aria-describedby", methodHint.id);
  f.method.error.before(methodHint);
  f.startDate = field("startDate", "terms.startDate", h("input", { type: "date", value: today() }), "terms.startDateHint");
  const daySelect = h("select", {}, options("terms.dayBasis", ["360", "365"]));
  f.dayBasis = field("dayBasis", "terms.dayBasis", daySelect, "terms.dayBasisHint");

  const feeRows = [];
  const prepayRows = [];
  const rateRows = [];
  const feeList = h("div", { class: "rows" });
  const prepayList = h("div", { class: "rows" });
  const addFee = h("button", { type: "button", class: "add", t: "terms.addFee" });
  const addPrepay = h("button", { type: "button", class: "add", t: "terms.addPrepayment" });
  // Rates that change: an LPR link (LPR + spread, repriced once a year) and
  // what-if changes from an installment or a date on.
  const rateList = h("div", { class: "rows" });
  const addRate = h("button", { type: "button", class: "add", "data-testid": "add-rate-change", t: "rc.add" });
  const lpr = checkField("lpr", "rc.lpr", "rc.lprHint");
  const lprSpread = field("lprSpread", "rc.lprSpread", textInput({ value: "0", inputmode: "text" }), "rc.lprSpreadHint");
  const lprRepricing = field("lprRepricing", "rc.lprRepricing", h("select", {}, options("rc.repricing", ["january", "anniversary"])));
  const lprTenor = field("lprTenor", "rc.lprTenor", h("select", {}, options("rc.tenor", ["auto", "fiveYear", "oneYear"])), "rc.lprTenorHint");
  const lprBox = h("div", { class: "lpr-fields", hidden: true }, lprSpread.wrap, lprRepricing.wrap, lprTenor.wrap);
  /** In LPR mode the first rate comes from the LPR table: the contract-rate field is hidden. */
  function syncLpr() {
    lprBox.hidden = !lpr.input.checked;
    f.rate.wrap.hidden = lpr.input.checked;
  }
  lpr.input.addEventListener("change", syncLpr);
  const formError = h("p", { class: "form-error", role: "status" });

  const form = formEl(
    "terms-form",
    f.principal.wrap,
    f.received.wrap,
    f.rate.wrap,
    f.periods.wrap,
    f.method.wrap,
    f.startDate.wrap,
    h("details", { class: "more" }, h("summary", { t: "terms.fees" }), h("p", { class: "hint", t: "terms.feesHint" }), feeList, addFee),
    h("details", { class: "more" }, h("summary", { t: "terms.prepayments" }), h("p", { class: "hint", t: "terms.prepaymentsHint" }), prepayList, addPrepay),
    h("details", { class: "more rate-change-box" }, h("summary", { t: "rc.summary" }), h("p", { class: "hint", t: "rc.hint" }), lpr.wrap, lprBox, rateList, addRate),
    h("details", { class: "more" }, h("summary", { t: "terms.advanced" }), f.dayBasis.wrap),
    formError,
  );

  const res = skeleton();
  form.append(res.mini);
  const result = resultSection("", "result.heading", res.el);
  panel(root, "terms.heading", "terms.lead", h("div", { class: "terms-layout" }, form, result));

  function relabelRows() {
    feeRows.forEach((r, i) => {
      bind(r.legend, "terms.feeRow", { n: i + 1 });
      bind(r.remove, "terms.removeFee", { n: i + 1 }, "aria-label");
    });
    prepayRows.forEach((r, i) => {
      bind(r.legend, "terms.prepaymentRow", { n: i + 1 });
      bind(r.remove, "terms.removePrepayment", { n: i + 1 }, "aria-label");
    });
    rateRows.forEach((r, i) => {
      bind(r.legend, "rc.row", { n: i + 1 });
      bind(r.remove, "rc.remove", { n: i + 1 }, "aria-label");
    });
  }

  function makeRow(list, rows, parts, addButton, focus = true) {
    const legend = h("legend");
    const remove = h("button", { type: "button", class: "remove", text: "×" });
    const row = { legend, remove, ...Object.fromEntries(parts.map((p) => [p.key, p])) };
    row.el = h("fieldset", { class: "row" }, legend, parts.map((p) => p.wrap), remove);
    remove.addEventListener("click", () => {
      rows.splice(rows.indexOf(row), 1);
      row.el.remove();
      relabelRows();
      addButton.focus();
      schedule();
    });
    rows.push(row);
    list.append(row.el);
    relabelRows();
    if (focus) parts[0].input.focus();
    schedule();
    return row;
  }

  function addFeeRow(focus = true) {
    const label = field("feeLabel", "terms.feeLabel", h("input", { type: "text", maxlength: "60", autocomplete: "off", t: ["terms.feeLabelPlaceholder", {}, "placeholder"] }));
    const unit = h("select", { class: "unit", t: ["terms.feeUnit", {}, "aria-label"] }, options("terms.feeUnit", ["amount", "percent"]));
    const amount = field("feeAmount", "terms.feeAmount", textInput(), null, unit);
    const when = field("feeWhen", "terms.feeWhen", h("select", {}, options("terms.feeWhen", ["upfront", "eachPeriod", "atEnd"])));
    return makeRow(feeList, feeRows, [{ key: "label", ...label }, { key: "amount", ...amount, unit }, { key: "when", ...when }], addFee, focus);
  }
  function addPrepayRow(focus = true) {
    const period = field("prepayPeriod", "terms.prepayPeriod", intInput());
    const amount = field("prepayAmount", "terms.prepayAmount", textInput());
    const then = field("prepayThen", "terms.prepayThen", h("select", {}, options("terms.prepayThen", ["shortenTerm", "lowerPayment"])));
    return makeRow(prepayList, prepayRows, [{ key: "period", ...period }, { key: "amount", ...amount }, { key: "then", ...then }], addPrepay, focus);
  }
  function addRateRow(focus = true) {
    const when = h("select", { class: "unit", t: ["rc.whenUnit", {}, "aria-label"] }, options("rc.when", ["period", "date"]));
    const at = field("rcAt", "rc.at", intInput(), null, when);
    const per = h("select", { class: "unit", t: ["terms.ratePer", {}, "aria-label"] }, options("terms.per", ["year", "month", "day"]));
    const rate = field("rcRate", "rc.rate", rateInput(), null, per);
    const keep = field("rcKeep", "rc.keep", h("select", {}, options("rc.keep", ["term", "payment"])));
    const row = makeRow(rateList, rateRows, [{ key: "at", ...at, unit: when }, { key: "rate", ...rate, unit: per }, { key: "keep", ...keep }], addRate, focus);
    row.syncWhen = () => {
      const type = when.value === "date" ? "date" : "text";
      if (at.input.type !== type) {
        at.input.value = "";
        at.input.type = type;
        at.input.inputMode = type === "date" ? "" : "numeric";
      }
    };
    when.addEventListener("change", row.syncWhen);
    return row;
  }
  addFee.addEventListener("click", () => addFeeRow());
  addPrepay.addEventListener("click", () => addPrepayRow());
  addRate.addEventListener("click", () => addRateRow());

  /**
   * Reads the form into a loanTerms input: the fields panels/fields.js TERMS
   * sends as they are, and here those whose shape depends on others (the rate,
   * the rows, the LPR link). `paths` maps engine field paths to fields.
   */
  function read() {
    return readInput(STATE, f, {
      rate(input, paths) {
        Object.assign(paths, { rate: f.rate, "rate.percent": f.rate, "rate.per": f.ratePer });
        if (lpr.input.checked) return; // the first rate comes from the LPR table
        input.rate = { per: perSelect.value };
        if (val(f.rate.input)) input.rate.percent = cleanNumeral(val(f.rate.input));
      },
      fees(input, paths) {
        const fees = [];
        for (const r of feeRows) {
          if (!val(r.label.input) && !val(r.amount.input)) continue;
          const p = `fees[${fees.length}]`;
          const fee = { label: val(r.label.input), when: r.when.input.value };
          if (val(r.amount.input)) fee[r.amount.unit.value === "percent" ? "percentOfPrincipal" : "amount"] = cleanNumeral(val(r.amount.input));
          Object.assign(paths, { [p]: r.amount, [`${p}.label`]: r.label, [`${p}.amount`]: r.amount, [`${p}.percentOfPrincipal`]: r.amount, [`${p}.when`]: r.when });
          fees.push(fee);
        }
        if (fees.length) input.fees = fees;
      },
      prepayments(input, paths) {
        const pre = [];
        for (const r of prepayRows) {
          if (!val(r.period.input) && !val(r.amount.input)) continue;
          const p = `prepayments[${pre.length}]`;
          const item = { then: r.then.input.value };
          if (val(r.period.input)) item.period = cleanNumeral(val(r.period.input));
          if (val(r.amount.input)) item.amount = cleanNumeral(val(r.amount.input));
          Object.assign(paths, { [p]: { ...r.period, labelKey: "field.prepayment" }, [`${p}.period`]: r.period, [`${p}.amount`]: r.amount, [`${p}.then`]: r.then });
          pre.push(item);
        }
        if (pre.length) input.prepayments = pre;
      },
      lpr(input, paths) {
        if (!lpr.input.checked) return;
        input.lprLinked = { spreadBasisPoints: val(lprSpread.input) ? cleanNumeral(val(lprSpread.input)) : "0", repricing: lprRepricing.input.value };
        if (lprTenor.input.value !== "auto") input.lprLinked.tenor = lprTenor.input.value;
        Object.assign(paths, {
          lprLinked: lpr,
          "lprLinked.spreadBasisPoints": lprSpread,
          "lprLinked.repricing": lprRepricing,
          "lprLinked.tenor": lprTenor,
          "lprLinked.keep": lpr,
          "lprLinked.from": f.startDate,
        });
      },
      rateChanges(input, paths) {
        const changes = [];
        for (const r of rateRows) {
          if (!val(r.at.input) && !val(r.rate.input)) continue;
          const p = `rateChanges[${changes.length}]`;
          const item = { rate: { per: r.rate.unit.value }, keep: r.keep.input.value };
          const byDate = r.at.unit.value === "date";
          if (val(r.at.input)) item[byDate ? "date" : "period"] = byDate ? val(r.at.input) : cleanNumeral(val(r.at.input));
          if (val(r.rate.input)) item.rate.percent = cleanNumeral(val(r.rate.input));
          Object.assign(paths, {
            [p]: { ...r.at, labelKey: "field.rcChange" },
            [`${p}.period`]: r.at,
            [`${p}.date`]: r.at,
            [`${p}.rate`]: r.rate,
            [`${p}.rate.percent`]: r.rate,
            [`${p}.rate.per`]: r.rate,
            [`${p}.keep`]: r.keep,
          });
          changes.push(item);
        }
        if (changes.length) input.rateChanges = changes;
      },
    });
  }

  const loop = recompute(form, formError, {
    read,
    call: (input) => ctx.engine.loanTerms(input),
    onResult(value, input) {
      render(res, value, input);
      // Other panels read the loan's rate: an LPR-linked loan shares its first rate.
      const rate = input.rate ?? { percent: value.lprLinked?.ratePercent, per: value.lprLinked?.per };
      ctx.share?.set("loan", { ...input, rate });
      // The loan's real cost (every fee counted), for the debts panel's flag: the line it is above, if any.
      const above = value.warnings.find((w) => w.code === "aprAbove36" || w.code === "aprAbove24");
      ctx.share?.set("loanCost", {
        nominalPercent: value.apr?.nominalPercent ?? null,
        line: above && value.apr ? lineOf(above) : "",
      });
    },
  });
  const schedule = loop.schedule;

  function updateMethodHint() {
    bind(methodHint, `terms.methodHint.${methodSelect.value}`);
  }

  methodSelect.addEventListener("change", updateMethodHint);
  updateMethodHint();

  onLangChange(() => {
    if (loop.last) render(res, loop.last.value, loop.last.input);
    loop.refreshError();
  });

  // Saved / shared state (www/state.js): the fields and rows of TERMS (panels/fields.js), in its order.
  const fields = declaredState(fieldsOf(STATE), {
    principal: f.principal.input, received: f.received.input, rate: f.rate.input, ratePer: perSelect, periods: f.periods.input, method: methodSelect,
    startDate: f.startDate.input, dayBasis: daySelect, lpr: lpr.input, lprSpread: lprSpread.input, lprRepricing: lprRepricing.input, lprTenor: lprTenor.input,
  });
  const lists = declaredControls(listsOf(STATE), {
    fees: { rows: feeRows, add: addFeeRow, list: feeList, controls: (r) => ({ label: r.label.input, amount: r.amount.input, unit: r.amount.unit, when: r.when.input }) },
    prepayments: { rows: prepayRows, add: addPrepayRow, list: prepayList, controls: (r) => ({ period: r.period.input, amount: r.amount.input, then: r.then.input }) },
    rateChanges: { rows: rateRows, add: addRateRow, list: rateList, controls: (r) => ({ when: r.at.unit, at: r.at.input, rate: r.rate.input, ratePer: r.rate.unit, keep: r.keep.input }) },
  });
  const rowControls = (name, row) => Object.entries(declaredControls(STATE[name].fields, lists[name].controls(row)));
  const rowsOf = (name) => lists[name].rows.map((r) => Object.fromEntries(rowControls(name, r).map(([k, el]) => [k, readControl(el)])));
  function setRows(name, items) {
    const { rows, add, list } = lists[name];
    for (const r of rows.splice(0)) r.el.remove();
    for (const item of items ?? []) {
      const row = add(false);
      for (const [k, el] of rowControls(name, row)) {
        writeControl(el, item[k]);
        if (k === "when") row.syncWhen?.();
      }
    }
    if (rows.length) list.closest("details").open = true;
  }
  ctx.state?.register("terms", {
    get() {
      const values = fields.get();
      return Object.fromEntries(Object.keys(STATE).map((k) => [k, Object.hasOwn(lists, k) ? rowsOf(k) : values[k]]));
    },
    set(s) {
      fields.set(s);
      if (Object.keys(lists).some((k) => s[k])) {
        for (const k of Object.keys(lists)) setRows(k, s[k]);
        relabelRows();
      }
      syncLpr();
      if (lpr.input.checked) lprBox.closest("details").open = true;
      updateMethodHint();
      loop.compute();
    },
  });

  loop.compute();
  return { recompute: loop.compute };
}
