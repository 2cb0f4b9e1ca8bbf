// Embeds on real host pages, from a host of another origin:
// - an iframe below the fold (Chromium throttles the rendering of off-screen
//   cross-origin frames) is sized to its content without being scrolled to,
//   and never to less than a sensible height while it loads;
// - theme="light|dark" on the element, and #theme= on the iframe, choose the
//   colours whatever the visitor's setting; --repay-radius reaches fields.
// Run: make build && node --test --test-concurrency=1 tests/browser/embed-fold.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, startHost, hostCsp } from "./helpers.mjs";

let calc;
let host;
let browser;
let origin;
const problems = [];

// The host's side of the height protocol, as docs/embedding.md gives it; it also notes every height reported.
const HOST_JS = (calcOrigin) => `
window.heights = [];
for (const f of document.querySelectorAll("iframe")) {
  addEventListener("message", (e) => {
    if (e.origin === ${JSON.stringify(calcOrigin)} && e.source === f.contentWindow && e.data?.type === "repay:height" && Number.isInteger(e.data.height)) {
      window.heights.push(e.data.height);
      f.height = String(e.data.height);
    }
  });
  const watch = () => f.contentWindow.postMessage({ type: "repay:watch-height" }, ${JSON.stringify(calcOrigin)});
  f.addEventListener("load", watch);
  watch();
}
`;

const page = (o, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${hostCsp(o, "'self'").replace("style-src ", "style-src 'self' ")}">
<link rel="stylesheet" href="/host.css">
<script type="module" src="${o}/repay-calculator.js"></script>
<script type="module" src="/host.js"></script><title>Host</title></head><body>${body}</body></html>`;

before(async () => {
  calc = await startServer();
  origin = calc.url.replace(/\/$/, "");
  const spacer = "<p>An article.</p>";
  host = await startHost({
    "/fold": { type: "text/html; charset=utf-8", body: page(origin, `${spacer}<div id="spacer"></div><iframe id="below" title="calc" width="360" src="${origin}/embed.html#panels=terms"></iframe>`) },
    "/theme": {
      type: "text/html; charset=utf-8",
      body: page(origin, `<repay-calculator id="dark" theme="dark" panels="terms"></repay-calculator><repay-calculator id="light" theme="light" panels="terms"></repay-calculator><iframe id="fdark" title="dark" width="360" height="400" src="${origin}/embed.html#panels=terms&amp;theme=dark"></iframe>`),
    },
    "/host.js": { type: "text/javascript", body: HOST_JS(origin) },
    "/host.css": { type: "text/css", body: "#spacer { height: 3000px; } repay-calculator#light { --repay-radius: 3px; }" },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await calc?.stop();
  await host?.close();
});

function watch(p) {
  p.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
  p.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
}

test("an iframe below the fold is sized to its content before it is scrolled to, and never to a loading line", async () => {
  const p = await browser.context.newPage();
  watch(p);
  await p.setViewportSize({ width: 360, height: 700 });
  // The spacer's height comes from the host's own stylesheet (no inline style under its CSP).
  await p.goto(`${host.origin}/fold`);
  const frame = () => p.frames().find((f) => f.url().startsWith(`${origin}/embed.html`));
  await p.waitForFunction(() => document.querySelector("iframe").getBoundingClientRect().top > 2000);
  // The calculator inside has its figures (polled on a timer: the off-screen frame draws no frames).
  const deadline = Date.now() + 30_000;
  let inner = null;
  for (;;) {
    inner = await frame()
      ?.evaluate(() => ({
        ready: !!document.querySelector("repay-calculator")?.shadowRoot?.querySelector('[data-testid="payment"]')?.textContent?.includes("¥") && !document.documentElement.classList.contains("repay-measuring"),
        height: Math.ceil(document.documentElement.getBoundingClientRect().height),
      }))
      .catch(() => null);
    const outer = Number(await p.locator("#below").getAttribute("height"));
    if (inner?.ready && Math.abs(outer - inner.height) <= 1) break;
    assert.ok(Date.now() < deadline, `the frame is ${outer} px high for ${inner?.height} px of content, below the fold`);
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(inner.height > 1000, `the loan-terms panel is tall: ${inner.height}`);
  const heights = await p.evaluate(() => window.heights);
  assert.ok(heights.length >= 1);
  assert.ok(heights.every((h) => h >= 600), `never a loading line: ${heights}`);
  await p.close();
});

test("theme chooses the colours whatever the visitor's setting, and --repay-radius reaches the fields", async () => {
  const p = await browser.context.newPage();
  watch(p);
  await p.emulateMedia({ colorScheme: "light" });
  await p.goto(`${host.origin}/theme`);
  const bg = (id) => p.evaluate((i) => getComputedStyle(document.getElementById(i).shadowRoot.querySelector(".repay-embed")).getPropertyValue("--bg").trim(), id);
  await p.waitForFunction(() => ["dark", "light"].every((i) => document.getElementById(i).shadowRoot?.querySelector('[data-testid="payment"]')?.textContent.includes("¥")));
  assert.equal(await bg("dark"), "#15181b");
  assert.equal(await bg("light"), "#faf9f6");
  await p.emulateMedia({ colorScheme: "dark" });
  assert.equal(await bg("light"), "#faf9f6");
  assert.equal(await bg("dark"), "#15181b");
  // The iframe with #theme=dark in a light setting.
  await p.emulateMedia({ colorScheme: "light" });
  const fr = p.frames().find((f) => f.url().includes("theme=dark"));
  await fr.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  assert.equal(await fr.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(21, 24, 27)");
  // --repay-radius set by the host on the element reaches its inputs.
  const radius = await p.evaluate(() => getComputedStyle(document.getElementById("light").shadowRoot.querySelector("input")).borderTopLeftRadius);
  assert.equal(radius, "3px");
  await p.close();
});

test("no console errors or page errors", () => {
  assert.deepEqual(problems, []);
});
