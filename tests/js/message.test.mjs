// readMessage through the built module, with offsets as JavaScript sees them:
// text.slice(start, end) must give the matched words, also after emoji (two
// UTF-16 units each) and in the split page module (repay_cases.js). The texts'
// findings were read by hand. Run with `node --test tests/js/` after `make build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as repay from "../../www/pkg/repay.js";
import * as cases from "../../www/pkg/repay_cases.js";

const { initSync, readMessage } = repay;
initSync({ module: readFileSync(new URL("../../www/pkg/repay_bg.wasm", import.meta.url)) });
cases.initSync({ module: readFileSync(new URL("../../www/pkg/repay_cases_bg.wasm", import.meta.url)) });

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

const SMS = "😡😡⚠️【催收】张三，你已逾期45天，欠款¥8,900.50元，今日18:00前不还就通知你的家人和单位，已立案！加微信扫码还款，或拨打 138 1234 5678，详见 t.cn/A6xYz9";

test("offsets are JS string indices: slice gives each finding after emoji", () => {
  const out = readMessage({ text: SMS, receivedAt: "2026-12-07T10:00" });
  const sl = (f) => SMS.slice(f.start, f.end);
  assert.deepEqual(out.amounts.map((a) => [a.value, a.label, sl(a)]), [["8900.50", "owed", "¥8,900.50元"]]);
  assert.equal(out.daysOverdue, 45);
  assert.deepEqual(out.deadlines.map((d) => [d.date, d.time, sl(d)]), [["2026-12-07", "18:00", "今日18:00前"]]);
  assert.deepEqual(out.phones.map((p) => [p.number, sl(p)]), [["13812345678", "138 1234 5678"]]);
  assert.deepEqual(out.links.map((l) => [l.url, sl(l)]), [["t.cn/A6xYz9", "t.cn/A6xYz9"]]);
  assert.deepEqual(out.conduct.map((c) => [c.code, sl(c)]), [
    ["threat", "家人"],
    ["threat", "单位"],
    ["falseConsequence", "已立案"],
  ]);
  assert.deepEqual(out.warnings.map((w) => [w.code, sl(w)]), [
    ["personalAccount", "加微信"],
    ["personalAccount", "扫码"],
  ]);
  // Six emoji units before the text: the first finding is not where a code-point count puts it.
  assert.notEqual([...SMS].slice(out.amounts[0].start, out.amounts[0].end).join(""), "¥8,900.50元");
});

test("the page's cases module reads the same", () => {
  const input = { text: SMS, receivedAt: "2026-12-07T10:00" };
  assert.deepEqual(cases.readMessage(input), readMessage(input));
});

test("nothing found is empty lists and null", () => {
  for (const text of ["", "   ", "你好，明天见"]) {
    assert.deepEqual(readMessage({ text }), { amounts: [], daysOverdue: null, deadlines: [], phones: [], links: [], conduct: [], warnings: [] });
  }
});

test("length is counted as JS counts it", () => {
  assert.doesNotThrow(() => readMessage({ text: "😡".repeat(2500) }));
  assertApiError(() => readMessage({ text: "😡".repeat(2500) + "a" }), "tooLarge", "text");
  assertApiError(() => readMessage({ text: "a".repeat(5001) }), "tooLarge", "text");
});

test("errors", () => {
  assertApiError(() => readMessage({}), "missingField", "text");
  assertApiError(() => readMessage({ text: 12 }), "wrongType", "text");
  assertApiError(() => readMessage({ text: "x", receivedAt: "2026-12-07" }), "invalidDate", "receivedAt");
  assertApiError(() => readMessage({ text: "x", receivedAt: "2026-12-07T24:00" }), "invalidDate", "receivedAt");
  assertApiError(() => readMessage({ text: "x", when: "now" }), "unknownField", "when");
});

test("a lone surrogate in the text keeps offsets in step", () => {
  // JS strings may hold a lone surrogate; it crosses the boundary as U+FFFD, one unit, as before.
  const text = "\ud83d欠款¥100元";
  const out = readMessage({ text });
  assert.equal(text.slice(out.amounts[0].start, out.amounts[0].end), "¥100元");
});
