// The public history of a consultation's deadline. Read on every view of the
// draft, so cached for a few seconds like the counts.
import { db } from "@/lib/db";
import { ttlCache } from "@/lib/ttl-cache";

const loadHistory = (consultationId: string) =>
  db.deadlineChange.findMany({
    where: { consultationId },
    orderBy: { at: "asc" },
    select: { id: true, kind: true, fromAt: true, toAt: true, reason: true, at: true },
  });
// Shared by every copy of this module in the process (see get-consultation.ts).
const shared = globalThis as unknown as {
  clausewiseDeadlines?: ReturnType<typeof ttlCache<string, Awaited<ReturnType<typeof loadHistory>>>>;
};
const cache = (shared.clausewiseDeadlines ??= ttlCache(5_000, loadHistory));

export function deadlineHistory(consultationId: string) {
  return cache.get(consultationId);
}

export function clearDeadlineHistory() {
  cache.clear();
}
