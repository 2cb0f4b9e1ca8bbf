// The loan-terms panel (看清真实成本): mount(root, ctx) builds the form and
// the result, and recomputes ~150 ms after each change. The engine does all
// maths; values typed by the person go to it as decimal strings.
//
// ctx: { engine, share } where engine is ../engine.js and share is the page's
// small store: this panel publishes the last valid loan as share.set("loan", input).
//
// An invalid field shows its translated message beside it (aria-invalid,
// aria-describedby); every other input and the last good result stay.

import { h, id, clear } from "../dom.js";
import { t, bind, onLangChange } from "../i18n.js";
import { cleanNumber } from "../format.js";
import { skeleton, render } from "./terms-result.js";

const METHODS = ["annuity", "equalPrincipal", "interestOnly", "bullet", "flat"];
const DEBOUNCE_MS = 150;

function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function options(keyPrefix, values) {
  return values.map((v) => h("option", { value: v, t: `${keyPrefix}.${v}` }));
}

/** A labelled control with a hint and a (normally empty) error line beside it. */
function field(name, labelKey, control, hintKey = null, extra = null) {
  const hintId = hintKey ? id(`hint-${name}`) : null;
  const errId = id(`err-${name}`);
  control.id ||= id(`in-${name}`);
  if (hintId) control.setAttribute("aria-describedby", hintId);
  const error = h("p", { class: "field-error", id: errId, hidden: true });
  const wrap = h(
    "div",
    { class: `field field-${name}` },
    h("label", { for: control.id, t: labelKey }),
    extra ? h("div", { class: "field-row" }, control, extra) : control,
    hintKey ? h("p", { class: "hint", id: hintId, t: hintKey }) : null,
    error,
  );
  return { wrap, input: control, error, hintId, labelKey: `field.${name}` };
}

function textInput(props = {}) {
  return h("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", ...props });
}

export function mount(root, ctx) {
  const engine = ctx.engine;
  const f = {};
  f.principal = field("principal", "terms.principal", textInput({ value: "10000" }), "terms.principalHint");
  f.received = field("received", "terms.received", textInput(), "terms.receivedHint");
  const perSelect = h("select", { class: "unit", t: ["terms.ratePer", {}, "aria-label"] }, options("terms.per", ["year", "month", "day"]));
  f.rate = field("rate", "terms.rate", textInput({ value: "12" }), "terms.rateHint", perSelect);
  f.ratePer = { input: perSelect, error: f.rate.error, labelKey: "field.ratePer" };
  f.periods = field("periods", "terms.periods", h("input", { type: "text", inputmode: "numeric", autocomplete: "off", value: "12" }), "terms.periodsHint");
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
  const feeList = h("div", { class: "rows" });
  const prepayList = h("div", { class: "rows" });
  const addFee = h("button", { type: "button", class: "add", t: "terms.addFee" });
  const addPrepay = h("button", { type: "button", class: "add", t: "terms.addPrepayment" });
  const formError = h("p", { class: "form-error", role: "status" });

  const form = h(
    "form",
    { class: "terms-form", novalidate: true, on: { submit: (e) => e.preventDefault() } },
    f.principal.wrap,
    f.received.wrap,
    f.rate.wrap,
    f.periods.wrap,
    f.method.wrap,
    f.startDate.wrap,
    h("details", { class: "more" }, h("summary", { t: "terms.fees" }), h("p", { class: "hint", t: "terms.feesHint" }), feeList, addFee),
    h("details", { class: "more" }, h("summary", { t: "terms.prepayments" }), h("p", { class: "hint", t: "terms.prepaymentsHint" }), prepayList, addPrepay),
    h("details", { class: "more" }, h("summary", { t: "terms.advanced" }), f.dayBasis.wrap),
    formError,
  );

  const res = skeleton();
  form.append(res.mini);
  const resultHeadingId = id("result-heading");
  const result = h(
    "section",
    { class: "terms-result", "aria-labelledby": resultHeadingId },
    h("h3", { class: "visually-hidden", id: resultHeadingId, t: "result.heading" }),
    res.el,
  );

  clear(root).append(
    h("h2", { t: "terms.heading" }),
    h("p", { class: "lead", t: "terms.lead" }),
    h("div", { class: "terms-layout" }, form, result),
  );

  function relabelRows() {
    feeRows.forEach((r, i) => {
      bind(r.legend, "terms.feeRow", { n: i + 1 });
      bind(r.remove, "terms.removeFee", { n: i + 1 }, "aria-label");
    });
    prepayRows.forEach((r, i) => {
      bind(r.legend, "terms.prepaymentRow", { n: i + 1 });
      bind(r.remove, "terms.removePrepayment", { n: i + 1 }, "aria-label");
    });
  }

  function makeRow(list, rows, parts, addButton) {
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
    parts[0].input.focus();
    schedule();
  }

  addFee.addEventListener("click", () => {
    const label = field("feeLabel", "terms.feeLabel", h("input", { type: "text", maxlength: "60", autocomplete: "off", t: ["terms.feeLabelPlaceholder", {}, "placeholder"] }));
    const unit = h("select", { class: "unit", t: ["terms.feeUnit", {}, "aria-label"] }, options("terms.feeUnit", ["amount", "percent"]));
    const amount = field("feeAmount", "terms.feeAmount", textInput(), null, unit);
    const when = field("feeWhen", "terms.feeWhen", h("select", {}, options("terms.feeWhen", ["upfront", "eachPeriod", "atEnd"])));
    makeRow(feeList, feeRows, [{ key: "label", ...label }, { key: "amount", ...amount, unit }, { key: "when", ...when }], addFee);
  });
  addPrepay.addEventListener("click", () => {
    const period = field("prepayPeriod", "terms.prepayPeriod", h("input", { type: "text", inputmode: "numeric", autocomplete: "off" }));
    const amount = field("prepayAmount", "terms.prepayAmount", textInput());
    const then = field("prepayThen", "terms.prepayThen", h("select", {}, options("terms.prepayThen", ["shortenTerm", "lowerPayment"])));
    makeRow(prepayList, prepayRows, [{ key: "period", ...period }, { key: "amount", ...amount }, { key: "then", ...then }], addPrepay);
  });

  const val = (el) => el.value.trim();

  /** Reads the form into a loanTerms input; `paths` maps engine field paths to fields. */
  function read() {
    const input = {};
    const paths = { principal: f.principal, received: f.received, "rate.percent": f.rate, rate: f.rate, "rate.per": f.ratePer, periods: f.periods, method: f.method, startDate: f.startDate, dayBasis: f.dayBasis };
    if (val(f.principal.input)) input.principal = cleanNumber(val(f.principal.input));
    if (val(f.received.input)) input.received = cleanNumber(val(f.received.input));
    input.rate = { per: perSelect.value };
    if (val(f.rate.input)) input.rate.percent = cleanNumber(val(f.rate.input));
    if (val(f.periods.input)) input.periods = cleanNumber(val(f.periods.input));
    input.method = methodSelect.value;
    if (val(f.startDate.input)) input.startDate = val(f.startDate.input);
    input.dayBasis = daySelect.value; // the engine reads whole numbers from numeral text too
    const fees = [];
    for (const r of feeRows) {
      if (!val(r.label.input) && !val(r.amount.input)) continue;
      const p = `fees[${fees.length}]`;
      const fee = { label: val(r.label.input), when: r.when.input.value };
      if (val(r.amount.input)) fee[r.amount.unit.value === "percent" ? "percentOfPrincipal" : "amount"] = cleanNumber(val(r.amount.input));
      Object.assign(paths, { [p]: r.amount, [`${p}.label`]: r.label, [`${p}.amount`]: r.amount, [`${p}.percentOfPrincipal`]: r.amount, [`${p}.when`]: r.when });
      fees.push(fee);
    }
    if (fees.length) input.fees = fees;
    const pre = [];
    for (const r of prepayRows) {
      if (!val(r.period.input) && !val(r.amount.input)) continue;
      const p = `prepayments[${pre.length}]`;
      const item = { then: r.then.input.value };
      if (val(r.period.input)) item.period = cleanNumber(val(r.period.input));
      if (val(r.amount.input)) item.amount = cleanNumber(val(r.amount.input));
      Object.assign(paths, { [p]: { ...r.period, labelKey: "field.prepayment" }, [`${p}.period`]: r.period, [`${p}.amount`]: r.amount, [`${p}.then`]: r.then });
      pre.push(item);
    }
    if (pre.length) input.prepayments = pre;
    return { input, paths };
  }

  let shown = null; // { field, error } currently displayed beside a field
  let last = null; // { value, input } of the last good result

  function clearError() {
    if (shown?.field) {
      const { input, error, hintId } = shown.field;
      input.removeAttribute("aria-invalid");
      if (hintId) input.setAttribute("aria-describedby", hintId);
      else input.removeAttribute("aria-describedby");
      if (input === methodSelect) input.setAttribute("aria-describedby", methodHint.id);
      error.hidden = true;
      error.textContent = "";
    }
    formError.textContent = "";
    shown = null;
  }

  function errorText(err, fld) {
    const label = t(fld?.labelKey ?? "field.form");
    const fieldKey = fld?.labelKey?.slice("field.".length);
    const specific = fieldKey ? `err.${err.code}.${fieldKey}` : null;
    const specificText = specific ? t(specific, { field: label }) : specific;
    if (specific && specificText !== specific) return specificText;
    const text = t(`err.${err.code}`, { field: label });
    return text === `err.${err.code}` ? t("err.unknown") : text;
  }

  function showError(err, paths) {
    const fld = err.field ? paths[err.field] ?? paths[err.field.replace(/\.[^.]*$/, "")] : null;
    const text = errorText(err, fld);
    if (fld) {
      fld.input.setAttribute("aria-invalid", "true");
      fld.input.setAttribute("aria-describedby", [fld.input.getAttribute("aria-describedby"), fld.error.id].filter(Boolean).join(" "));
      fld.error.textContent = text;
      fld.error.hidden = false;
      const details = fld.input.closest("details");
      if (details) details.open = true;
    } else {
      formError.textContent = text;
    }
    if (last) formError.textContent = [formError.textContent, t("err.staleResult")].filter(Boolean).join(" ");
    shown = { field: fld, error: err, paths };
  }

  function compute() {
    const { input, paths } = read();
    const r = engine.loanTerms(input);
    clearError();
    if (!r.ok) {
      showError(r.error, paths);
      return;
    }
    last = { value: r.value, input };
    render(res, r.value, input);
    ctx.share?.set("loan", input);
  }

  let timer = 0;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(compute, DEBOUNCE_MS);
  }

  function updateMethodHint() {
    bind(methodHint, `terms.methodHint.${methodSelect.value}`);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  methodSelect.addEventListener("change", updateMethodHint);
  updateMethodHint();

  onLangChange(() => {
    if (last) render(res, last.value, last.input);
    if (shown) {
      const { error, paths } = shown;
      clearError();
      showError(error, paths);
    }
  });

  compute();
  return { recompute: compute };
}
