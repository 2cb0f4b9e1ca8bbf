// The rights panel (了解权利): what collectors may and may not do and where
// to complain, built from legalRules(): the facts, the collection-conduct
// rules and the complaint routes, each with its document, article, date,
// confidence mark and whom it binds (its scope of lender types). The person
// may pick their lender type (until they do, the case's, from the overdue
// panel; the pick is page state "rights"): the facts and routes that bind or serve it come
// first, and those that do not are set apart and say so (the CBA guideline
// does not bind a microloan company). Then a "sources" view lists the LPR
// table (with the date it is confirmed through) and every rule of the pack.
// Texts come from the data (zh / zhTW / en); this module adds only headings.

import { h, clear } from "../dom.js";
import { t, has, onLangChange } from "../i18n.js";
import * as fmt from "../format.js";
import { panel, options, declaredControls, fieldsOf } from "../form.js";
import { RIGHTS as STATE } from "./fields.js";
import { mainlandNoteShown } from "./overdue-result.js";
import { dataContent, dataText, leadSource, sourceLine, sourceList, packDate } from "./overdue-source.js";

const LENDERS = ["bank", "creditCard", "consumerFinance", "microLoan", "private", "unlicensed", "other"];
/** What a borrower must know, first and in this order (rule-pack fact ids; each shown with its source). */
export const MUST_KNOW = ["paymentOrder15Days", "blacklistAndHighSpending", "checkCaseFiled12368", "limitationAndAcknowledgment", "payOnlyOfficialAccount", "creditReportRights", "freeMediation", "negotiationIsFree", "creditRepair2025Closed"];

/** "银行、信用卡" from a scope list. */
export function scopeNames(scope) {
  if (LENDERS.filter((l) => l !== "unlicensed").every((l) => scope.includes(l))) return t("rights.everyLender");
  return fmt.list(scope.map((s) => (has(`od.lender.${s}`) ? t(`od.lender.${s}`) : has(`rights.scope.${s}`) ? t(`rights.scope.${s}`) : s)));
}

/** "据报道（未经证实）：" before a reported entry, unless its own text already opens by saying so. */
function reportedPrefix(x) {
  if (x.confidence !== "reported") return "";
  const prefix = t("conf.reportedPrefix");
  const own = dataText(x).trim();
  const opening = /^[\u3400-\u9fff]/.test(prefix) ? prefix.slice(0, 2) : prefix.split(" ")[0];
  return own.toLowerCase().startsWith(opening.toLowerCase()) || /^[据據]报|^據報/.test(own) ? "" : prefix;
}

export function mount(root, ctx) {
  const r = ctx.engine.legalRules();
  const pick = h("select", { id: "rights-lender", "data-testid": "rights-lender" }, h("option", { value: "", t: "rights.lenderAll" }), options("od.lender", LENDERS));
  const pickRow = h("div", { class: "field rights-pick" }, h("label", { for: pick.id, t: "rights.lenderPick" }), pick);
  const body = h("div", { class: "rights-body" });
  const sources = h("details", { class: "rights-sources" });
  panel(root, "rights.heading", "rights.lead", pickRow, body, sources);
  // The lender type follows the case (the overdue panel's, ctx.share "overdue") until the
  // person picks one here (own: "" = every type); that choice is page state ("rights").
  let own = null;
  const caseLender = () => {
    const l = ctx.share?.get("overdue")?.lender;
    return LENDERS.includes(l) ? l : null;
  };
  pick.value = caseLender() ?? "";
  pick.addEventListener("change", () => {
    own = pick.value;
    render();
  });
  ctx.share?.on("overdue", () => {
    const l = caseLender();
    if (own === null && l && l !== pick.value) {
      pick.value = l;
      render();
    }
  });
  ctx.state?.register("rights", {
    // Its declared fields (panels/fields.js RIGHTS), checked and in declared order.
    get: () => declaredControls(fieldsOf(STATE), { lender: own === null ? "" : own || "all" }),
    set(s) {
      own = s.lender === "all" ? "" : LENDERS.includes(s.lender) ? s.lender : null;
      pick.value = own ?? caseLender() ?? "";
      render();
    },
  });

  function item(x, kind) {
    const lender = pick.value;
    const binds = !lender || x.scope.includes(lender);
    return h(
      "li",
      { class: `${kind === "route" ? "rights-route" : "rights-fact"}${binds ? "" : " rights-other"}`, [`data-${kind}`]: x.id },
      has(`rights.${kind}.${x.id}`) ? h("h3", { class: "rights-title", text: t(`rights.${kind}.${x.id}`) }) : null,
      h("p", { class: "rights-text" }, dataContent(x, reportedPrefix(x))),
      x.contact ? h("p", { class: "rights-contact" }, h("span", { text: t("rights.contact") }), " ", h("strong", { class: "rights-number", text: x.contact })) : null,
      h(
        "p",
        { class: "hint rights-binds", "data-binds": lender ? String(binds) : "all" },
        t(kind === "route" ? "rights.serves" : "rights.scope", { lenders: scopeNames(x.scope) }),
        lender ? ` ${t(binds ? "rights.bindsYours" : "rights.notYours", { lender: t(`od.lender.${lender}`) })}` : "",
      ),
      sourceLine(x.source, x.confidence),
    );
  }

  /** The items that bind the chosen lender, then (set apart) the others. */
  function split(list, kind, testid, otherKey) {
    const lender = pick.value;
    const mine = list.filter((x) => !lender || x.scope.includes(lender));
    const others = list.filter((x) => lender && !x.scope.includes(lender));
    return [
      h("ul", { class: "rights-facts", "data-testid": testid }, mine.map((x) => item(x, kind))),
      others.length
        ? h(
            "details",
            { class: "rights-others", "data-testid": `${testid}-others` },
            h("summary", { text: t(otherKey, { lender: t(`od.lender.${lender}`), count: others.length }) }),
            h("ul", { class: "rights-facts" }, others.map((x) => item(x, kind))),
          )
        : null,
    ].filter(Boolean);
  }

  function render() {
    clear(body);
    if (!r.ok || r.value.problem) {
      body.append(h("p", { class: "warning", text: t("rights.unavailable") }));
      sources.hidden = true;
      return;
    }
    const data = r.value;
    if (mainlandNoteShown()) body.append(h("p", { class: "hint", "data-testid": "mainland-rules", text: t("legal.mainlandRules") }));
    const must = MUST_KNOW.map((id) => data.facts.find((x) => x.id === id)).filter(Boolean);
    const objection = (data.complaintRoutes ?? []).find((x) => x.id === "creditReportObjection");
    body.append(
      h("h3", { class: "od-subhead", text: t("rights.mustKnowHeading") }),
      h("ul", { class: "rights-facts rights-must", "data-testid": "rights-must-know" }, must.map((x) => item(x, "fact")), objection ? item(objection, "route") : null),
      h("h3", { class: "od-subhead", text: t("rights.factsHeading") }),
      ...split(data.facts.filter((x) => !MUST_KNOW.includes(x.id)), "fact", "rights-facts", "rights.othersFacts"),
      h("h3", { class: "od-subhead", text: t("rights.routesHeading") }),
      h("p", { class: "hint", text: t("rights.routesLead") }),
      ...split(data.complaintRoutes ?? [], "route", "rights-routes", "rights.othersRoutes"),
    );
    renderSources(data);
  }

  function renderSources(data) {
    const wasOpen = sources.open;
    const lprRows = [...data.lpr].reverse();
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
            h("p", { class: "hint", text: t("rights.scope", { lenders: scopeNames(rule.scope) }) }),
            sourceList(rule.source, rule.confidence, { asOf: rule.asOf, jurisdiction: rule.jurisdiction }),
          ),
        ),
      ),
      h("h3", { class: "od-subhead", text: t("rights.conductHeading") }),
      h(
        "ul",
        { class: "rights-rules", "data-testid": "rights-conduct" },
        (data.conductRules ?? []).map((rule) =>
          h(
            "li",
            { class: "rights-conduct", "data-conduct": rule.code },
            h("p", { class: "rights-text" }, dataContent(rule)),
            h("p", { class: "hint", text: t("rights.binds", { lenders: scopeNames(rule.scope) }) }),
            sourceList(leadSource(rule), rule.confidence, { asOf: rule.asOf }),
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
