// Form helpers shared by the plans, debts and letter panels, in the pattern of
// panels/terms.js: a labelled control with a hint and an error line beside it,
// and an error display that maps the engine's field path to that control
// (aria-invalid + aria-describedby), leaving the other inputs and the last
// good result as they are.

import { h, id } from "../dom.js";
import { t } from "../i18n.js";
import { cleanNumber } from "../format.js";

export const DEBOUNCE_MS = 150;

export function options(keyPrefix, values) {
  return values.map((v) => h("option", { value: v, t: `${keyPrefix}.${v}` }));
}

/** A labelled control with a hint and a (normally empty) error line beside it. */
export function field(name, labelKey, control, hintKey = null, extra = null) {
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

export function textInput(props = {}) {
  return h("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", ...props });
}

export function intInput(props = {}) {
  return h("input", { type: "text", inputmode: "numeric", autocomplete: "off", spellcheck: "false", ...props });
}

export const val = (el) => el.value.trim();
/** A typed amount as a decimal string for the engine (never a float). */
export const moneyOf = (el) => cleanNumber(val(el));
/** Integers go as numbers; anything else as typed, so the engine names the problem. */
export const intOrText = (s) => (/^\d{1,6}$/.test(s) ? Number(s) : s);

/** The translated message for an engine error on a field (err.<code>.<field> first). */
export function errorText(err, fld) {
  const label = t(fld?.labelKey ?? "field.form");
  const fieldKey = fld?.labelKey?.slice("field.".length);
  const specific = fieldKey ? `err.${err.code}.${fieldKey}` : null;
  if (specific) {
    const s = t(specific, { field: label });
    if (s !== specific) return s;
  }
  const text = t(`err.${err.code}`, { field: label });
  return text === `err.${err.code}` ? t("err.unknown") : text;
}

/**
 * Error display for one form. show(err, paths, hasResult) puts the message
 * beside the field named by err.field (or in formError), clear() removes it,
 * refresh() re-translates it after a language change.
 */
export function errorDisplay(formError) {
  let shown = null;
  function clear() {
    if (shown?.field) {
      const { input, error, hintId } = shown.field;
      input.removeAttribute("aria-invalid");
      if (hintId) input.setAttribute("aria-describedby", hintId);
      else input.removeAttribute("aria-describedby");
      error.hidden = true;
      error.textContent = "";
    }
    formError.textContent = "";
    shown = null;
  }
  function show(err, paths, stale) {
    const fld = err.field ? paths[err.field] ?? paths[err.field.replace(/\.[^.]*$/, "")] ?? null : null;
    const text = errorText(err, fld);
    if (fld) {
      fld.input.setAttribute("aria-invalid", "true");
      fld.input.setAttribute("aria-describedby", [fld.hintId, fld.error.id].filter(Boolean).join(" "));
      fld.error.textContent = text;
      fld.error.hidden = false;
      const details = fld.input.closest("details");
      if (details) details.open = true;
    } else {
      formError.textContent = text;
    }
    if (stale) formError.textContent = [formError.textContent, t("err.staleResult")].filter(Boolean).join(" ");
    shown = { field: fld, err, paths, stale };
  }
  function refresh() {
    if (!shown) return;
    const { err, paths, stale } = shown;
    clear();
    show(err, paths, stale);
  }
  return { show, clear, refresh };
}
