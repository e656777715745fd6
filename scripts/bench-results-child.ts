// Run by scripts/bench-results.mjs: publishes the results of its synthetic
// consultation (building the copy, timed), then times the results page's data
// (the consultation and the copy), with SELECT 1 through the same client as baseline,
// and, for comparison, one run of the live aggregation the page used to run per view; then the data of the
// middle page of the published comments of the clause that has most.
import { db } from "@/lib/db";
import { publishResults } from "@/lib/drafting/lifecycle";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { readResults } from "@/lib/results/build-results";
import { resultsSelect } from "@/lib/results/get-results";
import { listClauseComments, pageCount } from "@/lib/results/list-clause-comments";

const RUNS = Number(process.env.BENCH_RESULTS_RUNS ?? 200);

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await f();
  return [performance.now() - t0, v];
}

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const p = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: p(0.5), p95: p(0.95) };
}

async function main() {
  const [consultationId, slug, adminId] = process.argv.slice(2);
  const [liveMs] = await timed(
    () =>
      db.$queryRaw`SELECT m.clause_id, m.aspect, m.disposition, count(*), avg(m.rating) FROM (${resultsSelect(consultationId)}) m GROUP BY 1, 2, 3`,
  );
  const [buildMs, published] = await timed(() => publishResults(adminId, consultationId));
  if (!published.ok) throw new Error(`publishResults: ${published.key}`);
  const rows = await db.resultsRow.count({ where: { consultationId } });
  const page: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const [b] = await timed(() => db.$queryRaw`SELECT 1`);
    const [ms, copy] = await timed(async () => {
      const c = await getPublicConsultation(slug);
      return readResults(c!.id);
    });
    if (copy.sections.size === 0) throw new Error("empty copy");
    if (i >= 10) {
      page.push(ms);
      baseline.push(b);
    } // the first runs warm the caches
  }
  const { sections } = await readResults(consultationId);
  const most = [...sections.values()].filter((s) => s.key).sort((a, b) => b.listed - a.listed)[0];
  const clause = {
    key: most.key!,
    listed: most.listed,
    pages: pageCount(most.listed),
    page: Math.ceil(pageCount(most.listed) / 2),
  };
  const clauseData: number[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const [ms, got] = await timed(async () => {
      const c = await getPublicConsultation(slug);
      const copy = await readResults(c!.id);
      return listClauseComments(c!.id, copy.sections.get(most.clauseId)!, clause.page);
    });
    if (!got?.rows.length) throw new Error("an empty page of comments");
    if (i >= 10) clauseData.push(ms);
  }
  console.log(
    JSON.stringify({
      clause,
      clauseData: percentiles(clauseData),
      rows,
      buildSeconds: buildMs / 1000,
      liveAggregateSeconds: liveMs / 1000,
      data: percentiles(page),
      baseline: percentiles(baseline),
    }),
  );
  await db.$disconnect();
  process.exit(0);
}

main();
