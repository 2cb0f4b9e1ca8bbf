// Browser tests of rates that change in the loan-terms panel: a what-if rate
// change (payment before and after, the interest difference, a chart marker
// where it happens, the CSV section), the LPR-linked mode with its LPR row and
// source, errors beside the row's field, the share state, and screenshots at
// 360 and 1280 px. Expected figures are the engine's (computed in the page),
// the hand-derived ones of tests/rate_changes.rs.
// Run: make build && node --test --test-concurrency=1 tests/browser/rate-changes.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { openPage, screenshot, widthAt, SCREENSHOTS } from "./helpers.mjs";
import { terms as zh } from "./shown/zh-CN.mjs";

let session;
let page;

before(async () => {
  session = await openPage();
  page = session.page;
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
});

after(() => session?.close());

const panel = () => page.locator("#panel-terms");
const field = (label) => panel().getByLabel(label, { exact: true });
const changes = () => panel().locator('[data-testid="rate-changes"]');

async function waitForText(locator, pattern) {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout: 5000 });
}

async function openBox() {
  const box = panel().locator("details.rate-change-box");
  if (!(await box.evaluate((d) => d.open))) await box.locator("summary").click();
  return box;
}

test("a what-if change from instalment 13: payment before and after, interest difference, marker, CSV", async () => {
  await field(zh["terms.principal"]).fill("1000000");
  await field(zh["terms.rate"]).fill("4.9");
  await field(zh["terms.periods"]).fill("360");
  await field(zh["terms.method"]).selectOption("annuity");
  await field(zh["terms.startDate"]).fill("2025-01-15");
  await page.locator('[data-testid="payment"]').filter({ hasText: "¥5,307.27" }).waitFor();
  assert.equal(await changes().isHidden(), true, "no rate-change section without changes");

  const box = await openBox();
  await box.locator('[data-testid="add-rate-change"]').click();
  const row = box.locator("fieldset.row").first();
  assert.equal(await row.locator("legend").textContent(), zh["rc.row"].replace("{n}", "1"));
  await row.getByLabel(zh["rc.at"], { exact: true }).fill("13");
  await row.getByLabel(zh["rc.rate"], { exact: true }).fill("3.5");
  await waitForText(changes(), "4,509.54");

  const cells = await changes().locator("tbody tr").first().locator("th, td").allTextContents();
  assert.deepEqual(cells, ["13", "年利率 3.50%", "5,307.27", "4,509.54", "2026年2月15日", zh["rc.sourceInput"]]);
  const diff = await changes().locator('[data-testid="rc-difference"]').textContent();
  assert.match(diff, /¥277,609\.89/);
  assert.match(diff, /¥910,615\.12/);
  assert.match(diff, /少/);
  // The headline no longer calls the payment level.
  assert.equal(await panel().locator(".answer-label, [data-testid='payment']").first().isVisible(), true);
  assert.match(await page.locator('[data-testid="payment"]').textContent(), /5,307\.27/);
  // One marker in each chart, at the start of instalment 13: x = 2 + 12/360 × 636.
  const markers = panel().locator("line.chart-marker");
  assert.equal(await markers.count(), 2);
  assert.equal(await markers.first().getAttribute("data-period"), "13");
  assert.equal(await markers.first().getAttribute("x1"), "23.20");
  assert.match(await panel().locator(".chart-summary").first().textContent(), /第 13 期/);
  assert.equal(await panel().locator(".swatch-marker").count(), 2);

  // CSV: the schedule, then the rate-change section with the engine's strings.
  await panel().locator("details.schedule summary").click();
  const [dl] = await Promise.all([page.waitForEvent("download"), panel().locator('[data-testid="csv-terms"]').click()]);
  const text = await readFile(await dl.path(), "utf8");
  const lines = text.replace(/^\uFEFF/, "").split("\r\n");
  const at = lines.indexOf(zh["rc.heading"]);
  assert.ok(at > 360, "the section follows the 360 schedule rows");
  assert.equal(lines[at + 1], ["col.period", "col.rate", "col.before", "col.after", "col.dueDate", "col.source"].map((k) => zh[`rc.${k}`]).join(","));
  assert.equal(lines[at + 2], `13,年利率 3.5000%,5307.27,4509.54,2026-02-15,${zh["rc.sourceInput"]}`);
  assert.ok(lines.includes(`${zh["rc.csvDifference"]},-277609.89`));
  await panel().locator("details.schedule summary").click();

  await screenshot(page, "rate-changes-1280x800");
  const width = await widthAt(page, 360, 740);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (scrollWidth ${width})`);
  await changes().scrollIntoViewIfNeeded();
  await screenshot(page, "rate-changes-360x740");
  await changes().screenshot({ path: path.join(SCREENSHOTS, "rate-changes-result-360.png") });
  // At 360 px the payment after the change is in view without scrolling the table.
  const after = changes().locator('tbody td[data-col="after"]').first();
  const boxRight = await changes().locator(".table-scroll").evaluate((el) => el.getBoundingClientRect().right);
  const cellRight = await after.evaluate((el) => el.getBoundingClientRect().right);
  assert.ok(cellRight <= boxRight + 0.5, `the payment after shows at 360 px (${cellRight} ≤ ${boxRight})`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await panel().locator(".terms-layout").screenshot({ path: path.join(SCREENSHOTS, "rate-changes-panel-1280.png") });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("an invalid change shows its message beside the row's field; keep payment on another method too", async () => {
  const row = panel().locator("details.rate-change-box fieldset.row").first();
  const at = row.getByLabel(zh["rc.at"], { exact: true });
  await at.fill("999");
  const error = row.locator(".field-rcAt .field-error");
  await error.filter({ hasText: zh["err.outOfRange.rcAt"] }).waitFor({ timeout: 5000 });
  assert.equal(await at.getAttribute("aria-invalid"), "true");
  await at.fill("13");
  await error.waitFor({ state: "hidden" });

  await field(zh["terms.method"]).selectOption("equalPrincipal");
  await row.getByLabel(zh["rc.keep"], { exact: true }).selectOption("payment");
  await row.locator(".field-rcKeep .field-error").filter({ hasText: zh["err.conflict.rcKeep"] }).waitFor({ timeout: 5000 });
  await row.getByLabel(zh["rc.keep"], { exact: true }).selectOption("term");
  await field(zh["terms.method"]).selectOption("annuity");
  await waitForText(changes(), "4,509.54");

  // By date: the first instalment due on or after it.
  await row.getByLabel(zh["rc.whenUnit"], { exact: true }).selectOption("date");
  assert.equal(await at.getAttribute("type"), "date");
  await at.fill("2026-02-16");
  await waitForText(changes().locator("tbody th"), /^14$/);
  await row.locator("button.remove").click();
  await changes().waitFor({ state: "hidden" });
});

test("LPR-linked: a 2019 mortgage at the five-year LPR + 50 bp, repriced each January", async () => {
  await field(zh["terms.startDate"]).fill("2019-10-15");
  const box = await openBox();
  await box.getByLabel(zh["rc.lpr"], { exact: true }).check();
  assert.equal(await panel().locator(".field-rate").isHidden(), true, "the contract rate is not used");
  await box.getByLabel(zh["rc.lprSpread"], { exact: true }).fill("50");
  await box.getByLabel(zh["rc.lprRepricing"], { exact: true }).selectOption("january");
  await page.locator('[data-testid="payment"]').filter({ hasText: "¥5,584.14" }).waitFor({ timeout: 5000 });
  const line = await changes().locator('[data-testid="rc-lpr"]').textContent();
  assert.match(line, /五年期以上 LPR/);
  assert.match(line, /4\.85%/);
  assert.match(line, /2019年9月20日/);
  assert.match(line, /5\.35%/);
  assert.match(await changes().locator(".rc-source").textContent(), /全国银行间同业拆借中心/);
  const rows = changes().locator("tbody tr");
  assert.equal(await rows.count(), 6);
  const first = await rows.first().locator("th, td").allTextContents();
  assert.equal(first[0], "3");
  assert.equal(first[1], "年利率 5.30%");
  assert.equal(first[3], "5,553.16");
  assert.match(first[5], /2019年11月20日/);
  assert.match(first[5], /4\.80%/);
  assert.equal(await panel().locator(".warning[data-code='lprAssumed']").count(), 1);
  assert.equal(await panel().locator("line.chart-marker").count(), 12);

  // An LPR loan dated before the first fixing: the message beside the loan date.
  await field(zh["terms.startDate"]).fill("2018-06-15");
  await panel().locator(".field-startDate .field-error").filter({ hasText: zh["err.outOfRange.startDate"] }).waitFor({ timeout: 5000 });
  await field(zh["terms.startDate"]).fill("2019-10-15");
  await panel().locator(".field-startDate .field-error").waitFor({ state: "hidden" });

  // Print: the rate changes and the LPR line are part of the printed result.
  await page.emulateMedia({ media: "print" });
  assert.equal(await changes().isVisible(), true);
  assert.equal(await changes().locator("tbody tr").first().isVisible(), true);
  assert.equal(await changes().locator('[data-testid="rc-lpr"]').isVisible(), true);
  assert.equal(await panel().locator("details.rate-change-box").isVisible(), false, "the form is left out");
  await page.emulateMedia({ media: "screen" });

  await screenshot(page, "rate-changes-lpr-1280x800");
  const width = await widthAt(page, 360, 740);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (scrollWidth ${width})`);
  await changes().scrollIntoViewIfNeeded();
  await screenshot(page, "rate-changes-lpr-360x740");
  await changes().screenshot({ path: path.join(SCREENSHOTS, "rate-changes-lpr-result-360.png") });
  await panel().locator("details.rate-change-box").screenshot({ path: path.join(SCREENSHOTS, "rate-changes-lpr-form-360.png") });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("the LPR link and the rate changes are part of the panel's saved and shared state", async () => {
  const box = await openBox();
  await box.locator('[data-testid="add-rate-change"]').click();
  const row = box.locator("fieldset.row").first();
  await row.getByLabel(zh["rc.whenUnit"], { exact: true }).selectOption("date");
  await row.getByLabel(zh["rc.at"], { exact: true }).fill("2024-06-01");
  await row.getByLabel(zh["rc.rate"], { exact: true }).fill("3.2");
  await waitForText(changes().locator("tbody th"), /^56$/);
  const state = await page.evaluate(async () => {
    const { validate } = await import("./state.js");
    return validate({ terms: { lpr: "1", lprSpread: "50", lprRepricing: "january", lprTenor: "auto", rateChanges: [{ when: "date", at: "2024-06-01", rate: "3.2", ratePer: "year", keep: "term" }] } });
  });
  assert.ok(state, "the schema accepts the new fields");
  // Turning the LPR link off brings the contract rate back.
  await box.getByLabel(zh["rc.lpr"], { exact: true }).uncheck();
  assert.equal(await panel().locator(".field-rate").isVisible(), true);
  await row.locator("button.remove").click();
});

test("no console errors, page errors or third-party requests throughout", () => {
  assert.deepEqual(session.problems, []);
});
