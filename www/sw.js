// Repay's service worker: small and honest.
// - VERSION and PRECACHE come from ./sw-version.js, written by `make build`
//   (scripts/sw-version.mjs): VERSION is a hash of every asset, so any change
//   is a new version; PRECACHE is every file the page can load.
// - install: the whole list is fetched and cached, awaited inside waitUntil,
//   so "installed" means "works offline". A new version then waits.
// - activate: every other cache is deleted.
// - fetch: same-origin GET only, cache first, the network otherwise; nothing
//   else is intercepted and nothing fetched at run time is stored.
// - message 'skip-waiting': the page asks for this only when the user chose
//   to reload into the new version (www/offline.js).

/* global VERSION, PRECACHE */
importScripts("./sw-version.js");

const CACHE = `repay-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // cache: "reload" bypasses the HTTP cache, so a new version never stores an old file.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
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
