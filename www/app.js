// The page's one entry module. It sets up the language switch, loads the
// messages of the language shown and the engine side by side (engine.js is the
// only module that touches the wasm) and mounts each panel into its container
// in ux.md order. A panel module exports mount(root, ctx); panels not built
// yet are skipped.

import { setLang, onLangChange, t, bind, lang, LANGUAGES, preferredLang } from "./i18n.js";
import { createShare, createStateRegistry, initialState, mountShareBar } from "./state.js";
import { enhance as glossary } from "./glossary.js";
import { setupOffline } from "./offline.js";

/** Panels in page order: container id → module path (absent = not built yet). */
const PANELS = [
  { id: "panel-terms", module: "./panels/terms.js" },
  { id: "panel-overdue", module: "./panels/overdue.js" },
  { id: "panel-plans", module: "./panels/plans.js" },
  { id: "panel-debts", module: "./panels/debts.js" },
  { id: "panel-letter", module: "./panels/letter.js" },
  { id: "panel-rights", module: "./panels/rights.js" },
  { id: "panel-calls", module: "./panels/calls.js" },
];

function setupLanguageSwitch() {
  const select = document.getElementById("lang-select");
  for (const l of LANGUAGES) {
    const o = document.createElement("option");
    o.value = l.code;
    o.lang = l.code;
    o.textContent = l.name;
    select.append(o);
  }
  select.value = preferredLang();
  // Another language's messages are fetched on first use; the page switches once they are here.
  select.addEventListener("change", () => {
    const code = select.value;
    setLang(code).catch((e) => {
      console.error(`could not load the messages of ${code}`, e);
      select.value = lang();
    });
  });
  document.getElementById("lang-switch").hidden = false;
  onLangChange(() => {
    document.title = t("app.title");
    if (select.value !== lang()) select.value = lang();
  });
}

async function main() {
  setupLanguageSwitch();
  const engineLoad = import("./engine.js");
  // Nothing is labelled before the messages of the language shown are here, so no key is ever seen.
  await setLang(preferredLang()).catch((e) => console.error("could not load the messages", e));
  const status = document.getElementById("app-status");
  bind(status, "app.loading");

  const engine = await engineLoad;
  if (!engine.engineReady) {
    bind(status, "app.engineFailed");
    status.classList.add("is-error");
    return;
  }
  delete status.dataset.i18n;
  status.textContent = "";
  status.hidden = true;
  const v = engine.version();
  if (v) bind(document.getElementById("engine-version"), "app.version", { version: v });

  const ctx = { engine, share: createShare(), state: createStateRegistry() };
  for (const p of PANELS) {
    if (!p.module) continue;
    const root = document.getElementById(p.id);
    try {
      const mod = await import(p.module);
      mod.mount(root, ctx);
    } catch (e) {
      console.error(`panel ${p.id} failed to mount`, e);
    }
  }
  // A share link's inputs (#s=…), else those saved on this device when the person chose so.
  const start = initialState(location.hash);
  if (start.state) ctx.state.set(start.state);
  mountShareBar(document.getElementById("share-bar"), ctx.state, document.getElementById("main"), start);
  // "?" buttons beside technical terms (年化利率, 罚息, LPR…), in every panel.
  glossary(document.getElementById("main"));
  printFooter();
  // The service worker and its "ready offline" / "new version" notices (served page only).
  setupOffline(document.getElementById("offline-notice"));
}

/** The print pack's footer (style.css shows it only in print): the date and "computed on this device". */
function printFooter() {
  const p = document.createElement("p");
  p.className = "print-footer";
  p.dataset.testid = "print-footer";
  const fill = () => {
    const date = new Intl.DateTimeFormat(lang(), { year: "numeric", month: "long", day: "numeric" }).format(new Date());
    p.textContent = t("print.footer", { date });
  };
  fill();
  onLangChange(fill);
  window.addEventListener("beforeprint", fill);
  document.body.append(p);
}

main();
