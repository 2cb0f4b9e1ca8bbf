// What form.js's recompute loop needs only once something is wrong (fetched then, not before
// the first result): every invalid field's error beside it, the last valid figures marked as
// such, and the sanity warnings beside their fields.

import { h } from "./dom.js";
import { t } from "./i18n.js";
import { cleanNumeral } from "./format.js";

const val = (el) => el.value.trim();

/** What a control holds must look like for the engine to read it as a number (format only: no value is judged). */
const NUMERAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The visible number fields of paths whose text is not a number at all
 * ("12a", "1.2.3"), each as an invalidNumber error on its path: what the
 * engine would say of each once the fields before it are right. The form's
 * format only; ranges and sums stay the engine's.
 */
export function numeralErrors(paths) {
  const out = [];
  const seen = new Set();
  for (const [path, fld] of Object.entries(paths)) {
    const el = fld?.input;
    if (!el || seen.has(el) || el.tagName !== "INPUT" || !["decimal", "numeric"].includes(el.getAttribute("inputmode"))) continue;
    seen.add(el);
    if (fld.wrap?.hidden || el.closest("[hidden]")) continue;
    const text = val(el);
    if (text && !NUMERAL.test(cleanNumeral(text))) out.push({ code: "invalidNumber", field: path });
  }
  return out;
}

/**
 * Every error of an input the engine refused, field by field: the engine's
 * own error first; then, asking the engine again without each field it named
 * (up to the number of fields), the next one it names; and every number
 * field whose text is not a number (numeralErrors). call is the panel's.
 */
export function allErrors(first, input, paths, call) {
  const errs = [first];
  let probe = structuredClone(input);
  for (let i = 0; i < Object.keys(paths).length && errs.at(-1).field; i++) {
    if (!dropPath(probe, errs.at(-1).field)) break;
    let r;
    try {
      r = call(probe);
    } catch {
      break;
    }
    if (r.ok || !r.error?.field || errs.some((e) => e.field === r.error.field)) break;
    errs.push(r.error);
  }
  for (const e of numeralErrors(paths)) if (!errs.some((x) => x.field === e.field)) errs.push(e);
  return errs;
}

/** Removes the value at a dotted path ("overdue.principal", "fees[1].amount") from obj; true when it was there. */
function dropPath(obj, path) {
  const steps = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  let at = obj;
  for (const step of steps.slice(0, -1)) {
    at = at?.[step];
    if (at === null || typeof at !== "object") return false;
  }
  const last = steps.at(-1);
  if (!at || !Object.hasOwn(at, last)) return false;
  if (Array.isArray(at)) at.splice(Number(last), 1);
  else delete at[last];
  return true;
}

/**
 * Marks the panel's result (its result section and the compact copy at the
 * end of the form) as the last valid figures, or as current again: dimmed,
 * with a label over them, and said once by the result's live region.
 */
export function markStale(formEl, stale) {
  const panelEl = formEl.closest('[id^="panel-"], [data-panel]') ?? formEl.parentElement;
  const result = panelEl?.querySelector("section.terms-result");
  const mini = formEl.querySelector(".mini-answer");
  for (const el of [result, mini]) {
    if (!el) continue;
    el.classList.toggle("is-stale", stale);
    if (stale) el.dataset.staleLabel = t("result.stale");
    else delete el.dataset.staleLabel;
  }
  if (!result) return;
  let label = result.querySelector(":scope > .stale-label");
  if (stale && !label) {
    label = h("p", { class: "stale-label", "data-testid": "stale-label" });
    result.querySelector(":scope > h3")?.after(label) ?? result.prepend(label);
  }
  if (label) {
    label.hidden = !stale;
    label.textContent = stale ? t("result.stale") : "";
  }
  const live = result.querySelector("[aria-live]");
  if (live && stale && result.dataset.staleSaid !== "1") live.textContent = t("result.stale");
  if (stale) result.dataset.staleSaid = "1";
  else delete result.dataset.staleSaid;
}

/** Shows warnings ([{ code, field, params? }]) beside their fields of paths, and removes those of before. */
export function showWarnings(formEl, warnings, paths) {
  for (const el of formEl.querySelectorAll(".field-warning")) {
    el.hidden = true;
    el.textContent = "";
  }
  for (const w of warnings) {
    const fld = paths[w.field];
    if (!fld?.wrap || fld.wrap.hidden) continue;
    let el = fld.wrap.querySelector(":scope > .field-warning");
    if (!el) {
      el = h("p", { class: "field-warning", role: "status", "data-testid": "field-warning" });
      fld.error.before(el);
    }
    el.dataset.code = w.code;
    el.textContent = t(`sanity.${w.code}`, w.params);
    el.hidden = false;
  }
}

