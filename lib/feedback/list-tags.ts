import { db } from "@/lib/db";

/** A consultation's tags, by name. */
export function listTags(consultationId: string) {
  return db.tag.findMany({
    where: { consultationId },
    select: { key: true, name: true },
    orderBy: { key: "asc" },
    take: 500,
  });
}
