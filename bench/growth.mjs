// Section 3: how the cost grows — loanTerms at 12, 120, 360, 600 periods; debtPlan at 1, 10, 50
// debts over ~600 months (each minimum just above its interest, budget = the sum of the minimums,
// so every debt runs about 600 months).
import { loanTerms, debtPlan } from "../www/pkg/repay.js";
import { measureTogether, us, table } from "./lib.mjs";

const PERIODS = [12, 120, 360, 600];
const DEBTS = [1, 10, 50];

/** n debts at 12 %/yr, balances 5,000…; minimum = balance × 1.00257 % (≈ 600 months at 1 %/month). */
export function debtInput(n) {
  const debts = [];
  let budget = 0n;
  for (let i = 0; i < n; i++) {
    const cents = BigInt(500000 + 37 * 100 * i); // 5,000.00 + 37 × i
    const min = (cents * 100257n + 5000000n) / 10000000n; // balance × 0.0100257, half-up to cents
    budget += min;
    debts.push({ name: `d${i + 1}`, balance: fmt(cents), rate: { percent: "12", per: "year" }, minPayment: fmt(min) });
  }
  return { debts, monthlyBudget: fmt(budget), strategy: "avalanche" };
}
const fmt = (c) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`;

/** Linear when the marginal cost per unit varies by less than ±35 % around its median. */
function linearity(points) {
  const marg = points.slice(1).map((p) => (p.t - points[0].t) / (p.n - points[0].n));
  const sorted = [...marg].sort((a, b) => a - b);
  const med = sorted[Math.floor(sorted.length / 2)];
  const spread = Math.max(...marg.map((m) => Math.abs(m / med - 1)));
  return { marg, linear: spread <= 0.35, spread };
}

export function runGrowth() {
  const lt = PERIODS.map((n) => ({ n, input: { principal: "1000000", rate: { percent: "4.9", per: "year" }, periods: n, method: "annuity" } }));
  const ltT = measureTogether(
    lt.map((c) => ({ fn: () => loanTerms(c.input), warmup: Math.ceil(3000 / c.n), perBatch: Math.max(2, Math.ceil(600 / c.n)) })),
    40,
  );
  const dp = DEBTS.map((n) => {
    const input = debtInput(n);
    const out = debtPlan(input);
    return { n, input, out };
  });
  const dpT = measureTogether(
    dp.map((c) => ({ fn: () => debtPlan(c.input), warmup: Math.ceil(20 / c.n), perBatch: c.n >= 50 ? 1 : c.n >= 10 ? 2 : 10 })),
    c_rounds(),
  );
  const ltLin = linearity(lt.map((c, i) => ({ n: c.n, t: ltT[i].median })));
  const dpLin = linearity(dp.map((c, i) => ({ n: c.n * c.out.months, t: dpT[i].median })));
  const rows = [];
  lt.forEach((c, i) => {
    rows.push([
      `loanTerms annuity, ${c.n} periods`,
      us(ltT[i]),
      `${(ltT[i].median / ltT[0].median).toFixed(1)}× (size ${(c.n / lt[0].n).toFixed(0)}×)`,
      `${(ltT[i].median / c.n).toFixed(2)} µs/period` + (i ? `; marginal ${ltLin.marg[i - 1].toFixed(2)} µs/period` : ""),
    ]);
  });
  rows.push(["  loanTerms growth", ltLin.linear ? "linear" : "NOT linear", "", `marginal cost per period within ±${(ltLin.spread * 100).toFixed(0)} % (linear if ≤ ±35 %)`]);
  dp.forEach((c, i) => {
    const d = c.out;
    const last = Math.max(...d.payoff.map((p) => p.month));
    rows.push([
      `debtPlan avalanche, ${c.n} debt${c.n > 1 ? "s" : ""} (budget ${c.input.monthlyBudget})`,
      us(dpT[i]),
      `${(dpT[i].median / dpT[0].median).toFixed(1)}× (size ${((c.n * d.months) / (dp[0].n * dp[0].out.months)).toFixed(1)}×)`,
      `feasible ${d.feasible}, ${d.months} months (payoffs ${Math.min(...d.payoff.map((p) => p.month))}–${last}); ${(dpT[i].median / (c.n * d.months)).toFixed(3)} µs/debt-month`,
    ]);
  });
  rows.push(["  debtPlan growth", dpLin.linear ? "linear" : "NOT linear", "", `in debts × months; marginal cost per debt-month within ±${(dpLin.spread * 100).toFixed(0)} %`]);
  table("Growth (time per call; ratio to the smallest case)", ["Case", "Time per call", "Ratio to smallest", "Notes"], rows);
  return { ltLinear: ltLin.linear, dpLinear: dpLin.linear, months: dp.map((c) => c.out.months) };
}
const c_rounds = () => 12;
