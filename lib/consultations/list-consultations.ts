import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { consultationStatus } from "./consultation-status";
import { getConsultation, getConsultationFor, type TConsultation } from "./get-consultation";

/** At most this many consultations in a list (the home page, the staff pickers). */
export const LIST_LIMIT = 100;

/**
 * Consultations for a list: those still open or upcoming first, closing soonest
 * first, then the closed ones, most recently closed first, LIST_LIMIT in all.
 * Hidden drafts only for admins. Filtered and ordered in SQL, so however many
 * consultations have closed (or are drafts), an open one is never cut off.
 */
async function listSome(publishedOnly: boolean): Promise<TConsultation[]> {
  const at = now();
  const published = publishedOnly ? { publishedAt: { not: null } } : {};
  const open = await db.consultation.findMany({
    where: { ...published, closesAt: { gt: at } },
    select: { slug: true },
    orderBy: [{ closesAt: "asc" }, { slug: "asc" }],
    take: LIST_LIMIT,
  });
  const closed =
    open.length < LIST_LIMIT
      ? await db.consultation.findMany({
          where: { ...published, closesAt: { lte: at } },
          select: { slug: true },
          orderBy: [{ closesAt: "desc" }, { slug: "asc" }],
          take: LIST_LIMIT - open.length,
        })
      : [];
  const all = await Promise.all([...open, ...closed].map((r) => getConsultation(r.slug)));
  // The cached copy may be a few seconds older than the query: its own state decides.
  return all.filter((c): c is TConsultation => c !== null && (!publishedOnly || c.publishedAt !== null));
}

/** Every consultation, hidden drafts included (administrators' pages). */
export function listConsultations(): Promise<TConsultation[]> {
  return listSome(false);
}

/** The consultations a staff member may see: every one for an admin, published ones for anyone else. */
export function listConsultationsFor(user: { role: string }): Promise<TConsultation[]> {
  return listSome(user.role !== "admin");
}

/**
 * The consultation a staff page shows: the one its address names (?c=slug) when this user may see it,
 * else the first open one, else the first listed. Looked up by slug, not searched in the list, so a
 * consultation beyond the list's limit is still reachable.
 */
export async function pickConsultationFor(user: { role: string }, slug: unknown): Promise<TConsultation | null> {
  const named = typeof slug === "string" && slug ? await getConsultationFor(user, slug) : null;
  if (named) return named;
  const listed = await listConsultationsFor(user);
  const at = now();
  return listed.find((c) => consultationStatus(c, at) === "open") ?? listed[0] ?? null;
}
