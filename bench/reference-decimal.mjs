// A JS reference for the 360-month annuity benchmark, in exact decimals (decimal.js), following the
// rounding policy of docs/api.md: interest per row = balance × percent ÷ 1200 computed exactly, then
// rounded half-up to cents; the level payment is the exact annuity payment rounded half-up to cents;
// the last row clears the balance. The true cost is the monthly IRR of +principal, −payments found by
// Newton's method to 1e-15; nominal = IRR × 12, effective = (1 + IRR)^12 − 1. Output strings have the
// API's formats (money with two decimals, percents with four, both half-up).
import Decimal from "decimal.js";

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const ZERO = new D(0);
const ONE = new D(1);
const TOLERANCE = new D("1e-15");
const cents = (x) => x.toDecimalPlaces(2, D.ROUND_HALF_UP);
const money = (x) => x.toFixed(2, D.ROUND_HALF_UP);
const percent = (x) => x.toFixed(4, D.ROUND_HALF_UP);

/** Annuity schedule and APR for `principal` (string) at `yearPercent` (string) over `periods` months. */
export function annuityTerms(principal, yearPercent, periods) {
  const p = new D(principal);
  const pct = new D(yearPercent);
  const r = pct.div(1200);
  const level = r.isZero() ? cents(p.div(periods)) : cents(p.times(r).div(ONE.minus(ONE.plus(r).pow(-periods))));
  const schedule = [];
  const payments = [];
  let balance = p;
  for (let k = 1; k <= periods; k++) {
    const interest = cents(balance.times(pct).div(1200));
    let prin = level.minus(interest);
    if (prin.isNegative()) prin = ZERO;
    if (k === periods || prin.gte(balance)) prin = balance;
    balance = balance.minus(prin);
    const payment = prin.plus(interest);
    payments.push(payment);
    schedule.push({
      period: k,
      payment: money(payment),
      principal: money(prin),
      interest: money(interest),
      fees: "0.00",
      balance: money(balance),
    });
    if (balance.isZero()) break;
  }
  const i = monthlyIrr(p, payments, r);
  const apr = {
    periodicPercent: percent(i.times(100)),
    nominalPercent: percent(i.times(1200)),
    effectivePercent: percent(ONE.plus(i).pow(12).minus(1).times(100)),
  };
  return { schedule, apr };
}

/** The monthly rate i with received − Σ payment_k (1+i)^−k = 0, by Newton's method from `start`. */
export function monthlyIrr(received, payments, start) {
  let i = start.isZero() ? new D("0.01") : start;
  for (let step = 0; step < 100; step++) {
    // f(v) = received − Σ c_k v^k and f'(v) by Horner, v = 1 / (1 + i); df/di = f'(v) · (−v²).
    const v = ONE.div(ONE.plus(i));
    let f = ZERO;
    let df = ZERO;
    for (let k = payments.length; k >= 1; k--) {
      df = df.times(v).plus(f);
      f = f.times(v).minus(payments[k - 1]);
    }
    df = df.times(v).plus(f);
    f = f.times(v).plus(received);
    const slope = df.times(v).times(v).neg();
    const delta = f.div(slope);
    i = i.minus(delta);
    if (delta.abs().lte(TOLERANCE)) return i;
  }
  throw new Error("Newton's method did not converge");
}
