// The views a moderator can apply on a consultation's queue: their own (shared
// or not) and those the rest of the team shared, by name.
import { db } from "@/lib/db";

export type TSavedView = { id: string; name: string; query: string; shared: boolean; mine: boolean; ownerName: string };

export async function listViews(userId: string, consultationId: string): Promise<TSavedView[]> {
  const rows = await db.savedView.findMany({
    where: { consultationId, OR: [{ ownerId: userId }, { shared: true }] },
    select: { id: true, name: true, query: true, shared: true, ownerId: true, owner: { select: { name: true } } },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    query: r.query,
    shared: r.shared,
    mine: r.ownerId === userId,
    ownerName: r.owner.name,
  }));
}
