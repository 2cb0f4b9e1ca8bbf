// The collection-log panel (催收记录): a person logs each collection call,
// message or visit in a few taps (the time is now unless changed; "missed
// call" and "called my family" are one tap each), sees the day-by-day picture
// and the entries that look like breaches, with the rule, whom it binds and
// its source (collectionLog in the engine), edits or deletes entries, exports
// and imports the log (CSV with BOM for Excel/WPS, or JSON), and prepares a
// complaint pack for the route that fits the lender type.
//
// Privacy: the log is evidence, so it is not lost with the tab. On the page
// (the share bar there: ctx.state.device, state.js) it is kept in localStorage
// (calls-data.js LOG_KEY) while "remember" is ticked, else in this tab's own
// sessionStorage (SESSION_KEY: survives a reload or a discarded tab, gone when
// the tab is closed, never sent); "forget" erases every repay. key, both of
// these too. While entries are neither remembered nor exported since their
// last change, leaving the page asks first (beforeunload). An embedded
// calculator keeps the log in memory only. It is not part of the page state,
// so it is never put in a share link.
// The lender type and name are page state ("calls"): kept with "remember",
// never in a share link.

import { h, clear, id } from "../dom.js";
import { t, has, lang, onLangChange } from "../i18n.js";
import * as fmt from "../format.js";
import { panel, options, errorText, declaredControls, fieldsOf } from "../form.js";
import { CALLS as STATE } from "./fields.js";
import { csvText, download, fileName, today } from "../export.js";
import { STORAGE_PREFIX } from "../state.js";
import { dataText, sourceLine } from "./overdue-source.js";
import { scopeNames } from "./rights.js";
import {
  CHANNELS,
  RECIPIENTS,
  CONDUCT,
  LENDERS,
  MAX_CONTACTS,
  breachCounts,
  alsoSources,
  alsoLine,
  flagSource,
  checkEntry,
  csvRows,
  importLog,
  jsonText,
  loadKept,
  keep,
  dropKept,
  packBlocks,
  packText,
  toContact,
} from "./calls-data.js";

/** The local time now as "YYYY-MM-DDTHH:MM" (the page may read the clock; the engine never does). */
function nowText() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "2026-03-05T15:00" → "2026年3月5日 15:00" (the date as the page shows dates). */
function when(at) {
  const [d, time] = String(at).split("T");
  return `${fmt.date(d)} ${time ?? ""}`.trim();
}

/** This tab's copy of a log that is not remembered (sessionStorage, under the repay. prefix). */
export const SESSION_KEY = `${STORAGE_PREFIX}calls.tab.v1`;

function tabStorage() {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage disabled by the browser
  }
}

/** The log kept in this tab, as loadKept gives the remembered one, or null. */
function loadTab(engine) {
  const text = tabStorage()?.getItem(SESSION_KEY);
  if (!text) return null;
  const r = importLog(engine, text, "tab.json");
  return { entries: r.entries, lender: r.lender, consent: r.consent };
}

export function mount(root, ctx) {
  const rulesR = ctx.engine.legalRules();
  const rules = rulesR.ok && !rulesR.value.problem ? rulesR.value : { conductRules: [], complaintRoutes: [], facts: [] };
  // The privacy bar's declared events (state.js createDevice); an embed has no bar and keeps the log in memory.
  const device = ctx.state?.device ?? null;
  const remembering = () => device?.attached === true && device.remembering;
  let entries = [];
  let exported = false; // exported (CSV or JSON) since the last change
  let editing = -1;
  let out = null;

  // ---- settings
  const lender = h("select", { id: id("calls-lender"), "data-testid": "calls-lender" }, options("od.lender", LENDERS));
  // The lender type follows the case (the overdue panel's, ctx.share "overdue") until the
  // person picks one here; that choice (own) is kept in the page state ("calls").
  let own = null;
  const caseLender = () => {
    const l = ctx.share?.get("overdue")?.lender;
    return LENDERS.includes(l) ? l : null;
  };
  lender.value = caseLender() ?? "bank";
  const lenderName = h("input", { type: "text", id: id("calls-lender-name"), maxlength: "80", autocomplete: "off", "data-testid": "calls-lender-name" });
  const consent = h("input", { type: "checkbox", id: id("calls-consent"), "data-testid": "calls-consent" });

  const settings = h(
    "div",
    { class: "calls-settings" },
    h("div", { class: "field" }, h("label", { for: lender.id, t: "calls.lender" }), lender),
    h("div", { class: "field" }, h("label", { for: lenderName.id, t: "calls.lenderName" }), lenderName),
    h("div", { class: "field field-check" }, h("div", { class: "check-row" }, consent, h("label", { for: consent.id, t: "calls.consent" }))),
  );

  // ---- quick buttons and the form
  const quickMissed = h("button", { type: "button", class: "add calls-quick", "data-testid": "calls-quick-missed", t: "calls.quickMissed" });
  const quickFamily = h("button", { type: "button", class: "add calls-quick", "data-testid": "calls-quick-family", t: "calls.quickFamily" });
  const at = h("input", { type: "datetime-local", id: id("calls-at"), step: "60", "data-testid": "calls-at", value: nowText() });
  const channel = h("select", { id: id("calls-channel"), "data-testid": "calls-channel" }, options("calls.channel", CHANNELS));
  const answered = h("input", { type: "checkbox", id: id("calls-answered"), "data-testid": "calls-answered" });
  answered.checked = true;
  const answeredRow = h("div", { class: "field field-check calls-answered" }, h("div", { class: "check-row" }, answered, h("label", { for: answered.id, t: "calls.answered" })));
  const to = h("select", { id: id("calls-to"), "data-testid": "calls-to" }, options("calls.to", RECIPIENTS));
  const disclosed = h("input", { type: "checkbox", id: id("calls-disclosed"), "data-testid": "calls-disclosed" });
  const disclosedRow = h("div", { class: "field field-check" }, h("div", { class: "check-row" }, disclosed, h("label", { for: disclosed.id, t: "calls.debtDisclosed" })));
  const conductBoxes = CONDUCT.map((code) => {
    const box = h("input", { type: "checkbox", id: id(`calls-c-${code}`), value: code, "data-conduct": code });
    return { code, box, row: h("div", { class: "check-row" }, box, h("label", { for: box.id, t: `calls.conduct.${code}` })) };
  });
  const conduct = h("fieldset", { class: "group calls-conduct" }, h("legend", { t: "calls.conductLegend" }), conductBoxes.map((c) => c.row));
  const from = h("input", { type: "text", id: id("calls-from"), maxlength: "64", autocomplete: "off", inputmode: "tel", "data-testid": "calls-from" });
  const note = h("textarea", { id: id("calls-note"), maxlength: "500", rows: "2", "data-testid": "calls-note" });
  const addBtn = h("button", { type: "submit", class: "primary", "data-testid": "calls-add" });
  const cancelBtn = h("button", { type: "button", class: "secondary", hidden: true, "data-testid": "calls-cancel", t: "calls.cancel" });
  const formError = h("p", { class: "field-error", role: "alert", hidden: true, "data-testid": "calls-error" });
  const formEl = h(
    "form",
    { class: "calls-form", "data-testid": "calls-form", novalidate: true },
    h("h3", { class: "od-subhead", t: "calls.addHeading" }),
    h("div", { class: "calls-quick-row" }, quickMissed, quickFamily),
    h("p", { class: "hint", t: "calls.quickHint" }),
    h("div", { class: "field" }, h("label", { for: at.id, t: "calls.at" }), at),
    h("div", { class: "field" }, h("label", { for: channel.id, t: "calls.channel" }), channel),
    answeredRow,
    h("div", { class: "field" }, h("label", { for: to.id, t: "calls.to" }), to),
    disclosedRow,
    conduct,
    h("div", { class: "field" }, h("label", { for: from.id, t: "calls.from" }), from),
    h("div", { class: "field" }, h("label", { for: note.id, t: "calls.note" }), note),
    formError,
    h("div", { class: "calls-actions" }, addBtn, cancelBtn),
  );
  const syncForm = () => {
    answeredRow.hidden = channel.value !== "call";
    disclosedRow.hidden = to.value === "me";
  };
  channel.addEventListener("change", syncForm);
  to.addEventListener("change", syncForm);

  // ---- status, storage line, results
  const status = h("p", { class: "calls-status", role: "status", "data-testid": "calls-status" });
  const storageLine = h("p", { class: "hint calls-storage", "data-testid": "calls-storage" });
  const summary = h("p", { class: "answer calls-summary", "data-testid": "calls-summary" });
  const flagsBox = h("div", { class: "calls-flags", "data-testid": "calls-flags" });
  const daysBox = h("div", { class: "calls-days", "data-testid": "calls-days" });
  const listBox = h("div", { class: "calls-list", "data-testid": "calls-list" });

  // ---- export, import
  const csvBtn = h("button", { type: "button", class: "export", "data-testid": "calls-export-csv", t: "calls.exportCsv" });
  const jsonBtn = h("button", { type: "button", class: "export", "data-testid": "calls-export-json", t: "calls.exportJson" });
  const file = h("input", { type: "file", id: id("calls-import"), accept: ".csv,.json,text/csv,application/json", "data-testid": "calls-import" });
  const exportBox = h(
    "div",
    { class: "calls-export" },
    h("h3", { class: "od-subhead", t: "calls.exportHeading" }),
    h("div", { class: "calls-export-row" }, csvBtn, jsonBtn),
    h("div", { class: "field" }, h("label", { for: file.id, t: "calls.import" }), file),
  );

  // ---- complaint pack
  const packBtn = h("button", { type: "button", class: "secondary", "data-testid": "calls-pack-make", t: "calls.packMake" });
  const packPaper = h("div", { class: "calls-paper", "data-testid": "calls-pack-paper" });
  const packCopy = h("button", { type: "button", class: "secondary", "data-testid": "calls-pack-copy", t: "calls.packCopy" });
  const packPrint = h("button", { type: "button", class: "secondary", "data-testid": "calls-pack-print", t: "calls.packPrint" });
  const packCsv = h("button", { type: "button", class: "export", "data-testid": "calls-pack-csv", t: "calls.exportCsv" });
  const packText_ = h("textarea", { readonly: true, rows: "8", id: id("calls-pack-text"), class: "calls-pack-text", "data-testid": "calls-pack-text" });
  const packStatus = h("p", { class: "calls-status", role: "status" });
  const packBody = h(
    "div",
    { class: "calls-pack-body", hidden: true },
    packPaper,
    h("div", { class: "calls-pack-actions" }, packCopy, packPrint, packCsv),
    h("div", { class: "field" }, h("label", { for: packText_.id, t: "calls.packText" }), packText_),
    packStatus,
  );
  const packBox = h("section", { class: "calls-pack", "data-testid": "calls-pack" }, h("h3", { class: "od-subhead", t: "calls.packHeading" }), h("p", { class: "hint", t: "calls.packLead" }), packBtn, packBody);

  // ---- hook: the phone cards and the pasted-message reader (panels/phone.js, panels/message.js,
  // owned apart) mount in these two boxes and log through addContact (add below: an entry as the
  // form reads it; true when added).
  const phoneBox = h("div", { class: "calls-phone", "data-testid": "calls-phone" });
  const messageBox = h("div", { class: "calls-message", "data-testid": "calls-message" });

  panel(root, "calls.heading", "calls.lead", settings, phoneBox, messageBox, formEl, status, storageLine, summary, flagsBox, daysBox, listBox, exportBox, packBox);

  // ---- behaviour
  const readForm = () => ({
    at: at.value,
    channel: channel.value,
    answered: channel.value === "call" ? answered.checked : true,
    to: to.value,
    from: from.value.trim(),
    conduct: conductBoxes.filter((c) => c.box.checked).map((c) => c.code),
    debtDisclosed: to.value !== "me" && disclosed.checked,
    note: note.value,
  });
  const resetForm = () => {
    editing = -1;
    at.value = nowText();
    channel.value = "call";
    answered.checked = true;
    to.value = "me";
    disclosed.checked = false;
    for (const c of conductBoxes) c.box.checked = false;
    from.value = "";
    note.value = "";
    addBtn.textContent = t("calls.add");
    cancelBtn.hidden = true;
    formError.hidden = true;
    syncForm();
  };
  const fillForm = (e) => {
    at.value = e.at;
    channel.value = e.channel;
    answered.checked = e.answered !== false;
    to.value = e.to;
    disclosed.checked = e.debtDisclosed === true;
    for (const c of conductBoxes) c.box.checked = (e.conduct ?? []).includes(c.code);
    from.value = e.from ?? "";
    note.value = e.note ?? "";
    addBtn.textContent = t("calls.save");
    cancelBtn.hidden = false;
    syncForm();
  };

  /**
   * Keeps the log: on this device while "remember" is ticked, else in this tab (the page only);
   * an empty log leaves nothing behind.
   */
  function store() {
    // Not before what was kept has been read back (the bar may come after this panel).
    if (device?.attached && restored) {
      const tab = tabStorage();
      try {
        if (remembering()) {
          if (entries.length) keep(entries, lender.value, consent.checked);
          else dropKept();
          tab?.removeItem(SESSION_KEY);
        } else if (entries.length) tab?.setItem(SESSION_KEY, jsonText(entries, lender.value, consent.checked));
        else tab?.removeItem(SESSION_KEY);
      } catch {
        // quota or private mode: the log stays in memory
      }
    }
    showStorage();
  }
  function showStorage() {
    storageLine.textContent = t(remembering() ? "calls.storageSaved" : device?.attached ? "calls.storageTab" : "calls.storageMemory");
  }
  /** Fills an empty log from what was kept (remembered, else this tab's copy) once the bar is there. */
  let restored = false;
  function restoreKept() {
    if (restored) return;
    restored = true;
    const kept = loadKept(ctx.engine) ?? loadTab(ctx.engine);
    if (!kept?.entries.length) {
      store(); // entries typed before the bar was there
      return;
    }
    entries = [...kept.entries, ...entries].slice(0, MAX_CONTACTS);
    if (own === null && !caseLender() && LENDERS.includes(kept.lender)) lender.value = kept.lender;
    consent.checked = kept.consent === true;
    update();
  }

  let futureAsked = null; // the time of an entry in the future the person was warned about
  function add(raw) {
    // A time in the future is most likely a slip (2030 for 2026): said once; adding again keeps it.
    if (typeof raw.at === "string" && raw.at > nowText() && futureAsked !== raw.at) {
      futureAsked = raw.at;
      formError.textContent = t("calls.future", { time: when(raw.at) });
      formError.dataset.kind = "warning";
      formError.hidden = false;
      at.focus?.();
      return false;
    }
    futureAsked = null;
    delete formError.dataset.kind;
    const r = checkEntry(ctx.engine, raw);
    if (r.error) {
      const labelKey = r.error.field?.endsWith(".at") ? "calls.field.at" : null;
      formError.textContent = t("calls.errorRow", { row: editing >= 0 ? editing + 1 : entries.length + 1, message: errorText(r.error, labelKey ? { labelKey } : null) });
      formError.hidden = false;
      (labelKey ? at : formEl).focus?.();
      return false;
    }
    if (editing >= 0) entries[editing] = r.entry;
    else if (entries.length < MAX_CONTACTS) entries.push(r.entry);
    status.textContent = t("calls.added", { time: when(r.entry.at) });
    resetForm();
    update();
    return true;
  }

  formEl.addEventListener("submit", (e) => {
    e.preventDefault();
    add(readForm());
  });
  cancelBtn.addEventListener("click", resetForm);
  quickMissed.addEventListener("click", () => add({ at: nowText(), channel: "call", answered: false, to: "me" }));
  quickFamily.addEventListener("click", () => add({ at: nowText(), channel: "call", answered: true, to: "unrelatedThirdParty" }));
  lender.addEventListener("change", () => {
    own = lender.value;
    update();
  });
  ctx.share?.on("overdue", () => {
    const l = caseLender();
    if (own === null && l && l !== lender.value) {
      lender.value = l;
      update();
    }
  });
  consent.addEventListener("change", update);
  lenderName.addEventListener("input", () => {
    if (!packBody.hidden) renderPack();
  });

  const ruleTitle = (code) => (CONDUCT.includes(code) ? t(`calls.conduct.${code}`) : t(`calls.rule.${code}`));
  const flagsOf = (i) => (out?.flags ?? []).filter((f) => f.entries.includes(i)).map((f) => ruleTitle(f.rule));

  function update() {
    exported = false;
    const r = ctx.engine.collectionLog({ lender: lender.value, consentToLateContact: consent.checked, contacts: entries.map(toContact) });
    out = r.ok ? r.value : null;
    render();
    store();
  }

  function render() {
    clear(flagsBox);
    clear(daysBox);
    clear(listBox);
    if (!entries.length || !out) {
      summary.textContent = t("calls.empty");
      if (!packBody.hidden) renderPack();
      return;
    }
    const flaggedCount = out.byDay.reduce((s, d) => s + d.flagged, 0);
    // Breaches of rules that bind this lender apart from those of rules that do not bind it.
    const counts = breachCounts(out.flags);
    summary.textContent = counts.guideline
      ? t("calls.summarySplit", { contacts: out.contacts, days: out.days, binding: counts.binding, guideline: counts.guideline, documents: counts.documents.join("、"), lender: t(`od.lender.${lender.value}`) })
      : t(flaggedCount ? "calls.summary" : "calls.summaryNone", { contacts: out.contacts, days: out.days, flagged: flaggedCount });
    if (out.flags.length) {
      flagsBox.append(
        h("h3", { class: "od-subhead", t: "calls.flagsHeading" }),
        h(
          "ul",
          { class: "calls-flag-list" },
          out.flags.map((f) => {
            const rule = rules.conductRules.find((x) => x.code === f.rule);
            const related = (f.related ?? []).map((rid) => rules.facts.find((x) => x.id === rid)).filter((x) => x && x.scope.includes(lender.value));
            return h(
              "li",
              { class: `calls-flag severity-${f.severity}${f.applies ? "" : " not-binding"}`, "data-rule": f.rule, "data-applies": String(f.applies) },
              h("p", { class: "calls-flag-title" }, h("strong", { text: ruleTitle(f.rule) }), " ", h("span", { class: "calls-severity", text: `(${t(`calls.severity.${f.severity}`)})` })),
              h("p", { class: "calls-flag-count", text: t("calls.flagCount", { count: f.count, dates: fmt.list(f.dates.map((d) => fmt.date(d))) }) }),
              rule ? h("p", { class: "rights-text", text: dataText(rule) }) : null,
              h(
                "p",
                { class: f.applies ? "hint calls-binds" : "warning-soft calls-binds", "data-testid": "calls-binds" },
                f.applies ? t("calls.applies", { lender: t(`od.lender.${lender.value}`) }) : t("calls.notApplies", { lenders: scopeNames(f.scope), lender: t(`od.lender.${lender.value}`) }),
              ),
              sourceLine(flagSource(f), f.confidence),
              // Binding law first: the source above binds this lender; the others, each with whom it binds.
              (f.also ?? []).length ? h("ul", { class: "hint calls-also", "data-testid": "calls-also" }, alsoSources(f).map((a) => h("li", { text: alsoLine(a, scopeNames) }))) : null,
              related.length
                ? h("div", { class: "calls-related" }, h("p", { class: "hint", text: t("calls.alsoSee") }), related.flatMap((x) => [h("p", { class: "calls-related-title", text: has(`rights.fact.${x.id}`) ? t(`rights.fact.${x.id}`) : dataText(x) }), sourceLine(x.source, x.confidence)]))
                : null,
              h("p", { class: "hint calls-flag-entries", text: `${t("calls.entriesOf")} ${f.entries.map((i) => when(entries[i].at)).join("；")}` }),
            );
          }),
        ),
      );
    }
    const table = (caption, cols, rows) =>
      h(
        "div",
        { class: "table-scroll", tabindex: "0", role: "region", "aria-label": caption },
        h("table", {}, h("caption", { class: "visually-hidden", text: caption }), h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col", text: t(`calls.col.${c}`) })))), h("tbody", {}, rows)),
      );
    daysBox.append(
      h("h3", { class: "od-subhead", t: "calls.daysHeading" }),
      table(
        t("calls.daysHeading"),
        ["date", "contacts", "unanswered", "late", "flagged"],
        out.byDay.map((d) =>
          h(
            "tr",
            { "data-date": d.date, class: d.flagged ? "calls-day-flagged" : null },
            h("th", { scope: "row", text: fmt.date(d.date) }),
            [d.contacts, d.unansweredCalls, d.lateContacts, d.flagged].map((n) => h("td", { class: "num", text: fmt.integer(n) })),
          ),
        ),
      ),
    );
    const order = entries.map((e, i) => i).sort((a, b) => (entries[a].at < entries[b].at ? -1 : entries[a].at > entries[b].at ? 1 : a - b));
    listBox.append(
      h("h3", { class: "od-subhead", t: "calls.entriesHeading" }),
      h(
        "ol",
        { class: "calls-entries", "data-testid": "calls-entries" },
        order.map((i) => {
          const e = entries[i];
          const fl = flagsOf(i);
          return h(
            "li",
            { class: `calls-entry${fl.length ? " is-flagged" : ""}`, "data-index": String(i) },
            h("p", { class: "calls-entry-main" }, h("strong", { text: when(e.at) }), " ", `${t(`calls.channel.${e.channel}`)}${e.channel === "call" && e.answered === false ? t("calls.pack.unanswered") : ""} · ${t(`calls.to.${e.to}`)}`),
            e.from || e.note || e.conduct.length
              ? h("p", { class: "hint", text: [e.from, e.conduct.map((c) => t(`calls.conduct.${c}`)).join("；"), e.debtDisclosed ? t("calls.debtDisclosed") : "", e.note].filter(Boolean).join(" · ") })
              : null,
            fl.length ? h("p", { class: "calls-entry-rules", text: fl.join("；") }) : null,
            h(
              "div",
              { class: "calls-entry-actions" },
              h("button", { type: "button", class: "secondary", "data-action": "edit", "aria-label": t("calls.editLabel", { time: when(e.at) }), text: t("calls.edit"), on: { click: () => startEdit(i) } }),
              h("button", { type: "button", class: "secondary", "data-action": "delete", "aria-label": t("calls.deleteLabel", { time: when(e.at) }), text: t("calls.delete"), on: { click: () => remove(i) } }),
            ),
          );
        }),
      ),
    );
    if (!packBody.hidden) renderPack();
  }

  function startEdit(i) {
    editing = i;
    fillForm(entries[i]);
    at.focus();
  }
  function remove(i) {
    entries.splice(i, 1);
    if (editing === i) resetForm();
    else if (editing > i) editing -= 1;
    status.textContent = t("calls.deleted");
    update();
  }

  // ---- files
  const fileBase = () => t("calls.file");
  const csvNow = () => {
    const { head, rows } = csvRows(entries, flagsOf);
    return csvText(head, rows);
  };
  const exportDone = () => {
    exported = entries.length > 0;
  };
  csvBtn.addEventListener("click", () => {
    download(fileName(fileBase()), csvNow());
    exportDone();
  });
  packCsv.addEventListener("click", () => {
    download(fileName(fileBase()), csvNow());
    exportDone();
  });
  jsonBtn.addEventListener("click", () => {
    download(`${fileBase()}-${today()}.json`, jsonText(entries, lender.value, consent.checked), "application/json");
    exportDone();
  });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    const text = await f.text();
    const r = importLog(ctx.engine, text, f.name);
    const room = MAX_CONTACTS - entries.length;
    entries = entries.concat(r.entries.slice(0, Math.max(0, room)));
    if (r.lender && !entries.length) lender.value = r.lender;
    const msgs = [];
    if (r.entries.length) msgs.push(r.badRows.length ? t("calls.importBad", { count: Math.min(r.entries.length, room), rows: r.badRows.join(", ") }) : t("calls.imported", { count: Math.min(r.entries.length, room) }));
    else msgs.push(r.badRows.length ? t("calls.importBad", { count: 0, rows: r.badRows.join(", ") }) : t("calls.importNone"));
    if (r.tooMany || r.entries.length > room) msgs.push(t("calls.importTooMany", { max: MAX_CONTACTS }));
    status.textContent = msgs.join(" ");
    file.value = "";
    update();
  });

  // ---- complaint pack
  /** The name typed in the letter panel (its state; the letter is never in a share link), or "". */
  const letterName = () => {
    try {
      return ctx.state?.has("letter") ? String(ctx.state.get(["letter"]).letter?.name ?? "").trim() : "";
    } catch {
      return "";
    }
  };
  document.getElementById("panel-letter")?.addEventListener("input", () => {
    if (!packBody.hidden) renderPack();
  });
  let blocks = [];
  function renderPack() {
    const date = new Intl.DateTimeFormat(lang(), { year: "numeric", month: "long", day: "numeric" }).format(new Date());
    blocks = packBlocks({
      entries,
      out: out ?? { contacts: 0, flags: [] },
      rules,
      lender: lender.value,
      lenderName: lenderName.value.trim(),
      complainant: letterName(),
      text: dataText,
      when,
      date,
    });
    clear(packPaper).append(
      ...blocks.map((b) => {
        if (b.kind === "title") return h("h4", { class: "calls-paper-title", text: b.text });
        if (b.kind === "h") return h("p", { class: "calls-paper-h", text: b.text });
        if (b.kind === "li") return h("p", { class: "calls-paper-li", text: b.text });
        if (b.kind === "meta") return h("p", { class: "calls-paper-meta", text: b.text });
        return h("p", { text: b.text });
      }),
    );
    packText_.value = packText(blocks);
  }
  packBtn.addEventListener("click", () => {
    packBody.hidden = false;
    renderPack();
    packPaper.scrollIntoView?.({ block: "nearest" });
  });
  packCopy.addEventListener("click", async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(packText_.value);
      packStatus.textContent = t("calls.packCopied");
    } catch {
      packText_.focus();
      packText_.select();
      packStatus.textContent = t("calls.packCopyManual");
    }
  });
  packPrint.addEventListener("click", () => {
    renderPack();
    document.body.classList.add("print-calls");
    const done = () => {
      document.body.classList.remove("print-calls");
      removeEventListener("afterprint", done);
    };
    addEventListener("afterprint", done);
    window.print();
  });

  // ---- remember / forget: the bar's declared events (state.js createDevice), whichever of the bar
  // and this panel comes first.
  if (device) {
    device.on("attach", restoreKept);
    device.on("remember", (on) => {
      if (!on) dropKept();
      store();
    });
    device.on("forget", () => {
      dropKept();
      tabStorage()?.removeItem(SESSION_KEY);
      showStorage();
    });
    // Evidence not kept anywhere but this page: leaving asks first (the page only).
    addEventListener("beforeunload", (e) => {
      if (!device.attached || !entries.length || remembering() || exported) return;
      e.preventDefault();
      e.returnValue = "";
    });
  }

  onLangChange(() => {
    resetFormLabels();
    render();
    showStorage();
  });
  function resetFormLabels() {
    addBtn.textContent = t(editing >= 0 ? "calls.save" : "calls.add");
  }
  // Saved state (www/state.js): the lender type the person picked here ("" = the case's) and
  // the lender's name. Share links leave this panel out, as they leave out the log.
  ctx.state?.register("calls", {
    // Its declared fields (panels/fields.js CALLS), checked and in declared order.
    get: () => declaredControls(fieldsOf(STATE), { lender: own ?? "", lenderName: lenderName.value }),
    set(s) {
      own = LENDERS.includes(s.lender) ? s.lender : null;
      lender.value = own ?? caseLender() ?? lender.value;
      if (typeof s.lenderName === "string") lenderName.value = s.lenderName;
      update();
    },
  });
  resetForm();
  update();
  if (device?.attached) restoreKept();
  showStorage();
  // ---- hook (see phoneBox above)
  const hooks = { addContact: (entry) => add(entry) };
  import("./phone.js").then((m) => m.mount(phoneBox, ctx, hooks)).catch((e) => console.error("the phone cards failed to mount", e));
  import("./message.js").then((m) => m.mount(messageBox, ctx, hooks)).catch((e) => console.error("the message reader failed to mount", e));
  return { update };
}
