// The published results are computed once, when an admin publishes them (and
// again each time they publish them again), into results_row (the response
// matrix, the CSV, and the published comments each clause's pages list) and
// results_copy (what the results page shows: the summary by respondent type,
// country, aspect and decision; per clause its label, final text and redline
// against the consulted draft, counts, ratings, decisions and first comments).
// The public reads only this copy: the page costs one primary-key read at any
// size, and decisions changed afterwards reach the public when the results are
// published again. Results published before the copy existed, or copied in an
// older format, get it (again) on first read.
import { db } from "@/lib/db";
import { announcePublicChange } from "@/lib/consultations/cache-bus";
import { wordDiff } from "@/lib/drafting/word-diff";
import { resultsSelect } from "./get-results";
import {
  COMMENTS_SHOWN,
  RESULTS_FORMAT,
  type TListedRow,
  type TResultsSummary,
  type TSectionResult,
  type TText,
} from "./results-types";

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export { COMMENTS_SHOWN, RESULTS_FORMAT } from "./results-types";
export type { TListedRow, TResultsSummary, TSectionResult } from "./results-types";

/** A build at a million items takes seconds: the transaction may take minutes. */
export const BUILD_TIMEOUT_MS = 10 * 60_000;

/** One build at a time per consultation, whichever server (publication, or a first read). */
const lockBuild = (tx: TTx, consultationId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`results:${consultationId}`}, 0))`;

const add = (m: Record<string, number>, k: string, n: number) => {
  m[k] = (m[k] ?? 0) + n;
};
/** sum / n rounded to 2 decimals, half away from zero, in integers (as PostgreSQL's round(numeric, 2)). */
const average = (sum: number, n: number) => Math.floor((200 * sum + n) / (2 * n)) / 100;

function redlineOf(consulted: TText | null, final: TText | null): Pick<TSectionResult, "change" | "redline"> {
  if (!final)
    return {
      change: "removed",
      redline: consulted && {
        en: [{ kind: "removed", text: consulted.en }],
        fr: [{ kind: "removed", text: consulted.fr }],
      },
    };
  if (!consulted)
    return {
      change: "added",
      redline: { en: [{ kind: "added", text: final.en }], fr: [{ kind: "added", text: final.fr }] },
    };
  if (consulted.en === final.en && consulted.fr === final.fr) return { change: "unchanged", redline: null };
  return { change: "changed", redline: { en: wordDiff(consulted.en, final.en), fr: wordDiff(consulted.fr, final.fr) } };
}

/** (Re)computes the copy inside `tx` from the live data; `builtAt` is the publication it stands for. */
export async function buildResultsCopy(tx: TTx, consultationId: string, builtAt: Date): Promise<void> {
  await lockBuild(tx, consultationId);
  await tx.$executeRaw`DELETE FROM results_row WHERE consultation_id = ${consultationId}::uuid`;
  // listed_seq: a running count of the listed rows in the same window as seq (one sort), so each clause's
  // published comments are one range of it.
  await tx.$executeRaw`
    INSERT INTO results_row (consultation_id, seq, clause_id, clause_key, clause_number, aspect, rating, stance, comment, proposed_wording,
      published, disposition, disposition_reason, official, country, listed_seq, feedback_item_id)
    SELECT ${consultationId}::uuid, row_number() OVER w, m.clause_id, m.clause_key, m.clause_number, m.aspect, m.rating, m.stance, m.comment, m.proposed_wording,
      m.published, m.disposition, m.disposition_reason, m.official, m.country,
      CASE WHEN m.listed THEN count(*) FILTER (WHERE m.listed) OVER w END, m.feedback_item_id
    FROM (SELECT *, published AND (comment IS NOT NULL OR proposed_wording IS NOT NULL OR stance IS NOT NULL) AS listed
          FROM (${resultsSelect(consultationId)}) s) m
    WINDOW w AS (ORDER BY m.clause_position NULLS LAST, m.disposition_order NULLS LAST, m.number, m.position ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  const groups = await tx.$queryRaw<
    {
      clause_id: string | null;
      aspect: string;
      disposition: string | null;
      n: bigint;
      rated: bigint;
      rating_sum: bigint | null;
      listed: bigint;
      first_listed: number | null;
    }[]
  >`
    SELECT clause_id, aspect, disposition, count(*) AS n, count(rating) AS rated, sum(rating) AS rating_sum, count(listed_seq) AS listed, min(listed_seq) AS first_listed
    FROM results_row WHERE consultation_id = ${consultationId}::uuid GROUP BY 1, 2, 3`;
  const respondents = await tx.$queryRaw<{ type: string; country: string; n: bigint }[]>`
    SELECT r.respondent_type::text AS type, r.country, count(*) AS n FROM response r
    WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL
      AND EXISTS (SELECT 1 FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id WHERE fi.response_id = r.id AND tr.status NOT IN ('spam', 'duplicate'))
    GROUP BY 1, 2`;
  const clauses = await tx.clause.findMany({ where: { consultationId }, orderBy: { position: "asc" } });
  // The text consulted: each clause's last version at closing (none: added to the final text after closing).
  const consulted = await tx.$queryRaw<{ clause_id: string; body_en: string; body_fr: string }[]>`
    SELECT DISTINCT ON (cv.clause_id) cv.clause_id, cv.body_en, cv.body_fr
    FROM clause_version cv JOIN clause c ON c.id = cv.clause_id JOIN consultation k ON k.id = c.consultation_id
    WHERE c.consultation_id = ${consultationId}::uuid AND cv.created_at <= k.closes_at
    ORDER BY cv.clause_id, cv.version DESC`;
  const consultedOf = new Map(consulted.map((v) => [v.clause_id, { en: v.body_en, fr: v.body_fr }]));

  type TAcc = TSectionResult & { sums: Record<string, { sum: number; n: number }> };
  const empty = (clauseId: string | null): TAcc => ({
    clauseId,
    key: null,
    kind: null,
    number: null,
    heading: null,
    parentId: null,
    change: null,
    finalText: null,
    redline: null,
    items: 0,
    byAspect: {},
    ratings: {},
    dispositions: {},
    listed: 0,
    firstListed: null,
    shown: [],
    sums: {},
  });
  const sections = new Map<string | null, TAcc>();
  const section = (clauseId: string | null) => {
    let e = sections.get(clauseId);
    if (!e) sections.set(clauseId, (e = empty(clauseId)));
    return e;
  };
  const hasItems = new Set(groups.map((g) => g.clause_id));
  // Current clauses in order, then clauses the final text removed that had comments, then the general comments.
  for (const k of clauses) {
    if (k.removedInVersion !== null && !hasItems.has(k.id)) continue;
    const finalText = k.removedInVersion === null ? { en: k.bodyEn, fr: k.bodyFr } : null;
    Object.assign(section(k.id), {
      key: k.key,
      kind: k.kind,
      number: k.number,
      heading: k.headingEn || k.headingFr ? { en: k.headingEn, fr: k.headingFr } : null,
      parentId: k.parentId,
      finalText,
      ...redlineOf(consultedOf.get(k.id) ?? null, finalText),
    });
  }
  const summary: TResultsSummary = {
    format: RESULTS_FORMAT,
    responses: { total: 0, byType: {}, byCountry: {} },
    items: 0,
    byAspect: {},
    ratings: {},
    dispositions: {},
    listed: 0,
    sections: [],
  };
  const sums: Record<string, { sum: number; n: number }> = {};
  for (const r of respondents) {
    const n = Number(r.n);
    summary.responses.total += n;
    add(summary.responses.byType, r.type, n);
    add(summary.responses.byCountry, r.country, n);
  }
  for (const g of groups) {
    const e = section(g.clause_id);
    const n = Number(g.n);
    const listed = Number(g.listed);
    e.items += n;
    add(e.byAspect, g.aspect, n);
    add(e.dispositions, g.disposition ?? "none", n);
    e.listed += listed;
    if (g.first_listed !== null) e.firstListed = Math.min(e.firstListed ?? Infinity, g.first_listed);
    if (Number(g.rated)) {
      for (const acc of [(e.sums[g.aspect] ??= { sum: 0, n: 0 }), (sums[g.aspect] ??= { sum: 0, n: 0 })]) {
        acc.sum += Number(g.rating_sum);
        acc.n += Number(g.rated);
      }
    }
    summary.items += n;
    add(summary.byAspect, g.aspect, n);
    add(summary.dispositions, g.disposition ?? "none", n);
    summary.listed += listed;
  }
  // Each clause's first comments: a key range of listed_seq, exactly its own.
  const ranges = [...sections.values()].filter((e) => e.firstListed !== null);
  const shown = await tx.$queryRaw<(TListedRow & { clause_id: string | null })[]>`
    SELECT rr.clause_id, rr.aspect, rr.rating, rr.stance, rr.comment, rr.proposed_wording, rr.disposition, rr.disposition_reason, rr.official, rr.country,
      rr.feedback_item_id AS id, (rr.withdrawn_at IS NOT NULL) AS withdrawn
    FROM unnest(${ranges.map((e) => e.firstListed!)}::int[], ${ranges.map((e) => e.firstListed! + Math.min(e.listed, COMMENTS_SHOWN) - 1)}::int[]) f(a, b)
    JOIN results_row rr ON rr.consultation_id = ${consultationId}::uuid AND rr.listed_seq BETWEEN f.a AND f.b
    ORDER BY rr.listed_seq`;
  for (const { clause_id, ...row } of shown) section(clause_id).shown.push(row);
  const averages = (by: Record<string, { sum: number; n: number }>) =>
    Object.fromEntries(Object.entries(by).map(([a, r]) => [a, { avg: average(r.sum, r.n), n: r.n }]));
  summary.ratings = averages(sums);
  summary.sections = [...sections.values()].map(({ sums: mine, ...e }) => ({ ...e, ratings: averages(mine) }));
  await tx.$executeRaw`
    INSERT INTO results_copy (consultation_id, built_at, summary) VALUES (${consultationId}::uuid, ${builtAt}, ${JSON.stringify(summary)}::jsonb)
    ON CONFLICT (consultation_id) DO UPDATE SET built_at = excluded.built_at, summary = excluded.summary`;
}

export type TResultsCopy = { builtAt: Date; summary: TResultsSummary; sections: Map<string | null, TSectionResult> };

/** The copy, if there is one of the current format; otherwise the date of the publication it stands for, if any. */
async function readCopy(
  consultationId: string,
  db_: Pick<TTx, "$queryRaw"> = db,
): Promise<TResultsCopy | { stale: Date | null }> {
  const [row] = await db_.$queryRaw<{ built_at: Date; summary: TResultsSummary | { format?: undefined } }[]>`
    SELECT built_at, summary FROM results_copy WHERE consultation_id = ${consultationId}::uuid`;
  if (row?.summary.format !== RESULTS_FORMAT) return { stale: row?.built_at ?? null };
  return {
    builtAt: row.built_at,
    summary: row.summary,
    sections: new Map(row.summary.sections.map((s) => [s.clauseId, s])),
  };
}

export type TResultsJob = { consultationId: string; builtAt: string };

/**
 * The task queued by publishResults (lib/drafting/lifecycle.ts) in the transaction that publishes: builds the
 * copy of the publication it stands for, then tells every server's page cache. A reader who comes first
 * builds the first copy on read (readResults); a republication shows the earlier copy until this is done.
 */
export async function rebuildResultsCopy({ consultationId, builtAt }: TResultsJob): Promise<void> {
  await db.$transaction((tx) => buildResultsCopy(tx, consultationId, new Date(builtAt)), {
    timeout: BUILD_TIMEOUT_MS,
    maxWait: BUILD_TIMEOUT_MS,
  });
  await announcePublicChange();
}

/**
 * The published results of a consultation whose results are published (the caller checks): the copy,
 * built now if it was published before copies existed or copied in an older format.
 */
export async function readResults(consultationId: string): Promise<TResultsCopy> {
  const copy = await readCopy(consultationId);
  if (!("stale" in copy)) return copy;
  await db.$transaction(
    async (tx) => {
      await lockBuild(tx, consultationId);
      const again = await readCopy(consultationId, tx);
      if (!("stale" in again)) return;
      // Not a new publication: the copy stands for the one that was made.
      const { resultsPublishedAt } = await tx.consultation.findUniqueOrThrow({
        where: { id: consultationId },
        select: { resultsPublishedAt: true },
      });
      await buildResultsCopy(tx, consultationId, again.stale ?? resultsPublishedAt ?? new Date());
    },
    { timeout: BUILD_TIMEOUT_MS, maxWait: BUILD_TIMEOUT_MS },
  );
  const built = await readCopy(consultationId);
  if ("stale" in built) throw new Error("results copy missing after its build");
  return built;
}
