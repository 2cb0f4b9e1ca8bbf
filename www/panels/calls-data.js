// The collection log's data, apart from the page: the contact as the engine
// takes it, the CSV and JSON files (export and import, row by row), what is
// kept on the device (only with the "remember" opt-in) and the complaint
// pack's text. Every check of a contact is the engine's own (collectionLog on
// that one contact), so the page and the engine never disagree on what is valid.

import { t, lang } from "../i18n.js";
import { STORAGE_PREFIX } from "../state.js";
import { scopeNames } from "./rights.js";
import { articleCited } from "./overdue-source.js";

export const CHANNELS = ["call", "sms", "visit", "app", "other"];
export const RECIPIENTS = ["me", "relatedThirdParty", "unrelatedThirdParty"];
export const CONDUCT = ["threat", "insult", "impersonation", "falseConsequence", "exaggeratedAmount", "feeDemand", "newLoanPush", "publicExposure", "visitWithoutConsent", "privatePhone"];
/** The lender of record as asked (the overdue panel's list): "unlicensed" and "unknown" are answers the engine takes. */
export const LENDERS = ["bank", "creditCard", "consumerFinance", "microLoan", "private", "unlicensed", "unknown", "other"];
/** The most contacts a log holds (the engine's limit). */
export const MAX_CONTACTS = 5000;
/** Where the log is kept when the person chose "remember" (forget erases every repay. key). */
export const LOG_KEY = `${STORAGE_PREFIX}calls.v1`;
export const JSON_FORMAT = "repay.collectionLog";

/** The engine's contact for an entry: optional fields only when set. */
export function toContact(e) {
  const c = { at: e.at, channel: e.channel, to: e.to };
  if (e.channel === "call" && e.answered === false) c.answered = false;
  if (e.from) c.from = e.from;
  if (e.conduct?.length) c.conduct = [...e.conduct];
  if (e.debtDisclosed) c.debtDisclosed = true;
  if (e.note) c.note = e.note;
  return c;
}

/** "2026-3-1 9:05", "2026/03/01T09:05" … → "2026-03-01T09:05", or the text unchanged (the engine then says why). */
export function normalizeAt(text) {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[T\s]+(\d{1,2}):(\d{2})(?::\d{2})?\s*$/.exec(String(text ?? ""));
  if (!m) return String(text ?? "").trim();
  const p = (s) => s.padStart(2, "0");
  return `${m[1]}-${p(m[2])}-${p(m[3])}T${p(m[4])}:${m[5]}`;
}

/** An entry checked by the engine: { entry } or { error } (the engine's error for contacts[0]). */
export function checkEntry(engine, raw) {
  const entry = {
    at: normalizeAt(raw.at),
    channel: raw.channel,
    answered: raw.channel === "call" ? raw.answered !== false : true,
    to: raw.to,
    from: raw.from ? String(raw.from) : "",
    conduct: Array.isArray(raw.conduct) ? [...new Set(raw.conduct)] : [],
    debtDisclosed: raw.debtDisclosed === true,
    note: raw.note ? String(raw.note) : "",
  };
  const r = engine.collectionLog({ lender: "other", contacts: [toContact(entry)] });
  return r.ok ? { entry } : { error: r.error };
}

// ---- CSV --------------------------------------------------------------------------------------

/** The column keys, in file order; "rules" is written for the reader and ignored on import. */
export const CSV_COLUMNS = ["at", "channel", "answered", "to", "from", "conduct", "debtDisclosed", "note", "rules"];

const SEP = " | ";

/** The log as CSV rows (header first), in the page's language; flagsOf(i) names entry i's rules. */
export function csvRows(entries, flagsOf) {
  const head = CSV_COLUMNS.map((k) => t(`calls.col.${{ at: "time", debtDisclosed: "disclosed" }[k] ?? k}`));
  const rows = entries.map((e, i) => [
    e.at.replace("T", " "),
    t(`calls.channel.${e.channel}`),
    e.channel === "call" ? t(e.answered === false ? "calls.no" : "calls.yes") : "",
    t(`calls.to.${e.to}`),
    e.from ?? "",
    (e.conduct ?? []).map((c) => t(`calls.conduct.${c}`)).join(SEP),
    e.debtDisclosed ? t("calls.yes") : "",
    e.note ?? "",
    flagsOf(i).join(SEP),
  ]);
  return { head, rows };
}

/** RFC 4180 fields: quotes, doubled quotes, CRLF or LF; a leading BOM is dropped. */
export function parseCsv(text) {
  const s = String(text).replace(/^\uFEFF/, "");
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A word of the page's language or an API code → the code, else undefined. */
function codeOf(prefix, codes, word) {
  const w = String(word ?? "").trim();
  if (codes.includes(w)) return w;
  return codes.find((c) => t(`${prefix}.${c}`) === w);
}

const yes = (w) => {
  const s = String(w ?? "").trim().toLowerCase();
  return s === t("calls.yes").toLowerCase() || s === "true" || s === "yes" || s === "1";
};
const no = (w) => {
  const s = String(w ?? "").trim().toLowerCase();
  return s === t("calls.no").toLowerCase() || s === "false" || s === "no" || s === "0";
};

/** One CSV row → a raw entry (not yet checked); unknown words stay as typed so the engine names them. */
function rowEntry(cells) {
  const [at, channel, answered, to, from, conduct, disclosed, note] = cells;
  const ch = codeOf("calls.channel", CHANNELS, channel) ?? String(channel ?? "").trim();
  return {
    at,
    channel: ch,
    answered: ch === "call" ? !no(answered) : true,
    to: codeOf("calls.to", RECIPIENTS, to) ?? String(to ?? "").trim(),
    from: String(from ?? "").trim(),
    conduct: String(conduct ?? "")
      .split("|")
      .map((w) => w.trim())
      .filter(Boolean)
      .map((w) => codeOf("calls.conduct", CONDUCT, w) ?? w),
    debtDisclosed: yes(disclosed),
    note: note ?? "",
  };
}

/**
 * Reads a CSV or JSON log file. Returns { entries, badRows, lender?, consent?, tooMany }:
 * the good entries, the row numbers that could not be read (CSV: the line in the file,
 * header = 1; JSON: the item's number from 1), and the settings a JSON file carries.
 */
export function importLog(engine, text, name = "") {
  const trimmed = String(text).replace(/^\uFEFF/, "").trimStart();
  let raws = [];
  let meta = {};
  if (/\.json$/i.test(name) || trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let data = null;
    try {
      data = JSON.parse(trimmed);
    } catch {
      return { entries: [], badRows: [1], tooMany: false };
    }
    const list = Array.isArray(data) ? data : Array.isArray(data?.contacts) ? data.contacts : null;
    if (!list) return { entries: [], badRows: [1], tooMany: false };
    if (!Array.isArray(data)) {
      if (LENDERS.includes(data.lender)) meta.lender = data.lender;
      if (typeof data.consentToLateContact === "boolean") meta.consent = data.consentToLateContact;
    }
    raws = list.map((x, i) => ({ row: i + 1, raw: x !== null && typeof x === "object" && !Array.isArray(x) ? x : null }));
  } else {
    const rows = parseCsv(trimmed);
    rows.forEach((cells, i) => {
      if (cells.every((c) => c.trim() === "")) return;
      // The header (or any line whose first cell is no date) is not a contact: skipped when first.
      if (i === 0 && !/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(cells[0])) return;
      raws.push({ row: i + 1, raw: rowEntry(cells) });
    });
  }
  const entries = [];
  const badRows = [];
  for (const { row, raw } of raws) {
    const r = raw ? checkEntry(engine, raw) : { error: true };
    if (r.entry) entries.push(r.entry);
    else badRows.push(row);
  }
  const tooMany = entries.length > MAX_CONTACTS;
  return { entries: entries.slice(0, MAX_CONTACTS), badRows, tooMany, ...meta };
}

/** The JSON file: the settings and the contacts exactly as the engine takes them. */
export function jsonText(entries, lender, consent) {
  return JSON.stringify({ format: JSON_FORMAT, version: 1, lender, consentToLateContact: consent, contacts: entries.map(toContact) }, null, 2);
}

// ---- kept on the device (only with "remember") ------------------------------------------------

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The kept log, checked entry by entry; null when nothing is kept. */
export function loadKept(engine) {
  const text = storage()?.getItem(LOG_KEY);
  if (!text) return null;
  const r = importLog(engine, text, "kept.json");
  return { entries: r.entries, lender: r.lender, consent: r.consent };
}

export function keep(entries, lender, consent) {
  try {
    storage()?.setItem(LOG_KEY, jsonText(entries, lender, consent));
    return true;
  } catch {
    return false;
  }
}

export function dropKept() {
  try {
    storage()?.removeItem(LOG_KEY);
  } catch {
    // storage disabled: nothing was kept
  }
}

// ---- the complaint pack -----------------------------------------------------------------------

/** The routes of the pack for a lender type: the regulator routes first, then the rest. */
export function routesFor(routes, lender, flags) {
  const order = ["lender", "regulator", "selfRegulator", "harassment", "police", "creditReport"];
  const want = new Set(["lender", "regulator", "selfRegulator", "harassment"]);
  if (flags.some((f) => ["threat", "visitWithoutConsent"].includes(f.rule))) want.add("police");
  // A lender of record not known: every body that could be the right one, each saying whom it serves.
  return routes
    .filter((r) => (lender === "unknown" || r.scope.includes(lender)) && want.has(r.kind))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/**
 * The contacts flagged by rules that bind the lender (binding), and those flagged only by rules
 * that do not bind it (guideline), each contact counted once; documents names the latter's sources.
 */
export function breachCounts(flags) {
  const binding = new Set();
  const other = new Set();
  const documents = [];
  for (const f of flags ?? []) {
    for (const i of f.entries) (f.applies ? binding : other).add(i);
    if (!f.applies && f.source?.document && !documents.includes(f.source.document)) documents.push(f.source.document);
  }
  const guideline = [...other].filter((i) => !binding.has(i)).length;
  return { binding: binding.size, guideline, documents };
}

/**
 * A flag's other sources (binding law first: the flag's own source is the binding one for this
 * lender), each with the lender types it binds, as { cite, binds } for a line each; a rule that
 * binds only the China Banking Association's members says so plainly.
 */
export function alsoSources(f) {
  return (f.also ?? []).map((a) => ({
    cite: [a.document, articleText(articleCited(a))].filter(Boolean).join(" "),
    binds: a.binds ?? [],
    kind: a.kind,
    confidence: a.confidence,
  }));
}

/** A flag's own source with its article's confidence (a flag carries it beside the source). */
export const flagSource = (f) => ({ ...f.source, articleConfidence: f.articleConfidence });

/** One line of a flag's other source: "《…》：约束 银行、消费金融公司" (the CBA guideline: "只约束银行业协会会员…"). */
export function alsoLine(a, scopeNames) {
  const key = a.kind === "selfRegulation" ? "calls.alsoCba" : "calls.alsoBinds";
  return t(key, { source: a.cite, lenders: scopeNames(a.binds) });
}

/** Simplified characters of article numbers ("第一千零三十三条", "第二条第2项") and their Traditional forms. */
const ARTICLE_TW = { 条: "條", 项: "項", 万: "萬", 节: "節", 则: "則", 编: "編" };
/** A source's article as a zh-TW page shows it (the document's title stays as published). */
export function articleText(article) {
  if (!article || lang() !== "zh-TW") return article;
  return String(article).replace(/[条项万节则编]/g, (c) => ARTICLE_TW[c]);
}

/** Whether the collection-hours rule (conduct rule "lateHours") binds this lender type. */
export function lateHoursBind(engine, lender) {
  const r = engine.legalRules();
  const rule = r.ok && !r.value.problem ? (r.value.conductRules ?? []).find((x) => x.code === "lateHours") : null;
  return Boolean(rule && lender && rule.scope.includes(lender));
}

/** Facts whose pack line carries its condition instead of a plain "also concerns". */
const CONDITIONED = ["illegalDebtCollectionCrime"];

/**
 * The pack as blocks { kind: "title" | "meta" | "h" | "p" | "li", text }, in the page's
 * language. text(x) gives a pack entry's text in that language; when(at) formats a time.
 */
export function packBlocks({ entries, out, rules, lender, lenderName, complainant = "", text, when, date }) {
  const packScope = scopeNames;
  const blocks = [];
  const add = (kind, s) => blocks.push({ kind, text: s });
  const ruleTitle = (code) => (CONDUCT.includes(code) ? t(`calls.conduct.${code}`) : t(`calls.rule.${code}`));
  const cite = (s) => [s.document, articleText(articleCited(s)), s.date].filter(Boolean).join(" ");
  add("title", t("calls.pack.title"));
  const routes = routesFor(rules.complaintRoutes ?? [], lender, out.flags);
  if (routes.length) {
    add("h", t("calls.pack.routes"));
    for (const r of routes) {
      const name = t(`rights.route.${r.id}`);
      add("li", t("calls.pack.routeLine", { name: r.contact && !name.includes(r.contact) ? `${name} ${r.contact}` : name, text: text(r) }));
    }
  }
  add("meta", t("calls.pack.lender", { name: lenderName || t("calls.pack.lenderBlank"), type: t(`od.lender.${lender}`) }));
  if (lender === "unknown") add("p", t("calls.pack.lenderUnknown"));
  add("meta", complainant ? t("calls.pack.complainantNamed", { name: complainant }) : t("calls.pack.complainant"));
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i));
  if (sorted.length && out.flags.length) {
    const span = { first: when(sorted[0].e.at), last: when(sorted[sorted.length - 1].e.at), contacts: out.contacts };
    const counts = breachCounts(out.flags);
    const lenderType = t(`od.lender.${lender}`);
    if (counts.guideline) add("p", t("calls.pack.factsSplit", { ...span, binding: counts.binding, guideline: counts.guideline, documents: counts.documents.join("、"), lender: lenderType }));
    else add("p", t("calls.pack.facts", span));
    out.flags.forEach((f, n) => {
      add("h", t("calls.pack.rule", { n: n + 1, rule: ruleTitle(f.rule), count: f.count }));
      const rule = (rules.conductRules ?? []).find((r) => r.code === f.rule);
      if (rule) add("p", text(rule));
      add("p", t(f.applies ? "calls.pack.source" : "calls.pack.sourceRef", { source: cite(flagSource(f)) }));
      if (!f.applies) add("p", t("calls.pack.notBinding", { lender: lenderType }));
      for (const a of alsoSources(f)) add("p", alsoLine(a, packScope));
      const facts = (f.related ?? []).map((id) => (rules.facts ?? []).find((x) => x.id === id)).filter((x) => x && x.scope.includes(lender));
      const laws = facts.filter((x) => !CONDITIONED.includes(x.id)).map((x) => cite(x.source));
      if (laws.length) add("p", t("calls.pack.related", { laws: laws.join("; ") }));
      for (const x of facts.filter((x) => CONDITIONED.includes(x.id))) add("p", t(`calls.pack.condition.${x.id}`, { source: cite(x.source) }));
      for (const i of f.entries) add("li", entryLine(entries[i], when));
    });
  } else {
    add("p", t("calls.pack.noFlags"));
  }
  add("h", t("calls.pack.ask"));
  for (const k of ["ask1", "ask2", "ask3"]) add("p", t(`calls.pack.${k}`));
  add("p", t("calls.pack.willing"));
  add("p", t("calls.pack.attach", { contacts: entries.length }));
  add("meta", t("calls.pack.footer", { date }));
  return blocks;
}

/** "2026-03-05 15:00 电话（未接通） 我本人 95xxx：note". */
export function entryLine(e, when) {
  const parts = [when(e.at), `${t(`calls.channel.${e.channel}`)}${e.channel === "call" && e.answered === false ? t("calls.pack.unanswered") : ""}`, t(`calls.to.${e.to}`)];
  if (e.debtDisclosed) parts[parts.length - 1] += t("calls.pack.disclosed");
  if (e.from) parts.push(e.from);
  if (e.conduct?.length) parts.push(e.conduct.map((c) => t(`calls.conduct.${c}`)).join(SEP));
  if (e.note) parts.push(e.note);
  return parts.join("  ");
}

/** Plain text of the blocks, for the clipboard. */
export function packText(blocks) {
  return blocks.map((b, i) => (b.kind === "h" && i ? `\n${b.text}` : b.kind === "li" ? `  · ${b.text}` : b.kind === "title" ? `${b.text}\n` : b.text)).join("\n");
}
