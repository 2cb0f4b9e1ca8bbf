// What a person types becomes the decimal string the engine takes, exactly
// (www/format.js cleanNumeral): signs, full-width digits, separators, and
// amounts written with 万 / 千 as Chinese users write them. The expected
// strings are written out by hand.
// Run: node --test tests/js/format.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanNumeral, shiftPoint, hasMultiplier, grouped } from "../../www/format.js";

test("cleanNumeral drops the currency sign, 元, spaces and thousands separators", () => {
  assert.equal(cleanNumeral("¥10,000"), "10000");
  assert.equal(cleanNumeral("￥ 10，000.50"), "10000.50");
  assert.equal(cleanNumeral("10 000元"), "10000");
  assert.equal(cleanNumeral("4.9%"), "4.9");
  assert.equal(cleanNumeral("4.9％"), "4.9");
});

test("cleanNumeral reads full-width digits, points and minus signs", () => {
  assert.equal(cleanNumeral("１２３４５"), "12345");
  assert.equal(cleanNumeral("１２．５"), "12.5");
  assert.equal(cleanNumeral("１２。５"), "12.5");
  assert.equal(cleanNumeral("－５"), "-5");
});

test("cleanNumeral leaves what is not a number for the engine to name", () => {
  assert.equal(cleanNumeral("abc"), "abc");
  assert.equal(cleanNumeral("万"), "万");
  assert.equal(cleanNumeral("1万2"), "1万2");
  assert.equal(cleanNumeral("1.2.3万"), "1.2.3万");
});

test("万 and 千 shift the point: 1.5万 = 15000, 2万元 = 20000, 3千 = 3000", () => {
  assert.equal(cleanNumeral("1.5万"), "15000");
  assert.equal(cleanNumeral("2万元"), "20000");
  assert.equal(cleanNumeral("3千"), "3000");
  assert.equal(cleanNumeral("¥1.5万"), "15000");
  assert.equal(cleanNumeral("１.５萬"), "15000");
  assert.equal(cleanNumeral("0.5万"), "5000");
  assert.equal(cleanNumeral(".5万"), "5000");
  assert.equal(cleanNumeral("1.23456万"), "12345.6");
  assert.equal(cleanNumeral("1.234567万"), "12345.67");
  assert.equal(cleanNumeral("12万"), "120000");
  assert.equal(cleanNumeral("-1.5千"), "-1500");
  assert.equal(cleanNumeral("0万"), "0");
});

test("the shift is exact on numerals no float holds", () => {
  // 2^53 + 1 = 9007199254740993; as a float it would read …992.
  assert.equal(cleanNumeral("900719925474.0993万"), "9007199254740993");
  assert.equal(cleanNumeral("0.00000000001千"), "0.00000001");
  assert.equal(shiftPoint("", "0", "0015", 3), "1.5");
  assert.equal(shiftPoint("-", "0", "0", 4), "0");
});

test("hasMultiplier says when a preview of the number read is worth showing", () => {
  assert.ok(hasMultiplier("1.5万"));
  assert.ok(hasMultiplier("3千"));
  assert.ok(!hasMultiplier("15000"));
});

test("grouped shows the number read with the language's grouping, its fraction as typed", () => {
  // The page's scope starts in zh-CN: comma groups.
  assert.equal(grouped("15000"), "15,000");
  assert.equal(grouped("12345.6"), "12,345.6");
  assert.equal(grouped("-1500"), "-1,500");
});
