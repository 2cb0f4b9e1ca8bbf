// The overdue panel's chart: what is owed over time, from the engine's
// `series` ([{ day, totalOwed }]). SVG through DOM APIs, as ../chart.js does:
// amounts are scaled as exact integer cents (BigInt) and only the final
// pixel becomes a JS number. The y axis runs from what was overdue on day 0
// to the last total, labelled with both amounts, so the growth is readable
// without overstating it; the text summary says the same for screen readers.

import { h, s, id } from "../dom.js";
import { t } from "../i18n.js";
import { cents, money } from "../format.js";

const W = 640;
const H = 160;
const PAD = { l: 2, r: 2, t: 6, b: 2 };
const PW = W - PAD.l - PAD.r;
const PH = H - PAD.t - PAD.b;

function scale(value, max, length) {
  if (max <= 0n) return 0;
  return Number((value * BigInt(length) * 100n) / max) / 100;
}

/** A <figure> with the line of totalOwed by day, its amounts and a summary. */
export function owedChart(series) {
  const first = series[0];
  const last = series.at(-1);
  const lastDay = BigInt(last?.day ?? 0);
  const lo = cents(first?.totalOwed ?? "0");
  const hi = cents(last?.totalOwed ?? "0");
  const span = hi - lo;
  const pts = series.map((p) => [scale(BigInt(p.day), lastDay, PW), span > 0n ? scale(cents(p.totalOwed) - lo, span, PH) : 0]);
  const fx = (x) => (PAD.l + x).toFixed(2);
  const fy = (y) => (PAD.t + PH - y).toFixed(2);
  // One point per series entry (daily or every 30 days, as the engine chose).
  const line = pts.map(([x, y], i) => `${i ? "L" : "M"}${fx(x)} ${fy(y)}`).join(" ");
  const area = `${line} L${fx(PW)} ${fy(0)} L${fx(0)} ${fy(0)} Z`;
  const sumId = id("od-chart-summary");
  const titleId = id("od-chart-title");
  const summary = t("odr.chartSummary", { start: money(first?.totalOwed ?? "0"), end: money(last?.totalOwed ?? "0"), days: last?.day ?? 0 });
  return h(
    "figure",
    { class: "chart od-chart" },
    h("figcaption", { class: "chart-title", id: titleId, text: t("odr.chart") }),
    h(
      "div",
      { class: "od-chart-wrap" },
      h(
        "p",
        { class: "od-chart-y", "aria-hidden": "true" },
        h("span", { text: money(last?.totalOwed ?? "0") }),
        h("span", { text: money(first?.totalOwed ?? "0") }),
      ),
      s(
        "svg",
        { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${titleId} ${sumId}`, class: "chart-svg", preserveAspectRatio: "none" },
        s("line", { class: "chart-axis", x1: PAD.l, y1: PAD.t + PH, x2: W - PAD.r, y2: PAD.t + PH }),
        s("path", { class: "chart-area od-area", d: area }),
        s("path", { class: "chart-line od-line", d: line }),
      ),
    ),
    h(
      "p",
      { class: "chart-axis-labels", "aria-hidden": "true" },
      h("span", { text: t("odr.chartAxisDay", { n: 0 }) }),
      h("span", { text: t("odr.chartAxisDay", { n: last?.day ?? 0 }) }),
    ),
    h("p", { class: "chart-summary", id: sumId, text: summary }),
  );
}
