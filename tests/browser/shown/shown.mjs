// The messages as the page shows them with its default currency (CNY): a
// label's {unit} is 元 in Chinese and CNY in English (format.js names it from
// the currency an embedder sets). Tests find fields by these texts; the raw
// catalogs (www/i18n/<lang>/) are checked by catalog.test.mjs.

/** A copy of section with {unit} replaced by unit in every message. */
export function shown(section, unit) {
  return Object.fromEntries(Object.entries(section).map(([k, v]) => [k, v.replaceAll("{unit}", unit)]));
}

/** Every named section of a language module, shown with unit. */
export function shownAll(mod, unit) {
  const out = {};
  for (const [name, section] of Object.entries(mod)) if (name !== "default") out[name] = shown(section, unit);
  out.default = mod.default.map((section) => out[Object.keys(mod).find((n) => n !== "default" && mod[n] === section)]);
  return out;
}
