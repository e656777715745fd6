// bench:ingest's verdict: each target of issue 12 judged from the phases' figures, and printed.
import { costOf, fmtMs } from "./report.mjs";
import { round } from "./stats.mjs";

export const TARGET = {
  share: 0.2,
  seconds: 60,
  p99Ms: 250,
  capacityRatio: 0.3,
  overloadFactor: 2,
  answeredWithinMs: 1_000,
  shedWithinMs: 100,
};

/** The verdict (PASS/FAIL per target, with its figures), printed as it is judged. */
export function judge({
  rawMax,
  rawRuns = [],
  fixed,
  max,
  formMax,
  overload,
  truth,
  rate,
  overloadRate,
  ratio,
  formRatio,
  fixedRate,
  seconds,
}) {
  const fixedErrors = fixed.non2xxCount + fixed.errorCount + (fixed.due - fixed.sent);
  const latencyPass = fixed.latencyMs.p99 !== null && fixed.latencyMs.p99 <= TARGET.p99Ms && fixedErrors === 0;
  const capacityPass = ratio !== null && ratio >= TARGET.capacityRatio;
  const notAnswered = overload.sent - overload.answeredWithin1s; // late answers, timeouts and errors
  const otherStatuses = Object.entries(overload.byStatus)
    .filter(([s]) => s !== "201" && s !== "503")
    .reduce((n, [, c]) => n + c, 0);
  const overloadPass =
    notAnswered === 0 &&
    otherStatuses === 0 &&
    overload.errorCount === 0 &&
    overload.shed503.withoutRetryAfter === 0 &&
    truth.phases.o.ok;
  const shedPass = overload.shed503.count === 0 || overload.shed503.p99 <= TARGET.shedWithinMs;
  const verdict = {
    capacity: {
      pass: capacityPass,
      ratio: round(ratio, 3),
      appMax: max.throughput2xx,
      baselineMax: rawMax.throughput2xx,
      baselineRuns: rawRuns,
      target: `app flat out ≥ ${TARGET.capacityRatio} × the baseline's`,
    },
    latency: {
      pass: latencyPass,
      rate,
      p99Ms: fixed.latencyMs.p99,
      errors: fixedErrors,
      target: `p99 ≤ ${TARGET.p99Ms} ms with 0 errors at ${TARGET.share * 100} % of the baseline's capacity`,
    },
    overload: {
      pass: overloadPass,
      rate: overloadRate,
      notAnsweredWithin1s: notAnswered,
      otherStatuses,
      target: `at ${TARGET.overloadFactor} × the app's capacity every request answered 201 or 503 + Retry-After within ${TARGET.answeredWithinMs} ms, each 201 stored once`,
    },
    shedding: {
      pass: shedPass,
      p99Ms: overload.shed503.p99,
      count: overload.shed503.count,
      target: `503s answered within ${TARGET.shedWithinMs} ms (p99)`,
    },
    form: {
      perSecond: formMax.throughput2xx,
      ratioToApi: round(formRatio, 3),
      note: "informative: the web form's Server Action flat out",
    },
    cost: costOf(max, rawMax),
    pass: latencyPass && capacityPass && overloadPass && shedPass,
    asTargeted: !fixedRate && seconds >= TARGET.seconds,
  };
  const pf = (b) => (b ? "PASS" : "FAIL");
  console.log("Verdict:");
  console.log(
    `  capacity ${pf(capacityPass)}  flat out: app ${max.throughput2xx}/s vs baseline ${rawMax.throughput2xx}/s${rawRuns.length > 1 ? ` (mean of ${rawRuns.map((r) => `${r}/s`).join(" before and ")} after)` : ""} = ${ratio === null ? "–" : ratio.toFixed(2)} (target: ≥ ${TARGET.capacityRatio})`,
  );
  console.log(
    `  latency  ${pf(latencyPass)}  at ${rate}/s: p99 ${fmtMs(fixed.latencyMs.p99)} ms, ${fixedErrors} errors (target: ${verdict.latency.target})`,
  );
  console.log(
    `  overload ${pf(overloadPass)}  at ${overloadRate}/s: ${overload.sent - notAnswered}/${overload.sent} answered within 1 s, ${overload.status201} 201s, ` +
      `${truth.phases.o.rows} rows stored (${truth.phases.o.ok ? "each once" : "MISMATCH"}), ${overload.shed503.count} refused, ${otherStatuses} other, ${overload.errorCount} errors`,
  );
  console.log(
    `  shedding ${pf(shedPass)}  503 p99 ${fmtMs(overload.shed503.p99)} ms (target: ≤ ${TARGET.shedWithinMs} ms)` +
      (overload.shed503.p99BySecond ? `; by second of the phase: ${overload.shed503.p99BySecond.join(" ")}` : ""),
  );
  console.log(
    `  form     (informative) ${formMax.throughput2xx}/s = ${formRatio === null ? "–" : formRatio.toFixed(2)} × the JSON API`,
  );
  console.log(
    `  cost     (informative, less sensitive to a busy machine) CPU per stored response, server + PostgreSQL, flat out: ` +
      `app ${fmtMs(verdict.cost.appMs)} ms vs baseline ${fmtMs(verdict.cost.baselineMs)} ms = ${verdict.cost.ratio === null ? "–" : verdict.cost.ratio.toFixed(2)}`,
  );
  console.log(`  overall  ${pf(verdict.pass)}`);
  if (!verdict.asTargeted)
    console.log(
      `  note: this run's fixed-rate phase lasted ${seconds} s${fixedRate ? ` at BENCH_RATE=${fixedRate}/s` : ""}, not the target's ${TARGET.seconds} s at ${TARGET.share * 100} %: indicative only`,
    );

  return verdict;
}
