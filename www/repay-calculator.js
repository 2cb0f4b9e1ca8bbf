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
//
// CSS custom properties (set them on the element or any ancestor):
//   --repay-accent  buttons, links, chart lines (default #0b625d; #6fd0c6 dark)
//   --repay-bg      background (default #faf9f6; #15181b dark)
//   --repay-fg      text colour (default #1d2125; #eceae5 dark)
//   --repay-font    font family (default the system UI font with CJK fallbacks)
//   --repay-radius  corner radius of boxes and fields (default 10px)
//
// Events: `repay-ready` (no detail, not composed) once the engine has loaded
// and the panels are built. Nothing else: the element never sends what the
// person types or what it computes to the host page (no events with data, no
// postMessage, no storage, no requests but its own files).
//
// It renders into an open shadow root, so the host's styles and ours do not
// touch each other (the page's style.css is linked inside the shadow root;
// the theme properties above cross the boundary by inheritance). Text is set
// through textContent only; each panel's answer has its own aria-live region.
// The engine and every module load relative to this file (import.meta.url),
// so the host needs, in its CSP if it has one: script-src and connect-src
// allowing this file's origin plus 'wasm-unsafe-eval', style-src allowing it
// too; and that origin must send Access-Control-Allow-Origin for its files
// (module scripts and the wasm are fetched in CORS mode). A host that cannot
// do this uses the iframe mode instead (embed.html).
//
// Language and currency are page-wide settings of the shared modules: every
// <repay-calculator> on one page shows the language and currency of the last
// one connected. Use iframes (embed.html) to mix them on one page.

import { h, clear } from "./dom.js";

const PANELS = ["terms", "overdue", "plans", "debts", "letter", "rights", "calls"];
const LANGS = ["zh-CN", "zh-TW", "en"];
const NUMBER = /^[0-9][0-9,]{0,14}(\.[0-9]{1,10})?$/;
/** The host page's own <html lang> attribute ({ value }), read when the first element starts. */
let hostLang = null;

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

  /** The panels asked for, in page order (all when the attribute is absent or names none). */
  get panelList() {
    const asked = (this.getAttribute("panels") ?? "").split(",").map((s) => s.trim().toLowerCase());
    const list = PANELS.filter((p) => asked.includes(p));
    return list.length ? list : PANELS;
  }

  async #render() {
    const shadow = this.attachShadow({ mode: "open" });
    const lang = LANGS.includes(this.getAttribute("lang")) ? this.getAttribute("lang") : "zh-CN";
    const status = h("p", { class: "app-status", role: "status" });
    const main = h("div", { class: "repay-main" }, status);
    const frame = h("div", { class: "repay-embed", lang }, main);
    shadow.append(h("link", { rel: "stylesheet", href: new URL("style.css", import.meta.url).href }), frame);

    const i18n = await import("./i18n.js");
    const engineLoad = import("./engine.js"); // fetched while the messages load
    // setLang loads this language's messages (only those), labels the whole
    // document and sets <html lang>: in a host page that is the host's, so its
    // lang attribute, as read before any element changed it, is put back.
    hostLang ??= { value: document.documentElement.getAttribute("lang") };
    await i18n.setLang(lang);
    if (hostLang.value === null) document.documentElement.removeAttribute("lang");
    else document.documentElement.setAttribute("lang", hostLang.value);
    i18n.bind(status, "app.loading");
    frame.setAttribute("aria-label", i18n.t("embed.label"));
    frame.setAttribute("role", "region");

    const fmt = await import("./format.js");
    fmt.setCurrency?.(this.getAttribute("currency") ?? "CNY");

    const engine = await engineLoad;
    if (!engine.engineReady) {
      i18n.bind(status, "app.engineFailed");
      status.classList.add("is-error");
      return;
    }
    clear(status);
    delete status.dataset.i18n;
    status.hidden = true;

    const { createShare, createStateRegistry } = await import("./state.js");
    const ctx = { engine, share: createShare(), state: createStateRegistry() };
    for (const id of this.panelList) {
      const root = h("section", { class: "panel", "data-panel": id });
      main.append(root);
      try {
        const mod = await import(`./panels/${id}.js`);
        mod.mount(root, ctx);
      } catch (e) {
        console.error(`repay-calculator: panel ${id} failed to mount`, e);
      }
    }
    const defaults = { principal: numberAttr(this, "principal"), rate: numberAttr(this, "rate"), periods: numberAttr(this, "months") };
    const given = Object.fromEntries(Object.entries(defaults).filter(([, v]) => v !== undefined));
    if (ctx.state.has("terms") && Object.keys(given).length) {
      ctx.state.set({ terms: { ...given, ...(given.rate ? { ratePer: "year" } : {}) } });
    }
    frame.append(h("p", { class: "privacy repay-privacy", t: "app.privacy" }));
    this.dispatchEvent(new Event("repay-ready"));
  }
}

if (!customElements.get("repay-calculator")) customElements.define("repay-calculator", RepayCalculator);
