export type TStatus = "upcoming" | "open" | "closed";

/** Open from opensAt (inclusive) until closesAt (exclusive), by the server's clock. */
export function consultationStatus(c: { opensAt: Date; closesAt: Date }, at: Date): TStatus {
  if (at < c.opensAt) return "upcoming";
  if (at >= c.closesAt) return "closed";
  return "open";
}
