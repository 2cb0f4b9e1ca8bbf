// The iframe mode (embed.html): reads the options from the fragment, builds a
// <repay-calculator> with them, and reports the page's height to the parent
// only when the parent asks.
//
// Options (fragment, "&"-separated, same names as the element's attributes):
//   lang, panels, currency, principal, rate, months, theme (light | dark |
//   auto: the page's own colours follow it too). Unknown names and
//   malformed values are ignored (the element applies its own checks too).
//
// Height protocol (all other messages are ignored):
//   parent → frame  { type: "repay:watch-height" }    start reporting
//   parent → frame  { type: "repay:unwatch-height" }  stop reporting
//   frame → parent  { type: "repay:height", height }  height in CSS px (integer),
//                   sent at once, then whenever it changes: a ResizeObserver, and
//                   also every change of the content (MutationObserver), the
//                   page's load and the calculator's repay-ready, because
//                   Chromium stops rendering (and so resize observing) in a
//                   cross-origin frame that is off screen, below the fold.
// Until the calculator has built its panels (repay-ready) the page keeps a
// minimum height (style.css html.repay-measuring, 40rem), so a host that sizes
// the frame from the first report never shrinks it to the loading line.
// A message counts only when it comes from window.parent and is exactly one
// of the objects above (a plain object with that one key). Replies go to the
// origin that asked (never "*"); nothing is posted before a host asks, and no
// input or result is ever posted. Who may frame the page at all is the
// server's Content-Security-Policy frame-ancestors (see _headers).

import "./repay-calculator.js";

const OPTIONS = {
  lang: /^(zh-CN|zh-TW|en)$/,
  panels: /^[a-z,]{1,60}$/,
  currency: /^[A-Za-z]{3}$/,
  principal: /^[0-9][0-9,.]{0,30}$/,
  rate: /^[0-9][0-9.]{0,20}$/,
  months: /^[0-9]{1,4}$/,
  theme: /^(light|dark|auto)$/,
};

function options(hash) {
  const out = {};
  for (const part of hash.replace(/^#/, "").split("&")) {
    const i = part.indexOf("=");
    if (i < 1) continue;
    const name = part.slice(0, i);
    let value;
    try {
      value = decodeURIComponent(part.slice(i + 1));
    } catch {
      continue;
    }
    if (Object.hasOwn(OPTIONS, name) && OPTIONS[name].test(value)) out[name] = value;
  }
  return out;
}

const opts = options(location.hash);

// The engine module the first panel needs, fetched now rather than after the element's imports
// (index.html does the same in its head): the loan-terms one when that panel is shown (no
// `panels` means all), else the other. crossorigin makes the preload match the glue's fetch().
const first = !opts.panels || opts.panels.split(",").includes("terms") ? "repay_terms" : "repay_cases";
for (const [rel, href, as] of [["modulepreload", `pkg/${first}.js`], ["preload", `pkg/${first}_bg.wasm`, "fetch"]]) {
  const link = document.createElement("link");
  Object.assign(link, { rel, href });
  if (as) {
    link.as = as;
    link.type = "application/wasm";
    link.crossOrigin = "anonymous";
  }
  document.head.append(link);
}
if (opts.lang) document.documentElement.lang = opts.lang;
if (opts.theme === "light" || opts.theme === "dark") document.documentElement.dataset.theme = opts.theme;
document.documentElement.classList.add("repay-measuring");
const calc = document.createElement("repay-calculator");
for (const [name, value] of Object.entries(opts)) calc.setAttribute(name, value);
document.body.append(calc);

// Height reporting, on request only.
let target = null; // the origin that asked
let observer = null;
let lastSent = -1;
let queued = false;

/** report() once the current changes are done (a microtask: no rendering needed, unlike ResizeObserver). */
function reportSoon() {
  if (!target || queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    report();
  });
}
// Content changes, in the page and inside the element's shadow root: seen even while off screen.
const mutations = new MutationObserver(reportSoon);
for (const root of [document.body, calc.shadowRoot].filter(Boolean)) mutations.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
calc.addEventListener("repay-ready", () => {
  document.documentElement.classList.remove("repay-measuring");
  report();
});
addEventListener("load", reportSoon);

function contentHeight() {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

function report() {
  if (!target) return;
  const height = contentHeight();
  if (height === lastSent) return;
  lastSent = height;
  window.parent.postMessage({ type: "repay:height", height }, target);
}

function isRequest(data, type) {
  return (
    data !== null &&
    typeof data === "object" &&
    Object.getPrototypeOf(data) === Object.prototype &&
    Object.keys(data).length === 1 &&
    data.type === type
  );
}

addEventListener("message", (e) => {
  if (window.parent === window || e.source !== window.parent) return;
  if (isRequest(e.data, "repay:watch-height")) {
    // An opaque origin ("null", a sandboxed host) cannot be addressed without "*": not served.
    if (typeof e.origin !== "string" || !/^https?:\/\//.test(e.origin)) return;
    target = e.origin;
    lastSent = -1;
    observer ??= new ResizeObserver(report);
    observer.observe(document.documentElement);
    report();
  } else if (isRequest(e.data, "repay:unwatch-height") && e.origin === target) {
    observer?.disconnect();
    observer = null;
    target = null;
  }
});
