// What erasing a respondent takes away, told to the admin before it is done (see erase-responses.ts for
// what erasure does): the response, its comments (deleted unless the respondent agreed to publication),
// the internal notes on them, its earlier versions and an email receipt not yet sent.
import { db } from "@/lib/db";
import { receiptJob } from "@/lib/responses/deliver-receipts";

export type TErasureCounts =
  | {
      ok: true;
      reference: string;
      consultation: { slug: string; titleEn: string; titleFr: string };
      submittedAt: Date;
      timeZone: string;
      keepsText: boolean;
      comments: number;
      notes: number;
      versions: number;
      receipt: boolean;
      formal: boolean;
    }
  | { ok: false; reason: "notFound" | "alreadyErased" };

export const normaliseReference = (reference: string) => reference.trim().toUpperCase();
export const isReference = (ref: string) => /^[A-Z0-9]{2,12}-\d{4}-\d{6,}$/.test(ref);

export async function countErasure(reference: string): Promise<TErasureCounts> {
  const ref = normaliseReference(reference);
  if (!isReference(ref)) return { ok: false, reason: "notFound" };
  const r = await db.response.findUnique({
    where: { reference: ref },
    select: {
      id: true,
      reference: true,
      publication: true,
      erasedAt: true,
      submittedAt: true,
      channel: true,
      consultation: { select: { slug: true, titleEn: true, titleFr: true, timeZone: true } },
    },
  });
  if (!r) return { ok: false, reason: "notFound" };
  if (r.erasedAt) return { ok: false, reason: "alreadyErased" };
  const [comments, notes, versions, receipt] = await Promise.all([
    db.feedbackItem.count({ where: { responseId: r.id } }),
    db.itemNote.count({ where: { feedbackItem: { responseId: r.id } } }),
    db.responseVersion.count({ where: { responseId: r.id } }),
    receiptJob(r.id),
  ]);
  const { timeZone, ...consultation } = r.consultation;
  return {
    ok: true,
    reference: r.reference,
    consultation,
    submittedAt: r.submittedAt,
    timeZone,
    keepsText: r.publication !== "none",
    comments,
    notes,
    versions,
    receipt: receipt !== null,
    formal: r.channel === "formal",
  };
}
