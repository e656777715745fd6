// A consultation's retention period and whether its official responses are published, set by an admin (logged).
import { db } from "@/lib/db";
import { logAdminEvent } from "@/lib/users/admin-event";

export async function setRetention(adminId: string, c: { id: string; slug: string; days: number | null; publishFormal: boolean }): Promise<boolean> {
  const n = await db.consultation
    .updateMany({ where: { id: c.id, slug: c.slug }, data: { retentionDays: c.days, publishFormal: c.publishFormal } })
    .catch(() => ({ count: 0 }));
  if (n.count !== 1) return false;
  await logAdminEvent(adminId, "consultation.settings", c.slug, `retention ${c.days ?? "none"}; publish formal ${c.publishFormal}`);
  return true;
}
