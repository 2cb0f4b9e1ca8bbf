// The README's "Using the engine from JavaScript" example compiles as
// TypeScript under `strict` against the published types (pkg/repay.d.ts =
// www/repay-api.d.ts): an embedder who copies it gets no error (apr may be null).
// Run: node --test tests/js/readme.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, writeFileSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The first ```js block after the heading. */
function exampleUnder(heading) {
  const from = README.indexOf(heading);
  assert.ok(from >= 0, heading);
  const m = /```js\n([\s\S]*?)```/.exec(README.slice(from));
  assert.ok(m, `a js block under ${heading}`);
  return m[1];
}

function diagnostics(code) {
  const dir = mkdtempSync(path.join(tmpdir(), "repay-readme-"));
  mkdirSync(path.join(dir, "pkg"));
  copyFileSync(new URL("../../www/repay-api.d.ts", import.meta.url), path.join(dir, "pkg", "repay.d.ts"));
  // A top-level await needs a module: the example is one (it imports).
  writeFileSync(path.join(dir, "example.ts"), code);
  const program = ts.createProgram([path.join(dir, "example.ts")], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

test("the README's engine example type-checks under strict", () => {
  const code = exampleUnder("## Using the engine from JavaScript");
  assert.match(code, /loanTerms/);
  assert.deepEqual(diagnostics(code), []);
});

test("the check can fail: reading apr without a null check is an error under strict", () => {
  const code = exampleUnder("## Using the engine from JavaScript").replace("t.apr?.nominalPercent", "t.apr.nominalPercent");
  assert.ok(diagnostics(code).some((d) => /possibly 'null'/.test(d)));
});
