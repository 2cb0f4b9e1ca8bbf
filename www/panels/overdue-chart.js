// The overdue panel's chart: what is owed over time, from the engine's
// `series` ([{ day, totalOwed }]), built on ../chart.js (exact BigInt cents
// and BigInt hundredths of a pixel). The y axis runs from what was overdue on
// day 0 to the last total, labelled with both amounts, so the growth is
// readable without overstating it; the summary says the same for screen readers.

import { h, s } from "../dom.js";
import { t } from "../i18n.js";
import { cents, money } from "../format.js";
import { plotArea, scale, linePath, areaPath, chartFigure } from "../chart.js";

const AREA = plotArea(160);

/** A <figure> with the line of totalOwed by day, its amounts and a summary. */
export function owedChart(series) {
  const a = AREA;
  const first = series[0];
  const last = series.at(-1);
  const lastDay = BigInt(last?.day ?? 0);
  const lo = cents(first?.totalOwed ?? "0");
  const hi = cents(last?.totalOwed ?? "0");
  const span = hi - lo;
  // One point per series entry (daily or every 30 days, as the engine chose).
  const pts = series.map((p) => [scale(BigInt(p.day), lastDay, a.pw), span > 0n ? scale(cents(p.totalOwed) - lo, span, a.ph) : 0n]);
  const line = linePath(a, pts);
  return chartFigure({
    area: a,
    cls: "od-chart",
    title: t("odr.chart"),
    summary: t("odr.chartSummary", { start: money(first?.totalOwed ?? "0"), end: money(last?.totalOwed ?? "0"), days: last?.day ?? 0 }),
    children: [s("path", { class: "chart-area od-area", d: areaPath(a, line) }), s("path", { class: "chart-line od-line", d: line })],
    axis: [t("odr.chartAxisDay", { n: 0 }), t("odr.chartAxisDay", { n: last?.day ?? 0 })],
    svgProps: { preserveAspectRatio: "none" },
    wrapSvg: (svg) =>
      h(
        "div",
        { class: "od-chart-wrap" },
        h("p", { class: "od-chart-y", "aria-hidden": "true" }, h("span", { text: money(last?.totalOwed ?? "0") }), h("span", { text: money(first?.totalOwed ?? "0") })),
        svg,
      ),
  });
}
