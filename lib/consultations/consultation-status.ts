import { noteTransitions } from "@/lib/http/page-transitions.mjs";

export type TStatus = "upcoming" | "open" | "closed";

/** Open from opensAt (inclusive) until closesAt (exclusive), by the server's clock. */
export function consultationStatus(c: { opensAt: Date; closesAt: Date }, at: Date): TStatus {
  // A cached page showing this status is dropped when it changes (lib/http/page-transitions.mjs).
  noteTransitions(c.opensAt, c.closesAt);
  if (at < c.opensAt) return "upcoming";
  if (at >= c.closesAt) return "closed";
  return "open";
}

export type TPhase = "draft" | "upcoming" | "open" | "closed" | "results";

/** The phase the public sees: a draft until published; then by the clock; then results once published. */
export function consultationPhase(
  c: { opensAt: Date; closesAt: Date; publishedAt: Date | null; resultsPublishedAt: Date | null },
  at: Date,
): TPhase {
  if (!c.publishedAt) return "draft";
  if (c.resultsPublishedAt) return "results";
  return consultationStatus(c, at);
}
