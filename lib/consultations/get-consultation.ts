import { db } from "@/lib/db";
import { ttlCache } from "@/lib/ttl-cache";
import type { TLocale } from "@/lib/i18n/routing";
import type { TDraftLabels } from "./draft-labels";

export type TClause = {
  id: string;
  key: string;
  kind: "preamble" | "principle" | "action";
  number: string | null;
  parentId: string | null;
  position: number;
  heading: { en: string | null; fr: string | null };
  body: { en: string; fr: string };
  addedInVersion: number;
};

export type TConsultation = {
  id: string;
  slug: string;
  referencePrefix: string;
  title: Record<TLocale, string>;
  summary: Record<TLocale, string>;
  askedFor: Record<TLocale, string>;
  audience: Record<TLocale, string>;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  /** Null while a draft (hidden, previewable by its private link). */
  publishedAt: Date | null;
  resultsPublishedAt: Date | null;
  /** The deadline as first published; a later closesAt is an extension. */
  originalClosesAt: Date | null;
  draftVersion: number;
  privacy: Record<TLocale, string | null>;
  /** The current draft's clauses (removed ones are not here). */
  clauses: TClause[];
  /** Clauses the current version removed (when it is not the first): their number then. */
  removedNow: { number: string | null; kind: TClause["kind"] }[];
  /** The draft's own words for its sections and items; null: the default words. */
  labels: TDraftLabels;
};

async function load(slug: string): Promise<TConsultation | null> {
  const c = await db.consultation.findUnique({
    where: { slug },
    include: { clauses: { where: { removedInVersion: null }, orderBy: { position: "asc" } } },
  });
  if (!c) return null;
  const removedNow =
    c.draftVersion > 1
      ? await db.clause.findMany({
          where: { consultationId: c.id, removedInVersion: c.draftVersion },
          orderBy: { position: "asc" },
          select: { number: true, kind: true },
        })
      : [];
  return {
    id: c.id,
    slug: c.slug,
    referencePrefix: c.referencePrefix,
    title: { en: c.titleEn, fr: c.titleFr },
    summary: { en: c.summaryEn, fr: c.summaryFr },
    askedFor: { en: c.askedForEn, fr: c.askedForFr },
    audience: { en: c.audienceEn, fr: c.audienceFr },
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    timeZone: c.timeZone,
    publishedAt: c.publishedAt,
    resultsPublishedAt: c.resultsPublishedAt,
    originalClosesAt: c.originalClosesAt,
    draftVersion: c.draftVersion,
    privacy: { en: c.privacyEn, fr: c.privacyFr },
    clauses: c.clauses.map((k) => ({
      id: k.id,
      key: k.key,
      kind: k.kind,
      number: k.number,
      parentId: k.parentId,
      position: k.position,
      heading: { en: k.headingEn, fr: k.headingFr },
      body: { en: k.bodyEn, fr: k.bodyFr },
      addedInVersion: k.addedInVersion,
    })),
    removedNow,
    labels: {
      section: { en: c.sectionLabelEn, fr: c.sectionLabelFr },
      item: { en: c.itemLabelEn, fr: c.itemLabelFr },
    },
  };
}

// On globalThis: Next.js bundles instrumentation.ts (which drops the cache when another server announces a
// change) apart from the pages, so each has its own copy of this module; they must share one cache.
const shared = globalThis as unknown as {
  clausewiseConsultations?: ReturnType<typeof ttlCache<string, TConsultation | null>>;
};
const cache = (shared.clausewiseConsultations ??= ttlCache(5_000, load));

/** The consultation as the database has it now, bypassing the cache (administrators' pages and changes). */
export function getConsultationFresh(slug: string): Promise<TConsultation | null> {
  if (typeof slug !== "string" || slug.length > 64 || !SLUG.test(slug)) return Promise.resolve(null);
  return load(slug);
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A consultation and its draft in document order, or null. Cached for a few
 * seconds: pages and the API read it on every request. Deadlines are enforced
 * by submitResponse against the database, never against this copy.
 */
export function getConsultation(slug: string): Promise<TConsultation | null> {
  if (typeof slug !== "string" || slug.length > 64 || !SLUG.test(slug)) return Promise.resolve(null);
  return cache.get(slug);
}

/**
 * A consultation anyone but an admin may read: a published one, or null, exactly as for an
 * unknown slug (a hidden draft must not be told apart from nothing). Every path that is not an
 * admin's reads through this (or getPublicConsultation, which adds the private preview link);
 * the SQL that writes official responses checks publication again (lib/formal/save-draft.ts).
 */
export async function getPublishedConsultation(slug: string): Promise<TConsultation | null> {
  const c = await getConsultation(slug);
  return c?.publishedAt ? c : null;
}

/** Staff pages: an admin reads hidden drafts too; a moderator (or anyone else) only published ones. */
export function getConsultationFor(user: { role: string }, slug: string): Promise<TConsultation | null> {
  return user.role === "admin" ? getConsultation(slug) : getPublishedConsultation(slug);
}

/** Forgets the cached consultations in this process only (another server announced a change). */
export function dropConsultationCache(): void {
  cache.clear();
}

/**
 * After a change, once it is committed: forgets them here, and tells every other server
 * (lib/consultations/cache-bus.ts) before the caller answers, so the next page, on
 * whichever server, reads the change. Never call it inside a transaction: another
 * server could reload the old row and keep it for the cache's lifetime.
 */
export async function clearConsultationCache(): Promise<void> {
  cache.clear();
  const [{ announceChange }, { clearDeadlineHistory }] = await Promise.all([
    import("./cache-bus"),
    import("./deadline-history"),
  ]);
  clearDeadlineHistory();
  // A failed announcement leaves other servers at most one cache lifetime (5 s) behind; the change itself stands.
  await announceChange().catch((e) => console.error(`[cache] could not tell other servers: ${(e as Error).message}`));
}
