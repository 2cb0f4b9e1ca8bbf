// SVG charts drawn with DOM APIs and no library, for every panel. Amounts stay
// exact end to end: they are scaled as integer cents (BigInt) to pixel
// positions in hundredths of a pixel (BigInt too) and written into the SVG as
// strings ("12.34"); no amount ever becomes a float. Each chart is a <figure>
// whose SVG is role="img" and labelled by a visible text summary.

import { h, s, id } from "./dom.js";
import { t } from "./i18n.js";
import { cents, money, list } from "./format.js";

const W = 640;
const PAD = { l: 2, r: 2, t: 6, b: 2 };
const PW = W - PAD.l - PAD.r;

/**
 * value / max of length px, in hundredths of a pixel (BigInt, rounded down);
 * 0n when max is not above zero. value and max are BigInt (cents, days…).
 */
export function scale(value, max, length) {
  if (max <= 0n) return 0n;
  return (value * BigInt(length) * 100n) / max;
}

/** Hundredths of a pixel → "12.34" (exact, from BigInt). */
export function px(hundredths) {
  const neg = hundredths < 0n;
  const a = neg ? -hundredths : hundredths;
  return `${neg ? "-" : ""}${a / 100n}.${String(a % 100n).padStart(2, "0")}`;
}

/**
 * A plot area height px high. x and y (BigInt hundredths from the plot's
 * bottom-left corner) become SVG coordinates; width and height are in
 * hundredths too.
 */
export function plotArea(height) {
  const ph = height - PAD.t - PAD.b;
  return {
    height,
    width100: BigInt(PW) * 100n,
    height100: BigInt(ph) * 100n,
    pw: PW,
    ph,
    x: (x) => px(BigInt(PAD.l) * 100n + x),
    y: (y) => px(BigInt(PAD.t + ph) * 100n - y),
    axis: () => s("line", { class: "chart-axis", x1: PAD.l, y1: PAD.t + ph, x2: W - PAD.r, y2: PAD.t + ph }),
  };
}

/** "M x y L x y …" through points [[x, y]] (BigInt hundredths). */
export function linePath(area, points) {
  return points.map(([x, y], i) => `${i ? "L" : "M"}${area.x(x)} ${area.y(y)}`).join(" ");
}

/** The line closed down to the axis, for a filled area under it. */
export function areaPath(area, line) {
  return `${line} L${area.x(area.width100)} ${area.y(0n)} L${area.x(0n)} ${area.y(0n)} Z`;
}

/** x of step i of n steps across the plot, in hundredths. */
export const stepX = (i, n) => scale(BigInt(i), BigInt(n), PW);

/**
 * The <figure>: title, the SVG (axis line and children), the axis labels as
 * HTML (they keep the page's text size), an optional legend and the summary
 * that labels the SVG. wrapSvg(svg) may put the SVG in a larger element.
 */
export function chartFigure({ area, title, summary, children, axis, legend = null, cls = "", testid = null, svgProps = {}, wrapSvg = (x) => x }) {
  const sumId = id("chart-summary");
  const titleId = id("chart-title");
  const svg = s(
    "svg",
    { viewBox: `0 0 ${W} ${area.height}`, role: "img", "aria-labelledby": `${titleId} ${sumId}`, class: "chart-svg", ...svgProps },
    area.axis(),
    children,
  );
  return h(
    "figure",
    { class: `chart ${cls}`.trim(), "data-testid": testid },
    h("figcaption", { class: "chart-title", id: titleId, text: title }),
    wrapSvg(svg),
    h("p", { class: "chart-axis-labels", "aria-hidden": "true" }, h("span", { text: axis[0] }), h("span", { text: axis[1] })),
    legend,
    h("p", { class: "chart-summary", id: sumId, text: summary }),
  );
}

/** A legend: [{ label, swatch }] where swatch is the swatch's class suffix. */
export function legendList(items, cls = "chart-legend") {
  return h(
    "ul",
    { class: cls },
    items.map((x) => h("li", {}, h("span", { class: `swatch swatch-${x.swatch}`, "aria-hidden": "true" }), x.label)),
  );
}

const SCHEDULE_AREA = plotArea(180);

/**
 * Dashed vertical lines where the rate changes: at the start of installment
 * `period` of n (markers: [{ period }]).
 */
export function markerLines(a, markers, n) {
  return markers.map((m) => {
    const x = a.x(stepX(Math.max(0, m.period - 1), n));
    return s("line", { class: "chart-marker", "data-period": String(m.period), x1: x, y1: a.y(a.height100), x2: x, y2: a.y(0n) });
  });
}

/** The legend entry and the summary sentence for rate-change markers ("" without markers). */
function markerNotes(markers) {
  if (!markers.length) return { legend: [], summary: "" };
  return {
    legend: [{ swatch: "marker", label: t("rc.chartMarker") }],
    // The English text starts with its own space; Chinese joins sentences without one.
    summary: t("rc.chartSummary", { list: list(markers.map((m) => String(m.period))) }),
  };
}

/** Principal owed over time, from the principal at the start to the last balance. */
export function balanceChart(rows, principal, markers = []) {
  const a = SCHEDULE_AREA;
  const n = rows.length;
  const max = cents(principal);
  const pts = [[0n, scale(max, max, a.ph)]];
  rows.forEach((r, i) => pts.push([stepX(i + 1, n), scale(cents(r.balance), max, a.ph)]));
  const line = linePath(a, pts);
  const notes = markerNotes(markers);
  return chartFigure({
    area: a,
    title: t("chart.balance"),
    summary: t("chart.balanceSummary", { start: money(principal), end: money(rows.at(-1)?.balance ?? "0"), n }) + notes.summary,
    children: [s("path", { class: "chart-area", d: areaPath(a, line) }), s("path", { class: "chart-line", d: line }), ...markerLines(a, markers, n)],
    axis: [t("chart.periodAxis", { n: 1 }), t("chart.periodAxis", { n })],
    legend: notes.legend.length ? legendList(notes.legend) : null,
  });
}

/** Stacked bars: principal (below) and interest (above) of each instalment. */
export function splitChart(rows, markers = []) {
  const a = SCHEDULE_AREA;
  const n = rows.length;
  let max = 0n;
  const data = rows.map((r) => {
    const p = cents(r.principal);
    const i = cents(r.interest);
    if (p + i > max) max = p + i;
    return [p, i];
  });
  const bw = a.width100 / BigInt(n);
  const gap = n <= 60 ? bw / 5n : 0n;
  const w = px(bw - gap);
  let dp = "";
  let di = "";
  data.forEach(([p, i], k) => {
    const x = BigInt(k) * bw + gap / 2n;
    const hp = scale(p, max, a.ph);
    const hi = scale(i, max, a.ph);
    if (hp > 0n) dp += `M${a.x(x)} ${a.y(0n)} v${px(-hp)} h${w} v${px(hp)} Z `;
    if (hi > 0n) di += `M${a.x(x)} ${a.y(hp)} v${px(-hi)} h${w} v${px(hi)} Z `;
  });
  const notes = markerNotes(markers);
  return chartFigure({
    area: a,
    title: t("chart.split"),
    summary: splitSummary(data) + notes.summary,
    children: [
      s("path", { class: "chart-principal", d: dp.trim() || "M0 0" }),
      s("path", { class: "chart-interest", d: di.trim() || "M0 0" }),
      ...markerLines(a, markers, n),
    ],
    axis: [t("chart.periodAxis", { n: 1 }), t("chart.periodAxis", { n })],
    legend: legendList([
      { swatch: "principal", label: t("chart.principal") },
      { swatch: "interest", label: t("chart.interest") },
      ...notes.legend,
    ]),
  });
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
