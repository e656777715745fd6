// Sets a decision (disposition and its reason), or a status, on many items at once:
// the items ticked, every item matching the queue's filter (worked out here, from the
// filter, never from the rows a page showed), or a whole campaign. Batches of a few
// thousand items, each one statement that locks its rows in id order (as triage-items
// does, so the two never deadlock), so no lock is held on the whole table and a
// moderator saving one item waits at most for one batch. Every changed item gets
// version + 1, moderated_at, and one audit event per changed field.
import { announcePublicChange } from "@/lib/consultations/cache-bus";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { filterSql, QUEUE_FROM_SQL, stateSql } from "./filter-sql";
import { targetOf, ZBulkDecision, type TBulkDecision, type TBulkTarget } from "./bulk-schema";
import type { DISPOSITIONS, ITEM_STATUSES } from "./triage-schema";

export type TBulkChange = {
  /** null takes the decision away (and its reason with it). */
  decision?: { disposition: (typeof DISPOSITIONS)[number] | null; reason: string | null };
  status?: (typeof ITEM_STATUSES)[number];
};

export const BULK_BATCH = 5000;
const BULK_WORKERS = 2;

const filterOf = (target: TBulkTarget) =>
  "filter" in target ? target.filter : "campaign" in target ? { campaign: target.campaign } : {};

/** The queue's own condition (queue-filter.ts) for the target; ticked items must also match it. */
function queueCondition(consultationId: string, target: TBulkTarget): Prisma.Sql {
  const cond = filterSql(consultationId, filterOf(target));
  return "ids" in target ? Prisma.sql`${cond} AND fi.id = ANY(${target.ids}::uuid[])` : cond;
}

/** True for an item that the change would change. */
function differs(change: TBulkChange): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (change.status) parts.push(Prisma.sql`tr.status IS DISTINCT FROM ${change.status}::item_status`);
  if (change.decision) {
    const { disposition, reason } = change.decision;
    parts.push(
      Prisma.sql`tr.disposition IS DISTINCT FROM ${disposition}::disposition OR tr.disposition_reason IS DISTINCT FROM ${reason}::text`,
    );
  }
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`false`;
}

const FROM = QUEUE_FROM_SQL;

/** How many items the target holds, and how many of them the change would change. */
export async function previewBulkChange(
  consultationId: string,
  target: TBulkTarget,
  change: TBulkChange,
): Promise<{ matching: number; changing: number }> {
  const rows = await db.$queryRaw<{ matching: bigint; changing: bigint }[]>`
    SELECT count(*) AS matching, count(*) FILTER (WHERE ${differs(change)}) AS changing
    FROM ${FROM} WHERE ${queueCondition(consultationId, target)}`;
  return { matching: Number(rows[0].matching), changing: Number(rows[0].changing) };
}

/** How many items match the queue's filter (the bulk bar's "select all N matching"). */
export async function countMatching(consultationId: string, target: TBulkTarget): Promise<number> {
  return (await previewBulkChange(consultationId, target, {})).matching;
}

/**
 * Applies the change to the target's items of this consultation (the caller checked the
 * consultation is the actor's to moderate). `changed`: the items it changed; `unchanged`:
 * the others that matched (they already had it).
 */
export async function bulkChange(
  actorId: string,
  consultationId: string,
  target: TBulkTarget,
  change: TBulkChange,
  batchSize = BULK_BATCH,
): Promise<{ changed: number; unchanged: number }> {
  const where = queueCondition(consultationId, target);
  const state = stateSql(filterOf(target));
  const diff = differs(change);
  // One pass over the matching items: how many there are, and the ids of those to change, in id order.
  const [{ matching, ids: changing }] = await db.$queryRaw<{ matching: bigint; ids: string[] | null }[]>`
    WITH m AS MATERIALIZED (SELECT fi.id, ${diff} AS d FROM ${FROM} WHERE ${where})
    SELECT count(*) AS matching, array_agg(id ORDER BY id) FILTER (WHERE d) AS ids FROM m`;
  const ids = changing ?? [];
  const at = now();
  const set: Prisma.Sql[] = [];
  const events: Prisma.Sql[] = [];
  const event = (field: string, from: Prisma.Sql, to: string | null) =>
    Prisma.sql`SELECT id, ${actorId}::uuid, ${at}::timestamptz, ${field}, ${from}, ${to}::text FROM changed WHERE ${from} IS DISTINCT FROM ${to}::text`;
  if (change.status) {
    set.push(Prisma.sql`status = ${change.status}::item_status`);
    events.push(event("status", Prisma.sql`old_status`, change.status));
  }
  if (change.decision) {
    const { disposition, reason } = change.decision;
    set.push(Prisma.sql`disposition = ${disposition}::disposition, disposition_reason = ${reason}::text`);
    events.push(
      event("disposition", Prisma.sql`old_disposition`, disposition),
      event("disposition_reason", Prisma.sql`old_reason`, reason),
    );
  }
  if (!set.length) return { changed: 0, unchanged: Number(matching) };
  // Once locked, the item must still match what can have changed since the ids were read (its state
  // and tags: another moderator, another bulk change) and still differ. Its content and its response's
  // cannot change (a changed response's items come back as new ones), so the batch reads the narrow
  // state rows alone, not the items' and responses' wide rows again. (A response withdrawn in these
  // seconds keeps the decision, out of every list and count with the rest of it.)
  const applyBatch = async (batch: string[]) => {
    const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`
      WITH locked AS (
        SELECT tr.feedback_item_id AS id, tr.status::text AS old_status, tr.disposition::text AS old_disposition, tr.disposition_reason AS old_reason
        FROM feedback_triage tr WHERE tr.feedback_item_id = ANY(${batch}::uuid[]) AND ${state} AND ${diff}
        ORDER BY tr.feedback_item_id FOR UPDATE
      ), changed AS (
        UPDATE feedback_triage tr SET ${Prisma.join(set, ", ")}, version = tr.version + 1, moderated_at = ${at}
        FROM locked WHERE tr.feedback_item_id = locked.id
        RETURNING tr.feedback_item_id AS id, locked.old_status, locked.old_disposition, locked.old_reason
      ), logged AS (
        INSERT INTO moderation_event (feedback_item_id, actor_id, at, field, from_value, to_value)
        ${Prisma.join(events, " UNION ALL ")}
      )
      SELECT count(*) AS n FROM changed`;
    return Number(n);
  };
  // Two batches at a time (disjoint ids, so they never wait for each other): one per core
  // of a small database server, and a connection or two of the pool, not more.
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += batchSize) batches.push(ids.slice(i, i + batchSize));
  let next = 0;
  let changed = 0;
  const worker = async () => {
    while (next < batches.length) {
      // Not `changed += await …`: that reads `changed` before the other worker adds to it.
      const n = await applyBatch(batches[next++]);
      changed += n;
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_WORKERS, batches.length) }, worker));
  if (changed > 0) await announcePublicChange();
  return { changed, unchanged: Number(matching) - changed };
}

export type TBulkDecideResult =
  | { ok: true; matching: number; changing: number; changed?: number; decision: TBulkDecision }
  | { ok: false; errors: { field: string; key: string }[] };

const KNOWN = new Set(["noneSelected", "tooMany", "invalid", "tooLong", "noDecision", "reasonNeedsDisposition"]);

/**
 * The bulk decision a moderator asked for: checks the role, reads the consultation as
 * this user may see it (a hidden draft is an admin's only), then counts (`apply` false:
 * the confirmation) or applies it.
 */
export async function bulkDecide(
  user: { id: string; role: string } | null,
  input: unknown,
  apply: boolean,
): Promise<TBulkDecideResult> {
  if (!user || (user.role !== "moderator" && user.role !== "admin"))
    return { ok: false, errors: [{ field: "ids", key: "forbidden" }] };
  const parsed = ZBulkDecision.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        field: String(i.path[0] ?? "ids"),
        key: KNOWN.has(i.message) ? i.message : "invalid",
      })),
    };
  }
  const b = parsed.data;
  const c = await getConsultationFor(user, b.slug);
  if (!c) return { ok: false, errors: [{ field: "ids", key: "not_found" }] };
  const change: TBulkChange = {
    decision: {
      disposition: b.decision === "none" ? null : b.decision,
      reason: b.decision === "none" ? null : b.reason,
    },
  };
  const target = targetOf(b);
  if (!apply) return { ok: true, ...(await previewBulkChange(c.id, target, change)), decision: b };
  const r = await bulkChange(user.id, c.id, target, change);
  return { ok: true, matching: r.changed + r.unchanged, changing: r.changed, changed: r.changed, decision: b };
}
