// Where each language's messages are: per language, three parts, each one
// section per panel or feature: i18n/<lang>/start.js (the page frame and the
// loan-terms panel: all the first result needs), glossary.js (the "?"
// popovers) and panels.js (every other panel, and the page's share bar and
// offline notices). i18n.js loads a part only when it is needed and only for
// a language shown, so the first result waits for the first part of one
// language alone; the others are asked for after it (app.js,
// repay-calculator.js, start.js).
//
// Each import is a string literal so that scripts/build-single.mjs finds every
// part and bundles it into the one-file copy.

const LOADERS = {
  "zh-CN": {
    start: () => import("./i18n/zh-CN/start.js"),
    glossary: () => import("./i18n/zh-CN/glossary.js"),
    panels: () => import("./i18n/zh-CN/panels.js"),
  },
  "zh-TW": {
    start: () => import("./i18n/zh-TW/start.js"),
    glossary: () => import("./i18n/zh-TW/glossary.js"),
    panels: () => import("./i18n/zh-TW/panels.js"),
  },
  en: {
    start: () => import("./i18n/en/start.js"),
    glossary: () => import("./i18n/en/glossary.js"),
    panels: () => import("./i18n/en/panels.js"),
  },
};

/** The languages that have catalogs. */
export const CATALOG_LANGS = Object.keys(LOADERS);

/** The parts of each language's messages, in load order. */
export const MESSAGE_PARTS = ["start", "glossary", "panels"];

/** Resolves to the message objects of lang's part, one per panel; rejects for an unknown language or part. */
export async function loadCatalogs(lang, part = "start") {
  if (!Object.hasOwn(LOADERS, lang)) throw new Error(`no message catalogs for ${lang}`);
  if (!Object.hasOwn(LOADERS[lang], part)) throw new Error(`no message part ${part}`);
  return (await LOADERS[lang][part]()).default;
}
