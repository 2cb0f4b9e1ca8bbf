// Browser tests of the share link and of "remember on this device"
// (www/state.js): a link opened in a fresh browser reproduces every input and
// result; a damaged, tampered or old link shows a calm notice and the page
// computes with its defaults; nothing is stored until the person opts in,
// what they enter comes back after a reload when they do, and "forget"
// leaves no key of ours in localStorage.
// Run: make build && node --test --test-concurrency=1 tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, watchPage, panelsMounted } from "./helpers.mjs";
import { fillAll, zh } from "./scenario.mjs";

let server;
let url;
const browsers = [];
const watched = []; // each page's live list of problems (helpers.watchPage)

before(async () => {
  server = await startServer();
  url = server.url;
});
after(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

/** A page in a fresh browser profile (its own storage), watched for problems. */
async function freshPage() {
  const b = await launchBrowser();
  browsers.push(b);
  const page = await b.context.newPage();
  watched.push(watchPage(page, url.replace(/\/$/, "")));
  return { page, context: b.context };
}

async function ready(page) {
  await page.locator('#panel-terms [data-testid="payment"]').filter({ hasText: "¥" }).waitFor();
  await page.locator('[data-testid="copy-link"]').waitFor();
  // Every panel is there (they mount after the first result), so every answer can be compared.
  await panelsMounted(page);
}


/** Every input value of the shared panels, and every panel's answer text. */
function snapshot(page) {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll("#panel-terms, #panel-overdue, #panel-plans, #panel-debts")].flatMap((s) =>
      [...s.querySelectorAll("input, select")].map((el) => `${s.id} ${el.type === "checkbox" ? el.checked : el.value}`),
    );
    const answers = [...document.querySelectorAll("main .answer, main [data-testid='debts-sentence'], main [data-testid='plans-sentence']")].map((el) => el.textContent);
    return { values, answers };
  });
}

const ourKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("repay.")));

test("a copied link opened in a fresh browser reproduces every input and result", async () => {
  const { page } = await freshPage();
  await page.goto(url);
  await ready(page);
  await fillAll(page);
  const before = await snapshot(page);
  assert.match(before.answers.join(" "), /5,307\.27/);
  await page.locator('[data-testid="copy-link"]').click();
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s=1\.[A-Za-z0-9_-]+$/, "the state is in the fragment only, never the query");
  assert.equal(new URL(link).search, "");
  assert.ok(!link.includes("%E5%BC%A0") && !decodeURIComponent(link).includes("张三"), "the letter's name is not in the link");
  assert.equal((await ourKeys(page)).length, 0, "nothing stored while remember is off");

  const other = await freshPage();
  await other.page.goto(link);
  await ready(other.page);
  // Every answer block of the first page is there (some parts of panels load after them).
  await other.page.waitForFunction((n) => document.querySelectorAll("main .answer, main [data-testid='debts-sentence'], main [data-testid='plans-sentence']").length >= n, before.answers.length);
  await other.page.waitForTimeout(800);
  const after = await snapshot(other.page);
  assert.deepEqual(after.values, before.values);
  assert.deepEqual(after.answers, before.answers);
  assert.equal(await other.page.locator('[data-testid="share-status"]').textContent(), zh["share.fromLink"]);
  assert.equal(await other.page.locator('[data-testid="share-notice"]').isVisible(), false);
  await page.close();
  await other.page.close();
});

test("a damaged, tampered or old link: a calm notice, and the page computes with its defaults", async () => {
  const { page } = await freshPage();
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const cases = [
    ["#s=1.AAAA!!!", "share.badLink"],
    ["#s=1.eyJ0ZXJtcyI6", "share.badLink"], // truncated JSON
    [`#s=1.${b64({ terms: { principal: "5000", evil: "x" } })}`, "share.badLink"], // unknown field
    [`#s=1.${b64({ admin: { x: "1" } })}`, "share.badLink"], // unknown panel
    [`#s=1.${b64({ terms: { principal: 5000 } })}`, "share.badLink"], // not a string
    [`#s=1.${b64({ terms: { principal: "9".repeat(500) } })}`, "share.badLink"], // too long
    [`#s=1.${b64({ letter: { name: "x" } })}`, "share.badLink"], // the letter never comes from a link
    [`#s=1.${b64({ ["__proto__"]: { polluted: "1" } }).replace("X19wcm90b19f", "X19wcm90b19f")}`, "share.badLink"],
    [`#s=9.${b64({ terms: { principal: "5000" } })}`, "share.oldLink"],
  ];
  for (const [hash, key] of cases) {
    await page.goto("about:blank");
    await page.goto(url + hash);
    await ready(page);
    const notice = page.locator('[data-testid="share-notice"]');
    await notice.waitFor();
    assert.equal(await notice.textContent(), zh[key], hash);
    await page.waitForFunction(() => document.querySelector('[data-testid="payment"]')?.textContent === "¥888.49", null, { timeout: 5000 });
    assert.equal(await page.getByLabel(zh["terms.principal"], { exact: true }).inputValue(), "10000", hash);
    assert.equal(await page.evaluate(() => ({}).polluted), undefined);
  }
  await page.close();
});

test("remember: off by default, on keeps inputs across a reload, forget erases them and turns it off", async () => {
  const { page } = await freshPage();
  await page.goto(url);
  await ready(page);
  const remember = page.locator('[data-testid="remember"]');
  const principal = () => page.getByLabel(zh["terms.principal"], { exact: true });
  assert.equal(await remember.isChecked(), false);

  // Off: typing and reloading stores nothing.
  await principal().fill("23456");
  await page.waitForTimeout(700);
  assert.deepEqual(await ourKeys(page), []);
  await page.reload();
  await ready(page);
  assert.equal(await principal().inputValue(), "10000");

  // On: saved at once and after each change (versioned key), restored on load.
  await remember.check();
  assert.deepEqual(await ourKeys(page), ["repay.inputs.v1"]);
  await principal().fill("23456");
  await page.locator('#panel-debts fieldset.row').first().getByLabel(zh["debts.name"], { exact: true }).fill("网贷A");
  await page.waitForTimeout(700);
  await page.reload();
  await ready(page);
  assert.equal(await remember.isChecked(), true);
  assert.equal(await principal().inputValue(), "23456");
  assert.equal(await page.locator('#panel-debts fieldset.row').first().getByLabel(zh["debts.name"], { exact: true }).inputValue(), "网贷A");
  assert.equal(await page.locator('[data-testid="share-status"]').textContent(), zh["share.fromSaved"]);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("repay.inputs.v1")));
  assert.equal(saved.v, 1);
  assert.equal(saved.state.terms.principal, "23456");

  // Forget: every key of ours is gone, remember is off, and a reload starts from the defaults.
  await page.evaluate(() => sessionStorage.setItem("repay.test", "x"));
  await page.locator('[data-testid="forget"]').click();
  await page.locator('[data-testid="share-status"]').filter({ hasText: zh["share.forgotten"] }).waitFor();
  assert.equal(await remember.isChecked(), false);
  assert.deepEqual(await ourKeys(page), []);
  assert.equal(await page.evaluate(() => sessionStorage.getItem("repay.test")), null);
  await principal().fill("777");
  await page.waitForTimeout(700);
  await page.reload();
  await ready(page);
  assert.deepEqual(await ourKeys(page), []);
  assert.equal(await remember.isChecked(), false);
  assert.equal(await principal().inputValue(), "10000");
  await page.close();
});

test("no console errors, page errors or third-party requests in any of these pages", () => {
  // The tests' browser blocks service workers; its warning about that is not the page's.
  assert.deepEqual(watched.flat().filter((p) => !p.includes("Service Worker registration blocked")), []);
});
