// Message lookup for N languages. Each language's messages are in two parts
// (./i18n/<lang>/start.js and panels.js, one plain object per panel; see
// catalogs.js), loaded only for a language shown and only once a panel needs
// the part: setLang() fetches the parts needed so far, then switches, and
// needMessages(part) adds a part (start.js asks for "panels" after the first
// result). Messages take {name} parameters. A message missing in the
// current language falls back to the default language when its messages are
// loaded (an English visitor never fetches them), then to the key itself;
// tests/browser/catalog.test.mjs keeps every language complete.
//
// Static text in the DOM is bound with bind(el, key, params, attr): it sets
// the text (or the attribute) now and again whenever the language changes.
//
// Scopes: the language (and format.js's currency) belong to a scope. The page
// has one; each <repay-calculator> makes its own (createScope), so two
// elements on one page show their own language and money. Code runs in the
// scope that is active: the element runs its start-up in its scope
// (inScope), enters it at the start of every event in its shadow root
// (enterScope), and callbacks that run later (a debounced recompute, a
// MutationObserver) are wrapped by scoped() where they are created.

import { loadCatalogs, MESSAGE_PARTS } from "./catalogs.js";

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
/** "<lang>/<part>" → the promise of that part of its messages being loaded and merged. */
const loads = new Map();
const boundParams = new WeakMap();

/** A scope: its language, currency (format.js), language-change listeners and root to relabel. */
function makeScope(code, root, page = false) {
  return { lang: LANGUAGES.some((l) => l.code === code) ? code : DEFAULT_LANG, currency: "CNY", listeners: new Set(), latest: null, root, page };
}
/** The page's own scope (index.html, embed.html's document). */
const pageScope = makeScope(DEFAULT_LANG, null, true);
let active = pageScope;

/** A new scope in language code (not loaded yet: call setLang in it), whose bound text under root setLang relabels. */
export function createScope(code, root = null) {
  return makeScope(code, root);
}

/** The scope code runs in now. */
export function currentScope() {
  return active;
}

/** Runs fn in scope and returns what it returns; the scope before is restored after. */
export function inScope(scope, fn) {
  const before = active;
  active = scope;
  try {
    return fn();
  } finally {
    active = before;
  }
}

let leaving = 0;
/**
 * Makes scope the active one for the rest of this task (an event handler's entry point: the
 * handlers of the event and the promises they settle run in it). The page's scope is active again
 * from the next task on, so code of the page that runs later without entering a scope (the
 * language switch, a timer not made by scoped()) never runs in an element's scope.
 */
export function enterScope(scope) {
  active = scope;
  if (scope === pageScope || leaving) return;
  leaving = setTimeout(() => {
    leaving = 0;
    active = pageScope;
  }, 0);
}

/** fn wrapped to run in the scope active now (for timers and observers created now, called later). */
export function scoped(fn) {
  const scope = active;
  return (...args) => inScope(scope, () => fn(...args));
}

/** The message parts needed so far (catalogs.js MESSAGE_PARTS): every language shown loads these. */
const parts = new Set(["start"]);

/** Loads one part of lang's messages once and merges its catalogs (a later one wins a key); a failed load is tried again on the next call. */
function loadPart(lang, part) {
  const key = `${lang}/${part}`;
  if (!loads.has(key)) {
    const load = loadCatalogs(lang, part).then((list) => Object.assign(catalogs.get(lang), ...list));
    load.catch(() => loads.delete(key));
    loads.set(key, load);
  }
  return loads.get(key);
}

/** Loads the parts of lang's messages needed so far. */
function loadLang(lang) {
  return Promise.all(MESSAGE_PARTS.filter((p) => parts.has(p)).map((p) => loadPart(lang, p)));
}

/**
 * Adds a part of the messages (catalogs.js MESSAGE_PARTS) to those needed:
 * loads it for the active scope's language now (and for any language shown
 * later); resolves once it is merged.
 */
export function needMessages(part) {
  if (!MESSAGE_PARTS.includes(part)) return Promise.reject(new Error(`no message part ${part}`));
  parts.add(part);
  return loadPart(active.lang, part);
}

export function lang() {
  return active.lang;
}

/** What {unit} means in a message when the caller does not say: the name of
 * the currency money fields are in, for a language (format.js sets it from the
 * embedder's currency, so labels never say 元 beside Hong Kong dollars). */
let unitName = (l) => (l.startsWith("zh") ? "元" : active.currency);

/** Sets the function that names the money unit for a language (format.js). */
export function setUnitName(fn) {
  unitName = fn;
}

const pluralRules = new Map();
/** One plural block: "{n, plural, one {# day} other {# days}}" (a form may hold {name} parameters). */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|\w+) *\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const FORM = /(=\d+|\w+) *\{((?:[^{}]|\{\w+\})*)\}/g;

/**
 * Chooses the plural forms of msg by Intl.PluralRules of code ("=0 {…}" first), # the count; a
 * count that is not a number takes "other"; a malformed block is left as written.
 */
export function plural(msg, params, code) {
  if (!pluralRules.has(code)) pluralRules.set(code, new Intl.PluralRules(code));
  return msg.replace(PLURAL, (m, name, body) => {
    const forms = Object.fromEntries([...body.matchAll(FORM)].map((f) => [f[1], f[2]]));
    const n = Number(params[name]);
    const form = forms[`=${n}`] ?? (Number.isFinite(n) ? forms[pluralRules.get(code).select(n)] : undefined) ?? forms.other ?? "";
    return form.replace(/#/g, String(params[name]));
  });
}

/** The message for key in the current language, with plural forms chosen (plural) and {name} replaced. */
export function t(key, params = {}) {
  const current = active.lang;
  let msg = catalogs.get(current)?.[key];
  if (msg === undefined) msg = catalogs.get(DEFAULT_LANG)?.[key];
  if (msg === undefined) return key;
  if (msg.includes(", plural,")) msg = plural(msg, params, current);
  return msg.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : name === "unit" ? unitName(current) : m));
}

/** True when the key has a message (in the current language, or in the default one if loaded). */
export function has(key) {
  return catalogs.get(active.lang)?.[key] !== undefined || catalogs.get(DEFAULT_LANG)?.[key] !== undefined;
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

/**
 * Switches the active scope's language once its messages are loaded,
 * relabels (the page's scope: the document and <html lang>; an element's: its
 * root) and tells the scope's listeners; resolves to the language shown. An
 * unknown code means the default language. When calls overlap, the last one
 * wins: an earlier call resolves once the later one has switched.
 */
export function setLang(code) {
  if (!LANGUAGES.some((l) => l.code === code)) code = DEFAULT_LANG;
  const scope = active;
  // Loaded twice: a part needed while the first load ran is loaded too.
  const run = loadLang(code).then(() => loadLang(code)).then(() => {
    if (scope.latest !== run) return scope.latest;
    scope.lang = code;
    inScope(scope, () => {
      if (scope.page) {
        document.documentElement.lang = code;
        localize(document);
      } else if (scope.root) {
        localize(scope.root);
      }
      for (const fn of scope.listeners) fn(code);
    });
    return code;
  });
  scope.latest = run;
  return run;
}

/** Calls fn(lang) after each language change of the active scope; returns an unsubscribe function. */
export function onLangChange(fn) {
  const { listeners } = active;
  listeners.add(fn);
  return () => listeners.delete(fn);
}
