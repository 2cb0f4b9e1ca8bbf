// ctx.share (www/state.js createShare): its keys are declared once
// (SHARE_KEYS) and every key a module of the page uses is one of them; a
// panel that mounts late is handed the values in the order they were
// published, so the newest wins as it does for a panel mounted early.
// Run: node --test tests/js/share.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { SHARE_KEYS, createShare } from "../../www/state.js";

const WWW = new URL("../../www/", import.meta.url);
const modules = [...readdirSync(WWW).filter((f) => f.endsWith(".js")), ...readdirSync(new URL("panels/", WWW)).filter((f) => f.endsWith(".js")).map((f) => `panels/${f}`)];

test("every share key the page's modules use is declared in SHARE_KEYS", () => {
  const used = new Set();
  for (const f of modules) {
    const src = readFileSync(new URL(f, WWW), "utf8");
    for (const m of src.matchAll(/share\??\.(?:set|get|on)\(\s*"([^"]+)"/g)) used.add(m[1]);
    for (const m of src.matchAll(/share\??\.follow\(\{([^}]*)\}/g)) for (const k of m[1].matchAll(/(\w+)\s*:/g)) used.add(k[1]);
    for (const m of src.matchAll(/for \(const \w+ of (\[[^\]]*\])\) ctx\.share\??\.on\(/g)) for (const k of JSON.parse(m[1])) used.add(k);
  }
  assert.ok(used.size >= 4, [...used].join());
  for (const k of used) assert.ok(Object.hasOwn(SHARE_KEYS, k), `${k} is not declared`);
});

test("an undeclared key is refused at once", () => {
  const s = createShare();
  assert.throws(() => s.set("loans", {}), /undeclared share key loans/);
  assert.throws(() => s.get("case"), /undeclared/);
  assert.throws(() => s.on("plans", () => {}), /undeclared/);
});

test("follow replays what was shared oldest first, then follows", () => {
  const s = createShare();
  s.set("overdue", "overdue@1");
  s.set("loan", "loan@2");
  const seen = [];
  const off = s.follow({ loan: (v) => seen.push(v), overdue: (v) => seen.push(v) });
  assert.deepEqual(seen, ["overdue@1", "loan@2"]);
  s.set("overdue", "overdue@3");
  assert.deepEqual(seen, ["overdue@1", "loan@2", "overdue@3"]);
  off();
  s.set("loan", "loan@4");
  assert.equal(seen.length, 3);
});
