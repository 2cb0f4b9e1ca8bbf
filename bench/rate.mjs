// Section 2: cashflowRate against numpy-financial's irr (PyPI, in .venv-bench) and npm financial's
// irr, on the 361 flows of the 360-month loan and on harder cases. Each answer is checked against an
// independent 40-digit decimal.js Newton solution ("truth") of the same flows.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Decimal from "decimal.js";
import { irr as finIrr } from "financial";
import { loanTerms, cashflowRate } from "../www/pkg/repay.js";
import { monthlyIrr } from "./reference-decimal.mjs";
import { measureTogether, us, fmtUs, table } from "./lib.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const VENV = path.join(ROOT, ".venv-bench");
const PY = path.join(VENV, "bin", "python");
export const PINS = { numpy: "2.2.6", "numpy-financial": "1.0.0" };
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Creates .venv-bench with the pinned numpy and numpy-financial from PyPI, unless already there. */
function ensureVenv() {
  const probe = () =>
    existsSync(PY) &&
    spawnSync(PY, ["-c", "import numpy, numpy_financial as f; print(numpy.__version__, f.__version__)"], { encoding: "utf8" })
      .stdout?.trim() === `${PINS.numpy} ${PINS["numpy-financial"]}`;
  if (probe()) return "present";
  const run = (cmd, args, env = process.env) => {
    const r = spawnSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
  };
  console.error(`creating .venv-bench (numpy==${PINS.numpy}, numpy-financial==${PINS["numpy-financial"]}, from PyPI)`);
  if (!existsSync(PY)) run("python3", ["-m", "venv", VENV]);
  // PIP_FIND_LINKS emptied: only the package index (PyPI), no local wheel folder.
  const env = { ...process.env, PIP_FIND_LINKS: "" };
  run(path.join(VENV, "bin", "pip"), ["install", "-q", `numpy==${PINS.numpy}`, `numpy-financial==${PINS["numpy-financial"]}`], env);
  if (!probe()) throw new Error(".venv-bench does not import the pinned versions");
  return "installed now";
}

/** The borrower's flows of a loanTerms output: +received at 0, −(payment) at each period. */
function loanFlows(input) {
  const out = loanTerms(input);
  for (const r of out.schedule) if (r.fees !== "0.00") throw new Error("bench case with per-row fees");
  return [{ amount: out.received, period: 0 }, ...out.schedule.map((r) => ({ amount: "-" + r.payment, period: r.period }))];
}

const CASES = [
  { key: "main", name: "1,000,000 at 4.9 %/yr, 360 months (361 flows)", input: { principal: "1000000", rate: { percent: "4.9", per: "year" }, periods: 360, method: "annuity" }, repeat: 15 },
  { key: "high", name: "10,000 at 10,000 %/yr, 600 months (601 flows)", input: { principal: "10000", rate: { percent: "10000", per: "year" }, periods: 600, method: "annuity" }, repeat: 5 },
  { key: "zero", name: "10,000 at 0 %, 360 months (361 flows)", input: { principal: "10000", rate: { percent: "0", per: "year" }, periods: 360, method: "annuity" }, repeat: 15 },
  { key: "fee", name: "10,000 at 24 %/yr, 12 months, 3,000 upfront fee (13 flows)", input: { principal: "10000", rate: { percent: "24", per: "year" }, periods: 12, method: "annuity", fees: [{ label: "service", amount: "3000", when: "upfront" }] }, repeat: 15 },
  { key: "fee36", name: "5,000 at 36 %/yr, 36 months, 40 % upfront fee (37 flows)", input: { principal: "5000", rate: { percent: "36", per: "year" }, periods: 36, method: "annuity", fees: [{ label: "service", percentOfPrincipal: "40", when: "upfront" }] }, repeat: 15 },
];

/** Half a unit of the 4th decimal of the periodic percent: the peer rounds to the same figure. */
const TOL_PERIODIC = 0.00005;

function verdict(answer, truthPct) {
  if (answer === null || answer === undefined || !Number.isFinite(answer)) return "NaN";
  return Math.abs(answer * 100 - truthPct) <= TOL_PERIODIC ? "right" : "wrong";
}

/** Half-up to four decimals, without the sign of a negative zero (the truth of a 0 % loan is −1e-30). */
const fixed4 = (x) => x.toFixed(4, Decimal.ROUND_HALF_UP).replace(/^-(0\.0000)$/, "$1");

export function runRate() {
  const venv = ensureVenv();
  const cases = CASES.map((c) => {
    const flows = loanFlows(c.input);
    const values = flows.map((f) => Number(f.amount));
    const received = new D(flows[0].amount);
    const payments = flows.slice(1).map((f) => new D(f.amount).neg());
    const start = new D(c.input.rate.percent).div(1200);
    const truth = monthlyIrr(received, payments, start.isZero() ? new D("0.01") : start);
    const truthPct = truth.times(100);
    let ours;
    try {
      ours = cashflowRate({ flows });
    } catch (e) {
      ours = { error: `${e.code}: ${e.message}` };
    }
    const oursRight =
      !ours.error &&
      ours.periodicPercent === fixed4(truthPct) &&
      ours.nominalPercent === fixed4(truth.times(1200));
    // A good guess for financial: the contract's rate per period (what a caller knows beforehand).
    const guess = Number(c.input.rate.percent) / 1200;
    const short = flows.length < 100;
    const [wasmT, finT, finGoodT] = measureTogether(
      [
        { fn: () => cashflowRate({ flows }), warmup: 30, perBatch: short ? 50 : 5 },
        { fn: () => finIrr(values), warmup: 30, perBatch: short ? 50 : 5 },
        { fn: () => finIrr(values, guess), warmup: 30, perBatch: short ? 50 : 5 },
      ],
      c.key === "main" ? 50 : 30,
    );
    const fin = finIrr(values);
    const finGood = finIrr(values, guess);
    return { ...c, flows, values, truth, truthPct, ours, oursRight, wasmT, finT, fin, guess, finGood, finGoodT };
  });

  const py = spawnSync(PY, [path.join(ROOT, "bench", "irr_numpy.py")], {
    input: JSON.stringify({ cases: cases.map((c) => ({ name: c.key, values: c.values, repeat: c.repeat })) }),
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (py.status !== 0) throw new Error(`irr_numpy.py failed: ${py.stderr}`);
  const np = JSON.parse(py.stdout);
  cases.forEach((c, i) => (c.np = np.cases[i]));

  const pct = (x) => (x === null || !Number.isFinite(x) ? "NaN" : `${(x * 100).toFixed(6)} %`);
  const rows = [];
  for (const c of cases) {
    rows.push([c.name, "truth (decimal.js 40 digits)", `${c.truthPct.toFixed(6).replace(/^-(0\.0+)$/, "$1")} %`, "", ""]);
    rows.push(["", "wasm cashflowRate", c.ours.error ?? `${c.ours.periodicPercent} % (nominal ${c.ours.nominalPercent} %)`, c.ours.error ? "ERROR" : c.oursRight ? "right" : "WRONG", us(c.wasmT)]);
    rows.push(["", `numpy-financial irr`, pct(c.np.answer) + (c.np.status !== "ok" ? ` (${c.np.status})` : ""), verdict(c.np.answer, c.truthPct.toNumber()), `median ${fmtUs(c.np.medianUs)} (${c.np.calls} calls, timeit)`]);
    rows.push(["", "npm financial irr (guess 0.1)", pct(c.fin), verdict(c.fin, c.truthPct.toNumber()), us(c.finT)]);
    rows.push(["", `npm financial irr (good guess ${c.guess.toPrecision(4)}, the contract rate)`, pct(c.finGood), verdict(c.finGood, c.truthPct.toNumber()), us(c.finGoodT)]);
    rows.push(["", "speed: wasm vs peers", "", "", `${(c.np.medianUs / c.wasmT.median).toFixed(0)}× faster than numpy-financial; ${(c.wasmT.median / c.finGoodT.median).toFixed(2)}× the time of financial with a good guess (${(c.wasmT.median / c.finT.median).toFixed(2)}× with 0.1)`]);
  }
  const main = cases[0];
  const finGuess = finIrr(main.values, 0.01);
  rows.push(["(informative) financial irr, main case, guess 0.01", "", pct(finGuess), verdict(finGuess, main.truthPct.toNumber()), "not timed"]);
  table(
    `cashflowRate vs numpy-financial ${np.versions.numpy_financial} (numpy ${np.versions.numpy}, Python ${np.versions.python}, venv ${venv}) and npm financial — periodic rate per month; right = within ±${TOL_PERIODIC} pp of truth`,
    ["Case", "Solver", "Answer (periodic)", "Right?", "Time per call"],
    rows,
  );
  console.log(`OpenBLAS/OpenMP environment of the numpy run (left as found): ${JSON.stringify(np.env)}`);

  const wrongCount = (k) => cases.filter((c) => (k === "wasm" ? !c.oursRight : k === "np" ? verdict(c.np.answer, c.truthPct.toNumber()) !== "right" : verdict(c.fin, c.truthPct.toNumber()) !== "right")).length;
  const vsFinGood = cases.map((c) => ({ key: c.key, flows: c.flows.length, ratio: c.wasmT.median / c.finGoodT.median }));
  return {
    vsFinGood,
    vsNumpy: main.np.medianUs / main.wasmT.median,
    vsNumpyMin: Math.min(...cases.map((c) => c.np.medianUs / c.wasmT.median)),
    wasmWrong: wrongCount("wasm"),
    npWrong: wrongCount("np"),
    finWrong: wrongCount("fin"),
    cases: cases.length,
    suspicious: cases.filter((c) => !c.oursRight).map((c) => ({ input: c.input, flowsHead: c.flows.slice(0, 3), ours: c.ours, truth: c.truthPct.toFixed(10) })),
  };
}
