// Nothing a person typed is lost without their say (README, Privacy):
// - a share link opened beside a saved case opens as a new case: the saved
//   one is not touched until the person chooses to replace it with the
//   link's (keeping the names, which links never carry) or to open
//   it instead; after that choice, and after ticking "remember" on a link,
//   edits come back after a reload, not the link's first figures;
// - an unsaved call log is kept in this tab's sessionStorage through a
//   reload (never in localStorage, erased by "forget"), and leaving the page
//   asks first while entries are neither remembered nor exported.
// Run: make build && node --test --test-concurrency=1 tests/browser/keep.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startServer, launchBrowser, watchPage } from "./helpers.mjs";
import { shareBar as zs } from "./shown/zh-CN.mjs";
import { buildSingle } from "../../scripts/build-single.mjs";
import { plans as zp } from "./shown/zh-CN.mjs";

let server;
const browsers = [];
const watched = [];

before(async () => {
  server = await startServer();
});
after(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

async function freshPage() {
  const b = await launchBrowser();
  browsers.push(b);
  const page = await b.context.newPage();
  watched.push(watchPage(page, server.url.replace(/\/$/, "")));
  return page;
}

async function ready(page) {
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
  await page.locator('[data-testid="copy-link"]').waitFor();
  await page.locator("#panel-plans form").waitFor();
  await page.locator('#panel-calls [data-testid="calls-lender-name"]').waitFor();
}

const budget = (page) => page.locator("#panel-plans").getByLabel(zp["plans.budget"], { exact: true });
// The call log's lender name: page state that links never carry (as the letter's name and details).
const nameField = (page) => page.locator('#panel-calls [data-testid="calls-lender-name"]');
const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("repay.inputs.v1") ?? "null")?.state ?? null);
const savedBudget = async (page) => (await saved(page))?.plans?.budget ?? null;

/** A page with a saved case: budget 1200, the lender's name 张三 in the call log. */
async function withSavedCase() {
  const page = await freshPage();
  await page.goto(server.url);
  await ready(page);
  await page.locator('[data-testid="remember"]').check();
  await budget(page).fill("1200");
  await nameField(page).fill("张三");
  await page.waitForFunction(() => {
    const s = JSON.parse(localStorage.getItem("repay.inputs.v1") ?? "null")?.state;
    return s?.plans?.budget === "1200" && s?.calls?.lenderName === "张三";
  });
  return page;
}

/** A share link whose plans budget is 800, made by the page's own encoder. */
const linkWithBudget = (page, value) =>
  page.evaluate(async (value) => {
    const { encodeFragment } = await import("/state.js");
    return `${location.origin}/${encodeFragment({ plans: { budget: value } })}`;
  }, value);

test("a link opened beside a saved case leaves it alone until replaced; then edits survive a reload", async () => {
  const page = await withSavedCase();
  const link = await linkWithBudget(page, "800");
  await page.goto("about:blank");
  await page.goto(link);
  await ready(page);
  await page.locator('[data-testid="share-notice"]').waitFor();
  assert.equal(await budget(page).inputValue(), "800");
  assert.equal(await page.locator('[data-testid="remember"]').isChecked(), false);
  // Edits to the link's case do not overwrite the saved one.
  await budget(page).fill("850");
  await page.locator("#panel-plans .answer").first().waitFor();
  assert.equal(await savedBudget(page), "1200");
  // Replace: the link's case (with the edit) is saved, with the saved name, and the link leaves the address.
  await page.locator('[data-testid="share-use-link"]').click();
  assert.equal(await page.locator('[data-testid="remember"]').isChecked(), true);
  assert.equal(await page.evaluate(() => location.hash), "");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("repay.inputs.v1") ?? "null")?.state?.plans?.budget === "850");
  assert.equal(await nameField(page).inputValue(), "张三");
  // Edits after that are kept across a reload.
  await budget(page).fill("870");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("repay.inputs.v1") ?? "null")?.state?.plans?.budget === "870");
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => document.querySelector("#panel-plans .field-planBudget input")?.value === "870");
  assert.equal(await nameField(page).inputValue(), "张三");
  assert.equal((await saved(page)).calls.lenderName, "张三");
});

test("a link opened beside a saved case can give way to it: the saved case opens and stays", async () => {
  const page = await withSavedCase();
  const link = await linkWithBudget(page, "800");
  await page.goto("about:blank");
  await page.goto(link);
  await ready(page);
  await page.locator('[data-testid="share-keep-saved"]').click();
  await page.waitForFunction(() => document.querySelector("#panel-plans .field-planBudget input")?.value === "1200");
  assert.equal(await nameField(page).inputValue(), "张三");
  assert.equal(await page.evaluate(() => location.hash), "");
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => document.querySelector("#panel-plans .field-planBudget input")?.value === "1200");
  assert.equal(await savedBudget(page), "1200");
});

test("a link opened with nothing saved, then remembered: edits come back after a reload, not the link's figures", async () => {
  const page = await freshPage();
  await page.goto(server.url);
  const link = await linkWithBudget(page, "800");
  await page.goto("about:blank");
  await page.goto(link);
  await ready(page);
  assert.equal(await budget(page).inputValue(), "800");
  await page.locator('[data-testid="remember"]').check();
  await budget(page).fill("900");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("repay.inputs.v1") ?? "null")?.state?.plans?.budget === "900");
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => document.querySelector("#panel-plans .field-planBudget input")?.value === "900");
});

test("an unsaved call log survives a reload in this tab only, is erased by forget, and leaving asks first", async () => {
  const page = await freshPage();
  await page.goto(server.url);
  await ready(page);
  const calls = page.locator("#panel-calls");
  await calls.locator('[data-testid="calls-quick-missed"]').click();
  await calls.locator('[data-testid="calls-entries"] > li').first().waitFor();
  await page.reload();
  await ready(page);
  await calls.locator('[data-testid="calls-entries"] > li').first().waitFor();
  assert.equal(await calls.locator('[data-testid="calls-entries"] > li').count(), 1);
  const keys = await page.evaluate(() => ({ local: Object.keys(localStorage).filter((k) => k.startsWith("repay.")), session: Object.keys(sessionStorage).filter((k) => k.startsWith("repay.")) }));
  assert.deepEqual(keys.local, []);
  assert.deepEqual(keys.session, ["repay.calls.tab.v1"]);

  // Leaving asks first while the entry is neither remembered nor exported.
  await calls.locator('[data-testid="calls-quick-missed"]').click(); // a gesture on this page, as a person's
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const d = await dialog;
  assert.equal(d.type(), "beforeunload");
  const closed = page.waitForEvent("close");
  await d.accept();
  await closed;
});

test("forget erases this tab's copy of the call log", async () => {
  const page = await freshPage();
  await page.goto(server.url);
  await ready(page);
  const calls = page.locator("#panel-calls");
  await calls.locator('[data-testid="calls-quick-missed"]').click();
  await page.waitForFunction(() => sessionStorage.getItem("repay.calls.tab.v1") !== null);
  await page.locator('[data-testid="forget"]').click();
  await page.waitForFunction(() => sessionStorage.getItem("repay.calls.tab.v1") === null);
  // Exported: leaving no longer asks.
  const download = page.waitForEvent("download");
  await calls.locator('[data-testid="calls-export-json"]').click();
  await download;
  const asked = [];
  page.on("dialog", async (d) => {
    asked.push(d.type());
    await d.accept();
  });
  const closed = page.waitForEvent("close");
  await page.close({ runBeforeUnload: true });
  await closed;
  assert.deepEqual(asked, []);
});

test("a copy opened from a file offers the link's content as text, not a file:/// link", async () => {
  const built = await buildSingle(path.join(await mkdtemp(path.join(tmpdir(), "repay-keep-")), "repay.html"));
  const b = await launchBrowser();
  browsers.push(b);
  const page = await b.context.newPage(); // a file page: not watched for the server's origin
  await page.goto(pathToFileURL(built.file).href);
  await page.locator('[data-testid="copy-link"]').click();
  const value = await page.locator('[data-testid="share-link"]').inputValue();
  assert.match(value, /^#s=1\./);
  assert.equal(await page.locator('[data-testid="share-status"]').textContent(), zs["share.fileCopy"]);
  await page.close();
});

test("no console errors, page errors or third-party requests", () => {
  assert.deepEqual(watched.flat(), []);
});
