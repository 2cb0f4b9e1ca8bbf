// scripts/serve.py, the server of `make serve`, the browser tests and `make bench`: it gzips text
// and wasm for a client that accepts gzip (as static hosts do, so that the bench's throttled load
// sees the bytes a person downloads), sends the same bytes as the file otherwise, and types the
// wasm for streaming compilation. Run with `node --test tests/js/`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { startServer } from "../browser/helpers.mjs";

let server;
before(async () => (server = await startServer()));
after(async () => server?.stop());

/** GET path with the given Accept-Encoding; resolves to { status, headers, body } (body undecoded). */
function get(path, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {};
    http
      .get(new URL(path, server.url), { headers }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const www = (f) => readFileSync(new URL(`../../www/${f}`, import.meta.url));

for (const [path, file, type] of [
  ["/", "index.html", "text/html"],
  ["/app.js", "app.js", "text/javascript"],
  ["/style.css", "style.css", "text/css"],
  ["/pkg/repay_bg.wasm", "pkg/repay_bg.wasm", "application/wasm"],
]) {
  test(`${path} is gzipped when accepted and the file itself otherwise`, async () => {
    const zipped = await get(path, "gzip, deflate, br");
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.equal(zipped.headers["content-type"], type);
    assert.equal(zipped.headers.vary, "Accept-Encoding");
    assert.equal(Number(zipped.headers["content-length"]), zipped.body.length);
    assert.ok(zipped.body.length < www(file).length, "smaller than the file");
    assert.deepEqual(gunzipSync(zipped.body), www(file));

    const plain = await get(path, null);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.headers["content-type"], type);
    assert.deepEqual(plain.body, www(file));
  });
}

test("a missing file is a 404, gzip or not", async () => {
  assert.equal((await get("/no-such-file.js", "gzip")).status, 404);
  assert.equal((await get("/no-such-file.js", null)).status, 404);
});
