// The letter view (协商还款申请书): mount(root, ctx) listens for the plan
// chosen in the plans panel (ctx.share "plan" = { plan, input, balance }) and
// writes the letter on the device from the catalog's template, the plan's
// figures (engine strings, formatted only) and the person's own words.
// Copy uses navigator.clipboard.writeText, falling back to selecting the
// text; Print uses window.print(). Nothing is sent or stored anywhere.

import { h, clear } from "../dom.js";
import { t, has, lang, onLangChange } from "../i18n.js";
import * as fmt from "../format.js";
import { articleText } from "./overdue-source.js";
import { field, val, form as formEl, panel, declaredState, fieldsOf } from "../form.js";
import { LETTER as STATE } from "./fields.js";
import { lateHoursBind } from "./calls-data.js";
import { legalParams } from "../legal-text.js";

/** Today's date in the page's language; the page may read the clock, the engine never does. */
function today() {
  return new Intl.DateTimeFormat(lang(), { year: "numeric", month: "long", day: "numeric" }).format(new Date());
}

const PARTS = ["principal", "interest", "penalties", "fees"];

/** One line per part of a balance, as the contract has them (parts of 0.00 left out, principal always). */
function partLines(add, parts) {
  for (const k of PARTS) {
    if (parts[k] === undefined || (k !== "principal" && fmt.cents(parts[k]) === 0n)) continue;
    add("li", t(`letter.tpl.line.${k}`, { amount: fmt.money(parts[k]) }));
  }
}

/** A rule's source in the letter: document and article. */
function source(src) {
  return t("letter.tpl.source", { document: src.document, article: articleText(src.article) }).trim();
}

/** Removed rules that are a reduction a court makes on request (the 24 % line), not "not supported" by rule. */
const ON_REQUEST = new Set(["cnFinancial24", "cnCardCourtReduction", "cnPenaltyReduction"]);

/** Any "{name}" left in a text: a placeholder that must never reach the letter. */
export const PLACEHOLDER = /\{\w+\}/;

/**
 * The letter as blocks: { kind: "title" | "meta" | "h" | "p" | "li" | "sign", text }.
 * chosen = { plan, input, balance, value? }: value is repaymentPlans' whole output (claimed,
 * lawful, removed); loan = { principal, received, upfrontDeduction } when the case's up-front
 * deduction came from the loan entered above. The lender's figures are stated as the lender's
 * ("按贵机构的计算"), every plan as a proposal, and a plan above the monthly budget is never
 * promised: the letter says the budget instead.
 */
export function letterBlocks(chosen, words, loan = null) {
  const { plan, input, balance, value } = chosen;
  const lender = words.lender || t("letter.tpl.lenderBlank");
  const name = words.name || t("letter.tpl.nameBlank");
  const date = today();
  const out = [];
  const add = (kind, text) => out.push({ kind, text });
  add("title", t("letter.tpl.title"));
  add("meta", t("letter.tpl.to", { lender }));
  if (words.app) add("meta", t("letter.tpl.app", { app: words.app }));
  add("meta", t("letter.tpl.applicant", { name }));
  if (words.contact) add("meta", t("letter.tpl.contact", { contact: words.contact }));
  if (words.account) add("meta", t("letter.tpl.account", { account: words.account }));
  add("meta", t("letter.tpl.date", { date }));

  add("h", t("letter.tpl.h.debt"));
  const claimed = value?.claimed ?? { ...(input.balance ?? {}), total: balance };
  const removed = value?.removed ?? [];
  // Always the lender's figures, never an admission of them.
  add("p", t("letter.tpl.claimed", { total: fmt.money(claimed.total) }));
  partLines(add, claimed);
  if (loan && fmt.cents(loan.upfrontDeduction) > 0n) {
    add("p", t("letter.tpl.received", { contract: fmt.money(loan.principal), received: fmt.money(loan.received), deducted: fmt.money(loan.upfrontDeduction) }));
  }
  if (removed.length) {
    for (const r of removed) {
      const key = has(`letter.tpl.removed.${r.rule}`) ? `letter.tpl.removed.${r.rule}` : "letter.tpl.removed.other";
      add("p", t(key, { ...legalParams(), amount: fmt.money(r.amount), source: source(r.source) }));
    }
    const onRequest = removed.some((r) => ON_REQUEST.has(r.rule));
    add("p", t(onRequest ? "letter.tpl.lawfulReduced" : "letter.tpl.lawful", { total: fmt.money(value.lawful.total) }));
    partLines(add, value.lawful);
  }

  add("h", t("letter.tpl.h.reason"));
  for (const line of (words.reason || t("letter.tpl.reasonBlank")).split(/\n+/)) if (line.trim()) add("p", line.trim());
  add("p", t("letter.tpl.willing"));

  add("h", t("letter.tpl.h.plan"));
  if (removed.length) add("p", t(value.planOn === "claimed" ? "letter.tpl.planOnClaimed" : "letter.tpl.planOnLawful", { total: fmt.money(balance) }));
  const budget = value?.budget?.monthlyBudget ?? null;
  const over = plan.fitsBudget === false;
  const figures = {
    months: plan.months,
    monthly: fmt.money(plan.monthlyPayment),
    total: fmt.money(plan.totalPaid),
    holiday: plan.holidayMonths ?? 0,
    discount: fmt.money(plan.settlement?.discount ?? plan.waived ?? "0"),
    budget: budget === null ? "" : fmt.money(budget),
  };
  if (plan.kind === "asIs" && over) add("p", t("letter.tpl.plan.asIsOver", figures));
  else add("p", t(`letter.tpl.plan.${has(`letter.tpl.plan.${plan.kind}`) ? plan.kind : "installment"}`, figures));
  // Above the budget: say what can be paid, never promise what cannot.
  if (over && plan.kind !== "asIs" && budget !== null) add("p", t("letter.tpl.overBudget", figures));
  if (plan.kind === "waivePenalties" && plan.waived && fmt.cents(plan.waived) > 0n) add("p", t("letter.tpl.waive", { waived: fmt.money(plan.waived) }));
  if (plan.kind === "stopInterest") add("p", t("letter.tpl.stopInterest"));
  if (plan.kind === "lumpSum") add("p", t("letter.tpl.lumpWritten"));
  add("p", t(over ? "letter.tpl.agreementOver" : "letter.tpl.agreement"));
  add("p", t("letter.tpl.officialAccount"));

  add("h", t("letter.tpl.h.collection"));
  add("p", t(words.collectionAsk ? "letter.tpl.collectionAsk" : "letter.tpl.collection"));

  add("h", t("letter.tpl.h.attach"));
  ["id", "income", "hardship", "debts"].forEach((k, i) => add("li", `${i + 1}. ${t(`letter.tpl.attach.${k}`)}`));

  add("close", t("letter.tpl.close"));
  add("sign", t("letter.tpl.sign", { name }));
  add("sign", t("letter.tpl.signDate", { date }));
  // A message left with a placeholder (a missing figure) never reaches the screen: its line is dropped.
  const left = out.filter((x) => PLACEHOLDER.test(x.text));
  if (left.length) console.error("letter: a message kept a placeholder", left.map((x) => x.text));
  return out.filter((x) => !PLACEHOLDER.test(x.text));
}

/** Plain text of the blocks, for the clipboard. */
export function letterText(blocks) {
  return blocks
    .map((x, i) => ((x.kind === "h" || x.kind === "close") && i ? `\n${x.text}` : x.kind === "title" ? `${x.text}\n` : x.text))
    .join("\n");
}

export function mount(root, ctx) {
  const f = {
    lender: field("letterLender", "letter.lender", h("input", { type: "text", autocomplete: "off", maxlength: "80", t: ["letter.lenderPlaceholder", {}, "placeholder"] }), "letter.lenderHint"),
    app: field("letterApp", "letter.app", h("input", { type: "text", autocomplete: "off", maxlength: "60" }), "letter.appHint"),
    name: field("letterName", "letter.name", h("input", { type: "text", autocomplete: "name", maxlength: "60" })),
    contact: field("letterContact", "letter.contact", h("input", { type: "text", autocomplete: "off", maxlength: "80" })),
    account: field("letterAccount", "letter.account", h("input", { type: "text", autocomplete: "off", maxlength: "40" })),
    reason: field("letterReason", "letter.reason", h("textarea", { rows: "5", maxlength: "2000" }), "letter.reasonHint"),
  };
  const none = h("p", { class: "why letter-none", t: "letter.none" });
  const paper = h("article", { class: "letter-paper", "data-testid": "letter", tabindex: "-1" });
  const status = h("p", { class: "form-error letter-status", role: "status" });
  const copy = h("button", { type: "button", class: "primary", t: "letter.copy" });
  const print = h("button", { type: "button", class: "secondary", t: "letter.print" });
  const form = formEl(
    "terms-form letter-form",
    f.lender.wrap,
    f.app.wrap,
    f.name.wrap,
    f.contact.wrap,
    f.account.wrap,
    f.reason.wrap,
    h("p", { class: "hint", t: "letter.tips" }),
  );
  const view = h(
    "div",
    { class: "letter-view", hidden: true },
    h("h3", { class: "visually-hidden", t: "letter.preview" }),
    // Before it is sent: what the letter acknowledges, and where to pay (domain: limitation, acknowledgment).
    h("div", { class: "warning letter-before", "data-testid": "letter-before" }, h("p", { class: "flag-heading", t: "letter.before" }), h("p", { t: "letter.beforeLimitation" }), h("p", { t: "letter.beforeAccount" })),
    h("div", { class: "letter-actions" }, copy, print),
    status,
    paper,
    h("p", { class: "privacy", t: "letter.private" }),
  );
  panel(root, "letter.heading", "letter.lead", none, h("div", { class: "plans-layout letter-layout" }, form, view));

  let chosen = null;
  let blocks = [];

  function words() {
    // For a lender the collection-hours rule does not bind, the letter asks instead of citing rules.
    const collectionAsk = !lateHoursBind(ctx.engine, chosen?.input?.lender ?? chosen?.input?.overdue?.lender);
    return { lender: val(f.lender.input), app: val(f.app.input), name: val(f.name.input), contact: val(f.contact.input), account: val(f.account.input), reason: f.reason.input.value.trim(), collectionAsk };
  }

  function draw() {
    none.hidden = chosen !== null;
    view.hidden = chosen === null;
    root.classList.toggle("has-letter", chosen !== null);
    if (!chosen) return;
    blocks = letterBlocks(chosen, words(), chosen.input?.overdue ? ctx.share?.get("overdue")?.loan ?? null : null);
    clear(paper).append(
      ...blocks.map((x) => {
        if (x.kind === "title") return h("p", { class: "letter-title", text: x.text });
        if (x.kind === "h") return h("p", { class: "letter-h", text: x.text });
        return h("p", { class: `letter-${x.kind}`, text: x.text });
      }),
    );
    paper.lang = lang();
  }

  function selectAll() {
    const sel = window.getSelection();
    sel.removeAllRanges();
    const range = document.createRange();
    range.selectNodeContents(paper);
    sel.addRange(range);
    paper.focus();
    status.textContent = t("letter.selected");
  }

  copy.addEventListener("click", async () => {
    status.textContent = "";
    const text = letterText(blocks);
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      status.textContent = t("letter.copied");
    } catch {
      selectAll();
    }
  });
  // Only the letter is printed from this button (the page's own print stays whole).
  print.addEventListener("click", () => {
    document.body.classList.add("print-letter");
    window.addEventListener("afterprint", () => document.body.classList.remove("print-letter"), { once: true });
    window.print();
  });

  form.addEventListener("input", draw);
  onLangChange(draw);
  ctx.share?.on("plan", (value) => {
    chosen = value;
    status.textContent = "";
    draw();
  });
  // Saved state (www/state.js; fields declared in panels/fields.js LETTER; share links leave the letter out).
  const fields = declaredState(fieldsOf(STATE), Object.fromEntries(Object.entries(f).map(([k, x]) => [k, x.input])));
  ctx.state?.register("letter", {
    get: fields.get,
    set(s) {
      fields.set(s);
      draw();
    },
  });
  const initial = ctx.share?.get("plan");
  if (initial) chosen = initial;
  draw();
}
