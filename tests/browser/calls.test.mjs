// The collection-log panel on a 360 px phone in zh-CN: ten contacts logged
// with the form and a quick button (one edited), the flags the engine gives
// (hand-counted: the 7th and 8th unanswered calls of 2026-03-05, one call at
// 22:30, one disclosure to an unrelated person with a threat), the day-by-day
// table, CSV export with BOM and import back (a bad row is named and the rest
// kept), the complaint pack (route for the lender type, print shows only the
// pack), a microloan's flags saying the rule does not bind it, reload with and
// without "remember", "forget" erasing the kept log, and axe on the panel in
// three languages at 360 and 1280 px. No request leaves the page's origin.
// Run: make build && node --test --test-concurrency=1 tests/browser/calls.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openPage, screenshot } from "./helpers.mjs";
import { LANGUAGES } from "../../www/i18n.js";
import { injectAxe, axeViolations, setLang } from "./scenario.mjs";
import { languageModule } from "./catalogs.mjs";

const zhCatalog = await languageModule("zh-CN");

const zh = Object.assign({}, ...zhCatalog.default);
const KEY = "repay.calls.v1";
let session;
let page;
let panel;
let csvFile;

before(async () => {
  session = await openPage();
  page = session.page;
  await page.setViewportSize({ width: 360, height: 740 });
  panel = page.locator("#panel-calls");
  await panel.locator("h2").waitFor();
  await panel.locator('[data-testid="calls-summary"]').waitFor();
});

after(() => session?.close());

async function addContact({ at, channel = "call", answered = true, to = "me", disclosed = false, conduct = [], from = "", note = "" }) {
  await panel.locator('[data-testid="calls-at"]').fill(at);
  await panel.locator('[data-testid="calls-channel"]').selectOption(channel);
  if (channel === "call") await panel.locator('[data-testid="calls-answered"]').setChecked(answered);
  await panel.locator('[data-testid="calls-to"]').selectOption(to);
  if (to !== "me") await panel.locator('[data-testid="calls-disclosed"]').setChecked(disclosed);
  for (const c of conduct) await panel.locator(`input[data-conduct="${c}"]`).check();
  await panel.locator('[data-testid="calls-from"]').fill(from);
  await panel.locator('[data-testid="calls-note"]').fill(note);
  await panel.locator('[data-testid="calls-add"]').click();
}

const entryCount = () => panel.locator('[data-testid="calls-entries"] > li').count();

async function flags() {
  return panel.locator(".calls-flag").evaluateAll((els) =>
    els.map((e) => ({ rule: e.dataset.rule, applies: e.dataset.applies, count: e.querySelector(".calls-flag-count").textContent })),
  );
}

test("ten contacts on a 360 px phone: hand-counted flags and the day-by-day table", async () => {
  await panel.locator('[data-testid="calls-lender"]').selectOption("bank");
  // Seven unanswered calls on 2026-03-05, 09:00 to 15:00.
  for (let hour = 9; hour <= 15; hour++) await addContact({ at: `2026-03-05T${String(hour).padStart(2, "0")}:00`, answered: false, from: "95188" });
  // One tap on "missed call" (now), then edited to 16:00 the same day: the 8th unanswered call.
  await panel.locator('[data-testid="calls-quick-missed"]').click();
  assert.equal(await entryCount(), 8);
  const last = panel.locator('[data-testid="calls-entries"] > li').last();
  await last.locator('button[data-action="edit"]').click();
  await panel.locator('[data-testid="calls-at"]').fill("2026-03-05T16:00");
  await panel.locator('[data-testid="calls-add"]').click();
  // An answered call at 22:30, and a message to a colleague telling about the debt, with a threat.
  await addContact({ at: "2026-03-05T22:30" });
  await addContact({ at: "2026-03-06T12:00", channel: "sms", to: "unrelatedThirdParty", disclosed: true, conduct: ["threat"], note: "发给了我同事" });
  assert.equal(await entryCount(), 10);
  assert.deepEqual(await flags(), [
    { rule: "lateHours", applies: "true", count: "1 次 · 2026年3月5日" },
    { rule: "unansweredCalls", applies: "true", count: "2 次 · 2026年3月5日" },
    { rule: "thirdPartyDisclosure", applies: "true", count: "1 次 · 2026年3月6日" },
    { rule: "threat", applies: "true", count: "1 次 · 2026年3月6日" },
  ]);
  assert.equal(await panel.locator('[data-testid="calls-summary"]').textContent(), "共记录 10 次联系，涉及 2 天；其中 4 次可能违反催收规则。");
  const days = await panel.locator('[data-testid="calls-days"] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  assert.deepEqual(days, [
    ["2026年3月5日", "9", "8", "1", "3"],
    ["2026年3月6日", "1", "0", "0", "1"],
  ]);
  // Each flag names whom its rule binds and its source.
  const binds = await panel.locator('[data-testid="calls-binds"]').first().textContent();
  assert.equal(binds, "这条规定约束你的贷款机构（银行）。");
  assert.match(await panel.locator(".calls-flag .source-line").first().textContent(), /中国银行业协会/);
  // Nothing wider than the phone.
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
  await screenshot(page, "calls-zh-CN-360x740");
});

test("export CSV (BOM, zh headers) and import it back after a reload; a bad row is named and skipped", async () => {
  const [dl] = await Promise.all([page.waitForEvent("download"), panel.locator('[data-testid="calls-export-csv"]').click()]);
  const text = await readFile(await dl.path(), "utf8");
  assert.match(dl.suggestedFilename(), /^催收记录-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(text.startsWith("\uFEFF"), "BOM for Excel and WPS");
  const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  assert.equal(lines.length, 11);
  assert.equal(lines[0], ["时间", "方式", "接通", "对象", "号码或名称", "行为", "透露欠款", "备注", "可能违反的规则"].join(","));
  assert.ok(lines.some((l) => l.startsWith("2026-03-05 16:00,电话,否,我本人,,,,,一天内未接通的来电超过 6 次")), lines.join("\n"));
  // Reload without "remember": the log is kept in this tab (sessionStorage), not on the device.
  await page.reload();
  await panel.locator('[data-testid="calls-summary"]').waitFor();
  assert.equal(await entryCount(), 10);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  assert.equal(await panel.locator('[data-testid="calls-storage"]').textContent(), zh["calls.storageTab"]);
  // Forget erases this tab's copy too: after a reload the log is empty.
  await page.locator('[data-testid="forget"]').click();
  await page.waitForFunction(() => sessionStorage.getItem("repay.calls.tab.v1") === null);
  await page.reload();
  await panel.locator('[data-testid="calls-summary"]').waitFor();
  assert.equal(await entryCount(), 0);
  // Import the file back, with one impossible date added at line 12.
  const dir = await mkdtemp(path.join(tmpdir(), "repay-calls-"));
  csvFile = path.join(dir, "calls.csv");
  await writeFile(csvFile, `${text}2026-02-30 10:00,电话,否,我本人,,,,,\r\n`);
  await panel.locator('[data-testid="calls-lender"]').selectOption("bank");
  await panel.locator('[data-testid="calls-import"]').setInputFiles(csvFile);
  await panel.locator('[data-testid="calls-status"]').filter({ hasText: "已导入 10 条记录" }).waitFor();
  assert.equal(await panel.locator('[data-testid="calls-status"]').textContent(), "已导入 10 条记录；第 12 行无法读取，已跳过，其余都保留了。");
  assert.equal(await entryCount(), 10);
  assert.deepEqual((await flags()).map((f) => f.rule), ["lateHours", "unansweredCalls", "thirdPartyDisclosure", "threat"]);
});

test("complaint pack: the route for a bank, the flagged contacts with times and sources; print shows only the pack", async () => {
  await panel.locator('[data-testid="calls-lender-name"]').fill("某某银行");
  await panel.locator('[data-testid="calls-pack-make"]').click();
  const paper = panel.locator('[data-testid="calls-pack-paper"]');
  await paper.locator(".calls-paper-title").waitFor();
  const text = await panel.locator('[data-testid="calls-pack-text"]').inputValue();
  for (const part of ["关于催收行为的投诉", "国家金融监督管理总局 12378", "被投诉机构：某某银行（银行）", "2026年3月5日 16:00", "一天内未接通的来电超过 6 次（2 次）", "依据：中国银行业协会", "我的请求：", "附件：催收记录（CSV 文件），共 10 条。"]) {
    assert.ok(text.includes(part), `${part} missing from:\n${text}`);
  }
  // A microloan route is not offered to a bank borrower.
  assert.ok(!text.includes("地方金融管理局"));
  // Print: the page is the pack alone.
  await page.evaluate(() => {
    window.print = () => {
      window.__printed = document.body.classList.contains("print-calls");
    };
  });
  await panel.locator('[data-testid="calls-pack-print"]').click();
  assert.equal(await page.evaluate(() => window.__printed), true);
  await page.evaluate(() => document.body.classList.add("print-calls"));
  await page.emulateMedia({ media: "print" });
  const shown = await page.evaluate(() => ({
    paper: getComputedStyle(document.querySelector('[data-testid="calls-pack-paper"]')).display !== "none",
    form: getComputedStyle(document.querySelector('[data-testid="calls-form"]')).display,
    terms: getComputedStyle(document.querySelector("#panel-terms")).display,
    header: getComputedStyle(document.querySelector(".site-header")).display,
  }));
  assert.deepEqual(shown, { paper: true, form: "none", terms: "none", header: "none" });
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => document.body.classList.remove("print-calls"));
});

test("a microloan: the same flags; the guideline's do not bind it, the general law's do; its complaint routes", async () => {
  await panel.locator('[data-testid="calls-lender"]').selectOption("microLoan");
  try {
    const f = await flags();
    assert.equal(f.length, 4);
    // Binding law first: night calls and unanswered calls are the CBA guideline's (banks, cards and
    // consumer finance only); telling a third party of the debt and threats are unlawful for every lender.
    assert.deepEqual(Object.fromEntries(f.map((x) => [x.rule, x.applies])), { lateHours: "false", unansweredCalls: "false", thirdPartyDisclosure: "true", threat: "true" });
    const text = await panel.locator('[data-testid="calls-pack-text"]').inputValue();
    assert.ok(text.includes("地方金融管理局") && !text.includes("12378"), text);
  } finally {
    await panel.locator('[data-testid="calls-lender"]').selectOption("bank");
  }
});

test("remember keeps the log on this device; forget erases it", async () => {
  await page.locator('[data-testid="remember"]').check();
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  const kept = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(kept.contacts.length, 10);
  assert.equal(kept.lender, "bank");
  // Never in a share link.
  await page.locator('[data-testid="copy-link"]').click();
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  const data = Buffer.from(link.split("#s=1.")[1].replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  assert.ok(!data.includes("2026-03-05") && !data.includes("calls"), data);
  await page.reload();
  await panel.locator('[data-testid="calls-summary"]').waitFor();
  assert.equal(await entryCount(), 10);
  assert.equal(await panel.locator('[data-testid="calls-storage"]').textContent(), zh["calls.storageSaved"]);
  await page.locator('[data-testid="forget"]').click();
  await page.waitForFunction((k) => localStorage.getItem(k) === null, KEY);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("repay."))), []);
  await page.reload();
  await panel.locator('[data-testid="calls-summary"]').waitFor();
  assert.equal(await entryCount(), 0);
  assert.equal(await panel.locator('[data-testid="calls-storage"]').textContent(), zh["calls.storageTab"]);
});

test("delete an entry", async () => {
  await panel.locator('[data-testid="calls-import"]').setInputFiles(csvFile);
  await panel.locator('[data-testid="calls-status"]').filter({ hasText: "10" }).waitFor();
  await panel.locator('[data-testid="calls-entries"] > li').first().locator('button[data-action="delete"]').click();
  assert.equal(await entryCount(), 9);
  assert.equal(await panel.locator('[data-testid="calls-status"]').textContent(), "已删除一条记录。");
});

test("axe: no violations on the panel in three languages at 360 and 1280 px", async () => {
  await injectAxe(page);
  await panel.locator('[data-testid="calls-pack-make"]').click();
  const failures = [];
  for (const l of LANGUAGES) {
    await setLang(page, l.code);
    for (const [w, hgt] of [
      [360, 740],
      [1280, 800],
    ]) {
      await page.setViewportSize({ width: w, height: hgt });
      const v = await axeViolations(page, "#panel-calls");
      if (v.length) failures.push({ lang: l.code, width: w, v });
      const rights = await axeViolations(page, "#panel-rights");
      if (rights.length) failures.push({ panel: "rights", lang: l.code, width: w, v: rights });
    }
  }
  await setLang(page, "zh-CN");
  assert.deepEqual(failures, []);
});

test("no request left the page's origin and nothing went wrong", () => {
  assert.deepEqual(session.problems, []);
});
