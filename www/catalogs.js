// Where each language's messages are: one module per language (i18n/<lang>.js,
// one section per panel). i18n.js loads a language only when it is shown, so
// a visitor fetches one language's messages, and another only on switching to
// it.
//
// Each import is a string literal so that scripts/build-single.mjs finds every
// language and bundles it into the one-file copy.

const LOADERS = {
  "zh-CN": () => import("./i18n/zh-CN.js"),
  "zh-TW": () => import("./i18n/zh-TW.js"),
  en: () => import("./i18n/en.js"),
};

/** The languages that have catalogs. */
export const CATALOG_LANGS = Object.keys(LOADERS);

/** Resolves to lang's message objects, one per panel; rejects for a language without catalogs. */
export async function loadCatalogs(lang) {
  if (!Object.hasOwn(LOADERS, lang)) throw new Error(`no message catalogs for ${lang}`);
  return (await LOADERS[lang]()).default;
}
