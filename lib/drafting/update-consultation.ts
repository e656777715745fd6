// Editing a consultation's texts (and, while it is still a draft, its prefix,
// dates and time zone). After publication the deadline moves only by an
// extension or an early close, so the public history stays true.
import { db } from "@/lib/db";
import { clearConsultationCache } from "@/lib/consultations/get-consultation";
import { logAdminEvent } from "@/lib/users/admin-event";
import { consultationTexts, instants } from "./create-consultation";
import type { TConsultationEdit } from "./schema";

export type TUpdate = { ok: true } | { ok: false; field: string; key: "dateInvalid" | "notFound" };

export async function updateConsultation(actorId: string, slug: string, f: TConsultationEdit): Promise<TUpdate> {
  const c = await db.consultation.findUnique({ where: { slug }, select: { id: true, publishedAt: true } });
  if (!c) return { ok: false, field: "titleEn", key: "notFound" };
  const texts = consultationTexts({ ...f, slug, markdownEn: "", markdownFr: "" });
  let data: Record<string, unknown> = { ...texts };
  if (!c.publishedAt) {
    const { opensAt, closesAt } = instants(f);
    if (!opensAt || !closesAt) return { ok: false, field: "opensAt", key: "dateInvalid" };
    data = { ...data, opensAt, closesAt, referencePrefix: f.referencePrefix };
  } else {
    // Published: the time zone goes with the dates, which no longer change here.
    delete data.timeZone;
  }
  await db.consultation.update({ where: { id: c.id }, data });
  await logAdminEvent(actorId, "consultation.edit", slug);
  await clearConsultationCache();
  return { ok: true };
}
