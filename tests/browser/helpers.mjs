// Shared helpers for the browser tests: serve the built site (dist/site/, written by
// `make build` from www/) with scripts/serve.py on a
// free loopback port, launch Debian's chromium through playwright-core with a
// fresh profile, and collect console errors, page errors and any request that
// leaves the page's own origin.

import { spawn } from "node:child_process";
import { mkdtemp, rm, mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { createServer as createHttpServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { before, after } from "node:test";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCREENSHOTS = path.join(ROOT, "out", "screenshots");

/** Chromium's flags in every browser test and the bench. */
export const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The built site every browser suite runs against (scripts/build-site.mjs). */
export const SITE = path.join(ROOT, "dist", "site");

/** Starts scripts/serve.py on a free port for dir (relative to the repository, or absolute; the
 * built site by default); resolves to { url, stop }. */
export async function startServer(dir = SITE) {
  const port = await freePort();
  const child = spawn("python3", [path.join(ROOT, "scripts/serve.py"), "--port", String(port), "--dir", path.resolve(ROOT, dir)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.py did not start: ${stderr}`)), 10_000);
    child.stdout.on("data", (d) => {
      if (String(d).includes("serving")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.py exited with ${code}: ${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** Launches chromium with a fresh temporary profile; resolves to { context, close }. */
export async function launchBrowser() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), "repay-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    serviceWorkers: "block",
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records console errors, uncaught page errors, failed requests and requests to
 * any other origin on page; returns the live list of problems.
 */
export function watchPage(page, origin) {
  const problems = [];
  page.on("console", (msg) => {
    // launchBrowser blocks service workers (serviceWorkers: "block"); Playwright's stub of
    // register() says so on the console. That is the harness speaking, not the page.
    if (msg.text() === "Service Worker registration blocked by Playwright") return;
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`);
  });
  // net::ERR_ABORTED is the browser cancelling a request of a document it is leaving (a reload, a
  // link, about:blank, a closed page) while the panels after the first result still load: not a
  // failure of the page or the server.
  page.on("requestfailed", (req) => {
    if (req.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith("data:")) problems.push(`third-party request: ${u}`);
  });
  return problems;
}

/** Saves a full-page screenshot under out/screenshots/. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until every panel of the page has mounted (its heading is there): the loan-terms panel
 * comes first, the others after its first result (www/start.js). */
export function panelsMounted(page, timeout = 30_000) {
  return page.waitForFunction(() => [...document.querySelectorAll("#main section.panel")].every((s) => s.querySelector("h2")), null, { timeout });
}

/**
 * Serves the built site, opens the page in a fresh chromium and records every problem
 * (see watchPage), and waits until every panel has mounted, as a person who
 * starts once the page has loaded. Resolves to { page, problems, context,
 * origin, close }; call close() in after().
 */
export async function openPage() {
  const server = await startServer();
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const origin = server.url.replace(/\/$/, "");
  const problems = watchPage(page, origin);
  await page.goto(server.url);
  await panelsMounted(page);
  return {
    page,
    problems,
    context: browser.context,
    origin,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/**
 * Calls the engine function fn with input inside the page (./engine.js, with
 * its second module loaded, as the page has it once every panel is mounted) and
 * returns map(value, fmt), where fmt is the page's own ./format.js, so that
 * expected figures come from the engine and are formatted as the page does.
 * map runs in the page: it may use only its arguments. An engine error
 * resolves to { error }.
 */
export function engineInPage(page, fn, input, map = (v) => v) {
  return page.evaluate(`(async () => {
    const engine = await import("./engine.js");
    await engine.loadCases();
    const fmt = await import("./format.js");
    const r = engine[${JSON.stringify(fn)}](${JSON.stringify(input)});
    if (!r.ok) return { error: r.error };
    return (${map.toString()})(r.value, fmt);
  })()`);
}

/** Resizes the page to width × height and returns the page's scrollWidth. */
export async function widthAt(page, width, height) {
  await page.setViewportSize({ width, height });
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/**
 * For a test file: opens the page (openPage) before its tests, calls
 * ready(page) to wait for what they need, and closes it after them.
 */
export function pageForTests(ready) {
  let session = null;
  before(async () => {
    session = await openPage();
    await ready(session.page);
  });
  after(() => session?.close());
}

/**
 * A host page of another origin for embedding tests: a loopback server that
 * answers each path of routes ({ "/": { type, body } }) and 404 otherwise.
 * Resolves to { origin, close }.
 */
export async function startHost(routes) {
  const server = createHttpServer((req, res) => {
    const r = routes[req.url];
    if (r) {
      res.writeHead(200, { "content-type": r.type });
      res.end(r.body);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * The strict Content-Security-Policy of a host page of another origin that embeds the calculator
 * served from origin (scripts, the wasm, styles and frames from there only); extraScript is added
 * to script-src (e.g. "'self'" for a host page with its own script).
 */
export function hostCsp(origin, extraScript = "") {
  return `default-src 'none'; script-src ${extraScript ? `${extraScript} ` : ""}${origin} 'wasm-unsafe-eval'; connect-src ${origin}; style-src ${origin}; img-src ${origin} data:; frame-src ${origin}; base-uri 'none'; form-action 'none'`;
}
