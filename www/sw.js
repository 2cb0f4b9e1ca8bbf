// Repay's service worker: small and honest.
// - VERSION, PRECACHE and DIGEST come from ./sw-version.js, written by `make build`
//   (scripts/sw-version.mjs) into the built site: VERSION is a hash of every
//   asset, so any change is a new version; PRECACHE is every file the page can
//   load; DIGEST, each one's SHA-256 (first 16 hex digits).
// - install: every file is cached, awaited inside waitUntil, so "installed"
//   means "works offline". The page registers the worker once every panel has
//   loaded, so most files are already in the HTTP cache: each is taken from
//   there (cache: "force-cache", no download) and kept only if its digest is
//   this version's; otherwise, or when it is not there, it is fetched from the
//   network (cache: "reload"), and must then match. A first visit so downloads
//   only what the page has not loaded yet (the other languages' messages),
//   never the page twice; URLs with the same bytes ("./" and
//   index.html) are filled from one response; a file of an older version kept
//   under the same name is never stored. A new version then waits.
// - activate: every other cache is deleted.
// - fetch: same-origin GET only, cache first, the network otherwise; nothing
//   else is intercepted and nothing fetched at run time is stored.
// - message 'skip-waiting': the page asks for this only when the user chose
//   to reload into the new version (www/offline.js).

/* global VERSION, PRECACHE, DIGEST */
importScripts("./sw-version.js");

const CACHE = `repay-${VERSION}`;

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** The response for url whose bytes are this version's, from the HTTP cache if it is there, else the network. */
async function verified(url) {
  for (const cache of ["force-cache", "reload"]) {
    const res = await fetch(new Request(url, { cache }));
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const digest = hex(await crypto.subtle.digest("SHA-256", await res.clone().arrayBuffer()));
    if (digest.startsWith(DIGEST[url])) return res;
  }
  throw new Error(`${url}: the server's file is not this version's`);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // URLs with the same bytes ("./" and index.html) are filled from one response.
      const same = new Map();
      for (const url of PRECACHE) same.set(DIGEST[url], [...(same.get(DIGEST[url]) ?? []), url]);
      await Promise.all(
        [...same.values()].map(async ([first, ...rest]) => {
          const res = await verified(first);
          await Promise.all(rest.map((url) => cache.put(url, res.clone())));
          await cache.put(first, res);
        }),
      );
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name)));
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A page URL with a ?query is still the page (state lives in the #fragment, never sent).
      const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
      return hit ?? fetch(request);
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});
