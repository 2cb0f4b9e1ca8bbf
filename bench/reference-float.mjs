// The same algorithm as reference-decimal.mjs in plain JS numbers (IEEE doubles): what a typical
// JS loan calculator does. Cents are rounded half-up with Math.round(x × 100) / 100, and the
// balance is kept rounded to cents so that it does not drift.
const cents = (x) => Math.round(x * 100) / 100;
const money = (x) => cents(x).toFixed(2);
const percent = (x) => (Math.round(x * 1e4) / 1e4).toFixed(4);

/** Annuity schedule and APR for `principal` at `yearPercent` (numbers) over `periods` months. */
export function annuityTerms(principal, yearPercent, periods) {
  const r = yearPercent / 1200;
  const level = r === 0 ? cents(principal / periods) : cents((principal * r) / (1 - (1 + r) ** -periods));
  const schedule = [];
  const payments = [];
  let balance = principal;
  for (let k = 1; k <= periods; k++) {
    const interest = cents((balance * yearPercent) / 1200);
    let prin = Math.max(level - interest, 0);
    if (k === periods || prin >= balance) prin = balance;
    balance = cents(balance - prin);
    const payment = cents(prin + interest);
    payments.push(payment);
    schedule.push({
      period: k,
      payment: money(payment),
      principal: money(prin),
      interest: money(interest),
      fees: "0.00",
      balance: money(balance),
    });
    if (balance === 0) break;
  }
  const i = monthlyIrr(principal, payments, r);
  const apr = {
    periodicPercent: percent(i * 100),
    nominalPercent: percent(i * 1200),
    effectivePercent: percent(((1 + i) ** 12 - 1) * 100),
  };
  return { schedule, apr };
}

/** Newton's method on received − Σ payment_k (1+i)^−k, as in the decimal reference. */
export function monthlyIrr(received, payments, start) {
  let i = start === 0 ? 0.01 : start;
  for (let step = 0; step < 100; step++) {
    const v = 1 / (1 + i);
    let f = 0;
    let df = 0;
    for (let k = payments.length; k >= 1; k--) {
      df = df * v + f;
      f = f * v - payments[k - 1];
    }
    df = df * v + f;
    f = f * v + received;
    const delta = f / (-df * v * v);
    i -= delta;
    if (Math.abs(delta) <= 1e-15 * Math.max(1, Math.abs(i))) return i;
  }
  return i; // doubles may stall a few ulps away from 1e-15; the last iterate is as good as it gets
}
