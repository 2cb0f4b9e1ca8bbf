// Display formatting only. Money arrives from the engine as decimal strings
// ("1234.50") and is never turned into a float: the integer part is grouped by
// Intl as a BigInt and the engine's own fraction digits are kept.

import { lang, setUnitName, currentScope } from "./i18n.js";

const DEC = /^(-?)(\d+)(?:\.(\d+))?$/;

function parts(str) {
  const m = DEC.exec(String(str).trim());
  return m ? { neg: m[1] === "-", int: m[2], frac: m[3] ?? "" } : null;
}

/** Rounds a decimal string half-up (away from zero) to `digits` places, as a string. */
export function roundDecimal(str, digits) {
  const p = parts(str);
  if (!p) return String(str);
  const frac = (p.frac + "0".repeat(digits + 1)).slice(0, digits + 1);
  let n = BigInt(p.int + frac.slice(0, digits));
  if (frac[digits] >= "5") n += 1n;
  let s = n.toString().padStart(digits + 1, "0");
  const out = digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
  return (p.neg && /[1-9]/.test(out) ? "-" : "") + out;
}

function groupWith(nf, str, digits) {
  const p = parts(roundDecimal(str, digits));
  if (!p) return String(str);
  const n = BigInt(p.int);
  const zeroNeg = p.neg && n === 0n;
  const value = p.neg ? (zeroNeg ? -1n : -n) : n;
  return nf
    .formatToParts(value)
    .map((x) => {
      if (x.type === "fraction") return p.frac.padEnd(digits, "0");
      if (x.type === "integer" && zeroNeg) return "0";
      return x.value;
    })
    .join("");
}

/** Currencies an embedding page may choose (money is always shown with two decimals). */
export const CURRENCIES = ["CNY", "HKD", "TWD", "GBP", "USD", "EUR"];

/** Sets the currency money() shows in the active scope (i18n.js: the page, or one
 * <repay-calculator>); unknown codes are ignored. Returns the one in force. */
export function setCurrency(code) {
  const c = String(code ?? "").toUpperCase();
  if (CURRENCIES.includes(c)) currentScope().currency = c;
  return currentScope().currency;
}

/** How field labels name each currency ("借款金额（元）", "Loan amount (HKD)"): {unit} in messages. */
const UNIT_NAMES = {
  "zh-CN": { CNY: "元", HKD: "港元", TWD: "新台币", GBP: "英镑", USD: "美元", EUR: "欧元" },
  "zh-TW": { CNY: "元", HKD: "港元", TWD: "新臺幣", GBP: "英鎊", USD: "美元", EUR: "歐元" },
};
setUnitName((l) => UNIT_NAMES[l]?.[currencyCode()] ?? currencyCode());

/** The currency money() shows now, in the active scope (default CNY). */
export function currencyCode() {
  return currentScope().currency;
}

const cache = new Map();
function nf(kind, digits) {
  const currency = currencyCode();
  const key = `${lang()}|${kind}|${digits}|${currency}`;
  if (!cache.has(key)) {
    const opts =
      kind === "money"
        ? { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits };
    cache.set(key, new Intl.NumberFormat(lang(), opts));
  }
  return cache.get(key);
}

/** "5307.27" → "¥5,307.27" (zh-CN), "CN¥5,307.27" (zh-TW, en), in the currency of setCurrency(). */
export function money(str) {
  return groupWith(nf("money", 2), str, 2);
}

/** "5307.27" → "5,307.27": for table cells whose header names the currency. */
export function amount(str) {
  return groupWith(nf("plain", 2), str, 2);
}

/** "32.5000" → "32.50%". */
export function percent(str, digits = 2) {
  return `${groupWith(nf("plain", digits), str, digits)}%`;
}

/** A user-typed rate shown back as typed, e.g. "4.9" → "4.9%". */
export function typedPercent(str) {
  return `${String(str).trim()}%`;
}

/** Integers such as a period count. */
export function integer(n) {
  return nf("plain", 0).format(n);
}

/** "2026-12-29" → "2026年12月29日" or "Dec 29, 2026". */
export function date(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!m) return iso ?? "";
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(lang(), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(d);
}

/** Joins phrases the way the language does ("A、B和C" / "A, B, and C"). */
export function list(items) {
  return new Intl.ListFormat(lang(), { style: "long", type: "conjunction" }).format(items);
}

/** Money string → integer cents as BigInt (exact; used for chart scaling and comparisons). */
export function cents(str) {
  const p = parts(str);
  if (!p) return 0n;
  const v = BigInt(p.int + (p.frac + "00").slice(0, 2));
  return p.neg ? -v : v;
}

/** The multipliers people write after an amount: 万 (萬) = 10⁴, 千 = 10³ (digits to shift the point by). */
const MULTIPLIERS = { 万: 4, 萬: 4, 千: 3 };
const WITH_MULTIPLIER = /^(-?)(\d*)(?:\.(\d*))?([万萬千])$/;

/**
 * Shifts a decimal numeral's point `digits` places to the right ("1.5", 4 →
 * "15000"): string work only, so the value is exact whatever its length.
 */
export function shiftPoint(sign, int, frac, digits) {
  const all = `${int}${frac}${"0".repeat(Math.max(0, digits - frac.length))}`;
  const at = int.length + digits;
  const whole = all.slice(0, at).replace(/^0+(?=\d)/, "") || "0";
  const rest = all.slice(at).replace(/0+$/, "");
  const out = rest ? `${whole}.${rest}` : whole;
  return sign && /[1-9]/.test(out) ? `-${out}` : out;
}

/**
 * Normalises what a person typed into a decimal string without changing its
 * value: full-width digits and points, spaces and thousands separators, the
 * currency sign, "元" and "%" go; an amount written with 万 or 千 ("1.5万",
 * "2万元", "3千") is read as the number it names ("15000", "20000", "3000").
 * Anything else is left for the engine to name as not a number.
 */
export function cleanNumeral(str) {
  const s = String(str)
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[－—–]/g, "-")
    .replace(/[\s,，_']/g, "")
    .replace(/[¥￥元%％]/g, "");
  const m = WITH_MULTIPLIER.exec(s);
  if (!m || !(m[2] || m[3])) return s;
  return shiftPoint(m[1], m[2] || "0", m[3] ?? "", MULTIPLIERS[m[4]]);
}

/** Whether text is an amount written with 万 or 千 (a preview of the number read is worth showing). */
export function hasMultiplier(str) {
  return /[万萬千]/.test(String(str));
}

/** A plain decimal string grouped as the language groups it, its fraction digits kept: "15000.5" → "15,000.5". */
export function grouped(str) {
  const p = parts(str);
  if (!p) return String(str);
  return groupWith(nf("plain", p.frac.length), str, p.frac.length);
}
