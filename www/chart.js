// SVG charts of a schedule, drawn with DOM APIs and no library. Amounts stay
// exact: they are scaled as integer cents (BigInt) and only the final pixel
// position becomes a JS number. Each chart is a <figure> whose SVG is
// role="img" and labelled by a visible text summary for screen readers.

import { h, s, id } from "./dom.js";
import { t } from "./i18n.js";
import { cents, money } from "./format.js";

const W = 640;
const H = 180;
const PAD = { l: 2, r: 2, t: 6, b: 2 };
const PW = W - PAD.l - PAD.r;
const PH = H - PAD.t - PAD.b;

/** Pixel offset of value within max over length px, from exact cents. */
function scale(value, max, length) {
  if (max <= 0n) return 0;
  return Number((value * BigInt(length) * 100n) / max) / 100;
}

const fx = (x) => (PAD.l + x).toFixed(2);
const fy = (y) => (PAD.t + PH - y).toFixed(2);

function frame(titleKey, summary, svgChildren, legend, n) {
  const sumId = id("chart-summary");
  const titleId = id("chart-title");
  return h(
    "figure",
    { class: "chart" },
    h("figcaption", { class: "chart-title", id: titleId, text: t(titleKey) }),
    s(
      "svg",
      { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${titleId} ${sumId}`, class: "chart-svg"},
      s("line", { class: "chart-axis", x1: PAD.l, y1: PAD.t + PH, x2: W - PAD.r, y2: PAD.t + PH }),
      svgChildren,
    ),
    axisLabels(n),
    legend,
    h("p", { class: "chart-summary", id: sumId, text: summary }),
  );
}

/** The period axis, as HTML under the SVG so that it keeps the page's text size. */
function axisLabels(n) {
  return h(
    "p",
    { class: "chart-axis-labels", "aria-hidden": "true" },
    h("span", { text: t("chart.periodAxis", { n: 1 }) }),
    h("span", { text: t("chart.periodAxis", { n }) }),
  );
}

/** Principal owed over time, from the principal at the start to the last balance. */
export function balanceChart(rows, principal) {
  const n = rows.length;
  const max = cents(principal);
  const pts = [[0, scale(max, max, PH)]];
  rows.forEach((r, i) => pts.push([((i + 1) * PW) / n, scale(cents(r.balance), max, PH)]));
  const line = pts.map(([x, y], i) => `${i ? "L" : "M"}${fx(x)} ${fy(y)}`).join(" ");
  const area = `${line} L${fx(PW)} ${fy(0)} L${fx(0)} ${fy(0)} Z`;
  const summary = t("chart.balanceSummary", { start: money(principal), end: money(rows.at(-1)?.balance ?? "0"), n });
  return frame(
    "chart.balance",
    summary,
    [s("path", { class: "chart-area", d: area }), s("path", { class: "chart-line", d: line })],
    null,
    n,
  );
}

/** Stacked bars: principal (below) and interest (above) of each instalment. */
export function splitChart(rows) {
  const n = rows.length;
  let max = 0n;
  const data = rows.map((r) => {
    const p = cents(r.principal);
    const i = cents(r.interest);
    if (p + i > max) max = p + i;
    return [p, i];
  });
  const bw = PW / n;
  const gap = n <= 60 ? bw * 0.2 : 0;
  let dp = "";
  let di = "";
  data.forEach(([p, i], k) => {
    const x = k * bw + gap / 2;
    const w = (bw - gap).toFixed(2);
    const hp = scale(p, max, PH);
    const hi = scale(i, max, PH);
    if (hp > 0) dp += `M${fx(x)} ${fy(0)} v${(-hp).toFixed(2)} h${w} v${hp.toFixed(2)} Z `;
    if (hi > 0) di += `M${fx(x)} ${fy(hp)} v${(-hi).toFixed(2)} h${w} v${hi.toFixed(2)} Z `;
  });
  const legend = h(
    "ul",
    { class: "chart-legend" },
    h("li", {}, h("span", { class: "swatch swatch-principal", "aria-hidden": "true" }), t("chart.principal")),
    h("li", {}, h("span", { class: "swatch swatch-interest", "aria-hidden": "true" }), t("chart.interest")),
  );
  return frame(
    "chart.split",
    splitSummary(data),
    [s("path", { class: "chart-principal", d: dp.trim() || "M0 0" }), s("path", { class: "chart-interest", d: di.trim() || "M0 0" })],
    legend,
    n,
  );
}

function splitSummary(data) {
  const n = data.length;
  const moreInterest = data.map(([p, i]) => i > p);
  const k = moreInterest.findIndex((x) => !x);
  if (k === -1) return t("chart.splitInterest");
  if (k === 0) return t("chart.splitPrincipal");
  if (k === n - 1 && data.slice(0, k).every(([p]) => p === 0n)) return t("chart.splitInterestLast", { k });
  return t("chart.splitCross", { k, next: k + 1 });
}
