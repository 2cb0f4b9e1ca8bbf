// A multi-line chart for the plans and debts panels, built on ../chart.js:
// values are exact integer cents (BigInt) and pixel positions BigInt
// hundredths. A legend names each line.

import { s } from "../dom.js";
import { t } from "../i18n.js";
import { cents } from "../format.js";
import { plotArea, scale, stepX, linePath, chartFigure, legendList } from "../chart.js";

const AREA = plotArea(200);

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
  const a = AREA;
  let max = 0n;
  for (const sr of series) {
    for (const v of [sr.start ?? 0n, ...sr.values]) if (v > max) max = v;
  }
  const paths = series.map((sr, k) => {
    const pts = [[0n, scale(sr.start ?? 0n, max, a.ph)]];
    sr.values.forEach((v, i) => pts.push([stepX(i + 1, n), scale(v, max, a.ph)]));
    const last = sr.values.length ? sr.values.at(-1) : sr.start ?? 0n;
    if (sr.values.length < n) pts.push([a.width100, hold ? scale(last, max, a.ph) : 0n]);
    return s("path", { class: `chart-series chart-series-${k % 6}`, d: linePath(a, pts) });
  });
  return chartFigure({
    area: a,
    title,
    summary,
    children: paths,
    axis: [t(axisKey, { n: 0 }), t(axisKey, { n })],
    legend: legendList(series.map((sr, k) => ({ label: sr.label, swatch: `series-${k % 6}` })), "chart-legend chart-legend-wrap"),
    testid,
  });
}
