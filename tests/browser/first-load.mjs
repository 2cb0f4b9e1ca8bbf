// The page's first load, as both `make bench` (bench/page.mjs) and the size-budget test
// (size-budget.test.mjs) see it, so that the two can never disagree about what "first load" is:
// a page with the browser cache cleared and disabled, every response from navigation until the
// terms panel's monthly payment shows a figure and the network is idle, each distinct path counted
// once (how often it was requested is kept in `times`), with its raw, gzip -9 and brotli 11 sizes,
// and `beforeFirst`: whether the page asked for it before the first result showed (its resource
// timing's startTime against the probe's time), i.e. whether the first result waited for it. The
// assets before the first result are what the first figure costs; all of them, once the network
// is idle, are the whole page (every panel mounts after the first result: start.js).
// Not a test file itself (no .test. in the name): `node --test tests/browser/` does not run it.

import { gzipSync, brotliCompressSync, constants } from "node:zlib";

/** The element whose first figure marks the first result. */
export const FIRST_RESULT = '#panel-terms [data-testid="payment"]';

/**
 * Init script (runs in the page before its own scripts): records in window.__firstResult the
 * performance.now() (0 = navigation start) at which FIRST_RESULT first shows a digit, and its text
 * in window.__firstResultText. Safe to install twice (on the context and on the page).
 */
export function firstResultProbe() {
  if (window.__firstResultProbe) return;
  window.__firstResultProbe = true;
  const done = () => {
    const el = document.querySelector('#panel-terms [data-testid="payment"]');
    if (el && /\d/.test(el.textContent) && window.__firstResult === undefined) {
      window.__firstResult = performance.now();
      window.__firstResultText = el.textContent;
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(done);
  obs.observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * A cheap phone on a mobile network: Lighthouse's default mobile throttling (150 ms added to each
 * request, 1.6 Mbit/s down, 750 kbit/s up, the CPU slowed 4×), applied by Chromium's DevTools
 * protocol. Used by `make bench` only: timings are measured, never asserted.
 */
export const SLOW_PHONE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, cpuSlowdown: 4 };

/**
 * A new page of context with the browser cache cleared and disabled (a cold load every time);
 * with throttle (e.g. SLOW_PHONE), its network and CPU slowed so.
 */
export async function coldPage(context, { throttle = null } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle) {
    const { latency, downloadThroughput, uploadThroughput, cpuSlowdown } = throttle;
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput, uploadThroughput });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  }
  await page.addInitScript(firstResultProbe);
  return page;
}

/** Raw, gzip -9 and brotli 11 sizes of buf (node:zlib, deterministic for a given Node). */
export function compress(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * The responses of origin, in order of arrival, each distinct path once:
 * { path, type, status, times, beforeFirst: beforeFirst(url), raw, gzip, brotli }.
 */
async function assetsOf(responses, origin, beforeFirst) {
  const assets = [];
  for (const res of responses) {
    const u = res.url();
    if (!u.startsWith(origin)) continue;
    const path = u.slice(origin.length);
    const seen = assets.find((a) => a.path === path);
    if (seen) {
      seen.times += 1;
      continue;
    }
    const body = await res.body().catch(() => Buffer.alloc(0));
    assets.push({ times: 1, path, beforeFirst: beforeFirst(u), type: (res.headers()["content-type"] ?? "").split(";")[0], status: res.status(), ...compress(body) });
  }
  return assets;
}

/**
 * One cold load of url in a new page of context. measure(page, wall), if given, runs as soon as
 * the first result shows (wall = Node's goto → first result, ms), before the wait for the network
 * to go idle; its value is returned as `measured`. With assets (the default) the first-load assets
 * are collected: every response of the page's own origin, in order of arrival, each distinct path
 * once: { path, type, status, times, raw, gzip, brotli }. Resolves to { wall, measured, assets }
 * (assets null when not asked for); the page is closed. throttle: see coldPage.
 */
export async function firstLoad(context, url, { measure, assets: wantAssets = true, throttle = null } = {}) {
  const origin = new URL(url).origin;
  const page = await coldPage(context, { throttle });
  try {
    const responses = [];
    page.on("response", (r) => responses.push(r));
    const t0 = performance.now();
    await page.goto(url);
    await page.waitForFunction(() => window.__firstResult !== undefined, null, { timeout: throttle ? 120_000 : 30_000 });
    const wall = performance.now() - t0;
    const measured = measure ? await measure(page, wall) : undefined;
    let assets = null;
    if (wantAssets) {
      await page.waitForLoadState("networkidle");
      const { first, started } = await page.evaluate(() => ({
        first: window.__firstResult,
        started: performance.getEntriesByType("resource").map((e) => [e.name, e.startTime]),
      }));
      const startOf = new Map();
      for (const [name, at] of started) if (!startOf.has(name)) startOf.set(name, at);
      // The document itself has no resource entry: it comes first.
      assets = await assetsOf(responses, origin, (u) => !startOf.has(u) || startOf.get(u) < first);
    }
    return { wall, measured, assets };
  } finally {
    await page.close();
  }
}

/** Every asset of a cold load of url until the terms panel's payment shows a figure (in a shadow root too) and the network is idle, each distinct path once. */
export async function embedLoad(context, url, routes = {}) {
  const origin = new URL(url).origin;
  const page = await coldPage(context);
  try {
    for (const [p, body] of Object.entries(routes)) await page.route(`${origin}${p}`, (r) => r.fulfill({ contentType: "text/html", body }));
    const responses = [];
    page.on("response", (r) => responses.push(r));
    await page.goto(url);
    await page.locator('[data-testid="payment"]').filter({ hasText: /\d/ }).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    return await assetsOf(responses, origin, () => false); // before the page closes
  } finally {
    await page.close();
  }
}

/** A host page of the page's own origin with the element showing the terms panel alone (served at /__element-host.html by embedLoad's routes). */
export const ELEMENT_HOST = `<!doctype html><html lang="en"><meta charset="utf-8"><title>host</title>
<script type="module" src="/repay-calculator.js"></script>
<repay-calculator panels="terms" lang="zh-CN"></repay-calculator>`;

/**
 * Records what each response of context cost on the wire, the service worker's own requests
 * included (Playwright reports them on the context): the body as transferred (compressed) plus
 * the response headers, 0 for a response the HTTP cache served. Returns { rows, sum(filter) }
 * with rows { url, worker, bytes }; sum awaits every size still being read.
 */
export function watchTransfer(context) {
  const rows = [];
  const pending = [];
  context.on("requestfinished", (req) =>
    pending.push(
      req
        .sizes()
        .then((s) => rows.push({ url: req.url(), worker: !!req.serviceWorker(), bytes: Math.max(0, s.responseBodySize + s.responseHeadersSize) }))
        .catch(() => {}),
    ),
  );
  return {
    rows,
    sum: async (filter = () => true) => {
      await Promise.all(pending);
      return rows.filter(filter).reduce((n, r) => n + r.bytes, 0);
    },
  };
}

/**
 * A first visit as a person makes it: a fresh profile with service workers allowed, the page
 * opened and left until "ready to work offline" shows (the service worker has filled its cache).
 * Resolves to { page, worker, ratio, fetchedAgain }: the bytes the page's own requests took
 * (headers and compressed bodies; the whole page as served), the bytes the service worker's took
 * (what the offline cache cost on top), their ratio (total ÷ page), and the URLs the worker
 * downloaded although the page had loaded them (should be none).
 */
export async function firstVisit(chromium, url, args) {
  const { mkdtemp, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = await mkdtemp(path.join(tmpdir(), "repay-first-visit-"));
  const context = await chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", headless: true, args, serviceWorkers: "allow", locale: "zh-CN" });
  try {
    const transfer = watchTransfer(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.locator('[data-testid="offline-ready"]').waitFor({ timeout: 60_000 });
    return await visitBytes(transfer);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** { page, worker, ratio, fetchedAgain } of a watchTransfer log (see firstVisit). */
export async function visitBytes(transfer) {
  const page = await transfer.sum((r) => !r.worker);
  const worker = await transfer.sum((r) => r.worker);
  const loaded = new Set(transfer.rows.filter((r) => !r.worker).map((r) => r.url.split("#")[0]));
  const fetchedAgain = transfer.rows.filter((r) => r.worker && r.bytes > 0 && loaded.has(r.url)).map((r) => r.url);
  return { page, worker, ratio: (page + worker) / page, fetchedAgain };
}
