// One country's workspaces, one per consultation it has started, for its delegates' overview.
import { db } from "@/lib/db";

export function listCountryWorkspaces(country: string) {
  return db.formalResponse.findMany({
    where: { country },
    select: { consultationId: true, status: true, extendedUntil: true },
  });
}
