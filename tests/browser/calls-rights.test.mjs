// The calls and rights panels with the case's lender type, in zh-CN at 360 px:
// the "also see" laws under a flag are readable text (not "[object …]"), the
// rights panel with every lender type shows no stray "null", the calls panel
// points to the "remember" box where it is (the header, above the panels),
// both panels take the overdue panel's lender type until the person picks one
// there, the pick and the lender's name come back after a reload with
// "remember" (the rights pick also through a share link, the calls panel's
// never), and the complaint pack for a microloan company: each channel named
// once, no rule called binding on a lender it does not bind, breaches of
// rules that bind it counted apart from those of the guideline that does not,
// the criminal-law article cited with its condition (illegal debts), the
// complainant's name from the letter panel (never in a share link), an article number the
// pack has only from reports marked so wherever it is cited; the
// letter's collection-hours paragraph is a request for such a lender.
// Run: make build && node --test --test-concurrency=1 tests/browser/calls-rights.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage } from "./helpers.mjs";
import { setLang } from "./scenario.mjs";
import { languageModule } from "./catalogs.mjs";

const zhCatalog = await languageModule("zh-CN");

const zh = Object.assign({}, ...zhCatalog.default);
let session;
let page;
let calls;
let rights;

before(async () => {
  session = await openPage();
  page = session.page;
  await page.setViewportSize({ width: 360, height: 740 });
  calls = page.locator("#panel-calls");
  rights = page.locator("#panel-rights");
  await calls.locator('[data-testid="calls-summary"]').waitFor();
  await rights.locator('[data-testid="rights-facts"]').waitFor();
  // A case typed by hand from the loan above (the overdue panel computes nothing from an example).
  const od = page.locator("#panel-overdue");
  await od.getByLabel(zh["od.basisLabel"], { exact: true }).selectOption("manual");
  await od.getByRole("button", { name: zh["od.fromLoan"] }).click();
  await od.getByLabel(zh["od.days"], { exact: true }).fill("30");
  await page.locator('#panel-overdue [data-testid="od-total-charges"]').waitFor();
});

after(() => session?.close());

/** Sets the overdue panel's lender type (the case's) as a person would. */
async function caseLender(value) {
  await page.locator("#panel-overdue .od-field-lender select").evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }, value);
}

async function addContact(at, { answered = true, conduct = [] } = {}) {
  await calls.locator('[data-testid="calls-at"]').fill(at);
  await calls.locator('[data-testid="calls-channel"]').selectOption("call");
  await calls.locator('[data-testid="calls-answered"]').setChecked(answered);
  await calls.locator('[data-testid="calls-to"]').selectOption("me");
  for (const c of conduct) await calls.locator(`input[data-conduct="${c}"]`).check();
  await calls.locator('[data-testid="calls-add"]').click();
}

/** Waits until the select shows value (the overdue panel recomputes after a short pause). */
async function shows(sel, value) {
  await page.waitForFunction(([q, v]) => document.querySelector(q)?.value === v, [sel, value]).catch(() => {});
  assert.equal(await page.locator(sel).inputValue(), value, sel);
}
const CALLS = '[data-testid="calls-lender"]';
const RIGHTS = '[data-testid="rights-lender"]';

const shareData = async () => {
  await page.locator('[data-testid="copy-link"]').click();
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  return { link, data: JSON.parse(Buffer.from(link.split("#s=1.")[1].replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8")) };
};

test("the rights panel with every lender type shows no stray null", async () => {
  await rights.locator('[data-testid="rights-lender"]').selectOption("");
  const text = await rights.locator(".rights-body").innerText();
  assert.ok(!/\bnull\b/.test(text), text.slice(0, 400));
  assert.equal(await rights.locator('[data-testid="rights-facts-others"]').count(), 0);
});

test("the calls panel says where the remember box is: at the top, above the panel", async () => {
  const line = await calls.locator('[data-testid="calls-storage"]').textContent();
  assert.equal(line, zh["calls.storageTab"]);
  assert.match(line, /顶部/);
  const box = await page.locator('[data-testid="remember"]').boundingBox();
  const panelBox = await calls.boundingBox();
  assert.ok(box.y < panelBox.y, `remember at ${box.y}, panel at ${panelBox.y}`);
});

test("a flag's related laws are shown as text, with their sources", async () => {
  await calls.locator('[data-testid="calls-lender"]').selectOption("bank");
  await addContact("2026-03-05T22:30");
  const flag = calls.locator('.calls-flag[data-rule="lateHours"]');
  await flag.waitFor();
  const text = await flag.innerText();
  assert.ok(!text.includes("[object"), text);
  assert.equal(await flag.locator(".calls-related-title").count(), 1);
  assert.equal(await flag.locator(".calls-related-title").textContent(), zh["rights.fact.privacyCivilCode"]);
  assert.match(await flag.locator(".calls-related").innerText(), /民法典/);
});

test("calls and rights take the case's lender type until the person picks one there", async () => {
  // A fresh page: nothing picked in either panel yet.
  await page.reload();
  await calls.locator('[data-testid="calls-summary"]').waitFor();
  const od = page.locator("#panel-overdue");
  await od.getByLabel(zh["od.basisLabel"], { exact: true }).selectOption("manual");
  await od.getByRole("button", { name: zh["od.fromLoan"] }).click();
  await od.getByLabel(zh["od.days"], { exact: true }).fill("30");
  await page.locator('#panel-overdue [data-testid="od-total-charges"]').waitFor();
  await caseLender("microLoan");
  await shows(CALLS, "microLoan");
  await shows(RIGHTS, "microLoan");
  assert.ok((await rights.locator('[data-testid="rights-facts-others"]').count()) === 1);
  await caseLender("consumerFinance");
  await shows(CALLS, "consumerFinance");
  await shows(RIGHTS, "consumerFinance");
  // The person's own pick stays when the case changes.
  await calls.locator('[data-testid="calls-lender"]').selectOption("creditCard");
  await rights.locator('[data-testid="rights-lender"]').selectOption("");
  await caseLender("microLoan");
  // The plans panel follows the case too: once it shows microLoan the case has been published.
  await shows("#panel-plans .field-planLender select", "microLoan");
  assert.equal(await calls.locator('[data-testid="calls-lender"]').inputValue(), "creditCard");
  assert.equal(await rights.locator('[data-testid="rights-lender"]').inputValue(), "");
});

test("remember restores both picks and the lender's name; a share link carries the rights pick only", async () => {
  await calls.locator('[data-testid="calls-lender-name"]').fill("某某小贷");
  await rights.locator('[data-testid="rights-lender"]').selectOption("private");
  await page.locator('[data-testid="remember"]').check();
  await page.waitForFunction(() => {
    const s = localStorage.getItem("repay.inputs.v1");
    return s && s.includes("某某小贷") && s.includes("private");
  });
  const { link, data } = await shareData();
  assert.deepEqual(data.rights, { lender: "private" });
  assert.equal(data.calls, undefined);
  assert.ok(!JSON.stringify(data).includes("某某小贷"));
  await page.reload();
  await calls.locator('[data-testid="calls-summary"]').waitFor();
  await page.locator('#panel-overdue [data-testid="od-basis"]').waitFor();
  assert.equal(await calls.locator('[data-testid="calls-lender"]').inputValue(), "creditCard");
  assert.equal(await calls.locator('[data-testid="calls-lender-name"]').inputValue(), "某某小贷");
  assert.equal(await rights.locator('[data-testid="rights-lender"]').inputValue(), "private");
  await page.locator('[data-testid="forget"]').click();
  await page.waitForFunction(() => localStorage.getItem("repay.inputs.v1") === null);
  // A share link's recipient: the case's lender type in calls (nothing picked there), the sender's rights pick.
  await page.goto(link.replace(/#.*/, "") + "#s=1." + Buffer.from(JSON.stringify({ ...data, overdue: { ...data.overdue, lender: "microLoan" } })).toString("base64url"));
  await page.reload();
  await calls.locator('[data-testid="calls-summary"]').waitFor();
  await page.locator('#panel-overdue [data-testid="od-basis"]').waitFor();
  await shows(CALLS, "microLoan");
  assert.equal(await rights.locator('[data-testid="rights-lender"]').inputValue(), "private");
  assert.equal(await calls.locator('[data-testid="calls-lender-name"]').inputValue(), "");
});

test("complaint pack for a microloan company: channels named once, binding rules counted apart, 293-1 with its condition, the letter's name", async () => {
  // Still the share link's case: a microloan company, followed by the calls panel.
  await shows(CALLS, "microLoan");
  await addContact("2026-03-05T22:30");
  await addContact("2026-03-06T12:00", { conduct: ["threat"] });
  const doc = "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》";
  assert.equal(
    await calls.locator('[data-testid="calls-summary"]').textContent(),
    // Binding law first: the threat is unlawful for every lender (it binds a microloan company); only
    // the night call breaks a rule (the CBA hours) that binds banks and consumer-finance companies alone.
    `共记录 2 次联系，涉及 2 天；其中 1 次可能违反约束小额贷款公司（含网络小贷）的规定；另有 1 次不符合${doc}，但它不约束小额贷款公司（含网络小贷）。`,
  );
  // The letter panel's name goes into the pack (typed after the pack is open: it follows).
  await calls.locator('[data-testid="calls-pack-make"]').click();
  await page.locator("#panel-letter .field-letterName input").evaluate((el) => {
    el.value = "李明";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const text = await calls.locator('[data-testid="calls-pack-text"]').inputValue();
  assert.ok(text.includes("投诉人：李明"), text);
  assert.ok(!/12321\D{0,3}12321/.test(text) && !/110\D{0,3}110/.test(text), text);
  assert.ok(text.includes(`骚扰电话、短信：12321——`), text);
  assert.ok(text.includes(`其中 1 次可能违反约束小额贷款公司（含网络小贷）的规定；另有 1 次不符合${doc}`), text);
  // A rule that does not bind the lender is never given as the basis ("依据"), only for reference;
  // the threat's basis is a law that binds every lender, the guideline listed after it as binding its members only.
  assert.equal(text.split(`参照：${doc}`).length - 1, 1, text);
  assert.ok(!text.includes(`依据：${doc}`), text);
  assert.match(text, /依据：[^\n]*(治安管理处罚法|刑法|民法典)/);
  assert.match(text, /只约束银行业协会会员/);
  assert.doesNotMatch(text, /仅供参考/);
  // 刑法 293-1 only with its condition: collecting illegal debts.
  assert.ok(!/同时涉及：[^\n]*第二百九十三条之一/.test(text), text);
  assert.match(text, /刑法规定的催收非法债务罪（[^\n]*第二百九十三条之一[^\n]*）只适用于催收高利放贷等产生的非法债务/);
  // The microloan rules' article number is only reported (the pack's articleConfidence): every
  // citation of it says so, in the pack and in the panel.
  const art37 = /(?<!据报道为)第三十七条(?!（条号据报道，未经证实）)/;
  assert.ok(text.includes("金规〔2024〕26号） 第三十七条（条号据报道，未经证实）"), text);
  assert.doesNotMatch(text, art37);
  const panelText = await calls.textContent();
  assert.ok(panelText.includes("第三十七条（条号据报道，未经证实）"), "the panel marks the reported article");
  assert.doesNotMatch(panelText, art37);
  const rightsText = await rights.textContent();
  assert.ok(rightsText.includes("第三十七条（条号据报道，未经证实）"), "the rights panel's sources mark it");
  assert.doesNotMatch(rightsText, art37);
  // A bank: the same flags bind it; the summary and pack say so plainly.
  await calls.locator(CALLS).selectOption("bank");
  assert.equal(await calls.locator('[data-testid="calls-summary"]').textContent(), "共记录 2 次联系，涉及 2 天；其中 2 次可能违反催收规则。");
  const bank = await calls.locator('[data-testid="calls-pack-text"]').inputValue();
  assert.ok(bank.includes(`依据：${doc}`) && !bank.includes("参照："), bank);
  assert.ok(bank.includes("国家金融监督管理总局 12378——") && !/12378\D{0,3}12378/.test(bank), bank);
  // Never in a share link.
  const { data } = await shareData();
  assert.ok(!JSON.stringify(data).includes("李明"));
});

test("the letter asks a microloan company to keep collection hours, and cites the rules to a bank", async () => {
  const plans = page.locator("#panel-plans");
  await plans.locator(".field-planBudget input").fill("1500");
  await plans.locator("button.choose").first().click();
  const letter = page.locator('#panel-letter [data-testid="letter"]');
  await letter.locator("p").first().waitFor();
  const para = () => letter.locator("p").filter({ hasText: "22:00" }).textContent();
  assert.equal(await para(), zh["letter.tpl.collectionAsk"]);
  await caseLender("bank");
  await shows("#panel-plans .field-planLender select", "bank");
  await plans.locator("button.choose").first().click();
  await page.waitForFunction((s) => [...document.querySelectorAll('#panel-letter [data-testid="letter"] p')].some((p) => p.textContent === s), zh["letter.tpl.collection"]).catch(() => {});
  assert.equal(await para(), zh["letter.tpl.collection"]);
});

test("zh-TW: one spelling of 停息掛帳, and the pack's articles in Traditional characters", async () => {
  await setLang(page, "zh-TW");
  await rights.locator(RIGHTS).selectOption("");
  const shown = await page.locator("#main").innerText();
  assert.ok(shown.includes("停息掛帳") && !shown.includes("掛賬"), "停息掛帳 / 掛賬");
  const pack = await calls.locator('[data-testid="calls-pack-text"]').inputValue();
  assert.ok(pack.includes("中华人民共和国民法典 第一千零三十三條"), pack);
  assert.ok(!/第[一二三四五六七八九十百千零]+条/.test(pack), pack);
  await setLang(page, "zh-CN");
});

test("no request left the page's origin and nothing went wrong", () => {
  assert.deepEqual(session.problems, []);
});
