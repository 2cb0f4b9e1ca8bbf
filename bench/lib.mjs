// Shared by the bench sections: batch timing with process.hrtime.bigint() and the table printer.

export let sink = 0; // keeps results alive so no call is optimised away

function touch(r) {
  return typeof r === "number" ? (r > 0 ? 1 : 0) : r?.schedule?.length ?? r?.months ?? (r ? 1 : 0);
}

/**
 * Times several functions together: each is warmed up, then `rounds` rounds run one batch of
 * `perBatch` calls of every function in turn, so a busy machine slows them all alike.
 * Returns, per function, the median and p90 of the per-call time of its batches, in µs.
 */
export function measureTogether(specs, rounds) {
  for (const s of specs) for (let i = 0; i < s.warmup; i++) sink ^= touch(s.fn());
  const perCall = specs.map(() => []);
  for (let r = 0; r < rounds; r++) {
    specs.forEach((s, j) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < s.perBatch; i++) sink ^= touch(s.fn());
      const t1 = process.hrtime.bigint();
      perCall[j].push(Number(t1 - t0) / 1000 / s.perBatch);
    });
  }
  return perCall.map((times, j) => {
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
    return { median: q(0.5), p90: q(0.9), calls: rounds * specs[j].perBatch };
  });
}

export const us = (t) => `median ${fmtUs(t.median)}, p90 ${fmtUs(t.p90)} (${t.calls} calls)`;
export function fmtUs(x) {
  if (!Number.isFinite(x)) return String(x);
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} ms`;
  if (x >= 1000) return `${(x / 1000).toFixed(2)} ms`;
  return `${x.toFixed(1)} µs`;
}
export const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
export const met = (ok) => (ok ? "MET" : "NOT MET");

/** Prints a titled markdown table; rows are arrays of strings (shorter rows are padded). */
export function table(title, head, rows) {
  const cells = rows.map((r) => head.map((_, c) => String(r[c] ?? "")));
  const width = head.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c].length)));
  const line = (cs) => `| ${cs.map((s, c) => s.padEnd(width[c])).join(" | ")} |`;
  console.log(`\n## ${title}`);
  console.log(line(head));
  console.log(`|${width.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of cells) console.log(line(r));
}
