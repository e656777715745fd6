// A new version of a published draft. Each new clause either carries over an
// existing one (keeping its stable id, so its feedback stays with it, and a
// new text version when its text changed) or is new; existing clauses not
// carried over are marked removed. The admin decides; similarity suggests.
import { db } from "@/lib/db";
import { clearConsultationCache, type TConsultation } from "@/lib/consultations/get-consultation";
import { logAdminEvent } from "@/lib/users/admin-event";
import type { TAlignedClause } from "./align-drafts";
import { insertClauses } from "./create-consultation";

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Jaccard similarity of the two texts' words, 0 to 1. */
export function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size && !y.size) return 1;
  let both = 0;
  for (const w of x) if (y.has(w)) both += 1;
  return both / (x.size + y.size - both);
}

type TCurrent = Pick<TConsultation["clauses"][number], "id" | "key" | "kind" | "body" | "heading">;

/** For each new clause, the existing clause it most likely is (or null: new). Each existing clause is suggested once. */
export function proposeMapping(
  current: TCurrent[],
  next: TAlignedClause[],
): Record<string, { id: string | null; score: number }> {
  const pairs: { key: string; id: string; score: number }[] = [];
  for (const n of next) {
    for (const c of current) {
      if (c.kind !== n.kind) continue;
      const score =
        similarity(`${c.heading.en ?? ""} ${c.body.en}`, `${n.heading.en ?? ""} ${n.body.en}`) +
        (c.key === n.key ? 0.3 : 0);
      if (score >= 0.45) pairs.push({ key: n.key, id: c.id, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const out: Record<string, { id: string | null; score: number }> = Object.fromEntries(
    next.map((n) => [n.key, { id: null, score: 0 }]),
  );
  const taken = new Set<string>();
  for (const p of pairs) {
    if (out[p.key].id || taken.has(p.id)) continue;
    out[p.key] = { id: p.id, score: Math.min(1, p.score) };
    taken.add(p.id);
  }
  return out;
}

/** Whether a carried-over clause's text (either language, heading or body) changes in the new version. */
export function textChanged(
  old: Pick<TCurrent, "body" | "heading">,
  n: Pick<TAlignedClause, "body" | "heading">,
): boolean {
  return (
    old.body.en !== n.body.en ||
    old.body.fr !== n.body.fr ||
    old.heading.en !== n.heading.en ||
    old.heading.fr !== n.heading.fr
  );
}

export type TRedraft =
  | { ok: true; version: number; kept: number; added: number; removed: number }
  | { ok: false; key: "mappedTwice" | "unknownClause" | "resultsPublished" };

export async function publishVersion(
  actorId: string,
  c: TConsultation,
  next: TAlignedClause[],
  mapping: Record<string, string | null>,
): Promise<TRedraft> {
  const currentIds = new Set(c.clauses.map((k) => k.id));
  const chosen = Object.values(mapping).filter((v): v is string => !!v);
  if (chosen.some((id) => !currentIds.has(id))) return { ok: false, key: "unknownClause" };
  if (new Set(chosen).size !== chosen.length) return { ok: false, key: "mappedTwice" };
  if (c.resultsPublishedAt) return { ok: false, key: "resultsPublished" };
  const version = c.draftVersion + 1;
  const result = await db.$transaction(
    async (tx) => {
      await tx.consultation.update({ where: { id: c.id }, data: { draftVersion: version } });
      // Move every current clause aside (keys and positions are unique), then put each where the new draft wants it.
      for (const k of c.clauses) {
        await tx.clause.update({
          where: { id: k.id },
          data: { key: `${k.key}-v${version}-old`, position: 1_000_000 * version + k.position },
        });
      }
      const ids = new Map<string, string>();
      let added = 0;
      for (const [position, n] of next.entries()) {
        const id = mapping[n.key];
        const parentId = n.parentKey ? (ids.get(n.parentKey) ?? null) : null;
        if (id) {
          const old = c.clauses.find((k) => k.id === id)!;
          const changed = textChanged(old, n);
          await tx.clause.update({
            where: { id },
            data: {
              key: n.key,
              kind: n.kind,
              number: n.number,
              position,
              parentId,
              headingEn: n.heading.en,
              headingFr: n.heading.fr,
              bodyEn: n.body.en,
              bodyFr: n.body.fr,
              ...(changed ? { textVersion: { increment: 1 } } : {}),
            },
          });
          ids.set(n.key, id);
        } else {
          const made = await insertClauses(tx, c.id, [{ ...n, parentKey: null }], version, position);
          const newId = made.get(n.key)!;
          if (parentId) await tx.clause.update({ where: { id: newId }, data: { parentId } });
          ids.set(n.key, newId);
          added += 1;
        }
      }
      const removed = c.clauses.filter((k) => !chosen.includes(k.id));
      for (const k of removed) {
        await tx.clause.update({
          where: { id: k.id },
          data: { removedInVersion: version, key: `${k.key}-removed-v${version}`, parentId: null },
        });
      }
      await logAdminEvent(
        actorId,
        "consultation.redraft",
        c.slug,
        `version ${version}: ${chosen.length} kept, ${added} added, ${removed.length} removed`,
        tx,
      );
      return { ok: true as const, version, kept: chosen.length, added, removed: removed.length };
    },
    { timeout: 60_000 },
  );
  await clearConsultationCache();
  return result;
}
