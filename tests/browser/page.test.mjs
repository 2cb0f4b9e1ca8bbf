// Browser tests of the page as a whole: every <label> names one control only,
// in every language, so that a label (and a screen reader's list of form
// fields) is never ambiguous. Rows that repeat (a debt, a fee, a prepayment)
// are told apart by their numbered legend ("欠款 2"), so labels inside one
// such row are checked against the rest of the page, not against the other rows.
// Only the messages of the language shown are fetched: the page's own language
// at first (with no key ever on screen before them), another on switching.
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, watchPage } from "./helpers.mjs";
import { LANGUAGES } from "../../www/i18n.js";
import { MESSAGE_PARTS } from "../../www/catalogs.js";
import { terms as enTerms } from "./shown/en.mjs";
import { terms as zhTerms } from "./shown/zh-CN.mjs";

let session;
let page;

before(async () => {
  session = await openPage();
  page = session.page;
  for (const id of ["terms", "overdue", "plans", "debts", "letter"]) await page.locator(`#panel-${id} label`).first().waitFor({ state: "attached" });
});

after(() => session?.close());

/** The message catalogs the page has fetched (www/i18n/…), in order, as often as fetched. */
const catalogsFetched = (p) =>
  p.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((u) => u.startsWith("/i18n/")));
/** Every part of lang's messages, as served (www/catalogs.js MESSAGE_PARTS), sorted. */
const partsOf = (lang) => MESSAGE_PARTS.map((part) => `/i18n/${lang}/${part}.js`).sort();
/** Waits until every part of lang's messages (all but the first fetched after the first result) is here. */
const panelsPart = (p, lang) =>
  p.waitForFunction((want) => want.every((u) => performance.getEntriesByType("resource").some((e) => new URL(e.name).pathname === u && e.responseEnd > 0)), partsOf(lang));

test("the first load fetches only the messages of the language shown; a switch fetches another language's once", async () => {
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  await panelsPart(page, "zh-CN");
  assert.deepEqual((await catalogsFetched(page)).sort(), partsOf("zh-CN"));
  const heading = page.locator("#panel-terms h2");
  assert.equal(await heading.textContent(), zhTerms["terms.heading"]);
  for (const code of ["en", "zh-CN", "en"]) {
    await page.getByLabel(/语言|Language/).selectOption(code);
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
    assert.equal(await heading.textContent(), (code === "en" ? enTerms : zhTerms)["terms.heading"]);
  }
  assert.deepEqual((await catalogsFetched(page)).sort(), [...partsOf("en"), ...partsOf("zh-CN")].sort());
  await page.getByLabel(/语言|Language/).selectOption("zh-CN");
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
});

test("a visitor whose browser prefers English sees English from the first label on, and no Chinese messages are fetched", async () => {
  const p = await session.context.newPage();
  const problems = watchPage(p, session.origin);
  await p.addInitScript(() => {
    Object.defineProperty(navigator, "languages", { get: () => ["en-US", "en"] });
    // Any bound element that ever shows its key (rather than a message) is recorded.
    window.__keysShown = [];
    new MutationObserver(() => {
      for (const el of document.querySelectorAll("[data-i18n]")) {
        const text = el.dataset.i18nAttr ? el.getAttribute(el.dataset.i18nAttr) : el.textContent;
        if (text === el.dataset.i18n) window.__keysShown.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  try {
    await p.goto(`${session.origin}/`);
    await p.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
    assert.equal(await p.locator("html").getAttribute("lang"), "en");
    assert.equal(await p.locator("#lang-select").inputValue(), "en");
    assert.equal(await p.locator("#panel-terms h2").textContent(), enTerms["terms.heading"]);
    await panelsPart(p, "en");
    assert.deepEqual((await catalogsFetched(p)).sort(), partsOf("en"));
    assert.deepEqual(await p.evaluate(() => window.__keysShown), []);
    assert.deepEqual(problems, []);
  } finally {
    await p.close();
  }
});

/** Label texts that appear more than once, with where they are. */
function duplicateLabels() {
  return page.evaluate(() => {
    const seen = new Map();
    for (const label of document.querySelectorAll("label")) {
      const row = label.closest("fieldset.row");
      // The first row of each list stands for the others.
      if (row && row.closest(".rows").querySelector("fieldset.row") !== row) continue;
      const text = label.textContent.trim();
      const where = label.closest("section")?.id ?? "page";
      seen.set(text, [...(seen.get(text) ?? []), where]);
    }
    return [...seen].filter(([, w]) => w.length > 1).map(([text, w]) => `${text} (${w.join(", ")})`);
  });
}

test("no two labels on the page have the same text, in any language", async () => {
  // Open every repeatable row once so its labels are on the page too.
  await page.evaluate(() => {
    for (const key of ["terms.addFee", "terms.addPrepayment"]) document.querySelector(`#panel-terms button[data-i18n="${key}"]`).click();
  });
  await page.locator("#panel-terms fieldset.row").nth(1).waitFor({ state: "attached" });
  for (const l of LANGUAGES) {
    await page.getByLabel(/语言|Language/).selectOption(l.code);
    await page.waitForFunction((code) => document.documentElement.lang === code, l.code);
    assert.deepEqual(await duplicateLabels(), [], l.code);
  }
  await page.getByLabel(/语言|Language/).selectOption("zh-CN");
});

test("no console errors, page errors or third-party requests throughout", () => {
  assert.deepEqual(session.problems, []);
});
