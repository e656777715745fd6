// Every country's workspace for one consultation, for moderators.
import { db } from "@/lib/db";

export async function listFormal(consultationId: string) {
  const rows = await db.formalResponse.findMany({
    where: { consultationId },
    orderBy: { country: "asc" },
    select: {
      id: true,
      country: true,
      status: true,
      version: true,
      updatedAt: true,
      submittedAt: true,
      submittedById: true,
      extendedUntil: true,
      letter: { select: { fileName: true, sha256: true, size: true } },
      responses: { where: { withdrawnAt: null }, select: { reference: true } },
      events: {
        where: { kind: { in: ["reopened", "extension_granted"] } },
        orderBy: { at: "desc" },
        take: 5,
        select: { id: true, kind: true, at: true, detail: true, actor: { select: { name: true } } },
      },
    },
  });
  const ids = [...new Set(rows.map((r) => r.submittedById).filter((x): x is string => !!x))];
  const names = new Map(
    (await db.appUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return rows.map((r) => ({
    ...r,
    submittedBy: r.submittedById ? (names.get(r.submittedById) ?? null) : null,
    reference: r.responses[0]?.reference ?? null,
  }));
}
