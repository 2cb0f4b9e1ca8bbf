// Accessibility (WCAG 2.1 AA) of the whole page: axe-core (from node_modules,
// served on the page's own origin because the CSP allows 'self' only) finds no
// violation in any panel, in any language, at 360×740 and 1280×800, in the
// light and the dark scheme, with every disclosure open and a full scenario
// filled in; a keyboard-only walk-through (Tab, Shift-Tab, Enter, Space, arrow
// keys and typing) fills a loan, opens the schedule, fills an overdue case,
// chooses a plan and gets the letter with the focus always visible; the page
// reflows without horizontal scrolling at 320 px and at 200 % zoom.
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage } from "./helpers.mjs";
import { LANGUAGES } from "../../www/i18n.js";
import { PANELS, SIZES, fillScenario, openAll, injectAxe, axeViolations, setLang, ready } from "./scenario.mjs";

let session;
let page;

before(async () => {
  session = await openPage();
  page = session.page;
  await fillScenario(page);
  await injectAxe(page);
});

after(() => session?.close());

test("axe: no violations in any panel × language × size, light and dark", async () => {
  const table = [];
  const failures = [];
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const l of LANGUAGES) {
      await setLang(page, l.code);
      await openAll(page);
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        for (const p of PANELS) {
          const v = await axeViolations(page, `#panel-${p}`);
          table.push({ scheme, panel: p, lang: l.code, size: size.name, violations: v.length });
          if (v.length) failures.push({ scheme, panel: p, lang: l.code, size: size.name, v });
        }
        // The page frame (header, language switch, footer, glossary popovers) once per language and size.
        const frame = await axeViolations(page, "body");
        if (frame.length) failures.push({ scheme, panel: "page", lang: l.code, size: size.name, v: frame });
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await setLang(page, "zh-CN");
  console.log("axe violations (panel × language × size, light/dark):");
  for (const p of PANELS) {
    for (const l of LANGUAGES) {
      const row = SIZES.map((s) => {
        const c = (scheme) => table.find((x) => x.panel === p && x.lang === l.code && x.size === s.name && x.scheme === scheme).violations;
        return `${s.name} ${c("light")}/${c("dark")}`;
      });
      console.log(`  ${p.padEnd(8)} ${l.code.padEnd(6)} ${row.join("   ")}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("glossary: every term opens from its ? button, in every language, and Escape closes it", async () => {
  for (const l of LANGUAGES) {
    await setLang(page, l.code);
    const terms = await page.$$eval("button.gloss", (bs) => [...new Set(bs.map((b) => b.dataset.term))]);
    assert.deepEqual([...terms].sort(), ["apr", "compound", "defaultCharge", "irr", "kantou", "lpr", "methods", "penalty"], l.code);
    for (const term of terms) {
      const b = page.locator(`button.gloss[data-term="${term}"]`).first();
      await b.focus();
      await page.keyboard.press("Enter");
      const pop = page.locator(`#gloss-${term}`);
      await pop.waitFor({ state: "visible" });
      const text = (await pop.textContent()).trim();
      assert.ok(text.length > 20 && !text.includes("gloss."), `${l.code} ${term}: ${text}`);
      // Legal figures and citations are filled in from the rule pack: no placeholder is left.
      assert.doesNotMatch(text, /\{\w+\}/, `${l.code} ${term}: ${text}`);
      await page.keyboard.press("Escape");
      await pop.waitFor({ state: "hidden" });
    }
  }
  await setLang(page, "zh-CN");
});

/** The focused element, whether its focus is visible (a 2 px+ outline or a box shadow), and a short description. */
function focusState() {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: "body", visible: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2;
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      desc: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className} ${el.getAttribute("aria-label") ?? el.textContent.trim().slice(0, 30)} (outline ${cs.outlineStyle} ${cs.outlineWidth}, focus-visible ${el.matches(":focus-visible")})`,
      // A date input's focus sits in its year / month / day parts: the input itself shows it.
      visible: (el.matches(":focus-visible") || (el.type === "date" && el.matches(":focus-within"))) && (outline || cs.boxShadow !== "none") && r.width > 0 && r.height > 0,
    };
  });
}

/** Presses key (Tab by default) until the focused element matches selector; every stop must show its focus. */
async function tabTo(selector, { key = "Tab", max = 400 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focusState();
    assert.ok(f.visible, `focus not visible on ${f.desc}`);
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
  }
  throw new Error(`${selector} not reached with ${key}`);
}

/** Replaces the focused field's text using the keyboard only (End, Backspace, typing). */
async function typeInto(text) {
  await page.keyboard.press("End");
  const n = await page.evaluate(() => document.activeElement.value.length);
  for (let i = 0; i < n; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

test("keyboard only: fill a loan, open the schedule, fill an overdue case, choose a plan, get the letter", async () => {
  const s = await openPage();
  const p = s.page;
  const saved = page;
  page = p;
  try {
    await p.setViewportSize({ width: 1280, height: 800 });
    await ready(p);
    await p.locator("#panel-plans h2").waitFor();
    // From the top of the page.
    await p.evaluate(() => document.activeElement?.blur());
    await tabTo(".skip-link");
    await tabTo("#lang-select");
    // Arrow keys change the language; back again.
    await p.keyboard.press("ArrowDown");
    await p.waitForFunction(() => document.documentElement.lang === "zh-TW");
    await p.keyboard.press("ArrowUp");
    await p.waitForFunction(() => document.documentElement.lang === "zh-CN");
    // The loan.
    const before = await p.locator('#panel-terms [data-testid="payment"]').textContent();
    await tabTo("#panel-terms .field-principal input");
    await typeInto("20000");
    await tabTo("#panel-terms .field-periods input");
    await typeInto("24");
    await p.waitForFunction((b) => document.querySelector('#panel-terms [data-testid="payment"]').textContent !== b, before);
    // The schedule opens with Enter.
    await tabTo("#panel-terms details.schedule > summary");
    await p.keyboard.press("Enter");
    await p.locator("#panel-terms details.schedule table").waitFor({ state: "visible" });
    assert.equal(await p.locator("#panel-terms details.schedule tbody tr").count(), 24);
    // Shift-Tab goes back, Tab forward again.
    await tabTo("#panel-terms .field-periods input", { key: "Shift+Tab" });
    // The overdue case: days, and the compound box with Space.
    await tabTo("#panel-overdue .od-field-days input");
    await typeInto("90");
    await tabTo("#panel-overdue .od-field-compound input");
    await p.keyboard.press("Space");
    assert.equal(await p.locator("#panel-overdue .od-field-compound input").isChecked(), true);
    await p.locator('#panel-overdue [data-testid="od-compound"]').waitFor();
    assert.match(await p.locator('#panel-overdue [data-testid="od-sub"]').textContent(), /90/);
    // The plans: a budget, then choose the first plan that fits with Enter.
    await tabTo("#panel-plans .field-planBudget input");
    await typeInto("3000");
    await p.waitForFunction(() => document.querySelector("#panel-plans tr:has(.fits-yes) button.choose"));
    await tabTo("#panel-plans tr:has(.fits-yes) button.choose");
    await p.keyboard.press("Enter");
    // The letter is written and the focus moved to its heading.
    await p.locator('#panel-letter [data-testid="letter"] p').first().waitFor();
    assert.equal(await p.evaluate(() => document.activeElement === document.querySelector("#panel-letter h2")), true);
    const letter = await p.locator('#panel-letter [data-testid="letter"]').textContent();
    assert.match(letter, /协商还款申请书/);
    // The letter's own fields are next in the tab order.
    await tabTo("#panel-letter .field-letterLender input");
    await p.keyboard.type("某某银行");
    await p.waitForFunction(() => document.querySelector('#panel-letter [data-testid="letter"]').textContent.includes("某某银行"));
  } finally {
    page = saved;
    await s.close();
  }
});

test("reflow: no horizontal scrolling at 320 px wide, nor at 200 % zoom of 1280 px (640 CSS px)", async () => {
  await openAll(page);
  for (const l of LANGUAGES) {
    await setLang(page, l.code);
    for (const [w, hgt] of [[320, 640], [640, 400]]) {
      await page.setViewportSize({ width: w, height: hgt });
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= w, `${l.code} at ${w}px: scrollWidth ${sw}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await setLang(page, "zh-CN");
});

test("reduced motion and colour scheme are respected", async () => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const t = await page.evaluate(() => getComputedStyle(document.querySelector("button")).transitionDuration);
  assert.match(t, /^0s/);
  await page.emulateMedia({ reducedMotion: "no-preference", colorScheme: "dark" });
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(darkBg, lightBg);
});
