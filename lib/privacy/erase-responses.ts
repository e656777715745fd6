// Erasing a respondent's personal data: names, organisation, email, the
// address hash, the attached files and the private link go (with any receipt not yet sent); the earlier versions go; internal
// notes on their comments go. The comments stay (without any name) only if
// the respondent agreed to publication; otherwise they are deleted too. The
// response row stays (type and country only), so the counts stay true. Each
// erasure is logged by reference, never with the erased data.
import { announcePublicChange, announcedWhenOk } from "@/lib/consultations/cache-bus";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { receiptJobKey } from "@/lib/jobs/job-names";
import { logAdminEvent } from "@/lib/users/admin-event";
import { isReference, normaliseReference } from "./count-erasure";

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Erases the given responses (already locked by the caller's transaction). */
async function eraseRows(
  tx: TTx,
  rows: { id: string; reference: string; publication: string }[],
  actorId: string | null,
  reason: "request" | "retention",
) {
  if (!rows.length) return;
  const at = now();
  const ids = rows.map((r) => r.id);
  const dropText = rows.filter((r) => r.publication === "none").map((r) => r.id);
  if (dropText.length) await tx.$executeRaw`DELETE FROM feedback_item WHERE response_id = ANY(${dropText}::uuid[])`;
  await tx.$executeRaw`DELETE FROM item_note WHERE feedback_item_id IN (SELECT id FROM feedback_item WHERE response_id = ANY(${ids}::uuid[]))`;
  await tx.$executeRaw`DELETE FROM moderation_event WHERE field = 'note' AND feedback_item_id IN (SELECT id FROM feedback_item WHERE response_id = ANY(${ids}::uuid[]))`;
  await tx.$executeRaw`DELETE FROM response_version WHERE response_id = ANY(${ids}::uuid[])`;
  // Attached files may carry anything personal (a signature, a letterhead): they go whatever the publication.
  await tx.$executeRaw`DELETE FROM response_attachment WHERE response_id = ANY(${ids}::uuid[])`;
  // The receipt not yet sent (its job holds the private link in clear): graphile-worker's remove_job deletes it,
  // or, while a worker holds it, clears its key and retries (sendReceipt then finds no address).
  await tx.$executeRaw`SELECT 1 FROM unnest(${ids.map(receiptJobKey)}::text[]) k, LATERAL graphile_worker.remove_job(k)`;
  await tx.$executeRaw`UPDATE response SET respondent_name = NULL, organisation_name = NULL, email = NULL, ip_hash = NULL, manage_token_hash = NULL, request_hash = NULL,
    publication = (CASE WHEN publication = 'none' THEN 'none' ELSE 'anonymous' END)::publication, erased_at = ${at}
    WHERE id = ANY(${ids}::uuid[])`;
  await tx.erasureEvent.createMany({
    data: rows.map((r) => ({ reference: r.reference, actorId, at, reason, keptText: r.publication !== "none" })),
  });
}

export type TErase = { ok: true; keptText: boolean } | { ok: false; reason: "notFound" | "alreadyErased" };

/** An admin erases one response's personal data, on the respondent's request. */
export async function eraseResponse(actorId: string, reference: string): Promise<TErase> {
  const ref = normaliseReference(reference);
  if (!isReference(ref)) return { ok: false, reason: "notFound" };
  return announcedWhenOk(
    db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<
        { id: string; reference: string; publication: string; erased_at: Date | null }[]
      >`
      SELECT id, reference, publication::text AS publication, erased_at FROM response WHERE reference = ${ref} FOR UPDATE`;
      if (!row) return { ok: false, reason: "notFound" } as const;
      if (row.erased_at) return { ok: false, reason: "alreadyErased" } as const;
      await eraseRows(tx, [row], actorId, "request");
      await logAdminEvent(actorId, "response.erase", row.reference, null, tx);
      return { ok: true, keptText: row.publication !== "none" } as const;
    }),
  );
}

/**
 * The retention setting: personal data of every response to a consultation
 * closed more than its retention_days ago is erased, in batches (several
 * servers may run this at once: rows taken by one are skipped by the others).
 */
export async function applyRetention(): Promise<number> {
  let total = 0;
  for (;;) {
    const at = now();
    const n = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string; reference: string; publication: string }[]>`
        SELECT r.id, r.reference, r.publication::text AS publication FROM response r JOIN consultation c ON c.id = r.consultation_id
        WHERE c.retention_days IS NOT NULL AND r.erased_at IS NULL AND c.closes_at + make_interval(days => c.retention_days) <= ${at}
        LIMIT 500 FOR UPDATE OF r SKIP LOCKED`;
        await eraseRows(tx, rows, null, "retention");
        return rows.length;
      },
      { timeout: 60_000 },
    );
    total += n;
    if (n >= 500) continue;
    if (total > 0) await announcePublicChange();
    return total;
  }
}

export async function listErasures() {
  return db.erasureEvent.findMany({ orderBy: { at: "desc" }, take: 100 });
}

/** A response that has been erased, for the notice after an erasure; null when it is not so. */
export function getErasedResponse(reference: string) {
  return db.response.findFirst({
    where: { reference, erasedAt: { not: null } },
    select: { reference: true, publication: true },
  });
}
