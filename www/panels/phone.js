// 电话里怎么说 / What to say on the phone: one short card per situation, to read during a
// collector's call, filled with the case's own figures (the overdue panel's and the chosen plan's,
// through ctx.share) and the lender of record (the name typed in the call log or the letter),
// each legal point with its rule or fact from the rule pack (legalRules) and its source. The
// scripts are data (panels/phone-words/<lang>.js), not code. Each card's "log now" adds an entry to the
// call log through the hook the calls panel gives (hooks.addContact): the time is now, the
// situation preset; the entry can be edited in the log.
//
// Mounted by the calls panel (panels/calls.js, its "extras" hook) below its settings.

import { h, clear } from "../dom.js";
import { t, has, lang, onLangChange } from "../i18n.js";
import * as fmt from "../format.js";
import { dataText, leadSource, sourceLine } from "./overdue-source.js";
import { scopeNames } from "./rights.js";

// One literal import per language, so that scripts/build-single.mjs and scripts/dist.mjs find them.
const WORDS = {
  "zh-CN": () => import("./phone-words/zh-CN.js"),
  "zh-TW": () => import("./phone-words/zh-TW.js"),
  en: () => import("./phone-words/en.js"),
};

/** The phone cards' and the message reader's words in the language shown (zh-CN if it has none). */
export async function phoneWords() {
  const load = WORDS[lang()] ?? WORDS["zh-CN"];
  return (await load()).default;
}

/** "{a} and {b}" filled from params; null when a named figure is missing. */
export function fill(text, params) {
  let missing = false;
  const out = String(text).replace(/\{(\w+)\}/g, (_, k) => {
    const v = params[k];
    if (v === undefined || v === null || v === "") missing = true;
    return v ?? "";
  });
  return missing ? null : out;
}

/** The local time now as "YYYY-MM-DDTHH:MM" (the page reads the clock; the engine never does). */
export function nowText(d = new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "2026-03-05T15:00" → "2026年3月5日 15:00". */
export function whenText(at) {
  const [d, time] = String(at).split("T");
  return `${fmt.date(d)} ${time ?? ""}`.trim();
}

/** The lender of record as the person typed it (call log, else the letter), else the lender type's name. */
export function lenderName(ctx, fallback) {
  const typed = (panel, key) => {
    try {
      return ctx.state?.has(panel) ? String(ctx.state.get([panel])[panel]?.[key] ?? "").trim() : "";
    } catch {
      return "";
    }
  };
  const type = ctx.share?.get("overdue")?.lender;
  return typed("calls", "lenderName") || typed("letter", "lender") || (type && has(`od.lender.${type}`) ? t(`od.lender.${type}`) : fallback);
}

/** The figures a card can use, as shown text (the engine's strings, formatted). */
function figures(ctx, rules, words) {
  const od = ctx.share?.get("overdue");
  const chosen = ctx.share?.get("plan")?.plan;
  const late = rules.conductRules.find((r) => r.code === "lateHours");
  const calls = rules.conductRules.find((r) => r.code === "unansweredCalls");
  const f = {
    lender: lenderName(ctx, words.ui.lenderFallback),
    principal: od?.input?.overdue?.principal ? fmt.money(od.input.overdue.principal) : null,
    days: od?.value?.days ?? null,
    overdueTotal: od?.value?.totalOwed ? fmt.money(od.value.totalOwed) : null,
    claimed: od?.value?.totalOwed ? fmt.money(od.value.totalOwed) : null,
    quietFrom: late?.fromTime ?? null,
    quietTo: late?.toTime ?? null,
    maxCalls: calls?.maxPerDay ?? null,
    monthly: chosen?.monthlyPayment ? fmt.money(chosen.monthlyPayment) : null,
    months: chosen?.months ?? null,
    total: chosen?.totalPaid ? fmt.money(chosen.totalPaid) : null,
  };
  return { f, chosen };
}

export async function mount(root, ctx, hooks) {
  const r = ctx.engine.legalRules();
  const rules = r.ok && !r.value.problem ? r.value : { conductRules: [], facts: [] };
  let words = await phoneWords();
  const heading = h("h3", { class: "od-subhead phone-heading" });
  const lead = h("p", { class: "hint" });
  const caseLine = h("p", { class: "phone-case", "data-testid": "phone-case" });
  const list = h("div", { class: "phone-cards", "data-testid": "phone-cards" });
  root.append(h("section", { class: "phone", "data-testid": "phone" }, heading, lead, caseLine, list));
  const open = new Set();

  function cite(c) {
    const item = c.conduct ? rules.conductRules.find((x) => x.code === c.conduct) : rules.facts.find((x) => x.id === c.fact);
    if (!item) return null;
    return h(
      "li",
      { class: "phone-cite", "data-rule": c.conduct ?? c.fact },
      h("p", { class: "rights-text", text: dataText(item) }),
      item.scope ? h("p", { class: "hint", text: fill(words.ui.binds, { lenders: scopeNames(item.scope) }) }) : null,
      sourceLine(leadSource(item), item.confidence),
    );
  }

  function card(c, fig) {
    const { f, chosen } = fig;
    const many = chosen ? (chosen.months ?? 1) > 1 : false;
    const lines = c.say
      .filter((line) => typeof line === "string" || (chosen && (line.if === "many") === many))
      .map((line) => fill(typeof line === "string" ? line : line.text, f))
      .filter(Boolean);
    const status = h("p", { class: "calls-status phone-status", role: "status", "data-testid": "phone-status" });
    const logBtn = h("button", { type: "button", class: "add phone-log", "data-testid": "phone-log", text: words.ui.logNow });
    logBtn.addEventListener("click", () => {
      const at = nowText();
      const ok = hooks.addContact({ ...c.log, at, note: c.title });
      status.textContent = ok ? fill(words.ui.logged, { time: whenText(at) }) : words.ui.logFailed;
    });
    const details = h(
      "details",
      { class: "phone-card", "data-card": c.id, "data-testid": `phone-card-${c.id}` },
      h("summary", { class: "phone-card-title", text: c.title }),
      h("p", { class: "phone-say-head", text: words.ui.sayHeading }),
      h(
        "ol",
        { class: "phone-say", lang: lang() },
        lines.map((text) => h("li", { text })),
      ),
      c.id === "plan" && !chosen ? h("p", { class: "hint", text: words.ui.planMissing }) : null,
      h("div", { class: "phone-actions" }, logBtn),
      status,
      c.cite.length ? h("details", { class: "phone-why" }, h("summary", { text: words.ui.citeHeading }), h("ul", { class: "phone-cites" }, c.cite.map(cite))) : null,
    );
    details.open = open.has(c.id);
    details.addEventListener("toggle", () => (details.open ? open.add(c.id) : open.delete(c.id)));
    return details;
  }

  function render() {
    heading.textContent = words.ui.phoneHeading;
    lead.textContent = words.ui.phoneLead;
    const fig = figures(ctx, rules, words);
    caseLine.textContent = fill(words.ui.figures, fig.f) ?? words.ui.figuresNone;
    clear(list).append(...words.cards.map((c) => card(c, fig)));
  }

  for (const key of ["overdue", "plan"]) ctx.share?.on(key, render);
  // The lender's name typed in the call log.
  root.closest("section")?.addEventListener("input", (e) => {
    if (e.target?.dataset?.testid === "calls-lender-name") render();
  });
  onLangChange(async () => {
    words = await phoneWords();
    render();
  });
  render();
}
