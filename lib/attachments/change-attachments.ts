// A respondent's change to their files through the private link (lib/responses/manage-response.ts), in the
// change's transaction, once the response's row is locked: the limits are checked again against the files stored
// now (another tab may have added some since the form was checked), then removed files are deleted (their bytes
// go; the response's version keeps only their names and hashes) and new ones appended, uncleared. Files kept stay
// as they were, a moderator's clearing with them.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFieldError } from "@/lib/forms/form-state";
import { fitLimits, type TCheckedAttachment } from "./check-attachments";
import type { TAttachmentLimits } from "./limits";
import { storeAttachmentsIn } from "./store-attachments";

/** The files to remove (ids of the response's files; others are ignored) and the new ones, already checked. */
export type TAttachmentChange = { remove: string[]; add: TCheckedAttachment[] };

export async function planAttachmentChangeIn(
  tx: Prisma.TransactionClient,
  responseId: string,
  change: TAttachmentChange,
  limits: TAttachmentLimits,
): Promise<{ ok: true; apply: () => Promise<void> } | { ok: false; error: TFieldError }> {
  const stored = await tx.responseAttachment.findMany({
    where: { responseId },
    select: { id: true, size: true, position: true },
    orderBy: { position: "asc" },
  });
  const removing = new Set(change.remove);
  const removed = stored.filter((s) => removing.has(s.id)).map((s) => s.id);
  const kept = stored.filter((s) => !removing.has(s.id)).map((s) => s.size);
  const fits = fitLimits(
    change.add.map((f) => f.size),
    limits,
    kept,
  );
  if (!fits.ok) return fits;
  const next = stored.length ? stored[stored.length - 1].position + 1 : 0;
  return {
    ok: true,
    apply: async () => {
      if (removed.length) await tx.responseAttachment.deleteMany({ where: { responseId, id: { in: removed } } });
      if (change.add.length) await storeAttachmentsIn(tx, responseId, change.add, next);
    },
  };
}
