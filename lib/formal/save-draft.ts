// Saves the delegation's shared draft. Every save bumps the version; a save
// made from an older version is refused (two delegates never silently
// overwrite each other), and the history says who changed which clauses. A save withdraws a "ready for
// approval" request (lib/country-tracker/mark-ready.ts): the approvers were asked about the earlier text.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { TConsultation } from "@/lib/consultations/get-consultation";
import type { TCurrentUser } from "@/lib/auth";
import { formalDeadline } from "./get-workspace";
import type { TFormalDraft, TPosition } from "./schema";

export type TSaveResult =
  | { ok: true; version: number; changed: string[] }
  | { ok: false; reason: "forbidden" | "locked" | "closed" | "notOpen" }
  | { ok: false; reason: "stale"; by: string | null; at: Date };

type TRow = {
  id: string;
  status: "draft" | "submitted";
  version: number;
  positions: Record<string, TPosition>;
  statement: string | null;
  updated_at: Date;
  extended_until: Date | null;
  opens_at: Date;
  closes_at: Date;
};

/**
 * The workspace row (made if it is the first use), locked for this transaction, with its
 * consultation's dates as the database has them now. Undefined when the consultation is not
 * published: a hidden draft has no workspace, whatever consultation object the caller holds.
 */
export async function lockWorkspace(
  tx: Pick<typeof db, "$queryRaw" | "$executeRaw">,
  consultationId: string,
  country: string,
): Promise<TRow | undefined> {
  await tx.$executeRaw`INSERT INTO formal_response (consultation_id, country)
    SELECT id, ${country} FROM consultation WHERE id = ${consultationId}::uuid AND published_at IS NOT NULL
    ON CONFLICT (consultation_id, country) DO NOTHING`;
  const rows = await tx.$queryRaw<TRow[]>`
    SELECT f.id, f.status, f.version, f.positions, f.statement, f.updated_at, f.extended_until, k.opens_at, k.closes_at
    FROM formal_response f JOIN consultation k ON k.id = f.consultation_id AND k.published_at IS NOT NULL
    WHERE f.consultation_id = ${consultationId}::uuid AND f.country = ${country} FOR UPDATE OF f`;
  return rows[0];
}

/** Whether the country may still change its response at `at`: open, and before its own deadline (an admin's extension counts). */
export function workspaceWindow(ws: TRow, at: Date): "notOpen" | "closed" | null {
  if (at < ws.opens_at) return "notOpen";
  if (at >= formalDeadline({ closesAt: ws.closes_at }, { extendedUntil: ws.extended_until })) return "closed";
  return null;
}

export function mayDraft(user: TCurrentUser): user is TCurrentUser & { country: string } {
  return user.role === "delegate" && !!user.country && !!user.delegationRole;
}

export async function saveDraft(
  user: TCurrentUser,
  consultation: TConsultation,
  draft: TFormalDraft,
): Promise<TSaveResult> {
  if (!mayDraft(user)) return { ok: false, reason: "forbidden" };
  const byId = Object.fromEntries(
    consultation.clauses.filter((c) => draft.positions[c.key]).map((c) => [c.id, stripEmpty(draft.positions[c.key])]),
  );
  return db.$transaction(async (tx) => {
    const ws = await lockWorkspace(tx, consultation.id, user.country);
    if (!ws) return { ok: false, reason: "forbidden" } as const;
    if (ws.status === "submitted") return { ok: false, reason: "locked" } as const;
    if (ws.version !== draft.version) {
      const last = await tx.formalEvent.findFirst({
        where: { formalResponseId: ws.id },
        orderBy: { at: "desc" },
        include: { actor: { select: { name: true } } },
      });
      return { ok: false, reason: "stale", by: last?.actor.name ?? null, at: ws.updated_at } as const;
    }
    const at = now();
    const shut = workspaceWindow(ws, at);
    if (shut) return { ok: false, reason: shut } as const;
    const changed = consultation.clauses
      .filter((c) => JSON.stringify(ws.positions[c.id] ?? {}) !== JSON.stringify(byId[c.id] ?? {}))
      .map((c) => c.key);
    if ((ws.statement ?? undefined) !== draft.statement) changed.push("statement");
    const version = ws.version + 1;
    await tx.$executeRaw`UPDATE formal_response SET positions = ${JSON.stringify(byId)}::jsonb, statement = ${draft.statement ?? null},
      version = ${version}, updated_at = ${at}, ready_at = NULL, ready_by_id = NULL WHERE id = ${ws.id}::uuid`;
    await tx.formalEvent.create({
      data: {
        formalResponseId: ws.id,
        actorId: user.id,
        at,
        kind: "saved",
        detail: changed.join(", ").slice(0, 2000) || null,
      },
    });
    return { ok: true, version, changed } as const;
  });
}

function stripEmpty(p: TPosition): TPosition {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as TPosition;
}
