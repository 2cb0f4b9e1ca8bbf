// <repay-calculator>: the calculator as one custom element, for advice sites
// that embed it. One script tag loads it:
//
//   <script type="module" src="https://calculator.example/repay-calculator.js"></script>
//   <repay-calculator lang="zh-CN" panels="terms,overdue" currency="CNY"></repay-calculator>
//
// Attributes (read once, when the element is first connected):
//   lang       zh-CN (default) | zh-TW | en
//   panels     comma list, in page order whatever the order given:
//              terms,overdue,plans,debts,letter,rights,calls (default: all)
//   currency   CNY (default) | HKD | TWD | GBP | USD | EUR — how money is shown
//   principal  default loan amount of the terms panel, e.g. "10000"
//   rate       default annual rate of the terms panel in percent, e.g. "4.9"
//   months     default number of monthly payments of the terms panel, e.g. "12"
//   theme      light | dark | auto (default: the visitor's system setting);
//              style.css :host([theme=…]), so it may also change later
//
// CSS custom properties (set them on the element or any ancestor):
//   --repay-accent  buttons, links, chart lines (default #0b625d; #6fd0c6 dark)
//   --repay-bg      background (default #faf9f6; #15181b dark)
//   --repay-fg      text colour (default #1d2125; #eceae5 dark)
//   --repay-font    font family (default the system UI font with CJK fallbacks)
//   --repay-radius  corner radius of boxes and of the fields (default 10px; fields 8px)
//
// Events: `repay-ready` (no detail, not composed) once the engine has loaded
// and the panels are built. Nothing else: the element never sends what the
// person types or what it computes to the host page (no events with data, no
// postMessage, no storage, no requests but its own files).
//
// It renders into an open shadow root, so the host's styles and ours do not
// touch each other (the page's style.css is linked inside the shadow root, and
// panels.css beside it once panels after the loan-terms one are fetched;
// the theme properties above cross the boundary by inheritance). Text is set
// through textContent only; each panel's answer has its own aria-live region.
// The engine and every module load relative to this file (import.meta.url),
// so the host needs, in its CSP if it has one: script-src and connect-src
// allowing this file's origin plus 'wasm-unsafe-eval', style-src allowing it
// too; and that origin must send Access-Control-Allow-Origin for its files
// (module scripts and the wasm are fetched in CORS mode). A host that cannot
// do this uses the iframe mode instead (embed.html).
//
// Language and currency belong to each element (a scope of i18n.js): two
// elements with lang="en" and lang="zh-CN" on one page each show their own
// language, money and glossary. The host's <html lang> is never changed.

import { h } from "./dom.js";
// The start-up modules, static: the built site holds them in one chunk with dom.js (no extra
// request). The engine's façade is imported when it starts (its namespace is the panels' engine).
import * as i18n from "./i18n.js";
import * as start from "./start.js";
import * as fmt from "./format.js";

const LANGS = ["zh-CN", "zh-TW", "en"];
const NUMBER = /^[0-9][0-9,]{0,14}(\.[0-9]{1,10})?$/;
/** Events whose handlers inside the element run in its language scope (entered at capture). */
const SCOPED_EVENTS = ["input", "change", "click", "keydown", "keyup", "submit", "toggle", "beforetoggle", "focusin", "focusout", "pointerdown"];

/** A number attribute as the terms panel's state string, or undefined when absent or malformed. */
function numberAttr(el, name) {
  const v = el.getAttribute(name)?.trim();
  return v && NUMBER.test(v) ? v.replace(/,/g, "") : undefined;
}

class RepayCalculator extends HTMLElement {
  #started = false;

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    this.#render().catch((e) => console.error("repay-calculator failed to start", e));
  }

  async #render() {
    const shadow = this.attachShadow({ mode: "open" });
    const lang = LANGS.includes(this.getAttribute("lang")) ? this.getAttribute("lang") : "zh-CN";
    const status = h("p", { class: "app-status", role: "status" });
    const main = h("div", { class: "repay-main" }, status);
    const frame = h("div", { class: "repay-embed", lang }, main);
    shadow.append(h("link", { rel: "stylesheet", href: new URL("style.css", import.meta.url).href }), frame);

    const engineLoad = import("./engine.js"); // fetched while the messages load
    // The engine module its first panel needs starts loading now, beside the messages.
    engineLoad.then((engine) => start.startEngine(engine, start.panelsNamed(this.getAttribute("panels")))).catch(() => {});
    // This element's own language and currency: code between awaits runs in
    // its scope (run), and so does every event handler inside it.
    const scope = i18n.createScope(lang, shadow);
    const run = (fn) => i18n.inScope(scope, fn);
    for (const type of SCOPED_EVENTS) shadow.addEventListener(type, () => i18n.enterScope(scope), { capture: true });
    await run(() => i18n.setLang(lang)); // loads this language's messages (only those)
    run(() => i18n.bind(status, "app.loading"));
    frame.setAttribute("aria-label", run(() => i18n.t("embed.label")));
    frame.setAttribute("role", "region");

    run(() => fmt.setCurrency(this.getAttribute("currency") ?? "CNY"));

    // The panel list and start-up are the page's own (start.js), run in this element's scope.
    const ctx = await start.startPanels({
      engineLoad,
      status,
      names: start.panelsNamed(this.getAttribute("panels")),
      rootFor: (name) => main.appendChild(h("section", { class: "panel", "data-panel": name })),
      styleRoot: shadow,
      run,
    });
    const defaults = { principal: numberAttr(this, "principal"), rate: numberAttr(this, "rate"), periods: numberAttr(this, "months") };
    const given = Object.fromEntries(Object.entries(defaults).filter(([, v]) => v !== undefined));
    if (!ctx) return;
    if (ctx.state.has("terms") && Object.keys(given).length) {
      run(() => ctx.state.set({ terms: { ...given, ...(given.rate ? { ratePer: "year" } : {}) } }));
    }
    // "?" buttons beside technical terms, as on the page, with their messages (catalogs.js part glossary).
    const [glossary] = await Promise.all([
      import("./glossary.js"),
      run(() => i18n.needMessages("glossary")).catch((e) => console.error("could not load the glossary's messages", e)),
    ]);
    run(() => {
      glossary.enhance(main);
      frame.append(h("p", { class: "privacy repay-privacy", t: "app.privacy" }));
    });
    // Ready once every panel asked for is mounted (the first one computes before that).
    await ctx.rest;
    this.dispatchEvent(new Event("repay-ready"));
  }
}

if (!customElements.get("repay-calculator")) customElements.define("repay-calculator", RepayCalculator);
