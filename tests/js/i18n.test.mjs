// Messages read as sentences in each language: English counts take the
// plural form Intl.PluralRules gives ("1 contact over 1 day"), and an error
// message that starts with a field's name starts with a capital letter.
// Run: node --test tests/js/i18n.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { plural, setLang, needMessages, t, createScope, inScope } from "../../www/i18n.js";

test("plural picks the form of the count in the language", () => {
  const msg = "{n, plural, one {# contact} other {# contacts}} over {d, plural, one {# day} other {# days}}";
  assert.equal(plural(msg, { n: 1, d: 1 }, "en"), "1 contact over 1 day");
  assert.equal(plural(msg, { n: 2, d: 0 }, "en"), "2 contacts over 0 days");
  assert.equal(plural("{n, plural, =0 {none} one {once} other {# times}}", { n: 0 }, "en"), "none");
  assert.equal(plural("{n, plural, one {once} other {# times}}", { n: 1 }, "en"), "once");
  // Chinese has one form: "other".
  assert.equal(plural("{n, plural, other {# 次}}", { n: 1 }, "zh-CN"), "1 次");
  // Not a number: "other", the count as given.
  assert.equal(plural("{n, plural, one {# x} other {# xs}}", { n: "?" }, "en"), "? xs");
  // Malformed: left as written.
  assert.equal(plural("{n, plural, one {# x}", { n: 1 }, "en"), "{n, plural, one {# x}");
});

test("the call log's English summary counts in the singular and the plural", async () => {
  // A scope of its own (as a <repay-calculator> has): no document to relabel.
  const en = createScope("en");
  await inScope(en, () => needMessages("panels"));
  await inScope(en, () => setLang("en"));
  inScope(en, () => {
    assert.equal(t("calls.summaryNone", { contacts: 1, days: 1 }), "1 contact over 1 day; none breaks a collection rule so far.");
    assert.equal(t("calls.summary", { contacts: 3, days: 2, flagged: 1 }), "3 contacts over 2 days; 1 may break a collection rule.");
    assert.equal(t("calls.flagCount", { count: 1, dates: "x" }), "once · x");
  });
  const zh = createScope("zh-CN");
  await inScope(zh, () => setLang("zh-CN"));
  inScope(zh, () => assert.ok(!t("calls.summaryNone", { contacts: 1, days: 1 }).includes("plural")));
});

test("an element's scope entered by an event ends with its task: later code runs in the page's scope", async () => {
  const { enterScope, currentScope } = await import("../../www/i18n.js");
  const page = currentScope();
  const element = createScope("en");
  enterScope(element);
  assert.equal(currentScope(), element);
  await Promise.resolve(); // the same task: promises the handlers settle still run in it
  assert.equal(currentScope(), element);
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(currentScope(), page);
});
