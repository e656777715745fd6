// The public history of a consultation's deadline. Read on every view of the
// draft, so cached for a few seconds like the counts.
import { db } from "@/lib/db";
import { ttlCache } from "@/lib/ttl-cache";

const cache = ttlCache(5_000, (consultationId: string) =>
  db.deadlineChange.findMany({
    where: { consultationId },
    orderBy: { at: "asc" },
    select: { id: true, kind: true, fromAt: true, toAt: true, reason: true, at: true },
  }),
);

export function deadlineHistory(consultationId: string) {
  return cache.get(consultationId);
}

export function clearDeadlineHistory() {
  cache.clear();
}
