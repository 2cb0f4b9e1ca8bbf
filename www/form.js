// Form building blocks shared by every panel: a labelled control with a hint
// and an error line beside it, the translated message for an engine error
// shown beside the field its `field` path names (aria-invalid +
// aria-describedby), and the debounced recompute that keeps the last good
// result on screen while the person corrects a field.

import { h, id, clear } from "./dom.js";
import { t, scoped, lang, onLangChange } from "./i18n.js";
import { cleanNumeral, hasMultiplier, grouped, date } from "./format.js";

export const DEBOUNCE_MS = 150;

export function options(keyPrefix, values) {
  return values.map((v) => h("option", { value: v, t: `${keyPrefix}.${v}` }));
}

/**
 * A labelled control with a hint and a (normally empty) error line beside it.
 * opts.fieldKey names the field in error messages (field.<fieldKey>, default
 * name); opts.prefix goes before the class ("<prefix>field-<name>") and ids.
 */
export function field(name, labelKey, control, hintKey = null, extra = null, { fieldKey = name, prefix = "" } = {}) {
  const hintId = hintKey ? id(`hint-${prefix}${name}`) : null;
  control.id ||= id(`in-${prefix}${name}`);
  if (hintId) control.setAttribute("aria-describedby", hintId);
  const error = h("p", { class: "field-error", id: id(`err-${prefix}${name}`), hidden: true });
  const preview = isAmount(control) ? numeralPreview(control) : null;
  const wrap = h(
    "div",
    { class: `field ${prefix}field-${name}` },
    h("label", { for: control.id, t: labelKey }),
    extra ? h("div", { class: "field-row" }, control, extra) : control,
    preview,
    hintKey ? h("p", { class: "hint", id: hintId, t: hintKey }) : null,
    error,
  );
  return { wrap, input: control, error, hintId, labelKey: `field.${fieldKey}` };
}

/** An amount field (textInput without a rate or count kind): it reads 万 and 千 (format.js cleanNumeral). */
const isAmount = (el) => el.tagName === "INPUT" && el.getAttribute("inputmode") === "decimal" && !el.dataset.kind;

/**
 * The number an amount written with 万 / 千 is read as, beside the field
 * ("1.5万" → "= 15,000"): shown only for such an amount, so the person sees
 * the figure the engine is given. Updated as they type and when the form is
 * recomputed (a restored value).
 */
function numeralPreview(control) {
  const p = h("p", { class: "numeral-preview", "data-testid": "numeral-preview", hidden: true });
  p.update = () => {
    const typed = val(control);
    const read = hasMultiplier(typed) ? cleanNumeral(typed) : "";
    const ok = /^-?\d+(\.\d+)?$/.test(read);
    p.hidden = !ok;
    p.textContent = ok ? `= ${grouped(read)}` : "";
  };
  control.addEventListener("input", () => p.update());
  return p;
}

/** A checkbox with its label beside it, a hint and an error line (same options as field). */
export function checkField(name, labelKey, hintKey = null, { fieldKey = name, prefix = "" } = {}) {
  const input = h("input", { type: "checkbox", id: id(`in-${prefix}${name}`) });
  const hintId = hintKey ? id(`hint-${prefix}${name}`) : null;
  if (hintId) input.setAttribute("aria-describedby", hintId);
  const error = h("p", { class: "field-error", id: id(`err-${prefix}${name}`), hidden: true });
  const wrap = h(
    "div",
    { class: `field field-check ${prefix}field-${name}` },
    h("div", { class: "check-row" }, input, h("label", { for: input.id, t: labelKey })),
    hintKey ? h("p", { class: "hint", id: hintId, t: hintKey }) : null,
    error,
  );
  return { wrap, input, error, hintId, labelKey: `field.${fieldKey}` };
}

/** A select that shares the error line of the field it sits beside (a rate's unit). */
export function unitOf(fld, select, fieldKey) {
  return { input: select, error: fld.error, labelKey: `field.${fieldKey}` };
}

export function textInput(props = {}) {
  return h("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", ...props });
}

/** A count (periods, days, months): its errors read err.<code>.kind.count when no field-specific message exists. */
export function intInput(props = {}) {
  return h("input", { type: "text", inputmode: "numeric", autocomplete: "off", spellcheck: "false", "data-kind": "count", ...props });
}

/** A rate in percent: its errors read err.<code>.kind.rate when no field-specific message exists. */
export function rateInput(props = {}) {
  return textInput({ "data-kind": "rate", ...props });
}

export const val = (el) => el.value.trim();
/** A typed amount as a decimal string for the engine (never a float). */
export const moneyOf = (el) => cleanNumeral(val(el));
/** A control's value as a string for the saved or shared state (a checkbox is "1" or "0"). */
export function readControl(el) {
  return el.type === "checkbox" ? (el.checked ? "1" : "0") : el.value;
}

/**
 * Writes a state string into a control; a select keeps its value when s is
 * not one of its options. Returns true when the control changed.
 */
export function writeControl(el, s) {
  if (typeof s !== "string") return false;
  if (el.type === "checkbox") {
    const on = s === "1";
    if (el.checked === on) return false;
    el.checked = on;
    return true;
  }
  if (el.tagName === "SELECT" && ![...el.options].some((o) => o.value === s)) return false;
  if (el.value === s) return false;
  el.value = s;
  return true;
}

/**
 * get/set over a map name → control, for a panel's ctx.state registration.
 * set(state, onChanged) writes the names state has and calls onChanged(el)
 * for each control it changed.
 */
export function controlsState(controls) {
  return {
    get: () => Object.fromEntries(Object.entries(controls).map(([k, el]) => [k, readControl(el)])),
    set(state, onChanged = null) {
      for (const [k, el] of Object.entries(controls)) if (Object.hasOwn(state, k) && writeControl(el, state[k])) onChanged?.(el);
    },
  };
}

const isList = (kind) => Array.isArray(kind.fields);
/** The single fields of a state declaration (panels/fields.js), in order. */
export const fieldsOf = (decl) => Object.keys(decl).filter((k) => !isList(decl[k]));
/** The lists of a state declaration, in order. */
export const listsOf = (decl) => Object.keys(decl).filter((k) => isList(decl[k]));
/** controls (or values) in the order of names; throws unless it has exactly those names. */
export function declaredControls(names, controls) {
  if (Object.keys(controls).length !== names.length || names.some((k) => !Object.hasOwn(controls, k))) throw new Error(`state fields ${names} ≠ ${Object.keys(controls)}`);
  return Object.fromEntries(names.map((k) => [k, controls[k]]));
}
export const declaredState = (names, controls) => controlsState(declaredControls(names, controls));

/** How a declared field's control gives its engine value (panels/fields.js); undefined: left out. */
const READ = {
  number: (el) => (val(el) ? moneyOf(el) : undefined),
  date: (el) => val(el) || undefined,
  choice: (el) => el.value,
  checked: (el) => el.checked,
  whenChecked: (el) => el.checked || undefined,
};

/**
 * A panel's engine input from its declaration (panels/fields.js), field by
 * field in declared order: a field with an engine path gets its control's value
 * there (fields: name → field(), as field() returns it); an own field or a list
 * calls own[name](input, paths), the panel's code for it, if it has one (one
 * may read several own fields). input is what the engine input starts with.
 * Returns { input, paths }: paths maps each engine path (and the object it
 * sits in, to its first field) to its field, for the error display.
 */
export function readInput(decl, fields, own = {}, input = {}) {
  const isOwn = (kind) => kind && (isList(kind) || kind.read === "own");
  for (const k of Object.keys(own)) if (!isOwn(decl[k])) throw new Error(`${k} is not declared as read by the panel`);
  const paths = {};
  for (const [name, kind] of Object.entries(decl)) {
    if (isOwn(kind)) own[name]?.(input, paths);
    if (!READ[kind.read]) continue;
    const fld = fields[name];
    if (!fld) throw new Error(`no field for ${name}`);
    const [path] = kind.to;
    const steps = path.split(".");
    for (let i = 1; i < steps.length; i++) paths[steps.slice(0, i).join(".")] ??= fld; // "payment" of "payment.amount"
    paths[path] = fld;
    const value = READ[kind.read](fld.input);
    if (value !== undefined) setAt(input, steps, value);
  }
  return { input, paths };
}

function setAt(obj, steps, value) {
  for (const step of steps.slice(0, -1)) obj = obj[step] ??= {};
  obj[steps.at(-1)] = value;
}

/** A <form> that never submits (everything recomputes as it is typed). */
export function form(cls, ...children) {
  return h("form", { class: cls, novalidate: true, on: { submit: (e) => e.preventDefault() } }, ...children);
}

/** Fills a panel's container: its heading, its lead sentence and its body. */
export function panel(root, headingKey, leadKey, ...body) {
  clear(root).append(h("h2", { t: headingKey }), h("p", { class: "lead", t: leadKey }), ...body);
}

/**
 * The translated message for an engine error on a field: err.<code>.<fieldKey>
 * first, then err.<code>.kind.<kind> for a rate or count field (its control's
 * data-kind), then err.<code>.
 */
export function errorText(err, fld) {
  const label = t(fld?.labelKey ?? "field.form");
  const fieldKey = fld?.labelKey?.slice("field.".length);
  const kind = fld?.input?.dataset?.kind;
  for (const key of [fieldKey && `err.${err.code}.${fieldKey}`, kind && `err.${err.code}.kind.${kind}`]) {
    if (!key) continue;
    const s = t(key, { field: label });
    if (s !== key) return sentence(s);
  }
  const text = t(`err.${err.code}`, { field: label });
  return text === `err.${err.code}` ? t("err.unknown") : sentence(text);
}

/** A message as a sentence: its first letter upper case ("the days overdue must…" → "The days…"); Chinese is unchanged. */
export function sentence(text) {
  return text ? text.charAt(0).toLocaleUpperCase(lang()) + text.slice(1) : text;
}

/**
 * Error display for one form. show(errs, paths, stale) puts each error's
 * message beside the visible field that paths maps its field to (one message
 * per field: the first), those naming no visible field in formError, and
 * after them, when stale, the note that the result shown is the last valid
 * one; clear() removes them and restores each field's own aria-describedby;
 * refresh() re-translates them after a language change.
 */
export function errorDisplay(formError) {
  let shown = null; // { marked: [{ field, describedBy }], errs, paths, stale }
  function clearError() {
    for (const { field: fld, describedBy } of shown?.marked ?? []) {
      const { input, error } = fld;
      input.removeAttribute("aria-invalid");
      if (describedBy) input.setAttribute("aria-describedby", describedBy);
      else input.removeAttribute("aria-describedby");
      error.hidden = true;
      error.textContent = "";
    }
    formError.textContent = "";
    shown = null;
  }
  const fieldFor = (err, paths) => {
    const fld = err.field ? paths[err.field] ?? paths[err.field.replace(/\.[^.]*$/, "")] ?? null : null;
    return fld?.wrap?.hidden ? null : fld;
  };
  function show(errs, paths, stale) {
    errs = Array.isArray(errs) ? errs : [errs];
    const marked = [];
    const loose = [];
    for (const err of errs) {
      const fld = fieldFor(err, paths);
      if (!fld) {
        loose.push(errorText(err, null));
        continue;
      }
      if (marked.some((m) => m.field.error === fld.error)) continue; // one message per field
      const describedBy = fld.input.getAttribute("aria-describedby") ?? null;
      fld.input.setAttribute("aria-invalid", "true");
      fld.input.setAttribute("aria-describedby", [describedBy, fld.error.id].filter(Boolean).join(" "));
      fld.error.textContent = errorText(err, fld);
      fld.error.hidden = false;
      const details = fld.input.closest("details");
      if (details) details.open = true;
      marked.push({ field: fld, describedBy });
    }
    formError.textContent = [...new Set(loose), stale ? t("err.staleResult") : ""].filter(Boolean).join(" ");
    shown = { marked, errs, paths, stale };
  }
  function refresh() {
    if (!shown) return;
    const { errs, paths, stale } = shown;
    clearError();
    show(errs, paths, stale);
  }
  return { show, clear: clearError, refresh };
}

/** A decimal numeral whose value is zero ("0", "0.00", "-0"): text only, no arithmetic. */
const ZERO = /^-?0*(\.0*)?$/;

/**
 * Values the engine accepts but that are most likely a slip, each said beside
 * its field in its own words (sanity.<code>), the figures still shown:
 * a monthly budget of 0 (sanity.zeroBudget), an amount received above the
 * contract amount (the engine's receivedAbovePrincipal warning, beside the
 * amount received), more instalments paid than had fallen due by the case's
 * date (the engine's paidBeyondDue note, beside the count paid, with the
 * engine's dueByAsOf). Returns [{ code, field, params? }] for the input and
 * its result; params fill the message.
 */
export function sanityWarnings(input, value) {
  const out = [];
  if (typeof input?.monthlyBudget === "string" && ZERO.test(input.monthlyBudget)) out.push({ code: "zeroBudget", field: "monthlyBudget" });
  if (value?.warnings?.some?.((w) => w.code === "receivedAbovePrincipal")) out.push({ code: "receivedAbove", field: "received" });
  if (value?.basis?.some?.((w) => w.code === "paidBeyondDue")) {
    out.push({ code: "paidBeyondDue", field: "paid", params: { asOf: date(value.asOf), due: value.dueByAsOf, paid: value.paid } });
  }
  return out;
}

let checks = null;
/** checks.js (what is needed once something is wrong), fetched once. */
const loadChecks = () => (checks ??= import("./checks.js"));

const FOCUSABLE = 'a[href],button,input,select,textarea,summary,[tabindex]:not([tabindex="-1"])';

/**
 * Runs render(), which may replace or move parts of the panel's result. If the
 * element that had the focus lost it (a keyboard user sitting on a result
 * button while the figures update), the focus goes back to it, or, when it
 * was replaced, to the element now in its place (the same position among the
 * panel's focusable elements), instead of falling to <body>.
 */
function keepFocus(formEl, render) {
  const panel = formEl.closest('[id^="panel-"]') ?? formEl.parentElement ?? document.body;
  const before = document.activeElement;
  if (!before || !panel.contains(before)) {
    render();
    return;
  }
  const index = [...panel.querySelectorAll(FOCUSABLE)].indexOf(before);
  const path = pathWithin(panel, before);
  render();
  if (document.activeElement === before) return;
  // Moved elements lose the focus too: give it back to the same element, or
  // to the element now at the same place in the panel's structure, or at the
  // same position among its focusable elements.
  let target = before.isConnected ? before : panel.querySelector(path);
  if (!target?.matches(FOCUSABLE)) {
    const now = panel.querySelectorAll(FOCUSABLE);
    target = now[Math.min(index, now.length - 1)];
  }
  target?.focus({ preventScroll: true });
}

/** A selector that finds the element at the same place under root: tag:nth-of-type steps. */
function pathWithin(root, el) {
  const steps = [];
  for (let n = el; n && n !== root; n = n.parentElement) {
    let k = 1;
    for (let s = n.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === n.tagName) k++;
    steps.unshift(`${n.tagName.toLowerCase()}:nth-of-type(${k})`);
  }
  return `:scope > ${steps.join(" > ")}`;
}

/** The first visible date field of formEl holding text the browser rejected (validity.badInput), or null. */
function rejectedDate(formEl) {
  for (const el of formEl.querySelectorAll('input[type="date"]')) {
    if (el.validity?.badInput && !el.closest("[hidden]")) return el;
  }
  return null;
}

/**
 * The recompute loop of a panel. compute() reads the form (read() →
 * { input, paths }), asks the engine (call(input) → { ok, value | error }) and
 * hands a good value to onResult(value, input); an error goes beside its
 * field, and so does every other invalid field's (allErrors), and the last
 * good result stays, dimmed and labelled as the last valid figures (markStale)
 * until the input is valid again. A date field whose
 * text the browser rejected is an invalidDate error beside it, before any call. When incomplete(input)
 * is true nothing is called (the panel shows its prompt). Every input or
 * change in the form recomputes DEBOUNCE_MS later, and so does a language change while marks or
 * warnings are on screen (they are said again in the new language); schedule() does the same.
 */
export function recompute(formEl, formError, { read, call, onResult, incomplete = null }) {
  const errors = errorDisplay(formError);
  let last = null; // { value, input } of the last good result
  let run = 0; // which compute a later step belongs to
  let marked = false; // stale marks or warnings are on screen
  /** Runs fn(checks.js) once it is here, if no later compute has started meanwhile. */
  const withChecks = (fn) => {
    const mine = run;
    marked = true;
    loadChecks().then(
      scoped((c) => mine === run && fn(c)),
      (e) => console.error("the form checks did not load", e),
    );
  };
  function compute() {
    run++;
    const { input, paths } = read();
    errors.clear();
    for (const p of formEl.querySelectorAll(".numeral-preview")) p.update?.();
    // A date the browser could not take (02/30/2026) leaves the text on
    // screen and an empty value: say so beside it, and compute nothing rather
    // than go on without that date.
    const bad = rejectedDate(formEl);
    if (bad) {
      const known = Object.entries(paths).find(([, fld]) => fld?.input === bad);
      const err = { code: "invalidDate", field: known?.[0] ?? null };
      const stale = last !== null;
      errors.show(err, paths, stale);
      withChecks((c) => {
        errors.show([err, ...c.numeralErrors(paths)], paths, stale);
        c.markStale(formEl, stale);
      });
      return;
    }
    if (incomplete?.(input)) {
      // Nothing to compute yet; what the input alone shows (a budget of 0) is still said.
      const early = sanityWarnings(input, null);
      if (marked || early.length) {
        withChecks((c) => {
          c.showWarnings(formEl, early, paths);
          marked = early.length > 0;
        });
      }
      return;
    }
    const r = call(input);
    if (!r.ok) {
      // The engine's error at once; every other invalid field's, and the marks, a moment later.
      const stale = last !== null;
      errors.show(r.error, paths, stale);
      withChecks((c) => {
        errors.show(c.allErrors(r.error, input, paths, call), paths, stale);
        c.markStale(formEl, stale);
      });
      return;
    }
    last = { value: r.value, input };
    const warnings = sanityWarnings(input, r.value);
    if (marked || warnings.length) {
      withChecks((c) => {
        c.markStale(formEl, false);
        c.showWarnings(formEl, warnings, paths);
        marked = warnings.length > 0;
      });
    }
    keepFocus(formEl, () => onResult(r.value, input));
  }
  let timer = 0;
  // Runs later in the language scope of the panel (i18n.js: each <repay-calculator> has its own).
  const computeLater = scoped(compute);
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(computeLater, DEBOUNCE_MS);
  }
  formEl.addEventListener("input", schedule);
  formEl.addEventListener("change", schedule);
  // Marks and warnings on screen are said again in the new language (their messages and the
  // dates in them are made at compute time).
  onLangChange(() => {
    if (marked) schedule();
  });
  // A date field whose text becomes impossible may fire no input event (its
  // value was already empty): look again when it loses the focus.
  formEl.addEventListener("focusout", (e) => {
    if (e.target?.type === "date") schedule();
  });
  return {
    compute,
    schedule,
    refreshError: errors.refresh,
    get last() {
      return last;
    },
  };
}
