// Each consultation's retention period and whether formal responses are published: read by the admin's privacy
// page and the public privacy notice, set by the admin (the action checks the role).
import { db } from "@/lib/db";

export function listRetentionSettings() {
  return db.consultation.findMany({
    orderBy: { opensAt: "desc" },
    select: { id: true, slug: true, titleEn: true, titleFr: true, retentionDays: true, publishFormal: true },
  });
}

export async function getRetentionDays(consultationId: string): Promise<number | null> {
  const { retentionDays } = await db.consultation.findUniqueOrThrow({
    where: { id: consultationId },
    select: { retentionDays: true },
  });
  return retentionDays;
}

/** False when no consultation has this id and slug (both come from the form). */
export async function setRetention(
  id: string,
  slug: string,
  days: number | null,
  publishFormal: boolean,
): Promise<boolean> {
  const n = await db.consultation
    .updateMany({ where: { id, slug }, data: { retentionDays: days, publishFormal } })
    .catch(() => ({ count: 0 }));
  return n.count === 1;
}
