// The result of the loan-terms panel: the answer in large numbers, one plain
// sentence on why the true cost differs from the contract rate, the engine's
// warnings, charts and the full schedule. Pure rendering from the engine's
// output (strings) and the input that produced it; no arithmetic on money
// beyond exact comparisons in cents.

import { h, clear } from "../dom.js";
import { t, has } from "../i18n.js";
import * as fmt from "../format.js";
import { balanceChart, splitChart } from "../chart.js";
import { resultBody, figure as fig } from "../result.js";
import { csvButton } from "../export.js";
import { legalParams } from "../legal-text.js";

/** The legal line a warning names (the engine's message: "… is above 24 %"), as a percent; "" when none. */
export function lineOf(w) {
  const m = /above (\d+(?:\.\d+)?) ?%/.exec(w.message ?? "");
  return m ? fmt.percent(m[1], 0) : "";
}

/**
 * The private-lending line (its LPR multiple from the rule pack) for the above-24 % warning; empty
 * while the pack is not read yet (it comes with the engine module of the other panels).
 */
function privateLine() {
  const p = legalParams();
  return p.lprMultiple ? t("warn.privateLine", p) : "";
}

/** Warnings whose content the "why" sentence already says. */
const EXPLAINED = new Set(["flatRate"]);
/** Warnings above a legal line: the only ones in the warning colour. */
const ABOVE_LINE = new Set(["aprAbove24", "aprAbove36"]);

/** Builds the fixed skeleton once; render() fills it so the layout does not jump. */
export function skeleton() {
  return resultBody(
    { valueTestid: "payment", loadingKey: "result.loading", mini: true },
    {
      figures: h("dl", { class: "figures" }),
      why: h("p", { class: "why", "data-testid": "why" }),
      warnings: h("ul", { class: "warnings", "aria-label": "" }),
      changes: h("section", { class: "rate-changes", "data-testid": "rate-changes", hidden: true }),
      charts: h("div", { class: "charts" }),
      table: h("details", { class: "schedule" }),
    },
  );
}

/** Fills the skeleton from a loanTerms value and the input that produced it. */
export function render(parts, v, input) {
  const rows = v.schedule;
  const n = rows.length;
  const bullet = input.method === "bullet" && n > 1;
  if (bullet) {
    parts.label.textContent = t("result.bullet");
    parts.value.textContent = fmt.money(v.lastPayment);
    parts.sub.textContent = t("result.bulletSub", { months: n });
  } else if (v.firstPayment === v.lastPayment) {
    parts.label.textContent = t("result.monthly");
    parts.value.textContent = fmt.money(v.firstPayment);
    parts.sub.textContent = "";
  } else {
    const level = input.method === "annuity" && !(input.prepayments?.length) && !(v.rateChanges?.length);
    parts.label.textContent = t(level ? "result.monthly" : "result.firstMonth");
    parts.value.textContent = fmt.money(v.firstPayment);
    parts.sub.textContent = t(level ? "result.lastAdjust" : "result.lastMonth", { amount: fmt.money(v.lastPayment) });
  }

  const nominal = v.apr ? fmt.percent(v.apr.nominalPercent) : t("result.unavailable");
  const effective = v.apr ? fmt.percent(v.apr.effectivePercent) : t("result.unavailable");
  clear(parts.figures).append(
    figure("result.nominal", nominal, "result.nominalHint", "nominal", true),
    figure("result.effective", effective, "result.effectiveHint", "effective"),
    figure("result.interest", fmt.money(v.totals.interest), null, "interest"),
    figure("result.fees", fmt.money(v.totals.fees), null, "fees"),
    figure("result.totalPaid", fmt.money(v.totals.payment), null, "total"),
    figure("result.received", fmt.money(v.received), null, "received"),
  );

  parts.why.textContent = why(v, input, nominal);

  clear(parts.warnings);
  parts.warnings.setAttribute("aria-label", t("warn.heading"));
  for (const w of v.warnings) {
    if (EXPLAINED.has(w.code)) continue;
    const key = `warn.${w.code}`;
    const text = has(key)
      ? t(key, { deduction: fmt.money(v.upfrontDeduction), received: fmt.money(v.received), line: lineOf(w), privateLine: privateLine() })
      : t("warn.unknown", { message: w.message });
    parts.warnings.append(h("li", { class: ABOVE_LINE.has(w.code) ? "warning above-line" : "warning", "data-code": w.code, text }));
  }

  renderChanges(parts.changes, v);

  const markers = (v.rateChanges ?? []).map((c) => ({ period: c.period }));
  const balance = balanceChart(rows, v.totals.principal, markers);
  const split = splitChart(rows, markers);
  if (input.method === "bullet" && rows.length > 1) {
    // A bullet loan pays nothing until the last period: the generic captions
    // ("falls month by month", "each period repays more principal than interest") are false for it.
    const last = rows.at(-1);
    balance.querySelector(".chart-summary").textContent = t("chart.bulletBalanceSummary", { start: fmt.money(v.totals.principal), n: rows.length });
    split.querySelector(".chart-summary").textContent = t("chart.bulletSplitSummary", { n: rows.length, principal: fmt.money(last.principal), interest: fmt.money(last.interest) });
  }
  clear(parts.charts).append(h("h3", { class: "visually-hidden", text: t("chart.heading") }), balance, split);

  renderTable(parts.table, v);
  parts.live.textContent = t("result.live", { label: parts.label.textContent, payment: parts.value.textContent, nominal });
  parts.mini.textContent = t("result.mini", { label: parts.label.textContent, payment: parts.value.textContent, nominal });
}

function figure(labelKey, value, hintKey, name, main = false) {
  return fig(labelKey, value, { testid: name, hint: hintKey ? t(hintKey) : null, main });
}

/** One sentence on why the true cost is above the contract rate, or "" when nothing explains it. */
function why(v, input, nominal) {
  if (!v.apr) return "";
  const reasons = [];
  if (fmt.cents(v.upfrontDeduction) > 0n) {
    reasons.push(t("why.deduction", { received: fmt.money(v.received), principal: fmt.money(v.totals.principal) }));
  }
  if (input.method === "flat" && v.warnings.some((w) => w.code === "flatRate")) reasons.push(t("why.flat"));
  const laterFees = fmt.cents(v.totals.fees) - fmt.cents(v.upfrontFees);
  if (laterFees > 0n) {
    const upfront = fmt.cents(v.upfrontFees) > 0n;
    reasons.push(upfront ? t("why.feesLater") : t("why.fees", { amount: fmt.money(v.totals.fees) }));
  }
  // An LPR-linked loan without a typed rate: its first rate, from the engine.
  const rate = input.rate ?? { per: v.lprLinked?.per ?? "year", shown: fmt.percent(v.lprLinked?.ratePercent ?? "0") };
  const advertised = t(`why.rate.${rate.per}`, { rate: rate.shown ?? fmt.typedPercent(rate.percent) });
  if (reasons.length) return t("why.sentence", { nominal, advertised, reasons: fmt.list(reasons) });
  if (rate.per !== "year") return t("why.convert", { advertised, nominal });
  return "";
}

/** The columns of the rate-change table (and its CSV section): the payments early, so that they show at 360 px. */
const CHANGE_COLS = ["period", "rate", "before", "after", "dueDate", "source"];

/** The cells of one rate change, as text, in CHANGE_COLS order. */
function changeCells(c, plain = false) {
  const per = t(`why.rate.${c.per}`, { rate: plain ? `${c.ratePercent}%` : fmt.percent(c.ratePercent) });
  const source =
    c.source === "lpr"
      ? t(c.lpr.assumed ? "rc.sourceLprAssumed" : "rc.sourceLpr", {
          repricing: plain ? c.repricingDate : fmt.date(c.repricingDate),
          date: plain ? c.lpr.date : fmt.date(c.lpr.date),
          lpr: plain ? `${c.lpr.percent}%` : fmt.percent(c.lpr.percent),
        })
      : t("rc.sourceInput");
  return [
    String(c.period),
    per,
    plain ? c.paymentBefore : fmt.amount(c.paymentBefore),
    plain ? c.paymentAfter : fmt.amount(c.paymentAfter),
    c.dueDate ? (plain ? c.dueDate : fmt.date(c.dueDate)) : "",
    source,
  ];
}

/** The LPR line: which LPR, its row on the start date, the spread and the rate it gave. */
function lprLine(l, plain = false) {
  const pct = (x) => (plain ? `${x}%` : fmt.percent(x));
  return t("rc.lprLine", {
    tenor: t(`rc.tenorName.${l.tenor}`),
    date: plain ? l.initialLpr.date : fmt.date(l.initialLpr.date),
    lpr: pct(l.initialLpr.percent),
    spread: l.spreadBasisPoints.replace(/\.?0+$/, ""),
    rate: pct(l.initialRatePercent),
    repricing: t(`rc.repricing.${l.repricing}`),
  });
}

/** The sentence on the total interest against no change. */
function differenceLine(v) {
  const d = fmt.cents(v.interestDifference);
  const amount = fmt.money(v.interestDifference.replace(/^-/, ""));
  const without = fmt.money(v.interestWithoutChanges);
  if (d < 0n) return t("rc.less", { amount, without });
  if (d > 0n) return t("rc.more", { amount, without });
  return t("rc.same", { without });
}

/** The rate changes: the LPR link, one row per change (payment before and after), the interest difference. */
function renderChanges(el, v) {
  clear(el);
  el.hidden = !v.rateChanges;
  if (!v.rateChanges) return;
  el.append(h("h3", { text: t("rc.heading") }));
  const l = v.lprLinked;
  if (l) {
    el.append(
      h("p", { class: "rc-lpr", "data-testid": "rc-lpr", text: lprLine(l) }),
      h("p", {
        class: "rc-source",
        text: t("rc.lprSource", { document: l.source.document, through: fmt.date(l.confirmedThrough), confidence: t(`rc.confidence.${l.confidence}`) }),
      }),
    );
  }
  if (v.rateChanges.length === 0) {
    el.append(h("p", { class: "rc-none", text: t("rc.none") }));
  } else {
    const head = h("tr", {}, CHANGE_COLS.map((c) => h("th", { scope: "col", text: t(`rc.col.${c}`) })));
    const body = h(
      "tbody",
      {},
      v.rateChanges.map((c) =>
        h(
          "tr",
          { "data-period": String(c.period) },
          changeCells(c).map((text, i) =>
            i === 0 ? h("th", { scope: "row", text }) : h("td", { class: i === 2 || i === 3 ? "num" : null, "data-col": CHANGE_COLS[i], text }),
          ),
        ),
      ),
    );
    el.append(
      h(
        "div",
        { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("rc.caption") },
        h("table", { class: "rc-table" }, h("caption", { text: t("rc.caption") }), h("thead", {}, head), body),
      ),
    );
  }
  el.append(h("p", { class: "rc-difference", "data-testid": "rc-difference", text: differenceLine(v) }));
}

/** The rate changes as extra CSV lines after the schedule (none without changes). */
function changesCsv(v) {
  if (!v.rateChanges) return [];
  const lines = [[], [t("rc.heading")]];
  if (v.lprLinked) lines.push([lprLine(v.lprLinked, true)], [t("rc.lprSourceCsv", { document: v.lprLinked.source.document, through: v.lprLinked.confirmedThrough })]);
  lines.push(CHANGE_COLS.map((c) => t(`rc.col.${c}`)));
  for (const c of v.rateChanges) lines.push(changeCells(c, true));
  lines.push([t("rc.csvWithout"), v.interestWithoutChanges], [t("rc.csvDifference"), v.interestDifference]);
  return lines;
}

function renderTable(details, v) {
  const wasOpen = details.open;
  const dated = v.schedule.some((r) => r.dueDate);
  const cols = ["period", ...(dated ? ["dueDate"] : []), "payment", "principal", "interest", "fees", "balance"];
  const head = h("tr", {}, cols.map((c) => h("th", { scope: "col", text: t(`table.${c}`) })));
  const body = h("tbody");
  for (const r of v.schedule) {
    body.append(
      h(
        "tr",
        {},
        cols.map((c) => {
          if (c === "period") return h("th", { scope: "row", text: String(r.period) });
          if (c === "dueDate") return h("td", { text: fmt.date(r.dueDate) });
          return h("td", { class: "num", "data-col": c, text: fmt.amount(r[c]) });
        }),
      ),
    );
  }
  const totalCells = cols.map((c) => {
    if (c === "period") return h("th", { scope: "row", text: t("table.total") });
    if (c === "dueDate" || c === "balance") return h("td");
    if (c === "fees" && fmt.cents(v.upfrontFees) > 0n) return h("td");
    return h("td", { class: "num", text: fmt.amount(v.totals[c]) });
  });
  clear(details).append(
    h("summary", { text: t("table.summary", { n: v.schedule.length }) }),
    h(
      "div",
      { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("table.caption") },
      h("table", {}, h("caption", { text: t("table.caption") }), h("thead", {}, head), body, h("tfoot", {}, h("tr", {}, totalCells))),
    ),
    csvButton("csv.terms.button", () => ({
      base: t("csv.terms.file"),
      headers: cols.map((c) => t(`table.${c}`)),
      rows: [...v.schedule.map((r) => cols.map((c) => r[c] ?? "")), ...changesCsv(v)],
    }), "csv-terms"),
  );
  details.open = wasOpen;
}
