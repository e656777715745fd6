// A moderator's decision on a reported comment: keep its publication or withdraw it, with a reason. One
// transaction closes every open report of the item, and, for a withdrawal, takes the comment off the public pages:
// cleared_at goes (the comments page and the open data read it live) and the results copy loses its words (the
// copy is not rebuilt: that would also publish decisions changed since the results were published). Like every
// change of an item's moderation state, it bumps the item's version and is logged field by field (the publication,
// and the reason as a note); the public pages are told after commit (announcePublicChange).
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { announcedWhenOk } from "@/lib/consultations/cache-bus";
import type { TResultsSummary } from "@/lib/results/build-results";

export type TDecideResult = { ok: true; closed: number } | { ok: false; reason: "not_found" | "no_open_reports" };

export async function decideReport(
  actorId: string,
  consultationId: string,
  itemId: string,
  decision: "kept" | "withdrawn",
  reason: string,
  /** The note on the item's history, in the moderator's words and language (it carries the reason). */
  note: string,
): Promise<TDecideResult> {
  const at = now();
  return announcedWhenOk(
    db.$transaction(async (tx) => {
      // The item's moderation state is the row locked (as triage-items.ts and bulk-decide.ts do).
      const [item] = await tx.$queryRaw<{ cleared: boolean }[]>`
        SELECT (fi.cleared_at IS NOT NULL) AS cleared
        FROM feedback_triage tr JOIN feedback_item fi ON fi.id = tr.feedback_item_id JOIN response r ON r.id = fi.response_id
        WHERE tr.feedback_item_id = ${itemId}::uuid AND r.consultation_id = ${consultationId}::uuid
        FOR UPDATE OF tr`;
      if (!item) return { ok: false, reason: "not_found" } as const;
      const closed = await tx.$executeRaw`
        UPDATE comment_report SET decision = ${decision}, decision_reason = ${reason}, decided_at = ${at}, decided_by_id = ${actorId}::uuid
        WHERE feedback_item_id = ${itemId}::uuid AND decision IS NULL`;
      if (closed === 0) return { ok: false, reason: "no_open_reports" } as const;
      const events: { field: string; fromValue: string | null; toValue: string | null }[] = [];
      if (decision === "withdrawn") {
        if (item.cleared) {
          await tx.$executeRaw`UPDATE feedback_item SET cleared_at = NULL WHERE id = ${itemId}::uuid`;
          events.push({ field: "publication", fromValue: "cleared", toValue: "withheld" });
        }
        await withdrawFromResults(tx, consultationId, itemId, at);
      }
      await tx.itemNote.create({ data: { feedbackItemId: itemId, authorId: actorId, body: note, createdAt: at } });
      events.push({ field: "note", fromValue: null, toValue: note });
      await tx.$executeRaw`UPDATE feedback_triage SET version = version + 1, moderated_at = ${at} WHERE feedback_item_id = ${itemId}::uuid`;
      await tx.moderationEvent.createMany({
        data: events.map((e) => ({ ...e, feedbackItemId: itemId, actorId, at })),
      });
      return { ok: true, closed } as const;
    }),
  );
}

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The item's row of the results copy loses its words, and so does the results page's summary if it shows it. */
async function withdrawFromResults(tx: TTx, consultationId: string, itemId: string, at: Date): Promise<void> {
  const rows = await tx.$executeRaw`
    UPDATE results_row SET comment = NULL, proposed_wording = NULL, published = false, withdrawn_at = ${at}
    WHERE consultation_id = ${consultationId}::uuid AND feedback_item_id = ${itemId}::uuid AND withdrawn_at IS NULL`;
  if (rows === 0) return;
  const [copy] = await tx.$queryRaw<{ summary: TResultsSummary }[]>`
    SELECT summary FROM results_copy WHERE consultation_id = ${consultationId}::uuid FOR UPDATE`;
  if (!copy?.summary.sections) return;
  let touched = false;
  for (const s of copy.summary.sections)
    s.shown = s.shown.map((row) => {
      if (row.id !== itemId) return row;
      touched = true;
      return { ...row, comment: null, proposed_wording: null, withdrawn: true };
    });
  if (touched)
    await tx.$executeRaw`UPDATE results_copy SET summary = ${JSON.stringify(copy.summary)}::jsonb WHERE consultation_id = ${consultationId}::uuid`;
}
