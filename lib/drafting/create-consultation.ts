// A new consultation, as a draft: hidden from the public, with a private
// preview link. Its clauses come from the two aligned Markdown drafts.
import { db } from "@/lib/db";
import { zonedLocalToUtc } from "@/lib/consultations/zoned-time";
import { clearConsultationCache } from "@/lib/consultations/get-consultation";
import { hashToken, newToken } from "@/lib/security/token";
import { logAdminEvent } from "@/lib/users/admin-event";
import type { TAlignedClause } from "./align-drafts";
import type { TConsultationForm } from "./schema";

export type TCreate =
  { ok: true; previewToken: string } | { ok: false; field: string; key: "slugTaken" | "dateInvalid" };

export function instants(f: Pick<TConsultationForm, "opensAt" | "closesAt" | "timeZone">) {
  return { opensAt: zonedLocalToUtc(f.opensAt, f.timeZone), closesAt: zonedLocalToUtc(f.closesAt, f.timeZone) };
}

export function consultationTexts(f: TConsultationForm) {
  return {
    titleEn: f.titleEn,
    titleFr: f.titleFr,
    summaryEn: f.summaryEn,
    summaryFr: f.summaryFr,
    askedForEn: f.askedForEn,
    askedForFr: f.askedForFr,
    audienceEn: f.audienceEn,
    audienceFr: f.audienceFr,
    privacyEn: f.privacyEn || null,
    privacyFr: f.privacyFr || null,
    timeZone: f.timeZone,
    sectionLabelEn: f.sectionLabelEn || null,
    sectionLabelFr: f.sectionLabelFr || null,
    itemLabelEn: f.itemLabelEn || null,
    itemLabelFr: f.itemLabelFr || null,
  };
}

/** Inserts the clauses of one aligned draft, in order, parents first (they come first in the document). */
export async function insertClauses(
  tx: Pick<typeof db, "clause">,
  consultationId: string,
  clauses: TAlignedClause[],
  version = 1,
  offset = 0,
) {
  const ids = new Map<string, string>();
  for (const [i, c] of clauses.entries()) {
    const row = await tx.clause.create({
      data: {
        consultationId,
        key: c.key,
        kind: c.kind,
        number: c.number,
        position: offset + i,
        parentId: c.parentKey ? ids.get(c.parentKey) : null,
        headingEn: c.heading.en,
        headingFr: c.heading.fr,
        bodyEn: c.body.en,
        bodyFr: c.body.fr,
        addedInVersion: version,
      },
      select: { id: true },
    });
    ids.set(c.key, row.id);
  }
  return ids;
}

export async function createConsultation(
  actorId: string,
  f: TConsultationForm,
  clauses: TAlignedClause[],
): Promise<TCreate> {
  const { opensAt, closesAt } = instants(f);
  if (!opensAt || !closesAt) return { ok: false, field: "opensAt", key: "dateInvalid" };
  if (await db.consultation.findUnique({ where: { slug: f.slug }, select: { id: true } }))
    return { ok: false, field: "slug", key: "slugTaken" };
  const token = newToken();
  try {
    await db.$transaction(async (tx) => {
      const c = await tx.consultation.create({
        data: {
          slug: f.slug,
          referencePrefix: f.referencePrefix,
          ...consultationTexts(f),
          opensAt,
          closesAt,
          previewTokenHash: hashToken(token),
        },
        select: { id: true },
      });
      await insertClauses(tx, c.id, clauses);
      await logAdminEvent(actorId, "consultation.create", f.slug, `${clauses.length} clauses`, tx);
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return { ok: false, field: "slug", key: "slugTaken" };
    throw e;
  }
  await clearConsultationCache();
  return { ok: true, previewToken: token };
}
