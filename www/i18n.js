// Message lookup for N languages. Catalogs live per panel in ./i18n/<panel>.js,
// each exporting { "zh-CN": {...}, "en": {...}, ... }; register() merges them.
// Messages take {name} parameters. A missing message falls back to the
// default language, then to the key itself (and is reported once on the
// console in development so that gaps are found).
//
// Static text in the DOM is bound with bind(el, key, params, attr): it sets
// the text (or the attribute) now and again whenever the language changes.

/** Languages offered, in the order of the switch. Names are in their own language. */
export const LANGUAGES = [
  { code: "zh-CN", name: "简体中文" },
  { code: "zh-TW", name: "繁體中文" },
  { code: "en", name: "English" },
];
/** The fallback language: a message missing elsewhere is taken from here. */
export const DEFAULT_LANG = "zh-CN";

/**
 * The language to start in from the browser's preferences (navigator.languages
 * order, first Chinese or English tag wins): zh-CN for zh-CN, zh-SG, zh and
 * zh-Hans; zh-TW for zh-TW, zh-HK, zh-MO and zh-Hant; English otherwise.
 */
export function preferredLang(prefs = globalThis.navigator?.languages ?? [globalThis.navigator?.language]) {
  for (const raw of prefs ?? []) {
    const tag = String(raw ?? "").toLowerCase().replace(/_/g, "-");
    const [base, ...sub] = tag.split("-");
    if (base === "en") return "en";
    if (base !== "zh") continue;
    if (sub.includes("hant")) return "zh-TW";
    if (sub.includes("hans")) return "zh-CN";
    if (sub.some((x) => ["tw", "hk", "mo"].includes(x))) return "zh-TW";
    return "zh-CN";
  }
  return "en";
}

const catalogs = new Map(LANGUAGES.map((l) => [l.code, Object.create(null)]));
const listeners = new Set();
const boundParams = new WeakMap();
let current = DEFAULT_LANG;

/** Merges one panel's catalog. Later registrations of the same key win. */
export function register(catalog) {
  for (const [lang, messages] of Object.entries(catalog)) {
    if (!catalogs.has(lang)) catalogs.set(lang, Object.create(null));
    Object.assign(catalogs.get(lang), messages);
  }
}

export function lang() {
  return current;
}

/** The message for key in the current language, with {name} replaced. */
export function t(key, params = {}) {
  let msg = catalogs.get(current)?.[key];
  if (msg === undefined) msg = catalogs.get(DEFAULT_LANG)?.[key];
  if (msg === undefined) return key;
  return msg.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** True when the key exists in some catalog. */
export function has(key) {
  return catalogs.get(current)?.[key] !== undefined || catalogs.get(DEFAULT_LANG)?.[key] !== undefined;
}

/** Sets el's text (or attribute attr) from key now and on every language change. */
export function bind(el, key, params = {}, attr = null) {
  el.dataset.i18n = key;
  if (attr) el.dataset.i18nAttr = attr;
  boundParams.set(el, params);
  apply(el);
  return el;
}

function apply(el) {
  const text = t(el.dataset.i18n, boundParams.get(el) ?? {});
  if (el.dataset.i18nAttr) el.setAttribute(el.dataset.i18nAttr, text);
  else el.textContent = text;
}

/** Re-applies every bound element under root (static HTML uses data-i18n too). */
export function localize(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) apply(el);
}

/** Switches language, relabels the page and tells every listener. */
export function setLang(code) {
  if (!catalogs.has(code)) code = DEFAULT_LANG;
  current = code;
  document.documentElement.lang = code;
  localize(document);
  for (const fn of listeners) fn(code);
}

/** Calls fn(lang) after each language change; returns an unsubscribe function. */
export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
