// The page on a 360 px phone with large figures: the plans table's caption
// reads as a line (it shrank to one character per line once), and no figure
// breaks inside a number ("¥49,999,998.0" / "0", "10,000.00" / "%"): each
// number is checked to sit on one line, by the rectangles of its own text.
// Screenshots under out/screenshots/. (The "ready offline" line is checked at
// 360 px in offline.test.mjs, which runs the service worker.)
// Run: make build && node --test --test-concurrency=1 tests/browser/small-screen.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, screenshot, widthAt } from "./helpers.mjs";
import { ready, zh } from "./scenario.mjs";

let session;
let page;

before(async () => {
  session = await openPage();
  page = session.page;
  await page.setViewportSize({ width: 360, height: 740 });
  await ready(page);
});

after(async () => {
  await session?.close();
});

/**
 * Every number shown in the figures under root (answers, figure tiles, table
 * cells) whose text is laid out on more than one line: [{ text, lines }].
 */
function brokenNumbers(root) {
  return page.evaluate((sel) => {
    const out = [];
    const NUM = /[¥$£€]?[0-9][0-9,]*(?:\.[0-9]+)?%?/g;
    for (const el of document.querySelectorAll(`${sel} .answer-value, ${sel} .figure dd, ${sel} td, ${sel} .mini-answer`)) {
      if (!el.getClientRects().length) continue; // not shown
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of n.data.matchAll(NUM)) {
          if (m[0].length < 4) continue;
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
          if (tops.size > 1) out.push({ text: m[0], lines: tops.size });
        }
      }
    }
    return out;
  }, root);
}

test("large figures in the terms panel stay whole at 360 px", async () => {
  const terms = page.locator("#panel-terms");
  await terms.getByLabel(zh["terms.principal"], { exact: true }).fill("49999998");
  await terms.getByLabel(zh["terms.rate"], { exact: true }).fill("9999");
  await terms.getByLabel(zh["terms.periods"], { exact: true }).fill("12");
  // Waits for the figures of all three inputs, not for any render: the annuity
  // payment of 49,999,998 at 9,999 % a year (8.3325 % a month) over 12 months,
  // P × i ÷ (1 − (1 + i)^−12) = 416,624,983.335…, is 416,624,983.34 (a render
  // of an earlier input shows another payment).
  await page.waitForFunction(() => /416,624,983\.34/.test(document.querySelector('#panel-terms [data-testid="payment"]')?.textContent ?? ""), null, { timeout: 10000 });
  await page.waitForFunction(() => /9,999/.test(document.querySelector('#panel-terms [data-testid="nominal"] dd')?.textContent ?? ""), null, { timeout: 10000 });
  assert.deepEqual(await brokenNumbers("#panel-terms"), []);
  const scrollWidth = await widthAt(page, 360, 740);
  assert.ok(scrollWidth <= 360, `no sideways scrolling of the page (scrollWidth ${scrollWidth})`);
  await page.locator('#panel-terms [data-testid="nominal"]').scrollIntoViewIfNeeded();
  await screenshot(page, "small-terms-large-figures-360");
});

test("the plans table's caption is a line, and its large figures stay whole at 360 px", async () => {
  const plans = page.locator("#panel-plans");
  await plans.locator(".field-planPrincipal input").fill("49999998");
  await plans.locator(".field-planBudget input").fill("10000");
  const table = plans.locator('[data-testid="plans-table"]');
  await table.locator("button.choose").first().waitFor({ timeout: 10000 });
  // The budget is the last input: wait until the result speaks of it (the
  // sentence names the budget, ¥10,000.00, only once it was computed) and of
  // the principal, not for the first table rendered.
  await page.waitForFunction(
    () =>
      /10,000\.00/.test(document.querySelector('#panel-plans [data-testid="plans-sentence"]')?.textContent ?? "") &&
      /49,999,998/.test(document.querySelector('#panel-plans [data-testid="plans-table"]')?.textContent ?? ""),
    null,
    { timeout: 10000 },
  );
  const caption = await table.locator("caption").evaluate((c) => {
    const r = c.getBoundingClientRect();
    return { width: r.width, height: r.height, line: parseFloat(getComputedStyle(c).lineHeight) || 24, tableWidth: c.closest(".plans-table").getBoundingClientRect().width };
  });
  assert.ok(caption.width >= caption.tableWidth * 0.8, `the caption spans the table (${caption.width} of ${caption.tableWidth} px)`);
  assert.ok(caption.height <= caption.line * 3, `the caption takes at most 3 lines (${caption.height} px, line ${caption.line} px)`);
  assert.deepEqual(await brokenNumbers("#panel-plans"), []);
  const scrollWidth = await widthAt(page, 360, 740);
  assert.ok(scrollWidth <= 360, `no sideways scrolling of the page (scrollWidth ${scrollWidth})`);
  // (A recompute may rebuild the table at any moment: scrolled to in one step in the page.)
  await page.evaluate(() => document.querySelector('#panel-plans [data-testid="plans-table"]').scrollIntoView());
  await screenshot(page, "small-plans-large-figures-360");
});

test("no console errors, page errors or third-party requests", () => {
  assert.deepEqual(session.problems, []);
});
