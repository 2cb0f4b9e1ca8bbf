// The parts every panel's result shares: the section with its (visually
// hidden) heading, the answer at the top in large numbers (label, value, one
// line under it), a polite live region that speaks the answer, and the
// optional copy of the answer placed at the end of the form on phones.

import { h, id } from "./dom.js";
import { t } from "./i18n.js";

/**
 * The answer block and live region. valueTestid / subTestid mark the value and
 * the line under it for tests; loadingKey is shown until the first result.
 * Returns { label, value, sub, answer, live, mini }; mini only when asked for.
 */
export function answerParts({ valueTestid, subTestid = null, loadingKey = null, mini = false }) {
  const p = {
    label: h("p", { class: "answer-label" }),
    value: h("p", { class: "answer-value", "data-testid": valueTestid }),
    sub: h("p", { class: "answer-sub", "data-testid": subTestid }),
    live: h("p", { class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" }),
    // Placed by the panel at the end of the form; a visual copy only (the live region speaks).
    mini: mini ? h("p", { class: "mini-answer", "aria-hidden": "true" }) : null,
  };
  p.answer = h("div", { class: "answer" }, p.label, p.value, p.sub);
  if (loadingKey) p.value.textContent = t(loadingKey);
  return p;
}

/** answerParts plus body: p.el is the result body (answer, body…, live region). */
export function resultBody(opts, body) {
  const p = answerParts(opts);
  Object.assign(p, body);
  p.el = h("div", { class: "result-body" }, p.answer, Object.values(body), p.live);
  return p;
}

/** The result <section>, labelled by a visually hidden heading. */
export function resultSection(cls, headingKey, ...children) {
  const headingId = id("result-heading");
  return h(
    "section",
    { class: `terms-result ${cls}`.trim(), "aria-labelledby": headingId },
    h("h3", { class: "visually-hidden", id: headingId, t: headingKey }),
    ...children,
  );
}

/** A figure this long (characters) takes a whole row of the tiles on a phone (style.css). */
const WIDE_FIGURE = 13;

/** One figure of a <dl class="figures">: label (with an optional hint) and value. */
export function figure(labelKey, value, { testid, hint = null, main = false }) {
  const cls = `figure${main ? " figure-main" : ""}${String(value).length >= WIDE_FIGURE ? " figure-wide" : ""}`;
  return h(
    "div",
    { class: cls, "data-testid": testid },
    h("dt", {}, t(labelKey), hint ? h("span", { class: "hint", text: hint }) : null),
    h("dd", { text: value }),
  );
}
