// The message catalogs, read directly in Node: per language, the same three parts
// (www/i18n/<lang>/start.js, glossary.js and panels.js, see www/catalogs.js)
// with the same sections, one per panel, and the same keys in the same section;
// the list each part exports names its sections; the first part holds what the
// first result needs (the frame and the loan-terms panel), the glossary's part
// the popovers';
// no key is defined twice; every error code the engine can send and every
// code it can send for a plan's basis or an overdue note has its own text in
// every language (src/ and www/engine.js are read as text to list them, so a
// new engine code without a translation fails here). The page loads only the
// language shown, so a gap here would show a key on the page.
// Run: node --test tests/browser/catalog.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./helpers.mjs";
import { LANGUAGES, preferredLang } from "../../www/i18n.js";
import { CATALOG_LANGS, MESSAGE_PARTS } from "../../www/catalogs.js";
import { languageModule, languageParts } from "./catalogs.mjs";

const DIR = path.join(ROOT, "www", "i18n");
const LANGS = LANGUAGES.map((l) => l.code);
/** modules[lang]: both parts of www/i18n/<lang>/ merged (a named export per section, the list as default). */
const modules = Object.fromEntries(await Promise.all(LANGS.map(async (l) => [l, await languageModule(l).catch(() => ({ default: [] }))])));
/** The sections of each part but the last, sorted (the last, panels, holds every other one). */
const PARTS = {
  start: ["common", "exportCatalog", "share", "terms"], // the page frame and what the loan-terms panel shows
  glossary: ["glossary"], // the "?" popovers, after the first result
};
const sectionsOf = (lang) => Object.keys(modules[lang]).filter((k) => k !== "default").sort();
const sections = sectionsOf(LANGS[0]);
/** catalogs[section][lang] = that section's messages in lang. */
const catalogs = Object.fromEntries(sections.map((s) => [s, Object.fromEntries(LANGS.map((l) => [l, modules[l][s] ?? {}]))]));
/** Every message of a language, merged. */
const merged = (lang) => Object.assign({}, ...modules[lang].default);

test("every language of the switch has its parts (www/i18n/<lang>/<part>.js, named in www/catalogs.js), and no other does", async () => {
  assert.deepEqual([...CATALOG_LANGS].sort(), [...LANGS].sort());
  assert.deepEqual(MESSAGE_PARTS, ["start", "glossary", "panels"]);
  assert.deepEqual((await readdir(DIR)).sort(), [...LANGS].sort());
  for (const lang of LANGS) assert.deepEqual((await readdir(path.join(DIR, lang))).sort(), MESSAGE_PARTS.map((p) => `${p}.js`).sort(), lang);
});

test("the first part holds the frame and the loan-terms panel's sections, glossary the popovers', the last every other one, in every language", async () => {
  const earlier = Object.values(PARTS).flat();
  for (const lang of LANGS) {
    const all = await languageParts(lang);
    const named = (m) => Object.keys(m.module).filter((k) => k !== "default").sort();
    for (const p of all) {
      const want = p.part === "panels" ? sections.filter((x) => !earlier.includes(x)) : PARTS[p.part];
      assert.deepEqual(named(p), want, `www/i18n/${lang}/${p.part}.js`);
    }
    for (const p of all) {
      const listed = p.module.default.map((c) => named(p).find((n) => p.module[n] === c) ?? "(not a section)");
      assert.deepEqual([...listed].sort(), named(p), `the list of ${p.file.pathname}`);
    }
  }
});

test("every language has the same sections, and its list names each of them once", () => {
  assert.ok(sections.length >= 7, sections.join(", "));
  for (const lang of LANGS) {
    assert.deepEqual(sectionsOf(lang), sections, `www/i18n/${lang}.js`);
    const named = modules[lang].default.map((c) => sections.find((s) => modules[lang][s] === c) ?? "(not a section)");
    assert.deepEqual([...named].sort(), sections, `the list of www/i18n/${lang}.js`);
  }
});

test("the switch offers 简体中文, 繁體中文 and English; the browser's preference picks the first one", () => {
  assert.deepEqual(LANGS, ["zh-CN", "zh-TW", "en"]);
  const cases = {
    "zh-CN": [["zh-CN"], ["zh-SG"], ["zh"], ["zh-Hans"], ["zh-Hans-HK"], ["fr", "zh"]],
    "zh-TW": [["zh-TW"], ["zh-HK"], ["zh-MO"], ["zh-Hant"], ["zh-Hant-CN"], ["de", "zh-hk"]],
    en: [["en-US"], ["fr"], [], ["en", "zh-CN"], ["ja", "ko"]],
  };
  for (const [want, list] of Object.entries(cases)) for (const prefs of list) assert.equal(preferredLang(prefs), want, prefs.join(","));
});

for (const f of sections) {
  test(`${f}: every message in every language is a non-empty string`, () => {
    for (const l of LANGS) {
      const empty = Object.entries(catalogs[f][l] ?? {}).filter(([, v]) => typeof v !== "string" || !v.trim()).map(([k]) => k);
      assert.deepEqual(empty, [], `${f} ${l}`);
    }
  });
}

for (const f of sections) {
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

test("a key is defined once in each language's file (a later definition would silently win)", async () => {
  for (const lang of LANGS) {
    // Read as text, since an object literal keeps only the last of two equal keys.
    let text = "";
    for (const p of await languageParts(lang)) text += await readFile(p.file, "utf8");
    const keys = [...text.matchAll(/^ {2}"([^"\\]+)": /gm)].map((m) => m[1]);
    const total = sections.reduce((n, s) => n + Object.keys(catalogs[s][lang]).length, 0);
    assert.equal(keys.length, total, `${lang}: every message is one line "key": "text", (or this check needs updating)`);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], lang);
  }
});

/** Every string literal matched by re (group 1) in a source file. */
async function codesIn(file, re) {
  const text = await readFile(path.join(ROOT, file), "utf8");
  return [...new Set([...text.matchAll(re)].map((m) => m[1]))];
}

test("every error code the engine can send has a message in every language", async () => {
  const core = await codesIn("src/error.rs", /ErrorCode::\w+ => "(\w+)"/g);
  const page = await codesIn("www/engine.js", /(?:fail\(|: )"(\w+)"/g);
  assert.ok(core.includes("missingField") && core.includes("noSolution") && core.length >= 13, core.join(", "));
  assert.deepEqual([...page].sort(), ["engineUnavailable", "internal", "notAvailable"]);
  for (const lang of LANGS) {
    const cat = merged(lang);
    for (const c of [...core, ...page, "unknown"]) assert.ok(cat[`err.${c}`], `${lang} err.${c}`);
  }
});

test("every plan basis code of the engine has a rule and a note in every language", async () => {
  // The codes basis_code chooses; their texts live in the rule pack's planBases.
  const text = await readFile(path.join(ROOT, "src/plan/basis.rs"), "utf8");
  const body = text.slice(text.indexOf("fn basis_code"));
  const codes = [...new Set([...body.slice(0, body.indexOf("\n}\n")).matchAll(/"([a-z][A-Za-z0-9]+)"/g)].map((m) => m[1]))];
  const pack = JSON.parse(await readFile(path.join(ROOT, "src/rules/rules.json"), "utf8"));
  assert.deepEqual(pack.planBases.map((b) => b.id).sort(), [...codes].sort());
  assert.deepEqual(
    [...codes].sort(),
    ["asIs", "cardArt70", "cardArt70Interest", "civilCode678", "civilCode678Online", "deferral", "deferralOnline", "lumpSumPractice", "stopInterestPractice", "waivePenaltiesPractice"].sort(),
  );
  for (const lang of LANGS) {
    for (const c of codes) {
      for (const part of ["rule", "note"]) assert.ok(catalogs.plans[lang][`plans.basis.${part}.${c}`], `${lang} plans.basis.${part}.${c}`);
    }
  }
});

test("every cap note and basis note code of the engine has a text in every language", async () => {
  const notes = await codesIn("src/caps.rs", /code: "(\w+)"/g);
  const basis = await codesIn("src/api/overdue.rs", /note\(\s*"(\w+)"/g);
  assert.ok(notes.includes("criminalReferenceOnly") && notes.length >= 8, notes.join(", "));
  assert.ok(basis.includes("simpleDailyAccrual") && basis.length >= 11, basis.join(", "));
  for (const lang of LANGS) {
    const cat = catalogs.overdue[lang];
    for (const c of notes) assert.ok(cat[`note.${c}`], `${lang} note.${c}`);
    for (const c of basis) assert.ok(cat[`basis.${c}`], `${lang} basis.${c}`);
  }
});
