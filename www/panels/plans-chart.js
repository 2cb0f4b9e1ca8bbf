// A multi-line SVG chart for the plans and debts panels, drawn with DOM APIs in
// the manner of ../chart.js: values are exact integer cents (BigInt) and only
// the final pixel position becomes a JS number. The SVG is role="img" and
// labelled by a visible text summary; a legend names each line.

import { h, s, id } from "../dom.js";
import { t } from "../i18n.js";
import { cents } from "../format.js";

const W = 640;
const H = 200;
const PAD = { l: 2, r: 2, t: 6, b: 2 };
const PW = W - PAD.l - PAD.r;
const PH = H - PAD.t - PAD.b;

function scale(value, max, length) {
  if (max <= 0n) return 0;
  return Number((value * BigInt(length) * 100n) / max) / 100;
}
const fx = (x) => (PAD.l + x).toFixed(2);
const fy = (y) => (PAD.t + PH - y).toFixed(2);

/** Running totals of money strings, in cents (exact, for drawing only). */
export function cumulative(amounts) {
  let sum = 0n;
  return amounts.map((a) => (sum += cents(a)));
}

/**
 * series: [{ label, values: [BigInt cents at month 1..k], start?: BigInt }]
 * drawn over months 0..n; a series shorter than n stays level afterwards
 * (hold: true) or drops to zero (hold: false).
 */
export function lineChart({ title, summary, series, n, axisKey = "plans.chart.month", hold = true, testid }) {
  let max = 0n;
  for (const sr of series) {
    for (const v of [sr.start ?? 0n, ...sr.values]) if (v > max) max = v;
  }
  const paths = series.map((sr, k) => {
    const pts = [[0, scale(sr.start ?? 0n, max, PH)]];
    sr.values.forEach((v, i) => pts.push([((i + 1) * PW) / n, scale(v, max, PH)]));
    const last = sr.values.length ? sr.values.at(-1) : sr.start ?? 0n;
    if (sr.values.length < n) pts.push([PW, hold ? scale(last, max, PH) : 0]);
    const d = pts.map(([x, y], i) => `${i ? "L" : "M"}${fx(x)} ${fy(y)}`).join(" ");
    return s("path", { class: `chart-series chart-series-${k % 6}`, d });
  });
  const sumId = id("chart-summary");
  const titleId = id("chart-title");
  return h(
    "figure",
    { class: "chart", "data-testid": testid },
    h("figcaption", { class: "chart-title", id: titleId, text: title }),
    s(
      "svg",
      { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${titleId} ${sumId}`, class: "chart-svg" },
      s("line", { class: "chart-axis", x1: PAD.l, y1: PAD.t + PH, x2: W - PAD.r, y2: PAD.t + PH }),
      paths,
    ),
    h(
      "p",
      { class: "chart-axis-labels", "aria-hidden": "true" },
      h("span", { text: t(axisKey, { n: 0 }) }),
      h("span", { text: t(axisKey, { n }) }),
    ),
    h(
      "ul",
      { class: "chart-legend chart-legend-wrap" },
      series.map((sr, k) =>
        h("li", {}, h("span", { class: `swatch swatch-series-${k % 6}`, "aria-hidden": "true" }), sr.label),
      ),
    ),
    h("p", { class: "chart-summary", id: sumId, text: summary }),
  );
}
