// What the wasm module's bytes are made of, with no tool but Node: a small reader of the wasm
// binary format (sections, the code section's function bodies, the data section and the "name"
// custom section's function names) that adds up the bytes of each function body by crate and by
// module of its (roughly demangled) Rust name.
//
//   node scripts/wasm-contributors.mjs [file.wasm] [--json]
//
// The default file is target/wasm-modules/repay_terms.wasm, the engine module the page loads
// before its first result, as rustc and wasm-ld write it (make build copies it there), before
// wasm-bindgen and wasm-opt, because only it still has the names. Its sizes are raw bytes of that
// module, not of the shipped www/pkg/repay_terms_bg.wasm (smaller: wasm-opt
// shrinks and merges code, wasm-bindgen drops its describe functions and custom sections), so they
// rank contributors; they do not add up to the shipped size.
//
// Used by tests/browser/size-budget.test.mjs and tested by tests/js/wasm-contributors.test.mjs.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_WASM = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../target/wasm-modules/repay_terms.wasm");

const SECTION_NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount", "tag"];

/** A cursor over bytes with the wasm format's primitive readers. */
class Reader {
  constructor(bytes, pos = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
  }
  byte() {
    if (this.pos >= this.end) throw new Error(`wasm: unexpected end at byte ${this.pos}`);
    return this.bytes[this.pos++];
  }
  /** Unsigned LEB128 (u32, or u64 for memory64 limits; exact up to 2^53). */
  leb() {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new Error(`wasm: LEB128 too long at byte ${this.pos}`);
  }
  take(n) {
    if (this.pos + n > this.end) throw new Error(`wasm: ${n} bytes at ${this.pos} run past ${this.end}`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  name() {
    return new TextDecoder("utf-8").decode(this.take(this.leb()));
  }
  limits() {
    const flags = this.byte();
    this.leb();
    if (flags & 1) this.leb();
  }
}

/**
 * Parses a wasm binary (Uint8Array or Buffer). Returns
 * { size, sections: [{ id, kind, name?, offset, size, contentSize }],   // size = id byte + LEB + content
 *   importedFunctions, functions: [{ index, name, size }],              // size = body with its LEB prefix
 *   codeSize, dataSize, dataSegments, customs: [{ name, size }] }.
 * Throws if the sections do not add up to the file, or the bodies to the code section.
 */
export function readWasm(bytes) {
  const r = new Reader(bytes);
  const magic = r.take(4);
  if (magic[0] !== 0 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d) throw new Error("wasm: not a wasm binary (bad magic)");
  const version = r.take(4);
  if (version[0] !== 1 || version[1] || version[2] || version[3]) throw new Error("wasm: unsupported version");
  const sections = [];
  let importedFunctions = 0;
  let bodies = [];
  let names = new Map();
  let codeSize = 0;
  let dataSize = 0;
  let dataSegments = 0;
  const customs = [];
  while (r.pos < r.end) {
    const offset = r.pos;
    const id = r.byte();
    const contentSize = r.leb();
    const start = r.pos;
    const end = start + contentSize;
    if (end > r.end) throw new Error(`wasm: section ${id} at ${offset} runs past the end of the file`);
    const s = new Reader(bytes, start, end);
    const section = { id, kind: SECTION_NAMES[id] ?? `unknown(${id})`, offset, size: end - offset, contentSize };
    if (id === 0) {
      section.name = s.name();
      customs.push({ name: section.name, size: section.size });
      if (section.name === "name") names = readFunctionNames(s);
    } else if (id === 2) {
      importedFunctions = countFunctionImports(s);
    } else if (id === 10) {
      codeSize = section.size;
      const n = s.leb();
      bodies = [];
      for (let i = 0; i < n; i++) {
        const at = s.pos;
        const len = s.leb();
        s.take(len);
        bodies.push(s.pos - at);
      }
      if (s.pos !== end) throw new Error(`wasm: code section bodies end at ${s.pos}, the section at ${end}`);
    } else if (id === 11) {
      dataSize = section.size;
      dataSegments = s.leb();
    }
    sections.push(section);
    r.pos = end;
  }
  const total = 8 + sections.reduce((a, x) => a + x.size, 0);
  if (total !== bytes.length) throw new Error(`wasm: sections add up to ${total} bytes, the file has ${bytes.length}`);
  const functions = bodies.map((size, i) => {
    const index = importedFunctions + i;
    return { index, name: names.get(index) ?? null, size };
  });
  return { size: bytes.length, sections, importedFunctions, functions, codeSize, dataSize, dataSegments, customs };
}

function countFunctionImports(s) {
  let funcs = 0;
  const n = s.leb();
  for (let i = 0; i < n; i++) {
    s.name();
    s.name();
    const kind = s.byte();
    if (kind === 0) {
      s.leb();
      funcs++;
    } else if (kind === 1) {
      s.byte();
      s.limits();
    } else if (kind === 2) {
      s.limits();
    } else if (kind === 3) {
      s.byte();
      s.byte();
    } else if (kind === 4) {
      s.byte();
      s.leb();
    } else throw new Error(`wasm: unknown import kind ${kind}`);
  }
  return funcs;
}

/** The function names subsection (id 1) of a "name" section: Map index → name. */
function readFunctionNames(s) {
  const names = new Map();
  while (s.pos < s.end) {
    const sub = s.byte();
    const len = s.leb();
    const end = s.pos + len;
    if (sub === 1) {
      const t = new Reader(s.bytes, s.pos, end);
      const n = t.leb();
      for (let i = 0; i < n; i++) {
        const idx = t.leb();
        names.set(idx, t.name());
      }
    }
    s.pos = end;
  }
  return names;
}

// ---- names -------------------------------------------------------------------------------------

const LEGACY_ESCAPES = { SP: "@", BP: "*", RF: "&", LT: "<", GT: ">", LP: "(", RP: ")", C: "," };

/**
 * A rough demangling of a Rust symbol as it appears in the name section (wasm-ld leaves them
 * mangled): the legacy scheme ("_ZN…17h<hash>E") and the v0 scheme ("_R…"), printed without the
 * legacy "::h<16 hex>" hash and without the v0 crate disambiguators ("core[c5930c85a12de822]" is
 * "core"); a name that is already demangled only loses those two. Anything else, or a symbol this
 * reader cannot decode, comes back unchanged.
 */
export function demangle(name) {
  let s = name.replace(/\.llvm\.\d+$/, "");
  if (/^_?_ZN/.test(s)) s = demangleLegacy(s) ?? s;
  else if (/^_?_R[A-Z0-9]/.test(s)) s = demangleV0(s) ?? s;
  return s.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]+\]/g, "");
}

function demangleLegacy(sym) {
  const m = /^_?_ZN(.*)E$/.exec(sym);
  if (!m) return null;
  const parts = [];
  let rest = m[1];
  while (rest.length) {
    const n = /^(\d+)/.exec(rest);
    if (!n) return null;
    const len = Number(n[1]);
    if (n[1].length + len > rest.length) return null;
    parts.push(rest.slice(n[1].length, n[1].length + len));
    rest = rest.slice(n[1].length + len);
  }
  return parts
    .map((p) =>
      p
        .replace(/^_\$/, "$")
        .replace(/\.\./g, "::")
        .replace(/\$([A-Z]{1,2}|u[0-9a-f]+)\$/g, (all, e) => (e[0] === "u" ? String.fromCodePoint(parseInt(e.slice(1), 16)) : LEGACY_ESCAPES[e] ?? all)),
    )
    .join("::");
}

const V0_BASIC = { a: "i8", b: "bool", c: "char", d: "f64", e: "str", f: "f32", h: "u8", i: "isize", j: "usize", l: "i32", m: "u32", n: "i128", o: "u128", s: "i16", t: "u16", u: "()", v: "...", x: "i64", y: "u64", z: "!", p: "_" };

/** The v0 scheme (RFC 2603), enough of it for names rustc emits; null when it cannot decode. */
function demangleV0(sym) {
  const s = sym.replace(/^_?_R\d*/, "");
  let pos = 0;
  const fail = () => {
    throw new Error("v0");
  };
  const peek = () => s[pos];
  const eat = (c) => (s[pos] === c ? (pos++, true) : false);
  const base62 = () => {
    if (eat("_")) return 0;
    let x = 0;
    for (;;) {
      const c = s[pos++];
      if (c === undefined) fail();
      if (c === "_") return x + 1;
      const d = c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c >= "a" && c <= "z" ? c.charCodeAt(0) - 87 : c >= "A" && c <= "Z" ? c.charCodeAt(0) - 29 : fail();
      x = x * 62 + d;
    }
  };
  const disambiguator = () => (eat("s") ? base62() + 1 : 0);
  const ident = () => {
    const puny = eat("u");
    const m = /^\d+/.exec(s.slice(pos)) ?? fail();
    pos += m[0].length;
    eat("_");
    const len = Number(m[0]);
    if (pos + len > s.length) fail();
    const out = s.slice(pos, pos + len);
    pos += len;
    return puny ? `${out}(punycode)` : out;
  };
  const backref = (f) => {
    const at = base62();
    if (at >= pos) fail();
    const save = pos;
    pos = at;
    const out = f();
    pos = save;
    return out;
  };
  const genericArgs = () => {
    const args = [];
    while (!eat("E")) {
      if (eat("L")) {
        base62();
        args.push("'_");
      } else if (eat("K")) args.push(constant());
      else args.push(type());
    }
    return args.filter((a) => a !== "'_").join(", ");
  };
  // value: a path in expression position prints generic arguments as ::<…>
  const path = (value) => {
    const c = s[pos++];
    switch (c) {
      case "C":
        disambiguator();
        return ident();
      case "M": {
        disambiguator();
        path(false);
        return `<${type()}>`;
      }
      case "X": {
        disambiguator();
        path(false);
        const t = type();
        return `<${t} as ${path(false)}>`;
      }
      case "Y": {
        const t = type();
        return `<${t} as ${path(false)}>`;
      }
      case "N": {
        const ns = s[pos++];
        const parent = path(value);
        const dis = disambiguator();
        const name = ident();
        if (ns === "C") return `${parent}::{closure#${dis}}`;
        if (ns >= "A" && ns <= "Z") return `${parent}::{${ns === "S" ? "shim" : ns}${name ? `:${name}` : ""}#${dis}}`;
        return `${parent}::${name}`;
      }
      case "I": {
        const p = path(value);
        const args = genericArgs();
        return args ? `${p}${value ? "::" : ""}<${args}>` : p;
      }
      case "B":
        return backref(() => path(value));
      default:
        return fail();
    }
  };
  const constant = () => {
    if (eat("p")) return "_";
    if (eat("B")) return backref(constant);
    const t = s[pos++];
    if (!V0_BASIC[t]) fail();
    const neg = eat("n");
    const m = /^[0-9a-f]*_/.exec(s.slice(pos)) ?? fail();
    pos += m[0].length;
    const hex = m[0].slice(0, -1);
    const v = hex ? BigInt(`0x${hex}`) : 0n;
    if (t === "b") return v ? "true" : "false";
    if (t === "c") return JSON.stringify(String.fromCodePoint(Number(v)));
    return `${neg ? "-" : ""}${v}`;
  };
  const lifetime = () => (eat("L") ? (base62(), true) : false);
  const fnSig = () => {
    if (eat("G")) base62();
    const unsafe = eat("U");
    let abi = "";
    if (eat("K")) abi = eat("C") ? "C" : ident().replace(/_/g, "-");
    const args = [];
    while (!eat("E")) args.push(type());
    const ret = type();
    return `${unsafe ? "unsafe " : ""}${abi ? `extern "${abi}" ` : ""}fn(${args.join(", ")})${ret === "()" ? "" : ` -> ${ret}`}`;
  };
  const dynBounds = () => {
    if (eat("G")) base62();
    const traits = [];
    while (!eat("E")) {
      let t = path(false);
      const bindings = [];
      while (eat("p")) {
        const n = ident();
        bindings.push(`${n} = ${type()}`);
      }
      if (bindings.length) t = t.endsWith(">") ? `${t.slice(0, -1)}, ${bindings.join(", ")}>` : `${t}<${bindings.join(", ")}>`;
      traits.push(t);
    }
    return traits.join(" + ");
  };
  const type = () => {
    const c = peek();
    if (V0_BASIC[c]) {
      pos++;
      return V0_BASIC[c];
    }
    pos++;
    switch (c) {
      case "R":
        lifetime();
        return `&${type()}`;
      case "Q":
        lifetime();
        return `&mut ${type()}`;
      case "P":
        return `*const ${type()}`;
      case "O":
        return `*mut ${type()}`;
      case "A": {
        const t = type();
        return `[${t}; ${constant()}]`;
      }
      case "S":
        return `[${type()}]`;
      case "T": {
        const ts = [];
        while (!eat("E")) ts.push(type());
        return ts.length === 1 ? `(${ts[0]},)` : `(${ts.join(", ")})`;
      }
      case "F":
        return fnSig();
      case "D": {
        const b = dynBounds();
        lifetime();
        return `dyn ${b}`;
      }
      case "B":
        return backref(type);
      default:
        pos--;
        return path(false);
    }
  };
  try {
    return path(true);
  } catch {
    return null;
  }
}

/** Splits a path on its top-level "::" (not inside <…>, (…) or […]). */
function splitPath(s) {
  const parts = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "<" || c === "(" || c === "[") depth++;
    else if (c === ">" || c === ")" || c === "]") depth = Math.max(0, depth - 1);
    if (depth === 0 && c === ":" && s[i + 1] === ":") {
      parts.push(cur);
      cur = "";
      i++;
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

/** The index of the ">" closing the "<" at s[0]. */
function closing(s) {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "<") depth++;
    else if (s[i] === ">" && s[i - 1] !== "-" && --depth === 0) return i;
  }
  return s.length;
}

/** " as " at the top level of the inside of <A as B>, or -1. */
function topLevelAs(s) {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "<" || c === "(" || c === "[") depth++;
    else if (c === ">" || c === ")" || c === "]") depth--;
    else if (depth === 0 && s.startsWith(" as ", i)) return i;
  }
  return -1;
}

/** A type's path segments without generic arguments and references, or null for a non-path type. */
function typePath(t) {
  const s = t.replace(/^(?:&(?:'\w+ )?(?:mut )?|\*(?:const|mut) |dyn |impl )+/, "").trim();
  if (!/^[A-Za-z_]/.test(s)) return null; // [T], (A, B), fn(..)
  const parts = splitPath(s).map((p) => p.replace(/<.*$/s, ""));
  return parts.length > 1 ? parts : null;
}

const PRIMITIVES = new Set(["bool", "char", "str", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize"]);

/**
 * The crate and module a function's bytes are counted under, from its demangled name:
 * "repay::api::terms::loan_terms" → { crate: "repay", module: "repay::api" } (depth 2);
 * for "<A as B>::f" the module of A (of B when A is not a path, or when A and B are of one crate:
 * the impl then usually sits beside the trait); for "<A>::f" the module of A; symbols with no path
 * (C and runtime functions) by their prefix.
 */
export function groupOf(name, depth = 2) {
  if (name === null || name === undefined) return { crate: "(unnamed)", module: "(unnamed)" };
  const d = demangle(name);
  // wasm-bindgen runs these in its interpreter to learn the types, then removes them.
  if (/^__wbindgen_describe|\bWasmDescribe\b|^wasm_bindgen::describe::/.test(d)) return { crate: "wasm_bindgen", module: DESCRIBE };
  // The exported functions' shims (name_<crate hash>), generated by #[wasm_bindgen].
  if (/^[A-Za-z]\w*_[0-9a-f]{16}$/.test(d)) return { crate: "wasm_bindgen", module: "wasm_bindgen (export shims)" };
  let owner = null;
  if (d.startsWith("<")) {
    const end = closing(d);
    const inner = d.slice(1, end);
    const as = topLevelAs(inner);
    const self = as < 0 ? inner : inner.slice(0, as);
    const trait = as < 0 ? null : inner.slice(as + 4);
    const selfPath = typePath(self);
    const traitPath = trait ? typePath(trait) : null;
    if (selfPath && traitPath && selfPath[0] === traitPath[0]) owner = traitPath.slice(0, -1);
    else if (selfPath) owner = selfPath.slice(0, -1);
    else if (traitPath) owner = traitPath.slice(0, -1);
    else {
      const t = self.replace(/^(?:&(?:mut )?|\*(?:const|mut) )+/, "").trim();
      const prim = t.startsWith("[") ? "slice" : t.startsWith("(") ? "tuple" : t.replace(/[<(].*$/s, "");
      owner = ["core", PRIMITIVES.has(prim) || prim === "slice" || prim === "tuple" ? prim : "(primitive)"];
    }
  } else if (d.includes("::")) {
    owner = splitPath(d).slice(0, -1);
    if (owner[0].startsWith("<")) return groupOf(owner.join("::") + "::x", depth);
  }
  if (owner) owner = owner.map((p) => p.replace(/<.*$/s, "")).filter((p) => p && p !== "_");
  if (owner && owner.length) {
    return { crate: owner[0], module: owner.slice(0, depth).join("::") };
  }
  return runtimeGroup(d);
}

export const DESCRIBE = "wasm_bindgen describe (dropped by wasm-bindgen)";

function runtimeGroup(d) {
  if (/^(__wbindgen_|__wbg_|__externref_)/.test(d)) return { crate: "wasm_bindgen", module: "wasm_bindgen (runtime symbols)" };
  if (/^(__rust_|__rdl_|__rg_)/.test(d)) return { crate: "std", module: "std::alloc" };
  if (/^(mem(cpy|set|move|cmp)|bcmp|__[a-z]+[dt]i\d|__(float|fix)\w+|__mul\w+)$/.test(d)) return { crate: "compiler_builtins", module: "compiler_builtins" };
  return { crate: "(other)", module: "(other symbols)" };
}

// ---- the report --------------------------------------------------------------------------------

/**
 * Reads the module and adds up its function bodies by crate and by module (see groupOf).
 * Returns { file, size, sections, codeSize, dataSize, dataSegments, customs (largest first),
 * functionCount, unnamed, crates, modules, functions (largest first; each { name, demangled,
 * size, crate, module }) }. crates and modules: [{ name, size, count }], largest first.
 */
export function contributors(bytes, { depth = 2, file } = {}) {
  const w = readWasm(bytes);
  const crates = new Map();
  const modules = new Map();
  const add = (m, k, size) => {
    const e = m.get(k) ?? { name: k, size: 0, count: 0 };
    e.size += size;
    e.count += 1;
    m.set(k, e);
  };
  const functions = w.functions.map((f) => {
    const g = groupOf(f.name, depth);
    add(crates, g.crate, f.size);
    add(modules, g.module, f.size);
    return { index: f.index, name: f.name, demangled: f.name === null ? `(function ${f.index})` : demangle(f.name), size: f.size, ...g };
  });
  const bySize = (a, b) => b.size - a.size || (a.name ?? "").localeCompare(b.name ?? "");
  return {
    file,
    size: w.size,
    sections: w.sections,
    codeSize: w.codeSize,
    dataSize: w.dataSize,
    dataSegments: w.dataSegments,
    customs: [...w.customs].sort(bySize),
    functionCount: functions.length,
    unnamed: functions.filter((f) => f.name === null).length,
    crates: [...crates.values()].sort(bySize),
    modules: [...modules.values()].sort(bySize),
    functions: [...functions].sort((a, b) => b.size - a.size || a.index - b.index),
  };
}

/**
 * The report as text lines: the sections, then, leaving out wasm-bindgen's describe functions (it
 * removes them), the top `groups` modules and crates and the top `top` functions by bytes.
 */
export function formatContributors(c, { groups = 15, top = 10, indent = "" } = {}) {
  const describe = c.modules.find((m) => m.name === DESCRIBE) ?? { size: 0, count: 0 };
  const kept = c.codeSize - describe.size;
  const pct = (n) => `${((n / kept) * 100).toFixed(1).padStart(5)} %`;
  const num = (n) => String(n).padStart(8);
  const lines = [];
  const file = c.file ? path.relative(process.cwd(), c.file) || c.file : "wasm";
  lines.push(`${file}: ${c.size} B raw, ${c.functionCount} function bodies${c.unnamed ? ` (${c.unnamed} without a name)` : ""}`);
  lines.push(`  sections (bytes with their headers; + 8 B preamble = the file): ${c.sections.map((s) => (s.kind === "custom" ? `custom "${s.name}" ${s.size}` : `${s.kind} ${s.size}`)).join(", ")}`);
  lines.push(`  code ${c.codeSize} B, of which ${describe.size} B in ${describe.count} wasm-bindgen describe functions (removed by wasm-bindgen): ${kept} B left; data ${c.dataSize} B in ${c.dataSegments} segment(s)`);
  lines.push(`  largest custom sections: ${c.customs.slice(0, 4).map((x) => `"${x.name}" ${x.size} B`).join(", ") || "none"}`);
  const modules = c.modules.filter((m) => m.name !== DESCRIBE);
  lines.push(`  top ${Math.min(groups, modules.length)} of ${modules.length} modules (function-body bytes; % of the ${kept} B):`);
  for (const m of modules.slice(0, groups)) lines.push(`  ${num(m.size)} B ${pct(m.size)}  ${m.name} (${m.count} fn)`);
  const crates = c.crates.map((k) => (k.name === "wasm_bindgen" ? { ...k, size: k.size - describe.size, count: k.count - describe.count } : k)).filter((k) => k.count > 0).sort((a, b) => b.size - a.size);
  lines.push(`  top ${Math.min(groups, crates.length)} of ${crates.length} crates:`);
  for (const m of crates.slice(0, groups)) lines.push(`  ${num(m.size)} B ${pct(m.size)}  ${m.name} (${m.count} fn)`);
  const fns = c.functions.filter((f) => f.module !== DESCRIBE);
  lines.push(`  top ${Math.min(top, fns.length)} functions:`);
  for (const f of fns.slice(0, top)) lines.push(`  ${num(f.size)} B ${pct(f.size)}  ${f.demangled}`);
  return lines.map((l) => indent + l);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const file = path.resolve(args.find((a) => !a.startsWith("--")) ?? DEFAULT_WASM);
  const c = contributors(readFileSync(file), { file });
  if (json) console.log(JSON.stringify(c, null, 2));
  else console.log(formatContributors(c).join("\n"));
}
