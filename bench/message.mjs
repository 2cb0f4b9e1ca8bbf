// readMessage on a 5,000-character text (the longest it reads, counted in UTF-16 units as JS
// counts a string's length): a dense collector's message repeated, with emoji, amounts, phones,
// links, deadlines and conduct phrases in every sentence. Prints the median and p90 per call.
// Run after `make build`: node bench/message.mjs. Exports measureMessage() for bench.mjs.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { initSync, readMessage } from "../www/pkg/repay.js";
import { measureTogether, us } from "./lib.mjs";

/** A text of at most 5,000 UTF-16 units made of `unit` repeated. */
export function denseText(max = 5000) {
  const unit = "😡【催收通知】您已逾期30天，欠款¥12,345.6元，其中本金1.2万元、罚息345.60元，请于今日18:00前还款，否则通知你的家人和单位，已立案，爆通讯录！客服400-820-1234，点击 https://pay.example.cn/r/x 还款，或扫码转入个人账户。";
  let text = "";
  while (text.length + unit.length <= max) text += unit;
  return text;
}

/** Times readMessage on the dense text; returns { timing, text, out }. */
export function measureMessage(rounds = 40) {
  const text = denseText();
  const input = { text, receivedAt: "2026-12-07T10:00" };
  const out = readMessage(input);
  const [timing] = measureTogether([{ fn: () => readMessage(input), warmup: 5, perBatch: 5 }], rounds);
  return { timing, text, out };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  initSync({ module: readFileSync(new URL("../www/pkg/repay_bg.wasm", import.meta.url)) });
  const { timing, text, out } = measureMessage();
  const found = out.amounts.length + out.phones.length + out.links.length + out.deadlines.length + out.conduct.length + out.warnings.length;
  console.log(`readMessage, ${text.length} UTF-16 units: ${us(timing)}; ${found} findings`);
}
