// collectionLog through the built module: scenarios whose flags were counted
// by hand (the quiet-hour edges, a day with eight unanswered calls, consent,
// third parties, binding law first for every lender) and the errors with their fields.
// Run with `node --test tests/js/` after `make build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as repay from "../../www/pkg/repay.js";

const { initSync, collectionLog, legalRules } = repay;
initSync({ module: readFileSync(new URL("../../www/pkg/repay_bg.wasm", import.meta.url)) });

const call = (at, extra = {}) => ({ at, channel: "call", to: "me", ...extra });
const missed = (at) => call(at, { answered: false });
const flag = (out, rule) => out.flags.find((f) => f.rule === rule);

function assertApiError(fn, code, field) {
  let e = null;
  try {
    fn();
  } catch (err) {
    e = err;
  }
  assert.ok(e instanceof Error, "expected an Error");
  assert.equal(e.code, code, e.message);
  assert.equal(e.field, field, e.message);
}

test("quiet hours: 22:00 inclusive to 08:00 exclusive; consent lifts the flag", () => {
  // Entries 0–5: 21:59 no, 22:00 yes, 23:59 yes, 00:00 yes, 07:59 yes, 08:00 no.
  const contacts = ["2026-03-01T21:59", "2026-03-01T22:00", "2026-03-01T23:59", "2026-03-02T00:00", "2026-03-02T07:59", "2026-03-02T08:00"].map((at) => call(at));
  const out = collectionLog({ lender: "bank", contacts });
  assert.deepEqual(flag(out, "lateHours").entries, [1, 2, 3, 4]);
  assert.deepEqual(flag(out, "lateHours").dates, ["2026-03-01", "2026-03-02"]);
  assert.equal(flag(out, "lateHours").applies, true);
  assert.deepEqual(out.byDay.map((d) => [d.date, d.contacts, d.lateContacts, d.flagged]), [
    ["2026-03-01", 3, 2, 2],
    ["2026-03-02", 3, 2, 2],
  ]);
  const agreed = collectionLog({ lender: "bank", consentToLateContact: true, contacts });
  assert.deepEqual(agreed.flags, []);
});

test("a day with 8 unanswered calls: the 7th and 8th by time are flagged; answered calls do not count", () => {
  const times = ["16:00", "09:00", "15:00", "10:00", "14:00", "11:00", "13:00", "12:00"];
  const contacts = [...times.map((t) => missed(`2026-03-05T${t}`)), call("2026-03-05T12:30"), call("2026-03-05T17:00")];
  const out = collectionLog({ lender: "creditCard", contacts });
  // By time the 7th is 15:00 (entry 2) and the 8th 16:00 (entry 0).
  assert.deepEqual(flag(out, "unansweredCalls").entries, [0, 2]);
  assert.equal(flag(out, "unansweredCalls").count, 2);
  assert.deepEqual(out.byDay, [{ date: "2026-03-05", contacts: 10, unansweredCalls: 8, lateContacts: 0, flagged: 2 }]);
  // Six is within the limit.
  assert.equal(flag(collectionLog({ lender: "creditCard", contacts: contacts.slice(2, 8) }), "unansweredCalls"), undefined);
});

test("third parties and conduct codes, each flag with its binding source and severity", () => {
  const out = collectionLog({
    lender: "consumerFinance",
    contacts: [
      { at: "2026-04-01T10:00", channel: "call", to: "unrelatedThirdParty" },
      { at: "2026-04-01T11:00", channel: "sms", to: "unrelatedThirdParty", debtDisclosed: true },
      { at: "2026-04-01T12:00", channel: "call", to: "relatedThirdParty" },
      { at: "2026-04-02T12:00", channel: "call", to: "me", conduct: ["impersonation", "falseConsequence"], note: "说是法院的" },
    ],
  });
  assert.deepEqual(
    out.flags.map((f) => [f.rule, f.entries]),
    [
      ["thirdParty", [0]],
      ["thirdPartyDisclosure", [1]],
      ["impersonation", [3]],
      ["falseConsequence", [3]],
    ],
  );
  // Binding law first: disclosure and impersonation cite the statutes; the
  // guideline's own rules (third parties, false consequences) cite the guideline.
  assert.deepEqual(
    out.flags.map((f) => [f.rule, f.source.document, f.source.article, f.sourceKind, f.confidence]),
    [
      ["thirdParty", "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》", null, "selfRegulation", "secondary"],
      ["thirdPartyDisclosure", "中华人民共和国民法典", "第一千零三十二条、第一千零三十三条", "law", "primary"],
      ["impersonation", "中华人民共和国刑法", "第二百七十九条", "law", "primary"],
      ["falseConsequence", "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》", null, "selfRegulation", "secondary"],
    ],
  );
  for (const f of out.flags) {
    assert.equal(f.applies, true);
    assert.ok(["low", "medium", "high"].includes(f.severity));
    for (const a of f.also) assert.ok(a.document.length > 0 && a.binds.length > 0 && a.date.length > 0);
  }
  assert.equal(flag(out, "thirdPartyDisclosure").severity, "high");
});

test("the week of calls: threats, insults, impersonation and disclosure apply to every lender; the CBA hours stay scoped", () => {
  // 22:40 insults, 9 unanswered calls in a day, the mother told of the debt, an SMS threatening a visit.
  const contacts = [
    call("2026-11-30T22:40", { conduct: ["insult"] }),
    ...Array.from({ length: 9 }, (_, k) => missed(`2026-12-01T${String(9 + k).padStart(2, "0")}:00`)),
    { at: "2026-12-02T15:00", channel: "call", to: "unrelatedThirdParty", debtDisclosed: true },
    { at: "2026-12-03T11:00", channel: "sms", to: "me", conduct: ["threat"] },
    { at: "2026-12-04T11:00", channel: "call", to: "me", conduct: ["impersonation"] },
  ];
  const cba = "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》";
  for (const lender of ["microLoan", "private", "unknown", "unlicensed"]) {
    const out = collectionLog({ lender, contacts });
    for (const rule of ["threat", "insult", "impersonation", "thirdPartyDisclosure"]) {
      const f = flag(out, rule);
      assert.equal(f.applies, true, `${lender} ${rule}`);
      assert.equal(f.sourceKind, "law", `${lender} ${rule}`);
      assert.notEqual(f.source.document, cba);
      assert.ok(f.also.some((a) => a.document === cba && a.binds.join() === "bank,creditCard,consumerFinance"));
    }
    for (const rule of ["lateHours", "unansweredCalls"]) {
      const f = flag(out, rule);
      assert.equal(f.applies, false, `${lender} ${rule}`);
      assert.equal(f.source.document, cba);
      assert.deepEqual(f.scope, ["bank", "creditCard", "consumerFinance"]);
    }
    // The 7th, 8th and 9th unanswered calls (entries 7, 8, 9).
    assert.deepEqual(flag(out, "unansweredCalls").entries, [7, 8, 9]);
  }
  // For a microloan its own rule is listed, the article only as reported.
  const micro = collectionLog({ lender: "microLoan", contacts });
  const own = flag(micro, "threat").also.find((a) => a.binds.join() === "microLoan");
  assert.equal(own.articleConfidence, "reported");
  // And the pack has complaint routes for microloans and for unlicensed lenders.
  const routes = (lender) => legalRules().complaintRoutes.filter((r) => r.scope.includes(lender)).map((r) => r.id);
  assert.ok(routes("microLoan").includes("localFinancialRegulator") && routes("microLoan").includes("nifaComplaint") && !routes("microLoan").includes("nfra12378"));
  assert.deepEqual(routes("unlicensed"), ["localFinancialRegulator", "harassment12321", "police110"]);
});

test("bad input: errors name their field", () => {
  const one = (c) => ({ lender: "bank", contacts: [call("2026-01-01T10:00"), c] });
  assertApiError(() => collectionLog(one(call("2026-02-30T10:00"))), "invalidDate", "contacts[1].at");
  assertApiError(() => collectionLog(one(call("2026-03-01T24:00"))), "invalidDate", "contacts[1].at");
  assertApiError(() => collectionLog(one(call("2026-03-01"))), "invalidDate", "contacts[1].at");
  assertApiError(() => collectionLog(one({ at: "2026-03-01T10:00", channel: "fax", to: "me" })), "unknownValue", "contacts[1].channel");
  assertApiError(() => collectionLog(one({ at: "2026-03-01T10:00", channel: "call", to: "boss" })), "unknownValue", "contacts[1].to");
  assertApiError(() => collectionLog(one(call("2026-03-01T10:00", { conduct: ["threat", "rude"] }))), "unknownValue", "contacts[1].conduct[1]");
  assertApiError(() => collectionLog(one(call("2026-03-01T10:00", { note: "x".repeat(501) }))), "outOfRange", "contacts[1].note");
  assertApiError(() => collectionLog(one(call("2026-03-01T10:00", { from: "1".repeat(65) }))), "outOfRange", "contacts[1].from");
  assertApiError(() => collectionLog({ lender: "bank", contacts: Array.from({ length: 5001 }, () => call("2026-01-01T10:00")) }), "tooManyItems", "contacts");
  assertApiError(() => collectionLog({ lender: "loanShark" }), "unknownValue", "lender");
  assertApiError(() => collectionLog("not an object"), "wrongType", null);
});

test("5,000 contacts are accepted", () => {
  const contacts = Array.from({ length: 5000 }, (_, k) => missed(`2026-01-${String(1 + (k % 28)).padStart(2, "0")}T${String(k % 24).padStart(2, "0")}:00`));
  const out = collectionLog({ lender: "bank", contacts });
  assert.equal(out.contacts, 5000);
  assert.equal(out.days, 28);
  assert.equal(out.byDay.reduce((s, d) => s + d.contacts, 0), 5000);
});
