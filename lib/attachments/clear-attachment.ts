// A moderator clears a file for publication (or withdraws the clearance), from the item page. Logged in the item's
// history (moderation_event, field "attachment"), like every other decision on it. The file is public only while
// cleared AND the respondent consented (get-attachment.ts): clearing a file of a response without consent is
// refused, so the button never promises what the rule then withholds.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { announcePublicChange } from "@/lib/consultations/cache-bus";

export type TClearAttachment = { ok: true } | { ok: false; reason: "notFound" | "noConsent" };

export async function clearAttachment(
  actor: { id: string; role: string },
  itemId: string,
  attachmentId: string,
  cleared: boolean,
): Promise<TClearAttachment> {
  if (actor.role !== "moderator" && actor.role !== "admin") return { ok: false, reason: "notFound" };
  const result = await db.$transaction(async (tx) => {
    // The file must belong to the item's response (the item page's form names both).
    const file = await tx.responseAttachment.findFirst({
      where: {
        id: attachmentId,
        response: {
          feedbackItems: { some: { id: itemId } },
          ...(actor.role === "admin" ? {} : { consultation: { publishedAt: { not: null } } }),
        },
      },
      select: { id: true, fileName: true, sha256: true, clearedAt: true, response: { select: { publication: true } } },
    });
    if (!file) return { ok: false, reason: "notFound" } as const;
    if (cleared && file.response.publication === "none") return { ok: false, reason: "noConsent" } as const;
    if (cleared === (file.clearedAt !== null)) return { ok: true, changed: false } as const;
    const at = now();
    await tx.responseAttachment.update({
      where: { id: file.id },
      data: cleared ? { clearedAt: at, clearedById: actor.id } : { clearedAt: null, clearedById: null },
    });
    const what = `${file.fileName} (sha256:${file.sha256.slice(0, 12)})`;
    await tx.moderationEvent.create({
      data: {
        feedbackItemId: itemId,
        actorId: actor.id,
        at,
        field: "attachment",
        fromValue: cleared ? null : what,
        toValue: cleared ? what : null,
      },
    });
    return { ok: true, changed: true } as const;
  });
  if (!result.ok) return result;
  if (result.changed) await announcePublicChange();
  return { ok: true };
}
