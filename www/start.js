// Start-up shared by the page (app.js) and the <repay-calculator> element
// (repay-calculator.js, also inside embed.html): the one list of panels, in
// page order, and how they are started — wait for the engine (or say it
// failed), then mount each panel with one shared context. A panel module
// exports mount(root, ctx); ctx is { engine, share, state } (state.js).

import { bind } from "./i18n.js";
import { createShare, createStateRegistry } from "./state.js";

/** The panels in page order: name (container panel-<name>, the element's `panels` word) → module. */
export const PANELS = [
  { name: "terms", module: "./panels/terms.js" },
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
 * Waits for the engine module (engineLoad: the promise of import("./engine.js")).
 * If it could not load, status says so and this resolves to null. Otherwise
 * status is emptied and hidden, and each panel of names is mounted into
 * rootFor(name) with one context, which this resolves to. A panel that fails
 * to mount is logged and skipped; the others still work. run (default: call
 * it) wraps each step that reads the language: the element passes its own
 * language scope (i18n.js createScope).
 */
export async function startPanels({ engineLoad, status, names, rootFor, run = (fn) => fn() }) {
  const engine = await engineLoad;
  if (!engine.engineReady) {
    run(() => bind(status, "app.engineFailed"));
    status.classList.add("is-error");
    return null;
  }
  delete status.dataset.i18n;
  status.textContent = "";
  status.hidden = true;
  const ctx = { engine, share: createShare(), state: createStateRegistry() };
  for (const name of names) {
    const p = PANELS.find((x) => x.name === name);
    try {
      const mod = await import(p.module);
      run(() => mod.mount(rootFor(name), ctx));
    } catch (e) {
      console.error(`panel ${name} failed to mount`, e);
    }
  }
  return ctx;
}
