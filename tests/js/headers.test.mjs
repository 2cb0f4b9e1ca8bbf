// www/_headers (the response headers static hosts such as Netlify and
// Cloudflare Pages apply) must agree with the pages: each page's
// Content-Security-Policy header is its own <meta> policy plus only
// frame-ancestors (which a meta tag cannot carry), under every path the page
// is served at, so deploying with headers never loosens or breaks the policy
// the tests run with. Run with `node --test tests/js/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";

const WWW = new URL("../../www/", import.meta.url);

/** `_headers` as Map path → Map header → value (Netlify's format: a path line, indented headers). */
function readHeaders() {
  const rules = new Map();
  let current = null;
  for (const line of readFileSync(new URL("_headers", WWW), "utf8").split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      assert.ok(!rules.has(line.trim()), `${line.trim()} is listed twice`);
      rules.set(line.trim(), current);
      continue;
    }
    assert.ok(current, `a header before any path: ${line}`);
    const i = line.indexOf(":");
    current.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return rules;
}

const directives = (csp) => new Map(csp.split(";").map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d]));

function metaCsp(page) {
  const html = readFileSync(new URL(page, WWW), "utf8");
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  assert.ok(m, `${page} has a CSP meta tag`);
  return m[1];
}

const rules = readHeaders();
const pages = readdirSync(WWW).filter((f) => f.endsWith(".html"));

test("every page has a CSP header under each path it is served at", () => {
  assert.ok(pages.length >= 3, pages.join(", "));
  for (const page of pages) {
    const paths = page === "index.html" ? ["/", "/index.html"] : [`/${page}`, `/${page.replace(/\.html$/, "")}`];
    for (const path of paths) {
      assert.ok(rules.get(path)?.has("Content-Security-Policy"), `${path} (${page}) has no Content-Security-Policy in _headers`);
    }
  }
});

test("each header policy is the page's meta policy plus frame-ancestors only", () => {
  for (const page of pages) {
    const meta = directives(metaCsp(page));
    assert.ok(!meta.has("frame-ancestors"), `${page}: frame-ancestors in a meta tag is ignored by browsers`);
    const paths = page === "index.html" ? ["/", "/index.html"] : [`/${page}`, `/${page.replace(/\.html$/, "")}`];
    for (const path of paths) {
      const header = directives(rules.get(path).get("Content-Security-Policy"));
      assert.ok(header.has("frame-ancestors"), `${path}: no frame-ancestors`);
      header.delete("frame-ancestors");
      assert.deepEqual([...header.values()].sort(), [...meta.values()].sort(), `${path}: header and ${page} meta policies differ`);
    }
  }
});

test("only the embed page may be framed by other sites", () => {
  for (const [path, headers] of rules) {
    const fa = directives(headers.get("Content-Security-Policy") ?? "").get("frame-ancestors");
    if (!fa) continue;
    const embed = path === "/embed.html" || path === "/embed";
    assert.equal(fa === "frame-ancestors 'none'", !embed, `${path}: ${fa}`);
  }
});

test("no policy anywhere allows inline scripts or eval", () => {
  for (const [path, headers] of rules) {
    const csp = headers.get("Content-Security-Policy") ?? "";
    assert.ok(!/'unsafe-inline'|'unsafe-eval'/.test(csp), `${path}: ${csp}`);
  }
  for (const page of pages) assert.ok(!/'unsafe-inline'|'unsafe-eval'/.test(metaCsp(page)), page);
});
