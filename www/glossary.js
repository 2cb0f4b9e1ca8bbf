// Glossary popovers: a small "?" button beside a technical term (年化利率,
// IRR, 罚息, 复利, 违约金, LPR, 等额本息 vs 等额本金, 砍头息) opens a short plain
// explanation. Each explanation is one element with the popover attribute
// (the button's popovertarget opens and closes it, Escape and a tap outside
// close it, focus goes into it next and back to the button on Escape); where
// the popover attribute is missing the same element is a disclosure toggled
// by the button (aria-expanded, Escape closes).
//
// enhance(root) places the buttons and keeps placing them as panels re-render
// their results (a MutationObserver): the anchors below are the elements the
// panels already have, found by their i18n key or test id, so no panel changes.
// It works in the page and inside a <repay-calculator>'s shadow root alike:
// panels are found by data-panel, popovers by id within root's own tree.

import { h } from "./dom.js";
import { bind, scoped, t } from "./i18n.js";
import { legalParams } from "./legal-text.js";
import { loadCases } from "./engine.js";

export const TERMS = ["apr", "irr", "penalty", "compound", "defaultCharge", "lpr", "methods", "kantou"];

/** Where a "?" goes: a selector and the term it explains. */
const ANCHORS = [
  ['[data-panel="terms"] label[data-i18n="terms.rate"]', "apr"],
  ['[data-panel="terms"] label[data-i18n="terms.received"]', "kantou"],
  ['[data-panel="terms"] label[data-i18n="terms.method"]', "methods"],
  ['[data-testid="nominal"] > dt', "apr"],
  ['[data-testid="effective"] > dt', "irr"],
  ['[data-panel="overdue"] label[data-i18n="od.penaltyMode"]', "penalty"],
  ['[data-panel="overdue"] label[data-i18n="od.compound"]', "compound"],
  ['[data-panel="overdue"] label[data-i18n="od.lateFeeAmount"]', "defaultCharge"],
  ['[data-panel="overdue"] label[data-i18n="od.contractDate"]', "lpr"],
  ['[data-panel="overdue"] label[data-i18n="od.upfront"]', "kantou"],
  ['[data-testid="od-penalty"] > dt', "penalty"],
  ['[data-testid="od-compound"] > dt', "compound"],
  ['[data-testid="od-late-fees"] > dt', "defaultCharge"],
  ['[data-panel="plans"] label[data-i18n="plans.penalties"]', "penalty"],
  ['[data-panel="plans"] label[data-i18n="plans.fees"]', "defaultCharge"],
  ['[data-panel="rights"] [data-testid="lpr-confirmed"]', "lpr"],
];

const supportsPopover = typeof HTMLElement !== "undefined" && Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover");

function popoverFor(term, box) {
  const id = `gloss-${term}`;
  const existing = box.querySelector(`[id="${id}"]`);
  if (existing) return existing;
  const close = h("button", { type: "button", class: "gloss-close", t: ["gloss.close", {}, "aria-label"], text: "×" });
  const pop = h(
    "div",
    { id, class: "gloss-pop", "data-term": term, ...(supportsPopover ? { popover: "auto" } : { hidden: true }) },
    h("p", { class: "gloss-title", t: `gloss.${term}.title` }),
    h("p", { class: "gloss-body" }),
    close,
  );
  // Legal figures and citations come from the rule pack, which may be read after the popover is
  // built: the body takes them again each time it opens.
  const body = pop.querySelector(".gloss-body");
  // Where the pack is not read yet (an embed of the loan-terms panel alone never loads the module
  // that holds it), a body that needs a figure waits for it rather than show a placeholder.
  const key = `gloss.${term}.body`;
  const needsPack = () => /\{\w+\}/.test(t(key)) && !Object.keys(legalParams()).length;
  // (The module is fetched when such a popover opens, never just because it was built.)
  const refresh = (fetch) => {
    if (!needsPack()) return bind(body, key, legalParams());
    body.textContent = "…";
    if (fetch) loadCases().then(scoped(() => !needsPack() && bind(body, key, legalParams())));
  };
  refresh(false);
  pop.addEventListener("beforetoggle", () => refresh(true));
  pop.addEventListener("gloss-open", () => refresh(true));
  close.addEventListener("click", () => hide(pop));
  if (!supportsPopover) {
    pop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        hide(pop);
        pop.getRootNode().querySelector(`[aria-controls="${id}"][aria-expanded="true"]`)?.focus();
      }
    });
  }
  box.append(pop);
  return pop;
}

function hide(pop) {
  if (supportsPopover) {
    if (pop.matches(":popover-open")) pop.hidePopover();
  } else {
    pop.hidden = true;
    for (const b of pop.getRootNode().querySelectorAll(`[aria-controls="${pop.id}"]`)) b.setAttribute("aria-expanded", "false");
  }
}

function button(term, pop) {
  const b = h("button", { type: "button", class: "gloss", "data-term": term, t: [`gloss.${term}.ask`, {}, "aria-label"], text: "?" });
  if (supportsPopover) {
    b.setAttribute("popovertarget", pop.id);
  } else {
    b.setAttribute("aria-controls", pop.id);
    b.setAttribute("aria-expanded", "false");
    b.addEventListener("click", () => {
      const open = pop.hidden;
      if (open) pop.dispatchEvent(new Event("gloss-open"));
      pop.hidden = !open;
      b.setAttribute("aria-expanded", String(open));
      if (open) b.after(pop);
    });
    b.addEventListener("keydown", (e) => {
      if (e.key === "Escape") hide(pop);
    });
  }
  return b;
}

function place(root, box) {
  for (const [sel, term] of ANCHORS) {
    for (const el of root.querySelectorAll(sel)) {
      if (el.dataset.gloss) continue;
      el.dataset.gloss = term;
      const b = button(term, popoverFor(term, box));
      if (el.tagName === "DT") {
        // After the term's own words, before its hint line.
        const first = el.firstChild;
        if (first) first.after(" ", b);
        else el.append(b);
      } else {
        el.after(b);
        el.parentElement?.classList.add("has-gloss");
      }
    }
  }
}

/** Places "?" buttons under root now and whenever root's content changes. */
export function enhance(root) {
  if (!root) return;
  const box = h("div", { class: "gloss-box" });
  root.append(box);
  place(root, box);
  let queued = false;
  // Buttons placed later are labelled in the language scope active now (i18n.js).
  const placeLater = scoped(() => {
    queued = false;
    place(root, box);
  });
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(placeLater);
  }).observe(root, { childList: true, subtree: true });
}
