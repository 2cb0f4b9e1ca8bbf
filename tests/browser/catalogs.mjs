// A language's messages as one module-like object, for tests: the parts the page loads
// separately (www/i18n/<lang>/start.js, glossary.js and panels.js, see www/catalogs.js)
// merged into { <section>: messages, …, default: [every section, start's first] }.
// Not a test file itself (no .test. in the name).

import { MESSAGE_PARTS } from "../../www/catalogs.js";

/** The parts of lang's messages, in load order: [{ part, file (URL), module }]. */
export async function languageParts(lang) {
  return Promise.all(
    MESSAGE_PARTS.map(async (part) => {
      const file = new URL(`../../www/i18n/${lang}/${part}.js`, import.meta.url);
      return { part, file, module: await import(file.href) };
    }),
  );
}

/** lang's sections merged from every part, with the list of them all as `default`. */
export async function languageModule(lang) {
  const out = { default: [] };
  for (const { module } of await languageParts(lang)) {
    for (const [name, section] of Object.entries(module)) if (name !== "default") out[name] = section;
    out.default.push(...module.default);
  }
  return out;
}
