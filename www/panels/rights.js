// The rights panel (了解权利): what collectors may and may not do and where
// to complain, built from legalRules().facts, each with its document,
// article, date and confidence mark; then a "sources" view listing the LPR
// table (with the date it is confirmed through) and every rule of the pack.
// Texts come from the data (zh / en); this module adds only headings.

import { h, clear } from "../dom.js";
import { t, has, onLangChange } from "../i18n.js";
import * as fmt from "../format.js";
import { panel } from "../form.js";
import { dataContent, sourceLine, sourceList, packDate } from "./overdue-source.js";

export function mount(root, ctx) {
  const r = ctx.engine.legalRules();
  const body = h("div", { class: "rights-body" });
  const sources = h("details", { class: "rights-sources" });
  panel(root, "rights.heading", "rights.lead", body, sources);

  function render() {
    clear(body);
    if (!r.ok || r.value.problem) {
      body.append(h("p", { class: "warning", text: t("rights.unavailable") }));
      sources.hidden = true;
      return;
    }
    const data = r.value;
    body.append(
      h(
        "ul",
        { class: "rights-facts", "data-testid": "rights-facts" },
        data.facts.map((f) =>
          h(
            "li",
            { class: "rights-fact", "data-fact": f.id },
            has(`rights.fact.${f.id}`) ? h("h3", { class: "rights-title", text: t(`rights.fact.${f.id}`) }) : null,
            h("p", { class: "rights-text" }, dataContent(f, f.confidence === "reported" ? t("conf.reportedPrefix") : "")),
            sourceLine(f.source, f.confidence),
          ),
        ),
      ),
    );
    renderSources(data);
  }

  function renderSources(data) {
    const wasOpen = sources.open;
    const lprRows = [...data.lpr].reverse();
    const lenders = (scope) => fmt.list(scope.map((s) => (has(`od.lender.${s}`) ? t(`od.lender.${s}`) : has(`rights.scope.${s}`) ? t(`rights.scope.${s}`) : s)));
    const items = [
      h("summary", { text: t("rights.sources") }),
      h("p", { class: "hint", text: t("rights.sourcesLead", { version: data.version, asOf: packDate(data.asOf) }) }),
      h("h3", { class: "od-subhead", text: t("rights.lprHeading") }),
      h("p", { "data-testid": "lpr-confirmed", text: t("rights.lprConfirmed", { date: packDate(data.lprConfirmedThrough) }) }),
      h(
        "div",
        { class: "table-scroll lpr-scroll", tabindex: "0", role: "region", "aria-label": t("rights.lprHeading") },
        h(
          "table",
          { class: "lpr-table" },
          h("caption", { class: "visually-hidden", text: t("rights.lprHeading") }),
          h("thead", {}, h("tr", {}, ["lprFrom", "lprOneYear", "lprFiveYear"].map((k) => h("th", { scope: "col", text: t(`rights.${k}`) })))),
          h(
            "tbody",
            {},
            lprRows.map((row) =>
              h("tr", {}, h("th", { scope: "row", text: fmt.date(row.from) }), h("td", { class: "num", text: fmt.percent(row.oneYearPercent) }), h("td", { class: "num", text: fmt.percent(row.fiveYearPercent) })),
            ),
          ),
        ),
      ),
      data.lprSource ? sourceList(data.lprSource, data.lprConfidence) : null,
      h("h3", { class: "od-subhead", text: t("rights.rulesHeading") }),
      h(
        "ul",
        { class: "rights-rules", "data-testid": "rights-rules" },
        data.rules.map((rule) =>
          h(
            "li",
            { class: "rights-rule", "data-rule": rule.id },
            h("p", { class: "rights-text" }, dataContent(rule, rule.confidence === "reported" ? t("conf.reportedPrefix") : "")),
            h("p", { class: "hint", text: t("rights.scope", { lenders: lenders(rule.scope) }) }),
            sourceList(rule.source, rule.confidence, { asOf: rule.asOf, jurisdiction: rule.jurisdiction }),
          ),
        ),
      ),
    ];
    clear(sources).append(...items.filter(Boolean));
    sources.open = wasOpen;
  }

  onLangChange(render);
  render();
  return { render };
}
