// Deletes a saved view: its owner's only (a shared view is still its owner's).
import { db } from "@/lib/db";

export async function deleteView(userId: string, viewId: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(viewId)) return false;
  const { count } = await db.savedView.deleteMany({ where: { id: viewId, ownerId: userId } });
  return count === 1;
}
