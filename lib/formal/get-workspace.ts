// A country's workspace for one consultation, made on first use (one per
// country and consultation: a unique key in the database).
import { db } from "@/lib/db";
import type { TPosition } from "./schema";

export type TWorkspace = Awaited<ReturnType<typeof getWorkspace>>;

export async function getWorkspace(consultationId: string, country: string) {
  await db.$executeRaw`INSERT INTO formal_response (consultation_id, country) VALUES (${consultationId}::uuid, ${country})
    ON CONFLICT (consultation_id, country) DO NOTHING`;
  const ws = await db.formalResponse.findUniqueOrThrow({
    where: { consultationId_country: { consultationId, country } },
    include: {
      letter: { select: { fileName: true, size: true, sha256: true, uploadedAt: true } },
      events: { orderBy: { at: "desc" }, take: 200, include: { actor: { select: { name: true } } } },
      responses: { where: { withdrawnAt: null }, select: { reference: true, submittedAt: true } },
      readyBy: { select: { name: true } },
    },
  });
  const submitter = ws.submittedById
    ? await db.appUser.findUnique({ where: { id: ws.submittedById }, select: { name: true } })
    : null;
  return {
    ...ws,
    positions: (ws.positions ?? {}) as Record<string, TPosition>,
    submittedByName: submitter?.name ?? null,
    official: ws.responses[0] ?? null,
    lastReopen: ws.events.find((e) => e.kind === "reopened") ?? null,
  };
}

/** The country's own deadline: the consultation's, or a later one an admin granted. */
export function formalDeadline(consultation: { closesAt: Date }, ws: { extendedUntil: Date | null }): Date {
  return ws.extendedUntil && ws.extendedUntil > consultation.closesAt ? ws.extendedUntil : consultation.closesAt;
}
