// 读一条催收短信 / Paste a message: the person pastes an SMS, an app notice or a chat message;
// the engine reads it on the device (readMessage) and the text is shown with each finding
// highlighted and explained (conduct codes with the rule pack's rule and source). Nothing is
// applied without a confirmation, one finding at a time: "use for the case" puts an amount into
// the overdue panel's field through the page state (ctx.state, as a saved case or a link would),
// and "add this message to the call log" adds an SMS entry with its conduct codes and the time
// received through the calls panel's hook (hooks.addContact). Nothing leaves the device and
// nothing is stored: the text lives in the textarea only.
//
// Mounted by the calls panel (panels/calls.js, its "extras" hook) below the phone cards.

import { h, clear, id } from "../dom.js";
import { t, onLangChange } from "../i18n.js";
import { errorText } from "../form.js";
import * as fmt from "../format.js";
import { dataText, leadSource, sourceLine } from "./overdue-source.js";
import { scopeNames } from "./rights.js";
import { LENDERS } from "./calls-data.js";
import { phoneWords, fill, nowText, whenText } from "./phone.js";

/** The overdue panel's field an amount of each label goes to by default (the person can change it). */
const TARGET = { interest: "interest", penalty: "fees", lateFee: "fees", fee: "fees", collectionFee: "fees" };
const TARGETS = ["principal", "interest", "fees"];
const MAX_NOTE = 500;

/**
 * The findings of a reading as one list in text order, each with its kind; findings with the same
 * span (a link that is also a payment link) become one, and one that overlaps an earlier one
 * (none does today: the engine keeps links, phones, deadlines and amounts apart) is listed but
 * not marked.
 */
export function findingsOf(out) {
  const all = [
    ...out.amounts.map((x) => ({ kind: "amount", ...x })),
    ...out.deadlines.map((x) => ({ kind: "deadline", ...x })),
    ...out.phones.map((x) => ({ kind: "phone", ...x })),
    ...out.links.map((x) => ({ kind: "link", ...x })),
    ...out.conduct.map((x) => ({ kind: "conduct", ...x })),
    ...out.warnings.map((x) => ({ kind: "warning", ...x })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const marks = [];
  for (const f of all) {
    const last = marks[marks.length - 1];
    if (last && last.start === f.start && last.end === f.end) last.items.push(f);
    else if (last && f.start < last.end) last.items.push(f);
    else marks.push({ start: f.start, end: f.end, items: [f] });
  }
  return marks;
}

export async function mount(root, ctx, hooks) {
  const r = ctx.engine.legalRules();
  const rules = r.ok && !r.value.problem ? r.value : { conductRules: [], facts: [] };
  let words = await phoneWords();
  const heading = h("h3", { class: "od-subhead msg-heading" });
  const lead = h("p", { class: "hint" });
  const text = h("textarea", { id: id("msg-text"), rows: "5", maxlength: "5000", "data-testid": "msg-text", spellcheck: "false" });
  const textLabel = h("label", { for: text.id });
  const at = h("input", { type: "datetime-local", id: id("msg-at"), step: "60", "data-testid": "msg-at", value: nowText() });
  const atLabel = h("label", { for: at.id });
  const readBtn = h("button", { type: "button", class: "primary", "data-testid": "msg-read" });
  const clearBtn = h("button", { type: "button", class: "secondary", "data-testid": "msg-clear" });
  const error = h("p", { class: "field-error", role: "alert", hidden: true, "data-testid": "msg-error" });
  const summary = h("p", { class: "answer msg-summary", role: "status", "data-testid": "msg-summary" });
  const shown = h("p", { class: "msg-shown", "data-testid": "msg-shown", hidden: true });
  const list = h("ol", { class: "msg-findings", "data-testid": "msg-findings" });
  const logBox = h("div", { class: "msg-log" });
  root.append(
    h(
      "section",
      { class: "msg", "data-testid": "msg" },
      heading,
      lead,
      h("div", { class: "field" }, textLabel, text),
      h("div", { class: "field" }, atLabel, at),
      h("div", { class: "calls-actions" }, readBtn, clearBtn),
      error,
      summary,
      shown,
      list,
      logBox,
    ),
  );

  let reading = null; // { text, at, out }
  let logged = false;

  function labels() {
    heading.textContent = words.ui.msgHeading;
    lead.textContent = words.ui.msgLead;
    textLabel.textContent = words.ui.msgText;
    atLabel.textContent = words.ui.msgAt;
    readBtn.textContent = words.ui.msgRead;
    clearBtn.textContent = words.ui.msgClear;
  }

  function read() {
    error.hidden = true;
    const receivedAt = at.value || undefined;
    const res = ctx.engine.readMessage({ text: text.value, ...(receivedAt ? { receivedAt } : {}) });
    if (!res.ok) {
      reading = null;
      error.textContent = errorText(res.error);
      error.hidden = false;
      render();
      return;
    }
    reading = { text: text.value, at: receivedAt ?? nowText(), out: res.value };
    logged = false;
    logStatus.textContent = "";
    render();
  }

  const conductName = (code) => t(`calls.conduct.${code}`);
  const whenOf = (d) => [d.date ? fmt.date(d.date) : "", d.time ?? ""].filter(Boolean).join(" ");

  function explain(f, n) {
    const u = words.ui;
    const parts = [h("span", { class: "msg-no", text: `${n}` })];
    if (f.kind === "amount") {
      const select = h("select", { "data-testid": "msg-target", "aria-label": u.target }, TARGETS.map((k) => h("option", { value: k, text: u.targetField[k] })));
      select.value = TARGET[f.label] ?? "principal";
      const use = h("button", { type: "button", class: "secondary", "data-testid": "msg-use-amount", text: u.useAmount });
      const done = h("p", { class: "calls-status", role: "status" });
      use.addEventListener("click", () => {
        const field = select.value;
        const current = ctx.state.get(["overdue"]).overdue ?? {};
        ctx.state.set({ overdue: { ...current, [field]: f.value } });
        done.textContent = fill(u.usedAmount, { amount: fmt.money(f.value), field: u.targetField[field] });
      });
      parts.push(
        h("strong", { text: fill(u.amount, { amount: fmt.money(f.value) }) }),
        " · ",
        u.label[f.label ?? "none"],
        h("p", { class: "hint", text: u.amountNote }),
        h("div", { class: "msg-use" }, h("span", { text: u.target }), select, use),
        done,
      );
    } else if (f.kind === "deadline") {
      const when = whenOf(f);
      parts.push(h("strong", { text: when ? fill(u.deadline, { when }) : u.deadlineUnknown }));
    } else if (f.kind === "phone") {
      parts.push(fill(u.phone, { number: f.number }));
    } else if (f.kind === "link") {
      parts.push(fill(u.link, { url: f.url }));
    } else if (f.kind === "warning") {
      parts.push(h("strong", { class: "msg-warning", text: u.warning[f.code] }));
    } else if (f.kind === "conduct") {
      const rule = rules.conductRules.find((x) => x.code === f.code);
      // Binding law first: the facts on the same conduct that bind every lender, then the rule
      // with the lenders it binds.
      const related = (rule?.related ?? []).map((fid) => rules.facts.find((x) => x.id === fid)).filter((x) => x && LENDERS.every((l) => x.scope.includes(l)));
      parts.push(
        h("strong", { text: fill(u.conductIs, { conduct: conductName(f.code) }) }),
        related.flatMap((x) => [h("p", { class: "rights-text", text: dataText(x) }), sourceLine(x.source, x.confidence)]),
        rule ? h("p", { class: "rights-text", text: dataText(rule) }) : null,
        rule ? h("p", { class: "hint", text: fill(u.binds, { lenders: scopeNames(rule.scope) }) }) : null,
        rule ? sourceLine(leadSource(rule), rule.confidence) : null,
        logButton(),
      );
    }
    return h("li", { class: `msg-finding msg-${f.kind}`, "data-kind": f.kind, "data-code": f.code ?? f.label ?? "" }, parts);
  }

  const logStatus = h("p", { class: "calls-status", role: "status", "data-testid": "msg-log-status" });
  function addToLog() {
    if (!reading || logged) return;
    const out = reading.out;
    const conduct = [...new Set(out.conduct.map((c) => c.code))];
    const note = fill(words.ui.note, { text: reading.text.replace(/\s+/g, " ").trim() }) ?? "";
    const ok = hooks.addContact({
      at: reading.at,
      channel: "sms",
      to: "me",
      from: out.phones[0]?.number ?? "",
      conduct,
      note: note.length > MAX_NOTE ? `${note.slice(0, MAX_NOTE - 1)}…` : note,
    });
    if (!ok) return;
    logged = true;
    logStatus.textContent = conduct.length
      ? fill(words.ui.addedToLog, { time: whenText(reading.at), conduct: conduct.map(conductName).join("、") })
      : fill(words.ui.addedToLogNone, { time: whenText(reading.at) });
    for (const b of root.querySelectorAll('[data-testid="msg-add-log"]')) b.disabled = true;
  }
  function logButton() {
    const b = h("button", { type: "button", class: "secondary", "data-testid": "msg-add-log", text: words.ui.addToLog });
    b.disabled = logged;
    b.addEventListener("click", addToLog);
    return b;
  }

  function render() {
    clear(list);
    clear(logBox);
    clear(shown);
    shown.hidden = true;
    summary.textContent = "";
    if (!reading) return;
    const { out } = reading;
    const marks = findingsOf(out);
    const head = [];
    if (out.daysOverdue !== null) head.push(fill(words.ui.msgDays, { days: fmt.integer(out.daysOverdue) }));
    const count = marks.reduce((s, m) => s + m.items.length, 0);
    head.unshift(count ? fill(words.ui.msgFound, { count: fmt.integer(count) }) : out.daysOverdue === null ? words.ui.msgNothing : "");
    summary.textContent = head.filter(Boolean).join(" ");
    // The text with each finding marked; offsets are JS string indices (UTF-16), as the engine gives them.
    let pos = 0;
    let n = 0;
    const items = [];
    for (const m of marks) {
      if (m.start < pos) continue;
      shown.append(reading.text.slice(pos, m.start));
      n += 1;
      shown.append(h("mark", { class: `msg-mark msg-${m.items[0].kind}`, "data-n": String(n), "data-testid": "msg-mark" }, h("sup", { text: `${n}` }), reading.text.slice(m.start, m.end)));
      for (const f of m.items) items.push(explain(f, n));
      pos = m.end;
    }
    shown.append(reading.text.slice(pos));
    shown.hidden = false;
    list.append(...items);
    logBox.append(logButton(), logStatus);
  }

  readBtn.addEventListener("click", read);
  clearBtn.addEventListener("click", () => {
    text.value = "";
    at.value = nowText();
    reading = null;
    error.hidden = true;
    logStatus.textContent = "";
    render();
  });
  onLangChange(async () => {
    words = await phoneWords();
    labels();
    render();
  });
  labels();
  render();
}
