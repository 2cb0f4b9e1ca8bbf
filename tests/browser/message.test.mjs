// The phone cards and the pasted-message reader in the call log panel, on a 360 px phone, in
// zh-CN and in en: a card opens in one tap with the case's figures and the lender typed in the
// log, and its "log now" adds an entry with the situation's conduct code; a collector's SMS is
// pasted and read on the device, its findings are marked in the text (after emoji, so the
// offsets must be JS string indices), and two findings are confirmed: the amount goes into the
// overdue case's principal field, and the message becomes an SMS entry in the log whose conduct
// codes the log then flags. The texts' findings were read by hand. No request leaves the page's
// origin, nothing is wider than the screen, and axe finds nothing in either part.
// Run: make build && node --test --test-concurrency=1 tests/browser/message.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, screenshot } from "./helpers.mjs";
import { setLang, injectAxe, axeViolations, overdueByHand } from "./scenario.mjs";

let session;
let page;
let calls;

before(async () => {
  session = await openPage();
  page = session.page;
  await page.setViewportSize({ width: 360, height: 740 });
  calls = page.locator("#panel-calls");
  await calls.locator('[data-testid="calls-summary"]').waitFor();
  // The overdue case typed by hand, with its first result (the cards' figures come from it).
  await overdueByHand(page);
});

after(() => session?.close());

const entries = () => calls.locator('[data-testid="calls-entries"] > li');
const principal = () => page.locator("#panel-overdue .od-field-principal input");
const noOverflow = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const CASES = {
  "zh-CN": {
    heading: "电话里怎么说",
    lender: "某某消费金融有限公司",
    card: "legal",
    cardCode: "falseConsequence",
    sms: "😡⚠️【催收】张三，你已逾期45天，欠款¥8,900.50元，今日18:00前不还就通知你的家人和单位，已立案！加微信扫码还款，或拨打 138 1234 5678",
    amount: "¥8,900.50元",
    value: "8900.50",
    marks: ["¥8,900.50元", "今日18:00前", "家人", "单位", "已立案", "加微信", "扫码", "138 1234 5678"],
    conduct: ["threat", "falseConsequence"],
    days: "45",
  },
  en: {
    heading: "What to say on the phone",
    lender: "QuickCash Finance Ltd",
    card: "thirdParty",
    cardCode: "threat",
    sms: "😡 FINAL NOTICE: you are 30 days overdue. Amount due: RMB 2,450.00. Pay by 6pm today or we will contact your employer and family. A lawsuit has been filed. Call 400-820-1234.",
    amount: "RMB 2,450.00",
    value: "2450.00",
    marks: ["RMB 2,450.00", "6pm today", "employer", "family", "lawsuit", "400-820-1234"],
    conduct: ["threat", "falseConsequence"],
    days: "30",
  },
};

for (const [code, c] of Object.entries(CASES)) {
  test(`${code}: a phone card with the case's figures, one tap away, and its "log now"`, async () => {
    await setLang(page, code);
    const phone = calls.locator('[data-testid="phone"]');
    await page.waitForFunction((h) => document.querySelector('#panel-calls .phone-heading')?.textContent === h, c.heading);
    await calls.locator('[data-testid="calls-lender-name"]').fill(c.lender);
    const card = phone.locator(`[data-testid="phone-card-${c.card}"]`);
    await card.locator("summary.phone-card-title").click(); // the one tap
    await card.locator(".phone-say li").first().waitFor();
    const say = await card.locator(".phone-say").textContent();
    assert.ok(say.includes(c.lender), `the card names the lender typed in the log: ${say}`);
    // The case line carries the overdue panel's own figures (its principal field, formatted as the page does).
    const typed = await principal().inputValue();
    const caseLine = await phone.locator('[data-testid="phone-case"]').textContent();
    const shown = await page.evaluate(async (v) => (await import("./format.js")).money(v), typed);
    assert.ok(caseLine.includes(shown), `${caseLine} shows ${shown}`);
    // Each legal point with its source.
    await card.locator(".phone-why summary").click();
    assert.ok((await card.locator(".phone-cite .source-line").count()) >= 1);
    const before = await entries().count();
    await card.locator('[data-testid="phone-log"]').click();
    await page.waitForFunction((n) => document.querySelectorAll('#panel-calls [data-testid="calls-entries"] > li').length === n, before + 1);
    await calls.locator(`.calls-flag[data-rule="${c.cardCode}"]`).waitFor();
    assert.ok(await noOverflow(), "nothing wider than 360 px");
    await screenshot(page, `message-phone-card-${code}-360`);
  });

  test(`${code}: a pasted SMS, two findings confirmed: the amount in the case, the message in the log`, async () => {
    const msg = calls.locator('[data-testid="msg"]');
    await msg.locator('[data-testid="msg-text"]').fill(c.sms);
    await msg.locator('[data-testid="msg-at"]').fill("2026-12-07T10:00");
    await msg.locator('[data-testid="msg-read"]').click();
    await msg.locator('[data-testid="msg-mark"]').first().waitFor();
    // Each mark holds exactly the words the engine found (its number first).
    const marks = await msg.locator('[data-testid="msg-mark"]').evaluateAll((els) => els.map((e) => e.textContent.slice(e.querySelector("sup").textContent.length)));
    assert.deepEqual(marks, c.marks);
    assert.ok((await msg.locator('[data-testid="msg-summary"]').textContent()).includes(c.days));
    // Nothing applied yet.
    const before = await entries().count();
    assert.notEqual(await principal().inputValue(), c.value);
    // Confirmation 1: the amount (labelled owed, so it goes to the principal by default).
    const amount = msg.locator(".msg-finding.msg-amount").first();
    assert.equal(await amount.locator('[data-testid="msg-target"]').inputValue(), "principal");
    await amount.locator('[data-testid="msg-use-amount"]').click();
    await page.waitForFunction((v) => document.querySelector("#panel-overdue .od-field-principal input")?.value === v, c.value);
    // Confirmation 2: the message into the call log, with its conduct codes and time received.
    await msg.locator('[data-testid="msg-add-log"]').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('#panel-calls [data-testid="calls-entries"] > li').length === n, before + 1);
    for (const rule of c.conduct) await calls.locator(`.calls-flag[data-rule="${rule}"]`).waitFor();
    const flagged = await calls.locator(`.calls-flag[data-rule="${c.conduct[0]}"] .calls-flag-entries`).textContent();
    assert.ok(flagged.includes("10:00"), `the entry has the time received: ${flagged}`);
    assert.equal(await msg.locator('[data-testid="msg-add-log"]').first().isDisabled(), true, "added once");
    assert.ok(await noOverflow(), "nothing wider than 360 px");
    // Accessibility of both parts, with a card and its sources open and the findings shown.
    await injectAxe(page);
    assert.deepEqual(await axeViolations(page, '#panel-calls [data-testid="phone"]'), []);
    assert.deepEqual(await axeViolations(page, '#panel-calls [data-testid="msg"]'), []);
    await screenshot(page, `message-pasted-${code}-360`);
  });
}

test("no request left the page's origin and nothing went wrong", () => {
  assert.deepEqual(session.problems, []);
});
