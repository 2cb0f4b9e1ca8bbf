// Start-up shared by the page (app.js) and the <repay-calculator> element
// (repay-calculator.js, also inside embed.html): the one list of panels, in
// page order, and how they are started. A panel module exports
// mount(root, ctx); ctx is { engine, share, state, painted, rest } (state.js;
// painted, rest: see startPanels).
//
// What the first result needs comes first: the loan-terms panel runs on the
// small first engine module (pkg/repay_terms.js) and the first part of the
// messages. Every other panel needs the second engine module, the rest of the
// messages and its styles (panels.css); they are fetched after the first
// result has been drawn, and those panels are mounted in page order once all
// are here.

import { bind, needMessages } from "./i18n.js";
import { h } from "./dom.js";
import { createShare, createStateRegistry } from "./state.js";

/**
 * The panels in page order: name (container panel-<name>, the element's
 * `panels` word) → module; first: runs on the first engine module and the
 * first part of the messages (i18n.js MESSAGE_PARTS).
 */
export const PANELS = [
  { name: "terms", module: "./panels/terms.js", first: true },
  { name: "overdue", module: "./panels/overdue.js" },
  { name: "plans", module: "./panels/plans.js" },
  { name: "debts", module: "./panels/debts.js" },
  { name: "letter", module: "./panels/letter.js" },
  { name: "rights", module: "./panels/rights.js" },
  { name: "calls", module: "./panels/calls.js" },
];

/** The panel names in a comma list, in page order; every panel when it names none. */
export function panelsNamed(list) {
  const asked = String(list ?? "").split(",").map((s) => s.trim().toLowerCase());
  const named = PANELS.filter((p) => asked.includes(p.name));
  return (named.length ? named : PANELS).map((p) => p.name);
}

/**
 * Starts the engine module the first of names need (engine: engine.js): the
 * loan-terms module when the loan-terms panel is shown, else the other one.
 * Resolves to whether it loaded. Callers start it early, beside the messages;
 * startPanels waits for it (the module is loaded once either way).
 */
export function startEngine(engine, names) {
  return names.some((n) => PANELS.find((p) => p.name === n)?.first) ? engine.loadTerms() : engine.loadCases();
}

/** The later panels' stylesheet (panels.css, beside this module), or null where it is part of the
 * page already (the one-file copy inlines it). */
const laterStyles = () => new URL("panels.css", import.meta.url).href;

/**
 * Links the later panels' stylesheet into into (the document's head, or the element's shadow
 * root) once; resolves when it has loaded or failed (the panels mount either way).
 */
function linkLaterStyles(into) {
  const href = laterStyles();
  if (!href || !into) return Promise.resolve();
  const link = h("link", { rel: "stylesheet", href });
  const done = new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
  into.append(link);
  return done;
}

/** Resolves after the next frame has been drawn (so a result just written is on screen). */
const afterPaint = () =>
  new Promise((resolve) => {
    if (typeof requestAnimationFrame !== "function") return setTimeout(resolve, 0);
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

/**
 * Waits for the engine façade (engineLoad: the promise of import("./engine.js"))
 * and the engine module the first panels of names (PANELS' first) need, or the
 * second module when there are none. If it could not load, status says so and
 * this resolves to null. Otherwise status is emptied and hidden, those panels are
 * mounted into rootFor(name) with one context, and this resolves to it. The
 * other panels follow: after the first result is drawn, the second engine
 * module and the rest of the messages are fetched, and those panels are
 * mounted in order; ctx.rest is the promise of that (resolves to the names
 * mounted), ctx.painted the promise of the first panels' result drawn (what
 * the page shows next waits for it). A panel that fails to mount is logged
 * and skipped, and one whose engine could not load says so in its container;
 * the others still work. Their stylesheet (panels.css) is linked into
 * styleRoot (default: the document's head; the element passes its shadow
 * root) beside the messages, and they mount once it has loaded. run
 * (default: call it) wraps each step that reads the language: the element
 * passes its own language scope (i18n.js createScope).
 */
export async function startPanels({ engineLoad, status, names, rootFor, styleRoot = document.head, run = (fn) => fn() }) {
  const engine = await engineLoad;
  const panels = names.map((name) => PANELS.find((p) => p.name === name));
  const ready = await startEngine(engine, names);
  if (!ready) {
    run(() => bind(status, "app.engineFailed"));
    status.classList.add("is-error");
    return null;
  }
  delete status.dataset.i18n;
  status.textContent = "";
  status.hidden = true;
  const ctx = { engine, share: createShare(), state: createStateRegistry(), painted: null, rest: null };
  const mount = async (p) => {
    try {
      const mod = await import(p.module);
      run(() => {
        mod.mount(rootFor(p.name), ctx);
        // Inputs a link or a saved case gave it before it mounted (state.js).
        ctx.state.restore(p.name);
      });
      return true;
    } catch (e) {
      console.error(`panel ${p.name} failed to mount`, e);
      return false;
    }
  };
  const mounted = [];
  for (const p of panels.filter((x) => x.first)) if (await mount(p)) mounted.push(p.name);
  ctx.painted = mounted.length ? afterPaint() : Promise.resolve();
  const later = panels.filter((x) => !x.first);
  ctx.rest = (async () => {
    if (!later.length) return mounted;
    await ctx.painted;
    const [ready] = await Promise.all([
      engine.loadCases(),
      run(() => needMessages("panels")).catch((e) => console.error("could not load the panels' messages", e)),
      linkLaterStyles(styleRoot),
    ]);
    for (const p of later) {
      if (!ready) {
        run(() => rootFor(p.name).append(h("p", { class: "app-status is-error", role: "status", t: "app.engineFailed" })));
        continue;
      }
      if (await mount(p)) mounted.push(p.name);
    }
    return mounted;
  })();
  return ctx;
}
