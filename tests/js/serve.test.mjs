// scripts/serve.py, the server of `make serve`, the browser tests and `make bench`, serving the
// built site (dist/site/) as a static host does: a file's precompressed copy beside it (.br when
// brotli is accepted, else .gz) with Content-Encoding and Vary; the file itself to a client that
// accepts neither; a file without a copy gzipped on the fly; a strong ETag and 304 on revalidation;
// content-hashed chunks immutable, everything else no-cache; the wasm typed for streaming
// compilation. Run with `node --test tests/js/` (after `make build`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer, SITE } from "../browser/helpers.mjs";

let server;
before(async () => (server = await startServer()));
after(async () => server?.stop());

/** GET path with the given request headers; resolves to { status, headers, body } (body undecoded). */
function get(path, acceptEncoding, extra = {}, base = server.url) {
  return new Promise((resolve, reject) => {
    const headers = { ...(acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {}), ...extra };
    http
      .get(new URL(path, base), { headers }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const site = (f) => readFileSync(path.join(SITE, f));
const chunk = readdirSync(SITE).find((f) => /^chunk-[A-Z0-9]{8}\.js$/.test(f));

for (const [url, file, type] of [
  ["/", "index.html", "text/html"],
  ["/app.js", "app.js", "text/javascript"],
  ["/style.css", "style.css", "text/css"],
  ["/pkg/repay_terms_bg.wasm", "pkg/repay_terms_bg.wasm", "application/wasm"],
  [`/${chunk}`, chunk, "text/javascript"],
]) {
  test(`${url}: brotli's copy when accepted, gzip's otherwise, the file itself to neither`, async () => {
    const br = await get(url, "gzip, deflate, br");
    assert.equal(br.status, 200);
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(br.headers["content-type"], type);
    assert.equal(br.headers.vary, "Accept-Encoding");
    assert.equal(Number(br.headers["content-length"]), br.body.length);
    assert.deepEqual(br.body, site(`${file}.br`), "the precompressed file, as written by the build");
    assert.deepEqual(brotliDecompressSync(br.body), site(file));

    const gz = await get(url, "gzip");
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.deepEqual(gunzipSync(gz.body), site(file));
    assert.ok(br.body.length < gz.body.length, "brotli 11 is smaller than gzip 9");

    const refused = await get(url, "br;q=0, gzip;q=0");
    assert.equal(refused.headers["content-encoding"], undefined, "q=0 refuses an encoding");

    const plain = await get(url, null);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.headers["content-type"], type);
    assert.deepEqual(plain.body, site(file));
  });
}

test("revalidation: a strong ETag per encoding, 304 with no body when it matches", async () => {
  const first = await get("/app.js", "br");
  const etag = first.headers.etag;
  assert.match(etag, /^"[0-9a-f]{20}-br"$/);
  assert.equal(first.headers["cache-control"], "no-cache");
  const again = await get("/app.js", "br", { "If-None-Match": etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, etag);
  assert.notEqual((await get("/app.js", "gzip")).headers.etag, etag, "another encoding, another ETag");
  assert.equal((await get("/app.js", "gzip", { "If-None-Match": etag })).status, 200);
});

test("a content-hashed chunk is immutable; the names that stay are revalidated", async () => {
  assert.match((await get(`/${chunk}`, "br")).headers["cache-control"], /immutable/);
  for (const p of ["/", "/app.js", "/sw.js", "/pkg/repay_terms.js"]) assert.equal((await get(p, "br")).headers["cache-control"], "no-cache", p);
});

test("a file changed after its copies were written is served from the file (gzipped on the fly)", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "repay-serve-"));
  try {
    writeFileSync(path.join(dir, "a.js.br"), "stale");
    writeFileSync(path.join(dir, "a.js.gz"), "stale");
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(path.join(dir, "a.js"), "export const a = 1;\n".repeat(20));
    const other = await startServer(dir);
    try {
      const r = await get("/a.js", "br, gzip", {}, other.url);
      assert.equal(r.headers["content-encoding"], "gzip");
      assert.deepEqual(gunzipSync(r.body), readFileSync(path.join(dir, "a.js")));
    } finally {
      await other.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a missing file is a 404, compressed or not", async () => {
  assert.equal((await get("/no-such-file.js", "br, gzip")).status, 404);
  assert.equal((await get("/no-such-file.js", null)).status, 404);
});
