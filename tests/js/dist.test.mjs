// The package for embedders (scripts/dist.mjs → dist/package/): packed with
// `npm pack`, installed from the tarball into a scratch project with no
// network (`npm install --offline`, an empty cache of its own), then used the
// way an advice site's build would: the engine imported by the package's name
// in Node computes the reference loan, its types check with tsc, and every
// file the element and the iframe page load is in the tarball.
// Run: make build && node --test tests/js/dist.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeDist, packedFiles, PACKAGE_NAME } from "../../scripts/dist.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let tmp;
let pkgDir;
let project;
let tarball;

const npm = (args, cwd) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--cache", path.join(tmp, "npm-cache"), "--registry", "http://127.0.0.1:9/"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" },
  });

before(() => {
  tmp = mkdtempSync(path.join(tmpdir(), "repay-dist-"));
  pkgDir = writeDist(path.join(tmp, "package")).out;
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", tmp, pkgDir], tmp));
  tarball = path.join(tmp, packed[0].filename);
  project = path.join(tmp, "site");
  execFileSync("mkdir", ["-p", project]);
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "advice-site", private: true, type: "module" }));
  // The registry is a closed loopback port and --offline is set: only the tarball can be used.
  npm(["install", "--offline", tarball], project);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test("the tarball installs offline and holds the element, the iframe page, the engine, the types and a README", () => {
  const installed = path.join(project, "node_modules", PACKAGE_NAME);
  const meta = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
  assert.equal(meta.name, PACKAGE_NAME);
  assert.match(meta.version, /^\d+\.\d+\.\d+$/);
  assert.equal(meta.version, /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"))[1], "the crate's version");
  for (const [name, target] of [
    [".", { types: "./pkg/repay.d.ts", node: "./node.js", default: "./pkg/repay.js" }],
    ["./element", "./repay-calculator.js"],
    ["./embed.html", "./embed.html"],
    ["./types", "./pkg/repay.d.ts"],
  ]) {
    assert.deepEqual(meta.exports[name], target, `exports["${name}"]`);
  }
  // Made from the built site (minified, with source maps; shared code in chunks, which the import
  // check below proves are packed).
  for (const f of [...packedFiles(), "pkg/repay.d.ts", "node.js", "README.md", "glossary.js", "repay-calculator.js.map"]) {
    assert.ok(existsSync(path.join(installed, f)), `${f} is in the installed package`);
  }
  assert.equal(readFileSync(path.join(installed, "pkg/repay.d.ts"), "utf8"), readFileSync(path.join(ROOT, "www/repay-api.d.ts"), "utf8"));
  assert.ok(!existsSync(path.join(installed, "index.html")) && !existsSync(path.join(installed, "sw.js")), "the full page and its service worker are not packed");
  const readme = readFileSync(path.join(installed, "README.md"), "utf8");
  assert.match(readme, /allow="clipboard-write"/, "the iframe snippet lets the letter be copied across origins");
  assert.match(readme, /<repay-calculator /);
  // Every module the element reaches is packed: each relative import of each packed module resolves.
  const js = readdirSync(installed, { recursive: true }).filter((f) => f.endsWith(".js"));
  for (const f of js) {
    const text = readFileSync(path.join(installed, f), "utf8");
    for (const m of text.matchAll(/\b(?:from|import)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g)) {
      assert.ok(existsSync(path.join(installed, path.dirname(f), m[1])), `${f} imports ${m[1]}, which is packed`);
    }
  }
});

test("Node imports the engine by the package's name and computes the reference loan", () => {
  const script = `import init, { loanTerms, version } from "${PACKAGE_NAME}";
import * as engine from "${PACKAGE_NAME}/engine";
await init();
const t = loanTerms({ principal: "1000000", rate: { percent: "4.9", per: "year" }, periods: 360, method: "annuity" });
let err = null;
try { engine.loanTerms({ principal: "-1", rate: { percent: "4.9", per: "year" }, periods: 12, method: "annuity" }); } catch (e) { err = { code: e.code, field: e.field }; }
console.log(JSON.stringify({ payment: t.schedule[0].payment, rows: t.schedule.length, apr: t.apr.nominalPercent, version: version(), err }));`;
  writeFileSync(path.join(project, "use.mjs"), script);
  const out = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: project, encoding: "utf8" }));
  // 1,000,000 at 4.9 %/year over 360 months: 5,307.27 a month (README; tests/vectors).
  assert.deepEqual(out, { payment: "5307.27", rows: 360, apr: "4.9000", version: out.version, err: { code: "negativeAmount", field: "principal" } });
  assert.match(out.version, /^\d+\.\d+\.\d+$/);
});

test("the package's types check in a TypeScript project that imports it by name", () => {
  writeFileSync(
    path.join(project, "use.ts"),
    `import init, { loanTerms } from "${PACKAGE_NAME}";
import type { LoanTermsOutput, RepayError } from "${PACKAGE_NAME}";
export async function payment(): Promise<string> {
  await init();
  const t: LoanTermsOutput = loanTerms({ principal: "1000", rate: { percent: "4.9", per: "year" }, periods: 12, method: "annuity" });
  return t.schedule[0]!.payment;
}
export const code = (e: RepayError): string => e.code;
`,
  );
  writeFileSync(
    path.join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "DOM"], types: [], skipLibCheck: false },
      files: ["use.ts"],
    }),
  );
  execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", project], { cwd: project, encoding: "utf8" });
  // And a wrong use is caught (the check can fail).
  writeFileSync(path.join(project, "use.ts"), `import { loanTerms } from "${PACKAGE_NAME}";\nexport const x: number = loanTerms({ principal: "1", rate: { percent: "1", per: "year" }, periods: 1, method: "annuity" }).schedule[0]!.payment;\n`);
  assert.throws(() => execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", project], { cwd: project, encoding: "utf8", stdio: "pipe" }));
});
