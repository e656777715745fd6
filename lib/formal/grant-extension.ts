// An admin gives one country more time: recorded in the workspace's history
// and shown to the delegation and to moderators.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { logAdminEvent } from "@/lib/users/admin-event";
import { cleanText } from "@/lib/text/clean-text";

export type TExtension = { ok: true } | { ok: false; reason: "untilBeforeDeadline" | "untilInPast" | "reasonRequired" };

export async function grantExtension(
  actorId: string,
  consultation: { id: string; closesAt: Date },
  country: string,
  until: Date,
  reason: string,
): Promise<TExtension> {
  const why = cleanText(reason).slice(0, 1500);
  if (!why) return { ok: false, reason: "reasonRequired" };
  if (until <= consultation.closesAt) return { ok: false, reason: "untilBeforeDeadline" };
  const at = now();
  if (until <= at) return { ok: false, reason: "untilInPast" };
  return db.$transaction(async (tx) => {
    const [ws] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO formal_response (consultation_id, country, extended_until) VALUES (${consultation.id}::uuid, ${country}, ${until})
      ON CONFLICT (consultation_id, country) DO UPDATE SET extended_until = EXCLUDED.extended_until RETURNING id`;
    await tx.formalEvent.create({
      data: {
        formalResponseId: ws.id,
        actorId,
        at,
        kind: "extension_granted",
        detail: `${until.toISOString()} ${why}`,
      },
    });
    await logAdminEvent(actorId, "formal.extension", country, `${until.toISOString()} ${why}`, tx);
    return { ok: true } as const;
  });
}
