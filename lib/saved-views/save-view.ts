// Saves the queue's current filter under a name, for the moderator or the team.
import { db } from "@/lib/db";
import type { TSaveView } from "./schema";

export type TSaveViewResult = { ok: true; id: string } | { ok: false; field: "name"; key: "nameTaken" };

export async function saveView(
  ownerId: string,
  consultationId: string,
  input: Omit<TSaveView, "consultation">,
): Promise<TSaveViewResult> {
  try {
    const row = await db.savedView.create({
      data: { ownerId, consultationId, name: input.name, query: input.query, shared: input.shared },
      select: { id: true },
    });
    return { ok: true, id: row.id };
  } catch (e) {
    // The unique key (owner, consultation, name) decides, also for two saves at once.
    if ((e as { code?: string }).code === "P2002") return { ok: false, field: "name", key: "nameTaken" };
    throw e;
  }
}
