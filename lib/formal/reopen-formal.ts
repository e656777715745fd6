// A moderator reopens a submitted formal response, with a reason the
// delegation sees. The official response stays in the queue until the
// delegation submits again, which supersedes it.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { cleanText } from "@/lib/text/clean-text";

export type TReopen = { ok: true } | { ok: false; reason: "notSubmitted" | "reasonRequired" };

export async function reopenFormal(actorId: string, formalResponseId: string, reason: string): Promise<TReopen> {
  const why = cleanText(reason).slice(0, 2000);
  if (!why) return { ok: false, reason: "reasonRequired" };
  const at = now();
  return db.$transaction(async (tx) => {
    const n =
      await tx.$executeRaw`UPDATE formal_response SET status = 'draft', submitted_at = NULL, submitted_by_id = NULL,
      version = version + 1, updated_at = ${at}, ready_at = NULL, ready_by_id = NULL WHERE id = ${formalResponseId}::uuid AND status = 'submitted'`;
    if (n !== 1) return { ok: false, reason: "notSubmitted" } as const;
    await tx.formalEvent.create({ data: { formalResponseId, actorId, at, kind: "reopened", detail: why } });
    return { ok: true } as const;
  });
}
