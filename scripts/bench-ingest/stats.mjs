// The figures of one bench:ingest phase: counts by status, latencies and their
// percentiles, refusals (503) and how fast they came, a sample body per status.

/** "Answered within 1 s": the overload target's bound. */
export const ANSWERED_WITHIN_MS = 1_000;

/** okStatus: the one status that means "stored" (the form's 303), else any 2xx. */
export function newStats(expected = 0, okStatus = null) {
  return {
    okStatus,
    shedLatencies: [], // 503s only: how fast a refusal comes
    shedAt: [], // 503s only, open loops: when it was due (ms into the phase), for the refusals' p99 second by second
    noRetryAfter: 0, // 503s without Retry-After
    sent: 0,
    completed: 0, // an HTTP response, whatever its status
    ok: 0, // 2xx
    byStatus: {},
    errors: {}, // network errors and timeouts, by code
    errorCount: 0,
    samples: {}, // first body per non-2xx status
    latencies: expected ? new Float64Array(expected) : [],
    nLat: 0,
  };
}

export function record(stats, status, error, latencyMs, sample, retryAfter, atMs = null) {
  if (status === 0) {
    stats.errorCount++;
    stats.errors[error] = (stats.errors[error] ?? 0) + 1;
    return;
  }
  stats.completed++;
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  if (stats.okStatus ? status === stats.okStatus : status >= 200 && status < 300) stats.ok++;
  if (status === 503) {
    stats.shedLatencies.push(latencyMs);
    if (atMs !== null) stats.shedAt.push(atMs);
    if (!retryAfter) stats.noRetryAfter++;
  } else if (sample !== null && !(status in stats.samples)) stats.samples[status] = sample;
  if (Array.isArray(stats.latencies)) stats.latencies.push(latencyMs);
  else stats.latencies[stats.nLat] = latencyMs;
  stats.nLat++;
}

/** Nearest-rank percentile of a sorted array. */
export const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : null;
export const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

export function summarize(stats, elapsedMs, extra = {}) {
  const sorted = Float64Array.from(stats.latencies.slice(0, stats.nLat)).sort();
  const okStatus = (s) => (stats.okStatus ? Number(s) === stats.okStatus : s >= 200 && s < 300);
  const non2xx = Object.fromEntries(Object.entries(stats.byStatus).filter(([s]) => !okStatus(s)));
  const shed = Float64Array.from(stats.shedLatencies).sort();
  let within1s = 0;
  for (const l of sorted) if (l <= ANSWERED_WITHIN_MS) within1s++;
  return {
    sent: stats.sent,
    completed: stats.completed,
    ok2xx: stats.ok,
    status201: stats.byStatus[201] ?? 0,
    byStatus: stats.byStatus,
    non2xx,
    non2xxCount: stats.completed - stats.ok,
    errors: stats.errors,
    errorCount: stats.errorCount,
    elapsedS: round(elapsedMs / 1000, 3),
    throughput2xx: round(stats.ok / (elapsedMs / 1000), 1),
    latencyMs: {
      over: "responses received (any status); errors and timeouts excluded",
      p50: round(pct(sorted, 0.5)),
      p90: round(pct(sorted, 0.9)),
      p99: round(pct(sorted, 0.99)),
      max: round(sorted.length ? sorted[sorted.length - 1] : null),
    },
    answeredWithin1s: within1s,
    shed503: {
      count: shed.length,
      p50: round(pct(shed, 0.5)),
      p99: round(pct(shed, 0.99)),
      max: round(shed.length ? shed[shed.length - 1] : null),
      withoutRetryAfter: stats.noRetryAfter,
      p99BySecond: bySecond(stats.shedAt, stats.shedLatencies),
    },
    samples: stats.samples,
    ...extra,
  };
}

/** The p99 of `latencies` per second of `at` (ms into the phase): where in a phase slow refusals came. */
function bySecond(at, latencies) {
  if (!at.length) return undefined;
  const seconds = [];
  at.forEach((ms, i) => (seconds[Math.floor(ms / 1000)] ??= []).push(latencies[i]));
  return Array.from(seconds, (l) => (l ? round(pct(Float64Array.from(l).sort(), 0.99)) : null));
}

export function problems(s) {
  const parts = [];
  if (s.non2xxCount) parts.push(`non-2xx ${fmtCounts(s.non2xx)}`);
  if (s.errorCount) parts.push(`errors ${fmtCounts(s.errors)}`);
  return parts.length ? ` — ${parts.join(", ")}` : "";
}

export const fmtCounts = (o) =>
  Object.keys(o).length
    ? Object.entries(o)
        .map(([k, v]) => `${k}×${v}`)
        .join(" ")
    : "0";

/**
 * Two flat-out runs of the baseline as one (both sides of the app's): their mean throughput, and their CPU and
 * responses added up, so that the CPU per response is the two runs' together.
 */
export function meanOfRuns(a, b) {
  const sum = (x, y) => (x == null || y == null ? null : x + y);
  return {
    ...a,
    throughput2xx: Math.round((a.throughput2xx + b.throughput2xx) / 2),
    ok2xx: a.ok2xx + b.ok2xx,
    cpu:
      a.cpu && b.cpu
        ? {
            ...a.cpu,
            serverMs: sum(a.cpu.serverMs, b.cpu.serverMs),
            postgresMs: sum(a.cpu.postgresMs, b.cpu.postgresMs),
          }
        : null,
  };
}
