// collectionLog through the built module: scenarios whose flags were counted
// by hand (the quiet-hour edges, a day with eight unanswered calls, consent,
// third parties, the scope for a microloan) and the errors with their fields.
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

test("third parties and conduct codes, each flag with its source and severity", () => {
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
  for (const f of out.flags) {
    assert.ok(f.source.document.length > 0 && f.source.date === "2026-01-30");
    assert.ok(["low", "medium", "high"].includes(f.severity));
    assert.equal(f.confidence, "secondary");
  }
  assert.equal(flag(out, "thirdPartyDisclosure").severity, "high");
});

test("a microloan: the same flags are listed, with applies false (the CBA guideline does not bind it)", () => {
  const contacts = [missed("2026-05-01T23:00"), { at: "2026-05-01T10:00", channel: "call", to: "unrelatedThirdParty", conduct: ["threat"] }];
  const micro = collectionLog({ lender: "microLoan", contacts });
  const bank = collectionLog({ lender: "bank", contacts });
  assert.deepEqual(micro.flags.map((f) => f.rule), ["lateHours", "thirdParty", "threat"]);
  assert.deepEqual(micro.flags.map((f) => f.entries), bank.flags.map((f) => f.entries));
  assert.ok(micro.flags.every((f) => f.applies === false && !f.scope.includes("microLoan")));
  assert.ok(bank.flags.every((f) => f.applies === true));
  // A law that binds everyone is named beside the guideline.
  assert.ok(flag(micro, "threat").related.includes("illegalDebtCollectionCrime"));
  // And the pack has a complaint route for microloans.
  const routes = legalRules().complaintRoutes.filter((r) => r.scope.includes("microLoan")).map((r) => r.id);
  assert.ok(routes.includes("localFinancialRegulator") && routes.includes("nifaComplaint") && !routes.includes("nfra12378"));
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
