// The message catalogs, read directly in Node: every key one language has,
// every other language has too; and every code the engine can send for a
// plan's basis or an overdue note has its own text (src/ is read as text to
// list them, so a new engine code without a translation fails here).
// Run: node --test tests/browser/catalog.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./helpers.mjs";
import { LANGUAGES, preferredLang } from "../../www/i18n.js";

const DIR = path.join(ROOT, "www", "i18n");
const files = (await readdir(DIR)).filter((f) => f.endsWith(".js")).sort();
const catalogs = Object.fromEntries(
  await Promise.all(files.map(async (f) => [f, (await import(path.join(DIR, f))).default])),
);
const LANGS = LANGUAGES.map((l) => l.code);

test("the switch offers 简体中文, 繁體中文 and English; the browser's preference picks the first one", () => {
  assert.deepEqual(LANGS, ["zh-CN", "zh-TW", "en"]);
  const cases = {
    "zh-CN": [["zh-CN"], ["zh-SG"], ["zh"], ["zh-Hans"], ["zh-Hans-HK"], ["fr", "zh"]],
    "zh-TW": [["zh-TW"], ["zh-HK"], ["zh-MO"], ["zh-Hant"], ["zh-Hant-CN"], ["de", "zh-hk"]],
    en: [["en-US"], ["fr"], [], ["en", "zh-CN"], ["ja", "ko"]],
  };
  for (const [want, list] of Object.entries(cases)) for (const prefs of list) assert.equal(preferredLang(prefs), want, prefs.join(","));
});

for (const f of files) {
  test(`${f}: every message in every language is a non-empty string`, () => {
    for (const l of LANGS) {
      const empty = Object.entries(catalogs[f][l] ?? {}).filter(([, v]) => typeof v !== "string" || !v.trim()).map(([k]) => k);
      assert.deepEqual(empty, [], `${f} ${l}`);
    }
  });
}

test("every catalog file has every language of the switch, and nothing else", () => {
  assert.ok(files.length >= 7, files.join(", "));
  for (const [f, cat] of Object.entries(catalogs)) assert.deepEqual(Object.keys(cat).sort(), [...LANGS].sort(), f);
});

for (const f of files) {
  test(`${f}: no key in one language is missing in another`, () => {
    const cat = catalogs[f];
    for (const a of LANGS) {
      for (const b of LANGS) {
        if (a === b) continue;
        const missing = Object.keys(cat[a] ?? {}).filter((k) => !((cat[b] ?? {})[k]));
        assert.deepEqual(missing, [], `${f}: in ${a} but missing or empty in ${b}`);
      }
    }
  });
}

test("a key is defined in one file only (a later file would silently win)", () => {
  const seen = new Map();
  const twice = [];
  for (const [f, cat] of Object.entries(catalogs)) {
    for (const k of Object.keys(cat[LANGS[0]])) {
      if (seen.has(k)) twice.push(`${k} (${seen.get(k)}, ${f})`);
      else seen.set(k, f);
    }
  }
  assert.deepEqual(twice, []);
});

/** Every string literal matched by re (group 1) in a source file. */
async function codesIn(file, re) {
  const text = await readFile(path.join(ROOT, file), "utf8");
  return [...new Set([...text.matchAll(re)].map((m) => m[1]))];
}

test("every plan basis code of the engine has a rule and a note in every language", async () => {
  const text = await readFile(path.join(ROOT, "src/plan/basis.rs"), "utf8");
  const body = text.slice(text.indexOf("fn basis_for"));
  const codes = [...new Set([...body.slice(0, body.indexOf("\n}\n")).matchAll(/"([a-z][A-Za-z0-9]+)"/g)].map((m) => m[1]))];
  assert.deepEqual(
    [...codes].sort(),
    ["asIs", "cardArt70", "cardArt70Interest", "civilCode678", "civilCode678Online", "deferral", "deferralOnline", "lumpSumPractice", "stopInterestPractice", "waivePenaltiesPractice"].sort(),
  );
  for (const lang of LANGS) {
    for (const c of codes) {
      for (const part of ["rule", "note"]) assert.ok(catalogs["plans.js"][lang][`plans.basis.${part}.${c}`], `${lang} plans.basis.${part}.${c}`);
    }
  }
});

test("every cap note and basis note code of the engine has a text in every language", async () => {
  const notes = await codesIn("src/caps.rs", /code: "(\w+)"/g);
  const basis = await codesIn("src/api/overdue.rs", /note\(\s*"(\w+)"/g);
  assert.ok(notes.includes("criminalReferenceOnly") && notes.length >= 8, notes.join(", "));
  assert.ok(basis.includes("simpleDailyAccrual") && basis.length >= 11, basis.join(", "));
  for (const lang of LANGS) {
    const cat = catalogs["overdue.js"][lang];
    for (const c of notes) assert.ok(cat[`note.${c}`], `${lang} note.${c}`);
    for (const c of basis) assert.ok(cat[`basis.${c}`], `${lang} basis.${c}`);
  }
});
