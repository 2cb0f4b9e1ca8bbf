// The page's input state: what every panel's fields hold, as one plain object
// of strings, so that it can be put in a share link or (only when the person
// asks) kept on this device.
//
//   state = { page: { lang: "zh-TW" }, terms: { principal: "10000", …, fees: [{ label, amount, unit, when }] },
//             overdue: {…}, plans: { …, planOn, chosen }, debts: { budget, debts: [{…}] }, letter: {…},
//             rights: { lender }, calls: { lender, lenderName } }
//
// The page's language and the chosen plan are part of the case: a reload with
// "remember" on, or a share link, restores them with the figures.
//
// SCHEMA and SHARED_PANELS are built from the panels' declarations (panels/fields.js).
//
// Panels register { get, set } with createStateRegistry() (ctx.state); set(s)
// writes the fields and recomputes at once. validate() is the one gate for
// anything read back (a link, localStorage): only the panels and fields of
// SCHEMA, strings of bounded length, lists of bounded size; anything else is
// refused whole and the page keeps its defaults.
//
// Share link: location.hash = "#s=1.<base64url of UTF-8 JSON>". The fragment
// never reaches a server (browsers do not send it), and nothing here makes a
// request. The letter panel is left out of links: it holds a name, contact
// details and an account number, which do not belong in a URL that may be
// pasted into chats and browser histories. The calls panel (its lender name) is
// left out of links too, as its log is.
//
// Remember on this device: off by default. When on, the state is written to
// localStorage[STORAGE_KEY] (versioned) after each change and read back on
// load. Forget removes every localStorage / sessionStorage key starting with
// STORAGE_PREFIX and every Cache Storage cache named USER_CACHE_PREFIX…
// (none is written today; the service worker's asset cache holds no inputs
// and is left alone), and turns the option off.

import { DECLARED, FIELD, LIMITS as LIST_LIMITS } from "./panels/fields.js";

export const STATE_VERSION = 1;
export const STORAGE_PREFIX = "repay.";
export const STORAGE_KEY = `${STORAGE_PREFIX}inputs.v${STATE_VERSION}`;
export const USER_CACHE_PREFIX = "repay-user";
/** Longest accepted value of a field (the letter's reason may be long). */
export const MAX_LEN = 120;
const LONG = { reason: 2000, name: 80, lender: 80, contact: 80, label: 60 };
const MAX_FRAGMENT = 32_000;

/** The lists' row limits (tests/js/case.test.mjs checks them against the wasm). */
export const LIMITS = LIST_LIMITS;

/** Every panel's fields; lists are dynamic rows with their own fields and a maximum count. */
export const SCHEMA = Object.fromEntries(
  Object.entries(DECLARED).map(([name, { fields }]) => [
    name,
    {
      fields: Object.keys(fields).filter((k) => fields[k] === FIELD),
      lists: Object.fromEntries(Object.entries(fields).filter(([, kind]) => kind !== FIELD)),
    },
  ]),
);
/** Panels whose fields go into a share link. */
export const SHARED_PANELS = Object.keys(DECLARED).filter((name) => DECLARED[name].shared);

const isPlain = (o) => o !== null && typeof o === "object" && !Array.isArray(o) && Object.getPrototypeOf(o) === Object.prototype;
const okString = (k, v) => typeof v === "string" && v.length <= (LONG[k] ?? MAX_LEN);

function cleanObject(obj, fields, lists = {}) {
  if (!isPlain(obj)) return null;
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    if (fields.includes(k)) {
      if (!okString(k, v)) return null;
      out[k] = v;
    } else if (Object.hasOwn(lists, k)) {
      const spec = lists[k];
      if (!Array.isArray(v) || v.length > spec.max) return null;
      const rows = v.map((row) => cleanObject(row, spec.fields));
      if (rows.includes(null)) return null;
      out[k] = rows;
    } else return null;
  }
  return out;
}

/** A clean copy of state when it fits SCHEMA (only panels in `panels`), else null. */
export function validate(state, panels = Object.keys(SCHEMA)) {
  if (!isPlain(state)) return null;
  const out = {};
  for (const [name, value] of Object.entries(state)) {
    if (!panels.includes(name) || !Object.hasOwn(SCHEMA, name)) return null;
    const clean = cleanObject(value, SCHEMA[name].fields, SCHEMA[name].lists);
    if (!clean) return null;
    out[name] = clean;
  }
  return out;
}

/**
 * Panels register { get, set }; get() snapshots them all, set(state) fills those it names. Panels
 * mount at different times (start.js: the first panel, then the others after the first result),
 * so what set() is given for a panel not registered yet is kept, reported by get() meanwhile, and
 * handed to it by restore(name) once it has mounted (start.js calls it after mount(), so the panel
 * has taken what it prefills from the case first, as when it is mounted before set() is called): a
 * link or a saved case opened early loses nothing.
 * get() lists panels in page order with the language last, whatever order they registered in, so
 * the same inputs always make the same link.
 */
export function createStateRegistry() {
  const device = createDevice();
  const panels = new Map();
  const pending = new Map();
  const order = [...Object.keys(SCHEMA).filter((n) => n !== "page"), "page"];
  const apply = (name, api, value) => {
    try {
      api.set(value);
    } catch (e) {
      console.error(`could not restore ${name}`, e);
    }
  };
  return {
    register(name, api) {
      if (!Object.hasOwn(SCHEMA, name)) throw new Error(`unknown state panel ${name}`);
      panels.set(name, api);
    },
    restore(name) {
      if (!panels.has(name) || !pending.has(name)) return;
      const value = pending.get(name);
      pending.delete(name);
      apply(name, panels.get(name), value);
    },
    get(only = null) {
      const out = {};
      for (const name of order) {
        if (only && !only.includes(name)) continue;
        if (panels.has(name)) out[name] = panels.get(name).get();
        else if (pending.has(name)) out[name] = pending.get(name);
      }
      return out;
    },
    set(state) {
      for (const name of order) {
        if (!state?.[name]) continue;
        if (panels.has(name)) apply(name, panels.get(name), state[name]);
        else pending.set(name, state[name]);
      }
    },
    has: (name) => panels.has(name),
    device,
  };
}

/**
 * What the privacy bar says about keeping things on this device, as declared events (the page's
 * panels listen here, never to the bar's elements): attached (the page has the bar: an embed never
 * does), remembering (the "remember" box), and on(type, fn) for "attach" (the bar is there; fn gets
 * remembering), "remember" (fn(remembering) when the box changes) and "forget" (everything of ours
 * on this device was erased). Returns an unsubscribe function.
 */
export function createDevice() {
  const subs = { attach: new Set(), remember: new Set(), forget: new Set() };
  const device = {
    attached: false,
    remembering: false,
    on(type, fn) {
      if (!subs[type]) throw new Error(`undeclared device event ${type}`);
      subs[type].add(fn);
      return () => subs[type].delete(fn);
    },
    emit(type, value) {
      if (!subs[type]) throw new Error(`undeclared device event ${type}`);
      if (type === "attach") device.attached = true;
      if (type === "attach" || type === "remember") device.remembering = value === true;
      for (const fn of subs[type]) fn(device.remembering);
    },
  };
  return device;
}

/**
 * Registers the page's language as state panel "page": get() is { lang }, set() switches to a
 * known language (setLang loads its messages; the panels redraw on the change).
 */
export function registerLanguage(registry, { lang, setLang, known }) {
  registry.register("page", {
    get: () => ({ lang: lang() }),
    set(s) {
      if (typeof s.lang === "string" && known.includes(s.lang) && s.lang !== lang()) {
        setLang(s.lang).catch((e) => console.error(`could not load the messages of ${s.lang}`, e));
      }
    },
  });
}

/**
 * What panels share through ctx.share, declared once (as panels/fields.js
 * declares the state): key → who publishes it and what it holds. set, get and
 * on refuse any other key, so a misspelt key fails at once instead of sharing
 * nothing.
 */
export const SHARE_KEYS = Object.freeze({
  /** terms: the last valid loanTerms input, with `rate` ({ percent, per }; an LPR-linked loan's first rate). */
  loan: "terms",
  /** terms: { nominalPercent, line } the loan's true annual cost (every fee counted) and the line it is above, if any. */
  loanCost: "terms",
  /** overdue: { input, value, balance: { principal, interest, penalties, fees }, rate, lender, loan } of the last good overdueCost. */
  overdue: "overdue",
  /** plans: { plan, input, balance, value } of the plan chosen. */
  plan: "plans",
  /** plans: { balance, planOn, rate, monthly } after each good repaymentPlans (what is owed now). */
  owed: "plans",
});

function shareKey(key) {
  if (!Object.hasOwn(SHARE_KEYS, key)) throw new Error(`undeclared share key ${key}`);
  return key;
}

/**
 * A tiny store so that a loan entered once can flow into later panels (the page and the embed share it).
 * Keys are SHARE_KEYS. follow({ key: fn, … }) hands a panel that mounts late the values already
 * shared in the order they were published (oldest first), then every later one as it comes: a panel
 * mounted after the person typed sees the same sequence as one mounted before, so the newest value
 * wins either way (not the one its code happens to read last).
 */
export function createShare() {
  const values = new Map();
  const stamps = new Map();
  const subs = new Map();
  let clock = 0;
  const on = (key, fn) => {
    shareKey(key);
    if (!subs.has(key)) subs.set(key, new Set());
    subs.get(key).add(fn);
    return () => subs.get(key).delete(fn);
  };
  return {
    get: (key) => values.get(shareKey(key)),
    set(key, value) {
      values.set(shareKey(key), value);
      stamps.set(key, ++clock);
      for (const fn of subs.get(key) ?? []) fn(value);
    },
    on,
    follow(handlers) {
      const keys = Object.keys(handlers).map(shareKey);
      for (const key of keys.filter((k) => values.has(k)).sort((a, b) => stamps.get(a) - stamps.get(b))) handlers[key](values.get(key));
      const offs = keys.map((key) => on(key, handlers[key]));
      return () => offs.forEach((off) => off());
    },
  };
}

// base64url of UTF-8 text (no padding), and back; throws on anything malformed.
function toBase64url(text) {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function fromBase64url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error("not base64url");
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The fragment for state: "#s=1.<base64url JSON>". */
export function encodeFragment(state) {
  return `#s=${STATE_VERSION}.${toBase64url(JSON.stringify(state))}`;
}

/**
 * Reads "#s=<version>.<data>" from a location hash. Returns null when there is
 * no s= part, { state } when it is good, { problem: "version" | "damaged" } otherwise.
 */
export function decodeFragment(hash) {
  const raw = String(hash ?? "").replace(/^#/, "");
  const part = raw.split("&").find((p) => p.startsWith("s="));
  if (part === undefined) return null;
  if (raw.length > MAX_FRAGMENT) return { problem: "damaged" };
  const m = /^s=(\d{1,3})\.(.*)$/.exec(part);
  if (!m) return { problem: "damaged" };
  if (m[1] !== String(STATE_VERSION)) return { problem: "version" };
  try {
    const state = validate(JSON.parse(fromBase64url(m[2])), SHARED_PANELS);
    return state ? { state } : { problem: "damaged" };
  } catch {
    return { problem: "damaged" };
  }
}

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled by the browser
  }
}

/** The saved state, or null (nothing saved, or unreadable: then it is dropped). */
export function loadSaved() {
  const ls = storage();
  const text = ls?.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    const data = JSON.parse(text);
    const state = data?.v === STATE_VERSION ? validate(data.state) : null;
    if (state) return state;
  } catch {
    // fall through: an unreadable save is removed
  }
  ls.removeItem(STORAGE_KEY);
  return null;
}

export function save(state) {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify({ v: STATE_VERSION, state }));
    return true;
  } catch {
    return false; // quota or private mode: remembering is best effort
  }
}

/** Removes every key of ours from localStorage and sessionStorage, and our Cache Storage caches. */
export async function forgetAll() {
  for (const name of ["localStorage", "sessionStorage"]) {
    let s = null;
    try {
      s = globalThis[name];
    } catch {
      continue;
    }
    if (!s) continue;
    for (const key of Object.keys(s)) if (key.startsWith(STORAGE_PREFIX)) s.removeItem(key);
  }
  if (globalThis.caches) {
    for (const name of await caches.keys()) if (name.startsWith(USER_CACHE_PREFIX)) await caches.delete(name);
  }
}

/**
 * What to fill the page with on load: the link's state, else the saved one.
 * Returns { state, source: "link" | "saved" | null, problem, saved }: saved is the copy saved on
 * this device when a link is opened beside one (mountShareBar offers to replace or keep it).
 */
export function initialState(hash) {
  const link = decodeFragment(hash);
  if (link?.state) return { state: link.state, source: "link", problem: null, saved: loadSaved() };
  const saved = loadSaved();
  return { state: saved, source: saved ? "saved" : null, problem: link?.problem ?? null };
}

/**
 * The privacy and share bar (share-bar.js, fetched after the first result: the figures never wait
 * for it): "remember on this device", "forget", "copy link", and the rule for a link opened
 * beside a saved case. registry is ctx.state; watch is the element whose input and change events
 * mean "the inputs changed"; start is initialState()'s result. Resolves to its parts; panels hear
 * of it through registry.device (createDevice), never through its elements.
 */
export function mountShareBar(bar, registry, watch, start) {
  return import("./share-bar.js").then((m) => m.mountShareBar(bar, registry, watch, start));
}
