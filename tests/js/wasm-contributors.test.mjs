// The wasm reader of scripts/wasm-contributors.mjs, on modules assembled here byte by byte, so
// every expected size and name below follows from the bytes this file writes (nothing comes from
// the real build). Run with `node --test tests/js/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readWasm, demangle, groupOf, contributors, formatContributors, DESCRIBE } from "../../scripts/wasm-contributors.mjs";

const SCRIPT = fileURLToPath(new URL("../../scripts/wasm-contributors.mjs", import.meta.url));

// ---- a tiny wasm assembler -----------------------------------------------------------------------

function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
const str = (s) => {
  const b = [...Buffer.from(s, "utf8")];
  return [...leb(b.length), ...b];
};
const vec = (items) => [...leb(items.length), ...items.flat()];
const section = (id, content) => [id, ...leb(content.length), ...content];
const custom = (name, content) => section(0, [...str(name), ...content]);
/** A function body: no locals, `nops` nop instructions, end. */
const body = (nops) => [0x00, ...new Array(nops).fill(0x01), 0x0b];
const entry = (b) => [...leb(b.length), ...b];

const LEGACY = "_ZN5repay3api5terms10loan_terms17h0123456789abcdefE";
const V0_TRAIT = "_RNvXsZ_NtCs5cOc02OMXlo_5alloc6stringNtB5_6StringNtNtCsgXGp5Oqx2Ny_4core3fmt5Write9write_str";

/**
 * A module with one imported function (index 0), an imported memory and global, three defined
 * functions (indices 1, 2, 3: 2, 12 and 300 body bytes — the last one's size prefix takes two
 * bytes), a data segment of 5 bytes, a name section naming functions 1 and 2 (3 has no name; a
 * local-names subsection is there to be skipped) and a "producers" section.
 */
function module() {
  const bodies = [body(0), body(10), body(298)];
  const imports = vec([
    [...str("env"), ...str("f"), 0x00, ...leb(0)],
    [...str("env"), ...str("m"), 0x02, 0x01, ...leb(1), ...leb(200)],
    [...str("env"), ...str("g"), 0x03, 0x7f, 0x00],
  ]);
  const sub = (id, content) => [id, ...leb(content.length), ...content];
  const names = [
    ...sub(0, str("tiny")), // module name
    ...sub(1, vec([[...leb(1), ...str(LEGACY)], [...leb(2), ...str(V0_TRAIT)]])), // function names
    ...sub(2, vec([[...leb(1), ...vec([[...leb(0), ...str("x")]])]])), // local names
  ];
  const parts = {
    type: section(1, vec([[0x60, 0x00, 0x00]])),
    import: section(2, imports),
    function: section(3, vec([[0], [0], [0]])),
    code: section(10, vec(bodies.map(entry))),
    data: section(11, vec([[0x00, 0x41, 0x00, 0x0b, ...str("hello")]])),
    name: custom("name", names),
    producers: custom("producers", [0x00, 0x01, 0x02]),
  };
  const bytes = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...Object.values(parts).flat()]);
  return { bytes, bodies, parts };
}

test("readWasm: sections add up to the file, bodies to the code section, names to their indices", () => {
  const { bytes, bodies, parts } = module();
  const w = readWasm(bytes);
  assert.equal(w.size, bytes.length);
  assert.deepEqual(
    w.sections.map((s) => [s.kind, s.size]),
    Object.entries(parts).map(([k, v]) => [k === "name" || k === "producers" ? "custom" : k, v.length]),
  );
  assert.equal(8 + w.sections.reduce((a, s) => a + s.size, 0), bytes.length);
  assert.equal(w.importedFunctions, 1);
  assert.deepEqual(
    w.functions,
    [
      { index: 1, name: LEGACY, size: 1 + 2 },
      { index: 2, name: V0_TRAIT, size: 1 + 12 },
      { index: 3, name: null, size: 2 + 300 },
    ],
  );
  assert.deepEqual(w.functions.map((f) => f.size), bodies.map((b) => entry(b).length));
  assert.equal(w.codeSize, parts.code.length);
  assert.equal(w.dataSize, parts.data.length);
  assert.equal(w.dataSegments, 1);
  assert.deepEqual(w.customs, [
    { name: "name", size: parts.name.length },
    { name: "producers", size: parts.producers.length },
  ]);
});

test("readWasm rejects what is not a whole wasm module", () => {
  const { bytes } = module();
  assert.throws(() => readWasm(bytes.subarray(0, bytes.length - 1)), /past the end|unexpected end/);
  const bad = Uint8Array.from(bytes);
  bad[1] = 0x62;
  assert.throws(() => readWasm(bad), /bad magic/);
  // A code section whose declared size is longer than its bodies.
  const code = section(10, [...vec([entry(body(0))]), 0x00]);
  assert.throws(() => readWasm(Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0, 0, 0, ...code])), /bodies end/);
});

test("demangle: legacy and v0 symbols, hashes and crate disambiguators dropped", () => {
  assert.equal(demangle(LEGACY), "repay::api::terms::loan_terms");
  assert.equal(demangle("_ZN4core3ptr46drop_in_place$LT$alloc..vec..Vec$LT$u8$GT$$GT$17h0123456789abcdefE"), "core::ptr::drop_in_place<alloc::vec::Vec<u8>>");
  assert.equal(demangle(V0_TRAIT), "<alloc::string::String as core::fmt::Write>::write_str");
  // N v (value) ⟵ N t (type) ⟵ C (crate "core", disambiguator s1234_): core::fmt::write
  assert.equal(demangle("_RNvNtCs1234_4core3fmt5write"), "core::fmt::write");
  // Generic arguments (I … E) with a back-reference (B…_) and an instantiating crate at the end.
  assert.equal(demangle("_RINvNtCs1_4core3ptr13drop_in_placeNtNtCs2_5alloc6string6StringEB4_"), "core::ptr::drop_in_place::<alloc::string::String>");
  // A closure (namespace C) with an identifier starting with "_" (the "_" separator).
  assert.equal(demangle("_RNCNvNtCs1_3std5alloc10___rust_oom0B5_"), "std::alloc::__rust_oom::{closure#0}");
  // Inherent impl on a reference to a slice of u8; a tuple; a primitive.
  assert.equal(demangle("_RNvMNtCs1_4core5sliceRSh3len"), "<&[u8]>::len");
  assert.equal(demangle("_RNvXCs1_4coreThjENtB2_5Clone5clone"), "<(u8, usize) as core::Clone>::clone");
  // Already demangled (as twiggy prints): only the hash and the disambiguators go.
  assert.equal(demangle("core[c5930c85a12de822]::fmt::write"), "core::fmt::write");
  assert.equal(demangle("repay::solve::Stream::value::h9ff09660c9bb4042"), "repay::solve::Stream::value");
  // Not Rust, or not decodable: unchanged.
  assert.equal(demangle("memcpy"), "memcpy");
  assert.equal(demangle("_RZZZ"), "_RZZZ");
});

test("groupOf: crate and module of a function's bytes", () => {
  const g = (n, depth) => Object.values(groupOf(n, depth));
  assert.deepEqual(g(LEGACY), ["repay", "repay::api"]);
  assert.deepEqual(g("serde_json::to_string"), ["serde_json", "serde_json"]);
  assert.deepEqual(g("repay::solve::Stream::solve_near::{{closure}}"), ["repay", "repay::solve"]);
  // <A as B>: A's module, or B's when A is not a path or both are of one crate.
  assert.deepEqual(g("<repay::money::Rate as serde_core::ser::Serialize>::serialize"), ["repay", "repay::money"]);
  assert.deepEqual(g("<rust_decimal::decimal::Decimal as rust_decimal::maths::MathematicalOps>::checked_ln"), ["rust_decimal", "rust_decimal::maths"]);
  assert.deepEqual(g("<&str as core::fmt::Display>::fmt"), ["core", "core::fmt"]);
  assert.deepEqual(g(V0_TRAIT), ["alloc", "alloc::string"]);
  assert.deepEqual(g("<dlmalloc::dlmalloc::Dlmalloc<dlmalloc::sys::System>>::malloc"), ["dlmalloc", "dlmalloc::dlmalloc"]);
  assert.deepEqual(g("rust_decimal::arithmetic_impls::<impl core::ops::arith::Add for rust_decimal::decimal::Decimal>::add"), ["rust_decimal", "rust_decimal::arithmetic_impls"]);
  assert.deepEqual(g("<char>::escape_debug_ext"), ["core", "core::char"]);
  assert.deepEqual(g("<[u8]>::starts_with"), ["core", "core::slice"]);
  assert.deepEqual(g("repay::api::call_json", 3), ["repay", "repay::api"]);
  assert.deepEqual(g("repay::api::terms::loan_terms", 3), ["repay", "repay::api::terms"]);
  // Runtime symbols and wasm-bindgen's generated functions.
  assert.deepEqual(g("__wbindgen_describe___wbg_call_0123456789abcdef"), ["wasm_bindgen", DESCRIBE]);
  assert.deepEqual(g("<js_sys::Array as wasm_bindgen::describe::WasmDescribe>::describe"), ["wasm_bindgen", DESCRIBE]);
  assert.deepEqual(g("loanTerms_72ce70d763ce0092"), ["wasm_bindgen", "wasm_bindgen (export shims)"]);
  assert.deepEqual(g("__wbindgen_malloc"), ["wasm_bindgen", "wasm_bindgen (runtime symbols)"]);
  assert.deepEqual(g("memcpy"), ["compiler_builtins", "compiler_builtins"]);
  assert.deepEqual(g("__multi3"), ["compiler_builtins", "compiler_builtins"]);
  assert.deepEqual(g(null), ["(unnamed)", "(unnamed)"]);
});

test("contributors: per-crate and per-module totals are the function bodies, largest first", () => {
  const { bytes, parts } = module();
  const c = contributors(bytes);
  assert.equal(c.functionCount, 3);
  assert.equal(c.unnamed, 1);
  assert.deepEqual(c.functions.map((f) => [f.demangled, f.size, f.crate, f.module]), [
    ["(function 3)", 302, "(unnamed)", "(unnamed)"],
    ["<alloc::string::String as core::fmt::Write>::write_str", 13, "alloc", "alloc::string"],
    ["repay::api::terms::loan_terms", 3, "repay", "repay::api"],
  ]);
  assert.deepEqual(c.crates.map((x) => [x.name, x.size, x.count]), [["(unnamed)", 302, 1], ["alloc", 13, 1], ["repay", 3, 1]]);
  const total = (xs) => xs.reduce((a, x) => a + x.size, 0);
  assert.equal(total(c.modules), total(c.functions));
  assert.equal(total(c.crates), c.codeSize - 4); // the section's id byte, 2-byte size and count
  assert.equal(c.codeSize, parts.code.length);
  assert.deepEqual(c.customs.map((x) => x.name), ["name", "producers"]);
  const text = formatContributors(c).join("\n");
  assert.match(text, /code \d+ B, of which 0 B in 0 wasm-bindgen describe functions/);
  assert.match(text, /\n +3 B +[\d.]+ % +repay::api::terms::loan_terms$/);
  assert.match(text, /data \d+ B in 1 segment/);
});

test("the CLI prints the report, or JSON with --json", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wasm-contributors-"));
  try {
    const file = path.join(dir, "tiny.wasm");
    writeFileSync(file, module().bytes);
    const text = spawnSync(process.execPath, [SCRIPT, file], { encoding: "utf8" });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /tiny\.wasm: \d+ B raw, 3 function bodies \(1 without a name\)/);
    assert.match(text.stdout, /top 3 functions:/);
    const json = spawnSync(process.execPath, [SCRIPT, file, "--json"], { encoding: "utf8" });
    assert.equal(json.status, 0, json.stderr);
    const c = JSON.parse(json.stdout);
    assert.equal(c.size, module().bytes.length);
    assert.deepEqual(c.modules.map((m) => m.name), ["(unnamed)", "alloc::string", "repay::api"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
