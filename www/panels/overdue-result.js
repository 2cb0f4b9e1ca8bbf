// The result of the overdue panel: the total owed now in large numbers, how
// fast it grows (the charges as an annual rate), the breakdown, a verdict per
// cap that applies with its source one tap away, the chart of the total owed
// over time, and (when a payment is typed) what is left in each bucket.
// Pure rendering from the engine's output (strings) and the input that
// produced it; money is only compared, exactly, in cents.

import { h, clear } from "../dom.js";
import { t, has, lang } from "../i18n.js";
import * as fmt from "../format.js";
import { owedChart } from "./overdue-chart.js";
import { sourceDetails } from "./overdue-source.js";
import { resultBody, figure as fig } from "../result.js";
import { legalParams } from "../legal-text.js";

/** Cap kinds that are a line for the borrower's case (planning rules are in the rights panel). */
const CAP_KINDS = new Set(["civilCap", "transition", "feeRule", "criminalReference", "ukCap"]);
/** Shown only when something is above them: they are not a civil line to measure against. */
const ONLY_WHEN_ABOVE = new Set(["criminalReference", "feeRule"]);

export function skeleton() {
  return resultBody(
    { valueTestid: "od-total", subTestid: "od-sub", loadingKey: "odr.loading", mini: true },
    {
      view: h("div", { class: "od-view", "data-testid": "od-view" }),
      missed: h("div", { class: "od-missed", "data-testid": "od-missed" }),
      growth: h("p", { class: "od-growth", "data-testid": "od-growth" }),
      verdictHeading: h("h3", { class: "od-subhead" }),
      verdicts: h("ul", { class: "od-verdicts", "data-testid": "od-verdicts" }),
      breakdownHeading: h("h3", { class: "od-subhead" }),
      figures: h("dl", { class: "figures od-figures" }),
      allocation: h("div", { class: "od-allocation", "data-testid": "od-allocation" }),
      charts: h("div", { class: "charts od-charts" }),
      basis: h("details", { class: "od-basis" }),
    },
  );
}

/** Fills the skeleton from an overdueCost value, its input, legalRules() (or null) and the lender of record as answered. */
export function render(parts, v, input, rules, lender = input.lender) {
  const fromLoan = Boolean(input.loan);
  if (fromLoan && v.settlement !== undefined && v.settlement !== null) {
    parts.label.textContent = t("odr.settlementNow", { date: fmt.date(input.asOf) });
    parts.value.textContent = fmt.money(v.settlement);
    parts.sub.textContent = t("odr.subLoan", { overdue: fmt.money(v.totalOwed), notYetDue: fmt.money(v.notYetDue ?? "0"), charges: fmt.money(v.totalCharges) });
  } else {
    parts.label.textContent = t("odr.totalNow");
    parts.value.textContent = fmt.money(v.totalOwed);
    parts.sub.textContent = t("odr.sub", { days: fmt.integer(v.days ?? 0), charges: fmt.money(v.totalCharges) });
  }
  renderView(parts.view, v, input, lender);
  renderMissed(parts.missed, v, input);
  parts.growth.textContent = t("odr.growth", {
    annualized: fmt.percent(v.annualizedPercent),
    penaltyAnnual: fmt.percent(v.penaltyRate.annualPercent),
    penaltyDaily: fmt.percent(v.penaltyRate.dailyPercent, 4),
  });

  parts.verdictHeading.textContent = t("odr.verdicts");
  renderVerdicts(parts.verdicts, v, rules, input);

  parts.breakdownHeading.textContent = t("odr.breakdown");
  const hasCents = (x) => fmt.cents(x) !== 0n;
  const figs = [
    figure("odr.overdueTotal", fmt.money(v.overdueTotal), "overdue-total"),
    figure("odr.penalty", fmt.money(v.penaltyInterest), "penalty"),
    input.compound || hasCents(v.compoundInterest) ? figure("odr.compound", fmt.money(v.compoundInterest), "compound") : null,
    input.chargeOnFees || hasCents(v.interestOnFees) ? figure("odr.interestOnFees", fmt.money(v.interestOnFees), "interest-on-fees") : null,
    input.lateFee || hasCents(v.lateFees)
      ? figure("odr.lateFees", fmt.money(v.lateFees), "late-fees", v.lateFeeCount > 1 ? t("odr.lateFeesCount", { n: v.lateFeeCount }) : null)
      : null,
    figure("odr.totalCharges", fmt.money(v.totalCharges), "total-charges", null, true),
  ];
  clear(parts.figures).append(...figs.filter(Boolean));

  renderAllocation(parts.allocation, v.allocation, input, rules);

  clear(parts.charts).append(owedChart(v.series));

  const wasOpen = parts.basis.open;
  clear(parts.basis).append(
    h("summary", { text: t("odr.basis") }),
    h(
      "ul",
      { class: "od-basis-list" },
      v.basis.map((b) => h("li", { "data-code": b.code, text: noteText("basis", b, { ...legalParams(rules), basis: input.dayBasis ?? 360 }) })),
    ),
  );
  parts.basis.open = wasOpen;

  const live = { label: parts.label.textContent, total: parts.value.textContent, sub: parts.sub.textContent };
  parts.live.textContent = t("odr.live", live);
  parts.mini.textContent = t("odr.mini", live);
}

/**
 * Which view is shown, with its base, period and method: the whole loan (the settlement against the
 * loan recomputed at the line from the amount received), or the overdue charges only (the loan
 * unknown). Words of the 24 % line: "可以请求调减", never "法律支持".
 */
function renderView(box, v, input, lender) {
  clear(box);
  const line = v.line ?? null;
  if (v.view === "wholeLoan" && line && v.lawful) {
    const removed = v.removed ?? [];
    const onRequest = removed.some((r) => r.rule === "cnFinancial24");
    const nodes = [
      h("p", { class: "od-view-name", "data-view": "wholeLoan", text: t("odr.view.wholeLoan") }),
      h("p", { class: "hint", "data-testid": "od-view-how", text: t("odr.view.wholeLoanHow", { received: fmt.money(line.base), start: fmt.date(line.from), asOf: fmt.date(line.to), line: fmt.percent(line.percent, 0), basis: line.dayBasis }) }),
      h(
        "dl",
        { class: "figures od-lawful" },
        fig("odr.claimedSettlement", fmt.money(v.claimed.total), { testid: "od-claimed" }),
        fig("odr.lineCeiling", fmt.money(line.ceiling), { testid: "od-ceiling", hint: t("odr.lineCeilingHint", { line: fmt.percent(line.percent, 0), asOf: fmt.date(line.to) }) }),
        fig(onRequest ? "odr.lawfulReduced" : "odr.lawfulNotSupported", fmt.money(v.lawful.total), { testid: "od-lawful", main: true }),
      ),
      removed.length
        ? h(
            "ul",
            { class: "od-removed", "data-testid": "od-removed" },
            removed.map((r) => h("li", { "data-rule": r.rule }, h("span", { text: t(has(`odr.removed.${r.rule}`) ? `odr.removed.${r.rule}` : "odr.removed.other", { ...legalParams(), amount: fmt.money(r.amount) }) }), sourceDetails(r.source, r.rule === line.rule ? line.confidence : "primary"))),
          )
        : h("p", { class: "hint", text: t("odr.view.nothingRemoved") }),
      removed.some((r) => r.rule === line.rule) ? null : sourceDetails(line.source, line.confidence),
    ];
    box.append(...nodes.filter(Boolean));
  } else {
    box.append(h("p", { class: "od-view-name", "data-view": "overdueOnly", text: t(input.loan ? "odr.view.overdueOnlyLoan" : "odr.view.overdueOnly") }));
  }
  if (lender === "unknown") box.append(h("p", { class: "hint", "data-testid": "od-view-unknown", text: t("odr.view.lenderUnknown") }));
  if (mainlandNoteShown()) box.append(h("p", { class: "hint", "data-testid": "mainland-rules", text: t("legal.mainlandRules") }));
  if (lender === "unlicensed") box.append(h("p", { class: "warning above-line", text: t("odr.view.unlicensed") }));
}

/** The missed instalments the engine derived from the loan: each with its due date, its days and why. */
function renderMissed(box, v, input) {
  clear(box);
  if (!input.loan || !Array.isArray(v.missed)) return;
  const paid = input.paid;
  if (!v.missed.length) {
    box.append(h("p", { "data-testid": "od-missed-none", text: t("odr.missedNone", { paid, asOf: fmt.date(input.asOf) }) }));
    return;
  }
  const periods = fmt.list(v.missed.map((m) => t("odr.period", { n: m.period })));
  box.append(
    h("h3", { class: "od-subhead", text: t("odr.missedHeading", { n: v.missed.length }) }),
    h("p", { "data-testid": "od-missed-why", text: t("odr.missedWhy", { paid, periods, asOf: fmt.date(input.asOf) }) }),
    h(
      "ul",
      { class: "od-missed-list" },
      v.missed.map((m) =>
        h("li", { "data-period": String(m.period), text: t("odr.missedLine", {
          n: m.period,
          due: fmt.date(m.dueDate),
          days: fmt.integer(m.days),
          principal: fmt.money(m.principal),
          interest: fmt.money(m.interest),
          fees: fmt.money(m.fees),
          penalty: fmt.money(m.penalty),
          compound: fmt.money(m.compound ?? "0"),
        }) }),
      ),
    ),
    h("p", { class: "hint", text: t("odr.daysCounted") }),
  );
  if (v.notYetDue !== undefined) box.append(h("p", { class: "hint", "data-testid": "od-not-yet-due", text: t("odr.notYetDue", { amount: fmt.money(v.notYetDue) }) }));
}

/** A zh-TW page, or one in TWD: the rules shown are mainland China's, and it says so. */
export function mainlandNoteShown() {
  return lang() === "zh-TW" || fmt.currencyCode() === "TWD";
}

/** A translated engine note (by code), or the engine's own message. */
function noteText(prefix, n, params = {}) {
  const key = `${prefix}.${n.code}`;
  return has(key) ? t(key, params) : n.message;
}

function figure(labelKey, value, name, hint = null, main = false) {
  return fig(labelKey, value, { testid: `od-${name}`, hint, main });
}

function renderVerdicts(list, v, rules, input) {
  clear(list);
  const through = rules?.lprConfirmedThrough ? fmt.date(rules.lprConfirmedThrough) : "";
  // In the whole-loan view the line is measured on the whole loan above, not on the overdue charges.
  const wholeLoanRule = v.view === "wholeLoan" ? v.line?.rule : null;
  const shown = v.caps.filter((c) => {
    if (!c.applies || !CAP_KINDS.has(c.kind) || c.rule === wholeLoanRule) return false;
    if (ONLY_WHEN_ABOVE.has(c.kind)) return fmt.cents(c.excess) > 0n;
    return true;
  });
  const civil = shown.filter((c) => !ONLY_WHEN_ABOVE.has(c.kind));
  if (wholeLoanRule) list.append(h("li", { class: "od-verdict", "data-rule": "wholeLoan", text: t("odr.verdictWholeLoan") }));
  else if (!civil.length) list.append(h("li", { class: "warning od-verdict", "data-rule": "none", text: t("odr.noCap") }));
  for (const c of shown) {
    const above = fmt.cents(c.excess) > 0n;
    const key = `cap.${c.rule}.${above ? "above" : "within"}`;
    const params = {
      ...legalParams(rules),
      charged: fmt.money(c.charged),
      excess: fmt.money(c.excess),
      capAmount: c.currency ? `${c.currency} ${fmt.amount(c.capAmount)}` : fmt.money(c.capAmount),
      cap: c.capPercent ? fmt.percent(c.capPercent) : "",
      lpr: c.lpr ? fmt.percent(c.lpr.oneYearPercent) : "",
      days: fmt.integer(v.days),
    };
    let text = has(key) ? t(key, params) : t(`cap.generic.${above ? "above" : "within"}`, params);
    if (c.confidence === "reported") text = t("conf.reportedPrefix") + text;
    // "最多 ¥390.00" is a percent of a base: say which, and how an up-front deduction made it.
    if (c.capPercent && c.capBase) text += (lang().startsWith("zh") ? "" : " ") + capBaseText(c.capBase, input, v);
    const notes = c.notes.map((n) => noteText("note", n, { ...legalParams(rules), through }));
    const segments = (c.segments ?? []).map((sg) =>
      t(sg.lpr ? "odr.segmentLpr" : "odr.segment", {
        from: sg.from ? fmt.date(sg.from) : "",
        to: sg.to ? fmt.date(sg.to) : "",
        days: fmt.integer(sg.days),
        cap: fmt.percent(sg.capPercent),
        lpr: sg.lpr ? fmt.percent(sg.lpr.oneYearPercent) : "",
        capAmount: fmt.money(sg.capAmount),
      }),
    );
    list.append(
      h(
        "li",
        { class: above ? "warning above-line od-verdict" : "warning od-verdict", "data-rule": c.rule, "data-above": above ? "true" : "false" },
        h("p", { class: "od-verdict-text", text }),
        segments.length ? h("ul", { class: "od-segments" }, segments.map((x) => h("li", { text: x }))) : null,
        sourceDetails(c.source, c.confidence, { notes }),
      ),
    );
  }
}

/**
 * The base of a percent cap. When the engine took an up-front deduction off the
 * principal (its actualPrincipal note) and the base is not the principal as
 * typed, say so: the base is the engine's figure, nothing is subtracted here.
 */
function capBaseText(base, input, v) {
  const principal = input?.overdue?.principal;
  const deducted = input?.upfrontDeduction;
  const actual = v.basis.some((n) => n.code === "actualPrincipal");
  if (actual && principal && deducted && fmt.cents(principal) !== fmt.cents(base)) {
    return t("odr.capBaseDeducted", { base: fmt.money(base), principal: fmt.money(principal), deducted: fmt.money(deducted) });
  }
  return t("odr.capBase", { base: fmt.money(base) });
}

function renderAllocation(box, a, input, rules) {
  clear(box);
  if (!a) return;
  const order = rules?.rules?.find((r) => r.id === "cnPaymentOrder");
  const payment = fmt.money(input.payment.amount);
  const civil = a.order.join(",") === "interest,principal,fees";
  const head = h("tr", {}, ["bucket", "owed", "applied", "remaining"].map((c) => h("th", { scope: "col", text: t(`odr.${c}`) })));
  const body = h(
    "tbody",
    {},
    a.order.map((b) =>
      h(
        "tr",
        { "data-bucket": b },
        h("th", { scope: "row", text: t(`odr.bucket.${b}`) }),
        ["owed", "applied", "remaining"].map((c) => h("td", { class: "num", "data-col": c, text: fmt.amount(a[c][b]) })),
      ),
    ),
  );
  const items = [
    h("h3", { class: "od-subhead", text: t("odr.allocation", { payment }) }),
    h("p", { "data-testid": "od-allocation-sentence", text: t(civil ? "odr.allocationSentence" : "odr.allocationAgreed", { payment, remaining: fmt.money(a.remainingTotal) }) }),
    fmt.cents(a.unapplied) > 0n ? h("p", { class: "hint", text: t("odr.unapplied", { amount: fmt.money(a.unapplied) }) }) : null,
    h("div", { class: "table-scroll" }, h("table", {}, h("caption", { class: "visually-hidden", text: t("odr.allocation", { payment }) }), h("thead", {}, head), body)),
    order ? sourceDetails(order.source, order.confidence) : null,
  ];
  box.append(...items.filter(Boolean));
}
