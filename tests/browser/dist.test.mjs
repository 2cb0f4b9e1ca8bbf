// The package for embedders, used from a host page of another origin: the
// package is built (scripts/dist.mjs), packed with `npm pack` and unpacked
// (tar), and only the unpacked folder is served, on one loopback port; the
// host page, on a second port, loads the element by one module script tag
// and the iframe page by its URL, as docs/embedding.md tells an embedder to.
// Both compute the reference loan (1,000,000 over 360 months at 4.9 %/year
// → 5,307.27 a month). Any file the element needs that the package lacks is
// a failed request, and fails the test.
// Run: make build && node --test --test-concurrency=1 tests/browser/dist.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer, launchBrowser, screenshot, startHost, hostCsp } from "./helpers.mjs";
import { writeDist } from "../../scripts/dist.mjs";

let tmp;
let calc;
let host;
let browser;
let page;
let calcOrigin;
const problems = [];

function hostPage(origin) {
  const csp = hostCsp(origin);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Advice site</title>
<script type="module" src="${origin}/repay-calculator.js"></script>
</head>
<body>
<h1>An advice site</h1>
<repay-calculator id="el" lang="en" panels="terms" currency="GBP" principal="1000000" rate="4.9" months="360"></repay-calculator>
<iframe id="fr" title="calculator" width="640" height="700" allow="clipboard-write" src="${origin}/embed.html#lang=zh-CN&amp;panels=terms&amp;principal=1000000&amp;rate=4.9&amp;months=360"></iframe>
</body>
</html>`;
}

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), "repay-dist-browser-"));
  const built = writeDist(path.join(tmp, "built")).out;
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", tmp, built], { cwd: tmp, encoding: "utf8" }));
  const unpacked = path.join(tmp, "unpacked");
  mkdirSync(unpacked);
  execFileSync("tar", ["-xzf", path.join(tmp, packed[0].filename), "-C", unpacked]);
  calc = await startServer(path.join(unpacked, "package")); // npm tarballs hold one folder, package/
  calcOrigin = calc.url.replace(/\/$/, "");
  host = await startHost({ "/": { type: "text/html; charset=utf-8", body: hostPage(calcOrigin) } });
  const hostOrigin = host.origin;
  assert.notEqual(hostOrigin, calcOrigin);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`http ${r.status()}: ${r.url()}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(calcOrigin) && !u.startsWith(hostOrigin) && !u.startsWith("data:")) problems.push(`other origin: ${u}`);
  });
  await page.goto(`${hostOrigin}/`);
});

after(async () => {
  await browser?.close();
  await calc?.stop();
  await host?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test("the element from the unpacked package computes on a host page of another origin", async () => {
  await page.waitForFunction(() => document.querySelector("#el")?.shadowRoot?.querySelector('[data-testid="payment"]')?.textContent === "£5,307.27", null, { timeout: 20000 });
  assert.equal(await page.locator("#el .repay-embed").getAttribute("lang"), "en");
  assert.ok((await page.locator("#el button.gloss").count()) > 0, "the glossary's ? buttons are there");
});

test("the iframe page from the unpacked package computes too", async () => {
  await page.frameLocator("#fr").locator('[data-testid="payment"]').filter({ hasText: "¥5,307.27" }).waitFor({ timeout: 20000 });
  await screenshot(page, "dist-host");
});

test("nothing failed to load and nothing went to a third origin", () => {
  assert.deepEqual(problems, []);
});
