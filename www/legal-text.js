// Legal figures and citations for the page's catalog strings, taken from the rule
// pack (legalRules()), never written into a catalog: "{line24}", "{lprMultiple}",
// "{actualPrincipalSource}"… The engine façade hands over its frozen pack once it
// has read it (engine.js); a panel that holds the pack may pass it instead.

import { lang } from "./i18n.js";

let pack = null;
let cached = null;
let provider = null;

/** The engine façade's legalRules, asked when no pack has been remembered yet. */
export function provideRules(fn) {
  provider = fn;
}

/** Remembers the rule pack (the value of legalRules()). */
export function rememberRules(value) {
  if (value && value !== pack) {
    pack = value;
    cached = null;
  }
}

const TW = { 条: "條", 项: "項", 关: "關", 于: "於", 罚: "罰", 问: "問", 题: "題", 释: "釋", 编: "編", 规: "規", 则: "則" };
const article = (a) => (!a ? "" : lang() === "zh-TW" ? a.replace(/[条项关于罚问题释编规则]/g, (c) => TW[c]) : a);
const cite = (s) => (s ? [s.document, article(s.article)].filter(Boolean).join(" ") : "");

/**
 * The catalog parameters for legal figures and citations, from the pack given or the one
 * remembered; {} when no pack has been read (the strings then keep their placeholders).
 */
export function legalParams(value = null) {
  if (value?.rules) rememberRules(value);
  if (!pack?.rules && provider) {
    const r = provider();
    if (r?.ok) rememberRules(r.value);
  }
  if (!pack?.rules) return {};
  const l = lang();
  if (cached?.lang === l) return cached.params;
  const rule = (id) => pack.rules.find((r) => r.id === id) ?? {};
  const fact = (id) => (pack.facts ?? []).find((r) => r.id === id) ?? {};
  const params = {
    line24: rule("cnFinancial24").capPercent ?? "",
    line2015: rule("cnPrivate2015").capPercent ?? "",
    line36: rule("cnIllegalLending36").capPercent ?? "",
    lprMultiple: rule("cnPrivate4xLpr").lprMultiple ?? "",
    markupMin: rule("cnBankPenaltyMarkup").markupMinPercent ?? "",
    markupMax: rule("cnBankPenaltyMarkup").markupMaxPercent ?? "",
    markupSource: rule("cnBankPenaltyMarkup").source?.document ?? "",
    actualPrincipalSource: cite(rule("cnActualPrincipal").source),
    paymentOrderSource: cite(rule("cnPaymentOrder").source),
    cardPlanArticle: article(rule("cnCardPersonalInstallment").source?.article),
    microLoanSource: cite(fact("microLoanNoUpfrontDeduction").source),
    upfrontFeesSource: cite(fact("upfrontFeesMayBeInterest").source),
    caseFiledSource: cite(fact("checkCaseFiled12368").source),
  };
  cached = { lang: l, params };
  return params;
}
