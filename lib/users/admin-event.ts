// The admin audit log: one line per administrator's action.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";

type TTx = Pick<typeof db, "adminEvent">;

export async function logAdminEvent(
  actorId: string,
  action: string,
  target: string,
  detail?: string | null,
  tx: TTx = db,
) {
  await tx.adminEvent.create({
    data: {
      actorId,
      at: now(),
      action: action.slice(0, 40),
      target: target.slice(0, 300),
      detail: detail ? detail.slice(0, 2000) : null,
    },
  });
}

export async function listAdminEvents(take = 100) {
  return db.adminEvent.findMany({
    orderBy: { at: "desc" },
    take,
    include: { actor: { select: { name: true, email: true } } },
  });
}
