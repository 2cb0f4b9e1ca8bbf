// Sections 4 and 5: the page in headless Debian Chromium (playwright-core, the browser tests' flags).
// - cold loads (browser cache cleared and disabled): time from navigation start to the first computed
//   result (the terms panel's monthly payment shows a figure), measured in the page by a
//   MutationObserver against performance.now() (0 = navigation start); then the same on a cheap
//   phone's mobile network (SLOW_PHONE: Lighthouse's mobile throttling), from the built site
//   (dist/site/) served as a static host serves it (scripts/serve.py: the precompressed brotli files);
// - one keystroke in the terms panel, then, inside the page, the median time of a full recompute of
//   every panel: the engine calls each panel made for its current inputs (recorded by a wrapper
//   served at /engine.js for that page only — www/ is not changed), replayed through the page's own
//   engine.js; against the decimal.js reference (bench/reference-decimal.mjs served at /__bench/);
// - sizes of every response of the first cold load, raw / gzip -9 / brotli 11 (collected by
//   tests/browser/first-load.mjs, which the size-budget test shares);
// - a first visit with the service worker (a fresh profile, until "ready to work offline"): every
//   byte on the wire, the worker's included, against the page's own (first-load.mjs firstVisit).
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { startServer, launchBrowser, ROOT, ARGS } from "../tests/browser/helpers.mjs";
import { firstLoad, firstResultProbe, embedLoad, firstVisit, ELEMENT_HOST, SLOW_PHONE } from "../tests/browser/first-load.mjs";
import { table, kb, fmtUs } from "./lib.mjs";

const LOADS = 5;
const PAYMENT = '#panel-terms [data-testid="payment"]';

const WRAPPER = `
export * from "./engine.js?real";
import * as real from "./engine.js?real";
const log = (globalThis.__benchCalls = []);
let task = 0, pending = false;
const rec = (name) => (input) => {
  if (!pending) { pending = true; queueMicrotask(() => { pending = false; task++; }); }
  const m = (new Error().stack || "").match(/\\/panels\\/([\\w-]+)\\.js/);
  log.push({ name, panel: m ? m[1] : "app", task, at: performance.now(), input: input === undefined ? undefined : structuredClone(input) });
  return real[name](input);
};
${["loanTerms", "cashflowRate", "overdueCost", "repaymentPlans", "debtPlan", "legalRules"].map((n) => `export const ${n} = rec(${JSON.stringify(n)});`).join("\n")}
`;

const referenceBody = () => readFileSync(path.join(ROOT, "bench/reference-decimal.mjs"), "utf8").replace(/from "decimal\.js"/, 'from "./decimal.mjs"');
const decimalBody = () => readFileSync(path.join(ROOT, "node_modules/decimal.js/decimal.mjs"), "utf8");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** When a cold load's milestones happened (ms after navigation start), read in the page. */
const loadTimes = (page) =>
  page.evaluate(() => {
    const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
    return {
      first: window.__firstResult,
      text: window.__firstResultText,
      dcl: performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd,
      wasmStart: wasm?.startTime,
      wasm: wasm?.responseEnd,
    };
  });

export async function runPage() {
  const server = await startServer();
  const browser = await launchBrowser();
  const { context } = browser;
  const origin = server.url.replace(/\/$/, "");
  try {
    await context.addInitScript(firstResultProbe);
    // ---- cold loads ---------------------------------------------------------------------------
    const loads = [];
    let assets = null;
    for (let i = 0; i < LOADS; i++) {
      // The first load's assets are collected by the function the size-budget test uses too.
      const load = await firstLoad(context, server.url, {
        assets: i === 0,
        measure: loadTimes,
      });
      loads.push({ ...load.measured, wall: load.wall });
      if (i === 0) assets = load.assets;
    }

    const slowLoads = [];
    for (let i = 0; i < LOADS; i++) {
      const load = await firstLoad(context, server.url, {
        assets: false,
        throttle: SLOW_PHONE,
        measure: loadTimes,
      });
      slowLoads.push(load.measured);
    }

    // ---- one keystroke, then the full recompute measured in the page ----------------------------
    const page = await context.newPage();
    const isEngine = (u) => {
      const url = new URL(u);
      return url.pathname === "/engine.js" && url.search === "";
    };
    await page.route(isEngine, (route) => route.fulfill({ contentType: "text/javascript", body: WRAPPER }));
    await page.route(`${origin}/__bench/reference-decimal.mjs`, (route) => route.fulfill({ contentType: "text/javascript", body: referenceBody() }));
    await page.route(`${origin}/__bench/decimal.mjs`, (route) => route.fulfill({ contentType: "text/javascript", body: decimalBody() }));
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => window.__firstResult !== undefined);
    // Give the debts panel something to compute (its two rows start empty), as a person would.
    const rows = page.locator("#panel-debts .debt-row");
    const fill = async (row, sel, v) => rows.nth(row).locator(`${sel} input`).fill(v);
    await fill(0, ".field-debtName", "信用卡");
    await fill(0, ".field-debtBalance", "20000");
    await fill(0, ".field-debtRate", "18");
    await fill(0, ".field-debtMin", "600");
    await fill(1, ".field-debtName", "网贷");
    await fill(1, ".field-debtBalance", "8000");
    await fill(1, ".field-debtRate", "36");
    await fill(1, ".field-debtMin", "400");
    await page.locator("#panel-debts .field-debtBudget input").fill("1500");
    const quiet = async () => {
      // Quiet = no new engine call for 3 × 300 ms in a row (the panels debounce 150 ms).
      let n = -1;
      let still = 0;
      for (let k = 0; k < 40 && still < 3; k++) {
        await page.waitForTimeout(300);
        const m = await page.evaluate(() => globalThis.__benchCalls.length);
        still = m === n ? still + 1 : 0;
        n = m;
      }
    };
    await quiet();
    const before = await page.evaluate(() => globalThis.__benchCalls.length);
    const principal = page.locator("#panel-terms .field-principal input");
    await principal.focus();
    await principal.press("End");
    const pressedAt = await page.evaluate(() => performance.now());
    await page.keyboard.press("0"); // 10000 → 100000
    await quiet();
    const inPage = await page.evaluate(
      async ({ before, pressedAt }) => {
        const calls = globalThis.__benchCalls;
        const cascade = calls.slice(before).map((c) => `${c.panel}:${c.name} (+${(c.at - pressedAt).toFixed(0)} ms)`);
        // Each panel's latest task = the calls it makes for its current inputs.
        const lastTask = new Map();
        for (const c of calls) lastTask.set(c.panel, c.task);
        const set = calls.filter((c) => lastTask.get(c.panel) === c.task && c.panel !== "app");
        const engine = await import("./engine.js?real");
        const ref = await import("./__bench/reference-decimal.mjs");
        const errors = [];
        for (const c of set) {
          const r = engine[c.name](c.input);
          if (!r.ok) errors.push(`${c.panel}:${c.name} ${JSON.stringify(c.input)} → ${JSON.stringify(r.error)}`);
        }
        const terms = set.find((c) => c.panel === "terms" && c.name === "loanTerms")?.input;
        // The decimal.js reference does the annuity schedule + APR only: the terms panel's job.
        const refOk = terms && terms.method === "annuity" && terms.rate.per === "year" && !terms.fees && !terms.prepayments;
        const jobs = {
          full: () => { for (const c of set) engine[c.name](c.input); },
          termsWasm: () => engine.loanTerms(terms),
          termsDecimal: () => ref.annuityTerms(terms.principal, terms.rate.percent, Number(terms.periods)),
        };
        // Same figures? (schedule strings and APR)
        let same = "n/a";
        if (refOk) {
          const a = engine.loanTerms(terms).value, b = jobs.termsDecimal();
          same = a.schedule.length === b.schedule.length && a.schedule.every((r, k) => ["payment", "principal", "interest", "balance"].every((f) => r[f] === b.schedule[k][f])) && a.apr.nominalPercent === b.apr.nominalPercent ? "yes" : `no: wasm ${a.apr.nominalPercent} / ${a.schedule.at(-1).payment} vs ref ${b.apr.nominalPercent} / ${b.schedule.at(-1).payment}`;
        }
        // performance.now() is coarse (≈0.1 ms) here: time batches of ≥ 20 ms, 25 samples each,
        // interleaved so the page's state affects all three alike.
        const names = refOk ? ["full", "termsWasm", "termsDecimal"] : ["full", "termsWasm"];
        const batch = {};
        for (const n of names) {
          for (let i = 0; i < 5; i++) jobs[n]();
          let k = 1;
          for (;;) {
            const t0 = performance.now();
            for (let i = 0; i < k; i++) jobs[n]();
            if (performance.now() - t0 >= 20) break;
            k *= 2;
          }
          batch[n] = k;
        }
        const samples = Object.fromEntries(names.map((n) => [n, []]));
        for (let s = 0; s < 25; s++) {
          for (const n of names) {
            const t0 = performance.now();
            for (let i = 0; i < batch[n]; i++) jobs[n]();
            samples[n].push(((performance.now() - t0) * 1000) / batch[n]);
          }
        }
        const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
        const t = Object.fromEntries(names.map((n) => [n, { median: med(samples[n]), p90: p90(samples[n]), calls: 25 * batch[n] }]));
        // Each panel's share of the full recompute (median of 15 single-batch runs).
        const perPanel = {};
        for (const p of [...new Set(set.map((c) => c.panel))]) {
          const mine = set.filter((c) => c.panel === p);
          const xs = [];
          for (let s = 0; s < 15; s++) {
            const t0 = performance.now();
            for (let i = 0; i < 10; i++) for (const c of mine) engine[c.name](c.input);
            xs.push(((performance.now() - t0) * 1000) / 10);
          }
          perPanel[p] = { calls: mine.map((c) => c.name + (c.name === "debtPlan" ? `(compare=${c.input.compare !== false})` : "")), median: med(xs) };
        }
        return { cascade, set: set.map((c) => ({ panel: c.panel, name: c.name, input: c.input })), errors, terms, t, perPanel, same, refOk };
      },
      { before, pressedAt },
    );
    await page.close();
    // The terms panel alone as an embed: the iframe page and the element (size-budget.test.mjs too).
    const embeds = {
      iframe: await embedLoad(context, `${server.url}embed.html#panels=terms`),
      element: await embedLoad(context, `${server.url}__element-host.html`, { "/__element-host.html": ELEMENT_HOST }),
    };
    const visit = await firstVisit(chromium, server.url, ARGS);
    return { loads, slowLoads, assets, embeds, inPage, pageErrors, visit };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function printPage({ loads, slowLoads, inPage }) {
  const FRAME_US = 1e6 / 60;
  const rows = [];
  const ms = (x) => (x === undefined ? "?" : `${x.toFixed(0)} ms`);
  rows.push([
    `navigation → first result (terms panel's monthly payment "${loads[0].text}"), ${loads.length} cold loads`,
    `median ${ms(median(loads.map((l) => l.first)))} (min ${ms(Math.min(...loads.map((l) => l.first)))}, max ${ms(Math.max(...loads.map((l) => l.first)))})`,
    `DOMContentLoaded ${ms(median(loads.map((l) => l.dcl)))}, wasm received ${ms(median(loads.map((l) => l.wasm)))}; Node wall clock goto→result ${ms(median(loads.map((l) => l.wall)))}`,
  ]);
  rows.push([
    `  the same on a cheap phone (${SLOW_PHONE.latency} ms per request, ${(SLOW_PHONE.downloadThroughput * 8) / 1e6} Mbit/s, CPU ${SLOW_PHONE.cpuSlowdown}× slower; dist/site, brotli), ${slowLoads.length} cold loads`,
    `median ${ms(median(slowLoads.map((l) => l.first)))} (min ${ms(Math.min(...slowLoads.map((l) => l.first)))}, max ${ms(Math.max(...slowLoads.map((l) => l.first)))})`,
    `wasm requested at ${ms(median(slowLoads.map((l) => l.wasmStart)))} (preloaded by index.html), received ${ms(median(slowLoads.map((l) => l.wasm)))}`,
  ]);
  const { t, perPanel } = inPage;
  rows.push([
    `full recompute of every panel (wasm, ${inPage.set.length} engine calls)`,
    `median ${fmtUs(t.full.median)}, p90 ${fmtUs(t.full.p90)} (${t.full.calls} runs)`,
    `${((t.full.median / FRAME_US) * 100).toFixed(1)} % of a 60 Hz frame (goal < 10 %, ${fmtUs(FRAME_US / 10)})`,
  ]);
  for (const [p, v] of Object.entries(perPanel)) rows.push([`  of which panel ${p}`, `median ${fmtUs(v.median)}`, v.calls.join(", ")]);
  rows.push([`terms panel only, wasm loanTerms (${JSON.stringify(inPage.terms)})`, `median ${fmtUs(t.termsWasm.median)}, p90 ${fmtUs(t.termsWasm.p90)} (${t.termsWasm.calls} runs)`, ""]);
  if (inPage.refOk) {
    rows.push(["terms panel only, decimal.js reference recompute (same page)", `median ${fmtUs(t.termsDecimal.median)}, p90 ${fmtUs(t.termsDecimal.p90)} (${t.termsDecimal.calls} runs)`, `same figures as wasm: ${inPage.same}`]);
    rows.push(["  wasm vs decimal.js, terms panel", `${(t.termsDecimal.median / t.termsWasm.median).toFixed(1)}× faster`, "like for like"]);
    rows.push(["  wasm full recompute (all panels) vs decimal.js terms only", `${(t.termsDecimal.median / t.full.median).toFixed(2)}×`, "the reference covers only the annuity schedule + APR"]);
  } else {
    rows.push(["decimal.js reference", "n/a", "terms input is not a plain annuity with a yearly rate"]);
  }
  table("The page (headless Chromium, in-page performance.now)", ["Measure", "Result", "Notes"], rows);
  console.log(`Calls after one keystroke in the terms principal (10000 → 100000), in order: ${inPage.cascade.join(", ") || "(none)"}`);
  if (inPage.errors.length) console.log(`Engine errors on the page's current inputs: ${inPage.errors.join("; ")}`);
  return { fullUs: t.full.median, frameShare: t.full.median / FRAME_US, firstMs: median(loads.map((l) => l.first)), slowFirstMs: median(slowLoads.map((l) => l.first)) };
}

export function printSizes(assets, embeds, visit) {
  // The goals are the size-budget test's (tests/size-budget.json), so both say the same.
  const { goal } = JSON.parse(readFileSync(path.join(ROOT, "tests/size-budget.json"), "utf8"));
  const sumOf = (list, k = "brotli") => list.reduce((s, a) => s + a[k], 0);
  const rows = assets.map((a) => [(a.beforeFirst ? "* " : "  ") + a.path + (a.times > 1 ? ` (requested ${a.times}×, counted once)` : ""), a.type, String(a.raw), String(a.brotli), String(a.gzip)]);
  const before = assets.filter((a) => a.beforeFirst);
  const three = (list) => ["raw", "brotli", "gzip"].map((k) => `${sumOf(list, k)} (${kb(sumOf(list, k))})`);
  rows.push([`BEFORE THE FIRST RESULT (*, ${before.length} assets)`, "", ...three(before)]);
  rows.push([`WHOLE PAGE (${assets.length} distinct assets)`, "", ...three(assets)]);
  table("Page assets of the built site (every response of a cold load in Chromium until the network is idle; * = asked for before the first result; bytes)", ["Asset", "Type", "Raw", "Brotli 11 (as served)", "Gzip -9"], rows);
  const embed = (k) => Math.max(sumOf(embeds.iframe, k), sumOf(embeds.element, k));
  const weights = { beforeFirst: sumOf(before), whole: sumOf(assets), embed: embed("brotli") };
  const both = (br, gz) => `${br} B (${kb(br)}) brotli; ${gz} B (${kb(gz)}) gzip`;
  const rowsGoals = [
    [`bytes before the first result ≤ ${kb(goal.beforeFirstResultBrotli)} brotli`, both(weights.beforeFirst, sumOf(before, "gzip")), weights.beforeFirst <= goal.beforeFirstResultBrotli],
    [`whole page, every panel loaded ≤ ${kb(goal.wholePageBrotli)} brotli`, both(weights.whole, sumOf(assets, "gzip")), weights.whole <= goal.wholePageBrotli],
    [`terms panel alone, embedded ≤ ${kb(goal.embedTermsBrotli)} brotli (iframe ${sumOf(embeds.iframe)} B, element ${sumOf(embeds.element)} B)`, both(weights.embed, embed("gzip")), weights.embed <= goal.embedTermsBrotli],
  ];
  if (visit) {
    rowsGoals.push([
      `first visit incl. the offline cache ≤ ${goal.firstVisitRatio} × the whole page (bytes on the wire, headers included)`,
      `${visit.ratio.toFixed(3)} × (page ${visit.page} B + service worker ${visit.worker} B${visit.fetchedAgain.length ? `; downloaded twice: ${visit.fetchedAgain.join(" ")}` : ""})`,
      visit.ratio <= goal.firstVisitRatio,
    ]);
  }
  table("Size goals", ["Goal", "Result", "Status"], rowsGoals.map(([g, r, ok]) => [g, r, ok ? "MET" : "NOT MET"]));
  return { rows: rowsGoals, weights };
}
