// The page's one entry module. It sets up the language switch, loads the
// messages of the language shown and the engine side by side (engine.js is the
// only module that touches the wasm) and starts every panel into its container
// panel-<name> (start.js: the panel list and start-up the embedded element
// shares; the loan-terms panel first, the others after its first result), then
// the share bar, the glossary and, once every panel is here, the offline
// notices (the service worker precaches after the first result, not before).

import { setLang, onLangChange, t, bind, lang, LANGUAGES, preferredLang, needMessages } from "./i18n.js";
import { initialState, mountShareBar, registerLanguage } from "./state.js";
import { PANELS, startPanels, startEngine } from "./start.js";

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
  // The first engine module starts loading now, beside the messages.
  engineLoad.then((engine) => startEngine(engine, PANELS.map((p) => p.name))).catch(() => {});
  // Nothing is labelled before the messages of the language shown are here, so no key is ever seen.
  await setLang(preferredLang()).catch((e) => console.error("could not load the messages", e));
  const status = document.getElementById("app-status");
  bind(status, "app.loading");

  const ctx = await startPanels({
    engineLoad,
    status,
    names: PANELS.map((p) => p.name),
    rootFor: (name) => document.getElementById(`panel-${name}`),
  });
  if (!ctx) return;
  const v = ctx.engine.version();
  if (v) bind(document.getElementById("engine-version"), "app.version", { version: v });
  // The language is part of the saved and shared state.
  registerLanguage(ctx.state, { lang, setLang, known: LANGUAGES.map((l) => l.code) });
  // A share link's inputs (#s=…), else those saved on this device when the person chose so.
  const start = initialState(location.hash);
  if (start.state) ctx.state.set(start.state);
  // The share bar and "?" buttons beside technical terms (年化利率, 罚息, LPR…), in every panel,
  // once the first result is drawn (the figures do not wait for them, nor for their messages:
  // catalogs.js parts panels, which start.js asks for too, and glossary).
  await ctx.painted;
  const [glossary] = await Promise.all([
    import("./glossary.js"),
    ...["panels", "glossary"].map((part) => needMessages(part).catch((e) => console.error(`could not load the ${part} messages`, e))),
  ]);
  mountShareBar(document.getElementById("share-bar"), ctx.state, document.getElementById("main"), start);
  glossary.enhance(document.getElementById("main"));
  printFooter();
  // The service worker and its "ready offline" / "new version" notices (served page only),
  // once every panel has loaded what it needs.
  await ctx.rest;
  const { setupOffline } = await import("./offline.js");
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
