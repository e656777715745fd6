// One timed case of `npm run bench:queue`: p50/p95 in milliseconds against its own target,
// or (limit null) a baseline measured in the same run, printed for comparison.
export type TBenchCase = { name: string; rows: number; p50: number; p95: number; limit: number | null };

/** p50 and p95 of a list of timings (ms). */
export function percentiles(times: number[]): { p50: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

/** Runs `fn` once to warm up, then `runs` times, timing each. */
export async function timeRuns(
  runs: number,
  fn: () => Promise<number>,
): Promise<{ rows: number; p50: number; p95: number }> {
  await fn();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = await fn();
    times.push(performance.now() - t0);
  }
  return { rows, ...percentiles(times) };
}
